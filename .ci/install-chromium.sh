#!/usr/bin/env bash
# Installs what the PDF reports need, from Debian's packages, when it is missing:
# `chromium` (headless printing to PDF) and `poppler-utils` (pdftoppm, pdftotext: the PDF tests).
# Idempotent: does nothing when both are already installed. Needs root (CI runs as root).
set -euo pipefail

missing=()
command -v chromium > /dev/null 2>&1 || command -v chromium-browser > /dev/null 2>&1 \
  || command -v google-chrome > /dev/null 2>&1 || missing+=(chromium)
command -v pdftoppm > /dev/null 2>&1 && command -v pdftotext > /dev/null 2>&1 || missing+=(poppler-utils)

if [ "${#missing[@]}" -eq 0 ]; then
  echo "chromium and poppler-utils already installed"
  exit 0
fi

export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# fonts-dejavu-core gives Chromium a font with every Italian glyph when the system has none.
apt-get install -y -qq --no-install-recommends "${missing[@]}" fonts-dejavu-core > /dev/null
echo "installed: ${missing[*]}"
