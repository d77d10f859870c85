#!/usr/bin/env bash
# Sourced by scripts/test.sh and scripts/desktop.sh (after scripts/packages.sh): the system packages the desktop app builds
# and is tested with (WebKitGTK, GTK, Xvfb, WebKitWebDriver), Node.js 20 for the UI, and the
# UI's own packages from ui/package-lock.json. Installs only what is missing.

desktop_deps() {
  apt_install libwebkit2gtk-4.1-dev libsoup-3.0-dev libgtk-3-dev librsvg2-dev \
    libayatana-appindicator3-dev webkit2gtk-driver xvfb xautomation imagemagick xauth curl \
    ca-certificates gnupg
  # Vite needs Node.js 20.19 or newer; Debian 12 ships 18, so use NodeSource's Node 20 packages.
  local major=0
  if command -v node >/dev/null 2>&1; then major="$(node -p 'process.versions.node.split(".")[0]')"; fi
  if [ "$major" -lt 20 ]; then
    echo "== installing Node.js 20 (NodeSource)"
    curl -fsSL https://deb.nodesource.com/gpgkey/nodesource-repo.gpg.key \
      | as_root gpg --dearmor --yes -o /usr/share/keyrings/nodesource.gpg
    printf 'Types: deb\nURIs: https://deb.nodesource.com/node_20.x\nSuites: nodistro\nComponents: main\nArchitectures: %s\nSigned-By: /usr/share/keyrings/nodesource.gpg\n' \
      "$(dpkg --print-architecture)" | as_root tee /etc/apt/sources.list.d/nodesource.sources >/dev/null
    install_cmd apt-get update -qq
    install_cmd env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs
  fi
}

# The UI's packages (exactly the lock file's) and its build into ui/dist, which the shell embeds.
ui_build() {
  if [ ! -d ui/node_modules ] || [ ui/package-lock.json -nt ui/node_modules/.package-lock.json ]; then
    echo "== npm ci (ui)"
    (cd ui && npm ci --no-audit --no-fund --loglevel=error)
  fi
  echo "== ui build"
  (cd ui && npx vite build --logLevel warn)
}
