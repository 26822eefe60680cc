#!/usr/bin/env bash
# Installs what building and testing need, only when missing: ncursesw headers, tmux (end-to-end
# tests), glewlwyd and its setup tools (the live check's test provider), and python-dotenv + PyYAML
# (the tests read outputs back as real consumers do).
set -euo pipefail

need_apt=()
pkg-config --exists ncursesw 2>/dev/null || need_apt+=(libncurses-dev pkg-config)
command -v tmux >/dev/null 2>&1 || need_apt+=(tmux)
command -v python3 >/dev/null 2>&1 || need_apt+=(python3 python3-pip)
# The live check's tests run a real OpenID provider (Tests/Peers/glewlwyd) and configure it with these.
[ -x /usr/bin/glewlwyd ] || need_apt+=(glewlwyd)
for tool in sqlite3 jq openssl curl; do command -v $tool >/dev/null 2>&1 || need_apt+=($tool); done

if [ ${#need_apt[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "install-deps: apt-get install ${need_apt[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

if ! python3 -c 'import dotenv, yaml' 2>/dev/null; then
  if python3 -m pip --version >/dev/null 2>&1; then
    echo "install-deps: pip install python-dotenv PyYAML"
    python3 -m pip install --quiet python-dotenv PyYAML 2>/dev/null \
      || python3 -m pip install --quiet --break-system-packages python-dotenv PyYAML
  else
    # Debian's own python3 without pip: its packages serve the same readers.
    sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    echo "install-deps: apt-get install python3-dotenv python3-yaml"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq python3-dotenv python3-yaml >/dev/null
  fi
fi
