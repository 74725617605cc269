"""Synthetic article extractions for benchmarks: a realistic type mix, power-law degrees.

Entities are drawn with Zipf weights (the i-th most connected entity has weight 1/i), so
degrees follow a power law: a few hubs (an Nvidia, an OpenAI) carry many relations and most
entities few. Deterministic for a given seed.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date, timedelta

from capexgraph.schema import Amount, Article, ArticleExtraction, Entity, Evidence, Relation

# (relation type, source type, target type, share of relations)
MIX = (
    ("SUPPLIES", "Company", "Company", 0.35),
    ("INVESTS_IN", "Company", "Company", 0.25),
    ("CONSTITUENT_OF", "Company", "Index", 0.25),
    ("TRACKS", "Fund", "Index", 0.05),
    ("EXECUTIVE_OF", "Person", "Company", 0.10),
)
SHARES = {"Company": 0.80, "Person": 0.12, "Index": 0.04, "Fund": 0.04}


def _entities(n: int) -> dict[str, list[Entity]]:
    pools: dict[str, list[Entity]] = {}
    for type_, share in SHARES.items():
        count = max(10, int(n * share))
        pools[type_] = [Entity(id=f"{type_.lower()}-{i}", name=f"{type_} {i}", type=type_,
                               aliases=(f"{type_} {i}",)) for i in range(count)]
    return pools


def _zipf_weights(n: int) -> list[float]:
    total, cumulative = 0.0, []
    for i in range(1, n + 1):
        total += 1.0 / i
        cumulative.append(total)
    return cumulative


def extractions(relations: int, per_article: int = 100, seed: int = 7
                ) -> Iterator[ArticleExtraction]:
    rng = random.Random(seed)
    pools = _entities(max(200, relations // 5))
    weights_of = {t: _zipf_weights(len(p)) for t, p in pools.items()}
    kinds = [m[:3] for m in MIX]
    weights = [m[3] for m in MIX]
    start = date(2024, 1, 1)
    for a in range(0, relations, per_article):
        rels: list[Relation] = []
        ents: dict[str, Entity] = {}
        text = "x" * (per_article * 40)
        for j in range(min(per_article, relations - a)):
            rel_type, s_type, t_type = rng.choices(kinds, weights)[0]
            s = rng.choices(pools[s_type], cum_weights=weights_of[s_type])[0]
            t = rng.choices(pools[t_type], cum_weights=weights_of[t_type])[0]
            if s.id == t.id:
                t = pools[t_type][-1 - j % 5]
            ents[s.id], ents[t.id] = s, t
            money = rel_type in ("SUPPLIES", "INVESTS_IN")
            rels.append(Relation(
                type=rel_type, source=s.id, target=t.id,  # type: ignore[arg-type]
                amount=Amount(value=rng.randint(1, 500) * 1e8, currency="USD",
                              value_usd=rng.randint(1, 500) * 1e8) if money else None,
                weight_pct=round(rng.uniform(0.1, 10), 2) if rel_type == "CONSTITUENT_OF"
                else None,
                role="CEO" if rel_type == "EXECUTIVE_OF" else None,
                evidence=Evidence(article_id=f"syn-{a}", sentence="synthetic", start=j * 40,
                                  end=j * 40 + 39, rule="synthetic"),
                confidence=0.9,
            ))
        article = Article.from_text(id=f"syn-{a}", title=f"synthetic {a}", text=text,
                                    source="bench", published=start + timedelta(days=a % 700))
        yield ArticleExtraction(article=article, entities=tuple(ents.values()),
                                relations=tuple(rels))
