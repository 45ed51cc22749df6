"""The form for one record, drawn from its model's fields: pickers from the dataset's vocabularies, dates at their
precision, places from the known list or by coordinates, any number of sources. Returns the record as typed."""

from __future__ import annotations

from typing import Any

import streamlit as st
from pydantic import BaseModel

from components.data.form_fields import FormField, date_text, form_fields

MAX_ITEMS = 20  # sources, status steps, participants... in one record
PRECISIONS = ("day", "month", "year")
NOT_GIVEN = "not given"
OTHER_PLACE = "Another place…"
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


class FormContext:
    """What every widget of one form needs: its key prefix, the vocabularies and the known places."""

    def __init__(self, prefix: str, vocab: dict[str, dict[str, str]], places: dict[str, tuple[float, float]]):
        self.prefix = prefix
        self.vocab = vocab
        self.places = places

    def key(self, *path: Any) -> str:
        return "-".join([self.prefix, *(str(p).replace("_", "-") for p in path)])


def _label(field: FormField) -> str:
    return field.label + ("" if field.required else " (optional)")


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == {}


def _date(form: FormContext, field: FormField, path: tuple) -> str | None:
    precisions = PRECISIONS if field.required else (NOT_GIVEN, *PRECISIONS)
    st.markdown(f"**{_label(field)}**", help=field.description)
    columns = st.columns([2, 1, 1, 1])
    precision = columns[0].radio(
        "Known to the", precisions, key=form.key(*path, "precision"), horizontal=True, label_visibility="visible"
    )
    if precision == NOT_GIVEN:
        return None
    year = columns[1].number_input("Year", 1900, 2100, value=None, step=1, key=form.key(*path, "year"))
    month = day = None
    if precision in ("day", "month"):
        month = columns[2].selectbox(
            "Month",
            range(1, 13),
            index=None,
            format_func=lambda m: MONTHS[m - 1],
            placeholder="Month",
            key=form.key(*path, "month"),
        )
    if precision == "day":
        day = columns[3].number_input("Day", 1, 31, value=None, step=1, key=form.key(*path, "day"))
    return date_text(precision, year, month, day)


def _place(form: FormContext, field: FormField, path: tuple) -> Any:
    """Places from the list of those in the data, or one more by name and coordinates."""
    names = list(form.places)
    if field.many:
        chosen = st.multiselect(
            _label(field), names, key=form.key(*path), help=field.description, placeholder="Places in the data"
        )
        other = st.checkbox("Add a place not in the list", key=form.key(*path, "other"))
    else:
        picked = st.selectbox(
            _label(field), [*names, OTHER_PLACE], index=None, key=form.key(*path), help=field.description
        )
        chosen, other = ([picked] if picked and picked != OTHER_PLACE else []), picked == OTHER_PLACE
    places = [{"name": name, "lat": form.places[name][0], "lon": form.places[name][1]} for name in chosen]
    if other:
        columns = st.columns(3)
        name = columns[0].text_input("Place name", key=form.key(*path, "new", "name"))
        lat = columns[1].number_input("Latitude", -90.0, 90.0, value=None, format="%.4f", key=form.key(*path, "lat"))
        lon = columns[2].number_input("Longitude", -180.0, 180.0, value=None, format="%.4f", key=form.key(*path, "lon"))
        place = {k: v for k, v in {"name": name.strip(), "lat": lat, "lon": lon}.items() if not _empty(v)}
        if place:
            places.append(place)
    if field.many:
        return places
    return places[0] if places else None


def _choice(form: FormContext, field: FormField, path: tuple) -> Any:
    options = form.vocab[field.vocabulary] if field.vocabulary else {c: c for c in field.choices}
    common = {"key": form.key(*path), "help": field.description, "format_func": lambda v: options.get(v, v)}
    if field.many:
        return st.multiselect(_label(field), list(options), **common)
    return st.selectbox(_label(field), list(options), index=None, placeholder="Choose…", **common)


def _nested(form: FormContext, field: FormField, path: tuple) -> Any:
    model = field.model
    assert model is not None
    if not field.many:
        if not field.required and not st.toggle(f"Add {field.label.lower()}", key=form.key(*path, "on")):
            return None
        with st.container(border=True, key=form.key(*path, "box")):
            st.markdown(f"**{field.label}**", help=field.description)
            return model_form(form, model, path) or None
    least = max(field.min_items, 1 if field.required else 0)
    count = st.number_input(
        f"How many {field.label.lower()}", least, MAX_ITEMS, value=least, step=1, key=form.key(*path, "count")
    )
    items = []
    for n in range(int(count)):
        with st.container(border=True, key=form.key(*path, n, "box")):
            st.markdown(f"**{field.label.rstrip('s')} {n + 1}**", help=field.description if n == 0 else None)
            items.append(model_form(form, model, (*path, n)))
    return items


def field_value(form: FormContext, field: FormField, path: tuple) -> Any:
    """Draw one field's widget(s) and return what it holds now (None or empty when nothing is given)."""
    key = form.key(*path)
    if field.widget == "model":
        return _nested(form, field, path)
    if field.widget == "place":
        return _place(form, field, path)
    if field.widget == "date":
        return _date(form, field, path)
    if field.widget == "choice":
        return _choice(form, field, path)
    if field.widget == "bool":
        return st.checkbox(_label(field), key=key, help=field.description)
    if field.widget in ("integer", "number"):
        integer = field.widget == "integer"
        return st.number_input(_label(field), value=None, step=1 if integer else None, key=key, help=field.description)
    widget = st.text_area if field.widget == "long_text" else st.text_input
    text = widget(_label(field), key=key, help=field.description + (" Separate items with ;" if field.many else ""))
    if field.many:
        return [part.strip() for part in text.split(";") if part.strip()]
    return text.strip()


def model_form(form: FormContext, model: type[BaseModel], path: tuple = ()) -> dict[str, Any]:
    """Every field of `model`, two short ones a row; the record as given (fields left empty are left out)."""
    record: dict[str, Any] = {}
    short = ("text", "choice", "integer", "number", "bool")
    fields = form_fields(model)
    n = 0
    while n < len(fields):
        field = fields[n]
        pair = fields[n + 1] if n + 1 < len(fields) else None
        if field.widget in short and not field.many and pair and pair.widget in short and not pair.many:
            left, right = st.columns(2)
            with left:
                record[field.name] = field_value(form, field, (*path, field.name))
            with right:
                record[pair.name] = field_value(form, pair, (*path, pair.name))
            n += 2
            continue
        record[field.name] = field_value(form, field, (*path, field.name))
        n += 1
    return {name: value for name, value in record.items() if not _empty(value) and value is not False}
