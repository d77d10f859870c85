#!/usr/bin/env bash
# Set up a fresh Debian 12 machine and run the main job: build the `spw` command line, then
# validate, cost and price the design plan's own example doors.
set -euo pipefail
cd "$(dirname "$0")/.."

. scripts/packages.sh
build_tools

cargo build --release --locked -p spw-cli
spw="${CARGO_TARGET_DIR:-target}/release/spw"

run() { echo; echo "\$ spw $*"; "$spw" "$@" || true; }
run validate examples/seed-door-configuration.json
run thermal examples/seed-door-configuration.json
run bom examples/seed-door-configuration.json
run validate examples/invalid-door.json
run quote examples/quote.json
