"""Load data/ into validated records, collecting every problem with file, line, record and field."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from components.data.checks import cross_check
from components.data.compiled import Compiled, FileCache
from components.data.pair_keys import pair_key
from components.data.schema import (
    RECORD_MODELS,
    CooperationArea,
    Country,
    DatasetInfo,
    Deal,
    Gap,
    Meeting,
    Sector,
    Series,
    Visit,
)
from components.data.yamlfile import MAX_BYTES, Problem, YamlFile, record_label

DEFAULT_DATA_DIR = Path(__file__).resolve().parents[2] / "data"
DATA_DIR_ENV = "DASHBOARD_DATA_DIR"
RECORD_DIRS = tuple(RECORD_MODELS)  # visits, deals, cooperation, meetings
OPTIONAL_REFERENCE_FILES = ("series",)  # a dataset without multilateral meetings needs no series

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class Located:
    """A valid record with the place it came from."""

    record: Any
    file: YamlFile
    index: int

    @property
    def line(self) -> int | None:
        return self.file.line_of(self.index)


@dataclass
class Dataset:
    """Everything in data/ that passed validation, plus the problems with what did not."""

    root: Path
    info: DatasetInfo | None
    countries: dict[str, Country]
    sectors: dict[str, Sector]
    visits: list[Visit]
    deals: list[Deal]
    cooperation: list[CooperationArea]
    problems: list[Problem] = field(default_factory=list)
    excluded: int = 0  # records out of view, counting those of unreadable files by a line scan
    unreadable_files: list[str] = field(default_factory=list)  # files none of whose records are in view
    fingerprint: str = ""
    file_count: int = 0
    gaps: dict[str, list[str]] = field(default_factory=dict)
    meetings: list[Meeting] = field(default_factory=list)
    series: dict[str, Series] = field(default_factory=dict)
    record_files: dict[str, dict[str, str]] = field(default_factory=dict)  # kind → record id → file it is in
    uploaded: dict[str, str] = field(default_factory=dict)  # record id → the upload it came from (not reviewed)

    def summary(self) -> str:
        return (
            f"{len(self.visits)} visits, {len(self.deals)} deals, "
            f"{len(self.cooperation)} cooperation areas, {len(self.meetings)} multilateral meetings, "
            f"{len(self.countries)} countries, {len(self.sectors)} sectors in {self.file_count} files"
        )

    def left_out(self) -> str:
        """'12 record(s) are left out, among them every record in 1 file(s) that cannot be used (data/x.yaml)'."""
        text = f"{self.excluded} record(s) are left out"
        if self.unreadable_files:
            names = ", ".join(self.unreadable_files)
            text += f", among them every record in {len(self.unreadable_files)} file(s) that cannot be used ({names})"
        return text


def field_path(loc: tuple[Any, ...]) -> tuple[Any, ...]:
    """Keep the parts of a pydantic error location a curator would recognise as keys or indexes."""
    return tuple(p for p in loc if isinstance(p, int) or (isinstance(p, str) and p.isidentifier()))


def error_message(error: dict[str, Any]) -> str:
    kind = error["type"]
    if kind == "extra_forbidden":
        return "unknown field (check the spelling against the data dictionary)"
    if kind == "missing":
        return "required field is missing"
    message = error["msg"]
    if message.startswith("Value error, "):
        message = message[len("Value error, ") :]
    value = error.get("input")
    if kind not in ("model_type", "list_type", "dict_type") and isinstance(value, str | int | float):
        shown = value if not isinstance(value, str) or len(value) <= 80 else f"{value[:80]}…"
        message = f"{message} (got {shown!r})"
    return message


def validate_records(file: YamlFile, model: type[M], problems: list[Problem]) -> list[tuple[M, int]]:
    """Validate each item of a list-shaped file; append problems; return the valid models with their index."""
    if file.errors:
        problems += file.errors
        return []
    data = file.data
    if data is None:
        problems.append(Problem(file.display, 1, "-", "-", "file is empty; expected a list of records"))
        return []
    if not isinstance(data, list):
        found = "a mapping" if isinstance(data, dict) else type(data).__name__
        message = f"expected a list of records (each starting with '- '), found {found}"
        problems.append(Problem(file.display, 1, "-", "-", message))
        return []
    valid: list[tuple[M, int]] = []
    for index, item in enumerate(data):
        record = validate_item(file, index, item, model, problems)
        if record is not None:
            valid.append((record, index))
    return valid


def validate_item(file: YamlFile, index: int, item: Any, model: type[M], problems: list[Problem]) -> M | None:
    """One record of a list-shaped file as `model`, or None with its problems appended."""
    label = record_label(item, f"record #{index + 1}")
    if index in file.faults:
        problems += file.faults[index]
        return None
    if not isinstance(item, dict):
        line = file.line_of(index)
        problems.append(Problem(file.display, line, label, "-", "expected a mapping of field: value"))
        return None
    try:
        return model.model_validate(item)
    except ValidationError as exc:
        problems += validation_problems(file, exc, label, index)
        return None


def validation_problems(file: YamlFile, exc: ValidationError, record: str, index: int | None) -> list[Problem]:
    """One problem per pydantic error, placed at the line of the field it concerns."""
    out = []
    for error in exc.errors():
        path = field_path(error["loc"])
        field_name = ".".join(str(p) for p in path) or "-"
        line, column = file.line_of(index, path), file.column_of(index, path)
        out.append(Problem(file.display, line, record, field_name, error_message(error), column))
    return out


def read_yaml(root: Path, path: Path) -> YamlFile:
    return YamlFile.read(path, path.relative_to(root.parent).as_posix())


def compile_file(file: YamlFile, model: type[M]) -> Compiled:
    """Validate one parsed file on its own: what the compiled cache keeps."""
    problems: list[Problem] = []
    valid = validate_records(file, model, problems)
    is_list = isinstance(file.data, list)
    return Compiled(valid, problems, is_list, len(file.data) if is_list else file.estimated_records())


def read_validated(root: Path, path: Path, model: type[M], cache: FileCache | None) -> tuple[YamlFile, Compiled]:
    """Read and validate a list-shaped file, or take its compiled result when its content is unchanged."""
    display = path.relative_to(root.parent).as_posix()
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except OSError:
        cache = None  # YamlFile.read reports it
    if cache is None:
        file = YamlFile.read(path, display)
        return file, compile_file(file, model)
    key = cache.key(display, model, raw)
    hit = cache.get(key, model)
    if hit is not None:
        return YamlFile.unparsed(path, display, raw), hit
    file = YamlFile.from_bytes(path, display, raw)
    compiled = compile_file(file, model)
    cache.put(key, compiled)
    return file, compiled


def _fingerprint(files: list[YamlFile]) -> str:
    digest = hashlib.sha256()
    for file in files:
        digest.update(file.path.name.encode())
        digest.update(file.raw)
    return digest.hexdigest()[:10]


def removed_since(previous: Iterable[str], current: Iterable[str], root: Path) -> list[Problem]:
    """A problem for each data file (by path) present at the previous load and gone now."""
    gone = sorted(set(previous) - set(current))
    message = "was removed since the last load; its records are no longer shown"
    return [Problem(Path(path).relative_to(root.parent).as_posix(), None, "-", "-", message) for path in gone]


def data_dir() -> Path:
    """The data folder: DASHBOARD_DATA_DIR when set, else data/ in the repository."""
    return Path(os.environ.get(DATA_DIR_ENV) or DEFAULT_DATA_DIR)


def record_files(root: Path) -> list[Path]:
    """Every YAML file that holds records, in a stable order."""
    files: list[Path] = []
    for kind in RECORD_DIRS:
        folder = root / kind
        files += sorted([*folder.glob("*.yaml"), *folder.glob("*.yml")])
    return files


def load_dataset(
    root: Path | str = DEFAULT_DATA_DIR, today: date | None = None, *, cache: FileCache | None = None
) -> Dataset:
    """Load and validate data/ at `root`, with dates checked against `today`. Never raises for bad data.

    With a `cache`, files whose content is unchanged since they were last compiled are not parsed again."""
    root = Path(root)
    problems: list[Problem] = []
    unreadable: list[str] = []  # files none of whose records can be used

    reference_files = {name: root / f"{name}.yaml" for name in ("dataset", "countries", "sectors")}
    info = None
    info_file = read_yaml(root, reference_files["dataset"]) if reference_files["dataset"].exists() else None
    fingerprinted = [info_file] if info_file else []
    if info_file is None:
        problems.append(Problem(f"{root.name}/dataset.yaml", None, "-", "-", "file is missing"))
    elif info_file.errors:
        problems += info_file.errors
    else:
        try:
            info = DatasetInfo.model_validate(info_file.data)
        except ValidationError as exc:
            problems += validation_problems(info_file, exc, "dataset", None)

    countries: dict[str, Country] = {}
    sectors: dict[str, Sector] = {}
    series: dict[str, Series] = {}
    for name, model, target, key in (
        ("countries", Country, countries, "iso3"),
        ("sectors", Sector, sectors, "id"),
        ("series", Series, series, "id"),
    ):
        path = root / f"{name}.yaml"
        if not path.exists():
            if name not in OPTIONAL_REFERENCE_FILES:
                problems.append(Problem(f"{root.name}/{name}.yaml", None, "-", "-", "file is missing"))
            continue
        file, compiled = read_validated(root, path, model, cache)
        fingerprinted.append(file)
        problems += compiled.problems
        if not compiled.is_list:
            unreadable.append(file.display)
        for record, index in compiled.valid:
            code = getattr(record, key)
            if code in target:
                problems.append(Problem(file.display, file.line_of(index), code, key, "duplicate id"))
            target[code] = record

    gaps: dict[str, list[str]] = {}
    if (root / "gaps.yaml").exists():
        gaps_file, compiled = read_validated(root, root / "gaps.yaml", Gap, cache)
        problems += compiled.problems
        if not compiled.is_list:
            unreadable.append(gaps_file.display)
        for gap, _ in compiled.valid:
            gaps.setdefault(pair_key(*gap.pair) if gap.pair else gap.series, []).append(gap.gap)

    paths = record_files(root)
    located: dict[str, list[Located]] = {kind: [] for kind in RECORD_DIRS}
    total = 0
    for path in paths:
        kind = path.parent.name
        file, compiled = read_validated(root, path, RECORD_MODELS[kind], cache)
        fingerprinted.append(file)
        problems += compiled.problems
        total += compiled.count
        if not compiled.is_list:
            unreadable.append(file.display)
        for record, index in compiled.valid:
            located[kind].append(Located(record, file, index))

    rejected = cross_check(located, countries, sectors, series, problems, today or date.today())
    kept_located = {kind: [loc for loc in items if id(loc) not in rejected] for kind, items in located.items()}
    keep = {kind: [loc.record for loc in items] for kind, items in kept_located.items()}
    kept = sum(len(items) for items in keep.values())

    return Dataset(
        root=root,
        info=info,
        countries=countries,
        sectors=sectors,
        visits=keep["visits"],
        deals=keep["deals"],
        cooperation=keep["cooperation"],
        meetings=keep["meetings"],
        series=series,
        problems=problems,
        excluded=total - kept,
        unreadable_files=unreadable,
        fingerprint=_fingerprint(fingerprinted),
        file_count=len(fingerprinted),
        gaps=gaps,
        record_files={kind: {loc.record.id: loc.file.display for loc in items} for kind, items in kept_located.items()},
    )
