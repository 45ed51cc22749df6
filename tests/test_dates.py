"""Partial dates keep their precision from YAML to labels."""

from datetime import date

import pytest

from components.data import dates
from components.data.schema import normalise_partial_date


@pytest.mark.parametrize(
    ("raw", "text"),
    [(2021, "2021"), ("2021-04", "2021-04"), (date(2021, 4, 6), "2021-04-06"), ("2021-04-06", "2021-04-06")],
)
def test_normalise_keeps_the_given_precision(raw, text):
    assert normalise_partial_date(raw) == text


@pytest.mark.parametrize("raw", ["2021-02-30", "April 2021", "21-04", True, 3.5])
def test_normalise_rejects_what_is_not_a_date(raw):
    with pytest.raises(ValueError):
        normalise_partial_date(raw)


def test_labels_show_no_more_precision_than_known():
    assert dates.label("2021-04-06") == "6 April 2021"
    assert dates.label("2021-04") == "April 2021"
    assert dates.label("2021") == "2021"


def test_period_bounds():
    assert dates.period_start("2020-02") == date(2020, 2, 1)
    assert dates.period_end("2020-02") == date(2020, 2, 29)
    assert dates.period_end("2019") == date(2019, 12, 31)


def test_span_labels():
    assert dates.span_label("2021-04-06", "2021-04-07") == "6–7 April 2021"
    assert dates.span_label("2019-03-30", "2019-04-02") == "30 March – 2 April 2019"
    assert dates.span_label("2022-02", None) == "February 2022"
