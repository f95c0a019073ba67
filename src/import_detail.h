// import_detail.h: (private) the pieces of `plan import` shared by its
// files: the header row, the owners met, one row's cells read.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "plan/import.h"
#include "plan/model.h"

namespace plan::detail {

// How many rows from the top are searched for the header row.
constexpr int kHeaderRows = 20;

// A sheet whose merged ranges read as their first cell everywhere: a
// line's title merged down its activities' rows belongs to each.
struct SheetView {
  const Sheet* sheet = nullptr;
  const Cell& cell(int row, int col) const;
  int width(int row) const;
};

struct HeaderMap {
  int row = 0;
  std::map<Column, int> cols;             // column number, from 1
  std::map<Column, std::string> headers;  // as written
};

HeaderMap find_columns_in_row(const Sheet& sheet, int row,
                              const std::map<Column, std::string>& named);
std::vector<Column> missing_columns(const HeaderMap& h);
std::optional<HeaderMap> find_header(const Sheet& sheet, const std::map<Column, std::string>& named,
                                     std::vector<ImportProblem>* problems);

// The owners met: with a known plan (--owners) its codes and names;
// else each new name gets a code (owner_code_for, then 2, 3... if taken).
class OwnerBook {
 public:
  OwnerBook(const Plan* known, std::string known_file);
  // The code for a name or code; none (and *near, the nearest code, if
  // any) when the known plan has no such owner.
  std::optional<std::string> code_of(const std::string& name, std::string* near);
  const std::vector<Owner>& owners() const { return owners_; }
  const std::string& known_file() const { return known_file_; }
  std::string all_codes() const;
  const Owner* find(const std::string& code) const;

 private:
  std::optional<std::string> known_code(const std::string& name, std::string* near);
  const Plan* known_;
  std::string known_file_;
  std::vector<Owner> owners_;
  std::map<std::string, std::string> by_name_;
  std::set<std::string> taken_;
};

// One data row's cells, read; each cell it cannot read is a problem, and
// marks the row bad.
struct RowReader {
  const SheetView& view;
  const HeaderMap& header;
  int row = 0;
  bool date1904 = false;
  Language lang = Language::es;
  ImportResult* out = nullptr;
  bool bad = false;

  const Cell* cell(Column c) const;  // nullptr: no such column, or empty
  int col(Column c) const;
  void problem(int col, Msg msg, std::vector<std::string> args, std::optional<Msg> hint = {},
               std::vector<std::string> hint_args = {});
  std::string text(Column c);
  std::optional<ParsedDate> date(Column c);
  // none when the cell is empty (the line's owners are the activity's).
  std::optional<OwnerList> owners(Column c, OwnerBook* book);
};

}  // namespace plan::detail
