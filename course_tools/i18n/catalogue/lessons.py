"""Texts printed by the code cells of the lessons (L00-L10, L13): ``text("lessons.l05.n_rca", LANG, n=196)``.

Keys are ``lessons.<lesson>.<what>``; numeric fields (``{total:,.0f}``) are written in the reader's
convention by :mod:`course_tools.views.format` (``setup_notebook(LANG, COUNTRY)``). The two editions of a
lesson share their code cells, so every sentence a cell prints lives here, in both languages.
"""

TEXTS: dict[str, dict[str, str]] = {
    # ---------------------------------------------------------------- L00 welcome
    "lessons.l00.col_folder": {"en": "folder", "es": "carpeta"},
    "lessons.l00.col_title": {"en": "what it is", "es": "qué contiene"},
    "lessons.l00.col_n_files": {"en": "data files", "es": "archivos de datos"},
    "lessons.l00.summary": {
        "en": "{name} ({code}), 2017\n  total exports: USD {total:,.0f}\n  HS 4-digit products exported: {n:,} of "
              "{listed:,} listed",
        "es": "{name} ({code}), 2017\n  exportaciones totales: USD {total:,.0f}\n  productos SA de 4 dígitos "
              "exportados: {n:,} de {listed:,} listados",
    },
    "lessons.l00.bar_x": {"en": "exports 2017 (current USD)", "es": "exportaciones 2017 (USD corrientes)"},
    "lessons.l00.bar_y": {"en": "HS 2007 product", "es": "producto SA 2007"},
    "lessons.l00.bar_title": {"en": "{name}: ten largest export products, 2017",
                              "es": "{name}: los diez principales productos de exportación, 2017"},
    # ---------------------------------------------------------------- L01 trade statistics
    "lessons.l01.hs_counts": {
        "en": "HS 2007: {chapters} chapters (2 digits), {headings} headings (4 digits), {sections} sections",
        "es": "SA 2007: {chapters} capítulos (2 dígitos), {headings} partidas (4 dígitos), {sections} secciones",
    },
    "lessons.l01.outside_sections": {"en": "chapters outside the 21 sections: {codes}",
                                     "es": "capítulos fuera de las 21 secciones: {codes}"},
    "lessons.l01.fallback": {"en": "names in {lang!r}: {n} chapter(s) without their own name (English kept)",
                             "es": "nombres en {lang!r}: {n} capítulo(s) sin nombre propio (se deja el inglés)"},
    "lessons.l01.n_lac": {"en": "{n} Latin American and Caribbean countries",
                          "es": "{n} países de América Latina y el Caribe"},
    "lessons.l01.by_chapter": {"en": "{shape} | reported country-chapter pairs: {n:,}",
                               "es": "{shape} | pares país-capítulo reportados: {n:,}"},
    "lessons.l01.wide": {"en": "countries x chapters: {shape}", "es": "países x capítulos: {shape}"},
    "lessons.l01.roundtrip": {"en": "same rows and values after pivot + melt: {ok}",
                              "es": "mismas filas y valores después de pivot + melt: {ok}"},
    "lessons.l01.basket": {
        "en": "{name}: {n} chapters exported; export_basket equals the pandas steps: {same}",
        "es": "{name}: {n} capítulos exportados; export_basket coincide con los pasos de pandas: {same}",
    },
    "lessons.l01.partners_total": {"en": "{name}, 2006: exports to all partners {total:,.1f} million USD",
                                   "es": "{name}, 2006: exportaciones a todos los socios {total:,.1f} millones de USD"},
    "lessons.l01.no_gravity": {"en": "{code} is not in the 2006 gravity dataset: no partner table for it",
                               "es": "{code} no está en los datos de gravedad de 2006: no hay tabla de socios"},
    # ---------------------------------------------------------------- L02 data quality
    "lessons.l02.rows": {"en": "{code}: {rows} rows, {nan} not reported (NaN), {zero} reported zeros",
                         "es": "{code}: {rows} filas, {nan} no reportadas (NaN), {zero} ceros reportados"},
    "lessons.l02.gravity": {"en": "gravity 2006: {pairs:,} pairs, {zero:.1%} exactly zero, {missing} missing",
                            "es": "gravedad 2006: {pairs:,} pares, {zero:.1%} exactamente cero, {missing} faltantes"},
    "lessons.l02.reynosa": {"en": "Reynosa 2023: {rows} sector rows, {suppressed} suppressed",
                            "es": "Reynosa 2023: {rows} filas de sector, {suppressed} reservadas"},
    "lessons.l02.bom": {"en": "<- the UTF-8 BOM", "es": "<- el BOM de UTF-8"},
    "lessons.l02.saic": {"en": "{shape} same rows as load_census(): {same}",
                         "es": "{shape} mismas filas que load_census(): {same}"},
    "lessons.l02.supply": {"en": "supply matrix: {shape}", "es": "matriz de oferta: {shape}"},
    "lessons.l02.n_outliers": {"en": "{n} outlier products", "es": "{n} productos atípicos"},
    "lessons.l02.hist_x": {"en": "exports 2017 (USD, log scale)", "es": "exportaciones 2017 (USD, escala log)"},
    "lessons.l02.hist_colour": {"en": "robust outlier", "es": "valor atípico robusto"},
    "lessons.l02.hist_title": {
        "en": "{code} 2017: exports by product (log scale), robust outliers in colour",
        "es": "{code} 2017: exportaciones por producto (escala log), valores atípicos robustos en color",
    },
    "lessons.l02.top5_all": {"en": "top 5 with all reporters: {codes}",
                             "es": "5 primeros con todos los declarantes: {codes}"},
    "lessons.l02.rank_bvt": {"en": "rank of BVT: {rank}", "es": "puesto de BVT: {rank}"},
    "lessons.l02.top5_clean": {"en": "top 5 after filtering: {codes}", "es": "5 primeros después del filtro: {codes}"},
    "lessons.l02.ranks": {"en": "{code}: rank {naive} with all reporters, {clean} after filtering",
                          "es": "{code}: puesto {naive} con todos los declarantes, {clean} después del filtro"},
    "lessons.l02.dropped": {"en": "{code} is dropped by the filter: {reasons}",
                            "es": "el filtro deja fuera a {code}: {reasons}"},
    "lessons.l02.ratio": {"en": "{code}: OTS total / Atlas total = {ratio:.3f}",
                          "es": "{code}: total OTS / total del Atlas = {ratio:.3f}"},
    "lessons.l02.only_in": {"en": "reporters only in OTS: {ots} · only in the Atlas: {atlas}",
                            "es": "declarantes solo en OTS: {ots} · solo en el Atlas: {atlas}"},
    "lessons.l02.ratio_x": {"en": "OTS total / Atlas total", "es": "total OTS / total del Atlas"},
    "lessons.l02.ratio_title": {
        "en": "OTS 2017 country totals divided by the Atlas totals (ratios below 3)",
        "es": "Totales por país de OTS 2017 divididos por los del Atlas (cocientes menores que 3)",
    },
    "lessons.l02.mirror": {"en": "{n} partners; {empty} pairs with no trade in either direction",
                           "es": "{n} socios; {empty} pares sin comercio en ninguna dirección"},
    # ---------------------------------------------------------------- L03 classifications
    "lessons.l03.split_hs92": {
        "en": "{n} HS2007 headings; {split} of them correspond to more than one HS1992 heading",
        "es": "{n} partidas del SA 2007; {split} de ellas corresponden a más de una partida del SA 1992",
    },
    "lessons.l03.split_isic4": {
        "en": "{split} of {n} HS2007 headings split into several ISIC Rev.4 classes",
        "es": "{split} de {n} partidas del SA 2007 se reparten entre varias clases de la CIIU Rev.4",
    },
    "lessons.l03.total": {"en": "{name}: {n} headings, total USD {total:,.0f}",
                          "es": "{name}: {n} partidas, total USD {total:,.0f}"},
    "lessons.l03.error": {"en": "Error: {message}", "es": "Error: {message}"},
    "lessons.l03.bar_x": {"en": "ISIC Rev.4 section", "es": "sección de la CIIU Rev.4"},
    "lessons.l03.bar_y": {"en": "share of exports", "es": "participación en las exportaciones"},
    "lessons.l03.bar_title": {"en": "{name}: exports 2017 by ISIC Rev.4 section",
                              "es": "{name}: exportaciones 2017 por sección de la CIIU Rev.4"},
    # ---------------------------------------------------------------- L04 files at scale
    "lessons.l04.on_disk": {"en": "{name}: {mb:.2f} MB on disk", "es": "{name}: {mb:.2f} MB en disco"},
    "lessons.l04.in_memory": {
        "en": "{rows:,} rows; table {table:.1f} MB in memory; peak while reading {peak:.1f} MB",
        "es": "{rows:,} filas; tabla de {table:.1f} MB en memoria; pico durante la lectura {peak:.1f} MB",
    },
    "lessons.l04.col_format": {"en": "format", "es": "formato"},
    "lessons.l04.col_MB": {"en": "MB", "es": "MB"},
    "lessons.l04.col_seconds": {"en": "seconds to read", "es": "segundos de lectura"},
    "lessons.l04.sizes_title": {"en": "The same 2017 table on disk: CSV vs Parquet (MB)",
                                "es": "La misma tabla de 2017 en disco: CSV frente a Parquet (MB)"},
    "lessons.l04.top": {"en": "{name}: {n} products, top {code} {product}",
                        "es": "{name}: {n} productos, el principal {code} {product}"},
    "lessons.l04.top_title": {
        "en": "{name}: top 10 HS 4-digit exports, 2017 (USD), computed by DuckDB",
        "es": "{name}: 10 principales exportaciones SA de 4 dígitos, 2017 (USD), calculadas con DuckDB",
    },
    "lessons.l04.top_x": {"en": "exports (USD)", "es": "exportaciones (USD)"},
    "lessons.l04.hs6": {
        "en": "{n} HS6 products; CHL exported {pos} of them to ARG (density {density:.3f}); {bytes:.0f} bytes per row",
        "es": "{n} productos SA6; CHL exportó {pos} de ellos a ARG (densidad {density:.3f}); {bytes:.0f} bytes por "
              "fila",
    },
    "lessons.l04.baci": {
        "en": "BACI-like table, 25 years: {billions:.2f} billion rows, about {gb:.0f} GB in pandas",
        "es": "tabla como BACI, 25 años: {billions:.2f} mil millones de filas, unos {gb:.0f} GB en pandas",
    },
    # ---------------------------------------------------------------- L05 revealed comparative advantage
    "lessons.l05.exported": {"en": "{name}, {year}: {n} products exported, USD {total:,.0f}",
                             "es": "{name}, {year}: {n} productos exportados, USD {total:,.0f}"},
    "lessons.l05.world": {"en": "world = {n} reporting countries, {products} products",
                          "es": "mundo = {n} países declarantes, {products} productos"},
    "lessons.l05.n_rca": {"en": "products with RCA >= 1: {n} of {exported} exported",
                          "es": "productos con VCR >= 1: {n} de {exported} exportados"},
    "lessons.l05.top_rca": {"en": "top RCA: {code} {product}  RCA = {rca:.3f} (by hand {by_hand:.3f})",
                            "es": "mayor VCR: {code} {product}  VCR = {rca:.3f} (a mano {by_hand:.3f})"},
    "lessons.l05.largest": {"en": "largest export: {code} {product}", "es": "mayor exportación: {code} {product}"},
    "lessons.l05.largest_values": {"en": "  share {share:.1%}, RCA {rca:.3f}, RSCA {rsca:.4f}",
                                   "es": "  participación {share:.1%}, VCR {rca:.3f}, VCRS {rsca:.4f}"},
    "lessons.l05.world_vs_lac": {"en": "RCA >= 1 against the world: {world}; against LAC: {lac}",
                                 "es": "VCR >= 1 frente al mundo: {world}; frente a ALC: {lac}"},
    "lessons.l05.hhi": {"en": "HHI {plain:.4f} | UNCTAD {unctad:.4f} | min-max {minmax:.4f}",
                        "es": "IHH {plain:.4f} | UNCTAD {unctad:.4f} | mín-máx {minmax:.4f}"},
    "lessons.l05.entropy": {
        "en": "entropy {entropy:.3f} | equivalent number of products {equivalent:.1f} | RCA >= 1: {n_rca}",
        "es": "entropía {entropy:.3f} | número equivalente de productos {equivalent:.1f} | VCR >= 1: {n_rca}",
    },
    "lessons.l05.col_course": {"en": "course (OTS, HS 2007)", "es": "curso (OTS, SA 2007)"},
    "lessons.l05.col_atlas": {"en": "Atlas (Growth Lab, HS 1992)", "es": "Atlas (Growth Lab, SA 1992)"},
    "lessons.l05.row_n_rca": {"en": "products with RCA >= 1", "es": "productos con VCR >= 1"},
    "lessons.l05.chile": {"en": "{name} 2002: exports USD {exports:,.0f}, imports USD {imports:,.0f}",
                          "es": "{name} 2002: exportaciones USD {exports:,.0f}, importaciones USD {imports:,.0f}"},
    "lessons.l05.lafay_sum": {"en": "sum of the Lafay index over the {n} chapters: {total:.2e} (0 up to rounding)",
                              "es": "suma del índice de Lafay en los {n} capítulos: {total:.2e} (0 salvo redondeo)"},
    # ---------------------------------------------------------------- L06 interdependence
    "lessons.l06.table": {"en": "countries in the table: {n}; flows: {flows:,}",
                          "es": "países en la tabla: {n}; flujos: {flows:,}"},
    "lessons.l06.lac_present": {"en": "LAC countries present: {present} of {n}; missing: {missing}",
                                "es": "países de ALC presentes: {present} de {n}; faltan: {missing}"},
    "lessons.l06.intense": {"en": "{name}: {n} of {partners} LAC partners with intensity > 1",
                            "es": "{name}: {n} de {partners} socios de ALC con intensidad > 1"},
    "lessons.l06.lac_share": {
        "en": "share of its exports that go to the {partners} LAC partners in the data: {share:.1%}",
        "es": "parte de sus exportaciones que va a los {partners} socios de ALC de los datos: {share:.1%}",
    },
    "lessons.l06.pacific_alliance": {"en": "Pacific Alliance", "es": "Alianza del Pacífico"},
    "lessons.l06.mercosur_2006": {"en": "MERCOSUR (2006 members)", "es": "MERCOSUR (miembros en 2006)"},
    "lessons.l06.mercosur_today": {"en": "MERCOSUR (today's members)", "es": "MERCOSUR (miembros actuales)"},
    "lessons.l06.complementarity": {
        "en": "{name}: complementarity with world demand (proxy) = {value:.1f}, rank {rank} of {n} LAC countries",
        "es": "{name}: complementariedad con la demanda mundial (aproximación) = {value:.1f}, puesto {rank} de {n} "
              "países de ALC",
    },
    "lessons.l06.complementarity_outside": {
        "en": "{name}: complementarity with world demand (proxy) = {value:.1f}, rank {rank} of {n} (the LAC countries "
              "and {name})",
        "es": "{name}: complementariedad con la demanda mundial (aproximación) = {value:.1f}, puesto {rank} de {n} "
              "(los países de ALC y {name})",
    },
    "lessons.l06.two_way": {
        "en": "2004: {n} of {big} HS6 products with trade >= USD 1 million have GL >= {gl:g}",
        "es": "2004: {n} de {big} productos SA6 con comercio >= 1 millón de USD tienen GL >= {gl:g}",
    },
    # ---------------------------------------------------------------- L07 dynamics
    "lessons.l07.traded": {
        "en": "HS 2007 headings traded in 2017: {n:,}\n  of which with NO world trade in 1980 (not mapped from SITC): "
              "{no_1980:,}\n  their weight in 2017 world trade: {weight:.1%}",
        "es": "partidas del SA 2007 comerciadas en 2017: {n:,}\n  de ellas, SIN comercio mundial en 1980 (sin "
              "correspondencia desde la CUCI): {no_1980:,}\n  su peso en el comercio mundial de 2017: {weight:.1%}",
    },
    "lessons.l07.stars": {"en": "Largest rising stars (by 2017 exports):",
                          "es": "Mayores estrellas nacientes (por exportaciones de 2017):"},
    "lessons.l07.missed": {"en": "Largest missed opportunities (by 2017 exports):",
                           "es": "Mayores oportunidades perdidas (por exportaciones de 2017):"},
    "lessons.l07.rest_of_world": {"en": "rest of the world (course)", "es": "resto del mundo (curso)"},
    "lessons.l07.whole_world": {"en": "whole world", "es": "mundo entero"},
    "lessons.l07.dynamic": {"en": "{n} of {total} HS92 headings gained weight in world trade 1995-2023;",
                            "es": "{n} de {total} partidas del SA 1992 ganaron peso en el comercio mundial 1995-2023;"},
    "lessons.l07.not_in_hs07": {"en": "{n} HS92 codes do not exist as HS 2007 headings (they would not join).",
                                "es": "{n} códigos del SA 1992 no existen como partidas del SA 2007 (no se unirían)."},
    "lessons.l07.missing_1962": {
        "en": "{n} of {lac} Latin American and Caribbean countries are not in the 1962 table:",
        "es": "{n} de {lac} países de América Latina y el Caribe no están en la tabla de 1962:",
    },
    "lessons.l07.window_tol": {"en": "1980–2017, |change| > {tol:g} pp", "es": "1980–2017, |cambio| > {tol:g} p.p."},
    # ---------------------------------------------------------------- L08 complexity
    "lessons.l08.gold_share": {"en": "gold share of exports", "es": "participación del oro en las exportaciones"},
    "lessons.l08.gold": {"en": "{name}: gold (7108) is {share:.1%} of its 2017 exports",
                         "es": "{name}: el oro (7108) es el {share:.1%} de sus exportaciones de 2017"},
    "lessons.l08.shape": {
        "en": "{countries} countries x {products} products; {name} exports {diversity} products with RCA >= 1",
        "es": "{countries} países x {products} productos; {name} exporta {diversity} productos con VCR >= 1",
    },
    "lessons.l08.eigen_eci": {"en": "eigenvector ECI", "es": "ICE por vector propio"},
    "lessons.l08.eci_rank": {
        "en": "{name}: ECI {eci:.3f}, rank {rank} of {n_lac} LAC countries and {world} of {n_world} in the world",
        "es": "{name}: ICE {eci:.3f}, puesto {rank} de {n_lac} países de ALC y {world} de {n_world} en el mundo",
    },
    "lessons.l08.cells_differ": {"en": "presence cells that differ (RCA exactly 1): {n}",
                                 "es": "celdas de presencia que difieren (VCR exactamente 1): {n}"},
    "lessons.l08.eci_ratio": {"en": "ECI py / ECI Stata for {name}: {ratio:.7f}; same ranks: {same}",
                              "es": "ICE py / ICE Stata de {name}: {ratio:.7f}; mismos puestos: {same}"},
    "lessons.l08.density_gap": {"en": "largest difference in density for {name}: {gap:.4f}",
                                "es": "mayor diferencia de densidad para {name}: {gap:.4f}"},
    "lessons.l08.top_export": {"en": "largest export of {name}: {code} {product}",
                               "es": "mayor exportación de {name}: {code} {product}"},
    "lessons.l08.spearman": {"en": "rank correlation of the two forms over {n} candidate products: {rho:.3f}",
                             "es": "correlación de rangos de las dos formas en {n} productos candidatos: {rho:.3f}"},
    "lessons.l08.col_cog": {"en": "cog (py-ecomplexity/Stata)", "es": "cog (py-ecomplexity/Stata)"},
    "lessons.l08.col_og": {"en": "opportunity gain (Atlas)", "es": "ganancia de oportunidad (Atlas)"},
    "lessons.l08.nodes": {
        "en": "{n} nodes in the layout; {matched} match a heading of the cleaned HS 2007 table; {name} has RCA >= 1 "
              "in {present} of them",
        "es": "{n} nodos en el diseño; {matched} coinciden con una partida de la tabla SA 2007 depurada; {name} tiene "
              "VCR >= 1 en {present} de ellos",
    },
    # ---------------------------------------------------------------- L09 input-output
    "lessons.l09.only_brazil": {
        "en": "national input-output tables are shipped only for Brazil: set COUNTRY = 'BRA' (got {got!r}); use "
              "REGION = 'MEX' for Mexico in the world table",
        "es": "el curso solo trae tablas de insumo-producto nacionales de Brasil: ponga COUNTRY = 'BRA' (se recibió "
              "{got!r}); use REGION = 'MEX' para México en la tabla mundial",
    },
    "lessons.l09.region": {
        "en": "REGION must be 'BRA' or 'MEX' (the Latin American regions of the world table), got {got!r}",
        "es": "REGION debe ser 'BRA' o 'MEX' (las regiones latinoamericanas de la tabla mundial); se recibió {got!r}",
    },
    "lessons.l09.sut": {"en": "{products} products x {industries} activities, current R$ million, {year}",
                        "es": "{products} productos x {industries} actividades, millones de R$ corrientes, {year}"},
    "lessons.l09.gap_product": {"en": "product", "es": "producto"},
    "lessons.l09.gap_q": {"en": "domestic output (q)", "es": "producción nacional (q)"},
    "lessons.l09.gap_used": {"en": "use + final demand", "es": "uso + demanda final"},
    "lessons.l09.gap_imports": {"en": "imports", "es": "importaciones"},
    "lessons.l09.gap_difference": {"en": "difference", "es": "diferencia"},
    "lessons.l09.multiplier": {"en": "output multiplier (total coefficients)",
                               "es": "multiplicador de producción (coeficientes totales)"},
    "lessons.l09.brl_million": {"en": "R$ million", "es": "millones de R$"},
    "lessons.l09.ghosh_course": {"en": "Ghosh FL (course)", "es": "FL de Ghosh (curso)"},
    "lessons.l09.ghosh": {"en": "Ghosh FL", "es": "FL de Ghosh"},
    "lessons.l09.leontief": {"en": "Leontief FL", "es": "FL de Leontief"},
    "lessons.l09.closed": {"en": "value added + closing rows (course)",
                           "es": "valor agregado + filas de cierre (curso)"},
    "lessons.l09.va_only": {"en": "value added only", "es": "solo valor agregado"},
    # ---------------------------------------------------------------- L10 territory
    "lessons.l10.only_mexico": {
        "en": "the economic census shipped with the course is Mexico's (Tamaulipas): set COUNTRY = 'MEX', not {got!r}",
        "es": "el censo económico que trae el curso es el de México (Tamaulipas): ponga COUNTRY = 'MEX', no {got!r}",
    },
    "lessons.l10.municipality": {"en": "MUNICIPALITY = {got!r} is not a municipality of Tamaulipas; use one of {known}",
                                 "es": "MUNICIPALITY = {got!r} no es un municipio de Tamaulipas; use uno de {known}"},
    "lessons.l10.cells": {"en": "{year}: {n} municipality × sector cells, {suppressed} suppressed ({share:.0%})",
                          "es": "{year}: {n} celdas municipio × sector, {suppressed} reservadas ({share:.0%})"},
    "lessons.l10.lq_min": {"en": "LQ ≥", "es": "CL ≥"},
    "lessons.l10.min_size": {"en": "persons ≥", "es": "personas ≥"},
    # ---------------------------------------------------------------- L13 your own data
    "lessons.l13.baci_columns": {
        "en": "A BACI year file: the columns {columns} (one row per exporter, importer and HS 6-digit product)",
        "es": "Un archivo anual de BACI: las columnas {columns} (una fila por exportador, importador y producto SA "
              "de 6 dígitos)"},
    "lessons.l13.panel_columns": {
        "en": "What every source becomes (data.TradePanel.flows): the columns {columns}",
        "es": "En qué se convierte toda fuente (data.TradePanel.flows): las columnas {columns}"},
    "lessons.l13.customs_head": {
        "en": "The first and last lines of the PRACTICE customs file {file} ({n:,} data lines):",
        "es": "Primeras y últimas líneas del archivo de aduanas de PRÁCTICA {file} ({n:,} líneas de datos):"},
    "lessons.l13.written": {
        "en": "PRACTICE release written: {file} ({mb:,.1f} MB; years {years})",
        "es": "Versión de PRÁCTICA escrita: {file} ({mb:,.1f} MB; años {years})"},
    "lessons.l13.panel_size": {
        "en": "{n:,} flows by year, exporter, importer and HS 2007 heading; {exporters:,} exporters in {year}",
        "es": "{n:,} flujos por año, exportador, importador y partida SA 2007; {exporters:,} exportadores en {year}"},
    "lessons.l13.check_total": {
        "en": "{name}, {year}: USD {panel:,.0f} in the release, USD {shipped:,.0f} in the shipped table "
              "(difference USD {diff:,.0f}; the largest gap on one heading USD {gap:,.2f})",
        "es": "{name}, {year}: USD {panel:,.0f} en la versión, USD {shipped:,.0f} en la tabla del curso "
              "(diferencia USD {diff:,.0f}; la mayor brecha en una partida USD {gap:,.2f})"},
    "lessons.l13.partners_head": {
        "en": "{name}'s partners in {year} in the release (the 2006 shares of the practice files):",
        "es": "Socios comerciales de {name} en {year} en la versión (las participaciones de 2006 de los archivos "
              "de práctica):"},
    "lessons.l13.col_partner": {"en": "partner", "es": "socio"},
    "lessons.l13.col_value": {"en": "exports (USD)", "es": "exportaciones (USD)"},
    "lessons.l13.col_share": {"en": "share", "es": "participación"},
    "lessons.l13.customs_total": {
        "en": "{name}, {year}, from the customs file: USD {total:,.0f} to {n} partners; the world's other "
              "{others:,} exporters from the shipped tables",
        "es": "{name}, {year}, según el archivo de aduanas: USD {total:,.0f} hacia {n} socios; los otros "
              "{others:,} exportadores del mundo, de las tablas del curso"},
    "lessons.l13.broken_written": {
        "en": "A copy of the 2017 year file whose column v was renamed 'value' (as a spreadsheet may do): {file}",
        "es": "Una copia del archivo anual de 2017 cuya columna v se renombró 'value' (como puede hacerlo una "
              "hoja de cálculo): {file}"},
    "lessons.l13.error": {"en": "The reader stopped with {kind}:", "es": "El lector se detuvo con {kind}:"},
    "lessons.l13.criteria_shape": {
        "en": "{name}: {n:,} products x {k} criteria, from the PRACTICE release ({year}, window {y0}–{y1})",
        "es": "{name}: {n:,} productos x {k} criterios, a partir de la versión de PRÁCTICA ({year}, ventana "
              "{y0}–{y1})"},
    "lessons.l13.sources": {
        "en": "Sources used: LAC demand {lac_demand}; untapped potential {potential}; linkages {linkages}; "
              "dynamics {dynamics}",
        "es": "Fuentes usadas: demanda de ALC {lac_demand}; potencial no aprovechado {potential}; encadenamientos "
              "{linkages}; dinámica {dynamics}"},
}
