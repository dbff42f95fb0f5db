"""Messages of :mod:`course_tools.views` (errors of the tables, figures and widgets): ``views_msg.<module>.<what>``.

The figures' own labels are in the catalogue file named after each view module (``specialisation.py``...);
a message that names a label fills it from there (``territory.state``, ``rca_explorer.region``).
"""

TEXTS: dict[str, dict[str, str]] = {
    # ---------------------------------------------------------------- complexity
    "views_msg.complexity.not_a_result": {
        "en": "expected the result of indicators.complexity(...), got {type}",
        "es": "se esperaba el resultado de indicators.complexity(...) y se recibió {type}",
    },
    "views_msg.complexity.unknown_country": {
        "en": "{country!r} is not among the {n} countries of the complexity result: check the code (ISO3 in "
              "capitals, e.g. 'MEX') or whether filter_for_complexity dropped it",
        "es": "{country!r} no está entre los {n} países del resultado de complejidad: revise el código (ISO3 en "
              "mayúsculas, p. ej. 'MEX') o si filter_for_complexity lo excluyó",
    },
    "views_msg.complexity.no_members": {
        "en": "none of the `members` is in the complexity result: check the codes (ISO3 in capitals)",
        "es": "ninguno de los `members` está en el resultado de complejidad: revise los códigos (ISO3 en "
              "mayúsculas)",
    },
    "views_msg.complexity.opportunity_gain": {
        "en": "opportunity_gain must be indicators.opportunity_gain(result) for the same result",
        "es": "opportunity_gain debe ser indicators.opportunity_gain(result) calculado sobre el mismo resultado",
    },
    "views_msg.complexity.sort_by": {
        "en": "sort_by={sort_by!r} is not a column; use one of {columns}",
        "es": "sort_by={sort_by!r} no es una columna; use una de {columns}",
    },
    "views_msg.complexity.layout_nodes": {
        "en": "layout_nodes must be the nodes table of data.product_space_layout('hs')",
        "es": "layout_nodes debe ser la tabla de nodos de data.product_space_layout('hs')",
    },
    "views_msg.complexity.du_table": {
        "en": "table needs columns {columns}: use diversity_ubiquity_table(result)",
        "es": "table necesita las columnas {columns}: use diversity_ubiquity_table(result)",
    },
    "views_msg.complexity.nodes": {
        "en": "nodes must be the table of product_space_nodes(...)",
        "es": "nodes debe ser la tabla de product_space_nodes(...)",
    },
    "views_msg.complexity.edges": {
        "en": "edges must have columns source and target (data.product_space_layout)",
        "es": "edges debe tener las columnas source y target (data.product_space_layout)",
    },
    "views_msg.complexity.no_countries": {
        "en": "countries is empty: pass the codes to choose from",
        "es": "countries está vacío: pase los códigos entre los que se elige",
    },
    # ---------------------------------------------------------------- dynamics
    "views_msg.dynamics.unknown_quadrant": {
        "en": "unknown quadrant label(s) {unknown}; expected {expected}",
        "es": "etiquetas de cuadrante desconocidas: {unknown}; se esperaban {expected}",
    },
    "views_msg.dynamics.no_tables": {
        "en": "compare_windows: give at least one table, e.g. {example}",
        "es": "compare_windows: pase al menos una tabla, p. ej. {example}",
    },
    "views_msg.dynamics.absent_countries": {
        "en": "country code(s) {codes} not in country_year; check the ISO3 codes",
        "es": "los códigos de país {codes} no están en country_year; revise los códigos ISO3",
    },
    "views_msg.dynamics.components": {
        "en": "components must be the Series returned by cms_world() (with a 'total_change' entry)",
        "es": "components debe ser la Series que devuelve cms_world() (con una entrada 'total_change')",
    },
    "views_msg.dynamics.pass_world_market_table": {
        "en": "Pass the result of world_market_table().",
        "es": "Pase el resultado de world_market_table().",
    },
    "views_msg.dynamics.pass_country_year": {
        "en": "Pass data.load_country_year().",
        "es": "Pase data.load_country_year().",
    },
    # ---------------------------------------------------------------- figures
    "views_msg.figures.products": {
        "en": "products must be a DataFrame with columns {code!r} and {name!r} (chapters and headings), e.g. "
              "pd.concat([data.products('hs07', level=2, lang=lang), data.products('hs07', level=4, lang=lang)])",
        "es": "products debe ser un DataFrame con las columnas {code!r} y {name!r} (capítulos y partidas), p. ej. "
              "pd.concat([data.products('hs07', level=2, lang=lang), data.products('hs07', level=4, lang=lang)])",
    },
    "views_msg.figures.nothing_exported": {
        "en": "{country} has no positive reported exports to draw",
        "es": "{country} no tiene exportaciones reportadas positivas que dibujar",
    },
    "views_msg.figures.partners_columns": {
        "en": "partners has no column(s) {missing}: pass the table of tables.top_partners()",
        "es": "partners no tiene las columnas {missing}: pase la tabla de tables.top_partners()",
    },
    "views_msg.figures.no_partners": {
        "en": "partners is empty: nothing to draw",
        "es": "partners está vacío: no hay nada que dibujar",
    },
    # ---------------------------------------------------------------- input_output
    "views_msg.input_output.not_sut": {
        "en": "pass the result of data.load_ibge_sut(level, year); it has no .{attr}",
        "es": "pase el resultado de data.load_ibge_sut(level, year); lo recibido no tiene .{attr}",
    },
    "views_msg.input_output.not_mrio": {
        "en": "pass the result of data.load_mrio_2000() (it needs .va and .other_inputs)",
        "es": "pase el resultado de data.load_mrio_2000() (necesita .va y .other_inputs)",
    },
    "views_msg.input_output.no_class_column": {
        "en": "{name} has no column {column!r}: pass the output of key_sectors()",
        "es": "{name} no tiene la columna {column!r}: pase el resultado de key_sectors()",
    },
    "views_msg.input_output.same_sectors": {
        "en": "the two tables must classify the same sectors (same index)",
        "es": "las dos tablas deben clasificar los mismos sectores (el mismo índice)",
    },
    "views_msg.input_output.not_va_in_exports": {
        "en": "pass the output of value_added_in_exports(); missing {missing}",
        "es": "pase el resultado de value_added_in_exports(); faltan {missing}",
    },
    "views_msg.input_output.unknown_exporter": {
        "en": "exporter {exporter!r} is not in the table; regions: {regions}",
        "es": "el exportador {exporter!r} no está en la tabla; regiones: {regions}",
    },
    "views_msg.input_output.linkages_column": {
        "en": "linkages_df has no column {column!r}: pass the output of key_sectors(linkages(...))",
        "es": "linkages_df no tiene la columna {column!r}: pase el resultado de key_sectors(linkages(...))",
    },
    "views_msg.input_output.not_fva_table": {
        "en": "pass the output of fva_by_source()",
        "es": "pase el resultado de fva_by_source()",
    },
    # ---------------------------------------------------------------- interdependence
    "views_msg.interdependence.not_a_frame": {
        "en": "{what}: expected a pandas DataFrame, got {type}",
        "es": "{what}: se esperaba un DataFrame de pandas y se recibió {type}",
    },
    "views_msg.interdependence.missing_columns": {
        "en": "{what}: column(s) {missing} not in the table; it has {columns}. Pass the right names as keyword "
              "arguments (e.g. exporter=..., importer=..., value=...)",
        "es": "{what}: las columnas {missing} no están en la tabla; sus columnas son {columns}. Pase los nombres "
              "correctos como argumentos con nombre (p. ej. exporter=..., importer=..., value=...)",
    },
    "views_msg.interdependence.negative_flows": {
        "en": "bilateral_flows: {n} negative flow(s) in column {column!r}; trade flows cannot be negative: "
              "check the file",
        "es": "bilateral_flows: {n} flujos negativos en la columna {column!r}; un flujo de comercio no puede ser "
              "negativo: revise el archivo",
    },
    "views_msg.interdependence.no_exports_in_table": {
        "en": "partner_intensities: {country!r} exports nothing in this table (or is not in it); use an ISO3 code "
              "in capitals such as 'MEX' (codes there look like {codes})",
        "es": "partner_intensities: {country!r} no exporta nada en esta tabla (o no figura en ella); use un código "
              "ISO3 en mayúsculas como 'MEX' (los códigos de la tabla son del tipo {codes})",
    },
    "views_msg.interdependence.fewer_than_two": {
        "en": "intensity_matrix: fewer than two of the countries are in the flow table",
        "es": "intensity_matrix: menos de dos de los países están en la tabla de flujos",
    },
    "views_msg.interdependence.members_string": {
        "en": "{function}: the members of {name!r} must be a list of codes, not one string",
        "es": "{function}: los miembros de {name!r} deben ser una lista de códigos, no una sola cadena de texto",
    },
    "views_msg.interdependence.not_square": {
        "en": "intensity_heatmap: pass the square matrix of intensity_matrix(...)",
        "es": "intensity_heatmap: pase la matriz cuadrada de intensity_matrix(...)",
    },
    "views_msg.interdependence.measure": {
        "en": "bloc_bar: measure must be one of {measures}, not {measure!r}",
        "es": "bloc_bar: measure debe ser una de {measures}, no {measure!r}",
    },
    "views_msg.interdependence.no_reported_exports": {
        "en": "export_shares: no reported exports for {country!r}; use an ISO3 code in capitals such as 'MEX'",
        "es": "export_shares: no hay exportaciones reportadas de {country!r}; use un código ISO3 en mayúsculas "
              "como 'MEX'",
    },
    "views_msg.interdependence.digits": {
        "en": "grubel_lloyd_table: digits must be 2, 4 or 6, not {digits!r}",
        "es": "grubel_lloyd_table: digits debe ser 2, 4 o 6, no {digits!r}",
    },
    "views_msg.interdependence.negative_trade": {
        "en": "grubel_lloyd_table: negative trade values; check the file",
        "es": "grubel_lloyd_table: hay valores de comercio negativos; revise el archivo",
    },
    "views_msg.interdependence.no_trade": {
        "en": "grubel_lloyd_table: there is no trade at all in this table",
        "es": "grubel_lloyd_table: esta tabla no tiene ningún flujo de comercio",
    },
    "views_msg.interdependence.nothing_to_measure": {
        "en": "grubel_lloyd_by_level: no trade to measure",
        "es": "grubel_lloyd_by_level: no hay comercio que medir",
    },
    # ---------------------------------------------------------------- rca_explorer
    "views_msg.rca_explorer.reference": {
        "en": "reference={reference!r}; use 'world' (every country of the table) or 'region' (the region group, "
              "e.g. {region})",
        "es": "reference={reference!r}; use 'world' (todos los países de la tabla) o 'region' (el grupo regional, "
              "p. ej. {region})",
    },
    "views_msg.rca_explorer.table_columns": {
        "en": "table needs columns {columns}: build it with reference_profiles(trade, country, region=...)",
        "es": "table necesita las columnas {columns}: constrúyala con reference_profiles(trade, country, "
              "region=...)",
    },
    "views_msg.rca_explorer.threshold": {
        "en": "threshold must be a number >= 0 (e.g. 1 or 2), not {threshold!r}",
        "es": "threshold debe ser un número >= 0 (p. ej. 1 o 2), no {threshold!r}",
    },
    "views_msg.rca_explorer.n": {
        "en": "n must be a whole number >= 1 (or None for all), not {n!r}",
        "es": "n debe ser un número entero >= 1 (o None para todos), no {n!r}",
    },
    "views_msg.rca_explorer.above_columns": {
        "en": "above needs columns {columns}: use products_above(reference_profiles(...))",
        "es": "above necesita las columnas {columns}: use products_above(reference_profiles(...))",
    },
    "views_msg.rca_explorer.not_profiles": {
        "en": "table must be reference_profiles(trade, country, region=...)",
        "es": "table debe ser reference_profiles(trade, country, region=...)",
    },
    # ---------------------------------------------------------------- specialisation
    "views_msg.specialisation.not_numbers": {
        "en": "{what}: {n} value(s) of {column!r} are not numbers (e.g. {example!r}); clean them with "
              "pd.to_numeric first",
        "es": "{what}: {n} valores de {column!r} no son números (p. ej. {example!r}); límpielos primero con "
              "pd.to_numeric",
    },
    "views_msg.specialisation.negative": {
        "en": "{what}: {column!r} has negative values; exports cannot be negative",
        "es": "{what}: {column!r} tiene valores negativos; las exportaciones no pueden ser negativas",
    },
    "views_msg.specialisation.unknown_country": {
        "en": "{code!r} is not in the {column!r} column of the trade table; use an ISO3 code such as 'MEX' "
              "(see data.countries())",
        "es": "{code!r} no está en la columna {column!r} de la tabla de comercio; use un código ISO3 como 'MEX' "
              "(vea data.countries())",
    },
    "views_msg.specialisation.codes_not_string": {
        "en": "{argument} must be a list of ISO3 codes, e.g. data.group_members('lac'), not a single string",
        "es": "{argument} debe ser una lista de códigos ISO3, p. ej. data.group_members('lac'), no una sola "
              "cadena de texto",
    },
    "views_msg.specialisation.no_exports": {
        "en": "{code} has no reported exports in the table: its RCA is undefined",
        "es": "{code} no tiene exportaciones reportadas en la tabla: su VCR no está definida",
    },
    "views_msg.specialisation.band": {
        "en": "band must be a fraction >= 0 (e.g. 0.1 for ±10 %), not {band!r}",
        "es": "band debe ser una fracción >= 0 (p. ej. 0.1 para ±10 %), no {band!r}",
    },
    "views_msg.specialisation.no_country_exports": {
        "en": "none of the countries {codes}… has exports in the table",
        "es": "ninguno de los países {codes}… tiene exportaciones en la tabla",
    },
    "views_msg.specialisation.one_country": {
        "en": "net_trade_profile needs ONE country; the table has {n} in {column!r}: filter it first",
        "es": "net_trade_profile necesita UN solo país; la tabla tiene {n} en {column!r}: fíltrela primero",
    },
    "views_msg.specialisation.level": {
        "en": "level must be a number of digits (e.g. 2 for HS chapters) or None, not {level!r}",
        "es": "level debe ser un número de dígitos (p. ej. 2 para los capítulos del SA) o None, no {level!r}",
    },
    "views_msg.specialisation.top_n": {
        "en": "top_n must be a whole number >= 1, not {top_n!r}",
        "es": "top_n debe ser un número entero >= 1, no {top_n!r}",
    },
    "views_msg.specialisation.nothing_left": {
        "en": "no product left to draw: lower min_share",
        "es": "no queda ningún producto que dibujar: baje min_share",
    },
    "views_msg.specialisation.no_common_rca": {
        "en": "the country exports nothing with an RCA against both references",
        "es": "el país no exporta nada que tenga VCR frente a ambas referencias",
    },
    "views_msg.specialisation.lafay_zero": {
        "en": "every Lafay value is 0: nothing to draw",
        "es": "todos los valores del índice de Lafay son 0: no hay nada que dibujar",
    },
    # ---------------------------------------------------------------- tables
    "views_msg.tables.level": {
        "en": "level must be 2 (chapters) or 4 (headings), not {level!r}",
        "es": "level debe ser 2 (capítulos) o 4 (partidas), no {level!r}",
    },
    "views_msg.tables.no_rows": {
        "en": "no rows for country {country!r} in column {column!r}; use an ISO3 code in capitals such as 'CHL' "
              "(codes present include {codes})",
        "es": "no hay filas del país {country!r} en la columna {column!r}; use un código ISO3 en mayúsculas como "
              "'CHL' (entre los códigos presentes están {codes})",
    },
    "views_msg.tables.not_hs": {
        "en": "product code {code!r} is not an HS code of at least 4 digits: codes are text such as '0101'",
        "es": "el código de producto {code!r} no es un código SA de al menos 4 dígitos: los códigos son texto, "
              "como '0101'",
    },
    "views_msg.tables.n": {
        "en": "n must be a positive whole number of partners, not {n!r}",
        "es": "n debe ser un número entero positivo de socios, no {n!r}",
    },
    "views_msg.tables.no_exports": {
        "en": "country {country!r} has no exports in column {column!r} of this table; use an ISO3 code in capitals "
              "present in the table (e.g. {codes})",
        "es": "el país {country!r} no tiene exportaciones en la columna {column!r} de esta tabla; use un código "
              "ISO3 en mayúsculas presente en la tabla (p. ej. {codes})",
    },
    "views_msg.tables.zero_total": {
        "en": "the exports of {code} add up to {total}: there is no share to compute",
        "es": "las exportaciones de {code} suman {total}: no hay participación que calcular",
    },
    # ---------------------------------------------------------------- territory
    "views_msg.territory.census_columns": {
        "en": "the census table has no column(s) {missing}: pass data.load_census()",
        "es": "la tabla del censo no tiene las columnas {missing}: pase data.load_census()",
    },
    "views_msg.territory.census_year": {
        "en": "census year {year!r} is not in the table; use one of {years}",
        "es": "el año censal {year!r} no está en la tabla; use uno de {years}",
    },
    "views_msg.territory.level": {
        "en": "level={level!r}; use 'state' ({state}) or 'nation' ({nation})",
        "es": "level={level!r}; use 'state' ({state}) o 'nation' ({nation})",
    },
    "views_msg.territory.municipality_not_found": {
        "en": "municipality {municipality!r} not found; use one of {known} ... (exact spelling with accents)",
        "es": "no se encontró el municipio {municipality!r}; use uno de {known} ... (escrito exactamente, con "
              "tildes)",
    },
    "views_msg.territory.lq_table": {
        "en": "lq_heatmap needs the output of lq_table (columns {columns})",
        "es": "lq_heatmap necesita el resultado de lq_table (columnas {columns})",
    },
    "views_msg.territory.by_industry": {
        "en": "shift_share_figure needs shift_share_table(..., by_industry=True)",
        "es": "shift_share_figure necesita shift_share_table(..., by_industry=True)",
    },
    "views_msg.territory.not_in_shift_share": {
        "en": "municipality {municipality!r} is not in the shift-share table",
        "es": "el municipio {municipality!r} no está en la tabla de shift-share",
    },
    # ---------------------------------------------------------------- widgets
    "views_msg.widgets.not_a_widget": {
        "en": "with_fallback(widget, fallback): the first argument must be an ipywidgets widget (a slider, "
              "dropdown, VBox, interactive(...) ...); got {type}. If you have a figure or table only, display it "
              "directly (no fallback is needed).",
        "es": "with_fallback(widget, fallback): el primer argumento debe ser un widget de ipywidgets (un "
              "deslizador, una lista desplegable, un VBox, interactive(...) ...); se recibió {type}. Si solo tiene "
              "una figura o una tabla, muéstrela directamente (no hace falta un respaldo).",
    },
}
