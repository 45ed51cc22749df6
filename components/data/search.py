"""Find records by what they say: one searchable row per record, typo-tolerant through rapidfuzz."""

from __future__ import annotations

import bisect
import itertools
import re
import string
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
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")  # accents


def normalise(text: object) -> str:
    """Case- and accent-free text: 'Türkiye' → 'turkiye', 'Hambantota' → 'hambantota'."""
    text = str(text).casefold()
    return text if text.isascii() else _COMBINING.sub("", unicodedata.normalize("NFKD", text))


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
    columns: dict[str, np.ndarray]  # rows' text, title_text, kind and rank as plain arrays: no copy per query


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
        for row in zip(*(frame[c].tolist() for c in (key, *columns)), strict=True):
            text[row[0]].extend(_cell(v) for v in row[1:])
    return {record: " ".join(parts) for record, parts in text.items()}


def _column(frame: pd.DataFrame, column: str | None) -> list[str]:
    return [_cell(v) for v in frame[column].tolist()] if column and column in frame else [""] * len(frame)


def _titles(frame: pd.DataFrame, template: str) -> list[str]:
    fields = [name for _, name, _, _ in string.Formatter().parse(template) if name]
    values = zip(*(_column(frame, name) for name in fields), strict=True)
    return [template.format_map(dict(zip(fields, row, strict=True))) for row in values]


def _kind_rows(kind: SearchKind, frame: pd.DataFrame, related: dict[str, str]) -> pd.DataFrame:
    titles = _titles(frame, kind.title)
    ids = _column(frame, "id")
    searched = zip(*(_column(frame, c) for c in (*COMMON_COLUMNS, *kind.searched)), strict=True)
    return pd.DataFrame(
        {
            "kind": kind.table,
            "id": ids,
            "title": titles,
            "title_text": [" ".join(words(t)) for t in titles],
            "date": [_date(v) for v in frame[kind.date].tolist()],
            "sort": _column(frame, kind.order),
            "pair": _column(frame, kind.pair),
            "summary": _column(frame, "summary"),
            "text": [
                " ".join(words(" ".join([*row, related.get(i, "")]))) for i, row in zip(ids, searched, strict=True)
            ],
        }
    )


def build_index(tables: Tables) -> SearchIndex:
    """The search index of every kind in SEARCH_KINDS: built once per dataset version."""
    related = _related(tables)
    parts, names = [], set()
    for kind in SEARCH_KINDS:
        frame = getattr(tables, kind.table)
        if frame.empty:
            continue
        for column in NAME_COLUMNS:
            if column in frame:
                names.update(s.strip() for v in frame[column].unique() for s in _cell(v).split(",") if s.strip())
        parts.append(_kind_rows(kind, frame, related))
    columns = ["kind", "id", "title", "title_text", "date", "sort", "pair", "summary", "text"]
    rows = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=columns)
    rows["rank"] = rows["sort"].rank(method="dense").fillna(0).astype("int64")  # date order as a number
    arrays = _postings(rows.text)
    plain = {c: rows[c].to_numpy(dtype=object if c != "rank" else None) for c in ("text", "title_text", "kind", "rank")}
    return SearchIndex(rows, arrays, _postings(rows.title_text), sorted(arrays), sorted(names), plain)


def _postings(texts: pd.Series) -> dict[str, np.ndarray]:
    """Word → the row numbers holding it, each once and in order (built with array operations: 100x is 100k rows)."""
    split = [text.split() for text in texts]
    flat = list(itertools.chain.from_iterable(split))
    if not flat:
        return {}
    codes, vocabulary = pd.factorize(pd.Series(flat, dtype=object))
    rows = np.repeat(np.arange(len(split), dtype=np.int64), [len(words) for words in split])
    pairs = np.sort(codes.astype(np.int64) * len(split) + rows)  # by word, then row
    pairs = pairs[np.r_[True, np.diff(pairs) != 0]]  # a word twice in a row counts once
    word_codes, row_numbers = np.divmod(pairs, len(split))
    starts = np.flatnonzero(np.r_[True, np.diff(word_codes) != 0])
    return dict(zip(vocabulary[word_codes[starts]], np.split(row_numbers, starts[1:]), strict=True))


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


def search(index: SearchIndex, query: str, *, allowed: set[str] | None = None, per_kind: int = 50) -> pd.DataFrame:
    """Rows matching every word of the query (each exactly, as a prefix or with a small typo), best first:
    exact phrase matches (those in the title first), then by closeness in the title and in all the text, then
    the most recent. `allowed` keeps only those record ids. At most `per_kind` rows of each kind; how many
    matched in each kind is in `.attrs["counts"]`."""
    wanted = list(dict.fromkeys(words(query)))
    rows = index.rows
    if not wanted or rows.empty:
        return rows.iloc[0:0].assign(score=[], title_score=[], exact=[], in_title=[]).pipe(_counted, {})
    closeness, in_title = np.zeros((len(wanted), len(rows))), np.zeros((len(wanted), len(rows)))
    for n, word in enumerate(wanted):
        for match, score in _word_matches(index, word).items():
            for target, postings in ((closeness, index.postings), (in_title, index.title_postings)):
                hits = postings.get(match)
                if hits is not None:
                    target[n, hits] = np.maximum(target[n, hits], score)
    hits = np.flatnonzero(closeness.min(axis=0) > 0)
    if allowed is not None:
        hits = hits[rows.id.iloc[hits].isin(allowed).to_numpy()]
    phrase = " ".join(words(query))
    exact = np.fromiter((phrase in t for t in index.columns["text"][hits]), bool, len(hits))
    phrase_in_title = np.fromiter((phrase in t for t in index.columns["title_text"][hits]), bool, len(hits))
    score, title_score = closeness[:, hits].mean(axis=0), in_title[:, hits].mean(axis=0)
    # lexsort's last key sorts first; reversed for best first, with -hits keeping ties in index order.
    order = np.lexsort((-hits, index.columns["rank"][hits], score, title_score, phrase_in_title, exact))[::-1]
    kinds = index.columns["kind"][hits][order]
    keep = np.concatenate([np.flatnonzero(kinds == k)[:per_kind] for k in dict.fromkeys(kinds)] or [[]])
    top = order[np.sort(keep).astype(np.int64)]
    found = rows.iloc[hits[top]].assign(
        score=score[top], title_score=title_score[top], exact=exact[top], in_title=phrase_in_title[top]
    )
    return _counted(found, dict(zip(*np.unique(kinds, return_counts=True), strict=True)))


def _counted(found: pd.DataFrame, counts: dict) -> pd.DataFrame:
    found.attrs["counts"] = {str(k): int(v) for k, v in counts.items()}
    return found


def suggestions(index: SearchIndex, query: str, limit: int = 5) -> list[str]:
    """The names nearest to a query that found nothing: people, places and titles in the data."""
    if not query.strip() or not index.names:
        return []
    found = process.extract(normalise(query), index.names, scorer=fuzz.WRatio, processor=normalise, limit=limit)
    return [name for name, score, _ in found if score >= 50]
