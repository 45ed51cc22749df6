"""Show a figure the same way everywhere: offline maps, PNG export at slide size, a table underneath."""

from __future__ import annotations

import re
from collections.abc import Callable

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from components.charts.common import alt_text, figure_table, title_text
from components.charts.maps import MAP_CONFIG
from components.data.stories import SlideView
from components.ui.markdown import md
from components.ui.navigation import page_spec
from components.ui.story_builder import chart_actions


def _filename(title: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:60] or "chart"


def plot_config(fig: go.Figure) -> dict:
    """Plotly config: local map geometry, and a PNG button that saves a slide-sized image."""
    meta = fig.layout.meta if isinstance(fig.layout.meta, dict) else {}
    title = title_text(fig) or meta.get("title") or "chart"
    return {
        **MAP_CONFIG,
        "toImageButtonOptions": {
            "format": "png",
            "filename": _filename(title),
            "width": 1600,
            "height": 900,
            "scale": 1,
        },
        "modeBarButtonsToRemove": ["lasso2d", "select2d"],
    }


def show_chart(
    fig: go.Figure,
    *,
    key: str,
    data: pd.DataFrame | None = None,
    selectable: bool = False,
    on_select=None,
    story: SlideView | None = None,
) -> list[dict]:
    """Draw the figure with a 'show the data' table under it (built when opened): `data` if given, else the
    figure's own numbers. With `story` (the chart's kind and filters, as a slide would show it), 'Add to my
    story' and 'Embed' follow.

    A figure with a layout width (a map, whose frame has a fixed shape) is drawn no wider than that; a
    one-sentence text alternative goes under every chart. Returns the clicked points (empty unless
    `selectable`)."""
    with st.container(width=int(fig.layout.width) if fig.layout.width else "stretch"):
        event = st.plotly_chart(
            fig,
            key=key,
            theme=None,
            width="content" if fig.layout.width else "stretch",
            config=plot_config(fig),
            on_select=on_select or ("rerun" if selectable else "ignore"),
            selection_mode="points",
        )
        if alt_text(fig):
            st.caption(f"Chart: {md(alt_text(fig))}")
        if fig.data and (data is None or not data.empty):
            # Built and sent only when the reader opens it: on every other run it would cost a table per chart.
            with st.expander("Show the data behind this chart", key=f"{key}-data", on_change="rerun") as box:
                if box.open:
                    table = data if data is not None else figure_table(fig)
                    if table.empty:
                        st.caption("This chart draws no numbers to list.")
                    else:
                        st.dataframe(table, hide_index=True, width="stretch")
        if story is not None:
            chart_actions(story, key)
    if not (selectable or on_select) or event is None:
        return []
    return list(event.selection.get("points", []))


def clicked_ids(points: list[dict]) -> list[str]:
    """Record ids carried in the first customdata field of clicked points ('a|b' lists several)."""
    ids: list[str] = []
    for point in points:
        data = point.get("customdata")
        first = data[0] if isinstance(data, list) and data else data
        if isinstance(first, str):
            ids += [part for part in first.split("|") if part]
    return ids


def chart_tabs(page_file: str, draw: dict[str, Callable[[], None]]) -> None:
    """The page's charts as tabs (its `views` in the pages registry, in that order), of which only the open
    one is built and sent: a filter change redraws one chart, not all of them. The open tab is in the
    address (?<page>_view=Map), so a link opens the same tab; an unknown tab in a link gets a notice.

    The address is written here rather than bound to the widget: a bound parameter cannot be cleared, and
    moving to another page (a click on a matrix cell opens the pair page) clears the address."""
    spec = page_spec(page_file)
    labels = [view.label for view in spec.views]
    if list(draw) != labels:
        raise ValueError(f"{page_file} draws tabs {list(draw)}, the pages registry lists {labels}")
    asked = st.query_params.get(spec.view_key)
    if asked is not None and asked not in labels:
        st.warning(
            md(f"The link asked for the tab “{asked}”, which this page does not have; it opens on “{labels[0]}”."),
            icon="🔗",
        )
        asked = None
    if asked and spec.view_key not in st.session_state:
        # Opened from a link: start on its tab. Given as state, not as `default`, which is part of the widget's
        # identity: a default that followed the address would reset the tabs whenever the address changed.
        st.session_state[spec.view_key] = asked
    tabs = st.tabs(labels, key=spec.view_key, on_change="rerun")
    for tab, label, show in zip(tabs, labels, draw.values(), strict=True):
        if tab.open:
            wanted = None if label == labels[0] else label
            if st.query_params.get(spec.view_key) != wanted:  # each write is a message to the browser
                if wanted is None:
                    del st.query_params[spec.view_key]
                else:
                    st.query_params[spec.view_key] = wanted
            with tab:
                show()
