"""The expected answers of ex09 (the input-output tables, solved with numpy): imported by the hidden tests only.

Not released, never next to a submission: see ``course_tools/course/instructor/scoring.py``.
"""
from functools import cache

import numpy as np


@cache
def _brazil():
    from course_tools.data import load_io_brazil_2020

    t = load_io_brazil_2020()
    z, x = t.Z.to_numpy(), t.x.to_numpy()
    leontief = np.linalg.inv(np.eye(len(x)) - z / x[None, :])
    ghosh = np.linalg.inv(np.eye(len(x)) - z / x[:, None])
    return list(t.Z.index), leontief, ghosh, t.jobs.to_numpy() / x


def brazil():
    """(sector names, Leontief inverse L, Ghosh inverse G, jobs per unit of output) of Brazil's 2020 table."""
    names, leontief, ghosh, jobs = _brazil()
    return list(names), leontief.copy(), ghosh.copy(), jobs.copy()


def foreign_value_added(region):
    """({other region: value added in ``region``'s exports}, ``region``'s gross exports) in the 2000 MRIO."""
    from course_tools.data import load_mrio_2000

    w = load_mrio_2000()
    zw, xw = w.Z.to_numpy(), w.x.to_numpy()
    reg = np.asarray(w.Z.index.get_level_values(0))
    fdreg = np.asarray(w.final_demand.columns.get_level_values(0))
    e = ((zw * (reg[:, None] != reg[None, :])).sum(axis=1)
         + (w.final_demand.to_numpy() * (reg[:, None] != fdreg[None, :])).sum(axis=1))
    v = 1.0 - (zw / xw[None, :]).sum(axis=0)     # closed columns: value added share = 1 - input share
    exports = np.where(reg == region, e, 0.0)
    vae = v * np.linalg.solve(np.eye(len(xw)) - zw / xw[None, :], exports)
    return {r: float(vae[reg == r].sum()) for r in set(reg) if r != region}, exports.sum()
