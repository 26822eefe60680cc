#!/usr/bin/env bash
# start.sh DIR PORT [tls] - run glewlwyd on 127.0.0.1:PORT with its state in DIR (made afresh).
# Prints ISSUER=<issuer> (and CA=<file> with tls) once discovery answers.
#   IDP_CLIENTS="id:secret:scope ..."   confidential clients (client credentials, RS256 JWT; aud = scope)
set -euo pipefail
DIR="${1:?state directory}"; PORT="${2:?port}"; TLS="${3:-}"
HOST=127.0.0.1
REALM=oidc
CLIENTS="${IDP_CLIENTS:-identity-client:identity-secret-NOT-REAL:identity-api}"
SCHEME=http; [ "$TLS" = tls ] && SCHEME=https
BASE="$SCHEME://$HOST:$PORT"
API="$BASE/api"
CURL=(curl -sS --max-time 5); [ "$TLS" = tls ] && CURL+=(--cacert "$DIR/tls.crt")
log() { echo "[glewlwyd] $*" >&2; }
command -v glewlwyd >/dev/null || [ -x /usr/bin/glewlwyd ] || { log "glewlwyd is not installed: run scripts/install-deps.sh"; exit 1; }

"$(dirname "$0")/stop.sh" "$DIR" >/dev/null 2>&1 || true
rm -rf "$DIR"; mkdir -p "$DIR/keys" "$DIR/webapp"
sqlite3 "$DIR/glewlwyd.db" < /usr/share/dbconfig-common/data/glewlwyd/install/sqlite3
# glewlwyd does not serve symlinked files, and the packaged config.json is a symlink: copy them
cp -r /usr/share/glewlwyd/webapp/. "$DIR/webapp/"
rm -rf "$DIR/webapp/config.json"; cp /etc/glewlwyd/config-2.7.json/config.json "$DIR/webapp/config.json"
openssl genrsa -out "$DIR/keys/sign.key" 2048 2>/dev/null
openssl rsa -in "$DIR/keys/sign.key" -pubout -out "$DIR/keys/sign.pub" 2>/dev/null
TLS_CONF="# no TLS (any use_secure_connection line makes glewlwyd demand certificate files)"
if [ "$TLS" = tls ]; then
  openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=$HOST" \
    -addext "subjectAltName=IP:127.0.0.1,DNS:localhost" -keyout "$DIR/tls.key" -out "$DIR/tls.crt" 2>/dev/null
  TLS_CONF="use_secure_connection=true
secure_connection_key_file=\"$DIR/tls.key\"
secure_connection_pem_file=\"$DIR/tls.crt\""
fi
cat > "$DIR/glewlwyd.conf" <<CONF
port=$PORT
bind_address="$HOST"
external_url="$BASE"
login_url="login.html"
api_prefix="api"
static_files_path="$DIR/webapp/"
allow_origin="*"
log_mode="file"
log_level="WARNING"
log_file="$DIR/glewlwyd.log"
cookie_secure=0
session_key="GLEWLWYD2_SESSION_ID"
admin_session_authentication="cookie"
profile_session_authentication="cookie"
admin_scope="g_admin"
profile_scope="g_profile"
user_module_path="/usr/lib/glewlwyd/user"
client_module_path="/usr/lib/glewlwyd/client"
user_auth_scheme_module_path="/usr/lib/glewlwyd/scheme"
plugin_module_path="/usr/lib/glewlwyd/plugin"
hash_algorithm="SHA512"
$TLS_CONF
database = { type = "sqlite3"; path = "$DIR/glewlwyd.db"; };
static_files_mime_types = (
  { extension = ".html"; mime_type = "text/html"; }, { extension = ".json"; mime_type = "application/json"; },
  { extension = ".js"; mime_type = "application/javascript"; }, { extension = ".css"; mime_type = "text/css"; }
);
CONF

setsid /usr/bin/glewlwyd --config-file="$DIR/glewlwyd.conf" >"$DIR/stdout.log" 2>&1 < /dev/null &
echo $! > "$DIR/glewlwyd.pid"
up=0
for _ in $(seq 1 300); do   # poll, 30 s at most
  if "${CURL[@]}" -o /dev/null "$BASE/config/" 2>/dev/null; then up=1; break; fi
  kill -0 "$(cat "$DIR/glewlwyd.pid")" 2>/dev/null || break
  sleep 0.1
done
[ $up = 1 ] || { log "did not come up"; tail -n 20 "$DIR/stdout.log" "$DIR/glewlwyd.log" >&2 || true; exit 1; }

adm() { # adm METHOD PATH [json]
  local out code
  out=$("${CURL[@]}" -b "$DIR/cookies" -c "$DIR/cookies" -X "$1" -H 'Content-Type: application/json' ${3:+-d "$3"} -w '\n%{http_code}' "$API$2")
  code=${out##*$'\n'}; [ "$code" = 200 ] || { log "admin $1 $2 -> HTTP $code"; exit 1; }
  printf '%s' "${out%$'\n'*}"
}
adm POST /auth/ '{"username":"admin","password":"password"}' >/dev/null
# Entra-like claims (ver, tid) copied from client properties into the access tokens
adm PUT /mod/client/database "$(adm GET /mod/client/database | jq 'del(.name) | .parameters["data-format"] += ({ver:1,tid:1} | map_values({multiple:false,read:true,write:true}))')" >/dev/null
adm PUT /mod/client/database/disable >/dev/null; adm PUT /mod/client/database/enable >/dev/null
adm POST /mod/plugin/ "$(jq -n --arg iss "$API/$REALM" --rawfile key "$DIR/keys/sign.key" --rawfile cert "$DIR/keys/sign.pub" '{
  module:"oidc", name:"oidc", display_name:"OIDC", enabled:true,
  parameters:{ iss:$iss, "jwt-type":"rsa", "jwt-key-size":"256", key:$key, cert:$cert, "jwks-show":true,
    "access-token-duration":3600, "refresh-token-duration":1209600, "code-duration":600, "refresh-token-rolling":true,
    "allow-non-oidc":true, "auth-type-client-enabled":true, "auth-type-code-enabled":true, "auth-type-refresh-enabled":true,
    "auth-type-id-token-enabled":true, "auth-type-token-enabled":false, "auth-type-none-enabled":false,
    "auth-type-password-enabled":false, "auth-type-device-enabled":false,
    "resource-allowed":true, "resource-client-property":"resource", "resource-scope":{}, "resource-scope-and-client-property":false,
    "introspection-revocation-allowed":false,
    "additional-parameters":[ {"client-parameter":"ver","token-parameter":"ver"}, {"client-parameter":"tid","token-parameter":"tid"} ] } }')" >/dev/null
for c in $CLIENTS; do
  IFS=: read -r cid sec scope <<<"$c"
  adm POST /scope/ "$(jq -n --arg n "$scope" '{name:$n,display_name:$n,description:("audience " + $n),password_required:false,password_max_age:0}')" >/dev/null 2>&1 || true
  adm POST /client/ "$(jq -n --arg id "$cid" --arg sec "$sec" --arg sc "$scope" '{
    client_id:$id, name:$id, description:"confidential test client", enabled:true, confidential:true, password:$sec,
    authorization_type:["client_credentials"], scope:[$sc], token_endpoint_auth_method:["client_secret_basic","client_secret_post"],
    redirect_uri:["http://127.0.0.1:8080/callback"], ver:"2.0", tid:"test-tenant" }')" >/dev/null
done
rm -f "$DIR/cookies"

iss=""
for _ in $(seq 1 100); do   # poll, 10 s at most
  iss=$("${CURL[@]}" "$API/$REALM/.well-known/openid-configuration" 2>/dev/null | jq -r .issuer 2>/dev/null) && [ -n "$iss" ] && [ "$iss" != null ] && break
  sleep 0.1
done
[ -n "$iss" ] && [ "$iss" != null ] || { log "discovery is not answering"; exit 1; }
echo "ISSUER=$iss"
[ "$TLS" = tls ] && echo "CA=$DIR/tls.crt"
exit 0
