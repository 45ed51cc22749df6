"""Lecture stories: YAML files of slides, each a chart view over the dataset and the records it rests on."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pydantic import Field, ValidationError, model_validator

from components.data.categories import DEAL_STATES, VISITOR_ROLES
from components.data.filters import Filters
from components.data.loading import Dataset, read_yaml, validation_problems
from components.data.schema import Iso3, Slug, Strict, Text
from components.data.yamlfile import Problem, YamlFile, record_label


@dataclass(frozen=True)
class ChartKind:
    """A chart a slide may show. components/charts/slides.py has one builder per name (a test checks)."""

    description: str
    needs_pair: bool = False


STORY_CHARTS: dict[str, ChartKind] = {
    "activity_by_year": ChartKind("Visits and deals per year"),
    "visits_timeline": ChartKind("Every visit on a timeline, by guest country and visitor's role"),
    "visits_map": ChartKind("Visits as arcs from the guest's capital to the host city"),
    "deals_gantt": ChartKind("Each deal from signing through its status history"),
    "deals_map": ChartKind("Deal sites and routes, coloured by status"),
    "status_breakdown": ChartKind("Deals by their status today"),
    "top_sectors": ChartKind("Records per sector"),
    "pair_sector_matrix": ChartKind("Records per country pair and sector"),
    "deal_value_by_partner": ChartKind("Reported deal value by partner"),
    "deal_value_by_sector": ChartKind("Reported deal value by sector"),
    "visits_per_year": ChartKind("Visits per year by country pair"),
    "sector_treemap": ChartKind("Records by sector and country pair"),
    "pair_timeline": ChartKind("One pair's visits, deals and cooperation on one timeline", needs_pair=True),
    "pair_activity": ChartKind("One pair's visits each way and deals per year", needs_pair=True),
    "pair_sector_profile": ChartKind("One pair's records per sector and period", needs_pair=True),
    "meetings_timeline": ChartKind("Multilateral meetings by series, with those called off"),
    "attendance_matrix": ChartKind("Who came to each multilateral meeting in view, and at what level"),
}


class SlideView(Strict):
    """Which chart a slide shows, over which records."""

    chart: Literal[tuple(STORY_CHARTS)] = Field(description="One of the chart kinds in STORY_CHARTS.")
    pair: list[Iso3] | None = Field(
        default=None, min_length=2, max_length=2, description="Two ISO3 codes: the pair the chart shows."
    )
    countries: list[Iso3] = Field(default_factory=list, description="Keep records involving any of these countries.")
    sectors: list[Slug] = Field(default_factory=list, description="Keep records in any of these sectors.")
    years: list[int] | None = Field(default=None, min_length=2, max_length=2, description="[from, to], inclusive.")
    roles: list[Literal[VISITOR_ROLES]] = Field(default_factory=list, description="Keep visits at these levels.")
    statuses: list[Literal[DEAL_STATES]] = Field(default_factory=list, description="Keep deals in these states.")
    highlight: list[Slug] = Field(default_factory=list, description="Record ids drawn larger on the chart.")

    @model_validator(mode="after")
    def _pair_charts_need_a_pair(self) -> SlideView:
        if STORY_CHARTS[self.chart].needs_pair and not self.pair:
            raise ValueError(f"the chart {self.chart!r} needs a pair: [AAA, BBB]")
        if self.years and self.years[0] > self.years[1]:
            raise ValueError("years must be [from, to] with from <= to")
        return self

    def filters(self) -> Filters:
        return Filters(
            countries=tuple(self.countries),
            pair=(self.pair[0], self.pair[1]) if self.pair else None,
            years=(self.years[0], self.years[1]) if self.years else None,
            sectors=tuple(self.sectors),
            roles=tuple(self.roles),
            statuses=tuple(self.statuses),
        )


class Slide(Strict):
    title: Text = Field(description="The slide's heading, also the chart's title.")
    narrative: Text = Field(description="What the slide says, in markdown, in the author's own words.")
    view: SlideView | None = Field(default=None, description="The chart beside the text, if any.")
    speaker_notes: str = Field(default="", description="Shown only when the presenter asks for them.")
    records: list[Slug] = Field(min_length=1, description="Ids of the records the slide's claims rest on.")


class Story(Strict):
    id: Slug = Field(description="Used in the address: /present?story=<id>&slide=1.")
    title: Text = Field(description="The story's title.")
    author: Text = Field(description="Who wrote it.")
    audience: Text = Field(description="Who it is for, e.g. first-year students.")
    summary: Text = Field(description="What the story is about, in a sentence or two.")
    slides: list[Slide] = Field(min_length=1, description="The slides, in order.")


@dataclass
class Stories:
    stories: list[Story] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def get(self, story_id: str) -> Story | None:
        return next((s for s in self.stories if s.id == story_id), None)


def story_files(root: Path) -> list[Path]:
    folder = root / "stories"
    return sorted([*folder.glob("*.yaml"), *folder.glob("*.yml")])


def record_ids(dataset: Dataset) -> set[str]:
    """The ids a slide may rest on or highlight."""
    return {r.id for r in (*dataset.visits, *dataset.deals, *dataset.cooperation)}


def check_story(file: YamlFile, dataset: Dataset, ids: set[str] | None = None) -> tuple[Story | None, list[Problem]]:
    """Validate one story file against the schema and the dataset: the story, or the problems by file:line."""
    if file.errors:
        return None, list(file.errors)
    if not isinstance(file.data, dict):
        return None, [Problem(file.display, 1, "-", "-", "a story file is one mapping (id, title, slides…)")]
    story_id = record_label(file.data, file.path.stem)
    try:
        story = Story.model_validate(file.data)
    except ValidationError as exc:
        return None, validation_problems(file, exc, story_id, None)
    found = _cross_check(story, dataset, record_ids(dataset) if ids is None else ids)
    problems = [
        Problem(file.display, file.line_of(None, loc), story.id, ".".join(map(str, loc)), message)
        for loc, message in found
    ]
    return (None if problems else story), problems


def story_from_text(text: str, dataset: Dataset, display: str) -> tuple[Story | None, list[Problem]]:
    """A story given as text (an upload, a share link) checked exactly as the files in data/stories/ are."""
    return check_story(YamlFile.from_text(text, display), dataset)


def load_stories(dataset: Dataset) -> Stories:
    """Validate every story against the schema and against the dataset (codes, sectors, record ids)."""
    result = Stories()
    ids = record_ids(dataset)
    for path in story_files(dataset.root):
        file = read_yaml(dataset.root, path)
        story, problems = check_story(file, dataset, ids)
        result.problems += problems
        if story is None:
            continue
        if any(s.id == story.id for s in result.stories):
            result.problems.append(
                Problem(file.display, file.line_of(None, ("id",)), story.id, "id", "duplicate story id")
            )
        else:
            result.stories.append(story)
    return result


def _cross_check(story: Story, dataset: Dataset, ids: set[str]) -> list[tuple[tuple[Any, ...], str]]:
    found: list[tuple[tuple[Any, ...], str]] = []
    for n, slide in enumerate(story.slides):
        base = ("slides", n)
        for m, ref in enumerate(slide.records):
            if ref not in ids:
                found.append(((*base, "records", m), f"no record has id {ref!r}"))
        view = slide.view
        if view is None:
            continue
        for key in ("pair", "countries"):
            for m, code in enumerate(getattr(view, key) or []):
                if code not in dataset.countries:
                    found.append(((*base, "view", key, m), f"unknown country code {code!r}"))
        for m, sector in enumerate(view.sectors):
            if sector not in dataset.sectors:
                found.append(((*base, "view", "sectors", m), f"unknown sector {sector!r}"))
        for m, ref in enumerate(view.highlight):
            if ref not in ids:
                found.append(((*base, "view", "highlight", m), f"no record has id {ref!r}"))
    return found
