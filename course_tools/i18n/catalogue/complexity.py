"""Texts of :mod:`course_tools.views.complexity`."""

TEXTS: dict[str, dict[str, str]] = {
    "complexity.diversity": {
        "en": "Diversity (products with RCA ≥ 1)",
        "es": "Diversidad (productos con VCR ≥ 1)",
    },
    "complexity.avg_ubiquity": {
        "en": "Average ubiquity of its products (countries with RCA ≥ 1)",
        "es": "Ubicuidad media de sus productos (países con VCR ≥ 1)",
    },
    "complexity.du_title": {
        "en": "Diversified countries export products few others export",
        "es": "Los países diversificados exportan productos que pocos exportan",
    },
    "complexity.du_hover": {
        "en": "<b>%{hovertext}</b><br>diversity %{x}<br>average ubiquity %{y:.1f}<extra></extra>",
        "es": "<b>%{hovertext}</b><br>diversidad %{x}<br>ubicuidad media %{y:.1f}<extra></extra>",
    },
    "complexity.ps_title": {
        "en": "{name} on the product space ({n} of {total} products with RCA ≥ 1)",
        "es": "{name} en el espacio de productos ({n} de {total} productos con VCR ≥ 1)",
    },
    "complexity.present": {
        "en": "exports with RCA ≥ 1",
        "es": "exporta con VCR ≥ 1",
    },
    "complexity.absent": {
        "en": "not yet (RCA < 1)",
        "es": "todavía no (VCR < 1)",
    },
    "complexity.rca": {
        "en": "RCA",
        "es": "VCR",
    },
    "complexity.na": {
        "en": "n/a",
        "es": "n. d.",
    },
    "complexity.picker_country": {
        "en": "Country",
        "es": "País",
    },
    "complexity.picker_product": {
        "en": "Product",
        "es": "Producto",
    },
    "complexity.links": {
        "en": "proximity links",
        "es": "enlaces de proximidad",
    },
    "complexity.world": {
        "en": "world exports",
        "es": "exportaciones mundiales",
    },
    "complexity.others": {
        "en": "other countries",
        "es": "otros países",
    },
    "complexity.selected": {
        "en": "selected product",
        "es": "producto elegido",
    },
    "complexity.not_in_layout": {
        "en": "{missing}: not a node of the product-space map ({total} HS 1992 headings), so it is not drawn",
        "es": "{missing}: no es un nodo del mapa del espacio de productos ({total} partidas del SA 1992), no se dibuja",
    },
    "complexity.not_in_layout_many": {
        "en": "{missing}: not nodes of the product-space map ({total} HS 1992 headings), so they are not drawn",
        "es": "{missing}: no son nodos del mapa del espacio de productos ({total} partidas del SA 1992), "
              "no se dibujan",
    },
    "complexity.ring_instead": {
        "en": "; the ring marks {shown}, the next one on the map",
        "es": "; el anillo marca {shown}, el siguiente que está en el mapa",
    },
    "complexity.and": {"en": "and", "es": "y"},
    "complexity.focus": {
        "en": "**{name} ({code}) is outside the {year} complexity set**{why}: ECI, density, opportunity gain and "
              "the niche model are not defined for it. The steps about one country show {stand_name} "
              "({stand_in}), the course's Caribbean example, instead; the export profile and RCA of {name} "
              "(L01, L05, course report) do not need the complexity set.",
        "es": "**{name} ({code}) está fuera de la muestra de complejidad de {year}**{why}: el ICE, la densidad, "
              "la ganancia de oportunidad y el modelo de nichos no están definidos para este país. Los pasos sobre "
              "un país muestran {stand_name} ({stand_in}), el ejemplo caribeño del curso, en su lugar; el perfil "
              "exportador y la VCR de {name} (L01, L05, informe de país) no necesitan esa muestra.",
    },
    "complexity.focus_why_exports": {
        "en": " (its exports in the table, USD {value:,.0f} million, are below the USD 1 billion minimum)",
        "es": " (sus exportaciones en la tabla, USD {value:,.0f} millones, están por debajo del mínimo "
              "de USD 1.000 millones)",
    },
    "complexity.focus_why_none": {"en": " (no reported exports)", "es": " (sin exportaciones reportadas)"},
    "complexity.focus_why_other": {"en": " ({reason})", "es": " ({reason})"},
    "complexity.focus_no_stand_in": {
        "en": "complexity_focus: the stand-in {stand_in!r} is not in the complexity set either",
        "es": "complexity_focus: el país de reemplazo {stand_in!r} tampoco está en la muestra de complejidad",
    },
}
