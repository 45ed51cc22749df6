"""Sidebar filters shared by every page, bound to the URL so a copied address restores the view."""

from __future__ import annotations

from collections.abc import Mapping

import streamlit as st

from components.data.categories import DEAL_STATES, ROLE_LABELS, STATE_LABELS, VISITOR_ROLES
from components.data.filters import Filters
from components.data.frames import Tables

# URL keys owned by the shared filters, and those that individual pages read themselves.
FILTER_KEYS = ("countries", "a", "b", "years", "sector", "role", "status")
PAGE_KEYS = ("c", "d", "story", "slide")


def year_bounds(tables: Tables) -> tuple[int, int]:
    years = [*tables.visits.year, *tables.deals.year]
    if not years:
        return 2000, 2026
    return min(2000, min(years)), max(years)


def check_link(params: Mapping[str, list[str]], tables: Tables) -> list[str]:
    """Plain-language notices for URL parameters that cannot be honoured (the widgets then fall back)."""
    codes = set(tables.countries.index)
    # Bound widgets write their displayed label to the URL, so that is what a link holds.
    allowed = {
        "countries": codes,
        "a": codes,
        "b": codes,
        "c": codes,
        "d": codes,
        "sector": set(tables.sectors.name),
        "role": set(ROLE_LABELS.values()),
        "status": set(STATE_LABELS.values()),
    }
    notices = []
    for key, values in params.items():
        if key not in FILTER_KEYS and key not in PAGE_KEYS:
            notices.append(f"The link parameter “{key}” is not one this dashboard knows; it was ignored.")
        elif key in allowed:
            bad = [v for v in values if v not in allowed[key]]
            if bad:
                shown = ", ".join(f"“{v}”" for v in bad)
                what = "Unknown country code" if allowed[key] is codes else f"Unknown {key}"
                notices.append(f"{what} {shown} in the link ({key}=…); it was ignored and the default is shown.")
        elif key == "years":
            low, high = year_bounds(tables)
            try:
                numbers = [int(v) for v in values]
                valid = len(numbers) == 2 and low <= numbers[0] <= numbers[1] <= high
            except ValueError:
                valid = False
            if not valid:
                notices.append(
                    f"The link's years={'&'.join(values)} is not a range within {low}–{high}; showing all years."
                )
    return notices


def _link_notices(tables: Tables) -> None:
    # Checked once per browser session: the widgets drop values they cannot take from the URL.
    if st.session_state.get("_link_checked"):
        return
    st.session_state["_link_checked"] = True
    params = {key: st.query_params.get_all(key) for key in st.query_params}
    notices = check_link(params, tables)
    for key in params:
        if key not in FILTER_KEYS and key not in PAGE_KEYS:
            del st.query_params[key]
    st.session_state["_link_notices"] = notices


def show_link_notices() -> None:
    """Show, above the page, what the opening link asked for that could not be honoured."""
    for notice in st.session_state.pop("_link_notices", []):
        st.warning(notice, icon="🔗")


def sidebar_filters(tables: Tables) -> Filters:
    """Draw the shared filters in the sidebar and return what they select."""
    _link_notices(tables)
    names = dict(zip(tables.countries.iso3, tables.countries.name, strict=True))
    codes = sorted(names)
    sector_names = dict(zip(tables.sectors.id, tables.sectors.name, strict=True))
    low, high = year_bounds(tables)

    with st.sidebar:
        st.header("Filters")
        # Country widgets show ISO codes: a bound widget puts its label in the URL, and links read ?a=RUS&b=PAK.
        countries = st.multiselect(
            "Countries involved",
            codes,
            key="countries",
            bind="query-params",
            placeholder="All countries",
            help="Keep records that involve any of these countries.",
        )
        st.markdown("**Country pair**")
        left, right = st.columns(2)
        a = left.selectbox("First country", codes, index=None, key="a", bind="query-params", placeholder="Any")
        b = right.selectbox("Second country", codes, index=None, key="b", bind="query-params", placeholder="Any")
        st.caption(" · ".join(f"{c} {names[c]}" for c in codes))
        years = st.slider("Years", low, high, (low, high), key="years", bind="query-params")
        sectors = st.multiselect(
            "Sectors",
            list(sector_names),
            format_func=sector_names.get,
            key="sector",
            bind="query-params",
            placeholder="All sectors",
        )
        roles = st.multiselect(
            "Visitor role",
            list(VISITOR_ROLES),
            format_func=ROLE_LABELS.get,
            key="role",
            bind="query-params",
            placeholder="All roles",
        )
        statuses = st.multiselect(
            "Deal status (now)",
            list(DEAL_STATES),
            format_func=STATE_LABELS.get,
            key="status",
            bind="query-params",
            placeholder="All statuses",
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
            st.button("Clear all filters", on_click=_clear, icon=":material/filter_alt_off:")
    return filters


def _clear() -> None:
    for key in FILTER_KEYS:
        st.session_state.pop(key, None)


def _narrow(chart_key: str, filter_key: str):
    def callback() -> None:
        points = st.session_state[chart_key].selection.get("points", [])
        values = [p["customdata"] for p in points if isinstance(p.get("customdata"), str)]
        if values:
            st.session_state[filter_key] = values[:1]

    return callback


def narrow_to_sector(chart_key: str):
    """on_select callback for a sector chart: the clicked sector becomes the sector filter on every page."""
    return _narrow(chart_key, "sector")


def narrow_to_status(chart_key: str):
    """on_select callback for a status chart: the clicked state becomes the deal-status filter."""
    return _narrow(chart_key, "status")
