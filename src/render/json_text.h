// json_text.h: the one way plan writes a JSON value as text.
//
// Plan files are checked to be UTF-8, but file names and the messages of
// the libraries need not be: nlohmann::json throws on invalid UTF-8 when it
// dumps, so every dump replaces such bytes with U+FFFD instead.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace plan {

inline std::string json_text(const nlohmann::ordered_json& j) {
  return j.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

}  // namespace plan
