"""Data & sources: the filtered records with every source a link, downloads of exactly those rows, citation."""

from datetime import date

import streamlit as st

from components.data.citation import dataset_citation
from components.data.export import export_frames, to_csv, to_json
from components.ui.context import page_context
from components.ui.details import source_links
from components.ui.markdown import md
from components.ui.tables import record_table

context = page_context()
view = context.view
described = context.filters.describe(context.country_names)
dataset = context.loaded.dataset
citation = dataset_citation(dataset.info, dataset.fingerprint, accessed=date.today(), view=described)

st.title("Data & sources")
st.caption(f"Dataset {md(context.version)} · showing {md(described)}")

st.header("Download exactly what is in view")
frames = export_frames(view, context.version)
stem = f"south-asia-diplomacy-{dataset.info.version if dataset.info else 'data'}"
columns = st.columns(4)
for n, (kind, frame) in enumerate(frames.items()):
    column = columns[n % 4]
    column.download_button(
        f"{kind.capitalize()} CSV ({len(frame)})",
        lambda frame=frame: to_csv(frame),
        file_name=f"{stem}-{kind}.csv",
        mime="text/csv",
        key=f"download-{kind}",
        icon=":material/download:",
    )
columns[len(frames) % 4].download_button(
    "Everything as JSON",
    lambda: to_json(view, context.version, described, citation),
    file_name=f"{stem}.json",
    mime="application/json",
    key="download-json",
    icon=":material/data_object:",
)
st.markdown("**How to cite this view**")
st.code(citation, language=None, wrap_lines=True)

tabs = st.tabs(
    [
        f"Visits ({len(view.visits)})",
        f"Deals ({len(view.deals)})",
        f"Cooperation areas ({len(view.cooperation)})",
        f"Meetings ({len(view.meetings)})",
        f"Sideline meetings ({len(view.sidelines)})",
        f"Sources ({view.sources.url.nunique()})",
    ]
)
kinds = (("visits", "start"), ("deals", "date"), ("cooperation", "since"), ("meetings", "start"), ("sidelines", "date"))
for tab, (kind, order) in zip(tabs, kinds, strict=False):
    with tab:
        record_table(context, kind, getattr(view, kind).sort_values(order, ascending=False), key=f"{kind}_table")
        st.caption("Select a row to read the record, its linked records and all its sources, with a citation.")
with tabs[-1]:
    st.caption("Every source behind the records in view, grouped by publisher.")
    by_publisher = view.sources.groupby("publisher").size().sort_values(ascending=False)
    st.dataframe(by_publisher.rename("records cited").reset_index(), hide_index=True)
    unique = view.sources.drop_duplicates("url").sort_values(["publisher", "published"])
    st.caption(f"{len(unique)} distinct sources in view.")
    # Thousands of links: built and sent only when opened, not on every filter change. The label stays the
    # same whatever the filters: a label that changed would make a new box, closed again after each change.
    with st.expander("Every source, one link each", key="data_source_list", on_change="rerun") as box:
        if box.open:
            source_links(unique)

st.header("Methodology")
st.markdown(
    """
Records are curated by hand from published sources — ministries, embassies, presidential and prime
ministers' offices first, then established newspapers and wires. A record goes in only after a curator has
read a source that confirms it; the link is kept exactly as published and summaries are written in our own
words. Dates keep the precision the sources give (a month stays a month). Where sources disagree, the
best-supported value is kept and the disagreement is noted on the record. Deal values are as reported at
the time, in US dollars where the source gives them, never adjusted for inflation.

Counts reflect what has been curated, not everything that happened: see **About** for coverage and gaps.
"""
)
