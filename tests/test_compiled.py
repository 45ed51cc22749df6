"""The compiled cache: a warm load gives exactly what validating the YAML gives, and re-reads only changed files."""

from __future__ import annotations

from pathlib import Path

import pytest

from components.data import loading
from components.data.compiled import FileCache
from components.data.loading import load_dataset
from components.data.yamlfile import YamlFile
from tests.conftest import REAL_DATA, VISITS, write_dataset

KINDS = ("visits", "deals", "cooperation", "meetings")


@pytest.fixture
def parsed(monkeypatch) -> list[str]:
    """The files parsed from YAML during the test, by displayed path."""
    seen: list[str] = []
    original = YamlFile.from_bytes.__func__

    def counting(cls, path, display, raw):
        seen.append(display)
        return original(cls, path, display, raw)

    monkeypatch.setattr(YamlFile, "from_bytes", classmethod(counting))
    return seen


def same(a, b) -> None:
    for kind in KINDS:
        assert getattr(a, kind) == getattr(b, kind)
        assert [r.model_dump_json() for r in getattr(a, kind)] == [r.model_dump_json() for r in getattr(b, kind)]
        assert [r.model_fields_set for r in getattr(a, kind)] == [r.model_fields_set for r in getattr(b, kind)]
    for name in ("countries", "sectors", "series", "gaps", "problems", "excluded", "unreadable_files", "fingerprint"):
        assert getattr(a, name) == getattr(b, name), name


def test_a_warm_load_of_the_real_data_equals_a_fresh_validation(tmp_path, parsed):
    """Records, problems and fingerprint from the cache are those a full validation gives; no list is parsed."""
    fresh = load_dataset(REAL_DATA)
    cache = FileCache(tmp_path / "cache")
    same(load_dataset(REAL_DATA, cache=cache), fresh)
    parsed.clear()
    same(load_dataset(REAL_DATA, cache=cache), fresh)
    assert parsed == ["data/dataset.yaml"]  # one short mapping (version, licence), read as it is


def test_an_edited_file_is_parsed_again_and_only_that_one(tmp_path, parsed):
    """Keyed by content: the edit shows at the next load; the unchanged files come from the cache."""
    root = write_dataset(tmp_path / "data")
    cache = FileCache(tmp_path / "cache")
    load_dataset(root, cache=cache)
    visits = root / "visits" / "fixture.yaml"
    visits.write_text(visits.read_text().replace("Talks in Islamabad.", "Talks in Islamabad and Karachi."))
    parsed.clear()
    dataset = load_dataset(root, cache=cache)
    assert parsed == ["data/dataset.yaml", "data/visits/fixture.yaml"]
    assert dataset.visits[0].summary == "Talks in Islamabad and Karachi."
    same(dataset, load_dataset(root))


def test_problems_keep_their_lines_on_a_warm_load(tmp_path):
    """File problems are kept with the entry; cross-file problems still find their line in the unparsed text."""
    bad = VISITS.replace("guest_country: RUS", "guest_country: XXX").replace(
        "start_date: 2022-02", "start_date: 2022-13"
    )
    root = write_dataset(tmp_path / "data", visits=bad)
    fresh = load_dataset(root)
    assert len(fresh.problems) >= 2 and all(p.line for p in fresh.problems)
    cache = FileCache(tmp_path / "cache")
    load_dataset(root, cache=cache)
    same(load_dataset(root, cache=cache), fresh)


def test_a_damaged_or_stale_entry_falls_back_to_the_yaml(tmp_path, parsed):
    """A cache entry that cannot be read is a miss: the file is validated again and the entry rewritten."""
    cache = FileCache(tmp_path / "cache")
    root = write_dataset(tmp_path / "data")
    load_dataset(root, cache=cache)
    for entry in (tmp_path / "cache").iterdir():
        entry.write_bytes(b"not an arrow file")
    parsed.clear()
    same(load_dataset(root, cache=cache), load_dataset(root))
    assert "data/visits/fixture.yaml" in parsed


def test_validate_never_uses_the_cache(monkeypatch, tmp_path):
    """`make validate` (and so CI) validates every file from scratch."""
    calls = []
    monkeypatch.setattr(loading.FileCache, "get", lambda *a: calls.append(a))
    from components.data.validate import main

    main([str(write_dataset(tmp_path / "data"))])
    assert calls == []


def test_the_cache_folder_is_ignored_by_git():
    assert ".cache/" in (Path(__file__).resolve().parents[1] / ".gitignore").read_text().splitlines()
