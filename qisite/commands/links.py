"""qisite links: list every external address in the curriculum and IHI catalogue, and check them.

Checking needs a network. On a machine without one (DNS fails or there is no
route before any address has answered) the command says so once and exits 0:
an offline laptop is not a broken curriculum.
"""

from __future__ import annotations

import argparse
import errno
import socket
import sys
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, TextIO

from qisite.inputs import load_inputs
from qisite.model import Inputs
from qisite.problems import format_key_path
from qisite.yaml_source import SourceMap

NAME = "links"
HELP = "list every external link in the curriculum and IHI catalogue; --check tests them"

USER_AGENT = "qisite-link-check (+https://pypi.org/project/qisite/)"
_NO_NETWORK_ERRNOS = {errno.ENETUNREACH, errno.EHOSTUNREACH, errno.ENETDOWN}


@dataclass(frozen=True)
class Use:
    """One place where an address is written."""

    where: str
    what: str


@dataclass(frozen=True)
class CheckResult:
    url: str
    ok: bool
    detail: str
    offline: bool = False


def _located(source: SourceMap, path: tuple[str | int, ...]) -> str:
    return f"{source.locate(path)} {format_key_path(path)}"


def collect_links(inputs: Inputs) -> dict[str, list[Use]]:
    """Every external address, in first-seen order, with each place it is used
    (the curriculum, then the session CSV files, then the IHI catalogue)."""
    found: dict[str, list[Use]] = {}

    def add(url: str | None, where: str, what: str) -> None:
        if url:
            found.setdefault(url, []).append(Use(where, what))

    curriculum, catalogue, source = inputs.curriculum, inputs.catalogue, inputs.source
    academy = curriculum.academy
    add(academy.booking, _located(source, ("academy", "booking")), "academy booking page")
    if academy.contact.startswith(("http://", "https://")):
        add(academy.contact, _located(source, ("academy", "contact")), "academy contact page")
    for index, session in enumerate(curriculum.sessions):
        at: tuple[str | int, ...] = ("sessions", index)
        add(session.booking, _located(source, (*at, "booking")), f"booking for '{session.id}'")
        add(session.online, _located(source, (*at, "online")), f"online link for '{session.id}'")
        for part_index, part in enumerate(session.parts):
            add(
                part.online,
                _located(source, (*at, "parts", part_index, "online")),
                f"online link for '{session.id}', {part.name}",
            )
    for row in inputs.session_rows:
        name = row.session.id
        add(row.session.booking, f"{row.position('booking')} booking", f"booking for '{name}'")
        add(row.session.online, f"{row.position('online')} online", f"online link for '{name}'")
    own = {course.code: i for i, course in enumerate(curriculum.ihi_open_school)}
    used_by: dict[str, list[str]] = {}
    for module in curriculum.modules:
        for code in module.ihi_open_school:
            used_by.setdefault(code, []).append(module.id)
    add(catalogue.catalogue_url, "IHI catalogue", "IHI Open School course list")
    for code in catalogue.courses:
        where = (
            _located(source, ("ihi_open_school", own[code], "url"))
            if code in own
            else "IHI catalogue"
        )
        modules = used_by.get(code)
        what = f"{code}" + (f", used by {', '.join(modules)}" if modules else ", not used")
        add(catalogue.url_for(code), where, what)
    return found


def _is_no_network(error: BaseException) -> bool:
    reason = error.reason if isinstance(error, urllib.error.URLError) else error
    if isinstance(reason, socket.gaierror):
        return True
    return isinstance(reason, OSError) and reason.errno in _NO_NETWORK_ERRNOS


Opener = Callable[..., Any]


def check_link(url: str, timeout: float, opener: Opener = urllib.request.urlopen) -> CheckResult:
    """HEAD the address, falling back to GET where a server refuses HEAD."""
    last_status = None
    for method in ("HEAD", "GET"):
        request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT})
        try:
            with opener(request, timeout=timeout) as response:
                return CheckResult(url, True, f"{response.status} {method}")
        except urllib.error.HTTPError as error:
            last_status = error.code
            if error.code in (403, 405, 501) and method == "HEAD":
                continue  # some servers answer HEAD badly but serve GET
            return CheckResult(url, False, f"HTTP {error.code}")
        except (urllib.error.URLError, OSError) as error:
            reason = getattr(error, "reason", error)
            return CheckResult(url, False, str(reason), offline=_is_no_network(error))
    return CheckResult(url, False, f"HTTP {last_status}")


def check_links(
    urls: Iterable[str],
    timeout: float,
    opener: Opener = urllib.request.urlopen,
) -> tuple[list[CheckResult], bool]:
    """Results, and whether checking stopped because there is no network.

    A DNS or routing failure before any server has answered means this
    machine is offline, not that the first address is wrong.
    """
    results: list[CheckResult] = []
    reached_any = False
    for url in urls:
        result = check_link(url, timeout, opener)
        if result.offline and not reached_any:
            return [result], True
        if not result.offline or result.ok:
            reached_any = True
        results.append(result)
    return results, False


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", nargs="?", default="curriculum.yaml", help="curriculum file")
    parser.add_argument(
        "--check", action="store_true", help="request each web address and report broken ones"
    )
    parser.add_argument(
        "--timeout", type=float, default=10.0, help="seconds to wait for each address (10)"
    )


def run(
    args: argparse.Namespace,
    opener: Opener = urllib.request.urlopen,
    out: TextIO | None = None,
) -> int:
    out = out or sys.stdout
    result = load_inputs(args.path)
    if not result.ok:
        for problem in result.errors:
            print(problem, file=sys.stderr)
        print(f"{args.path}: fix the errors above first", file=sys.stderr)
        return 2
    links = collect_links(result.require())
    for url, uses in links.items():
        print(url, file=out)
        for use in uses:
            print(f"    {use.where}: {use.what}", file=out)
    print(f"{len(links)} external address{'es' * (len(links) != 1)}", file=out)
    if not args.check:
        return 0
    web = [u for u in links if u.startswith(("http://", "https://"))]
    results, offline = check_links(web, args.timeout, opener)
    if offline:
        print(
            f"No network here ({results[0].detail}): links were not checked. "
            "Run 'qisite links --check' again where there is an internet connection.",
            file=out,
        )
        return 0
    broken = [r for r in results if not r.ok]
    for r in broken:
        print(f"BROKEN {r.url}: {r.detail}", file=out)
        for use in links[r.url]:
            print(f"    {use.where}: {use.what}", file=out)
    print(f"checked {len(results)}, broken {len(broken)}", file=out)
    return 1 if broken else 0
