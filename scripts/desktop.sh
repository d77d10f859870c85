#!/usr/bin/env bash
# Set up a fresh Debian 12 machine and start the SPW600e Designer desktop app: installs the
# system packages and Node.js it needs, builds the UI and the shell (release), and runs it.
# Needs a display (a desktop session, or `xvfb-run -a bash scripts/desktop.sh`).
set -euo pipefail
cd "$(dirname "$0")/.."

. scripts/packages.sh
build_tools
. scripts/desktop-deps.sh
desktop_deps
ui_build
cargo build --release --locked -p spw-desktop
exec "${CARGO_TARGET_DIR:-target}/release/spw-desktop"
