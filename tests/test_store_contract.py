"""The store contract, run against every backend: the embedded file and a real Neo4j."""

from __future__ import annotations

from datetime import date

import pytest

from capexgraph.errors import NotFound, QueryError
from capexgraph.graph.embedded import EmbeddedStore
from capexgraph.graph.neo4j_store import Neo4jStore
from capexgraph.graph.store import GraphStore
from capexgraph.schema import ArticleExtraction
from capexgraph.schema.models import sha256_text
from tests.factories import extraction


def test_one_edge_many_evidence(any_store: GraphStore) -> None:
    any_store.ingest([extraction("a1", [("Nvidia", "OpenAI")], published=date(2025, 1, 5)),
                      extraction("a2", [("Nvidia", "OpenAI")], published=date(2025, 3, 9))])
    [rel] = any_store.card("nvidia").outgoing
    assert {e.article_id for e in rel.evidence} == {"a1", "a2"}
    assert (rel.first_seen, rel.last_seen) == (date(2025, 1, 5), date(2025, 3, 9))
    assert rel.amount is not None and rel.amount.value_usd == 1e9
    assert any_store.stats().relations_by_type == {"INVESTS_IN": 1}


def test_reingest_changes_nothing_and_edits_replace(any_store: GraphStore) -> None:
    first = any_store.ingest([extraction("a1", [("Nvidia", "OpenAI"), ("AMD", "OpenAI")])])
    again = any_store.ingest([extraction("a1", [("Nvidia", "OpenAI"), ("AMD", "OpenAI")])])
    assert (first.articles_new, first.facts_new, first.entities_new) == (1, 2, 3)
    assert (again.articles_unchanged, again.facts_new, again.entities_new) == (1, 0, 0)
    edited = any_store.ingest([extraction("a1", [("Nvidia", "OpenAI")], text="edited text")])
    assert edited.articles_updated == 1
    assert any_store.stats().evidence == 1
    assert any_store.card("amd").outgoing == ()


def test_entities_merge_across_articles_by_name(any_store: GraphStore) -> None:
    any_store.ingest([extraction("a1", [("Nvidia", "Zentra")])])
    any_store.ingest([extraction("a2", [("Intel", "Zentra")])])
    card = any_store.card(any_store.resolve("zentra").id)
    assert {r.source.name for r in card.incoming} == {"Nvidia", "Intel"}


def test_names_that_differ_only_by_a_corporate_form_stay_apart(any_store: GraphStore) -> None:
    # "SoftBank Corp" (the telecom operator) and "SoftBank Group" share a name key; the
    # gazetteer lists both, so the stores keep them as written
    ex = extraction("a1", [("Alpha", "Beta")])
    named = {"alpha": "SoftBank Group", "beta": "SoftBank Corp"}
    ex = ex.model_copy(update={"entities": tuple(
        e.model_copy(update={"name": named[e.id], "aliases": (named[e.id],)})
        for e in ex.entities)})
    any_store.ingest([ex])
    assert any_store.resolve("SoftBank Corp").id == "beta"
    assert any_store.resolve("SoftBank Group").id == "alpha"


def test_unknown_names_suggest(any_store: GraphStore) -> None:
    any_store.ingest([extraction("a1", [("Nvidia", "OpenAI")])])
    with pytest.raises(NotFound, match="Did you mean 'Nvidia'"):
        any_store.resolve("Nvidai")


def test_a_failed_ingest_leaves_the_previous_state(any_store: GraphStore) -> None:
    any_store.ingest([extraction("base", [("Microsoft", "OpenAI")])])
    before = any_store.stats()

    def broken() -> object:
        yield extraction("x1", [("AMD", "OpenAI")])
        raise RuntimeError("the reader died")

    with pytest.raises(RuntimeError):
        any_store.ingest(broken())  # type: ignore[arg-type]
    assert any_store.stats() == before


def test_query_is_read_only_unless_asked(any_store: GraphStore) -> None:
    any_store.ingest([extraction("a1", [("Nvidia", "OpenAI")])])
    rows = any_store.query(
        "MATCH (i)-[r:INVESTS_IN]->(t:Company) WHERE t.name = $name "
        "RETURN i.name AS investor, r.amount_usd AS usd", {"name": "OpenAI"})
    assert rows == [{"investor": "Nvidia", "usd": 1e9}]
    with pytest.raises(QueryError):
        any_store.query("CREATE (x:Entity {id: 'x'})", {})


def test_samples_give_the_same_answers_on_both(
        sample_extractions: list[ArticleExtraction], tmp_path: object,
        neo4j_driver: object) -> None:
    from tests import neo4j_server

    neo4j_server.wipe(neo4j_driver)  # type: ignore[arg-type]
    neo = Neo4jStore(neo4j_driver, location="test neo4j")  # type: ignore[arg-type]
    emb = EmbeddedStore.open(f"{tmp_path}/g.sqlite")
    half = len(sample_extractions) // 2  # Neo4j in two runs: later statements are appended
    first, second = neo.ingest(sample_extractions[:half]), neo.ingest(sample_extractions[half:])
    whole = emb.ingest(sample_extractions)
    assert first.articles_new + second.articles_new == whole.articles_new == 13
    assert first.facts_new + second.facts_new == whole.facts_new
    assert neo.stats().relations_by_type == emb.stats().relations_by_type
    ids = [r["id"] for r in emb.query("MATCH (e:Entity) RETURN e.id AS id", {})]
    assert len(ids) > 40
    for entity_id in ids:
        assert neo.card(entity_id) == emb.card(entity_id)
    edited = [ex.model_copy(update={"article": ex.article.model_copy(update={
        "text": ex.article.text + " ", "sha256": sha256_text(ex.article.text + " ")})})
        for ex in sample_extractions[:3]]  # an edited article replaces its statements
    assert neo.ingest(edited) == emb.ingest(edited)
    for entity_id in ids:
        assert neo.card(entity_id) == emb.card(entity_id)
    for name in ("Alibaba-W", "9988.HK", "阿里巴巴", "the chipmaker", "TSMC"):
        try:
            expected = emb.resolve(name).id
        except NotFound:
            with pytest.raises(NotFound):
                neo.resolve(name)
            continue
        assert neo.resolve(name).id == expected
    assert list(neo.extractions()) == list(emb.extractions())
