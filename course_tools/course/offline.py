"""Offline guard: make any attempt to reach the network fail loudly.

The course promises that every lesson runs on a laptop with no internet. The regression tests
prove it: :func:`course_tools.course.runner.run_notebook` calls :func:`block_network` in the kernel
before the first cell, so a notebook that downloads something fails with :class:`OfflineError`
instead of passing on a connected machine and breaking in the workshop room.

Only connections to other machines are blocked. Loopback (``127.0.0.0/8``, ``::1``,
``localhost``) and local Unix sockets keep working: the Jupyter kernel talks to its client over
loopback ZeroMQ sockets, and DuckDB or a local JupyterHub proxy may use them too.

Usage in a plain Python session (rarely needed by learners)::

    from course_tools.course.offline import block_network, unblock_network
    block_network()      # from now on urllib, requests, pandas.read_csv(url), ... raise OfflineError
    unblock_network()    # restore the original socket functions
"""
from __future__ import annotations

import ipaddress
import socket
from typing import Any

from course_tools.errors import NichosError
from course_tools.i18n import text

__all__ = ["OfflineError", "block_network", "unblock_network", "is_blocked"]

_LOCAL_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback"}

# The original functions, saved the first time block_network() runs; None when not blocked.
_saved: dict[str, Any] | None = None


class OfflineError(NichosError, ConnectionError):
    """A lesson tried to open a network connection while the course runs offline."""


def _message(host: Any, port: Any) -> str:
    return text("course_msg.offline.blocked", host=host, port=port)


def _is_local(host: Any) -> bool:
    """True for loopback or unspecified addresses and the usual names of this machine."""
    if host is None:
        return True
    if isinstance(host, bytes):
        host = host.decode("ascii", "replace")
    host = str(host).strip().lower()
    if host in ("", *_LOCAL_NAMES):
        return True
    try:
        ip = ipaddress.ip_address(host.split("%", 1)[0])  # strip an IPv6 zone id
    except ValueError:
        return False  # a host name other than localhost: resolving it would use the network
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_loopback or ip.is_unspecified


def _check_address(sock: socket.socket, address: Any) -> None:
    if sock.family in (socket.AF_INET, socket.AF_INET6) and isinstance(address, tuple):
        host, port = address[0], address[1] if len(address) > 1 else "?"
        if not _is_local(host):
            raise OfflineError(_message(host, port))


def block_network() -> None:
    """Make connections to non-loopback addresses raise :class:`OfflineError`.

    Patches ``socket.socket.connect``, ``connect_ex``, ``sendto`` and ``socket.getaddrinfo``
    (so a name such as ``example.com`` is refused before any DNS query is sent). Calling it
    twice is harmless. Undo with :func:`unblock_network`.
    """
    global _saved
    if _saved is not None:
        return
    saved = {
        "connect": socket.socket.connect,
        "connect_ex": socket.socket.connect_ex,
        "sendto": socket.socket.sendto,
        "getaddrinfo": socket.getaddrinfo,
    }

    def connect(self: socket.socket, address: Any) -> None:
        _check_address(self, address)
        return saved["connect"](self, address)

    def connect_ex(self: socket.socket, address: Any) -> int:
        _check_address(self, address)
        return saved["connect_ex"](self, address)

    def sendto(self: socket.socket, data: Any, *args: Any) -> int:
        _check_address(self, args[-1] if args else None)
        return saved["sendto"](self, data, *args)

    def getaddrinfo(host: Any, port: Any, *args: Any, **kwargs: Any) -> list:
        if not _is_local(host):
            raise OfflineError(_message(host.decode() if isinstance(host, bytes) else host, port))
        return saved["getaddrinfo"](host, port, *args, **kwargs)

    socket.socket.connect = connect  # type: ignore[method-assign]
    socket.socket.connect_ex = connect_ex  # type: ignore[method-assign]
    socket.socket.sendto = sendto  # type: ignore[method-assign]
    socket.getaddrinfo = getaddrinfo
    _saved = saved


def unblock_network() -> None:
    """Restore the socket functions that :func:`block_network` replaced (no-op if not blocked)."""
    global _saved
    if _saved is None:
        return
    socket.socket.connect = _saved["connect"]  # type: ignore[method-assign]
    socket.socket.connect_ex = _saved["connect_ex"]  # type: ignore[method-assign]
    socket.socket.sendto = _saved["sendto"]  # type: ignore[method-assign]
    socket.getaddrinfo = _saved["getaddrinfo"]
    _saved = None


def is_blocked() -> bool:
    """True while :func:`block_network` is in force in this Python process."""
    return _saved is not None
