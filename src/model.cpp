// model.cpp: look-ups over the model.
#include "plan/model.h"

namespace plan {

std::string_view flag_word(ActivityFlag flag) {
  switch (flag) {
  case ActivityFlag::blocked:
    return "blocked";
  case ActivityFlag::cancelled:
    return "cancelled";
  case ActivityFlag::none:
    break;
  }
  return "active";
}

const Owner* Plan::find_owner(std::string_view code) const {
  if (owner_index.size() == owners.size()) {
    const auto it = owner_index.find(std::string(code));
    return it == owner_index.end() ? nullptr : &owners[it->second];
  }
  for (const Owner& o : owners) {
    if (o.code.value == code)
      return &o;
  }
  return nullptr;
}

const Line* Plan::find_line(long long id) const {
  for (const Line& l : lines) {
    if (l.id.value == id)
      return &l;
  }
  return nullptr;
}

const Activity* Plan::find_activity(long long line, long long activity) const {
  const Line* l = find_line(line);
  if (l == nullptr)
    return nullptr;
  for (const Activity& a : l->activities) {
    if (a.id.value == activity)
      return &a;
  }
  return nullptr;
}

const OwnerList& lead_of(const Line& line, const Activity& activity) {
  return activity.lead.present ? activity.lead : line.lead;
}

const OwnerList& support_of(const Line& line, const Activity& activity) {
  return activity.support.present ? activity.support : line.support;
}

}  // namespace plan
