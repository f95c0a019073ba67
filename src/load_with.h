// load_with.h: the loader with another YAML event parser behind it.
//
// Private to plan_core and bench/. load.h reads plans with yaml-cpp's event
// parser; this seam lets a different parser drive the same reader and
// builder, so that bench/ can measure what a loader on another parser
// (libyaml) would gain, on the same model, diagnostics and validation.
#pragma once

#include <string>

#include "plan/load.h"
#include "yaml/reader.h"

namespace plan::detail {

// load_plan_text, with `parse` in place of yaml-cpp's parser.
LoadResult load_plan_text_with(std::string file, std::string text, const yaml::EventParser& parse);

}  // namespace plan::detail
