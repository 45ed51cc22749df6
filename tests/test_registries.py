"""Each variation point is declared once; these tests fail when a name is added on one side only."""

from __future__ import annotations

import re
from dataclasses import fields
from pathlib import Path

import pytest

from components.charts.slides import SLIDE_BUILDERS
from components.data.filters import FILTER_FIELDS, RULES, Filters
from components.data.json_schema import schemas
from components.data.schema import RECORD_MODELS
from components.data.stories import STORY_CHARTS
from components.ui.navigation import PAGE_KEYS, PAGES
from tests.conftest import REPO


def test_every_story_chart_kind_has_a_builder_and_every_builder_a_kind():
    assert set(SLIDE_BUILDERS) == set(STORY_CHARTS)


def test_every_page_file_is_registered_once_and_every_registered_page_exists():
    on_disk = {p.relative_to(REPO).as_posix() for p in (REPO / "pages").glob("*.py")}
    registered = [page.file for page in PAGES]
    assert sorted(registered) == sorted(on_disk)
    assert len({page.url_path for page in PAGES}) == len(PAGES)
    assert sum(not page.url_path for page in PAGES) == 1, "exactly one default page"


def test_page_link_keys_never_shadow_a_filter():
    assert not set(PAGE_KEYS) & {f.key for f in FILTER_FIELDS}


def test_every_filter_narrows_at_least_one_record_table():
    used = {name for rules in RULES.values() for name in rules}
    assert used == {f.name for f in fields(Filters)}


def test_every_record_kind_has_filter_rules():
    assert set(RECORD_MODELS) <= set(RULES)


def _properties(schema: dict):
    """Every (owner, property, definition) in a JSON Schema, nested definitions included."""
    stack = [("root", schema)]
    while stack:
        owner, node = stack.pop()
        if isinstance(node, dict):
            for name, prop in (node.get("properties") or {}).items():
                yield owner, name, prop
            for value in node.values():
                stack.append((node.get("title", owner), value))
        elif isinstance(node, list):
            stack += [(owner, item) for item in node]


@pytest.mark.parametrize("name", sorted(schemas()))
def test_every_schema_field_is_described_for_curators(name):
    """Editors show these descriptions while a curator types; a field without one says nothing."""
    missing = {f"{owner}.{prop}" for owner, prop, d in _properties(schemas()[name]) if not d.get("description")}
    assert not missing


@pytest.mark.parametrize("kind", sorted(RECORD_MODELS))
def test_the_readme_data_dictionary_names_every_field(kind):
    readme = Path(REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split(f"### `data/{kind}/*.yaml`", 1)[1].split("\n### ", 1)[0]
    documented = set(re.findall(r"`(\w+)`", section))
    assert set(RECORD_MODELS[kind].model_fields) <= documented
