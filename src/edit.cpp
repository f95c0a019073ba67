// edit.cpp: the surgical text edit behind `plan mark`.
#include "plan/edit.h"

#include <algorithm>
#include <cctype>
#include <optional>

#include "edit_text.h"
#include "plan/goal.h"
#include "plan/load.h"
#include "plan/text.h"
#include "plan/validate.h"
#include "yaml/source.h"

namespace plan {

// ---------------------------------------------------------------------------
// Quoting.

namespace {

bool looks_like_other_type(std::string_view v) {
  // YAML 1.1 (PyYAML, libyaml's readers) and 1.2 read these words as
  // nulls, booleans, infinities or keys of their own ('<<' merges, '='
  // is the value key): written plain, a note would not read back as text.
  static const char* const kWords[] = {"null", "~", "true", "false", "yes",   "no",   "on", "off",
                                       "y",    "n", ".inf", "+.inf", "-.inf", ".nan", "<<", "="};
  std::string lower(v);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  for (const char* w : kWords) {
    if (lower == w)
      return true;
  }
  // Numbers, dates and timestamps (and what YAML 1.1 reads as such:
  // 1_000, 0x1F, 1:30, 2021-03-04 10:00:00) would read back as something
  // other than text.
  if (v.empty())
    return false;
  const bool numeric_start = std::isdigit(static_cast<unsigned char>(v[0])) ||
                             (v.size() > 1 && (v[0] == '+' || v[0] == '-' || v[0] == '.') &&
                              std::isdigit(static_cast<unsigned char>(v[1])));
  return numeric_start &&
         v.find_first_not_of("0123456789+-.:eE_xXoObBaAcCdDfFtTzZ ") == std::string_view::npos;
}

// YAML's line breaks beyond LF and CR: NEL, LINE SEPARATOR, PARAGRAPH
// SEPARATOR, and the escapes that write them. Written raw, a YAML 1.1
// reader breaks the line there.
struct UnicodeBreak {
  std::string_view bytes;
  std::string_view escape;
};
constexpr UnicodeBreak kUnicodeBreaks[] = {
    {"\xC2\x85", "\\N"}, {"\xE2\x80\xA8", "\\L"}, {"\xE2\x80\xA9", "\\P"}};

bool has_unicode_break(std::string_view v) {
  for (const UnicodeBreak& b : kUnicodeBreaks) {
    if (v.find(b.bytes) != std::string_view::npos)
      return true;
  }
  return false;
}

// The break that starts `rest`, or nullptr.
const UnicodeBreak* unicode_break_at(std::string_view rest) {
  for (const UnicodeBreak& b : kUnicodeBreaks) {
    if (rest.substr(0, b.bytes.size()) == b.bytes)
      return &b;
  }
  return nullptr;
}

}  // namespace

std::string yaml_scalar(std::string_view v, bool flow) {
  bool quote = v.empty() || v.front() == ' ' || v.back() == ' ' || looks_like_other_type(v) ||
               std::string_view("-?:,[]{}#&*!|>'\"%@`").find(v.front()) != std::string_view::npos ||
               v.find(": ") != std::string_view::npos || v.find(" #") != std::string_view::npos ||
               v.back() == ':' || has_unicode_break(v);
  for (char c : v) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F)
      quote = true;
    // yaml-cpp ends a plain scalar in flow at '?' too (doc?id=3).
    if (flow && std::string_view(",[]{}?").find(c) != std::string_view::npos)
      quote = true;
  }
  return quote ? yaml_double_quoted(v) : std::string(v);
}

std::string yaml_double_quoted(std::string_view v) {
  std::string out = "\"";
  for (size_t i = 0; i < v.size(); ++i) {
    if (const UnicodeBreak* b = unicode_break_at(v.substr(i))) {
      out += b->escape;
      i += b->bytes.size() - 1;
      continue;
    }
    const char c = v[i];
    switch (c) {
    case '"':
      out += "\\\"";
      break;
    case '\\':
      out += "\\\\";
      break;
    case '\n':
      out += "\\n";
      break;
    case '\r':
      out += "\\r";
      break;
    case '\t':
      out += "\\t";
      break;
    default:
      if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
        out += fmt::format("\\x{:02X}", static_cast<unsigned char>(c));
      } else {
        out += c;
      }
    }
  }
  return out + "\"";
}

// ---------------------------------------------------------------------------
// Edits, made at places that yaml::Source finds in the text (edit_text.h).

namespace detail {

std::string spaces(int n) { return std::string(static_cast<size_t>(std::max(n, 0)), ' '); }

// (A line added where a removed line began survives.)
std::optional<std::string> apply(const std::string& text, std::vector<TextEdit> edits) {
  std::stable_sort(edits.begin(), edits.end(), [](const TextEdit& a, const TextEdit& b) {
    if (a.offset != b.offset)
      return a.offset < b.offset;
    return a.remove == 0 && b.remove != 0;
  });
  std::string out;
  size_t at = 0;
  for (const TextEdit& e : edits) {
    if (e.offset < at)
      return std::nullopt;
    out.append(text, at, e.offset - at);
    out += e.insert;
    at = e.offset + e.remove;
  }
  out.append(text, at, std::string::npos);
  return out;
}

// "- " and the spaces up to the first key, or "-", a line end and the
// indentation of the first key on its own line.
std::string entry_head(const EntryLayout& l, const std::string& eol) {
  if (l.dash_alone)
    return spaces(l.dash) + "-" + eol + spaces(l.keys);
  return spaces(l.dash) + "- " + spaces(l.keys - l.dash - 2);
}

EntryLayout TextEditor::layout_of(size_t first) const {
  const int keys = src_.column(first);
  const size_t dash_at = src_.entry_dash(first);
  if (dash_at == std::string::npos)
    return {std::max(0, keys - 2), keys, false};
  return {src_.column(dash_at), keys, src_.line_start(dash_at) != src_.line_start(first)};
}

void TextEditor::append_to_flow(size_t open, const std::vector<std::string>& items, size_t before) {
  const yaml::Source::FlowTail tail =
      src_.flow_tail(open, before == std::string::npos ? src_.flow_close(open) : before);
  // The first item follows what is there: nothing, a trailing comma, an
  // empty value, or an item; the others follow it.
  const bool empty_value = tail.empty_value && !gives_value_at(tail.at);
  std::string text = tail.empty ? "" : tail.trailing_comma ? " " : empty_value ? " , " : ", ";
  for (size_t i = 0; i < items.size(); ++i) text += (i > 0 ? ", " : "") + items[i];
  edits_.push_back({tail.at, 0, text});
}

bool TextEditor::gives_value_at(size_t at) const {
  return std::any_of(edits_.begin(), edits_.end(),
                     [&](const TextEdit& e) { return e.offset == at && e.remove == 0; });
}

bool TextEditor::removes_last_line() const {
  return std::any_of(edits_.begin(), edits_.end(), [&](const TextEdit& e) {
    return e.remove > 0 && e.offset + e.remove == src_.size() &&
           src_.line_start(e.offset) == e.offset;
  });
}

void TextEditor::insert_lines(size_t at, const std::string& text) {
  std::string prefix;
  if (at == src_.size() && !src_.ends_with_line_end() && !removes_last_line())
    prefix = src_.eol();
  // Several insertions at one place keep the order they were made in.
  for (TextEdit& e : edits_) {
    if (e.offset == at && e.remove == 0) {
      e.insert += text;
      return;
    }
  }
  edits_.push_back({at, 0, prefix + text});
}

std::vector<Diagnostic> TextEditor::new_warnings(const std::vector<Diagnostic>& after,
                                                 const Date& as_of) const {
  const std::vector<Diagnostic> before = validate_plan(plan_, as_of);
  std::vector<Diagnostic> out;
  for (const Diagnostic& d : after) {
    const bool old = std::any_of(before.begin(), before.end(), [&](const Diagnostic& b) {
      return b.message == d.message && b.args == d.args;
    });
    if (d.severity == Severity::warning && !old)
      out.push_back(d);
  }
  return out;
}

std::optional<Plan> TextEditor::load_result(EditOutcome& r, const Date& as_of, Msg invalid) const {
  LoadResult loaded = load_plan_text(plan_.file, r.text);
  std::vector<Diagnostic> diags = loaded.diagnostics;
  if (loaded.complete) {
    for (Diagnostic& d : validate_plan(loaded.plan, as_of)) diags.push_back(std::move(d));
  }
  r.warnings = new_warnings(diags, as_of);
  if (!loaded.complete || has_errors(diags)) {
    r.error = invalid;
    for (Diagnostic& d : diags) {
      if (d.severity == Severity::error)
        r.diagnostics.push_back(std::move(d));
    }
    return std::nullopt;
  }
  return std::move(loaded.plan);
}

}  // namespace detail

namespace {

using detail::entry_head;
using detail::EntryLayout;
using detail::spaces;
using detail::TextEditor;
using yaml::Source;

struct Entry {
  std::string date;
  std::optional<int> progress;  // none: the entry only changes the status
  std::optional<double> value;  // written instead of progress: the goal's value
  std::string status;           // "" when it does not change the status
  std::string note;
  std::string by;
  std::string evidence;
};

std::string flow_entry(const Entry& e) {
  std::string out = "{date: " + e.date;
  if (e.value)
    out += fmt::format(", value: {}", *e.value);
  else if (e.progress)
    out += fmt::format(", progress: {}", *e.progress);
  if (!e.status.empty())
    out += ", status: " + e.status;
  if (!e.note.empty())
    out += ", note: " + yaml_scalar(e.note, true);
  if (!e.by.empty())
    out += ", by: " + yaml_scalar(e.by, true);
  if (!e.evidence.empty())
    out += ", evidence: " + yaml_scalar(e.evidence, true);
  return out + "}";
}

std::string block_entry(const Entry& e, const EntryLayout& l, const std::string& eol) {
  std::string out = entry_head(l, eol) + "date: " + e.date + eol;
  if (e.value)
    out += spaces(l.keys) + fmt::format("value: {}", *e.value) + eol;
  else if (e.progress)
    out += spaces(l.keys) + fmt::format("progress: {}", *e.progress) + eol;
  if (!e.status.empty())
    out += spaces(l.keys) + "status: " + e.status + eol;
  if (!e.note.empty())
    out += spaces(l.keys) + "note: " + yaml_scalar(e.note, false) + eol;
  if (!e.by.empty())
    out += spaces(l.keys) + "by: " + yaml_scalar(e.by, false) + eol;
  if (!e.evidence.empty())
    out += spaces(l.keys) + "evidence: " + yaml_scalar(e.evidence, false) + eol;
  return out;
}

// ---------------------------------------------------------------------------

// What every edit of one activity shares: the text's places, the edits
// made so far, and the ways to add lines and items in the file's own style.
class ActivityEditor : public TextEditor {
 protected:
  ActivityEditor(const Plan& plan, const Activity& a) : TextEditor(plan), a_(a) {}

  bool flow_activity() const { return a_.style == CollectionStyle::flow; }

  // " value" after the key at `key`, or ": value" when the key has no
  // colon ({..., progress}: a null in flow style).
  std::string value_after(size_t key, std::string_view value) const {
    return (src_.after_key(key, flow_activity()).colon ? " " : ": ") + std::string(value);
  }
  Source::NullValue null_value(size_t key) const { return src_.null_value(key, flow_activity()); }
  // Gives the key at `key`, whose value is null, a value.
  void set_null_value(size_t key, std::string_view value) {
    const Source::NullValue n = null_value(key);
    if (n.written) {
      edits_.push_back({n.from, n.to - n.from, std::string(value)});
    } else {
      edits_.push_back({n.from, 0, value_after(key, value)});
    }
  }

  // TextEditor's, but when the activity's last item is the status that
  // goes, the new ones follow what comes before it.
  void append_to_flow(size_t open, const std::vector<std::string>& items) {
    const size_t close = src_.flow_close(open);
    const bool after_removed = removed_item_ && open == off(a_.pos) &&
                               src_.flow_content_end(open, close) <= removed_item_->to;
    TextEditor::append_to_flow(open, items, after_removed ? removed_item_->from : close);
  }

  // Indentation of the activity's keys.
  int key_indent() const { return src_.column(off(a_.pos)); }

  const Activity& a_;
  std::optional<Source::Span> removed_item_;  // the status item removed from a flow activity
};

// ---------------------------------------------------------------------------

class Marker : public ActivityEditor {
 public:
  Marker(const Plan& plan, const Line& line, const Activity& a, const MarkRequest& req)
      : ActivityEditor(plan, a), line_(line), req_(req) {}

  MarkResult run() {
    MarkResult r;
    r.old_progress = static_cast<int>(a_.progress.value);
    if (!check(r))
      return r;
    const bool status_asked = req_.status != StatusChange::keep;
    const bool append = req_.progress || req_.delta || req_.value || status_asked ||
                        !req_.note.empty() || !req_.by.empty() || !req_.evidence.empty();
    r.new_progress = r.old_progress;
    target_flag_ = a_.flag;
    if (append && !make_entry(r))
      return r;
    if (!build(r, append))
      return r;
    std::optional<std::string> text = detail::apply(plan_.source, edits_);
    if (!text) {
      r.error = Msg::mark_internal;
      return r;
    }
    r.text = std::move(*text);
    verify(r, append);
    return r;
  }

 private:
  // An update after today is surely a mistake (unless forced); a status
  // change before the activity starts is refused as validate would.
  bool check_date(MarkResult& r) const {
    if (req_.today && req_.date > *req_.today && !req_.force) {
      r.error = Msg::mark_future_date;
      r.error_args = {fmt::format("{}", req_.date), fmt::format("{}", *req_.today)};
      r.hint = Msg::hint_mark_force;
      return false;
    }
    if (req_.status != StatusChange::keep && a_.start.ok && req_.date < a_.start.date.first()) {
      r.error = Msg::status_before_start;
      r.error_args = {fmt::format("{}", req_.date), fmt::format("{}", a_.start.date.first())};
      r.hint = Msg::hint_status_after_start;
      r.hint_args = {fmt::format("{}", a_.start.date.first())};
      return false;
    }
    return true;
  }

  bool check(MarkResult& r) const {
    if (!req_.progress && !req_.delta && !req_.value && req_.status == StatusChange::keep &&
        req_.note.empty() && req_.by.empty() && req_.evidence.empty()) {
      r.error = Msg::mark_nothing;
      return false;
    }
    if (req_.value && !a_.goal->present) {
      r.error = Msg::value_without_goal;
      r.error_args = {fmt::format("{}", *req_.value)};
      r.hint = Msg::hint_value_without_goal;
      return false;
    }
    if (req_.progress && (*req_.progress < 0 || *req_.progress > 100)) {
      r.error = Msg::mark_progress_range;
      r.error_args = {std::to_string(*req_.progress)};
      return false;
    }
    if (!check_date(r))
      return false;
    const Date first = plan_.period_start.date.first();
    const Date last = plan_.period_end.date.last();
    if (req_.date < first || req_.date > last) {
      r.error = Msg::mark_date_outside;
      r.error_args = {fmt::format("{}", req_.date), fmt::format("{}", first),
                      fmt::format("{}", last)};
      return false;
    }
    for (const auto& [name, text] :
         {std::pair<std::string_view, const std::string&>{"note", req_.note},
          {"by", req_.by},
          {"evidence", req_.evidence}}) {
      const BadChar c = find_bad_char(text, /*allow_cr=*/false);
      if (c.offset != std::string::npos) {
        r.error = Msg::mark_bad_char;
        r.error_args = {std::string(name), fmt::format("{:04X}", static_cast<uint32_t>(c.code))};
        return false;
      }
    }
    if (!req_.by.empty() && plan_.find_owner(req_.by) == nullptr) {
      r.error = Msg::mark_unknown_by;
      r.error_args = {req_.by};
      std::vector<std::string> codes;
      for (const Owner& o : plan_.owners) codes.push_back(o.code.value);
      const std::string near = nearest(req_.by, codes);
      if (!near.empty()) {
        r.hint = Msg::hint_did_you_mean_owner;
        r.hint_args = {near, plan_.find_owner(near)->name.value};
      } else {
        r.hint = Msg::hint_valid_values;
        r.hint_args = {join(codes, ", ")};
      }
      return false;
    }
    return true;
  }

  // The new update: a status change dates the status; a progress, or a
  // note without one, records the progress (the one at its date).
  bool make_entry(MarkResult& r) {
    std::optional<int> value;
    if (req_.progress || req_.delta || req_.value || req_.status == StatusChange::keep) {
      const int at_date = progress_at(a_, req_.date);
      value = req_.progress ? *req_.progress : at_date;
      if (req_.delta)
        value = at_date + *req_.delta;
      // A value is written as it is; the progress it stands for follows
      // (validate refuses it where the activity has no goal).
      if (req_.value)
        value = percent_of_value(*a_.goal, *req_.value);
      if (*value < 0 || *value > 100) {
        r.error = Msg::mark_progress_range;
        r.error_args = {std::to_string(*value)};
        return false;
      }
    }
    // Text reads back without its final line breaks (load.h), so it is
    // written without them.
    entry_ =
        Entry{fmt::format("{}", req_.date),
              value,
              req_.value,
              req_.status == StatusChange::keep ? "" : std::string(flag_word(flag_of(req_.status))),
              std::string(without_final_line_breaks(req_.note)),
              std::string(without_final_line_breaks(req_.by)),
              std::string(without_final_line_breaks(req_.evidence))};
    insert_at_ = insertion_index();
    r.appended_update = true;
    // A back-filled update leaves the latest one of its kind in charge.
    const auto later = a_.updates.begin() + static_cast<std::ptrdiff_t>(insert_at_);
    const auto later_progress =
        std::find_if(a_.updates.rbegin(), std::make_reverse_iterator(later),
                     [](const Update& u) { return u.progress.pos.known(); });
    if (value && later_progress == std::make_reverse_iterator(later))
      r.new_progress = *value;
    const bool later_status =
        std::any_of(later, a_.updates.end(), [](const Update& u) { return u.status.has_value(); });
    if (req_.status != StatusChange::keep && !later_status)
      target_flag_ = flag_of(req_.status);
    return true;
  }

  static ActivityFlag flag_of(StatusChange s) {
    if (s == StatusChange::blocked)
      return ActivityFlag::blocked;
    return s == StatusChange::cancelled ? ActivityFlag::cancelled : ActivityFlag::none;
  }

  // Where the new update goes: after every update dated on or before it.
  size_t insertion_index() const {
    size_t i = a_.updates.size();
    while (i > 0 && a_.updates[i - 1].date.date.last() > req_.date) --i;
    return i;
  }

  bool build(MarkResult& r, bool append) {
    std::vector<std::string> new_keys;  // "key: value" to add to the activity
    // progress
    if (r.new_progress != r.old_progress || (a_.progress_key.known() && append)) {
      if (a_.progress_key.known() && !a_.progress.pos.known()) {
        // "progress:" with no value (or ~): the value goes after the colon.
        set_null_value(off(a_.progress_key), std::to_string(r.new_progress));
      } else if (a_.progress_key.known()) {
        const size_t v = off(a_.progress.pos);
        edits_.push_back(
            {v, src_.value_end(v, flow_activity()) - v, std::to_string(r.new_progress)});
      } else {
        new_keys.push_back(fmt::format("progress: {}", r.new_progress));
      }
    }
    // (`status:` with no value is none already; clearing it removes the key.)
    const bool clears_empty = req_.status == StatusChange::clear &&
                              target_flag_ == ActivityFlag::none && a_.status_key.known();
    if ((target_flag_ != a_.flag || clears_empty) && !write_status(r, new_keys))
      return false;
    // updates
    if (append)
      add_update(new_keys);
    if (!new_keys.empty())
      add_keys(new_keys);
    return true;
  }

  // The status key says the last dated status: it is set, changed, or
  // removed when that is `active`.
  bool write_status(MarkResult& r, std::vector<std::string>& new_keys) {
    const std::string_view word = flag_word(target_flag_);
    if (target_flag_ == ActivityFlag::none)
      return !a_.status_key.known() || remove_status(r);
    if (a_.status_key.known() && !a_.flag_text.pos.known()) {
      set_null_value(off(a_.status_key), word);
    } else if (a_.status_key.known()) {
      replace_status(word);
    } else {
      new_keys.push_back("status: " + std::string(word));
    }
    return true;
  }

  // Where the status's value ends: a block scalar's after its last line.
  size_t status_end(size_t value) const {
    if (src_.block_scalar_at(value, flow_activity()))
      return src_.block_scalar_end_of(off(a_.status_key), value);
    return src_.value_end(value, flow_activity());
  }

  // The status's value becomes `word`. A block scalar's header becomes the
  // word (a comment after it stays) and its lines go.
  void replace_status(std::string_view word) {
    const size_t v = off(a_.flag_text.pos);
    if (!src_.block_scalar_at(v, flow_activity())) {
      edits_.push_back({v, status_end(v) - v, std::string(word)});
      return;
    }
    edits_.push_back({v, src_.header_end(v) - v, std::string(word)});
    const size_t lines = src_.next_line(v);
    const size_t end = status_end(v);
    if (end > lines)
      edits_.push_back({lines, src_.next_line(end - 1) - lines, ""});
  }

  bool remove_status(MarkResult& r) {
    const size_t key = off(a_.status_key);
    const size_t value_end =
        a_.flag_text.pos.known() ? status_end(off(a_.flag_text.pos)) : null_value(key).to;
    if (flow_activity()) {
      // ", status: x" goes, or "status: x, " when it comes first.
      const Source::Span item = src_.flow_item(off(a_.pos), key, value_end);
      edits_.push_back({item.from, item.to - item.from, ""});
      removed_item_ = item;
      return true;
    }
    if (!src_.starts_line(key)) {
      r.error = Msg::mark_cannot_remove_status;
      return false;
    }
    // The key's line, and the lines down to its value's end.
    const size_t ls = src_.line_start(key);
    edits_.push_back({ls, src_.next_line(std::max(key + 1, value_end) - 1) - ls, ""});
    return true;
  }

  void add_update(std::vector<std::string>& new_keys) {
    const std::string& eol = src_.eol();
    if (a_.updates_pos.known() && a_.updates_style == CollectionStyle::flow) {
      // updates: [{...}, {...}]
      const size_t open = off(a_.updates_pos);
      if (insert_at_ < a_.updates.size()) {
        edits_.push_back({off(a_.updates[insert_at_].pos), 0, flow_entry(entry_) + ", "});
      } else {
        append_to_flow(open, {flow_entry(entry_)});
      }
      return;
    }
    if (!a_.updates.empty()) {
      add_block_update();
      return;
    }
    if (a_.updates_key.known() && !flow_activity()) {
      // "updates:" with nothing after it but perhaps a comment (kept), or
      // an explicit null ("~", "null": removed); the entries follow the line.
      const size_t key = off(a_.updates_key);
      const Source::NullValue n = null_value(key);
      if (n.written)
        edits_.push_back({n.from, n.to - n.from, ""});
      const int a = key_indent();
      insert_lines(src_.next_line(key), block_entry(entry_, {a + 2, a + 4, false}, eol));
      return;
    }
    if (a_.updates_key.known()) {
      // {..., updates: ~} or {..., updates}: the null becomes the list.
      set_null_value(off(a_.updates_key), "[" + flow_entry(entry_) + "]");
      return;
    }
    if (flow_activity()) {
      new_keys.push_back("updates: [" + flow_entry(entry_) + "]");
      return;
    }
    const int a = key_indent();
    new_keys.push_back("updates:" + eol + block_entry(entry_, {a + 2, a + 4, false}, eol));
  }

  // A new entry in a block list of updates, laid out as the neighbour it
  // goes before (or after, when it goes last) and in its style.
  void add_block_update() {
    const std::string& eol = src_.eol();
    const bool before = insert_at_ < a_.updates.size();
    const Update& near = a_.updates[before ? insert_at_ : insert_at_ - 1];
    const size_t first = off(near.pos);
    const EntryLayout l = layout_of(first);
    const std::string text = near.style == CollectionStyle::flow
                                 ? entry_head(l, eol) + flow_entry(entry_) + eol
                                 : block_entry(entry_, l, eol);
    if (before) {
      // On the line of the neighbour's '-', which may stand alone above it.
      const size_t dash_at = src_.entry_dash(first);
      edits_.push_back({src_.line_start(dash_at != std::string::npos ? dash_at : first), 0, text});
      return;
    }
    const int a = key_indent();
    const size_t end = std::max(
        src_.block_end(
            off(a_.updates_key), l.dash,
            [&](int ind, size_t at) { return ind > a || (ind == a && src_.starts_entry(at)); }),
        after_value(a_.updates.back().end_offset));
    insert_lines(end, text);
  }

  // New keys go before `updates:` when it is there (so the log stays last),
  // else at the end of the activity.
  void add_keys(const std::vector<std::string>& keys) {
    const std::string& eol = src_.eol();
    if (flow_activity()) {
      append_to_flow(off(a_.pos), keys);
      return;
    }
    const int a = key_indent();
    std::string text;
    for (const std::string& k : keys) {
      text += spaces(a) + k;
      if (k.compare(0, 8, "updates:") != 0)
        text += eol;  // block_entry ends its own lines
    }
    if (a_.updates_key.known() && src_.starts_line(off(a_.updates_key))) {
      edits_.push_back({src_.line_start(off(a_.updates_key)), 0, text});
      return;
    }
    const size_t end =
        std::max(src_.block_end(off(a_.pos), a, [&](int ind, size_t) { return ind >= a; }),
                 after_value(a_.end_offset));
    insert_lines(end, text);
  }

  void verify(MarkResult& r, bool append) const {
    const std::optional<Plan> loaded = load_result(r, req_.as_of, Msg::mark_invalid_result);
    if (!loaded)
      return;
    // The edit must read back as exactly the change that was asked for.
    const Activity* after = loaded->find_activity(line_.id.value, a_.id.value);
    const size_t expected_updates = a_.updates.size() + (append ? 1 : 0);
    if (after == nullptr || after->progress.value != r.new_progress ||
        after->updates.size() != expected_updates || after->flag != target_flag_) {
      r.error = Msg::mark_internal;
      return;
    }
    for (const Line& l : loaded->lines) {
      if (l.id.value != line_.id.value)
        continue;
      const ActivityState s = derive_activity(*loaded, l, *after, req_.as_of);
      r.new_status = s.status;
      r.new_signal = s.signal;
      r.new_done_late = s.done_late;
    }
    r.ok = true;
  }

  const Line& line_;
  const MarkRequest& req_;
  Entry entry_;
  ActivityFlag target_flag_ = ActivityFlag::none;  // the status key's once changed
  size_t insert_at_ = 0;
};

// ---------------------------------------------------------------------------

// The review as a flow mapping, or as block lines laid out as `l` says.
std::string review_flow(const ReviewRequest& r) {
  std::string out = "{period: " + r.period + ", date: " + fmt::format("{}", r.date) +
                    ", by: " + yaml_scalar(r.by, true);
  if (r.verified)
    out += fmt::format(", verified: {}", *r.verified);
  if (r.value)
    out += fmt::format(", value: {}", *r.value);
  if (!r.note.empty())
    out += ", note: " + yaml_scalar(r.note, true);
  return out + "}";
}

std::string review_block(const ReviewRequest& r, const EntryLayout& l, const std::string& eol) {
  std::string out = entry_head(l, eol) + "period: " + r.period + eol;
  out += spaces(l.keys) + fmt::format("date: {}", r.date) + eol;
  out += spaces(l.keys) + "by: " + yaml_scalar(r.by, false) + eol;
  if (r.verified)
    out += spaces(l.keys) + fmt::format("verified: {}", *r.verified) + eol;
  if (r.value)
    out += spaces(l.keys) + fmt::format("value: {}", *r.value) + eol;
  if (!r.note.empty())
    out += spaces(l.keys) + "note: " + yaml_scalar(r.note, false) + eol;
  return out;
}

class Reviewer : public ActivityEditor {
 public:
  Reviewer(const Plan& plan, const Line& line, const Activity& a, const ReviewRequest& req)
      : ActivityEditor(plan, a), line_(line), req_(req) {}

  MarkResult run() {
    MarkResult r;
    r.old_progress = r.new_progress = static_cast<int>(a_.progress.value);
    if (!check(r))
      return r;
    add_review();
    std::optional<std::string> text = detail::apply(plan_.source, edits_);
    if (!text) {
      r.error = Msg::mark_internal;
      return r;
    }
    r.text = std::move(*text);
    verify(r);
    return r;
  }

 private:
  bool check(MarkResult& r) const {
    if (!req_.verified && !req_.value) {
      r.error = Msg::review_nothing;
      return false;
    }
    for (const auto& [name, text] :
         {std::pair<std::string_view, const std::string&>{"note", req_.note}, {"by", req_.by}}) {
      const BadChar c = find_bad_char(text, /*allow_cr=*/false);
      if (c.offset != std::string::npos) {
        r.error = Msg::mark_bad_char;
        r.error_args = {std::string(name), fmt::format("{:04X}", static_cast<uint32_t>(c.code))};
        return false;
      }
    }
    return true;
  }

  void add_review() {
    const std::string& eol = src_.eol();
    const int a = key_indent();
    if (a_.reviews_pos.known() && a_.reviews_style == CollectionStyle::flow) {
      append_to_flow(off(a_.reviews_pos), {review_flow(req_)});
    } else if (!a_.reviews.empty()) {
      add_block_review();
    } else if (a_.reviews_key.known() && !flow_activity()) {
      const size_t key = off(a_.reviews_key);
      const Source::NullValue n = null_value(key);
      if (n.written)
        edits_.push_back({n.from, n.to - n.from, ""});
      insert_lines(src_.next_line(key), review_block(req_, {a + 2, a + 4, false}, eol));
    } else if (a_.reviews_key.known()) {
      set_null_value(off(a_.reviews_key), "[" + review_flow(req_) + "]");
    } else if (flow_activity()) {
      append_to_flow(off(a_.pos), {"reviews: [" + review_flow(req_) + "]"});
    } else {
      // A new `reviews:` at the end of the activity.
      const size_t end =
          std::max(src_.block_end(off(a_.pos), a, [&](int ind, size_t) { return ind >= a; }),
                   after_value(a_.end_offset));
      insert_lines(end,
                   spaces(a) + "reviews:" + eol + review_block(req_, {a + 2, a + 4, false}, eol));
    }
  }

  // After the last review, laid out as it is.
  void add_block_review() {
    const std::string& eol = src_.eol();
    const Review& last = a_.reviews.back();
    const EntryLayout l = layout_of(off(last.pos));
    const std::string text = last.style == CollectionStyle::flow
                                 ? entry_head(l, eol) + review_flow(req_) + eol
                                 : review_block(req_, l, eol);
    const int a = key_indent();
    const size_t end = std::max(
        src_.block_end(
            off(a_.reviews_key), l.dash,
            [&](int ind, size_t at) { return ind > a || (ind == a && src_.starts_entry(at)); }),
        after_value(last.end_offset));
    insert_lines(end, text);
  }

  void verify(MarkResult& r) const {
    const std::optional<Plan> loaded = load_result(r, req_.as_of, Msg::review_invalid_result);
    if (!loaded)
      return;
    const Activity* after = loaded->find_activity(line_.id.value, a_.id.value);
    if (after == nullptr || after->reviews.size() != a_.reviews.size() + 1 ||
        after->reviews.back().period.value != req_.period ||
        after->updates.size() != a_.updates.size() || after->progress.value != a_.progress.value) {
      r.error = Msg::mark_internal;
      return;
    }
    r.ok = true;
  }

  const Line& line_;
  const ReviewRequest& req_;
};

}  // namespace

MarkResult mark_activity(const Plan& plan, const Line& line, const Activity& activity,
                         const MarkRequest& request) {
  return Marker(plan, line, activity, request).run();
}

MarkResult review_activity(const Plan& plan, const Line& line, const Activity& activity,
                           const ReviewRequest& request) {
  return Reviewer(plan, line, activity, request).run();
}

}  // namespace plan
