"""The country-pair page's building blocks: header figures, facts, the visit → deal chain, the charts."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

import pandas as pd
import streamlit as st

from components.charts.pair import pair_activity, pair_sector_profile, pair_timeline
from components.data import pairs
from components.data.categories import ROLE_LABELS, STATE_LABELS
from components.data.dates import label
from components.data.frames import Tables
from components.data.my_story import view_for
from components.data.pair_keys import pair_label, split_pair
from components.data.search import SEARCH_KINDS
from components.ui.context import PageContext
from components.ui.details import open_details, record_dialog
from components.ui.display import clicked_ids, show_chart
from components.ui.markdown import md
from components.ui.tables import record_table
from components.ui.widgets import chart_source


@dataclass(frozen=True)
class Scales:
    """Axes shared by the pairs on screen so a comparison reads at a glance."""

    x_range: tuple[str, str]
    years: tuple[int, int]
    y_max: float
    periods: list[str]
    z_max: float


def shared_scales(views: list[tuple[str, str, Tables]], *, today: date, years: tuple[int, int] | None = None) -> Scales:
    """Axes shared by the pairs on screen, over the years their visits and deals span (or the years filter).

    A cooperation area's start does not widen the time axis: one that began in 1952 would squeeze every visit
    into the last quarter of the chart. Its span is drawn from the axis' start instead, marked as running on."""
    spanned: list[int] = []
    y_max = 1.0
    periods: set[str] = set()
    z_max = 1.0
    for a, b, view in views:
        per_year = pairs.yearly_activity(view, a, b)
        spanned += [int(y) for y in per_year.index]
        if len(per_year):
            y_max = max(y_max, float(per_year.to_numpy().max()))
        profile = pairs.sector_profile(view)
        if len(profile):
            periods |= set(profile.period)
            z_max = max(z_max, float(profile.groupby(["period", "sector"]).records.sum().max()))
    first, last = pairs.time_span(spanned, today=today, years_filter=years)
    return Scales(
        x_range=(f"{first - 1}-07-01", min(date(last + 1, 1, 1), today).isoformat()),
        years=(first, last),
        y_max=y_max,
        periods=sorted(periods),
        z_max=z_max,
    )


def comparison_chooser(context: PageContext) -> tuple[str | None, str | None]:
    """Optional second pair (?c=..&d=..), drawn beside the first with the same scales."""
    codes = sorted(context.tables.countries.index)
    opened = bool(st.session_state.get("c") or st.session_state.get("d") or st.query_params.get("c"))
    with st.expander("Compare with another pair", expanded=opened, icon=":material/compare:"):
        left, right = st.columns(2)
        c = left.selectbox(
            "First country",
            codes,
            index=None,
            key="c",
            bind="query-params",
            placeholder="Choose",
        )
        d = right.selectbox(
            "Second country",
            codes,
            index=None,
            key="d",
            bind="query-params",
            placeholder="Choose",
        )
    return c, d


def suggest_pairs(context: PageContext, near: list[tuple[str, int]] | None) -> None:
    """Links to pairs that have records: the busiest overall, or those nearest a pair with none."""
    tables = context.tables
    if near is None:
        counts = pd.concat([tables.visits.pair, tables.deals.pair, tables.cooperation.pair]).value_counts()
        near = [(p, int(n)) for p, n in counts.head(8).items() if split_pair(p)]
    columns = st.columns(3)
    for n, (pair, count) in enumerate(near):
        x, y = split_pair(pair)
        columns[n % 3].page_link(
            "pages/pair.py",
            label=f"{md(pair_label(pair, context.country_names))} ({count} records)",
            query_params={"a": x, "b": y},
            icon=":material/arrow_forward:",
        )


def _levels(levels: dict[str, int]) -> str:
    return ", ".join(f"{n} {ROLE_LABELS[r].lower()}" for r, n in levels.items()) or "none"


def header(context: PageContext, summary: pairs.PairSummary) -> None:
    name_a, name_b = context.country_name(summary.a), context.country_name(summary.b)
    first = label(summary.first_contact) if summary.first_contact else "—"
    latest = label(summary.latest_contact) if summary.latest_contact else "—"
    cols = st.columns(4)
    cols[0].metric(f"Visits {summary.a} → {summary.b}", summary.visits_ab, help=_levels(summary.levels_ab))
    cols[1].metric(f"Visits {summary.b} → {summary.a}", summary.visits_ba, help=_levels(summary.levels_ba))
    cols[2].metric(
        "Deals",
        summary.deals,
        help="; ".join(f"{STATE_LABELS[s]}: {n}" for s, n in summary.deals_by_status.items()) or None,
    )
    cols[3].metric(
        "Reported value (US$)",
        f"{summary.value_usd / 1e9:,.1f} bn",
        help=f"{summary.deals_without_value} deal(s) have no reported value",
    )
    sectors = ", ".join(f"{context.sector_names.get(s, s)} ({n})" for s, n in summary.top_sectors) or "—"
    statuses = ", ".join(f"{n} {STATE_LABELS[s].lower()}" for s, n in summary.deals_by_status.items()) or "none"
    st.markdown(
        f"First recorded contact **{first}**, latest **{latest}**.  \n"
        f"{md(name_a)} → {md(name_b)}: {_levels(summary.levels_ab)}. "
        f"{md(name_b)} → {md(name_a)}: {_levels(summary.levels_ba)}.  \n"
        f"Deals by status today: {statuses}; {summary.deals_without_value} without a reported value.  \n"
        f"Most active sectors: {md(sectors)}. Standing cooperation areas: {summary.cooperation}.  \n"
        f"Multilateral meetings both attended: {summary.meetings}; met on the sidelines of a summit: "
        f"{summary.sidelines} time(s)."
    )


def facts_list(context: PageContext, view: Tables, a: str, b: str, key: str) -> None:
    found = pairs.facts(
        view,
        a,
        b,
        names=context.country_names,
        adjectives=context.tables.countries.adjective.to_dict(),
        today=date.today(),
    )
    if not found:
        return
    st.markdown("**Facts from the data**")
    for n, fact in enumerate(found):
        left, right = st.columns([5, 1], vertical_alignment="center")
        left.markdown(f"- {md(fact.text)}")
        if fact.record_ids and right.button("Records", key=f"{key}-fact-{n}", help="Open the records behind this"):
            record_dialog(context, list(fact.record_ids))


def chain_list(view: Tables) -> None:
    chains = pairs.visit_chains(view)
    st.markdown("**From visit to outcome**")
    if not chains:
        st.caption("No deal in view is recorded as signed during a visit of this pair.")
        return
    lines = []
    for chain in chains:
        v = chain.visit
        lines.append(f"- **{md(v.dates)}** — {md(v.visitor)} ({md(ROLE_LABELS[v.role])}) in {md(v.cities)}")
        for deal, history in chain.deals:
            steps = " → ".join(f"{STATE_LABELS[s.state]} ({md(label(s.date_text))})" for s in history.itertuples())
            lines.append(f"    - {md(deal.title)}: {steps}")
    st.markdown("\n".join(lines))


def draw_header(context: PageContext, a: str, b: str, view: Tables) -> bool:
    """The pair's name, header figures and facts; False (with nearby pairs to try) when it has no records."""
    names = context.country_names
    st.header(md(pair_label((a, b), names)))
    summary = pairs.summarise(view, a, b)
    if summary.records == 0:
        st.info(
            f"No records between {md(names[a])} and {md(names[b])} under the current filters. "
            "Pairs nearby with records:"
        )
        suggest_pairs(context, pairs.nearest_pairs(context.tables, a, b))
        return False
    header(context, summary)
    facts_list(context, view, a, b, f"pair-{a}-{b}")
    return True


def draw_timeline(context: PageContext, a: str, b: str, view: Tables, scales: Scales) -> None:
    """Visits, deals, cooperation and sideline meetings on one time axis, then the visit → deal chain."""
    key = f"pair-{a}-{b}"
    figure = pair_timeline(
        view,
        a,
        b,
        names=context.country_names,
        colors=context.country_colors,
        sector_names=context.sector_names,
        source=chart_source(context),
        x_range=scales.x_range,
    )
    story = view_for("pair_timeline", replace(context.filters, pair=(a, b)))
    points = show_chart(figure, key=f"{key}-timeline", story=story, selectable=True)
    st.caption("Hover for the summary; click a mark for the record and its sources.")
    open_details(context, clicked_ids(points), key=f"{key}-timeline")
    chain_list(view)


def draw_activity(context: PageContext, a: str, b: str, view: Tables, scales: Scales) -> None:
    """Records per year, on the axes shared with the pair beside it."""
    per_year = pairs.yearly_activity(view, a, b)
    figure = pair_activity(
        per_year,
        a,
        b,
        names=context.country_names,
        colors=context.country_colors,
        source=chart_source(context),
        years=scales.years,
        y_max=scales.y_max,
    )
    story = view_for("pair_activity", replace(context.filters, pair=(a, b)))
    show_chart(figure, key=f"pair-{a}-{b}-activity", story=story, data=per_year.reset_index())


def draw_sectors(context: PageContext, a: str, b: str, view: Tables, scales: Scales) -> None:
    """Records per sector and period, on the colour scale shared with the pair beside it."""
    profile = pairs.sector_profile(view)
    figure = pair_sector_profile(
        profile,
        sector_names=context.sector_names,
        source=chart_source(context),
        periods=scales.periods,
        z_max=scales.z_max,
    )
    story = view_for("pair_sector_profile", replace(context.filters, pair=(a, b)))
    show_chart(figure, key=f"pair-{a}-{b}-sectors", story=story, data=profile)


def draw_records(context: PageContext, a: str, b: str, view: Tables, scales: Scales) -> None:
    """Every record of the pair in view, a table per kind, each row opening its details and sources."""
    for kind in SEARCH_KINDS:  # the record kinds with their headings, declared once
        records = getattr(view, kind.table)
        if len(records):
            st.subheader(f"{md(kind.label)} ({len(records)})")
            record_table(context, kind.table, records, key=f"pair-{a}-{b}-{kind.table}")
