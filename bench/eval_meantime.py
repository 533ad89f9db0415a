"""Measure peacewatch.resolve.time on MEANTIME (English): detection recall and value accuracy.

For each gold TIMEX3 of type DATE whose value is calendar date-like (YYYY, YYYY-MM, YYYY-MM-DD,
YYYY-Www), the sentence is run through resolve_all (publication date = the document's creation
time, DCT) and the mention overlapping the gold span gives the value; when none overlaps, the gold
words are resolved directly with resolve_time. Values are compared at the gold's precision (a week
value is right when our day falls in that ISO week).

"Calendar-form" expressions are those whose words name a month, a year or a numeric date
('June 18', 'May 2008', '2009'); "all" adds the relative ones ('Tuesday', 'last week', 'today').

Usage: python bench/eval_meantime.py [MEANTIME_DIR]
"""

from __future__ import annotations

import re
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from datetime import date
from pathlib import Path

from peacewatch.resolve.time import detect_future_tense, resolve_all, resolve_time
from peacewatch.schema import When

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared" / "external" / "meantime_en"
DATE_LIKE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?|-W\d{2})?$")
CALENDAR_FORM = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\b\d{4}\b|['’]\d\d\b|\d+/\d+/\d+",
    re.IGNORECASE,
)
NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", ")", "'s", "’s", "n't", "%"}


def read_dct(root: ET.Element, tokens: dict[str, tuple[str, int]]) -> tuple[date | None, str | None]:
    """The document's creation time and the id of its TIMEX3 (to leave it out of the measure)."""
    for tx in root.iter("TIMEX3"):
        if tx.get("functionInDocument") == "CREATION_TIME":
            value = tx.get("value") or ""
            if re.match(r"^\d{4}-\d{2}-\d{2}", value):
                return date.fromisoformat(value[:10]), tx.get("m_id")
            m = re.match(r"^(\d{2})-(\d{2})-(\d{4})$", value)  # a few are written DD-MM-YYYY
            if m:
                return date(int(m[3]), int(m[2]), int(m[1])), tx.get("m_id")
    # no creation time: the dateline (sentence 1) is the article's date
    for tx in root.iter("TIMEX3"):
        ids = [a.get("t_id") for a in tx.findall("token_anchor")]
        if ids and tokens[ids[0]][1] == 1 and re.match(r"^\d{4}-\d{2}-\d{2}$", tx.get("value") or ""):
            return date.fromisoformat(tx.get("value")), tx.get("m_id")
    return None, None


def build_sentences(root: ET.Element) -> tuple[dict[int, str], dict[str, tuple[int, int, int]]]:
    """Detokenised sentence texts, and each token's (sentence, start, end) in its sentence."""
    texts: dict[int, str] = {}
    spans: dict[str, tuple[int, int, int]] = {}
    for token in root.iter("token"):
        sent = int(token.get("sentence"))
        word = token.text or ""
        current = texts.get(sent, "")
        if current and word not in NO_SPACE_BEFORE and not current.endswith(("(", "$")):
            current += " "
        spans[token.get("t_id")] = (sent, len(current), len(current) + len(word))
        texts[sent] = current + word
    return texts, spans


def judge(gold: str, value: str | None) -> bool:
    """Whether a predicted value matches the gold value at the gold's precision."""
    if not value:
        return False
    if "-W" in gold:
        if len(value) < 10:
            return False
        year, week = int(gold[:4]), int(gold[6:8])
        return date.fromisoformat(value).isocalendar()[:2] == (year, week)
    return value.startswith(gold) and len(value) >= len(gold)


def evaluate(folder: Path) -> Counter:
    """Count gold date-like expressions, detections and correct values."""
    counts: Counter = Counter()
    for path in sorted(folder.glob("intra-doc_annotation/*/*.xml")):
        root = ET.parse(path).getroot()
        tokens = {t.get("t_id"): (t.text or "", int(t.get("sentence"))) for t in root.iter("token")}
        dct, dct_id = read_dct(root, tokens)
        texts, spans = build_sentences(root)
        resolved: dict[int, list] = {}
        previous = (
            When(text=None, value=dct.isoformat(), precision="day", rule="publication") if dct else None
        )
        for sent in sorted(texts):
            pairs = resolve_all(texts[sent], dct, previous=previous)
            resolved[sent] = pairs
            # carry the last day-precision date to the next sentence (the story's current day)
            for _, when in pairs:
                if when.value and when.precision == "day":
                    previous = when
        for tx in root.iter("TIMEX3"):
            gold = tx.get("value") or ""
            ids = [a.get("t_id") for a in tx.findall("token_anchor")]
            if tx.get("type") != "DATE" or tx.get("m_id") == dct_id or not ids or not DATE_LIKE.match(gold):
                continue
            sent, start, _ = spans[ids[0]]
            end = spans[ids[-1]][2]
            words = texts[sent][start:end]
            group = "calendar" if CALENDAR_FORM.search(words) else "relative"
            counts[f"{group}:n"] += 1
            hit = next(((m, w) for m, w in resolved[sent] if m.start < end and start < m.end), None)
            if hit:
                counts[f"{group}:detected"] += 1
                value = hit[1].value
            else:
                value = resolve_time(words, dct, future=detect_future_tense(texts[sent], start)).value
            ok = judge(gold, value)
            counts[f"{group}:correct"] += ok
            if not ok:
                print(
                    f"  miss  {dct}  {words!r:40} gold={gold:10} got={value}  [{texts[sent][:90]}]",
                    file=sys.stderr,
                )
    return counts


def main() -> None:
    """Print detection recall and value accuracy on MEANTIME's date-like expressions."""
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    if not folder.exists():
        sys.exit(f"MEANTIME not found at {folder}")
    c = evaluate(folder)
    for label, groups in (("calendar-form", ["calendar"]), ("all date-like", ["calendar", "relative"])):
        n = sum(c[f"{g}:n"] for g in groups)
        detected = sum(c[f"{g}:detected"] for g in groups)
        correct = sum(c[f"{g}:correct"] for g in groups)
        print(
            f"{label:14} n={n:4d}  detection recall={detected / n:.3f}  value accuracy={correct / n:.3f}"
            f"  ({correct}/{n})"
        )


if __name__ == "__main__":
    main()
