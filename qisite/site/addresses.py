"""Old addresses kept working: a page at each former id of a module or an audience (its
pathway and its page of the dosing matrix) that sends the reader on, and a page at each
retired module's address that says so.

A former id's page is a plain HTML file, not a page of the engine: a meta refresh and a
visible link (no JavaScript, works offline and from a plain folder), ``rel=canonical``
to the new address (absolute when ``site_url`` is known) and ``noindex``. Any engine
copies it as it is. The feeds of former ids are written by ``site.calendar``, the
learners' records moved by the record's script (``site.learning``).
"""

from __future__ import annotations

from collections.abc import Iterator

from qisite.site import paths
from qisite.site.context import SiteContext
from qisite.site.output import Output
from qisite.site.urls import page_url, relative_url


def _moved(site: SiteContext, old_src: str, new_src: str, title: str) -> Output:
    """The file at ``old_src``'s address that sends readers to ``new_src``."""
    file = paths.redirect(old_src, site.use_directory_urls)
    here = page_url(old_src, site.use_directory_urls)
    target = relative_url(page_url(new_src, site.use_directory_urls), here)
    # Search engines want the canonical address whole; the refresh and the link stay
    # relative, so that the page also works from a folder or another copy of the site.
    canonical = site.published(new_src) or target
    return Output(
        file,
        site.render(
            "addresses/moved.html.j2", file, target=target, canonical=canonical, title=title
        ),
    )


def produce(site: SiteContext) -> Iterator[Output]:
    curriculum = site.curriculum
    for module in curriculum.modules:
        for former in module.former_ids:
            yield _moved(site, paths.module(former), paths.module(module.id), module.title)
    for audience in curriculum.audiences:
        for former in audience.former_ids:
            yield _moved(site, paths.pathway(former), paths.pathway(audience.id), audience.name)
            yield _moved(
                site, paths.matrix_group(former), paths.matrix_group(audience.id), audience.name
            )
    for retired in curriculum.retired:
        src = paths.module(retired.id)
        replacement = curriculum.modules_by_id.get(retired.replacement or "")
        yield Output(
            src,
            site.render("addresses/retired.md.j2", src, retired=retired, replacement=replacement),
            in_nav=False,
        )
