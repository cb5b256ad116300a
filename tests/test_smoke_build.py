"""The shipped example academy builds, and the browser harness can open it."""

from __future__ import annotations

import pytest

from tests.browser import axe_violations
from tests.sitebuild import BuiltSite


def test_example_builds_a_pathway_per_audience(example_site: BuiltSite) -> None:
    index = example_site.content("pathways/")
    links = {a.get_text(strip=True) for a in index.select(".qisite-pathway-list a")}
    assert "Board members" in links
    assert (example_site.site_dir / "pathways" / "board" / "index.html").is_file()


@pytest.mark.browser
def test_browser_opens_home_without_leaving_localhost(page, example_url: str) -> None:
    page.goto(example_url)
    assert page.title()
    assert page.outside_requests == []
    assert isinstance(axe_violations(page), list)
