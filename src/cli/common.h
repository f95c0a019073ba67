// cli/common.h: what every subcommand shares: the common options, loading
// the plans named on the command line, printing diagnostics, exit codes.
#pragma once

#include <CLI/CLI.hpp>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "plan/address.h"
#include "plan/derive.h"
#include "plan/diagnostic.h"
#include "plan/load.h"
#include "plan/term.h"

namespace plan::cli {

// Exit statuses that CI can trust.
constexpr int kExitOk = 0;
constexpr int kExitPlan = 1;   // the plan, or the request, is wrong
constexpr int kExitUsage = 2;  // unknown option, bad option value

struct CommonOptions {
  std::string lang;   // "" = from the plan, then the locale
  std::string as_of;  // "" = today
  std::string color = "auto";
  int width = 0;  // 0 = the terminal's
  std::vector<std::string> paths;
};

// Adds --lang, --as-of, --color, --width (one group) and PATH... to a
// subcommand. with_view adds --color and --width only where output is a view.
void add_common_options(CLI::App* app, CommonOptions* opts, bool with_view = true,
                        bool with_paths = true);

// The resolved common options.
struct Context {
  std::optional<Language> lang_flag;
  Date as_of;
  Terminal out;  // stdout
  Terminal err;  // stderr
  std::vector<std::string> paths;

  Language lang_for(const Plan* plan) const;
};
Context make_context(const CommonOptions& opts);

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

// "plan: error: MESSAGE [code]" and its hint, on stderr.
void print_error(const Context& ctx, Language lang, Msg msg, const std::vector<std::string>& args,
                 std::optional<Msg> hint = std::nullopt,
                 const std::vector<std::string>& hint_args = {});

// The one line or activity an address names among plans, or nullopt after
// saying on stderr why not (not an address, no such address with the
// nearest one, several plans have it).
std::optional<Target> resolve_one(const std::string& text, const std::vector<const Plan*>& plans,
                                  const Context& ctx);

// LC_ALL, LC_MESSAGES or LANG, whichever is set first.
const char* locale_language();

// CLI11 check for a YYYY-MM-DD option value.
std::string check_day(const std::string& value);

}  // namespace plan::cli
