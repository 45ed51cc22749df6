"""Lecture mode pieces: slide navigation bound to the URL, the slide itself, and the projector style."""

from __future__ import annotations

from datetime import date

import streamlit as st

from components.charts.common import source_line
from components.charts.maps import fit_width
from components.charts.slides import slide_figure
from components.charts.story_html import story_html
from components.data.my_story import SHARE_KEY, story_from_token
from components.data.stories import Stories, Story
from components.ui.context import PageContext
from components.ui.details import source_links
from components.ui.display import show_chart
from components.ui.markdown import md
from components.ui.story_builder import my_story

_SHARED = "_shared_token_opened"  # a share link is read once: edits made after opening it are kept

# Static style, no data inside: larger type and stronger contrast for a washed-out projector.
PROJECTOR_CSS = """
<style>
.stMainBlockContainer { padding-top: 1rem; max-width: 100%; }
.stMainBlockContainer p, .stMainBlockContainer li { font-size: 1.45rem; line-height: 1.4; color: #000000; }
.stMainBlockContainer h1 { font-size: 2.6rem; color: #000000; }
.stMainBlockContainer h2 { font-size: 2rem; color: #000000; padding-top: 0.25rem; }
</style>
"""


# A slide, legend included, fits a 1280 × 720 projector: the controls and heading take the first ~250 px.
SLIDE_CHART_HEIGHT = 450


def link_notices(stories: Stories) -> list[str]:
    """Notices for a slide link that names an unknown story or a slide the story does not have."""
    notices = []
    story_id = st.query_params.get("story")
    story = stories.get(story_id) if story_id else None
    if story_id and story is None:
        notices.append(f"There is no story “{story_id}”; showing the first story.")
    raw = st.query_params.get("slide")
    if raw is not None:
        total = len((story or stories.stories[0]).slides)
        if not raw.isdigit() or not 1 <= int(raw) <= total:
            notices.append(f"Slide “{raw}” does not exist (this story has {total}); showing the first slide.")
    return notices


def _step(delta: int, total: int) -> None:
    st.session_state["slide"] = min(max(1, int(st.session_state.get("slide") or 1) + delta), total)


def _restart() -> None:
    st.session_state["slide"] = 1


def navigation(stories: Stories) -> tuple[Story, int]:
    """Story picker, previous/next (arrow keys), counter and jump-to-slide; all reflected in the address."""
    ids = [s.id for s in stories.stories]
    top = st.columns([2.4, 1.5, 1.5, 1, 1.6], vertical_alignment="bottom")
    story_id = top[0].selectbox(
        "Story",
        ids,
        key="story",
        bind="query-params",
        on_change=_restart,
        help=" · ".join(f"{s.id}: {s.title}" for s in stories.stories),
    )
    story = stories.get(story_id) or stories.stories[0]
    total = len(story.slides)
    top[1].button(
        "Previous",
        key="prev",
        shortcut="Left",
        on_click=_step,
        args=(-1, total),
        icon=":material/arrow_back:",
        width="stretch",
    )
    top[2].button(
        "Next",
        key="next",
        shortcut="Right",
        on_click=_step,
        args=(1, total),
        icon=":material/arrow_forward:",
        width="stretch",
    )
    number = top[3].number_input("Slide", min_value=1, max_value=total, step=1, key="slide", bind="query-params")
    top[4].toggle("Speaker notes", key="notes")
    return story, int(number)


def show_slide(context: PageContext, story: Story, number: int, *, today: date | None = None) -> None:
    slide = story.slides[number - 1]
    st.caption(f"{md(story.title)} · slide {number} of {len(story.slides)} · ← → keys move between slides")
    st.header(md(slide.title))
    left, right = st.columns([1.1, 2]) if slide.view else (st.container(), None)
    with left:
        st.markdown(slide.narrative)
    if slide.view and right is not None:
        with right:
            source = source_line(context.version)
            fig = slide_figure(slide.view, context.tables, source=source, title=slide.title, today=today)
            fig.update_layout(height=SLIDE_CHART_HEIGHT)
            if fig.layout.width:  # a map: as wide as its frame at this height
                fit_width(fig)
            show_chart(fig, key=f"slide-{story.id}-{number}", story=slide.view)
    with st.expander(f"Sources for this slide ({len(slide.records)} records)"):
        source_links(
            context.tables.sources[context.tables.sources.record_id.isin(slide.records)].drop_duplicates("url")
        )
    if st.session_state.get("notes") and slide.speaker_notes:
        st.info(slide.speaker_notes, icon=":material/record_voice_over:")


@st.cache_data(show_spinner="Building the offline file…", max_entries=4)
def _html(_context: PageContext, story_json: str, cache_key: str) -> bytes:
    story = Story.model_validate_json(story_json)
    return story_html(story, _context.tables, source=source_line(_context.version)).encode("utf-8")


def with_my_story(context: PageContext) -> Stories:
    """The shipped stories and, when there is one, the reader's own: from a share link (which then becomes the
    session's story) or built on the My story page. Both are shown by the same code as a shipped story."""
    token = st.query_params.get(SHARE_KEY)
    mine = my_story()
    if token and st.session_state.get(_SHARED) != token:
        st.session_state[_SHARED] = token
        shared, problems = story_from_token(token, context.loaded.dataset)
        if shared is None:
            st.error("The shared story cannot be opened:\n\n" + "\n".join(f"- {md(p)}" for p in problems))
        else:
            mine.replace_with(shared)
    story = mine.story()
    shipped = context.loaded.stories
    if story is None:
        return shipped
    return Stories([*(s for s in shipped.stories if s.id != story.id), story], shipped.problems)


def export_button(context: PageContext, story: Story, column) -> None:
    column.download_button(
        "Offline HTML",
        data=lambda: _html(context, story.model_dump_json(), context.loaded.cache_key),
        file_name=f"{story.id}.html",
        mime="text/html",
        icon=":material/download:",
        help="The whole story in one file that opens in any browser with no network: charts stay interactive.",
        width="stretch",
        key="export-html",
    )
