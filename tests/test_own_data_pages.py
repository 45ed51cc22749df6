"""The reader's own records in the app: the Add a record form, Load a dataset, and the way back."""

from __future__ import annotations

import csv
import io

import pytest
from streamlit.testing.v1 import AppTest

from components.data.csvfile import template
from components.ui.navigation import PAGES
from tests.conftest import REPO
from tests.test_uploads import NEW_VISIT, VISIT_ROW, zipped

APP = str(REPO / "app.py")


@pytest.fixture
def app(data_dir, monkeypatch):
    """The router on the fixture data, opened on a page."""
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(data_dir))

    def open_page(page: str) -> AppTest:
        at = AppTest.from_file(APP, default_timeout=60).run()
        return at.switch_page(page).run()

    return open_page


def fill_visit(at: AppTest, **changes: str) -> AppTest:
    """Fill the visit form with a valid visit (India to Pakistan, Lahore, one source); `changes` override texts."""
    texts = {
        "id": "ind-pak-2015-12-modi",
        "visitor-name": "Narendra Modi",
        "summary": "A stop in Lahore on the way home.",
        "sources-0-url": "https://example.org/modi-lahore",
        "sources-0-publisher": "Example News",
        **changes,
    }
    for key, value in texts.items():
        widget = at.text_area(key=f"form-visits-{key}") if key == "summary" else at.text_input(key=f"form-visits-{key}")
        widget.input(value)
    at.number_input(key="form-visits-start-date-year").set_value(2015)
    at.selectbox(key="form-visits-start-date-month").set_value(12)
    at.number_input(key="form-visits-start-date-day").set_value(25)
    at.selectbox(key="form-visits-guest-country").set_value("IND")
    at.selectbox(key="form-visits-host-country").set_value("PAK")
    at.selectbox(key="form-visits-visitor-role").set_value("head_of_government")
    at.selectbox(key="form-visits-kind").set_value("working")
    at.multiselect(key="form-visits-cities").select("Islamabad")
    return at.run()


def problems_shown(at: AppTest) -> str:
    return "\n".join(c.value for c in at.code)


def test_a_valid_visit_from_the_form_shows_in_the_visits_table_and_the_csv(app):
    at = fill_visit(app("pages/add_record.py"))
    assert not at.exception
    assert "No problems" in " ".join(s.value for s in at.success)
    assert "- id: ind-pak-2015-12-modi" in problems_shown(at)
    assert "data/visits/ind-pak.yaml" in " ".join(c.value for c in at.caption).replace("\\", "")
    at.button(key="form-use").click().run()
    assert not at.exception
    at.switch_page("pages/data_sources.py").run()
    assert any(t.label.startswith("Visits (4)") for t in at.tabs)
    table = at.dataframe[0].value
    assert table.loc[table.id == "ind-pak-2015-12-modi", "Origin"].item() == "yours, not reviewed"
    assert "Data in view:" in at.markdown[0].value


def test_the_csv_download_of_a_form_record_carries_its_origin(data_dir):
    from components.data.export import export_frames, to_csv
    from components.data.frames import build_tables
    from components.data.loading import load_dataset
    from components.data.uploads import combine, form_upload

    record = {
        "id": "ind-pak-2015-12-modi",
        "start_date": "2015-12-25",
        "guest_country": "IND",
        "host_country": "PAK",
        "visitor": {"name": "Narendra Modi", "role": "head_of_government"},
        "cities": [{"name": "Lahore", "lat": 31.55, "lon": 74.34}],
        "kind": "working",
        "summary": "A stop.",
        "sources": [{"url": "https://example.org/m", "publisher": "Example"}],
    }
    dataset = combine(load_dataset(data_dir), [form_upload([record])])
    frame = export_frames(build_tables(dataset), "v")["visits"]
    rows = list(csv.DictReader(io.StringIO(to_csv(frame).decode())))
    assert {r["id"]: r["origin"] for r in rows}["ind-pak-2015-12-modi"] == "yours, not reviewed"


def test_an_invalid_field_in_the_form_shows_the_validators_message(app):
    at = fill_visit(app("pages/add_record.py"), **{"sources-0-url": "ftp://example.org/x"})
    shown = problems_shown(at)
    assert (
        "data/visits/ind-pak.yaml:15: ind-pak-2015-12-modi: sources.0.url: 'ftp://example.org/x' is not an http(s) "
        "address; only http:// and https:// links are allowed" in shown
    )
    assert at.button(key="form-use").disabled


def test_a_form_record_whose_id_is_taken_names_the_curated_file(app):
    at = fill_visit(app("pages/add_record.py"), id="rus-pak-2021-04-lavrov")
    assert "id: duplicate id; already used by the record in data/visits/fixture.yaml" in problems_shown(at)


@pytest.mark.parametrize("kind", ["deals", "cooperation", "meetings"])
def test_every_kind_has_a_form_that_lists_what_is_missing(app, kind):
    at = app("pages/add_record.py")
    at.button_group(key="form-kind").set_value(kind).run()
    assert not at.exception
    assert "required field is missing" in problems_shown(at)


def upload(at: AppTest, files: list[tuple[str, bytes]], *, mode: str = "add") -> AppTest:
    at.file_uploader(key="own-upload").set_value([(name, data, "application/octet-stream") for name, data in files])
    at.radio(key="own-upload-mode").set_value(mode)
    at.run()
    return at.button(key="own-upload-load").click().run()


def test_upload_add_then_back_to_the_curated_data(app):
    at = upload(app("pages/load_data.py"), [("mine.yaml", NEW_VISIT.encode())])
    assert not at.exception
    assert "Loaded 1 record(s) from mine.yaml." in at.success[0].value.replace("\\", "")
    at.switch_page("pages/data_sources.py").run()
    assert any(t.label.startswith("Visits (4)") for t in at.tabs)
    assert "with records uploaded from mine.yaml (not reviewed)" in at.code[0].value, "the citation names the upload"
    at.button(key="back-to-curated").click().run()
    assert any(t.label.startswith("Visits (3)") for t in at.tabs)
    assert not any("Data in view" in m.value for m in at.markdown)


def test_upload_replace_shows_only_the_uploaded_records(app):
    at = upload(app("pages/load_data.py"), [("visits.csv", (template("visits") + VISIT_ROW).encode())], mode="replace")
    at.switch_page("pages/data_sources.py").run()
    assert [t.label for t in at.tabs][:2] == ["Visits (1)", "Deals (0)"]


def test_upload_of_a_zip_is_loaded(app):
    at = upload(app("pages/load_data.py"), [("mine.zip", zipped({"data/visits/ind-pak.yaml": NEW_VISIT}))])
    assert "Loaded 1 record(s) from mine.zip." in at.success[0].value.replace("\\", "")


def test_a_refused_upload_says_why_and_changes_nothing(app):
    at = upload(app("pages/load_data.py"), [("mine.yaml", "- note: café\n".encode("latin-1"))])
    assert "mine.yaml is not UTF-8 text" in at.error[0].value.replace("\\", "")
    at.switch_page("pages/data_sources.py").run()
    assert any(t.label.startswith("Visits (3)") for t in at.tabs)


def test_an_upload_with_no_usable_record_changes_nothing_and_lists_why(app):
    broken = NEW_VISIT.replace("host_country: PAK", "host_country: XXX")
    at = upload(app("pages/load_data.py"), [("mine.yaml", broken.encode())])
    assert "None of the 1 record(s) in mine.yaml can be used" in at.error[0].value.replace("\\", "")
    assert "mine.yaml:4: ind-pak-2015-12-modi: host_country: unknown country code 'XXX'" in at.code[0].value
    assert not any("Data in view" in m.value for m in at.markdown)


def test_the_uploaded_record_is_found_by_search_and_marked_in_its_details(app):
    at = upload(app("pages/load_data.py"), [("mine.yaml", NEW_VISIT.encode())])
    at.text_input(key="q").input("Lahore").run()
    assert not at.exception
    assert any("Lahore" in m.value for m in at.markdown)
    at.button(key="search-open-ind-pak-2015-12-modi").click().run()
    assert not at.exception
    shown = " ".join(m.value for m in at.markdown).replace("\\", "")
    assert "Yours, not reviewed · from mine.yaml" in shown


@pytest.mark.parametrize("page", [page.file for page in PAGES])
def test_every_page_runs_on_a_dataset_with_uploaded_records(app, page):
    """Charts, tables, pair pages, stories and downloads all draw from the session's data."""
    at = upload(app("pages/load_data.py"), [("mine.yaml", NEW_VISIT.encode())])
    at.switch_page(page).run()
    assert not at.exception
    assert any("Data in view:" in m.value for m in at.markdown), "the banner names the data on every page"


def test_the_visits_timeline_says_which_marks_are_yours(app):
    import json

    at = upload(app("pages/load_data.py"), [("mine.yaml", NEW_VISIT.encode())])
    at.switch_page("pages/visits.py").run()
    timeline = json.loads(at.get("plotly_chart")[0].proto.spec)
    texts = [t for trace in timeline["data"] for t in trace.get("text") or []]
    assert sum("Yours, not reviewed" in t for t in texts) == 1


def test_back_from_data_with_a_country_of_its_own_drops_that_filter(app):
    """A filter on a country only the upload knew does not silently empty every page after going back."""
    from tests.conftest import COUNTRIES

    countries = COUNTRIES + "- {iso3: JPN, name: Japan, adjective: Japanese, group: partner, color: '#AA4499',\n"
    countries += "  capital: {name: Tokyo, lat: 35.68, lon: 139.69}}\n"
    visit = NEW_VISIT.replace("ind-pak", "ind-jpn").replace("host_country: PAK", "host_country: JPN")
    archive = zipped({"countries.yaml": countries, "visits/a.yaml": visit})
    at = upload(app("pages/load_data.py"), [("d.zip", archive)], mode="replace")
    at.multiselect(key="countries").select("JPN").run()
    at.switch_page("pages/data_sources.py").run()
    assert at.tabs[0].label == "Visits (1)"
    at.button(key="back-to-curated").click().run()
    assert not at.exception
    assert at.multiselect(key="countries").value == []
    assert at.tabs[0].label == "Visits (3)", "the years span the curated data again"
