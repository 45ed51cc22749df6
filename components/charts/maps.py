"""Maps drawn from geometry shipped with the app (see static/topojson): visits as arcs, projects as sites and routes."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from components.charts.common import empty, finish
from components.data.categories import FOCUS_COUNTRIES, STATE_COLORS, STATE_LABELS

# Where the browser finds the world geometry: served by Streamlit's static file server, so no CDN.
TOPOJSON_URL = "app/static/topojson/"
MAP_CONFIG = {"topojsonURL": TOPOJSON_URL, "displaylogo": False}
# The frame: South Asia with room around it, wide enough for a landscape chart (Mercator: about 1.3 : 1).
FRAME = {"lon": (50.0, 110.0), "lat": (-3.0, 40.0)}
CENTRE = (80.0, 20.0)
INSET = 2.5  # degrees inside the frame's edge where places beyond it are drawn
LABEL_GAP = 2.6  # degrees between labels on one edge, so they never overlap
LABEL_SHIFT = 1.6  # degrees between a far place's mark and its name, so the circle does not cover the name
ASPECT = 1.31  # the frame's width over its height as drawn
MAP_HEIGHT = 640
BOUNDARY_NOTE = "Boundaries (including in Kashmir) follow Natural Earth and are not authoritative."
NOTHING = "No records with a place match the current filters."
ARROWS = {"left": "◀", "right": "▶", "top": "▲", "bottom": "▼"}


def inside(lon: float, lat: float) -> bool:
    """Whether a place lies within the frame, away from its edge."""
    (lon_lo, lon_hi), (lat_lo, lat_hi) = FRAME["lon"], FRAME["lat"]
    return lon_lo + INSET <= lon <= lon_hi - INSET and lat_lo + INSET <= lat <= lat_hi - INSET


def edge_point(lon: float, lat: float) -> tuple[float, float, str]:
    """Where the line from the frame's centre toward a far place crosses the inset edge, and which edge."""
    (lon_lo, lon_hi), (lat_lo, lat_hi) = FRAME["lon"], FRAME["lat"]
    cx, cy = CENTRE
    dx = lon - cx
    if dx > 180:  # the shorter way round
        dx -= 360
    elif dx < -180:
        dx += 360
    dy = lat - cy
    limits = []
    if dx:
        bound = (lon_hi - INSET) if dx > 0 else (lon_lo + INSET)
        limits.append(((bound - cx) / dx, "right" if dx > 0 else "left"))
    if dy:
        bound = (lat_hi - INSET) if dy > 0 else (lat_lo + INSET)
        limits.append(((bound - cy) / dy, "top" if dy > 0 else "bottom"))
    t, side = min(limits)
    return cx + t * dx, cy + t * dy, side


def spread(points: dict[str, tuple[float, float, str]]) -> dict[str, tuple[float, float, str]]:
    """Move edge points apart along their edge so no two labels overlap (keeps their order)."""
    out = dict(points)
    for side in ("left", "right", "top", "bottom"):
        along = 1 if side in ("left", "right") else 0
        keys = sorted((k for k, p in points.items() if p[2] == side), key=lambda k: points[k][along])
        previous = None
        for key in keys:
            point = list(out[key])
            if previous is not None and point[along] - previous < LABEL_GAP:
                point[along] = previous + LABEL_GAP
            previous = point[along]
            out[key] = (point[0], point[1], side)
    return out


def _frame(fig: go.Figure) -> None:
    """Frame on South Asia, always: far places come to the edge instead of the map zooming out to the world."""
    fig.update_geos(
        resolution=50,
        projection_type="mercator",
        lonaxis_range=list(FRAME["lon"]),
        lataxis_range=list(FRAME["lat"]),
        showcountries=True,
        countrycolor="#888888",
        showcoastlines=True,
        coastlinecolor="#888888",
        showland=True,
        landcolor="#F4F1EA",
        showocean=True,
        oceancolor="#E3EEF6",
        showframe=True,
        framecolor="#BBBBBB",
    )


def map_width(height: int, *, top: int = 110, legend_entries: int = 8) -> int:
    """The widest the chart should be drawn at this height: any wider only adds empty bands beside the map.

    What is left for the map is the height less the title block (`top`) and the legend under it (about four
    entries a row; three, to be safe with long names)."""
    legend = 30 + 22 * -(-legend_entries // 3)
    return int((height - top - legend - 16) * ASPECT) + 16


def fit_width(fig: go.Figure) -> go.Figure:
    """Set a finished map's width from its height, title block and legend, so the frame fills the chart."""
    entries = sum(1 for t in fig.data if t.showlegend is not False and t.type != "choropleth")
    fig.update_layout(width=map_width(fig.layout.height, top=fig.layout.margin.t, legend_entries=entries))
    return fig


def _edge_labels(fig: go.Figure, edges: dict[str, tuple[float, float, str]], names: dict[str, str]) -> None:
    """Name each far place at its edge point, with an arrow pointing out of the frame toward it."""
    if not edges:
        return
    positions = {"left": "middle right", "right": "middle left", "top": "bottom center", "bottom": "top center"}
    for side in ("left", "right", "top", "bottom"):
        keys = [k for k, p in edges.items() if p[2] == side]
        if not keys:
            continue
        text = [
            f"{ARROWS[side]} {names.get(k, k)}" if side in ("left", "top") else f"{names.get(k, k)} {ARROWS[side]}"
            for k in keys
        ]
        inward = {
            "left": (LABEL_SHIFT, 0),
            "right": (-LABEL_SHIFT, 0),
            "top": (0, -LABEL_SHIFT),
            "bottom": (0, LABEL_SHIFT),
        }
        fig.add_scattergeo(
            lon=[edges[k][0] + inward[side][0] for k in keys],
            lat=[edges[k][1] + inward[side][1] for k in keys],
            mode="text",
            text=text,
            textposition=positions[side],
            textfont={"size": 12, "color": "#333333"},
            hovertext=[f"{names.get(k, k)} lies beyond the frame, this way" for k in keys],
            hoverinfo="text",
            showlegend=False,
            name="Beyond the frame",
        )


def _country_fill(fig: go.Figure, codes: list[str], colors: dict[str, str], names: dict[str, str]) -> None:
    """Tint the countries in view with their own colour, lightly, so place names are not needed to see them."""
    if not codes:
        return
    scale = [[i / max(1, len(codes) - 1), colors.get(c, "#cccccc")] for i, c in enumerate(codes)]
    if len(scale) == 1:
        scale.append([1, scale[0][1]])
    fig.add_choropleth(
        locations=codes,
        z=list(range(len(codes))),
        colorscale=scale,
        showscale=False,
        marker={"opacity": 0.22, "line": {"color": "#666666", "width": 0.6}},
        text=[names.get(c, c) for c in codes],
        hovertemplate="%{text}<extra></extra>",
        name="Countries",
        showlegend=False,
    )


def circle_sizes(counts: pd.Series, *, smallest: float = 7, largest: float = 30) -> pd.Series:
    """Marker diameters with area proportional to the count, capped so one busy city cannot hide its neighbours."""
    top = max(1, int(counts.max()))
    return smallest + (largest - smallest) * (counts.astype(float) / top) ** 0.5


def visits_map(
    visits: pd.DataFrame,
    countries: pd.DataFrame,
    *,
    source: str,
    title: str = "Where visitors went",
    height: int = MAP_HEIGHT,
) -> go.Figure:
    """Arcs from each guest's capital to the host city, coloured by guest; circles sized by visits per city.

    The map stays on South Asia: a capital or city beyond the frame is drawn at the frame's edge in its
    direction, named there, so the arcs leave the frame toward it."""
    if visits.empty:
        return empty(NOTHING, title=title, source=source)
    colors = countries.color.to_dict()
    names = countries.name.to_dict()
    fig = go.Figure()
    involved = sorted(set(visits.guest.astype("str")) | set(visits.host.astype("str")))
    _country_fill(fig, involved, colors, names)
    capitals = {code: (float(countries.loc[code].lon), float(countries.loc[code].lat)) for code in involved}
    far_capitals = {code: edge_point(*capitals[code]) for code in involved if not inside(*capitals[code])}
    far_hosts = visits[[not inside(x, y) for x, y in zip(visits.lon, visits.lat, strict=True)]].host.astype("str")
    edges = spread(
        {
            code: p
            for code, p in far_capitals.items()
            if code in set(far_hosts) or code in set(visits.guest.astype("str"))
        }
    )

    def place(code: str, lon: float, lat: float) -> tuple[float, float]:
        if inside(lon, lat):
            return lon, lat
        # A far city of a country whose capital is in the frame (Addu City, south of Malé) has no edge label.
        return edges[code][:2] if code in edges else edge_point(lon, lat)[:2]

    frame = visits.assign(city=visits.cities.str.split(",").str[0], host=visits.host.astype("str"))
    at = [place(h, x, y) for h, x, y in zip(frame.host, frame.lon, frame.lat, strict=True)]
    frame = frame.assign(
        mark_lon=[p[0] for p in at],
        mark_lat=[p[1] for p in at],
        mark=[c if inside(x, y) else f"{names.get(h, h)} (beyond the frame)" for c, h, x, y in
              zip(frame.city, frame.host, frame.lon, frame.lat, strict=True)],
    )  # fmt: skip
    other_keyed = False  # further partners share one legend entry, shown with the first of them
    for guest, group in frame.groupby("guest", observed=True):
        focus = str(guest) in FOCUS_COUNTRIES
        in_legend = focus or not other_keyed
        other_keyed = other_keyed or not focus
        start = place(str(guest), *capitals[str(guest)])
        arc_lon: list[float | None] = []
        arc_lat: list[float | None] = []
        # One arc per distinct route: repeated trips draw the same line, and each extra one costs the browser.
        for lon, lat in group[["mark_lon", "mark_lat"]].drop_duplicates().itertuples(index=False):
            arc_lon += [start[0], lon, None]
            arc_lat += [start[1], lat, None]
        fig.add_scattergeo(
            lon=arc_lon,
            lat=arc_lat,
            mode="lines",
            line={"width": 1.6, "color": colors.get(guest, "#555555")},
            opacity=0.8,
            # The eleven each get a legend entry; further partners share one, in their muted tones.
            name=names.get(guest, guest) if focus else "Other partners",
            legendgroup=None if focus else "other-partners",
            showlegend=in_legend,
            hoverinfo="skip",
        )
    places = frame.groupby(["mark", "mark_lat", "mark_lon"], as_index=False).agg(
        count=("id", "size"), ids=("id", lambda s: "|".join(s))
    )
    places = places.sort_values("count", ascending=False)  # small circles drawn last, on top of big ones
    fig.add_scattergeo(
        lon=places.mark_lon,
        lat=places.mark_lat,
        mode="markers",
        marker={
            "size": circle_sizes(places["count"]),
            "color": "rgba(34, 34, 34, 0.45)",
            "line": {"color": "white", "width": 1.2},
        },
        text=places.mark,
        customdata=places[["ids", "count"]].to_numpy(),
        hovertemplate="<b>%{text}</b><br>%{customdata[1]} visit(s) — click to list them<extra></extra>",
        name="Host cities",
        showlegend=False,
    )
    _edge_labels(fig, edges, names)
    _frame(fig)
    fig.update_layout(clickmode="event+select")
    finish(
        fig,
        title=title,
        source=f"{source} {BOUNDARY_NOTE}",
        height=height,
        legend_title="Arc colour: guest country · circle area: visits to the city",
        alt=f"Map of {len(visits)} visits as arcs from {frame.guest.nunique()} guest countries' capitals "
        f"to {len(places)} host cities, busiest {places.iloc[0]['mark']} ({places.iloc[0]['count']}).",
    )
    return fit_width(fig)


def deals_map(
    deals: pd.DataFrame,
    paths: pd.DataFrame,
    countries: pd.DataFrame,
    *,
    source: str,
    title: str = "Project sites and routes by status",
    height: int = MAP_HEIGHT,
) -> go.Figure:
    """Project sites as marks and pipelines, railways and corridors as lines, coloured by current status."""
    located = deals.dropna(subset=["lat", "lon"])
    if located.empty:
        return empty(NOTHING, title=title, source=source)
    names = countries.name.to_dict()
    fig = go.Figure()
    parties = sorted({c for p in located.parties for c in p})
    _country_fill(fig, parties, countries.color.to_dict(), names)
    at = [_at_edge(x, y) for x, y in zip(located.lon.astype(float), located.lat.astype(float), strict=True)]
    located = located.assign(lon=[p[0] for p in at], lat=[p[1] for p in at])
    routed = paths[paths.deal_id.isin(located.id)]
    routed = (
        routed.assign(
            **dict(
                zip(
                    ("lon", "lat"),
                    zip(*[_at_edge(x, y) for x, y in zip(routed.lon, routed.lat, strict=True)], strict=True),
                    strict=True,
                )
            )
        )
        if len(routed)
        else routed
    )
    state_of = located.set_index("id").status.astype("str")
    for deal_id, route in routed.sort_values(["deal_id", "order"]).groupby("deal_id"):
        state = state_of[deal_id]
        fig.add_scattergeo(
            lon=route.lon,
            lat=route.lat,
            mode="lines",
            line={
                "width": 3,
                "color": STATE_COLORS[state],
                "dash": "dash" if state in ("stalled", "cancelled") else "solid",
            },
            name="Routes",
            legendgroup="routes",
            showlegend=False,
            hoverinfo="skip",
        )
    for state, group in located.groupby("status", observed=True):
        fig.add_scattergeo(
            lon=group.lon.astype(float),
            lat=group.lat.astype(float),
            mode="markers",
            marker={
                "size": 12,
                "color": STATE_COLORS[state],
                "line": {"color": "#222222", "width": 1},
                "symbol": "diamond",
            },
            name=STATE_LABELS[state],
            text=group.title,
            customdata=group[["id", "location", "date_text"]].to_numpy(),
            hovertemplate=f"<b>%{{text}}</b><br>%{{customdata[1]}}<br>{STATE_LABELS[state]}; dated %{{customdata[2]}}"
            "<extra></extra>",
        )
    _frame(fig)
    fig.update_layout(clickmode="event+select")
    finish(
        fig,
        title=title,
        source=f"{source} Dashed routes: stalled or cancelled. {BOUNDARY_NOTE}",
        height=height,
        legend_title="Status today",
        alt=f"Map of {len(located)} project sites and {routed.deal_id.nunique()} routes, coloured by status today.",
    )
    return fit_width(fig)


def _at_edge(lon: float, lat: float) -> tuple[float, float]:
    """A place as drawn: where it is inside the frame, else at the frame's edge in its direction."""
    return (lon, lat) if inside(lon, lat) else edge_point(lon, lat)[:2]
