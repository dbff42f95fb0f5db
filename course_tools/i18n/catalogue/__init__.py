"""The catalogue: one module per part of the package, each a dict ``TEXTS = {key: {"en": ..., "es": ...}}``.

Keys start with the module they serve (``"interdependence.heatmap_title"``); a key is defined once
(``tests/course/test_i18n.py`` checks it, and that every entry has every language).
"""
from __future__ import annotations

import importlib
import pkgutil

CATALOGUE: dict[str, dict[str, str]] = {}
#: Which catalogue module defines each key (for error messages and the completeness test).
ORIGIN: dict[str, str] = {}

for _info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
    _module = importlib.import_module(f"{__name__}.{_info.name}")
    for _key, _entry in _module.TEXTS.items():
        if _key in CATALOGUE:
            raise RuntimeError(f"text {_key!r} is defined in both {ORIGIN[_key]} and {_info.name}")
        CATALOGUE[_key] = _entry
        ORIGIN[_key] = _info.name
