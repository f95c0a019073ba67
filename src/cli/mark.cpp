// cli/mark.cpp: `plan mark`, recording progress in the plan file.
#include <dtl/dtl.hpp>
#include <iostream>
#include <memory>
#include <sstream>

#include "commands.h"
#include "common.h"
#include "error.h"
#include "plan/address.h"
#include "plan/edit.h"
#include "plan/file_io.h"
#include "plan/render/diagnostics.h"
#include "plan/render/style.h"
#include "plan/text.h"
#include "writing.h"

namespace plan::cli {

struct MarkOptions {
  CommonOptions common;
  std::string address;
  std::vector<std::string> rest;  // [PROGRESS] [PATH...]
  std::string note;
  std::string by;
  std::string evidence;
  std::string date;
  StatusChange status = StatusChange::keep;
  std::optional<double> value;
  bool dry_run = false;
  bool force = false;
};

namespace {

const Words<StatusChange> kStatusWords = {{"blocked", StatusChange::blocked},
                                          {"cancelled", StatusChange::cancelled},
                                          {"active", StatusChange::clear},
                                          {"none", StatusChange::clear}};

bool all_digits(std::string_view s) {
  return !s.empty() && s.find_first_not_of("0123456789") == std::string_view::npos;
}

// The words after the address are told apart by their shape alone, never
// by whether a file of that name exists: a file named `40` or `done` in the
// current directory must not change what a command means.

// A progress: done, N, +N or -N (in range or not: a bad value is said so).
bool looks_like_progress(std::string_view s) {
  if (s == "done")
    return true;
  if (!s.empty() && (s[0] == '+' || s[0] == '-'))
    s.remove_prefix(1);
  return all_digits(s);
}

bool ends_with(std::string_view s, std::string_view end) {
  return s.size() >= end.size() && s.substr(s.size() - end.size()) == end;
}

// A path: it has a slash or a plan file's extension, or is . or ..
bool looks_like_path(std::string_view s) {
  return s.find('/') != std::string_view::npos || ends_with(s, ".yaml") || ends_with(s, ".yml") ||
         s == "." || s == "..";
}

// PROGRESS: 0..100, +N, -N, or done.
bool parse_progress(std::string_view s, MarkRequest* req) {
  const bool signed_ = !s.empty() && (s[0] == '+' || s[0] == '-');
  const std::string_view digits = signed_ ? s.substr(1) : s;
  if (s == "done") {
    req->progress = 100;
  } else if (all_digits(digits) && digits.size() <= 4) {
    const int n = std::stoi(std::string(digits));
    if (signed_) {
      req->delta = s[0] == '-' ? -n : n;
    } else {
      req->progress = n;
    }
  } else {
    return false;
  }
  return true;
}

// [PROGRESS] [PATH...]: the first word is the progress unless it looks like
// a path; any later word is a path, unless it looks like a progress, which
// is too likely a misplaced one to be taken for a file name.
std::optional<CliError> read_positionals(const MarkOptions& opts, MarkRequest* req,
                                         std::vector<std::string>* paths) {
  for (size_t i = 0; i < opts.rest.size(); ++i) {
    const std::string& a = opts.rest[i];
    if (i == 0 && !looks_like_path(a)) {
      if (parse_progress(a, req))
        continue;
      if (looks_like_progress(a))
        return CliError{Msg::mark_bad_progress, {a}};
      return CliError{Msg::mark_bad_progress, {a}, Msg::hint_plan_path, {a}};
    }
    if (looks_like_progress(a))
      return CliError{
          Msg::mark_ambiguous_argument, {a}, Msg::hint_progress_first, {a, opts.address}};
    paths->push_back(a);
  }
  return std::nullopt;
}

void fill_request(const MarkOptions& opts, const Context& ctx, MarkRequest* req) {
  req->as_of = ctx.as_of;
  req->date = opts.date.empty() ? ctx.as_of : *parse_day(opts.date);
  req->note = opts.note;
  req->by = opts.by;
  req->evidence = opts.evidence;
  req->status = opts.status;
  req->value = opts.value;
  req->today = ctx.today;
  req->force = opts.force;
}

}  // namespace

// A line's address (2) is refused: only an activity has progress.
std::optional<CliError> check_not_line(const std::string& text) {
  const std::optional<Address> address = parse_address(text);
  if (address && !address->activity)
    return CliError{Msg::mark_line_address, {text}};
  return std::nullopt;
}

// The plan file that holds the address, in *file: with one file named it is
// that one, read once later under the lock; else the one plan that has it.
int locate_file(const Context& ctx, const std::string& address_text, std::string* file,
                bool line_ok) {
  std::vector<Diagnostic> path_errors;
  const std::vector<std::string> files = find_plan_files(ctx.paths, &path_errors);
  if (files.size() == 1 && path_errors.empty()) {
    *file = files.front();
    return kExitOk;
  }
  const Loaded all = load_and_validate(ctx);
  std::vector<const Plan*> plans;
  for (const auto& r : all.results) {
    if (r->complete)
      plans.push_back(&r->plan);
  }
  if (const std::optional<CliError> e = check_not_line(address_text); e && !line_ok)
    return print_error(ctx, plans.empty() ? nullptr : plans.front(), *e);
  int status = kExitOk;
  const std::optional<Target> found = resolve_one(address_text, plans, ctx, &status);
  if (!found) {
    report_errors(all, ctx);
    return status;
  }
  *file = found->plan->file;
  return kExitOk;
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

int edit_locked(const Context& ctx, const std::string& file,
                const std::function<int(const Plan&)>& edit, Msg invalid) {
  FileLock lock(file);
  if (!lock.error().empty())
    return print_error(ctx, nullptr, {Msg::mark_write_failed, {file, lock.error()}});
  Context one = ctx;
  one.paths = {file};
  const Loaded fresh = load_and_validate(one);
  const Plan& plan = fresh.results.front()->plan;
  if (fresh.usable().empty()) {
    report_errors(fresh, ctx);
    return print_error(ctx, &plan, {invalid, {file}});
  }
  return edit(plan);
}

int edit_in_file(const Context& ctx, const std::string& file, const std::string& address,
                 const std::function<int(const Plan&, const Target&)>& edit) {
  return edit_locked(ctx, file, [&](const Plan& plan) {
    if (const std::optional<CliError> e = check_not_line(address))
      return print_error(ctx, &plan, *e);
    int status = kExitOk;
    const std::optional<Target> target = resolve_one(address, {&plan}, ctx, &status);
    if (!target)
      return status;
    return edit(plan, *target);
  });
}

int show_or_write(const Context& ctx, const std::string& file, const Plan& plan,
                  const EditOutcome& r, bool dry_run, bool* written) {
  *written = false;
  // What validate would warn about the change, told before it is written.
  for (const Diagnostic& d : r.warnings) {
    std::cerr << render_diagnostic_text(d, &r.text, ctx.lang_for(&plan), ctx.err);
  }
  if (!r.ok) {
    // Their positions are in the changed text, so the excerpts come from it.
    for (const Diagnostic& d : r.diagnostics) {
      std::cerr << render_diagnostic_text(d, &r.text, ctx.lang_for(&plan), ctx.err);
    }
    return print_error(ctx, &plan,
                       {r.error.value_or(Msg::mark_internal), r.error_args, r.hint, r.hint_args});
  }
  if (dry_run) {
    std::cout << unified_diff(file, plan.source, r.text);
    std::cerr << tr(ctx.lang_for(&plan), Msg::mark_dry_run) << "\n";
    return kExitOk;
  }
  const WriteResult w = write_atomically(file, r.text);
  if (w.error == WriteError::read_only)
    return print_error(ctx, &plan, {Msg::mark_read_only, {file}});
  if (w.error == WriteError::failed)
    return print_error(ctx, &plan, {Msg::mark_write_failed, {file, w.detail}});
  *written = true;
  return kExitOk;
}

namespace {

// Says what changed, with the state it leaves.
void print_change(const Context& ctx, const Plan& plan, const std::string& address_text,
                  const MarkRequest& req, const MarkResult& r) {
  const Language lang = ctx.lang_for(&plan);
  std::cout << tr(lang, Msg::mark_changed, plan.id.value, address_text, r.old_progress,
                  r.new_progress)
            << "\n";
  ActivityState now;
  now.status = r.new_status;
  now.done_late = r.new_done_late;
  std::string state = status_text(now, lang);
  if (r.new_signal != Signal::none)
    state += " · " + signal_text(ctx.out, r.new_signal, lang, false);
  std::cout << "  " << tr(lang, Msg::mark_state, state) << "\n";
  if (r.appended_update && req.progress.value_or(r.new_progress) != r.new_progress) {
    std::cout << "  " << tr(lang, Msg::mark_backfilled, fmt::format("{}", req.date), r.new_progress)
              << "\n";
  }
}

// Shows the change (--dry-run) or writes it and says what changed.
int apply_change(const MarkOptions& opts, const Context& ctx, const std::string& file,
                 const Plan& plan, const MarkRequest& req, const MarkResult& r) {
  bool written = false;
  const int status = show_or_write(ctx, file, plan, r, opts.dry_run, &written);
  if (written)
    print_change(ctx, plan, opts.address, req, r);
  return status;
}

// Makes the change on the file as it is under the lock.
int mark_in_file(const MarkOptions& opts, const Context& ctx, const std::string& file,
                 const MarkRequest& req) {
  return edit_in_file(ctx, file, opts.address, [&](const Plan& plan, const Target& target) {
    const MarkResult r = mark_activity(plan, *target.line, *target.activity, req);
    return apply_change(opts, ctx, file, plan, req, r);
  });
}

}  // namespace

int run_mark(const MarkOptions& opts) {
  CommonOptions common = opts.common;
  MarkRequest req;
  // Every word is checked before any plan is read.
  const std::optional<CliError> bad = read_positionals(opts, &req, &common.paths);
  const Context ctx = make_context(common);
  if (bad)
    return print_error(ctx, nullptr, *bad);
  fill_request(opts, ctx, &req);
  if (req.value && (req.progress || req.delta))
    return print_error(ctx, nullptr, {Msg::mark_value_and_progress, {}, Msg::hint_mark_value, {}});
  if (opts.force && req.date <= ctx.today) {
    return print_error(
        ctx, nullptr,
        {Msg::mark_force_unneeded, {fmt::format("{}", req.date)}, Msg::hint_drop_force});
  }
  std::string file;
  if (const int status = locate_file(ctx, opts.address, &file); status != kExitOk)
    return status;
  return mark_in_file(opts, ctx, file, req);
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
  sub->add_option("--value", opts->value,
                  "The goal's indicator value reached, instead of PROGRESS (the activity needs "
                  "a goal; progress follows from value and target)");
  sub->add_option("--date", opts->date, "Date of the update, YYYY-MM-DD (default: the as-of date)")
      ->check(check_day);
  add_word_option(sub, "--status", &opts->status,
                  "Change the status from --date on: blocked, cancelled, or active (none) to "
                  "clear it",
                  kStatusWords);
  sub->add_flag("--force", opts->force, "Record an update dated after today");
  sub->add_flag("--dry-run", opts->dry_run, "Print the change as a diff; write nothing");
  add_common_options(sub, &opts->common, /*with_view=*/true, /*with_paths=*/false);
  sub->callback([opts, status] { *status = run_mark(*opts); });
}

}  // namespace plan::cli
