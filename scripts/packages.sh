#!/usr/bin/env bash
# Sourced by every script that sets up a machine: Debian packages installed one way, as root
# directly or through sudo, and a clear stop when the Rust toolchain is missing.
#
#   SPW_INSTALL_FORCE=1    treat every package as missing, so the install commands really run
#                          (scripts/test.sh does this in CI: the install path is exercised even
#                          on a machine that already has everything)
#   SPW_INSTALL_DRY_RUN=1  print the exact install commands instead of running them

# Runs a command as root: directly when we are root, else through sudo. Variables for the
# command go through `env` (`as_root env VAR=value cmd`), never as a prefix of `sudo`.
as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

# Runs (or, in a dry run, prints) one install command as root.
install_cmd() {
  if [ "${SPW_INSTALL_DRY_RUN:-}" = 1 ]; then
    if [ "$(id -u)" = 0 ]; then printf '%q ' "$@"; else printf 'sudo '; printf '%q ' "$@"; fi
    printf '\n'
    return 0
  fi
  as_root "$@"
}

# True when the Debian package is installed (never, under SPW_INSTALL_FORCE=1).
pkg_installed() {
  [ "${SPW_INSTALL_FORCE:-}" = 1 ] && return 1
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"
}

# Installs those of the given Debian packages that are missing.
apt_install() {
  local missing=() p
  for p in "$@"; do pkg_installed "$p" || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "== installing ${missing[*]}"
  install_cmd apt-get update -qq
  install_cmd env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

# A C toolchain and pkg-config for the crates that build C code; stops when Rust is missing.
build_tools() {
  apt_install build-essential pkg-config
  if ! command -v cargo >/dev/null 2>&1; then
    echo "Rust is not installed: install the stable toolchain with rustup, then run this again." >&2
    exit 2
  fi
}
