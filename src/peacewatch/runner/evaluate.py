"""Measure extraction against gold annotations with the project's scorer (shared/eval/score.py)."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

from peacewatch.errors import InputError
from peacewatch.ingest import read_article
from peacewatch.runner.pipeline import Failure, Pipeline

DEFAULT_SCORER = Path("..") / "shared" / "eval" / "score.py"


def gold_ids(gold_dir: Path) -> list[str]:
    """Ids of the gold reports in a folder (<id>.json or <id>.gold.json, not .meta.json)."""
    ids = []
    for path in sorted(gold_dir.glob("*.json")):
        if path.name.endswith(".meta.json"):
            continue
        ids.append(path.name[: -len(".gold.json")] if path.name.endswith(".gold.json") else path.stem)
    return ids


def predict(gold_dir: Path, articles_dir: Path, out: Path) -> list[str]:
    """Write one predicted report per gold article into `out`; returns the ids that failed."""
    items = []
    failed = []
    for key in gold_ids(gold_dir):
        source = next((articles_dir / f"{key}{ext}" for ext in (".txt", ".html")
                       if (articles_dir / f"{key}{ext}").exists()), None)
        if source is None:
            failed.append(key)
            continue
        meta_path = articles_dir / f"{key}.meta.json"
        meta = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.exists() else {}
        items.append((key, read_article(source, published=meta.get("published"), title=meta.get("title"),
                                        url=meta.get("url"), source=meta.get("outlet") or meta.get("source"))))
    out.mkdir(parents=True, exist_ok=True)
    for result in Pipeline().run(items):
        if isinstance(result, Failure):
            failed.append(result.id or "?")
            continue
        (out / f"{result.article.id}.json").write_text(result.to_json(indent=1), encoding="utf-8")
    return failed


def run(gold_dir: Path, articles_dir: Path, out: Path | None = None, scorer: Path | None = None,
        verbose: bool = False) -> str:
    """Predict the gold articles and return the scorer's printed figures."""
    scorer = scorer or DEFAULT_SCORER
    if not scorer.exists():
        raise InputError(f"scorer {scorer} not found; pass --scorer PATH")
    if not gold_dir.is_dir() or not articles_dir.is_dir():
        raise InputError(f"{gold_dir} and {articles_dir} must be folders")
    with tempfile.TemporaryDirectory() as tmp:
        target = out or Path(tmp)
        failed = predict(gold_dir, articles_dir, target)
        args = [sys.executable, str(scorer), str(gold_dir), str(target)] + (["--verbose"] if verbose else [])
        result = subprocess.run(args, capture_output=True, text=True, check=False)
    note = f"no prediction for: {', '.join(failed)}\n" if failed else ""
    return note + result.stdout + result.stderr
