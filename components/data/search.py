"""Find records by what they say: one searchable row per record, typo-tolerant through rapidfuzz."""

from __future__ import annotations

import bisect
import itertools
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass

import numpy as np
import pandas as pd
from rapidfuzz import fuzz, process

from components.data.dates import label
from components.data.frames import Tables


@dataclass(frozen=True)
class SearchKind:
    """One record kind as search sees it: its table, how a result reads, and the columns searched."""

    table: str  # the Tables attribute
    label: str  # the group heading of its results
    title: str  # a format string over the row's columns: the result's first line
    date: str  # the column with the date as shown
    order: str  # the column that sorts by date (ISO text or a year)
    pair: str | None  # the column naming the countries, if the kind has a pair
    searched: tuple[str, ...]  # its own columns to search, besides COMMON_COLUMNS


SEARCH_KINDS: tuple[SearchKind, ...] = (
    SearchKind("visits", "Visits", "{visitor} in {cities}", "dates", "start_text", "pair", ("visitor", "cities")),
    SearchKind("deals", "Deals & projects", "{title}", "date_text", "date_text", "pair", ("title", "location")),
    SearchKind(
        "cooperation", "Cooperation areas", "{sector} cooperation since {since}", "since", "since", "pair", ("sector",)
    ),
    SearchKind(
        "meetings", "Multilateral meetings", "{name}", "dates", "start_text", None, ("name", "series_name", "city")
    ),
    SearchKind(
        "sidelines",
        "Sideline meetings",
        "{people} at {meeting}",
        "date_text",
        "date_text",
        "pair",
        ("meeting", "people"),
    ),
)
COMMON_COLUMNS = ("id", "summary", "note")  # searched in every kind, besides its own columns and RELATED_TEXT

# Text kept in other tables, joined to its record by id: who wrote about it, and who took part.
RELATED_TEXT: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("sources", "record_id", ("publisher", "title")),
    ("participants", "meeting_id", ("name",)),
)
# Columns whose values are names a reader may have meant when nothing matches.
NAME_COLUMNS = ("visitor", "cities", "title", "location", "name", "people", "city")

TYPO_CUTOFF = 80  # rapidfuzz ratio (0–100) a word must reach to count as the query word misspelt
PREFIX_SCORE = 90  # a query word that begins a longer word ('lavr' → 'lavrov') scores this
MIN_FUZZY_LENGTH = 4  # shorter words must match exactly or as a prefix: 'xi' is not a typo of 'xu'
_WORD = re.compile(r"\w+")


def normalise(text: object) -> str:
    """Case- and accent-free text: 'Türkiye' → 'turkiye', 'Hambantota' → 'hambantota'."""
    decomposed = unicodedata.normalize("NFKD", str(text).casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def words(text: str) -> list[str]:
    return _WORD.findall(normalise(text))


@dataclass(frozen=True)
class SearchIndex:
    """Every record as one row (kind, id, title, date, pair, summary, and `text`: its searched words, normalised and
    space-separated) and an inverted index of those words."""

    rows: pd.DataFrame
    postings: dict[str, np.ndarray]  # normalised word → row numbers holding it
    title_postings: dict[str, np.ndarray]  # the same for the words of each row's title
    vocabulary: list[str]
    names: list[str]  # people, places and titles, for suggestions


def _cell(value: object) -> str:
    if isinstance(value, list | tuple):
        return " ".join(map(str, value))
    return "" if value is None or (isinstance(value, float) and np.isnan(value)) or value is pd.NA else str(value)


def _date(value: object) -> str:
    text = _cell(value)
    return label(text) if re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", text) else text


def _related(tables: Tables) -> dict[str, str]:
    text: dict[str, list[str]] = defaultdict(list)
    for table, key, columns in RELATED_TEXT:
        frame = getattr(tables, table)
        for row in frame[[key, *columns]].itertuples(index=False):
            text[row[0]].extend(_cell(v) for v in row[1:])
    return {record: " ".join(parts) for record, parts in text.items()}


def build_index(tables: Tables) -> SearchIndex:
    """The search index of every kind in SEARCH_KINDS: built once per dataset version."""
    related = _related(tables)
    parts, names = [], set()
    for kind in SEARCH_KINDS:
        frame = getattr(tables, kind.table)
        if frame.empty:
            continue
        records = frame.to_dict("records")
        columns = (*COMMON_COLUMNS, *kind.searched)
        for column in NAME_COLUMNS:
            if column in frame:
                names.update(s.strip() for v in frame[column] for s in _cell(v).split(",") if s.strip())
        parts.append(
            pd.DataFrame(
                {
                    "kind": kind.table,
                    "id": frame.id.astype(str).to_numpy(),
                    "title": [kind.title.format_map({k: _cell(v) for k, v in r.items()}) for r in records],
                    "title_text": [
                        " ".join(words(kind.title.format_map({k: _cell(v) for k, v in r.items()}))) for r in records
                    ],
                    "date": [_date(r[kind.date]) for r in records],
                    "sort": [_cell(r[kind.order]) for r in records],
                    "pair": [_cell(r[kind.pair]) if kind.pair else "" for r in records],
                    "summary": [_cell(r.get("summary")) for r in records],
                    "text": [
                        " ".join(words(" ".join([*(_cell(r.get(c)) for c in columns), related.get(r["id"], "")])))
                        for r in records
                    ],
                }
            )
        )
    rows = (
        pd.concat(parts, ignore_index=True)
        if parts
        else pd.DataFrame(columns=["kind", "id", "title", "title_text", "text"])
    )
    arrays = _postings(rows.text)
    return SearchIndex(rows, arrays, _postings(rows.title_text), sorted(arrays), sorted(names))


def _postings(texts: pd.Series) -> dict[str, np.ndarray]:
    found: dict[str, list[int]] = defaultdict(list)
    for n, text in enumerate(texts):
        for word in set(text.split()):
            found[word].append(n)
    return {word: np.asarray(rows, dtype=np.int64) for word, rows in found.items()}


def _word_matches(index: SearchIndex, word: str) -> dict[str, float]:
    """Words of the index that the query word may mean, with how close each is (100 = the word itself)."""
    found: dict[str, float] = {}
    vocabulary = index.vocabulary
    start = bisect.bisect_left(vocabulary, word)
    for w in itertools.islice(vocabulary, start, None):
        if not w.startswith(word):
            break
        found[w] = float(PREFIX_SCORE)
    if len(word) >= MIN_FUZZY_LENGTH:
        for w, score, _ in process.extract(word, vocabulary, scorer=fuzz.ratio, score_cutoff=TYPO_CUTOFF, limit=None):
            found[w] = max(found.get(w, 0.0), float(score))
    if word in index.postings:
        found[word] = 100.0
    return found


def search(index: SearchIndex, query: str, *, allowed: set[str] | None = None, limit: int = 200) -> pd.DataFrame:
    """Rows matching every word of the query (each exactly, as a prefix or with a small typo), best first:
    exact phrase matches (those in the title first), then by closeness in the title and in all the text, then
    the most recent. `allowed` keeps
    only those record ids."""
    wanted = list(dict.fromkeys(words(query)))
    rows = index.rows
    if not wanted or rows.empty:
        return rows.iloc[0:0].assign(score=[], title_score=[], exact=[], in_title=[])
    closeness, in_title = np.zeros((len(wanted), len(rows))), np.zeros((len(wanted), len(rows)))
    for n, word in enumerate(wanted):
        for match, score in _word_matches(index, word).items():
            for target, postings in ((closeness, index.postings), (in_title, index.title_postings)):
                hits = postings.get(match)
                if hits is not None:
                    target[n, hits] = np.maximum(target[n, hits], score)
    hits = np.flatnonzero(closeness.min(axis=0) > 0)
    found = rows.iloc[hits].assign(score=closeness[:, hits].mean(axis=0), title_score=in_title[:, hits].mean(axis=0))
    if allowed is not None:
        found = found[found.id.isin(allowed)]
    phrase = " ".join(words(query))
    found = found.assign(
        exact=[phrase in text for text in found.text],
        in_title=[phrase in title for title in found.title_text],
    )
    found = found.sort_values(["exact", "in_title", "title_score", "score", "sort"], ascending=False, kind="stable")
    return found.head(limit)


def suggestions(index: SearchIndex, query: str, limit: int = 5) -> list[str]:
    """The names nearest to a query that found nothing: people, places and titles in the data."""
    if not query.strip() or not index.names:
        return []
    found = process.extract(normalise(query), index.names, scorer=fuzz.WRatio, processor=normalise, limit=limit)
    return [name for name, score, _ in found if score >= 50]
