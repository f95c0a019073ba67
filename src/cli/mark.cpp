// cli/mark.cpp: `plan mark`, recording progress in the plan file.
#include <sys/stat.h>

#include <dtl/dtl.hpp>
#include <iostream>
#include <memory>
#include <sstream>

#include "commands.h"
#include "common.h"
#include "plan/address.h"
#include "plan/edit.h"
#include "plan/file_io.h"
#include "plan/render/diagnostics.h"
#include "plan/render/style.h"
#include "plan/text.h"

namespace plan::cli {

struct MarkOptions {
  CommonOptions common;
  std::string address;
  std::vector<std::string> rest;  // [PROGRESS] [PATH...]
  std::string note;
  std::string by;
  std::string evidence;
  std::string date;
  std::string status;
  bool dry_run = false;
};

namespace {

bool exists(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0;
}

bool all_digits(std::string_view s) {
  return !s.empty() && s.size() <= 4 && s.find_first_not_of("0123456789") == std::string_view::npos;
}

// PROGRESS: 0..100, +N, -N, or done.
bool parse_progress(std::string_view s, MarkRequest* req) {
  if (s.empty())
    return false;
  if (s == "done") {
    req->progress = 100;
  } else if ((s[0] == '+' || s[0] == '-') && all_digits(s.substr(1))) {
    const int n = std::stoi(std::string(s.substr(1)));
    req->delta = s[0] == '-' ? -n : n;
  } else if (all_digits(s)) {
    req->progress = std::stoi(std::string(s));
  } else {
    return false;
  }
  return true;
}

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) lines.push_back(line);
  return lines;
}

// A unified diff of the change, as `git diff` would show it.
std::string unified_diff(const std::string& file, const std::string& before,
                         const std::string& after) {
  dtl::Diff<std::string> diff(split_lines(before), split_lines(after));
  diff.compose();
  diff.composeUnifiedHunks();
  std::ostringstream out;
  // git's a/ and b/ prefixes, without doubling the slash of an absolute path.
  const std::string name = !file.empty() && file[0] == '/' ? file.substr(1) : file;
  out << "--- a/" << name << "\n+++ b/" << name << "\n";
  diff.printUnifiedFormat(out);
  std::string text = out.str();
  if (!text.empty() && text.back() != '\n')
    text += '\n';
  return text;
}

}  // namespace

int run_mark(const MarkOptions& opts) {
  CommonOptions common = opts.common;
  const std::string& address_text = opts.address;
  MarkRequest req;
  for (size_t i = 0; i < opts.rest.size(); ++i) {
    const std::string& a = opts.rest[i];
    if (i == 0 && !exists(a)) {
      if (!parse_progress(a, &req)) {
        const Context ctx = make_context(common);
        print_error(ctx, ctx.lang_for(nullptr), Msg::mark_bad_progress, {a});
        return kExitPlan;
      }
      continue;
    }
    common.paths.push_back(a);
  }
  const Context ctx = make_context(common);
  req.as_of = ctx.as_of;
  req.date = opts.date.empty() ? ctx.as_of : *parse_day(opts.date);
  req.note = opts.note;
  req.by = opts.by;
  req.evidence = opts.evidence;
  if (opts.status == "blocked")
    req.status = StatusChange::blocked;
  if (opts.status == "cancelled")
    req.status = StatusChange::cancelled;
  if (opts.status == "none")
    req.status = StatusChange::clear;

  // Find the plan file that holds the address: with one file named, it is
  // that one, read once below under the lock.
  std::vector<Diagnostic> path_errors;
  const std::vector<std::string> files = find_plan_files(ctx.paths, &path_errors);
  std::string file;
  if (files.size() == 1 && path_errors.empty()) {
    file = files.front();
  } else {
    const Loaded all = load_and_validate(ctx);
    std::vector<const Plan*> plans;
    for (const auto& r : all.results) {
      if (r->complete)
        plans.push_back(&r->plan);
    }
    const Language lang0 = ctx.lang_for(plans.empty() ? nullptr : plans.front());
    const std::optional<Address> address = parse_address(address_text);
    if (address && !address->activity) {
      print_error(ctx, lang0, Msg::mark_line_address, {address_text});
      return kExitPlan;
    }
    const std::optional<Target> found = resolve_one(address_text, plans, ctx);
    if (!found) {
      report_errors(all, ctx);
      return kExitPlan;
    }
    file = found->plan->file;
  }

  // Under the lock, read the file afresh: another mark may have just
  // written it.
  FileLock lock(file);
  if (!lock.error().empty()) {
    print_error(ctx, ctx.lang_for(nullptr), Msg::mark_write_failed, {file, lock.error()});
    return kExitPlan;
  }
  Context one = ctx;
  one.paths = {file};
  const Loaded fresh = load_and_validate(one);
  const Plan& plan = fresh.results.front()->plan;
  const Language lang = ctx.lang_for(&plan);
  if (fresh.usable().empty()) {
    report_errors(fresh, ctx);
    print_error(ctx, lang, Msg::mark_invalid_plan, {file});
    return kExitPlan;
  }
  const std::optional<Address> address = parse_address(address_text);
  if (address && !address->activity) {
    print_error(ctx, lang, Msg::mark_line_address, {address_text});
    return kExitPlan;
  }
  const std::optional<Target> target = resolve_one(address_text, {&plan}, ctx);
  if (!target)
    return kExitPlan;
  const MarkResult r = mark_activity(plan, *target->line, *target->activity, req);
  if (!r.ok) {
    // Their positions are in the changed text, so the excerpts come from it.
    for (const Diagnostic& d : r.diagnostics) {
      std::cerr << render_diagnostic_text(d, &r.text, lang, ctx.err);
    }
    print_error(ctx, lang, r.error.value_or(Msg::mark_internal), r.error_args, r.hint, r.hint_args);
    return kExitPlan;
  }
  if (opts.dry_run) {
    std::cout << unified_diff(file, plan.source, r.text);
    std::cerr << tr(lang, Msg::mark_dry_run) << "\n";
    return kExitOk;
  }
  const WriteResult w = write_atomically(file, r.text);
  if (w.error == WriteError::read_only) {
    print_error(ctx, lang, Msg::mark_read_only, {file});
    return kExitPlan;
  }
  if (w.error == WriteError::failed) {
    print_error(ctx, lang, Msg::mark_write_failed, {file, w.detail});
    return kExitPlan;
  }

  // Say what changed, with the state it leaves.
  std::cout << tr(lang, Msg::mark_changed, plan.id.value, address_text, r.old_progress,
                  r.new_progress)
            << "\n";
  std::string state(text_of(lang, status_word(r.new_status)));
  if (r.new_signal != Signal::none)
    state += " · " + signal_text(ctx.out, r.new_signal, lang, false);
  std::cout << "  " << tr(lang, Msg::mark_state, state) << "\n";
  if (r.appended_update && req.progress.value_or(r.new_progress) != r.new_progress) {
    std::cout << "  " << tr(lang, Msg::mark_backfilled, fmt::format("{}", req.date), r.new_progress)
              << "\n";
  }
  return kExitOk;
}

void setup_mark(CLI::App& app, int* status) {
  auto opts = std::make_shared<MarkOptions>();
  CLI::App* sub = app.add_subcommand(
      "mark", "Record progress: plan mark 2.3 40 --note \"...\" (also +10, done)");
  sub->add_option("ADDRESS", opts->address, "The activity: 2.3, or PLAN-ID:2.3")->required();
  sub->add_option("PROGRESS", opts->rest,
                  "PROGRESS: 0..100, +N, -N or done (optional with --status, --note, --by or "
                  "--evidence); then plan files or directories (default: plans)");
  sub->add_option("--note", opts->note, "What was done");
  sub->add_option("--by", opts->by, "Owner code of who reports it");
  sub->add_option("--evidence", opts->evidence, "A link or path to the evidence");
  sub->add_option("--date", opts->date, "Date of the update, YYYY-MM-DD (default: the as-of date)")
      ->check(check_day);
  sub->add_option("--status", opts->status, "Set the status: blocked, cancelled, or none to clear")
      ->check(CLI::IsMember({"blocked", "cancelled", "none"}));
  sub->add_flag("--dry-run", opts->dry_run, "Print the change as a diff; write nothing");
  add_common_options(sub, &opts->common, /*with_view=*/true, /*with_paths=*/false);
  sub->callback([opts, status] { *status = run_mark(*opts); });
}

}  // namespace plan::cli
