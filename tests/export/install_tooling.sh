#!/usr/bin/env bash
# Installs the export tests' npm tooling (the real Mermaid, jsdom) into
# tests/export/node_modules from package-lock.json, unless it is already
# there at the locked versions. Run by CTest as the fixture of the Mermaid
# test, so building and running plan never needs npm. Offline, it says so
# and leaves the Mermaid test to skip.
set -euo pipefail
cd "$(dirname "$0")"
if [ -f node_modules/.package-lock.json ] && [ -f node_modules/mermaid/package.json ] &&
   [ -f node_modules/axe-core/axe.min.js ] &&
   [ ! package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "export tooling: up to date"
  exit 0
fi
if ! npm ci --no-audit --no-fund --loglevel=error; then
  echo "export tooling: npm ci failed; the Mermaid check will be skipped" >&2
fi
exit 0
