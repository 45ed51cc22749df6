"""Dates known to the day, the month or only the year: their bounds, precision and display."""

from __future__ import annotations

import calendar
from datetime import date

_MONTHS = calendar.month_name


def precision(value: str) -> str:
    """'day', 'month' or 'year' for an ISO text of that precision."""
    return {10: "day", 7: "month", 4: "year"}[len(value)]


def period_start(value: str) -> date:
    """First day of the period the text names."""
    parts = [int(p) for p in value.split("-")]
    return date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def period_end(value: str) -> date:
    """Last day of the period the text names."""
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        return date(*parts)
    if len(parts) == 2:
        return date(parts[0], parts[1], calendar.monthrange(parts[0], parts[1])[1])
    return date(parts[0], 12, 31)


def label(value: str | None) -> str:
    """Human form that shows no more precision than the source gave: '6 April 2021', 'April 2021', '2021'."""
    if not value:
        return ""
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        return f"{parts[2]} {_MONTHS[parts[1]]} {parts[0]}"
    if len(parts) == 2:
        return f"{_MONTHS[parts[1]]} {parts[0]}"
    return str(parts[0])


def span_label(start: str, end: str | None) -> str:
    """'6–7 April 2021', '30 March – 2 April 2021', or one date when the visit fits in a day."""
    if not end or end == start:
        return label(start)
    if len(start) == len(end) == 10:
        s, e = period_start(start), period_start(end)
        if s.year == e.year and s.month == e.month:
            return f"{s.day}–{e.day} {_MONTHS[s.month]} {s.year}"
        if s.year == e.year:
            return f"{s.day} {_MONTHS[s.month]} – {e.day} {_MONTHS[e.month]} {s.year}"
    return f"{label(start)} – {label(end)}"
