"""Sidebar filters shared by every page, mirrored in the URL so a copied address restores the view.

The widgets live in the router, so their state survives page changes; the URL is written from that
state on every run. (Binding widgets to the URL instead loses the filters on every page change,
because a page change clears the address and a bound widget then resets.)"""

from __future__ import annotations

import streamlit as st

from components.data import links
from components.data.categories import DEAL_STATES, ROLE_LABELS, STATE_LABELS, VISITOR_ROLES
from components.data.filters import Filters
from components.data.frames import Tables
from components.data.links import FILTER_KEYS, LinkVocabulary

PAGE_KEYS = ("c", "d", "story", "slide")
_WRITTEN = "_url_written"
_NOTICES = "_link_notices"
_VALUES = "_filter_values"


def year_bounds(tables: Tables) -> tuple[int, int]:
    years = [*tables.visits.year, *tables.deals.year]
    if not years:
        return 2000, 2026
    return min(2000, min(years)), max(years)


def vocabulary(tables: Tables) -> LinkVocabulary:
    return LinkVocabulary(
        countries=frozenset(tables.countries.index), sectors=frozenset(tables.sectors.index), years=year_bounds(tables)
    )


def _values() -> dict:
    """The filter values of this session, kept apart from widget state so they survive page changes."""
    return st.session_state.setdefault(_VALUES, {})


def _remember(key: str) -> None:
    _values()[key] = st.session_state[key]


def set_filter(key: str, value) -> None:
    """Change one filter from code (a callback): the sidebar shows it on the next run."""
    _values()[key] = value
    st.session_state[key] = value


def _read_url(vocab: LinkVocabulary) -> bool:
    """Apply what the address asks for when it differs from what this session last wrote there, then
    give every sidebar widget the session's value. True on the session's first run."""
    state = st.session_state
    values = _values()
    for key, default in vocab.defaults().items():
        values.setdefault(key, default)
    low, high = vocab.years
    years = values["years"]
    values["years"] = (max(low, min(years[0], high)), min(high, max(years[1], low)))
    params = {key: st.query_params.get_all(key) for key in st.query_params}
    notices = []
    for key in params:
        if key not in FILTER_KEYS and key not in PAGE_KEYS:
            notices.append(f"The link parameter “{key}” is not one this dashboard knows; it was ignored.")
            del st.query_params[key]
    written = state.get(_WRITTEN, {})
    asked = {k: v for k, v in params.items() if k in FILTER_KEYS and written.get(k) != v}
    asked_values, problems = links.parse(asked, vocab)
    values.update(asked_values)
    first_run = _WRITTEN not in state
    # A tab reconnecting to a new session (after a server restart) sends the widget values on screen, and the
    # change that made it reconnect runs no callback: on a first run the values are widget defaults, so the
    # browser's values win over the address. Assigning them here would undo that change.
    if not first_run:
        for key in FILTER_KEYS:
            state[key] = values[key]
    state[_NOTICES] = state.get(_NOTICES, []) + notices + problems
    return first_run


def _write_url(vocab: LinkVocabulary) -> None:
    """Make the address show exactly the current filters (and nothing when they are at their defaults)."""
    desired = links.encode(_values(), vocab)
    for key in FILTER_KEYS:
        if key in desired:
            if st.query_params.get_all(key) != desired[key]:
                st.query_params[key] = desired[key]
        elif key in st.query_params:
            del st.query_params[key]
    st.session_state[_WRITTEN] = desired


def show_link_notices() -> None:
    """Show, above the page, what the opening link asked for that could not be honoured."""
    for notice in st.session_state.pop(_NOTICES, []):
        st.warning(notice, icon="🔗")


def sidebar_filters(tables: Tables) -> Filters:
    """Draw the shared filters in the sidebar and return what they select."""
    vocab = vocabulary(tables)
    first_run = _read_url(vocab)
    initial = _values() if first_run else dict.fromkeys(FILTER_KEYS)
    names = dict(zip(tables.countries.iso3, tables.countries.name, strict=True))
    codes = sorted(names, key=names.get)
    sector_names = dict(zip(tables.sectors.id, tables.sectors.name, strict=True))
    low, high = vocab.years

    def country(code: str) -> str:
        return f"{names[code]} ({code})"

    with st.sidebar:
        st.header("Filters")
        countries = st.multiselect(
            "Countries involved",
            codes,
            default=initial["countries"],
            format_func=country,
            key="countries",
            on_change=_remember,
            args=("countries",),
            placeholder="All countries",
            help="Keep records that involve any of these countries.",
        )
        st.markdown("**Country pair**")
        a, b = (
            st.selectbox(
                label,
                codes,
                index=_index(codes, initial[key]),
                format_func=country,
                key=key,
                placeholder="Any",
                on_change=_remember,
                args=(key,),
            )
            for key, label in (("a", "First country"), ("b", "Second country"))
        )
        years = st.slider("Years", low, high, value=initial["years"], key="years", on_change=_remember, args=("years",))
        sectors = st.multiselect(
            "Sectors",
            list(sector_names),
            format_func=sector_names.get,
            default=initial["sector"],
            key="sector",
            placeholder="All sectors",
            on_change=_remember,
            args=("sector",),
        )
        roles = st.multiselect(
            "Visitor role",
            list(VISITOR_ROLES),
            format_func=ROLE_LABELS.get,
            default=initial["role"],
            key="role",
            placeholder="All roles",
            on_change=_remember,
            args=("role",),
        )
        statuses = st.multiselect(
            "Deal status (now)",
            list(DEAL_STATES),
            format_func=STATE_LABELS.get,
            default=initial["status"],
            key="status",
            placeholder="All statuses",
            on_change=_remember,
            args=("status",),
        )
        pair = (a, b) if a and b and a != b else None
        if a and b and a == b:
            st.caption("Pick two different countries to filter by pair.")
        filters = Filters(
            countries=tuple(countries),
            pair=pair,
            years=None if tuple(years) == (low, high) else (int(years[0]), int(years[1])),
            sectors=tuple(sectors),
            roles=tuple(roles),
            statuses=tuple(statuses),
        )
        if not filters.is_default:
            st.button("Clear all filters", on_click=_clear, args=(vocab,), icon=":material/filter_alt_off:")
    if first_run:
        for key in FILTER_KEYS:
            _remember(key)
    _write_url(vocab)
    return filters


def _index(options: list[str], value: str | None) -> int | None:
    return options.index(value) if value in options else None


def _clear(vocab: LinkVocabulary) -> None:
    for key, default in vocab.defaults().items():
        set_filter(key, default)


def _narrow(chart_key: str, filter_key: str):
    def callback() -> None:
        points = st.session_state[chart_key].selection.get("points", [])
        values = [p["customdata"] for p in points if isinstance(p.get("customdata"), str)]
        if values:
            set_filter(filter_key, values[:1])

    return callback


def narrow_to_sector(chart_key: str):
    """on_select callback for a sector chart: the clicked sector becomes the sector filter on every page."""
    return _narrow(chart_key, "sector")


def narrow_to_status(chart_key: str):
    """on_select callback for a status chart: the clicked state becomes the deal-status filter."""
    return _narrow(chart_key, "status")


PAIR_REQUESTED = "_open_pair_page"


def open_pair(chart_key: str):
    """on_select callback for a chart whose marks carry a pair ('PAK–RUS'): set the pair filter and ask
    the page to switch to the pair page (callbacks cannot switch pages themselves)."""

    def callback() -> None:
        points = st.session_state[chart_key].selection.get("points", [])
        pairs = [p["customdata"] for p in points if isinstance(p.get("customdata"), str)]
        if pairs and pairs[0].count("–") == 1:
            a, b = pairs[0].split("–")
            set_filter("a", a)
            set_filter("b", b)
            st.session_state[PAIR_REQUESTED] = True

    return callback
