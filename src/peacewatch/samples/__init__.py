"""Sample articles bundled for the demo: short invented reports written by the peacewatch team,
in the style of wire news, so the main job runs with no data of its own."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path


def sample_paths() -> list[tuple[Path, dict]]:
    """(article path, metadata) for every bundled sample."""
    folder = Path(str(resources.files(__name__)))
    out = []
    for path in sorted([*folder.glob("*.txt"), *folder.glob("*.html")]):
        meta_path = path.with_suffix(".meta.json")
        meta = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.exists() else {}
        out.append((path, {k: meta.get(k) for k in ("published", "title", "url", "source")}))
    return out


def corpus_folder() -> Path:
    """The demo corpus: short reports on February to May 2025 written by the team (see its README)."""
    return Path(str(resources.files(__name__).joinpath("corpus")))
