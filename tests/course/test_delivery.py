"""Delivery (issue #8): the nbgitpuller link, the participants' copy, the hub and Binder
configurations, and the guides in docs/."""
from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml

from course_tools import cli
from course_tools.course import delivery
from course_tools.course.delivery import DeliveryError, nbgitpuller_link, participant_copy
from course_tools.course.grading import notebook_hidden_text
from course_tools.data import manifest

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
DOCS = ROOT / "docs"
VENV_BIN = Path(sys.executable).parent


# --------------------------------------------------------------------------------------------
# course link

def test_link_matches_a_published_nbgitpuller_link():
    # Published "Open on Planetary Computer" badge of the h2oval project, made with nbgitpuller's
    # link generator (hub with a path prefix, JupyterLab):
    # https://pccompute.westeurope.cloudapp.azure.com/compute/hub/user-redirect/git-pull?repo=https%3A%2F%2Fcode.osu.edu%2Fbyrdhowatgroup%2Fh2oval&urlpath=lab%2Ftree%2Fh2oval%2Fh2oval_cloud_inference.ipynb&branch=main
    got = nbgitpuller_link("https://pccompute.westeurope.cloudapp.azure.com/compute",
                           "https://code.osu.edu/byrdhowatgroup/h2oval",
                           branch="main", open_path="h2oval_cloud_inference.ipynb")
    assert got == ("https://pccompute.westeurope.cloudapp.azure.com/compute/hub/user-redirect/git-pull"
                   "?repo=https%3A%2F%2Fcode.osu.edu%2Fbyrdhowatgroup%2Fh2oval"
                   "&urlpath=lab%2Ftree%2Fh2oval%2Fh2oval_cloud_inference.ipynb&branch=main")


def test_link_classic_interface_matches_a_published_link():
    # EECS 245 homework link (classic interface: urlpath tree/...), from the course's public notes:
    # https://datahub.eecs245.org/hub/user-redirect/git-pull?repo=https%3A%2F%2Fgithub.com%2Feecs245%2Fwn26-code&urlpath=tree%2Fwn26-code%2Fhomeworks%2Fhw11%2Fhw11.ipynb&branch=main
    got = nbgitpuller_link("https://datahub.eecs245.org/", "https://github.com/eecs245/wn26-code",
                           branch="main", open_path="homeworks/hw11/hw11.ipynb", app="classic")
    assert got == ("https://datahub.eecs245.org/hub/user-redirect/git-pull"
                   "?repo=https%3A%2F%2Fgithub.com%2Feecs245%2Fwn26-code"
                   "&urlpath=tree%2Fwn26-code%2Fhomeworks%2Fhw11%2Fhw11.ipynb&branch=main")


def test_link_for_the_course_worked_by_hand():
    # Worked by hand from nbgitpuller's URL options: the clone folder is the last part of the
    # repository URL (".git" kept), the query is form-encoded (":" %3A, "/" %2F, " " +, "ñ" %C3%B1).
    got = nbgitpuller_link("https://hub.sela.org", "https://git.example.org/pymes/nichos-taller.git",
                           branch="lima 2026", open_path="lessons/Año ñ.ipynb")
    assert got == ("https://hub.sela.org/hub/user-redirect/git-pull"
                   "?repo=https%3A%2F%2Fgit.example.org%2Fpymes%2Fnichos-taller.git"
                   "&urlpath=lab%2Ftree%2Fnichos-taller.git%2Flessons%2FA%C3%B1o+%C3%B1.ipynb"
                   "&branch=lima+2026")
    query = parse_qs(urlsplit(got).query)
    assert query == {"repo": ["https://git.example.org/pymes/nichos-taller.git"],
                     "urlpath": ["lab/tree/nichos-taller.git/lessons/Año ñ.ipynb"],
                     "branch": ["lima 2026"]}


def test_link_targetpath_changes_the_folder_and_is_passed_on():
    got = nbgitpuller_link("https://hub.example.org", "https://github.com/o/nichos-participants",
                           targetpath="nichos")
    q = parse_qs(urlsplit(got).query)
    assert q["urlpath"] == ["lab/tree/nichos/lessons/00_welcome.ipynb"] and q["targetpath"] == ["nichos"]


@pytest.mark.parametrize("hub", ["hub.example.org", "ftp://hub.example.org", "https://", "file:///srv/hub"])
def test_link_refuses_a_hub_that_is_not_a_web_address(hub):
    with pytest.raises(DeliveryError, match="https://"):
        nbgitpuller_link(hub, "https://github.com/o/nichos-participants")


def test_link_refuses_a_path_outside_the_repository():
    with pytest.raises(DeliveryError, match=r"\.\."):
        nbgitpuller_link("https://hub.example.org", "https://github.com/o/p", open_path="../etc/passwd")


def test_cli_link_prints_the_link_and_explains_errors(capsys):
    assert cli.main(["link", "--hub", "https://hub.example.org",
                     "--repo", "https://github.com/o/nichos-participants"]) == 0
    out = capsys.readouterr().out.strip()
    assert out == ("https://hub.example.org/hub/user-redirect/git-pull?repo=https%3A%2F%2Fgithub.com%2Fo"
                   "%2Fnichos-participants&urlpath=lab%2Ftree%2Fnichos-participants%2Flessons%2F"
                   "00_welcome.ipynb&branch=main")
    assert cli.main(["link", "--hub", "hub.example.org", "--repo", "https://github.com/o/p"]) == 2
    assert "must be a web address" in capsys.readouterr().err


def test_cli_link_refuses_a_repository_with_solutions(tmp_path, capsys):
    (tmp_path / "solutions" / "ex00").mkdir(parents=True)
    for repo in (str(tmp_path), f"file://{tmp_path}", str(ROOT)):
        assert cli.main(["link", "--hub", "https://hub.example.org", "--repo", repo]) == 2
        err = capsys.readouterr().err
        assert "contains solutions/" in err and "course participant-copy" in err
    assert cli.main(["link", "--hub", "https://hub.example.org", "--repo", str(tmp_path),
                     "--allow-solutions"]) == 0


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_link_refuses_the_course_repository_by_its_remote(tmp_path):
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    subprocess.run(["git", "-C", str(tmp_path), "remote", "add", "origin",
                    "https://github.com/REPLACE-ORG/Nichos.git"], check=True)
    for same in ("https://github.com/REPLACE-ORG/nichos", "git@github.com:REPLACE-ORG/nichos.git",
                 "https://github.com/replace-org/nichos/"):
        with pytest.raises(DeliveryError, match="course repository itself"):
            delivery.check_participant_repo(same, course_root=tmp_path)
    delivery.check_participant_repo("https://github.com/REPLACE-ORG/nichos-participants", course_root=tmp_path)


# --------------------------------------------------------------------------------------------
# course participant-copy

def _hidden_test_lines() -> set[str]:
    """Hidden-test lines of every solution notebook (20+ characters: not bare `try:`/`continue`)."""
    lines: set[str] = set()
    for nb in sorted((ROOT / "solutions").glob("*/*.ipynb")):
        lines |= {x for x in notebook_hidden_text(nb, kinds=("HIDDEN TESTS",)) if len(x) >= 20}
    return lines


def _leaks(folder: Path, lines: set[str]) -> dict[str, list[str]]:
    """Files of ``folder`` that contain one of ``lines``: notebooks by their cell sources and
    outputs, other small files by substring, data files (``datasets/``, 1 MB+) by whole lines."""
    pattern = re.compile("|".join(re.escape(x) for x in sorted(lines, key=len, reverse=True)))
    as_bytes = {x.encode() for x in lines}
    found: dict[str, list[str]] = {}
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        data = path.read_bytes()
        if path.suffix == ".ipynb":
            nb = json.loads(data)
            text = "\n".join(("".join(c["source"]) if isinstance(c["source"], list) else c["source"])
                             + json.dumps(c.get("outputs", []), ensure_ascii=False) for c in nb["cells"])
            hits = pattern.findall(text)
        elif len(data) < 1_000_000 and path.relative_to(folder).parts[0] != "datasets":
            hits = pattern.findall(data.decode("utf-8", "replace"))
        else:
            hits = [x.decode() for x in as_bytes & {ln.strip() for ln in data.splitlines()}]
        if hits:
            found[str(path.relative_to(folder))] = sorted(set(hits))[:3]
    return found


@pytest.fixture(scope="module")
def copy_dir(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("participants") / "nichos-participants"
    assert cli.main(["participant-copy", str(out)]) == 0
    return out


def test_participant_copy_has_the_course_without_answers(copy_dir):
    top = {p.name for p in copy_dir.iterdir()}
    for needed in ("lessons", "exercises", "datasets", "course_tools", "docs", "environment.yml",
                   "course.py", "requirements", delivery.PARTICIPANT_MARKER):
        assert needed in top, f"{needed} missing from the participants' copy"
    for left_out in ("solutions", "tests", "gradebook.db", ".git", ".venv", "submitted", "autograded"):
        assert left_out not in top, f"{left_out} must not be in the participants' copy"
    assert not list(copy_dir.rglob("__pycache__"))
    for folder in ("lessons", "exercises", "course_tools"):
        src = {p.relative_to(ROOT / folder) for p in (ROOT / folder).rglob("*.py*")
               if "__pycache__" not in p.parts and ".ipynb_checkpoints" not in p.parts}
        dst = {p.relative_to(copy_dir / folder) for p in (copy_dir / folder).rglob("*.py*")}
        assert src == dst, f"{folder}/ differs: {sorted(src ^ dst)[:5]}"


def test_participant_copy_datasets_match_the_manifest(copy_dir):
    root = copy_dir / "datasets"
    listed = manifest.read_manifest(root)
    assert len(listed) > 10
    for rel in listed:
        manifest.verify(rel, root)


@pytest.mark.slow
def test_participant_copy_holds_no_hidden_test_text(copy_dir):
    lines = _hidden_test_lines()
    assert len(lines) > 50, "expected the hidden tests of ex00–ex10"
    assert _leaks(copy_dir, lines) == {}


def test_the_leak_detector_finds_a_planted_hidden_test(tmp_path):
    lines = _hidden_test_lines()
    planted = sorted(lines)[0]
    (tmp_path / "notes.md").write_text(f"look:\n    {planted}\n", encoding="utf-8")
    nb = {"cells": [{"cell_type": "code", "source": [planted], "outputs": [], "metadata": {}}]}
    (tmp_path / "x.ipynb").write_text(json.dumps(nb), encoding="utf-8")
    assert set(_leaks(tmp_path, lines)) == {"notes.md", "x.ipynb"}


def _mini_course(root: Path) -> Path:
    for rel in ("lessons/00_welcome.ipynb", "course_tools/__init__.py", "solutions/ex00/ex00.ipynb",
                "tests/test_x.py", "gradebook.db", "exercises/ex00/ex00.ipynb",
                "course_tools/__pycache__/x.pyc"):
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(rel)
    return root


def test_participant_copy_refreshes_a_clone_and_keeps_its_git(tmp_path):
    course = _mini_course(tmp_path / "course")
    out = tmp_path / "clone"
    (out / ".git").mkdir(parents=True)
    (out / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    written = participant_copy(out, course_root=course)
    assert sorted(p.relative_to(out).as_posix() for p in written) == [
        delivery.PARTICIPANT_MARKER, "course_tools/__init__.py", "exercises/ex00/ex00.ipynb",
        "lessons/00_welcome.ipynb"]
    (out / "lessons" / "stale.ipynb").write_text("{}")
    participant_copy(out, course_root=course)  # an earlier copy: replaced
    assert (out / ".git" / "HEAD").read_text() == "ref: refs/heads/main\n"
    assert not (out / "lessons" / "stale.ipynb").exists()
    assert (out / "lessons" / "00_welcome.ipynb").is_file()


def test_participant_copy_refuses_unsafe_folders(tmp_path, capsys):
    other = tmp_path / "mywork"
    other.mkdir()
    (other / "thesis.docx").write_text("x")
    with pytest.raises(DeliveryError, match="not empty"):
        participant_copy(other)
    assert (other / "thesis.docx").exists()
    with pytest.raises(DeliveryError, match="inside the course repository"):
        participant_copy(ROOT / "build" / "participants")
    assert cli.main(["participant-copy", str(other)]) == 2
    assert "not a participants' copy" in capsys.readouterr().err


# --------------------------------------------------------------------------------------------
# hub configurations

def _bytes(size: str | int | float) -> float:
    """'2G' (TLJH, Kubernetes: 10^9), '2Gi' (2^30), '512M', or a number of bytes."""
    m = re.fullmatch(r"\s*([0-9.]+)\s*([KMGT]i?)?\s*", str(size))
    assert m, f"not a memory size: {size!r}"
    unit = m[2] or ""
    power = " KMGT".index(unit[:1]) if unit else 0
    return float(m[1]) * ((1024 if unit.endswith("i") else 1000) ** power)


def _gb_range(size) -> bool:
    return 1e9 <= _bytes(size) <= 2 * 1024 ** 3


def _run_config(path_or_code: str | Path, **names) -> object:
    from traitlets.config import Config

    c = Config()
    code = Path(path_or_code).read_text() if isinstance(path_or_code, Path) else path_or_code
    namespace = {"get_config": lambda: c, "c": c, "__file__": str(path_or_code), **names}
    exec(compile(code, str(path_or_code)[:60], "exec"), namespace)
    return c


def test_z2jh_values_parse_and_limit_memory_to_1_to_2_gb():
    values = yaml.safe_load((DEPLOY / "z2jh" / "config.yaml").read_text())
    su = values["singleuser"]
    assert _gb_range(su["memory"]["limit"]) and _gb_range(su["memory"]["guarantee"])
    assert _bytes(su["memory"]["guarantee"]) <= _bytes(su["memory"]["limit"])
    assert 0 < float(su["cpu"]["limit"]) <= 2
    mounts = {m["mountPath"] for m in su["storage"]["extraVolumeMounts"]}
    assert "/srv/nbgrader/exchange" in mounts
    claim = su["storage"]["extraVolumes"][0]["persistentVolumeClaim"]["claimName"]
    pvc = yaml.safe_load((DEPLOY / "z2jh" / "exchange-pvc.yaml").read_text())
    assert pvc["metadata"]["name"] == claim and pvc["spec"]["accessModes"] == ["ReadWriteMany"]
    cfg = _run_config(su["extraFiles"]["nbgrader-config"]["stringData"])
    assert cfg.CourseDirectory.course_id == "nichos" and cfg.Exchange.root == "/srv/nbgrader/exchange"
    assert su["extraFiles"]["nbgrader-config"]["mountPath"] == "/etc/jupyter/nbgrader_config.py"


class _Group:
    def __init__(self, name):
        self.name = name


class _Spawner:
    def __init__(self, *groups):
        self.user = type("U", (), {"groups": [_Group(g) for g in groups]})()
        self.environment = {"A": "1"}


@pytest.mark.parametrize("where", ["tljh", "z2jh"])
def test_instructors_group_gets_the_instructor_config(where, tmp_path, monkeypatch):
    if where == "tljh":
        code = (DEPLOY / "tljh" / "jupyterhub_config.d" / "nichos.py").read_text()
        roster = tmp_path / "instructors.txt"
        roster.write_text("ana\n# a comment\nbeto  \n\n")
        code = code.replace('Path("/opt/nichos/instructors.txt")', f"Path({str(roster)!r})")
        cfg = _run_config(code)
        hook = cfg.Spawner.pre_spawn_hook
        assert cfg.JupyterHub.load_groups["instructors"] == {"users": ["ana", "beto"]}
    else:
        values = yaml.safe_load((DEPLOY / "z2jh" / "config.yaml").read_text())
        cfg = _run_config(values["hub"]["extraConfig"]["nichos-instructors"])
        hook = cfg.KubeSpawner.pre_spawn_hook
        assert list(cfg.JupyterHub.load_groups) == ["instructors", "spanish"]
    teacher, learner = _Spawner("instructors"), _Spawner("participants")
    hook(teacher)
    hook(learner)
    assert teacher.environment["JUPYTER_CONFIG_PATH"] == "/etc/nichos/instructor-jupyter-config"
    assert teacher.environment["A"] == "1"
    assert learner.environment == {"A": "1"}


def _hub_hook(where, tmp_path, spanish="", instructors=""):
    """The pre-spawn hook and groups of the TLJH or z2jh configuration, with these rosters (TLJH)."""
    if where == "tljh":
        code = (DEPLOY / "tljh" / "jupyterhub_config.d" / "nichos.py").read_text()
        for name, names in (("instructors", instructors), ("spanish", spanish)):
            (tmp_path / f"{name}.txt").write_text(names)
            code = code.replace(f'Path("/opt/nichos/{name}.txt")', f"Path({str(tmp_path / f'{name}.txt')!r})")
        cfg = _run_config(code)
        return cfg.Spawner.pre_spawn_hook, cfg.JupyterHub.load_groups
    values = yaml.safe_load((DEPLOY / "z2jh" / "config.yaml").read_text())
    cfg = _run_config(values["hub"]["extraConfig"]["nichos-instructors"])
    return cfg.KubeSpawner.pre_spawn_hook, cfg.JupyterHub.load_groups


@pytest.mark.parametrize("where", ["tljh", "z2jh"])
def test_spanish_group_gets_nichos_lang_and_jupyterlab_in_spanish(where, tmp_path):
    hook, groups = _hub_hook(where, tmp_path, spanish="rosa\n# comment\nluis\n", instructors="ana\n")
    if where == "tljh":
        assert groups["spanish"] == {"users": ["luis", "rosa"]}
    assert "spanish" in groups
    learner, teacher, english = _Spawner("spanish"), _Spawner("instructors", "spanish"), _Spawner("participants")
    for spawner in (learner, teacher, english):
        hook(spawner)
    assert learner.environment == {"A": "1", "NICHOS_LANG": "es",
                                   "JUPYTER_CONFIG_PATH": "/etc/nichos/spanish-jupyter-config"}
    assert teacher.environment["NICHOS_LANG"] == "es"
    assert teacher.environment["JUPYTER_CONFIG_PATH"] == \
        "/etc/nichos/instructor-jupyter-config:/etc/nichos/spanish-jupyter-config"
    assert english.environment == {"A": "1"}


def test_the_spanish_config_makes_jupyterlab_spanish_by_default(tmp_path, monkeypatch):
    """What the group's JUPYTER_CONFIG_PATH gives: jupyterlab_server reads es_ES as the default language."""
    from jupyterlab_server.settings_utils import _get_overrides

    config = DEPLOY / "common" / "spanish-jupyter-config"
    monkeypatch.setenv("JUPYTER_CONFIG_PATH", str(config))
    overrides, error = _get_overrides(str(tmp_path))
    assert not error
    assert overrides["@jupyterlab/translation-extension:plugin"]["locale"] == "es_ES"
    # the value does come from that folder (and not from this environment's own configuration)
    copy = tmp_path / "copy"
    shutil.copytree(config, copy)
    settings = copy / "labconfig" / "default_setting_overrides.json"
    settings.write_text(settings.read_text().replace("es_ES", "fr_FR"))
    monkeypatch.setenv("JUPYTER_CONFIG_PATH", str(copy))
    assert _get_overrides(str(tmp_path))[0]["@jupyterlab/translation-extension:plugin"]["locale"] == "fr_FR"


def test_the_spanish_config_is_installed_by_the_hub_set_ups():
    setup = (DEPLOY / "tljh" / "setup_hub.sh").read_text()
    assert 'cp -r "$COMMON/spanish-jupyter-config" /etc/nichos/spanish-jupyter-config' in setup
    docker = (DEPLOY / "z2jh" / "Dockerfile").read_text()
    assert "COPY deploy/common/spanish-jupyter-config /etc/nichos/spanish-jupyter-config" in docker


def test_tljh_limits_agree_and_are_1_to_2_gb():
    script = (DEPLOY / "tljh" / "setup_hub.sh").read_text()
    memory = re.search(r"tljh-config set limits\.memory (\S+)", script)[1]
    cpu = re.search(r"tljh-config set limits\.cpu (\S+)", script)[1]
    ref = yaml.safe_load((DEPLOY / "tljh" / "config.yaml").read_text())
    assert _gb_range(memory) and str(ref["limits"]["memory"]) == memory
    assert float(cpu) == float(ref["limits"]["cpu"]) <= 2
    # the global nbgrader configuration installed by the script
    cfg = _run_config(DEPLOY / "common" / "nbgrader_config.py")
    assert cfg.CourseDirectory.course_id == "nichos" and cfg.Exchange.root == "/srv/nbgrader/exchange"
    assert "install -d -m 1777 /srv/nbgrader/exchange" in script


def test_instructor_nbgrader_config_points_at_the_course(monkeypatch):
    monkeypatch.setenv("NICHOS_COURSE_DIR", str(ROOT))
    loaded = []
    cfg = _run_config(DEPLOY / "common" / "instructor-jupyter-config" / "nbgrader_config.py",
                      load_subconfig=loaded.append)
    assert cfg.CourseDirectory.root == str(ROOT)
    assert loaded == [str(ROOT / "nbgrader_config.py")]


def _nbgrader_lab_plugins() -> set[str]:
    import nbgrader

    static = Path(nbgrader.__file__).parent / "labextension" / "static"
    if not static.is_dir():  # installed as shared data
        static = Path(sys.prefix) / "share" / "jupyter" / "labextensions" / "@jupyter" / "nbgrader" / "static"
    text = "".join(p.read_text(errors="replace") for p in static.glob("*.js"))
    return set(re.findall(r'"(@jupyter/nbgrader:[a-z-]+)"', text))


def _extension_names(text: str) -> tuple[set[str], set[str]]:
    lab = set(re.findall(r"(@jupyter/nbgrader:[a-z-]+)", text))
    server = set(re.findall(r"(nbgrader\.server_extensions\.[a-z_]+)", text))
    return lab, server


def test_every_nbgrader_extension_named_in_the_configs_exists():
    import importlib

    plugins = _nbgrader_lab_plugins()
    assert "@jupyter/nbgrader:formgrader" in plugins
    texts = [(DEPLOY / "tljh" / "setup_hub.sh").read_text(), (DEPLOY / "z2jh" / "Dockerfile").read_text(),
             (ROOT / "postBuild").read_text()]
    texts += [p.read_text() for p in (DEPLOY / "common" / "instructor-jupyter-config").rglob("*.json")]
    lab, server = _extension_names("\n".join(texts))
    assert lab and server
    assert lab <= plugins, f"unknown JupyterLab plugins: {sorted(lab - plugins)}"
    for module in server:
        importlib.import_module(module)
    page = json.loads((DEPLOY / "common" / "instructor-jupyter-config" / "labconfig" / "page_config.json").read_text())
    assert page["disabledExtensions"] == {"@jupyter/nbgrader:formgrader": False,
                                          "@jupyter/nbgrader:course-list": False,
                                          "@jupyter/nbgrader:create-assignment": False}


def test_z2jh_image_is_built_from_this_repository_without_answers():
    dockerfile = (DEPLOY / "z2jh" / "Dockerfile").read_text()
    assert re.search(r"^FROM quay\.io/jupyter/[a-z-]+-notebook:python-3\.11\b", dockerfile, re.M)
    assert "environment.yml" in dockerfile and "nbgitpuller" in dockerfile
    ignored = (DEPLOY / "z2jh" / "Dockerfile.dockerignore").read_text().split()
    for name in ("solutions", "tests", ".git", "gradebook.db"):
        assert name in ignored


@pytest.mark.skipif(shutil.which("bash") is None, reason="bash is not installed")
@pytest.mark.parametrize("script", ["deploy/tljh/setup_hub.sh", "deploy/tljh/install_user_env.sh", "postBuild"])
def test_shell_scripts_are_executable_and_parse(script):
    path = ROOT / script
    assert os.access(path, os.X_OK), f"{script} must be executable (chmod +x)"
    assert path.read_text().startswith("#!/usr/bin/env bash")
    subprocess.run(["bash", "-n", str(path)], check=True)


# --------------------------------------------------------------------------------------------
# Binder

# Files repo2docker reads (its "configuration files"); a binder/ or .binder/ folder makes it ignore
# the root ones, and a Dockerfile makes it ignore everything else.
_OTHER_ENVIRONMENTS = ["binder", ".binder", "Dockerfile", "requirements.txt", "Pipfile", "Pipfile.lock",
                       "setup.py", "Project.toml", "REQUIRE", "install.R", "DESCRIPTION", "default.nix",
                       "runtime.txt"]


def test_binder_uses_only_the_root_environment_yml():
    present = [name for name in _OTHER_ENVIRONMENTS if (ROOT / name).exists()]
    assert present == [], f"repo2docker would use {present} instead of (or with) environment.yml"
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    pip_section = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    assert pip_section[-1] == "-e ."  # course_tools; before it, pins that conda-forge lacks
    assert os.access(ROOT / "postBuild", os.X_OK)


def test_postbuild_commands_exist(capsys):
    out = subprocess.run(["bash", str(ROOT / "postBuild")], capture_output=True, text=True,
                         env={**os.environ, "NICHOS_DRY_RUN": "1"}, cwd="/", check=True).stdout
    commands = [shlex.split(line[2:]) for line in out.splitlines() if line.startswith("+ ")]
    assert len(commands) >= 8
    parser = cli.build_parser()
    for cmd in commands:
        exe = shutil.which(cmd[0], path=f"{VENV_BIN}{os.pathsep}{os.environ.get('PATH', '')}")
        assert exe, f"postBuild uses {cmd[0]!r}, which is not installed"
        if cmd[0] == "jupyter":
            assert shutil.which(f"jupyter-{cmd[1]}", path=str(VENV_BIN)), f"no `jupyter {cmd[1]}`"
        elif cmd[0] == "course":
            parser.parse_args(cmd[1:])  # exits (SystemExit) on an unknown sub-command
        elif cmd[0] == "python":
            assert cmd[1:3] == ["-m", "pip"]
    assert any(c[:2] == ["course", "build"] for c in commands)
    # the safe part, for real: the data check runs offline and passes
    assert cli.main(["data", "verify"]) == 0
    capsys.readouterr()


# --------------------------------------------------------------------------------------------
# the guides

DOC_FILES = sorted(DOCS.glob("*.md"))
_FENCE = re.compile(r"```[^\n]*\n(.*?)```", re.S)
_SPAN = re.compile(r"`([^`]+)`")
_COMMAND = re.compile(r"(?:^|[\s;&|(]|bin/)course\s+([a-z][a-z0-9-]*)")


def _code(text: str) -> tuple[list[str], list[str]]:
    """(lines of fenced code blocks, inline code spans) of a Markdown text; a shell line that ends with a
    backslash is joined with the next, as the shell reads it."""
    blocks = [ln for block in _FENCE.findall(text) for ln in re.sub(r"\\\n\s*", " ", block).splitlines()]
    rest = _FENCE.sub("", text)
    return blocks, _SPAN.findall(rest)


def test_guides_exist():
    names = {p.name for p in DOC_FILES}
    for needed in ("instructor_guide.md", "participant_guide.md", "guia_participante.md", "hub_tljh.md",
                   "hub_z2jh.md", "binder.md", "offline_laptop.md"):
        assert needed in names


def test_every_course_command_in_the_guides_exists():
    parser = cli.build_parser()
    known = set(next(a for a in parser._actions if a.dest == "command").choices)
    missing, unparsable = {}, []
    for doc in DOC_FILES:
        blocks, spans = _code(doc.read_text(encoding="utf-8"))
        for line in blocks + spans:
            code = line.split(" #", 1)[0] if not line.lstrip().startswith("#") else ""
            for name in _COMMAND.findall(code):
                if name not in known:
                    missing.setdefault(name, set()).add(doc.name)
        for line in blocks:  # runnable lines must also parse with their options
            code = line.split(" #", 1)[0].strip()
            if code.startswith("course ") and "..." not in code:
                try:
                    parser.parse_args(shlex.split(code)[1:])
                except SystemExit:
                    unparsable.append(f"{doc.name}: {code}")
    assert not missing, f"commands in docs/ that `course` does not have: {missing}"
    assert not unparsable, f"command lines in docs/ that `course` rejects: {unparsable}"


def test_every_relative_link_in_the_guides_resolves():
    broken = []
    for doc in DOC_FILES:
        text = _FENCE.sub("", doc.read_text(encoding="utf-8"))
        for target in re.findall(r"\]\(([^)\s]+)\)", text):
            if re.match(r"[a-z]+:", target) or target.startswith("#"):
                continue
            path = target.split("#", 1)[0]
            if not (doc.parent / path).exists():
                broken.append(f"{doc.name}: {target}")
    assert not broken, f"broken links: {broken}"


def test_delivery_needs_only_the_standard_library():
    # deploy/tljh/setup_hub.sh makes the participants' copy with the server's own python3, before
    # any package is installed: course_tools/__init__.py and delivery.py must not import them.
    code = ("import sys\n"
            "for name in ('pandas', 'numpy', 'nbgrader', 'nbformat', 'yaml', 'scipy', 'plotly'):\n"
            "    sys.modules[name] = None\n"
            "from course_tools.course.delivery import participant_copy, nbgitpuller_link\n")
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
