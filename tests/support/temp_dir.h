// temp_dir.h: a scratch directory for a test, removed with all it holds.
//
// Shared by the unit, end-to-end and bad-input tests so that every test
// cleans up the same way: no shell, and whatever permission a test took
// away is given back first so that nothing is left behind. Header-only and
// free of Catch2 and plan_core, since some test programs link neither.
#pragma once

#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <system_error>

namespace plan::test {

class TempDir {
 public:
  // A fresh directory under the system's temp directory.
  TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "plan-test-XXXXXX").string();
    if (::mkdtemp(tmpl.data()) == nullptr)
      throw std::runtime_error("mkdtemp failed for " + tmpl);
    path_ = tmpl;
  }
  ~TempDir() {
    namespace fs = std::filesystem;
    std::error_code ec;
    const auto all = fs::perms::owner_all;
    fs::permissions(path_, all, fs::perm_options::add, ec);
    for (auto it = fs::recursive_directory_iterator(path_, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      // A link may point out of the directory: its target is not ours.
      if (!it->is_symlink(ec))
        fs::permissions(it->path(), all, fs::perm_options::add, ec);
    }
    fs::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::string& path() const { return path_; }
  std::string file(std::string_view name) const { return path_ + "/" + std::string(name); }

  // Writes bytes to name (creating its parent directories); returns its path.
  std::string write(std::string_view name, std::string_view bytes) const {
    const std::string p = file(name);
    std::filesystem::create_directories(std::filesystem::path(p).parent_path());
    std::ofstream out(p, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out.flush())
      throw std::runtime_error("cannot write " + p);
    return p;
  }

 private:
  std::string path_;
};

}  // namespace plan::test
