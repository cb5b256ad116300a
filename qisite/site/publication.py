"""``publication.json``: the manifest of what this build published (``qisite.publication``).

Written on every build, last, from the addresses of every other output. With the
previous publication's manifest (``SiteContext.previous_publication``), each sitting's
history is carried on.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from qisite.publication import (
    AudienceEntry,
    Manifest,
    ModuleEntry,
    Published,
    build_manifest,
)
from qisite.sessions.expand import academy_slug
from qisite.site import paths
from qisite.site.context import SiteContext
from qisite.site.output import Output
from qisite.site.urls import page_url


def served_address(src_uri: str, use_directory_urls: bool) -> str | None:
    """The address a reader uses for an output, or None for our scripts and styles."""
    if src_uri.startswith(f"{paths.ASSETS}/") or src_uri == paths.PUBLICATION:
        return None
    if src_uri.endswith(".md"):
        return page_url(src_uri, use_directory_urls)
    if use_directory_urls and src_uri.endswith("/index.html"):
        return src_uri.removesuffix("index.html")  # a moved page's file: its address
    return src_uri


def published(site: SiteContext, served: Iterable[str]) -> Published:
    """What this build publishes: ``served`` are the source paths of every output."""
    curriculum = site.curriculum

    def address(src: str) -> str:
        return page_url(src, site.use_directory_urls)

    modules = {
        m.id: ModuleEntry(m.title, address(paths.module(m.id)), tuple(m.former_ids))
        for m in curriculum.modules
    }
    for retired in curriculum.retired:
        modules[retired.id] = ModuleEntry(
            retired.title,
            address(paths.module(retired.id)),
            retired=retired.retired_on,
            replacement=retired.replacement,
        )
    audiences = {
        a.id: AudienceEntry(a.name, address(paths.pathway(a.id)), tuple(a.former_ids))
        for a in curriculum.audiences
    }
    addresses = {served_address(src, site.use_directory_urls) for src in served}
    addresses.update(page_url(src, site.use_directory_urls) for src in site.content_pages)
    return Published(
        academy=academy_slug(curriculum),
        modules=modules,
        audiences=audiences,
        addresses=sorted(a for a in addresses if a is not None),
        sittings=site.published_sittings,
    )


def sitting_changes(site: SiteContext) -> dict[str, datetime]:
    """When each sitting's time, place or status last changed, carried on from the
    previous publication as this build's manifest records it (``SiteContext.sitting_history``,
    shared with it); empty without a previous publication (the feeds then take the build
    time, see ``qisite.sessions.revisions``)."""
    if site.previous_publication is None:
        return {}
    return {uid: entry.last_changed for uid, entry in site.sitting_history.items()}


def manifest(site: SiteContext, served: Iterable[str]) -> Manifest:
    """Built at the build's moment (SOURCE_DATE_EPOCH when set), the one What's on uses."""
    return build_manifest(
        published(site, served),
        site.build_moment,
        site.previous_publication,
        carried=site.sitting_history,
    )


def output(site: SiteContext, served: Iterable[str]) -> Output:
    return Output(paths.PUBLICATION, manifest(site, served).to_json())
