"""Checks that span records and files: unique ids, known codes, references that resolve, sane dates."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from components.data.dates import period_end, period_start
from components.data.yamlfile import Problem

if TYPE_CHECKING:
    from components.data.loading import Located
    from components.data.schema import CooperationArea, Country, Deal, Meeting, Sector, Series, Visit

Finding = tuple[tuple[Any, ...], str]


@dataclass(frozen=True)
class Known:
    """What a record may refer to: country codes, sectors, and the ids of each record kind."""

    countries: Mapping[str, Country]
    sectors: Mapping[str, Sector]
    ids: Mapping[str, set[str]]
    today: date
    series: Mapping[str, Series]


def _codes(loc: tuple[Any, ...], codes: Iterable[str], known: Known) -> Iterator[Finding]:
    for n, code in enumerate(codes):
        if code not in known.countries:
            yield (*loc, n), f"unknown country code {code!r}"


def _sector(loc: tuple[Any, ...], sector: str, known: Known) -> Iterator[Finding]:
    if sector not in known.sectors:
        yield loc, f"unknown sector {sector!r}"


def _not_future(loc: tuple[Any, ...], value: str | int | None, known: Known, hint: str = "") -> Iterator[Finding]:
    if value and period_start(str(value)) > known.today:
        yield loc, f"{value} is after today ({known.today.isoformat()}){hint}"


def _source_dates(
    record: Visit | Deal | CooperationArea | Meeting, known: Known, base: tuple = ()
) -> Iterator[Finding]:
    for n, source in enumerate(record.sources):
        yield from _not_future((*base, "sources", n, "published"), source.published, known)
        yield from _not_future((*base, "sources", n, "accessed"), source.accessed, known)


def _visit_countries(visit: Visit, known: Known) -> Iterator[Finding]:
    for key in ("guest_country", "host_country"):
        if getattr(visit, key) not in known.countries:
            yield (key,), f"unknown country code {getattr(visit, key)!r}"
    if visit.guest_country == visit.host_country:
        yield ("host_country",), "guest and host are the same country"


def _visit_sectors(visit: Visit, known: Known) -> Iterator[Finding]:
    for n, sector in enumerate(visit.sectors):
        yield from _sector(("sectors", n), sector, known)


def _visit_outcomes(visit: Visit, known: Known) -> Iterator[Finding]:
    for n, deal_id in enumerate(visit.outcomes):
        if deal_id not in known.ids["deals"]:
            yield ("outcomes", n), f"no deal has id {deal_id!r}"


def _visit_meeting(visit: Visit, known: Known) -> Iterator[Finding]:
    if visit.meeting and visit.meeting not in known.ids["meetings"]:
        yield ("meeting",), f"no multilateral meeting has id {visit.meeting!r}"


def _visit_span(visit: Visit, known: Known) -> Iterator[Finding]:
    if visit.end_date and period_end(visit.end_date) < period_start(visit.start_date):
        yield ("end_date",), f"ends ({visit.end_date}) before it starts ({visit.start_date})"


def _visit_not_future(visit: Visit, known: Known) -> Iterator[Finding]:
    yield from _not_future(("start_date",), visit.start_date, known)
    yield from _not_future(("end_date",), visit.end_date, known)


def _deal_parties(deal: Deal, known: Known) -> Iterator[Finding]:
    yield from _codes(("parties",), deal.parties, known)
    if len(set(deal.parties)) != len(deal.parties):
        yield ("parties",), "a country is listed twice"


def _deal_sector(deal: Deal, known: Known) -> Iterator[Finding]:
    yield from _sector(("sector",), deal.sector, known)


def _deal_visit(deal: Deal, known: Known) -> Iterator[Finding]:
    if deal.signed_during and deal.signed_during not in known.ids["visits"]:
        yield ("signed_during",), f"no visit has id {deal.signed_during!r}"


def _deal_status_order(deal: Deal, known: Known) -> Iterator[Finding]:
    previous = None
    for n, step in enumerate(deal.status):
        if previous and period_end(step.date) < period_start(previous):
            yield ("status", n, "date"), f"{step.date} comes before the step above it ({previous})"
        previous = step.date


def _deal_not_future(deal: Deal, known: Known) -> Iterator[Finding]:
    yield from _not_future(("signed",), deal.signed, known)
    for n, step in enumerate(deal.status):
        if step.state != "announced":  # an announced deal may name the date it is due
            hint = "; only an 'announced' step may be dated ahead"
            yield from _not_future(("status", n, "date"), step.date, known, hint)


def _area_countries(area: CooperationArea, known: Known) -> Iterator[Finding]:
    yield from _codes(("countries",), area.countries, known)
    if len(set(area.countries)) != 2:
        yield ("countries",), "needs two different countries"


def _area_sector(area: CooperationArea, known: Known) -> Iterator[Finding]:
    yield from _sector(("sector",), area.sector, known)


def _area_milestones(area: CooperationArea, known: Known) -> Iterator[Finding]:
    for n, ref in enumerate(area.milestones):
        if ref not in known.ids["visits"] and ref not in known.ids["deals"]:
            yield ("milestones", n), f"no visit or deal has id {ref!r}"


def _area_not_future(area: CooperationArea, known: Known) -> Iterator[Finding]:
    yield from _not_future(("since",), area.since, known)


def _meeting_series(meeting: Meeting, known: Known) -> Iterator[Finding]:
    if meeting.series not in known.series:
        yield ("series",), f"unknown series {meeting.series!r} (series.yaml lists them)"


def _meeting_countries(meeting: Meeting, known: Known) -> Iterator[Finding]:
    if meeting.host_country is not None:
        yield from _codes(("host_country",), [meeting.host_country], known)
    for n, person in enumerate(meeting.participants):
        if person.country not in known.countries:
            yield ("participants", n, "country"), f"unknown country code {person.country!r}"
    for n, side in enumerate(meeting.sidelines):
        yield from _codes(("sidelines", n, "countries"), side.countries, known)
        if len(set(side.countries)) != 2:
            yield ("sidelines", n, "countries"), "needs two different countries"


def _meeting_members(meeting: Meeting, known: Known) -> Iterator[Finding]:
    """A participant from outside the series' membership needs a note saying why it came."""
    series = known.series.get(meeting.series)
    if series is None or meeting.note:
        return
    year = period_start(meeting.start_date).year
    members = {m.country for m in series.members if m.joined <= year and (m.left is None or m.left >= year)}
    for n, person in enumerate(meeting.participants):
        if person.country not in members:
            message = f"{person.country} is not a member or observer of {series.name} in {year}; add a note why it came"
            yield ("participants", n, "country"), message


def _meeting_sectors_and_outcomes(meeting: Meeting, known: Known) -> Iterator[Finding]:
    for n, sector in enumerate(meeting.sectors):
        yield from _sector(("sectors", n), sector, known)
    for n, deal_id in enumerate(meeting.outcomes):
        if deal_id not in known.ids["deals"]:
            yield ("outcomes", n), f"no deal has id {deal_id!r}"


def _meeting_dates(meeting: Meeting, known: Known) -> Iterator[Finding]:
    if meeting.end_date and period_end(meeting.end_date) < period_start(meeting.start_date):
        yield ("end_date",), f"ends ({meeting.end_date}) before it starts ({meeting.start_date})"
    if meeting.status == "held":  # a postponed or cancelled meeting may name the date it was due
        hint = "; only a postponed or cancelled meeting may be dated ahead"
        yield from _not_future(("start_date",), meeting.start_date, known, hint)
        yield from _not_future(("end_date",), meeting.end_date, known, hint)
    for n, side in enumerate(meeting.sidelines):
        yield from _not_future(("sidelines", n, "date"), side.date, known)
        yield from _source_dates(side, known, ("sidelines", n))


# One row per record kind; a new kind adds its row. Checks run in this order for each record.
CHECKS: dict[str, tuple[Callable[[Any, Known], Iterator[Finding]], ...]] = {
    "visits": (
        _visit_countries,
        _visit_sectors,
        _visit_outcomes,
        _visit_meeting,
        _visit_span,
        _visit_not_future,
        _source_dates,
    ),
    "deals": (_deal_parties, _deal_sector, _deal_visit, _deal_status_order, _deal_not_future, _source_dates),
    "cooperation": (_area_countries, _area_sector, _area_milestones, _area_not_future, _source_dates),
    "meetings": (
        _meeting_series,
        _meeting_countries,
        _meeting_members,
        _meeting_sectors_and_outcomes,
        _meeting_dates,
        _source_dates,
    ),
}


def _duplicate_ids(located: dict[str, list[Located]], taken: Mapping[str, str]) -> Iterator[tuple[Located, Finding]]:
    seen: dict[str, Located] = {}
    for item in (i for items in located.values() for i in items):
        if item.record.id in taken:
            yield item, (("id",), f"duplicate id; already used by the record in {taken[item.record.id]}")
            continue
        first = seen.setdefault(item.record.id, item)
        if first is not item:
            yield item, (("id",), f"duplicate id; already used at {first.file.display}:{first.line}")


def cross_check(
    located: dict[str, list[Located]],
    countries: dict[str, Country],
    sectors: dict[str, Sector],
    series: dict[str, Series],
    problems: list[Problem],
    today: date,
    *,
    taken: Mapping[str, Mapping[str, str]] | None = None,
) -> set[int]:
    """Append a problem for every broken cross-reference; return the ids (id()) of records to leave out.

    `taken` holds records checked before (the curated data, when records are added to it): for each kind, id →
    the file it is in. The located records may refer to them, and may not reuse their ids."""
    taken = taken or {}
    ids = {kind: {i.record.id for i in items} | set(taken.get(kind, {})) for kind, items in located.items()}
    known = Known(countries, sectors, ids, today, series)
    findings = [*_duplicate_ids(located, {i: f for files in taken.values() for i, f in files.items()})]
    for kind, items in located.items():
        findings += [(item, found) for item in items for check in CHECKS[kind] for found in check(item.record, known)]
    for item, (loc, message) in findings:
        line, column = item.file.line_of(item.index, loc), item.file.column_of(item.index, loc)
        problems.append(Problem(item.file.display, line, item.record.id, ".".join(map(str, loc)), message, column))
    return {id(item) for item, _ in findings}
