"""Visits: every trip on a timeline and a map, visits per year by pair, and the table."""

import streamlit as st

from components.charts.maps import visits_map
from components.charts.timelines import visits_per_year_by_pair, visits_timeline
from components.ui.context import page_context
from components.ui.details import open_details
from components.ui.display import chart_tabs, clicked_ids, show_chart
from components.ui.tables import record_table
from components.ui.widgets import chart_source

context = page_context()
view, tables = context.view, context.tables
source = chart_source(context)
visits = view.visits

st.title("Visits")
st.caption(
    f"{len(visits)} official visits in view. Marks: colour for the guest country (or the visitor's role), shape for "
    "the visitor's role; open marks when the date is known only to the month or year. Click a mark for details."
)
if visits.empty:
    st.info("No visits match these filters. Widen the years or clear a filter in the sidebar.")
    st.stop()


def timeline() -> None:
    color_by = (
        st.segmented_control(
            "Colour marks by",
            ["guest", "role"],
            format_func={"guest": "Guest country", "role": "Visitor role"}.get,
            default="guest",
            key="visits_color_by",
        )
        or "guest"
    )
    figure = visits_timeline(
        visits, names=context.country_names, colors=context.country_colors, source=source, color_by=color_by
    )
    points = show_chart(figure, key="visits_timeline", selectable=True, story=context.story_view("visits_timeline"))
    open_details(context, clicked_ids(points), key="visits_timeline")


def on_the_map() -> None:
    points = show_chart(
        visits_map(visits, tables.countries, source=source),
        key="visits_map",
        selectable=True,
        story=context.story_view("visits_map"),
    )
    open_details(context, clicked_ids(points), key="visits_map")


def per_year() -> None:
    counts = visits.groupby(["pair", "year"]).size().rename("visits").reset_index()
    show_chart(
        visits_per_year_by_pair(visits, names=context.country_names, source=source),
        key="visits_per_year",
        data=counts,
        story=context.story_view("visits_per_year"),
    )


def table() -> None:
    record_table(context, "visits", visits.sort_values("start", ascending=False), key="visits_table")


chart_tabs("pages/visits.py", {"Timeline": timeline, "Map": on_the_map, "Per year by pair": per_year, "Table": table})
