"""A whole story as one self-contained HTML file: slides, interactive charts, plotly.js and map geometry inside."""

from __future__ import annotations

import html
import json
import re
from datetime import date
from pathlib import Path

import pandas as pd
import plotly.io as pio
from plotly.offline import get_plotlyjs

from components.charts.slides import slide_figure
from components.data.frames import Tables
from components.data.stories import Story

TOPOJSON_DIR = Path(__file__).resolve().parents[2] / "static" / "topojson"
GEOMETRY = ("world_50m", "world_110m")

STYLE = """
body { font-family: Arial, Helvetica, sans-serif; margin: 0; background: #ffffff; color: #111111; }
section { min-height: 100vh; padding: 3vh 4vw; box-sizing: border-box; border-bottom: 4px solid #0077BB; }
h1 { font-size: 3rem; margin: 0 0 1rem; } h2 { font-size: 2.4rem; margin: 0 0 1rem; }
.narrative { font-size: 1.6rem; line-height: 1.45; max-width: 70rem; }
.counter { color: #444444; font-size: 1.1rem; }
.sources { font-size: 1rem; color: #333333; } .sources a { color: #0050A0; }
details { font-size: 1.1rem; margin-top: 1rem; }
nav { position: fixed; right: 1rem; bottom: 1rem; background: #eeeeee; padding: .4rem .8rem; border-radius: 6px; }
"""

KEYS = """
document.addEventListener('keydown', function (e) {
  var slides = Array.from(document.querySelectorAll('section'));
  var y = window.scrollY + 5, i = slides.findIndex(function (s) { return s.offsetTop + s.offsetHeight > y; });
  if (e.key === 'ArrowRight' || e.key === 'PageDown') { i = Math.min(i + 1, slides.length - 1); }
  else if (e.key === 'ArrowLeft' || e.key === 'PageUp') { i = Math.max(i - 1, 0); } else { return; }
  slides[i].scrollIntoView(); e.preventDefault();
});
"""


def _paragraphs(markdown: str) -> str:
    """Narrative text as escaped paragraphs, keeping **bold** and *italic* (no HTML from the data)."""
    out = []
    for block in re.split(r"\n\s*\n", markdown.strip()):
        text = html.escape(" ".join(block.split()))
        text = re.sub(r"\*\*(.+?)\*\*", r"<strong>\1</strong>", text)
        text = re.sub(r"\*(.+?)\*", r"<em>\1</em>", text)
        out.append(f"<p>{text}</p>")
    return "\n".join(out)


def _link_text(source) -> str:
    """The page's headline, or the publisher's name for a source whose headline was not seen."""
    return source.title if isinstance(source.title, str) and source.title else source.publisher


def _sources(sources: pd.DataFrame, record_ids: list[str]) -> str:
    rows = sources[sources.record_id.isin(record_ids)].drop_duplicates("url")
    items = [
        f'<li><a href="{html.escape(s.url, quote=True)}">{html.escape(_link_text(s))}</a>'
        f" — {html.escape(s.publisher)}</li>"
        for s in rows.itertuples()
        if s.url.startswith(("http://", "https://"))
    ]
    return f'<ol class="sources">{"".join(items)}</ol>'


def geometry_script() -> str:
    """Preload plotly's geometry so maps draw from the file itself, with no request for topojson."""
    assets = {name: json.loads((TOPOJSON_DIR / f"{name}.json").read_text(encoding="utf-8")) for name in GEOMETRY}
    return "window.PlotlyGeoAssets = {topojson: " + json.dumps(assets, separators=(",", ":")) + "};"


def story_html(story: Story, tables: Tables, *, source: str, today: date | None = None) -> str:
    """Render every slide of `story` into one HTML document that needs no network to open."""
    sections = []
    total = len(story.slides)
    for n, slide in enumerate(story.slides, start=1):
        chart = ""
        if slide.view:
            fig = slide_figure(slide.view, tables, source=source, title=slide.title, today=today)
            fig.update_layout(height=650)
            chart = pio.to_html(
                fig, include_plotlyjs=False, full_html=False, config={"displaylogo": False, "responsive": True}
            )
        notes = html.escape(slide.speaker_notes)
        sections.append(
            f'<section id="slide-{n}"><div class="counter">{html.escape(story.title)} · slide {n} of {total}</div>'
            f'<h2>{html.escape(slide.title)}</h2><div class="narrative">{_paragraphs(slide.narrative)}</div>'
            f"{chart}<h3>Sources</h3>{_sources(tables.sources, slide.records)}"
            f"<details><summary>Speaker notes</summary><p>{notes}</p></details></section>"
        )
    title = html.escape(story.title)
    cover = (
        f'<section id="slide-0"><h1>{title}</h1><p class="narrative">{html.escape(story.summary)}</p>'
        f"<p>{html.escape(story.author)} · for {html.escape(story.audience)} · {total} slides</p>"
        f'<p class="counter">{html.escape(source)}. Use the arrow keys to move between slides.</p></section>'
    )
    return (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>'
        f"<style>{STYLE}</style><script>{get_plotlyjs()}</script><script>{geometry_script()}</script></head>"
        f"<body>{cover}{''.join(sections)}<nav>← → to move</nav><script>{KEYS}</script></body></html>"
    )
