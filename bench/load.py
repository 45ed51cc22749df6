"""`make load`: N concurrent browser sessions on /visits; time to draw and to redraw, server CPU and memory."""

from __future__ import annotations

import argparse
import asyncio
import math
import os
import re
import statistics
import time
from contextlib import nullcontext
from dataclasses import dataclass, field
from pathlib import Path

from playwright.async_api import async_playwright

from bench.browser import PROBE, QUIET_MS, SETTLED, SIDEBAR_SLIDER
from bench.machine import describe
from tests.browser.support import CHROMIUM, CHROMIUM_ARGS, REPO, serve

PATH, CHARTS = "/visits", 3
DOC = REPO / "docs" / "performance.md"
START, END = "<!-- make load: start -->", "<!-- make load: end -->"
TICKS = os.sysconf("SC_CLK_TCK")
# Sizing assumptions: a class opens the link within BURST_S, then each user changes a filter every CHANGE_EVERY_S.
BURST_S, CHANGE_EVERY_S, TARGET_UTILISATION = 10.0, 20.0, 0.7


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of one process (all its threads), from /proc/<pid>/stat."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS


def memory_mb(pid: int, field_name: str = "VmRSS") -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field_name + ":"):
            return int(line.split()[1]) / 1024
    return float("nan")


@dataclass
class Wave:
    sessions: int
    first_draw_ms: list[float] = field(default_factory=list)
    after_change_ms: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    open_cpu_s: float = float("nan")
    change_cpu_s: float = float("nan")
    rss_mb: float = float("nan")
    wall_s: float = 0.0

    @property
    def cpu_per_session(self) -> float:
        return (self.open_cpu_s + self.change_cpu_s) / self.sessions

    def row(self) -> list[str]:
        def spread(values: list[float]) -> str:
            return f"{statistics.median(values):,.0f} / {max(values):,.0f}" if values else "–"

        n = self.sessions
        return [
            str(n),
            f"{len(self.after_change_ms)}/{n}",
            spread(self.first_draw_ms),
            spread(self.after_change_ms),
            f"{self.open_cpu_s / n:.2f} + {self.change_cpu_s / n:.2f} = {self.cpu_per_session:.2f}",
            f"{self.rss_mb:.0f}",
            f"{self.wall_s:.0f}",
        ]


HEADER = [
    "sessions",
    "completed",
    "first draw ms (median / max)",
    "after change ms (median / max)",
    "server CPU s per session (open + change)",
    "server RSS MB, all open",
    "wall s",
]


async def open_visits(browser, url: str, wave: Wave, timeout_ms: float):
    """One visitor opens /visits and waits for its charts; returns the page, or None if it never settled."""
    context = await browser.new_context(viewport={"width": 1400, "height": 900})
    await context.add_init_script(PROBE)
    page = await context.new_page()
    try:
        await page.goto(url + PATH, wait_until="commit")
        await page.wait_for_function(SETTLED, arg=[CHARTS, 0, QUIET_MS], timeout=timeout_ms, polling=100)
        wave.first_draw_ms.append(await page.evaluate("Math.max(window.__bench.main, window.__bench.ws)"))
        return page
    except Exception as exc:  # a session that never settles is a result, not a crash
        wave.errors.append(f"open: {type(exc).__name__}: {str(exc).splitlines()[0][:100]}")
        return None


async def move_slider(page, wave: Wave, timeout_ms: float) -> None:
    """The same visitor moves the years slider one step and waits for the page to redraw."""
    try:
        await page.locator(SIDEBAR_SLIDER).first.focus()
        before = await page.evaluate("performance.now()")
        await page.keyboard.press("ArrowRight")
        await page.wait_for_function("(t) => window.__bench.key > t", arg=before, timeout=5_000)
        pressed = await page.evaluate("window.__bench.key")
        await page.wait_for_function("() => location.search.includes('years=')", timeout=timeout_ms)
        await page.wait_for_function(SETTLED, arg=[CHARTS, pressed, QUIET_MS], timeout=timeout_ms, polling=100)
        settled = await page.evaluate("Math.max(window.__bench.main, window.__bench.ws)")
        wave.after_change_ms.append(settled - pressed)
    except Exception as exc:
        wave.errors.append(f"change: {type(exc).__name__}: {str(exc).splitlines()[0][:100]}")


async def run_wave(browser, url: str, pid: int | None, wave: Wave, timeout_s: float) -> None:
    """All N visitors open the page at once; when every one has drawn, all move the slider at once."""
    timeout_ms = timeout_s * 1000
    cpu = cpu_seconds(pid) if pid else float("nan")
    start = time.perf_counter()
    pages = await asyncio.gather(*(open_visits(browser, url, wave, timeout_ms) for _ in range(wave.sessions)))
    middle = cpu_seconds(pid) if pid else float("nan")
    await asyncio.gather(*(move_slider(page, wave, timeout_ms) for page in pages if page is not None))
    wave.wall_s = time.perf_counter() - start
    if pid:
        wave.open_cpu_s, wave.change_cpu_s = middle - cpu, cpu_seconds(pid) - middle
        wave.rss_mb = memory_mb(pid)
    for context in browser.contexts:
        await context.close()


async def run_waves(url: str, pid: int | None, counts: list[int], budget_s: float, timeout_s: float) -> list[Wave]:
    waves = []
    deadline = time.monotonic() + budget_s
    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            await run_wave(browser, url, None, Wave(1), timeout_s)  # warm-up: the data loads once per server
            for count in counts:
                if time.monotonic() > deadline:
                    print(f"  {count} sessions: skipped, over the time budget of {budget_s:.0f} s", flush=True)
                    break
                await asyncio.sleep(5)  # let the server drop the previous wave's sessions
                wave = Wave(count)
                await asyncio.wait_for(run_wave(browser, url, pid, wave, timeout_s), 2 * timeout_s + 30)
                waves.append(wave)
                errors = f"  errors: {wave.errors[:2]}" if wave.errors else ""
                print("  " + " | ".join(wave.row()) + errors, flush=True)
        finally:
            await browser.close()
    return waves


def replicas_per_100_users(waves: list[Wave], *, burst_s: float = BURST_S, steady_s: float = CHANGE_EVERY_S) -> int:
    """Replicas (about one core each: a Streamlit process runs scripts under one interpreter lock) that serve
    100 users who all open the page within `burst_s` and then each change a filter every `steady_s`."""
    largest = max(waves, key=lambda w: w.sessions)
    burst = 100 * largest.open_cpu_s / largest.sessions / burst_s
    steady = 100 * largest.change_cpu_s / largest.sessions / steady_s
    return math.ceil(max(burst, steady) / TARGET_UTILISATION)


def memory_slope(waves: list[Wave]) -> str:
    """How resident memory grows with open sessions, between the smallest and the largest wave."""
    if len(waves) < 2:
        return "one wave only, no growth per session"
    small, large = waves[0], waves[-1]
    per_session = (large.rss_mb - small.rss_mb) / (large.sessions - small.sessions)
    return f"from {small.sessions} to {large.sessions} open sessions it grows by ≈{per_session:.1f} MB per session"


def render(waves: list[Wave], machine: dict[str, str], peak_mb: float) -> str:
    measured = waves and not math.isnan(waves[-1].open_cpu_s)  # not when the server is another's (--url)
    replicas = replicas_per_100_users(waves) if measured else "– (no server CPU measured)"
    lines = [
        START,
        "## Concurrent sessions (`make load`)",
        "",
        "`make load` (`python -m bench.load`) starts the app on a loopback port and, for each N, opens N headless",
        f"Chromium sessions at once on `{PATH}` and waits for each one's {CHARTS} charts (*first draw*, from",
        "navigation start); when all have drawn, every session moves the sidebar years slider one step at once",
        "(*after change*, key press to page redrawn). *Server CPU* is the `streamlit run` process's own user +",
        "system time (from `/proc/<pid>/stat`, so the browsers' CPU is not in it) in each phase, divided by N.",
        "*RSS* is the server's resident memory with the N sessions still open. A warm-up session loads the data",
        "first, so the waves measure sessions, not the load.",
        "Chromium runs on the same two cores: the times include the browsers' competition for CPU.",
        "",
        "| " + " | ".join(HEADER) + " |",
        "|" + "---|" * len(HEADER),
        *("| " + " | ".join(wave.row()) + " |" for wave in waves),
        "",
        f"Server peak RSS (VmHWM) over the whole run: {peak_mb:.0f} MB; {memory_slope(waves)}.",
        "",
        f"**Replicas per 100 concurrent users: {replicas}** — 100 users opening the page within {BURST_S:.0f} s need",
        f"100 × the open CPU-s per session / {BURST_S:.0f} s cores (one replica ≈ one core, the interpreter lock),",
        f"at {TARGET_UTILISATION:.0%} utilisation; afterwards, a change every {CHANGE_EVERY_S:.0f} s per user needs",
        "less (from the largest wave). `deploy/README.md` turns this into a deployment.",
        "",
        "Machine: " + "; ".join(f"{k} {v}" for k, v in machine.items()) + ".",
        END,
    ]
    return "\n".join(lines)


def write_section(text: str, doc: Path = DOC) -> None:
    """Replace the section between the markers in docs/performance.md (or append it), keeping the rest."""
    current = doc.read_text(encoding="utf-8")
    pattern = re.compile(re.escape(START) + ".*?" + re.escape(END), re.S)
    updated = pattern.sub(lambda _: text, current) if pattern.search(current) else current.rstrip() + "\n\n" + text
    doc.write_text(updated.rstrip() + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sessions", default="1,5,10,20", help="session counts, one wave each (default 1,5,10,20)")
    parser.add_argument("--url", help="a running server on loopback instead of starting one")
    parser.add_argument("--pid", type=int, help="that server's process id, for its CPU and memory")
    parser.add_argument("--budget", type=float, default=600, help="no new wave after this many seconds")
    parser.add_argument("--timeout", type=float, default=300, help="seconds one session may take per phase")
    parser.add_argument("--no-write", action="store_true", help="print only; leave docs/performance.md alone")
    args = parser.parse_args()
    if args.url and not re.match(r"https?://(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:\d+)?(/|$)", args.url):
        parser.error("--url must be a loopback address")
    counts = [int(n) for n in args.sessions.split(",")]

    machine = describe()
    print(f"Load: sessions {counts} on {PATH}", flush=True)
    print("  " + " | ".join(HEADER))
    served = nullcontext((args.url, None)) if args.url else serve(REPO / "app.py")
    with served as (url, process):
        pid = args.pid or (process.pid if process else None)
        waves = asyncio.run(run_waves(url.rstrip("/"), pid, counts, args.budget, args.timeout))
        peak = memory_mb(pid, "VmHWM") if pid else float("nan")
    machine["load average at the end"] = describe()["load average"]
    text = render(waves, machine, peak)
    print("\n" + text)
    if not args.no_write:
        write_section(text)
        print(f"\nWritten to {DOC.relative_to(REPO)}")


if __name__ == "__main__":
    main()
