"""The floor: a bare Streamlit page with one Plotly chart and one slider, nothing of the dashboard."""

import plotly.express as px
import streamlit as st

years = st.slider("Years", 2000, 2026, (2000, 2026), key="years")
xs = list(range(years[0], years[1] + 1))
st.plotly_chart(px.bar(x=xs, y=[(x * 7) % 23 + 1 for x in xs], title="Floor"), theme=None)
