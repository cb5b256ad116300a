"""Rendering of the site from the validated model. Knows Jinja2, not MkDocs.

Each feature module has a ``produce(site) -> Iterable[Output]``; ``PRODUCERS``
lists them in the order their files are added. ``SiteContext`` holds the build's
``Inputs`` (``qisite.model.inputs``): nothing here opens a curriculum file.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from qisite.site import (
    addresses,
    assets,
    atom_feed,
    calendar,
    capacity,
    ihi,
    learning,
    matrix,
    modules,
    pathways,
    posters,
    publication,
    whats_on,
)
from qisite.site import projects as project_pages
from qisite.site.context import SiteContext
from qisite.site.output import Output

Producer = Callable[[SiteContext], Iterable[Output]]

PRODUCERS: list[Producer] = [
    pathways.produce,
    modules.produce,
    matrix.produce,
    calendar.produce,
    whats_on.produce,
    atom_feed.produce,
    posters.produce,
    ihi.produce,
    learning.produce,
    capacity.produce,
    project_pages.produce,
    assets.produce,
    addresses.produce,
]


def produce_all(site: SiteContext) -> Iterator[Output]:
    """Every producer's outputs, then the publication manifest, which lists them."""
    served: list[str] = []
    for producer in PRODUCERS:
        for output in producer(site):
            served.append(output.src_uri)
            yield output
    yield publication.output(site, served)


__all__ = ["PRODUCERS", "Output", "Producer", "SiteContext", "produce_all"]
