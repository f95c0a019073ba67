// init.cpp: the commented template of `plan init`, in Spanish and English.
#include "plan/init.h"

#include <fmt/format.h>

#include <string_view>

#include "plan/edit.h"

namespace plan {
namespace {

// @ID@, @TITLE@ and @Y@ (the year) are filled in; every other word is a
// placeholder for the user. Both owners are used, so that no
// unused-owner warning greets a new plan.
constexpr std::string_view kTemplateEs = R"(# yaml-language-server: $schema=plan.schema.json
#
# Plan creado con `plan init`. Reemplace los textos de ejemplo (entidad,
# dependencias, línea y actividad) por los de su plan y compruébelo con
#   plan validate --strict ESTE-ARCHIVO
#
# La primera línea indica al editor (yaml-language-server) el esquema del
# formato, en un archivo plan.schema.json en esta misma carpeta. Escríbalo con
#   plan schema > plan.schema.json
# El formato completo: docs/format.es.md (o `man plan`).
version: 1
plan:
  # El id: solo a-z, 0-9 y -, único entre los planes que se validan juntos.
  id: @ID@
  title: @TITLE@
  entity: Nombre de la entidad
  period: {start: @Y@-01, end: @Y@-12}  # la vigencia
  language: es                           # idioma de las respuestas: es o en
  objective: Objetivo general del plan.

# Dependencias que lideran o apoyan, por su código corto.
owners:
  OAP: {name: Oficina Asesora de Planeación}
  SG: {name: Secretaría General}

lines:                                   # líneas estratégicas
  - id: 1
    title: Primera línea estratégica
    objective: Objetivo estratégico de la línea.
    lead: [OAP]                          # líder
    support: [SG]                        # apoyo
    activities:
      - id: 1                            # dirección 1.1
        title: Primera actividad
        start: @Y@-02                     # 1 de febrero
        end: @Y@-06                       # 30 de junio
        product: Producto o entregable de la actividad
        # El seguimiento lo escribe `plan mark 1.1 40 --note "..."`:
        # progress: 40
        # updates:
        #   - {date: @Y@-03-31, progress: 40, note: Qué se hizo, by: OAP}
        #
        # Una meta (indicador) y su programación, si la actividad las tiene:
        # goal:
        #   indicator: Talleres realizados
        #   unit: talleres
        #   target: 20
        #   kind: eficacia
        # programme:
        #   - {by: @Y@-04, value: 8}
        #   - {by: @Y@-06, value: 20}
        #
        # La revisión de cada corte (de la Oficina de Control Interno) la
        # escribe `plan review 1.1 --period C1 --verified 30 --by SG`:
        # reviews:
        #   - {period: C1, date: @Y@-05-15, by: SG, verified: 30, note: Observaciones}
)";

constexpr std::string_view kTemplateEn = R"(# yaml-language-server: $schema=plan.schema.json
#
# Plan created by `plan init`. Replace the example texts (entity, owners,
# line and activity) with your plan's and check it with
#   plan validate --strict THIS-FILE
#
# The first line tells the editor (yaml-language-server) where the format's
# schema is: a file plan.schema.json in this same folder. Write it with
#   plan schema > plan.schema.json
# The whole format: docs/format.en.md (or `man plan`).
version: 1
plan:
  # The id: only a-z, 0-9 and -, unique among the plans validated together.
  id: @ID@
  title: @TITLE@
  entity: Name of the institution
  period: {start: @Y@-01, end: @Y@-12}  # the plan's period
  language: en                           # language of the output: es or en
  objective: The plan's general objective.

# The units that lead or support, by a short code.
owners:
  PO: {name: Planning Office}
  GS: {name: General Secretariat}

lines:                                   # strategic lines
  - id: 1
    title: First strategic line
    objective: The line's strategic objective.
    lead: [PO]
    support: [GS]
    activities:
      - id: 1                            # address 1.1
        title: First activity
        start: @Y@-02                     # 1 February
        end: @Y@-06                       # 30 June
        product: The activity's product or deliverable
        # Follow-up is written by `plan mark 1.1 40 --note "..."`:
        # progress: 40
        # updates:
        #   - {date: @Y@-03-31, progress: 40, note: What was done, by: PO}
        #
        # A goal (indicator) and its programme, if the activity has them:
        # goal:
        #   indicator: Workshops held
        #   unit: workshops
        #   target: 20
        #   kind: eficacia
        # programme:
        #   - {by: @Y@-04, value: 8}
        #   - {by: @Y@-06, value: 20}
        #
        # Each cut-off's review (by the internal control office) is written
        # by `plan review 1.1 --period C1 --verified 30 --by GS`:
        # reviews:
        #   - {period: C1, date: @Y@-05-15, by: GS, verified: 30, note: Observations}
)";

void replace_all(std::string* text, std::string_view from, const std::string& to) {
  for (size_t at = text->find(from); at != std::string::npos; at = text->find(from, at + to.size()))
    text->replace(at, from.size(), to);
}

}  // namespace

std::string default_init_id(int year) { return fmt::format("plan-{}", year); }

std::string init_template(const InitValues& values) {
  const bool es = values.lang == Language::es;
  std::string text(es ? kTemplateEs : kTemplateEn);
  const std::string year = fmt::format("{:04}", values.year);
  std::string title = values.title;
  if (title.empty())
    title = fmt::format(es ? "Plan de acción {}" : "Action plan {}", year);
  const std::string id = values.id.empty() ? default_init_id(values.year) : values.id;
  replace_all(&text, "@ID@", yaml_scalar(id, false));
  replace_all(&text, "@TITLE@", yaml_scalar(title, false));
  replace_all(&text, "@Y@", year);
  return text;
}

}  // namespace plan
