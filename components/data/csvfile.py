"""Records as CSV: one template per record kind, nested fields as flattened columns, list items `;`-separated."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from typing import Any

from components.data.schema import RECORD_MODELS
from components.data.yamlfile import Problem

LIST_SEPARATOR = ";"
ANY_ITEM = "*"  # in a column's path: a list whose items sit in one cell, separated by LIST_SEPARATOR


@dataclass(frozen=True)
class Column:
    """One CSV column and the field it fills: `path` 'sources.*.url' is the url of every source."""

    name: str
    path: tuple[str, ...]


def _columns(*pairs: str) -> tuple[Column, ...]:
    """'name=dotted.path' or just 'name' (a top-level field of the same name)."""
    out = []
    for pair in pairs:
        name, _, path = pair.partition("=")
        out.append(Column(name, tuple((path or name).split("."))))
    return tuple(out)


SOURCE_COLUMNS = _columns(
    "source_url=sources.*.url",
    "source_publisher=sources.*.publisher",
    "source_title=sources.*.title",
    "source_published=sources.*.published",
    "source_kind=sources.*.kind",
    "source_accessed=sources.*.accessed",
)

# One template per record kind, declared once: the reader, the downloadable templates and the docs read it.
# Fields not listed here (a meeting's sidelines, which hold records of their own) go in YAML files.
CSV_COLUMNS: dict[str, tuple[Column, ...]] = {
    "visits": _columns(
        "id",
        "start_date",
        "end_date",
        "guest_country",
        "host_country",
        "visitor_name=visitor.name",
        "visitor_role=visitor.role",
        "visitor_title=visitor.title",
        "kind",
        "city=cities.*.name",
        "city_lat=cities.*.lat",
        "city_lon=cities.*.lon",
        "summary",
        "sectors=sectors.*",
        "outcomes=outcomes.*",
        "meeting",
        "note",
    )
    + SOURCE_COLUMNS,
    "deals": _columns(
        "id",
        "title",
        "parties=parties.*",
        "kind",
        "sector",
        "signed",
        "value_usd=value.usd",
        "value_reported=value.reported",
        "value_low=value.low",
        "value_high=value.high",
        "status_state=status.*.state",
        "status_date=status.*.date",
        "status_source=status.*.source",
        "status_note=status.*.note",
        "location_name=location.name",
        "location_lat=location.lat",
        "location_lon=location.lon",
        "path_name=location.path.*.name",
        "path_lat=location.path.*.lat",
        "path_lon=location.path.*.lon",
        "signed_during",
        "summary",
        "note",
    )
    + SOURCE_COLUMNS,
    "cooperation": _columns(
        "id", "countries=countries.*", "sector", "since", "status", "summary", "milestones=milestones.*", "note"
    )
    + SOURCE_COLUMNS,
    "meetings": _columns(
        "id",
        "series",
        "name",
        "start_date",
        "end_date",
        "host_country",
        "city_name=city.name",
        "city_lat=city.lat",
        "city_lon=city.lon",
        "online",
        "status",
        "status_note",
        "participant_country=participants.*.country",
        "participant_name=participants.*.name",
        "participant_role=participants.*.role",
        "summary",
        "sectors=sectors.*",
        "outcomes=outcomes.*",
        "note",
    )
    + SOURCE_COLUMNS,
}
YAML_ONLY = {"meetings": ("sidelines",)}  # fields a CSV row cannot hold


def _set(record: dict[str, Any], path: tuple[str, ...], n: int | None, value: str) -> None:
    """Put `value` at `path` in `record`, `n` being the item number where the path says '*'."""
    node: Any = record
    for depth, part in enumerate(path):
        last = depth == len(path) - 1
        if part == ANY_ITEM:
            continue
        following = path[depth + 1] if not last else None
        if following == ANY_ITEM:
            items = node.setdefault(part, [])
            if depth + 1 == len(path) - 1:  # a list of plain values
                items.append(value)
                return
            while len(items) <= n:
                items.append({})
            node = items[n]
        elif last:
            node[part] = value
        else:
            node = node.setdefault(part, {})


def row_record(kind: str, row: dict[str, str]) -> dict[str, Any]:
    """The record a template row stands for: empty cells are fields left out, `;` separates list items."""
    record: dict[str, Any] = {}
    for column in CSV_COLUMNS[kind]:
        cell = (row.get(column.name) or "").strip()
        if not cell:
            continue
        if ANY_ITEM in column.path:
            for n, item in enumerate(part.strip() for part in cell.split(LIST_SEPARATOR)):
                if item:
                    _set(record, column.path, n, item)
        else:
            _set(record, column.path, None, cell)
    return record


def template(kind: str) -> str:
    """The header of the kind's template: what a spreadsheet starts from."""
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerow([c.name for c in CSV_COLUMNS[kind]])
    return buffer.getvalue()


def detect_kind(header: list[str]) -> str | None:
    """The kind whose template shares the most columns with `header`, when exactly one does."""
    scores = {kind: len(set(header) & {c.name for c in columns}) for kind, columns in CSV_COLUMNS.items()}
    best = max(scores.values())
    winners = [kind for kind, score in scores.items() if score == best]
    return winners[0] if best and len(winners) == 1 else None


@dataclass
class CsvFile:
    """A CSV file of records, with the same face as a YamlFile: data, errors, faults, the place of a field."""

    display: str
    kind: str | None = None
    data: Any = None
    errors: list[Problem] = field(default_factory=list)
    faults: dict[int, list[Problem]] = field(default_factory=dict)
    raw: bytes = field(default=b"", repr=False)

    def _error(self, message: str, row: int | None = None) -> None:
        self.errors.append(Problem(self.display, row, "-", "-", message))
        self.data = None

    @classmethod
    def from_text(cls, text: str, display: str, raw: bytes = b"", kind: str | None = None) -> CsvFile:
        """Read the rows of a template; the kind comes from the header unless given."""
        loaded = cls(display=display, raw=raw)
        try:
            rows = list(csv.reader(io.StringIO(text, newline="")))
        except csv.Error as exc:
            loaded._error(f"CSV error: {exc}")
            return loaded
        rows = [r for r in rows if any(cell.strip() for cell in r)] if rows else []
        if not rows:
            loaded._error("file is empty; expected a header row from a template, then one row per record")
            return loaded
        header = [name.strip() for name in rows[0]]
        loaded.kind = kind or detect_kind(header)
        if loaded.kind is None:
            loaded._error("the header matches no template; start from a downloaded template", 1)
            return loaded
        known = [c.name for c in CSV_COLUMNS[loaded.kind]]
        unknown = [name for name in header if name not in known]
        repeated = sorted({name for name in header if header.count(name) > 1})
        if unknown or repeated:
            parts = [f"unknown column(s) {', '.join(map(repr, unknown))}"] if unknown else []
            parts += [f"repeated column(s) {', '.join(map(repr, repeated))}"] if repeated else []
            what = "; ".join(parts)
            loaded._error(f"{what} (the {loaded.kind} template's columns: {', '.join(known)})", 1)
            return loaded
        loaded.data = []
        for number, cells in enumerate(rows[1:]):
            if len(cells) > len(header):
                problem = f"row has {len(cells)} cells but the header has {len(header)} columns"
                loaded.faults[number] = [Problem(display, number + 2, f"record #{number + 1}", "-", problem)]
            loaded.data.append(row_record(loaded.kind, dict(zip(header, cells, strict=False))))
        return loaded

    def estimated_records(self) -> int:
        return len(self.data) if isinstance(self.data, list) else 0

    def line_of(self, index: int | None, loc: tuple[Any, ...] = ()) -> int | None:
        """The row of record `index`: the header is row 1."""
        return None if index is None else index + 2

    def column_of(self, index: int | None, loc: tuple[Any, ...] = ()) -> str | None:
        """The column that holds the field at `loc` (or the first column under it, for a whole list or object)."""
        if self.kind is None or not loc:
            return None
        shape = tuple(ANY_ITEM if isinstance(part, int) else part for part in loc)
        columns = CSV_COLUMNS[self.kind]
        for column in columns:
            if column.path == shape:
                return column.name
        for column in columns:
            if column.path[: len(shape)] == shape or shape[: len(column.path)] == column.path:
                return column.name
        return None


def model_fields_without_column(kind: str) -> set[str]:
    """Top-level fields of the kind's model that no column fills (a test keeps this to YAML_ONLY)."""
    covered = {c.path[0] for c in CSV_COLUMNS[kind]}
    return set(RECORD_MODELS[kind].model_fields) - covered
