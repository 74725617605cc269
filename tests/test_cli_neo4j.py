"""The CLI on the Neo4j backend, against the real server: push, query, their failures, and
stores written by an earlier version."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from neo4j import Driver

from capexgraph.cli import cli
from capexgraph.errors import NotFound
from capexgraph.graph.neo4j_store import Neo4jStore
from tests import neo4j_server
from tests.conftest import SAMPLES
from tests.factories import extraction


@pytest.fixture
def neo4j(neo4j_driver: Driver) -> Iterator[dict[str, str]]:
    neo4j_server.wipe(neo4j_driver)
    yield {"CAPEXGRAPH_BACKEND": "neo4j", "NEO4J_URI": os.environ["NEO4J_URI"],
           "NEO4J_USERNAME": os.environ.get("NEO4J_USERNAME", "neo4j"),
           "NEO4J_PASSWORD": os.environ.get("NEO4J_PASSWORD", "")}


def test_push_copies_the_embedded_store(runner: CliRunner, neo4j: dict[str, str],
                                        tmp_path: Path) -> None:
    store = tmp_path / "g.sqlite"
    assert runner.invoke(cli, ["--backend", "embedded", "ingest", str(SAMPLES),
                               "--store", str(store)]).exit_code == 0
    pushed = runner.invoke(cli, ["push", "--store", str(store)], env=neo4j)
    assert pushed.exit_code == 0, pushed.output
    assert "13 new" in pushed.output
    local = runner.invoke(cli, ["--backend", "embedded", "stats", "--store", str(store),
                                "--format", "json"]).output
    remote = runner.invoke(cli, ["stats", "--format", "json"], env=neo4j).output
    strip = [r for r in json.loads(local) if r["name"] != "location"]
    assert strip == [r for r in json.loads(remote) if r["name"] != "location"]
    again = runner.invoke(cli, ["push", "--store", str(store)], env=neo4j)
    assert "0 new, 0 updated and 13 unchanged" in again.output


def test_query_with_parameters_and_formats(runner: CliRunner, neo4j: dict[str, str]) -> None:
    runner.invoke(cli, ["ingest", str(SAMPLES / "01_nvidia_intel_wire.txt")], env=neo4j)
    result = runner.invoke(cli, [
        "query", "MATCH (i:Entity {id: $id})-[r:INVESTS_IN]->(t) RETURN t.name AS target, "
        "r.amount_usd AS usd", "--param", "id=nvidia", "--format", "jsonl"], env=neo4j)
    assert result.exit_code == 0, result.output
    assert [json.loads(line) for line in result.output.splitlines()] == [
        {"target": "Intel", "usd": 5e9}]


@pytest.mark.parametrize(("args", "message"), [
    (["query", "CREATE (:Entity {id: 'x'})"], "run it again with --write"),
    (["query", "MATC (n) RETURN n"], "The Cypher query has a syntax error"),
    (["--neo4j-password", "wrong-password", "stats"], "refused the user name or password"),
    (["--neo4j-uri", "bolt://127.0.0.1:9", "stats"], "is the server running?"),
    (["--neo4j-database", "nosuchdb", "stats"], "has no such database"),
])
def test_neo4j_failures_are_one_sentence(runner: CliRunner, neo4j: dict[str, str],
                                         args: list[str], message: str) -> None:
    result = runner.invoke(cli, args, env=neo4j)
    assert result.exit_code == 1
    assert message in result.output and "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert neo4j["NEO4J_PASSWORD"] not in result.output or not neo4j["NEO4J_PASSWORD"]


def test_write_allowed_with_flag(runner: CliRunner, neo4j: dict[str, str]) -> None:
    result = runner.invoke(cli, ["query", "CREATE (a:Scratch {n: 1}) RETURN a.n AS n",
                                 "--write", "--format", "json"], env=neo4j)
    assert json.loads(result.output) == [{"n": 1}]


def test_embedded_names_an_unsupported_clause(runner: CliRunner, tmp_path: Path) -> None:
    store = tmp_path / "g.sqlite"
    runner.invoke(cli, ["ingest", str(SAMPLES / "01_nvidia_intel_wire.txt"),
                        "--store", str(store)])
    result = runner.invoke(cli, ["query", "MATCH (n) WITH n RETURN n.name", "--store",
                                 str(store)])
    assert result.exit_code == 1 and "does not support 'WITH'" in result.output


def test_a_store_from_before_lookup_keys_gets_them_on_the_next_ingest(
        neo4j_driver: Driver) -> None:
    neo4j_server.wipe(neo4j_driver)
    store = Neo4jStore(neo4j_driver, location="test neo4j")
    store.ingest([extraction("a1", [("Acmeco", "Zenithco")])])  # names no gazetteer knows
    neo4j_driver.execute_query(  # as the first version of the backend wrote it
        "MATCH (k:LookupKey) WITH collect(k) AS keys "
        "MATCH (e:Entity) SET e.lookup = [e.name, toLower(e.name)] "
        "FOREACH (k IN keys | DELETE k)")
    with pytest.raises(NotFound):
        Neo4jStore(neo4j_driver).resolve("zenithco")
    later = Neo4jStore(neo4j_driver, location="test neo4j")
    later.ingest([extraction("a2", [("Acmeco", "Intel")])])
    assert later.resolve("zenithco").name == "Zenithco"
    left = neo4j_driver.execute_query("MATCH (e:Entity) WHERE e.lookup IS NOT NULL "
                                      "RETURN count(e) AS n").records[0]["n"]
    assert left == 0
