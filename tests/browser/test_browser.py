"""The dashboard as users meet it: real Chromium, no network beyond loopback, real clicks and keys."""

from __future__ import annotations

import csv
import io
import re
from urllib.parse import parse_qs, urlparse

import pytest

from components.ui import navigation

# path, charts the page must draw, maps among them — from the one list of pages, each chart tab open in turn
PAGES = [check for page in navigation.PAGES for check in page.checks()]


def _name(path: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", path.strip("/").lower()).strip("-") or "overview"


def _query(url: str) -> dict[str, list[str]]:
    return parse_qs(urlparse(url).query)


def _click_mark(tab, plot_index: int, selector: str = "path.point"):
    """Click the first mark of a plot where it is drawn (plotly's drag layer swallows element clicks); return the
    dialog that opens. Retries once: plotly attaches its click handlers a moment after drawing."""
    point = tab.page.locator(".js-plotly-plot").nth(plot_index).locator(selector).first
    point.scroll_into_view_if_needed()
    dialog = tab.page.get_by_role("dialog")
    for _ in range(3):
        box = point.bounding_box()
        assert box, "the mark has no box"
        tab.page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        try:
            dialog.wait_for(timeout=10_000)
            return dialog
        except Exception:
            tab.page.wait_for_timeout(1000)
    raise AssertionError("no dialog opened after clicking the mark")


@pytest.mark.parametrize(("path", "charts", "maps"), PAGES, ids=[_name(p) for p, _, _ in PAGES])
def test_page_loads_draws_its_charts_and_needs_no_network(tab, path, charts, maps):
    """Every page renders with no exception, no console error, its charts and maps drawn, nothing fetched."""
    tab.open(path, charts=charts)
    assert tab.exceptions() == 0
    assert tab.page.get_by_role("dialog").count() == 0, "no modal (such as 'Page not found') over the page"
    assert tab.console_errors == []
    assert tab.unexpected_failures == []
    assert tab.blocked == [], f"requests beyond loopback: {tab.blocked}"
    assert tab.page.locator(".js-plotly-plot .main-svg").count() >= charts
    if maps:
        countries = tab.page.locator(".geo .choroplethlocation").count()
        assert countries >= 3, "map geometry did not load: no country shapes drawn"
        assert tab.page.locator(".geo .countries path, .geo .land path").count() >= 1


def test_filter_change_updates_the_url_and_the_url_restores_it(tab, browser):
    """Picking a pair in the sidebar writes ?a=..&b=..; opening that address restores the same view."""
    tab.open("/data")
    everything = tab.page.get_by_role("tab").first.inner_text()
    for label, code in (
        ("First country", "Pakistan (PAK) · South Asia"),
        ("Second country", "Russia (RUS) · Great powers"),
    ):
        tab.page.get_by_label(label, exact=True).click()
        # Typing narrows the list: it is virtualised, and a long one does not draw every option at once.
        tab.page.keyboard.type(code.split(" (")[0])
        tab.page.get_by_role("option", name=code, exact=True).click()
        tab.settle()
    tab.page.wait_for_function(
        "old => document.querySelector('[role=tab]').innerText !== old", arg=everything, timeout=30_000
    )
    tab.settle()
    query = _query(tab.page.url)
    assert query["a"] == ["PAK"] and query["b"] == ["RUS"]
    tab_labels = tab.page.get_by_role("tab").all_inner_texts()
    assert tab_labels[0].startswith("Visits (") and tab_labels[0] != everything

    context = browser.new_context(viewport={"width": 1600, "height": 1000})
    try:
        page = context.new_page()
        page.goto(tab.page.url)
        page.wait_for_selector('[role="tab"]')
        page.wait_for_timeout(1500)
        assert page.get_by_role("tab").all_inner_texts() == tab_labels
    finally:
        context.close()


def test_clicking_a_timeline_mark_opens_the_record_with_sources(tab):
    """A click on a visit's mark opens a dialog with the record and links to its sources."""
    tab.open("/visits?a=PAK&b=RUS", charts=1)
    dialog = _click_mark(tab, 0)
    links = dialog.locator("a[href^='http']")
    links.first.wait_for(timeout=20_000)
    assert links.count() >= 1
    assert "Cite this record" in dialog.inner_text()


def test_clicking_a_map_mark_opens_the_records_there(tab):
    """A click on a host city on the visits map lists the visits there, each with its sources."""
    tab.open("/visits?a=PAK&b=RUS&visits_view=Map", charts=1)
    dialog = _click_mark(tab, 0, ".scattergeo path.point")
    dialog.get_by_text(re.compile(r"records at this mark|Cite this record")).first.wait_for(timeout=20_000)
    if dialog.locator("[data-testid='stExpander']").count():
        dialog.locator("[data-testid='stExpander'] summary").first.click()
    dialog.locator("a[href^='http']").first.wait_for(timeout=20_000)


def test_pair_page_opens_from_a_record(tab):
    """From a clicked record, one more click opens its country pair's page."""
    tab.open("/visits?a=CHN&b=PAK", charts=1)
    dialog = _click_mark(tab, 0)
    dialog.get_by_text(re.compile(r"Open the .* page")).click(timeout=60_000)
    tab.page.wait_for_url(re.compile(r"/pair\?"), timeout=20_000)
    tab.settle()
    assert set(_query(tab.page.url)["a"] + _query(tab.page.url)["b"]) == {"CHN", "PAK"}
    assert (
        tab.page.get_by_role("heading", name="China – Pakistan").count()
        + tab.page.get_by_role("heading", name="Pakistan – China").count()
        == 1
    )


def test_csv_download_holds_exactly_the_filtered_rows(tab):
    """The visits CSV has one row per visit in view, each stamped with the dataset version."""
    tab.open("/data?a=PAK&b=RUS&years=2010&years=2022")
    label = tab.page.get_by_role("button", name=re.compile(r"Visits CSV \(\d+\)"))
    expected = int(re.search(r"\((\d+)\)", label.inner_text()).group(1))
    with tab.page.expect_download() as download:
        label.click()
    rows = list(csv.DictReader(io.StringIO(download.value.path().read_text(encoding="utf-8"))))
    assert len(rows) == expected > 0
    assert {(r["guest"], r["host"]) for r in rows} <= {("PAK", "RUS"), ("RUS", "PAK")}
    assert all(2010 <= int(r["start_text"][:4]) <= 2022 for r in rows)
    assert len({r["dataset_version"] for r in rows}) == 1


def test_lecture_mode_moves_with_the_arrow_keys_and_the_address_follows(tab):
    """Right arrow goes to the next slide and the slide number in the address follows; Left goes back."""
    tab.open("/present?story=russia-returns&slide=1", charts=1)
    first = tab.page.locator("[data-testid='stMain'] h2").first.inner_text()
    tab.page.keyboard.press("ArrowRight")
    tab.page.wait_for_function("() => location.search.includes('slide=2')", timeout=20_000)
    tab.settle()
    assert tab.page.locator("[data-testid='stMain'] h2").first.inner_text() != first
    tab.page.keyboard.press("ArrowLeft")
    tab.page.wait_for_function("() => !location.search.includes('slide=2')", timeout=20_000)
    tab.settle()
    assert tab.page.locator("[data-testid='stMain'] h2").first.inner_text() == first


def test_filters_survive_a_page_change_in_the_sidebar(tab):
    """Moving to another page from the sidebar keeps the filters, on screen and in the address."""
    tab.open("/visits?a=PAK&b=RUS", charts=1)
    tab.page.locator("[data-testid=stSidebarNav] a", has_text="Deals").first.click()
    tab.page.wait_for_url(re.compile(r"/deals"), timeout=20_000)
    tab.page.wait_for_function("() => location.search.includes('a=PAK')", timeout=20_000)
    tab.settle()
    assert _query(tab.page.url)["b"] == ["RUS"]
    caption = tab.page.locator("[data-testid='stMain'] [data-testid='stCaptionContainer']").first.inner_text()
    total = int(re.match(r"(\d+)", caption).group(1))
    assert 0 < total < 100, "the deals page shows the pair's deals, not all of them"


def test_clicking_a_matrix_cell_opens_that_pair(tab):
    """A click on a cell of the pair × sector matrix opens that pair's page."""
    tab.open("/cooperation?cooperation_view=Pairs%20by%20sector", charts=1)
    point = tab.page.locator(".js-plotly-plot").first.locator("path.point").last
    point.scroll_into_view_if_needed()
    box = point.bounding_box()
    tab.page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    tab.page.wait_for_url(re.compile(r"/pair\?"), timeout=30_000)
    tab.settle()
    query = _query(tab.page.url)
    assert len(query["a"]) == 1 and len(query["b"]) == 1
    assert tab.exceptions() == 0


def test_the_data_behind_a_chart_is_built_when_opened(tab):
    """'Show the data behind this chart' lists the chart's numbers once opened (it is not sent before)."""
    tab.open("/visits", charts=1)
    grids = tab.page.locator('[data-testid="stMain"] [data-testid="stDataFrame"]')
    before = grids.count()
    tab.page.get_by_text("Show the data behind this chart").first.click()
    tab.page.wait_for_function(
        '(n) => document.querySelectorAll(\'[data-testid="stMain"] [data-testid="stDataFrame"]\').length > n',
        arg=before,
        timeout=30_000,
    )
    assert tab.exceptions() == 0


def test_chart_tabs_draw_on_demand_and_live_in_the_address(tab, browser):
    """Only the open tab's chart is drawn; each click on a tab draws its chart and writes it into the address,
    which opens on the same tab."""
    tab.open("/visits?a=PAK&b=RUS", charts=1)
    assert tab.page.locator(".js-plotly-plot").count() == 1
    for label, title in (("Map", "Where visitors went"), ("Per year by pair", "Visits per year by country pair")):
        tab.page.get_by_role("tab", name=label).click()
        tab.page.wait_for_function(
            "t => [...document.querySelectorAll('.js-plotly-plot .gtitle')].some(e => e.textContent.includes(t))",
            arg=title.split(" by ")[0],
            timeout=30_000,
        )
        tab.settle()
        assert _query(tab.page.url)["visits_view"] == [label]
        assert tab.page.locator(".js-plotly-plot").count() == 1
    context = browser.new_context(viewport={"width": 1600, "height": 1000})
    try:
        page = context.new_page()
        page.goto(tab.page.url)
        page.wait_for_selector(".js-plotly-plot .gtitle", timeout=60_000)
        assert "Visits per year" in page.locator(".js-plotly-plot .gtitle").first.text_content()
    finally:
        context.close()
