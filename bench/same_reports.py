#!/usr/bin/env python3
"""Check that a change leaves every report as it was: write the reports of a fixed corpus to a
JSON-lines file, then compare two such files. Made for speed work, where outputs must not move.

Usage:
    .venv/bin/python bench/same_reports.py write before.jsonl    # on the code before the change
    .venv/bin/python bench/same_reports.py write after.jsonl     # on the code after it
    .venv/bin/python bench/same_reports.py compare before.jsonl after.jsonl [--show 3]

The corpus: the bench corpus of bench/scale.py (--bench N, default 1,000 articles), then, when
../shared is there, the dev articles, the seed article and the first --fakes N (default 804)
FA-KES articles (read in place, never copied). Reports are written in corpus order; a failure
is written as {"failure": reason}. Writing takes about 100 s for the default corpus here.
Exit status of compare: 0 when every report is equal, 1 otherwise.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT / "bench"))


def corpus(bench: int, fakes: int) -> Iterator[object]:
    """The raw articles, in a fixed order."""
    from scale import build_corpus

    from peacewatch.ingest import load_text

    for item in build_corpus(bench):
        yield item.raw()
    texts = sorted((SHARED / "dev" / "articles").glob("*.txt")) + [SHARED / "seed" / "sumy-article.txt"]
    for path in texts:
        if not path.exists():
            continue
        sidecar = path.with_suffix(".meta.json")
        meta = json.loads(sidecar.read_text(encoding="utf-8")) if sidecar.exists() else {}
        yield load_text(path.read_text(encoding="utf-8"), published=meta.get("published") or "2025-04-14")
    fakes_csv = SHARED / "external" / "fa-kes" / "fakes.csv"
    if fakes and fakes_csv.exists():
        with fakes_csv.open(encoding="latin-1", newline="") as handle:
            for n, row in enumerate(csv.DictReader(handle)):
                if n >= fakes:
                    break
                yield load_text(row["article_content"], published="2017-01-01")


def write(out: Path, bench: int, fakes: int) -> None:
    from peacewatch.pipeline import Failure, Pipeline

    pipeline = Pipeline(batch_size=64)
    started, count = time.perf_counter(), 0
    with out.open("w", encoding="utf-8") as handle:
        for report in pipeline.run((None, raw) for raw in corpus(bench, fakes)):
            line = json.dumps({"failure": report.error}) if isinstance(report, Failure) else report.model_dump_json()
            handle.write(line + "\n")
            count += 1
    print(f"{count} reports written to {out} in {time.perf_counter() - started:.0f} s")


def compare(before: Path, after: Path, show: int) -> int:
    old = before.read_text(encoding="utf-8").splitlines()
    new = after.read_text(encoding="utf-8").splitlines()
    if len(old) != len(new):
        print(f"{len(old)} reports against {len(new)}: not the same corpus")
        return 1
    differ = [(a, b) for a, b in zip(old, new, strict=True) if json.loads(a) != json.loads(b)]
    print(f"{len(old)} reports, {len(differ)} differ")
    for a, b in differ[:show]:
        a, b = json.loads(a), json.loads(b)
        for part in ("events", "claims", "agreements", "failure"):
            if a.get(part) != b.get(part):
                print(f"--- {a.get('article', {}).get('id', '?')} {part}")
                print(f"  before: {json.dumps(a.get(part))[:1200]}")
                print(f"  after:  {json.dumps(b.get(part))[:1200]}")
    return 1 if differ else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    writing = sub.add_parser("write", help="write the corpus's reports")
    writing.add_argument("out", type=Path)
    writing.add_argument("--bench", type=int, default=1000, help="bench corpus articles (default 1000)")
    writing.add_argument("--fakes", type=int, default=804, help="FA-KES articles (default 804, 0 for none)")
    comparing = sub.add_parser("compare", help="compare two written files")
    comparing.add_argument("before", type=Path)
    comparing.add_argument("after", type=Path)
    comparing.add_argument("--show", type=int, default=3, help="differing reports to print (default 3)")
    args = parser.parse_args()
    if args.command == "write":
        write(args.out, args.bench, args.fakes)
    else:
        sys.exit(compare(args.before, args.after, args.show))


if __name__ == "__main__":
    main()
