"""Relation types declared as data (data/relation_types.yaml), loaded once and cross-checked."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib.resources import files

import yaml

from capexgraph.errors import InvalidModel
from capexgraph.schema.models import ENTITY_TYPES, RELATION_TYPES, EntityType, Relation


@dataclass(frozen=True)
class RelationSpec:
    name: str
    description: str
    source: frozenset[str]
    target: frozenset[str]


@cache
def relation_specs() -> dict[str, RelationSpec]:
    raw = yaml.safe_load(files("capexgraph").joinpath("data/relation_types.yaml").read_text())
    return load_specs(raw)


def load_specs(raw: object) -> dict[str, RelationSpec]:
    """Validate the relation-type table: every type known, every endpoint an entity type."""
    if not isinstance(raw, dict):
        raise InvalidModel("relation_types.yaml must map relation names to their specs")
    specs: dict[str, RelationSpec] = {}
    for name, body in raw.items():
        if name not in RELATION_TYPES:
            raise InvalidModel(f"relation type {name!r} is not in the schema's RelationType")
        if not isinstance(body, dict) or set(body) != {"description", "source", "target"}:
            raise InvalidModel(f"relation type {name} needs exactly description, source, target")
        for end in ("source", "target"):
            unknown = set(body[end]) - set(ENTITY_TYPES)
            if unknown:
                raise InvalidModel(f"relation type {name} {end} has unknown types {unknown}")
        specs[name] = RelationSpec(
            name, str(body["description"]), frozenset(body["source"]), frozenset(body["target"])
        )
    missing = set(RELATION_TYPES) - set(specs)
    if missing:
        raise InvalidModel(f"relation_types.yaml does not declare {sorted(missing)}")
    return specs


def allows(rel_type: str, source: EntityType, target: EntityType) -> bool:
    spec = relation_specs()[rel_type]
    return source in spec.source and target in spec.target


def check_relation(rel: Relation, types: dict[str, EntityType]) -> None:
    for end in (rel.source, rel.target):
        if end not in types:
            raise ValueError(f"relation {rel.type} names entity {end!r} not in the article")
    if not allows(rel.type, types[rel.source], types[rel.target]):
        raise ValueError(
            f"{rel.type} cannot connect {types[rel.source]} {rel.source!r} "
            f"to {types[rel.target]} {rel.target!r}"
        )

