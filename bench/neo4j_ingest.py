"""Neo4j ingest throughput: capexgraph's batched loader against a naive one, side by side.

The naive loader sends one auto-commit statement per relation (MERGE both ends, MERGE the
relationship, SET its amount), which is how a first script usually loads a graph. Both start
from an empty database with the same uniqueness constraints. Needs NEO4J_URI, NEO4J_USERNAME
and NEO4J_PASSWORD (`make bench-neo4j` starts a server). Run:
`python bench/neo4j_ingest.py [RELATIONS]` (default 100000).
"""

from __future__ import annotations

import os
import sys
import time

from neo4j import Driver, GraphDatabase

from bench.synthetic import extractions
from capexgraph.graph.neo4j_store import Neo4jStore
from capexgraph.schema import ArticleExtraction

NAIVE = """
MERGE (s:Entity {id: $source})
MERGE (t:Entity {id: $target})
MERGE (s)-[r:%s]->(t)
SET r.amount_usd = $usd, r.status = $status
"""


def wipe(driver: Driver) -> None:
    with driver.session() as session:
        session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 20000 ROWS"
                    ).consume()


def naive(driver: Driver, data: list[ArticleExtraction]) -> float:
    start = time.perf_counter()
    with driver.session() as session:
        for ex in data:
            for rel in ex.relations:
                session.run(NAIVE % rel.type, source=rel.source, target=rel.target,
                            usd=rel.amount.value_usd if rel.amount else None,
                            status=rel.status).consume()
    return time.perf_counter() - start


def batched(driver: Driver, data: list[ArticleExtraction]) -> float:
    store = Neo4jStore(driver, location="bench")
    store.ensure_schema()
    start = time.perf_counter()
    store.ingest(data)
    return time.perf_counter() - start


def main(relations: int) -> None:
    data = list(extractions(relations))
    count = sum(len(ex.relations) for ex in data)
    with GraphDatabase.driver(os.environ["NEO4J_URI"], notifications_min_severity="OFF",
                              auth=(os.environ.get("NEO4J_USERNAME", "neo4j"),
                                    os.environ.get("NEO4J_PASSWORD", ""))) as driver:
        wipe(driver)
        ours = batched(driver, data)
        edges = driver.execute_query("MATCH ()-[r]->() RETURN count(r) AS n").records[0]["n"]
        wipe(driver)
        Neo4jStore(driver).ensure_schema()
        slow = naive(driver, data)
        wipe(driver)
    print(f"relations={count} articles={len(data)} distinct_edges_stored={edges}")
    print(f"naive one-statement-per-relation: {slow:8.2f} s  {count / slow:10,.0f} relations/s")
    print(f"capexgraph batched loader       : {ours:8.2f} s  {count / ours:10,.0f} relations/s")
    print(f"speed-up = {slow / ours:.1f}x")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)
