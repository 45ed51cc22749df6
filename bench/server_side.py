"""Server-side timings: each page's script under AppTest, warm, and after a change of the years filter."""

from __future__ import annotations

import json
import logging
import os
import queue
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from streamlit.testing.v1 import AppTest

from components.ui import navigation

REPO = Path(__file__).resolve().parents[1]
APP = str(REPO / "app.py")
# Page file, browser path, and the link parameters the page is opened with.
PAGES: list[tuple[str, str, dict[str, str]]] = [(p.file, p.address, p.example) for p in navigation.PAGES]
PARAMS = {page: params for page, _, params in PAGES}
# Two narrower year ranges to alternate between, so every change really changes the filter.
YEAR_CHANGES = ((2010, 2020), (2005, 2015))


@dataclass
class PageTiming:
    page: str
    first: float  # first run of the page in a session (dataset already cached)
    rerun: float  # median warm rerun, nothing changed
    change: float  # median rerun after a change of the years slider
    charts: int  # plotly charts drawn with the default filters
    error: str = ""


def open_page(page: str, timeout: float = 600, params: dict[str, str] | None = None) -> AppTest:
    """An AppTest session of the router showing `page`, opened with that page's link parameters (or `params`)."""
    at = AppTest.from_file(APP, default_timeout=timeout)
    for key, value in (PARAMS.get(page, {}) if params is None else params).items():
        at.query_params[key] = value
    at.run()
    if page != PAGES[0][0]:
        at.switch_page(page).run()
    return at


def _timed(run) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def warm_up(data: Path, timeout: float = 600) -> float:
    """Point the app at `data` and run it once: the dataset load (cached per data dir) plus the default page."""
    os.environ["DASHBOARD_DATA_DIR"] = str(data)
    return _timed(lambda: AppTest.from_file(APP, default_timeout=timeout).run())


def time_page(page: str, *, repeats: int = 3, reruns: bool = True, timeout: float = 600) -> PageTiming:
    """Median timings of one page on the data dir set by `warm_up` (without `reruns`, only first and change)."""
    at = AppTest.from_file(APP, default_timeout=timeout)
    for key, value in PARAMS.get(page, {}).items():
        at.query_params[key] = value
    try:
        at.run()
        first = _timed(lambda: at.switch_page(page).run())
        charts = len(at.get("plotly_chart"))
        same = [_timed(at.run) for _ in range(repeats if reruns else 0)]
        changes = []
        for n in range(repeats):
            years = YEAR_CHANGES[n % len(YEAR_CHANGES)]
            changes.append(_timed(lambda years=years: at.slider(key="years").set_value(years).run()))
    except RuntimeError as exc:  # AppTest's timeout
        return PageTiming(page, float("nan"), float("nan"), float("nan"), 0, str(exc))
    error = "; ".join(str(e.value)[:200] for e in at.exception)
    rerun = statistics.median(same) if same else float("nan")
    return PageTiming(page, first, rerun, statistics.median(changes), charts, error)


def peak_kb(pid: int | str = "self") -> int:
    """Peak resident memory (VmHWM, kB) of a process, 0 if it is gone."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0
    line = next((x for x in status.splitlines() if x.startswith("VmHWM:")), "VmHWM: 0 kB")
    return int(line.split()[1])


@dataclass
class SizeRun:
    """Server-side results at one data size."""

    warm: float = float("nan")  # the first run of the app: dataset load plus the default page
    load: dict[str, float] = field(default_factory=dict)  # load_dataset, build_tables, load_stories (s)
    pages: dict[str, PageTiming] = field(default_factory=dict)
    peak_kb: int = 0


def _emit(**event) -> None:
    print(json.dumps(event), flush=True)


def _instrument_loading() -> dict[str, float]:
    """Time the steps of the app's cached load from inside, so the data is loaded once, as the app does."""
    import components.ui.loaded as ui_data  # only the child process needs it

    timings: dict[str, float] = {}

    def timed(name: str, function):
        def wrapper(*args, **kwargs):
            start = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                timings[name] = time.perf_counter() - start

        return wrapper

    for name in ("load_dataset", "build_tables", "load_stories"):
        setattr(ui_data, name, timed(name, getattr(ui_data, name)))
    return timings


def _load_from_cache(data: Path) -> None:
    """What a server start on unchanged data pays: the load again, the compiled cache filled by the first."""
    from components.data.compiled import FileCache, cache_dir
    from components.data.loading import load_dataset

    load_dataset(data, cache=FileCache(cache_dir()))


def _child(data: Path, repeats: int, reruns: bool, pages: list[str]) -> None:
    """Run in a subprocess: warm up, time each page, print one JSON line per event."""
    logging.getLogger("streamlit").setLevel(logging.ERROR)
    load = _instrument_loading()
    seconds = warm_up(data)
    load["load_cached"] = _timed(lambda: _load_from_cache(data))
    _emit(event="warm", seconds=seconds, load=load)
    for page in pages:
        _emit(event="start", page=page)
        _emit(event="page", **asdict(time_page(page, repeats=repeats, reruns=reruns)), peak_kb=peak_kb())
    _emit(event="done", peak_kb=peak_kb())


def _lines(process: subprocess.Popen) -> queue.Queue:
    """The child's output lines as they come, then None when it ends."""
    lines: queue.Queue[str | None] = queue.Queue()

    def read() -> None:
        for line in process.stdout:
            lines.put(line)
        lines.put(None)

    threading.Thread(target=read, daemon=True).start()
    return lines


def _failed(page: str, why: str) -> PageTiming:
    nan = float("nan")
    return PageTiming(page, nan, nan, nan, 0, why)


def _run_child(data: Path, options: dict, pages: list[str], result: SizeRun, page_budget: float, warm_budget: float):
    """One child over `pages`; fill `result`; stop the child when a page runs over budget."""
    command = [sys.executable, "-m", "bench.server_side", str(data), str(options["repeats"]), str(options["reruns"])]
    command += pages
    process = subprocess.Popen(command, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    lines = _lines(process)
    current, deadline = pages[0], time.monotonic() + warm_budget
    try:
        while True:
            try:
                line = lines.get(timeout=max(0.1, deadline - time.monotonic()))
            except queue.Empty:
                result.peak_kb = max(result.peak_kb, peak_kb(process.pid))
                result.pages[current] = _failed(current, f"stopped: over {page_budget:.0f} s")
                return
            if line is None:
                result.pages.setdefault(current, _failed(current, "the run crashed"))
                return
            event = json.loads(line)
            kind = event.pop("event")
            if kind == "warm" and not result.load:  # keep the first child's warm-up
                result.warm, result.load = event["seconds"], event["load"]
            elif kind == "start":
                current, deadline = event["page"], time.monotonic() + page_budget
            elif kind == "page":
                result.peak_kb = max(result.peak_kb, event.pop("peak_kb"))
                result.pages[event["page"]] = PageTiming(**event)
            elif kind == "done":
                result.peak_kb = max(result.peak_kb, event["peak_kb"])
    finally:
        if process.poll() is None:
            process.kill()
        process.wait()


def measure(
    data: Path,
    *,
    repeats: int,
    reruns: bool = True,
    page_budget: float = 120,
    warm_budget: float = 600,
    skip: dict[str, str] | None = None,
    order: list[str] | None = None,
    restart: bool = True,
) -> SizeRun:
    """Time every page on `data` in a subprocess; a page over `page_budget` seconds is stopped and marked.
    With `restart` a new subprocess (which loads the data again) carries on with the pages after it; without,
    they are marked as not run. `skip` maps pages not to run to the reason; `order` is the order to run them."""
    result = SizeRun()
    for page, why in (skip or {}).items():
        result.pages[page] = _failed(page, why)
    options = {"repeats": repeats, "reruns": reruns}
    while remaining := [page for page in order or [p for p, _, _ in PAGES] if page not in result.pages]:
        if not restart and result.load:
            for page in remaining:
                result.pages[page] = _failed(page, "not run: an earlier page ran over budget")
            break
        _run_child(data, options, remaining, result, page_budget, warm_budget)
    result.pages = {page: result.pages[page] for page, _, _ in PAGES}
    return result


if __name__ == "__main__":
    _child(Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3] == "True", sys.argv[4:])
