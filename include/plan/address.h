// address.h: "2.3", "2" and "PLAN-ID:2.3", the names of lines and activities.
//
// Owns the spelling of addresses and finding what one names among loaded
// plans. It never prints.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "plan/model.h"

namespace plan {

struct Address {
  std::string plan;  // empty when not given
  long long line = 0;
  std::optional<long long> activity;
};

std::optional<Address> parse_address(std::string_view text);

struct Target {
  const Plan* plan = nullptr;
  const Line* line = nullptr;
  const Activity* activity = nullptr;  // null when the address names a line
};

// Every line or activity the address names among plans: none, one, or
// several when the plan is not named and more than one has it.
std::vector<Target> resolve(const Address& address, const std::vector<const Plan*>& plans);

std::string format_address(const Line& line, const Activity& activity);

}  // namespace plan
