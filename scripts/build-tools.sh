#!/usr/bin/env bash
# Sourced by scripts/demo.sh and scripts/desktop.sh: a C compiler and pkg-config from Debian
# when missing, and a clear stop when the Rust toolchain is not installed. Sets SUDO.

if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi

build_tools() {
  if ! command -v cc >/dev/null 2>&1 || ! command -v pkg-config >/dev/null 2>&1; then
    $SUDO apt-get update -qq
    $SUDO apt-get install -y -qq build-essential pkg-config
  fi
  if ! command -v cargo >/dev/null 2>&1; then
    echo "Rust is not installed: install the stable toolchain with rustup, then run this again." >&2
    exit 2
  fi
}
