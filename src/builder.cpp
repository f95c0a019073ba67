// builder.cpp: events -> model through typed field tables, one frame per
// open collection.
#include "builder.h"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <iterator>
#include <type_traits>
#include <variant>

#include "plan/goal.h"
#include "plan/i18n.h"
#include "plan/text.h"
#include "yaml/resolve.h"

namespace plan::detail {
namespace {

// ---------------------------------------------------------------------------
// What a frame fills: one object of the model (a mapping), or the
// container its entries go in (a list).

using Target = std::variant<std::monostate, Plan*, Owner*, Line*, Activity*, Deliverable*, Update*,
                            Goal*, Milestone*, Review*>;
using ListTarget = std::variant<std::monostate, std::vector<Line>*, std::vector<Activity>*,
                                std::vector<Deliverable>*, std::vector<Update>*,
                                std::vector<Milestone>*, std::vector<Review>*, OwnerList*>;

// The diagnostics of one file.
class Errors {
 public:
  Errors(const std::string& file, std::vector<Diagnostic>* out) : file_(file), out_(out) {}
  void operator()(Pos pos, int width, Msg msg, std::vector<std::string> args,
                  std::optional<Msg> hint = std::nullopt,
                  std::vector<std::string> hint_args = {}) const {
    out_->push_back(error_at(file_, pos, width, msg, std::move(args), hint, std::move(hint_args)));
  }
  void warn(Pos pos, int width, Msg msg, std::vector<std::string> args,
            std::optional<Msg> hint = std::nullopt, std::vector<std::string> hint_args = {}) const {
    out_->push_back(error_at(file_, pos, width, msg, std::move(args), hint, std::move(hint_args)));
    out_->back().severity = Severity::warning;
  }
  // An error about `word`, one of `choices` misspelt: the hint names the
  // nearest choice, or else lists them all under `list_hint`.
  void suggest(Pos pos, int width, Msg msg, std::vector<std::string> args, std::string_view word,
               const std::vector<std::string>& choices, Msg list_hint) const {
    const std::string near = nearest(word, choices);
    if (!near.empty()) {
      (*this)(pos, width, msg, std::move(args), Msg::hint_did_you_mean, {near});
    } else {
      (*this)(pos, width, msg, std::move(args), list_hint, {join(choices, ", ")});
    }
  }

 private:
  const std::string& file_;
  std::vector<Diagnostic>* out_;
};

// A scalar value read as the kind its field wants (only that member is set).
struct Value {
  Text text;
  IntValue integer;
  NumberValue number;
  bool boolean = false;
  DateValue date;
  int width = 1;
};

// ---------------------------------------------------------------------------
// The schema: which keys each mapping takes, of what kind, and where each
// value goes.

enum class Node : unsigned char {
  root,
  plan,
  period,
  thresholds,
  owners,
  owner,
  line,
  activity,
  deliverable,
  update,
  goal,
  milestone,
  review,
  code,
  skip
};

enum class Kind : unsigned char { text, integer, number, boolean, date, map, list, codes };

using Setter = void (*)(const Target&, Value&, const Errors&);
using CodesOf = OwnerList* (*)(const Target&);
using ItemsOf = ListTarget (*)(const Target&, const Pos& list, bool flow);
using KeyHook = void (*)(const Target&, const Pos& key);
using Opens = Target (*)(const Target&);

struct FieldSpec {
  std::string_view key;
  Kind kind;
  bool required;
  Node child = Node::skip;   // map and list kinds: what their entries are
  Setter set = nullptr;      // scalar kinds
  CodesOf codes = nullptr;   // Kind::codes: the list of owner codes it fills
  ItemsOf items = nullptr;   // Kind::list: the container its entries go in
  KeyHook on_key = nullptr;  // remembers where the key is (for `plan mark`)
  std::string_view unless;   // a required key need not be written with this one
  std::string_view unless2;  // ...or with this one
  Opens opens = nullptr;     // Kind::map: the object its keys fill (else the frame's)

  constexpr FieldSpec remember(KeyHook hook) const {
    FieldSpec f = *this;
    f.on_key = hook;
    return f;
  }
  constexpr FieldSpec required_unless(std::string_view other,
                                      std::string_view or_other = {}) const {
    FieldSpec f = *this;
    f.unless = other;
    f.unless2 = or_other;
    return f;
  }
  constexpr FieldSpec open(Opens hook) const {
    FieldSpec f = *this;
    f.opens = hook;
    return f;
  }
};

constexpr FieldSpec scalar(std::string_view key, Kind kind, bool required, Setter set) {
  return FieldSpec{key,     kind,    required, Node::skip, set,    nullptr,
                   nullptr, nullptr, {},       {},         nullptr};
}
constexpr FieldSpec map(std::string_view key, bool required, Node child) {
  return FieldSpec{key,     Kind::map, required, child, nullptr, nullptr,
                   nullptr, nullptr,   {},       {},    nullptr};
}
constexpr FieldSpec list(std::string_view key, bool required, Node child, ItemsOf items) {
  return FieldSpec{key,   Kind::list, required, child, nullptr, nullptr,
                   items, nullptr,    {},       {},    nullptr};
}
constexpr FieldSpec codes(std::string_view key, bool required, CodesOf codes) {
  return FieldSpec{key,     Kind::codes, required, Node::code, nullptr, codes,
                   nullptr, nullptr,     {},       {},         nullptr};
}

// --- typed setters ---------------------------------------------------------

template <class M>
struct MemberOf;
template <class C, class T>
struct MemberOf<T C::*> {
  using Class = C;
};
template <auto M>
using ClassOf = typename MemberOf<decltype(M)>::Class;

void take(Text& to, Value& v) { to = std::move(v.text); }
void take(IntValue& to, Value& v) { to = v.integer; }
void take(NumberValue& to, Value& v) { to = v.number; }
void take(bool& to, Value& v) { to = v.boolean; }
void take(DateValue& to, Value& v) { to = v.date; }

// Stores the value in member M of the frame's object.
template <auto M>
void store(const Target& t, Value& v, const Errors&) {
  take(std::get<ClassOf<M>*>(t)->*M, v);
}

template <auto M>
OwnerList* owners(const Target& t) {
  return &(std::get<ClassOf<M>*>(t)->*M);
}

template <auto M>
void remember_key(const Target& t, const Pos& key) {
  std::get<ClassOf<M>*>(t)->*M = key;
}

template <auto M>
ListTarget items(const Target& t, const Pos&, bool) {
  return &(std::get<ClassOf<M>*>(t)->*M);
}

ListTarget update_items(const Target& t, const Pos& list, bool flow) {
  Activity* a = std::get<Activity*>(t);
  a->updates_pos = list;
  a->updates_style = flow ? CollectionStyle::flow : CollectionStyle::block;
  return &a->updates;
}

ListTarget line_items(const Target& t, const Pos& list, bool flow) {
  Plan* p = std::get<Plan*>(t);
  p->lines_pos = list;
  p->lines_style = flow ? CollectionStyle::flow : CollectionStyle::block;
  return &p->lines;
}

ListTarget activity_items(const Target& t, const Pos& list, bool flow) {
  Line* l = std::get<Line*>(t);
  l->activities_pos = list;
  l->activities_style = flow ? CollectionStyle::flow : CollectionStyle::block;
  return &l->activities;
}

ListTarget review_items(const Target& t, const Pos& list, bool flow) {
  Activity* a = std::get<Activity*>(t);
  a->reviews_pos = list;
  a->reviews_style = flow ? CollectionStyle::flow : CollectionStyle::block;
  return &a->reviews;
}

// `goal:` opens the activity's goal.
Target goal_of(const Target& t) {
  Goal* g = &std::get<Activity*>(t)->goal.mut();
  g->present = true;
  return g;
}

bool is_plan_id(std::string_view id) {
  if (id.empty())
    return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  });
}

void set_plan_id(const Target& t, Value& v, const Errors& error) {
  if (!is_plan_id(v.text.value))
    error(v.text.pos, v.width, Msg::invalid_plan_id, {v.text.value});
  std::get<Plan*>(t)->id = std::move(v.text);
}

void set_language(const Target& t, Value& v, const Errors& error) {
  Plan* p = std::get<Plan*>(t);
  p->language = parse_language(v.text.value);
  if (!p->language) {
    error(v.text.pos, v.width, Msg::invalid_value, {"language", v.text.value},
          Msg::hint_valid_values, {"es, en"});
  }
}

void set_version(const Target& t, Value& v, const Errors& error) {
  if (v.integer.value != 1)
    error(v.integer.pos, v.width, Msg::unsupported_version, {std::to_string(v.integer.value)});
  std::get<Plan*>(t)->version = v.integer;
}

// Line and activity ids count from 1.
template <auto M>
void set_id(const Target& t, Value& v, const Errors& error) {
  if (v.integer.value < 1)
    error(v.integer.pos, v.width, Msg::invalid_id, {std::to_string(v.integer.value)});
  store<M>(t, v, error);
}

// The status words: an activity's `status` takes blocked and cancelled, an
// update's also active (the activity goes on again).
std::optional<ActivityFlag> read_status(const Value& v, const Errors& error, bool dated) {
  const Text& s = v.text;
  std::vector<std::string> words;
  for (const ActivityFlag f :
       {ActivityFlag::blocked, ActivityFlag::cancelled, ActivityFlag::none}) {
    if (f == ActivityFlag::none && !dated)
      continue;
    if (s.value == flag_word(f))
      return f;
    words.emplace_back(flag_word(f));
  }
  error.suggest(s.pos, v.width, Msg::invalid_value, {"status", s.value}, s.value, words,
                Msg::hint_valid_values);
  return std::nullopt;
}

void set_status(const Target& t, Value& v, const Errors& error) {
  Activity* a = std::get<Activity*>(t);
  a->flag = read_status(v, error, false).value_or(ActivityFlag::none);
  a->flag_text = std::move(v.text);
}

void set_update_status(const Target& t, Value& v, const Errors& error) {
  Update* u = std::get<Update*>(t);
  u->status = read_status(v, error, true);
}

void set_goal_kind(const Target& t, Value& v, const Errors& error) {
  Goal* g = std::get<Goal*>(t);
  if (const std::optional<GoalKind> k = parse_goal_kind(v.text.value)) {
    g->kind = *k;
  } else {
    std::vector<std::string> words;
    for (const GoalKind k : {GoalKind::eficacia, GoalKind::eficiencia, GoalKind::efectividad}) {
      words.emplace_back(goal_kind_word(k));
    }
    error.suggest(v.text.pos, v.width, Msg::invalid_value, {"kind", v.text.value}, v.text.value,
                  words, Msg::hint_valid_values);
  }
  g->kind_text = std::move(v.text);
}

void set_review_period(const Target& t, Value& v, const Errors& error) {
  if (!period_cutoff(v.text.value, 2000)) {
    error.suggest(v.text.pos, v.width, Msg::invalid_value, {"period", v.text.value}, v.text.value,
                  period_names(), Msg::hint_valid_values);
  }
  std::get<Review*>(t)->period = std::move(v.text);
}

// --- the tables --------------------------------------------------------------

constexpr FieldSpec kRootFields[] = {
    scalar("version", Kind::integer, true, set_version), map("plan", true, Node::plan),
    map("owners", false, Node::owners),
    list("lines", true, Node::line, line_items).remember(remember_key<&Plan::lines_key>)};
constexpr FieldSpec kPlanFields[] = {
    scalar("id", Kind::text, true, set_plan_id),
    scalar("title", Kind::text, true, store<&Plan::title>),
    scalar("entity", Kind::text, false, store<&Plan::entity>),
    map("period", true, Node::period),
    scalar("language", Kind::text, false, set_language),
    scalar("objective", Kind::text, false, store<&Plan::objective>),
    map("thresholds", false, Node::thresholds)};
constexpr FieldSpec kPeriodFields[] = {
    scalar("start", Kind::date, true, store<&Plan::period_start>),
    scalar("end", Kind::date, true, store<&Plan::period_end>)};
constexpr FieldSpec kThresholdFields[] = {
    scalar("green", Kind::integer, false, store<&Plan::green>),
    scalar("yellow", Kind::integer, false, store<&Plan::yellow>)};
constexpr FieldSpec kOwnerFields[] = {
    scalar("name", Kind::text, false, store<&Owner::name>),
    scalar("parent", Kind::text, false, store<&Owner::parent>),
    scalar("external", Kind::boolean, false, store<&Owner::external>)};
constexpr FieldSpec kLineFields[] = {
    scalar("id", Kind::integer, true, set_id<&Line::id>),
    scalar("title", Kind::text, true, store<&Line::title>),
    scalar("objective", Kind::text, false, store<&Line::objective>),
    codes("lead", true, owners<&Line::lead>),
    codes("support", false, owners<&Line::support>),
    scalar("product", Kind::text, false, store<&Line::product>),
    list("activities", true, Node::activity, activity_items)
        .remember(remember_key<&Line::activities_key>)};
constexpr FieldSpec kActivityFields[] = {
    scalar("id", Kind::integer, true, set_id<&Activity::id>),
    scalar("title", Kind::text, true, store<&Activity::title>),
    scalar("start", Kind::date, true, store<&Activity::start>),
    scalar("end", Kind::date, true, store<&Activity::end>),
    scalar("product", Kind::text, false, store<&Activity::product>),
    list("deliverables", false, Node::deliverable, items<&Activity::deliverables>),
    codes("lead", false, owners<&Activity::lead>),
    codes("support", false, owners<&Activity::support>),
    scalar("weight", Kind::number, false, store<&Activity::weight>),
    scalar("progress", Kind::integer, false, store<&Activity::progress>)
        .remember(remember_key<&Activity::progress_key>),
    scalar("status", Kind::text, false, set_status).remember(remember_key<&Activity::status_key>),
    list("updates", false, Node::update, update_items)
        .remember(remember_key<&Activity::updates_key>),
    map("goal", false, Node::goal).open(goal_of),
    list("programme", false, Node::milestone, items<&Activity::programme>),
    list("reviews", false, Node::review, review_items)
        .remember(remember_key<&Activity::reviews_key>)};
constexpr FieldSpec kDeliverableFields[] = {
    scalar("name", Kind::text, false, store<&Deliverable::name>),
    scalar("owner", Kind::text, false, store<&Deliverable::owner>),
    scalar("count", Kind::integer, false, store<&Deliverable::count>)};
constexpr FieldSpec kUpdateFields[] = {
    scalar("date", Kind::date, true, store<&Update::date>),
    scalar("progress", Kind::integer, true, store<&Update::progress>)
        .required_unless("status", "value"),
    scalar("value", Kind::number, false, store<&Update::value>),
    scalar("status", Kind::text, false, set_update_status),
    scalar("note", Kind::text, false, store<&Update::note>),
    scalar("by", Kind::text, false, store<&Update::by>),
    scalar("evidence", Kind::text, false, store<&Update::evidence>)};

constexpr FieldSpec kGoalFields[] = {scalar("indicator", Kind::text, true, store<&Goal::indicator>),
                                     scalar("unit", Kind::text, false, store<&Goal::unit>),
                                     scalar("target", Kind::number, true, store<&Goal::target>),
                                     scalar("kind", Kind::text, false, set_goal_kind)};
constexpr FieldSpec kMilestoneFields[] = {
    scalar("by", Kind::date, true, store<&Milestone::by>),
    scalar("progress", Kind::integer, true, store<&Milestone::progress>).required_unless("value"),
    scalar("value", Kind::number, false, store<&Milestone::value>)};
constexpr FieldSpec kReviewFields[] = {
    scalar("period", Kind::text, true, set_review_period),
    scalar("date", Kind::date, true, store<&Review::date>),
    scalar("by", Kind::text, true, store<&Review::by>),
    scalar("verified", Kind::integer, true, store<&Review::verified>).required_unless("value"),
    scalar("value", Kind::number, false, store<&Review::value>),
    scalar("note", Kind::text, false, store<&Review::note>)};

// A frame marks the keys it has seen in a bitmask and keeps their lines.
constexpr size_t kMaxFields = 16;
static_assert(std::size(kRootFields) <= kMaxFields && std::size(kPlanFields) <= kMaxFields &&
                  std::size(kPeriodFields) <= kMaxFields &&
                  std::size(kThresholdFields) <= kMaxFields &&
                  std::size(kOwnerFields) <= kMaxFields && std::size(kLineFields) <= kMaxFields &&
                  std::size(kActivityFields) <= kMaxFields &&
                  std::size(kDeliverableFields) <= kMaxFields &&
                  std::size(kUpdateFields) <= kMaxFields && std::size(kGoalFields) <= kMaxFields &&
                  std::size(kMilestoneFields) <= kMaxFields &&
                  std::size(kReviewFields) <= kMaxFields,
              "a mapping has more keys than Frame::seen and Frame::first_line can hold");

struct Schema {
  const FieldSpec* fields;
  size_t size;
  Msg where;
};

template <size_t N>
constexpr Schema schema_of(const FieldSpec (&fields)[N], Msg where) {
  return Schema{fields, N, where};
}

Schema schema(Node node) {
  switch (node) {
  case Node::root:
    return schema_of(kRootFields, Msg::where_root);
  case Node::plan:
    return schema_of(kPlanFields, Msg::where_plan);
  case Node::period:
    return schema_of(kPeriodFields, Msg::where_period);
  case Node::thresholds:
    return schema_of(kThresholdFields, Msg::where_thresholds);
  case Node::owner:
    return schema_of(kOwnerFields, Msg::where_owner);
  case Node::line:
    return schema_of(kLineFields, Msg::where_line);
  case Node::activity:
    return schema_of(kActivityFields, Msg::where_activity);
  case Node::deliverable:
    return schema_of(kDeliverableFields, Msg::where_deliverable);
  case Node::update:
    return schema_of(kUpdateFields, Msg::where_update);
  case Node::goal:
    return schema_of(kGoalFields, Msg::where_goal);
  case Node::milestone:
    return schema_of(kMilestoneFields, Msg::where_milestone);
  case Node::review:
    return schema_of(kReviewFields, Msg::where_review);
  default:
    return Schema{nullptr, 0, Msg::where_root};
  }
}

std::vector<std::string> key_names(const Schema& sc) {
  std::vector<std::string> names;
  for (size_t i = 0; i < sc.size; ++i) names.emplace_back(sc.fields[i].key);
  return names;
}

// Place names are catalog words, translated when the diagnostic is.
std::string where(Node node) { return word_arg(schema(node).where); }

// ---------------------------------------------------------------------------
// Reading scalars as numbers.

bool parse_integer(std::string_view s, long long* out) {
  if (s.empty())
    return false;
  size_t i = (s[0] == '-' || s[0] == '+') ? 1 : 0;
  if (i == s.size())
    return false;
  // A whole number too long to hold is still a whole number: it saturates,
  // and the range checks say what is wrong with it.
  constexpr long long kMax = 999'999'999'999'999'999;
  long long v = 0;
  for (; i < s.size(); ++i) {
    if (s[i] < '0' || s[i] > '9')
      return false;
    v = v >= kMax / 10 ? kMax : v * 10 + (s[i] - '0');
  }
  *out = s[0] == '-' ? -v : v;
  return true;
}

bool parse_number(std::string_view s, double* out) {
  long long whole = 0;
  if (parse_integer(s, &whole)) {
    *out = static_cast<double>(whole);
    return true;
  }
  // Plain decimals only (1.5, .5); YAML's .inf and .nan make no weight.
  std::string text(s);
  if (text.find_first_not_of("+-0123456789.eE") != std::string::npos) {
    return false;
  }
  char* end = nullptr;
  errno = 0;
  const double v = std::strtod(text.c_str(), &end);
  if (end != text.c_str() + text.size() || errno != 0)
    return false;
  *out = v;
  return true;
}

bool parse_boolean(std::string_view s, bool* out) {
  static constexpr std::string_view kTrue[] = {"true", "True", "TRUE"};
  static constexpr std::string_view kFalse[] = {"false", "False", "FALSE"};
  if (std::find(std::begin(kTrue), std::end(kTrue), s) != std::end(kTrue)) {
    *out = true;
    return true;
  }
  *out = false;
  return std::find(std::begin(kFalse), std::end(kFalse), s) != std::end(kFalse);
}

// What one YAML reader makes of a plain scalar, in words for a message.
std::string reading_words(const yaml::Resolved& r) {
  switch (r.type) {
  case yaml::PlainType::null:
    return word_arg(Msg::reading_null);
  case yaml::PlainType::boolean:
    return r.truth ? "true" : "false";
  case yaml::PlainType::integer:
    return fmt::format("{:.0f}", r.number);
  case yaml::PlainType::floating:
    return fmt::format("{}", r.number);
  case yaml::PlainType::timestamp:
    return word_arg(Msg::reading_date);
  default:
    return word_arg(Msg::reading_text);
  }
}

bool is_number(const yaml::Resolved& r) {
  return r.type == yaml::PlainType::integer || r.type == yaml::PlainType::floating;
}

// Only a plain scalar starting so can be anything but text to a YAML reader.
bool may_not_be_text(std::string_view s) {
  return !s.empty() && std::string_view("0123456789+-.~yYnNoOtTfF").find(s[0]) != s.npos;
}

// ---------------------------------------------------------------------------

constexpr int kExpectKey = -1;  // the frame waits for a key
constexpr int kSkipValue = -2;  // the pending key's value is not read
constexpr int kOwnerEntry = 0;  // (owners) the pending key is an owner code

struct Frame {
  Node node;
  bool is_map;
  Target object;    // what a mapping fills
  ListTarget list;  // where a list's entries go
  Pos pos;
  int field = kExpectKey;  // the pending key's index in the schema
  std::string key;         // the pending key, for messages
  Pos key_pos;
  unsigned seen = 0;  // fields seen, one bit each
  int first_line[kMaxFields] = {};
  std::vector<std::pair<std::string, int>> unknown_keys;
};

// Makes a new entry in a list of lines, activities, deliverables or updates.
struct NewEntry {
  const Pos& pos;
  bool flow;
  // (Only lists of entries reach here; the others make no target.)
  Target operator()(std::monostate) const { return Target(std::in_place_index<0>); }
  Target operator()(OwnerList*) const { return Target(std::in_place_index<0>); }
  template <class T>
  Target operator()(std::vector<T>* v) const {
    T& entry = v->emplace_back();
    entry.pos = pos;
    if constexpr (std::is_same_v<T, Line> || std::is_same_v<T, Activity> ||
                  std::is_same_v<T, Update> || std::is_same_v<T, Review>) {
      entry.style = flow ? CollectionStyle::flow : CollectionStyle::block;
    }
    return Target{&entry};
  }
};

class Builder : public yaml::Handler {
 public:
  Builder(Plan* plan, std::vector<Diagnostic>* diags) : plan_(plan), error_(plan->file, diags) {}

  bool fatal() const override { return fatal_; }
  bool saw_root() const { return saw_root_; }

  void on_event(const yaml::Event& e) override {
    switch (e.type) {
    case yaml::EventType::scalar:
      extend_ends(e.end);
      on_scalar(e);
      return;
    case yaml::EventType::null:
      on_scalar(e);
      return;
    case yaml::EventType::invalid:
      value_consumed_as_error();
      return;
    case yaml::EventType::map_start:
    case yaml::EventType::list_start:
      on_collection_start(e);
      // A flow collection ends at its closing bracket.
      extend_ends(e.end);
      return;
    case yaml::EventType::end:
      on_collection_end();
      return;
    }
  }

 private:
  // --- events, by shape ----------------------------------------------------

  void on_scalar(const yaml::Event& s) {
    if (stack_.empty()) {  // the document is one scalar (or nothing)
      saw_root_ = s.type != yaml::EventType::null;
      if (saw_root_) {
        error_(s.pos, s.width, Msg::expected_mapping, {where(Node::root)});
        fatal_ = true;
      }
      return;
    }
    Frame& f = stack_.back();
    if (f.node == Node::skip)
      return;
    if (!f.is_map) {
      list_scalar(f, s);
    } else if (f.field == kExpectKey) {
      map_key(f, s);
    } else {
      map_scalar_value(f, s);
      f.field = kExpectKey;
    }
  }

  void on_collection_start(const yaml::Event& e) {
    const bool is_map = e.type == yaml::EventType::map_start;
    if (stack_.empty()) {
      saw_root_ = true;
      if (!is_map) {
        error_(e.pos, 1, Msg::expected_mapping, {where(Node::root)});
        fatal_ = true;
        push_skip(is_map, e.pos);
        return;
      }
      push_map(Node::root, plan_, e.pos);
      return;
    }
    Frame& f = stack_.back();
    if (f.node == Node::skip) {
      push_skip(is_map, e.pos);
    } else if (!f.is_map) {
      list_collection(f, e);
    } else if (f.field == kExpectKey) {
      // A mapping or list used as a key: YAML allows it, plans never do.
      error_(e.pos, 1, Msg::expected_text, {"key"});
      f.field = kSkipValue;
      push_skip(is_map, e.pos);
      skip_after_key_ = true;
    } else {
      map_collection_value(f, e);
    }
  }

  void on_collection_end() {
    Frame done = std::move(stack_.back());
    stack_.pop_back();
    if (done.is_map && done.node != Node::skip)
      check_required(done);
    if (stack_.empty())
      return;
    Frame& parent = stack_.back();
    if (!parent.is_map)
      return;
    if (skip_after_key_ && done.node == Node::skip && parent.field == kSkipValue &&
        parent.node != Node::skip) {
      skip_after_key_ = false;  // the complex key ended; its value follows
      return;
    }
    parent.field = kExpectKey;
  }

  // An alias: reported by the reader, it still stands for a value.
  void value_consumed_as_error() {
    if (stack_.empty())
      return;
    Frame& f = stack_.back();
    if (f.is_map && f.field != kExpectKey)
      f.field = kExpectKey;
  }

  // --- mappings --------------------------------------------------------------

  void map_key(Frame& f, const yaml::Event& s) {
    if (s.type == yaml::EventType::null) {
      error_(s.pos, 1, Msg::expected_text, {"key"});
      f.field = kSkipValue;
      return;
    }
    f.key = std::string(s.value);
    f.key_pos = s.pos;
    if (f.node == Node::owners) {
      owner_key(f, s);
      return;
    }
    const Schema sc = schema(f.node);
    for (size_t i = 0; i < sc.size; ++i) {
      if (sc.fields[i].key == s.value) {
        known_key(f, sc.fields[i], i, s);
        return;
      }
    }
    unknown_key(f, sc, s);
  }

  void known_key(Frame& f, const FieldSpec& spec, size_t i, const yaml::Event& s) {
    const unsigned bit = 1u << i;
    if (f.seen & bit) {
      error_(s.pos, s.width, Msg::duplicate_key, {f.key, std::to_string(f.first_line[i])},
             Msg::hint_remove_one);
      f.field = kSkipValue;
      return;
    }
    f.seen |= bit;
    f.first_line[i] = s.pos.line;
    f.field = static_cast<int>(i);
    if (spec.on_key != nullptr)
      spec.on_key(f.object, s.pos);
  }

  void unknown_key(Frame& f, const Schema& sc, const yaml::Event& s) {
    f.field = kSkipValue;
    for (const auto& [k, line] : f.unknown_keys) {
      if (k == f.key) {
        error_(s.pos, s.width, Msg::duplicate_key, {f.key, std::to_string(line)},
               Msg::hint_remove_one);
        return;
      }
    }
    f.unknown_keys.emplace_back(f.key, s.pos.line);
    error_.suggest(s.pos, s.width, Msg::unknown_key, {f.key, where(f.node)}, f.key, key_names(sc),
                   Msg::hint_valid_keys);
  }

  void owner_key(Frame& f, const yaml::Event& s) {
    const auto it = plan_->owner_index.find(f.key);
    if (it != plan_->owner_index.end()) {
      error_(s.pos, s.width, Msg::duplicate_key,
             {f.key, std::to_string(plan_->owners[it->second].code.pos.line)},
             Msg::hint_remove_one);
      f.field = kSkipValue;
      return;
    }
    plan_->owner_index.emplace(f.key, plan_->owners.size());
    Owner o;
    o.code = Text{f.key, s.pos, s.width};
    o.pos = s.pos;
    plan_->owners.push_back(std::move(o));
    f.field = kOwnerEntry;
  }

  void map_scalar_value(Frame& f, const yaml::Event& s) {
    if (f.field == kSkipValue)
      return;
    const bool null = s.type == yaml::EventType::null;
    if (f.node == Node::owners) {
      // "SG:" with no mapping: an owner with no details is still an owner.
      if (!null)
        error_(s.pos, s.width, Msg::expected_mapping, {f.key});
      return;
    }
    const FieldSpec& spec = schema(f.node).fields[f.field];
    switch (spec.kind) {
    case Kind::map:
      if (!null) {
        error_(s.pos, s.width, Msg::expected_mapping, {f.key});
      } else {
        // "plan:" with nothing after it is a mapping with no keys.
        Frame empty;
        empty.node = spec.child;
        empty.is_map = true;
        empty.pos = f.key_pos;
        check_required(empty);
      }
      return;
    case Kind::codes:
      owner_codes_value(f, spec, s);
      return;
    case Kind::list:
      if (!null)
        error_(s.pos, s.width, Msg::expected_list, {f.key});
      return;
    default:
      store_scalar(f, spec, s);
    }
  }

  // "lead: SG": say how to write it, and take the code as meant, so that
  // no follow-up error (an unused owner) hides the real one. "lead:" with
  // no value (nothing, ~, null) is absent, as every valueless key is: an
  // activity then has its line's owners. A line must name its lead, so
  // there it stays an empty list, which validate reports as empty-lead.
  void owner_codes_value(Frame& f, const FieldSpec& spec, const yaml::Event& s) {
    const bool null = s.type == yaml::EventType::null;
    if (null && !spec.required)
      return;
    OwnerList* list = spec.codes(f.object);
    list->present = true;
    list->pos = f.key_pos;
    if (null)
      return;
    const std::string code(s.value);
    error_(s.pos, s.width, Msg::expected_list, {f.key}, Msg::hint_as_list, {f.key, code});
    list->codes.push_back(Text{code, s.pos, s.width});
  }

  void map_collection_value(Frame& f, const yaml::Event& e) {
    const bool is_map = e.type == yaml::EventType::map_start;
    if (f.field == kSkipValue) {
      push_skip(is_map, e.pos);
      return;
    }
    if (f.node == Node::owners) {
      if (!is_map) {
        error_(e.pos, 1, Msg::expected_mapping, {f.key});
        push_skip(is_map, e.pos);
        return;
      }
      Owner& o = plan_->owners.back();
      o.pos = e.pos;
      push_map(Node::owner, &o, e.pos);
      return;
    }
    const FieldSpec& spec = schema(f.node).fields[f.field];
    const bool wants_map = spec.kind == Kind::map;
    const bool wants_list = spec.kind == Kind::list || spec.kind == Kind::codes;
    if (is_map && wants_map) {
      // period, thresholds and the plan's own keys fill the same Plan; a
      // goal fills the activity's Goal.
      push_map(spec.child, spec.opens != nullptr ? spec.opens(f.object) : f.object, e.pos);
    } else if (!is_map && spec.kind == Kind::codes) {
      OwnerList* list = spec.codes(f.object);
      list->present = true;
      list->pos = e.pos;
      push_list(Node::code, list, e.pos);
    } else if (!is_map && wants_list) {
      push_list(spec.child, spec.items(f.object, e.pos, e.flow), e.pos);
    } else {
      const Msg msg = wants_map    ? Msg::expected_mapping
                      : wants_list ? Msg::expected_list
                                   : Msg::expected_text;
      error_(e.pos, 1, msg, {f.key});
      push_skip(is_map, e.pos);
    }
  }

  // --- lists -----------------------------------------------------------------

  void list_scalar(Frame& f, const yaml::Event& s) {
    if (f.node != Node::code) {
      error_(s.pos, s.width, Msg::expected_mapping, {where(f.node)});
    } else if (s.type == yaml::EventType::null) {
      error_(s.pos, 1, Msg::expected_text, {"owner"});
    } else {
      std::get<OwnerList*>(f.list)->codes.push_back(Text{std::string(s.value), s.pos, s.width});
    }
  }

  void list_collection(Frame& f, const yaml::Event& e) {
    const bool is_map = e.type == yaml::EventType::map_start;
    if (f.node == Node::code) {
      error_(e.pos, 1, Msg::expected_text, {"owner"});
      push_skip(is_map, e.pos);
      return;
    }
    if (!is_map) {
      error_(e.pos, 1, Msg::expected_mapping, {where(f.node)});
      push_skip(is_map, e.pos);
      return;
    }
    push_map(f.node, std::visit(NewEntry{e.pos, e.flow}, f.list), e.pos);
  }

  // --- scalar values ---------------------------------------------------------

  void store_scalar(Frame& f, const FieldSpec& spec, const yaml::Event& s) {
    if (s.type == yaml::EventType::null) {
      // "key:" with nothing: absent for optional keys, an error at the key
      // for required ones.
      if (spec.required) {
        error_(f.key_pos, static_cast<int>(count_chars(f.key)), Msg::missing_value, {f.key});
      }
      return;
    }
    Value v;
    v.width = s.width;
    if (read_value(f, spec.kind, s, &v))
      spec.set(f.object, v, error_);
  }

  // Reads the scalar as `kind` into v; false (and a diagnostic) when it is
  // not one.
  bool read_value(const Frame& f, Kind kind, const yaml::Event& s, Value* v) {
    const std::string_view text = s.value;  // copied only into a message or the model
    const bool quoted = s.style != yaml::ScalarStyle::plain;
    if (!quoted && disputed(f, kind, s))
      return false;
    switch (kind) {
    case Kind::text:
      v->text = Text{std::string(without_final_line_breaks(text)), s.pos, s.width};
      return true;
    case Kind::integer:
      v->integer.pos = s.pos;
      return read_number(f, s, quoted, Msg::expected_integer,
                         parse_integer(text, &v->integer.value) ||
                             (!quoted && other_integer(text, &v->integer.value)));
    case Kind::number:
      v->number.pos = s.pos;
      return read_number(f, s, quoted, Msg::expected_number,
                         parse_number(text, &v->number.value) ||
                             (!quoted && other_number(text, &v->number.value)));
    case Kind::boolean:
      if (quoted || !parse_boolean(text, &v->boolean)) {
        error_(s.pos, s.width, Msg::expected_bool, {f.key, std::string(text)});
        return false;
      }
      return true;
    case Kind::date:
      read_date(f, s, &v->date);
      return true;
    default:
      return false;
    }
  }

  // A plain value YAML 1.1 and YAML 1.2 readers read differently: an error
  // where either reads the kind the field wants (`on` for a boolean, `2_0`
  // or `012` for a number), a warning on a text others read as no text
  // (`title: 2021`). True when the value is refused.
  bool disputed(const Frame& f, Kind kind, const yaml::Event& s) {
    if (kind != Kind::integer && kind != Kind::number && kind != Kind::boolean &&
        (kind != Kind::text || !may_not_be_text(s.value)))
      return false;
    const yaml::Reading r = yaml::resolve_plain(s.value);
    if (kind == Kind::text) {
      const yaml::Resolved& other = r.yaml11.type != yaml::PlainType::text ? r.yaml11 : r.yaml12;
      if (other.type != yaml::PlainType::text && other.type != yaml::PlainType::null) {
        error_.warn(s.pos, s.width, Msg::unquoted_text,
                    {f.key, std::string(s.value), reading_words(other)}, Msg::hint_quote_text,
                    {f.key, std::string(s.value)});
      }
      return false;
    }
    const bool boolean = kind == Kind::boolean;
    const auto wanted = [&](const yaml::Resolved& x) {
      return boolean ? x.type == yaml::PlainType::boolean : is_number(x);
    };
    if (r.agree() || (!wanted(r.yaml11) && !wanted(r.yaml12)))
      return false;
    error_(s.pos, s.width, Msg::ambiguous_value,
           {f.key, std::string(s.value), reading_words(r.yaml11), reading_words(r.yaml12)},
           boolean ? Msg::hint_true_false : Msg::hint_plain_number);
    return true;
  }

  // A whole number both readers read alike in another spelling (0x32).
  static bool other_integer(std::string_view text, long long* out) {
    double v = 0;
    if (yaml::resolve_yaml12(text).type != yaml::PlainType::integer || !other_number(text, &v))
      return false;
    constexpr double kMax = 999'999'999'999'999'999.0;
    *out = static_cast<long long>(std::clamp(v, -kMax, kMax));
    return true;
  }
  static bool other_number(std::string_view text, double* out) {
    const yaml::Reading r = yaml::resolve_plain(text);
    if (!r.agree() || !is_number(r.yaml12) || !std::isfinite(r.yaml12.number))
      return false;
    *out = r.yaml12.number;
    return true;
  }

  // A number must be written plain: "40" in quotes is text.
  bool read_number(const Frame& f, const yaml::Event& s, bool quoted, Msg msg, bool parsed) {
    if (!quoted && parsed)
      return true;
    const std::string text(s.value);
    if (quoted && parsed) {
      error_(s.pos, s.width, msg, {f.key, text}, Msg::hint_unquote_number);
    } else {
      error_(s.pos, s.width, msg, {f.key, text});
    }
    return false;
  }

  void read_date(const Frame& f, const yaml::Event& s, DateValue* d) {
    d->pos = s.pos;
    const DateError e = parse_date(s.value, &d->date);
    if (e == DateError::syntax) {
      error_(s.pos, s.width, Msg::date_syntax, {f.key, std::string(s.value)},
             Msg::hint_date_format);
    } else if (e == DateError::impossible) {
      error_(s.pos, s.width, Msg::date_impossible, {std::string(s.value)});
    }
    d->ok = e == DateError::none;
  }

  // --- frames ------------------------------------------------------------------

  void push_map(Node node, Target object, const Pos& pos) {
    Frame& f = push(node, true, pos);
    f.object = object;
    if (node == Node::period)
      plan_->period_pos = pos;
  }
  void push_list(Node node, ListTarget list, const Pos& pos) { push(node, false, pos).list = list; }
  void push_skip(bool is_map, const Pos& pos) { push(Node::skip, is_map, pos); }

  Frame& push(Node node, bool is_map, const Pos& pos) {
    Frame& f = stack_.emplace_back();
    f.node = node;
    f.is_map = is_map;
    f.pos = pos;
    return f;
  }

  static bool seen(const Frame& f, const Schema& sc, std::string_view key) {
    for (size_t i = 0; i < sc.size && !key.empty(); ++i) {
      if (sc.fields[i].key == key)
        return (f.seen & (1u << i)) != 0;
    }
    return false;
  }

  void check_required(const Frame& f) {
    const Schema sc = schema(f.node);
    const std::vector<std::string> names = key_names(sc);
    for (size_t i = 0; i < sc.size; ++i) {
      if (!sc.fields[i].required || (f.seen & (1u << i)) || seen(f, sc, sc.fields[i].unless) ||
          seen(f, sc, sc.fields[i].unless2))
        continue;
      const std::string key(sc.fields[i].key);
      // "titel:" was already reported with "did you mean 'title'?".
      const bool misspelt =
          std::any_of(f.unknown_keys.begin(), f.unknown_keys.end(),
                      [&](const auto& unknown) { return nearest(unknown.first, names) == key; });
      if (misspelt)
        continue;
      error_(f.pos, 1, Msg::missing_key, {key, where(f.node)}, Msg::hint_add_key, {key});
    }
  }

  // Lines, activities and updates remember where their last value ends, so an
  // edit can tell a quoted value's continuation lines from what follows.
  void extend_ends(size_t end) {
    if (end == std::string::npos)
      return;
    const int e = static_cast<int>(end);
    for (Frame& f : stack_) {
      if (Line** l = std::get_if<Line*>(&f.object)) {
        (*l)->end_offset = std::max((*l)->end_offset, e);
      } else if (Activity** a = std::get_if<Activity*>(&f.object)) {
        (*a)->end_offset = std::max((*a)->end_offset, e);
      } else if (Update** u = std::get_if<Update*>(&f.object)) {
        (*u)->end_offset = std::max((*u)->end_offset, e);
      } else if (Review** r = std::get_if<Review*>(&f.object)) {
        (*r)->end_offset = std::max((*r)->end_offset, e);
      }
    }
  }

  Plan* plan_;
  Errors error_;
  std::vector<Frame> stack_;
  bool saw_root_ = false;
  bool fatal_ = false;
  bool skip_after_key_ = false;
};

}  // namespace

BuildResult build_plan(Plan* plan, std::vector<Diagnostic>* diagnostics,
                       const yaml::EventParser& parse) {
  Builder builder(plan, diagnostics);
  BuildResult r;
  r.outcome = yaml::read(plan->file, plan->source, builder, diagnostics, parse);
  r.fatal = builder.fatal();
  r.saw_root = builder.saw_root();
  return r;
}

}  // namespace plan::detail
