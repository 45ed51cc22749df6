"""Present: one slide at a time for a projector, arrow keys to move, a link per slide, offline export."""

import streamlit as st

from components.ui.context import page_context
from components.ui.markdown import md
from components.ui.present import PROJECTOR_CSS, export_button, link_notices, navigation, show_slide, with_my_story

st.set_page_config(initial_sidebar_state="collapsed", layout="wide")
context = page_context()
stories = with_my_story(context)
st.html(PROJECTOR_CSS)

if not stories.stories:
    st.info("No valid story in data/stories/ yet. The README shows the story format with a complete example.")
    st.stop()

for notice in link_notices(stories):
    st.warning(md(notice), icon=":material/link_off:")
story, number = navigation(stories)
show_slide(context, story, number)
export_button(context, story, st)
