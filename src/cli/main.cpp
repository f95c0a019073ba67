// cli/main.cpp: the `plan` command: CLI11 wiring only.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <exception>
#include <iostream>
#include <memory>

#include "app.h"
#include "common.h"
#include "error.h"
#include "help.h"
#include "plan/git_describe.h"
#include "plan/i18n.h"
#include "plan/text.h"
#include "plan/version.h"

namespace plan::cli {
namespace {

// For errors before any option is read: no --lang, the terminal as it is.
Context bare_context() {
  Context ctx;
  ctx.err = detect_terminal(STDERR_FILENO, std::nullopt, ColorMode::auto_);
  return ctx;
}

// kExitOk if `name` is a subcommand; else says so, with the nearest one.
int check_command(const CLI::App& app, const std::string& name, Language lang) {
  std::vector<std::string> names;
  for (const CLI::App* sub : app.get_subcommands({})) names.push_back(sub->get_name());
  if (std::find(names.begin(), names.end(), name) != names.end())
    return kExitOk;
  const std::string near = nearest(name, names);
  CliError e{Msg::unknown_command, {name}};
  if (!near.empty()) {
    e.hint = Msg::hint_did_you_mean;
    e.hint_args = {near};
  }
  Context ctx = bare_context();
  ctx.lang_flag = lang;
  const int status = print_error(ctx, nullptr, e);
  std::cerr << run_with_help(lang) << "\n";
  return status;
}

}  // namespace
}  // namespace plan::cli

int main(int argc, char** argv) {
  using namespace plan::cli;
  // The release, then where the build came from (empty in a tarball).
  std::string version = PLAN_VERSION;
  if (std::string_view(PLAN_GIT_DESCRIBE).size() > 0)
    version += std::string(" (") + PLAN_GIT_DESCRIBE + ")";
  int status = kExitOk;
  const std::unique_ptr<CLI::App> app = build_app(&status, version);
  // The help and CLI11's errors speak the language of --lang, read before
  // CLI11 parses, else of the locale (help.h).
  const plan::Language lang = help_language(scan_lang_flag(argc, argv));
  translate_help(app.get(), lang);

  // An unknown command gets a "did you mean", as ninja's tools do.
  if (argc >= 2 && argv[1][0] != '-') {
    if (const int bad = check_command(*app, argv[1], lang); bad != kExitOk)
      return bad;
  }

  try {
    app->parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == static_cast<int>(CLI::ExitCodes::Success))
      return app->exit(e);  // --help, --version
    return print_usage_error(*app, e, lang);
  } catch (const std::exception& e) {
    // Nothing should get here; if it does, say so plainly, no stack trace.
    return print_error(bare_context(), nullptr, {plan::Msg::unexpected_failure, {e.what()}});
  }
  return status;
}
