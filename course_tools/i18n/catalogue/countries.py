"""Texts of the country matrix (``course check-countries``, the matrix tests): course/matrix*.py, cli/countries.py."""

TEXTS: dict[str, dict[str, str]] = {
    "countries.no_parameters_cell": {
        "en": "{notebook} has no cell tagged 'parameters': the country matrix sets COUNTRY there",
        "es": "{notebook} no tiene una celda con la etiqueta 'parameters': la matriz de países define COUNTRY allí",
    },
    "countries.cell_error": {
        "en": "cell {number} (`{line}`): {ename}: {evalue}",
        "es": "celda {number} (`{line}`): {ename}: {evalue}",
    },
    "countries.unknown_kind": {
        "en": "unknown group(s) of notebooks {kinds}: use {known}",
        "es": "grupo(s) de cuadernos desconocido(s) {kinds}: use {known}",
    },
    "countries.unknown_country": {
        "en": "unknown country code(s) {codes}: use ISO3 codes such as PRY (course_tools.data.countries() lists them)",
        "es": "código(s) de país desconocido(s) {codes}: use códigos ISO3 como PRY (course_tools.data.countries() "
              "los enumera)",
    },
    # --- sanity and consistency of the recorded values --------------------------------------------
    "countries.not_recorded": {
        "en": "{name} was not recorded",
        "es": "{name} no se registró",
    },
    "countries.not_finite": {
        "en": "{name} = {value!r} is not a finite number",
        "es": "{name} = {value!r} no es un número finito",
    },
    "countries.out_of_range": {
        "en": "{name} = {value!r} is outside [{low}, {high}]",
        "es": "{name} = {value!r} está fuera de [{low}, {high}]",
    },
    "countries.not_count": {
        "en": "{name} = {value!r} is not a whole number ≥ 0",
        "es": "{name} = {value!r} no es un número entero ≥ 0",
    },
    "countries.more_than": {
        "en": "{name} = {value} is more than {other} = {limit}",
        "es": "{name} = {value} es mayor que {other} = {limit}",
    },
    "countries.not_code": {
        "en": "{name} = {value!r} is not a product or country code",
        "es": "{name} = {value!r} no es un código de producto o de país",
    },
    "countries.bad_list": {
        "en": "{name} = {value!r}: expected at most {n} different codes",
        "es": "{name} = {value!r}: se esperaban como máximo {n} códigos distintos",
    },
    "countries.inconsistent": {
        "en": "{what}: {values} (the same number must be the same everywhere)",
        "es": "{what}: {values} (el mismo número debe ser igual en todas partes)",
    },
    "countries.expected": {
        "en": "{name}: expected {expected!r}, got {got!r} ({file})",
        "es": "{name}: se esperaba {expected!r}, se obtuvo {got!r} ({file})",
    },
    "countries.not_shown": {
        "en": "the notebook did not say {sentence!r}",
        "es": "el cuaderno no dijo {sentence!r}",
    },
    # --- the command's table -------------------------------------------------------------------------
    "countries.header_country": {"en": "country", "es": "país"},
    "countries.running": {
        "en": "{notebook}: {n} countries…",
        "es": "{notebook}: {n} países…",
    },
    "countries.summary": {
        "en": "{ok} of {total} runs passed ({countries} countries × {notebooks} notebooks) in {seconds:.0f} s",
        "es": "{ok} de {total} ejecuciones correctas ({countries} países × {notebooks} cuadernos) en {seconds:.0f} s",
    },
    "countries.failures": {
        "en": "What failed:",
        "es": "Lo que falló:",
    },
    "countries.failure_line": {
        "en": "✗ {country} · {notebook} · {reason}",
        "es": "✗ {country} · {notebook} · {reason}",
    },
    "countries.legend": {
        "en": "✓ ran and its values are sane · ✗ failed (the reason is listed below) · = the same number is the "
              "same in every notebook · lang = the language of the lessons (the report runs in the other one)",
        "es": "✓ se ejecutó y sus valores son coherentes · ✗ falló (el motivo se indica abajo) · = el mismo número "
              "es igual en todos los cuadernos · lang = idioma de las lecciones (el informe se ejecuta en el otro)",
    },
    "countries.help": {
        "en": "Run lessons, solutions and the report for many countries (one kernel per notebook) and print a "
              "table of countries × notebooks: ✓, or ✗ with the failing cell and the error.",
        "es": "Ejecuta las lecciones, las soluciones y el informe para muchos países (un kernel por cuaderno) y "
              "muestra una tabla de países × cuadernos: ✓, o ✗ con la celda que falló y el error.",
    },
    "countries.help_short": {
        "en": "run the lessons, solutions and report for every country: ✓ or ✗ and why",
        "es": "ejecuta lecciones, soluciones e informe para cada país: ✓ o ✗ y por qué",
    },
    "countries.help_lessons": {"en": "only the lessons", "es": "solo las lecciones"},
    "countries.help_solutions": {"en": "only the solution notebooks", "es": "solo los cuadernos de soluciones"},
    "countries.help_report": {"en": "only the country report", "es": "solo el informe de país"},
    "countries.help_country": {
        "en": "ISO3 code(s) (default: the 33 LAC countries, USA, DEU, CHN and IND)",
        "es": "código(s) ISO3 (por defecto: los 33 países de ALC, USA, DEU, CHN e IND)",
    },
    "countries.help_quiet": {"en": "no progress lines", "es": "sin líneas de progreso"},
    "countries.help_lang": {
        "en": "run every country in this language (default: Spanish for the Spanish-speaking countries, "
              "English for the others)",
        "es": "ejecuta todos los países en este idioma (por defecto: español para los países hispanohablantes, "
              "inglés para los demás)",
    },
}
