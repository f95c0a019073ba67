// date.h: calendar dates of the plan format (YYYY-MM-DD and YYYY-MM).
//
// Owns the civil-calendar arithmetic (leap years, month ends, day counts)
// and the ISO spelling. It knows no language: spelled-out dates ("15 de
// abril de 2021") belong to i18n.h. It never reads the clock.
#pragma once

#include <fmt/format.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace plan {

struct Date {
  int year = 0;
  int month = 0;  // 1..12
  int day = 0;    // 1..31

  // Days since 1970-01-01 (negative before); exact over the proleptic
  // Gregorian calendar.
  int days() const;
  static Date from_days(int days);

  friend bool operator==(const Date& a, const Date& b) {
    return a.year == b.year && a.month == b.month && a.day == b.day;
  }
  friend bool operator!=(const Date& a, const Date& b) { return !(a == b); }
  friend bool operator<(const Date& a, const Date& b) { return a.days() < b.days(); }
  friend bool operator<=(const Date& a, const Date& b) { return !(b < a); }
  friend bool operator>(const Date& a, const Date& b) { return b < a; }
  friend bool operator>=(const Date& a, const Date& b) { return !(a < b); }
};

bool is_leap_year(int year);
int days_in_month(int year, int month);

// How a date was written: a whole month ("2021-03") or a day.
enum class DatePrecision { month, day };

struct ParsedDate {
  int year = 0;
  int month = 0;
  int day = 0;  // 0 when the text named a month only
  DatePrecision precision = DatePrecision::day;

  // The month's first day for a month ("2021-03" starts on 03-01) ...
  Date first() const;
  // ... and its last day where the format says so ("2021-02" ends 02-28).
  Date last() const;
};

// The cut-off of a named period of the year: T1..T4 end on 31 March,
// 30 June, 30 September and 31 December; C1..C3 on 30 April, 31 August
// and 31 December. Empty for an unknown name.
std::optional<Date> period_cutoff(std::string_view name, int year);
// The period names, in the order above.
const std::vector<std::string>& period_names();

enum class DateError { none, syntax, impossible };

// Parses "YYYY-MM-DD" or "YYYY-MM". A well-formed but impossible date
// ("2021-02-30", "2021-13") is told apart from text that is not a date, so
// the message can say which.
DateError parse_date(std::string_view text, ParsedDate* out);

// Parses a full "YYYY-MM-DD" date, as --as-of takes it.
std::optional<Date> parse_day(std::string_view text);

}  // namespace plan

template <>
struct fmt::formatter<plan::Date> : fmt::formatter<std::string_view> {
  template <typename FormatContext>
  auto format(const plan::Date& d, FormatContext& ctx) const -> decltype(ctx.out()) {
    return fmt::format_to(ctx.out(), "{:04}-{:02}-{:02}", d.year, d.month, d.day);
  }
};
