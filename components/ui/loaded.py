"""The cached edge between the pure data layer and the pages: load once, reload when a file changes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

import streamlit as st

from components.data.compiled import FileCache, cache_dir
from components.data.frames import Tables, build_tables
from components.data.loading import Dataset, data_dir, load_dataset, record_files, removed_since
from components.data.stories import Stories, load_stories, story_files
from components.data.yamlfile import Problem


@dataclass(frozen=True)
class Loaded:
    dataset: Dataset
    tables: Tables
    stories: Stories
    removed: list[Problem]

    @property
    def problems(self) -> list[Problem]:
        return self.removed + self.dataset.problems + self.stories.problems


def _signature(root: Path) -> tuple:
    """Names, sizes and modification times of every data file: changes whenever a curator saves."""
    files = [root / f"{n}.yaml" for n in ("dataset", "countries", "sectors", "gaps")]
    files += record_files(root) + story_files(root)
    signature = []
    for path in files:
        try:
            stat = path.stat()
        except OSError:  # not there, or removed while we look
            continue
        signature.append((str(path), stat.st_mtime_ns, stat.st_size))
    return tuple(signature)


@st.cache_resource
def _files_at_last_load() -> dict[str, tuple[str, ...]]:
    """For each data folder, the files it held when last loaded: a file gone since then gets a notice."""
    return {}


# cache_resource, not cache_data: the tables are read-only, and cache_data would unpickle a full
# copy of every record on every rerun, which costs more than the page itself at larger sizes.
@st.cache_resource(show_spinner="Loading the dataset…", max_entries=2)
def _load(root: str, signature: tuple, today: date) -> Loaded:
    files = tuple(name for name, *_ in signature)
    last = _files_at_last_load()
    removed = removed_since(last.get(root, files), files, Path(root))
    last[root] = files
    dataset = load_dataset(Path(root), today, cache=FileCache(cache_dir()))
    return Loaded(dataset, build_tables(dataset), load_stories(dataset), removed)


def loaded() -> Loaded:
    """The validated dataset and its tables, reloaded when any data file changes."""
    root = data_dir()
    return _load(str(root), _signature(root), date.today())  # a date refused as future is fine on its day
