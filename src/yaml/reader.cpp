// yaml/reader.cpp: yaml-cpp's events, positioned, checked and repaired.
#include "yaml/reader.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <streambuf>

#include "plan/load.h"
#include "plan/text.h"
#include "yaml/source.h"

namespace plan::yaml {
namespace {

// What is wrong with a character find_bad_char found.
Msg message_of(CharProblem p) {
  return p == CharProblem::bidi           ? Msg::bidi_char
         : p == CharProblem::noncharacter ? Msg::noncharacter
                                          : Msg::control_char;
}

std::string code_point(char32_t c) { return fmt::format("{:04X}", static_cast<uint32_t>(c)); }

// "a key with no ':'" at the bare line whose content starts at `at` and
// ends at `end`: the hint writes the ':' after its first word ("title T"
// becomes "title: T", "lead [OAP]" becomes "lead: [OAP]").
Diagnostic missing_colon_at(const std::string& file, std::string_view src, size_t at, size_t end,
                            const Pos& pos) {
  const std::string line(src.substr(at, end - at));
  const size_t blank = line.find_first_of(" \t");
  const int width = static_cast<int>(count_chars(line));
  if (blank == std::string::npos)
    return error_at(file, pos, width, Msg::missing_colon, {line}, Msg::hint_add_colon, {line});
  const size_t rest = line.find_first_not_of(" \t", blank);
  return error_at(file, pos, width, Msg::missing_colon, {line}, Msg::hint_colon_after_key,
                  {line.substr(0, blank), line.substr(rest)});
}

// yaml-cpp reads a key written without its ':' ("title T") as the start
// of a plain value that goes on to the next line, and fails there with
// "illegal map value". When the line before the failing key is such a
// bare line at the same indentation, that line is the mistake.
std::optional<Diagnostic> missing_colon_before(const std::string& file, std::string_view src,
                                               const YAML::Exception& e, int bom) {
  if (e.msg != YAML::ErrorMsg::MAP_VALUE || e.mark.is_null())
    return std::nullopt;
  const size_t at = static_cast<size_t>(e.mark.pos + bom);
  const size_t column = static_cast<size_t>(e.mark.column);
  if (at < column || at > src.size())
    return std::nullopt;
  const size_t line = at - column;
  const size_t indent = line_indent(src, line);
  // The line before it that holds something other than a comment.
  size_t prev = line;
  do {
    if (prev <= static_cast<size_t>(bom))
      return std::nullopt;
    const size_t nl = prev >= 2 ? src.rfind('\n', prev - 2) : std::string_view::npos;
    prev = nl == std::string_view::npos ? static_cast<size_t>(bom) : nl + 1;
  } while (is_blank_line(src, prev) || src[prev + line_indent(src, prev)] == '#');
  const size_t content = prev + line_indent(src, prev);
  if (line_indent(src, prev) != indent ||
      std::string_view("-?[{\"'|>").find(src[content]) != std::string_view::npos)
    return std::nullopt;
  const Key k = key_at(src, content, /*flow=*/false);
  // A ':' that YAML does not take for one (followed by a no-break space,
  // say) is a different mistake: yaml-cpp's own message stands.
  if (k.end == std::string_view::npos || k.colon != std::string_view::npos ||
      src.substr(content, k.end - content).find(':') != std::string_view::npos)
    return std::nullopt;
  return missing_colon_at(file, src, content, k.end, pos_at_offset(src, content));
}

// The directive on the line that starts at `line`: YAML reads a '%' in
// the first column as one (%YAML 1.2, %TAG ! ...) wherever it reads
// tokens, comments at the top of the file included. yaml-cpp ignores a
// directive it does not know, where libyaml refuses it, and a known one
// changes how the rest is read: a plan has no use for them (issue 13).
Diagnostic directive_error(const std::string& file, std::string_view src, size_t line) {
  const std::string written = valid_utf8(directive_text(src, line));
  const std::string name = written.substr(0, written.find_first_of(" \t"));
  return error_at(file, pos_at_offset(src, line), static_cast<int>(count_chars(written)),
                  Msg::directive, {name}, Msg::hint_directive, {written});
}

// Thrown past yaml-cpp to end the reading; the diagnostic is already made.
struct Stop {
  Outcome outcome;  // read (the events so far are whole), stopped or broken
};
struct TooDeep {
  Pos pos;
};

// A collection the reader is inside of: enough to know which scalar is a
// key and where a block scalar's lines must be indented.
struct Open {
  bool is_map;
  bool flow;
  bool expect_key = true;  // (mappings) the next node is a key
  Pos pos;
  Pos key_pos;  // (mappings) of the last key
};

class Reader : public YAML::EventHandler {
 public:
  Reader(const std::string& file, const std::string& src, Handler& handler,
         std::vector<Diagnostic>* diags)
      : file_(file),
        src_(src),
        bom_(src.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0),
        handler_(handler),
        diags_(diags) {}

  // Events come in file order, so the character column is counted on from
  // the last position on the same line: counting from the line's start
  // every time would be quadratic in a long line's length.
  Pos to_pos(const YAML::Mark& m) {
    Pos p;
    p.line = m.line + 1;
    p.offset = m.pos + bom_;
    const size_t off = std::min(static_cast<size_t>(p.offset), src_.size());
    const size_t column = static_cast<size_t>(m.column);
    const size_t line_start = off >= column ? off - column : 0;
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
    diags_->push_back(
        error_at(file_, pos, width, msg, std::move(args), hint, std::move(hint_args)));
  }

  // --- YAML::EventHandler ---------------------------------------------------

  void OnDocumentStart(const YAML::Mark& mark) override {
    if (++documents_ > 1) {
      const Pos pos = to_pos(mark);
      check_directives(static_cast<size_t>(pos.offset));
      error(pos, 3, Msg::multiple_documents, {}, Msg::hint_one_document);
      throw Stop{Outcome::read};
    }
  }

  // In block context a directive ends the document, for yaml-cpp: the
  // next node, if any, starts a second one. Called with where that node
  // starts, or with the end of the text once the reading is done.
  void check_directives(size_t to) const {
    const size_t line = directive_line(src_, last_end_, to);
    if (line == std::string_view::npos)
      return;
    diags_->push_back(directive_error(file_, src_, line));
    throw Stop{Outcome::broken};  // the document was cut short there
  }
  void OnDocumentEnd() override {}

  void OnAnchor(const YAML::Mark& mark, const std::string& name) override {
    error(to_pos(mark), static_cast<int>(count_chars(name)) + 1, Msg::anchor, {name},
          Msg::hint_no_anchor);
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override {
    Event e(EventType::invalid, to_pos(mark));
    error(e.pos, 1, Msg::alias, {}, Msg::hint_no_anchor);
    emit_node(e);
  }

  void OnNull(const YAML::Mark& mark, YAML::anchor_t) override {
    Event e(EventType::null, to_pos(mark));
    // In flow context yaml-cpp gives a directive as a null, and then fails.
    if (e.pos.col == 1 && char_at(e.pos) == '%') {
      diags_->push_back(directive_error(file_, src_, static_cast<size_t>(e.pos.offset)));
      throw Stop{Outcome::broken};
    }
    check_flow_key(e.pos);
    emit_node(e);
  }

  // Inside the flow mapping being read, yaml-cpp gives a bare key whose line
  // ends right after it (`{id: 1, deliverables` + line break) as two nulls
  // and then fails, where YAML reads the key with a null value. Say so at
  // the key, with the spelling yaml-cpp reads.
  void check_flow_key(const Pos& pos) {
    if (open_.empty() || !open_.back().is_map || !open_.back().flow || !open_.back().expect_key)
      return;
    const size_t at = static_cast<size_t>(pos.offset);
    const char c = char_at(pos);
    if (c == ':' || c == ',' || c == '}' || c == '\0')
      return;
    const Key k = key_at(src_, at, /*flow=*/true);
    if (k.end == std::string::npos || k.end <= at)
      return;
    const std::string key = valid_utf8(src_.substr(at, k.end - at));
    error(pos, static_cast<int>(count_chars(key)), Msg::flow_key_line_end, {key},
          Msg::hint_flow_key_colon, {key});
    throw Stop{Outcome::stopped};
  }

  // The '?' in a plain value inside [ ] or { } that yaml-cpp fails at
  // (`[¿listo?]`), with the value around it; nothing when the failure is
  // elsewhere. (yaml-cpp reads a '?' everywhere else, and may fail before
  // it reports the brackets around it: the open collections cannot tell.)
  // (yaml-cpp points at the '?' or just after it.)
  std::optional<Diagnostic> flow_question(const Pos& pos) const {
    size_t at = static_cast<size_t>(pos.offset);
    if (at > 0 && at <= src_.size() && src_[at - 1] == '?' &&
        (at == src_.size() || src_[at] != '?'))
      --at;
    if (at >= src_.size() || src_[at] != '?')
      return std::nullopt;
    const std::string value = valid_utf8(plain_around(src_, at));
    return error_at(file_, pos_at_offset(src_, at), 1, Msg::flow_question, {},
                    Msg::hint_quote_value, {value});
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t,
                const std::string& value) override {
    Event e(EventType::scalar, to_pos(mark));
    e.value = decoded(value, e.pos);
    check_tag(tag, e.pos);
    e.style = style_of(tag, e.pos);
    e.width = scalar_width(e);
    e.end = scalar_end(e);
    if (is_block_key())
      check_colon(e);
    emit_node(e);
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t,
                       YAML::EmitterStyle::value style) override {
    start_collection(mark, tag, style, /*is_map=*/false);
  }
  void OnSequenceEnd() override { end_collection(); }

  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t,
                  YAML::EmitterStyle::value style) override {
    start_collection(mark, tag, style, /*is_map=*/true);
  }
  void OnMapEnd() override { end_collection(); }

 private:
  // --- decoded text ------------------------------------------------------------

  // The scalar's text as YAML reads it. Escapes in double quotes can write
  // what the file's bytes may not hold ("\e", "\x9b", "\u202e"): the text
  // is checked again once decoded. yaml-cpp decodes "\N" and "\_" to the
  // lone bytes 0x85 and 0xA0, which are not UTF-8; YAML means U+0085 (a
  // C1 control, refused) and U+00A0 (a no-break space).
  std::string_view decoded(const std::string& value, const Pos& pos) {
    if (char_at(pos) != '"')
      return value;
    std::string_view text = value;
    if (find_invalid_utf8(value) != std::string_view::npos) {
      repaired_.clear();
      for (;;) {
        const size_t bad = find_invalid_utf8(text);
        repaired_.append(text.substr(0, std::min(bad, text.size())));
        if (bad == std::string_view::npos)
          break;
        const auto b = static_cast<unsigned char>(text[bad]);
        if (b == 0x85 || b == 0xA0)
          repaired_ += '\xC2';
        repaired_ += text[bad];
        text.remove_prefix(bad + 1);
      }
      text = repaired_;
    }
    const BadChar c = find_bad_char(text, /*allow_cr=*/false);
    if (c.offset != std::string_view::npos) {
      error(pos, 1, message_of(c.problem), {code_point(c.code)}, Msg::hint_remove_escape);
    }
    return text;
  }

  // --- nodes and collections ---------------------------------------------------

  // A scalar, null or alias: a key or a value of the mapping it is in.
  void emit_node(const Event& e) {
    passed(e);
    if (!open_.empty() && open_.back().is_map) {
      Open& o = open_.back();
      if (o.expect_key)
        o.key_pos = e.pos;
      o.expect_key = !o.expect_key;
    }
    handler_.on_event(e);
  }

  void start_collection(const YAML::Mark& mark, const std::string& tag,
                        YAML::EmitterStyle::value style, bool is_map) {
    Event e(is_map ? EventType::map_start : EventType::list_start, to_pos(mark));
    check_tag(tag, e.pos);
    e.flow = style == YAML::EmitterStyle::Flow;
    const bool in_flow = !open_.empty() && open_.back().flow;
    // A flow collection ends at its closing bracket, past plain values
    // that go on over lines indented less than the keys around it.
    if (e.flow && !in_flow)
      e.end = check_flow_closed(e.pos) + 1;
    if (static_cast<int>(open_.size()) >= kMaxDepth)
      throw TooDeep{e.pos};
    open_.push_back(Open{is_map, e.flow, true, e.pos, {}});
    passed(e);
    handler_.on_event(e);
  }

  // What the events so far span: no directive is looked for before it.
  void passed(const Event& e) {
    const size_t end = e.end != std::string::npos ? e.end : static_cast<size_t>(e.pos.offset) + 1;
    last_end_ = std::max(last_end_, end);
  }

  void end_collection() {
    open_.pop_back();
    // The collection was a key or a value of the mapping it is in.
    if (!open_.empty() && open_.back().is_map)
      open_.back().expect_key = !open_.back().expect_key;
    handler_.on_event(Event(EventType::end, Pos{}));
  }

  // --- scalars -------------------------------------------------------------

  // yaml-cpp gives quoted and block scalars the tag "!", plain ones "?".
  ScalarStyle style_of(const std::string& tag, const Pos& pos) const {
    if (tag != "!")
      return ScalarStyle::plain;
    const char c = char_at(pos);
    return c == '|' || c == '>' ? ScalarStyle::block : ScalarStyle::quoted;
  }

  char char_at(const Pos& pos) const {
    const size_t at = static_cast<size_t>(pos.offset);
    return at < src_.size() ? src_[at] : '\0';
  }

  void check_tag(const std::string& tag, const Pos& pos) {
    // yaml-cpp gives quoted scalars the tag "!" too: only a '!' written
    // where the node starts is a tag.
    if (tag.empty() || tag == "?" || (tag == "!" && char_at(pos) != '!'))
      return;
    // yaml-cpp hands over "!!str" resolved; show it as it was written.
    static constexpr std::string_view kCore = "tag:yaml.org,2002:";
    const std::string shown = tag.rfind(kCore, 0) == 0 ? "!!" + tag.substr(kCore.size()) : tag;
    error(pos, static_cast<int>(count_chars(shown)), Msg::tag, {shown}, Msg::hint_quote);
  }

  // Characters under the caret: the value as written, on its first line.
  int scalar_width(const Event& e) const {
    // The value as written takes at most its own bytes and two quotes:
    // look no further, so that a long line is not scanned once per value.
    const bool quoted = e.style != ScalarStyle::plain;
    const size_t from = static_cast<size_t>(e.pos.offset);
    const size_t limit = std::min(src_.size(), from + e.value.size() + 2);
    size_t end = from;
    while (end < limit && src_[end] != '\n' && src_[end] != '\r') ++end;
    const int rest = static_cast<int>(count_chars(std::string_view(src_).substr(from, end - from)));
    const int value = static_cast<int>(count_chars(e.value)) + (quoted ? 2 : 0);
    return std::max(1, std::min(rest, value));
  }

  // Where the scalar ends: past a quoted value's closing quote or a block
  // scalar's last line. (A plain value's end is not needed: only quoted
  // and block ones can run over lines the editor must step past.)
  size_t scalar_end(const Event& e) {
    const size_t at = static_cast<size_t>(e.pos.offset);
    if (e.style == ScalarStyle::block)
      return block_scalar_end(src_, at, parent_column());
    if (e.style == ScalarStyle::quoted)
      return check_quote_closed(e.pos);
    return at + 1;
  }

  // The column (from 0) of the key or '-' that a value belongs to.
  size_t parent_column() const {
    if (open_.empty())
      return 0;
    const Open& o = open_.back();
    const Pos& p = o.is_map ? o.key_pos : o.pos;
    return p.known() ? static_cast<size_t>(p.col - 1) : 0;
  }

  bool is_block_key() const {
    return !open_.empty() && open_.back().is_map && !open_.back().flow && open_.back().expect_key;
  }

  // A key of a block mapping is followed by ':' on its own line. yaml-cpp
  // reads a bare word on the last line of the file as a key with no value
  // (jbeder/yaml-cpp#819), where YAML and every other reader see an error.
  void check_colon(const Event& e) {
    const size_t key = static_cast<size_t>(e.pos.offset);
    if (key >= src_.size())
      return;
    // An explicit key ("? key") has its ':' on a later line.
    size_t before = key;
    while (before > 0 && (src_[before - 1] == ' ' || src_[before - 1] == '\t')) --before;
    if (before > 0 && src_[before - 1] == '?')
      return;
    const Key k = key_at(src_, key, /*flow=*/false);
    // (A quote never closed is check_quote_closed's to report.)
    if (k.end == std::string::npos || k.colon != std::string::npos)
      return;
    diags_->push_back(missing_colon_at(file_, src_, key, k.end, e.pos));
    throw Stop{Outcome::stopped};
  }

  // yaml-cpp reads a '[' or '{' that is never closed to the end of the
  // file and then reports it elsewhere, after phantom events; check the
  // brackets of the whole flow collection once, when it opens.
  // Returns the offset of its closing bracket.
  size_t check_flow_closed(const Pos& pos) {
    const size_t open = static_cast<size_t>(pos.offset);
    const char c = char_at(pos);
    if (c != '[' && c != '{')
      return open;
    const size_t close = flow_end(src_, open);
    if (close != std::string_view::npos)
      return close;
    error(pos, 1, Msg::unclosed_flow, {std::string(1, c)}, Msg::hint_yaml);
    throw Stop{Outcome::stopped};
  }

  // yaml-cpp reads a quote that is never closed to the end of the file
  // without complaint; a plan file must not lose its tail that way.
  // Returns the offset just after the closing quote.
  size_t check_quote_closed(const Pos& pos) {
    const size_t start = static_cast<size_t>(pos.offset);
    const char c = char_at(pos);
    if (start >= src_.size())
      return start;
    if (c != '"' && c != '\'')
      return start + 1;
    const size_t end = quote_end(src_, start);
    if (end != std::string_view::npos)
      return end;
    error(pos, 1, Msg::unterminated_quote, {}, Msg::hint_yaml);
    throw Stop{Outcome::stopped};
  }

  const std::string& file_;
  const std::string& src_;
  int bom_;
  Handler& handler_;
  std::vector<Diagnostic>* diags_;
  std::vector<Open> open_;
  std::string repaired_;  // a decoded value yaml-cpp left as bytes that are not UTF-8
  struct ColumnCache {
    size_t line_start = 0;
    size_t offset = 0;  // counted up to here
    size_t chars = 0;   // characters from line_start to offset
  };
  ColumnCache col_cache_;
  int documents_ = 0;
  size_t last_end_ = 0;  // see passed()
};

std::string hex_byte(unsigned char c) { return fmt::format("{:02X}", c); }

Diagnostic byte_error(const std::string& file, std::string_view src, size_t at, Msg msg,
                      std::vector<std::string> args, Msg hint) {
  Diagnostic d;
  d.file = file;
  d.pos = pos_at_offset(src, at);
  d.message = msg;
  d.args = std::move(args);
  d.hint = hint;
  return d;
}

// The offset of the first carriage return not followed by a line feed.
size_t find_lone_cr(std::string_view src) {
  for (size_t i = src.find('\r'); i != std::string_view::npos; i = src.find('\r', i + 1)) {
    if (i + 1 >= src.size() || src[i + 1] != '\n')
      return i;
  }
  return std::string_view::npos;
}

// Bytes that no plan may hold: invalid UTF-8, a lone carriage return, and
// the characters of find_bad_char, wherever they are (a bidirectional
// override in a comment still hides what a reviewer reads).
bool check_bytes(const std::string& file, std::string_view src, std::vector<Diagnostic>* diags) {
  const size_t bad = find_invalid_utf8(src);
  if (bad != std::string_view::npos) {
    diags->push_back(byte_error(file, src, bad, Msg::invalid_utf8,
                                {hex_byte(static_cast<unsigned char>(src[bad]))}, Msg::hint_utf8));
    return false;
  }
  const size_t cr = find_lone_cr(src);
  const BadChar c = find_bad_char(src, /*allow_cr=*/true);
  if (cr != std::string_view::npos && cr < c.offset) {
    diags->push_back(byte_error(file, src, cr, Msg::lone_cr, {}, Msg::hint_line_ends));
    return false;
  }
  if (c.offset != std::string_view::npos) {
    diags->push_back(byte_error(file, src, c.offset, message_of(c.problem), {code_point(c.code)},
                                Msg::hint_remove_char));
    return false;
  }
  // A raw LINE or PARAGRAPH SEPARATOR ends the line for YAML 1.1 readers
  // (libyaml), not for YAML 1.2 ones (yaml-cpp): they would read two files.
  const size_t ls = std::min(src.find("\xE2\x80\xA8"), src.find("\xE2\x80\xA9"));
  if (ls != std::string_view::npos) {
    diags->push_back(byte_error(file, src, ls, Msg::raw_line_separator,
                                {src[ls + 2] == '\xA8' ? "2028" : "2029"},
                                Msg::hint_escape_separator));
    return false;
  }
  return true;
}

// The directives among the lines before the document: every one is
// reported (yaml-cpp reads them before any event, and throws on some).
bool check_prologue(const std::string& file, std::string_view src, std::vector<Diagnostic>* diags) {
  const size_t from = src.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
  const size_t end = prologue_end(src, from);
  bool clean = true;
  for (size_t line = from; line < end; line = next_line_start(src, line)) {
    if (src[line] == '%') {
      diags->push_back(directive_error(file, src, line));
      clean = false;
    }
  }
  return clean;
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

}  // namespace

void parse_with_yaml_cpp(const std::string& text, YAML::EventHandler& handler,
                         const std::function<bool()>& stop) {
  MemoryBuffer buffer(text);
  std::istream in(&buffer);
  YAML::Parser parser(in);
  parser.HandleNextDocument(handler);
  if (!stop())
    parser.HandleNextDocument(handler);
}

Outcome read(const std::string& file, const std::string& text, Handler& handler,
             std::vector<Diagnostic>* diagnostics, const EventParser& parse) {
  if (!check_bytes(file, text, diagnostics) || !check_prologue(file, text, diagnostics))
    return Outcome::stopped;
  Reader reader(file, text, handler, diagnostics);
  try {
    parse(text, reader, [&handler] { return handler.fatal(); });
    if (!handler.fatal())
      reader.check_directives(text.size());
  } catch (const Stop& s) {
    return s.outcome;
  } catch (const TooDeep& e) {
    Diagnostic d;
    d.file = file;
    d.pos = e.pos;
    d.message = Msg::too_deep;
    d.args = {std::to_string(kMaxDepth)};
    diagnostics->push_back(std::move(d));
    return Outcome::too_deep;
  } catch (const YAML::Exception& e) {
    const int bom = text.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
    if (std::optional<Diagnostic> d = missing_colon_before(file, text, e, bom)) {
      diagnostics->push_back(std::move(*d));
      return Outcome::broken;
    }
    Diagnostic d;
    d.file = file;
    d.pos = reader.to_pos(e.mark.is_null() ? YAML::Mark() : e.mark);
    if (std::optional<Diagnostic> q = reader.flow_question(d.pos)) {
      diagnostics->push_back(std::move(*q));
      return Outcome::broken;
    }
    d.message = Msg::yaml_syntax;
    // yaml-cpp may quote half a character ("unknown escape character").
    d.args = {valid_utf8(e.msg)};
    d.hint = Msg::hint_yaml;
    diagnostics->push_back(std::move(d));
    return Outcome::broken;
  }
  return Outcome::read;
}

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

}  // namespace plan::yaml
