#!/usr/bin/env bash
# Every test of SPW600e Designer: formatting, lints, unit, property, reference and end-to-end
# tests, with the outside checkers the exporters are judged by (ezdxf, qpdf, poppler).
# Works on a fresh Debian 12 machine with the Rust toolchain; installs what the tests need.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
pkgs=()
command -v cc >/dev/null 2>&1 || pkgs+=(build-essential)
command -v pkg-config >/dev/null 2>&1 || pkgs+=(pkg-config)
command -v qpdf >/dev/null 2>&1 || pkgs+=(qpdf)
command -v pdftotext >/dev/null 2>&1 || pkgs+=(poppler-utils)
command -v python3 >/dev/null 2>&1 || pkgs+=(python3)
python3 -c 'import venv, ensurepip' >/dev/null 2>&1 || pkgs+=(python3-venv)
if [ ${#pkgs[@]} -gt 0 ]; then
  echo "== installing ${pkgs[*]}"
  $SUDO apt-get update -qq
  $SUDO DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${pkgs[@]}" >/dev/null
fi
if ! command -v cargo >/dev/null 2>&1; then
  echo "Rust is not installed: install the stable toolchain with rustup, then run this again." >&2
  exit 2
fi
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
# WebKitWebDriver). `cargo test` above built the shell (target/…/debug/spw-desktop) once.
if ! command -v tauri-driver >/dev/null 2>&1 && [ ! -x "$HOME/.cargo/bin/tauri-driver" ]; then
  echo "== installing tauri-driver"
  cargo install tauri-driver --locked --version '^2.1'
fi
echo "== desktop end-to-end (Xvfb + WebDriver)"
cargo build -p spw-desktop --locked
SPW_DESKTOP_BIN="$(cargo metadata --format-version 1 --no-deps | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')/debug/spw-desktop" \
  xvfb-run -a --server-args="-screen 0 1600x1000x24" node ui/e2e/run.mjs
