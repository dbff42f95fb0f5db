"""SHA-256 checksums of the shipped datasets.

``datasets/MANIFEST.sha256`` lists every data file in the format of ``sha256sum`` (so
``cd datasets && sha256sum -c MANIFEST.sha256`` works too). The loaders call
:func:`verify` before reading a file: a corrupted, truncated or hand-edited file gives a
:class:`DatasetIntegrityError` that names the file, instead of silently wrong numbers.
"""
from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

from course_tools.errors import NichosError
from course_tools.i18n import text
from course_tools.paths import datasets_dir

MANIFEST_NAME = "MANIFEST.sha256"
# Documentation and licence files are not data: they may be edited freely.
_NOT_DATA = {".md", ".txt", ".Rd", ".sha256"}


class DatasetIntegrityError(NichosError, RuntimeError):
    """A shipped data file does not match its checksum in ``datasets/MANIFEST.sha256``.

    Not an input error: the course's own file is missing or changed (restore it with git).
    """


def sha256_of(path: Path, chunk: int = 1 << 20) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(chunk), b""):
            h.update(block)
    return h.hexdigest()


def read_manifest(root: Path | None = None) -> dict[str, str]:
    """Map ``relative/path`` -> expected SHA-256 hex digest."""
    root = Path(root) if root is not None else datasets_dir()
    return _read_manifest_cached(str(root / MANIFEST_NAME))


@lru_cache(maxsize=4)
def _read_manifest_cached(manifest: str) -> dict[str, str]:
    entries: dict[str, str] = {}
    for n, line in enumerate(Path(manifest).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        digest, _, rel = line.partition("  ")
        if len(digest) != 64 or not rel:
            raise DatasetIntegrityError(text("data_msg.manifest.bad_line", manifest=manifest, line_no=n, line=line))
        entries[rel.strip()] = digest
    return entries


def data_files(root: Path | None = None) -> list[str]:
    """Every data file below ``root`` (documentation and licences excluded), as relative paths."""
    root = Path(root) if root is not None else datasets_dir()
    return sorted(
        p.relative_to(root).as_posix()
        for p in root.rglob("*")
        if p.is_file() and p.suffix not in _NOT_DATA and p.name != MANIFEST_NAME
    )


def write_manifest(root: Path | None = None) -> Path:
    """(Re)write the manifest from the files on disk. For maintainers adding a dataset."""
    root = Path(root) if root is not None else datasets_dir()
    lines = [f"{sha256_of(root / rel)}  {rel}" for rel in data_files(root)]
    out = root / MANIFEST_NAME
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    _read_manifest_cached.cache_clear()
    _verified.cache_clear()
    return out


def verify(path: Path | str, root: Path | None = None) -> Path:
    """Check one shipped file against the manifest and return its path.

    Raises :class:`DatasetIntegrityError` if the file is missing, not listed, or its content
    changed. The result is cached per (file, size, modification time), so a notebook pays for
    hashing a file once.
    """
    root = Path(root) if root is not None else datasets_dir()
    path = Path(path)
    if not path.is_absolute():
        path = root / path
    rel = path.resolve().relative_to(root.resolve()).as_posix()
    if not path.exists():
        raise DatasetIntegrityError(text("data_msg.manifest.missing", rel=rel))
    st = path.stat()
    _verified(str(root.resolve()), rel, st.st_size, st.st_mtime_ns)
    return path


@lru_cache(maxsize=512)
def _verified(root: str, rel: str, size: int, mtime_ns: int) -> bool:
    expected = read_manifest(Path(root)).get(rel)
    if expected is None:
        raise DatasetIntegrityError(text("data_msg.manifest.not_listed", rel=rel, manifest=MANIFEST_NAME))
    found = sha256_of(Path(root) / rel)
    if found != expected:
        raise DatasetIntegrityError(text("data_msg.manifest.changed", rel=rel, expected=expected[:12],
                                         found=found[:12]))
    return True
