#!/usr/bin/env bash
# Installs from Debian 12's packages what is missing, then configures and
# builds a CMake preset (default: release).
#
#   scripts/setup.sh                # build and run plan: build/release/plan
#   scripts/setup.sh --tests        # also every tool a test needs, and the tests
#   scripts/setup.sh --tests asan   # the same in build/asan (AddressSanitizer + UBSan)
#
# Without --tests it installs only what building and running plan need, so
# that a new user sees the plan in minutes; --tests adds the readers the
# tests check outputs with (Python's icalendar, cmark-gfm, Chromium and
# pdftotext, node for the real Mermaid parser, lintian and dpkg-dev for the
# Debian package, ...) and the tests' npm tooling.
set -euo pipefail
cd "$(dirname "$0")/.."
tests=OFF
if [ "${1:-}" = "--tests" ]; then
  tests=ON
  shift
fi
preset="${1:-release}"

packages=(g++ cmake make pkg-config git
          libcli11-dev libyaml-cpp-dev libfmt-dev
          libutf8proc-dev nlohmann-json3-dev libdtl-dev
          libxlsxwriter-dev libzip-dev libexpat1-dev)
if [ "$tests" = ON ]; then
  packages+=(catch2 python3 python3-icalendar python3-yaml python3-jsonschema
             zsh fish man-db groff-base clang-format universal-ctags libyaml-dev
             cmark-gfm chromium poppler-utils nodejs npm
             dpkg-dev lintian python3-openpyxl
             libreoffice-calc-nogui)
fi

# A package is there when dpkg has it; node and npm also when a node
# installed another way is on PATH (NodeSource's nodejs bundles npm and
# conflicts with Debian's npm package).
have() {
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed" && return 0
  case "$1" in
    nodejs) command -v node >/dev/null ;;
    npm) command -v npm >/dev/null ;;
    *) return 1 ;;
  esac
}

missing=()
for p in "${packages[@]}"; do
  have "$p" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}" >&2
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  $sudo apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

if [ "$tests" = ON ]; then
  tests/export/install_tooling.sh
fi
cmake --preset "$preset" -DPLAN_BUILD_TESTS="$tests" >/dev/null
cmake --build --preset "$preset"
