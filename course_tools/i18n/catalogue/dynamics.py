"""Texts of :mod:`course_tools.views.dynamics`."""

TEXTS: dict[str, dict[str, str]] = {
    "dynamics.scatter_title": {
        "en": "Competitiveness matrix of {name}, {y0}–{y1} (world market)",
        "es": "Matriz de competitividad de {name}, {y0}–{y1} (mercado mundial)",
    },
    "dynamics.dw": {
        "en": "change in the product's weight in world trade, Δw (percentage points)",
        "es": "cambio del peso del producto en el comercio mundial, Δw (puntos porcentuales)",
    },
    "dynamics.dms": {
        "en": "change in {name}'s world market share, Δms (percentage points)",
        "es": "cambio de la cuota de mercado mundial de {name}, Δms (puntos porcentuales)",
    },
    "dynamics.scatter_hover": {
        "en": "Δw %{x:.3f} pp · Δms %{y:.3f} pp<br>USD %{customdata:,.0f}<extra></extra>",
        "es": "Δw %{x:.3f} p.p. · Δms %{y:.3f} p.p.<br>USD %{customdata:,.0f}<extra></extra>",
    },
    "dynamics.path_title": {
        "en": "{name} 1995–2023: {what}",
        "es": "{name} 1995–2023: {what}",
    },
    "dynamics.eci": {
        "en": "Economic Complexity Index (Atlas ECI)",
        "es": "Índice de Complejidad Económica (ICE del Atlas)",
    },
    "dynamics.diversity": {
        "en": "diversity (products with RCA ≥ 1)",
        "es": "diversidad (productos con VCR ≥ 1)",
    },
    "dynamics.year": {
        "en": "year",
        "es": "año",
    },
    "dynamics.cms_title": {
        "en": "Why the exports of {name} changed, {y0}–{y1} (constant market share)",
        "es": "Por qué cambiaron las exportaciones de {name}, {y0}–{y1} (cuota de mercado constante)",
    },
    "dynamics.usd": {
        "en": "billion USD (current)",
        "es": "miles de millones de USD (corrientes)",
    },
    "dynamics.product": {
        "en": "product",
        "es": "producto",
    },
    "dynamics.export_t1": {
        "en": "exports {y1} (USD)",
        "es": "exportaciones {y1} (USD)",
    },
    "dynamics.world_growth": {
        "en": "world growth",
        "es": "crecimiento mundial",
    },
    "dynamics.commodity_composition": {
        "en": "product composition",
        "es": "composición de productos",
    },
    "dynamics.market_distribution": {
        "en": "market distribution",
        "es": "distribución de mercados",
    },
    "dynamics.competitiveness": {
        "en": "competitiveness",
        "es": "competitividad",
    },
    "dynamics.total_change": {
        "en": "total change",
        "es": "cambio total",
    },
}
