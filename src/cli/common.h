// cli/common.h: what every subcommand shares: the common options, loading
// the plans named on the command line, printing diagnostics, exit codes.
#pragma once

#include <CLI/CLI.hpp>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "plan/address.h"
#include "plan/derive.h"
#include "plan/diagnostic.h"
#include "plan/load.h"
#include "plan/render/export.h"
#include "plan/term.h"

namespace plan::cli {

// Exit statuses that CI can trust.
constexpr int kExitOk = 0;
constexpr int kExitPlan = 1;   // the plan, or the request, is wrong
constexpr int kExitUsage = 2;  // unknown option, bad option value

struct CommonOptions {
  std::optional<Language> lang;  // none: from the plan, then the locale
  std::string as_of;             // "" = today
  ColorMode color = ColorMode::auto_;
  int width = 0;  // 0 = the terminal's
  std::vector<std::string> paths;
};

// The words an option takes, in the order its help lists them, and the
// values they stand for.
template <typename E>
using Words = std::vector<std::pair<std::string, E>>;

// An option whose value is one of `words`, stored as the enum it names.
// IsMember checks the word, so that the help ("TEXT:{text,json}", which
// the completion script reads) and the message ("yaml not in {text,json}")
// stay CLI11's usual ones; CheckedTransformer, silent in the help, turns it
// into the enum. (transform() puts a validator first: the check is added
// last so that it runs first.)
template <typename E>
CLI::Option* check_words(CLI::Option* opt, const Words<E>& words) {
  std::vector<std::string> names;
  for (const auto& w : words) names.push_back(w.first);
  return opt->transform(CLI::CheckedTransformer(words).description(""))
      ->transform(CLI::IsMember(names))
      ->type_name("TEXT");
}

template <typename E>
CLI::Option* add_word_option(CLI::App* app, const std::string& name, E* value,
                             const std::string& help, const Words<E>& words) {
  return check_words(app->add_option(name, *value, help), words);
}

// The output formats of every subcommand; each takes some of them.
enum class Format { text, json, csv, github, markdown, mermaid, ics, html, xlsx };

// --format's words for the formats a subcommand takes, in that order.
Words<Format> format_words(const std::vector<Format>& formats);

// The CSV options of every subcommand that writes CSV (export, filter):
// --raw-csv (text cells as the plan has them, for programs; without it they
// are protected from spreadsheets, render/export.h's CsvCells), --codes
// (the stable machine form, CsvForm::codes), --sep and --bom / --no-bom
// (without them, the form's and language's defaults, csv_defaults).
struct CsvFlags {
  bool raw = false;
  bool codes = false;
  std::string sep;  // as given; "" = the default
  bool bom = false;
  bool no_bom = false;
};
void add_csv_options(CLI::App* app, CsvFlags* flags);

// ';', ',' or a tab for --sep's ";", "," or "tab" (or a tab itself).
std::optional<char> parse_csv_sep(std::string_view value);

// Adds --lang, --as-of, --color, --width (one group) and PATH... to a
// subcommand. with_view adds --color and --width only where output is a view.
void add_common_options(CLI::App* app, CommonOptions* opts, bool with_view = true,
                        bool with_paths = true);

// The resolved common options.
struct Context {
  std::optional<Language> lang_flag;
  Date as_of;
  Date today;    // the clock's, read once
  Terminal out;  // stdout
  Terminal err;  // stderr
  std::vector<std::string> paths;

  Language lang_for(const Plan* plan) const;
};
Context make_context(const CommonOptions& opts);

// kExitOk, or kExitUsage after saying on stderr, in the language of the
// flag or the locale (no plan is read yet), that --sep is none of its
// words. Checked before the plans are read, as a query is.
int check_csv_flags(const CsvFlags& flags, const Context& ctx);

// The render options the (checked) flags ask for, for output in `lang`.
CsvOptions csv_options(const CsvFlags& flags, Language lang);

// Every plan the paths name, loaded and validated, and what was wrong.
struct Loaded {
  std::vector<std::unique_ptr<LoadResult>> results;
  std::vector<Diagnostic> diagnostics;  // load and validation, sorted

  // Plans that loaded and validated without errors.
  std::vector<const Plan*> usable() const;
  const Plan* plan_of(const std::string& file) const;
};
Loaded load_and_validate(const Context& ctx);

// Prints the errors of plans that cannot be used to stderr; true if any.
bool report_errors(const Loaded& loaded, const Context& ctx);

std::string render_diagnostic(const Diagnostic& d, const Loaded& loaded, const Context& ctx,
                              const Terminal& term);

// The usable plans, derived at the as-of date.
std::vector<PlanState> derive_usable(const Loaded& loaded, const Context& ctx);

// `plan list`'s tables, one per plan (with a heading when several).
void print_tables(const std::vector<PlanState>& states, const Context& ctx);

// The one line or activity an address names among plans, or nullopt after
// saying on stderr why not (not an address, no such address with the
// nearest one, several plans have it), with *status the exit status.
std::optional<Target> resolve_one(const std::string& text, const std::vector<const Plan*>& plans,
                                  const Context& ctx, int* status);

// LC_ALL, LC_MESSAGES or LANG, whichever is set first.
const char* locale_language();

// CLI11 check for a YYYY-MM-DD option value.
std::string check_day(const std::string& value);

}  // namespace plan::cli
