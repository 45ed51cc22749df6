"""Breakdowns by sector, pair, status and value."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from components.charts.common import empty, finish, shorten
from components.data.categories import STATE_COLORS, STATE_LABELS
from components.data.pair_keys import pair_label
from components.data.queries import deal_partner

NOTHING = "No records match the current filters."


def top_sectors(
    counts: pd.DataFrame,
    *,
    sector_names: dict[str, str],
    source: str,
    top: int = 10,
    title: str = "Top sectors",
    width: int | None = None,
) -> go.Figure:
    """Horizontal bars of records per sector, split by kind (visits, deals, cooperation areas)."""
    if counts.empty:
        return empty(NOTHING, title=title, source=source)
    totals = counts.groupby("sector", observed=True)["records"].sum().sort_values().tail(top)
    fig = go.Figure()
    for kind, color in (("visit", "#0077BB"), ("deal", "#EE7733"), ("cooperation", "#009988")):
        part = counts[counts.kind == kind].groupby("sector", observed=True)["records"].sum().reindex(totals.index)
        fig.add_bar(
            y=[shorten(sector_names.get(s, s), 28) for s in totals.index],
            x=part.fillna(0),
            orientation="h",
            name={"visit": "Visits", "deal": "Deals", "cooperation": "Cooperation areas"}[kind],
            marker_color=color,
            customdata=list(totals.index),
            hovertext=[sector_names.get(s, s) for s in totals.index],
            hovertemplate="%{hovertext}: %{x}<extra>%{fullData.name}</extra>",
        )
    fig.update_layout(barmode="stack", clickmode="event+select", width=width)
    fig.update_xaxes(nticks=5)
    leader = totals.index[-1]
    return finish(
        fig,
        title=title,
        source=source,
        x_title="Records",
        y_title="",
        height=max(340, 190 + 34 * len(totals)),
        alt=f"Bars of records in the {len(totals)} busiest sectors, split into visits, deals and cooperation "
        f"areas; most in {sector_names.get(leader, leader)} ({int(totals.iloc[-1])}).",
    )


def sector_treemap(
    counts: pd.DataFrame,
    *,
    sector_names: dict[str, str],
    names: dict[str, str],
    source: str,
    title: str = "Records by sector and country pair",
) -> go.Figure:
    """Treemap sector → pair sized by the number of records (visits, deals and cooperation areas)."""
    if counts.empty:
        return empty(NOTHING, title=title, source=source)
    by_pair = counts.groupby(["sector", "pair"], observed=True)["records"].sum().reset_index()
    by_sector = by_pair.groupby("sector", observed=True)["records"].sum()
    ids = [f"s:{s}" for s in by_sector.index] + [f"s:{r.sector}/{r.pair}" for r in by_pair.itertuples()]
    # Pair tiles are small: their text is the two codes (readable where a tile has room for any text at all),
    # the full names are in the hover.
    labels = [sector_names.get(s, s) for s in by_sector.index] + [str(p) for p in by_pair.pair]
    full = [sector_names.get(s, s) for s in by_sector.index] + [
        f"{pair_label(p, names)} · {sector_names.get(s, s)}" for p, s in zip(by_pair.pair, by_pair.sector, strict=True)
    ]
    parents = [""] * len(by_sector) + [f"s:{s}" for s in by_pair.sector]
    values = list(by_sector) + list(by_pair.records)
    fig = go.Figure(
        go.Treemap(
            ids=ids,
            labels=labels,
            parents=parents,
            values=values,
            branchvalues="total",
            customdata=[f"sector={s}" for s in by_sector.index] + [f"pair={p}" for p in by_pair.pair],
            hovertext=full,
            hovertemplate="<b>%{hovertext}</b><br>%{value} record(s)<extra></extra>",
            textinfo="label+value",
            marker={"colorscale": "Blues"},
            tiling={"pad": 2},
        )
    )
    # Tiles too small for 11 px type show no text at all rather than an unreadable smudge (hover still works).
    fig.update_layout(uniformtext={"minsize": 11, "mode": "hide"})
    return finish(
        fig,
        title=title,
        source=source,
        height=560,
        alt=f"Tiles sized by records for {len(by_sector)} sectors, each split by country pair; the largest is "
        f"{sector_names.get(by_sector.idxmax(), by_sector.idxmax())} ({int(by_sector.max())}).",
    )


def pair_sector_matrix(
    counts: pd.DataFrame,
    *,
    sector_names: dict[str, str],
    names: dict[str, str],
    source: str,
    title: str = "Country pair × sector: visits, deals and cooperation areas",
) -> go.Figure:
    """Grid of records per pair and sector: a shaded square with its count in each non-empty cell.

    Drawn as square markers rather than a heatmap so a click on a cell reaches the app (pair page)."""
    if counts.empty:
        return empty(NOTHING, title=title, source=source)
    table = counts.groupby(["pair", "sector"], observed=True)["records"].sum().unstack(fill_value=0)
    table = table.loc[table.sum(axis=1).sort_values().index, table.sum().sort_values(ascending=False).index]
    cells = table.stack().rename("records").reset_index()
    cells = cells[cells.records > 0]
    pair_labels = {p: shorten(pair_label(p, names), 26) for p in table.index}
    fig = go.Figure(
        go.Scatter(
            x=[sector_names.get(s, s) for s in cells.sector],
            y=cells.pair.map(pair_labels),
            mode="markers+text",
            marker={
                "symbol": "square",
                "size": 30,
                "color": cells.records,
                "colorscale": "Blues",
                "cmin": 0,
                "line": {"color": "#555555", "width": 0.5},
                "colorbar": {"title": {"text": "Records", "side": "right"}},
            },
            text=cells.records.astype(str),
            textfont={"color": ["white" if r > cells.records.max() * 0.55 else "black" for r in cells.records]},
            customdata=cells.pair,
            hovertemplate="%{y} · %{x}: %{text} record(s) — click for the pair<extra></extra>",
        )
    )
    fig.update_xaxes(
        categoryorder="array",
        showgrid=True,
        categoryarray=[sector_names.get(s, s) for s in table.columns],
        tickangle=-45,
    )
    fig.update_yaxes(categoryorder="array", categoryarray=[pair_labels[p] for p in table.index], showgrid=True)
    fig.update_layout(clickmode="event+select")
    return finish(
        fig,
        title=title,
        source=source,
        height=max(420, 320 + 30 * len(table)),
        alt=f"Grid of {len(table)} country pairs by {len(table.columns)} sectors, each cell counting the pair's "
        "visits, deals and cooperation areas in that sector.",
    )


def status_breakdown(
    deals: pd.DataFrame, *, source: str, title: str = "Deals by status today", width: int | None = None
) -> go.Figure:
    """Bars of deals per current status, in the order a deal moves through them."""
    if deals.empty:
        return empty(NOTHING, title=title, source=source)
    counts = deals.status.value_counts(sort=False)
    counts = counts[counts > 0]
    fig = go.Figure(
        go.Bar(
            x=[STATE_LABELS[s] for s in counts.index],
            y=counts.to_numpy(),
            marker_color=[STATE_COLORS[s] for s in counts.index],
            marker_line={"color": "#333333", "width": 0.5},
            text=counts.to_numpy(),
            textposition="outside",
            customdata=list(counts.index),
            hovertemplate="%{x}: %{y} deal(s)<extra></extra>",
        )
    )
    fig.update_layout(clickmode="event+select", width=width)
    fig.update_yaxes(range=[0, counts.max() * 1.15])
    return finish(
        fig,
        title=title,
        source=source,
        x_title="Status today",
        y_title="Deals",
        height=420,
        alt=f"Bars of {int(counts.sum())} deals by their status today, in the order a deal moves through them.",
    )


def deal_value(
    deals: pd.DataFrame,
    *,
    by: str,
    labels: dict[str, str],
    source: str,
    title: str | None = None,
) -> go.Figure:
    """Reported value in US$ billions grouped by sector or partner; says how many deals have no value."""
    title = title or f"Reported deal value by {'sector' if by == 'sector' else 'partner'}"
    valued = deals.dropna(subset=["value_usd"])
    missing = len(deals) - len(valued)
    note = f" {missing} of {len(deals)} deals have no reported value and are not counted."
    if valued.empty:
        return empty("No deal in view has a reported value.", title=title, source=source + note)
    keys = valued.sector.astype("str") if by == "sector" else valued.parties.map(deal_partner)
    totals = (valued.value_usd.astype(float) / 1e9).groupby(keys.to_numpy()).agg(["sum", "count"]).sort_values("sum")
    fig = go.Figure(
        go.Bar(
            y=[shorten(pair_label(k, labels), 24) for k in totals.index],
            x=totals["sum"],
            orientation="h",
            marker_color="#EE7733",
            customdata=totals["count"],
            hovertemplate="%{y}: US$ %{x:.2f} bn across %{customdata} deal(s)<extra></extra>",
            text=[f"{v:.1f}" for v in totals["sum"]],
            textposition="outside",
            cliponaxis=False,
        )
    )
    fig.update_xaxes(range=[0, totals["sum"].max() * 1.35], nticks=5)
    return finish(
        fig,
        title=title,
        source=source + note,
        x_title="US$ billion, as reported<br>(not inflation-adjusted)",
        y_title="",
        height=max(340, 220 + 32 * len(totals)),
        alt=f"Bars of reported deal value in US$ billions for {len(totals)} "
        f"{'sectors' if by == 'sector' else 'partners'}, largest {pair_label(totals.index[-1], labels)}.",
    )
