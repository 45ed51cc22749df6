"""The reader's own records in a real browser: the form, uploads of every kind, and every refused upload."""

from __future__ import annotations

import csv
import io
import re
import stat
import zipfile
from pathlib import Path

import pytest

from components.data.csvfile import template
from tests.test_uploads import NEW_VISIT, VISIT_ROW, zipped

# India → Pakistan on 25 Dec 2015 exists in the curated data under another id; these ids and pair are new.
OWN_VISIT = NEW_VISIT.replace("ind-pak-2015-12-modi", "ind-pak-2015-12-own-test")
CSV_ROW = VISIT_ROW.replace("ind-pak-2015-12-modi", "ind-pak-2015-12-own-csv")


def _key(tab, key: str):
    return tab.page.locator(f".st-key-{key}")


def _pick(tab, key: str, typed: str, option: str) -> None:
    """Choose an option of a selectbox or multiselect by typing (long lists are virtualised)."""
    _key(tab, key).locator("input").first.click()
    tab.page.keyboard.type(typed)
    tab.page.get_by_role("option", name=option, exact=True).first.click()
    tab.settle()


def _type(tab, key: str, text: str, *, area: bool = False) -> None:
    field = _key(tab, key).locator("textarea" if area else "input").first
    field.fill(text)
    field.press("Tab" if area else "Enter")
    tab.settle()


def _nav(tab, title: str, url: str) -> None:
    """Move to another page from the sidebar: the same session (a new address would start a new one)."""
    more = tab.page.locator("[data-testid=stSidebarNav]").get_by_text(re.compile(r"View \d+ more"))
    if more.count():
        more.click()
    tab.page.locator("[data-testid=stSidebarNav] a", has_text=title).first.click()
    tab.page.wait_for_url(re.compile(url), timeout=20_000)
    tab.settle()


def _pick_pair(tab, first: str, second: str) -> None:
    for label, name in (("First country", first), ("Second country", second)):
        tab.page.get_by_label(label, exact=True).click()
        tab.page.keyboard.type(name.split(" (")[0])
        tab.page.get_by_role("option", name=name, exact=True).click()
        tab.settle()


def _csv_rows(tab, button: str) -> list[dict[str, str]]:
    with tab.page.expect_download() as download:
        tab.page.get_by_role("button", name=re.compile(button)).click()
    return list(csv.DictReader(io.StringIO(download.value.path().read_text(encoding="utf-8"))))


def test_a_visit_added_with_the_form_is_on_the_map_and_in_the_csv(tab):
    """Fill the form with a valid visit, use it now: the visits map draws it (marked as yours) and the CSV has it."""
    tab.open("/add")
    _type(tab, "form-visits-id", "btn-usa-2024-05-own-test")
    _type(tab, "form-visits-start-date-year", "2024")
    _pick(tab, "form-visits-start-date-month", "May", "May")
    _type(tab, "form-visits-start-date-day", "2")
    _pick(tab, "form-visits-guest-country", "Bhutan", "Bhutan (BTN)")
    _pick(tab, "form-visits-host-country", "United States", "United States (USA)")
    _type(tab, "form-visits-visitor-name", "Test Visitor")
    _pick(tab, "form-visits-visitor-role", "foreign", "foreign_minister")
    _pick(tab, "form-visits-cities", "Washington", "Washington")
    _pick(tab, "form-visits-kind", "official", "official")
    _type(tab, "form-visits-summary", "A visit added in the browser test.", area=True)
    _type(tab, "form-visits-sources-0-url", "https://example.org/own-test")
    _type(tab, "form-visits-sources-0-publisher", "Example")
    tab.page.get_by_text("No problems: this record passes every check").wait_for(timeout=20_000)
    assert "data/visits/btn-usa.yaml" in tab.page.locator("[data-testid=stMain]").inner_text()
    _key(tab, "form-use").locator("button").click()
    tab.settle()
    tab.page.get_by_text("Data in view:").first.wait_for(timeout=20_000)

    _pick_pair(tab, "Bhutan (BTN) · South Asia", "United States (USA) · Great powers")
    _nav(tab, "Visits", r"/visits")
    tab.page.get_by_role("tab", name="Map").click()
    tab.page.wait_for_function("() => document.querySelectorAll('.js-plotly-plot .scattergeo').length >= 1")
    tab.settle()
    point = tab.page.locator(".js-plotly-plot").first.locator(".scattergeo path.point").first
    point.scroll_into_view_if_needed()
    dialog = tab.page.get_by_role("dialog")
    for _ in range(3):
        box = point.bounding_box()
        tab.page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        try:
            dialog.wait_for(timeout=10_000)
            break
        except Exception:
            tab.page.wait_for_timeout(1000)
    dialog.get_by_text("Yours, not reviewed").first.wait_for(timeout=20_000)
    assert "Test Visitor" in dialog.inner_text()
    tab.page.keyboard.press("Escape")
    tab.settle()

    _nav(tab, "Data & sources", r"/data")
    rows = _csv_rows(tab, r"Visits CSV \(1\)")
    assert [(r["id"], r["origin"]) for r in rows] == [("btn-usa-2024-05-own-test", "yours, not reviewed")]
    assert tab.exceptions() == 0 and tab.console_errors == []


def _load(tab, paths: list[Path], *, replace: bool = False) -> None:
    tab.page.locator("[data-testid=stFileUploaderDropzoneInput]").set_input_files([str(p) for p in paths])
    tab.settle()
    if replace:
        tab.page.get_by_text("Replace the curated data").click()
        tab.settle()
    _key(tab, "own-upload-load").locator("button").click()
    tab.settle()


def _visits_tab(tab) -> str:
    _nav(tab, "Data & sources", r"/data")
    return tab.page.get_by_role("tab").first.inner_text()


@pytest.mark.parametrize(
    ("files", "replace", "expected"),
    [
        ({"mine.yaml": OWN_VISIT}, False, None),
        ({"mine.zip": zipped({"data/visits/ind-pak.yaml": OWN_VISIT})}, False, None),
        ({"visits.csv": template("visits") + CSV_ROW}, True, "Visits (1)"),
    ],
    ids=["yaml", "zip", "csv-replace"],
)
def test_a_valid_upload_is_shown_on_the_pages(tab, tmp_path, files, replace, expected):
    """A YAML, a zip and a CSV: loaded, named in the banner, counted on the data page, found by search."""
    paths = []
    for name, content in files.items():
        path = tmp_path / name
        path.write_bytes(content if isinstance(content, bytes) else content.encode())
        paths.append(path)
    tab.open("/load")
    _load(tab, paths, replace=replace)
    tab.page.get_by_text(re.compile(r"Loaded 1 record\(s\) from")).wait_for(timeout=30_000)
    assert tab.page.get_by_text("Data in view:").count() == 1
    shown = _visits_tab(tab)
    if expected:
        assert shown.startswith(expected)
    else:
        assert int(re.search(r"\((\d+)\)", shown).group(1)) > 1
    assert tab.page.get_by_text("Data in view:").count() == 1, "the banner is on every page"
    _key(tab, "back-to-curated").locator("button").click()
    tab.settle()
    assert tab.page.get_by_text("Data in view:").count() == 0
    assert _visits_tab(tab) != shown
    assert tab.exceptions() == 0


def _symlink_zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        link = zipfile.ZipInfo("visits/link.yaml")
        link.external_attr = (stat.S_IFLNK | 0o777) << 16
        archive.writestr(link, "/etc/passwd")
    return buffer.getvalue()


BAD_UPLOADS = [
    ("latin1.yaml", "- note: café\n".encode("latin-1"), "latin1.yaml is not UTF-8 text"),
    ("aliases.yaml", (OWN_VISIT.replace("  kind: working\n", "  kind: &k working\n  note: *k\n")).encode(), "aliases"),
    ("tags.yaml", (OWN_VISIT + "  note: !!python/object/apply:os.system ['true']\n").encode(), "YAML tags"),
    ("deep.yaml", (OWN_VISIT + "  note: " + "[" * 200 + "]" * 200 + "\n").encode(), "nested deeper than 50"),
    ("escape.zip", zipped({"visits/../../x.yaml": "[]"}), "contains a path that leaves its folder"),
    ("absolute.zip", zipped({"/tmp/visits.yaml": "[]"}), "contains an absolute path"),
    ("link.zip", _symlink_zip(), "contains a symbolic link"),
    ("bomb.zip", zipped({"visits/zeros.yaml": b"\0" * 5_000_000}), "looks like a zip bomb"),
    ("many.zip", zipped({f"visits/{n}.yaml": "[]" for n in range(501)}), "at most 500 can be loaded"),
    ("many.csv", ("id,guest_country\n" + "a-visit,PAK\n" * 20_001).encode(), "at most 20,000 can be loaded"),
    ("huge.yaml", b"#" * 10_000_001, "10.0MB or smaller"),
]


def test_each_refused_upload_says_why_and_the_app_keeps_working(tab, tmp_path):
    """Every case of the safety list gets its one-sentence message, and nothing of it is ever loaded."""
    tab.open("/load")
    for name, content, message in BAD_UPLOADS:
        path = tmp_path / name
        path.write_bytes(content)
        uploader = tab.page.locator("[data-testid=stFileUploaderDropzoneInput]")
        uploader.set_input_files(str(path))
        tab.settle()
        button = _key(tab, "own-upload-load").locator("button")
        if button.is_enabled():
            button.click()
            tab.settle()
        try:
            tab.page.get_by_text(message).first.wait_for(timeout=20_000)
        except Exception:
            tab.shot(f"refused-{name}")
            raise
        assert tab.page.get_by_text("Data in view:").count() == 0, name
        assert tab.exceptions() == 0, name
        chips = tab.page.locator("[data-testid=stFileChipDeleteBtn]")
        while chips.count():
            chips.first.click()
            tab.page.wait_for_timeout(300)
        tab.settle()
    assert _visits_tab(tab).startswith("Visits (")
    assert tab.exceptions() == 0
