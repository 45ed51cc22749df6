"""Hostile or broken data files: every fault is a `file:line: record: field: message` problem, never a crash or hang."""

from __future__ import annotations

import time
from datetime import date

import pytest

from components.data.loading import load_dataset, removed_since
from components.data.stories import load_stories
from components.data.validate import main as validate_main
from tests.conftest import COOPERATION, DEALS, STORY, VISITS, write_dataset

KHAN = "pak-rus-2022-02-khan"


def load_with(tmp_path, **files):
    """The dataset loaded from the fixture with some files replaced."""
    return load_dataset(write_dataset(tmp_path / "data", **files))


def billion_laughs() -> str:
    """Nine levels of anchors, each nine aliases of the one below, and a record whose id is the top one."""
    levels = "".join(f"  l{n}: &l{n} [{', '.join([f'*l{n - 1}'] * 9)}]\n" for n in range(1, 10))
    return f"- id: laughs\n  l0: &l0 lol\n{levels}- id: *l9\n"


@pytest.mark.parametrize("impossible", ["2021-02-30", "2021-04-31", "2021-13-01"])
def test_unquoted_impossible_date_is_reported_at_its_field(tmp_path, impossible):
    dataset = load_with(tmp_path, visits=VISITS.replace("start_date: 2022-02\n", f"start_date: {impossible}\n"))
    (problem,) = map(str, dataset.problems)
    assert problem.startswith(f"data/visits/fixture.yaml:15: {KHAN}: start_date: ")
    assert problem.endswith(f"(got '{impossible}')")
    assert KHAN not in {v.id for v in dataset.visits} and len(dataset.visits) == 2


def test_alias_bomb_is_refused_quickly_and_other_records_kept(tmp_path):
    started = time.perf_counter()
    dataset = load_with(tmp_path, visits=VISITS + billion_laughs())
    assert time.perf_counter() - started < 5
    problems = [str(p) for p in dataset.problems]
    alias = "YAML aliases (*name) are not allowed in data files; write the value out"
    assert f"data/visits/fixture.yaml:39: laughs: l1.0: {alias}" in problems
    assert f"data/visits/fixture.yaml:48: record #5: id: {alias}" in problems
    assert len(dataset.visits) == 3


def test_nesting_deeper_than_the_cap_is_refused(tmp_path):
    deep = VISITS.replace("  kind: state\n", "  kind: state\n  note: " + "[" * 60 + "]" * 60 + "\n")
    (problem,) = map(str, load_with(tmp_path, visits=deep).problems)
    assert problem.startswith("data/visits/fixture.yaml:33: chn-pak-2015-04-xi: note.0.0")
    assert problem.endswith("nested deeper than 50 levels")


def test_oversized_file_is_refused_before_parsing(tmp_path):
    root = write_dataset(tmp_path / "data")
    (root / "visits" / "huge.yaml").write_text("# padding\n" * 600_000, encoding="utf-8")
    problems = [str(p) for p in load_dataset(root).problems]
    assert problems == ["data/visits/huge.yaml: -: -: file is larger than 5 MB; split it into smaller files"]


def test_duplicate_key_names_both_lines_and_leaves_the_record_out(tmp_path):
    twice = VISITS.replace("  host_country: RUS\n", "  host_country: RUS\n  host_country: PAK\n")
    dataset = load_with(tmp_path, visits=twice)
    (problem,) = map(str, dataset.problems)
    assert problem == (
        f"data/visits/fixture.yaml:18: {KHAN}: host_country: duplicate key 'host_country'; "
        "also given on line 17, and only one value can count"
    )
    assert KHAN not in {v.id for v in dataset.visits}


def test_duplicate_key_in_a_nested_mapping_is_found(tmp_path):
    twice = VISITS.replace(
        "{name: Imran Khan, role: head_of_government}", "{name: Imran Khan, name: Khan, role: other}"
    )
    (problem,) = map(str, load_with(tmp_path, visits=twice).problems)
    assert problem.startswith(f"data/visits/fixture.yaml:18: {KHAN}: visitor.name: duplicate key 'name'")


@pytest.mark.parametrize("bad_id", ["[" + ", ".join(["x"] * 50) + "]", "x" * 5000, "{a: 1}"])
def test_record_with_an_id_that_is_not_a_short_string_is_named_by_position(tmp_path, bad_id):
    broken = VISITS.replace(f"- id: {KHAN}\n", f"- id: {bad_id}\n")
    problems = [str(p) for p in load_with(tmp_path, visits=broken).problems]
    assert problems and all(p.startswith("data/visits/fixture.yaml:14: record #2: id: ") for p in problems)
    assert all(len(p) < 300 for p in problems)


def test_story_with_a_duplicate_key_is_refused_as_a_whole(tmp_path):
    broken = STORY.replace("audience:", "title: Again\naudience:")
    (problem,) = map(str, load_stories(load_with(tmp_path, story=broken)).problems)
    assert problem.startswith("data/stories/fixture.yaml:4: -: title: duplicate key 'title'; also given on line 2")


def test_story_whose_id_is_not_a_string_is_named_by_its_file(tmp_path):
    broken = STORY.replace("id: pipeline-story\n", "id: [a, b]\n")
    (problem,) = map(str, load_stories(load_with(tmp_path, story=broken)).problems)
    assert problem.startswith("data/stories/fixture.yaml:1: fixture: id: ")


@pytest.mark.parametrize(
    ("content", "records"),
    [
        pytest.param(b"", 0, id="empty"),
        pytest.param(b"id: a-visit\nstart_date: 2021\n", 1, id="mapping"),
        pytest.param(b"\x89PNG\r\n\x1a\n\x00\xff\xfe", 0, id="binary"),
        pytest.param(VISITS.replace("  kind: state\n", "  kind: [state\n").encode(), 3, id="syntax-error"),
        pytest.param(b"- id: a-visit\n\tkind: state\n- id: b-visit\n  kind: state\n", 2, id="tab-indented"),
    ],
)
def test_a_file_that_cannot_be_used_is_named_and_its_records_counted(tmp_path, content, records):
    root = write_dataset(tmp_path / "data")
    (root / "visits" / "broken.yaml").write_bytes(content)
    dataset = load_dataset(root)
    assert dataset.unreadable_files == ["data/visits/broken.yaml"]
    assert dataset.excluded == records
    assert len(dataset.visits) == 3
    assert dataset.left_out() == (
        f"{records} record(s) are left out, among them every record in 1 file(s) that cannot be used "
        "(data/visits/broken.yaml)"
    )


def test_validate_command_names_the_files_left_out(tmp_path, capsys):
    root = write_dataset(tmp_path / "data", cooperation="")
    assert validate_main([str(root)]) == 1
    assert "every record in 1 file(s) that cannot be used (data/cooperation/fixture.yaml)" in capsys.readouterr().err


def test_a_file_removed_since_the_last_load_is_named(tmp_path):
    root = tmp_path / "data"
    before = [str(root / "visits" / "a.yaml"), str(root / "visits" / "b.yaml")]
    (problem,) = map(str, removed_since(before, before[:1], root))
    assert problem == "data/visits/b.yaml: -: -: was removed since the last load; its records are no longer shown"
    assert removed_since(before, before, root) == []


TODAY = date(2025, 1, 15)


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        pytest.param(
            {"visits": VISITS.replace("start_date: 2022-02\n", "start_date: 2031-03\n")},
            f"data/visits/fixture.yaml:15: {KHAN}: start_date: 2031-03 is after today (2025-01-15)",
            id="visit",
        ),
        pytest.param(
            {"deals": DEALS.replace("{state: stalled, date: 2019}", "{state: stalled, date: 2025-01-16}")},
            "data/deals/fixture.yaml:10: pak-rus-2015-pipeline: status.1.date: 2025-01-16 is after today (2025-01-15); "
            "only an 'announced' step may be dated ahead",
            id="deal-step",
        ),
        pytest.param(
            {"deals": DEALS.replace("signed: 2015-10-16", "signed: 2026")},
            "data/deals/fixture.yaml:6: pak-rus-2015-pipeline: signed: 2026 is after today (2025-01-15)",
            id="deal-signed",
        ),
        pytest.param(
            {"cooperation": COOPERATION.replace("since: 2015", "since: 2031")},
            "data/cooperation/fixture.yaml:4: pak-rus-energy: since: 2031 is after today (2025-01-15)",
            id="cooperation-since",
        ),
        pytest.param(
            {"visits": VISITS.replace("published: 2015-04}", "published: 2025-02}")},
            "data/visits/fixture.yaml:36: chn-pak-2015-04-xi: sources.0.published: 2025-02 is after today (2025-01-15)",
            id="source-published",
        ),
    ],
)
def test_a_date_after_today_is_an_error(tmp_path, files, expected):
    dataset = load_dataset(write_dataset(tmp_path / "data", **files), today=TODAY)
    assert [str(p) for p in dataset.problems] == [expected]


def test_planned_deal_step_today_and_this_month_are_allowed(tmp_path):
    deals = DEALS.replace(
        "{state: signed, date: 2021-05}", "{state: signed, date: 2021-05}\n    - {state: announced, date: 2031}"
    )
    visits = VISITS.replace("start_date: 2022-02\n", "start_date: 2025-01\n").replace("2015-04-21", "2025-01-15")
    dataset = load_dataset(write_dataset(tmp_path / "data", visits=visits, deals=deals), today=TODAY)
    assert dataset.problems == []


def test_today_defaults_to_the_real_date(tmp_path):
    visits = VISITS.replace("start_date: 2022-02\n", "start_date: 2099-01-01\n")
    (problem,) = load_dataset(write_dataset(tmp_path / "data", visits=visits)).problems
    assert problem.message == f"2099-01-01 is after today ({date.today().isoformat()})"
