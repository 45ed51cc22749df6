"""The dashboard's pages, listed once: the router, the tests and the benchmark all read this table."""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import quote

import streamlit as st


@dataclass(frozen=True)
class View:
    """One tab of a page's charts: only the open tab's charts are built and sent (see display.chart_tabs)."""

    label: str
    charts: int = 0  # Plotly charts the tab draws on the page's example link with the curated data
    maps: int = 0  # of which maps


@dataclass(frozen=True)
class PageSpec:
    """One page: its file, where it sits in the navigation, and the link parameters it reads itself."""

    file: str
    title: str
    icon: str
    section: str
    url_path: str  # "" for the default page
    url_keys: tuple[str, ...] = ()  # the page's own link parameters, besides the shared filters
    example: dict[str, str] = field(default_factory=dict)  # a link that opens the page on real content
    charts: int = 0  # Plotly charts the page draws on its example link with the curated data (outside any tab)
    maps: int = 0  # of which maps
    views: tuple[View, ...] = ()  # the page's chart tabs, the first one open by default

    @property
    def view_key(self) -> str:
        """The link parameter naming the open tab, e.g. ?visits_view=Map."""
        return f"{self.url_path or 'overview'}_view"

    @property
    def link_keys(self) -> tuple[str, ...]:
        """Every link parameter the page reads itself."""
        return self.url_keys + ((self.view_key,) if self.views else ())

    def checks(self) -> list[tuple[str, int, int]]:
        """(link, charts drawn, maps drawn) for the example link with each tab open: what the browser tests open."""
        if not self.views:
            return [(self.example_link, self.charts, self.maps)]
        joiner = "&" if "?" in self.example_link else "?"
        return [
            (self.example_link if n == 0 else f"{self.example_link}{joiner}{self.view_key}={quote(v.label)}",
             self.charts + v.charts, self.maps + v.maps)
            for n, v in enumerate(self.views)
        ]  # fmt: skip

    @property
    def address(self) -> str:
        return "/" + self.url_path

    @property
    def example_link(self) -> str:
        """The page's address with its example parameters, e.g. '/pair?a=PAK&b=RUS'."""
        query = "&".join(f"{k}={v}" for k, v in self.example.items())
        return self.address + (f"?{query}" if query else "")


PAGES: tuple[PageSpec, ...] = (
    PageSpec(
        "pages/overview.py",
        "Overview",
        ":material/dashboard:",
        "Explore",
        "",
        views=(View("Over the years", 1), View("Map", 1, 1), View("Sectors", 1)),
    ),
    PageSpec(
        "pages/visits.py",
        "Visits",
        ":material/flight:",
        "Explore",
        "visits",
        views=(View("Timeline", 1), View("Map", 1, 1), View("Per year by pair", 1), View("Table")),
    ),
    PageSpec(
        "pages/deals.py",
        "Deals & projects",
        ":material/handshake:",
        "Explore",
        "deals",
        views=(View("Timeline", 1), View("Value", 2), View("Map", 1, 1), View("Status", 1), View("Table")),
    ),
    PageSpec(
        "pages/cooperation.py",
        "Cooperation areas",
        ":material/hub:",
        "Explore",
        "cooperation",
        views=(View("Sectors", 1), View("Pairs by sector", 1), View("Active areas")),
    ),
    PageSpec(
        "pages/summits.py",
        "Summits",
        ":material/groups:",
        "Explore",
        "summits",
        views=(View("Timeline", 1), View("Attendance", 1), View("Meetings"), View("Sidelines")),
    ),
    PageSpec(
        "pages/pair.py",
        "Country pair",
        ":material/compare_arrows:",
        "Explore",
        "pair",
        url_keys=("c", "d"),
        example={"a": "PAK", "b": "RUS"},
        views=(View("Timeline", 1), View("Activity", 1), View("Sectors", 1), View("Records")),
    ),
    PageSpec("pages/stories.py", "Stories", ":material/auto_stories:", "Teach", "stories", charts=2),
    PageSpec(
        "pages/present.py",
        "Present",
        ":material/slideshow:",
        "Teach",
        "present",
        url_keys=("story", "slide", "share"),
        example={"story": "russia-returns", "slide": "1"},
        charts=1,
    ),
    PageSpec("pages/my_story.py", "My story", ":material/edit_note:", "Teach", "my-story"),
    PageSpec(
        "pages/chart.py",
        "One chart",
        ":material/insert_chart:",
        "Teach",
        "chart",
        url_keys=("kind",),
        example={"kind": "visits_map", "countries": "RUS"},
        charts=1,
        maps=1,
    ),
    PageSpec("pages/add_record.py", "Add a record", ":material/add_circle:", "Your data", "add"),
    PageSpec("pages/load_data.py", "Load a dataset", ":material/upload_file:", "Your data", "load"),
    PageSpec("pages/data_sources.py", "Data & sources", ":material/table:", "Reference", "data"),
    PageSpec("pages/about.py", "About", ":material/info:", "Reference", "about"),
)
SHARED_KEYS = ("q",)  # link parameters every page reads: the sidebar's search box (components/ui/search.py)
PAGE_KEYS = SHARED_KEYS + tuple(dict.fromkeys(key for page in PAGES for key in page.link_keys))


def page_spec(file: str) -> PageSpec:
    return next(page for page in PAGES if page.file == file)


def navigation():
    """The st.navigation of every page in PAGES, grouped by section, the first page the default."""
    sections: dict[str, list] = {}
    for page in PAGES:
        sections.setdefault(page.section, []).append(
            st.Page(
                page.file,
                title=page.title,
                icon=page.icon,
                url_path=page.url_path or None,
                default=not page.url_path,
            )
        )
    return st.navigation(sections)
