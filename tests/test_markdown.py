"""Data text shows exactly as written: markdown, maths, colour directives, HTML and link tricks stay text."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from components.charts.common import wrap_text
from components.ui.markdown import md, md_link
from tests.conftest import COOPERATION, REPO, VISITS, write_dataset

HOSTILE = "**bold** $x^2$ :red[alarm] [text](https://evil.example) <b>tag</b> &amp; # head"


@pytest.mark.parametrize("text", [HOSTILE, "- list", "1. one", "> quote", "`code`", "a_b_c", ":material/home:"])
def test_md_escapes_every_markdown_meaning(text):
    escaped = md(text)
    for char in "*$[]()<>`_#:&":
        assert char not in escaped.replace(f"\\{char}", "")


def test_a_url_cannot_close_its_link_and_add_another():
    link = md_link("Title", "https://example.org/a)[click-me](https://evil.example")
    assert link == "[Title](https://example.org/a%29[click-me]%28https://evil.example)"


def test_non_http_addresses_are_never_links():
    assert md_link("x", "javascript:alert(1)") == "x"


def test_hover_text_shows_tags_as_text():
    assert "&lt;b&gt;tag&lt;/b&gt;" in wrap_text("<b>tag</b>")


def test_record_details_show_hostile_text_escaped(tmp_path, monkeypatch):
    """A record whose summary, note and visitor name hold markdown is shown as written, card and details."""
    cooperation = COOPERATION.replace("status: stalled", "status: active").replace(
        "summary: Gas pipeline cooperation.", f"summary: '{HOSTILE}'\n  note: '{HOSTILE}'"
    )
    visits = VISITS.replace("visitor: {name: Sergey Lavrov", "visitor: {name: '**Sergey** $Lavrov$'", 1)
    root = write_dataset(tmp_path / "data", visits=visits, cooperation=cooperation)
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(root))
    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=60).run()
    at.switch_page("pages/cooperation.py").run()
    at.session_state["cooperation_view"] = "Active areas"
    at.run()
    at.button(key="coop-pak-rus-energy").click().run()
    assert not at.exception
    shown = "\n".join(e.value for e in (*at.markdown, *at.subheader, *at.caption))
    assert shown.count(md(HOSTILE)) >= 3, "card summary, dialog summary and note"
    assert "\\*\\*Sergey\\*\\* \\$Lavrov\\$" in shown
    assert "**Sergey**" not in shown and "](https://evil" not in shown
