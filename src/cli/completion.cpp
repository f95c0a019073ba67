// cli/completion.cpp: `plan completion bash|zsh|fish`, a completion script
// written from the CLI11 app itself at run time, so that it offers every
// subcommand, option and choice the binary has, and nothing it lacks.
// Activity addresses (2.3, PLAN-ID:2.3) come from `plan list --format json`
// read with awk, owner codes from `plan export --format json` read with sed
// or `string`: no jq needed. Both read the plan files and directories the
// command line names, or ./plans, as the command itself will.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <iostream>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "commands.h"
#include "common.h"

namespace plan::cli {
namespace {

// ---------------------------------------------------------------------------
// The model: what the app accepts, read from CLI11.

struct OptionModel {
  std::vector<std::string> names;  // "-h", "--help"
  std::string description;
  bool takes_value = false;
  std::vector<std::string> choices;  // what an IsMember check allows
  bool owner = false;                // takes an owner code, read from the plans
};

// The options whose value is an owner code: `mark --by`, and `--lead` and
// `--support` wherever a command has them.
bool takes_owner(const CLI::Option& opt) {
  for (const std::string& l : opt.get_lnames()) {
    if (l == "by" || l == "lead" || l == "support")
      return true;
  }
  return false;
}

// What a positional argument is, from its name in the help.
enum class ArgKind { address, address_or_line, progress, path, choice, text };

struct PositionalModel {
  std::string name;  // "ADDRESS"
  ArgKind kind = ArgKind::text;
  std::vector<std::string> choices;
};

struct CommandModel {
  std::string name;
  std::string description;
  std::vector<OptionModel> options;
  std::vector<PositionalModel> positionals;
  bool last_repeats = false;  // the last positional takes any number of words
};

struct AppModel {
  std::vector<OptionModel> options;
  std::vector<CommandModel> commands;
};

// "TEXT:{text,json}" -> {"text", "json"}: CLI11 names an IsMember check's
// set in braces in the option's type name.
std::vector<std::string> choices_of(const CLI::Option& opt) {
  const std::string type = opt.get_type_name();
  const size_t open = type.find('{');
  const size_t close = type.find('}', open);
  std::vector<std::string> out;
  if (open == std::string::npos || close == std::string::npos)
    return out;
  const std::string_view set = std::string_view(type).substr(open + 1, close - open - 1);
  size_t start = 0;
  while (start <= set.size()) {
    const size_t comma = std::min(set.find(',', start), set.size());
    if (comma > start)
      out.emplace_back(set.substr(start, comma - start));
    start = comma + 1;
  }
  return out;
}

// Only `show` takes a line's address (2) as well as an activity's (2.3);
// `add activity` takes a LINE (offered with the addresses of lines).
ArgKind kind_of(std::string_view command, std::string_view name, bool has_choices) {
  if (has_choices)
    return ArgKind::choice;
  if (name == "LINE")
    return ArgKind::address_or_line;
  if (name == "ADDRESS")
    return command == "show" ? ArgKind::address_or_line : ArgKind::address;
  if (name == "PROGRESS")
    return ArgKind::progress;
  if (name == "PATH" || name == "OUT" ||
      name == "FILE")  // OUT: site's folder; FILE: init's, import's
    return ArgKind::path;
  return ArgKind::text;
}

std::vector<std::string> split_words(const std::string& s) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < s.size()) {
    const size_t space = std::min(s.find(' ', start), s.size());
    if (space > start)
      out.push_back(s.substr(start, space - start));
    start = space + 1;
  }
  return out;
}

// Options, then positionals; hidden ones (no group) are left out.
void read_options(const CLI::App& app, std::vector<OptionModel>* options, CommandModel* command) {
  for (const CLI::Option* opt : app.get_options()) {
    if (opt->get_group().empty())
      continue;
    if (opt->nonpositional()) {
      OptionModel o;
      for (const std::string& s : opt->get_snames()) o.names.push_back("-" + s);
      for (const std::string& l : opt->get_lnames()) o.names.push_back("--" + l);
      o.description = opt->get_description();
      o.takes_value = opt->get_items_expected_max() > 0;  // a flag expects 0
      o.choices = choices_of(*opt);
      o.owner = o.takes_value && takes_owner(*opt);
      options->push_back(std::move(o));
    } else if (command != nullptr) {
      // "ADDRESS PROGRESS PATH" is one vector of three kinds of word.
      const std::vector<std::string> words = split_words(opt->get_name());
      const std::vector<std::string> choices = choices_of(*opt);
      for (const std::string& w : words) {
        command->positionals.push_back(
            PositionalModel{w, kind_of(command->name, w, !choices.empty()), choices});
      }
      command->last_repeats = opt->get_items_expected_max() > static_cast<int>(words.size());
    }
  }
}

// A command with commands of its own (`add line`, `add activity`) is one
// command to the scripts: its first word chooses among them, then come the
// longest of their positionals, and it takes all their options.
void read_nested(const CLI::App& app, CommandModel* c) {
  PositionalModel which{"COMMAND", ArgKind::choice, {}};
  CommandModel longest;
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
    which.choices.push_back(sub->get_name());
    CommandModel one;
    one.name = c->name;
    std::vector<OptionModel> options;
    read_options(*sub, &options, &one);
    for (OptionModel& o : options) {
      const bool known = std::any_of(c->options.begin(), c->options.end(),
                                     [&](const OptionModel& k) { return k.names == o.names; });
      if (!known)
        c->options.push_back(std::move(o));
    }
    if (one.positionals.size() > longest.positionals.size())
      longest = std::move(one);
  }
  c->positionals.push_back(std::move(which));
  c->positionals.insert(c->positionals.end(), longest.positionals.begin(),
                        longest.positionals.end());
  c->last_repeats = longest.last_repeats;
}

AppModel read_app(const CLI::App& app) {
  AppModel m;
  read_options(app, &m.options, nullptr);
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
    if (sub->get_group().empty())
      continue;
    CommandModel c;
    c.name = sub->get_name();
    c.description = sub->get_description();
    read_options(*sub, &c.options, &c);
    if (sub->get_subcommands([](const CLI::App*) { return true; }).size() > 0)
      read_nested(*sub, &c);
    m.commands.push_back(std::move(c));
  }
  return m;
}

std::string join(const std::vector<std::string>& words, std::string_view sep = " ") {
  std::string out;
  for (size_t i = 0; i < words.size(); ++i) {
    if (i > 0)
      out += sep;
    out += words[i];
  }
  return out;
}

std::vector<std::string> all_names(const std::vector<OptionModel>& options, bool values_only) {
  std::vector<std::string> out;
  for (const OptionModel& o : options) {
    if (values_only && !o.takes_value)
      continue;
    out.insert(out.end(), o.names.begin(), o.names.end());
  }
  return out;
}

// The awk program each shell runs on `plan list --format json` (awk -F'"'):
// every address as 2.3 and PLAN-ID:2.3, each plan's PLAN-ID:, and with
// lines=1 the lines' addresses too. The same text in the three shells'
// single quotes, so it holds no quote and no backslash.
constexpr std::string_view kAddressAwk =
    R"awk(/^    "id": "/ { id = $4 } /^    "plan": "/ { p = $4 }
    /^    "line": [0-9]/ { l = $3; gsub(/[^0-9]/, "", l) }
    /^  }/ {
      if (id != "") {
        print id; print p ":" id; print p ":"
        if (lines != "") { print l; print p ":" l }
      }
      id = ""
    })awk";

// A script's head with the awk program in its place.
std::string with_awk(std::string_view head) {
  std::string out(head);
  const size_t at = out.find("@AWK@");
  if (at != std::string::npos)
    out.replace(at, 5, kAddressAwk);
  return out;
}

// ---------------------------------------------------------------------------
// bash

constexpr std::string_view kBashHead =
    R"script(# bash completion for plan                                 -*- shell-script -*-
# Written by `plan completion bash`. Install it as
# /usr/share/bash-completion/completions/plan, or load it from ~/.bashrc:
#   source <(plan completion bash)

# What the helpers below read: the plan files and directories named on the
# command line, or ./plans when there are none (plan's own default).
_plan_paths() {
  local i w
  for ((i = 2; i < COMP_CWORD; i++)); do
    w=${COMP_WORDS[i]}
    [[ $w == "~/"* ]] && w=$HOME/${w#"~/"}
    if [[ -d $w || (-f $w && ($w == *.yaml || $w == *.yml)) ]]; then
      printf '%s\n' "$w"
    fi
  done
}

# `plan SUBCOMMAND --format json` on those plans: every plan that is usable
# even when another one has errors.
_plan_json() {
  local cmd=${COMP_WORDS[0]} paths
  [[ $cmd == "~/"* ]] && cmd=$HOME/${cmd#"~/"}
  mapfile -t paths < <(_plan_paths)
  "$cmd" "$1" --format json "${paths[@]}" 2>/dev/null
}

# The addresses of the activities (2.3); with "lines", of the lines too (2).
# Each also as PLAN-ID:2.3, and each plan's id as PLAN-ID: to start one.
# Read from `plan list --format json` with awk: no jq needed.
_plan_addresses() {
  _plan_json list | awk -F'"' -v lines="$1" '@AWK@' | sort -u
}

# The owner codes the plans declare (SG, EPC), from `plan export --format
# json`: the keys of "owners", the only objects six spaces in.
_plan_owners() {
  _plan_json export | sed -n 's/^      "\([^"]*\)": {$/\1/p' | sort -u
}

# An address, where bash has split PLAN-ID:2.3 at ':' (COMP_WORDBREAKS):
# after "PLAN-ID :" the addresses of that plan, without it; otherwise the
# plain ones and the PLAN-ID: of each plan, with no space after those.
_plan_reply_address() {
  local all plan= lead=
  all=$(_plan_addresses "$1")
  if [[ $cur == ":" ]]; then
    plan=$prev cur= lead=:
  elif [[ $prev == ":" ]] && ((COMP_CWORD >= 2)); then
    plan=${COMP_WORDS[COMP_CWORD-2]}
  fi
  if [[ -n $plan ]]; then
    local mine
    mine=$(sed -n "s/^${plan//./\\.}:\(..*\)$/\1/p" <<<"$all")
    mapfile -t COMPREPLY < <(compgen -W "$mine" -- "$cur" | sed "s/^/$lead/")
    return
  fi
  mapfile -t COMPREPLY < <(compgen -W "$(grep -v ':.' <<<"$all")" -- "$cur")
  if ((${#COMPREPLY[@]} == 1)) && [[ ${COMPREPLY[0]} == *: ]]; then
    compopt -o nospace 2>/dev/null
  fi
}

_plan_reply() {
  mapfile -t COMPREPLY < <(compgen -W "$1" -- "$cur")
}
)script";

constexpr std::string_view kBashMain = R"script(
_plan() {
  local cur=${COMP_WORDS[COMP_CWORD]} prev=
  ((COMP_CWORD > 0)) && prev=${COMP_WORDS[COMP_CWORD-1]}
  # bash splits --lang=es at '=' (COMP_WORDBREAKS): the value follows '='.
  local after_eq=
  if [[ $cur == "=" ]]; then
    cur= after_eq=1
  elif [[ $prev == "=" ]] && ((COMP_CWORD >= 2)); then
    prev=${COMP_WORDS[COMP_CWORD-2]} after_eq=1
  fi

  local i w cmd= first=
  for ((i = 1; i < COMP_CWORD; i++)); do
    w=${COMP_WORDS[i]}
    if [[ $w != -* ]]; then
      cmd=$w first=$((i + 1))
      break
    fi
  done
)script";

constexpr std::string_view kBashTail = R"script(
  # Which positional argument the cursor is on: skip options and their values.
  # PLAN-ID:2.3 is three words to bash (PLAN-ID, ':', 2.3) and one argument.
  local npos=0 skip= join=
  for ((i = first; i < COMP_CWORD; i++)); do
    w=${COMP_WORDS[i]}
    if [[ $w == "=" ]]; then
      skip=1
    elif [[ -n $skip ]]; then
      skip=
    elif [[ $w == ":" ]]; then
      join=1
    elif [[ -n $join ]]; then
      join=
    elif [[ $w == -?* ]]; then
      [[ $w != *=* && $valopts == *" $w "* ]] && skip=1
    else
      ((npos++))
    fi
  done

  if [[ -n $after_eq || ($prev == -?* && $valopts == *" $prev "*) ]]; then
    _plan_values
    return
  fi
  if [[ $cur == -* ]]; then
    _plan_reply "$opts"
    return
  fi
  [[ $cur == ":" || $prev == ":" ]] && ((npos > 0)) && ((npos--))
  local kind=
  if ((npos < ${#positionals[@]})); then
    kind=${positionals[npos]}
  elif [[ -n $repeat ]] && ((${#positionals[@]} > 0)); then
    kind=${positionals[-1]}
  fi
  case $kind in
    address) _plan_reply_address ;;
    address+line) _plan_reply_address lines ;;
    progress) _plan_reply "done" ;;
    path)
      compopt -o filenames 2>/dev/null
      mapfile -t COMPREPLY < <(compgen -f -- "$cur")
      ;;
    choice:*)
      kind=${kind#choice:}
      _plan_reply "${kind//,/ }"
      ;;
    *) COMPREPLY=() ;;
  esac
}

complete -F _plan plan
)script";

std::string bash_kind(const PositionalModel& p) {
  switch (p.kind) {
  case ArgKind::address:
    return "address";
  case ArgKind::address_or_line:
    return "address+line";
  case ArgKind::progress:
    return "progress";
  case ArgKind::path:
    return "path";
  case ArgKind::choice:
    return "choice:" + join(p.choices, ",");
  case ArgKind::text:
    return "text";
  }
  return "text";
}

// Single-quoted for the shell: ' becomes '\''.
std::string sh_quote(std::string_view s) {
  std::string out = "'";
  for (const char c : s) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out += c;
    }
  }
  return out + "'";
}

std::string bash_script(const AppModel& m) {
  std::string out = with_awk(kBashHead);
  // The values of options, from the subcommand and the option before the cursor.
  out += "\n_plan_values() {\n  case \"$cmd $prev\" in\n";
  for (const CommandModel& c : m.commands) {
    for (const OptionModel& o : c.options) {
      if (o.choices.empty() && !o.owner)
        continue;
      std::vector<std::string> patterns;
      for (const std::string& n : o.names) patterns.push_back(sh_quote(c.name + " " + n));
      const std::string words = o.owner ? "\"$(_plan_owners)\"" : sh_quote(join(o.choices));
      out += fmt::format("    {}) _plan_reply {} ;;\n", join(patterns, " | "), words);
    }
  }
  out += "    *) COMPREPLY=() ;;\n  esac\n}\n";
  out += kBashMain;
  std::vector<std::string> commands;
  for (const CommandModel& c : m.commands) commands.push_back(c.name);
  out += fmt::format(
      "\n  if [[ -z $cmd ]]; then\n"
      "    if [[ $cur == -* ]]; then\n"
      "      _plan_reply {}\n"
      "    else\n"
      "      _plan_reply {}\n"
      "    fi\n"
      "    return\n"
      "  fi\n",
      sh_quote(join(all_names(m.options, false))), sh_quote(join(commands)));

  // Per command: its options, those that take a value, its positionals.
  out += "\n  local opts= valopts=' ' repeat=\n  local -a positionals=()\n  case $cmd in\n";
  for (const CommandModel& c : m.commands) {
    std::vector<std::string> kinds;
    for (const PositionalModel& p : c.positionals) kinds.push_back(bash_kind(p));
    out += fmt::format(
        "    {})\n      opts={}\n      valopts={}\n      positionals=({})\n{}      ;;\n", c.name,
        sh_quote(join(all_names(c.options, false))),
        sh_quote(" " + join(all_names(c.options, true)) + " "), join(kinds),
        c.last_repeats ? "      repeat=1\n" : "");
  }
  out += "  esac\n";
  out += kBashTail;
  return out;
}

// ---------------------------------------------------------------------------
// zsh

constexpr std::string_view kZshHead = R"script(#compdef plan
# zsh completion for plan, written by `plan completion zsh`. Install it as
# _plan in a directory of $fpath (/usr/share/zsh/vendor-completions), or
# load it from ~/.zshrc after compinit:
#   source <(plan completion zsh)

# What the helpers below read: the plan files and directories named on the
# command line, or ./plans when there are none (plan's own default).
_plan_json() {
  local w
  local -a paths
  for w in ${words[2,CURRENT-1]}; do
    w=${~w}
    if [[ -d $w || (-f $w && ($w == *.yaml || $w == *.yml)) ]]; then
      paths+=($w)
    fi
  done
  ${~_plan_cmd:-plan} $1 --format json $paths 2>/dev/null
}

# The addresses of the activities (2.3); with "lines", of the lines too (2).
# With a ':' typed, PLAN-ID:2.3; otherwise the plain ones and each plan's
# PLAN-ID: to start one. Read from `plan list --format json` with awk.
_plan_addresses() {
  local lines=
  local -a all addrs plans
  # _arguments passes compadd options too: look for "lines" among them.
  (( ${argv[(Ie)lines]} )) && lines=1
  all=(${(f)"$(_plan_json list | awk -F'"' -v lines="$lines" '@AWK@')"})
  all=(${(u)all})
  if [[ $PREFIX == *:* ]]; then
    addrs=(${(M)all:#*:?*})
    _wanted addresses expl 'address' compadd -a addrs
  else
    addrs=(${all:#*:*})
    plans=(${(M)all:#*:})
    _wanted addresses expl 'address' compadd -a addrs
    _wanted plans expl 'plan' compadd -S '' -a plans
  fi
}

# The owner codes the plans declare (SG, EPC), from `plan export --format
# json`: the keys of "owners", the only objects six spaces in.
_plan_owners() {
  local -a owners
  owners=(${(f)"$(_plan_json export | sed -n 's/^      "\([^"]*\)": {$/\1/p')"})
  _wanted owners expl 'owner' compadd -a owners
}

_plan() {
  local _plan_cmd=$words[1]
  local curcontext="$curcontext" state line
  typeset -A opt_args
)script";

constexpr std::string_view kZshTail = R"script(
if [[ "$funcstack[1]" == "_plan" ]]; then
  _plan "$@"
else
  compdef _plan plan
fi
)script";

// Text inside an _arguments [description]: escape what zsh reads there.
std::string zsh_description(std::string_view s) {
  std::string out;
  for (const char c : s) {
    if (c == '[' || c == ']' || c == ':' || c == '\\')
      out += '\\';
    out += c;
  }
  return out;
}

std::string zsh_option_specs(const OptionModel& o, std::string_view indent) {
  std::string out;
  const std::string exclusive = o.names.size() > 1 ? "(" + join(o.names) + ")" : std::string();
  for (const std::string& n : o.names) {
    std::string spec = exclusive + n;
    if (o.takes_value) {
      std::string word = o.names.back().substr(o.names.back().find_first_not_of('-'));
      spec += (n.size() > 2 ? "=" : "+") + ("[" + zsh_description(o.description) + "]") + ":" +
              word + ":";
      if (o.owner) {
        spec += "_plan_owners";
      } else {
        spec += o.choices.empty() ? " " : "(" + join(o.choices) + ")";
      }
    } else {
      spec += "[" + zsh_description(o.description) + "]";
    }
    out += fmt::format(" \\\n{}{}", indent, sh_quote(spec));
  }
  return out;
}

std::string zsh_positional_specs(const CommandModel& c, std::string_view indent) {
  std::string out;
  for (size_t i = 0; i < c.positionals.size(); ++i) {
    const PositionalModel& p = c.positionals[i];
    const bool rest = c.last_repeats && i + 1 == c.positionals.size();
    std::string action;
    switch (p.kind) {
    case ArgKind::address:
      action = "_plan_addresses";
      break;
    case ArgKind::address_or_line:
      action = "_plan_addresses lines";
      break;
    case ArgKind::progress:
      action = "(done)";
      break;
    case ArgKind::path:
      action = "_files";
      break;
    case ArgKind::choice:
      action = "(" + join(p.choices) + ")";
      break;
    case ArgKind::text:
      action = " ";
      break;
    }
    std::string word = p.name;
    std::transform(word.begin(), word.end(), word.begin(),
                   [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
    const std::string spec =
        (rest ? std::string("*") : std::to_string(i + 1)) + ":" + word + ":" + action;
    out += fmt::format(" \\\n{}{}", indent, sh_quote(spec));
  }
  return out;
}

std::string zsh_script(const AppModel& m) {
  std::string out = with_awk(kZshHead);
  out += "  _arguments -C";
  for (const OptionModel& o : m.options) out += zsh_option_specs(o, "    ");
  out += " \\\n    '1: :->command' \\\n    '*:: :->args'\n\n  case $state in\n";
  out += "    command)\n      local -a commands\n      commands=(\n";
  for (const CommandModel& c : m.commands) {
    out += fmt::format("        {}\n", sh_quote(c.name + ":" + c.description));
  }
  out += "      )\n      _describe -t commands 'plan command' commands\n      ;;\n";
  out +=
      "    args)\n      curcontext=\"${curcontext%:*:*}:plan-$line[1]:\"\n"
      "      case $line[1] in\n";
  for (const CommandModel& c : m.commands) {
    out += fmt::format("        {})\n          _arguments", c.name);
    for (const OptionModel& o : c.options) out += zsh_option_specs(o, "            ");
    out += zsh_positional_specs(c, "            ");
    out += "\n          ;;\n";
  }
  out += "      esac\n      ;;\n  esac\n}\n";
  out += kZshTail;
  return out;
}

// ---------------------------------------------------------------------------
// fish

constexpr std::string_view kFishHead =
    R"script(# fish completion for plan, written by `plan completion fish`. Install it
# as ~/.config/fish/completions/plan.fish (or in vendor_completions.d), or:
#   plan completion fish | source

# What the helpers below read: the plan files and directories named on the
# command line, or ./plans when there are none (plan's own default).
function __plan_json
    set -l tokens (commandline -opc)
    set -l cmd $tokens[1]
    set -q cmd[1]; or set cmd plan
    set -e tokens[1]
    set -l paths
    for t in $tokens
        if test -d $t; or begin; test -f $t; and string match -qr '\.ya?ml$' -- $t; end
            set -a paths $t
        end
    end
    command $cmd $argv[1] --format json $paths 2>/dev/null
end

# The addresses of the activities (2.3); with "lines", of the lines too (2).
# With a ':' typed, PLAN-ID:2.3; otherwise the plain ones and each plan's
# PLAN-ID: to start one. Read from `plan list --format json` with awk.
function __plan_addresses
    set -l all (__plan_json list | awk -F'"' -v lines="$argv[1]" '@AWK@' | sort -u)
    if string match -q -- '*:*' (commandline -ct)
        string match -- '*:?*' $all
    else
        string match -v -- '*:?*' $all
    end
end

# The owner codes the plans declare (SG, EPC), from `plan export --format
# json`: the keys of "owners", the only objects six spaces in.
function __plan_owners
    __plan_json export | string replace -rf '^      "([^"]*)": \{$' '$1' | sort -u
end

# How many arguments follow the subcommand, not counting options and their
# values: which positional argument the cursor is on.
function __plan_positionals
    set -l tokens (commandline -opc)
    set -e tokens[1]
    set -l cmd
    set -l skip 0
    set -l n 0
    for t in $tokens
        if test $skip = 1
            set skip 0
        else if test -z "$cmd"
            string match -q -- '-*' $t; or set cmd $t
        else if string match -q -- '-?*' $t
            contains -- $t $__plan_value_options; and set skip 1
        else
            set n (math $n + 1)
        end
    end
    echo $n
end

complete -c plan -f
)script";

// Single-quoted for fish: \ and ' are escaped with a backslash.
std::string fish_quote(std::string_view s) {
  std::string out = "'";
  for (const char c : s) {
    if (c == '\\' || c == '\'')
      out += '\\';
    out += c;
  }
  return out + "'";
}

std::string fish_option(std::string_view condition, const OptionModel& o) {
  std::string out = fmt::format("complete -c plan -n {}", fish_quote(condition));
  for (const std::string& n : o.names) {
    out += n.size() > 2 ? " -l " + n.substr(2) : " -s " + n.substr(1);
  }
  if (o.takes_value)
    out += " -x";
  if (o.owner) {
    out += " -a '(__plan_owners)'";
  } else if (!o.choices.empty()) {
    out += " -a " + fish_quote(join(o.choices));
  }
  return out + " -d " + fish_quote(o.description) + "\n";
}

std::string fish_script(const AppModel& m) {
  std::string out = with_awk(kFishHead);
  std::vector<std::string> value_options;
  for (const CommandModel& c : m.commands) {
    for (const std::string& n : all_names(c.options, true)) {
      if (std::find(value_options.begin(), value_options.end(), n) == value_options.end()) {
        value_options.push_back(n);
      }
    }
  }
  out += "set -g __plan_value_options " + join(value_options) + "\n\n";
  for (const OptionModel& o : m.options) out += fish_option("__fish_use_subcommand", o);
  for (const CommandModel& c : m.commands) {
    out += fmt::format("complete -c plan -n __fish_use_subcommand -a {} -d {}\n", c.name,
                       fish_quote(c.description));
  }
  for (const CommandModel& c : m.commands) {
    const std::string in = "__fish_seen_subcommand_from " + c.name;
    out += "\n";
    for (const OptionModel& o : c.options) out += fish_option(in, o);
    for (size_t i = 0; i < c.positionals.size(); ++i) {
      const PositionalModel& p = c.positionals[i];
      const bool rest = c.last_repeats && i + 1 == c.positionals.size();
      const std::string at =
          rest && i == 0
              ? in
              : fmt::format("{}; and test (__plan_positionals) -{} {}", in, rest ? "ge" : "eq", i);
      std::string what;
      switch (p.kind) {
      case ArgKind::address:
        what = "-a '(__plan_addresses)'";
        break;
      case ArgKind::address_or_line:
        what = "-a '(__plan_addresses lines)'";
        break;
      case ArgKind::progress:
        what = "-a done";
        break;
      case ArgKind::path:
        what = "-F";
        break;
      case ArgKind::choice:
        what = "-a " + fish_quote(join(p.choices));
        break;
      case ArgKind::text:
        continue;
      }
      out += fmt::format("complete -c plan -n {} {}\n", fish_quote(at), what);
    }
  }
  return out;
}

enum class Shell { bash, zsh, fish };

const Words<Shell> kShellWords = {
    {"bash", Shell::bash}, {"zsh", Shell::zsh}, {"fish", Shell::fish}};

}  // namespace

void setup_completion(CLI::App& app, int* status) {
  auto shell = std::make_shared<Shell>(Shell::bash);
  CLI::App* sub =
      app.add_subcommand("completion", "Print a shell completion script: bash, zsh or fish");
  add_word_option(sub, "SHELL", shell.get(), "bash, zsh or fish", kShellWords)->required();
  // Read when it runs: by then main has set up every subcommand.
  CLI::App* root = &app;
  sub->callback([root, shell, status] {
    const AppModel m = read_app(*root);
    switch (*shell) {
    case Shell::bash:
      std::cout << bash_script(m);
      break;
    case Shell::zsh:
      std::cout << zsh_script(m);
      break;
    case Shell::fish:
      std::cout << fish_script(m);
      break;
    }
    *status = kExitOk;
  });
}

}  // namespace plan::cli
