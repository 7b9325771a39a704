#!/usr/bin/env bash
# A throw-away OpenID Connect provider for the single sign-on tests: LemonLDAP::NG (Debian's packages) with its demo
# user directory, served by its FastCGI server behind nginx on 127.0.0.1, in a directory that is removed at the end.
#
#   eval "$(bash .ci/oidc-provider.sh start)"   # installs LemonLDAP::NG and nginx if missing, starts them, exports
#   swift test --filter SingleSignOn             # the tests read PERFORMA_TEST_OIDC_*
#   bash .ci/oidc-provider.sh stop               # stops both and removes the directory
#
# `start` prints only `export PERFORMA_TEST_OIDC_…=…` lines on standard output (everything else goes to standard
# error), so that `eval` can pick them up; they are also kept in $PERFORMA_OIDC_DIR/env.
# The provider knows one client, `performa`, with a secret drawn at start, PKCE required, consent skipped, and the
# redirect address $PERFORMA_OIDC_REDIRECT (by default that of `performa serve` on its default port, so a developer can
# also sign in by hand). Its users are LemonLDAP::NG's demo accounts (password = user name):
#   dwho    Doctor Who    dwho@badwolf.org      fiscal_number TINIT-WHODCT63A01H501C
#   rtyler  Rose Tyler    rtyler@badwolf.org    fiscal_number TINIT-TYLRSO86A41H501F
#   msmith  Mickey Smith  msmith@badwolf.org    fiscal_number TINIT-SMTMKY85A01H501R
# The ID token carries `email`, `name` and `fiscal_number` (as SPID brokers name the fiscal code), signed RS256.
set -euo pipefail

dir="${PERFORMA_OIDC_DIR:-/tmp/performa-oidc}"
first_port="${PERFORMA_OIDC_PORT:-18480}"
redirect="${PERFORMA_OIDC_REDIRECT:-http://127.0.0.1:8080/accesso/oidc/ritorno}"

say() { printf '%s\n' "$*" >&2; }

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

install_if_missing() {
  if [ -x /usr/sbin/llng-fastcgi-server ] && [ -x /usr/sbin/nginx ] && perl -MString::Random -MImage::Magick -MGD::SecurityImage -e1 2> /dev/null; then
    return
  fi
  say "LemonLDAP::NG o nginx non installati: installazione dai pacchetti Debian…"
  if [ "$(id -u)" -ne 0 ]; then
    say "Servono i permessi di root (apt-get install lemonldap-ng-fastcgi-server liblemonldap-ng-portal-perl nginx)."
    exit 1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get update >&2
  # The portal loads its captcha module (GD::SecurityImage over Image::Magick) even when no captcha is asked, and
  # the OpenID Connect issuer needs String::Random: Debian has them as recommendations, not dependencies.
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
    lemonldap-ng-fastcgi-server liblemonldap-ng-portal-perl libhttp-parser-xs-perl libgd-securityimage-perl \
    libimage-magick-perl libstring-random-perl libcrypt-openssl-bignum-perl libcookie-baker-xs-perl \
    libio-string-perl libunicode-string-perl nginx openssl curl >&2
}

# The FastCGI server refuses to run as root: as root, it runs as www-data, which must own the directory.
owner() { if [ "$(id -u)" -eq 0 ]; then printf 'www-data'; else id -un; fi; }

write_configuration() {
  local port="$1" secret="$2"
  mkdir -p "$dir/conf" "$dir/sessions/lock" "$dir/psessions/lock" "$dir/cache" "$dir/nginx" "$dir/run"
  openssl genrsa -out "$dir/signing.key" 2048 2> /dev/null
  openssl rsa -in "$dir/signing.key" -pubout -out "$dir/signing.pub" 2> /dev/null
  cat > "$dir/lemonldap-ng.ini" <<INI
[all]
logLevel = warn
checkTime = 1
[configuration]
type = File
dirName = $dir/conf
localStorage = Cache::FileCache
localStorageOptions = { 'namespace' => 'performa-oidc', 'default_expires_in' => 600, 'cache_root' => '$dir/cache', 'cache_depth' => 3 }
[portal]
staticPrefix = /static
templateDir = /usr/share/lemonldap-ng/portal/templates
languages = it, en
[handler]
status = 0
INI
  PORT="$port" SECRET="$secret" REDIRECT="$redirect" DIR="$dir" python3 - <<'PY'
import json, os
d, port = os.environ["DIR"], os.environ["PORT"]
portal = f"http://127.0.0.1:{port}/"
conf = {
    "cfgNum": 1, "cfgVersion": "2.16.1", "cfgAuthor": "performa", "cfgDate": "1700000000",
    "authentication": "Demo", "userDB": "Same", "passwordDB": "Demo", "registerDB": "Null",
    "demoExportedVars": {"cn": "cn", "mail": "mail", "uid": "uid"},
    # SPID brokers give the fiscal code as `fiscal_number`, prefixed with the country (TINIT-).
    "macros": {
        "fiscalNumber": '$uid eq "dwho" ? "TINIT-WHODCT63A01H501C" : $uid eq "rtyler" ? "TINIT-TYLRSO86A41H501F" : "TINIT-SMTMKY85A01H501R"',
        "_whatToTrace": "$uid",
    },
    "portal": portal, "domain": "127.0.0.1", "cookieName": "llng_performa", "securedCookie": 0, "httpOnly": 1,
    "trustedDomains": "127.0.0.1", "requireToken": 1, "loginHistoryEnabled": 0, "notification": 0,
    "globalStorage": "Apache::Session::File",
    "globalStorageOptions": {"Directory": f"{d}/sessions", "LockDirectory": f"{d}/sessions/lock",
                             "generateModule": "Lemonldap::NG::Common::Apache::Session::Generate::SHA256"},
    "persistentStorage": "Apache::Session::File",
    "persistentStorageOptions": {"Directory": f"{d}/psessions", "LockDirectory": f"{d}/psessions/lock"},
    "localSessionStorage": "Cache::FileCache",
    "localSessionStorageOptions": {"cache_root": f"{d}/cache", "cache_depth": 3, "default_expires_in": 600,
                                   "namespace": "performa-oidc-sessions"},
    "locationRules": {"127.0.0.1": {"default": "accept"}},
    "exportedHeaders": {}, "groups": {}, "applicationList": {},
    "issuerDBOpenIDConnectActivation": 1,
    "oidcServiceMetaDataIssuer": portal.rstrip("/"),
    "oidcServicePrivateKeySig": open(f"{d}/signing.key").read(),
    "oidcServicePublicKeySig": open(f"{d}/signing.pub").read(),
    "oidcServiceKeyIdSig": "performa-test",
    "oidcServiceAllowAuthorizationCodeFlow": 1,
    "oidcRPMetaDataOptions": {"performa": {
        "oidcRPMetaDataOptionsClientID": "performa",
        "oidcRPMetaDataOptionsClientSecret": os.environ["SECRET"],
        "oidcRPMetaDataOptionsRedirectUris": os.environ["REDIRECT"],
        "oidcRPMetaDataOptionsIDTokenSignAlg": "RS256",
        "oidcRPMetaDataOptionsIDTokenForceClaims": 1,
        "oidcRPMetaDataOptionsIDTokenExpiration": 300,
        "oidcRPMetaDataOptionsBypassConsent": 1,
        "oidcRPMetaDataOptionsRequirePKCE": 1,
        "oidcRPMetaDataOptionsPublic": 0,
        "oidcRPMetaDataOptionsDisplayName": "Performa",
    }},
    "oidcRPMetaDataExportedVars": {"performa": {"email": "mail", "name": "cn", "fiscal_number": "fiscalNumber"}},
    "oidcRPMetaDataOptionsExtraClaims": {"performa": {"profile": "fiscal_number"}},
}
json.dump(conf, open(f"{d}/conf/lmConf-1.json", "w"), indent=1)
PY
  cat > "$dir/nginx/nginx.conf" <<NGINX
worker_processes 1;
pid $dir/run/nginx.pid;
error_log $dir/nginx/error.log warn;
daemon on;
$( [ "$(id -u)" -eq 0 ] && printf 'user www-data;' )
events { worker_connections 64; }
http {
  access_log $dir/nginx/access.log;
  client_body_temp_path $dir/nginx/body;
  fastcgi_temp_path $dir/nginx/fastcgi;
  proxy_temp_path $dir/nginx/proxy;
  uwsgi_temp_path $dir/nginx/uwsgi;
  scgi_temp_path $dir/nginx/scgi;
  include /etc/nginx/mime.types;
  server {
    listen 127.0.0.1:$port;
    server_name 127.0.0.1;
    root /usr/share/lemonldap-ng/portal/htdocs/;
    if (\$uri !~ ^/((static|javascript|favicon).*|.*\\.psgi)) {
      rewrite ^/(.*)\$ /index.psgi/\$1 break;
    }
    location ~ ^(?<sc>/.*\\.psgi)(?:\$|/) {
      include /etc/nginx/fastcgi_params;
      fastcgi_pass unix:$dir/run/llng-fastcgi.sock;
      fastcgi_param HTTP_HOST \$host:\$server_port;
      fastcgi_param LLTYPE psgi;
      fastcgi_param SCRIPT_FILENAME \$document_root\$fastcgi_script_name;
      fastcgi_split_path_info ^(.*\\.psgi)(/.*)\$;
      fastcgi_param PATH_INFO \$fastcgi_path_info;
    }
    location /static/ { alias /usr/share/lemonldap-ng/portal/htdocs/static/; }
  }
}
NGINX
  if [ "$(id -u)" -eq 0 ]; then chown -R www-data:www-data "$dir"; fi
}

start() {
  install_if_missing
  if [ -f "$dir/env" ] && [ -f "$dir/run/nginx.pid" ] && kill -0 "$(cat "$dir/run/nginx.pid")" 2> /dev/null; then
    say "Fornitore OpenID Connect già avviato in $dir."
    cat "$dir/env"
    return
  fi
  stop_processes
  rm -rf "$dir"
  mkdir -p "$dir"
  local port secret
  port="$first_port"
  while port_in_use "$port"; do port=$((port + 1)); done
  secret="$(openssl rand -hex 24)"
  write_configuration "$port" "$secret"
  LLNG_DEFAULTCONFFILE="$dir/lemonldap-ng.ini" LLNG_DEFAULTLOGGER=Lemonldap::NG::Common::Logger::Std \
    /usr/sbin/llng-fastcgi-server -u "$(owner)" -g "$(owner)" -n 2 \
      -s "$dir/run/llng-fastcgi.sock" -p "$dir/run/llng-fastcgi.pid" >> "$dir/llng.log" 2>&1
  /usr/sbin/nginx -c "$dir/nginx/nginx.conf" -p "$dir/nginx" >&2
  local issuer="http://127.0.0.1:$port"
  # Ready when the discovery document answers (the FastCGI workers load the portal on first use).
  local tries=0
  until curl -fsS "$issuer/.well-known/openid-configuration" > /dev/null 2>&1; do
    tries=$((tries + 1))
    if [ "$tries" -gt 60 ]; then
      say "Il fornitore OpenID Connect non risponde su $issuer:"; tail -n 30 "$dir/llng.log" "$dir/nginx/error.log" >&2 || true
      exit 1
    fi
    sleep 0.5
  done
  cat > "$dir/env" <<ENV
export PERFORMA_TEST_OIDC_ISSUER=$issuer
export PERFORMA_TEST_OIDC_CLIENT_ID=performa
export PERFORMA_TEST_OIDC_CLIENT_SECRET=$secret
export PERFORMA_TEST_OIDC_REDIRECT_URL=$redirect
ENV
  say "Fornitore OpenID Connect (LemonLDAP::NG) avviato su $issuer (file in $dir)."
  cat "$dir/env"
}

stop_processes() {
  if [ -f "$dir/run/nginx.pid" ]; then kill "$(cat "$dir/run/nginx.pid")" 2> /dev/null || true; fi
  if [ -f "$dir/run/llng-fastcgi.pid" ]; then kill "$(cat "$dir/run/llng-fastcgi.pid")" 2> /dev/null || true; fi
  sleep 0.3
}

stop() {
  stop_processes
  rm -rf "$dir"
  say "Fornitore OpenID Connect fermato, $dir rimossa."
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) say "Uso: bash .ci/oidc-provider.sh start|stop"; exit 2 ;;
esac
