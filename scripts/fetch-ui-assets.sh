#!/usr/bin/env bash
# Fetches Bootstrap Italia's CSS, JavaScript, fonts and icon sprite for the web application (`performa serve`)
# from the PyPI package design-django-theme (BSD-3-Clause) into vendor/bootstrap-italia/, which git ignores.
# Nothing third-party is committed; run this once after cloning (it is quick to run again: it does nothing when
# the files are already there, unless --force is given).
#
#   bash scripts/fetch-ui-assets.sh [--force] [DESTINATION]
set -euo pipefail
cd "$(dirname "$0")/.."

package="design-django-theme"
version="2.18.1"
force=0
destination="vendor/bootstrap-italia"
for argument in "$@"; do
  case "$argument" in
    --force) force=1 ;;
    -h|--help) sed -n '2,8p' "$0"; exit 0 ;;
    *) destination="$argument" ;;
  esac
done

required=(css/bootstrap-italia.min.css js/bootstrap-italia.bundle.min.js svg/sprites.svg fonts/Titillium_Web)
complete=1
for file in "${required[@]}"; do [ -e "$destination/$file" ] || complete=0; done
if [ "$complete" -eq 1 ] && [ "$force" -eq 0 ]; then
  echo "Risorse di Bootstrap Italia già presenti in $destination (usare --force per scaricarle di nuovo)."
  exit 0
fi

if command -v pip3 >/dev/null 2>&1; then pip=(pip3); elif command -v pip >/dev/null 2>&1; then pip=(pip); else pip=(python3 -m pip); fi
if ! "${pip[@]}" --version >/dev/null 2>&1; then
  echo "Errore: serve pip (su Debian: apt-get install python3-pip) per scaricare $package." >&2
  exit 2
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
echo "Scarico $package $version con pip…"
"${pip[@]}" download --quiet --no-deps --only-binary=:all: --dest "$work" "$package==$version"
wheel="$(ls "$work"/*.whl 2>/dev/null | head -n 1 || true)"
if [ -z "$wheel" ]; then
  echo "Errore: pip non ha scaricato il pacchetto $package $version." >&2
  exit 1
fi

# The wheel is a zip: take only the static assets the pages use (CSS, JS, fonts, icon sprite) and the licence.
python3 - "$wheel" "$work/estratti" <<'PYTHON'
import sys, zipfile
wheel, target = sys.argv[1], sys.argv[2]
prefix = "bootstrap_italia_template/static/"
wanted = ("css/", "js/", "fonts/", "svg/sprites.svg")
with zipfile.ZipFile(wheel) as archive:
    names = [n for n in archive.namelist() if n.startswith(prefix) and n[len(prefix):].startswith(wanted) and not n.endswith(".map")]
    licences = [n for n in archive.namelist() if n.endswith((".dist-info/LICENSE", ".dist-info/LICENSE.txt")) or "/licenses/" in n]
    if not names:
        sys.exit("nessuna risorsa trovata nel pacchetto")
    for name in names:
        archive.extract(name, target)
    for name in licences:
        archive.extract(name, target)
PYTHON

rm -rf "$destination"
mkdir -p "$(dirname "$destination")"
mv "$work/estratti/bootstrap_italia_template/static" "$destination"
licence="$(find "$work/estratti" -path '*dist-info*' -type f -iname 'LICENSE*' | head -n 1 || true)"
[ -n "$licence" ] && cp "$licence" "$destination/LICENSE-design-django-theme.txt"
printf '%s %s\n' "$package" "$version" > "$destination/VERSION"

for file in "${required[@]}"; do
  [ -e "$destination/$file" ] || { echo "Errore: manca $file nel pacchetto scaricato." >&2; exit 1; }
done
echo "Risorse di Bootstrap Italia pronte in $destination ($(du -sh "$destination" | cut -f1))."
