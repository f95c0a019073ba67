"""known_misreads.txt: the misread classes that exist today, listed so that
they are neither hidden nor silently accepted.

Each line is `ID | description | variants`, where ID is `reading:KIND` or
`mark:KIND` as the checks print it; `#` starts a comment. A check fails on a
class it finds that is not listed, and on a listed class of its own that no
longer occurs, so that the list shrinks as the classes are fixed. The count
is what the last run found; a different count is reported, not a failure.
"""


def load(path, prefix):
    known = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            fields = [x.strip() for x in line.split("|")]
            if len(fields) != 3 or ":" not in fields[0]:
                raise SystemExit("%s: bad line %r" % (path, line))
            scope, kind = fields[0].split(":", 1)
            if scope == prefix:
                known[kind] = (fields[1], int(fields[2]))
    return known


def verdict(found, known):
    """Prints the comparison with the list; returns True when it fails."""
    failed = False
    for kind, n in sorted(found.items()):
        if kind not in known:
            print("FAIL: new misread class %s (%d variants): fix it, or list it in "
                  "known_misreads.txt" % (kind, n))
            failed = True
        elif known[kind][1] != n:
            print("note: %s now hits %d variants (listed: %d)" % (kind, n, known[kind][1]))
    for kind in sorted(set(known) - set(found)):
        print("FAIL: listed misread class %s no longer occurs: remove it from "
              "known_misreads.txt" % kind)
        failed = True
    return failed
