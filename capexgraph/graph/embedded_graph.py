"""The embedded store's graph in memory: networkx, built in one pass over the fact keys.

Opening a store with a million facts must not read a million sentences: the graph is built
from (type, source, target, role, rowid) alone, straight into networkx's adjacency dicts, and
entities and evidence rows are read from SQLite when a command first asks for them (a batch
for the edges of a walk's answer). Walks with an end prune by the distance to that end,
measured by a short breadth-first search backwards and kept for the next query.
"""

from __future__ import annotations

import gc
import json
import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from functools import lru_cache
from typing import Any

import networkx as nx

from capexgraph.graph.exposure import Hop, Step
from capexgraph.graph.exposure import Path as ExposurePath
from capexgraph.graph.store import StoredEvidence, StoredRelation
from capexgraph.schema import Amount, Entity

EdgeKey = tuple[str, str]  # (relation type, role or "")
Ref = tuple[str, str, EdgeKey, bool]  # (source, target, key, walked forward)
Signature = tuple[frozenset[str], frozenset[str]]  # relation types walked along, against

# Walks with an end prune by the distance to it, measured backwards for at most this many
# hops, and for one only when the end is a hub (its first ring over the budget): an entity
# not measured is farther than that, which is all the pruning needs to stay exact. (The Neo4j
# backend meets in the middle instead: see `Neo4jStore.walk`.)
REACH_HORIZON = 2
REACH_RING_BUDGET = 2_000
ALL_MEASURED = 1_000  # horizon of a search that ran out: the unmeasured cannot reach the end
_BATCH = 900  # rowids per "IN (...)" query
_NO_HOPS: dict[str, list[Ref]] = {}
_NO_NODES: list[str] = []


class EmbeddedGraph:
    """The graph of one store file as of one read; rebuilt after each ingest."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        gc_was_on = gc.isenabled()
        gc.disable()  # millions of new dicts and no cycles: collections would only rescan them
        try:
            self._build(conn)
        finally:
            if gc_was_on:
                gc.enable()

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
        self._into: dict[Signature, dict[str, list[str]]] = {}
        self._reach: tuple[object, dict[str, int], int] = (None, {}, 0)
        # per end: each node's measured hops, nearest to that end first
        self._measured: dict[tuple[object, ...], dict[str, list[tuple[int, str, Ref]]]] = {}

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
        """Simple paths by depth-first search; with an end, only through entities that can
        still reach it in the hops left.

        Distances to the end are measured backwards for a few hops (the horizon: two, or one
        when the end is a hub whose second ring would be most of the graph). An unmeasured
        entity is farther than the horizon, so it is tried only while more hops are left
        than that; pruning therefore never drops a path.
        """
        if start not in self._succ or (end is not None and end not in self._succ):
            return []
        signature = (frozenset(s.type for s in steps if s.forward),
                     frozenset(s.type for s in steps if not s.forward))
        hops, _ = self._typed(signature)
        reach, horizon = self._distances(end, signature) if end is not None else ({}, -1)
        measured = self._measured.setdefault((end, signature), {})
        found: list[list[Ref]] = []

        def dfs(node: str, path: list[Ref], on_path: set[str]) -> None:
            left = max_hops - len(path)
            nbrs = hops.get(node, _NO_HOPS)
            if end is None or left - 1 > horizon:  # every hop may still reach the end
                options: Iterable[tuple[int, str, Ref]] = (
                    (0, nxt, ref) for nxt, refs in nbrs.items() for ref in refs)
            else:  # only measured entities can: nearest first, leave at the first too far
                known = measured.get(node)
                if known is None:  # a hub's list meets the ring in C, not item by item
                    known = measured[node] = sorted(
                        ((reach[n], n, ref) for n in nbrs.keys() & reach.keys()
                         for ref in nbrs[n]),
                        key=lambda o: o[0])
                options = known
            for dist, nxt, ref in options:
                if dist > left - 1 or (cap is not None and len(found) >= cap):
                    return
                if nxt in on_path:
                    continue
                step = [*path, ref]
                if end is None or nxt == end:
                    found.append(step)
                if left > 1 and nxt != end:
                    dfs(nxt, step, on_path | {nxt})

        dfs(start, [], {start})
        self.prefetch((u, v, k) for path in found for u, v, k, _ in path)
        return [tuple(Hop(self.relation(u, v, k), fwd) for u, v, k, fwd in path)
                for path in found]

    def _typed(self, signature: Signature) -> tuple[dict[str, dict[str, list[Ref]]],
                                                    dict[str, list[str]]]:
        """Every node's hops for one kind of walk, and the reverse (who steps into each
        node), made in one pass over the edges the first time that kind is walked and kept
        until the next ingest: cheaper than scanning hubs query after query."""
        if signature not in self._hops:
            gc_was_on = gc.isenabled()
            gc.disable()
            try:
                forward, backward = signature
                hops: dict[str, dict[str, list[Ref]]] = defaultdict(dict)
                into: dict[str, list[str]] = defaultdict(list)
                for u, targets in self._succ.items():
                    for v, keys in targets.items():
                        for k in keys:
                            if k[0] in forward:
                                hops[u].setdefault(v, []).append((u, v, k, True))
                                into[v].append(u)
                            if k[0] in backward:
                                hops[v].setdefault(u, []).append((u, v, k, False))
                                into[u].append(v)
                self._hops[signature], self._into[signature] = dict(hops), dict(into)
            finally:
                if gc_was_on:
                    gc.enable()
        return self._hops[signature], self._into[signature]

    def _distances(self, end: str, signature: Signature) -> tuple[dict[str, int], int]:
        """Hops from entities to `end` up to the horizon, by breadth-first search backwards,
        and the horizon reached; kept for the next query to the same end (a --to query
        deepens one hop at a time)."""
        if self._reach[0] == (end, signature):
            return self._reach[1], self._reach[2]
        self._measured.clear()  # sorted by the distances to another end
        _, into = self._typed(signature)
        dist = {end: 0}
        frontier = [end]
        horizon = 0
        for d in range(1, REACH_HORIZON + 1):
            if d > 1 and len(frontier) > REACH_RING_BUDGET:
                break  # a hub's next ring is most of the graph: let the walk prune instead
            nxt = []
            for node in frontier:
                for p in into.get(node, _NO_NODES):
                    if p not in dist:
                        dist[p] = d
                        nxt.append(p)
            frontier = nxt
            horizon = d
            if not frontier:  # nothing farther can reach the end: every distance is known
                horizon = ALL_MEASURED
                break
        self._reach = ((end, signature), dist, horizon)
        return dist, horizon


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
