"""The analyst's questions on the graph of the samples and the dev set (issue 5's acceptance):
an ETF's chain down to a constituent's investee, and every money loop in the labelled facts."""

from __future__ import annotations

import json
from collections.abc import Iterator
from itertools import pairwise
from pathlib import Path

import pytest

from capexgraph import analyst
from capexgraph.errors import NotFound
from capexgraph.extract.extractor import Extractor
from capexgraph.graph.embedded import EmbeddedStore
from capexgraph.reader import read_articles
from tests.conftest import SAMPLES

DEV = Path(__file__).resolve().parent / "data" / "dev"


@pytest.fixture(scope="module")
def store(extractor: Extractor, tmp_path_factory: pytest.TempPathFactory
          ) -> Iterator[EmbeddedStore]:
    graph = EmbeddedStore.open(tmp_path_factory.mktemp("dev") / "g.sqlite")
    articles = read_articles([str(SAMPLES), str(DEV / "articles")]).articles
    graph.ingest(extractor.extract_many(articles))
    yield graph
    graph.close()


def test_etf_to_a_constituents_investee(store: EmbeddedStore) -> None:
    """520860 -> the index it tracks -> a constituent -> what that constituent invests in."""
    everything = analyst.exposure(store, "520860", max_hops=3)
    shapes = [c for c in everything.chains
              if [(h.relation.type, h.forward) for h in c.hops]
              == [("TRACKS", True), ("CONSTITUENT_OF", False), ("INVESTS_IN", True)]]
    assert shapes, "no ETF -> index -> constituent -> investee chain from 520860"
    target = shapes[0].target
    answer = analyst.exposure(store, "520860", target.id, max_hops=4, limit=50)
    chain = next(c for c in answer.chains if c.hops == shapes[0].hops)
    assert chain.names()[0] == "Hong Kong Technology ETF"
    for hop in chain.hops:
        assert hop.relation.evidence, f"{hop.relation.type} has no evidence"
        assert all(e.article_id and e.sentence for e in hop.relation.evidence)


def _gold_money_edges(store: EmbeddedStore) -> set[tuple[str, str]]:
    """Money flows of the gold relations, between stored entities: investor to investee,
    customer to supplier. Gold names resolve as any name the store answers to."""
    edges = set()
    for line in (DEV / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        gold = json.loads(line)
        names = {n: [e["name"], *e["aliases"]] for e in gold["entities"]
                 for n in (e["name"], *e["aliases"])}
        for rel in gold["relations"]:
            if rel["type"] not in ("INVESTS_IN", "SUPPLIES"):
                continue
            ends = [_resolve(store, names.get(n, [n])) for n in (rel["source"], rel["target"])]
            if None in ends:
                continue
            a, b = ends
            edges.add((a, b) if rel["type"] == "INVESTS_IN" else (b, a))  # type: ignore[arg-type]
    return edges


def _resolve(store: EmbeddedStore, names: list[str]) -> str | None:
    for name in names:
        try:
            return store.resolve(name).id
        except NotFound:
            continue
    return None


def _loops(edges: set[tuple[str, str]], max_len: int) -> set[frozenset[tuple[str, str]]]:
    """Money loops of two parties or more (a parent and its unit that the store merges by
    name, "Lenovo Group" and "Lenovo (Beijing) Limited", are no circular deal)."""
    out: dict[str, set[str]] = {}
    for a, b in edges:
        if a != b:
            out.setdefault(a, set()).add(b)
    found: set[frozenset[tuple[str, str]]] = set()

    def walk(start: str, node: str, path: list[str]) -> None:
        for nxt in out.get(node, ()):
            if nxt == start:
                nodes = [*path, start]
                found.add(frozenset(pairwise(nodes)))
            elif nxt > start and nxt not in path and len(path) < max_len:
                walk(start, nxt, [*path, nxt])

    for start in out:
        walk(start, start, [start])
    return found


def test_cycles_find_every_gold_loop_the_graph_holds(store: EmbeddedStore) -> None:
    cycles = {frozenset((h.start.id, h.end.id) for h in c)
              for c in analyst.money_cycles(store, max_len=5)}
    graph_edges = {(r.source.id, r.target.id) if r.type == "INVESTS_IN"
                   else (r.target.id, r.source.id)
                   for r in store.relations() if r.type in ("INVESTS_IN", "SUPPLIES")
                   and r.status in ("announced", "planned", "completed")}
    gold_loops = _loops(_gold_money_edges(store), 5)
    held = [loop for loop in gold_loops if loop <= graph_edges]
    assert len(gold_loops) >= 8, "the dev set should hold several money loops"
    assert len(held) >= len(gold_loops) // 2, "extraction lost most of the gold loops"
    for loop in held:
        assert loop in cycles, f"cycles missed the gold loop {sorted(loop)}"
