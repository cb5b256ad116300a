"""My learning is one small page whatever the academy (issue 14).

The page carries no line per pathway, module or course: the record is listed against
the catalogue script (learning-data.js), which the learning record loads only when
there are marks. So the page of an academy of hundreds of staff groups weighs what the
example's does, and stays within two of Lighthouse's slow-start round trips.
"""

from __future__ import annotations

import pytest

from qisite.site import paths
from tests.academies import wide_academy
from tests.pagechecks import curriculum_of, followed, learning_data, url_of
from tests.sitebuild import BuiltSite, build_site

PAGE_BYTES = 42_000
"""Most bytes of HTML on My learning (issue 14: Lighthouse's simulated link delivers about
43.8 KB in its first two round trips; at 1,000 modules the page was 50.7 KB, 31.6 KB of
it a line per pathway)."""
STAFF_GROUPS = 400
"""A large trust's academy: a pathway per staff group (the 1,000-module benchmark has 100)."""


@pytest.fixture(scope="module")
def many_pathways(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    root = tmp_path_factory.mktemp("many-pathways")
    return build_site(root, curriculum=wide_academy(STAFF_GROUPS, 10))


def _page_bytes(site: BuiltSite) -> int:
    return (site.site_dir / url_of(paths.MY_LEARNING) / "index.html").stat().st_size


def test_my_learning_weighs_the_same_whatever_the_number_of_pathways(
    example_site: BuiltSite, many_pathways: BuiltSite
) -> None:
    example, large = _page_bytes(example_site), _page_bytes(many_pathways)
    assert large <= PAGE_BYTES and example <= PAGE_BYTES, (example, large)
    # The names of the academy differ; no part of the page grows with its pathways.
    assert abs(large - example) < 500, (example, large)
    data = learning_data(many_pathways, url_of(paths.MY_LEARNING))
    assert len(data["pathways"]) == STAFF_GROUPS  # the catalogue has every one


@pytest.mark.parametrize("academy", ["example", "many"])
def test_my_learning_says_what_it_is_and_leads_to_the_pathways(
    example_site: BuiltSite, many_pathways: BuiltSite, academy: str
) -> None:
    site = example_site if academy == "example" else many_pathways
    here = url_of(paths.MY_LEARNING)
    page = site.content(here)
    text = " ".join(page.get_text().split())
    curriculum = curriculum_of(site)
    for audience in curriculum.audiences:  # no line per pathway: the script makes them
        assert audience.name not in text, audience.id
    assert page.select("[data-qisite-learning-pathway]") == []

    # With scripts off: what the page is, where the record is kept, and the way to the
    # pathways, shown; the record's lists and tools, which need the script, hidden.
    assert "This page shows what you have marked as done or in progress" in text
    notice = page.select_one("noscript")
    assert notice is not None and "needs JavaScript" in notice.get_text()
    record = page.select_one(".qisite-learning-record")
    assert record is not None and record.has_attr("hidden")
    assert record.has_attr("data-qisite-needs-record")
    assert record.find_parent("noscript") is None
    for part in ("[data-qisite-learning-modules]", "[data-qisite-learning-courses]",
                 "[data-qisite-action='clear']", "[data-qisite-import]"):
        assert record.select_one(part) is not None, part
    shown_links = [
        followed(here, str(a["href"]))
        for a in page.select("a[href]")
        if a.find_parent(class_="qisite-learning-record") is None
    ]
    for target in (paths.PATHWAYS_INDEX, paths.PRIVACY, paths.IHI_OPEN_SCHOOL):
        assert url_of(target) in shown_links, (target, shown_links)

    # Where scripts run and nothing is marked, the pathways' box keeps its sentence.
    box = record.select_one("[data-qisite-learning-pathways]")
    assert box is not None and "Nothing marked on any pathway yet" in box.get_text()
    assert [followed(here, str(a["href"])) for a in box.select("a[href]")] == [
        url_of(paths.PATHWAYS_INDEX)
    ]

