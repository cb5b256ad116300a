"""Links between generated files, computed the way MkDocs computes page addresses.

Generated pages carry their HTML as raw blocks, which MkDocs does not rewrite,
so every href is made relative here. Relative links keep the site working under
a sub-path (GitHub Pages project sites) and from a plain folder.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from functools import lru_cache


def page_url(src_uri: str, use_directory_urls: bool) -> str:
    """The URL (relative to the site root) that MkDocs gives a source file."""
    if not src_uri.endswith(".md"):
        return src_uri
    stem = src_uri[: -len(".md")]
    directory, name = posixpath.split(stem)
    if not use_directory_urls:
        return f"{stem}.html"
    if name in ("index", "README"):
        return f"{directory}/" if directory else "./"
    return f"{stem}/"


@lru_cache(maxsize=65536)
def relative_url(target: str, source: str) -> str:
    """``target`` as seen from the page at ``source`` (both site-root URLs).

    Cached: a large site asks the same question tens of thousands of times.
    """
    source_dir = source if source.endswith("/") else posixpath.dirname(source) + "/"
    if source_dir in ("./", "/"):
        source_dir = ""
    base = source_dir.rstrip("/") or "."
    is_directory = target.endswith("/")
    target_path = target.rstrip("/") or "."
    relative = _relative_path(target_path, base)
    if relative == ".":
        return "./"
    return relative + "/" if is_directory else relative


def _relative_path(target: str, base: str) -> str:
    """``posixpath.relpath(target, base)`` for two paths under the site root.

    posixpath.relpath makes both paths absolute first, asking the operating
    system for the working folder each time: 70,000 system calls on a large site.
    Paths that climb out of the root are left to it.
    """
    target, base = posixpath.normpath(target), posixpath.normpath(base)
    if target.startswith(("..", "/")) or base.startswith(("..", "/")):
        return posixpath.relpath(target, base)
    target_parts = [] if target == "." else target.split("/")
    base_parts = [] if base == "." else base.split("/")
    common = 0
    for left, right in zip(target_parts, base_parts, strict=False):
        if left != right:
            break
        common += 1
    parts = [".."] * (len(base_parts) - common) + target_parts[common:]
    return "/".join(parts) or "."


@dataclass(frozen=True)
class Linker:
    """Builds hrefs from one page to other source files."""

    from_src: str
    use_directory_urls: bool
    from_source: bool = False
    """Links as seen from the page's Markdown file, not its address: Zensical resolves a
    page's relative hrefs from where its .md file lies, then rewrites them for the page's
    address (``calendar/2027-02/`` in ``calendar.md`` is written ``../calendar/2027-02/``
    on the page at ``calendar/``), so hrefs made from the address climbed one level too
    many. Only for hrefs in Markdown pages: data read by scripts, and HTML files, are
    not rewritten."""

    @property
    def here(self) -> str:
        if self.from_source and self.from_src.endswith(".md"):
            return page_url(self.from_src, use_directory_urls=False)
        return page_url(self.from_src, self.use_directory_urls)

    def __call__(self, target_src: str, fragment: str | None = None) -> str:
        href = relative_url(page_url(target_src, self.use_directory_urls), self.here)
        return f"{href}#{fragment}" if fragment else href
