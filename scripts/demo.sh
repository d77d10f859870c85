#!/usr/bin/env bash
# Set up a fresh Debian 12 machine and run the main job: build the `spw` command line, then
# validate, cost and price the design plan's own example doors.
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

cargo build --release --locked -p spw-cli
spw="${CARGO_TARGET_DIR:-target}/release/spw"

run() { echo; echo "\$ spw $*"; "$spw" "$@" || true; }
run validate examples/seed-door-configuration.json
run thermal examples/seed-door-configuration.json
run bom examples/seed-door-configuration.json
run validate examples/invalid-door.json
run quote examples/quote.json
