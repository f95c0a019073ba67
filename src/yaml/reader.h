// yaml/reader.h: YAML text -> positioned events, the only door to yaml-cpp.
//
// Private to plan_core. The reader owns yaml-cpp and repairs what it does
// not give or misreads, so that the builder (load.cpp) never looks at raw
// text: each event has its start as a Pos (line, character column, byte
// offset) and, where YAML says it, its end; scalars come with their style
// and collections with theirs. Problems of YAML form (bytes no plan may
// hold, broken syntax, several documents, anchors, aliases, tags, nesting
// too deep, unclosed quotes and brackets that yaml-cpp reads to the end of
// the file, block keys without ':') become diagnostics here; what the
// events mean for a plan is the builder's business.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "plan/diagnostic.h"
#include "plan/model.h"

namespace YAML {
class EventHandler;  // yaml-cpp's: only yaml/reader.cpp and bench/ include it
}

namespace plan::yaml {

enum class EventType : unsigned char {
  scalar,
  null,     // a value written as nothing, ~ or null
  invalid,  // a value already reported (an alias): it counts, but says nothing
  map_start,
  list_start,
  end,  // of the innermost open mapping or list
};

enum class ScalarStyle : unsigned char { plain, quoted, block };

struct Event {
  Event(EventType t, Pos p) : type(t), pos(p) {}

  EventType type;
  Pos pos;                         // where the node starts
  size_t end = std::string::npos;  // just past it, where known (scalars, flow collections)
  std::string_view value;          // a scalar's text, as YAML reads it
  ScalarStyle style = ScalarStyle::plain;
  bool flow = false;  // a collection written in flow style ([...] or {...})
  int width = 1;      // characters to underline at pos, on its first line
};

// What the events go to. fatal() lets it stop the reading (between
// documents) once the rest can only mislead.
class Handler {
 public:
  virtual ~Handler() = default;
  virtual void on_event(const Event& event) = 0;
  virtual bool fatal() const = 0;
};

enum class Outcome {
  read,      // every event was handed over (a second document is reported, not read)
  stopped,   // bad bytes, or YAML that yaml-cpp would misread: reported; events partial
  broken,    // YAML that yaml-cpp refused (its message is reported): events partial
  too_deep,  // nesting past kMaxDepth: reported
};

// Calls the parser's events for `text` in file order, with yaml-cpp's
// marks: 0-based line, byte offset and byte column, not counting a BOM.
// It stops when `stop` says so between documents, and reports broken YAML
// by throwing YAML::ParserException. yaml-cpp's own parser is the default;
// bench/ puts libyaml's behind the same reader.
using EventParser = std::function<void(const std::string& text, YAML::EventHandler& handler,
                                       const std::function<bool()>& stop)>;
void parse_with_yaml_cpp(const std::string& text, YAML::EventHandler& handler,
                         const std::function<bool()>& stop);

// Reads `text` (of `file`, for diagnostics) and hands its events to
// `handler`; diagnostics about its form go to `diagnostics`.
Outcome read(const std::string& file, const std::string& text, Handler& handler,
             std::vector<Diagnostic>* diagnostics, const EventParser& parse = parse_with_yaml_cpp);

// The Pos of a byte offset, counted from the start of the text.
Pos pos_at_offset(std::string_view text, size_t offset);

}  // namespace plan::yaml
