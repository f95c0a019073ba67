#!/usr/bin/env bash
# Builds the .deb with CPack from a build directory into a temporary
# directory, checks it with lintian (any E: or W: line fails), checks the
# metadata issue 17 found missing and its declared dependencies, installs it
# into a fresh directory tree (dpkg-deb -x, as dpkg would lay it out under /)
# and runs what was installed there: plan --version, plan validate plans/,
# man -l on the compressed man page and man -L es on the Spanish one.
#
#   check_deb.sh BUILD_DIR SOURCE_DIR
# Exit 77 (a skip for CTest) when lintian is not installed, after the other
# checks have passed; scripts/setup.sh --tests installs it.
set -euo pipefail
build=$1
source=$2
export LANG=C.UTF-8 LC_ALL=C.UTF-8
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

if ! (cd "$work" && cpack -G DEB --config "$build/CPackConfig.cmake" -B "$work/out") \
  >"$work/cpack.log" 2>&1; then
  cat "$work/cpack.log"
  echo "FAIL: cpack -G DEB"
  exit 1
fi
deb=$(ls "$work"/out/*.deb)
version=$(dpkg-deb -f "$deb" Version)
pass "cpack built $(basename "$deb")"

# --- lintian ------------------------------------------------------------------
have_lintian=yes
if command -v lintian >/dev/null; then
  # Every tag, informational ones too, so the log shows what remains.
  lintian --display-info --pedantic "$deb" >"$work/lintian.log" 2>&1 || true
  sed 's/^/  lintian: /' "$work/lintian.log"
  if grep -q '^[EW]: ' "$work/lintian.log"; then
    fail "lintian reports errors or warnings (lines E: and W: above)"
  else
    pass "lintian: no error, no warning"
  fi
else
  have_lintian=no
fi

# --- metadata -----------------------------------------------------------------
maintainer=$(dpkg-deb -f "$deb" Maintainer)
case "$maintainer" in
  *localhost* | "") fail "Maintainer is not a real address: '$maintainer'" ;;
  *) pass "Maintainer: $maintainer" ;;
esac
# A long description given as a CMake list reaches the control file as
# lines that begin with ';'.
if dpkg-deb -f "$deb" Description | grep -q '^ *;'; then
  fail "Description has lines beginning with ';' (a CMake list joined)"
else
  pass "Description without list artefacts"
fi

depends=$(dpkg-deb -f "$deb" Depends)
for lib in libyaml-cpp0.7 libfmt9 libutf8proc2 libxlsxwriter4 libzip4 libexpat1 libc6 libstdc++6; do
  case "$depends" in
    *"$lib"*) ;;
    *) fail "Depends lacks $lib: $depends" ;;
  esac
done
pass "Depends: $depends"

root="$work/root"
dpkg-deb -x "$deb" "$root"
doc="$root/usr/share/doc/plan"
if cmp -s "$doc/copyright" "$source/cmake/debian/copyright"; then
  pass "usr/share/doc/plan/copyright is cmake/debian/copyright"
else
  fail "usr/share/doc/plan/copyright is missing or not cmake/debian/copyright"
fi
if [[ -f $doc/changelog.gz ]]; then
  # gzip -n: bytes 4 to 7 of the header (the time stamp) are zero.
  stamp=$(od -An -tx1 -j4 -N4 "$doc/changelog.gz" | tr -d ' \n')
  [[ $stamp == 00000000 ]] || fail "changelog.gz has a time stamp ($stamp): not reproducible"
  first=$(zcat "$doc/changelog.gz" | head -n 1)
  if [[ $first == "plan ($version) "* ]]; then
    pass "changelog.gz opens with $first"
  else
    fail "changelog.gz opens with '$first', not version $version"
  fi
else
  fail "no usr/share/doc/plan/changelog.gz"
fi
uncompressed=$(find "$root/usr/share/man" -type f ! -name '*.gz')
[[ -z $uncompressed ]] || fail "uncompressed man pages: $uncompressed"
page="$root/usr/share/man/man1/plan.1.gz"
if [[ -f $page ]] && zcat "$page" | cmp -s - "$source/docs/man/plan.1"; then
  pass "usr/share/man/man1/plan.1.gz is docs/man/plan.1"
else
  fail "usr/share/man/man1/plan.1.gz is missing or not docs/man/plan.1"
fi

page_es="$root/usr/share/man/es/man1/plan.1.gz"
if [[ -f $page_es ]] && zcat "$page_es" | cmp -s - "$source/docs/man/es/plan.1"; then
  pass "usr/share/man/es/man1/plan.1.gz is docs/man/es/plan.1"
else
  fail "usr/share/man/es/man1/plan.1.gz is missing or not docs/man/es/plan.1"
fi

# --- the installed plan -------------------------------------------------------
plan="$root/usr/bin/plan"
if [[ ! -x $plan ]]; then
  fail "no executable usr/bin/plan in the package"
else
  # Stripped: no symbol table (readelf is in binutils, which g++ needs).
  if readelf -S "$plan" | grep -q '\.symtab'; then
    fail "usr/bin/plan is not stripped"
  fi
  # Every shared library the binary needs comes from a declared package.
  for so in $(ldd "$plan" | awk '/=>/ {print $1}'); do
    case "$so" in
      libfmt.so.9 | libyaml-cpp.so.0.7 | libutf8proc.so.2 | libstdc++.so.6 | libm.so.6 | \
        libgcc_s.so.1 | libc.so.6) ;;
      # libxlsxwriter4, and what that package itself depends on.
      libxlsxwriter.so.4 | libminizip.so.1 | libcrypto.so.3 | libz.so.1) ;;
      # libzip4 and libexpat1 (plan import), and what libzip4 depends on.
      libzip.so.4 | libexpat.so.1 | libbz2.so.1.0) ;;
      *) fail "$so is not covered by Depends" ;;
    esac
  done
  shown=$("$plan" --version) || fail "plan --version failed"
  if [[ $shown == "plan $version" || $shown == "plan $version ("*")" ]]; then
    pass "installed plan --version: $shown"
  else
    fail "installed plan --version says '$shown', the package is $version"
  fi
  if (cd "$source" && "$plan" validate plans/ >"$work/validate.log" 2>&1); then
    pass "installed plan validate plans/"
  else
    cat "$work/validate.log"
    fail "the installed plan does not validate plans/"
  fi
fi

if command -v man >/dev/null; then
  text=$(MANWIDTH=100 man -l -P cat "$page" 2>"$work/man.log") || fail "man -l $page failed"
  if grep -q '^NAME' <<<"$text" && grep -q 'plan validate' <<<"$text"; then
    pass "man -l reads the installed page"
  else
    cat "$work/man.log"
    fail "man -l on the installed page shows no NAME section or no 'plan validate'"
  fi
  # man -L es finds the Spanish page where the package puts it.
  text=$(MANPATH="$root/usr/share/man" MANWIDTH=100 man -L es -P cat plan 2>"$work/man-es.log") ||
    fail "man -L es plan failed with MANPATH=$root/usr/share/man"
  if grep -q '^NOMBRE' <<<"$text" && grep -q 'plan validate' <<<"$text"; then
    pass "man -L es plan reads the installed Spanish page"
  else
    cat "$work/man-es.log"
    fail "man -L es plan shows no NOMBRE section or no 'plan validate'"
  fi
else
  fail "man is not installed (Debian: man-db)"
fi

echo "$checks passed, $failures failed"
((failures == 0)) || exit 1
if [[ $have_lintian == no ]]; then
  echo "SKIP: lintian is not installed (scripts/setup.sh --tests installs it); the rest passed"
  exit 77
fi
