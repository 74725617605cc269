# One command for the main job (`make demo`) and one for the checks (`make test`); each makes
# its own virtualenv from the hash-pinned lock files, so a fresh machine needs only python3.
PYTHON ?= python3
DEMO_VENV := .venv-demo
TEST_VENV := .venv
DEMO_STORE := demo-store/graph.sqlite
SAMPLES := capexgraph/data/samples

.PHONY: demo test lint bench bench-neo4j clean

$(DEMO_VENV)/.ok: requirements.lock pyproject.toml
	rm -rf $(DEMO_VENV) && $(PYTHON) -m venv $(DEMO_VENV)
	$(DEMO_VENV)/bin/pip install -q --disable-pip-version-check --require-hashes -r requirements.lock
	$(DEMO_VENV)/bin/pip install -q --disable-pip-version-check --no-deps -e .
	touch $@

$(TEST_VENV)/.ok: requirements-dev.lock pyproject.toml
	rm -rf $(TEST_VENV) && $(PYTHON) -m venv $(TEST_VENV)
	$(TEST_VENV)/bin/pip install -q --disable-pip-version-check --require-hashes -r requirements-dev.lock
	$(TEST_VENV)/bin/pip install -q --disable-pip-version-check --no-deps -e .
	touch $@

demo: $(DEMO_VENV)/.ok
	rm -rf $(dir $(DEMO_STORE))
	$(DEMO_VENV)/bin/capexgraph ingest $(SAMPLES) --store $(DEMO_STORE)
	$(DEMO_VENV)/bin/capexgraph stats --store $(DEMO_STORE)
	$(DEMO_VENV)/bin/capexgraph entity OpenAI --store $(DEMO_STORE)
	$(DEMO_VENV)/bin/capexgraph exposure 513180 --to "computing power" --store $(DEMO_STORE) --format tree
	$(DEMO_VENV)/bin/capexgraph cycles --max-len 3 --store $(DEMO_STORE) --format tree

lint: $(TEST_VENV)/.ok
	$(TEST_VENV)/bin/ruff check capexgraph tests bench
	$(TEST_VENV)/bin/mypy capexgraph

# The tests talk to a real Neo4j started here (scripts/neo4j, on its own port) when java and mvn
# exist; without them the Neo4j tests skip, except in CI (CI=true), where they fail.
TEST_NEO4J_PORT ?= 7697

test: lint
	@if command -v java >/dev/null && command -v mvn >/dev/null; then \
	  export NEO4J_PORT=$(TEST_NEO4J_PORT) NEO4J_PASSWORD=capexgraph-test; \
	  trap 'scripts/neo4j stop' EXIT; \
	  eval "$$(scripts/neo4j start)" && $(TEST_VENV)/bin/pytest -q; \
	else \
	  echo "Neo4j tests skipped: java and mvn are not installed"; \
	  $(TEST_VENV)/bin/pytest -q; \
	fi

bench: $(TEST_VENV)/.ok
	$(TEST_VENV)/bin/python bench/extract_throughput.py

# Neo4j ingest at 100k synthetic relations, batched loader against a naive one (a few minutes).
bench-neo4j: $(TEST_VENV)/.ok
	@export NEO4J_PORT=7698 NEO4J_PASSWORD=capexgraph-bench; trap 'scripts/neo4j stop' EXIT; \
	  eval "$$(scripts/neo4j start)" && $(TEST_VENV)/bin/python -m bench.neo4j_ingest 100000

clean:
	rm -rf $(DEMO_VENV) $(TEST_VENV) demo-store
