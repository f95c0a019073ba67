#!/usr/bin/env bash
# plan --version shows the release version from CMakeLists.txt and, in a
# git checkout, `git describe` of the commit it was built from; the man
# page's header names that release; and
# cmake/git-describe.cmake, which the build runs every time, follows HEAD,
# leaves the header alone when nothing changed, and writes an empty
# description outside a git checkout (a source tarball).
#
#   check_version.sh PLAN_BINARY SOURCE_DIR PROJECT_VERSION
set -euo pipefail
plan=$1
source=$2
release=$3
script="$source/cmake/git-describe.cmake"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

failures=0
checks=0
fail() {
  echo "FAIL: $*"
  failures=$((failures + 1))
}
pass() {
  echo "ok: $*"
  checks=$((checks + 1))
}
# The description the script writes into a header.
describe_into() {  # SOURCE_DIR HEADER
  cmake -DSOURCE_DIR="$1" -DOUTPUT="$2" -P "$script"
  sed -n 's/^#define PLAN_GIT_DESCRIBE "\(.*\)"$/\1/p' "$2"
}

# --- the built binary ---------------------------------------------------------
shown=$("$plan" --version)
if [[ -e $source/.git ]] && command -v git >/dev/null; then
  # Without --dirty: a test may run while another edits a tracked file;
  # what matters is the commit, which a build without reconfiguring must
  # follow.
  expected="plan $release ($(git -C "$source" describe --tags --always))"
  shown=${shown/%-dirty)/)}
else
  expected="plan $release"
fi
if [[ $shown == "$expected" ]]; then
  pass "plan --version: $shown"
else
  fail "plan --version says '$shown', expected '$expected' (rebuild after a commit?)"
fi

# The man page's header names the release (a step of docs/release.md).
if grep -q "^\.TH PLAN 1 .* \"plan $release\"" "$source/docs/man/plan.1"; then
  pass "docs/man/plan.1 is the page of plan $release"
else
  fail "docs/man/plan.1's .TH line does not name plan $release: $(grep '^\.TH' "$source/docs/man/plan.1")"
fi

# --- the script ---------------------------------------------------------------
# A source tarball: no .git, only the release version.
mkdir "$work/tarball"
got=$(describe_into "$work/tarball" "$work/tarball.h")
[[ -z $got ]] && pass "no .git: empty description" || fail "no .git: description '$got'"

if command -v git >/dev/null; then
  repo="$work/repo"
  g() { git -C "$repo" -c user.name=test -c user.email=test@example.org "$@"; }
  git init -q "$repo"
  echo one >"$repo/file"
  g add file
  g commit -q -m one
  got=$(describe_into "$repo" "$work/repo.h")
  [[ $got == "$(g rev-parse --short HEAD)" ]] && pass "untagged: the short commit $got" \
    || fail "untagged: '$got', not $(g rev-parse --short HEAD)"

  # Unchanged: the header is not rewritten, so nothing is recompiled.
  touch -d @0 "$work/repo.h"
  describe_into "$repo" "$work/repo.h" >/dev/null
  [[ $(stat -c %Y "$work/repo.h") == 0 ]] && pass "unchanged: header left alone" \
    || fail "unchanged: the header was rewritten"

  # HEAD moves: a tag, then a commit after it, then a dirty tree.
  g tag -a v9.8.7 -m v9.8.7
  got=$(describe_into "$repo" "$work/repo.h")
  [[ $got == v9.8.7 ]] && pass "tagged: $got" || fail "tagged: '$got', not v9.8.7"
  echo two >"$repo/file"
  g commit -q -a -m two
  got=$(describe_into "$repo" "$work/repo.h")
  [[ $got == "v9.8.7-1-g$(g rev-parse --short HEAD)" ]] && pass "after the tag: $got" \
    || fail "after the tag: '$got'"
  echo three >"$repo/file"
  got=$(describe_into "$repo" "$work/repo.h")
  [[ $got == *-dirty ]] && pass "edited: $got" || fail "edited: '$got' does not end in -dirty"
fi

echo "$checks passed, $failures failed"
((failures == 0))
