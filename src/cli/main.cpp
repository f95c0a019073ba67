// cli/main.cpp: the `plan` command: CLI11 wiring only.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <exception>
#include <iostream>

#include "commands.h"
#include "common.h"
#include "plan/i18n.h"
#include "plan/text.h"
#include "plan/version.h"

int main(int argc, char** argv) {
  using namespace plan::cli;
  CLI::App app{
      "plan: keep a public institution's action plan as YAML in git.\n"
      "Validate it, see where it stands, and record progress."};
  app.name("plan");
  std::string version = PLAN_VERSION;
  if (std::string_view(PLAN_GIT_COMMIT).size() > 0)
    version += std::string(" (") + PLAN_GIT_COMMIT + ")";
  app.set_version_flag("--version", "plan " + version);
  app.require_subcommand(1);
  app.fallthrough(false);

  int status = kExitOk;
  setup_validate(app, &status);
  setup_status(app, &status);
  setup_timeline(app, &status);
  setup_mark(app, &status);
  setup_list(app, &status);
  setup_show(app, &status);
  setup_filter(app, &status);
  setup_export(app, &status);
  setup_report(app, &status);
  setup_schema(app, &status);
  setup_completion(app, &status);

  // An unknown command gets a "did you mean", as ninja's tools do.
  if (argc >= 2 && argv[1][0] != '-') {
    std::vector<std::string> names;
    for (const CLI::App* sub : app.get_subcommands({})) names.push_back(sub->get_name());
    if (std::find(names.begin(), names.end(), argv[1]) == names.end()) {
      const plan::Language lang =
          plan::choose_language(std::nullopt, std::nullopt, locale_language());
      const std::string near = plan::nearest(argv[1], names);
      std::cerr << "plan: " << plan::text_of(lang, plan::Msg::word_error) << ": "
                << plan::tr(lang, plan::Msg::unknown_command, std::string(argv[1])) << "\n";
      if (!near.empty()) {
        std::cerr << "      = " << plan::text_of(lang, plan::Msg::word_hint) << ": "
                  << plan::tr(lang, plan::Msg::hint_did_you_mean, near) << "\n";
      }
      std::cerr << "Run with --help for more information.\n";
      return kExitUsage;
    }
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? kExitOk : kExitUsage;
  } catch (const std::exception& e) {
    // Nothing should get here; if it does, say so plainly, no stack trace.
    std::cerr << "plan: error: " << e.what() << "\n";
    return kExitUsage;
  }
  return status;
}
