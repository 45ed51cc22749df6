"""Cooperation areas: sector breakdowns, the pair × sector matrix, and a card per active area."""

import streamlit as st

from components.charts.breakdowns import pair_sector_matrix, sector_treemap
from components.data.categories import STATE_LABELS
from components.data.dates import label
from components.data.pair_keys import pair_label
from components.data.queries import records_by_pair_sector
from components.ui.context import page_context
from components.ui.details import record_dialog
from components.ui.display import chart_tabs, show_chart
from components.ui.markdown import md
from components.ui.sidebar import PAIR_REQUESTED, open_pair
from components.ui.widgets import chart_source, nothing_matches

context = page_context()
view, tables = context.view, context.tables
names, sector_names = context.country_names, context.sector_names
source = chart_source(context)

st.title("Cooperation areas")
st.caption(
    "Where pairs of countries work together, sector by sector: visits and deals counted by the sectors they "
    "touch, and the standing lines of cooperation with their milestones."
)
if nothing_matches(context):
    st.stop()

counts = records_by_pair_sector(view.visits, view.deals, view.cooperation)


def sectors() -> None:
    show_chart(
        sector_treemap(counts, sector_names=sector_names, names=names, source=source),
        key="coop_treemap",
        story=context.story_view("sector_treemap"),
    )


def pairs_by_sector() -> None:
    show_chart(
        pair_sector_matrix(counts, sector_names=sector_names, names=names, source=source),
        key="coop_matrix",
        story=context.story_view("pair_sector_matrix"),
        on_select=open_pair("coop_matrix"),
        data=counts.pivot_table(
            index="pair", columns="sector", values="records", aggfunc="sum", fill_value=0
        ).reset_index(),
    )
    st.caption("Click a cell to open that country pair's page.")


def active_areas() -> None:
    areas = view.cooperation[view.cooperation.status == "active"].sort_values("since")
    others = len(view.cooperation) - len(areas)
    st.header(f"Active cooperation areas in view ({len(areas)})")
    st.caption(
        f"{others} more in view are proposed, stalled or ended; the Data & sources page lists every area."
        if others
        else "Every cooperation area in view is active."
    )
    if areas.empty:
        st.info("No active cooperation areas match these filters.")
    deal_rows = tables.deals.set_index("id")
    visit_rows = tables.visits.set_index("id")
    CARDS_PER_PAGE = 12
    pages = max(1, -(-len(areas) // CARDS_PER_PAGE))
    page = st.pagination(pages, key="coop_cards_page") if pages > 1 else 1
    shown = areas.iloc[(page - 1) * CARDS_PER_PAGE : page * CARDS_PER_PAGE]
    columns = st.columns(2)
    for n, area in enumerate(shown.itertuples()):
        with columns[n % 2].container(border=True):
            sector = sector_names.get(area.sector, area.sector)
            st.markdown(f"### {md(sector)}: {md(pair_label(area.countries, names))}")
            st.caption(f"Since {area.since} · {area.status}")
            st.markdown(md(area.summary))
            milestones = []
            for ref in area.milestones:
                if ref in visit_rows.index:
                    v = visit_rows.loc[ref]
                    milestones.append(f"- {md(v.dates)} — visit: {md(v.visitor)} in {md(v.cities)}")
                elif ref in deal_rows.index:
                    d = deal_rows.loc[ref]
                    milestones.append(f"- {md(label(d.date_text))} — {md(d.title)} → **{STATE_LABELS[d.status]}**")
            if milestones:
                st.markdown("\n".join(milestones))
            if st.button("Details and sources", key=f"coop-{area.id}"):
                record_dialog(context, [area.id])


chart_tabs(
    "pages/cooperation.py",
    {"Sectors": sectors, "Pairs by sector": pairs_by_sector, "Active areas": active_areas},
)
if st.session_state.pop(PAIR_REQUESTED, False):
    st.switch_page("pages/pair.py")
