#!/usr/bin/env bash
# check_completion.sh: `plan completion SHELL` against the binary's own help.
#
#   check_completion.sh bash|zsh|fish PLAN_BINARY SOURCE_DIR
#
# Every shell: the script parses, and names every subcommand and every long
# option that `plan --help` and `plan SUB --help` list. Then real
# completions, asked the way the shell asks when Tab is pressed (zsh in a
# pseudo-terminal, by complete_zsh.zsh beside this script), run in
# SOURCE_DIR so that plans/ is there for the activity addresses, the
# owner codes and the plan ids.
# Exit 77 (a skip for CTest) when zsh or fish is not installed.
set -euo pipefail

shell=$1
if ! command -v "$shell" >/dev/null; then
  echo "SKIP: $shell is not installed (scripts/setup.sh installs it); its completion is untested"
  exit 77
fi
plan=$(cd "$(dirname "$2")" && pwd)/$(basename "$2")
here=$(cd "$(dirname "$0")" && pwd)
cd "$3"
# The scripts call `plan` by the name typed, as a user's shell would.
PATH=$(dirname "$plan"):$PATH
export PATH LANG=C LC_ALL=C
unset NO_COLOR

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

script=$(mktemp)
trap 'rm -f "$script"' EXIT
plan completion "$shell" >"$script"

# --- the script parses --------------------------------------------------------
case $shell in
  bash) bash -n "$script" && pass "bash -n" || fail "bash -n: the script does not parse" ;;
  zsh) zsh -n "$script" && pass "zsh -n" || fail "zsh -n: the script does not parse" ;;
  fish) fish -n "$script" && pass "fish -n" || fail "fish -n: the script does not parse" ;;
esac

# --- every subcommand and option of the help is in the script ---------------
commands=$(plan --help | sed -n '/^Subcommands:/,$s/^  \([a-z][a-z-]*\) .*/\1/p')
[[ -n $commands ]] || fail "no subcommand found in 'plan --help'"
for c in $commands; do
  grep -qw -- "$c" "$script" || fail "subcommand '$c' is not in the $shell script"
  for o in $(plan "$c" --help | sed -n 's/^  \(-[a-z],\)\{0,1\}\(--[a-z][a-z-]*\).*/\2/p'); do
    case $shell in
      bash) grep -q -- "^    $c)" "$script" &&
        sed -n "/^    $c)\$/,/;;/p" "$script" | grep -q -- "opts='.* $o\\( \\|'\\)" ||
        fail "'plan $c $o' is not among the bash script's options for $c" ;;
      zsh) sed -n "/^        $c)\$/,/^          ;;/p" "$script" |
        grep -q -- "'\\(([^)]*) *\\)\\{0,1\\}$o[=[]" ||
        fail "'plan $c $o' is not in the zsh script" ;;
      fish) grep -q -- "seen_subcommand_from $c' .*-l ${o#--}\\b" "$script" ||
        fail "'plan $c $o' is not in the fish script" ;;
    esac
  done
done
pass "every subcommand and option of the help is in the $shell script"

# --- real completions ---------------------------------------------------------
# complete WORD... : what Tab offers after these words (the last is the one
# being completed, "" for a new word), one per line, sorted.
complete_bash() {
  bash -c 'source "$1"; shift
           COMP_WORDS=("$@"); COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
           COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}
           _plan; printf "%s\n" "${COMPREPLY[@]}"' _ "$script" "$@" | sort
}
complete_fish() {
  local line= w
  for w in "$@"; do
    [[ -n $w ]] && printf -v w '%q' "$w"
    line+="$w "
  done
  line=${line% }  # "plan list --lang " when the last word is "" (a new word)
  fish -c 'source $argv[1]; complete -C $argv[2]' "$script" "$line" | cut -f1 | sort
}
complete_zsh() {
  local line= w
  for w in "$@"; do
    [[ -n $w ]] && printf -v w '%q' "$w"
    line+="$w "
  done
  line=${line% }
  zsh -f "$here/complete_zsh.zsh" "$script" "$line"
}
complete() {
  case $shell in
    bash) complete_bash "$@" ;;
    fish) complete_fish "$@" ;;
    zsh) complete_zsh "$@" ;;
  esac
}
# expect WHAT "WORD..." -- words that must be offered, exactly or at least
expect_exactly() {
  local want=$1
  shift
  local got
  got=$(complete "$@" | tr '\n' ' ' | sed 's/ $//')
  if [[ $got == "$want" ]]; then pass "$*<TAB> gives: $got"; else fail "$*<TAB> gives '$got', not '$want'"; fi
}
expect_some() {
  local want=$1
  shift
  local got w missing=
  got=" $(complete "$@" | tr '\n' ' ')"
  for w in $want; do [[ $got == *" $w "* ]] || missing+=" $w"; done
  if [[ -z $missing ]]; then pass "$*<TAB> includes $want"; else fail "$*<TAB> lacks$missing; gives:$got"; fi
}
expect_none() {
  local unwanted=$1
  shift
  local got w found=
  got=" $(complete "$@" | tr '\n' ' ')"
  for w in $unwanted; do [[ $got != *" $w "* ]] || found+=" $w"; done
  if [[ -z $found ]]; then pass "$*<TAB> leaves out $unwanted"; else fail "$*<TAB> offers$found"; fi
}

if [[ $shell == bash || $shell == fish || $shell == zsh ]]; then
  expect_exactly "show" plan sh
  expect_some "validate status timeline mark list show filter export report schema completion" plan ""
  expect_exactly "en es" plan list --lang ""
  expect_exactly "always auto never" plan status --color ""
  expect_exactly "json text" plan list --format ""
  expect_exactly "csv ics json markdown mermaid xlsx" plan export --format ""
  expect_exactly "github json text" plan validate --format ""
  expect_exactly "active blocked cancelled none" plan mark --status ""
  expect_exactly "line owner" plan timeline --group ""
  expect_exactly "bash fish zsh" plan completion ""
  expect_some "--format --lang --as-of --color --width --help" plan list --
  expect_some "--strict" plan validate --
  # Every command that writes CSV takes the same CSV options.
  expect_some "--raw-csv --codes --sep --bom --no-bom --format" plan export --
  expect_some "--raw-csv --codes --sep --bom --no-bom --format" plan filter --
  expect_some "--note --by --evidence --date --status --force --dry-run" plan mark --
  expect_some "2.3 5.1 1.1 2" plan show ""
  expect_some "2.3 5.1" plan show --lang es ""
  expect_some "2.3 5.1" plan mark ""
  expect_none "2 5" plan mark ""
  expect_exactly "done" plan mark 2.3 ""
  expect_exactly "done" plan mark --note "x y" 2.3 ""
  # bash adds the slash of a directory when it shows the list; fish at once.
  dir=plans
  [[ $shell == fish ]] && dir=plans/
  expect_some "$dir" plan list pl
  expect_some "$dir" plan show 2.3 pl
fi
# The plans' own words, read the way the completions must read them: the
# owner codes each plan declares and the plan ids.
json_keys() {  # json_keys KEY PATH...: the sorted KEYs of `plan export --format json`
  plan export --format json "${@:2}" |
    python3 -c 'import json, sys; print(" ".join(sorted({str(k) for p in json.load(sys.stdin) for k in ([p["id"]] if sys.argv[1] == "id" else p[sys.argv[1]])})))' "$1"
}
if [[ $shell == bash || $shell == fish || $shell == zsh ]]; then
  owners=$(json_keys owners)
  plan_id=$(json_keys id)
  other=tests/e2e/plans/warnings.yaml
  other_owners=$(json_keys owners $other)
  [[ -n $owners && -n $plan_id && $owners != "$other_owners" ]] ||
    fail "the plans to complete from: owners '$owners', id '$plan_id', other '$other_owners'"
  expect_exactly "$owners" plan mark 2.3 40 --by ""
  expect_exactly "$owners" plan mark --note "x y" --by ""
  # Read from the plan file the command line names, not ./plans.
  expect_exactly "$other_owners" plan mark 1.1 40 $other --by ""
  expect_exactly "C1 C2 C3 T1 T2 T3 T4" plan report --period ""
  expect_exactly "C1 C2 C3 T1 T2 T3 T4" plan status --period ""
  # Plan ids: PLAN-ID: among the addresses, PLAN-ID:2.3 once it is typed.
  expect_some "$plan_id: 2.3" plan show ""
  expect_some "$plan_id:" plan mark ""
  expect_none "$plan_id:2.3 $plan_id:2" plan show ""
fi
# fish and zsh keep PLAN-ID:2.3 one word.
if [[ $shell == fish || $shell == zsh ]]; then
  expect_some "$plan_id:2.3 $plan_id:5.1 $plan_id:2" plan show "$plan_id:"
  expect_exactly "$plan_id:2.1 $plan_id:2.2 $plan_id:2.3 $plan_id:2.4 $plan_id:2.5" plan show "$plan_id:2."
  expect_none "$plan_id:2" plan mark "$plan_id:"
  expect_exactly "done" plan mark "$plan_id:2.3" ""
fi
if [[ $shell == bash ]]; then
  # bash splits PLAN-ID:2.3 at ':' (COMP_WORDBREAKS) and replaces only the
  # word at the cursor: ':' itself, or what follows it.
  expect_some ":2.3 :5.1 :2" plan show "$plan_id" ":"
  expect_exactly "2.1 2.2 2.3 2.4 2.5" plan show "$plan_id" : "2."
  expect_none "2" plan mark "$plan_id" : ""
  expect_exactly "done" plan mark "$plan_id" : 2.3 ""
  # bash splits --lang=es at '=' (COMP_WORDBREAKS).
  expect_exactly "en es" plan list --lang = ""
  expect_exactly "es" plan list --lang = es
fi

echo "$checks passed, $failures failed"
((failures == 0))
