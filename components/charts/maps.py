"""Maps drawn from geometry shipped with the app (see static/topojson): visits as arcs, projects as sites and routes."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from components.charts.common import empty, finish
from components.data.categories import STATE_COLORS, STATE_LABELS

# Where the browser finds the world geometry: served by Streamlit's static file server, so no CDN.
TOPOJSON_URL = "app/static/topojson/"
MAP_CONFIG = {"topojsonURL": TOPOJSON_URL, "displaylogo": False}
SOUTH_ASIA = {"lon": (60.0, 98.0), "lat": (0.0, 39.0)}
BOUNDARY_NOTE = "Boundaries (including in Kashmir) follow Natural Earth and are not authoritative."
NOTHING = "No records with a place match the current filters."


def _frame(fig: go.Figure, lons: list[float], lats: list[float]) -> None:
    """Frame on South Asia; widen to take in every plotted point (a partner's capital, say)."""
    lon_lo, lon_hi = SOUTH_ASIA["lon"]
    lat_lo, lat_hi = SOUTH_ASIA["lat"]
    points = [(x, y) for x, y in zip(lons, lats, strict=True) if x is not None and y is not None]
    if points:
        lon_lo = min(lon_lo, min(x for x, _ in points) - 5)
        lon_hi = max(lon_hi, max(x for x, _ in points) + 5)
        lat_lo = min(lat_lo, min(y for _, y in points) - 4)
        lat_hi = max(lat_hi, max(y for _, y in points) + 4)
    world = lon_hi - lon_lo > 90
    fig.update_geos(
        # Zoomed out to a partner's capital, the 1:110m outlines look the same and draw ~10x faster (the 1:50m
        # file is 1.1 MB of paths to project on every redraw); closer in, the 1:50m ones keep Bhutan's and the
        # Maldives' shapes.
        resolution=110 if world else 50,
        projection_type="natural earth" if world else "mercator",
        lonaxis_range=[max(-180, lon_lo), min(180, lon_hi)],
        lataxis_range=[max(-60, lat_lo), min(85, lat_hi)],
        showcountries=True,
        countrycolor="#888888",
        showcoastlines=True,
        coastlinecolor="#888888",
        showland=True,
        landcolor="#F4F1EA",
        showocean=True,
        oceancolor="#E3EEF6",
        showframe=False,
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


def visits_map(
    visits: pd.DataFrame,
    countries: pd.DataFrame,
    *,
    source: str,
    title: str = "Where visitors went: guest capital → host city",
) -> go.Figure:
    """Arcs from each guest's capital to the host city, coloured by guest; city marks sized by visits."""
    if visits.empty:
        return empty(NOTHING, title=title, source=source)
    colors = countries.color.to_dict()
    names = countries.name.to_dict()
    fig = go.Figure()
    involved = sorted(set(visits.guest.astype("str")) | set(visits.host.astype("str")))
    _country_fill(fig, involved, colors, names)
    lons: list[float] = []
    lats: list[float] = []
    for guest, group in visits.groupby("guest", observed=True):
        start = countries.loc[guest]
        arc_lon: list[float | None] = []
        arc_lat: list[float | None] = []
        # One arc per distinct route: repeated trips draw the same line, and each extra one costs the browser.
        routes = group[["lon", "lat"]].drop_duplicates()
        for lon, lat in zip(routes.lon, routes.lat, strict=True):
            arc_lon += [start.lon, lon, None]
            arc_lat += [start.lat, lat, None]
        lons += [start.lon, *routes.lon]
        lats += [start.lat, *routes.lat]
        fig.add_scattergeo(
            lon=arc_lon,
            lat=arc_lat,
            mode="lines",
            line={"width": 1.6, "color": colors.get(guest, "#555555")},
            opacity=0.75,
            name=f"From {names.get(guest, guest)}",
            hoverinfo="skip",
        )
    places = (
        visits.assign(city=visits.cities.str.split(",").str[0])
        .groupby(["city", "lat", "lon"], as_index=False)
        .agg(count=("id", "size"), ids=("id", lambda s: "|".join(s)))
    )
    fig.add_scattergeo(
        lon=places.lon,
        lat=places.lat,
        mode="markers",
        marker={
            "size": 8 + 3 * places["count"].clip(upper=12),
            "color": "#222222",
            "line": {"color": "white", "width": 1},
        },
        text=places.city,
        customdata=places[["ids", "count"]].to_numpy(),
        hovertemplate="<b>%{text}</b><br>%{customdata[1]} visit(s) — click to list them<extra></extra>",
        name="Host cities",
    )
    _frame(fig, lons, lats)
    fig.update_layout(clickmode="event+select", legend={"itemsizing": "constant"})
    return finish(fig, title=title, source=f"{source} {BOUNDARY_NOTE}", height=560, legend_title="Arcs")


def deals_map(
    deals: pd.DataFrame,
    paths: pd.DataFrame,
    countries: pd.DataFrame,
    *,
    source: str,
    title: str = "Project sites and routes, by status today",
) -> go.Figure:
    """Project sites as marks and pipelines, railways and corridors as lines, coloured by current status."""
    located = deals.dropna(subset=["lat", "lon"])
    if located.empty:
        return empty(NOTHING, title=title, source=source)
    names = countries.name.to_dict()
    fig = go.Figure()
    parties = sorted({c for p in located.parties for c in p})
    _country_fill(fig, parties, countries.color.to_dict(), names)
    lons: list[float] = list(located.lon.astype(float))
    lats: list[float] = list(located.lat.astype(float))
    routed = paths[paths.deal_id.isin(located.id)]
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
        lons += list(route.lon)
        lats += list(route.lat)
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
    _frame(fig, lons, lats)
    fig.update_layout(clickmode="event+select")
    return finish(
        fig,
        title=title,
        source=f"{source} Dashed routes: stalled or cancelled. {BOUNDARY_NOTE}",
        height=560,
        legend_title="Status today",
    )
