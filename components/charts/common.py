"""Shared chart framing: titles, source line inside the figure, plain messages for empty data."""

from __future__ import annotations

import functools
import html
import textwrap

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

from components.data.categories import ROLE_LABELS, ROLE_SYMBOLS

FONT = "Source Sans Pro, Arial, sans-serif"
SOURCE_PREFIX = "Source: South Asia Diplomacy Dashboard"


def source_line(version: str, extra: str = "") -> str:
    """The line every chart carries so a saved PNG still says where it came from."""
    text = f"{SOURCE_PREFIX}, dataset {version}"
    return f"{text}. {extra}" if extra else text + ". Every record links to its sources."


TITLE_SIZE = 18
SOURCE_SIZE = 11
# Characters per line for titles and the source line: what fits a phone's chart width (about 350 px).
TITLE_WRAP = 40
SOURCE_WRAP = 62
LEGEND_FONT = 13
LEGEND_TITLE_WRAP = 44


@functools.cache
def house_template() -> go.layout.Template:
    """Plotly's "plotly_white" look, cut to the trace types the dashboard draws: the full template holds
    defaults for two dozen trace types and is copied into every figure, a fifth of a small figure's cost."""
    white = pio.templates["plotly_white"]
    data = {kind: getattr(white.data, kind) for kind in ("bar", "choropleth", "heatmap", "scatter", "scattergeo")}
    return go.layout.Template(layout=white.layout, data=data)


def wrap_lines(text: str, width: int) -> str:
    """Break text into lines of at most `width` characters for Plotly (which never wraps by itself)."""
    return "<br>".join(textwrap.wrap(text, width, break_long_words=False)) or text


def shorten(label: str, limit: int = 28) -> str:
    """A category label cut at a word to fit beside an axis; the full label goes in the hover text."""
    if len(label) <= limit:
        return label
    return label[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:–-&") + "…"


def title_text(fig: go.Figure) -> str:
    """The figure's title as one line of text."""
    return (fig.layout.title.text or "").replace("<br>", " ")


def finish(
    fig: go.Figure,
    *,
    title: str,
    source: str,
    x_title: str | None = None,
    y_title: str | None = None,
    height: int | None = None,
    legend_title: str | None = None,
    alt: str = "",
) -> go.Figure:
    """Apply the house style: title with the source line under it, the legend under the plot, margins that
    grow to fit every label, and a one-sentence text alternative in `layout.meta`.

    Plotly never wraps text, so titles and source lines are broken to fit a phone; everything else sits in
    automatic margins so tick labels, axis titles and the legend are never cut off, whatever the width."""
    title, source = wrap_lines(title, TITLE_WRAP), wrap_lines(source, SOURCE_WRAP)
    # Plotly's title margin ignores the subtitle, so the top margin is counted here from the lines.
    title_lines, source_lines = title.count("<br>") + 1, source.count("<br>") + 1
    # Plotly lifts a multi-line title by about a line per extra line: the pad gives it back.
    pad = 14 + 16 * (title_lines - 1)
    top = pad + 24 * title_lines + 15 * source_lines + 16
    fig.update_layout(
        title={
            "text": title,
            "subtitle": {"text": source, "font": {"size": SOURCE_SIZE, "color": "#4d4d4d"}},
            "x": 0,
            "xref": "container",
            "xanchor": "left",
            "y": 1,
            "yref": "container",
            "yanchor": "top",
            "pad": {"l": 8, "t": pad},
            "font": {"size": TITLE_SIZE},
        },
        font={"family": FONT, "size": 14, "color": "#1a1a1a"},
        template=house_template(),
        margin={"l": 8, "r": 8, "t": top, "b": 8, "pad": 2},
        legend={
            "title": {"text": wrap_lines(legend_title or "", LEGEND_TITLE_WRAP), "side": "top"},
            "font": {"size": LEGEND_FONT},
            "orientation": "h",
            "x": 0,
            "xanchor": "left",
            "xref": "paper",
            "y": 0,
            "yanchor": "bottom",
            "yref": "container",
            "itemsizing": "constant",
            "tracegroupgap": 4,
            "traceorder": "normal",
            "entrywidth": 0,
        },
        hoverlabel={"font": {"size": 14}},
        meta={"alt": alt or title.replace("<br>", " ")},
    )
    if height:
        fig.update_layout(height=height)
    fig.update_xaxes(automargin=True)
    fig.update_yaxes(automargin=True)
    if x_title is not None:
        fig.update_xaxes(title_text=x_title)
    if y_title is not None:
        fig.update_yaxes(title_text=y_title)
    return fig


def alt_text(fig: go.Figure) -> str:
    """The figure's one-sentence text alternative, as set by finish()."""
    meta = fig.layout.meta
    return meta.get("alt", "") if isinstance(meta, dict) else ""


def empty(message: str, *, title: str, source: str, height: int = 260) -> go.Figure:
    """A figure with no axes that says plainly why there is nothing to draw."""
    fig = go.Figure()
    fig.add_annotation(
        text=message, xref="paper", yref="paper", x=0.5, y=0.5, showarrow=False, font={"size": 16}, name="empty"
    )
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return finish(fig, title=title, source=source, height=height)


def source_text(fig: go.Figure) -> str:
    """The source line of a figure made by finish() as one line of text (for tests and exports)."""
    return (fig.layout.title.subtitle.text or "").replace("<br>", " ")


@functools.lru_cache(maxsize=65536)
def wrap_text(text: str, width: int = 60, limit: int = 240) -> str:
    """Shorten and line-break a summary for a hover label; tags in the text show as text, not markup."""
    text = text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"
    return "<br>".join(html.escape(line, quote=False) for line in textwrap.wrap(text, width))


def role_symbol(role: str, precision: str) -> str:
    """Marker shape for a visitor role; open when the date is known only to the month or year."""
    base = ROLE_SYMBOLS.get(role, "circle")
    return base if precision == "day" else f"{base}-open"


def add_key(fig: go.Figure, entries: list[tuple[str, str, str]]) -> None:
    """Legend entries (drawing nothing) of (label, marker symbol, colour): a key that says one thing."""
    for label, symbol, color in entries:
        fig.add_scatter(
            x=[None],
            y=[None],
            mode="markers",
            name=label,
            marker={"symbol": symbol, "size": 12, "color": color},
            hoverinfo="skip",
        )


# Characters that look like each role's marker, for a key written as text where legend entries would not fit.
ROLE_GLYPHS = {
    "head_of_state": "★",
    "head_of_government": "◆",
    "foreign_minister": "●",
    "defence_minister": "■",
    "other_minister": "▲",
    "other": "✚",
}


def role_key(roles: list[str]) -> str:
    """'Shape: ★ head of state · ● foreign minister' for the roles present, in the order of the role list."""
    order = [r for r in ROLE_SYMBOLS if r in roles]
    return "Shape: " + " · ".join(f"{ROLE_GLYPHS[r]} {ROLE_LABELS[r].lower()}" for r in order)


def add_role_legend(fig: go.Figure, roles: list[str]) -> None:
    """Legend entries (drawing nothing) that explain the marker shape of each visitor role present, in grey."""
    order = [r for r in ROLE_SYMBOLS if r in roles]
    add_key(fig, [(f"{ROLE_LABELS[r]} (shape)", ROLE_SYMBOLS[r], "#666666") for r in order])


def figure_table(fig: go.Figure) -> pd.DataFrame:
    """The numbers a figure draws, as a table: the text alternative for readers who cannot use the chart."""
    rows: list[dict] = []
    for trace in fig.data:
        kind = trace.type
        if kind == "treemap":
            rows += [
                {"item": label, "within": parent or "", "records": value}
                for label, parent, value in zip(trace.labels, trace.parents, trace.values, strict=True)
            ]
        elif kind == "heatmap":
            for y, row in zip(trace.y, trace.z, strict=True):
                rows += [{"row": y, "column": x, "value": v} for x, v in zip(trace.x, row, strict=True) if v]
        elif kind == "bar":
            values, labels = (trace.x, trace.y) if trace.orientation == "h" else (trace.y, trace.x)
            rows += [
                {"series": trace.name or "", "category": c, "value": v} for c, v in zip(labels, values, strict=True)
            ]
        elif kind in ("scatter", "scattergeo") and trace.customdata is not None and "markers" in (trace.mode or ""):
            xs = trace.lon if kind == "scattergeo" else trace.x
            ys = trace.lat if kind == "scattergeo" else trace.y
            texts = trace.text if trace.text is not None and not isinstance(trace.text, str) else [None] * len(xs)
            for x, y, data, text in zip(xs, ys, trace.customdata, texts, strict=True):
                record = data[0] if not isinstance(data, str) else data
                rows.append({"series": trace.name or "", "x": x, "y": y, "record": record, "label": text})
    frame = pd.DataFrame(rows)
    if "label" in frame:
        frame["label"] = frame["label"].astype("str").str.replace("<br>", " ", regex=False)
    return frame
