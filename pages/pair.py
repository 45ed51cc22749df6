"""Country pair: everything between two countries on one page, and optionally a second pair beside it."""

from datetime import date

import streamlit as st

from components.data import pairs
from components.ui.context import page_context
from components.ui.markdown import md
from components.ui.pair_view import comparison_chooser, draw_pair, shared_scales, suggest_pairs

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
columns = st.columns(len(views), gap="large")
for column, (x, y, view) in zip(columns, views, strict=True):
    with column:
        draw_pair(context, x, y, view, scales=scales, compact=len(views) > 1)
