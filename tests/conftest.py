"""Shared fixtures: a built example site, a local server, and headless Chromium."""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest

from tests.browser import CHROMIUM_ARGS, chromium_path, is_local, serve
from tests.sitebuild import BuiltSite, build_site

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


@pytest.fixture(scope="session")
def example_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The shipped example academy, built once for the whole run."""
    return build_site(tmp_path_factory.mktemp("example"))


@pytest.fixture(scope="session")
def hundred_modules(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The benchmark's synthetic academy of 100 modules (ten staff groups of thirty modules
    each, so pathways long enough for several pages), built once for the whole run."""
    from benchmarks.build_bench import SOURCE_DATE_EPOCH, write_project
    from tests.sitebuild import build_project

    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", SOURCE_DATE_EPOCH)
        return build_project(write_project(tmp_path_factory.mktemp("hundred"), 100))


@pytest.fixture(scope="session")
def example_url(example_site: BuiltSite) -> Iterator[str]:
    with serve(example_site.site_dir) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium_path(), headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    """A fresh page that refuses, and records, every request to another host."""
    context = browser.new_context()
    outside: list[str] = []

    def guard(route: Any) -> None:
        if is_local(route.request.url):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    context.route("**/*", guard)
    page = context.new_page()
    page.outside_requests = outside  # type: ignore[attr-defined]
    yield page
    context.close()
