"""The first program inside every sandbox of :mod:`course_tools.course.instructor.sandbox`.

Started as ``python -I -S _init.py KEY=VALUE... -- COMMAND...`` (standard library only, no
``course_tools`` import, so a learner's code cannot have changed it), it:

1. forbids gaining privileges again (``PR_SET_NO_NEW_PRIVS``: no setuid program, no file
   capability) and, when the grader runs as root, creates the run's fresh home folder and drops
   to the run's own unprivileged user id (``setgroups([])``, ``setgid``, ``setuid``: every
   capability is lost);
2. sets the resource limits given, soft = hard, so the command cannot raise them
   (``RLIMIT_NPROC``: processes and threads; ``RLIMIT_AS``: address space per process;
   ``RLIMIT_FSIZE``: largest file written; ``RLIMIT_CORE`` 0);
3. runs COMMAND in one of three ways (``mode``):

   * ``exec``: replaces itself by COMMAND (bubblewrap: bubblewrap's own init is PID 1 and
     the kernel kills the whole PID namespace when the command ends);
   * ``init``: stays as PID 1 of the new PID namespace (``unshare --pid``), starts COMMAND in
     its own session, reaps orphans and, when COMMAND ends, kills every other process of the
     namespace (``kill(-1, SIGKILL)``) before it exits;
   * ``supervise``: (no namespace) becomes the *child subreaper* of everything COMMAND starts
     (double-forked daemons are re-parented to it, not to init) and, when COMMAND ends, kills
     every process of the run's user id (root grader) or every descendant (otherwise).

   In both of the last two modes SIGTERM or SIGHUP (the grader stops the run, or dies: the
   supervisor asks for SIGTERM then) kills COMMAND at once and then the rest.

The KEY=VALUE arguments (no JSON: every import costs start-up time): ``mode``, ``uid``, ``gid``
(the run's user, empty: stay), ``home`` (folder to create), ``tmp`` (folder to make 1777),
``NPROC``, ``AS``, ``FSIZE``, ``CORE`` (limits, empty: none) and ``relative`` (1: ``NPROC``
counts on top of the user's current processes, for a grader that is not root).
"""
import os
import resource
import signal
import sys

PR_SET_PDEATHSIG = 1
PR_SET_CHILD_SUBREAPER = 36
PR_SET_NO_NEW_PRIVS = 38


def _prctl(option, value):
    import ctypes  # only where needed: it is the slowest import of this start-up

    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(option, value, 0, 0, 0) != 0:
        raise OSError(ctypes.get_errno(), f"prctl({option}) failed")


def _status_uid(pid):
    try:
        with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as f:
            for line in f:
                if line.startswith("Uid:"):
                    return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return None


def _tasks_of(uid):
    """Processes and threads whose real user id is ``uid`` (what RLIMIT_NPROC counts)."""
    n = 0
    for name in os.listdir("/proc"):
        if name.isdigit() and _status_uid(name) == uid:
            try:
                n += len(os.listdir(f"/proc/{name}/task"))
            except OSError:
                pass
    return n


def _become_run_user(spec):
    uid, gid, home = spec.get("uid"), spec.get("gid"), spec.get("home")
    if spec.get("tmp"):
        os.chmod(spec["tmp"], 0o1777)
    if home:
        os.makedirs(home, mode=0o700, exist_ok=True)
        if uid is not None:
            os.chown(home, uid, gid)
    if uid is not None:
        os.setgroups([])
        os.setgid(gid)
        os.setuid(uid)
        if os.getuid() != uid or os.geteuid() != uid:
            raise OSError("could not drop to the run's user id")


def _set_limits(spec):
    for name in ("NPROC", "AS", "FSIZE", "CORE"):
        value = spec.get(name)
        if value is None:
            continue
        if name == "NPROC" and spec.get("relative"):
            value = value + _tasks_of(os.getuid())
        resource.setrlimit(getattr(resource, "RLIMIT_" + name), (value, value))


def _descendants(root):
    children = {}
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                with open(f"/proc/{name}/stat", encoding="ascii", errors="replace") as f:
                    ppid = int(f.read().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
            children.setdefault(ppid, []).append(int(name))
    found, todo = [], [root]
    while todo:
        for pid in children.get(todo.pop(), []):
            found.append(pid)
            todo.append(pid)
    return found


def _left(mode, own_uid):
    """The processes still to kill: the namespace's others (init), the run user's others, or
    this supervisor's descendants."""
    me = os.getpid()
    if mode == "init":  # /proc is the namespace's own (unshare --mount-proc)
        return [int(n) for n in os.listdir("/proc") if n.isdigit() and int(n) != me]
    if own_uid:
        uid = os.getuid()
        return [int(n) for n in os.listdir("/proc")
                if n.isdigit() and int(n) != me and _status_uid(n) == uid]
    return _descendants(me)


def _kill_rest(mode, own_uid):
    """Kill every process the command left behind and reap them (at most 5 seconds)."""
    import time

    for _ in range(500):
        if mode == "init" or own_uid:
            try:
                os.kill(-1, signal.SIGKILL)  # everything this process may signal, but itself
            except ProcessLookupError:
                pass
        for pid in _left(mode, own_uid):
            try:
                os.kill(pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass
        try:
            while os.waitpid(-1, os.WNOHANG)[0] > 0:
                pass
        except ChildProcessError:
            pass
        if not _left(mode, own_uid):
            return
        time.sleep(0.01)


def _supervise(cmd, mode, own_uid):
    if mode == "supervise":
        _prctl(PR_SET_CHILD_SUBREAPER, 1)
    child = os.fork()
    if child == 0:
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        if mode == "init":
            os.setsid()  # its own session: an interrupt of its group never reaches PID 1
        try:
            os.execvp(cmd[0], cmd)
        except OSError as err:
            print(f"nichos sandbox: cannot run {cmd[0]}: {err}", file=sys.stderr, flush=True)
        os._exit(127)

    def stop(signum, frame):  # the run is being stopped (or the grader died): end it all
        try:
            os.kill(child, signal.SIGKILL)
        except ProcessLookupError:
            pass

    for signum in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, stop)
    # an interrupt of the process group reaches the command already (or comes as a message)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    status = 0
    while True:
        try:
            pid, st = os.wait()
        except ChildProcessError:
            break
        if pid == child:
            status = st
            break
    for signum in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
        signal.signal(signum, signal.SIG_IGN)
    _kill_rest(mode, own_uid)
    code = os.waitstatus_to_exitcode(status)
    return 128 - code if code < 0 else code


def _parse(argv):
    """``KEY=VALUE ... -- COMMAND...``: integers for uid, gid and the limits, empty = none."""
    end = argv.index("--")
    spec = {}
    for item in argv[1:end]:
        key, _, value = item.partition("=")
        spec[key] = (int(value) if key in ("uid", "gid", "NPROC", "AS", "FSIZE", "CORE", "relative")
                     else value) if value != "" else None
    return spec, argv[end + 1:]


def main(argv):
    spec, cmd = _parse(argv)
    if not cmd:
        print("nichos sandbox: no command", file=sys.stderr)
        return 2
    mode = spec.get("mode") or "exec"
    parent = os.getppid()
    if mode != "exec":  # bubblewrap has set it already
        _prctl(PR_SET_NO_NEW_PRIVS, 1)
    _become_run_user(spec)
    # a parent-death signal is cleared when the user id changes, so it is set after the drop:
    # the supervisor cleans up on SIGTERM; PID 1 of unshare's namespace gets its --kill-child
    # SIGKILL back (its death ends the namespace)
    if mode == "supervise":
        _prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
        if os.getppid() != parent:  # the grader died before that
            return 1
    elif mode == "init":
        _prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    _set_limits(spec)
    if mode == "exec":
        try:
            os.execvp(cmd[0], cmd)
        except OSError as err:
            print(f"nichos sandbox: cannot run {cmd[0]}: {err}", file=sys.stderr)
            return 127
    return _supervise(cmd, mode, spec.get("uid") is not None)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
