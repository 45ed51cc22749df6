"""The record form is read from the models: each field's widget, vocabulary and dates at their precision."""

from __future__ import annotations

import pytest

from components.data.form_fields import date_text, form_fields, known_places, vocabularies
from components.data.schema import RECORD_MODELS, Deal, Visit


def test_every_field_of_every_kind_has_a_question():
    for model in RECORD_MODELS.values():
        assert [f.name for f in form_fields(model)] == list(model.model_fields)


@pytest.mark.parametrize(
    ("model", "name", "widget", "vocabulary", "many", "required"),
    [
        (Visit, "guest_country", "choice", "countries", False, True),
        (Visit, "start_date", "date", None, False, True),
        (Visit, "end_date", "date", None, False, False),
        (Visit, "cities", "place", None, True, True),
        (Visit, "sectors", "choice", "sectors", True, False),
        (Visit, "visitor", "model", None, False, True),
        (Visit, "sources", "model", None, True, True),
        (Visit, "summary", "long_text", None, False, True),
        (Deal, "parties", "choice", "countries", True, True),
        (Deal, "signed_during", "choice", "visits", False, False),
    ],
)
def test_a_field_gets_the_widget_its_type_calls_for(model, name, widget, vocabulary, many, required):
    field = next(f for f in form_fields(model) if f.name == name)
    assert (field.widget, field.vocabulary, field.many, field.required) == (widget, vocabulary, many, required)


def test_closed_lists_come_from_the_model():
    kind = next(f for f in form_fields(Visit) if f.name == "kind")
    assert kind.choices == ("state", "official", "working", "summit", "other")


@pytest.mark.parametrize(
    ("parts", "text"),
    [
        (("day", 2024, 5, 2), "2024-05-02"),
        (("month", 2024, 5, None), "2024-05"),
        (("year", 2024, None, None), "2024"),
        (("day", None, 5, 2), None),
        (("not given", 2024, 5, 2), None),
        (("day", 2024, 5, None), "2024-05-??"),
    ],
)
def test_a_date_is_written_at_its_precision(parts, text):
    assert date_text(*parts) == text


def test_the_pickers_offer_the_datasets_own_vocabularies(dataset):
    vocab = vocabularies(dataset)
    assert vocab["countries"]["PAK"] == "Pakistan (PAK)"
    assert set(vocab["records"]) >= {"rus-pak-2021-04-lavrov", "pak-rus-2015-pipeline"}
    assert known_places(dataset)["Islamabad"] == (33.68, 73.05)
