"""What a form for a record kind asks, read from its pydantic model: a kind added to RECORD_MODELS gets a form."""

from __future__ import annotations

import functools
import types
import typing
from dataclasses import dataclass
from typing import Any, Literal

from annotated_types import MinLen
from pydantic import BaseModel, BeforeValidator

from components.data.loading import Dataset
from components.data.schema import Place, normalise_partial_date

Widget = Literal["text", "long_text", "integer", "number", "bool", "choice", "date", "place", "model"]
ISO3_PATTERN = "^[A-Z]{3}$"
LONG_TEXT = ("summary", "note", "status_note", "description")  # fields written as paragraphs
# Text fields that name something the dataset already has, by field name: the form offers those as choices.
REFERENCES: dict[str, str] = {
    "sector": "sectors",
    "sectors": "sectors",
    "series": "series",
    "outcomes": "deals",
    "signed_during": "visits",
    "meeting": "meetings",
    "milestones": "records",
}


@dataclass(frozen=True)
class FormField:
    """One question of a record's form."""

    name: str
    description: str
    required: bool
    many: bool  # a list of values
    widget: Widget
    choices: tuple[str, ...] = ()  # a closed list from the model (a Literal)
    vocabulary: str | None = None  # countries, sectors, series, visits, deals, meetings or records
    model: type[BaseModel] | None = None  # the nested model of a "model" field
    min_items: int = 0

    @property
    def label(self) -> str:
        return self.name.replace("_", " ").capitalize()


def _unwrap(annotation: Any) -> tuple[Any, list[Any], bool]:
    """(the bare type, its Annotated metadata, whether None is allowed)."""
    optional = False
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        optional = len(args) < len(typing.get_args(annotation))
        annotation = args[0]
    metadata: list[Any] = []
    if typing.get_origin(annotation) is typing.Annotated:
        annotation, *metadata = typing.get_args(annotation)
    flat = []
    for item in metadata:  # a FieldInfo inside Annotated carries its own constraints
        flat += [item, *getattr(item, "metadata", [])]
    return annotation, flat, optional


def _pattern(metadata: list[Any]) -> str | None:
    return next((m.pattern for m in metadata if getattr(m, "pattern", None)), None)


def _is_date(metadata: list[Any]) -> bool:
    return any(isinstance(m, BeforeValidator) and m.func is normalise_partial_date for m in metadata)


def _field(name: str, info: Any) -> FormField:
    annotation, metadata, optional = _unwrap(info.annotation)
    metadata = [*info.metadata, *metadata]
    many = typing.get_origin(annotation) is list
    if many:
        annotation, item_metadata, _ = _unwrap(typing.get_args(annotation)[0])
        min_items = next((m.min_length for m in metadata if isinstance(m, MinLen)), 0)
        metadata = item_metadata
    else:
        min_items = 0
    common = {
        "name": name,
        "description": info.description or "",
        "required": info.is_required() and not optional,
        "many": many,
        "min_items": min_items,
    }
    if isinstance(annotation, type) and issubclass(annotation, Place):
        return FormField(**common, widget="place", model=annotation)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return FormField(**common, widget="model", model=annotation)
    if typing.get_origin(annotation) is Literal:
        return FormField(**common, widget="choice", choices=tuple(typing.get_args(annotation)))
    if annotation is bool:
        return FormField(**common, widget="bool")
    if annotation is int:
        return FormField(**common, widget="integer")
    if annotation is float:
        return FormField(**common, widget="number")
    if _is_date(metadata):
        return FormField(**common, widget="date")
    if _pattern(metadata) == ISO3_PATTERN:
        return FormField(**common, widget="choice", vocabulary="countries")
    if name in REFERENCES:
        return FormField(**common, widget="choice", vocabulary=REFERENCES[name])
    return FormField(**common, widget="long_text" if name in LONG_TEXT else "text")


@functools.cache
def form_fields(model: type[BaseModel]) -> tuple[FormField, ...]:
    """The questions for one record of `model`, in the model's order."""
    return tuple(_field(name, info) for name, info in model.model_fields.items())


def vocabularies(dataset: Dataset) -> dict[str, dict[str, str]]:
    """Each vocabulary a form offers: value → how it reads."""
    names = {code: f"{c.name} ({code})" for code, c in dataset.countries.items()}
    visits = {v.id: v.id for v in dataset.visits}
    deals = {d.id: d.id for d in dataset.deals}
    return {
        "countries": dict(sorted(names.items(), key=lambda item: item[1])),
        "sectors": {key: s.name for key, s in dataset.sectors.items()},
        "series": {key: s.name for key, s in dataset.series.items()},
        "visits": visits,
        "deals": deals,
        "meetings": {m.id: m.name for m in dataset.meetings},
        "records": visits | deals,
    }


def known_places(dataset: Dataset) -> dict[str, tuple[float, float]]:
    """Every place the data already has (capitals, visited cities, meeting cities), by name: 'Tokyo' → (lat, lon)."""
    places: dict[str, tuple[float, float]] = {}
    found = [c.capital for c in dataset.countries.values()]
    found += [city for v in dataset.visits for city in v.cities]
    found += [m.city for m in dataset.meetings if m.city]
    for place in found:
        places.setdefault(place.name, (place.lat, place.lon))
    return dict(sorted(places.items()))


def date_text(precision: str, year: int | None, month: int | None, day: int | None) -> str | None:
    """'2024-05-02', '2024-05' or '2024' from the parts a form asks, at the chosen precision; None when no year."""
    if year is None or precision not in ("day", "month", "year"):
        return None
    if precision == "year":
        return f"{year:04d}"
    if month is None:
        return f"{year:04d}-??"  # the validator then says what form a date takes
    if precision == "month":
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}" if day is not None else f"{year:04d}-{month:02d}-??"
