"""The filters as URL parameters and back: ?countries=PAK&a=RUS&b=PAK&years=2010&years=2021&sector=energy."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from components.data.categories import DEAL_STATES, VISITOR_ROLES
from components.data.filters import FILTER_FIELDS, FilterField

_FIELDS = {f.key: f for f in FILTER_FIELDS}
_EMPTY = {"multi": [], "one": None}


@dataclass(frozen=True)
class LinkVocabulary:
    """What a link may name: the codes and ids in the data, and the span of years."""

    countries: frozenset[str]
    sectors: frozenset[str]
    years: tuple[int, int]

    def defaults(self) -> dict[str, Any]:
        return {f.key: self.years if f.kind == "range" else _EMPTY[f.kind] for f in FILTER_FIELDS}

    def allowed(self, field: FilterField) -> frozenset[str]:
        return {
            "countries": self.countries,
            "sectors": self.sectors,
            "roles": frozenset(VISITOR_ROLES),
            "statuses": frozenset(DEAL_STATES),
        }[field.vocabulary]


def _parse_years(raw: list[str], vocabulary: LinkVocabulary) -> tuple[tuple[int, int] | None, str | None]:
    low, high = vocabulary.years
    try:
        numbers = [int(v) for v in raw]
    except ValueError:
        numbers = []
    if len(numbers) == 2 and low <= numbers[0] <= numbers[1] <= high:
        return (numbers[0], numbers[1]), None
    return None, f"The link's years={'&'.join(raw)} is not a range within {low}–{high}; showing all years."


def parse(params: Mapping[str, list[str]], vocabulary: LinkVocabulary) -> tuple[dict[str, Any], list[str]]:
    """Filter values a link asks for (only the keys it names) and notices for what it asked that cannot be."""
    values: dict[str, Any] = {}
    notices: list[str] = []
    for key, raw in params.items():
        field = _FIELDS.get(key)
        if field is None:
            continue
        if field.kind == "range":
            years, notice = _parse_years(raw, vocabulary)
            if years:
                values[key] = years
            else:
                notices.append(notice)
            continue
        allowed = vocabulary.allowed(field)
        good = [v for v in raw if v in allowed]
        bad = [v for v in raw if v not in allowed]
        if bad:
            what = "Unknown country code" if field.vocabulary == "countries" else f"Unknown {key}"
            shown = ", ".join(f"“{v}”" for v in bad)
            notices.append(f"{what} {shown} in the link ({key}=…); it was ignored and the default is shown.")
        if field.kind == "multi":
            if good or not bad:
                values[key] = list(dict.fromkeys(good))
        elif good:
            values[key] = good[0]
    return values, notices


def encode(values: Mapping[str, Any], vocabulary: LinkVocabulary) -> dict[str, list[str]]:
    """URL parameters for the filter values that differ from the defaults (an unfiltered view has none)."""
    defaults = vocabulary.defaults()
    out: dict[str, list[str]] = {}
    for field in FILTER_FIELDS:
        value = values.get(field.key, defaults[field.key])
        if value == defaults[field.key] or value in (None, [], ()):
            continue
        if field.kind == "range":
            out[field.key] = [str(value[0]), str(value[1])]
        elif field.kind == "multi":
            out[field.key] = [str(v) for v in value]
        else:
            out[field.key] = [str(value)]
    return out
