"""Texts of the messages (errors and warnings) of :mod:`course_tools.methods`: ``dynamics``,
``input_output``, ``mrio`` and ``supply_use``.

Keys: ``methods_msg_b.<module>.<what>``. Names of functions, arguments and columns stay as in the code.
"""

TEXTS: dict[str, dict[str, str]] = {
    # ---------------------------------------------------------------- dynamics
    "methods_msg_b.dynamics.years_need_tidy": {
        "en": "{what}: average_years needs tidy tables with a {year!r} column, not a Series",
        "es": "{what}: average_years requiere tablas en formato largo con una columna {year!r}, no una Series",
    },
    "methods_msg_b.dynamics.series_not_numeric": {
        "en": "{what}: the Series is not numeric (dtype {dtype})",
        "es": "{what}: la Series no es numérica (dtype {dtype})",
    },
    "methods_msg_b.dynamics.series_nan": {
        "en": "{what}: {n} NaN value(s) (e.g. {eg}); use fillna(0) if missing means no trade, or drop them "
              "(dropna()) if it means unknown",
        "es": "{what}: {n} valor(es) NaN (p. ej. {eg}); use fillna(0) si el dato faltante significa que no hubo "
              "comercio, o elimínelos (dropna()) si significa que no se conoce",
    },
    "methods_msg_b.dynamics.series_negative": {
        "en": "{what}: negative value(s) for {eg}; exports and imports cannot be negative: check the source",
        "es": "{what}: valor(es) negativo(s) para {eg}; las exportaciones y las importaciones no pueden ser "
              "negativas: revise la fuente",
    },
    "methods_msg_b.dynamics.profile_shape": {
        "en": "{what}: expected a Series by product or a table with columns {product!r} and {value!r} (it has "
              "{columns}); pass product=..., value=...",
        "es": "{what}: se esperaba una Series indexada por producto o una tabla con las columnas {product!r} y "
              "{value!r} (tiene {columns}); indique product=..., value=...",
    },
    "methods_msg_b.dynamics.years_missing": {
        "en": "{what}: year(s) {missing} not in column {year!r} (it has {found})",
        "es": "{what}: el/los año(s) {missing} no están en la columna {year!r} (tiene {found})",
    },
    "methods_msg_b.dynamics.years_no_column": {
        "en": "{what}: average_years given but the table has no {year!r} column",
        "es": "{what}: se indicó average_years, pero la tabla no tiene la columna {year!r}",
    },
    "methods_msg_b.dynamics.average_years_pair": {
        "en": "competitiveness_matrix: average_years must be (years of period 0, years of period 1)",
        "es": "competitiveness_matrix: average_years debe ser (años del período 0, años del período 1)",
    },
    "methods_msg_b.dynamics.market_no_imports": {
        "en": "competitiveness_matrix: the market imports nothing in one period",
        "es": "competitiveness_matrix: el mercado no importa nada en uno de los dos períodos",
    },
    "methods_msg_b.dynamics.country_no_exports": {
        "en": "competitiveness_matrix: the country exports nothing in either period",
        "es": "competitiveness_matrix: el país no exporta nada en ninguno de los dos períodos",
    },
    "methods_msg_b.dynamics.exports_exceed_imports": {
        "en": "competitiveness_matrix: for {n} product(s) the country's exports exceed the market's imports "
              "(e.g. {eg}): exporter- and importer-reported data disagree; shares above 1 are kept",
        "es": "competitiveness_matrix: en {n} producto(s) las exportaciones del país superan las importaciones del "
              "mercado (p. ej. {eg}): los datos declarados por el exportador y por el importador no coinciden; se "
              "conservan las cuotas mayores que 1",
    },
    "methods_msg_b.dynamics.unit_products": {
        "en": "products",
        "es": "productos",
    },
    "methods_msg_b.dynamics.unit_cells": {
        "en": "product-market cells",
        "es": "celdas producto-mercado",
    },
    "methods_msg_b.dynamics.cms_reference_zero": {
        "en": "constant_market_share: the reference exports are 0 in period 0 for {n} {unit} where the country "
              "exports something; the reference (world) must include those flows (or drop them)",
        "es": "constant_market_share: las exportaciones de referencia son 0 en el período 0 para {n} {unit} en "
              "que el país sí exporta; la referencia (el mundo) debe incluir esos flujos (o elimínelos)",
    },
    "methods_msg_b.dynamics.cms_input_shape": {
        "en": "constant_market_share: {what} must be a Series (by product, or by product and market), a product x "
              "market matrix, or a tidy table with columns {product!r} (, {market!r}) and {value!r}",
        "es": "constant_market_share: {what} debe ser una Series (por producto, o por producto y mercado), una "
              "matriz producto x mercado o una tabla en formato largo con las columnas {product!r} (, {market!r}) "
              "y {value!r}",
    },
    "methods_msg_b.dynamics.cms_not_numeric": {
        "en": "constant_market_share: {what} is not numeric (dtype {dtype}); convert it with pd.to_numeric(..., "
              "errors='coerce') and check",
        "es": "constant_market_share: {what} no es numérica (dtype {dtype}); conviértala con pd.to_numeric(..., "
              "errors='coerce') y revise el resultado",
    },
    "methods_msg_b.dynamics.cms_nan": {
        "en": "constant_market_share: {what} has {n} NaN value(s) (e.g. {eg}); use fillna(0) if missing means no "
              "exports, or drop those products from all four inputs",
        "es": "constant_market_share: {what} tiene {n} valor(es) NaN (p. ej. {eg}); use fillna(0) si el dato "
              "faltante significa que no hubo exportaciones, o elimine esos productos de los cuatro argumentos",
    },
    "methods_msg_b.dynamics.cms_negative": {
        "en": "constant_market_share: {what} has {n} negative value(s) (e.g. {eg}); exports cannot be negative: "
              "check the source",
        "es": "constant_market_share: {what} tiene {n} valor(es) negativo(s) (p. ej. {eg}); las exportaciones no "
              "pueden ser negativas: revise la fuente",
    },
    "methods_msg_b.dynamics.cms_levels": {
        "en": "constant_market_share: give all four inputs by product only (two-level) or all by product and "
              "market (three-level; pass market=<column> for tidy tables)",
        "es": "constant_market_share: entregue los cuatro argumentos solo por producto (dos niveles) o todos por "
              "producto y mercado (tres niveles; use market=<columna> con tablas en formato largo)",
    },
    "methods_msg_b.dynamics.cms_reference_total_zero": {
        "en": "constant_market_share: the reference exports are 0 in period 0",
        "es": "constant_market_share: las exportaciones de referencia son 0 en el período 0",
    },
    "methods_msg_b.dynamics.hint_trade": {
        "en": "Pass a table like data.load_trade(2017), or name its columns with country_col=, product=, value=.",
        "es": "Entregue una tabla como data.load_trade(2017), o indique sus columnas con country_col=, product=, "
              "value=.",
    },
    "methods_msg_b.dynamics.negative_exports": {
        "en": "{what}: {n} negative export value(s)",
        "es": "{what}: {n} valor(es) de exportación negativo(s)",
    },
    "methods_msg_b.dynamics.not_a_reporter": {
        "en": "{country!r} is not a reporter of {what}; check the ISO3 code (capitals, e.g. 'MEX'). Countries "
              "missing from a year (e.g. 1962) cannot be compared in that window.",
        "es": "{country!r} no es declarante en {what}; revise el código ISO3 (en mayúsculas, p. ej. 'MEX'). Un "
              "país ausente en un año (p. ej. 1962) no se puede comparar en esa ventana.",
    },
    "methods_msg_b.dynamics.hint_names": {
        "en": "Pass data.products('hs07', level=4, lang=...).",
        "es": "Entregue data.products('hs07', level=4, lang=...).",
    },
    "methods_msg_b.dynamics.hint_product_year": {
        "en": "Pass data.load_product_year().",
        "es": "Entregue data.load_product_year().",
    },
    "methods_msg_b.dynamics.panel_years": {
        "en": "year(s) {missing} not in the panel; it has {first}–{last}",
        "es": "el/los año(s) {missing} no están en el panel, que cubre {first}–{last}",
    },
    # ---------------------------------------------------------------- input_output
    "methods_msg_b.input_output.not_a_frame": {
        "en": "{what} must be a pandas DataFrame (sectors × sectors), got {type}",
        "es": "{what} debe ser un DataFrame de pandas (sectores × sectores); se recibió {type}",
    },
    "methods_msg_b.input_output.not_square": {
        "en": "{what} must be square (sectors × sectors); it is {rows} × {cols}. Keep only the intermediate block "
              "(no totals, final demand or value-added rows).",
        "es": "{what} debe ser cuadrada (sectores × sectores); es de {rows} × {cols}. Conserve solo el bloque de "
              "transacciones intermedias (sin totales, demanda final ni filas de valor agregado).",
    },
    "methods_msg_b.input_output.labels_differ": {
        "en": "{what}: row and column labels differ (same sectors in the same order are needed). Fix with "
              "{what}.loc[sectors, sectors] for one list of sectors.",
        "es": "{what}: las etiquetas de filas y columnas difieren (se necesitan los mismos sectores en el mismo "
              "orden). Corríjalo con {what}.loc[sectores, sectores] para una sola lista de sectores.",
    },
    "methods_msg_b.input_output.matrix_nan": {
        "en": "{what} has {n} NaN/inf value(s); fill them with 0 first",
        "es": "{what} tiene {n} valor(es) NaN/inf; rellénelos con 0 primero",
    },
    "methods_msg_b.input_output.one_column": {
        "en": "{what} must be one column (a Series); it has {n} columns",
        "es": "{what} debe ser una sola columna (una Series); tiene {n} columnas",
    },
    "methods_msg_b.input_output.vector_length": {
        "en": "{what} has {n} values but there are {n_sectors} sectors",
        "es": "{what} tiene {n} valores, pero hay {n_sectors} sectores",
    },
    "methods_msg_b.input_output.vector_missing": {
        "en": "{what} has no value for sector(s) {missing}{more}; its labels must match the matrix labels",
        "es": "{what} no tiene valor para el/los sector(es) {missing}{more}; sus etiquetas deben coincidir con las "
              "de la matriz",
    },
    "methods_msg_b.input_output.vector_nan": {
        "en": "{what} has NaN/inf values; fill or drop those sectors first",
        "es": "{what} tiene valores NaN/inf; rellene o elimine esos sectores primero",
    },
    "methods_msg_b.input_output.zero_output_flows": {
        "en": "{what}: sector {sector!r} has output x = 0 but non-zero intermediate flows; check the output vector "
              "(it should be the 'total output' row/column of the table)",
        "es": "{what}: el sector {sector!r} tiene producción x = 0 pero flujos intermedios distintos de cero; revise "
              "el vector de producción (debe ser la fila/columna de 'producción total' de la tabla)",
    },
    "methods_msg_b.input_output.negative_output": {
        "en": "{what}: negative total output for sector {sector!r}",
        "es": "{what}: producción total negativa en el sector {sector!r}",
    },
    "methods_msg_b.input_output.negative_flows": {
        "en": "{what}: Z has {n} negative intermediate flow(s) (first: {row!r} -> {col!r} = {value:.4g}; all "
              "negatives = {share:.4%} of the absolute flows). They are kept; a tiny one is usually a balancing "
              "adjustment of the statistical office, a large one a sign error to fix before reading the multipliers",
        "es": "{what}: Z tiene {n} flujo(s) intermedio(s) negativo(s) (el primero: {row!r} -> {col!r} = "
              "{value:.4g}; todos los negativos = {share:.4%} de los flujos en valor absoluto). Se conservan; uno "
              "muy pequeño suele ser un ajuste de cuadre de la oficina de estadística, uno grande un error de signo "
              "que hay que corregir antes de leer los multiplicadores",
    },
    "methods_msg_b.input_output.side_column": {
        "en": "column",
        "es": "columna",
    },
    "methods_msg_b.input_output.side_row": {
        "en": "row",
        "es": "fila",
    },
    "methods_msg_b.input_output.not_productive": {
        "en": "{what}: the {side} sum of sector {sector!r} is {total:.4f} >= 1, so this sector uses at least one "
              "unit of intermediate inputs per unit of output and the economy is not productive (Hawkins-Simon). "
              "Usually a units or total-output error: x must be total output (intermediate + final demand), in the "
              "same units as Z. {n} sector(s) affected.",
        "es": "{what}: la suma por {side} del sector {sector!r} es {total:.4f} >= 1, es decir, este sector usa al "
              "menos una unidad de insumos intermedios por unidad producida y la economía no es productiva "
              "(condición de Hawkins-Simon). Suele ser un error de unidades o de producción total: x debe ser la "
              "producción total (demanda intermedia + final), en las mismas unidades que Z. {n} sector(es) "
              "afectado(s).",
    },
    "methods_msg_b.input_output.singular": {
        "en": "{what}: I − {letter} is singular (or nearly so), so the inverse does not exist. A sector buys (or "
              "sells) everything from itself and the rest of the system with nothing left for primary inputs/final "
              "demand; check for a sector whose coefficients sum to 1 or a duplicated sector.",
        "es": "{what}: I − {letter} es singular (o casi), así que la inversa no existe. Algún sector compra (o "
              "vende) todo a sí mismo y al resto del sistema sin dejar nada para insumos primarios/demanda final; "
              "busque un sector cuyos coeficientes sumen 1 o un sector duplicado.",
    },
    "methods_msg_b.input_output.factor_jobs": {
        "en": "jobs",
        "es": "empleo",
    },
    "methods_msg_b.input_output.factor_wages": {
        "en": "wages",
        "es": "remuneraciones",
    },
    "methods_msg_b.input_output.multipliers_output": {
        "en": "{factor} multipliers need positive output x; sector {sector!r} has x <= 0",
        "es": "los multiplicadores de {factor} requieren una producción x positiva; el sector {sector!r} tiene "
              "x <= 0",
    },
    "methods_msg_b.input_output.factor_negative": {
        "en": "{what} cannot be negative; sector {sector!r} has {value:g}. Check the satellite account (jobs or "
              "compensation of employees by sector)",
        "es": "{what} no admite valores negativos; el sector {sector!r} tiene {value:g}. Revise la cuenta satélite "
              "(empleo o remuneración de los asalariados por sector)",
    },
    "methods_msg_b.input_output.linkages_need_L": {
        "en": "linkages(kind='total') needs L = leontief_inverse(A)",
        "es": "linkages(kind='total') requiere L = leontief_inverse(A)",
    },
    "methods_msg_b.input_output.linkages_need_G": {
        "en": "linkages(forward='ghosh') needs G = ghosh_inverse(allocation_coefficients(Z, x)); or pass "
              "forward='leontief' to use the rows of L (Rasmussen's sensitivity of dispersion)",
        "es": "linkages(forward='ghosh') requiere G = ghosh_inverse(allocation_coefficients(Z, x)); o use "
              "forward='leontief' para trabajar con las filas de L (la sensibilidad de dispersión de Rasmussen)",
    },
    "methods_msg_b.input_output.linkages_need_A": {
        "en": "linkages(kind='direct') needs A = technical_coefficients(Z, x)",
        "es": "linkages(kind='direct') requiere A = technical_coefficients(Z, x)",
    },
    "methods_msg_b.input_output.linkages_need_B": {
        "en": "linkages(kind='direct', forward='ghosh') needs B = allocation_coefficients(Z, x)",
        "es": "linkages(kind='direct', forward='ghosh') requiere B = allocation_coefficients(Z, x)",
    },
    "methods_msg_b.input_output.linkages_labels": {
        "en": "the backward and forward matrices have different sector labels",
        "es": "las matrices de encadenamientos hacia atrás y hacia adelante tienen etiquetas de sector distintas",
    },
    "methods_msg_b.input_output.key_sectors_column": {
        "en": "column {column!r} not in the table (it has {columns}); pass the output of linkages() or name the "
              "columns with backward=..., forward=...",
        "es": "la columna {column!r} no está en la tabla (tiene {columns}); entregue el resultado de linkages() o "
              "indique los nombres de las columnas con backward=..., forward=...",
    },
    # ---------------------------------------------------------------- mrio
    "methods_msg_b.mrio.multiindex": {
        "en": "a multi-regional table needs a (region, sector) MultiIndex on rows and columns; build it with "
              "pd.MultiIndex.from_tuples([(region, sector), ...], names=['region', 'sector'])",
        "es": "una tabla multirregional necesita un MultiIndex (región, sector) en filas y columnas; constrúyalo "
              "con pd.MultiIndex.from_tuples([(region, sector), ...], names=['region', 'sector'])",
    },
    "methods_msg_b.mrio.final_demand_rows": {
        "en": "final_demand must have the same rows (region, sector) as Z, in the same order",
        "es": "final_demand debe tener las mismas filas (región, sector) que Z, en el mismo orden",
    },
    "methods_msg_b.mrio.gvc_columns": {
        "en": "pass the output of value_added_in_exports(); missing columns {missing}",
        "es": "entregue el resultado de value_added_in_exports(); faltan las columnas {missing}",
    },
    # ---------------------------------------------------------------- supply_use
    "methods_msg_b.supply_use.assumption": {
        "en": "assumption must be 'industry-technology' (Model B, product × product) or 'fixed-product-sales' "
              "(Model D, industry × industry), got {assumption!r}",
        "es": "assumption debe ser 'industry-technology' (Modelo B, producto × producto) o 'fixed-product-sales' "
              "(Modelo D, industria × industria); se recibió {assumption!r}",
    },
    "methods_msg_b.supply_use.model_b": {
        "en": "Eurostat Model B: product × product, industry technology assumption",
        "es": "Modelo B de Eurostat: producto × producto, supuesto de tecnología de la industria",
    },
    "methods_msg_b.supply_use.model_d": {
        "en": "Eurostat Model D: industry × industry, fixed product sales structure assumption",
        "es": "Modelo D de Eurostat: industria × industria, supuesto de estructura fija de ventas por producto",
    },
    "methods_msg_b.supply_use.not_a_frame": {
        "en": "{name} must be a DataFrame with products as rows, got {type}",
        "es": "{name} debe ser un DataFrame con los productos en las filas; se recibió {type}",
    },
    "methods_msg_b.supply_use.use_labels": {
        "en": "use must have the same products (rows) and industries (columns), in the same order, as supply; fix "
              "with use = use.loc[supply.index, supply.columns]",
        "es": "use debe tener los mismos productos (filas) e industrias (columnas), en el mismo orden, que supply; "
              "corríjalo con use = use.loc[supply.index, supply.columns]",
    },
    "methods_msg_b.supply_use.final_demand_rows": {
        "en": "final_demand rows must be the products of supply, in the same order",
        "es": "las filas de final_demand deben ser los productos de supply, en el mismo orden",
    },
    "methods_msg_b.supply_use.value_added_columns": {
        "en": "value_added columns must be the industries of supply, in the same order",
        "es": "las columnas de value_added deben ser las industrias de supply, en el mismo orden",
    },
    "methods_msg_b.supply_use.product_balance": {
        "en": "product balance fails for {product!r}: use + final demand = {balance:.6g} but supply (domestic "
              "output) = {supply:.6g}. Use the domestic use table at basic prices, or add a final-demand column "
              "equal to minus the imports of each product.",
        "es": "no se cumple el balance del producto {product!r}: utilización intermedia + demanda final = "
              "{balance:.6g}, pero la oferta (producción interna) = {supply:.6g}. Use el cuadro de utilización de "
              "origen nacional a precios básicos, o agregue una columna de demanda final igual a menos las "
              "importaciones de cada producto.",
    },
    "methods_msg_b.supply_use.product_no_output": {
        "en": "product {product!r} has no output; drop it before Model D",
        "es": "el producto {product!r} no tiene producción; elimínelo antes de aplicar el Modelo D",
    },
    "methods_msg_b.supply_use.industry_no_output": {
        "en": "industry {industry!r} has no output; drop it before Model B",
        "es": "la industria {industry!r} no tiene producción; elimínela antes de aplicar el Modelo B",
    },
}
