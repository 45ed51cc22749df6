"""A reader's own records: an uploaded YAML, zip or CSV read with the curated data's limits, models and checks,
then added to the curated data or put in its place. The result is a Dataset like the curated one. No streamlit."""

from __future__ import annotations

import hashlib
import io
import stat
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import PurePosixPath
from typing import Any

import yaml

from components.data.checks import cross_check
from components.data.csvfile import CsvFile
from components.data.loading import Dataset, Located, validate_item, validate_records
from components.data.pair_keys import pair_key
from components.data.schema import RECORD_MODELS, Country, DatasetInfo, Sector, Series
from components.data.yamlfile import Problem, YamlFile

MAX_UPLOAD_BYTES = 10_000_000  # everything uploaded at once
MAX_RECORDS = 20_000  # records in one upload
MAX_ZIP_FILES = 500  # entries in a zip
MAX_UNCOMPRESSED_BYTES = 30_000_000  # a zip's entries once uncompressed, all together
MAX_COMPRESSION_RATIO = 100  # uncompressed / compressed size of any one entry (data YAML compresses about 5-10x)
UPLOAD_TYPES = ("yaml", "yml", "zip", "csv")
REFERENCE_FILES: dict[str, tuple[type, str]] = {
    "countries": (Country, "iso3"),
    "sectors": (Sector, "id"),
    "series": (Series, "id"),
}
FORM_FILE = "records-added-here.yaml"  # what the records added with the form are called, in messages


YAML_TEMPLATE = """\
# Records of any kind, one list item each, exactly as in the files under data/ (see the data dictionary).
# The kind of each record is told by its fields. Dates: 2021-04-06, 2021-04 or 2021.
- id: ind-jpn-2024-05-example          # <guest>-<host>-<yyyy>-<mm>-<surname>
  start_date: 2024-05-02
  end_date: 2024-05-03                 # optional
  guest_country: IND                   # ISO3 codes from data/countries.yaml
  host_country: JPN
  visitor: {name: Full Name, role: foreign_minister, title: Minister of External Affairs}
  cities: [{name: Tokyo, lat: 35.68, lon: 139.69}]
  kind: official                       # state, official, working, summit or other
  summary: What happened, in your own words.
  sectors: [diplomacy]                 # sector ids from data/sectors.yaml
  sources:
    - {url: "https://example.org/page", publisher: Who published it, title: The page's headline, published: 2024-05-02}
"""


class Refused(Exception):
    """An upload that is not read at all; the message is one sentence saying why."""


@dataclass(frozen=True)
class UploadFile:
    name: str
    data: bytes


@dataclass
class Upload:
    """One upload, read: its record files (each with its kind, or None to tell each record's kind by its fields)
    and any reference files (countries, sectors, series) a zip brought."""

    name: str
    digest: str
    record_files: list[tuple[YamlFile | CsvFile, str | None]] = field(default_factory=list)
    references: dict[str, YamlFile] = field(default_factory=dict)
    ignored: list[str] = field(default_factory=list)  # zip entries that are not data files

    @property
    def records(self) -> int:
        return sum(_count(file) for file, _ in self.record_files)


def _count(file: YamlFile | CsvFile) -> int:
    return len(file.data) if isinstance(file.data, list) else file.estimated_records()


def _text(name: str, data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise Refused(
            f"{name} is not UTF-8 text (byte {data[exc.start]:#04x} at position {exc.start}); save it as UTF-8 "
            "and upload it again."
        ) from None


def _safe_entries(name: str, data: bytes) -> list[tuple[str, bytes]]:
    """The files in a zip, read in memory after every limit is checked: nothing is written to disk."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError):
        raise Refused(f"{name} is not a zip file that can be opened.") from None
    with archive:
        infos = [info for info in archive.infolist() if not info.is_dir()]
        if len(infos) > MAX_ZIP_FILES:
            raise Refused(f"{name} holds {len(infos)} files; at most {MAX_ZIP_FILES} can be loaded at once.")
        total = 0
        for info in infos:
            path = info.filename.replace("\\", "/")
            if path.startswith("/") or (len(path) > 1 and path[1] == ":"):
                raise Refused(f"{name} contains an absolute path ({info.filename}); zip the data folder itself.")
            if ".." in PurePosixPath(path).parts:
                raise Refused(f"{name} contains a path that leaves its folder ({info.filename}).")
            if stat.S_ISLNK(info.external_attr >> 16):
                raise Refused(f"{name} contains a symbolic link ({info.filename}); zip the files themselves.")
            if info.flag_bits & 0x1:
                raise Refused(f"{name} is encrypted; upload a zip without a password.")
            ratio = info.file_size / max(info.compress_size, 1)
            if ratio > MAX_COMPRESSION_RATIO:
                raise Refused(
                    f"{name} looks like a zip bomb: {info.filename} is compressed {ratio:,.0f} to 1 "
                    f"(at most {MAX_COMPRESSION_RATIO} to 1)."
                )
            total += info.file_size
        if total > MAX_UNCOMPRESSED_BYTES:
            raise Refused(
                f"{name} would be {total / 1e6:,.0f} MB uncompressed; at most "
                f"{MAX_UNCOMPRESSED_BYTES // 1_000_000} MB can be loaded."
            )
        entries = []
        for info in infos:
            with archive.open(info) as handle:
                content = handle.read(info.file_size + 1)  # never more than the header declared
            if len(content) > info.file_size:
                raise Refused(f"{name} is damaged: {info.filename} is larger than its header says.")
            entries.append((info.filename.replace("\\", "/"), content))
    return entries


def _strip_top_folder(entries: list[tuple[str, bytes]]) -> list[tuple[str, bytes]]:
    """'data/visits/x.yaml' → 'visits/x.yaml' when every entry sits in one top folder (a zipped data folder)."""
    tops = {path.split("/", 1)[0] for path, _ in entries if "/" in path}
    loose = [path for path, _ in entries if "/" not in path]
    if len(tops) == 1 and not loose and not tops & set(RECORD_MODELS):
        top = tops.pop()
        return [(path[len(top) + 1 :], content) for path, content in entries]
    return entries


def read_upload(files: Iterable[UploadFile], kind: str | None = None) -> Upload:
    """Read uploaded files (YAML of records, a zip laid out like data/, CSV templates) with every limit checked.

    `kind` is the record kind of a YAML file's records (None: each record's kind is told by its fields).
    Raises Refused, with one sentence, for an upload that cannot be read at all."""
    files = list(files)
    if not files:
        raise Refused("No file was given.")
    size = sum(len(f.data) for f in files)
    if size > MAX_UPLOAD_BYTES:
        raise Refused(f"The upload is {size / 1e6:,.1f} MB; at most {MAX_UPLOAD_BYTES // 1_000_000} MB can be loaded.")
    digest = hashlib.sha256()
    for f in files:
        for part in (f.name.encode(), f.data):
            digest.update(len(part).to_bytes(8, "little"))
            digest.update(part)
    upload = Upload(", ".join(f.name for f in files), digest.hexdigest())
    pending: list[tuple[str, str, str, bytes, str | None]] = []  # (what it is, display name, text, bytes, kind)
    for f in files:
        suffix = f.name.rsplit(".", 1)[-1].lower() if "." in f.name else ""
        if suffix == "zip":
            for path, content in _strip_top_folder(_safe_entries(f.name, f.data)):
                role, entry_kind = _zip_role(path)
                if role is None:
                    upload.ignored.append(path)
                else:
                    display = f"{f.name}/{path}"
                    pending.append((role, display, _text(display, content), content, entry_kind))
        elif suffix in ("yaml", "yml"):
            pending.append(("records", f.name, _text(f.name, f.data), f.data, kind))
        elif suffix == "csv":
            pending.append(("csv", f.name, _text(f.name, f.data), f.data, None))
        else:
            raise Refused(f"{f.name} is not a .yaml, .zip or .csv file.")
    # A count by lines before any parsing: a file of too many records costs nothing to refuse.
    _refuse_too_many(sum(_lines_of_records(role, text) for role, _, text, _, _ in pending))
    for role, display, text, content, entry_kind in pending:
        if role == "csv":
            upload.record_files.append((CsvFile.from_text(text, display, content), None))
        elif role == "records":
            upload.record_files.append((YamlFile.from_text(text, display), entry_kind))
        else:
            upload.references[role] = YamlFile.from_text(text, display)
    _refuse_too_many(upload.records)
    return upload


def _refuse_too_many(records: int) -> None:
    if records > MAX_RECORDS:
        raise Refused(f"The upload holds {records:,} records; at most {MAX_RECORDS:,} can be loaded at once.")


def _lines_of_records(role: str, text: str) -> int:
    """Records by a line scan: rows of a CSV, top-level list items of a YAML file."""
    if role == "csv":
        return max(text.count("\n") - 1, 0)
    if role == "records":
        return sum(1 for line in text.splitlines() if line == "-" or line.startswith("- "))
    return 0


def _zip_role(path: str) -> tuple[str | None, str | None]:
    """What a zip entry is: ('records', kind) in a kind's folder, ('csv', None) at the top, (reference name, None)
    for countries/sectors/series.yaml at the top, or (None, None): not read."""
    parts = PurePosixPath(path).parts
    stem, suffix = PurePosixPath(path).stem, PurePosixPath(path).suffix.lower()
    if suffix in (".yaml", ".yml") and len(parts) == 2 and parts[0] in RECORD_MODELS:
        return "records", parts[0]
    if suffix in (".yaml", ".yml") and len(parts) == 1 and stem in REFERENCE_FILES:
        return stem, None
    if suffix == ".csv" and len(parts) == 1:
        return "csv", None
    return None, None


def kind_of(item: Any) -> str | None:
    """The record kind whose fields a record's keys match best, when exactly one does."""
    if not isinstance(item, dict):
        return None
    keys = set(item)
    scores = {kind: len(keys & set(model.model_fields)) for kind, model in RECORD_MODELS.items()}
    best = max(scores.values())
    winners = [kind for kind, score in scores.items() if score == best]
    return winners[0] if best and len(winners) == 1 else None


def _located(upload: Upload, problems: list[Problem]) -> tuple[dict[str, list[Located]], int, list[str]]:
    """Every record of the upload that passes its model, by kind; how many records there were; unusable files."""
    located: dict[str, list[Located]] = {kind: [] for kind in RECORD_MODELS}
    total, unreadable = 0, []
    for file, fixed in upload.record_files:
        total += _count(file)
        if file.errors or not isinstance(file.data, list):
            validate_records(file, next(iter(RECORD_MODELS.values())), problems)  # the file's own problem
            unreadable.append(file.display)
            continue
        kind_of_file = fixed or getattr(file, "kind", None)
        for index, item in enumerate(file.data):
            kind = kind_of_file or kind_of(item)
            if kind is None and isinstance(item, dict) and index not in file.faults:
                kinds = ", ".join(k.rstrip("s") for k in RECORD_MODELS)
                message = f"cannot tell which kind of record this is ({kinds}); choose the kind when loading"
                label = item.get("id") if isinstance(item.get("id"), str) else f"record #{index + 1}"
                problems.append(Problem(file.display, file.line_of(index), label[:120], "-", message))
                continue
            record = validate_item(file, index, item, RECORD_MODELS[kind or "visits"], problems)
            if record is not None:
                located[kind].append(Located(record, file, index))  # type: ignore[index]
    return located, total, unreadable


def _vocabularies(
    base: Dataset, uploads: list[Upload], replace_it: bool, problems: list[Problem]
) -> dict[str, dict[str, Any]]:
    """Countries, sectors and series: the curated ones plus any an upload brings. Replacing, an uploaded entry
    replaces the curated one of the same code; adding, a different entry under a curated code is a problem."""
    out = {"countries": dict(base.countries), "sectors": dict(base.sectors), "series": dict(base.series)}
    for upload in uploads:
        for name, file in upload.references.items():
            model, key = REFERENCE_FILES[name]
            for record, index in validate_records(file, model, problems):
                code = getattr(record, key)
                if not replace_it and code in out[name] and out[name][code] != record:
                    where = f"data/{name}.yaml"
                    message = f"duplicate id; the curated data already has it, differently, in {where}"
                    problems.append(Problem(file.display, file.line_of(index), code, key, message))
                    continue
                out[name][code] = record
    return out


def _info(base: Dataset, name: str, replace_it: bool) -> DatasetInfo:
    """The name every chart, download and citation gives a dataset holding uploaded records."""
    info = base.info
    title = info.title if info else "South Asia Diplomacy Dashboard"
    citation = info.citation_name if info else title
    version = info.version if info else "unversioned"
    if replace_it:
        return DatasetInfo(
            title=f"Records uploaded from {name}",
            version=f"upload of {name}",
            updated=date.today().isoformat(),
            licence="as given by whoever uploaded it",
            maintainers="Uploaded in this browser session, not reviewed",
            citation_name=f"Records uploaded from {name} (not reviewed), shown with {citation}",
        )
    return DatasetInfo(
        title=f"{title}, with records from {name}",
        version=f"{version} + {name}",
        updated=info.updated if info else date.today().isoformat(),
        licence=info.licence if info else "unknown",
        maintainers=info.maintainers if info else "unknown",
        citation_name=f"{citation}, with records uploaded from {name} (not reviewed)",
    )


def combine(base: Dataset, uploads: list[Upload], *, replace_it: bool = False, today: date | None = None) -> Dataset:
    """The uploads' valid records added to `base` (their ids may not collide with its ids), or put in its place,
    checked by the same models and cross-checks as the curated data. `base` itself is not changed."""
    problems: list[Problem] = []
    vocab = _vocabularies(base, uploads, replace_it, problems)
    located: dict[str, list[Located]] = {kind: [] for kind in RECORD_MODELS}
    total, unreadable = 0, []
    for upload in uploads:
        found, count, unusable = _located(upload, problems)
        for kind, items in found.items():
            located[kind] += items
        total, unreadable = total + count, unreadable + unusable
    taken = {} if replace_it else base.record_files
    rejected = cross_check(
        located, vocab["countries"], vocab["sectors"], vocab["series"], problems, today or date.today(), taken=taken
    )
    kept = {kind: [loc for loc in items if id(loc) not in rejected] for kind, items in located.items()}
    added = {kind: [loc.record for loc in items] for kind, items in kept.items()}
    own_files = {kind: {loc.record.id: loc.file.display for loc in items} for kind, items in kept.items()}
    name = " + ".join(u.name for u in uploads)
    fingerprint = hashlib.sha256(
        "\n".join([base.fingerprint, "replace" if replace_it else "add", *(u.digest for u in uploads)]).encode()
    ).hexdigest()[:10]

    def before(name: str) -> Any:
        """What the base contributes to a field: nothing when the upload replaces it."""
        value = getattr(base, name)
        return type(value)() if replace_it else value

    return replace(
        base,
        info=_info(base, name, replace_it),
        countries=vocab["countries"],
        sectors=vocab["sectors"],
        series=vocab["series"],
        visits=before("visits") + added["visits"],
        deals=before("deals") + added["deals"],
        cooperation=before("cooperation") + added["cooperation"],
        meetings=before("meetings") + added["meetings"],
        problems=before("problems") + problems,
        excluded=(0 if replace_it else base.excluded) + total - sum(len(items) for items in kept.values()),
        unreadable_files=before("unreadable_files") + unreadable,
        fingerprint=fingerprint,
        file_count=(0 if replace_it else base.file_count) + sum(len(u.record_files) for u in uploads),
        gaps={} if replace_it else base.gaps,
        record_files={
            kind: ({} if replace_it else base.record_files.get(kind, {})) | own_files[kind] for kind in RECORD_MODELS
        },
        uploaded=before("uploaded") | {i: f for files in own_files.values() for i, f in files.items()},
    )


def record_yaml(record: dict[str, Any]) -> str:
    """One record as a YAML list item, ready to paste at the end of its file."""
    return yaml.safe_dump([record], sort_keys=False, allow_unicode=True, width=100, default_flow_style=False)


def form_upload(records: list[dict[str, Any]]) -> Upload:
    """The records added with the form, read exactly as an uploaded YAML file of them would be."""
    text = "".join(record_yaml(r) for r in records)
    return read_upload([UploadFile(FORM_FILE, text.encode("utf-8"))])


def check_record(base: Dataset, kind: str, record: dict[str, Any], *, today: date | None = None) -> list[Problem]:
    """What `make validate` would say of this record at the top of its file, added to `base`: the same model, the
    same cross-checks (codes, references, dates, an id already taken), the same messages."""
    display = target_file(kind, record)
    text = record_yaml(record)
    upload = Upload(display, hashlib.sha256(text.encode()).hexdigest(), [(YamlFile.from_text(text, display), kind)])
    checked = combine(base, [upload], today=today)
    return [p for p in checked.problems if p.file == display]


def target_file(kind: str, record: dict[str, Any]) -> str:
    """The data file a record belongs in: data/visits/ind-jpn.yaml (the pair's codes in alphabetical order), or for
    a meeting the file of its series."""
    if kind == "meetings":
        return f"data/meetings/{record.get('series') or 'SERIES'}.yaml"
    codes = [record.get("guest_country"), record.get("host_country")] if kind == "visits" else None
    codes = codes or record.get("parties") or record.get("countries") or []
    codes = sorted(str(c) for c in codes if c)[:2]
    pair = pair_key(*codes).replace("–", "-").lower() if len(codes) == 2 else "aaa-bbb"
    return f"data/{kind}/{pair}.yaml"
