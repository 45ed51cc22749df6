"""Charts for one country pair: the combined timeline, activity per year each way, the sector profile."""

from __future__ import annotations

from datetime import date

import pandas as pd
import plotly.graph_objects as go

from components.charts.common import add_key, empty, finish, role_key, role_symbol, wrap_text
from components.data.categories import ROLE_LABELS, STATE_COLORS, STATE_LABELS
from components.data.frames import Tables
from components.data.pair_keys import pair_label

NOTHING = "No records for this pair under the current filters."


def pair_timeline(
    view: Tables,
    a: str,
    b: str,
    *,
    names: dict[str, str],
    colors: dict[str, str],
    sector_names: dict[str, str],
    source: str,
    today: date | None = None,
    x_range: tuple[str, str] | None = None,
    title: str | None = None,
) -> go.Figure:
    """Visits each way, deals (coloured by status today), meetings on a summit's sidelines and cooperation
    areas as spans, on one time axis."""
    title = title or f"{names.get(a, a)} and {names.get(b, b)}: visits, deals and cooperation"
    if view.visits.empty and view.deals.empty and view.cooperation.empty and view.sidelines.empty:
        return empty(NOTHING, title=title, source=source)
    end = pd.Timestamp(today or date.today())
    if x_range is None:
        dates = pd.concat([view.visits.start, view.deals.date, view.sidelines.date]).dropna()
        first = dates.min().year if len(dates) else end.year - 10
        x_range = (f"{first - 1}-07-01", end.date().isoformat())
    axis_start = pd.Timestamp(x_range[0])
    fig = go.Figure()
    lanes: list[str] = []
    earlier: list[tuple[str, int]] = []
    for area in view.cooperation.sort_values("since").itertuples():
        lane = f"Cooperation: {sector_names.get(area.sector, area.sector)}"
        lanes.append(lane)
        since = pd.Timestamp(year=int(area.since), month=1, day=1)
        if since < axis_start:  # began before the axis: drawn from its start, with a note of the real year
            earlier.append((lane, int(area.since)))
        fig.add_scatter(
            x=[max(since, axis_start), end],
            y=[lane, lane],
            mode="lines",
            line={"width": 12, "color": "#88CCEE" if area.status == "active" else "#BBBBBB"},
            name=f"Cooperation ({area.status})",
            legendgroup=f"coop-{area.status}",
            showlegend=False,
            customdata=[[area.id], [area.id]],
            text=[wrap_text(area.summary)] * 2,
            hovertemplate=f"<b>{lane}</b> since {area.since} ({area.status})<br>%{{text}}<extra></extra>",
        )
    deals = view.deals
    if len(deals):
        lane = "Deals (colour: status today)"
        lanes.append(lane)
        for state, group in deals.groupby("status", observed=True):
            fig.add_scatter(
                x=group.date,
                y=[lane] * len(group),
                mode="markers",
                marker={
                    "symbol": "diamond",
                    "size": 15,
                    "color": STATE_COLORS[state],
                    "line": {"width": 1, "color": "#222"},
                },
                name=f"Deal: {STATE_LABELS[state]}",
                customdata=group[["id", "date_text", "title"]].to_numpy(),
                text=[wrap_text(s) for s in group.summary],
                hovertemplate=f"<b>%{{customdata[2]}}</b><br>%{{customdata[1]}} · now {STATE_LABELS[state]}"
                "<br><br>%{text}<extra></extra>",
            )
    visits = view.visits
    for guest, host in ((b, a), (a, b)):
        one_way = visits[(visits.guest == guest) & (visits.host == host)]
        if one_way.empty:
            continue
        lane = f"Visits {names.get(guest, guest)} → {names.get(host, host)}"
        lanes.append(lane)
        fig.add_scatter(
            x=one_way.start,
            y=[lane] * len(one_way),
            mode="markers",
            marker={
                "size": 15,
                "color": colors.get(guest, "#555"),
                "symbol": [role_symbol(r, p) for r, p in zip(one_way.role, one_way.start_precision, strict=True)],
                "line": {"width": 1.5, "color": colors.get(guest, "#555")},
            },
            name=f"Visit by {names.get(guest, guest)}",
            showlegend=False,
            customdata=one_way[["id", "visitor", "dates"]].to_numpy(),
            text=[f"{ROLE_LABELS[r]}<br>{wrap_text(s)}" for r, s in zip(one_way.role, one_way.summary, strict=True)],
            hovertemplate="<b>%{customdata[1]}</b>, %{customdata[2]}<br>%{text}<extra></extra>",
        )
    sides = view.sidelines
    if len(sides):
        lane = "Met at multilateral meetings"
        lanes.insert(0, lane)
        fig.add_scatter(
            x=sides.date,
            y=[lane] * len(sides),
            mode="markers",
            marker={"symbol": "hexagon", "size": 15, "color": "#777777", "line": {"width": 1, "color": "#222"}},
            name="Met on the sidelines of a summit",
            showlegend=False,  # the lane's own label says what the marks are
            customdata=sides[["id", "people", "meeting"]].to_numpy(),
            text=[wrap_text(s) for s in sides.summary],
            hovertemplate="<b>%{customdata[1]}</b><br>at the %{customdata[2]}<br><br>%{text}<extra></extra>",
        )
    guests = [g for g in (b, a) if (visits.guest == g).any()]
    add_key(fig, [(f"Visit by {names.get(g, g)}", "circle", colors.get(g, "#555")) for g in guests])
    # Each lane is named just above its line, inside the plot, so the plot keeps the chart's whole width even on
    # a phone; a span that began before the axis says so in its name.
    since = dict(earlier)
    for lane in lanes:
        fig.add_annotation(
            x=0,
            xref="paper",
            y=lane,
            text=lane if lane not in since else f"{lane} · ◀ since {since[lane]}",
            showarrow=False,
            xanchor="left",
            yanchor="bottom",
            yshift=8,
            font={"size": 12, "color": "#333333"},
            name="earlier" if lane in since else "lane",
        )
    fig.update_yaxes(categoryorder="array", categoryarray=lanes, showticklabels=False, range=[-0.6, len(lanes) - 0.3])
    fig.update_xaxes(range=list(x_range))
    fig.update_layout(clickmode="event+select")
    return finish(
        fig,
        title=title,
        source=source + " Open marks: date known only to the month or year.",
        x_title="Date",
        y_title="",
        height=max(380, 250 + 50 * len(lanes)),
        # Colour in the entries; the role shapes as one line of text, so the legend stays smaller than the plot.
        legend_title=role_key(list(visits.role.astype("str").unique())) if len(visits) else "",
        alt=f"Time line of {len(visits)} visits, {len(deals)} deals and {len(view.cooperation)} cooperation "
        f"areas between {names.get(a, a)} and {names.get(b, b)}, from {x_range[0][:4]} to {x_range[1][:4]}.",
    )


def pair_activity(
    per_year: pd.DataFrame,
    a: str,
    b: str,
    *,
    names: dict[str, str],
    colors: dict[str, str],
    source: str,
    years: tuple[int, int] | None = None,
    y_max: float | None = None,
    title: str | None = None,
) -> go.Figure:
    """Grouped bars per year: visits each way and deals signed; fixed scales when comparing pairs."""
    title = title or f"Activity per year: {pair_label((a, b), names)}"
    if per_year.empty or not per_year.to_numpy().any():
        return empty(NOTHING, title=title, source=source)
    fig = go.Figure()
    for column, name, color in (
        (f"{a}→{b}", f"Visits {names.get(a, a)} → {names.get(b, b)}", colors.get(a, "#0077BB")),
        (f"{b}→{a}", f"Visits {names.get(b, b)} → {names.get(a, a)}", colors.get(b, "#EE7733")),
        ("deals", "Deals signed", "#BBBBBB"),
    ):
        fig.add_bar(
            x=per_year.index,
            y=per_year[column],
            name=name,
            marker_color=color,
            marker_line={"color": "#333", "width": 0.5},
            hovertemplate=f"%{{x}}: %{{y}} · {name}<extra></extra>",
        )
    fig.update_layout(barmode="group")
    years = years or (int(per_year.index.min()), int(per_year.index.max()))
    fig.update_xaxes(range=[years[0] - 0.5, years[1] + 0.5])
    if y_max:
        fig.update_yaxes(range=[0, y_max * 1.1])
    fig.update_yaxes(dtick=1 if (y_max or per_year.to_numpy().max()) <= 6 else None)
    return finish(
        fig,
        title=title,
        source=source,
        x_title="Year",
        y_title="Records",
        height=420,
        alt=f"Bars of visits each way and deals signed per year, {years[0]}–{years[1]}.",
    )


def pair_sector_profile(
    profile: pd.DataFrame,
    *,
    sector_names: dict[str, str],
    source: str,
    periods: list[str] | None = None,
    z_max: float | None = None,
    title: str = "Sector profile over time",
) -> go.Figure:
    """Heatmap of records per sector and five-year period: how the relationship's focus shifted."""
    if profile.empty:
        return empty(NOTHING, title=title, source=source)
    table = profile.pivot_table(index="sector", columns="period", values="records", aggfunc="sum", fill_value=0)
    if periods:
        table = table.reindex(columns=periods, fill_value=0)
    table = table.loc[table.sum(axis=1).sort_values().index]
    fig = go.Figure(
        go.Heatmap(
            z=table.to_numpy(),
            x=list(table.columns),
            y=[sector_names.get(s, s) for s in table.index],
            text=table.astype(int).astype(str).where(table > 0, "").to_numpy(),
            texttemplate="%{text}",
            colorscale="Blues",
            zmin=0,
            zmax=z_max,
            colorbar={"title": {"text": "Records", "side": "right"}},
            hovertemplate="%{y}, %{x}: %{z} record(s)<extra></extra>",
            xgap=1,
            ygap=1,
        )
    )
    return finish(
        fig,
        title=title,
        source=source,
        x_title="Period",
        y_title="",
        height=max(320, 190 + 30 * len(table)),
        alt=f"Grid of records per sector and five-year period across {len(table)} sectors.",
    )
