"""The dosing matrix page."""

from __future__ import annotations

from collections.abc import Iterator

from qisite.site import paths
from qisite.site.context import SiteContext
from qisite.site.output import Output
from qisite.views.matrix import dosing_matrix


def produce(site: SiteContext) -> Iterator[Output]:
    matrix = dosing_matrix(site.curriculum)
    yield Output(paths.MATRIX, site.render("matrix/matrix.md.j2", paths.MATRIX, matrix=matrix))
