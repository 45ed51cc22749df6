"""Downloads hold exactly the rows in view, stamped with the dataset version; citations carry it too."""

from __future__ import annotations

import io
import json
from datetime import date

import pandas as pd

from components.data.citation import dataset_citation, record_citation
from components.data.export import export_frames, to_csv, to_json
from components.data.filters import Filters, apply_filters


def test_csv_holds_exactly_the_filtered_rows(tables):
    view = apply_filters(tables, Filters(pair=("PAK", "RUS"), years=(2021, 2022)))
    frames = export_frames(view, "1.2.3 (abc)")
    visits = pd.read_csv(io.BytesIO(to_csv(frames["visits"])))
    assert sorted(visits.id) == ["pak-rus-2022-02-khan", "rus-pak-2021-04-lavrov"]
    assert set(visits.dataset_version) == {"1.2.3 (abc)"}
    assert visits.set_index("id").loc["pak-rus-2022-02-khan", "start_text"] == "2022-02", "precision kept"
    deals = pd.read_csv(io.BytesIO(to_csv(frames["deals"])))
    assert list(deals.id) == ["pak-rus-2021-pipeline-protocol"]
    assert deals.parties.iloc[0] == "PAK;RUS"


def test_json_export_nests_sources_and_says_how_to_cite(tables):
    view = apply_filters(tables, Filters(countries=("CHN",)))
    document = json.loads(to_json(view, "1.2.3 (abc)", "countries China", "cite me"))
    assert document["dataset_version"] == "1.2.3 (abc)" and document["citation"] == "cite me"
    assert [v["id"] for v in document["visits"]] == ["chn-pak-2015-04-xi"]
    assert document["visits"][0]["sources"][0]["url"] == "https://example.org/xi"
    assert document["deals"] == []


def test_citations_carry_version_and_access_date(dataset):
    text = dataset_citation(dataset.info, "abc123", accessed=date(2026, 11, 27), view="pair Pakistan–Russia")
    assert "dataset version 9.9.9 (abc123)" in text and "Accessed 2026-11-27" in text and "Pakistan–Russia" in text
    one = record_citation(
        "Lavrov in Islamabad",
        "rus-pak-2021-04-lavrov",
        dataset.info,
        "abc123",
        accessed=date(2026, 11, 27),
        first_source="https://example.org/lavrov",
    )
    assert "record rus-pak-2021-04-lavrov" in one and one.endswith("https://example.org/lavrov")


def test_json_export_is_strict_json(tables):
    """Missing values are null, never a bare NaN that strict parsers reject."""
    text = to_json(tables, "1", "all records", "cite").decode("utf-8")
    json.loads(text, parse_constant=lambda name: (_ for _ in ()).throw(ValueError(name)))
    assert "NaN" not in text
