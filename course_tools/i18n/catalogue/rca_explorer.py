"""Texts of :mod:`course_tools.views.rca_explorer`."""

TEXTS: dict[str, dict[str, str]] = {
    "rca_explorer.world": {
        "en": "World",
        "es": "Mundo",
    },
    "rca_explorer.region": {
        "en": "Latin America and the Caribbean",
        "es": "América Latina y el Caribe",
    },
    "rca_explorer.reference": {
        "en": "Reference",
        "es": "Referencia",
    },
    "rca_explorer.threshold": {
        "en": "RCA ≥",
        "es": "VCR ≥",
    },
    "rca_explorer.top_n": {
        "en": "Products",
        "es": "Productos",
    },
    "rca_explorer.summary": {
        "en": ("<b>{name}</b>: <b>{n_above}</b> of {n_exported} exported products have RCA ≥ {t:g} {ref}; the bars "
               "show the {n_shown} largest exports among them."),
        "es": ("<b>{name}</b>: <b>{n_above}</b> de {n_exported} productos exportados tienen VCR ≥ {t:g} {ref}; las "
               "barras muestran las {n_shown} mayores exportaciones entre ellos."),
    },
    "rca_explorer.title": {
        "en": "{name}: largest exports with RCA ≥ {t:g} {ref} ({n_shown} of {n_above})",
        "es": "{name}: mayores exportaciones con VCR ≥ {t:g} {ref} ({n_shown} de {n_above})",
    },
    "rca_explorer.none": {
        "en": "No product has RCA ≥ {t:g} {ref}: lower the threshold.",
        "es": "Ningún producto tiene VCR ≥ {t:g} {ref}: baje el umbral.",
    },
    "rca_explorer.rca": {
        "en": "RCA (log scale; dashed line = your threshold)",
        "es": "VCR (escala log; línea punteada = su umbral)",
    },
    "rca_explorer.rca_short": {
        "en": "RCA",
        "es": "VCR",
    },
    "rca_explorer.share": {
        "en": "share of the country's exports",
        "es": "participación en las exportaciones del país",
    },
    "rca_explorer.value": {
        "en": "exports",
        "es": "exportaciones",
    },
    "rca_explorer.vs_world": {
        "en": "against the world",
        "es": "frente al mundo",
    },
    "rca_explorer.vs_region": {
        "en": "against Latin America and the Caribbean",
        "es": "frente a América Latina y el Caribe",
    },
}
