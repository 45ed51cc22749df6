"""Every page runs under AppTest with default and non-default filters, bad links and empty results."""

from __future__ import annotations

import json

import pytest
from streamlit.testing.v1 import AppTest

from components.ui import navigation
from tests.conftest import REPO

APP = str(REPO / "app.py")
PAGES = [page.file for page in navigation.PAGES]


@pytest.fixture
def app(data_dir, monkeypatch):
    """A factory: AppTest of the router on the fixture data, opened with the given link parameters."""
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(data_dir))

    def open_app(page: str | None = None, **params: str | list[str]) -> AppTest:
        at = AppTest.from_file(APP, default_timeout=60)
        for key, value in params.items():
            at.query_params[key] = value
        at.run()
        if page:
            at.switch_page(page).run()
        return at

    return open_app


def figures(at: AppTest) -> list[dict]:
    return [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]


def texts(at: AppTest) -> str:
    """All text on the page, with markdown escapes removed."""
    shown = "\n".join(e.value for kind in ("markdown", "caption", "info", "warning") for e in getattr(at, kind))
    return shown.replace("\\", "")


@pytest.mark.parametrize("page", PAGES)
def test_every_page_runs_on_fixture_data(app, page):
    at = app(page)
    assert not at.exception
    assert at.title or at.header


@pytest.mark.parametrize("page", PAGES)
def test_every_page_runs_on_the_real_data(page):
    at = AppTest.from_file(APP, default_timeout=60).run()
    at.switch_page(page).run()
    assert not at.exception


def _sources(at: AppTest) -> list[str]:
    """The source line of every chart on the page."""
    subtitles = [f["layout"].get("title", {}).get("subtitle", {}).get("text", "") for f in figures(at)]
    return [text.replace("<br>", " ") for text in subtitles if text]


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize(
    ("params", "described"),
    [
        ({"a": "PAK", "b": "RUS"}, "pair Pakistan – Russia"),
        ({"sector": "connectivity"}, "sectors connectivity"),
        ({"years": ["2021", "2022"]}, "2021–2022"),
        ({"role": "head_of_state", "status": "stalled"}, "visitor roles head_of_state; deal status stalled"),
        ({"countries": ["CHN"]}, "countries China"),
    ],
    ids=["pair", "sector", "years", "role-status", "country"],
)
def test_every_page_honours_filters_from_the_link(app, page, params, described):
    """The sidebar shows the link's filters, and every chart drawn over the filtered view names them."""
    at = app(page, **params)
    assert not at.exception
    assert at.title or at.header
    for key, value in params.items():
        widget = at.selectbox(key=key) if key in ("a", "b") else None
        if widget is not None:
            assert widget.value == value
        elif key == "years":
            assert at.slider(key="years").value == (2021, 2022)
        else:
            assert at.multiselect(key=key).value == ([value] if isinstance(value, str) else value)
    filtered = [s for s in _sources(at) if "Filters:" in s]
    assert all(described in s for s in filtered), filtered
    if page in ("pages/overview.py", "pages/visits.py", "pages/deals.py", "pages/cooperation.py") and figures(at):
        assert filtered, "charts over the filtered view say which filters made them"


def test_link_restores_the_filters(app):
    at = app("pages/data_sources.py", a="RUS", b="PAK", years=["2021", "2022"], sector="energy")
    assert at.selectbox(key="a").value == "RUS" and at.selectbox(key="b").value == "PAK"
    assert at.slider(key="years").value == (2021, 2022)
    assert at.multiselect(key="sector").value == ["energy"]
    assert any(t.label.startswith("Visits (2)") for t in at.tabs)


def test_filters_survive_a_page_change(app):
    at = app()
    at.selectbox(key="a").set_value("PAK")
    at.selectbox(key="b").set_value("RUS").run()
    at.switch_page("pages/data_sources.py").run()
    assert at.selectbox(key="a").value == "PAK"
    assert any(t.label.startswith("Visits (2)") for t in at.tabs)


@pytest.mark.parametrize(
    ("params", "notice"),
    [
        ({"a": "XXX"}, "Unknown country code “XXX”"),
        ({"sector": "Nonsense"}, "Unknown sector “Nonsense”"),
        ({"years": "abc"}, "is not a range"),
        ({"years": ["2030", "2010"]}, "is not a range"),
        ({"utm_source": "mail"}, "“utm_source” is not one this dashboard knows"),
    ],
)
def test_bad_link_parameters_give_a_notice_and_defaults(app, params, notice):
    at = app(**params)
    assert not at.exception
    assert any(notice in w.value.replace("\\", "") for w in at.warning)
    assert at.selectbox(key="a").value is None
    assert at.slider(key="years").value == (2000, 2022)


def test_filter_that_matches_nothing_says_so(app):
    at = app(a="BTN", b="USA")
    assert not at.exception
    assert "No records match these filters" in texts(at)
    assert figures(at) == []


def test_overview_headline_figures(app):
    at = app()
    assert [m.value for m in at.metric] == ["3", "2", "2.0 bn", "3", "3", "2"]
    assert "1 of 2 deals have no reported value" in texts(at)


def open_tab(at: AppTest, page: str, label: str) -> AppTest:
    """Open one of the page's chart tabs, as a click on it does."""
    at.session_state[navigation.page_spec(page).view_key] = label
    return at.run()


def titles(at: AppTest) -> list[str]:
    return [f["layout"]["title"]["text"].replace("<br>", " ") for f in figures(at)]


def test_visits_page_draws_only_the_open_tab(app):
    at = app("pages/visits.py")
    assert titles(at) == ["Visits over time"]
    assert titles(open_tab(at, "pages/visits.py", "Map")) == ["Where visitors went"]
    assert titles(open_tab(at, "pages/visits.py", "Per year by pair")) == ["Visits per year by country pair"]
    table = open_tab(at, "pages/visits.py", "Table")
    assert titles(table) == [] and len(table.dataframe) == 1


def test_a_tab_in_the_link_opens_it_and_an_unknown_one_says_so(app):
    at = app(visits_view="Map")
    at.switch_page("pages/visits.py").run()
    assert titles(at) == ["Where visitors went"]
    at = app(overview_view="Nonsense")
    assert any("does not have" in w.value for w in at.warning)


def test_every_map_uses_the_local_geometry(app):
    for page, tab in (("pages/overview.py", "Map"), ("pages/visits.py", "Map"), ("pages/deals.py", "Map")):
        at = open_tab(app(page), page, tab)
        assert at.get("plotly_chart")
        for chart in at.get("plotly_chart"):
            spec = json.loads(chart.proto.spec)
            if any(t.get("type", "").endswith("geo") or t.get("type") == "choropleth" for t in spec["data"]):
                assert json.loads(chart.proto.config)["topojsonURL"] == "app/static/topojson/"


def test_pair_page_with_records(app):
    at = app("pages/pair.py", a="RUS", b="PAK")
    assert not at.exception
    assert at.header[0].value == "Russia – Pakistan"
    assert [m.value for m in at.metric] == ["1", "1", "2", "2.0 bn"]
    assert "1 of 2 recorded deals are stalled or cancelled today." in texts(at)
    drawn = [titles(open_tab(at, "pages/pair.py", tab)) for tab in ("Timeline", "Activity", "Sectors", "Records")]
    assert [len(t) for t in drawn] == [1, 1, 1, 0]
    assert len(at.dataframe) >= 2, "the Records tab lists the visits and deals"


def test_pair_page_with_one_record(app):
    at = app("pages/pair.py", a="CHN", b="PAK")
    assert not at.exception
    assert [m.value for m in at.metric][:2] == ["1", "0"]


def test_pair_page_with_no_records_offers_nearest_pairs(app):
    at = app("pages/pair.py", a="BTN", b="PAK")
    assert not at.exception
    assert "No records between Bhutan and Pakistan" in texts(at)
    assert "Pakistan – Russia (5 records)" in [link.proto.label for link in at.get("page_link")]


def test_pair_link_with_bad_code_names_it(app):
    at = app(a="XXX", b="PAK")
    assert any("Unknown country code “XXX”" in w.value for w in at.warning)
    at.switch_page("pages/pair.py").run()
    assert not at.exception
    assert "Choose two countries." in texts(at)


def test_pair_page_compares_two_pairs_on_shared_scales(app):
    at = app("pages/pair.py", a="PAK", b="RUS", c="CHN", d="PAK")
    assert not at.exception
    assert [h.value for h in at.header][:2] == ["Pakistan – Russia", "China – Pakistan"]
    open_tab(at, "pages/pair.py", "Activity")
    activity = [f for f in figures(at) if f["layout"]["title"]["text"].startswith("Activity per year")]
    assert len(activity) == 2
    assert activity[0]["layout"]["xaxis"]["range"] == activity[1]["layout"]["xaxis"]["range"]
    assert activity[0]["layout"]["yaxis"]["range"] == activity[1]["layout"]["yaxis"]["range"]


def test_data_problems_are_listed_on_every_page(tmp_path, monkeypatch):
    from tests.conftest import VISITS, write_dataset

    root = write_dataset(tmp_path / "data", visits=VISITS.replace("host_country: RUS", "host_country: XXX"))
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(root))
    at = AppTest.from_file(APP, default_timeout=60).run()
    for page in PAGES:
        at.switch_page(page).run()
        assert not at.exception
        assert "1 record(s) are left out" in at.expander[0].label


def test_record_details_render_for_visits_and_deals(app):
    """The facts' 'Records' buttons open the details dialog for a visit and a deal without error."""
    at = app("pages/pair.py", a="PAK", b="RUS")
    count = len([b for b in at.button if b.label == "Records"])
    seen = ""
    for n in range(count):
        [b for b in at.button if b.label == "Records"][n].click().run()
        assert not at.exception
        seen += " ".join(m.value for m in at.markdown)
    assert count >= 2
    assert "Cite this record" in seen
    assert "(https://example.org/pipeline)" in seen, "sources are links in the dialog"


def test_cooperation_cards_show_active_areas_and_open_their_details(tmp_path, monkeypatch):
    from tests.conftest import COOPERATION, write_dataset

    at = AppTest.from_file(APP, default_timeout=60)
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(write_dataset(tmp_path / "stalled")))
    at.run().switch_page("pages/cooperation.py").run()
    open_tab(at, "pages/cooperation.py", "Active areas")
    assert "1 more in view are proposed, stalled or ended" in texts(at)
    active = write_dataset(tmp_path / "active", cooperation=COOPERATION.replace("status: stalled", "status: active"))
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(active))
    at = AppTest.from_file(APP, default_timeout=60).run()
    at.switch_page("pages/cooperation.py").run()
    open_tab(at, "pages/cooperation.py", "Active areas")
    at.button(key="coop-pak-rus-energy").click().run()
    assert not at.exception
    assert any("cooperation: pakistan" in s.value.replace("\\", "").lower() for s in at.subheader)


def test_present_page_walks_every_slide_of_every_story(app):
    at = app("pages/present.py", story="pipeline-story", slide="1")
    titles = []
    for _ in range(3):
        assert not at.exception
        titles.append(at.header[0].value)
        at.button(key="next").click().run()
    assert titles == ["The pipeline", "The visit", "Where"]
    assert at.number_input(key="slide").value == 3


def test_present_link_to_a_slide_round_trips(app):
    at = app("pages/present.py", story="pipeline-story", slide="2")
    assert at.header[0].value == "The visit"
    assert at.query_params["slide"] == ["2"] or at.query_params["slide"] == "2"


def test_present_unknown_story_or_slide_gives_notice_and_first_slide(app):
    at = app(story="nope", slide="9")
    at.switch_page("pages/present.py").run()
    assert not at.exception
    warnings = " ".join(w.value for w in at.warning)
    assert "There is no story “nope”" in warnings and "Slide “9” does not exist" in warnings
    assert at.header[0].value == "The pipeline"


def test_speaker_notes_hidden_unless_asked(app):
    at = app("pages/present.py", story="pipeline-story", slide="1")
    assert not any("Ask what stalled it." in i.value for i in at.info)
    at.toggle(key="notes").set_value(True).run()
    assert any("Ask what stalled it." in i.value for i in at.info)


def test_filters_round_trip_through_the_url(app):
    """Widgets → address → a new session opened on that address → the same filters and figures."""
    at = app("pages/visits.py")
    at.selectbox(key="a").set_value("PAK")
    at.selectbox(key="b").set_value("RUS")
    at.slider(key="years").set_value((2015, 2022))
    at.multiselect(key="sector").select("energy")
    at.run()
    link = {key: at.query_params[key] for key in at.query_params}
    assert link == {"a": "PAK", "b": "RUS", "years": ["2015", "2022"], "sector": "energy"}
    again = app("pages/visits.py", **link)
    assert again.selectbox(key="a").value == "PAK" and again.multiselect(key="sector").value == ["energy"]
    assert figures(again) == figures(at)


@pytest.mark.parametrize("story", ["russia-returns", "three-powers"])
def test_every_slide_of_the_shipped_stories_presents_without_error(story):
    """The real stories on the real data: each slide opens from its own address and draws its chart."""
    from components.data.loading import load_dataset
    from components.data.stories import load_stories

    slides = load_stories(load_dataset()).get(story).slides
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["story"] = story
    at.query_params["slide"] = "1"
    at.run().switch_page("pages/present.py").run()
    for number, slide in enumerate(slides, start=1):
        assert not at.exception, f"{story} slide {number}"
        assert at.header[0].value == slide.title
        assert len(at.get("plotly_chart")) == (1 if slide.view else 0)
        at.button(key="next").click().run()


def test_notice_names_files_that_cannot_be_used_and_files_removed_while_running(tmp_path, monkeypatch):
    from tests.conftest import write_dataset

    root = write_dataset(tmp_path / "data")
    (root / "visits" / "extra.yaml").write_text("- id: a-visit\n\tkind: state\n", encoding="utf-8")
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(root))
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert "every record in 1 file(s) that cannot be used (data/visits/extra.yaml)" in at.expander[0].label
    (root / "visits" / "extra.yaml").unlink()
    at.run()
    assert not at.exception
    assert "data/visits/extra.yaml: -: -: was removed since the last load" in at.expander[0].code[0].value


def test_app_runs_on_hostile_data_and_lists_it(tmp_path, monkeypatch):
    """An impossible unquoted date and a billion-laughs alias chain do not crash or stall a page."""
    from tests.conftest import VISITS, write_dataset
    from tests.test_hostile_data import billion_laughs

    visits = VISITS.replace("start_date: 2022-02\n", "start_date: 2021-02-30\n") + billion_laughs()
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(write_dataset(tmp_path / "data", visits=visits)))
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception
    assert "3 record(s) are left out" in at.expander[0].label


def test_summits_page_draws_meetings_and_attendance(app):
    """The Summits page shows the meetings in view on a timeline and who came to the chosen series."""
    at = app("pages/summits.py")
    assert not at.exception
    assert titles(at) == ["Multilateral meetings by series"]
    open_tab(at, "pages/summits.py", "Attendance")
    assert titles(at) == ["Who came to the SCO Council of Heads of State, and at what level"]
    matrix = figures(at)[0]
    drawn = [t for t in matrix["data"] if t.get("mode") == "markers" and t["marker"].get("opacity") != 0]
    cells = {(x, y) for t in drawn for x, y in zip(t["x"], t["y"], strict=True)}
    assert ("India", "SCO summit, Bishkek 2019 (2019)") in cells
    assert not any(y.startswith("SCO summit, Tashkent") for _, y in cells), "no one attended a summit called off"
    open_tab(at, "pages/summits.py", "Meetings")
    assert "Meetings in view (2)" in [s.value for s in at.subheader]


def test_summits_page_follows_the_filters(app):
    at = app("pages/summits.py", countries=["BTN"])
    assert "No multilateral meetings match these filters" in texts(at)


def test_pair_page_shows_sideline_meetings_and_the_last_one(app):
    """The pair page puts sideline meetings on the combined timeline and says when the two last met there."""
    at = app("pages/pair.py", a="PAK", b="RUS")
    timeline = next(
        f for f in figures(at) if "visits, deals and cooperation" in f["layout"]["title"]["text"].replace("<br>", " ")
    )
    lanes = {y for t in timeline["data"] for y in (t.get("y") or [])}
    assert "Met at multilateral meetings" in lanes
    assert "last met on the sidelines of a summit at the SCO summit, Bishkek 2019" in texts(at)


def test_the_list_of_every_source_is_built_when_opened(app):
    """The Sources tab's link list (thousands of links with the real data) is sent only once its box is open."""
    at = app("pages/data_sources.py")
    assert not any("example.org" in m.value for m in at.markdown)
    at.session_state["data_source_list"] = True
    at.run()
    assert not at.exception
    assert any("example.org" in m.value for m in at.markdown)


def test_the_opened_source_list_stays_open_when_a_filter_changes(app):
    at = app("pages/data_sources.py")
    at.session_state["data_source_list"] = True
    at.run()
    at.slider(key="years").set_value((2021, 2022)).run()
    assert not at.exception
    assert any("example.org" in m.value for m in at.markdown)
