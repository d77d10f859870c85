#!/usr/bin/env bash
# Render the application icons in assets/icons/ from assets/icons/icon.svg: the PNG sizes Tauri
# bundles, a Windows ICO and a macOS ICNS. Needs rsvg-convert (librsvg2-bin), ImageMagick and
# Python with Pillow (installed into the git-ignored .venv). Run after editing icon.svg.
set -euo pipefail
cd "$(dirname "$0")/../assets/icons"
for s in 32 64 128 256 512 1024; do rsvg-convert -w "$s" -h "$s" icon.svg -o "icon-$s.png"; done
cp icon-32.png 32x32.png
cp icon-128.png 128x128.png
cp icon-256.png 128x128@2x.png
cp icon-512.png icon.png
convert icon-256.png icon-128.png icon-64.png icon-32.png icon.ico
py="${SPW_PYTHON:-../../.venv/bin/python}"
"$py" -c 'import PIL' 2>/dev/null || "$py" -m pip install -q --disable-pip-version-check pillow
"$py" -c 'from PIL import Image; Image.open("icon-1024.png").save("icon.icns")'
rm -f icon-32.png icon-64.png icon-128.png icon-256.png icon-512.png icon-1024.png
