// render/site.cpp: `plan site`'s files: the home page, each plan's folder,
// the cut-off reports, the downloads and the manifest.
#include "plan/render/site.h"

#include <algorithm>
#include <set>

#include "plan/address.h"
#include "plan/changes.h"
#include "plan/render/export.h"
#include "plan/render/json.h"
#include "plan/render/report.h"
#include "plan/text.h"
#include "plan/version.h"
#include "site_parts.h"

namespace plan {
namespace site {

std::string esc(std::string_view text) { return html_escape(text); }

std::string line_path(const Line& line) { return fmt::format("line-{}.html", line.id.value); }

std::string activity_path(const Line& line, const Activity& a) {
  return fmt::format("activity-{}-{}.html", line.id.value, a.id.value);
}

std::string cutoff_path(const Cutoff& c) { return c.name + ".html"; }

std::string download_stem(const PlanSite& ps, const std::string& cutoff) {
  return cutoff.empty() ? ps.dir : ps.dir + "-" + cutoff;
}

namespace {

// The site's one style sheet, the report's rules and the site's own. Text
// colours keep a contrast of at least 4.5:1 on white (the semáforo's
// words included); a phone gets one column and tables that scroll in their
// own region, wide enough that words stay whole; paper gets no navigation and each link's address.
constexpr std::string_view kStyle =
    "*{box-sizing:border-box}\n"
    "body{font-family:system-ui,sans-serif;margin:0 auto;max-width:80rem;padding:0 1rem 1rem;"
    "color:#1b1b1b;background:#fff;line-height:1.4;overflow-wrap:anywhere}\n"
    "a{color:#0b57b0}a:focus,.wide:focus{outline:2px solid #0b57b0;outline-offset:2px}\n"
    ".skip{position:absolute;left:-100rem}.skip:focus{position:static}\n"
    "header nav ul{list-style:none;margin:0;padding:.75rem 0;display:flex;flex-wrap:wrap;"
    "gap:.25rem 1.25rem;border-bottom:1px solid #ccc}\n"
    "table{border-collapse:collapse;width:100%;margin:0;font-size:.85rem}\n"
    "caption{text-align:left;font-weight:600;padding:.25rem 0}\n"
    "th,td{border:1px solid #ccc;padding:.25rem;text-align:left;vertical-align:top}\n"
    "th{background:#f2f2f2;overflow-wrap:normal}\n"
    ".wide{overflow-x:auto;max-width:100%;margin:1rem 0}\n"
    "td.num,td.date{text-align:right}.id,.num,.date,.signal{white-space:nowrap}\n"
    "td.title{min-width:8rem}td.note{min-width:6rem}td.status{overflow-wrap:normal}\n"
    ".path{word-break:break-all}\n"
    ".green{color:#1a7f37}.yellow{color:#8a5a00}.red{color:#c21d2a}.none{color:#595959}\n"
    "dl{display:grid;grid-template-columns:max-content minmax(0,1fr);gap:.25rem 1rem}"
    "dt{font-weight:600}dd{margin:0}\n"
    "svg.chart{display:block;min-width:40rem;width:100%;height:auto}\n"
    "footer{margin-top:2rem;border-top:1px solid #ccc;font-size:.85rem}\n"
    "@media (max-width:40rem){body{padding:0 .5rem 1rem}dl{grid-template-columns:minmax(0,1fr)}"
    "dd{margin-bottom:.5rem}h1{font-size:1.5rem}"
    ".wide table{min-width:34rem}.wide td{overflow-wrap:break-word}}\n"
    "@page{size:A4 landscape;margin:12mm 10mm}\n"
    "@media print{body{max-width:none;padding:0;font-size:10pt}header nav,.skip{display:none}"
    ".wide{overflow:visible}table{font-size:8pt}thead{display:table-header-group}"
    "tr,li{break-inside:avoid}h1,h2,h3{break-after:avoid}a{color:inherit}"
    "main a[href^=\"http\"]::after{content:\" \" attr(href);word-break:break-all}"
    "*{-webkit-print-color-adjust:exact;print-color-adjust:exact}}\n";

}  // namespace

std::string page(const Frame& f, const std::string& main) {
  std::string out = "<!DOCTYPE html>\n<html lang=\"" + std::string(language_code(f.lang)) +
                    "\">\n<head>\n<meta charset=\"utf-8\">\n";
  // Nothing runs, and nothing loads from anywhere: a script that slipped
  // past the escaping would not run either.
  out +=
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
      "style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'none'\">\n";
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  out += "<title>" + esc(f.title) + "</title>\n<style>\n" + std::string(kStyle) +
         "</style>\n</head>\n<body>\n";
  out += "<a class=\"skip\" href=\"#main\">" + esc(text_of(f.lang, Msg::site_skip)) + "</a>\n";
  out += "<header><nav aria-label=\"" + esc(text_of(f.lang, Msg::site_nav)) + "\"><ul>";
  for (const auto& [href, words] : f.nav)
    out += "<li><a href=\"" + esc(href) + "\">" + esc(words) + "</a></li>";
  out += "</ul></nav></header>\n<main id=\"main\">\n" + main + "</main>\n";
  return out + "<footer>\n" + f.footer + "</footer>\n</body>\n</html>\n";
}

std::string plan_footer(const PlanSite& ps) {
  std::string out =
      "<p>" + esc(tr(ps.lang, Msg::report_generated, PLAN_VERSION, ps.plan->file)) + "</p>\n";
  if (ps.opts->stamp) {
    out += "<p>" + esc(tr(ps.lang, Msg::site_generated_on, long_date(ps.lang, *ps.opts->stamp))) +
           "</p>\n";
  }
  return out;
}

Frame plan_frame(const PlanSite& ps, const std::string& title) {
  Frame f;
  f.lang = ps.lang;
  f.title = title;
  f.root = "../";
  f.nav = {{"../index.html", std::string(text_of(ps.lang, Msg::site_all_plans))},
           {"index.html", ps.plan->title.value}};
  f.footer = plan_footer(ps);
  return f;
}

std::string accessible_tables(std::string html) {
  // Plan text is escaped, so these tags are only ever the renderer's own.
  auto replace_all = [&html](std::string_view from, const std::string& to) {
    for (size_t at = html.find(from); at != std::string::npos; at = html.find(from, at + to.size()))
      html.replace(at, from.size(), to);
  };
  replace_all("<th>", "<th scope=\"col\">");
  // tabindex: a keyboard can scroll a table wider than the screen.
  replace_all("<table>", "<div class=\"wide\" tabindex=\"0\">\n<table>");
  replace_all("</table>", "</table>\n</div>");
  return html;
}

std::string signal_span(Signal s, Language lang) {
  if (s == Signal::none)
    return "<span class=\"none\">—</span>";
  return fmt::format("<span class=\"{}\">● {}</span>", signal_code(s),
                     esc(text_of(lang, signal_word(s))));
}

std::string owner_names(const Plan& plan, const OwnerList& list, Language lang) {
  std::vector<std::string> names;
  for (const Text& c : list.codes) {
    const Owner* o = plan.find_owner(c.value);
    if (o == nullptr || o->name.value.empty()) {
      names.push_back(c.value);
      continue;
    }
    std::string name = o->name.value;
    if (o->external)
      name += ", " + std::string(text_of(lang, Msg::label_external));
    names.push_back(tr(lang, Msg::site_owner_text, c.value, name));
  }
  return join(names, ", ");
}

std::string downloads_section(const PlanSite& ps, const std::string& cutoff) {
  const Language lang = ps.lang;
  const std::string stem = download_stem(ps, cutoff);
  std::string out = "<h2>" + esc(text_of(lang, Msg::site_downloads)) + "</h2>\n<ul>\n";
  const std::pair<const char*, Msg> kinds[] = {{"csv", Msg::site_download_csv},
                                               {"json", Msg::site_download_json},
                                               {"ics", Msg::site_download_ics}};
  for (const auto& [ext, label] : kinds) {
    out += fmt::format("<li><a href=\"{0}.{1}\" download>{2}</a> ({0}.{1})</li>\n", esc(stem), ext,
                       esc(text_of(lang, label)));
  }
  for (const SiteDownload& d : ps.opts->extra_downloads) {
    out += fmt::format("<li><a href=\"{0}.{1}\" download>{2}</a> ({0}.{1})</li>\n", esc(stem),
                       esc(d.extension), esc(text_of(lang, d.label)));
  }
  return out + "</ul>\n";
}

void add_downloads(const PlanSite& ps, const PlanState& st, const std::string& cutoff,
                   std::vector<SiteFile>* files) {
  const std::string base = ps.dir + "/" + download_stem(ps, cutoff);
  const std::vector<PlanState> one = {st};
  // For people: the CSV that a spreadsheet in the plan's language opens.
  files->push_back({base + ".csv", render_csv(one, csv_defaults(CsvForm::sheet, ps.lang))});
  files->push_back({base + ".json", render_plan_json(one)});
  files->push_back({base + ".ics", render_ics(one, ps.lang)});
  for (const SiteDownload& d : ps.opts->extra_downloads)
    files->push_back({base + "." + d.extension, d.render(st, ps.lang)});
}

namespace {

// A folder name from the plan's id: letters, digits, '-', '_' and '.'
// (not first); anything else becomes '-'. Unique among the plans.
std::string dir_name(const Plan& plan, std::set<std::string>* taken) {
  std::string name;
  for (char c : plan.id.value) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '-' || c == '_' || (c == '.' && !name.empty());
    name += ok ? c : '-';
  }
  if (name.empty())
    name = "plan";
  std::string unique = name;
  for (int n = 2; !taken->insert(unique).second; ++n) unique = fmt::format("{}-{}", name, n);
  return unique;
}

// The named periods of the plan's first year that have ended by the as-of
// date and end inside the plan's period, by date (T before C on a day).
std::vector<Cutoff> ended_cutoffs(const Plan& plan, const Date& as_of) {
  std::vector<Cutoff> out;
  const Date start = plan.period_start.date.first();
  for (const std::string& name : period_names()) {
    const std::optional<Date> d = period_cutoff(name, plan.period_start.date.year);
    if (d && *d <= as_of && *d >= start)
      out.push_back({name, *d});
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const Cutoff& a, const Cutoff& b) { return a.date < b.date; });
  return out;
}

std::string cutoff_page(const PlanSite& ps, const Cutoff& c, const PlanState& st,
                        std::vector<SiteFile>* files) {
  const Plan& p = *ps.plan;
  // As `plan report --period` gives it: the changes since the previous
  // cut-off of the same kind, read only from entries dated up to this one.
  const PlanChanges changes =
      changes_between(p, previous_cutoff(p, c.date, period_months(c.name)), c.date);
  ReportOptions ro;
  ro.period = c.name;
  ro.lang = ps.lang;
  ro.changes = &changes;
  add_downloads(ps, st, c.name, files);
  const std::string body =
      accessible_tables(render_report_html_body(st, ro)) + downloads_section(ps, c.name);
  return page(plan_frame(ps, fmt::format("{}: {} ({})", text_of(ps.lang, Msg::report_title),
                                         p.title.value, c.name)),
              body);
}

std::string home_page(const std::vector<PlanSite>& sites, const SiteOptions& opts, Language lang) {
  std::string main = "<h1>" + esc(text_of(lang, Msg::site_title)) + "</h1>\n";
  main += "<h2>" + esc(text_of(lang, Msg::site_plans)) + "</h2>\n<ul>\n";
  for (const PlanSite& ps : sites) {
    const Plan& p = *ps.plan;
    main += fmt::format("<li><a href=\"{}/index.html\">{}</a>", esc(ps.dir), esc(p.title.value));
    if (!p.entity.value.empty())
      main += " — " + esc(p.entity.value);
    main += fmt::format(": {}% ({}) {}</li>\n", round_percent(ps.now.progress),
                        esc(tr(lang, Msg::expected_short, round_percent(ps.now.expected))),
                        signal_span(ps.now.signal, lang));
  }
  Frame f;
  f.lang = lang;
  f.title = std::string(text_of(lang, Msg::site_title));
  f.nav = {{"index.html", std::string(text_of(lang, Msg::site_all_plans))}};
  if (opts.stamp)
    f.footer =
        "<p>" + esc(tr(lang, Msg::site_generated_on, long_date(lang, *opts.stamp))) + "</p>\n";
  return page(f, main + "</ul>\n");
}

void add_plan(const PlanSite& ps, std::vector<SiteFile>* files) {
  files->push_back({ps.dir + "/index.html", plan_index(ps)});
  add_downloads(ps, ps.now, "", files);
  for (const Cutoff& c : ps.cutoffs) {
    const PlanState st = derive_plan(*ps.plan, c.date);
    files->push_back({ps.dir + "/" + cutoff_path(c), cutoff_page(ps, c, st, files)});
  }
  for (const LineState& ls : ps.now.lines) {
    files->push_back({ps.dir + "/" + line_path(*ls.line), line_page(ps, ls)});
    for (const ActivityState& s : ls.activities) {
      files->push_back({ps.dir + "/" + activity_path(*s.line, *s.activity), activity_page(ps, s)});
    }
  }
}

}  // namespace
}  // namespace site

std::vector<SiteFile> render_site(const std::vector<const Plan*>& plans, const SiteOptions& opts) {
  using namespace site;
  std::vector<PlanSite> sites;
  std::set<std::string> taken = {"index.html", std::string(kSiteManifest)};
  for (const Plan* p : plans) {
    PlanSite ps;
    ps.plan = p;
    ps.dir = dir_name(*p, &taken);
    ps.lang = opts.lang ? *opts.lang : p->language.value_or(opts.fallback);
    ps.now = derive_plan(*p, opts.as_of);
    ps.cutoffs = ended_cutoffs(*p, opts.as_of);
    ps.opts = &opts;
    sites.push_back(std::move(ps));
  }
  const Language lang = opts.lang        ? *opts.lang
                        : !sites.empty() ? sites.front().lang
                                         : opts.fallback;
  std::vector<SiteFile> files;
  files.push_back({"index.html", home_page(sites, opts, lang)});
  for (const PlanSite& ps : sites) add_plan(ps, &files);
  files.push_back({std::string(kSiteManifest), ""});
  std::sort(files.begin(), files.end(),
            [](const SiteFile& a, const SiteFile& b) { return a.path < b.path; });
  for (SiteFile& f : files) {
    if (f.path == kSiteManifest)
      f.bytes = site_manifest(files);
  }
  return files;
}

namespace {
constexpr std::string_view kManifestHead = "# plan site: the files plan wrote here\n";
}  // namespace

std::string site_manifest(const std::vector<SiteFile>& files) {
  std::string out(kManifestHead);
  for (const SiteFile& f : files) out += f.path + "\n";
  return out;
}

std::optional<std::vector<std::string>> parse_site_manifest(std::string_view text) {
  if (text.substr(0, kManifestHead.size()) != kManifestHead)
    return std::nullopt;
  std::vector<std::string> paths;
  text.remove_prefix(kManifestHead.size());
  while (!text.empty()) {
    const size_t end = text.find('\n');
    const std::string_view line = text.substr(0, end);
    text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
    const bool climbs = line == ".." || line.substr(0, 3) == "../" ||
                        line.find("/../") != std::string_view::npos ||
                        (line.size() >= 3 && line.substr(line.size() - 3) == "/..");
    if (line.empty() || line.front() == '/' || climbs)
      continue;
    paths.emplace_back(line);
  }
  return paths;
}

}  // namespace plan
