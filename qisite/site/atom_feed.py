"""``whats-on.atom``: an Atom feed (RFC 4287) of sittings newly announced or changed,
for feed readers, Outlook's RSS feeds and Teams or SharePoint news connectors.

Written with ``feedgen``, which escapes every value as XML. What it holds is chosen in
``qisite.views.coming.newest_changes``: the sittings that have not ended by the build,
newest change first, at most ``NEWS_LIMIT``.

- Dates come from the publication manifest (``SiteContext.sitting_history``):
  an entry's ``published`` is when its sitting was first published, ``updated`` when
  its time, place or status last changed, both carried on from ``previous_manifest``.
  Without one, both are the build's moment. The feed's ``updated`` is its newest
  entry's, so two builds of the same input give the same bytes.
- Ids are ``tag:`` URIs (RFC 4151) made of the academy's ``feed_id`` and the sitting's
  UID, never of an address: a feed reader keeps knowing an entry when the site moves
  or a session or module is renamed (UIDs keep the first id, ``former_ids``).
- Links are absolute from ``site_url``. Without it they are relative references,
  which RFC 4287 allows (section 4.2.7.1) and which readers resolve against the
  address they fetched the feed from: the feed lies at the site's root, so they land
  on the right page under any sub-path. Ids need no address, so they are the same.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime

from feedgen.entry import FeedEntry
from feedgen.feed import FeedGenerator

from qisite.sessions.expand import academy_slug
from qisite.site import paths
from qisite.site.context import SiteContext
from qisite.site.dates import TimeRange
from qisite.site.output import Output
from qisite.views.coming import News, newest_changes

TAG_DATE = "2026"
"""The date part of every ``tag:`` id: fixed, the year qisite began minting them, so that
ids never change with the build."""
ATOM_TYPE = "application/atom+xml"


def tag_uri(academy: str, specific: str) -> str:
    """``tag:<academy>,2026:<specific>``. The academy's id (lower-case letters, digits and
    single hyphens) is a valid tag authority; set ``feed_id`` once and never change it."""
    return f"tag:{academy},{TAG_DATE}:{specific}"


def feed_id(academy: str) -> str:
    return tag_uri(academy, "whats-on")


def entry_id(uid: str) -> str:
    """A sitting's id from its UID ('pdsa-jan@harbour-hub'): the academy is the UID's end."""
    slug, _, academy = uid.partition("@")
    return tag_uri(academy, f"sittings/{slug}")


def produce(site: SiteContext) -> Iterator[Output]:
    yield Output(paths.WHATS_ON_FEED, atom_feed(site))


def atom_feed(site: SiteContext) -> bytes:
    """The feed's bytes (UTF-8 XML)."""
    built = _stamp(site.build_moment)
    news = newest_changes(site.occurrences, site.sitting_history, site.build_moment)
    academy = site.curriculum.academy
    words = site.words
    feed = FeedGenerator()
    feed.id(feed_id(academy_slug(site.curriculum)))
    feed.title(words.gettext("%(academy)s: new and changed sessions", academy=academy.name))
    feed.subtitle(
        words.gettext(
            "Sessions of the %(academy)s as they are announced, changed or cancelled, "
            "newest change first.",
            academy=academy.name,
        )
    )
    feed.updated(max((_updated(item, built) for item in news), default=built))
    feed.author(_author(academy.name, academy.contact))
    feed.link(href=_address(site, paths.WHATS_ON_FEED), rel="self", type=ATOM_TYPE)
    feed.link(href=_address(site, paths.WHATS_ON), rel="alternate", type="text/html")
    feed.language(words.tag)
    feed.generator("qisite")
    when = TimeRange(words).text
    for item in news:
        _add_entry(site, feed.add_entry(order="append"), item, built, when)
    text: bytes = feed.atom_str(pretty=True)
    return text


def _add_entry(
    site: SiteContext,
    entry: FeedEntry,
    item: News,
    built: datetime,
    when: Callable[[datetime, datetime], str],
) -> None:
    occurrence, history = item.occurrence, item.history
    words = site.words
    changed = history.sequence > 0
    named = words.gettext(
        "%(sitting)s, %(when)s",
        sitting=history.title,
        when=when(occurrence.start, occurrence.end),
    )
    if occurrence.cancelled:
        title = words.gettext("Cancelled: %(title)s", title=named)
    elif changed:
        title = words.gettext("Changed: %(title)s", title=named)
    else:
        title = named
    updated = _updated(item, built)
    address = _address(site, paths.module(occurrence.module_id), "session-" + occurrence.slug)
    entry.id(entry_id(occurrence.uid))
    entry.title(title)
    entry.published(min(history.first_published, updated))
    entry.updated(updated)
    entry.link(href=address)
    if occurrence.module is not None:
        entry.category(term=occurrence.module_id, label=occurrence.module.title)
    values = {"o": occurrence, "changed": changed, "address": address}
    summary = site.render("whats_on/feed-entry.text.j2", paths.WHATS_ON_FEED, **values)
    entry.summary(" ".join(summary.split()))
    content = site.render("whats_on/feed-entry.html.j2", paths.WHATS_ON_FEED, **values)
    entry.content(content, type="html")


def _stamp(moment: datetime) -> datetime:
    """A moment as the manifest stores it: UTC, whole seconds."""
    return moment.astimezone(UTC).replace(microsecond=0)


def _updated(item: News, built: datetime) -> datetime:
    """When the sitting last changed; a recorded change later than the build (a clock
    that went back) counts as the build, as in the calendar feeds."""
    return min(item.history.last_changed, built)


def _address(site: SiteContext, src_uri: str, fragment: str | None = None) -> str:
    """Absolute from ``site_url``; without it, relative to the feed (at the site's root)."""
    published = site.published(src_uri, fragment)
    if published is not None:
        return published
    return site.linker(paths.WHATS_ON_FEED)(src_uri, fragment)


def _author(name: str, contact: str) -> dict[str, str]:
    """The academy, with its contact as an email address or a web address when it is one."""
    author = {"name": name}
    contact = contact.strip()
    if contact.startswith(("http://", "https://")):
        author["uri"] = contact
    elif "@" in contact and " " not in contact:
        author["email"] = contact.removeprefix("mailto:")
    return author
