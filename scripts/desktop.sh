#!/usr/bin/env bash
# Set up a fresh Debian 12 machine and start the SPW600e Designer desktop app: installs the
# system packages and Node.js it needs, builds the UI and the shell (release), and runs it.
# Needs a display (a desktop session, or `xvfb-run -a bash scripts/desktop.sh`).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
if ! command -v cc >/dev/null 2>&1 || ! command -v pkg-config >/dev/null 2>&1; then
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq build-essential pkg-config
fi
if ! command -v cargo >/dev/null 2>&1; then
  echo "Rust is not installed: install the stable toolchain with rustup, then run this again." >&2
  exit 2
fi
. scripts/desktop-deps.sh
desktop_deps
ui_build
cargo build --release --locked -p spw-desktop
exec "${CARGO_TARGET_DIR:-target}/release/spw-desktop"
