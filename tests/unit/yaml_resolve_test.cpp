// The two plain-scalar resolvers against their references. The YAML 1.1
// column is what PyYAML 6 (yaml.CSafeLoader) returned for `v: <text>`
// when this table was written; the YAML 1.2 column is the core schema's
// table (YAML 1.2.2, 10.3.2).
#include <catch2/catch.hpp>
#include <cmath>
#include <string>

#include "yaml/resolve.h"

using plan::yaml::PlainType;
using plan::yaml::resolve_plain;
using plan::yaml::Resolved;

namespace {

struct Case {
  const char* text;
  PlainType t11;
  double v11;
  PlainType t12;
  double v12;
};

constexpr PlainType T = PlainType::text, I = PlainType::integer, F = PlainType::floating,
                    B = PlainType::boolean, N = PlainType::null, D = PlainType::timestamp;

const Case kCases[] = {
    {"0", I, 0, I, 0},
    {"00", I, 0, I, 0},
    {"012", I, 10, I, 12},
    {"08", T, 0, I, 8},
    {"-012", I, -10, I, -12},
    {"0o12", T, 0, I, 10},
    {"0x1F", I, 31, I, 31},
    {"-0x1F", I, -31, T, 0},
    {"0x1_F", I, 31, T, 0},
    {"0b101", I, 5, T, 0},
    {"-0b1", I, -1, T, 0},
    {"1_000", I, 1000, T, 0},
    {"1,000", T, 0, T, 0},
    {"+1", I, 1, I, 1},
    {"-1", I, -1, I, -1},
    {"190:20:30", I, 685230, T, 0},
    {"1:75", T, 0, T, 0},
    {"1:30.5", F, 90.5, T, 0},
    {"1.5", F, 1.5, F, 1.5},
    {"1.", F, 1, F, 1},
    {"1.5e3", T, 0, F, 1500},
    {"1.5e+3", F, 1500, F, 1500},
    {".5", F, 0.5, F, 0.5},
    {"-.5", T, 0, F, -0.5},
    {"+.5", T, 0, F, 0.5},
    {"1e3", T, 0, F, 1000},
    {"1.0e+1", F, 10, F, 10},
    {"-.inf", F, -HUGE_VAL, F, -HUGE_VAL},
    {"+.inf", F, HUGE_VAL, F, HUGE_VAL},
    {"-.nan", T, 0, T, 0},
    {"1_0.5", F, 10.5, T, 0},
    {"yes", B, 1, T, 0},
    {"No", B, 0, T, 0},
    {"ON", B, 1, T, 0},
    {"off", B, 0, T, 0},
    {"y", T, 0, T, 0},
    {"n", T, 0, T, 0},
    {"true", B, 1, B, 1},
    {"FALSE", B, 0, B, 0},
    {"~", N, 0, N, 0},
    {"Null", N, 0, N, 0},
    {"2021-01-01", D, 0, T, 0},
    {"2021-1-1", T, 0, T, 0},
    {"2021-01-01 10:00:00", D, 0, T, 0},
    {"2001-12-14t21:59:43.10-05:00", D, 0, T, 0},
    {"2021-01-01 10:00:00 hola", T, 0, T, 0},
    {"hola", T, 0, T, 0},
    {"1.2.3", T, 0, T, 0},
    {"0x", T, 0, T, 0},
    {"0o", T, 0, T, 0},
    {"+", T, 0, T, 0},
};

void check(const Resolved& r, PlainType type, double value) {
  CHECK(r.type == type);
  if (type == PlainType::integer || type == PlainType::floating) {
    CHECK(r.number == value);
  } else if (type == PlainType::boolean) {
    CHECK(r.truth == (value != 0));
  }
}

}  // namespace

TEST_CASE("plain scalars resolve as PyYAML (1.1) and the core schema (1.2) read them") {
  for (const Case& c : kCases) {
    INFO(c.text);
    const auto r = resolve_plain(c.text);
    check(r.yaml11, c.t11, c.v11);
    check(r.yaml12, c.t12, c.v12);
    const bool same = c.t11 == c.t12 && (c.v11 == c.v12);
    CHECK(r.agree() == same);
  }
}

TEST_CASE(".nan is a number to both readers, and they agree on it") {
  const auto r = resolve_plain(".nan");
  CHECK(r.yaml11.type == PlainType::floating);
  CHECK(std::isnan(r.yaml12.number));
  CHECK(r.agree());
}
