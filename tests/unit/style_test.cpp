// Tests of render/style.h: how an activity's status is worded, on time or
// late, in both languages.
#include "plan/render/style.h"

#include <catch2/catch.hpp>

using namespace plan;

namespace {

ActivityState with(Status status, int done_late) {
  ActivityState s;
  s.status = status;
  s.done_late = done_late;
  return s;
}

}  // namespace

TEST_CASE("days_text says 1 day and N days", "[style]") {
  CHECK(days_text(1, Language::es) == "1 día");
  CHECK(days_text(1, Language::en) == "1 day");
  CHECK(days_text(15, Language::es) == "15 días");
  CHECK(days_text(15, Language::en) == "15 days");
}

TEST_CASE("status_text words done late with its days", "[style]") {
  CHECK(status_text(with(Status::done, 15), Language::es) == "terminada con retraso (15 días)");
  CHECK(status_text(with(Status::done, 15), Language::en) == "done late (15 days)");
  CHECK(status_text(with(Status::done, 1), Language::es) == "terminada con retraso (1 día)");
  CHECK(status_text(with(Status::done, 1), Language::en) == "done late (1 day)");
}

TEST_CASE("status_text is the status word otherwise", "[style]") {
  CHECK(status_text(with(Status::done, 0), Language::es) == "terminada");
  CHECK(status_text(with(Status::done, 0), Language::en) == "done");
  CHECK(status_text(with(Status::late, 0), Language::es) == "atrasada");
  CHECK(status_text(with(Status::in_progress, 0), Language::en) == "in progress");
  // done_late only counts for a done activity.
  CHECK(status_text(with(Status::cancelled, 3), Language::en) == "cancelled");
}
