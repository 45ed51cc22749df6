"""Router: page config and the navigation. Each page draws the shared framing by calling page_context()."""

from pathlib import Path

import streamlit as st

from components.ui.navigation import navigation

st.set_page_config(
    page_title="South Asia Diplomacy Dashboard",
    page_icon=str(Path(__file__).parent / "static" / "icon.png"),
    layout="wide",
)
navigation().run()
