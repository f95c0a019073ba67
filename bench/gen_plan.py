#!/usr/bin/env python3
"""Generate a synthetic, valid plan file (format version 1) for benchmarks and tests.

The output follows the plan file format, version 1: one YAML
document with ``version``, ``plan``, ``owners`` and ``lines``.  Every file it
writes is meant to validate with zero diagnostics (no errors and no warnings):

* ids are unique, every owner code referenced is defined, every owner is used
  as lead or support somewhere, and no owner is both lead and support of the
  same line or activity (an activity's ``lead``/``support`` replaces the line's);
* ``parent`` always points to an earlier owner (no cycles); no owner is external;
* dates are real, inside 2021, ``start`` <= ``end`` under any reading of a
  ``YYYY-MM`` value (first or last day of the month);
* updates are oldest first with strictly increasing dates, on or after the
  activity start and no later than 2021-12-31, with non-decreasing progress,
  and the activity's ``progress`` equals the last update's progress;
* ``status: cancelled`` never goes with progress 100.

The same arguments always produce the same bytes (``random.Random(seed)``).

Usage:
    bench/gen_plan.py --activities N [--per-line M] [--seed S] [--owners K]
                      [--updates U] [-o FILE]

There are ceil(N / M) lines; the last one holds the remainder, so the plan has
exactly N activities.
"""

import argparse
import calendar
import datetime
import json
import re
import random
import sys

YEAR = 2021
PLAN_FIRST = datetime.date(YEAR, 1, 1)
PLAN_LAST = datetime.date(YEAR, 12, 31)

UNIT_KINDS = [
    "Dirección de Análisis Sectorial",
    "Oficina Asesora de Planeación",
    "Subdirección de Participación Ciudadana",
    "Grupo de Atención al Ciudadano",
    "Oficina de Comunicaciones y Prensa",
    "Dirección de Regulación Económica",
    "Secretaría General Adjunta",
    "Grupo de Gestión Jurídica",
    "Oficina de Tecnologías de la Información",
    "Dirección de Innovación Pública",
]

VERBS = [
    "Divulgar", "Elaborar", "Realizar", "Publicar", "Socializar",
    "Implementar", "Consolidar", "Actualizar", "Diseñar", "Promover",
    "Fortalecer", "Evaluar", "Documentar", "Coordinar", "Gestionar",
]

OBJECTS = [
    "la política de participación ciudadana",
    "el informe de rendición de cuentas",
    "los espacios de diálogo con grupos de valor",
    "la estrategia de comunicación institucional",
    "el plan de acción sectorial",
    "los mecanismos de atención al ciudadano",
    "la caracterización de grupos de interés",
    "el diagnóstico de participación",
    "las mesas técnicas regionales",
    "la guía metodológica de consulta pública",
    "el tablero de seguimiento de compromisos",
    "los lineamientos de innovación pública",
]

SHORT_OBJECTS = [
    "el boletín mensual", "la encuesta anual", "el foro virtual",
    "las actas del comité", "el micrositio", "la cartilla",
]

COMPLEMENTS = [
    "con los grupos de valor",
    "en las regiones priorizadas",
    "según el cronograma aprobado",
    "a través de canales digitales",
    "para la vigencia 2021",
    "en coordinación con las áreas misionales",
    "incluyendo la publicación de resultados",
    "mediante talleres presenciales y virtuales",
    "con enfoque diferencial y territorial",
    "en el marco del Modelo Integrado de Planeación y Gestión",
    "y su evaluación por parte de la ciudadanía",
    "con participación de la academia, gremios y veedurías",
]

TITLE_PREFIXES = ["Fase 2: ", "Compromiso: ", "Meta intermedia: "]

LINE_TITLES = [
    "Apropiación de la Política de Participación Ciudadana",
    "Rendición de cuentas permanente",
    "Fortalecimiento de capacidades institucionales",
    "Innovación abierta y colaboración ciudadana",
    "Transparencia y acceso a la información pública",
    "Gestión de peticiones, quejas, reclamos y denuncias",
    "Diálogo territorial con grupos de valor",
    "Control social y veedurías ciudadanas",
]

PRODUCTS = [
    "Documento con los resultados de la estrategia",
    "Informe trimestral de avance",
    "Memorias de los encuentros regionales",
    "Piezas de comunicación publicadas",
    "Matriz de seguimiento actualizada",
    "Acta de aprobación del comité directivo",
    "Divulgación institucional",
    "Informe de resultados: consolidado anual",
]

NOTES = [
    "Se publicó el documento en la intranet",
    "Avance: se realizaron tres talleres regionales",
    "Se remitió el informe al comité directivo",
    "Pendiente: validación de la Oficina Jurídica",
    "Se ajustó el cronograma por solicitud del líder",
    'Se socializó la "Guía de participación" con las áreas',
    "Acta #12 de la mesa técnica firmada",
    "Reunión de seguimiento: compromisos actualizados",
    "Se cargó la evidencia en el repositorio",
    "Actividad finalizada; informe aprobado por la dirección",
    "Se recibieron 45 aportes ciudadanos en la consulta",
    "Se amplió la convocatoria a organizaciones sociales, gremios y academia",
]

MONTHS_ES = [
    "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio",
    "agosto", "septiembre", "octubre", "noviembre", "diciembre",
]

EOL_COMMENTS = [
    "# revisado", "# validado con el líder", "# pendiente de evidencia",
    "# según informe trimestral", "# ajustado en comité",
]

# Plain scalars that YAML (1.1 or 1.2) would read as something else than a string.
_SPECIAL = re.compile(
    r"(?i)(?:y|n|yes|no|true|false|on|off|null|~|[-+.]?[0-9][-+.0-9_:eE]*)\Z")
_BAD_FIRST = set("-?:,[]{}#&*!|>'\"%@` ")


def q(text):
    """Return TEXT as a YAML scalar for block context: plain when safe, else double-quoted."""
    if (not text or text[0] in _BAD_FIRST or text[-1] in " :"
            or ": " in text or " #" in text or "\t" in text or "\n" in text
            or _SPECIAL.match(text)):
        return json.dumps(text, ensure_ascii=False)  # JSON strings are valid YAML double-quoted scalars
    return text


def dq(text):
    """Return TEXT as a double-quoted YAML scalar (used in flow context)."""
    return json.dumps(text, ensure_ascii=False)


_LAST_DAY = [0] + [calendar.monthrange(YEAR, m)[1] for m in range(1, 13)]


def last_day(month):
    return _LAST_DAY[month]


class Gen:
    def __init__(self, args):
        self.a = args
        self.r = random.Random(args.seed)

    # -- text -------------------------------------------------------------
    def title(self):
        r = self.r
        target = r.randint(20, 120)
        s = r.choice(VERBS) + " " + r.choice(SHORT_OBJECTS if target < 40 else OBJECTS)
        if r.random() < 0.06:
            s = r.choice(TITLE_PREFIXES) + s[0].lower() + s[1:]
        k = r.randrange(len(COMPLEMENTS))  # one rotation instead of a shuffle: faster
        for c in COMPLEMENTS[k:] + COMPLEMENTS[:k]:
            sep = ", " if c.startswith("incluyendo") else " "
            if len(s) + len(sep) + len(c) <= target:
                s += sep + c
        if len(s) < 20:
            s += " en la vigencia"
        return s[:120].rstrip(" ,")

    def note(self, month):
        r = self.r
        s = r.choice(NOTES)
        if r.random() < 0.3:
            s += " (corte de " + MONTHS_ES[month - 1] + ")"
        return s

    # -- dates ------------------------------------------------------------
    def dates(self):
        """Return (start_text, end_text, latest_start_date, end_date)."""
        r = self.r
        sm = r.randint(1, 12)
        em = min(12, sm + r.choice((0, 0, 1, 1, 2, 2, 3, 4, 5, 6, 8, 11)))
        if sm == em:
            if r.random() < 0.5:  # both YYYY-MM
                st, et = f"{YEAR}-{sm:02d}", f"{YEAR}-{em:02d}"
                s_late = datetime.date(YEAR, sm, last_day(sm))
                e = datetime.date(YEAR, em, last_day(em))
            else:  # both YYYY-MM-DD, same month
                d1, d2 = sorted((r.randint(1, last_day(sm)), r.randint(1, last_day(sm))))
                st, et = f"{YEAR}-{sm:02d}-{d1:02d}", f"{YEAR}-{em:02d}-{d2:02d}"
                s_late = datetime.date(YEAR, sm, d1)
                e = datetime.date(YEAR, em, d2)
        else:
            if r.random() < 0.5:
                st = f"{YEAR}-{sm:02d}"
                s_late = datetime.date(YEAR, sm, last_day(sm))
            else:
                d1 = r.randint(1, last_day(sm))
                st = f"{YEAR}-{sm:02d}-{d1:02d}"
                s_late = datetime.date(YEAR, sm, d1)
            if r.random() < 0.5:
                et = f"{YEAR}-{em:02d}"
                e = datetime.date(YEAR, em, last_day(em))
            else:
                d2 = r.randint(1, last_day(em))
                et = f"{YEAR}-{em:02d}-{d2:02d}"
                e = datetime.date(YEAR, em, d2)
        return st, et, s_late, e

    # -- structure --------------------------------------------------------
    def build(self):
        a, r = self.a, self.r
        k = a.owners
        width = max(2, len(str(k)))
        codes = [f"U{i:0{width}d}" for i in range(1, k + 1)]
        owners = []
        for i, code in enumerate(codes):
            name = f"{UNIT_KINDS[i % len(UNIT_KINDS)]} {i + 1:0{width}d}"
            parent = codes[r.randrange(i)] if i >= 2 and r.random() < 0.25 else None
            owners.append((code, name, parent))

        n, m = a.activities, a.per_line
        nlines = -(-n // m)
        lines = []
        used = set()
        for li in range(1, nlines + 1):
            count = m if li < nlines else n - m * (nlines - 1)
            lead = [codes[(li - 1) % k]]
            others = [c for c in codes if c != lead[0]]
            support = r.sample(others, 2 if (k > 2 and r.random() < 0.2) else 1)
            used.update(lead, support)
            line = {
                "id": li,
                "title": LINE_TITLES[(li - 1) % len(LINE_TITLES)]
                + ("" if li <= len(LINE_TITLES) else f" ({li})"),
                "objective": self.line_objective(),
                "lead": lead,
                "support": support,
                "product": r.choice(PRODUCTS) if r.random() < 0.5 else None,
                "acts": [self.activity(ai, lead, support, codes, used) for ai in range(1, count + 1)],
            }
            lines.append(line)

        # Every owner must be used: give the unused ones a support role on some line.
        # An unused owner appears in no lead or support list, so no overlap is possible.
        unused = [c for c in codes if c not in used]
        for i, c in enumerate(unused):
            lines[i % len(lines)]["support"].append(c)
        return owners, lines

    def line_objective(self):
        r = self.r
        comp = r.choice(COMPLEMENTS)
        return ("Mediante el desarrollo de acciones para " + r.choice(VERBS).lower() + " "
                + r.choice(OBJECTS) + (", " if comp.startswith("incluyendo") else " ") + comp)

    def activity(self, ai, line_lead, line_support, codes, used):
        r, a = self.r, self.a
        st, et, s_late, e = self.dates()
        act = {"id": ai, "title": self.title(), "start": st, "end": et,
               "product": r.choice(PRODUCTS), "weight": 2 if r.random() < 0.08 else None,
               "lead": None, "support": None}
        x = r.random()
        if x < 0.10:
            lead = [r.choice(codes)]
            act["lead"] = lead
            act["support"] = [r.choice([c for c in codes if c != lead[0]])]
        elif x < 0.13:
            cand = [c for c in codes if c not in line_support]
            act["lead"] = [r.choice(cand)]
        elif x < 0.16:
            cand = [c for c in codes if c not in line_lead]
            act["support"] = [r.choice(cand)]
        if act["lead"]:
            used.update(act["lead"])
        if act["support"]:
            used.update(act["support"])
        eff = (act["lead"] or line_lead) + (act["support"] or line_support)

        updates = []
        nup = r.randint(1, a.updates) if (a.updates > 0 and r.random() < 0.85) else 0
        if nup:
            hi = min(PLAN_LAST, e + datetime.timedelta(days=45))
            span = (hi - s_late).days + 1
            if span < nup:
                hi = PLAN_LAST
                span = (hi - s_late).days + 1
            nup = min(nup, span)
            picked = set()
            while len(picked) < nup:
                picked.add(r.randrange(span))
            offsets = sorted(picked)
            final = 100 if r.random() < 0.3 else r.randint(0, 100)
            progs = sorted(r.randint(0, final) for _ in range(nup - 1)) + [final]
            for off, p in zip(offsets, progs):
                day = s_late + datetime.timedelta(days=off)
                updates.append({
                    "date": day.isoformat(),
                    "progress": p,
                    "note": self.note(day.month),
                    "by": r.choice(eff) if r.random() < 0.4 else None,
                    "evidence": (f"https://intranet.example/doc/{r.randint(1, 99999)}"
                                 if r.random() < 0.3 else None),
                    "flow": r.random() < 0.2,
                })
            progress = final
        else:
            progress = r.randint(0, 100)
        act["progress"] = progress
        status = None
        if progress < 100:
            y = r.random()
            if y < 0.05:
                status = "blocked"
            elif y < 0.07:
                status = "cancelled"
        act["status"] = status
        act["updates"] = updates
        return act

    # -- output -----------------------------------------------------------
    def render(self):
        a, r = self.a, self.r
        owners, lines = self.build()
        out = []
        w = out.append
        w("# yaml-language-server: $schema=../docs/plan.schema.json\n")
        w("# Generado automáticamente por bench/gen_plan.py "
          f"(--activities {a.activities} --per-line {a.per_line} --seed {a.seed} "
          f"--owners {a.owners} --updates {a.updates}); no editar a mano.\n")
        w("version: 1\n")
        w("plan:\n")
        w(f"  id: bench-{a.activities}\n")
        w(f"  title: {q(f'Plan de Acción Sintético de Referencia con {a.activities} actividades')}\n")
        w("  entity: Ministerio de Comercio, Industria y Turismo\n")
        w(f"  period: {{start: {YEAR}-01, end: {YEAR}-12}}\n")
        w("  language: es\n")
        w("  objective: >-\n")
        w("    Medir el desempeño de la herramienta de seguimiento con un plan sintético,\n")
        w("    generado de forma determinista para pruebas y comparaciones de rendimiento.\n")
        w("  thresholds: {green: 80, yellow: 60}\n")
        w("\n# Unidades responsables (líderes y apoyos)\n")
        w("owners:\n")
        for code, name, parent in owners:
            if parent:
                w(f"  {code}: {{name: {dq(name)}, parent: {parent}}}\n")
            else:
                w(f"  {code}: {{name: {dq(name)}}}\n")
        w("\nlines:\n")
        for line in lines:
            w(f"  # Línea {line['id']}\n")
            w(f"  - id: {line['id']}\n")
            w(f"    title: {q(line['title'])}\n")
            w(f"    objective: {q(line['objective'])}\n")
            w(f"    lead: [{', '.join(line['lead'])}]\n")
            w(f"    support: [{', '.join(line['support'])}]\n")
            if line["product"]:
                w(f"    product: {q(line['product'])}\n")
            w("    activities:\n")
            for act in line["acts"]:
                w(f"      - id: {act['id']}\n")
                w(f"        title: {q(act['title'])}\n")
                w(f"        start: {act['start']}\n")
                if r.random() < 0.03:
                    w(f"        end: {act['end']}  {r.choice(EOL_COMMENTS)}\n")
                else:
                    w(f"        end: {act['end']}\n")
                w(f"        product: {q(act['product'])}\n")
                if act["weight"]:
                    w(f"        weight: {act['weight']}\n")
                if act["lead"]:
                    w(f"        lead: [{', '.join(act['lead'])}]\n")
                if act["support"]:
                    w(f"        support: [{', '.join(act['support'])}]\n")
                if r.random() < 0.05:
                    w(f"        progress: {act['progress']}  {r.choice(EOL_COMMENTS)}\n")
                else:
                    w(f"        progress: {act['progress']}\n")
                if act["status"]:
                    w(f"        status: {act['status']}\n")
                if act["updates"]:
                    w("        updates:\n")
                    for u in act["updates"]:
                        if u["flow"]:
                            parts = [f"date: {u['date']}", f"progress: {u['progress']}",
                                     f"note: {dq(u['note'])}"]
                            if u["by"]:
                                parts.append(f"by: {u['by']}")
                            if u["evidence"]:
                                parts.append(f"evidence: {dq(u['evidence'])}")
                            w("          - {" + ", ".join(parts) + "}\n")
                        else:
                            w(f"          - date: {u['date']}\n")
                            w(f"            progress: {u['progress']}\n")
                            w(f"            note: {q(u['note'])}\n")
                            if u["by"]:
                                w(f"            by: {u['by']}\n")
                            if u["evidence"]:
                                w(f"            evidence: {u['evidence']}\n")
        return "".join(out)


def positive(text):
    v = int(text)
    if v < 1:
        raise argparse.ArgumentTypeError(f"must be a positive integer: {text}")
    return v


def non_negative(text):
    v = int(text)
    if v < 0:
        raise argparse.ArgumentTypeError(f"must be a non-negative integer: {text}")
    return v


def main(argv=None):
    p = argparse.ArgumentParser(
        description="Generate a synthetic, valid plan YAML file for benchmarks and tests.")
    p.add_argument("--activities", type=positive, required=True,
                   help="total number of activities N")
    p.add_argument("--per-line", type=positive, default=20,
                   help="activities per line M (default 20); the last line holds the remainder")
    p.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    p.add_argument("--owners", type=int, default=12,
                   help="number of owners K, at least 2 (default 12)")
    p.add_argument("--updates", type=non_negative, default=3,
                   help="maximum updates per activity U (default 3)")
    p.add_argument("-o", "--output", metavar="FILE", help="output file (default stdout)")
    args = p.parse_args(argv)
    if args.owners < 2:
        p.error("--owners must be at least 2 (lead and support must differ)")

    data = Gen(args).render().encode("utf-8")
    if args.output:
        with open(args.output, "wb") as f:
            f.write(data)
    else:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
