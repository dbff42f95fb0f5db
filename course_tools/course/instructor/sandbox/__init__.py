"""Run a learner's code so that it reaches nothing but its own scratch folder (issue #18).

A :class:`Sandbox` wraps a command (the Jupyter kernel of one submission, or a whole grading
subprocess) in the strongest isolation this machine allows and reports which one it got
(:class:`Isolation`), so the grader can log it per submission and in ``course grade``'s summary.

Threat model
------------
The adversary is a participant whose notebook runs while it is graded and who wants marks without
the work, or to change other people's marks. Their code runs with the grading user's rights
unless something stops it. What each level guarantees (:func:`guarantees`):

==============================  ============  ===============  =================
                                bubblewrap    pid-namespace    process-group
==============================  ============  ===============  =================
sees only scratch + read-only   yes           no               no
  Python, course_tools,
  datasets (not solutions/,
  gradebook.db, submitted/,
  autograded/, other scratch
  folders, the home folder)
writes only its scratch folder  yes           root grader [1]  root grader [1]
no network (own namespace)      yes           yes              no [2]
every process dies with it      yes (kernel)  yes (kernel)     best effort [3]
process limit (fork storm)      yes           yes              root grader [1]
clean environment (no tokens)   yes           yes              root grader [1]
==============================  ============  ===============  =================

[1] When the grader runs as root, the code runs as a user id of its own (one per run, no
name, no group, no capability; at the fallback levels only if Python and the folders are
reachable by other users, else it stays root and the warning says so); it can then write
nothing the grader owns and its process count is its own. A grader that is not root cannot
change user, so at the fallback levels the code can read and write whatever the grading user can.
[2] The kernel still blocks sockets in
Python (:func:`course_tools.course.offline.block_network`), which code can undo. [3] A
subreaper supervisor and a sweep of the run's marker / user id kill what they can find; code
that kills its supervisor and clears its environment can escape when the grader is not root.

* **bubblewrap** (Debian's ``bubblewrap``): new mount, PID, network, IPC, UTS (and, when the
  grader is not root, user) namespaces. The root of the file system is an empty tmpfs with,
  read-only: ``/usr`` and the library folders, a few files of ``/etc`` (no ``shadow``), the
  Python prefixes, the ``course_tools`` folder and ``datasets/`` (never a folder that holds the
  course's ``solutions/`` or gradebook, or the grader's home: :func:`protected_paths`,
  checked before every run); read-write: the scratch
  folders given; a fresh ``/tmp`` (tmpfs) holding ``$HOME``; a new ``/proc`` and ``/dev``.
  ``--die-with-parent`` and ``--new-session``; the namespace's init is killed with the
  command, and the kernel then kills every process of the namespace.
* **pid-namespace** (``unshare --pid --fork --kill-child --mount-proc --net``, util-linux):
  when bubblewrap is missing but namespaces work. Processes and network are isolated, files
  are not.
* **process-group**: no namespace at all (a container without privileges). New session,
  supervisor, sweep; the warning says what is not prevented.
* **off**: nothing (the command runs as before issue #18). Only for tests that show an attack
  succeeds without the sandbox, and for debugging (``NICHOS_SANDBOX=off``).

Every level starts the command through :mod:`._init` (``python -I -S``, standard library
only): ``no_new_privs``, the uid drop of a root grader, then ``RLIMIT_NPROC`` (processes and
threads), ``RLIMIT_AS`` (address space per process), ``RLIMIT_FSIZE`` (largest file) and no core
dumps, soft = hard, set *inside* the namespaces so the process count is the sandbox's own; and the
environment is rebuilt from scratch with ``env -i`` (no ``JUPYTERHUB_API_TOKEN``, no path to the
course folder, no ``JPY_PARENT_PID``).

What TLJH and Zero to JupyterHub need
-------------------------------------
bubblewrap needs unprivileged user namespaces (a grader that is not root) or root. Debian 11+
and Ubuntu allow them by default (``kernel.unprivileged_userns_clone=1``); Ubuntu 23.10+
restricts them with AppArmor (``kernel.apparmor_restrict_unprivileged_userns=1``): give
``/usr/bin/bwrap`` an AppArmor profile with ``userns`` (Ubuntu's ``bwrap-userns-restrict`` or a
local one) or set that sysctl to 0. On TLJH (a VM) that is all. In Kubernetes (Zero to
JupyterHub) the pod's default seccomp profile and masked ``/proc`` block namespaces: run the
grading on a VM/TLJH, or give the instructor's pod ``seccompProfile: Unconfined`` and
``procMount: Unmasked`` (or a user-namespaced pod); otherwise grading falls back to
``process-group`` and says so.

Grading that learner code cannot rewrite
----------------------------------------
Isolation stops the code from *reaching* the solutions; it does not stop it from rewriting the
tests that run in its own kernel (``check = lambda *a, **k: None``, a patched ``math.isclose``
or ``pandas.testing``, an ``int`` whose ``__eq__`` is always true, an IPython input transformer
that empties the next cells). The design, implemented in
:mod:`course_tools.course.instructor.answers` (its docstring has the details):

1. In the learner's sandboxed kernel every test cell (visible and hidden) is replaced by a cell
   that exports the names that test reads (:func:`answers.plan` finds them in the source
   notebook) as **data**: JSON with typed encodings for numbers (``repr``, NaN/inf), strings,
   lists, dicts, sets, NumPy arrays and scalars, pandas Series/DataFrames/Index with their dtypes
   -- never pickle. The test cells never enter that kernel. Code that rewrites the exporter can
   only change its own answers, which is what it could do anyway.
2. A clean ``python -I`` process (not sandboxed: it runs no learner code) decodes the answers
   with strict size, tag and dtype checks, runs the instructor's locked setup cells and each test
   cell of the *source* notebook with its answers bound to their names, and scores each grade
   cell. ``check`` and every helper come from a fresh import there.
3. Oracles (hidden tests, an exercise's ``oracle.py``) live in ``solutions/exNN/`` (never in
   ``course_tools``, which participants have) and are read only by that clean process; the
   sandbox never binds ``solutions/`` or the gradebook.

Detected rather than prevented: answers that fail to export (exporter broken, unsupported
type, more than the size limit) score 0 for the cells that need them, with the reason. What
remains: a learner can still hand in answers found elsewhere (copied from a classmate before
submitting), a disk-filling scratch folder is bounded per file (``RLIMIT_FSIZE``) but not in
total, ``RLIMIT_AS`` bounds each process, not their sum (a cgroup would), and at the fallback
levels the rows of the table above.

Using it
--------
::

    box = Sandbox([scratch], course_dir=course)      # level: NICHOS_SANDBOX or the best available
    result = box.run([sys.executable, "-c", code], timeout=60)
    result.isolation        # "bubblewrap", "pid-namespace", "process-group" or "off"

For a Jupyter kernel (nbclient / nbgrader's ``Execute``), :func:`kernel_manager_class` returns a
``KernelManager`` subclass that wraps the kernel command and talks to the kernel over Unix
sockets in a folder bound into the sandbox (a network namespace has its own loopback). In
grade.py the sandbox goes around its ``LimitedKernelManager`` (whose memory wrapper then runs
inside): ``kernel_manager_class(base=LimitedKernelManager)``, configured with
``sandbox_course_dir``; call :func:`detect` once in the parent before the workers are forked.
"""
from course_tools.course.instructor.sandbox.box import (
    MARKER_VAR,
    PASS_ENV,
    Limits,
    RunResult,
    Sandbox,
    default_read_only,
    protected_paths,
)
from course_tools.course.instructor.sandbox.kernel import kernel_manager_class
from course_tools.course.instructor.sandbox.levels import (
    ENV_VAR,
    REQUIRE_ENV_VAR,
    Guarantees,
    Isolation,
    SandboxError,
    SandboxUnavailable,
    detect,
    guarantees,
    probe,
    warning,
)

__all__ = ["Isolation", "Limits", "Guarantees", "Sandbox", "RunResult", "SandboxError",
           "SandboxUnavailable", "detect", "probe", "guarantees", "warning", "default_read_only",
           "protected_paths", "kernel_manager_class", "ENV_VAR", "REQUIRE_ENV_VAR", "MARKER_VAR",
           "PASS_ENV"]


def __getattr__(name: str):  # config string "course_tools.course.instructor.sandbox.SandboxedKernelManager"
    if name == "SandboxedKernelManager":
        from course_tools.course.instructor.sandbox import kernel

        return kernel.SandboxedKernelManager
    raise AttributeError(name)
