"""The reader's own story: slides captured from charts, written out as story YAML and packed into a share link."""

from __future__ import annotations

import base64
import json
import re
import zlib
from datetime import date

import yaml

from components.data.filters import Filters, apply_filters
from components.data.frames import Tables
from components.data.loading import Dataset
from components.data.queries import latest_record_ids
from components.data.stories import STORY_CHARTS, Slide, SlideView, Story, story_from_text
from components.data.yamlfile import Problem

SHARE_KEY = "share"  # the link parameter that carries a shared story
SHARE_LIMIT = 6000  # characters of the packed story: longer addresses break in some mail programs and servers
SLIDE_RECORDS = 5  # the records a captured slide cites: the latest in its view


class ShareTooLong(ValueError):
    """The story does not fit in a link."""


def slug(text: str, fallback: str = "my-story") -> str:
    """'Russia & Pakistan, 2021' → 'russia-pakistan-2021', usable as a story id."""
    made = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60].strip("-")
    return made if len(made) >= 3 else fallback


def view_for(chart: str, filters: Filters) -> SlideView:
    """The slide view of a chart kind drawn with the sidebar's filters."""
    return SlideView(
        chart=chart,
        pair=list(filters.pair) if filters.pair else None,
        countries=list(filters.countries),
        sectors=list(filters.sectors),
        years=list(filters.years) if filters.years else None,
        roles=list(filters.roles),
        statuses=list(filters.statuses),
    )


def captured_slide(view: SlideView, tables: Tables, describe: str) -> Slide | None:
    """A new slide showing `view`, headed by the chart's description and citing the latest records it shows;
    None when the view holds no record (a slide must rest on at least one)."""
    records = latest_record_ids(apply_filters(tables, view.filters()))[:SLIDE_RECORDS]
    if not records:
        return None
    title = STORY_CHARTS[view.chart].description
    return Slide(title=title, narrative=f"{title}: {describe}.", view=view, records=records)


def story_dict(story: Story) -> dict:
    """The story as the YAML files in data/stories/ write it: defaults left out."""
    return story.model_dump(mode="json", exclude_defaults=True)


def story_yaml(story: Story) -> str:
    header = f"# A story built in the dashboard on {date.today().isoformat()}; drop it into data/stories/.\n"
    return header + yaml.safe_dump(story_dict(story), allow_unicode=True, sort_keys=False, width=100)


def share_token(story: Story) -> str:
    """The story as compressed JSON in URL-safe base64; ShareTooLong when it would not fit in a link."""
    packed = zlib.compress(json.dumps(story_dict(story), separators=(",", ":")).encode("utf-8"), 9)
    token = base64.urlsafe_b64encode(packed).decode("ascii").rstrip("=")
    if len(token) > SHARE_LIMIT:
        raise ShareTooLong(
            f"This story is too long for a link ({len(token):,} characters packed; the limit is {SHARE_LIMIT:,}). "
            "Shorten the slide texts or remove a slide, or download the story file and send that instead."
        )
    return token


def story_from_token(token: str, dataset: Dataset) -> tuple[Story | None, list[Problem]]:
    """The story a share link carries, checked like a story file (problems name the story's line)."""
    where = "shared link"
    try:
        if len(token) > SHARE_LIMIT:
            raise ValueError(f"longer than {SHARE_LIMIT} characters")
        raw = zlib.decompressobj().decompress(base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)), 200_000)
        data = json.loads(raw.decode("utf-8"))
    except (ValueError, zlib.error, UnicodeDecodeError) as exc:
        return None, [Problem(where, None, "-", "-", f"the link does not hold a story ({exc})")]
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
    return story_from_text(text, dataset, where)


def view_params(view: SlideView) -> dict[str, list[str]]:
    """The link parameters of a chart address: its kind and the filters, as the sidebar reads them."""
    params = {"kind": [view.chart]}
    if view.pair:
        params |= {"a": [view.pair[0]], "b": [view.pair[1]]}
    for key, values in (
        ("countries", view.countries),
        ("years", [str(y) for y in view.years or []]),
        ("sector", view.sectors),
        ("role", view.roles),
        ("status", view.statuses),
    ):
        if values:
            params[key] = list(values)
    return params
