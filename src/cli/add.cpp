// cli/add.cpp: `plan add line` and `plan add activity`, new entries in a
// plan file with `plan mark`'s guarantees.
#include "plan/add.h"

#include <iostream>
#include <memory>

#include "commands.h"
#include "common.h"
#include "error.h"
#include "plan/text.h"
#include "writing.h"

namespace plan::cli {

struct AddOptions {
  CommonOptions common;
  std::string line;  // add activity: the line's address
  std::string title;
  std::string start;
  std::string end;
  std::string product;
  std::string objective;
  std::vector<std::string> lead;
  std::vector<std::string> support;
  std::optional<long long> id;
  bool dry_run = false;
};

namespace {

AddRequest request_of(const AddOptions& opts, const Context& ctx) {
  AddRequest req;
  req.title = opts.title;
  req.start = opts.start;
  req.end = opts.end;
  req.product = opts.product;
  req.objective = opts.objective;
  req.lead = opts.lead;
  req.support = opts.support;
  req.id = opts.id;
  req.as_of = ctx.as_of;
  return req;
}

// Shows the new entry (--dry-run) or writes it and says its address.
int apply_add(const Context& ctx, const std::string& file, const Plan& plan, const AddResult& r,
              bool dry_run) {
  bool written = false;
  const int status = show_or_write(ctx, file, plan, r, dry_run, &written);
  const Language lang = ctx.lang_for(&plan);
  if (written && r.activity == 0)
    std::cout << tr(lang, Msg::add_added_line, added_address(r), file) << "\n";
  if (written && r.activity != 0)
    std::cout << tr(lang, Msg::add_added, added_address(r), file) << "\n";
  // Where the lead came from: under the address, or under the diff.
  if (r.ok && r.lead_from_line != 0 && status == kExitOk) {
    std::ostream& note = written ? std::cout : std::cerr;
    note << "  " << tr(lang, Msg::add_lead_from, join(r.lead, ", "), r.lead_from_line) << "\n";
  }
  return status;
}

// The line the address names in this plan, or nullptr after saying which
// lines there are.
const Line* find_line(const Context& ctx, const Plan& plan, const std::string& text, int* status) {
  const std::optional<Address> address = parse_address(text);
  const std::vector<Target> found = resolve(*address, {&plan});
  if (!found.empty())
    return found.front().line;
  std::vector<std::string> ids;
  for (const Line& l : plan.lines) ids.push_back(std::to_string(l.id.value));
  *status = print_error(ctx, &plan,
                        {Msg::add_unknown_line,
                         {text, plan.file},
                         Msg::hint_add_lines,
                         {ids.empty() ? "-" : join(ids, ", ")}});
  return nullptr;
}

int run_add_activity(const AddOptions& opts) {
  const Context ctx = make_context(opts.common);
  const std::optional<Address> address = parse_address(opts.line);
  if (!address)
    return print_error(ctx, nullptr, {Msg::bad_address, {opts.line}});
  if (address->activity) {
    return print_error(ctx, nullptr,
                       {Msg::add_activity_address, {opts.line, std::to_string(address->line)}});
  }
  std::string file;
  if (const int status = locate_file(ctx, opts.line, &file, /*line_ok=*/true); status != kExitOk)
    return status;
  return edit_locked(
      ctx, file,
      [&](const Plan& plan) {
        int status = kExitOk;
        const Line* line = find_line(ctx, plan, opts.line, &status);
        if (line == nullptr)
          return status;
        const AddResult r = add_activity(plan, *line, request_of(opts, ctx));
        return apply_add(ctx, file, plan, r, opts.dry_run);
      },
      Msg::add_invalid_plan);
}

// The one plan file named: a line has no address to find its file by.
int one_file(const Context& ctx, std::string* file) {
  std::vector<Diagnostic> path_errors;
  const std::vector<std::string> files = find_plan_files(ctx.paths, &path_errors);
  if (files.size() == 1 && path_errors.empty()) {
    *file = files.front();
    return kExitOk;
  }
  if (!path_errors.empty()) {
    report_errors(load_and_validate(ctx), ctx);
    return kExitPlan;
  }
  return print_error(ctx, nullptr,
                     {Msg::add_which_file,
                      {std::to_string(files.size())},
                      Msg::hint_add_which_file,
                      {files.empty() ? "plans/PLAN.yaml" : files.front()}});
}

int run_add_line(const AddOptions& opts) {
  const Context ctx = make_context(opts.common);
  std::string file;
  if (const int status = one_file(ctx, &file); status != kExitOk)
    return status;
  return edit_locked(
      ctx, file,
      [&](const Plan& plan) {
        const AddResult r = add_line(plan, request_of(opts, ctx));
        return apply_add(ctx, file, plan, r, opts.dry_run);
      },
      Msg::add_invalid_plan);
}

// The options both take.
void add_entry_options(CLI::App* sub, AddOptions* opts) {
  sub->add_option("--title", opts->title, "The title")->required();
  sub->add_option("--product", opts->product, "The product or deliverable");
  sub->add_option("--lead", opts->lead, "Owner code(s) of the lead, e.g. SG or SG,EPC")
      ->delimiter(',');
  sub->add_option("--support", opts->support, "Owner code(s) of the support, e.g. GAC,EPC")
      ->delimiter(',');
  sub->add_option("--id", opts->id, "The id (default: one more than the highest in use)");
  sub->add_flag("--dry-run", opts->dry_run, "Print the change as a diff; write nothing");
}

}  // namespace

void setup_add(CLI::App& app, int* status) {
  CLI::App* add = app.add_subcommand(
      "add",
      "Add a line or an activity: plan add activity 2 --title \"...\" --start 2021-03 "
      "--end 2021-05");
  add->require_subcommand(1);

  auto line_opts = std::make_shared<AddOptions>();
  CLI::App* line = add->add_subcommand("line", "Add a line after the plan's last one");
  add_entry_options(line, line_opts.get());
  line->add_option("--objective", line_opts->objective, "The line's strategic objective");
  add_common_options(line, &line_opts->common, /*with_view=*/true);
  line->callback([line_opts, status] { *status = run_add_line(*line_opts); });

  auto act_opts = std::make_shared<AddOptions>();
  CLI::App* act = add->add_subcommand("activity", "Add an activity at the end of a line");
  act->add_option("LINE", act_opts->line, "The line: 2, or PLAN-ID:2")->required();
  add_entry_options(act, act_opts.get());
  act->add_option("--start", act_opts->start, "Start date, YYYY-MM or YYYY-MM-DD")->required();
  act->add_option("--end", act_opts->end, "End date, YYYY-MM or YYYY-MM-DD")->required();
  add_common_options(act, &act_opts->common, /*with_view=*/true);
  act->callback([act_opts, status] { *status = run_add_activity(*act_opts); });
}

}  // namespace plan::cli
