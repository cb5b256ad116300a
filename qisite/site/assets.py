"""Our own stylesheets and scripts: each page loads one stylesheet and at most one script,
made for the features it shows.

A phone on a slow link pays for every request and byte before the first paint, so a page
does not load the calendar's script unless it lists sittings, nor the learning record's
unless it has something to mark. The sources in ``qisite/assets`` are grouped into
features, each named by the markers in a page's HTML that need it; the build writes one
minified bundle for every combination of features (a handful), and the theme partial
``overrides/partials/qisite-assets.html`` looks for the markers in the page and links the
bundle it needs. Nothing is fetched from another host: trust networks block it, and the
site must work offline.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import resources
from itertools import combinations
from typing import Any

import rcssmin
import rjsmin

from qisite.site import paths
from qisite.site.calendar import filter_choices
from qisite.site.context import SiteContext
from qisite.site.learning import academy_data
from qisite.site.output import Output
from qisite.site.script_words import script_words

BUNDLES = f"{paths.ASSETS}/bundles"
BASE_STYLESHEET = "qisite.css"
"""Styles every page uses: the theme fixes, the NHS-blue preset, facts, tables, print."""
BASE_KEY = "base"
"""The bundle of a page with none of the features: the base stylesheet and no script."""
WORDS = "words.js"
ON_PAGE = "on-page.js"
"""The one rule by which every script runs its set-up on each page (window.qisiteOnPage)."""
ACADEMY = "academy.js"
"""Written by the build (not in qisite/assets): the words in the academy's language, and
the academy's id and module ids for the learning record."""
CALENDAR_CHOICES = "calendar-choices.js"
"""Written by the build: the audiences the calendar's filter offers (its pages do not
carry them)."""


@dataclass(frozen=True)
class Feature:
    name: str
    markers: tuple[str, ...]
    """Text in a page's HTML that shows it needs this feature: an attribute a script
    looks for, or a class a stylesheet styles."""
    stylesheets: tuple[str, ...]
    scripts: tuple[str, ...]
    needs: tuple[str, ...] = ()
    """Features whose scripts this one's calls (loaded with it): whats-on.js asks
    calendar.js whether a sitting is past and pages.js for the stored pathway."""


FEATURES: tuple[Feature, ...] = (
    Feature(
        "calendar",
        markers=(
            "data-qisite-calendar",
            "data-qisite-sessions",
            "qisite-session",
            "qisite-calendar",
            "qisite-feed-address",
        ),
        stylesheets=("calendar.css",),
        scripts=(CALENDAR_CHOICES, "calendar.js"),
    ),
    Feature(
        "pages",
        markers=("data-qisite-chooser", "data-qisite-print", "data-qisite-feed-address"),
        stylesheets=(),
        scripts=("pages.js",),
    ),
    Feature(
        "record",
        markers=(
            "data-qisite-pathway",
            "data-qisite-module-page",
            "data-qisite-ihi",
            "data-qisite-my-learning",
            "data-qisite-mark",
            "data-qisite-action",
            "data-qisite-import",
            "data-qisite-needs-record",
            "qisite-mark",
            "qisite-progress",
            "qisite-learning-pathways",
        ),
        stylesheets=("learning-record.css",),
        scripts=(ACADEMY, "learning-record.js"),
    ),
    Feature(
        "whats-on",
        markers=(
            "data-qisite-whats-on",
            "data-qisite-bulletin",
            "data-qisite-poster-list",
            "qisite-bulletin",
            "qisite-whats-on",
            "qisite-warning",
        ),
        stylesheets=("whats-on.css",),
        scripts=("whats-on.js",),
        needs=("calendar", "pages"),
    ),
)
FEATURE_NAMES = tuple(feature.name for feature in FEATURES)
_BY_NAME = {feature.name: feature for feature in FEATURES}


def bundle_key(names: Iterable[str]) -> str:
    """The name of the script bundle for these features: their names in FEATURES order,
    joined by dots (the theme partial builds the same key), or "base" for none."""
    wanted = set(names)
    for name in list(wanted):
        wanted.update(_BY_NAME[name].needs)
    return ".".join(name for name in FEATURE_NAMES if name in wanted) or BASE_KEY


def stylesheet_key(names: Iterable[str]) -> str:
    """The name of the stylesheet bundle: as ``bundle_key``, of the features that have
    styles of their own, so that pages differing only in scripts share one cached file."""
    key = bundle_key(names)
    styled = [n for n in key.split(".") if n != BASE_KEY and _BY_NAME[n].stylesheets]
    return ".".join(styled) or BASE_KEY


def stylesheet_path(key: str) -> str:
    return f"{BUNDLES}/{key}.css"


def script_path(key: str) -> str:
    return f"{BUNDLES}/{key}.js"


EVERY_FEATURE = bundle_key(FEATURE_NAMES)
EVERY_STYLE = stylesheet_key(FEATURE_NAMES)


def _markers(feature: Feature) -> list[str]:
    """A feature's markers and those of every feature that needs it, so that the partial
    finds a whole set with no rule of its own."""
    found = list(feature.markers)
    for other in FEATURES:
        if feature.name in other.needs:
            found.extend(m for m in other.markers if m not in found)
    return found


def theme_settings(every_page: bool) -> dict[str, Any]:
    """What the theme partial reads from ``config.extra.qisite_assets``: the features and
    their markers, where the bundles are, and whether every page loads them all (with
    Material's instant navigation, which swaps pages without loading their scripts)."""
    return {
        "folder": BUNDLES,
        "features": [
            {"name": f.name, "markers": _markers(f), "styles": bool(f.stylesheets)}
            for f in FEATURES
        ],
        "every_page": {"styles": EVERY_STYLE, "scripts": EVERY_FEATURE} if every_page else {},
    }


def _combinations() -> list[tuple[str, ...]]:
    return [
        chosen
        for size in range(len(FEATURES) + 1)
        for chosen in combinations(FEATURE_NAMES, size)
    ]


def _features(key: str) -> list[Feature]:
    return [] if key == BASE_KEY else [_BY_NAME[name] for name in key.split(".")]



def produce(site: SiteContext) -> Iterator[Output]:
    folder = resources.files("qisite").joinpath("assets")
    sources = {
        item.name: item.read_text(encoding="utf-8")
        for item in folder.iterdir()
        if item.name.endswith((".css", ".js"))
    }
    sources[WORDS] = site.render("scripts/words.js.j2", BUNDLES, data=script_words(site.words))
    academy = academy_data(site, BUNDLES)
    sources[ACADEMY] = site.render("scripts/academy.js.j2", BUNDLES, data=academy)
    choices = filter_choices(site)
    sources[CALENDAR_CHOICES] = site.render("scripts/calendar-choices.js.j2", BUNDLES, data=choices)
    for key in sorted({stylesheet_key(chosen) for chosen in _combinations()}):
        # Name order is the order the stylesheets always loaded in, so the cascade holds.
        names = sorted({BASE_STYLESHEET, *(s for f in _features(key) for s in f.stylesheets)})
        css = "\n".join(rcssmin.cssmin(sources[name]) for name in names)
        yield Output(stylesheet_path(key), css + "\n")
    for key in sorted({bundle_key(chosen) for chosen in _combinations()} - {BASE_KEY}):
        names = [WORDS, ON_PAGE, *(s for f in _features(key) for s in f.scripts)]
        # Each source is a whole statement; ";" guards one that ends without it.
        js = ";\n".join(rjsmin.jsmin(sources[name]) for name in names)
        yield Output(script_path(key), js + "\n")
