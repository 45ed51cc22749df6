"""Search, the story builder and embed links in a real browser: clicks, keys, downloads and uploads."""

from __future__ import annotations

import re
import shutil
from urllib.parse import parse_qs, urlparse

from playwright.sync_api import expect

from components.data import validate
from tests.browser.conftest import SCREENSHOTS
from tests.conftest import REAL_DATA


def _query(url: str) -> dict[str, list[str]]:
    return parse_qs(urlparse(url).query)


def _nav(tab, label: str, path: str) -> None:
    """Move to another page from the sidebar: the same session, so the story being built is kept."""
    # A click from script: the longer navigation can sit outside the sidebar's scrolled view.
    tab.page.locator("[data-testid=stSidebarNav] a", has_text=label).first.evaluate("link => link.click()")
    tab.page.wait_for_url(re.compile(path), timeout=30_000)
    tab.settle()


def _add_first_chart(tab) -> None:
    tab.page.get_by_role("button", name="Add to my story").first.click()
    tab.page.get_by_text(re.compile(r"Added as slide \d+")).first.wait_for(timeout=30_000)
    tab.settle()


def _slide_charts(tab) -> list[str]:
    return [
        m.group(1)
        for m in re.finditer(r"Slide \d+ · chart: (\w+)", tab.page.locator("[data-testid=stMain]").inner_text())
    ]


def _download(tab) -> str:
    with tab.page.expect_download() as download:
        tab.page.get_by_role("button", name="Download the story file").click()
    return download.value.path().read_text(encoding="utf-8")


def _upload(tab, name: str, text: str) -> None:
    tab.page.locator("[data-testid=stFileUploaderDropzoneInput]").set_input_files(
        {"name": name, "mimeType": "application/x-yaml", "buffer": text.encode("utf-8")}
    )
    tab.settle()


def test_search_finds_a_misspelt_name_and_opens_the_record(tab):
    """'Lavorv' in the sidebar's search box finds Sergey Lavrov's visits; Open shows the record with its sources."""
    tab.open("/visits")
    box = tab.page.get_by_label("Search the records", exact=True)
    box.fill("Lavorv")
    box.press("Enter")
    results = tab.page.locator(".st-key-search-results")
    results.get_by_text(re.compile(r"Sergey Lavrov in ")).first.wait_for(timeout=30_000)
    tab.page.wait_for_function("() => location.search.includes('q=Lavorv')", timeout=20_000)
    tab.shot("search-results")
    results.get_by_role("button", name="Open").first.click()
    dialog = tab.page.get_by_role("dialog")
    dialog.get_by_text("Cite this record").wait_for(timeout=30_000)
    assert "Lavrov" in dialog.inner_text()


def test_search_link_round_trip(tab, browser):
    """An address with ?q= opens with the box filled and the results shown; a typo still finds Hambantota."""
    tab.open("/?q=Hambantotta")
    tab.page.locator(".st-key-search-results").get_by_text(re.compile("Hambantota")).first.wait_for(timeout=30_000)
    expect(tab.page.get_by_label("Search the records", exact=True)).to_have_value("Hambantotta", timeout=20_000)
    assert _query(tab.page.url)["q"] == ["Hambantotta"]


def test_build_present_download_validate_and_upload_a_three_slide_story(tab, tmp_path):
    """Add to my story on three pages, reorder, present with the arrow keys, download, validate, upload back."""
    tab.open("/visits?a=PAK&b=RUS", charts=1)
    _add_first_chart(tab)
    _nav(tab, "Country pair", r"/pair")
    _add_first_chart(tab)
    _nav(tab, "Deals", r"/deals")
    _add_first_chart(tab)
    _nav(tab, "My story", r"/my-story")
    assert _slide_charts(tab) == ["visits_timeline", "pair_timeline", "deals_gantt"]
    tab.page.get_by_role("button", name="Down").first.click()
    tab.settle()
    assert _slide_charts(tab) == ["pair_timeline", "visits_timeline", "deals_gantt"]
    tab.shot("my-story")

    story_file = _download(tab)
    data = tmp_path / "data"
    shutil.copytree(REAL_DATA, data)
    (data / "stories" / "my-story.yaml").write_text(story_file, encoding="utf-8")
    assert validate.main([str(data)]) == 0, "make validate accepts the downloaded story in data/stories/"

    tab.page.get_by_role("link", name="Present it").click()
    tab.page.wait_for_url(re.compile(r"/present\?.*story=my-story"), timeout=30_000)
    tab.page.wait_for_function(
        "() => document.querySelectorAll('.js-plotly-plot .main-svg').length >= 1", timeout=60_000
    )
    tab.settle()
    first = tab.page.locator("[data-testid='stMain'] h2").first.inner_text()
    tab.page.keyboard.press("ArrowRight")
    tab.page.wait_for_function("() => location.search.includes('slide=2')", timeout=20_000)
    tab.settle()
    assert tab.page.locator("[data-testid='stMain'] h2").first.inner_text() != first

    _nav(tab, "My story", r"/my-story")
    tab.page.get_by_role("button", name="Delete").first.click()
    tab.settle()
    assert len(_slide_charts(tab)) == 2
    _upload(tab, "my-story.yaml", story_file)
    tab.page.wait_for_function("() => document.body.innerText.includes('Slide 3 · chart')", timeout=30_000)
    assert _slide_charts(tab) == ["pair_timeline", "visits_timeline", "deals_gantt"]
    again = _download(tab)
    assert again.splitlines()[1:] == story_file.splitlines()[1:], "the same story, but for the dated header line"
    assert tab.blocked == [], f"requests beyond loopback: {tab.blocked}"


def test_share_link_round_trip(tab, browser):
    """The share link of a built story opens, in a fresh browser session, on its first slide ready to present."""
    tab.open("/visits?a=PAK&b=RUS", charts=1)
    _add_first_chart(tab)
    _nav(tab, "My story", r"/my-story")
    link = re.search(r"\S+/present\?\S+", tab.page.locator("[data-testid=stCode]").first.inner_text()).group(0)
    assert "share=" in link and len(link) < 6100
    context = browser.new_context(viewport={"width": 1600, "height": 1000})
    try:
        page = context.new_page()
        page.goto(link)
        page.wait_for_function(
            "() => document.querySelectorAll('.js-plotly-plot .main-svg').length >= 1", timeout=60_000
        )
        page.get_by_role("heading", name="Every visit on a timeline").first.wait_for(timeout=30_000)
        assert "slide 1 of 1" in page.locator("[data-testid=stMain]").inner_text()
    finally:
        context.close()


def test_embed_link_shows_just_its_chart(tab, browser):
    """The Embed popover's link opens that chart alone, with its filters in the source line inside the chart."""
    tab.open("/visits?a=RUS&b=PAK&visits_view=Map", charts=1)
    tab.page.get_by_role("button", name="Embed").first.click()
    code = tab.page.locator("[data-testid=stPopoverBody] [data-testid=stCode]").first
    code.wait_for(timeout=20_000)
    link = code.inner_text().strip()
    assert "/chart?kind=visits_map" in link and "embed=true" in link
    tab.page.goto(link)
    tab.page.wait_for_function(
        "() => document.querySelectorAll('.js-plotly-plot .main-svg').length >= 1", timeout=60_000
    )
    tab.settle()
    assert tab.page.locator(".js-plotly-plot").count() == 1
    assert (
        tab.page.locator("[data-testid=stSidebarNav]").count() == 0
        or not tab.page.locator("[data-testid=stSidebarNav]").is_visible()
    )
    assert "Filters: pair Russia – Pakistan" in tab.page.locator(".js-plotly-plot").inner_text()
    assert tab.page.locator("[data-testid=stMain] h1").count() == 0
    assert tab.blocked == [], f"requests beyond loopback: {tab.blocked}"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    tab.shot("embed-visits-map")


def test_a_bad_story_file_gives_its_line_numbered_message(tab):
    """Uploading a story with an unknown chart kind lists file:line: story: field: message, and changes nothing."""
    tab.open("/my-story")
    bad = "id: bad\ntitle: Bad\nauthor: Me\naudience: You\nsummary: S.\nslides:\n  - title: One\n    narrative: Text.\n"
    bad += "    view: {chart: pie_chart}\n    records: [rus-pak-2021-04-lavrov]\n"
    _upload(tab, "bad.yaml", bad)
    tab.page.get_by_text(re.compile(r"bad\.yaml:9: bad: slides\.0\.view\.chart:")).wait_for(timeout=30_000)
