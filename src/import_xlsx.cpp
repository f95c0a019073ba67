// import_xlsx.cpp: an .xlsx workbook's sheets, through libzip (the zip,
// with its declared sizes checked before anything is inflated) and expat
// (the XML parts: workbook, relationships, shared strings, styles, sheets).
#include <expat.h>
#include <fmt/format.h>
#include <zip.h>

#include <cstdlib>
#include <cstring>
#include <functional>
#include <map>
#include <memory>

#include "plan/import.h"

namespace plan {
namespace {

// Columns beyond this are not read: a follow-up matrix has a few dozen, and
// a cell at XFD1 must not make every row 16384 cells wide.
constexpr int kMaxColumns = 512;
// Below this size a part's compression ratio is not checked: small XML
// with repeated tags packs very well and is harmless.
constexpr unsigned long long kRatioFloor = 1ull << 20;

struct ZipCloser {
  void operator()(zip_t* z) const { zip_discard(z); }
};
struct FileCloser {
  void operator()(zip_file_t* f) const { zip_fclose(f); }
};

std::string local_name(const char* name) {
  const char* colon = std::strrchr(name, ':');
  return colon != nullptr ? colon + 1 : name;
}

// An expat pass over one part: element starts and ends and text, with the
// element names' namespace prefixes dropped. A DOCTYPE (an .xlsx has none;
// entities could expand without bound) stops it.
struct XmlPass {
  std::function<void(const std::string&, const char**)> start = [](const std::string&,
                                                                   const char**) {};
  std::function<void(const std::string&)> end = [](const std::string&) {};
  std::function<void(std::string_view)> text = [](std::string_view) {};
};

const char* attr(const char** attrs, std::string_view name) {
  for (int i = 0; attrs[i] != nullptr; i += 2) {
    if (local_name(attrs[i]) == name)
      return attrs[i + 1];
  }
  return nullptr;
}

class Reader {
 public:
  Reader(const std::string& path, const ZipLimits& limits) : path_(path), limits_(limits) {}
  ReadResult read();

 private:
  bool open();
  bool check_sizes();
  bool part(const std::string& name, std::string* out, bool required);
  bool parse(const std::string& name, const std::string& xml, const XmlPass& pass);
  bool read_workbook(std::vector<std::pair<std::string, std::string>>* sheets);
  std::map<std::string, std::string> read_rels();
  void read_shared_strings();
  void read_styles();
  bool read_sheet(const std::string& name, const std::string& target);
  void problem(Msg msg, std::vector<std::string> args) {
    result_.problems.push_back({"", 0, 0, msg, std::move(args)});
  }

  std::string path_;
  ZipLimits limits_;
  std::unique_ptr<zip_t, ZipCloser> zip_;
  unsigned long long inflated_ = 0;
  std::vector<std::string> strings_;
  std::vector<std::pair<bool, bool>> xf_;  // per style: date, percent
  ReadResult result_;
};

bool Reader::open() {
  int code = 0;
  zip_.reset(zip_open(path_.c_str(), ZIP_RDONLY, &code));
  if (zip_)
    return true;
  zip_error_t err;
  zip_error_init_with_code(&err, code);
  problem(Msg::import_not_zip, {path_, zip_error_strerror(&err)});
  zip_error_fini(&err);
  return false;
}

// Every part's declared size, before any is inflated.
bool Reader::check_sizes() {
  const zip_int64_t n = zip_get_num_entries(zip_.get(), 0);
  if (n < 0 || static_cast<unsigned long long>(n) > limits_.max_entries) {
    problem(Msg::import_zip_entries, {std::to_string(n), std::to_string(limits_.max_entries)});
    return false;
  }
  unsigned long long total = 0;
  for (zip_int64_t i = 0; i < n; ++i) {
    zip_stat_t st;
    if (zip_stat_index(zip_.get(), static_cast<zip_uint64_t>(i), 0, &st) != 0)
      continue;
    const std::string name = (st.valid & ZIP_STAT_NAME) != 0 ? st.name : "?";
    if (st.size > limits_.max_part) {
      problem(Msg::import_zip_too_big,
              {name, std::to_string(st.size), std::to_string(limits_.max_part)});
      return false;
    }
    if (st.size > kRatioFloor &&
        st.size / std::max<zip_uint64_t>(st.comp_size, 1) > limits_.max_ratio) {
      problem(Msg::import_zip_ratio,
              {name, std::to_string(st.size / std::max<zip_uint64_t>(st.comp_size, 1)),
               std::to_string(limits_.max_ratio)});
      return false;
    }
    total += st.size;
  }
  if (total > limits_.max_total) {
    problem(Msg::import_zip_total, {std::to_string(limits_.max_total)});
    return false;
  }
  return true;
}

// A part's bytes, never more than its declared size (nor the limits): a
// directory that understates a part does not get past them.
bool Reader::part(const std::string& name, std::string* out, bool required) {
  const zip_int64_t index = zip_name_locate(zip_.get(), name.c_str(), 0);
  zip_stat_t st;
  if (index < 0 || zip_stat_index(zip_.get(), static_cast<zip_uint64_t>(index), 0, &st) != 0) {
    if (required)
      problem(Msg::import_missing_part, {name});
    return false;
  }
  std::unique_ptr<zip_file_t, FileCloser> f(
      zip_fopen_index(zip_.get(), static_cast<zip_uint64_t>(index), 0));
  if (!f) {
    problem(Msg::import_zip_read, {name, zip_strerror(zip_.get())});
    return false;
  }
  const unsigned long long cap = std::min<unsigned long long>(st.size, limits_.max_part);
  out->assign(static_cast<size_t>(cap) + 1, '\0');
  const zip_int64_t got = zip_fread(f.get(), out->data(), cap + 1);
  if (got < 0 || static_cast<unsigned long long>(got) > cap) {
    problem(got < 0 ? Msg::import_zip_read : Msg::import_zip_too_big,
            got < 0 ? std::vector<std::string>{name, zip_file_strerror(f.get())}
                    : std::vector<std::string>{name, std::to_string(got), std::to_string(cap)});
    return false;
  }
  out->resize(static_cast<size_t>(got));
  inflated_ += static_cast<unsigned long long>(got);
  if (inflated_ > limits_.max_total) {
    problem(Msg::import_zip_total, {std::to_string(limits_.max_total)});
    return false;
  }
  return true;
}

bool Reader::parse(const std::string& name, const std::string& xml, const XmlPass& pass) {
  std::unique_ptr<XML_ParserStruct, void (*)(XML_Parser)> p(XML_ParserCreate("UTF-8"),
                                                            XML_ParserFree);
  XML_SetUserData(p.get(), const_cast<XmlPass*>(&pass));
  XML_SetElementHandler(
      p.get(),
      [](void* u, const XML_Char* n, const XML_Char** a) {
        static_cast<XmlPass*>(u)->start(local_name(n), a);
      },
      [](void* u, const XML_Char* n) { static_cast<XmlPass*>(u)->end(local_name(n)); });
  XML_SetCharacterDataHandler(p.get(), [](void* u, const XML_Char* s, int len) {
    static_cast<XmlPass*>(u)->text(std::string_view(s, static_cast<size_t>(len)));
  });
  XML_SetParamEntityParsing(p.get(), XML_PARAM_ENTITY_PARSING_NEVER);
  const bool has_doctype = xml.find("<!DOCTYPE") != std::string::npos;
  if (has_doctype ||
      XML_Parse(p.get(), xml.data(), static_cast<int>(xml.size()), 1) == XML_STATUS_ERROR) {
    problem(Msg::import_bad_xml,
            {name, std::to_string(has_doctype ? 1 : XML_GetCurrentLineNumber(p.get())),
             has_doctype ? "DOCTYPE" : XML_ErrorString(XML_GetErrorCode(p.get()))});
    return false;
  }
  return true;
}

bool Reader::read_workbook(std::vector<std::pair<std::string, std::string>>* sheets) {
  std::string xml;
  if (!part("xl/workbook.xml", &xml, true))
    return false;
  XmlPass pass;
  pass.start = [&](const std::string& n, const char** a) {
    if (n == "sheet") {
      const char* name = attr(a, "name");
      const char* id = attr(a, "id");
      sheets->emplace_back(name != nullptr ? name : "", id != nullptr ? id : "");
    } else if (n == "workbookPr") {
      const char* d = attr(a, "date1904");
      result_.book.date1904 =
          d != nullptr && (std::strcmp(d, "1") == 0 || std::strcmp(d, "true") == 0);
    }
  };
  return parse("xl/workbook.xml", xml, pass);
}

std::map<std::string, std::string> Reader::read_rels() {
  std::map<std::string, std::string> targets;
  std::string xml;
  if (!part("xl/_rels/workbook.xml.rels", &xml, true))
    return targets;
  XmlPass pass;
  pass.start = [&](const std::string& n, const char** a) {
    const char* id = attr(a, "Id");
    const char* target = attr(a, "Target");
    if (n == "Relationship" && id != nullptr && target != nullptr) {
      std::string t = target;
      targets[id] = t.rfind('/', 0) == 0 ? t.substr(1) : "xl/" + t;
    }
  };
  parse("xl/_rels/workbook.xml.rels", xml, pass);
  return targets;
}

void Reader::read_shared_strings() {
  std::string xml;
  if (!part("xl/sharedStrings.xml", &xml, false))
    return;
  bool in_t = false;
  int phonetic = 0;
  XmlPass pass;
  pass.start = [&](const std::string& n, const char**) {
    if (n == "si")
      strings_.emplace_back();
    in_t = n == "t";
    phonetic += n == "rPh" ? 1 : 0;
  };
  pass.end = [&](const std::string& n) {
    in_t = false;
    phonetic -= n == "rPh" ? 1 : 0;
  };
  pass.text = [&](std::string_view s) {
    if (in_t && phonetic == 0 && !strings_.empty())
      strings_.back() += s;
  };
  parse("xl/sharedStrings.xml", xml, pass);
}

// A number format's kind, from its id (Excel's built-in ones) or code.
std::pair<bool, bool> format_kind(int id, const std::string& code) {
  if (id == 9 || id == 10)
    return {false, true};
  if ((id >= 14 && id <= 22) || (id >= 45 && id <= 47) || (id >= 27 && id <= 36) ||
      (id >= 50 && id <= 58))
    return {true, false};
  std::string bare;  // without quoted text, [colours], escapes
  for (size_t i = 0; i < code.size(); ++i) {
    const char c = code[i];
    if (c == '"') {
      i = std::min(code.find('"', i + 1), code.size());
    } else if (c == '[') {
      i = std::min(code.find(']', i + 1), code.size());
    } else if (c == '\\' || c == '_' || c == '*') {
      ++i;
    } else {
      bare += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
  }
  if (bare.find('%') != std::string::npos)
    return {false, true};
  const bool date =
      bare.find_first_of("yd") != std::string::npos ||
      (bare.find('m') != std::string::npos && bare.find_first_of("0#") == std::string::npos);
  return {date && bare != "general", false};
}

void Reader::read_styles() {
  std::string xml;
  if (!part("xl/styles.xml", &xml, false))
    return;
  std::map<int, std::string> codes;
  bool in_xfs = false;
  XmlPass pass;
  pass.start = [&](const std::string& n, const char** a) {
    const char* id = attr(a, "numFmtId");
    if (n == "numFmt" && id != nullptr) {
      const char* code = attr(a, "formatCode");
      codes[std::atoi(id)] = code != nullptr ? code : "";
    } else if (n == "cellXfs") {
      in_xfs = true;
    } else if (n == "xf" && in_xfs) {
      const int fmt = id != nullptr ? std::atoi(id) : 0;
      xf_.push_back(format_kind(fmt, codes.count(fmt) != 0 ? codes[fmt] : ""));
    }
  };
  pass.end = [&](const std::string& n) { in_xfs = in_xfs && n != "cellXfs"; };
  parse("xl/styles.xml", xml, pass);
}

// The state of a sheet's pass: the cell being read.
struct CellPass {
  int row = 0, col = 0;
  std::string type, value, inline_text;
  int style = -1;
  bool in_v = false, in_t = false;
};

Cell make_cell(const CellPass& c, const std::vector<std::string>& strings,
               const std::vector<std::pair<bool, bool>>& xf) {
  Cell cell;
  if (c.type == "s") {
    const size_t i = static_cast<size_t>(std::atol(c.value.c_str()));
    cell.text = i < strings.size() ? strings[i] : "";
  } else if (c.type == "inlineStr") {
    cell.text = c.inline_text;
  } else if (c.type == "n" && !c.value.empty()) {
    char* end = nullptr;
    cell.number = std::strtod(c.value.c_str(), &end);
    cell.kind = *end == '\0' ? Cell::Kind::number : Cell::Kind::text;
    cell.text = c.value;
    if (c.style >= 0 && static_cast<size_t>(c.style) < xf.size()) {
      cell.date_format = xf[static_cast<size_t>(c.style)].first;
      cell.percent_format = xf[static_cast<size_t>(c.style)].second;
    }
  } else if (c.type == "b") {
    cell.text = c.value == "1" ? "TRUE" : "FALSE";
  } else {
    cell.text = c.value;  // str (a formula's text), e (an error), d (ISO date text)
  }
  if (cell.kind == Cell::Kind::empty && !cell.text.empty())
    cell.kind = Cell::Kind::text;
  return cell;
}

void put(Sheet* sheet, int row, int col, Cell cell) {
  if (cell.kind == Cell::Kind::empty)
    return;
  if (sheet->rows.size() < static_cast<size_t>(row))
    sheet->rows.resize(static_cast<size_t>(row));
  std::vector<Cell>& r = sheet->rows[static_cast<size_t>(row) - 1];
  if (r.size() < static_cast<size_t>(col))
    r.resize(static_cast<size_t>(col));
  r[static_cast<size_t>(col) - 1] = std::move(cell);
}

bool Reader::read_sheet(const std::string& name, const std::string& target) {
  std::string xml;
  if (!part(target, &xml, true))
    return false;
  Sheet sheet;
  sheet.name = name;
  CellPass c;
  XmlPass pass;
  pass.start = [&](const std::string& n, const char** a) {
    if (n == "row") {
      const char* r = attr(a, "r");
      c.row = r != nullptr ? std::atoi(r) : c.row + 1;
      c.col = 0;
    } else if (n == "c") {
      const char* r = attr(a, "r");
      int row = c.row, col = c.col + 1;
      if (r != nullptr && parse_a1(r, &row, &col))
        c.row = row;
      c.col = col;
      const char* t = attr(a, "t");
      const char* s = attr(a, "s");
      c.type = t != nullptr ? t : "n";
      c.style = s != nullptr ? std::atoi(s) : -1;
      c.value.clear();
      c.inline_text.clear();
    } else if (n == "mergeCell") {
      const char* ref = attr(a, "ref");
      const char* colon = ref != nullptr ? std::strchr(ref, ':') : nullptr;
      MergedRange m;
      if (colon != nullptr && parse_a1(std::string(ref, colon), &m.first_row, &m.first_col) &&
          parse_a1(colon + 1, &m.last_row, &m.last_col))
        sheet.merged.push_back(m);
    }
    c.in_v = n == "v";
    c.in_t = n == "t";
  };
  pass.text = [&](std::string_view s) {
    if (c.in_v)
      c.value += s;
    else if (c.in_t)
      c.inline_text += s;
  };
  pass.end = [&](const std::string& n) {
    c.in_v = c.in_t = false;
    if (n == "c" && c.row >= 1 && c.row <= 1048576 && c.col >= 1 && c.col <= kMaxColumns)
      put(&sheet, c.row, c.col, make_cell(c, strings_, xf_));
  };
  if (!parse(target, xml, pass))
    return false;
  result_.book.sheets.push_back(std::move(sheet));
  return true;
}

ReadResult Reader::read() {
  if (!open() || !check_sizes())
    return std::move(result_);
  std::vector<std::pair<std::string, std::string>> sheets;
  if (!read_workbook(&sheets))
    return std::move(result_);
  const std::map<std::string, std::string> targets = read_rels();
  read_shared_strings();
  read_styles();
  for (const auto& [name, id] : sheets) {
    const auto it = targets.find(id);
    if (it == targets.end()) {
      problem(Msg::import_missing_part, {"rel " + id});
      break;
    }
    if (!read_sheet(name, it->second))
      break;
  }
  return std::move(result_);
}

}  // namespace

ReadResult read_xlsx(const std::string& path, const ZipLimits& limits) {
  return Reader(path, limits).read();
}

}  // namespace plan
