"""Sidebar filters shared by every page, mirrored in the URL so a copied address restores the view.

One widget per row of FILTER_FIELDS. The widgets live in the router, so their state survives page
changes; the URL is written from the session's filter values on every run. (Binding widgets to the URL
instead loses the filters on every page change, because a page change clears the address and a bound
widget then resets.)"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st

from components.data import links
from components.data.categories import (
    COUNTRY_GROUP_LABELS,
    COUNTRY_GROUPS,
    DEAL_STATES,
    ROLE_LABELS,
    STATE_LABELS,
    VISITOR_ROLES,
)
from components.data.filters import FILTER_FIELDS, FILTER_KEYS, FilterField, Filters, filters_from_values
from components.data.frames import Tables
from components.data.links import LinkVocabulary
from components.data.pair_keys import split_pair
from components.ui.markdown import md
from components.ui.navigation import PAGE_KEYS

_WRITTEN = "_url_written"
_NOTICES = "_link_notices"
_VALUES = "_filter_values"
PAIR_REQUESTED = "_open_pair_page"


def year_bounds(tables: Tables) -> tuple[int, int]:
    years = [*tables.visits.year, *tables.deals.year]
    if not years:
        return 2000, 2026
    return min(2000, min(years)), max(years)


def vocabulary(tables: Tables) -> LinkVocabulary:
    return LinkVocabulary(
        countries=frozenset(tables.countries.index), sectors=frozenset(tables.sectors.index), years=year_bounds(tables)
    )


def filter_values(tables: Tables) -> dict[str, Any]:
    """This session's filter values (defaults until changed), kept apart from widget state so they survive
    page changes."""
    values = st.session_state.setdefault(_VALUES, {})
    vocab = vocabulary(tables)
    for key, default in vocab.defaults().items():
        values.setdefault(key, default)
    # A code the data in view does not know (the session went back from its own data, which had it) is dropped.
    for field in FILTER_FIELDS:
        value, allowed = values[field.key], None if field.kind == "range" else vocab.allowed(field)
        if field.kind == "multi" and any(v not in allowed for v in value):
            values[field.key] = [v for v in value if v in allowed]
        elif field.kind == "one" and value is not None and value not in allowed:
            values[field.key] = None
    low, high = vocab.years
    years = values["years"]
    values["years"] = (max(low, min(years[0], high)), min(high, max(years[1], low)))
    return values


def keep_years_whole(before: Tables) -> None:
    """Call before the data in view changes: a years filter spanning all of the old data spans all of the new."""
    values = st.session_state.get(_VALUES)
    if values and tuple(values.get("years", ())) == year_bounds(before):
        values.pop("years")


def current_filters(tables: Tables) -> Filters:
    """What the sidebar selects in this session."""
    return filters_from_values(filter_values(tables), year_bounds(tables))


def _remember(key: str) -> None:
    st.session_state[_VALUES][key] = st.session_state[key]


def set_filter(key: str, value) -> None:
    """Change one filter from code (a callback): the sidebar shows it on the next run."""
    st.session_state.setdefault(_VALUES, {})[key] = value
    st.session_state[key] = value


def _read_url(tables: Tables, vocab: LinkVocabulary) -> bool:
    """Apply what the address asks for when it differs from what this session last wrote there, then
    give every sidebar widget the session's value. True on the session's first run."""
    state = st.session_state
    values = filter_values(tables)
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


def _write_url(tables: Tables, vocab: LinkVocabulary) -> None:
    """Make the address show exactly the current filters (and nothing when they are at their defaults)."""
    desired = links.encode(filter_values(tables), vocab)
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
        st.warning(md(notice), icon="🔗")


def _options(tables: Tables) -> dict[str, tuple[list, Callable[[Any], str]]]:
    """Each vocabulary's choices in display order and how each choice reads."""
    names = tables.countries.name.to_dict()
    groups = tables.countries.group.to_dict()
    # South Asia first, then the great powers, the other partners, and summit hosts: each group by name.
    codes = sorted(names, key=lambda code: (COUNTRY_GROUPS.index(groups[code]), names[code]))
    sector_names = tables.sectors.name.to_dict()
    return {
        "countries": (codes, lambda code: f"{names[code]} ({code}) · {COUNTRY_GROUP_LABELS[groups[code]]}"),
        "sectors": (list(sector_names), sector_names.get),
        "roles": (list(VISITOR_ROLES), ROLE_LABELS.get),
        "statuses": (list(DEAL_STATES), STATE_LABELS.get),
    }


def _widget(field: FilterField, options, vocab: LinkVocabulary, initial):
    """One filter's widget; `initial` is its value on a session's first run (None later: state holds it)."""
    common = {"key": field.key, "on_change": _remember, "args": (field.key,), "help": field.help}
    if field.kind == "range":
        return st.slider(field.label, *vocab.years, value=initial, **common)
    choices, label = options[field.vocabulary]
    if field.kind == "multi":
        return st.multiselect(
            field.label, choices, default=initial, format_func=label, placeholder=field.placeholder, **common
        )
    index = choices.index(initial) if initial in choices else None
    return st.selectbox(field.label, choices, index=index, format_func=label, placeholder=field.placeholder, **common)


def sidebar_filters(tables: Tables) -> Filters:
    """Draw the shared filters in the sidebar and return what they select."""
    vocab = vocabulary(tables)
    first_run = _read_url(tables, vocab)
    initial = filter_values(tables) if first_run else dict.fromkeys(FILTER_KEYS)
    options = _options(tables)
    with st.sidebar:
        st.header("Filters")
        for field in FILTER_FIELDS:
            if field.heading:
                st.markdown(f"**{field.heading}**")
            _widget(field, options, vocab, initial[field.key])
        if first_run:  # the widgets now hold the browser's values, or the link's: they are the session's from here
            for key in FILTER_KEYS:
                _remember(key)
        values = filter_values(tables)
        if values["a"] and values["a"] == values["b"]:
            st.caption("Pick two different countries to filter by pair.")
        filters = current_filters(tables)
        if not filters.is_default:
            st.button("Clear all filters", on_click=_clear, args=(vocab,), icon=":material/filter_alt_off:")
    _write_url(tables, vocab)
    return filters


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


def open_pair(chart_key: str):
    """on_select callback for a chart whose marks carry a pair ('PAK–RUS'): set the pair filter and ask
    the page to switch to the pair page (callbacks cannot switch pages themselves)."""

    def callback() -> None:
        points = st.session_state[chart_key].selection.get("points", [])
        keys = [p["customdata"] for p in points if isinstance(p.get("customdata"), str)]
        pair = split_pair(keys[0]) if keys else None
        if pair:
            set_filter("a", pair[0])
            set_filter("b", pair[1])
            st.session_state[PAIR_REQUESTED] = True

    return callback
