#!/usr/bin/env python3
"""Check that a change leaves every report as it was: write the reports of a fixed corpus to a
JSON-lines file, then compare two such files. Made for speed work, where outputs must not move.

Usage:
    .venv/bin/python bench/same_reports.py write before.jsonl    # on the code before the change
    .venv/bin/python bench/same_reports.py write after.jsonl     # on the code after it
    .venv/bin/python bench/same_reports.py compare before.jsonl after.jsonl [--show 3]

The corpus: the bench corpus of bench/scale.py (--bench N, default 1,000 articles), then, when
../shared is there, the dev articles, the seed article, the corpus-dev articles and the first
--fakes N (default 804) FA-KES articles (read in place, never copied). Reports are written in
corpus order; a failure is written as {"failure": reason}. Then, unless --no-store, the
corpus-dev articles are ingested through the CLI into a temporary SQLite store and its incidents,
agreement tracker, timeline and initiative analysis are written as further lines, so that a
change to the store, fusion or analysis is checked too. Writing takes about 150 s here.
Exit status of compare: 0 when every line is equal, 1 otherwise.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import subprocess
import sys
import tempfile
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
    for path in sorted((SHARED / "corpus-dev" / "articles").glob("*.txt")):
        sidecar = path.with_suffix(".meta.json")
        meta = json.loads(sidecar.read_text(encoding="utf-8")) if sidecar.exists() else {}
        yield load_text(path.read_text(encoding="utf-8"), published=meta.get("published") or "2025-04-14",
                        title=meta.get("title"))
    fakes_csv = SHARED / "external" / "fa-kes" / "fakes.csv"
    if fakes and fakes_csv.exists():
        with fakes_csv.open(encoding="latin-1", newline="") as handle:
            for n, row in enumerate(csv.DictReader(handle)):
                if n >= fakes:
                    break
                yield load_text(row["article_content"], published="2017-01-01")


# What the store part prints: each a CLI command (without --db) whose output is one line.
STORE_VIEWS = (
    ("incidents", ["incidents", "--format", "json"]),
    ("agreements", ["agreements", "--format", "json"]),
    ("timeline", ["timeline", "--actor", "RUS"]),
    ("initiatives", ["analyze", "initiatives", "--party", "RUS", "--mediator", "USA", "--window", "3"]),
)


def store_lines() -> Iterator[str]:
    """Ingest corpus-dev through the CLI into a fresh SQLite store and print its views."""
    articles = SHARED / "corpus-dev" / "articles"
    if not articles.exists():
        return
    cli = [sys.executable, "-m", "peacewatch"]
    with tempfile.TemporaryDirectory() as tmp:
        db = f"sqlite:///{tmp}/same.db"
        subprocess.run([*cli, "ingest", str(articles), "--db", db], check=True, capture_output=True)
        for name, args in STORE_VIEWS:
            done = subprocess.run([*cli, *args, "--db", db], check=True, capture_output=True, text=True,
                                  env={**os.environ, "COLUMNS": "200"})
            yield json.dumps({"store": name, "output": done.stdout})


def write(out: Path, bench: int, fakes: int, store: bool) -> None:
    from peacewatch import Pipeline

    pipeline = Pipeline(batch_size=64)
    started, count = time.perf_counter(), 0
    with out.open("w", encoding="utf-8") as handle:
        for report in pipeline.run((None, raw) for raw in corpus(bench, fakes)):
            failed = not hasattr(report, "model_dump_json")
            line = json.dumps({"failure": report.error}) if failed else report.model_dump_json()
            handle.write(line + "\n")
            count += 1
        for line in store_lines() if store else ():
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
        if "store" in a:
            print(f"--- store: {a['store']}")
            print(f"  before: {a['output'][:1200]}")
            print(f"  after:  {b.get('output', '')[:1200]}")
            continue
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
    writing.add_argument("--no-store", action="store_true", help="skip the store, incidents and analysis part")
    comparing = sub.add_parser("compare", help="compare two written files")
    comparing.add_argument("before", type=Path)
    comparing.add_argument("after", type=Path)
    comparing.add_argument("--show", type=int, default=3, help="differing reports to print (default 3)")
    args = parser.parse_args()
    if args.command == "write":
        write(args.out, args.bench, args.fakes, not args.no_store)
    else:
        sys.exit(compare(args.before, args.after, args.show))


if __name__ == "__main__":
    main()
