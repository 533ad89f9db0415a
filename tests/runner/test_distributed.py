"""Parsing on other processes: a local process pool gives the same store as one process, and a real
Dask scheduler with two workers (separate processes on loopback) ingests a corpus; a worker
killed mid-batch costs a retry, not data."""

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from peacewatch.runner.ingest import ingest
from peacewatch.samples import corpus_folder
from peacewatch.store import Store

DASK = Path(sys.executable).parent / "dask"


def _corpus(tmp_path, count=12):
    folder = tmp_path / "corpus"
    folder.mkdir()
    for path in sorted(corpus_folder().glob("*.txt"))[:count]:
        (folder / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
        meta = path.with_suffix(".meta.json")
        (folder / meta.name).write_text(meta.read_text(encoding="utf-8"), encoding="utf-8")
    return folder


def _port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_a_local_pool_stores_what_one_process_stores(tmp_path):
    folder = _corpus(tmp_path, 8)
    one = Store(f"sqlite:///{tmp_path / 'one.db'}")
    pool = Store(f"sqlite:///{tmp_path / 'pool.db'}")
    ingest([str(folder)], one, batch_size=3)
    summary = ingest([str(folder)], pool, batch_size=3, workers=2)
    assert summary.new == 8
    assert pool.counts() == one.counts()
    assert {e["evidence"] for e in pool.events()} == {e["evidence"] for e in one.events()}


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    if not DASK.exists():
        pytest.skip("dask is not installed")
    port = _port()
    address = f"tcp://127.0.0.1:{port}"
    folder = tmp_path_factory.mktemp("dask")
    scheduler = subprocess.Popen([str(DASK), "scheduler", "--host", "127.0.0.1", "--port", str(port),
                                  "--no-dashboard"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                 cwd=folder)
    workers = [subprocess.Popen([str(DASK), "worker", address, "--nworkers", "1", "--nthreads", "1",
                                 "--no-dashboard", "--name", f"w{n}", "--local-directory", str(folder / f"w{n}")],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=folder,
                                start_new_session=True) for n in (1, 2)]
    from distributed import Client

    client = Client(address, timeout=60, set_as_default=False)
    client.wait_for_workers(2, timeout=120)
    yield address, client, workers
    client.close()
    for process in (*workers, scheduler):
        process.terminate()
    for process in (*workers, scheduler):
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()


def test_ingest_on_a_dask_cluster(cluster, tmp_path):
    address, _, _ = cluster
    folder = _corpus(tmp_path, 12)
    store = Store(f"sqlite:///{tmp_path / 'dask.db'}")
    summary = ingest([str(folder)], store, batch_size=3, scheduler=address)
    assert summary.new == 12 and store.counts()["articles"] == 12
    local = Store(f"sqlite:///{tmp_path / 'local.db'}")
    ingest([str(folder)], local, batch_size=3)
    assert store.counts() == local.counts()


def test_a_worker_lost_mid_batch_costs_a_retry_not_data(cluster, tmp_path):
    from peacewatch.ingest import read_article
    from peacewatch.runner.distributed import RETRIES, read_prepared
    from peacewatch.runner.pipeline import Pipeline

    address, client, workers = cluster
    pipeline = Pipeline()
    paths = sorted(_corpus(tmp_path, 12).glob("*.txt"))
    prepared = [pipeline.prepare(None, read_article(p)) for p in paths]
    batches = [prepared[i:i + 2] for i in range(0, len(prepared), 2)]
    futures = [client.submit(read_prepared, batch, pure=False, retries=RETRIES) for batch in batches]
    time.sleep(0.5)
    victim = workers[0]
    os.killpg(victim.pid, signal.SIGKILL)  # the worker and its nanny, mid-batch
    results = client.gather(futures)
    assert [len(r) for r in results] == [len(b) for b in batches]
    assert all(hasattr(report, "events") for batch in results for report in batch)
