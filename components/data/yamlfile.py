"""Read one YAML file fast, and find the line of any record or field in it only when a problem needs one."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the data, with everything a curator needs to find it."""

    file: str
    line: int | None
    record: str
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.record}: {self.field}: {self.message}"


@dataclass
class YamlFile:
    """A parsed YAML file that keeps its text so line numbers can be recovered on demand."""

    path: Path
    display: str
    data: Any = None
    error: Problem | None = None
    _text: str = field(default="", repr=False)
    _root: Any = field(default=None, repr=False)

    @classmethod
    def read(cls, path: Path, display: str) -> YamlFile:
        loaded = cls(path=path, display=display)
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            loaded.error = Problem(display, None, "-", "-", f"cannot be read: {exc}")
            return loaded
        loaded._text = text
        try:
            loaded.data = yaml.load(text, Loader=Loader)  # noqa: S506 - Loader is a safe loader
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            line = mark.line + 1 if mark else None
            reason = exc.problem or str(exc)
            loaded.error = Problem(display, line, "-", "-", f"YAML syntax error: {reason}")
        except yaml.YAMLError as exc:
            loaded.error = Problem(display, None, "-", "-", f"YAML error: {exc}")
        return loaded

    def _node(self) -> Any:
        if self._root is None:
            self._root = yaml.compose(self._text, Loader=Loader)
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
