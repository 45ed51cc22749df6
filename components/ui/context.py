"""What every page starts from: the loaded data, the shared filters, and the filtered view."""

from __future__ import annotations

import functools
from dataclasses import dataclass

import streamlit as st

from components.data.filters import Filters, apply_filters
from components.data.frames import Tables
from components.ui.data import Loaded, loaded
from components.ui.filters import show_link_notices, sidebar_filters

_CONTEXT_KEY = "_page_context"


@dataclass(frozen=True)
class PageContext:
    loaded: Loaded
    filters: Filters

    @functools.cached_property
    def view(self) -> Tables:
        """The tables cut to the filters — computed only by pages that show filtered records."""
        return apply_filters(self.loaded.tables, self.filters)

    @property
    def tables(self) -> Tables:
        return self.loaded.tables

    @property
    def version(self) -> str:
        """'0.1.0 (a1b2c3d4e5, 27 November 2026)': the dataset version every chart and export carries."""
        info = self.loaded.dataset.info
        number = info.version if info else "unversioned"
        return f"{number} ({self.loaded.dataset.fingerprint})"

    def country_name(self, code: str) -> str:
        names = self.tables.countries.name
        return str(names.get(code, code))


def _build() -> PageContext:
    data = loaded()
    return PageContext(data, sidebar_filters(data.tables))


def frame() -> None:
    """Shared framing, drawn once per run by the router: the sidebar filters, handed on to the page."""
    st.session_state[_CONTEXT_KEY] = _build()


def page_context() -> PageContext:
    """The context the router built for this run, or a fresh one when a page runs on its own."""
    context = st.session_state.pop(_CONTEXT_KEY, None) or _build()
    show_link_notices()
    _problems_notice(context.loaded)
    return context


def _problems_notice(data: Loaded) -> None:
    problems = data.problems
    if not problems:
        return
    with st.expander(
        f"⚠️ The data has {len(problems)} problem(s): {data.dataset.left_out()} until they are fixed. "
        "The rest is shown.",
        expanded=False,
    ):
        st.caption("Each line: file:line: record: field: what is wrong. Run `make validate` to see the same list.")
        st.code("\n".join(str(p) for p in problems), language=None, wrap_lines=True)
