"""Exposure latency and store open time on synthetic graphs of 10k, 100k and 1M relations.

For each size: ingest the synthetic graph (bench/synthetic.py: power-law degrees, realistic
type mix) into a fresh embedded store, time opening it (file to graph ready), then time
4-hop `exposure FROM --to TARGET --limit 50` queries between random funds and companies,
on the embedded store and, when NEO4J_URI is set, on Neo4j. Prints p50/p95 per backend. Each
backend has answered the first five queries once before it is timed (the embedded store
while counting chains per query; Neo4j then compiles its plans and warms its caches, as a
server analysts keep running would have).
Run: `python -m bench.exposure_latency [SIZES...]`, e.g. `python -m bench.exposure_latency
10000 100000`.
"""

from __future__ import annotations

import gc
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from bench.synthetic import extractions
from capexgraph import analyst
from capexgraph.graph.embedded import EmbeddedStore
from capexgraph.graph.store import GraphStore

QUERIES = 40


def _pairs(store: EmbeddedStore, n: int, seed: int = 3) -> list[tuple[str, str]]:
    rng = random.Random(seed)
    nodes = list(store.graph.nodes)
    funds = [x for x in nodes if x.startswith("fund-")]
    companies = [x for x in nodes if x.startswith("company-")]
    return [(rng.choice(funds[:50]), rng.choice(companies[:2000])) for _ in range(n)]


def _latencies(store: GraphStore, pairs: list[tuple[str, str]]) -> list[float]:
    out = []
    for origin, target in pairs:
        start = time.perf_counter()
        analyst.exposure(store, origin, target, max_hops=4, limit=50)
        out.append((time.perf_counter() - start) * 1000)
    return out


def _p(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100)[int(q) - 1] if len(values) > 1 else values[0]


def main(sizes: list[int]) -> None:
    print(f"{'relations':>10} {'backend':>9} {'open s':>7} {'p50 ms':>8} {'p95 ms':>8} "
          f"{'chains/q':>8}")
    for size in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "g.sqlite"
            writer = EmbeddedStore.open(path)
            writer.ingest(extractions(size))
            writer.close()
            start = time.perf_counter()
            store = EmbeddedStore.open(path)
            store.graph  # noqa: B018  # open means ready to answer: the graph is loaded
            opened = time.perf_counter() - start
            pairs = _pairs(store, QUERIES)
            chains = statistics.mean(
                len(analyst.exposure(store, a, b, max_hops=4, limit=50).chains)
                for a, b in pairs[:5])
            lat = _latencies(store, pairs)
            print(f"{size:>10} {'embedded':>9} {opened:>7.2f} {_p(lat, 50):>8.1f} "
                  f"{_p(lat, 95):>8.1f} {chains:>8.1f}", flush=True)
            store.close()
            del store
            if os.environ.get("NEO4J_URI"):
                _neo4j(path, size, pairs)


def _neo4j(path: Path, size: int, pairs: list[tuple[str, str]]) -> None:
    """Neo4j loaded from the same store file; timed once the embedded graph is gone from
    memory, as in an analyst's process, where its millions of objects would only slow the
    collector."""
    from neo4j import GraphDatabase

    from bench.neo4j_ingest import wipe
    from capexgraph.graph.neo4j_store import Neo4jStore

    with GraphDatabase.driver(os.environ["NEO4J_URI"], notifications_min_severity="OFF",
                              auth=(os.environ.get("NEO4J_USERNAME", "neo4j"),
                                    os.environ.get("NEO4J_PASSWORD", ""))) as driver:
        wipe(driver)
        embedded = EmbeddedStore.open(path)
        Neo4jStore(driver, location="bench").ingest(embedded.extractions())
        embedded.close()
        del embedded
        gc.collect()
        # warmed as the embedded store was (its first five queries, counting chains), with a
        # store of its own so that the timed one remembers no walk
        _latencies(Neo4jStore(driver, location="bench"), pairs[:5])
        store = Neo4jStore(driver, location="bench")
        lat = _latencies(store, pairs)
        print(f"{size:>10} {'neo4j':>9} {'':>7} {_p(lat, 50):>8.1f} {_p(lat, 95):>8.1f}",
              flush=True)


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [10_000, 100_000, 1_000_000])
