"""Search and the story builder under AppTest: ?q=, opening a result, adding slides, share and upload round trips."""

from __future__ import annotations

import json

import pytest
from streamlit.testing.v1 import AppTest

from components.data.my_story import story_yaml
from components.data.stories import story_from_text
from tests.conftest import REPO
from tests.test_pages import texts

APP = str(REPO / "app.py")


@pytest.fixture
def at(data_dir, monkeypatch) -> AppTest:
    """An AppTest of the router on the fixture data, not yet run."""
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(data_dir))
    return AppTest.from_file(APP, default_timeout=90)


def _add(at: AppTest, page: str, key_start: str) -> None:
    at.switch_page(page).run()
    key = next(b.key for b in at.button if b.key and b.key.startswith(key_start))
    at.button(key=key).click().run()
    assert not at.exception


def _slide_charts(at: AppTest) -> list[str]:
    return [m.value.split("chart: ")[1].replace("\\", "") for m in at.markdown if m.value.startswith("**Slide ")]


def test_search_from_the_link_finds_a_misspelt_name_and_opens_it(at):
    at.query_params["q"] = "Lavorv"
    at.run()
    assert not at.exception
    assert "Sergey Lavrov in Islamabad" in texts(at)
    at.button(key="search-open-rus-pak-2021-04-lavrov").click().run()
    assert "Cite this record" in texts(at)
    assert at.text_input(key="q").value == "Lavorv"


def test_typing_a_search_writes_it_to_the_link_and_filters_narrow_it(at):
    at.run()
    at.text_input(key="q").input("Islamabad").run()
    assert "Xi Jinping in Islamabad" in texts(at)
    at.selectbox(key="a").select("RUS").run()
    at.selectbox(key="b").select("PAK").run()
    assert "Xi Jinping in Islamabad" not in texts(at)
    assert "narrowed by the sidebar filters" in texts(at)


def test_no_result_says_so_and_suggests_names(at):
    at.query_params["q"] = "Lavrovsky Moskvaa zz"
    at.run()
    assert "No record matches" in texts(at)
    assert "Did you mean" in texts(at)


def test_three_slides_from_three_pages_reordered_and_presented(at):
    at.query_params["a"], at.query_params["b"] = "PAK", "RUS"
    at.run()
    _add(at, "pages/visits.py", "add-visits_timeline")
    _add(at, "pages/pair.py", "add-pair-")
    _add(at, "pages/deals.py", "add-deals_gantt")
    at.switch_page("pages/my_story.py").run()
    assert _slide_charts(at) == ["visits_timeline", "pair_timeline", "deals_gantt"]
    at.button(key=next(b.key for b in at.button if b.key and b.key.startswith("down-"))).click().run()
    assert _slide_charts(at) == ["pair_timeline", "visits_timeline", "deals_gantt"]
    at.switch_page("pages/present.py").run()
    at.selectbox(key="story").select("my-story").run()
    assert not at.exception
    assert at.header[0].value.startswith("One pair")


def test_share_link_opens_the_story_ready_to_present(at, dataset, tables):
    from components.data.filters import Filters
    from components.data.my_story import captured_slide, share_token, view_for
    from components.data.stories import Story

    slide = captured_slide(view_for("visits_map", Filters(countries=("RUS",))), tables, "Russia")
    story = Story(id="shared", title="Shared", author="Me", audience="You", summary="A link.", slides=[slide])
    for key, value in {"story": "shared", "slide": "1", "share": share_token(story)}.items():
        at.query_params[key] = value
    at.run()
    at.switch_page("pages/present.py").run()
    assert not at.exception
    assert at.selectbox(key="story").value == "shared"
    assert at.header[0].value.replace("\\", "") == slide.title


def test_a_broken_share_link_says_why(at):
    at.query_params["share"] = "garbage"
    at.run()
    at.switch_page("pages/present.py").run()
    assert "does not hold a story" in "\n".join(e.value for e in at.error).replace("\\", "")


def test_chart_page_shows_one_chart_with_its_filters(at):
    for key, value in {"kind": "visits_map", "a": "RUS", "b": "PAK"}.items():
        at.query_params[key] = value
    at.run()
    at.switch_page("pages/chart.py").run()
    assert not at.exception
    charts = at.get("plotly_chart")
    assert len(charts) == 1
    assert "Filters: pair Russia – Pakistan" in json.dumps(json.loads(charts[0].proto.spec), ensure_ascii=False)


def test_story_file_round_trip(dataset, tables):
    """What the download button writes is what the upload reads: the same story."""
    from components.data.filters import Filters
    from components.data.my_story import captured_slide, view_for
    from components.data.stories import Story

    slides = [
        captured_slide(view_for(k, Filters(pair=("PAK", "RUS"))), tables, "x") for k in ("deals_gantt", "pair_activity")
    ]
    story = Story(id="mine", title="Mine", author="Me", audience="You", summary="S.", slides=slides)
    assert story_from_text(story_yaml(story), dataset, "mine.yaml") == (story, [])
