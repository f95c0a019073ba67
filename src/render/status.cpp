// render/status.cpp: the status screen and its JSON twin.
#include "plan/render/status.h"

#include <algorithm>
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

}  // namespace

std::string render_status_text(const PlanState& st, Language lang, const Terminal& term,
                               bool ascii) {
  const Plan& plan = *st.plan;
  const int width = term.width;
  std::string out;
  // Header.
  out += paint(term, Style::bold, truncate(plan.title.value, width)) + "\n";
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
  std::string line;
  for (const std::string& f : facts) {
    const std::string sep = line.empty() ? "" : " · ";
    if (!line.empty() && display_width(line) + display_width(sep + f) > width) {
      out += line + "\n";
      line.clear();
    }
    line += (line.empty() ? "" : " · ") + truncate(f, width);
  }
  out += line + "\n\n";

  // Overall progress.
  const std::string label = std::string(text_of(lang, Msg::label_plan_progress)) + ": ";
  const std::string figures = fmt::format("  {:>3}%  {}  {}", round_percent(st.progress),
                                          tr(lang, Msg::expected_short, round_percent(st.expected)),
                                          signal_text(term, st.signal, lang, ascii));
  const Terminal plain{width, false};
  const int figures_w =
      display_width(fmt::format("  {:>3}%  {}  {}", 100, tr(lang, Msg::expected_short, 100),
                                signal_text(plain, st.signal, lang, ascii)));
  // On a narrow terminal the bar moves under its label.
  const bool stacked = width - display_width(label) - figures_w < 10;
  const int bar_w = std::clamp(width - figures_w - (stacked ? 0 : display_width(label)), 4, 40);
  out += (stacked ? paint(term, Style::bold, label.substr(0, label.size() - 1)) + "\n"
                  : paint(term, Style::bold, label)) +
         progress_bar(term, st.progress, st.expected, bar_w, ascii, signal_style(st.signal)) +
         figures + "\n\n";

  // One row per line.
  int lead_natural = display_width(text_of(lang, Msg::col_lead));
  int title_natural = display_width(text_of(lang, Msg::col_line));
  int signal_w = display_width(text_of(lang, Msg::col_signal));
  for (const LineState& ls : st.lines) {
    lead_natural = std::max(lead_natural, display_width(codes_text(ls.line->lead)));
    title_natural = std::max(title_natural, display_width(ls.line->title.value));
    signal_w = std::max(signal_w, display_width(signal_text(plain, ls.signal, lang, ascii)));
  }
  const LineColumns c = size_columns(width, lead_natural, title_natural, signal_w);
  auto row = [&](const std::string& id, const std::string& title, const std::string& lead,
                 const std::string& bar, const std::string& pct, const std::string& exp,
                 const std::string& sig) {
    std::string r = pad_left(id, 2) + "  " + pad_right(truncate(title, c.title), c.title);
    if (c.lead_shown)
      r += "  " + pad_right(truncate(lead, c.lead), c.lead);
    r += "  " + bar + "  " + pad_left(pct, 5);
    if (c.expected)
      r += "  " + pad_left(exp, 4);
    r += "  " + sig;
    while (!r.empty() && r.back() == ' ') r.pop_back();
    return r;
  };
  out += paint(term, Style::bold,
               row("", std::string(text_of(lang, Msg::col_line)),
                   std::string(text_of(lang, Msg::col_lead)),
                   pad_right(text_of(lang, Msg::col_progress), c.bar), "%",
                   std::string(text_of(lang, Msg::col_expected_short)),
                   std::string(text_of(lang, Msg::col_signal)))) +
         "\n";
  for (const LineState& ls : st.lines) {
    out += row(std::to_string(ls.line->id.value), ls.line->title.value, codes_text(ls.line->lead),
               progress_bar(term, ls.progress, ls.expected, c.bar, ascii, signal_style(ls.signal)),
               fmt::format("{}%", round_percent(ls.progress)),
               fmt::format("{}%", round_percent(ls.expected)),
               signal_text(term, ls.signal, lang, ascii)) +
           "\n";
  }
  out += "\n";

  // Counts by status, wrapped at the width.
  std::vector<std::string> counts;
  for (size_t i = 0; i < kStatusCount; ++i) {
    const Msg word = st.counts[i] == 1 ? status_word(static_cast<Status>(i)) : kPlurals[i];
    const std::string text = fmt::format("{} {}", st.counts[i], text_of(lang, word));
    counts.push_back(st.counts[i] > 0 ? paint(term, status_style(static_cast<Status>(i)), text)
                                      : text);
  }
  line = std::string(text_of(lang, Msg::label_activities)) + ":";
  for (const std::string& cnt : counts) {
    if (display_width(line) + 3 + display_width(cnt) > width) {
      out += line + "\n";
      line = " ";
    }
    line += (line.back() == ':' || line == " " ? " " : " · ") + cnt;
  }
  out += line + "\n\n";

  // Attention list.
  const auto attention = attention_list(st);
  out += paint(term, Style::bold,
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
  for (const ActivityState* s : attention) {
    const std::string addr = format_address(*s->line, *s->activity);
    const std::string tail =
        pad_right(truncate(codes_text(lead_of(*s->line, *s->activity)), lead_w), lead_w) + "  " +
        tr(lang, Msg::ends_on, fmt::format("{}", s->end));
    std::vector<std::string> behind;
    if (s->status == Status::blocked)
      behind.emplace_back(text_of(lang, Msg::status_blocked));
    if (points_behind(*s) > 0)
      behind.push_back(tr(lang, Msg::points_behind, points_behind(*s)));
    if (s->days_late == 1) {
      behind.push_back(std::string(text_of(lang, Msg::one_day_late)));
    } else if (s->days_late > 1) {
      behind.push_back(tr(lang, Msg::days_late, s->days_late));
    }
    std::string how;
    for (const std::string& b : behind) how += (how.empty() ? "" : " · ") + b;
    const std::string head = "  " + pad_right(addr, 5) + " ";
    const int indent = display_width(head);
    const int title_room = width - indent - display_width(tail) - 2;
    if (title_room >= 12) {
      out += head + pad_right(truncate(s->activity->title.value, title_room), title_room) + "  " +
             tail + "\n";
    } else {
      out += head + truncate(s->activity->title.value, width - indent) + "\n";
      out += std::string(indent, ' ') + truncate(tail, width - indent) + "\n";
    }
    out += std::string(indent, ' ') + paint(term, Style::red, truncate(how, width - indent)) + "\n";
  }
  return out;
}

std::string render_status_json(const std::vector<PlanState>& states) {
  using Json = nlohmann::ordered_json;
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
      att.push_back(std::move(a));
    }
    j["attention"] = std::move(att);
    arr.push_back(std::move(j));
  }
  return json_text(arr) + "\n";
}

}  // namespace plan
