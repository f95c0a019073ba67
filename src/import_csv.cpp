// import_csv.cpp: a CSV file as a one-sheet workbook: its encoding (UTF-8
// with or without BOM, or Windows-1252 through iconv), its separator, and
// RFC 4180 quoting.
#include <errno.h>
#include <fmt/format.h>
#include <iconv.h>

#include <array>
#include <cstring>

#include "plan/import.h"
#include "plan/text.h"

namespace plan {
namespace {

// Windows-1252 bytes as UTF-8, through glibc's iconv; "" and *error set if
// iconv cannot (a byte Windows-1252 leaves undefined: 0x81, 0x8D...).
std::string from_windows_1252(std::string_view bytes, std::string* error) {
  iconv_t cd = iconv_open("UTF-8", "WINDOWS-1252");
  if (cd == reinterpret_cast<iconv_t>(-1)) {
    *error = std::strerror(errno);
    return "";
  }
  std::string in(bytes);
  std::string out(bytes.size() * 3 + 4, '\0');
  char* inp = in.data();
  size_t inleft = in.size();
  char* outp = out.data();
  size_t outleft = out.size();
  const size_t r = iconv(cd, &inp, &inleft, &outp, &outleft);
  const int err = errno;
  iconv_close(cd);
  if (r == static_cast<size_t>(-1)) {
    *error = fmt::format("byte 0x{:02X} at offset {}: {}", static_cast<unsigned char>(*inp),
                         inp - in.data(), std::strerror(err));
    return "";
  }
  out.resize(out.size() - outleft);
  return out;
}

// The separator the first non-empty line has most of, outside quotes: ';'
// wins a tie, as a Spanish-locale Excel writes it.
char guess_separator(std::string_view text) {
  std::array<int, 3> counts{};
  constexpr std::array<char, 3> kSeps = {';', ',', '\t'};
  bool quoted = false;
  bool seen = false;
  for (const char c : text) {
    if (c == '"')
      quoted = !quoted;
    if (!quoted && (c == '\n' || c == '\r') && seen)
      break;
    for (size_t i = 0; i < kSeps.size(); ++i) {
      if (!quoted && c == kSeps[i])
        ++counts[i];
    }
    seen = seen || (c != '\n' && c != '\r');
  }
  size_t best = 0;
  for (size_t i = 1; i < kSeps.size(); ++i) {
    if (counts[i] > counts[best])
      best = i;
  }
  return counts[best] == 0 ? ',' : kSeps[best];
}

Cell text_cell(std::string value) {
  Cell c;
  // plan export's protection from formulas: "'=..." is the text "=...".
  if (value.size() >= 2 && value[0] == '\'' &&
      std::string_view("=+-@\t\r").find(value[1]) != std::string_view::npos)
    value.erase(0, 1);
  c.kind = value.empty() ? Cell::Kind::empty : Cell::Kind::text;
  c.text = std::move(value);
  return c;
}

std::vector<std::vector<Cell>> split_rows(std::string_view text, char sep) {
  std::vector<std::vector<Cell>> rows;
  std::vector<Cell> row;
  std::string field;
  bool quoted = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == sep) {
      row.push_back(text_cell(std::move(field)));
      field.clear();
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n')
        ++i;
      row.push_back(text_cell(std::move(field)));
      field.clear();
      rows.push_back(std::move(row));
      row.clear();
    } else {
      field += c;
    }
  }
  if (!field.empty() || !row.empty()) {
    row.push_back(text_cell(std::move(field)));
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace

ReadResult read_csv(std::string_view bytes, const std::string& sheet_name) {
  ReadResult r;
  std::string text;
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") {
    bytes.remove_prefix(3);
    r.book.encoding = "UTF-8 (BOM)";
  } else {
    r.book.encoding = "UTF-8";
  }
  if (find_invalid_utf8(bytes) == std::string_view::npos) {
    text = std::string(bytes);
  } else {
    std::string error;
    text = from_windows_1252(bytes, &error);
    if (!error.empty()) {
      r.problems.push_back({"", 0, 0, Msg::import_bad_encoding, {error}});
      return r;
    }
    r.book.encoding = "Windows-1252";
  }
  r.book.separator = guess_separator(text);
  Sheet sheet;
  sheet.name = sheet_name;
  sheet.rows = split_rows(text, r.book.separator);
  r.book.sheets.push_back(std::move(sheet));
  return r;
}

}  // namespace plan
