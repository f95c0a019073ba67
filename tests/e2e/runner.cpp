// runner.cpp: case files and process spawning for the end-to-end tests.
#include "runner.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace plan::e2e {

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void write_text(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
}

namespace {

// Splits like a shell would for simple cases: spaces separate, double or
// single quotes group.
std::vector<std::string> split_args(const std::string& line) {
  std::vector<std::string> out;
  std::string cur;
  bool in_word = false;
  char quote = 0;
  for (char c : line) {
    if (quote != 0) {
      if (c == quote) {
        quote = 0;
      } else {
        cur += c;
      }
    } else if (c == '"' || c == '\'') {
      quote = c;
      in_word = true;
    } else if (c == ' ') {
      if (in_word)
        out.push_back(cur);
      cur.clear();
      in_word = false;
    } else {
      cur += c;
      in_word = true;
    }
  }
  if (in_word)
    out.push_back(cur);
  return out;
}

}  // namespace

Case read_case(const std::string& dir, const std::string& name) {
  Case c;
  c.name = name;
  std::istringstream in(read_text(dir + "/cases/" + name + ".case"));
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#')
      continue;
    const size_t colon = line.find(": ");
    if (colon == std::string::npos)
      continue;
    const std::string key = line.substr(0, colon);
    const std::string value = line.substr(colon + 2);
    if (key == "args") {
      c.args = split_args(value);
    } else if (key == "status") {
      c.status = std::stoi(value);
    } else if (key == "width") {
      c.max_width = std::stoi(value);
    } else if (key == "today") {
      c.mask_today = value == "masked";
    } else if (key == "env") {
      const size_t eq = value.find('=');
      c.env[value.substr(0, eq)] = eq == std::string::npos ? "" : value.substr(eq + 1);
    }
  }
  return c;
}

std::string mask_days(std::string text, const std::vector<std::string>& days) {
  for (const std::string& day : days) {
    for (size_t at = text.find(day); at != std::string::npos; at = text.find(day, at)) {
      text.replace(at, day.size(), "<today>");
      at += 7;
    }
  }
  return text;
}

std::string local_day() {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  localtime_r(&now, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}

std::vector<std::string> list_cases(const std::string& dir) {
  std::vector<std::string> names;
  DIR* d = opendir((dir + "/cases").c_str());
  if (d == nullptr)
    return names;
  while (dirent* e = readdir(d)) {
    const std::string n = e->d_name;
    const std::string ext = ".case";
    if (n.size() > ext.size() && n.compare(n.size() - ext.size(), ext.size(), ext) == 0) {
      names.push_back(n.substr(0, n.size() - ext.size()));
    }
  }
  closedir(d);
  std::sort(names.begin(), names.end());
  return names;
}

Outcome run(const std::string& binary, const std::vector<std::string>& args,
            const std::map<std::string, std::string>& env, const std::string& cwd) {
  char out_path[] = "/tmp/plan-e2e-out-XXXXXX";
  char err_path[] = "/tmp/plan-e2e-err-XXXXXX";
  const int out_fd = mkstemp(out_path);
  const int err_fd = mkstemp(err_path);
  if (out_fd < 0 || err_fd < 0)
    throw std::runtime_error("mkstemp failed");

  std::map<std::string, std::string> vars = {{"LANG", "C.UTF-8"}};
  if (const char* path = std::getenv("PATH"))
    vars["PATH"] = path;
  if (const char* home = std::getenv("HOME"))
    vars["HOME"] = home;
  // Sanitizer settings pass through so the asan build checks every run.
  for (const char* keep : {"ASAN_OPTIONS", "UBSAN_OPTIONS", "LSAN_OPTIONS", "TZ"}) {
    if (const char* v = std::getenv(keep))
      vars[keep] = v;
  }
  for (const auto& [k, v] : env) vars[k] = v;
  std::vector<std::string> env_strings;
  for (const auto& [k, v] : vars) env_strings.push_back(k + "=" + v);

  std::vector<char*> argv;
  argv.push_back(const_cast<char*>(binary.c_str()));
  for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  std::vector<char*> envp;
  for (std::string& e : env_strings) envp.push_back(e.data());
  envp.push_back(nullptr);

  const pid_t pid = fork();
  if (pid == 0) {
    const int null_fd = open("/dev/null", O_RDONLY);
    dup2(null_fd, 0);
    dup2(out_fd, 1);
    dup2(err_fd, 2);
    if (chdir(cwd.c_str()) != 0)
      _exit(127);
    execve(binary.c_str(), argv.data(), envp.data());
    _exit(127);
  }
  int wstatus = 0;
  waitpid(pid, &wstatus, 0);
  close(out_fd);
  close(err_fd);
  Outcome o;
  o.out = read_text(out_path);
  o.err = read_text(err_path);
  unlink(out_path);
  unlink(err_path);
  o.status = WIFEXITED(wstatus) ? WEXITSTATUS(wstatus) : 128 + WTERMSIG(wstatus);
  return o;
}

}  // namespace plan::e2e
