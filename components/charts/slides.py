"""A story slide's chart: the named builder over the slide's filtered records, its highlights enlarged."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import plotly.graph_objects as go

from components.charts import breakdowns, maps, meetings, pair, timelines
from components.charts.common import title_text
from components.data import pairs
from components.data.categories import FOCUS_COUNTRIES
from components.data.filters import apply_filters
from components.data.frames import Tables
from components.data.queries import records_by_pair_sector
from components.data.stories import SlideView

PRESENTATION_FONT = 17


@dataclass(frozen=True)
class SlideData:
    """Everything a slide's builder may draw from: the slide's records, the lookups and the framing."""

    view: SlideView
    data: Tables
    tables: Tables
    source: str
    title: str
    today: date | None

    @property
    def names(self) -> dict[str, str]:
        return self.tables.countries.name.to_dict()

    @property
    def colors(self) -> dict[str, str]:
        return self.tables.countries.color.to_dict()

    @property
    def sector_names(self) -> dict[str, str]:
        return self.tables.sectors.name.to_dict()

    @property
    def counts(self):
        return records_by_pair_sector(self.data.visits, self.data.deals, self.data.cooperation)


def _pair_timeline(s: SlideData) -> go.Figure:
    a, b = s.view.pair
    return pair.pair_timeline(
        s.data,
        a,
        b,
        names=s.names,
        colors=s.colors,
        sector_names=s.sector_names,
        source=s.source,
        today=s.today,
        title=s.title,
    )


def _pair_activity(s: SlideData) -> go.Figure:
    a, b = s.view.pair
    per_year = pairs.yearly_activity(s.data, a, b)
    return pair.pair_activity(per_year, a, b, names=s.names, colors=s.colors, source=s.source, title=s.title)


# One builder per chart kind a story may name; STORY_CHARTS in the data layer lists the names (a test
# checks that the two agree).
SLIDE_BUILDERS: dict[str, Callable[[SlideData], go.Figure]] = {
    "activity_by_year": lambda s: timelines.activity_by_year(
        s.data.visits, s.data.deals, source=s.source, title=s.title
    ),
    "visits_timeline": lambda s: timelines.visits_timeline(
        s.data.visits, names=s.names, colors=s.colors, source=s.source, title=s.title
    ),
    "visits_map": lambda s: maps.visits_map(s.data.visits, s.tables.countries, source=s.source, title=s.title),
    "deals_gantt": lambda s: timelines.deals_gantt(
        s.data.deals, s.data.status, source=s.source, today=s.today, title=s.title
    ),
    "deals_map": lambda s: maps.deals_map(
        s.data.deals, s.data.paths, s.tables.countries, source=s.source, title=s.title
    ),
    "status_breakdown": lambda s: breakdowns.status_breakdown(s.data.deals, source=s.source, title=s.title),
    "top_sectors": lambda s: breakdowns.top_sectors(
        s.counts, sector_names=s.sector_names, source=s.source, title=s.title
    ),
    "pair_sector_matrix": lambda s: breakdowns.pair_sector_matrix(
        s.counts, sector_names=s.sector_names, names=s.names, source=s.source, title=s.title
    ),
    "deal_value_by_partner": lambda s: breakdowns.deal_value(
        s.data.deals, by="partner", labels=s.names, source=s.source, title=s.title
    ),
    "meetings_timeline": lambda s: meetings.meetings_timeline(s.data.meetings, source=s.source, title=s.title),
    "attendance_matrix": lambda s: meetings.attendance_matrix(
        s.data.meetings,
        s.data.participants,
        names=s.names,
        countries=list(FOCUS_COUNTRIES),
        source=s.source,
        title=s.title,
    ),
    "deal_value_by_sector": lambda s: breakdowns.deal_value(
        s.data.deals, by="sector", labels=s.sector_names, source=s.source, title=s.title
    ),
    "visits_per_year": lambda s: timelines.visits_per_year_by_pair(
        s.data.visits, names=s.names, source=s.source, title=s.title
    ),
    "sector_treemap": lambda s: breakdowns.sector_treemap(
        s.counts, sector_names=s.sector_names, names=s.names, source=s.source, title=s.title
    ),
    "pair_timeline": _pair_timeline,
    "pair_activity": _pair_activity,
    "pair_sector_profile": lambda s: pair.pair_sector_profile(
        pairs.sector_profile(s.data), sector_names=s.sector_names, source=s.source, title=s.title
    ),
}


def slide_figure(
    view: SlideView,
    tables: Tables,
    *,
    source: str,
    title: str,
    today: date | None = None,
    presentation: bool = True,
) -> go.Figure:
    """Build the chart a slide names, titled with the slide's title, over the records its filters select;
    in the projector's style unless `presentation` is False (a preview on a page)."""
    data = SlideData(view, apply_filters(tables, view.filters()), tables, source, title, today)
    fig = SLIDE_BUILDERS[view.chart](data)
    highlight(fig, set(view.highlight))
    return presentation_style(fig) if presentation else fig


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
    """Type sized for the back of a lecture hall. The slide's heading already names the chart, so the chart's
    own title goes (its source line stays); the legend stays under the plot, where finish() put it."""
    top = 16 + 15 * ((fig.layout.title.subtitle.text or "").count("<br>") + 1) + 12
    fig.update_layout(
        font={"size": PRESENTATION_FONT},
        title={"text": "", "pad": {"t": 4}},
        meta={**(fig.layout.meta or {}), "title": title_text(fig)},
        hoverlabel={"font": {"size": 18}},
        legend={"font": {"size": 13}},
        margin={"t": top},
    )
    return fig
