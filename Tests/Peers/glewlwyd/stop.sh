#!/usr/bin/env bash
# stop.sh DIR - stop the glewlwyd that start.sh started in DIR (by its PID file only).
DIR="${1:?state directory}"
PIDF="$DIR/glewlwyd.pid"
[ -s "$PIDF" ] || exit 0
pid=$(cat "$PIDF")
if kill -0 "$pid" 2>/dev/null && grep -q glewlwyd "/proc/$pid/cmdline" 2>/dev/null; then
  kill "$pid"
  for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done   # poll, 5 s at most
  kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
fi
rm -f "$PIDF"
