#!/usr/bin/env python3
"""Scale of the extraction on this machine, each figure from one run: throughput against the bare
spaCy model, peak memory per process, 2 Dask workers against 1, and where extraction time goes.

Usage: .venv/bin/python bench/scale.py [--articles 1000] [--dask-articles 400] [--profile-articles 300]
                                       [--rounds 2] [--skip-dask]

The corpus is the demo corpus plus deterministic variants of it (numbers, weekdays and towns
changed, paragraphs reordered and recombined), so every text differs. The Dask part starts a
scheduler and workers on 127.0.0.1 only and stops them before it returns. Nothing is asserted.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import platform
import pstats
import random
import re
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import psutil
import spacy
from spacy.language import Language
from spacy.tokens import Doc

import peacewatch
from peacewatch.errors import PeacewatchError
from peacewatch.extract.agreements import extract_agreements
from peacewatch.extract.claims import extract_claims
from peacewatch.extract.context import new_context
from peacewatch.extract.events import extract_events
from peacewatch.fuse.copies import CopyIndex, signature
from peacewatch.ingest import RawArticle, load_text
from peacewatch.ingest.clean import clean_text
from peacewatch.nlp import get_nlp
from peacewatch.runner.distributed import read_prepared
from peacewatch.runner.ingest import ingest
from peacewatch.runner.pipeline import BATCH_SIZE, Failure, Pipeline, Prepared
from peacewatch.samples import corpus_folder
from peacewatch.schema import Report
from peacewatch.store import Store

SEED = 2025
# the folder holding the package, to tell peacewatch's functions in a profile
PACKAGE_ROOT = str(Path(peacewatch.__file__).resolve().parent.parent) + os.sep
RESOLVE_MODULES = ("peacewatch.resolve.time", "peacewatch.resolve.place")
BARE_BATCH = 64
CHUNK = 128  # articles (a) and (b) take turns on in part 1
DASK_BATCH = 16
# The official name first; peacewatch installs the same model re-published under another name.
BARE_MODELS = ("en_core_web_sm",)

# Towns of the demo corpus that are varied; Kyiv stays, as it often stands for the government.
TOWNS = ("Poltava", "Izium", "Dobropillia", "Odesa", "Dnipro", "Kharkiv", "Kryvyi Rih", "Sumy", "Marhanets",
         "Zaporizhzhia", "Bilopillia", "Korostyshiv")
# Every one resolves to itself in the gazetteer (Sloviansk does not, so it is left out).
NEW_TOWNS = ("Kherson", "Mykolaiv", "Chernihiv", "Kramatorsk", "Pokrovsk", "Nikopol", "Uman", "Vinnytsia",
             "Zhytomyr", "Kropyvnytskyi", "Kostiantynivka")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
NUMBER_WORDS = ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
TOWN_RE = re.compile(r"\b(" + "|".join(sorted(TOWNS, key=len, reverse=True)) + r")\b")
WEEKDAY_RE = re.compile(r"\b(" + "|".join(WEEKDAYS) + r")\b")
NUMBER_WORD_RE = re.compile(r"\b(" + "|".join(NUMBER_WORDS) + r")\b", re.I)
NUMBER_RE = re.compile(r"\b\d[\d,]*\b")
MONTH_AFTER = re.compile(r"\s+(?:" + "|".join(MONTHS) + r")\b")
MONTH_BEFORE = re.compile(r"\b(?:" + "|".join(MONTHS) + r")\s+$")


# ---------------------------------------------------------------------------------------------
# Corpus


@dataclass
class Item:
    """One article of the benchmark corpus: its file text and its sidecar metadata."""

    text: str
    meta: dict

    def raw(self) -> RawArticle:
        return load_text(self.text, **self.meta)


def read_demo() -> list[Item]:
    """The demo corpus as items, in file order."""
    items = []
    for path in sorted(corpus_folder().glob("*.txt")):
        meta = json.loads(path.with_suffix("").with_suffix(".meta.json").read_text(encoding="utf-8"))
        items.append(Item(path.read_text(encoding="utf-8"),
                          {k: meta.get(k) for k in ("published", "title", "source")}))
    return items


def vary(text: str, donor: str, rng: random.Random) -> str:
    """A variant of a report: its lead kept, the other paragraphs shuffled, one maybe dropped and
    one maybe borrowed from another report; then towns, weekdays and numbers changed."""
    title, *paragraphs = [p for p in text.split("\n\n") if p.strip()]
    lead, rest = paragraphs[0], paragraphs[1:]
    rng.shuffle(rest)
    if rest and rng.random() < 0.3:
        rest.pop()
    donor_paragraphs = [p for p in donor.split("\n\n") if p.strip()][1:]
    if donor_paragraphs and rng.random() < 0.6:
        rest.insert(rng.randrange(len(rest) + 1), rng.choice(donor_paragraphs))
    text = "\n\n".join([title, lead, *rest]) + "\n"
    towns = {town: rng.choice(TOWNS + NEW_TOWNS) for town in TOWNS}  # one mapping per article
    days = {day: rng.choice(WEEKDAYS) for day in WEEKDAYS}
    text = TOWN_RE.sub(lambda m: towns[m.group(1)], text)
    text = WEEKDAY_RE.sub(lambda m: days[m.group(1)], text)

    def number_word(m: re.Match[str]) -> str:
        if rng.random() < 0.5:
            return m.group(0)
        word = rng.choice(NUMBER_WORDS)
        return word.capitalize() if m.group(0)[0].isupper() else word

    def number(m: re.Match[str]) -> str:
        digits = m.group(0)
        if "," in digits or len(digits) == 4:  # 1,000 prisoners; years
            return digits
        if MONTH_AFTER.match(text, m.end()) or MONTH_BEFORE.search(text, 0, m.start()):
            return str(rng.randint(1, 28))
        value = int(digits)
        return str(rng.randint(max(1, value // 2), value * 2 + 2))

    text = NUMBER_WORD_RE.sub(number_word, text)
    return NUMBER_RE.sub(number, text)


def build_corpus(count: int, seed: int = SEED) -> list[Item]:
    """`count` items of distinct clean text (so distinct ids): the demo corpus, then variants of it."""
    demo = read_demo()
    rng = random.Random(seed)
    items = demo[:count]
    seen = {clean_text(item.raw().text).text for item in items}
    while len(items) < count:
        base = demo[len(items) % len(demo)]
        item = Item(vary(base.text, rng.choice(demo).text, rng),
                    {"published": base.meta["published"], "title": None, "source": base.meta["source"]})
        body = clean_text(item.raw().text).text  # the title line is not part of the id
        if body not in seen:
            seen.add(body)
            items.append(item)
    return items


def write_corpus(items: list[Item], folder: Path) -> None:
    """The items as .txt files with .meta.json sidecars, as `peacewatch ingest` reads a folder."""
    folder.mkdir(parents=True, exist_ok=True)
    for i, item in enumerate(items):
        (folder / f"{i:05d}.txt").write_text(item.text, encoding="utf-8")
        meta = {k: v for k, v in item.meta.items() if v is not None}
        (folder / f"{i:05d}.meta.json").write_text(json.dumps(meta), encoding="utf-8")


def prepare_all(pipeline: Pipeline, raws: Iterable[RawArticle]) -> list[Prepared | Failure]:
    out: list[Prepared | Failure] = []
    for raw in raws:
        try:
            out.append(pipeline.prepare(None, raw))
        except PeacewatchError as exc:
            out.append(Failure(None, str(exc)))
    return out


def count_words(prepared: Iterable[Prepared | Failure]) -> int:
    """Words as the store counts them (whitespace-split clean text)."""
    return sum(len(p.text.split()) for p in prepared if isinstance(p, Prepared))


def load_bare(nlp: Language) -> tuple[Language, str]:
    """The statistical model alone, no peacewatch component: en_core_web_sm, else the package
    peacewatch's own pipeline was loaded from (the same model under another name)."""
    own = f"{nlp.meta['lang']}_{nlp.meta['name']}"
    for name in (*BARE_MODELS, own):
        try:
            return spacy.load(name), name
        except OSError:
            continue
    raise SystemExit(f"no bare spaCy model loadable (tried {', '.join((*BARE_MODELS, own))})")


# ---------------------------------------------------------------------------------------------
# Measures


@dataclass
class Run:
    """A timed run over articles."""

    name: str
    articles: int
    words: int
    seconds: float
    others: float = 0.0  # cores other processes used meanwhile
    cpu: float = 0.0  # CPU seconds of our processes

    @classmethod
    def of(cls, name: str, articles: int, words: int, seconds: float, load: Load) -> Run:
        return cls(name, articles, words, seconds, load.cores, load.cpu)

    @property
    def per_second(self) -> float:
        return self.articles / self.seconds

    @property
    def words_per_second(self) -> float:
        return self.words / self.seconds

    def line(self) -> str:
        return (f"  {self.name:49s} {self.seconds:6.2f} s {self.per_second:5.1f} art/s {self.words_per_second:5.0f} "
                f"words/s | cpu {self.cpu:6.2f} s | others {self.others:.2f} cores")


def own_cpu() -> float:
    """CPU seconds of this process and its waited-for children."""
    t = psutil.Process().cpu_times()
    return t.user + t.system + t.children_user + t.children_system


def busy_cpu() -> float:
    """CPU seconds the whole machine has been busy (guest time is inside user time already)."""
    t = psutil.cpu_times()
    return t.user + t.nice + t.system + getattr(t, "irq", 0.0) + getattr(t, "softirq", 0.0)


class Load:
    """Measures the CPU seconds our processes used while a section ran, and the CPU that other
    processes on the machine took meanwhile, in cores on average: on a shared 2-core machine a
    wall-clock timing must be read against the second, and CPU seconds are steadier."""

    def __init__(self, ours: Callable[[], float] = own_cpu):
        self.ours = ours
        self.cores = 0.0
        self.cpu = 0.0

    def __enter__(self) -> Load:
        self._start = (time.perf_counter(), busy_cpu(), self.ours())
        return self

    def __exit__(self, *exc: object) -> None:
        wall, busy, ours = self._start
        wall = time.perf_counter() - wall
        self.cpu = self.ours() - ours
        self.cores = max(0.0, (busy_cpu() - busy) - self.cpu) / max(wall, 1e-9)


def timed(fn: Callable[[], object]) -> tuple[float, object]:
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def tally(results: Iterable[Report | Failure]) -> dict[str, int]:
    counts = {"reports": 0, "failures": 0, "events": 0, "claims": 0, "agreements": 0}
    for result in results:
        if isinstance(result, Failure):
            counts["failures"] += 1
            continue
        counts["reports"] += 1
        counts["events"] += len(result.events)
        counts["claims"] += len(result.claims)
        counts["agreements"] += len(result.agreements)
    return counts


def peak_rss() -> dict[str, float | None]:
    """This process's peak resident set so far in MB, two ways. getrusage's ru_maxrss (KiB on
    Linux) survives exec: a process started by a bigger one reports the bigger one's peak if that
    is higher. /proc's VmHWM is the high-water mark of this program's own memory (Linux only).
    Self-contained, as it is also sent to Dask workers."""
    import resource as res

    hwm = None
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    hwm = int(line.split()[1]) / 1024
    except OSError:
        pass
    return {"ru_maxrss": res.getrusage(res.RUSAGE_SELF).ru_maxrss / 1024, "hwm": hwm}


def run_end_to_end(pipeline: Pipeline, raws: list[RawArticle]) -> tuple[float, dict[str, int]]:
    """(seconds, tally) of (b): prepare + parse + read every article, reports not kept."""
    seconds, counts = timed(lambda: tally(pipeline.run((None, raw) for raw in raws)))
    return seconds, counts


def child_rss(articles: int) -> None:
    """Part 2 in a fresh process: only (b), then this process's peak RSS, as one JSON line."""
    items = build_corpus(articles)
    raws = [item.raw() for item in items]
    pipeline = Pipeline(get_nlp())
    list(pipeline.run((None, raw) for raw in raws[:8]))  # model, gazetteer and lexicons loaded
    loaded, loaded_now = peak_rss(), psutil.Process().memory_info().rss / 2**20
    seconds, counts = run_end_to_end(pipeline, raws)
    print(json.dumps({"loaded": loaded, "loaded_now_mb": loaded_now, "peak": peak_rss(),
                      "end_mb": psutil.Process().memory_info().rss / 2**20, "seconds": seconds,
                      "reports": counts["reports"]}))


def part_throughput(items: list[Item], nlp: Language, tmp: Path, rounds: int = 2) -> dict:
    print(f"\n1. End-to-end throughput on {len(items)} articles (one process)")
    pipeline = Pipeline(nlp)
    raws = [item.raw() for item in items]
    prepared = prepare_all(pipeline, raws)
    texts = [p.text for p in prepared if isinstance(p, Prepared)]
    ids = {p.article.id for p in prepared if isinstance(p, Prepared)}
    words = count_words(prepared)
    bare, bare_name = load_bare(nlp)
    print(f"  corpus: {len(items)} articles ({len(ids)} distinct ids, {len(texts)} readable), {words:,} words, "
          f"{words / max(len(texts), 1):.0f} words per article")
    print(f"  bare model: {bare_name} {bare.meta['version']} {bare.pipe_names}")
    print(f"  peacewatch: {nlp.meta['lang']}_{nlp.meta['name']} {nlp.meta['version']} {nlp.pipe_names}, "
          f"batch_size {pipeline.batch_size}")
    for model in (bare, nlp):  # warm: first calls allocate and load lazily
        list(model.pipe(texts[:32], batch_size=BARE_BATCH))
    list(pipeline.run((None, raw) for raw in raws[:16]))

    # (a) and (b) take turns on slices of CHUNK articles, `rounds` times over, and each slice counts
    # its fastest time for each: this machine's speed drifts (it shares its host), and a slow
    # moment then touches both alike instead of deciding the ratio.
    slices = [slice(k, k + CHUNK) for k in range(0, len(raws), CHUNK)]
    best: dict[str, list[tuple[float, float, float]]] = {"a": [], "b": []}  # per slice: (seconds, cpu, others)
    for round_number in range(rounds):
        for n, part in enumerate(slices):
            chunk = [p.text for p in prepared[part] if isinstance(p, Prepared)]
            with Load() as load:
                seconds, _ = timed(lambda chunk=chunk: [None for _ in bare.pipe(chunk, batch_size=BARE_BATCH)])
            timing_a = (seconds, load.cpu, load.cores)
            with Load() as load:
                seconds, _ = timed(lambda part=part: tally(pipeline.run((None, raw) for raw in raws[part])))
            timing_b = (seconds, load.cpu, load.cores)
            for key, timing in (("a", timing_a), ("b", timing_b)):
                if round_number == 0:
                    best[key].append(timing)
                elif timing[0] < best[key][n][0]:
                    best[key][n] = timing
    counts = tally(pipeline.run((None, raw) for raw in raws))  # what (b) reads, counted once

    def total(key: str, name: str) -> Run:
        timings = best[key]
        return Run(name, len(texts), words, sum(t[0] for t in timings), max(t[2] for t in timings),
                   sum(t[1] for t in timings))

    a = total("a", f"(a) bare spaCy, batch_size={BARE_BATCH}")
    b = total("b", f"(b) peacewatch: prepare + parse + read, batch_size={pipeline.batch_size}")

    folder = tmp / "corpus"
    write_corpus(items, folder)
    add_seconds = [0.0]
    with Store(f"sqlite:///{tmp / 'scale.db'}") as store:
        add_batch = store.add_batch

        def timed_add_batch(batch, *args, **kwargs):
            start = time.perf_counter()
            try:
                return add_batch(batch, *args, **kwargs)
            finally:
                add_seconds[0] += time.perf_counter() - start

        store.add_batch = timed_add_batch
        with Load() as load:
            c_seconds, summary = timed(lambda: ingest([str(folder)], store, batch_size=BATCH_SIZE,
                                                      pipeline=pipeline))
        stored = store.counts()
    c = Run.of("(c) (b) + files + SQLite store (ingest)", len(texts), words, c_seconds, load)
    copy_seconds, _ = timed(lambda: find_copies(prepared))
    print(f"  (a) and (b) took turns on slices of {CHUNK} articles, {rounds} times over; each slice's fastest counts "
          "(others: the most of any slice):")
    for run in (a, b, c):
        print(run.line())
    print(f"  (b) read {counts['reports']} reports, {counts['failures']} failures: {counts['events']} events, "
          f"{counts['claims']} claims, {counts['agreements']} agreements")
    print(f"  (c) ingest summary: {summary.as_dict()}")
    print(f"  (c) store holds: {stored}; store.add_batch took {add_seconds[0]:.2f} s "
          f"({add_seconds[0] / c_seconds:.0%} of (c)); copy detection as ingest does it (minhash + index), "
          f"timed alone: {copy_seconds:.2f} s")
    print("  peacewatch throughput as a share of the bare pipeline's (bare time / peacewatch time; "
          "target >= 0.80, issue 16):")
    for mine in (b, c):
        key = mine.name[:3]
        print(f"    {key} / (a)  wall {a.seconds / mine.seconds:.2f}  cpu {a.cpu / mine.cpu:.2f}")
    return {"b": b, "c": c, "add_seconds": add_seconds[0], "copy_seconds": copy_seconds, "bare": bare}


def find_copies(prepared: list[Prepared | Failure]) -> int:
    """Near-copy detection over the articles as ingest runs it (a signature, a look-up, an add)."""
    index, copies = CopyIndex(), 0
    for ready in prepared:
        if isinstance(ready, Prepared):
            minhash = signature(ready.text)
            original = index.find_original(minhash)
            index.add(ready.article.id, minhash, original[0] if original else None)
            copies += original is not None
    return copies


def show_peak(peak: dict) -> str:
    hwm = f"{peak['hwm']:.0f} MB (VmHWM)" if peak.get("hwm") is not None else "VmHWM unknown"
    return f"{hwm}, getrusage ru_maxrss {peak['ru_maxrss']:.0f} MB"


def part_memory(articles: int, dask: dict | None) -> None:
    print("\n2. Peak memory (RSS) per process (target <= 1 GB)")
    with Load() as load:
        completed = subprocess.run([sys.executable, __file__, "--child-rss", "--articles", str(articles)],
                                   capture_output=True, text=True, timeout=900)
    lines = [line for line in completed.stdout.splitlines() if line.startswith("{")]
    if completed.returncode != 0 or not lines:
        print(f"  fresh process running (b) failed (exit {completed.returncode}): {completed.stderr[-2000:]}")
    else:
        child = json.loads(lines[-1])
        print(f"  fresh process, only (b) on {articles} articles: peak RSS {show_peak(child['peak'])}")
        print(f"    after loading model and lexicons (and 8 articles): peak {show_peak(child['loaded'])}, "
              f"current {child['loaded_now_mb']:.0f} MB; after (b): current {child['end_mb']:.0f} MB")
        print(f"    (b) took {child['seconds']:.2f} s there ({articles / child['seconds']:.1f} articles/s; "
              f"others: {load.cores:.2f} cores over the whole child)")
    if dask is None:
        print("  Dask worker: not measured (--skip-dask)")
    elif "error" in dask:
        print(f"  Dask worker: not measured ({dask['error']})")
    else:
        for address, rss in sorted(dask["rss"].items()):
            print(f"  Dask worker {address}: peak RSS {show_peak(rss)} in the worker; current RSS "
                  f"{rss['current_mb']:.0f} MB (psutil), after its share of {dask['articles']} articles x "
                  f"{2 * dask['rounds']} runs")
    print("  (ru_maxrss is carried over exec on Linux: a process started by a bigger one reports that one's "
          "peak if higher; VmHWM is the process's own)")


# ---------------------------------------------------------------------------------------------
# Dask


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def stop(processes: list[subprocess.Popen]) -> None:
    """Stop the processes this script started and the children they spawned (the nanny's worker)."""
    tree: list[psutil.Process] = []
    for proc in processes:
        try:
            parent = psutil.Process(proc.pid)
            tree.extend(parent.children(recursive=True))
        except psutil.NoSuchProcess:
            pass
    for proc in reversed(processes):
        if proc.poll() is None:
            proc.terminate()
    for proc in reversed(processes):
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)
    _, alive = psutil.wait_procs(tree, timeout=10)
    for child in alive:
        child.kill()


def part_dask(prepared: list[Prepared], warm: list[Prepared], tmp: Path, rounds: int = 2) -> dict:
    """Time the same batches on 1 and 2 local Dask workers, each warmed first, taking turns."""
    from distributed import Client

    dask_cli = str(Path(sys.executable).parent / "dask")
    port = free_port()
    address = f"tcp://127.0.0.1:{port}"
    batches = [prepared[i:i + DASK_BATCH] for i in range(0, len(prepared), DASK_BATCH)]
    words = count_words(prepared)
    processes: list[subprocess.Popen] = []
    logs = tmp / "dask-logs"
    logs.mkdir(exist_ok=True)

    def start(name: str, args: list[str]) -> None:
        log = open(logs / f"{name}.log", "wb")  # held open for the process's life
        processes.append(subprocess.Popen([dask_cli, *args], stdout=log, stderr=subprocess.STDOUT,
                                          cwd=tmp))

    def start_worker(n: int) -> None:
        start(f"worker{n}", ["worker", address, "--nworkers", "1", "--nthreads", "1", "--no-dashboard",
                             "--host", "127.0.0.1", "--local-directory", str(tmp / f"worker{n}"),
                             "--name", f"w{n}"])

    def our_cpu() -> float:
        total = own_cpu()
        for proc in processes:
            try:
                parent = psutil.Process(proc.pid)
                members = [parent, *parent.children(recursive=True)]
            except psutil.NoSuchProcess:
                continue
            for member in members:
                try:
                    t = member.cpu_times()
                    total += t.user + t.system
                except psutil.NoSuchProcess:
                    pass
        return total

    def timed_batches(client: Client, name: str, only: str | None = None) -> tuple[Run, dict[str, int]]:
        placement = {"workers": [only], "allow_other_workers": False} if only else {}
        with Load(our_cpu) as load:
            start_at = time.perf_counter()
            futures = [client.submit(read_prepared, batch, pure=False, **placement) for batch in batches]
            results = client.gather(futures)
            seconds = time.perf_counter() - start_at
        return Run.of(name, len(prepared), words, seconds, load), tally(r for batch in results for r in batch)

    def warm_worker(client: Client, worker: str) -> float:
        seconds, _ = timed(lambda: client.submit(read_prepared, warm, pure=False, workers=[worker],
                                                 allow_other_workers=False).result())
        return seconds

    out: dict = {"articles": len(prepared)}
    client = None
    try:
        start("scheduler", ["scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard"])
        start_worker(1)
        start_worker(2)
        client = Client(address, set_as_default=False, timeout=60)
        client.wait_for_workers(2, timeout=120)
        first, second = sorted(client.scheduler_info()["workers"])
        warm1, warm2 = warm_worker(client, first), warm_worker(client, second)
        # 1 worker (the batches held to the first) and 2 workers take turns, `rounds` times, and the
        # fastest of each counts, as in part 1: this machine's speed drifts.
        ones, twos = [], []
        for _ in range(rounds):
            ones.append(timed_batches(client, "1 worker", only=first))
            twos.append(timed_batches(client, "2 workers"))
        (one, one_counts), (two, two_counts) = (min(runs, key=lambda r: r[0].seconds) for runs in (ones, twos))
        pids = client.run(os.getpid)
        peaks = client.run(peak_rss)  # sent by value, as it lives in __main__
        out["rss"] = {w: {**peaks[w], "current_mb": psutil.Process(pid).memory_info().rss / 2**20}
                      for w, pid in pids.items()}
        out.update(one=one, two=two, counts=(one_counts, two_counts), warm=(warm1, warm2), batches=len(batches),
                   rounds=rounds)
    except Exception as exc:  # the benchmark goes on to part 4; the cause is printed
        out["error"] = f"{type(exc).__name__}: {exc}"
        for log in sorted(logs.glob("*.log")):
            tail = log.read_text(errors="replace").splitlines()[-5:]
            out["error"] += f"\n    {log.name}: " + "\n      ".join(tail)
    finally:
        if client is not None:
            client.close()
        stop(processes)
    return out


def print_dask(dask: dict | None, single: Run) -> None:
    print("\n3. Local Dask workers, 2 against 1 (target >= 1.7 on 2 cores)")
    if dask is None:
        print("  skipped (--skip-dask)")
        return
    if "error" in dask:
        print(f"  failed: {dask['error']}")
        return
    print(f"  {dask['articles']} articles in {dask['batches']} batches of {DASK_BATCH}, "
          f"client.submit(read_prepared, batch, pure=False); each worker --nthreads 1, warmed first "
          f"(warm-up incl. model load: {dask['warm'][0]:.1f} s, {dask['warm'][1]:.1f} s); 1 worker (batches "
          f"held to one) and 2 took turns {dask['rounds']} times, the fastest of each counts")
    for run in (dask["one"], dask["two"]):
        print(run.line())
    for name, counts in zip(("1 worker", "2 workers"), dask["counts"], strict=True):
        print(f"    {name}: {counts['reports']} reports, {counts['failures']} failures, {counts['events']} events")
    one, two = dask["one"], dask["two"]
    print(f"  ratio 2 workers / 1 worker: {two.per_second / one.per_second:.2f}")
    print(f"    cores our processes got on average: 1 worker {one.cpu / one.seconds:.2f}, 2 workers "
          f"{two.cpu / two.seconds:.2f} (of {os.cpu_count()}; others took {one.others:.2f} and {two.others:.2f}); "
          f"CPU per article {one.cpu / one.articles * 1000:.0f} ms and {two.cpu / two.articles * 1000:.0f} ms")
    print(f"  for comparison, (b) in process: {single.per_second:.1f} articles/s (it also prepares, which "
          f"the client did before submitting here)")


# ---------------------------------------------------------------------------------------------
# Profile


def module_of(filename: str) -> str | None:
    """'peacewatch.resolve.time' for a file of the package, else None."""
    if not filename.startswith(PACKAGE_ROOT):
        return None
    return filename[len(PACKAGE_ROOT):].removesuffix(".py").replace(os.sep, ".").removesuffix(".__init__")


def entered_time(stats: dict, modules: set[str]) -> float:
    """Cumulative time spent in `modules`, counting only calls entered from outside them, so that
    nested calls inside the modules are not counted twice."""
    total = 0.0
    for (filename, _, _), (_, _, _, _, callers) in stats.items():
        if module_of(filename) not in modules:
            continue
        for (caller_file, _, _), edge in callers.items():
            if module_of(caller_file) not in modules:
                total += edge[3]
    return total


def split_components(nlp: Language, texts: list[str], batch_size: int) -> tuple[list[Doc], dict[str, float]]:
    """Parse component by component (as nlp.pipe chains them), timing each."""
    seconds, docs = timed(lambda: [nlp.make_doc(text) for text in texts])
    times = {"tokenizer": seconds}
    for name, proc in nlp.pipeline:
        if hasattr(proc, "pipe"):
            seconds, docs = timed(lambda proc=proc, docs=docs: list(proc.pipe(docs, batch_size=batch_size)))
        else:
            seconds, docs = timed(lambda proc=proc, docs=docs: [proc(doc) for doc in docs])
        times[name] = seconds
    return docs, times


def time_extraction(prepared: list[Prepared], docs: list[Doc]) -> dict[str, float]:
    """Seconds in each step of read_doc, summed over the parsed docs (the steps as read_doc calls them)."""
    steps = dict.fromkeys(("context (new_context)", "events", "claims", "agreements"), 0.0)
    names = list(steps)
    for ready, doc in zip(prepared, docs, strict=True):
        t0 = time.perf_counter()
        ctx = new_context(doc, ready.published)
        t1 = time.perf_counter()
        events = extract_events(doc, ready.published, ctx=ctx)
        t2 = time.perf_counter()
        claims = extract_claims(doc, ctx, events)
        t3 = time.perf_counter()
        extract_agreements(doc, ctx, events, claims)
        t4 = time.perf_counter()
        for name, seconds in zip(names, (t1 - t0, t2 - t1, t3 - t2, t4 - t3), strict=True):
            steps[name] += seconds
    return steps


def profile_read(pipeline: Pipeline, raws: list[RawArticle]) -> tuple[dict, float, dict[str, float]]:
    """cProfile of prepare + read: (the raw stats, read_doc's profiled seconds, profiled seconds
    entered into each resolve module)."""
    profiler = cProfile.Profile()
    profiler.enable()
    list(pipeline.read(prepare_all(pipeline, raws)))
    profiler.disable()
    stats = pstats.Stats(profiler).stats
    read_doc = sum(ct for (f, _, fn), (_, _, _, ct, _) in stats.items()
                   if fn == "read_doc" and module_of(f) == "peacewatch.runner.pipeline")
    resolution = {m: entered_time(stats, {m}) for m in RESOLVE_MODULES}
    return stats, read_doc or 1e-9, resolution


def part_profile(items: list[Item], nlp: Language, bare: Language, storage: dict) -> None:
    print(f"\n4. Where extraction time goes ({len(items)} articles, one process)")
    with Load() as load:
        pipeline = Pipeline(nlp)
        raws = [item.raw() for item in items]
        prepare_seconds, prepared = timed(lambda: [p for p in prepare_all(pipeline, raws) if isinstance(p, Prepared)])
        texts = [p.text for p in prepared]
        batch = pipeline.batch_size

        def parse(model: Language) -> None:
            for _ in model.pipe(texts, batch_size=batch):
                pass

        bare_seconds, _ = timed(lambda: parse(bare))
        full_seconds, _ = timed(lambda: parse(nlp))
        docs, components = split_components(nlp, texts, batch)

        steps = time_extraction(prepared, docs)
        extraction = sum(steps.values())
        # a second pass, profiled, on fresh docs (a parsed doc caches things on its user_data)
        stats, read_doc_profiled, resolution = profile_read(pipeline, raws)

    print(f"  nlp.pipe, batch_size={batch}: bare model {bare_seconds:.2f} s, peacewatch pipeline "
          f"{full_seconds:.2f} s, difference {full_seconds - bare_seconds:+.2f} s (others: {load.cores:.2f} cores "
          "over part 4's measures)")
    print("  components one at a time: " + ", ".join(f"{k} {v:.2f}" for k, v in components.items())
          + f" (sum {sum(components.values()):.2f} s)")

    pw_components = [n for n in components if n.startswith("pw_")]
    model_seconds = sum(v for k, v in components.items() if k not in pw_components)
    scale = len(prepared) / storage["articles"]
    add_seconds = storage["add_seconds"] * scale
    copy_seconds = storage["copy_seconds"] * scale
    other_ingest = (storage["c"].seconds - storage["b"].seconds - storage["add_seconds"]) * scale - copy_seconds
    rows = [(f"spaCy model (tokenizer + {len(components) - len(pw_components) - 1} components)", model_seconds),
            ("peacewatch spaCy components (" + ", ".join(pw_components) + ")",
             sum(components[k] for k in pw_components)),
            ("prepare (clean, English check)", prepare_seconds),
            *[(f"extract: {name}", seconds) for name, seconds in steps.items()],
            ("storage: store.add_batch (from 1c, scaled)", add_seconds),
            ("copy detection: minhash + index (from 1c, scaled)", copy_seconds),
            ("rest of ingest: files, known ids (1c - 1b - add_batch - copies)", other_ingest)]
    total = sum(seconds for _, seconds in rows)
    print(f"\n  {'stage':70s} {'seconds':>8s} {'share':>6s}")
    for name, seconds in rows:
        print(f"  {name:70s} {seconds:8.2f} {seconds / total:6.1%}")
        if name == "extract: agreements":
            for module, profiled in resolution.items():
                share = profiled / read_doc_profiled
                print(f"    {'of which ' + module + ' (cProfile share of extraction)':68s} "
                      f"{share * extraction:8.2f} {share * extraction / total:6.1%}")
    print(f"  {'total':70s} {total:8.2f}")
    print(f"  (resolution rows lie inside the extract rows: the cProfile share of read_doc's time, "
          f"{', '.join(f'{m.rsplit(chr(46), 1)[1]} {v:.2f} s' for m, v in resolution.items())} of "
          f"{read_doc_profiled:.2f} s profiled, applied to the {extraction:.2f} s timed without profiler)")

    print_top(stats, "cumulative", 3)
    print_top(stats, "own", 2)


def print_top(stats: dict, by: str, field: int, count: int = 10) -> None:
    """The package's `count` functions with the most time in a cProfile stats field."""
    ours = sorted(((key, value) for key, value in stats.items() if module_of(key[0])),
                  key=lambda kv: kv[1][field], reverse=True)
    print(f"\n  top {count} peacewatch functions by {by} time (cProfile pass: prepare + parse + read)")
    print(f"  {'cumulative':>10s} {'own':>8s} {'calls':>8s}  function")
    for (filename, line, function), (_, calls, own, cumulative, _) in ours[:count]:
        print(f"  {cumulative:10.2f} {own:8.2f} {calls:8d}  {module_of(filename)}:{function} (line {line})")


# ---------------------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=1000, help="articles for parts 1 and 2 (default 1000)")
    parser.add_argument("--dask-articles", type=int, default=400, help="articles for part 3 (default 400)")
    parser.add_argument("--profile-articles", type=int, default=300, help="articles for part 4 (default 300)")
    parser.add_argument("--rounds", type=int, default=2, help="alternating timings of (a) and (b) in part 1, "
                        "the fastest of each counts (default 2)")
    parser.add_argument("--skip-dask", action="store_true", help="leave out part 3 (and the Dask worker's RSS)")
    parser.add_argument("--child-rss", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child_rss:
        child_rss(args.articles)
        return

    print(f"peacewatch scale benchmark on {os.cpu_count()} cores ({psutil.cpu_count(logical=False)} physical), "
          f"{psutil.virtual_memory().total / 2**30:.0f} GiB RAM, Python {platform.python_version()}, "
          f"spaCy {spacy.__version__}")
    begun = time.perf_counter()
    items = build_corpus(max(args.articles, args.dask_articles + DASK_BATCH, args.profile_articles))
    nlp = get_nlp()
    with tempfile.TemporaryDirectory(prefix="pw-scale-") as tmp:
        first = part_throughput(items[:args.articles], nlp, Path(tmp), rounds=max(1, args.rounds))
        dask = None
        if not args.skip_dask:
            pipeline = Pipeline(nlp)
            # the timed articles are the last ones, the warm-up batch comes from before them
            ready = [p for p in prepare_all(pipeline, (i.raw() for i in items)) if isinstance(p, Prepared)]
            dask = part_dask(ready[-args.dask_articles:], ready[:DASK_BATCH], Path(tmp), rounds=max(1, args.rounds))
        part_memory(args.articles, dask)
        print_dask(dask, first["b"])
        part_profile(items[:args.profile_articles], nlp, first["bare"],
                     {"articles": args.articles, **first})
    print(f"\n(whole run {time.perf_counter() - begun:.0f} s)")


if __name__ == "__main__":
    main()
