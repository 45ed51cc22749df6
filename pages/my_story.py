"""My story: the slides gathered with 'Add to my story', edited, reordered, previewed, saved, shared and presented."""

import streamlit as st

from components.ui.context import page_context
from components.ui.markdown import md
from components.ui.story_builder import my_story
from components.ui.story_editor import slide_editor, story_files, story_header

context = page_context()
story = my_story()

st.title("My story")
st.caption(
    "Build a lecture from the dashboard's own charts: under any chart, **Add to my story** takes the chart with the "
    "filters it is drawn with. Each slide's chart is drawn again from the data whenever it is shown."
)
story_header(story)
if not story.slides:
    st.info(
        "No slides yet. Open a page such as Visits or Country pair, set the filters, and click **Add to my story** "
        "under a chart. Or continue a story file below.",
        icon=":material/playlist_add:",
    )
for number, (uid, slide) in enumerate(story.slides, start=1):
    slide_editor(context, story, number, uid, slide)
story_files(context, story)
if story.slides:
    st.caption(f"{len(story.slides)} slide(s) in “{md(story.title)}”.")
