"""The embedded store's graph in memory: networkx, built in one pass over the fact keys.

Opening a store with a million facts must not read a million sentences: the graph is built
from (type, source, target, role, rowid) alone, straight into networkx's adjacency dicts, and
entities and evidence rows are read from SQLite when a command first asks for them (a batch
for the edges of a walk's answer). Walks with an end meet in the middle: the last
steps are found from both ends, so that a hub's thousands of neighbours are never listed for
one query.
"""

from __future__ import annotations

import gc
import json
import sqlite3
import sys
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from functools import lru_cache
from itertools import islice, product
from typing import Any

import networkx as nx

from capexgraph.graph.exposure import Hop, Step
from capexgraph.graph.exposure import Path as ExposurePath
from capexgraph.graph.store import StoredEvidence, StoredRelation
from capexgraph.schema import Amount, Entity

EdgeKey = tuple[str, str]  # (relation type, role or "")
Ref = tuple[str, str, EdgeKey, bool]  # (source, target, key, walked forward)
Signature = tuple[frozenset[str], frozenset[str]]  # relation types walked along, against
Into = dict[str, dict[str, None]]  # per entity, who steps into it (an ordered set)

_BATCH = 900  # rowids per "IN (...)" query
_NO_HOPS: dict[str, list[Ref]] = {}
_NO_NODES: dict[str, None] = {}


class EmbeddedGraph:
    """The graph of one store file as of one read; rebuilt after each ingest."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        with _long_lived():
            self._build(conn)

    def _build(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.graph = nx.MultiDiGraph()
        nodes: dict[str, dict[str, Any]] = {}
        succ: dict[str, dict[str, dict[EdgeKey, dict[str, Any]]]] = {}
        pred: dict[str, dict[str, dict[EdgeKey, dict[str, Any]]]] = {}
        for row in conn.execute("SELECT id, name, type, aliases, tickers FROM entities"):
            nodes[row[0]] = {"row": row}
            succ[row[0]] = {}
            pred[row[0]] = {}
        for type_, source, target, role, rowid in conn.execute(
                "SELECT type, source, target, role, rowid FROM facts"):
            keys = succ[source].get(target)
            if keys is None:
                keys = succ[source][target] = pred[target][source] = {}
            data = keys.get((type_, role))
            if data is None:
                keys[(type_, role)] = {"rowids": [rowid]}
            else:
                data["rowids"].append(rowid)
        # networkx's own layout: _succ[u][v] and _pred[v][u] are the same key dict
        self.graph._node = nodes
        self.graph._adj = self.graph._succ = succ
        self.graph._pred = pred
        self._succ, self._pred = succ, pred
        self.articles: dict[str, tuple[str, date | None]] = {
            a: (t, date.fromisoformat(p) if p else None)
            for a, t, p in conn.execute("SELECT id, title, published FROM articles")}
        self._hops: dict[Signature, dict[str, dict[str, list[Ref]]]] = {}
        self._into: dict[Signature, Into] = {}

    # -- entities and relations ---------------------------------------------------------------

    def entity(self, entity_id: str) -> Entity:
        node = self.graph._node[entity_id]
        entity: Entity | None = node.get("entity")
        if entity is None:
            entity = node["entity"] = entity_from_row(node["row"])
        return entity

    def entities(self) -> Iterator[Entity]:
        return (self.entity(i) for i in self.graph._node)

    def relation(self, u: str, v: str, key: EdgeKey) -> StoredRelation:
        data = self._succ[u][v][key]
        merged: StoredRelation | None = data.get("merged")
        if merged is None:  # made once per edge and kept with it until the next ingest
            if "rows" not in data:
                self.prefetch([(u, v, key)])
            merged = data["merged"] = StoredRelation.merge(
                key[0], self.entity(u), self.entity(v), key[1],
                [self._evidence(row) for row in data["rows"]])
        return merged

    def entity_types(self) -> Iterator[str]:
        """Each entity's type, without building the entities."""
        return (node["row"][2] for node in self.graph._node.values())

    def edges(self) -> Iterator[tuple[str, str, EdgeKey]]:
        for u, targets in self._succ.items():
            for v, keys in targets.items():
                for key in keys:
                    yield u, v, key

    def evidence_count(self) -> int:
        return sum(len(self._succ[u][v][k]["rowids"]) for u, v, k in self.edges())

    def prefetch(self, edges: Iterable[tuple[str, str, EdgeKey]]) -> None:
        """Read the fact rows of these edges in a few queries (all of them in one scan)."""
        wanted = [self._succ[u][v][k] for u, v, k in edges]
        wanted = [d for d in wanted if "rows" not in d]
        if not wanted:
            return
        rowids = [r for d in wanted for r in d["rowids"]]
        rows: dict[int, tuple[Any, ...]] = {}
        if len(rowids) > len(self._succ) * 4:  # most of the graph: one pass is cheaper
            rows = {r[0]: r[1:] for r in self.conn.execute("SELECT rowid, * FROM facts")}
        else:
            for i in range(0, len(rowids), _BATCH):
                chunk = rowids[i:i + _BATCH]
                marks = ",".join("?" * len(chunk))
                rows.update((r[0], r[1:]) for r in self.conn.execute(
                    f"SELECT rowid, * FROM facts WHERE rowid IN ({marks})", chunk))
        for data in wanted:
            data["rows"] = [rows[r] for r in sorted(data["rowids"])]

    def _evidence(self, row: tuple[Any, ...]) -> StoredEvidence:
        (article_id, _, _, _, _, status, amount, weight, sentence, start, end, rule,
         confidence, seen) = row
        title, published = self.articles.get(article_id, ("", None))
        return StoredEvidence(
            article_id, title, published, _day(seen), sentence, start, end, rule, status,
            confidence, stored_amount(amount) if amount else None, weight,
        )

    # -- walks ---------------------------------------------------------------------------------

    def walk(self, start: str, end: str | None, max_hops: int, steps: Sequence[Step],
             cap: int | None = None) -> list[ExposurePath]:
        """Simple paths of at most `max_hops` steps, depth first from the start; with an
        end, shortest first, each length's last three hops meeting in the middle
        (`_ending`)."""
        if start not in self._succ or (end is not None and end not in self._succ) \
                or start == end:
            return []
        signature = (frozenset(s.type for s in steps if s.forward),
                     frozenset(s.type for s in steps if not s.forward))
        hops, into = self._typed(signature)
        found: list[list[Ref]] = []
        room = cap if cap is not None else sys.maxsize

        def dfs(node: str, length: int, path: list[Ref], on_path: set[str]) -> None:
            if end is None and len(path) == length:
                return
            if end is not None and len(path) == max(0, length - 3):
                found.extend(islice(_ending(node, end, length - len(path), path, on_path,
                                            hops, into), room - len(found)))
                return
            for nxt, refs in hops.get(node, _NO_HOPS).items():
                if nxt in on_path or nxt == end or len(found) >= room:
                    continue
                for ref in refs:
                    step = [*path, ref]
                    if end is None:
                        found.append(step)
                    dfs(nxt, length, step, on_path | {nxt})

        for length in range(1, max_hops + 1) if end is not None else [max_hops]:
            dfs(start, length, [], {start})
        del found[room:]
        self.prefetch((u, v, k) for path in found for u, v, k, _ in path)
        return [tuple(Hop(self.relation(u, v, k), fwd) for u, v, k, fwd in path)
                for path in found]

    def _typed(self, signature: Signature) -> tuple[dict[str, dict[str, list[Ref]]],
                                                    Into]:
        """Every node's hops for one kind of walk, and the reverse (who steps into each
        node), made in one pass over the edges the first time that kind is walked and kept
        until the next ingest: cheaper than scanning hubs query after query."""
        if signature not in self._hops:
            with _long_lived():
                forward, backward = signature
                hops: dict[str, dict[str, list[Ref]]] = defaultdict(dict)
                into: dict[str, dict[str, None]] = defaultdict(dict)
                for u, targets in self._succ.items():
                    for v, keys in targets.items():
                        for k in keys:
                            if k[0] in forward:
                                hops[u].setdefault(v, []).append((u, v, k, True))
                                into[v][u] = None
                            if k[0] in backward:
                                hops[v].setdefault(u, []).append((u, v, k, False))
                                into[u][v] = None
                self._hops[signature] = dict(hops)
                self._into[signature] = dict(into)
        return self._hops[signature], self._into[signature]


def _ending(node: str, end: str, length: int, path: list[Ref], on_path: set[str],
            hops: dict[str, dict[str, list[Ref]]], into: Into) -> Iterator[list[Ref]]:
    """The paths that go from `node` to `end` in `length` (1 to 3) more steps, avoiding
    `on_path`. Three steps node -> a -> b -> end: the walk goes forwards from `node` or
    backwards from `end`, whichever has fewer neighbours, and finds the middle entity as the
    neighbours two entities share, scanning the smaller side; a hub is never listed whole
    for one end, which is what makes a walk to a company through an index hub cheap."""
    if length == 1:
        for ref in hops.get(node, _NO_HOPS).get(end, ()):
            yield [*path, ref]
        return
    if length == 2:
        for a in _between(node, end, hops, into):
            if a not in on_path:
                for ref_a, ref_b in product(hops[node][a], hops[a][end]):
                    yield [*path, ref_a, ref_b]
        return
    nbrs, sources = hops.get(node, _NO_HOPS), into.get(end, _NO_NODES)
    pairs: Iterable[tuple[str, str]]
    if len(nbrs) <= len(sources):
        pairs = ((a, b) for a in nbrs if a not in on_path and a != end
                 for b in _between(a, end, hops, into))
    else:
        pairs = ((a, b) for b in sources if b not in on_path
                 for a in _between(node, b, hops, into) if a != end)
    for a, b in pairs:
        if a != b and b not in on_path and a not in on_path:
            for refs in product(hops[node][a], hops[a][b], hops[b][end]):
                yield [*path, *refs]


def _between(a: str, b: str, hops: dict[str, dict[str, list[Ref]]],
             into: Into) -> list[str]:
    """Entities one step after `a` and one step before `b`, scanning the smaller side."""
    after, before = hops.get(a, _NO_HOPS), into.get(b, _NO_NODES)
    if len(after) <= len(before):
        return [n for n in after if n != b and b in hops.get(n, _NO_HOPS)]
    return [n for n in before if n != a and n in after]


@contextmanager
def _long_lived() -> Iterator[None]:
    """Build millions of objects that live until the next ingest: no collections while they
    are made (there are no cycles to find), and then out of the collector's sight for good
    (`gc.freeze`). Left in, every full collection rescanned them: at 1M relations that was
    half of a query's time."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if was_on:
            gc.enable()


def entity_from_row(row: tuple[Any, ...]) -> Entity:
    id_, name, type_, aliases, tickers = row
    return Entity(id=id_, name=name, type=type_, aliases=tuple(json.loads(aliases)),
                  tickers=tuple(json.loads(tickers)))


@lru_cache(maxsize=4096)
def _day(text: str) -> date:
    return date.fromisoformat(text)


@lru_cache(maxsize=65536)
def stored_amount(text: str) -> Amount:
    """An amount this store wrote after validating it: rebuilt without validating again,
    which makes reading many evidence rows several times faster."""
    data = json.loads(text)
    if data.get("rate_date"):
        data["rate_date"] = _day(data["rate_date"])
    return Amount.model_construct(**data)
