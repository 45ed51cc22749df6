"""A story slide's chart: the named builder over the slide's filtered records, its highlights enlarged."""

from __future__ import annotations

from datetime import date

import plotly.graph_objects as go

from components.charts import breakdowns, maps, pair, timelines
from components.data import pairs
from components.data.filters import apply_filters
from components.data.frames import Tables
from components.data.queries import records_by_pair_sector
from components.data.stories import SlideView

PRESENTATION_FONT = 17


def slide_figure(view: SlideView, tables: Tables, *, source: str, title: str, today: date | None = None) -> go.Figure:
    """Build the chart a slide names, titled with the slide's title, over the records its filters select."""
    data = apply_filters(tables, view.filters())
    names = tables.countries.name.to_dict()
    colors = tables.countries.color.to_dict()
    sector_names = tables.sectors.name.to_dict()
    chart = view.chart
    if chart == "activity_by_year":
        fig = timelines.activity_by_year(data.visits, data.deals, source=source, title=title)
    elif chart == "visits_timeline":
        fig = timelines.visits_timeline(data.visits, names=names, colors=colors, source=source, title=title)
    elif chart == "visits_map":
        fig = maps.visits_map(data.visits, tables.countries, source=source, title=title)
    elif chart == "deals_gantt":
        fig = timelines.deals_gantt(data.deals, data.status, source=source, today=today, title=title)
    elif chart == "deals_map":
        fig = maps.deals_map(data.deals, data.paths, tables.countries, source=source, title=title)
    elif chart == "status_breakdown":
        fig = breakdowns.status_breakdown(data.deals, source=source, title=title)
    elif chart in ("top_sectors", "pair_sector_matrix"):
        counts = records_by_pair_sector(data.visits, data.deals, data.cooperation)
        if chart == "top_sectors":
            fig = breakdowns.top_sectors(counts, sector_names=sector_names, source=source, title=title)
        else:
            fig = breakdowns.pair_sector_matrix(
                counts, sector_names=sector_names, names=names, source=source, title=title
            )
    elif chart == "deal_value_by_partner":
        fig = breakdowns.deal_value(data.deals, by="partner", labels=names, source=source, title=title)
    else:
        a, b = view.pair
        if chart == "pair_timeline":
            fig = pair.pair_timeline(
                data,
                a,
                b,
                names=names,
                colors=colors,
                sector_names=sector_names,
                source=source,
                today=today,
                title=title,
            )
        elif chart == "pair_activity":
            fig = pair.pair_activity(
                pairs.activity_by_year(data, a, b), a, b, names=names, colors=colors, source=source, title=title
            )
        else:
            fig = pair.pair_sector_profile(
                pairs.sector_profile(data), sector_names=sector_names, source=source, title=title
            )
    highlight(fig, set(view.highlight))
    return presentation_style(fig)


def highlight(fig: go.Figure, ids: set[str]) -> go.Figure:
    """Enlarge and outline the marks of the given records so the slide's subject stands out."""
    if not ids:
        return fig
    for trace in fig.data:
        if (
            trace.type not in ("scatter", "scattergeo")
            or trace.customdata is None
            or "markers" not in (trace.mode or "")
        ):
            continue
        hit = [row[0] in ids for row in trace.customdata]
        if not any(hit):
            continue
        base = trace.marker.size if isinstance(trace.marker.size, int | float) else 13
        trace.marker.size = [base * 1.9 if h else base for h in hit]
        trace.marker.line.width = [4 if h else 1 for h in hit]
        trace.marker.line.color = "#000000"
    return fig


def presentation_style(fig: go.Figure) -> go.Figure:
    """Type sized for the back of a lecture hall; the legend goes under the plot so the data keeps the width."""
    fig.update_layout(
        font={"size": PRESENTATION_FONT},
        title={"font": {"size": 26}},
        hoverlabel={"font": {"size": 18}},
        legend={"font": {"size": 15}, "orientation": "h", "x": 0, "y": -0.2, "yanchor": "top", "title": {"text": ""}},
        margin={"b": 230},
    )
    fig.update_annotations(selector={"name": "source"}, yshift=-205)
    return fig
