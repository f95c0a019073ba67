#!/usr/bin/env bash
# Installs what `plan` needs from Debian 12's packages (only what is
# missing), then configures and builds a CMake preset (default: release).
# The list includes what the tests read outputs with (python3-icalendar,
# cmark-gfm, chromium, nodejs and npm); the tests' npm packages are not
# installed here but by CTest's first run (tests/export/install_tooling.sh).
#
#   scripts/setup.sh            # release build in build/release
#   scripts/setup.sh asan       # AddressSanitizer + UBSan build in build/asan
set -euo pipefail
cd "$(dirname "$0")/.."
preset="${1:-release}"

packages=(g++ cmake make pkg-config git python3
          libcli11-dev libyaml-cpp-dev libfmt-dev catch2
          libutf8proc-dev nlohmann-json3-dev libdtl-dev
          python3-icalendar python3-yaml python3-jsonschema
          zsh fish man-db groff-base clang-format universal-ctags
          cmark-gfm chromium nodejs npm)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}" >&2
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  $sudo apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset"
