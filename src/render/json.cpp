// render/json.cpp: JSON through nlohmann::ordered_json (escaping and key
// order are its job, not ours).
#include "plan/render/json.h"

#include <nlohmann/json.hpp>
#include <ostream>
#include <sstream>

#include "json_text.h"
#include "plan/goal.h"

namespace plan {
namespace {

using Json = nlohmann::ordered_json;

Json codes(const OwnerList& list) {
  Json arr = Json::array();
  for (const Text& c : list.codes) arr.push_back(c.value);
  return arr;
}

Json text_or_null(const Text& t) { return t.value.empty() ? Json(nullptr) : Json(t.value); }

Json update_json(const Update& u) {
  Json j;
  j["date"] = fmt::format("{}", u.date.date.last());
  j["progress"] = u.records_progress() ? Json(u.progress.value) : Json(nullptr);
  j["note"] = text_or_null(u.note);
  j["by"] = text_or_null(u.by);
  j["evidence"] = text_or_null(u.evidence);
  // Later than the other keys, so that their order stays: only an entry
  // that changes the status has one.
  if (u.status)
    j["status"] = flag_word(*u.status);
  if (u.value.pos.known())
    j["value"] = u.value.value;
  return j;
}

// The day an activity reached 100, for a done one whose log says it.
Json done_on_json(const ActivityState& s, const Date& as_of) {
  if (s.status != Status::done)
    return nullptr;
  const std::optional<Date> day = done_on(*s.activity, as_of);
  return day ? Json(fmt::format("{}", *day)) : Json(nullptr);
}

// The goal (null without one), the programme and the reviews, each
// milestone and review with the progress it stands for.
void goal_json(const Activity& a, Json* j) {
  const Goal& g = *a.goal;
  if (g.present) {
    (*j)["goal"] = {{"indicator", g.indicator.value},
                    {"unit", text_or_null(g.unit)},
                    {"target", g.target.value},
                    {"kind", goal_kind_word(g.kind)}};
  } else {
    (*j)["goal"] = nullptr;
  }
  Json programme = Json::array();
  for (const Milestone& m : a.programme) {
    programme.push_back({{"by", fmt::format("{}", m.by.date.last())},
                         {"progress", m.progress.value},
                         {"value", m.value.pos.known() ? Json(m.value.value) : Json(nullptr)}});
  }
  (*j)["programme"] = std::move(programme);
  Json reviews = Json::array();
  for (const Review& r : a.reviews) {
    reviews.push_back({{"period", r.period.value},
                       {"date", fmt::format("{}", r.date.date.last())},
                       {"by", r.by.value},
                       {"verified", r.verified.value},
                       {"value", r.value.pos.known() ? Json(r.value.value) : Json(nullptr)},
                       {"note", text_or_null(r.note)}});
  }
  (*j)["reviews"] = std::move(reviews);
}

// done_late_days and done_on came later than the other keys and follow
// them, so that the older keys keep their order.
Json activity_json(const Plan& plan, const ActivityState& s, const Date& as_of, bool full) {
  const Activity& a = *s.activity;
  Json j;
  j["id"] = format_address(*s.line, a);
  j["plan"] = plan.id.value;
  j["line"] = s.line->id.value;
  j["activity"] = a.id.value;
  j["title"] = a.title.value;
  j["lead"] = codes(lead_of(*s.line, a));
  j["support"] = codes(support_of(*s.line, a));
  j["start"] = fmt::format("{}", s.start);
  j["end"] = fmt::format("{}", s.end);
  j["progress"] = s.progress;
  j["expected"] = round_percent(s.expected);
  j["status"] = status_code(s.status);
  j["signal"] = s.signal == Signal::none ? Json(nullptr) : Json(signal_code(s.signal));
  j["weight"] = a.weight.value;
  j["product"] = text_or_null(a.product);
  if (s.last_update != nullptr) {
    j["last_update"] = update_json(*s.last_update);
  } else {
    j["last_update"] = nullptr;
  }
  j["done_late_days"] = s.done_late;
  j["done_on"] = done_on_json(s, as_of);
  if (full) {
    Json dels = Json::array();
    for (const Deliverable& d : a.deliverables) {
      Json dj;
      dj["name"] = d.name.value;
      dj["owner"] = text_or_null(d.owner);
      dj["count"] = d.count.value;
      dels.push_back(std::move(dj));
    }
    j["deliverables"] = std::move(dels);
    Json ups = Json::array();
    for (const Update& u : a.updates) ups.push_back(update_json(u));
    j["updates"] = std::move(ups);
    goal_json(a, &j);
  }
  return j;
}

Json owners_json(const Plan& plan, const std::vector<const OwnerList*>& lists) {
  Json j = Json::object();
  for (const OwnerList* l : lists) {
    for (const Text& c : l->codes) {
      const Owner* o = plan.find_owner(c.value);
      if (o == nullptr)
        continue;
      Json oj;
      oj["name"] = o->name.value;
      oj["parent"] = text_or_null(o->parent);
      oj["external"] = o->external;
      j[c.value] = std::move(oj);
    }
  }
  return j;
}

}  // namespace

// One activity at a time, never the whole array in memory (a document of
// 100,000 activities took 300 MiB as a DOM); the bytes are those of the
// array's dump(2): each element's lines indented by two more spaces.
void write_list_json(const std::vector<PlanState>& states, std::ostream& out) {
  bool first = true;
  for (const PlanState& ps : states) {
    for (const LineState& ls : ps.lines) {
      for (const ActivityState& s : ls.activities) {
        const std::string one = json_text(activity_json(*ps.plan, s, ps.as_of, false));
        out << (first ? "[\n  " : ",\n  ");
        first = false;
        // JSON strings hold no raw line feeds: every '\n' is a line break.
        size_t from = 0;
        for (size_t nl = one.find('\n'); nl != std::string::npos; nl = one.find('\n', from)) {
          out.write(one.data() + from, static_cast<std::streamsize>(nl + 1 - from));
          out << "  ";
          from = nl + 1;
        }
        out.write(one.data() + from, static_cast<std::streamsize>(one.size() - from));
      }
    }
  }
  out << (first ? "[]\n" : "\n]\n");
}

std::string render_list_json(const std::vector<PlanState>& states) {
  std::ostringstream out;
  write_list_json(states, out);
  return out.str();
}

std::string render_plan_json(const std::vector<PlanState>& states) {
  Json arr = Json::array();
  auto signal = [](Signal s) { return s == Signal::none ? Json(nullptr) : Json(signal_code(s)); };
  for (const PlanState& ps : states) {
    const Plan& plan = *ps.plan;
    Json j;
    j["id"] = plan.id.value;
    j["title"] = plan.title.value;
    j["entity"] = text_or_null(plan.entity);
    j["period"] = {{"start", fmt::format("{}", plan.period_start.date.first())},
                   {"end", fmt::format("{}", plan.period_end.date.last())}};
    j["language"] = plan.language ? Json(language_code(*plan.language)) : Json(nullptr);
    j["objective"] = text_or_null(plan.objective);
    j["thresholds"] = {{"green", plan.green.value}, {"yellow", plan.yellow.value}};
    j["as_of"] = fmt::format("{}", ps.as_of);
    j["progress"] = round_percent(ps.progress);
    j["expected"] = round_percent(ps.expected);
    j["signal"] = signal(ps.signal);
    Json owners = Json::object();
    for (const Owner& o : plan.owners) {
      owners[o.code.value] = {
          {"name", o.name.value}, {"parent", text_or_null(o.parent)}, {"external", o.external}};
    }
    j["owners"] = std::move(owners);
    Json lines = Json::array();
    for (const LineState& ls : ps.lines) {
      Json l;
      l["id"] = ls.line->id.value;
      l["title"] = ls.line->title.value;
      l["objective"] = text_or_null(ls.line->objective);
      l["lead"] = codes(ls.line->lead);
      l["support"] = codes(ls.line->support);
      l["product"] = text_or_null(ls.line->product);
      l["progress"] = round_percent(ls.progress);
      l["expected"] = round_percent(ls.expected);
      l["signal"] = signal(ls.signal);
      Json acts = Json::array();
      for (const ActivityState& s : ls.activities)
        acts.push_back(activity_json(plan, s, ps.as_of, true));
      l["activities"] = std::move(acts);
      lines.push_back(std::move(l));
    }
    j["lines"] = std::move(lines);
    arr.push_back(std::move(j));
  }
  return json_text(arr) + "\n";
}

std::string render_show_json(const Target& target, const PlanState& state) {
  const Plan& plan = *target.plan;
  for (const LineState& ls : state.lines) {
    if (ls.line != target.line)
      continue;
    if (target.activity != nullptr) {
      for (const ActivityState& s : ls.activities) {
        if (s.activity != target.activity)
          continue;
        Json j = activity_json(plan, s, state.as_of, true);
        std::vector<const OwnerList*> lists = {&lead_of(*s.line, *s.activity),
                                               &support_of(*s.line, *s.activity)};
        OwnerList deliverable_owners;
        for (const Deliverable& d : s.activity->deliverables) {
          if (!d.owner.value.empty())
            deliverable_owners.codes.push_back(d.owner);
        }
        lists.push_back(&deliverable_owners);
        j["owners"] = owners_json(plan, lists);
        j["as_of"] = fmt::format("{}", state.as_of);
        return json_text(j) + "\n";
      }
    }
    const Line& line = *ls.line;
    Json j;
    j["id"] = std::to_string(line.id.value);
    j["plan"] = plan.id.value;
    j["title"] = line.title.value;
    j["objective"] = text_or_null(line.objective);
    j["lead"] = codes(line.lead);
    j["support"] = codes(line.support);
    j["product"] = text_or_null(line.product);
    j["progress"] = round_percent(ls.progress);
    j["expected"] = round_percent(ls.expected);
    j["signal"] = ls.signal == Signal::none ? Json(nullptr) : Json(signal_code(ls.signal));
    Json acts = Json::array();
    for (const ActivityState& s : ls.activities)
      acts.push_back(activity_json(plan, s, state.as_of, false));
    j["activities"] = std::move(acts);
    j["owners"] = owners_json(plan, {&line.lead, &line.support});
    j["as_of"] = fmt::format("{}", state.as_of);
    return json_text(j) + "\n";
  }
  return "null\n";
}

}  // namespace plan
