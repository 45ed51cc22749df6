"""Filters to URL parameters and back, including links that ask for what the data does not have."""

from components.data.links import LinkVocabulary, encode, parse

VOCABULARY = LinkVocabulary(
    countries=frozenset({"PAK", "RUS", "CHN"}), sectors=frozenset({"energy", "defence"}), years=(2000, 2026)
)


def test_defaults_encode_to_an_empty_address():
    assert encode(VOCABULARY.defaults(), VOCABULARY) == {}


def test_values_round_trip():
    values = {
        **VOCABULARY.defaults(),
        "a": "RUS",
        "b": "PAK",
        "years": (2010, 2021),
        "sector": ["energy"],
        "role": ["head_of_state"],
        "status": ["stalled"],
        "countries": ["CHN", "PAK"],
    }
    params = encode(values, VOCABULARY)
    assert params == {
        "countries": ["CHN", "PAK"],
        "a": ["RUS"],
        "b": ["PAK"],
        "years": ["2010", "2021"],
        "sector": ["energy"],
        "role": ["head_of_state"],
        "status": ["stalled"],
    }
    parsed, notices = parse(params, VOCABULARY)
    assert notices == []
    assert {**VOCABULARY.defaults(), **parsed} == values


def test_unknown_values_are_dropped_with_a_notice():
    parsed, notices = parse({"a": ["XXX"], "sector": ["energy", "magic"], "years": ["2030", "2010"]}, VOCABULARY)
    assert parsed == {"sector": ["energy"]}
    assert notices == [
        "Unknown country code “XXX” in the link (a=…); it was ignored and the default is shown.",
        "Unknown sector “magic” in the link (sector=…); it was ignored and the default is shown.",
        "The link's years=2030&2010 is not a range within 2000–2026; showing all years.",
    ]


def test_keys_that_are_not_filters_are_left_to_their_pages():
    assert parse({"story": ["x"], "c": ["PAK"]}, VOCABULARY) == ({}, [])
