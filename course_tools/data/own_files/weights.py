"""The coordinator's weights and thresholds of the niche model, in a small TOML file (L11 -> the report).

Layout (template in datasets/templates/weights_template.toml)::

    # Nichos: weights and thresholds of the niche model
    [about]
    country = "PRY"
    note = "workshop session 3"

    [weights]          # criterion = weight (>= 0; they are rescaled to add up to 1)
    rca = 2.0
    density = 1.0

    [thresholds]       # criterion = { op = ">=" | ">" | "<=" | "<", value = number }
    rca = { op = ">=", value = 0.5 }

Read with :mod:`tomllib` (Python 3.11+) or, on Python 3.10, with the small reader below, which reads
exactly this layout (tables, ``key = number | "text" | true/false | { op = "..", value = .. }``, comments).
"""
from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from course_tools import i18n
from course_tools.data._common import DataValidationError
from course_tools.i18n import text

__all__ = ["read_weights", "write_weights", "OPERATORS"]

OPERATORS = (">=", ">", "<=", "<")
_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")


def _value(text: str, where: str) -> Any:
    t = text.strip()
    if t.startswith("{") and t.endswith("}"):
        return {k.strip(): _value(v, where) for k, v in (p.split("=", 1) for p in t[1:-1].split(",") if p.strip())}
    if t.startswith('"') and t.endswith('"'):
        return t[1:-1].replace('\\"', '"').replace("\\\\", "\\")
    if t in ("true", "false"):
        return t == "true"
    try:
        return float(t) if any(ch in t for ch in ".eE") or t in ("inf", "nan") else int(t)
    except ValueError:
        raise DataValidationError(i18n.text("home.own_files.weights_bad_value", where=where,
                                            value=repr(text.strip()))) \
            from None


def _small_toml(text: str, name: str) -> dict[str, Any]:
    """The layout of this module's docstring (for Python 3.10, which has no tomllib)."""
    out: dict[str, Any] = {}
    table = out
    for n, raw in enumerate(text.splitlines(), start=1):
        line = re.sub(r'\s+#[^"]*$|^#.*$', "", raw).strip()
        if not line:
            continue
        if line.startswith("[") and line.endswith("]"):
            table = out.setdefault(line[1:-1].strip(), {})
            continue
        if "=" not in line:
            raise DataValidationError(i18n.text("home.own_files.weights_not_key_value", name=name, n=n,
                                                line=repr(raw.strip())))
        key, value = line.split("=", 1)
        table[key.strip().strip('"')] = _value(value, f"{name}, line {n}")
    return out


def _parse(path: Path) -> dict[str, Any]:
    text = path.read_text(encoding="utf-8-sig")
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        return _small_toml(text, path.name)
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        raise DataValidationError(i18n.text("home.own_files.weights_not_toml", file=path.name, err=err)) from None


def _fail(path: Path, section: str, key: str, problem: str, fix: str) -> None:
    raise DataValidationError(text("own_data.weights_problem", file=path.name, section=section, key=key,
                                   problem=problem, fix=fix))


def _checked(path: Path, data: Mapping[str, Any], known: set[str]) -> tuple[dict[str, float], dict[str, tuple]]:
    weights, thresholds = data.get("weights"), data.get("thresholds", {})
    if not isinstance(weights, Mapping) or not weights:
        _fail(path, "weights", "-", "no [weights] table with at least one criterion", "add [weights] with lines "
              "such as rca = 1.0 (see datasets/templates/weights_template.toml).")
    w: dict[str, float] = {}
    for key, v in weights.items():
        if key not in known:
            _fail(path, "weights", key, text("own_data.weights_unknown"),
                  text("own_data.weights_unknown_fix", known=sorted(known)))
        if isinstance(v, bool) or not isinstance(v, (int, float)) or not math.isfinite(v):
            _fail(path, "weights", key, f"{v!r} is not a number", "write a number such as 1.0.")
        if v < 0:
            _fail(path, "weights", key, text("own_data.weights_negative", value=v),
                  text("own_data.weights_negative_fix"))
        w[key] = float(v)
    if sum(w.values()) <= 0:
        _fail(path, "weights", "-", "every weight is 0", "give at least one criterion a positive weight.")
    t: dict[str, tuple] = {}
    for key, rule in (thresholds or {}).items():
        if key not in known:
            _fail(path, "thresholds", key, text("own_data.weights_unknown"),
                  text("own_data.weights_unknown_fix", known=sorted(known)))
        ok = isinstance(rule, Mapping) and rule.get("op") in OPERATORS and isinstance(rule.get("value"), (int, float))
        if not ok:
            _fail(path, "thresholds", key, f"{rule!r} is not {{ op = \">=\", value = 1.0 }}",
                  f"write {key} = {{ op = \">=\", value = 1.0 }} with op one of {list(OPERATORS)}.")
        t[key] = (rule["op"], float(rule["value"]))
    return w, t


def _known(criteria: Iterable[str] | None) -> set[str]:
    from course_tools.methods.criteria import CRITERIA

    return set(CRITERIA) | set(criteria or ())


def read_weights(path: str | Path, *, criteria: Iterable[str] | None = None) -> dict[str, Any]:
    """The weights and thresholds of a TOML file: ``{"weights", "thresholds", "about", "path"}``.

    ``weights``: criterion -> weight (float, as written); ``thresholds``: criterion -> (op, value), the
    form of :func:`course_tools.methods.niches.screen`; ``about``: the ``[about]`` table (country,
    note...). Criteria are those of :data:`course_tools.methods.criteria.CRITERIA` plus ``criteria``
    (extra criteria names). Raises :class:`~course_tools.data.DataValidationError` naming the file and
    the key for an unknown criterion, a negative or non-numeric weight, a bad threshold. Only read.
    """
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(i18n.text("home.own_files.weights_not_found", path=path))
    data = _parse(path)
    weights, thresholds = _checked(path, data, _known(criteria))
    return {"weights": weights, "thresholds": thresholds, "about": dict(data.get("about", {})), "path": str(path)}


def _toml(v: Any) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        return repr(float(v))
    return '"' + str(v).replace("\\", "\\\\").replace('"', '\\"') + '"'


def write_weights(path: str | Path, weights: Mapping[str, float], thresholds: Mapping[str, tuple] | None = None,
                  *, about: Mapping[str, Any] | None = None, criteria: Iterable[str] | None = None) -> Path:
    """Write ``weights`` and ``thresholds`` (criterion -> (op, value)) to a TOML file that :func:`read_weights` reads.

    ``about``: a few facts to keep with them (country, note, date). The values are checked first, so a
    file that cannot be read back is never written.
    """
    path = Path(path)
    data = {"weights": dict(weights), "thresholds": {k: {"op": op, "value": v} for k, (op, v) in
                                                     (thresholds or {}).items()}}
    _checked(path, data, _known(criteria))
    lines = ["# Nichos: weights and thresholds of the niche model (read with course_tools.data.read_weights)", ""]
    lines += ["[about]"] + [f"{k} = {_toml(v)}" for k, v in (about or {}).items() if _KEY.fullmatch(str(k))] + [""]
    lines += ["[weights]"] + [f"{k} = {_toml(v)}" for k, v in data["weights"].items()] + [""]
    lines += ["[thresholds]"] + [f'{k} = {{ op = "{r["op"]}", value = {_toml(r["value"])} }}'
                                 for k, r in data["thresholds"].items()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
