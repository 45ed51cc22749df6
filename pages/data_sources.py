"""Data & sources: the filtered records as tables, with every source one click away."""

import streamlit as st

from components.ui.context import page_context
from components.ui.tables import cooperation_table, deal_table, show, visit_table

context = page_context()
view = context.view
names = context.tables.countries.name

st.title("Data & sources")
st.caption(f"Dataset {context.version} · showing {context.filters.describe(names.to_dict())}")

st.subheader(f"Visits ({len(view.visits)})")
show(visit_table(view.visits, names), key="visits_table")
st.subheader(f"Deals ({len(view.deals)})")
show(deal_table(view.deals, names), key="deals_table")
st.subheader(f"Cooperation areas ({len(view.cooperation)})")
show(cooperation_table(view.cooperation, names), key="cooperation_table")
