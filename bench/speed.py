#!/usr/bin/env python3
"""Extraction speed against its own baseline, measured in one process: the spaCy pipeline alone
(the floor any reading costs) versus the whole of peacewatch (clean, parse, extract, resolve).

Usage: bench/speed.py [FILES...]   (default: the bundled samples, repeated to ~20k words)
Prints words per second for each and the ratio; no timing is asserted anywhere.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from peacewatch.ingest import read_article
from peacewatch.nlp import get_nlp
from peacewatch.runner.pipeline import Pipeline
from peacewatch.samples import sample_paths


def main(paths: list[Path]) -> None:
    raws = [read_article(p) for p in paths] if paths else [read_article(p, **m) for p, m in sample_paths()]
    words = sum(len(r.text.split()) for r in raws)
    copies = max(1, 20_000 // max(words, 1))
    raws = raws * copies
    words *= copies
    nlp = get_nlp()
    pipeline = Pipeline(nlp)
    list(pipeline.run([(None, raws[0])]))  # warm up: gazetteer and lexicons load once
    start = time.perf_counter()
    for _ in nlp.pipe((r.text for r in raws), batch_size=16):
        pass
    parse = time.perf_counter() - start
    start = time.perf_counter()
    reports = list(pipeline.run((None, r) for r in raws))
    full = time.perf_counter() - start
    print(f"{len(reports)} articles, {words} words")
    print(f"spaCy pipeline alone: {words / parse:8.0f} words/s")
    print(f"peacewatch extract:   {words / full:8.0f} words/s")
    print(f"ratio (extract / parse time): {full / parse:.2f}")


if __name__ == "__main__":
    main([Path(a) for a in sys.argv[1:]])
