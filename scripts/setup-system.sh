#!/usr/bin/env bash
# Installs the Debian packages Sunlight needs (when run as root), or says what to install.
#   graphviz          flowchart layout (dot)
#   fonts-noto-cjk    Chinese glyphs for flowchart and chart SVGs and the browser tests
#   chromium          headless browser for the page and form tests (driven by Playwright)
#   default-jre-headless  Java for the Nu HTML Checker (vnu) in the tests
#   nodejs, npm       the npm packages of the tests (vnu-jar, axe-core)
set -euo pipefail
packages=(graphviz fonts-noto-cjk chromium default-jre-headless nodejs npm)
missing=()
for p in "${packages[@]}"; do
  case "$p" in
    # Node and Java may come from outside Debian; a working command is enough.
    nodejs) command -v node >/dev/null 2>&1 && continue ;;
    npm) command -v npm >/dev/null 2>&1 && continue ;;
    default-jre-headless) command -v java >/dev/null 2>&1 && continue ;;
  esac
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian packages: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "Sunlight needs these system packages, which are missing: ${missing[*]}" >&2
  echo "Install them, e.g.: sudo apt-get install ${missing[*]}" >&2
  echo "(graphviz is required to build; the others are needed by 'make test')" >&2
  command -v dot >/dev/null 2>&1 || exit 1
fi
