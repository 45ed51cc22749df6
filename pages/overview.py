"""Overview: headline figures, activity over the years, the map, top sectors and the latest events."""

import streamlit as st

from components.charts.breakdowns import top_sectors
from components.charts.maps import visits_map
from components.charts.timelines import activity_by_year
from components.data.queries import latest_events, records_by_pair_sector
from components.ui.context import page_context
from components.ui.details import open_details
from components.ui.display import chart_tabs, clicked_ids, show_chart
from components.ui.sidebar import narrow_to_sector
from components.ui.widgets import chart_source, headline_metrics, nothing_matches

context = page_context()
view, tables = context.view, context.tables
source = chart_source(context)

st.title("South Asian diplomacy at a glance")
st.caption(
    "Who visits whom, what they sign, and where they cooperate — the eight South Asian states with each other "
    "and with their outside partners, bilaterally and at summits. Every record links to its sources."
)
if nothing_matches(context):
    st.stop()

headline_metrics(context)


def over_the_years() -> None:
    show_chart(
        activity_by_year(view.visits, view.deals, source=source),
        key="overview_activity",
        story=context.story_view("activity_by_year"),
    )


def on_the_map() -> None:
    points = show_chart(
        visits_map(view.visits, tables.countries, source=source),
        key="overview_map",
        selectable=True,
        story=context.story_view("visits_map"),
    )
    open_details(context, clicked_ids(points), key="overview_map")


def sectors() -> None:
    counts = records_by_pair_sector(view.visits, view.deals, view.cooperation)
    show_chart(
        top_sectors(counts, sector_names=context.sector_names, source=source),
        key="overview_sectors",
        story=context.story_view("top_sectors"),
        on_select=narrow_to_sector("overview_sectors"),
    )
    st.caption("Click a sector's bar to narrow every page to that sector.")


chart_tabs("pages/overview.py", {"Over the years": over_the_years, "Map": on_the_map, "Sectors": sectors})

st.header("Latest events")
latest = latest_events(view, context.country_names)
event = st.dataframe(
    latest,
    hide_index=True,
    width="stretch",
    key="overview_latest",
    on_select="rerun",
    selection_mode="single-row",
    column_config={"id": None},
)
st.caption("Select a row to read the record and its sources.")
rows = event.selection.rows if event else []
open_details(context, [latest.id.iloc[rows[0]]] if rows else [], key="overview_latest")
