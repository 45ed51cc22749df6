"""Read one YAML data file safely and fast, and find the line of any record or field in it when a problem needs one."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

MAX_BYTES = 5_000_000
MAX_DEPTH = 50
MAX_LABEL = 120  # the longest id a record may have
ALIAS_MESSAGE = "YAML aliases (*name) are not allowed in data files; write the value out"
TAG_MESSAGE = "YAML tags such as !!python/... are not allowed in data files; write plain values"


class DataLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """A safe loader that keeps dates as written, so the schema reports an impossible one with its field."""


# PyYAML would build a datetime.date, and raise a bare ValueError for 2021-02-30 while loading.
DataLoader.add_constructor("tag:yaml.org,2002:timestamp", yaml.SafeLoader.construct_scalar)


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the data, with everything a curator needs to find it."""

    file: str
    line: int | None
    record: str
    field: str
    message: str
    column: str | None = None  # the column of a CSV file: file:row:column

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        if self.column:
            where += f":{self.column}"
        return f"{where}: {self.record}: {self.field}: {self.message}"


def record_label(item: Any, fallback: str) -> str:
    """The record's id when it is a short string, else `fallback`: never render an arbitrary value."""
    for key in ("id", "iso3"):
        value = item.get(key) if isinstance(item, dict) else None
        if isinstance(value, str) and 0 < len(value) <= MAX_LABEL:
            return value
    return fallback


def _faults(root: yaml.Node) -> Iterator[tuple[int | None, int, tuple[Any, ...], str]]:
    """(record index, line, field path, message) for each alias, too-deep nesting and duplicate key, in text order."""
    seen: set[int] = set()
    stack: list[tuple[yaml.Node, tuple[Any, ...], int | None]] = [(root, (), None)]
    while stack:
        node, path, index = stack.pop()
        if len(path) > MAX_DEPTH:
            yield index, node.start_mark.line + 1, path, f"nested deeper than {MAX_DEPTH} levels"
            continue
        # (child, its key, the line that holds it): an alias is the very node of its anchor, so its own
        # mark points at the anchor; the line of the key or list holding it is where the alias was written.
        children: list[tuple[yaml.Node, Any, int]] = []
        if isinstance(node, yaml.MappingNode):
            first: dict[str, int] = {}
            for key, value in node.value:
                name = key.value if isinstance(key, yaml.ScalarNode) else "?"
                line = key.start_mark.line + 1
                if name in first and name != "?":
                    message = f"duplicate key {name!r}; also given on line {first[name]}, and only one value can count"
                    yield index, line, (*path, name), message
                first.setdefault(name, line)
                children += [(key, name, line), (value, name, line)]
        elif isinstance(node, yaml.SequenceNode):
            line = node.start_mark.line + 1
            children = [(child, n, line) for n, child in enumerate(node.value)]
        deeper = []
        for child, key, line in children:
            child_index = key if node is root and isinstance(key, int) else index
            if id(child) in seen:
                yield child_index, line, (*path, key), ALIAS_MESSAGE
            elif not isinstance(child, yaml.ScalarNode):
                deeper.append((child, (*path, key), child_index))
            seen.add(id(child))
        stack += reversed(deeper)


@dataclass
class YamlFile:
    """A parsed YAML file that keeps its text so line numbers can be recovered on demand."""

    path: Path
    display: str
    data: Any = None
    errors: list[Problem] = field(default_factory=list)  # the file as a whole cannot be used
    faults: dict[int, list[Problem]] = field(default_factory=dict)  # by top-level record: leave those out
    raw: bytes = field(default=b"", repr=False)
    _text: str = field(default="", repr=False)
    _root: Any = field(default=None, repr=False)

    def _error(self, line: int | None, message: str, field_name: str = "-") -> None:
        self.errors.append(Problem(self.display, line, "-", field_name, message))
        self.data = None

    @classmethod
    def read(cls, path: Path, display: str) -> YamlFile:
        try:
            with path.open("rb") as handle:
                raw = handle.read(MAX_BYTES + 1)
        except OSError as exc:
            loaded = cls(path=path, display=display)
            loaded._error(None, f"cannot be read: {exc}")
            return loaded
        return cls.from_bytes(path, display, raw)

    @classmethod
    def from_bytes(cls, path: Path, display: str, raw: bytes) -> YamlFile:
        """Parse the bytes read from `path`."""
        loaded = cls(path=path, display=display, raw=raw)
        if len(raw) > MAX_BYTES:
            loaded._error(None, f"file is larger than {MAX_BYTES // 1_000_000} MB; split it into smaller files")
            return loaded
        try:
            loaded._text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            loaded._error(None, f"cannot be read: {exc}")
            return loaded
        loaded._parse()
        return loaded

    @classmethod
    def from_text(cls, text: str, display: str) -> YamlFile:
        """A file that never touched the disk (an upload), read with the same limits and line numbers."""
        loaded = cls(path=Path(display), display=display, raw=text.encode("utf-8"))
        if len(loaded.raw) > MAX_BYTES:
            loaded._error(None, f"file is larger than {MAX_BYTES // 1_000_000} MB; split it into smaller files")
            return loaded
        loaded._text = text
        loaded._parse()
        return loaded

    @classmethod
    def unparsed(cls, path: Path, display: str, raw: bytes) -> YamlFile:
        """A file whose validated records come from elsewhere (the compiled cache): parsed only if a line is asked."""
        return cls(path=path, display=display, raw=raw, _text=raw.decode("utf-8", errors="replace"))

    def _parse(self) -> None:
        loader = DataLoader(self._text)
        try:
            # The node tree is not kept: many live nodes slow every later garbage collection of the load.
            root = loader.get_single_node()
            if root is None:
                return
            faults = list(_faults(root))
            self.data = loader.construct_document(root)
        except yaml.constructor.ConstructorError as exc:
            mark = exc.problem_mark or exc.context_mark
            self._error(mark.line + 1 if mark else None, f"{TAG_MESSAGE} ({exc.problem or exc})")
            return
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            self._error(mark.line + 1 if mark else None, f"YAML syntax error: {exc.problem or exc}")
            return
        except yaml.YAMLError as exc:
            self._error(None, f"YAML error: {exc}")
            return
        except RecursionError:
            self._error(None, f"nested deeper than {MAX_DEPTH} levels")
            return
        finally:
            loader.dispose()
        for index, line, path, message in faults:
            field_name = ".".join(map(str, path[1:] if index is not None else path)) or "-"
            if index is None or not isinstance(self.data, list):
                self._error(line, message, field_name)
            else:
                label = record_label(self.data[index], f"record #{index + 1}")
                self.faults.setdefault(index, []).append(Problem(self.display, line, label, field_name, message))

    def estimated_records(self) -> int:
        """How many records the file seems to hold, by a line scan: a count for a file that cannot be read."""
        if isinstance(self.data, dict):
            return 1
        return sum(1 for line in self._text.splitlines() if line == "-" or line.startswith("- "))

    def column_of(self, index: int | None, loc: tuple[Any, ...] = ()) -> str | None:
        """A YAML file has lines, not columns (a CSV file names the column of a field)."""
        return None

    def _node(self) -> Any:
        if self._root is None:
            self._root = yaml.compose(self._text, Loader=DataLoader)
        return self._root

    def line_of(self, index: int | None, loc: tuple[Any, ...] = ()) -> int | None:
        """Line (1-based) of record `index`, and within it of the field at `loc`, as deep as it exists."""
        node = self._node()
        if node is None:
            return None
        if index is not None:
            if not isinstance(node, yaml.SequenceNode) or index >= len(node.value):
                return node.start_mark.line + 1
            node = node.value[index]
        line = node.start_mark.line + 1
        for part in loc:
            if isinstance(node, yaml.MappingNode) and isinstance(part, str):
                match = next((kv for kv in node.value if kv[0].value == part), None)
                if match is None:
                    continue
                line = match[0].start_mark.line + 1
                node = match[1]
            elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
                if part >= len(node.value):
                    break
                node = node.value[part]
                line = node.start_mark.line + 1
        return line
