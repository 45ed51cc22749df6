"""One record's details: what happened in plain words, dates at their precision, linked records, sources."""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from components.data.categories import MEETING_STATUS_LABELS, ROLE_LABELS, STATE_LABELS
from components.data.citation import record_citation
from components.data.dates import label
from components.data.frames import YOURS
from components.data.pair_keys import pair_label
from components.data.queries import record_kind, record_row, related
from components.ui.context import PageContext
from components.ui.markdown import md, md_link


def source_links(sources: pd.DataFrame) -> None:
    """A numbered list of sources; only http(s) URLs (the schema guarantees it) become links."""
    lines = []
    for n, s in enumerate(sources.itertuples(), start=1):
        published = f", {label(s.published)}" if isinstance(s.published, str) and s.published else ""
        kind = f" · {s.source_kind}" if isinstance(s.source_kind, str) and s.source_kind else ""
        # A source may have no title (headline not seen): the publisher's name is the link text then.
        text = s.title if isinstance(s.title, str) and s.title else s.publisher
        lines.append(f"{n}. {md_link(text, s.url)} — {md(s.publisher)}{published}{kind}")
    st.markdown("\n".join(lines) if lines else "_No sources._")


def _pair_button(context: PageContext, a: str, b: str) -> None:
    st.page_link(
        "pages/pair.py",
        label=f"Open the {md(pair_label((a, b), context.country_names))} page",
        icon=":material/compare_arrows:",
        query_params={"a": a, "b": b},
    )


def _related(context: PageContext, record_id: str) -> None:
    links = related(context.tables, record_id)
    if not links.visits.empty:
        st.markdown("**During the visit(s)**")
        st.markdown(
            "\n".join(
                f"- {md(v.dates)}: {md(v.visitor)} ({md(ROLE_LABELS[v.role])}) in {md(v.cities)}"
                for v in links.visits.itertuples()
            )
        )
    if not links.deals.empty:
        st.markdown("**Deals signed — and where each stands today**")
        st.markdown(
            "\n".join(
                f"- {md(d.title)} ({md(label(d.date_text))}) → **{STATE_LABELS[d.status]}** since "
                f"{md(label(d.status_date))}"
                for d in links.deals.itertuples()
            )
        )
    if not links.cooperation.empty:
        st.markdown("**Part of these cooperation areas**")
        st.markdown(
            "\n".join(
                f"- {md(context.sector_names.get(c.sector, c.sector))}: "
                f"{md(pair_label(c.countries, context.country_names))} (since {c.since}, {c.status})"
                for c in links.cooperation.itertuples()
            )
        )


def _visit_header(context: PageContext, v: pd.Series) -> tuple[str, tuple[str, str] | None]:
    headline = f"{v.visitor} ({ROLE_LABELS[v.role]}) — {context.country_name(v.guest)} → {context.country_name(v.host)}"
    st.subheader(md(headline))
    precision = "" if v.start_precision == "day" else f" (date known only to the {v.start_precision})"
    st.markdown(f"**{md(v.dates)}**{precision} · {md(v.cities)} · {md(v.kind)} visit")
    return headline, (str(v.guest), str(v.host))


def _deal_header(context: PageContext, d: pd.Series) -> tuple[str, tuple[str, str] | None]:
    st.subheader(md(d.title))
    value = f" · {md(d.value_reported)}" if isinstance(d.value_reported, str) else ""
    st.markdown(f"**{md(label(d.date_text))}** · {md(d.kind)} · {md(context.sector_names.get(d.sector))}{value}")
    history = context.tables.status[context.tables.status.deal_id == d.id].sort_values("step")
    st.markdown(
        "**Status history:** "
        + " → ".join(f"{STATE_LABELS[s.state]} ({md(label(s.date_text))})" for s in history.itertuples())
    )
    return d.title, (d.parties[0], d.parties[1])


def _cooperation_header(context: PageContext, c: pd.Series) -> tuple[str, tuple[str, str] | None]:
    headline = f"{context.sector_names.get(c.sector)} cooperation: {pair_label(c.countries, context.country_names)}"
    st.subheader(md(headline))
    st.markdown(f"Since **{c.since}** · status **{c.status}**")
    return headline, (c.countries[0], c.countries[1])


def _meeting_header(context: PageContext, m: pd.Series) -> tuple[str, tuple[str, str] | None]:
    st.subheader(md(m.name))
    where = "held online" if m.online else md(m.city) if isinstance(m.city, str) else "place not recorded"
    host = f" · hosted by {md(context.country_name(m.host))}" if isinstance(m.host, str) else ""
    status = "" if m.status == "held" else f" · **{MEETING_STATUS_LABELS[m.status]}**"
    st.markdown(f"**{md(m.dates)}** · {where}{host}{status} · {md(m.series_name)}")
    if isinstance(m.status_note, str):
        st.markdown(f"Why: {md(m.status_note)}")
    came = context.tables.participants[context.tables.participants.meeting_id == m.id]
    if not came.empty:
        st.markdown("**Who came**")
        st.markdown(
            "\n".join(
                f"- {md(context.country_name(p.country))}: {md(p.name)} ({md(ROLE_LABELS[p.role].lower())})"
                for p in came.itertuples()
            )
        )
    sides = context.tables.sidelines[context.tables.sidelines.meeting_id == m.id]
    if not sides.empty:
        st.markdown("**Met on the sidelines**")
        st.markdown(
            "\n".join(
                f"- {md(pair_label(s.countries, context.country_names))}: {md(s.people)} — {md(s.summary)}"
                for s in sides.itertuples()
            )
        )
    return m.name, None


def _sideline_header(context: PageContext, s: pd.Series) -> tuple[str, tuple[str, str] | None]:
    headline = f"{pair_label(s.countries, context.country_names)} on the sidelines of the {s.meeting}"
    st.subheader(md(headline))
    st.markdown(f"**{md(label(s.date_text))}** · {md(s.people)}")
    return headline, (s.countries[0], s.countries[1])


# How each kind of record introduces itself in its details; the summary, sources and citation follow.
HEADERS = {
    "visit": _visit_header,
    "deal": _deal_header,
    "cooperation": _cooperation_header,
    "meeting": _meeting_header,
    "sideline": _sideline_header,
}


def render_record(context: PageContext, record_id: str, *, today: date | None = None) -> None:
    """Body of the details panel (also used outside a dialog, e.g. on the pair page)."""
    tables = context.tables
    kind = record_kind(tables, record_id)
    if kind is None:
        st.warning(f"No record has the id “{md(record_id)}”.")
        return
    row = record_row(tables, record_id)
    if row.get("origin") == YOURS:
        came_from = context.loaded.dataset.uploaded.get(row.get("meeting_id") or record_id, "this browser")
        st.badge(f"Yours, not reviewed · from {md(came_from)}", icon=":material/person:", color="orange")
    headline, pair = HEADERS[kind](context, row)
    st.markdown(md(row.summary))
    if isinstance(row.note, str) and row.note:
        st.caption(f"Note: {md(row.note)}")
    _related(context, record_id)
    st.markdown("**Sources**")
    source_links(tables.sources[tables.sources.record_id == record_id])
    info = context.loaded.dataset.info
    st.markdown("**Cite this record**")
    st.code(
        record_citation(
            headline,
            record_id,
            info,
            context.loaded.dataset.fingerprint,
            accessed=today or date.today(),
            first_source=row.source_url,
        ),
        language=None,
        wrap_lines=True,
    )
    if pair:
        _pair_button(context, pair[0], pair[1])


@st.dialog("Record details", width="large")
def record_dialog(context: PageContext, record_ids: list[str]) -> None:
    """Dialog for one clicked record, or a short list when one mark stands for several (a city on a map)."""
    if len(record_ids) == 1:
        render_record(context, record_ids[0])
        return
    st.caption(f"{len(record_ids)} records at this mark")
    for record_id in record_ids:
        with st.expander(md(record_id)):
            render_record(context, record_id)


def open_details(context: PageContext, record_ids: list[str], *, key: str) -> None:
    """Open the dialog for a new click only: a selection left on a chart must not reopen it on every rerun."""
    marker = f"_details_shown_{key}"
    if record_ids and st.session_state.get(marker) != record_ids:
        st.session_state[marker] = record_ids
        record_dialog(context, record_ids)
    elif not record_ids:
        st.session_state.pop(marker, None)
