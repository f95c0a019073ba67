// add.cpp: the text edit behind `plan add`.
#include "plan/add.h"

#include <algorithm>

#include "edit_text.h"
#include "plan/text.h"
#include "plan/validate.h"

namespace plan {

namespace {

using detail::entry_head;
using detail::EntryLayout;
using detail::spaces;
using detail::TextEditor;

// How the entry before the new one writes what the new one writes too.
struct Style {
  char quote = 0;          // its title's quote ('"' or '\''), 0 when plain
  bool flow_codes = true;  // lead: [SG], not a block list
  int codes_dash = 2;      // a block list of codes: its '-' column past the keys'
  bool progress = false;   // (activities) it writes `progress: 0`
};

// One key of the new entry: a text (quoted as the neighbour's title is),
// a list of owner codes, or a value written as it is (ids, dates, []).
struct Field {
  enum Kind { text, codes, raw };
  Field(std::string k, std::string v, Kind kind_ = raw)
      : key(std::move(k)), value(std::move(v)), kind(kind_) {}
  Field(std::string k, std::vector<std::string> codes_)
      : key(std::move(k)), kind(codes), list(std::move(codes_)) {}

  std::string key;
  std::string value;
  Kind kind;
  std::vector<std::string> list;
};

// A text value, quoted as the neighbour quotes its title: double quotes,
// single quotes (when no escape is needed), or plain when YAML allows.
std::string text_value(std::string_view v, bool flow, char quote) {
  const std::string plain = yaml_scalar(v, flow);
  if (quote == '"')
    return yaml_double_quoted(v);
  if (quote == '\'' && plain.find('\\') == std::string::npos) {
    std::string out = "'";
    for (char c : v) out += c == '\'' ? std::string("''") : std::string(1, c);
    return out + "'";
  }
  return plain;
}

std::string codes_flow(const std::vector<std::string>& codes) {
  std::vector<std::string> items;
  for (const std::string& c : codes) items.push_back(yaml_scalar(c, true));
  return "[" + join(items, ", ") + "]";
}

std::string flow_value(const Field& f, const Style& s) {
  if (f.kind == Field::codes)
    return codes_flow(f.list);
  return f.kind == Field::text ? text_value(f.value, true, s.quote) : f.value;
}

// {key: value, ...}
std::string flow_text(const std::vector<Field>& fields, const Style& s) {
  std::string out = "{";
  for (size_t i = 0; i < fields.size(); ++i) {
    out += (i > 0 ? ", " : "") + fields[i].key + ": " + flow_value(fields[i], s);
  }
  return out + "}";
}

// The entry's block lines, laid out as `l` says.
std::string block_text(const std::vector<Field>& fields, const Style& s, const EntryLayout& l,
                       const std::string& eol) {
  std::string out = entry_head(l, eol);
  for (size_t i = 0; i < fields.size(); ++i) {
    const Field& f = fields[i];
    if (i > 0)
      out += spaces(l.keys);
    if (f.kind == Field::codes && !s.flow_codes) {
      out += f.key + ":" + eol;
      for (const std::string& c : f.list) {
        out += spaces(l.keys + s.codes_dash) + "- " + yaml_scalar(c, false) + eol;
      }
      continue;
    }
    const std::string v = f.kind == Field::codes  ? codes_flow(f.list)
                          : f.kind == Field::text ? text_value(f.value, false, s.quote)
                                                  : f.value;
    out += f.key + ": " + v + eol;
  }
  return out;
}

// Where a list of entries is written and its last entry, if any.
struct ListPlace {
  Pos key;                     // of `lines:` or `activities:`
  Pos list;                    // of the list
  CollectionStyle style;       // of the list
  int parent_indent;           // the column of the keys beside `key`
  const Pos* last = nullptr;   // the last entry's position...
  CollectionStyle last_style;  // ...style...
  int last_end = -1;           // ...and end
  EntryLayout fresh;           // the layout of a first entry of a block list
};

class Adder : public TextEditor {
 public:
  Adder(const Plan& plan, const AddRequest& req) : TextEditor(plan), req_(req) {}

  AddResult run_activity(const Line& line) {
    AddResult r;
    r.line = line.id.value;
    r.activity = req_.id.value_or(next_activity_id(line));
    if (!check_common(r) || !check_dates(r) || !check_activity_id(line, r))
      return r;
    const Activity* near = neighbour_activity(line);
    Style style = style_of(near == nullptr ? nullptr : &near->title);
    // Owner lists as the neighbour's, or as its line's when it has none.
    if (near != nullptr && near->lead.present)
      codes_style(near->lead, near->pos, &style);
    else
      codes_style(line.lead, line.pos, &style);
    style.progress = near != nullptr && near->progress_key.known();
    add_entry(activity_place(line), activity_fields(r, style), style);
    if (!finish(r))
      return r;
    check_activity(r, line);
    return r;
  }

  AddResult run_line() {
    AddResult r;
    r.line = req_.id.value_or(next_line_id());
    if (!check_common(r) || !check_line_id(r) || !take_lead(r))
      return r;
    const Line* last = plan_.lines.empty() ? nullptr : &plan_.lines.back();
    Style style = style_of(last == nullptr ? nullptr : &last->title);
    if (last != nullptr)
      codes_style(last->lead, last->pos, &style);
    add_entry(line_place(), line_fields(r), style);
    if (!finish(r))
      return r;
    check_line(r);
    return r;
  }

 private:
  // --- the request ------------------------------------------------------------

  bool check_common(AddResult& r) const {
    if (req_.title.find_first_not_of(" \t\r\n") == std::string::npos) {
      r.error = Msg::add_empty_title;
      return false;
    }
    for (const auto& [name, text] :
         {std::pair<std::string_view, const std::string&>{"title", req_.title},
          {"product", req_.product},
          {"objective", req_.objective}}) {
      const BadChar c = find_bad_char(text, /*allow_cr=*/false);
      if (c.offset != std::string::npos) {
        r.error = Msg::mark_bad_char;
        r.error_args = {std::string(name), fmt::format("{:04X}", static_cast<uint32_t>(c.code))};
        return false;
      }
    }
    if (req_.id && *req_.id < 1) {
      r.error = Msg::add_bad_id;
      r.error_args = {std::to_string(*req_.id)};
      return false;
    }
    return check_owners(r, "lead", req_.lead) && check_owners(r, "support", req_.support);
  }

  bool check_owners(AddResult& r, std::string_view option,
                    const std::vector<std::string>& codes) const {
    for (const std::string& code : codes) {
      if (plan_.find_owner(code) != nullptr)
        continue;
      r.error = Msg::add_unknown_owner;
      r.error_args = {code, std::string(option)};
      std::vector<std::string> known;
      for (const Owner& o : plan_.owners) known.push_back(o.code.value);
      const std::string near = nearest(code, known);
      if (!near.empty()) {
        r.hint = Msg::hint_did_you_mean_owner;
        r.hint_args = {near, plan_.find_owner(near)->name.value};
      } else {
        r.hint = Msg::hint_valid_values;
        r.hint_args = {join(known, ", ")};
      }
      return false;
    }
    return true;
  }

  bool parse(AddResult& r, std::string_view option, const std::string& text,
             ParsedDate* out) const {
    if (parse_date(text, out) == DateError::none)
      return true;
    r.error = Msg::add_bad_date;
    r.error_args = {std::string(option), text};
    return false;
  }

  // Dates as the format takes them, in order, within the plan's period.
  bool check_dates(AddResult& r) const {
    ParsedDate start;
    ParsedDate end;
    if (!parse(r, "start", req_.start, &start) || !parse(r, "end", req_.end, &end))
      return false;
    if (end.last() < start.first()) {
      r.error = Msg::add_date_order;
      r.error_args = {req_.start, req_.end};
      return false;
    }
    const Date first = plan_.period_start.date.first();
    const Date last = plan_.period_end.date.last();
    for (const auto& [name, date, text] : {std::tuple<std::string_view, Date, const std::string&>{
                                               "start", start.first(), req_.start},
                                           {"end", end.last(), req_.end}}) {
      if (date < first || date > last) {
        r.error = Msg::add_date_outside;
        r.error_args = {std::string(name), text, fmt::format("{}", first), fmt::format("{}", last)};
        return false;
      }
    }
    return true;
  }

  static long long next_activity_id(const Line& line) {
    long long top = 0;
    for (const Activity& a : line.activities) top = std::max(top, a.id.value);
    return top + 1;
  }

  long long next_line_id() const {
    long long top = 0;
    for (const Line& l : plan_.lines) top = std::max(top, l.id.value);
    return top + 1;
  }

  bool check_activity_id(const Line& line, AddResult& r) const {
    if (plan_.find_activity(line.id.value, r.activity) == nullptr)
      return true;
    r.error = Msg::add_duplicate_activity;
    r.error_args = {std::to_string(line.id.value), std::to_string(r.activity)};
    r.hint = Msg::hint_add_next_id;
    r.hint_args = {std::to_string(next_activity_id(line))};
    return false;
  }

  bool check_line_id(AddResult& r) const {
    if (plan_.find_line(r.line) == nullptr)
      return true;
    r.error = Msg::add_duplicate_line;
    r.error_args = {std::to_string(r.line)};
    r.hint = Msg::hint_add_next_id;
    r.hint_args = {std::to_string(next_line_id())};
    return false;
  }

  // A line's lead: the one asked for, or the last line's.
  bool take_lead(AddResult& r) {
    r.lead = req_.lead;
    if (!r.lead.empty())
      return true;
    if (plan_.lines.empty()) {
      r.error = Msg::add_no_lead;
      r.hint = Msg::hint_add_give_lead;
      r.hint_args = {plan_.owners.empty() ? "SG" : plan_.owners.front().code.value};
      return false;
    }
    const Line& last = plan_.lines.back();
    for (const Text& c : last.lead.codes) r.lead.push_back(c.value);
    r.lead_from_line = last.id.value;
    return true;
  }

  // --- the new entry's text -----------------------------------------------

  // Texts read back without their final line breaks (load.h).
  static std::string trimmed(const std::string& s) {
    return std::string(without_final_line_breaks(s));
  }

  std::vector<Field> activity_fields(const AddResult& r, const Style& s) const {
    std::vector<Field> f;
    f.emplace_back("id", std::to_string(r.activity));
    f.emplace_back("title", trimmed(req_.title), Field::text);
    f.emplace_back("start", req_.start);
    f.emplace_back("end", req_.end);
    if (!req_.product.empty())
      f.emplace_back("product", trimmed(req_.product), Field::text);
    if (!req_.lead.empty())
      f.emplace_back("lead", req_.lead);
    if (!req_.support.empty())
      f.emplace_back("support", req_.support);
    if (s.progress)
      f.emplace_back("progress", "0");
    return f;
  }

  std::vector<Field> line_fields(const AddResult& r) const {
    std::vector<Field> f;
    f.emplace_back("id", std::to_string(r.line));
    f.emplace_back("title", trimmed(req_.title), Field::text);
    if (!req_.objective.empty())
      f.emplace_back("objective", trimmed(req_.objective), Field::text);
    f.emplace_back("lead", r.lead);
    if (!req_.support.empty())
      f.emplace_back("support", req_.support);
    if (!req_.product.empty())
      f.emplace_back("product", trimmed(req_.product), Field::text);
    f.emplace_back("activities", "[]");
    return f;
  }

  // The style of the entry before, read off the text: how its title is
  // quoted.
  Style style_of(const Text* title) const {
    Style s;
    if (title != nullptr && title->pos.known()) {
      const char c = plan_.source[off(title->pos)];
      s.quote = c == '"' || c == '\'' ? c : 0;
    }
    return s;
  }

  // How an owner list of the entry at `entry` is written: [A, B], or a
  // block list with its '-' so many columns past the entry's keys.
  void codes_style(const OwnerList& list, const Pos& entry, Style* s) const {
    if (!list.present || !list.pos.known() || !entry.known())
      return;
    const size_t at = off(list.pos);
    s->flow_codes = plan_.source[at] == '[';
    if (s->flow_codes)
      return;
    const int dash = plan_.source[at] == '-' ? src_.column(at) : src_.column(at) - 2;
    s->codes_dash = std::max(0, dash - src_.column(off(entry)));
  }

  // The entry whose style a new activity follows: the line's last, else
  // the plan's last.
  const Activity* neighbour_activity(const Line& line) const {
    if (!line.activities.empty())
      return &line.activities.back();
    for (auto l = plan_.lines.rbegin(); l != plan_.lines.rend(); ++l) {
      if (!l->activities.empty())
        return &l->activities.back();
    }
    return nullptr;
  }

  // Whether a blank line comes before the entry whose first key is at `first`.
  bool blank_before(size_t first) const {
    const size_t dash = src_.entry_dash(first);
    const size_t ls = src_.line_start(dash != std::string::npos ? dash : first);
    return ls > 0 && src_.is_blank(src_.line_start(ls - 1));
  }

  // The layout of a first entry in a new block list under keys at column
  // `indent`: as another line's activities are, or two and four columns in.
  EntryLayout fresh_activity_layout(int indent) const {
    for (auto l = plan_.lines.rbegin(); l != plan_.lines.rend(); ++l) {
      if (l->activities.empty() || l->activities_style == CollectionStyle::flow ||
          l->style == CollectionStyle::flow)
        continue;
      const EntryLayout e = layout_of(off(l->activities.back().pos));
      const int base = src_.column(off(l->pos));
      return {indent + e.dash - base, indent + e.keys - base, e.dash_alone};
    }
    return {indent + 2, indent + 4, false};
  }

  ListPlace activity_place(const Line& line) const {
    const int indent = line.style == CollectionStyle::flow ? 0 : src_.column(off(line.pos));
    ListPlace p{line.activities_key,
                line.activities_pos,
                line.activities_style,
                indent,
                nullptr,
                CollectionStyle::block,
                -1,
                fresh_activity_layout(indent)};
    if (!line.activities.empty()) {
      p.last = &line.activities.back().pos;
      p.last_style = line.activities.back().style;
      p.last_end = line.activities.back().end_offset;
    }
    return p;
  }

  ListPlace line_place() const {
    const int indent = src_.column(off(plan_.lines_key));
    ListPlace p{plan_.lines_key,
                plan_.lines_pos,
                plan_.lines_style,
                indent,
                nullptr,
                CollectionStyle::block,
                -1,
                {indent + 2, indent + 4, false}};
    if (!plan_.lines.empty()) {
      p.last = &plan_.lines.back().pos;
      p.last_style = plan_.lines.back().style;
      p.last_end = plan_.lines.back().end_offset;
    }
    return p;
  }

  // The entry goes after the list's last: in a flow list as an item; in a
  // block one laid out as the last entry, after its last line; an empty
  // `[]` on a block mapping's key line becomes a block list.
  void add_entry(const ListPlace& p, const std::vector<Field>& fields, const Style& s) {
    const std::string& eol = src_.eol();
    if (p.style == CollectionStyle::flow) {
      const size_t open = off(p.list);
      const bool own_line = src_.line_start(open) == src_.line_start(off(p.key));
      if (p.last != nullptr || !own_line || !src_.starts_line(off(p.key)) ||
          !src_.flow_tail(open).empty) {
        append_to_flow(open, {flow_text(fields, s)});
        return;
      }
      // "key: []" (a comment after it stays): the brackets go.
      const size_t from = src_.trim_back(open);
      edits_.push_back({from, src_.flow_close(open) + 1 - from, ""});
      insert_lines(src_.next_line(open), block_text(fields, s, p.fresh, eol));
      return;
    }
    const size_t first = off(*p.last);
    const EntryLayout l = layout_of(first);
    std::string text = blank_before(first) ? eol : "";
    text += p.last_style == CollectionStyle::flow ? entry_head(l, eol) + flow_text(fields, s) + eol
                                                  : block_text(fields, s, l, eol);
    const int a = p.parent_indent;
    const size_t end = std::max(
        src_.block_end(
            off(p.key), l.dash,
            [&](int ind, size_t at) { return ind > a || (ind == a && src_.starts_entry(at)); }),
        after_value(p.last_end));
    insert_lines(end, text);
  }

  // --- the result ---------------------------------------------------------------

  bool finish(AddResult& r) {
    std::optional<std::string> text = detail::apply(plan_.source, edits_);
    if (!text) {
      r.error = Msg::mark_internal;
      return false;
    }
    r.text = std::move(*text);
    loaded_ = load_result(r, req_.as_of, Msg::add_invalid_result);
    return loaded_.has_value();
  }

  // The new text must read back as the old one with the entry added.
  void check_activity(AddResult& r, const Line& line) const {
    const Line* after = loaded_->find_line(line.id.value);
    const Activity* a = loaded_->find_activity(line.id.value, r.activity);
    r.ok = after != nullptr && a != nullptr &&
           after->activities.size() == line.activities.size() + 1 &&
           a->title.value == trimmed(req_.title) && a->start.ok && a->end.ok;
    if (!r.ok)
      r.error = Msg::mark_internal;
  }

  void check_line(AddResult& r) const {
    const Line* after = loaded_->find_line(r.line);
    r.ok = after != nullptr && loaded_->lines.size() == plan_.lines.size() + 1 &&
           after->title.value == trimmed(req_.title) && after->activities.empty();
    if (!r.ok)
      r.error = Msg::mark_internal;
  }

  const AddRequest& req_;
  std::optional<Plan> loaded_;
};

}  // namespace

AddResult add_activity(const Plan& plan, const Line& line, const AddRequest& request) {
  return Adder(plan, request).run_activity(line);
}

AddResult add_line(const Plan& plan, const AddRequest& request) {
  return Adder(plan, request).run_line();
}

std::string added_address(const AddResult& result) {
  if (result.activity == 0)
    return std::to_string(result.line);
  return fmt::format("{}.{}", result.line, result.activity);
}

}  // namespace plan
