"""Product proximity phi_pp': how often two products are exported together with advantage.

phi_pp' = min{P(p|p'), P(p'|p)} = sum_c M_cp M_cp' / max(k_p0, k_p'0) (Hidalgo, Klinger, Barabási
& Hausmann 2007, *Science* 317), the edge weights of the product space. py-ecomplexity keeps the
diagonal (phi_pp = 1), the Stata ``ecomplexity`` command sets it to 0.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from course_tools.i18n import text
from course_tools.methods._common import IndicatorInputError, one_blas_thread
from course_tools.methods.complexity.presence import check_binary, presence_matrix, trade_matrix

__all__ = ["proximity"]


def proximity_array(M: np.ndarray, diagonal: int) -> np.ndarray:
    """phi_pp' = sum_c M_cp M_cp' / max(k_p0, k_p'0) on a binary numpy M, in place to keep one Np x Np array."""
    u = M.sum(axis=0)
    phi = M.T @ M  # co-occurrences
    phi /= u[None, :]  # P(p | p') ... column-wise conditional
    np.minimum(phi, phi.T, out=phi)  # = C / max(u_p, u_p'); numpy buffers the overlapping view
    if diagonal == 0:
        np.fill_diagonal(phi, 0.0)
    elif diagonal == 1:
        np.fill_diagonal(phi, 1.0)
    else:
        raise IndicatorInputError(text("methods_msg_c.complexity.diagonal", diagonal=diagonal))
    return phi


@one_blas_thread
def proximity(data: pd.DataFrame, *, country: str = "country", product: str = "product",
              value: str = "export_value", presence: str = "rca", threshold: float = 1.0, strict: bool = False,
              diagonal: int = 1) -> pd.DataFrame:
    """Product proximity phi_pp' = min{P(p|p'), P(p'|p)} = sum_c M_cp M_cp' / max(k_p0, k_p'0).

    Hidalgo, Klinger, Barabási & Hausmann (2007), Science 317. ``data``: a trade table/matrix
    (``presence="rca"``, M from RCA vs ``threshold``, ``strict`` for Stata's ``>``) or a binary
    country x product M (``presence="manual"``). ``diagonal=1`` as py-ecomplexity, 0 as Stata.
    Products nobody has (ubiquity 0) are dropped; fewer than 2 countries raise an error.
    """
    if presence == "manual":
        m = trade_matrix(data, country, product, value)
        check_binary(m.to_numpy(), "presence='manual'")
    elif presence == "rca":
        m = presence_matrix(data, country=country, product=product, value=value, threshold=threshold, strict=strict)
    else:
        raise IndicatorInputError(text("methods_msg_a.common.choice2", arg="presence", a="rca", b="manual",
                                       value=presence))
    m = m.loc[:, m.sum(axis=0).to_numpy() > 0]
    if m.shape[0] < 2 or m.shape[1] < 1:
        raise IndicatorInputError(text("methods_msg_c.complexity.proximity_two_countries", n=m.shape[0]))
    phi = proximity_array(m.to_numpy(dtype=float), diagonal)
    return pd.DataFrame(phi, index=m.columns, columns=m.columns.rename(None), copy=False)
