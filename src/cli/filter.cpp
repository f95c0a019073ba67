// cli/filter.cpp: `plan filter QUERY`, the activities that match a query.
#include <iostream>
#include <memory>

#include "commands.h"
#include "common.h"
#include "error.h"
#include "plan/query.h"
#include "plan/render/diagnostics.h"
#include "plan/render/export.h"
#include "plan/render/json.h"
#include "plan/render/table.h"

namespace plan::cli {

struct FilterOptions {
  CommonOptions common;
  std::string query;
  Format format = Format::text;
  CsvFlags csv;
};

namespace {

const std::vector<Format> kFilterFormats = {Format::text, Format::json, Format::csv};

// The query with a caret under the fault, as a diagnostic shows its line.
int report_query_error(const Context& ctx, const std::string& query, const QueryError& e) {
  const ExcerptLines x = excerpt_lines(query, e.col + 1, e.width, Style::red, ctx.err);
  const std::string gutter(4, ' ');
  const ErrorExcerpt excerpt{gutter + x.line + "\n" + gutter + x.caret + "\n", gutter};
  return print_error(ctx, nullptr, {e.message, e.args, e.hint, e.hint_args}, &excerpt);
}

}  // namespace

int run_filter(const FilterOptions& opts) {
  const Context ctx = make_context(opts.common);
  if (const int bad = check_csv_flags(opts.csv, ctx); bad != kExitOk)
    return bad;
  const ParsedQuery parsed = parse_query(opts.query);
  if (parsed.error)
    return report_query_error(ctx, opts.query, *parsed.error);
  const Loaded loaded = load_and_validate(ctx);
  const bool errors = report_errors(loaded, ctx);
  std::vector<PlanState> states;
  for (const Plan* p : loaded.usable()) {
    PlanState st = filter_state(derive_plan(*p, ctx.as_of), *parsed.query);
    if (!st.lines.empty())
      states.push_back(std::move(st));
  }
  if (opts.format == Format::json) {
    write_list_json(states, std::cout);
  } else if (opts.format == Format::csv) {
    const Plan* first = loaded.usable().empty() ? nullptr : loaded.usable().front();
    std::cout << render_csv(states, csv_options(opts.csv, ctx.lang_for(first)));
  } else if (states.empty()) {
    const Plan* first = loaded.usable().empty() ? nullptr : loaded.usable().front();
    std::cerr << tr(ctx.lang_for(first), Msg::query_no_match) << "\n";
  } else {
    print_tables(states, ctx);
  }
  return errors ? kExitPlan : kExitOk;
}

void setup_filter(CLI::App& app, int* status) {
  auto opts = std::make_shared<FilterOptions>();
  CLI::App* sub = app.add_subcommand(
      "filter",
      "Activities matching a query, e.g. \"lead:EPC and active:2021-05\" (docs/filter.md)");
  sub->add_option("QUERY", opts->query, "The query; quote it for the shell")->required();
  add_word_option(sub, "--format", &opts->format, "Output: text, json or csv",
                  format_words(kFilterFormats));
  add_csv_options(sub, &opts->csv);
  add_common_options(sub, &opts->common);
  sub->callback([opts, status] { *status = run_filter(*opts); });
}

}  // namespace plan::cli
