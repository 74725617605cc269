from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from capexgraph.extract.extractor import Extractor

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
