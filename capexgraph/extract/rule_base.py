"""What every relation rule shares: the candidate it returns and how it pairs entities.

The rules are split by relation type (invest_rules, supply_rules, index_rules,
executive_rules); relations.SentenceRules joins them and dispatches each trigger word.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Token

from capexgraph.extract.arguments import COMPANY
from capexgraph.extract.goods import GoodsArguments
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


class RuleBase(GoodsArguments):
    """The argument finders (`Arguments` and the layers over it, `DescribedArguments` and
    `GoodsArguments`), and the pairing every rule ends with."""

    def gives_money(self, a: VerbArgs) -> bool:
        """Whether what the verb gives is money: "provide a further $22.5 billion", not
        "provide $17 billion of GPU capacity"."""
        money = self.lex.invests.money_nouns
        of = [c for p in self.prep_objects([a.verb, *a.objs], frozenset({"of"}))
              if p.i > a.verb.i for c in p.children if c.dep_ in ("pobj", "pcomp")]
        # (wherever the parser hung "of computing power")
        given = [o for o in a.objs if o.dep_ != "dative"]  # "awarded Micron $1.5 billion"
        given = self.money_given_with(a) or given  # "provided Nscale with $300 million"
        return bool(given) and a.amount is not None and all(
            m.lemma_.lower() in money for m in of) and all(
            o.tag_ == "CD" or o.lemma_.lower() in money or self.is_loan(o) for o in given)

    def money_given_with(self, a: VerbArgs) -> list[Token]:
        """Money a giving verb gives "with", its object being who gets it: "provided Nscale
        with $300 million", "was provided with $300 million of equity"."""
        money = self.lex.invests.money_nouns
        funds = money | self.lex.invests.equity_nouns  # (not "$3 billion of AI infrastructure")
        return [o for p in self.prep_objects([a.verb], frozenset({"with"})) for o in p.children
                if o.dep_ == "pobj" and (o.tag_ == "CD" or o.lemma_.lower() in money)
                and all(m.lower_ in funds or m.lemma_.lower() in funds
                        for m in self.of_objects([o]))]

    def is_loan(self, noun: Token) -> bool:
        """"a loan", "a credit line", "a $2 billion debt package": money lent."""
        loans = self.lex.invests.loan_nouns
        return noun.lemma_.lower() in loans or any(
            c.dep_ == "compound" and c.lemma_.lower() in loans for c in noun.children)

    def stake_of_company(self, objs: list[Token]) -> bool:
        """Whether an object is a percentage of a company ("holds 6.4% of TSMC"): a stake,
        whoever holds it (a fund's holdings are told as the member's share of the fund)."""
        return any(o.text == "%" and self.prep_entities([o], frozenset({"of"}), COMPANY)
                   for o in objs)

    def _pairs(self, rel: str, sources: list[str], targets: list[str], trigger: Token,
               rule: str, **extra: object) -> Iterator[Candidate]:
        """Each source with each target, or, when the sentence says "respectively" and the
        lists are as long, each with its own ("Dell and Supermicro remain the main suppliers
        to xAI and CoreWeave respectively")."""
        pairs = [(s, t) for s in sources for t in targets]
        if 1 < len(sources) == len(targets) and any(
                t.lower_ == "respectively" for t in trigger.sent):
            pairs = list(zip(sources, targets, strict=True))
        for s, t in pairs:
            if s != t and allows(rel, self.registry.type_of(s), self.registry.type_of(t)):
                yield Candidate(rel, s, t, trigger.i, rule, **extra)  # type: ignore[arg-type]
