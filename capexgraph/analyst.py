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
    exposure_steps,
    rank,
    shortest,
)
from capexgraph.graph.store import GraphStore
from capexgraph.schema import Entity


@dataclass(frozen=True)
class ExposureAnswer:
    origin: Entity
    chains: list[Chain]  # ranked
    exposures: list[Exposure]  # aggregated per target
    cycles: list[Path]  # loops among the chains' hops, reported and not followed


def exposure(store: GraphStore, origin: str, target: str | None = None, *, max_hops: int = 4,
             via: Iterable[str] | None = None, day: date | None = None,
             dependency: bool = False) -> ExposureAnswer:
    start = store.resolve(origin)
    end = store.resolve(target) if target else None
    steps = exposure_steps(dependency, via)
    paths = as_of(store.walk(start.id, end.id if end else None, max_hops, steps), day)
    chains = rank(Chain(p) for p in paths)
    on_chains = {start.id} | {h.end.id for p in paths for h in p}
    loops = as_of(store.cycles(max_hops, steps, within=on_chains), day) if paths else []
    return ExposureAnswer(start, chains, aggregate(chains), loops)


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
