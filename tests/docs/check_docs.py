#!/usr/bin/env python3
"""Runs the examples of the documentation and checks its links.

    check_docs.py PLAN_BINARY SOURCE_DIR

Every fenced block whose info string is `console` in docs/*.md holds one or
more examples:

    $ plan list --as-of 2021-06-30 --width 80 plans/
    ID   Actividad ...
    # exit 1

A line starting with `$ plan ` is a command, run from SOURCE_DIR with
LANG=C.UTF-8 (split like a shell would, with shlex); the lines after it, up to
the next command, are what it prints: its standard output followed by its
standard error, compared byte for byte. A last line `# exit N` gives the
expected exit status (0 when absent). `plan mark` must be shown with
`--dry-run`: the examples never change the repository.

Every ```yaml block in docs/*.md that is a whole plan (its first line that is
not blank or a comment starts with `version:`) must pass
`plan validate --strict`: the format's examples stay valid.

Every relative link in docs/*.md and README.md must point at a file or
directory that exists, and a `#fragment` into a Markdown file at one of its
headings (GitHub's anchors).

Prints a unified diff for each example that differs, one line per broken
link, and ends with `N passed, M failed`; exits 1 on any failure.
"""

import difflib
import functools
import glob
import os
import re
import shlex
import subprocess
import sys
import tempfile
import unicodedata

FENCE = re.compile(r"^(\s*)(`{3,}|~{3,})\s*([^`\s]*)")
EXIT = re.compile(r"^# exit (\d+)$")
TIMEOUT = 60


class Example:
    def __init__(self, path, line, command):
        self.path = path  # relative to the source directory
        self.line = line  # 1-based line of the `$ plan` line in path
        self.command = command
        self.output = []
        self.status = 0


def fenced_blocks(path, wanted):
    """Yields (first line number, lines) of each fenced block in path whose
    info string is `wanted`."""
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    i = 0
    while i < len(lines):
        m = FENCE.match(lines[i])
        if not m:
            i += 1
            continue
        fence, info = m.group(2), m.group(3)
        start = i + 1
        j = start
        while j < len(lines):
            close = lines[j].strip()
            if close.startswith(fence[0] * len(fence)) and close.strip(fence[0]) == "":
                break
            j += 1
        if info == wanted:
            yield start + 1, lines[start:j]
        i = j + 1


def parse_examples(path, rel, problems):
    examples = []
    for first, lines in fenced_blocks(path, "console"):
        current = None
        for k, text in enumerate(lines):
            where = f"{rel}:{first + k}"
            if text.startswith("$ "):
                if not text.startswith("$ plan "):
                    problems.append(f"{where}: a console block may only run `plan`: {text}")
                    current = None
                    continue
                current = Example(rel, first + k, text[2:])
                examples.append(current)
                continue
            if current is None:
                if text.strip():
                    problems.append(f"{where}: output before any `$ plan` command")
                continue
            m = EXIT.match(text)
            if m:
                current.status = int(m.group(1))
                current = None  # nothing may follow the status
                continue
            current.output.append(text)
    return examples


def environment():
    env = dict(os.environ)
    for var in ("LC_ALL", "LC_MESSAGES", "LANGUAGE", "COLUMNS", "NO_COLOR"):
        env.pop(var, None)
    env["LANG"] = "C.UTF-8"
    return env


def run(example, binary, source_dir, env):
    """Returns a list of failure messages (empty when the example holds)."""
    try:
        argv = shlex.split(example.command)
    except ValueError as e:
        return [f"cannot split the command: {e}"]
    if argv[1:2] == ["mark"] and "--dry-run" not in argv:
        return ["`plan mark` in the documentation must use --dry-run"]
    argv[0] = binary
    try:
        p = subprocess.run(argv, cwd=source_dir, env=env, capture_output=True,
                           timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        return [f"did not finish in {TIMEOUT} s"]
    try:
        actual = (p.stdout + p.stderr).decode("utf-8")
    except UnicodeDecodeError as e:
        return [f"the output is not UTF-8: {e}"]
    expected = "".join(line + "\n" for line in example.output)
    failures = []
    if actual != expected:
        diff = difflib.unified_diff(
            expected.splitlines(keepends=True), actual.splitlines(keepends=True),
            fromfile=f"{example.path}:{example.line} (documented)",
            tofile="plan (actual)")
        text = "".join(d if d.endswith("\n") else d + "\n\\ No newline at end of file\n"
                       for d in diff)
        # A difference only in \r or a missing final newline shows no lines.
        failures.append("the output differs:\n" + (text or repr(actual) + "\n"))
    if p.returncode != example.status:
        failures.append(f"exit status {p.returncode}, documented {example.status}")
    return failures


def yaml_plans(path):
    """(first line number, text) of the ```yaml blocks that are whole plans."""
    for first, lines in fenced_blocks(path, "yaml"):
        body = [l for l in lines if l.strip() and not l.lstrip().startswith("#")]
        if body and body[0].startswith("version:"):
            yield first, "".join(l + "\n" for l in lines)


def check_yaml_plan(text, binary, source_dir, env):
    """Returns failure messages for a plan shown in the documentation."""
    with tempfile.TemporaryDirectory() as tmp:
        plan_file = os.path.join(tmp, "example.yaml")
        with open(plan_file, "w", encoding="utf-8") as f:
            f.write(text)
        # A late as-of date: an example's updates are never "in the future".
        p = subprocess.run([binary, "validate", "--strict", "--as-of", "2100-01-01", plan_file],
                           cwd=source_dir, env=env, capture_output=True, timeout=TIMEOUT)
    if p.returncode != 0:
        out = (p.stdout + p.stderr).decode("utf-8", "replace")
        return ["`plan validate --strict` rejects this plan:\n" + out]
    return []


# --- links -------------------------------------------------------------------

INLINE_LINK = re.compile(r"!?\[(?:[^\[\]]|\[[^\]]*\])*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
REF_LINK = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s+.*)?$")
HTML_LINK = re.compile(r"""(?:href|src)\s*=\s*["']([^"']+)["']""")
INLINE_CODE = re.compile(r"(`+).*?\1")
HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")


def prose_lines(path):
    """(line number, text) of the lines outside fenced code blocks."""
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    fence = None
    for n, text in enumerate(lines, 1):
        m = FENCE.match(text)
        if fence is None and m:
            fence = m.group(2)
            continue
        if fence is not None:
            close = text.strip()
            if close.startswith(fence[0] * len(fence)) and close.strip(fence[0]) == "":
                fence = None
            continue
        yield n, text


def slug(heading):
    """GitHub's anchor for a heading's text."""
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", heading)  # links: their text
    text = text.lower()
    out = []
    for ch in text:
        cat = unicodedata.category(ch)
        if ch in "-_" or cat[0] in "LN" or cat == "Mn":
            out.append(ch)
        elif ch == " ":
            out.append("-")
    return "".join(out)


@functools.lru_cache(maxsize=None)
def anchors(path):
    """The anchors of a Markdown file's headings (a repeated one gets -1, -2...)."""
    seen = {}
    found = set()
    for _, text in prose_lines(path):
        m = HEADING.match(text)
        if not m:
            continue
        base = slug(m.group(2))
        n = seen.get(base, 0)
        seen[base] = n + 1
        found.add(base if n == 0 else f"{base}-{n}")
    return found


def check_links(path, source_dir):
    """Returns (links checked, list of problems)."""
    checked = 0
    problems = []
    for n, text in prose_lines(path):
        bare = INLINE_CODE.sub("", text)
        targets = INLINE_LINK.findall(bare) + HTML_LINK.findall(bare)
        m = REF_LINK.match(bare)
        if m:
            targets.append(m.group(1))
        for target in targets:
            if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", target):
                continue  # https:, mailto:...
            checked += 1
            file_part, _, fragment = target.partition("#")
            file_part = file_part.split("?")[0]
            if file_part:
                if file_part.startswith("/"):
                    resolved = os.path.join(source_dir, file_part.lstrip("/"))
                else:
                    resolved = os.path.join(os.path.dirname(path), file_part)
            else:
                resolved = path
            resolved = os.path.normpath(resolved)
            rel = os.path.relpath(path, source_dir)
            if not os.path.exists(resolved):
                problems.append(f"{rel}:{n}: broken link '{target}': "
                                f"{os.path.relpath(resolved, source_dir)} does not exist")
                continue
            if fragment and resolved.endswith(".md") and os.path.isfile(resolved):
                if fragment not in anchors(resolved):
                    problems.append(f"{rel}:{n}: broken link '{target}': no heading "
                                    f"'#{fragment}' in {os.path.relpath(resolved, source_dir)}")
    return checked, problems


def main():
    if len(sys.argv) != 3:
        print("usage: check_docs.py PLAN_BINARY SOURCE_DIR", file=sys.stderr)
        return 2
    binary = os.path.abspath(sys.argv[1])
    source_dir = os.path.abspath(sys.argv[2])
    docs = sorted(glob.glob(os.path.join(source_dir, "docs", "*.md")))
    env = environment()

    problems = []
    examples = []
    for path in docs:
        examples += parse_examples(path, os.path.relpath(path, source_dir), problems)
    for p in problems:
        print(f"FAIL {p}")

    ex_failed = 0
    for ex in examples:
        failures = run(ex, binary, source_dir, env)
        if failures:
            ex_failed += 1
            print(f"FAIL {ex.path}:{ex.line}: $ {ex.command}")
            for f in failures:
                print("  " + f.rstrip("\n").replace("\n", "\n  "))

    plans = 0
    for path in docs:
        for first, text in yaml_plans(path):
            plans += 1
            failures = check_yaml_plan(text, binary, source_dir, env)
            if failures:
                ex_failed += 1
                print(f"FAIL {os.path.relpath(path, source_dir)}:{first}: the plan in this block")
                for f in failures:
                    print("  " + f.rstrip("\n").replace("\n", "\n  "))

    links = 0
    broken = []
    for path in docs + [os.path.join(source_dir, "README.md")]:
        if os.path.exists(path):
            checked, bad = check_links(path, source_dir)
            links += checked
            broken += bad
    for b in broken:
        print(f"FAIL {b}")

    total = len(examples) + plans
    print(f"examples: {total - ex_failed} passed, {ex_failed} failed "
          f"({len(examples)} commands and {plans} plans in {len(docs)} files); "
          f"links: {links - len(broken)} passed, {len(broken)} failed")
    passed = total - ex_failed + links - len(broken)
    failed = ex_failed + len(broken) + len(problems)
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
