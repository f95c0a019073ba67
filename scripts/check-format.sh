#!/usr/bin/env bash
# Checks that every C++ file git tracks is formatted by .clang-format.
#   scripts/check-format.sh         # report files that differ; exit 1 if any
#   scripts/check-format.sh --fix   # format them in place
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t files < <(git ls-files '*.cpp' '*.h' '*.hpp')
if [ "${1:-}" = "--fix" ]; then
  clang-format -i "${files[@]}"
else
  clang-format --dry-run --Werror "${files[@]}"
fi
