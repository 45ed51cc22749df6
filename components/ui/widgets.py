"""Small UI pieces the pages share: headline metrics, the empty-view message, chart options."""

from __future__ import annotations

import streamlit as st

from components.charts.common import source_line
from components.data.queries import headline
from components.ui.context import PageContext


def chart_source(context: PageContext) -> str:
    """Source line for charts in this view: dataset version and the filters applied."""
    return source_line(context.version, f"Filters: {context.filters.describe(context.country_names)}.")


def nothing_matches(context: PageContext) -> bool:
    """Say plainly when the filters select nothing (and return True so the page can stop)."""
    view = context.view
    if view.visits.empty and view.deals.empty and view.cooperation.empty:
        st.info(
            "No records match these filters. Widen the years, remove a sector or status, or clear the pair "
            "in the sidebar.",
            icon=":material/filter_alt_off:",
        )
        return True
    return False


def headline_metrics(context: PageContext) -> None:
    h = headline(context.view)
    columns = st.columns(6)
    columns[0].metric("Visits", f"{h.visits:,}")
    columns[1].metric("Deals", f"{h.deals:,}")
    columns[2].metric(
        "Reported value (US$)",
        f"{h.value_usd / 1e9:,.1f} bn",
        help=f"Sum of values as reported at the time; {h.deals_without_value} deal(s) in view have no reported "
        "value and are not counted.",
    )
    columns[3].metric("Countries involved", h.countries)
    columns[4].metric("Sectors", h.sectors, help=f"{h.cooperation} standing cooperation areas in view")
    columns[5].metric(
        "Multilateral meetings", f"{h.meetings:,}", help=f"{h.sidelines} bilateral meetings on their sidelines"
    )
    st.caption(
        f"{h.deals_without_value} of {h.deals} deals have no reported value. {h.sources} distinct sources behind "
        "the records in view."
    )
