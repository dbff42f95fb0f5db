"""Classes that subclass nbgrader's or jupyter_client's, built on first use.

Importing the course (a lesson, ``course --help``) must not import nbgrader or jupyter_client; the
grader's classes are made the first time ``module.Name`` is looked up.
"""
from __future__ import annotations

import sys
from collections.abc import Callable

__all__ = ["lazy_classes"]


def lazy_classes(module: str, builders: dict[str, Callable[[], type]]) -> Callable[[str], type]:
    """A module ``__getattr__``: ``module.Name`` builds ``builders["Name"]()`` once, names the class as the
    module's own (``__module__``, ``__qualname__``) and keeps it in the module, so it is built only once."""
    def __getattr__(name: str) -> type:
        try:
            build = builders[name]
        except KeyError:
            raise AttributeError(name) from None
        cls = build()
        cls.__module__, cls.__qualname__ = module, name
        setattr(sys.modules[module], name, cls)
        return cls

    return __getattr__
