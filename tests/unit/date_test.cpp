// date_test.cpp: calendar arithmetic and ISO parsing of date.h.
#include "plan/date.h"

#include <fmt/format.h>

#include <catch2/catch.hpp>

namespace plan {
namespace {

TEST_CASE("is_leap_year follows the Gregorian rules", "[date]") {
  CHECK(is_leap_year(2020));
  CHECK_FALSE(is_leap_year(2021));
  CHECK_FALSE(is_leap_year(1900));  // divisible by 100, not by 400
  CHECK(is_leap_year(2000));        // divisible by 400
  CHECK(is_leap_year(2024));
  CHECK_FALSE(is_leap_year(2100));
}

TEST_CASE("days_in_month gives every month end", "[date]") {
  const int expected_2021[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  for (int month = 1; month <= 12; ++month) {
    INFO("month " << month);
    CHECK(days_in_month(2021, month) == expected_2021[month - 1]);
  }
  CHECK(days_in_month(2024, 2) == 29);
  CHECK(days_in_month(2000, 2) == 29);
  CHECK(days_in_month(1900, 2) == 28);
}

TEST_CASE("days counts from 1970-01-01", "[date]") {
  CHECK(Date{1970, 1, 1}.days() == 0);
  CHECK(Date{1970, 1, 2}.days() == 1);
  CHECK(Date{1969, 12, 31}.days() == -1);
  CHECK(Date{2000, 3, 1}.days() - Date{2000, 2, 28}.days() == 2);
  CHECK(Date{1900, 3, 1}.days() - Date{1900, 2, 28}.days() == 1);
  CHECK(Date{2021, 1, 1}.days() == 18628);
  CHECK(Date{2022, 1, 1}.days() - Date{2021, 1, 1}.days() == 365);
  CHECK(Date{2021, 1, 1}.days() - Date{2020, 1, 1}.days() == 366);
}

TEST_CASE("days and from_days round-trip over 1000 consecutive days", "[date]") {
  // 1999-06-01 .. 2002-02-24 crosses 2000-02-29 and two year ends.
  const Date first{1999, 6, 1};
  Date expected = first;
  bool saw_leap_day = false;
  for (int n = first.days(); n < first.days() + 1000; ++n) {
    const Date d = Date::from_days(n);
    INFO(fmt::format("day number {} expected {}", n, expected));
    REQUIRE(d == expected);
    REQUIRE(d.days() == n);
    if (d == Date{2000, 2, 29})
      saw_leap_day = true;
    // The next calendar day, by hand.
    expected.day += 1;
    if (expected.day > days_in_month(expected.year, expected.month)) {
      expected.day = 1;
      expected.month += 1;
      if (expected.month > 12) {
        expected.month = 1;
        expected.year += 1;
      }
    }
  }
  CHECK(saw_leap_day);
  CHECK(expected == Date{2002, 2, 25});
}

TEST_CASE("Date comparisons follow the calendar", "[date]") {
  CHECK(Date{2021, 3, 5} < Date{2021, 3, 6});
  CHECK(Date{2020, 12, 31} < Date{2021, 1, 1});
  CHECK(Date{2021, 3, 5} <= Date{2021, 3, 5});
  CHECK(Date{2021, 4, 1} > Date{2021, 3, 31});
  CHECK(Date{2021, 4, 1} != Date{2021, 4, 2});
  CHECK_FALSE(Date{2021, 3, 5} < Date{2021, 3, 5});
}

TEST_CASE("parse_date reads a month", "[date]") {
  ParsedDate d;
  REQUIRE(parse_date("2021-03", &d) == DateError::none);
  CHECK(d.precision == DatePrecision::month);
  CHECK(d.year == 2021);
  CHECK(d.month == 3);
  CHECK(d.day == 0);
  CHECK(d.first() == Date{2021, 3, 1});
  CHECK(d.last() == Date{2021, 3, 31});
}

TEST_CASE("parse_date: a month's last day follows leap years", "[date]") {
  ParsedDate d;
  REQUIRE(parse_date("2021-02", &d) == DateError::none);
  CHECK(d.first() == Date{2021, 2, 1});
  CHECK(d.last() == Date{2021, 2, 28});
  REQUIRE(parse_date("2024-02", &d) == DateError::none);
  CHECK(d.last() == Date{2024, 2, 29});
  REQUIRE(parse_date("2021-12", &d) == DateError::none);
  CHECK(d.last() == Date{2021, 12, 31});
}

TEST_CASE("parse_date reads a day", "[date]") {
  ParsedDate d;
  REQUIRE(parse_date("2021-03-05", &d) == DateError::none);
  CHECK(d.precision == DatePrecision::day);
  CHECK(d.day == 5);
  CHECK(d.first() == Date{2021, 3, 5});
  CHECK(d.last() == Date{2021, 3, 5});
  REQUIRE(parse_date("2024-02-29", &d) == DateError::none);
  CHECK(d.first() == Date{2024, 2, 29});
}

TEST_CASE("parse_date tells impossible dates apart", "[date]") {
  ParsedDate d;
  CHECK(parse_date("2021-02-30", &d) == DateError::impossible);
  CHECK(parse_date("2021-02-29", &d) == DateError::impossible);
  CHECK(parse_date("2021-04-31", &d) == DateError::impossible);
  CHECK(parse_date("2021-03-00", &d) == DateError::impossible);
  CHECK(parse_date("2021-13", &d) == DateError::impossible);
  CHECK(parse_date("2021-00", &d) == DateError::impossible);
  CHECK(parse_date("2021-13-01", &d) == DateError::impossible);
}

TEST_CASE("parse_date rejects text that is not a date", "[date]") {
  const char* bad[] = {"21-03",   "2021/03",  "2021-3",       "2021-03-1",   "",
                       "2021",    "2021-",    "2021-03-",     "2021-03-01x", "marzo",
                       "2021-0a", " 2021-03", "2021-03-05T00"};
  for (const char* text : bad) {
    INFO("text '" << text << "'");
    ParsedDate d;
    CHECK(parse_date(text, &d) == DateError::syntax);
  }
}

TEST_CASE("parse_date leaves out untouched on failure", "[date]") {
  ParsedDate d;
  d.year = 1999;
  REQUIRE(parse_date("2021-02-30", &d) == DateError::impossible);
  CHECK(d.year == 1999);
}

TEST_CASE("parse_day takes only a full date", "[date]") {
  CHECK(parse_day("2021-03-05") == Date{2021, 3, 5});
  CHECK_FALSE(parse_day("2021-03").has_value());
  CHECK_FALSE(parse_day("2021-02-30").has_value());
  CHECK_FALSE(parse_day("today").has_value());
  CHECK_FALSE(parse_day("").has_value());
}

TEST_CASE("Date formats as ISO with fmt", "[date]") {
  CHECK(fmt::format("{}", Date{2021, 3, 5}) == "2021-03-05");
  CHECK(fmt::format("{}", Date{2021, 12, 31}) == "2021-12-31");
  CHECK(fmt::format("[{}]", Date{987, 1, 2}) == "[0987-01-02]");
}

}  // namespace
}  // namespace plan
