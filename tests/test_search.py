"""Search: misspelt, accented and partial queries find their records; exact phrases rank first; filters narrow."""

from __future__ import annotations

import pytest

from components.data.frames import Tables, build_tables
from components.data.loading import load_dataset
from components.data.search import SEARCH_KINDS, build_index, normalise, search, suggestions
from tests.conftest import REAL_DATA


@pytest.fixture
def index(tables):
    """The search index of the fixture dataset."""
    return build_index(tables)


@pytest.fixture(scope="module")
def real_index():
    """The search index of the curated data."""
    return build_index(build_tables(load_dataset(REAL_DATA)))


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("Sergey Lavrov", "rus-pak-2021-04-lavrov"),
        ("Lavorv", "rus-pak-2021-04-lavrov"),
        ("LAVROV", "rus-pak-2021-04-lavrov"),
        ("lavr", "rus-pak-2021-04-lavrov"),
        ("Amended pipeline", "pak-rus-2021-pipeline-protocol"),
        ("Lavrov arrives", "rus-pak-2021-04-lavrov"),  # a source's title
        ("Example Gazette", "chn-pak-2015-04-xi"),  # a source's publisher
        ("chn-pak-2015-04-xi", "chn-pak-2015-04-xi"),  # an id
        ("Bishkek", "sco-heads-of-state-2019-bishkek"),  # a meeting's city
        ("Narendra Modi", "sco-heads-of-state-2019-bishkek"),  # a participant
        ("Khan meets Putin", "sco-heads-of-state-2019-bishkek-pak-rus"),  # a sideline meeting
        ("Gas pipeline cooperation", "pak-rus-energy"),
    ],
)
def test_query_finds_its_record_first(index, query, first):
    assert search(index, query).id.iloc[0] == first


@pytest.mark.parametrize(("text", "expected"), [("Türkiye", "turkiye"), ("ÉCOLE", "ecole"), ("Straße", "strasse")])
def test_normalise_drops_case_and_accents(text, expected):
    assert normalise(text) == expected


def test_every_word_must_match(index):
    assert search(index, "Lavrov Beijing").empty


def test_exact_phrase_ranks_before_fuzzy_matches(index):
    found = search(index, "pipeline protocol")
    assert found.exact.iloc[0]
    assert found.id.iloc[0] == "pak-rus-2021-pipeline-protocol"


def test_allowed_ids_narrow_the_results(index):
    assert search(index, "Islamabad").id.nunique() >= 2
    assert list(search(index, "Islamabad", allowed={"chn-pak-2015-04-xi"}).id) == ["chn-pak-2015-04-xi"]


def test_results_carry_kind_date_pair_and_summary(index):
    row = search(index, "Lavrov").iloc[0]
    assert (row.kind, row.date, row.pair, row.summary) == ("visits", "6–7 April 2021", "PAK–RUS", "Talks in Islamabad.")


def test_nothing_found_suggests_the_nearest_names(index):
    assert search(index, "Lavrovski Moskva").empty
    assert "Sergey Lavrov" in suggestions(index, "Lavrovski")


def test_every_kind_in_the_tables_is_searchable():
    """A new record table must get a row in SEARCH_KINDS (the reference tables are not records)."""
    not_records = {"status", "sources", "countries", "sectors", "paths", "participants", "series"}
    assert {k.table for k in SEARCH_KINDS} == set(Tables.__dataclass_fields__) - not_records


@pytest.mark.parametrize(
    ("query", "expected"),
    [("Hambantotta", "hambantota"), ("Lavorv", "lavrov"), ("turkiye", "turkiye"), ("Türkiye", "turkiye")],
)
def test_real_data_typos_and_accents(real_index, query, expected):
    found = search(real_index, query)
    assert not found.empty
    assert expected in found.text.iloc[0]
