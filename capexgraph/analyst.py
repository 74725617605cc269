"""The analyst's questions over any store: exposure chains, money cycles, connections.

Thin glue between a store's path enumeration and the rules in `graph/exposure.py`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from capexgraph.graph.exposure import (
    ANY_STEPS,
    MONEY_STEPS,
    Chain,
    Exposure,
    Path,
    aggregate,
    as_of,
    cycles_in,
    exposure_steps,
    rank,
    shortest,
)
from capexgraph.graph.store import GraphStore
from capexgraph.schema import Entity

WALK_CAP = 10_000
REPORTED_CYCLES = 20


@dataclass(frozen=True)
class ExposureAnswer:
    origin: Entity
    chains: list[Chain]  # ranked
    truncated: bool  # the walk stopped at `cap` paths: the ranking is of those found
    exposures: list[Exposure]  # aggregated per target
    cycles: list[Path]  # loops among the chains' hops, reported and not followed


def exposure(store: GraphStore, origin: str, target: str | None = None, *, max_hops: int = 4,
             via: Iterable[str] | None = None, day: date | None = None,
             dependency: bool = False, limit: int | None = None,
             cap: int = WALK_CAP) -> ExposureAnswer:
    """With a target and a limit, walks deepen one hop at a time and stop once `limit`
    chains are found: every chain shorter than the last depth is in. Hubs can connect by
    millions of 4-hop chains, so a walk stops after `cap` paths; the answer says so.
    Chains are ranked on their relations' merged views; evidence is read for the `limit`
    chains to a target (the ones shown), and for every path when `day` cuts by date."""
    start = store.resolve(origin)
    end = store.resolve(target) if target else None
    steps = exposure_steps(dependency, via)
    depths = range(1, max_hops + 1) if end is not None and limit else [max_hops]
    paths: list[Path] = []
    found: list[Path] = []
    for depth in depths:
        found = store.walk(start.id, end.id if end else None, depth, steps, cap,
                           evidence=day is not None)  # ranking needs only merged views
        paths = as_of(found, day)
        if limit and len(paths) >= limit:
            break
    chains = rank(Chain(p) for p in paths)
    if end is not None:  # chains to a target are shown hop by hop, each with its evidence
        read = store.read_evidence([c.hops for c in chains[:limit]])
        chains = [Chain(p) for p in read] + chains[len(read):]
    loops = cycles_in([c.hops for c in chains[:limit]], max_hops, cap=REPORTED_CYCLES)
    return ExposureAnswer(start, chains, len(found) >= cap, aggregate(chains), loops)


def money_cycles(store: GraphStore, max_len: int = 5, min_usd: float | None = None
                 ) -> list[Path]:
    """Loops of money: investor to investee, customer to supplier."""
    found = store.cycles(max_len, MONEY_STEPS)
    if min_usd is None:
        return found
    return [c for c in found if all(h.relation.amount is not None
                                    and (h.relation.amount.value_usd or 0) >= min_usd
                                    for h in c)]


def connections(store: GraphStore, a: str, b: str, max_hops: int = 4) -> list[Path]:
    """The shortest ways A and B are connected, over any relation in either direction."""
    start, end = store.resolve(a), store.resolve(b)
    for hops in range(1, max_hops + 1):
        found = shortest(store.walk(start.id, end.id, hops, ANY_STEPS))
        if found:
            return found
    return []
