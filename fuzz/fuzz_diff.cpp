// fuzz_diff.cpp: plan's loader read against libyaml's, in process (issue 13).
//
// The input is the text of a plan file. It is parsed by libyaml (the
// reference reader, a test-only dependency) and by load_plan_text, and the
// run traps when
//   - plan loads without errors a text that libyaml refuses, or
//   - libyaml reads a plan-shaped document (a mapping with version, plan and
//     lines) and plan loads it without errors but reads another value for a
//     scalar that is cheap to compare: the plan's id, title and period, and
//     each line's and activity's id and title, an activity's dates and
//     progress, and each update's date, progress and note, or
//   - plan refuses such a document without a positioned error.
// Values are compared as the format reads them: a text loses its final line
// breaks (docs/format.en.md), a null (~, null, nothing) is "not written", a
// date is compared as text (libyaml does not resolve it), an integer only
// when libyaml has it as plain decimal digits (YAML 1.1 spellings such as
// 0x1F or 1_0 are reported by the reading differential instead).
#include <yaml.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "plan/load.h"

namespace {

// A libyaml document that frees itself.
struct Document {
  yaml_document_t doc{};
  bool loaded = false;
  ~Document() {
    if (loaded)
      yaml_document_delete(&doc);
  }
  yaml_node_t* node(int index) { return yaml_document_get_node(&doc, index); }
};

// Parses one document; false when libyaml refuses the text or it holds more
// than one document (the format allows one).
bool libyaml_reads(const std::string& text, Document* out) {
  yaml_parser_t parser;
  if (yaml_parser_initialize(&parser) == 0)
    std::abort();
  yaml_parser_set_input_string(&parser, reinterpret_cast<const unsigned char*>(text.data()),
                               text.size());
  bool ok = yaml_parser_load(&parser, &out->doc) != 0;
  out->loaded = ok;
  if (ok) {
    Document next;
    ok = yaml_parser_load(&parser, &next.doc) != 0;
    next.loaded = ok;
    ok = ok && yaml_document_get_root_node(&next.doc) == nullptr;
  }
  yaml_parser_delete(&parser);
  return ok;
}

std::string_view scalar(yaml_node_t* n) {
  return {reinterpret_cast<const char*>(n->data.scalar.value), n->data.scalar.length};
}

// The value of key in mapping m, or nullptr.
yaml_node_t* get(Document& d, yaml_node_t* m, std::string_view key) {
  if (m == nullptr || m->type != YAML_MAPPING_NODE)
    return nullptr;
  for (yaml_node_pair_t* p = m->data.mapping.pairs.start; p < m->data.mapping.pairs.top; ++p) {
    yaml_node_t* k = d.node(p->key);
    if (k != nullptr && k->type == YAML_SCALAR_NODE && scalar(k) == key)
      return d.node(p->value);
  }
  return nullptr;
}

std::vector<yaml_node_t*> items(Document& d, yaml_node_t* s) {
  std::vector<yaml_node_t*> out;
  if (s == nullptr || s->type != YAML_SEQUENCE_NODE)
    return out;
  for (yaml_node_item_t* i = s->data.sequence.items.start; i < s->data.sequence.items.top; ++i)
    out.push_back(d.node(*i));
  return out;
}

bool is_null(yaml_node_t* n) {
  if (n == nullptr)
    return true;
  if (n->type != YAML_SCALAR_NODE || n->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
    return false;
  const std::string_view v = scalar(n);
  return v.empty() || v == "~" || v == "null" || v == "Null" || v == "NULL";
}

std::string_view strip_breaks(std::string_view s) {
  while (!s.empty() && s.back() == '\n') s.remove_suffix(1);
  return s;
}

// A text field: equal when libyaml's scalar (or its absence) is plan's text.
void same_text(yaml_node_t* n, const plan::Text& t) {
  if (n != nullptr && n->type != YAML_SCALAR_NODE)
    return;  // a wrong type, which plan must have refused
  const std::string_view want = is_null(n) ? std::string_view() : strip_breaks(scalar(n));
  if (want != strip_breaks(t.value))
    __builtin_trap();
}

bool plain_digits(yaml_node_t* n) {
  if (n == nullptr || n->type != YAML_SCALAR_NODE ||
      n->data.scalar.style != YAML_PLAIN_SCALAR_STYLE || n->data.scalar.length == 0 ||
      n->data.scalar.length > 9)
    return false;
  for (char c : scalar(n))
    if (c < '0' || c > '9')
      return false;
  return true;
}

void same_int(yaml_node_t* n, long long value) {
  if (plain_digits(n) && std::stoll(std::string(scalar(n))) != value)
    __builtin_trap();
}

// A date: libyaml's text, when it has the format's shape, is what plan read.
void same_date(yaml_node_t* n, const plan::DateValue& d) {
  if (n == nullptr || n->type != YAML_SCALAR_NODE || !d.ok)
    return;
  const std::string_view v = scalar(n);
  const bool month = v.size() == 7, day = v.size() == 10;
  if (!month && !day)
    return;
  char text[16];
  std::snprintf(text, sizeof text, day ? "%04d-%02d-%02d" : "%04d-%02d", d.date.year, d.date.month,
                d.date.day);
  if (v != text)
    __builtin_trap();
}

void compare_activity(Document& doc, yaml_node_t* n, const plan::Activity& a) {
  same_int(get(doc, n, "id"), a.id.value);
  same_text(get(doc, n, "title"), a.title);
  same_date(get(doc, n, "start"), a.start);
  same_date(get(doc, n, "end"), a.end);
  if (get(doc, n, "progress") != nullptr && !is_null(get(doc, n, "progress")))
    same_int(get(doc, n, "progress"), a.progress.value);
  const std::vector<yaml_node_t*> ups = items(doc, get(doc, n, "updates"));
  if (ups.size() != a.updates.size())
    __builtin_trap();
  for (size_t i = 0; i < ups.size(); ++i) {
    same_date(get(doc, ups[i], "date"), a.updates[i].date);
    same_int(get(doc, ups[i], "progress"), a.updates[i].progress.value);
    same_text(get(doc, ups[i], "note"), a.updates[i].note);
  }
}

void compare(Document& doc, yaml_node_t* root, const plan::Plan& p) {
  yaml_node_t* head = get(doc, root, "plan");
  same_text(get(doc, head, "id"), p.id);
  same_text(get(doc, head, "title"), p.title);
  yaml_node_t* period = get(doc, head, "period");
  same_date(get(doc, period, "start"), p.period_start);
  same_date(get(doc, period, "end"), p.period_end);
  const std::vector<yaml_node_t*> lines = items(doc, get(doc, root, "lines"));
  if (lines.size() != p.lines.size())
    __builtin_trap();
  for (size_t i = 0; i < lines.size(); ++i) {
    const plan::Line& line = p.lines[i];
    same_int(get(doc, lines[i], "id"), line.id.value);
    same_text(get(doc, lines[i], "title"), line.title);
    const std::vector<yaml_node_t*> acts = items(doc, get(doc, lines[i], "activities"));
    if (acts.size() != line.activities.size())
      __builtin_trap();
    for (size_t j = 0; j < acts.size(); ++j) compare_activity(doc, acts[j], line.activities[j]);
  }
}

bool plan_shaped(Document& doc, yaml_node_t* root) {
  return root != nullptr && root->type == YAML_MAPPING_NODE && get(doc, root, "version") &&
         get(doc, root, "plan") && get(doc, root, "lines");
}

bool positioned_error(const plan::LoadResult& r) {
  for (const plan::Diagnostic& d : r.diagnostics) {
    if (d.severity == plan::Severity::error && d.pos.known() && d.pos.col > 0)
      return true;
  }
  return false;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  Document doc;
  const bool libyaml_ok = libyaml_reads(text, &doc);
  const plan::LoadResult r = plan::load_plan_text("fuzz.yaml", text);
  if (!libyaml_ok) {
    if (r.ok())
      __builtin_trap();  // plan accepts what libyaml refuses
    return 0;
  }
  yaml_node_t* root = yaml_document_get_root_node(&doc.doc);
  if (!plan_shaped(doc, root))
    return 0;
  if (!r.ok()) {
    if (!positioned_error(r))
      __builtin_trap();  // a refusal that points nowhere
    return 0;
  }
  compare(doc, root, r.plan);
  return 0;
}
