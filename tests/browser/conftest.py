"""Real-browser fixtures: the app served on a free loopback port, Debian's chromium, the network cut off."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.browser.support import REPO, serve

SCREENSHOTS = REPO / "artifacts" / "screenshots"
LOCAL = ("http://127.0.0.1", "http://localhost", "ws://127.0.0.1", "data:", "blob:", "about:")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/browser" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def server() -> Iterator[str]:
    """`streamlit run app.py` on a free loopback port, stopped at the end of the session."""
    with serve(REPO / "app.py") as (url, _process):
        yield url


class Tab:
    """A browser tab on the app: records console errors and every request it had to block."""

    def __init__(self, page, base: str) -> None:
        self.page = page
        self.base = base
        self._console_errors: list[str] = []
        self.failed_responses: list[str] = []
        self.blocked: list[str] = []
        page.on("console", lambda m: self._console_errors.append(m.text) if m.type == "error" else None)
        page.on("response", lambda r: self.failed_responses.append(r.url) if r.status >= 400 else None)
        page.route("**/*", self._route)

    @property
    def console_errors(self) -> list[str]:
        """Console errors, less the resource failures already accounted for in `unexpected_failures`."""
        return [m for m in self._console_errors if not m.startswith("Failed to load resource")]

    @property
    def unexpected_failures(self) -> list[str]:
        """Failed requests other than Streamlit probing for its base path when a page is opened by URL."""
        probe = re.compile(r"/[^/]+/_stcore/(health|host-config)$")
        return [url for url in self.failed_responses if not probe.search(url)]

    def _route(self, route) -> None:
        if route.request.url.startswith(LOCAL):
            route.continue_()
        else:
            self.blocked.append(route.request.url)
            route.abort()

    def open(self, path: str, *, charts: int = 0) -> None:
        """Go to `path` and wait until the app is idle and at least `charts` plotly charts are drawn."""
        self.page.goto(self.base + path)
        self.page.wait_for_selector('[data-testid="stApp"]')
        if charts:
            self.page.wait_for_function(
                "n => document.querySelectorAll('.js-plotly-plot .main-svg').length >= n", arg=charts, timeout=60_000
            )
        self.settle()

    def settle(self) -> None:
        """Wait for the script to finish running (the status widget gone) and the DOM to be still."""
        self.page.wait_for_timeout(500)
        self.page.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=60_000)
        self.page.wait_for_timeout(700)

    def exceptions(self) -> int:
        return self.page.locator('[data-testid="stException"]').count()

    def shot(self, name: str) -> Path:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{name}.png"
        self.page.screenshot(path=str(path))
        return path


@pytest.fixture(scope="session")
def app_url(browser, server) -> str:
    """The server after one visit to its main page: a fresh Streamlit server answers the very first deep link
    with a "Page not found" notice over the right page (a known framework issue), which would blind the tests."""
    context = browser.new_context()
    page = context.new_page()
    for path in ("/", "/about"):
        page.goto(server + path)
        page.wait_for_selector('[data-testid="stSidebarNav"]', timeout=60_000)
        page.wait_for_timeout(3000)
    context.close()
    return server


@pytest.fixture
def tab(browser, app_url) -> Iterator[Tab]:
    """A fresh browser context at 1600×1000 with the network beyond loopback blocked."""
    context = browser.new_context(viewport={"width": 1600, "height": 1000}, accept_downloads=True)
    page = context.new_page()
    yield Tab(page, app_url)
    context.close()
