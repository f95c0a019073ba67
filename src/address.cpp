// address.cpp: parsing and resolving addresses.
#include "plan/address.h"

#include <fmt/format.h>

#include <cctype>

namespace plan {
namespace {

bool parse_id(std::string_view s, long long* out) {
  if (s.empty() || s.size() > 9)
    return false;
  long long v = 0;
  for (char c : s) {
    if (!std::isdigit(static_cast<unsigned char>(c)))
      return false;
    v = v * 10 + (c - '0');
  }
  if (v < 1)
    return false;
  *out = v;
  return true;
}

}  // namespace

std::optional<Address> parse_address(std::string_view text) {
  Address a;
  const size_t colon = text.rfind(':');
  if (colon != std::string_view::npos) {
    a.plan = std::string(text.substr(0, colon));
    if (a.plan.empty())
      return std::nullopt;
    text = text.substr(colon + 1);
  }
  const size_t dot = text.find('.');
  if (!parse_id(text.substr(0, dot), &a.line))
    return std::nullopt;
  if (dot != std::string_view::npos) {
    long long act = 0;
    if (!parse_id(text.substr(dot + 1), &act))
      return std::nullopt;
    a.activity = act;
  }
  return a;
}

std::vector<Target> resolve(const Address& address, const std::vector<const Plan*>& plans) {
  std::vector<Target> out;
  for (const Plan* p : plans) {
    if (!address.plan.empty() && p->id.value != address.plan)
      continue;
    const Line* line = p->find_line(address.line);
    if (line == nullptr)
      continue;
    if (!address.activity) {
      out.push_back(Target{p, line, nullptr});
      continue;
    }
    const Activity* a = p->find_activity(address.line, *address.activity);
    if (a != nullptr)
      out.push_back(Target{p, line, a});
  }
  return out;
}

std::string format_address(const Line& line, const Activity& activity) {
  return fmt::format("{}.{}", line.id.value, activity.id.value);
}

}  // namespace plan
