"""Re-spells a plan in the legal YAML spellings: the variant generator.

A plan read by libyaml (a tree of dict, list, str, int, float, bool, None and
datetime.date) is written back as YAML text by a small emitter whose every
choice (quoting style, escapes, block scalar indicators, flow or block
collections, comments, blank lines, indentation, key order...) is drawn from
a seeded PRNG, limited to the transformation classes a variant names. The
same (base, index, seed) always gives the same bytes.

The emitter aims at the same content, but the reference for a variant is
always libyaml's reading of the variant's own text, never the base plan: a
spelling the emitter gets wrong changes both readings alike.
"""
import datetime
import random

import yaml

LOADER = yaml.CSafeLoader

# Each class is one family of legal spellings; a variant applies one primary
# class and sometimes one or two more.
CLASSES = [
    "single-quoted", "double-quoted", "escapes", "quoted-folding", "literal-block",
    "folded-block", "plain-multiline", "flow-map", "flow-seq", "flow-multiline",
    "comments", "nulls", "crlf", "bom", "unicode", "doc-markers", "key-order",
    "blank-lines", "tabs", "indent", "explicit-keys", "number-spellings", "dash-alone",
]

# Spellings of the places `plan mark` edits, for the mark differential only
# (make_mark_variant): a flow activity or list with comments before its
# close; an empty value right before '}'; update entries whose '-' stands
# alone, their keys deeper than the next column; `status` as a block
# scalar; `status` right after an `updates` with no value, where mark puts
# the first update. make_variant never draws them, so the reading check's
# variants (and known_misreads.txt) stay as they are.
MARK_CLASSES = [
    "close-comments", "empty-before-close", "dash-alone-deep", "status-block",
    "status-after-updates",
]
# Classes a mark variant may add to its primary one.
MARK_EXTRAS = ["crlf", "comments", "flow-multiline", "blank-lines", "indent", "bom"]

# Keys whose values are free text (re-spelt and, for some classes, altered).
TEXT_KEYS = {"title", "entity", "objective", "product", "name", "note", "evidence"}

# Unicode samples: accents, ñ, emoji (astral), CJK, combining marks, RTL text.
UNICODE_SAMPLES = [
    "Acción ñandú", "Über Çà", "🎉 listo 🚀", "計画の進捗", "e\u0301 combinada n\u0303",
    "Ελληνικά", "¿listo?", "¿Qué sigue? Revisar", "добро", "👩‍👩‍👧 familia", "مرحبا", "½ · “comillas” — raya", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
]

# Characters the escapes class puts inside texts, to be written as escapes:
# tab, no-break space (\_), NEL (\N), line and paragraph separators (\L, \P),
# an accent, a quote, a backslash and a slash.
ESCAPED_INSERTS = ["\t", "\u00a0", "\u0085", "\u2028", "\u2029", "é", '"', "\\", "/"]

# Characters YAML folds or treats as line breaks in some contexts, or that are
# not printable: the emitter writes them only as escapes in double quotes.
BREAKS = "\n\r\u0085\u2028\u2029"

_plain_cache = {}


def _loads(text):
    try:
        return yaml.load(text, Loader=LOADER)
    except yaml.YAMLError:
        return ValueError


def plain_ok(s, flow):
    """Whether libyaml reads s written plain (in flow context if flow) as s."""
    key = (s, flow)
    if key not in _plain_cache:
        ok = (s != "" and s.strip(" \t") == s and not any(c in BREAKS for c in s)
              and all(c == "\t" or c.isprintable() or c == " " for c in s) and "\ufeff" not in s)
        if ok and flow:
            ok = _loads("[" + s + "]") == [s] and _loads("{k: " + s + "}") == {"k": s}
        elif ok:
            ok = _loads("k: " + s) == {"k": s} and _loads("- " + s) == [s]
        _plain_cache[key] = ok
    return _plain_cache[key]


class Options:
    """The choices of one variant: its classes, its PRNG and its layout."""

    def __init__(self, classes, rng):
        self.classes = set(classes)
        self.rng = rng
        self.flow_choice = {}  # id(collection) -> flow or not, for mark classes
        self.step = rng.choice([1, 2, 3, 4]) if "indent" in classes else 2
        self.indentless = "indent" in classes and rng.random() < 0.5

    def has(self, name):
        return name in self.classes

    def chance(self, name, p):
        return name in self.classes and self.rng.random() < p


class Marker:
    """A place between two entries where a blank or comment line may go."""

    def __init__(self, indent):
        self.indent = indent


# -- scalars ---------------------------------------------------------------


def _escape_char(c, o, rich):
    if c == '"':
        return '\\"'
    if c == "\\":
        return "\\\\"
    named = {"\n": "\\n", "\r": "\\r", "\u0085": "\\N", "\u2028": "\\L", "\u2029": "\\P",
             "\0": "\\0", "\x07": "\\a", "\x08": "\\b", "\x0b": "\\v", "\x0c": "\\f",
             "\x1b": "\\e"}
    if c in named:
        return named[c]
    cp = ord(c)
    if c == "\t":
        return o.rng.choice(["\\t", "\\x09", "\t"]) if rich else "\\t"
    if cp < 0x20 or 0x7F <= cp < 0xA0 or c == "\ufeff":
        return "\\x%02X" % cp if cp < 0x100 else "\\u%04X" % cp
    if not rich or o.rng.random() < 0.6:
        if c == "\u00a0" and rich:
            return "\\_"
        return c
    if c == " ":
        return "\\ "
    if c == "/":
        return "\\/"
    if cp < 0x100:
        return o.rng.choice(["\\x%02x" % cp, "\\u%04X" % cp])
    if cp < 0x10000:
        return "\\u%04x" % cp
    return "\\U%08X" % cp


def double_quoted(s, o):
    rich = o.has("escapes") or o.has("double-quoted")
    return '"' + "".join(_escape_char(c, o, rich) for c in s) + '"'


def _break_points(s):
    """Indexes of single spaces with a non-space on each side."""
    return [i for i in range(1, len(s) - 1)
            if s[i] == " " and s[i - 1] not in " \t" and s[i + 1] not in " \t"]


def _wrap(s, o, limit=3):
    points = _break_points(s)
    chosen = sorted(o.rng.sample(points, min(len(points), o.rng.randint(1, limit))))
    parts, last = [], 0
    for i in chosen:
        parts.append(s[last:i])
        last = i + 1
    parts.append(s[last:])
    return parts


def quoted_multiline(s, o, cont):
    """A single or double-quoted scalar folded over lines at spaces."""
    pad = " " * cont
    if "'" in s or any(c in BREAKS for c in s) or not s.isprintable() or o.rng.random() < 0.5:
        # Double quotes: fold at a space, or cut a word with an escaped
        # break (the next line's indentation is not content, so the cut is
        # made before a character that is not white space).
        lines = []
        for part in _wrap(s, o):
            cut = o.rng.randint(1, len(part) - 1) if len(part) > 3 else 0
            if cut and o.rng.random() < 0.4 and part[cut] not in " \t":
                lines.append(double_quoted(part[:cut], o)[1:-1] + "\\")
                part = part[cut:]
            lines.append(double_quoted(part, o)[1:-1])
        return '"' + ("\n" + pad).join(lines) + '"'
    parts = _wrap(s, o)
    return "'" + ("\n" + pad).join(parts) + "'"


def block_scalar(s, o, key_indent, folded):
    """A literal (|) or folded (>) block scalar, or None when s cannot be one."""
    if (s == "" or s.strip() == "" or any(c in "\r\u0085\u2028\u2029\ufeff" for c in s)
            or not all(c.isprintable() or c in "\t\n" for c in s)):
        return None
    lines = s.split("\n")
    if any(line.strip(" \t") == "" and line != "" for line in lines):
        return None  # whitespace-only lines would be read as indentation
    if folded and any(line[:1] in (" ", "\t") or line.endswith((" ", "\t")) for line in lines):
        return None  # more-indented lines keep their breaks when folded
    if lines[0] == "":
        return None
    step = o.rng.randint(1, 4)
    explicit = lines[0][:1] in (" ", "\t") or o.rng.random() < 0.3
    chomp = o.rng.choice(["", "-", "+"])
    indicator = ("%d%s" % (step, chomp) if o.rng.random() < 0.5 else "%s%d" % (chomp, step)) \
        if explicit else chomp
    pad = " " * (key_indent + step)
    body = []
    if folded:
        for i, line in enumerate(lines):
            if i > 0:
                body.append("")
            if line:
                body.extend(_wrap(line, o) if _break_points(line) else [line])
    else:
        body = lines
    out = [(">" if folded else "|") + indicator]
    out.extend(pad + line if line else "" for line in body)
    if chomp == "+" and o.rng.random() < 0.5:
        out.append("")
    return out


def plain_multiline(s, o, cont):
    if not _break_points(s):
        return None
    parts = _wrap(s, o)
    text = parts[0] + "".join("\n" + " " * cont + p for p in parts[1:])
    if _loads("k:\n" + " " * cont + text.replace("\n", "\n")) != {"k": s} \
            or any(p.startswith(("#", "- ", "? ", ": ")) for p in parts[1:]):
        return None
    return text


def spell_str(s, o, flow, key_indent, text):
    """Returns a list of lines: the first goes after 'key: ' or '- '.

    Block scalars and multi-line spellings are kept for texts (text true):
    elsewhere (dates, codes, language) they would add final line breaks that
    the format only drops from texts.
    """
    cont = key_indent + o.step + 1
    flow = flow or not text
    choices = []
    if o.has("single-quoted") and "\n" not in s and s.isprintable():
        choices.append("single")
    if o.has("double-quoted") or o.has("escapes"):
        choices.append("double")
    if not flow and o.has("literal-block"):
        choices.append("literal")
    if not flow and o.has("folded-block"):
        choices.append("folded")
    if not flow and o.has("plain-multiline") and plain_ok(s, False):
        choices.append("plain-multiline")
    if not flow and o.has("quoted-folding") and _break_points(s):
        choices.append("quoted-folding")
    plain = plain_ok(s, flow)
    if not choices or (plain and o.rng.random() < 0.3):
        choices = ["plain" if plain else "double"]
    style = o.rng.choice(choices)
    if style == "single":
        return ["'" + s.replace("'", "''") + "'"]
    if style in ("literal", "folded"):
        lines = block_scalar(s, o, key_indent, style == "folded")
        if lines:
            return lines
    if style == "plain-multiline":
        text = plain_multiline(s, o, cont)
        if text:
            return text.split("\n")
    if style == "quoted-folding":
        return quoted_multiline(s, o, cont).split("\n")
    return [s] if plain else [double_quoted(s, o)]


def spell_int(v, o):
    if o.chance("number-spellings", 0.5):
        forms = ["+%d" % v, "0x%X" % v, "0x%x" % v]
        if v >= 10:
            forms.append("%d_%d" % (v // 10, v % 10))
        if 0 < v < 8:
            forms.append("0%d" % v)
        return o.rng.choice(forms)
    return str(v)


def spell_float(v, o):
    if o.chance("number-spellings", 0.5):
        return o.rng.choice(["%.2f" % v, "+%r" % v, "%re+0" % v if "e" not in repr(v) else repr(v)])
    return repr(v)


def spell_scalar(v, o, flow, key_indent, key=None):
    if v is None:
        return [o.rng.choice(["", "~", "null", "Null", "NULL"]) if o.has("nulls") else "~"]
    if isinstance(v, bool):
        words = ["true", "True", "TRUE", "yes", "on"] if v else ["false", "False", "FALSE", "no", "off"]
        return [o.rng.choice(words) if o.has("number-spellings") else str(v).lower()]
    if isinstance(v, int):
        return [spell_int(v, o)]
    if isinstance(v, float):
        return [spell_float(v, o)]
    if isinstance(v, datetime.date):
        text = v.isoformat()
        if o.chance("single-quoted", 0.2):
            return ["'" + text + "'"]
        if o.chance("double-quoted", 0.2):
            return ['"' + text + '"']
        return [text]
    return spell_str(v, o, flow, key_indent, key in TEXT_KEYS)


# -- collections -----------------------------------------------------------


def _comment(o):
    return o.rng.choice(["# nota", "#", "# ¿por qué? 🎯", "# - no: [es] {una} lista", "#: dos"])


def spell_flow(v, o, indent, multiline):
    """A flow collection; multiline spreads it over lines at 'indent'+."""
    bare = set()  # items that are a key with no ':'
    if isinstance(v, dict):
        items = []
        for k, x in v.items():
            if x is not None:
                items.append(_flow_key(k) + ": " + "\n".join(_flow_value(x, o, indent + 2)))
                continue
            null = o.rng.choice([": ", ": ~", ": null", ""])
            if o.has("empty-before-close") and k == list(v)[-1]:
                null = ": "  # "key: }": an empty value right before the close
            items.append(_flow_key(k) + null)
            if not null:
                bare.add(len(items) - 1)
        opener, closer = "{", "}"
    else:
        items = ["\n".join(_flow_value(x, o, indent + 2)) for x in v]
        opener, closer = "[", "]"
    if not items:
        return opener + closer
    if not multiline:
        trailing = "," if o.chance("flow-multiline", 0.3) else ""
        if o.has("close-comments") and len(items) - 1 not in bare and o.rng.random() < 0.4:
            # a comment after the last item, the close on the next line
            return (opener + ", ".join(items) + trailing + " " + _comment(o) + "\n" +
                    " " * indent + closer)
        return opener + ", ".join(items) + trailing + closer
    pad = " " * (indent + 2)
    out = opener
    for i, item in enumerate(items):
        last = i == len(items) - 1
        comma = "" if last and o.rng.random() < 0.5 else ","
        if not comma and item.endswith(": "):
            item = item[:-1]  # a key with no value, then a line break
        comment = " " + _comment(o) if o.chance("comments", 0.3) and comma else ""
        if (not comment and last and i not in bare and o.has("close-comments")
                and o.rng.random() < 0.6):
            comment = " " + _comment(o)  # after the last item, before the close
        out += "\n" + pad + item + comma + comment
    if o.chance("comments", 0.3) or (o.has("close-comments") and o.rng.random() < 0.4):
        out += "\n" + pad + _comment(o)
    return out + "\n" + " " * indent + closer


def _flow_key(k):
    return str(k)


def _flow_value(x, o, indent):
    if isinstance(x, (dict, list)):
        return [spell_flow(x, o, indent, False)]
    return spell_scalar(x, o, True, indent)


def _use_flow(v, o):
    mark = _mark_flow(v, o)
    if mark is not None:
        return mark
    if not v:
        return True
    if isinstance(v, dict):
        return o.chance("flow-map", 0.5) or o.chance("flow-multiline", 0.3)
    return o.chance("flow-seq", 0.5) or o.chance("flow-multiline", 0.3)


def _is_activity(v):
    return isinstance(v, dict) and "start" in v and "end" in v and "title" in v


def _holds_activities(v):
    """A line, the list of lines or a list of activities."""
    if isinstance(v, dict):
        return "activities" in v
    return isinstance(v, list) and bool(v) and all(
        isinstance(x, dict) and ("activities" in x or _is_activity(x)) for x in v)


def _mark_flow(v, o):
    """The mark classes' choice of flow or block for v (the same at every
    ask), or None to leave it to the other classes."""
    if id(v) in o.flow_choice:
        return o.flow_choice[id(v)]
    choice = None
    if _holds_activities(v) and any(o.has(c) for c in MARK_CLASSES):
        choice = False  # the activities are written as the class says
    elif _is_activity(v) and (o.has("status-block") and "status" in v):
        choice = False  # a block scalar cannot be in flow
    elif _is_activity(v) and (o.has("close-comments") or o.has("empty-before-close")):
        choice = o.rng.random() < 0.8
    elif _is_activity(v) and o.has("status-after-updates"):
        choice = o.rng.random() < 0.5
    elif o.has("dash-alone-deep") and v and (_is_activity(v) or isinstance(v, list)):
        choice = False  # block updates, where a '-' may stand alone
    if choice is not None:
        o.flow_choice[id(v)] = choice
    return choice


def _nested_depth(v):
    if isinstance(v, dict):
        return 1 + max((_nested_depth(x) for x in v.values()), default=0)
    if isinstance(v, list):
        return 1 + max((_nested_depth(x) for x in v), default=0)
    return 0


def _tail(o):
    tail = ""
    if o.chance("tabs", 0.3):
        tail += o.rng.choice(["\t", " \t", "\t\t"])
    if o.chance("comments", 0.2):
        tail += " " + _comment(o)
    return tail


def spell_value_lines(key_text, v, o, indent):
    """Lines for 'key: value' (or '- value' when key_text is '-')."""
    pad = " " * indent
    dash = key_text == "-"
    head = pad + ("-" if dash else key_text + ":")
    gap = "\t" if not dash and o.chance("tabs", 0.2) else " "
    if isinstance(v, (dict, list)):
        if _use_flow(v, o) and _nested_depth(v) <= 3:
            multiline = o.chance("flow-multiline", 0.6) or (
                (o.has("close-comments") or o.has("empty-before-close")) and o.rng.random() < 0.6)
            text = spell_flow(v, o, indent + o.step, multiline)
            return (head + gap + text + _tail(o)).split("\n")
        if dash and isinstance(v, dict):
            # compact: '- k: v' with the other keys under the first
            body = spell_mapping(v, o, indent + 2)
            return [head + " " + body[0][indent + 2:]] + body[1:]
        comment = " " + _comment(o) if o.chance("comments", 0.2) else ""
        child = indent + o.step
        if dash:
            child = indent + 2
        elif isinstance(v, list) and o.indentless:
            child = indent
        return [head + comment] + spell_block(v, o, child)
    if key_text == "status" and isinstance(v, str) and o.has("status-block"):
        return [head + gap + line if i == 0 else line
                for i, line in enumerate(_status_block(v, o, indent))]
    lines = spell_scalar(v, o, False, indent, None if dash else key_text)
    if lines[0] == "":
        return [head + _tail(o)]
    single = len(lines) == 1 and not lines[0].startswith(("|", ">"))
    if not dash and single and o.chance("explicit-keys", 0.3):
        # ':' then a tab is legal YAML that libyaml refuses: a space here
        return [pad + "? " + key_text, pad + ": " + lines[0] + _tail(o)]
    if not dash and single and o.chance("comments", 0.15):
        # the value on the next line, after a comment
        return [head + " " + _comment(o), " " * (indent + o.step + 1) + lines[0] + _tail(o)]
    if single:
        return [head + gap + lines[0] + _tail(o)]
    if lines[0].startswith(("|", ">")) and o.chance("comments", 0.3):
        lines[0] += " " + _comment(o)
    return [head + gap + lines[0]] + lines[1:]


def _status_block(v, o, indent):
    """`blocked` as a block scalar: | or >, chomping, an indentation digit,
    a comment after the header, a blank line kept by '+'."""
    chomp = o.rng.choice(["", "-", "+"])
    digit = o.rng.choice([0, 0, 1, 2, 3])
    header = o.rng.choice(["|", ">"]) + (chomp + str(digit) if digit and o.rng.random() < 0.5
                                         else (str(digit) if digit else "") + chomp)
    if o.rng.random() < 0.3:
        header += " " + _comment(o)
    step = digit or o.rng.choice([1, 2, 4])
    lines = [header, " " * (indent + step) + v]
    if chomp == "+" and o.rng.random() < 0.5:
        lines.append("")
    return lines


def _lone_dash_entry(x, o, indent):
    """'-' alone (perhaps with a comment), then the mapping below it at a
    column 1 to 4 past the '-', in block or flow style."""
    head = " " * indent + "-" + (" " + _comment(o) if o.rng.random() < 0.3 else "")
    keys = indent + o.rng.choice([1, 2, 3, 4])
    if "date" in x and o.rng.random() < 0.25:  # an update, not a line or activity
        return [head, " " * keys + spell_flow(x, o, keys, False)]
    return [head] + spell_mapping(x, o, keys)


def spell_mapping(d, o, indent):
    keys = list(d)
    if o.has("key-order"):
        o.rng.shuffle(keys)
    out = []
    for k in keys:
        out.extend(spell_value_lines(str(k), d[k], o, indent))
        out.append(Marker(indent))
    return out


def spell_block(v, o, indent):
    if isinstance(v, dict):
        return spell_mapping(v, o, indent)
    out = []
    for x in v:
        if isinstance(x, dict) and x and o.has("dash-alone-deep") and o.rng.random() < 0.6:
            out.extend(_lone_dash_entry(x, o, indent))
        elif isinstance(x, dict) and x and not _use_flow(x, o) and o.chance("dash-alone", 0.4):
            out.append(" " * indent + "-" + (" " + _comment(o) if o.chance("comments", 0.5) else ""))
            out.extend(spell_mapping(x, o, indent + 2))
        else:
            out.extend(spell_value_lines("-", x, o, indent))
        out.append(Marker(indent))
    return out


# -- content changes and the whole file -------------------------------------


def alter_texts(v, o, key=None):
    """The unicode and escapes classes put other characters into texts."""
    if isinstance(v, dict):
        return {k: alter_texts(x, o, k) for k, x in v.items()}
    if isinstance(v, list):
        return [alter_texts(x, o, key) for x in v]
    if isinstance(v, str) and key in TEXT_KEYS and key != "evidence":
        if o.chance("unicode", 0.4):
            sample = o.rng.choice(UNICODE_SAMPLES)
            v = o.rng.choice([sample, v + " " + sample, sample + " " + v])
        if o.chance("escapes", 0.3) and len(v) > 2:
            i = o.rng.randint(1, len(v) - 1)
            v = v[:i] + o.rng.choice(ESCAPED_INSERTS) + v[i:]
    return v


# Optional keys that the nulls class may add written with no value.
OPTIONAL = {
    "plan": ["entity", "objective", "language", "thresholds"],
    "line": ["objective", "product", "support"],
    "activity": ["product", "deliverables", "lead", "support", "weight", "status"],
    "update": ["note", "by", "evidence"],
    "owner": ["name", "parent", "external"],
}


def add_nulls(doc, o):
    def fill(d, kind, p):
        for k in OPTIONAL[kind]:
            if k not in d and o.rng.random() < p:
                d[k] = None

    fill(doc.get("plan") or {}, "plan", 0.5)
    for owner in (doc.get("owners") or {}).values():
        if isinstance(owner, dict):
            fill(owner, "owner", 0.3)
    for line in doc.get("lines") or []:
        fill(line, "line", 0.4)
        for act in line.get("activities") or []:
            fill(act, "activity", 0.25)
            for up in act.get("updates") or []:
                fill(up, "update", 0.3)


def _activities(doc):
    return [a for line in doc.get("lines") or [] for a in line.get("activities") or []]


def _month_day(month, day):
    return datetime.date(2021, month, day)


def add_mark_places(doc, o):
    """Puts into the plan the values whose spellings a mark class tries."""
    for act in _activities(doc):
        if not isinstance(act, dict):
            continue
        if o.has("status-block") and "status" not in act and o.rng.random() < 0.6:
            act["status"] = o.rng.choice(["blocked", "cancelled"])
        if o.has("dash-alone-deep") and not act.get("updates") and o.rng.random() < 0.7:
            # updates to go between: two or three, dated in order
            months = sorted(o.rng.sample(range(2, 10), o.rng.choice([2, 3])))
            progress = sorted(o.rng.sample(range(0, 90), len(months)))
            act["updates"] = [{"date": _month_day(m, o.rng.randint(1, 28)), "progress": p}
                              for m, p in zip(months, progress)]
            act["progress"] = progress[-1]
        if o.has("status-after-updates") and not act.get("updates") and o.rng.random() < 0.7:
            # `updates` with no value, then the status: both move to the end
            for key in ("updates", "status"):
                act.pop(key, None)
            act["updates"] = None
            act["status"] = o.rng.choice(["blocked", "cancelled"])
        if o.has("empty-before-close") and o.rng.random() < 0.8:
            key = o.rng.choice(["product", "support", "lead", "weight", "deliverables"] +
                               ([] if act.get("updates") else ["updates"]))
            act.pop(key, None)
            act[key] = None  # last, so that it is written right before '}'
            for up in act.get("updates") or []:
                if isinstance(up, dict) and o.rng.random() < 0.5:
                    up.pop("note", None)
                    up["note"] = None


def make_mark_variant(doc, index, seed, base_name):
    """(classes, text) of variant number index of a base plan in the mark
    classes: one of MARK_CLASSES, sometimes with a class from MARK_EXTRAS."""
    rng = random.Random("mark:%s:%s:%d" % (seed, base_name, index))
    classes = [MARK_CLASSES[index % len(MARK_CLASSES)]]
    for _ in range(rng.choice([0, 1, 1, 2])):
        extra = rng.choice(MARK_EXTRAS)
        if extra not in classes:
            classes.append(extra)
    o = Options(classes, rng)
    add_mark_places(doc, o)
    return classes, _emit(doc, o, base_name)


def make_variant(doc, index, seed, base_name):
    """(classes, text) of variant number index of a base plan."""
    rng = random.Random("%s:%s:%d" % (seed, base_name, index))
    classes = [CLASSES[index % len(CLASSES)]]
    for _ in range(rng.choice([0, 0, 1, 2])):
        extra = rng.choice(CLASSES)
        if extra not in classes:
            classes.append(extra)
    o = Options(classes, rng)
    doc = alter_texts(doc, o)
    if o.has("nulls"):
        add_nulls(doc, o)
    return classes, _emit(doc, o, base_name)


def _emit(doc, o, base_name):
    """The text of doc in o's spellings, with o's whole-file classes."""
    items = spell_mapping(doc, o, 0)
    lines = []
    for item in items:
        if not isinstance(item, Marker):
            lines.append(item)
        elif o.chance("blank-lines", 0.3):
            lines.extend(o.rng.choice([[""], ["", ""], [" " * o.rng.randint(0, 3)]]))
        elif o.chance("comments", 0.15):
            lines.append(" " * o.rng.randint(0, item.indent) + _comment(o))
    text = "\n".join(lines) + "\n"
    if o.has("comments"):
        text = "# " + base_name + "\n" + text + "# fin\n"
    if o.has("doc-markers"):
        text = o.rng.choice(["---\n", "--- # plan\n", "%YAML 1.1\n---\n",
                             "%TAG !e! tag:e.org,2000:\n---\n", ""]) + text
        text += o.rng.choice(["...\n", "", "...\n# después\n"])
    if o.has("crlf"):
        text = text.replace("\n", "\r\n")
    if o.has("bom"):
        text = "\ufeff" + text
    return text
