// edit_text.h: what the commands that change a plan file's text share
// (`plan mark`, `plan review`, `plan add`): edits at byte offsets that
// yaml::Source finds, laid out in the file's own style, and the check that
// the changed text loads and validates.
//
// Private to plan_core. It never prints.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "plan/edit.h"
#include "plan/model.h"
#include "yaml/source.h"

namespace plan::detail {

struct TextEdit {
  size_t offset;
  size_t remove;
  std::string insert;
};

std::string spaces(int n);

// Applies the edits in offset order; at one offset, insertions (in the
// order they were made in) go before the edit that removes the bytes that
// start there. Edits that overlap would garble each other: then nullopt.
std::optional<std::string> apply(const std::string& text, std::vector<TextEdit> edits);

// How a block list entry is laid out: its '-' at column dash, its keys at
// column keys, the first on the dash's line or, when the dash stands
// alone, on the line after it.
struct EntryLayout {
  int dash;
  int keys;
  bool dash_alone;
};

// "- " and the spaces up to the first key, or "-", a line end and the
// indentation of the first key on its own line.
std::string entry_head(const EntryLayout& l, const std::string& eol);

// The text's places and the edits made so far, with the ways to add lines
// and flow items in the file's own style.
class TextEditor {
 protected:
  explicit TextEditor(const Plan& plan) : plan_(plan), src_(plan.source) {}

  size_t off(const Pos& p) const { return static_cast<size_t>(p.offset); }

  // The start of the line after the one where `end_offset` falls: past a
  // quoted value's continuation lines, whatever their indentation.
  size_t after_value(int end_offset) const {
    return end_offset > 0 ? src_.next_line(static_cast<size_t>(end_offset) - 1) : 0;
  }

  // The layout of the block list entry whose first key (or '{') is at
  // `first`, read off the text: where its '-' is, on that line or alone on
  // one before it.
  EntryLayout layout_of(size_t first) const;

  // Appends items to the flow collection opened at `open`, after its last
  // one (before `before`, its close by default) and before any comment:
  // "[a]" gets ", b"; "[a,]" (a trailing comma) gets " b"; "[]" gets "b";
  // "{a: }" gets " , b" (YAML reads "a:," as a key "a:", or refuses it).
  void append_to_flow(size_t open, const std::vector<std::string>& items,
                      size_t before = std::string::npos);

  // Whether an edit already writes a value at `at`, just after a ':'.
  bool gives_value_at(size_t at) const;

  // Whether an edit removes the text's last lines, from the start of one:
  // what is left ends with a line end even when the text did not.
  bool removes_last_line() const;

  // Inserts whole lines at `at`, the start of a line (or the end of a text
  // that may lack its last line end).
  void insert_lines(size_t at, const std::string& text);

  // The warnings of the changed file that the file did not have before
  // (progress going down, an update after the as-of date, progress on
  // cancelled work...), told by code and words: their lines moved.
  std::vector<Diagnostic> new_warnings(const std::vector<Diagnostic>& after,
                                       const Date& as_of) const;

  // Loads and validates the changed text r.text: its new warnings go in
  // r.warnings; when it does not load or has errors, r.error is `invalid`
  // and r.diagnostics its errors, and nullopt is returned; else the plan
  // it reads back as, for the caller to check that it holds the change.
  std::optional<Plan> load_result(EditOutcome& r, const Date& as_of, Msg invalid) const;

  const Plan& plan_;
  yaml::Source src_;
  std::vector<TextEdit> edits_;
};

}  // namespace plan::detail
