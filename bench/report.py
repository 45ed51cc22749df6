"""Format one bench run as Markdown tables (printed, and written to bench-results/) and check the targets."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from bench import search
from bench.browser import BrowserTiming
from bench.search import SearchTiming
from bench.server_side import PAGES, SizeRun

RATIO_TARGET = 1.5  # a page's first draw / filter change within 1.5x the bare-Streamlit floor
CHANGE_TARGET_S = 1.0  # at 100x the data, a filter change under one second server-side


@dataclass
class Size:
    factor: int
    records: int
    megabytes: float
    synth_s: float = 0.0
    server: SizeRun | None = None
    browser_peak_kb: int = 0  # streamlit server after its first tab and one change
    browsed_peak_kb: int = 0  # ... and after every page's repetitions (real data only)
    overview: BrowserTiming | None = None  # first tab on a fresh server (dataset load included), one change
    search: SearchTiming | None = None  # index build and query times


@dataclass
class Run:
    machine: dict[str, str]
    sizes: list[Size]
    floor: BrowserTiming
    pages: dict[str, BrowserTiming] = field(default_factory=dict)  # path -> timing at 1x
    total_s: float = 0.0


def _s(value: float, digits: int = 2) -> str:
    return "–" if value is None or math.isnan(value) else f"{value:.{digits}f}"


def _ms(value: float) -> str:
    return "–" if math.isnan(value) else f"{value:,.0f}"


def _table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def data_table(run: Run) -> str:
    rows = []
    for size in run.sizes:
        load = size.server.load if size.server else {}
        rows.append(
            [
                f"{size.factor}×",
                f"{size.records:,}",
                f"{size.megabytes:.1f}",
                _s(size.synth_s, 1) if size.factor > 1 else "–",
                _s(load.get("load_dataset", math.nan)),
                _s(load.get("build_tables", math.nan)),
                _s(size.server.warm if size.server else math.nan),
                f"{size.browser_peak_kb / 1024:,.0f}" if size.browser_peak_kb else "–",
                f"{size.server.peak_kb / 1024:,.0f}" if size.server else "–",
            ]
        )
    header = ["data", "records", "YAML MB", "generate s", "load + validate s", "build tables s"]
    header += ["first app run s", "server peak RSS MB (first tab)", "AppTest process peak MB (all pages)"]
    return _table(header, rows)


def server_table(run: Run) -> str:
    header = ["page"] + [f"{s.factor}× first / rerun / change s" for s in run.sizes] + ["charts"]
    rows = []
    for page, _, _ in PAGES:
        row = [page.removeprefix("pages/").removesuffix(".py")]
        charts = "–"
        for size in run.sizes:
            timing = size.server.pages.get(page) if size.server else None
            if timing is None:
                row.append("–")
            elif timing.error and math.isnan(timing.first):
                row.append(timing.error)
            else:
                row.append(f"{_s(timing.first)} / {_s(timing.rerun)} / {_s(timing.change)}")
                charts = str(timing.charts) if size.factor == 1 else charts
        rows.append([*row, charts])
    return _table(header, rows)


def browser_table(run: Run) -> str:
    floor = run.floor
    rows = [["bare Streamlit + 1 Plotly chart (floor)", _ms(floor.open), "1.00", _ms(floor.change), "1.00", ""]]
    for path, timing in run.pages.items():
        open_ratio, change_ratio = timing.open / floor.open, timing.change / floor.change
        ok = open_ratio <= RATIO_TARGET and change_ratio <= RATIO_TARGET
        met = "yes" if ok else "no"
        rows.append([path, _ms(timing.open), _s(open_ratio), _ms(timing.change), _s(change_ratio), timing.error or met])
    header = ["page (real data)", "open → last chart ms", "× floor", "change → updated ms", "× floor", "≤ 1.5×"]
    return _table(header, rows)


def scaled_browser_table(run: Run) -> str:
    rows = []
    for size in run.sizes:
        timing = size.overview
        if timing is None:
            continue
        cold = _ms(timing.open)
        peak = f"{size.browser_peak_kb / 1024:,.0f}" if size.browser_peak_kb else "–"
        ratio = _s(timing.change / run.floor.change)
        rows.append([f"{size.factor}×", cold, _ms(timing.change), ratio, peak, timing.error])
    header = ["data", "first tab on a fresh server ms (load incl.)", "then a change ms", "× floor", "server peak MB"]
    return _table([*header, "note"], rows)


def targets(run: Run) -> list[str]:
    """One line per target: met or not, with the pages that miss it."""
    floor = run.floor
    slow_open = [p for p, t in run.pages.items() if not t.open / floor.open <= RATIO_TARGET]
    slow_change = [p for p, t in run.pages.items() if not t.change / floor.change <= RATIO_TARGET]
    lines = [
        f"Real data, first draw within {RATIO_TARGET}× the floor: "
        + ("met" if not slow_open else "missed on " + ", ".join(slow_open)),
        f"Real data, filter change within {RATIO_TARGET}× the floor's rerun: "
        + ("met" if not slow_change else "missed on " + ", ".join(slow_change)),
    ]
    biggest = run.sizes[-1]
    if biggest.server:
        slow = [
            f"{p.removeprefix('pages/').removesuffix('.py')} ({_s(t.change)} s)"
            if not math.isnan(t.change)
            else f"{p.removeprefix('pages/').removesuffix('.py')} ({t.error})"
            for p, t in biggest.server.pages.items()
            if not t.change < CHANGE_TARGET_S
        ]
        lines.append(
            f"{biggest.factor}× data, filter change under {CHANGE_TARGET_S:.0f} s server-side: "
            + ("met" if not slow else "missed on " + ", ".join(slow))
        )
    lines.append(memory_line(run))
    return lines


def _growth(sizes: list[Size], peak) -> str:
    base, parts = sizes[0], []
    for size in sizes[1:]:
        if peak(size) and peak(base):
            extra = (peak(size) - peak(base)) / 1024
            per = extra / max(1, (size.records - base.records) / 1000)
            parts.append(f"{size.factor}× +{extra:,.0f} MB ({per:.1f} MB per 1,000 extra records)")
    return "; ".join(parts) or "not measured"


def memory_line(run: Run) -> str:
    """Peak RSS growth per 1,000 records above the real data: the same figure at every size is proportionate."""
    apptest = _growth(run.sizes, lambda s: s.server.peak_kb if s.server else 0)
    server = _growth(run.sizes, lambda s: s.browser_peak_kb)
    browsed = run.sizes[0].browsed_peak_kb
    after = f"; at 1× after every page's repetitions {browsed / 1024:,.0f} MB" if browsed else ""
    return f"Memory growth — AppTest process (all pages): {apptest}. Streamlit server (first tab): {server}{after}."


def render(run: Run) -> str:
    machine = "\n".join(f"- {key}: {value}" for key, value in run.machine.items())
    return "\n\n".join(
        [
            "# Benchmark run",
            machine,
            f"Whole run: {run.total_s / 60:.1f} min.",
            "## Data, load and memory\n\n" + data_table(run),
            "## Server-side script time per page (AppTest, warm; change = years slider)\n\n" + server_table(run),
            "## Browser, real data (median of the repetitions)\n\n" + browser_table(run),
            "## Browser at every size (overview, first tab on a fresh server)\n\n" + scaled_browser_table(run),
            "## Search, server-side (median ms per query; the index is built once per dataset version)\n\n"
            + search.render([size.search for size in run.sizes if size.search]),
            "## Targets\n\n"
            + "\n".join(
                f"- {line}" for line in [*targets(run), *search.targets([s.search for s in run.sizes if s.search])]
            ),
        ]
    )
