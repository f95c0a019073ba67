#!/usr/bin/env python3
"""Issue 17: the CI set-ups documented in docs/ci.*.md, run in a repository
that holds only plans.

Usage: check_ci_docs.py PLAN_BINARY SOURCE_DIR VERSION

The GitHub workflows (```yaml blocks with `jobs:` whose steps `run:` shell)
and the GitLab jobs (```yaml blocks whose jobs have a `script:` list) of
docs/ci.en.md are run, step by step, in a scratch directory that holds only
`plans/` (the planning office's repository: no CMakeLists.txt, no source):

- once with a copy of plans/participacion-2021.yaml: the job must pass, and
  on GitHub `$GITHUB_STEP_SUMMARY` must get the plan's Markdown report;
- once with tests/e2e/plans/bad-owner.yaml added: the job must fail, with a
  `::error file=plans/bad-owner.yaml,...` annotation on GitHub and the error
  in diagnostics.json on GitLab.

Only the steps that need the network are replaced, and each is checked
before it is: `apt-get update/install` of distribution packages is skipped
(the build packages are already here); `curl` of the release's .deb is
checked to be the release of this version and skipped; `apt-get install
./plan_X_amd64.deb` puts the built `plan` on PATH; `git clone --branch vX
https://github.com/OWNER/plan plan-src` clones this checkout instead
(`git clone --depth 1 [--branch vX] file://SOURCE_DIR`: the tag when this
checkout has it, else HEAD, committed state); `cmake --build plan-src/build`
copies the built `plan` there, because a Release build takes minutes on a
shared machine -- the configure step before it, `cmake -S plan-src`, runs for
real, and that is where a `cmake -S .` fails in a plans-only repository.
Every other line runs as written. What the skipped apt-get lines install is
checked instead: a bare debian:12 image (`image:`, `container:`) must get
curl and ca-certificates for the download, git and ca-certificates for the
clone, and a source build every package scripts/setup.sh installs. Without a git checkout (a source tarball)
the source-build jobs are skipped, and the test says so.

docs/ci.es.md's yaml blocks must hold the same commands as the English ones
(step and job names, and comments, may be translated). And no yaml block of
either page may configure CMake on `.` (`cmake -S .`).
"""
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile

import yaml

PLAN, SOURCE, VERSION = sys.argv[1], sys.argv[2], sys.argv[3]
failures = []
notes = []


def check(condition, what):
    if not condition:
        failures.append(what)
        print(f"FAIL: {what}")
    return condition


def raw_yaml_blocks(page):
    text = open(os.path.join(SOURCE, "docs", page), encoding="utf-8").read()
    return re.findall(r"^```yaml\n(.*?)^```", text, re.S | re.M)


def yaml_blocks(page):
    return [yaml.safe_load(b) for b in raw_yaml_blocks(page)]


def is_github(block):
    return isinstance(block, dict) and "jobs" in block


def is_gitlab(block):
    return (isinstance(block, dict) and "jobs" not in block and block
            and all(isinstance(v, dict) and "script" in v for v in block.values()))


def commands(block):
    """What must be the same in both languages: everything but names."""
    if isinstance(block, dict):
        return {k: commands(v) for k, v in block.items() if k != "name"}
    if isinstance(block, list):
        return [commands(v) for v in block]
    return block


def logical_lines(script):
    """A shell script's lines, with backslash-continued lines joined."""
    out, cur = [], ""
    for line in script.splitlines():
        if line.rstrip().endswith("\\"):
            cur += line.rstrip()[:-1] + " "
        else:
            out.append((cur + line).strip())
            cur = ""
    if cur:
        out.append(cur.strip())
    return [l for l in out if l and not l.startswith("#")]


RELEASE_URL = "https://github.com/OWNER/plan"
DEB = f"plan_{VERSION}_amd64.deb"


class Job:
    """One documented job: its replaced steps, and what it used."""

    def __init__(self, where, fakebin):
        self.where = where
        self.fakebin = fakebin
        self.uses_deb = False
        self.uses_source = False
        self.downloaded = False
        self.packages = set()
        self.cloned_from_tag = None

    def rewrite(self, line):
        """The line to run instead of a documented one (None: skip)."""
        words = shlex.split(line)
        while words and ("=" in words[0] and not words[0].startswith("-")):
            words = words[1:]  # VAR=value prefixes
        if words[:1] == ["sudo"]:
            words = words[1:]
            while words and "=" in words[0]:
                words = words[1:]
        if words[:2] == ["apt-get", "update"]:
            return None
        if words[:2] == ["apt-get", "install"]:
            debs = [w for w in words[2:] if w.endswith(".deb")]
            if not debs:
                # Distribution packages: this machine already has them; what
                # the job lists is checked after it ran.
                self.packages |= {w for w in words[2:] if not w.startswith("-")}
                return None
            check(debs == [f"./{DEB}"], f"{self.where}: installs the release's package ./{DEB}: {line}")
            check(self.downloaded, f"{self.where}: downloads {DEB} before installing it")
            self.uses_deb = True
            return f'ln -sf {shlex.quote(PLAN)} "{self.fakebin}/plan"'
        if words[:1] == ["curl"]:
            url = f"{RELEASE_URL}/releases/download/v{VERSION}/{DEB}"
            check(url in words, f"{self.where}: downloads {url}: {line}")
            check("-f" in words or any(re.fullmatch(r"-[a-zA-Z]*f[a-zA-Z]*", w) for w in words),
                  f"{self.where}: curl fails on an HTTP error (-f): {line}")
            self.downloaded = True
            return None
        if words[:2] == ["git", "clone"]:
            check(RELEASE_URL in words, f"{self.where}: clones {RELEASE_URL}: {line}")
            branch = words[words.index("--branch") + 1] if "--branch" in words else None
            check(branch == f"v{VERSION}", f"{self.where}: the clone is pinned to v{VERSION}: {line}")
            self.uses_source = True
            dest = words[-1]
            # The release's tag when this checkout has it, else its HEAD.
            tag = subprocess.run(["git", "-C", SOURCE, "rev-parse", "-q", "--verify",
                                  f"refs/tags/{branch}"], capture_output=True).returncode == 0
            self.cloned_from_tag = tag
            pin = f"--branch {shlex.quote(branch)} " if tag else ""
            return f"git clone -q --depth 1 {pin}file://{shlex.quote(SOURCE)} {shlex.quote(dest)}"
        if words[:2] == ["cmake", "--build"]:
            check("plan" in words, f"{self.where}: builds the plan target: {line}")
            build = words[2]
            # The configure step must have run for real on the clone.
            return (f"test -f {shlex.quote(build)}/CMakeCache.txt && "
                    f"cp {shlex.quote(PLAN)} {shlex.quote(build)}/plan")
        for net in ("curl", "wget", "git clone", "apt-get", "apt ", "sudo"):
            check(net not in line, f"{self.where}: a network or root step the test cannot run: {line}")
        return line


def scratch_repository(broken):
    root = tempfile.mkdtemp(prefix="plan-ci-docs-")
    os.mkdir(os.path.join(root, "plans"))
    shutil.copy(os.path.join(SOURCE, "plans", "participacion-2021.yaml"), os.path.join(root, "plans"))
    if broken:
        shutil.copy(os.path.join(SOURCE, "tests", "e2e", "plans", "bad-owner.yaml"),
                    os.path.join(root, "plans"))
    return root


def base_env(fakebin):
    # A PATH without any `plan`: the job must install it.
    dirs = [d for d in os.environ.get("PATH", "/usr/bin:/bin").split(":")
            if d and not os.path.exists(os.path.join(d, "plan"))]
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GITHUB_", "CI_"))}
    env["PATH"] = ":".join([fakebin] + dirs)
    env["LANG"] = env["LC_ALL"] = "C.UTF-8"
    return env


def run_github(name, job, broken):
    where = f"GitHub {name} ({'broken' if broken else 'valid'} plans)"
    root = scratch_repository(broken)
    fakebin = tempfile.mkdtemp(prefix="plan-ci-bin-")
    tracker = Job(where, fakebin)
    env = base_env(fakebin)
    summary = os.path.join(root, "..", os.path.basename(root) + "-summary.md")
    github_path = os.path.join(root, "..", os.path.basename(root) + "-path")
    open(summary, "w").close()
    open(github_path, "w").close()
    env.update(GITHUB_STEP_SUMMARY=summary, GITHUB_PATH=github_path, GITHUB_WORKSPACE=root, CI="true")
    failed, logs = False, ""
    for step in job["steps"]:
        if "uses" in step:
            check(step["uses"].startswith("actions/checkout@"),
                  f"{where}: only actions/checkout is used, the rest is run: {step['uses']}")
            continue  # the scratch repository is the checkout
        cond = step.get("if", "success()")
        if (cond == "failure()") != failed and cond != "always()":
            continue
        lines = [tracker.rewrite(l) for l in logical_lines(step["run"])]
        script = "\n".join(l for l in lines if l is not None)
        # GitHub's own $GITHUB_PATH: lines written there are put first on PATH
        # for the steps after.
        added = [l for l in open(github_path).read().splitlines() if l]
        step_env = dict(env, PATH=":".join(list(reversed(added)) + [env["PATH"]]))
        # A run step without `shell:` runs as `bash -e {0}`.
        r = subprocess.run(["bash", "--noprofile", "--norc", "-e", "-c", script],
                           cwd=root, env=step_env, capture_output=True, text=True)
        logs += r.stdout + r.stderr
        if r.returncode != 0:
            failed = True
    text = open(summary).read()
    for path in (summary, github_path):
        os.remove(path)
    shutil.rmtree(fakebin, ignore_errors=True)
    return tracker, root, failed, logs, text


def run_gitlab(name, job, broken):
    where = f"GitLab {name} ({'broken' if broken else 'valid'} plans)"
    root = scratch_repository(broken)
    fakebin = tempfile.mkdtemp(prefix="plan-ci-bin-")
    tracker = Job(where, fakebin)
    # GitLab runs the script's items in one shell, stopping at the first
    # that fails.
    lines = [tracker.rewrite(" ".join(item.split())) for item in job["script"]]
    script = "\n".join(l for l in lines if l is not None)
    r = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script],
                       cwd=root, env=base_env(fakebin), capture_output=True, text=True)
    shutil.rmtree(fakebin, ignore_errors=True)
    return tracker, root, r.returncode != 0, r.stdout + r.stderr


def setup_packages():
    text = open(os.path.join(SOURCE, "scripts", "setup.sh"), encoding="utf-8").read()
    body = text[text.index("packages=(") + len("packages=("):]
    return set(body[:body.index(")")].split())


def check_packages(tracker, job):
    """What the network-free run cannot show: the packages a job installs.
    A bare Debian image (GitLab's image:, GitHub's container:) has neither
    curl, git nor CA certificates; a source build needs what setup.sh
    installs (git aside, on GitHub's runner)."""
    bare = "image" in job or "container" in job
    got = tracker.packages
    if tracker.uses_deb and bare:
        check({"curl", "ca-certificates"} <= got,
              f"{tracker.where}: installs curl and ca-certificates to download the .deb: {sorted(got)}")
    if tracker.uses_source:
        need = setup_packages() - ({"git"} if not bare else set())
        need |= {"ca-certificates"} if bare else set()
        check(need <= got, f"{tracker.where}: installs the build packages (missing: {sorted(need - got)})")


def plan_title():
    with open(os.path.join(SOURCE, "plans", "participacion-2021.yaml"), encoding="utf-8") as f:
        return yaml.safe_load(f)["plan"]["title"]


def main():
    en, es = yaml_blocks("ci.en.md"), yaml_blocks("ci.es.md")

    # No plans-only job may configure CMake on the repository it runs in.
    for page in ("ci.en.md", "ci.es.md"):
        for text in raw_yaml_blocks(page):
            check(not re.search(r"\bcmake\b[^\n]*\s-S\s*\.(?=/?(\s|\\|$))", text, re.M),
                  f"{page}: a yaml block configures CMake on `.` (cmake -S .), "
                  f"which fails in a repository holding only plans")

    check(len(en) == len(es), f"ci.en.md and ci.es.md have as many yaml blocks ({len(en)}, {len(es)})")
    for i, (a, b) in enumerate(zip(en, es)):
        if is_gitlab(a) and is_gitlab(b):
            a, b = list(a.values()), list(b.values())  # job names may be translated
        check(commands(a) == commands(b), f"yaml block {i + 1}: ci.es.md's commands are ci.en.md's")

    github = [(f"workflow {i + 1}", job) for i, b in enumerate(en) if is_github(b)
              for job in b["jobs"].values() if any("run" in s for s in job["steps"])]
    gitlab = [(f"job {name} (block {i + 1})", job) for i, b in enumerate(en) if is_gitlab(b)
              for name, job in b.items()]
    check(github and gitlab, "ci.en.md documents GitHub workflows with run steps and GitLab jobs")

    in_git = subprocess.run(["git", "-C", SOURCE, "rev-parse", "--git-dir"],
                            capture_output=True).returncode == 0
    title = plan_title()
    kinds = {}
    for platform, jobs in (("GitHub", github), ("GitLab", gitlab)):
        for name, job in jobs:
            text = yaml.safe_dump(job)
            source = "git clone" in text
            if source and not in_git:
                notes.append(f"{platform} {name}: builds from a git clone; skipped, {SOURCE} is not a git checkout")
                continue
            for broken in (False, True):
                if platform == "GitHub":
                    tracker, root, failed, logs, summary = run_github(name, job, broken)
                else:
                    tracker, root, failed, logs = run_gitlab(name, job, broken)
                where = tracker.where
                check(tracker.uses_deb or tracker.uses_source,
                      f"{where}: installs plan from the release's .deb or builds its source")
                kinds.setdefault(platform, set()).add("deb" if tracker.uses_deb else "source")
                check_packages(tracker, job)
                if not broken:
                    check(not failed, f"{where}: the job passes on valid plans:\n{logs}")
                else:
                    check(failed, f"{where}: the job fails on a broken plan:\n{logs}")
                if platform == "GitHub":
                    if not broken:
                        check(title in summary and re.search(r"^#+ ", summary, re.M)
                              and re.search(r"^\|.*\|$", summary, re.M),
                              f"{where}: $GITHUB_STEP_SUMMARY has the plan's Markdown report "
                              f"(title {title!r}, a heading, a table): {summary[:300]!r}")
                    else:
                        check(re.search(r"^::error file=plans/bad-owner\.yaml,line=\d+", logs, re.M),
                              f"{where}: the log has an ::error annotation on plans/bad-owner.yaml:\n{logs}")
                else:
                    diag = os.path.join(root, "diagnostics.json")
                    if check(os.path.isfile(diag), f"{where}: diagnostics.json is kept"):
                        found = json.load(open(diag))
                        errors = [d for d in found if d["severity"] == "error"]
                        if broken:
                            check(any(d["file"] == "plans/bad-owner.yaml" for d in errors),
                                  f"{where}: diagnostics.json has the broken plan's error: {found}")
                        else:
                            check(not errors, f"{where}: diagnostics.json has no error: {found}")
                shutil.rmtree(root, ignore_errors=True)
    for platform in ("GitHub", "GitLab"):
        want = {"deb", "source"} if in_git else {"deb"}
        check(want <= kinds.get(platform, set()),
              f"{platform}: the docs install plan both from the .deb and from source "
              f"(found: {sorted(kinds.get(platform, set()))})")

    if in_git and not subprocess.run(["git", "-C", SOURCE, "rev-parse", "-q", "--verify",
                                      f"refs/tags/v{VERSION}"], capture_output=True).returncode == 0:
        notes.append(f"no tag v{VERSION} in this checkout: the source-build jobs configured its HEAD")
    for n in notes:
        print(f"note: {n}")
    print(f"{len(failures)} failed" if failures else "all passed")
    return 1 if failures else 0


sys.exit(main())
