"""The dashboard's map, drawn on the server as SVG: sea, land outlines from the world-atlas TopoJSON
file installed beside this module (see the Makefile), a circle per incident placed at town
precision or finer (area proportional to the killed, colour by type, linking to the incident's
page) and a legend. Incidents placed only at a region or country are listed, never drawn at a
centroid. No tiles, no scripts."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from peacewatch.present.templating import format_number
from peacewatch.records import VIOLENT_TYPES, best_figure

__all__ = ["MAPPED_PRECISIONS", "WorldMap", "land_paths", "parse_bbox", "radius", "world_map"]

WIDTH, HEIGHT = 960, 480
LAND_FILE = "land-110m.json"
# Place precisions a point stands for: a named town or finer. A region, sea, country or continent
# has no point; its centroid would put an incident where it did not happen.
MAPPED_PRECISIONS = frozenset({"city", "town", "village", "site", "point"})
# One colour a PLOVER type: violence in reds and oranges, pressure in purples and yellows, talk and
# cooperation in blues and greens, so a glance tells the families apart; the shades within a family
# differ in lightness, which readers with common colour blindness still see.
TYPE_COLOURS = {"ASSAULT": "#b2182b", "COERCE": "#e66101", "MOBILIZE": "#fdb863", "SANCTION": "#8c510a",
                "THREATEN": "#762a83", "ACCUSE": "#9970ab", "REJECT": "#c2a5cf", "PROTEST": "#dfc27d",
                "REQUEST": "#80cdc1", "CONSULT": "#2166ac", "AGREE": "#1b7837", "SUPPORT": "#5aae61",
                "COOPERATE": "#4393c3", "AID": "#92c5de", "CONCEDE": "#a6dba0", "RETREAT": "#01665e"}
OTHER_COLOUR = "#7f7f7f"
LEGEND_KILLED = (1, 10, 50)


def parse_bbox(text: str | None) -> tuple[float, float, float, float] | None:
    """'west,south,east,north' in degrees -> the four numbers, or None when absent.

    Raises:
        ValueError: not four numbers, or not a box inside the world (west < east, south < north).
    """
    if not text or not text.strip():
        return None
    parts = [float(p) for p in text.split(",")]
    if len(parts) != 4 or not all(math.isfinite(p) for p in parts):
        raise ValueError("bbox is west,south,east,north in degrees")
    west, south, east, north = parts
    if not (-180 <= west < east <= 180 and -90 <= south < north <= 90):
        raise ValueError("bbox must have west < east within -180..180 and south < north within -90..90")
    return west, south, east, north


@cache
def land_paths() -> tuple[str, ...]:
    """SVG path data of the land outlines (equirectangular), or () when the data file is missing."""
    try:
        text = resources.files("peacewatch.web").joinpath("static", LAND_FILE).read_text(encoding="utf-8")
    except (FileNotFoundError, OSError):
        return ()
    topology = json.loads(text)
    arcs = _decode_arcs(topology)
    paths = []
    for obj in topology["objects"].values():
        for geometry in _geometries(obj):
            polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
            for polygon in polygons:
                for ring in polygon:
                    points = _ring(ring, arcs)
                    if len(points) > 2:
                        paths.extend(_ring_paths(points))
    return tuple(paths)


def _ring_paths(points: list[tuple[float, float]]) -> list[str]:
    """A ring as path data. A ring that crosses the antimeridian (far-eastern Russia, Fiji) would,
    drawn as it is, run a band of land across the whole map: its longitudes are made continuous and
    it is drawn twice, once on each side (the part outside the map is clipped)."""
    unwrapped = [points[0]]
    for lon, lat in points[1:]:
        previous = unwrapped[-1][0]
        while lon - previous > 180:
            lon -= 360
        while previous - lon > 180:
            lon += 360
        unwrapped.append((lon, lat))
    if abs(unwrapped[-1][0] - unwrapped[0][0]) > 180:
        return [_path(points)]  # a ring around a pole (Antarctica) closes along the map's edge as it is
    lons = [lon for lon, _ in unwrapped]
    shifts = [0.0] + ([-360.0] if max(lons) > 180 else []) + ([360.0] if min(lons) < -180 else [])
    return [_path([(lon + shift, lat) for lon, lat in unwrapped]) for shift in shifts]


def _path(points: list[tuple[float, float]]) -> str:
    return "M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in map(_xy, points)) + "Z"


def _geometries(obj: dict) -> list[dict]:
    if obj["type"] == "GeometryCollection":
        return [g for g in obj["geometries"] if g["type"] in ("Polygon", "MultiPolygon")]
    return [obj] if obj["type"] in ("Polygon", "MultiPolygon") else []


def _decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """TopoJSON arcs are delta-encoded integers; the transform scales them back to degrees."""
    transform = topology.get("transform")
    out = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            if transform:
                x, y = x + dx, y + dy
                sx, sy = transform["scale"]
                tx, ty = transform["translate"]
                points.append((x * sx + tx, y * sy + ty))
            else:
                points.append((dx, dy))
        out.append(points)
    return out


def _ring(indices: list[int], arcs: list[list[tuple[float, float]]]) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for index in indices:
        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        points.extend(arc[1:] if points else arc)  # consecutive arcs share their end points
    return points


def _xy(point: tuple[float, float]) -> tuple[float, float]:
    lon, lat = point
    return (lon + 180) / 360 * WIDTH, (90 - lat) / 180 * HEIGHT


def radius(killed: float | None) -> float:
    """Circle radius at the whole world's scale: area grows with the killed, so a toll ten times
    higher is ten times the ink; an unknown toll draws the smallest circle."""
    return 3 + 2.2 * math.sqrt(max(killed or 0, 0))


@dataclass
class WorldMap:
    """What the map template draws: the view, the land, the circles, the legend, and the incidents
    that have no point (listed beside the map)."""

    view_box: str
    scale: float  # view width / world width: circles and the legend are drawn at this scale
    land: tuple[str, ...]
    marks: list[dict] = field(default_factory=list)
    unplaced: list[dict] = field(default_factory=list)
    legend: dict = field(default_factory=dict)
    bbox: tuple[float, float, float, float] | None = None

    def zoomed(self, factor: float) -> str:
        """The box (west,south,east,north) of this view zoomed by a factor (2: in, 0.5: out)."""
        left, top, width, height = (float(v) for v in self.view_box.split())
        centre_x, centre_y = left + width / 2, top + height / 2
        width, height = min(width / factor, WIDTH), min(height / factor, HEIGHT)
        west = max(centre_x - width / 2, 0) / WIDTH * 360 - 180
        east = min(centre_x + width / 2, WIDTH) / WIDTH * 360 - 180
        north = 90 - max(centre_y - height / 2, 0) / HEIGHT * 180
        south = 90 - min(centre_y + height / 2, HEIGHT) / HEIGHT * 180
        return ",".join(f"{v:.2f}".rstrip("0").rstrip(".") for v in (west, south, east, north))


def world_map(incidents: list[dict], bbox: tuple[float, float, float, float] | None = None,
              country: str | None = None) -> WorldMap:
    """The map of these incidents, zoomed to the box (west, south, east, north) when given, else to
    the incidents drawn that happened in `country` (ISO3) when there are some, else to all drawn,
    with a margin (the whole world when none is drawn)."""
    placed, unplaced = [], []
    for incident in incidents:
        point = _point(incident)
        if point is None:
            unplaced.append(incident)
        elif bbox is None or (bbox[0] <= point[0] <= bbox[2] and bbox[1] <= point[1] <= bbox[3]):
            placed.append((incident, point))
    inside = [p for i, p in placed if country and i.get("country") == country]
    left, top, width, height = _view(bbox, [_xy(p) for p in inside or [p for _, p in placed]])
    scale = width / WIDTH
    groups: dict[tuple[float, float, str], list[dict]] = {}
    for incident, point in placed:  # incidents of a type at one point (a town's coordinates) share a circle
        groups.setdefault((round(point[0], 4), round(point[1], 4), incident.get("type") or "?"), []).append(incident)
    marks = [_mark(group, (lon, lat), scale) for (lon, lat, _), group in groups.items()]
    marks.sort(key=lambda m: -m["r"])  # small circles drawn last, on top, so they stay clickable
    seen = [m for m in marks if left <= m["x"] <= left + width and top <= m["y"] <= top + height]
    return WorldMap(view_box=f"{left:.2f} {top:.2f} {width:.2f} {height:.2f}", scale=scale, land=land_paths(),
                    marks=marks, unplaced=unplaced, bbox=bbox, legend=_legend(seen, left, top, height, scale))


def _mark(group: list[dict], point: tuple[float, float], scale: float) -> dict:
    """One circle: an incident, or the incidents of one type at one point (area: their killed added up)."""
    x, y = _xy(point)
    tolls = [best_figure(i) for i in group]
    killed = sum(t for t in tolls if t is not None) if any(t is not None for t in tolls) else None
    kind = group[0].get("type") or "?"
    place = group[0].get("place_name") or ""
    # a toll is told of acts of force; a meeting's or a demand's label says none
    toll = "" if killed is None and kind not in VIOLENT_TYPES else \
        f": {format_number(killed) if killed is not None else 'unknown number'} killed"
    if len(group) == 1:
        label = f"{group[0].get('date_value') or 'date unknown'} {kind.lower()} {place}{toll}"
    else:
        days = sorted(i.get("date_value") or "" for i in group)
        label = (f"{len(group)} {kind.lower()} incidents at {place}, "
                 f"{days[0] or '?'} to {days[-1] or '?'}{toll}")
    return {"id": group[0]["id"], "ids": [i["id"] for i in group], "place": place, "x": round(x, 2),
            "y": round(y, 2), "r": round(radius(killed) * scale, 3), "type": kind,
            "colour": TYPE_COLOURS.get(kind, OTHER_COLOUR), "label": label}


def _point(incident: dict) -> tuple[float, float] | None:
    """(lon, lat) of an incident placed at town precision or finer, else None."""
    lat, lon = incident.get("lat"), incident.get("lon")
    if lat is None or lon is None or (incident.get("place_precision") or "") not in MAPPED_PRECISIONS:
        return None
    return float(lon), float(lat)


def _view(bbox: tuple[float, float, float, float] | None,
          points: list[tuple[float, float]]) -> tuple[float, float, float, float]:
    """left, top, width, height of the view, at the world's 2:1 proportion so the map keeps its shape."""
    if bbox is not None:
        (left, top), (right, bottom) = _xy((bbox[0], bbox[3])), _xy((bbox[2], bbox[1]))
    elif points:
        margin = 12  # some 4.5 degrees around the outermost circles
        left, right = min(x for x, _ in points) - margin, max(x for x, _ in points) + margin
        top, bottom = min(y for _, y in points) - margin, max(y for _, y in points) + margin
    else:
        return 0, 0, WIDTH, HEIGHT
    width = max(right - left, 2 * (bottom - top), 40.0)
    height = width / 2
    centre_x, centre_y = (left + right) / 2, (top + bottom) / 2
    width, height = min(width, WIDTH), min(height, HEIGHT)
    left = min(max(centre_x - width / 2, 0), WIDTH - width)
    top = min(max(centre_y - height / 2, 0), HEIGHT - height)
    return left, top, width, height


def _legend(marks: list[dict], left: float, top: float, height: float, scale: float) -> dict:
    """The legend's place (bottom left of the view, drawn at the view's scale), its sample circles
    and the colour of each type drawn in the view."""
    types = sorted({m["type"] for m in marks})
    sizes = [{"killed": k, "r": round(radius(k), 2)} for k in LEGEND_KILLED]
    rows = len(types) + 1
    box_height = 28 + 2 * radius(LEGEND_KILLED[-1]) + 14 * rows
    return {"x": round(left + 4 * scale, 3), "y": round(top + height - (box_height + 4) * scale, 3),
            "scale": round(scale, 5), "height": round(box_height, 1), "sizes": sizes,
            "types": [{"type": t, "colour": TYPE_COLOURS.get(t, OTHER_COLOUR)} for t in types]}
