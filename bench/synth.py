"""Write a synthetic data dir N times the size of data/, built from copies of the real records."""

from __future__ import annotations

import calendar
import datetime as dt
import shutil
from pathlib import Path
from typing import Any

import yaml

from components.data.loading import DEFAULT_DATA_DIR, RECORD_DIRS
from components.data.yamlfile import MAX_BYTES

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
    """Writes every value out: copies share nested lists, and the loader refuses YAML aliases."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


REFERENCE_FILES = ("dataset.yaml", "countries.yaml", "sectors.yaml", "series.yaml", "gaps.yaml")


def _suffix(value: str, copy: int) -> str:
    return value if copy == 0 else f"{value}-x{copy}"


def _shift(value: Any, days: int) -> Any:
    """Move a day-precision date a few days later, staying inside its month so record order holds."""
    if days == 0:
        return value
    if isinstance(value, str) and len(value) == 10:
        try:
            value = dt.date.fromisoformat(value)
        except ValueError:
            return value
    if isinstance(value, dt.date):
        last = calendar.monthrange(value.year, value.month)[1]
        return value.replace(day=min(value.day + days, last))
    return value


def _copy_record(kind: str, record: dict, copy: int) -> dict:
    """A copy of `record` with every id and reference suffixed and its day-precision dates nudged."""
    new = dict(record)
    new["id"] = _suffix(record["id"], copy)
    days = copy % 5
    if kind == "visits":
        new["outcomes"] = [_suffix(ref, copy) for ref in record.get("outcomes", [])]
        new["start_date"] = _shift(record["start_date"], days)
        if record.get("end_date") is not None:
            new["end_date"] = _shift(record["end_date"], days)
        if not new["outcomes"]:
            del new["outcomes"]
    elif kind == "deals":
        if record.get("signed_during"):
            new["signed_during"] = _suffix(record["signed_during"], copy)
        if record.get("signed") is not None:
            new["signed"] = _shift(record["signed"], days)
        new["status"] = [{**step, "date": _shift(step["date"], days)} for step in record["status"]]
    elif kind == "cooperation" and record.get("milestones"):
        new["milestones"] = [_suffix(ref, copy) for ref in record["milestones"]]
    elif kind == "meetings":
        new["outcomes"] = [_suffix(ref, copy) for ref in record.get("outcomes", [])]
        if not new["outcomes"]:
            del new["outcomes"]
    return new


def _parts(records: list, factor: int) -> list[range]:
    """The copies split into files a curator could keep: each under the loader's size limit (MAX_BYTES)."""
    one = len(yaml.dump(records, Dumper=Dumper, allow_unicode=True, sort_keys=False, width=100).encode()) or 1
    per_file = max(1, int(MAX_BYTES * 0.8) // one)
    return [range(start, min(factor, start + per_file)) for start in range(0, factor, per_file)]


def write_synthetic(target: Path, factor: int, source: Path = DEFAULT_DATA_DIR) -> Path:
    """Fill `target` with `factor` copies of every record in `source` (copy 0 keeps the real ids).

    Copies go into the same per-pair files, as a larger curated dataset would (split into `<pair>-2.yaml`, … where
    a file would pass the loader's size limit). Stories are copied as they are:
    they cite real ids, which copy 0 keeps."""
    target.mkdir(parents=True, exist_ok=True)
    for name in REFERENCE_FILES:
        if (source / name).exists():
            shutil.copy2(source / name, target / name)
    if (source / "stories").is_dir():
        shutil.copytree(source / "stories", target / "stories", dirs_exist_ok=True)
    for kind in RECORD_DIRS:
        (target / kind).mkdir(exist_ok=True)
        for path in sorted((source / kind).glob("*.yaml")):
            text = path.read_text(encoding="utf-8")
            header = "".join(line + "\n" for line in text.splitlines() if line.startswith("#"))
            records = yaml.load(text, Loader=Loader) or []
            for part, copies in enumerate(_parts(records, factor)):
                body = yaml.dump(
                    [_copy_record(kind, r, copy) for copy in copies for r in records],
                    Dumper=Dumper,
                    allow_unicode=True,
                    sort_keys=False,
                    width=100,
                )
                name = path.name if part == 0 else f"{path.stem}-{part + 1}{path.suffix}"
                (target / kind / name).write_text(header + body, encoding="utf-8")
    return target
