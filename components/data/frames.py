"""Typed pandas tables built once from a validated Dataset: the shape every query and chart reads."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from components.data import dates
from components.data.categories import (
    COOPERATION_STATUSES,
    DEAL_KINDS,
    DEAL_STATES,
    MEETING_STATUSES,
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
    meetings: pd.DataFrame
    participants: pd.DataFrame
    sidelines: pd.DataFrame
    series: pd.DataFrame


def _cat(values: list, categories) -> pd.Categorical:
    return pd.Categorical(values, categories=list(categories))


def _date_columns(prefix: str, values: list[str | None]) -> dict[str, object]:
    return {
        prefix: pd.to_datetime([dates.period_start(v) if v else None for v in values]),
        f"{prefix}_precision": _cat([dates.precision(v) if v else None for v in values], PRECISIONS),
        f"{prefix}_text": _text(values),
    }


def _first_url(sources: list[Source]) -> str:
    return sources[0].url if sources else ""


CURATED = "curated"
YOURS = "yours, not reviewed"  # a record uploaded or added in this browser session


def with_origin(frame: pd.DataFrame, uploaded: dict[str, str], *, key: str = "id") -> pd.DataFrame:
    """Add the `origin` column: whether each record is curated or the reader's own (by its id, or its meeting's)."""
    frame["origin"] = _text(YOURS if record_id in uploaded else CURATED for record_id in frame[key])
    return frame


def build_tables(dataset: Dataset) -> Tables:
    """Turn validated records into typed dataframes with derived pair, year, labels and each record's origin."""
    tables = _build_tables(dataset)
    for name in ("visits", "deals", "cooperation", "meetings"):
        with_origin(getattr(tables, name), dataset.uploaded)
    with_origin(tables.sidelines, dataset.uploaded, key="meeting_id")
    return tables


def _build_tables(dataset: Dataset) -> Tables:
    codes, sector_ids = list(dataset.countries), list(dataset.sectors)
    return Tables(
        visits=visits_table(dataset.visits, codes, sector_ids),
        deals=deals_table(dataset.deals, codes, sector_ids),
        status=status_table(dataset.deals),
        cooperation=cooperation_table(dataset.cooperation, sector_ids),
        sources=sources_table(
            {
                "visit": dataset.visits,
                "deal": dataset.deals,
                "cooperation": dataset.cooperation,
                "meeting": dataset.meetings,
                "sideline": sideline_records(dataset.meetings),
            }
        ),
        countries=countries_table(dataset),
        sectors=sectors_table(dataset),
        paths=paths_table(dataset.deals),
        meetings=meetings_table(dataset.meetings, dataset.series, codes, sector_ids),
        participants=participants_table(dataset.meetings, codes),
        sidelines=sidelines_table(dataset.meetings),
        series=series_table(dataset),
    )


def _text(values) -> pd.api.extensions.ExtensionArray:
    return pd.array(list(values), dtype="str")


def _summary(records) -> pd.api.extensions.ExtensionArray:
    """Summaries on one line: YAML folded text keeps the curator's line breaks."""
    return _text(" ".join(r.summary.split()) for r in records)


def _provenance(records) -> dict[str, object]:
    """The columns every record kind shares: note, how many sources, the first source's address."""
    return {
        "note": _text(r.note for r in records),
        "source_count": [len(r.sources) for r in records],
        "source_url": _text(_first_url(r.sources) for r in records),
    }


def visits_table(v: list, codes: list[str], sector_ids: list[str]) -> pd.DataFrame:
    visits = pd.DataFrame(
        {
            "id": _text(r.id for r in v),
            **_date_columns("start", [r.start_date for r in v]),
            **_date_columns("end", [r.end_date or r.start_date for r in v]),
            "dates": _text(dates.span_label(r.start_date, r.end_date) for r in v),
            "guest": _cat([r.guest_country for r in v], codes),
            "host": _cat([r.host_country for r in v], codes),
            "visitor": _text(r.visitor.name for r in v),
            "role": _cat([r.visitor.role for r in v], VISITOR_ROLES),
            "kind": _cat([r.kind for r in v], VISIT_KINDS),
            "cities": _text(", ".join(c.name for c in r.cities) for r in v),
            "lat": [r.cities[0].lat for r in v],
            "lon": [r.cities[0].lon for r in v],
            "sectors": [tuple(r.sectors) for r in v],
            "sector": _cat([r.sectors[0] if r.sectors else None for r in v], sector_ids),
            "outcomes": [tuple(r.outcomes) for r in v],
            "meeting": _text(r.meeting for r in v),
            "summary": _summary(v),
            **_provenance(v),
        }
    )
    visits["pair"] = _text(pair_key(g, h) for g, h in zip(visits.guest, visits.host, strict=True))
    visits["year"] = visits.start.dt.year.astype("int64")
    return visits


def deals_table(d: list, codes: list[str], sector_ids: list[str]) -> pd.DataFrame:
    points = [_deal_point(r) for r in d]
    deals = pd.DataFrame(
        {
            "id": _text(r.id for r in d),
            "title": _text(r.title for r in d),
            "parties": [tuple(r.parties) for r in d],
            "kind": _cat([r.kind for r in d], DEAL_KINDS),
            "sector": _cat([r.sector for r in d], sector_ids),
            **_date_columns("date", [r.signed or r.status[0].date for r in d]),
            "signed": [r.signed is not None for r in d],
            "status": _cat([r.status[-1].state for r in d], DEAL_STATES),
            "status_date": _text(r.status[-1].date for r in d),
            "value_usd": pd.array([r.value.usd if r.value else None for r in d], dtype="Float64"),
            "value_reported": _text(r.value.reported if r.value else None for r in d),
            "value_low": pd.array([r.value.low if r.value else None for r in d], dtype="Float64"),
            "value_high": pd.array([r.value.high if r.value else None for r in d], dtype="Float64"),
            "location": _text(r.location.name if r.location else None for r in d),
            "lat": pd.array([lat for lat, _ in points], dtype="Float64"),
            "lon": pd.array([lon for _, lon in points], dtype="Float64"),
            "has_path": [bool(r.location and r.location.path) for r in d],
            "signed_during": _text(r.signed_during for r in d),
            "summary": _summary(d),
            **_provenance(d),
        }
    )
    deals["pair"] = _text(pair_key(*p) for p in deals.parties)
    deals["year"] = deals.date.dt.year.astype("int64")
    return deals


def status_table(d: list) -> pd.DataFrame:
    """One row per step of every deal's status history."""
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
    return status


def cooperation_table(c: list, sector_ids: list[str]) -> pd.DataFrame:
    cooperation = pd.DataFrame(
        {
            "id": _text(r.id for r in c),
            "countries": [tuple(r.countries) for r in c],
            "sector": _cat([r.sector for r in c], sector_ids),
            "since": [r.since for r in c],
            "status": _cat([r.status for r in c], COOPERATION_STATUSES),
            "summary": _summary(c),
            "milestones": [tuple(r.milestones) for r in c],
            **_provenance(c),
        }
    )
    cooperation["pair"] = _text(pair_key(*r.countries) for r in c)
    cooperation["year"] = cooperation.since.astype("int64")
    return cooperation


def meetings_table(m: list, series: dict, codes: list[str], sector_ids: list[str]) -> pd.DataFrame:
    """One row per multilateral meeting; `countries` are those that attended (hosts too)."""
    meetings = pd.DataFrame(
        {
            "id": _text(r.id for r in m),
            "series": _cat([r.series for r in m], list(series)),
            "series_name": _text(series[r.series].name if r.series in series else r.series for r in m),
            "name": _text(r.name for r in m),
            **_date_columns("start", [r.start_date for r in m]),
            **_date_columns("end", [r.end_date or r.start_date for r in m]),
            "dates": _text(dates.span_label(r.start_date, r.end_date) for r in m),
            "host": _cat([r.host_country for r in m], codes),
            "city": _text(r.city.name if r.city else ("online" if r.online else None) for r in m),
            "lat": pd.array([r.city.lat if r.city else None for r in m], dtype="Float64"),
            "lon": pd.array([r.city.lon if r.city else None for r in m], dtype="Float64"),
            "online": [r.online for r in m],
            "status": _cat([r.status for r in m], MEETING_STATUSES),
            "status_note": _text(r.status_note for r in m),
            "countries": [tuple(dict.fromkeys(p.country for p in r.participants)) for r in m],
            "sectors": [tuple(r.sectors) for r in m],
            "outcomes": [tuple(r.outcomes) for r in m],
            "sideline_count": [len(r.sidelines) for r in m],
            "summary": _summary(m),
            **_provenance(m),
        }
    )
    meetings["year"] = meetings.start.dt.year.astype("int64")
    return meetings


def participants_table(m: list, codes: list[str]) -> pd.DataFrame:
    """Who came to each meeting, one row per person, with the meeting's date for ordering."""
    rows = [(r.id, r.start_date, p.country, p.name, p.role) for r in m for p in r.participants]
    frame = pd.DataFrame(rows, columns=["meeting_id", "date_text", "country", "name", "role"])
    frame["country"] = _cat(list(frame.country), codes)
    frame["role"] = _cat(list(frame.role), VISITOR_ROLES)
    return frame


@dataclass(frozen=True)
class SidelineRecord:
    """A sideline meeting with the id and date it is known by in the tables."""

    id: str
    meeting: object
    sideline: object

    @property
    def sources(self) -> list:
        return self.sideline.sources


def sideline_id(meeting_id: str, countries: list[str], taken: set[str]) -> str:
    """'<meeting>-ind-pak', numbered when the same two countries met twice there."""
    base = f"{meeting_id}-{'-'.join(sorted(c.lower() for c in countries))}"
    key, n = base, 2
    while key in taken:
        key, n = f"{base}-{n}", n + 1
    taken.add(key)
    return key


def sideline_records(m: list) -> list[SidelineRecord]:
    taken: set[str] = set()
    return [SidelineRecord(sideline_id(r.id, s.countries, taken), r, s) for r in m for s in r.sidelines]


def sidelines_table(m: list) -> pd.DataFrame:
    """One row per bilateral meeting held on the sidelines, dated by its own day or the meeting's start."""
    records = sideline_records(m)
    sides = [x.sideline for x in records]
    frame = pd.DataFrame(
        {
            "id": _text(x.id for x in records),
            "meeting_id": _text(x.meeting.id for x in records),
            "meeting": _text(x.meeting.name for x in records),
            "series": _text(x.meeting.series for x in records),
            "countries": [tuple(s.countries) for s in sides],
            **_date_columns("date", [s.date or x.meeting.start_date for x, s in zip(records, sides, strict=True)]),
            "people": _text(", ".join(s.people) for s in sides),
            "summary": _summary(sides),
            **_provenance(sides),
        }
    )
    frame["pair"] = _text(pair_key(*c) for c in frame.countries)
    frame["year"] = frame.date.dt.year.astype("int64")
    return frame


def series_table(dataset: Dataset) -> pd.DataFrame:
    rows = [(s.id, s.name, s.organisation, s.description) for s in dataset.series.values()]
    return pd.DataFrame(rows, columns=["id", "name", "organisation", "description"]).set_index("id", drop=False)


SOURCE_COLUMNS = ["record_id", "record_kind", "url", "publisher", "title", "published", "source_kind"]


def sources_table(records_by_kind: dict[str, list]) -> pd.DataFrame:
    """One row per source of every record, with the record it supports."""
    rows = [
        (r.id, kind, s.url, s.publisher, s.title, s.published, s.kind)
        for kind, records in records_by_kind.items()
        for r in records
        for s in r.sources
    ]
    return pd.DataFrame(rows, columns=SOURCE_COLUMNS)


def countries_table(dataset: Dataset) -> pd.DataFrame:
    columns = ["iso3", "name", "adjective", "group", "color", "capital", "lat", "lon"]
    rows = [
        (k.iso3, k.name, k.adjective, k.group, k.color, k.capital.name, k.capital.lat, k.capital.lon)
        for k in dataset.countries.values()
    ]
    return pd.DataFrame(rows, columns=columns).set_index("iso3", drop=False)


def sectors_table(dataset: Dataset) -> pd.DataFrame:
    rows = [(s.id, s.name, s.description) for s in dataset.sectors.values()]
    return pd.DataFrame(rows, columns=["id", "name", "description"]).set_index("id", drop=False)


def paths_table(d: list) -> pd.DataFrame:
    """The points of every route-shaped deal location, in order."""
    rows = [
        (r.id, n, p.name, p.lat, p.lon)
        for r in d
        if r.location and r.location.path
        for n, p in enumerate(r.location.path)
    ]
    return pd.DataFrame(rows, columns=["deal_id", "order", "name", "lat", "lon"])


def _deal_point(deal) -> tuple[float | None, float | None]:
    """A deal's marker: its point, or the middle point of its path."""
    loc = deal.location
    if loc is None:
        return None, None
    if loc.lat is not None:
        return loc.lat, loc.lon
    middle = loc.path[len(loc.path) // 2]
    return middle.lat, middle.lon
