"""The isolation levels, what each prevents, and which of them work on this machine.

See the package docstring (:mod:`course_tools.course.instructor.sandbox`) for the design.
"""
from __future__ import annotations

import enum
import functools
import os
import shutil
import subprocess
from dataclasses import dataclass

from course_tools.errors import NichosError

__all__ = ["ENV_VAR", "REQUIRE_ENV_VAR", "SandboxError", "SandboxUnavailable", "Isolation",
           "Guarantees", "guarantees", "probe", "detect", "warning"]

#: ``auto`` (default), ``bubblewrap``, ``pid-namespace``, ``process-group`` or ``off``.
ENV_VAR = "NICHOS_SANDBOX"
#: When set (CI), ``auto`` refuses to fall below bubblewrap instead of warning.
REQUIRE_ENV_VAR = "NICHOS_REQUIRE_SANDBOX"


class SandboxError(NichosError, RuntimeError):
    """The sandbox could not be set up as asked (the message says why and what to do)."""


class SandboxUnavailable(SandboxError):
    """The isolation level asked for (or required by ``NICHOS_REQUIRE_SANDBOX``) does not work here."""


class Isolation(str, enum.Enum):
    """What a run got, strongest first."""

    BUBBLEWRAP = "bubblewrap"
    PID_NAMESPACE = "pid-namespace"
    PROCESS_GROUP = "process-group"
    OFF = "off"

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True)
class Guarantees:
    """What a level prevents on this machine (see the table of the module docstring)."""

    hides_files: bool
    protects_files: bool
    no_network: bool
    kills_everything: bool
    process_limit: bool
    clean_environment: bool


def guarantees(level: Isolation | str, own_user: bool = False) -> Guarantees:
    """What ``level`` prevents; ``own_user``: the code runs as a user id of its own (a root
    grader, when Python and the folders are reachable by other users)."""
    level = Isolation(level)
    if level is Isolation.BUBBLEWRAP:
        return Guarantees(True, True, True, True, True, True)
    # uid 0 is exempt from RLIMIT_NPROC: a root grader that cannot drop has no process limit
    limit = own_user or os.geteuid() != 0
    if level is Isolation.PID_NAMESPACE:
        return Guarantees(False, own_user, True, True, limit, True)
    if level is Isolation.PROCESS_GROUP:
        # the grader's own /proc/<pid>/environ is readable by code running as the grader
        return Guarantees(False, own_user, False, own_user, limit, own_user)
    return Guarantees(False, False, False, False, False, False)


# --------------------------------------------------------------------------------------------
# what works here

def _bwrap_help() -> str:
    exe = shutil.which("bwrap")
    if not exe:
        return ""
    try:
        return subprocess.run([exe, "--help"], capture_output=True, text=True, timeout=10).stdout
    except (OSError, subprocess.SubprocessError):
        return ""


@functools.cache
def _bwrap_features() -> frozenset[str]:
    text = _bwrap_help()
    return frozenset(opt for opt in ("--perms", "--size", "--disable-userns", "--chmod")
                     if opt in text)


def _namespace_flags(level: Isolation, root: bool) -> list[str]:
    if level is Isolation.BUBBLEWRAP:
        flags = ["--unshare-pid", "--unshare-net", "--unshare-ipc", "--unshare-uts",
                 "--unshare-cgroup-try", "--die-with-parent", "--new-session"]
        if root:  # no user namespace: the init drops to the run's uid (needs these 3 capabilities)
            return flags + ["--cap-add", "CAP_SETUID", "--cap-add", "CAP_SETGID",
                            "--cap-add", "CAP_CHOWN"]
        flags.insert(0, "--unshare-user")
        if "--disable-userns" in _bwrap_features():
            flags.append("--disable-userns")
        return flags
    flags = ["--fork", "--pid", "--kill-child", "--mount-proc", "--net"]
    return flags if root else flags + ["--map-current-user"]


@functools.cache
def probe(level: Isolation | str, root: bool | None = None) -> str | None:
    """None when ``level`` works on this machine, else the reason (one line). Cached."""
    level = Isolation(level)
    root = os.geteuid() == 0 if root is None else root
    if level in (Isolation.PROCESS_GROUP, Isolation.OFF):
        return None
    tool = "bwrap" if level is Isolation.BUBBLEWRAP else "unshare"
    exe = shutil.which(tool)
    if not exe:
        return (f"{tool} is not installed (Debian/Ubuntu: apt-get install "
                f"{'bubblewrap' if tool == 'bwrap' else 'util-linux'})")
    if level is Isolation.BUBBLEWRAP:
        if root and "--perms" not in _bwrap_features():
            return "bwrap is too old for a root grader (0.5 or later has --perms)"
        cmd = [exe, *_namespace_flags(level, root), "--ro-bind", "/", "/", "--proc", "/proc",
               "--dev", "/dev", "--", "true"]
    else:
        cmd = [exe, *_namespace_flags(level, root), "--", "true"]
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=20)
    except (OSError, subprocess.SubprocessError) as err:
        return f"{tool} could not run: {err}"
    if done.returncode != 0:
        why = (done.stderr.strip().splitlines() or [f"exit code {done.returncode}"])[-1]
        return f"{tool} cannot create namespaces here: {why}"
    return None


def detect(requested: Isolation | str | None = None) -> Isolation:
    """The level to use: ``requested``, else ``$NICHOS_SANDBOX``, else the strongest that works.

    An explicit level that does not work raises :class:`SandboxUnavailable`; so does ``auto``
    below bubblewrap when ``NICHOS_REQUIRE_SANDBOX`` is set. ``off`` is always available.
    """
    wanted = str(requested or os.environ.get(ENV_VAR) or "auto").strip().lower()
    if wanted != "auto":
        try:
            level = Isolation(wanted)
        except ValueError:
            raise SandboxError(_msg("bad_level", var=ENV_VAR, wanted=wanted,
                                    levels=", ".join(i.value for i in Isolation))) from None
        reason = probe(level)
        if reason:
            raise SandboxUnavailable(_msg("level_unavailable", level=level, reason=reason))
        return level
    for level in (Isolation.BUBBLEWRAP, Isolation.PID_NAMESPACE, Isolation.PROCESS_GROUP):
        if probe(level) is None:
            if level is not Isolation.BUBBLEWRAP and os.environ.get(REQUIRE_ENV_VAR):
                raise SandboxUnavailable(_msg("required", var=REQUIRE_ENV_VAR,
                                              reason=probe(Isolation.BUBBLEWRAP)))
            return level
    raise SandboxUnavailable(_msg("none_works"))  # pragma: no cover - process-group always does


def _msg(key: str, **fields) -> str:
    """The catalogue's ``grading.sandbox.<key>`` (imported here: the sandbox starts without it)."""
    from course_tools.i18n import text

    return text(f"grading.sandbox.{key}", **fields)


def warning(level: Isolation | str, own_user: bool = False, lang: str | None = None) -> str:
    """What an instructor must know about ``level`` (empty for bubblewrap), in ``lang`` (default:
    the language of the ``course`` command)."""
    from course_tools.i18n import text

    level = Isolation(level)
    if level is Isolation.BUBBLEWRAP:
        return ""
    g = guarantees(level, own_user)
    why = probe(Isolation.BUBBLEWRAP) or text("instructor.isolation.asked", lang, var=ENV_VAR, level=level)
    lost = [text("instructor.isolation.lost_read", lang)]
    if not g.protects_files:
        lost[0] += " " + text("instructor.isolation.lost_write", lang)
    for missing, key in ((not g.no_network, "lost_network"), (not g.kills_everything, "lost_daemons"),
                         (not g.process_limit, "lost_forks")):
        if missing:
            lost.append(text(f"instructor.isolation.{key}", lang))
    return text("instructor.isolation.warning", lang, level=level, why=why, lost="; ".join(lost))


@functools.cache
def _pdeathsig() -> tuple[str, ...]:
    exe = shutil.which("setpriv")
    if not exe:
        return ()
    try:
        ok = "--pdeathsig" in subprocess.run([exe, "--help"], capture_output=True, text=True,
                                             timeout=10).stdout
    except (OSError, subprocess.SubprocessError):
        ok = False
    return (exe, "--pdeathsig", "KILL", "--") if ok else ()
