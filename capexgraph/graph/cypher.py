"""The Cypher the Neo4j backend sends, as named queries: values always travel as parameters.

Relationship types and entity labels come from the schema's closed sets, never from input,
so the few queries that need one in their text are made per type here, once.
"""

from __future__ import annotations

from capexgraph.schema.models import ENTITY_TYPES, RELATION_TYPES

CONSTRAINTS = (
    "CREATE CONSTRAINT capexgraph_entity_id IF NOT EXISTS "
    "FOR (e:Entity) REQUIRE e.id IS UNIQUE",
    "CREATE CONSTRAINT capexgraph_article_id IF NOT EXISTS "
    "FOR (a:Article) REQUIRE a.id IS UNIQUE",
    "CREATE CONSTRAINT capexgraph_name_key IF NOT EXISTS "
    "FOR (k:NameKey) REQUIRE k.id IS UNIQUE",
    "CREATE CONSTRAINT capexgraph_lookup_key IF NOT EXISTS "
    "FOR (k:LookupKey) REQUIRE k.id IS UNIQUE",
)

# Stores written before names were looked up through :LookupKey kept the keys on entities.
OLD_LOOKUP_KEYS = """
MATCH (e:Entity) WHERE e.lookup IS NOT NULL
CALL (e) {
  UNWIND e.lookup AS key
  MERGE (k:LookupKey {id: key})
  ON CREATE SET k.entities = [e.id]
  ON MATCH SET k.entities = CASE WHEN e.id IN k.entities THEN k.entities
                                 ELSE k.entities + e.id END
  REMOVE e.lookup
} IN TRANSACTIONS OF 5000 ROWS
"""

ARTICLE_STATE = """
UNWIND $ids AS id
MATCH (a:Article {id: id})
RETURN a.id AS id, a.sha256 AS sha256, a.facts AS facts
"""

NAME_KEYS = """
UNWIND $keys AS key
MATCH (k:NameKey {id: key})
RETURN k.id AS key, k.entity AS entity
"""

WRITE_LOOKUP_KEYS = """
UNWIND $rows AS row
MERGE (k:LookupKey {id: row.key})
ON CREATE SET k.entities = row.entities
ON MATCH SET k.entities = k.entities + [i IN row.entities WHERE NOT i IN k.entities]
"""

WRITE_NAME_KEYS = """
UNWIND $rows AS row
MERGE (k:NameKey {id: row.key})
ON CREATE SET k.entity = row.entity
"""

CREATE_ARTICLES = """
UNWIND $rows AS row
CREATE (a:Article {id: row.id, title: row.title, published: row.published, source: row.source,
                   sha256: row.sha256, ingested: row.ingested, text: row.text,
                   facts: row.facts})
WITH a, row
UNWIND row.entities AS entity_id
MATCH (e:Entity {id: entity_id})
CREATE (a)-[:MENTIONS]->(e)
"""

REPLACE_ARTICLES = """
UNWIND $rows AS row
MERGE (a:Article {id: row.id})
SET a.title = row.title, a.published = row.published, a.source = row.source,
    a.sha256 = row.sha256, a.ingested = row.ingested, a.text = row.text, a.facts = row.facts
WITH a, row
OPTIONAL MATCH (a)-[old:MENTIONS]->()
DELETE old
WITH DISTINCT a, row
UNWIND row.entities AS entity_id
MATCH (e:Entity {id: entity_id})
MERGE (a)-[:MENTIONS]->(e)
"""


def write_entities(entity_type: str) -> str:
    """Create or extend entities; aliases and tickers are unions."""
    assert entity_type in ENTITY_TYPES
    return f"""
UNWIND $rows AS row
OPTIONAL MATCH (old:Entity {{id: row.id}})
WITH row, old IS NULL AS fresh
MERGE (e:Entity {{id: row.id}})
ON CREATE SET e:{entity_type}, e.name = row.name, e.type = row.type, e.aliases = row.aliases,
              e.tickers = row.tickers
ON MATCH SET e.aliases = e.aliases + [a IN row.aliases WHERE NOT a IN e.aliases],
             e.tickers = e.tickers + [t IN row.tickers WHERE NOT t IN e.tickers]
RETURN sum(CASE WHEN fresh THEN 1 ELSE 0 END) AS created
"""


def edge_evidence(rel_type: str) -> str:
    assert rel_type in RELATION_TYPES
    return f"""
UNWIND $rows AS row
MATCH (:Entity {{id: row.source}})-[r:{rel_type} {{role_key: row.role_key}}]->
      (:Entity {{id: row.target}})
RETURN row.source AS source, row.target AS target, row.role_key AS role_key,
       r.evidence AS evidence
"""


def write_edges(rel_type: str) -> str:
    assert rel_type in RELATION_TYPES
    return f"""
UNWIND $rows AS row
MATCH (s:Entity {{id: row.source}}), (t:Entity {{id: row.target}})
MERGE (s)-[r:{rel_type} {{role_key: row.role_key}}]->(t)
SET r = row.props
"""


def delete_edges(rel_type: str) -> str:
    assert rel_type in RELATION_TYPES
    return f"""
UNWIND $rows AS row
MATCH (:Entity {{id: row.source}})-[r:{rel_type} {{role_key: row.role_key}}]->
      (:Entity {{id: row.target}})
DELETE r
"""


def append_edges(rel_type: str) -> str:
    """Add statements to an edge, keeping status, amount and weight from the newest. A new
    edge takes its properties whole (most rows of a first ingest), which skips the comparisons."""
    assert rel_type in RELATION_TYPES
    amount = ", ".join(f"r.{p} = CASE WHEN newer_amount THEN p.{p} ELSE r.{p} END"
                       for p in ("amount", "amount_high", "currency", "amount_usd", "qualifier",
                                 "usd_rate", "rate_date", "order_amount"))
    return f"""
UNWIND $rows AS row
MATCH (s:Entity {{id: row.source}}), (t:Entity {{id: row.target}})
OPTIONAL MATCH (s)-[r:{rel_type} {{role_key: row.role_key}}]->(t)
FOREACH (_ IN CASE WHEN r IS NULL THEN [1] ELSE [] END |
         CREATE (s)-[new:{rel_type}]->(t) SET new = row.props)
WITH r, row.props AS p
WHERE r IS NOT NULL
WITH r, p,
     p.order_last > r.order_last AS newer,
     p.order_amount IS NOT NULL
       AND (r.order_amount IS NULL OR p.order_amount > r.order_amount) AS newer_amount,
     p.order_weight IS NOT NULL
       AND (r.order_weight IS NULL OR p.order_weight > r.order_weight) AS newer_weight
SET r.role = p.role,
    r.evidence = r.evidence + p.evidence,
    r.articles = r.articles + [a IN p.articles WHERE NOT a IN r.articles],
    r.first_seen = CASE WHEN p.first_seen < r.first_seen THEN p.first_seen ELSE r.first_seen END,
    r.last_seen = CASE WHEN p.last_seen > r.last_seen THEN p.last_seen ELSE r.last_seen END,
    r.status = CASE WHEN newer THEN p.status ELSE r.status END,
    r.order_last = CASE WHEN newer THEN p.order_last ELSE r.order_last END,
    {amount},
    r.weight_pct = CASE WHEN newer_weight THEN p.weight_pct ELSE r.weight_pct END,
    r.order_weight = CASE WHEN newer_weight THEN p.order_weight ELSE r.order_weight END
"""


RELATION_TYPE_LIST = list(RELATION_TYPES)

# Relations join entities only, so a typed pattern without an end label counts the same
# relationships, from the degree store rather than by walking a hub's every relationship.
LOOKUP = f"""
UNWIND $keys AS key
MATCH (k:LookupKey {{id: key}})
UNWIND k.entities AS id
MATCH (e:Entity {{id: id}})
RETURN key, e {{.id, .name, .type, .aliases, .tickers}} AS entity,
       COUNT {{ (e)-[:{"|".join(RELATION_TYPES)}]-() }} AS degree
"""

ENTITY = """
MATCH (e:Entity {id: $id})
RETURN e.id AS id, e.name AS name, e.type AS type, e.aliases AS aliases, e.tickers AS tickers
"""

ALL_NAMES = "MATCH (e:Entity) RETURN e.name AS name, e.aliases AS aliases"

CARD_EDGES = """
MATCH (s:Entity)-[r]->(t:Entity)
WHERE (s.id = $id OR t.id = $id) AND type(r) IN $types
RETURN type(r) AS type, r.role AS role, r.evidence AS evidence,
       s {.id, .name, .type, .aliases, .tickers} AS source,
       t {.id, .name, .type, .aliases, .tickers} AS target
"""

STATS_ENTITIES = "MATCH (e:Entity) RETURN e.type AS type, count(*) AS n"

STATS_RELATIONS = """
MATCH (:Entity)-[r]->(:Entity) WHERE type(r) IN $types
RETURN type(r) AS type, count(*) AS n, sum(size(r.evidence)) AS evidence
"""

STATS_ARTICLES = "MATCH (a:Article) RETURN count(a) AS n"

ARTICLES = """
MATCH (a:Article)
RETURN a.id AS id, a.title AS title, a.published AS published, a.source AS source,
       a.text AS text
ORDER BY a.id
"""

ARTICLE_FACTS = """
MATCH (a:Article {id: $id})-[:MENTIONS]->(e:Entity)
WITH a, collect(e {.id, .name, .type, .aliases, .tickers}) AS entities
OPTIONAL MATCH (a)-[:MENTIONS]->(s:Entity)-[r]->(t:Entity)
WHERE type(r) IN $types AND a.id IN r.articles
RETURN entities, collect({type: type(r), role: r.role, source: s.id, target: t.id,
                          evidence: r.evidence}) AS edges
"""


# Paths as their relationships' element ids and directions, in one row with the distinct
# relationships themselves: each is sent and merged once however many paths share it, and
# the walk costs one round trip. Without evidence a relationship comes with its merged view
# (a fraction of the bytes: statements are most of an edge), for ranking thousands of paths.
# Dates travel as ISO strings: the driver's date objects cost more to unpack than the walk's
# every other value.
_MERGED = ", ".join([f".{p}" for p in ("status", "amount", "amount_high", "currency",
                                        "amount_usd", "qualifier", "usd_rate", "weight_pct")]
                    + [f"{p}: toString(r.{p})" for p in ("rate_date", "first_seen",
                                                          "last_seen")])


def _path_return(evidence: bool) -> str:
    statements = "evidence: r.evidence" if evidence else f"merged: r {{{_MERGED}}}"
    return f"""
WITH collect(p) AS found
CALL (found) {{
  UNWIND found AS p
  UNWIND relationships(p) AS r
  WITH DISTINCT r
  WITH r, startNode(r) AS s, endNode(r) AS t
  RETURN collect({{rid: elementId(r), type: type(r), role: r.role, {statements},
                  source: s {{.id, .name, .type, .aliases, .tickers}},
                  target: t {{.id, .name, .type, .aliases, .tickers}}}}) AS relationships
}}
RETURN [p IN found | [r IN relationships(p) | elementId(r)]] AS rels,
       [p IN found | [i IN range(0, length(p) - 1)
                      | startNode(relationships(p)[i]) = nodes(p)[i]]] AS forward,
       relationships
"""


# Statements of relationships a walk left unread, by the element ids it returned (with what
# the relationship joins: a deleted relationship's id may be reused).
EVIDENCE_OF = """
UNWIND $refs AS ref
MATCH (s)-[r]->(t) WHERE elementId(r) = ref
RETURN ref, [type(r), s.id, t.id, r.role_key] AS key, r.evidence AS evidence
"""


def fan_out(along: list[str], against: list[str]) -> str:
    """How many entities one and two steps take from $id: steps along `along` types and
    against `against` types, counted from the degree store without walking the second step.
    (Pass the types swapped to count backwards from an end.)"""
    assert all(t in RELATION_TYPES for t in along + against)
    branches = [f"MATCH (x)-[:{'|'.join(along)}]->(y) RETURN y" if along else "",
                f"MATCH (x)<-[:{'|'.join(against)}]-(y) RETURN y" if against else ""]
    degree = " + ".join([f"COUNT {{ (y)-[:{'|'.join(along)}]->() }}"] * bool(along)
                        + [f"COUNT {{ (y)<-[:{'|'.join(against)}]-() }}"] * bool(against))
    return f"""
MATCH (x:Entity {{id: $id}})
CALL (x) {{ {" UNION ALL ".join(b for b in branches if b)} }}
RETURN count(y) AS one, sum({degree}) AS two
"""


_STEP = """((x)-[r:{types}]-(y)
           WHERE ((type(r) IN $forward AND startNode(r) = x)
                  OR (type(r) IN $backward AND endNode(r) = x))){{{low},{high}}}"""

_SIMPLE = """all(k IN range(1, {last}) WHERE none(j IN range(0, k - 1)
                                        WHERE nodes(p)[j] = nodes(p)[k]))"""


def walk(max_hops: int, types: list[str], evidence: bool = True) -> str:
    """Simple paths from $start (to $end when given) of at most `max_hops` steps, each step a
    relation of a $forward type walked along it or of a $backward type walked against it.
    A quantified path pattern checks each step's direction while expanding, so walks that
    break the rules are cut at once rather than enumerated and thrown away."""
    assert 1 <= max_hops <= 10 and all(t in RELATION_TYPES for t in types)
    step = _STEP.format(types="|".join(types), low=1, high=max_hops)
    return f"""
MATCH p = (a:Entity {{id: $start}}) {step} (b:Entity)
WHERE ($end IS NULL OR b.id = $end) AND {_SIMPLE.format(last="length(p)")}
WITH p LIMIT coalesce($cap, 1000000000)
{_path_return(evidence)}"""


def walk_to(length: int, types: list[str], meet: int, evidence: bool = True) -> str:
    """At most $cap simple paths of exactly `length` steps from $start to $end, written out
    step by step and joined on the `meet`-th entity: the planner walks `meet` steps from
    the start and the rest back from the end, so neither end's hubs are expanded the whole
    way."""
    assert 1 <= length <= 10 and all(t in RELATION_TYPES for t in types)
    assert length == 1 or 1 <= meet < length
    rel = "|".join(types)
    parts = ["(n0:Entity {id: $start})"]
    checks = []
    for i in range(1, length + 1):
        node = f"(n{i}:Entity {{id: $end}})" if i == length else f"(n{i}:Entity)"
        parts.append(f"-[r{i}:{rel}]-{node}")
        checks.append(f"((type(r{i}) IN $forward AND startNode(r{i}) = n{i - 1}) OR "
                      f"(type(r{i}) IN $backward AND endNode(r{i}) = n{i - 1}))")
    nodes = ", ".join(f"n{i}" for i in range(length + 1))
    distinct = f"size(reduce(s = [], n IN [{nodes}] | CASE WHEN n IN s THEN s ELSE s + n END))"
    join = f" USING JOIN ON n{meet}" if length > 1 else ""
    return f"""
MATCH p = {"".join(parts)}{join}
WHERE {" AND ".join(checks)} AND {distinct} = {length + 1}
WITH p LIMIT coalesce($cap, 1000000000)
{_path_return(evidence)}"""


def cycles(max_len: int, types: list[str]) -> str:
    """Simple cycles of 2..max_len steps, each found once from its smallest id."""
    assert 2 <= max_len <= 10 and all(t in RELATION_TYPES for t in types)
    step = _STEP.format(types="|".join(types), low=2, high=max_len)
    return f"""
MATCH p = (a:Entity) {step} (a)
WHERE all(n IN nodes(p)[1..-1] WHERE n.id > a.id)
  AND {_SIMPLE.format(last="length(p) - 1")}
{_path_return(evidence=True)}"""
