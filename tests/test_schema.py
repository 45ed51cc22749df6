"""The exported JSON Schema matches the models, and every data file points an editor at it."""

from __future__ import annotations

import json

from components.data.json_schema import schemas
from components.data.loading import record_files
from tests.conftest import REAL_DATA


def test_committed_json_schemas_are_up_to_date():
    for name, schema in schemas().items():
        committed = json.loads((REAL_DATA / "schema" / name).read_text(encoding="utf-8"))
        assert committed == schema, f"data/schema/{name} is stale: run `make schema`"


def test_record_schema_forbids_unknown_keys():
    visit = schemas()["visits.schema.json"]["items"]
    assert visit["additionalProperties"] is False


def test_every_data_file_references_its_schema():
    for path in record_files(REAL_DATA):
        first_line = path.read_text(encoding="utf-8").splitlines()[0]
        assert first_line == f"# yaml-language-server: $schema=../schema/{path.parent.name}.schema.json", path


def test_coverage_document_is_generated_from_the_current_data():
    from components.data.coverage import document

    committed = (REAL_DATA.parent / "docs" / "coverage.md").read_text(encoding="utf-8")
    assert committed == document(), "docs/coverage.md is stale: run `make coverage`"
