"""Texts of branch h16: the ex11 self-check (Q2) and the messages of the niche model's modules.

Keys are ``h16.<module>.<name>`` (``tests/course/test_i18n.py`` wants every key to start with its catalogue
module); ``<module>`` is the package module the text serves (``niches``, ``criteria``, ``robustness``...).
"""
from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    # --- selfcheck.ex11 --------------------------------------------------------------------------------------
    'h16.selfcheck.ex11.above_zero': {
        "en": ('{n} is the number of products with RCA >= 1 and demand_growth > 0: compare with WORLD_GROWTH '
               '({world} % a year), the growth of world trade as a whole, not with 0'),
        "es": ('{n} es el número de productos con VCR >= 1 y demand_growth > 0: hay que comparar con WORLD_GROWTH '
               '({world} % anual), el crecimiento del comercio mundial en su conjunto, no con 0')},
    # --- views.niches ----------------------------------------------------------------------------------------
    'h16.views.niches.div_title': {
        "en": 'Diversify: feasibility against attractiveness ({n} candidates with RCA < 1)',
        "es": 'Diversificar: factibilidad frente a atractivo ({n} candidatos con VCR < 1)'},
    'h16.views.niches.density_axis': {
        "en": 'Feasibility: density (share of related capabilities already present)',
        "es": 'Factibilidad: densidad (proporción de capacidades afines ya presentes)'},
    'h16.views.niches.pci_axis': {
        "en": 'Attractiveness: product complexity (PCI)',
        "es": 'Atractivo: complejidad del producto (PCI)'},
    'h16.views.niches.density': {
        "en": 'density',
        "es": 'densidad'},
    'h16.views.niches.cog': {
        "en": 'opportunity gain (COG)',
        "es": 'ganancia de oportunidad (COG)'},
    'h16.views.niches.others': {
        "en": 'other candidates ({n})',
        "es": 'otros candidatos ({n})'},
    'h16.views.niches.top': {
        "en": 'the {k} best of the list (number = rank)',
        "es": 'los {k} mejores de la lista (número = puesto)'},
    'h16.views.niches.no_density_pci': {
        "en": 'the ranking has no density and pci columns: pass rank_list(criteria, niche_lists.DIVERSIFY)',
        "es": 'la clasificación no tiene las columnas density y pci: use rank_list(criteria, niche_lists.DIVERSIFY)'},
    'h16.views.niches.bad_top': {
        "en": 'top must be a positive whole number, got {top!r}',
        "es": 'top debe ser un número entero positivo; se recibió {top!r}'},
    'h16.views.niches.not_markets': {
        "en": 'markets must be the table of export_potential.top_markets(...), with the columns {need}',
        "es": 'markets debe ser la tabla de export_potential.top_markets(...), con las columnas {need}'},
    'h16.views.niches.col_product': {
        "en": 'product',
        "es": 'producto'},
    'h16.views.niches.col_name': {
        "en": 'name',
        "es": 'nombre'},
    'h16.views.niches.col_rank': {
        "en": 'market rank',
        "es": 'puesto del mercado'},
    'h16.views.niches.col_market': {
        "en": 'market',
        "es": 'mercado'},
    'h16.views.niches.col_untapped': {
        "en": 'untapped potential (USD)',
        "es": 'potencial no aprovechado (USD)'},
    'h16.views.niches.col_potential': {
        "en": 'potential (USD)',
        "es": 'potencial (USD)'},
    'h16.views.niches.col_actual': {
        "en": 'exports now (USD)',
        "es": 'exportaciones actuales (USD)'},
    'h16.views.niches.col_realised': {
        "en": 'realised',
        "es": 'realizado'},
    # --- methods.niches --------------------------------------------------------------------------------------
    'h16.methods.niches.not_frame': {
        "en": 'criteria must be a pandas DataFrame (one row per product, one column per criterion), got {kind}',
        "es": ('criteria debe ser un DataFrame de pandas (una fila por producto, una columna por criterio); se '
               'recibió {kind}')},
    'h16.methods.niches.empty': {
        "en": 'the criteria table is empty: it needs at least one product and one criterion',
        "es": 'la tabla de criterios está vacía: necesita al menos un producto y un criterio'},
    'h16.methods.niches.duplicated': {
        "en": ('the criteria table has duplicated products {dup}: one row per product, please (aggregate or drop '
               'the duplicates first)'),
        "es": ('la tabla de criterios tiene productos duplicados {dup}: debe haber una fila por producto (agregue '
               'o elimine antes los duplicados)')},
    'h16.methods.niches.reserved': {
        "en": "criterion name(s) {names} are reserved for the model's output columns; rename them, e.g. {example}",
        "es": ('los nombres de criterio {names} están reservados para las columnas de resultado del modelo; '
               'cámbielos, p. ej. {example}')},
    'h16.methods.niches.not_numeric': {
        "en": ('criterion {name!r} is not numeric (dtype {dtype}); convert it with {fix} and check what did not '
               'convert'),
        "es": ('el criterio {name!r} no es numérico (tipo {dtype}); conviértalo con {fix} y revise lo que no se '
               'pudo convertir')},
    'h16.methods.niches.infinite': {
        "en": ('criterion {name!r} has {n} infinite value(s) (first: product {first!r}); an infinite ratio usually'
               ' means a zero denominator: set them to NaN (no data) or fix the source'),
        "es": ('el criterio {name!r} tiene {n} valor(es) infinito(s) (el primero: producto {first!r}); un cociente'
               ' infinito suele indicar un denominador cero: páselos a NaN (sin datos) o corrija la fuente')},
    'h16.methods.niches.not_columns': {
        "en": '{what} name(s) criteria {bad} that are not columns of the criteria table; the table has {columns}',
        "es": '{what} nombra criterios {bad} que no son columnas de la tabla de criterios; la tabla tiene {columns}'},
    'h16.methods.niches.hib_table': {
        "en": ("higher_is_better as a table needs columns 'criterion' and 'higher_is_better' (the criteria "
               'catalogue); or pass a mapping such as {example}'),
        "es": ("higher_is_better como tabla necesita las columnas 'criterion' y 'higher_is_better' (el catálogo de"
               ' criterios); o pase un diccionario como {example}')},
    'h16.methods.niches.hib_value': {
        "en": 'higher_is_better[{name!r}] must be True or False, got {value!r}',
        "es": 'higher_is_better[{name!r}] debe ser True o False; se recibió {value!r}'},
    'h16.methods.niches.labels_table': {
        "en": "labels as a table needs columns 'criterion' and {col!r} (the criteria catalogue)",
        "es": "labels como tabla necesita las columnas 'criterion' y {col!r} (el catálogo de criterios)"},
    'h16.methods.niches.weights_mapping': {
        "en": 'weights must be a non-empty mapping criterion -> weight, e.g. {example}',
        "es": 'weights debe ser un diccionario no vacío criterio -> peso, p. ej. {example}'},
    'h16.methods.niches.weight_not_number': {
        "en": 'the weight of {name!r} is {value!r}; weights must be numbers',
        "es": 'el peso de {name!r} es {value!r}; los pesos deben ser números'},
    'h16.methods.niches.weight_not_finite': {
        "en": 'the weight of {name!r} is {value!r}; weights must be finite numbers',
        "es": 'el peso de {name!r} es {value!r}; los pesos deben ser números finitos'},
    'h16.methods.niches.weight_negative': {
        "en": ('the weight of {name!r} is negative ({value}); weights must be >= 0. If lower values of {name!r} '
               'are better, keep a positive weight and say {fix}'),
        "es": ('el peso de {name!r} es negativo ({value}); los pesos deben ser >= 0. Si los valores bajos de '
               '{name!r} son mejores, deje un peso positivo e indique {fix}')},
    'h16.methods.niches.weights_zero': {
        "en": 'all weights are zero ({weights}); give at least one criterion a positive weight',
        "es": 'todos los pesos son cero ({weights}); dé un peso positivo al menos a un criterio'},
    'h16.methods.niches.thresholds_mapping': {
        "en": 'thresholds must be a mapping criterion -> (operator, value), e.g. {example}',
        "es": 'thresholds debe ser un diccionario criterio -> (operador, valor), p. ej. {example}'},
    'h16.methods.niches.threshold_rule': {
        "en": ('threshold for {name!r} is {rule!r}; write it as (operator, value) with operator one of '
               '{operators}, e.g. {example}'),
        "es": ('el umbral de {name!r} es {rule!r}; escríbalo como (operador, valor), con un operador entre '
               '{operators}, p. ej. {example}')},
    'h16.methods.niches.threshold_not_number': {
        "en": 'threshold value for {name!r} is {value!r}; it must be a number',
        "es": 'el valor del umbral de {name!r} es {value!r}; debe ser un número'},
    'h16.methods.niches.threshold_not_finite': {
        "en": 'threshold value for {name!r} is {value!r}; it must be a finite number',
        "es": 'el valor del umbral de {name!r} es {value!r}; debe ser un número finito'},
    'h16.methods.niches.bad_method': {
        "en": 'normalisation method {method!r} for {name!r} is unknown; use one of {methods}',
        "es": 'el método de normalización {method!r} de {name!r} no existe; use uno de {methods}'},
    'h16.methods.niches.bad_missing': {
        "en": 'missing={missing!r}; use one of {policies}',
        "es": 'missing={missing!r}; use uno de {policies}'},
    'h16.methods.niches.not_scores': {
        "en": 'scores must be the table returned by niche_scores(...)',
        "es": 'scores debe ser la tabla que devuelve niche_scores(...)'},
    'h16.methods.niches.no_product': {
        "en": "product {product!r} is not in the scores table; check the code (a string such as '0803')",
        "es": "el producto {product!r} no está en la tabla de puntajes; revise el código (un texto como '0803')"},
    # --- methods.common --------------------------------------------------------------------------------------
    'h16.methods.common.positive_whole': {
        "en": '{name} must be a positive whole number, got {value!r}',
        "es": '{name} debe ser un número entero positivo; se recibió {value!r}'},
    'h16.methods.common.share': {
        "en": '{name} must be a share in (0, 1], got {value!r}',
        "es": '{name} debe ser una proporción en (0, 1]; se recibió {value!r}'},
    # --- methods.sensitivity ---------------------------------------------------------------------------------
    'h16.methods.sensitivity.spread': {
        "en": '{name} must be a number >= 0 (0 = no perturbation), got {value!r}',
        "es": '{name} debe ser un número >= 0 (0 = sin perturbación); se recibió {value!r}'},
    # --- views.niches ----------------------------------------------------------------------------------------
    'h16.views.niches.names_table': {
        "en": "names as a table needs columns 'code' and 'name' (e.g. data.products(level=4))",
        "es": "names como tabla necesita las columnas 'code' y 'name' (p. ej. data.products(level=4))"},
    'h16.views.niches.not_scores': {
        "en": 'scores must be the table returned by niches.niche_scores(...)',
        "es": 'scores debe ser la tabla que devuelve niches.niche_scores(...)'},
    'h16.views.niches.no_contrib': {
        "en": 'scores has no contrib_<criterion> columns: use niches.niche_scores(...)',
        "es": 'scores no tiene columnas contrib_<criterio>: use niches.niche_scores(...)'},
    'h16.views.niches.not_sensitivity': {
        "en": 'expected the result of niches.sensitivity(...), got {kind}',
        "es": 'se esperaba el resultado de niches.sensitivity(...); se recibió {kind}'},
    # --- methods.common --------------------------------------------------------------------------------------
    'h16.methods.common.finite': {
        "en": '{name} must be a finite number, got {value!r}',
        "es": '{name} debe ser un número finito; se recibió {value!r}'},
    'h16.methods.common.positive': {
        "en": '{name} must be a positive number, got {value!r}',
        "es": '{name} debe ser un número positivo; se recibió {value!r}'},
    'h16.methods.common.not_frame': {
        "en": '{name} must be a pandas DataFrame, not {kind}',
        "es": '{name} debe ser un DataFrame de pandas, no {kind}'},
    # --- methods.diversification -----------------------------------------------------------------------------
    'h16.methods.diversification.no_columns': {
        "en": 'table has no column(s) {missing}; it has {columns}; name them with product=..., year=..., value=...',
        "es": ('la tabla no tiene la(s) columna(s) {missing}; tiene {columns}; indíquelas con product=..., '
               'year=..., value=...')},
    'h16.methods.diversification.average': {
        "en": 'average must be >= 1 year, got {value}',
        "es": 'average debe ser >= 1 año; se recibió {value}'},
    'h16.methods.diversification.short_window': {
        "en": 'the window {start}-{end} is too short for {average}-year averages at each end',
        "es": 'la ventana {start}-{end} es demasiado corta para promedios de {average} años en cada extremo'},
    'h16.methods.diversification.absent_years': {
        "en": 'years {absent} are not in the table (it has {first}-{last})',
        "es": 'los años {absent} no están en la tabla (tiene {first}-{last})'},
    'h16.methods.diversification.no_years': {
        "en": 'the table has no years',
        "es": 'la tabla no tiene años'},
    'h16.methods.diversification.negative': {
        "en": '{name}: negative values; trade values cannot be negative',
        "es": '{name}: valores negativos; los valores de comercio no pueden ser negativos'},
    'h16.methods.diversification.weights': {
        "en": 'weights must be finite, >= 0 and not all 0, got {weights}',
        "es": 'los pesos deben ser finitos, >= 0 y no todos 0; se recibió {weights}'},
    'h16.methods.diversification.strategy': {
        "en": 'strategy={strategy!r}; use one of {strategies} or give weights=',
        "es": 'strategy={strategy!r}; use una de {strategies} o indique weights='},
    'h16.methods.diversification.zscore_over': {
        "en": "zscore_over={value!r}; use 'all' or 'candidates'",
        "es": "zscore_over={value!r}; use 'all' o 'candidates'"},
    'h16.methods.diversification.not_list': {
        "en": 'table must be a list from consolidate_list or diversify_list',
        "es": 'table debe ser una lista de consolidate_list o de diversify_list'},
    # --- methods.criteria ------------------------------------------------------------------------------------
    'h16.methods.criteria.negative': {
        "en": '{name}: negative values; trade values cannot be negative',
        "es": '{name}: valores negativos; los valores de comercio no pueden ser negativos'},
    'h16.methods.criteria.window': {
        "en": 'the window {y0}-{y1} must run forward (first year before the last)',
        "es": 'la ventana {y0}-{y1} debe avanzar en el tiempo (el primer año antes que el último)'},
    'h16.methods.criteria.iso3': {
        "en": "country must be an ISO3 code such as 'MEX', not {value!r}",
        "es": "country debe ser un código ISO3 como 'MEX', no {value!r}"},
    'h16.methods.criteria.not_in_set': {
        "en": ('{code} is not in the cleaned complexity set of {year} (total exports below USD 1 billion or not a '
               'country, see indicators.filter_for_complexity): density, PCI and COG are not defined for it, so '
               'the niche model cannot rank its products'),
        "es": ('{code} no está en el conjunto depurado de complejidad de {year} (exportaciones totales inferiores '
               'a USD 1000 millones o no es un país, vea indicators.filter_for_complexity): la densidad, el PCI y '
               'la COG no están definidos para él, así que el modelo de nichos no puede ordenar sus productos')},
    'h16.methods.criteria.not_series': {
        "en": 'expected a pandas Series by product, got {kind}',
        "es": 'se esperaba una Series de pandas por producto; se recibió {kind}'},
    'h16.methods.criteria.linkages': {
        "en": ('linkages are by sector: pass concordance= (products to classes, e.g. {example}) and '
               'sector_of_class= to map them to products'),
        "es": ('los encadenamientos son por sector: pase concordance= (productos a clases, p. ej. {example}) y '
               'sector_of_class= para llevarlos a los productos')},
    'h16.methods.criteria.extra_names': {
        "en": 'extra criteria {names} have the names of built-in criteria; rename them',
        "es": 'los criterios adicionales {names} tienen nombres de criterios incorporados; cámbielos'},
    'h16.methods.criteria.extra_duplicated': {
        "en": 'extra has duplicated products {dup}: one row per product, please',
        "es": 'extra tiene productos duplicados {dup}: debe haber una fila por producto'},
    'h16.methods.criteria.not_reporter': {
        "en": ('{code!r} is not a reporter of the trade table; use the ISO3 code (in capitals) of a country with '
               'exports in it'),
        "es": ('{code!r} no es un informante de la tabla de comercio; use el código ISO3 (en mayúsculas) de un '
               'país con exportaciones en ella')},
    'h16.methods.criteria.lac_members': {
        "en": 'flows= needs lac_members= (the importers of the group, e.g. {example})',
        "es": 'flows= necesita lac_members= (los importadores del grupo, p. ej. {example})'},
    'h16.methods.criteria.window_needed': {
        "en": 'trade_base= needs window=(y0, y1): the years of the dynamics (e.g. (1980, 2017))',
        "es": 'trade_base= necesita window=(y0, y1): los años de la dinámica (p. ej. (1980, 2017))'},
    # --- methods.common --------------------------------------------------------------------------------------
    'h16.methods.common.non_negative': {
        "en": '{name} must be a number >= 0, got {value!r}',
        "es": '{name} debe ser un número >= 0; se recibió {value!r}'},
    # --- methods.export_potential ----------------------------------------------------------------------------
    'h16.methods.export_potential.not_numbers': {
        "en": ('{what}: {n} value(s) are not numbers (first: {first!r}); convert them with {fix} and check what '
               'did not convert'),
        "es": ('{what}: {n} valor(es) no son números (el primero: {first!r}); conviértalos con {fix} y revise lo '
               'que no se pudo convertir')},
    'h16.methods.export_potential.infinite': {
        "en": '{what}: {n} infinite value(s); fix them first',
        "es": '{what}: {n} valor(es) infinito(s); corríjalos primero'},
    'h16.methods.export_potential.negative': {
        "en": '{what}: {n} negative value(s); trade flows cannot be negative (a net or re-export figure?)',
        "es": ('{what}: {n} valor(es) negativo(s); los flujos de comercio no pueden ser negativos (¿una cifra neta'
               ' o de reexportación?)')},
    'h16.methods.export_potential.bad_distance': {
        "en": ('distances: the distance from {a} to {b} is {value!r}; distances between two different countries '
               'must be positive and finite (log distance). Set unknown distances to NaN: those pairs then get no '
               'potential'),
        "es": ('distances: la distancia de {a} a {b} es {value!r}; la distancia entre dos países distintos debe '
               'ser positiva y finita (se usa su logaritmo). Deje en NaN las distancias desconocidas: esos pares '
               'no tendrán potencial')},
    'h16.methods.export_potential.two_distances': {
        "en": 'distances: the pair {a} -> {b} has different distances ({low} and {high}); keep one row per pair',
        "es": 'distances: el par {a} -> {b} tiene distancias distintas ({low} y {high}); deje una fila por par'},
    'h16.methods.export_potential.variant': {
        "en": 'variant={variant!r}; use one of {variants}',
        "es": 'variant={variant!r}; use una de {variants}'},
    'h16.methods.export_potential.empty': {
        "en": 'flows is empty: no year to compute a potential for',
        "es": 'flows está vacía: no hay ningún año para calcular un potencial'},
    'h16.methods.export_potential.absent_years': {
        "en": 'years {absent} are not in flows (it has {years})',
        "es": 'los años {absent} no están en flows (tiene {years})'},
    'h16.methods.export_potential.growth_years': {
        "en": 'growth_years={value!r} must be two years of flows (it has {years}), the first before the second',
        "es": ('growth_years={value!r} debe ser un par de años de flows (tiene {years}), el primero antes que el '
               'segundo')},
    'h16.methods.export_potential.horizon': {
        "en": 'horizon > 0 projects demand with its growth: give growth_years=(y0, y1) or a window of several years',
        "es": ('horizon > 0 proyecta la demanda con su crecimiento: indique growth_years=(y0, y1) o una ventana de'
               ' varios años')},
    'h16.methods.export_potential.no_codes': {
        "en": 'flows: some rows have no exporter, importer or product code; drop them first',
        "es": 'flows: algunas filas no tienen código de exportador, importador o producto; elimínelas primero'},
    'h16.methods.export_potential.no_exports': {
        "en": ('exporters {bad} export nothing in flows in the window {window}; check the codes (the table uses '
               'e.g. {examples})'),
        "es": ('los exportadores {bad} no exportan nada en flows en la ventana {window}; revise los códigos (la '
               'tabla usa p. ej. {examples})')},
    'h16.methods.export_potential.too_large': {
        "en": ('{exporters} exporters x {markets} markets x {products} products = {cells} cells is too large for '
               'one call; pass exporters=[...] (e.g. the country of the lesson)'),
        "es": ('{exporters} exportadores x {markets} mercados x {products} productos = {cells} celdas es demasiado'
               ' para una sola llamada; pase exporters=[...] (p. ej. el país de la lección)')},
    'h16.methods.export_potential.not_exporter': {
        "en": ('{country!r} is not an exporter of the potential table; compute it with export_potential(..., '
               'exporters=[{country!r}])'),
        "es": ('{country!r} no es un exportador de la tabla de potencial; calcúlela con export_potential(..., '
               'exporters=[{country!r}])')},
    # --- methods.robustness ----------------------------------------------------------------------------------
    'h16.methods.robustness.step': {
        "en": 'step must divide 1 (e.g. 0.1, 0.05, 0.25), got {value!r}',
        "es": 'step debe dividir 1 (p. ej. 0,1, 0,05, 0,25); se recibió {value!r}'},
    'h16.methods.robustness.minimum': {
        "en": 'minimum must be a multiple of step ({step}), got {value!r}',
        "es": 'minimum debe ser un múltiplo de step ({step}); se recibió {value!r}'},
    'h16.methods.robustness.no_sum': {
        "en": '{d} criteria with weights >= {minimum} cannot sum to 1',
        "es": '{d} criterios con pesos >= {minimum} no pueden sumar 1'},
    'h16.methods.robustness.grid_size': {
        "en": 'the grid would have {count} weight vectors; use a larger step or Dirichlet draws',
        "es": 'la grilla tendría {count} vectores de pesos; use un step mayor o sorteos de Dirichlet'},
    'h16.methods.robustness.design': {
        "en": "weight_design={value!r}; use 'dirichlet', 'grid' or a table of weight vectors",
        "es": "weight_design={value!r}; use 'dirichlet', 'grid' o una tabla de vectores de pesos"},
    'h16.methods.robustness.design_extra': {
        "en": 'weight_design has column(s) {extra} that are not weighted criteria {cols}',
        "es": 'weight_design tiene columna(s) {extra} que no son criterios ponderados {cols}'},
    'h16.methods.robustness.design_columns': {
        "en": 'weight_design must have one column per weighted criterion {cols}',
        "es": 'weight_design debe tener una columna por criterio ponderado {cols}'},
    'h16.methods.robustness.design_values': {
        "en": 'weight_design: weights must be finite, >= 0, with a positive sum in every row',
        "es": 'weight_design: los pesos deben ser finitos, >= 0, con una suma positiva en cada fila'},
    'h16.methods.robustness.normalisation': {
        "en": 'normalisation {value!r} is unknown; use one of {methods}',
        "es": 'la normalización {value!r} no existe; use una de {methods}'},
    'h16.methods.robustness.aggregation': {
        "en": 'aggregation {value!r} is unknown; use one of {aggregations}',
        "es": 'la agregación {value!r} no existe; use una de {aggregations}'},
    'h16.methods.robustness.none': {
        "en": 'give at least one normalisation and one aggregation',
        "es": 'indique al menos una normalización y una agregación'},
    'h16.methods.robustness.bars': {
        "en": 'the bars must satisfy 0 < plausible_share <= robust_share <= 1',
        "es": 'los listones deben cumplir 0 < plausible_share <= robust_share <= 1'},
    'h16.methods.robustness.level': {
        "en": 'threshold level {value!r} is unknown; use some of {levels}',
        "es": 'el nivel de umbral {value!r} no existe; use algunos de {levels}'},
    'h16.methods.robustness.nothing': {
        "en": 'no product passes the nominal screen: nothing to rank (check the thresholds)',
        "es": 'ningún producto supera el filtro nominal: no hay nada que ordenar (revise los umbrales)'},
    # --- lessons.l11 -----------------------------------------------------------------------------------------
    'h16.lessons.l11.list_line': {
        "en": ('{name}: RCA {op} {value:g}, {n} products; weights {weights}; screens {screens}; normalisation '
               '{method}'),
        "es": ('{name}: VCR {op} {value:g}, {n} productos; pesos {weights}; filtros {screens}; normalización '
               '{method}')},
}
