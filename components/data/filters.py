"""The shared filters, declared once as a table: each field's URL key, widget, vocabulary and row rules.

Everything else reads these tables: the sidebar draws one widget per field, links parse and encode the
fields by kind, and `apply_filters` narrows each record table with the rules listed for it. A new filter
or a new record kind is a row here. No streamlit in this module."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import Any, Literal

import pandas as pd

from components.data.frames import Tables
from components.data.pair_keys import pair_label

FieldKind = Literal["multi", "one", "range"]


@dataclass(frozen=True)
class FilterField:
    """One sidebar filter: `key` is both its widget key and its URL parameter."""

    key: str
    label: str
    vocabulary: str  # which set of values it takes: countries, sectors, roles, statuses or years
    kind: FieldKind
    placeholder: str = ""
    help: str | None = None
    heading: str | None = None  # a bold line drawn above the widget


FILTER_FIELDS: tuple[FilterField, ...] = (
    FilterField(
        "countries",
        "Countries involved",
        "countries",
        "multi",
        "All countries",
        "Keep records that involve any of these countries.",
    ),
    FilterField("a", "First country", "countries", "one", "Any", heading="Country pair"),
    FilterField("b", "Second country", "countries", "one", "Any"),
    FilterField("years", "Years", "years", "range"),
    FilterField("sector", "Sectors", "sectors", "multi", "All sectors"),
    FilterField("role", "Visitor role", "roles", "multi", "All roles"),
    FilterField("status", "Deal status (now)", "statuses", "multi", "All statuses"),
)
FILTER_KEYS = tuple(f.key for f in FILTER_FIELDS)


@dataclass(frozen=True)
class Filters:
    """What the user narrowed the data to. Empty tuples mean 'everything'."""

    countries: tuple[str, ...] = ()
    pair: tuple[str, str] | None = None
    years: tuple[int, int] | None = None
    sectors: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()

    @property
    def is_default(self) -> bool:
        return self == Filters()

    def describe(self, country_names: Mapping[str, str] | None = None) -> str:
        """One line a citation or a chart subtitle can carry: 'pair Pakistan – Russia; 2010–2021; sectors energy'."""
        names = country_names or {}
        parts = []
        if self.pair:
            parts.append("pair " + pair_label(self.pair, names))
        if self.countries:
            parts.append("countries " + ", ".join(names.get(c, c) for c in self.countries))
        if self.years:
            parts.append(f"{self.years[0]}–{self.years[1]}")
        for label, values in (("sectors", self.sectors), ("visitor roles", self.roles), ("deal status", self.statuses)):
            if values:
                parts.append(f"{label} " + ", ".join(values))
        return "; ".join(parts) if parts else "all records"


def filters_from_values(values: Mapping[str, Any], years: tuple[int, int]) -> Filters:
    """The Filters selected by widget values keyed by FILTER_KEYS; a full year range means no year filter."""
    a, b = values.get("a"), values.get("b")
    chosen = values.get("years") or years
    return Filters(
        countries=tuple(values.get("countries") or ()),
        pair=(a, b) if a and b and a != b else None,
        years=None if tuple(chosen) == tuple(years) else (int(chosen[0]), int(chosen[1])),
        sectors=tuple(values.get("sector") or ()),
        roles=tuple(values.get("role") or ()),
        statuses=tuple(values.get("status") or ()),
    )


# Row rules: each takes a table and the filter's value and returns the rows to keep.
Rule = Callable[[pd.DataFrame, Any], pd.Series]


def _tuple_hits(column: pd.Series, wanted: set[str], every: bool = False) -> pd.Series:
    test = wanted.issubset if every else (lambda values: not wanted.isdisjoint(values))
    return pd.Series([test(values) for values in column], index=column.index, dtype=bool)


def either_of(*columns: str) -> Rule:
    """Any of these code columns is one of the chosen countries."""
    return lambda frame, codes: pd.concat([frame[c].isin(codes) for c in columns], axis=1).any(axis=1)


def between_both(first: str, second: str) -> Rule:
    """The pair, either way round, across two code columns (guest and host)."""

    def rule(frame: pd.DataFrame, pair: tuple[str, str]) -> pd.Series:
        a, b = pair
        return ((frame[first] == a) & (frame[second] == b)) | ((frame[first] == b) & (frame[second] == a))

    return rule


def any_in(column: str) -> Rule:
    """A tuple column shares at least one value with the chosen ones."""
    return lambda frame, chosen: _tuple_hits(frame[column], set(chosen))


def all_in(column: str) -> Rule:
    """A tuple column holds every chosen value (both countries of a pair)."""
    return lambda frame, chosen: _tuple_hits(frame[column], set(chosen), every=True)


def one_of(column: str) -> Rule:
    return lambda frame, chosen: frame[column].isin(chosen)


def year_within(column: str) -> Rule:
    return lambda frame, years: frame[column].between(*years)


def started_by(column: str) -> Rule:
    """A standing line of cooperation belongs to every year from its start on."""
    return lambda frame, years: frame[column] <= years[1]


# Record table → Filters field → rule. A filter a table does not list leaves that table alone.
RULES: dict[str, dict[str, Rule]] = {
    "visits": {
        "countries": either_of("guest", "host"),
        "pair": between_both("guest", "host"),
        "years": year_within("year"),
        "sectors": any_in("sectors"),
        "roles": one_of("role"),
    },
    "deals": {
        "countries": any_in("parties"),
        "pair": all_in("parties"),
        "years": year_within("year"),
        "sectors": one_of("sector"),
        "statuses": one_of("status"),
    },
    "cooperation": {
        "countries": any_in("countries"),
        "pair": all_in("countries"),
        "years": started_by("since"),
        "sectors": one_of("sector"),
    },
    "meetings": {
        "countries": any_in("countries"),
        "pair": all_in("countries"),
        "years": year_within("year"),
        "sectors": any_in("sectors"),
    },
    "sidelines": {
        "countries": any_in("countries"),
        "pair": all_in("countries"),
        "years": year_within("year"),
    },
}


def mask(kind: str, frame: pd.DataFrame, f: Filters) -> pd.Series:
    """Rows of the `kind` table that every active filter keeps."""
    keep = pd.Series(True, index=frame.index)
    for name, rule in RULES[kind].items():
        value = getattr(f, name)
        if value:
            keep &= rule(frame, value)
    return keep


def apply_filters(tables: Tables, f: Filters) -> Tables:
    """The same tables, cut to the rows the filters select; sources, status and paths follow their records."""
    if f.is_default:
        return tables
    cut = {kind: getattr(tables, kind)[mask(kind, getattr(tables, kind), f)] for kind in RULES}
    kept = set().union(*(set(frame.id) for frame in cut.values()))
    deal_ids = cut["deals"].id
    return replace(
        tables,
        **cut,
        status=tables.status[tables.status.deal_id.isin(deal_ids)],
        sources=tables.sources[tables.sources.record_id.isin(kept)],
        paths=tables.paths[tables.paths.deal_id.isin(deal_ids)],
        participants=tables.participants[tables.participants.meeting_id.isin(cut["meetings"].id)],
    )
