"""The limits a submission's code runs under: output caps, and a kernel with a memory limit.

* **Output.** nbgrader's ``LimitOutput`` keeps 1,000 lines per cell; :class:`CapOutputBytes` (an
  nbgrader preprocessor, added after it) then keeps at most :data:`MAX_OUTPUT_BYTES` of text per cell,
  and :data:`CAP_STARTUP` (run in the kernel at start-up) caps ``stdout``/``stderr`` per cell in the
  kernel itself, so 50 MB of prints never reach the grader.
* **Memory.** :class:`LimitedKernelManager` starts the kernel through :data:`KERNEL_WRAPPER`, which sets
  ``RLIMIT_AS`` (address space, soft and hard) and no core dumps before ipykernel starts, so a cell that
  asks for more gets ``MemoryError``; it writes the kernel's pid to a file so the grader can stop it.

The two classes subclass nbgrader and jupyter_client classes: they are built on first use
(``limits.CapOutputBytes``), so importing this module imports neither.
"""
from __future__ import annotations

from pathlib import Path

from course_tools.course.instructor.lazy import lazy_classes
from course_tools.i18n import text

# CapOutputBytes and LimitedKernelManager are built on first use by the module's __getattr__
__all__ = ["MAX_OUTPUT_BYTES", "TRUNCATED_MARK", "CAP_STARTUP", "KERNEL_WRAPPER", "CapOutputBytes",  # noqa: F822
           "LimitedKernelManager", "cap_text", "build_classes"]  # noqa: F822

#: Text kept per cell of an autograded notebook (after nbgrader's 1,000-line limit).
MAX_OUTPUT_BYTES = 100_000
TRUNCATED_MARK = "... output truncated by the grader / salida recortada por el corrector ..."


def cap_text(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` bytes of UTF-8, with :data:`TRUNCATED_MARK` when it was cut."""
    data = text.encode("utf-8", "replace")
    if len(data) <= limit:
        return text
    return data[:limit].decode("utf-8", "ignore") + "\n" + TRUNCATED_MARK + "\n"


def _spend(text: str, budget: int) -> tuple[str, int]:
    """``text`` capped to what is left of the cell's ``budget`` of bytes, and the budget left after it."""
    return cap_text(text, max(budget, 0)), budget - len(text.encode("utf-8", "replace"))


def _make_cap_output_class():
    from nbgrader.preprocessors import NbGraderPreprocessor
    from traitlets import Integer

    class CapOutputBytes(NbGraderPreprocessor):
        """Keep at most ``max_bytes`` of text per code cell (stream and text outputs).

        nbgrader's ``LimitOutput`` counts lines; one 50 MB line would pass it. Error outputs are
        kept (their traceback is already limited by ``LimitOutput``), so grades are unchanged.
        """

        max_bytes = Integer(MAX_OUTPUT_BYTES, help="bytes of text kept per cell").tag(config=True)

        def preprocess_cell(self, cell, resources, cell_index):
            if cell.cell_type != "code":
                return cell, resources
            budget = self.max_bytes
            for out in cell.get("outputs", []):
                if out.get("output_type") == "stream":
                    out["text"], budget = _spend(out.get("text", ""), budget)
                elif out.get("output_type") in ("execute_result", "display_data"):
                    for mime, value in list(out.get("data", {}).items()):
                        if isinstance(value, list) and value and isinstance(value[0], str):
                            value = "".join(value)
                        if isinstance(value, str):
                            out["data"][mime], budget = _spend(value, budget)
            return cell, resources

    return CapOutputBytes


# Run in the kernel at start-up (in its own namespace): stdout/stderr keep at most MAX_OUTPUT_BYTES
# characters per cell, so 50 MB of prints never reach the grader (nor fill the kernel's memory
# with messages); the counters restart at each cell.
_CAP_CODE = f"""
import sys
class _Capped:
    def __init__(self, stream):
        self._stream, self._n, self._cut = stream, 0, False
    def write(self, text):
        room = {MAX_OUTPUT_BYTES} - self._n
        if room <= 0:
            if not self._cut:
                self._cut = True
                self._stream.write("\\n{TRUNCATED_MARK}\\n")
            return len(text)
        self._n += len(text)
        self._stream.write(text[:room])
        return len(text)
    def reset(self, *args):
        self._n, self._cut = 0, False
    def __getattr__(self, name):
        return getattr(self._stream, name)
_out, _err = _Capped(sys.stdout), _Capped(sys.stderr)
sys.stdout, sys.stderr = _out, _err
get_ipython().events.register("pre_run_cell", lambda *args: (_out.reset(), _err.reset()))
"""
CAP_STARTUP = f"exec({_CAP_CODE!r}, {{'get_ipython': get_ipython}})"

# The kernel command is wrapped so the limit is set in the kernel itself, hard and soft (the
# learner's code cannot raise it again), before ipykernel starts.
KERNEL_WRAPPER = (
    "import resource, runpy, sys\n"
    "_n = int(sys.argv[1])\n"
    "resource.setrlimit(resource.RLIMIT_AS, (_n, _n))\n"
    "resource.setrlimit(resource.RLIMIT_CORE, (0, 0))\n"
    "_mod = sys.argv[2]\n"
    "sys.argv = [_mod] + sys.argv[3:]\n"
    "del _n\n"
    "runpy.run_module(_mod, run_name='__main__', alter_sys=True)\n"
)


def _make_kernel_manager_class():
    from jupyter_client.manager import AsyncKernelManager
    from traitlets import Integer, Unicode

    class LimitedKernelManager(AsyncKernelManager):
        """A kernel manager that starts the kernel with ``RLIMIT_AS`` and records its pid."""

        memory_limit_mb = Integer(1024, help="address-space limit of the kernel, MB").tag(config=True)
        pid_file = Unicode("", help="file where the kernel's pid is written").tag(config=True)

        def format_kernel_cmd(self, extra_arguments=None):
            cmd = super().format_kernel_cmd(extra_arguments)
            if "-m" not in cmd:
                raise RuntimeError(text("grading.limits.kernel_command", cmd=cmd[:3]))
            i = cmd.index("-m")
            limit = int(self.memory_limit_mb) * 2**20
            return [*cmd[:i], "-c", KERNEL_WRAPPER, str(limit), *cmd[i + 1:]]

        async def start_kernel(self, **kw):
            await super().start_kernel(**kw)
            proc = getattr(self.provisioner, "process", None)
            if self.pid_file and proc is not None:
                Path(self.pid_file).write_text(str(proc.pid))

    return LimitedKernelManager


# the two nbgrader/jupyter classes are built on first use
__getattr__ = lazy_classes(__name__, {"CapOutputBytes": _make_cap_output_class,
                                      "LimitedKernelManager": _make_kernel_manager_class})


def build_classes() -> None:
    """Build :class:`CapOutputBytes` and :class:`LimitedKernelManager` now (before forking the workers)."""
    for name in ("CapOutputBytes", "LimitedKernelManager"):
        if name not in globals():
            __getattr__(name)
