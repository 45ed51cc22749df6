"""A source's title is the page's headline; where the curator did not see it, the title is absent."""

from __future__ import annotations

import json

import streamlit as st

from components.data.export import to_json
from components.data.schema import Source
from components.ui.details import source_links


def test_a_source_may_leave_out_its_title():
    source = Source(url="https://example.org/page", publisher="Example News")
    assert source.title is None


def test_untitled_source_is_a_row_with_a_missing_title(tables):
    row = tables.sources.set_index("url").loc["https://example.org/khan"]
    assert not isinstance(row.title, str)
    assert row.publisher == "Example News"


def test_untitled_source_links_with_the_publisher_name(tables, monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(st, "markdown", lambda text, *args, **kwargs: shown.append(text))
    source_links(tables.sources[tables.sources.url.isin(["https://example.org/khan", "https://example.org/lavrov"])])
    text = "\n".join(shown)
    assert "[Example News](https://example.org/khan)" in text
    assert "[Lavrov arrives](https://example.org/lavrov)" in text
    assert "[nan]" not in text.lower() and "[None]" not in text


def test_json_export_gives_an_untitled_source_a_null_title(tables):
    document = json.loads(to_json(tables, "1", "all records", "cite"))
    sources = [s for kind in ("visits", "deals", "cooperation") for r in document[kind] for s in r["sources"]]
    untitled = [s for s in sources if s["url"] == "https://example.org/khan"]
    assert untitled and all(s["title"] is None for s in untitled)
