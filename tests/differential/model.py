"""The plan model two ways: from libyaml's reading, and from plan's JSON.

expected_model() turns libyaml's reading of a file into what the format
(docs/format.en.md) says the file means, in the shape of `plan export
--format json` (src/render/json.cpp); plan_model() projects plan's JSON to
the same shape. Both leave out what plan computes beyond the file (expected
progress, signals, averages). flatten() and compare() then diff them field by
field.

Normalisations, each with its reason:
- Texts lose their final line breaks, on both sides: the format says a block
  scalar (|, >) loses the line breaks it ends with; quoted spellings keep
  them in YAML, so both readings are compared without them. `status` is a
  text too (`status: |` with `blocked` below it is blocked).
- An optional text that is absent, null (~, null, empty) or "" is None:
  plan's JSON writes null for an empty optional text (text_or_null), and the
  format says a key with no value is the same as leaving it out.
- A deliverable's or owner's name that is absent or null is "": plan's JSON
  writes the value as is, not null.
- Dates are text: libyaml reads 2021-03-15 as a date and "2021-03-15" or
  2021-03 as a string; the format reads any of them as a day or a month. A
  month stands for its first day in start, its last day in end and in an
  update's date (plan's JSON writes the day it stands for).
- An activity's lead or support absent or null is its line's (the format
  says so); a line's support absent or null is []; an absent updates or
  deliverables list is [].
- Numbers: weight as float (1 and 1.0 are one weight); an absent weight is
  1, an absent count 1, an absent progress 0, absent thresholds 80 and 60,
  an absent external false.
- An activity's progress and status are compared as derived at the as-of
  date the check runs plan with (progress of the last update on or before
  it, status in the format's order), since plan's JSON only has those.
- Mapping key order is not compared (YAML does not order mappings); owners
  are compared by code.
"""
import calendar
import datetime
import re

AS_OF = datetime.date(2021, 12, 31)


class Refuse(Exception):
    """libyaml's reading is not a valid plan by the format: plan must refuse."""


def _text(v, what, required=False):
    if v is None or v == "":
        if required:
            raise Refuse("%s is empty" % what)
        return None
    if not isinstance(v, str):
        raise Refuse("%s is a %s, not text" % (what, type(v).__name__))
    v = v.rstrip("\n")
    return v if v or not required else None


def _name(v, what):
    return _text(v, what) or ""


def _int(v, what, default=None):
    if v is None and default is not None:
        return default
    if not isinstance(v, int) or isinstance(v, bool):
        raise Refuse("%s is a %s, not an integer" % (what, type(v).__name__))
    return v


def _date(v, what, last):
    if isinstance(v, datetime.datetime):
        raise Refuse("%s has a time" % what)
    if isinstance(v, datetime.date):
        return v.isoformat()
    if not isinstance(v, str):
        raise Refuse("%s is a %s, not a date" % (what, type(v).__name__))
    m = re.fullmatch(r"(\d{4})-(\d{2})(?:-(\d{2}))?", v)
    if not m:
        raise Refuse("%s %r is not a date" % (what, v))
    y, mo = int(m.group(1)), int(m.group(2))
    try:
        if m.group(3):
            return datetime.date(y, mo, int(m.group(3))).isoformat()
        day = calendar.monthrange(y, mo)[1] if last else 1
        return datetime.date(y, mo, day).isoformat()
    except ValueError:
        raise Refuse("%s %r is impossible" % (what, v))


def _codes(v, what):
    if not isinstance(v, list) or not all(isinstance(c, str) and c for c in v):
        raise Refuse("%s is not a list of codes" % what)
    return list(v)


def _mapping(v, what, keys):
    if v is None:
        return {}
    if not isinstance(v, dict):
        raise Refuse("%s is not a mapping" % what)
    for k in v:
        if k not in keys:
            raise Refuse("%s has unknown key %r" % (what, k))
    return v


def _list(v, what):
    if v is None:
        return []
    if not isinstance(v, list):
        raise Refuse("%s is not a list" % what)
    return v


# What an update's `status` sets from its date on (`active`: no flag).
UPDATE_STATUS = {"blocked": "blocked", "cancelled": "cancelled", "active": None}


def update_status(u):
    """An update's status as written, without a text's final line break;
    None when it has none."""
    s = u.get("status") if isinstance(u, dict) else None
    return s.rstrip("\n") if isinstance(s, str) else s


def _update(u):
    u = _mapping(u, "update", {"date", "progress", "note", "by", "evidence", "status"})
    status = update_status(u)
    if "status" in u and status not in UPDATE_STATUS:
        raise Refuse("update status %r" % (status,))
    # An entry that only changes the status records no progress; plan's JSON
    # writes null for it, and the status word of any entry that has one.
    progress = (None if "status" in u and u.get("progress") is None
                else _int(u.get("progress"), "update progress"))
    return {"date": _date(u.get("date"), "update date", True),
            "progress": progress,
            "note": _text(u.get("note"), "note"), "by": _text(u.get("by"), "by"),
            "evidence": _text(u.get("evidence"), "evidence"), "status": status}


def _status(a, progress, start, end):
    if progress == 100:
        return "done"
    if a["flag"]:
        return a["flag"]
    if AS_OF.isoformat() > end:
        return "late"
    if AS_OF.isoformat() < start:
        return "not-started"
    return "in-progress"


def _activity(a, line):
    a = _mapping(a, "activity", {"id", "title", "start", "end", "product", "deliverables", "lead",
                                 "support", "weight", "progress", "status", "updates"})
    flag = a.get("status")
    if isinstance(flag, str):
        flag = flag.rstrip("\n")  # a text: `status: |` loses its final line break
    if flag not in (None, "blocked", "cancelled"):
        raise Refuse("status %r" % (flag,))
    weight = a.get("weight")
    if weight is None:
        weight = 1.0
    if isinstance(weight, bool) or not isinstance(weight, (int, float)):
        raise Refuse("weight is a %s" % type(weight).__name__)
    lead = line["lead"] if a.get("lead") is None else _codes(a["lead"], "activity lead")
    if not lead:
        raise Refuse("activity lead is empty")
    support = line["support"] if a.get("support") is None else _codes(a["support"], "support")
    raw_updates = _list(a.get("updates"), "updates")
    updates = [_update(u) for u in raw_updates]
    progress = _int(a.get("progress"), "progress", 0)
    # An entry records a progress unless it only changes the status; a log
    # with none that does leaves the activity's progress in charge.
    records = [u for u, r in zip(updates, raw_updates)
               if "status" not in r or r.get("progress") is not None]
    if records:
        past = [u for u in records if u["date"] <= AS_OF.isoformat()]
        progress_then = past[-1]["progress"] if past else 0
    else:
        progress_then = progress
    # Dated statuses, when the log has any, say the flag at the as-of date
    # (derive.cpp's flag_at); otherwise the activity's `status`.
    dated = [(u["date"], UPDATE_STATUS[update_status(r)]) for u, r in zip(updates, raw_updates)
             if "status" in r]
    if dated:
        flag = None
        for day, word in dated:
            if day > AS_OF.isoformat():
                break
            flag = word
    aid = _int(a.get("id"), "activity id")
    out = {"id": "%d.%d" % (line["id"], aid), "title": _text(a.get("title"), "title", True),
           "lead": lead, "support": support,
           "start": _date(a.get("start"), "start", False), "end": _date(a.get("end"), "end", True),
           "progress": progress_then, "weight": float(weight),
           "product": _text(a.get("product"), "product"),
           "deliverables": [_deliverable(d) for d in _list(a.get("deliverables"), "deliverables")],
           "updates": updates}
    out["status"] = _status({"flag": flag}, progress_then, out["start"], out["end"])
    return out


def _deliverable(d):
    d = _mapping(d, "deliverable", {"name", "owner", "count"})
    return {"name": _name(d.get("name"), "name"), "owner": _text(d.get("owner"), "owner"),
            "count": _int(d.get("count"), "count", 1)}


def _line(line):
    line = _mapping(line, "line", {"id", "title", "objective", "lead", "support", "product",
                                   "activities"})
    out = {"id": _int(line.get("id"), "line id"), "title": _text(line.get("title"), "title", True),
           "objective": _text(line.get("objective"), "objective"),
           "lead": _codes(line.get("lead"), "line lead"),
           "support": [] if line.get("support") is None else _codes(line["support"], "support"),
           "product": _text(line.get("product"), "product")}
    if not out["lead"]:
        raise Refuse("line lead is empty")
    if not isinstance(line.get("activities"), list):
        raise Refuse("activities is not a list")
    out["activities"] = [_activity(a, out) for a in line["activities"]]
    return out


def _owner(o):
    o = _mapping(o, "owner", {"name", "parent", "external"})
    external = o.get("external")
    if external is None:
        external = False
    if not isinstance(external, bool):
        raise Refuse("external is a %s" % type(external).__name__)
    return {"name": _name(o.get("name"), "name"), "parent": _text(o.get("parent"), "parent"),
            "external": external}


def expected_model(doc):
    """What the format says libyaml's reading means; raises Refuse."""
    doc = _mapping(doc, "root", {"version", "plan", "owners", "lines"})
    if doc.get("version") != 1 or isinstance(doc.get("version"), bool):
        raise Refuse("version %r" % (doc.get("version"),))
    p = _mapping(doc.get("plan"), "plan", {"id", "title", "entity", "period", "language",
                                           "objective", "thresholds"})
    period = _mapping(p.get("period"), "period", {"start", "end"})
    thresholds = _mapping(p.get("thresholds"), "thresholds", {"green", "yellow"})
    language = p.get("language")
    if language not in (None, "es", "en"):
        raise Refuse("language %r" % (language,))
    owners = _mapping(doc.get("owners"), "owners", set(doc.get("owners") or {}))
    if not isinstance(doc.get("lines"), list):
        raise Refuse("lines is not a list")
    return {"id": _text(p.get("id"), "plan id", True), "title": _text(p.get("title"), "title", True),
            "entity": _text(p.get("entity"), "entity"),
            "period": {"start": _date(period.get("start"), "period start", False),
                       "end": _date(period.get("end"), "period end", True)},
            "language": language, "objective": _text(p.get("objective"), "objective"),
            "thresholds": {"green": _int(thresholds.get("green"), "green", 80),
                           "yellow": _int(thresholds.get("yellow"), "yellow", 60)},
            "owners": {str(k): _owner(v) for k, v in owners.items()},
            "lines": [_line(line) for line in doc["lines"]]}


def _strip(v):
    return v.rstrip("\n") if isinstance(v, str) else v


def plan_model(js):
    """The same shape from one plan of `plan export --format json`."""
    p = js[0]
    lines = []
    for line in p["lines"]:
        acts = []
        for a in line["activities"]:
            acts.append({"id": a["id"], "title": _strip(a["title"]), "lead": a["lead"],
                         "support": a["support"], "start": a["start"], "end": a["end"],
                         "progress": a["progress"], "weight": float(a["weight"]),
                         "product": _strip(a["product"]),
                         "deliverables": [{"name": _strip(d["name"]), "owner": d["owner"],
                                           "count": d["count"]} for d in a["deliverables"]],
                         "updates": [dict({k: _strip(u[k]) for k in ("date", "progress", "note",
                                                                     "by", "evidence")},
                                          status=u.get("status"))
                                     for u in a["updates"]],
                         "status": a["status"]})
        lines.append({"id": line["id"], "title": _strip(line["title"]),
                      "objective": _strip(line["objective"]), "lead": line["lead"],
                      "support": line["support"], "product": _strip(line["product"]),
                      "activities": acts})
    return {"id": p["id"], "title": _strip(p["title"]), "entity": _strip(p["entity"]),
            "period": p["period"], "language": p["language"], "objective": _strip(p["objective"]),
            "thresholds": p["thresholds"],
            "owners": {k: {"name": _strip(v["name"]), "parent": v["parent"],
                           "external": v["external"]} for k, v in p["owners"].items()},
            "lines": lines}


def flatten(v, path="", out=None):
    """path -> leaf value; lists of codes stay whole (order matters)."""
    out = {} if out is None else out
    if isinstance(v, dict):
        for k in v:
            flatten(v[k], "%s.%s" % (path, k) if path else str(k), out)
    elif isinstance(v, list) and v and isinstance(v[0], dict):
        out[path + ".length"] = len(v)
        for i, x in enumerate(v):
            flatten(x, "%s[%d]" % (path, i), out)
    else:
        out[path] = len(v) if isinstance(v, list) and not v and path.endswith(
            ("updates", "deliverables", "activities", "lines")) else v
    return out


def compare(expected, actual):
    """[(path, expected value, plan's value)] for every field that differs."""
    e, a = flatten(expected), flatten(actual)
    diffs = []
    for path in sorted(set(e) | set(a)):
        x, y = e.get(path, "<absent>"), a.get(path, "<absent>")
        if isinstance(x, float) and isinstance(y, float) and abs(x - y) < 1e-9:
            continue
        if x != y:
            diffs.append((path, x, y))
    return diffs


def field_class(path):
    """lines[3].activities[0].support -> lines[].activities[].support"""
    path = re.sub(r"\[\d+\]", "[]", path)
    if path.startswith("owners."):
        path = "owners.<code>." + path.split(".")[-1]
    return path
