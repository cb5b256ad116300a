"""The docs folder for an engine that runs no MkDocs plugin: the project's pages and
files merged with everything qisite generates, written whole or not at all."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from qisite.engines.step import Generated

BUILD_DOCS = Path("build") / "docs"
"""Where ``qisite generate`` writes, inside the project (its .gitignore lists /build/)."""


def read_docs_pages(docs_dir: Path) -> dict[str, str]:
    """The Markdown of every page in the docs folder, by path in it."""
    return {
        page.relative_to(docs_dir).as_posix(): page.read_text(encoding="utf-8-sig")
        for page in sorted(docs_dir.rglob("*.md"))
    }


def _write(path: Path, content: str | bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)


def write_docs_folder(
    docs_dir: Path, pages: dict[str, str], generated: Generated, out: Path
) -> int:
    """Write the merged folder to ``out``; the number of files qisite added or changed.

    It is written beside ``out`` first and renamed into place, so a run that fails
    leaves the previous folder as it was. Generated files win over the project's
    own on a clash, as they do in the MkDocs plugin.
    """
    out = out.resolve()
    if out == docs_dir or docs_dir in out.parents:
        raise ValueError(f"the generated folder {out} cannot be inside the docs folder {docs_dir}")
    out.parent.mkdir(parents=True, exist_ok=True)
    fresh = out.with_name(f".{out.name}.new-{os.getpid()}")
    shutil.rmtree(fresh, ignore_errors=True)
    try:
        shutil.copytree(docs_dir, fresh)
        written = 0
        for src_uri in generated.module_bodies:
            (fresh / src_uri).unlink()
        for src_uri, markdown in pages.items():
            if src_uri in generated.module_bodies:
                continue
            expanded = generated.page(src_uri, markdown)
            if expanded != markdown:
                _write(fresh / src_uri, expanded)
                written += 1
        for output in generated.outputs:
            _write(fresh / output.src_uri, output.content)
            written += 1
        _swap_into_place(fresh, out)
    finally:
        shutil.rmtree(fresh, ignore_errors=True)
    return written


def _swap_into_place(fresh: Path, out: Path) -> None:
    if not out.exists():
        fresh.rename(out)
        return
    old = out.with_name(f".{out.name}.old-{os.getpid()}")
    shutil.rmtree(old, ignore_errors=True)
    out.rename(old)
    fresh.rename(out)
    shutil.rmtree(old, ignore_errors=True)
