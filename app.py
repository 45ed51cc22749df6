"""Router: page config, the navigation, and the framing every page shares (filters, data notices)."""

import streamlit as st

from components.ui.context import frame

st.set_page_config(page_title="South Asia Diplomacy Dashboard", page_icon=":material/public:", layout="wide")

navigation = st.navigation(
    {
        "Reference": [
            st.Page("pages/data_sources.py", title="Data & sources", icon=":material/table:", url_path="data"),
        ],
    }
)
frame()
navigation.run()
