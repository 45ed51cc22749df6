"""The filters as URL parameters and back: ?countries=PAK&a=RUS&b=PAK&years=2010&years=2021&sector=energy."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from components.data.categories import DEAL_STATES, VISITOR_ROLES

FILTER_KEYS = ("countries", "a", "b", "years", "sector", "role", "status")
MULTI_KEYS = ("countries", "sector", "role", "status")


@dataclass(frozen=True)
class LinkVocabulary:
    """What a link may name: the codes and ids in the data, and the span of years."""

    countries: frozenset[str]
    sectors: frozenset[str]
    years: tuple[int, int]

    def defaults(self) -> dict[str, Any]:
        return {"countries": [], "a": None, "b": None, "years": self.years, "sector": [], "role": [], "status": []}

    def allowed(self, key: str) -> set[str]:
        return {
            "countries": set(self.countries),
            "a": set(self.countries),
            "b": set(self.countries),
            "sector": set(self.sectors),
            "role": set(VISITOR_ROLES),
            "status": set(DEAL_STATES),
        }[key]


def parse(params: Mapping[str, list[str]], vocabulary: LinkVocabulary) -> tuple[dict[str, Any], list[str]]:
    """Filter values a link asks for (only the keys it names) and notices for what it asked that cannot be."""
    values: dict[str, Any] = {}
    notices: list[str] = []
    for key, raw in params.items():
        if key not in FILTER_KEYS:
            continue
        if key == "years":
            low, high = vocabulary.years
            try:
                numbers = [int(v) for v in raw]
                valid = len(numbers) == 2 and low <= numbers[0] <= numbers[1] <= high
            except ValueError:
                valid = False
            if valid:
                values[key] = (numbers[0], numbers[1])
            else:
                notices.append(
                    f"The link's years={'&'.join(raw)} is not a range within {low}–{high}; showing all years."
                )
            continue
        allowed = vocabulary.allowed(key)
        good = [v for v in raw if v in allowed]
        bad = [v for v in raw if v not in allowed]
        if bad:
            what = "Unknown country code" if key in ("countries", "a", "b") else f"Unknown {key}"
            shown = ", ".join(f"“{v}”" for v in bad)
            notices.append(f"{what} {shown} in the link ({key}=…); it was ignored and the default is shown.")
        if key in MULTI_KEYS:
            if good or not bad:
                values[key] = list(dict.fromkeys(good))
        elif good:
            values[key] = good[0]
    return values, notices


def encode(values: Mapping[str, Any], vocabulary: LinkVocabulary) -> dict[str, list[str]]:
    """URL parameters for the filter values that differ from the defaults (an unfiltered view has none)."""
    defaults = vocabulary.defaults()
    out: dict[str, list[str]] = {}
    for key in FILTER_KEYS:
        value = values.get(key, defaults[key])
        if value == defaults[key] or value in (None, [], ()):
            continue
        if key == "years":
            out[key] = [str(value[0]), str(value[1])]
        elif key in MULTI_KEYS:
            out[key] = [str(v) for v in value]
        else:
            out[key] = [str(value)]
    return out
