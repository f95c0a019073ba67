// render/site_pages.cpp: a plan's index, and its line and activity pages.
#include <algorithm>

#include "plan/address.h"
#include "plan/goal.h"
#include "plan/render/report.h"
#include "plan/render/status.h"
#include "plan/render/style.h"
#include "plan/render/table.h"
#include "plan/text.h"
#include "site_parts.h"

namespace plan::site {
namespace {

std::string field(Language lang, Msg label, const std::string& html_value) {
  if (html_value.empty())
    return "";
  return "<dt>" + esc(text_of(lang, label)) + "</dt><dd>" + html_value + "</dd>\n";
}

std::string percent_text(double progress, double expected, Language lang) {
  return esc(tr(lang, Msg::progress_vs_expected, round_percent(progress), round_percent(expected)));
}

std::string period_html(const Plan& p, Language lang) {
  return esc(tr(lang, Msg::date_range, long_date(lang, p.period_start.date.first()),
                long_date(lang, p.period_end.date.last())));
}

// "3 terminadas · 2 en curso · ..." for the statuses that have any.
std::string counts_html(const PlanState& st, Language lang) {
  constexpr Msg kPlurals[kStatusCount] = {Msg::plural_done,    Msg::plural_in_progress,
                                          Msg::plural_late,    Msg::plural_not_started,
                                          Msg::plural_blocked, Msg::plural_cancelled};
  std::vector<std::string> parts;
  for (size_t i = 0; i < kStatusCount; ++i) {
    if (st.counts[i] > 0)
      parts.push_back(fmt::format("{} {}", st.counts[i], text_of(lang, kPlurals[i])));
  }
  return esc(join(parts, " · "));
}

std::string head_row(std::initializer_list<Msg> columns, Language lang) {
  std::string out = "<table>\n<thead><tr>";
  for (Msg m : columns) out += "<th>" + esc(text_of(lang, m)) + "</th>";
  return out + "</tr></thead>\n<tbody>\n";
}

std::string summary(const PlanSite& ps) {
  const Language lang = ps.lang;
  const Plan& p = *ps.plan;
  const PlanState& st = ps.now;
  std::string out = "<h1>" + esc(p.title.value) + "</h1>\n<dl>\n";
  out += field(lang, Msg::label_entity, esc(p.entity.value));
  out += field(lang, Msg::label_period, period_html(p, lang));
  out += field(lang, Msg::label_objective, esc(p.objective.value));
  out += field(lang, Msg::label_as_of, esc(long_date(lang, st.as_of)));
  out += field(lang, Msg::label_plan_progress,
               percent_text(st.progress, st.expected, lang) + " " + signal_span(st.signal, lang));
  out += field(lang, Msg::site_counts, counts_html(st, lang));
  return out + "</dl>\n";
}

std::string lines_table(const PlanSite& ps) {
  const Language lang = ps.lang;
  std::string out = "<h2>" + esc(text_of(lang, Msg::report_by_line)) + "</h2>\n";
  out += head_row({Msg::col_id, Msg::col_line, Msg::col_lead, Msg::col_expected, Msg::col_progress,
                   Msg::col_signal},
                  lang);
  for (const LineState& ls : ps.now.lines) {
    out += fmt::format(
        "<tr><td class=\"id\">{}</td><td class=\"title\"><a href=\"{}\">{}</a></td>"
        "<td>{}</td><td class=\"num\">{}%</td><td class=\"num\">{}%</td>{}</tr>\n",
        ls.line->id.value, line_path(*ls.line), esc(ls.line->title.value),
        esc(codes_text(ls.line->lead)), round_percent(ls.expected), round_percent(ls.progress),
        signal_cell_html(ls.signal, lang));
  }
  return out + "</tbody>\n</table>\n";
}

std::string attention(const PlanSite& ps) {
  const Language lang = ps.lang;
  const auto list = attention_list(ps.now);
  std::string out =
      fmt::format("<h2>{} ({})</h2>\n", esc(text_of(lang, Msg::label_attention)), list.size());
  if (list.empty())
    return out + "<p>" + esc(text_of(lang, Msg::label_nothing_late)) + "</p>\n";
  out += "<ul>\n";
  for (const ActivityState* s : list) {
    out += fmt::format(
        "<li><a href=\"{}\">{} {}</a> — {} · {} · {}", activity_path(*s->line, *s->activity),
        format_address(*s->line, *s->activity), esc(s->activity->title.value),
        esc(codes_text(lead_of(*s->line, *s->activity))),
        esc(tr(lang, Msg::ends_on, long_date(lang, s->end))), esc(status_text(*s, lang)));
    out += " " + signal_span(s->signal, lang) + "</li>\n";
  }
  return out + "</ul>\n";
}

std::string cutoffs_list(const PlanSite& ps) {
  const Language lang = ps.lang;
  std::string out = "<h2>" + esc(text_of(lang, Msg::site_cutoffs)) + "</h2>\n";
  if (ps.cutoffs.empty())
    return out + "<p>" + esc(text_of(lang, Msg::site_no_cutoffs)) + "</p>\n";
  out += "<ul>\n";
  for (const Cutoff& c : ps.cutoffs) {
    out += fmt::format("<li><a href=\"{}\">{}</a></li>\n", cutoff_path(c),
                       esc(tr(lang, Msg::site_cutoff_link, c.name, long_date(lang, c.date))));
  }
  return out + "</ul>\n";
}

}  // namespace

std::string plan_index(const PlanSite& ps) {
  const Language lang = ps.lang;
  std::string main = summary(ps) + lines_table(ps) + attention(ps);
  main += "<h2>" + esc(text_of(lang, Msg::site_chart)) + "</h2>\n";
  main += "<p id=\"chart-desc\">" +
          esc(tr(lang, Msg::site_chart_desc, long_date(lang, ps.now.as_of))) + "</p>\n";
  main += "<div class=\"wide\" tabindex=\"0\" role=\"region\" aria-label=\"" +
          esc(text_of(lang, Msg::site_chart)) + "\">\n" + render_timeline_svg(ps.now, lang) +
          "</div>\n";
  main +=
      "<h3>" + esc(text_of(lang, Msg::site_chart_table)) + "</h3>\n" + timeline_table(ps.now, lang);
  main += cutoffs_list(ps) + downloads_section(ps, "");
  Frame f = plan_frame(ps, ps.plan->title.value);
  return page(f, accessible_tables(main));
}

std::string line_page(const PlanSite& ps, const LineState& ls) {
  const Language lang = ps.lang;
  const Plan& p = *ps.plan;
  const Line& line = *ls.line;
  const std::string title =
      fmt::format("{} {} — {}", text_of(lang, Msg::label_line), line.id.value, line.title.value);
  std::string main = "<h1>" + esc(title) + "</h1>\n<dl>\n";
  main += field(lang, Msg::label_objective, esc(line.objective.value));
  main += field(lang, Msg::label_lead, esc(owner_names(p, line.lead, lang)));
  main += field(lang, Msg::label_support, esc(owner_names(p, line.support, lang)));
  main += field(lang, Msg::label_product, esc(line.product.value));
  main += field(lang, Msg::label_progress,
                percent_text(ls.progress, ls.expected, lang) + " " + signal_span(ls.signal, lang));
  main += "</dl>\n<h2>" + esc(text_of(lang, Msg::label_activities)) + "</h2>\n";
  main += head_row({Msg::col_id, Msg::col_activity, Msg::col_lead, Msg::col_start, Msg::col_end,
                    Msg::col_progress, Msg::col_expected, Msg::col_status, Msg::col_signal},
                   lang);
  for (const ActivityState& s : ls.activities) {
    main += fmt::format(
        "<tr><td class=\"id\">{}</td><td class=\"title\"><a href=\"{}\">{}</a></td><td>{}</td>"
        "<td class=\"date\">{}</td><td class=\"date\">{}</td><td class=\"num\">{}%</td>"
        "<td class=\"num\">{}%</td><td class=\"status\">{}</td>{}</tr>\n",
        format_address(line, *s.activity), activity_path(line, *s.activity),
        esc(s.activity->title.value), esc(codes_text(lead_of(line, *s.activity))), s.start, s.end,
        s.progress, round_percent(s.expected), esc(status_text(s, lang)),
        signal_cell_html(s.signal, lang));
  }
  main += "</tbody>\n</table>\n" + downloads_section(ps, "");
  return page(plan_frame(ps, title + " · " + p.title.value), accessible_tables(main));
}

}  // namespace plan::site
