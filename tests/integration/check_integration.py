#!/usr/bin/python3
"""Checks the files that fit plan into other tools' workflows.

- .pre-commit-hooks.yaml: the hook's entry, run on the files it selects,
  accepts a valid plan and rejects a bad one.
- .github/actions/validate/action.yml: a composite action whose install
  step lists the packages scripts/setup.sh installs, and whose validate
  step, run as bash with the inputs filled in, prints GitHub annotations.
- .github/workflows/validate-plans.yml uses that action.

    check_integration.py PLAN_BINARY SOURCE_DIR
"""
import os
import re
import subprocess
import sys

import yaml

PLAN, SOURCE = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
failures = []


def check(condition, what):
    if not condition:
        failures.append(what)
        print("FAIL:", what)


def load(rel):
    with open(os.path.join(SOURCE, rel), encoding="utf-8") as f:
        return yaml.safe_load(f)


def test_pre_commit():
    hooks = load(".pre-commit-hooks.yaml")
    hook = next((h for h in hooks if h.get("id") == "plan-validate"), None)
    check(hook is not None, "pre-commit hook plan-validate exists")
    if hook is None:
        return
    files = re.compile(hook["files"])
    check(files.search("plans/participacion-2021.yaml") is not None, "hook selects plans/*.yaml")
    check(files.search("README.md") is None, "hook skips other files")
    check(hook["language"] == "system" and hook.get("pass_filenames", True), "hook runs plan on files")
    argv = hook["entry"].split()
    check(argv[0] == "plan", "hook entry runs plan")
    ok = subprocess.run([PLAN, *argv[1:], "plans/participacion-2021.yaml"], cwd=SOURCE,
                        capture_output=True)
    check(ok.returncode == 0, "hook accepts the 2021 plan")
    bad = subprocess.run([PLAN, *argv[1:], "tests/e2e/plans/bad-owner.yaml"], cwd=SOURCE,
                         capture_output=True)
    check(bad.returncode == 1, "hook rejects a bad plan")


def setup_packages():
    text = open(os.path.join(SOURCE, "scripts", "setup.sh"), encoding="utf-8").read()
    body = text[text.index("packages=(") + len("packages=("):]
    return set(body[:body.index(")")].split())


def test_action():
    action = load(".github/actions/validate/action.yml")
    check(action["runs"]["using"] == "composite", "action is composite")
    steps = action["runs"]["steps"]
    check(all(s.get("shell") == "bash" for s in steps), "every step says its shell")
    install = next(s["run"] for s in steps if "apt-get install" in s["run"])
    listed = set(re.findall(r"\b(lib[\w.+-]+|g\+\+|cmake|make|pkg-config)\b",
                            install.split("install", 1)[1]))
    missing = listed - setup_packages()
    check(not missing, f"action installs only what setup.sh installs (extra: {missing})")
    needed = {p for p in setup_packages() if p.startswith("lib")} - {"catch2"}
    check(needed <= listed, f"action installs every library plan links (missing: {needed - listed})")
    validate = next(s["run"] for s in steps if "--format github" in s["run"])
    script = (validate.replace('"${{ runner.temp }}/plan-build/plan"', f'"{PLAN}"')
              .replace("${{ inputs.strict }}", "false")
              .replace("${{ inputs.paths }}", "tests/e2e/plans/bad-owner.yaml"))
    check("${{" not in script, "every expression in the validate step is filled in")
    r = subprocess.run(["bash", "-c", script], cwd=SOURCE, capture_output=True, text=True)
    check(r.returncode == 1, "the validate step fails on a bad plan")
    check("::error file=tests/e2e/plans/bad-owner.yaml,line=14,col=15,title=unknown-owner::"
          in r.stdout, f"the validate step prints annotations: {r.stdout!r}")
    ok = subprocess.run(["bash", "-c", script.replace("tests/e2e/plans/bad-owner.yaml", "plans")],
                        cwd=SOURCE, capture_output=True)
    check(ok.returncode == 0, "the validate step passes on plans/")


def test_workflow():
    wf = load(".github/workflows/validate-plans.yml")
    uses = [s.get("uses") for job in wf["jobs"].values() for s in job["steps"]]
    check("./.github/actions/validate" in uses, "the workflow uses the action")


for t in (test_pre_commit, test_action, test_workflow):
    t()
print(f"{0 if failures else 1} passed, {1 if failures else 0} failed")
sys.exit(1 if failures else 0)
