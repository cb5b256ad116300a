"""qisite links: listing addresses, checking them, and staying calm offline.

No test here touches the network: openers are replaced, or point at a server
on 127.0.0.1.
"""

from __future__ import annotations

import argparse
import http.server
import io
import socket
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from qisite.cli import main
from qisite.commands import links
from tests.ihi_fixtures import CURRICULUM


@pytest.fixture
def curriculum_path(tmp_path: Path) -> Path:
    path = tmp_path / "curriculum.yaml"
    path.write_text(CURRICULUM, encoding="utf-8")
    return path


def _run(path: Path, opener: Any, check: bool = True) -> tuple[int, str]:
    out = io.StringIO()
    args = argparse.Namespace(path=str(path), check=check, timeout=2.0)
    return links.run(args, opener=opener, out=out), out.getvalue()


def _refuse(request: Any, timeout: float) -> Any:
    raise AssertionError(f"the network was touched: {request.full_url}")


def test_lists_every_address_with_where_it_is_used(curriculum_path: Path, capsys) -> None:
    assert main(["links", str(curriculum_path)]) == 0
    out = capsys.readouterr().out
    blocks = out.split("\n")
    assert "https://booking.test.example/academy" in blocks
    assert "https://booking.test.example/intro-may" in blocks
    assert "https://meet.test.example/intro" in blocks
    assert "https://learning.test.example/qi-101" in blocks
    assert "https://www.ihi.org/learn/courses/open-school/catalog/ps-101" in blocks
    # where: file, line and key for the curriculum; the catalogue for built-in courses
    booking_line = (
        CURRICULUM.splitlines().index("    booking: https://booking.test.example/intro-may") + 1
    )
    assert f"curriculum.yaml:{booking_line}:" in out and "sessions[0].booking" in out
    assert "IHI catalogue: PS 101, used by safety" in out
    assert "QI 101, used by intro" in out
    assert "ihi_open_school[0].url" in out


def test_listing_alone_never_opens_a_connection(curriculum_path: Path) -> None:
    code, out = _run(curriculum_path, _refuse, check=False)
    assert code == 0
    assert "external addresses" in out


@pytest.mark.parametrize(
    "reason",
    [
        socket.gaierror(-3, "Temporary failure in name resolution"),
        OSError(101, "Network is unreachable"),
    ],
)
def test_offline_check_says_so_once_and_exits_cleanly(curriculum_path: Path, reason) -> None:
    calls: list[str] = []

    def offline(request: Any, timeout: float) -> Any:
        calls.append(request.full_url)
        raise urllib.error.URLError(reason)

    code, out = _run(curriculum_path, offline)
    assert code == 0
    assert out.count("No network here") == 1
    assert "BROKEN" not in out
    assert len(calls) == 1  # stops at the first sign of no network


class _Response:
    def __init__(self, status: int) -> None:
        self.status = status

    def __enter__(self) -> _Response:
        return self

    def __exit__(self, *exc: object) -> None:
        return None


def test_check_reports_broken_addresses_and_fails(curriculum_path: Path) -> None:
    seen: list[tuple[str, str]] = []

    def fake(request: Any, timeout: float) -> Any:
        seen.append((request.get_method(), request.full_url))
        if request.full_url.endswith("/ps-101"):
            raise urllib.error.HTTPError(request.full_url, 404, "Not Found", {}, None)
        if request.full_url.endswith("/academy") and request.get_method() == "HEAD":
            raise urllib.error.HTTPError(request.full_url, 405, "No HEAD", {}, None)
        return _Response(200)

    code, out = _run(curriculum_path, fake)
    assert code == 1
    assert "BROKEN https://www.ihi.org/learn/courses/open-school/catalog/ps-101: HTTP 404" in out
    assert "BROKEN https://booking.test.example/academy" not in out  # GET after 405 worked
    assert ("GET", "https://booking.test.example/academy") in seen
    assert "broken 1" in out


def test_a_wrong_host_after_a_good_answer_is_broken_not_offline(curriculum_path: Path) -> None:
    def fake(request: Any, timeout: float) -> Any:
        if "meet.test.example" in request.full_url:
            raise urllib.error.URLError(socket.gaierror(-2, "Name or service not known"))
        return _Response(200)

    code, out = _run(curriculum_path, fake)
    assert code == 1
    assert "No network here" not in out
    assert "BROKEN https://meet.test.example/intro" in out


_DIRECT = urllib.request.build_opener(urllib.request.ProxyHandler({}))
"""Straight to 127.0.0.1, even when the environment names a proxy."""


class _Handler(http.server.BaseHTTPRequestHandler):
    def do_HEAD(self) -> None:
        self.send_response(200 if self.path == "/ok" else 404)
        self.end_headers()

    do_GET = do_HEAD  # noqa: N815 (the name http.server looks up)

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture
def loopback() -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_real_requests_to_a_loopback_server(tmp_path: Path, loopback: str) -> None:
    text = CURRICULUM.replace("https://booking.test.example/intro-may", f"{loopback}/ok").replace(
        "https://meet.test.example/intro", f"{loopback}/gone"
    )
    path = tmp_path / "curriculum.yaml"
    path.write_text(text, encoding="utf-8")

    def loopback_only(request: Any, timeout: float) -> Any:
        if urlsplit(request.full_url).hostname == "127.0.0.1":
            return _DIRECT.open(request, timeout=timeout)
        return _Response(200)  # every other address: answered here, never on the network

    code, out = _run(path, loopback_only)
    assert code == 1
    assert f"BROKEN {loopback}/gone: HTTP 404" in out
    assert f"BROKEN {loopback}/ok" not in out


def test_closed_loopback_port_is_broken_not_offline(tmp_path: Path) -> None:
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()  # nothing listens on this port now
    text = CURRICULUM.replace("https://meet.test.example/intro", f"http://127.0.0.1:{port}/x")
    path = tmp_path / "curriculum.yaml"
    path.write_text(text, encoding="utf-8")

    def loopback_only(request: Any, timeout: float) -> Any:
        if urlsplit(request.full_url).hostname == "127.0.0.1":
            return _DIRECT.open(request, timeout=timeout)
        return _Response(200)

    code, out = _run(path, loopback_only)
    assert code == 1
    assert f"BROKEN http://127.0.0.1:{port}/x" in out


def test_invalid_curriculum_exits_2(tmp_path: Path) -> None:
    path = tmp_path / "curriculum.yaml"
    path.write_text(CURRICULUM.replace("[PS 101, QI 201]", "[PS 101, QI 999]"), encoding="utf-8")
    code, _ = _run(path, _refuse)
    assert code == 2


def test_lists_the_addresses_of_a_sessions_csv_at_row_and_column(tmp_path: Path, capsys) -> None:
    (tmp_path / "planned.csv").write_text(
        "id,module,start,duration,booking,online\n"
        "from-sheet,intro,2027-06-01 10:00,1h,https://booking.test.example/sheet,"
        "https://meet.test.example/sheet\n",
        encoding="utf-8",
    )
    path = tmp_path / "curriculum.yaml"
    path.write_text(CURRICULUM + "session_files: [planned.csv]\n", encoding="utf-8")
    assert main(["links", str(path)]) == 0
    blocks = capsys.readouterr().out.split("\n")
    booking = blocks.index("https://booking.test.example/sheet")
    assert blocks[booking + 1].endswith("planned.csv:2:5 booking: booking for 'from-sheet'")
    online = blocks.index("https://meet.test.example/sheet")
    assert blocks[online + 1].endswith("planned.csv:2:6 online: online link for 'from-sheet'")
