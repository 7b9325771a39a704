#!/usr/bin/env bash
# A throw-away PostgreSQL server for the store tests, on 127.0.0.1 with a data directory that is removed at the end.
#
#   eval "$(bash .ci/postgres.sh start)"   # installs PostgreSQL from Debian if missing, starts it, exports the URL
#   swift test ...                          # the store tests read PERFORMA_TEST_POSTGRES_URL
#   bash .ci/postgres.sh restart            # fast restart (the reliability tests' database fault)
#   bash .ci/postgres.sh stop               # stops the server and removes its directory
#
# `start` prints only the `export PERFORMA_TEST_POSTGRES_URL=…` line on standard output (everything else goes to
# standard error), so that `eval` can pick it up. The URL is also written to $PERFORMA_PG_DIR/url.
# The tests connect as `performa`, a role that owns its databases but is NOT a superuser: PostgreSQL's row-level
# security then applies to every query the store runs (superusers would bypass it). `performa_probe`, which owns
# nothing, lets the row-level security test read as a role other than the owner.
# fsync is off: this server holds test data only and must be fast; durability is tested on SQLite.
# max_connections is 500: Swift Testing runs the suites side by side, and every store it opens keeps its pool's
# connections open (servers 10, store tests up to 6, commands 2): about 215 at the peak. At the earlier limit of 200
# a CI run failed for want of a slot; see docs/operations.md, *Tests*.
set -euo pipefail

dir="${PERFORMA_PG_DIR:-/tmp/performa-postgres}"
first_port="${PERFORMA_PG_PORT:-54329}"

say() { printf '%s\n' "$*" >&2; }

bin_dir() {
  local found
  found="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
  [ -n "$found" ] && [ -x "$found/initdb" ] && printf '%s\n' "$found"
}

# PostgreSQL refuses to run as root: as root, run its programs as the `postgres` system user.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

install_if_missing() {
  if bin_dir > /dev/null; then return; fi
  say "PostgreSQL non installato: installazione dai pacchetti Debian…"
  if [ "$(id -u)" -ne 0 ]; then
    say "Servono i permessi di root per installare PostgreSQL (apt-get install postgresql)."
    exit 1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get update >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql >&2
}

start() {
  install_if_missing
  local bin port
  bin="$(bin_dir)"
  if [ -f "$dir/url" ] && as_owner "$bin/pg_ctl" -D "$dir/data" status > /dev/null 2>&1; then
    say "PostgreSQL già avviato in $dir."
    printf 'export PERFORMA_TEST_POSTGRES_URL=%s\n' "$(cat "$dir/url")"
    return
  fi
  rm -rf "$dir"
  mkdir -p "$dir"
  if [ "$(id -u)" -eq 0 ]; then chown postgres:postgres "$dir"; fi
  as_owner "$bin/initdb" -D "$dir/data" -A trust -U postgres --no-sync -E UTF8 --locale C.UTF-8 > "$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; exit 1; }
  port="$first_port"
  while port_in_use "$port"; do port=$((port + 1)); done
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w \
    -o "-k $dir -p $port -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=500" \
    start >&2
  "$bin/psql" -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U postgres -d postgres >&2 <<'SQL'
CREATE ROLE performa LOGIN CREATEDB NOSUPERUSER NOBYPASSRLS;
CREATE DATABASE performa OWNER performa;
-- A role that does not own the tables, which the row-level security test reads through (SET ROLE).
CREATE ROLE performa_probe NOLOGIN NOSUPERUSER NOBYPASSRLS;
GRANT performa_probe TO performa;
SQL
  local url="postgres://performa@127.0.0.1:$port/performa"
  printf '%s\n' "$url" > "$dir/url"
  say "PostgreSQL avviato su 127.0.0.1:$port (dati in $dir)."
  printf 'export PERFORMA_TEST_POSTGRES_URL=%s\n' "$url"
}

stop() {
  local bin
  if bin="$(bin_dir)" && [ -d "$dir/data" ]; then
    as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >&2 || true
  fi
  rm -rf "$dir"
  say "PostgreSQL fermato, $dir rimossa."
}

# Fast restart of the running server (open connections are cut): the reliability tests' database fault.
restart() {
  local bin
  bin="$(bin_dir)"
  as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w restart -l "$dir/log" >&2
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  restart) restart ;;
  *) say "Uso: bash .ci/postgres.sh start|stop|restart"; exit 2 ;;
esac
