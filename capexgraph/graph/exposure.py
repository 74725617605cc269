"""Exposure chains, money cycles and connections: the analyst's questions, backend-neutral.

Each backend only enumerates simple paths along allowed steps (`Step`: a relation type walked
along or against its direction); everything else (the as-of cut, weights, ranking,
aggregation, cycles) happens here, so both backends give the same answers.

An exposure edge A -> B means A's value depends on B: a fund on the index it TRACKS (weight
1), a fund or index on each constituent (CONSTITUENT_OF walked backwards, weight
weight_pct/100 when known), an investor on its investee, a supplier on its customer; with
`dependency`, a customer also on its supplier. A chain's weight is the product of its hops'
weights, unknown as soon as one hop's is; weights of several chains to one target add up,
capped at 1. Money flows from investor to investee and from customer to supplier.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from capexgraph.graph.store import StoredRelation
from capexgraph.schema import Entity


@dataclass(frozen=True)
class Step:
    """A relation type walked from its source to its target (forward) or back."""

    type: str
    forward: bool


EXPOSURE_STEPS = (Step("TRACKS", True), Step("CONSTITUENT_OF", False),
                  Step("INVESTS_IN", True), Step("SUPPLIES", True))
DEPENDENCY_STEP = Step("SUPPLIES", False)
MONEY_STEPS = (Step("INVESTS_IN", True), Step("SUPPLIES", False))
ANY_STEPS = tuple(Step(t, f) for t in ("INVESTS_IN", "SUPPLIES", "CONSTITUENT_OF", "TRACKS",
                                       "EXECUTIVE_OF") for f in (True, False))


def exposure_steps(dependency: bool = False, via: Iterable[str] | None = None
                   ) -> tuple[Step, ...]:
    steps = EXPOSURE_STEPS + ((DEPENDENCY_STEP,) if dependency else ())
    allowed = {v.upper() for v in via} if via else None
    return tuple(s for s in steps if allowed is None or s.type in allowed)


@dataclass(frozen=True)
class Hop:
    relation: StoredRelation
    forward: bool

    @property
    def start(self) -> Entity:
        return self.relation.source if self.forward else self.relation.target

    @property
    def end(self) -> Entity:
        return self.relation.target if self.forward else self.relation.source

    @property
    def weight(self) -> float | None:
        rel = self.relation
        if rel.type == "TRACKS":
            return 1.0
        if rel.type == "CONSTITUENT_OF" and not self.forward and rel.weight_pct is not None:
            return rel.weight_pct / 100
        return None


Path = tuple[Hop, ...]


@dataclass(frozen=True)
class Chain:
    hops: Path

    @property
    def weight(self) -> float | None:
        product = 1.0
        for hop in self.hops:
            if hop.weight is None:
                return None
            product *= hop.weight
        return product

    @property
    def target(self) -> Entity:
        return self.hops[-1].end

    def names(self) -> tuple[str, ...]:
        return (self.hops[0].start.name, *(h.end.name for h in self.hops))


@dataclass(frozen=True)
class Exposure:
    """Everything FROM is exposed to through one target: all chains, aggregated."""

    target: Entity
    weight: float | None
    chains: int
    shortest: int


def as_of(paths: Iterable[Path], day: date | None) -> list[Path]:
    """Paths whose every hop was stated on or before `day`, each hop seen as of that day."""
    if day is None:
        return list(paths)
    out = []
    for path in paths:
        hops = []
        for hop in path:
            evidence = [e for e in hop.relation.evidence if e.seen <= day]
            if not evidence:
                break
            rel = hop.relation
            hops.append(Hop(StoredRelation.merge(rel.type, rel.source, rel.target, rel.role,
                                                 evidence), hop.forward))
        else:
            out.append(tuple(hops))
    return out


def rank(chains: Iterable[Chain]) -> list[Chain]:
    """Shortest first, then heaviest (unknown weights last), then by names."""
    return sorted(chains, key=lambda c: (len(c.hops), c.weight is None, -(c.weight or 0),
                                         c.names()))


def aggregate(chains: Sequence[Chain]) -> list[Exposure]:
    """Per target: known chain weights added (capped at 1), chain count, shortest length;
    grouped by entity type, heaviest first."""
    by_target: dict[str, list[Chain]] = defaultdict(list)
    for chain in chains:
        by_target[chain.target.id].append(chain)
    out = []
    for group in by_target.values():
        known = [c.weight for c in group if c.weight is not None]
        out.append(Exposure(group[0].target, min(1.0, sum(known)) if known else None,
                            len(group), min(len(c.hops) for c in group)))
    return sorted(out, key=lambda e: (e.target.type, e.weight is None, -(e.weight or 0),
                                      e.shortest, e.target.name))


def cycles_in(paths: Iterable[Path], max_len: int, cap: int | None = None) -> list[Path]:
    """Simple cycles among the hops of these paths, each once (started at its smallest id),
    shortest first. With a cap, lengths are searched in turn and the search stops after the
    first length that reaches it, so the answer does not depend on the order of `paths`."""
    edges: dict[str, list[Hop]] = defaultdict(list)
    for path in paths:
        for hop in path:
            if hop not in edges[hop.start.id]:
                edges[hop.start.id].append(hop)
    found: list[Path] = []

    def walk(start: str, node: str, path: list[Hop], seen: set[str], length: int) -> None:
        for hop in edges.get(node, ()):
            nxt = hop.end.id
            if len(path) + 1 == length:
                if nxt == start:
                    found.append((*path, hop))
            elif nxt > start and nxt not in seen:
                walk(start, nxt, [*path, hop], seen | {nxt}, length)

    for length in range(2, max_len + 1):
        for start in sorted(edges):
            walk(start, start, [], {start}, length)
        if cap is not None and len(found) >= cap:
            break
    return sort_cycles(found)[:cap]


def sort_cycles(cycles: Iterable[Path]) -> list[Path]:
    return sorted(cycles, key=lambda c: (len(c), [(h.start.id, h.relation.type,
                                                   h.relation.role or "") for h in c]))


def shortest(paths: Iterable[Path]) -> list[Path]:
    """The shortest of `paths`, one per sequence of entities, in name order."""
    paths = list(paths)
    if not paths:
        return []
    best = min(len(p) for p in paths)
    unique: dict[tuple[str, ...], Path] = {}
    for path in sorted(paths, key=lambda p: [(h.relation.type, h.forward) for h in p]):
        if len(path) == best:
            unique.setdefault((path[0].start.id, *(h.end.id for h in path)), path)
    return sorted(unique.values(), key=lambda p: [h.end.name for h in p])
