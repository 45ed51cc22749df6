"""Deals & projects: from signing through their status history, value, sites and routes, and the table."""

import streamlit as st

from components.charts.breakdowns import deal_value, status_breakdown
from components.charts.maps import deals_map
from components.charts.timelines import deals_gantt
from components.ui.context import page_context
from components.ui.details import open_details
from components.ui.display import chart_tabs, clicked_ids, show_chart
from components.ui.sidebar import narrow_to_status
from components.ui.tables import record_table
from components.ui.widgets import chart_source

context = page_context()
view, tables = context.view, context.tables
source = chart_source(context)
deals = view.deals

st.title("Deals & projects")
st.caption(
    f"{len(deals)} agreements, contracts, loans and projects in view, each followed from signing to where it "
    "stands today. Click a bar or a site for the deal, its status history and its sources."
)
if deals.empty:
    st.info("No deals match these filters. Widen the years or clear a filter in the sidebar.")
    st.stop()


def timeline() -> None:
    points = show_chart(
        deals_gantt(deals, view.status, source=source),
        key="deals_gantt",
        selectable=True,
        story=context.story_view("deals_gantt"),
    )
    open_details(context, clicked_ids(points), key="deals_gantt")


def value() -> None:
    left, right = st.columns(2)
    with left:
        by_sector = deals.groupby("sector", observed=True).value_usd.agg(["sum", "count"]).reset_index()
        show_chart(
            deal_value(deals, by="sector", labels=context.sector_names, source=source),
            key="deals_value_sector",
            story=context.story_view("deal_value_by_sector"),
            data=by_sector,
        )
    with right:
        show_chart(
            deal_value(deals, by="partner", labels=context.country_names, source=source),
            key="deals_value_partner",
            story=context.story_view("deal_value_by_partner"),
        )


def on_the_map() -> None:
    points = show_chart(
        deals_map(deals, view.paths, tables.countries, source=source),
        key="deals_map",
        selectable=True,
        story=context.story_view("deals_map"),
    )
    open_details(context, clicked_ids(points), key="deals_map")


def status() -> None:
    show_chart(
        status_breakdown(deals, source=source),
        key="deals_status",
        on_select=narrow_to_status("deals_status"),
        story=context.story_view("status_breakdown"),
    )
    st.caption("Click a status to keep only deals in that state, on every page.")


def table() -> None:
    record_table(context, "deals", deals.sort_values("date", ascending=False), key="deals_table")


chart_tabs(
    "pages/deals.py",
    {"Timeline": timeline, "Value": value, "Map": on_the_map, "Status": status, "Table": table},
)
