"""Add a record: a form per record kind, checked as you type, giving the YAML to paste and 'use it now'."""

import streamlit as st

from components.ui.add_record import record_builder
from components.ui.context import page_context

context = page_context()

st.title("Add a record")
st.caption(
    "Fill in a visit, a deal, a cooperation area or a meeting. It is checked as you type by the same rules as the "
    "curated data, and gives the YAML to paste into the data file it belongs in. **Use it now** shows it on every "
    "page in this browser only, marked as yours and not reviewed."
)
record_builder(context)
