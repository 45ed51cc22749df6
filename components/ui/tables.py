"""Record tables with readable headers and clickable source links; selecting a row opens the record."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
import streamlit as st

from components.data.categories import MEETING_STATUS_LABELS, ROLE_LABELS, STATE_LABELS
from components.data.dates import label
from components.data.pair_keys import pair_label
from components.ui.context import PageContext
from components.ui.details import open_details

LINK = st.column_config.LinkColumn("First source", display_text="open ↗", validate=r"^https?://")


def visit_table(visits: pd.DataFrame, names: Mapping[str, str]) -> pd.DataFrame:
    """The visits as a reader sees them: names not codes, dates at their real precision."""
    return pd.DataFrame(
        {
            "Dates": visits.dates,
            "Guest": visits.guest.map(names).astype("str"),
            "Host": visits.host.map(names).astype("str"),
            "Visitor": visits.visitor,
            "Role": visits.role.map(ROLE_LABELS).astype("str"),
            "Cities": visits.cities,
            "Summary": visits.summary,
            "Sources": visits.source_count,
            "First source": visits.source_url,
            "id": visits.id,
        }
    )


def deal_table(deals: pd.DataFrame, names: Mapping[str, str]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Date": deals.date_text,
            "Deal": deals.title,
            "Parties": [pair_label(p, names) for p in deals.parties],
            "Sector": deals.sector.astype("str"),
            "Status now": deals.status.map(STATE_LABELS).astype("str"),
            "Reported value": deals.value_reported,
            "Value (US$ m)": (deals.value_usd / 1e6).round(1),
            "Sources": deals.source_count,
            "First source": deals.source_url,
            "id": deals.id,
        }
    )


def cooperation_table(cooperation: pd.DataFrame, names: Mapping[str, str]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Pair": [pair_label(p, names) for p in cooperation.countries],
            "Sector": cooperation.sector.astype("str"),
            "Since": cooperation.since,
            "Status": cooperation.status.astype("str"),
            "Summary": cooperation.summary,
            "Milestones": cooperation.milestones.map(len),
            "First source": cooperation.source_url,
            "id": cooperation.id,
        }
    )


def show(frame: pd.DataFrame, *, key: str, height: int | str = "auto", on_select: str = "ignore"):
    """Render a record table; returns the selection when on_select='rerun'."""
    return st.dataframe(
        frame,
        hide_index=True,
        width="stretch",
        height=height,
        column_config={"First source": LINK, "id": st.column_config.TextColumn("Record id")},
        key=key,
        on_select=on_select,
        selection_mode="single-row",
    )


def meeting_table(meetings: pd.DataFrame, names: Mapping[str, str]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Dates": meetings.dates,
            "Meeting": meetings.name,
            "Host": meetings.host.map(names).astype("str").where(meetings.host.notna(), ""),
            "Where": meetings.city,
            "Status": meetings.status.map(MEETING_STATUS_LABELS).astype("str"),
            "Countries recorded": meetings.countries.map(len),
            "Sideline meetings": meetings.sideline_count,
            "Summary": meetings.summary,
            "First source": meetings.source_url,
            "id": meetings.id,
        }
    )


def sideline_table(sidelines: pd.DataFrame, names: Mapping[str, str]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Date": sidelines.date_text.map(label),
            "Pair": [pair_label(p, names) for p in sidelines.countries],
            "Who": sidelines.people,
            "At": sidelines.meeting,
            "Summary": sidelines.summary,
            "First source": sidelines.source_url,
            "id": sidelines.id,
        }
    )


TABLE_BUILDERS = {
    "visits": visit_table,
    "deals": deal_table,
    "cooperation": cooperation_table,
    "meetings": meeting_table,
    "sidelines": sideline_table,
}


def record_table(context: PageContext, kind: str, records: pd.DataFrame, *, key: str) -> None:
    """The records of one kind as a table; selecting a row opens that record's details."""
    table = TABLE_BUILDERS[kind](records, context.country_names)
    if context.loaded.own is not None:  # the reader's own records are in view: say which rows are theirs
        table.insert(0, "Origin", records.origin.to_numpy())
    event = show(table, key=key, on_select="rerun")
    rows = event.selection.rows if event else []
    open_details(context, [table.id.iloc[rows[0]]] if rows else [], key=key)
