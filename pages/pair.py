"""Country pair: everything between two countries on one page, and optionally a second pair beside it."""

from collections.abc import Callable
from datetime import date

import streamlit as st

from components.data import pairs
from components.ui.context import page_context
from components.ui.display import chart_tabs
from components.ui.markdown import md
from components.ui.pair_view import (
    comparison_chooser,
    draw_activity,
    draw_header,
    draw_records,
    draw_sectors,
    draw_timeline,
    shared_scales,
    suggest_pairs,
)

context = page_context()
tables = context.tables
codes = set(tables.countries.index)
a, b = context.chosen_pair

st.title("Country pair")
problem = pairs.check_pair(codes, a, b)
if problem:
    st.info(f"{md(problem)} Pick the pair under **Country pair** in the sidebar, or start from a busy pair:")
    suggest_pairs(context, pairs.nearest_pairs(tables, *(a or "", b or "")) if a or b else None)
    st.stop()

c, d = comparison_chooser(context)
views = [(a, b, pairs.pair_tables(tables, a, b, context.filters))]
if c or d:
    compare_problem = pairs.check_pair(codes, c, d)
    if compare_problem:
        st.warning(f"Comparison pair: {md(compare_problem)}", icon=":material/error:")
    else:
        views.append((c, d, pairs.pair_tables(tables, c, d, context.filters)))

scales = shared_scales(views, today=date.today(), years=context.filters.years)
has_records = []
for column, (x, y, view) in zip(st.columns(len(views), gap="large"), views, strict=True):
    with column:
        has_records.append(draw_header(context, x, y, view))


def side_by_side(draw) -> Callable[[], None]:
    """One tab: the same chart for each pair on screen, in columns, on shared scales."""

    def tab() -> None:
        columns = st.columns(len(views), gap="large")
        for column, (x, y, view), shown in zip(columns, views, has_records, strict=True):
            if shown:
                with column:
                    draw(context, x, y, view, scales)

    return tab


if any(has_records):
    chart_tabs(
        "pages/pair.py",
        {
            "Timeline": side_by_side(draw_timeline),
            "Activity": side_by_side(draw_activity),
            "Sectors": side_by_side(draw_sectors),
            "Records": side_by_side(draw_records),
        },
    )
