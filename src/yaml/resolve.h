// resolve.h: what YAML readers make of a plain (unquoted) scalar.
//
// A plain scalar's type is not in the text: each YAML reader resolves it by
// its own rules. YAML 1.2's core schema (yaml-cpp, editors' YAML support)
// and YAML 1.1 (libyaml and PyYAML, the reference readers, most scripts)
// agree on most plan values and disagree on a few: `on`/`yes`/`no`/`off`
// are booleans in 1.1 and text in 1.2, `2_0` is 20 in 1.1 and text in 1.2,
// `012` is 10 in 1.1 and 12 in 1.2. The builder reads a value only where
// both agree (issue 13) and names the disagreement otherwise.
#pragma once

#include <optional>
#include <string_view>

namespace plan::yaml {

enum class PlainType { null, boolean, integer, floating, timestamp, text };

// One reader's resolution of a plain scalar, with its number when it is one.
struct Resolved {
  PlainType type = PlainType::text;
  double number = 0;   // integer or floating: the value
  bool truth = false;  // boolean: the value
};

Resolved resolve_yaml12(std::string_view plain);  // the core schema
Resolved resolve_yaml11(std::string_view plain);  // PyYAML's resolver (yaml.SafeLoader)

// Both readers' resolutions, and whether they read the same value.
struct Reading {
  Resolved yaml11;
  Resolved yaml12;
  bool agree() const;
};
Reading resolve_plain(std::string_view plain);

}  // namespace plan::yaml
