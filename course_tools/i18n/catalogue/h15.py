"""Texts of branch h15: the own-data readers (panel, BACI, customs files), the report's datasheet and coverage.

Keys start with the module they serve (``"panel.*"``, ``"baci.*"``, ``"own_files.*"``...); every entry has
English and Spanish (Latin American, usted). Numbers in ``{value:,.2f}`` fields are written in the reader's
convention once the views layer is loaded (:mod:`course_tools.views.format`).
"""
from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "h15.own_files.note_skipped_total": {
        "en": "{unit} {number}: '{label}' is a total row, left out ({value:,.2f}; the data rows add up to "
              "{sum:,.2f}).",
        "es": "{unit} {number}: '{label}' es una fila de total, se dejó fuera ({value:,.2f}; las filas de datos "
              "suman {sum:,.2f})."},
    "h15.own_files.note_skipped_total_text": {
        "en": "{unit} {number}: '{label}' is a total row, left out ({value}; the data rows add up to "
              "{sum:,.2f}).",
        "es": "{unit} {number}: '{label}' es una fila de total, se dejó fuera ({value}; las filas de datos suman "
              "{sum:,.2f})."},
    "h15.own_files.customs_original_national": {
        "en": "national tariff lines ({classification}, {digits} digits after cutting)",
        "es": "líneas arancelarias nacionales ({classification}, {digits} dígitos después del corte)"},
    "h15.own_files.customs_original_hs": {
        "en": "HS ({classification}, {digits} digits)",
        "es": "SA ({classification}, {digits} dígitos)"},
    "h15.own_files.customs_no_edition": {
        "en": "HS edition not stated",
        "es": "edición del SA no indicada"},
    "h15.panel.not_a_frame": {
        "en": "{where}: flows must be a pandas DataFrame, not {kind}",
        "es": "{where}: los flujos deben ser un DataFrame de pandas, no {kind}"},
    "h15.panel.no_columns": {
        "en": "{where}: flows have no column(s) {missing}; a trade panel has the columns {columns} (+ optional "
              "'hs6')",
        "es": "{where}: los flujos no tienen la(s) columna(s) {missing}; un panel de comercio tiene las columnas "
              "{columns} (+ 'hs6', optativa)"},
    "h15.panel.what_negative": {
        "en": "negative values (trade values are >= 0; NaN = not reported)",
        "es": "valores negativos (los valores de comercio son >= 0; NaN = no declarado)"},
    "h15.panel.what_not_hs4": {
        "en": "product codes that are not HS 2007 4-digit text such as '0101'",
        "es": "códigos de producto que no son texto del SA 2007 a 4 dígitos como '0101'"},
    "h15.panel.what_not_iso3": {
        "en": "codes that are not ISO3 (three capitals)",
        "es": "códigos que no son ISO3 (tres mayúsculas)"},
    "h15.panel.what_repeated": {
        "en": "repeated rows of ({key})",
        "es": "filas repetidas de ({key})"},
    "h15.panel.what_both": {
        "en": "exporters with both {world} rows and rows by partner in one year (the world total would be "
              "counted twice)",
        "es": "exportadores con filas {world} y filas por socio en un mismo año (el total mundial se contaría "
              "dos veces)"},
    "h15.panel.refused": {
        "en": "{where}, column {column}: {n} row(s) with {what}; first: {rows}",
        "es": "{where}, columna {column}: {n} fila(s) con {what}; las primeras: {rows}"},
    "h15.panel.who_one": {
        "en": "{exporter}'s",
        "es": "de {exporter}"},
    "h15.panel.who_every": {
        "en": "every exporter's",
        "es": "de todos los exportadores"},
    "h15.panel.not_bilateral": {
        "en": "{source}: this panel does not hold {who} flows by importer in {year} (the source gives exports to "
              "the world only, importer {world}). How to fix: read a CEPII BACI release, or a customs file with "
              "a partner column, for bilateral flows.",
        "es": "{source}: este panel no tiene los flujos {who} por importador en {year} (la fuente da solo las "
              "exportaciones al mundo, importador {world}). Cómo corregirlo: lea una versión de CEPII BACI, o un "
              "archivo de aduanas con una columna de socio, para tener flujos bilaterales."},
    "h15.panel.window_order": {
        "en": "window {y0}:{y1}: the first year must come before the second (the panel has {years})",
        "es": "ventana {y0}:{y1}: el primer año debe ser anterior al segundo (el panel tiene {years})"},
    "h15.panel.shipped_years": {
        "en": "shipped_panel(years={years}): the shipped world tables are for {shipped}; for other years read a "
              "BACI release (read_baci) or your customs file (read_customs)",
        "es": "shipped_panel(years={years}): las tablas mundiales incluidas en el curso son de {shipped}; para "
              "otros años lea una versión de BACI (read_baci) o su archivo de aduanas (read_customs)"},
    "h15.baci.no_revision": {
        "en": "{file}: cannot tell the HS revision from the file name (BACI names its files "
              "BACI_HS92_Y2022_V202401.csv). How to fix: pass hs='92', '07' or '22'.",
        "es": "{file}: no se puede saber la revisión del SA por el nombre del archivo (BACI nombra sus archivos "
              "BACI_HS92_Y2022_V202401.csv). Cómo corregirlo: pase hs='92', '07' o '22'."},
    "h15.baci.revision_not_shipped": {
        "en": "{file}: BACI in HS{code} cannot be converted to HS 2007 with the concordances shipped with the "
              "course (HS92, HS07 and HS22 only). How to fix: download the HS92 (long series from 1995), HS07 or "
              "HS22 edition of the same release from the CEPII BACI page (every release is published in each "
              "revision), e.g. baci_url('202401', '92').",
        "es": "{file}: BACI en SA{code} no se puede convertir al SA 2007 con las tablas de correspondencia del "
              "curso (solo SA92, SA07 y SA22). Cómo corregirlo: descargue la edición SA92 (serie larga desde "
              "1995), SA07 o SA22 de la misma versión en la página de CEPII BACI (cada versión se publica en "
              "cada revisión), por ejemplo baci_url('202401', '92')."},
    "h15.baci.no_release": {
        "en": "no BACI release at {path}; download it with download_baci(release, dest)",
        "es": "no hay una versión de BACI en {path}; descárguela con download_baci(release, dest)"},
    "h15.baci.no_year_file": {
        "en": "{file}: no BACI year file (named like BACI_HS92_Y2022_V202401.csv) in it. How to fix: pass the "
              "release zip, the folder it unzips to, or one year's CSV.",
        "es": "{file}: no contiene ningún archivo anual de BACI (con nombres como BACI_HS92_Y2022_V202401.csv). "
              "Cómo corregirlo: pase el zip de la versión, la carpeta que se obtiene al descomprimirlo o el CSV "
              "de un año."},
    "h15.baci.no_years": {
        "en": "{file}: no year(s) {missing} in this release; its years are {have}. How to fix: choose years "
              "among them, or download a release that has them.",
        "es": "{file}: esta versión no tiene el/los año(s) {missing}; sus años son {have}. Cómo corregirlo: "
              "elija años entre ellos, o descargue una versión que los tenga."},
    "h15.baci.duckdb_failed": {
        "en": "{where}: DuckDB could not read the file ({err}). How to fix: use the file as published by CEPII, "
              "unchanged.",
        "es": "{where}: DuckDB no pudo leer el archivo ({err}). Cómo corregirlo: use el archivo tal como lo "
              "publica CEPII, sin cambios."},
    "h15.baci.no_country_file": {
        "en": "{file}: no country_codes_V*.csv found with the release (BACI's numeric codes are not all UN M49: "
              "France is 251, the USA 842). How to fix: keep the release's country_codes file next to the year "
              "files, or pass country_codes=path.",
        "es": "{file}: no se encontró country_codes_V*.csv junto a la versión (no todos los códigos numéricos de "
              "BACI son M49 de la ONU: Francia es 251, Estados Unidos 842). Cómo corregirlo: deje el archivo "
              "country_codes de la versión junto a los archivos anuales, o pase country_codes=ruta."},
    "h15.baci.country_file_columns": {
        "en": "{file}: a BACI country file has the columns country_code and country_iso3 (or iso_3digit_alpha); "
              "this one has {columns}. How to fix: use the country_codes file of the same release, unchanged.",
        "es": "{file}: un archivo de países de BACI tiene las columnas country_code y country_iso3 (o "
              "iso_3digit_alpha); este tiene {columns}. Cómo corregirlo: use el archivo country_codes de la "
              "misma versión, sin cambios."},
    "h15.baci.unknown_codes": {
        "en": "{file}: country code(s) {codes} are not in the release's country file. How to fix: use the "
              "country_codes file of the same release.",
        "es": "{file}: el/los código(s) de país {codes} no están en el archivo de países de la versión. Cómo "
              "corregirlo: use el archivo country_codes de la misma versión."},
    "h15.baci.unknown_hs": {
        "en": "unknown HS revision {hs} for BACI: use one of {known}",
        "es": "revisión del SA {hs} desconocida para BACI: use una de {known}"},
    "h15.baci.bad_release": {
        "en": "BACI release {release} must look like '202401' (year and month, YYYYMM), see "
              "https://www.cepii.fr/CEPII/en/bdd_modele/bdd_modele_item.asp?id=37",
        "es": "la versión de BACI {release} debe tener la forma '202401' (año y mes, AAAAMM), vea "
              "https://www.cepii.fr/CEPII/en/bdd_modele/bdd_modele_item.asp?id=37"},
    "h15.baci.download_failed": {
        "en": "could not download BACI from {url}: {err}. Check your internet connection and the release name on "
              "the CEPII BACI page, or pass url= to a copy you already have.",
        "es": "no se pudo descargar BACI desde {url}: {err}. Revise su conexión a internet y el nombre de la "
              "versión en la página de CEPII BACI, o pase url= con una copia que ya tenga."},
    "h15.baci.not_a_zip": {
        "en": "{url} did not return a zip file; check the release name ({release}).",
        "es": "{url} no devolvió un archivo zip; revise el nombre de la versión ({release})."},
    "h15.baci.no_member": {
        "en": "no BACI year file (BACI_HSxx_Yyyyy_Vrelease.csv) for years {years} in the zip",
        "es": "el zip no tiene ningún archivo anual de BACI (BACI_HSxx_Yaaaa_Vversión.csv) de los años {years}"},
    "h15.baci.no_columns": {
        "en": "{where} has no column(s) {missing}; BACI files have the columns {columns} (t year, i exporter, j "
              "importer, k HS6, v value, q tonnes)",
        "es": "{where} no tiene la(s) columna(s) {missing}; los archivos de BACI tienen las columnas {columns} "
              "(t año, i exportador, j importador, k SA6, v valor, q toneladas)"},
    "h15.baci.no_file": {
        "en": "no BACI file at {path}; download it with download_baci(release, dest)",
        "es": "no hay un archivo de BACI en {path}; descárguelo con download_baci(release, dest)"},
    "h15.baci.codes_table": {
        "en": "codes= must be a table with columns 'm49' and 'iso3', e.g. countries()",
        "es": "codes= debe ser una tabla con las columnas 'm49' e 'iso3', por ejemplo countries()"},
    "h15.baci.not_positive": {
        "en": "{name} must be a positive number, got {n}",
        "es": "{name} debe ser un número positivo, no {n}"},
    "h15.baci.bad_density": {
        "en": "density is a share of possible flows, between 0 and 1; got {density}",
        "es": "density es una proporción de los flujos posibles, entre 0 y 1; se recibió {density}"},
    "h15.niche_inputs.bad_io_region": {
        "en": "io_region must be one of the regions of the world input-output table {regions} (their own codes: "
              "NDL = Netherlands, ROW = rest of the world), not {io_region}",
        "es": "io_region debe ser una de las regiones de la tabla mundial de insumo-producto {regions} (con sus "
              "propios códigos: NDL = Países Bajos, ROW = resto del mundo), no {io_region}"},
    "h15.niche_inputs.not_reporting": {
        "en": " ({name} does not report trade in {year})",
        "es": " ({name} no declara comercio en {year})"},
    "h15.niche_inputs.not_iso3": {
        "en": " (not an ISO3 code: see data.countries())",
        "es": " (no es un código ISO3: vea data.countries())"},
    "h15.niche_inputs.not_reporter": {
        "en": "{code} is not a reporter of the {year} trade table{hint}; use an ISO3 code in capitals of a "
              "reporting country, e.g. 'MEX' or 'JAM'",
        "es": "{code} no es un declarante de la tabla de comercio de {year}{hint}; use el código ISO3 en "
              "mayúsculas de un país declarante, por ejemplo 'MEX' o 'JAM'"},
    "h15.niche_inputs.bad_country": {
        "en": "country must be an ISO3 code such as 'MEX', not {country}",
        "es": "country debe ser un código ISO3 como 'MEX', no {country}"},
    "h15.own_files.customs_no_year": {
        "en": "{file}: no year for the rows; pass year_col= (the file's year column) or year=2023",
        "es": "{file}: las filas no tienen año; pase year_col= (la columna del año en el archivo) o year=2023"},
    "h15.own_files.customs_no_heading": {
        "en": "{file}, column {column}: code(s) {codes} have no HS 2007 heading (no correspondence from "
              "{classification}). How to fix: check classification= (the HS edition of your nomenclature).",
        "es": "{file}, columna {column}: el/los código(s) {codes} no tienen partida del SA 2007 (no hay "
              "correspondencia desde {classification}). Cómo corregirlo: revise classification= (la edición del "
              "SA de su nomenclatura)."},
    "h15.own_files.customs_world_year": {
        "en": "world_year={world_year}: not a year of the world panel ({years})",
        "es": "world_year={world_year}: no es un año del panel mundial ({years})"},
    "h15.own_files.bad_encoding": {
        "en": "{where}: cannot be read as {encoding} ({err})\n  line {number}: {line}\nHow to fix: leave "
              "encoding=None to detect UTF-8 or Latin-1, or save the file as 'CSV UTF-8' in Excel.",
        "es": "{where}: no se puede leer como {encoding} ({err})\n  línea {number}: {line}\nCómo corregirlo: "
              "deje encoding=None para detectar UTF-8 o Latin-1, o guarde el archivo como 'CSV UTF-8' en Excel."},
    "h15.own_files.latin1_decodes": {
        "en": "latin-1 decodes any byte",
        "es": "latin-1 decodifica cualquier byte"},
    "h15.own_files.fix_saved": {
        "en": "check that you saved the file before reading it, or choose the right file.",
        "es": "revise que guardó el archivo antes de leerlo, o elija el archivo correcto."},
    "h15.own_files.empty_bytes": {
        "en": "the file is empty (0 bytes)",
        "es": "el archivo está vacío (0 bytes)"},
    "h15.own_files.empty_blank": {
        "en": "the file is empty (only blank lines)",
        "es": "el archivo está vacío (solo líneas en blanco)"},
    "h15.own_files.empty_cells": {
        "en": "the file is empty (no cells with content)",
        "es": "el archivo está vacío (ninguna celda tiene contenido)"},
    "h15.own_files.fix_file_sheet": {
        "en": "check that you chose the right file and sheet.",
        "es": "revise que eligió el archivo y la hoja correctos."},
    "h15.own_files.did_you_mean": {
        "en": "{missing} -> did you mean {close}?",
        "es": "{missing} -> ¿quiso decir {close}?"},
    "h15.own_files.units_line": {
        "en": "lines",
        "es": "líneas"},
    "h15.own_files.units_row": {
        "en": "rows",
        "es": "filas"},
    "h15.own_files.no_header": {
        "en": "required column(s) {missing} not found in the first {n} {units}; the {unit} most like a header "
              "({unit} {number}) has the columns {have}",
        "es": "no se encontró la(s) columna(s) requerida(s) {missing} en las primeras {n} {units}; la {unit} que "
              "más se parece a un encabezado ({unit} {number}) tiene las columnas {have}"},
    "h15.own_files.fix_columns": {
        "en": "pass the names of your columns, e.g. read_trade_file(path, country_col=..., product_col=..., "
              "value_col=...). {hint}",
        "es": "pase los nombres de sus columnas, por ejemplo read_trade_file(path, country_col=..., "
              "product_col=..., value_col=...). {hint}"},
    "h15.own_files.no_data_rows": {
        "en": "the header ({unit} {number}) is followed by no data {units}",
        "es": "debajo del encabezado ({unit} {number}) no hay {units} de datos"},
    "h15.own_files.fix_no_data": {
        "en": "add the data below the header, or check that you chose the right file and sheet.",
        "es": "agregue los datos debajo del encabezado, o revise que eligió el archivo y la hoja correctos."},
    "h15.own_files.not_found": {
        "en": "{path}: file not found (check the folder and the name, with its extension)",
        "es": "{path}: no se encontró el archivo (revise la carpeta y el nombre, con su extensión)"},
    "h15.own_files.no_country": {
        "en": "pass country_col= (the column with ISO3 codes) or country='XXX' for a one-country file",
        "es": "pase country_col= (la columna con códigos ISO3) o country='XXX' para un archivo de un solo país"},
    "h15.own_files.weights_bad_value": {
        "en": "{where}: cannot read {value} (a number, \"text\", true/false or {{ op = \">=\", value = 1.0 }})",
        "es": "{where}: no se puede leer {value} (un número, \"texto\", true/false o {{ op = \">=\", value = 1.0 "
              "}})"},
    "h15.own_files.weights_not_key_value": {
        "en": "{name}, line {n}: {line} is not 'key = value'",
        "es": "{name}, línea {n}: {line} no tiene la forma 'clave = valor'"},
    "h15.own_files.weights_not_toml": {
        "en": "{file}: not a TOML file ({err}). How to fix: start from datasets/templates/weights_template.toml.",
        "es": "{file}: no es un archivo TOML ({err}). Cómo corregirlo: parta de "
              "datasets/templates/weights_template.toml."},
    "h15.own_files.weights_not_found": {
        "en": "{path}: file not found (save your weights from L11 with write_weights)",
        "es": "{path}: no se encontró el archivo (guarde sus ponderaciones de la L11 con write_weights)"},
    "h15.coverage.unknown_country": {
        "en": "unknown country code {country}: use an ISO 3166 alpha-3 code in capitals such as 'PER' "
              "(course_tools.data.countries() lists them)",
        "es": "código de país desconocido {country}: use un código ISO 3166 alfa-3 en mayúsculas como 'PER' "
              "(course_tools.data.countries() los lista)"},
    "h15.datasheet.missing": {
        "en": "dataset_facts: the datasheet {path} is missing (it ships with the course)",
        "es": "dataset_facts: falta la ficha de datos {path} (viene con el curso)"},
    "h15.datasheet.no_section": {
        "en": "dataset_facts: no section for {unknown} in {file}; known datasets: {known}",
        "es": "dataset_facts: no hay sección para {unknown} en {file}; conjuntos de datos conocidos: {known}"},
    "h15.views_report.no_text": {
        "en": "no report text {key}; available keys: {keys}",
        "es": "no hay un texto del informe {key}; claves disponibles: {keys}"},
    "h15.views_report.no_columns": {
        "en": "table: no column(s) {missing} in the table; its columns are {columns}",
        "es": "table: la tabla no tiene la(s) columna(s) {missing}; sus columnas son {columns}"},
    "h15.views_notebook.online_renderer": {
        "en": "renderer={renderer} loads plotly.js from the internet, so figures would be blank offline; use the "
              "default 'plotly_mimetype+notebook'",
        "es": "renderer={renderer} carga plotly.js desde internet, así que sin conexión las figuras quedarían en "
              "blanco; use el predeterminado 'plotly_mimetype+notebook'"},
    "h15.own_files.no_sheet": {
        "en": "{file}: no sheet {sheet}; the sheets are {names}. How to fix: pass sheet= one of these names.",
        "es": "{file}: no hay una hoja {sheet}; las hojas son {names}. Cómo corregirlo: pase sheet= con uno de "
              "esos nombres."},
    "h15.own_files.not_numbers": {
        "en": "{n} value(s) are not numbers",
        "es": "{n} valor(es) no son números"},
    "h15.own_files.hint_decimal_comma": {
        "en": "the numbers use a decimal comma (e.g. 1.234,5): pass decimal=\",\" and thousands=\".\" (or format "
              "the column as Number in Excel before saving).",
        "es": "los números usan coma decimal (por ejemplo 1.234,5): pase decimal=\",\" y thousands=\".\" (o dé a "
              "la columna el formato Número en Excel antes de guardar)."},
    "h15.own_files.hint_thousands_comma": {
        "en": "the numbers use a thousands comma (e.g. 1,234.5): pass thousands=\",\".",
        "es": "los números usan coma de miles (por ejemplo 1,234.5): pase thousands=\",\"."},
    "h15.own_files.hint_thousands_space": {
        "en": "the numbers use spaces between thousands: pass thousands=\" \" (and decimal=\",\" if needed).",
        "es": "los números usan espacios entre los miles: pase thousands=\" \" (y decimal=\",\" si hace falta)."},
    "h15.own_files.hint_na_marks": {
        "en": "the file marks values that are not available with {marks}: pass na_values={marks} so those cells "
              "are read as missing (NaN, not reported), which is not the same as zero.",
        "es": "el archivo marca los valores no disponibles con {marks}: pase na_values={marks} para que esas "
              "celdas se lean como faltantes (NaN, no declarado), que no es lo mismo que cero."},
    "h15.own_files.hint_plain_numbers": {
        "en": "write values as plain numbers (e.g. 1234.5) and leave not-reported cells empty; or pass "
              "na_values=[...] with the text your file uses for 'not available' (e.g. na_values=['n.d.']) so "
              "those cells are read as missing (NaN), which is not the same as zero.",
        "es": "escriba los valores como números simples (por ejemplo 1234.5) y deje vacías las celdas no "
              "declaradas; o pase na_values=[...] con el texto que su archivo usa para 'no disponible' (por "
              "ejemplo na_values=['n.d.']) para que esas celdas se lean como faltantes (NaN), que no es lo mismo "
              "que cero."},
    "h15.own_files.negative": {
        "en": "{n} negative value(s); trade values cannot be negative",
        "es": "{n} valor(es) negativo(s); los valores de comercio no pueden ser negativos"},
    "h15.own_files.fix_negative": {
        "en": "correct these rows in your file (a minus sign often marks a correction or a re-export): remove "
              "them or replace them by the right value.",
        "es": "corrija esas filas en su archivo (un signo menos suele marcar una corrección o una "
              "reexportación): elimínelas o reemplácelas por el valor correcto."},
    "h15.own_files.fix_iso3": {
        "en": "use ISO 3166 alpha-3 codes such as 'CHL', 'MEX', 'BRA' (course_tools.data.countries() lists them "
              "with their names); map names or national codes to ISO3 first.",
        "es": "use códigos ISO 3166 alfa-3 como 'CHL', 'MEX', 'BRA' (course_tools.data.countries() los lista con "
              "sus nombres); convierta antes los nombres o códigos nacionales a ISO3."},
    "h15.own_files.unknown_countries": {
        "en": "{n} unknown country code(s)",
        "es": "{n} código(s) de país desconocido(s)"},
    "h15.own_files.mixed_lengths": {
        "en": "codes of different lengths {lengths} (most have {common} digits); totals or subtotals would be "
              "counted twice",
        "es": "códigos de distinta longitud {lengths} (la mayoría tiene {common} dígitos); los totales o "
              "subtotales se contarían dos veces"},
    "h15.own_files.fix_mixed_lengths": {
        "en": "keep one level of detail: delete subtotal/total rows, or aggregate the file to one level first.",
        "es": "mantenga un solo nivel de detalle: elimine las filas de subtotales/totales, o agregue antes el "
              "archivo a un solo nivel."},
    "h15.own_files.not_product_codes": {
        "en": "{n} code(s) are not {classification} product codes",
        "es": "{n} código(s) no son códigos de producto de {classification}"},
    "h15.own_files.fix_product_codes": {
        "en": "check the classification (classification='hs07', 'hs92' or 'hs22'; None skips the check) and "
              "write codes as text with their leading zeros ('0101', not 101); "
              "course_tools.data.products({classification}) lists the valid codes.",
        "es": "revise la clasificación (classification='hs07', 'hs92' o 'hs22'; None omite la verificación) y "
              "escriba los códigos como texto con sus ceros iniciales ('0101', no 101); "
              "course_tools.data.products({classification}) lista los códigos válidos."},
    "h15.own_files.bad_years": {
        "en": "{n} year(s) are not 4-digit years",
        "es": "{n} año(s) no son años de 4 dígitos"},
    "h15.own_files.fix_years": {
        "en": "write years as numbers such as 2022.",
        "es": "escriba los años como números, por ejemplo 2022."},
    "h15.own_files.repeated": {
        "en": "{n} {units} repeat the same ({keys})",
        "es": "{n} {units} repiten la misma combinación ({keys})"},
    "h15.own_files.fix_repeated": {
        "en": "each product must appear once per country (and year): add the repeated rows up in your file, or "
              "keep only one of them.",
        "es": "cada producto debe aparecer una vez por país (y año): sume las filas repetidas en su archivo, o "
              "conserve solo una de ellas."},
    "h15.own_files.only_totals": {
        "en": "every {unit} under the header is a total or a footer",
        "es": "cada {unit} debajo del encabezado es un total o una nota al pie"},
    "h15.own_files.ragged": {
        "en": "{n} {units} have more cells than the header ({width} columns): the separator of the file also "
              "stands inside some values, so the columns would shift",
        "es": "{n} {units} tienen más celdas que el encabezado ({width} columnas): el separador del archivo "
              "también aparece dentro de algunos valores, así que las columnas se correrían"},
    "h15.own_files.fix_ragged": {
        "en": "a decimal comma or a comma in a description splits a row when the file is separated by commas: "
              "save the file again from Excel as CSV with ';' as separator (or with quotes around texts and "
              "numbers), or pass delimiter= the separator your file really uses.",
        "es": "una coma decimal o una coma en una descripción parte la fila cuando el archivo está separado por "
              "comas: vuelva a guardar el archivo desde Excel como CSV con ';' como separador (o con comillas "
              "alrededor de textos y números), o pase delimiter= con el separador que su archivo usa realmente."},
    "h15.own_files.hint_optional": {
        "en": "If your file has no column {columns}, leave that option out (without a partner column the file "
              "gives exports to the world; without a year column pass year=2023).",
        "es": "Si su archivo no tiene la columna {columns}, omita esa opción (sin columna de socio el archivo da "
              "las exportaciones al mundo; sin columna de año pase year=2023)."},
    "h15.report_summary.source_line": {
        "en": "*Source: {source}, {years}.*",
        "es": "*Fuente: {source}, {years}.*"},
    "h15.report_summary.source_line_release": {
        "en": "*Source: {source} (release {release}), {years}.*",
        "es": "*Fuente: {source} (versión {release}), {years}.*"},
}
