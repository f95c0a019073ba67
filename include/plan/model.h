// model.h: the one data model of a plan file, as loaded.
//
// Owns the structs that every stage shares: load fills them, validate and
// derive read them, render and edit read them. Each value keeps the place
// where the file wrote it (Pos), so a diagnostic or an edit can point at the
// exact bytes. The model holds what the file says, nothing computed: derived
// state (expected progress, status at a date, semáforo) lives in derive.h.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "plan/date.h"

namespace plan {

// Where a key or value stands in its file. line and col count from 1; col
// counts characters (an accented letter is one); offset counts bytes from
// the start of the file, a BOM included. A default Pos is "nowhere".
struct Pos {
  int line = 0;
  int col = 0;
  int offset = -1;
  bool known() const { return line > 0; }
};

// A text value with the place it was written and how many characters it
// spans on its first line (for the caret under it).
struct Text {
  std::string value;
  Pos pos;
  int width = 0;
};

struct DateValue {
  ParsedDate date;
  Pos pos;
  bool ok = false;  // false when absent or unparseable (already diagnosed)
};

struct IntValue {
  long long value = 0;
  Pos pos;
};

struct NumberValue {
  double value = 0;
  Pos pos;
};

enum class CollectionStyle { block, flow };

// A list of owner codes (lead, support). present is false when the key was
// not written, which for an activity means "inherit the line's".
struct OwnerList {
  std::vector<Text> codes;
  Pos pos;  // of the list itself
  bool present = false;
};

struct Owner {
  Text code;  // the mapping key
  Text name;
  Text parent;  // empty when absent
  bool external = false;
  Pos pos;  // of the owner's mapping
};

struct Deliverable {
  Text name;
  Text owner;
  IntValue count{1, {}};
  Pos pos;
};

enum class ActivityFlag { none, blocked, cancelled };

// The word a plan file writes for a flag: `active`, `blocked`, `cancelled`
// (an update's `status: active` sets the flag back to none).
std::string_view flag_word(ActivityFlag flag);

struct Update {
  DateValue date;
  IntValue progress;  // pos unknown when the entry only changes the status
  // The status this entry sets from its date on: blocked, cancelled, or
  // none (written `active`: back to what progress and dates say). Absent
  // when the entry does not change the status. The file spells it
  // flag_word(*status): the loader accepts no other spelling.
  std::optional<ActivityFlag> status;
  // The goal's indicator value reached, when the entry gives one (pos
  // known); the loader then sets progress from it (see goal.h).
  NumberValue value;
  Text note;
  Text by;
  Text evidence;
  Pos pos;  // of the update's mapping
  CollectionStyle style = CollectionStyle::block;
  int end_offset = -1;  // just after its last value (a quoted one's quote)

  // Whether the entry records a progress: one that only changes the
  // status does not.
  bool records_progress() const { return !status || progress.pos.known(); }
};

// A T kept on the heap and copied with its owner: for parts of the model
// that few entries have, so that the many without one pay a pointer, not
// the whole struct (an activity's goal: 8 bytes instead of 200, which at
// 10,000 activities is the bench's memory budget). Reading one that was
// never set gives a default T; mut() makes it.
template <typename T>
class Indirect {
 public:
  Indirect() = default;
  Indirect(const Indirect& other) : p_(other.p_ ? std::make_unique<T>(*other.p_) : nullptr) {}
  Indirect(Indirect&&) noexcept = default;
  Indirect& operator=(const Indirect& other) {
    if (this != &other)
      p_ = other.p_ ? std::make_unique<T>(*other.p_) : nullptr;
    return *this;
  }
  Indirect& operator=(Indirect&&) noexcept = default;
  ~Indirect() = default;

  const T& operator*() const { return p_ ? *p_ : empty(); }
  const T* operator->() const { return &**this; }
  T& mut() {
    if (!p_)
      p_ = std::make_unique<T>();
    return *p_;
  }

 private:
  static const T& empty() {
    static const T kEmpty{};
    return kEmpty;
  }
  std::unique_ptr<T> p_;
};

// What an activity's goal measures (the DAFP's kinds of indicator).
enum class GoalKind { eficacia, eficiencia, efectividad };

// An activity's goal: an indicator with a unit and a target value.
struct Goal {
  bool present = false;
  Text indicator;
  Text unit;
  NumberValue target;
  GoalKind kind = GoalKind::eficacia;
  Text kind_text;  // as written; empty when absent (eficacia)
  Pos pos;         // of the `goal` mapping
};

// A milestone of the programme: by this date, this progress (or value of
// the goal's indicator) should be reached.
struct Milestone {
  DateValue by;
  IntValue progress;  // pos unknown when it gives a value
  NumberValue value;  // pos unknown when it gives a progress
  Pos pos;
};

// A reviewer's check of one cut-off (typically the Oficina de Control
// Interno's): the progress it could verify with evidence.
struct Review {
  Text period;  // T1..T4, C1..C3
  DateValue date;
  Text by;
  IntValue verified;  // percent; set from value when the review gives one
  NumberValue value;  // the indicator's verified value (pos known if given)
  Text note;
  Pos pos;
  CollectionStyle style = CollectionStyle::block;
  int end_offset = -1;  // just after its last value (a quoted one's quote)
};

struct Activity {
  IntValue id;
  Text title;
  DateValue start;
  DateValue end;
  Text product;
  std::vector<Deliverable> deliverables;
  OwnerList lead;
  OwnerList support;
  NumberValue weight{1, {}};
  IntValue progress;  // pos unknown when the key is absent (0)
  // The `status` key: the current status, dated by the last update that
  // sets one (validate checks they agree); undated when no update does.
  ActivityFlag flag = ActivityFlag::none;
  Text flag_text;  // the `status` value as written
  std::vector<Update> updates;
  Indirect<Goal> goal;               // goal->present: false when the activity has none
  std::vector<Milestone> programme;  // empty: the straight line from start to end
  std::vector<Review> reviews;
  Pos reviews_key;  // where `reviews:` was written (unknown if absent)
  Pos reviews_pos;  // of the `reviews` list
  CollectionStyle reviews_style = CollectionStyle::block;
  // Where the keys that `plan mark` edits were written (unknown if absent).
  Pos progress_key;
  Pos status_key;
  Pos updates_key;
  Pos updates_pos;  // of the `updates` list, when it is one
  CollectionStyle updates_style = CollectionStyle::block;
  Pos pos;  // of the activity's mapping
  CollectionStyle style = CollectionStyle::block;
  int end_offset = -1;  // just after its last value (a quoted one's quote)
};

struct Line {
  IntValue id;
  Text title;
  Text objective;
  OwnerList lead;
  OwnerList support;
  Text product;
  std::vector<Activity> activities;
  Pos pos;
  CollectionStyle style = CollectionStyle::block;
  int end_offset = -1;  // just after its last value (a quoted one's quote)
  // Where `activities:` and its list were written (`plan add`).
  Pos activities_key;
  Pos activities_pos;
  CollectionStyle activities_style = CollectionStyle::block;
};

enum class Language { es, en };

struct Plan {
  std::string file;    // as the user named it
  std::string source;  // the file's bytes, for excerpts and edits
  IntValue version;
  Text id;
  Text title;
  Text entity;
  DateValue period_start;
  DateValue period_end;
  Pos period_pos;
  std::optional<Language> language;
  Text objective;
  IntValue green{80, {}};
  IntValue yellow{60, {}};
  std::vector<Owner> owners;
  // owners by code (index into owners); the loader fills it. Look-ups fall
  // back to a scan when it is out of step (a plan built by hand).
  std::unordered_map<std::string, size_t> owner_index;
  std::vector<Line> lines;
  // Where `lines:` and its list were written (`plan add line`).
  Pos lines_key;
  Pos lines_pos;
  CollectionStyle lines_style = CollectionStyle::block;

  const Owner* find_owner(std::string_view code) const;
  const Line* find_line(long long id) const;
  const Activity* find_activity(long long line, long long activity) const;
};

// An activity's effective owners: its own lists where written, else its
// line's.
const OwnerList& lead_of(const Line& line, const Activity& activity);
const OwnerList& support_of(const Line& line, const Activity& activity);

}  // namespace plan
