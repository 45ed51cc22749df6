"""`make bench`: load, server-side, browser and memory figures at 1x, 10x and 100x the real data, in one run."""

from __future__ import annotations

import argparse
import json
import math
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path

from bench import browser as web
from bench import search as search_bench
from bench.machine import describe
from bench.report import Run, Size, marks, render
from bench.server_side import PAGES, REPO, measure, peak_kb
from bench.synth import write_synthetic
from components.data.compiled import CACHE_DIR_ENV
from components.data.loading import DEFAULT_DATA_DIR, record_files

# A page whose first run plus filter change at 10x take longer than this is not run at 100x: it would take
# about ten times as long, and loading 100x the data again after a stopped page costs more than a minute.
SKIP_AT_100_S = 5.0


def _size(factor: int, root: Path) -> Size:
    files = record_files(root)
    records = sum(p.read_text(encoding="utf-8").count("\n- id:") for p in files)
    return Size(factor, records, sum(p.stat().st_size for p in files) / 1e6)


def _data_dirs(factors: list[int], tmp: Path) -> list[tuple[Size, Path]]:
    out = []
    for factor in factors:
        if factor == 1:
            out.append((_size(1, DEFAULT_DATA_DIR), DEFAULT_DATA_DIR))
            continue
        start = time.perf_counter()
        root = write_synthetic(tmp / f"x{factor}", factor)
        size = _size(factor, root)
        size.synth_s = time.perf_counter() - start
        out.append((size, root))
        print(f"  {factor}× data: {size.records:,} records, {size.megabytes:.1f} MB, {size.synth_s:.1f} s", flush=True)
    return out


def _server_side(dirs: list[tuple[Size, Path]], reps: int) -> None:
    previous = None
    for size, root in dirs:
        start = time.perf_counter()
        if size.factor == 1:
            size.server = measure(root, repeats=reps, page_budget=120)
        elif size.factor >= 100 and previous is not None:
            size.server = _largest(root, previous)
        else:
            size.server = measure(root, repeats=1, reruns=False, page_budget=60)
        previous = size
        print(f"  server-side at {size.factor}×: {time.perf_counter() - start:.0f} s", flush=True)


def _largest(root: Path, previous: Size):
    """The largest size: cheapest pages first (by the previous size), the slowest not run, no second load."""
    cost = {page: t.first + t.change for page, t in previous.server.pages.items()}
    skip = {
        page: f"not run: {cost[page]:.0f} s at {previous.factor}×" if not math.isnan(cost[page]) else t.error
        for page, t in previous.server.pages.items()
        if not cost[page] <= SKIP_AT_100_S
    }
    order = sorted(cost, key=lambda page: cost[page])
    return measure(root, repeats=1, reruns=False, page_budget=60, skip=skip, order=order, restart=False)


def _figures(root: Path, out: Path) -> dict[str, list[list[dict]]]:
    """The figures each page sends before and after its change, for the same-charts floor (a subprocess)."""
    subprocess.run(
        [sys.executable, "-m", "bench.figures", str(root), str(out)],
        cwd=REPO,
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return json.loads(out.read_text(encoding="utf-8"))


def _browser(
    dirs: list[tuple[Size, Path]], reps: int, browser_sizes: set[int], tmp: Path
) -> tuple[web.BrowserTiming, web.BrowserTiming, dict[str, web.BrowserTiming], dict[str, web.BrowserTiming], dict]:
    floor, floor_cold = web.BrowserTiming("floor"), web.BrowserTiming("floor, fresh server")
    pages = {path: web.BrowserTiming(path) for _, path, _ in PAGES}
    same = {path: web.BrowserTiming(f"same charts {path}") for _, path, _ in PAGES}
    figures_file = tmp / "figures.json"
    figures = _figures(dirs[0][1], figures_file)
    same_env = {"BENCH_FIGURES": str(figures_file)}
    with (
        web.browser() as context,
        web.server(REPO / "bench" / "floor_app.py") as (floor_url, _),
        web.server(REPO / "bench" / "charts_floor_app.py", env=same_env) as (same_url, _),
    ):
        # The floor's first tab on its fresh server: the cold start to compare the app's with.
        web.measure_once(context, floor_url, web.SLIDER, 1, floor_cold, change=False)
        web.measure_once(context, same_url, web.SIDEBAR_SLIDER, 0, web.BrowserTiming("warm-up"), change=False)
        for size, root in dirs:
            if size.factor not in browser_sizes:
                continue
            # At 1x a fresh server on an empty compiled cache (a first start); larger sizes start on the cache
            # the server-side runs filled (a restart on unchanged data).
            env = {CACHE_DIR_ENV: str(tmp / "cache-cold")} if size.factor == 1 else None
            with web.server(REPO / "app.py", root, env=env) as (url, process):
                start = time.perf_counter()
                # The first tab on a fresh server loads the data; then one filter change on that tab.
                size.overview = web.BrowserTiming(f"overview {size.factor}×")
                charts = _charts(size, PAGES[0][0])
                web.measure_once(context, url + "/", web.SIDEBAR_SLIDER, charts, size.overview, timeout_s=600)
                size.browser_peak_kb = peak_kb(process.pid)
                if size.factor == 1:
                    for _ in range(reps):  # the floors and the pages interleaved, so all see the same load
                        web.measure_once(context, floor_url, web.SLIDER, 1, floor)
                        for file, path, params in PAGES:
                            if not math.isnan(size.server.pages[file].first):
                                query = "?" + "&".join(f"{k}={v}" for k, v in params.items()) if params else ""
                                target, _ = web.interaction(path)
                                web.measure_once(context, url + path + query, target, _charts(size, file), pages[path])
                                count = len(figures.get(path, [[]])[0])
                                web.measure_once(
                                    context, f"{same_url}/?page={path}", web.SIDEBAR_SLIDER, count, same[path]
                                )
                    size.browsed_peak_kb = peak_kb(process.pid)
                print(f"  browser at {size.factor}×: {time.perf_counter() - start:.0f} s", flush=True)
    return floor, floor_cold, pages, same, figures


def _charts(size: Size, page: str) -> int:
    return size.server.pages[page].charts if size.server else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="1,10,100", help="data sizes as multiples of data/ (default 1,10,100)")
    parser.add_argument("--reps", type=int, default=3, help="repetitions at the real size (default 3)")
    parser.add_argument(
        "--browser-sizes",
        default="1,10,100",
        help="sizes to open in the browser (default 1,10,100; larger sizes start on the compiled cache)",
    )
    parser.add_argument("--out", type=Path, default=REPO / "bench-results")
    args = parser.parse_args()
    factors = sorted({int(f) for f in args.sizes.split(",")} | {1})

    start = time.perf_counter()
    machine = describe()
    print("Benchmark: " + ", ".join(f"{k} {v}" for k, v in machine.items()), flush=True)
    with tempfile.TemporaryDirectory(prefix="bench-data-") as tmp:
        # The bench's own compiled cache, empty at the start: the first load at each size compiles it.
        os.environ[CACHE_DIR_ENV] = str(Path(tmp) / "cache")
        print("Generating synthetic data…", flush=True)
        dirs = _data_dirs(factors, Path(tmp))
        print("Server-side page times (AppTest)…", flush=True)
        _server_side(dirs, args.reps)
        print("Search timings…", flush=True)
        for size, _ in dirs:  # copies of the real data in memory: see search_bench.scaled
            size.search = search_bench.measure(DEFAULT_DATA_DIR, size.factor)
            print(f"  search at {size.factor}×: slowest query {size.search.slowest_ms:.0f} ms", flush=True)
        print("Browser timings…", flush=True)
        sizes = {int(f) for f in args.browser_sizes.split(",")} | {1}
        floor, floor_cold, pages, same, figures = _browser(dirs, args.reps, sizes, Path(tmp))
    machine["load average at the end"] = describe()["load average"]
    run = Run(machine, [size for size, _ in dirs], floor, pages, time.perf_counter() - start)
    run.floor_cold, run.same, run.marks = floor_cold, same, {path: marks(f[0]) for path, f in figures.items()}

    text = render(run)
    print("\n" + text)
    args.out.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    (args.out / f"bench-{stamp}.md").write_text(text + "\n", encoding="utf-8")
    (args.out / f"bench-{stamp}.json").write_text(json.dumps(asdict(run), indent=1, default=str), encoding="utf-8")
    print(f"\nWritten to {args.out / f'bench-{stamp}.md'} and .json")


if __name__ == "__main__":
    main()
