"""Neo4j ingest throughput: capexgraph's batched loader against a naive one, side by side.

The naive loader sends one auto-commit statement per relation (MERGE both ends, MERGE the
relationship, SET its amount), which is how a first script usually loads a graph. The floor is
what this server can do at best through Bolt: the same relationships with the properties
capexgraph stores, created by `UNWIND ... CREATE` in 20,000-row transactions between entities
made beforehand, with no merging, no articles and no name keys; no loader that keeps
capexgraph's data model can beat it. All start from an empty database with the same
uniqueness constraints. Needs NEO4J_URI, NEO4J_USERNAME
and NEO4J_PASSWORD (`make bench-neo4j` starts a server). Run:
`python bench/neo4j_ingest.py [RELATIONS]` (default 100000).
"""

from __future__ import annotations

import os
import sys
import time
from collections import defaultdict
from datetime import date
from typing import Any

from neo4j import Driver, GraphDatabase

from bench.synthetic import extractions
from capexgraph.graph.neo4j_store import Neo4jStore
from capexgraph.graph.neo4j_write import BATCH_RELATIONS, edge_row, stored_evidence
from capexgraph.schema import ArticleExtraction

FLOOR = """
UNWIND $rows AS row
MATCH (s:Entity {id: row.source}), (t:Entity {id: row.target})
CREATE (s)-[r:%s]->(t)
SET r = row.props
"""

NAIVE = """
MERGE (s:Entity {id: $source})
MERGE (t:Entity {id: $target})
MERGE (s)-[r:%s]->(t)
SET r.amount_usd = $usd, r.status = $status
"""


def wipe(driver: Driver) -> None:
    """Empty the database in small transactions: relationships first, so that deleting a hub
    does not put its thousands of relationships into one transaction."""
    with driver.session() as session:
        session.run("MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 20000 ROWS"
                    ).consume()
        session.run("MATCH (n) CALL (n) { DELETE n } IN TRANSACTIONS OF 20000 ROWS").consume()


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


def floor(driver: Driver, data: list[ArticleExtraction]) -> float:
    """Seconds to create the relationships alone, each with the properties the batched loader
    stores (one statement each, as the rows of a first ingest)."""
    today = date.today()
    rows: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for ex in data:
        for rel in ex.relations:
            key = (rel.type, rel.source, rel.target, rel.role or "")
            evidence = [stored_evidence(ex.article, rel, today)]
            rows[rel.type].append({"source": rel.source, "target": rel.target,
                                   "props": edge_row(key, evidence)})
    entities = list({e.id for ex in data for e in ex.entities})
    driver.execute_query("UNWIND $ids AS id CREATE (:Entity {id: id})", ids=entities)
    start = time.perf_counter()
    for rel_type, typed in rows.items():
        for i in range(0, len(typed), BATCH_RELATIONS):
            driver.execute_query(FLOOR % rel_type, rows=typed[i:i + BATCH_RELATIONS])
    return time.perf_counter() - start


def main(relations: int) -> None:
    data = list(extractions(relations))
    count = sum(len(ex.relations) for ex in data)
    with GraphDatabase.driver(os.environ["NEO4J_URI"], notifications_min_severity="OFF",
                              auth=(os.environ.get("NEO4J_USERNAME", "neo4j"),
                                    os.environ.get("NEO4J_PASSWORD", ""))) as driver:
        wipe(driver)
        ours = batched(driver, data)
        edges = driver.execute_query("MATCH (:Entity)-[r]->(:Entity) RETURN count(r) AS n"
                                     ).records[0]["n"]
        wipe(driver)
        Neo4jStore(driver).ensure_schema()
        slow = naive(driver, data)
        wipe(driver)
        Neo4jStore(driver).ensure_schema()
        best = floor(driver, data)
        wipe(driver)
    print(f"relations={count} articles={len(data)} distinct_edges_stored={edges}")
    print(f"naive one-statement-per-relation: {slow:8.2f} s  {count / slow:10,.0f} relations/s")
    print(f"capexgraph batched loader       : {ours:8.2f} s  {count / ours:10,.0f} relations/s")
    print(f"floor: bare UNWIND CREATE        : {best:8.2f} s  {count / best:10,.0f} relations/s")
    print(f"speed-up over naive = {slow / ours:.1f}x; share of the floor = {best / ours:.2f}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)
