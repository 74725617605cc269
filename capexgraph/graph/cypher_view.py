"""Cypher on the embedded store, through grand-cypher, over the same model Neo4j holds.

The view is built from the store's own graph: `Entity` nodes labelled with their type,
relationships with the properties `edge_properties` gives Neo4j, `Article` nodes with their
`MENTIONS`. grand-cypher knows MATCH, WHERE, RETURN, ORDER BY, SKIP and LIMIT; any other
clause is refused by name. It has no parameters, so `$name` is replaced by a literal here.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from datetime import date
from typing import Any

import networkx as nx

from capexgraph.errors import QueryError
from capexgraph.graph.store import StoredRelation, edge_properties
from capexgraph.schema import Entity

SUPPORTED = "MATCH, WHERE, RETURN, ORDER BY, SKIP and LIMIT"
_PARAM = re.compile(r"\$([A-Za-z_]\w*)")
_WORD = re.compile(r"[A-Za-z_]+")


def build_view(entities: Iterable[Entity], relations: Iterable[StoredRelation],
               articles: Iterable[tuple[dict[str, Any], list[str]]]) -> nx.MultiDiGraph:
    view = nx.MultiDiGraph()
    for e in entities:
        view.add_node(e.id, __labels__={"Entity", e.type}, id=e.id, name=e.name, type=e.type,
                      aliases=list(e.aliases), tickers=list(e.tickers))
    for rel in relations:
        props = {k: v for k, v in edge_properties(rel).items() if k != "role_key"}
        view.add_edge(rel.source.id, rel.target.id, key=(rel.type, rel.role or ""),
                      __labels__={rel.type}, **props)
    for article, mentioned in articles:
        node = f"article:{article['id']}"
        view.add_node(node, __labels__={"Article"}, **article)
        for entity_id in mentioned:
            view.add_edge(node, entity_id, key=("MENTIONS", ""), __labels__={"MENTIONS"})
    return view


def with_parameters(query: str, params: dict[str, Any]) -> str:
    def literal(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in params:
            raise QueryError(f"The query uses ${name} but no --param {name}=... was given.")
        return json.dumps(params[name], default=str)

    return _PARAM.sub(literal, query)


def run(view: nx.MultiDiGraph, query: str, params: dict[str, Any],
        write: bool) -> list[dict[str, Any]]:
    if write:
        raise QueryError("The embedded backend answers read-only Cypher; writes need "
                         "--backend neo4j.")
    from grandcypher import GrandCypher  # its grammar loads only when Cypher is asked for
    from lark.exceptions import LarkError, UnexpectedInput

    text = with_parameters(query, params)
    try:
        columns = GrandCypher(view).run(text)
    except UnexpectedInput as exc:
        word = _WORD.match(text, getattr(exc, "pos_in_stream", 0) or 0)
        clause = f"'{word.group(0).upper()}'" if word else "this syntax"
        raise QueryError(f"The embedded backend does not support {clause}; it runs "
                         f"{SUPPORTED} (grand-cypher). Use --backend neo4j for full Cypher."
                         ) from None
    except (LarkError, KeyError, ValueError, TypeError) as exc:
        raise QueryError(f"The embedded backend could not run the query: {exc}.") from None
    names = list(columns)
    count = len(columns[names[0]]) if names else 0
    return [{n: _plain(columns[n][i]) for n in names} for i in range(count)]


def _plain(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict) and len(value) == 1 and isinstance(next(iter(value)), tuple):
        return _plain(next(iter(value.values())))  # one edge of a multigraph pair
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value
