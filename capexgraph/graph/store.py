"""The store contract every backend implements, and the plain results it returns.

Stores take whole article extractions and merge them: one node per entity, one edge per
(type, source, target, role) carrying every piece of evidence and its first and last dates.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any, Protocol

from pydantic import TypeAdapter

from capexgraph.extract.gazetteer import default_gazetteer
from capexgraph.extract.names import name_key
from capexgraph.schema import Amount, ArticleExtraction, Entity

if TYPE_CHECKING:
    from capexgraph.graph.exposure import Path, Step


@dataclass(frozen=True)
class IngestSummary:
    articles_new: int = 0
    articles_updated: int = 0
    articles_unchanged: int = 0
    entities_new: int = 0
    facts_new: int = 0

    def line(self) -> str:
        return (
            f"{self.articles_new} new, {self.articles_updated} updated and "
            f"{self.articles_unchanged} unchanged articles; {self.entities_new} new entities, "
            f"{self.facts_new} new facts."
        )


@dataclass(frozen=True)
class StoredEvidence:
    """One article's statement of a relation, as stored: the unit both backends keep."""

    article_id: str
    article_title: str
    published: date | None
    seen: date  # the article's date, or the day it was ingested when it has none
    sentence: str
    start: int
    end: int
    rule: str
    status: str
    confidence: float
    amount: Amount | None
    weight_pct: float | None

    @property
    def order(self) -> tuple[date, str, int]:
        return (self.seen, self.article_id, self.start)


@dataclass(frozen=True)
class StoredRelation:
    """One edge: the merged view of a relation across every article that states it.

    `evidence` is empty only when a walk was asked not to read it (`GraphStore.walk` with
    `evidence=False`): every stored edge has at least one statement. `ref` is the backend's
    handle on the edge for reading them later (a Neo4j element id), not part of its value.
    """

    type: str
    source: Entity
    target: Entity
    role: str | None
    status: str
    amount: Amount | None
    weight_pct: float | None
    first_seen: date | None
    last_seen: date | None
    evidence: tuple[StoredEvidence, ...]
    ref: str | None = field(default=None, compare=False, repr=False)

    @classmethod
    def merge(cls, type_: str, source: Entity, target: Entity, role: str | None,
              evidence: Iterable[StoredEvidence]) -> StoredRelation:
        """The edge's view from its evidence: the latest statement sets status, amount and
        weight; every backend computes it here so that all give the same answers."""
        ordered = tuple(sorted(evidence, key=lambda e: e.order))
        amounts = [e.amount for e in ordered if e.amount is not None]
        weights = [e.weight_pct for e in ordered if e.weight_pct is not None]
        return cls(
            type=type_, source=source, target=target, role=role or None,
            status=ordered[-1].status, amount=amounts[-1] if amounts else None,
            weight_pct=weights[-1] if weights else None, first_seen=ordered[0].seen,
            last_seen=ordered[-1].seen, evidence=ordered,
        )


def sort_relations(relations: Iterable[StoredRelation]) -> tuple[StoredRelation, ...]:
    """Card order: by relation type, largest USD amount first, then by name."""
    return tuple(sorted(relations, key=lambda r: (
        r.type, -(r.amount.value_usd or 0) if r.amount else 0, r.target.name, r.source.name,
        r.role or "")))


@dataclass(frozen=True)
class EntityCard:
    entity: Entity
    outgoing: tuple[StoredRelation, ...]
    incoming: tuple[StoredRelation, ...]


@dataclass(frozen=True)
class Stats:
    location: str
    articles: int
    evidence: int
    entities_by_type: dict[str, int] = field(default_factory=dict)
    relations_by_type: dict[str, int] = field(default_factory=dict)


_EVIDENCE = TypeAdapter(StoredEvidence)


def evidence_json(evidence: StoredEvidence) -> str:
    return _EVIDENCE.dump_json(evidence).decode()


_EVIDENCE_LIST = TypeAdapter(list[StoredEvidence])


def evidence_from_json(texts: Sequence[str]) -> list[StoredEvidence]:
    """An edge's statements from their JSON strings, validated in one call (half the time of
    one call each, which counts when a walk reads thousands of edges)."""
    return _EVIDENCE_LIST.validate_json(f"[{','.join(texts)}]")


def edge_properties(rel: StoredRelation) -> dict[str, Any]:
    """What an analyst's Cypher reads on a relationship."""
    amount = rel.amount
    return {
        "role_key": rel.role or "", "role": rel.role, "status": rel.status,
        "amount": amount.value if amount else None,
        "amount_high": amount.value_high if amount else None,
        "currency": amount.currency if amount else None,
        "amount_usd": amount.value_usd if amount else None,
        "qualifier": amount.qualifier if amount else None,
        "usd_rate": amount.usd_rate if amount else None,
        "rate_date": amount.rate_date if amount else None,
        "weight_pct": rel.weight_pct, "first_seen": rel.first_seen, "last_seen": rel.last_seen,
        "articles": list(dict.fromkeys(e.article_id for e in rel.evidence)),
        "evidence": [evidence_json(e) for e in rel.evidence],
    }


def merge_keys(entity: Entity) -> list[str]:
    """Keys under which a later article's entity of the same type is taken to be this one."""
    merge_key = default_gazetteer().merge_key
    return list(dict.fromkeys(f"{entity.type}|{merge_key(f)}" for f in (entity.name,
                                                                      *entity.aliases)))


def lookup_keys(entity: Entity) -> list[str]:
    """Every string `resolve` accepts for an entity: names, aliases, tickers, as written
    (case-folded) and as name keys."""
    forms = (entity.name, *entity.aliases, *entity.tickers)
    return list(dict.fromkeys([f.casefold() for f in forms] + [name_key(f) for f in forms]))


def query_keys(name: str) -> tuple[str, str]:
    return (name.strip().casefold(), name_key(name))


class GraphStore(Protocol):
    """What the CLI needs from a backend; the embedded store and Neo4j both provide it."""

    location: str

    def ingest(self, extractions: Iterable[ArticleExtraction]) -> IngestSummary:
        """Merge articles; each is stored whole or not at all (the embedded store takes the
        whole run as one transaction, Neo4j one transaction per batch of articles)."""
        ...

    def extractions(self) -> Iterator[ArticleExtraction]:
        """Every stored article with its entities and relations, to copy a store."""
        ...

    def resolve(self, name: str) -> Entity:
        """The entity a name, alias, ticker or code denotes; NotFound (with close names)."""
        ...

    def card(self, entity_id: str) -> EntityCard: ...

    def stats(self) -> Stats: ...

    def query(self, cypher: str, params: dict[str, Any], write: bool = False
              ) -> list[dict[str, Any]]:
        """Rows of a Cypher query; read-only unless `write` (QueryError otherwise)."""
        ...

    def walk(self, start: str, end: str | None, max_hops: int, steps: Sequence[Step],
             cap: int | None = None, evidence: bool = True) -> list[Path]:
        """Simple paths from `start` (to `end` when given) of at most `max_hops` steps, a
        step following a relation of an allowed type along or against it; all of them, or
        the first `cap` found. Without `evidence` a backend may leave the statements unread
        (empty), for `read_evidence` to add to the few paths an analyst is shown: a walk
        between hubs finds thousands of relations and ranks them on their merged view."""
        ...

    def read_evidence(self, paths: Sequence[Path]) -> list[Path]:
        """The same paths, every relation with its statements and its view merged from
        them."""
        ...

    def cycles(self, max_len: int, steps: Sequence[Step]) -> list[Path]:
        """Every simple cycle of at most `max_len` steps, once, from its smallest id."""
        ...

    def close(self) -> None: ...
