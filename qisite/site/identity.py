"""The academy's name in mkdocs.yml, which the header and every page title show.

Engines that read mkdocs.yml but run no plugin (Zensical) take ``site_name`` from
there, so the name is written there (``qisite new`` does it) rather than set by the
plugin; the build only warns when it is not the name in the curriculum.
"""

from __future__ import annotations


def site_name_warning(site_name: str, academy_name: str, config_file: str) -> str | None:
    """A message for the organiser when mkdocs.yml's site_name is not the academy's name,
    or holds markup (Material writes site_name into every page unescaped)."""
    if "<" in site_name or ">" in site_name:
        return (
            f"{config_file}: site_name {site_name!r} contains < or >, which the theme writes "
            "into every page as HTML, not as text. Hint: give the name in plain words"
        )
    if site_name.strip() == academy_name.strip():
        return None
    return (
        f"{config_file}: site_name is {site_name!r}, but the curriculum names the academy "
        f"{academy_name!r}; the header and page titles show site_name. "
        f"Hint: set site_name: {academy_name} in {config_file}"
    )


def theme_language_warning(
    theme_language: str | None, academy_language: str, config_file: str
) -> str | None:
    """A message when the theme's language (which gives every page its ``lang`` and
    reading direction) is not the academy's: an Arabic academy under Material's default
    'en' is read aloud as English, left to right."""
    theme = str(theme_language or "en").replace("_", "-")
    if theme.split("-")[0].lower() == academy_language.replace("_", "-").split("-")[0].lower():
        return None
    return (
        f"{config_file}: theme.language is {theme!r}, but the curriculum's academy.language "
        f"is {academy_language!r}; every page is marked as {theme!r} (its lang and reading "
        f"direction) while its words are in {academy_language!r}. Hint: set the theme's "
        f"language: {academy_language.replace('_', '-').split('-')[0].lower()} in "
        f"{config_file}"
    )
