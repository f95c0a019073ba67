// render/show.cpp: the detail view.
#include "plan/render/show.h"

#include "plan/goal.h"
#include "plan/render/style.h"
#include "plan/render/table.h"
#include "plan/text.h"

namespace plan {
namespace {

class Sheet {
 public:
  Sheet(Language lang, const Terminal& term) : lang_(lang), term_(term) {}

  void title(const std::string& text) {
    for (const std::string& l : wrap(text, term_.width)) {
      out_ += paint(term_, Style::bold, l) + "\n";
    }
  }

  // "  Label:     value", the value wrapped under itself.
  void field(Msg label, const std::string& value) {
    if (value.empty())
      return;
    const std::string head = fmt::format("  {}:", text_of(lang_, label));
    const int indent = std::max(display_width(head) + 1, kLabelWidth);
    const auto lines = wrap(value, std::max(20, term_.width - indent));
    for (size_t i = 0; i < lines.size(); ++i) {
      out_ += (i == 0 ? pad_right(head, indent) : std::string(indent, ' ')) + lines[i] + "\n";
    }
  }

  void heading(Msg label) { out_ += fmt::format("  {}:\n", text_of(lang_, label)); }

  // "    - text", wrapped with a hanging indent.
  void item(const std::string& text) {
    const auto lines = wrap(text, std::max(20, term_.width - 6));
    for (size_t i = 0; i < lines.size(); ++i) {
      out_ += (i == 0 ? "    - " : "      ") + lines[i] + "\n";
    }
  }

  std::string str() && { return std::move(out_); }

 private:
  static constexpr int kLabelWidth = 15;
  Language lang_;
  const Terminal& term_;
  std::string out_;
};

std::string owner_names(const Plan& plan, const OwnerList& list, Language lang) {
  std::string out;
  for (const Text& c : list.codes) {
    if (!out.empty())
      out += ", ";
    out += c.value;
    const Owner* o = plan.find_owner(c.value);
    if (o != nullptr && !o->name.value.empty()) {
      out += " (" + o->name.value;
      if (o->external)
        out += ", " + std::string(text_of(lang, Msg::label_external));
      out += ")";
    }
  }
  return out;
}

// A number as a plan writes it: 12, 45.5.
std::string number(double v) { return fmt::format("{}", v); }

std::string state_text(const ActivityState& s, Language lang) {
  if (s.signal == Signal::none)
    return status_text(s, lang);
  return tr(lang, Msg::status_with_signal, status_text(s, lang),
            text_of(lang, signal_word(s.signal)));
}

std::string percent(double progress, double expected, Language lang) {
  return tr(lang, Msg::progress_vs_expected, round_percent(progress), round_percent(expected));
}

// An update: its progress, the status it sets, its note, author, evidence.
std::string update_text(const Activity& a, const Update& u, Language lang) {
  std::vector<std::string> what;
  if (u.records_progress())
    what.push_back(progress_text(*a.goal, u.value, u.progress.value, lang));
  if (u.status) {
    what.emplace_back(text_of(lang, *u.status == ActivityFlag::blocked     ? Msg::status_blocked
                                    : *u.status == ActivityFlag::cancelled ? Msg::status_cancelled
                                                                           : Msg::status_resumed));
  }
  std::string text = fmt::format("{}: {}", long_date(lang, u.date.date.last()), join(what, ", "));
  if (!u.note.value.empty())
    text += " — " + u.note.value;
  if (!u.by.value.empty())
    text += fmt::format(" ({} {})", text_of(lang, Msg::label_by), u.by.value);
  if (!u.evidence.value.empty())
    text += fmt::format(" [{}: {}]", text_of(lang, Msg::label_evidence), u.evidence.value);
  return text;
}

// The goal, the programme and the reviews, where the activity has them.
void show_goal(Sheet& sheet, const Activity& a, Language lang) {
  const Goal& g = *a.goal;
  if (g.present) {
    sheet.field(Msg::label_goal, tr(lang, Msg::goal_text, g.indicator.value, number(g.target.value),
                                    g.unit.value, goal_kind_word(g.kind)));
  }
  if (!a.programme.empty()) {
    sheet.heading(Msg::label_programme);
    for (const Milestone& m : a.programme) {
      sheet.item(fmt::format("{}: {}", long_date(lang, m.by.date.last()),
                             progress_text(g, m.value, m.progress.value, lang)));
    }
  }
  if (a.reviews.empty())
    return;
  sheet.heading(Msg::label_reviews);
  for (const Review& r : a.reviews) {
    const std::optional<Date> end = period_cutoff(r.period.value, a.start.date.year);
    const int reported = end ? progress_at(a, *end, nullptr) : 0;
    std::string text =
        tr(lang, Msg::review_text, r.period.value, long_date(lang, r.date.date.last()), r.by.value,
           r.verified.value, reported);
    if (!r.note.value.empty())
      text += " — " + r.note.value;
    sheet.item(text);
  }
}

void show_activity(Sheet& sheet, const Plan& plan, const ActivityState& s, Language lang) {
  const Activity& a = *s.activity;
  sheet.title(fmt::format("{} {} — {}", text_of(lang, Msg::label_activity),
                          format_address(*s.line, a), a.title.value));
  sheet.field(Msg::label_line, fmt::format("{} — {}", s.line->id.value, s.line->title.value));
  sheet.field(Msg::label_lead, owner_names(plan, lead_of(*s.line, a), lang));
  sheet.field(Msg::label_support, owner_names(plan, support_of(*s.line, a), lang));
  sheet.field(Msg::label_dates,
              tr(lang, Msg::date_range, long_date(lang, s.start), long_date(lang, s.end)));
  sheet.field(Msg::label_product, a.product.value);
  if (!a.deliverables.empty()) {
    sheet.heading(Msg::label_deliverables);
    for (const Deliverable& d : a.deliverables) {
      std::string text = d.name.value;
      if (d.count.value != 1)
        text += " " + tr(lang, Msg::count_times, d.count.value);
      if (!d.owner.value.empty()) {
        OwnerList one;
        one.codes.push_back(d.owner);
        text += " — " + owner_names(plan, one, lang);
      }
      sheet.item(text);
    }
  }
  if (a.weight.value != 1)
    sheet.field(Msg::label_weight, fmt::format("{}", a.weight.value));
  sheet.field(Msg::label_progress, percent(s.progress, s.expected, lang));
  sheet.field(Msg::label_status, state_text(s, lang));
  show_goal(sheet, a, lang);
  sheet.heading(Msg::label_updates);
  if (a.updates.empty()) {
    sheet.item(std::string(text_of(lang, Msg::no_updates)));
  }
  for (const Update& u : a.updates) sheet.item(update_text(a, u, lang));
}

void show_line(Sheet& sheet, const Plan& plan, const LineState& ls, Language lang,
               const Terminal& term) {
  const Line& line = *ls.line;
  sheet.title(
      fmt::format("{} {} — {}", text_of(lang, Msg::label_line), line.id.value, line.title.value));
  sheet.field(Msg::label_objective, line.objective.value);
  sheet.field(Msg::label_lead, owner_names(plan, line.lead, lang));
  sheet.field(Msg::label_support, owner_names(plan, line.support, lang));
  sheet.field(Msg::label_product, line.product.value);
  sheet.field(Msg::label_progress, percent(ls.progress, ls.expected, lang));
  if (ls.signal != Signal::none) {
    sheet.field(Msg::label_signal, std::string(text_of(lang, signal_word(ls.signal))));
  }
  sheet.heading(Msg::label_activities);
  for (const ActivityState& s : ls.activities) {
    const std::string head = fmt::format("{}  ", format_address(line, *s.activity));
    const std::string tail = fmt::format("  {}% · {}", s.progress, status_text(s, lang));
    const int room = term.width - 6 - display_width(head) - display_width(tail);
    sheet.item(head + truncate(s.activity->title.value, std::max(8, room)) + tail);
  }
}

}  // namespace

// "12 of 20 talleres (60%)" where the entry gives a value, else "60%".
std::string progress_text(const Goal& goal, const NumberValue& value, long long progress,
                          Language lang) {
  if (!value.pos.known() || !goal.present)
    return fmt::format("{}%", progress);
  return tr(lang, Msg::value_of_target, number(value.value), number(goal.target.value),
            goal.unit.value) +
         fmt::format(" ({}%)", progress);
}

std::string render_show_text(const Target& target, const PlanState& state, Language lang,
                             const Terminal& term) {
  Sheet sheet(lang, term);
  for (const LineState& ls : state.lines) {
    if (ls.line != target.line)
      continue;
    if (target.activity == nullptr) {
      show_line(sheet, *target.plan, ls, lang, term);
      break;
    }
    for (const ActivityState& s : ls.activities) {
      if (s.activity == target.activity)
        show_activity(sheet, *target.plan, s, lang);
    }
  }
  return std::move(sheet).str();
}

}  // namespace plan
