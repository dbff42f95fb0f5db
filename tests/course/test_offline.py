"""The offline guard (course_tools.course.offline) and run_notebook (course_tools.course.runner).

The in-process tests never send a packet: the guard refuses before the socket call, and the
"allowed" cases use a listening socket on this machine.
"""
from __future__ import annotations

import os
import socket
import urllib.request

import pytest

from course_tools.course import offline
from course_tools.course.offline import OfflineError, block_network, is_blocked, unblock_network
from course_tools.course.runner import NotebookRunError, run_notebook
from tests.notebook_files import write_notebook


@pytest.fixture
def blocked():
    original = socket.getaddrinfo, socket.socket.connect
    block_network()
    try:
        yield
    finally:
        unblock_network()
        assert (socket.getaddrinfo, socket.socket.connect) == original


@pytest.fixture
def local_server():
    srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    srv.bind(("127.0.0.1", 0))
    srv.listen(4)
    try:
        yield srv.getsockname()[1]
    finally:
        srv.close()


def test_remote_address_is_refused_with_the_course_message(blocked):
    # 192.0.2.1 is TEST-NET-1 (RFC 5737): never a real host.
    with pytest.raises(
        OfflineError, match=r"^Nichos lessons run offline; this notebook tried to connect to 192\.0\.2\.1:80"
    ):
        socket.create_connection(("192.0.2.1", 80), timeout=1)
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        with pytest.raises(OfflineError, match=r"192\.0\.2\.1:443"):
            s.connect(("192.0.2.1", 443))
        with pytest.raises(OfflineError):
            s.connect_ex(("192.0.2.1", 443))
    finally:
        s.close()


def test_host_names_are_refused_before_any_dns_query(blocked):
    with pytest.raises(OfflineError, match=r"example\.com:443"):
        socket.getaddrinfo("example.com", 443)


def test_udp_to_a_remote_address_is_refused(blocked):
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        with pytest.raises(OfflineError, match=r"192\.0\.2\.1:53"):
            s.sendto(b"x", ("192.0.2.1", 53))
    finally:
        s.close()


def test_urllib_fails_with_the_course_message(blocked):
    with pytest.raises(OSError, match="Nichos lessons run offline.*example.com:80"):
        urllib.request.urlopen("http://example.com", timeout=1)


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost"])
def test_loopback_keeps_working(blocked, local_server, host):
    with socket.create_connection((host, local_server), timeout=5) as c:
        assert c.getpeername()[1] == local_server


def test_block_is_idempotent_and_reversible():
    original = socket.getaddrinfo
    assert not is_blocked()
    block_network()
    block_network()
    assert is_blocked()
    unblock_network()
    unblock_network()
    assert not is_blocked() and socket.getaddrinfo is original


@pytest.mark.parametrize(
    "host, local",
    [
        ("127.0.0.1", True),
        ("127.8.9.10", True),
        ("::1", True),
        ("::ffff:127.0.0.1", True),
        ("0.0.0.0", True),
        ("", True),
        (None, True),
        ("LOCALHOST", True),
        (b"localhost", True),
        ("192.0.2.1", False),
        ("10.0.0.1", False),
        ("2001:db8::1", False),
        ("example.com", False),
    ],
)
def test_what_counts_as_local(host, local):
    assert offline._is_local(host) is local


# --- run_notebook in a real kernel -------------------------------------------------------------


@pytest.mark.slow
def test_notebook_that_opens_a_connection_fails(tmp_path):
    nb = write_notebook(tmp_path / "download.ipynb", 'import urllib.request\nurllib.request.urlopen("http://example.com")')
    with pytest.raises(NotebookRunError) as info:
        run_notebook(nb, output_path=tmp_path / "out" / "download.ipynb")
    err = info.value
    assert "Nichos lessons run offline; this notebook tried to connect to example.com:80" in str(err)
    assert err.ename == "URLError" and "failed in cell 1 of 1 (In [1])" in str(err)
    assert err.output_path == tmp_path / "out" / "download.ipynb" and err.output_path.exists()
    outputs = [o for c in err.notebook.cells if c.cell_type == "code" for o in c.outputs]
    assert outputs[-1].output_type == "error"


@pytest.mark.slow
def test_notebook_without_network_passes_with_parameters_in_its_folder(tmp_path, capfd):
    before = dict(os.environ)
    nb = write_notebook(
        tmp_path / "ok.ipynb",
        "import os, socket\nfrom course_tools.course.record import record\n"
        "record('country', COUNTRY)\nrecord('cwd', os.getcwd())\n"
        "record('guard', socket.getaddrinfo.__module__)",
        parameters='COUNTRY = "CHL"',
    )
    executed, records = run_notebook(nb, {"COUNTRY": "JAM"}, cwd=None)
    assert records == {"country": "JAM", "cwd": str(tmp_path.resolve()), "guard": "course_tools.course.offline"}
    assert any("injected-parameters" in c.metadata.get("tags", []) for c in executed.cells)
    assert dict(os.environ) == before  # nothing leaked into the test process
    assert not is_blocked()

    _, records = run_notebook(nb, {"COUNTRY": "JAM"}, offline=False)
    assert records["guard"] == "socket"
    # the kernel's start-up warnings stay out of the terminal (they broke `course report` progress bars)
    assert "[IPKernelApp] WARNING" not in capfd.readouterr().err


def test_misspelt_or_impossible_parameters_are_refused(tmp_path):
    nb = write_notebook(tmp_path / "p.ipynb", "pass", parameters='COUNTRY: str = "CHL"\nYEAR = 2017')
    with pytest.raises(ValueError, match=r"\['COUNTY'\] are not defined.*\['COUNTRY', 'YEAR'\]"):
        run_notebook(nb, {"COUNTY": "JAM"})
    bare = write_notebook(tmp_path / "bare.ipynb", "pass")
    with pytest.raises(ValueError, match="no cell tagged 'parameters'"):
        run_notebook(bare, {"COUNTRY": "JAM"})
    with pytest.raises(FileNotFoundError, match="no notebook"):
        run_notebook(tmp_path / "nothing.ipynb")
