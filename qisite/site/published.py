"""Absolute addresses on the published site, for what is read away from it: posters'
QR codes, the bulletin snippet pasted into an email, the Atom feed.

The pages themselves link relatively (see ``urls``); only these need ``site_url``.
"""

from __future__ import annotations

from functools import lru_cache
from urllib.parse import urlsplit

import segno
from markupsafe import Markup

from qisite.site.urls import page_url


def published_base(site_url: str | None) -> str | None:
    """``site_url`` ending in '/', or None when it is unset or not an http(s) address."""
    if not site_url:
        return None
    parts = urlsplit(site_url.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    base = parts._replace(query="", fragment="").geturl()
    return base if base.endswith("/") else base + "/"


def published_url(
    base: str, src_uri: str, use_directory_urls: bool, fragment: str | None = None
) -> str:
    """The address a reader types or scans for the file at ``src_uri``."""
    path = page_url(src_uri, use_directory_urls)
    path = "" if path == "./" else path
    return f"{base}{path}#{fragment}" if fragment else f"{base}{path}"


@lru_cache(maxsize=4096)
def qr_svg(address: str) -> Markup:
    """A QR code of ``address`` as inline SVG: vector, black on white, with the four-module
    quiet zone a scanner needs. Hidden from screen readers: the address is printed beside
    it. Cached: posters of one module's sessions share their module page's code."""
    code = segno.make(address, error="m", micro=False)
    svg = code.svg_inline(
        border=4, dark="#000", light="#fff", omitsize=True, svgclass="qisite-qr", lineclass=None
    )
    # segno's output holds only numbers and the two colours; the address is not in it.
    assert svg.startswith("<svg ")
    return Markup('<svg aria-hidden="true" focusable="false" ' + svg[len("<svg ") :])

