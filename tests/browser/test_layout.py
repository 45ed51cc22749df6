"""Design checks on the screens people use: every chart's text inside its box, legends smaller than plots, maps
large enough, no labels on top of each other, the slide inside a projector's screen, and an axe-core audit.

One page load per page and screen size; every check runs on that load, then a whole-page screenshot is taken."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote

import pytest

from components.ui import navigation
from tests.browser.support import REPO

PAGES = [(link, charts) for page in navigation.PAGES for link, charts, _ in page.checks()]
DESKTOP = [(1280, 720), (1920, 1080)]
PHONE = (390, 844)
AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
MIN_MAP_HEIGHT = 320
MIN_MAP_SHARE = 0.6

# Findings in markup Streamlit draws itself, not the app: allowed only inside these parts of the page, so a new
# rule, or one of these anywhere else, fails the audit.
FRAMEWORK_FINDINGS = {
    "list": "[data-testid='stSidebarNav']",  # the navigation's <ul> holds section headers as well as <li>s
    "listitem": "[data-testid='stSidebarNav']",
}

# Everything measured in one pass: per chart, texts outside the chart's box, legend and plot areas, maps'
# areas, and pairs of title/label texts that overlap.
MEASURE = r"""() => {
  const inside = (r, b) => r.left >= b.left - 1 && r.right <= b.right + 1 &&
    r.top >= b.top - 1 && r.bottom <= b.bottom + 1;
  const area = r => r ? r.width * r.height : 0;
  const shown = el => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0 &&
    getComputedStyle(el).visibility !== 'hidden' && getComputedStyle(el).opacity !== '0' ? r : null; };
  const labels = '.gtitle, .gtitle-subtitle, .xtitle, .ytitle, .legendtitletext, .legendtext, .annotation-text, ' +
    '.xtick text, .ytick text, .cbtitle text, .cbaxis text, .geo .textpoint text';
  return [...document.querySelectorAll('.js-plotly-plot')].map(plot => {
    const box = plot.getBoundingClientRect();
    const title = (plot.querySelector('.gtitle') || {}).textContent || '';
    const outside = [...plot.querySelectorAll('.main-svg text')]
      .map(t => [t, shown(t)]).filter(([t, r]) => r && !inside(r, box)).map(([t]) => t.textContent.slice(0, 40));
    const legend = plot.querySelector('g.legend .bg');
    const plots = [...plot.querySelectorAll('.draglayer .nsewdrag, .geolayer .bg')]
      .map(e => e.getBoundingClientRect());
    const geos = [...plot.querySelectorAll('.geolayer .bg')]
      .map(e => e.getBoundingClientRect());
    // Rotated tick labels have overlapping boxes but not glyphs: Plotly rotates them exactly so they clear.
    const rotated = t => /rotate\(-?[1-9]/.test(t.getAttribute('transform') || '');
    const texts = [...plot.querySelectorAll(labels)].map(t => [t.textContent, shown(t), rotated(t)])
      .filter(([s, r]) => r && s.trim());
    const overlaps = [];
    for (let i = 0; i < texts.length; i++) for (let j = i + 1; j < texts.length; j++) {
      if (texts[i][2] && texts[j][2]) continue;
      const a = texts[i][1], b = texts[j][1];
      const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (w > 2 && h > 2) overlaps.push(texts[i][0].slice(0, 30) + ' | ' + texts[j][0].slice(0, 30));
    }
    return {title, box: [box.width, box.height], outside, overlaps,
            legend: legend ? area(legend.getBoundingClientRect()) : 0,
            plot: plots.reduce((s, r) => s + area(r), 0),
            geos: geos.map(r => [r.width, r.height])};
  });
}"""


def _name(path: str) -> str:
    """'overview', 'pair', 'visits-map': the page, and the chart tab when the link opens one."""
    page, _, query = path.strip("/").partition("?")
    tab = re.search(r"_view=([^&]+)", query)
    name = (page or "overview") + (f"-{unquote(tab.group(1))}" if tab else "")
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def _check_charts(charts: list[dict], *, width: int) -> list[str]:
    problems = []
    for chart in charts:
        name = chart["title"] or "untitled chart"
        if chart["outside"]:
            problems.append(f"{name}: text outside the chart: {chart['outside'][:5]}")
        if chart["overlaps"]:
            problems.append(f"{name}: labels overlap: {chart['overlaps'][:5]}")
        if chart["plot"] and chart["legend"] > chart["plot"]:
            problems.append(
                f"{name}: legend ({chart['legend']:.0f} px²) larger than the plot ({chart['plot']:.0f} px²)"
            )
        if width >= 1280:
            for geo_w, geo_h in chart["geos"]:
                if geo_h < MIN_MAP_HEIGHT:
                    problems.append(f"{name}: map {geo_h:.0f} px tall (< {MIN_MAP_HEIGHT})")
                share = geo_w * geo_h / (chart["box"][0] * chart["box"][1])
                if share < MIN_MAP_SHARE:
                    problems.append(f"{name}: map fills {share:.0%} of its chart (< {MIN_MAP_SHARE:.0%})")
    return problems


def _audit(page) -> list[str]:
    """axe-core's serious and critical findings, less the framework's own in the parts of the page it draws."""
    page.add_script_tag(path=str(AXE))
    violations = page.evaluate("async () => (await axe.run()).violations")
    problems = []
    for violation in violations:
        if violation["impact"] not in ("serious", "critical"):
            continue
        scope = FRAMEWORK_FINDINGS.get(violation["id"])
        targets = [node["target"][0] for node in violation["nodes"]]
        if scope and all(
            page.evaluate("([t, s]) => !!document.querySelector(t)?.closest(s)", [target, scope]) for target in targets
        ):
            continue
        problems.append(f"{violation['id']} ({violation['impact']}): {violation['help']} at {targets[:3]}")
    return problems


def _whole_page_shot(tab, name: str, width: int) -> Path:
    """Screenshot of the whole page: the main area scrolls in its own container, so grow the viewport to it."""
    height = tab.page.evaluate("() => Math.ceil(document.querySelector('[data-testid=\"stMain\"]').scrollHeight) + 40")
    tab.page.set_viewport_size({"width": width, "height": min(max(height, 600), 16_000)})
    tab.page.wait_for_timeout(1200)
    return tab.shot(name)


@pytest.fixture(scope="module")
def sized_tab(browser, app_url):
    """One browser context per screen size, reused across pages (a context per page costs a cold start)."""
    from tests.browser.conftest import Tab

    contexts = {}

    def get(width: int, height: int) -> Tab:
        if (width, height) not in contexts:
            context = browser.new_context(viewport={"width": width, "height": height})
            contexts[(width, height)] = (context, Tab(context.new_page(), app_url))
        tab = contexts[(width, height)][1]
        tab.page.set_viewport_size({"width": width, "height": height})
        return tab

    yield get
    for context, _ in contexts.values():
        context.close()


@pytest.mark.parametrize(("width", "height"), [*DESKTOP, PHONE], ids=lambda v: str(v))
@pytest.mark.parametrize(("path", "charts"), PAGES, ids=[_name(p) for p, _ in PAGES])
def test_every_chart_is_readable_at_this_size(sized_tab, path, charts, width, height):
    """Chart text inside its box, legend no larger than its plot, maps ≥ 320 px and ≥ 60 % of their box,
    no overlapping labels; on /present the slide fits the screen; axe finds nothing the app controls (1280)."""
    if not AXE.exists():
        pytest.fail("axe-core is missing: run `make .venv/.dev-installed` (it runs `npm ci`).", pytrace=False)
    tab = sized_tab(width, height)
    tab.open(path, charts=charts)
    assert tab.exceptions() == 0
    problems = _check_charts(tab.page.evaluate(MEASURE), width=width)
    if path.startswith("/present") and (width, height) != PHONE:
        bottom = tab.page.evaluate(
            """() => Math.max(...[...document.querySelectorAll(
                '[data-testid="stMain"] h2, [data-testid="stMain"] .js-plotly-plot, .js-plotly-plot g.legend')]
                .map(e => e.getBoundingClientRect().bottom))"""
        )
        if bottom > height:
            problems.append(f"the slide ends at {bottom:.0f} px, below the {height} px screen")
    if (width, height) == DESKTOP[0]:
        problems += _audit(tab.page)
    if width >= 1280:
        assert _whole_page_shot(tab, f"{_name(path)}-{width}x{height}", width).stat().st_size > 10_000
    assert not problems, "\n".join(problems)
