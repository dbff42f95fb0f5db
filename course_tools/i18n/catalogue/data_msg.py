"""Messages of :mod:`course_tools.data` (errors of the loaders): ``data_msg.<module>.<what>``.

The own-file reader, BACI and the niche-model inputs keep their messages in their own catalogue files.
"""

TEXTS: dict[str, dict[str, str]] = {
    # ---------------------------------------------------------------- _common
    "data_msg._common.file_not_found": {
        "en": "{path}: file not found (check the folder and the name, with its extension)",
        "es": "{path}: no se encontró el archivo (revise la carpeta y el nombre, con su extensión)",
    },
    # ---------------------------------------------------------------- census
    "data_msg.census.missing_columns": {
        "en": "{source}: column(s) {missing} not found; the header has {header}. Export from SAIC with "
              "'Año Censal', 'Entidad' and 'Actividad económica' as row dimensions.",
        "es": "{source}: no se encontraron las columnas {missing}; el encabezado tiene {header}. Exporte desde "
              "SAIC con 'Año Censal', 'Entidad' y 'Actividad económica' como dimensiones de las filas.",
    },
    "data_msg.census.bad_year": {
        "en": "{source}: 'Año Censal' has non-year values, e.g. {examples}",
        "es": "{source}: la columna 'Año Censal' tiene valores que no son años, p. ej. {examples}",
    },
    "data_msg.census.not_numeric": {
        "en": "{source}: column {column!r} has non-numeric values, e.g. {examples}",
        "es": "{source}: la columna {column!r} tiene valores no numéricos, p. ej. {examples}",
    },
    "data_msg.census.no_variables": {
        "en": "{source}: no variable columns (like 'H001A Personal ocupado total') in the header {header}",
        "es": "{source}: el encabezado {header} no tiene columnas de variables (como 'H001A Personal ocupado "
              "total')",
    },
    "data_msg.census.no_header": {
        "en": "{name}: no header line starting with 'Año Censal' in the first 100 lines; is this a SAIC export "
              "(https://www.inegi.org.mx/app/saic/) saved as CSV?",
        "es": "{name}: ninguna de las primeras 100 líneas es un encabezado que empiece con 'Año Censal'; ¿es una "
              "exportación de SAIC (https://www.inegi.org.mx/app/saic/) guardada como CSV?",
    },
    "data_msg.census.no_rows": {
        "en": "{name}: the header at line {line} is followed by no data rows",
        "es": "{name}: el encabezado de la línea {line} no va seguido de ninguna fila de datos",
    },
    # ---------------------------------------------------------------- classifications
    "data_msg.classifications.short_names_level": {
        "en": "short_names: level must be 2 (chapters) or 4 (headings), not {level}",
        "es": "short_names: level debe ser 2 (capítulos) o 4 (partidas), no {level}"},
    "data_msg.classifications.no_level": {
        "en": "{classification} has no level {level!r}; available levels: {available}",
        "es": "{classification} no tiene el nivel {level!r}; niveles disponibles: {available}",
    },
    "data_msg.classifications.unknown": {
        "en": "unknown classification {classification!r}; available: {available}",
        "es": "clasificación desconocida: {classification!r}; las disponibles son: {available}",
    },
    # ---------------------------------------------------------------- concordances
    "data_msg.concordances.no_pair": {
        "en": "no concordance {source!r} -> {target!r}; available pairs: {pairs}",
        "es": "no hay tabla de correspondencia {source!r} -> {target!r}; pares disponibles: {pairs}",
    },
    "data_msg.concordances.no_level": {
        "en": "{classification} has no level {level} in this concordance; available levels: {available}",
        "es": "{classification} no tiene el nivel {level} en esta tabla de correspondencia; niveles disponibles: "
              "{available}",
    },
    # ---------------------------------------------------------------- country_codes
    "data_msg.country_codes.unknown_group": {
        "en": "unknown group {group!r}; available groups: {available}",
        "es": "grupo desconocido: {group!r}; grupos disponibles: {available}",
    },
    "data_msg.country_codes.unknown_country": {
        "en": "unknown country code {code!r}: use an ISO 3166 alpha-3 code such as 'CHL' "
              "(see course_tools.data.countries())",
        "es": "código de país desconocido: {code!r}; use un código ISO 3166 alfa-3 como 'CHL' "
              "(vea course_tools.data.countries())",
    },
    # ---------------------------------------------------------------- trade
    "data_msg.trade.no_year": {
        "en": "no world trade table for year {year!r}; available years: {available}. "
              "For other years read your own file with read_trade_file().",
        "es": "no hay tabla de comercio mundial para el año {year!r}; años disponibles: {available}. "
              "Para otros años, lea su propio archivo con read_trade_file().",
    },
    "data_msg.trade.no_bilateral_year": {
        "en": "no Chile-Argentina table for year {year!r}; available years: {available}",
        "es": "no hay tabla Chile-Argentina para el año {year!r}; años disponibles: {available}",
    },
    "data_msg.trade.no_hs6_totals": {
        "en": "no HS6 totals for who={who!r}, year={year!r}; available: {available}",
        "es": "no hay totales por subpartida SA6 para who={who!r}, year={year!r}; disponibles: {available}",
    },
    # ---------------------------------------------------------------- manifest
    "data_msg.manifest.bad_line": {
        "en": "{manifest}, line {line_no}: expected '<sha256>  <path>', got {line!r}",
        "es": "{manifest}, línea {line_no}: se esperaba '<sha256>  <ruta>' y se encontró {line!r}",
    },
    "data_msg.manifest.missing": {
        "en": "Dataset file missing: datasets/{rel}. Restore it with `git checkout -- datasets/{rel}`.",
        "es": "Falta el archivo de datos datasets/{rel}. Restáurelo con `git checkout -- datasets/{rel}`.",
    },
    "data_msg.manifest.not_listed": {
        "en": "datasets/{rel} is not listed in datasets/{manifest}; a new dataset needs its checksum "
              "(run `course data manifest`) and an entry in datasets/README.md.",
        "es": "datasets/{rel} no figura en datasets/{manifest}; un conjunto de datos nuevo necesita su suma de "
              "verificación (ejecute `course data manifest`) y una entrada en datasets/README.md.",
    },
    "data_msg.manifest.changed": {
        "en": "datasets/{rel} does not match its published checksum (expected {expected}…, found {found}…): "
              "the file is corrupted or was edited. Restore the original with `git checkout -- datasets/{rel}`; "
              "to analyse a modified copy, save it under another name and read it with "
              "course_tools.data.read_trade_file().",
        "es": "datasets/{rel} no coincide con su suma de verificación publicada (se esperaba {expected}…, se "
              "encontró {found}…): el archivo está dañado o fue editado. Restaure el original con "
              "`git checkout -- datasets/{rel}`; para analizar una copia modificada, guárdela con otro nombre y "
              "léala con course_tools.data.read_trade_file().",
    },
    # ---------------------------------------------------------------- io_tables
    "data_msg.io_tables.no_sheet": {
        "en": "{file}: no sheet {sheet!r} (it has {sheets})",
        "es": "{file}: no hay una hoja {sheet!r} (sus hojas son {sheets})",
    },
    "data_msg.io_tables.bad_level": {
        "en": "level must be 12 or 68 (activities); got {level}",
        "es": "level debe ser 12 o 68 (actividades); se recibió {level}",
    },
    "data_msg.io_tables.bad_year": {
        "en": "IBGE tables at level {level} are shipped for {first}-{last}; got year={year}",
        "es": "las tablas del IBGE de nivel {level} vienen con el curso para {first}-{last}; se recibió year={year}",
    },
    "data_msg.io_tables.n_products": {
        "en": "{file}/oferta: expected {expected} products, found {found} rows",
        "es": "{file}/oferta: se esperaban {expected} productos y se encontraron {found} filas",
    },
    "data_msg.io_tables.no_product_total": {
        "en": "{file}/producao: expected 'Total do produto' after {n} activity columns",
        "es": "{file}/producao: se esperaba 'Total do produto' después de las {n} columnas de actividades",
    },
    "data_msg.io_tables.activities_differ": {
        "en": "{file}/{sheet}: activity columns differ from those of Tabela 1",
        "es": "{file}/{sheet}: las columnas de actividades difieren de las de la Tabela 1",
    },
    "data_msg.io_tables.demand_column": {
        "en": "{file}/demanda: column {column} should be {expected!r}, is {found!r}",
        "es": "{file}/demanda: la columna {column} debería ser {expected!r} y es {found!r}",
    },
    "data_msg.io_tables.va_rows": {
        "en": "{file}/VA: rows 'Valor da produção' or 'Fator trabalho' not found",
        "es": "{file}/VA: no se encontraron las filas 'Valor da produção' o 'Fator trabalho'",
    },
    "data_msg.io_tables.sector_names": {
        "en": "{file}: expected 51 distinct sector names in B6:B56",
        "es": "{file}: se esperaban 51 nombres de sector distintos en B6:B56",
    },
    "data_msg.io_tables.final_demand_columns": {
        "en": "{file}: final demand columns BD:BJ are {names}",
        "es": "{file}: las columnas de demanda final BD:BJ son {names}",
    },
    "data_msg.io_tables.row": {
        "en": "{file} row {row}",
        "es": "{file}, fila {row}",
    },
    "data_msg.io_tables.label": {
        "en": "{where}: expected a label starting with {start!r}, found {cell!r}",
        "es": "{where}: se esperaba una etiqueta que empiece con {start!r} y se encontró {cell!r}",
    },
    "data_msg.io_tables.block_sectors": {
        "en": "{file}: sector codes of block {region} differ from the first block",
        "es": "{file}: los códigos de sector del bloque {region} difieren de los del primer bloque",
    },
    "data_msg.io_tables.column_regions": {
        "en": "{file}: column regions {columns} differ from row regions {rows}",
        "es": "{file}: las regiones de las columnas {columns} difieren de las regiones de las filas {rows}",
    },
    "data_msg.io_tables.demand_regions": {
        "en": "{file}: final-demand regions {found} differ from {regions}",
        "es": "{file}: las regiones de la demanda final {found} difieren de {regions}",
    },
}
