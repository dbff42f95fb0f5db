"""Economic complexity: presence, proximity, ECI/PCI, density, distance, COI and COG, and the filtering step.

One function, :func:`complexity`, computes everything for one period from a tidy trade table
(one row per country and product) or a country x product matrix, under one of two named
conventions that reproduce the two reference implementations of the Growth Lab:

==========================  ==============================  ==================================
item                        ``"py-ecomplexity"`` (default)  ``"stata"``
==========================  ==============================  ==================================
presence M_cp               RCA >= threshold                RCA > threshold (strict)
proximity diagonal          kept (phi_pp = 1)               set to 0
ECI scale s                 sd over countries, ddof 0       sd over the long Nc*Np panel, n-1
==========================  ==============================  ==================================

In both, PCI is standardised with ECI's mean and sd (so ECI = mean PCI of the country's
products), COG is computed from the raw eigenvector and divided by s, and COI is z-scored with
the same kind of sd. With the same M, ``ECI_stata = ECI_py * sqrt((Nc*Np - 1) / (Nc*Np))``
(ranks identical); the same factor links PCI and, with the diagonal kept equal, COG.

Each part is a module whose functions can be called on their own:

- ``presence``       M_cp from RCA (:func:`presence_matrix`), the conventions
- ``proximities``    product proximity phi (:func:`proximity`)
- ``eci``            ECI/PCI from the eigenvector of M~P (:func:`eci_pci`), the method of reflections
- ``opportunities``  :func:`density`, :func:`distance`, :func:`coi`, :func:`cog`, :func:`opportunity_gain` (Atlas form)
- ``filtering``      which reporters and products enter (:func:`filter_for_complexity`), a separate step
- ``result``         :func:`complexity`, every indicator in one call, and :class:`ComplexityResult`

References: Hidalgo & Hausmann (2009) PNAS 106(26); Hausmann, Hidalgo et al. (2014) *The Atlas
of Economic Complexity*, MIT Press (Technical Boxes 2.1, 5.4); Hidalgo, Klinger, Barabási &
Hausmann (2007) Science 317; Growth Lab software: Stata ``ecomplexity`` (cid-harvard/ecomplexity)
and Python ``ecomplexity`` 0.5.3 (py-ecomplexity).
"""
from course_tools.methods.complexity.eci import ComplexityIndices, Reflections, eci_pci, reflections
from course_tools.methods.complexity.filtering import (
    ATLAS_NOISY_PRODUCTS_HS,
    NON_COUNTRY_CODES,
    filter_for_complexity,
)
from course_tools.methods.complexity.opportunities import cog, coi, density, distance, opportunity_gain
from course_tools.methods.complexity.presence import CONVENTIONS, presence_matrix
from course_tools.methods.complexity.proximities import proximity
from course_tools.methods.complexity.result import ComplexityResult, complexity

__all__ = [
    "CONVENTIONS",
    "NON_COUNTRY_CODES",
    "ATLAS_NOISY_PRODUCTS_HS",
    "ComplexityResult",
    "ComplexityIndices",
    "Reflections",
    "complexity",
    "presence_matrix",
    "proximity",
    "eci_pci",
    "reflections",
    "density",
    "distance",
    "coi",
    "cog",
    "opportunity_gain",
    "filter_for_complexity",
]
