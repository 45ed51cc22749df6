"""The compiled cache: each data file's validated records on disk as Arrow IPC files, keyed by the file's content hash.

A server start on unchanged data reads these instead of parsing and validating the YAML again (YAML parsing is
most of a load). The key covers the file's bytes, its displayed path, the record model and the source of the
code that reads and validates it, so an edited file or a changed schema is simply a miss. Cross-checks between
files still run on every load: they depend on the other files. `make validate` and the tests never use it."""

from __future__ import annotations

import functools
import hashlib
import json
import os
import tempfile
import types
import typing
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.feather as feather
import pydantic
from pydantic import BaseModel

from components.data.yamlfile import Problem

CACHE_DIR_ENV = "DASHBOARD_CACHE_DIR"
DEFAULT_CACHE_DIR = Path(__file__).resolve().parents[2] / ".cache" / "compiled"
_HERE = Path(__file__).resolve().parent
# What a cached result depends on besides the file itself: a change to any of these is a miss for every file.
_CODE = ("schema.py", "categories.py", "yamlfile.py", "loading.py", "compiled.py")


def _code_version() -> str:
    digest = hashlib.sha256(pydantic.VERSION.encode())
    for name in _CODE:
        digest.update((_HERE / name).read_bytes())
    return digest.hexdigest()


CODE_VERSION = _code_version()


def cache_dir() -> Path:
    """The cache folder: DASHBOARD_CACHE_DIR when set, else .cache/compiled in the repository (git ignores it)."""
    return Path(os.environ.get(CACHE_DIR_ENV) or DEFAULT_CACHE_DIR)


@dataclass(frozen=True)
class Compiled:
    """One data file, read and validated: its valid records with their index, and what was wrong with it."""

    valid: list[tuple[Any, int]]
    problems: list[Problem]
    is_list: bool  # the file holds a list of records (else none of its records can be used)
    count: int  # records in the file (by a line scan when it cannot be read)


class FileCache:
    """Compiled files in one folder, one Arrow IPC file each; a missing or unreadable entry is a miss."""

    def __init__(self, folder: Path):
        self.folder = folder

    @staticmethod
    def key(display: str, model: type[BaseModel], raw: bytes) -> str:
        digest = hashlib.sha256(CODE_VERSION.encode())
        for part in (display.encode(), model.__name__.encode(), raw):
            digest.update(len(part).to_bytes(8, "little"))
            digest.update(part)
        return digest.hexdigest()

    def _path(self, key: str) -> Path:
        return self.folder / f"{key}.arrow"

    def get(self, key: str, model: type[BaseModel]) -> Compiled | None:
        try:
            table = feather.read_table(self._path(key), memory_map=True, use_threads=False)
            meta = json.loads(table.schema.metadata[b"compiled"])
            indexes = table.column("index").to_pylist()
            records = [
                _construct(model, item) for item in json.loads("[" + ",".join(table.column("record").to_pylist()) + "]")
            ]
        except (OSError, KeyError, ValueError, pa.ArrowException):
            return None
        problems = [Problem(**p) for p in meta["problems"]]
        return Compiled(list(zip(records, indexes, strict=True)), problems, meta["is_list"], meta["count"])

    def put(self, key: str, compiled: Compiled) -> None:
        """Write the entry atomically (a reader never sees half a file); a cache that cannot be written is skipped."""
        meta = {"problems": [asdict(p) for p in compiled.problems], "is_list": compiled.is_list}
        meta["count"] = compiled.count
        table = pa.table(
            {
                "index": pa.array([index for _, index in compiled.valid], pa.int64()),
                "record": pa.array(
                    [record.model_dump_json(exclude_unset=True) for record, _ in compiled.valid], pa.string()
                ),
            }
        ).replace_schema_metadata({"compiled": json.dumps(meta)})
        temporary = None
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=self.folder, suffix=".tmp")
            os.close(handle)
            feather.write_feather(table, temporary, compression="uncompressed")
            os.replace(temporary, self._path(key))
        except OSError:
            if temporary:
                Path(temporary).unlink(missing_ok=True)


def _construct(model: type[BaseModel], values: dict[str, Any]) -> BaseModel:
    """Rebuild a record that passed validation when it was compiled, without validating it again: what pydantic's
    `model_construct` does (values, defaults, the set of fields given), applied to nested models too, without its
    per-call signature inspection, which costs more than the validation it skips."""
    for name, (many, nested) in _nested_fields(model).items():
        value = values.get(name)
        if value is not None:
            values[name] = [_construct(nested, v) for v in value] if many else _construct(nested, value)
    fields = {name: values[name] if name in values else default() for name, default in _defaults(model)}
    record = model.__new__(model)
    object.__setattr__(record, "__dict__", fields)
    object.__setattr__(record, "__pydantic_fields_set__", set(values))
    object.__setattr__(record, "__pydantic_extra__", None)
    object.__setattr__(record, "__pydantic_private__", None)
    return record


@functools.cache
def _defaults(model: type[BaseModel]) -> tuple[tuple[str, Callable[[], Any]], ...]:
    """Each field of `model` in order, with a function giving its default (a fresh one for a default factory)."""
    return tuple(
        (name, info.default_factory or functools.partial(_value, info.default))
        for name, info in model.model_fields.items()
    )


def _value(value: Any) -> Any:
    return value


@functools.cache
def _nested_fields(model: type[BaseModel]) -> dict[str, tuple[bool, type[BaseModel]]]:
    """The fields of `model` that hold a model or a list of models (optional or not)."""
    out = {}
    for name, info in model.model_fields.items():
        many, nested = _model_in(info.annotation)
        if nested is not None:
            out[name] = (many, nested)
    return out


def _model_in(annotation: Any) -> tuple[bool, type[BaseModel] | None]:
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin in (typing.Union, types.UnionType):
        found = [_model_in(arg) for arg in args if arg is not type(None)]
        return next((f for f in found if f[1] is not None), (False, None))
    if origin is list:
        many, nested = _model_in(args[0])
        return (True, nested) if nested is not None and not many else (False, None)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return False, annotation
    return False, None
