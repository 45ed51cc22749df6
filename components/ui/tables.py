"""Record tables with readable headers and clickable source links."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components.data.categories import ROLE_LABELS, STATE_LABELS

LINK = st.column_config.LinkColumn("First source", display_text="open ↗", validate=r"^https?://")


def visit_table(visits: pd.DataFrame, names: pd.Series) -> pd.DataFrame:
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


def deal_table(deals: pd.DataFrame, names: pd.Series) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Date": deals.date_text,
            "Deal": deals.title,
            "Parties": [" – ".join(str(names.get(c, c)) for c in p) for p in deals.parties],
            "Sector": deals.sector.astype("str"),
            "Status now": deals.status.map(STATE_LABELS).astype("str"),
            "Reported value": deals.value_reported,
            "Value (US$ m)": (deals.value_usd / 1e6).round(1),
            "Sources": deals.source_count,
            "First source": deals.source_url,
            "id": deals.id,
        }
    )


def cooperation_table(cooperation: pd.DataFrame, names: pd.Series) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Pair": [" – ".join(str(names.get(c, c)) for c in p) for p in cooperation.countries],
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
