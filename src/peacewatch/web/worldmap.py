"""The dashboard's map, drawn on the server as SVG: land outlines from the world-atlas TopoJSON
file installed beside this module (see the Makefile), and a circle per incident, its area
proportional to the killed, linking to the incident's page. No tiles, no scripts."""

from __future__ import annotations

import json
import math
from functools import cache
from importlib import resources

from peacewatch.records import best_figure

WIDTH, HEIGHT = 960, 480
LAND_FILE = "land-110m.json"


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
                        paths.append("M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in map(_xy, points)) + "Z")
    return tuple(paths)


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
    """Circle radius: area grows with the killed, so a toll ten times higher is ten times the ink."""
    return 3 + 2.2 * math.sqrt(max(killed or 0, 0))


def incident_marks(incidents: list[dict]) -> list[dict]:
    """Position, radius and label of each incident that has coordinates, biggest first (so small
    circles are drawn on top and stay clickable)."""
    marks = []
    for incident in incidents:
        if incident.get("lat") is None or incident.get("lon") is None:
            continue
        x, y = _xy((incident["lon"], incident["lat"]))
        killed = best_figure(incident)
        marks.append({"id": incident["id"], "x": round(x, 1), "y": round(y, 1), "r": round(radius(killed), 1),
                      "label": f"{incident.get('date_value') or '?'} {incident.get('place_name') or ''}: "
                               f"{killed if killed is not None else '?'} killed"})
    return sorted(marks, key=lambda m: -m["r"])


def view_box(marks: list[dict]) -> str:
    """The part of the world the incidents are in, with a margin (the whole world when none)."""
    if not marks:
        return f"0 0 {WIDTH} {HEIGHT}"
    xs, ys = [m["x"] for m in marks], [m["y"] for m in marks]
    margin = 40
    left, right = max(min(xs) - margin, 0), min(max(xs) + margin, WIDTH)
    top, bottom = max(min(ys) - margin, 0), min(max(ys) + margin, HEIGHT)
    width, height = max(right - left, 120), max(bottom - top, 60)
    return f"{left:.0f} {top:.0f} {width:.0f} {height:.0f}"
