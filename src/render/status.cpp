// render/status.cpp: the status screen and its JSON twin.
#include "plan/render/status.h"

#include <algorithm>
#include <array>
#include <nlohmann/json.hpp>

#include "json_text.h"
#include "plan/address.h"
#include "plan/render/style.h"
#include "plan/render/table.h"

namespace plan {

std::vector<const ActivityState*> attention_list(const PlanState& state) {
  std::vector<const ActivityState*> out;
  for (const LineState& ls : state.lines) {
    for (const ActivityState& s : ls.activities) {
      if (s.status == Status::late || s.signal == Signal::red)
        out.push_back(&s);
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const ActivityState* a, const ActivityState* b) {
    if (a->days_late != b->days_late)
      return a->days_late > b->days_late;
    return a->expected - a->progress > b->expected - b->progress;
  });
  return out;
}

namespace {

constexpr Msg kPlurals[kStatusCount] = {Msg::plural_done,    Msg::plural_in_progress,
                                        Msg::plural_late,    Msg::plural_not_started,
                                        Msg::plural_blocked, Msg::plural_cancelled};

int done_late_count(const PlanState& st) {
  int n = 0;
  for (const LineState& ls : st.lines) {
    for (const ActivityState& s : ls.activities) {
      if (s.status == Status::done && s.done_late > 0)
        ++n;
    }
  }
  return n;
}

int points_behind(const ActivityState& s) {
  return std::max(0, round_percent(s.expected) - s.progress);
}

std::string month_text(Language lang, const ParsedDate& d, bool end) {
  if (d.precision == DatePrecision::month)
    return month_year(lang, d.year, d.month);
  return long_date(lang, end ? d.last() : d.first());
}

struct LineColumns {
  int title = 0;
  int lead = 0;
  int bar = 0;
  bool expected = true;
  bool lead_shown = true;
};

// Sizes the line table's columns for the width: the bar and the title
// share what is left after the fixed columns, and optional columns go
// first when the width is tight.
LineColumns size_columns(int width, int lead_natural, int title_natural, int signal_w) {
  LineColumns c;
  c.lead = std::min(lead_natural, 12);
  auto fixed = [&] {
    // id, title gap, lead, bar gap, percent, expected, signal.
    return 2 + 2 + (c.lead_shown ? c.lead + 2 : 0) + 2 + 2 + 5 + (c.expected ? 6 : 0) + 2 +
           signal_w;
  };
  if (width - fixed() < 12 + 8)
    c.expected = false;
  if (width - fixed() < 12 + 8)
    c.lead_shown = false;
  const int room = std::max(width - fixed(), 10);
  c.bar = std::clamp(room / 3, 6, 30);
  c.title = std::max(4, std::min(title_natural, room - c.bar));
  c.bar = std::max(4, room - c.title);
  c.bar = std::min(c.bar, 30);
  return c;
}

// How wrap_list lays out a list: what begins the first line and each
// continued one, what sets a line's first item apart from that beginning,
// and whether an item wider than the screen is cut.
struct ListLayout {
  std::string head;
  std::string indent;
  std::string lead;
  bool cut = false;
};

// The facts under the title and the counts by status share one layout
// rule: items joined by " · ", a new line before an item that would pass
// the width. No trailing line break.
std::string wrap_list(const std::vector<std::string>& items, int width, const ListLayout& layout) {
  std::string out;
  std::string line = layout.head;
  for (const std::string& item : items) {
    if (!line.empty() && display_width(line) + display_width(" · " + item) > width) {
      out += line + "\n";
      line = layout.indent;
    }
    const bool first = line == layout.head || line == layout.indent;
    line += (first ? layout.lead : " · ") + (layout.cut ? truncate(item, width) : item);
  }
  return out + line;
}

// The title, then entity, period and as-of date.
std::string header_text(const PlanState& st, Language lang, const Terminal& term) {
  const Plan& plan = *st.plan;
  std::string out = paint(term, Style::bold, truncate(plan.title.value, term.width)) + "\n";
  std::vector<std::string> facts;
  if (!plan.entity.value.empty())
    facts.push_back(plan.entity.value);
  if (plan.period_start.ok && plan.period_end.ok) {
    facts.push_back(
        fmt::format("{}: {}", text_of(lang, Msg::label_period),
                    tr(lang, Msg::period_text, month_text(lang, plan.period_start.date, false),
                       month_text(lang, plan.period_end.date, true))));
  }
  facts.push_back(
      fmt::format("{}: {}", text_of(lang, Msg::label_as_of), long_date(lang, st.as_of)));
  return out + wrap_list(facts, term.width, {"", "", "", true}) + "\n\n";
}

std::string overall_text(const PlanState& st, Language lang, const Terminal& term, bool ascii) {
  const int width = term.width;
  const std::string label = std::string(text_of(lang, Msg::label_plan_progress)) + ": ";
  const std::string figures = fmt::format("  {:>3}%  {}  {}", round_percent(st.progress),
                                          tr(lang, Msg::expected_short, round_percent(st.expected)),
                                          signal_text(term, st.signal, lang, ascii));
  // Measured at 100% so the bar does not change length with the figures.
  const Terminal plain{width, false};
  const int figures_w =
      display_width(fmt::format("  {:>3}%  {}  {}", 100, tr(lang, Msg::expected_short, 100),
                                signal_text(plain, st.signal, lang, ascii)));
  // On a narrow terminal the bar moves under its label.
  const bool stacked = width - display_width(label) - figures_w < 10;
  const int bar_w = std::clamp(width - figures_w - (stacked ? 0 : display_width(label)), 4, 40);
  return (stacked ? paint(term, Style::bold, label.substr(0, label.size() - 1)) + "\n"
                  : paint(term, Style::bold, label)) +
         progress_bar(term, st.progress, st.expected, bar_w, ascii, signal_style(st.signal)) +
         figures + "\n\n";
}

// The widest cell of each column decides how the width is shared out.
LineColumns line_columns(const PlanState& st, Language lang, const Terminal& term, bool ascii) {
  const Terminal plain{term.width, false};
  int lead_natural = display_width(text_of(lang, Msg::col_lead));
  int title_natural = display_width(text_of(lang, Msg::col_line));
  int signal_w = display_width(text_of(lang, Msg::col_signal));
  for (const LineState& ls : st.lines) {
    lead_natural = std::max(lead_natural, display_width(codes_text(ls.line->lead)));
    title_natural = std::max(title_natural, display_width(ls.line->title.value));
    signal_w = std::max(signal_w, display_width(signal_text(plain, ls.signal, lang, ascii)));
  }
  return size_columns(term.width, lead_natural, title_natural, signal_w);
}

// One row of the line table: id, title, lead, bar, percent, expected, signal.
std::string line_row(const LineColumns& c, const std::array<std::string, 7>& cells) {
  const auto& [id, title, lead, bar, pct, exp, sig] = cells;
  std::string r = pad_left(id, 2) + "  " + pad_right(truncate(title, c.title), c.title);
  if (c.lead_shown)
    r += "  " + pad_right(truncate(lead, c.lead), c.lead);
  r += "  " + bar + "  " + pad_left(pct, 5);
  if (c.expected)
    r += "  " + pad_left(exp, 4);
  r += "  " + sig;
  while (!r.empty() && r.back() == ' ') r.pop_back();
  return r;
}

std::string line_table_text(const PlanState& st, Language lang, const Terminal& term, bool ascii) {
  const LineColumns c = line_columns(st, lang, term, ascii);
  std::string out = paint(term, Style::bold,
                          line_row(c, {"", std::string(text_of(lang, Msg::col_line)),
                                       std::string(text_of(lang, Msg::col_lead)),
                                       pad_right(text_of(lang, Msg::col_progress), c.bar), "%",
                                       std::string(text_of(lang, Msg::col_expected_short)),
                                       std::string(text_of(lang, Msg::col_signal))})) +
                    "\n";
  for (const LineState& ls : st.lines) {
    out +=
        line_row(
            c, {std::to_string(ls.line->id.value), ls.line->title.value, codes_text(ls.line->lead),
                progress_bar(term, ls.progress, ls.expected, c.bar, ascii, signal_style(ls.signal)),
                fmt::format("{}%", round_percent(ls.progress)),
                fmt::format("{}%", round_percent(ls.expected)),
                signal_text(term, ls.signal, lang, ascii)}) +
        "\n";
  }
  return out + "\n";
}

std::string counts_text(const PlanState& st, Language lang, const Terminal& term) {
  std::vector<std::string> counts;
  for (size_t i = 0; i < kStatusCount; ++i) {
    const Msg word = st.counts[i] == 1 ? status_word(static_cast<Status>(i)) : kPlurals[i];
    std::string text = fmt::format("{} {}", st.counts[i], text_of(lang, word));
    if (static_cast<Status>(i) == Status::done && done_late_count(st) > 0)
      text += " " + tr(lang, Msg::count_done_late, done_late_count(st));
    counts.push_back(st.counts[i] > 0 ? paint(term, status_style(static_cast<Status>(i)), text)
                                      : text);
  }
  const std::string head = std::string(text_of(lang, Msg::label_activities)) + ":";
  return wrap_list(counts, term.width, {head, " ", " ", false}) + "\n\n";
}

// Why an activity needs attention: blocked, points behind, days late.
std::string behind_text(const ActivityState& s, Language lang) {
  std::vector<std::string> behind;
  if (s.status == Status::blocked)
    behind.emplace_back(text_of(lang, Msg::status_blocked));
  if (points_behind(s) > 0)
    behind.push_back(tr(lang, Msg::points_behind, points_behind(s)));
  if (s.days_late == 1) {
    behind.push_back(std::string(text_of(lang, Msg::one_day_late)));
  } else if (s.days_late > 1) {
    behind.push_back(tr(lang, Msg::days_late, s.days_late));
  }
  std::string how;
  for (const std::string& b : behind) how += (how.empty() ? "" : " · ") + b;
  return how;
}

// An activity that needs attention: address, title, lead and end on one
// line (or two when the title would have too little room), then how far
// behind it is.
std::string attention_item(const ActivityState& s, Language lang, const Terminal& term,
                           int lead_w) {
  const int width = term.width;
  const std::string addr = format_address(*s.line, *s.activity);
  const std::string tail =
      pad_right(truncate(codes_text(lead_of(*s.line, *s.activity)), lead_w), lead_w) + "  " +
      tr(lang, Msg::ends_on, fmt::format("{}", s.end));
  const std::string head = "  " + pad_right(addr, 5) + " ";
  const int indent = display_width(head);
  const int title_room = width - indent - display_width(tail) - 2;
  std::string out;
  if (title_room >= 12) {
    out += head + pad_right(truncate(s.activity->title.value, title_room), title_room) + "  " +
           tail + "\n";
  } else {
    out += head + truncate(s.activity->title.value, width - indent) + "\n";
    out += std::string(indent, ' ') + truncate(tail, width - indent) + "\n";
  }
  return out + std::string(indent, ' ') +
         paint(term, Style::red, truncate(behind_text(s, lang), width - indent)) + "\n";
}

std::string attention_text(const PlanState& st, Language lang, const Terminal& term) {
  const auto attention = attention_list(st);
  std::string out =
      paint(term, Style::bold,
            fmt::format("{} ({})", text_of(lang, Msg::label_attention), attention.size())) +
      "\n";
  if (attention.empty()) {
    out += "  " + std::string(text_of(lang, Msg::label_nothing_late)) + "\n";
  }
  int lead_w = 0;
  for (const ActivityState* s : attention) {
    lead_w = std::max(lead_w, display_width(codes_text(lead_of(*s->line, *s->activity))));
  }
  lead_w = std::min(lead_w, 12);
  for (const ActivityState* s : attention) out += attention_item(*s, lang, term, lead_w);
  return out;
}

// The period's changes on the terminal: the period, each line's points,
// then the updates and the status changes, one or two lines each.
std::string points_rows(const PlanChanges& c, Language lang, const Terminal& term) {
  int title_w = display_width(text_of(lang, Msg::label_plan));
  for (const LineChange& l : c.lines) {
    title_w = std::max(title_w, display_width(l.line->title.value));
  }
  // id, gaps, "100% → 100%", "+100 pp".
  title_w = std::max(4, std::min(title_w, term.width - 2 - 4 - 2 - 11 - 2 - 8));
  auto row = [&](const std::string& id, std::string_view title, double before, double after) {
    std::string r = "  " + pad_left(id, 2) + "  " + pad_right(truncate(title, title_w), title_w) +
                    "  " + pad_left(fmt::format("{}%", round_percent(before)), 4) + " → " +
                    pad_left(fmt::format("{}%", round_percent(after)), 4) + "  " +
                    points_change_text(lang, before, after);
    return r + "\n";
  };
  std::string out;
  for (const LineChange& l : c.lines) {
    out += row(std::to_string(l.line->id.value), l.line->title.value, l.before, l.after);
  }
  return out + row("", text_of(lang, Msg::label_plan), c.before, c.after);
}

// One entry: date, address, title and what changed on one line (the
// change on the next when the title would have too little room), then the
// note, who and the evidence, cut to the width.
std::string change_item(const Terminal& term, const Date& date, const std::string& addr,
                        std::string_view title, const std::string& what,
                        const std::vector<std::string>& details) {
  const std::string head = fmt::format("  {}  {} ", date, pad_right(addr, 5));
  const int indent = display_width(head);
  const int room = term.width - indent - 2 - display_width(what);
  std::string out;
  if (room >= 12) {
    out = head + pad_right(truncate(title, room), room) + "  " + what;
    while (out.back() == ' ') out.pop_back();
    out += "\n";
  } else {
    out = head + truncate(title, term.width - indent) + "\n" + std::string(indent, ' ') +
          truncate(one_line(what), term.width - indent) + "\n";
  }
  std::string more;
  for (const std::string& d : details) {
    if (!d.empty())
      more += (more.empty() ? "" : " · ") + d;
  }
  if (!more.empty())
    out += std::string(indent, ' ') + truncate(more, term.width - indent) + "\n";
  return out;
}

std::vector<std::string> who_and_evidence(const Update& u, Language lang) {
  std::vector<std::string> out = {u.note.value};
  if (!u.by.value.empty())
    out.push_back(fmt::format("{} {}", text_of(lang, Msg::label_by), u.by.value));
  if (!u.evidence.value.empty())
    out.push_back(fmt::format("{}: {}", text_of(lang, Msg::label_evidence), u.evidence.value));
  return out;
}

std::string change_entries(const PlanChanges& c, Language lang, const Terminal& term) {
  // Each section's changes share a width, so that the titles line up.
  std::vector<std::string> progress;
  for (const UpdateChange& u : c.updates) {
    progress.push_back(
        fmt::format("{:>4} → {:>4}", fmt::format("{}%", u.before), fmt::format("{}%", u.after)));
  }
  std::vector<std::string> statuses;
  int status_w = 0;
  for (const StatusChange& s : c.statuses) {
    statuses.push_back(fmt::format("{} → {}", text_of(lang, status_word(s.before)),
                                   text_of(lang, status_word(s.after))));
    status_w = std::max(status_w, display_width(statuses.back()));
  }
  std::string out =
      paint(term, Style::bold, tr(lang, Msg::changes_updates, c.updates.size())) + "\n";
  if (c.updates.empty())
    out += "  " + std::string(text_of(lang, Msg::changes_no_updates)) + "\n";
  for (size_t i = 0; i < c.updates.size(); ++i) {
    const UpdateChange& u = c.updates[i];
    out += change_item(term, u.date, format_address(*u.line, *u.activity), u.activity->title.value,
                       progress[i], who_and_evidence(*u.update, lang));
  }
  out += "\n" + paint(term, Style::bold, tr(lang, Msg::changes_statuses, c.statuses.size())) + "\n";
  if (c.statuses.empty())
    out += "  " + std::string(text_of(lang, Msg::changes_no_statuses)) + "\n";
  for (size_t i = 0; i < c.statuses.size(); ++i) {
    const StatusChange& s = c.statuses[i];
    out += change_item(term, s.date, format_address(*s.line, *s.activity), s.activity->title.value,
                       pad_right(statuses[i], status_w), who_and_evidence(*s.update, lang));
  }
  return out;
}

}  // namespace

std::string render_changes_text(const PlanChanges& c, Language lang, const Terminal& term) {
  std::string out = paint(term, Style::bold, text_of(lang, Msg::changes_title)) + "\n";
  for (const std::string& l :
       wrap(tr(lang, Msg::changes_span, long_date(lang, c.from), long_date(lang, c.to)),
            term.width - 2)) {
    out += "  " + l + "\n";
  }
  if (c.empty())
    return out + "  " + std::string(text_of(lang, Msg::changes_nothing)) + "\n";
  return out + points_rows(c, lang, term) + "\n" + change_entries(c, lang, term);
}

std::string render_status_text(const PlanState& st, Language lang, const Terminal& term,
                               bool ascii) {
  return header_text(st, lang, term) + overall_text(st, lang, term, ascii) +
         line_table_text(st, lang, term, ascii) + counts_text(st, lang, term) +
         attention_text(st, lang, term);
}

namespace {

using Json = nlohmann::ordered_json;

// Each plan's status, as objects of a JSON array.
Json status_json(const std::vector<PlanState>& states) {
  Json arr = Json::array();
  auto signal = [](Signal s) { return s == Signal::none ? Json(nullptr) : Json(signal_code(s)); };
  for (const PlanState& st : states) {
    const Plan& plan = *st.plan;
    Json j;
    j["plan"] = plan.id.value;
    j["title"] = plan.title.value;
    j["entity"] = plan.entity.value;
    j["period"] = {{"start", fmt::format("{}", plan.period_start.date.first())},
                   {"end", fmt::format("{}", plan.period_end.date.last())}};
    j["as_of"] = fmt::format("{}", st.as_of);
    j["progress"] = round_percent(st.progress);
    j["expected"] = round_percent(st.expected);
    j["signal"] = signal(st.signal);
    Json lines = Json::array();
    for (const LineState& ls : st.lines) {
      Json l;
      l["id"] = ls.line->id.value;
      l["title"] = ls.line->title.value;
      Json lead = Json::array();
      for (const Text& t : ls.line->lead.codes) lead.push_back(t.value);
      l["lead"] = lead;
      l["progress"] = round_percent(ls.progress);
      l["expected"] = round_percent(ls.expected);
      l["signal"] = signal(ls.signal);
      lines.push_back(std::move(l));
    }
    j["lines"] = std::move(lines);
    Json counts = Json::object();
    for (size_t i = 0; i < kStatusCount; ++i) {
      counts[std::string(status_code(static_cast<Status>(i)))] = st.counts[i];
    }
    j["counts"] = std::move(counts);
    j["done_late"] = done_late_count(st);
    Json att = Json::array();
    for (const ActivityState* s : attention_list(st)) {
      Json a;
      a["id"] = format_address(*s->line, *s->activity);
      a["title"] = s->activity->title.value;
      Json lead = Json::array();
      for (const Text& t : lead_of(*s->line, *s->activity).codes) lead.push_back(t.value);
      a["lead"] = lead;
      a["end"] = fmt::format("{}", s->end);
      a["progress"] = s->progress;
      a["expected"] = round_percent(s->expected);
      a["points_behind"] = points_behind(*s);
      a["days_late"] = s->days_late;
      a["status"] = status_code(s->status);
      a["signal"] = signal(s->signal);
      a["done_late_days"] = s->done_late;
      a["done_on"] = nullptr;  // what needs attention is not done
      att.push_back(std::move(a));
    }
    j["attention"] = std::move(att);
    arr.push_back(std::move(j));
  }
  return arr;
}

Json update_json(const UpdateChange& u) {
  return {{"id", format_address(*u.line, *u.activity)},
          {"title", u.activity->title.value},
          {"date", fmt::format("{}", u.date)},
          {"before", u.before},
          {"after", u.after},
          {"note", u.update->note.value},
          {"by", u.update->by.value},
          {"evidence", u.update->evidence.value}};
}

Json status_change_json(const StatusChange& s) {
  return {{"id", format_address(*s.line, *s.activity)},
          {"title", s.activity->title.value},
          {"date", fmt::format("{}", s.date)},
          {"before", status_code(s.before)},
          {"after", status_code(s.after)},
          {"note", s.update->note.value},
          {"by", s.update->by.value}};
}

Json points_json(double before, double after) {
  return {{"before", round_percent(before)},
          {"after", round_percent(after)},
          {"change", points_change(before, after)}};
}

Json changes_json(const PlanChanges& c) {
  Json j;
  j["since"] = fmt::format("{}", c.from);
  j["until"] = fmt::format("{}", c.to);
  j["progress"] = points_json(c.before, c.after);
  Json lines = Json::array();
  for (const LineChange& l : c.lines) {
    Json line = {{"id", l.line->id.value}};
    line.update(points_json(l.before, l.after));
    lines.push_back(std::move(line));
  }
  j["lines"] = std::move(lines);
  j["updates"] = Json::array();
  for (const UpdateChange& u : c.updates) j["updates"].push_back(update_json(u));
  j["status_changes"] = Json::array();
  for (const StatusChange& s : c.statuses) j["status_changes"].push_back(status_change_json(s));
  return j;
}

}  // namespace

std::string render_status_json(const std::vector<PlanState>& states,
                               const std::vector<PlanChanges>& changes) {
  Json arr = status_json(states);
  for (size_t i = 0; i < changes.size() && i < arr.size(); ++i) {
    arr[i]["changes"] = changes_json(changes[i]);
  }
  return json_text(arr) + "\n";
}

}  // namespace plan
