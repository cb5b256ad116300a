"""Printable posters, A4 or A3, for a month, a pathway and a single session.

Each is a plain HTML file with its own print stylesheet (no theme, no navigation), so
that what prints is the poster alone, and a QR code (segno, inline SVG) leads to the
page on the published site. Without ``site_url`` the poster says so in the code's place.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from markupsafe import Markup

from qisite.sessions import Occurrence
from qisite.sessions.expand import grouped
from qisite.site import paths
from qisite.site.assets import bundle_key, script_path
from qisite.site.context import SiteContext
from qisite.site.output import Output
from qisite.site.published import qr_svg

SHOWN = 10
"""Sittings a poster shows: enough to plan by, few enough to read from across a corridor."""
HELD = 40
"""Sittings a poster's file holds, of which its script shows the first ``SHOWN`` to come."""
POSTER_SCRIPT = script_path(bundle_key(("pages", "whats-on")))
"""The print button (pages), the coming sittings (whats-on, with the calendar's clock)."""


@dataclass(frozen=True)
class Poster:
    src_uri: str
    title: str
    lead: str
    occurrences: list[Occurrence]
    target: str
    """The page the QR code leads to."""
    booking: str | None = None
    """One booking link for every sitting, printed in full."""


def produce(site: SiteContext) -> Iterator[Output]:
    for poster in posters(site):
        yield Output(poster.src_uri, _render(site, poster))


def posters(site: SiteContext) -> Iterator[Poster]:
    words = site.words
    academy = site.curriculum.academy
    for month_key, in_month in grouped(site.occurrences, lambda o: f"{o.start:%Y-%m}").items():
        label = words.month_year(in_month[0].start)
        yield Poster(
            paths.month_poster(month_key),
            words.gettext("Improvement sessions in %(month)s", month=label),
            words.gettext(
                "Quality improvement learning from the %(academy)s.", academy=academy.name
            ),
            in_month,
            paths.calendar_page(month_key),
        )
    for audience in site.curriculum.audiences:
        chosen = site.occurrences_by_audience.get(audience.id, [])
        yield Poster(
            paths.pathway_poster(audience.id),
            words.gettext("Improvement learning for %(audience)s", audience=audience.name),
            words.gettext(
                "Sessions on the %(audience)s pathway of the %(academy)s.",
                audience=audience.name,
                academy=academy.name,
            ),
            chosen,
            paths.pathway(audience.id),
        )
    for session_id, sittings in grouped(site.occurrences, lambda o: o.session_id).items():
        first = sittings[0]
        bookings = {o.booking for o in sittings}
        title = first.title if not first.cohort else f"{first.title} ({first.cohort})"
        yield Poster(
            paths.session_poster(session_id),
            title,
            words.gettext("A session of the %(academy)s.", academy=academy.name),
            sittings,
            paths.module(first.module_id),
            bookings.pop() if len(bookings) == 1 else None,
        )


def _render(site: SiteContext, poster: Poster) -> str:
    since = site.build_moment
    ahead = [o for o in poster.occurrences if o.end > since]
    held = ahead[:HELD]
    address = site.published(poster.target)
    qr: Markup | None = qr_svg(address) if address else None
    return site.render(
        "posters/poster.html.j2",
        poster.src_uri,
        poster=poster,
        held=held,
        beyond=len(ahead) - len(held),
        more=max(len(held) - SHOWN, 0) + len(ahead) - len(held),
        shown=SHOWN,
        address=address,
        qr=qr,
        script=POSTER_SCRIPT,
    )
