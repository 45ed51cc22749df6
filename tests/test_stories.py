"""Stories: validation names each bad slide by file:line; slides build their charts; the HTML export is offline."""

from __future__ import annotations

import re

import pytest

from components.charts.story_html import story_html
from components.data.loading import load_dataset
from components.data.stories import load_stories
from tests.conftest import REAL_DATA, STORY, write_dataset


def story_problems(tmp_path, story: str) -> list[str]:
    dataset = load_dataset(write_dataset(tmp_path / "data", story=story))
    return [str(p) for p in load_stories(dataset).problems]


def test_fixture_story_is_valid(dataset):
    stories = load_stories(dataset)
    assert stories.problems == []
    assert [s.id for s in stories.stories] == ["pipeline-story"]
    assert len(stories.get("pipeline-story").slides) == 3


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            ("chart: deals_gantt", "chart: pie_chart"),
            "data/stories/fixture.yaml:9: pipeline-story: slides.0.view.chart:",
        ),
        (
            ("pair: [PAK, RUS], highlight: [pak", "pair: [PAK, XYZ], highlight: [pak"),
            "data/stories/fixture.yaml:9: pipeline-story: slides.0.view.pair.1: unknown country code 'XYZ'",
        ),
        (
            ("records: [pak-rus-2015-pipeline]", "records: [no-such-record]"),
            "data/stories/fixture.yaml:11: pipeline-story: slides.0.records.0: no record has id 'no-such-record'",
        ),
        (
            ("highlight: [rus-pak-2021-04-lavrov]", "highlight: [ghost-visit]"),
            "data/stories/fixture.yaml:14: pipeline-story: slides.1.view.highlight.0: no record has id 'ghost-visit'",
        ),
        (
            ("countries: [RUS]}", "countries: [RUS], sectors: [railways]}"),
            "data/stories/fixture.yaml:18: pipeline-story: slides.2.view.sectors.0: unknown sector 'railways'",
        ),
        (
            ("chart: pair_timeline, pair: [PAK, RUS], ", "chart: pair_timeline, "),
            "data/stories/fixture.yaml:14: pipeline-story: slides.1.view: the chart 'pair_timeline' needs a pair",
        ),
        (
            ("    records: [rus-pak-2021-04-lavrov]\n", ""),
            "data/stories/fixture.yaml:16: pipeline-story: slides.2.records: required field is missing",
        ),
    ],
    ids=[
        "unknown-chart",
        "unknown-country",
        "unknown-record",
        "unknown-highlight",
        "unknown-sector",
        "pair-chart-without-pair",
        "slide-without-records",
    ],
)
def test_each_kind_of_bad_slide_names_file_line_and_field(tmp_path, change, expected):
    (problem,) = story_problems(tmp_path, STORY.replace(*change))
    assert problem.startswith(expected)


def test_story_that_is_a_list_is_reported(tmp_path):
    (problem,) = story_problems(tmp_path, "- id: x\n")
    assert "a story file is one mapping" in problem


def test_shipped_stories_are_valid_and_long_enough():
    dataset = load_dataset(REAL_DATA)
    stories = load_stories(dataset)
    assert [str(p) for p in stories.problems] == []
    assert len(stories.stories) >= 2
    for story in stories.stories:
        assert 8 <= len(story.slides) <= 12, story.id


def test_html_export_holds_every_slide_and_no_network_url(tables, dataset):
    story = load_stories(dataset).get("pipeline-story")
    page = story_html(story, tables, source="Source: test")
    for slide in story.slides:
        assert f">{slide.title}</h2>" in page
    assert page.count('class="plotly-graph-div"') == 3
    assert not re.search(r"<script[^>]+src=", page), "no external script"
    assert not re.search(r"""topojsonURL["']?\s*:\s*["']https?:""", page)
    assert "window.PlotlyGeoAssets" in page and '"world_50m"' in page
    assert "https://example.org/pipeline" in page, "slide sources are listed as links"


def test_every_slide_of_the_shipped_stories_builds_its_chart():
    from components.charts.common import source_text
    from components.charts.slides import slide_figure
    from components.data.frames import build_tables

    dataset = load_dataset(REAL_DATA)
    tables = build_tables(dataset)
    for story in load_stories(dataset).stories:
        for slide in story.slides:
            if slide.view:
                fig = slide_figure(slide.view, tables, source="Source: test", title=slide.title)
                assert fig.layout.meta["title"] == slide.title, "the slide's heading names the chart"
                assert source_text(fig).startswith("Source: test")
                assert fig.data, f"{story.id}: '{slide.title}' draws nothing"
