// load.cpp: plan files and directories -> model, through the YAML reader
// (yaml/reader.h) and the schema's builder (builder.h).
#include "plan/load.h"

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "builder.h"
#include "load_with.h"
#include "plan/goal.h"

namespace plan {

LoadResult load_plan_text(std::string file, std::string text) {
  return detail::load_plan_text_with(std::move(file), std::move(text), yaml::parse_with_yaml_cpp);
}

namespace detail {

LoadResult load_plan_text_with(std::string file, std::string text, const yaml::EventParser& parse) {
  LoadResult r;
  r.plan.file = std::move(file);
  r.plan.source = std::move(text);
  const BuildResult b = build_plan(&r.plan, &r.diagnostics, parse);
  complete_goals(&r.plan);
  if (b.outcome == yaml::Outcome::broken) {
    // A mapping the error cut short may have looked complete to the
    // events: its "missing" keys are not to be believed.
    r.diagnostics.erase(
        std::remove_if(r.diagnostics.begin(), r.diagnostics.end(),
                       [](const Diagnostic& d) { return d.code() == "missing-key"; }),
        r.diagnostics.end());
  }
  if (b.outcome != yaml::Outcome::read || b.fatal)
    return r;
  if (!b.saw_root) {
    Diagnostic d;
    d.file = r.plan.file;
    d.pos = Pos{1, 1, 0};
    d.message = Msg::empty_file;
    d.hint = Msg::hint_empty_file;
    r.diagnostics.push_back(std::move(d));
    return r;
  }
  r.complete = true;
  return r;
}

}  // namespace detail

namespace {

Diagnostic file_error(const std::string& path, Msg msg, std::vector<std::string> args) {
  Diagnostic d;
  d.file = path;
  d.message = msg;
  d.args = std::move(args);
  d.hint = Msg::hint_check_path;
  return d;
}

}  // namespace

LoadResult load_plan_file(const std::string& path) {
  LoadResult r;
  r.plan.file = path;
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    r.diagnostics.push_back(errno == ENOENT
                                ? file_error(path, Msg::path_not_found, {path})
                                : file_error(path, Msg::io_error, {path, std::strerror(errno)}));
    return r;
  }
  // A FIFO or a device would block or never end; only regular files are plans.
  if (!S_ISREG(st.st_mode)) {
    r.diagnostics.push_back(file_error(path, Msg::not_a_file, {path}));
    return r;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    r.diagnostics.push_back(file_error(path, Msg::io_error, {path, std::strerror(errno)}));
    return r;
  }
  std::string text;
  text.resize(static_cast<size_t>(st.st_size));
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  text.resize(static_cast<size_t>(in.gcount()));
  if (in.bad()) {
    r.diagnostics.push_back(file_error(path, Msg::io_error, {path, std::strerror(errno)}));
    return r;
  }
  return load_plan_text(path, std::move(text));
}

namespace {

// The *.yaml and *.yml files below dir, depth first in name order; a
// directory that cannot be read is reported, never skipped in silence.
void walk(const std::filesystem::path& dir, int depth, std::vector<std::string>* found,
          std::vector<Diagnostic>* diagnostics) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::directory_iterator it(dir, ec);
  if (ec) {
    diagnostics->push_back(file_error(dir.string(), Msg::io_error, {dir.string(), ec.message()}));
    return;
  }
  std::vector<fs::directory_entry> entries;
  for (; !ec && it != fs::directory_iterator(); it.increment(ec)) entries.push_back(*it);
  if (ec) {
    diagnostics->push_back(file_error(dir.string(), Msg::io_error, {dir.string(), ec.message()}));
  }
  std::sort(entries.begin(), entries.end(),
            [](const auto& a, const auto& b) { return a.path() < b.path(); });
  for (const fs::directory_entry& e : entries) {
    std::error_code type_ec;
    if (e.is_directory(type_ec)) {
      if (depth < 32)
        walk(e.path(), depth + 1, found, diagnostics);
      continue;
    }
    const std::string ext = e.path().extension().string();
    if (ext == ".yaml" || ext == ".yml")
      found->push_back(e.path().string());
  }
}

}  // namespace

std::vector<std::string> find_plan_files(const std::vector<std::string>& paths,
                                         std::vector<Diagnostic>* diagnostics) {
  namespace fs = std::filesystem;
  std::vector<std::string> out;
  std::vector<fs::path> seen;  // a file named twice is read once
  auto add = [&](const std::string& file) {
    std::error_code ec;
    const fs::path canonical = fs::weakly_canonical(file, ec);
    if (!ec && std::find(seen.begin(), seen.end(), canonical) != seen.end())
      return;
    if (!ec)
      seen.push_back(canonical);
    out.push_back(file);
  };
  for (const std::string& path : paths) {
    std::error_code ec;
    const fs::file_status st = fs::status(path, ec);
    if (!fs::is_directory(st)) {
      add(path);  // load_plan_file reports what is wrong with it
      continue;
    }
    std::vector<std::string> found;
    const size_t before = diagnostics->size();
    walk(path, 0, &found, diagnostics);
    if (found.empty() && diagnostics->size() == before) {
      Diagnostic d = file_error(path, Msg::no_plans_in_dir, {path});
      d.hint.reset();
      diagnostics->push_back(std::move(d));
    }
    for (const std::string& f : found) add(f);
  }
  return out;
}

}  // namespace plan
