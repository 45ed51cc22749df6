"""Shared chart framing: titles, source line inside the figure, plain messages for empty data."""

from __future__ import annotations

import functools
import html
import textwrap

import pandas as pd
import plotly.graph_objects as go

from components.data.categories import ROLE_LABELS, ROLE_SYMBOLS

FONT = "Source Sans Pro, Arial, sans-serif"
SOURCE_PREFIX = "Source: South Asia Diplomacy Dashboard"


def source_line(version: str, extra: str = "") -> str:
    """The line every chart carries so a saved PNG still says where it came from."""
    text = f"{SOURCE_PREFIX}, dataset {version}"
    return f"{text}. {extra}" if extra else text + ". Every record links to its sources."


def finish(
    fig: go.Figure,
    *,
    title: str,
    source: str,
    x_title: str | None = None,
    y_title: str | None = None,
    height: int | None = None,
    legend_title: str | None = None,
) -> go.Figure:
    """Apply the house style: left-aligned title, axis titles, source line at the bottom, readable type."""
    fig.update_layout(
        title={"text": title, "x": 0.01, "xanchor": "left", "font": {"size": 20}},
        font={"family": FONT, "size": 14, "color": "#1a1a1a"},
        template="plotly_white",
        margin={"l": 10, "r": 10, "t": 60, "b": 80},
        legend={"title": {"text": legend_title or ""}, "font": {"size": 13}},
        hoverlabel={"font": {"size": 14}},
    )
    if height:
        fig.update_layout(height=height)
    if x_title is not None:
        fig.update_xaxes(title_text=x_title)
    if y_title is not None:
        fig.update_yaxes(title_text=y_title)
    fig.add_annotation(
        text=source,
        xref="paper",
        yref="paper",
        x=0,
        y=0,
        yshift=-60,
        xanchor="left",
        yanchor="top",
        showarrow=False,
        font={"size": 11, "color": "#555555"},
        name="source",
    )
    return fig


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
    """The source line of a figure made by finish() (for tests and exports)."""
    return next((a.text for a in fig.layout.annotations if a.name == "source"), "")


@functools.lru_cache(maxsize=65536)
def wrap_text(text: str, width: int = 60, limit: int = 240) -> str:
    """Shorten and line-break a summary for a hover label; tags in the text show as text, not markup."""
    text = text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"
    return "<br>".join(html.escape(line, quote=False) for line in textwrap.wrap(text, width))


def role_symbol(role: str, precision: str) -> str:
    """Marker shape for a visitor role; open when the date is known only to the month or year."""
    base = ROLE_SYMBOLS.get(role, "circle")
    return base if precision == "day" else f"{base}-open"


def add_role_legend(fig: go.Figure, roles: list[str]) -> None:
    """Legend entries (drawing nothing) that explain the marker shape of each visitor role present."""
    for role in roles:
        fig.add_scatter(
            x=[None],
            y=[None],
            mode="markers",
            name=ROLE_LABELS[role],
            legendgroup="roles",
            legendgrouptitle_text="Visitor (shape)",
            marker={"symbol": ROLE_SYMBOLS[role], "size": 12, "color": "#777777"},
            hoverinfo="skip",
        )


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
