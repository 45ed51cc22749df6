"""Ready-to-paste citations for the dataset, a view, or one record — each carrying the dataset version."""

from __future__ import annotations

from datetime import date

from components.data.schema import DatasetInfo


def dataset_citation(info: DatasetInfo | None, fingerprint: str, *, accessed: date, view: str = "") -> str:
    name = info.citation_name if info else "South Asia Diplomacy Dashboard"
    version = info.version if info else "unversioned"
    scope = f" View: {view}." if view else ""
    return (
        f"{info.maintainers if info else name}. {name}, dataset version {version} ({fingerprint}).{scope} "
        f"Accessed {accessed.isoformat()}."
    )


def record_citation(
    headline: str, record_id: str, info: DatasetInfo | None, fingerprint: str, *, accessed: date, first_source: str
) -> str:
    name = info.citation_name if info else "South Asia Diplomacy Dashboard"
    version = info.version if info else "unversioned"
    return (
        f"“{headline}”. {name}, dataset version {version} ({fingerprint}), record {record_id}. "
        f"Accessed {accessed.isoformat()}. Primary source: {first_source}"
    )
