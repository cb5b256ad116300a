"""Our own stylesheets and scripts, shipped in the package and copied under ``paths.ASSETS``.

Nothing is fetched from another host: trust networks block it, and the site
must work offline.
"""

from __future__ import annotations

from collections.abc import Iterator
from importlib import resources

from qisite.site import paths
from qisite.site.context import SiteContext
from qisite.site.output import Output
from qisite.site.script_words import script_words


def _asset_names() -> list[str]:
    folder = resources.files("qisite").joinpath("assets")
    return sorted(item.name for item in folder.iterdir() if item.name.endswith((".css", ".js")))


def stylesheets() -> list[str]:
    """Site-root paths of our stylesheets, for MkDocs' ``extra_css``."""
    return [f"{paths.ASSETS}/{name}" for name in _asset_names() if name.endswith(".css")]


def scripts() -> list[str]:
    """Site-root paths of our scripts, for MkDocs' ``extra_javascript``: the words and the
    academy's data first, which the others read."""
    ours = [f"{paths.ASSETS}/{name}" for name in _asset_names() if name.endswith(".js")]
    return [paths.WORDS_SCRIPT, paths.ACADEMY_SCRIPT, *ours]


def produce(site: SiteContext) -> Iterator[Output]:
    folder = resources.files("qisite").joinpath("assets")
    for name in _asset_names():
        yield Output(f"{paths.ASSETS}/{name}", folder.joinpath(name).read_bytes())
    data = script_words(site.words)
    words_script = site.render("scripts/words.js.j2", paths.WORDS_SCRIPT, data=data)
    yield Output(paths.WORDS_SCRIPT, words_script)
