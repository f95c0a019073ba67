// cli/app.cpp: the `plan` command line, every subcommand in it.
#include "app.h"

#include "commands.h"

namespace plan::cli {

std::unique_ptr<CLI::App> build_app(int* status, const std::string& version) {
  auto app = std::make_unique<CLI::App>(
      "plan: keep a public institution's action plan as YAML in git.\n"
      "Validate it, see where it stands, and record progress.");
  app->name("plan");
  app->set_version_flag("--version", "plan " + version);
  app->require_subcommand(1);
  app->fallthrough(false);

  // A new subcommand goes here, and its help's Spanish in help_es.cpp
  // (tests/cli/help_test.cpp names any description without it).
  setup_validate(*app, status);
  setup_status(*app, status);
  setup_timeline(*app, status);
  setup_init(*app, status);
  setup_mark(*app, status);
  setup_review(*app, status);
  setup_add(*app, status);
  setup_list(*app, status);
  setup_show(*app, status);
  setup_filter(*app, status);
  setup_export(*app, status);
  setup_import(*app, status);
  setup_report(*app, status);
  setup_site(*app, status);
  setup_schema(*app, status);
  setup_completion(*app, status);
  return app;
}

}  // namespace plan::cli
