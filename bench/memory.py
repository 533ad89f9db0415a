"""Peak memory of reading long articles: `peacewatch ingest` of articles of --chars characters
each, beside the bare spaCy model parsing the same texts, each in a fresh process.

Usage: .venv/bin/python bench/memory.py [--chars 200000] [--articles 2]

The articles are made here from the demo corpus's paragraphs (src/peacewatch/samples/corpus),
shuffled differently for each article and repeated to the length asked, with a publication
date in a sidecar. Each measurement runs in its own process; its peak resident set (the kernel's
ru_maxrss of that process and what it waited for) is printed in MB:

  model loaded, nothing parsed    the bare spaCy model, loaded
  bare spaCy model, whole text    nlp(text) of each article in turn (the model as shipped)
  peacewatch ingest               `peacewatch ingest FOLDER --db sqlite:///...` of the articles
                                  (PEACEWATCH_ARTICLE_TIMEOUT=0: each is read whole)

Nothing is asserted: the script prints figures.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "src" / "peacewatch" / "samples" / "corpus"

BARE = """
import sys, spacy
from peacewatch.nlp import DEFAULT_MODEL, FALLBACK_MODELS
for name in (DEFAULT_MODEL, *FALLBACK_MODELS):
    try:
        nlp = spacy.load(name)
        break
    except OSError:
        continue
nlp.max_length = 10**8
if sys.argv[1] == "parse":
    for path in sys.argv[2:]:
        doc = nlp(open(path, encoding="utf-8").read())
        del doc
"""


def make_articles(folder: Path, chars: int, count: int) -> list[Path]:
    """`count` articles of about `chars` characters from the demo corpus's paragraphs."""
    paragraphs = [p.strip() for path in sorted(CORPUS.glob("*.txt"))
                  for p in path.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    paths = []
    for number in range(count):
        rng = random.Random(number)
        parts: list[str] = [f"Long article {number + 1}"]
        size = len(parts[0])
        while size < chars:
            pool = paragraphs[:]
            rng.shuffle(pool)
            for paragraph in pool:
                if size + len(paragraph) + 2 > chars:
                    break
                parts.append(paragraph)
                size += len(paragraph) + 2
            else:
                continue
            break
        path = folder / f"long-{number + 1}.txt"
        path.write_text("\n\n".join(parts), encoding="utf-8")
        (folder / f"long-{number + 1}.meta.json").write_text(json.dumps({"published": "2025-03-01"}))
        paths.append(path)
    return paths


def peak(command: list[str]) -> tuple[float, float]:
    """(peak resident MB, seconds) of a command run in a fresh process."""
    # no time limit on extraction: both articles are read whole, extraction included
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"), PEACEWATCH_ARTICLE_TIMEOUT="0")
    started = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode:
        error = process.stderr.read().decode(errors="replace")[-2000:] if process.stderr else ""
        raise SystemExit(f"{command[:4]} failed ({process.returncode}):\n{error}")
    return usage.ru_maxrss / 1024, seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--chars", type=int, default=200_000)
    parser.add_argument("--articles", type=int, default=2)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="pw-memory-"))
    texts = folder / "articles"
    texts.mkdir()
    paths = make_articles(texts, args.chars, args.articles)
    print(f"{args.articles} articles of {args.chars:,} characters ({sum(len(p.read_text()) for p in paths):,} in all)")
    python = sys.executable
    rows = [
        ("model loaded, nothing parsed", [python, "-c", BARE, "load"]),
        ("bare spaCy model, whole text", [python, "-c", BARE, "parse", *map(str, paths)]),
        ("peacewatch ingest", [python, "-m", "peacewatch", "ingest", str(texts), "--db",
                               f"sqlite:///{folder / 'memory.db'}", "--quiet"]),
    ]
    for name, command in rows:
        mb, seconds = peak(command)
        print(f"  {name:30s} peak RSS {mb:7.0f} MB  ({seconds:5.1f} s)", flush=True)
    sys.path.insert(0, str(ROOT / "src"))
    from peacewatch.store import Store

    with Store(f"sqlite:///{folder / 'memory.db'}") as store:
        counts = store.counts()
    print(f"  stored: {counts['articles']} articles, {counts['events']} events")


if __name__ == "__main__":
    main()
