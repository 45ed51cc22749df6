"""One chart and nothing else, from its address (/chart?kind=visits_map&a=RUS&b=PAK): for embedding in a course page."""

import streamlit as st

from components.charts.maps import fit_width
from components.charts.slides import slide_figure
from components.data.stories import STORY_CHARTS
from components.ui.context import page_context
from components.ui.display import plot_config
from components.ui.markdown import md
from components.ui.widgets import chart_source

st.set_page_config(initial_sidebar_state="collapsed", layout="wide")
context = page_context()
# Only the chart: no padding around it, so it fills the frame it is embedded in.
st.html("<style>.stMainBlockContainer { padding: 0.5rem 0.5rem 0 0.5rem; max-width: 100%; }</style>")

kind = st.query_params.get("kind", "")
chart = STORY_CHARTS.get(kind)
if chart is None:
    st.warning(
        f"There is no chart kind “{md(kind)}”. Known kinds: {md(', '.join(STORY_CHARTS))}.", icon=":material/link_off:"
    )
    st.stop()
view = context.story_view(kind)
if chart.needs_pair and not view.pair:
    st.warning("This chart shows one country pair: give it as a=AAA&b=BBB in the address.", icon=":material/link_off:")
    st.stop()
fig = slide_figure(view, context.tables, source=chart_source(context), title=chart.description)
fig.update_layout(height=620)
if fig.layout.width:  # a map: as wide as its frame at this height, as on the slides
    fit_width(fig)
st.plotly_chart(
    fig, key="chart", theme=None, config=plot_config(fig), width="content" if fig.layout.width else "stretch"
)
