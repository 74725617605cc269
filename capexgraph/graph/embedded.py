"""The embedded store: a networkx graph, persisted in one SQLite file.

SQLite gives the crash safety (an ingest is one transaction: a killed process leaves the old
state, rolled back from the journal on next open) and the incremental writes (an ingest
touches only the rows of its own articles). networkx gives the in-memory graph the readers
walk; it is built from the file on first read, one pass over the tables.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from contextlib import closing
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import networkx as nx

from capexgraph.errors import NotFound, StoreError
from capexgraph.graph.embedded_graph import EmbeddedGraph, entity_from_row
from capexgraph.graph.exposure import Hop, Step, cycles_in
from capexgraph.graph.exposure import Path as ExposurePath
from capexgraph.graph.resolve import pick_entity, suggestion
from capexgraph.graph.store import (
    EntityCard,
    IngestSummary,
    Stats,
    StoredRelation,
    lookup_keys,
    merge_keys,
    sort_relations,
)
from capexgraph.schema import Amount, Article, ArticleExtraction, Entity, Evidence, Relation

STORE_ENV = "CAPEXGRAPH_STORE"
SCHEMA_VERSION = "1"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY, title TEXT NOT NULL, published TEXT, source TEXT NOT NULL,
    sha256 TEXT NOT NULL, ingested TEXT NOT NULL, text TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS entities (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, type TEXT NOT NULL,
    aliases TEXT NOT NULL, tickers TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS entity_keys (key TEXT PRIMARY KEY, id TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS entity_lookup (key TEXT NOT NULL, id TEXT NOT NULL,
    PRIMARY KEY (key, id));
CREATE TABLE IF NOT EXISTS mentions (article_id TEXT NOT NULL, entity_id TEXT NOT NULL,
    PRIMARY KEY (article_id, entity_id));
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
        self._index: EmbeddedGraph | None = None

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
            version = _schema_version(conn)
            if version is None:
                conn.executescript("BEGIN;" + _SCHEMA +
                                   f"INSERT INTO meta VALUES ('schema', '{SCHEMA_VERSION}');"
                                   "COMMIT;")
            elif version != SCHEMA_VERSION:
                raise StoreError(f"{store_path} is a store of schema {version}; this "
                                 f"capexgraph reads schema {SCHEMA_VERSION}.")
            else:
                _add_lookup_table(conn)
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
        self._index = None  # rebuilt from the file on next read
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
        self.conn.execute("DELETE FROM mentions WHERE article_id = ?", (art.id,))
        self.conn.execute(
            "INSERT OR REPLACE INTO articles VALUES (?, ?, ?, ?, ?, ?, ?)",
            (art.id, art.title, art.published and art.published.isoformat(), art.source,
             art.sha256, now, art.text),
        )
        ids = {e.id: self._write_entity(e, counts) for e in ex.entities}
        self.conn.executemany("INSERT OR IGNORE INTO mentions VALUES (?, ?)",
                              [(art.id, i) for i in ids.values()])
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
        row = self.conn.execute("SELECT id FROM entity_keys WHERE key = ?",
                                (merge_keys(entity)[0],)).fetchone()
        entity_id = row[0] if row else entity.id
        old = self.conn.execute("SELECT aliases, tickers FROM entities WHERE id = ?",
                                (entity_id,)).fetchone()
        if old is None:
            counts["entities"] += 1
            merged = entity.model_copy(update={"id": entity_id})
            self.conn.execute("INSERT INTO entities VALUES (?, ?, ?, ?, ?)",
                              (entity_id, entity.name, entity.type, json.dumps(entity.aliases),
                               json.dumps(entity.tickers)))
        else:
            merged = entity.model_copy(update={
                "id": entity_id,
                "aliases": tuple(_union(json.loads(old[0]), entity.aliases)),
                "tickers": tuple(_union(json.loads(old[1]), entity.tickers)),
            })
            self.conn.execute("UPDATE entities SET aliases = ?, tickers = ? WHERE id = ?",
                              (json.dumps(merged.aliases), json.dumps(merged.tickers),
                               entity_id))
        self.conn.executemany("INSERT OR IGNORE INTO entity_keys VALUES (?, ?)",
                              [(k, entity_id) for k in merge_keys(merged)])
        self.conn.executemany("INSERT OR IGNORE INTO entity_lookup VALUES (?, ?)",
                              [(k, entity_id) for k in lookup_keys(merged)])
        return entity_id

    # -- reading -----------------------------------------------------------------------------

    @property
    def index(self) -> EmbeddedGraph:
        if self._index is None:
            self._index = EmbeddedGraph(self.conn)
        return self._index

    @property
    def graph(self) -> nx.MultiDiGraph:
        return self.index.graph

    def resolve(self, name: str) -> Entity:
        index = self.index

        def candidates(key: str) -> list[tuple[str, int]]:
            ids = [r[0] for r in self.conn.execute(
                "SELECT id FROM entity_lookup WHERE key = ?", (key,))]
            return [(i, index.graph.degree(i)) for i in ids if i in index.graph]

        entity_id = pick_entity(name, candidates, lambda i: i in index.graph)
        if entity_id is None:
            names = [n for name_, aliases in self.conn.execute(
                "SELECT name, aliases FROM entities") for n in (name_, *json.loads(aliases))]
            raise NotFound(f"No entity is called {name!r} in {self.location}."
                           f"{suggestion(name, names)}")
        return index.entity(entity_id)

    def card(self, entity_id: str) -> EntityCard:
        index = self.index
        if entity_id not in index.graph:
            raise NotFound(f"No entity has id {entity_id!r} in {self.location}.")
        edges = [(u, v, k) for u, v, k in index.graph.out_edges(entity_id, keys=True)]
        edges += [(u, v, k) for u, v, k in index.graph.in_edges(entity_id, keys=True)]
        index.prefetch(edges)
        out = [index.relation(u, v, k) for u, v, k in edges if u == entity_id]
        inc = [index.relation(u, v, k) for u, v, k in edges if v == entity_id]
        return EntityCard(index.entity(entity_id), sort_relations(out), sort_relations(inc))

    def walk(self, start: str, end: str | None, max_hops: int, steps: Sequence[Step],
             cap: int | None = None, evidence: bool = True) -> list[ExposurePath]:
        """Relations always come with their statements: they are read from the file in one
        query per walk and merged from them (no merged view is stored)."""
        return self.index.walk(start, end, max_hops, steps, cap)

    def read_evidence(self, paths: Sequence[ExposurePath]) -> list[ExposurePath]:
        return list(paths)

    def cycles(self, max_len: int, steps: Sequence[Step]) -> list[ExposurePath]:
        types = {s.type for s in steps}
        edges = [(u, v, k) for u, v, k in self.index.edges() if k[0] in types]
        self.index.prefetch(edges)
        paths = [(Hop(self.index.relation(u, v, k), step.forward),)
                 for u, v, k in edges for step in steps if step.type == k[0]]
        return cycles_in(paths, max_len)

    def relations(self) -> Iterator[StoredRelation]:
        """Every edge, merged: for views such as the Cypher one."""
        edges = list(self.index.edges())
        self.index.prefetch(edges)
        for u, v, k in edges:
            yield self.index.relation(u, v, k)

    def stats(self) -> Stats:
        index = self.index
        by_type = Counter(index.entity_types())
        rel_types = Counter(k[0] for _, _, k in index.edges())
        return Stats(self.location, len(index.articles), index.evidence_count(),
                     dict(sorted(by_type.items())), dict(sorted(rel_types.items())))

    def query(self, cypher: str, params: dict[str, Any], write: bool = False
              ) -> list[dict[str, Any]]:
        from capexgraph.graph import cypher_view

        entities = list(self.index.entities())
        view = cypher_view.build_view(entities, self.relations(), self._article_mentions())
        return cypher_view.run(view, cypher, params, write)

    def _article_mentions(self) -> Iterator[tuple[dict[str, Any], list[str]]]:
        mentioned: dict[str, list[str]] = {}
        for article_id, entity_id in self.conn.execute("SELECT * FROM mentions"):
            mentioned.setdefault(article_id, []).append(entity_id)
        for id_, title, published, source, sha in self.conn.execute(
                "SELECT id, title, published, source, sha256 FROM articles"):
            yield ({"id": id_, "title": title, "published": published, "source": source,
                    "sha256": sha}, mentioned.get(id_, []))

    def extractions(self) -> Iterator[ArticleExtraction]:
        with closing(self.conn.cursor()) as cur:
            articles = cur.execute(
                "SELECT id, title, published, source, text FROM articles ORDER BY id"
            ).fetchall()
        for id_, title, published, source, text in articles:
            entities = [entity_from_row(r) for r in self.conn.execute(
                "SELECT e.* FROM entities e JOIN mentions m ON m.entity_id = e.id "
                "WHERE m.article_id = ? ORDER BY e.id", (id_,))]
            relations = [_relation_of(id_, r) for r in self.conn.execute(
                "SELECT * FROM facts WHERE article_id = ? "
                "ORDER BY start, end, type, source, target, role", (id_,))]
            article = Article.from_text(id=id_, title=title, text=text, source=source,
                                        published=date.fromisoformat(published)
                                        if published else None)
            yield ArticleExtraction(article=article, entities=tuple(entities),
                                    relations=tuple(relations))


def _relation_of(article_id: str, row: tuple[Any, ...]) -> Relation:
    (_, type_, source, target, role, status, amount, weight, sentence, start, end, rule,
     confidence, _) = row
    return Relation(
        type=type_, source=source, target=target, role=role or None, status=status,
        amount=Amount.model_validate_json(amount) if amount else None, weight_pct=weight,
        evidence=Evidence(article_id=article_id, sentence=sentence, start=start, end=end,
                          rule=rule),
        confidence=confidence,
    )


def _schema_version(conn: sqlite3.Connection) -> str | None:
    has_meta = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'").fetchone()
    if not has_meta:
        if conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
            raise sqlite3.DatabaseError("it holds tables capexgraph did not make")
        return None
    row = conn.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
    return row[0] if row else None


def _add_lookup_table(conn: sqlite3.Connection) -> None:
    """Stores written before names were indexed in SQLite get the index once, on open."""
    if conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'entity_lookup'").fetchone():
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.execute("CREATE TABLE entity_lookup (key TEXT NOT NULL, id TEXT NOT NULL, "
                     "PRIMARY KEY (key, id))")
        rows = conn.execute("SELECT id, name, type, aliases, tickers FROM entities").fetchall()
        conn.executemany("INSERT OR IGNORE INTO entity_lookup VALUES (?, ?)",
                         [(k, row[0]) for row in rows
                          for k in lookup_keys(entity_from_row(row))])
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def _union(old: list[str], new: Iterable[str]) -> list[str]:
    return old + [x for x in new if x not in old]
