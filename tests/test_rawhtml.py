"""Generated HTML is kept away from Python-Markdown and put back unchanged."""

from __future__ import annotations

import markdown

from qisite.site.rawhtml import (
    HTML,
    HTML_END,
    HTML_START,
    UNINDEXED,
    UNINDEXED_END,
    UNINDEXED_START,
)

PAGE = (
    f'{HTML_START}\n<div class="a">\n<p>*not markdown*</p>\n{HTML_END}\n'
    "## Organiser text\n\nSome *emphasis*.\n\n"
    f"{HTML_START}\n<ul><li>x</li></ul>\n</div>\n{HTML_END}\n"
)


def test_blocks_are_swapped_out_and_markdown_between_them_still_renders() -> None:
    text, stash = HTML.take_out(PAGE)
    assert "<div" not in text and "<ul>" not in text
    assert len(stash) == 2
    html = HTML.put_back(markdown.Markdown(extensions=["toc"]).convert(text), stash)
    assert '<div class="a">\n<p>*not markdown*</p>' in html  # left exactly as written
    assert "<em>emphasis</em>" in html
    assert html.index('<div class="a">') < html.index("Organiser text") < html.index("<ul>")
    assert "qisite:stash" not in html


def test_a_page_without_blocks_is_untouched() -> None:
    assert HTML.take_out("# Title\n\ntext\n") == ("# Title\n\ntext\n", [])
    assert HTML.put_back("<p>x</p>", []) == "<p>x</p>"


def test_held_back_blocks_return_where_they_were() -> None:
    page = f"<h2>Sessions</h2>\n{UNINDEXED_START}<ul><li>1 May</li></ul>{UNINDEXED_END}\n<p>end</p>"
    text, held = UNINDEXED.take_out(page)
    assert held == ["<ul><li>1 May</li></ul>"]
    assert "1 May" not in text and "<p>end</p>" in text
    back = UNINDEXED.put_back(text, held)
    assert back.index("<h2>") < back.index("<ul><li>1 May</li></ul>") < back.index("<p>end</p>")
    assert "qisite:later" not in back
