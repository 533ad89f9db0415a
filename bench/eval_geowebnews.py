"""Geocoding accuracy on GeoWebNews (Gritta et al. 2019): each gold place mention's words are
resolved in the context of its article and compared with the gold GeoNames id and point.

A mention counts as right when it resolves to the gold GeoNames id or lies within 161 km
(100 miles) of the gold point, the usual geoparsing measure. Prints the share right, the median
error in km, counts, and what failed (name not found vs wrong place).

    python bench/eval_geowebnews.py [--shared ../shared] [--show 20]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

from peacewatch.resolve.place import (
    GazetteerEntry,
    choose_entry,
    distance_km,
    get_gazetteer,
    rank_countries,
    rank_regions,
)

try:  # the actor engineer's demonym and adjective table, when it is there
    from peacewatch.extract.countries import lookup_country
except ImportError:  # pragma: no cover - optional
    lookup_country = None

RIGHT_KM = 161.0
DEMONYM_KINDS = ("adjective", "demonym", "name", "alias")


def read_gold(folder: Path) -> list[tuple[str, list[dict]]]:
    """Articles as (text, mentions); a mention has surface, lat, lon, start, end, geonameid."""
    root = ET.parse(folder / "GWN.xml").getroot()
    articles = root.findall("article")
    lines = (folder / "gwn_full.txt").read_text(encoding="utf-8").split("\n")
    out = []
    for article, line in zip(articles, lines, strict=False):
        ids = {}
        for toponym in article.iter("toponym"):
            gid = (toponym.findtext("geonamesID") or "").strip()
            if gid:
                ids[(int(toponym.findtext("start")), int(toponym.findtext("end")))] = int(gid)
        mentions = []
        for item in line.split("||"):
            parts = item.split(",,")
            if len(parts) != 6:
                continue
            _, surface, lat, lon, start, end = parts
            key = (int(start), int(end))
            mentions.append({"surface": surface, "lat": float(lat), "lon": float(lon),
                             "start": key[0], "end": key[1], "geonameid": ids.get(key)})
        out.append((article.findtext("text") or "", mentions))
    return out


def resolve_words(words: str, countries: list[str], near: list[GazetteerEntry],
                  regions: frozenset[str] = frozenset()) -> tuple[GazetteerEntry | None, str]:
    """The entry for a mention's words and how it was found: a gazetteer name, a country
    demonym or adjective ('Russian'), a continent or region adjective ('European')."""
    gazetteer = get_gazetteer()
    exact = [tier for _, tier in gazetteer.match(words)]
    if exact and min(exact) == 0:
        return choose_entry(words, countries=countries, near=near, regions=regions), "name"
    if lookup_country is not None:
        hit = lookup_country(words)
        if hit is not None and hit.kind in DEMONYM_KINDS:
            entry = gazetteer.country(hit.iso3)
            if entry is not None:
                return entry, "demonym"
    adjective = gazetteer.adjective(words)
    if adjective:
        return adjective[0], "adjective"
    if exact:
        return choose_entry(words, countries=countries, near=near, regions=regions), "variant"
    # a town under the city list's size, read only in a context that supports it
    entry = choose_entry(words, countries=countries, near=near, regions=regions)
    return (entry, "small town") if entry is not None else (None, "unknown")


def evaluate(folder: Path, show: int = 0) -> dict:
    """Resolve every gold mention in two passes (context from the first) and score it."""
    data = read_gold(folder)
    right = 0
    errors: list[float] = []
    wrong_km: list[float] = []
    failures: Counter = Counter()
    how_counts: Counter = Counter()
    examples: list[str] = []
    total = 0
    for _text, mentions in data:
        # first pass without context: which countries and places does the article talk about?
        first = [resolve_words(m["surface"], [], [])[0] for m in mentions]
        countries = rank_countries(first)
        near = [e for e in first if e is not None and e.precision == "city"]
        for mention in mentions:
            total += 1
            others = [e for e in near if e.name != mention["surface"]]
            # the regions of the article's other names (not this name's own first reading)
            regions = frozenset(rank_regions(e for e, m in zip(first, mentions, strict=True)
                                             if m["surface"] != mention["surface"]))
            entry, how = resolve_words(mention["surface"], countries, others, regions)
            how_counts[how] += 1
            if entry is None:
                failures["not found"] += 1
                if len(examples) < show:
                    examples.append(f"not found: {mention['surface']!r}")
                continue
            km = distance_km(entry, _Point(mention["lat"], mention["lon"]))
            errors.append(0.0 if entry.geonameid and entry.geonameid == mention["geonameid"] else km)
            if (entry.geonameid and entry.geonameid == mention["geonameid"]) or km <= RIGHT_KM:
                right += 1
            else:
                wrong_km.append(km)
                failures[f"wrong place ({entry.precision})"] += 1
                if len(examples) < show:
                    examples.append(f"wrong: {mention['surface']!r} -> {entry.name} ({entry.country}) "
                                    f"{km:.0f} km off")
    return {"mentions": total, "right": right, "share": right / total if total else 0.0,
            "median_km": statistics.median(errors) if errors else None,
            "median_wrong_km": statistics.median(wrong_km) if wrong_km else None,
            "failures": dict(failures), "found_by": dict(how_counts), "examples": examples,
            "articles": len(data)}


class _Point:
    def __init__(self, lat: float, lon: float):
        self.lat, self.lon = lat, lon


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    default = Path(__file__).resolve().parents[1].parent / "shared"
    parser.add_argument("--shared", type=Path, default=default)
    parser.add_argument("--show", type=int, default=0, help="print this many failures")
    args = parser.parse_args(argv)
    folder = args.shared / "external" / "geowebnews"
    if not (folder / "GWN.xml").exists():
        sys.stderr.write(f"no GeoWebNews data in {folder}\n")
        return 2
    start = time.perf_counter()
    get_gazetteer()
    load = time.perf_counter() - start
    result = evaluate(folder, args.show)
    sys.stdout.write(
        f"GeoWebNews: {result['articles']} articles, {result['mentions']} gold mentions with a "
        f"GeoNames id\n"
        f"  right (same id or <= {RIGHT_KM:.0f} km): {result['right']} = {result['share']:.3f}\n"
        f"  median error: {result['median_km']:.1f} km over found mentions, "
        f"{result['median_wrong_km']:.0f} km over wrong ones\n"
        f"  failures: {result['failures']}\n"
        f"  found by: {result['found_by']}\n"
        f"  gazetteer load: {load:.2f} s, {len(get_gazetteer().entries)} entries\n")
    for line in result["examples"]:
        sys.stdout.write(f"  {line}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
