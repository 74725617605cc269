"""Exposure chains, cycles and connections: the rules, and the same answers on both stores."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from neo4j import Driver

from bench.synthetic import extractions
from capexgraph import analyst
from capexgraph.errors import StoreError
from capexgraph.graph.embedded import EmbeddedStore
from capexgraph.graph.exposure import Hop
from capexgraph.graph.neo4j_store import Neo4jStore
from capexgraph.graph.store import GraphStore
from capexgraph.schema import (
    Amount,
    Article,
    ArticleExtraction,
    Entity,
    Evidence,
    Relation,
)
from tests import neo4j_server

ENTITIES = {
    "etf": ("Tech ETF", "Fund"), "idx": ("Tech Index", "Index"), "tc": ("Tencor", "Company"),
    "al": ("Alibar", "Company"), "oa": ("OpenAxe", "Company"), "nv": ("Nvidex", "Company"),
    "or": ("Orakel", "Company"),
}


def usd(value: float) -> Amount:
    return Amount(value=value, currency="USD", value_usd=value)


FACTS = [  # (article, published, type, source, target, weight_pct, amount)
    ("f1", date(2025, 1, 1), "TRACKS", "etf", "idx", None, None),
    ("f1", date(2025, 1, 1), "CONSTITUENT_OF", "tc", "idx", 10.0, None),
    ("f1", date(2025, 1, 1), "CONSTITUENT_OF", "al", "idx", 8.0, None),
    ("f2", date(2025, 2, 1), "INVESTS_IN", "tc", "oa", None,
     Amount(value=36e9, currency="CNY", qualifier="up_to", value_usd=5e9, usd_rate=0.1389,
            rate_date=date(2025, 1, 31))),
    ("f3", date(2025, 6, 1), "INVESTS_IN", "al", "oa", None, usd(2e9)),
    ("f3", date(2025, 6, 1), "INVESTS_IN", "oa", "tc", None, usd(1e9)),
    ("f4", date(2025, 3, 1), "INVESTS_IN", "nv", "oa", None, usd(1e11)),
    ("f4", date(2025, 3, 1), "SUPPLIES", "or", "oa", None, usd(3e11)),
    ("f4", date(2025, 3, 1), "SUPPLIES", "nv", "or", None, usd(4e10)),
]


def _articles() -> list[ArticleExtraction]:
    out = []
    for article_id in dict.fromkeys(f[0] for f in FACTS):
        facts = [f for f in FACTS if f[0] == article_id]
        text = " ".join(f"{f[3]} {f[2]} {f[4]}." for f in facts)
        ids = {i for f in facts for i in f[3:5]}
        entities = tuple(Entity(id=i, name=ENTITIES[i][0], type=ENTITIES[i][1],  # type: ignore[arg-type]
                                aliases=(ENTITIES[i][0],)) for i in sorted(ids))
        relations = tuple(Relation(
            type=f[2], source=f[3], target=f[4], weight_pct=f[5],  # type: ignore[arg-type]
            amount=f[6],  # type: ignore[arg-type]
            evidence=Evidence(article_id=article_id, sentence=f"{f[3]} {f[2]} {f[4]}.",
                              start=n * 30, end=n * 30 + 10, rule="test"), confidence=0.9)
            for n, f in enumerate(facts))
        out.append(ArticleExtraction(article=Article.from_text(
            id=article_id, title=article_id, text=text, source="t", published=facts[0][1]),
            entities=entities, relations=relations))
    return out


@pytest.fixture
def graph(any_store: GraphStore) -> GraphStore:
    any_store.ingest(_articles())
    return any_store


def test_chain_through_fund_index_constituent_investee(graph: GraphStore) -> None:
    answer = analyst.exposure(graph, "Tech ETF", "OpenAxe")
    assert [c.names() for c in answer.chains] == [  # equal length and weight: by name
        ("Tech ETF", "Tech Index", "Alibar", "OpenAxe"),
        ("Tech ETF", "Tech Index", "Tencor", "OpenAxe")]
    assert answer.chains[0].weight is None  # an investment hop has no fractional weight
    assert all(h.relation.evidence for c in answer.chains for h in c.hops)


def test_weights_multiply_and_add_up(graph: GraphStore) -> None:
    answer = analyst.exposure(graph, "Tech ETF", via=["TRACKS", "CONSTITUENT_OF"])
    by_name = {e.target.name: e for e in answer.exposures}
    assert by_name["Tech Index"].weight == 1.0
    assert by_name["Tencor"].weight == pytest.approx(0.10)
    assert by_name["Alibar"].weight == pytest.approx(0.08)


def test_cycle_is_reported_not_followed(graph: GraphStore) -> None:
    answer = analyst.exposure(graph, "Tech ETF")
    [cycle] = answer.cycles  # Tencor and OpenAxe invest in each other: met on two chains
    assert {h.start.name for h in cycle} == {"Tencor", "OpenAxe"}
    assert all(len(c.names()) == len(set(c.names())) for c in answer.chains)


def test_as_of_ignores_later_facts(graph: GraphStore) -> None:
    answer = analyst.exposure(graph, "Tech ETF", "OpenAxe", day=date(2025, 4, 1))
    assert [c.names()[2] for c in answer.chains] == ["Tencor"]


def test_money_cycles(graph: GraphStore) -> None:
    found = analyst.money_cycles(graph, max_len=5)
    assert [{h.start.name for h in c} for c in found] == [
        {"OpenAxe", "Tencor"}, {"Nvidex", "OpenAxe", "Orakel"}]
    assert [len(c) for c in analyst.money_cycles(graph, 5, min_usd=1e10)] == [3]
    assert analyst.money_cycles(graph, 2, min_usd=1e10) == []


def test_path_either_direction(graph: GraphStore) -> None:
    paths = analyst.connections(graph, "Tencor", "Alibar")
    assert [[h.end.name for h in p] for p in paths] == [["OpenAxe", "Alibar"],
                                                        ["Tech Index", "Alibar"]]
    assert not paths[0][1].forward  # Alibar invests in OpenAxe: walked against it


def _snapshot(store: GraphStore) -> object:
    store.ingest(_articles())
    return (
        [(c.names(), c.weight) for c in analyst.exposure(store, "Tech ETF", "OpenAxe").chains],
        analyst.exposure(store, "Tech ETF", "OpenAxe", limit=2).chains[:2],  # as shown
        [(e.target.id, e.weight, e.chains) for e in analyst.exposure(store, "Tech ETF")
         .exposures],
        [[h.start.id for h in c] for c in analyst.money_cycles(store)],
        [[h.end.id for h in p] for p in analyst.connections(store, "Tencor", "Alibar")],
        analyst.exposure(store, "Tech ETF", "OpenAxe", day=date(2025, 4, 1)).chains,
    )


def test_walks_to_an_end_find_every_path_once(tmp_path: Path) -> None:
    """The walk that meets in the middle gives exactly the simple paths that end there,
    as read off the walk with no end, on a power-law graph with hubs and parallel edges."""
    store = EmbeddedStore.open(tmp_path / "g.sqlite")
    store.ingest(extractions(400, seed=11))
    graph, steps = store.index, analyst.exposure_steps(True, None)
    nodes = sorted(graph.graph.nodes)
    rng = random.Random(5)
    compared = 0
    for start in rng.sample(nodes, 25):
        every = graph.walk(start, None, 4, steps)
        for end in {p[-1].end.id for p in every if len(p) > 1}:
            for hops in (1, 2, 3, 4):
                want = sorted(_keys(p) for p in every if p[-1].end.id == end
                              and len(p) <= hops)
                assert sorted(_keys(p) for p in graph.walk(start, end, hops, steps)) == want
                compared += len(want)
    assert compared > 1_000  # the sample reaches past hubs, not only neighbours
    lone = next(n for n in nodes if not graph.walk(n, None, 1, steps))
    assert graph.walk(lone, nodes[0] if nodes[0] != lone else nodes[1], 1, steps) == []


def test_neo4j_walks_to_an_end_match_the_embedded_walks(tmp_path: Path,
                                                        neo4j_driver: Driver) -> None:
    """Both backends meet in the middle their own way: same paths on a graph with hubs."""
    neo4j_server.wipe(neo4j_driver)
    embedded = EmbeddedStore.open(tmp_path / "g.sqlite")
    embedded.ingest(extractions(400, seed=11))
    server = Neo4jStore(neo4j_driver, location="test")
    server.ingest(embedded.extractions())
    steps = analyst.exposure_steps(True, None)
    rng = random.Random(8)
    compared = 0
    for start in rng.sample(sorted(embedded.index.graph.nodes), 8):
        ends = sorted({p[-1].end.id for p in embedded.index.walk(start, None, 3, steps)})
        for end in rng.sample(ends, min(len(ends), 6)):
            want = sorted(_keys(p) for p in embedded.index.walk(start, end, 4, steps))
            assert sorted(_keys(p) for p in server.walk(start, end, 4, steps)) == want
            compared += len(want)
    assert compared > 200


def test_walks_read_evidence_only_when_asked(graph: GraphStore) -> None:
    """A walk that leaves statements unread ranks on the stored merged view: it must be the
    view merged from the statements, amount (with its rate) and weight included."""
    steps = analyst.exposure_steps(True, None)
    read = graph.walk("etf", "oa", 4, steps)
    unread = graph.walk("etf", "oa", 4, steps, evidence=False)
    assert sorted(map(_keys, unread)) == sorted(map(_keys, read)) and len(read) == 2
    if isinstance(graph, Neo4jStore):
        assert not any(h.relation.evidence for p in unread for h in p)
    views = {h.relation for p in read for h in p}
    assert {replace(h.relation, evidence=()) for p in unread for h in p} == {
        replace(r, evidence=()) for r in views}
    assert any(r.amount and r.amount.usd_rate for r in views)  # the rate is compared too
    assert sorted(graph.read_evidence(unread), key=_keys) == sorted(read, key=_keys)


def _keys(path: tuple[Hop, ...]) -> tuple[tuple[str, str, str, str, bool], ...]:
    return tuple((h.relation.type, h.relation.source.id, h.relation.target.id,
                  h.relation.role or "", h.forward) for h in path)


def test_evidence_is_read_for_paths_walked_long_before(graph: GraphStore) -> None:
    """A store may forget its walks (a memo has a size); paths it returned still read."""
    steps = analyst.exposure_steps(True, None)
    unread = graph.walk("etf", "oa", 4, steps, evidence=False)
    for start in ENTITIES:
        for end in ENTITIES:
            if start != end:
                graph.walk(start, end, 4, steps, evidence=False)
    assert sorted(graph.read_evidence(unread), key=_keys) == sorted(
        graph.walk("etf", "oa", 4, steps), key=_keys)


def test_neo4j_evidence_of_a_relation_deleted_since_the_walk_is_an_error(
        neo4j_driver: Driver) -> None:
    neo4j_server.wipe(neo4j_driver)
    store = Neo4jStore(neo4j_driver, location="test")
    store.ingest(_articles())
    unread = store.walk("etf", "oa", 4, analyst.exposure_steps(True, None), evidence=False)
    store.query("MATCH (:Entity {id: 'tc'})-[r:INVESTS_IN]->() DELETE r", {}, write=True)
    with pytest.raises(StoreError, match="changed"):
        store.read_evidence(unread)


def test_same_answers_on_both(tmp_path: Path, neo4j_driver: Driver) -> None:
    neo4j_server.wipe(neo4j_driver)
    embedded = EmbeddedStore.open(tmp_path / "g.sqlite")
    assert _snapshot(embedded) == _snapshot(Neo4jStore(neo4j_driver, location="test"))
