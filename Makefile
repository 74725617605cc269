# One command for the main job (`make demo`) and one for the checks (`make test`); each makes
# its own virtualenv from the hash-pinned lock files, so a fresh machine needs only python3.
PYTHON ?= python3
DEMO_VENV := .venv-demo
TEST_VENV := .venv
DEMO_STORE := demo-store/graph.sqlite
SAMPLES := capexgraph/data/samples

.PHONY: demo test lint bench clean

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

lint: $(TEST_VENV)/.ok
	$(TEST_VENV)/bin/ruff check capexgraph tests bench
	$(TEST_VENV)/bin/mypy capexgraph

test: lint
	$(TEST_VENV)/bin/pytest -q

bench: $(TEST_VENV)/.ok
	$(TEST_VENV)/bin/python bench/extract_throughput.py

clean:
	rm -rf $(DEMO_VENV) $(TEST_VENV) demo-store
