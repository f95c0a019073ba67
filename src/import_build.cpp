// import_build.cpp: the rows read gathered into lines and activities, and
// the plan written, with a comment at the top that says every choice.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "import_detail.h"
#include "plan/import.h"
#include "plan/text.h"
#include "plan_emit.h"

namespace plan {
namespace detail {
namespace {

struct RowData {
  int row = 0;
  long long line = 0;
  long long id = 0;  // 0: the next in its line
  std::string title, product;
  ParsedDate start, end;
  std::optional<OwnerList> lead, support;
  std::optional<int> progress;
  std::optional<double> weight;
  bool bad = false;
};

struct LineInfo {
  long long id = 0;
  std::string title, objective;
  int first_row = 0;
  std::vector<RowData> rows;
};

std::string codes_key(const OwnerList& l) {
  std::vector<std::string> codes;
  for (const Text& t : l.codes) codes.push_back(t.value);
  return join(codes, ",");
}

// The list most of the rows give (the first of a tie); empty lists count
// only when count_empty.
std::optional<OwnerList> most_common(const std::vector<RowData>& rows,
                                     std::optional<OwnerList> RowData::*field, bool count_empty) {
  std::vector<std::pair<std::string, int>> counts;
  std::optional<OwnerList> best;
  int best_n = 0;
  for (const RowData& r : rows) {
    const OwnerList list = (r.*field).value_or(OwnerList{});
    if (list.codes.empty() && !count_empty)
      continue;
    const std::string key = codes_key(list);
    auto it =
        std::find_if(counts.begin(), counts.end(), [&](const auto& p) { return p.first == key; });
    if (it == counts.end())
      it = counts.insert(counts.end(), {key, 0});
    if (++it->second > best_n) {
      best_n = it->second;
      best = list;
    }
  }
  return best;
}

bool english_header(const std::string& h) {
  static const std::vector<std::string_view> kEnglish = {
      "line",           "line title", "line name",
      "strategic line", "objective",  "strategic objective",
      "activity",       "activities", "activity title",
      "task",           "lead",       "owner",
      "responsible",    "support",    "start date",
      "start",          "end date",   "end",
      "due date",       "product",    "deliverable",
      "goal",           "progress",   "progress percent",
      "weight",         "number"};
  return std::find(kEnglish.begin(), kEnglish.end(), normalize_header(h)) != kEnglish.end();
}

Language header_language(const HeaderMap& h) {
  int en = 0, es = 0;
  for (const auto& [column, header] : h.headers) {
    if (column == Column::id)
      continue;
    (english_header(header) ? en : es)++;
  }
  return en > es ? Language::en : Language::es;
}

// A file name's stem as a plan id: a-z, 0-9 and '-'.
std::string id_from(const std::string& path) {
  std::string stem = path.substr(path.find_last_of('/') + 1);
  stem = stem.substr(0, stem.find('.'));
  std::string id;
  for (const char c : normalize_header(stem)) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (ok)
      id += c;
    else if (!id.empty() && id.back() != '-')
      id += '-';
  }
  while (!id.empty() && id.back() == '-') id.pop_back();
  return id.empty() ? "imported" : id;
}

// Text from a spreadsheet inside a comment: one line, no controls.
std::string comment_safe(std::string_view t) {
  std::string out;
  for (const char c : t) out += static_cast<unsigned char>(c) < 0x20 || c == 0x7F ? ' ' : c;
  return out;
}

class Builder {
 public:
  Builder(const Workbook& book, const Sheet& sheet, const HeaderMap& header,
          const ImportOptions& opts, ImportResult* out)
      : book_(book),
        view_{&sheet},
        header_(header),
        opts_(opts),
        out_(out),
        owners_(opts.owners, opts.owners_file) {}

  void read_rows();
  void finish_lines();
  std::string text() const;

 private:
  bool read_line(RowReader& r, RowData* d);
  LineInfo& line_with(long long id, const std::string& title, int row);
  void read_id(RowReader& r, RowData* d);
  void read_numbers(RowReader& r, RowData* d);
  void assign_ids(LineInfo& line);
  Plan build_plan() const;
  std::string comment(const Plan& plan) const;
  std::string left_out_comment() const;

  const Workbook& book_;
  SheetView view_;
  const HeaderMap& header_;
  const ImportOptions& opts_;
  ImportResult* out_;
  OwnerBook owners_;
  std::vector<LineInfo> lines_;
  long long current_line_ = 0;
  std::vector<int> left_out_;
};

LineInfo& Builder::line_with(long long id, const std::string& title, int row) {
  for (LineInfo& l : lines_) {
    if (l.id == id) {
      if (l.title.empty())
        l.title = title;
      return l;
    }
  }
  LineInfo l;
  l.id = id;
  l.title = title;
  l.first_row = row;
  lines_.push_back(l);
  return lines_.back();
}

// The line cell: a number, "1. Title", or a title alone (numbered in
// order); empty, the row above's line.
bool Builder::read_line(RowReader& r, RowData* d) {
  std::string title = r.text(Column::line_title);
  const std::string cell = r.text(Column::line);
  if (cell.empty()) {
    if (current_line_ == 0) {
      r.problem(r.col(Column::line), Msg::import_empty_cell,
                {std::string(text_of(out_->lang, Msg::word_a_line))});
      return false;
    }
    d->line = current_line_;
    line_with(d->line, title, r.row);
    return true;
  }
  size_t digits = 0;
  while (digits < cell.size() && std::isdigit(static_cast<unsigned char>(cell[digits]))) ++digits;
  long long id = 0;
  if (digits > 0 && digits <= 6) {
    std::string rest = cell.substr(digits);
    // "1. Title", "1) Title", "1 - Title": a mark after the number ("2021
    // Plan" is a title, not line 2021).
    const size_t t = rest.find_first_not_of(".)-: \t");
    const bool marked = t != std::string::npos && t > 0 &&
                        rest.substr(0, t).find_first_of(".)-:") != std::string::npos;
    if (rest.empty() || marked) {
      id = std::stoll(cell.substr(0, digits));
      if (title.empty() && !rest.empty())
        title = rest.substr(t);
    }
  }
  if (id == 0) {
    if (title.empty())
      title = cell;
    for (const LineInfo& l : lines_) {
      if (l.title == cell)
        id = l.id;
    }
    if (id == 0) {
      for (const LineInfo& l : lines_) id = std::max(id, l.id);
      ++id;
    }
  }
  d->line = current_line_ = id;
  line_with(id, title, r.row);
  return true;
}

void Builder::read_id(RowReader& r, RowData* d) {
  const std::string t = r.text(Column::id);
  if (t.empty())
    return;
  const size_t dot = t.find('.');
  const std::string a = dot == std::string::npos ? t : t.substr(dot + 1);
  const std::string l = dot == std::string::npos ? "" : t.substr(0, dot);
  const auto number = [](const std::string& s) {
    return !s.empty() && s.size() <= 6 &&
                   std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; })
               ? std::stoll(s)
               : 0LL;
  };
  if (number(a) == 0 || (dot != std::string::npos && number(l) != d->line)) {
    r.problem(r.col(Column::id), Msg::import_bad_id, {t, std::to_string(d->line)});
    return;
  }
  d->id = number(a);
}

void Builder::read_numbers(RowReader& r, RowData* d) {
  if (const Cell* c = r.cell(Column::progress)) {
    d->progress = read_percent_cell(*c);
    if (!d->progress)
      r.problem(r.col(Column::progress), Msg::import_bad_percent, {r.text(Column::progress)});
  }
  if (const Cell* c = r.cell(Column::weight)) {
    std::string t =
        c->kind == Cell::Kind::number ? fmt::format("{}", c->number) : r.text(Column::weight);
    std::replace(t.begin(), t.end(), ',', '.');
    char* end = nullptr;
    const double w = std::strtod(t.c_str(), &end);
    if (t.empty() || *end != '\0' || !(w > 0) || w > 1e6)
      r.problem(r.col(Column::weight), Msg::import_bad_weight, {r.text(Column::weight)});
    else
      d->weight = w;
  }
}

void Builder::read_rows() {
  const int last = static_cast<int>(view_.sheet->rows.size());
  for (int row = header_.row + 1; row <= last; ++row) {
    RowReader r{view_, header_, row, book_.date1904, out_->lang, out_, false};
    RowData d;
    d.row = row;
    const bool activity = r.cell(Column::title) || r.cell(Column::start) || r.cell(Column::end) ||
                          r.cell(Column::lead);
    if (!activity && !r.cell(Column::line))
      continue;  // a blank row
    if (!read_line(r, &d) || !activity)
      continue;
    LineInfo* line = &line_with(d.line, "", row);
    if (const std::string o = r.text(Column::objective); !o.empty() && line->objective.empty())
      line->objective = o;
    read_id(r, &d);
    d.title = r.text(Column::title);
    if (d.title.empty() && r.cell(Column::title) == nullptr)
      r.problem(r.col(Column::title), Msg::import_empty_cell,
                {std::string(text_of(out_->lang, Msg::word_a_title))});
    const std::optional<ParsedDate> start = r.date(Column::start);
    const std::optional<ParsedDate> end = r.date(Column::end);
    if (start && end && end->last() < start->first())
      r.problem(r.col(Column::end), Msg::import_end_before_start,
                {fmt::format("{}", end->last()), fmt::format("{}", start->first())});
    d.start = start.value_or(ParsedDate{});
    d.end = end.value_or(ParsedDate{});
    d.product = r.text(Column::product);
    d.lead = r.owners(Column::lead, &owners_);
    d.support = r.owners(Column::support, &owners_);
    read_numbers(r, &d);
    d.bad = r.bad;
    line->rows.push_back(d);
  }
}

void Builder::assign_ids(LineInfo& line) {
  std::map<long long, int> seen;  // id -> row
  long long next = 1;
  for (const RowData& d : line.rows) next = std::max(next, d.id + 1);
  for (RowData& d : line.rows) {
    if (d.id == 0)
      d.id = next++;
    const auto [it, fresh] = seen.emplace(d.id, d.row);
    if (!fresh) {
      out_->problems.push_back(
          {view_.sheet->name,
           d.row,
           header_.cols.count(Column::id) != 0 ? header_.cols.at(Column::id) : 0,
           Msg::import_duplicate_activity,
           {fmt::format("{}.{}", line.id, d.id), std::to_string(it->second)}});
      d.bad = true;
    }
  }
}

void Builder::finish_lines() {
  for (LineInfo& line : lines_) {
    assign_ids(line);
    if (opts_.partial) {
      for (const RowData& d : line.rows) {
        if (d.bad)
          left_out_.push_back(d.row);
      }
      line.rows.erase(std::remove_if(line.rows.begin(), line.rows.end(),
                                     [](const RowData& d) { return d.bad; }),
                      line.rows.end());
    }
    if (!line.rows.empty() && !most_common(line.rows, &RowData::lead, false)) {
      out_->problems.push_back({view_.sheet->name,
                                line.rows.front().row,
                                header_.cols.at(Column::lead),
                                Msg::import_no_lead,
                                {std::to_string(line.id)}});
    }
  }
  lines_.erase(
      std::remove_if(lines_.begin(), lines_.end(),
                     [&](const LineInfo& l) {
                       return l.rows.empty() ||
                              (opts_.partial && !most_common(l.rows, &RowData::lead, false));
                     }),
      lines_.end());
  std::sort(left_out_.begin(), left_out_.end());
  out_->rows_left_out = static_cast<int>(left_out_.size());
  for (const LineInfo& l : lines_) out_->rows_read += static_cast<int>(l.rows.size());
  out_->lines_read = static_cast<int>(lines_.size());
}

Activity activity_of(const RowData& d, const OwnerList& lead, const OwnerList& support) {
  Activity a;
  a.id.value = d.id;
  a.title.value = d.title;
  a.start.date = d.start;
  a.end.date = d.end;
  a.product.value = d.product;
  if (d.lead && !d.lead->codes.empty() && codes_key(*d.lead) != codes_key(lead))
    a.lead = *d.lead;
  const OwnerList own_support = d.support.value_or(OwnerList{});
  if (codes_key(own_support) != codes_key(support)) {
    a.support = own_support;
    a.support.present = true;
  }
  if (d.progress) {
    a.progress.value = *d.progress;
    a.progress.pos.line = d.row;
  }
  if (d.weight && *d.weight != 1) {  // 1 is the default
    a.weight.value = *d.weight;
    a.weight.pos.line = d.row;
  }
  return a;
}

Plan Builder::build_plan() const {
  Plan p;
  p.language = out_->lang;
  p.owners = owners_.owners();
  int first = 9999, last = 0;
  for (const LineInfo& l : lines_) {
    Line line;
    line.id.value = l.id;
    line.title.value = !l.title.empty()
                           ? l.title
                           : fmt::format("{} {}", text_of(out_->lang, Msg::label_line), l.id);
    line.objective.value = l.objective;
    line.lead = most_common(l.rows, &RowData::lead, false).value_or(OwnerList{});
    line.support = most_common(l.rows, &RowData::support, true).value_or(OwnerList{});
    line.support.present = !line.support.codes.empty();
    for (const RowData& d : l.rows) {
      line.activities.push_back(activity_of(d, line.lead, line.support));
      first = std::min(first, d.start.year);
      last = std::max(last, d.end.year);
    }
    p.lines.push_back(line);
  }
  if (last == 0)
    first = last = 2000;
  p.period_start.date = ParsedDate{first, 1, 0, DatePrecision::month};
  p.period_end.date = ParsedDate{last, 12, 0, DatePrecision::month};
  return p;
}

std::string column_list(const HeaderMap& h) {
  std::vector<std::string> parts;
  for (const auto& [column, col] : h.cols) {
    parts.push_back(fmt::format("{}={} \"{}\"", column_key(column), a1_ref(h.row, col),
                                comment_safe(h.headers.at(column))));
  }
  return join(parts, ", ");
}

std::string wrapped(const std::string& text, const std::string& first, const std::string& pad) {
  std::string out = first;
  size_t width = first.size();
  size_t at = 0;
  while (at < text.size()) {
    size_t sp = text.find(' ', at);
    if (sp == std::string::npos)
      sp = text.size();
    const std::string word = text.substr(at, sp - at);
    if (width + 1 + word.size() > 78 && width > pad.size()) {
      out += "\n" + pad;
      width = pad.size();
    } else if (width > first.size() || first.back() != ' ') {
      out += " ";
      ++width;
    }
    out += word;
    width += word.size();
    at = sp + 1;
  }
  return out + "\n";
}

std::string Builder::comment(const Plan& plan) const {
  const bool es = out_->lang == Language::es;
  std::string src = comment_safe(opts_.source);
  std::string read = es ? fmt::format("de la hoja '{}' de {}", comment_safe(out_->sheet), src)
                        : fmt::format("from sheet '{}' of {}", comment_safe(out_->sheet), src);
  if (!book_.encoding.empty())
    read += fmt::format(es ? " (CSV en {}, separador '{}')" : " (CSV in {}, separator '{}')",
                        book_.encoding,
                        book_.separator == '\t' ? "tab" : std::string(1, book_.separator));
  std::string out = "# yaml-language-server: $schema=plan.schema.json\n#\n";
  out += es ? "# Plan importado con\n" : "# Plan imported by\n";
  out += "#   plan import " + src + " --output " + comment_safe(opts_.output) + "\n";
  out += wrapped(read + ".", "# ", "#   ");
  out += wrapped((es ? "Columnas: " : "Columns: ") + column_list(header_) + ".", "# ", "#   ");
  out += es ? "# Lo que se decidió:\n" : "# What was decided:\n";
  const auto item = [&out](const std::string& t) { out += wrapped(t, "# -", "#   "); };
  item(es ? fmt::format("id {}{}; título \"{}\".", plan.id.value,
                        opts_.id.empty() ? " (del nombre del archivo de salida)" : "",
                        comment_safe(plan.title.value))
          : fmt::format("id {}{}; title \"{}\".", plan.id.value,
                        opts_.id.empty() ? " (from the output file's name)" : "",
                        comment_safe(plan.title.value)));
  item(es ? "vigencia: los años completos de la primera fecha de inicio a la última de fin."
          : "period: the whole years from the first start date to the last end date.");
  if (opts_.owners != nullptr)
    item(es ? "responsables: los de " + comment_safe(opts_.owners_file) +
                  " (--owners); cada celda nombra un código o un nombre de ellos."
            : "owners: those of " + comment_safe(opts_.owners_file) +
                  " (--owners); each cell names one of their codes or names.");
  else
    item(es ? "responsables: cada nombre distinto es uno, con un código de las iniciales de sus "
              "palabras sin 'de', 'la', 'y'... (4 letras si es una sola palabra; 2, 3... si se "
              "repite); un nombre que ya parece un código (SG) se deja. Revise códigos y nombres."
            : "owners: each distinct name is one, coded by the initials of its words but 'of', "
              "'the', 'and'... (4 letters for a single word; 2, 3... when taken); a name that "
              "already looks like a code (SG) is kept. Check the codes and names.");
  item(es ? "varios responsables en una celda van separados por ',', ';' o un salto de línea; el "
            "líder y el apoyo de cada línea son los más frecuentes de sus actividades, y una "
            "actividad con otros tiene los suyos; un líder vacío es el de la línea."
          : "several owners in a cell are separated by ',', ';' or a line break; each line's lead "
            "and support are the ones most of its activities have, and an activity with others "
            "has its own; an empty lead is the line's.");
  item(es ? "fechas: celdas de fecha o números de serie de Excel, AAAA-MM-DD, DD/MM/AAAA (el día "
            "primero) o AAAA-MM (un mes entero, que se deja como mes)."
          : "dates: date cells or Excel serial numbers, YYYY-MM-DD, DD/MM/YYYY (day first) or "
            "YYYY-MM (a whole month, kept as a month).");
  item(es ? "avance: '45%' es 45; un número con formato de porcentaje, o con decimales y a lo "
            "más 1 ('0,45'), es una fracción; otro número es el porcentaje ('45'). Queda como "
            "progress, sin seguimiento (updates)."
          : "progress: '45%' is 45; a number with a percent format, or with decimals and at most "
            "1 ('0.45'), is a fraction; any other number is the percentage ('45'). It is written "
            "as progress, with no updates.");
  return out;
}

// The rows --partial left out, as the comment's last item.
std::string Builder::left_out_comment() const {
  if (left_out_.empty())
    return "";
  const bool es = out_->lang == Language::es;
  std::vector<std::string> rows;
  for (const int r : left_out_) rows.push_back(std::to_string(r));
  return wrapped((es ? "omitidas (--partial), por celdas que no se pudieron leer: filas "
                     : "left out (--partial), for cells that could not be read: rows ") +
                     join(rows, ", ") + ".",
                 "# -", "#   ");
}

std::string Builder::text() const {
  Plan plan = build_plan();
  RolloverValues values;
  const std::string id = opts_.id.empty() ? id_from(opts_.output) : opts_.id;
  values.title = opts_.title;
  if (values.title.empty()) {
    const std::string base = opts_.source.substr(opts_.source.find_last_of('/') + 1);
    values.title = (out_->lang == Language::es ? "Plan importado de " : "Plan imported from ") +
                   comment_safe(base);
  }
  plan.id.value = id;
  plan.title.value = values.title;
  std::string out = comment(plan) + left_out_comment();
  emit_plan_key(plan, values, id, 0, &out);
  out += "\n";
  emit_owners(plan, &out);
  out += "\nlines:\n";
  for (const Line& line : plan.lines) emit_line(line, 0, true, &out);
  return out;
}

const Sheet* choose_sheet(const Workbook& book, const ImportOptions& opts, ImportResult* out,
                          std::optional<HeaderMap>* header) {
  std::vector<std::string> names;
  for (const Sheet& s : book.sheets) names.push_back(s.name);
  if (!opts.sheet.empty()) {
    for (const Sheet& s : book.sheets) {
      if (s.name == opts.sheet) {
        *header = find_header(s, opts.columns, &out->problems);
        return &s;
      }
    }
    out->problems.push_back({"",
                             0,
                             0,
                             Msg::import_unknown_sheet,
                             {opts.sheet},
                             Msg::hint_import_sheets,
                             {join(names, ", ")}});
    return nullptr;
  }
  std::vector<ImportProblem> first_problems;
  for (const Sheet& s : book.sheets) {
    std::vector<ImportProblem> problems;
    *header = find_header(s, opts.columns, &problems);
    if (*header)
      return &s;
    if (&s == &book.sheets.front())
      first_problems = problems;
  }
  out->problems.insert(out->problems.end(), first_problems.begin(), first_problems.end());
  return nullptr;
}

}  // namespace
}  // namespace detail

ImportResult import_plan(const Workbook& book, const ImportOptions& options) {
  ImportResult out;
  if (book.sheets.empty()) {
    out.problems.push_back({"", 0, 0, Msg::import_no_sheet, {}});
    return out;
  }
  std::optional<detail::HeaderMap> header;
  const Sheet* sheet = detail::choose_sheet(book, options, &out, &header);
  if (sheet == nullptr || !header)
    return out;
  out.sheet = sheet->name;
  out.lang = options.lang.value_or(detail::header_language(*header));
  detail::Builder b(book, *sheet, *header, options, &out);
  b.read_rows();
  b.finish_lines();
  if (out.rows_read == 0 && out.problems.empty()) {
    out.problems.push_back({sheet->name, 0, 0, Msg::import_no_rows, {sheet->name}});
    return out;
  }
  if (out.problems.empty() || (options.partial && out.rows_read > 0))
    out.text = b.text();
  return out;
}

}  // namespace plan
