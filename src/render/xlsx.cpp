// render/xlsx.cpp: the workbook, through libxlsxwriter.
#include "plan/render/xlsx.h"

#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <optional>
#include <sstream>

#include "plan/address.h"
#include "plan/render/export.h"
#include "plan/render/table.h"
#include "plan/term.h"

namespace plan {
namespace {

// ---------------------------------------------------------------------------
// Text: what XML 1.0 and Excel accept in a cell.

constexpr size_t kMaxCellUnits = 32767;  // Excel's limit, in UTF-16 code units
constexpr size_t kMaxSheetName = 31;

// Bytes of the UTF-8 sequence a lead byte starts (1 for a stray byte).
size_t utf8_length(unsigned char lead) {
  if (lead >= 0xF0)
    return 4;
  if (lead >= 0xE0)
    return 3;
  if (lead >= 0xC0)
    return 2;
  return 1;
}

// UTF-16 code units of a character: two for one beyond the BMP.
size_t utf16_units(size_t utf8_bytes) { return utf8_bytes == 4 ? 2 : 1; }

// The characters XML 1.0 forbids, and stray bytes that start no character.
bool xml_forbidden(std::string_view ch) {
  const auto c = static_cast<unsigned char>(ch.front());
  if (ch.size() == 1)
    return (c < 0x20 && c != '\t' && c != '\n') || (c >= 0x80 && c < 0xC0);
  return ch == "\xEF\xBF\xBE" || ch == "\xEF\xBF\xBF";  // U+FFFE, U+FFFF
}

// The text without forbidden characters, CRLF and CR as LF.
std::string xml_clean(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size();) {
    const size_t n = std::min(utf8_length(static_cast<unsigned char>(text[i])), text.size() - i);
    const std::string_view ch = text.substr(i, n);
    i += n;
    if (ch == "\r") {
      if (i < text.size() && text[i] == '\n')
        continue;
      out += '\n';
    } else if (!xml_forbidden(ch)) {
      out += ch;
    }
  }
  return out;
}

size_t units_of(std::string_view text) {
  size_t units = 0;
  for (size_t i = 0; i < text.size();) {
    const size_t n = utf8_length(static_cast<unsigned char>(text[i]));
    units += utf16_units(n);
    i += n;
  }
  return units;
}

// The first characters of text that fit in `units` UTF-16 code units.
std::string_view cut_units(std::string_view text, size_t units) {
  size_t used = 0;
  size_t i = 0;
  while (i < text.size()) {
    const size_t n = utf8_length(static_cast<unsigned char>(text[i]));
    if (used + utf16_units(n) > units)
      break;
    used += utf16_units(n);
    i += n;
  }
  return text.substr(0, std::min(i, text.size()));
}

bool is_hex(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

// ECMA-376's escape of a literal "_xHHHH_": its underscore as "_x005F_".
std::string escape_underscores(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text.compare(i, 2, "_x") == 0 && i + 6 < text.size() && text[i + 6] == '_' &&
        std::all_of(text.begin() + i + 2, text.begin() + i + 6, is_hex)) {
      out += "_x005F";
    }
    out += text[i];
  }
  return out;
}

}  // namespace

std::string xlsx_text(std::string_view text) {
  const std::string clean = xml_clean(text);
  size_t limit = kMaxCellUnits;
  for (;;) {
    const std::string shown =
        units_of(clean) <= limit ? clean : std::string(cut_units(clean, limit - 1)) + "…";
    std::string out = escape_underscores(shown);
    const size_t units = units_of(out);
    if (units <= kMaxCellUnits)
      return out;
    limit -= units - kMaxCellUnits;  // escapes took the room: cut more
  }
}

// ---------------------------------------------------------------------------
// Sheet names.

namespace {

std::string lower_ascii(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

std::string trim_apostrophes(std::string name) {
  const size_t first = name.find_first_not_of('\'');
  if (first == std::string::npos)
    return "";
  const size_t last = name.find_last_not_of('\'');
  return name.substr(first, last - first + 1);
}

// The first `chars` characters (UTF-16 units, as Excel counts them).
std::string sheet_cut(std::string_view name, size_t chars) {
  return trim_apostrophes(std::string(cut_units(name, chars)));
}

std::string sheet_base(std::string_view id) {
  std::string name;
  for (const char c : xml_clean(id)) {
    if (std::string_view("[]:*?/\\").find(c) != std::string_view::npos) {
      name += '_';
    } else if (c != '\t' && c != '\n') {
      name += c;
    }
  }
  name = trim_apostrophes(name);
  return name.empty() ? "plan" : name;
}

}  // namespace

std::vector<std::string> xlsx_sheet_names(const std::vector<std::string>& ids,
                                          std::string_view reserved) {
  std::vector<std::string> taken = {lower_ascii(std::string(reserved)), "history"};
  std::vector<std::string> names;
  for (const std::string& id : ids) {
    const std::string base = sheet_base(id);
    std::string name = sheet_cut(base, kMaxSheetName);
    for (int n = 2; std::find(taken.begin(), taken.end(), lower_ascii(name)) != taken.end(); ++n) {
      const std::string suffix = " (" + std::to_string(n) + ")";
      name = sheet_cut(base, kMaxSheetName - suffix.size()) + suffix;
    }
    taken.push_back(lower_ascii(name));
    names.push_back(name);
  }
  return names;
}

std::string_view xlsx_updates_sheet(Language lang) {
  return text_of(lang, Msg::xlsx_updates_sheet);
}

// ---------------------------------------------------------------------------
// Cells.

namespace {

// A column is as wide as its widest cell up to kMaxColumnWidth, where
// longer text wraps; a header longer than kHeaderWidth wraps at its spaces.
constexpr int kMaxColumnWidth = 32;
constexpr int kHeaderWidth = 12;

// Every cell is aligned to the top, so that a row made taller by a wrapped
// text still reads across.
struct Formats {
  lxw_format* header = nullptr;
  lxw_format* text = nullptr;  // wraps
  lxw_format* number = nullptr;
  lxw_format* date = nullptr;
  lxw_format* percent = nullptr;
  lxw_format* signal[3] = {};  // green, yellow, red
};

// Excel's own "Good", "Neutral" and "Bad" cell styles: a light fill with a
// dark text of the same hue, readable in print and by the colour-blind
// since the word is in the cell too.
lxw_format* top_format(lxw_workbook* wb) {
  lxw_format* f = workbook_add_format(wb);
  format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
  return f;
}

lxw_format* signal_format(lxw_workbook* wb, lxw_color_t fill, lxw_color_t text) {
  lxw_format* f = top_format(wb);
  format_set_bg_color(f, fill);
  format_set_pattern(f, LXW_PATTERN_SOLID);
  format_set_font_color(f, text);
  return f;
}

Formats make_formats(lxw_workbook* wb) {
  Formats f;
  f.header = top_format(wb);
  format_set_bold(f.header);
  format_set_text_wrap(f.header);
  format_set_bg_color(f.header, 0xD9D9D9);
  format_set_pattern(f.header, LXW_PATTERN_SOLID);
  format_set_bottom(f.header, LXW_BORDER_THIN);
  f.text = top_format(wb);
  format_set_text_wrap(f.text);
  f.number = top_format(wb);
  f.date = top_format(wb);
  format_set_num_format(f.date, "yyyy-mm-dd");
  f.percent = top_format(wb);
  format_set_num_format(f.percent, "0%");
  f.signal[0] = signal_format(wb, 0xC6EFCE, 0x006100);
  f.signal[1] = signal_format(wb, 0xFFEB9C, 0x9C5700);
  f.signal[2] = signal_format(wb, 0xFFC7CE, 0x9C0006);
  return f;
}

// Columns each line of a cell's text takes on screen.
std::vector<int> line_widths(std::string_view text) {
  std::vector<int> widths;
  size_t at = 0;
  while (at <= text.size()) {
    const size_t end = std::min(text.find('\n', at), text.size());
    widths.push_back(display_width(text.substr(at, end - at)));
    at = end + 1;
  }
  return widths;
}

int text_width(std::string_view text) {
  const std::vector<int> widths = line_widths(text);
  return *std::max_element(widths.begin(), widths.end());
}

// The width a header asks for: its longest word, and the whole of it up to
// kHeaderWidth.
int header_width(std::string_view header) {
  int longest = 0;
  for (size_t at = 0; at <= header.size();) {
    const size_t end = std::min(header.find(' ', at), header.size());
    longest = std::max(longest, display_width(header.substr(at, end - at)));
    at = end + 1;
  }
  return std::max(longest, std::min(display_width(header), kHeaderWidth));
}

// One sheet, row by row: a header, then a row per call to next_row().
class Sheet {
 public:
  Sheet(lxw_worksheet* ws, const Formats& formats) : ws_(ws), f_(formats) {}

  void header(const std::vector<std::string>& names) {
    widths_.assign(names.size(), 0);
    for (size_t c = 0; c < names.size(); ++c) {
      check(worksheet_write_string(ws_, row_, c, xlsx_text(names[c]).c_str(), f_.header));
      measure(c, header_width(names[c]));
      texts_.push_back({row_, c, {display_width(names[c])}});
    }
    next_row();
  }
  // Plan text (or plan's own words): always a string, never a formula.
  void text(size_t col, std::string_view value) { write_text(col, value, f_.text); }
  void date(size_t col, const Date& d) {
    lxw_datetime dt = {d.year, d.month, d.day, 0, 0, 0.0};
    check(worksheet_write_datetime(ws_, row_, col, &dt, f_.date));
    measure(col, 10);
  }
  void percent(size_t col, int whole) {
    check(worksheet_write_number(ws_, row_, col, whole / 100.0, f_.percent));
    measure(col, static_cast<int>(std::to_string(whole).size()) + 1);
  }
  void number(size_t col, double value) {
    check(worksheet_write_number(ws_, row_, col, value, f_.number));
    measure(col, static_cast<int>(fmt::format("{}", value).size()));
  }
  void signal(size_t col, Signal s, Language lang) {
    if (s != Signal::none)
      write_text(col, text_of(lang, signal_word(s)), f_.signal[static_cast<int>(s) - 1]);
  }
  void next_row() { ++row_; }
  // The widths, the frozen header row, the autofilter and the page set-up.
  lxw_error finish();

 private:
  void write_text(size_t col, std::string_view value, lxw_format* format) {
    if (value.empty())
      return;
    check(worksheet_write_string(ws_, row_, col, xlsx_text(value).c_str(), format));
    measure(col, text_width(value));
    if (format == f_.text)
      texts_.push_back({row_, col, line_widths(value)});
  }
  // How many lines the row's wrapped texts take in their columns.
  int row_lines(lxw_row_t row, size_t* next) const;
  void set_heights();
  void measure(size_t col, int width) { widths_[col] = std::max(widths_[col], width); }
  void check(lxw_error e) {
    if (error_ == LXW_NO_ERROR)
      error_ = e;
  }

  lxw_worksheet* ws_;
  const Formats& f_;
  lxw_row_t row_ = 0;
  std::vector<int> widths_;
  // Each wrapped text's row, column and widths of its lines, in order.
  struct Wrapped {
    lxw_row_t row;
    size_t col;
    std::vector<int> lines;
  };
  std::vector<Wrapped> texts_;
  lxw_error error_ = LXW_NO_ERROR;
};

int Sheet::row_lines(lxw_row_t row, size_t* next) const {
  int most = 1;
  for (; *next < texts_.size() && texts_[*next].row == row; ++*next) {
    const Wrapped& t = texts_[*next];
    // A line wraps at about the column's width in characters (a width
    // unit is a digit's width, wider than most letters).
    const int room = std::max(std::min(widths_[t.col] + 2, kMaxColumnWidth) - 1, 1);
    int lines = 0;
    for (const int w : t.lines) lines += std::max(1, (w + room - 1) / room);
    most = std::max(most, lines);
  }
  return most;
}

// Rows whose texts wrap are made tall enough for them: neither Excel nor
// LibreOffice is sure to do it when it opens the file.
void Sheet::set_heights() {
  size_t next = 0;
  for (lxw_row_t r = 0; r < row_; ++r) {
    const int lines = row_lines(r, &next);
    if (lines > 1)
      check(worksheet_set_row(ws_, r, 15.0 * lines, nullptr));
  }
}

lxw_error Sheet::finish() {
  const auto last_col = static_cast<lxw_col_t>(widths_.size() - 1);
  for (lxw_col_t c = 0; c <= last_col; ++c) {
    const int width = std::min(widths_[c] + 2, kMaxColumnWidth);
    check(worksheet_set_column(ws_, c, c, width, nullptr));
  }
  set_heights();
  worksheet_freeze_panes(ws_, 1, 0);
  check(worksheet_autofilter(ws_, 0, 0, row_ - 1, last_col));
  worksheet_set_landscape(ws_);
  worksheet_set_paper(ws_, 8);  // A3
  worksheet_fit_to_pages(ws_, 1, 0);
  check(worksheet_repeat_rows(ws_, 0, 0));
  return error_;
}

std::vector<std::string> words(Language lang, const std::vector<Msg>& msgs) {
  std::vector<std::string> out;
  for (const Msg m : msgs) out.emplace_back(text_of(lang, m));
  return out;
}

// ---------------------------------------------------------------------------
// The sheets.

// One activity's row, in the CSV's column order (render/export.h).
void matrix_row(Sheet* sh, const PlanState& ps, const ActivityState& s, Language lang) {
  const Activity& a = *s.activity;
  const Update* last = s.last_update;
  const std::optional<Date> done =
      s.status == Status::done ? done_on(a, ps.as_of) : std::optional<Date>();
  sh->text(0, ps.plan->id.value);
  sh->text(1, format_address(*s.line, a));
  sh->number(2, static_cast<double>(s.line->id.value));
  sh->text(3, s.line->title.value);
  sh->text(4, a.title.value);
  sh->text(5, codes_text(lead_of(*s.line, a)));
  sh->text(6, codes_text(support_of(*s.line, a)));
  sh->date(7, s.start);
  sh->date(8, s.end);
  sh->text(9, a.product.value);
  sh->percent(10, s.progress);
  sh->percent(11, round_percent(s.expected));
  sh->text(12, text_of(lang, status_word(s.status)));
  sh->signal(13, s.signal, lang);
  if (last != nullptr) {
    sh->date(14, last->date.date.last());
    sh->text(15, last->note.value);
    sh->text(18, last->evidence.value);
    sh->text(19, last->by.value);
  }
  sh->number(16, s.done_late);
  if (done)
    sh->date(17, *done);
  sh->number(20, a.weight.value);
  sh->next_row();
}

lxw_error plan_sheet(lxw_worksheet* ws, const Formats& f, const PlanState& ps, Language lang) {
  Sheet sh(ws, f);
  sh.header(words(lang, csv_sheet_headers()));
  for (const LineState& ls : ps.lines) {
    for (const ActivityState& s : ls.activities) matrix_row(&sh, ps, s, lang);
  }
  return sh.finish();
}

Msg flag_msg(ActivityFlag flag) {
  switch (flag) {
  case ActivityFlag::blocked:
    return Msg::status_blocked;
  case ActivityFlag::cancelled:
    return Msg::status_cancelled;
  default:
    return Msg::status_resumed;
  }
}

void update_row(Sheet* sh, const PlanState& ps, const ActivityState& s, const Update& u,
                Language lang) {
  sh->text(0, ps.plan->id.value);
  sh->text(1, format_address(*s.line, *s.activity));
  sh->text(2, s.activity->title.value);
  sh->date(3, u.date.date.last());
  if (u.records_progress())
    sh->percent(4, static_cast<int>(u.progress.value));
  if (u.value.pos.known())
    sh->number(5, u.value.value);
  if (u.status)
    sh->text(6, text_of(lang, flag_msg(*u.status)));
  sh->text(7, u.by.value);
  sh->text(8, u.note.value);
  sh->text(9, u.evidence.value);
  sh->next_row();
}

// Every update on or before the as-of date, plan by plan, activity by
// activity, in the order the file writes them.
lxw_error updates_sheet(lxw_worksheet* ws, const Formats& f, const std::vector<PlanState>& states,
                        Language lang) {
  Sheet sh(ws, f);
  sh.header(words(lang, {Msg::csv_col_plan, Msg::csv_col_id, Msg::csv_col_title, Msg::col_date,
                         Msg::csv_col_progress, Msg::xlsx_col_value, Msg::csv_col_status,
                         Msg::csv_col_last_by, Msg::col_note, Msg::csv_col_last_evidence}));
  for (const PlanState& ps : states) {
    for (const LineState& ls : ps.lines) {
      for (const ActivityState& s : ls.activities) {
        for (const Update& u : s.activity->updates) {
          if (u.date.date.last() <= ps.as_of)
            update_row(&sh, ps, s, u, lang);
        }
      }
    }
  }
  return sh.finish();
}

// ---------------------------------------------------------------------------
// The file.

// A temporary file for libxlsxwriter to write, removed when done.
class TempFile {
 public:
  TempFile() {
    const char* dir = std::getenv("TMPDIR");
    path_ = std::string(dir != nullptr && *dir != '\0' ? dir : "/tmp") + "/plan-xlsx-XXXXXX";
    const int fd = ::mkstemp(path_.data());
    if (fd < 0) {
      error_ = std::strerror(errno);
      path_.clear();
    } else {
      ::close(fd);
    }
  }
  ~TempFile() {
    if (!path_.empty())
      ::unlink(path_.c_str());
  }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  const std::string& path() const { return path_; }
  const std::string& error() const { return error_; }

 private:
  std::string path_;
  std::string error_;
};

// The title and the creation time: the as-of date at midnight UTC, so that
// the same plans and date give the same bytes (libxlsxwriter would take the
// clock's time; the zip entries' times are its fixed 1980-01-01).
void set_properties(lxw_workbook* wb, const std::vector<PlanState>& states, std::string* title) {
  std::vector<std::string> titles;
  for (const PlanState& ps : states) titles.push_back(xml_clean(ps.plan->title.value));
  for (size_t i = 0; i < titles.size(); ++i) *title += (i > 0 ? " · " : "") + titles[i];
  const long long days = states.empty() ? 0 : states.front().as_of.days();
  lxw_doc_properties props = {};
  props.title = title->data();
  // 0 would mean "now": the first second of 1970 stands for that day.
  props.created = static_cast<time_t>(days == 0 ? 1 : days * 86400LL);
  workbook_set_properties(wb, &props);
}

lxw_error write_sheets(lxw_workbook* wb, const std::vector<PlanState>& states, Language lang) {
  const Formats f = make_formats(wb);
  std::vector<std::string> ids;
  for (const PlanState& ps : states) ids.push_back(ps.plan->id.value);
  const std::string updates(xlsx_updates_sheet(lang));
  const std::vector<std::string> names = xlsx_sheet_names(ids, updates);
  lxw_error error = LXW_NO_ERROR;
  for (size_t i = 0; i < states.size(); ++i) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, names[i].c_str());
    const lxw_error e =
        ws == nullptr ? LXW_ERROR_MEMORY_MALLOC_FAILED : plan_sheet(ws, f, states[i], lang);
    error = error != LXW_NO_ERROR ? error : e;
  }
  lxw_worksheet* ws = workbook_add_worksheet(wb, updates.c_str());
  const lxw_error e =
      ws == nullptr ? LXW_ERROR_MEMORY_MALLOC_FAILED : updates_sheet(ws, f, states, lang);
  return error != LXW_NO_ERROR ? error : e;
}

std::optional<std::string> read_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    return std::nullopt;
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

}  // namespace

XlsxResult render_xlsx(const std::vector<PlanState>& states, Language lang) {
  const TempFile temp;
  if (!temp.error().empty())
    return {{}, temp.error()};
  lxw_workbook* wb = workbook_new(temp.path().c_str());
  if (wb == nullptr)
    return {{}, lxw_strerror(LXW_ERROR_CREATING_XLSX_FILE)};
  std::string title;
  set_properties(wb, states, &title);
  const lxw_error written = write_sheets(wb, states, lang);
  const lxw_error closed = workbook_close(wb);  // frees wb, whatever happened
  if (written != LXW_NO_ERROR || closed != LXW_NO_ERROR)
    return {{}, lxw_strerror(written != LXW_NO_ERROR ? written : closed)};
  std::optional<std::string> bytes = read_bytes(temp.path());
  if (!bytes)
    return {{}, std::strerror(errno)};
  return {std::move(*bytes), {}};
}

}  // namespace plan
