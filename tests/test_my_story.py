"""The reader's own story: captured slides, YAML that validates like a shipped story, and share links."""

from __future__ import annotations

import secrets

import pytest

from components.data.filters import Filters
from components.data.my_story import (
    SHARE_LIMIT,
    ShareTooLong,
    captured_slide,
    share_token,
    slug,
    story_from_token,
    story_yaml,
    view_for,
    view_params,
)
from components.data.stories import Story, story_from_text


@pytest.fixture
def story(tables) -> Story:
    """A two-slide story captured from the fixture data: a pair timeline and a map of Russia's visits."""
    pair = captured_slide(view_for("pair_timeline", Filters(pair=("PAK", "RUS"))), tables, "Pakistan – Russia")
    visits = captured_slide(view_for("visits_map", Filters(countries=("RUS",), years=(2015, 2022))), tables, "Russia")
    return Story(
        id="my-story",
        title="My story",
        author="A lecturer",
        audience="Students",
        summary="Mine.",
        slides=[pair, visits],
    )


def test_a_captured_slide_cites_the_latest_records_in_its_view(tables):
    slide = captured_slide(view_for("deals_gantt", Filters(pair=("PAK", "RUS"))), tables, "Pakistan – Russia")
    assert slide.records[:3] == ["pak-rus-2022-02-khan", "pak-rus-2021-pipeline-protocol", "rus-pak-2021-04-lavrov"]
    assert slide.view.pair == ["PAK", "RUS"]


def test_a_view_with_no_records_gives_no_slide(tables):
    assert captured_slide(view_for("visits_map", Filters(countries=("BTN",))), tables, "Bhutan") is None


def test_story_yaml_reads_back_as_the_same_story(story, dataset):
    again, problems = story_from_text(story_yaml(story), dataset, "upload.yaml")
    assert problems == []
    assert again == story


def test_a_bad_story_file_names_file_line_story_and_field(story, dataset):
    text = story_yaml(story).replace("chart: visits_map", "chart: pie_chart")
    again, problems = story_from_text(text, dataset, "upload.yaml")
    assert again is None
    line = next(n for n, row in enumerate(text.splitlines(), start=1) if "pie_chart" in row)
    assert str(problems[0]).startswith(f"upload.yaml:{line}: my-story: slides.1.view.chart:")


def test_share_token_round_trip(story, dataset):
    token = share_token(story)
    assert len(token) < 1500 and token.isascii()
    again, problems = story_from_token(token, dataset)
    assert problems == [] and again == story


def test_a_story_too_long_for_a_link_says_so(story):
    """Random text does not compress: six slides of it cannot fit in a link."""
    slides = [
        {"title": f"Slide {n}", "narrative": secrets.token_hex(2000), "records": ["pak-rus-energy"]} for n in range(6)
    ]
    with pytest.raises(ShareTooLong, match=f"limit is {SHARE_LIMIT:,}"):
        share_token(Story.model_validate(story.model_dump() | {"slides": slides}))


@pytest.mark.parametrize("token", ["not-a-story", "", "x" * (SHARE_LIMIT + 1)])
def test_a_broken_share_link_says_it_holds_no_story(token, dataset):
    story, problems = story_from_token(token, dataset)
    assert story is None and "does not hold a story" in str(problems[0])


def test_view_params_are_the_sidebar_link_keys():
    view = view_for("visits_map", Filters(pair=("RUS", "PAK"), years=(2010, 2020), sectors=("energy",)))
    assert view_params(view) == {
        "kind": ["visits_map"],
        "a": ["RUS"],
        "b": ["PAK"],
        "years": ["2010", "2020"],
        "sector": ["energy"],
    }


@pytest.mark.parametrize(
    ("title", "expected"), [("Russia & Pakistan, 2021", "russia-pakistan-2021"), ("!!", "my-story")]
)
def test_slug(title, expected):
    assert slug(title) == expected
