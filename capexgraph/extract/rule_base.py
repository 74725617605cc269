"""What every relation rule shares: the candidate it returns and how it pairs entities.

The rules are split by relation type (invest_rules, supply_rules, index_rules,
executive_rules); relations.SentenceRules joins them and dispatches each trigger word.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Token

from capexgraph.extract.arguments import Arguments
from capexgraph.extract.money import FoundAmount
from capexgraph.schema.relation_types import allows

# entity labels that name something (not amounts, dates or percentages)
NAME_TYPES = frozenset({"ORG", "PERSON", "Company", "Fund", "Index", "Person"})


@dataclass(frozen=True)
class Candidate:
    """A relation found in a sentence, before status, evidence and confidence are added."""

    type: str
    source: str
    target: str
    trigger: int  # token index of the word that expressed it
    rule: str
    amount: FoundAmount | None = None
    weight_pct: float | None = None
    role: str | None = None


@dataclass(frozen=True)
class VerbArgs:
    """A verb's arguments, found once and shared by every verb rule."""

    verb: Token
    lemma: str
    subjects: list[str]
    agents: list[str]
    objs: list[Token]
    passive: bool
    amount: FoundAmount | None


class RuleBase(Arguments):
    """The argument finders of `Arguments`, and the pairing every rule ends with."""

    def _pairs(self, rel: str, sources: list[str], targets: list[str], trigger: Token,
               rule: str, **extra: object) -> Iterator[Candidate]:
        for s in sources:
            for t in targets:
                if s != t and allows(rel, self.registry.type_of(s), self.registry.type_of(t)):
                    yield Candidate(rel, s, t, trigger.i, rule, **extra)  # type: ignore[arg-type]
