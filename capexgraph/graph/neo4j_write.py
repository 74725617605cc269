"""Writing articles into Neo4j: whole articles per transaction, in UNWIND batches.

Entities merge by id or name key as in the embedded store; an edge's statements are appended
without reading them back unless an edited article takes its old statements out, and the
edge's properties are computed by `StoredRelation.merge`, as the embedded store does.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from neo4j import ManagedTransaction

from capexgraph.graph import cypher as Q
from capexgraph.graph.store import (
    StoredEvidence,
    StoredRelation,
    edge_properties,
    evidence_from_json,
    lookup_keys,
    merge_keys,
)
from capexgraph.schema import Article, ArticleExtraction, Entity, Relation

BATCH_RELATIONS = 20000
EdgeKey = tuple[str, str, str, str]  # type, source, target, role ("" for none)


@dataclass
class Known:
    """What one ingest already knows the database holds, so later batches need not ask or
    write it again: name-key owners, and the aliases and tickers stored per entity."""

    owners: dict[str, str] = field(default_factory=dict)
    names: dict[str, tuple[frozenset[str], frozenset[str]]] = field(default_factory=dict)

    def absorb(self, other: Known) -> None:
        self.owners.update(other.owners)
        for entity_id, (aliases, tickers) in other.names.items():
            old = self.names.get(entity_id, (frozenset(), frozenset()))
            self.names[entity_id] = (old[0] | aliases, old[1] | tickers)

    def has(self, entity: Entity, entity_id: str) -> bool:
        stored = self.names.get(entity_id)
        return stored is not None and stored[0].issuperset(entity.aliases) and \
            stored[1].issuperset(entity.tickers)


def batches(extractions: Iterable[ArticleExtraction]) -> Iterator[list[ArticleExtraction]]:
    batch: list[ArticleExtraction] = []
    size = 0
    for ex in extractions:
        batch.append(ex)
        size += len(ex.relations) + 1
        if size >= BATCH_RELATIONS:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


def write_batch(tx: ManagedTransaction, batch: list[ArticleExtraction], today: date,
                 known: Known, staged: Known) -> Counter[str]:
    """Write whole articles: the same merge rules as the embedded store, in bulk."""
    counts: Counter[str] = Counter()
    state = {r["id"]: r for r in tx.run(Q.ARTICLE_STATE, ids=[ex.article.id for ex in batch])}
    todo: list[ArticleExtraction] = []
    for ex in batch:
        old = state.get(ex.article.id)
        if old is not None and old["sha256"] == ex.article.sha256:
            counts["unchanged"] += 1
        else:
            counts["updated" if old else "new"] += 1
            todo.append(ex)
    if not todo:
        return counts
    staged.owners.clear()
    staged.names.clear()  # a retried transaction starts over
    ids = _write_entities(tx, todo, counts, known, staged)
    replaced = {ex.article.id for ex in todo}
    new_evidence: dict[EdgeKey, list[StoredEvidence]] = defaultdict(list)
    article_facts: dict[str, list[EdgeKey]] = {}
    for ex in todo:
        seen_here: set[tuple[EdgeKey, int]] = set()
        art = ex.article
        for rel in ex.relations:
            key = (rel.type, ids[rel.source], ids[rel.target], rel.role or "")
            if (key, rel.evidence.start) in seen_here:
                continue  # the same statement twice once names are merged: store it once
            seen_here.add((key, rel.evidence.start))
            new_evidence[key].append(stored_evidence(art, rel, today))
        article_facts[art.id] = list(dict.fromkeys(k for k, _ in seen_here))
        counts["facts"] += len(seen_here)
    rewrite: set[EdgeKey] = set()  # edges an updated article stated before: recompute whole
    for old in state.values():
        if old["id"] in replaced:
            rewrite.update(tuple(json.loads(k)) for k in old["facts"] or [])
    _rewrite_edges(tx, rewrite, new_evidence, replaced)
    _append_edges(tx, set(new_evidence) - rewrite, new_evidence)
    rows = [{
        "id": ex.article.id, "title": ex.article.title, "published": ex.article.published,
        "source": ex.article.source, "sha256": ex.article.sha256, "ingested": today,
        "text": ex.article.text,
        "facts": [json.dumps(k) for k in article_facts[ex.article.id]],
        "entities": list(dict.fromkeys(ids[e.id] for e in ex.entities)),
    } for ex in todo]
    tx.run(Q.REPLACE_ARTICLES, rows=[r for r in rows if r["id"] in state]).consume()
    tx.run(Q.CREATE_ARTICLES, rows=[r for r in rows if r["id"] not in state]).consume()
    return counts


def _write_entities(tx: ManagedTransaction, todo: list[ArticleExtraction],
                    counts: Counter[str], known: Known, staged: Known) -> dict[str, str]:
    """Merge entities by id or name key, in article order; returns extraction id -> stored id.

    Only the name keys are read back; aliases, tickers and the entities behind a lookup key
    are unioned by the database, so an entity already stored costs no round trip."""
    entities = list(dict.fromkeys(e for ex in todo for e in ex.entities))
    keys = {k for e in entities for k in merge_keys(e)} - known.owners.keys()
    owner = {r["key"]: r["entity"] for r in tx.run(Q.NAME_KEYS, keys=list(keys))}
    staged.owners.update(owner)
    owner.update(known.owners)
    ids: dict[str, str] = {}
    rows: dict[str, dict[str, Any]] = {}
    new_keys: list[dict[str, str]] = []
    for entity in entities:
        entity_id = owner.get(merge_keys(entity)[0], entity.id)
        ids[entity.id] = entity_id
        if known.has(entity, entity_id):
            continue
        row = rows.get(entity_id)
        if row is None:
            rows[entity_id] = {"id": entity_id, "name": entity.name, "type": entity.type,
                               "aliases": list(entity.aliases), "tickers": list(entity.tickers),
                               "lookup": lookup_keys(entity)}
        else:
            for field, values in (("aliases", entity.aliases), ("tickers", entity.tickers),
                                  ("lookup", lookup_keys(entity))):
                row[field] += [v for v in values if v not in row[field]]
        for key in merge_keys(entity.model_copy(update={"name": rows[entity_id]["name"]})):
            if key not in owner:
                owner[key] = staged.owners[key] = entity_id
                new_keys.append({"key": key, "entity": entity_id})
    by_type: dict[str, list[dict[str, Any]]] = defaultdict(list)
    lookup: dict[str, list[str]] = defaultdict(list)
    for row in rows.values():
        by_type[row["type"]].append(row)
        for key in row.pop("lookup"):
            lookup[key].append(row["id"])
        staged.names[row["id"]] = (frozenset(row["aliases"]), frozenset(row["tickers"]))
    for entity_type, typed in by_type.items():
        counts["entities"] += tx.run(Q.write_entities(entity_type), rows=typed).single(
            strict=True)["created"]
    tx.run(Q.WRITE_NAME_KEYS, rows=new_keys).consume()
    tx.run(Q.WRITE_LOOKUP_KEYS, rows=[{"key": k, "entities": v} for k, v in lookup.items()]
           ).consume()
    return ids


def _by_type(keys: Iterable[EdgeKey]) -> dict[str, list[EdgeKey]]:
    grouped: dict[str, list[EdgeKey]] = defaultdict(list)
    for key in keys:
        grouped[key[0]].append(key)
    return grouped


# Names are not stored on relationships: one stand-in end serves every merge.
_ENDPOINT = Entity(id="endpoint", name="endpoint", type="Company")


def edge_row(key: EdgeKey, evidence: list[StoredEvidence]) -> dict[str, Any]:
    """Relationship properties from evidence, plus the order keys of the statements that set
    status, amount and weight, so that a later append can tell which statement is newer."""
    rel = StoredRelation.merge(key[0], _ENDPOINT, _ENDPOINT, key[3], evidence)
    amounts = [e for e in rel.evidence if e.amount is not None]
    weights = [e for e in rel.evidence if e.weight_pct is not None]
    return {**edge_properties(rel), "order_last": _order(rel.evidence[-1]),
            "order_amount": _order(amounts[-1]) if amounts else None,
            "order_weight": _order(weights[-1]) if weights else None}


def _order(ev: StoredEvidence) -> str:
    """StoredEvidence.order as a string that sorts the same way (\x01 sorts before any id)."""
    return f"{ev.seen.isoformat()}\x01{ev.article_id}\x01{ev.start:012d}"


def _append_edges(tx: ManagedTransaction, keys: set[EdgeKey],
                  new_evidence: dict[EdgeKey, list[StoredEvidence]]) -> None:
    """New statements of edges no replaced article touched: appended without reading back."""
    for rel_type, group in _by_type(keys).items():
        rows = [{"source": k[1], "target": k[2], "role_key": k[3],
                 "props": edge_row(k, new_evidence[k])} for k in group]
        tx.run(Q.append_edges(rel_type), rows=rows).consume()


def _rewrite_edges(tx: ManagedTransaction, touched: set[EdgeKey],
                   new_evidence: dict[EdgeKey, list[StoredEvidence]], replaced: set[str]
                   ) -> None:
    """Edges an updated article stated: its old statements out, its new ones in."""
    for rel_type, keys in _by_type(touched).items():
        rows = [{"source": s, "target": t, "role_key": r} for _, s, t, r in keys]
        current = {(rel_type, r["source"], r["target"], r["role_key"]): r["evidence"]
                   for r in tx.run(Q.edge_evidence(rel_type), rows=rows)}
        writes, deletes = [], []
        for key in keys:
            kept = [ev for ev in evidence_from_json(current.get(key, []))
                    if ev.article_id not in replaced]
            evidence = kept + new_evidence.get(key, [])
            row: dict[str, Any] = {"source": key[1], "target": key[2], "role_key": key[3]}
            if not evidence:
                deletes.append(row)
                continue
            row["props"] = edge_row(key, evidence)
            writes.append(row)
        if deletes:
            tx.run(Q.delete_edges(rel_type), rows=deletes).consume()
        if writes:
            tx.run(Q.write_edges(rel_type), rows=writes).consume()


def stored_evidence(article: Article, rel: Relation, today: date) -> StoredEvidence:
    return StoredEvidence(
        article.id, article.title, article.published, article.published or today,
        rel.evidence.sentence, rel.evidence.start, rel.evidence.end, rel.evidence.rule,
        rel.status, rel.confidence, rel.amount, rel.weight_pct,
    )
