"""Multilateral meetings: when each series met, and who came to each meeting at what level."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from components.charts.common import empty, finish, role_key, shorten, wrap_text
from components.data.categories import MEETING_STATUS_LABELS, ROLE_LABELS, ROLE_SYMBOLS, VISITOR_ROLES

NOTHING = "No multilateral meetings match the current filters."
# Called-off meetings stand out as crosses; a held meeting is a filled dot, one held online an open one.
STATUS_MARKS = {"held": ("circle", "#0077BB"), "postponed": ("x", "#CC3311"), "cancelled": ("x", "#000000")}
# Darker for the higher level, so a row of cells reads as a ladder of seniority.
ROLE_SHADES = {
    "head_of_state": "#08306B",
    "head_of_government": "#2171B5",
    "foreign_minister": "#4292C6",
    "defence_minister": "#6BAED6",
    "other_minister": "#9ECAE1",
    "other": "#BDBDBD",
}


def meetings_timeline(
    meetings: pd.DataFrame, *, source: str, title: str = "Multilateral meetings by series"
) -> go.Figure:
    """One mark per meeting: x its first day, y its series; crosses for meetings called off."""
    if meetings.empty:
        return empty(NOTHING, title=title, source=source)
    ordered = meetings.sort_values("start")
    frame = ordered.assign(
        attended=[len(c) for c in ordered.countries],
        hover=[wrap_text(s) for s in ordered.summary],
        row=[shorten(str(n), 30) for n in ordered.series_name],
    )
    fig = go.Figure()
    for status, group in frame.groupby("status", observed=True, sort=False):
        symbol, color = STATUS_MARKS[str(status)]
        fig.add_scatter(
            x=group.start,
            y=group.row,
            mode="markers",
            name=MEETING_STATUS_LABELS[str(status)],
            marker={
                "size": 13,
                "color": color,
                "symbol": [f"{symbol}-open" if online else symbol for online in group.online],
                "line": {"width": 2, "color": color},
            },
            customdata=group[["id", "name", "dates", "city", "attended", "series_name"]].to_numpy(),
            text=group.hover,
            hovertemplate=(
                "<b>%{customdata[1]}</b><br>%{customdata[5]}<br>%{customdata[2]} · %{customdata[3]}<br>"
                "%{customdata[4]} countries recorded<br><br>%{text}<extra></extra>"
            ),
        )
    rows = frame.row.nunique()
    fig.update_yaxes(categoryorder="category descending", showgrid=True, automargin=True)
    fig.update_layout(clickmode="event+select", legend={"orientation": "h", "y": 1.02, "x": 1, "xanchor": "right"})
    return finish(
        fig,
        title=title,
        source=source + " Open marks: held online.",
        x_title="Date",
        y_title="",
        height=max(300, 140 + 46 * rows),
    )


def attendance_matrix(
    meetings: pd.DataFrame,
    participants: pd.DataFrame,
    *,
    names: dict[str, str],
    countries: list[str],
    source: str,
    title: str = "Who came, and at what level",
) -> go.Figure:
    """Meeting × country: each cell the most senior person a country sent; blank where it sent no one."""
    if meetings.empty:
        return empty(NOTHING, title=title, source=source)
    order = meetings.sort_values("start")
    labels = {
        m.id: shorten(f"{m.name} ({m.start_text[:4]})", 34) + ("" if m.status == "held" else f" · {m.status}")
        for m in order.itertuples()
    }
    rank = {role: n for n, role in enumerate(VISITOR_ROLES)}
    came = participants[participants.meeting_id.isin(order.id) & participants.country.isin(countries)].copy()
    came["rank"] = came.role.astype("str").map(rank)
    top = came.sort_values("rank").groupby(["meeting_id", "country"], observed=True).first().reset_index()
    people = (
        came.groupby(["meeting_id", "country"], observed=True)
        .name.agg(lambda s: ", ".join(s))
        .rename("people")
        .reset_index()
    )
    top = top.merge(people, on=["meeting_id", "country"])
    columns = [c for c in countries if c in set(top.country.astype("str"))] or countries[:1]
    fig = go.Figure()
    for role in VISITOR_ROLES:
        group = top[top.role == role]
        if group.empty:
            continue
        fig.add_scatter(
            x=[names.get(c, c) for c in group.country.astype("str")],
            y=[labels[m] for m in group.meeting_id],
            mode="markers",
            name=ROLE_LABELS[role],
            showlegend=False,
            marker={"symbol": ROLE_SYMBOLS[role], "size": 15, "color": ROLE_SHADES[role], "line": {"width": 0}},
            customdata=group[["meeting_id", "people"]].to_numpy(),
            hovertemplate="%{y}<br><b>%{x}</b>: %{customdata[1]}<extra></extra>",
        )
    called_off = order[order.status != "held"]
    if not called_off.empty:  # no one came: an invisible mark keeps the meeting's row on the axis
        fig.add_scatter(
            x=[names.get(columns[0], columns[0])] * len(called_off),
            y=[labels[m] for m in called_off.id],
            mode="markers",
            marker={"opacity": 0},
            showlegend=False,
            customdata=called_off[["id"]].to_numpy(),
            hoverinfo="skip",
        )
    fig.update_xaxes(
        categoryorder="array",
        categoryarray=[names.get(c, c) for c in columns],
        side="bottom",
        tickangle=-40,
        automargin=True,
        showgrid=True,
    )
    fig.update_yaxes(categoryorder="array", categoryarray=list(labels.values())[::-1], automargin=True, showgrid=True)
    fig.update_layout(clickmode="event+select", showlegend=False)
    roles = list(top.role.astype("str").unique())
    return finish(
        fig,
        title=title,
        source=f"{source} {role_key(roles)}, darker for more senior; blank: no attendance recorded.",
        x_title="",
        y_title="",
        height=max(420, 260 + 30 * len(order)),
    )
