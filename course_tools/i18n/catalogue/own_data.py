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
}
