"""Rendering of the site from the validated model. Knows Jinja2, not MkDocs.

Each feature module has a ``produce(site) -> Iterable[Output]``; ``PRODUCERS``
lists them in the order their files are added.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from qisite.site.context import SiteContext
from qisite.site.output import Output

Producer = Callable[[SiteContext], Iterable[Output]]


def producers() -> list[Producer]:
    from qisite.site import calendar as calendar_pages
    from qisite.site import capacity, pathways

    return [pathways.produce, calendar_pages.produce, capacity.produce]


def produce_all(site: SiteContext) -> Iterator[Output]:
    for producer in producers():
        yield from producer(site)


__all__ = ["Output", "Producer", "SiteContext", "produce_all"]
