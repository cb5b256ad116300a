"""Relative links between generated pages agree with posixpath.relpath."""

from __future__ import annotations

import itertools
import posixpath

import pytest

from qisite.site.urls import _relative_path, page_url, relative_url

PATHS = [
    ".",
    "modules",
    "modules/qi-basics",
    "modules/qi-basics/index.html",
    "modules/qi-basic",
    "pathways/board",
    "calendar/2027-07",
    "calendar/2027-07-16",
    "feeds/sessions/intro-2027-01-19.ics",
    "assets/qisite/calendar.css",
    "a/b/c/d",
    "a/./b/../c",
]


@pytest.mark.parametrize(("target", "base"), itertools.product(PATHS, PATHS))
def test_same_answer_as_the_standard_library(target: str, base: str) -> None:
    assert _relative_path(target, base) == posixpath.relpath(target, base)


def test_links_from_pages_in_both_url_styles() -> None:
    module = page_url("modules/qi-basics.md", use_directory_urls=True)
    pathway = page_url("pathways/board.md", use_directory_urls=True)
    assert relative_url(module, pathway) == "../../modules/qi-basics/"
    assert relative_url("./", pathway) == "../../"
    flat_module = page_url("modules/qi-basics.md", use_directory_urls=False)
    flat_home = page_url("index.md", use_directory_urls=False)
    assert relative_url(flat_module, flat_home) == "modules/qi-basics.html"
    assert relative_url(flat_home, flat_module) == "../index.html"
