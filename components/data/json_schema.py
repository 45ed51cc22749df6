"""Export the pydantic models as JSON Schema files so editors can check YAML while a curator types."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from pydantic import BaseModel

from components.data.loading import DEFAULT_DATA_DIR
from components.data.schema import CooperationArea, Country, DatasetInfo, Deal, Gap, Meeting, Sector, Series, Visit
from components.data.stories import Story

LIST_SCHEMAS: dict[str, type[BaseModel]] = {
    "visits": Visit,
    "deals": Deal,
    "cooperation": CooperationArea,
    "meetings": Meeting,
    "series": Series,
    "countries": Country,
    "sectors": Sector,
    "gaps": Gap,
}
SINGLE_SCHEMAS: dict[str, type[BaseModel]] = {"dataset": DatasetInfo, "story": Story}


def schemas() -> dict[str, dict]:
    """File name -> JSON Schema; record files are lists of the model."""
    out: dict[str, dict] = {}
    for name, model in LIST_SCHEMAS.items():
        item = model.model_json_schema()
        defs = item.pop("$defs", {})
        out[f"{name}.schema.json"] = {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "title": f"{name} records",
            "type": "array",
            "items": item,
            "$defs": defs,
        }
    for name, model in SINGLE_SCHEMAS.items():
        schema = model.model_json_schema()
        out[f"{name}.schema.json"] = {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}
    return out


def write(folder: Path = DEFAULT_DATA_DIR / "schema") -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, schema in schemas().items():
        path = folder / name
        path.write_text(json.dumps(schema, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        written.append(path)
    return written


if __name__ == "__main__":
    for path in write():
        print(f"wrote {path.relative_to(Path.cwd()) if path.is_relative_to(Path.cwd()) else path}")
    sys.exit(0)
