"""Typed pandas tables built once from a validated Dataset: the shape every query and chart reads."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from components.data import dates
from components.data.categories import (
    COOPERATION_STATUSES,
    DEAL_KINDS,
    DEAL_STATES,
    PRECISIONS,
    VISIT_KINDS,
    VISITOR_ROLES,
)
from components.data.loading import Dataset
from components.data.pair_keys import pair_key
from components.data.schema import Source


@dataclass(frozen=True)
class Tables:
    """The dataset as dataframes. Every filtered view is a row subset of these."""

    visits: pd.DataFrame
    deals: pd.DataFrame
    status: pd.DataFrame
    cooperation: pd.DataFrame
    sources: pd.DataFrame
    countries: pd.DataFrame
    sectors: pd.DataFrame
    paths: pd.DataFrame


def _cat(values: list, categories) -> pd.Categorical:
    return pd.Categorical(values, categories=list(categories))


def _date_columns(prefix: str, values: list[str | None]) -> dict[str, object]:
    return {
        prefix: pd.to_datetime([dates.period_start(v) if v else None for v in values]),
        f"{prefix}_precision": _cat([dates.precision(v) if v else None for v in values], PRECISIONS),
        f"{prefix}_text": pd.array([v for v in values], dtype="str"),
    }


def _first_url(sources: list[Source]) -> str:
    return sources[0].url if sources else ""


def build_tables(dataset: Dataset) -> Tables:
    """Turn validated records into typed dataframes with derived pair, year and labels."""
    codes = list(dataset.countries)
    sector_ids = list(dataset.sectors)

    v = dataset.visits
    visits = pd.DataFrame(
        {
            "id": pd.array([r.id for r in v], dtype="str"),
            **_date_columns("start", [r.start_date for r in v]),
            **_date_columns("end", [r.end_date or r.start_date for r in v]),
            "dates": pd.array([dates.span_label(r.start_date, r.end_date) for r in v], dtype="str"),
            "guest": _cat([r.guest_country for r in v], codes),
            "host": _cat([r.host_country for r in v], codes),
            "visitor": pd.array([r.visitor.name for r in v], dtype="str"),
            "role": _cat([r.visitor.role for r in v], VISITOR_ROLES),
            "kind": _cat([r.kind for r in v], VISIT_KINDS),
            "cities": pd.array([", ".join(c.name for c in r.cities) for r in v], dtype="str"),
            "lat": [r.cities[0].lat for r in v],
            "lon": [r.cities[0].lon for r in v],
            "sectors": [tuple(r.sectors) for r in v],
            "sector": _cat([r.sectors[0] if r.sectors else None for r in v], sector_ids),
            "outcomes": [tuple(r.outcomes) for r in v],
            "summary": pd.array([" ".join(r.summary.split()) for r in v], dtype="str"),
            "note": pd.array([r.note for r in v], dtype="str"),
            "source_count": [len(r.sources) for r in v],
            "source_url": pd.array([_first_url(r.sources) for r in v], dtype="str"),
        }
    )
    visits["pair"] = pd.array([pair_key(g, h) for g, h in zip(visits.guest, visits.host, strict=True)], dtype="str")
    visits["year"] = visits.start.dt.year.astype("int64")

    d = dataset.deals
    deal_dates = [r.signed or r.status[0].date for r in d]
    deals = pd.DataFrame(
        {
            "id": pd.array([r.id for r in d], dtype="str"),
            "title": pd.array([r.title for r in d], dtype="str"),
            "parties": [tuple(r.parties) for r in d],
            "kind": _cat([r.kind for r in d], DEAL_KINDS),
            "sector": _cat([r.sector for r in d], sector_ids),
            **_date_columns("date", deal_dates),
            "signed": [r.signed is not None for r in d],
            "status": _cat([r.status[-1].state for r in d], DEAL_STATES),
            "status_date": pd.array([r.status[-1].date for r in d], dtype="str"),
            "value_usd": pd.array([r.value.usd if r.value else None for r in d], dtype="Float64"),
            "value_reported": pd.array([r.value.reported if r.value else None for r in d], dtype="str"),
            "value_low": pd.array([r.value.low if r.value else None for r in d], dtype="Float64"),
            "value_high": pd.array([r.value.high if r.value else None for r in d], dtype="Float64"),
            "location": pd.array([r.location.name if r.location else None for r in d], dtype="str"),
            "lat": pd.array([_deal_point(r)[0] for r in d], dtype="Float64"),
            "lon": pd.array([_deal_point(r)[1] for r in d], dtype="Float64"),
            "has_path": [bool(r.location and r.location.path) for r in d],
            "signed_during": pd.array([r.signed_during for r in d], dtype="str"),
            "summary": pd.array([" ".join(r.summary.split()) for r in d], dtype="str"),
            "note": pd.array([r.note for r in d], dtype="str"),
            "source_count": [len(r.sources) for r in d],
            "source_url": pd.array([_first_url(r.sources) for r in d], dtype="str"),
        }
    )
    deals["pair"] = pd.array([pair_key(*p) for p in deals.parties], dtype="str")
    deals["year"] = deals.date.dt.year.astype("int64")

    status = pd.DataFrame(
        [
            {
                "deal_id": r.id,
                "step": n,
                "state": s.state,
                "date": pd.Timestamp(dates.period_start(s.date)),
                "date_text": s.date,
                "source_url": s.source,
                "note": s.note,
            }
            for r in d
            for n, s in enumerate(r.status)
        ],
        columns=["deal_id", "step", "state", "date", "date_text", "source_url", "note"],
    )
    status["state"] = _cat(list(status.state), DEAL_STATES)

    c = dataset.cooperation
    cooperation = pd.DataFrame(
        {
            "id": pd.array([r.id for r in c], dtype="str"),
            "countries": [tuple(r.countries) for r in c],
            "sector": _cat([r.sector for r in c], sector_ids),
            "since": [r.since for r in c],
            "status": _cat([r.status for r in c], COOPERATION_STATUSES),
            "summary": pd.array([" ".join(r.summary.split()) for r in c], dtype="str"),
            "milestones": [tuple(r.milestones) for r in c],
            "note": pd.array([r.note for r in c], dtype="str"),
            "source_count": [len(r.sources) for r in c],
            "source_url": pd.array([_first_url(r.sources) for r in c], dtype="str"),
        }
    )
    cooperation["pair"] = pd.array([pair_key(*r.countries) for r in c], dtype="str")
    cooperation["year"] = cooperation.since.astype("int64")

    sources = pd.DataFrame(
        [
            {
                "record_id": r.id,
                "record_kind": kind,
                "url": s.url,
                "publisher": s.publisher,
                "title": s.title,
                "published": s.published,
                "source_kind": s.kind,
            }
            for kind, records in (("visit", v), ("deal", d), ("cooperation", c))
            for r in records
            for s in r.sources
        ],
        columns=["record_id", "record_kind", "url", "publisher", "title", "published", "source_kind"],
    )

    countries = pd.DataFrame(
        [
            {
                "iso3": k.iso3,
                "name": k.name,
                "adjective": k.adjective,
                "group": k.group,
                "color": k.color,
                "capital": k.capital.name,
                "lat": k.capital.lat,
                "lon": k.capital.lon,
            }
            for k in dataset.countries.values()
        ],
        columns=["iso3", "name", "adjective", "group", "color", "capital", "lat", "lon"],
    ).set_index("iso3", drop=False)
    sectors = pd.DataFrame(
        [{"id": s.id, "name": s.name, "description": s.description} for s in dataset.sectors.values()],
        columns=["id", "name", "description"],
    ).set_index("id", drop=False)

    paths = pd.DataFrame(
        [
            {"deal_id": r.id, "order": n, "name": p.name, "lat": p.lat, "lon": p.lon}
            for r in d
            if r.location and r.location.path
            for n, p in enumerate(r.location.path)
        ],
        columns=["deal_id", "order", "name", "lat", "lon"],
    )
    return Tables(visits, deals, status, cooperation, sources, countries, sectors, paths)


def _deal_point(deal) -> tuple[float | None, float | None]:
    """A deal's marker: its point, or the middle point of its path."""
    loc = deal.location
    if loc is None:
        return None, None
    if loc.lat is not None:
        return loc.lat, loc.lon
    middle = loc.path[len(loc.path) // 2]
    return middle.lat, middle.lon
