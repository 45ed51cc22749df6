"""Stories: every lecture story with its audience, length and first slide, one click from presenting."""

import streamlit as st

from components.charts.common import source_line
from components.charts.slides import slide_figure
from components.ui.context import page_context
from components.ui.display import show_chart
from components.ui.markdown import md

PREVIEW_HEIGHT = 560  # tall enough in a half-width column for the plot to stay larger than its legend

context = page_context()
stories = context.loaded.stories

st.title("Stories for the classroom")
st.caption(
    "Prepared narratives built on the same records and charts. Present one slide at a time with the arrow keys, "
    "link any slide from a course page, or take the whole story offline as one HTML file."
)
if not stories.stories:
    st.info("No valid story in data/stories/ yet.")
for story in stories.stories:
    with st.container(border=True):
        left, right = st.columns([2, 3])
        with left:
            st.header(md(story.title))
            st.caption(f"{md(story.author)} · for {md(story.audience)} · {len(story.slides)} slides")
            st.markdown(md(story.summary))
            st.page_link(
                "pages/present.py",
                label="Present from the first slide",
                icon=":material/slideshow:",
                query_params={"story": story.id, "slide": "1"},
            )
            st.markdown("\n".join(f"{n}. {md(slide.title)}" for n, slide in enumerate(story.slides, start=1)))
        first = story.slides[0]
        with right:
            st.markdown(f"**Slide 1 — {md(first.title)}**")
            if first.view:
                fig = slide_figure(
                    first.view,
                    context.tables,
                    source=source_line(context.version),
                    title=first.title,
                    presentation=False,
                )
                fig.update_layout(height=max(fig.layout.height or 0, PREVIEW_HEIGHT))
                show_chart(fig, key=f"preview-{story.id}")
