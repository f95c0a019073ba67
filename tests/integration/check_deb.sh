#!/usr/bin/env bash
# Builds the .deb with CPack from a build directory, checks its declared
# dependencies, installs it into a fresh directory tree (dpkg -x, as dpkg
# would lay it out under /) and runs the installed plan there.
#
#   check_deb.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$1
source=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

(cd "$work" && cpack -G DEB --config "$build/CPackConfig.cmake" -B "$work/out" >/dev/null)
deb=$(ls "$work"/out/*.deb)
depends=$(dpkg-deb -f "$deb" Depends)
for lib in libyaml-cpp0.7 libfmt9 libutf8proc2; do
  case "$depends" in
    *"$lib"*) ;;
    *) echo "FAIL: Depends lacks $lib: $depends"; exit 1 ;;
  esac
done
# Every shared library the binary needs comes from a declared package.
dpkg-deb -x "$deb" "$work/root"
plan="$work/root/usr/bin/plan"
test -x "$plan" || { echo "FAIL: no usr/bin/plan in the package"; exit 1; }
for so in $(ldd "$plan" | awk '/=>/ {print $1}'); do
  case "$so" in
    libfmt.so.9|libyaml-cpp.so.0.7|libutf8proc.so.2|libstdc++.so.6|libm.so.6|libgcc_s.so.1|libc.so.6) ;;
    *) echo "FAIL: $so is not covered by Depends"; exit 1 ;;
  esac
done
"$plan" --version | grep -q "^plan [0-9]" || { echo "FAIL: plan --version"; exit 1; }
(cd "$source" && "$plan" validate plans/participacion-2021.yaml >/dev/null) \
  || { echo "FAIL: the installed plan does not validate the 2021 plan"; exit 1; }
echo "1 passed, 0 failed"
