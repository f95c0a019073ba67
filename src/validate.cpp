// validate.cpp: the format page's rules, one function per part of a plan.
#include "plan/validate.h"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include "plan/derive.h"
#include "plan/goal.h"
#include "plan/text.h"

namespace plan {
namespace {

// Characters a whole number takes as written (near enough for the caret).
int digits(const IntValue& n) { return static_cast<int>(std::to_string(n.value).size()); }

// A number as a message shows it (12, 12.5), and the characters it takes.
std::string number_text(double v) { return fmt::format("{}", v); }
int number_width(const NumberValue& n) { return static_cast<int>(number_text(n.value).size()); }

bool same_place(const Pos& a, const Pos& b) { return a.line == b.line && a.col == b.col; }

class Checker {
 public:
  Checker(const Plan& plan, const Date& as_of) : plan_(plan), as_of_(as_of) {
    for (const Owner& o : plan.owners) codes_.push_back(o.code.value);
    // The codes a hint lists: the first few, so that a hint stays a line.
    constexpr size_t kListed = 8;
    std::vector<std::string> listed(codes_.begin(),
                                    codes_.begin() + std::min(codes_.size(), kListed));
    codes_list_ = join(listed, ", ") + (codes_.size() > kListed ? ", …" : "");
  }

  std::vector<Diagnostic> run() {
    check_plan();
    check_owners();
    for (const Line& line : plan_.lines) check_line(line);
    check_unused_owners();
    return std::move(diags_);
  }

 private:
  void add(Severity sev, const Pos& pos, int width, Msg msg, std::vector<std::string> args,
           std::optional<Msg> hint = std::nullopt, std::vector<std::string> hint_args = {}) {
    Diagnostic d;
    d.file = plan_.file;
    d.pos = pos;
    d.width = std::max(1, width);
    d.severity = sev;
    d.message = msg;
    d.args = std::move(args);
    d.hint = hint;
    d.hint_args = std::move(hint_args);
    diags_.push_back(std::move(d));
  }
  void error(const Pos& pos, int width, Msg msg, std::vector<std::string> args,
             std::optional<Msg> hint = std::nullopt, std::vector<std::string> hint_args = {}) {
    add(Severity::error, pos, width, msg, std::move(args), hint, std::move(hint_args));
  }
  void warn(const Pos& pos, int width, Msg msg, std::vector<std::string> args,
            std::optional<Msg> hint = std::nullopt, std::vector<std::string> hint_args = {}) {
    add(Severity::warning, pos, width, msg, std::move(args), hint, std::move(hint_args));
  }

  // A reversed period is reported once; dates are not measured against it.
  bool period_known() const {
    return plan_.period_start.ok && plan_.period_end.ok &&
           plan_.period_start.date.first() <= plan_.period_end.date.last();
  }
  Date period_first() const { return plan_.period_start.date.first(); }
  Date period_last() const { return plan_.period_end.date.last(); }

  void check_plan() {
    if (plan_.period_start.ok && plan_.period_end.ok && period_first() > period_last()) {
      error(plan_.period_start.pos, 7, Msg::date_order,
            {fmt::format("{}", period_first()), fmt::format("{}", period_last())});
    }
    const long long g = plan_.green.value;
    const long long y = plan_.yellow.value;
    if (y < 0 || y > g || g > 100) {
      const Pos& pos = plan_.yellow.pos.known() ? plan_.yellow.pos : plan_.green.pos;
      error(pos, 2, Msg::threshold_range, {std::to_string(y), std::to_string(g)});
    }
  }

  // --- owners -----------------------------------------------------------------

  const Owner* owner(std::string_view code) const { return plan_.find_owner(code); }

  // Reports an unknown code with the nearest known one; counts known uses.
  void check_code(const Text& code) {
    if (owner(code.value) != nullptr) {
      used_.insert(code.value);
      return;
    }
    const std::string near = nearest_owner(code.value);
    if (!near.empty()) {
      error(code.pos, code.width, Msg::unknown_owner, {code.value}, Msg::hint_did_you_mean_owner,
            {near, owner(near)->name.value});
    } else {
      error(code.pos, code.width, Msg::unknown_owner, {code.value}, Msg::hint_define_owner,
            {codes_list_});
    }
  }

  // "Did you mean" for an unknown code: remembered per code, and given up
  // after kMaxSuggested distinct codes, so a file full of unknown codes
  // does not cost codes x owners edit distances.
  std::string nearest_owner(const std::string& code) {
    constexpr size_t kMaxSuggested = 20;
    const auto it = suggestions_.find(code);
    if (it != suggestions_.end())
      return it->second;
    if (suggestions_.size() >= kMaxSuggested)
      return {};
    return suggestions_[code] = nearest(code, codes_);
  }

  void check_owners() {
    for (const Owner& o : plan_.owners) {
      if (!o.parent.value.empty())
        check_code(o.parent);
    }
    // Parent chains that loop, found in one walk: each owner is visited
    // once; a walk that meets an owner of its own path has found a loop,
    // reported once, at the first of its owners in the file.
    enum class Mark { none, on_path, done };
    std::vector<Mark> mark(plan_.owners.size(), Mark::none);
    for (size_t start = 0; start < plan_.owners.size(); ++start) {
      std::vector<size_t> path;
      size_t at = start;
      bool loop = false;
      while (mark[at] != Mark::done) {
        if (mark[at] == Mark::on_path) {
          loop = true;
          break;
        }
        mark[at] = Mark::on_path;
        path.push_back(at);
        const Owner* parent = owner(plan_.owners[at].parent.value);
        if (parent == nullptr)
          break;
        at = static_cast<size_t>(parent - plan_.owners.data());
      }
      if (loop) {
        const auto loop_start = std::find(path.begin(), path.end(), at);
        const size_t first = *std::min_element(loop_start, path.end());
        std::vector<std::string> chain;
        size_t k = first;
        do {
          chain.push_back(plan_.owners[k].code.value);
          k = static_cast<size_t>(owner(plan_.owners[k].parent.value) - plan_.owners.data());
        } while (k != first);
        chain.push_back(plan_.owners[first].code.value);
        const Owner& o = plan_.owners[first];
        error(o.parent.pos, o.parent.width, Msg::owner_cycle, {o.code.value, join(chain, " → ")});
      }
      for (size_t p : path) mark[p] = Mark::done;
    }
  }

  void check_unused_owners() {
    for (const Owner& o : plan_.owners) {
      if (used_.count(o.code.value) == 0) {
        warn(o.code.pos, o.code.width, Msg::unused_owner, {o.code.value});
      }
    }
  }

  static bool has_code(const OwnerList& list, std::string_view code) {
    return std::any_of(list.codes.begin(), list.codes.end(),
                       [&](const Text& t) { return t.value == code; });
  }

  void check_lists(const OwnerList& lead, const OwnerList& support) {
    for (const Text& c : lead.codes) check_code(c);
    for (const Text& c : support.codes) check_code(c);
    for (const Text& s : support.codes) {
      if (has_code(lead, s.value))
        warn(s.pos, s.width, Msg::lead_and_support, {s.value});
    }
  }

  // An activity's own lists: codes it inherits were checked with its line,
  // so only what it writes itself is checked, and an overlap is reported
  // only when the line does not already have it, at the activity's code.
  void check_activity_lists(const Line& line, const Activity& a) {
    for (const Text& c : a.lead.codes) check_code(c);
    for (const Text& c : a.support.codes) check_code(c);
    const OwnerList& lead = lead_of(line, a);
    const OwnerList& support = support_of(line, a);
    for (const Text& s : support.codes) {
      if (!has_code(lead, s.value))
        continue;
      if (has_code(line.lead, s.value) && has_code(line.support, s.value))
        continue;
      const OwnerList& own = a.support.present ? a.support : a.lead;
      for (const Text& c : own.codes) {
        if (c.value == s.value)
          warn(c.pos, c.width, Msg::lead_and_support, {s.value});
      }
    }
  }

  // --- lines and activities ----------------------------------------------------

  void check_line(const Line& line) {
    const auto [it, fresh] = line_ids_.emplace(line.id.value, line.id.pos.line);
    if (!fresh && line.id.pos.known()) {
      error(line.id.pos, digits(line.id), Msg::duplicate_line_id,
            {std::to_string(line.id.value), std::to_string(it->second)});
    }
    if (line.lead.present && line.lead.codes.empty()) {
      error(line.lead.pos, 1, Msg::empty_lead, {std::to_string(line.id.value)}, Msg::hint_add_lead,
            {codes_.empty() ? "SG" : codes_.front()});
    }
    check_lists(line.lead, line.support);
    for (const Text& c : line.lead.codes) {
      const Owner* o = owner(c.value);
      if (o != nullptr && o->external) {
        warn(c.pos, c.width, Msg::external_lead, {c.value, std::to_string(line.id.value)});
      }
    }
    std::map<long long, int> ids;
    for (const Activity& a : line.activities) {
      const auto [at, first] = ids.emplace(a.id.value, a.id.pos.line);
      if (!first && a.id.pos.known()) {
        error(a.id.pos, digits(a.id), Msg::duplicate_activity_id,
              {std::to_string(a.id.value), std::to_string(line.id.value),
               std::to_string(at->second)});
      }
      check_activity(line, a);
    }
  }

  std::string address(const Line& line, const Activity& a) const {
    return fmt::format("{}.{}", line.id.value, a.id.value);
  }

  void check_in_period(const DateValue& d, const Date& first, const Date& last, Msg what) {
    if (!d.ok || !period_known())
      return;
    if (first < period_first() || last > period_last()) {
      const std::string written = d.date.precision == DatePrecision::month
                                      ? fmt::format("{:04}-{:02}", d.date.year, d.date.month)
                                      : fmt::format("{}", d.date.first());
      error(d.pos, static_cast<int>(written.size()), Msg::outside_period,
            {word_arg(what), written, fmt::format("{}", period_first()),
             fmt::format("{}", period_last())});
    }
  }

  void check_activity(const Line& line, const Activity& a) {
    const std::string addr = address(line, a);
    if (a.start.ok && a.end.ok && a.start.date.first() > a.end.date.last()) {
      error(a.start.pos, 7, Msg::date_order,
            {fmt::format("{}", a.start.date.first()), fmt::format("{}", a.end.date.last())});
    }
    check_in_period(a.start, a.start.date.first(), a.start.date.first(), Msg::what_start);
    check_in_period(a.end, a.end.date.last(), a.end.date.last(), Msg::what_end);

    if (a.lead.present && a.lead.codes.empty()) {
      error(a.lead.pos, 1, Msg::empty_activity_lead, {addr});
    }
    check_activity_lists(line, a);
    if (a.progress.value < 0 || a.progress.value > 100) {
      error(a.progress.pos, digits(a.progress), Msg::progress_range,
            {std::to_string(a.progress.value)});
    }
    if (!(a.weight.value > 0)) {
      error(a.weight.pos, 1, Msg::weight_range, {fmt::format("{}", a.weight.value)});
    }
    if (a.flag == ActivityFlag::cancelled && a.progress.value == 100) {
      warn(a.flag_text.pos, a.flag_text.width, Msg::cancelled_done, {});
    }
    for (const Deliverable& d : a.deliverables) {
      if (!d.owner.value.empty())
        check_code(d.owner);
      if (d.count.value < 1) {
        error(d.count.pos, digits(d.count), Msg::count_range, {std::to_string(d.count.value)});
      }
    }
    check_updates(a);
    check_goal(a);
  }

  // --- goals, programmes and reviews --------------------------------------------

  void check_goal(const Activity& a) {
    const Goal& g = *a.goal;
    if (g.present && g.target.pos.known() && !(g.target.value > 0)) {
      error(g.target.pos, number_width(g.target), Msg::goal_target, {number_text(g.target.value)},
            Msg::hint_goal_target);
    }
    for (const Update& u : a.updates) check_value(g, u.value, u.progress);
    for (const Milestone& m : a.programme) check_value(g, m.value, m.progress);
    for (const Review& r : a.reviews) check_value(g, r.value, r.verified);
    check_programme(a);
    check_reviews(a);
  }

  // A value needs a goal with a unit and a target it may reach, and a
  // progress written beside it must be the one it stands for.
  void check_value(const Goal& g, const NumberValue& v, const IntValue& progress) {
    if (!v.pos.known())
      return;
    const int w = number_width(v);
    const std::string value = number_text(v.value);
    if (!g.present) {
      error(v.pos, w, Msg::value_without_goal, {value}, Msg::hint_value_without_goal);
      return;
    }
    if (g.unit.value.empty())
      error(v.pos, w, Msg::goal_unit, {value}, Msg::hint_goal_unit);
    if (v.value < 0) {
      error(v.pos, w, Msg::value_range, {value});
    } else if (g.target.value > 0 && v.value > g.target.value && !may_exceed_target(g.kind)) {
      error(v.pos, w, Msg::value_above_target,
            {value, number_text(g.target.value), std::string(goal_kind_word(g.kind))},
            Msg::hint_value_above_target);
    }
    const int percent = percent_of_value(g, v.value);
    if (progress.pos.known() && !same_place(progress.pos, v.pos) && progress.value != percent) {
      error(progress.pos, digits(progress), Msg::value_mismatch,
            {std::to_string(progress.value), value, number_text(g.target.value),
             std::to_string(percent)},
            Msg::hint_value_mismatch, {std::to_string(percent)});
    }
  }

  // Milestones in date order within the activity's dates, never going down.
  void check_programme(const Activity& a) {
    const Milestone* prev = nullptr;
    for (const Milestone& m : a.programme) {
      if (m.progress.pos.known() && !m.value.pos.known() &&
          (m.progress.value < 0 || m.progress.value > 100)) {
        error(m.progress.pos, digits(m.progress), Msg::progress_range,
              {std::to_string(m.progress.value)});
      }
      if (!m.by.ok)
        continue;
      const Date by = m.by.date.last();
      if (a.start.ok && a.end.ok && (by < a.start.date.first() || by > a.end.date.last())) {
        error(m.by.pos, 10, Msg::programme_outside,
              {fmt::format("{}", by), fmt::format("{}", a.start.date.first()),
               fmt::format("{}", a.end.date.last())},
              Msg::hint_programme_outside);
      }
      if (prev != nullptr && by <= prev->by.date.last()) {
        error(m.by.pos, 10, Msg::programme_order,
              {fmt::format("{}", by), fmt::format("{}", prev->by.date.last())},
              Msg::hint_programme_order);
      } else if (prev != nullptr && m.progress.value < prev->progress.value) {
        error(m.progress.pos, 1, Msg::programme_decrease,
              {std::to_string(prev->progress.value), std::to_string(m.progress.value)},
              Msg::hint_programme_decrease);
      }
      prev = &m;
    }
  }

  // One review per ended period, by a known owner, verifying 0..100 and
  // (a warning) no more than was reported by the period's end.
  void check_reviews(const Activity& a) {
    std::map<std::string, int> first_line;
    for (const Review& r : a.reviews) {
      if (!r.by.value.empty())
        check_code(r.by);
      if (r.verified.pos.known() && !r.value.pos.known() &&
          (r.verified.value < 0 || r.verified.value > 100)) {
        error(r.verified.pos, digits(r.verified), Msg::verified_range,
              {std::to_string(r.verified.value)});
      }
      const auto [it, fresh] = first_line.emplace(r.period.value, r.pos.line);
      if (!fresh && r.period.pos.known()) {
        error(r.period.pos, r.period.width, Msg::duplicate_review,
              {r.period.value, std::to_string(it->second)}, Msg::hint_duplicate_review);
      }
      check_review_dates(a, r);
    }
  }

  void check_review_dates(const Activity& a, const Review& r) {
    if (!plan_.period_start.ok)
      return;
    const std::optional<Date> end = period_cutoff(r.period.value, plan_.period_start.date.year);
    if (!end)
      return;  // (an unknown period was reported by the loader)
    if (r.date.ok && r.date.date.last() < *end) {
      error(r.date.pos, 10, Msg::review_early,
            {r.period.value, fmt::format("{}", r.date.date.last()), fmt::format("{}", *end)},
            Msg::hint_review_early);
    }
    const int reported = progress_at(a, *end, nullptr);
    if (r.verified.pos.known() && r.verified.value > reported && r.verified.value <= 100) {
      warn(r.verified.pos, digits(r.verified), Msg::verified_above_reported,
           {std::to_string(r.verified.value), std::to_string(reported), r.period.value});
    }
  }

  void check_updates(const Activity& a) {
    const Update* prev = nullptr;           // the entry before
    const Update* prev_progress = nullptr;  // the last entry with a progress
    for (const Update& u : a.updates) {
      check_update(a, u);
      if (prev != nullptr && prev->date.ok && u.date.ok &&
          u.date.date.last() < prev->date.date.last()) {
        error(u.date.pos, 10, Msg::updates_order,
              {fmt::format("{}", u.date.date.last()), fmt::format("{}", prev->date.date.last())});
      } else if (prev_progress != nullptr && has_progress(u) &&
                 u.progress.value < prev_progress->progress.value) {
        warn(u.progress.pos, digits(u.progress), Msg::progress_decrease,
             {std::to_string(prev_progress->progress.value), std::to_string(u.progress.value)});
      }
      prev = &u;
      if (has_progress(u))
        prev_progress = &u;
    }
    // (An update without progress or status was reported by the loader.)
    if (prev_progress != nullptr && prev_progress->progress.value != a.progress.value) {
      const Pos& pos = a.progress.pos.known() ? a.progress.pos : a.pos;
      error(pos, a.progress.pos.known() ? digits(a.progress) : 1, Msg::progress_mismatch,
            {std::to_string(a.progress.value), std::to_string(prev_progress->progress.value)},
            Msg::hint_last_update, {std::to_string(prev_progress->progress.value)});
    }
    check_status_log(a);
  }

  // (A progress the loader refused, or one an entry does not write, has no
  // place: there is nothing to compare.)
  static bool has_progress(const Update& u) { return u.progress.pos.known(); }

  void check_update(const Activity& a, const Update& u) {
    if (!u.by.value.empty())
      check_code(u.by);
    check_in_period(u.date, u.date.date.first(), u.date.date.last(), Msg::what_update);
    if (has_progress(u) && (u.progress.value < 0 || u.progress.value > 100)) {
      error(u.progress.pos, digits(u.progress), Msg::progress_range,
            {std::to_string(u.progress.value)});
    }
    if (u.date.ok && u.date.date.last() > as_of_) {
      warn(u.date.pos, 10, Msg::future_update,
           {fmt::format("{}", u.date.date.last()), fmt::format("{}", as_of_)});
    }
    if (u.status && u.date.ok && a.start.ok && u.date.date.last() < a.start.date.first()) {
      error(u.date.pos, 10, Msg::status_before_start,
            {fmt::format("{}", u.date.date.last()), fmt::format("{}", a.start.date.first())},
            Msg::hint_status_after_start, {fmt::format("{}", a.start.date.first())});
    }
  }

  // The dated status log: the activity's `status` is the last entry's, and
  // progress is not recorded on cancelled work.
  void check_status_log(const Activity& a) {
    const Update* last = nullptr;
    const Update* cancelled = nullptr;  // the entry that cancelled it, while it holds
    for (const Update& u : a.updates) {
      if (has_progress(u) && cancelled != nullptr && &u != cancelled) {
        warn(u.progress.pos.known() ? u.progress.pos : u.pos, digits(u.progress),
             Msg::cancelled_progress,
             {fmt::format("{}", u.date.date.last()),
              fmt::format("{}", cancelled->date.date.last())});
      }
      if (u.status && u.date.ok) {  // (an undated one was reported by the loader)
        last = &u;
        cancelled = *u.status == ActivityFlag::cancelled ? &u : nullptr;
      }
    }
    if (last == nullptr) {
      if (a.flag != ActivityFlag::none) {
        warn(a.flag_text.pos, a.flag_text.width, Msg::undated_status, {a.flag_text.value},
             Msg::hint_date_status, {a.flag_text.value});
      }
      return;
    }
    if (*last->status != a.flag) {
      const std::string written = a.flag == ActivityFlag::none ? "active" : a.flag_text.value;
      const std::string last_word(flag_word(*last->status));
      const Pos& pos = a.status_key.known() ? a.flag_text.pos : a.pos;
      error(pos, a.status_key.known() ? a.flag_text.width : 1, Msg::status_mismatch,
            {written, last_word},
            *last->status == ActivityFlag::none ? Msg::hint_remove_status : Msg::hint_last_status,
            {last_word});
    }
  }

  const Plan& plan_;
  const Date as_of_;
  std::vector<std::string> codes_;
  std::string codes_list_;
  std::set<std::string> used_;
  std::unordered_map<std::string, std::string> suggestions_;
  std::map<long long, int> line_ids_;
  std::vector<Diagnostic> diags_;
};

}  // namespace

std::vector<Diagnostic> validate_plan(const Plan& plan, const Date& as_of) {
  return Checker(plan, as_of).run();
}

std::vector<Diagnostic> validate_plan_set(const std::vector<const Plan*>& plans) {
  std::vector<Diagnostic> out;
  std::unordered_map<std::string, const Plan*> seen;
  for (const Plan* p : plans) {
    if (p->id.value.empty())
      continue;
    const auto [it, fresh] = seen.emplace(p->id.value, p);
    if (fresh)
      continue;
    Diagnostic d;
    d.file = p->file;
    d.pos = p->id.pos;
    d.width = p->id.width;
    d.message = Msg::duplicate_plan_id;
    d.args = {p->id.value, it->second->file};
    out.push_back(std::move(d));
  }
  return out;
}

}  // namespace plan
