"""Chart builders are pure: each test asserts what a figure draws, its title and its source line."""

from __future__ import annotations

import dataclasses
import itertools
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
    russia = next(t for t in arcs if t.name == "Russia")
    moscow = maps.edge_point(37.62, 55.75)
    assert (russia.lon[0], russia.lat[0]) == moscow[:2], "an arc from beyond the frame starts at its edge"
    assert moscow[2] in ("left", "top")
    labels = [t for t in fig.data if t.type == "scattergeo" and t.mode == "text"]
    assert any("Russia" in text for t in labels for text in t.text), "the far capital is named at the edge"
    assert fig.layout.geo.resolution == 50
    cities = next(t for t in fig.data if t.name == "Host cities")
    islamabad = [row for row in cities.customdata if "rus-pak-2021-04-lavrov" in row[0]]
    assert islamabad and islamabad[0][1] == 2
    assert "not authoritative" in source_text(fig)


def test_maps_keep_south_asia_in_frame_and_far_places_at_its_edge(tables):
    """The frame never widens to take in a far capital; far places come to the edge, their labels apart."""
    fig = maps.visits_map(tables.visits, tables.countries, source=SOURCE)
    assert tuple(fig.layout.geo.lonaxis.range) == maps.FRAME["lon"]
    assert tuple(fig.layout.geo.lataxis.range) == maps.FRAME["lat"]
    for trace in fig.data:
        if trace.type == "scattergeo":
            for lon, lat in zip(trace.lon, trace.lat, strict=True):
                if lon is not None:
                    assert maps.FRAME["lon"][0] <= lon <= maps.FRAME["lon"][1]
                    assert maps.FRAME["lat"][0] <= lat <= maps.FRAME["lat"][1]
    assert maps.edge_point(-77.04, 38.91)[2] == "left", "Washington is west of South Asia"
    assert maps.edge_point(116.41, 39.90)[2] == "right", "Beijing is east"
    gulf = maps.spread({"SAU": (52.5, 23.0, "left"), "ARE": (52.5, 23.5, "left"), "IRN": (52.5, 24.0, "left")})
    lats = sorted(p[1] for p in gulf.values())
    assert all(b - a >= maps.LABEL_GAP - 1e-9 for a, b in itertools.pairwise(lats))


def test_map_circles_have_area_proportional_to_visits_and_a_cap():
    import pandas as pd

    sizes = maps.circle_sizes(pd.Series([1, 4, 100]))
    assert sizes.iloc[2] == 30, "capped"
    assert sizes.is_monotonic_increasing


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
        "Met at multilateral meetings",
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


def test_pair_time_axis_follows_visits_and_deals_and_clips_older_cooperation(tables, names, colors):
    """A cooperation area begun decades earlier does not stretch the axis: its span starts at the axis, noted."""
    view = pairs.pair_tables(tables, "PAK", "RUS")
    old = view.cooperation.assign(since=1952)
    view = dataclasses.replace(view, cooperation=old)
    fig = pair.pair_timeline(
        view,
        "PAK",
        "RUS",
        names=names,
        colors=colors,
        sector_names=tables.sectors.name.to_dict(),
        source=SOURCE,
        today=date(2026, 1, 1),
    )
    first_record = min(view.visits.start.min(), view.deals.date.min())
    start, end = (date.fromisoformat(x[:10]) for x in fig.layout.xaxis.range)
    assert start.year == first_record.year - 1 and end == date(2026, 1, 1)
    span = next(t for t in fig.data if t.mode == "lines")
    assert str(span.x[0])[:10] == start.isoformat(), "the span is clipped to the axis"
    notes = [a.text for a in fig.layout.annotations if a.name == "earlier"]
    assert notes == ["Cooperation: Energy · ◀ since 1952"]


def test_pair_scales_ignore_cooperation_start_and_follow_the_years_filter(tables):
    from components.ui.pair_view import shared_scales

    view = pairs.pair_tables(tables, "PAK", "RUS")
    today = date(2026, 6, 1)
    scales = shared_scales([("PAK", "RUS", view)], today=today)
    assert scales.years[0] == int(min(view.visits.year.min(), view.deals.year.min()))
    assert scales.years[1] == 2026
    filtered = shared_scales([("PAK", "RUS", view)], today=today, years=(2018, 2022))
    assert filtered.years == (2018, 2022)
    assert filtered.x_range == ("2017-07-01", "2023-01-01")


def test_every_chart_has_a_text_alternative_and_a_legend_under_the_plot(tables, names, colors):
    from components.charts.common import alt_text

    counts = records_by_pair_sector(tables.visits, tables.deals, tables.cooperation)
    sector_names = tables.sectors.name.to_dict()
    figures = [
        timelines.activity_by_year(tables.visits, tables.deals, source=SOURCE),
        timelines.visits_timeline(tables.visits, names=names, colors=colors, source=SOURCE),
        maps.visits_map(tables.visits, tables.countries, source=SOURCE),
        breakdowns.top_sectors(counts, sector_names=sector_names, source=SOURCE),
        breakdowns.pair_sector_matrix(counts, sector_names=sector_names, names=names, source=SOURCE),
    ]
    for fig in figures:
        assert alt_text(fig).endswith("."), "one sentence saying what the chart shows"
        assert fig.layout.legend.orientation == "h" and fig.layout.legend.yanchor == "bottom"
        assert fig.layout.xaxis.automargin and fig.layout.yaxis.automargin


def test_visits_timeline_legend_says_one_thing_per_entry(tables, names, colors):
    """Colour entries are plain circles in the country's colour; shape entries are grey; data marks stay out."""
    fig = timelines.visits_timeline(tables.visits, names=names, colors=colors, source=SOURCE)
    shown = [t for t in fig.data if t.showlegend is not False]
    assert all(t.customdata is None for t in shown), "no data trace carries a mixed colour-and-shape entry"
    countries = [t for t in shown if t.marker.symbol == "circle" and t.marker.color != "#666666"]
    assert {t.name for t in countries} == {names[c] for c in set(tables.visits.guest.astype(str))}
    assert all(t.marker.color == "#666666" for t in shown if t not in countries)


def test_visits_map_places_a_far_city_of_a_country_whose_capital_is_in_the_frame(tables):
    """A visit to a city beyond the frame, in a country whose capital lies inside it, is drawn at the edge."""
    far = tables.visits.iloc[:1].assign(lat=-40.0, lon=75.0)
    fig = maps.visits_map(far, tables.countries, source=SOURCE)
    assert fig.data, "the map is drawn"


def test_a_timeline_of_thousands_of_visits_draws_one_mark_per_pair_and_month(tables, names, colors, monkeypatch):
    """Above the mark limit the visits timeline groups marks by pair, colour and month (sized by count), and
    a click on a mark still lists every visit in it."""
    monkeypatch.setattr(timelines, "MAX_TIMELINE_MARKS", 1)
    fig = timelines.visits_timeline(tables.visits, names=names, colors=colors, source=SOURCE)
    marks = [t for t in fig.data if t.customdata is not None]
    ids = sorted(i for t in marks for row in t.customdata for i in row[0].split("|"))
    assert ids == sorted(tables.visits.id)
    months = tables.visits.assign(month=tables.visits.start.dt.to_period("M"))
    assert sum(len(t.x) for t in marks) == len(months.groupby(["pair", "guest", "month"], observed=True))
    assert "one mark per pair and month" in source_text(fig)
