"""The cached edge between the pure data layer and the pages: load once, reload when a file changes; and the
reader's own records, kept for their browser session only."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import streamlit as st

from components.data.compiled import FileCache, cache_dir
from components.data.frames import Tables, build_tables
from components.data.loading import Dataset, data_dir, load_dataset, record_files, removed_since
from components.data.stories import Stories, load_stories, story_files
from components.data.uploads import Upload, combine, form_upload
from components.data.yamlfile import Problem
from components.ui.sidebar import keep_years_whole

_OWN = "_own_data"


@dataclass(frozen=True)
class Loaded:
    dataset: Dataset
    tables: Tables
    stories: Stories
    removed: list[Problem]
    own: str | None = None  # a token of this session when the data holds the reader's own records

    @property
    def problems(self) -> list[Problem]:
        return self.removed + self.dataset.problems + self.stories.problems

    @property
    def cache_key(self) -> str:
        """What a cache of anything drawn from this data is keyed by: the fingerprint, and for a reader's own data
        their session's token too, so that no other session can ever be served from it."""
        return self.dataset.fingerprint + (f"-{self.own}" if self.own else "")


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


def curated() -> Loaded:
    """The validated dataset and its tables, reloaded when any data file changes."""
    root = data_dir()
    return _load(str(root), _signature(root), date.today())  # a date refused as future is fine on its day


@dataclass
class OwnData:
    """What this session brought: uploads, records added with the form, and whether they replace the curated data.
    It lives in st.session_state only: no cache that another session could read holds it."""

    uploads: list[Upload] = field(default_factory=list)
    form_records: list[dict[str, Any]] = field(default_factory=list)
    replace_it: bool = False
    token: str = field(default_factory=lambda: uuid.uuid4().hex)
    built: tuple[str, Loaded] | None = None  # (fingerprint of the curated data it was built on, the result)

    @property
    def parts(self) -> list[Upload]:
        return self.uploads + ([form_upload(self.form_records)] if self.form_records else [])


def own_data() -> OwnData | None:
    """This session's own records, if any."""
    own = st.session_state.get(_OWN)
    return own if own is not None and (own.uploads or own.form_records) else None


def _build(base: Loaded, own: OwnData) -> Loaded:
    dataset = combine(base.dataset, own.parts, replace_it=own.replace_it)
    stories = load_stories(dataset)
    if own.replace_it:  # the shipped stories that still fit the reader's records; the rest are not their problem
        stories = Stories(stories.stories, [])
    return Loaded(dataset, build_tables(dataset), stories, [], own=own.token)


def build_own(own: OwnData) -> Loaded:
    """The data these records make with the curated data, built once (again only when the curated data changes)."""
    base = curated()
    if own.built is None or own.built[0] != base.dataset.fingerprint:
        own.built = (base.dataset.fingerprint, _build(base, own))
    return own.built[1]


def keep_own(own: OwnData) -> None:
    """Make these the session's own records: every page shows them from the next run."""
    keep_years_whole(loaded().tables)
    st.session_state[_OWN] = own


def back_to_curated() -> None:
    """Forget the session's own records: every page shows the curated data again."""
    keep_years_whole(loaded().tables)
    st.session_state.pop(_OWN, None)


def loaded() -> Loaded:
    """The data this session sees: the reader's own records with (or instead of) the curated data when they have
    loaded or added some, else the curated data."""
    own = own_data()
    return curated() if own is None else build_own(own)
