// render/site_chart.cpp: the timeline as an inline SVG chart, and the table
// that says the same in words.
#include <algorithm>
#include <cmath>

#include "plan/address.h"
#include "plan/render/report.h"
#include "plan/render/style.h"
#include "site_parts.h"

namespace plan {
namespace {

constexpr int kWidth = 1000;
constexpr int kLabel = 64;  // the addresses' column
constexpr int kRight = 12;
constexpr int kTop = 34;  // the months' row
constexpr int kRow = 20;
constexpr int kBar = 12;

// Each colour has at least 3:1 against the bar's light background (WCAG's
// contrast for graphics); the semáforo's word is in the title and table.
std::string_view fill_of(Signal s) {
  switch (s) {
  case Signal::green:
    return "#1a7f37";
  case Signal::yellow:
    return "#8a5a00";
  case Signal::red:
    return "#c21d2a";
  default:
    return "#595959";
  }
}

struct Scale {
  int first = 0;  // the period's first day, in days
  int span = 1;   // days in the period
  double x(const Date& d) const {
    const int day = std::clamp(d.days(), first, first + span);
    return kLabel + (kWidth - kLabel - kRight) * double(day - first) / span;
  }
};

std::string num(double v) { return fmt::format("{:.1f}", v); }

// A tick and the month's short name at each month's first day (every
// second or third month on a long plan).
std::string months(const Scale& sc, const Date& start, const Date& end, Language lang, int height) {
  const int count = (end.year - start.year) * 12 + end.month - start.month + 1;
  const int step = std::max(1, (count + 23) / 24);
  std::string out;
  int i = 0;
  for (Date d{start.year, start.month, 1}; d <= end; ++i) {
    const double x = sc.x(std::max(d, start));
    out += fmt::format("<line x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\" stroke=\"#d0d0d0\"/>\n",
                       num(x), kTop - 6, height - 4);
    if (i % step == 0) {
      std::string label(month_abbr(lang, d.month));
      if (d.month == 1 || i == 0)
        label += fmt::format(" {}", d.year);
      out += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"12\" fill=\"#1b1b1b\">{}</text>\n",
                         num(x + 3), kTop - 12, html_escape(label));
    }
    d = d.month == 12 ? Date{d.year + 1, 1, 1} : Date{d.year, d.month + 1, 1};
  }
  return out;
}

std::string bar(const Scale& sc, const ActivityState& s, Language lang, int y) {
  const std::string address = format_address(*s.line, *s.activity);
  const double x0 = sc.x(s.start);
  const double x1 = std::max(sc.x(s.end), x0 + 2);
  const double done = (x1 - x0) * std::clamp(s.progress, 0, 100) / 100.0;
  std::string words =
      fmt::format("{} {}: {} · {}", address, s.activity->title.value,
                  tr(lang, Msg::progress_vs_expected, s.progress, round_percent(s.expected)),
                  status_text(s, lang));
  if (s.signal != Signal::none)
    words += " · " + std::string(text_of(lang, signal_word(s.signal)));
  std::string out = "<g><title>" + html_escape(words) + "</title>";
  out += fmt::format("<text x=\"4\" y=\"{}\" font-size=\"12\" fill=\"#1b1b1b\">{}</text>",
                     y + kBar - 1, address);
  out += fmt::format(
      "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"#ececec\" stroke=\"#767676\" "
      "stroke-width=\"0.5\"/>",
      num(x0), y, num(x1 - x0), kBar);
  if (done > 0) {
    out += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\"/>", num(x0),
                       y, num(done), kBar, fill_of(s.signal));
  }
  return out + "</g>\n";
}

}  // namespace

std::string render_timeline_svg(const PlanState& st, Language lang) {
  const Date start = st.plan->period_start.date.first();
  const Date end = st.plan->period_end.date.last();
  const Scale sc{start.days(), std::max(1, end.days() - start.days() + 1)};
  size_t rows = 0;
  for (const LineState& ls : st.lines) rows += ls.activities.size();
  const int height = kTop + int(rows) * kRow + 8;
  std::string out = fmt::format(
      "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {} {}\" "
      "role=\"img\" aria-labelledby=\"chart-title\" aria-describedby=\"chart-desc\">\n"
      "<title id=\"chart-title\">{}</title>\n",
      kWidth, height,
      html_escape(fmt::format("{}: {}", text_of(lang, Msg::site_chart), st.plan->title.value)));
  out += months(sc, start, end, lang, height);
  int y = kTop;
  for (const LineState& ls : st.lines) {
    for (const ActivityState& s : ls.activities) {
      out += bar(sc, s, lang, y + (kRow - kBar) / 2);
      y += kRow;
    }
  }
  if (st.as_of >= start && st.as_of <= end) {
    out += fmt::format(
        "<line x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\" stroke=\"#1b1b1b\" stroke-width=\"2\" "
        "stroke-dasharray=\"5 3\"/>\n",
        num(sc.x(st.as_of)), kTop - 4, height - 2);
  }
  return out + "</svg>\n";
}

namespace site {

std::string timeline_table(const PlanState& st, Language lang) {
  std::string out = "<table>\n<thead><tr>";
  for (Msg m : {Msg::col_id, Msg::col_activity, Msg::col_start, Msg::col_end, Msg::col_progress,
                Msg::col_expected, Msg::col_status, Msg::col_signal})
    out += "<th>" + esc(text_of(lang, m)) + "</th>";
  out += "</tr></thead>\n<tbody>\n";
  for (const LineState& ls : st.lines) {
    for (const ActivityState& s : ls.activities) {
      out += fmt::format(
          "<tr><td class=\"id\">{}</td><td class=\"title\"><a href=\"{}\">{}</a></td>"
          "<td class=\"date\">{}</td><td class=\"date\">{}</td><td class=\"num\">{}%</td>"
          "<td class=\"num\">{}%</td><td class=\"status\">{}</td>{}</tr>\n",
          format_address(*s.line, *s.activity), activity_path(*s.line, *s.activity),
          esc(s.activity->title.value), s.start, s.end, s.progress, round_percent(s.expected),
          esc(status_text(s, lang)), signal_cell_html(s.signal, lang));
    }
  }
  return out + "</tbody>\n</table>\n";
}

}  // namespace site
}  // namespace plan
