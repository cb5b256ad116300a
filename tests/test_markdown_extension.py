"""qisite's Python-Markdown extension, as every engine loads it by name."""

from __future__ import annotations

import markdown

from qisite import markdown_extension
from qisite.site.rawhtml import HTML_END, HTML_START

PAGE = (
    f'{HTML_START}\n<div class="a">\n<h2 id="made">Made *here*</h2>\n<p>*raw*</p>\n{HTML_END}\n'
    "## Organiser text\n\nSome *emphasis*.\n\n"
    f'{HTML_START}\n<h3 id="later">Later</h3>\n</div>\n{HTML_END}\n'
)


def convert(text: str) -> tuple[str, list[dict[str, object]]]:
    md = markdown.Markdown(extensions=["toc", markdown_extension.NAME])
    html = md.convert(text)
    return html, md.toc_tokens  # type: ignore[attr-defined]


def test_marked_blocks_stay_as_written_and_markdown_between_them_renders() -> None:
    html, _ = convert(PAGE)
    # Unbalanced blocks: the <div> opens in one and closes in the other.
    assert '<div class="a">\n<h2 id="made">Made *here*</h2>\n<p>*raw*</p>' in html
    assert "<em>emphasis</em>" in html
    assert html.index('<div class="a">') < html.index("Organiser text") < html.index("</div>")
    assert "qisite:" not in html and "\x02" not in html


def test_table_of_contents_lists_generated_and_written_headings_in_order() -> None:
    _, tokens = convert(PAGE)
    assert [(t["id"], t["level"]) for t in tokens] == [("made", 2), ("organiser-text", 2)]
    nested = tokens[1]["children"]
    assert [(t["id"], t["name"]) for t in nested] == [("later", "Later")]  # type: ignore[index]


def test_raw_html_headings_without_markers_are_listed_too() -> None:
    _, tokens = convert('<h2 id="raw">Raw</h2>\n\n## Written\n')
    assert [t["id"] for t in tokens] == ["raw", "written"]


def test_a_page_of_plain_markdown_keeps_python_markdowns_own_list() -> None:
    text = "# Title\n\n## One {: #first }\n"
    html, tokens = convert(text)
    plain = markdown.Markdown(extensions=["toc"])
    assert html == plain.convert(text)
    assert tokens == plain.toc_tokens  # type: ignore[attr-defined]


def test_one_markdown_instance_forgets_the_previous_page() -> None:
    md = markdown.Markdown(extensions=["toc", markdown_extension.NAME])
    md.convert(PAGE)
    md.reset()
    md.convert("## Only\n")
    assert [t["id"] for t in md.toc_tokens] == ["only"]  # type: ignore[attr-defined]
