#!/usr/bin/env bash
# Checks the two structural rules of docs/STYLE (../shared/STYLE.md, issue 12):
#  - no function in src/ is longer than 60 lines (universal-ctags finds
#    where each function starts and ends);
#  - only src/yaml/ (the private YAML layer) and bench/ include yaml-cpp.
# Exits 1 and names each offender.
set -euo pipefail
cd "$(dirname "$0")/.."
max=60
status=0
long=$(ctags --kinds-c++=f --fields=+ne -o - -R src |
  awk -F'\t' -v max="$max" '{
    start = 0; end = 0
    for (i = 4; i <= NF; i++) {
      if ($i ~ /^line:/) start = substr($i, 6)
      if ($i ~ /^end:/) end = substr($i, 5)
    }
    if (end - start + 1 > max) printf "%s:%d: %s is %d lines (at most %d)\n", $2, start, $1, end - start + 1, max
  }' | sort)
if [ -n "$long" ]; then
  echo "$long"
  status=1
fi
includes=$(git grep -n -E '#include *[<"]yaml-cpp/' -- ':!src/yaml/' ':!bench/' || true)
if [ -n "$includes" ]; then
  echo "$includes" | sed 's/$/  (only src\/yaml\/ may include yaml-cpp)/'
  status=1
fi
exit $status
