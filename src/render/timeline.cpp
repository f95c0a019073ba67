// render/timeline.cpp: the Gantt chart.
#include "plan/render/timeline.h"

#include <algorithm>
#include <cmath>

#include "plan/address.h"
#include "plan/render/style.h"
#include "plan/render/table.h"

namespace plan {
namespace {

const char* const kEighths[] = {" ", "▏", "▎", "▍", "▌", "▋", "▊", "▉", "█"};

std::string status_symbol(Status s, bool ascii) {
  switch (s) {
  case Status::done:
    return ascii ? "+" : "✓";
  case Status::in_progress:
    return ascii ? ">" : "▶";
  case Status::late:
    return "!";
  case Status::blocked:
    return ascii ? "@" : "■";
  case Status::not_started:
    return ascii ? "." : "·";
  case Status::cancelled:
    return ascii ? "x" : "✗";
  }
  return " ";
}

// Maps days onto chart columns. When every month can have two columns or
// more, each month gets the same whole number of columns (labels line up,
// a bar that starts on the 1st starts on a column's edge) and days spread
// evenly inside their month; otherwise time maps linearly onto the width.
class Scale {
 public:
  Scale(const Date& from, const Date& to, int cols)
      : from_(from), to_(to), first_(from.days()), days_(to.days() - from.days() + 1) {
    months_ = (to.year - from.year) * 12 + to.month - from.month + 1;
    per_month_ = cols / months_;
    cols_ = per_month_ >= 2 ? per_month_ * months_ : cols;
  }

  // Column position (fractional) of the start of a day.
  double x(int day) const {
    if (per_month_ < 2)
      return static_cast<double>(day - first_) / days_ * cols_;
    const Date d = Date::from_days(std::clamp(day, first_, first_ + days_));
    if (day >= first_ + days_)
      return cols_;
    const int index = (d.year - from_.year) * 12 + d.month - from_.month;
    // Within the month, only the part inside [from, to] is drawn.
    const int lo = std::max(Date{d.year, d.month, 1}.days(), first_);
    const int hi =
        std::min(Date{d.year, d.month, days_in_month(d.year, d.month)}.days(), first_ + days_ - 1);
    return per_month_ * (index + static_cast<double>(day - lo) / (hi - lo + 1));
  }
  double x(const Date& d) const { return x(d.days()); }
  int cols() const { return cols_; }
  bool contains(const Date& d) const { return d.days() >= first_ && d.days() < first_ + days_; }

 private:
  Date from_;
  Date to_;
  int first_;
  int days_;
  int months_ = 1;
  int per_month_ = 0;
  int cols_ = 1;
};

struct Row {
  std::string label;  // plain text, fitted later
  bool heading = false;
  const ActivityState* activity = nullptr;
};

class Chart {
 public:
  Chart(const PlanState& st, const TimelineOptions& opts, Language lang, const Terminal& term)
      : st_(st), opts_(opts), lang_(lang), term_(term) {}

  std::string render() {
    collect_rows();
    layout();
    std::string out;
    out += header();
    for (const Row& r : rows_) out += r.heading ? heading(r) : activity_row(r);
    out += legend();
    return out;
  }

 private:
  void collect_rows() {
    if (opts_.group == TimelineGroup::line) {
      for (const LineState& ls : st_.lines) {
        rows_.push_back(
            {fmt::format("{} {}", ls.line->id.value, ls.line->title.value), true, nullptr});
        for (const ActivityState& s : ls.activities) rows_.push_back(activity_label(s));
      }
      return;
    }
    for (const Owner& o : st_.plan->owners) {
      std::vector<Row> mine;
      for (const LineState& ls : st_.lines) {
        for (const ActivityState& s : ls.activities) {
          for (const Text& c : lead_of(*s.line, *s.activity).codes) {
            if (c.value == o.code.value)
              mine.push_back(activity_label(s));
          }
        }
      }
      if (mine.empty())
        continue;
      rows_.push_back({o.name.value.empty()
                           ? o.code.value
                           : tr(lang_, Msg::owner_group, o.code.value, o.name.value),
                       true, nullptr});
      rows_.insert(rows_.end(), mine.begin(), mine.end());
    }
  }

  Row activity_label(const ActivityState& s) const {
    return {fmt::format("{} {}", format_address(*s.line, *s.activity), s.activity->title.value),
            false, &s};
  }

  void layout() {
    const int width = term_.width;
    int natural = 0;
    owner_w_ = 0;
    for (const Row& r : rows_) {
      natural = std::max(natural, display_width(r.label) + (r.heading ? 0 : 4));
      if (r.activity != nullptr) {
        owner_w_ = std::max(
            owner_w_, display_width(codes_text(lead_of(*r.activity->line, *r.activity->activity))));
      }
    }
    owner_w_ = std::min(owner_w_, 12);
    label_w_ = std::min(natural, std::max(14, width * 3 / 10));
    int chart = width - label_w_ - 1;
    // The owner column goes when the chart would get too narrow for it.
    show_owner_ = chart - owner_w_ - 1 >= 24;
    if (show_owner_)
      chart -= owner_w_ + 1;
    scale_ = Scale(opts_.from, opts_.to, std::max(chart, 4));
    chart_w_ = scale_.cols();
    marker_ = -1;
    if (scale_.contains(st_.as_of)) {
      // The column holding the middle of the as-of day.
      const double mid = (scale_.x(st_.as_of) + scale_.x(st_.as_of.days() + 1)) / 2;
      marker_ = std::min(chart_w_ - 1, static_cast<int>(std::floor(mid)));
    }
  }

  // Month starts in the range, with their columns.
  std::vector<std::pair<Date, int>> months() const {
    std::vector<std::pair<Date, int>> out;
    Date d{opts_.from.year, opts_.from.month, 1};
    while (d <= opts_.to) {
      const Date shown = d < opts_.from ? opts_.from : d;
      out.emplace_back(d, static_cast<int>(std::floor(scale_.x(shown))));
      d = d.month == 12 ? Date{d.year + 1, 1, 1} : Date{d.year, d.month + 1, 1};
    }
    return out;
  }

  // Places labels at columns, skipping those that would touch the last.
  static std::string place(const std::vector<std::pair<int, std::string>>& labels, int width) {
    std::string line;
    int at = 0;
    for (const auto& [col, text] : labels) {
      if (col < at || col + display_width(text) > width)
        continue;
      line += std::string(col - at, ' ') + text;
      at = col + display_width(text) + 1;
      line += ' ';
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    return line;
  }

  std::string header() const {
    const auto ms = months();
    // Month labels: three letters when every month has room, else one.
    int min_gap = chart_w_;
    for (size_t i = 0; i + 1 < ms.size(); ++i)
      min_gap = std::min(min_gap, ms[i + 1].second - ms[i].second);
    if (ms.size() == 1)
      min_gap = chart_w_;
    const bool initials = min_gap < 4 && min_gap >= 2;
    std::vector<std::pair<int, std::string>> month_labels;
    std::vector<std::pair<int, std::string>> year_labels;
    int last_year = 0;
    for (const auto& [d, col] : ms) {
      std::string abbr(month_abbr(lang_, d.month));
      if (initials)
        abbr = abbr.substr(0, 1);
      month_labels.emplace_back(col, abbr);
      if (d.year != last_year) {
        year_labels.emplace_back(col, std::to_string(d.year));
        last_year = d.year;
      }
    }
    const std::string pad(label_w_ + 1, ' ');
    std::string out = pad + place(year_labels, chart_w_) + "\n";
    out += pad + paint(term_, Style::bold, place(month_labels, chart_w_)) + "\n";
    if (marker_ >= 0) {
      out += pad + std::string(marker_, ' ') +
             paint(term_, Style::yellow, opts_.ascii ? "v" : "▼") + "\n";
    }
    return out;
  }

  std::string background(int cols_from, int cols_to) const {
    std::string out;
    for (int i = cols_from; i < cols_to; ++i) {
      out += i == marker_ ? paint(term_, Style::yellow, opts_.ascii ? "|" : "│") : " ";
    }
    return out;
  }

  std::string heading(const Row& r) const {
    std::string line = paint(term_, Style::bold, pad_right(truncate(r.label, label_w_), label_w_));
    std::string chart = background(0, chart_w_);
    line += " " + chart;
    return trim(line) + "\n";
  }

  std::string activity_row(const Row& r) const {
    const ActivityState& s = *r.activity;
    const std::string symbol =
        paint(term_, status_style(s.status), status_symbol(s.status, opts_.ascii));
    const std::string label = "  " + symbol + " " + truncate(r.label, label_w_ - 4);
    std::string line =
        label +
        std::string(std::max(0, label_w_ - 4 - display_width(truncate(r.label, label_w_ - 4))),
                    ' ');
    line += " " + bar(s);
    if (show_owner_) {
      line += " " + truncate(codes_text(lead_of(*s.line, *s.activity)), owner_w_);
    }
    return trim(line) + "\n";
  }

  // The bar of one activity across the chart's columns.
  std::string bar(const ActivityState& s) const {
    const double a = std::max(0.0, scale_.x(s.start));
    const double b = std::min(static_cast<double>(chart_w_), scale_.x(s.end.days() + 1));
    if (b <= 0 || a >= chart_w_ || b <= a)
      return background(0, chart_w_);
    const double done_to = a + (b - a) * std::clamp(s.progress, 0, 100) / 100.0;
    const Style style = status_style(s.status);
    const std::string full_done = opts_.ascii ? "#" : "█";
    const std::string full_rest = opts_.ascii ? "=" : (s.status == Status::cancelled ? "╌" : "░");
    std::string out;
    for (int i = 0; i < chart_w_; ++i) {
      const double lo = std::max(a, static_cast<double>(i));
      const double hi = std::min(b, static_cast<double>(i + 1));
      if (hi <= lo) {
        out += i == marker_ ? paint(term_, Style::yellow, opts_.ascii ? "|" : "│") : " ";
        continue;
      }
      const bool done = (lo + hi) / 2 < done_to;
      std::string cell;
      const double cover = hi - lo;
      if (cover >= 0.9375 || opts_.ascii) {
        cell = done ? full_done : full_rest;
      } else if (lo > i) {
        // The bar starts inside this cell: only right-hand blocks fit.
        cell = cover >= 0.375 ? "▐" : "▕";
      } else {
        cell = kEighths[std::clamp(static_cast<int>(std::lround(cover * 8)), 1, 8)];
      }
      out += paint(term_, done ? style : Style::dim, cell);
    }
    return out;
  }

  std::string legend() const {
    std::vector<std::string> items = {
        (opts_.ascii ? "# " : "█ ") + std::string(text_of(lang_, Msg::legend_done_share)),
        (opts_.ascii ? "= " : "░ ") + std::string(text_of(lang_, Msg::legend_remaining)),
        (opts_.ascii ? "| " : "│ ") + tr(lang_, Msg::legend_as_of, long_date(lang_, st_.as_of))};
    for (Status s : {Status::done, Status::in_progress, Status::late, Status::blocked,
                     Status::not_started, Status::cancelled}) {
      items.push_back(status_symbol(s, opts_.ascii) + " " +
                      std::string(text_of(lang_, status_word(s))));
    }
    std::string out = "\n";
    std::string line;
    for (const std::string& it : items) {
      if (!line.empty() && display_width(line) + 3 + display_width(it) > term_.width) {
        out += line + "\n";
        line.clear();
      }
      line += (line.empty() ? "" : "   ") + truncate(it, term_.width);
    }
    return out + line + "\n";
  }

  static std::string trim(std::string s) {
    while (!s.empty() && s.back() == ' ') s.pop_back();
    return s;
  }

  const PlanState& st_;
  const TimelineOptions& opts_;
  Language lang_;
  const Terminal& term_;
  std::vector<Row> rows_;
  int label_w_ = 0;
  int owner_w_ = 0;
  bool show_owner_ = false;
  int chart_w_ = 0;
  int marker_ = -1;
  Scale scale_{Date{2021, 1, 1}, Date{2021, 12, 31}, 1};
};

}  // namespace

std::string render_timeline(const PlanState& state, const TimelineOptions& opts, Language lang,
                            const Terminal& term) {
  return Chart(state, opts, lang, term).render();
}

}  // namespace plan
