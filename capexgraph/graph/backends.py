"""Open the store the user chose: the embedded file, or a Neo4j server from its settings.

Neo4j settings use the names the official tools use: NEO4J_URI, NEO4J_USERNAME,
NEO4J_PASSWORD, NEO4J_DATABASE (or the matching --neo4j-* options).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from neo4j import Driver, GraphDatabase

from capexgraph.graph.embedded import EmbeddedStore
from capexgraph.graph.neo4j_errors import neo4j_errors
from capexgraph.graph.neo4j_store import Neo4jStore
from capexgraph.graph.store import GraphStore

Backend = Literal["embedded", "neo4j"]
BACKENDS: tuple[Backend, ...] = ("embedded", "neo4j")


@dataclass(frozen=True)
class Neo4jSettings:
    uri: str = "bolt://localhost:7687"
    username: str = "neo4j"
    password: str = field(default="", repr=False)
    database: str | None = None

    @property
    def location(self) -> str:
        return self.uri + (f" (database {self.database})" if self.database else "")


@contextmanager
def neo4j_driver(settings: Neo4jSettings) -> Iterator[Driver]:
    """A connected driver, checked before use so that a wrong address or password is one
    plain sentence rather than a failure halfway through a command."""
    with neo4j_errors(settings.location):
        driver = GraphDatabase.driver(settings.uri, auth=(settings.username, settings.password),
                                      notifications_min_severity="OFF")
        try:
            driver.verify_connectivity()
        except BaseException:
            driver.close()
            raise
    try:
        yield driver
    finally:
        driver.close()


@contextmanager
def open_store(backend: Backend, store_path: Path | None, neo4j: Neo4jSettings, *,
               create: bool) -> Iterator[GraphStore]:
    if backend == "neo4j":
        with neo4j_driver(neo4j) as driver:
            yield Neo4jStore(driver, neo4j.database, neo4j.location)
        return
    store = EmbeddedStore.open(store_path, create=create)
    try:
        yield store
    finally:
        store.close()
