"""The Neo4j backend: the same store contract, on a Neo4j server the analyst queries.

Model: `(:Entity:Company {id, name, type, aliases, tickers})`, `(:Article)-[:MENTIONS]->`,
and one relationship per relation type carrying amount, currency, amount_usd, qualifier,
weight_pct, role, status, first_seen, last_seen, articles and evidence (JSON strings).

Writes go in batches of whole articles, each batch one managed transaction (retried on
transient errors) of `UNWIND $rows` statements; the edge view is computed in Python by
`StoredRelation.merge`, exactly as the embedded store computes it when reading.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from neo4j import Driver, ManagedTransaction
from neo4j.graph import Node, Path, Relationship

from capexgraph.errors import NotFound
from capexgraph.graph import cypher as Q
from capexgraph.graph.exposure import Hop, Step, sort_cycles
from capexgraph.graph.exposure import Path as ExposurePath
from capexgraph.graph.neo4j_errors import neo4j_errors
from capexgraph.graph.resolve import pick_entity, suggestion
from capexgraph.graph.store import (
    EntityCard,
    IngestSummary,
    Stats,
    StoredEvidence,
    StoredRelation,
    edge_properties,
    evidence_from_json,
    lookup_keys,
    merge_keys,
    sort_relations,
)
from capexgraph.schema import Article, ArticleExtraction, Entity, Evidence, Relation

BATCH_RELATIONS = 5000
EdgeKey = tuple[str, str, str, str]  # type, source, target, role ("" for none)


class Neo4jStore:
    """A store in a Neo4j database; the driver is made (and closed) by the caller."""

    def __init__(self, driver: Driver, database: str | None = None,
                 location: str | None = None) -> None:
        self.driver = driver
        self.database = database
        self.location = location or "neo4j"
        self._schema_ready = False

    def close(self) -> None:
        """Nothing of the store's own to release: the driver belongs to the caller."""

    def _session(self, write: bool = False) -> Any:
        return self.driver.session(database=self.database,
                                   default_access_mode="WRITE" if write else "READ")

    def ensure_schema(self) -> None:
        if self._schema_ready:
            return
        with neo4j_errors(self.location), self._session(write=True) as session:
            for statement in Q.CONSTRAINTS:
                session.run(statement).consume()
        self._schema_ready = True

    def _read(self, query: str, **params: Any) -> list[dict[str, Any]]:
        with neo4j_errors(self.location), self._session() as session:
            rows: list[dict[str, Any]] = session.execute_read(
                lambda tx: [r.data() for r in tx.run(query, params)])
        return rows

    # -- writing ---------------------------------------------------------------------------

    def ingest(self, extractions: Iterable[ArticleExtraction]) -> IngestSummary:
        self.ensure_schema()
        now = datetime.now(UTC).date()
        counts: Counter[str] = Counter()
        known = _Known()
        with neo4j_errors(self.location), self._session(write=True) as session:
            for batch in _batches(extractions):
                staged = _Known()
                counts += session.execute_write(_write_batch, batch, now, known, staged)
                known.absorb(staged)  # only what a committed transaction wrote
        return IngestSummary(counts["new"], counts["updated"], counts["unchanged"],
                             counts["entities"], counts["facts"])

    # -- reading -----------------------------------------------------------------------------

    def resolve(self, name: str) -> Entity:
        types = Q.RELATION_TYPE_LIST
        entity_id = pick_entity(
            name,
            lambda key: [(r["id"], r["degree"]) for r in self._read(Q.LOOKUP, key=key,
                                                                     types=types)],
            lambda i: bool(self._read(Q.ENTITY, id=i)),
        )
        if entity_id is None:
            names = [n for r in self._read(Q.ALL_NAMES) for n in (r["name"], *r["aliases"])]
            raise NotFound(f"No entity is called {name!r} in {self.location}."
                           f"{suggestion(name, names)}")
        return _entity(self._read(Q.ENTITY, id=entity_id)[0])

    def card(self, entity_id: str) -> EntityCard:
        rows = self._read(Q.ENTITY, id=entity_id)
        if not rows:
            raise NotFound(f"No entity has id {entity_id!r} in {self.location}.")
        out: list[StoredRelation] = []
        inc: list[StoredRelation] = []
        for row in self._read(Q.CARD_EDGES, id=entity_id, types=Q.RELATION_TYPE_LIST):
            rel = StoredRelation.merge(row["type"], _entity(row["source"]),
                                       _entity(row["target"]), row["role"],
                                       [evidence_from_json(e) for e in row["evidence"]])
            (out if rel.source.id == entity_id else inc).append(rel)
        return EntityCard(_entity(rows[0]), sort_relations(out), sort_relations(inc))

    def stats(self) -> Stats:
        entities = {r["type"]: r["n"] for r in self._read(Q.STATS_ENTITIES)}
        relations = self._read(Q.STATS_RELATIONS, types=Q.RELATION_TYPE_LIST)
        articles = self._read(Q.STATS_ARTICLES)[0]["n"]
        return Stats(self.location, articles, sum(r["evidence"] for r in relations),
                     dict(sorted(entities.items())),
                     dict(sorted((r["type"], r["n"]) for r in relations)))

    def walk(self, start: str, end: str | None, max_hops: int, steps: Sequence[Step],
             cap: int | None = None) -> list[ExposurePath]:
        types = sorted({s.type for s in steps})
        forward = [s.type for s in steps if s.forward]
        backward = [s.type for s in steps if not s.forward]
        if end is None:
            rows = self._read(Q.walk(max_hops, types), start=start, end=None, cap=cap,
                              forward=forward, backward=backward, reach=None)
            return [_path(row) for row in rows]
        reach = self._reach(end, max_hops, forward, backward)
        if start not in reach:
            return []
        found: list[ExposurePath] = []
        for length in range(1, max_hops + 1):
            rows = self._read(Q.walk_to(length, types), start=start, end=end,
                              forward=forward, backward=backward, reach=reach)
            found += [_path(row) for row in rows]
            if cap is not None and len(found) >= cap:
                return found[:cap]
        return found

    def _reach(self, end: str, max_hops: int, forward: list[str], backward: list[str]
               ) -> dict[str, int]:
        """Entities that can reach `end` within the hops a walk has left, found level by
        level backwards; the walk expands only through them (as the embedded store does)."""
        dist = {end: 0}
        frontier = [end]
        for level in range(1, max_hops):
            rows = self._read(Q.PREDECESSORS, ids=frontier, forward=forward,
                              backward=backward)
            frontier = [r["id"] for r in rows if r["id"] not in dist]
            dist.update((i, level) for i in frontier)
            if not frontier:
                break
        return dist

    def cycles(self, max_len: int, steps: Sequence[Step]) -> list[ExposurePath]:
        types = sorted({s.type for s in steps})
        rows = self._read(Q.cycles(max_len, types), reach=None,
                          forward=[s.type for s in steps if s.forward],
                          backward=[s.type for s in steps if not s.forward])
        return sort_cycles(_path(row) for row in rows)

    def query(self, cypher: str, params: dict[str, Any], write: bool = False
              ) -> list[dict[str, Any]]:
        def rows(tx: ManagedTransaction) -> list[dict[str, Any]]:
            return [{k: _plain(v) for k, v in r.items()}  # type: ignore[no-untyped-call]
                    for r in tx.run(cypher, params)]

        with neo4j_errors(self.location), self._session(write) as session:
            result: list[dict[str, Any]] = (
                session.execute_write(rows) if write else session.execute_read(rows))
        return result

    def extractions(self) -> Iterator[ArticleExtraction]:
        for art in self._read(Q.ARTICLES):
            [row] = self._read(Q.ARTICLE_FACTS, id=art["id"], types=Q.RELATION_TYPE_LIST)
            relations = [
                _relation(edge, ev) for edge in row["edges"] if edge["type"]
                for ev in map(evidence_from_json, edge["evidence"]) if ev.article_id == art["id"]
            ]
            published = art["published"].to_native() if art["published"] else None
            article = Article.from_text(id=art["id"], title=art["title"], text=art["text"],
                                        source=art["source"], published=published)
            yield ArticleExtraction(
                article=article,
                entities=tuple(sorted((_entity(e) for e in row["entities"]),
                                      key=lambda e: e.id)),
                relations=tuple(sorted(relations, key=lambda r: (
                    r.evidence.start, r.evidence.end, r.type, r.source, r.target))),
            )


@dataclass
class _Known:
    """What one ingest already knows the database holds, so later batches need not ask or
    write it again: name-key owners, and the aliases and tickers stored per entity."""

    owners: dict[str, str] = field(default_factory=dict)
    names: dict[str, tuple[frozenset[str], frozenset[str]]] = field(default_factory=dict)

    def absorb(self, other: _Known) -> None:
        self.owners.update(other.owners)
        for entity_id, (aliases, tickers) in other.names.items():
            old = self.names.get(entity_id, (frozenset(), frozenset()))
            self.names[entity_id] = (old[0] | aliases, old[1] | tickers)

    def has(self, entity: Entity, entity_id: str) -> bool:
        stored = self.names.get(entity_id)
        return stored is not None and stored[0].issuperset(entity.aliases) and \
            stored[1].issuperset(entity.tickers)


def _batches(extractions: Iterable[ArticleExtraction]) -> Iterator[list[ArticleExtraction]]:
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


def _write_batch(tx: ManagedTransaction, batch: list[ArticleExtraction], today: date,
                 known: _Known, staged: _Known) -> Counter[str]:
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
            new_evidence[key].append(_stored(art, rel, today))
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
                    counts: Counter[str], known: _Known, staged: _Known) -> dict[str, str]:
    """Merge entities by id or name key, in article order; returns extraction id -> stored id.

    Only the name keys are read back; aliases, tickers and lookup keys are unioned by the
    database, so an entity already stored costs no round trip."""
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
    for row in rows.values():
        by_type[row["type"]].append(row)
        staged.names[row["id"]] = (frozenset(row["aliases"]), frozenset(row["tickers"]))
    for entity_type, typed in by_type.items():
        counts["entities"] += tx.run(Q.write_entities(entity_type), rows=typed).single(
            strict=True)["created"]
    tx.run(Q.WRITE_NAME_KEYS, rows=new_keys).consume()
    return ids


def _by_type(keys: Iterable[EdgeKey]) -> dict[str, list[EdgeKey]]:
    grouped: dict[str, list[EdgeKey]] = defaultdict(list)
    for key in keys:
        grouped[key[0]].append(key)
    return grouped


def _props(key: EdgeKey, evidence: list[StoredEvidence]) -> dict[str, Any]:
    """Relationship properties from evidence, plus the order keys of the statements that set
    status, amount and weight, so that a later append can tell which statement is newer."""
    endpoint = Entity(id=key[1], name=key[1], type="Company")  # names are not stored on edges
    rel = StoredRelation.merge(key[0], endpoint, endpoint, key[3], evidence)
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
                 "props": _props(k, new_evidence[k])} for k in group]
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
            kept = [ev for ev in map(evidence_from_json, current.get(key, []))
                    if ev.article_id not in replaced]
            evidence = kept + new_evidence.get(key, [])
            row: dict[str, Any] = {"source": key[1], "target": key[2], "role_key": key[3]}
            if not evidence:
                deletes.append(row)
                continue
            row["props"] = _props(key, evidence)
            writes.append(row)
        if deletes:
            tx.run(Q.delete_edges(rel_type), rows=deletes).consume()
        if writes:
            tx.run(Q.write_edges(rel_type), rows=writes).consume()


def _stored(article: Article, rel: Relation, today: date) -> StoredEvidence:
    return StoredEvidence(
        article.id, article.title, article.published, article.published or today,
        rel.evidence.sentence, rel.evidence.start, rel.evidence.end, rel.evidence.rule,
        rel.status, rel.confidence, rel.amount, rel.weight_pct,
    )


def _plain(value: Any) -> Any:
    """A Cypher value as JSON-friendly Python: nodes and relationships as property maps."""
    if isinstance(value, Node):
        return {"labels": sorted(value.labels), **{k: _plain(v) for k, v in value.items()}}
    if isinstance(value, Relationship):
        return {"type": value.type, **{k: _plain(v) for k, v in value.items()}}
    if isinstance(value, Path):
        return [_plain(n) for n in value.nodes]
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if hasattr(value, "iso_format"):
        return value.iso_format()
    return value


def _path(row: dict[str, Any]) -> ExposurePath:
    nodes = {n["id"]: _entity(n) for n in row["nodes"]}
    return tuple(Hop(StoredRelation.merge(
        h["type"], nodes[h["source"]], nodes[h["target"]], h["role"],
        [evidence_from_json(e) for e in h["evidence"]]), h["forward"]) for h in row["hops"])


def _entity(row: dict[str, Any]) -> Entity:
    return Entity(id=row["id"], name=row["name"], type=row["type"],
                  aliases=tuple(row["aliases"] or ()), tickers=tuple(row["tickers"] or ()))


def _relation(edge: dict[str, Any], ev: StoredEvidence) -> Relation:
    return Relation(
        type=edge["type"], source=edge["source"], target=edge["target"], role=edge["role"],
        status=ev.status, amount=ev.amount, weight_pct=ev.weight_pct, confidence=ev.confidence,
        evidence=Evidence(article_id=ev.article_id, sentence=ev.sentence, start=ev.start,
                          end=ev.end, rule=ev.rule),
    )
