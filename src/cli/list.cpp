// cli/list.cpp: `plan list`, one row per activity.
#include <iostream>
#include <memory>

#include "commands.h"
#include "common.h"
#include "plan/render/json.h"
#include "plan/render/table.h"

namespace plan::cli {

struct ListOptions {
  CommonOptions common;
  Format format = Format::text;
};

int run_list(const ListOptions& opts) {
  const Context ctx = make_context(opts.common);
  const Loaded loaded = load_and_validate(ctx);
  const bool errors = report_errors(loaded, ctx);
  const std::vector<PlanState> states = derive_usable(loaded, ctx);
  if (opts.format == Format::json) {
    write_list_json(states, std::cout);
  } else {
    print_tables(states, ctx);
  }
  return errors ? kExitPlan : kExitOk;
}

void setup_list(CLI::App& app, int* status) {
  auto opts = std::make_shared<ListOptions>();
  CLI::App* sub = app.add_subcommand("list", "List every activity with its dates and status");
  add_word_option(sub, "--format", &opts->format, "Output: text or json",
                  format_words({Format::text, Format::json}));
  add_common_options(sub, &opts->common);
  sub->callback([opts, status] { *status = run_list(*opts); });
}

}  // namespace plan::cli
