// cli/filter.cpp: `plan filter QUERY`, the activities that match a query.
#include <iostream>
#include <memory>

#include "commands.h"
#include "common.h"
#include "plan/query.h"
#include "plan/render/export.h"
#include "plan/render/json.h"
#include "plan/render/table.h"

namespace plan::cli {

struct FilterOptions {
  CommonOptions common;
  std::string query;
  std::string format = "text";
};

namespace {

// The query with a caret under the fault, like a diagnostic's excerpt.
void report_query_error(const std::string& query, const QueryError& e, Language lang,
                        const Terminal& term) {
  std::cerr << "plan: "
            << paint(term, Style::red, std::string(text_of(lang, Msg::word_error)) + ":") << " "
            << tr(lang, e.message, e.args) << " [" << code_of(e.message) << "]\n";
  std::cerr << "    " << query << "\n";
  std::string before;
  size_t i = 0;
  for (int c = 0; c < e.col && i < query.size(); ++c) {
    size_t n = 1;
    while (i + n < query.size() && (static_cast<unsigned char>(query[i + n]) & 0xC0) == 0x80) ++n;
    before += query.substr(i, n);
    i += n;
  }
  std::cerr << "    " << std::string(display_width(before), ' ')
            << paint(term, Style::red, std::string(static_cast<size_t>(e.width), '^')) << "\n";
  if (e.hint) {
    std::cerr << "    = " << text_of(lang, Msg::word_hint) << ": " << tr(lang, *e.hint, e.hint_args)
              << "\n";
  }
}

}  // namespace

int run_filter(const FilterOptions& opts) {
  const Context ctx = make_context(opts.common);
  const ParsedQuery parsed = parse_query(opts.query);
  if (parsed.error) {
    report_query_error(opts.query, *parsed.error, ctx.lang_for(nullptr), ctx.err);
    return kExitUsage;
  }
  const Loaded loaded = load_and_validate(ctx);
  const bool errors = report_errors(loaded, ctx);
  std::vector<PlanState> states;
  for (const Plan* p : loaded.usable()) {
    PlanState st = filter_state(derive_plan(*p, ctx.as_of), *parsed.query);
    if (!st.lines.empty())
      states.push_back(std::move(st));
  }
  if (opts.format == "json") {
    write_list_json(states, std::cout);
  } else if (opts.format == "csv") {
    std::cout << render_csv(states, false);
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
  sub->add_option("--format", opts->format, "Output: text, json or csv")
      ->check(CLI::IsMember({"text", "json", "csv"}));
  add_common_options(sub, &opts->common);
  sub->callback([opts, status] { *status = run_filter(*opts); });
}

}  // namespace plan::cli
