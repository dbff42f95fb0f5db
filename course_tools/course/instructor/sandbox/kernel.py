"""A Jupyter kernel in the sandbox: a ``KernelManager`` subclass for nbclient / nbgrader.

See the package docstring (:mod:`course_tools.course.instructor.sandbox`) for the design.
"""
from __future__ import annotations

import functools
import os
import shutil
import tempfile
from pathlib import Path

from course_tools.course.instructor.lazy import lazy_classes
from course_tools.course.instructor.sandbox.box import Limits, Sandbox

__all__ = ["kernel_manager_class"]  # + SandboxedKernelManager, built on first use


def kernel_manager_class(base: type | None = None) -> type:
    """A subclass of ``base`` (default ``jupyter_client``'s ``AsyncKernelManager``) whose kernel
    runs in a :class:`Sandbox`.

    Configure it with ``sandbox_writable`` (the kernel's working folder when empty),
    ``sandbox_read_only`` (extra), ``sandbox_course_dir`` (its protected paths are checked),
    ``sandbox_level``, ``sandbox_processes``, ``sandbox_memory_mb`` (0: none). The kernel
    talks over Unix sockets in a private folder bound into the sandbox, and is interrupted with
    an ``interrupt_request`` message (signals do not cross the PID namespace). After a start,
    ``km.isolation`` is the level it got; after shutdown ``km.sandbox_leftovers`` the processes
    the sweep killed. Wrap the outermost command: for a base that rewrites the kernel command
    itself (grade.py's ``LimitedKernelManager``), pass it as ``base``.
    """
    return _kernel_manager_class(base)


@functools.cache
def _kernel_manager_class(base: type | None) -> type:
    from jupyter_client.manager import AsyncKernelManager
    from traitlets import Integer, List, Unicode

    class SandboxedKernelManager(base or AsyncKernelManager):
        sandbox_writable = List(Unicode(), help="read-write folders").tag(config=True)
        sandbox_read_only = List(Unicode(), help="read-only folders besides the default").tag(
            config=True)
        sandbox_course_dir = Unicode("", help="course folder kept out of reach").tag(config=True)
        sandbox_level = Unicode("", help="isolation level ('' = NICHOS_SANDBOX or the best)").tag(
            config=True)
        sandbox_processes = Integer(256, help="processes + threads of the kernel").tag(config=True)
        sandbox_memory_mb = Integer(0, help="address space per process, MB (0: none)").tag(
            config=True)

        sandbox: Sandbox | None = None
        sandbox_leftovers = 0
        _sandbox_runtime: Path | None = None

        @property
        def isolation(self) -> str | None:
            return None if self.sandbox is None else str(self.sandbox.level)

        async def _async_pre_start_kernel(self, **kw):
            if self.sandbox is None:
                runtime = Path(tempfile.mkdtemp(prefix="nichos-k-"))
                self._sandbox_runtime = runtime
                writable = list(self.sandbox_writable) or [kw.get("cwd") or os.getcwd()]
                self.sandbox = Sandbox(
                    [*writable, runtime], extra_read_only=list(self.sandbox_read_only),
                    level=self.sandbox_level or None, course_dir=self.sandbox_course_dir or None,
                    # 1: no parent poller (its parent is an init), no "connect with --existing" banner
                    env={"JPY_PARENT_PID": "1"},
                    limits=Limits(processes=self.sandbox_processes,
                                  memory_mb=self.sandbox_memory_mb or None))
                self.transport = "ipc"
                self.connection_file = str(runtime / "kernel.json")
                self.ip = str(runtime / "k")
            self.kernel_spec.interrupt_mode = "message"
            return await super()._async_pre_start_kernel(**kw)

        def format_kernel_cmd(self, extra_arguments=None):
            cmd = super().format_kernel_cmd(extra_arguments)
            if self.sandbox is None:
                return cmd
            self.sandbox.prepare()  # the connection file exists now: the run's user reads it
            return self.sandbox.command(cmd, cwd=self._launch_args.get("cwd"))

        async def _async_cleanup_resources(self, restart: bool = False) -> None:
            await super()._async_cleanup_resources(restart=restart)
            if self.sandbox is not None and not restart:
                self.sandbox_leftovers += self.sandbox.cleanup()  # shutdown and nbclient both clean up
                if self._sandbox_runtime is not None:
                    shutil.rmtree(self._sandbox_runtime, ignore_errors=True)

    return SandboxedKernelManager


# built on first use (jupyter_client is imported then)
__getattr__ = lazy_classes(__name__, {"SandboxedKernelManager": kernel_manager_class})
