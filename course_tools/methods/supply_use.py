"""Supply and use tables to a symmetric input-output table (Eurostat 2008, ch. 11, models B and D).

National statistical offices of Latin America and the Caribbean (IBGE, INEGI, DANE, ...) publish supply
and use tables; the input-output formulas of :mod:`course_tools.methods.input_output` need a square
table. :func:`supply_use_to_symmetric` builds it under one of two named assumptions.
References: Eurostat (2008) *Manual of Supply, Use and Input-Output Tables*, ch. 11 (models A-D) and
ch. 15; Miller & Blair (2009), *Input-Output Analysis*, 2nd ed., ch. 5.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np
import pandas as pd

from course_tools.i18n import text
from course_tools.methods._common import IndicatorInputError

__all__ = ["SymmetricTable", "supply_use_to_symmetric"]


@dataclass(frozen=True)
class SymmetricTable:
    """A symmetric input-output table built from supply and use tables.

    ``Z`` (square), ``final_demand`` (rows as ``Z``), ``value_added`` (components × columns of
    ``Z``; empty if none was given), ``x`` total output, ``model`` a one-line description.
    """

    Z: pd.DataFrame
    final_demand: pd.DataFrame
    value_added: pd.DataFrame
    x: pd.Series
    model: str


def supply_use_to_symmetric(supply: pd.DataFrame, use: pd.DataFrame, final_demand: pd.DataFrame,
                            value_added: pd.DataFrame | None = None, *,
                            assumption: Literal["industry-technology", "fixed-product-sales"] = "industry-technology",
                            rtol: float = 1e-6) -> SymmetricTable:
    """Symmetric input-output table from supply and use tables, Eurostat Manual (2008) ch. 11.

    Inputs (all at basic prices, domestic flows): ``supply`` products × industries (the make
    matrix transposed, ``V'``: what each industry produces of each product), ``use`` products ×
    industries (intermediate use), ``final_demand`` products × categories, ``value_added``
    components × industries (optional). With ``q = supply·1`` (product output) and ``g = 1'·supply``
    (industry output), the product balance ``use·1 + final_demand·1 = q`` must hold: if your use
    table includes imports, either use the domestic use table or add a final-demand column with
    minus the imports of each product.

    ``assumption="industry-technology"`` — Eurostat **Model B**, product × product: each industry
    uses the same input structure for all the products it makes. With ``V = supply'``,
    ``Z = U ĝ⁻¹ V``, final demand unchanged, ``VA = W ĝ⁻¹ V``, output ``q``.
    ``assumption="fixed-product-sales"`` — Eurostat **Model D**, industry × industry: each product
    has the same sales structure whichever industry makes it (market shares ``D = V q̂⁻¹``).
    ``Z = D U``, final demand ``D F``, value added unchanged, output ``g``.
    Both models never give negative coefficients, preserve total output and give balanced rows
    (``Z·1 + F·1 = x``) and columns (``1'Z + 1'VA = x'``). Model D is the usual choice of
    statistical offices that publish industry × industry tables (and keeps the industry value added
    and employment of the national accounts); Model B keeps products (useful to link with trade data).
    References: Eurostat (2008) *Manual of Supply, Use and Input-Output Tables*, ch. 11 (models A-D)
    and ch. 15; Miller & Blair (2009) ch. 5.
    """
    if assumption not in ("industry-technology", "fixed-product-sales"):
        raise IndicatorInputError(text("methods_msg_b.supply_use.assumption", assumption=assumption))
    for name, m in (("supply", supply), ("use", use), ("final_demand", final_demand)):
        if not isinstance(m, pd.DataFrame):
            raise IndicatorInputError(text("methods_msg_b.supply_use.not_a_frame", name=name, type=type(m).__name__))
    products, industries = supply.index, supply.columns
    if not use.index.equals(products) or not use.columns.equals(industries):
        raise IndicatorInputError(text("methods_msg_b.supply_use.use_labels"))
    if not final_demand.index.equals(products):
        raise IndicatorInputError(text("methods_msg_b.supply_use.final_demand_rows"))
    if value_added is None:
        value_added = pd.DataFrame(index=pd.Index([], name="component"), columns=industries, dtype=float)
    elif not value_added.columns.equals(industries):
        raise IndicatorInputError(text("methods_msg_b.supply_use.value_added_columns"))
    V = supply.to_numpy(dtype=float).T  # industries × products (make matrix)
    U, F, W = (m.to_numpy(dtype=float) for m in (use, final_demand, value_added))
    q, g = V.sum(axis=0), V.sum(axis=1)
    balance = U.sum(axis=1) + F.sum(axis=1)
    gap = np.abs(balance - q)
    scale = max(np.abs(q).max(), 1.0)
    if (gap > rtol * scale).any():
        k = int(np.argmax(gap))
        raise IndicatorInputError(text("methods_msg_b.supply_use.product_balance", product=products[k],
                                       balance=balance[k], supply=q[k]))
    if (q <= 0).any() and assumption == "fixed-product-sales":
        raise IndicatorInputError(text("methods_msg_b.supply_use.product_no_output",
                                       product=products[int(np.argmin(q))]))
    if (g <= 0).any() and assumption == "industry-technology":
        raise IndicatorInputError(text("methods_msg_b.supply_use.industry_no_output",
                                       industry=industries[int(np.argmin(g))]))
    if assumption == "industry-technology":
        T = V / g[:, None]  # ĝ⁻¹ V: product mix of each industry
        Z = pd.DataFrame(U @ T, index=products, columns=products)
        fd = final_demand.astype(float).copy()
        va = pd.DataFrame(W @ T, index=value_added.index, columns=products)
        x = pd.Series(q, index=products, name="x")
        model = text("methods_msg_b.supply_use.model_b")
    else:
        D = V / q[None, :]  # market shares: industries × products
        Z = pd.DataFrame(D @ U, index=industries, columns=industries)
        fd = pd.DataFrame(D @ F, index=industries, columns=final_demand.columns)
        va = value_added.astype(float).copy()
        x = pd.Series(g, index=industries, name="x")
        model = text("methods_msg_b.supply_use.model_d")
    return SymmetricTable(Z=Z, final_demand=fd, value_added=va, x=x, model=model)
