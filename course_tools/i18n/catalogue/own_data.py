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
}
