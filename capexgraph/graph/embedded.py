"""The embedded store: a networkx graph, persisted in one SQLite file.

SQLite gives the crash safety (an ingest is one transaction: a killed process leaves the old
state, rolled back from the journal on next open) and the incremental writes (an ingest
touches only the rows of its own articles). networkx gives the in-memory graph the readers
walk; it is built from the file on first read, one pass over two tables.
"""

from __future__ import annotations

import difflib
import json
import os
import sqlite3
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import closing
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import networkx as nx

from capexgraph.errors import NotFound, StoreError
from capexgraph.extract.gazetteer import default_gazetteer
from capexgraph.extract.names import name_key
from capexgraph.graph.store import (
    EntityCard,
    IngestSummary,
    Stats,
    StoredEvidence,
    StoredRelation,
)
from capexgraph.schema import Amount, ArticleExtraction, Entity

STORE_ENV = "CAPEXGRAPH_STORE"
SCHEMA_VERSION = "1"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY, title TEXT NOT NULL, published TEXT, source TEXT NOT NULL,
    sha256 TEXT NOT NULL, ingested TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS entities (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, type TEXT NOT NULL,
    aliases TEXT NOT NULL, tickers TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS entity_keys (key TEXT NOT NULL, type TEXT NOT NULL,
    id TEXT NOT NULL, PRIMARY KEY (key, type));
CREATE TABLE IF NOT EXISTS facts (
    article_id TEXT NOT NULL, type TEXT NOT NULL, source TEXT NOT NULL, target TEXT NOT NULL,
    role TEXT NOT NULL, status TEXT NOT NULL, amount TEXT, weight_pct REAL,
    sentence TEXT NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL, rule TEXT NOT NULL,
    confidence REAL NOT NULL, seen TEXT NOT NULL,
    PRIMARY KEY (article_id, type, source, target, role, start));
CREATE INDEX IF NOT EXISTS facts_by_edge ON facts (type, source, target, role);
"""


def default_store_path() -> Path:
    """$CAPEXGRAPH_STORE, else the per-user data folder ($XDG_DATA_HOME/capexgraph)."""
    if os.environ.get(STORE_ENV):
        return Path(os.environ[STORE_ENV])
    base = os.environ.get("XDG_DATA_HOME") or os.path.join(Path.home(), ".local", "share")
    return Path(base) / "capexgraph" / "graph.sqlite"


class EmbeddedStore:
    """A store in one SQLite file; open it with `EmbeddedStore.open(path)`."""

    def __init__(self, conn: sqlite3.Connection, location: str) -> None:
        self.conn = conn
        self.location = location
        self._graph: nx.MultiDiGraph | None = None
        self._articles: dict[str, tuple[str, date | None]] = {}
        self._names: dict[str, set[str]] = {}

    @classmethod
    def open(cls, path: Path | str | None = None, *, create: bool = True) -> EmbeddedStore:
        store_path = Path(path) if path is not None else default_store_path()
        if not store_path.exists():
            if not create:
                raise StoreError(f"There is no store at {store_path}; ingest articles first.")
            try:
                store_path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreError(f"Cannot create the store at {store_path}: "
                                 f"{exc.strerror or exc}.") from None
        try:
            conn = sqlite3.connect(store_path, isolation_level=None)
            conn.execute("PRAGMA synchronous = FULL")
            conn.execute("PRAGMA foreign_keys = OFF")
            version = _schema_version(conn)
            if version is None:
                conn.executescript("BEGIN;" + _SCHEMA +
                                   f"INSERT INTO meta VALUES ('schema', '{SCHEMA_VERSION}');"
                                   "COMMIT;")
            elif version != SCHEMA_VERSION:
                raise StoreError(f"{store_path} is a store of schema {version}; this "
                                 f"capexgraph reads schema {SCHEMA_VERSION}.")
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{store_path} is not a capexgraph store ({exc}).") from None
        return cls(conn, str(store_path))

    def close(self) -> None:
        self.conn.close()

    # -- writing ---------------------------------------------------------------------------

    def ingest(self, extractions: Iterable[ArticleExtraction]) -> IngestSummary:
        counts: Counter[str] = Counter()
        now = datetime.now(UTC).date().isoformat()
        try:
            self.conn.execute("BEGIN IMMEDIATE")
            for extraction in extractions:
                self._write_article(extraction, now, counts)
            self.conn.execute("COMMIT")
        except sqlite3.Error as exc:
            self._rollback()
            raise StoreError(f"Cannot write the store at {self.location}: {exc}.") from None
        except BaseException:
            self._rollback()
            raise
        self._graph = None  # rebuilt from the file on next read
        return IngestSummary(counts["new"], counts["updated"], counts["unchanged"],
                             counts["entities"], counts["facts"])

    def _rollback(self) -> None:
        if self.conn.in_transaction:
            self.conn.execute("ROLLBACK")

    def _write_article(self, ex: ArticleExtraction, now: str, counts: Counter[str]) -> None:
        art = ex.article
        row = self.conn.execute("SELECT sha256 FROM articles WHERE id = ?", (art.id,)).fetchone()
        if row is not None and row[0] == art.sha256:
            counts["unchanged"] += 1
            return
        counts["updated" if row else "new"] += 1
        self.conn.execute("DELETE FROM facts WHERE article_id = ?", (art.id,))
        self.conn.execute(
            "INSERT OR REPLACE INTO articles VALUES (?, ?, ?, ?, ?, ?)",
            (art.id, art.title, art.published and art.published.isoformat(), art.source,
             art.sha256, now),
        )
        ids = {e.id: self._write_entity(e, counts) for e in ex.entities}
        seen = (art.published or date.fromisoformat(now)).isoformat()
        for rel in ex.relations:
            cur = self.conn.execute(
                "INSERT OR IGNORE INTO facts VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (art.id, rel.type, ids[rel.source], ids[rel.target], rel.role or "",
                 rel.status, rel.amount.model_dump_json() if rel.amount else None,
                 rel.weight_pct, rel.evidence.sentence, rel.evidence.start, rel.evidence.end,
                 rel.evidence.rule, rel.confidence, seen),
            )
            counts["facts"] += cur.rowcount

    def _write_entity(self, entity: Entity, counts: Counter[str]) -> str:
        """Store an entity, merged with the one already stored under its id or name key."""
        key = name_key(entity.name)
        row = self.conn.execute("SELECT id FROM entity_keys WHERE key = ? AND type = ?",
                                (key, entity.type)).fetchone()
        entity_id = row[0] if row else entity.id
        old = self.conn.execute("SELECT aliases, tickers FROM entities WHERE id = ?",
                                (entity_id,)).fetchone()
        if old is None:
            counts["entities"] += 1
            aliases, tickers = list(entity.aliases), list(entity.tickers)
            self.conn.execute("INSERT INTO entities VALUES (?, ?, ?, ?, ?)",
                              (entity_id, entity.name, entity.type, json.dumps(aliases),
                               json.dumps(tickers)))
        else:
            aliases = _union(json.loads(old[0]), entity.aliases)
            tickers = _union(json.loads(old[1]), entity.tickers)
            self.conn.execute("UPDATE entities SET aliases = ?, tickers = ? WHERE id = ?",
                              (json.dumps(aliases), json.dumps(tickers), entity_id))
        for form in (entity.name, *aliases):
            self.conn.execute("INSERT OR IGNORE INTO entity_keys VALUES (?, ?, ?)",
                              (name_key(form), entity.type, entity_id))
        return entity_id

    # -- reading -----------------------------------------------------------------------------

    @property
    def graph(self) -> nx.MultiDiGraph:
        if self._graph is None:
            self._graph = self._load()
        return self._graph

    def _load(self) -> nx.MultiDiGraph:
        graph = nx.MultiDiGraph()
        names: dict[str, set[str]] = {}
        with closing(self.conn.cursor()) as cur:
            for id_, name, type_, aliases, tickers in cur.execute("SELECT * FROM entities"):
                entity = Entity(id=id_, name=name, type=type_, aliases=tuple(json.loads(aliases)),
                                tickers=tuple(json.loads(tickers)))
                graph.add_node(id_, entity=entity)
                for form in (name, *entity.aliases, *entity.tickers):
                    names.setdefault(form.casefold(), set()).add(id_)
                    names.setdefault(name_key(form), set()).add(id_)
            self._articles = {
                a: (t, date.fromisoformat(p) if p else None)
                for a, t, p in cur.execute("SELECT id, title, published FROM articles")
            }
            for row in cur.execute("SELECT * FROM facts ORDER BY seen, article_id, start"):
                self._add_fact(graph, row)
        self._names = names
        return graph

    def _add_fact(self, graph: nx.MultiDiGraph, row: tuple[Any, ...]) -> None:
        (article_id, type_, source, target, role, status, amount, weight, sentence, start, end,
         rule, confidence, seen) = row
        key = (type_, role)
        if not graph.has_edge(source, target, key):
            graph.add_edge(source, target, key, evidence=[], seen=[], weight_pct=None)
        edge = graph.edges[source, target, key]
        title, published = self._articles.get(article_id, ("", None))
        edge["evidence"].append(StoredEvidence(
            article_id, title, published, sentence, start, end, rule, status, confidence,
            Amount.model_validate_json(amount) if amount else None,
        ))
        edge["seen"].append(date.fromisoformat(seen))
        if weight is not None:
            edge["weight_pct"] = weight

    def resolve(self, name: str) -> Entity:
        graph = self.graph
        for key in (name.strip().casefold(), name_key(name)):
            ids = self._names.get(key)
            if ids:
                best = max(ids, key=lambda i: graph.degree(i))
                entity: Entity = graph.nodes[best]["entity"]
                return entity
        entry = default_gazetteer().lookup(name)  # a gazetteer name the articles never used
        if entry is not None and entry.id in graph:
            found: Entity = graph.nodes[entry.id]["entity"]
            return found
        known = {n.casefold(): n for n in self._display_names()}
        close = difflib.get_close_matches(name.casefold(), list(known), n=3, cutoff=0.6)
        hint = f" Did you mean {', '.join(repr(known[c]) for c in close)}?" if close else ""
        raise NotFound(f"No entity is called {name!r} in {self.location}.{hint}")

    def _display_names(self) -> Iterator[str]:
        for _, data in self.graph.nodes(data=True):
            entity: Entity = data["entity"]
            yield entity.name
            yield from entity.aliases

    def card(self, entity_id: str) -> EntityCard:
        graph = self.graph
        if entity_id not in graph:
            raise NotFound(f"No entity has id {entity_id!r} in {self.location}.")
        out = tuple(self._relation(u, v, k, d) for u, v, k, d in
                    graph.out_edges(entity_id, keys=True, data=True))
        inc = tuple(self._relation(u, v, k, d) for u, v, k, d in
                    graph.in_edges(entity_id, keys=True, data=True))
        return EntityCard(graph.nodes[entity_id]["entity"], _sorted(out), _sorted(inc))

    def _relation(self, u: str, v: str, key: tuple[str, str], data: dict[str, Any]
                  ) -> StoredRelation:
        evidence: list[StoredEvidence] = data["evidence"]
        latest = evidence[-1]
        amounts = [e.amount for e in evidence if e.amount is not None]
        return StoredRelation(
            type=key[0], source=self.graph.nodes[u]["entity"],
            target=self.graph.nodes[v]["entity"], role=key[1] or None, status=latest.status,
            amount=amounts[-1] if amounts else None, weight_pct=data["weight_pct"],
            first_seen=min(data["seen"]), last_seen=max(data["seen"]), evidence=tuple(evidence),
        )

    def stats(self) -> Stats:
        graph = self.graph
        by_type = Counter(d["entity"].type for _, d in graph.nodes(data=True))
        rel_types = Counter(k[0] for _, _, k in graph.edges(keys=True))
        evidence = sum(len(d["evidence"]) for _, _, d in graph.edges(data=True))
        return Stats(self.location, len(self._articles), evidence, dict(sorted(by_type.items())),
                     dict(sorted(rel_types.items())))


def _schema_version(conn: sqlite3.Connection) -> str | None:
    has_meta = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'").fetchone()
    if not has_meta:
        if conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
            raise sqlite3.DatabaseError("it holds tables capexgraph did not make")
        return None
    row = conn.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
    return row[0] if row else None


def _union(old: list[str], new: Iterable[str]) -> list[str]:
    return old + [x for x in new if x not in old]


def _sorted(relations: tuple[StoredRelation, ...]) -> tuple[StoredRelation, ...]:
    return tuple(sorted(relations, key=lambda r: (r.type, -(r.amount.value_usd or 0)
                                                   if r.amount else 0, r.target.name)))
