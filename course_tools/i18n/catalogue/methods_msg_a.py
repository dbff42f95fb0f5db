"""Texts of the messages (errors and warnings) of :mod:`course_tools.methods`: the shared checks of
``_common``, ``specialisation``, ``interdependence`` and ``territory``.

Keys: ``methods_msg_a.<module>.<what>``. Names of functions, arguments and columns stay as in the code.
"""

TEXTS: dict[str, dict[str, str]] = {
    # ---------------------------------------------------------------- _common (shared checks)
    "methods_msg_a.common.no_columns": {
        "en": "column(s) {missing} not in the table; it has {columns}. Pass the right names, e.g. country=..., "
              "product=..., value=...",
        "es": "la(s) columna(s) {missing} no están en la tabla; sus columnas son {columns}. Indique los nombres "
              "correctos, p. ej. country=..., product=..., value=...",
    },
    "methods_msg_a.common.not_numeric_values": {
        "en": "column {column!r} has {n} non-numeric value(s), e.g. {example!r}; convert it with "
              "pd.to_numeric(df[{column!r}], errors='coerce') and check what did not convert",
        "es": "la columna {column!r} tiene {n} valor(es) no numérico(s), p. ej. {example!r}; conviértala con "
              "pd.to_numeric(df[{column!r}], errors='coerce') y revise lo que no se pudo convertir",
    },
    "methods_msg_a.common.first_at": {
        "en": "(first at {column!r})",
        "es": "(el primero en {column!r})",
    },
    "methods_msg_a.common.first_at_cell": {
        "en": "(first at row {row!r}, column {column!r})",
        "es": "(el primero en la fila {row!r}, columna {column!r})",
    },
    "methods_msg_a.common.matrix_nan": {
        "en": "{what} has {n} NaN/inf value(s){where}. Decide what they mean: if missing means 'no trade' (or no "
              "jobs), fill them with 0 (m.fillna(0)); if it means 'unknown', drop those rows or columns (m.dropna()) "
              "and say so in your notes",
        "es": "{what} tiene {n} valor(es) NaN/inf{where}. Decida qué significan: si el dato faltante quiere decir "
              "'sin comercio' (o sin empleo), rellénelo con 0 (m.fillna(0)); si quiere decir 'desconocido', elimine "
              "esas filas o columnas (m.dropna()) y déjelo anotado",
    },
    "methods_msg_a.common.matrix_negative": {
        "en": "{what} has {n} negative value(s){where}; exports, imports and employment cannot be negative: check "
              "the source (a net or re-export figure, a sign error?) and fix or drop those cells",
        "es": "{what} tiene {n} valor(es) negativo(s){where}; las exportaciones, las importaciones y el empleo no "
              "pueden ser negativos: revise la fuente (¿una cifra neta o de reexportaciones, un error de signo?) y "
              "corrija o elimine esas celdas",
    },
    "methods_msg_a.common.column_not_numeric": {
        "en": "{what}: column {value!r} is not numeric (dtype {dtype}); convert it with "
              "pd.to_numeric(df[{value!r}], errors='coerce') and check what did not convert",
        "es": "{what}: la columna {value!r} no es numérica (dtype {dtype}); conviértala con "
              "pd.to_numeric(df[{value!r}], errors='coerce') y revise lo que no se pudo convertir",
    },
    "methods_msg_a.common.column_nan": {
        "en": "{what}: column {value!r} has {n} missing value(s) (NaN). If missing means 'no trade', use "
              "df.fillna({{{value!r}: 0}}); if it means 'unknown', drop those rows with df.dropna(subset=[{value!r}])",
        "es": "{what}: la columna {value!r} tiene {n} valor(es) no reportado(s) (NaN). Si el dato faltante quiere "
              "decir 'sin comercio', use df.fillna({{{value!r}: 0}}); si quiere decir 'desconocido', elimine esas "
              "filas con df.dropna(subset=[{value!r}])",
    },
    "methods_msg_a.common.column_inf": {
        "en": "{what}: column {value!r} has infinite values; fix them first",
        "es": "{what}: la columna {value!r} tiene valores infinitos; corríjalos primero",
    },
    "methods_msg_a.common.column_negative": {
        "en": "{what}: column {value!r} has {n} negative value(s) (first row: {first}); exports, imports and "
              "employment cannot be negative: check the source (a net or re-export figure?)",
        "es": "{what}: la columna {value!r} tiene {n} valor(es) negativo(s) (primera fila: {first}); las "
              "exportaciones, las importaciones y el empleo no pueden ser negativos: revise la fuente (¿una cifra "
              "neta o de reexportaciones?)",
    },
    "methods_msg_a.common.not_a_table": {
        "en": "{what}: expected a pandas DataFrame (tidy table or matrix) or Series, got {type}",
        "es": "{what}: se esperaba un DataFrame de pandas (tabla en formato largo o matriz) o una Series; se "
              "recibió {type}",
    },
    "methods_msg_a.common.no_columns_or_matrix": {
        "en": "{what}: the table has no column(s) {missing} (it has {columns}). Pass the right names, e.g. "
              "{rows}=..., {cols}=..., value=..., or give a numeric matrix with one row per {rows} and one column "
              "per {cols}",
        "es": "{what}: la tabla no tiene la(s) columna(s) {missing} (tiene {columns}). Indique los nombres "
              "correctos, p. ej. {rows}=..., {cols}=..., value=..., o entregue una matriz numérica con una fila por "
              "cada {rows} y una columna por cada {cols}",
    },
    "methods_msg_a.common.dropped_rows": {
        "en": "{what}: dropped {n_rows} {rows}(s) with zero total (e.g. {eg_rows}); their shares are undefined",
        "es": "{what}: se eliminaron {n_rows} valor(es) de {rows!r} con total cero (p. ej. {eg_rows}); sus "
              "participaciones no están definidas",
    },
    "methods_msg_a.common.dropped_cols": {
        "en": "{what}: dropped {n_cols} {cols}(s) nobody has (e.g. {eg_cols}); their shares are undefined",
        "es": "{what}: se eliminaron {n_cols} valor(es) de {cols!r} que nadie registra (p. ej. {eg_cols}); sus "
              "participaciones no están definidas",
    },
    "methods_msg_a.common.dropped_both": {
        "en": "{what}: dropped {n_rows} {rows}(s) with zero total (e.g. {eg_rows}) and {n_cols} {cols}(s) nobody "
              "has (e.g. {eg_cols}); their shares are undefined",
        "es": "{what}: se eliminaron {n_rows} valor(es) de {rows!r} con total cero (p. ej. {eg_rows}) y {n_cols} "
              "valor(es) de {cols!r} que nadie registra (p. ej. {eg_cols}); sus participaciones no están definidas",
    },
    "methods_msg_a.common.all_zero": {
        "en": "{what}: every {rows} sums to 0, nothing is left to compute shares on; check that the value column "
              "holds the flows (not all zeros or empty)",
        "es": "{what}: todos los valores de {rows!r} suman 0 y no queda nada sobre lo cual calcular "
              "participaciones; verifique que la columna de valores contenga los flujos (que no sea toda ceros ni "
              "esté vacía)",
    },
    "methods_msg_a.common.sum_zero": {
        "en": "{what}: the values sum to 0; shares are undefined",
        "es": "{what}: los valores suman 0; las participaciones no están definidas",
    },
    "methods_msg_a.common.reference_shape": {
        "en": "{what}: {arg}= must be a Series by {key} or a table with columns {key!r} and {value!r}",
        "es": "{what}: {arg}= debe ser una Series indexada por {key} o una tabla con las columnas {key!r} y "
              "{value!r}",
    },
    "methods_msg_a.common.reference_type": {
        "en": "{what}: {arg}= must be a Series by {key} or a tidy table",
        "es": "{what}: {arg}= debe ser una Series indexada por {key} o una tabla en formato largo",
    },
    "methods_msg_a.common.reference_nan": {
        "en": "{what}: {arg}= has NaN or negative values",
        "es": "{what}: {arg}= tiene valores NaN o negativos",
    },
    "methods_msg_a.common.reference_missing": {
        "en": "{what}: {arg}= has no value for {n} {key}(s) of the data (e.g. {eg}); the labels must match exactly",
        "es": "{what}: {arg}= no tiene valor para {n} código(s) de {key} presentes en los datos (p. ej. {eg}); "
              "las etiquetas deben coincidir exactamente",
    },
    "methods_msg_a.common.of_exports": {
        "en": "{what} (exports)",
        "es": "{what} (exportaciones)",
    },
    "methods_msg_a.common.of_imports": {
        "en": "{what} (imports)",
        "es": "{what} (importaciones)",
    },
    "methods_msg_a.common.pair_forms": {
        "en": "{what}: exports and imports must have the same form (both tidy tables, both matrices or both "
              "Series); got {kind} and {kind_m}",
        "es": "{what}: las exportaciones y las importaciones deben tener la misma forma (ambas tablas en formato "
              "largo, ambas matrices o ambas Series); se recibió {kind} y {kind_m}",
    },
    "methods_msg_a.common.choice2": {
        "en": "{arg} must be {a!r} or {b!r}, got {value!r}",
        "es": "{arg} debe ser {a!r} o {b!r}; se recibió {value!r}",
    },
    # ---------------------------------------------------------------- specialisation
    "methods_msg_a.specialisation.world_zero": {
        "en": "{what}: world= sums to 0; the world's shares are undefined",
        "es": "{what}: world= suma 0; las participaciones del mundo no están definidas",
    },
    "methods_msg_a.specialisation.lafay_no_trade": {
        "en": "lafay: no trade at all for {bad}; drop them first",
        "es": "lafay: no hay comercio alguno (ni exportaciones ni importaciones) para {bad}; elimínelos primero",
    },
    "methods_msg_a.specialisation.hhi_two_products": {
        "en": "hhi: a normalised HHI needs at least 2 products (n >= 2)",
        "es": "hhi: un HHI normalizado requiere al menos 2 productos (n >= 2)",
    },
    "methods_msg_a.specialisation.hhi_variant": {
        "en": "hhi: normalised={normalised!r} is not a variant; use False (plain sum of squared shares), 'unctad' "
              "(UNCTAD square-root form) or 'minmax' ((HH-1/n)/(1-1/n))",
        "es": "hhi: normalised={normalised!r} no es una de las variantes; use False (suma simple de las "
              "participaciones al cuadrado), 'unctad' (forma con raíz cuadrada de la UNCTAD) o 'minmax' "
              "((HH-1/n)/(1-1/n))",
    },
    "methods_msg_a.specialisation.hhi_dropped": {
        "en": "hhi: dropped {n} {country}(s) with zero total (e.g. {eg})",
        "es": "hhi: se eliminaron {n} valor(es) de {country!r} con total cero (p. ej. {eg})",
    },
    "methods_msg_a.specialisation.hhi_all_zero": {
        "en": "hhi: every {country} has zero total exports; shares are undefined. Check that the value column "
              "holds the flows",
        "es": "hhi: todos los valores de {country!r} tienen exportaciones totales nulas; las participaciones no "
              "están definidas. Verifique que la columna de valores contenga los flujos",
    },
    "methods_msg_a.specialisation.hhi_n_products": {
        "en": "hhi: n_products={n_products} is smaller than the number of products some country exports ({n_max})",
        "es": "hhi: n_products={n_products} es menor que el número de productos que exporta algún país ({n_max})",
    },
    # ---------------------------------------------------------------- interdependence
    "methods_msg_a.interdependence.not_bilateral": {
        "en": "{what}: needs a bilateral table (exporter x importer), not a Series",
        "es": "{what}: requiere una tabla bilateral (exportador x importador), no una Series",
    },
    "methods_msg_a.interdependence.self_flows": {
        "en": "{what}: the table has flows from a country to itself ({who}); drop the rows where {exporter} == "
              "{importer} (domestic or re-imports) before computing trade indicators",
        "es": "{what}: la tabla tiene flujos de un país hacia sí mismo ({who}); elimine las filas donde {exporter} "
              "== {importer} (comercio interno o reimportaciones) antes de calcular los indicadores de comercio",
    },
    "methods_msg_a.interdependence.intensity_two_countries": {
        "en": "trade_intensity: needs flows between at least 2 countries; the table has {countries}",
        "es": "trade_intensity: requiere flujos entre al menos 2 países; la tabla tiene {countries}",
    },
    "methods_msg_a.interdependence.intensity_all_zero": {
        "en": "trade_intensity: every flow in the table is 0, so world imports are 0; check the value column",
        "es": "trade_intensity: todos los flujos de la tabla son 0, así que las importaciones mundiales son 0; "
              "revise la columna de valores",
    },
    "methods_msg_a.interdependence.not_a_series": {
        "en": "{what}: expected a pandas Series indexed by product, got {type}",
        "es": "{what}: se esperaba una Series de pandas indexada por producto; se recibió {type}",
    },
    "methods_msg_a.interdependence.gl_no_trade": {
        "en": "grubel_lloyd_aggregate: no trade at all for {bad}; drop them",
        "es": "grubel_lloyd_aggregate: no hay comercio alguno (ni exportaciones ni importaciones) para {bad}; "
              "elimínelos",
    },
    "methods_msg_a.interdependence.members_string": {
        "en": "regional_trade_indicators: members must be a list of codes, e.g. ['ARG', 'BRA'], not one string",
        "es": "regional_trade_indicators: members debe ser una lista de códigos, p. ej. ['ARG', 'BRA'], no una "
              "sola cadena de texto",
    },
    "methods_msg_a.interdependence.members_none": {
        "en": "regional_trade_indicators: none of the members {members} is in the table (codes there look like "
              "{codes}); check upper/lower case of the codes",
        "es": "regional_trade_indicators: ninguno de los miembros {members} está en la tabla (allí los códigos "
              "son del tipo {codes}); revise las mayúsculas y minúsculas de los códigos",
    },
    "methods_msg_a.interdependence.members_absent": {
        "en": "regional_trade_indicators: {n} member(s) not in the table, ignored: {absent}",
        "es": "regional_trade_indicators: {n} miembro(s) no figuran en la tabla y se ignoran: {absent}",
    },
    "methods_msg_a.interdependence.members_all": {
        "en": "regional_trade_indicators: the group is every country in the table, so there is no outside world "
              "to compare with",
        "es": "regional_trade_indicators: el grupo abarca todos los países de la tabla, así que no queda un resto "
              "del mundo con el cual compararlo",
    },
    "methods_msg_a.interdependence.members_no_exports": {
        "en": "regional_trade_indicators: the members export nothing in this table",
        "es": "regional_trade_indicators: los miembros no exportan nada en esta tabla",
    },
    "methods_msg_a.interdependence.groups_dict": {
        "en": "{what}: groups must be a non-empty dict {{group name: list of member codes}}",
        "es": "{what}: groups debe ser un diccionario no vacío {{nombre del grupo: lista de códigos de los "
              "miembros}}",
    },
    "methods_msg_a.interdependence.group_error": {
        "en": "group {name!r}: {err}; drop this group from the dict or fix its member codes",
        "es": "grupo {name!r}: {err}; quite este grupo del diccionario o corrija los códigos de sus miembros",
    },
    # ---------------------------------------------------------------- territory
    "methods_msg_a.territory.lq_reference_zero": {
        "en": "location_quotient: the reference is 0 for {zero}; LQ undefined",
        "es": "location_quotient: la referencia es 0 para {zero}; el cociente de localización no está definido",
    },
    "methods_msg_a.territory.ss_two_tables": {
        "en": "shift_share: give two tables (data_t0, data_t1) or one tidy table with a {year!r} column (pass "
              "year=... for another name)",
        "es": "shift_share: entregue dos tablas (data_t0, data_t1) o una sola tabla en formato largo con una "
              "columna {year!r} (use year=... si la columna se llama de otra forma)",
    },
    "methods_msg_a.territory.ss_two_periods": {
        "en": "shift_share: the {year!r} column has {n} periods {ys}; pick two with years=(start, end)",
        "es": "shift_share: la columna {year!r} tiene {n} períodos {ys}; elija dos con years=(inicio, fin)",
    },
    "methods_msg_a.territory.ss_no_rows": {
        "en": "shift_share: no rows for {year} = {y!r}",
        "es": "shift_share: no hay filas con {year} = {y!r}",
    },
    "methods_msg_a.territory.ss_not_series": {
        "en": "shift_share: needs region x industry tables, not Series",
        "es": "shift_share: requiere tablas región x industria, no Series",
    },
    "methods_msg_a.territory.ss_method": {
        "en": "shift_share: method={method!r}; use 'dunn' or 'esteban-marquillas'",
        "es": "shift_share: method={method!r} no es un método disponible; use 'dunn' o 'esteban-marquillas'",
    },
    "methods_msg_a.territory.ss_both_references": {
        "en": "shift_share: give both reference_t0 and reference_t1, or neither",
        "es": "shift_share: entregue reference_t0 y reference_t1 a la vez, o ninguna de las dos",
    },
    "methods_msg_a.territory.ss_national_zero": {
        "en": "shift_share: the national total is 0 at the start",
        "es": "shift_share: el total nacional es 0 en el período inicial",
    },
    "methods_msg_a.territory.ss_reference_misses_region": {
        "en": "shift_share: national employment is 0 at the start in {industry!r} but region {region!r} has some; "
              "the reference must include the regions",
        "es": "shift_share: el empleo nacional es 0 al inicio en {industry!r}, pero la región {region!r} sí tiene "
              "empleo ahí; la referencia debe incluir a las regiones",
    },
    "methods_msg_a.territory.cc_need_t0": {
        "en": "cluster_candidates: growth=/positive_shift= need data_t0 (the earlier period)",
        "es": "cluster_candidates: growth=/positive_shift= requieren data_t0 (el período anterior)",
    },
    "methods_msg_a.territory.cc_tidy": {
        "en": "cluster_candidates: needs a tidy table (region, industry, value columns)",
        "es": "cluster_candidates: requiere una tabla en formato largo (columnas de región, industria y valor)",
    },
}
