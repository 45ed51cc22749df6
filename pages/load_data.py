"""Load a dataset: the reader's own records from YAML, a zip laid out like data/ or CSV templates, in this browser."""

import streamlit as st

from components.data.csvfile import CSV_COLUMNS, template
from components.data.uploads import MAX_RECORDS, MAX_UPLOAD_BYTES, UPLOAD_TYPES, YAML_TEMPLATE
from components.ui.context import page_context
from components.ui.own_data import load_panel

context = page_context()

st.title("Load a dataset")
st.caption(
    "See your own records beside the curated ones, or instead of them, on every page: charts, tables, pair pages, "
    "search, stories, downloads and citations. They stay in this browser tab's session; no one else sees them, "
    "and nothing is saved on the server."
)
load_panel(context)

st.header("Templates")
st.markdown(
    f"A **YAML** file holds a list of records written as in the files under `data/` (the About page and the "
    f"README describe every field); a **zip** holds a data folder laid out like `data/` (`visits/`, `deals/`, "
    f"`cooperation/`, `meetings/`, and optionally `countries.yaml`, `sectors.yaml`, `series.yaml`); **CSV** "
    f"files start from a template, one per kind of record, with list items separated by `;` in a cell. "
    f"At most {MAX_UPLOAD_BYTES // 1_000_000} MB and {MAX_RECORDS:,} records at once."
)
st.markdown("**Download a template**")
columns = st.columns(len(CSV_COLUMNS) + 1)
columns[0].download_button(
    "YAML",
    YAML_TEMPLATE,
    file_name="records-template.yaml",
    mime="application/x-yaml",
    icon=":material/download:",
    key="template-yaml",
)
for column, kind in zip(columns[1:], CSV_COLUMNS, strict=True):
    column.download_button(
        f"{kind.capitalize()} CSV",
        template(kind),
        file_name=f"{kind}-template.csv",
        mime="text/csv",
        icon=":material/download:",
        key=f"template-{kind}",
    )
st.caption(f"Accepted files: {', '.join('.' + t for t in UPLOAD_TYPES)}.")
