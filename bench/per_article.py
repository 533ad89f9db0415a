"""Per-article scores on the dev articles (and the seed), before and after a change.

A rule that helps one article and no other has learned that article, not the language: this
script shows which articles each change moves. It predicts with the code on the path and scores
with the shared scorer (../shared/eval/score.py), article by article.

    python bench/per_article.py write OUT_DIR            # predict dev + seed into OUT_DIR
    python bench/per_article.py compare BEFORE AFTER     # the table, and the totals of each
    python bench/per_article.py show OUT_DIR             # one run's table

Columns: event F1, strict F1, then the field accuracies on matched events (source, target,
date, place), claim F1 and agreement F1. In `compare` each cell is `before>after` when it
changed; the last column counts the articles that got better and worse.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
import tempfile
from pathlib import Path
from types import ModuleType

from peacewatch.runner.evaluate import predict

SHARED = Path(__file__).resolve().parents[2] / "shared"
SETS = {"dev": (SHARED / "dev" / "gold", SHARED / "dev" / "articles"),
        "seed": (SHARED / "seed", SHARED / "seed")}
COLUMNS = [("event", "f1"), ("event", "strict"), ("event", "source"), ("event", "target"),
           ("event", "date"), ("event", "location"), ("claim", "f1"), ("agreement", "f1")]


def scorer(shared: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("pw_score", shared / "eval" / "score.py")
    if spec is None or spec.loader is None:
        sys.exit(f"no scorer at {shared / 'eval' / 'score.py'}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def write(out: Path) -> None:
    for name, (gold, articles) in SETS.items():
        failed = predict(gold, articles, out / name)
        if failed:
            print(f"{name}: no report for {', '.join(failed)}")
        print(f"{name}: reports in {out / name}")


def figures(score: ModuleType, gold: Path, pred: Path) -> dict[str, dict[str, float | None]]:
    """Per article id, then 'all': the COLUMNS figures."""
    out: dict[str, dict[str, float | None]] = {}
    ids = sorted(p.name for p in gold.glob("*.json") if not p.name.endswith(".meta.json"))
    with tempfile.TemporaryDirectory() as tmp:
        for name in ids:
            one_gold, one_pred = Path(tmp) / "g", Path(tmp) / "p"
            for folder, source in ((one_gold, gold / name), (one_pred, pred / _pred_name(name))):
                folder.mkdir(exist_ok=True)
                for old in folder.glob("*"):
                    old.unlink()
                if source.exists():
                    (folder / _pred_name(name)).write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
            out[_pred_name(name)[:-5]] = _row(score.score(str(one_gold), str(one_pred)))
    out["all"] = _row(score.score(str(gold), str(pred)))
    return out


def _pred_name(gold_name: str) -> str:
    return gold_name.replace(".gold.json", ".json")


def _row(result: dict) -> dict[str, float | None]:
    row: dict[str, float | None] = {}
    for kind, key in COLUMNS:
        part = result[kind]
        if key == "f1":
            value = part["f1"] if part["gold"] or part["pred"] else None
        elif key == "strict":
            value = part["strict"]["f1"] if part["gold"] or part["pred"] else None
        else:
            value = part["field_accuracy"].get(key)
        row[f"{kind[:5]}.{key[:6]}"] = value
    return row


def _cell(before: float | None, after: float | None) -> str:
    show = lambda v: "-" if v is None else f"{v:.2f}"  # noqa: E731
    if before == after or after is None and before is None:
        return show(after)
    return f"{show(before)}>{show(after)}"


def table(before: dict, after: dict) -> None:
    heads = list(next(iter(after.values())).keys())
    print(f"{'article':44s} " + " ".join(f"{h:>11s}" for h in heads) + "  moved")
    for key in [k for k in after if k != "all"] + ["all"]:
        b, a = before.get(key, {}), after[key]
        up = sum(1 for h in heads if (a[h] or 0) > (b.get(h) or 0) + 1e-9)
        down = sum(1 for h in heads if (a[h] or 0) < (b.get(h) or 0) - 1e-9)
        moved = f"+{up} -{down}" if up or down else ""
        print(f"{key[:44]:44s} " + " ".join(f"{_cell(b.get(h), a[h]):>11s}" for h in heads) + f"  {moved}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("action", choices=["write", "compare", "show"])
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument("--shared", type=Path, default=SHARED)
    args = parser.parse_args(argv)
    if args.action == "write":
        write(args.folders[0])
        return 0
    score = scorer(args.shared)
    runs = [{name: figures(score, gold, folder / name) for name, (gold, _) in SETS.items()}
            for folder in args.folders[:2]]
    before, after = (runs[0], runs[-1]) if args.action == "compare" else (runs[0], runs[0])
    for name in SETS:
        print(f"== {name}")
        table(before[name], after[name])
    return 0


if __name__ == "__main__":
    sys.exit(main())
