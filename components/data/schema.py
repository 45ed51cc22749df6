"""Pydantic models for every record kind in data/: the one definition of what a record may hold."""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    WithJsonSchema,
    model_validator,
)

from components.data.categories import (
    COOPERATION_STATUSES,
    COUNTRY_GROUPS,
    DEAL_KINDS,
    DEAL_STATES,
    MEETING_STATUSES,
    SOURCE_KINDS,
    VISIT_KINDS,
    VISITOR_ROLES,
)

_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_SLUG_RE = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"


def normalise_partial_date(value: object) -> str:
    """Accept 2021, "2021", "2021-04", "2021-04-06" or a date; return the ISO text at its precision."""
    if isinstance(value, bool):
        raise ValueError("expected a date such as 2021-04-06, 2021-04 or 2021")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, int):
        value = str(value)
    if not isinstance(value, str):
        raise ValueError("expected a date such as 2021-04-06, 2021-04 or 2021")
    match = _DATE_RE.match(value.strip())
    if not match:
        raise ValueError(f"{value!r} is not a date in the form YYYY-MM-DD, YYYY-MM or YYYY")
    year, month, day = match.groups()
    # date() raises for month 13 or 31 February, which is the check we want.
    date(int(year), int(month or 1), int(day or 1))
    return value.strip()


PartialDate = Annotated[
    str,
    BeforeValidator(normalise_partial_date),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$"},
                {"type": "integer", "minimum": 1900, "maximum": 2100},
            ],
            "description": "ISO date at the precision the sources give: YYYY-MM-DD, YYYY-MM or YYYY.",
        }
    ),
]


def _http_url(value: str) -> str:
    if not re.match(r"^https?://[^\s/]+\.[^\s]+$", value):
        raise ValueError(f"{value!r} is not an http(s) address; only http:// and https:// links are allowed")
    return value


HttpUrl = Annotated[str, AfterValidator(_http_url), Field(pattern=r"^https?://")]
Iso3 = Annotated[str, Field(pattern=r"^[A-Z]{3}$", description="ISO 3166-1 alpha-3 code")]
Slug = Annotated[str, Field(pattern=_SLUG_RE, min_length=3, max_length=120)]
Text = Annotated[str, Field(min_length=1)]
Latitude = Annotated[float, Field(ge=-90, le=90)]
Longitude = Annotated[float, Field(ge=-180, le=180)]


class Strict(BaseModel):
    """Base for every model: unknown keys are mistakes, not extensions."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Source(Strict):
    url: HttpUrl = Field(
        description="Address of the page read, exactly as published (http or https only; no proxies or mirrors)."
    )
    publisher: Text = Field(
        description="Who published the page: a ministry, embassy, newspaper, wire or research body."
    )
    title: Text | None = Field(
        default=None, description="The page's own headline; left out when the curator did not see it."
    )
    published: PartialDate | None = Field(
        default=None, description="Date the page was published, at the precision it shows."
    )
    kind: Literal[SOURCE_KINDS] | None = Field(
        default=None, description="official (government, secretariat), news or research."
    )
    accessed: PartialDate | None = Field(default=None, description="Date a curator last opened the page.")


class Place(Strict):
    name: Text = Field(description="City or place name as commonly written in English.")
    lat: Latitude = Field(description="Latitude in decimal degrees.")
    lon: Longitude = Field(description="Longitude in decimal degrees.")


class PathPoint(Strict):
    name: str | None = Field(default=None, description="Optional name of the point (a city or station).")
    lat: Latitude = Field(description="Latitude in decimal degrees.")
    lon: Longitude = Field(description="Longitude in decimal degrees.")


class Location(Strict):
    """A project site: a single point, or a named route drawn through its points."""

    name: Text = Field(description="Name of the site or route.")
    lat: Latitude | None = Field(default=None, description="Latitude of a single site.")
    lon: Longitude | None = Field(default=None, description="Longitude of a single site.")
    path: list[PathPoint] | None = Field(
        description="Points along a pipeline, railway or corridor, in order.", default=None, min_length=2
    )

    @model_validator(mode="after")
    def _point_or_path(self) -> Location:
        has_point = self.lat is not None and self.lon is not None
        if not has_point and not self.path:
            raise ValueError("a location needs lat and lon, or a path of at least two points")
        if (self.lat is None) != (self.lon is None):
            raise ValueError("lat and lon go together")
        return self


class Visitor(Strict):
    name: Text = Field(description="The visitor's name as the sources give it.")
    role: Literal[VISITOR_ROLES] = Field(
        description="The visitor's level: head_of_state, head_of_government, foreign_minister, defence_minister, "
        "other_minister or other."
    )
    title: str | None = Field(default=None, description="The office as the sources name it.")


class Visit(Strict):
    id: Slug = Field(description="Stable slug: <guest>-<host>-<yyyy>-<mm>-<surname>.")
    start_date: PartialDate = Field(
        description="First day in the host country: YYYY-MM-DD, or YYYY-MM / YYYY when only that is known."
    )
    end_date: PartialDate | None = Field(
        default=None, description="Last day in the host country; omit for a one-day visit or when unknown."
    )
    guest_country: Iso3 = Field(description="ISO3 code of the visiting country.")
    host_country: Iso3 = Field(description="ISO3 code of the host country; differs from the guest.")
    visitor: Visitor = Field(description="Who travelled, and at what level.")
    cities: list[Place] = Field(description="Cities visited, first the main one; each with coordinates.", min_length=1)
    kind: Literal[VISIT_KINDS] = Field(
        description="state, official, working, summit (bilateral talks at a summit hosted by one of the two) or other."
    )
    summary: Text = Field(description="What happened, in the curator's own words.")
    sectors: list[Slug] = Field(description="Sector ids the talks touched (see sectors.yaml).", default_factory=list)
    outcomes: list[Slug] = Field(description="Ids of deals signed during the visit.", default_factory=list)
    sources: list[Source] = Field(
        description="Pages a curator read that confirm the visit; at least one.", min_length=1
    )
    meeting: Slug | None = Field(
        default=None, description="Id of the multilateral meeting during which the talks took place, if any."
    )
    note: str | None = Field(default=None, description="Disagreements between sources and other caveats.")


class Money(Strict):
    usd: float | None = Field(
        description="Value in US dollars of the time, when a source gives it or the conversion is plain.",
        default=None,
        ge=0,
    )
    reported: str | None = Field(default=None, description="The value as the source states it, currency and all.")
    low: float | None = Field(description="Lowest value where sources disagree.", default=None, ge=0)
    high: float | None = Field(description="Highest value where sources disagree.", default=None, ge=0)


class StatusStep(Strict):
    state: Literal[DEAL_STATES] = Field(
        description="announced, signed, in_force, under_construction, operational, delivered, stalled or cancelled."
    )
    date: PartialDate = Field(description="When the deal reached this state.")
    source: HttpUrl | None = Field(default=None, description="Address of the page that reports this step.")
    note: str | None = Field(default=None, description="What a reader should know about this step.")


class Deal(Strict):
    id: Slug = Field(description="Stable slug: <pair>-<yyyy>-<short-name>.")
    title: Text = Field(description="A short title in the curator's own words.")
    parties: list[Iso3] = Field(description="ISO3 codes of the parties: two or more.", min_length=2)
    kind: Literal[DEAL_KINDS] = Field(
        description="agreement, mou, contract, loan, credit_line, grant, project, joint_statement or other."
    )
    sector: Slug = Field(description="One sector id (see sectors.yaml).")
    signed: PartialDate | None = Field(
        default=None, description="Signing date; omit if never signed (the first status date is then used)."
    )
    value: Money | None = Field(default=None, description="The reported value, if any.")
    status: list[StatusStep] = Field(description="Status history, oldest first.", min_length=1)
    location: Location | None = Field(default=None, description="A site (lat, lon) or a route (path) for maps.")
    signed_during: Slug | None = Field(default=None, description="Id of the visit during which it was signed.")
    summary: Text = Field(description="What was agreed, in the curator's own words.")
    sources: list[Source] = Field(description="Pages a curator read that confirm the deal; at least one.", min_length=1)
    note: str | None = Field(default=None, description="Disagreements between sources and other caveats.")


class CooperationArea(Strict):
    id: Slug = Field(description="Stable slug: <pair>-<sector>.")
    countries: list[Iso3] = Field(description="The two countries' ISO3 codes.", min_length=2, max_length=2)
    sector: Slug = Field(description="One sector id (see sectors.yaml).")
    since: int = Field(description="Year the line of cooperation began.", ge=1900, le=2100)
    status: Literal[COOPERATION_STATUSES] = Field(description="active, proposed, stalled or ended.")
    summary: Text = Field(description="The cooperation in the curator's own words.")
    milestones: list[Slug] = Field(description="Ids of the visits and deals that mark it.", default_factory=list)
    sources: list[Source] = Field(description="Pages a curator read that confirm it; at least one.", min_length=1)
    note: str | None = Field(default=None, description="Disagreements between sources and other caveats.")


class Participant(Strict):
    country: Iso3 = Field(description="ISO3 code of the country the person represented.")
    name: Text = Field(description="Who attended, as the sources name them.")
    role: Literal[VISITOR_ROLES] = Field(description="Their level, in the same terms as a visitor's role.")


class Sideline(Strict):
    """Two leaders or ministers who met on the sidelines of a multilateral meeting."""

    countries: list[Iso3] = Field(min_length=2, max_length=2, description="The two countries' ISO3 codes.")
    date: PartialDate | None = Field(default=None, description="Day of the meeting, when the sources give it.")
    people: list[Text] = Field(default_factory=list, description="Who met, as the sources name them.")
    summary: Text = Field(description="What they discussed, in the curator's own words.")
    sources: list[Source] = Field(min_length=1, description="Pages a curator read that confirm the meeting.")
    note: str | None = Field(default=None, description="Disagreements between sources and other caveats.")


class Meeting(Strict):
    """One summit or ministerial of a named series, held or called off."""

    id: Slug = Field(description="Stable slug: <series>-<yyyy>-<host city>.")
    series: Slug = Field(description="Id of the series in series.yaml.")
    name: Text = Field(description="The meeting's usual name, e.g. 18th SAARC Summit.")
    start_date: PartialDate = Field(description="First day (or the day it was due, if called off).")
    end_date: PartialDate | None = Field(default=None, description="Last day; omit for one day or when unknown.")
    host_country: Iso3 | None = Field(default=None, description="ISO3 code of the host (of the chair, if online).")
    city: Place | None = Field(default=None, description="Where it met; omitted for a meeting held online.")
    online: bool = Field(default=False, description="True for a meeting held by video link.")
    status: Literal[MEETING_STATUSES] = Field(description="held, postponed or cancelled.")
    status_note: str | None = Field(default=None, description="Why it was postponed or cancelled.")
    participants: list[Participant] = Field(
        default_factory=list, description="Who came, country by country; an absent member is simply not listed."
    )
    summary: Text = Field(description="What the meeting was and what came of it, in the curator's own words.")
    sectors: list[Slug] = Field(default_factory=list, description="Sector ids the meeting dealt with.")
    outcomes: list[Slug] = Field(default_factory=list, description="Ids of deals signed there.")
    sidelines: list[Sideline] = Field(default_factory=list, description="Bilateral meetings held there.")
    sources: list[Source] = Field(min_length=1, description="Pages a curator read that confirm it; at least one.")
    note: str | None = Field(default=None, description="Disagreements between sources and other caveats.")

    @model_validator(mode="after")
    def _called_off_says_why(self) -> Meeting:
        if self.status != "held" and not self.status_note:
            raise ValueError(f"a {self.status} meeting needs a status_note saying why")
        return self


class Member(Strict):
    country: Iso3 = Field(description="ISO3 code of the member.")
    joined: int = Field(ge=1900, le=2100, description="Year it joined.")
    left: int | None = Field(default=None, ge=1900, le=2100, description="Year it left, if it did.")
    observer: bool = Field(default=False, description="True for an observer or dialogue partner, not a member.")


class Series(Strict):
    """A named series of multilateral meetings: SAARC summits, SCO heads of state, the Quad, ..."""

    id: Slug = Field(description="Slug that meetings name in their series field.")
    name: Text = Field(description="Display name, e.g. SAARC Summit.")
    organisation: Text = Field(description="The organisation or format behind it.")
    members: list[Member] = Field(default_factory=list, description="Members and observers, with the year each joined.")
    description: Text = Field(description="What the series is, in a sentence or two.")


class Country(Strict):
    iso3: Iso3 = Field(description="ISO 3166-1 alpha-3 code.")
    name: Text = Field(description="Short English name.")
    group: Literal[COUNTRY_GROUPS] = Field(
        description="south_asia (the eight), great_power (Russia, China, the United States), partner (other "
        "outside partners), or other (countries that appear only as hosts or guests of multilateral meetings)."
    )
    capital: Place = Field(description="The capital, where visit arcs start on maps.")
    color: Annotated[
        str,
        Field(description="Fixed display colour (#RRGGBB, colour-blind-safe palette).", pattern=r"^#[0-9A-Fa-f]{6}$"),
    ]
    adjective: Text = Field(description="Adjective for the country, e.g. Pakistani.")


class Sector(Strict):
    id: Slug = Field(description="Slug used by records.")
    name: Text = Field(description="Display name.")
    description: Text = Field(description="What the sector covers.")


class Gap(Strict):
    """A curator's note on what is known to be missing, for a country pair or a series of meetings."""

    pair: list[Iso3] | None = Field(
        default=None, min_length=2, max_length=2, description="The two countries' ISO3 codes."
    )
    series: Slug | None = Field(default=None, description="A series of multilateral meetings, from series.yaml.")
    gap: Text = Field(description="What is known to be missing, in the curator's words.")

    @model_validator(mode="after")
    def _names_what_it_is_about(self) -> Gap:
        if (self.pair is None) == (self.series is None):
            raise ValueError("a gap names either a pair or a series")
        return self


class DatasetInfo(Strict):
    title: Text = Field(description="The dataset's name.")
    version: Text = Field(description="Version shown on every chart, export and citation.")
    updated: PartialDate = Field(description="Date of the last curation.")
    licence: Text = Field(description="Licence of the data.")
    maintainers: Text = Field(description="Who curates the data.")
    citation_name: Text = Field(description="Name to cite the dataset by.")


RECORD_MODELS: dict[str, type[Strict]] = {
    "visits": Visit,
    "deals": Deal,
    "cooperation": CooperationArea,
    "meetings": Meeting,
}
