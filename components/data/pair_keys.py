"""How a country pair is named: one key for grouping ('PAK–RUS') and one label for readers ('Pakistan – Russia')."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

PAIR_SEPARATOR = "–"  # an en dash: codes never contain one, so a key splits back unambiguously
LABEL_SEPARATOR = " – "


def pair_key(*codes: str) -> str:
    """Order-independent key of two (or more) countries: pair_key('RUS', 'PAK') == 'PAK–RUS'."""
    return PAIR_SEPARATOR.join(sorted(codes))


def split_pair(key: str) -> tuple[str, str] | None:
    """('PAK', 'RUS') for 'PAK–RUS'; None for anything that does not name exactly two countries."""
    parts = key.split(PAIR_SEPARATOR) if isinstance(key, str) else []
    return (parts[0], parts[1]) if len(parts) == 2 and all(parts) else None


def pair_label(codes: str | Iterable[str], names: Mapping[str, str]) -> str:
    """'Pakistan – Russia' for a key or a sequence of codes; unknown codes are shown as they are."""
    if isinstance(codes, str):
        codes = codes.split(PAIR_SEPARATOR)
    return LABEL_SEPARATOR.join(str(names.get(code, code)) for code in codes)
