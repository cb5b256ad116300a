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
    from qisite.site import assets, capacity, ihi, learning, matrix, modules, pathways
    from qisite.site import calendar as calendar_pages

    return [
        pathways.produce,
        modules.produce,
        matrix.produce,
        calendar_pages.produce,
        ihi.produce,
        learning.produce,
        capacity.produce,
        assets.produce,
    ]


def produce_all(site: SiteContext) -> Iterator[Output]:
    for producer in producers():
        yield from producer(site)


__all__ = ["Output", "Producer", "SiteContext", "produce_all"]
