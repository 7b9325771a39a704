#!/usr/bin/env bash
# Reliability tests against a built server: faults (PostgreSQL restart, disk full, read-only disk, SIGKILL,
# graceful shutdown), two replicas behind nginx, and the load test with wrk. Python's unittest, standard library
# only; wrk and nginx come from Debian (installed here when missing, as root).
#
#   bash tests/reliability/run.sh PATH/TO/performa [unittest names…]   # default: every test module
#
# Needs PostgreSQL: run under `eval "$(bash .ci/postgres.sh start)"` (PERFORMA_TEST_POSTGRES_URL).
# LOAD_SECONDS (default 60) sets the length of each wrk run of the load test.
set -euo pipefail
cd "$(dirname "$0")/../.."
export PYTHONDONTWRITEBYTECODE=1

binary="${1:-}"
[ -n "$binary" ] && [ -x "$binary" ] || { echo "Uso: bash tests/reliability/run.sh PERCORSO/performa [test…]" >&2; exit 2; }
export PERFORMA_BIN="$(cd "$(dirname "$binary")" && pwd)/$(basename "$binary")"
shift

missing=()
command -v wrk > /dev/null 2>&1 || missing+=(wrk)
command -v nginx > /dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing+=(nginx-light)
if [ "${#missing[@]}" -gt 0 ]; then
  echo "Installo ${missing[*]}…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" > /dev/null
  # Debian starts the packaged nginx on port 80; the tests run their own.
  if command -v nginx > /dev/null 2>&1 || [ -x /usr/sbin/nginx ]; then /usr/sbin/nginx -s stop 2> /dev/null || true; fi
fi

cd tests/reliability
if [ "$#" -eq 0 ]; then set -- test_faults test_scaleout test_load; fi
exec python3 -m unittest -v "$@"
