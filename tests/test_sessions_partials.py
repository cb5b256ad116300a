"""The partials that module and pathway pages include: a session list and subscribe help."""

from __future__ import annotations

from typing import Any

import pytest
from bs4 import BeautifulSoup

from qisite.sessions import occurrences_for_modules
from qisite.site import SiteContext, paths
from tests.browser import serve
from tests.session_fixtures import curriculum_text, inputs
from tests.sitebuild import build_site

SESSIONS = """\
- {id: old, module: mod-intro, start: 2027-01-14 12:30, duration: 1h, venue: Room 1}
- {id: new, module: mod-intro, start: 2027-06-14 12:30, duration: 1h, venue: Room 1}
- {id: other, module: mod-data, start: 2027-06-15 12:30, duration: 1h, venue: Room 1}
"""


def _site(tmp_path) -> SiteContext:
    return SiteContext(inputs(tmp_path, SESSIONS))


def _list_html(site: SiteContext, src_uri: str, module_ids: list[str]) -> str:
    chosen = occurrences_for_modules(site.occurrences, module_ids)
    return site.render("sessions/list.html.j2", src_uri, occurrences=chosen)


def test_list_partial_renders_the_given_sittings_with_relative_links(tmp_path) -> None:
    site = _site(tmp_path)
    html = BeautifulSoup(_list_html(site, paths.module("mod-intro"), ["mod-intro"]), "html.parser")
    items = html.select("[data-qisite-occurrence]")
    assert [i["data-qisite-occurrence"].split("@")[0] for i in items] == ["old", "new"]
    feed = items[0].select_one("a[href$='.ics']")["href"]
    assert feed == "../../feeds/sessions/old.ics"
    assert items[0].select_one("h3 a")["href"] == "./"  # the module page itself
    assert html.select_one("[data-qisite-sessions-none]").has_attr("hidden")


def test_list_partial_takes_a_heading_level_and_says_when_empty(tmp_path) -> None:
    site = _site(tmp_path)
    html = site.render("sessions/list.html.j2", paths.HOME, occurrences=[], heading_level=4)
    soup = BeautifulSoup(html, "html.parser")
    assert not soup.select("[data-qisite-occurrence]")
    assert not soup.select_one("[data-qisite-sessions-none]").has_attr("hidden")
    full = site.render(
        "sessions/list.html.j2", paths.HOME, occurrences=site.occurrences, heading_level=4
    )
    assert len(BeautifulSoup(full, "html.parser").select("[data-qisite-occurrence] > h4")) == 3


def test_subscribe_partial_names_the_feed_and_gives_each_app_its_link(tmp_path) -> None:
    site = _site(tmp_path)
    site.site_url = "https://intranet.example.nhs.uk/qi"
    html = site.render(
        "sessions/subscribe.html.j2",
        paths.pathway("aud-ward"),
        feed=paths.audience_feed("aud-ward"),
        feed_name="Ward staff sessions",
    )
    soup = BeautifulSoup(html, "html.parser")
    download = soup.select_one("a.qisite-feed-download")
    assert download["href"] == "../../feeds/audiences/aud-ward.ics"
    assert "Ward staff sessions" in soup.select_one("summary").get_text()
    apps = [a["href"].split(":")[0] for a in soup.select(".qisite-subscribe-apps a")]
    assert apps == ["webcal", "https", "https", "https"]
    text = soup.get_text()
    assert all(app in text for app in ("Outlook", "Google Calendar", "Apple Calendar"))
    box = soup.select_one("[data-qisite-feed-address]")
    assert not box.has_attr("hidden")
    address = box.select_one("input")
    assert address["value"] == "https://intranet.example.nhs.uk/qi/feeds/audiences/aud-ward.ics"
    assert address.has_attr("readonly")
    assert box.select_one(f"label[for='{address['id']}']") is not None


@pytest.mark.browser
def test_list_on_another_page_hides_past_sittings(page: Any, tmp_path) -> None:
    (tmp_path / "model").mkdir()
    site = _site(tmp_path / "model")
    body = _list_html(site, "sessions-demo.md", ["mod-intro"])
    demo = f'# Sessions demo\n\n<div class="qisite">\n{body}</div>\n'
    built = build_site(
        tmp_path / "site",
        curriculum=curriculum_text(SESSIONS),
        extra_files={"content/sessions-demo.md": demo},
    )
    with serve(built.site_dir) as url:
        page.clock.set_fixed_time("2027-03-01T09:00:00Z")
        page.goto(url + "sessions-demo/")
        assert page.is_hidden('[data-qisite-occurrence^="old@"]')
        assert page.is_visible('[data-qisite-occurrence^="new@"]')
        assert page.is_hidden("[data-qisite-sessions-none]")
        page.clock.set_fixed_time("2027-07-01T09:00:00Z")
        page.reload()
        assert page.is_hidden('[data-qisite-occurrence^="new@"]')
        assert page.is_visible("[data-qisite-sessions-none]")
        assert page.outside_requests == []
