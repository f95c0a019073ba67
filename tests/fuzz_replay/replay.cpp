// replay.cpp: runs a fuzz target's LLVMFuzzerTestOneInput on files, without
// libFuzzer, so that the fuzz corpus and every saved regression run in CTest
// with g++ (and under the sanitizers in the asan preset). A broken
// invariant traps, and the test fails with the file's name on stderr.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace {

int replay(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "replay: cannot read %s\n", file.c_str());
    return 1;
  }
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::fprintf(stderr, "replay: %s\n", file.c_str());
  LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
  return 0;
}

}  // namespace

// Each argument is a file, or a directory whose files are all replayed.
int main(int argc, char** argv) {
  int failed = 0;
  int count = 0;
  for (int i = 1; i < argc; ++i) {
    const std::filesystem::path arg(argv[i]);
    std::vector<std::filesystem::path> files;
    if (std::filesystem::is_directory(arg)) {
      for (const auto& entry : std::filesystem::directory_iterator(arg)) {
        if (entry.is_regular_file() && entry.path().filename() != "README.md") {
          files.push_back(entry.path());
        }
      }
    } else {
      files.push_back(arg);
    }
    for (const auto& f : files) {
      failed += replay(f);
      ++count;
    }
  }
  std::fprintf(stderr, "replay: %d inputs\n", count);
  // No input at all means the paths are wrong: that is a failure too.
  return failed != 0 || count == 0 ? 1 : 0;
}
