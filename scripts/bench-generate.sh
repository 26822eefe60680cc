#!/usr/bin/env bash
# Benchmark of `camunda-oidc generate` on the full Entra answers (issue 2: "median generate time").
#
#   make bench                      # builds the release binary first, then runs this
#   scripts/bench-generate.sh       # RUNS=50 WARMUP=5 ANSWERS=... BIN=... to override
#
# Prints the median, p90 and min wall time in ms over RUNS runs (after WARMUP runs), and the peak RSS.
# Builds nothing: run `swift build -c release` (or `make release`) first.
# Timing uses hyperfine when installed (apt-get install hyperfine), otherwise a Python timer; the peak
# RSS always comes from wait4() on each child (Python), since hyperfine 1.15 does not report memory.
# The output directory is reused, so every timed run after the first replaces existing files with
# --force (a backup of each is kept): the "re-generate" path, which does a little more work than a
# first write into an empty directory. The backups are removed before each run, so every run does the
# same work (otherwise NAME.bak, NAME.bak.1, ... pile up and each run searches further for a free name).
set -euo pipefail

cd "$(dirname "$0")/.."
BIN=${BIN:-.build/release/camunda-oidc}
ANSWERS=${ANSWERS:-Tests/Fixtures/answers/entra-helm.yaml}
RUNS=${RUNS:-50}
WARMUP=${WARMUP:-5}

if [[ ! -x $BIN ]]; then
    echo "bench-generate: $BIN not found; build it first: swift build -c release (or: make release)" >&2
    exit 1
fi
if ! command -v python3 >/dev/null; then
    echo "bench-generate: python3 is needed (apt-get install python3)" >&2
    exit 1
fi

OUT=$(mktemp -d "${TMPDIR:-/tmp}/camunda-oidc-bench.XXXXXX")
trap 'rm -rf "$OUT"' EXIT
# `generate` creates the output directory itself (0700); start from a missing one inside $OUT.
DIR="$OUT/out"
CMD=("$BIN" generate --answers "$ANSWERS" --out "$DIR" --force)

# One run to check that the command works at all (and to show what it writes).
if ! "${CMD[@]}" >/dev/null 2>"$OUT/stderr"; then
    echo "bench-generate: the command failed:" >&2
    cat "$OUT/stderr" >&2
    exit 1
fi

echo "camunda-oidc generate: $ANSWERS"
echo "binary: $BIN ($(du -h "$BIN" | cut -f1)), $("$BIN" --version 2>/dev/null || echo '?')"
echo "writes: $(cd "$DIR" && ls | grep -v '\.bak\|~$' | tr '\n' ' ')"
echo "host:   $(nproc) CPUs, $(uname -sr)"

if command -v hyperfine >/dev/null; then
    TIMER="hyperfine $(hyperfine --version | cut -d' ' -f2)"
    hyperfine --style none --shell=none --warmup "$WARMUP" --runs "$RUNS" \
        --prepare "find $DIR -name *.bak* -delete" \
        --export-json "$OUT/hyperfine.json" "${CMD[*]}" >/dev/null
else
    TIMER="python3 (hyperfine not installed: apt-get install hyperfine)"
    echo "note: hyperfine not found, timing with Python instead (apt-get install hyperfine for hyperfine)"
fi

python3 - "$OUT" "$RUNS" "$WARMUP" "$TIMER" "${CMD[@]}" <<'PY'
import json, math, os, statistics, sys, time

out, runs, warmup, timer, cmd = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], sys.argv[5:]
devnull = os.open(os.devnull, os.O_RDWR)

def remove_backups():
    directory = cmd[cmd.index("--out") + 1]
    for name in os.listdir(directory):
        if ".bak" in name:
            os.unlink(os.path.join(directory, name))

def run_once():
    """Runs the command; returns (wall seconds, peak RSS in KiB) of that child alone (wait4)."""
    remove_backups()
    start = time.perf_counter()
    pid = os.posix_spawn(cmd[0], cmd, os.environ,
                         file_actions=[(os.POSIX_SPAWN_DUP2, devnull, 1), (os.POSIX_SPAWN_DUP2, devnull, 2)])
    _, status, usage = os.wait4(pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"bench-generate: the command exited with {os.waitstatus_to_exitcode(status)}")
    return elapsed, usage.ru_maxrss

path = os.path.join(out, "hyperfine.json")
if os.path.exists(path):
    times = json.load(open(path))["results"][0]["times"]
    rss_runs = 10  # only for memory; the timing came from hyperfine
    for _ in range(2):
        run_once()
    rss = [run_once()[1] for _ in range(rss_runs)]
else:
    for _ in range(warmup):
        run_once()
    samples = [run_once() for _ in range(runs)]
    times = [s[0] for s in samples]
    rss = [s[1] for s in samples]

ms = sorted(t * 1000 for t in times)
def pct(p):
    # nearest-rank percentile
    k = max(0, min(len(ms) - 1, math.ceil(p / 100 * len(ms)) - 1))
    return ms[k]

print(f"timer:  {timer}, {len(ms)} runs after {warmup} warm-up runs")
print()
print(f"{'':14}{'ms':>8}")
print(f"{'median':14}{statistics.median(ms):8.2f}")
print(f"{'p90':14}{pct(90):8.2f}")
print(f"{'min':14}{ms[0]:8.2f}")
print(f"{'max':14}{ms[-1]:8.2f}")
# Linux carries the spawning process's high-water mark across exec into ru_maxrss, so a figure at
# this floor (Python's own RSS, measured with /bin/true) means "no more than the floor".
floor = 0
if os.path.exists("/bin/true"):
    pid = os.posix_spawn("/bin/true", ["/bin/true"], os.environ)
    floor = os.wait4(pid, 0)[2].ru_maxrss
print(f"{'peak RSS':14}{max(rss) / 1024:8.1f} MB  (max over {len(rss)} runs, wait4 ru_maxrss; "
      f"floor from the spawning Python: {floor / 1024:.1f} MB)")
PY
