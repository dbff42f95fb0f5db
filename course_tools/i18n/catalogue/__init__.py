"""The catalogue: every text the package shows, in every language, as data files a translator can edit.

One YAML file per part of the package (``report.yaml``, ``selfcheck.yaml``…), each entry a key with one
line per language::

    report.title:
      en: "Country report: {name}"
      es: "Informe de país: {name}"

Keys start with the module they serve (``"interdependence.heatmap_title"``); a key is defined once in the
whole catalogue, and every entry has every language (``tests/course/test_i18n.py`` checks both). The
``{fields}`` are filled by :func:`course_tools.i18n.text` with :meth:`str.format`. A new language is a new
line in every entry (``pt: "..."``) plus its code in ``course_tools.i18n.LANGS``.

Why YAML and not Python dicts: a translator edits the texts without touching code, and the files are
read with PyYAML's safe loader (no code runs while the catalogue loads).
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path


def _unique_key_loader():  # noqa: ANN202 - a PyYAML loader class, imported only when YAML is read
    import yaml

    class UniqueKeyLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
        """The safe loader, refusing a key written twice in one file (YAML would keep the last silently)."""

        def construct_mapping(self, node, deep=False):  # noqa: ANN001, ANN201 - PyYAML's signature
            seen: set = set()
            for key_node, _ in node.value:
                key = self.construct_object(key_node, deep=deep)
                if key in seen:
                    raise yaml.constructor.ConstructorError(
                        None, None, f"text {key!r} is written twice", key_node.start_mark)
                seen.add(key)
            return super().construct_mapping(node, deep=deep)

    return UniqueKeyLoader


def load_part(path: Path) -> dict[str, dict[str, str]]:
    """The entries of one catalogue file, ``{key: {lang: text}}``, in the file's order."""
    import yaml

    with path.open(encoding="utf-8") as stream:  # a stream, so that a parse error names the file
        entries = yaml.load(stream, Loader=_unique_key_loader()) or {}
    bad = [key for key, entry in entries.items()
           if not isinstance(entry, dict) or not all(isinstance(t, str) for t in entry.values())]
    if bad:
        raise RuntimeError(f"{path.name}: each entry must map languages to texts (quoted): {bad[:3]}")
    return entries


#: The compiled copy of the YAML files that the package reads (JSON loads ~100 times faster than YAML);
#: ``course build`` writes it and ``tests/course/test_i18n.py`` checks it is current. If a YAML file was
#: edited after the last build, the YAML files are read instead, so an edit is never ignored.
COMPILED = Path(__file__).parent / "compiled.json"


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def compile_catalogue(folder: Path = Path(__file__).parent) -> dict:
    """The catalogue of ``folder`` from its YAML files: ``{"sources": {part: sha256}, "parts": {part: entries}}``."""
    paths = sorted(folder.glob("*.yaml"))
    return {"sources": {p.stem: _digest(p) for p in paths}, "parts": {p.stem: load_part(p) for p in paths}}


def write_compiled(folder: Path = Path(__file__).parent) -> bool:
    """Write ``compiled.json`` from the YAML files of ``folder`` if it changed; True when it was (re)written."""
    data = (json.dumps(compile_catalogue(folder), ensure_ascii=False, indent=0, sort_keys=False) + "\n").encode()
    target = folder / COMPILED.name
    if target.exists() and target.read_bytes() == data:
        return False
    target.write_bytes(data)
    return True


def load_catalogue(folder: Path = Path(__file__).parent) -> tuple[dict[str, dict[str, str]], dict[str, str]]:
    """``(catalogue, origin)``: every key's texts, and the part (YAML file) that defines it.

    Reads ``compiled.json`` when it matches the YAML files byte for byte (by SHA-256), else the YAML files.
    """
    compiled_path = folder / COMPILED.name
    compiled = json.loads(compiled_path.read_text(encoding="utf-8")) if compiled_path.exists() else {}
    sources = {p.stem: _digest(p) for p in sorted(folder.glob("*.yaml"))}
    if compiled.get("sources") != sources:
        compiled = compile_catalogue(folder)
    catalogue: dict[str, dict[str, str]] = {}
    origin: dict[str, str] = {}
    for part, entries in compiled["parts"].items():
        for key, entry in entries.items():
            if key in catalogue:
                raise RuntimeError(f"text {key!r} is defined in both {origin[key]} and {part}")
            catalogue[key] = entry
            origin[key] = part
    return catalogue, origin


CATALOGUE, ORIGIN = load_catalogue()
