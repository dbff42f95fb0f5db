"""The indicator engine of the course: ``from course_tools import indicators``.

Each function is the formula it is named after, on tidy DataFrames (column names as keyword
arguments) or labelled matrices, returning labelled pandas objects. Docstrings give the formula
and the original reference. Modules:

- ``specialisation``  RCA, symmetric RCA, Lafay, trade balance index, HHI, diversification
- ``interdependence`` trade intensity, complementarity, export similarity, Grubel-Lloyd, regional shares
- ``dynamics``        ECLAC competitiveness matrix, constant market share
- ``complexity``      ECI/PCI, proximity, density, distance, COI/COG; ``product_space`` graph
- ``input_output``    technical coefficients, Leontief/Ghosh inverses, multipliers, linkages, key sectors
- ``supply_use``      supply and use tables to a symmetric input-output table
- ``mrio``            multi-regional tables: gross exports, value added in exports, GVC participation
- ``territory``       location quotient, shift-share, Krugman specialisation, cluster candidates
"""
from course_tools.methods import complexity as _complexity_module
from course_tools.methods import (
    dynamics,
    input_output,
    interdependence,
    mrio,
    product_space,
    specialisation,
    supply_use,
    territory,
)
from course_tools.methods._common import IndicatorInputError, to_matrix
from course_tools.methods.complexity import *  # noqa: F401,F403
from course_tools.methods.dynamics import *  # noqa: F401,F403
from course_tools.methods.input_output import *  # noqa: F401,F403
from course_tools.methods.interdependence import *  # noqa: F401,F403
from course_tools.methods.mrio import *  # noqa: F401,F403
from course_tools.methods.product_space import *  # noqa: F401,F403
from course_tools.methods.specialisation import *  # noqa: F401,F403
from course_tools.methods.supply_use import *  # noqa: F401,F403
from course_tools.methods.territory import *  # noqa: F401,F403

__all__ = ["IndicatorInputError", "to_matrix"]
for _m in (specialisation, interdependence, dynamics, _complexity_module, product_space, input_output, supply_use,
           mrio, territory):
    __all__ += list(_m.__all__)
del _m
