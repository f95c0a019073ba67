// file_io.cpp: locking and atomic replacement of plan files.
#include "plan/file_io.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <csignal>
#include <cstdlib>
#include <cstring>

namespace plan {
namespace {

std::string real_path(const std::string& path) {
  char buf[PATH_MAX];
  if (::realpath(path.c_str(), buf) == nullptr)
    return path;
  return buf;
}

// True with *st the file's when it exists; false with *st what a new file
// gets (the umask's mode, the user's ids) when it does not (`plan init`),
// or with st_mode 0 when it cannot be read.
bool stat_or_new(const std::string& target, struct stat* st) {
  if (::stat(target.c_str(), st) == 0)
    return true;
  *st = {};
  if (errno != ENOENT)
    return false;
  const mode_t mask = ::umask(0);
  ::umask(mask);
  st->st_mode = S_IFREG | (0666 & ~mask);
  st->st_uid = ::getuid();
  st->st_gid = ::getgid();
  return false;
}

std::string dir_of(const std::string& path) {
  const size_t slash = path.rfind('/');
  if (slash == std::string::npos)
    return ".";
  if (slash == 0)
    return "/";
  return path.substr(0, slash);
}

std::string base_of(const std::string& path) {
  const size_t slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

// The temporary file of a write in progress, for the signal handler: a
// fixed buffer, since a handler may only call async-signal-safe functions.
char g_temp_path[PATH_MAX + 64] = {};

extern "C" void remove_temp_and_die(int sig) {
  if (g_temp_path[0] != '\0')
    ::unlink(g_temp_path);
  std::signal(sig, SIG_DFL);
  std::raise(sig);
}

// Installs the handler for the signals that end a command-line program.
class TempGuard {
 public:
  explicit TempGuard(const std::string& temp) {
    std::strncpy(g_temp_path, temp.c_str(), sizeof(g_temp_path) - 1);
    for (int sig : kSignals) old_[index(sig)] = std::signal(sig, remove_temp_and_die);
  }
  ~TempGuard() {
    for (int sig : kSignals) std::signal(sig, old_[index(sig)]);
    g_temp_path[0] = '\0';
  }
  TempGuard(const TempGuard&) = delete;
  TempGuard& operator=(const TempGuard&) = delete;

 private:
  static constexpr int kSignals[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE};
  static size_t index(int sig) {
    for (size_t i = 0; i < std::size(kSignals); ++i) {
      if (kSignals[i] == sig)
        return i;
    }
    return 0;
  }
  void (*old_[std::size(kSignals)])(int) = {};
};

bool write_all(int fd, const std::string& text) {
  size_t done = 0;
  while (done < text.size()) {
    const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0) {
      if (errno == EINTR)
        continue;
      return false;
    }
    done += static_cast<size_t>(n);
  }
  return true;
}

}  // namespace

FileLock::FileLock(const std::string& path) {
  const std::string dir = dir_of(real_path(path));
  fd_ = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd_ < 0 || ::flock(fd_, LOCK_EX) != 0)
    error_ = std::strerror(errno);
}

FileLock::~FileLock() {
  if (fd_ >= 0)
    ::close(fd_);  // closing releases the lock
}

WriteResult write_atomically(const std::string& path, const std::string& text, bool create) {
  const std::string target = real_path(path);
  const std::string dir = dir_of(target);
  struct stat st {};
  const bool fresh = !stat_or_new(target, &st);
  if (fresh && (st.st_mode == 0 || !create))
    return {WriteError::failed, std::strerror(errno)};
  struct stat dst {};
  if (::stat(dir.c_str(), &dst) != 0)
    return {WriteError::failed, std::strerror(errno)};
  // Root may write anything; a file or folder with no write bit is still
  // one the user meant to keep as it is.
  if ((st.st_mode & 0222) == 0 || (dst.st_mode & 0222) == 0 ||
      (!fresh && ::access(target.c_str(), W_OK) != 0) || ::access(dir.c_str(), W_OK) != 0) {
    return {WriteError::read_only, {}};
  }

  std::string temp = dir + "/." + base_of(target) + ".plan-XXXXXX";
  const int fd = ::mkstemp(temp.data());
  if (fd < 0)
    return {WriteError::failed, std::strerror(errno)};
  TempGuard guard(temp);
  auto fail = [&](int err) {
    ::close(fd);
    ::unlink(temp.c_str());
    return WriteResult{WriteError::failed, std::strerror(err)};
  };
  if (!write_all(fd, text))
    return fail(errno);
  if (::fchmod(fd, st.st_mode & 07777) != 0)
    return fail(errno);
  if (::fchown(fd, st.st_uid, st.st_gid) != 0 && errno != EPERM)
    return fail(errno);
  if (::fsync(fd) != 0)
    return fail(errno);
  if (::close(fd) != 0) {
    const int err = errno;
    ::unlink(temp.c_str());
    return {WriteError::failed, std::strerror(err)};
  }
  if (const char* hook = std::getenv("PLAN_TEST_CRASH_BEFORE_RENAME");
      hook != nullptr && std::string(hook) == "1") {
    std::raise(SIGKILL);  // as if the machine lost power here
  }
  if (::rename(temp.c_str(), target.c_str()) != 0) {
    const int err = errno;
    ::unlink(temp.c_str());
    return {WriteError::failed, std::strerror(err)};
  }
  // The rename itself must reach the disk too.
  const int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dfd >= 0) {
    ::fsync(dfd);
    ::close(dfd);
  }
  return {};
}

}  // namespace plan
