"""Neo4j failures as one plain sentence each; the password is never part of a message."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from neo4j import exceptions as neo

from capexgraph.errors import QueryError, StoreError


@contextmanager
def neo4j_errors(location: str) -> Iterator[None]:
    try:
        yield
    except neo.AuthError:
        raise StoreError(f"Neo4j at {location} refused the user name or password.") from None
    except neo.CypherSyntaxError as exc:
        first = (exc.message or "").strip().splitlines()[0] if exc.message else ""
        raise QueryError(f"The Cypher query has a syntax error: {first}") from None
    except neo.ClientError as exc:
        code = exc.code or ""
        if code.endswith("DatabaseNotFound"):
            raise StoreError(f"Neo4j at {location} has no such database.") from None
        if "AccessMode" in code or "ForbiddenDueToTransactionType" in code:
            raise QueryError("This query writes to the graph; run it again with --write "
                             "to allow that.") from None
        first = (exc.message or code).strip().splitlines()[0]
        raise QueryError(f"Neo4j refused the query: {first}") from None
    except (neo.ServiceUnavailable, neo.SessionExpired, OSError):
        raise StoreError(f"Cannot connect to Neo4j at {location}; is the server running?"
                         ) from None
    except neo.ConfigurationError as exc:
        raise StoreError(f"The Neo4j connection settings are not usable: {exc}.") from None
    except neo.Neo4jError as exc:
        raise StoreError(f"Neo4j at {location} failed: {exc.message or exc.code}.") from None
