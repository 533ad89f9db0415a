#!/usr/bin/env python3
"""Event types on the PLOVER gold-standard sentences (shared/external/plover_gsr).

For each coded sentence: is the gold type among the types of the events peacewatch reads from
it? Prints that share, the share of a root-verb keyword baseline measured in the same run,
per-type recall and a confusion table, and source/target country agreement on hits.

Usage: bench/eval_plover.py [PATH_TO_PLOVER_GSR_CAMEO.json]
"""

from __future__ import annotations

import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

from peacewatch.extract.lexicon import get_lexicon
from peacewatch.ingest import load_text
from peacewatch.nlp import get_nlp
from peacewatch.runner.pipeline import Failure, Pipeline

OLD_LABELS = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "external" / "plover_gsr" / "PLOVER_GSR_CAMEO.json"


def root_verb_baseline(doc) -> set[str]:
    """The type of the sentence's root verb in the trigger lexicon, if any."""
    lex = get_lexicon()
    root = next(iter(doc.sents)).root
    trigger = lex.verbs.get(root.lemma_.lower())
    return {trigger.type} if trigger else set()


def main(path: Path) -> None:
    records = [r for r in json.loads(path.read_text(encoding="utf-8")) if r.get("event") != "DOCUMENT"]
    gold = [OLD_LABELS.get(r["event"], r["event"]) for r in records]
    items = [(r["id"], load_text(r["text"], published=r.get("date"))) for r in records]
    nlp = get_nlp()
    results = list(Pipeline(nlp).run(items))
    baseline_docs = list(nlp.pipe(r["text"] for r in records))
    hits = base_hits = 0
    per_type: dict[str, Counter] = defaultdict(Counter)
    confusion: dict[str, Counter] = defaultdict(Counter)
    src_ok = src_n = tgt_ok = tgt_n = 0
    for record, want, result, doc in zip(records, gold, results, baseline_docs, strict=True):
        events = [] if isinstance(result, Failure) else result.events
        types = {e.type for e in events}
        hit = want in types
        hits += hit
        base_hits += want in root_verb_baseline(doc)
        per_type[want]["hit" if hit else "miss"] += 1
        for t in types or {"(none)"}:
            confusion[want][t] += 1
        if hit:
            event = next(e for e in events if e.type == want)
            for role, ok_n in (("source", 0), ("target", 1)):
                codes = {a.get("code") for a in record.get(role, []) if isinstance(a, dict)}
                codes = {c for c in codes if c and len(c) == 3 and c != "IGO"}
                if not codes:
                    continue
                actor = getattr(event, role)
                ok = actor is not None and actor.country in codes
                if ok_n == 0:
                    src_n += 1
                    src_ok += ok
                else:
                    tgt_n += 1
                    tgt_ok += ok
    n = len(records)
    print(f"sentences {n}")
    print(f"gold type among predicted types: {hits / n:.3f} ({hits}/{n})")
    print(f"root-verb keyword baseline:      {base_hits / n:.3f} ({base_hits}/{n})")
    if src_n:
        print(f"source country on hits: {src_ok / src_n:.3f} ({src_ok}/{src_n}); "
              f"target country on hits: {tgt_ok / max(tgt_n, 1):.3f} ({tgt_ok}/{tgt_n})")
    print("\nper type: recall (hits/sentences) | predicted types (counts)")
    for kind in sorted(per_type):
        c = per_type[kind]
        total = c["hit"] + c["miss"]
        top = ", ".join(f"{t}:{k}" for t, k in confusion[kind].most_common(5))
        print(f"  {kind:10s} {c['hit'] / total:.2f} ({c['hit']:2d}/{total:2d}) | {top}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT)
