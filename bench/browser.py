"""Browser timings with Playwright and Debian's chromium: page opened → last chart drawn, slider → updated."""

from __future__ import annotations

import statistics
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

from tests.browser.support import CHROMIUM, CHROMIUM_ARGS, serve

# Time stamps (performance.now(), ms since the document's navigation started) of the last mutation in the
# main area, the last Plotly mutation and the last websocket message, and of the last arrow key pressed.
PROBE = """
(() => {
  const b = window.__bench = {main: 0, chart: 0, ws: 0, key: -1};
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', () => { b.ws = performance.now(); });
    }
  };
  document.addEventListener('keydown', (e) => {
    if (e.key.startsWith('Arrow')) b.key = performance.now();
  }, true);
  const observer = new MutationObserver((records) => {
    const now = performance.now();
    for (const r of records) {
      const el = r.target.nodeType === 1 ? r.target : r.target.parentElement;
      if (!el || !el.closest('[data-testid="stMain"]')) continue;
      b.main = now;
      if (el.closest('.js-plotly-plot')) b.chart = now;
    }
  });
  const start = () => observer.observe(document.documentElement,
    {childList: true, subtree: true, attributes: true, characterData: true});
  if (document.documentElement) start(); else document.addEventListener('DOMContentLoaded', start);
})();
"""
# Settled: the expected charts are drawn, nothing is stale, the script is not running (the status widget with
# its Stop button is gone), and nothing changed for QUIET_MS.
QUIET_MS = 500
SETTLED = """
([charts, since, quiet]) => {
  const b = window.__bench;
  if (!b || !document.querySelector('[data-testid="stMain"]')) return false;
  const drawn = [...document.querySelectorAll('[data-testid="stMain"] .js-plotly-plot')]
    .filter((p) => p.querySelector('.main-svg')).length;
  if (drawn < charts) return false;
  if (document.querySelector('[data-stale="true"]')) return false;
  if (document.querySelector('[data-testid="stStatusWidget"]')) return false;  // "Running… Stop"
  const last = Math.max(b.main, b.ws);
  if (last <= since) return false;
  return performance.now() - last > quiet;
}
"""


@dataclass
class BrowserTiming:
    label: str
    open_ms: list[float] = field(default_factory=list)  # page opened → last chart drawn (settled)
    change_ms: list[float] = field(default_factory=list)  # arrow key on the slider → page updated
    error: str = ""

    @property
    def open(self) -> float:
        return statistics.median(self.open_ms) if self.open_ms else float("nan")

    @property
    def change(self) -> float:
        return statistics.median(self.change_ms) if self.change_ms else float("nan")


def server(script: Path, data: Path | None = None, *, timeout: float = 120, env: dict[str, str] | None = None):
    """Run `streamlit run script` on a free loopback port; yield (base url, process)."""
    return serve(script, data, timeout=timeout, env=env)


@contextmanager
def browser():
    """A fresh headless chromium profile with the timing probe installed on every page."""
    with tempfile.TemporaryDirectory(prefix="bench-chromium-") as profile, sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            profile,
            executable_path=CHROMIUM,
            args=CHROMIUM_ARGS,
            headless=True,
            viewport={"width": 1400, "height": 900},
        )
        context.add_init_script(PROBE)
        try:
            yield context
        finally:
            context.close()


def _settle(page: Page, charts: int, since: float, timeout_ms: float) -> float:
    """Wait until the page settles; return the time (ms) of its last change."""
    page.wait_for_function(SETTLED, arg=[charts, since, QUIET_MS], timeout=timeout_ms, polling=50)
    return page.evaluate("Math.max(window.__bench.main, window.__bench.ws)")


STATE = """() => {
  const b = window.__bench || {}, main = '[data-testid="stMain"] .js-plotly-plot';
  return JSON.stringify({now: Math.round(performance.now()), main: Math.round(b.main), ws: Math.round(b.ws),
    charts: [...document.querySelectorAll(main)].filter((p) => p.querySelector('.main-svg')).length,
    stale: document.querySelectorAll('[data-stale="true"]').length,
    status: document.querySelector('[data-testid="stStatusWidget"]')?.textContent || ''});
}"""


def _state(page: Page) -> str:
    """Where a page stood when it did not settle, for the error message."""
    try:
        return page.evaluate(STATE)
    except Exception:
        return ""


def time_open(context, url: str, charts: int, timeout_ms: float = 120_000) -> tuple[Page, float]:
    """Open `url` in a new tab; return the tab and ms from navigation start to the last chart drawn."""
    page = context.new_page()
    page.goto(url, wait_until="commit")
    return page, _settle(page, charts, 0, timeout_ms)


def time_key(page: Page, target: str, key: str, charts: int, timeout_ms: float = 120_000) -> float:
    """Press `key` on the element `target` (a CSS selector, or "" for the page); ms until the page settled."""
    if target:
        page.locator(target).first.focus()
    before = page.evaluate("performance.now()")
    page.keyboard.press(key)
    page.wait_for_function("(t) => window.__bench.key > t", arg=before, timeout=5_000)
    pressed = page.evaluate("window.__bench.key")
    return _settle(page, charts, pressed, timeout_ms) - pressed


SLIDER = '[data-testid="stSlider"] input[type="range"]'
SIDEBAR_SLIDER = f'[data-testid="stSidebar"] {SLIDER}'


def interaction(path: str) -> tuple[str, str]:
    """What a 'filter change' is on each page: the sidebar years slider, or on /present the slide keys."""
    if path.startswith("/present"):
        return "", "slide"  # the Next/Previous buttons' arrow-key shortcuts
    return SIDEBAR_SLIDER, "years"


def measure_once(
    context, url: str, target: str, charts: int, timing: BrowserTiming, *, change: bool = True, timeout_s: float = 120
) -> None:
    """Open `url` in a new tab, then press the right arrow on `target` (one step of the slider, the next slide);
    append the times to `timing`."""
    page = None
    try:
        page, opened = time_open(context, url, charts, timeout_s * 1000)
        timing.open_ms.append(opened)
        if change:
            timing.change_ms.append(time_key(page, target, "ArrowRight", charts, timeout_s * 1000))
    except Exception as exc:  # a timeout or a page that never settles is a result, not a crash
        state = _state(page) if page is not None else ""
        timing.error = f"{type(exc).__name__}: {str(exc).splitlines()[0][:120]} {state}"
    finally:
        if page is not None:
            page.close()
