"""Name resolution rules shared by every backend, so that all answer a name the same way."""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable

from capexgraph.extract.gazetteer import default_gazetteer
from capexgraph.graph.store import query_keys


def pick_entity(
    name: str,
    candidates: Callable[[str], Iterable[tuple[str, int]]],
    exists: Callable[[str], bool],
) -> str | None:
    """The entity id a name denotes: an exact (case-folded) name, alias or ticker first, then
    the same name key; among several, the most connected (then the smallest id). Last, a
    gazetteer name the stored articles never used. `candidates(key)` gives (id, degree)."""
    for key in query_keys(name):
        found = sorted(candidates(key), key=lambda c: (-c[1], c[0]))
        if found:
            return found[0][0]
    entry = default_gazetteer().lookup(name)
    return entry.id if entry is not None and exists(entry.id) else None


def suggestion(name: str, known_names: Iterable[str]) -> str:
    """" Did you mean 'X'?" for the closest known names, or nothing."""
    known = {n.casefold(): n for n in known_names}
    close = difflib.get_close_matches(name.casefold(), list(known), n=3, cutoff=0.6)
    return f" Did you mean {', '.join(repr(known[c]) for c in close)}?" if close else ""
