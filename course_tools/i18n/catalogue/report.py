"""Texts of the country report (lesson L12, ``course report``): titles, sentences, table headers, the index page."""

TEXTS: dict[str, dict[str, str]] = {
    "report.title": {"en": "Country report: {name}",
                     "es": "Informe de país: {name}"},
    "report.subtitle": {"en": "Productive niches for the SME programme · data year {year} · Nichos course",
                        "es": "Nichos productivos para el programa de pymes · datos de {year} · curso Nichos"},
    "report.thin_title": {"en": "This report is short: the data for {name} are too thin",
                          "es": "Este informe es breve: los datos de {name} son insuficientes"},
    "report.thin_body": {"en": ("The full report (complexity position, opportunities and the niche ranking) needs "
                                "the country in the complexity sample. Below: what is available, what is missing "
                                "and why."),
                         "es": ("El informe completo (posición en complejidad, oportunidades y ranking de nichos) "
                                "requiere que el país esté en la muestra de complejidad. A continuación: qué datos "
                                "hay, cuáles faltan y por qué.")},
    "report.coverage": {"en": "Data available for this report",
                        "es": "Datos disponibles para este informe"},
    "report.export_profile": {"en": "1. Export profile",
                              "es": "1. Perfil exportador"},
    "report.capacities": {"en": "2. Revealed capacities (RCA)",
                          "es": "2. Capacidades reveladas (VCR)"},
    "report.regional": {"en": "3. Regional interdependence",
                        "es": "3. Interdependencia regional"},
    "report.dynamics": {"en": "4. Dynamics",
                        "es": "4. Dinámica"},
    "report.complexity": {"en": "5. Complexity position",
                          "es": "5. Posición en complejidad"},
    "report.niches": {"en": "6. Niche ranking and its sensitivity",
                      "es": "6. Ranking de nichos y su sensibilidad"},
    "report.caveats": {"en": "7. Data caveats",
                       "es": "7. Advertencias sobre los datos"},
    "report.sources": {"en": "8. Sources and licences",
                       "es": "8. Fuentes y licencias"},
    "report.skipped": {"en": "Section not available for {name}: {why}",
                       "es": "Sección no disponible para {name}: {why}"},
    "report.total": {"en": "Total exports {year}: USD {value} ({n} products with reported exports).",
                     "es": "Exportaciones totales {year}: USD {value} ({n} productos con exportaciones declaradas)."},
    "report.top_products": {"en": "Top 10 products by export value",
                            "es": "Los 10 principales productos por valor exportado"},
    "report.top_rca": {"en": "Top products by revealed comparative advantage (share of exports ≥ {share})",
                       "es": ("Principales productos por ventaja comparativa revelada (participación en "
                              "exportaciones ≥ {share})")},
    "report.rca_counts": {"en": ("Products with RCA ≥ 1: {world} against the world, {lac} against Latin America "
                                 "and the Caribbean."),
                          "es": ("Productos con VCR ≥ 1: {world} frente al mundo, {lac} frente a América Latina y "
                                 "el Caribe.")},
    "report.partners": {"en": "Latin American and Caribbean destinations ({year}, million USD)",
                        "es": "Destinos en América Latina y el Caribe ({year}, millones de USD)"},
    "report.lac_share": {"en": "Share of exports going to the LAC partners in the data ({year}): {share}.",
                         "es": ("Participación de las exportaciones destinada a los socios de ALC en los datos "
                                "({year}): {share}.")},
    "report.quadrants": {"en": "Competitiveness matrix {y0}–{y1} (world market)",
                         "es": "Matriz de competitividad {y0}–{y1} (mercado mundial)"},
    "report.eci_line": {"en": ("ECI {year} (course computation): {eci}; rank {rank} of {n} LAC countries and "
                               "{wrank} of {wn} in the world."),
                        "es": ("ICE {year} (cálculo del curso): {eci}; puesto {rank} de {n} países de ALC y "
                               "{wrank} de {wn} en el mundo.")},
    "report.eci_line_world": {"en": ("ECI {year} (course computation): {eci}; rank {wrank} of {wn} in the world "
                                     "({name} is not a Latin American and Caribbean country: the table ranks the "
                                     "{n} LAC countries)."),
                              "es": ("ICE {year} (cálculo del curso): {eci}; puesto {wrank} de {wn} en el mundo "
                                     "({name} no es un país de América Latina y el Caribe: la tabla ordena los {n} "
                                     "países de ALC).")},
    "report.opportunities": {"en": ("Opportunities: products not yet exported with RCA ≥ 1, closest to current "
                                    "capacities"),
                             "es": ("Oportunidades: productos aún no exportados con VCR ≥ 1, más cercanos a las "
                                    "capacidades actuales")},
    "report.niche_table": {"en": "Top niches (weights: {weights}; screen: {screen})",
                           "es": "Principales nichos (ponderaciones: {weights}; filtro: {screen})"},
    "report.niche_count": {"en": "{passing} of {n} products pass the screen and are ranked.",
                           "es": "{passing} de {n} productos pasan el filtro y se ordenan."},
    "report.why": {"en": "why (criteria that put it there)",
                   "es": "por qué (criterios que lo ubican ahí)"},
    "report.robust": {"en": ("Robust niches (in the top {k} in at least {share} of {n} rankings with perturbed "
                             "weights and thresholds): {list}"),
                      "es": ("Nichos robustos (en el top {k} en al menos {share} de {n} rankings con "
                             "ponderaciones y umbrales perturbados): {list}")},
    "report.none_robust": {"en": ("No niche stays in the top {k} in {share} of the {n} perturbed rankings: present "
                                  "the ranking as tentative."),
                           "es": ("Ningún nicho se mantiene en el top {k} en el {share} de los {n} rankings "
                                  "perturbados: presente el ranking como tentativo.")},
    "report.not_reported": {"en": ("In the {year} table {country} has {rows} product rows, {reported} with a "
                                   "reported value and {empty} left empty: empty means no flow was reported (not "
                                   "reported), which is not the same as zero; the course counts it as no exports "
                                   "for shares and RCA."),
                            "es": ("En la tabla de {year}, {country} tiene {rows} filas de productos, {reported} "
                                   "con valor declarado y {empty} vacías: vacío significa que no se declaró flujo "
                                   "(no declarado), lo que no es lo mismo que cero; el curso lo cuenta como sin "
                                   "exportaciones para participaciones y VCR.")},
    "report.dataset": {"en": "dataset",
                       "es": "conjunto de datos"},
    "report.producer": {"en": "producer",
                        "es": "productor"},
    "report.licence": {"en": "licence",
                       "es": "licencia"},
    "report.attribution": {"en": "attribution",
                           "es": "atribución"},
    "report.item": {"en": "data",
                    "es": "datos"},
    "report.available": {"en": "available",
                         "es": "disponible"},
    "report.detail": {"en": "detail",
                      "es": "detalle"},
    "report.yes": {"en": "yes",
                   "es": "sí"},
    "report.no": {"en": "no",
                  "es": "no"},
    "report.product": {"en": "product",
                       "es": "producto"},
    "report.name": {"en": "name",
                    "es": "nombre"},
    "report.export_value": {"en": "exports (USD)",
                            "es": "exportaciones (USD)"},
    "report.share": {"en": "share",
                     "es": "participación"},
    "report.rca": {"en": "RCA",
                   "es": "VCR"},
    "report.rca_lac": {"en": "RCA vs LAC",
                       "es": "VCR frente a ALC"},
    "report.partner": {"en": "partner",
                       "es": "socio"},
    "report.flow": {"en": "exports (million USD)",
                    "es": "exportaciones (millones de USD)"},
    "report.intensity": {"en": "trade intensity",
                         "es": "intensidad comercial"},
    "report.quadrant": {"en": "quadrant",
                        "es": "cuadrante"},
    "report.n_products": {"en": "products",
                          "es": "productos"},
    "report.density": {"en": "density",
                       "es": "densidad"},
    "report.pci": {"en": "PCI",
                   "es": "ICP"},
    "report.cog": {"en": "opportunity gain",
                   "es": "ganancia de oportunidad"},
    "report.rank": {"en": "rank",
                    "es": "puesto"},
    "report.score": {"en": "score",
                     "es": "puntaje"},
    "report.country": {"en": "country",
                       "es": "país"},
    "report.eci": {"en": "ECI",
                   "es": "ICE"},
    "report.diversity": {"en": "diversity",
                         "es": "diversidad"},
    "report.cov_trade": {"en": "World trade table {year} (exports by product)",
                         "es": "Tabla mundial de comercio {year} (exportaciones por producto)"},
    "report.cov_complexity": {"en": "Complexity sample {year} (ECI, density, niche ranking)",
                              "es": "Muestra de complejidad {year} (ICE, densidad, ranking de nichos)"},
    "report.cov_trade0": {"en": "World trade table {year} (dynamics)",
                          "es": "Tabla mundial de comercio {year} (dinámica)"},
    "report.cov_gravity": {"en": "Bilateral flows {year} (regional partners)",
                           "es": "Flujos bilaterales {year} (socios regionales)"},
    "report.cov_atlas": {"en": "Atlas country panel 1995–2023 (ECI path)",
                         "es": "Panel de países del Atlas 1995–2023 (trayectoria del ICE)"},
    "report.cov_trade_ok": {"en": "{n} products, USD {value}",
                            "es": "{n} productos, USD {value}"},
    "report.cov_trade_none": {"en": "no reported exports",
                              "es": "sin exportaciones declaradas"},
    "report.cov_complexity_out": {"en": "outside the sample: {reason}",
                                  "es": "fuera de la muestra: {reason}"},
    "report.cov_gravity_none": {"en": "not in the gravity dataset",
                                "es": "no está en los datos de gravedad"},
    "report.cov_atlas_none": {"en": "no ECI in the panel",
                              "es": "sin ICE en el panel"},
    "report.cov_atlas_ok": {"en": "ECI for {n} years",
                            "es": "ICE de {n} años"},
    "report.reason_exports": {"en": ("exports of USD {value} in {year}, below the USD {minimum} minimum of the "
                                     "Atlas rankings"),
                              "es": ("exportaciones de USD {value} en {year}, por debajo del mínimo de USD "
                                     "{minimum} de los rankings del Atlas")},
    "report.reason_excluded": {"en": "not a country for complexity (territory or non-country code)",
                               "es": "no es un país para la complejidad (territorio o código que no es país)"},
    "report.reason_none": {"en": "no reported exports in {year}",
                           "es": "sin exportaciones declaradas en {year}"},
    "report.index_title": {"en": "Country reports: Latin America and the Caribbean",
                           "es": "Informes de país: América Latina y el Caribe"},
    "report.status": {"en": "status",
                      "es": "estado"},
    "report.ok": {"en": "full report",
                  "es": "informe completo"},
    "report.thin": {"en": "short report (thin data)",
                    "es": "informe breve (datos insuficientes)"},
    "report.failed": {"en": "failed",
                      "es": "falló"},
    "report.report": {"en": "report",
                      "es": "informe"},
    "report.seconds": {"en": "seconds",
                       "es": "segundos"},
    "report.top_partner": {"en": "top LAC partner",
                           "es": "principal socio en ALC"},
    "report.n_rca": {"en": "products with RCA ≥ 1",
                     "es": "productos con VCR ≥ 1"},
    "report.eci_rank_lac": {"en": "ECI rank in LAC",
                            "es": "puesto ICE en ALC"},
    "report.error_title": {"en": "The report for {name} could not be produced",
                           "es": "No se pudo producir el informe de {name}"},
    "report.error_body": {"en": ("The notebook stopped with the error below. Open the executed notebook to see the "
                                 "cell."),
                          "es": ("El cuaderno se detuvo con el error de abajo. Abra el cuaderno ejecutado para "
                                 "ver la celda.")},
    "report.generated": {"en": "Generated with the Nichos course (course report).",
                         "es": "Generado con el curso Nichos (course report)."},
    "report.non_commercial": {"en": ("The trade data ({datasets}) are licensed CC BY-NC 4.0: you may share and "
                                     "present this report, with the attributions below, but not sell it or use it "
                                     "commercially."),
                              "es": ("Los datos de comercio ({datasets}) tienen licencia CC BY-NC 4.0: puede "
                                     "compartir y presentar este informe, con las atribuciones de abajo, pero no "
                                     "venderlo ni usarlo con fines comerciales.")},
    # --- the report a coordinator presents (issue: summary first, two lists, markets, robustness) ---
    "report.subtitle2": {"en": "Productive niches for the SME programme · data year {year} · dynamics {window} · "
                               "Nichos course",
                         "es": "Nichos productivos para el programa de pymes · datos de {year} · dinámica {window} · "
                               "curso Nichos"},
    "report.summary": {"en": "Executive summary", "es": "Resumen ejecutivo"},
    "report.sum_exports": {
        "en": "In {year}, {name} exported USD {total} in {n} products (HS 4-digit headings). Its largest product, "
              "{top} ({code}), was {share} of the total; the five largest together, {share5}.",
        "es": "En {year}, {name} exportó USD {total} en {n} productos (partidas del SA a 4 dígitos). Su principal "
              "producto, {top} ({code}), representó {share} del total; los cinco principales juntos, {share5}."},
    "report.sum_primary": {
        "en": "Primary products and their first processing (HS chapters 01–27 and 71) made up {share} of its "
              "exports.",
        "es": "Los productos primarios y su primera transformación (capítulos 01–27 y 71 del SA) representaron "
              "{share} de sus exportaciones."},
    "report.sum_rca": {
        "en": "It has a revealed comparative advantage (RCA ≥ 1) in {n_rca} of the {n_products} products of the "
              "analysis: these are the candidates to consolidate; the other {n_div} are candidates to diversify "
              "into.",
        "es": "Tiene ventaja comparativa revelada (VCR ≥ 1) en {n_rca} de los {n_products} productos del análisis: "
              "son los candidatos a consolidar; los otros {n_div} son candidatos para diversificar."},
    "report.sum_eci": {
        "en": "Its economic complexity index (ECI, course computation, {year}) is {eci}: rank {rank} of {n_lac} in "
              "Latin America and the Caribbean and {wrank} of {wn} in the world.",
        "es": "Su índice de complejidad económica (ICE, cálculo del curso, {year}) es {eci}: puesto {rank} de {n_lac} "
              "en América Latina y el Caribe y {wrank} de {wn} en el mundo."},
    "report.sum_eci_outside": {
        "en": "Its economic complexity index (ECI, course computation, {year}) is {eci}: rank {wrank} of {wn} in the "
              "world. {name} is not a Latin American and Caribbean country: placed among the {n_lac} countries of the "
              "region, it would rank {rank}.",
        "es": "Su índice de complejidad económica (ICE, cálculo del curso, {year}) es {eci}: puesto {wrank} de {wn} en "
              "el mundo. {name} no es un país de América Latina y el Caribe: entre los {n_lac} países de la región "
              "ocuparía el puesto {rank}."},
    "report.sum_lac": {
        "en": "{share} of its exports went to Latin America and the Caribbean ({source}); its main regional "
              "partners: {partners}.",
        "es": "El {share} de sus exportaciones fue a América Latina y el Caribe ({source}); sus principales socios "
              "en la región: {partners}."},
    "report.src_bilateral": {"en": "flows by partner, {year}", "es": "flujos por socio, {year}"},
    "report.src_customs": {"en": "its customs file, {year}", "es": "su archivo de aduanas, {year}"},
    "report.src_gravity": {"en": "total flows of the 2006 gravity table", "es": "flujos totales de la tabla de "
                                                                              "gravedad de 2006"},
    "report.sum_dynamics": {
        "en": "Over {y0}–{y1} world trade grew {g} a year. Rising stars (world market share gained in products "
              "whose demand grew faster than world trade) made up {share} of its {year} exports.",
        "es": "En {y0}–{y1} el comercio mundial creció {g} por año. Las estrellas nacientes (cuota de mercado "
              "mundial ganada en productos cuya demanda creció más que el comercio mundial) representaron {share} "
              "de sus exportaciones de {year}."},
    "report.sum_lists": {
        "en": "Two lists of niches, each with its own criteria: to consolidate (products already exported with "
              "RCA ≥ 1: where to grow, and in which markets) and to diversify (products not yet exported with RCA ≥ "
              "1, near the country's capabilities: strategic bets).",
        "es": "Dos listas de nichos, cada una con sus propios criterios: para consolidar (productos que ya se "
              "exportan con VCR ≥ 1: dónde crecer y en qué mercados) y para diversificar (productos que aún no se "
              "exportan con VCR ≥ 1, cercanos a las capacidades del país: apuestas estratégicas)."},
    "report.sum_list_head": {"en": "{title}: the first {n} of {total} ({robust} of the top {k} are robust to every "
                                   "modelling choice)",
                             "es": "{title}: los {n} primeros de {total} ({robust} de los {k} primeros son robustos "
                                   "ante todas las decisiones de modelación)"},
    "report.sum_data": {"en": "Data: {provenance} Dynamics window: {window}. Weights: {weights}.",
                        "es": "Datos: {provenance} Ventana de la dinámica: {window}. Ponderaciones: {weights}."},
    "report.weights_default": {"en": "the course's defaults for both lists", "es": "las del curso para ambas listas"},
    "report.weights_file": {"en": "{lists} from {path}, the course's defaults otherwise",
                            "es": "{lists} tomadas de {path}; las del curso para el resto"},
    "report.list_consolidate": {"en": "To consolidate", "es": "Para consolidar"},
    "report.list_diversify": {"en": "To diversify", "es": "Para diversificar"},
    "report.consolidate_title": {"en": "6. Niches to consolidate: where to grow, and in which markets",
                                 "es": "6. Nichos para consolidar: dónde crecer y en qué mercados"},
    "report.diversify_title": {"en": "7. Niches to diversify into: strategic bets",
                               "es": "7. Nichos para diversificar: apuestas estratégicas"},
    "report.robustness_title": {"en": "8. How robust are the lists?",
                                "es": "8. ¿Qué tan robustas son las listas?"},
    "report.caveats2": {"en": "9. Caveats for {name}", "es": "9. Advertencias para {name}"},
    "report.sources2": {"en": "10. Sources, licences and settings", "es": "10. Fuentes, licencias y parámetros"},
    "report.list_rule": {
        "en": "{n} products pass (rule {rule}; screens: {screens}). Criteria and weights: {weights}; normalisation: "
              "{method}. Criteria that drive the top {k}: {drivers}.",
        "es": "{n} productos pasan (regla {rule}; filtros: {screens}). Criterios y ponderaciones: {weights}; "
              "normalización: {method}. Criterios que explican los {k} primeros: {drivers}."},
    "report.no_screens": {"en": "none", "es": "ninguno"},
    "report.method_rank": {"en": "percentile ranks", "es": "rangos percentiles"},
    "report.method_zscore": {"en": "z-scores (Growth Lab), clipped at ±3 sd",
                             "es": "puntajes z (Growth Lab), recortados en ±3 d.e."},
    "report.method_minmax": {"en": "min-max", "es": "mín-máx"},
    "report.markets_head": {"en": "Markets of each niche", "es": "Mercados de cada nicho"},
    "report.markets_consolidate": {
        "en": "Markets ranked by untapped export potential in USD (ITC-style EPI: potential minus actual "
              "exports){proxy}.",
        "es": "Mercados ordenados por potencial exportador no aprovechado en USD (EPI al estilo del ITC: potencial "
              "menos exportaciones efectivas){proxy}."},
    "report.markets_diversify": {
        "en": "Markets ranked by their demand, distance and ease of trade for {name} (ITC's diversification logic: "
              "a ranking, no dollar figure for products not yet exported){proxy}.",
        "es": "Mercados ordenados por su demanda, distancia y facilidad de comercio para {name} (lógica de "
              "diversificación del ITC: un orden, sin cifra en dólares para productos que aún no se exportan)"
              "{proxy}."},
    "report.markets_proxy": {"en": " — estimated with the proxy described in the caveats",
                             "es": " — estimado con la aproximación descrita en las advertencias"},
    "report.robust_bar": {
        "en": "Each list was recomputed in every variant ({n}): every normalisation (ranks, min-max, z-scores) × "
              "aggregation (arithmetic, geometric mean) × criteria set (all, each one left out) × screens "
              "(as set, looser, stricter, none) × {w} weight draws around the chosen weights (seed {seed}). A niche "
              "is called robust when it stays in the top {k} in at least {share} of the variants and its 95th "
              "percentile rank is at most {p95}; plausible from {plausible}; fragile below.",
        "es": "Cada lista se recalculó en todas las variantes ({n}): toda normalización (rangos, mín-máx, "
              "puntajes z) × "
              "agregación (media aritmética, geométrica) × conjunto de criterios (todos, y sin cada uno) × filtros "
              "(como se fijaron, más laxos, más estrictos, ninguno) × {w} sorteos de ponderaciones alrededor de las "
              "elegidas (semilla {seed}). Un nicho se llama robusto si permanece entre los {k} primeros en al "
              "menos el {share} de las variantes y su puesto del percentil 95 es {p95} o mejor; plausible desde "
              "{plausible}; frágil por debajo."},
    "report.robust_most": {
        "en": "The choice that moves the {title} list most: {dimension} (it explains {effect} of the variation of "
              "the top-{k} overlap).",
        "es": "La decisión que más mueve la lista {title}: {dimension} (explica el {effect} de la variación de la "
              "coincidencia de los {k} primeros)."},
    "report.dim_normalisation": {"en": "normalisation", "es": "normalización"},
    "report.dim_aggregation": {"en": "aggregation", "es": "agregación"},
    "report.dim_criteria": {"en": "criteria left out", "es": "criterios omitidos"},
    "report.dim_thresholds": {"en": "screens", "es": "filtros"},
    "report.dim_weights": {"en": "weights", "es": "ponderaciones"},
    "report.label_robust": {"en": "robust", "es": "robusto"},
    "report.label_plausible": {"en": "plausible", "es": "plausible"},
    "report.label_fragile": {"en": "fragile", "es": "frágil"},
    "report.label_out": {"en": "out", "es": "fuera"},
    "report.robustness_col": {"en": "robustness", "es": "robustez"},
    "report.share_top": {"en": "in top {k}", "es": "entre los {k} primeros"},
    "report.markets_col": {"en": "best markets (untapped USD)", "es": "mejores mercados (USD no aprovechados)"},
    "report.markets_col_div": {"en": "best markets", "es": "mejores mercados"},
    "report.scope": {"en": "scope", "es": "ámbito"},
    "report.scope_world": {"en": "world", "es": "mundo"},
    "report.scope_lac": {"en": "best in LAC", "es": "mejor en ALC"},
    "report.market": {"en": "market", "es": "mercado"},
    "report.untapped": {"en": "untapped potential (USD)", "es": "potencial no aprovechado (USD)"},
    "report.potential": {"en": "potential (USD)", "es": "potencial (USD)"},
    "report.actual": {"en": "actual exports (USD)", "es": "exportaciones efectivas (USD)"},
    "report.demand": {"en": "market's imports (USD)", "es": "importaciones del mercado (USD)"},
    "report.niche_rank": {"en": "niche", "es": "nicho"},
    "report.n_rca_line": {
        "en": "Products with a revealed comparative advantage: {n_rca} of the {n_products} products of the analysis "
              "(Balassa RCA ≥ 1 against every reporter of the {year} table; the products are the cleaned complexity "
              "set of L08).",
        "es": "Productos con ventaja comparativa revelada: {n_rca} de los {n_products} productos del análisis (VCR "
              "de Balassa ≥ 1 frente a todos los declarantes de la tabla de {year}; los productos son el conjunto "
              "depurado de complejidad de la L08)."},
    "report.top_rca2": {"en": "Strongest revealed advantages (products above 0.1 % of exports)",
                        "es": "Mayores ventajas reveladas (productos sobre 0,1 % de las exportaciones)"},
    "report.partners2": {"en": "Main destinations ({source})", "es": "Principales destinos ({source})"},
    "report.lac_flag": {"en": "in LAC", "es": "en ALC"},
    "report.quadrants2": {"en": "Competitiveness matrix {y0}–{y1} (products of the analysis; world trade grew {g} "
                                "a year)",
                          "es": "Matriz de competitividad {y0}–{y1} (productos del análisis; el comercio mundial "
                                "creció {g} por año)"},
    "report.atlas_line": {
        "en": "For comparison only: the Atlas of Economic Complexity (Growth Lab, HS 1992, its own cleaning) gives "
              "{name} an ECI of {atlas} for {year}; the report uses the course's computation throughout.",
        "es": "Solo como comparación: el Atlas de Complejidad Económica (Growth Lab, SA 1992, su propia depuración) "
              "da a {name} un ICE de {atlas} para {year}; el informe usa en todo momento el cálculo del curso."},
    "report.share_exports": {"en": "share of exports", "es": "participación en exportaciones"},
    "report.why2": {"en": "why (criteria that put it there)", "es": "por qué (criterios que lo ubican ahí)"},
    "report.cav_age": {
        "en": "Data year {year}: the report describes {year}. Check the current situation with national "
              "statistics before presenting.",
        "es": "Año de los datos {year}: el informe describe {year}. Verifique la situación actual con las "
              "estadísticas nacionales antes de presentar."},
    "report.cav_primary": {
        "en": "Commodity dependence: {share} of {name}'s exports are primary products, whose values follow world "
              "prices; growth rates and rankings by value partly reflect prices, not volumes.",
        "es": "Dependencia de materias primas: el {share} de las exportaciones de {name} son productos primarios, "
              "cuyos valores siguen los precios mundiales; las tasas de crecimiento y los órdenes por valor "
              "reflejan en parte precios, no volúmenes."},
    "report.cav_concentration": {
        "en": "Concentration: one product, {top}, is {share} of exports; a change in its price or market moves every "
              "total of this report.",
        "es": "Concentración: un solo producto, {top}, representa {share} de las exportaciones; un cambio en su "
              "precio o mercado mueve todos los totales de este informe."},
    "report.cav_reexports": {
        "en": "Possible re-exports: for {products}, {name}'s imports of the product ({how}) exceed its exports; "
              "check with customs that they are produced in the country before presenting them.",
        "es": "Posibles reexportaciones: en {products}, las importaciones de {name} del producto ({how}) superan "
              "sus exportaciones; verifique con aduanas que se producen en el país antes de presentarlos."},
    "report.how_measured": {"en": "measured", "es": "medidas"},
    "report.how_estimated": {"en": "estimated with the proxy", "es": "estimadas con la aproximación"},
    "report.cav_none_robust": {
        "en": "No niche of the list {title} clears the robustness bar: present that list as tentative, with the "
              "choices it depends on.",
        "es": "Ningún nicho de la lista {title} supera el umbral de robustez: presente esa lista como tentativa, "
              "con las decisiones de las que depende."},
    "report.cav_small_niches": {
        "en": "{n} of the top niches to consolidate were exported for less than USD 10 million: check that a real "
              "base of firms exists ({products}).",
        "es": "{n} de los primeros nichos para consolidar se exportaron por menos de USD 10 millones: verifique "
              "que exista una base real de empresas ({products})."},
    "report.fs_title": {"en": "Country report: {name} ({code}), language {lang}",
                        "es": "Informe de país: {name} ({code}), idioma {lang}"},
    "report.fs_year": {"en": "Year of the criteria: {year}; dynamics window: {window}",
                       "es": "Año de los criterios: {year}; ventana de la dinámica: {window}"},
    "report.fs_no_window": {"en": "none (no earlier year in the panel)",
                            "es": "ninguna (el panel no tiene un año anterior)"},
    "report.fs_bilateral": {
        "en": "Flows by product and market: from the panel (LAC demand and untapped potential measured)",
        "es": "Flujos por producto y mercado: del panel (demanda de ALC y potencial no aprovechado medidos)"},
    "report.fs_proxy": {
        "en": "Flows by product and market: not in the panel; LAC demand and untapped potential are PROXIES from "
              "the 2006 gravity table",
        "es": "Flujos por producto y mercado: no están en el panel; la demanda de ALC y el potencial no aprovechado "
              "son APROXIMACIONES con la tabla de gravedad de 2006"},
    "report.fs_io_national": {"en": "Input-output: national table {source}",
                              "es": "Insumo-producto: tabla nacional {source}"},
    "report.fs_io_world": {
        "en": "Input-output: world table 2000 (the country's block, or Brazil's as a proxy)",
        "es": "Insumo-producto: tabla mundial 2000 (el bloque del país, o el de Brasil como aproximación)"},
    "report.fs_extra": {"en": "Extra criteria: {names} ({source})", "es": "Criterios adicionales: {names} ({source})"},
    "report.fs_no_extra": {"en": "Extra criteria: none", "es": "Criterios adicionales: ninguno"},
    "report.fs_weights_default": {"en": "Weights: the course's defaults for both lists",
                                  "es": "Ponderaciones: las del curso para ambas listas"},
    "report.fs_weights_file": {"en": "Weights: {path} ({lists}); the course's defaults for any other list",
                               "es": "Ponderaciones: {path} ({lists}); las del curso para cualquier otra lista"},
    "report.no_such_file": {"en": "{option} {path}: no such file or folder",
                            "es": "{option} {path}: no existe ese archivo o carpeta"},
    "report.bad_window": {"en": "--window {window}: write two years as Y0:Y1, e.g. 2013:2023",
                          "es": "--window {window}: escriba dos años como A0:A1, p. ej. 2013:2023"},
    "report.no_io_mapping": {
        "en": "--io {path}: give its sector -> ISIC mapping with --io-mapping (no single *mapping*.csv next to it)",
        "es": "--io {path}: indique su correspondencia sector -> CIIU con --io-mapping (no hay un único "
              "*mapping*.csv a su lado)"},
    "report.settings_head": {"en": "Settings of this report", "es": "Parámetros de este informe"},
    "report.written": {"en": "{path} written", "es": "{path} escrito"},
    "report.step": {"en": "running the report notebook", "es": "ejecutando el cuaderno del informe"},
    "report.robust_axis": {"en": "share of the variation explained",
                           "es": "parte de la variación explicada"},
    "report.robust_fig_title": {"en": "Which modelling choice moves each list most (variation of its top {k})",
                                "es": "Qué decisión de modelación mueve más cada lista (variación de sus {k} "
                                      "primeros)"},
    "report.dyn_x": {"en": "world demand growth {y0}–{y1}, % a year (dashed: world trade as a whole)",
                     "es": "crecimiento de la demanda mundial {y0}–{y1}, % anual (discontinua: todo el comercio "
                           "mundial)"},
    "report.dyn_y": {"en": "change in {name}'s world market share (points)",
                     "es": "cambio de la cuota de mercado mundial de {name} (puntos)"},
    "report.dyn_title": {"en": "Competitiveness of {name}, {y0}–{y1}: demand growth and market share",
                         "es": "Competitividad de {name}, {y0}–{y1}: crecimiento de la demanda y cuota de mercado"},
    "report.dyn_beyond": {"en": "Triangles: {n} products beyond the frame, drawn on its edge (largest: {list}).",
                          "es": "Triángulos: {n} productos fuera del marco, dibujados en su borde (los mayores: "
                                "{list})."},
    "report.xl_passes": {"en": "passes the screens", "es": "pasa los filtros"},
    "report.xl_p95": {"en": "rank, 95th percentile over the variants", "es": "puesto, percentil 95 en las variantes"},
    "report.xl_p05": {"en": "rank, 5th percentile over the variants", "es": "puesto, percentil 5 en las variantes"},
    "report.xl_median": {"en": "median rank over the variants", "es": "puesto mediano en las variantes"},
    "report.xl_nominal": {"en": "rank in the list", "es": "puesto en la lista"},
    "report.xl_contribution": {"en": "contribution: {criterion}", "es": "contribución: {criterion}"},
    "report.xl_list": {"en": "list", "es": "lista"},
    "report.xl_choice": {"en": "modelling choice", "es": "decisión de modelación"},
    "report.xl_main_effect": {"en": "share of the variation of the top-k overlap it explains",
                              "es": "parte de la variación de la coincidencia del top k que explica"},
    "report.xl_oat": {"en": "mean top-k overlap when only this choice changes",
                      "es": "coincidencia media del top k cuando solo cambia esta decisión"},
    "report.xl_variants": {"en": "variants computed", "es": "variantes calculadas"},
    "report.xl_market_name": {"en": "market name", "es": "nombre del mercado"},
    "report.xl_source": {"en": "sources, settings and notes", "es": "fuentes, parámetros y notas"},
    "report.sheet_criteria": {"en": "criteria", "es": "criterios"},
    "report.sheet_consolidate": {"en": "consolidate", "es": "consolidar"},
    "report.sheet_diversify": {"en": "diversify", "es": "diversificar"},
    "report.sheet_sensitivity": {"en": "sensitivity", "es": "sensibilidad"},
    "report.sheet_choices": {"en": "choices that move the lists", "es": "decisiones que mueven las listas"},
    "report.sheet_markets": {"en": "markets", "es": "mercados"},
    "report.sheet_sources": {"en": "sources", "es": "fuentes"},
    "report.short_rca": {"en": "RCA", "es": "VCR"},
    "report.short_rsca": {"en": "RSCA", "es": "VCRS"},
    "report.short_export_value": {"en": "exports", "es": "exportaciones"},
    "report.short_density": {"en": "nearness (density)", "es": "cercanía (densidad)"},
    "report.short_distance": {"en": "distance", "es": "distancia"},
    "report.short_pci": {"en": "complexity (PCI)", "es": "complejidad (ICP)"},
    "report.short_cog": {"en": "opportunity gain (COG)", "es": "ganancia de oportunidad (COG)"},
    "report.short_demand_growth": {"en": "world demand growth", "es": "crecimiento de la demanda mundial"},
    "report.short_share_change": {"en": "market share change", "es": "cambio de cuota de mercado"},
    "report.short_lac_demand_share": {"en": "LAC share of world imports",
                                      "es": "peso de ALC en las importaciones mundiales"},
    "report.short_untapped_potential": {"en": "untapped potential", "es": "potencial no aprovechado"},
    "report.short_backward_linkage": {"en": "backward linkage", "es": "encadenamiento hacia atrás"},
    "report.short_forward_linkage": {"en": "forward linkage", "es": "encadenamiento hacia adelante"},
    "report.unit_growth": {"en": "{value} % a year", "es": "{value} % anual"},
    "report.unit_points": {"en": "{value} pts", "es": "{value} pts"},
    "report.chapters_title": {"en": "Exports of {name} by HS chapter, {year} (share of the total)",
                              "es": "Exportaciones de {name} por capítulo del SA, {year} (participación en el total)"},
    "report.other_chapters": {"en": "other chapters ({n})", "es": "otros capítulos ({n})"},
    "report.cli_not_lac": {"en": "{codes} are not Latin American and Caribbean countries (the 33 ECLAC members: {lac})",
                           "es": "{codes} no son países de América Latina y el Caribe (los 33 miembros de la CEPAL: "
                                 "{lac})"},
    "report.cli_unknown_country": {
        "en": "unknown country code {code!r}; use an ISO 3166 alpha-3 code in capitals such as PER "
              "(python -c \"from course_tools import data; print(data.countries())\" lists them)",
        "es": "código de país desconocido {code!r}; use un código ISO 3166 alfa-3 en mayúsculas como PER "
              "(python -c \"from course_tools import data; print(data.countries())\" los lista)"},
    "report.cli_bad_option": {"en": "--trade-option {item!r}: write KEY=VALUE, e.g. value_col=\"Valor FOB\"",
                              "es": "--trade-option {item!r}: escriba CLAVE=VALOR, p. ej. value_col=\"Valor FOB\""},
    "report.cli_written": {"en": "{path}  {mb} MB, {seconds} s{note}", "es": "{path}  {mb} MB, {seconds} s{note}"},
    "report.cli_table_written": {"en": "{path}", "es": "{path}"},
    "report.cli_thin": {"en": " (short report: the data are too thin)",
                        "es": " (informe breve: los datos son insuficientes)"},
    "report.cli_index": {"en": "{path}  index of {n} countries", "es": "{path}  índice de {n} países"},
    "report.cli_failed_one": {"en": "✗ {code}: {error} (error page: {path})",
                              "es": "✗ {code}: {error} (página de error: {path})"},
    "report.cli_failed": {"en": "{n} of {total} report(s) failed: {codes}",
                          "es": "fallaron {n} de {total} informe(s): {codes}"},
}
