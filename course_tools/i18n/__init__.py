"""One catalogue of every English and Spanish text of the course, and one way to look a text up.

    from course_tools.i18n import text
    text("interdependence.heatmap_title", "es", year=2006)
    # 'Intensidad comercial entre países de América Latina y el Caribe, 2006'

Each entry of the catalogue (the modules of :mod:`course_tools.i18n.catalogue`, one per part of
the package) is a key such as ``"interdependence.heatmap_title"`` with one text per language of
:data:`LANGS`; ``{name}`` fields are filled from the keyword arguments (plotly hover templates
such as ``%{y}`` are left alone when no argument is given). The language is the ``lang`` argument,
else the one set with :func:`set_language` (``setup_notebook(lang=LANG)`` in a lesson), else the
environment variable ``NICHOS_LANG`` (for the ``course`` command), else English.

Numbers in the fields (``{value:,.1f}``, ``{share:.1%}``) are written in the reader's convention once the
views layer is loaded: :mod:`course_tools.views.format` registers itself with :func:`set_number_formatter`
(``1.234,5`` in Paraguay, ``1,234.5`` in Mexico). Without it, Python's own (English) style is used.

Adding a language (Portuguese for Brazil, French for Haiti) means adding its code to :data:`LANGS`
and its text to every entry: ``tests/course/test_i18n.py`` fails while one is missing.
"""
from __future__ import annotations

import numbers
import os
import re
import string
from collections.abc import Callable, Mapping
from typing import Any

from course_tools.errors import InputError, NichosError
from course_tools.i18n.catalogue import CATALOGUE

__all__ = ["LANGS", "ENV_VAR", "UnknownLanguageError", "check_lang", "chosen_language", "current_language",
           "set_language", "set_number_formatter", "text", "texts", "CATALOGUE"]

#: The languages of the course, in the order of the catalogue's entries.
LANGS: tuple[str, ...] = ("en", "es")
#: Environment variable that chooses the language of the ``course`` command (and of a notebook's default).
ENV_VAR = "NICHOS_LANG"

_chosen: str | None = None
_ARTICLE = re.compile(r"\b(a|de) el\b")
#: ``formatter(value, spec, lang) -> str | None`` for numeric fields; ``None`` (or no formatter): Python's style.
_number_formatter: Callable[[Any, str, str], str | None] | None = None


class UnknownLanguageError(InputError):
    """A language code the course has no texts in."""


def check_lang(lang: object) -> str:
    """``lang`` if it is one of :data:`LANGS`, else :class:`UnknownLanguageError`.

    Its message is the one text of the course not taken from the catalogue: the language asked for is
    not one the course has, so it says the same in every language, in one string.
    """
    if isinstance(lang, str) and lang in LANGS:
        return lang
    options = ", ".join(repr(x) for x in LANGS)
    raise UnknownLanguageError(f"lang={lang!r}: use one of {options} / use uno de {options} "
                               f"(English / español)")


def chosen_language() -> str | None:
    """The language someone chose: the one set by :func:`set_language`, else ``$NICHOS_LANG``, else ``None``.

    For the texts that show every language when none was chosen (the exercises' self-check).
    """
    if _chosen is not None:
        return _chosen
    env = os.environ.get(ENV_VAR, "").strip().lower()[:2]
    return env if env in LANGS else None


def current_language() -> str:
    """The language in use: the one set by :func:`set_language`, else ``$NICHOS_LANG``, else ``"en"``."""
    return chosen_language() or "en"


def set_language(lang: str | None) -> str:
    """Use ``lang`` for every text that does not name its language; ``None`` goes back to the default."""
    global _chosen
    _chosen = None if lang is None else check_lang(lang)
    return current_language()


def set_number_formatter(formatter: Callable[[Any, str, str], str | None] | None) -> None:
    """Write the numbers of every text with ``formatter(value, spec, lang)`` (``None``: Python's own style).

    :mod:`course_tools.views.format` sets it, so that ``{value:,.1f}`` reads ``1.234,5`` for a reader in
    Paraguay; a formatter returning ``None`` leaves that field to Python.
    """
    global _number_formatter
    _number_formatter = formatter


class _Fields(string.Formatter):
    """``str.format`` that hands numbers to the registered number formatter, in the text's language."""

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def format_field(self, value: Any, format_spec: str) -> Any:
        if _number_formatter is not None and isinstance(value, numbers.Real) and not isinstance(value, bool):
            done = _number_formatter(value, format_spec, self.lang)
            if done is not None:
                return done
        return super().format_field(value, format_spec)


def _fill(s: str, lang: str, args: tuple = (), values: Mapping[str, Any] | None = None, *, always: bool = False) -> str:
    """``s`` with its fields filled (only when values are given, unless ``always``) and the language's grammar."""
    s = _Fields(lang).format(s, *args, **(values or {})) if (args or values or always) else s
    return _contract_articles(s) if lang == "es" else s


def text(key: str, lang: str | None = None, /, **values: Any) -> str:
    """The text of ``key`` in ``lang`` (default :func:`current_language`), with ``{fields}`` filled from ``values``."""
    try:
        entry = CATALOGUE[key]
    except KeyError:
        raise NichosError(text("course_msg.i18n.no_text", key=key)) from None
    lang = check_lang(current_language() if lang is None else lang)
    return _fill(entry[lang], lang, values=values)


def _contract_articles(s: str) -> str:
    """Spanish contractions in generated text: "frente a el mundo" -> "frente al mundo", "de el" -> "del".

    Only the lower-case article is contracted, so a proper name keeps its own ("de El Salvador").
    """
    return _ARTICLE.sub(lambda m: ("al" if m.group(1) == "a" else "del"), s)


class _Text(str):
    """A catalogue text whose ``.format()`` also applies the language's grammar (Spanish contractions)."""

    lang: str

    def __new__(cls, value: str, lang: str) -> _Text:
        obj = super().__new__(cls, value)
        obj.lang = lang
        return obj

    def __reduce__(self) -> tuple:  # copies and pickles are plain strings (plotly deep-copies titles)
        return (str, (str(self),))

    def format(self, *args: Any, **kwargs: Any) -> str:  # noqa: A003 - str's own method
        return _fill(str(self), self.lang, args, kwargs, always=True)


def texts(prefix: str, lang: str | None = None, /) -> Mapping[str, str]:
    """Every text whose key starts with ``prefix + "."``, keyed by the rest of the key (for a figure's labels).

    Each text's ``.format(...)`` fills its fields like :func:`text` does, grammar included.
    """
    head = prefix + "."
    lang = check_lang(current_language() if lang is None else lang)
    found = {k[len(head):]: _Text(text(k, lang), lang) for k in CATALOGUE if k.startswith(head)}
    if not found:
        raise NichosError(text("course_msg.i18n.no_prefix", prefix=prefix))
    return found
