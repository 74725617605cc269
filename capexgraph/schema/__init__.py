"""pydantic models of articles, entities, amounts, relations and their evidence."""

from capexgraph.schema.models import (
    ASSERTED_STATUSES,
    ENTITY_TYPES,
    RELATION_TYPES,
    Amount,
    Article,
    ArticleExtraction,
    Entity,
    EntityType,
    Evidence,
    Relation,
    RelationType,
    Status,
)

__all__ = [
    "ASSERTED_STATUSES",
    "ENTITY_TYPES",
    "RELATION_TYPES",
    "Amount",
    "Article",
    "ArticleExtraction",
    "Entity",
    "EntityType",
    "Evidence",
    "Relation",
    "RelationType",
    "Status",
]
