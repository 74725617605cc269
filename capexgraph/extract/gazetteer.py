"""The gazetteer: known entities of the AI build-out, shipped as data (data/gazetteer.jsonl).

Validated on load; turned into spaCy entity-ruler patterns and a name-key index here, so every
alias is written once in the data and nowhere else.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from typing import Literal

from pydantic import Field, ValidationError

from capexgraph.errors import InvalidModel
from capexgraph.extract.names import name_key, written_key
from capexgraph.schema import Entity, EntityType
from capexgraph.schema.models import Model, Slug


class GazetteerEntry(Model):
    id: Slug
    name: str = Field(min_length=1)
    type: EntityType
    aliases: tuple[str, ...] = ()
    tickers: tuple[str, ...] = ()
    zh: tuple[str, ...] = ()
    # goods it is known by, which never name it but make a descriptor name it: "the
    # ChatGPT maker" is OpenAI
    products: tuple[str, ...] = ()
    # where it stands in the chain, upstream first: chips, equipment and power ("hardware"),
    # data-centre sites let to others ("site"), GPU capacity ("compute"), a hyperscale
    # cloud ("cloud"), the labs and platforms that buy ("buyer"); unset when not known. A
    # deal that names no goods is sold by the one upstream ("Microsoft's contracts with
    # Nebius", "Applied Digital's lease with CoreWeave")
    chain: Literal["hardware", "site", "compute", "cloud", "buyer"] | None = None

    def surface_forms(self) -> tuple[str, ...]:
        return (self.name, *self.aliases, *self.zh)

    def entity(self) -> Entity:
        return Entity(id=self.id, name=self.name, type=self.type, aliases=(),
                      tickers=self.tickers)


@dataclass(frozen=True)
class Gazetteer:
    entries: dict[str, GazetteerEntry]
    by_key: dict[str, str]  # name keys (no corporate suffix): the first entry listed wins
    by_form: dict[str, str]  # names as written (suffix kept): one entry each
    shared_keys: frozenset[str] = frozenset()  # name keys two entries share
    by_product: dict[str, str] = field(default_factory=dict)  # a product, lower case

    @classmethod
    def from_entries(cls, entries: Iterable[GazetteerEntry]) -> Gazetteer:
        """Index every name; a name may be listed once. Two entries may share a name key
        only when their names differ as written: "SoftBank Corp" (the telecom operator) is
        not "SoftBank" (SoftBank Group), though both key as "softbank"; the entry listed
        first keeps the key."""
        by_id: dict[str, GazetteerEntry] = {}
        by_key: dict[str, str] = {}
        by_form: dict[str, str] = {}
        shared: set[str] = set()
        by_product: dict[str, str] = {}
        for entry in entries:
            if entry.id in by_id:
                raise InvalidModel(f"gazetteer lists {entry.id!r} twice")
            by_id[entry.id] = entry
            for form in (*entry.surface_forms(), *entry.tickers):
                other = by_form.setdefault(written_key(form), entry.id)
                if other != entry.id:
                    raise InvalidModel(
                        f"gazetteer name {form!r} belongs to both {other!r} and {entry.id!r}"
                    )
                if by_key.setdefault(name_key(form), entry.id) != entry.id:
                    shared.add(name_key(form))
            for product in entry.products:
                if by_product.setdefault(product.lower(), entry.id) != entry.id:
                    raise InvalidModel(f"gazetteer product {product!r} has two makers")
        return cls(by_id, by_key, by_form, frozenset(shared), by_product)

    def merge_key(self, name: str) -> str:
        """The key under which stores take two names to be one entity: the name key, or
        the name as written where two entries share its key ("SoftBank Corp")."""
        key = name_key(name)
        return written_key(name) if key in self.shared_keys else key

    def lookup(self, surface: str) -> GazetteerEntry | None:
        entry_id = self.by_form.get(written_key(surface)) or self.by_key.get(name_key(surface))
        return self.entries[entry_id] if entry_id else None

    def ruler_patterns(self) -> list[dict[str, str]]:
        """Entity-ruler phrase patterns: label is the entity type, id the entity id.

        Names and aliases match as written; tickers too, since "MU" or "ARM" in lower case
        are ordinary words.
        """
        patterns = []
        for entry in self.entries.values():
            forms = {*entry.surface_forms(), *entry.tickers}
            for form in sorted(forms):
                patterns.append({"label": entry.type, "pattern": form, "id": entry.id})
        return patterns


def parse_entries(lines: Iterable[str]) -> list[GazetteerEntry]:
    entries = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            entries.append(GazetteerEntry.model_validate(json.loads(line)))
        except (json.JSONDecodeError, ValidationError) as exc:
            raise InvalidModel(f"gazetteer line {number} is invalid: {exc}") from None
    return entries


@cache
def default_gazetteer() -> Gazetteer:
    text = files("capexgraph").joinpath("data/gazetteer.jsonl").read_text(encoding="utf-8")
    return Gazetteer.from_entries(parse_entries(text.splitlines()))
