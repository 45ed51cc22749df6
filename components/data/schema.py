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
    DEAL_KINDS,
    DEAL_STATES,
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
    url: HttpUrl
    publisher: Text
    # The page's own headline; left out when the curator did not see it (never made from the URL).
    title: Text | None = None
    published: PartialDate | None = None
    kind: Literal[SOURCE_KINDS] | None = None  # type: ignore[valid-type]
    accessed: PartialDate | None = None


class Place(Strict):
    name: Text
    lat: Latitude
    lon: Longitude


class PathPoint(Strict):
    name: str | None = None
    lat: Latitude
    lon: Longitude


class Location(Strict):
    """A project site: a single point, or a named route drawn through its points."""

    name: Text
    lat: Latitude | None = None
    lon: Longitude | None = None
    path: list[PathPoint] | None = Field(default=None, min_length=2)

    @model_validator(mode="after")
    def _point_or_path(self) -> Location:
        has_point = self.lat is not None and self.lon is not None
        if not has_point and not self.path:
            raise ValueError("a location needs lat and lon, or a path of at least two points")
        if (self.lat is None) != (self.lon is None):
            raise ValueError("lat and lon go together")
        return self


class Visitor(Strict):
    name: Text
    role: Literal[VISITOR_ROLES]  # type: ignore[valid-type]
    title: str | None = Field(default=None, description="The office as the sources name it.")


class Visit(Strict):
    id: Slug
    start_date: PartialDate
    end_date: PartialDate | None = None
    guest_country: Iso3
    host_country: Iso3
    visitor: Visitor
    cities: list[Place] = Field(min_length=1)
    kind: Literal[VISIT_KINDS]  # type: ignore[valid-type]
    summary: Text
    sectors: list[Slug] = Field(default_factory=list)
    outcomes: list[Slug] = Field(default_factory=list)
    sources: list[Source] = Field(min_length=1)
    note: str | None = None


class Money(Strict):
    usd: float | None = Field(default=None, ge=0)
    reported: str | None = None
    low: float | None = Field(default=None, ge=0)
    high: float | None = Field(default=None, ge=0)


class StatusStep(Strict):
    state: Literal[DEAL_STATES]  # type: ignore[valid-type]
    date: PartialDate
    source: HttpUrl | None = None
    note: str | None = None


class Deal(Strict):
    id: Slug
    title: Text
    parties: list[Iso3] = Field(min_length=2)
    kind: Literal[DEAL_KINDS]  # type: ignore[valid-type]
    sector: Slug
    signed: PartialDate | None = None
    value: Money | None = None
    status: list[StatusStep] = Field(min_length=1)
    location: Location | None = None
    signed_during: Slug | None = None
    summary: Text
    sources: list[Source] = Field(min_length=1)
    note: str | None = None


class CooperationArea(Strict):
    id: Slug
    countries: list[Iso3] = Field(min_length=2, max_length=2)
    sector: Slug
    since: int = Field(ge=1900, le=2100)
    status: Literal[COOPERATION_STATUSES]  # type: ignore[valid-type]
    summary: Text
    milestones: list[Slug] = Field(default_factory=list)
    sources: list[Source] = Field(min_length=1)
    note: str | None = None


class Country(Strict):
    iso3: Iso3
    name: Text
    group: Literal["south_asia", "partner"]
    capital: Place
    color: Annotated[str, Field(pattern=r"^#[0-9A-Fa-f]{6}$")]
    adjective: Text


class Sector(Strict):
    id: Slug
    name: Text
    description: Text


class Gap(Strict):
    """A curator's note on what is known to be missing for a pair."""

    pair: list[Iso3] = Field(min_length=2, max_length=2)
    gap: Text


class DatasetInfo(Strict):
    title: Text
    version: Text
    updated: PartialDate
    licence: Text
    maintainers: Text
    citation_name: Text


RECORD_MODELS: dict[str, type[Strict]] = {
    "visits": Visit,
    "deals": Deal,
    "cooperation": CooperationArea,
}
