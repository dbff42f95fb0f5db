"""One isolated run: :class:`Sandbox` builds the wrapped command, prepares and cleans up, runs.

See the package docstring (:mod:`course_tools.course.instructor.sandbox`) for the design.
"""
from __future__ import annotations

import itertools
import logging
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from course_tools.course.instructor.sandbox.levels import (
    Guarantees,
    Isolation,
    SandboxError,
    _bwrap_features,
    _msg,
    _namespace_flags,
    _pdeathsig,
    detect,
    guarantees,
    warning,
)

__all__ = ["Limits", "RunResult", "Sandbox", "default_read_only", "protected_paths", "MARKER_VAR",
           "PASS_ENV"]

log = logging.getLogger("course_tools.course.instructor.sandbox")

#: Environment variable that marks every process of one run (for the sweep).
MARKER_VAR = "NICHOS_SANDBOX_RUN"
INIT = Path(__file__).with_name("_init.py")
#: First user id of the per-run users of a root grader (unnamed, never used by a person).
RUN_UID_BASE = int(os.environ.get("NICHOS_SANDBOX_UID_BASE", "1600000000"))
_SYSTEM_DIRS = ("/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32")
_ETC = ("ld.so.cache", "ld.so.conf", "ld.so.conf.d", "localtime", "timezone", "fonts", "ssl",
        "ca-certificates", "mime.types", "nsswitch.conf", "passwd", "group", "hosts",
        "os-release", "alternatives", "matplotlibrc")
#: Variables of the grader's environment that reach the sandbox (nothing else does).
PASS_ENV = ("LANG", "LC_ALL", "LC_CTYPE", "TZ", "NICHOS_LANG", "NICHOS_DATASETS",
            "MALLOC_ARENA_MAX", "MPLBACKEND", "OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS",
            "MKL_NUM_THREADS", "PYTHONHASHSEED")
_runs = itertools.count()
_warned: set = set()


@dataclass(frozen=True)
class Limits:
    """Per-run limits. ``processes``: processes + threads (``RLIMIT_NPROC``); ``memory_mb``:
    address space of each process (``RLIMIT_AS``, None = none); ``file_mb``: largest file
    written (``RLIMIT_FSIZE``); ``tmp_mb``: size of the sandbox's ``/tmp`` (bubblewrap)."""

    processes: int = 256
    memory_mb: int | None = None
    file_mb: int | None = 1024
    tmp_mb: int = 512

    def rlimits(self) -> dict[str, int | None]:
        mb = 2**20
        return {"NPROC": int(self.processes), "CORE": 0,
                "AS": None if self.memory_mb is None else int(self.memory_mb) * mb,
                "FSIZE": None if self.file_mb is None else int(self.file_mb) * mb}


# --------------------------------------------------------------------------------------------
# what the sandbox sees

def _python_paths() -> list[Path]:
    found = {Path(p) for p in (sys.prefix, sys.exec_prefix, sys.base_prefix, sys.base_exec_prefix)}
    found.add(Path(os.path.realpath(sys.executable)).parent.parent)
    return sorted(found)


def default_read_only() -> list[Path]:
    """Python (venv and base installation), the ``course_tools`` folder and the datasets."""
    import course_tools
    from course_tools.paths import datasets_dir

    package = Path(course_tools.__file__).resolve().parent
    return _minimal([*_python_paths(), package, datasets_dir()])


def _datasets() -> Path | None:
    """The real path of the shipped datasets, or None when there is no course folder."""
    from course_tools.paths import datasets_dir

    try:
        return Path(os.path.realpath(datasets_dir()))
    except (OSError, ValueError):  # CourseFolderNotFoundError is a ValueError
        return None


def _package_home() -> Path | None:
    """The folder holding ``course_tools`` when the grader found it through ``$PYTHONPATH`` (None when it
    is installed): the kernel, whose environment is rebuilt, then imports the same code (the package
    folder is bound read-only, not its parent)."""
    import course_tools

    home = Path(course_tools.__file__).resolve().parent.parent
    given = {Path(p).resolve() for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p}
    return home if home in given else None


def protected_paths(course_dir: Path | str) -> list[Path]:
    """What learner code must never reach: the course's solutions, gradebook, submissions,
    graded and released copies, logs, and the grading user's home folder."""
    course = Path(course_dir).resolve()
    names = ("solutions", "source", "gradebook.db", "submitted", "autograded", "feedback",
             "release", "grading_log", "nbgrader_config.py")
    return [course / n for n in names] + [Path.home().resolve()]


def _minimal(paths: Iterable[Path]) -> list[Path]:
    """Existing real paths, without those inside another one."""
    real = sorted({Path(os.path.realpath(p)) for p in paths if Path(p).exists()},
                  key=lambda p: len(p.parts))
    kept: list[Path] = []
    for p in real:
        if not any(p == k or k in p.parents for k in kept):
            kept.append(p)
    return kept


def _leading_dirs(bound: Sequence[Path]) -> list[Path]:
    """The folders above ``bound`` paths that are neither bound nor inside a bound path, nor the
    system folders (what bubblewrap creates in its empty root), parents first."""
    system = {Path(d) for d in (*_SYSTEM_DIRS, "/tmp", "/proc", "/dev", "/etc", "/")}
    found = set()
    for p in bound:
        for parent in p.parents:
            if parent in system or any(parent == b or b in parent.parents for b in bound):
                continue
            found.add(parent)
    return sorted(found, key=lambda d: (len(d.parts), str(d)))


def _unreachable(paths: Iterable[Path]) -> list[Path]:
    """Folders on the way to ``paths`` that other users cannot enter (no ``o+x``)."""
    found = []
    for p in paths:
        for parent in Path(p).parents:
            try:
                if not os.stat(parent).st_mode & 0o001:
                    found.append(parent)
            except OSError:
                found.append(parent)
    return sorted(set(found))


def _check_protected(bound: Iterable[Path], protected: Iterable[Path]) -> None:
    for b in bound:
        for p in protected:
            p = Path(os.path.realpath(p))
            if p == b or b in p.parents:
                raise SandboxError(_msg("exposes", path=p, bound=b))


@dataclass
class RunResult:
    """One sandboxed command: its exit code and what isolation it got."""

    returncode: int
    isolation: str
    seconds: float
    timed_out: bool = False
    leftovers: int = 0  # processes still alive after the command and killed by the sweep
    stdout: str = ""
    stderr: str = ""


@dataclass
class Sandbox:
    """One isolated run (or one kernel): ``writable`` folders (the first is the default working
    folder), everything of ``read_only`` (default :func:`default_read_only`) plus
    ``extra_read_only``, nothing under ``protected`` (+ :func:`protected_paths` of
    ``course_dir``). ``level``: see :func:`detect`. ``env``: extra environment variables.
    ``python``: the interpreter that starts the command inside (it must be in ``read_only``)."""

    writable: Sequence[Path | str]
    read_only: Sequence[Path | str] | None = None
    extra_read_only: Sequence[Path | str] = ()
    level: Isolation | str | None = None
    limits: Limits = field(default_factory=Limits)
    course_dir: Path | str | None = None
    protected: Sequence[Path | str] = ()
    env: dict[str, str] = field(default_factory=dict)
    python: str = sys.executable

    def __post_init__(self) -> None:
        self.level = detect(self.level)
        self.writable = [Path(os.path.realpath(p)) for p in self.writable]
        if not self.writable or not all(p.is_dir() for p in self.writable):
            raise SandboxError(_msg("no_writable", folders=self.writable))
        ro = default_read_only() if self.read_only is None else self.read_only
        self.read_only = _minimal([*ro, *self.extra_read_only, INIT])  # the init is always there
        protected = [*self.protected]
        if self.course_dir is not None:
            protected += protected_paths(self.course_dir)
        _check_protected([*self.read_only, *self.writable], protected)
        self.root = os.geteuid() == 0
        self.marker = os.urandom(8).hex()
        self.uid: int | None = None
        #: why a root grader's run keeps uid 0 at a fallback level ("" when it has its own user)
        self.no_own_user = ""
        if self.root and self.level is not Isolation.OFF:
            hidden = [] if self.level is Isolation.BUBBLEWRAP else _unreachable(
                [Path(os.path.realpath(self.python)), *self.read_only, *self.writable])
            if hidden:
                self.no_own_user = _msg("root_stays", folder=hidden[0])
            else:
                self.uid = RUN_UID_BASE + os.getpid() * 64 + next(_runs) % 64
        self._home: Path | None = None
        self._owners: dict[str, tuple[int, int]] = {}
        self._started = time.time()  # no process of the run is older (the sweep looks no further)
        said = (self.level, self.own_user)
        if self.level is not Isolation.BUBBLEWRAP and said not in _warned:  # once per process
            _warned.add(said)
            log.warning(warning(self.level, self.own_user) + (
                f" ({self.no_own_user})" if self.no_own_user else ""))

    @property
    def own_user(self) -> bool:
        """Whether the code runs as a user id of its own (a root grader that could drop)."""
        return self.uid is not None

    @property
    def guarantees(self) -> Guarantees:
        """What this sandbox prevents (:func:`guarantees` of its level and user)."""
        return guarantees(self.level, self.own_user)

    # ---- the command ----------------------------------------------------------------------
    @property
    def home(self) -> str:
        if self.level is Isolation.BUBBLEWRAP:
            return "/tmp/home"
        if self._home is None:
            self._home = Path(tempfile.mkdtemp(prefix="nichos-sandbox-home-"))
        return str(self._home)

    def environment(self) -> dict[str, str]:
        """The whole environment of the command (nothing else of the grader's reaches it)."""
        env = {k: os.environ[k] for k in PASS_ENV if k in os.environ}
        env.update(PATH=f"{Path(self.python).parent}:/usr/local/bin:/usr/bin:/bin",
                   HOME=self.home, TMPDIR=self.home if self.level is not Isolation.BUBBLEWRAP
                   else "/tmp", USER="nichos-sandbox", LOGNAME="nichos-sandbox",
                   PYTHONDONTWRITEBYTECODE="1", NICHOS_ISOLATION=str(self.level),
                   **{MARKER_VAR: self.marker})
        home = _package_home()
        if home is not None:  # the code the grader runs (a checkout used without installing it)
            env["PYTHONPATH"] = str(home)
        datasets = _datasets()
        if "NICHOS_DATASETS" not in env and datasets is not None and any(
                datasets == r or r in datasets.parents for r in self.read_only):
            env["NICHOS_DATASETS"] = str(datasets)  # the course folder itself is not there to find them
        env.update(self.env)
        return env

    def _spec(self, mode: str) -> list[str]:
        """The arguments of :mod:`._init` before ``--``."""
        bwrap = self.level is Isolation.BUBBLEWRAP
        relative = self.level is Isolation.PROCESS_GROUP and not self.root
        fields = {"mode": mode, "uid": self.uid, "gid": self.uid,
                  "home": self.home if bwrap else None, "tmp": "/tmp" if bwrap and self.root else None,
                  **self.limits.rlimits(), "relative": int(relative)}
        return [f"{k}={'' if v is None else v}" for k, v in fields.items()]

    def _bwrap_args(self, cwd: Path | None) -> list[str]:
        args = [shutil.which("bwrap") or "bwrap", *_namespace_flags(Isolation.BUBBLEWRAP, self.root),
                "--hostname", "nichos-sandbox"]
        for d in _SYSTEM_DIRS:
            if os.path.islink(d):
                args += ["--symlink", os.readlink(d), d]
            elif os.path.isdir(d):
                args += ["--ro-bind", d, d]
        for name in _ETC:
            args += ["--ro-bind-try", f"/etc/{name}", f"/etc/{name}"]
        args += ["--proc", "/proc", "--dev", "/dev"]
        if "--size" in _bwrap_features():
            args += ["--size", str(int(self.limits.tmp_mb) * 2**20)]
        args += ["--tmpfs", "/tmp"]
        binds = [(p, "--ro-bind") for p in self.read_only] + [(p, "--bind") for p in self.writable]
        if self.root:  # bubblewrap would make the folders leading to a bind 0700 root-owned
            for d in _leading_dirs([p for p, _ in binds]):
                args += ["--perms", "0755", "--dir", str(d)]
        for path, how in sorted(binds, key=lambda b: (len(b[0].parts), str(b[0]))):
            args += [how, str(path), str(path)]
        return args + ["--chdir", str(cwd or self.writable[0])]

    def command(self, argv: Sequence[str], cwd: Path | str | None = None) -> list[str]:
        """``argv`` wrapped for this sandbox's level (``off``: unchanged)."""
        argv = [str(a) for a in argv]
        if self.level is Isolation.OFF:
            return argv
        env = ["/usr/bin/env" if os.path.exists("/usr/bin/env") else shutil.which("env"), "-i",
               *(f"{k}={v}" for k, v in self.environment().items())]
        mode = {Isolation.BUBBLEWRAP: "exec", Isolation.PID_NAMESPACE: "init"}.get(self.level,
                                                                                  "supervise")
        init = [self.python, "-I", "-S", str(INIT), *self._spec(mode), "--", *argv]
        if self.level is Isolation.BUBBLEWRAP:
            return [*env, *self._bwrap_args(Path(cwd) if cwd else None), "--", *init]
        if self.level is Isolation.PID_NAMESPACE:  # setpriv: unshare dies with the grader
            return [*env, *_pdeathsig(), shutil.which("unshare") or "unshare",
                    *_namespace_flags(self.level, self.root), "--", *init]
        return [*env, *init]

    # ---- before and after -----------------------------------------------------------------
    def prepare(self) -> None:
        """Give the writable folders (and the home folder) to the run's user (root grader)."""
        self._started = min(self._started, time.time())
        if self.uid is None:
            return
        targets = list(self.writable)
        if self.level is not Isolation.BUBBLEWRAP:
            targets.append(Path(self.home))
        for top in targets:
            for path in [top, *top.rglob("*")]:
                st = os.lstat(path)
                self._owners.setdefault(str(path), (st.st_uid, st.st_gid))
                os.chown(path, self.uid, self.uid, follow_symlinks=False)

    def sweep(self) -> int:
        """Kill every process still marked as this run's (or running as its user); how many."""
        import psutil

        if self.level is Isolation.OFF:
            return 0
        me, killed = os.getpid(), 0
        for _ in range(50):
            victims = []
            for p in psutil.process_iter(["uids", "status", "create_time"]):
                try:
                    uid = p.info["uids"].real
                    if p.pid == me or p.info["status"] == psutil.STATUS_ZOMBIE or (
                            p.info["create_time"] < self._started - 1) or (
                            uid != os.geteuid() and uid != self.uid and not self.root):
                        continue
                    if uid == self.uid or p.environ().get(MARKER_VAR) == self.marker:
                        victims.append(p)
                except (psutil.Error, OSError, AttributeError):
                    continue
            if not victims:
                break
            for p in victims:
                try:
                    p.kill()
                except psutil.Error:
                    pass
            psutil.wait_procs(victims, timeout=1)
            killed += len(victims)
        return killed

    def cleanup(self) -> int:
        """Sweep, give the files back to their owners, remove the home folder. Idempotent."""
        killed = self.sweep()
        if self.uid is not None:
            me = (os.geteuid(), os.getegid())
            for top in self.writable:
                if not top.exists():
                    continue
                for path in [top, *top.rglob("*")]:  # rglob does not enter symlinked folders
                    try:
                        if os.lstat(path).st_uid != self.uid:  # only what the run owns
                            continue
                        uid, gid = self._owners.get(str(path), me)
                        os.chown(path, uid, gid, follow_symlinks=False)
                    except FileNotFoundError:
                        pass
        if self._home is not None:
            shutil.rmtree(self._home, ignore_errors=True)
            self._home = None
        return killed

    def __enter__(self) -> Sandbox:
        self.prepare()
        return self

    def __exit__(self, *exc) -> None:
        self.cleanup()

    # ---- one command ----------------------------------------------------------------------
    def run(self, argv: Sequence[str], *, timeout: float | None = None, cwd: Path | str | None = None,
            max_output: int = 1_000_000) -> RunResult:
        """Run ``argv`` to the end (or ``timeout`` seconds, then kill everything it started)."""
        cwd = Path(cwd) if cwd else self.writable[0]
        t0 = time.perf_counter()
        timed_out = False
        with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
            self.prepare()
            try:
                proc = subprocess.Popen(self.command(argv, cwd), cwd=cwd, stdin=subprocess.DEVNULL,
                                        stdout=out, stderr=err, start_new_session=True)
                try:
                    proc.wait(timeout=timeout)
                except subprocess.TimeoutExpired:
                    timed_out = True
                    _kill_group(proc)
                    proc.wait()
                if self.level is Isolation.OFF:  # what grading did before: the process group
                    _kill_group(proc)
            finally:
                leftovers = self.cleanup()
            texts = []
            for f in (out, err):
                f.seek(0)
                texts.append(f.read(max_output).decode("utf-8", "replace"))
        return RunResult(proc.returncode, str(self.level), round(time.perf_counter() - t0, 3),
                         timed_out, leftovers, *texts)


def _kill_group(proc: subprocess.Popen) -> None:
    """SIGKILL the process group the command leads (its own session), or the command alone."""
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except OSError:
        try:
            proc.kill()
        except OSError:
            pass
