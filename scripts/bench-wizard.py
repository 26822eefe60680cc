#!/usr/bin/env python3
"""Benchmark of the wizard's terminal behaviour, side by side with dialog (issue 3, "Performance").

    swift build -c release          # or: make release
    scripts/bench-wizard.py         # --runs 20, --bin PATH, --no-frame-count, --show (needs pyte)

Everything runs in one pseudo-terminal per process, 80x24 (TIOCSWINSZ on the pty before the fork),
TERM=xterm-256color, LANG=C.UTF-8, with the same fork/exec path for every program. Nothing is
installed; dialog comes from `apt-get install dialog`.

What is measured
- First complete frame: from just before fork() until the last byte of the burst that completes the
  first screen. A screen counts as complete once the received text (escape sequences stripped)
  contains its marker -- the wizard's hint bar "^C quit" (the last row of the start screen), dialog's
  button label "OK" (msgbox) / "Cancel" (inputbox), the last thing each draws -- and then output goes
  quiet for QUIET ms; the time is that of the last byte before the quiet gap. Also shown: the time
  until the marker itself arrived. Runs are interleaved (wizard, msgbox, inputbox, wizard, ...) after
  warm-up runs; medians are reported.
- One typed character: the wizard is taken to a text field (Enter on the start screen, the provider
  and the output step -> the Tenant ID field of the Entra endpoints step), dialog runs
  `--inputbox x 10 40`; after the screen is quiet, one character is written to the pty and every
  byte the program writes until it is quiet again is counted. Then 9 more characters one at a time,
  for a mean per character.
- 200-character paste: into the same fields. The wizard gets a bracketed paste (ESC[200~ ... ESC[201~,
  as a terminal sends it when the program enabled mode 2004, which the wizard does); dialog does not
  enable bracketed paste, so a terminal hands it the plain text, which is what it gets. For comparison
  both also get the 200 characters without brackets in one write, and typed one per 5 ms.
  Frames, two ways:
  (a) bursts: output chunks separated by a gap of at least BURST_GAP ms count as separate frames.
      Frames drawn back to back arrive closer together than any gap, so this undercounts (dialog's
      200 per-key refreshes of a one-write paste arrive as one burst); it only shows what a slow link
      would see.
  (b) exact, from the program's own I/O: a separate session of each case runs with LD_PRELOAD of a small
      C shim (compiled here with cc into the scratch directory) that logs, time-stamped, every read()
      of fd 0 and write() to fd 1/2 -- the libc calls ncurses uses to take keys and flush output. A
      frame is a run of writes with no read of input in between: a program that drains pending keys
      and then draws makes one run; one that reads a key and refreshes per key makes one per key.
      Counted between sending the input and the end of the quiet gap. (Not doupdate() calls: dialog
      refreshes inside wgetch(), a call within libncursesw that LD_PRELOAD cannot see. Not write()
      calls either: ncurses 6.4 flushes at several points of one update, about 16 writes for one
      frame of the wizard.)
- Peak RSS: VmHWM from /proc/<pid>/status read just before the program is told to quit (after the first
  frame, the typing or the paste). Not ru_maxrss from wait4(): Linux carries the high-water mark of the
  forked Python image (about 12 MB) across exec into the child's ru_maxrss, which hides anything
  smaller, such as dialog's 3 MB.

The wizard is left with Ctrl-C then `y` (exit status 130); dialog with Enter. A child that does not
exit within 3 s gets SIGTERM, then SIGKILL; every child is reaped.
"""
import argparse
import fcntl
import os
import re
import select
import shutil
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time

ROWS, COLS = 24, 80
QUIET = 0.060          # s of silence that ends a burst of drawing
BURST_GAP = 0.002      # s between chunks that separates two frames when counting bursts
EXIT_TIMEOUT = 3.0
ENV = {
    "PATH": "/usr/bin:/bin",
    "TERM": "xterm-256color",
    "LANG": "C.UTF-8",
    "HOME": os.environ.get("HOME", "/tmp"),
}
PASTE_TEXT = ("0123456789abcdefghijklmnopqrstuvwxyz" * 6)[:200]
WIZARD_MARKER = "^C quit"

ESCAPES = re.compile(
    rb"\x1b\[[0-?]*[ -/]*[@-~]"        # CSI
    rb"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)"  # OSC
    rb"|\x1b[()*+][0-~]"               # charset designation
    rb"|\x1b[ -/]*[0-~]"               # other ESC sequences
    rb"|[\x00-\x08\x0b-\x1f\x7f]"      # other controls (SO/SI, BS, CR ...)
)


def plain(data: bytes) -> str:
    return ESCAPES.sub(b"", data).decode("utf-8", "replace")


class Session:
    """One program in its own pty, with every output chunk time-stamped."""

    def __init__(self, argv, env=None):
        self.argv = argv
        env = env or ENV
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLS, 0, 0))
        self.t0 = time.perf_counter()
        pid = os.fork()
        if pid == 0:  # child
            try:
                os.close(master)
                os.setsid()
                fcntl.ioctl(slave, termios.TIOCSCTTY, 0)
                for fd in (0, 1, 2):
                    os.dup2(slave, fd)
                if slave > 2:
                    os.close(slave)
                os.execve(argv[0], argv, env)
            finally:
                os._exit(127)
        os.close(slave)
        self.pid, self.fd = pid, master
        self.chunks = []      # (perf_counter, bytes)
        self.eof = False
        self.status = None
        self.rusage = None
        self.hwm_kb = None

    def read_hwm(self):
        """Records the peak RSS so far (VmHWM) of the running child."""
        try:
            with open(f"/proc/{self.pid}/status") as f:
                for line in f:
                    if line.startswith("VmHWM:"):
                        self.hwm_kb = int(line.split()[1])
        except OSError:
            pass

    # -- reading -----------------------------------------------------------------------------------
    def _read(self, timeout):
        """Reads what is available within `timeout` s; returns False on timeout or end of output."""
        if self.eof:
            return False
        ready, _, _ = select.select([self.fd], [], [], max(0.0, timeout))
        if not ready:
            return False
        try:
            data = os.read(self.fd, 65536)
        except OSError:  # EIO: the slave side is closed (the child exited)
            data = b""
        if not data:
            self.eof = True
            return False
        self.chunks.append((time.perf_counter(), data))
        return True

    def mark(self):
        return len(self.chunks)

    def data(self, since=0):
        return b"".join(c[1] for c in self.chunks[since:])

    def until_quiet(self, quiet=QUIET, limit=10.0):
        """Reads until nothing arrives for `quiet` s."""
        end = time.perf_counter() + limit
        while time.perf_counter() < end and self._read(quiet):
            pass

    def until_text(self, text, since=0, limit=10.0):
        """Reads until the stripped output since `since` contains `text`; returns its arrival time."""
        end = time.perf_counter() + limit
        while text not in plain(self.data(since)):
            if not self._read(end - time.perf_counter()):
                raise RuntimeError(f"{self.argv[0]}: {text!r} did not appear; got {plain(self.data(since))[-300:]!r}")
        return self.chunks[-1][0]

    def send(self, data: bytes):
        t = time.perf_counter()
        wall = time.time()
        os.write(self.fd, data)
        return t, wall

    # -- ending ------------------------------------------------------------------------------------
    def wait(self, limit=EXIT_TIMEOUT):
        """Waits for the child to exit (draining its output); escalates to SIGTERM and SIGKILL."""
        for sig in (None, signal.SIGTERM, signal.SIGKILL):
            if sig is not None:
                try:
                    os.kill(self.pid, sig)
                except ProcessLookupError:
                    pass
            end = time.perf_counter() + limit
            while time.perf_counter() < end:
                pid, status, usage = os.wait4(self.pid, os.WNOHANG)
                if pid == self.pid:
                    self.status, self.rusage = os.waitstatus_to_exitcode(status), usage
                    self.close()
                    return self.status
                self._read(0.01)
            if sig is None:
                print(f"warning: {self.argv[0]} did not exit; sending SIGTERM", file=sys.stderr)
        raise RuntimeError(f"{self.argv[0]}: pid {self.pid} survived SIGKILL")

    def close(self):
        if self.fd is not None:
            os.close(self.fd)
            self.fd = None

    def kill(self):
        """For errors: make sure the child is gone and reaped."""
        if self.status is None:
            try:
                os.kill(self.pid, signal.SIGKILL)
                _, status, usage = os.wait4(self.pid, 0)
                self.status, self.rusage = os.waitstatus_to_exitcode(status), usage
            except (ProcessLookupError, ChildProcessError):
                pass
        self.close()

    @property
    def max_rss_mb(self):
        return self.hwm_kb / 1024 if self.hwm_kb else float("nan")


# -- the programs -------------------------------------------------------------------------------------

class Program:
    """How to start one program, recognise its first screen, reach a text field and leave."""

    def __init__(self, name, argv, marker, quit_keys, field_steps=(), field_marker=None):
        self.name, self.argv, self.marker = name, argv, marker
        self.quit_keys, self.field_steps, self.field_marker = quit_keys, field_steps, field_marker

    def start(self, env=None):
        s = Session(self.argv, env)
        try:
            t_marker = s.until_text(self.marker)
            s.until_quiet()
            # The frame ends with the last byte that arrived before the quiet gap.
            first_frame_bytes = len(s.data())
            return s, t_marker - s.t0, s.chunks[-1][0] - s.t0, first_frame_bytes
        except BaseException:
            s.kill()
            raise

    def to_field(self, s):
        since = s.mark()  # the marker may be drawn by any of the steps
        for key in self.field_steps:
            s.send(key)
            s.until_quiet()
        if self.field_marker and self.field_marker not in plain(s.data(since if self.field_steps else 0)):
            raise RuntimeError(f"{self.name}: did not reach the text field ({self.field_marker!r} not drawn)")

    def leave(self, s):
        s.read_hwm()
        for key in self.quit_keys:
            s.send(key)
            s.until_quiet(0.03, limit=1.0)
        return s.wait()


def measure_response(s, data, quiet=QUIET):
    """Sends `data`; returns (bytes, seconds until the last byte, bursts, chunks) of the response."""
    since = s.mark()
    t_send, wall_send = s.send(data)
    s.until_quiet(quiet)
    wall_end = time.time()
    chunks = s.chunks[since:]
    nbytes = sum(len(c[1]) for c in chunks)
    elapsed = (chunks[-1][0] - t_send) if chunks else 0.0
    bursts, last = 0, None
    for t, _ in chunks:
        if last is None or t - last >= BURST_GAP:
            bursts += 1
        last = t
    return {"bytes": nbytes, "time": elapsed, "bursts": bursts, "window": (wall_send, wall_end)}


def type_slowly(s, text, interval):
    """Writes `text` one character per `interval` s; returns the response like measure_response."""
    since = s.mark()
    t_send, wall_send = s.send(text[:1].encode())
    for ch in text[1:]:
        target = time.perf_counter() + interval
        while True:
            left = target - time.perf_counter()
            if left <= 0:
                break
            s._read(left)
        s.send(ch.encode())
    s.until_quiet()
    wall_end = time.time()
    chunks = s.chunks[since:]
    bursts, last = 0, None
    for t, _ in chunks:
        if last is None or t - last >= BURST_GAP:
            bursts += 1
        last = t
    return {"bytes": sum(len(c[1]) for c in chunks), "time": chunks[-1][0] - t_send if chunks else 0.0,
            "bursts": bursts, "window": (wall_send, wall_end)}


IO_SHIM = r"""
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>
/* Logs terminal I/O, one line per call: "<CLOCK_REALTIME s> R|W <fd> <result>" for each read() on
   fd 0 and write() on fd 1 or 2. ncurses reads keys and flushes output with these libc calls. */
static int log_fd = -2;
static void note(char kind, int fd, ssize_t result) {
    if (log_fd == -2) {
        const char *path = getenv("BENCH_IO_LOG");
        log_fd = path ? (int)syscall(SYS_open, path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600) : -1;
    }
    if (log_fd < 0) return;
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    char line[96];
    int n = snprintf(line, sizeof line, "%lld.%09ld %c %d %zd\n", (long long)ts.tv_sec, ts.tv_nsec, kind, fd, result);
    syscall(SYS_write, log_fd, line, (size_t)n);
}
ssize_t read(int fd, void *buf, size_t count) {
    ssize_t r = syscall(SYS_read, fd, buf, count);
    if (fd == 0) note('R', fd, r);
    return r;
}
ssize_t write(int fd, const void *buf, size_t count) {
    ssize_t r = syscall(SYS_write, fd, buf, count);
    if (fd == 1 || fd == 2) note('W', fd, r);
    return r;
}
"""


def build_io_shim(directory):
    """Compiles the I/O logger; returns the .so path, or None without a C compiler."""
    cc = shutil.which("cc") or shutil.which("gcc") or shutil.which("clang")
    if not cc:
        return None
    source, library = os.path.join(directory, "iolog.c"), os.path.join(directory, "iolog.so")
    with open(source, "w") as f:
        f.write(IO_SHIM)
    if os.spawnv(os.P_WAIT, cc, [cc, "-shared", "-fPIC", "-O2", "-o", library, source]) != 0:
        return None
    return library


def frames_in(log, window):
    """Frames between the two wall-clock times: runs of writes to the terminal with no read of input
    in between (a program reads what is pending, then draws; drawing per key reads one, draws one)."""
    start, end = window
    frames, writing = 0, False
    try:
        with open(log) as f:
            for line in f:
                stamp, kind, _fd, result = line.split()
                if not start <= float(stamp) <= end:
                    continue
                if kind == "W" and int(result) > 0:
                    frames += not writing
                    writing = True
                elif kind == "R":
                    writing = False
    except FileNotFoundError:
        pass
    return frames


# -- scenarios ----------------------------------------------------------------------------------------

def first_frames(programs, runs, warmup):
    results = {p.name: {"marker": [], "frame": [], "bytes": [], "rss": [], "status": set()} for p in programs}
    for i in range(warmup + runs):
        for p in programs:
            s, t_marker, t_frame, nbytes = p.start()
            try:
                status = p.leave(s)
            finally:
                s.kill()
            if i >= warmup:
                r = results[p.name]
                r["marker"].append(t_marker * 1000)
                r["frame"].append(t_frame * 1000)
                r["bytes"].append(nbytes)
                r["rss"].append(s.max_rss_mb)
                r["status"].add(status)
    return results


def startup_floor(argvs, runs, warmup):
    """Median ms from fork to exit of a command that draws nothing (`--version`): loader + runtime start."""
    times = {a[0]: [] for a in argvs}
    for i in range(warmup + runs):
        for argv in argvs:
            s = Session(argv)
            while s._read(EXIT_TIMEOUT):  # until end of output: the child closed the pty by exiting
                pass
            _, status, _ = os.wait4(s.pid, 0)  # blocking, so the time is not quantised by polling
            t_exit = time.perf_counter()
            s.status = os.waitstatus_to_exitcode(status)
            s.close()
            if i >= warmup:
                times[argv[0]].append((t_exit - s.t0) * 1000)
    return {k: statistics.median(v) for k, v in times.items()}


def field_session(p, action, env=None):
    """Starts `p`, goes to its text field, runs `action(session)`, leaves; returns (result, session)."""
    s, *_ = p.start(env)
    try:
        p.to_field(s)
        result = action(s)
        s.screen_bytes = s.data()
        p.leave(s)
    finally:
        s.kill()
    return result, s


def typing(s):
    first = measure_response(s, b"1")
    more = [measure_response(s, c.encode())["bytes"] for c in "234567890"]
    return first, more


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bin", default=".build/release/camunda-oidc")
    ap.add_argument("--runs", type=int, default=20)
    ap.add_argument("--warmup", type=int, default=3)
    ap.add_argument("--no-frame-count", action="store_true", help="skip the exact frame count (LD_PRELOAD I/O shim)")
    ap.add_argument("--show", action="store_true", help="print the screen after the paste (needs pyte)")
    args = ap.parse_args()

    os.chdir(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
    wizard_bin = os.path.abspath(args.bin)
    if not os.access(wizard_bin, os.X_OK):
        sys.exit(f"bench-wizard: {args.bin} not found; build it first: swift build -c release (or: make release)")
    dialog = shutil.which("dialog")
    if not dialog:
        sys.exit("bench-wizard: dialog is not installed; install it with: sudo apt-get install dialog")
    # The wizard runs in an empty scratch directory, so that nothing it might write lands in the repo.
    scratch = tempfile.mkdtemp(prefix="camunda-oidc-bench-")
    os.chdir(scratch)
    shim = None if args.no_frame_count else build_io_shim(scratch)
    if not args.no_frame_count and not shim:
        print("note: no C compiler (apt-get install gcc); exact frame counts skipped", file=sys.stderr)
    frame_log = os.path.join(scratch, "io.log")
    shim_env = dict(ENV, LD_PRELOAD=shim or "", BENCH_IO_LOG=frame_log)

    wizard = Program("camunda-oidc", [wizard_bin], WIZARD_MARKER, [b"\x03", b"y"],
                     field_steps=[b"\r", b"\r", b"\r", b"\r"], field_marker="Tenant ID")  # start, version, provider, output
    # A field with nothing derived from it: the start step's path (j, then Tab).
    wizard_plain = Program("camunda-oidc (path)", [wizard_bin], WIZARD_MARKER, [b"\x03", b"y"],
                           field_steps=[b"j", b"\t"], field_marker="e.g. ./camunda-env")
    # LD_PRELOAD cannot reach into a static executable (the release build is one): no exact
    # frame counts for it, only bursts.
    static_wizard = b"not a dynamic executable" in subprocess.run(["ldd", wizard_bin], capture_output=True).stdout + \
        subprocess.run(["ldd", wizard_bin], capture_output=True).stderr
    if shim and static_wizard:
        print("note: the wizard is a static executable; exact frame counts only for dialog (bursts for both)", file=sys.stderr)

    def shim_for(program):
        return shim and not (static_wizard and program.argv[0] == wizard_bin)
    msgbox = Program("dialog --msgbox", [dialog, "--msgbox", "Benchmark message", "10", "40"], "OK", [b"\r"])
    inputbox = Program("dialog --inputbox", [dialog, "--inputbox", "x", "10", "40"], "Cancel", [b"\r"])

    try:
        print(f"pty {COLS}x{ROWS}, TERM={ENV['TERM']}, LANG={ENV['LANG']}; {os.cpu_count()} CPUs; "
              f"quiet gap {QUIET * 1000:.0f} ms, burst gap {BURST_GAP * 1000:.0f} ms", flush=True)
        print(f"wizard: {args.bin}; dialog: {dialog}; load average {os.getloadavg()[0]:.2f} "
              "(other work on the machine slows every program; compare rows of one run)", flush=True)

        # 1. First frame
        ff = first_frames([wizard, msgbox, inputbox], args.runs, args.warmup)
        print(f"\nFirst complete frame (median of {args.runs} interleaved runs after {args.warmup} warm-up runs each)")
        print(f"{'program':20}{'marker ms':>10}{'frame ms':>10}{'min ms':>9}{'max ms':>9}{'bytes':>8}{'RSS MB':>8}  exit")
        for name, r in ff.items():
            print(f"{name:20}{statistics.median(r['marker']):10.2f}{statistics.median(r['frame']):10.2f}"
                  f"{min(r['frame']):9.2f}{max(r['frame']):9.2f}{statistics.median(r['bytes']):8.0f}"
                  f"{statistics.median(r['rss']):8.1f}  {sorted(r['status'])}", flush=True)
        floor = startup_floor([[wizard_bin, "--version"], [dialog, "--version"]], args.runs, args.warmup)
        print("start-up floor, fork to exit of --version (median): "
              + ", ".join(f"{os.path.basename(k)} {v:.2f} ms" for k, v in floor.items()), flush=True)

        # 2. One typed character
        rows = []
        for p in (wizard, wizard_plain, inputbox):
            (first, more), s = field_session(p, typing)
            frames = "-"
            if shim_for(p):
                (shim_first, _), _ = field_session(p, typing, shim_env)
                frames = str(frames_in(frame_log, shim_first["window"]))
                os.unlink(frame_log)
            rows.append((p.name, first, more, s, frames))
        print("\nOne typed character in a text field (wizard: Entra Tenant ID, whose derived URLs redraw live, "
              "and the start step's path; dialog: --inputbox x 10 40)")
        print(f"{'program':20}{'1st char B':>11}{'next 9 mean B':>14}{'ms':>7}{'frames':>8}  peak RSS MB")
        for name, first, more, s, frames in rows:
            print(f"{name:20}{first['bytes']:11d}{statistics.mean(more):14.1f}{first['time'] * 1000:7.2f}"
                  f"{frames:>8}  {s.max_rss_mb:.1f}", flush=True)

        # 3. 200-character paste
        bracketed = b"\x1b[200~" + PASTE_TEXT.encode() + b"\x1b[201~"
        cases = [
            ("camunda-oidc", "bracketed paste", wizard, lambda s: measure_response(s, bracketed)),
            ("camunda-oidc", "plain, one write", wizard, lambda s: measure_response(s, PASTE_TEXT.encode())),
            ("camunda-oidc", "typed, 1 per 5 ms", wizard, lambda s: type_slowly(s, PASTE_TEXT, 0.005)),
            ("dialog --inputbox", "plain, one write", inputbox, lambda s: measure_response(s, PASTE_TEXT.encode())),
            ("dialog --inputbox", "typed, 1 per 5 ms", inputbox, lambda s: type_slowly(s, PASTE_TEXT, 0.005)),
        ]
        print(f"\n200-character paste into the text field (time: from the write to the last byte of output)")
        head = f"{'program':20}{'input':19}{'bytes':>7}{'ms':>9}{'bursts':>8}"
        if shim:
            head += f"{'frames*':>9}"
        print(head + "  peak RSS MB")
        shown = None
        for name, label, p, action in cases:
            r, s = field_session(p, action)
            line = f"{name:20}{label:19}{r['bytes']:7d}{r['time'] * 1000:9.2f}{r['bursts']:8d}"
            if shim_for(p):
                rt, _ = field_session(p, action, shim_env)
                line += f"{frames_in(frame_log, rt['window']):9d}"
                os.unlink(frame_log)
            elif shim:
                line += f"{'-':>9}"
            print(line + f"  {s.max_rss_mb:.1f}", flush=True)
            if name == "camunda-oidc" and label == "bracketed paste":
                shown = s
        if shim:
            print("* frames: runs of write() to the terminal not separated by a read() of input, from "
                  "sending the input to the end of the quiet gap (LD_PRELOAD shim, a separate session)")
        if args.show and shown is not None:
            try:
                import pyte
                screen = pyte.Screen(COLS, ROWS)
                stream = pyte.ByteStream(screen)
                stream.feed(shown.screen_bytes)
                print("\nwizard screen after the bracketed paste (pyte):")
                print("\n".join(screen.display))
            except ImportError:
                print("--show needs pyte (pip install pyte)", file=sys.stderr)
    finally:
        os.chdir("/")
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
