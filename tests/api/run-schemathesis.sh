#!/usr/bin/env bash
# The API contract test: schemathesis (PyPI) generates requests from docs/api/openapi.yaml, as the running server
# serves it at /api/openapi.yaml, and runs every check on the answers (schema-valid requests accepted,
# schema-violating ones refused with 4xx, every status code, content type, header and body as documented, 405 with
# `Allow` for a method the document does not list, authentication not ignored). Starts `performa serve --demo`
# from an already-built binary on a free port with a temporary database, runs schemathesis signed in as the demo
# administrator (tests/api/schemathesis_auth.py), and stops the server. Any failure fails the run.
#
#   bash tests/api/run-schemathesis.sh PATH/TO/performa
#
# PERFORMA_SCHEMATHESIS_EXAMPLES (default 100, test cases per operation and phase) and PERFORMA_SCHEMATHESIS_SEED
# (default 1; "random" for a new one each run) bound and repeat the run: about a minute and a half on two cores.
# Installs schemathesis into .venv-schemathesis/ (git-ignored) when it is missing.
set -euo pipefail
cd "$(dirname "$0")/../.."
export PYTHONDONTWRITEBYTECODE=1   # no __pycache__ left in the repository

binary="${1:-}"
[ -n "$binary" ] && [ -x "$binary" ] || { echo "Uso: bash tests/api/run-schemathesis.sh PERCORSO/performa" >&2; exit 2; }
binary="$(cd "$(dirname "$binary")" && pwd)/$(basename "$binary")"
examples="${PERFORMA_SCHEMATHESIS_EXAMPLES:-100}"
seed="${PERFORMA_SCHEMATHESIS_SEED:-1}"
# Pinned: a new release may bring new checks, which should arrive by a change to this line, not by surprise.
version="4.32.5"

venv=.venv-schemathesis
if ! "$venv/bin/schemathesis" --version 2> /dev/null | grep -q "version $version\$"; then
  echo "Installo schemathesis $version in $venv…"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check "schemathesis==$version"
fi

source tests/lib/demo-server.sh
start_demo_server "$binary"

seed_option=(--seed "$seed")
[ "$seed" = "random" ] && seed_option=()
status=0
# One worker: hypothesis describes its strategies with ast.parse, which CPython 3.11 may fail when threads do it
# at once ("AST constructor recursion depth mismatch").
PERFORMA_API_URL="http://127.0.0.1:$port" SCHEMATHESIS_HOOKS=tests/api/schemathesis_auth.py \
  "$venv/bin/schemathesis" --config-file tests/api/schemathesis.toml run "http://127.0.0.1:$port/api/openapi.yaml" \
  --checks all --max-examples "$examples" "${seed_option[@]}" --workers 1 --request-timeout 30 --no-color || status=$?
if [ "$status" -ne 0 ]; then
  echo "--- registro del server ---"
  grep -v ' \[Hummingbird\] Request$' "$work/server.log" | tail -n 60
fi
exit "$status"
