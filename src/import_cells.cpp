// import_cells.cpp: reading one spreadsheet cell: references, headers,
// dates, percentages, owner codes.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "plan/import.h"
#include "plan/query.h"

namespace plan {

const Cell& Sheet::at(int row, int col) const {
  static const Cell kEmpty;
  if (row < 1 || col < 1 || static_cast<size_t>(row) > rows.size())
    return kEmpty;
  const std::vector<Cell>& r = rows[static_cast<size_t>(row) - 1];
  return static_cast<size_t>(col) > r.size() ? kEmpty : r[static_cast<size_t>(col) - 1];
}

std::string ImportProblem::where() const {
  if (row > 0 && col > 0)
    return sheet + "!" + a1_ref(row, col);
  if (row > 0)
    return fmt::format("{}!{}", sheet, row);
  return sheet;
}

std::string a1_ref(int row, int col) {
  std::string letters;
  for (int c = col; c > 0; c = (c - 1) / 26)
    letters.insert(letters.begin(), static_cast<char>('A' + (c - 1) % 26));
  return letters + std::to_string(row);
}

int column_number(std::string_view letters) {
  if (letters.empty() || letters.size() > 3)
    return 0;
  int n = 0;
  for (const char c : letters) {
    const char u = static_cast<char>(c & ~0x20);
    if (u < 'A' || u > 'Z')
      return 0;
    n = n * 26 + (u - 'A' + 1);
  }
  return n;
}

bool parse_a1(std::string_view ref, int* row, int* col) {
  size_t i = 0;
  while (i < ref.size() && std::isalpha(static_cast<unsigned char>(ref[i]))) ++i;
  const int c = column_number(ref.substr(0, i));
  if (c == 0 || i == ref.size() || ref.size() - i > 7 || ref[i] == '0')
    return false;
  int r = 0;
  for (size_t j = i; j < ref.size(); ++j) {
    if (ref[j] < '0' || ref[j] > '9')
      return false;
    r = r * 10 + (ref[j] - '0');
  }
  *row = r;
  *col = c;
  return true;
}

std::string normalize_header(std::string_view text) {
  const std::string folded = fold_text(text);
  std::string out;
  bool gap = false;
  for (const char ch : folded) {
    const auto b = static_cast<unsigned char>(ch);
    if (std::isalnum(b) || b >= 0x80) {
      if (gap && !out.empty())
        out += ' ';
      out += ch;
      gap = false;
    } else {
      gap = true;
    }
  }
  return out;
}

namespace {

struct ColumnWords {
  Column column;
  std::string_view key;
  // Normalized headers, Spanish and English; plan export's sheet form's
  // first (messages.def's csv_col_*).
  std::vector<std::string_view> headers;
};

const std::vector<ColumnWords>& column_words() {
  static const std::vector<ColumnWords> kWords = {
      {Column::line,
       "line",
       {"linea", "line", "linea estrategica", "strategic line", "eje", "eje estrategico",
        "componente"}},
      {Column::line_title,
       "line_title",
       {"nombre de la linea", "line title", "titulo de la linea", "line name"}},
      {Column::objective,
       "objective",
       {"objetivo", "objective", "objetivo estrategico", "strategic objective"}},
      {Column::id, "id", {"id", "no", "numero", "number", "n", "item", "codigo"}},
      {Column::title,
       "title",
       {"actividad", "activity", "actividades", "activities", "descripcion de la actividad",
        "activity title", "tarea", "task", "title", "titulo"}},
      {Column::lead,
       "lead",
       {"lider", "lead", "responsable", "responsables", "owner", "responsible",
        "dependencia responsable", "area responsable", "lider responsable"}},
      {Column::support,
       "support",
       {"apoyo", "support", "apoyos", "dependencia de apoyo", "corresponsable", "corresponsables"}},
      {Column::start,
       "start",
       {"fecha inicio", "start date", "fecha de inicio", "inicio", "start", "fecha inicial"}},
      {Column::end,
       "end",
       {"fecha fin", "end date", "fecha de fin", "fecha final", "fecha finalizacion",
        "fecha de finalizacion", "fecha de terminacion", "fin", "end", "fecha limite", "due date"}},
      {Column::product,
       "product",
       {"producto", "product", "meta", "producto meta", "meta producto", "entregable",
        "deliverable", "goal"}},
      {Column::progress,
       "progress",
       {"avance", "progress", "avance porcentaje", "porcentaje de avance", "avance acumulado",
        "progress percent", "cumplimiento"}},
      {Column::weight, "weight", {"peso", "weight", "ponderacion"}},
  };
  return kWords;
}

}  // namespace

std::string_view column_key(Column c) {
  for (const ColumnWords& w : column_words()) {
    if (w.column == c)
      return w.key;
  }
  return "";
}

std::optional<Column> column_of_key(std::string_view key) {
  for (const ColumnWords& w : column_words()) {
    if (w.key == key)
      return w.column;
  }
  return std::nullopt;
}

std::optional<Column> match_header(std::string_view header) {
  const std::string n = normalize_header(header);
  if (n.empty())
    return std::nullopt;
  for (const ColumnWords& w : column_words()) {
    if (std::find(w.headers.begin(), w.headers.end(), n) != w.headers.end())
      return w.column;
  }
  return std::nullopt;
}

std::optional<Date> excel_serial_date(double serial, bool date1904) {
  if (!std::isfinite(serial) || serial < 0 || serial >= 2958466)
    return std::nullopt;
  const int day = static_cast<int>(std::floor(serial));
  if (date1904)
    return Date::from_days(Date{1904, 1, 1}.days() + day);
  // Excel counts 1900 as a leap year (Lotus 1-2-3's bug): 60 is the
  // 29 February 1900 that never was, and from 61 on each number is a day
  // ahead of a true count from 31 December 1899.
  if (day == 0 || day == 60)
    return std::nullopt;
  const int base = Date{1899, 12, 31}.days();
  return Date::from_days(base + (day < 60 ? day : day - 1));
}

namespace {

std::string trimmed(std::string_view t) {
  const size_t a = t.find_first_not_of(" \t\r\n\xC2\xA0");
  if (a == std::string_view::npos)
    return "";
  const size_t b = t.find_last_not_of(" \t\r\n");
  return std::string(t.substr(a, b - a + 1));
}

bool all_digits(std::string_view t) {
  return !t.empty() && std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::optional<ParsedDate> checked(int y, int m, int d) {
  if (y < 1900 || y > 9999 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m))
    return std::nullopt;
  return ParsedDate{y, m, d, DatePrecision::day};
}

// DD/MM/YYYY with '/', '-' or '.'; one- or two-digit day and month.
std::optional<ParsedDate> day_first(std::string_view t) {
  const size_t a = t.find_first_of("/-.");
  if (a == std::string_view::npos)
    return std::nullopt;
  const size_t b = t.find(t[a], a + 1);
  if (b == std::string_view::npos)
    return std::nullopt;
  const std::string_view d = t.substr(0, a), m = t.substr(a + 1, b - a - 1), y = t.substr(b + 1);
  if (!all_digits(d) || !all_digits(m) || !all_digits(y) || d.size() > 2 || m.size() > 2 ||
      y.size() != 4)
    return std::nullopt;
  return checked(std::atoi(std::string(y).c_str()), std::atoi(std::string(m).c_str()),
                 std::atoi(std::string(d).c_str()));
}

}  // namespace

std::optional<ParsedDate> read_date_cell(const Cell& cell, bool date1904) {
  if (cell.kind == Cell::Kind::number) {
    const std::optional<Date> d = excel_serial_date(cell.number, date1904);
    if (!d || d->year < 1900 || d->year > 9999)
      return std::nullopt;
    return ParsedDate{d->year, d->month, d->day, DatePrecision::day};
  }
  std::string t = trimmed(cell.text);
  // "2021-03-01 00:00:00" or "2021-03-01T00:00": the day, without the time.
  if (t.size() > 10 && (t[10] == ' ' || t[10] == 'T') && t[4] == '-')
    t.resize(10);
  ParsedDate p;
  if (t.size() >= 7 && t[4] == '-' && parse_date(t, &p) == DateError::none)
    return p;
  if (all_digits(t) && t.size() >= 4 && t.size() <= 7) {
    Cell serial;
    serial.kind = Cell::Kind::number;
    serial.number = std::atof(t.c_str());
    if (serial.number > 9999)  // a year alone is not a date
      return read_date_cell(serial, date1904);
    return std::nullopt;
  }
  return day_first(t);
}

std::optional<int> read_percent_cell(const Cell& cell) {
  double v = 0;
  bool fraction = false;
  if (cell.kind == Cell::Kind::number) {
    v = cell.number;
    fraction = cell.percent_format || (v < 1 && v != std::floor(v));
  } else {
    std::string t = trimmed(cell.text);
    bool percent = false;
    if (!t.empty() && t.back() == '%') {
      percent = true;
      t = trimmed(t.substr(0, t.size() - 1));
    }
    std::replace(t.begin(), t.end(), ',', '.');
    if (t.empty() || t.find_first_not_of("0123456789.") != std::string::npos ||
        std::count(t.begin(), t.end(), '.') > 1 || t == ".")
      return std::nullopt;
    v = std::atof(t.c_str());
    const bool decimal = t.find('.') != std::string::npos;
    fraction = !percent && decimal && v <= 1;
  }
  if (fraction)
    v *= 100;
  if (!std::isfinite(v) || v < 0 || v > 100)
    return std::nullopt;
  return static_cast<int>(std::lround(v));
}

namespace {

bool joining_word(std::string_view w) {
  static const std::vector<std::string_view> kWords = {
      "de",  "del", "la", "las", "el",  "los", "y",   "e",  "en", "para",
      "por", "a",   "al", "of",  "the", "and", "for", "to", "in", "on"};
  return std::find(kWords.begin(), kWords.end(), w) != kWords.end();
}

bool like_a_code(std::string_view name) {
  if (name.empty() || name.size() > 16 || name[0] < 'A' || name[0] > 'Z')
    return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
  });
}

}  // namespace

std::string owner_code_for(std::string_view name) {
  const std::string t = trimmed(name);
  if (like_a_code(t))
    return t;
  std::vector<std::string> words;
  std::string word;
  for (const char c : normalize_header(t) + " ") {
    if (c == ' ') {
      if (!word.empty() && !joining_word(word)) {
        for (char& u : word) u = static_cast<char>(std::toupper(static_cast<unsigned char>(u)));
        words.push_back(word);
      }
      word.clear();
    } else if (static_cast<unsigned char>(c) < 0x80) {
      word += c;
    }
  }
  words.erase(std::remove(words.begin(), words.end(), std::string()), words.end());
  if (words.empty())
    return "OWNER";
  if (words.size() == 1)
    return words[0].substr(0, 4);
  std::string code;
  for (const std::string& w : words) code += w[0];
  return code;
}

}  // namespace plan
