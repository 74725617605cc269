"""The JSONL contract of `capexgraph extract`: one object per article, exactly these keys."""

from __future__ import annotations

from typing import Any

from capexgraph.schema.models import ArticleExtraction, Relation


def relation_record(rel: Relation) -> dict[str, Any]:
    amount = rel.amount
    return {
        "type": rel.type,
        "source": rel.source,
        "target": rel.target,
        "amount": None if amount is None else {
            "value": amount.value, "currency": amount.currency, "qualifier": amount.qualifier,
            "value_high": amount.value_high, "value_usd": amount.value_usd,
        },
        "weight_pct": rel.weight_pct,
        "role": rel.role,
        "status": rel.status,
        "evidence": {"sentence": rel.evidence.sentence, "start": rel.evidence.start,
                     "end": rel.evidence.end, "rule": rel.evidence.rule},
        "confidence": rel.confidence,
    }


def extraction_record(ex: ArticleExtraction, *, all_statuses: bool = False) -> dict[str, Any]:
    """The contract record; rumored and denied relations only when `all_statuses`."""
    art = ex.article
    return {
        "article": {"id": art.id, "title": art.title,
                    "published": art.published.isoformat() if art.published else None,
                    "source": art.source, "sha256": art.sha256},
        "entities": [{"id": e.id, "name": e.name, "type": e.type, "aliases": list(e.aliases),
                      "tickers": list(e.tickers)} for e in ex.entities],
        "relations": [relation_record(r) for r in ex.relations if all_statuses or r.asserted],
    }
