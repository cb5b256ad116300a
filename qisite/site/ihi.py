"""The IHI Open School page: courses the academy uses and certificate coverage per pathway."""

from __future__ import annotations

from collections.abc import Iterator

from qisite.site import paths
from qisite.site.context import SiteContext
from qisite.site.output import Output
from qisite.views.ihi import ihi_overview


def produce(site: SiteContext) -> Iterator[Output]:
    overview = ihi_overview(site.curriculum, site.catalogue)
    yield Output(
        paths.IHI_OPEN_SCHOOL,
        site.render(
            "ihi/ihi-open-school.md.j2",
            paths.IHI_OPEN_SCHOOL,
            overview=overview,
            catalogue=site.catalogue,
        ),
    )
