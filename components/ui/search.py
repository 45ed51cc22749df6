"""The search box above the filters on every page, and its results above the page: grouped, filtered, clickable."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components.data.filters import RULES
from components.data.frames import Tables
from components.data.pair_keys import pair_label
from components.data.queries import record_kind
from components.data.search import SEARCH_KINDS, SearchIndex, build_index, search, suggestions
from components.ui.context import PageContext
from components.ui.details import record_dialog, source_links
from components.ui.markdown import md

SEARCH_KEY = "q"  # the search box's widget key and its link parameter: ?q=lavrov
SHOWN_PER_KIND = 8
SUMMARY_CHARS = 160
_OWN_INDEX = "_own_search_index"


@st.cache_resource(show_spinner="Indexing the records for search…", max_entries=2)
def _index(fingerprint: str, _tables: Tables) -> SearchIndex:
    return build_index(_tables)


def search_index(context: PageContext) -> SearchIndex:
    """The index of this dataset version, built once and shared by every session; a reader's own data has its
    index in their session only."""
    if context.loaded.own is None:
        return _index(context.loaded.dataset.fingerprint, context.tables)
    key, index = st.session_state.get(_OWN_INDEX, (None, None))
    if key != context.loaded.cache_key:
        index = build_index(context.tables)
        st.session_state[_OWN_INDEX] = (context.loaded.cache_key, index)
    return index


def search_box() -> str:
    """The sidebar's search box, bound to ?q= so a search can be linked; returns the query."""
    with st.sidebar:
        return st.text_input(
            "Search the records",
            key=SEARCH_KEY,
            bind="query-params",
            placeholder="People, places, deals, sources…",
            help="Names, cities, titles, summaries, notes, ids and publishers. Small typos are forgiven.",
            icon=":material/search:",
        ).strip()


def _allowed(context: PageContext) -> set[str] | None:
    """Ids the sidebar filters keep, or None when nothing is filtered."""
    if context.filters.is_default:
        return None
    view = context.view
    return {i for kind in RULES for i in getattr(view, kind).id}


def _one_line(text: str) -> str:
    return text if len(text) <= SUMMARY_CHARS else text[: SUMMARY_CHARS - 1].rsplit(" ", 1)[0] + "…"


@st.dialog("Record details", width="large")
def _other_dialog(context: PageContext, row: pd.Series) -> None:
    """Details of a kind the record panel does not draw yet (meetings, sideline meetings): what search knows."""
    st.subheader(md(row.title))
    st.markdown(f"**{md(row.date)}** · {md(pair_label(row.pair, context.country_names)) if row.pair else ''}")
    st.markdown(md(row.summary))
    st.markdown("**Sources**")
    source_links(context.tables.sources[context.tables.sources.record_id == row.id])


def _open(context: PageContext, row: pd.Series) -> None:
    if record_kind(context.tables, row.id):
        record_dialog(context, [row.id])
    else:
        _other_dialog(context, row)


def show_results(context: PageContext, query: str) -> None:
    """The results of the sidebar's search, above the page: by kind, each with date, pair and one line."""
    index = search_index(context)
    found = search(index, query, allowed=_allowed(context), per_kind=SHOWN_PER_KIND)
    counts = found.attrs["counts"]
    with st.container(border=True, key="search-results"):
        narrowed = "" if context.filters.is_default else " (narrowed by the sidebar filters)"
        st.markdown(f"**Search: “{md(query)}”** — {sum(counts.values())} record(s){narrowed}")
        if found.empty:
            nearest = suggestions(index, query)
            hint = f" Did you mean: {', '.join(f'“{md(n)}”' for n in nearest)}?" if nearest else ""
            st.info(f"No record matches “{md(query)}”.{hint}", icon=":material/search_off:")
        for kind in SEARCH_KINDS:
            rows = found[found.kind == kind.table]
            if rows.empty:
                continue
            total = counts[kind.table]
            more = f" — the first {len(rows)} shown" if total > len(rows) else ""
            st.markdown(f"**{md(kind.label)}** ({total}){more}")
            for row in rows.itertuples():
                row = pd.Series(row._asdict())
                pair = f" · {pair_label(row.pair, context.country_names)}" if row.pair else ""
                left, right = st.columns([1, 9], vertical_alignment="center")
                if left.button("Open", key=f"search-open-{row.id}", icon=":material/open_in_new:"):
                    _open(context, row)
                right.markdown(f"**{md(row.title)}** · {md(row.date)}{md(pair)}  \n{md(_one_line(row.summary))}")
        st.button("Clear search", key="search-clear", on_click=_clear, icon=":material/close:")


def _clear() -> None:
    st.session_state[SEARCH_KEY] = ""
