// cli/usage_error.cpp: CLI11's parse errors said as plan says its own
// errors ("plan: error: ... [code]" and a hint), in the help's language.
//
// CLI11 2.1 gives an error's kind (its class) and an English sentence
// whose parts are fixed (CLI/Error.hpp); the option, the value and the
// counts are read back from that sentence. A sentence of a shape not known
// here is still reported, in CLI11's English, under the code bad-option.
#include <unistd.h>

#include <regex>

#include "error.h"
#include "help.h"
#include "plan/text.h"

namespace plan::cli {
namespace {

struct Match {
  bool ok = false;
  std::vector<std::string> parts;
};

Match match(const std::string& text, const char* pattern) {
  std::smatch m;
  Match out;
  if (!std::regex_match(text, m, std::regex(pattern)))
    return out;
  out.ok = true;
  for (size_t i = 1; i < m.size(); ++i) out.parts.push_back(m[i].str());
  return out;
}

// "plan mark": the subcommand being parsed when CLI11 stopped.
std::string command_of(const CLI::App& app) {
  std::string name = "plan";
  const CLI::App* at = &app;
  while (true) {
    const std::vector<CLI::App*> subs = at->get_subcommands();
    if (subs.empty())
      break;
    at = subs.back();
    name += " " + at->get_name();
  }
  return name;
}

const CLI::App* deepest(const CLI::App& app) {
  const CLI::App* at = &app;
  while (!at->get_subcommands().empty()) at = at->get_subcommands().back();
  return at;
}

// The long options of the subcommand being parsed, for "did you mean".
std::vector<std::string> long_options(const CLI::App& app) {
  std::vector<std::string> out;
  for (const CLI::Option* opt : deepest(app)->get_options()) {
    for (const std::string& l : opt->get_lnames()) out.push_back("--" + l);
  }
  return out;
}

void hint_nearest(CliError* e, const std::string& word, const std::vector<std::string>& names) {
  const std::string near = nearest(word, names);
  if (!near.empty()) {
    e->hint = Msg::hint_did_you_mean;
    e->hint_args = {near};
  }
}

std::vector<std::string> split_commas(const std::string& s) {
  std::vector<std::string> out;
  size_t start = 0;
  for (size_t comma = s.find(','); comma != std::string::npos; comma = s.find(',', start)) {
    out.push_back(s.substr(start, comma - start));
    start = comma + 1;
  }
  out.push_back(s.substr(start));
  return out;
}

// "--lang: fr not in {es,en}" and the like: a validator's sentence.
CliError validation_error(const std::string& what) {
  const Match m = match(what, "([^:]+): (.*)");
  if (!m.ok)
    return {Msg::usage_other, {what}};
  const std::string& name = m.parts[0];
  const std::string& detail = m.parts[1];
  if (Match d = match(detail, "'(.*)' is not a date YYYY-MM-DD"); d.ok) {
    // Written as a date but not a day of the calendar (2021-02-30).
    if (match(d.parts[0], "[0-9]{4}-[0-9]{2}-[0-9]{2}").ok)
      return {Msg::usage_impossible_date, {name, d.parts[0]}};
    return {Msg::usage_bad_date, {name, d.parts[0]}, Msg::hint_usage_date, {}};
  }
  if (Match d = match(detail, "'(.*)' is not YYYY-MM or YYYY-MM-DD"); d.ok)
    return {Msg::usage_bad_month, {name, d.parts[0]}, Msg::hint_usage_month, {}};
  if (Match d = match(detail, "(.*) not in \\{(.*)\\}"); d.ok) {
    std::string words = d.parts[1];
    for (size_t at = words.find(','); at != std::string::npos; at = words.find(',', at + 2))
      words.replace(at, 1, ", ");
    CliError e{Msg::usage_not_in_set, {name, d.parts[0], words}};
    hint_nearest(&e, d.parts[0], split_commas(d.parts[1]));
    return e;
  }
  if (Match d = match(detail, "Value (.*) not in range (.*) to (.*)"); d.ok) {
    // CLI11's Range says so of a word too ("Value abc not in range").
    if (!match(d.parts[0], "-?[0-9.]+").ok)
      return {Msg::usage_not_a_number, {name, d.parts[0]}};
    return {Msg::usage_out_of_range, {name, d.parts[0], d.parts[1], d.parts[2]}};
  }
  if (Match d = match(detail, "Value (.*) could not be converted"); d.ok)
    return {Msg::usage_not_a_number, {name, d.parts[0]}};
  return {Msg::usage_other, {what}};
}

CliError count_error(const std::string& what) {
  if (Match m = match(what, "(.*): [0-9]+ required .* missing"); m.ok)
    return {Msg::usage_missing_value, {m.parts[0]}};
  if (Match m = match(what, "Expected exactly ([0-9]+) arguments to (.*), got ([0-9]+)"); m.ok)
    return {Msg::usage_count_exactly, {m.parts[1], m.parts[0], m.parts[2]}};
  if (Match m = match(what, "Expected at least ([0-9]+) arguments to (.*), got ([0-9]+)"); m.ok)
    return {Msg::usage_count_at_least, {m.parts[1], m.parts[0], m.parts[2]}};
  if (Match m = match(what, "(.*): At least ([0-9]+) required but received ([0-9]+)"); m.ok)
    return {Msg::usage_count_at_least, m.parts};
  if (Match m = match(what, "(.*): At Most ([0-9]+) required but received ([0-9]+)"); m.ok)
    return {Msg::usage_count_at_most, m.parts};
  if (Match m = match(what, "(.*) was given a disallowed flag override"); m.ok)
    return {Msg::usage_flag_value, {m.parts[0]}};
  return {Msg::usage_other, {what}};
}

CliError extras_error(const CLI::App& app, const std::string& what) {
  const Match m = match(what, "The following arguments? (?:was|were) not expected: (.*)");
  if (!m.ok)
    return {Msg::usage_other, {what}};
  const std::string& args = m.parts[0];
  if (args.find(' ') != std::string::npos)
    return {Msg::usage_extra_arguments, {args}};
  if (args.size() > 1 && args[0] == '-') {
    const std::string name = args.substr(0, args.find('='));
    CliError e{Msg::usage_unknown_option, {name}};
    hint_nearest(&e, name, long_options(app));
    return e;
  }
  return {Msg::usage_extra_argument, {args}};
}

CliError required_error(const std::string& what) {
  if (what == "A subcommand is required" || match(what, "Requires at least .* subcommands").ok)
    return {Msg::usage_missing_command};
  if (Match m = match(what, "(.*) is required"); m.ok)
    return {Msg::usage_missing_required, {m.parts[0]}};
  return {Msg::usage_other, {what}};
}

// By the error's class: get_name() is not always the class's name (an
// ExtrasError in a subcommand carries the subcommand's name).
template <typename E>
bool is(const CLI::ParseError& e) {
  return dynamic_cast<const E*>(&e) != nullptr;
}

CliError conversion_error(const std::string& what) {
  if (Match m = match(what, "The value (.*) is not an allowed value for (.*)"); m.ok)
    return {Msg::usage_not_a_number, {m.parts[1], m.parts[0]}};
  if (Match m = match(what, "Could not convert: (.*) = (.*)"); m.ok)
    return {Msg::usage_not_a_number, m.parts};
  return count_error(what);
}

CliError to_cli_error(const CLI::App& app, const CLI::ParseError& e) {
  const std::string what = e.what();
  if (is<CLI::ExtrasError>(e))
    return extras_error(app, what);
  if (is<CLI::RequiredError>(e))
    return required_error(what);
  if (is<CLI::ValidationError>(e))
    return validation_error(what);
  if (is<CLI::ArgumentMismatch>(e))
    return count_error(what);
  if (is<CLI::ConversionError>(e))
    return conversion_error(what);
  if (Match m = match(what, "(.*) excludes (.*)"); is<CLI::ExcludesError>(e) && m.ok)
    return {Msg::usage_excludes, m.parts, Msg::hint_usage_excludes, {}};
  if (Match m = match(what, "(.*) requires (.*)"); is<CLI::RequiresError>(e) && m.ok)
    return {Msg::usage_needs, m.parts, Msg::hint_usage_needs, {m.parts[1]}};
  return {Msg::usage_other, {what}};
}

}  // namespace

int print_usage_error(const CLI::App& app, const CLI::ParseError& e, Language lang) {
  CliError err = to_cli_error(app, e);
  if (!err.hint) {
    err.hint = Msg::hint_usage_help;
    err.hint_args = {command_of(app)};
  }
  Context ctx;
  ctx.lang_flag = lang;
  ctx.err = detect_terminal(STDERR_FILENO, std::nullopt, ColorMode::auto_);
  return print_error(ctx, nullptr, err);
}

}  // namespace plan::cli
