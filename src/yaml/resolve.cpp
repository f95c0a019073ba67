// resolve.cpp: the two resolvers of resolve.h, written from the YAML 1.2
// core schema (yaml.org/spec/1.2.2, 10.3.2) and from PyYAML's resolver
// regular expressions (yaml/resolver.py), which libyaml's Python loaders
// use. Hand-written matchers: this runs on every plain scalar a plan holds.
#include "yaml/resolve.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <string>

namespace plan::yaml {
namespace {

bool digit(char c) { return c >= '0' && c <= '9'; }

// Every character of s is in `set` (and s is not empty).
bool all_in(std::string_view s, std::string_view set) {
  return !s.empty() && s.find_first_not_of(set) == std::string_view::npos;
}

bool one_of(std::string_view s, std::initializer_list<std::string_view> words) {
  for (std::string_view w : words) {
    if (s == w)
      return true;
  }
  return false;
}

// s without a leading sign; *negative says which.
std::string_view unsigned_part(std::string_view s, bool* negative) {
  *negative = !s.empty() && s[0] == '-';
  if (!s.empty() && (s[0] == '-' || s[0] == '+'))
    s.remove_prefix(1);
  return s;
}

Resolved number(PlainType type, double v) { return {type, v, false}; }

double parse_base(std::string_view digits, int base) {
  double v = 0;
  for (char c : digits) {
    if (c == '_')
      continue;
    const int d = digit(c) ? c - '0' : (c | 0x20) - 'a' + 10;
    v = v * base + d;
  }
  return v;
}

double strtod_of(std::string_view s) {
  std::string text;
  for (char c : s) {
    if (c != '_')
      text += c;
  }
  return std::strtod(text.c_str(), nullptr);
}

const Resolved kText{};

std::optional<Resolved> special_float(std::string_view s, bool sign_on_inf) {
  bool negative = false;
  std::string_view u = sign_on_inf ? unsigned_part(s, &negative) : s;
  if (one_of(u, {".inf", ".Inf", ".INF"}))
    return number(PlainType::floating, negative ? -HUGE_VAL : HUGE_VAL);
  if (one_of(s, {".nan", ".NaN", ".NAN"}))
    return number(PlainType::floating, NAN);
  return std::nullopt;
}

// --- YAML 1.2 core --------------------------------------------------------

// [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?
bool core_float(std::string_view u) {
  size_t i = 0;
  const size_t whole = u.find_first_not_of("0123456789");
  i = whole == std::string_view::npos ? u.size() : whole;
  bool digits = i > 0;
  if (i < u.size() && u[i] == '.') {
    const size_t frac = u.find_first_not_of("0123456789", i + 1);
    const size_t end = frac == std::string_view::npos ? u.size() : frac;
    if (!digits && end == i + 1)
      return false;
    digits = true;
    i = end;
  }
  if (!digits)
    return false;
  if (i == u.size())
    return true;
  if (u[i] != 'e' && u[i] != 'E')
    return false;
  ++i;
  if (i < u.size() && (u[i] == '-' || u[i] == '+'))
    ++i;
  return all_in(u.substr(i), "0123456789");
}

// --- YAML 1.1 (PyYAML) ------------------------------------------------------

// (?::[0-5]?[0-9])+ : the sexagesimal tail; its value folded into *v.
bool sexagesimal_tail(std::string_view t, double* v) {
  if (t.empty())
    return false;
  while (!t.empty()) {
    if (t[0] != ':')
      return false;
    size_t n = 1;
    while (n < t.size() && n <= 2 && digit(t[n])) ++n;
    const std::string_view part = t.substr(1, n - 1);
    if (part.empty() || (part.size() == 2 && part[0] > '5'))
      return false;
    *v = *v * 60 + parse_base(part, 10);
    t.remove_prefix(n);
  }
  return true;
}

std::optional<Resolved> yaml11_int(std::string_view s) {
  bool negative = false;
  const std::string_view u = unsigned_part(s, &negative);
  const double sign = negative ? -1 : 1;
  if (u.size() > 2 && u.substr(0, 2) == "0b" && all_in(u.substr(2), "01_"))
    return number(PlainType::integer, sign * parse_base(u.substr(2), 2));
  if (u.size() > 2 && u.substr(0, 2) == "0x" && all_in(u.substr(2), "0123456789abcdefABCDEF_"))
    return number(PlainType::integer, sign * parse_base(u.substr(2), 16));
  if (u == "0")
    return number(PlainType::integer, 0);
  if (u.size() > 1 && u[0] == '0' && all_in(u.substr(1), "01234567_"))
    return number(PlainType::integer, sign * parse_base(u.substr(1), 8));
  if (u.empty() || u[0] < '1' || u[0] > '9')
    return std::nullopt;
  const size_t head = u.find_first_not_of("0123456789_");
  if (head == std::string_view::npos)
    return number(PlainType::integer, sign * parse_base(u, 10));
  double v = parse_base(u.substr(0, head), 10);
  if (sexagesimal_tail(u.substr(head), &v))
    return number(PlainType::integer, sign * v);
  return std::nullopt;
}

// [eE][-+][0-9]+ at the end of t, or nothing.
bool yaml11_exponent(std::string_view t) {
  return t.empty() || (t.size() > 2 && (t[0] == 'e' || t[0] == 'E') &&
                       (t[1] == '-' || t[1] == '+') && all_in(t.substr(2), "0123456789"));
}

std::optional<Resolved> yaml11_float(std::string_view s) {
  if (auto special = special_float(s, true))
    return special;
  bool negative = false;
  const std::string_view u = s[0] == '.' ? s : unsigned_part(s, &negative);
  const double sign = negative ? -1 : 1;
  const size_t head = u.find_first_not_of("0123456789_");
  if (head == std::string_view::npos || (head == 0 && u[0] != '.') || (head > 0 && !digit(u[0])))
    return std::nullopt;
  if (u[head] == '.') {
    // [0-9][0-9_]*\.[0-9_]*(exp)? or, unsigned, \.[0-9_]+(exp)?
    const size_t frac_end = u.find_first_not_of("0123456789_", head + 1);
    const size_t end = frac_end == std::string_view::npos ? u.size() : frac_end;
    if (head == 0 && (u.data() != s.data() || end == 1))
      return std::nullopt;
    if (!yaml11_exponent(u.substr(end)))
      return std::nullopt;
    return number(PlainType::floating, sign * strtod_of(u));
  }
  // [0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*
  const size_t dot = u.rfind('.');
  if (dot == std::string_view::npos || u.find_first_not_of("0123456789_", dot + 1) != u.npos)
    return std::nullopt;
  double v = parse_base(u.substr(0, head), 10);
  if (!sexagesimal_tail(u.substr(head, dot - head), &v))
    return std::nullopt;
  return number(PlainType::floating, sign * (v + strtod_of(u.substr(dot))));
}

bool digits_n(std::string_view s, size_t from, size_t min, size_t max, size_t* end) {
  size_t n = 0;
  while (from + n < s.size() && n < max && digit(s[from + n])) ++n;
  *end = from + n;
  return n >= min;
}

// (?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?$ after a time.
bool timestamp_tail(std::string_view t) {
  size_t i = 0;
  if (i < t.size() && t[i] == '.')
    digits_n(t, i + 1, 0, t.size(), &i);
  i = std::min(t.find_first_not_of(" \t", i), t.size());
  if (i == t.size())
    return true;
  if (t[i] == 'Z')
    return i + 1 == t.size();
  if ((t[i] != '-' && t[i] != '+') || !digits_n(t, i + 1, 1, 2, &i))
    return false;
  if (i < t.size() && t[i] == ':' && !digits_n(t, i + 1, 2, 2, &i))
    return false;
  return i == t.size();
}

// PyYAML's timestamp: a day, or a day with a time (and zone).
bool yaml11_timestamp(std::string_view s) {
  size_t i = 0;
  if (!digits_n(s, 0, 4, 4, &i) || i >= s.size() || s[i] != '-')
    return false;
  if (s.size() == 10)
    return digits_n(s, 5, 2, 2, &i) && s[7] == '-' && digits_n(s, 8, 2, 2, &i) && i == 10;
  if (!digits_n(s, 5, 1, 2, &i) || i >= s.size() || s[i] != '-' || !digits_n(s, i + 1, 1, 2, &i) ||
      i >= s.size())
    return false;
  // A time after T, t or blanks: [0-9][0-9]?:[0-9][0-9]:[0-9][0-9] ...
  if (s[i] == 'T' || s[i] == 't') {
    ++i;
  } else {
    const size_t blanks = s.find_first_not_of(" \t", i);
    if (blanks == i || blanks == std::string_view::npos)
      return false;
    i = blanks;
  }
  if (!digits_n(s, i, 1, 2, &i) || i >= s.size() || s[i] != ':' || !digits_n(s, i + 1, 2, 2, &i) ||
      i >= s.size() || s[i] != ':' || !digits_n(s, i + 1, 2, 2, &i))
    return false;
  return timestamp_tail(s.substr(i));
}

}  // namespace

Resolved resolve_yaml12(std::string_view s) {
  if (s.empty() || one_of(s, {"~", "null", "Null", "NULL"}))
    return {PlainType::null};
  if (one_of(s, {"true", "True", "TRUE", "false", "False", "FALSE"}))
    return {PlainType::boolean, 0, s[0] == 't' || s[0] == 'T'};
  if (s.size() > 2 && s.substr(0, 2) == "0o" && all_in(s.substr(2), "01234567"))
    return number(PlainType::integer, parse_base(s.substr(2), 8));
  if (s.size() > 2 && s.substr(0, 2) == "0x" && all_in(s.substr(2), "0123456789abcdefABCDEF"))
    return number(PlainType::integer, parse_base(s.substr(2), 16));
  bool negative = false;
  const std::string_view u = unsigned_part(s, &negative);
  if (all_in(u, "0123456789"))
    return number(PlainType::integer, (negative ? -1 : 1) * parse_base(u, 10));
  if (auto special = special_float(s, true))
    return *special;
  if (core_float(u))
    return number(PlainType::floating, (negative ? -1 : 1) * strtod_of(u));
  return kText;
}

Resolved resolve_yaml11(std::string_view s) {
  if (s.empty() || one_of(s, {"~", "null", "Null", "NULL"}))
    return {PlainType::null};
  if (one_of(s, {"yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"}))
    return {PlainType::boolean, 0, true};
  if (one_of(s, {"no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"}))
    return {PlainType::boolean, 0, false};
  if (auto f = yaml11_float(s))
    return *f;
  if (auto i = yaml11_int(s))
    return *i;
  if (yaml11_timestamp(s))
    return {PlainType::timestamp};
  return kText;
}

bool Reading::agree() const {
  if (yaml11.type != yaml12.type)
    return false;
  switch (yaml11.type) {
  case PlainType::boolean:
    return yaml11.truth == yaml12.truth;
  case PlainType::integer:
  case PlainType::floating:
    return yaml11.number == yaml12.number ||
           (std::isnan(yaml11.number) && std::isnan(yaml12.number));
  default:
    return true;
  }
}

Reading resolve_plain(std::string_view plain) {
  return {resolve_yaml11(plain), resolve_yaml12(plain)};
}

}  // namespace plan::yaml
