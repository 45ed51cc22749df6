"""The Plotly figures each page sends, before and after its one-step change: what the same-charts floor draws.

Run in a subprocess per data dir: `python -m bench.figures DATA OUT.json` writes {page address: [before, after]},
each a list of figure specs as the app sent them (AppTest), so the floor draws exactly the app's marks."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from bench.server_side import PAGES, open_page


def _specs(at) -> list[dict]:
    return [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]


def page_figures(page: str, path: str, params: dict[str, str]) -> list[list[dict]]:
    """The page's figures as first drawn, and after the change the browser bench makes (one slider step, or the
    next slide on /present)."""
    at = open_page(page)
    before = _specs(at)
    if path.startswith("/present"):
        at = open_page(page, params={**params, "slide": str(int(params.get("slide", "1")) + 1)})
    else:
        low, high = at.slider(key="years").value
        at.slider(key="years").set_value((low + 1, high)).run()
    return [before, _specs(at)]


def collect(out: Path) -> None:
    figures = {path: page_figures(page, path, params) for page, path, params in PAGES}
    out.write_text(json.dumps(figures), encoding="utf-8")


if __name__ == "__main__":
    os.environ["DASHBOARD_DATA_DIR"] = sys.argv[1]
    collect(Path(sys.argv[2]))
