"""Texts of the messages (errors and warnings) of :mod:`course_tools.methods`: ``complexity/``,
``product_space``, ``quality`` and ``concordances``.

Keys: ``methods_msg_c.<module>.<what>``. Names of functions, arguments and columns stay as in the code.
"""

TEXTS: dict[str, dict[str, str]] = {
    # ---------------------------------------------------------------- complexity/ (eci, filtering, opportunities,
    # presence, proximities, result)
    "methods_msg_c.complexity.disconnected": {
        "en": "the second eigenvalue of M~P equals 1: the country-product network is disconnected (groups of "
              "countries share no products), so ECI/PCI are not defined uniquely. Check M.",
        "es": "el segundo valor propio de M~P es igual a 1: la red país-producto está desconectada (hay grupos de "
              "países que no comparten productos), así que el ECI y el PCI no están definidos de manera única. "
              "Revise M.",
    },
    "methods_msg_c.complexity.equal_eigenvalues": {
        "en": "the 2nd and 3rd eigenvalues of M~P are equal ({value:.6g}): the ECI eigenvector is not unique and "
              "the ranking is arbitrary. Use more countries/products.",
        "es": "el 2.º y el 3.er valor propio de M~P son iguales ({value:.6g}): el vector propio del ECI no es único "
              "y el ordenamiento es arbitrario. Use más países/productos.",
    },
    "methods_msg_c.complexity.size": {
        "en": "complexity needs at least 2 countries and 2 products with exports; got {n_countries} x {n_products} "
              "after dropping empty rows/columns. A single country cannot be compared with the world.",
        "es": "el cálculo de complejidad requiere al menos 2 países y 2 productos con exportaciones; quedan "
              "{n_countries} x {n_products} después de eliminar filas/columnas vacías. Un solo país no se puede "
              "comparar con el mundo.",
    },
    "methods_msg_c.complexity.m_not_a_frame": {
        "en": "M must be a pandas DataFrame (countries x products), got {type}",
        "es": "M debe ser un DataFrame de pandas (países x productos); se recibió {type}",
    },
    "methods_msg_c.complexity.reflections_binary": {
        "en": "reflections needs a binary presence matrix M (0/1); see presence_matrix()",
        "es": "reflections requiere una matriz de presencia binaria M (0/1); vea presence_matrix()",
    },
    "methods_msg_c.complexity.iterations": {
        "en": "iterations must be a positive integer, got {iterations!r}",
        "es": "iterations debe ser un entero positivo; se recibió {iterations!r}",
    },
    "methods_msg_c.complexity.reflections_empty": {
        "en": "M has countries with diversity 0 or products with ubiquity 0: drop them first",
        "es": "M tiene países con diversidad 0 o productos con ubicuidad 0: elimínelos primero",
    },
    "methods_msg_c.complexity.filter_no_column": {
        "en": "column {col!r} not in the table ({columns}); pass country=..., product=..., value=...",
        "es": "la columna {col!r} no está en la tabla ({columns}); indique country=..., product=..., value=...",
    },
    "methods_msg_c.complexity.filter_nan": {
        "en": "column {value!r} has {n} missing/non-numeric value(s); drop them (trade.dropna(subset=[{value!r}])) "
              "or fill with 0 first",
        "es": "la columna {value!r} tiene {n} valor(es) no reportado(s) o no numérico(s); elimínelos "
              "(trade.dropna(subset=[{value!r}])) o rellénelos con 0 primero",
    },
    "methods_msg_c.complexity.filter_negative": {
        "en": "column {value!r} has negative values; exports cannot be negative",
        "es": "la columna {value!r} tiene valores negativos; las exportaciones no pueden ser negativas",
    },
    "methods_msg_c.complexity.filter_population": {
        "en": "population is missing for {n} reporter(s), e.g. {eg}; give all or drop them first",
        "es": "falta la población de {n} declarante(s), p. ej. {eg}; entréguela para todos o elimínelos primero",
    },
    "methods_msg_c.complexity.filter_nothing_left": {
        "en": "no rows left after the country filters; relax the thresholds",
        "es": "no quedan filas después de los filtros de países; relaje los umbrales",
    },
    "methods_msg_c.complexity.m_phi_frames": {
        "en": "M (countries x products) and proximity (products x products) must be DataFrames",
        "es": "M (países x productos) y proximity (productos x productos) deben ser DataFrames",
    },
    "methods_msg_c.complexity.phi_missing": {
        "en": "proximity has no row or column for {n} product(s) of M (e.g. {eg}); compute it on the same M: "
              "proximity(M, presence='manual')",
        "es": "proximity no tiene fila o columna para {n} producto(s) de M (p. ej. {eg}); calcúlela sobre la misma "
              "M: proximity(M, presence='manual')",
    },
    "methods_msg_c.complexity.kp_missing": {
        "en": "kp has no value for {n} product(s) of M (e.g. {eg}); pass eci_pci(M).kp",
        "es": "kp no tiene valor para {n} producto(s) de M (p. ej. {eg}); entregue eci_pci(M).kp",
    },
    "methods_msg_c.complexity.convention": {
        "en": "convention must be one of {options}, got {convention!r}",
        "es": "convention debe ser una de {options}; se recibió {convention!r}",
    },
    "methods_msg_c.complexity.non_numeric": {
        "en": "column {value!r} has {n} non-numeric value(s), e.g. {example!r}",
        "es": "la columna {value!r} tiene {n} valor(es) no numérico(s), p. ej. {example!r}",
    },
    "methods_msg_c.complexity.missing": {
        "en": "column {value!r} has {n} missing value(s). If a missing value means 'no exports', drop those rows "
              "(trade.dropna(subset=[{value!r}])) or fill them with 0 first.",
        "es": "la columna {value!r} tiene {n} valor(es) no reportado(s). Si un dato faltante significa 'sin "
              "exportaciones', elimine esas filas (trade.dropna(subset=[{value!r}])) o rellénelas con 0 primero.",
    },
    "methods_msg_c.complexity.negative": {
        "en": "column {value!r} has {n} negative value(s) (first: {c!r}, {p!r}); exports cannot be negative: check "
              "the data",
        "es": "la columna {value!r} tiene {n} valor(es) negativo(s) (el primero: {c!r}, {p!r}); las exportaciones "
              "no pueden ser negativas: revise los datos",
    },
    "methods_msg_c.complexity.duplicated": {
        "en": "{n} duplicated ({country}, {product}) pair(s), e.g. ({c!r}, {p!r}). Complexity is computed for one "
              "period: keep one year (trade[trade.year == 2017]) or aggregate explicitly (groupby(...).sum()) first.",
        "es": "{n} par(es) ({country}, {product}) duplicado(s), p. ej. ({c!r}, {p!r}). La complejidad se calcula "
              "para un solo período: conserve un año (trade[trade.year == 2017]) o agregue explícitamente "
              "(groupby(...).sum()) primero.",
    },
    "methods_msg_c.complexity.not_a_frame": {
        "en": "expected a pandas DataFrame (tidy table or country x product matrix), got {type}",
        "es": "se esperaba un DataFrame de pandas (tabla en formato largo o matriz país x producto); se recibió "
              "{type}",
    },
    "methods_msg_c.complexity.missing_codes": {
        "en": "columns {country!r}/{product!r} have missing codes; drop those rows first",
        "es": "las columnas {country!r}/{product!r} tienen códigos faltantes; elimine esas filas primero",
    },
    "methods_msg_c.complexity.neither": {
        "en": "the table has neither the columns {country!r}, {product!r}, {value!r} of a tidy table (it has "
              "{columns}) nor only numeric columns of a country x product matrix. Pass the column names: "
              "complexity(trade, country=..., product=..., value=...)",
        "es": "la tabla no tiene ni las columnas {country!r}, {product!r}, {value!r} de una tabla en formato largo "
              "(tiene {columns}) ni solo columnas numéricas, como una matriz país x producto. Indique los nombres "
              "de las columnas: complexity(trade, country=..., product=..., value=...)",
    },
    "methods_msg_c.complexity.the_matrix": {
        "en": "the country x product matrix",
        "es": "la matriz país x producto",
    },
    "methods_msg_c.complexity.zero_exports": {
        "en": "zero exports",
        "es": "exportaciones nulas",
    },
    "methods_msg_c.complexity.zero_presence": {
        "en": "zero diversity/ubiquity",
        "es": "diversidad/ubicuidad nula",
    },
    "methods_msg_c.complexity.dropped_empty": {
        "en": "dropped {n_rows} countr(y/ies) and {n_cols} product(s) with {what} (listed in result.dropped): they "
              "carry no information for complexity",
        "es": "se eliminaron {n_rows} país(es) y {n_cols} producto(s) con {what} (listados en result.dropped): no "
              "aportan información para la complejidad",
    },
    "methods_msg_c.complexity.not_binary": {
        "en": "{what} needs a binary M (0/1 only); found values such as {values}. Use presence='rca' for export "
              "values.",
        "es": "{what} requiere una M binaria (solo 0/1); se encontraron valores como {values}. Use presence='rca' "
              "para valores de exportación.",
    },
    "methods_msg_c.complexity.threshold": {
        "en": "threshold must be a positive number, got {threshold!r}",
        "es": "threshold debe ser un número positivo; se recibió {threshold!r}",
    },
    "methods_msg_c.complexity.presence_all_zero": {
        "en": "presence_matrix: every export value is 0; check the value column",
        "es": "presence_matrix: todos los valores de exportación son 0; revise la columna de valores",
    },
    "methods_msg_c.complexity.dropped_no_presence": {
        "en": "dropped {n_rows} countr(y/ies) and {n_cols} product(s) with zero diversity/ubiquity at threshold "
              "{threshold} (listed in result.dropped)",
        "es": "se eliminaron {n_rows} país(es) y {n_cols} producto(s) con diversidad/ubicuidad nula con el umbral "
              "{threshold} (listados en result.dropped)",
    },
    "methods_msg_c.complexity.diagonal": {
        "en": "diagonal must be 1 (py-ecomplexity) or 0 (Stata), got {diagonal!r}",
        "es": "diagonal debe ser 1 (py-ecomplexity) o 0 (Stata); se recibió {diagonal!r}",
    },
    "methods_msg_c.complexity.proximity_two_countries": {
        "en": "proximity needs at least 2 countries with exports (got {n}): with one country every pair of its "
              "products has proximity 1. Use the whole world table",
        "es": "proximity requiere al menos 2 países con exportaciones (hay {n}): con un solo país, todo par de sus "
              "productos tiene proximidad 1. Use la tabla del mundo completo",
    },
    # ---------------------------------------------------------------- product_space
    "methods_msg_c.product_space.not_square": {
        "en": "proximity must be a square product x product DataFrame (result.proximity)",
        "es": "proximity debe ser un DataFrame cuadrado producto x producto (result.proximity)",
    },
    "methods_msg_c.product_space.labels_differ": {
        "en": "proximity rows and columns must list the same products in the same order",
        "es": "las filas y las columnas de proximity deben listar los mismos productos en el mismo orden",
    },
    "methods_msg_c.product_space.range": {
        "en": "proximity values must be finite and between 0 and 1",
        "es": "los valores de proximity deben ser finitos y estar entre 0 y 1",
    },
    "methods_msg_c.product_space.not_symmetric": {
        "en": "{what} must be symmetric (use the symmetric min{{P(p|p'), P(p'|p)}} form)",
        "es": "{what} debe ser simétrica (use la forma simétrica min{{P(p|p'), P(p'|p)}})",
    },
    "methods_msg_c.product_space.node_attributes": {
        "en": "node_attributes must be indexed by the same product codes as proximity",
        "es": "node_attributes debe estar indexado por los mismos códigos de producto que proximity",
    },
    "methods_msg_c.product_space.country_missing": {
        "en": "{country!r} is not among the {n} countries of the result (dropped: {dropped}...). Check the code "
              "(e.g. lower-case ISO3).",
        "es": "{country!r} no está entre los {n} países del resultado (eliminados: {dropped}...). Revise el código "
              "(p. ej. ISO3 en minúsculas).",
    },
    "methods_msg_c.product_space.layout_column": {
        "en": "layout needs a {product!r} column (or index) to join on",
        "es": "layout necesita una columna (o un índice) {product!r} para unir las tablas",
    },
    # ---------------------------------------------------------------- quality
    "methods_msg_c.quality.not_a_frame": {
        "en": "expected a pandas DataFrame, got {type}",
        "es": "se esperaba un DataFrame de pandas; se recibió {type}",
    },
    "methods_msg_c.quality.no_columns": {
        "en": "column(s) {missing} not in the table; it has {columns}. Pass the right names with {arg}=...",
        "es": "la(s) columna(s) {missing} no están en la tabla; sus columnas son {columns}. Indique los nombres "
              "correctos con {arg}=...",
    },
    "methods_msg_c.quality.not_numeric": {
        "en": "column {col!r} is not numeric ({error}); convert it with pd.to_numeric first",
        "es": "la columna {col!r} no es numérica ({error}); conviértala primero con pd.to_numeric",
    },
    "methods_msg_c.quality.duplicated_pairs": {
        "en": "{n} rows share an (exporter, importer) pair; sum or drop duplicates first",
        "es": "{n} filas comparten un mismo par (exportador, importador); sume o elimine los duplicados primero",
    },
    # ---------------------------------------------------------------- concordances
    "methods_msg_c.concordances.source_target": {
        "en": "cannot tell the source and target columns among {others}; pass source= and target=",
        "es": "no se pueden distinguir las columnas de origen y de destino entre {others}; indique source= y "
              "target=",
    },
    "methods_msg_c.concordances.the_concordance": {
        "en": "the concordance",
        "es": "la tabla de correspondencias",
    },
    "methods_msg_c.concordances.the_data": {
        "en": "the data",
        "es": "los datos",
    },
    "methods_msg_c.concordances.not_numeric": {
        "en": "column {value!r} must be numeric (it is {dtype}); convert it with pd.to_numeric first",
        "es": "la columna {value!r} debe ser numérica (es {dtype}); conviértala primero con pd.to_numeric",
    },
    "methods_msg_c.concordances.unmatched_option": {
        "en": "unmatched_codes={value!r}; use 'raise', 'drop' or 'keep'",
        "es": "unmatched_codes={value!r} no es una opción; use 'raise', 'drop' o 'keep'",
    },
    "methods_msg_c.concordances.target_clash": {
        "en": "the target column {target!r} clashes with a column of the data; rename it",
        "es": "la columna de destino {target!r} coincide con una columna de los datos; cámbiele el nombre",
    },
    "methods_msg_c.concordances.weights": {
        "en": "the weights of {n} source code(s) do not sum to 1 (e.g. {eg}); totals would not be kept. Recompute "
              "the weights as shares of each source code.",
        "es": "los ponderadores de {n} código(s) de origen no suman 1 (p. ej. {eg}); los totales no se "
              "conservarían. Recalcule los ponderadores como participaciones de cada código de origen.",
    },
    "methods_msg_c.concordances.unmatched": {
        "en": "{n} code(s) of the data are not in the concordance, worth {worth:,.0f} in {column!r}: {codes}{more}. "
              "Check the classification vintage and the leading zeros, or pass unmatched_codes='drop' or 'keep'.",
        "es": "{n} código(s) de los datos no están en la tabla de correspondencias, por un valor de {worth:,.0f} en "
              "{column!r}: {codes}{more}. Revise la versión de la clasificación y los ceros a la izquierda, o use "
              "unmatched_codes='drop' o 'keep'.",
    },
    "methods_msg_c.concordances.totals_changed": {
        "en": "totals changed in {n} group(s): {eg}. Did you forget the weights (naive merge double counts) or drop "
              "unmatched codes?",
        "es": "los totales cambiaron en {n} grupo(s): {eg}. ¿Olvidó los ponderadores (una unión simple cuenta dos "
              "veces) o eliminó códigos sin correspondencia?",
    },
}
