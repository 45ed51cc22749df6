"""A tab outlives a server restart: it reconnects to a new session and its next filter change still counts."""

from __future__ import annotations

import re

from tests.browser.support import REPO, free_port, serve

SLIDER = '[data-testid="stSidebar"] [data-testid="stSlider"] input[type="range"]'
CAPTION = "[data-testid='stMain'] [data-testid='stCaptionContainer']"


def _visits_in_view(page) -> int:
    return int(re.match(r"(\d+) official visits", page.locator(CAPTION).first.inner_text()).group(1))


def _wait_for_years(page, first: int) -> None:
    page.wait_for_function(f"() => location.search.includes('years={first}&')", timeout=60_000)
    page.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=60_000)
    page.wait_for_timeout(700)


def test_first_slider_change_after_a_server_restart_is_applied(browser):
    """Restart the server under an open /visits tab: after it reconnects, one slider step moves the years in the
    address and changes the count of visits in view."""
    port = free_port()
    context = browser.new_context(viewport={"width": 1600, "height": 1000})
    page = context.new_page()
    sockets = []
    page.on("websocket", lambda socket: sockets.append(socket))
    try:
        with serve(REPO / "app.py", port=port) as (url, _):
            page.goto(url + "/")  # a fresh server's first deep link shows "Page not found" (streamlit#9624)
            page.wait_for_selector('[data-testid="stSidebarNav"]', timeout=60_000)
            page.goto(url + "/visits?years=2005&years=2020")
            page.wait_for_selector(SLIDER, timeout=60_000)
            _wait_for_years(page, 2005)
            before = _visits_in_view(page)
        with serve(REPO / "app.py", port=port):
            opened = len(sockets)
            for _ in range(120):
                if len(sockets) > opened:
                    break
                page.wait_for_timeout(250)
            assert len(sockets) > opened, "the tab did not reconnect to the restarted server"
            page.wait_for_timeout(1000)
            page.locator(SLIDER).first.focus()
            page.keyboard.press("ArrowRight")
            _wait_for_years(page, 2006)
            page.wait_for_function(
                "([sel, old]) => !document.querySelector(sel).innerText.startsWith(old + ' ')",
                arg=[CAPTION, before],
                timeout=30_000,
            )
            assert _visits_in_view(page) < before, "visits of 2005 left the view"
    finally:
        context.close()
