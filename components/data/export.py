"""Downloads of exactly the rows in view, each stamped with the dataset version."""

from __future__ import annotations

import json

import pandas as pd

from components.data.frames import Tables

VISIT_COLUMNS = [
    "id",
    "start_text",
    "end_text",
    "guest",
    "host",
    "visitor",
    "role",
    "kind",
    "cities",
    "sectors",
    "outcomes",
    "summary",
    "note",
    "source_url",
    "origin",
]
DEAL_COLUMNS = [
    "id",
    "title",
    "parties",
    "kind",
    "sector",
    "date_text",
    "signed",
    "status",
    "status_date",
    "value_usd",
    "value_reported",
    "value_low",
    "value_high",
    "location",
    "signed_during",
    "summary",
    "note",
    "source_url",
    "origin",
]
COOPERATION_COLUMNS = [
    *("id", "countries", "sector", "since", "status", "milestones", "summary", "note", "source_url", "origin")
]
MEETING_COLUMNS = [
    "id",
    "series",
    "name",
    "start_text",
    "end_text",
    "host",
    "city",
    "online",
    "status",
    "status_note",
    "countries",
    "sectors",
    "outcomes",
    "summary",
    "note",
    "source_url",
    "origin",
]
SIDELINE_COLUMNS = ["id", "meeting_id", "countries", "date_text", "people", "summary", "note", "source_url", "origin"]
PARTICIPANT_COLUMNS = ["meeting_id", "country", "name", "role"]
SOURCE_COLUMNS = ["record_id", "record_kind", "url", "publisher", "title", "published", "source_kind"]


def flat(frame: pd.DataFrame, columns: list[str], version: str) -> pd.DataFrame:
    """Plain columns for a CSV: tuples joined with ';', categories as text, the dataset version on each row."""
    out = frame[columns].copy()
    for column in out.columns:
        if isinstance(out[column].dtype, pd.CategoricalDtype):
            out[column] = out[column].astype(object).where(out[column].notna(), None)
        elif out[column].map(lambda v: isinstance(v, tuple)).any():
            out[column] = out[column].map(lambda v: ";".join(v) if isinstance(v, tuple) else v)
    out.insert(0, "dataset_version", version)
    return out


def export_frames(view: Tables, version: str) -> dict[str, pd.DataFrame]:
    return {
        "visits": flat(view.visits, VISIT_COLUMNS, version),
        "deals": flat(view.deals, DEAL_COLUMNS, version),
        "cooperation": flat(view.cooperation, COOPERATION_COLUMNS, version),
        "meetings": flat(view.meetings, MEETING_COLUMNS, version),
        "sidelines": flat(view.sidelines, SIDELINE_COLUMNS, version),
        "participants": flat(view.participants, PARTICIPANT_COLUMNS, version),
        "sources": flat(view.sources, SOURCE_COLUMNS, version),
    }


def to_csv(frame: pd.DataFrame) -> bytes:
    return frame.to_csv(index=False).encode("utf-8")


def to_json(view: Tables, version: str, filters: str, citation: str) -> bytes:
    """One JSON document: what was filtered, how to cite it, and every record in view with its sources."""
    frames = export_frames(view, version)
    sources = _records(frames.pop("sources").drop(columns="dataset_version"))
    grouped: dict[str, list[dict]] = {}
    # One pass over the sources: grouping frame by frame took most of the export's time.
    for source in sources:
        grouped.setdefault(source.pop("record_id"), []).append(source)
    attended: dict[str, list[dict]] = {}
    for person in _records(frames.pop("participants").drop(columns="dataset_version")):
        attended.setdefault(person.pop("meeting_id"), []).append(person)
    document = {
        "dataset_version": version,
        "filters": filters,
        "citation": citation,
        **{
            kind: [
                {
                    **row,
                    **({"participants": attended.get(row["id"], [])} if kind == "meetings" else {}),
                    "sources": grouped.get(row["id"], []),
                }
                for row in _records(frame.drop(columns="dataset_version"))
            ]
            for kind, frame in frames.items()
        },
    }
    return json.dumps(document, ensure_ascii=False, indent=1, default=str).encode("utf-8")


def _records(frame: pd.DataFrame) -> list[dict]:
    """Rows as dicts with missing values as None (JSON null, never a bare NaN)."""
    return frame.astype(object).where(frame.notna(), None).to_dict("records")
