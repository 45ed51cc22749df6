"""Charts along time: activity per year, visits as marks, deals from signing through their status."""

from __future__ import annotations

from datetime import date

import pandas as pd
import plotly.graph_objects as go

from components.charts.common import add_key, add_role_legend, empty, finish, role_symbol, shorten, wrap_text
from components.data.categories import ROLE_LABELS, STATE_COLORS, STATE_LABELS
from components.data.frames import YOURS
from components.data.pair_keys import pair_label

NOTHING = "No records match the current filters."
MAX_GANTT_ROWS = 80
# Above this many visits in view the timeline draws one mark per pair, colour group and month, sized by the
# visits in it: tens of thousands of single marks cost seconds to build and draw and cannot be told apart.
MAX_TIMELINE_MARKS = 2_500
HOVER_COLUMNS = ["id", "visitor", "role_label", "guest_name", "host_name", "cities", "dates"]


def activity_by_year(
    visits: pd.DataFrame, deals: pd.DataFrame, *, source: str, title: str = "Visits and deals per year"
) -> go.Figure:
    """Stacked bars: visits and deals recorded in each year."""
    if visits.empty and deals.empty:
        return empty(NOTHING, title=title, source=source)
    counts = pd.DataFrame({"Visits": visits.groupby("year").size(), "Deals": deals.groupby("year").size()}).fillna(0)
    counts = counts.reindex(range(int(counts.index.min()), int(counts.index.max()) + 1), fill_value=0)
    fig = go.Figure()
    for name, color in (("Visits", "#0077BB"), ("Deals", "#EE7733")):
        fig.add_bar(
            x=counts.index,
            y=counts[name],
            name=name,
            marker_color=color,
            hovertemplate=f"%{{x}}: %{{y}} {name.lower()}<extra></extra>",
        )
    fig.update_layout(barmode="stack", bargap=0.15)
    busiest = counts.sum(axis=1).idxmax()
    return finish(
        fig,
        title=title,
        source=source,
        x_title="Year",
        y_title="Records per year",
        height=420,
        alt=f"Stacked bars of visits and deals recorded each year, {counts.index.min()}–{counts.index.max()}; "
        f"the busiest year is {busiest} ({int(counts.loc[busiest].sum())}).",
    )


def visits_timeline(
    visits: pd.DataFrame,
    *,
    names: dict[str, str],
    colors: dict[str, str],
    source: str,
    color_by: str = "guest",
    title: str = "Visits over time",
) -> go.Figure:
    """One mark per visit: x the start date, y the pair; colour by guest country or role, shape by role."""
    if visits.empty:
        return empty(NOTHING, title=title, source=source)
    frame = visits.sort_values("start")
    grouped = len(frame) > MAX_TIMELINE_MARKS
    labels = {p: pair_label(p, names) for p in frame.pair.unique()}
    frame = frame.assign(row=frame.pair.map(labels).astype("str"))
    group_column = "guest" if color_by == "guest" else "role"
    fig = go.Figure()
    if grouped:
        _monthly_marks(fig, frame, group_column, names=names, colors=colors)
    else:
        frame = frame.assign(
            guest_name=frame.guest.map(names).astype("str"),
            host_name=frame.host.map(names).astype("str"),
            role_label=frame.role.map(ROLE_LABELS).astype("str"),
            hover_summary=[
                ("<i>Yours, not reviewed</i><br>" if origin == YOURS else "") + wrap_text(s)
                for s, origin in zip(frame.summary, frame.get("origin", [None] * len(frame)), strict=True)
            ],
        )
        for key, group in frame.groupby(group_column, observed=True, sort=False):
            color, name = _mark_group(key, group_column, names, colors)
            fig.add_scatter(
                x=group.start,
                y=group.row,
                mode="markers",
                name=name,
                showlegend=color_by != "guest",
                marker={
                    "size": 13,
                    "color": color,
                    "symbol": [role_symbol(r, p) for r, p in zip(group.role, group.start_precision, strict=True)],
                    "line": {"width": 1.5, "color": color or "#333333"},
                },
                customdata=group[HOVER_COLUMNS].to_numpy(),
                text=group.hover_summary,
                hovertemplate=(
                    "<b>%{customdata[1]}</b> (%{customdata[2]})<br>"
                    "%{customdata[3]} → %{customdata[4]}: %{customdata[5]}<br>"
                    "%{customdata[6]}<br><br>%{text}<extra></extra>"
                ),
            )
    if color_by == "guest":
        # Two keys, one idea each: colour for the guest country (plain circles), shape for the role (grey).
        guests = frame.guest.astype("str").unique()
        add_key(fig, [(names.get(g, g), "circle", colors.get(g, "#555555")) for g in sorted(guests, key=names.get)])
        if not grouped:
            add_role_legend(fig, list(frame.role.astype("str").unique()))
    rows = frame.row.nunique()
    fig.update_yaxes(categoryorder="category descending", showgrid=True)
    fig.update_layout(clickmode="event+select", dragmode="zoom")
    return finish(
        fig,
        title=title,
        source=source
        + (
            f" {len(frame):,} visits: one mark per pair and month, its area the number of visits."
            if grouped
            else " Open marks: date known only to the month or year."
        ),
        x_title="Start of visit",
        y_title="",
        height=max(360, 230 + 34 * rows),
        legend_title=("Colour: guest country" + ("" if grouped else " · shape: visitor role"))
        if color_by == "guest"
        else "Visitor role",
        alt=f"{len(frame)} visits as marks along time, one row per country pair ({rows} pairs), "
        f"from {frame.start.min():%Y} to {frame.start.max():%Y}.",
    )


def _mark_group(key: str, group_column: str, names: dict[str, str], colors: dict[str, str]) -> tuple[str | None, str]:
    """A timeline trace's colour and legend name: the guest country's (colour fixed here) or the role's."""
    if group_column == "guest":
        return colors.get(key, "#555555"), f"{names.get(key, key)} visiting"
    return None, ROLE_LABELS.get(key, key)


def _monthly_marks(
    fig: go.Figure, frame: pd.DataFrame, group_column: str, *, names: dict[str, str], colors: dict[str, str]
) -> None:
    """One mark per pair, colour group and month, its area the number of visits; a click lists them all."""
    months = frame.assign(month=frame.start.dt.to_period("M").dt.to_timestamp())
    cells = months.groupby(["row", group_column, "month"], observed=True, sort=False).agg(
        count=("id", "size"), ids=("id", "|".join)
    )
    cells = cells.reset_index()
    top = max(1, int(cells["count"].max()))
    for key, group in cells.groupby(group_column, observed=True, sort=False):
        color, name = _mark_group(key, group_column, names, colors)
        fig.add_scatter(
            x=group.month,
            y=group.row,
            mode="markers",
            name=name,
            showlegend=group_column != "guest",
            marker={
                "size": 6 + 16 * (group["count"] / top) ** 0.5,
                "color": color,
                "opacity": 0.75,
                "line": {"width": 0.5, "color": "#333333"},
            },
            customdata=group[["ids", "count"]].to_numpy(),
            hovertemplate="<b>%{customdata[1]} visit(s)</b>, %{y}<br>%{x|%B %Y} — click to list them<extra></extra>",
        )


def status_segments(deals: pd.DataFrame, status: pd.DataFrame, *, today: date | None = None) -> pd.DataFrame:
    """Each deal's status history as spans: from one step's date to the next (the last runs to today)."""
    end_of_time = pd.Timestamp(today or date.today())
    steps = status[status.deal_id.isin(deals.id)].sort_values(["deal_id", "step"])
    next_date = steps.groupby("deal_id").date.shift(-1)
    segments = steps.assign(end=next_date.fillna(end_of_time))
    segments["end"] = segments[["end", "date"]].max(axis=1)
    titles = deals.set_index("id").title
    return segments.assign(title=segments.deal_id.map(titles).astype("str"))


def deals_gantt(
    deals: pd.DataFrame,
    status: pd.DataFrame,
    *,
    source: str,
    today: date | None = None,
    max_rows: int = MAX_GANTT_ROWS,
    title: str = "Deals from signing to today",
) -> go.Figure:
    """Horizontal spans per deal coloured by the state it was in: signed → building → operational/stalled."""
    if deals.empty:
        return empty(NOTHING, title=title, source=source)
    shown = deals.sort_values("date", ascending=False).head(max_rows)
    segments = status_segments(shown, status, today=today)
    short = {t: shorten(t, 40) for t in shown.title}
    order = list(dict.fromkeys(short[t] for t in shown.sort_values("date").title))
    fig = go.Figure()
    for state, group in segments.groupby("state", observed=True, sort=False):
        duration = (group.end - group.date).dt.total_seconds() * 1000
        fig.add_bar(
            y=group.title.map(short),
            hovertext=group.title,
            x=duration.clip(lower=86_400_000 * 20),
            base=group.date,
            orientation="h",
            name=STATE_LABELS[state],
            marker={"color": STATE_COLORS[state], "line": {"color": "#333333", "width": 0.5}},
            customdata=group[["deal_id", "date_text"]].to_numpy(),
            hovertemplate=f"<b>%{{hovertext}}</b><br>{STATE_LABELS[state]} from %{{customdata[1]}}<extra></extra>",
        )
    subtitle = "" if len(shown) == len(deals) else f" Showing the {len(shown)} latest of {len(deals)} deals."
    fig.update_yaxes(categoryorder="array", categoryarray=order, automargin=True, tickfont={"size": 12})
    fig.update_xaxes(type="date")
    fig.update_layout(barmode="overlay", clickmode="event+select", bargap=0.3)
    return finish(
        fig,
        title=title,
        source=source + subtitle,
        x_title="Date",
        y_title="",
        height=max(340, 200 + 26 * len(shown)),
        legend_title="Status",
        alt=f"{len(shown)} deals as bars from signing to today, coloured by the state each was in.",
    )


def visits_per_year_by_pair(
    visits: pd.DataFrame, *, names: dict[str, str], source: str, title: str = "Visits per year by country pair"
) -> go.Figure:
    """Heatmap: pairs down, years across, the number of visits in each cell."""
    if visits.empty:
        return empty(NOTHING, title=title, source=source)
    table = visits.groupby(["pair", "year"]).size().unstack(fill_value=0)
    table = table.reindex(columns=range(int(table.columns.min()), int(table.columns.max()) + 1), fill_value=0)
    table = table.loc[table.sum(axis=1).sort_values().index]
    labels = [shorten(pair_label(p, names), 26) for p in table.index]
    fig = go.Figure(
        go.Heatmap(
            z=table.to_numpy(),
            x=list(table.columns),
            y=labels,
            colorscale="Blues",
            colorbar={"title": {"text": "Visits", "side": "right"}},
            hovertemplate="%{y}, %{x}: %{z} visit(s)<extra></extra>",
            xgap=1,
            ygap=1,
        )
    )
    return finish(
        fig,
        title=title,
        source=source,
        x_title="Year",
        y_title="",
        height=max(320, 170 + 24 * len(labels)),
        alt=f"Grid of visits per year for {len(labels)} country pairs, busiest pairs at the top.",
    )
