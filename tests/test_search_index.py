"""The search index holds each thing once: a phone fetches the whole index on every page.

Lists that repeat what the module pages say (a pathway's module cards, the modules
index) and the sentences every module page shares stay out of it; each module stays
findable by its title and summary on its own page.
"""

from __future__ import annotations

import json

from qisite.inputs import load_inputs
from qisite.site import paths
from qisite.site.urls import page_url
from tests.sitebuild import BuiltSite


def _index(site: BuiltSite) -> list[dict[str, str]]:
    data = json.loads((site.site_dir / "search" / "search_index.json").read_text("utf-8"))
    docs: list[dict[str, str]] = data["docs"]
    return docs


def test_each_module_is_found_on_its_own_page_and_nowhere_else(example_site: BuiltSite) -> None:
    docs = _index(example_site)
    curriculum = load_inputs(example_site.root / "curriculum.yaml").require().curriculum
    checked = 0
    for module in curriculum.modules:
        if not module.summary:
            continue
        where = page_url(paths.module(module.id), True)
        own = [d for d in docs if d["location"] == where]
        assert own and own[0]["title"] == module.title, module.id
        assert module.summary.split(".")[0][:60] in own[0]["text"], module.id
        elsewhere = [
            d["location"]
            for d in docs
            if module.summary[:60] in d["text"] and not d["location"].startswith(where)
        ]
        assert elsewhere == [], (module.id, elsewhere)
        checked += 1
    assert checked >= 10


def test_sentences_every_module_page_shares_are_not_indexed(example_site: BuiltSite) -> None:
    docs = _index(example_site)
    shared_sentences = (
        "The table shows the depth each group",
        "Take these modules first",
        "Sessions that have already ended are hidden",
    )
    for shared in shared_sentences:
        assert [d["location"] for d in docs if shared in d["text"]] == [], shared
    # The pages and their headings are still there to be found.
    assert any(d["location"].endswith("#qisite-who") for d in docs)
