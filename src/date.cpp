// date.cpp: civil-calendar arithmetic and ISO date parsing.
#include "plan/date.h"

#include <cctype>

namespace plan {

bool is_leap_year(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2 && is_leap_year(year))
    return 29;
  return kDays[month - 1];
}

// Howard Hinnant's days_from_civil: counts whole 400-year eras so that
// leap-day rules need no table.
int Date::days() const {
  const int y = year - (month <= 2 ? 1 : 0);
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int yoe = y - era * 400;
  const int mp = (month + 9) % 12;
  const int doy = (153 * mp + 2) / 5 + day - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Date Date::from_days(int days) {
  const int z = days + 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const int doe = z - era * 146097;
  const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int mp = (5 * doy + 2) / 153;
  const int d = doy - (153 * mp + 2) / 5 + 1;
  const int m = mp < 10 ? mp + 3 : mp - 9;
  return Date{yoe + era * 400 + (m <= 2 ? 1 : 0), m, d};
}

Date ParsedDate::first() const {
  return Date{year, month, precision == DatePrecision::month ? 1 : day};
}

Date ParsedDate::last() const {
  return Date{year, month, precision == DatePrecision::month ? days_in_month(year, month) : day};
}

namespace {

bool read_digits(std::string_view text, size_t at, size_t count, int* out) {
  if (at + count > text.size())
    return false;
  int value = 0;
  for (size_t i = at; i < at + count; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(text[i])))
      return false;
    value = value * 10 + (text[i] - '0');
  }
  *out = value;
  return true;
}

}  // namespace

DateError parse_date(std::string_view text, ParsedDate* out) {
  ParsedDate d;
  if (!read_digits(text, 0, 4, &d.year) || text.size() < 7 || text[4] != '-' ||
      !read_digits(text, 5, 2, &d.month)) {
    return DateError::syntax;
  }
  if (text.size() == 7) {
    d.precision = DatePrecision::month;
  } else if (text.size() != 10 || text[7] != '-' || !read_digits(text, 8, 2, &d.day)) {
    return DateError::syntax;
  }
  if (d.month < 1 || d.month > 12)
    return DateError::impossible;
  if (d.precision == DatePrecision::day && (d.day < 1 || d.day > days_in_month(d.year, d.month))) {
    return DateError::impossible;
  }
  *out = d;
  return DateError::none;
}

std::optional<Date> parse_day(std::string_view text) {
  ParsedDate d;
  if (parse_date(text, &d) != DateError::none || d.precision != DatePrecision::day) {
    return std::nullopt;
  }
  return d.first();
}

namespace {

struct NamedPeriod {
  std::string_view name;
  int month;
};
constexpr NamedPeriod kPeriods[] = {{"T1", 3}, {"T2", 6}, {"T3", 9}, {"T4", 12},
                                    {"C1", 4}, {"C2", 8}, {"C3", 12}};

}  // namespace

std::optional<Date> period_cutoff(std::string_view name, int year) {
  for (const NamedPeriod& p : kPeriods) {
    if (p.name == name)
      return Date{year, p.month, days_in_month(year, p.month)};
  }
  return std::nullopt;
}

const std::vector<std::string>& period_names() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> out;
    for (const NamedPeriod& p : kPeriods) out.emplace_back(p.name);
    return out;
  }();
  return names;
}

}  // namespace plan
