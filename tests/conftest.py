from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from neo4j import Driver

from capexgraph.extract.extractor import Extractor
from capexgraph.graph.embedded import EmbeddedStore
from capexgraph.graph.neo4j_store import Neo4jStore
from capexgraph.graph.store import GraphStore
from capexgraph.reader import read_articles
from capexgraph.schema import ArticleExtraction
from tests import neo4j_server

SHARED = Path(os.environ.get("CAPEXGRAPH_SHARED", Path(__file__).resolve().parents[2] / "shared"))
SEED = SHARED / "seeds" / "000_6bf8f819564531af.txt"
SAMPLES = Path(__file__).resolve().parents[1] / "capexgraph" / "data" / "samples"


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    return Extractor()


@pytest.fixture
def runner() -> Iterator[CliRunner]:
    yield CliRunner()


@pytest.fixture
def seed_path() -> Path:
    if not SEED.exists():
        reason = f"the seed article is not at {SEED} (set CAPEXGRAPH_SHARED to the shared/ folder)"
        if os.environ.get("CI") == "true":
            pytest.fail(reason)  # CI always has shared/ beside the clone: never skip it there
        pytest.skip(reason)
    return SEED


@pytest.fixture(scope="session")
def neo4j_driver() -> Iterator[Driver]:
    yield from neo4j_server.driver()


@pytest.fixture(params=["embedded", "neo4j"])
def any_store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[GraphStore]:
    """A fresh, empty store of each backend: the contract tests run on both."""
    if request.param == "embedded":
        store = EmbeddedStore.open(tmp_path / "g.sqlite")
        yield store
        store.close()
        return
    driver: Driver = request.getfixturevalue("neo4j_driver")
    neo4j_server.wipe(driver)
    yield Neo4jStore(driver, location="test neo4j")


@pytest.fixture(scope="session")
def sample_extractions(extractor: Extractor) -> list[ArticleExtraction]:
    return list(extractor.extract_many(read_articles([str(SAMPLES)]).articles))
