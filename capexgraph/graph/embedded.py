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
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import closing
from datetime import UTC, date, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

import networkx as nx

from capexgraph.errors import NotFound, StoreError
from capexgraph.graph.exposure import Hop, Step, cycles_in
from capexgraph.graph.exposure import Path as ExposurePath
from capexgraph.graph.resolve import pick_entity, suggestion
from capexgraph.graph.store import (
    EntityCard,
    IngestSummary,
    Stats,
    StoredEvidence,
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
        self._graph: nx.MultiDiGraph | None = None
        self._articles: dict[str, tuple[str, date | None]] = {}
        self._names: dict[str, set[str]] = {}
        # the last target's reverse distances: a --to query deepens one hop at a time
        self._reach_memo: tuple[object, int, dict[str, int]] = (None, 0, {})

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
        self._reach_memo = (None, 0, {})
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
            for row in cur.execute("SELECT * FROM entities"):
                entity = _entity(row)
                graph.add_node(entity.id, entity=entity)
                for key in lookup_keys(entity):
                    names.setdefault(key, set()).add(entity.id)
            self._articles = {
                a: (t, date.fromisoformat(p) if p else None)
                for a, t, p in cur.execute("SELECT id, title, published FROM articles")
            }
            # Edges keep their fact rows as read; evidence objects are made when an edge
            # is first asked for, so opening a large store costs one pass of tuples.
            adjacency = graph.succ
            for row in cur.execute("SELECT * FROM facts"):
                source, target, edge_key = row[2], row[3], (row[1], row[4])
                edges = adjacency[source].get(target)
                if edges is not None and edge_key in edges:
                    edges[edge_key]["rows"].append(row)
                else:
                    graph.add_edge(source, target, edge_key, rows=[row])
        self._names = names
        return graph

    def _evidence(self, row: tuple[Any, ...]) -> StoredEvidence:
        (article_id, _, _, _, _, status, amount, weight, sentence, start, end, rule,
         confidence, seen) = row
        title, published = self._articles.get(article_id, ("", None))
        return StoredEvidence(
            article_id, title, published, _day(seen), sentence, start, end, rule, status,
            confidence, _stored_amount(amount) if amount else None, weight,
        )

    def resolve(self, name: str) -> Entity:
        graph = self.graph
        entity_id = pick_entity(name, lambda key: [(i, graph.degree(i))
                                                   for i in self._names.get(key, ())],
                                lambda i: i in graph)
        if entity_id is None:
            names = [n for _, d in graph.nodes(data=True)
                     for n in (d["entity"].name, *d["entity"].aliases)]
            raise NotFound(f"No entity is called {name!r} in {self.location}."
                           f"{suggestion(name, names)}")
        entity: Entity = graph.nodes[entity_id]["entity"]
        return entity

    def card(self, entity_id: str) -> EntityCard:
        graph = self.graph
        if entity_id not in graph:
            raise NotFound(f"No entity has id {entity_id!r} in {self.location}.")
        out = [self._relation(u, v, k, d) for u, v, k, d in
               graph.out_edges(entity_id, keys=True, data=True)]
        inc = [self._relation(u, v, k, d) for u, v, k, d in
               graph.in_edges(entity_id, keys=True, data=True)]
        return EntityCard(graph.nodes[entity_id]["entity"], sort_relations(out),
                          sort_relations(inc))

    def _relation(self, u: str, v: str, key: tuple[str, str], data: dict[str, Any]
                  ) -> StoredRelation:
        merged: StoredRelation | None = data.get("merged")
        if merged is None:  # made once per edge and kept with it until the next ingest
            nodes = self.graph.nodes
            merged = data["merged"] = StoredRelation.merge(
                key[0], nodes[u]["entity"], nodes[v]["entity"], key[1],
                [self._evidence(row) for row in data["rows"]])
        return merged

    def walk(self, start: str, end: str | None, max_hops: int, steps: Sequence[Step],
             cap: int | None = None) -> list[ExposurePath]:
        """Simple paths by depth-first search; with an end, only through entities that can
        still reach it in the hops left (a reverse breadth-first search measures that)."""
        graph = self.graph
        if start not in graph or (end is not None and end not in graph):
            return []
        forward = {s.type for s in steps if s.forward}
        backward = {s.type for s in steps if not s.forward}

        succ, pred = graph.succ, graph.pred

        def hops_from(node: str) -> Iterator[tuple[str, str, tuple[str, str], bool]]:
            for v, keys in succ[node].items():
                for k in keys:
                    if k[0] in forward:
                        yield node, v, k, True
            for u, keys in pred[node].items():
                for k in keys:
                    if k[0] in backward:
                        yield u, node, k, False

        def hops_into(node: str) -> Iterator[str]:
            for u, keys in pred[node].items():
                if any(k[0] in forward for k in keys):
                    yield u
            for v, keys in succ[node].items():
                if any(k[0] in backward for k in keys):
                    yield v

        reach = None
        if end is not None:
            memo = (end, frozenset(forward), frozenset(backward))
            if self._reach_memo[0] != memo or self._reach_memo[1] < max_hops:
                self._reach_memo = (memo, max_hops, _distances(end, hops_into, max_hops))
            reach = self._reach_memo[2]
        found: list[ExposurePath] = []
        options: dict[str, list[tuple[int, str, tuple[str, str, tuple[str, str], bool]]]] = {}

        def next_hops(node: str) -> list[tuple[int, str, tuple[str, str, tuple[str, str], bool]]]:
            """A node's usable hops, made once per walk, nearest to the end first, so a
            hub visited many times is not scanned many times."""
            if node not in options:
                out = []
                for u, v, k, fwd in hops_from(node):
                    nxt = v if fwd else u
                    dist = 0 if reach is None else reach.get(nxt, max_hops + 1)
                    if dist <= max_hops:
                        out.append((dist, nxt, (u, v, k, fwd)))
                options[node] = sorted(out, key=lambda o: o[0])
            return options[node]

        def dfs(node: str, path: list[Hop], on_path: set[str]) -> None:
            left = max_hops - len(path)
            for dist, nxt, (u, v, k, fwd) in next_hops(node):
                if dist > left - 1 or (cap is not None and len(found) >= cap):
                    return
                if nxt in on_path:
                    continue
                step = [*path, Hop(self._relation(u, v, k, succ[u][v][k]), fwd)]
                if end is None or nxt == end:
                    found.append(tuple(step))
                if left > 1 and nxt != end:
                    dfs(nxt, step, on_path | {nxt})

        dfs(start, [], {start})
        return found

    def cycles(self, max_len: int, steps: Sequence[Step]) -> list[ExposurePath]:
        paths = [(Hop(self._relation(u, v, k, d), step.forward),)
                 for u, v, k, d in self.graph.edges(keys=True, data=True)
                 for step in steps if step.type == k[0]]
        return cycles_in(paths, max_len)

    def relations(self) -> Iterator[StoredRelation]:
        """Every edge, merged: for views such as the Cypher one."""
        for u, v, k, d in self.graph.edges(keys=True, data=True):
            yield self._relation(u, v, k, d)

    def stats(self) -> Stats:
        graph = self.graph
        by_type = Counter(d["entity"].type for _, d in graph.nodes(data=True))
        rel_types = Counter(k[0] for _, _, k in graph.edges(keys=True))
        evidence = sum(len(d["rows"]) for _, _, d in graph.edges(data=True))
        return Stats(self.location, len(self._articles), evidence, dict(sorted(by_type.items())),
                     dict(sorted(rel_types.items())))

    def query(self, cypher: str, params: dict[str, Any], write: bool = False
              ) -> list[dict[str, Any]]:
        from capexgraph.graph import cypher_view

        entities = [d["entity"] for _, d in self.graph.nodes(data=True)]
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
            entities = [_entity(r) for r in self.conn.execute(
                "SELECT e.* FROM entities e JOIN mentions m ON m.entity_id = e.id "
                "WHERE m.article_id = ? ORDER BY e.id", (id_,))]
            relations = [_relation_of(id_, r) for r in self.conn.execute(
                "SELECT * FROM facts WHERE article_id = ? "
                "ORDER BY start, end, type, source, target", (id_,))]
            article = Article.from_text(id=id_, title=title, text=text, source=source,
                                        published=date.fromisoformat(published)
                                        if published else None)
            yield ArticleExtraction(article=article, entities=tuple(entities),
                                    relations=tuple(relations))


@lru_cache(maxsize=4096)
def _day(text: str) -> date:
    return date.fromisoformat(text)


def _stored_amount(text: str) -> Amount:
    """An amount this store wrote after validating it: rebuilt without validating again,
    which makes opening a large store several times faster."""
    data = json.loads(text)
    if data.get("rate_date"):
        data["rate_date"] = _day(data["rate_date"])
    return Amount.model_construct(**data)


def _distances(end: str, predecessors: Callable[[str], Iterable[str]], limit: int
               ) -> dict[str, int]:
    """Hops from each entity to `end`, up to `limit`, by breadth-first search backwards."""
    dist = {end: 0}
    frontier = [end]
    for d in range(1, limit + 1):
        nxt = []
        for node in frontier:
            for pred in predecessors(node):
                if pred not in dist:
                    dist[pred] = d
                    nxt.append(pred)
        frontier = nxt
    return dist


def _entity(row: tuple[Any, ...]) -> Entity:
    id_, name, type_, aliases, tickers = row
    return Entity(id=id_, name=name, type=type_, aliases=tuple(json.loads(aliases)),
                  tickers=tuple(json.loads(tickers)))


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


def _union(old: list[str], new: Iterable[str]) -> list[str]:
    return old + [x for x in new if x not in old]
