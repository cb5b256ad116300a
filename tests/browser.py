"""Headless Chromium (Debian's package) driven by Playwright, with axe-core for WCAG checks."""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


LAYOUT_SHIFTS = """
window.__shifts = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    if (entry.hadRecentInput) continue;
    window.__shifts.push({value: entry.value, sources: (entry.sources || []).map((s) =>
      s.node && s.node.nodeType === 1 ? s.node.tagName + '.' + s.node.className : String(s.node))});
  }
}).observe({type: 'layout-shift', buffered: true});
"""
"""A page's init script: the layout shifts not caused by input, as ``window.__shifts``
(value and the elements moved), for the shift budget of issue 14 (CLS < 0.02)."""


def chromium_path() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if not found:
        raise RuntimeError("Debian's chromium is not installed: apt-get install chromium")
    return found


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def serve(directory: Path) -> Iterator[str]:
    """Serve ``directory`` on a free loopback port; yields the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def serve_under_sub_path(site_dir: Path, root: Path, sub_path: str) -> Iterator[str]:
    """Serve a built site at ``sub_path`` of a server rooted at the empty folder ``root``
    (a link: nothing copied), as on a project site or an intranet folder; yields the
    site's URL, ending in ``sub_path``."""
    (root / sub_path.strip("/")).symlink_to(site_dir, target_is_directory=True)
    with serve(root) as url:
        yield url + sub_path


def shown_occurrences(page: Any, within: str = "") -> list[str]:
    """The UIDs (before the @) of the sittings shown on ``page``, in order, inside the
    elements ``within`` selects (default: anywhere); those a script or filter hid are left out."""
    return list(
        page.eval_on_selector_all(
            f"{within} [data-qisite-occurrence]".strip(),
            "items => items.filter(i => i.offsetParent !== null)"
            ".map(i => i.getAttribute('data-qisite-occurrence').split('@')[0])",
        )
    )


def is_local(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("data", "blob", "about", "file") or parts.hostname in (
        "127.0.0.1",
        "localhost",
    )


def axe_violations(page: Any) -> list[dict[str, Any]]:
    """Run axe-core on the page; returns the violations (empty when the page passes)."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(
        page,
        options={"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]},
    )
    return list(results.response["violations"])


def describe(violations: list[dict[str, Any]]) -> str:
    lines = []
    for v in violations:
        targets = [", ".join(n["target"]) for n in v["nodes"][:3]]
        lines.append(f"{v['id']} ({v['impact']}): {v['help']} at {targets}")
    return "\n".join(lines)


def tab_to(page: Any, target: Any, limit: int, what: str) -> None:
    """Press Tab until ``target`` (a locator) has the focus, at most ``limit`` times."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if target.evaluate("e => e === document.activeElement"):
            return
    raise AssertionError(f"Tab never reached {what}")
