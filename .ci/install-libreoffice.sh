#!/usr/bin/env bash
# Installs LibreOffice Calc without a GUI (Debian `libreoffice-calc-nogui`) when `soffice` is missing:
# the spreadsheet tests open the XLSX files Performa writes with it (headless conversion to CSV and XLSX).
# Idempotent: does nothing when `soffice` is already on the PATH. Needs root (CI runs as root).
set -euo pipefail

if command -v soffice > /dev/null 2>&1; then
  echo "soffice already installed ($(command -v soffice))"
  exit 0
fi

export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends libreoffice-calc-nogui > /dev/null
command -v soffice > /dev/null 2>&1 || { echo "libreoffice-calc-nogui installed but soffice is not on the PATH"; exit 1; }
echo "installed: libreoffice-calc-nogui ($(command -v soffice))"
