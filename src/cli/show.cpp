// cli/show.cpp: `plan show ADDRESS`, one line or activity in full.
#include <iostream>
#include <memory>

#include "commands.h"
#include "common.h"
#include "plan/address.h"
#include "plan/render/json.h"
#include "plan/render/show.h"
#include "plan/text.h"

namespace plan::cli {

struct ShowOptions {
  CommonOptions common;
  std::string address;
  std::string format = "text";
};

namespace {

// Every address the plans hold, for "did you mean".
std::vector<std::string> all_addresses(const std::vector<const Plan*>& plans) {
  std::vector<std::string> out;
  for (const Plan* p : plans) {
    for (const Line& l : p->lines) {
      out.push_back(std::to_string(l.id.value));
      for (const Activity& a : l.activities) out.push_back(format_address(l, a));
    }
  }
  return out;
}

void complain(const Context& ctx, const Plan* plan, Msg msg, std::vector<std::string> args,
              std::optional<Msg> hint = std::nullopt, std::vector<std::string> hint_args = {}) {
  Diagnostic d;
  d.file = "plan";
  d.message = msg;
  d.args = std::move(args);
  d.hint = hint;
  d.hint_args = std::move(hint_args);
  const Language lang = ctx.lang_for(plan);
  std::cerr << "plan: " << paint(ctx.err, Style::red, std::string(text_of(lang, Msg::word_error)) + ":")
            << " " << d.text(lang) << " [" << d.code() << "]\n";
  if (d.hint) std::cerr << "      = " << text_of(lang, Msg::word_hint) << ": " << d.hint_text(lang) << "\n";
}

}  // namespace

int run_show(const ShowOptions& opts) {
  const Context ctx = make_context(opts.common);
  const Loaded loaded = load_and_validate(ctx);
  const bool errors = report_errors(loaded, ctx);
  const std::vector<const Plan*> plans = loaded.usable();
  const Plan* first = plans.empty() ? nullptr : plans.front();
  const std::optional<Address> address = parse_address(opts.address);
  if (!address) {
    complain(ctx, first, Msg::bad_address, {opts.address});
    return kExitPlan;
  }
  const std::vector<Target> targets = resolve(*address, plans);
  if (targets.empty()) {
    const std::string near = nearest(opts.address, all_addresses(plans));
    if (!near.empty()) {
      complain(ctx, first, Msg::unknown_address, {opts.address}, Msg::hint_did_you_mean, {near});
    } else {
      complain(ctx, first, Msg::unknown_address, {opts.address});
    }
    return kExitPlan;
  }
  if (targets.size() > 1) {
    std::vector<std::string> names;
    for (const Target& t : targets) names.push_back(t.plan->id.value + ":" + opts.address);
    complain(ctx, first, Msg::ambiguous_address, {opts.address, join(names, ", ")});
    return kExitPlan;
  }
  const Target& t = targets.front();
  const PlanState state = derive_plan(*t.plan, ctx.as_of);
  if (opts.format == "json") {
    std::cout << render_show_json(t, state);
  } else {
    std::cout << render_show_text(t, state, ctx.lang_for(t.plan), ctx.out);
  }
  return errors ? kExitPlan : kExitOk;
}

void setup_show(CLI::App& app, int* status) {
  auto opts = std::make_shared<ShowOptions>();
  CLI::App* sub = app.add_subcommand("show", "Show one line (2) or activity (2.3) in full");
  sub->add_option("ADDRESS", opts->address, "LINE, LINE.ACTIVITY or PLAN-ID:LINE.ACTIVITY")
      ->required();
  sub->add_option("--format", opts->format, "Output: text or json")
      ->check(CLI::IsMember({"text", "json"}));
  add_common_options(sub, &opts->common);
  sub->callback([opts, status] { *status = run_show(*opts); });
}

}  // namespace plan::cli
