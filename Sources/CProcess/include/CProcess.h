// Process settings Swift cannot reach: prctl is variadic, so Swift does not import it.
#ifndef CPROCESS_H
#define CPROCESS_H

/// Makes the process non-dumpable (no core file, even through a core_pattern pipe such as
/// systemd-coredump; no ptrace attach by other processes of the user) and sets the core size
/// limits to 0. Returns 0 when both took effect.
int cp_disable_core_dumps(void);

#endif
