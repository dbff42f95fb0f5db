"""The coordinator's weights and thresholds of the TWO niche lists, in one small TOML file (L11 -> the report).

Layout (written by :func:`write_list_weights`, read by :func:`read_list_weights`)::

    # Nichos: weights and thresholds of the two niche lists
    [about]
    country = "PRY"
    saved = "2026-12-04"
    note = "workshop session 3"

    [consolidate.weights]        # products with RCA >= 1: where to grow
    untapped_potential = 1.0
    demand_growth = 1.0

    [consolidate.thresholds]
    export_value = { op = ">=", value = 1000000.0 }

    [diversify.weights]          # products with RCA < 1: strategic bets
    density = 0.5
    pci = 0.15
    cog = 0.35

A file of the one-list layout of :func:`~course_tools.data.own_files.weights.read_weights` (plain
``[weights]`` and ``[thresholds]``) is read as the weights of the list named in ``[about] list = ...``
(``"consolidate"`` by default); the other list then keeps the course's defaults, and the report says so.
Read on Python 3.10 too (the small reader of :mod:`~course_tools.data.own_files.weights`).
"""
from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from course_tools.data._common import DataValidationError
from course_tools.data.own_files.weights import OPERATORS, _parse, _toml
from course_tools.i18n import text

__all__ = ["LIST_NAMES", "read_list_weights", "write_list_weights"]

#: The two lists of the niche model.
LIST_NAMES = ("consolidate", "diversify")


def _nested(data: Mapping[str, Any]) -> dict[str, Any]:
    """``{"consolidate.weights": {...}}`` (the small reader) as ``{"consolidate": {"weights": {...}}}`` (tomllib)."""
    out: dict[str, Any] = {}
    for key, value in data.items():
        head, _, rest = str(key).partition(".")
        if rest:
            out.setdefault(head, {})[rest] = value
        elif isinstance(value, Mapping) and isinstance(out.get(head), dict):
            out[head].update(value)
        else:
            out[head] = value
    return out


def _fail(path: Path, section: str, key: str, problem: str, fix: str) -> None:
    raise DataValidationError(text("niche_data.weights_problem", None, file=path.name, section=section, key=key,
                                   problem=problem, fix=fix))


def _check_weights(path: Path, section: str, weights: Any, known: set[str]) -> dict[str, float]:
    if not isinstance(weights, Mapping) or not weights:
        _fail(path, section, "-", text("niche_data.weights_none"), text("niche_data.weights_none_fix"))
    out: dict[str, float] = {}
    for key, v in weights.items():
        if key not in known:
            _fail(path, section, key, text("niche_data.weights_unknown"),
                  text("niche_data.weights_unknown_fix", None, known=", ".join(sorted(known))))
        if isinstance(v, bool) or not isinstance(v, (int, float)) or not math.isfinite(v):
            _fail(path, section, key, text("niche_data.weights_nan", None, value=repr(v)),
                  text("niche_data.weights_nan_fix"))
        if v < 0:
            _fail(path, section, key, text("niche_data.weights_negative", None, value=v),
                  text("niche_data.weights_negative_fix"))
        out[str(key)] = float(v)
    if sum(out.values()) <= 0:
        _fail(path, section, "-", text("niche_data.weights_zero"), text("niche_data.weights_zero_fix"))
    return out


def _check_thresholds(path: Path, section: str, thresholds: Any, known: set[str]) -> dict[str, tuple[str, float]]:
    out: dict[str, tuple[str, float]] = {}
    for key, rule in (thresholds or {}).items():
        if key not in known:
            _fail(path, section, key, text("niche_data.weights_unknown"),
                  text("niche_data.weights_unknown_fix", None, known=", ".join(sorted(known))))
        ok = isinstance(rule, Mapping) and rule.get("op") in OPERATORS and isinstance(rule.get("value"), (int, float)) \
            and not isinstance(rule.get("value"), bool)
        if not ok:
            _fail(path, section, key, text("niche_data.thresholds_bad", None, rule=repr(rule)),
                  text("niche_data.thresholds_bad_fix", None, key=key, ops=", ".join(OPERATORS)))
        out[str(key)] = (str(rule["op"]), float(rule["value"]))
    return out


def _known(criteria: Iterable[str] | None) -> set[str]:
    from course_tools.methods.criteria import CRITERIA

    return set(CRITERIA) | set(criteria or ())


def read_list_weights(path: str | Path, *, criteria: Iterable[str] | None = None) -> dict[str, Any]:
    """The weights and thresholds of each list in a TOML file (layout in the module docstring).

    Returns ``{"consolidate": {"weights", "thresholds"} or None, "diversify": ... or None, "about": {...},
    "path": str}``: None for a list the file does not give (the course's defaults apply). Criteria: those
    of :data:`course_tools.methods.criteria.CRITERIA` plus ``criteria`` (extra criteria names); RCA
    defines the lists, so it cannot be weighted or screened again. Raises
    :class:`~course_tools.data.DataValidationError` naming the file, the section and the key, with how to
    fix it, for an unknown criterion, a negative or non-numeric weight, a bad threshold. Only read.
    """
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(text("niche_data.weights_missing_file", None, path=str(path)))
    data = _nested(_parse(path))
    known = _known(criteria)
    about = dict(data.get("about", {}))
    out: dict[str, Any] = {"consolidate": None, "diversify": None, "about": about, "path": str(path)}
    if "weights" in data:   # the one-list layout
        name = str(about.get("list", "consolidate"))
        if name not in LIST_NAMES:
            _fail(path, "about", "list", text("niche_data.weights_list", None, name=name),
                  text("niche_data.weights_list_fix"))
        data = {name: {"weights": data["weights"], "thresholds": data.get("thresholds", {})}}
    for name in LIST_NAMES:
        if name in data:
            table = data[name] if isinstance(data[name], Mapping) else {}
            out[name] = {"weights": _check_weights(path, f"{name}.weights", table.get("weights"), known),
                         "thresholds": _check_thresholds(path, f"{name}.thresholds", table.get("thresholds"), known)}
    if out["consolidate"] is None and out["diversify"] is None:
        _fail(path, "-", "-", text("niche_data.weights_nolist"), text("niche_data.weights_none_fix"))
    return out


def write_list_weights(path: str | Path, lists: Mapping[str, tuple[Mapping[str, float], Mapping[str, tuple]]], *,
                       about: Mapping[str, Any] | None = None, criteria: Iterable[str] | None = None) -> Path:
    """Write ``{"consolidate": (weights, thresholds), "diversify": (weights, thresholds)}`` to a TOML file.

    Either list may be left out. ``about``: facts to keep with them (country, saved, note). The values are
    checked first (as :func:`read_list_weights` checks them), so a file that cannot be read back is never
    written. Returns the path.
    """
    path = Path(path)
    known = _known(criteria)
    lines = [text("niche_data.weights_header"), ""]
    lines += ["[about]"] + [f"{k} = {_toml(v)}" for k, v in (about or {}).items()] + [""]
    for name in LIST_NAMES:
        if name not in lists:
            continue
        weights, thresholds = lists[name]
        w = _check_weights(path, f"{name}.weights", dict(weights), known)
        t = _check_thresholds(path, f"{name}.thresholds",
                              {k: {"op": op, "value": v} for k, (op, v) in dict(thresholds or {}).items()}, known)
        lines += [f"[{name}.weights]"] + [f"{k} = {_toml(v)}" for k, v in w.items()] + [""]
        lines += [f"[{name}.thresholds]"] + [f'{k} = {{ op = "{op}", value = {_toml(v)} }}'
                                             for k, (op, v) in t.items()] + [""]
    path.write_text("\n".join(lines), encoding="utf-8")
    return path
