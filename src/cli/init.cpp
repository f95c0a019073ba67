// cli/init.cpp: `plan init FILE`, a new commented plan file to fill in, or
// (--from) last year's plan rolled over to a new year.
#include "plan/init.h"

#include <sys/stat.h>

#include <iostream>
#include <memory>
#include <string>

#include "commands.h"
#include "common.h"
#include "error.h"
#include "plan/file_io.h"
#include "plan/i18n.h"
#include "plan/load.h"
#include "plan/validate.h"

namespace plan::cli {

struct InitOptions {
  CommonOptions common;
  std::string file;
  std::string id;
  std::string title;
  int year = 0;  // 0 = the --as-of date's year, or (--from) the next one
  std::string from;
  bool force = false;
};

bool valid_id(const std::string& id) {
  if (id.empty())
    return false;
  for (const char c : id) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'))
      return false;
  }
  return true;
}

// lstat: a dangling symlink exists too, and is not silently replaced.
bool path_exists(const std::string& path) {
  struct stat st {};
  return ::lstat(path.c_str(), &st) == 0;
}

// The checks that need no file; kExitOk or the status after saying why.
int check_init_options(const InitOptions& opts, const Context& ctx) {
  if (!opts.id.empty() && !valid_id(opts.id))
    return print_error(ctx, nullptr, {Msg::init_bad_id, {opts.id}});
  if (opts.year != 0 && (opts.year < 1900 || opts.year > 9999))
    return print_error(ctx, nullptr, {Msg::init_bad_year, {std::to_string(opts.year)}});
  return kExitOk;
}

// Writes text to opts.file under the directory's lock, refusing an
// existing file without --force; then says what was done and what next.
int write_new_plan(const InitOptions& opts, const Context& ctx, const std::string& text) {
  // As mark does: what is written must read back as a valid plan.
  const LoadResult back = load_plan_text(opts.file, text);
  if (!back.ok() || has_errors(validate_plan(back.plan, ctx.as_of)))
    return print_error(ctx, nullptr, {Msg::init_invalid, {opts.file}});
  FileLock lock(opts.file);
  if (!lock.error().empty())
    return print_error(ctx, nullptr, {Msg::mark_write_failed, {opts.file, lock.error()}});
  if (path_exists(opts.file) && !opts.force)
    return print_error(ctx, nullptr, {Msg::init_exists, {opts.file}, Msg::hint_init_force, {}});
  const WriteResult w = write_atomically(opts.file, text, true);
  if (w.error == WriteError::read_only)
    return print_error(ctx, nullptr, {Msg::mark_read_only, {opts.file}});
  if (w.error == WriteError::failed)
    return print_error(ctx, nullptr, {Msg::mark_write_failed, {opts.file, w.detail}});
  const Language lang = ctx.lang_for(nullptr);
  std::cout << tr(lang, Msg::init_written, opts.file) << "\n"
            << tr(lang, opts.from.empty() ? Msg::init_next : Msg::init_next_from, opts.file)
            << "\n";
  return kExitOk;
}

// --from: the old plan, rolled over to the new year.
int run_rollover(const InitOptions& opts, Context ctx) {
  ctx.paths = {opts.from};
  const Loaded loaded = load_and_validate(ctx);
  if (loaded.usable().empty()) {
    report_errors(loaded, ctx);
    return print_error(ctx, nullptr, {Msg::init_bad_source, {opts.from}});
  }
  const Plan& old = *loaded.usable().front();
  RolloverValues values;
  values.year = opts.year != 0 ? opts.year : old.period_start.date.year + 1;
  values.id = opts.id;
  values.title = opts.title;
  values.source_file = opts.from;
  // Its messages speak the old plan's language, as its comments do.
  if (!ctx.lang_flag)
    ctx.lang_flag = ctx.lang_for(&old);
  return write_new_plan(opts, ctx, rollover_plan(old, values));
}

int run_init(const InitOptions& opts) {
  const Context ctx = make_context(opts.common);
  if (const int bad = check_init_options(opts, ctx); bad != kExitOk)
    return bad;
  if (!opts.from.empty())
    return run_rollover(opts, ctx);
  InitValues values;
  values.lang = ctx.lang_for(nullptr);
  values.id = opts.id;
  values.title = opts.title;
  values.year = opts.year != 0 ? opts.year : ctx.as_of.year;
  return write_new_plan(opts, ctx, init_template(values));
}

void setup_init(CLI::App& app, int* status) {
  auto opts = std::make_shared<InitOptions>();
  CLI::App* sub = app.add_subcommand("init", "Write a new plan file to fill in");
  sub->add_option("FILE", opts->file, "The plan file to write")->required();
  sub->add_option("--id", opts->id, "The plan's id (default: plan-YEAR)");
  sub->add_option("--title", opts->title,
                  "The plan's title (default: a placeholder; with --from, the old one's with its "
                  "year replaced)");
  sub->add_option("--year", opts->year,
                  "The plan's year (default: the --as-of date's; with --from, the next)");
  sub->add_option("--from", opts->from,
                  "Roll this plan over to --year: same owners and lines, dates moved, "
                  "follow-up cleared");
  sub->add_flag("--force", opts->force, "Replace FILE if it exists");
  add_common_options(sub, &opts->common, false, false);
  sub->callback([opts, status] { *status = run_init(*opts); });
}

}  // namespace plan::cli
