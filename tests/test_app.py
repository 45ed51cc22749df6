"""The app runs under AppTest on fixture data and on the real data, with no exception."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import REPO, VISITS, write_dataset

APP = str(REPO / "app.py")


@pytest.fixture
def fixture_app(data_dir, monkeypatch):
    """An AppTest of the router reading the fixture dataset."""
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(data_dir))
    return AppTest.from_file(APP, default_timeout=60)


def test_default_page_lists_the_records(fixture_app):
    at = fixture_app.run()
    assert not at.exception
    assert [s.value for s in at.subheader][:3] == ["Visits (3)", "Deals (2)", "Cooperation areas (1)"]


def test_real_data_runs_without_exception():
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception


def test_bad_records_are_listed_and_the_rest_served(tmp_path, monkeypatch):
    root = write_dataset(tmp_path / "data", visits=VISITS.replace("host_country: RUS", "host_country: XXX"))
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(root))
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception
    assert "1 problem(s); 1 record(s) are left out" in at.expander[0].label
    assert "fixture.yaml:17: pak-rus-2022-02-khan: host_country" in at.code[0].value
    assert "Visits (2)" in [s.value for s in at.subheader]
