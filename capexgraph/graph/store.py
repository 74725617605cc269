"""The store contract every backend implements, and the plain results it returns.

Stores take whole article extractions and merge them: one node per entity, one edge per
(type, source, target, role) carrying every piece of evidence and its first and last dates.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Protocol

from capexgraph.schema import Amount, ArticleExtraction, Entity


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
    article_id: str
    article_title: str
    published: date | None
    sentence: str
    start: int
    end: int
    rule: str
    status: str
    confidence: float
    amount: Amount | None


@dataclass(frozen=True)
class StoredRelation:
    """One edge: the merged view of a relation across every article that states it."""

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


class GraphStore(Protocol):
    """What the CLI needs from a backend; the embedded store and Neo4j both provide it."""

    location: str

    def ingest(self, extractions: Iterable[ArticleExtraction]) -> IngestSummary:
        """Merge articles atomically: afterwards all of them are stored, or none."""
        ...

    def resolve(self, name: str) -> Entity:
        """The entity a name, alias, ticker or code denotes; NotFound (with close names)."""
        ...

    def card(self, entity_id: str) -> EntityCard: ...

    def stats(self) -> Stats: ...

    def close(self) -> None: ...
