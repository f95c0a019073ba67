#!/usr/bin/env python3
"""Rewrites the output shown under each `$ plan ...` line of the ```console
blocks in docs/*.md with what the command prints now (and its `# exit N`).

Use it only after a deliberate change of output, then read the diff
(`git diff docs/`), as with the e2e golden files.

    update_docs.py PLAN_BINARY SOURCE_DIR
"""
import glob
import os
import shlex
import subprocess
import sys

from check_docs import FENCE, environment


def main():
    binary, source = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    env = environment()
    for path in sorted(glob.glob(os.path.join(source, "docs", "*.md"))):
        lines = open(path, encoding="utf-8").read().split("\n")
        out, i, in_console, fence = [], 0, False, ""
        while i < len(lines):
            line = lines[i]
            m = FENCE.match(line)
            if not in_console and m and m.group(3) == "console":
                in_console, fence = True, m.group(2)
                out.append(line)
                i += 1
                continue
            if in_console and line.strip().startswith(fence) and line.strip().strip(fence[0]) == "":
                in_console = False
                out.append(line)
                i += 1
                continue
            if in_console and line.startswith("$ plan "):
                argv = shlex.split(line[2:])
                argv[0] = binary
                p = subprocess.run(argv, cwd=source, env=env, capture_output=True)
                out.append(line)
                out.extend((p.stdout + p.stderr).decode().splitlines())
                if p.returncode != 0:
                    out.append(f"# exit {p.returncode}")
                i += 1
                # Skip the old output, up to the next command or the fence.
                while i < len(lines) and not lines[i].startswith("$ ") and not (
                        lines[i].strip().startswith(fence) and lines[i].strip().strip(fence[0]) == ""):
                    i += 1
                continue
            out.append(line)
            i += 1
        open(path, "w", encoding="utf-8").write("\n".join(out))


if __name__ == "__main__":
    main()
