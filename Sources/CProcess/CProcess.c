#include "CProcess.h"
#include <sys/prctl.h>
#include <sys/resource.h>

int cp_disable_core_dumps(void) {
    int status = 0;
    if (prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) != 0) status = -1;
    struct rlimit none = { 0, 0 };
    if (setrlimit(RLIMIT_CORE, &none) != 0) status = -1;
    return status;
}
