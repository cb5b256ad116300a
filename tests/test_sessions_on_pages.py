"""Module and pathway pages list their own sittings and link to a feed that exists."""

from __future__ import annotations

import json
from datetime import datetime
from posixpath import normpath

from qisite.inputs import load_inputs
from qisite.sessions import occurrences
from qisite.views.coming import NEXT_ON_PATHWAY
from qisite.views.pathways import all_pathways
from tests.sitebuild import REPO, BuiltSite


def _shipped():
    inputs = load_inputs(REPO / "curriculum.yaml").require()
    return inputs.curriculum, occurrences(inputs)


def _built_at(site: BuiltSite) -> datetime:
    manifest = json.loads((site.site_dir / "publication.json").read_text(encoding="utf-8"))
    return datetime.fromisoformat(manifest["built_at"])


def _feed_exists(site: BuiltSite, page_url: str, href: str) -> bool:
    return (site.site_dir / normpath(page_url + href)).is_file()


def test_each_module_page_lists_exactly_its_sittings(example_site: BuiltSite) -> None:
    curriculum, sittings = _shipped()
    assert sittings, "the example academy schedules sessions"
    for module in curriculum.modules:
        url = f"modules/{module.id}/"
        content = example_site.content(url)
        listed = [li["data-qisite-occurrence"] for li in content.select("[data-qisite-occurrence]")]
        expected = [o.uid for o in sittings if o.module_id == module.id]
        assert listed == expected, module.id
        if expected:
            feed = content.select_one(".qisite-subscribe a.qisite-feed-download")
            assert feed is not None and _feed_exists(example_site, url, feed["href"])


def test_each_pathway_lists_the_sittings_of_its_modules_open_to_it(
    example_site: BuiltSite,
) -> None:
    curriculum, sittings = _shipped()
    built = _built_at(example_site)
    longer = False
    for pathway in all_pathways(curriculum):
        audience = pathway.audience.id
        url = f"pathways/{audience}/"
        content = example_site.content(url)
        listed = [li["data-qisite-occurrence"] for li in content.select("[data-qisite-occurrence]")]
        module_ids = {m.id for m in pathway.modules}
        ahead = [
            o.uid
            for o in sittings
            if o.module_id in module_ids and audience in o.audiences and o.end > built
        ]
        # The next few from the build; the rest are a link away.
        assert listed == ahead[:NEXT_ON_PATHWAY], audience
        more = content.select_one(".qisite-sessions-more")
        if ahead:
            calendar = more.select_one("a[href*='calendar/']")
            assert calendar["href"] == f"../../calendar/?audience={audience}"
        if len(ahead) > NEXT_ON_PATHWAY:
            assert f"next {NEXT_ON_PATHWAY} of {len(ahead)} sessions" in more.get_text()
            longer = True
        for link in content.select("[data-qisite-occurrence] a"):
            # Each line leads to the sitting on its module page, where booking is.
            page_href, fragment = link["href"].split("#")
            target = example_site.content(normpath(f"{url}{page_href}") + "/")
            assert target.select_one(f"li#{fragment}[data-qisite-occurrence]") is not None
        feed = content.select_one(".qisite-subscribe a.qisite-feed-download")
        assert feed is not None and feed["href"].endswith(f"audiences/{audience}.ics")
        assert _feed_exists(example_site, url, feed["href"])
    assert any(
        content.select("[data-qisite-occurrence]")
        for content in (example_site.content(f"pathways/{a.id}/") for a in curriculum.audiences)
    )
    assert longer, "some pathway of the example has more sittings than a pathway page lists"


def test_search_indexes_module_pages_but_not_their_dated_sittings(
    example_site: BuiltSite,
) -> None:
    """The index is built once and read for months: it must not offer sittings that end."""
    curriculum, sittings = _shipped()
    index = json.loads((example_site.site_dir / "search" / "search_index.json").read_text())
    indexed = "\n".join(doc["text"] + doc["title"] for doc in index["docs"])
    locations = {doc["location"].split("#")[0] for doc in index["docs"]}
    assert {f"modules/{m.id}/" for m in curriculum.modules} <= locations
    venues = {o.venue for o in sittings if o.venue}
    assert venues, "the example academy names its venues"
    for venue in venues:
        assert venue not in indexed
        # ...while the pages themselves still show every sitting, in place.
        shown = (example_site.site_dir / "modules").rglob("index.html")
        assert any(venue in page.read_text() for page in shown)
    for page in example_site.site_dir.rglob("*.html"):
        assert "qisite:later" not in page.read_text(), page


def test_search_finds_the_subscribe_help_once_on_the_calendar_page(
    example_site: BuiltSite,
) -> None:
    """Every module and pathway with sittings repeats the help; search leads to one place."""
    index = json.loads((example_site.site_dir / "search" / "search_index.json").read_text())
    found = {doc["location"] for doc in index["docs"] if "Subscribe from web" in doc["text"]}
    assert found == {"calendar/#subscribe"}
    shown = [
        page
        for page in (example_site.site_dir / "modules").rglob("index.html")
        if "Subscribe from web" in page.read_text()
    ]
    assert len(shown) > 1
