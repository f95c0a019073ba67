// load.cpp: yaml-cpp events -> model, one frame per open collection.
#include "plan/load.h"

#include <sys/stat.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unordered_map>

#include "plan/load_events.h"
#include "plan/text.h"

namespace plan {
namespace {

// ---------------------------------------------------------------------------
// The schema: which keys each mapping takes, and of what kind.

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
  code,
  skip
};

enum class Kind : unsigned char { text, integer, number, boolean, date, map, list, codes };

struct FieldSpec {
  std::string_view key;
  Kind kind;
  bool required;
  Node child = Node::skip;  // for map and list kinds
};

// Field indexes below must follow these tables' order.
constexpr FieldSpec kRootFields[] = {{"version", Kind::integer, true},
                                     {"plan", Kind::map, true, Node::plan},
                                     {"owners", Kind::map, false, Node::owners},
                                     {"lines", Kind::list, true, Node::line}};
constexpr FieldSpec kPlanFields[] = {{"id", Kind::text, true},
                                     {"title", Kind::text, true},
                                     {"entity", Kind::text, false},
                                     {"period", Kind::map, true, Node::period},
                                     {"language", Kind::text, false},
                                     {"objective", Kind::text, false},
                                     {"thresholds", Kind::map, false, Node::thresholds}};
constexpr FieldSpec kPeriodFields[] = {{"start", Kind::date, true}, {"end", Kind::date, true}};
constexpr FieldSpec kThresholdFields[] = {{"green", Kind::integer, false},
                                          {"yellow", Kind::integer, false}};
constexpr FieldSpec kOwnerFields[] = {
    {"name", Kind::text, false}, {"parent", Kind::text, false}, {"external", Kind::boolean, false}};
constexpr FieldSpec kLineFields[] = {{"id", Kind::integer, true},
                                     {"title", Kind::text, true},
                                     {"objective", Kind::text, false},
                                     {"lead", Kind::codes, true},
                                     {"support", Kind::codes, false},
                                     {"product", Kind::text, false},
                                     {"activities", Kind::list, true, Node::activity}};
constexpr FieldSpec kActivityFields[] = {
    {"id", Kind::integer, true},     {"title", Kind::text, true},
    {"start", Kind::date, true},     {"end", Kind::date, true},
    {"product", Kind::text, false},  {"deliverables", Kind::list, false, Node::deliverable},
    {"lead", Kind::codes, false},    {"support", Kind::codes, false},
    {"weight", Kind::number, false}, {"progress", Kind::integer, false},
    {"status", Kind::text, false},   {"updates", Kind::list, false, Node::update}};
constexpr FieldSpec kDeliverableFields[] = {
    {"name", Kind::text, false}, {"owner", Kind::text, false}, {"count", Kind::integer, false}};
constexpr FieldSpec kUpdateFields[] = {{"date", Kind::date, true},
                                       {"progress", Kind::integer, true},
                                       {"note", Kind::text, false},
                                       {"by", Kind::text, false},
                                       {"evidence", Kind::text, false}};

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
  default:
    return Schema{nullptr, 0, Msg::where_root};
  }
}

// ---------------------------------------------------------------------------

struct TooDeep {
  Pos pos;
};
struct StopParsing {};

// A pending key in a mapping: which field its value fills.
constexpr int kExpectKey = -1;
constexpr int kSkipValue = -2;
constexpr int kOwnerEntry = 0;

struct Frame {
  Node node;
  bool is_map;
  bool flow = false;  // written in flow style ([...] or {...})
  void* target;       // the object (map) or container (list) this frame fills
  Pos pos;
  int field = kExpectKey;
  std::string key;  // pending key, for messages
  Pos key_pos;
  unsigned seen = 0;  // fields seen, one bit each
  int first_line[16] = {};
  std::vector<std::pair<std::string, int>> unknown_keys;
};

struct Scalar {
  const std::string* value;  // nullptr for a null
  bool quoted;
  Pos pos;
  int width;
};

bool is_plan_id(std::string_view id) {
  if (id.empty())
    return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  });
}

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

class Builder : public YAML::EventHandler {
 public:
  Builder(Plan* plan, std::vector<Diagnostic>* diags, int bom)
      : plan_(plan), diags_(diags), bom_(bom), src_(plan->source) {}

  bool documents_started() const { return documents_ > 0; }
  bool saw_root() const { return saw_root_; }
  bool fatal() const { return fatal_; }

  // Events come in file order, so the character column is counted on from
  // the last position on the same line: counting from the line's start
  // every time would be quadratic in a long line's length.
  Pos to_pos(const YAML::Mark& m) const {
    Pos p;
    p.line = m.line + 1;
    p.offset = m.pos + bom_;
    const size_t off = std::min(static_cast<size_t>(p.offset), src_.size());
    const size_t line_start =
        off >= static_cast<size_t>(m.column) ? off - static_cast<size_t>(m.column) : 0;
    if (col_cache_.line_start != line_start || col_cache_.offset > off) {
      col_cache_ = {line_start, line_start, 0};
    }
    col_cache_.chars +=
        count_chars(std::string_view(src_).substr(col_cache_.offset, off - col_cache_.offset));
    col_cache_.offset = off;
    p.col = 1 + static_cast<int>(col_cache_.chars);
    return p;
  }

  void error(Pos pos, int width, Msg msg, std::vector<std::string> args,
             std::optional<Msg> hint = std::nullopt, std::vector<std::string> hint_args = {}) {
    Diagnostic d;
    d.file = plan_->file;
    d.pos = pos;
    d.width = std::max(1, width);
    d.message = msg;
    d.args = std::move(args);
    d.hint = hint;
    d.hint_args = std::move(hint_args);
    diags_->push_back(std::move(d));
  }

  // --- YAML::EventHandler ---------------------------------------------------

  void OnDocumentStart(const YAML::Mark& mark) override {
    if (++documents_ > 1) {
      error(to_pos(mark), 3, Msg::multiple_documents, {}, Msg::hint_one_document);
      throw StopParsing{};
    }
  }
  void OnDocumentEnd() override {}

  void OnAnchor(const YAML::Mark& mark, const std::string& name) override {
    error(to_pos(mark), static_cast<int>(count_chars(name)) + 1, Msg::anchor, {name},
          Msg::hint_no_anchor);
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override {
    const Pos pos = to_pos(mark);
    error(pos, 1, Msg::alias, {}, Msg::hint_no_anchor);
    value_consumed_as_error(pos);
  }

  void OnNull(const YAML::Mark& mark, YAML::anchor_t) override {
    Scalar s{nullptr, false, to_pos(mark), 1};
    on_scalar(s);
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t,
                const std::string& value) override {
    Scalar s{&value, tag == "!", to_pos(mark), 1};
    check_tag(tag, s.pos);
    s.width = scalar_width(s);
    const size_t at = static_cast<size_t>(s.pos.offset);
    size_t end = at + 1;
    if (s.quoted && at < src_.size() && (src_[at] == '|' || src_[at] == '>')) {
      end = block_scalar_end(at);
    } else if (s.quoted) {
      end = check_quote_closed(s.pos);
    }
    extend_ends(end);
    on_scalar(s);
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t,
                       YAML::EmitterStyle::value style) override {
    start_collection(mark, tag, style, /*is_map=*/false);
  }
  void OnSequenceEnd() override { on_collection_end(); }

  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t,
                  YAML::EmitterStyle::value style) override {
    start_collection(mark, tag, style, /*is_map=*/true);
  }
  void OnMapEnd() override { on_collection_end(); }

 private:
  // --- events, by shape ------------------------------------------------------

  void on_scalar(const Scalar& s) {
    if (stack_.empty()) {  // the document is one scalar (or nothing)
      saw_root_ = s.value != nullptr;
      if (saw_root_) {
        error(s.pos, s.width, Msg::expected_mapping, {where(Node::root)});
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

  void start_collection(const YAML::Mark& mark, const std::string& tag,
                        YAML::EmitterStyle::value style, bool is_map) {
    const Pos pos = to_pos(mark);
    check_tag(tag, pos);
    flow_ = style == YAML::EmitterStyle::Flow;
    const size_t close = flow_ && !in_flow() ? check_flow_closed(pos) : std::string::npos;
    on_collection_start(pos, is_map);
    if (is_map)
      set_style();
    // A flow collection ends at its closing bracket, past plain values
    // that go on over lines indented less than the activity's keys.
    if (close != std::string::npos)
      extend_ends(close + 1);
  }

  void on_collection_start(const Pos& pos, bool is_map) {
    if (static_cast<int>(stack_.size()) >= kMaxDepth)
      throw TooDeep{pos};
    if (stack_.empty()) {
      saw_root_ = true;
      if (!is_map) {
        error(pos, 1, Msg::expected_mapping, {where(Node::root)});
        fatal_ = true;
        push(Node::skip, is_map, nullptr, pos);
        return;
      }
      push(Node::root, true, plan_, pos);
      return;
    }
    Frame& f = stack_.back();
    if (f.node == Node::skip) {
      push(Node::skip, is_map, nullptr, pos);
    } else if (!f.is_map) {
      list_collection(f, pos, is_map);
    } else if (f.field == kExpectKey) {
      // A mapping or list used as a key: YAML allows it, plans never do.
      error(pos, 1, Msg::expected_text, {"key"});
      f.field = kSkipValue;
      push(Node::skip, is_map, nullptr, pos);
      skip_after_key_ = true;
    } else {
      map_collection_value(f, pos, is_map);
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
    if (parent.is_map) {
      if (skip_after_key_ && done.node == Node::skip && parent.field == kSkipValue &&
          parent.node != Node::skip) {
        skip_after_key_ = false;  // the complex key ended; its value follows
        return;
      }
      if (parent.field != kExpectKey)
        parent.field = kExpectKey;
    }
  }

  void value_consumed_as_error(const Pos&) {
    if (stack_.empty())
      return;
    Frame& f = stack_.back();
    if (f.is_map && f.field != kExpectKey)
      f.field = kExpectKey;
  }

  // --- mappings ----------------------------------------------------------------

  void map_key(Frame& f, const Scalar& s) {
    if (s.value == nullptr) {
      error(s.pos, 1, Msg::expected_text, {"key"});
      f.field = kSkipValue;
      return;
    }
    if (!f.flow)
      check_colon(s);
    const std::string& key = *s.value;
    f.key = key;
    f.key_pos = s.pos;
    if (f.node == Node::owners) {
      owner_key(f, s);
      return;
    }
    const Schema sc = schema(f.node);
    for (size_t i = 0; i < sc.size; ++i) {
      if (sc.fields[i].key != key)
        continue;
      const unsigned bit = 1u << i;
      if (f.seen & bit) {
        error(s.pos, s.width, Msg::duplicate_key, {key, std::to_string(f.first_line[i])},
              Msg::hint_remove_one);
        f.field = kSkipValue;
        return;
      }
      f.seen |= bit;
      f.first_line[i] = s.pos.line;
      f.field = static_cast<int>(i);
      if (f.node == Node::activity)
        remember_key(static_cast<Activity*>(f.target), key, s.pos);
      return;
    }
    f.field = kSkipValue;
    for (const auto& [k, line] : f.unknown_keys) {
      if (k == key) {
        error(s.pos, s.width, Msg::duplicate_key, {key, std::to_string(line)},
              Msg::hint_remove_one);
        return;
      }
    }
    f.unknown_keys.emplace_back(key, s.pos.line);
    std::vector<std::string> names;
    for (size_t i = 0; i < sc.size; ++i) names.emplace_back(sc.fields[i].key);
    const std::string near = nearest(key, names);
    if (!near.empty()) {
      error(s.pos, s.width, Msg::unknown_key, {key, where(f.node)}, Msg::hint_did_you_mean, {near});
    } else {
      error(s.pos, s.width, Msg::unknown_key, {key, where(f.node)}, Msg::hint_valid_keys,
            {join(names, ", ")});
    }
  }

  // The keys `plan mark` edits in place.
  static void remember_key(Activity* a, std::string_view key, const Pos& pos) {
    if (key == "progress")
      a->progress_key = pos;
    if (key == "status")
      a->status_key = pos;
    if (key == "updates")
      a->updates_key = pos;
  }

  void owner_key(Frame& f, const Scalar& s) {
    const std::string& code = *s.value;
    const auto it = plan_->owner_index.find(code);
    if (it != plan_->owner_index.end()) {
      error(s.pos, s.width, Msg::duplicate_key,
            {code, std::to_string(plan_->owners[it->second].code.pos.line)}, Msg::hint_remove_one);
      f.field = kSkipValue;
      return;
    }
    plan_->owner_index.emplace(code, plan_->owners.size());
    Owner o;
    o.code = Text{code, s.pos, s.width};
    o.pos = s.pos;
    plan_->owners.push_back(std::move(o));
    f.field = kOwnerEntry;
  }

  void map_scalar_value(Frame& f, const Scalar& s) {
    if (f.field == kSkipValue)
      return;
    if (f.node == Node::owners) {
      // "SG:" with no mapping: an owner with no details is still an owner.
      if (s.value != nullptr) {
        error(s.pos, s.width, Msg::expected_mapping, {f.key});
      }
      return;
    }
    const FieldSpec& spec = schema(f.node).fields[f.field];
    switch (spec.kind) {
    case Kind::map:
      if (s.value != nullptr) {
        error(s.pos, s.width, Msg::expected_mapping, {f.key});
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
      if (s.value != nullptr) {
        // "lead: SG": say how to write it, and take the code as meant, so
        // that no follow-up error (an unused owner) hides the real one.
        error(s.pos, s.width, Msg::expected_list, {f.key}, Msg::hint_as_list, {f.key, *s.value});
        mark_present(f);
        owner_list(f)->codes.push_back(Text{*s.value, s.pos, s.width});
      } else {
        mark_present(f);
      }
      return;
    case Kind::list:
      if (s.value != nullptr)
        error(s.pos, s.width, Msg::expected_list, {f.key});
      return;
    default:
      store_scalar(f, spec, s);
    }
  }

  void map_collection_value(Frame& f, const Pos& pos, bool is_map) {
    if (f.field == kSkipValue) {
      push(Node::skip, is_map, nullptr, pos);
      return;
    }
    if (f.node == Node::owners) {
      if (!is_map) {
        error(pos, 1, Msg::expected_mapping, {f.key});
        push(Node::skip, is_map, nullptr, pos);
        return;
      }
      Owner& o = plan_->owners.back();
      o.pos = pos;
      push(Node::owner, true, &o, pos);
      return;
    }
    const FieldSpec& spec = schema(f.node).fields[f.field];
    const bool wants_map = spec.kind == Kind::map;
    const bool wants_list = spec.kind == Kind::list || spec.kind == Kind::codes;
    if (is_map && wants_map) {
      push(spec.child, true, map_target(f), pos);
    } else if (!is_map && wants_list) {
      void* target = list_target(f, spec, pos);
      push(spec.kind == Kind::codes ? Node::code : spec.child, false, target, pos);
    } else {
      const Msg msg = wants_map    ? Msg::expected_mapping
                      : wants_list ? Msg::expected_list
                                   : Msg::expected_text;
      error(pos, 1, msg, {f.key});
      push(Node::skip, is_map, nullptr, pos);
    }
  }

  // The object a nested mapping fills: period and thresholds fill the plan.
  void* map_target(Frame& f) { return f.target; }

  void* list_target(Frame& f, const FieldSpec& spec, const Pos& pos) {
    if (spec.kind == Kind::codes) {
      OwnerList* list = owner_list(f);
      list->present = true;
      list->pos = pos;
      return list;
    }
    switch (spec.child) {
    case Node::line:
      return &static_cast<Plan*>(f.target)->lines;
    case Node::activity:
      return &static_cast<Line*>(f.target)->activities;
    case Node::deliverable:
      return &static_cast<Activity*>(f.target)->deliverables;
    case Node::update: {
      auto* a = static_cast<Activity*>(f.target);
      a->updates_pos = pos;
      a->updates_style = flow_ ? CollectionStyle::flow : CollectionStyle::block;
      return &a->updates;
    }
    default:
      return nullptr;
    }
  }

  void mark_present(Frame& f) {
    const FieldSpec& spec = schema(f.node).fields[f.field];
    if (spec.kind == Kind::codes) {
      OwnerList* list = owner_list(f);
      list->present = true;
      list->pos = f.key_pos;
    }
  }

  OwnerList* owner_list(Frame& f) {
    const bool lead = schema(f.node).fields[f.field].key == "lead";
    if (f.node == Node::line) {
      auto* l = static_cast<Line*>(f.target);
      return lead ? &l->lead : &l->support;
    }
    auto* a = static_cast<Activity*>(f.target);
    return lead ? &a->lead : &a->support;
  }

  // --- lists ----------------------------------------------------------------

  void list_scalar(Frame& f, const Scalar& s) {
    if (f.node == Node::code) {
      if (s.value == nullptr) {
        error(s.pos, 1, Msg::expected_text, {"owner"});
        return;
      }
      static_cast<OwnerList*>(f.target)->codes.push_back(Text{*s.value, s.pos, s.width});
      return;
    }
    error(s.pos, s.width, Msg::expected_mapping, {where(f.node)});
  }

  void list_collection(Frame& f, const Pos& pos, bool is_map) {
    if (f.node == Node::code) {
      error(pos, 1, Msg::expected_text, {"owner"});
      push(Node::skip, is_map, nullptr, pos);
      return;
    }
    if (!is_map) {
      error(pos, 1, Msg::expected_mapping, {where(f.node)});
      push(Node::skip, is_map, nullptr, pos);
      return;
    }
    void* item = nullptr;
    switch (f.node) {
    case Node::line: {
      auto* v = static_cast<std::vector<Line>*>(f.target);
      v->emplace_back().pos = pos;
      item = &v->back();
      break;
    }
    case Node::activity: {
      auto* v = static_cast<std::vector<Activity>*>(f.target);
      v->emplace_back().pos = pos;
      item = &v->back();
      break;
    }
    case Node::deliverable: {
      auto* v = static_cast<std::vector<Deliverable>*>(f.target);
      v->emplace_back().pos = pos;
      item = &v->back();
      break;
    }
    case Node::update: {
      auto* v = static_cast<std::vector<Update>*>(f.target);
      v->emplace_back().pos = pos;
      item = &v->back();
      break;
    }
    default:
      break;
    }
    push(f.node, true, item, pos);
  }

  // --- scalar values ------------------------------------------------------

  void store_scalar(Frame& f, const FieldSpec& spec, const Scalar& s) {
    if (s.value == nullptr) {
      // "key:" with nothing: absent for optional keys, an error at the key
      // for required ones.
      if (spec.required) {
        error(f.key_pos, static_cast<int>(count_chars(f.key)), Msg::missing_value, {f.key});
      }
      return;
    }
    const std::string& v = *s.value;
    switch (spec.kind) {
    case Kind::text:
      store_text(f, Text{std::string(without_final_line_breaks(v)), s.pos, s.width});
      return;
    case Kind::integer: {
      long long n = 0;
      if (s.quoted || !parse_integer(v, &n)) {
        if (s.quoted && parse_integer(v, &n)) {
          error(s.pos, s.width, Msg::expected_integer, {f.key, v}, Msg::hint_unquote_number);
        } else {
          error(s.pos, s.width, Msg::expected_integer, {f.key, v});
        }
        return;
      }
      store_integer(f, IntValue{n, s.pos}, s.width);
      return;
    }
    case Kind::number: {
      double n = 0;
      if (s.quoted || !parse_number(v, &n)) {
        if (s.quoted && parse_number(v, &n)) {
          error(s.pos, s.width, Msg::expected_number, {f.key, v}, Msg::hint_unquote_number);
        } else {
          error(s.pos, s.width, Msg::expected_number, {f.key, v});
        }
        return;
      }
      static_cast<Activity*>(f.target)->weight = NumberValue{n, s.pos};
      return;
    }
    case Kind::boolean: {
      static constexpr std::string_view kTrue[] = {"true", "True", "TRUE"};
      static constexpr std::string_view kFalse[] = {"false", "False", "FALSE"};
      bool b = false;
      if (!s.quoted && std::find(std::begin(kTrue), std::end(kTrue), v) != std::end(kTrue)) {
        b = true;
      } else if (s.quoted ||
                 std::find(std::begin(kFalse), std::end(kFalse), v) == std::end(kFalse)) {
        error(s.pos, s.width, Msg::expected_bool, {f.key, v});
        return;
      }
      static_cast<Owner*>(f.target)->external = b;
      return;
    }
    case Kind::date:
      store_date(f, s);
      return;
    default:
      return;
    }
  }

  void store_text(Frame& f, Text t) {
    const std::string_view key = f.key;
    switch (f.node) {
    case Node::plan: {
      auto* p = static_cast<Plan*>(f.target);
      if (key == "id") {
        if (!is_plan_id(t.value)) {
          error(t.pos, t.width, Msg::invalid_plan_id, {t.value});
        }
        p->id = std::move(t);
      } else if (key == "title") {
        p->title = std::move(t);
      } else if (key == "entity") {
        p->entity = std::move(t);
      } else if (key == "objective") {
        p->objective = std::move(t);
      } else if (key == "language") {
        p->language = parse_language(t.value);
        if (!p->language) {
          error(t.pos, t.width, Msg::invalid_value, {"language", t.value}, Msg::hint_valid_values,
                {"es, en"});
        }
      }
      return;
    }
    case Node::owner: {
      auto* o = static_cast<Owner*>(f.target);
      (key == "name" ? o->name : o->parent) = std::move(t);
      return;
    }
    case Node::line: {
      auto* l = static_cast<Line*>(f.target);
      if (key == "title")
        l->title = std::move(t);
      else if (key == "objective")
        l->objective = std::move(t);
      else
        l->product = std::move(t);
      return;
    }
    case Node::activity: {
      auto* a = static_cast<Activity*>(f.target);
      if (key == "title") {
        a->title = std::move(t);
      } else if (key == "product") {
        a->product = std::move(t);
      } else if (key == "status") {
        store_flag(a, std::move(t));
      }
      return;
    }
    case Node::deliverable: {
      auto* d = static_cast<Deliverable*>(f.target);
      (key == "name" ? d->name : d->owner) = std::move(t);
      return;
    }
    case Node::update: {
      auto* u = static_cast<Update*>(f.target);
      if (key == "note")
        u->note = std::move(t);
      else if (key == "by")
        u->by = std::move(t);
      else
        u->evidence = std::move(t);
      return;
    }
    default:
      return;
    }
  }

  void store_flag(Activity* a, Text t) {
    if (t.value == "blocked") {
      a->flag = ActivityFlag::blocked;
    } else if (t.value == "cancelled") {
      a->flag = ActivityFlag::cancelled;
    } else {
      const std::vector<std::string> values = {"blocked", "cancelled"};
      const std::string near = nearest(t.value, values);
      if (!near.empty()) {
        error(t.pos, t.width, Msg::invalid_value, {"status", t.value}, Msg::hint_did_you_mean,
              {near});
      } else {
        error(t.pos, t.width, Msg::invalid_value, {"status", t.value}, Msg::hint_valid_values,
              {"blocked, cancelled"});
      }
    }
    a->flag_text = std::move(t);
  }

  void store_integer(Frame& f, IntValue n, int width) {
    const std::string_view key = f.key;
    switch (f.node) {
    case Node::root:
      if (n.value != 1) {
        error(n.pos, width, Msg::unsupported_version, {std::to_string(n.value)});
      }
      plan_->version = n;
      return;
    case Node::thresholds:
      (key == "green" ? static_cast<Plan*>(f.target)->green
                      : static_cast<Plan*>(f.target)->yellow) = n;
      return;
    case Node::line:
      check_id(n, width);
      static_cast<Line*>(f.target)->id = n;
      return;
    case Node::activity: {
      auto* a = static_cast<Activity*>(f.target);
      if (key == "id") {
        check_id(n, width);
        a->id = n;
      } else {
        a->progress = n;
      }
      return;
    }
    case Node::deliverable:
      static_cast<Deliverable*>(f.target)->count = n;
      return;
    case Node::update:
      static_cast<Update*>(f.target)->progress = n;
      return;
    default:
      return;
    }
  }

  void check_id(const IntValue& n, int width) {
    if (n.value < 1)
      error(n.pos, width, Msg::invalid_id, {std::to_string(n.value)});
  }

  void store_date(Frame& f, const Scalar& s) {
    DateValue d;
    d.pos = s.pos;
    const DateError e = parse_date(*s.value, &d.date);
    if (e == DateError::syntax) {
      error(s.pos, s.width, Msg::date_syntax, {f.key, *s.value}, Msg::hint_date_format);
    } else if (e == DateError::impossible) {
      error(s.pos, s.width, Msg::date_impossible, {*s.value});
    }
    d.ok = e == DateError::none;
    const std::string_view key = f.key;
    switch (f.node) {
    case Node::period:
      (key == "start" ? plan_->period_start : plan_->period_end) = d;
      return;
    case Node::activity:
      (key == "start" ? static_cast<Activity*>(f.target)->start
                      : static_cast<Activity*>(f.target)->end) = d;
      return;
    case Node::update:
      static_cast<Update*>(f.target)->date = d;
      return;
    default:
      return;
    }
  }

  // --- frames -------------------------------------------------------------------

  void push(Node node, bool is_map, void* target, const Pos& pos) {
    Frame f;
    f.node = node;
    f.is_map = is_map;
    f.flow = flow_;
    f.target = target;
    f.pos = pos;
    stack_.push_back(std::move(f));
    if (node == Node::period && !stack_.empty())
      plan_->period_pos = pos;
  }

  void set_style() {
    Frame& f = stack_.back();
    const CollectionStyle style = flow_ ? CollectionStyle::flow : CollectionStyle::block;
    if (f.node == Node::activity)
      static_cast<Activity*>(f.target)->style = style;
    if (f.node == Node::update)
      static_cast<Update*>(f.target)->style = style;
  }

  void check_required(const Frame& f) {
    const Schema sc = schema(f.node);
    std::vector<std::string> names;
    for (size_t i = 0; i < sc.size; ++i) names.emplace_back(sc.fields[i].key);
    for (size_t i = 0; i < sc.size; ++i) {
      if (!sc.fields[i].required || (f.seen & (1u << i)))
        continue;
      const std::string key(sc.fields[i].key);
      // "titel:" was already reported with "did you mean 'title'?".
      const bool misspelt =
          std::any_of(f.unknown_keys.begin(), f.unknown_keys.end(),
                      [&](const auto& unknown) { return nearest(unknown.first, names) == key; });
      if (misspelt)
        continue;
      error(f.pos, 1, Msg::missing_key, {key, where(f.node)}, Msg::hint_add_key, {key});
    }
  }

  // Place names are catalog words, translated when the diagnostic is.
  static std::string where(Node node) { return word_arg(schema(node).where); }

  void check_tag(const std::string& tag, const Pos& pos) {
    // yaml-cpp gives quoted scalars the tag "!" too: only a '!' written
    // where the node starts is a tag.
    const size_t at = static_cast<size_t>(pos.offset);
    if (tag.empty() || tag == "?" || (tag == "!" && (at >= src_.size() || src_[at] != '!')))
      return;
    // yaml-cpp hands over "!!str" resolved; show it as it was written.
    static constexpr std::string_view kCore = "tag:yaml.org,2002:";
    const std::string shown = tag.rfind(kCore, 0) == 0 ? "!!" + tag.substr(kCore.size()) : tag;
    error(pos, static_cast<int>(count_chars(shown)), Msg::tag, {shown}, Msg::hint_quote);
  }

  // Characters under the caret: the value as written, on its first line.
  int scalar_width(const Scalar& s) const {
    // The value as written takes at most its own bytes and two quotes:
    // look no further, so that a long line is not scanned once per value.
    const size_t from = static_cast<size_t>(s.pos.offset);
    const size_t limit = std::min(src_.size(), from + s.value->size() + 2);
    size_t end = from;
    while (end < limit && src_[end] != '\n' && src_[end] != '\r') ++end;
    const int rest = static_cast<int>(count_chars(std::string_view(src_).substr(from, end - from)));
    const int value = static_cast<int>(count_chars(*s.value)) + (s.quoted ? 2 : 0);
    return std::max(1, std::min(rest, value));
  }

  bool in_flow() const { return !stack_.empty() && stack_.back().flow; }

  // A key of a block mapping is followed by ':' on its own line. yaml-cpp
  // reads a bare word on the last line of the file as a key with no value
  // (jbeder/yaml-cpp#819), where YAML and every other reader see an error.
  void check_colon(const Scalar& s) {
    const size_t key = static_cast<size_t>(s.pos.offset);
    if (key >= src_.size())
      return;
    // An explicit key ("? key") has its ':' on a later line.
    size_t before = key;
    while (before > 0 && (src_[before - 1] == ' ' || src_[before - 1] == '\t')) --before;
    if (before > 0 && src_[before - 1] == '?')
      return;
    const YamlKey k = yaml_key(src_, key, /*flow=*/false);
    // (A quote never closed is check_quote_closed's to report.)
    if (k.end == std::string::npos || k.colon != std::string::npos)
      return;
    error(s.pos, s.width, Msg::missing_colon, {*s.value}, Msg::hint_add_colon, {*s.value});
    fatal_ = true;
    throw StopParsing{};
  }

  // Where the block scalar (| or >) whose indicator is at `at` ends: after
  // its last line that is not blank. Its lines are indented deeper than
  // the key it is the value of (or the '-' of its list entry), by the
  // indentation of its first line or by the digit after the indicator.
  size_t block_scalar_end(size_t at) const {
    size_t parent = 0;  // the column of the key or '-' the scalar belongs to
    if (!stack_.empty()) {
      const Frame& f = stack_.back();
      const Pos& p = f.is_map ? f.key_pos : f.pos;
      if (p.known())
        parent = static_cast<size_t>(p.col - 1);
    }
    size_t digit = 0;
    for (size_t i = at + 1; i < src_.size() && i < at + 3; ++i) {
      if (src_[i] >= '1' && src_[i] <= '9')
        digit = static_cast<size_t>(src_[i] - '0');
    }
    size_t content = 0;  // the indentation of its lines
    size_t end = at + 1;
    for (size_t line = next_line_start(src_, at); line < src_.size();
         line = next_line_start(src_, line)) {
      if (is_blank_line(src_, line))
        continue;
      const size_t ind = line_indent(src_, line);
      if (content == 0)
        content = digit != 0 ? parent + digit : ind;
      if (ind < content || ind <= parent)
        break;
      size_t e = src_.find('\n', line);
      end = e == std::string::npos ? src_.size() : e;
    }
    return end;
  }

  // yaml-cpp reads a '[' or '{' that is never closed to the end of the
  // file and then reports it elsewhere, after phantom events; check the
  // brackets of the whole flow collection once, when it opens.
  // Returns the offset of its closing bracket.
  size_t check_flow_closed(const Pos& pos) {
    const size_t open = static_cast<size_t>(pos.offset);
    if (open >= src_.size() || (src_[open] != '[' && src_[open] != '{'))
      return open;
    const size_t close = yaml_flow_end(src_, open);
    if (close != std::string_view::npos)
      return close;
    error(pos, 1, Msg::unclosed_flow, {std::string(1, src_[open])}, Msg::hint_yaml);
    fatal_ = true;
    throw StopParsing{};
  }

  // yaml-cpp reads a quote that is never closed to the end of the file
  // without complaint; a plan file must not lose its tail that way.
  // Returns the offset just after the closing quote.
  size_t check_quote_closed(const Pos& pos) {
    const size_t start = static_cast<size_t>(pos.offset);
    if (start >= src_.size())
      return start;
    if (src_[start] != '"' && src_[start] != '\'')
      return start + 1;
    const size_t end = yaml_quote_end(src_, start);
    if (end != std::string_view::npos)
      return end;
    error(pos, 1, Msg::unterminated_quote, {}, Msg::hint_yaml);
    fatal_ = true;
    throw StopParsing{};
  }

  // Activities and updates remember where their last value ends, so an
  // edit can tell a quoted value's continuation lines from what follows.
  void extend_ends(size_t end) {
    for (Frame& f : stack_) {
      // (A list frame of activities or updates holds the vector, not one.)
      if (!f.is_map || f.target == nullptr)
        continue;
      if (f.node == Node::activity) {
        auto* a = static_cast<Activity*>(f.target);
        a->end_offset = std::max(a->end_offset, static_cast<int>(end));
      } else if (f.node == Node::update) {
        auto* u = static_cast<Update*>(f.target);
        u->end_offset = std::max(u->end_offset, static_cast<int>(end));
      }
    }
  }

 private:
  Plan* plan_;
  std::vector<Diagnostic>* diags_;
  int bom_;
  const std::string& src_;
  std::vector<Frame> stack_;
  struct ColumnCache {
    size_t line_start = 0;
    size_t offset = 0;  // counted up to here
    size_t chars = 0;   // characters from line_start to offset
  };
  mutable ColumnCache col_cache_;
  int documents_ = 0;
  bool saw_root_ = false;
  bool fatal_ = false;
  bool flow_ = false;  // the collection being opened is in flow style
  bool skip_after_key_ = false;
};

Pos pos_at_offset(std::string_view src, size_t offset) {
  Pos p;
  p.offset = static_cast<int>(offset);
  p.line = 1;
  // A BOM is not a character of the first line.
  size_t line_start = src.compare(0, 3, "\xEF\xBB\xBF") == 0 && offset >= 3 ? 3 : 0;
  for (size_t i = 0; i < offset && i < src.size(); ++i) {
    if (src[i] == '\n') {
      ++p.line;
      line_start = i + 1;
    }
  }
  p.col = 1 + static_cast<int>(count_chars(src.substr(line_start, offset - line_start)));
  return p;
}

std::string hex_byte(unsigned char c) { return fmt::format("{:02X}", c); }

// Bytes that no plan may hold: invalid UTF-8, and control characters other
// than tab, line feed and carriage return.
bool check_bytes(const std::string& file, std::string_view src, std::vector<Diagnostic>* diags) {
  const size_t bad = find_invalid_utf8(src);
  if (bad != std::string_view::npos) {
    Diagnostic d;
    d.file = file;
    d.pos = pos_at_offset(src, bad);
    d.message = Msg::invalid_utf8;
    d.args = {hex_byte(static_cast<unsigned char>(src[bad]))};
    d.hint = Msg::hint_utf8;
    diags->push_back(std::move(d));
    return false;
  }
  for (size_t i = 0; i < src.size(); ++i) {
    const auto c = static_cast<unsigned char>(src[i]);
    if (c == '\r' && (i + 1 >= src.size() || src[i + 1] != '\n')) {
      Diagnostic d;
      d.file = file;
      d.pos = pos_at_offset(src, i);
      d.message = Msg::lone_cr;
      d.hint = Msg::hint_line_ends;
      diags->push_back(std::move(d));
      return false;
    }
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
      Diagnostic d;
      d.file = file;
      d.pos = pos_at_offset(src, i);
      d.message = Msg::control_char;
      d.args = {fmt::format("{:04X}", c)};
      d.hint = Msg::hint_remove_char;
      diags->push_back(std::move(d));
      return false;
    }
  }
  return true;
}

// Lets yaml-cpp read the text in place: a std::istringstream would copy a
// file that may be megabytes long.
class MemoryBuffer : public std::streambuf {
 public:
  explicit MemoryBuffer(const std::string& text) {
    char* begin = const_cast<char*>(text.data());  // read-only: no put area
    setg(begin, begin, begin + text.size());
  }
};

// yaml-cpp's event parser: the first document, and the start of a second
// one (which the builder refuses).
void parse_with_yaml_cpp(const std::string& text, YAML::EventHandler& handler,
                         const std::function<bool()>& stop) {
  MemoryBuffer buffer(text);
  std::istream in(&buffer);
  YAML::Parser parser(in);
  parser.HandleNextDocument(handler);
  if (!stop())
    parser.HandleNextDocument(handler);
}

}  // namespace

LoadResult load_plan_text(std::string file, std::string text) {
  return load_plan_text_with(std::move(file), std::move(text), parse_with_yaml_cpp);
}

LoadResult load_plan_text_with(std::string file, std::string text, const EventParser& parse) {
  LoadResult r;
  r.plan.file = std::move(file);
  r.plan.source = std::move(text);
  const std::string& src = r.plan.source;
  if (!check_bytes(r.plan.file, src, &r.diagnostics))
    return r;

  const int bom = src.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
  Builder builder(&r.plan, &r.diagnostics, bom);
  try {
    parse(src, builder, [&builder] { return builder.fatal(); });
  } catch (const StopParsing&) {
    // The builder said why.
  } catch (const TooDeep& e) {
    Diagnostic d;
    d.file = r.plan.file;
    d.pos = e.pos;
    d.message = Msg::too_deep;
    d.args = {std::to_string(kMaxDepth)};
    r.diagnostics.push_back(std::move(d));
    return r;
  } catch (const YAML::Exception& e) {
    // A mapping the error cut short may have looked complete to the
    // events: its "missing" keys are not to be believed.
    r.diagnostics.erase(
        std::remove_if(r.diagnostics.begin(), r.diagnostics.end(),
                       [](const Diagnostic& d) { return d.code() == "missing-key"; }),
        r.diagnostics.end());
    Diagnostic d;
    d.file = r.plan.file;
    d.pos = builder.to_pos(e.mark.is_null() ? YAML::Mark() : e.mark);
    d.message = Msg::yaml_syntax;
    // yaml-cpp may quote half a character ("unknown escape character").
    d.args = {valid_utf8(e.msg)};
    d.hint = Msg::hint_yaml;
    r.diagnostics.push_back(std::move(d));
    return r;
  }
  if (builder.fatal())
    return r;
  if (!builder.saw_root()) {
    Diagnostic d;
    d.file = r.plan.file;
    d.pos = Pos{1, 1, 0};
    d.message = Msg::empty_file;
    d.hint = Msg::hint_empty_file;
    r.diagnostics.push_back(std::move(d));
    return r;
  }
  r.complete = true;
  return r;
}

namespace {

Diagnostic file_error(const std::string& path, Msg msg, std::vector<std::string> args) {
  Diagnostic d;
  d.file = path;
  d.message = msg;
  d.args = std::move(args);
  d.hint = Msg::hint_check_path;
  return d;
}

}  // namespace

LoadResult load_plan_file(const std::string& path) {
  LoadResult r;
  r.plan.file = path;
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    r.diagnostics.push_back(errno == ENOENT
                                ? file_error(path, Msg::path_not_found, {path})
                                : file_error(path, Msg::io_error, {path, std::strerror(errno)}));
    return r;
  }
  // A FIFO or a device would block or never end; only regular files are plans.
  if (!S_ISREG(st.st_mode)) {
    r.diagnostics.push_back(file_error(path, Msg::not_a_file, {path}));
    return r;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    r.diagnostics.push_back(file_error(path, Msg::io_error, {path, std::strerror(errno)}));
    return r;
  }
  std::string text;
  text.resize(static_cast<size_t>(st.st_size));
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  text.resize(static_cast<size_t>(in.gcount()));
  if (in.bad()) {
    r.diagnostics.push_back(file_error(path, Msg::io_error, {path, std::strerror(errno)}));
    return r;
  }
  return load_plan_text(path, std::move(text));
}

namespace {

// The *.yaml and *.yml files below dir, depth first in name order; a
// directory that cannot be read is reported, never skipped in silence.
void walk(const std::filesystem::path& dir, int depth, std::vector<std::string>* found,
          std::vector<Diagnostic>* diagnostics) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::directory_iterator it(dir, ec);
  if (ec) {
    diagnostics->push_back(file_error(dir.string(), Msg::io_error, {dir.string(), ec.message()}));
    return;
  }
  std::vector<fs::directory_entry> entries;
  for (; !ec && it != fs::directory_iterator(); it.increment(ec)) entries.push_back(*it);
  if (ec) {
    diagnostics->push_back(file_error(dir.string(), Msg::io_error, {dir.string(), ec.message()}));
  }
  std::sort(entries.begin(), entries.end(),
            [](const auto& a, const auto& b) { return a.path() < b.path(); });
  for (const fs::directory_entry& e : entries) {
    std::error_code type_ec;
    if (e.is_directory(type_ec)) {
      if (depth < 32)
        walk(e.path(), depth + 1, found, diagnostics);
      continue;
    }
    const std::string ext = e.path().extension().string();
    if (ext == ".yaml" || ext == ".yml")
      found->push_back(e.path().string());
  }
}

}  // namespace

std::vector<std::string> find_plan_files(const std::vector<std::string>& paths,
                                         std::vector<Diagnostic>* diagnostics) {
  namespace fs = std::filesystem;
  std::vector<std::string> out;
  std::vector<fs::path> seen;  // a file named twice is read once
  auto add = [&](const std::string& file) {
    std::error_code ec;
    const fs::path canonical = fs::weakly_canonical(file, ec);
    if (!ec && std::find(seen.begin(), seen.end(), canonical) != seen.end())
      return;
    if (!ec)
      seen.push_back(canonical);
    out.push_back(file);
  };
  for (const std::string& path : paths) {
    std::error_code ec;
    const fs::file_status st = fs::status(path, ec);
    if (!fs::is_directory(st)) {
      add(path);  // load_plan_file reports what is wrong with it
      continue;
    }
    std::vector<std::string> found;
    const size_t before = diagnostics->size();
    walk(path, 0, &found, diagnostics);
    if (found.empty() && diagnostics->size() == before) {
      Diagnostic d = file_error(path, Msg::no_plans_in_dir, {path});
      d.hint.reset();
      diagnostics->push_back(std::move(d));
    }
    for (const std::string& f : found) add(f);
  }
  return out;
}

}  // namespace plan
