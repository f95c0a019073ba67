// libyaml_loader.cpp: plan's loader driven by libyaml (Debian's
// libyaml-dev) instead of yaml-cpp, to measure what such a loader would
// gain on the same builder, model and validation (src/load_with.h).
// For bench/bench.py only; plan itself reads with yaml-cpp.
//
//   plan_bench_libyaml validate FILE   load and validate, as `plan validate`
//   plan_bench_libyaml mark FILE       that twice: the parsing `plan mark`
//                                      does (the plan, then its edited text)
//   plan_bench_libyaml compare FILE    load with both parsers; exit 1 unless
//                                      the diagnostics and the model agree
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <functional>
#include <iostream>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "load_with.h"
#include "plan/date.h"
#include "plan/load.h"
#include "plan/validate.h"

namespace {

constexpr plan::Date kAsOf{2021, 12, 31};  // as bench.py's --as-of

// libyaml counts columns and offsets in characters and skips a BOM;
// yaml-cpp's marks, which the builder expects, are in bytes.
class Marks {
 public:
  explicit Marks(const std::string& text) : text_(text) {
    bom_ = text.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
    starts_.push_back(bom_);
    for (size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '\n')
        starts_.push_back(i + 1);
    }
  }

  YAML::Mark operator()(const yaml_mark_t& m) {
    const size_t line = std::min(m.line, starts_.size() - 1);
    // Events come in order: go on from the last mark on the same line.
    if (line != line_ || m.column < chars_) {
      line_ = line;
      chars_ = 0;
      byte_ = starts_[line];
    }
    while (chars_ < m.column && byte_ < text_.size()) {
      const auto c = static_cast<unsigned char>(text_[byte_]);
      byte_ += c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
      ++chars_;
    }
    YAML::Mark out;
    out.pos = static_cast<int>(byte_ - static_cast<size_t>(bom_));
    out.line = static_cast<int>(line);
    out.column = static_cast<int>(byte_ - starts_[line]);
    return out;
  }

 private:
  const std::string& text_;
  int bom_ = 0;
  std::vector<size_t> starts_;
  size_t line_ = 0;
  size_t chars_ = 0;
  size_t byte_ = 0;
};

std::string tag_of(const yaml_char_t* tag, bool plain) {
  if (tag != nullptr)
    return reinterpret_cast<const char*>(tag);
  return plain ? "?" : "!";  // yaml-cpp's non-specific tags
}

bool is_null(const std::string& v) {
  return v.empty() || v == "~" || v == "null" || v == "Null" || v == "NULL";
}

// Feeds libyaml's events to the handler as yaml-cpp's parser would.
void parse_with_libyaml(const std::string& text, YAML::EventHandler& h,
                        const std::function<bool()>& stop) {
  yaml_parser_t parser;
  if (yaml_parser_initialize(&parser) == 0)
    throw YAML::ParserException(YAML::Mark(), "no memory");
  std::unique_ptr<yaml_parser_t, void (*)(yaml_parser_t*)> guard(&parser, yaml_parser_delete);
  yaml_parser_set_input_string(&parser, reinterpret_cast<const unsigned char*>(text.data()),
                               text.size());
  Marks marks(text);
  int documents = 0;
  for (;;) {
    yaml_event_t e;
    if (yaml_parser_parse(&parser, &e) == 0) {
      throw YAML::ParserException(marks(parser.problem_mark),
                                  parser.problem != nullptr ? parser.problem : "parse error");
    }
    std::unique_ptr<yaml_event_t, void (*)(yaml_event_t*)> event(&e, yaml_event_delete);
    const YAML::Mark mark = marks(e.start_mark);
    auto anchor = [&](const yaml_char_t* name) -> YAML::anchor_t {
      if (name == nullptr)
        return YAML::NullAnchor;
      h.OnAnchor(mark, reinterpret_cast<const char*>(name));
      return 1;
    };
    switch (e.type) {
    case YAML_STREAM_END_EVENT:
      return;
    case YAML_DOCUMENT_START_EVENT:
      if (++documents > 1 && stop())
        return;
      h.OnDocumentStart(mark);
      break;
    case YAML_DOCUMENT_END_EVENT:
      h.OnDocumentEnd();
      break;
    case YAML_ALIAS_EVENT:
      h.OnAlias(mark, 0);
      break;
    case YAML_SCALAR_EVENT: {
      const std::string value(reinterpret_cast<const char*>(e.data.scalar.value),
                              e.data.scalar.length);
      const bool plain = e.data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
      const YAML::anchor_t a = anchor(e.data.scalar.anchor);
      if (plain && e.data.scalar.tag == nullptr && is_null(value)) {
        h.OnNull(mark, a);
      } else {
        h.OnScalar(mark, tag_of(e.data.scalar.tag, plain), a, value);
      }
      break;
    }
    case YAML_SEQUENCE_START_EVENT: {
      const YAML::anchor_t a = anchor(e.data.sequence_start.anchor);
      h.OnSequenceStart(mark, tag_of(e.data.sequence_start.tag, true), a,
                        e.data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE
                            ? YAML::EmitterStyle::Flow
                            : YAML::EmitterStyle::Block);
      break;
    }
    case YAML_SEQUENCE_END_EVENT:
      h.OnSequenceEnd();
      break;
    case YAML_MAPPING_START_EVENT: {
      const YAML::anchor_t a = anchor(e.data.mapping_start.anchor);
      h.OnMapStart(mark, tag_of(e.data.mapping_start.tag, true), a,
                   e.data.mapping_start.style == YAML_FLOW_MAPPING_STYLE
                       ? YAML::EmitterStyle::Flow
                       : YAML::EmitterStyle::Block);
      break;
    }
    case YAML_MAPPING_END_EVENT:
      h.OnMapEnd();
      break;
    default:
      break;
    }
  }
}

// Load and validate, as `plan validate` does; returns the error count.
size_t load_and_validate(const std::string& path, std::string text) {
  const plan::LoadResult r =
      plan::detail::load_plan_text_with(path, std::move(text), parse_with_libyaml);
  size_t errors = 0;
  for (const plan::Diagnostic& d : r.diagnostics) errors += d.severity == plan::Severity::error;
  if (r.complete) {
    for (const plan::Diagnostic& d : plan::validate_plan(r.plan, kAsOf)) {
      errors += d.severity == plan::Severity::error;
    }
  }
  return errors;
}

// What compare looks at in a load: diagnostics by code and place, and the
// size of the model.
struct Summary {
  bool complete = false;
  std::vector<std::string> diagnostics;
  size_t activities = 0;
  size_t updates = 0;
  size_t owners = 0;

  explicit Summary(const plan::LoadResult& r) : complete(r.complete), owners(r.plan.owners.size()) {
    for (const plan::Diagnostic& d : r.diagnostics) {
      diagnostics.push_back(std::string(d.code()) + " " + std::to_string(d.pos.line) + ":" +
                            std::to_string(d.pos.col));
    }
    for (const plan::Line& l : r.plan.lines) {
      activities += l.activities.size();
      for (const plan::Activity& a : l.activities) updates += a.updates.size();
    }
  }
  bool operator==(const Summary& o) const {
    return complete == o.complete && diagnostics == o.diagnostics && activities == o.activities &&
           updates == o.updates && owners == o.owners;
  }
};

int compare(const std::string& path, const std::string& text) {
  const Summary a(plan::load_plan_text(path, text));
  const Summary b(plan::detail::load_plan_text_with(path, text, parse_with_libyaml));
  const bool same = a == b;
  std::printf("%s: yaml-cpp %zu activities %zu updates %zu diagnostics; libyaml %zu %zu %zu: %s\n",
              path.c_str(), a.activities, a.updates, a.diagnostics.size(), b.activities, b.updates,
              b.diagnostics.size(), same ? "same" : "DIFFERENT");
  return same ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: plan_bench_libyaml validate|mark|compare FILE\n";
    return 2;
  }
  const std::string mode = argv[1];
  const std::string path = argv[2];
  // Read as plan reads: one buffer of the file's size, moved into the loader.
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  std::string text(static_cast<size_t>(std::max<std::streamoff>(in.tellg(), 0)), '\0');
  in.seekg(0);
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  if (mode == "compare")
    return compare(path, text);
  size_t errors = 0;
  if (mode == "mark")
    errors += load_and_validate(path, text);  // mark's copy: the edited text
  errors += load_and_validate(path, std::move(text));
  std::printf("%zu errors\n", errors);
  return errors == 0 ? 0 : 1;
}
