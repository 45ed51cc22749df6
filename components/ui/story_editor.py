"""The My story page's parts: the story's framing, one editor per slide, and its files and links."""

from __future__ import annotations

import streamlit as st
from pydantic import ValidationError

from components.charts.slides import slide_figure
from components.data.my_story import SHARE_KEY, ShareTooLong, share_token, story_yaml
from components.data.stories import Slide, story_from_text
from components.ui.context import PageContext
from components.ui.display import show_chart
from components.ui.markdown import md
from components.ui.story_builder import MyStory, app_link, chart_link, next_uid
from components.ui.widgets import chart_source

_UPLOADED = "_story_upload_read"


def _set_header(story: MyStory, name: str, key: str) -> None:
    setattr(story, name, st.session_state[key].strip() or getattr(story, name))


def story_header(story: MyStory) -> None:
    """Title and audience of the story, kept in the session as they are typed."""
    left, right = st.columns(2)
    for column, name, label in ((left, "title", "Story title"), (right, "audience", "Audience")):
        key = f"story-{name}-{story.generation}"
        st.session_state.setdefault(key, getattr(story, name))
        column.text_input(label, key=key, on_change=_set_header, args=(story, name, key))


def _edit(story: MyStory, uid: int, name: str, key: str) -> None:
    n = next(i for i, (u, _) in enumerate(story.slides) if u == uid)
    try:
        story.slides[n] = (uid, Slide.model_validate({**story.slides[n][1].model_dump(), name: st.session_state[key]}))
    except ValidationError:
        st.toast(f"A slide's {name.replace('_', ' ')} cannot be empty; the previous text is kept.", icon="⚠️")


def _move(story: MyStory, uid: int, step: int) -> None:
    n = next(i for i, (u, _) in enumerate(story.slides) if u == uid)
    m = n + step
    if 0 <= m < len(story.slides):
        story.slides[n], story.slides[m] = story.slides[m], story.slides[n]


def _delete(story: MyStory, uid: int) -> None:
    story.slides = [(u, s) for u, s in story.slides if u != uid]


def _duplicate(story: MyStory, uid: int) -> None:
    n = next(i for i, (u, _) in enumerate(story.slides) if u == uid)
    story.slides.insert(n + 1, (next_uid(), story.slides[n][1]))


def slide_editor(context: PageContext, story: MyStory, number: int, uid: int, slide: Slide) -> None:
    """One slide: heading, text (markdown), speaker notes, the order buttons and a preview of the slide."""
    with st.container(border=True, key=f"slide-editor-{uid}"):
        st.markdown(f"**Slide {number}** · chart: {md(slide.view.chart if slide.view else 'none')}")
        fields = (("title", "Heading", st.text_input), ("narrative", "Text (markdown)", st.text_area))
        for name, label, widget in (*fields, ("speaker_notes", "Speaker notes", st.text_area)):
            key = f"slide-{name}-{uid}"
            st.session_state.setdefault(key, getattr(slide, name))
            widget(label, key=key, on_change=_edit, args=(story, uid, name, key))
        buttons = st.columns(6)
        actions = (
            ("Up", ":material/arrow_upward:", _move, (story, uid, -1), number == 1),
            ("Down", ":material/arrow_downward:", _move, (story, uid, 1), number == len(story.slides)),
            ("Duplicate", ":material/content_copy:", _duplicate, (story, uid), False),
            ("Delete", ":material/delete:", _delete, (story, uid), False),
        )
        for column, (label, icon, callback, args, disabled) in zip(buttons, actions, strict=False):
            column.button(
                label, key=f"{label.lower()}-{uid}", icon=icon, on_click=callback, args=args, disabled=disabled
            )
        if buttons[4].toggle("Preview", key=f"preview-{uid}"):
            st.subheader(md(slide.title))
            st.markdown(slide.narrative)
            if slide.view:
                fig = slide_figure(slide.view, context.tables, source=chart_source(context), title=slide.title)
                show_chart(fig, key=f"preview-chart-{uid}")
                st.caption(f"Embed this chart: {chart_link(slide.view)}")


def _upload(context: PageContext, story: MyStory) -> None:
    """Continue a story from a file: checked like data/stories/, with every problem by file:line."""
    upload = st.file_uploader("Continue a story file (.yaml)", type=["yaml", "yml"], key="story-upload")
    if upload is None or st.session_state.get(_UPLOADED) == upload.file_id:
        return
    try:
        text = upload.getvalue().decode("utf-8")
    except UnicodeDecodeError:
        st.error("The file is not UTF-8 text.")
        return
    loaded, problems = story_from_text(text, context.loaded.dataset, upload.name)
    if loaded is None:
        st.error(f"The story file has {len(problems)} problem(s); nothing was changed.", icon=":material/error:")
        st.code("\n".join(str(p) for p in problems), language=None, wrap_lines=True)
        return
    st.session_state[_UPLOADED] = upload.file_id
    story.replace_with(loaded)
    st.rerun()


def story_files(context: PageContext, story: MyStory) -> None:
    """Present, download, share: the whole story goes wherever a shipped story goes. And upload to continue."""
    built = story.story()
    if built is not None:
        st.subheader("Present, save or share")
        left, middle, _ = st.columns([1.2, 1.2, 3])
        left.page_link(
            "pages/present.py",
            label="Present it",
            icon=":material/slideshow:",
            query_params={"story": built.id, "slide": "1"},
        )
        middle.download_button(
            "Download the story file",
            data=story_yaml(built),
            file_name=f"{built.id}.yaml",
            mime="application/x-yaml",
            icon=":material/download:",
            key="story-download",
            help="A story YAML file: `make validate` accepts it in data/stories/, and it can be uploaded here again.",
        )
        try:
            token = share_token(built)
        except ShareTooLong as exc:
            st.warning(md(str(exc)), icon=":material/link_off:")
        else:
            st.markdown("**Share link** — opens the story ready to present (send it by e-mail):")
            st.code(app_link("present", [("story", built.id), ("slide", "1"), (SHARE_KEY, token)]), language=None)
    _upload(context, story)
