#!/usr/bin/env bash
# Debian packages the tests need: Chromium + ChromeDriver (page tests through playwright, no browser
# download), Virtuoso (the remote-store tests start their own instance on 127.0.0.1), and fonts with
# Vietnamese glyphs for rendered pages, Tesseract with its Vietnamese model (OCR of scanned PDFs) and
# poppler-utils (pdftoppm, to look at a PDF's pages by hand). Run as root. Skips apt entirely when everything is there.
set -euo pipefail

PACKAGES=(chromium chromium-driver virtuoso-opensource fonts-noto-core fonts-dejavu-core wrk
          tesseract-ocr tesseract-ocr-vie poppler-utils)

missing=()
for p in "${PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$p")
    fi
done
if [ ${#missing[@]} -eq 0 ]; then
    echo "install-system: all of ${PACKAGES[*]} already installed"
    exit 0
fi

export DEBIAN_FRONTEND=noninteractive
# Never let a package start its own service (Virtuoso's would listen on every interface):
# the tests start what they need, bound to 127.0.0.1.
created_policy=0
if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d
    chmod +x /usr/sbin/policy-rc.d
    created_policy=1
fi
cleanup() { if [ "$created_policy" = 1 ]; then rm -f /usr/sbin/policy-rc.d; fi; }
trap cleanup EXIT

start=$SECONDS
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" > /tmp/vankien-apt.log 2>&1 \
    || { tail -n 40 /tmp/vankien-apt.log; exit 1; }
echo "install-system: installed ${missing[*]} in $((SECONDS - start)) s"
