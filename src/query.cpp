// query.cpp: tokenizer, recursive-descent parser and matcher for queries.
#include "plan/query.h"

#include <utf8proc.h>

#include <algorithm>
#include <cstdlib>

#include "plan/text.h"

namespace plan {

std::string fold_text(std::string_view text) {
  utf8proc_uint8_t* out = nullptr;
  const utf8proc_ssize_t n = utf8proc_map(
      reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
      static_cast<utf8proc_ssize_t>(text.size()), &out,
      static_cast<utf8proc_option_t>(UTF8PROC_DECOMPOSE | UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK));
  if (n < 0)
    return std::string(text);  // not UTF-8: compare as it is
  std::string folded(reinterpret_cast<char*>(out), static_cast<size_t>(n));
  std::free(out);
  return folded;
}

enum class Key {
  line,
  lead,
  support,
  owner,
  status,
  signal,
  active,
  text,
  plan,
  start,
  end,
  progress,
  expected
};
enum class Op { eq, lt, le, gt, ge };

struct QueryNode {
  enum class Kind { all_of, any_of, negation, term } kind = Kind::term;
  std::vector<std::shared_ptr<const QueryNode>> children;
  // A term.
  Key key = Key::line;
  Op op = Op::eq;
  std::string text;      // folded, for lead/support/owner/text/plan
  long long number = 0;  // line, progress, expected
  ParsedDate date;       // start, end, active
  Status status = Status::done;
  Signal signal = Signal::none;
};

namespace {

struct KeyName {
  std::string_view name;
  Key key;
};

// English first, then Spanish (written without accents too).
constexpr KeyName kKeys[] = {
    {"line", Key::line},         {"lead", Key::lead},         {"support", Key::support},
    {"owner", Key::owner},       {"status", Key::status},     {"signal", Key::signal},
    {"active", Key::active},     {"text", Key::text},         {"plan", Key::plan},
    {"start", Key::start},       {"end", Key::end},           {"progress", Key::progress},
    {"expected", Key::expected}, {"linea", Key::line},        {"lider", Key::lead},
    {"apoyo", Key::support},     {"responsable", Key::owner}, {"estado", Key::status},
    {"semaforo", Key::signal},   {"activa", Key::active},     {"texto", Key::text},
    {"inicio", Key::start},      {"fin", Key::end},           {"avance", Key::progress},
    {"esperado", Key::expected}};

struct Word {
  std::string_view name;
  int value;
};

constexpr Word kStatusWords[] = {
    {"done", 0},      {"in-progress", 1}, {"late", 2},      {"not-started", 3}, {"blocked", 4},
    {"cancelled", 5}, {"canceled", 5},    {"terminada", 0}, {"hecha", 0},       {"en-curso", 1},
    {"atrasada", 2},  {"sin-iniciar", 3}, {"bloqueada", 4}, {"cancelada", 5}};
constexpr Word kSignalWords[] = {{"green", 1}, {"yellow", 2},   {"red", 3},  {"none", 0},
                                 {"verde", 1}, {"amarillo", 2}, {"rojo", 3}, {"ninguno", 0}};
constexpr std::string_view kOperators[] = {"and", "or", "not", "y", "o", "no"};

struct Token {
  enum class Kind { word, open, close, end } kind = Kind::end;
  std::string text;
  int col = 0;    // in characters
  int width = 0;  // in characters
};

int chars(std::string_view s) { return static_cast<int>(count_chars(s)); }

QueryError make_error(int col, int width, Msg msg, std::vector<std::string> args = {},
                      std::optional<Msg> hint = std::nullopt,
                      std::vector<std::string> hint_args = {}) {
  return QueryError{col, std::max(1, width), msg, std::move(args), hint, std::move(hint_args)};
}

// Splits the text into words and parentheses; a double-quoted stretch
// keeps its spaces ("text:\"rendición de cuentas\"").
std::optional<QueryError> tokenize(std::string_view text, std::vector<Token>* out) {
  size_t i = 0;
  int col = 0;
  auto advance = [&](size_t n) {
    col += chars(text.substr(i, n));
    i += n;
  };
  while (i < text.size()) {
    const char c = text[i];
    if (c == ' ' || c == '\t') {
      advance(1);
      continue;
    }
    if (c == '(' || c == ')') {
      out->push_back(
          {c == '(' ? Token::Kind::open : Token::Kind::close, std::string(1, c), col, 1});
      advance(1);
      continue;
    }
    Token t{Token::Kind::word, "", col, 0};
    const int start_col = col;
    while (i < text.size() && text[i] != ' ' && text[i] != '\t' && text[i] != '(' &&
           text[i] != ')') {
      if (text[i] == '"') {
        const size_t close = text.find('"', i + 1);
        if (close == std::string_view::npos) {
          return make_error(col, chars(text.substr(i)), Msg::query_unclosed_quote);
        }
        t.text += text.substr(i + 1, close - i - 1);
        advance(close + 1 - i);
        continue;
      }
      t.text += text[i];
      advance(1);
    }
    t.width = col - start_col;
    out->push_back(std::move(t));
  }
  out->push_back({Token::Kind::end, "", col, 1});
  return std::nullopt;
}

std::vector<std::string> key_names() {
  std::vector<std::string> names;
  for (const KeyName& k : kKeys) names.emplace_back(k.name);
  return names;
}

class Parser {
 public:
  explicit Parser(std::vector<Token> tokens) : tokens_(std::move(tokens)) {}

  ParsedQuery parse() {
    ParsedQuery r;
    if (peek().kind == Token::Kind::end) {
      r.error = make_error(0, 1, Msg::query_empty);
      return r;
    }
    auto node = parse_or();
    if (!error_ && peek().kind == Token::Kind::close) {
      error_ = make_error(peek().col, 1, Msg::query_unbalanced);
    } else if (!error_ && peek().kind != Token::Kind::end) {
      error_ = make_error(peek().col, peek().width, Msg::query_expected_term);
    }
    if (error_) {
      r.error = error_;
    } else {
      r.query = Query{node};
    }
    return r;
  }

 private:
  const Token& peek() const { return tokens_[pos_]; }
  bool is_word(std::string_view w) const {
    return peek().kind == Token::Kind::word && fold_text(peek().text) == w;
  }
  bool at_operator(std::string_view english, std::string_view spanish) const {
    return is_word(english) || is_word(spanish);
  }

  using NodePtr = std::shared_ptr<const QueryNode>;

  NodePtr combine(QueryNode::Kind kind, std::vector<NodePtr> children) {
    if (children.size() == 1)
      return children.front();
    auto n = std::make_shared<QueryNode>();
    n->kind = kind;
    n->children = std::move(children);
    return n;
  }

  NodePtr parse_or() {
    std::vector<NodePtr> parts = {parse_and()};
    while (!error_ && at_operator("or", "o")) {
      ++pos_;
      parts.push_back(parse_and());
    }
    return combine(QueryNode::Kind::any_of, std::move(parts));
  }

  // "and" may be left out: "lead:EPC active:2021-05".
  NodePtr parse_and() {
    std::vector<NodePtr> parts = {parse_not()};
    while (!error_) {
      if (at_operator("and", "y")) {
        ++pos_;
      } else if (peek().kind == Token::Kind::end || peek().kind == Token::Kind::close ||
                 at_operator("or", "o")) {
        break;
      }
      parts.push_back(parse_not());
    }
    return combine(QueryNode::Kind::all_of, std::move(parts));
  }

  NodePtr parse_not() {
    if (error_)
      return nullptr;
    if (at_operator("not", "no")) {
      ++pos_;
      return negate(parse_not());
    }
    if (peek().kind == Token::Kind::word && peek().text.size() > 1 && peek().text[0] == '-') {
      Token t = tokens_[pos_];
      t.text.erase(0, 1);
      t.col += 1;
      t.width -= 1;
      ++pos_;
      return negate(parse_term(t));
    }
    return parse_primary();
  }

  NodePtr negate(NodePtr inner) {
    auto n = std::make_shared<QueryNode>();
    n->kind = QueryNode::Kind::negation;
    n->children = {std::move(inner)};
    return n;
  }

  NodePtr parse_primary() {
    const Token t = peek();
    switch (t.kind) {
    case Token::Kind::open: {
      ++pos_;
      NodePtr inner = parse_or();
      if (error_)
        return nullptr;
      if (peek().kind != Token::Kind::close) {
        error_ = make_error(t.col, 1, Msg::query_unbalanced);
        return nullptr;
      }
      ++pos_;
      return inner;
    }
    case Token::Kind::word:
      ++pos_;
      return parse_term(t);
    case Token::Kind::close:
      error_ = make_error(t.col, 1, Msg::query_unbalanced);
      return nullptr;
    case Token::Kind::end:
      error_ = make_error(t.col, 1, Msg::query_expected_term);
      return nullptr;
    }
    return nullptr;
  }

  NodePtr parse_term(const Token& t) {
    const std::string& w = t.text;
    const size_t op_at = w.find_first_of(":<>=");
    if (op_at == std::string::npos) {
      error_ = unknown_word_error(t);
      return nullptr;
    }
    const std::string key_text = w.substr(0, op_at);
    auto n = std::make_shared<QueryNode>();
    if (!read_key(n.get(), t, key_text))
      return nullptr;
    const size_t value_at = read_operator(n.get(), w, op_at);
    const std::string value = w.substr(value_at);
    const int value_col = t.col + chars(w.substr(0, value_at));
    if (value.empty()) {
      error_ = make_error(t.col, t.width, Msg::query_missing_value, {key_text});
      return nullptr;
    }
    const bool ordered = n->key == Key::line || n->key == Key::start || n->key == Key::end ||
                         n->key == Key::progress || n->key == Key::expected;
    if (n->op != Op::eq && !ordered) {
      error_ = make_error(t.col + chars(key_text), static_cast<int>(value_at - op_at),
                          Msg::query_bad_operator,
                          {key_text, std::string(w.substr(op_at, value_at - op_at))});
      return nullptr;
    }
    if (!read_value(n.get(), key_text, value, value_col))
      return nullptr;
    return n;
  }

  // A word with no ':', '<', '>' or '=' is no term: most likely a misspelt
  // "and", "or" or "not", or a key whose ':' was left out.
  static QueryError unknown_word_error(const Token& t) {
    const std::string& w = t.text;
    std::vector<std::string> words(std::begin(kOperators), std::end(kOperators));
    const std::string near = nearest(fold_text(w), words);
    const std::string key_near = nearest(fold_text(w), key_names());
    if (!near.empty()) {
      return make_error(t.col, t.width, Msg::query_unknown_word, {w}, Msg::hint_did_you_mean,
                        {near});
    }
    if (!key_near.empty()) {
      return make_error(t.col, t.width, Msg::query_unknown_word, {w}, Msg::hint_did_you_mean,
                        {key_near + ":…"});
    }
    return make_error(t.col, t.width, Msg::query_unknown_word, {w});
  }

  bool read_key(QueryNode* n, const Token& t, const std::string& key_text) {
    const std::string folded_key = fold_text(key_text);
    bool known = false;
    for (const KeyName& k : kKeys) {
      if (k.name == folded_key) {
        n->key = k.key;
        known = true;
      }
    }
    if (known)
      return true;
    const std::string near = nearest(folded_key, key_names());
    if (!near.empty()) {
      error_ = make_error(t.col, chars(key_text), Msg::query_unknown_key, {key_text},
                          Msg::hint_did_you_mean, {near});
    } else {
      error_ = make_error(t.col, chars(key_text), Msg::query_unknown_key, {key_text},
                          Msg::hint_valid_values,
                          {"line, lead, support, owner, status, signal, active, text, plan, "
                           "start, end, progress, expected"});
    }
    return false;
  }

  // Sets the comparison the word's operator asks for; returns where its
  // value begins.
  static size_t read_operator(QueryNode* n, const std::string& w, size_t op_at) {
    size_t value_at = op_at + 1;
    const std::string_view op_text(w.c_str() + op_at, w.size() - op_at);
    if (op_text.substr(0, 2) == "<=") {
      n->op = Op::le;
      ++value_at;
    } else if (op_text.substr(0, 2) == ">=") {
      n->op = Op::ge;
      ++value_at;
    } else if (op_text[0] == '<') {
      n->op = Op::lt;
    } else if (op_text[0] == '>') {
      n->op = Op::gt;
    } else {
      n->op = Op::eq;
    }
    return value_at;
  }

  bool read_value(QueryNode* n, const std::string& key, const std::string& value, int col) {
    const int width = chars(value);
    switch (n->key) {
    case Key::line:
    case Key::progress:
    case Key::expected: {
      char* end = nullptr;
      const long long v = std::strtoll(value.c_str(), &end, 10);
      if (end != value.c_str() + value.size() || value.size() > 9) {
        error_ = make_error(col, width, Msg::query_bad_number, {value});
        return false;
      }
      n->number = v;
      return true;
    }
    case Key::start:
    case Key::end:
    case Key::active:
      if (parse_date(value, &n->date) != DateError::none) {
        error_ = make_error(col, width, Msg::query_bad_date, {value}, Msg::hint_date_format);
        return false;
      }
      return true;
    case Key::status:
      return read_word(kStatusWords, key, value, col,
                       [&](int v) { n->status = static_cast<Status>(v); });
    case Key::signal:
      return read_word(kSignalWords, key, value, col,
                       [&](int v) { n->signal = static_cast<Signal>(v); });
    default:
      n->text = fold_text(value);
      return true;
    }
  }

  template <size_t N, typename Set>
  bool read_word(const Word (&words)[N], const std::string& key, const std::string& value, int col,
                 Set set) {
    std::string folded = fold_text(value);
    std::replace(folded.begin(), folded.end(), '_', '-');  // in_progress = in-progress
    for (const Word& w : words) {
      if (w.name == folded) {
        set(w.value);
        return true;
      }
    }
    std::vector<std::string> names;
    for (const Word& w : words) names.emplace_back(w.name);
    const std::string near = nearest(folded, names);
    if (!near.empty()) {
      error_ = make_error(col, chars(value), Msg::query_bad_value, {key, value},
                          Msg::hint_did_you_mean, {near});
    } else {
      error_ = make_error(col, chars(value), Msg::query_bad_value, {key, value},
                          Msg::hint_valid_values, {join(names, ", ")});
    }
    return false;
  }

  std::vector<Token> tokens_;
  size_t pos_ = 0;
  std::optional<QueryError> error_;
};

// --- matching -------------------------------------------------------------------

bool compare_number(long long have, Op op, long long want) {
  switch (op) {
  case Op::eq:
    return have == want;
  case Op::lt:
    return have < want;
  case Op::le:
    return have <= want;
  case Op::gt:
    return have > want;
  case Op::ge:
    return have >= want;
  }
  return false;
}

// A month compares as the span of its days: start<2021-04 is before April,
// start<=2021-04 is in April or before.
bool compare_date(const Date& have, Op op, const ParsedDate& want) {
  switch (op) {
  case Op::eq:
    return want.first() <= have && have <= want.last();
  case Op::lt:
    return have < want.first();
  case Op::le:
    return have <= want.last();
  case Op::gt:
    return have > want.last();
  case Op::ge:
    return have >= want.first();
  }
  return false;
}

bool list_has(const OwnerList& list, const std::string& folded_code) {
  return std::any_of(list.codes.begin(), list.codes.end(),
                     [&](const Text& c) { return fold_text(c.value) == folded_code; });
}

// The code, or one of its parents up the chain, is the one asked for.
bool under(const Plan& plan, const std::string& code, const std::string& folded_target) {
  std::string at = code;
  for (size_t steps = 0; steps <= plan.owners.size() && !at.empty(); ++steps) {
    if (fold_text(at) == folded_target)
      return true;
    const Owner* o = plan.find_owner(at);
    if (o == nullptr)
      return false;
    at = o->parent.value;
  }
  return false;
}

bool match_term(const QueryNode& n, const Plan& plan, const ActivityState& s) {
  const Activity& a = *s.activity;
  switch (n.key) {
  case Key::line:
    return compare_number(s.line->id.value, n.op, n.number);
  case Key::lead:
    return list_has(lead_of(*s.line, a), n.text);
  case Key::support:
    return list_has(support_of(*s.line, a), n.text);
  case Key::owner: {
    for (const OwnerList* l : {&lead_of(*s.line, a), &support_of(*s.line, a)}) {
      for (const Text& c : l->codes) {
        if (under(plan, c.value, n.text))
          return true;
      }
    }
    return false;
  }
  case Key::status:
    return s.status == n.status;
  case Key::signal:
    return s.signal == n.signal;
  case Key::active:
    return s.start <= n.date.last() && s.end >= n.date.first();
  case Key::text:
    return fold_text(a.title.value).find(n.text) != std::string::npos ||
           fold_text(a.product.value).find(n.text) != std::string::npos;
  case Key::plan:
    return fold_text(plan.id.value) == n.text;
  case Key::start:
    return compare_date(s.start, n.op, n.date);
  case Key::end:
    return compare_date(s.end, n.op, n.date);
  case Key::progress:
    return compare_number(s.progress, n.op, n.number);
  case Key::expected:
    return compare_number(round_percent(s.expected), n.op, n.number);
  }
  return false;
}

bool eval(const QueryNode& n, const Plan& plan, const ActivityState& s) {
  switch (n.kind) {
  case QueryNode::Kind::all_of:
    return std::all_of(n.children.begin(), n.children.end(),
                       [&](const auto& c) { return eval(*c, plan, s); });
  case QueryNode::Kind::any_of:
    return std::any_of(n.children.begin(), n.children.end(),
                       [&](const auto& c) { return eval(*c, plan, s); });
  case QueryNode::Kind::negation:
    return !eval(*n.children.front(), plan, s);
  case QueryNode::Kind::term:
    return match_term(n, plan, s);
  }
  return false;
}

}  // namespace

ParsedQuery parse_query(std::string_view text) {
  std::vector<Token> tokens;
  if (auto err = tokenize(text, &tokens)) {
    ParsedQuery r;
    r.error = *err;
    return r;
  }
  return Parser(std::move(tokens)).parse();
}

bool matches(const Query& query, const Plan& plan, const ActivityState& state) {
  return eval(*query.root, plan, state);
}

PlanState filter_state(const PlanState& state, const Query& query) {
  PlanState out = state;
  out.lines.clear();
  out.counts = {};
  for (const LineState& ls : state.lines) {
    LineState kept = ls;
    kept.activities.clear();
    for (const ActivityState& s : ls.activities) {
      if (!matches(query, *state.plan, s))
        continue;
      kept.activities.push_back(s);
      ++out.counts[static_cast<size_t>(s.status)];
    }
    if (!kept.activities.empty())
      out.lines.push_back(std::move(kept));
  }
  return out;
}

}  // namespace plan
