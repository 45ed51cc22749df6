"""Two Streamlit replicas behind the nginx load balancer from deploy/: sticky sessions, and failover."""

from __future__ import annotations

import re
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

from deploy.nginx import render
from tests.browser.support import REPO, free_port, serve

SLIDER = '[data-testid="stSidebar"] [data-testid="stSlider"] input[type="range"]'
IDLE = "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')"
LOG_LINE = re.compile(r"route=(\S+) upstream=(\S+) status=(\d+)")


@contextmanager
def balancer(nginx: str, replicas: list[str], folder: Path) -> Iterator[str]:
    """nginx in the foreground from `folder`, on a free loopback port, in front of `replicas`; yield its URL."""
    port = free_port()
    (folder / "nginx.conf").write_text(render(replicas, listen=f"127.0.0.1:{port}", prefix=folder))
    command = [nginx, "-p", str(folder), "-c", str(folder / "nginx.conf"), "-g", f"daemon off; pid {folder}/nginx.pid;"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            if process.poll() is not None:
                raise RuntimeError(f"nginx exited: {process.stderr.read().decode()}")
            try:
                urllib.request.urlopen(f"{url}/_stcore/health", timeout=2)
                break
            except OSError:
                time.sleep(0.1)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


def upstreams(log: Path) -> dict[str, list[str]]:
    """For each route cookie, the replica (the last one nginx tried) of every request, in order."""
    routes: dict[str, list[str]] = {}
    for match in LOG_LINE.finditer(log.read_text()):
        route, tried, _ = match.groups()
        routes.setdefault(route, []).append(tried.split(",")[-1].strip())
    return routes


def step_years(page) -> str:
    """Move the years slider one step; wait until the address shows the new years and the page is idle."""
    before = page.evaluate("location.search")
    page.locator(SLIDER).first.focus()
    page.keyboard.press("ArrowRight")
    page.wait_for_function(
        "old => location.search.includes('years=') && location.search !== old", arg=before, timeout=60_000
    )
    page.wait_for_function(IDLE, timeout=60_000)
    return page.evaluate("location.search")


def route_of(context) -> str:
    return next(c["value"] for c in context.cookies() if c["name"] == "streamlit_route")


def test_sessions_stick_to_one_replica_and_move_when_it_stops(browser, nginx_binary, tmp_path):
    """Sessions opened through nginx spread over both replicas, each session's requests all reach one replica;
    when a replica stops, its tabs reconnect through the other and a slider step still updates the page."""
    with ExitStack() as stack:
        (url_a, process_a), (url_b, _) = (stack.enter_context(serve(REPO / "app.py")) for _ in range(2))
        replica = {url_a.removeprefix("http://"): "a", url_b.removeprefix("http://"): "b"}
        for url in (url_a, url_b):  # load the data, and spend a fresh server's first deep link (streamlit#9624)
            page = browser.new_page()
            page.goto(url + "/")
            page.wait_for_selector('[data-testid="stSidebarNav"]', timeout=60_000)
            page.close()
        base = stack.enter_context(balancer(nginx_binary, list(replica), tmp_path))
        log = tmp_path / "access.log"

        sessions = []  # (context, page, replica)
        for _ in range(10):
            context = browser.new_context(viewport={"width": 1400, "height": 900})
            stack.callback(context.close)
            page = context.new_page()
            page.goto(base + "/visits")
            page.wait_for_selector(SLIDER, timeout=60_000)
            page.wait_for_function(IDLE, timeout=60_000)
            sessions.append((context, page, replica[upstreams(log)[route_of(context)][0]]))
            if {"a", "b"} <= {name for _, _, name in sessions} and len(sessions) >= 3:
                break
        assert {name for _, _, name in sessions} == {"a", "b"}, "the route cookie spread sessions over both replicas"

        for context, page, name in sessions:
            step_years(page)
            seen = upstreams(log)[route_of(context)]
            assert {replica[u] for u in seen} == {name}, f"one session's requests went to several replicas: {seen}"

        sockets: dict[int, list] = {}
        for index, (_, page, _) in enumerate(sessions):
            sockets[index] = []
            page.on("websocket", lambda socket, found=sockets[index]: found.append(socket))
        process_a.kill()
        for index, (context, page, name) in enumerate(sessions):
            if name == "a":
                for _ in range(120):  # the tab notices the lost connection and reconnects through nginx
                    if sockets[index]:
                        break
                    page.wait_for_timeout(250)
                assert sockets[index], "the tab did not reconnect"
                page.wait_for_timeout(1000)
            assert "years=" in step_years(page)
            assert page.locator('[data-testid="stException"]').count() == 0
            assert replica[upstreams(log)[route_of(context)][-1]] == "b"
