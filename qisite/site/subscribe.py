"""The address each calendar app takes a feed from, for the subscribe help.

Each app wants the feed's full address in its own form:

* ``webcal:`` opens the subscribe dialog of classic Outlook for Windows,
  Outlook for Mac, Apple Calendar (Mac, iPhone, iPad) and Thunderbird.
* Outlook on the web and new Outlook refuse ``webcal:``; their "add from web"
  page takes the ``https:`` address, at outlook.live.com for personal accounts
  (outlook.com) and at outlook.office.com for work and school accounts.
* Google Calendar's add-by-address link (``calendar/r?cid=``) takes the
  ``webcal:`` address; an ``https:`` one there is read as a Google calendar id.

All of them need the address the site is published at (``site_url`` in
mkdocs.yml). Without it there are no app links; the page script fills the
copy box from the page's own address instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote, urlencode, urljoin, urlsplit

OUTLOOK_PERSONAL = "https://outlook.live.com/calendar/0/addfromweb"
OUTLOOK_WORK = "https://outlook.office.com/calendar/0/addfromweb"
GOOGLE = "https://calendar.google.com/calendar/r"


@dataclass(frozen=True)
class FeedAddresses:
    """One feed's full address and the subscribe link of each kind of app."""

    web: str
    """The ``https:`` (or ``http:``) address, for the copy box and Outlook on the web."""
    webcal: str
    outlook_personal: str
    outlook_work: str
    google: str


def feed_addresses(site_url: str | None, feed_src: str, name: str) -> FeedAddresses | None:
    """The addresses of the feed at ``feed_src`` (a site-root path such as
    'feeds/all.ics'), named ``name`` in the apps that ask; None without a usable
    ``site_url`` (an http or https address)."""
    if not site_url:
        return None
    parts = urlsplit(site_url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    base = site_url if site_url.endswith("/") else site_url + "/"
    web = urljoin(base, feed_src)
    webcal = "webcal:" + web.split(":", 1)[1]
    outlook_query = urlencode({"url": web, "name": name}, quote_via=quote, safe="")
    return FeedAddresses(
        web=web,
        webcal=webcal,
        outlook_personal=f"{OUTLOOK_PERSONAL}?{outlook_query}",
        outlook_work=f"{OUTLOOK_WORK}?{outlook_query}",
        google=f"{GOOGLE}?" + urlencode({"cid": webcal}, quote_via=quote, safe=""),
    )
