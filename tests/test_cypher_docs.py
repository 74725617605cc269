"""Every query in docs/cypher.md runs on a real Neo4j and prints what the doc says."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from neo4j import Driver

from capexgraph.cli import cli
from tests import neo4j_server
from tests.conftest import SAMPLES

DOC = Path(__file__).resolve().parents[1] / "docs" / "cypher.md"
_PAIR = re.compile(r"```cypher\n(?P<query>.*?)\n```\n\n```csv\n(?P<output>.*?)```", re.DOTALL)


def test_doc_has_at_least_ten_queries() -> None:
    assert len(_PAIR.findall(DOC.read_text())) >= 10


def test_every_documented_query_prints_its_documented_output(neo4j_driver: Driver) -> None:
    neo4j_server.wipe(neo4j_driver)
    env = {"CAPEXGRAPH_BACKEND": "neo4j", "NEO4J_URI": os.environ["NEO4J_URI"],
           "NEO4J_USERNAME": os.environ.get("NEO4J_USERNAME", "neo4j"),
           "NEO4J_PASSWORD": os.environ.get("NEO4J_PASSWORD", "")}
    runner = CliRunner()
    loaded = runner.invoke(cli, ["ingest", str(SAMPLES)], env=env)
    assert loaded.exit_code == 0, loaded.output
    text = DOC.read_text()

    def run(match: re.Match[str]) -> str:
        result = runner.invoke(cli, ["query", match["query"], "--format", "csv"], env=env)
        assert result.exit_code == 0, f"{match['query']}\n{result.output}"
        assert result.output.strip(), f"no rows for\n{match['query']}"
        return f"```cypher\n{match['query']}\n```\n\n```csv\n{result.output}```"

    rendered = _PAIR.sub(run, text)
    if os.environ.get("CAPEXGRAPH_UPDATE_DOCS") == "1":
        DOC.write_text(rendered)
        pytest.skip("docs/cypher.md rewritten")
    assert rendered == text
