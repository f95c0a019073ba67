// cli/help_es.cpp: the Spanish of `plan`'s help, and the pass that puts it
// into the built CLI11 tree.
//
// Why a table keyed by the English text, here, and not messages.def: the
// help is written where each option is declared (src/cli/*.cpp, one file a
// subcommand, several of them written in parallel); ids in messages.def
// would mean changing every setup function and every add_option call, and
// a merge conflict in each. Keyed by the English, a subcommand's file stays
// as it is and its Spanish lands here, in one block per subcommand, and
// tests/cli/help_test.cpp names both the English texts that have no entry
// and the entries that no text uses any more (an English text that was
// reworded). messages.def keeps what plan says at run time; this table
// holds only the help.
#include <algorithm>
#include <cctype>
#include <functional>
#include <string_view>

#include "common.h"
#include "help.h"
#include "plan/i18n.h"

namespace plan::cli {
namespace {

struct HelpText {
  std::string_view en;
  std::string_view es;
};

// Each text of the help, in English exactly as its setup function writes
// it, and its Spanish; one block per subcommand. A new option's text goes
// in its subcommand's block, a new subcommand's in a new block.
// clang-format off
constexpr HelpText kHelpEs[] = {
    // CLI11's own flags and default group names.
    {"Print this help message and exit", "Muestra esta ayuda y termina"},
    {"Display program version information and exit", "Muestra la versión del programa y termina"},
    {"Options", "Opciones"},
    {"Subcommands", "Subcomandos"},
    // plan (main.cpp, app.cpp).
    {"plan: keep a public institution's action plan as YAML in git.\nValidate it, see where it stands, and record progress.",
     "plan: el plan de acción de una entidad pública en YAML, en git.\nValídelo, vea cómo va y registre el avance."},
    // Common options (common.cpp).
    {"Common options", "Opciones comunes"},
    {"Output language: es or en (default: the plan's)", "Idioma de la salida: es o en (por omisión: el del plan)"},
    {"Date to compute status at, YYYY-MM-DD (default: today)", "Fecha a la que se calcula el estado, AAAA-MM-DD (por omisión: hoy)"},
    {"Colour: auto, always or never", "Color: auto, always (siempre) o never (nunca)"},
    {"Output width in columns (default: the terminal's)", "Ancho de la salida en columnas (por omisión: el de la terminal)"},
    {"Plan files or directories (default: plans)", "Archivos o directorios de planes (por omisión: plans)"},
    {"Write CSV text cells as they are, for programs: by default a cell that begins with = + - @, tab or CR gets a leading ' so spreadsheets do not run it",
     "Escribe las celdas de texto del CSV tal cual, para programas: por omisión una celda que empieza por = + - @, tabulador o CR lleva delante un ' para que las hojas de cálculo no la ejecuten"},
    {"Write CSV for programs: the stable English column names and status codes, whole numbers, ',' and no BOM unless --sep or --bom say otherwise",
     "Escribe el CSV para programas: los nombres de columna estables en inglés y los códigos de estado, números enteros, ',' y sin BOM salvo que --sep o --bom digan otra cosa"},
    {"CSV separator: ';', ',' or tab (default: ';' for Spanish, ',' for English and with --codes)",
     "Separador del CSV: ';', ',' o tab (por omisión: ';' en español, ',' en inglés y con --codes)"},
    {"Start CSV with a UTF-8 BOM, which Excel needs to read accents (the default, but with --codes)",
     "Empieza el CSV con un BOM UTF-8, que Excel necesita para leer las tildes (por omisión, salvo con --codes)"},
    {"Write CSV without the BOM", "Escribe el CSV sin BOM"},
    // plan validate
    {"Check plan files against the format's rules", "Revisa los archivos de plan contra las reglas del formato"},
    {"Fail on warnings too", "Falla también con advertencias"},
    {"Output: text, json or github", "Salida: text, json o github"},
    // plan status
    {"Where each plan stands: progress, semáforo, attention", "Cómo va cada plan: avance, semáforo, lo que necesita atención"},
    {"Output: text or json", "Salida: text o json"},
    {"Draw with plain ASCII", "Dibuja solo con ASCII"},
    {"Also show what changed after this date up to the as-of date, YYYY-MM-DD",
     "Muestra también lo que cambió después de esta fecha hasta la fecha de corte, AAAA-MM-DD"},
    {"Show the plan at the end of a period of its year and what changed in it: T1, T2, T3, T4, C1, C2 or C3",
     "Muestra el plan al final de un periodo de su año y lo que cambió en él: T1, T2, T3, T4, C1, C2 o C3"},
    // plan timeline
    {"A Gantt chart of the activities", "Un diagrama de Gantt de las actividades"},
    {"First month shown, YYYY-MM (default: the plan's start)", "Primer mes que se muestra, AAAA-MM (por omisión: el inicio del plan)"},
    {"Last month shown, YYYY-MM (default: the plan's end)", "Último mes que se muestra, AAAA-MM (por omisión: el fin del plan)"},
    {"Rows grouped by line or by owner", "Filas agrupadas por línea (line) o por responsable (owner)"},
    // plan init
    {"Write a new plan file to fill in", "Escribe un archivo de plan nuevo para llenar"},
    {"The plan file to write", "El archivo de plan que se escribe"},
    {"The plan's id (default: plan-YEAR)", "El id del plan (por omisión: plan-AÑO)"},
    {"The plan's title (default: a placeholder; with --from, the old one's with its year replaced)",
     "El título del plan (por omisión: uno de ejemplo; con --from, el del plan anterior con su año cambiado)"},
    {"The plan's year (default: the --as-of date's; with --from, the next)",
     "El año del plan (por omisión: el de la fecha de --as-of; con --from, el siguiente)"},
    {"Roll this plan over to --year: same owners and lines, dates moved, follow-up cleared",
     "Pasa este plan a --year: los mismos responsables y líneas, las fechas movidas, el seguimiento vacío"},
    {"Replace FILE if it exists", "Reemplaza FILE si existe"},
    // plan mark
    {"Record progress: plan mark 2.3 40 --note \"...\" (also +10, done)",
     "Registra el avance: plan mark 2.3 40 --note \"...\" (también +10, done)"},
    {"The activity: 2.3, or PLAN-ID:2.3", "La actividad: 2.3, o ID-PLAN:2.3"},
    {"PROGRESS: 0..100, +N, -N or done (optional with --status, --note, --by or --evidence); then plan files or directories (default: plans)",
     "PROGRESS: 0..100, +N, -N o done (opcional con --status, --note, --by o --evidence); después, archivos o directorios de planes (por omisión: plans)"},
    {"What was done", "Lo que se hizo"},
    {"Owner code of who reports it", "Código del responsable que lo reporta"},
    {"A link or path to the evidence", "Un enlace o una ruta a la evidencia"},
    {"The goal's indicator value reached, instead of PROGRESS (the activity needs a goal; progress follows from value and target)",
     "El valor alcanzado del indicador de la meta, en lugar de PROGRESS (la actividad necesita una meta; el avance sale del valor y el objetivo)"},
    {"Date of the update, YYYY-MM-DD (default: the as-of date)", "Fecha del seguimiento, AAAA-MM-DD (por omisión: la fecha de corte)"},
    {"Change the status from --date on: blocked, cancelled, or active (none) to clear it",
     "Cambia el estado desde --date: blocked (bloqueada), cancelled (cancelada), o active (none) para quitarlo"},
    {"Record an update dated after today", "Registra un seguimiento con fecha posterior a hoy"},
    {"Print the change as a diff; write nothing", "Muestra el cambio como un diff; no escribe nada"},
    // plan review
    {"Record a review of a cut-off: plan review 2.3 --period C1 --verified 40 --by OCI",
     "Registra la verificación de un corte: plan review 2.3 --period C1 --verified 40 --by OCI"},
    {"The cut-off reviewed: T1..T4 or C1..C3", "El corte verificado: T1..T4 o C1..C3"},
    {"Owner code of the reviewer, e.g. OCI", "Código del responsable que verifica, p. ej. OCI"},
    {"The progress verified with evidence, 0..100", "El avance verificado con evidencia, 0..100"},
    {"The goal's indicator value verified", "El valor verificado del indicador de la meta"},
    {"The review's observations", "Las observaciones de la verificación"},
    {"Date of the review, YYYY-MM-DD (default: the as-of date)", "Fecha de la verificación, AAAA-MM-DD (por omisión: la fecha de corte)"},
    // plan list, plan show
    {"List every activity with its dates and status", "Lista cada actividad con sus fechas y su estado"},
    {"Show one line (2) or activity (2.3) in full", "Muestra completa una línea (2) o una actividad (2.3)"},
    {"LINE, LINE.ACTIVITY or PLAN-ID:LINE.ACTIVITY", "LÍNEA, LÍNEA.ACTIVIDAD o ID-PLAN:LÍNEA.ACTIVIDAD"},
    // plan filter
    {"Activities matching a query, e.g. \"lead:EPC and active:2021-05\" (docs/filter.md)",
     "Las actividades que cumplen una consulta, p. ej. \"lider:EPC y activa:2021-05\" (docs/filter.md)"},
    {"The query; quote it for the shell", "La consulta; póngala entre comillas para la terminal"},
    {"Output: text, json or csv", "Salida: text, json o csv"},
    // plan export
    {"The plan as csv, json, markdown, mermaid, ics or xlsx", "El plan en csv, json, markdown, mermaid, ics o xlsx"},
    {"csv, json, markdown, mermaid, ics or xlsx", "csv, json, markdown, mermaid, ics o xlsx"},
    {"Write to FILE instead of standard output (xlsx needs it, or a redirection, on a terminal)",
     "Escribe en FILE en lugar de la salida estándar (xlsx lo necesita, o una redirección, en una terminal)"},
    {"Replace the --output file if it exists", "Reemplaza el archivo de --output si existe"},
    // plan report
    {"The follow-up report at a cut-off: a quarter (T1..T4), a four-month period (C1..C3) or a date",
     "El informe de seguimiento a un corte: un trimestre (T1..T4), un cuatrimestre (C1..C3) o una fecha"},
    {"T1, T2, T3, T4, C1, C2 or C3", "T1, T2, T3, T4, C1, C2 o C3"},
    {"Cut-off date, YYYY-MM-DD (default: the as-of date)", "Fecha de corte, AAAA-MM-DD (por omisión: la fecha de --as-of)"},
    {"markdown, html or csv (csv: --layout oci)", "markdown, html o csv (csv: --layout oci)"},
    {"standard, or oci: the internal control office's follow-up matrix (programmed, reported and verified progress, observations); needs --period",
     "standard, u oci: la matriz de seguimiento de la oficina de control interno (avance programado, reportado y verificado, observaciones); necesita --period"},
    // plan add
    {"Add a line or an activity: plan add activity 2 --title \"...\" --start 2021-03 --end 2021-05",
     "Añade una línea o una actividad: plan add activity 2 --title \"...\" --start 2021-03 --end 2021-05"},
    {"Add a line after the plan's last one", "Añade una línea después de la última del plan"},
    {"The title", "El título"},
    {"The product or deliverable", "El producto o entregable"},
    {"Owner code(s) of the lead, e.g. SG or SG,EPC", "Código(s) de la dependencia líder, p. ej. SG o SG,EPC"},
    {"Owner code(s) of the support, e.g. GAC,EPC", "Código(s) de las dependencias de apoyo, p. ej. GAC,EPC"},
    {"The id (default: one more than the highest in use)", "El id (por omisión: uno más que el mayor en uso)"},
    {"The line's strategic objective", "El objetivo estratégico de la línea"},
    {"Add an activity at the end of a line", "Añade una actividad al final de una línea"},
    {"The line: 2, or PLAN-ID:2", "La línea: 2, o ID-PLAN:2"},
    {"Start date, YYYY-MM or YYYY-MM-DD", "Fecha de inicio, AAAA-MM o AAAA-MM-DD"},
    {"End date, YYYY-MM or YYYY-MM-DD", "Fecha de fin, AAAA-MM o AAAA-MM-DD"},
    // plan import
    {"Read a follow-up matrix (.xlsx or .csv) into a new plan file",
     "Lee una matriz de seguimiento (.xlsx o .csv) y escribe con ella un plan nuevo"},
    {"The spreadsheet to read: .xlsx or .csv", "La hoja de cálculo a leer: .xlsx o .csv"},
    {"The sheet to read (default: the first with the needed headers)",
     "La hoja a leer (por omisión: la primera con los encabezados necesarios)"},
    {"Name the columns: KEY=Header,... with KEY one of line, line_title, objective, id, title, lead, support, start, end, product, progress, weight",
     "Nombra las columnas: CLAVE=Encabezado,... con CLAVE una de line, line_title, objective, id, title, lead, support, start, end, product, progress, weight"},
    {"Take the owners from this plan file: each cell names one of its codes or names",
     "Toma las dependencias de este plan: cada celda nombra uno de sus códigos o nombres"},
    {"The plan's id (default: from the output file's name)", "El id del plan (por omisión: el nombre del archivo de salida)"},
    {"The plan's title (default: one naming FILE)", "El título del plan (por omisión: uno que nombra FILE)"},
    {"Write the rows that could be read, list the rest, and exit 1",
     "Escribe las filas que se pudieron leer, lista las demás y termina con 1"},
    {"Replace the output file if it exists", "Reemplaza el archivo de salida si existe"},
    // plan site
    {"A static web site of the plans: where they stand, a report per cut-off, a page per line and activity, and the downloads",
     "Un sitio web estático de los planes: dónde están, un informe por corte, una página por línea y por actividad, y las descargas"},
    {"The site's folder: new, empty, or a site plan wrote", "La carpeta del sitio: nueva, vacía o un sitio que escribió plan"},
    {"Write into a folder that is not a site plan wrote (no file in it is deleted)",
     "Escribe en una carpeta que no es un sitio escrito por plan (no se borra ningún archivo suyo)"},
    {"Show the date the site was generated (without it, the same history gives the same bytes)",
     "Muestra la fecha en que se generó el sitio (sin ella, la misma historia da los mismos bytes)"},
    // plan schema, plan completion
    {"Print the JSON Schema of the plan format (docs/plan.schema.json)", "Muestra el JSON Schema del formato de plan (docs/plan.schema.json)"},
    {"Print a shell completion script: bash, zsh or fish", "Muestra un script de autocompletado para la terminal: bash, zsh o fish"},
    {"bash, zsh or fish", "bash, zsh o fish"},
};
// clang-format on

// CLI11's formatter labels (CLI/Formatter.hpp) and the type names it prints
// after an option (the part before ':' of "TEXT:{text,json}"). ASCII only:
// CLI11 pads the option column by bytes, not by what the terminal shows.
constexpr HelpText kLabelsEs[] = {
    {"Usage", "Uso"},
    {"OPTIONS", "OPCIONES"},
    {"SUBCOMMAND", "SUBCOMANDO"},
    {"SUBCOMMANDS", "SUBCOMANDOS"},
    {"Positionals", "Argumentos"},
    {"REQUIRED", "OBLIGATORIO"},
    {"Env", "Entorno"},
    {"Needs", "Necesita"},
    {"Excludes", "Excluye"},
};
constexpr HelpText kTypesEs[] = {
    {"TEXT", "TEXTO"},    {"INT", "ENTERO"},   {"UINT", "ENTERO"},    {"FLOAT", "NUMERO"},
    {"NUMBER", "NUMERO"}, {"FILE", "ARCHIVO"}, {"DIR", "DIRECTORIO"}, {"PATH", "RUTA"},
};

template <size_t N>
const HelpText* find(const HelpText (&table)[N], std::string_view en) {
  for (const HelpText& t : table) {
    if (t.en == en)
      return &t;
  }
  return nullptr;
}

// One text of the help and how to put another in its place.
struct Text {
  std::string english;
  std::function<void(const std::string&)> replace;
};

void collect_options(CLI::App* app, std::vector<Text>* out) {
  for (CLI::Option* opt : app->get_options()) {
    if (!opt->get_description().empty())
      out->push_back(
          {opt->get_description(), [opt](const std::string& s) { opt->description(s); }});
    if (!opt->get_group().empty())
      out->push_back({opt->get_group(), [opt](const std::string& s) { opt->group(s); }});
  }
}

// Every description and group name of app and its subcommands (option
// groups included: CLI11 keeps them as nameless subcommands).
void collect(CLI::App* app, std::vector<Text>* out) {
  if (!app->get_description().empty())
    out->push_back({app->get_description(), [app](const std::string& s) { app->description(s); }});
  if (app->get_parent() != nullptr && !app->get_group().empty())
    out->push_back({app->get_group(), [app](const std::string& s) { app->group(s); }});
  collect_options(app, out);
  for (CLI::App* sub : app->get_subcommands([](CLI::App*) { return true; })) collect(sub, out);
}

// "TEXT" of "TEXT:{text,json}"; the whole name when it has no ':'.
std::string type_word(const std::string& type_name) {
  return type_name.substr(0, type_name.find(':'));
}

// "TEXTO:{text,json}", "ENTERO:ENTERO en [40 - 1000]": the type words and
// CLI11's " in " before the braces put into Spanish; the words a value may
// take, inside the braces, are what the user types and stay.
std::string spanish_type(const std::string& type_name) {
  const size_t braces = std::min(type_name.find('{'), type_name.size());
  std::string out;
  size_t at = 0;
  while (at < braces) {
    size_t end = at;
    while (end < braces && std::isalpha(static_cast<unsigned char>(type_name[end]))) ++end;
    if (end == at) {
      out += type_name[at++];
      continue;
    }
    const std::string word = type_name.substr(at, end - at);
    const HelpText* h = find(kTypesEs, word);
    out += h != nullptr ? std::string(h->es) : word == "in" ? std::string("en") : word;
    at = end;
  }
  return out + type_name.substr(braces);
}

void type_names(CLI::App* app, std::vector<std::string>* out) {
  for (const CLI::Option* opt : app->get_options()) {
    if (!opt->get_type_name().empty())
      out->push_back(opt->get_type_name());
  }
  for (CLI::App* sub : app->get_subcommands([](CLI::App*) { return true; })) type_names(sub, out);
}

void add_unique(std::vector<std::string>* out, const std::string& s) {
  if (std::find(out->begin(), out->end(), s) == out->end())
    out->push_back(s);
}

}  // namespace

std::optional<Language> scan_lang_flag(int argc, const char* const* argv) {
  std::optional<Language> lang;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--")
      break;  // what follows is operands, not options
    if (arg == "--lang" && i + 1 < argc) {
      lang = parse_language(argv[++i]);
    } else if (arg.substr(0, 7) == "--lang=") {
      lang = parse_language(arg.substr(7));
    }
  }
  return lang;
}

Language help_language(std::optional<Language> flag) {
  return choose_language(flag, std::nullopt, locale_language());
}

void translate_help(CLI::App* app, Language lang) {
  if (lang != Language::es)
    return;
  std::vector<Text> texts;
  collect(app, &texts);
  for (const Text& t : texts) {
    if (const HelpText* h = find(kHelpEs, t.english))
      t.replace(std::string(h->es));
  }
  // Subcommands share their parent's formatter, so one set of labels.
  const std::shared_ptr<CLI::FormatterBase> formatter = app->get_formatter();
  for (const HelpText& l : kLabelsEs) formatter->label(std::string(l.en), std::string(l.es));
  std::vector<std::string> types;
  type_names(app, &types);
  for (const std::string& type : types) formatter->label(type, spanish_type(type));
}

std::vector<std::string> untranslated_help(CLI::App* app) {
  std::vector<Text> texts;
  collect(app, &texts);
  std::vector<std::string> out;
  for (const Text& t : texts) {
    if (find(kHelpEs, t.english) == nullptr)
      add_unique(&out, t.english);
  }
  std::vector<std::string> types;
  type_names(app, &types);
  for (const std::string& type : types) {
    if (find(kTypesEs, type_word(type)) == nullptr)
      add_unique(&out, "type name " + type_word(type));
  }
  return out;
}

std::vector<std::string> unused_help_translations(CLI::App* app) {
  std::vector<Text> texts;
  collect(app, &texts);
  std::vector<std::string> out;
  for (const HelpText& h : kHelpEs) {
    const bool used =
        std::any_of(texts.begin(), texts.end(), [&h](const Text& t) { return t.english == h.en; });
    if (!used)
      out.emplace_back(h.en);
  }
  return out;
}

std::string run_with_help(Language lang) { return tr(lang, Msg::usage_run_help, {}); }

}  // namespace plan::cli
