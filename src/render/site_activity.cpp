// render/site_activity.cpp: an activity's page, with what `plan show`
// shows of it: dates, owners, goal, programme, the dated log of updates
// with notes and evidence, and the reviews.
#include "plan/address.h"
#include "plan/goal.h"
#include "plan/render/report.h"
#include "plan/render/show.h"
#include "plan/render/style.h"
#include "plan/text.h"
#include "site_parts.h"

namespace plan::site {
namespace {

std::string field(Language lang, Msg label, const std::string& html_value) {
  if (html_value.empty())
    return "";
  return "<dt>" + esc(text_of(lang, label)) + "</dt><dd>" + html_value + "</dd>\n";
}

std::string number(double v) { return fmt::format("{}", v); }

std::string status_change(const Update& u, Language lang) {
  if (!u.status)
    return "";
  return std::string(text_of(lang, *u.status == ActivityFlag::blocked     ? Msg::status_blocked
                                   : *u.status == ActivityFlag::cancelled ? Msg::status_cancelled
                                                                          : Msg::status_resumed));
}

std::string table_head(std::initializer_list<Msg> columns, Language lang) {
  std::string out = "<table>\n<thead><tr>";
  for (Msg m : columns) out += "<th>" + esc(text_of(lang, m)) + "</th>";
  return out + "</tr></thead>\n<tbody>\n";
}

// The log as of the as-of date: entries dated later are not shown yet.
std::string updates(const PlanSite& ps, const Activity& a) {
  const Language lang = ps.lang;
  std::string rows;
  for (const Update& u : a.updates) {
    if (u.date.date.last() > ps.now.as_of)
      continue;
    rows += fmt::format(
        "<tr><td class=\"date\">{}</td><td class=\"num\">{}</td><td class=\"status\">{}</td>"
        "<td class=\"note\">{}</td><td class=\"evidence\">{}</td><td>{}</td></tr>\n",
        u.date.date.last(),
        u.records_progress() ? esc(progress_text(*a.goal, u.value, u.progress.value, lang)) : "",
        esc(status_change(u, lang)), esc(u.note.value), evidence_html(u.evidence.value, lang),
        esc(u.by.value));
  }
  std::string out = "<h2>" + esc(text_of(lang, Msg::label_updates)) + "</h2>\n";
  if (rows.empty())
    return out + "<p>" + esc(text_of(lang, Msg::no_updates)) + "</p>\n";
  return out +
         table_head({Msg::col_date, Msg::col_progress, Msg::col_status, Msg::col_note,
                     Msg::col_evidence, Msg::col_by},
                    lang) +
         rows + "</tbody>\n</table>\n";
}

std::string reviews(const PlanSite& ps, const Activity& a) {
  const Language lang = ps.lang;
  std::string rows;
  for (const Review& r : a.reviews) {
    if (r.date.date.last() > ps.now.as_of)
      continue;
    const std::optional<Date> end = period_cutoff(r.period.value, a.start.date.year);
    const int reported = end ? progress_at(a, *end, nullptr) : 0;
    rows += fmt::format(
        "<tr><td class=\"id\">{}</td><td class=\"date\">{}</td><td>{}</td>"
        "<td class=\"num\">{}%</td><td class=\"num\">{}%</td><td class=\"note\">{}</td></tr>\n",
        esc(r.period.value), r.date.date.last(), esc(r.by.value), r.verified.value, reported,
        esc(r.note.value));
  }
  std::string out = "<h2>" + esc(text_of(lang, Msg::label_reviews)) + "</h2>\n";
  if (rows.empty())
    return out + "<p>" + esc(text_of(lang, Msg::site_no_reviews)) + "</p>\n";
  return out +
         table_head({Msg::site_col_cutoff, Msg::col_date, Msg::col_by, Msg::oci_col_verified,
                     Msg::oci_col_reported, Msg::col_note},
                    lang) +
         rows + "</tbody>\n</table>\n";
}

// Deliverables and the programme, where the activity has them.
std::string lists(const PlanSite& ps, const Activity& a) {
  const Language lang = ps.lang;
  std::string out;
  if (!a.deliverables.empty()) {
    out += "<h2>" + esc(text_of(lang, Msg::label_deliverables)) + "</h2>\n<ul>\n";
    for (const Deliverable& d : a.deliverables) {
      std::string text = d.name.value;
      if (d.count.value != 1)
        text += " " + tr(lang, Msg::count_times, d.count.value);
      if (!d.owner.value.empty())
        text += " — " + d.owner.value;
      out += "<li>" + esc(text) + "</li>\n";
    }
    out += "</ul>\n";
  }
  if (!a.programme.empty()) {
    out += "<h2>" + esc(text_of(lang, Msg::label_programme)) + "</h2>\n<ul>\n";
    for (const Milestone& m : a.programme) {
      out += "<li>" +
             esc(fmt::format("{}: {}", long_date(lang, m.by.date.last()),
                             progress_text(*a.goal, m.value, m.progress.value, lang))) +
             "</li>\n";
    }
    out += "</ul>\n";
  }
  return out;
}

std::string details(const PlanSite& ps, const ActivityState& s) {
  const Language lang = ps.lang;
  const Plan& p = *ps.plan;
  const Activity& a = *s.activity;
  std::string out = "<dl>\n";
  out += field(lang, Msg::label_line,
               fmt::format("<a href=\"{}\">{} — {}</a>", line_path(*s.line), s.line->id.value,
                           esc(s.line->title.value)));
  out += field(lang, Msg::label_lead, esc(owner_names(p, lead_of(*s.line, a), lang)));
  out += field(lang, Msg::label_support, esc(owner_names(p, support_of(*s.line, a), lang)));
  out += field(lang, Msg::label_dates,
               esc(tr(lang, Msg::date_range, long_date(lang, s.start), long_date(lang, s.end))));
  out += field(lang, Msg::label_product, esc(a.product.value));
  if (a.goal->present) {
    const Goal& g = *a.goal;
    out += field(lang, Msg::label_goal,
                 esc(tr(lang, Msg::goal_text, g.indicator.value, number(g.target.value),
                        g.unit.value, goal_kind_word(g.kind))));
  }
  if (a.weight.value != 1)
    out += field(lang, Msg::label_weight, esc(number(a.weight.value)));
  out += field(lang, Msg::label_progress,
               esc(tr(lang, Msg::progress_vs_expected, s.progress, round_percent(s.expected))));
  out +=
      field(lang, Msg::label_status, esc(status_text(s, lang)) + " " + signal_span(s.signal, lang));
  return out + "</dl>\n";
}

}  // namespace

std::string activity_page(const PlanSite& ps, const ActivityState& s) {
  const Language lang = ps.lang;
  const Activity& a = *s.activity;
  const std::string title = fmt::format("{} {} — {}", text_of(lang, Msg::label_activity),
                                        format_address(*s.line, a), a.title.value);
  std::string main = "<h1>" + esc(title) + "</h1>\n" + details(ps, s) + lists(ps, a) +
                     updates(ps, a) + reviews(ps, a) + downloads_section(ps, "");
  Frame f = plan_frame(ps, title + " · " + ps.plan->title.value);
  f.nav.emplace_back(line_path(*s.line),
                     fmt::format("{} {}", text_of(lang, Msg::label_line), s.line->id.value));
  return page(f, accessible_tables(main));
}

}  // namespace plan::site
