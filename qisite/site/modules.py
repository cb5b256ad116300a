"""Module pages (one per module, with the organiser's own text) and the modules index."""

from __future__ import annotations

from collections.abc import Iterator

from qisite.site import paths
from qisite.site.context import SiteContext
from qisite.site.labels import REACH_LABELS
from qisite.site.output import Output
from qisite.views.pathways import depth_for_module, unlocked_by


def produce(site: SiteContext) -> Iterator[Output]:
    curriculum = site.curriculum
    by_level = [
        (level, [m for m in curriculum.modules if m.dose == level.id])
        for level in curriculum.dose_levels
    ]
    yield Output(
        paths.MODULES_INDEX,
        site.render("modules/index.md.j2", paths.MODULES_INDEX, by_level=by_level),
    )
    followers = unlocked_by(curriculum)
    for module in curriculum.modules:
        src = paths.module(module.id)
        yield Output(
            src,
            site.render(
                "modules/module.md.j2",
                src,
                module=module,
                body=site.module_bodies.get(module.id, "").strip(),
                depths=depth_for_module(curriculum, module),
                unlocks=followers.get(module.id, []),
                reach_labels=REACH_LABELS,
            ),
            in_nav=False,
        )
