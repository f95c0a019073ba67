// fuzz_load.cpp: arbitrary bytes through load, validate, derive and every view.
//
// The input is the text of a plan file. Whatever it holds, loading must not
// crash and each diagnostic must render; when the plan is usable (loaded
// completely, no errors, as the CLI's views require), its derived state must
// render as status, timeline, list and show in text and JSON. The layout
// choices (width, colour, ASCII, grouping, language) come from a hash of the
// input, so a run is deterministic and reproducible from the input alone.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "plan/address.h"
#include "plan/derive.h"
#include "plan/load.h"
#include "plan/render/diagnostics.h"
#include "plan/render/json.h"
#include "plan/render/show.h"
#include "plan/render/status.h"
#include "plan/render/table.h"
#include "plan/render/timeline.h"
#include "plan/term.h"
#include "plan/validate.h"

namespace {

constexpr plan::Date kAsOf{2021, 6, 30};
constexpr size_t kMaxShown = 8;  // show views per input, to keep runs fast

// FNV-1a: layout choices that follow the input without eating its bytes.
uint64_t hash_of(const uint8_t* data, size_t size) {
  uint64_t h = 14695981039346656037ull;
  for (size_t i = 0; i < size; ++i) h = (h ^ data[i]) * 1099511628211ull;
  return h;
}

// Keeps the optimiser from dropping a result that is only computed.
void use(const std::string& s) {
  volatile size_t n = s.size();
  (void)n;
}

void render_diagnostics(const plan::LoadResult& r, const std::vector<plan::Diagnostic>& diags,
                        const std::string& input, uint64_t h) {
  const plan::Terminal term{40 + static_cast<int>(h % 161), (h & 1u) != 0};
  const plan::Terminal narrow{plan::kMinWidth, (h & 1u) == 0};
  for (const plan::Diagnostic& d : diags) {
    for (plan::Language lang : {plan::Language::es, plan::Language::en}) {
      use(render_diagnostic_text(d, &r.plan.source, lang, term));
      use(render_diagnostic_text(d, &input, lang, narrow));
      use(render_diagnostic_text(d, nullptr, lang, term));
      use(render_diagnostic_github(d, lang));
    }
  }
  use(render_diagnostics_json(diags, [](const std::string&) { return plan::Language::es; }));
}

void render_views(const plan::Plan& p, const plan::PlanState& state, uint64_t h) {
  const std::vector<plan::PlanState> states{state};
  use(render_status_json(states));
  use(render_list_json(states));
  for (unsigned v = 0; v < 4; ++v) {
    // Each of the four runs flips a different pair of switches, so every
    // value of each switch is seen; the width varies with the input.
    const uint64_t bits = h >> (8 * (v + 1));
    const int width = v == 0 ? plan::kMinWidth : 40 + static_cast<int>(bits % 161);
    const plan::Terminal term{width, (v & 1u) != 0};
    const bool ascii = (v & 2u) != 0;
    const plan::Language lang =
        ((v ^ (v >> 1)) & 1u) != 0 ? plan::Language::en : plan::Language::es;
    use(render_status_text(state, lang, term, ascii));
    plan::TimelineOptions opts;
    opts.from = p.period_start.date.first();
    opts.to = p.period_end.date.last();
    opts.group = v < 2 ? plan::TimelineGroup::line : plan::TimelineGroup::owner;
    opts.ascii = ascii;
    use(render_timeline(state, opts, lang, term));
    opts.group = v < 2 ? plan::TimelineGroup::owner : plan::TimelineGroup::line;
    opts.ascii = !ascii;
    use(render_timeline(state, opts, lang, term));
    use(render_list_table(state, lang, term, (v & 1u) == 0));
  }
  // The detail view of the first lines and activities.
  size_t shown = 0;
  const plan::Terminal term{40 + static_cast<int>((h >> 3) % 161), (h & 4u) != 0};
  for (const plan::Line& line : p.lines) {
    if (shown++ >= kMaxShown)
      break;
    const plan::Target t{&p, &line, nullptr};
    use(render_show_text(t, state, plan::Language::es, term));
    use(render_show_json(t, state));
    for (const plan::Activity& a : line.activities) {
      if (shown++ >= kMaxShown)
        break;
      const plan::Target ta{&p, &line, &a};
      use(render_show_text(ta, state, plan::Language::en, term));
      use(render_show_json(ta, state));
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string input(reinterpret_cast<const char*>(data), size);
  const uint64_t h = hash_of(data, size);
  const plan::LoadResult r = plan::load_plan_text("fuzz.yaml", input);
  std::vector<plan::Diagnostic> diags = r.diagnostics;
  if (r.complete) {
    for (plan::Diagnostic& d : plan::validate_plan(r.plan, kAsOf)) diags.push_back(std::move(d));
    for (plan::Diagnostic& d : plan::validate_plan_set({&r.plan, &r.plan})) {
      diags.push_back(std::move(d));
    }
  }
  plan::sort_diagnostics(&diags);
  render_diagnostics(r, diags, input, h);

  // The views take only usable plans (cli/common.cpp: Loaded::usable).
  if (!r.complete || plan::has_errors(r.diagnostics))
    return 0;
  if (plan::has_errors(plan::validate_plan(r.plan, kAsOf)))
    return 0;
  render_views(r.plan, plan::derive_plan(r.plan, kAsOf), h);
  // And at a day inside the period that the input picks: before, during or
  // after any activity.
  const plan::Date first = r.plan.period_start.date.first();
  const plan::Date last = r.plan.period_end.date.last();
  const int span = last.days() - first.days() + 1;
  if (span > 0) {
    const plan::Date at = plan::Date::from_days(
        first.days() + static_cast<int>((h >> 40) % static_cast<uint64_t>(span)));
    render_views(r.plan, plan::derive_plan(r.plan, at), h >> 1);
  }
  return 0;
}
