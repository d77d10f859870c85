#!/usr/bin/env bash
# Checks the setup scripts themselves: shellcheck on every script, then each install command the
# scripts would run — as root and as an ordinary user through sudo — must start with a command
# that exists (so an install line whose sudo prefix is empty when run as root cannot come back).
set -euo pipefail
cd "$(dirname "$0")/.."

shellcheck -x -S warning scripts/*.sh .ci/run

# Root commands go through as_root/install_cmd (scripts/packages.sh), never a `$SUDO` prefix.
if grep -nEi '^[^#]*\$\{?sudo\}?[[:space:]]' --exclude=check-scripts.sh scripts/*.sh .ci/run; then
  echo "use as_root or install_cmd from scripts/packages.sh instead of a \$SUDO prefix" >&2
  exit 1
fi

# The install commands, all packages treated as missing, printed instead of run.
print_commands() {
  SPW_INSTALL_FORCE=1 SPW_INSTALL_DRY_RUN=1 bash -c '
    set -euo pipefail
    . scripts/packages.sh
    . scripts/desktop-deps.sh
    (build_tools) 2>/dev/null || true  # it stops after its commands without cargo on the PATH
    apt_install build-essential pkg-config qpdf
    desktop_deps
  ' | grep -v "^== "
}

check_commands() {
  local who="$1" line n=0
  while IFS= read -r line; do
    n=$((n + 1))
    eval "set -- $line"
    if [ "$1" = sudo ]; then shift; fi
    if ! command -v "$1" >/dev/null 2>&1; then
      echo "install command as $who does not start with a command: $line" >&2
      exit 1
    fi
  done
  [ "$n" -gt 0 ] || { echo "no install commands printed as $who" >&2; exit 1; }
  echo "install commands as $who: $n, each starts with a command"
}

print_commands | check_commands "$(id -un)"
if [ "$(id -u)" = 0 ] && id nobody >/dev/null 2>&1; then
  # As an ordinary user every command goes through sudo.
  out="$(runuser -u nobody -- bash -c "cd '$PWD' && $(declare -f print_commands) && print_commands")"
  if grep -qv '^sudo ' <<<"$out"; then
    echo "an install command as an ordinary user does not go through sudo:" >&2
    grep -v '^sudo ' <<<"$out" >&2
    exit 1
  fi
  check_commands nobody <<<"$out"
fi
