#!/usr/bin/env bash
# Every test of SPW600e Designer: formatting, lints, unit, property, reference and end-to-end
# tests, with the outside checkers the exporters are judged by (ezdxf, qpdf, poppler).
# Works on a fresh Debian 12 machine with the Rust toolchain; installs what the tests need.
set -euo pipefail
cd "$(dirname "$0")/.."

. scripts/packages.sh
build_tools
apt_install qpdf poppler-utils python3 python3-venv shellcheck
rustup component add rustfmt clippy >/dev/null 2>&1 || true

# Python checkers in a private virtual environment (git-ignored).
if [ ! -x .venv/bin/python ]; then python3 -m venv .venv; fi
if ! .venv/bin/python -c 'import ezdxf' >/dev/null 2>&1; then
  echo "== installing ezdxf"
  .venv/bin/pip install -q --disable-pip-version-check ezdxf
fi
export SPW_PYTHON="$PWD/.venv/bin/python"

# The desktop app: system packages, Node.js, the UI's packages and build (the shell embeds
# ui/dist, so it is built before cargo compiles the shell), and the UI's unit tests.
. scripts/desktop-deps.sh
desktop_deps
ui_build

echo "== scripts (shellcheck, install commands)"
bash scripts/check-scripts.sh
echo "== svelte-check (ui types)"
(cd ui && npx svelte-check --tsconfig ./tsconfig.json --output human)

echo "== vitest (ui)"
(cd ui && npx vitest run --reporter=dot)

echo "== cargo fmt --check"
cargo fmt --all -- --check
echo "== cargo clippy -D warnings"
cargo clippy --workspace --all-targets --locked -- -D warnings
echo "== cargo test"
cargo test --workspace --locked --no-fail-fast

# End-to-end tests of the real app window under Xvfb, through WebDriver (tauri-driver and
# WebKitWebDriver), on the shell `cargo test` above built (its integration tests need the binary):
# built once, with the features the tests unified.
if ! command -v tauri-driver >/dev/null 2>&1 && [ ! -x "$HOME/.cargo/bin/tauri-driver" ]; then
  echo "== installing tauri-driver"
  cargo install tauri-driver --locked --version '^2.1'
fi
echo "== desktop end-to-end (Xvfb + WebDriver)"
SPW_DESKTOP_BIN="$(cargo metadata --format-version 1 --no-deps | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')/debug/spw-desktop" \
  xvfb-run -a --server-args="-screen 0 1600x1000x24" node ui/e2e/run.mjs
