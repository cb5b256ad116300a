"""How the theme loads qisite's styles and scripts: per page, or everything everywhere.

Per page needs the theme override ``partials/qisite-assets.html`` called from the
project's ``main.html`` (the example's ``overrides/`` has both, and ``qisite new`` copies
them). A project whose overrides predate it, or that has none, still works: every page
then loads the bundle of every feature, through ``extra_css`` / ``extra_javascript``.
With Material's instant navigation, pages are swapped without loading their scripts,
so the partial is told to load every feature on every page too.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from qisite.site import assets

PARTIAL = "partials/qisite-assets.html"
INSTANT = "navigation.instant"


@dataclass(frozen=True)
class AssetSettings:
    extra: dict[str, Any] = field(default_factory=dict)
    """Keys to add to the config's ``extra`` (read by the partial)."""
    extra_css: tuple[str, ...] = ()
    extra_javascript: tuple[str, ...] = ()

    def fallback_note(self) -> str:
        """Why every page loads everything, or "" when pages load what they use."""
        if self.extra:
            return ""
        return (
            f"the theme's main.html does not include {PARTIAL}, so every page loads all of "
            "qisite's styles and scripts; copy overrides/main.html and "
            f"overrides/{PARTIAL} from a new project (qisite new) to load only what each "
            "page uses"
        )


def _includes_partial(custom_dir: Path | None) -> bool:
    if custom_dir is None:
        return False
    main = custom_dir / "main.html"
    try:
        return (custom_dir / PARTIAL).is_file() and PARTIAL in main.read_text(encoding="utf-8")
    except OSError:
        return False


def asset_settings(custom_dir: Path | None, features: Iterable[str]) -> AssetSettings:
    """How pages get qisite's assets, given the theme's ``custom_dir`` and ``features``."""
    if _includes_partial(custom_dir):
        every_page = INSTANT in set(features)
        return AssetSettings(extra={"qisite_assets": assets.theme_settings(every_page)})
    return AssetSettings(
        extra_css=(assets.stylesheet_path(assets.EVERY_STYLE),),
        extra_javascript=(assets.script_path(assets.EVERY_FEATURE),),
    )
