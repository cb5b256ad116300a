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


def test_generated_item_pages_are_kept_out_of_the_nav_quietly(example_site: BuiltSite) -> None:
    """MkDocs would list every pathway, module and month page as 'not in the nav'."""
    said = [record.getMessage() for record in example_site.logs]
    assert any("Documentation built" in message for message in said)  # INFO is captured
    assert not [m for m in said if 'not included in the "nav"' in m]
    nav = {a["href"] for a in example_site.html("").select("nav.md-nav--primary a[href]")}
    assert "pathways/" in nav and "modules/" in nav
    assert not [href for href in nav if href.startswith(("pathways/b", "modules/qi-"))]
