// import_plan.cpp: a sheet's rows as a plan: the header row, each row's
// cells read, lines and owners gathered, the YAML written by plan_emit.h.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <set>

#include "import_detail.h"
#include "plan/import.h"
#include "plan/query.h"
#include "plan/text.h"
#include "plan_emit.h"

namespace plan {
namespace detail {

namespace {

constexpr Column kRequired[] = {Column::line, Column::title, Column::start, Column::end,
                                Column::lead};

// The value shown in a message: the cell as the spreadsheet shows it.
std::string shown(const Cell& c) {
  if (c.kind == Cell::Kind::number)
    return c.text.empty() ? fmt::format("{}", c.number) : c.text;
  return c.text;
}

std::string trim(std::string_view t) {
  const size_t a = t.find_first_not_of(" \t\r\n");
  if (a == std::string_view::npos)
    return "";
  return std::string(t.substr(a, t.find_last_not_of(" \t\r\n") - a + 1));
}

}  // namespace

// ---------------------------------------------------------------------------
// The header row.

const Cell& SheetView::cell(int row, int col) const {
  for (const MergedRange& m : sheet->merged) {
    if (row >= m.first_row && row <= m.last_row && col >= m.first_col && col <= m.last_col)
      return sheet->at(m.first_row, m.first_col);
  }
  return sheet->at(row, col);
}

int SheetView::width(int row) const {
  return row >= 1 && static_cast<size_t>(row) <= sheet->rows.size()
             ? static_cast<int>(sheet->rows[static_cast<size_t>(row) - 1].size())
             : 0;
}

HeaderMap find_columns_in_row(const Sheet& sheet, int row,
                              const std::map<Column, std::string>& named) {
  HeaderMap h;
  h.row = row;
  const int n = SheetView{&sheet}.width(row);
  for (int col = 1; col <= n; ++col) {
    const Cell& c = sheet.at(row, col);
    if (c.kind != Cell::Kind::text)
      continue;
    const std::string norm = normalize_header(c.text);
    std::optional<Column> which;
    for (const auto& [column, header] : named) {
      if (normalize_header(header) == norm)
        which = column;
    }
    if (!which) {
      which = match_header(c.text);
      if (which && named.count(*which) != 0)
        which.reset();  // --columns names another header for it
    }
    if (which && h.cols.count(*which) == 0) {
      h.cols[*which] = col;
      h.headers[*which] = c.text;
    }
  }
  return h;
}

std::vector<Column> missing_columns(const HeaderMap& h) {
  std::vector<Column> missing;
  for (const Column c : kRequired) {
    if (h.cols.count(c) == 0)
      missing.push_back(c);
  }
  return missing;
}

namespace {

std::string keys_text(const std::vector<Column>& cols) {
  std::vector<std::string> keys;
  for (const Column c : cols) keys.emplace_back(column_key(c));
  return join(keys, ", ");
}

std::string all_keys() {
  std::vector<std::string> keys;
  for (int i = 0; i <= static_cast<int>(Column::weight); ++i)
    keys.emplace_back(column_key(static_cast<Column>(i)));
  return join(keys, ", ");
}

// A merged range across columns of the header row.
std::optional<MergedRange> merged_header(const Sheet& sheet, int row) {
  for (const MergedRange& m : sheet.merged) {
    if (row >= m.first_row && row <= m.last_row && m.last_col > m.first_col)
      return m;
  }
  return std::nullopt;
}

}  // namespace

// The first row among the first kHeaderRows with every needed column; else
// a problem naming what the best row lacks.
std::optional<HeaderMap> find_header(const Sheet& sheet, const std::map<Column, std::string>& named,
                                     std::vector<ImportProblem>* problems) {
  std::optional<HeaderMap> best;
  const int last = std::min<int>(kHeaderRows, static_cast<int>(sheet.rows.size()));
  for (int row = 1; row <= last; ++row) {
    HeaderMap h = find_columns_in_row(sheet, row, named);
    const bool complete = missing_columns(h).empty();
    if (!best || complete || h.cols.size() > best->cols.size())
      best = h;
    if (complete)
      break;
  }
  if (best && best->cols.size() >= 2) {
    if (const std::optional<MergedRange> m = merged_header(sheet, best->row)) {
      problems->push_back({"",
                           0,
                           0,
                           Msg::import_merged_header,
                           {sheet.name + "!" + a1_ref(m->first_row, m->first_col) + ":" +
                            a1_ref(m->last_row, m->last_col)},
                           Msg::hint_import_merged});
      return std::nullopt;
    }
  }
  if (best && missing_columns(*best).empty())
    return best;
  for (const auto& [column, header] : named) {
    if (!best || best->cols.count(column) == 0) {
      problems->push_back({sheet.name,
                           0,
                           0,
                           Msg::import_column_not_found,
                           {header, std::string(column_key(column)), std::to_string(kHeaderRows)}});
      return std::nullopt;
    }
  }
  const std::vector<Column> missing =
      best ? missing_columns(*best)
           : std::vector<Column>(std::begin(kRequired), std::end(kRequired));
  problems->push_back({sheet.name,
                       0,
                       0,
                       Msg::import_no_header,
                       {std::to_string(kHeaderRows), keys_text(missing)},
                       Msg::hint_import_columns,
                       {all_keys()}});
  return std::nullopt;
}

// ---------------------------------------------------------------------------
// Owners.

OwnerBook::OwnerBook(const Plan* known, std::string known_file)
    : known_(known), known_file_(std::move(known_file)) {
  if (known_ != nullptr)
    owners_ = known_->owners;
}

std::optional<std::string> OwnerBook::code_of(const std::string& name, std::string* near) {
  if (known_ != nullptr)
    return known_code(name, near);
  const std::string key = normalize_header(name);
  if (const auto it = by_name_.find(key); it != by_name_.end())
    return it->second;
  const std::string base = owner_code_for(name);
  std::string code = base;
  for (int n = 2; taken_.count(code) != 0; ++n) code = base + std::to_string(n);
  taken_.insert(code);
  by_name_[key] = code;
  Owner o;
  o.code.value = code;
  if (code != name)
    o.name.value = name;
  owners_.push_back(o);
  return code;
}

std::optional<std::string> OwnerBook::known_code(const std::string& name, std::string* near) {
  const std::string key = normalize_header(name);
  std::vector<std::string> candidates;
  for (const Owner& o : known_->owners) {
    if (o.code.value == name || normalize_header(o.code.value) == key ||
        (!o.name.value.empty() && normalize_header(o.name.value) == key))
      return o.code.value;
    candidates.push_back(o.code.value);
    if (!o.name.value.empty())
      candidates.push_back(o.name.value);
  }
  const std::string n = nearest(name, candidates);
  for (const Owner& o : known_->owners) {
    if (!n.empty() && (o.code.value == n || o.name.value == n))
      *near = o.code.value;
  }
  return std::nullopt;
}

std::string OwnerBook::all_codes() const {
  std::vector<std::string> codes;
  for (const Owner& o : owners_) codes.push_back(o.code.value);
  return join(codes, ", ");
}

const Owner* OwnerBook::find(const std::string& code) const {
  for (const Owner& o : owners_) {
    if (o.code.value == code)
      return &o;
  }
  return nullptr;
}

// ---------------------------------------------------------------------------
// One row.

namespace {

std::vector<std::string> split_names(std::string_view text) {
  std::vector<std::string> names;
  std::string cur;
  for (const char c : std::string(text) + ",") {
    if (c == ',' || c == ';' || c == '\n') {
      const std::string t = trim(cur);
      if (!t.empty() && std::find(names.begin(), names.end(), t) == names.end())
        names.push_back(t);
      cur.clear();
    } else {
      cur += c;
    }
  }
  return names;
}

}  // namespace

void RowReader::problem(int col, Msg msg, std::vector<std::string> args, std::optional<Msg> hint,
                        std::vector<std::string> hint_args) {
  out->problems.push_back(
      {view.sheet->name, row, col, msg, std::move(args), hint, std::move(hint_args)});
  bad = true;
}

const Cell* RowReader::cell(Column c) const {
  const auto it = header.cols.find(c);
  if (it == header.cols.end())
    return nullptr;
  const Cell& v = view.cell(row, it->second);
  return v.kind == Cell::Kind::empty ? nullptr : &v;
}

int RowReader::col(Column c) const {
  const auto it = header.cols.find(c);
  return it == header.cols.end() ? 0 : it->second;
}

std::string RowReader::text(Column c) {
  const Cell* v = cell(c);
  if (v == nullptr)
    return "";
  std::string t = v->kind == Cell::Kind::number && v->date_format
                      ? [&] {
                          const std::optional<ParsedDate> d = read_date_cell(*v, date1904);
                          return d ? fmt::format("{:04}-{:02}-{:02}", d->year, d->month, d->day)
                                   : shown(*v);
                        }()
                      : shown(*v);
  t = trim(t);
  const BadChar b = find_bad_char(t, false);
  if (b.problem != CharProblem::none) {
    problem(col(c), Msg::import_bad_text, {fmt::format("{:04X}", static_cast<unsigned>(b.code))});
    return "";
  }
  return t;
}

std::optional<ParsedDate> RowReader::date(Column c) {
  const Cell* v = cell(c);
  if (v == nullptr) {
    problem(col(c), Msg::import_empty_cell, {std::string(text_of(lang, Msg::word_a_date))});
    return std::nullopt;
  }
  std::optional<ParsedDate> d = read_date_cell(*v, date1904);
  if (!d)
    problem(col(c), Msg::import_bad_date, {shown(*v)});
  return d;
}

std::optional<OwnerList> RowReader::owners(Column c, OwnerBook* book) {
  const Cell* v = cell(c);
  if (v == nullptr)
    return std::nullopt;
  OwnerList list;
  list.present = true;
  for (const std::string& name : split_names(text(c))) {
    std::string near;
    const std::optional<std::string> code = book->code_of(name, &near);
    if (!code) {
      const Owner* o = near.empty() ? nullptr : book->find(near);
      if (o != nullptr)
        problem(col(c), Msg::import_unknown_owner, {name, book->known_file()},
                Msg::hint_did_you_mean_owner, {o->code.value, o->name.value});
      else
        problem(col(c), Msg::import_unknown_owner, {name, book->known_file()},
                Msg::hint_import_owners, {book->all_codes()});
      continue;
    }
    Text t;
    t.value = *code;
    list.codes.push_back(t);
  }
  return list;
}

}  // namespace detail
}  // namespace plan
