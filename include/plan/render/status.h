// render/status.h: `plan status`, where a plan stands at a glance.
//
// Owns the one-screen summary of a plan at an as-of date: header, overall
// progress against expected with its semáforo, one row per strategic line,
// counts by status, and the activities that need attention (late or red);
// and, for a period, what changed in it.
// Fits the terminal's width by narrowing bars and titles, never by wrapping.
#pragma once

#include <string>
#include <vector>

#include "plan/changes.h"
#include "plan/derive.h"
#include "plan/term.h"

namespace plan {

// The late and red activities, most overdue first.
std::vector<const ActivityState*> attention_list(const PlanState& state);

std::string render_status_text(const PlanState& state, Language lang, const Terminal& term,
                               bool ascii);
// The period's changes (`status --since`), shown after the status.
std::string render_changes_text(const PlanChanges& changes, Language lang, const Terminal& term);
// changes: each state's period changes, written as its `changes` member;
// empty for none.
std::string render_status_json(const std::vector<PlanState>& states,
                               const std::vector<PlanChanges>& changes = {});

}  // namespace plan
