"""Everything between two countries: summary figures, facts computed from the records, the visit → deal chain."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date

import pandas as pd

from components.data.categories import DEAL_STATES, ROLE_LABELS, STATE_LABELS
from components.data.dates import label
from components.data.filters import Filters, apply_filters
from components.data.frames import Tables
from components.data.pair_keys import PAIR_SEPARATOR, pair_key

PERIOD_YEARS = 5


def check_pair(codes: set[str], a: str | None, b: str | None) -> str | None:
    """A message saying what is wrong with the requested pair, or None when it can be shown."""
    unknown = [c for c in (a, b) if c and c not in codes]
    if unknown:
        return "Unknown country code: " + ", ".join(f"“{c}”" for c in unknown) + ". Use ISO3 codes such as PAK, RUS."
    if not a or not b:
        return "Choose two countries."
    if a == b:
        return "Choose two different countries."
    return None


def pair_tables(tables: Tables, a: str, b: str, filters: Filters | None = None) -> Tables:
    """The pair's records, narrowed by the other shared filters (years, sectors, roles, statuses)."""
    base = filters or Filters()
    return apply_filters(tables, replace(base, pair=(a, b), countries=()))


@dataclass(frozen=True)
class PairSummary:
    a: str
    b: str
    records: int
    first_contact: str | None
    latest_contact: str | None
    visits_ab: int
    visits_ba: int
    levels_ab: dict[str, int]
    levels_ba: dict[str, int]
    deals: int
    deals_by_status: dict[str, int]
    value_usd: float
    deals_without_value: int
    cooperation: int
    top_sectors: list[tuple[str, int]] = field(default_factory=list)
    sidelines: int = 0  # bilateral meetings on a summit's sidelines
    meetings: int = 0  # multilateral meetings both attended


def _dated(view: Tables) -> pd.DataFrame:
    return pd.concat(
        [
            view.visits[["start", "start_text"]].set_axis(["when", "text"], axis=1),
            view.deals[["date", "date_text"]].set_axis(["when", "text"], axis=1),
            view.sidelines[["date", "date_text"]].set_axis(["when", "text"], axis=1),
        ],
        ignore_index=True,
    ).sort_values("when")


def summarise(view: Tables, a: str, b: str) -> PairSummary:
    """Header figures for a pair: contacts, visits each way and by level, deals by status, value, sectors."""
    visits, deals = view.visits, view.deals
    ab = visits[(visits.guest == a) & (visits.host == b)]
    ba = visits[(visits.guest == b) & (visits.host == a)]
    dated = _dated(view)
    sectors = Counter(s for ss in visits.sectors for s in ss)
    sectors.update(deals.sector.astype("str"))
    sectors.update(view.cooperation.sector.astype("str"))
    by_status = deals.status.astype("str").value_counts()
    return PairSummary(
        a=a,
        b=b,
        records=len(visits) + len(deals) + len(view.cooperation) + len(view.sidelines),
        first_contact=dated.text.iloc[0] if len(dated) else None,
        latest_contact=dated.text.iloc[-1] if len(dated) else None,
        visits_ab=len(ab),
        visits_ba=len(ba),
        levels_ab={k: int(v) for k, v in ab.role.astype("str").value_counts().items()},
        levels_ba={k: int(v) for k, v in ba.role.astype("str").value_counts().items()},
        deals=len(deals),
        deals_by_status={s: int(by_status[s]) for s in DEAL_STATES if s in by_status},
        value_usd=float(deals.value_usd.sum()),
        deals_without_value=int(deals.value_usd.isna().sum()),
        cooperation=len(view.cooperation),
        top_sectors=sectors.most_common(3),
        sidelines=len(view.sidelines),
        meetings=len(view.meetings),
    )


@dataclass(frozen=True)
class Fact:
    """A sentence computed from records, with the ids of the records that support it."""

    text: str
    record_ids: tuple[str, ...]


def facts(
    view: Tables,
    a: str,
    b: str,
    *,
    names: dict[str, str],
    adjectives: dict[str, str],
    today: date,
    min_gap: int = 3,
) -> list[Fact]:
    """Short statements the records support: long gaps between visits, no top-level visit since, deal outcomes."""
    out: list[Fact] = []
    visits = view.visits.sort_values("start")
    for guest, host in ((a, b), (b, a)):
        one_way = visits[(visits.guest == guest) & (visits.host == host)]
        for role, group in one_way.groupby("role", observed=True):
            role_name = ROLE_LABELS[role].lower()
            latest = group.iloc[-1]
            if len(group) >= 2:
                previous = group.iloc[-2]
                gap = int(latest.year) - int(previous.year)
                if gap >= min_gap:
                    out.append(
                        Fact(
                            f"{latest.visitor}'s visit ({label(latest.start_text)}) was the first by "
                            f"{_article(adjectives.get(guest, guest))} {role_name} to {names.get(host, host)} since "
                            f"{previous.year}.",
                            (str(previous.id), str(latest.id)),
                        )
                    )
            if role in ("head_of_state", "head_of_government") and today.year - int(latest.year) >= 5:
                out.append(
                    Fact(
                        f"No {adjectives.get(guest, guest)} {role_name} has visited {names.get(host, host)} since "
                        f"{label(latest.start_text)} ({latest.visitor}).",
                        (str(latest.id),),
                    )
                )
    deals = view.deals
    if len(deals):
        troubled = deals[deals.status.isin(["stalled", "cancelled"])]
        if len(troubled):
            out.append(
                Fact(
                    f"{len(troubled)} of {len(deals)} recorded deals are stalled or cancelled today.",
                    tuple(troubled.id),
                )
            )
        valued = deals.dropna(subset=["value_usd"])
        if len(valued):
            top = valued.loc[valued.value_usd.astype(float).idxmax()]
            out.append(
                Fact(
                    f"The largest reported deal is “{top.title}” ({top.value_reported or _usd(top.value_usd)}, "
                    f"{label(top.date_text)}), {STATE_LABELS[top.status].lower()} as of {label(top.status_date)}.",
                    (str(top.id),),
                )
            )
    sides = view.sidelines.sort_values("date")
    if len(sides):
        last = sides.iloc[-1]
        out.append(
            Fact(
                f"{names.get(a, a)} and {names.get(b, b)} last met on the sidelines of a summit at the "
                f"{last.meeting} ({label(last.date_text)}: {last.people}); {len(sides)} such meeting(s) recorded.",
                (str(last.id),),
            )
        )
    for guest, host in ((a, b), (b, a)):
        if not len(visits[(visits.guest == guest) & (visits.host == host)]) and len(visits):
            out.append(Fact(f"No visit from {names.get(guest, guest)} to {names.get(host, host)} is recorded.", ()))
    return out


def _article(word: str) -> str:
    return f"an {word}" if word[:1].upper() in "AEIOU" else f"a {word}"


def _usd(value: float) -> str:
    return f"US$ {value / 1e9:.2f} bn" if value >= 1e9 else f"US$ {value / 1e6:.0f} m"


@dataclass(frozen=True)
class Chain:
    """A visit and the deals signed during it, each with its status history to today."""

    visit: pd.Series
    deals: list[tuple[pd.Series, pd.DataFrame]]


def visit_chains(view: Tables) -> list[Chain]:
    """For every visit with outcomes: the deals it produced and where each stands (oldest visit first)."""
    deals = view.deals.set_index("id", drop=False)
    chains = []
    for _, visit in view.visits.sort_values("start").iterrows():
        ids = list(visit.outcomes) + [
            d for d in deals.index[deals.signed_during == visit.id] if d not in visit.outcomes
        ]
        linked = [
            (deals.loc[d], view.status[view.status.deal_id == d].sort_values("step")) for d in ids if d in deals.index
        ]
        if linked:
            chains.append(Chain(visit, linked))
    return chains


def time_span(years: list[int], *, today: date, years_filter: tuple[int, int] | None = None) -> tuple[int, int]:
    """First and last year a pair's time axes show: the years filter if set, else the years with visits or
    deals, running to this year."""
    if years_filter:
        return years_filter[0], min(years_filter[1], today.year)
    if not years:
        return today.year - 10, today.year
    return min(years), max(max(years), today.year)


def yearly_activity(view: Tables, a: str, b: str) -> pd.DataFrame:
    """Year × series counts: visits a→b, visits b→a, deals signed."""
    visits = view.visits
    series = {
        f"{a}→{b}": visits[(visits.guest == a) & (visits.host == b)].groupby("year").size(),
        f"{b}→{a}": visits[(visits.guest == b) & (visits.host == a)].groupby("year").size(),
        "deals": view.deals.groupby("year").size(),
    }
    table = pd.DataFrame(series).fillna(0).astype(int)
    table.index.name = "year"
    return table.sort_index()


def sector_profile(view: Tables, period_years: int = PERIOD_YEARS) -> pd.DataFrame:
    """Records per sector in periods of `period_years` (2000–2004, 2005–2009, ...)."""
    rows = [(year, s) for year, ss in zip(view.visits.year, view.visits.sectors, strict=True) for s in ss]
    rows += list(zip(view.deals.year, view.deals.sector.astype("str"), strict=True))
    rows += list(zip(view.cooperation.since, view.cooperation.sector.astype("str"), strict=True))
    if not rows:
        return pd.DataFrame(columns=["period", "sector", "records"])
    frame = pd.DataFrame(rows, columns=["year", "sector"])
    start = frame.year // period_years * period_years
    frame["period"] = [f"{s}–{s + period_years - 1}" for s in start]
    return frame.groupby(["period", "sector"]).size().rename("records").reset_index()


def nearest_pairs(tables: Tables, a: str, b: str, limit: int = 6) -> list[tuple[str, int]]:
    """Pairs with records that share a country with (a, b), busiest first: where to look instead."""
    counts = Counter(list(tables.visits.pair) + list(tables.deals.pair) + list(tables.cooperation.pair))
    wanted = {a, b}
    near = [(p, n) for p, n in counts.items() if wanted & set(p.split(PAIR_SEPARATOR)) and p != pair_key(a, b)]
    return sorted(near, key=lambda item: (-item[1], item[0]))[:limit]
