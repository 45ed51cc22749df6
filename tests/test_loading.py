"""Loader and validator: good data loads; each kind of bad input names its file, line, record and field."""

from __future__ import annotations

from pathlib import Path

import pytest

from components.data.loading import load_dataset
from components.data.validate import main as validate_main
from tests.conftest import DEALS, REAL_DATA, VISITS, write_dataset


def problems_for(tmp_path: Path, **files: str) -> list[str]:
    root = write_dataset(tmp_path / "data", **files)
    return [str(p) for p in load_dataset(root).problems]


def test_fixture_dataset_is_valid(dataset):
    assert dataset.problems == []
    assert (len(dataset.visits), len(dataset.deals), len(dataset.cooperation)) == (3, 2, 1)
    assert dataset.excluded == 0


def test_partial_dates_keep_their_precision(dataset):
    khan = next(v for v in dataset.visits if v.id == "pak-rus-2022-02-khan")
    assert khan.start_date == "2022-02"


def test_yaml_syntax_error_names_file_and_line(tmp_path):
    broken = VISITS.replace("  kind: state\n", "  kind: [state\n")
    problem, *knock_on = problems_for(tmp_path, visits=broken)
    assert problem.startswith("data/visits/fixture.yaml:33: -: -: YAML syntax error")
    assert all("no visit has id" in p or "no visit or deal has id" in p for p in knock_on)


def test_wrong_type_names_record_and_field(tmp_path):
    broken = VISITS.replace("lat: 55.75", "lat: north")
    (problem,) = problems_for(tmp_path, visits=broken)
    assert problem.startswith("data/visits/fixture.yaml:19: pak-rus-2022-02-khan: cities.0.lat:")


def test_unknown_key_is_rejected(tmp_path):
    broken = VISITS.replace("  kind: state\n", "  kind: state\n  mood: cheerful\n")
    (problem,) = problems_for(tmp_path, visits=broken)
    assert problem.startswith("data/visits/fixture.yaml:33: chn-pak-2015-04-xi: mood: unknown field")


def test_unknown_country_is_reported(tmp_path):
    broken = VISITS.replace("host_country: RUS", "host_country: XXX")
    (problem,) = problems_for(tmp_path, visits=broken)
    assert problem == "data/visits/fixture.yaml:17: pak-rus-2022-02-khan: host_country: unknown country code 'XXX'"


def test_unknown_sector_is_reported(tmp_path):
    broken = VISITS.replace("sectors: [connectivity]", "sectors: [railways]")
    (problem,) = problems_for(tmp_path, visits=broken)
    assert problem.endswith("chn-pak-2015-04-xi: sectors.0: unknown sector 'railways'")


def test_duplicate_id_across_files_names_both_places(tmp_path):
    root = write_dataset(tmp_path / "data")
    (root / "deals" / "other.yaml").write_text(DEALS, encoding="utf-8")
    problems = [str(p) for p in load_dataset(root).problems]
    assert (
        "data/deals/other.yaml:1: pak-rus-2015-pipeline: id: duplicate id; already used at data/deals/fixture.yaml:1"
        in problems
    )


def test_dangling_reference_is_reported(tmp_path):
    broken = VISITS.replace("outcomes: [pak-rus-2021-pipeline-protocol]", "outcomes: [no-such-deal]")
    (problem,) = problems_for(tmp_path, visits=broken)
    assert problem == "data/visits/fixture.yaml:11: rus-pak-2021-04-lavrov: outcomes.0: no deal has id 'no-such-deal'"


def test_end_before_start_is_reported(tmp_path):
    broken = VISITS.replace("end_date: 2015-04-21", "end_date: 2015-04-19")
    (problem,) = problems_for(tmp_path, visits=broken)
    assert problem.endswith("chn-pak-2015-04-xi: end_date: ends (2015-04-19) before it starts (2015-04-20)")


@pytest.mark.parametrize("url", ["javascript:alert(1)", "ftp://example.org/x", "example.org/page"])
def test_non_http_url_is_rejected(tmp_path, url):
    broken = VISITS.replace("https://example.org/khan", url)
    (problem,) = problems_for(tmp_path, visits=broken)
    assert problem.startswith("data/visits/fixture.yaml:24: pak-rus-2022-02-khan: sources.0.url:")


def test_empty_file_is_reported(tmp_path):
    (problem,) = problems_for(tmp_path, cooperation="")
    assert problem == "data/cooperation/fixture.yaml:1: -: -: file is empty; expected a list of records"


def test_mapping_instead_of_list_is_reported(tmp_path):
    (problem,) = problems_for(tmp_path, cooperation="id: pak-rus-energy\nsector: energy\n")
    assert "expected a list of records" in problem and "found a mapping" in problem


def test_status_history_out_of_order_is_reported(tmp_path):
    broken = DEALS.replace("{state: stalled, date: 2019}", "{state: stalled, date: 2014}")
    (problem,) = problems_for(tmp_path, deals=broken)
    assert problem.endswith("pak-rus-2015-pipeline: status.1.date: 2014 comes before the step above it (2015-10-16)")


def test_invalid_calendar_date_is_rejected(tmp_path):
    broken = VISITS.replace("start_date: 2022-02\n", "start_date: 2022-13\n")
    (problem,) = problems_for(tmp_path, visits=broken)
    assert "pak-rus-2022-02-khan: start_date:" in problem


def test_all_problems_are_collected_in_one_pass(tmp_path):
    broken = VISITS.replace("host_country: RUS", "host_country: XXX").replace(
        "lat: 33.68, lon: 73.05}]\n  kind: state", "lat: 333, lon: 73.05}]\n  kind: state"
    )
    problems = problems_for(tmp_path, visits=broken)
    assert len(problems) == 2


def test_bad_records_are_left_out_and_the_rest_kept(tmp_path):
    root = write_dataset(tmp_path / "data", visits=VISITS.replace("host_country: RUS", "host_country: XXX"))
    dataset = load_dataset(root)
    assert dataset.excluded == 1
    assert {v.id for v in dataset.visits} == {"rus-pak-2021-04-lavrov", "chn-pak-2015-04-xi"}


def test_validate_command_summarises_good_data(data_dir, capsys):
    assert validate_main([str(data_dir)]) == 0
    assert capsys.readouterr().out.startswith("OK: 3 visits, 2 deals, 1 cooperation areas")


def test_validate_command_fails_and_lists_problems(tmp_path, capsys):
    root = write_dataset(tmp_path / "data", visits=VISITS.replace("host_country: RUS", "host_country: XXX"))
    assert validate_main([str(root)]) == 1
    assert "fixture.yaml:17: pak-rus-2022-02-khan: host_country" in capsys.readouterr().out


def test_real_data_is_valid():
    dataset = load_dataset(REAL_DATA)
    assert [str(p) for p in dataset.problems] == []
    assert dataset.visits, "the real dataset should hold visits"


def test_validate_command_reads_the_folder_named_by_the_environment(tmp_path, monkeypatch, capsys):
    broken = write_dataset(tmp_path / "broken", visits=VISITS.replace("host_country: RUS", "host_country: XXX"))
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(broken))
    assert validate_main([]) == 1
    assert "pak-rus-2022-02-khan: host_country" in capsys.readouterr().out


def test_validate_command_argument_wins_over_the_environment(tmp_path, data_dir, monkeypatch, capsys):
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(tmp_path / "nowhere"))
    assert validate_main([str(data_dir)]) == 0
    assert capsys.readouterr().out.startswith("OK: 3 visits")


def test_validate_command_defaults_to_the_real_data(monkeypatch, capsys):
    monkeypatch.delenv("DASHBOARD_DATA_DIR", raising=False)
    assert validate_main([]) == 0
    assert capsys.readouterr().out.startswith("OK: ")
