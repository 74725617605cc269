"""Mentions and their resolution: which words in an article name which entity.

One `EntityRegistry` per article keeps one entity per real thing: gazetteer names, tickers and
Chinese names resolve to the gazetteer entity; other names merge when their name keys agree
(suffixes, share classes and possessives removed), a person's surname refers to the full name
seen before, and descriptors ("the chipmaker", "the ETF", "it") refer to the nearest entity of
a compatible type mentioned before them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from capexgraph.extract.gazetteer import Gazetteer
from capexgraph.extract.lexicon import triggers
from capexgraph.extract.names import clean_surface, infer_type, name_key, slugify
from capexgraph.schema import Entity, EntityType

_STATISTICAL_TYPES: dict[str, EntityType] = {"ORG": "Company", "PERSON": "Person"}
_CODE = re.compile(r"^(?:\d{4,6}(?:\.[A-Z]{1,2})?|[A-Z]{1,5}(?:\.[A-Z]{1,2})?)$")
_PRONOUNS = frozenset({"it", "its"})
_DETERMINERS = frozenset({"the", "this", "that"})


@dataclass
class EntityDraft:
    id: str
    name: str
    type: EntityType
    known: bool
    aliases: list[str] = field(default_factory=list)
    tickers: list[str] = field(default_factory=list)

    def add_alias(self, surface: str) -> None:
        if surface not in self.aliases:
            self.aliases.append(surface)

    def add_ticker(self, code: str) -> None:
        if code not in self.tickers:
            self.tickers.append(code)

    def entity(self) -> Entity:
        return Entity(id=self.id, name=self.name, type=self.type, aliases=tuple(self.aliases),
                      tickers=tuple(self.tickers))


@dataclass(frozen=True)
class Mention:
    """Tokens [start, end) of one doc that refer to an entity; `named` is false for "it"."""

    start: int
    end: int
    entity_id: str
    named: bool


class EntityRegistry:
    """The entities of one article, in order of first mention."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self.drafts: dict[str, EntityDraft] = {}
        self.by_key: dict[str, str] = {}
        self.recent: list[str] = []  # entity ids, most recent last
        self.subjects: list[str] = []  # entity ids last seen as a subject, most recent last

    def type_of(self, entity_id: str) -> EntityType:
        return self.drafts[entity_id].type

    def is_known(self, entity_id: str) -> bool:
        return self.drafts[entity_id].known

    def resolve(self, surface: str, type_: EntityType, gazetteer_id: str = "",
                subject: bool = False) -> str | None:
        key = name_key(surface)
        if not key or key in triggers().generic_terms:
            return None
        entry = self.gazetteer.entries.get(gazetteer_id) or self.gazetteer.lookup(surface)
        if entry is not None:
            draft = self.drafts.get(entry.id) or EntityDraft(
                entry.id, entry.name, entry.type, True, tickers=list(entry.tickers))
        else:
            draft = self._local(key, surface, type_)
        self.drafts.setdefault(draft.id, draft)
        self.by_key.setdefault(key, draft.id)
        if surface not in draft.tickers:
            draft.add_alias(surface)
        self.seen(draft.id, subject)
        return draft.id

    def _local(self, key: str, surface: str, type_: EntityType) -> EntityDraft:
        if key in self.by_key:
            return self.drafts[self.by_key[key]]
        words = key.split()
        for draft in self.drafts.values():
            other = name_key(draft.name).split()
            if draft.type == "Person" == type_ and len(words) == 1 and other[-1:] == words:
                return draft
            if draft.type == type_ != "Person" and (
                other[: len(words)] == words or words[: len(other)] == other
            ):
                if len(words) > len(other) and not draft.known:
                    draft.name = _display_name(surface)
                return draft
        name = _display_name(surface)
        entity_id = slugify(name)
        while entity_id in self.drafts or entity_id in self.gazetteer.entries:
            entity_id += "-x"
        return EntityDraft(entity_id, name, infer_type(name) or type_, False)

    def seen(self, entity_id: str, subject: bool = False) -> None:
        for order, add in ((self.recent, True), (self.subjects, subject)):
            if add:
                if entity_id in order:
                    order.remove(entity_id)
                order.append(entity_id)

    def latest(self, types: frozenset[str]) -> str | None:
        """The antecedent of a descriptor: the latest subject of that type (subjects are the
        most salient), else the latest mention of that type."""
        for order in (self.subjects, self.recent):
            found = next((e for e in reversed(order) if self.drafts[e].type in types), None)
            if found is not None:
                return found
        return None

    def entities(self) -> tuple[Entity, ...]:
        return tuple(d.entity() for d in self.drafts.values())


def _display_name(surface: str) -> str:
    name = clean_surface(surface)
    return name[4:] if name.lower().startswith("the ") else name


def _entity_type(span: Span) -> EntityType | None:
    if span.label_ in ("Company", "Person", "Fund", "Index", "Sector"):
        return span.label_  # type: ignore[return-value]
    base = _STATISTICAL_TYPES.get(span.label_)
    return (infer_type(span.text) or base) if base else None


def _code_after(doc: Doc, span: Span) -> str | None:
    """A ticker or fund code in brackets right after a name: "ETF (520860)"."""
    if span.end + 2 < len(doc) and doc[span.end].text == "(" and doc[span.end + 2].text == ")":
        code = doc[span.end + 1].text
        return code if _CODE.match(code) else None
    return None


def _descriptor_type(token: Token) -> frozenset[str] | None:
    lexicon = triggers().descriptors
    if token.lower_ in _PRONOUNS and token.dep_ in ("nsubj", "nsubjpass", "poss"):
        return frozenset({"Company"})
    if not any(c.lower_ in _DETERMINERS for c in token.children):
        return None
    for type_name in ("Company", "Fund", "Index"):
        if token.lemma_.lower() in getattr(lexicon, type_name):
            return frozenset({type_name})
    return None


def find_mentions(doc: Doc, registry: EntityRegistry) -> dict[int, Mention]:
    """Mentions in `doc` by token index, resolving each against the article's registry."""
    by_token: dict[int, Mention] = {}
    ents = iter(sorted(doc.ents, key=lambda s: s.start))
    ent = next(ents, None)
    i = 0
    while i < len(doc):
        if ent is not None and ent.start == i:
            mention = _named_mention(doc, ent, registry)
            if mention is None and doc[ent.end - 1].lower_ in {"etf", "fund", "index"}:
                mention = _descriptor_mention(doc[ent.end - 1], registry)
            if mention is not None:
                for j in range(mention.start, mention.end):
                    by_token[j] = mention
            i = ent.end
            ent = next(ents, None)
            continue
        while ent is not None and ent.start < i:
            ent = next(ents, None)
        mention = _descriptor_mention(doc[i], registry)
        if mention is not None:
            by_token[i] = mention
        i += 1
    return by_token


def _named_mention(doc: Doc, span: Span, registry: EntityRegistry) -> Mention | None:
    type_ = _entity_type(span)
    if type_ is None or " - " in span.text:
        return None
    text = span.text
    if text.lower().startswith("the "):
        text = text[4:]
    subject = span.root.dep_ in ("nsubj", "nsubjpass") or (
        span.root.dep_ == "conj" and span.root.head.dep_ in ("nsubj", "nsubjpass"))
    entity_id = registry.resolve(text, type_, span.ent_id_, subject)
    if entity_id is None:
        return None
    code = _code_after(doc, span)
    if code:
        registry.drafts[entity_id].add_ticker(code)
    return Mention(span.start, span.end, entity_id, True)


def _descriptor_mention(token: Token, registry: EntityRegistry) -> Mention | None:
    types = _descriptor_type(token)
    if types is None:
        return None
    entity_id = registry.latest(types)
    return Mention(token.i, token.i + 1, entity_id, False) if entity_id else None
