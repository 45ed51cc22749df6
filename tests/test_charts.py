"""Chart builders are pure: each test asserts what a figure draws, its title and its source line."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from components.charts import breakdowns, maps, pair, timelines
from components.charts.common import source_text
from components.data import pairs
from components.data.filters import Filters, apply_filters
from components.data.queries import records_by_pair_sector

SOURCE = "Source: test dataset 9.9"
REPO = Path(__file__).resolve().parents[1]


@pytest.fixture
def names(tables):
    return tables.countries.name.to_dict()


@pytest.fixture
def colors(tables):
    return tables.countries.color.to_dict()


def test_activity_by_year_counts_visits_and_deals(tables):
    fig = timelines.activity_by_year(tables.visits, tables.deals, source=SOURCE)
    visits, deals = fig.data
    assert dict(zip(visits.x, visits.y, strict=True))[2021] == 1
    assert dict(zip(deals.x, deals.y, strict=True))[2015] == 1
    assert list(visits.x) == list(range(2015, 2023))
    assert fig.layout.title.text == "Visits and deals per year"
    assert source_text(fig).startswith(SOURCE)


def test_visits_timeline_one_mark_per_visit_with_ids_and_precision(tables, names, colors):
    fig = timelines.visits_timeline(tables.visits, names=names, colors=colors, source=SOURCE)
    marks = [t for t in fig.data if t.customdata is not None]
    ids = sorted(row[0] for t in marks for row in t.customdata)
    assert ids == sorted(tables.visits.id)
    russia = next(t for t in marks if t.name == "Russia visiting")
    assert russia.marker.color == colors["RUS"]
    khan = next(t for t in marks if t.name == "Pakistan visiting")
    assert list(khan.marker.symbol) == ["diamond-open"], "a month-only date is drawn as an open mark"
    assert "Open marks" in source_text(fig)


def test_visits_timeline_by_role_colours_by_role(tables, names, colors):
    fig = timelines.visits_timeline(tables.visits, names=names, colors=colors, source=SOURCE, color_by="role")
    assert {t.name for t in fig.data if t.customdata is not None} == {
        "Foreign minister",
        "Head of government",
        "Head of state",
    }


def test_empty_frame_gives_a_message_not_an_empty_axis(tables, names, colors):
    view = apply_filters(tables, Filters(pair=("BTN", "USA")))
    fig = timelines.visits_timeline(view.visits, names=names, colors=colors, source=SOURCE)
    assert fig.data == ()
    assert any(a.name == "empty" and "No records" in a.text for a in fig.layout.annotations)
    assert source_text(fig) == SOURCE


def test_deals_gantt_draws_status_spans_until_today(tables):
    fig = timelines.deals_gantt(tables.deals, tables.status, source=SOURCE, today=date(2026, 1, 1))
    states = {t.name for t in fig.data}
    assert states == {"Signed", "Stalled"}
    stalled = next(t for t in fig.data if t.name == "Stalled")
    assert list(stalled.customdata[:, 0]) == ["pak-rus-2015-pipeline"]


def test_status_segments_end_where_the_next_step_begins(tables):
    segments = timelines.status_segments(tables.deals, tables.status, today=date(2026, 1, 1))
    pipeline = segments[segments.deal_id == "pak-rus-2015-pipeline"]
    assert [str(d.date()) for d in pipeline.end] == ["2019-01-01", "2026-01-01"]


def test_visits_map_draws_arcs_from_capitals_and_uses_local_geometry(tables):
    fig = maps.visits_map(tables.visits, tables.countries, source=SOURCE)
    arcs = [t for t in fig.data if t.type == "scattergeo" and t.mode == "lines"]
    russia = next(t for t in arcs if t.name == "From Russia")
    assert (russia.lon[0], russia.lat[0]) == (37.62, 55.75), "the arc starts at the capital in countries.yaml"
    assert fig.layout.geo.resolution == 50, "framed on South Asia and Moscow: the detailed outlines"
    cities = next(t for t in fig.data if t.name == "Host cities")
    islamabad = [row for row in cities.customdata if "rus-pak-2021-04-lavrov" in row[0]]
    assert islamabad and islamabad[0][1] == 2
    assert "not authoritative" in source_text(fig)


def test_a_map_framed_on_the_world_draws_the_lighter_outlines(tables):
    """Zoomed out to Washington, the 1:110m geometry (a tenth of the paths); closer in, the 1:50m one."""
    visit = tables.visits.iloc[[0]].assign(guest="USA", lon=-77.04, lat=38.9)
    countries = tables.countries.copy()
    countries.loc["USA", ["lon", "lat"]] = (-77.04, 38.9)
    fig = maps.visits_map(visit, countries, source=SOURCE)
    assert (fig.layout.geo.projection.type, fig.layout.geo.resolution) == ("natural earth", 110)


def test_deals_map_draws_routes_as_lines(tables):
    fig = maps.deals_map(tables.deals, tables.paths, tables.countries, source=SOURCE)
    routes = [t for t in fig.data if t.type == "scattergeo" and t.mode == "lines"]
    assert len(routes) == 1 and list(routes[0].lon) == [67.01, 74.34]
    assert routes[0].line.dash == "dash", "a stalled route is dashed"


def test_map_geometry_is_served_locally():
    assert maps.MAP_CONFIG["topojsonURL"] == "app/static/topojson/"
    for name in ("world_50m.json", "world_110m.json"):
        assert (REPO / "static" / "topojson" / name).stat().st_size > 100_000
    config = (REPO / ".streamlit" / "config.toml").read_text()
    assert "enableStaticServing = true" in config


def test_sector_charts_count_every_kind(tables, names):
    counts = records_by_pair_sector(tables.visits, tables.deals, tables.cooperation)
    sector_names = tables.sectors.name.to_dict()
    fig = breakdowns.top_sectors(counts, sector_names=sector_names, source=SOURCE)
    by_kind = {t.name: dict(zip(t.y, t.x, strict=True)) for t in fig.data}
    assert by_kind["Deals"]["Energy"] == 2
    assert by_kind["Visits"]["Energy"] == 2
    assert by_kind["Cooperation areas"]["Energy"] == 1
    matrix = breakdowns.pair_sector_matrix(counts, sector_names=sector_names, names=names, source=SOURCE)
    cells = matrix.data[0]
    energy = [
        text
        for x, y, text in zip(cells.x, cells.y, cells.text, strict=True)
        if (x, y) == ("Energy", "Pakistan – Russia")
    ]
    assert energy == ["5"]
    assert set(cells.customdata) == {"PAK–RUS", "CHN–PAK"}, "each cell carries its pair for the click"
    tree = breakdowns.sector_treemap(counts, sector_names=sector_names, names=names, source=SOURCE)
    assert "Energy" in tree.data[0].labels


def test_deal_value_says_how_many_deals_have_no_value(tables, names):
    fig = breakdowns.deal_value(tables.deals, by="partner", labels=names, source=SOURCE)
    assert list(fig.data[0].y) == ["Russia"]
    assert list(fig.data[0].x) == [2.0]
    assert "1 of 2 deals have no reported value" in source_text(fig)


def test_status_breakdown_in_lifecycle_order(tables):
    fig = breakdowns.status_breakdown(tables.deals, source=SOURCE)
    assert list(fig.data[0].x) == ["Signed", "Stalled"]


def test_pair_charts_share_scales_when_given(tables, names, colors):
    view = pairs.pair_tables(tables, "PAK", "RUS")
    per_year = pairs.yearly_activity(view, "PAK", "RUS")
    fig = pair.pair_activity(
        per_year, "PAK", "RUS", names=names, colors=colors, source=SOURCE, years=(2000, 2026), y_max=4
    )
    assert list(fig.layout.xaxis.range) == [1999.5, 2026.5]
    assert fig.layout.yaxis.range[1] == pytest.approx(4.4)
    timeline = pair.pair_timeline(
        view,
        "PAK",
        "RUS",
        names=names,
        colors=colors,
        sector_names=tables.sectors.name.to_dict(),
        source=SOURCE,
        today=date(2026, 1, 1),
    )
    lanes = list(timeline.layout.yaxis.categoryarray)
    assert lanes == [
        "Cooperation: Energy",
        "Deals (colour: status today)",
        "Visits Russia → Pakistan",
        "Visits Pakistan → Russia",
    ]


def test_every_chart_has_a_table_of_what_it_draws(tables, names, colors):
    from components.charts.common import figure_table

    counts = records_by_pair_sector(tables.visits, tables.deals, tables.cooperation)
    sector_names = tables.sectors.name.to_dict()
    figures = [
        timelines.activity_by_year(tables.visits, tables.deals, source=SOURCE),
        timelines.visits_timeline(tables.visits, names=names, colors=colors, source=SOURCE),
        timelines.deals_gantt(tables.deals, tables.status, source=SOURCE),
        maps.visits_map(tables.visits, tables.countries, source=SOURCE),
        maps.deals_map(tables.deals, tables.paths, tables.countries, source=SOURCE),
        breakdowns.sector_treemap(counts, sector_names=sector_names, names=names, source=SOURCE),
        breakdowns.pair_sector_matrix(counts, sector_names=sector_names, names=names, source=SOURCE),
        breakdowns.status_breakdown(tables.deals, source=SOURCE),
    ]
    for fig in figures:
        assert not figure_table(fig).empty, fig.layout.title.text
    timeline = figure_table(figures[1])
    assert sorted(timeline.record) == sorted(tables.visits.id)
