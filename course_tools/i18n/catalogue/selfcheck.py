"""Texts of the exercises' self-check (``check("q1")``): after ``✓ q1:`` or ``✗ q1:``, the hint labels, the errors of
the self-check itself, and what each visible check says when it fails (``selfcheck.helpers.*`` for the helpers of
``course_tools/course/checks/__init__.py``, ``selfcheck.exNN.*`` for the checks of exercise exNN).

The checks' messages describe what is wrong without addressing the learner (the hints, ``pista=``, do that).
"""

TEXTS: dict[str, dict[str, str]] = {
    "selfcheck.passed": {"en": "all {n} visible checks passed",
                         "es": "las {n} comprobaciones visibles están bien"},
    "selfcheck.missing": {"en": "define {names} first (run the cell where you compute it)",
                          "es": "primero defina {names} (ejecute la celda donde lo calcula)"},
    "selfcheck.hint": {"en": "  hint:  {hint}",
                       "es": "  pista: {hint}"},
    "selfcheck.checker": {"en": "checker({exercise!r}): questions {questions}",
                          "es": "checker({exercise!r}): preguntas {questions}"},
    "selfcheck.failed": {"en": "a visible check failed", "es": "una comprobación visible falló"},
    "selfcheck.check_failed": {"en": "{name} failed", "es": "{name} falló"},
    "selfcheck.could_not_run": {"en": "the check {name} could not run ({error})",
                                "es": "la comprobación {name} no se pudo ejecutar ({error})"},
    # --- errors of the self-check itself --------------------------------------------------------------------------
    "selfcheck.bad_exercise_id": {"en": "exercise id {exercise!r} must look like 'ex00' (ex + two digits)",
                                  "es": "el identificador de ejercicio {exercise!r} debe tener la forma 'ex00' (ex + "
                                        "dos dígitos)"},
    "selfcheck.no_checks": {"en": ("there are no checks for exercise {exercise!r}: "
                                   "course_tools/course/checks/{exercise}.py does not exist"),
                            "es": ("no hay comprobaciones para el ejercicio {exercise!r}: "
                                   "course_tools/course/checks/{exercise}.py no existe")},
    "selfcheck.no_checkset": {
        "en": "course_tools/course/checks/{exercise}.py must define `checks = CheckSet({exercise!r})`",
        "es": "course_tools/course/checks/{exercise}.py debe definir `checks = CheckSet({exercise!r})`"},
    "selfcheck.bad_question_id": {"en": "question id {question!r} must look like 'q1' (letters, digits, _)",
                                  "es": "el identificador de pregunta {question!r} debe tener la forma 'q1' (letras, "
                                        "dígitos, _)"},
    "selfcheck.needs_hints": {"en": "every check needs a hint in English (hint=) and in Spanish (pista=)",
                              "es": "cada comprobación necesita una pista en inglés (hint=) y en español (pista=)"},
    "selfcheck.needs_parameters": {
        "en": ("check {name} must take the notebook variables it reads as parameters, e.g. "
               "def {name}(total_exports): ..."),
        "es": ("la comprobación {name} debe recibir como parámetros las variables del cuaderno que lee, p. ej. "
               "def {name}(total_exports): ...")},
    "selfcheck.no_question": {"en": "exercise {exercise} has no question {question!r}; its questions are {questions}",
                              "es": "el ejercicio {exercise} no tiene la pregunta {question!r}; sus preguntas son "
                                    "{questions}"},
    # --- shared by the checks (course_tools/course/checks/__init__.py) -------------------------------------------
    "selfcheck.helpers.not_a_table": {"en": "`{name}` is a {kind}, not a DataFrame",
                                      "es": "`{name}` es un {kind}, no un DataFrame"},
    "selfcheck.helpers.no_columns": {"en": "`{name}` has no column(s) {missing}; it has {columns}",
                                     "es": "`{name}` no tiene la(s) columna(s) {missing}; tiene {columns}"},
    "selfcheck.helpers.not_a_number": {"en": "`{name}` is a {kind}, not a number",
                                       "es": "`{name}` es un {kind}, no un número"},
    "selfcheck.helpers.not_finite": {"en": "`{name}` = {value}, not a finite number",
                                     "es": "`{name}` = {value}, no es un número finito"},
    "selfcheck.helpers.not_between": {"en": "`{name}` = {value}, expected a number in {interval}",
                                      "es": "`{name}` = {value}; se esperaba un número en {interval}"},
    "selfcheck.helpers.not_whole": {"en": "`{name}` is a {kind}, not a whole number (use int(...))",
                                    "es": "`{name}` es un {kind}, no un número entero (int(...) lo convierte)"},
    "selfcheck.helpers.not_text": {"en": "`{name}` is a {kind}, not text (use str(...))",
                                   "es": "`{name}` es un {kind}, no texto (str(...) lo convierte)"},
    "selfcheck.helpers.not_text_plain": {"en": "`{name}` is a {kind}, not text",
                                         "es": "`{name}` es un {kind}, no texto"},
    "selfcheck.helpers.not_a_str": {"en": "`{name}` is a {kind}, not a str", "es": "`{name}` es un {kind}, no un str"},
    "selfcheck.helpers.not_digit_code": {"en": "`{name}` = {value!r} is not a {length}-digit text code",
                                         "es": "`{name}` = {value!r} no es un código de texto de {length} dígitos"},
    "selfcheck.helpers.not_character_code": {
        "en": "`{name}` = {value!r} is not a {length}-character text code",
        "es": "`{name}` = {value!r} no es un código de texto de {length} caracteres"},
    "selfcheck.helpers.not_iso3": {"en": "`{name}` = {value!r} is not an ISO3 code in capitals such as 'CHL'",
                                   "es": "`{name}` = {value!r} no es un código ISO3 en mayúsculas como 'CHL'"},
    "selfcheck.helpers.not_a_list": {"en": "`{name}` is a {kind}, not a list",
                                     "es": "`{name}` es un {kind}, no una lista"},
    "selfcheck.helpers.not_text_elements": {"en": "the elements of `{name}` must be text, e.g. '2801'",
                                            "es": "los elementos de `{name}` deben ser texto, p. ej. '2801'"},
    "selfcheck.helpers.not_sorted_unique": {
        "en": "sort the list and keep each code once (sorted(set(...)))",
        "es": "la lista debe estar ordenada y tener cada código una sola vez (sorted(set(...)))"},
    "selfcheck.helpers.not_sorted": {"en": "sort the list: sorted(...)",
                                     "es": "la lista debe estar ordenada: sorted(...)"},
    "selfcheck.helpers.count_differs": {"en": "`{name}` = {value}, but {found}",
                                        "es": "`{name}` = {value}, pero {found}"},
    "selfcheck.helpers.not_the_exports": {
        "en": "{what}: the sum is {got:,.0f} USD, not the {year} exports of {country} ({total:,.0f} USD)",
        "es": "{what}: la suma es {got:,.0f} USD, no las exportaciones de {country} en {year} ({total:,.0f} USD)"},
    "selfcheck.helpers.no_rows": {"en": "`{name}` has no rows", "es": "`{name}` no tiene filas"},
    "selfcheck.helpers.is_nan": {"en": "`{name}` is NaN", "es": "`{name}` es NaN"},
    "selfcheck.helpers.empty": {"en": "`{name}` is empty", "es": "`{name}` está vacío"},
    "selfcheck.helpers.not_a_product": {"en": "{code!r} is not a product of `{table}`",
                                        "es": "{code!r} no es un producto de `{table}`"},
    "selfcheck.helpers.english_name": {"en": "`{name}` is the English name", "es": "`{name}` es el nombre en inglés"},
    # --- ex00 --------------------------------------------------------------------------------------------------------
    "selfcheck.ex00.other_countries": {"en": "`trade_country` also has rows of {others}",
                                       "es": "`trade_country` también tiene filas de {others}"},
    "selfcheck.ex00.years": {"en": "`trade_country` has the year(s) {years}",
                             "es": "`trade_country` tiene el/los año(s) {years}"},
    "selfcheck.ex00.not_positive": {"en": "`total_exports` = {value}, expected a positive finite number",
                                    "es": "`total_exports` = {value}; se esperaba un número finito positivo"},
    "selfcheck.ex00.code_not_name": {"en": "`top_name` is the code, not the product's name",
                                     "es": "`top_name` es el código, no el nombre del producto"},
    # --- ex01 --------------------------------------------------------------------------------------------------------
    "selfcheck.ex01.not_chapter_codes": {"en": "these are not 2-digit text codes: {bad}",
                                         "es": "estos no son códigos de texto de 2 dígitos: {bad}"},
    "selfcheck.ex01.repeated_chapter": {"en": "a chapter appears in more than one row: group by chapter",
                                        "es": "un capítulo aparece en más de una fila: hay que agrupar por capítulo"},
    "selfcheck.ex01.nan_values": {"en": "{n} chapter(s) have NaN export_value",
                                  "es": "{n} capítulo(s) tienen export_value NaN"},
    "selfcheck.ex01.not_positive": {
        "en": "some chapters have a value of 0 or less: keep only reported exports",
        "es": "algunos capítulos tienen un valor de 0 o menos: solo deben quedar las exportaciones reportadas"},
    "selfcheck.ex01.not_sorted": {"en": "`chapters` is not sorted from the largest value to the smallest",
                                  "es": "`chapters` no está ordenado del mayor valor al menor"},
    "selfcheck.ex01.not_a_chapter": {"en": "{code!r} is not a chapter of `chapters`",
                                     "es": "{code!r} no es un capítulo de `chapters`"},
    "selfcheck.ex01.not_largest": {"en": "{code!r} is not the chapter with the largest value in `chapters`",
                                   "es": "{code!r} no es el capítulo de mayor valor en `chapters`"},
    "selfcheck.ex01.empty_name": {"en": "`top_chapter_name_es` is empty or is the code, not the name",
                                  "es": "`top_chapter_name_es` está vacío o es el código, no el nombre"},
    "selfcheck.ex01.wide_index": {
        "en": "the index of `wide` must be the 2-digit chapter codes; found {bad}",
        "es": "el índice de `wide` deben ser los códigos de capítulo de 2 dígitos; se encontró {bad}"},
    "selfcheck.ex01.wide_repeated": {"en": "a chapter appears in more than one row of `wide`",
                                     "es": "un capítulo aparece en más de una fila de `wide`"},
    "selfcheck.ex01.wide_columns": {"en": "the columns of `wide` are {columns}, expected [1980, 2017]",
                                    "es": "las columnas de `wide` son {columns}; se esperaba [1980, 2017]"},
    "selfcheck.ex01.wide_zeros": {"en": "`wide` has zeros: not reported must stay NaN",
                                  "es": "`wide` tiene ceros: lo no reportado debe quedar como NaN"},
    "selfcheck.ex01.wide_all_nan": {"en": "a year column of `wide` is all NaN",
                                    "es": "una columna de año de `wide` es toda NaN"},
    "selfcheck.ex01.own_country": {
        "en": "`top_partner` is your own country: look at the `importer` of its exports",
        "es": "`top_partner` es el país del ejercicio: hay que buscar el `importer` de sus exportaciones"},
    "selfcheck.ex01.the_chapters": {"en": "the chapters", "es": "los capítulos"},
    # --- ex02 --------------------------------------------------------------------------------------------------------
    "selfcheck.ex02.too_many": {"en": "`{name}` = {value}: a country has at most 1,222 products",
                                "es": "`{name}` = {value}: un país tiene como máximo 1222 productos"},
    "selfcheck.ex02.dropped_nan": {
        "en": "`n_not_reported` is 0: did you drop the NaN rows (dropna) before counting?",
        "es": "`n_not_reported` es 0: ¿se eliminaron las filas con NaN (dropna) antes de contar?"},
    "selfcheck.ex02.zero_share": {
        "en": ("`suppressed_share` is 0: check the filter (the code is the text '027') and use the column "
               "`suppressed`"),
        "es": ("`suppressed_share` es 0: hay que revisar el filtro (el código es el texto '027') y usar la columna "
               "`suppressed`")},
    "selfcheck.ex02.no_duplicates": {"en": "`dup_products` is empty, but the slice has duplicated keys",
                                     "es": "`dup_products` está vacío, pero el recorte tiene claves duplicadas"},
    "selfcheck.ex02.not_chapter_28": {"en": "the slice only has products of chapter(s) {chapters}",
                                      "es": "el recorte solo tiene productos del/de los capítulo(s) {chapters}"},
    "selfcheck.ex02.not_in_slice": {"en": "some codes are not in `slice_28`",
                                    "es": "algunos códigos no están en `slice_28`"},
    "selfcheck.ex02.implausible": {"en": "`coverage_ratio` = {value:.3f} looks implausible",
                                   "es": "`coverage_ratio` = {value:.3f} no parece plausible"},
    # --- ex03 --------------------------------------------------------------------------------------------------------
    "selfcheck.ex03.n_split": {
        "en": "`n_split` = {value} is not between 1 and the {n} headings of the concordance",
        "es": "`n_split` = {value} no está entre 1 y las {n} partidas de la tabla de correspondencias"},
    "selfcheck.ex03.not_sections": {"en": "these codes are not ISIC sections: {bad}",
                                    "es": "estos códigos no son secciones de la CIIU: {bad}"},
    "selfcheck.ex03.repeated_section": {"en": "each section must appear once",
                                        "es": "cada sección debe aparecer una sola vez"},
    "selfcheck.ex03.keep_unmatched": {
        "en": "keep the unmatched codes in a row: unmatched_codes='keep'",
        "es": "los códigos sin correspondencia deben quedar en una fila: unmatched_codes='keep'"},
    "selfcheck.ex03.not_sorted": {"en": "`sections` is not sorted by export_value, largest first",
                                  "es": "`sections` no está ordenado por export_value, de mayor a menor"},
    "selfcheck.ex03.naive_not_above": {"en": "`naive_total` = {value:,.0f} is not above the total {total:,.0f}",
                                       "es": "`naive_total` = {value:,.0f} no es mayor que el total {total:,.0f}"},
    "selfcheck.ex03.unmatched_range": {"en": "`unmatched_value` = {value:,.0f} is not between 0 and {total:,.0f}",
                                       "es": "`unmatched_value` = {value:,.0f} no está entre 0 y {total:,.0f}"},
    # --- ex04 --------------------------------------------------------------------------------------------------------
    "selfcheck.ex04.nan": {
        "en": "`top_value` is NaN: leave out NULL values (WHERE export_value_usd IS NOT NULL)",
        "es": "`top_value` es NaN: hay que dejar fuera los valores NULL (WHERE export_value_usd IS NOT NULL)"},
    "selfcheck.ex04.too_small": {
        "en": "`top_value` = {value} is too small for a country's top product (USD, not thousands)",
        "es": "`top_value` = {value} es demasiado pequeño para el principal producto de un país (USD, no miles)"},
    "selfcheck.ex04.too_few_bytes": {
        "en": "`{name}` = {value}: too small for the 2017 table (bytes, not MB)",
        "es": "`{name}` = {value}: demasiado pequeño para la tabla de 2017 (bytes, no MB)"},
    "selfcheck.ex04.ratio_range": {
        "en": "`ratio` = {value}: Parquet over CSV should be between 0 and 1 (did you divide the other way?)",
        "es": "`ratio` = {value}: Parquet sobre CSV debería estar entre 0 y 1 (¿se dividió al revés?)"},
    "selfcheck.ex04.not_ratio": {"en": "`ratio` is not parquet_bytes / csv_bytes",
                                 "es": "`ratio` no es parquet_bytes / csv_bytes"},
    "selfcheck.ex04.countries": {"en": "`mine` has countries {countries}", "es": "`mine` tiene los países {countries}"},
    "selfcheck.ex04.mb_range": {"en": "`mem_mb` = {value}: divide the bytes by 1e6 to get MB",
                                "es": "`mem_mb` = {value}: hay que dividir los bytes por 1e6 para obtener MB"},
    "selfcheck.ex04.not_deep": {
        "en": ("`mem_mb` = {value:.4f} but the table takes {deep:.4f} MB with deep=True (use .sum() of "
               "memory_usage(deep=True), and 1e6 bytes per MB)"),
        "es": ("`mem_mb` = {value:.4f}, pero la tabla ocupa {deep:.4f} MB con deep=True (.sum() de "
               "memory_usage(deep=True), y 1e6 bytes por MB)")},
    # --- ex05 --------------------------------------------------------------------------------------------------------
    "selfcheck.ex05.product_twice": {"en": "a product appears twice: keep only the rows of COUNTRY",
                                     "es": "un producto aparece dos veces: solo deben quedar las filas de COUNTRY"},
    "selfcheck.ex05.rca_nan": {"en": "{n} RCA value(s) are NaN or not numbers",
                               "es": "{n} valor(es) de VCR son NaN o no son números"},
    "selfcheck.ex05.rca_negative": {"en": "some RCA values are negative", "es": "algunos valores de VCR son negativos"},
    "selfcheck.ex05.missing_products": {
        "en": "products exported by {country} are missing from `rca_country`, e.g. {missing}",
        "es": "faltan en `rca_country` productos que {country} exporta, p. ej. {missing}"},
    "selfcheck.ex05.rca_zero": {"en": "a product that COUNTRY exports has RCA 0",
                                "es": "un producto que COUNTRY exporta tiene VCR 0"},
    "selfcheck.ex05.rca_all_one": {"en": "every RCA is 1: the world must be all the countries of the table",
                                   "es": "toda VCR vale 1: el mundo deben ser todos los países de la tabla"},
    "selfcheck.ex05.not_top": {"en": "{code!r} has RCA {rca:.3f}, but the largest in `rca_country` is {top:.3f}",
                               "es": "{code!r} tiene VCR {rca:.3f}, pero la mayor en `rca_country` es {top:.3f}"},
    "selfcheck.ex05.name_empty": {"en": "`top_rca_name_es` must be a non-empty string",
                                  "es": "`top_rca_name_es` debe ser un texto no vacío"},
    "selfcheck.ex05.english_name": {"en": "`top_rca_name_es` is the English name: use lang='es'",
                                    "es": "`top_rca_name_es` es el nombre en inglés: hace falta lang='es'"},
    "selfcheck.ex05.not_the_name": {"en": "`top_rca_name_es` is not the name of `top_rca_product`",
                                    "es": "`top_rca_name_es` no es el nombre de `top_rca_product`"},
    "selfcheck.ex05.no_coffee": {
        "en": "`rca_country` has no row for '0901': keep all products, also those not exported",
        "es": "`rca_country` no tiene fila para '0901': deben quedar todos los productos, también los no exportados"},
    "selfcheck.ex05.rsca": {
        "en": "`rsca_coffee` = {value:.6f}, but the RCA of 0901 in `rca_country` gives {expected:.6f}",
        "es": "`rsca_coffee` = {value:.6f}, pero la VCR de 0901 en `rca_country` da {expected:.6f}"},
    "selfcheck.ex05.unctad": {
        "en": "`hhi_unctad` = {value:.6f}, but the UNCTAD formula with n = 1222 on `hhi_plain` gives {expected:.6f}",
        "es": ("`hhi_unctad` = {value:.6f}, pero la fórmula de la UNCTAD con n = 1222 sobre `hhi_plain` da "
               "{expected:.6f}")},
    "selfcheck.ex05.hhi_below": {
        "en": "`hhi_plain` = {value:.5f} is below the square of {country}'s largest export share ({floor:.5f})",
        "es": ("`hhi_plain` = {value:.5f} es menor que el cuadrado de la mayor participación exportadora de "
               "{country} ({floor:.5f})")},
    "selfcheck.ex05.n_rca_lac": {
        "en": "`n_rca_lac` = {value}, expected between 1 and the {n} products {country} exports",
        "es": "`n_rca_lac` = {value}; se esperaba un número entre 1 y los {n} productos que {country} exporta"},
    "selfcheck.ex05.same_count": {"en": "`n_rca_lac` equals `n_rca`: the reference group was not changed",
                                  "es": "`n_rca_lac` es igual a `n_rca`: no se cambió el grupo de referencia"},
    "selfcheck.ex05.n_rca": {"en": "`rca_country` has {n} products with RCA >= 1",
                             "es": "`rca_country` tiene {n} productos con VCR >= 1"},
    # --- ex06 --------------------------------------------------------------------------------------------------------
    "selfcheck.ex06.own_partner": {"en": "`top_partner` is COUNTRY itself: a country cannot be its own partner",
                                   "es": "`top_partner` es el mismo COUNTRY: un país no puede ser su propio socio"},
    "selfcheck.ex06.not_lac": {"en": "{code!r} is not one of the 33 LAC countries",
                               "es": "{code!r} no es uno de los 33 países de ALC"},
    "selfcheck.ex06.not_in_gravity": {"en": "{code!r} is not in the 2006 gravity data",
                                      "es": "{code!r} no está en los datos de gravedad de 2006"},
    "selfcheck.ex06.tii_below_one": {"en": "`top_tii` = {value}, expected a number above 1",
                                     "es": "`top_tii` = {value}; se esperaba un número mayor que 1"},
    "selfcheck.ex06.adj_below": {
        "en": "`gl_2004_adj` = {adj} is below `gl_2004` = {plain}; are they swapped?",
        "es": "`gl_2004_adj` = {adj} es menor que `gl_2004` = {plain}; ¿están intercambiados?"},
    "selfcheck.ex06.gl_too_large": {
        "en": "`gl_2004` = {value} is too large for such an unbalanced relationship",
        "es": "`gl_2004` = {value} es demasiado grande para una relación tan desequilibrada"},
    "selfcheck.ex06.introversion": {
        "en": ("`mercosur_introversion` = {value}: Mercosur's intra-bloc trade is far above its size, so the index "
               "should be clearly positive"),
        "es": ("`mercosur_introversion` = {value}: el comercio intrabloque del Mercosur está muy por encima de su "
               "tamaño, así que el índice debería ser claramente positivo")},
    "selfcheck.ex06.identical": {"en": "`similarity` = {value}: the two baskets look identical",
                                 "es": "`similarity` = {value}: las dos canastas parecen idénticas"},
    "selfcheck.ex06.gl_2002": {"en": "`gl_2004` is the 2002 index", "es": "`gl_2004` es el índice de 2002"},
    "selfcheck.ex06.gl_mean": {"en": "`gl_2004` is the unweighted mean of the product indices",
                               "es": "`gl_2004` es el promedio sin ponderar de los índices por producto"},
    "selfcheck.ex06.today_members": {"en": "`mercosur_introversion` uses today's members",
                                     "es": "`mercosur_introversion` usa los miembros actuales"},
    "selfcheck.ex06.escap": {"en": "`top_tii` is the ESCAP variant", "es": "`top_tii` es la variante de ESCAP"},
    "selfcheck.ex06.lac_world": {"en": "`top_tii` was computed with LAC as the world",
                                 "es": "`top_tii` se calculó con ALC como mundo"},
    # --- ex07 --------------------------------------------------------------------------------------------------------
    "selfcheck.ex07.not_missed": {"en": "{code!r} is not a missed opportunity in `matrix`",
                                  "es": "{code!r} no es una oportunidad perdida en `matrix`"},
    "selfcheck.ex07.not_value": {
        "en": "`largest_missed_value` is not the 2017 exports (export_t1) of that product",
        "es": "`largest_missed_value` no son las exportaciones de 2017 (export_t1) de ese producto"},
    "selfcheck.ex07.larger_missed": {"en": "another missed opportunity has larger 2017 exports",
                                     "es": "otra oportunidad perdida tiene mayores exportaciones en 2017"},
    "selfcheck.ex07.not_series": {"en": "`cms` is a {kind}, not a pandas Series",
                                  "es": "`cms` es un {kind}, no una Series de pandas"},
    "selfcheck.ex07.no_entries": {"en": "`cms` has no entries {missing}",
                                  "es": "`cms` no tiene las entradas {missing}"},
    "selfcheck.ex07.not_additive": {"en": "the three effects do not add up to the total",
                                    "es": "los tres efectos no suman el total"},
    "selfcheck.ex07.total_change": {
        "en": "total_change should be the 2017 minus the 1980 exports of {country} ({change:,.0f} USD)",
        "es": "total_change debería ser las exportaciones de {country} de 2017 menos las de 1980 ({change:,.0f} USD)"},
    "selfcheck.ex07.not_effect": {"en": "`competitiveness_effect` is not cms['competitiveness']",
                                  "es": "`competitiveness_effect` no es cms['competitiveness']"},
    "selfcheck.ex07.reference": {
        "en": "the effect does not use the course's reference (the rest of the world, exclude_country=True)",
        "es": "el efecto no usa la referencia del curso (el resto del mundo, exclude_country=True)"},
    "selfcheck.ex07.eci_too_large": {
        "en": "an ECI change larger than 5 is not plausible: check the years and the column",
        "es": "un cambio del ICE mayor que 5 no es plausible: hay que revisar los años y la columna"},
    "selfcheck.ex07.not_change": {"en": "`eci_change` = {value:.4f} is not ECI 2023 − ECI 1995 of {country}",
                                  "es": "`eci_change` = {value:.4f} no es el ICE 2023 − ICE 1995 de {country}"},
    "selfcheck.ex07.the_column": {"en": "the {col} column", "es": "la columna {col}"},
    "selfcheck.ex07.rising_stars": {"en": "`matrix` has {n} rising stars",
                                    "es": "`matrix` tiene {n} estrellas nacientes"},
    # --- ex08 --------------------------------------------------------------------------------------------------------
    "selfcheck.ex08.not_result": {"en": "`result` is a {kind}, not a ComplexityResult",
                                  "es": "`result` es un {kind}, no un ComplexityResult"},
    "selfcheck.ex08.bouvet": {"en": "Bouvet Island (BVT) is in `result`: the table was not filtered",
                              "es": "la isla Bouvet (BVT) está en `result`: la tabla no se filtró"},
    "selfcheck.ex08.gold": {"en": "gold (7108) is in `result`: the table was not filtered",
                            "es": "el oro (7108) está en `result`: la tabla no se filtró"},
    "selfcheck.ex08.convention": {"en": "`result` uses the convention {convention!r}",
                                  "es": "`result` usa la convención {convention!r}"},
    "selfcheck.ex08.threshold": {"en": "`result` uses the RCA threshold {threshold}, not 1",
                                 "es": "`result` usa el umbral de VCR {threshold}, no 1"},
    "selfcheck.ex08.country_missing": {"en": "{country} is not in `result` (was it dropped by the filter?)",
                                       "es": "{country} no está en `result` (¿lo eliminó el filtro?)"},
    "selfcheck.ex08.not_diversity": {"en": "`diversity` is not the diversity of FOCUS in `result`",
                                     "es": "`diversity` no es la diversidad de FOCUS en `result`"},
    "selfcheck.ex08.rank_range": {
        "en": "`eci_rank_lac` = {value}, but only {n} LAC countries are in `result`: rank among them, not the world",
        "es": ("`eci_rank_lac` = {value}, pero solo {n} países de ALC están en `result`: el puesto es entre ellos, "
               "no en el mundo")},
    "selfcheck.ex08.rank": {
        "en": "{above} LAC countries have a higher ECI than {country}, so its rank is not {rank}",
        "es": "{above} países de ALC tienen un ICE mayor que {country}, así que su puesto no es {rank}"},
    "selfcheck.ex08.already": {"en": "{country} already exports {code} with RCA >= 1: it is not a new product",
                               "es": "{country} ya exporta {code} con VCR >= 1: no es un producto nuevo"},
    "selfcheck.ex08.denser": {"en": "another product not yet exported has a higher density than {code}",
                              "es": "otro producto aún no exportado tiene una densidad mayor que {code}"},
    "selfcheck.ex08.nodes_range": {"en": "`n_nodes_present` = {value}: the layout has 866 nodes",
                                   "es": "`n_nodes_present` = {value}: el diseño tiene 866 nodos"},
    "selfcheck.ex08.nodes_above": {
        "en": "`n_nodes_present` = {value} is larger than the diversity {diversity}: count only layout nodes",
        "es": "`n_nodes_present` = {value} es mayor que la diversidad {diversity}: solo cuentan los nodos del diseño"},
    "selfcheck.ex08.nodes_differ": {"en": "`n_nodes_present` = {value} does not match the layout's nodes",
                                    "es": "`n_nodes_present` = {value} no coincide con los nodos del diseño"},
    # --- ex09 --------------------------------------------------------------------------------------------------------
    "selfcheck.ex09.not_51": {"en": "`L` is not a 51 × 51 DataFrame", "es": "`L` no es un DataFrame de 51 × 51"},
    "selfcheck.ex09.columns": {"en": "`L` does not have the sectors of io.Z as columns",
                               "es": "`L` no tiene como columnas los sectores de io.Z"},
    "selfcheck.ex09.not_inverse": {"en": "`L` is not (I − A)⁻¹ with A = Z / x (column by column)",
                                   "es": "`L` no es (I − A)⁻¹ con A = Z / x (columna por columna)"},
    "selfcheck.ex09.not_sector": {"en": "{code!r} is not a sector of the table",
                                  "es": "{code!r} no es un sector de la tabla"},
    "selfcheck.ex09.not_multiplier": {"en": "`top_multiplier` is not the column sum of L for `top_sector`",
                                      "es": "`top_multiplier` no es la suma de la columna de L para `top_sector`"},
    "selfcheck.ex09.larger_multiplier": {"en": "another sector has a larger output multiplier",
                                         "es": "otro sector tiene un multiplicador de producción mayor"},
    "selfcheck.ex09.rows": {"en": "`key_table` has {n} rows, not the 51 sectors",
                            "es": "`key_table` tiene {n} filas, no los 51 sectores"},
    "selfcheck.ex09.mean_one": {"en": "linkages are normalised to mean 1",
                                "es": "los encadenamientos se normalizan a media 1"},
    "selfcheck.ex09.not_ghosh": {
        "en": "the forward linkages are the rows of L (Leontief); the course uses the Ghosh inverse G",
        "es": "los encadenamientos hacia adelante son las filas de L (Leontief); el curso usa la inversa de Ghosh G"},
    "selfcheck.ex09.food_direct": {
        "en": ("`food_jobs` = {value:.3f} is not above the direct jobs per R$ million ({direct:.3f}): use the "
               "'simple' column, not 'coefficient' or 'type_I'"),
        "es": ("`food_jobs` = {value:.3f} no es mayor que los empleos directos por millón de R$ ({direct:.3f}): hay "
               "que usar la columna 'simple', no 'coefficient' ni 'type_I'")},
    "selfcheck.ex09.food_large": {
        "en": "`food_jobs` is too large: jobs per R$ million of final demand",
        "es": "`food_jobs` es demasiado grande: son empleos por millón de R$ de demanda final"},
    "selfcheck.ex09.not_closed": {
        "en": "DVA + FVA differs from gross exports: the closing rows are missing from the value added",
        "es": ("el VA doméstico + extranjero (DVA + FVA) difiere de las exportaciones brutas: faltan las filas de "
               "cierre en el valor agregado")},
    "selfcheck.ex09.foreign": {"en": "`top_source` must be a foreign region code (text)",
                               "es": "`top_source` debe ser el código de una región extranjera (texto)"},
    "selfcheck.ex09.not_source": {"en": "{code!r} is not a source region of the table",
                                  "es": "{code!r} no es una región de origen de la tabla"},
    "selfcheck.ex09.fva": {
        "en": "`fva_share` is not the sum of the foreign shares in {region}'s exports",
        "es": "`fva_share` no es la suma de las participaciones extranjeras en las exportaciones de {region}"},
    "selfcheck.ex09.larger_source": {"en": "another foreign region adds more value to the exports",
                                     "es": "otra región extranjera agrega más valor a las exportaciones"},
    "selfcheck.ex09.key_sectors": {"en": "`key_table` has {n} key sectors",
                                   "es": "`key_table` tiene {n} sectores clave"},
    # --- ex10 --------------------------------------------------------------------------------------------------------
    "selfcheck.ex10.missing_lq": {"en": "`lq` has missing LQs: leave the suppressed cells out",
                                  "es": "`lq` tiene CL faltantes: hay que dejar fuera las celdas reservadas"},
    "selfcheck.ex10.municipalities": {
        "en": ("`lq` has {n} municipalities; Tamaulipas has 43 (42 with published employment in 2023): use every "
               "municipality, not only MUNICIPALITY"),
        "es": ("`lq` tiene {n} municipios; Tamaulipas tiene 43 (42 con empleo publicado en 2023): hay que usar todos "
               "los municipios, no solo MUNICIPALITY")},
    "selfcheck.ex10.not_scian": {"en": "{code!r} is not a SCIAN sector code such as '31-33' or '72'",
                                 "es": "{code!r} no es un código de sector SCIAN como '31-33' o '72'"},
    "selfcheck.ex10.no_lq": {"en": "{municipality} has no published LQ for sector {code!r}",
                             "es": "{municipality} no tiene CL publicado para el sector {code!r}"},
    "selfcheck.ex10.not_lq": {"en": "`top_lq` is not the LQ of `top_sector`",
                              "es": "`top_lq` no es el CL de `top_sector`"},
    "selfcheck.ex10.larger_lq": {"en": "another sector of {municipality} has a larger LQ",
                                 "es": "otro sector de {municipality} tiene un CL mayor"},
    "selfcheck.ex10.max_cells": {"en": "a municipality has at most 19 sector cells",
                                 "es": "un municipio tiene como máximo 19 celdas de sector"},
    "selfcheck.ex10.few_rows": {"en": "{municipality} has only {n} rows in 2023",
                                "es": "{municipality} solo tiene {n} filas en 2023"},
    "selfcheck.ex10.not_suppressed": {"en": "that is not the number of suppressed (blank) cells",
                                      "es": "ese no es el número de celdas reservadas (en blanco)"},
    "selfcheck.ex10.by_industry": {"en": "use by_industry=False: one row per municipality",
                                   "es": "hay que usar by_industry=False: una fila por municipio"},
    "selfcheck.ex10.not_additive": {"en": "the three components must add up to the change",
                                    "es": "los tres componentes deben sumar el cambio"},
    "selfcheck.ex10.not_row": {"en": "{municipality} is not a row of `ss`",
                               "es": "{municipality} no es una fila de `ss`"},
    "selfcheck.ex10.not_shift": {
        "en": "`regional_shift` is not MUNICIPALITY's regional shift in `ss`",
        "es": "`regional_shift` no es el efecto regional (regional_shift) de MUNICIPALITY en `ss`"},
    "selfcheck.ex10.not_scian_list": {"en": "every element must be a SCIAN sector code",
                                      "es": "cada elemento debe ser un código de sector SCIAN"},
    "selfcheck.ex10.no_cell": {"en": "{code!r} has no published cell in {municipality}",
                               "es": "{code!r} no tiene celda publicada en {municipality}"},
    "selfcheck.ex10.low_lq": {"en": "{code!r} has LQ {lq:.2f} < 1.25", "es": "{code!r} tiene un CL de {lq:.2f} < 1.25"},
    "selfcheck.ex10.small": {"en": "{code!r} has fewer than 100 persons employed",
                             "es": "{code!r} tiene menos de 100 personas ocupadas"},
    # --- ex11 --------------------------------------------------------------------------------------------------------
    "selfcheck.ex11.rows": {
        "en": ("`scores` has {n} rows; the criteria table has {n_criteria}: score every product (the thresholds only "
               "mark passes=False)"),
        "es": ("`scores` tiene {n} filas; la tabla de criterios tiene {n_criteria}: hay que puntuar todos los "
               "productos (los umbrales solo marcan passes=False)")},
    "selfcheck.ex11.criteria": {
        "en": "`scores` was computed with the criteria {used}; use Q1_WEIGHTS (rsca, pci, lac_demand_share)",
        "es": "`scores` se calculó con los criterios {used}; hay que usar Q1_WEIGHTS (rsca, pci, lac_demand_share)"},
    "selfcheck.ex11.not_in_scores": {"en": "{code} is not in `scores`", "es": "{code} no está en `scores`"},
    "selfcheck.ex11.not_passing": {"en": "{code} does not pass the thresholds: take a product with passes == True",
                                   "es": "{code} no supera los umbrales: hay que tomar un producto con passes == True"},
    "selfcheck.ex11.not_score": {"en": "`top_score` is not its score", "es": "`top_score` no es su puntaje"},
    "selfcheck.ex11.higher": {"en": "another product that passes has a higher score",
                              "es": "otro producto que supera los umbrales tiene un puntaje mayor"},
    "selfcheck.ex11.n_dynamic": {
        "en": "`n_dynamic` must be between 0 and {n} (the products with RCA >= 1): both conditions must hold",
        "es": "`n_dynamic` debe estar entre 0 y {n} (los productos con VCR >= 1): deben cumplirse ambas condiciones"},
    "selfcheck.ex11.nan_growing": {"en": "you counted the products with no demand_growth (NaN) as growing",
                                   "es": "se contaron como crecientes los productos sin demand_growth (NaN)"},
    "selfcheck.ex11.not_sens": {"en": "`sens` must be the result of nm.sensitivity(...)",
                                "es": "`sens` debe ser el resultado de nm.sensitivity(...)"},
    "selfcheck.ex11.setting": {"en": "use {name}={want} (you used {used!r})",
                               "es": "hay que usar {name}={want} (se usó {used!r})"},
    "selfcheck.ex11.weights": {"en": "use Q1_WEIGHTS, not {used}", "es": "hay que usar Q1_WEIGHTS, no {used}"},
    "selfcheck.ex11.tenth_text": {"en": "`tenth` is a {kind}; use str(...)",
                                  "es": "`tenth` es un {kind}; str(...) lo convierte en texto"},
    "selfcheck.ex11.not_top10": {"en": "{code!r} is not in the top 10 of `scores`",
                                 "es": "{code!r} no está entre los 10 primeros de `scores`"},
    "selfcheck.ex11.rank": {"en": "{code!r} is ranked {rank}, not 10th",
                            "es": "{code!r} está en el puesto {rank}, no en el 10.º"},
    "selfcheck.ex11.not_in_sens": {"en": "{code} is not in sens.products", "es": "{code} no está en sens.products"},
    "selfcheck.ex11.not_share": {"en": "`share_top10` is not the share_top_k of `tenth`",
                                 "es": "`share_top10` no es el share_top_k de `tenth`"},

}
