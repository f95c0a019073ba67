// cli/site.cpp: `plan site OUT/`, the plans as a static web site.
//
// render/site.h makes the files; this writes them into OUT, which must be
// new, empty, or a site plan wrote before (it has the manifest), unless
// --force. A rebuild deletes only files the previous manifest lists that
// the new site no longer has: never a file plan did not write.
#include "plan/render/site.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <set>
#include <sstream>

#include "commands.h"
#include "common.h"
#include "error.h"
#include "plan/render/xlsx.h"

namespace plan::cli {

namespace fs = std::filesystem;

struct SiteCliOptions {
  CommonOptions common;
  std::string out;
  bool force = false;
  bool stamp = false;
};

namespace {

std::optional<std::string> read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    return std::nullopt;
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// What OUT holds now: kExitOk with *previous the files the last build
// wrote there (none for a new or empty folder, or one taken with --force),
// or the refusal's status.
int check_out(const Context& ctx, const SiteCliOptions& opts, std::vector<std::string>* previous) {
  std::error_code ec;
  const fs::path out(opts.out);
  const fs::file_status st = fs::status(out, ec);
  if (!fs::exists(st))
    return kExitOk;
  if (!fs::is_directory(st))
    return print_error(ctx, nullptr, {Msg::site_not_dir, {opts.out}});
  if (const auto text = read_text(out / std::string(kSiteManifest))) {
    if (auto paths = parse_site_manifest(*text)) {
      *previous = std::move(*paths);
      return kExitOk;
    }
  }
  if (opts.force || fs::directory_iterator(out, ec) == fs::directory_iterator())
    return kExitOk;
  return print_error(
      ctx, nullptr,
      {Msg::site_not_a_site, {opts.out, std::string(kSiteManifest)}, Msg::hint_site_force});
}

// Writes the file unless it already holds these bytes (so that rsync and
// the web server see only what changed), through a temporary beside it.
std::string write_file(const fs::path& path, const std::string& bytes) {
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  if (ec)
    return ec.message();
  if (const auto old = read_text(path); old && *old == bytes)
    return "";
  const fs::path tmp = path.string() + ".plan-tmp";
  {
    std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
    f.write(bytes.data(), std::streamsize(bytes.size()));
    f.close();
    if (!f) {
      const std::string why = std::strerror(errno);
      fs::remove(tmp, ec);
      return why;
    }
  }
  fs::rename(tmp, path, ec);
  if (ec) {
    fs::remove(tmp, ec);
    return ec.message();
  }
  return "";
}

int write_site(const Context& ctx, const SiteCliOptions& opts, const std::vector<SiteFile>& files,
               const std::vector<std::string>& previous) {
  const fs::path out(opts.out);
  std::set<std::string> now;
  for (const SiteFile& f : files) now.insert(f.path);
  // First a manifest of both builds' files, so that a build cut short
  // still knows every file it may have written.
  std::vector<SiteFile> both;
  for (const std::string& p : previous) now.count(p) ? void() : both.push_back({p, ""});
  for (const SiteFile& f : files) both.push_back({f.path, ""});
  std::sort(both.begin(), both.end(),
            [](const SiteFile& a, const SiteFile& b) { return a.path < b.path; });
  std::vector<std::pair<fs::path, std::string>> writes = {
      {out / std::string(kSiteManifest), site_manifest(both)}};
  for (const SiteFile& f : files) writes.emplace_back(out / f.path, f.bytes);
  for (const auto& [path, bytes] : writes) {
    if (const std::string why = write_file(path, bytes); !why.empty())
      return print_error(ctx, nullptr, {Msg::site_write_failed, {path.string(), why}});
  }
  std::error_code ec;
  for (const std::string& p : previous) {
    if (!now.count(p) && fs::is_regular_file(fs::symlink_status(out / p, ec)))
      fs::remove(out / p, ec);
  }
  return kExitOk;
}

int run_site(const SiteCliOptions& opts) {
  const Context ctx = make_context(opts.common);
  std::vector<std::string> previous;
  if (const int bad = check_out(ctx, opts, &previous); bad != kExitOk)
    return bad;
  const Loaded loaded = load_and_validate(ctx);
  if (report_errors(loaded, ctx))
    return print_error(ctx, nullptr, {Msg::site_invalid});
  SiteOptions so;
  so.as_of = ctx.as_of;
  so.lang = ctx.lang_flag;
  so.fallback = ctx.lang_for(nullptr);
  if (opts.stamp)
    so.stamp = ctx.today;
  // The workbook beside the CSV, JSON and calendar: the same bytes as
  // `plan export --format xlsx` of the plan at that date.
  so.extra_downloads.push_back(
      {"xlsx", Msg::site_download_xlsx,
       [](const PlanState& st, Language lang) { return render_xlsx({st}, lang).bytes; }});
  const std::vector<SiteFile> files = render_site(loaded.usable(), so);
  if (const int bad = write_site(ctx, opts, files, previous); bad != kExitOk)
    return bad;
  const Language lang = ctx.lang_for(loaded.usable().empty() ? nullptr : loaded.usable().front());
  std::cout << tr(lang, Msg::site_written, files.size(), opts.out) << "\n";
  return kExitOk;
}

}  // namespace

void setup_site(CLI::App& app, int* status) {
  auto opts = std::make_shared<SiteCliOptions>();
  CLI::App* sub = app.add_subcommand(
      "site",
      "A static web site of the plans: where they stand, a report per cut-off, a page "
      "per line and activity, and the downloads");
  sub->add_option("OUT", opts->out, "The site's folder: new, empty, or a site plan wrote")
      ->required();
  sub->add_flag("--force", opts->force,
                "Write into a folder that is not a site plan wrote (no file in it is deleted)");
  sub->add_flag("--stamp", opts->stamp,
                "Show the date the site was generated (without it, the same history gives "
                "the same bytes)");
  add_common_options(sub, &opts->common, /*with_view=*/false);
  sub->callback([opts, status] { *status = run_site(*opts); });
}

}  // namespace plan::cli
