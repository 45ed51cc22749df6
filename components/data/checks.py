"""Checks that span records and files: unique ids, known codes, references that resolve, sane dates."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from components.data.dates import period_end, period_start
from components.data.yamlfile import Problem

if TYPE_CHECKING:
    from components.data.loading import Located
    from components.data.schema import Country, Sector


def cross_check(
    located: dict[str, list[Located]],
    countries: dict[str, Country],
    sectors: dict[str, Sector],
    problems: list[Problem],
) -> set[int]:
    """Append a problem for every broken cross-reference; return the ids (id()) of records to leave out."""
    rejected: set[int] = set()

    def report(item: Located, loc: tuple[Any, ...], message: str) -> None:
        line = item.file.line_of(item.index, loc)
        problems.append(Problem(item.file.display, line, item.record.id, ".".join(map(str, loc)), message))
        rejected.add(id(item))

    seen: dict[str, Located] = {}
    for item in (i for items in located.values() for i in items):
        first = seen.setdefault(item.record.id, item)
        if first is not item:
            where = f"{first.file.display}:{first.line}"
            report(item, ("id",), f"duplicate id; already used at {where}")

    visit_ids = {i.record.id for i in located["visits"]}
    deal_ids = {i.record.id for i in located["deals"]}

    def check_codes(item: Located, loc: tuple[Any, ...], codes: Iterable[str]) -> None:
        for n, code in enumerate(codes):
            if code not in countries:
                report(item, (*loc, n), f"unknown country code {code!r}")

    def check_sector(item: Located, loc: tuple[Any, ...], sector: str) -> None:
        if sector not in sectors:
            report(item, loc, f"unknown sector {sector!r}")

    for item in located["visits"]:
        visit = item.record
        for key in ("guest_country", "host_country"):
            if getattr(visit, key) not in countries:
                report(item, (key,), f"unknown country code {getattr(visit, key)!r}")
        if visit.guest_country == visit.host_country:
            report(item, ("host_country",), "guest and host are the same country")
        for n, sector in enumerate(visit.sectors):
            check_sector(item, ("sectors", n), sector)
        for n, deal_id in enumerate(visit.outcomes):
            if deal_id not in deal_ids:
                report(item, ("outcomes", n), f"no deal has id {deal_id!r}")
        if visit.end_date and period_end(visit.end_date) < period_start(visit.start_date):
            report(item, ("end_date",), f"ends ({visit.end_date}) before it starts ({visit.start_date})")

    for item in located["deals"]:
        deal = item.record
        check_codes(item, ("parties",), deal.parties)
        if len(set(deal.parties)) != len(deal.parties):
            report(item, ("parties",), "a country is listed twice")
        check_sector(item, ("sector",), deal.sector)
        if deal.signed_during and deal.signed_during not in visit_ids:
            report(item, ("signed_during",), f"no visit has id {deal.signed_during!r}")
        previous = None
        for n, step in enumerate(deal.status):
            if previous and period_end(step.date) < period_start(previous):
                report(item, ("status", n, "date"), f"{step.date} comes before the step above it ({previous})")
            previous = step.date

    for item in located["cooperation"]:
        area = item.record
        check_codes(item, ("countries",), area.countries)
        if len(set(area.countries)) != 2:
            report(item, ("countries",), "needs two different countries")
        check_sector(item, ("sector",), area.sector)
        for n, ref in enumerate(area.milestones):
            if ref not in visit_ids and ref not in deal_ids:
                report(item, ("milestones", n), f"no visit or deal has id {ref!r}")

    return rejected
