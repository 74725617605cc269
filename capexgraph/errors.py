"""The exception tree: one base, with bad input, bad data model and store failures under it.

Every error carries one plain sentence meant for the user; the CLI prints it as is.
"""


class CapexgraphError(Exception):
    """Base of every error capexgraph raises on purpose."""


class InputError(CapexgraphError):
    """An article file or stream cannot be read as articles."""


class InvalidModel(CapexgraphError):
    """Shipped data (relation types, gazetteer, rates, rules) is inconsistent."""


class StoreError(CapexgraphError):
    """The graph store cannot be opened, read or written."""


class NotFound(CapexgraphError):
    """A name does not resolve to any entity in the store."""


class QueryError(StoreError):
    """A query cannot run: bad syntax, an unsupported clause, or a write in read mode."""
