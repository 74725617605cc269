"""Rows and cards as the CLI prints them: plain dicts built from the library's results."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from capexgraph.graph.store import EntityCard, StoredRelation
from capexgraph.output import money, print_rows, stdout_console


def relation_rows(records: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for record in records:
        names = {e["id"]: e["name"] for e in record["entities"]}
        for rel in record["relations"]:
            amount = rel["amount"]
            yield {
                "article": record["article"]["id"],
                "source": names[rel["source"]],
                "relation": rel["type"] + (f" ({rel['role']})" if rel["role"] else ""),
                "target": names[rel["target"]],
                "amount": money(amount["value"], amount["currency"]) if amount else "",
                "weight %": rel["weight_pct"],
                "status": rel["status"],
                "rule": rel["evidence"]["rule"],
            }


def card_rows(card: EntityCard) -> Iterator[dict[str, Any]]:
    for direction, relations in (("out", card.outgoing), ("in", card.incoming)):
        for rel in relations:
            other = rel.target if direction == "out" else rel.source
            yield {
                "direction": direction,
                "relation": rel.type,
                "entity": other.name,
                "entity_id": other.id,
                "role": rel.role,
                "amount": money(rel.amount.value, rel.amount.currency) if rel.amount else "",
                "amount_usd": money(rel.amount.value_usd, "USD") if rel.amount else "",
                "weight_pct": rel.weight_pct,
                "status": rel.status,
                "first_seen": rel.first_seen,
                "last_seen": rel.last_seen,
                "articles": sorted({e.article_id for e in rel.evidence}),
            }


def card_record(card: EntityCard) -> dict[str, Any]:
    def relation(rel: StoredRelation) -> dict[str, Any]:
        return {
            "type": rel.type, "source": rel.source.id, "target": rel.target.id,
            "role": rel.role, "status": rel.status,
            "amount": rel.amount.model_dump(mode="json") if rel.amount else None,
            "weight_pct": rel.weight_pct,
            "first_seen": rel.first_seen and rel.first_seen.isoformat(),
            "last_seen": rel.last_seen and rel.last_seen.isoformat(),
            "evidence": [{"article": e.article_id, "title": e.article_title,
                          "sentence": e.sentence, "start": e.start, "end": e.end,
                          "rule": e.rule, "status": e.status} for e in rel.evidence],
        }

    return {"entity": card.entity.model_dump(mode="json"),
            "outgoing": [relation(r) for r in card.outgoing],
            "incoming": [relation(r) for r in card.incoming]}


def print_card(card: EntityCard) -> None:
    console = stdout_console()
    e = card.entity
    console.print(f"[bold]{e.name}[/bold]  ({e.type}, id {e.id})")
    if e.aliases:
        console.print(f"aliases: {', '.join(e.aliases)}", highlight=False)
    if e.tickers:
        console.print(f"tickers: {', '.join(e.tickers)}", highlight=False)
    rows = list(card_rows(card))
    if not rows:
        console.print("no relations stored")
        return
    print_rows(rows, "table")
    console.print("sources:")
    for rel in (*card.outgoing, *card.incoming):
        for ev in rel.evidence:
            console.print(f"  [{ev.article_id}] {rel.source.name} {rel.type} {rel.target.name}: "
                          f"\"{ev.sentence}\"", highlight=False, soft_wrap=True)
