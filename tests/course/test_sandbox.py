"""The grading sandbox (course_tools/course/instructor/sandbox/) against the attacks of issue #18.

Each attack runs as a small Python program inside a :class:`Sandbox` at every isolation level
this machine has, and the test checks the outcome the level promises (``box.guarantees``): at
``bubblewrap`` every attack fails; at ``off`` (no isolation, as grading was before) every attack
succeeds, which shows that each test would catch a sandbox that lets the attack through. The
fallback levels are forced with ``level=`` and behave as their guarantees say.

The course folder is a small stand-in made by the fixture (``solutions/ex05/ex05.ipynb`` and
``gradebook.db`` with a secret line, another student's submission and another worker's scratch
folder); the files are hashed before and after each attack.

bubblewrap: these tests skip only when ``bwrap`` is not installed and ``NICHOS_REQUIRE_SANDBOX``
is not set; with it set (CI) they fail instead. A ``bwrap`` that is installed but cannot create
namespaces is a failure: this machine could not isolate grading.
"""
from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
from pathlib import Path

import psutil
import pytest

import course_tools
from course_tools.course.instructor import sandbox as sb
from course_tools.course.instructor.sandbox import Isolation, Limits, Sandbox, levels
from course_tools.course.instructor.sandbox import box as box_module

SECRET = "the answer of q1 is 42 / la respuesta es 42"
SYSTEM_PYTHON = "/usr/bin/python3"


def require(level: Isolation) -> None:
    """Skip or fail when ``level`` does not work here (see the module docstring)."""
    reason = sb.probe(level)
    if reason is None:
        return
    if os.environ.get(sb.REQUIRE_ENV_VAR):
        pytest.fail(f"{sb.REQUIRE_ENV_VAR} is set but isolation {level} does not work: {reason}")
    if level is Isolation.BUBBLEWRAP and shutil.which("bwrap"):
        pytest.fail(f"bwrap is installed but cannot isolate grading here: {reason}")
    pytest.skip(f"isolation {level} is not available here: {reason}")


# (level, interpreter) pairs: the system Python lets a root grader drop to a user of its own at
# the fallback levels (the course's venv may live in root's private home, as on this machine)
VARIANTS = [
    pytest.param("bubblewrap", None, id="bubblewrap"),
    pytest.param("pid-namespace", None, id="pid-namespace"),
    pytest.param("process-group", None, id="process-group"),
    pytest.param("pid-namespace", SYSTEM_PYTHON, id="pid-namespace-system-python"),
    pytest.param("process-group", SYSTEM_PYTHON, id="process-group-system-python"),
    pytest.param("off", None, id="off"),
]


@pytest.fixture
def world():
    """A course folder, the scratch folder of the submission being graded, another worker's."""
    base = Path(tempfile.mkdtemp(prefix="nichos-sandbox-test-", dir="/tmp"))
    base.chmod(0o755)  # reachable by the run's own user (root grader, fallback levels)
    course = base / "course"
    (course / "solutions" / "ex05").mkdir(parents=True)
    (course / "solutions" / "ex05" / "ex05.ipynb").write_text(SECRET)
    (course / "gradebook.db").write_text(SECRET)
    (course / "nbgrader_config.py").write_text("c = get_config()\n")
    (course / "submitted" / "bob" / "ex05").mkdir(parents=True)
    (course / "submitted" / "bob" / "ex05" / "ex05.ipynb").write_text("bob's work")
    (course / "autograded").mkdir()
    scratch = base / "work" / "jobs" / "ana"
    other = base / "work" / "jobs" / "bob"
    scratch.mkdir(parents=True)
    other.mkdir(parents=True)
    (other / "answers.json").write_text(SECRET)
    for d in (base / "work", base / "work" / "jobs", scratch, other):
        d.chmod(0o755)
    yield {"base": base, "course": course, "scratch": scratch, "other": other}
    shutil.rmtree(base, ignore_errors=True)


def digest(*folders: Path) -> dict[str, str]:
    out = {}
    for folder in folders:
        for p in sorted(folder.rglob("*")):
            out[str(p)] = hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else "dir"
    return out


def make_box(level: str, python: str | None, world, **kw) -> Sandbox:
    require(Isolation(level))
    if python is not None:
        if not os.access(python, os.X_OK):
            pytest.skip(f"no {python}")
        kw.setdefault("read_only", [])
        kw["python"] = python
    return Sandbox([world["scratch"]], level=level, course_dir=world["course"], **kw)


def attack(box: Sandbox, code: str, timeout: float = 60, **kw) -> dict:
    """Run ``code`` (its last line prints a JSON object) in ``box`` and return that object."""
    python = box.python if box.level is not Isolation.OFF else sys.executable
    result = box.run([python, "-c", textwrap.dedent(code)], timeout=timeout, **kw)
    assert result.isolation == str(box.level)
    lines = result.stdout.strip().splitlines()
    assert lines, f"the attack printed nothing; stderr: {result.stderr[-2000:]}"
    return json.loads(lines[-1])


def tagged(tag: str) -> list[psutil.Process]:
    """Live processes whose environment carries ``tag`` (every process an attack starts)."""
    found = []
    for p in psutil.process_iter():
        try:
            if p.environ().get("NICHOS_TEST_TAG") == tag and p.status() != psutil.STATUS_ZOMBIE:
                found.append(p)
        except (psutil.Error, OSError):
            continue
    return found


@pytest.fixture
def tag(monkeypatch):
    """A tag in the environment of every process an attack starts; they are killed afterwards."""
    value = os.urandom(6).hex()
    monkeypatch.setenv("NICHOS_TEST_TAG", value)  # reaches the command when the sandbox is off
    yield value
    for p in tagged(value):
        with contextlib.suppress(psutil.NoSuchProcess):  # it may end between the listing and the kill
            p.kill()


# --------------------------------------------------------------------------------------------
# the levels and their promises

def test_bubblewrap_prevents_everything_and_off_nothing():
    assert all(vars(sb.guarantees("bubblewrap")).values())
    assert not any(vars(sb.guarantees("off")).values())
    for level in ("pid-namespace", "process-group"):
        g = sb.guarantees(level, own_user=False)
        assert not g.hides_files and not g.protects_files
    assert sb.guarantees("pid-namespace").no_network and not sb.guarantees("process-group").no_network


def test_detect_follows_the_environment(monkeypatch):
    monkeypatch.setenv(sb.ENV_VAR, "off")
    assert sb.detect() is Isolation.OFF
    monkeypatch.setenv(sb.ENV_VAR, "process-group")
    assert sb.detect() is Isolation.PROCESS_GROUP
    assert sb.detect("off") is Isolation.OFF  # an argument wins
    monkeypatch.setenv(sb.ENV_VAR, "chroot")
    with pytest.raises(sb.SandboxError, match="use auto"):
        sb.detect()


def test_auto_falls_back_with_a_warning_or_refuses_when_required(monkeypatch, caplog, world):
    real = sb.probe
    monkeypatch.setattr(levels, "probe", lambda level, root=None: (
        "bwrap is not installed" if Isolation(level) is Isolation.BUBBLEWRAP else real(level)))
    monkeypatch.delenv(sb.ENV_VAR, raising=False)
    monkeypatch.delenv(sb.REQUIRE_ENV_VAR, raising=False)
    level = sb.detect()
    assert level in (Isolation.PID_NAMESPACE, Isolation.PROCESS_GROUP)
    monkeypatch.setattr(box_module, "_warned", set())  # the warning is said once per process
    monkeypatch.setenv("NICHOS_LANG", "en")
    with caplog.at_level("WARNING"):
        box = Sandbox([world["scratch"]])
    assert box.level is level
    assert f"isolation '{level}', not bubblewrap (bwrap is not installed)" in caplog.text
    assert "can READ every file" in caplog.text  # in the language of the course command (English here)
    assert levels.warning(level, box.own_user, lang="es").startswith("AVISO: la calificación se ejecuta")
    monkeypatch.setenv(sb.REQUIRE_ENV_VAR, "1")
    with pytest.raises(sb.SandboxUnavailable, match="bwrap is not installed"):
        sb.detect()
    with pytest.raises(sb.SandboxUnavailable, match="bwrap is not installed"):
        sb.detect("bubblewrap")


def test_the_sandbox_refuses_to_expose_the_course(world):
    course = world["course"]
    with pytest.raises(sb.SandboxError, match="would expose"):
        Sandbox([course], level="off", course_dir=course)
    with pytest.raises(sb.SandboxError, match="would expose"):
        Sandbox([world["scratch"]], extra_read_only=[course], level="off", course_dir=course)
    with pytest.raises(sb.SandboxError, match="would expose"):  # the grading user's home
        Sandbox([world["scratch"]], extra_read_only=[Path.home()], level="off",
                course_dir=course)


def test_default_read_only_is_python_the_package_and_the_datasets():
    from course_tools.paths import ROOT, datasets_dir

    ro = sb.default_read_only()
    assert Path(os.path.realpath(ROOT / "course_tools")) in ro
    assert datasets_dir() in ro or any(p in datasets_dir().parents for p in ro)
    assert not any(p == ROOT.resolve() or p in (ROOT / "solutions").resolve().parents for p in ro)


# --------------------------------------------------------------------------------------------
# attacks

READ = """
import json, os
targets = {targets!r}
got = {{}}
for name, path in targets.items():
    try:
        got[name] = {secret!r} in open(path).read()
    except OSError:
        got[name] = False
print(json.dumps(got))
"""


@pytest.mark.parametrize("level,python", VARIANTS)
def test_reading_solutions_gradebook_and_other_scratch(level, python, world):
    box = make_box(level, python, world)
    course = world["course"]
    targets = {"solutions": str(course / "solutions" / "ex05" / "ex05.ipynb"),
               "gradebook": str(course / "gradebook.db"),
               "other scratch": str(world["other"] / "answers.json")}
    got = attack(box, READ.format(targets=targets, secret=SECRET))
    hidden = box.guarantees.hides_files
    assert got == {name: not hidden for name in targets}, (level, got)


WRITE = """
import json, os
got = {{}}
for name, path in {targets!r}.items():
    try:
        with open(path, "a") as f:
            f.write("pwned")
        got[name] = True
    except OSError:
        got[name] = False
try:
    with open({scratch!r} + "/mine.txt", "w") as f:
        f.write("my own scratch is writable")
    got["own scratch"] = True
except OSError:
    got["own scratch"] = False
print(json.dumps(got))
"""


@pytest.mark.parametrize("level,python", VARIANTS)
def test_writing_outside_scratch_leaves_the_course_byte_for_byte(level, python, world):
    box = make_box(level, python, world)
    course, other = world["course"], world["other"]
    before = digest(course, other)
    targets = {"solutions": str(course / "solutions" / "ex05" / "ex05.ipynb"),
               "gradebook": str(course / "gradebook.db"),
               "new file in course": str(course / "injected.txt"),
               "bob's submission": str(course / "submitted" / "bob" / "ex05" / "ex05.ipynb"),
               "bob's scratch": str(other / "answers.json")}
    got = attack(box, WRITE.format(targets=targets, scratch=str(world["scratch"])))
    assert got.pop("own scratch") is True
    protected = box.guarantees.protects_files
    assert got == {name: not protected for name in targets}, (level, got)
    assert (digest(course, other) == before) is protected
    mine = world["scratch"] / "mine.txt"
    assert mine.read_text() == "my own scratch is writable"
    assert mine.stat().st_uid == os.geteuid()  # given back to the grader after the run


def test_scratch_files_get_their_owners_back(world):
    box = make_box("bubblewrap", None, world)
    if not box.own_user:
        pytest.skip("the grader is not root: the code runs as the grader")
    kept = world["scratch"] / "submitted.ipynb"
    kept.write_text("{}")
    os.chown(kept, 12345, 12345)
    seen = attack(box, f"""
        import json, os
        print(json.dumps({{"uid": os.getuid(), "owner": os.stat({str(kept)!r}).st_uid}}))""")
    assert seen["uid"] == box.uid == seen["owner"]  # the run's own user, owner of its scratch
    assert kept.stat().st_uid == 12345


def test_giving_files_back_never_follows_a_link_out_of_scratch(world):
    box = make_box("bubblewrap", None, world)
    if not box.own_user:
        pytest.skip("the grader is not root: nothing changes owner")
    gradebook, solutions = world["course"] / "gradebook.db", world["course"] / "solutions"
    os.chown(gradebook, 0, 42)
    before = [(p.stat().st_uid, p.stat().st_gid) for p in (gradebook, solutions)]
    attack(box, f"""
        import json, os
        os.symlink({str(gradebook)!r}, "link-to-gradebook")   # dangling inside, real outside
        os.symlink({str(solutions)!r}, "link-to-solutions")
        print(json.dumps({{}}))""")
    assert [(p.stat().st_uid, p.stat().st_gid) for p in (gradebook, solutions)] == before
    assert (world["scratch"] / "link-to-gradebook").lstat().st_uid == os.geteuid()


@pytest.fixture
def host_server():
    """A TCP server on the host's loopback that answers 'hello'."""
    srv = socket.socket()
    srv.bind(("127.0.0.1", 0))
    srv.listen(5)
    stop = threading.Event()

    def serve():
        srv.settimeout(0.2)
        while not stop.is_set():
            try:
                conn, _ = srv.accept()
            except OSError:
                continue
            conn.sendall(b"hello")
            conn.close()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield srv.getsockname()[1]
    stop.set()
    thread.join(2)
    srv.close()


NETWORK = """
import json, socket
s = socket.socket()
s.settimeout(3)
try:
    s.connect(("127.0.0.1", {port}))
    got = s.recv(5).decode()
except OSError as err:
    got = type(err).__name__
print(json.dumps({{"got": got}}))
"""


@pytest.mark.parametrize("level,python", VARIANTS)
def test_no_network_reaches_the_host(level, python, world, host_server):
    box = make_box(level, python, world)
    got = attack(box, NETWORK.format(port=host_server))["got"]
    if box.guarantees.no_network:
        assert got in ("ConnectionRefusedError", "OSError", "TimeoutError"), got
    else:
        assert got == "hello"


DETACH = """
import json, os, sys, time
late = {late!r}
pid = os.fork()
if pid == 0:                      # a daemon: new session, second fork, stdio closed
    os.setsid()
    if os.fork():
        os._exit(0)
    for fd in (0, 1, 2):
        os.close(fd)
    time.sleep(1.5)
    with open(late, "w") as f:
        f.write("I outlived grading")
    time.sleep(30)
    os._exit(0)
os.waitpid(pid, 0)
print(json.dumps({{"started": True}}))
"""


@pytest.mark.parametrize("level,python", VARIANTS)
def test_a_detached_daemon_is_gone_when_the_run_ends(level, python, world, tag):
    box = make_box(level, python, world, env={"NICHOS_TEST_TAG": tag})
    late = world["base"] / "late.txt"
    world["base"].chmod(0o777)  # so that a surviving daemon could write there, at every level
    assert attack(box, DETACH.format(late=str(late)))["started"]
    survivors = tagged(tag)
    time.sleep(2)
    if box.level is Isolation.OFF:
        assert survivors and late.read_text() == "I outlived grading"
    else:  # process-group without its own user: its supervisor still catches a plain daemon
        assert survivors == [] and not late.exists()


ESCAPE = """
import json, os, signal, sys, time
supervisor = os.getppid() if {kill_parent} else None  # process-group: the supervisor
pid = os.fork()
if pid == 0:
    os.setsid()
    if os.fork():
        os._exit(0)
    if supervisor:
        os.kill(supervisor, signal.SIGKILL)   # the supervisor first, then a daemon with no marker
    os.execve(sys.executable, [sys.executable, "-c",
              "import time, os; time.sleep(1.5); open({late!r}, 'w').write('escaped'); time.sleep(30)"],
              {{"NICHOS_TEST_TAG": os.environ.get("NICHOS_TEST_TAG", "")}})
os.waitpid(pid, 0)
print(json.dumps({{"started": True}}), flush=True)
"""


@pytest.mark.parametrize("level,python", VARIANTS)
def test_killing_the_supervisor_escapes_only_the_weakest_level(level, python, world, tag):
    """The residual risk of ``process-group`` when the grader is not root (or cannot drop):
    code that kills its supervisor and clears its marker outlives grading."""
    box = make_box(level, python, world, env={"NICHOS_TEST_TAG": tag})
    late = world["base"] / "late.txt"
    world["base"].chmod(0o777)
    # only process-group has a supervisor to kill: in a namespace the parent is its init, which
    # its own processes cannot kill, and with the sandbox off it is the grader
    kill_parent = box.level is Isolation.PROCESS_GROUP
    assert attack(box, ESCAPE.format(kill_parent=kill_parent, late=str(late)))["started"]
    time.sleep(2)
    escaped = late.exists()
    assert escaped == (not box.guarantees.kills_everything), (level, escaped)


def forks(most: int, sleep: float) -> str:
    """Code that forks up to ``most`` children sleeping ``sleep`` seconds and counts them in ``n`` (it
    stops by itself, so it is safe without a sandbox)."""
    return (f"import os, time\nn = 0\ntry:\n    for _ in range({most}):\n        if os.fork() == 0:\n"
            f"            time.sleep({sleep})\n            os._exit(0)\n        n += 1\nexcept OSError:\n    pass\n")


def fork_storm(most: int) -> str:
    return "import json\n" + forks(most, 3) + 'print(json.dumps({"forked": n}))\n'


@pytest.mark.parametrize("level,python", VARIANTS)
def test_a_fork_storm_is_bounded(level, python, world, tag):
    most = 150  # the attack stops by itself there, so it is safe without a sandbox
    box = make_box(level, python, world, env={"NICHOS_TEST_TAG": tag}, limits=Limits(processes=40))
    t0 = time.perf_counter()
    forked = attack(box, fork_storm(most))["forked"]
    if box.guarantees.process_limit:
        assert forked < 40
    else:
        assert forked == most
    if box.guarantees.kills_everything:
        assert tagged(tag) == [] and time.perf_counter() - t0 < 3


IGNORE_TERM = """
import json, os, signal, sys, time
signal.signal(signal.SIGTERM, signal.SIG_IGN)
signal.signal(signal.SIGINT, signal.SIG_IGN)
if os.fork() == 0:
    time.sleep(60)
    os._exit(0)
print(json.dumps({"started": True}), flush=True)
time.sleep(60)
"""


@pytest.mark.parametrize("level,python", VARIANTS)
def test_a_process_ignoring_sigterm_is_killed_at_the_time_limit(level, python, world, tag):
    box = make_box(level, python, world, env={"NICHOS_TEST_TAG": tag})
    t0 = time.perf_counter()
    result = box.run([box.python, "-c", IGNORE_TERM], timeout=2)
    assert result.timed_out and time.perf_counter() - t0 < 10
    assert '"started": true' in result.stdout
    if box.guarantees.kills_everything:
        assert tagged(tag) == []


ENVIRON = """
import json, os
leaks = [k for k, v in os.environ.items() if "secret-token" in v]
for pid in os.listdir("/proc"):
    if pid.isdigit():
        try:
            if b"secret-token" in open(f"/proc/{pid}/environ", "rb").read():
                leaks.append(f"/proc/{pid}/environ")
        except OSError:
            pass
print(json.dumps({"leaks": leaks, "home": os.environ.get("HOME")}))
"""


@pytest.mark.parametrize("level,python", VARIANTS)
def test_no_token_of_the_grader_reaches_the_code(level, python, world, monkeypatch):
    monkeypatch.setenv("JUPYTERHUB_API_TOKEN", "secret-token")
    box = make_box(level, python, world)
    # the instructor's Jupyter server: a process of the grading user started with the token
    server = subprocess.Popen(["sleep", "60"], env=dict(os.environ))
    try:
        got = attack(box, ENVIRON)
    finally:
        server.kill()
        server.wait()
    if box.guarantees.clean_environment:
        assert got["leaks"] == [] and got["home"] != str(Path.home())
    else:
        assert got["leaks"]


def test_the_grader_home_is_hidden(world):
    box = make_box("bubblewrap", None, world)
    fd, name = tempfile.mkstemp(dir=Path.home(), prefix=".nichos-sandbox-test-")
    os.write(fd, SECRET.encode())
    os.close(fd)
    try:
        got = attack(box, READ.format(targets={"home file": name}, secret=SECRET))
        assert got == {"home file": False}
        off = Sandbox([world["scratch"]], level="off", course_dir=world["course"])
        assert attack(off, READ.format(targets={"home file": name}, secret=SECRET)) == {
            "home file": True}
    finally:
        os.unlink(name)


def test_the_course_package_and_datasets_are_readable_not_writable(world):
    from course_tools.paths import datasets_dir

    box = make_box("bubblewrap", None, world)
    package = Path(course_tools.__file__).resolve().parent
    got = attack(box, f"""
        import json, os
        import course_tools.course.checks.ex05 as checks
        data = sorted(os.listdir({str(datasets_dir())!r}))
        try:
            open({str(package / "paths.py")!r}, "a").write("# pwned")
            wrote = True
        except OSError:
            wrote = False
        print(json.dumps({{"checks": checks.checks.exercise, "datasets": len(data), "wrote": wrote}}))""")
    assert got == {"checks": "ex05", "datasets": len(os.listdir(datasets_dir())), "wrote": False}


def test_memory_limit_applies_to_every_process(world):
    box = make_box("bubblewrap", None, world, limits=Limits(memory_mb=300))
    got = attack(box, """
        import json
        try:
            block = bytearray(600 * 2**20)
            got = "allocated"
        except MemoryError:
            got = "MemoryError"
        print(json.dumps({"got": got}))""")
    assert got == {"got": "MemoryError"}


def test_run_reports_its_isolation_and_time(world):
    box = make_box("bubblewrap", None, world)
    result = box.run(["true"])
    assert (result.returncode, result.isolation, result.timed_out, result.leftovers) == (
        0, "bubblewrap", False, 0)
    assert 0 < result.seconds < 10


NOT_ROOT = "import json\n" + forks(100, 2) + """
got = {"uid": os.getuid(), "forked": n, "home_writable": os.access(os.environ["HOME"], os.W_OK)}
try:
    got["read"] = open(SOLUTIONS).read() == SECRET
except OSError as err:
    got["read"] = type(err).__name__
try:
    open(INJECT, "w").write("pwned")
    got["write"] = "wrote"
except OSError as err:
    got["write"] = type(err).__name__
print(json.dumps(got))
"""


def test_a_grader_that_is_not_root_gets_the_same_isolation(world):
    """On a hub the grader is the instructor's user, not root: bubblewrap then makes a user
    namespace and the process limit counts the sandbox's own processes. Simulated here by running
    the command bubblewrap would get from such a grader as ``nobody`` (with the system Python,
    which ``nobody`` can reach)."""
    require(Isolation.BUBBLEWRAP)
    if os.geteuid() != 0 or not os.access(SYSTEM_PYTHON, os.X_OK) or not shutil.which("setpriv"):
        pytest.skip("needs root (to become nobody), setpriv and the system Python")
    from course_tools.course.instructor.sandbox.box import INIT

    as_nobody = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--"]
    if subprocess.run([*as_nobody, "test", "-r", str(INIT)]).returncode != 0:
        # a real grader reads its own course_tools; this checkout sits where only its owner can enter
        pytest.skip(f"nobody cannot read {INIT} (the checkout is in a folder only its owner enters, e.g. /root)")
    for p in [world["base"], *world["base"].rglob("*")]:
        os.chown(p, 65534, 65534)
    box = Sandbox([world["scratch"]], level="bubblewrap", python=SYSTEM_PYTHON, read_only=[],
                  limits=Limits(processes=30), course_dir=world["course"])
    box.root, box.uid = False, None  # the command a grader that is not root builds
    code = (f"SECRET = {SECRET!r}\nSOLUTIONS = {str(world['course'] / 'solutions/ex05/ex05.ipynb')!r}"
            f"\nINJECT = {str(world['course'] / 'injected.txt')!r}\n" + NOT_ROOT)
    cmd = [*as_nobody, *box.command([SYSTEM_PYTHON, "-c", code])]
    done = subprocess.run(cmd, cwd=world["scratch"], capture_output=True, text=True, timeout=60)
    got = json.loads(done.stdout.strip().splitlines()[-1])
    assert got == {"uid": 65534, "forked": got["forked"], "home_writable": True,
                   "read": "FileNotFoundError", "write": "FileNotFoundError"}, done.stderr
    assert got["forked"] < 30


GRADER = """
import subprocess, sys, time
from course_tools.course.instructor.sandbox import Sandbox
box = Sandbox([{scratch!r}], level={level!r}, env={{"NICHOS_TEST_TAG": {tag!r}}}{python})
box.prepare()
child = ("import os, time\\nfor _ in range(3):\\n    if os.fork() == 0:\\n"
         "        os.setsid()\\n        break\\ntime.sleep(60)")
proc = subprocess.Popen(box.command([box.python, "-c", child]),
                        cwd={scratch!r})
print("ready", box.home, flush=True)
time.sleep(60)
"""


@pytest.mark.parametrize("level,python", VARIANTS)
def test_everything_dies_with_a_killed_grader(level, python, world, tag):
    """The grading parent kills a worker at the wall clock with SIGKILL: nothing the learner's
    code started may outlive it (bubblewrap: --die-with-parent; unshare: setpriv's parent-death
    signal; process-group: the supervisor's, which then kills the rest)."""
    box = make_box(level, python, world)  # skips or fails like the others
    extra = f", python={python!r}, read_only=[]" if python else ""
    code = GRADER.format(scratch=str(world["scratch"]), level=level, tag=tag, python=extra)
    grader = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True,
                              cwd=str(Path(course_tools.__file__).parent.parent))
    home = ""
    try:
        ready, home = grader.stdout.readline().split()
        assert ready == "ready"
        time.sleep(1)
        assert len(tagged(tag)) >= 4  # the command and its three children
        grader.kill()
        grader.wait()
        time.sleep(1.5)
        left = tagged(tag)
        if box.level is Isolation.OFF:
            assert left
        else:
            assert left == [], [p.cmdline() for p in left]
    finally:
        grader.kill()
        if home.startswith(tempfile.gettempdir() + "/nichos-sandbox-home-"):  # a fallback's own
            shutil.rmtree(home, ignore_errors=True)  # (the killed grader could not remove it)
