"""The real Neo4j server the tests use: the one `scripts/neo4j start` runs (make test starts
it), found through NEO4J_URI / NEO4J_USERNAME / NEO4J_PASSWORD."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from neo4j import Driver, GraphDatabase

from capexgraph.graph.backends import Neo4jSettings


def settings() -> Neo4jSettings:
    return Neo4jSettings(os.environ["NEO4J_URI"], os.environ.get("NEO4J_USERNAME", "neo4j"),
                         os.environ.get("NEO4J_PASSWORD", ""))


def require_server() -> None:
    """Skip without a server, with the reason on one line; in CI a missing server fails."""
    if os.environ.get("NEO4J_URI"):
        return
    reason = "no Neo4j server: NEO4J_URI is not set (make test starts one when java and mvn exist)"
    if os.environ.get("CI") == "true":
        pytest.fail(reason)
    pytest.skip(reason)


def driver() -> Iterator[Driver]:
    require_server()
    s = settings()
    with GraphDatabase.driver(s.uri, auth=(s.username, s.password),
                              notifications_min_severity="OFF") as d:
        yield d


def wipe(d: Driver) -> None:
    with d.session() as session:
        session.run("MATCH (n) DETACH DELETE n").consume()
