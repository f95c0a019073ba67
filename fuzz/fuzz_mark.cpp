// fuzz_mark.cpp: `plan mark` on arbitrary plans with arbitrary requests.
//
// The input is a plan file, optionally followed by a request after its last
// "\n#~" (a YAML comment, so the plan still reads the same):
//
//   PLAN TEXT \n #~ A M P D S B Dh Dl O NOTE [\0 EVIDENCE]
//
//   A   which activity (index over all activities, modulo their number)
//   M   bit 0: absolute progress P; bit 1: delta D; bit 2: as-of = the date
//   P   progress, as a signed byte (-128..127: out of range is refused)
//   D   delta, as a signed byte
//   S   status change: keep, blocked, cancelled, clear (modulo 4)
//   B   by: 0 none, 255 an unknown code, else an owner (modulo their number)
//   Dh Dl  the update's date: a day from the period's start minus one to its
//       end plus one (outside is refused)
//   O   unused, kept so that the layout has room to grow
//   NOTE, EVIDENCE  arbitrary bytes
//
// Without a request, one is made from a hash of the text. When the plan is
// usable, mark_activity must either refuse with a message or return a text
// that reads back as exactly the asked change with every other byte kept;
// anything else traps.
#include <algorithm>
#include <cctype>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "plan/derive.h"
#include "plan/edit.h"
#include "plan/load.h"
#include "plan/text.h"
#include "plan/validate.h"

namespace {

constexpr plan::Date kAsOf{2021, 6, 30};
constexpr std::string_view kRequestMark = "\n#~";

// A violated invariant: crash so that libFuzzer keeps the input. The line
// number in the stack trace says which check failed.
#define FUZZ_CHECK(cond) \
  do {                   \
    if (!(cond))         \
      __builtin_trap();  \
  } while (0)

uint64_t hash_of(std::string_view s) {
  uint64_t h = 14695981039346656037ull;
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
  return h;
}

struct Input {
  std::string text;
  std::string request;  // the bytes after "#~", or a made-up request
};

Input split(const uint8_t* data, size_t size) {
  const std::string_view all(reinterpret_cast<const char*>(data), size);
  const size_t at = all.rfind(kRequestMark);
  if (at != std::string_view::npos) {
    return {std::string(all.substr(0, at + 1)), std::string(all.substr(at + kRequestMark.size()))};
  }
  // No request written: a plausible one from the text's hash, with notes
  // that need quoting.
  static constexpr const char* kNotes[] = {"",
                                           "Avance: 50% # revisado",
                                           "\"citado\" y 'simple'",
                                           "línea uno\nlínea dos",
                                           "- guion, {llave}, [lista]",
                                           "yes"};
  uint64_t h = hash_of(all);
  std::string req;
  for (int i = 0; i < 9; ++i, h >>= 7) req += static_cast<char>(h & 0xFF);
  req += kNotes[h % (sizeof(kNotes) / sizeof(kNotes[0]))];
  return {std::string(all), req};
}

struct Picked {
  const plan::Line* line = nullptr;
  const plan::Activity* activity = nullptr;
};

std::vector<Picked> activities_of(const plan::Plan& p) {
  std::vector<Picked> out;
  for (const plan::Line& l : p.lines) {
    for (const plan::Activity& a : l.activities) out.push_back({&l, &a});
  }
  return out;
}

const plan::Activity* find(const plan::Plan& p, long long line, long long activity, size_t* count) {
  const plan::Activity* found = nullptr;
  *count = 0;
  for (const plan::Line& l : p.lines) {
    if (l.id.value != line)
      continue;
    for (const plan::Activity& a : l.activities) {
      if (a.id.value == activity) {
        found = &a;
        ++*count;
      }
    }
  }
  return found;
}

bool same_update(const plan::Update& a, const plan::Update& b) {
  return a.date.date.year == b.date.date.year && a.date.date.month == b.date.date.month &&
         a.date.date.day == b.date.date.day && a.progress.value == b.progress.value &&
         a.note.value == b.note.value && a.by.value == b.by.value &&
         a.evidence.value == b.evidence.value && a.status == b.status &&
         a.progress.pos.known() == b.progress.pos.known();
}

// What a reader of the plan sees of an activity; the edit changes only
// progress, status and updates.
bool same_activity_but_marked(const plan::Activity& a, const plan::Activity& b) {
  return a.id.value == b.id.value && a.title.value == b.title.value &&
         a.start.date.first() == b.start.date.first() && a.end.date.last() == b.end.date.last() &&
         a.product.value == b.product.value && a.deliverables.size() == b.deliverables.size() &&
         a.lead.codes.size() == b.lead.codes.size() &&
         a.support.codes.size() == b.support.codes.size() && a.weight.value == b.weight.value;
}

bool same_activity(const plan::Activity& a, const plan::Activity& b) {
  if (!same_activity_but_marked(a, b) || a.progress.value != b.progress.value || a.flag != b.flag ||
      a.updates.size() != b.updates.size()) {
    return false;
  }
  for (size_t i = 0; i < a.updates.size(); ++i) {
    if (!same_update(a.updates[i], b.updates[i]))
      return false;
  }
  return true;
}

// An explicit null ("~", "null") written after the colon of the key at
// key, on its line or a later one past blank and comment lines: the edit
// may replace it with a value. Returns the offset just past it, or -1.
long allow_null_value(const std::string& s, int key, std::vector<bool>* out) {
  if (key < 0)
    return -1;
  size_t i = static_cast<size_t>(key);
  while (i < s.size() && s[i] != ':' && s[i] != '\n' && s[i] != ',' && s[i] != '}') ++i;
  if (i == s.size() || s[i] != ':')
    return -1;
  ++i;
  for (;;) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n')) ++i;
    if (i < s.size() && s[i] == '#') {
      while (i < s.size() && s[i] != '\n') ++i;
      continue;
    }
    break;
  }
  for (std::string_view word : {"~", "null", "Null", "NULL"}) {
    if (s.compare(i, word.size(), word) == 0) {
      for (size_t j = i; j < i + word.size(); ++j) (*out)[j] = true;
      return static_cast<long>(i + word.size());
    }
  }
  return -1;
}

// The bytes the edit may replace: the progress value, the status key with
// its value (its whole line, or its ", " in a flow mapping, when it is
// removed), and an explicit null where a value or the first update goes. Everything else of the old
// text must appear, in order, in the new one.
std::vector<bool> replaceable(const std::string& s, const plan::Activity& a,
                              plan::StatusChange status) {
  std::vector<bool> out(s.size(), false);
  if (a.progress_key.known() && a.progress.pos.offset >= 0) {
    for (size_t i = static_cast<size_t>(a.progress.pos.offset);
         i < s.size() &&
         (std::isdigit(static_cast<unsigned char>(s[i])) || s[i] == '+' || s[i] == '-');
         ++i) {
      out[i] = true;
    }
  }
  if (status != plan::StatusChange::keep && a.status_key.known() && a.status_key.offset >= 0) {
    // From the line the key is on to the end of the line its value ends on
    // (a `status:` with no value is the key's line alone).
    size_t from = static_cast<size_t>(a.status_key.offset);
    while (from > 0 && s[from - 1] != '\n') --from;
    std::vector<bool> ignored(s.size(), false);
    const long null_end =
        a.flag_text.pos.known() ? -1 : allow_null_value(s, a.status_key.offset, &ignored);
    size_t to =
        static_cast<size_t>(std::max({static_cast<long>(a.status_key.offset),
                                      static_cast<long>(a.flag_text.pos.offset), null_end - 1}));
    if (a.flag_text.pos.offset >= 0 && to < s.size() && (s[to] == '"' || s[to] == '\'')) {
      const char q = s[to];
      for (++to; to < s.size() && s[to] != q; ++to) {
        if (q == '"' && s[to] == '\\')
          ++to;
      }
    }
    while (to < s.size() && s[to] != '\n') ++to;
    if (to < s.size())
      ++to;
    for (size_t i = from; i < to && i < s.size(); ++i) out[i] = true;
  }
  if (a.progress_key.known() && !a.progress.pos.known()) {
    allow_null_value(s, a.progress_key.offset, &out);
  }
  if (a.status_key.known() && !a.flag_text.pos.known()) {
    allow_null_value(s, a.status_key.offset, &out);
  }
  if (a.updates_key.known() && a.updates.empty())
    allow_null_value(s, a.updates_key.offset, &out);
  return out;
}

bool kept_in_order(const std::string& before, const std::vector<bool>& may_go,
                   const std::string& after) {
  size_t j = 0;
  for (size_t i = 0; i < before.size(); ++i) {
    if (may_go[i])
      continue;
    while (j < after.size() && after[j] != before[i]) ++j;
    if (j == after.size())
      return false;
    ++j;
  }
  return true;
}

void check_mark(const plan::Plan& p, const Picked& at, const plan::MarkRequest& req) {
  const plan::Activity& a = *at.activity;
  const plan::MarkResult r = plan::mark_activity(p, *at.line, a, req);
  // Every request appends one dated entry: a status change is dated in the
  // log like a progress (the status key then follows the log).
  const bool asked_status = req.status != plan::StatusChange::keep;
  const bool asked_progress = req.progress || req.delta;
  const bool asked_update = asked_progress || asked_status || !req.note.empty() ||
                            !req.by.empty() || !req.evidence.empty();
#ifdef FUZZ_MARK_TRACE  // -DFUZZ_MARK_TRACE: say what each input did
  std::fprintf(stderr, "mark %lld.%lld: %s %d\n", at.line->id.value, a.id.value,
               r.ok ? "ok" : "refused", r.error ? static_cast<int>(*r.error) : -1);
  std::fprintf(stderr, "request: progress %d delta %d status %d by '%s' date %04d-%02d-%02d\n",
               req.progress.value_or(-999), req.delta.value_or(-999), static_cast<int>(req.status),
               req.by.c_str(), req.date.year, req.date.month, req.date.day);
  std::fprintf(stderr, "note: '%s'\nevidence: '%s'\n", req.note.c_str(), req.evidence.c_str());
  for (const plan::Diagnostic& d : r.diagnostics) {
    std::fprintf(stderr, "diagnostic %d:%d %s\n", d.pos.line, d.pos.col,
                 d.text(plan::Language::en).c_str());
  }
  std::fprintf(stderr, "---- text\n%s\n----\n", r.text.c_str());
#endif
  if (!r.ok) {
    FUZZ_CHECK(r.error.has_value());
    // The edit's own read-back check failed: an edit that does not do what
    // was asked is a bug in edit.cpp, not a refusal.
    FUZZ_CHECK(*r.error != plan::Msg::mark_internal);
    // A result that does not load or validate is refused; with text values
    // that are valid UTF-8 (what a YAML file can hold) that is a bug too.
    if (*r.error == plan::Msg::mark_invalid_result) {
      FUZZ_CHECK(plan::find_invalid_utf8(req.note) != std::string::npos ||
                 plan::find_invalid_utf8(req.evidence) != std::string::npos);
    }
    // Text no plan may hold is refused before any edit.
    if (plan::find_bad_char(req.note, false).offset != std::string::npos ||
        plan::find_bad_char(req.by, false).offset != std::string::npos ||
        plan::find_bad_char(req.evidence, false).offset != std::string::npos) {
      FUZZ_CHECK(*r.error == plan::Msg::mark_bad_char || *r.error == plan::Msg::mark_nothing ||
                 *r.error == plan::Msg::mark_progress_range ||
                 *r.error == plan::Msg::mark_date_outside);
    }
    return;
  }
  FUZZ_CHECK(!r.error.has_value());
  FUZZ_CHECK(plan::find_bad_char(req.note, false).offset == std::string::npos &&
             plan::find_bad_char(req.by, false).offset == std::string::npos &&
             plan::find_bad_char(req.evidence, false).offset == std::string::npos);
  FUZZ_CHECK(r.old_progress == a.progress.value);
  FUZZ_CHECK(r.appended_update == asked_update);

  const plan::LoadResult after = plan::load_plan_text(p.file, r.text);
  FUZZ_CHECK(after.complete);
  FUZZ_CHECK(!plan::has_errors(after.diagnostics));
  FUZZ_CHECK(!plan::has_errors(plan::validate_plan(after.plan, req.as_of)));

  size_t count = 0;
  const plan::Activity* b = find(after.plan, at.line->id.value, a.id.value, &count);
  FUZZ_CHECK(b != nullptr && count == 1);
  FUZZ_CHECK(b->progress.value == r.new_progress);
  FUZZ_CHECK(same_activity_but_marked(a, *b));

  std::optional<plan::ActivityFlag> asked_flag;
  if (req.status == plan::StatusChange::blocked)
    asked_flag = plan::ActivityFlag::blocked;
  if (req.status == plan::StatusChange::cancelled)
    asked_flag = plan::ActivityFlag::cancelled;
  if (req.status == plan::StatusChange::clear)
    asked_flag = plan::ActivityFlag::none;

  // The old log, with the new update inserted at one place, in date order.
  FUZZ_CHECK(b->updates.size() == a.updates.size() + (asked_update ? 1 : 0));
  if (asked_update) {
    const int at_date = plan::progress_at(a, req.date);
    const int value = req.delta ? at_date + *req.delta : req.progress.value_or(at_date);
    size_t k = 0;
    while (k < a.updates.size() && same_update(a.updates[k], b->updates[k])) ++k;
    for (size_t i = k; i < a.updates.size(); ++i) {
      FUZZ_CHECK(same_update(a.updates[i], b->updates[i + 1]));
    }
    const plan::Update& u = b->updates[k];
    FUZZ_CHECK(u.date.date.first() == req.date &&
               u.date.date.precision == plan::DatePrecision::day);
    // A status-only entry has no progress; a progress, or a note without
    // a status, records one.
    const bool has_progress = asked_progress || !asked_status;
    FUZZ_CHECK(u.progress.pos.known() == has_progress);
    if (has_progress)
      FUZZ_CHECK(u.progress.value == value);
    FUZZ_CHECK(u.status == asked_flag);
    FUZZ_CHECK(u.note.value == plan::without_final_line_breaks(req.note));
    FUZZ_CHECK(u.by.value == plan::without_final_line_breaks(req.by));
    FUZZ_CHECK(u.evidence.value == plan::without_final_line_breaks(req.evidence));
    // The latest entry with a progress is in charge of the progress.
    if (has_progress) {
      for (size_t i = b->updates.size(); i-- > 0;) {
        if (b->updates[i].progress.pos.known()) {
          FUZZ_CHECK(b->updates[i].progress.value == r.new_progress);
          break;
        }
      }
    }
    // The status key says the last dated status once the entry is in: the
    // asked one, unless a later-dated status entry was already there.
    bool later_status = false;
    for (size_t i = k + 1; i < b->updates.size(); ++i) {
      if (b->updates[i].status.has_value())
        later_status = true;
    }
    FUZZ_CHECK(b->flag == (asked_flag && !later_status ? *asked_flag : a.flag));
  } else {
    for (size_t i = 0; i < a.updates.size(); ++i) {
      FUZZ_CHECK(same_update(a.updates[i], b->updates[i]));
    }
    FUZZ_CHECK(b->flag == a.flag);
  }

  // Nothing else in the plan changed.
  FUZZ_CHECK(after.plan.id.value == p.id.value && after.plan.lines.size() == p.lines.size() &&
             after.plan.owners.size() == p.owners.size());
  for (size_t i = 0; i < p.lines.size(); ++i) {
    const plan::Line& l = p.lines[i];
    FUZZ_CHECK(after.plan.lines[i].id.value == l.id.value &&
               after.plan.lines[i].activities.size() == l.activities.size());
    for (size_t j = 0; j < l.activities.size(); ++j) {
      if (&l.activities[j] == &a)
        continue;
      FUZZ_CHECK(same_activity(l.activities[j], after.plan.lines[i].activities[j]));
    }
  }

  // Every byte outside the edit is still there, in order.
  FUZZ_CHECK(kept_in_order(p.source, replaceable(p.source, a, req.status), r.text));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const Input in = split(data, size);
  const plan::LoadResult loaded = plan::load_plan_text("fuzz.yaml", in.text);
  if (!loaded.complete || plan::has_errors(loaded.diagnostics))
    return 0;
  const plan::Plan& p = loaded.plan;
  if (plan::has_errors(plan::validate_plan(p, kAsOf)))
    return 0;
  const std::vector<Picked> all = activities_of(p);
  if (all.empty())
    return 0;

  std::string req_bytes = in.request;
  req_bytes.resize(std::max<size_t>(req_bytes.size(), 9), '\0');
  const auto byte = [&](size_t i) { return static_cast<unsigned char>(req_bytes[i]); };

  const Picked& at = all[byte(0) % all.size()];
  plan::MarkRequest req;
  if (byte(1) & 1u)
    req.progress = static_cast<int8_t>(byte(2));
  if (byte(1) & 2u)
    req.delta = static_cast<int8_t>(byte(3));
  req.status = static_cast<plan::StatusChange>(byte(4) % 4);
  if (byte(5) == 255) {
    req.by = "NADIE";
  } else if (byte(5) != 0 && !p.owners.empty()) {
    req.by = p.owners[(byte(5) - 1u) % p.owners.size()].code.value;
  }
  const plan::Date first = p.period_start.date.first();
  const plan::Date last = p.period_end.date.last();
  const int span = last.days() - first.days() + 3;  // a day either side
  const unsigned pick = (byte(6) << 8) | byte(7);
  req.date = plan::Date::from_days(first.days() - 1 +
                                   static_cast<int>(pick % static_cast<unsigned>(span)));
  req.as_of = (byte(1) & 4u) ? req.date : kAsOf;
  const std::string_view rest = std::string_view(req_bytes).substr(9);
  const size_t nul = rest.find('\0');
  req.note = std::string(rest.substr(0, nul));
  if (nul != std::string_view::npos)
    req.evidence = std::string(rest.substr(nul + 1));

  check_mark(p, at, req);
  return 0;
}
