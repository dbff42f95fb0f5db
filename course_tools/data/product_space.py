"""The Atlas product space: node positions and backbone edges (Hidalgo et al. 2007; Growth Lab, MIT).

The graph itself (proximities, a country's position on it) is computed in
:mod:`course_tools.methods.product_space`; this module only reads the published layout.
"""
from __future__ import annotations

import pandas as pd

from course_tools.data._cache import shipped_json
from course_tools.data._common import DataValidationError, code_column
from course_tools.i18n import text

__all__ = ["product_space_layout"]


def product_space_layout(classification: str = "hs") -> tuple[pd.DataFrame, pd.DataFrame]:
    """The Atlas product space: node positions and the backbone edges (Hidalgo et al. 2007).

    ``classification``: ``"hs"`` (HS92 4-digit: 866 nodes, 2,532 edges) or ``"sitc"`` (SITC
    Rev. 2 4-digit: 774 nodes, 1,779 edges). Returns ``(nodes, edges)``: nodes has product, x, y
    (layout coordinates, no units), name (short English label), long_name, color (the Atlas
    sector colour, e.g. '#F5CF23'); edges has source, target (product codes). Products without a
    position in the layout are not in ``nodes``.
    Source: Growth Lab, github.com/cid-harvard/product-space (MIT).
    """
    key = str(classification).lower()
    files = {"hs": ("layout_HS.json", "HS_Metadata.json"), "sitc": ("layout_SITC.json", "SITC_Metadata.json")}
    if key not in files:
        raise DataValidationError(text("data_msg.classifications.unknown", classification=classification,
                                       available=list(files)))
    layout = shipped_json(f"product_space_growthlab/{files[key][0]}")
    meta = pd.DataFrame(shipped_json(f"product_space_growthlab/{files[key][1]}"))
    nodes = pd.DataFrame(layout["nodes"]).rename(columns={"id": "product"})
    nodes["product"] = code_column(nodes["product"], 4)
    nodes["x"] = nodes["x"].astype("float64")
    nodes["y"] = nodes["y"].astype("float64")
    meta = meta.rename(columns={"id": "product", "shortLabel": "name", "longLabel": "long_name"})
    meta["product"] = code_column(meta["product"], 4)
    nodes = nodes.merge(meta[["product", "name", "long_name", "color"]], on="product", how="left")
    edges = pd.DataFrame(layout["edges"])[["source", "target"]]
    edges["source"] = code_column(edges["source"], 4)
    edges["target"] = code_column(edges["target"], 4)
    return nodes, edges
