// file_io.h: writing a plan file so that nothing is ever lost.
//
// Owns the disk side of an edit: an exclusive lock that serialises writers,
// and the atomic replace (a temporary file beside the target, fsync, rename
// over it, fsync the directory). Through a symlink the target is written
// and the link stays; the file's mode (and owner, where allowed) is kept; a
// read-only file or directory is refused. A missing file is an error unless
// the caller asks to create it (`plan init`), with the umask's mode. No temporary file is left
// behind when the write fails or the process is interrupted by a signal.
#pragma once

#include <optional>
#include <string>

namespace plan {

// Holds an exclusive flock on the directory that holds the file at `path`
// (following symlinks) for as long as it lives. The plan file itself cannot
// carry the lock, since each write replaces its inode.
class FileLock {
 public:
  explicit FileLock(const std::string& path);
  ~FileLock();
  FileLock(const FileLock&) = delete;
  FileLock& operator=(const FileLock&) = delete;
  // Empty when the lock is held; else why not.
  const std::string& error() const { return error_; }

 private:
  int fd_ = -1;
  std::string error_;
};

enum class WriteError { none, read_only, failed };

struct WriteResult {
  WriteError error = WriteError::none;
  std::string detail;  // strerror text, for `failed`
};

// Replaces the file at path (or, through a symlink, its target) with text.
// The environment variable PLAN_TEST_CRASH_BEFORE_RENAME=1 kills the
// process after the temporary file is written and before the rename: a
// test hook for crash safety.
// create: a missing file is written (else it is an error, so that a plan
// deleted under `plan mark` is not brought back).
WriteResult write_atomically(const std::string& path, const std::string& text, bool create = false);

}  // namespace plan
