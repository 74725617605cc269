"""The embedded store's graph in memory: networkx, built in one pass over the fact keys.

Opening a store with a million facts must not read a million sentences: the graph is built
from (type, source, target, role, rowid) alone, straight into networkx's adjacency dicts, and
entities and evidence rows are read from SQLite when a command first asks for them (a batch
for the edges of a walk's answer). Walks with an end prune by the distance to that end,
measured by a short breadth-first search backwards and kept for the next query.
"""

from __future__ import annotations

import json
import sqlite3
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
_HORIZON = 2  # hops measured back from a walk's end; beyond them only the first hop guesses
_BATCH = 900  # rowids per "IN (...)" query


class EmbeddedGraph:
    """The graph of one store file as of one read; rebuilt after each ingest."""

    def __init__(self, conn: sqlite3.Connection) -> None:
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
        self._hops: dict[Signature, dict[str, list[tuple[str, Ref]]]] = {}
        self._into: dict[Signature, dict[str, list[str]]] = {}
        self._reach: tuple[object, dict[str, int]] = (None, {})

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
        still reach it in the hops left. Distances to the end are known up to `_HORIZON`
        hops; an entity farther or unmeasured is only tried as the first hop, when the hops
        left exceed the horizon, so pruning never drops a path."""
        if start not in self._succ or (end is not None and end not in self._succ):
            return []
        signature = (frozenset(s.type for s in steps if s.forward),
                     frozenset(s.type for s in steps if not s.forward))
        hops = self._hops.setdefault(signature, {})
        reach = self._distances(end, signature) if end is not None else None
        found: list[list[Ref]] = []
        options: dict[str, list[tuple[int, str, Ref]]] = {}

        def usable(node: str) -> list[tuple[int, str, Ref]]:
            """A node's hops with their distance to the end, nearest first, made once per
            walk: a hub visited many times is scanned once and left early."""
            out = options.get(node)
            if out is None:
                listed = self._hops_from(node, signature, hops)
                if reach is None:
                    out = [(0, nxt, ref) for nxt, ref in listed]
                else:
                    out = sorted(((reach.get(nxt, _HORIZON + 1), nxt, ref)
                                  for nxt, ref in listed), key=lambda o: o[0])
                options[node] = out
            return out

        def dfs(node: str, path: list[Ref], on_path: set[str]) -> None:
            left = max_hops - len(path)
            for dist, nxt, ref in usable(node):
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

    def _hops_from(self, node: str, signature: Signature,
                   memo: dict[str, list[tuple[str, Ref]]]) -> list[tuple[str, Ref]]:
        """A node's usable hops, listed once per kind of walk and kept across queries."""
        out = memo.get(node)
        if out is None:
            forward, backward = signature
            out = [(v, (node, v, k, True)) for v, keys in self._succ[node].items()
                   for k in keys if k[0] in forward]
            out += [(u, (u, node, k, False)) for u, keys in self._pred[node].items()
                    for k in keys if k[0] in backward]
            memo[node] = out
        return out

    def _distances(self, end: str, signature: Signature) -> dict[str, int]:
        """Hops from each entity to `end`, up to the horizon, by breadth-first search
        backwards; kept for the next query to the same end (a --to query deepens)."""
        if self._reach[0] == (end, signature):
            return self._reach[1]
        into = self._into.setdefault(signature, {})
        forward, backward = signature
        dist = {end: 0}
        frontier = [end]
        for d in range(1, _HORIZON + 1):
            nxt = []
            for node in frontier:
                preds = into.get(node)
                if preds is None:
                    preds = into[node] = (
                        [u for u, keys in self._pred[node].items()
                         if any(k[0] in forward for k in keys)]
                        + [v for v, keys in self._succ[node].items()
                           if any(k[0] in backward for k in keys)])
                for p in preds:
                    if p not in dist:
                        dist[p] = d
                        nxt.append(p)
            frontier = nxt
        self._reach = ((end, signature), dist)
        return dist


def entity_from_row(row: tuple[Any, ...]) -> Entity:
    id_, name, type_, aliases, tickers = row
    return Entity(id=id_, name=name, type=type_, aliases=tuple(json.loads(aliases)),
                  tickers=tuple(json.loads(tickers)))


@lru_cache(maxsize=4096)
def _day(text: str) -> date:
    return date.fromisoformat(text)


def stored_amount(text: str) -> Amount:
    """An amount this store wrote after validating it: rebuilt without validating again,
    which makes reading many evidence rows several times faster."""
    data = json.loads(text)
    if data.get("rate_date"):
        data["rate_date"] = _day(data["rate_date"])
    return Amount.model_construct(**data)
