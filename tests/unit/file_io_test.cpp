// file_io_test.cpp: the atomic replace and the writers' lock.
//
// Tests run as root, which access() lets write anything: a read-only file
// is one with no write bit, and that is what write_atomically checks.
#include "plan/file_io.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <cerrno>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <thread>

#include "temp_dir.h"

namespace plan {
namespace {

namespace fs = std::filesystem;
using test::TempDir;

std::string read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

unsigned mode_of(const std::string& path) {
  struct stat st {};
  REQUIRE(::stat(path.c_str(), &st) == 0);
  return st.st_mode & 07777;
}

// The names in a directory, to see that no temporary file is left.
std::set<std::string> names_in(const std::string& dir) {
  std::set<std::string> names;
  for (const auto& entry : fs::directory_iterator(dir)) names.insert(entry.path().filename());
  return names;
}

// Whether another open file description can take the lock on dir now.
bool can_lock(const std::string& dir) {
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  REQUIRE(fd >= 0);
  const bool locked = ::flock(fd, LOCK_EX | LOCK_NB) == 0;
  const int err = errno;
  ::close(fd);
  if (!locked)
    CHECK(err == EWOULDBLOCK);
  return locked;
}

// --- write_atomically --------------------------------------------------------

TEST_CASE("write_atomically replaces the whole content", "[file_io]") {
  TempDir dir;
  const std::string path = dir.write("plan.yaml", "a much longer old text\nof two lines\n");
  const WriteResult r = write_atomically(path, "new\n");
  CHECK(r.error == WriteError::none);
  CHECK(r.detail.empty());
  CHECK(read(path) == "new\n");
}

TEST_CASE("write_atomically keeps the file's mode", "[file_io]") {
  for (unsigned mode : {0600u, 0640u, 0664u}) {
    CAPTURE(mode);
    TempDir dir;
    const std::string path = dir.write("plan.yaml", "old\n");
    REQUIRE(::chmod(path.c_str(), mode) == 0);
    REQUIRE(write_atomically(path, "new\n").error == WriteError::none);
    CHECK(mode_of(path) == mode);
    CHECK(read(path) == "new\n");
  }
}

TEST_CASE("write_atomically writes through a symlink and keeps the link", "[file_io]") {
  TempDir dir;
  const std::string target = dir.write("real/plan.yaml", "old\n");
  const std::string link = dir.file("plan.yaml");
  fs::create_symlink("real/plan.yaml", link);
  REQUIRE(write_atomically(link, "new\n").error == WriteError::none);
  CHECK(fs::is_symlink(link));
  CHECK(fs::read_symlink(link) == "real/plan.yaml");
  CHECK(read(target) == "new\n");
  // The temporary file went beside the target, and is gone.
  CHECK(names_in(dir.file("real")) == std::set<std::string>{"plan.yaml"});
  CHECK(names_in(dir.path()) == std::set<std::string>{"plan.yaml", "real"});
}

TEST_CASE("write_atomically refuses a file with no write bit", "[file_io]") {
  TempDir dir;
  const std::string path = dir.write("plan.yaml", "old\n");
  REQUIRE(::chmod(path.c_str(), 0444) == 0);
  const WriteResult r = write_atomically(path, "new\n");
  CHECK(r.error == WriteError::read_only);
  CHECK(read(path) == "old\n");
  CHECK(mode_of(path) == 0444);
  CHECK(names_in(dir.path()) == std::set<std::string>{"plan.yaml"});
}

TEST_CASE("write_atomically refuses a directory with no write bit", "[file_io]") {
  TempDir dir;
  const std::string path = dir.write("sub/plan.yaml", "old\n");
  REQUIRE(::chmod(dir.file("sub").c_str(), 0555) == 0);
  const WriteResult r = write_atomically(path, "new\n");
  CHECK(r.error == WriteError::read_only);
  CHECK(read(path) == "old\n");
  CHECK(names_in(dir.file("sub")) == std::set<std::string>{"plan.yaml"});
}

TEST_CASE("write_atomically fails on a missing file and creates nothing", "[file_io]") {
  TempDir dir;
  const WriteResult r = write_atomically(dir.file("missing.yaml"), "new\n");
  CHECK(r.error == WriteError::failed);
  CHECK_FALSE(r.detail.empty());
  CHECK(names_in(dir.path()).empty());
}

TEST_CASE("write_atomically with create writes a missing file, and only it", "[file_io]") {
  TempDir dir;
  const std::string path = dir.file("new.yaml");
  const WriteResult r = write_atomically(path, "new\n", true);
  CHECK(r.error == WriteError::none);
  CHECK(names_in(dir.path()) == std::set<std::string>{"new.yaml"});
  std::ifstream in(path);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  CHECK(text == "new\n");
}

TEST_CASE("write_atomically leaves no temporary file behind", "[file_io]") {
  TempDir dir;
  const std::string path = dir.write("plan.yaml", "old\n");
  dir.write("notes.md", "kept\n");
  for (int i = 0; i < 3; ++i) {
    REQUIRE(write_atomically(path, "version " + std::to_string(i) + "\n").error ==
            WriteError::none);
  }
  CHECK(names_in(dir.path()) == std::set<std::string>{"notes.md", "plan.yaml"});
  CHECK(read(path) == "version 2\n");
  CHECK(read(dir.file("notes.md")) == "kept\n");
}

// --- FileLock ----------------------------------------------------------------

TEST_CASE("FileLock holds the directory's lock while it lives", "[file_io]") {
  TempDir dir;
  const std::string path = dir.write("plan.yaml", "text\n");
  {
    const FileLock lock(path);
    CHECK(lock.error().empty());
    CHECK_FALSE(can_lock(dir.path()));
  }
  CHECK(can_lock(dir.path()));
}

TEST_CASE("FileLock through a symlink locks the target's directory", "[file_io]") {
  TempDir dir;
  dir.write("real/plan.yaml", "text\n");
  fs::create_directory(dir.file("links"));
  const std::string link = dir.file("links/plan.yaml");
  fs::create_symlink("../real/plan.yaml", link);
  const FileLock lock(link);
  CHECK(lock.error().empty());
  CHECK_FALSE(can_lock(dir.file("real")));
  CHECK(can_lock(dir.file("links")));
}

TEST_CASE("a second FileLock waits for the first", "[file_io]") {
  TempDir dir;
  const std::string path = dir.write("plan.yaml", "text\n");
  auto first = std::make_unique<FileLock>(path);
  REQUIRE(first->error().empty());
  std::atomic<bool> second_held{false};
  std::string second_error;
  // No Catch2 assertion in the thread: Catch2 v2 is not thread-safe.
  std::thread other([&] {
    const FileLock second(path);
    second_error = second.error();
    second_held = true;
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  CHECK_FALSE(second_held);
  first.reset();
  other.join();
  CHECK(second_held);
  CHECK(second_error.empty());
}

TEST_CASE("FileLock reports a directory it cannot open", "[file_io]") {
  TempDir dir;
  const FileLock lock(dir.file("missing/plan.yaml"));
  CHECK_FALSE(lock.error().empty());
}

}  // namespace
}  // namespace plan
