// load_events.h: the loader with another YAML event parser behind it.
//
// load.h reads plans with yaml-cpp's event parser. This seam lets a
// different parser drive the same builder, so that bench/ can measure what
// a loader on another parser (libyaml) would gain, on the same model,
// diagnostics and validation. Nothing in plan itself uses it.
#pragma once

#include <yaml-cpp/eventhandler.h>

#include <functional>
#include <string>

#include "plan/load.h"

namespace plan {

// Calls the handler's events for `text` in file order, with yaml-cpp's
// marks: 0-based line, byte offset and byte column, not counting a BOM.
// It stops when `stop` says so between documents, and reports broken YAML
// by throwing YAML::ParserException.
using EventParser = std::function<void(const std::string& text, YAML::EventHandler& handler,
                                       const std::function<bool()>& stop)>;

// load_plan_text, with `parse` in place of yaml-cpp's parser.
LoadResult load_plan_text_with(std::string file, std::string text, const EventParser& parse);

}  // namespace plan
