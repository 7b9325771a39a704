#!/usr/bin/env bash
# Browser tests of the web application in a real headless Chromium (Debian chromium + chromium-driver, driven by
# Selenium from PyPI): starts `performa serve --demo` from an already-built binary on a free port with a temporary
# database, runs every tests/browser/test_*.py module (unittest discover), and stops the server.
#
#   bash tests/browser/run.sh PATH/TO/performa [--screenshots FOLDER]
#
# Installs what is missing: chromium and chromium-driver with apt-get (as root), Selenium into .venv/ (git-ignored).
set -euo pipefail
cd "$(dirname "$0")/../.."
export PYTHONDONTWRITEBYTECODE=1   # no __pycache__ left in the repository

binary="${1:-}"
[ -n "$binary" ] && [ -x "$binary" ] || { echo "Uso: bash tests/browser/run.sh PERCORSO/performa [--screenshots CARTELLA]" >&2; exit 2; }
binary="$(cd "$(dirname "$binary")" && pwd)/$(basename "$binary")"
shift
screenshots=""
while [ $# -gt 0 ]; do
  case "$1" in
    --screenshots) screenshots="$2"; shift 2 ;;
    *) echo "Opzione sconosciuta: $1" >&2; exit 2 ;;
  esac
done

# Chromium and its WebDriver, from Debian.
missing=()
command -v chromium > /dev/null 2>&1 || missing+=(chromium)
command -v chromedriver > /dev/null 2>&1 || missing+=(chromium-driver)
python3 -c "import venv, ensurepip" > /dev/null 2>&1 || missing+=(python3-venv)
if [ "${#missing[@]}" -gt 0 ]; then
  echo "Installo ${missing[*]}…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" fonts-dejavu-core > /dev/null
fi

# Selenium, and aiosmtpd (the SMTP server that receives the notices), in a virtual environment of the repository.
if ! .venv/bin/python -c "import selenium, aiosmtpd" > /dev/null 2>&1; then
  echo "Installo Selenium e aiosmtpd in .venv…"
  [ -x .venv/bin/python ] || python3 -m venv .venv
  .venv/bin/pip install --quiet --disable-pip-version-check selenium aiosmtpd
fi

# Bootstrap Italia's assets make the screenshots look right; the tests pass without them.
bash scripts/fetch-ui-assets.sh || echo "Attenzione: risorse grafiche non scaricate, le pagine saranno senza stile."

source tests/lib/demo-server.sh
start_demo_server "$binary"

status=0
(cd tests/browser && PERFORMA_URL="http://127.0.0.1:$port" ../../.venv/bin/python -m unittest discover -v -s . -p 'test_*.py') || status=$?
if [ -n "$screenshots" ]; then
  mkdir -p "$screenshots"
  screenshots="$(cd "$screenshots" && pwd)"
  (cd tests/browser && PERFORMA_URL="http://127.0.0.1:$port" ../../.venv/bin/python screenshots.py "$screenshots") || status=$?
fi
if [ "$status" -ne 0 ]; then
  echo "--- registro del server ---"
  tail -n 60 "$work/server.log"
fi
exit "$status"
