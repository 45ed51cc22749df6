"""The reader's story in this session: 'Add to my story' and 'Embed' under every chart, and the story's state."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from urllib.parse import urlencode, urlsplit

import streamlit as st

from components.data.my_story import captured_slide, slug, view_params
from components.data.pair_keys import pair_label
from components.data.stories import Slide, SlideView, Story
from components.ui.loaded import loaded

_STATE = "_my_story"
_uids = itertools.count(1)
CHART_PAGE = "chart"  # url_path of the page that shows one chart and nothing else


@dataclass
class MyStory:
    """The story being built: its framing and its slides, each with a stable id for its widgets."""

    title: str = "My story"
    audience: str = "My students"
    author: str = "A lecturer"
    summary: str = "A story built in the dashboard."
    slides: list[tuple[int, Slide]] = field(default_factory=list)
    story_id: str | None = None  # kept from a story file or link, so a story continued keeps its id
    generation: int = 0  # bumped when another story replaces this one, so the form's widgets start afresh

    @property
    def id(self) -> str:
        return self.story_id or slug(self.title)

    def story(self) -> Story | None:
        """The story as a data.stories.Story (None until it has a slide)."""
        if not self.slides:
            return None
        return Story(
            id=self.id,
            title=self.title or "My story",
            author=self.author or "A lecturer",
            audience=self.audience or "Students",
            summary=self.summary or self.title or "My story",
            slides=[slide for _, slide in self.slides],
        )

    def replace_with(self, story: Story) -> None:
        self.title, self.audience, self.author, self.summary = story.title, story.audience, story.author, story.summary
        self.story_id = story.id
        self.slides = [(next_uid(), slide) for slide in story.slides]
        self.generation += 1

    def add(self, slide: Slide) -> None:
        self.slides.append((next_uid(), slide))


def next_uid() -> int:
    return next(_uids)


def my_story() -> MyStory:
    """This session's story (an empty one to start)."""
    return st.session_state.setdefault(_STATE, MyStory())


def _describe(view: SlideView) -> str:
    names = loaded().tables.countries.name.to_dict()
    return view.filters().describe(names) if view.pair is None else pair_label(view.pair, names)


def _add(view: SlideView) -> None:
    slide = captured_slide(view, loaded().tables, _describe(view))
    if slide is None:
        st.toast("Nothing to add: no record is in this chart's view.", icon=":material/info:")
        return
    story = my_story()
    story.add(slide)
    st.toast(f"Added as slide {len(story.slides)} of “{story.title}”. Open My story to edit it.", icon="✅")


def app_link(page: str, params: list[tuple[str, str]]) -> str:
    """A full address of one of the app's pages (kept under the base path the app is served at)."""
    parts = urlsplit(st.context.url or "")
    base = f"{parts.scheme}://{parts.netloc}" if parts.netloc else ""
    path = parts.path.rsplit("/", 1)[0] if parts.path.count("/") > 1 else ""
    return f"{base}{path}/{page}?{urlencode(params)}"


def chart_link(view: SlideView, *, embed: bool = True) -> str:
    """The address of a page showing only this chart with its filters, e.g. /chart?kind=visits_map&a=RUS&b=PAK."""
    params = [(k, v) for k, values in view_params(view).items() for v in values]
    return app_link(CHART_PAGE, params + ([("embed", "true")] if embed else []))


def chart_actions(view: SlideView, key: str) -> None:
    """Under a chart: add it (kind and filters) to the reader's story, or copy a link that embeds it alone."""
    left, right, _ = st.columns([1.3, 1.3, 4])
    left.button(
        "Add to my story",
        key=f"add-{key}",
        on_click=_add,
        args=(view,),
        icon=":material/playlist_add:",
        help="Adds this chart, with the filters it is drawn with, as a new slide of your story (see My story).",
    )
    with right.popover("Embed", icon=":material/code:", key=f"embed-{key}"):
        st.caption("This chart alone, with its filters and source line: paste the link into a course page's frame.")
        st.code(chart_link(view), language=None, wrap_lines=True)
