"""The shared filters as a plain value, and how they narrow the tables. No streamlit here."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

import pandas as pd

from components.data.frames import Tables


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

    def describe(self, country_names: dict[str, str] | None = None) -> str:
        """One line a citation or a chart subtitle can carry: 'pair Pakistan–Russia; 2010–2021; sectors energy'."""
        names = country_names or {}
        parts = []
        if self.pair:
            parts.append("pair " + "–".join(names.get(c, c) for c in self.pair))
        if self.countries:
            parts.append("countries " + ", ".join(names.get(c, c) for c in self.countries))
        if self.years:
            parts.append(f"{self.years[0]}–{self.years[1]}")
        if self.sectors:
            parts.append("sectors " + ", ".join(self.sectors))
        if self.roles:
            parts.append("visitor roles " + ", ".join(self.roles))
        if self.statuses:
            parts.append("deal status " + ", ".join(self.statuses))
        return "; ".join(parts) if parts else "all records"


def _involves(columns: Iterable[pd.Series], codes: set[str]) -> pd.Series:
    mask = None
    for column in columns:
        hit = column.isin(codes)
        mask = hit if mask is None else mask | hit
    return mask


def _tuple_hits(column: pd.Series, wanted: set[str], every: bool = False) -> pd.Series:
    test = wanted.issubset if every else (lambda values: not wanted.isdisjoint(values))
    return pd.Series([test(values) for values in column], index=column.index, dtype=bool)


def visit_mask(visits: pd.DataFrame, f: Filters) -> pd.Series:
    mask = pd.Series(True, index=visits.index)
    if f.countries:
        mask &= _involves((visits.guest, visits.host), set(f.countries))
    if f.pair:
        a, b = f.pair
        mask &= ((visits.guest == a) & (visits.host == b)) | ((visits.guest == b) & (visits.host == a))
    if f.years:
        mask &= visits.year.between(*f.years)
    if f.sectors:
        mask &= _tuple_hits(visits.sectors, set(f.sectors))
    if f.roles:
        mask &= visits.role.isin(f.roles)
    return mask


def deal_mask(deals: pd.DataFrame, f: Filters) -> pd.Series:
    mask = pd.Series(True, index=deals.index)
    if f.countries:
        mask &= _tuple_hits(deals.parties, set(f.countries))
    if f.pair:
        mask &= _tuple_hits(deals.parties, set(f.pair), every=True)
    if f.years:
        mask &= deals.year.between(*f.years)
    if f.sectors:
        mask &= deals.sector.isin(f.sectors)
    if f.statuses:
        mask &= deals.status.isin(f.statuses)
    return mask


def cooperation_mask(cooperation: pd.DataFrame, f: Filters) -> pd.Series:
    mask = pd.Series(True, index=cooperation.index)
    if f.countries:
        mask &= _tuple_hits(cooperation.countries, set(f.countries))
    if f.pair:
        mask &= _tuple_hits(cooperation.countries, set(f.pair), every=True)
    if f.years:
        # A standing line of cooperation belongs to every year from its start on.
        mask &= cooperation.since <= f.years[1]
    if f.sectors:
        mask &= cooperation.sector.isin(f.sectors)
    return mask


def apply_filters(tables: Tables, f: Filters) -> Tables:
    """The same tables, cut to the rows the filters select; sources and status follow their records."""
    if f.is_default:
        return tables
    visits = tables.visits[visit_mask(tables.visits, f)]
    deals = tables.deals[deal_mask(tables.deals, f)]
    cooperation = tables.cooperation[cooperation_mask(tables.cooperation, f)]
    kept = set(visits.id) | set(deals.id) | set(cooperation.id)
    return replace(
        tables,
        visits=visits,
        deals=deals,
        cooperation=cooperation,
        status=tables.status[tables.status.deal_id.isin(deals.id)],
        sources=tables.sources[tables.sources.record_id.isin(kept)],
        paths=tables.paths[tables.paths.deal_id.isin(deals.id)],
    )
