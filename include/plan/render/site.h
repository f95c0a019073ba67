// render/site.h: `plan site`, the plans as a static web site for citizens.
//
// Owns the pages the site is made of and where each stands: a home page
// listing the plans, and for each plan (in a folder named by its id) an
// index with where it stands at the as-of date (the status dashboard, the
// timeline as an SVG chart drawn here with a table as its text
// alternative, the lines with their progress), a page per cut-off (T1..T4,
// C1..C3) that has ended with the follow-up report `plan report` gives,
// and a page per line and per activity (dates, owners, goal, the dated log
// of updates, reviews), with the CSV, JSON and iCalendar downloads beside
// them. Every page is self-contained (one inline style sheet, no script,
// font or image from elsewhere; a Content-Security-Policy that forbids
// scripts), links by relative paths only, so it works from file:// and any
// static host, and depends only on the plans, the as-of date, the
// language and the stamp: the same history gives the same bytes.
//
// It writes nothing: it returns the files, and the command writes them.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "plan/date.h"
#include "plan/derive.h"

namespace plan {

// One file of the site: its path relative to the site's folder ('/'
// separated, never absolute, never "..") and its bytes.
struct SiteFile {
  std::string path;
  std::string bytes;
};

// A further download offered beside a plan's pages (the workbook when
// `plan export --format xlsx` exists): the file's extension, the link's
// words, and what writes it for the plan at a date (the as-of date for the
// index, the cut-off for a cut-off's page).
struct SiteDownload {
  std::string extension;  // "xlsx"
  Msg label = Msg::site_download_xlsx;
  std::function<std::string(const PlanState&, Language)> render;
};

struct SiteOptions {
  Date as_of;
  std::optional<Language> lang;  // none: each plan's own (choose_language)
  // The default language of a plan that does not say (the locale's).
  Language fallback = Language::es;
  // The day shown as the generation date in every page's footer; none:
  // no date at all, so that the bytes depend only on the history.
  std::optional<Date> stamp;
  std::vector<SiteDownload> extra_downloads;
};

// The site for the plans (valid ones: validate first), sorted by path.
// Includes the manifest (kSiteManifest).
std::vector<SiteFile> render_site(const std::vector<const Plan*>& plans, const SiteOptions& opts);

// The file at the top of a site that lists every file plan wrote there,
// one path a line after a first line that says what it is. A folder with
// it is a site written by plan; a rebuild deletes only the files it lists
// that the new site no longer has.
constexpr std::string_view kSiteManifest = ".plan-site";
std::string site_manifest(const std::vector<SiteFile>& files);
// The paths a manifest lists; none when the text is not a manifest.
// Paths that are absolute or climb out of the site ("..") are left out.
std::optional<std::vector<std::string>> parse_site_manifest(std::string_view text);

// The timeline as an inline SVG chart (exposed for tests): one bar per
// activity from its start to its end across the plan's period, its
// progress filled in the semáforo's colour, a line at the as-of date.
// Its title and description are the ids given.
std::string render_timeline_svg(const PlanState& state, Language lang);

}  // namespace plan
