"""Score extractions against hand-labelled gold: per-type and micro precision, recall and F1.

A relation is identified by its type, source and target; the role of an executive and the
amount of a deal are attributes, scored separately (amount and weight accuracy over matched
relations). Only asserted relations count as predictions: a rumoured or denied relation the
extractor kept with that status is not a claim. A gold entity matches an extracted one when
any of their names, aliases or tickers share a `name_key`; sectors, which have no canonical
name, match when the content words of one name contain the other's ("AI data centres" and
"data centres").
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError

from capexgraph.errors import InputError
from capexgraph.extract.money import find_amounts, usd_rate
from capexgraph.extract.names import name_key
from capexgraph.schema import ArticleExtraction, Entity, Relation

_VALUE_TOLERANCE = 0.01      # amounts are written to 2-3 significant figures
_USD_TOLERANCE = 0.03        # a gold USD figure against our own dated conversion
_WEIGHT_TOLERANCE = 0.051    # weights are printed to one decimal
_SECTOR_FILLER = frozenset({"and", "of", "the", "for", "in", "new", "a", "an"})


class _Gold(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)


class GoldEntity(_Gold):
    name: str
    type: str | None = None
    aliases: tuple[str, ...] = ()


class GoldRelation(_Gold):
    type: str
    source: str
    target: str
    amount: dict[str, Any] | str | float | None = None
    weight_pct: float | None = None
    role: str | None = None


class GoldArticle(_Gold):
    id: str
    entities: tuple[GoldEntity, ...] = ()
    relations: tuple[GoldRelation, ...] = ()
    negatives: tuple[GoldRelation, ...] = ()


def read_gold(path: Path) -> list[GoldArticle]:
    """Gold JSONL, one article per line; a bad line is an error naming its number."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"Cannot read gold file {path}: {exc}.") from None
    gold = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            gold.append(GoldArticle.model_validate(json.loads(line)))
        except (json.JSONDecodeError, ValidationError) as exc:
            reason = str(exc).splitlines()[0]
            raise InputError(f"Gold file {path}, line {number} is not a gold article: "
                             f"{reason}.") from None
    if not gold:
        raise InputError(f"Gold file {path} has no articles.")
    return gold


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True)
class Finding:
    """One miss, false positive or wrong attribute, for --verbose."""

    kind: str  # "miss", "false positive", "negative asserted", "wrong amount", "wrong weight"
    article: str
    type: str
    source: str
    target: str
    detail: str = ""


@dataclass
class Report:
    articles: int = 0
    by_type: dict[str, Score] = field(default_factory=dict)
    amounts: Score = field(default_factory=Score)    # tp right, fn wrong or missing
    weights: Score = field(default_factory=Score)
    negatives: int = 0
    findings: list[Finding] = field(default_factory=list)

    @property
    def micro(self) -> Score:
        scores = self.by_type.values()
        return Score(sum(s.tp for s in scores), sum(s.fp for s in scores),
                     sum(s.fn for s in scores))

    @property
    def negatives_asserted(self) -> int:
        return sum(f.kind == "negative asserted" for f in self.findings)

    def score(self, rel_type: str) -> Score:
        return self.by_type.setdefault(rel_type, Score())


def evaluate(gold: Iterable[GoldArticle], extractions: Iterable[ArticleExtraction]) -> Report:
    """Score every extraction whose article id has a gold article; others are ignored."""
    by_id = {g.id: g for g in gold}
    report = Report()
    for ex in extractions:
        article_gold = by_id.get(ex.article.id)
        if article_gold is not None:
            report.articles += 1
            _score_article(article_gold, ex, report)
    return report


@dataclass(frozen=True)
class _GoldSide:
    """A gold entity and the extracted entity ids it matches in this article."""

    name: str
    ids: frozenset[str]


def _score_article(gold: GoldArticle, ex: ArticleExtraction, report: Report) -> None:
    sides = _match_entities(gold, ex.entities)
    predicted = _asserted(ex.relations)
    used: set[tuple[str, str, str]] = set()
    sector_parts: set[tuple[str, str, str]] = set()
    kinds = {e.id: e.type for e in ex.entities}
    for rel in _unique(gold.relations, sides):
        src, tgt = sides[rel.source], sides[rel.target]
        hit = next((key for key in predicted if key not in used and key[0] == rel.type
                    and key[1] in src.ids and key[2] in tgt.ids), None)
        score = report.score(rel.type)
        if hit is None:
            score.fn += 1
            report.findings.append(Finding("miss", gold.id, rel.type, src.name, tgt.name))
            continue
        score.tp += 1
        used.add(hit)
        _check_attributes(rel, predicted[hit], ex.article.published, gold.id, sides, report)
        # "in drone delivery and autonomous vehicles": one gold sector read as two is one
        # fact, not a hit and a false positive
        sector_parts |= {key for key in predicted if key[:2] == hit[:2] and key[2] in tgt.ids
                         and kinds.get(key[2]) == "Sector"}
    used |= sector_parts
    names = {e.id: e.name for e in ex.entities}
    negatives = [(n, sides[n.source], sides[n.target]) for n in _unique(gold.negatives, sides)]
    report.negatives += len(negatives)
    for key, claim in predicted.items():
        if key in used:
            continue
        report.score(claim.type).fp += 1
        negative = any(n.type == claim.type and claim.source in s.ids and claim.target in t.ids
                       for n, s, t in negatives)
        report.findings.append(Finding(
            "negative asserted" if negative else "false positive", gold.id, claim.type,
            names.get(claim.source, claim.source), names.get(claim.target, claim.target),
            f"{claim.evidence.rule}: {claim.evidence.sentence}"))


def _match_entities(gold: GoldArticle, extracted: Iterable[Entity]) -> dict[str, _GoldSide]:
    """Every gold name and alias -> the gold entity's side, with its matching extracted ids."""
    entities = list(gold.entities)
    named = {n for e in entities for n in (e.name, *e.aliases)}
    for rel in (*gold.relations, *gold.negatives):   # names used without an entity line
        entities += [GoldEntity(name=n) for n in (rel.source, rel.target) if n not in named]
    extracted = list(extracted)
    sides: dict[str, _GoldSide] = {}
    for g in entities:
        keys = {name_key(n) for n in (g.name, *g.aliases)} - {""}
        ids = frozenset(
            e.id for e in extracted
            if keys & ({name_key(n) for n in (e.name, *e.aliases, *e.tickers)} - {""})
            or (e.type == "Sector" and g.type in (None, "Sector")
                and any(_same_sector(n, e.name) for n in (g.name, *g.aliases))))
        for n in (g.name, *g.aliases):
            sides.setdefault(n, _GoldSide(g.name, ids))
    return sides


def _same_sector(gold_name: str, extracted_name: str) -> bool:
    a, b = _sector_words(gold_name), _sector_words(extracted_name)
    return bool(a and b) and (a <= b or b <= a)


def _sector_words(name: str) -> frozenset[str]:
    words = (w.removesuffix("s") if len(w) > 3 else w for w in name_key(name).split())
    return frozenset(w.replace("centre", "center") for w in words if w not in _SECTOR_FILLER)


def _unique(relations: Iterable[GoldRelation],
            sides: dict[str, _GoldSide]) -> Iterator[GoldRelation]:
    """Gold relations once per (type, source, target): two roles are one edge."""
    seen: set[tuple[str, str, str]] = set()
    for rel in relations:
        key = (rel.type, sides[rel.source].name, sides[rel.target].name)
        if key not in seen:
            seen.add(key)
            yield rel


def _asserted(relations: Iterable[Relation]) -> dict[tuple[str, str, str], Relation]:
    """Asserted relations once per (type, source, target), with the amount and the weight
    of the latest statement that tells one, as the stores merge statements."""
    out: dict[tuple[str, str, str], Relation] = {}
    for rel in relations:
        key = (rel.type, rel.source, rel.target)
        if not rel.asserted:
            continue
        known = out.get(key)
        if known is not None:
            rel = rel.model_copy(update={
                "amount": rel.amount or known.amount,
                "weight_pct": rel.weight_pct if rel.weight_pct is not None
                else known.weight_pct})
        out[key] = rel
    return out



def _check_attributes(gold: GoldRelation, found: Relation, published: date | None,
                      article: str, sides: dict[str, _GoldSide], report: Report) -> None:
    src, tgt = sides[gold.source].name, sides[gold.target].name
    expected = _gold_amount(gold.amount)
    if expected is not None:
        right = _amount_matches(expected, found, published)
        report.amounts.tp += right
        report.amounts.fn += not right
        if not right:
            got = (f"{found.amount.value:g} {found.amount.currency} {found.amount.qualifier}"
                   if found.amount else "no amount")
            report.findings.append(Finding("wrong amount", article, gold.type, src, tgt,
                                           f"expected {expected}, got {got}"))
    if gold.weight_pct is not None:
        right = (found.weight_pct is not None
                 and abs(found.weight_pct - gold.weight_pct) <= _WEIGHT_TOLERANCE)
        report.weights.tp += right
        report.weights.fn += not right
        if not right:
            report.findings.append(Finding("wrong weight", article, gold.type, src, tgt,
                                           f"expected {gold.weight_pct}, got {found.weight_pct}"))


@dataclass(frozen=True)
class _GoldAmount:
    value: float
    currency: str
    value_high: float | None = None

    def __str__(self) -> str:
        high = f"-{self.value_high:g}" if self.value_high else ""
        return f"{self.value:g}{high} {self.currency}"


def _gold_amount(raw: dict[str, Any] | str | float | None) -> _GoldAmount | None:
    """Gold amounts as a dict (value, currency[, value_high]), a phrase ("$5bn"), or USD."""
    if raw is None:
        return None
    if isinstance(raw, int | float):
        return _GoldAmount(float(raw), "USD")
    if isinstance(raw, str):
        found = find_amounts(raw)
        if not found:
            raise InputError(f"Gold amount {raw!r} is not an amount capexgraph can read.")
        return _GoldAmount(found[0].value, found[0].currency, found[0].value_high)
    if "value" in raw:
        high = raw.get("value_high")
        return _GoldAmount(float(raw["value"]), str(raw.get("currency", "USD")),
                           float(high) if high is not None else None)
    usd = raw.get("value_usd", raw.get("usd"))
    if usd is None:
        raise InputError(f"Gold amount {raw!r} has neither value nor value_usd.")
    return _GoldAmount(float(usd), "USD")


def _amount_matches(expected: _GoldAmount, found: Relation, published: date | None) -> bool:
    amount = found.amount
    if amount is None:
        return False
    if amount.currency == expected.currency:
        if not _close(amount.value, expected.value, _VALUE_TOLERANCE):
            return False
        return expected.value_high is None or (
            amount.value_high is not None
            and _close(amount.value_high, expected.value_high, _VALUE_TOLERANCE))
    rate, _ = usd_rate(expected.currency, published)
    return amount.value_usd is not None and _close(amount.value_usd, expected.value * rate,
                                                   _USD_TOLERANCE)


def _close(a: float, b: float, tolerance: float) -> bool:
    return abs(a - b) <= tolerance * max(abs(a), abs(b))
