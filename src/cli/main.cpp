// cli/main.cpp: the `plan` command: CLI11 wiring only.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <exception>
#include <iostream>

#include "commands.h"
#include "common.h"
#include "error.h"
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
int check_command(const CLI::App& app, const std::string& name) {
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
  const int status = print_error(bare_context(), nullptr, e);
  std::cerr << "Run with --help for more information.\n";
  return status;
}

}  // namespace
}  // namespace plan::cli

int main(int argc, char** argv) {
  using namespace plan::cli;
  CLI::App app{
      "plan: keep a public institution's action plan as YAML in git.\n"
      "Validate it, see where it stands, and record progress."};
  app.name("plan");
  // The release, then where the build came from (empty in a tarball).
  std::string version = PLAN_VERSION;
  if (std::string_view(PLAN_GIT_DESCRIBE).size() > 0)
    version += std::string(" (") + PLAN_GIT_DESCRIBE + ")";
  app.set_version_flag("--version", "plan " + version);
  app.require_subcommand(1);
  app.fallthrough(false);

  int status = kExitOk;
  setup_validate(app, &status);
  setup_status(app, &status);
  setup_timeline(app, &status);
  setup_init(app, &status);
  setup_mark(app, &status);
  setup_review(app, &status);
  setup_add(app, &status);
  setup_list(app, &status);
  setup_show(app, &status);
  setup_filter(app, &status);
  setup_export(app, &status);
  setup_import(app, &status);
  setup_report(app, &status);
  setup_site(app, &status);
  setup_schema(app, &status);
  setup_completion(app, &status);

  // An unknown command gets a "did you mean", as ninja's tools do.
  if (argc >= 2 && argv[1][0] != '-') {
    if (const int bad = check_command(app, argv[1]); bad != kExitOk)
      return bad;
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? kExitOk : kExitUsage;
  } catch (const std::exception& e) {
    // Nothing should get here; if it does, say so plainly, no stack trace.
    return print_error(bare_context(), nullptr, {plan::Msg::unexpected_failure, {e.what()}});
  }
  return status;
}
