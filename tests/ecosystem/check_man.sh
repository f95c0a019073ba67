#!/usr/bin/env bash
# check_man.sh: docs/man/plan.1 and its Spanish, docs/man/es/plan.1, render
# without a warning and document every subcommand and every long option that
# the binary's help lists.
#
#   check_man.sh PLAN_BINARY SOURCE_DIR
# Exit 77 (a skip for CTest) when man is not installed.
set -euo pipefail
plan=$1
page=$2/docs/man/plan.1
export LANG=C.UTF-8 LC_ALL=C.UTF-8

if ! command -v man >/dev/null; then
  echo "SKIP: man is not installed (Debian: man-db, groff-base); docs/man/plan.1 is unchecked"
  exit 77
fi

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

warnings=$(MANWIDTH=80 man --warnings -l "$page" 2>&1 >/dev/null) || fail "man -l $page failed"
if [[ -z $warnings ]]; then pass "man --warnings: none"; else fail "man --warnings: $warnings"; fi

# Wide, so that no name is split across lines; justification's spaces squeezed.
text=$(MANWIDTH=300 man -l "$page" 2>/dev/null | tr -s ' ')
for section in NAME SYNOPSIS DESCRIPTION COMMANDS "EXIT STATUS" ENVIRONMENT FILES EXAMPLES "SEE ALSO"; do
  grep -q "^$section\$" <<<"$text" || fail "no section $section"
done
pass "sections"

commands=$("$plan" --help | sed -n '/^Subcommands:/,$s/^  \([a-z][a-z-]*\) .*/\1/p')
[[ -n $commands ]] || fail "no subcommand found in 'plan --help'"
for c in $commands; do
  grep -q "^ *plan $c\\b" <<<"$text" || fail "subcommand '$c' has no section 'plan $c' in the man page"
  for o in $("$plan" "$c" --help | sed -n 's/^  \(-[a-z],\)\{0,1\}\(--[a-z][a-z-]*\).*/\2/p'); do
    grep -q -- "$o\\b" <<<"$text" || fail "'plan $c $o' is not in the man page"
  done
done
pass "every subcommand and long option of the help is in the man page"
for v in NO_COLOR LANG LC_ALL COLUMNS; do
  grep -q "\\b$v\\b" <<<"$text" || fail "environment variable $v is not in the man page"
done
pass "environment variables"

# The Spanish page (issue 17): the same subcommands and options, its own
# section names, no warning.
page_es=$2/docs/man/es/plan.1
warnings=$(MANWIDTH=80 man --warnings -l "$page_es" 2>&1 >/dev/null) || fail "man -l $page_es failed"
if [[ -z $warnings ]]; then pass "es: man --warnings: none"; else fail "es: man --warnings: $warnings"; fi
text_es=$(MANWIDTH=300 man -l "$page_es" 2>/dev/null | tr -s ' ')
for section in NOMBRE SINOPSIS DESCRIPCIÓN COMANDOS "OPCIONES COMUNES" "ESTADO DE SALIDA" ENTORNO ARCHIVOS EJEMPLOS "VÉASE TAMBIÉN"; do
  grep -q "^$section\$" <<<"$text_es" || fail "es: no section $section"
done
pass "es: sections"
for c in $commands; do
  grep -q "^ *plan $c\b" <<<"$text_es" || fail "es: subcommand '$c' has no section 'plan $c'"
  for o in $("$plan" "$c" --help | sed -n 's/^  \(-[a-z],\)\{0,1\}\(--[a-z][a-z-]*\).*/\2/p'); do
    grep -q -- "$o\b" <<<"$text_es" || fail "es: 'plan $c $o' is not in the Spanish man page"
  done
done
pass "es: every subcommand and long option of the help is in the Spanish man page"
for v in NO_COLOR LANG LC_ALL LC_MESSAGES COLUMNS; do
  grep -q "\b$v\b" <<<"$text_es" || fail "es: environment variable $v is not in the man page"
done
pass "es: environment variables"

echo "$checks passed, $failures failed"
((failures == 0))
