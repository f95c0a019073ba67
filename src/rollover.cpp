// rollover.cpp: `plan init --from`, last year's plan as a new year's, in
// block-style YAML written from the model.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <string>
#include <vector>

#include "plan/date.h"
#include "plan/edit.h"
#include "plan/goal.h"
#include "plan/init.h"
#include "plan_emit.h"

namespace plan {
namespace detail {

constexpr size_t kWidth = 79;

// A long plain text as a folded block scalar (`>-`) broken at single
// spaces, as the hand-written plans are; else yaml_scalar's form. Only
// plain texts are folded: they have no line breaks or edge spaces, so
// folding reads back exactly (a break at one space between two words).
std::string folded(const std::string& text, size_t indent) {
  const std::string plain = yaml_scalar(text, false);
  if (indent + plain.size() <= kWidth || plain.empty() || plain[0] == '"' || plain[0] == '\'')
    return plain;
  const std::string pad(indent + 2, ' ');
  std::string out = ">-";
  size_t start = 0;
  while (start < text.size()) {
    size_t cut = text.size();
    if (pad.size() + (text.size() - start) > kWidth) {
      cut = std::string::npos;
      for (size_t i = start + 1; i + 1 < text.size() && pad.size() + (i - start) <= kWidth; ++i) {
        if (text[i] == ' ' && text[i - 1] != ' ' && text[i + 1] != ' ')
          cut = i;
      }
      if (cut == std::string::npos)
        cut = text.size();  // one long word: left whole
    }
    out += "\n" + pad + text.substr(start, cut - start);
    start = cut == text.size() ? cut : cut + 1;
  }
  return out;
}

std::string q(const Text& text) { return yaml_scalar(text.value, false); }
std::string qf(const Text& text) { return yaml_scalar(text.value, true); }

// The date `years` later, written as it was (a month stays a month).
std::string shifted(const ParsedDate& d, int years) {
  const int year = d.year + years;
  if (d.precision == DatePrecision::month)
    return fmt::format("{:04}-{:02}", year, d.month);
  const int day = std::min(d.day, days_in_month(year, d.month));
  return fmt::format("{:04}-{:02}-{:02}", year, d.month, day);
}

std::string owner_list(const OwnerList& list) {
  std::vector<std::string> codes;
  for (const Text& t : list.codes) codes.push_back(qf(t));
  return fmt::format("[{}]", fmt::join(codes, ", "));
}

std::string number(double value) { return fmt::format("{}", value); }

// Replaces the last whole occurrence of the year in text; false if none.
bool replace_year(std::string* text, int from, int to) {
  const std::string old = std::to_string(from);
  const size_t at = text->rfind(old);
  if (at == std::string::npos)
    return false;
  text->replace(at, old.size(), std::to_string(to));
  return true;
}

void emit_owners(const Plan& old, std::string* out) {
  *out += old.owners.empty() ? "owners: {}\n" : "owners:\n";
  for (const Owner& o : old.owners) {
    std::vector<std::string> keys;
    if (!o.name.value.empty())
      keys.push_back("name: " + qf(o.name));
    if (!o.parent.value.empty())
      keys.push_back("parent: " + qf(o.parent));
    if (o.external)
      keys.push_back("external: true");
    *out += fmt::format("  {}: {{{}}}\n", qf(o.code), fmt::join(keys, ", "));
  }
}

void emit_goal(const Activity& a, int years, std::string* out) {
  if (a.goal->present) {
    *out += "        goal:\n          indicator: " + q(a.goal->indicator) + "\n";
    if (!a.goal->unit.value.empty())
      *out += "          unit: " + q(a.goal->unit) + "\n";
    *out += "          target: " + number(a.goal->target.value) + "\n";
    *out += fmt::format("          kind: {}\n", goal_kind_word(a.goal->kind));
  }
  if (a.programme.empty())
    return;
  *out += "        programme:\n";
  for (const Milestone& m : a.programme) {
    const std::string amount = m.value.pos.known() ? "value: " + number(m.value.value)
                                                   : fmt::format("progress: {}", m.progress.value);
    *out += fmt::format("          - {{by: {}, {}}}\n", shifted(m.by.date, years), amount);
  }
}

void emit_activity(const Activity& a, int years, bool with_progress, std::string* out) {
  *out += fmt::format("      - id: {}\n", a.id.value);
  *out += "        title: " + folded(a.title.value, 8) + "\n";
  *out += "        start: " + shifted(a.start.date, years) + "\n";
  *out += "        end: " + shifted(a.end.date, years) + "\n";
  if (!a.product.value.empty())
    *out += "        product: " + folded(a.product.value, 8) + "\n";
  if (!a.deliverables.empty())
    *out += "        deliverables:\n";
  for (const Deliverable& d : a.deliverables) {
    std::vector<std::string> keys;
    if (!d.name.value.empty())
      keys.push_back("name: " + qf(d.name));
    if (!d.owner.value.empty())
      keys.push_back("owner: " + qf(d.owner));
    if (d.count.pos.known())
      keys.push_back(fmt::format("count: {}", d.count.value));
    *out += fmt::format("          - {{{}}}\n", fmt::join(keys, ", "));
  }
  if (a.lead.present)
    *out += "        lead: " + owner_list(a.lead) + "\n";
  if (a.support.present)
    *out += "        support: " + owner_list(a.support) + "\n";
  if (a.weight.pos.known())
    *out += "        weight: " + number(a.weight.value) + "\n";
  if (with_progress && a.progress.pos.known())
    *out += fmt::format("        progress: {}\n", a.progress.value);
  emit_goal(a, years, out);
}

void emit_line(const Line& line, int years, bool with_progress, std::string* out) {
  *out += fmt::format("  - id: {}\n", line.id.value);
  *out += "    title: " + folded(line.title.value, 4) + "\n";
  if (!line.objective.value.empty())
    *out += "    objective: " + folded(line.objective.value, 4) + "\n";
  *out += "    lead: " + owner_list(line.lead) + "\n";
  if (line.support.present)
    *out += "    support: " + owner_list(line.support) + "\n";
  if (!line.product.value.empty())
    *out += "    product: " + folded(line.product.value, 4) + "\n";
  *out += line.activities.empty() ? "    activities: []\n" : "    activities:\n";
  for (const Activity& a : line.activities) emit_activity(a, years, with_progress, out);
}

}  // namespace detail
namespace {

// The comment block that says every choice, in the plan's language.
std::string header(const Plan& old, const RolloverValues& v, const std::string& id, int years) {
  const bool es = old.language.value_or(Language::es) == Language::es;
  const int from = old.period_start.date.year;
  constexpr std::string_view kEs =
      "# yaml-language-server: $schema=plan.schema.json\n#\n"
      "# Plan creado con\n#   plan init --from {0} --year {1}\n# Lo que se decidió:\n"
      "# - id nuevo: {2} (el anterior: {3}); el año {4} del título\n#   pasa a {1}.\n"
      "# - la vigencia, las fechas de inicio y fin de cada actividad y las de su\n"
      "#   programación se corren {5} año(s), con el mismo mes y día (un 29 de\n"
      "#   febrero pasa al 28); una fecha escrita como mes sigue siendo un mes.\n"
      "# - dependencias, líneas, objetivos, líderes, apoyos, productos,\n"
      "#   entregables, pesos y metas, iguales a los del plan anterior.\n"
      "# - avance, seguimiento (updates), estados y revisiones, borrados: el\n"
      "#   plan empieza en cero. Los comentarios del archivo anterior no se copian.\n"
      "# - las mismas dependencias, aun la que solo revisaba o reportaba: hasta su\n"
      "#   primera revisión, plan validate avisa que no se usa (unused-owner).\n"
      "# El esquema para el editor: plan schema > plan.schema.json\n";
  constexpr std::string_view kEn =
      "# yaml-language-server: $schema=plan.schema.json\n#\n"
      "# Plan created by\n#   plan init --from {0} --year {1}\n# What was decided:\n"
      "# - a new id: {2} (the old one: {3}); the year {4} in the title\n#   becomes {1}.\n"
      "# - the period, every activity's start and end and its programme's dates\n"
      "#   move {5} year(s), keeping month and day (29 February becomes the\n"
      "#   28th); a date written as a month stays a month.\n"
      "# - owners, lines, objectives, leads, supports, products, deliverables,\n"
      "#   weights and goals are the old plan's.\n"
      "# - progress, updates, statuses and reviews are cleared: the plan starts\n"
      "#   at zero. The old file's comments are not copied.\n"
      "# - the same owners, even one that only reviewed or reported: until its\n"
      "#   first review, plan validate warns that it is unused (unused-owner).\n"
      "# The schema for the editor: plan schema > plan.schema.json\n";
  return fmt::format(fmt::runtime(es ? kEs : kEn), v.source_file, v.year, id, old.id.value, from,
                     years);
}

}  // namespace

void detail::emit_plan_key(const Plan& old, const RolloverValues& v, const std::string& id,
                           int years, std::string* out) {
  std::string title = v.title;
  if (title.empty()) {
    title = old.title.value;
    replace_year(&title, old.period_start.date.year, v.year);
  }
  *out += "version: 1\nplan:\n  id: " + yaml_scalar(id, false) + "\n";
  *out += "  title: " + yaml_scalar(title, false) + "\n";
  if (!old.entity.value.empty())
    *out += "  entity: " + q(old.entity) + "\n";
  *out += fmt::format("  period: {{start: {}, end: {}}}\n", shifted(old.period_start.date, years),
                      shifted(old.period_end.date, years));
  if (old.language)
    *out += fmt::format("  language: {}\n", *old.language == Language::es ? "es" : "en");
  if (!old.objective.value.empty())
    *out += "  objective: " + folded(old.objective.value, 2) + "\n";
  if (old.green.pos.known() || old.yellow.pos.known())
    *out +=
        fmt::format("  thresholds: {{green: {}, yellow: {}}}\n", old.green.value, old.yellow.value);
}

std::string default_rollover_id(const Plan& old, int year) {
  std::string id = old.id.value;
  if (detail::replace_year(&id, old.period_start.date.year, year))
    return id;
  return fmt::format("{}-{}", old.id.value, year);
}

std::string rollover_plan(const Plan& old, const RolloverValues& values) {
  const int years = values.year - old.period_start.date.year;
  const std::string id = values.id.empty() ? default_rollover_id(old, values.year) : values.id;
  std::string out = header(old, values, id, years);
  detail::emit_plan_key(old, values, id, years, &out);
  out += "\n";
  detail::emit_owners(old, &out);
  out += "\nlines:\n";
  for (const Line& line : old.lines) detail::emit_line(line, years, false, &out);
  return out;
}

}  // namespace plan
