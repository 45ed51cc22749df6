"""Router: page config, the navigation, and the framing every page shares (filters, data notices)."""

from pathlib import Path

import streamlit as st

from components.ui.context import frame

st.set_page_config(
    page_title="South Asia Diplomacy Dashboard",
    page_icon=str(Path(__file__).parent / "static" / "icon.png"),
    layout="wide",
)

navigation = st.navigation(
    {
        "Explore": [
            st.Page("pages/overview.py", title="Overview", icon=":material/dashboard:", default=True),
            st.Page("pages/visits.py", title="Visits", icon=":material/flight:", url_path="visits"),
            st.Page("pages/deals.py", title="Deals & projects", icon=":material/handshake:", url_path="deals"),
            st.Page("pages/cooperation.py", title="Cooperation areas", icon=":material/hub:", url_path="cooperation"),
            st.Page("pages/pair.py", title="Country pair", icon=":material/compare_arrows:", url_path="pair"),
        ],
        "Teach": [
            st.Page("pages/stories.py", title="Stories", icon=":material/auto_stories:", url_path="stories"),
            st.Page("pages/present.py", title="Present", icon=":material/slideshow:", url_path="present"),
        ],
        "Reference": [
            st.Page("pages/data_sources.py", title="Data & sources", icon=":material/table:", url_path="data"),
            st.Page("pages/about.py", title="About", icon=":material/info:", url_path="about"),
        ],
    }
)
frame()
navigation.run()
