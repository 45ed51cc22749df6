"""The second floor: a bare Streamlit page drawing the same Plotly figures as the page under test, nothing else.

`?page=/visits` draws the figures the app sent for /visits (collected by bench/figures.py into the JSON file named
by BENCH_FIGURES); a step of the sidebar slider swaps in the figures the app sent after its own change. The gap
between a page and this floor is the app's own cost; the gap between this floor and the one-chart floor is
Plotly's drawing of more, or heavier, charts."""

import json
import os
from pathlib import Path

import plotly.graph_objects as go
import streamlit as st

from components.ui.display import plot_config

figures = json.loads(Path(os.environ["BENCH_FIGURES"]).read_text(encoding="utf-8"))
before, after = figures.get(st.query_params.get("page", "/"), [[], []])
with st.sidebar:
    years = st.slider("Years", 2000, 2026, (2000, 2026), key="years")
for n, spec in enumerate(before if years == (2000, 2026) else after):
    st.plotly_chart(spec, key=f"chart{n}", theme=None, config=plot_config(go.Figure(layout=spec.get("layout"))))
