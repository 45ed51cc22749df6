"""Questions the pages ask of the tables: headline counts, latest events, records by pair and sector."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from components.data.categories import SOUTH_ASIA
from components.data.dates import label
from components.data.frames import Tables
from components.data.pair_keys import pair_key


def deal_partner(parties: tuple[str, ...]) -> str:
    """The outside power in a deal when there is exactly one; otherwise the parties as a pair name."""
    outside = [c for c in parties if c not in SOUTH_ASIA]
    return outside[0] if len(outside) == 1 else pair_key(*parties)


@dataclass(frozen=True)
class Headline:
    visits: int
    deals: int
    cooperation: int
    value_usd: float
    deals_without_value: int
    countries: int
    sectors: int
    sources: int
    meetings: int = 0
    sidelines: int = 0


def headline(view: Tables) -> Headline:
    """The numbers at the top of the overview, for whatever the filters selected."""
    codes = (
        set(view.visits.guest.astype("str"))
        | set(view.visits.host.astype("str"))
        | {c for p in view.deals.parties for c in p}
        | {c for p in view.cooperation.countries for c in p}
    )
    sectors = (
        {s for ss in view.visits.sectors for s in ss}
        | set(view.deals.sector.astype("str"))
        | set(view.cooperation.sector.astype("str"))
    )
    return Headline(
        visits=len(view.visits),
        deals=len(view.deals),
        cooperation=len(view.cooperation),
        value_usd=float(view.deals.value_usd.sum()),
        deals_without_value=int(view.deals.value_usd.isna().sum()),
        countries=len(codes),
        sectors=len(sectors),
        sources=view.sources.url.nunique(),
        meetings=len(view.meetings),
        sidelines=len(view.sidelines),
    )


def records_by_pair_sector(visits: pd.DataFrame, deals: pd.DataFrame, cooperation: pd.DataFrame) -> pd.DataFrame:
    """Long table kind × pair × sector × records. A visit counts once in each of its sectors."""
    parts = [
        visits[["pair", "sectors"]]
        .explode("sectors")
        .dropna()
        .rename(columns={"sectors": "sector"})
        .assign(kind="visit"),
        deals[["pair", "sector"]].astype({"sector": "str"}).assign(kind="deal"),
        cooperation[["pair", "sector"]].astype({"sector": "str"}).assign(kind="cooperation"),
    ]
    parts = [p for p in parts if not p.empty]
    if not parts:
        return pd.DataFrame(columns=["kind", "pair", "sector", "records"])
    rows = pd.concat(parts, ignore_index=True)
    return rows.groupby(["kind", "pair", "sector"]).size().rename("records").reset_index()


def latest_events(view: Tables, names: dict[str, str], limit: int = 10) -> pd.DataFrame:
    """Visits, deals and meetings together, newest first: date, kind, one line of what happened, record id."""
    visits = pd.DataFrame(
        {
            "date": view.visits.start,
            "Date": view.visits.dates,
            "Kind": "Visit",
            "What": [
                f"{v} ({names.get(g, g)}) in {c}"
                for v, g, c in zip(view.visits.visitor, view.visits.guest, view.visits.cities, strict=True)
            ],
            "id": view.visits.id,
        }
    )
    deals = pd.DataFrame(
        {
            "date": view.deals.date,
            "Date": view.deals.date_text.map(label),
            "Kind": "Deal",
            "What": view.deals.title,
            "id": view.deals.id,
        }
    )
    meetings = pd.DataFrame(
        {
            "date": view.meetings.start,
            "Date": view.meetings.dates,
            "Kind": "Meeting",
            "What": [
                f"{n} ({s})" if s != "held" else str(n)
                for n, s in zip(view.meetings.name, view.meetings.status.astype("str"), strict=True)
            ],
            "id": view.meetings.id,
        }
    )
    frames = [f for f in (visits, deals, meetings) if not f.empty]
    both = pd.concat(frames, ignore_index=True) if frames else visits
    return both.sort_values("date", ascending=False).head(limit).drop(columns="date").reset_index(drop=True)


# Each kind of record a reader can open, and the table that holds it.
RECORD_TABLES = {
    "visit": "visits",
    "deal": "deals",
    "cooperation": "cooperation",
    "meeting": "meetings",
    "sideline": "sidelines",
}


def record_kind(tables: Tables, record_id: str) -> str | None:
    """'visit', 'deal', 'cooperation', 'meeting' or 'sideline' for a known id, else None."""
    for kind, table in RECORD_TABLES.items():
        if (getattr(tables, table).id == record_id).any():
            return kind
    return None


def record_row(tables: Tables, record_id: str) -> pd.Series | None:
    """The table row of a record, whatever its kind."""
    kind = record_kind(tables, record_id)
    if kind is None:
        return None
    frame = getattr(tables, RECORD_TABLES[kind])
    return frame[frame.id == record_id].iloc[0]


@dataclass(frozen=True)
class Related:
    """The chain around a record: the visit it came from, the deals it produced, the areas it belongs to."""

    visits: pd.DataFrame
    deals: pd.DataFrame
    cooperation: pd.DataFrame


def related(tables: Tables, record_id: str) -> Related:
    """Records linked to `record_id` in either direction (outcomes, signed_during, milestones)."""
    visits, deals = tables.visits, tables.deals
    deal_ids: set[str] = set()
    visit_ids: set[str] = set()
    visit = visits[visits.id == record_id]
    if not visit.empty:
        deal_ids |= set(visit.iloc[0].outcomes) | set(deals.id[deals.signed_during == record_id])
    deal = deals[deals.id == record_id]
    if not deal.empty and isinstance(deal.iloc[0].signed_during, str):
        visit_ids.add(deal.iloc[0].signed_during)
    if not deal.empty:
        visit_ids |= set(visits.id[[record_id in o for o in visits.outcomes]])
    area = tables.cooperation[tables.cooperation.id == record_id]
    if not area.empty:
        milestones = set(area.iloc[0].milestones)
        visit_ids |= milestones & set(visits.id)
        deal_ids |= milestones & set(deals.id)
    areas = tables.cooperation[[record_id in m for m in tables.cooperation.milestones]]
    return Related(
        visits=visits[visits.id.isin(visit_ids)].sort_values("start"),
        deals=deals[deals.id.isin(deal_ids)].sort_values("date"),
        cooperation=areas,
    )


def latest_record_ids(view: Tables) -> list[str]:
    """Ids of the visits, deals and cooperation areas in a view, the latest first: what a slide of it cites."""
    dated = pd.concat(
        [
            pd.DataFrame({"id": view.visits.id, "year": view.visits.year, "date": view.visits.start_text}),
            pd.DataFrame({"id": view.deals.id, "year": view.deals.year, "date": view.deals.date_text}),
            pd.DataFrame({"id": view.cooperation.id, "year": view.cooperation.year, "date": ""}),
        ]
    )
    return list(dated.sort_values(["year", "date"], ascending=False, kind="stable").id)
