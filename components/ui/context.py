"""What every page starts from: the loaded data, the shared filters, the filtered view and the lookups."""

from __future__ import annotations

import functools
from dataclasses import dataclass

import streamlit as st

from components.data.filters import Filters, apply_filters
from components.data.frames import Tables
from components.data.my_story import view_for
from components.data.stories import SlideView
from components.ui.loaded import Loaded, back_to_curated, loaded
from components.ui.markdown import md
from components.ui.sidebar import filter_values, show_link_notices, sidebar_filters


@dataclass(frozen=True)
class PageContext:
    loaded: Loaded
    filters: Filters
    chosen_pair: tuple[str | None, str | None] = (None, None)  # the sidebar's pair as chosen, even if incomplete

    @functools.cached_property
    def view(self) -> Tables:
        """The tables cut to the filters — computed only by pages that show filtered records."""
        return apply_filters(self.loaded.tables, self.filters)

    @property
    def tables(self) -> Tables:
        return self.loaded.tables

    @property
    def version(self) -> str:
        """'0.1.0 (a1b2c3d4e5)': the dataset version every chart and export carries."""
        info = self.loaded.dataset.info
        number = info.version if info else "unversioned"
        return f"{number} ({self.loaded.dataset.fingerprint})"

    @functools.cached_property
    def country_names(self) -> dict[str, str]:
        return self.tables.countries.name.to_dict()

    @functools.cached_property
    def country_colors(self) -> dict[str, str]:
        return self.tables.countries.color.to_dict()

    @functools.cached_property
    def sector_names(self) -> dict[str, str]:
        return self.tables.sectors.name.to_dict()

    def story_view(self, chart: str) -> SlideView:
        """A chart kind of STORY_CHARTS drawn with this page's filters: what 'Add to my story' captures."""
        return view_for(chart, self.filters)

    def country_name(self, code: str) -> str:
        return self.country_names.get(code, code)


def page_context() -> PageContext:
    """Draw the shared framing (sidebar filters, link and data notices) and return what the page shows.

    Every page calls it first. The filter values live in the session, not in the widgets, so they carry
    over when the reader moves to another page."""
    from components.ui.search import search_box, show_results  # it draws through this module's PageContext

    data = loaded()
    query = search_box()
    filters = sidebar_filters(data.tables)
    values = filter_values(data.tables)
    context = PageContext(data, filters, (values["a"], values["b"]))
    _own_data_banner(data)
    show_link_notices()
    _problems_notice(data)
    if query:
        show_results(context, query)
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
        if data.own is None:
            st.caption("Each line: file:line: record: field: what is wrong. Run `make validate` to see the same list.")
        else:
            st.caption("Each line: file:line (file:row:column for CSV): record: field: what is wrong.")
        st.code("\n".join(str(p) for p in problems), language=None, wrap_lines=True)


def _own_data_banner(data: Loaded) -> None:
    """On every page while the reader's own records are in view: which data this is, and the way back."""
    if data.own is None:
        return
    dataset = data.dataset
    title = dataset.info.title if dataset.info else "your records"
    with st.container(border=True, key="own-data-banner"):
        text, button = st.columns([4, 1], vertical_alignment="center")
        text.markdown(
            f":material/person: **Data in view: {md(title)}** · fingerprint `{dataset.fingerprint}` · "
            f"{len(dataset.uploaded)} record(s) of yours, not reviewed, seen only in this browser."
        )
        button.button(
            "Back to the curated data", key="back-to-curated", on_click=back_to_curated, icon=":material/undo:"
        )
