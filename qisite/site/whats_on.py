"""The What's on page (the coming weeks, by the reader's clock and chosen pathway) and
the bulletin snippet that communications teams paste into an email or news item."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from qisite.sessions import Occurrence
from qisite.site import paths
from qisite.site.context import SiteContext
from qisite.site.output import Output
from qisite.views.coming import held_ahead, within


def produce(site: SiteContext) -> Iterator[Output]:
    weeks = site.curriculum.academy.whats_on_weeks
    held = held_ahead(site.occurrences, site.build_moment, weeks)
    used = {a for o in held.occurrences for a in o.audiences}
    yield Output(
        paths.WHATS_ON,
        site.render(
            "whats_on/whats-on.md.j2",
            paths.WHATS_ON,
            held=held,
            weeks=weeks,
            built=site.build_moment,
            audiences=[a for a in site.curriculum.audiences if a.id in used],
        ),
    )
    snippet = bulletin_snippet(site, held.occurrences)
    coming = {o.uid for o in within(held.occurrences, site.build_moment, weeks)}
    first = [i for o, i in zip(held.occurrences, snippet["items"], strict=True) if o.uid in coming]
    yield Output(
        paths.BULLETIN,
        site.render(
            "whats_on/bulletin.md.j2",
            paths.BULLETIN,
            weeks=weeks,
            built=site.build_moment,
            snippet=snippet,
            first_html=assemble(snippet, "html", first),
            first_text=assemble(snippet, "text", first),
        ),
        in_nav=False,
    )


PARTS = {"before": "before", "none": "nothing", "after": "after", "listStart": "list_start",
         "listEnd": "list_end"}
"""The snippet's parts around its lines: the key the page's script reads, and the macro."""


def bulletin_snippet(site: SiteContext, occurrences: list[Occurrence]) -> dict[str, Any]:
    """The snippet's parts, as HTML (inline styles only, absolute links) and as plain
    text: what comes before and after the list, and one line per sitting with its times,
    from which the page's script picks the coming weeks."""
    weeks = site.curriculum.academy.whats_on_weeks
    values: dict[str, Any] = {"weeks": weeks, "whats_on": site.published(paths.WHATS_ON)}
    snippet: dict[str, Any] = {"weeks": weeks}
    lines: dict[str, list[str]] = {}
    for kind in ("html", "text"):
        module: Any = site.env.get_template(f"whats_on/snippet.{kind}.j2").make_module(
            {"site": site, "curriculum": site.curriculum, **values}
        )
        snippet[kind] = {key: str(getattr(module, macro)()) for key, macro in PARTS.items()}
        lines[kind] = [str(module.item(o, _sitting_address(site, o))) for o in occurrences]
    snippet["items"] = [
        {"start": o.start.isoformat(), "end": o.end.isoformat(), "html": html, "text": text}
        for o, html, text in zip(occurrences, lines["html"], lines["text"], strict=True)
    ]
    return snippet


def _sitting_address(site: SiteContext, occurrence: Occurrence) -> str | None:
    return site.published(paths.module(occurrence.module_id), "session-" + occurrence.slug)


def assemble(snippet: dict[str, Any], kind: str, chosen: list[dict[str, Any]]) -> str:
    """The snippet of ``kind`` ('html' or 'text') for the chosen items, as the page's
    script assembles it (the build does the same for its own date, for readers without
    scripts)."""
    parts: dict[str, str] = snippet[kind]
    if not chosen:
        return parts["before"] + parts["none"] + parts["after"]
    lines = "".join(str(item[kind]) for item in chosen)
    return parts["before"] + parts["listStart"] + lines + parts["listEnd"] + parts["after"]
