"""Every message a learner or instructor reads comes from the text catalogue, in English and Spanish.

An error, a warning or a line the ``course`` command prints is written as ``text("<key>", ...)`` (or by
a helper whose name says it builds a message from the catalogue), never as a literal English string in
the code; ``tests/course/test_i18n.py`` proves each catalogue entry has both languages. Every module of the
package is held to it; a function whose message is literal by design is listed in ``EXEMPT`` with the reason.
"""
from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "course_tools"

#: Functions whose messages are literal by design, with the reason (``module: function``). Keep it short.
EXEMPT: dict[str, str] = {
    "course_tools/i18n/__init__.py: check_lang": (
        "the error for a language the course does not have: the language to say it in is the unknown one, so the "
        "message says the same in every language, in one string (English / español), not from the catalogue"),
    "course_tools/course/instructor/sandbox/_init.py: _prctl": (
        "the first program inside the sandbox runs with the standard library only (python -I -S, no course_tools, "
        "which learner code could have changed); its errors go to the grader's log, not to a reader"),
    "course_tools/course/instructor/sandbox/_init.py: _become_run_user": (
        "as _prctl: the sandbox's init imports nothing of the course"),
}


def _builds_message(node: ast.AST) -> bool:
    """A call to ``text(...)`` / ``i18n.text(...)`` or to a helper named ``*message*`` / ``*msg*``."""
    if isinstance(node, ast.JoinedStr) or isinstance(node, ast.Constant):
        return False
    if not isinstance(node, ast.Call):
        return True  # a name or attribute: a message built by a call checked where it is built
    name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
    return name == "text" or "message" in name or "msg" in name


def _is_warn(call: ast.Call) -> bool:
    f = call.func
    return (isinstance(f, ast.Attribute) and f.attr == "warn" and getattr(f.value, "id", "") == "warnings") or (
        isinstance(f, ast.Name) and f.id == "warn")


def _exempt_lines(tree: ast.AST, module: str) -> set[int]:
    """The lines of the functions of ``module`` listed in :data:`EXEMPT`."""
    return {line for node in ast.walk(tree) if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
            and f"{module}: {node.name}" in EXEMPT for line in range(node.lineno, node.end_lineno + 1)}


def literal_messages(path: Path) -> list[str]:
    """``file:line`` of every raise, warning or CLI print whose message is a literal string (:data:`EXEMPT` aside)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    in_cli = "cli" in path.relative_to(PACKAGE).parts
    exempt = _exempt_lines(tree, path.relative_to(ROOT).as_posix())
    found = []
    for node in ast.walk(tree):
        if getattr(node, "lineno", None) in exempt:
            continue
        arg = None
        if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call) and node.exc.args:
            arg = node.exc.args[0]
        elif isinstance(node, ast.Call) and node.args and (
                _is_warn(node) or (in_cli and isinstance(node.func, ast.Name) and node.func.id == "print")):
            arg = node.args[0]
        if arg is not None and not _builds_message(arg):
            found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
        if isinstance(node, ast.Call):   # what to do, shown inside the message: hint="..." is a message too
            found += [f"{path.relative_to(ROOT)}:{node.lineno}" for kw in node.keywords
                      if kw.arg == "hint" and not _builds_message(kw.value)]
    return found


def _modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "catalogue" not in p.parts)


def test_messages_come_from_the_catalogue():
    literal = [hit for p in _modules() for hit in literal_messages(p)]
    assert not literal, ("messages written as literal strings (put them in course_tools/i18n/catalogue/ "
                         "with en and es, and raise XError(text('key', ...))):\n" + "\n".join(literal))


def test_the_check_finds_a_literal_message(tmp_path):
    sample = PACKAGE / "views" / "_sample_for_test.py"
    sample.write_text('def f(x):\n    raise ValueError(f"bad {x}")\n\n\ndef g(x):\n'
                      '    raise ValueError(text("common.no_data"))\n\n\ndef h(t):\n'
                      '    require_columns(t, ["a"], "t", ValueError, hint="Pass a table.")\n'
                      '    require_columns(t, ["a"], "t", ValueError, hint=text("common.no_data"))\n',
                      encoding="utf-8")
    try:
        assert literal_messages(sample) == ["course_tools/views/_sample_for_test.py:2",
                                            "course_tools/views/_sample_for_test.py:10"]
    finally:
        sample.unlink()


def test_exempt_functions_exist_and_still_need_it():
    for where in EXEMPT:
        module, name = where.split(": ")
        tree = ast.parse((ROOT / module).read_text(encoding="utf-8"))
        funcs = [n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef) and n.name == name]
        assert funcs, f"EXEMPT names {where}, which does not exist: remove it"
        assert any(isinstance(n, ast.Raise) for n in ast.walk(funcs[0])), f"{where} raises nothing: remove it"


def literal_keys(prefix: str) -> set[str]:
    """Every string literal in course_tools that starts with ``prefix`` (the catalogue keys the code uses)."""
    found = set()
    for path in (ROOT / "course_tools").rglob("*.py"):
        if "catalogue" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value.startswith(prefix):
                found.add(node.value)
    return found
