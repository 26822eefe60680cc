#!/usr/bin/env bash
# release-check.sh [BINARY] - the static release binary against the real provider over TLS:
# with --ca-file it verifies, without it it reports an unknown CA; then, as root, in a bare chroot
# (the binary, /proc and a CA bundle, no /lib or /usr) it finds the system CA store by itself.
# `make release-check` builds the release binary first. Loopback only.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="$(realpath "${1:-.build/release/camunda-oidc}")"
WORK="$(mktemp -d /tmp/camunda-oidc-release-check.XXXXXX)"
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
ROOT="$WORK/root"
cleanup() { mountpoint -q "$ROOT/proc" 2>/dev/null && umount "$ROOT/proc"; Tests/Peers/glewlwyd/stop.sh "$WORK/idp"; rm -rf "$WORK"; }
trap cleanup EXIT
fail() { echo "release-check: FAIL: $*" >&2; exit 1; }

IDP_CLIENTS="zeebe-client:zeebe-secret-NOT-REAL:zeebe-api identity-client:identity-secret-NOT-REAL:identity-api operate-client:operate-secret-NOT-REAL:operate-api" \
  Tests/Peers/glewlwyd/start.sh "$WORK/idp" "$PORT" tls > "$WORK/idp.out"
ISS=$(sed -n 's/^ISSUER=//p' "$WORK/idp.out")
cat > "$WORK/answers.yaml" <<YAML
version: 1
camunda: "8.5"
provider: generic
output: env
issuer: $ISS
tokenUrl: $ISS/token
jwksUrl: $ISS/jwks
identityBaseUrl: http://identity:8084
initialClaim: {name: sub, value: admin}
components:
  identity: {url: https://identity.example.com, clientId: identity-client, audience: identity-api, secretEnv: IDENTITY_SECRET}
  zeebe: {clientId: zeebe-client, audience: zeebe-api, tokenScope: zeebe-api, secretEnv: ZEEBE_SECRET}
YAML
export IDENTITY_SECRET=identity-secret-NOT-REAL ZEEBE_SECRET=zeebe-secret-NOT-REAL
file "$BIN" | grep -q "statically linked" || fail "$BIN is not statically linked"
out=$("$BIN" verify --answers "$WORK/answers.yaml" --only zeebe --ca-file "$WORK/idp/tls.crt") || fail "with --ca-file: $out"
echo "$out" | grep -q "^ok    Zeebe: token for the Zeebe gateway" || fail "no Zeebe token: $out"
set +e; out=$("$BIN" verify --answers "$WORK/answers.yaml" --only zeebe); status=$?; set -e
[ $status = 69 ] && echo "$out" | grep -q "signed by an unknown CA" || fail "without --ca-file (exit $status): $out"
echo "release-check: --ca-file verifies, no --ca-file reports the unknown CA"
if [ "$(id -u)" = 0 ]; then
  mkdir -p "$ROOT/etc/ssl/certs" "$ROOT/proc" "$ROOT/tmp"
  cp "$BIN" "$ROOT/camunda-oidc"; cp "$WORK/answers.yaml" "$ROOT/answers.yaml"
  cat /etc/ssl/certs/ca-certificates.crt "$WORK/idp/tls.crt" > "$ROOT/etc/ssl/certs/ca-certificates.crt"
  mount -t proc proc "$ROOT/proc"
  out=$(chroot "$ROOT" /camunda-oidc verify --answers /answers.yaml --only zeebe) || fail "bare chroot: $out"
  echo "$out" | grep -q "^verify: 3 ok, 0 FAIL" || fail "bare chroot: $out"
  echo "release-check: in a bare chroot the binary trusts the CA from /etc/ssl/certs/ca-certificates.crt"
fi
echo "release-check: $(du -h "$BIN" | cut -f1) $(basename "$BIN"), ok"
