"""The Neo4j backend: the same store contract, on a Neo4j server the analyst queries.

Model: `(:Entity:Company {id, name, type, aliases, tickers})`, `(:Article)-[:MENTIONS]->`,
and one relationship per relation type carrying amount, currency, amount_usd, qualifier,
weight_pct, role, status, first_seen, last_seen, articles and evidence (JSON strings).
Names resolve through `(:LookupKey {id, entities})`, one node per case-folded name, alias,
ticker and name key (a list property cannot be indexed, and a scan of every entity took
0.3 s at a million relations); `(:NameKey {id, entity})` says which entity a merge key joins.

Writes go in batches of whole articles, each batch one managed transaction (retried on
transient errors) of `UNWIND $rows` statements; the edge view is computed in Python by
`StoredRelation.merge`, exactly as the embedded store computes it when reading.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, date, datetime
from typing import Any

from neo4j import Driver, ManagedTransaction
from neo4j.graph import Node, Path, Relationship

from capexgraph.errors import NotFound, StoreError
from capexgraph.graph import cypher as Q
from capexgraph.graph.exposure import Hop, Step, sort_cycles
from capexgraph.graph.exposure import Path as ExposurePath
from capexgraph.graph.neo4j_errors import neo4j_errors
from capexgraph.graph.neo4j_write import Known, batches, write_batch
from capexgraph.graph.resolve import pick_entity, suggestion
from capexgraph.graph.store import (
    EntityCard,
    IngestSummary,
    Stats,
    StoredEvidence,
    StoredRelation,
    evidence_from_json,
    query_keys,
    sort_relations,
)
from capexgraph.schema import Amount, Article, ArticleExtraction, Entity, Evidence, Relation


class Neo4jStore:
    """A store in a Neo4j database; the driver is made (and closed) by the caller."""

    def __init__(self, driver: Driver, database: str | None = None,
                 location: str | None = None) -> None:
        self.driver = driver
        self.database = database
        self.location = location or "neo4j"
        self._schema_ready = False
        # paths by (start, end, steps, length): a --to query deepens one hop at a time
        self._walk_memo: dict[tuple[object, ...], list[ExposurePath]] = {}
        self._fan_out_memo: dict[tuple[object, ...], tuple[int, int]] = {}

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
            session.run(Q.OLD_LOOKUP_KEYS).consume()
        self._schema_ready = True

    def _read(self, query: str, **params: Any) -> list[dict[str, Any]]:
        with neo4j_errors(self.location), self._session() as session:
            rows: list[dict[str, Any]] = session.execute_read(
                # the named queries return plain values: `Record.data()` would walk each one
                # looking for nodes to convert, a third of a large walk's time
                lambda tx: [dict(r.items()) for r in tx.run(query, params)])
        return rows

    # -- writing ---------------------------------------------------------------------------

    def ingest(self, extractions: Iterable[ArticleExtraction]) -> IngestSummary:
        self.ensure_schema()
        now = datetime.now(UTC).date()
        counts: Counter[str] = Counter()
        known = Known()
        with neo4j_errors(self.location), self._session(write=True) as session:
            for batch in batches(extractions):
                staged = Known()
                counts += session.execute_write(write_batch, batch, now, known, staged)
                known.absorb(staged)  # only what a committed transaction wrote
                self._forget_walks()
        return IngestSummary(counts["new"], counts["updated"], counts["unchanged"],
                             counts["entities"], counts["facts"])

    # -- reading -----------------------------------------------------------------------------

    def resolve(self, name: str) -> Entity:
        found: dict[str, list[dict[str, Any]]] = {key: [] for key in query_keys(name)}
        for row in self._read(Q.LOOKUP, keys=list(found)):  # every key in one round trip
            found[row["key"]].append(row)
        entity_id = pick_entity(
            name,
            lambda key: [(r["entity"]["id"], r["degree"]) for r in found.get(key, [])],
            lambda i: bool(self._read(Q.ENTITY, id=i)),
        )
        if entity_id is None:
            names = [n for r in self._read(Q.ALL_NAMES) for n in (r["name"], *r["aliases"])]
            raise NotFound(f"No entity is called {name!r} in {self.location}."
                           f"{suggestion(name, names)}")
        known = [r["entity"] for rows in found.values() for r in rows
                 if r["entity"]["id"] == entity_id]
        return _entity(known[0] if known else self._read(Q.ENTITY, id=entity_id)[0])

    def card(self, entity_id: str) -> EntityCard:
        rows = self._read(Q.ENTITY, id=entity_id)
        if not rows:
            raise NotFound(f"No entity has id {entity_id!r} in {self.location}.")
        out: list[StoredRelation] = []
        inc: list[StoredRelation] = []
        for row in self._read(Q.CARD_EDGES, id=entity_id, types=Q.RELATION_TYPE_LIST):
            rel = StoredRelation.merge(row["type"], _entity(row["source"]),
                                       _entity(row["target"]), row["role"],
                                       evidence_from_json(row["evidence"]))
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
             cap: int | None = None, evidence: bool = True) -> list[ExposurePath]:
        types = sorted({s.type for s in steps})
        forward = [s.type for s in steps if s.forward]
        backward = [s.type for s in steps if not s.forward]
        if end is None:
            rows = self._read(Q.walk(max_hops, types, evidence), start=start, end=None,
                              cap=cap, forward=forward, backward=backward)
            return self._paths(rows)
        found: list[ExposurePath] = []
        for length in range(1, max_hops + 1):
            # a deepening query asks for the shorter lengths again: they are kept
            memo_key = (start, end, tuple(forward), tuple(backward), length, cap, evidence)
            paths = self._walk_memo.get(memo_key)
            if paths is None:
                if len(self._walk_memo) > 64:
                    self._forget_walks()
                meet = self._meeting_point(start, end, forward, backward, length)
                rows = self._read(Q.walk_to(length, types, meet, evidence), start=start,
                                  end=end, forward=forward, backward=backward, cap=cap)
                paths = self._walk_memo[memo_key] = self._paths(rows)
            found += paths
            if cap is not None and len(found) >= cap:
                return found[:cap]
        return found

    def _forget_walks(self) -> None:
        self._walk_memo.clear()
        self._fan_out_memo.clear()

    def _meeting_point(self, start: str, end: str, forward: list[str], backward: list[str],
                       length: int) -> int:
        """Steps to walk from the start before meeting the walk back from the end: where the
        two frontiers together are smallest, from each end's fan-out one and two steps out
        (farther steps grow at the second step's rate)."""
        if length == 1:
            return 1
        out = self._fan_out(start, forward, backward)
        back = self._fan_out(end, backward, forward)
        return min(range(1, length), key=lambda m: (_frontier(out, m)
                                                    + _frontier(back, length - m), -m))

    def _fan_out(self, entity_id: str, along: list[str], against: list[str]
                 ) -> tuple[int, int]:
        memo_key = (entity_id, tuple(along), tuple(against))
        if memo_key not in self._fan_out_memo:
            rows = self._read(Q.fan_out(along, against), id=entity_id)
            self._fan_out_memo[memo_key] = ((rows[0]["one"], rows[0]["two"] or 0) if rows
                                            else (0, 0))
        return self._fan_out_memo[memo_key]

    def _paths(self, rows: list[dict[str, Any]]) -> list[ExposurePath]:
        """Paths from the one row of a walk: relationship ids per path, and each relationship
        once, merged once (from its statements, or as stored when they were not read)."""
        [row] = rows
        relations: dict[str, StoredRelation] = {}
        entities: dict[str, Entity] = {}
        for rel in row["relationships"]:
            ends = [entities.get(n["id"]) or entities.setdefault(n["id"], _entity(n))
                    for n in (rel["source"], rel["target"])]
            if "evidence" in rel:
                relations[rel["rid"]] = StoredRelation.merge(
                    rel["type"], ends[0], ends[1], rel["role"],
                    evidence_from_json(rel["evidence"]))
            else:
                relations[rel["rid"]] = _unread(rel["type"], ends[0], ends[1], rel["role"],
                                                rel["merged"], rel["rid"])
        return [tuple(Hop(relations[rid], fwd) for rid, fwd in zip(rels, forward, strict=True))
                for rels, forward in zip(row["rels"], row["forward"], strict=True)]

    def read_evidence(self, paths: Sequence[ExposurePath]) -> list[ExposurePath]:
        unread = {h.relation.ref: h.relation for p in paths for h in p
                  if not h.relation.evidence}
        read: dict[str | None, StoredRelation] = {}
        for row in self._read(Q.EVIDENCE_OF, refs=list(unread)):
            rel = unread[row["ref"]]
            if row["key"] == [rel.type, rel.source.id, rel.target.id, rel.role or ""]:
                read[row["ref"]] = StoredRelation.merge(
                    rel.type, rel.source, rel.target, rel.role,
                    evidence_from_json(row["evidence"]))
        if len(read) < len(unread):
            raise StoreError(f"Relations changed in {self.location} while they were read; "
                             "run the query again.")
        return [tuple(Hop(h.relation if h.relation.evidence else read[h.relation.ref],
                          h.forward) for h in p) for p in paths]

    def cycles(self, max_len: int, steps: Sequence[Step]) -> list[ExposurePath]:
        types = sorted({s.type for s in steps})
        rows = self._read(Q.cycles(max_len, types),
                          forward=[s.type for s in steps if s.forward],
                          backward=[s.type for s in steps if not s.forward])
        return sort_cycles(self._paths(rows))

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
                for ev in evidence_from_json(edge["evidence"]) if ev.article_id == art["id"]
            ]
            published = art["published"].to_native() if art["published"] else None
            article = Article.from_text(id=art["id"], title=art["title"], text=art["text"],
                                        source=art["source"], published=published)
            yield ArticleExtraction(
                article=article,
                entities=tuple(sorted((_entity(e) for e in row["entities"]),
                                      key=lambda e: e.id)),
                relations=tuple(sorted(relations, key=lambda r: (
                    r.evidence.start, r.evidence.end, r.type, r.source, r.target,
                    r.role or ""))),
            )


def _unread(type_: str, source: Entity, target: Entity, role: str | None,
            merged: dict[str, Any], ref: str) -> StoredRelation:
    """A relationship's merged view as stored, its statements left unread."""
    amount = None
    if merged["amount"] is not None:
        amount = Amount(value=merged["amount"], value_high=merged["amount_high"],
                        currency=merged["currency"], value_usd=merged["amount_usd"],
                        qualifier=merged["qualifier"], usd_rate=merged["usd_rate"],
                        rate_date=_day(merged["rate_date"]))
    return StoredRelation(type_, source, target, role or None, merged["status"], amount,
                          merged["weight_pct"], _day(merged["first_seen"]),
                          _day(merged["last_seen"]), (), ref)


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text is not None else None


def _frontier(fan_out: tuple[int, int], steps: int) -> float:
    one, two = fan_out
    if steps <= 2:
        return (1, one, two)[steps]
    return two * (two / max(one, 1)) ** (steps - 2)


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
