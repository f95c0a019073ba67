// yaml/source.h: facts about a YAML text that yaml-cpp does not give.
//
// Private to plan_core (with yaml/reader.h, the only place that scans YAML
// text). yaml-cpp says where a node starts, not where it ends, nor where a
// key's ':' is, nor how a flow collection or a block scalar closes; the
// editor needs those to change only the bytes it must, and the reader to
// repair what yaml-cpp misreads. Everything here reads the text; nothing
// changes it or knows about plans.
#pragma once

#include <string>
#include <string_view>

namespace plan::yaml {

// The offset just after the quote that closes the quoted value opened at
// `open` ('"' with backslash escapes, '\'' with '' doubled), or npos.
size_t quote_end(std::string_view text, size_t open);
// The offset of the bracket that closes the flow collection opened at
// `open` ('[' or '{'), past quoted values and comments, or npos.
size_t flow_end(std::string_view text, size_t open);

// The key that starts at `key`: where it ends, and the offset of the ':'
// after it (npos when there is none). A quoted key ends at its closing
// quote (end is npos when it never closes); a plain one at a ':' followed
// by a blank or the line's end, at the end of its line, at a comment, and
// in flow at ',', '}' or ']'.
struct Key {
  size_t end;
  size_t colon;
};
Key key_at(std::string_view text, size_t key, bool flow);

// The plain flow value around offset `at` (inside [ ] or { }): from after
// the ',', '[', '{' or ': ' before it to the ',', ']', '}' or line end after
// it, without the blanks around it.
std::string_view plain_around(std::string_view text, size_t at);

// Lines, by the offset where they start: the start of the line after the
// one holding `off` (or the text's end); the spaces that indent a line
// (YAML indents with spaces only); whether it holds only spaces and tabs.
size_t next_line_start(std::string_view text, size_t off);
size_t line_indent(std::string_view text, size_t line_start);
bool is_blank_line(std::string_view text, size_t line_start);

// YAML directives: a line that starts with '%' (%YAML 1.2, %TAG ! ...)
// where a YAML scanner reads tokens. directive_line is the start of the
// first such line that starts in [from, to), or npos; the caller knows
// that no scalar goes on over a line that starts in the range.
// prologue_end is where the lines that open the text from `from` end:
// blank, comment and directive lines, before the first node or '---'.
// directive_text is the directive as written on its line, without a
// comment or the blanks after it.
size_t directive_line(std::string_view text, size_t from, size_t to);
size_t prologue_end(std::string_view text, size_t from);
std::string_view directive_text(std::string_view text, size_t line_start);

// Where the block scalar (| or >) whose indicator is at `at` ends: after
// its last line that is not blank. Its lines are indented deeper than
// `parent`, the column (from 0) of the key or '-' it belongs to, by the
// indentation of its first line or by the digit after the indicator.
size_t block_scalar_end(std::string_view text, size_t at, size_t parent);

// A YAML text seen by lines and values, for the editor: where lines,
// values, keys and blocks start and end.
class Source {
 public:
  explicit Source(const std::string& s);

  const std::string& eol() const { return eol_; }  // "\r\n" or "\n", as the file has
  const std::string& text() const { return s_; }
  size_t size() const { return s_.size(); }
  char at(size_t i) const { return i < s_.size() ? s_[i] : '\0'; }

  size_t line_start(size_t off) const;
  // The start of the next line (or the end of the text).
  size_t next_line(size_t off) const { return next_line_start(s_, off); }
  // Where the line's content ends (before "\r\n" or "\n").
  size_t line_end(size_t off) const;
  int indent(size_t ls) const { return static_cast<int>(line_indent(s_, ls)); }
  // Where the line's content starts, past spaces and tabs.
  size_t content(size_t ls) const;
  bool is_blank(size_t ls) const { return is_blank_line(s_, ls); }
  bool is_comment(size_t ls) const { return at(content(ls)) == '#'; }
  // A blank or comment line with a tab before its content: yaml-cpp
  // accepts one only after some lines (one that ends in a comment, not a
  // plain value), so nothing new may be put between it and the line before.
  bool tab_indented(size_t ls) const { return s_.find('\t', ls) < content(ls); }
  // The line starts, past its indentation, with a '-' (a list entry).
  bool starts_entry(size_t ls) const { return at(ls + static_cast<size_t>(indent(ls))) == '-'; }
  // The text is empty or its last line ends with a line break.
  bool ends_with_line_end() const { return s_.empty() || s_.back() == '\n'; }
  // The key at off is the first thing on its line.
  bool starts_line(size_t off) const;
  int column(size_t off) const { return static_cast<int>(off - line_start(off)); }

  // The end of the block that starts on the line of `first`: the start of
  // the line after its last line. inside(indent, line_start) says whether a
  // content line belongs to it; comment lines belong when indented at least
  // `comment_indent`; blank lines never end it. Blank and comment lines
  // with a tab in their indentation belong to it (see tab_indented).
  template <typename Inside>
  size_t block_end(size_t first, int comment_indent, Inside inside) const;

  // The end of a scalar value written at off: a quoted one to its closing
  // quote, a plain one to the end of the line, a comment, or (in flow) a
  // flow indicator.
  size_t value_end(size_t off, bool flow) const;
  // Block scalars (| or >, in block context) by their indicator at `off`:
  // whether one starts there, where its header (the indicator with its
  // chomping and indentation indicators) ends, and where its lines end
  // when it is the value of the key at `key` (header_end's when none).
  bool block_scalar_at(size_t off, bool flow) const;
  size_t header_end(size_t off) const;
  size_t block_scalar_end_of(size_t key, size_t off) const;
  // The offset of the bracket that closes the flow collection opened at
  // `open` ('{' or '['), skipping quoted text and nested collections.
  size_t flow_close(size_t open) const { return flow_end(s_, open); }
  // The last non-space offset before `end` (exclusive), plus one.
  size_t trim_back(size_t end) const;
  // The end of what is written in the flow collection opened at `open`
  // before `before` (a position at its own depth): just after its last
  // item, ',' or ':', past quoted values and nested collections, not
  // counting blanks, line ends and comments; open + 1 when there is none.
  size_t flow_content_end(size_t open, size_t before) const;
  // Where a new item goes in the flow collection opened at `open`: after
  // its last item (or trailing comma) before `before` (its close, by
  // default), before the blanks and comments that follow that item.
  struct FlowTail {
    size_t at;
    bool empty;           // "[]", "{ }": no item yet
    bool trailing_comma;  // "[a, ]"
    bool empty_value;     // "{a: }": the last key has no value; "a:," would not be YAML
  };
  FlowTail flow_tail(size_t open, size_t before = std::string::npos) const;
  // The '-' that opens the block list entry whose first key is at `key`:
  // before the key on its line, or, when the key starts its line, standing
  // alone (perhaps with a comment) on the last line before it that is not
  // blank or a comment; npos when there is none.
  size_t entry_dash(size_t key) const;
  // The span that removes the item whose key is at `key` and whose value
  // ends at `value_end` from the flow mapping opened at `open`, with a ','
  // that separates it: ", k: v" when that ',' is on the key's line, else
  // "k: v, " (a comment before the key, or after the ',', is kept).
  struct Span {
    size_t from;
    size_t to;
  };
  Span flow_item(size_t open, size_t key, size_t value_end) const;

  // Where a value goes after the key at `key`: just after its ':', or,
  // for a key written without one ({..., progress}: a null in flow
  // style), just after the key, where ": value" goes.
  struct AfterKey {
    size_t at;
    bool colon;
  };
  AfterKey after_key(size_t key, bool flow) const;
  // The null value of the key at `key`: an explicit one (~, null, Null,
  // NULL), which may sit on a later line (in flow, or in block indented
  // deeper than the key) past blank and comment lines; or, when the value
  // is written as nothing, the empty span where a value goes.
  struct NullValue {
    size_t from;
    size_t to;
    bool written;  // an explicit null, [from, to)
  };
  NullValue null_value(size_t key, bool flow) const;

 private:
  size_t explicit_null_start(size_t after_colon, int key_column, bool flow) const;

  const std::string& s_;
  std::string eol_;
};

template <typename Inside>
size_t Source::block_end(size_t first, int comment_indent, Inside inside) const {
  size_t end = next_line(first);
  size_t at = end;
  while (at < s_.size()) {
    const size_t next = next_line(at);
    if (is_blank(at)) {
      if (tab_indented(at))
        end = next;
      at = next;
      continue;
    }
    const int ind = indent(at);
    if (is_comment(at)) {
      if (ind >= comment_indent || tab_indented(at))
        end = next;
      at = next;
      continue;
    }
    if (!inside(ind, at))
      break;
    end = next;
    at = next;
  }
  return end;
}

}  // namespace plan::yaml
