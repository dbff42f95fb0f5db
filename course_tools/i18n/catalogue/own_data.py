"""Texts of the coordinator's own data (course_tools.data: the trade panel, BACI, customs files, own tables)."""

TEXTS: dict[str, dict[str, str]] = {
    # the first-screen sentence of a trade panel (Provenance.describe)
    "own_data.describe": {"en": "Trade: {source}, {years}", "es": "Comercio: {source}, {years}"},
    "own_data.describe_release": {"en": "release {release}", "es": "versión {release}"},
    "own_data.describe_hs07": {"en": "products in HS 2007 at 4 digits",
                               "es": "productos en SA 2007 a 4 dígitos"},
    "own_data.describe_converted": {"en": "{original} converted to HS 2007 at 4 digits with the shipped "
                                          "concordances (weights that keep totals)",
                                    "es": "{original} convertido a SA 2007 a 4 dígitos con las tablas de "
                                          "correspondencia del curso (ponderaciones que conservan los totales)"},
    "own_data.describe_path": {"en": "read from {path}", "es": "leído de {path}"},
    "own_data.source_baci": {"en": "CEPII BACI", "es": "CEPII BACI"},
    "own_data.source_customs": {"en": "national customs file", "es": "archivo nacional de aduanas"},
    "own_data.source_shipped": {"en": "shipped tables", "es": "tablas incluidas en el curso"},
    # notes of the shipped panel
    "own_data.note_shipped_totals": {
        "en": "Shipped world tables (UN Comtrade via Open Trade Statistics): country totals are 10-30 % above "
              "official goods exports; good for shares and RCA, not for official totals.",
        "es": "Tablas mundiales incluidas en el curso (UN Comtrade vía Open Trade Statistics): los totales por "
              "país superan en 10-30 % las exportaciones oficiales de bienes; sirven para participaciones y VCR, "
              "no para totales oficiales."},
    "own_data.note_shipped_sitc": {
        "en": "Years before HS existed (1962, 1980) were reported in SITC and converted to HS 2007 by Open Trade "
              "Statistics.",
        "es": "Los años anteriores al SA (1962, 1980) se reportaron en CUCI y Open Trade Statistics los convirtió "
              "a SA 2007."},
    # notes of a BACI panel
    "own_data.note_baci_values": {
        "en": "Values: BACI's v (thousands of current USD) x 1000, summed over HS 6-digit codes into HS 2007 "
              "4-digit headings by DuckDB, one year at a time; quantities (q) are left out.",
        "es": "Valores: v de BACI (miles de USD corrientes) x 1000, sumados de los códigos SA de 6 dígitos a las "
              "partidas SA 2007 de 4 dígitos con DuckDB, un año por vez; las cantidades (q) no se usan."},
    "own_data.note_baci_cut": {
        "en": "HS 2007 release: each 6-digit code goes to its own 4-digit heading.",
        "es": "Versión en SA 2007: cada código de 6 dígitos va a su propia partida de 4 dígitos."},
    "own_data.note_baci_concordance": {
        "en": "{hs} 6-digit codes converted to HS 2007 4-digit headings with the shipped concordance (UN/WITS, "
              "R package concordance): a code that corresponds to n headings gives 1/n of its value to each "
              "(weights that keep totals); a code with no correspondence goes to its own 4-digit heading when "
              "HS 2007 has it.",
        "es": "Códigos {hs} de 6 dígitos convertidos a partidas SA 2007 de 4 dígitos con la tabla de "
              "correspondencias del curso (ONU/WITS, paquete R concordance): un código que corresponde a n "
              "partidas da 1/n de su valor a cada una (ponderaciones que conservan los totales); un código sin "
              "correspondencia va a su propia partida de 4 dígitos si existe en el SA 2007."},
    "own_data.note_baci_unmatched": {
        "en": "{n} code(s) with no HS 2007 heading were left out ({codes}): USD {usd}, {share} % of the total.",
        "es": "Se dejaron fuera {n} código(s) sin partida SA 2007 ({codes}): USD {usd}, {share} % del total."},
    "own_data.note_baci_countries": {
        "en": "Exporters and importers: BACI's numeric codes to ISO3 with the release's own country file ({file}); "
              "codes that are not ISO3 are kept as the release writes them: {odd}.",
        "es": "Exportadores e importadores: códigos numéricos de BACI a ISO3 con el archivo de países de la misma "
              "versión ({file}); los códigos que no son ISO3 se mantienen como los escribe la versión: {odd}."},
    "own_data.note_baci_cache": {
        "en": "Aggregated once and cached as Parquet in {folder} (the release itself is only read).",
        "es": "Agregado una vez y guardado como Parquet en {folder} (la versión de BACI solo se lee)."},
    # the frame of every message about a coordinator's file (own_files.messages.Place.fail)
    "own_data.msg_column": {"en": "{where}, column {column}: {problem}", "es": "{where}, columna {column}: {problem}"},
    "own_data.msg_more": {"en": "  ... and {n} more", "es": "  ... y {n} más"},
    "own_data.msg_fix": {"en": "How to fix: {fix}", "es": "Cómo corregirlo: {fix}"},
    "own_data.unit_line": {"en": "line", "es": "línea"},
    "own_data.unit_row": {"en": "row", "es": "fila"},
    # national tariff lines, partners, totals (own_files.validation, own_files.totals)
    "own_data.national_codes": {
        "en": "{n} code(s) of {digits} digits: these look like national tariff lines (NCM, NALADISA or a national "
              "extension of the HS such as 1201.90.00), not {cls} product codes",
        "es": "{n} código(s) de {digits} dígitos: parecen líneas arancelarias nacionales (NCM, NALADISA o una "
              "apertura nacional del SA como 1201.90.00), no códigos de producto {cls}"},
    "own_data.national_fix": {
        "en": "pass national_codes=True: the first 6 digits of a national tariff line are its HS subheading, so "
              "each line is cut to 6 digits (HS6) and the lines of one HS6 are added up; pass classification= the "
              "HS edition your nomenclature is based on (e.g. 'hs22' for NCM 2022).",
        "es": "pase national_codes=True: los primeros 6 dígitos de una línea arancelaria nacional son su subpartida "
              "del SA, así que cada línea se corta a 6 dígitos (SA6) y se suman las líneas de una misma SA6; pase "
              "classification= la edición del SA de su nomenclatura (p. ej. 'hs22' para la NCM 2022)."},
    "own_data.note_national": {
        "en": "{n} national tariff line(s) of {digits} digits ({example}, ...) cut to their first 6 digits (the HS "
              "subheading) and added up by HS6: {n6} subheading(s).",
        "es": "{n} línea(s) arancelaria(s) nacional(es) de {digits} dígitos ({example}, ...) cortadas a sus 6 "
              "primeros dígitos (la subpartida del SA) y sumadas por SA6: {n6} subpartida(s)."},
    "own_data.note_skipped_total": {
        "en": "{unit} {number}: '{label}' is a total row, left out ({value}; the data rows add up to {sum}).",
        "es": "{unit} {number}: '{label}' es una fila de total, se dejó fuera ({value}; las filas de datos suman "
              "{sum})."},
    "own_data.note_skipped_footer": {
        "en": "{unit} {number}: '{label}' is a footer or note, left out.",
        "es": "{unit} {number}: '{label}' es una nota al pie, se dejó fuera."},
    "own_data.note_summed": {
        "en": "{n} row(s) with the same ({keys}) were added up (sum_duplicates=True): {rows} rows -> {kept}.",
        "es": "Se sumaron {n} fila(s) con los mismos ({keys}) (sum_duplicates=True): {rows} filas -> {kept}."},
    "own_data.unknown_partner_fix": {
        "en": "use ISO 3166 alpha-3 codes ('BRA', 'ARG') or country names in English or Spanish as in "
              "course_tools.data.countries('es') ('Brasil', 'Estados Unidos'); correct or remove these rows "
              "(a destination such as 'Zonas francas' or 'Provisión de a bordo' is not a country).",
        "es": "use códigos ISO 3166 alfa-3 ('BRA', 'ARG') o nombres de países en español o inglés como en "
              "course_tools.data.countries('es') ('Brasil', 'Estados Unidos'); corrija o quite esas filas "
              "(un destino como 'Zonas francas' o 'Provisión de a bordo' no es un país)."},
    # a customs panel (own_files.customs.read_customs)
    "own_data.note_customs": {
        "en": "{country}'s exports come from its customs file {file} (by partner when the file has them); every "
              "other exporter's come from the world panel: {world}",
        "es": "Las exportaciones de {country} vienen de su archivo de aduanas {file} (por destino si el archivo "
              "los tiene); las de los demás exportadores, del panel mundial: {world}"},
    "own_data.note_mixed_years": {
        "en": "YEARS MIXED on request (allow_mixed_years=True): {country}'s {year} exports are compared with the "
              "world's {world_year} flows, labelled {year}.",
        "es": "AÑOS MEZCLADOS a pedido (allow_mixed_years=True): las exportaciones {year} de {country} se comparan "
              "con los flujos mundiales de {world_year}, rotulados {year}."},
}
