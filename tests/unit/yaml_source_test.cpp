// yaml_source_test.cpp: the private YAML layer (src/yaml/): the text
// scanners behind the editor and the reader's positioned events.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "yaml/reader.h"
#include "yaml/source.h"

namespace plan::yaml {
namespace {

constexpr size_t npos = std::string_view::npos;

TEST_CASE("key_at finds where a key ends and its ':'", "[yaml]") {
  auto check = [](std::string_view text, size_t key, bool flow, size_t end, size_t colon) {
    INFO(text);
    const Key k = key_at(text, key, flow);
    CHECK(k.end == end);
    CHECK(k.colon == colon);
  };
  check("progress: 5\n", 0, false, 8, 8);
  check("progress:\n", 0, false, 8, 8);
  check("progress:", 0, false, 8, 8);
  check("a:b: 1\n", 0, false, 3, 3);  // a ':' inside a plain key
  check("\"pro: gress\" : 1\n", 0, false, 12, 13);
  check("progress\n", 0, false, 8, npos);  // a bare key
  check("progress  # c\n", 0, false, 8, npos);
  check("{a: 1, progress}", 7, true, 15, npos);
  check("{a: 1, progress, b: 2}", 7, true, 15, npos);
  check("{progress: 5}", 1, true, 9, 9);
  check("\"never closed\n", 0, false, npos, npos);
}

TEST_CASE("lines by their start: next, indent, blank", "[yaml]") {
  const std::string_view text = "a\n  \t\n   b\nc";
  CHECK(next_line_start(text, 0) == 2);
  CHECK(next_line_start(text, 2) == 6);
  CHECK(next_line_start(text, 11) == text.size());
  CHECK(line_indent(text, 6) == 3);
  CHECK(line_indent(text, 2) == 2);  // tabs do not indent
  CHECK(is_blank_line(text, 2));
  CHECK_FALSE(is_blank_line(text, 6));
  CHECK(is_blank_line(text, text.size()));
}

TEST_CASE("quote_end and flow_end step over quotes, escapes and comments", "[yaml]") {
  CHECK(quote_end(R"("a\"b" x)", 0) == 6);
  CHECK(quote_end("'it''s' x", 0) == 7);
  CHECK(quote_end("\"open", 0) == npos);
  CHECK(flow_end("[a, [b], c] d", 0) == 10);
  CHECK(flow_end("{a: \"}\", b: 1}", 0) == 13);
  CHECK(flow_end("[a, # ]\n b]", 0) == 10);      // a comment's bracket does not close
  CHECK(flow_end("{note: 5\" disk}", 0) == 14);  // a quote inside a plain value
  CHECK(flow_end("[a, b", 0) == npos);
}

TEST_CASE("block_scalar_end stops at the first line not indented past the key", "[yaml]") {
  const std::string text = "k: |\n  one\n\n  two\nnext: 1\n";
  CHECK(block_scalar_end(text, 3, 0) == text.find("\nnext"));
  // An indentation digit: lines at parent + 2 belong, even a deeper first one.
  const std::string digit = "k: |2\n    deep\n  two\nz: 1\n";
  CHECK(block_scalar_end(digit, 3, 0) == digit.find("\nz"));
  // Nothing after the indicator: the scalar ends there.
  CHECK(block_scalar_end("k: >\nz: 1\n", 3, 0) == 4);
}

TEST_CASE("Source finds values, nulls, list dashes and flow items", "[yaml]") {
  const std::string text = "a:\n  - progress: 40 # c\n    status: ~\n    note: \"x\" \n";
  const Source src(text);
  CHECK(src.eol() == "\n");
  const size_t progress = text.find("progress");
  CHECK(src.value_end(text.find("40"), false) == text.find("40") + 2);
  CHECK(src.value_end(text.find("\"x\""), false) == text.find("\"x\"") + 3);
  CHECK(src.entry_dash(progress) == text.find('-'));
  CHECK(src.entry_dash(text.find("status")) == npos);
  const Source::NullValue n = src.null_value(text.find("status"), false);
  CHECK(n.written);
  CHECK(n.from == text.find('~'));
  CHECK(n.to == n.from + 1);
  const Source::AfterKey k = src.after_key(progress, false);
  CHECK(k.colon);
  CHECK(k.at == progress + 9);

  const std::string flow = "{a: 1, status: blocked, b: 2}";
  const Source f(flow);
  const size_t status = flow.find("status");
  const size_t value_end = f.value_end(flow.find("blocked"), true);
  CHECK(value_end == flow.find(", b"));
  const Source::Span middle = f.flow_item(0, status, value_end);
  CHECK(flow.substr(middle.from, middle.to - middle.from) == ", status: blocked");
  const std::string first = "{status: blocked, b: 2}";
  const Source g(first);
  const Source::Span lead = g.flow_item(0, 1, g.value_end(first.find("blocked"), true));
  CHECK(first.substr(lead.from, lead.to - lead.from) == "status: blocked, ");
  // A key with no ':' in flow takes ": value" right after it.
  const std::string bare = "{a: 1, progress}";
  const Source h(bare);
  CHECK_FALSE(h.after_key(7, true).colon);
  CHECK(h.after_key(7, true).at == 15);
  const std::string crlf = "a\r\nb\r\n";
  CHECK(Source(crlf).eol() == "\r\n");
}

TEST_CASE("Source finds where a flow collection takes a new item", "[yaml]") {
  auto tail = [](const std::string& text) { return Source(text).flow_tail(0); };
  const std::string one = "[a] ", comma = "{a: 1, } ", none = "[ ]";
  CHECK(Source(one).flow_tail(0).at == 2);
  CHECK_FALSE(tail(one).empty);
  CHECK_FALSE(tail(one).trailing_comma);
  CHECK(tail(comma).trailing_comma);
  CHECK(tail(comma).at == 6);
  CHECK(tail(none).empty);
  CHECK(tail(none).at == 1);
  const std::string lines = "a:\n  - b\n  c: 1\n";
  const Source src(lines);
  CHECK(src.starts_entry(3));
  CHECK_FALSE(src.starts_entry(9));
  CHECK(src.ends_with_line_end());
  const std::string open = "a: 1";
  CHECK_FALSE(Source(open).ends_with_line_end());
}

TEST_CASE("Source's flow tail and items step over comments and empty values", "[yaml]") {
  auto tail = [](const std::string& text) { return Source(text).flow_tail(0); };
  // A comment before the close: the new item goes before it, not into it.
  const std::string comment = "{a: 1 # c, }\n}";
  CHECK(tail(comment).at == 5);
  const std::string comma = "{a: 1, # c\n # d\n}";
  CHECK(tail(comma).at == 6);
  CHECK(tail(comma).trailing_comma);
  const std::string nested = "{a: [1, {b: \"}\"}] # ]\n}";
  CHECK(tail(nested).at == nested.find(" #"));
  // An empty value last: "a:," would be a key to libyaml.
  CHECK(tail("{a: 1, b: }").empty_value);
  CHECK(tail("{a: 1, b: }").at == 9);
  CHECK_FALSE(tail("{a: 'b:'}").empty_value);
  // Up to a given offset: what precedes an item.
  const std::string two = "{a: 1, # x,\n b: 2}";
  CHECK(Source(two).flow_tail(0, two.find("b:")).at == 6);

  auto item = [](const std::string& text, std::string_view key, std::string_view value) {
    const Source src(text);
    const size_t v = text.find(value);
    const Source::Span span = src.flow_item(0, text.find(key), src.value_end(v, true));
    return text.substr(0, span.from) + text.substr(span.to);
  };
  CHECK(item("{a: 1, s: x, b: 2}", "s:", "x") == "{a: 1, b: 2}");
  // A comment (with its ',') between the ',' and the key stays.
  CHECK(item("{a: 1, # p, q\n s: x}", "s:", "x") == "{a: 1, # p, q\n }");
  CHECK(item("{a: 1,\n s: x\n}", "s:", "x") == "{a: 1,\n}");
  CHECK(item("{s: x, # c\n a: 1}", "s:", "x") == "{ # c\n a: 1}");
  CHECK(item("{\n  s: x,\n  a: 1}", "s:", "x") == "{\n  a: 1}");
}

TEST_CASE("entry_dash finds a '-' that stands alone above the entry", "[yaml]") {
  const std::string text =
      "u:\n  -\n    date: 1\n  - # c\n\n    # note\n    date: 2\n  - a: 1\n    date: 3\n";
  const Source src(text);
  CHECK(src.entry_dash(text.find("date: 1")) == text.find("-"));
  CHECK(src.entry_dash(text.find("date: 2")) == text.find("- # c"));
  // The line above holds more than a '-': the key's entry began there.
  CHECK(src.entry_dash(text.find("date: 3")) == npos);
  const std::string crlf = "u:\r\n  -\r\n    date: 1\r\n";
  CHECK(Source(crlf).entry_dash(crlf.find("date")) == crlf.find('-'));
  CHECK(Source(std::string("date: 1\n")).entry_dash(0) == npos);
}

TEST_CASE("Source finds a block scalar's header and lines", "[yaml]") {
  const std::string text = "  k: |2- # c\n      x\n\n    y\n  # z\n  n: 1\n";
  const Source src(text);
  const size_t bar = text.find('|');
  CHECK(src.block_scalar_at(bar, false));
  CHECK_FALSE(src.block_scalar_at(bar, true));
  CHECK_FALSE(src.block_scalar_at(text.find('x'), false));
  CHECK(src.header_end(bar) == bar + 3);
  CHECK(src.block_scalar_end_of(text.find('k'), bar) == text.find("\n  # z"));
  // No lines: the scalar ends with its header.
  const std::string empty = "k: >+\nn: 1\n";
  CHECK(Source(empty).block_scalar_end_of(0, 3) == 5);
}

// Collects the reader's events as one line each.
class Recorder : public Handler {
 public:
  void on_event(const Event& e) override {
    static const char* const kNames[] = {"scalar", "null", "invalid", "map", "list", "end"};
    std::string s = kNames[static_cast<int>(e.type)];
    if (e.pos.known())
      s += " " + std::to_string(e.pos.line) + ":" + std::to_string(e.pos.col);
    if (e.type == EventType::scalar) {
      s += " '" + std::string(e.value) + "'";
      s += e.style == ScalarStyle::plain    ? " plain"
           : e.style == ScalarStyle::quoted ? " quoted"
                                            : " block";
      s += " w" + std::to_string(e.width);
    }
    if (e.flow)
      s += " flow";
    if (e.end != std::string::npos)
      s += " end" + std::to_string(e.end);
    events.push_back(s);
  }
  bool fatal() const override { return false; }
  std::vector<std::string> events;
};

TEST_CASE("the reader gives positions, ends and styles", "[yaml]") {
  const std::string text = "a: \"é x\"\nb: |\n  t\nc: [1, {d: e}]\nf:\n";
  Recorder r;
  std::vector<Diagnostic> diags;
  CHECK(read("f.yaml", text, r, &diags) == Outcome::read);
  CHECK(diags.empty());
  for (const std::string& e : r.events) UNSCOPED_INFO(e);
  REQUIRE(r.events.size() == 16);
  CHECK(r.events[0] == "map 1:1");
  CHECK(r.events[1] == "scalar 1:1 'a' plain w1 end1");
  // Columns count characters, ends count bytes: "é" is two.
  CHECK(r.events[2] == "scalar 1:4 'é x' quoted w5 end9");
  CHECK(r.events[3] == "scalar 2:1 'b' plain w1 end11");
  CHECK(r.events[4] == "scalar 2:4 't\n' block w1 end18");  // past its last line
  CHECK(r.events[6] == "list 4:4 flow end33");              // at its ']'
  CHECK(r.events[8] == "map 4:8 flow");                     // inside a flow list: no end of its own
  CHECK(r.events[14] == "null 6:1");
  CHECK(r.events[15] == "end");
}

TEST_CASE("the reader reports what yaml-cpp would misread", "[yaml]") {
  auto first = [](const std::string& text) {
    Recorder r;
    std::vector<Diagnostic> diags;
    const Outcome o = read("f.yaml", text, r, &diags);
    REQUIRE_FALSE(diags.empty());
    return std::make_pair(o, diags.front());
  };
  auto [o1, d1] = first("a: 1\nb\n");
  CHECK(o1 == Outcome::stopped);
  CHECK(d1.message == Msg::missing_colon);
  CHECK(d1.pos.line == 2);
  // A key without ':' mid-file: yaml-cpp fails a line later ("illegal
  // map value"); the reader points at the bare line and writes the fix.
  auto [o9, d9] = first("a:\n  title T\n  b: 1\n");
  CHECK(o9 == Outcome::broken);
  CHECK(d9.message == Msg::missing_colon);
  CHECK(d9.pos.line == 2);
  CHECK(d9.pos.col == 3);
  CHECK(d9.hint == Msg::hint_colon_after_key);
  CHECK(d9.hint_args == std::vector<std::string>{"title", "T"});
  auto [o2, d2] = first("a: [1, 2\n");
  CHECK(o2 == Outcome::stopped);
  CHECK(d2.message == Msg::unclosed_flow);
  auto [o3, d3] = first("a: \"open\n");
  CHECK(o3 == Outcome::stopped);
  CHECK(d3.message == Msg::unterminated_quote);
  auto [o4, d4] = first("a: !x 1\n");
  CHECK(o4 == Outcome::read);
  CHECK(d4.message == Msg::tag);
  auto [o5, d5] = first("a: 1\n---\nb: 2\n");
  CHECK(o5 == Outcome::read);
  CHECK(d5.message == Msg::multiple_documents);
  auto [o6, d6] = first("a: [1, }\n");
  CHECK(o6 == Outcome::broken);
  CHECK(d6.message == Msg::yaml_syntax);
  auto [o7, d7] = first(std::string(100, '[') + std::string(100, ']'));
  CHECK(o7 == Outcome::too_deep);
  CHECK(d7.message == Msg::too_deep);
  auto [o8, d8] = first("a: \x01\n");
  CHECK(o8 == Outcome::stopped);
  CHECK(d8.message == Msg::control_char);
  CHECK(d8.pos.col == 4);
}

}  // namespace
}  // namespace plan::yaml
