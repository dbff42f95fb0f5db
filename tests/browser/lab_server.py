"""A throw-away JupyterLab server for the browser tests (tests/browser/test_browser.py).

:func:`running_lab` starts ``.venv/bin/jupyter lab`` the way a participant meets the course, but
isolated from the repository and from the machine:

* on 127.0.0.1, a free port, a random token, no browser;
* its root is a temporary **copy** of ``lessons/`` and ``exercises/`` (the tests never modify the
  repository); datasets are read from the repository through ``$NICHOS_DATASETS``;
* HOME, JUPYTER_CONFIG_DIR, JUPYTER_DATA_DIR, JUPYTER_RUNTIME_DIR and IPYTHONDIR in the temporary
  folder; the virtualenv's kernel and extensions (JupyterLab, nbgrader, ipywidgets, plotly) still
  load, because Jupyter finds them under ``sys.prefix``;
* no news or update checks (``LabApp.news_url=None``, ``NeverCheckForUpdate`` and the user setting
  of the notification plugin), so the page needs nothing from the internet;
* a participant's nbgrader configuration: an exchange in the temporary folder, course id
  ``"nichos"``, and the assignments of ``release=`` released into it, as ``nbgrader
  release_assignment`` lays them out (``<exchange>/nichos/outbound/<exNN>/``).

The server is stopped (SIGTERM, then SIGKILL) when the ``with`` block ends, also on failure.
Its log is ``<tmp>/jupyter.log``; :meth:`LabServer.log_tail` gives its end for error messages.
"""
from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
VENV_BIN = Path(sys.executable).parent
COURSE_ID = "nichos"

#: JupyterLab user settings that keep the page offline and quiet.
LAB_SETTINGS = {
    # no "Would you like to receive official Jupyter news?" prompt, no news or update fetch
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {
        "fetchNews": "false", "checkForUpdates": False},
    # render every cell (no virtual scrolling), so the tests see all outputs of a long lesson
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"},
}


def free_port() -> int:
    """A TCP port free on 127.0.0.1 right now (the OS picks it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class LabServer:
    """A running server: its base ``url`` (no trailing slash), ``token``, ``root`` folder and log."""

    url: str
    token: str
    root: Path
    exchange: Path
    log: Path
    process: subprocess.Popen

    def lab_url(self, path: str = "", *, workspace: str | None = None) -> str:
        """The JupyterLab address that opens ``path`` (relative to the root), with the token.

        ``workspace``: a fresh named JupyterLab workspace, so tabs left open by an earlier page
        are not restored (e.g. one per test).
        """
        ws = f"/workspaces/{workspace}" if workspace else ""
        tree = f"/tree/{path}" if path else ""
        return f"{self.url}/lab{ws}{tree}?token={self.token}"

    def api(self, path: str, timeout: float = 5.0, method: str = "GET") -> object:
        """Call ``/api/<path>`` with the token and return the decoded JSON (``None`` if empty)."""
        req = urllib.request.Request(f"{self.url}/api/{path.lstrip('/')}", method=method,
                                     headers={"Authorization": f"token {self.token}"})
        with urllib.request.urlopen(req, timeout=timeout) as r:  # noqa: S310 (loopback only)
            body = r.read().decode()
        return json.loads(body) if body else None

    def shutdown_kernels(self) -> int:
        """Shut down every running kernel (frees the memory of a lesson); returns how many."""
        kernels = self.api("kernels")
        for k in kernels:  # type: ignore[union-attr]
            self.api(f"kernels/{k['id']}", method="DELETE", timeout=30.0)
        return len(kernels)  # type: ignore[arg-type]

    def log_tail(self, n: int = 40) -> str:
        """The last ``n`` lines of the server's log (for failure messages)."""
        try:
            return "\n".join(self.log.read_text(errors="replace").splitlines()[-n:])
        except OSError:
            return "(no log)"


def _write_json(path: Path, payload: object) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(payload, indent=1), encoding="utf-8")


def release_to_exchange(exchange: Path, assignment: str, release_dir: Path, course_id: str = COURSE_ID) -> Path:
    """Copy ``release_dir/<assignment>`` into ``<exchange>/<course_id>/outbound/<assignment>``.

    The layout ``nbgrader release_assignment`` produces with the default exchange (folders open to
    every user, as on a shared hub). Returns the released folder.
    """
    src = release_dir / assignment
    if not any(src.glob("*.ipynb")):
        raise FileNotFoundError(f"{src} has no notebook to release: run `course build {assignment}` first")
    course = exchange / course_id
    for sub in ("outbound", "inbound", "feedback"):
        (course / sub).mkdir(parents=True, exist_ok=True)
    dst = course / "outbound" / assignment
    shutil.copytree(src, dst, ignore=shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__"))
    for p in [exchange, course, *course.iterdir()]:
        p.chmod(0o777 if p.name != "inbound" else 0o733)
    return dst


def _environment(tmp: Path) -> dict[str, str]:
    home = tmp / "home"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("JUPYTER", "IPYTHON"))}
    env.update({
        "HOME": str(home),
        "JUPYTER_CONFIG_DIR": str(home / ".jupyter"),
        "JUPYTER_DATA_DIR": str(tmp / "data"),
        "JUPYTER_RUNTIME_DIR": str(tmp / "runtime"),
        "IPYTHONDIR": str(home / ".ipython"),
        "MPLCONFIGDIR": str(home / ".mpl"),
        "XDG_CACHE_HOME": str(home / ".cache"),
        "NICHOS_DATASETS": str(ROOT / "datasets"),
        "PATH": f"{VENV_BIN}{os.pathsep}{os.environ.get('PATH', '')}",
        "PYTHONDONTWRITEBYTECODE": "1",
        "JUPYTER_PLATFORM_DIRS": "0",
    })
    env.pop("VIRTUAL_ENV", None)
    return env


def _wait_ready(server: LabServer, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    last = ""
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(f"jupyter lab exited with code {server.process.returncode} before it was "
                               f"ready; its log ends with:\n{server.log_tail()}")
        try:
            status = server.api("status", timeout=2.0)
            if isinstance(status, dict) and "started" in status:
                return
        except (urllib.error.URLError, ConnectionError, TimeoutError, ValueError) as err:
            last = str(err)
        time.sleep(0.25)
    raise TimeoutError(f"jupyter lab did not answer /api/status within {timeout:.0f} s ({last}); "
                       f"its log ends with:\n{server.log_tail()}")


def _stop(proc: subprocess.Popen, grace: float = 10.0) -> None:
    if proc.poll() is not None:
        return
    proc.send_signal(signal.SIGTERM)  # jupyter server: shut down kernels, then exit
    try:
        proc.wait(timeout=grace)
    except subprocess.TimeoutExpired:
        # the server and its kernels run in their own process group (start_new_session=True)
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        proc.wait(timeout=grace)


@contextmanager
def running_lab(
    tmp: Path,
    *,
    folders: Iterable[str] = ("lessons", "exercises"),
    release: Iterable[str] = ("ex05",),
    timeout: float = 60.0,
    extra_env: dict[str, str] | None = None,
) -> Iterator[LabServer]:
    """Start JupyterLab on a copy of ``folders`` in ``tmp/course``; stop it when the block ends.

    ``release``: assignments of ``exercises/`` released to the participant's nbgrader exchange
    (``tmp/exchange``, course ``"nichos"``). Waits until ``/api/status`` answers (``timeout`` s).
    ``extra_env``: more environment for the server, as a hub's spawner gives it (``NICHOS_LANG``,
    ``JUPYTER_CONFIG_PATH``).
    """
    tmp = Path(tmp)
    root = tmp / "course"
    root.mkdir(parents=True, exist_ok=True)
    skip = shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__", "*.pyc")
    for name in folders:
        shutil.copytree(ROOT / name, root / name, ignore=skip)
    env = {**_environment(tmp), **(extra_env or {})}
    config = Path(env["JUPYTER_CONFIG_DIR"])
    for rel, payload in LAB_SETTINGS.items():
        _write_json(config / "lab" / "user-settings" / rel, payload)
    exchange = tmp / "exchange"
    exchange.mkdir(parents=True, exist_ok=True)
    for a in release:
        release_to_exchange(exchange, a, ROOT / "exercises")
    # a participant's nbgrader configuration (no course root: the assignment list, not formgrader)
    (config / "nbgrader_config.py").write_text(
        "c = get_config()  # noqa: F821\n"
        f"c.Exchange.root = {str(exchange)!r}\n"
        f"c.CourseDirectory.course_id = {COURSE_ID!r}\n",
        encoding="utf-8",
    )
    token = secrets.token_hex(24)
    port = free_port()
    log = tmp / "jupyter.log"
    cmd = [
        str(VENV_BIN / "jupyter"), "lab", "--no-browser",
        "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={port}", "--ServerApp.port_retries=0",
        f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={root}",
        "--ServerApp.open_browser=False", "--ServerApp.allow_remote_access=False",
        "--LabApp.news_url=", "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
        "--ServerApp.shutdown_no_activity_timeout=900",
    ]
    if hasattr(os, "geteuid") and os.geteuid() == 0:  # CI containers run as root
        cmd.append("--allow-root")
    with open(log, "wb") as fh:
        proc = subprocess.Popen(cmd, cwd=root, env=env, stdout=fh, stderr=subprocess.STDOUT,
                                stdin=subprocess.DEVNULL, start_new_session=True)
    server = LabServer(url=f"http://127.0.0.1:{port}", token=token, root=root, exchange=exchange,
                       log=log, process=proc)
    try:
        _wait_ready(server, timeout)
        yield server
    finally:
        _stop(proc)
