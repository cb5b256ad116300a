"""Build real sites into a temporary folder, the way an organiser's machine would."""

from __future__ import annotations

import logging
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from bs4 import BeautifulSoup
from mkdocs.commands.build import build
from mkdocs.config import load_config

REPO = Path(__file__).resolve().parent.parent


@dataclass
class BuiltSite:
    root: Path
    site_dir: Path
    logs: list[logging.LogRecord] = field(default_factory=list)

    def html(self, url_path: str) -> BeautifulSoup:
        """Parse the page at a site URL path such as 'pathways/board/'."""
        target = self.site_dir / url_path
        if url_path.endswith("/") or url_path == "":
            target = target / "index.html"
        return BeautifulSoup(target.read_text(encoding="utf-8"), "html.parser")

    def content(self, url_path: str) -> BeautifulSoup:
        """Only the article of a page (what qisite and the organiser wrote)."""
        article = self.html(url_path).select_one("article")
        assert article is not None, f"no article on {url_path}"
        return article

    def warnings(self) -> list[str]:
        return [r.getMessage() for r in self.logs if r.levelno >= logging.WARNING]


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@contextmanager
def _capture_logs() -> Iterator[list[logging.LogRecord]]:
    handler = _Collect()
    logger = logging.getLogger("mkdocs")
    level = logger.level
    logger.setLevel(logging.INFO)  # what `mkdocs build` shows without -q
    logger.addHandler(handler)
    try:
        yield handler.records
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)


def _academy_name(curriculum: str) -> str | None:
    """academy.name from a curriculum's text, or None where it cannot be read (the
    broken curricula some tests build)."""
    try:
        name = yaml.safe_load(curriculum)["academy"]["name"]
    except Exception:
        return None
    # Material writes site_name into pages unescaped: a name with markup (the escaping
    # test's) stays out of it, as the build's warning tells an organiser to do.
    return name if isinstance(name, str) and not {"<", ">"} & set(name) else None


def make_project(
    root: Path,
    curriculum: str | None = None,
    config: dict[str, Any] | None = None,
    extra_files: dict[str, str] | None = None,
) -> Path:
    """Copy the example project (content, overrides, mkdocs.yml) into ``root``."""
    root.mkdir(parents=True, exist_ok=True)
    # Module bodies (content/modules/<id>.md) belong to the example academy's modules.
    bodies = shutil.ignore_patterns("modules") if curriculum is not None else None
    shutil.copytree(REPO / "content", root / "content", dirs_exist_ok=True, ignore=bodies)
    shutil.copytree(REPO / "overrides", root / "overrides", dirs_exist_ok=True)
    if curriculum is None:
        for item in REPO.iterdir():
            if item.suffix in (".yaml", ".csv") and item.name != "mkdocs.yml":
                shutil.copy(item, root / item.name)
    else:
        (root / "curriculum.yaml").write_text(curriculum, encoding="utf-8")
    settings = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    if curriculum is not None:  # as `qisite new` does: the site is named after the academy
        settings["site_name"] = _academy_name(curriculum) or settings["site_name"]
    settings.update(config or {})
    (root / "mkdocs.yml").write_text(yaml.safe_dump(settings, sort_keys=False), "utf-8")
    for name, text in (extra_files or {}).items():
        target = root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return root


def build_project(root: Path, strict: bool = False, config_file: str = "mkdocs.yml") -> BuiltSite:
    site_dir = root / "site"
    with _capture_logs() as records:
        cfg = load_config(
            config_file=str(root / config_file), site_dir=str(site_dir), strict=strict
        )
        cfg.plugins.on_startup(command="build", dirty=False)
        try:
            build(cfg)
        finally:
            cfg.plugins.on_shutdown()
    return BuiltSite(root, site_dir, list(records))


def naming_previous(previous: BuiltSite, config: dict[str, Any] | None = None) -> dict[str, Any]:
    """build_site's keyword arguments for a build whose mkdocs.yml names ``previous``'s
    publication.json (copied to last/) as the plugin's previous_manifest, over ``config``."""
    manifest = (previous.site_dir / "publication.json").read_text(encoding="utf-8")
    plugins = [
        "search",
        {"qisite": {"curriculum": "curriculum.yaml", "previous_manifest": "last/publication.json"}},
    ]
    return {
        "config": {**(config or {}), "plugins": plugins},
        "extra_files": {"last/publication.json": manifest},
    }


def build_site(
    root: Path,
    curriculum: str | None = None,
    config: dict[str, Any] | None = None,
    extra_files: dict[str, str] | None = None,
    strict: bool = False,
) -> BuiltSite:
    return build_project(make_project(root, curriculum, config, extra_files), strict=strict)
