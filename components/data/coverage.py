"""Coverage table per country pair — counts, first and last year, known gaps — for About and docs/coverage.md."""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

from components.data.frames import Tables, build_tables
from components.data.loading import DEFAULT_DATA_DIR, load_dataset


def coverage(tables: Tables, gaps: dict[str, list[str]] | None = None) -> pd.DataFrame:
    """One row per pair with records: visits, deals, cooperation areas, first and last year, known gaps."""
    counts = (
        pd.DataFrame(
            {
                "visits": tables.visits.groupby("pair").size(),
                "deals": tables.deals.groupby("pair").size(),
                "cooperation areas": tables.cooperation.groupby("pair").size(),
                "sideline meetings": tables.sidelines.groupby("pair").size(),
            }
        )
        .fillna(0)
        .astype(int)
    )
    years = pd.concat([tables.visits[["pair", "year"]], tables.deals[["pair", "year"]]])
    counts["first year"] = years.groupby("pair").year.min()
    counts["last year"] = years.groupby("pair").year.max()
    gaps = gaps or {}
    counts["known gaps"] = [" ".join(gaps.get(p, [])) for p in counts.index]
    counts.index.name = "pair"
    return counts.reset_index().sort_values(["visits", "deals"], ascending=False, ignore_index=True)


def meeting_coverage(tables: Tables, gaps: dict[str, list[str]] | None = None) -> pd.DataFrame:
    """One row per series of multilateral meetings: meetings held and called off, sideline meetings, years, gaps."""
    meetings = tables.meetings
    gaps = gaps or {}
    rows = []
    for series in tables.series.itertuples():
        own = meetings[meetings.series == series.id]
        rows.append(
            {
                "series": series.name,
                "meetings held": int((own.status == "held").sum()),
                "called off": int((own.status != "held").sum()),
                "sideline meetings": int(tables.sidelines.series.eq(series.id).sum()),
                "first year": own.year.min() if len(own) else None,
                "last year": own.year.max() if len(own) else None,
                "known gaps": " ".join(gaps.get(series.id, [])),
            }
        )
    return pd.DataFrame(rows)


def markdown(table: pd.DataFrame) -> str:
    header = "| " + " | ".join(table.columns) + " |\n|" + "---|" * len(table.columns) + "\n"
    rows = []
    for row in table.itertuples(index=False):
        cells = ["" if pd.isna(v) else str(int(v)) if isinstance(v, float) else str(v) for v in row]
        rows.append("| " + " | ".join(cells) + " |")
    return header + "\n".join(rows) + "\n"


def document(root: Path = DEFAULT_DATA_DIR) -> str:
    """The text of docs/coverage.md for the data at `root`."""
    dataset = load_dataset(root)
    tables = build_tables(dataset)
    return (
        "# Data coverage\n\nGenerated from `data/` by `make coverage`; do not edit by hand. Pair codes are ISO3; "
        "counts are curated records, not everything that happened. Known gaps come from `data/gaps.yaml`.\n\n"
        f"Totals: {dataset.summary()}.\n\n## Country pairs\n\n"
        + markdown(coverage(tables, dataset.gaps))
        + "\n## Multilateral meetings\n\n"
        + markdown(meeting_coverage(tables, dataset.gaps))
    )


def main() -> int:
    path = DEFAULT_DATA_DIR.parent / "docs" / "coverage.md"
    path.write_text(document(), encoding="utf-8")
    print(f"wrote {path.relative_to(DEFAULT_DATA_DIR.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
