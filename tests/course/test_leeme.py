"""Every guide exists in Spanish, says the same commands and links its twin.

A Spanish-speaking coordinator starts with ``LEEME.md``; an instructor or an IT person sets up a hub, Binder or
laptops without internet from the guides in ``docs/``, ``deploy/common`` and ``datasets/templates``. These tests
keep the two languages in step: every English guide has its Spanish twin (:data:`PAIRS`), the shell commands of
each twin are those of the English guide (so a command cannot change in one language only; ``LEEME.md`` gives a
subset of ``README.md``'s), each document links its twin in the other language, the Spanish documents read as
Spanish (the English stop-word ratio of the lessons' edition check, paragraph by paragraph), their links lead to
files that exist and to the Spanish guides rather than the English ones, ``LEEME.md`` links the Spanish twin of
every guide ``README.md`` links, and the course map of ``LEEME.md`` lists every Spanish lesson with its title.
"""
from __future__ import annotations

import json
import os
import re

import pytest

from course_tools.course.editions import english_ratio
from course_tools.paths import ROOT

#: (English document, Spanish twin), relative to the repository root.
#: Names: a folder's ``README.md`` has its ``LEEME.md``; a guide of ``docs/`` its ``docs/guia_<tema>.md``.
PAIRS = (
    ("README.md", "LEEME.md"),
    ("docs/instructor_guide.md", "docs/guia_instructor.md"),
    ("docs/participant_guide.md", "docs/guia_participante.md"),
    ("docs/offline_laptop.md", "docs/guia_sin_conexion.md"),
    ("docs/hub_tljh.md", "docs/guia_hub_tljh.md"),
    ("docs/hub_z2jh.md", "docs/guia_hub_z2jh.md"),
    ("docs/binder.md", "docs/guia_binder.md"),
    ("deploy/common/README.md", "deploy/common/LEEME.md"),
    ("datasets/templates/README.md", "datasets/templates/LEEME.md"),
)
SPANISH = tuple(es for _, es in PAIRS)
TWIN = dict(PAIRS)
#: Where the guides for people are: every English ``.md`` there must have its Spanish twin in :data:`PAIRS`.
#: (``datasets/README.md`` and each dataset's ``SOURCE.md`` document the data as their producers publish them.)
GUIDES = ("README.md", "docs/*.md", "deploy/*/README.md", "datasets/templates/README.md")
#: The share of English function words above which a paragraph reads as English (as for the lessons).
MAX_ENGLISH = 0.15
#: English names the Spanish documents quote as they are: menu items, buttons, titles, section names.
NAMES = (
    "Restart Kernel and Run All Cells", "Run All Cells", "Fetch feedback", "What grading prevents",
    "The Littlest JupyterHub", "The Atlas of Economic Complexity", "Open Trade Statistics",
)
SHELL = ("bash", "sh", "shell", "console")
_FENCE = re.compile(r"^```([^\n`]*)\n(.*?)^```[ \t]*$", re.M | re.S)
_LINK = re.compile(r"\]\(([^)\s]+)\)")
_ITEM = re.compile(r"^\s*(?:[*+-] |\d+\. |\|)")


def read(name: str) -> str:
    return (ROOT / name).read_text(encoding="utf-8")


def fenced_blocks(markdown: str) -> list[tuple[str, str]]:
    """``(language, body)`` of every fenced code block."""
    return [(m.group(1).strip().lower(), m.group(2)) for m in _FENCE.finditer(markdown)]


def shell_commands(markdown: str) -> list[str]:
    """Every command of the shell blocks, without its trailing comment, spaces normalised."""
    out = []
    for lang, body in fenced_blocks(markdown):
        if lang not in SHELL:
            continue
        body = re.sub(r"\\\n\s*", " ", body)  # continuation lines
        for line in body.splitlines():
            command = re.split(r"(?:^|\s)#\s", line, maxsplit=1)[0]
            if command.strip():
                out.append(" ".join(command.split()))
    return out


def section(markdown: str, heading: str) -> str:
    return markdown.split(f"\n## {heading}\n", 1)[1].split("\n## ", 1)[0]


def paragraphs(markdown: str) -> list[tuple[int, str]]:
    """``(line number, text)`` of every paragraph outside code blocks; list items, table rows and headings
    count as paragraphs of their own."""
    prose = _FENCE.sub(lambda m: "\n" * m.group(0).count("\n"), markdown)
    out: list[tuple[int, list[str]]] = []
    new = True
    for i, line in enumerate(prose.splitlines(), 1):
        if not line.strip():
            new = True
            continue
        if new or _ITEM.match(line) or line.lstrip().startswith("#"):
            out.append((i, []))
        out[-1][1].append(line.strip())
        new = line.lstrip().startswith(("#", "|"))
    return [(i, " ".join(lines)) for i, lines in out]


def english_paragraphs(markdown: str, max_english: float = MAX_ENGLISH) -> list[str]:
    """The paragraphs that read as English (quoted English names left out), as ``"line N (ratio): text"``."""
    found = []
    for line, text in paragraphs(markdown):
        for name in NAMES:
            text = text.replace(name, " ")
        if (r := english_ratio(text)) > max_english:
            found.append(f"line {line} ({r:.2f}): {text[:90]}")
    return found


# (a) the commands agree

def test_every_command_of_leeme_is_a_command_of_readme():
    leeme, readme = read("LEEME.md"), read("README.md")
    untagged = [body.splitlines()[0] if body else "" for lang, body in fenced_blocks(leeme) if not lang]
    assert not untagged, f"LEEME.md: give every code block its language (```bash): {untagged}"
    commands = shell_commands(leeme)
    assert len(commands) >= 5, commands
    known = set(shell_commands(readme))
    different = [c for c in commands if c not in known]
    assert not different, f"LEEME.md has commands that README.md does not have (or writes differently): {different}"


def test_the_two_commands_are_the_same_in_both_languages():
    english = shell_commands(section(read("README.md"), "Two commands"))
    spanish = shell_commands(section(read("LEEME.md"), "Dos comandos"))
    assert english == spanish == ["python3 course.py lab", "python3 course.py test"]


@pytest.mark.parametrize(("english", "spanish"), PAIRS[1:], ids=[es for _, es in PAIRS[1:]])
def test_each_guide_and_its_twin_give_the_same_commands(english, spanish):
    en, es = read(english), read(spanish)
    assert shell_commands(es) == shell_commands(en), (
        f"{spanish} and {english} must give the same shell commands, in the same order "
        f"(only the comments after # may be translated)")
    langs = [lang for lang, _ in fenced_blocks(en)]
    assert [lang for lang, _ in fenced_blocks(es)] == langs, f"{spanish}: not the code blocks of {english}"


def test_shell_commands_are_read_without_their_comments():
    block = "```bash\n.venv/bin/course report --country PER   # reports/PER.en.html\n# a comment\n" \
            "course report --country PRY \\\n    --lang es\n```\n```python\nprint(1)\n```\n"
    assert shell_commands(block) == [".venv/bin/course report --country PER", "course report --country PRY --lang es"]


# (b) every document has its twin and links it

@pytest.mark.parametrize(("english", "spanish"), PAIRS, ids=[es for _, es in PAIRS])
def test_each_document_links_its_twin(english, spanish):
    for doc, twin in ((english, spanish), (spanish, english)):
        assert (ROOT / doc).is_file(), f"{doc} is missing"
        target = os.path.relpath(ROOT / twin, (ROOT / doc).parent).replace(os.sep, "/")
        links = [link.split("#")[0] for link in _LINK.findall(read(doc))]
        assert target in links, f"{doc} does not link its twin {twin} (as [..]({target}))"


def test_every_english_guide_has_its_spanish_twin():
    english = {p.relative_to(ROOT).as_posix() for pattern in GUIDES for p in ROOT.glob(pattern)} - set(SPANISH)
    assert english, GUIDES
    missing = sorted(english - set(TWIN))
    assert not missing, f"English guides without a Spanish twin in PAIRS (and on disk): {missing}"
    for es in SPANISH:
        assert (ROOT / es).is_file(), f"{es} is missing"


@pytest.mark.parametrize("spanish", SPANISH)
def test_the_spanish_documents_link_the_spanish_guides(spanish):
    """A Spanish document sends its reader to the Spanish twin of a guide, the link back to its own twin aside."""
    base = (ROOT / spanish).parent
    english_of = {en: es for en, es in PAIRS}
    own_twin = next(en for en, es in PAIRS if es == spanish)
    wrong = []
    english_of.pop("README.md")  # its maintainers' sections (what grading prevents...) are in English only
    for link in _LINK.findall(read(spanish)):
        if re.match(r"[a-z]+:|#", link):
            continue
        target = os.path.relpath(os.path.normpath(base / link.split("#")[0]), ROOT).replace(os.sep, "/")
        if target in english_of and target != own_twin:
            wrong.append(f"{link} -> {english_of[target]}")
    assert not wrong, f"{spanish} links English guides that have a Spanish twin: {wrong}"


def test_leeme_links_the_spanish_twin_of_every_guide_readme_links():
    def linked(doc: str) -> set[str]:
        base = (ROOT / doc).parent
        return {os.path.relpath(os.path.normpath(base / link.split("#")[0]), ROOT).replace(os.sep, "/")
                for link in _LINK.findall(read(doc)) if not re.match(r"[a-z]+:|#", link)}

    english, spanish = linked("README.md"), linked("LEEME.md")
    missing = sorted(TWIN[en] for en in english if en in TWIN and en != "LEEME.md" and TWIN[en] != "LEEME.md"
                     and TWIN[en] not in spanish)
    assert not missing, f"README.md links these guides' English versions, LEEME.md not their Spanish ones: {missing}"


def anchors(markdown: str) -> set[str]:
    """The anchors GitHub gives the headings of ``markdown``: lower case, punctuation dropped, spaces as ``-``."""
    prose = _FENCE.sub("", markdown)
    return {re.sub(r"[^\w\- ]", "", m.group(1).strip().lower()).replace(" ", "-")
            for m in re.finditer(r"^#{1,6} +(.+?) *$", prose, re.M)}


def test_anchors_are_those_github_makes():
    assert anchors("# x\n## 6. Calificación aislada (bubblewrap)\n## What grading *prevents*\n") >= {
        "6-calificación-aislada-bubblewrap", "what-grading-prevents"}


@pytest.mark.parametrize("spanish", SPANISH)
def test_the_links_of_the_spanish_documents_lead_to_files(spanish):
    base = (ROOT / spanish).parent
    broken = []
    for link in _LINK.findall(read(spanish)):
        if re.match(r"[a-z]+:", link):
            continue
        path, _, anchor = link.partition("#")
        target = base / path if path else ROOT / spanish
        if not target.exists():
            broken.append(link)
        elif anchor and target.suffix == ".md" and anchor not in anchors(target.read_text(encoding="utf-8")):
            broken.append(f"{link} (no such heading)")
    assert not broken, f"{spanish} links files or headings that do not exist: {broken}"


# (c) the Spanish documents are Spanish prose

@pytest.mark.parametrize("spanish", SPANISH)
def test_the_spanish_documents_read_as_spanish(spanish):
    english = english_paragraphs(read(spanish))
    assert not english, f"{spanish} has paragraphs that read as English:\n" + "\n".join(english)


def test_the_prose_check_finds_an_english_paragraph():
    text = ("# Guía\n\nEste párrafo está escrito en español y cita *The Littlest JupyterHub* por su nombre.\n\n"
            "```bash\npython3 course.py lab     # set everything up and open the course in JupyterLab\n```\n\n"
            "* Una lista en español, con un elemento que explica qué hace el comando.\n"
            "* This item was left in English, and it is the kind of text the check must find.\n")
    found = english_paragraphs(text)
    assert len(found) == 1 and found[0].startswith("line 10 "), found


@pytest.mark.parametrize("english", [en for en, _ in PAIRS])
def test_the_prose_check_finds_the_english_documents_english(english):
    assert len(english_paragraphs(read(english))) > len(paragraphs(read(english))) / 3


# the course map of LEEME.md

def test_the_course_map_of_leeme_lists_every_spanish_lesson_with_its_title():
    rows = [line for line in section(read("LEEME.md"), "Mapa del curso").splitlines() if re.match(r"\|\s*L\d\d", line)]
    links = {}
    for row in rows:
        m = re.search(r"\[([^\]]+)\]\((lessons/es/[^)]+)\)", row)
        assert m, f"LEEME.md course map: a row without a link to its lesson: {row[:60]}"
        links[m.group(2)] = m.group(1)
    lessons = sorted((ROOT / "lessons" / "es").glob("[0-9][0-9]_*.ipynb"))
    assert sorted(links) == [f"lessons/es/{p.name}" for p in lessons]
    for path, title in links.items():
        heading = "".join(json.loads(read(path))["cells"][0]["source"]).splitlines()[0]
        want = re.sub(r"^#\s*L\d\d\s*·?\s*", "", heading).strip()
        assert title == want, f"LEEME.md calls {path} {title!r}; its first heading says {want!r}"
