"""Summits: the multilateral meetings in view, who came at what level, and who met on the sidelines."""

import streamlit as st

from components.charts.meetings import attendance_matrix, meetings_timeline
from components.data.categories import FOCUS_COUNTRIES
from components.ui.context import page_context
from components.ui.details import open_details
from components.ui.display import chart_tabs, clicked_ids, show_chart
from components.ui.tables import record_table
from components.ui.widgets import chart_source

context = page_context()
view, tables = context.view, context.tables
source = chart_source(context)
meetings = view.meetings

st.title("Summits and multilateral meetings")
st.caption(
    f"{len(meetings)} meetings of SAARC, BIMSTEC, the SCO, BRICS, the Quad, the Moscow format and the Heart of "
    f"Asia process in view, and {len(view.sidelines)} bilateral meetings on their sidelines. Click a mark for "
    "the meeting, who came and what was agreed."
)
if meetings.empty:
    st.info("No multilateral meetings match these filters. Widen the years or clear a filter in the sidebar.")
    st.stop()


def timeline() -> None:
    points = show_chart(meetings_timeline(meetings, source=source), key="summits_timeline", selectable=True)
    open_details(context, clicked_ids(points), key="summits_timeline")


def attendance() -> None:
    series_in_view = [s for s in tables.series.id if s in set(meetings.series.astype("str"))]
    chosen = st.pills(
        "Attendance at",
        series_in_view,
        format_func=tables.series.name.get,
        default=series_in_view[0],
        key="summits_series",
    )
    chosen = chosen or series_in_view[0]
    shown = meetings[meetings.series == chosen]
    # The eleven countries the dashboard is about, in a fixed order, then anyone else who came.
    others = sorted({c for cs in shown.countries for c in cs} - set(FOCUS_COUNTRIES), key=context.country_name)
    points = show_chart(
        attendance_matrix(
            shown,
            view.participants,
            names=context.country_names,
            countries=[*FOCUS_COUNTRIES, *others],
            source=source,
            title=f"Who came to the {tables.series.name.get(chosen)}, and at what level",
        ),
        key="summits_attendance",
        selectable=True,
    )
    open_details(context, clicked_ids(points), key="summits_attendance")


def meetings_table() -> None:
    st.subheader(f"Meetings in view ({len(meetings)})")
    record_table(context, "meetings", meetings.sort_values("start", ascending=False), key="meetings_table")


def sidelines_table() -> None:
    st.subheader(f"Met on the sidelines ({len(view.sidelines)})")
    st.caption("Two leaders or ministers who met at a summit held elsewhere. Select a row for the sources.")
    record_table(context, "sidelines", view.sidelines.sort_values("date", ascending=False), key="sidelines_table")


chart_tabs(
    "pages/summits.py",
    {"Timeline": timeline, "Attendance": attendance, "Meetings": meetings_table, "Sidelines": sidelines_table},
)
