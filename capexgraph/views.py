"""Rows and cards as the CLI prints them: plain dicts built from the library's results."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from rich.tree import Tree

from capexgraph.evaluate import Report, Score
from capexgraph.graph.exposure import Chain, Exposure, Hop
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


# -- exposure chains, cycles and connections ------------------------------------------------

def hop_label(hop: Hop) -> str:
    """"A ─INVESTS_IN→ B" along the stored direction, "A ←CONSTITUENT_OF─ B" against it."""
    rel = hop.relation.type + (f" ({hop.relation.role})" if hop.relation.role else "")
    arrow = f"─{rel}→" if hop.forward else f"←{rel}─"
    return f"{hop.start.name} {arrow} {hop.end.name}"


def hop_row(group: str, number: int, index: int, hop: Hop) -> dict[str, Any]:
    rel = hop.relation
    return {
        group: number, "hop": index, "from": hop.start.name,
        "relation": rel.type if hop.forward else f"{rel.type} (reversed)",
        "to": hop.end.name, "weight": hop.weight,
        "amount": money(rel.amount.value, rel.amount.currency) if rel.amount else "",
        "amount_usd": money(rel.amount.value_usd, "USD") if rel.amount else "",
        "status": rel.status, "articles": sorted({e.article_id for e in rel.evidence}),
    }


def path_rows(group: str, paths: Iterable[tuple[Hop, ...]]) -> Iterator[dict[str, Any]]:
    for number, path in enumerate(paths, 1):
        for index, hop in enumerate(path, 1):
            yield hop_row(group, number, index, hop)


def _weight(value: float | None) -> str:
    return "unknown" if value is None else f"{value:.4g}"


def print_tree(title: str, branches: Iterable[tuple[str, tuple[Hop, ...]]]) -> None:
    """Each path as a branch of a rich tree, every hop with its status and first source."""
    tree = Tree(title)
    for label, path in branches:
        branch = tree.add(label)
        for hop in path:
            rel = hop.relation
            amount = f", {money(rel.amount.value, rel.amount.currency)}" if rel.amount else ""
            source = rel.evidence[-1]
            node = branch.add(f"{hop_label(hop)}  [dim](weight {_weight(hop.weight)}, "
                              f"{rel.status}{amount})[/dim]")
            node.add(f"[dim][{source.article_id}] {source.sentence}[/dim]")
    stdout_console().print(tree)


def chain_label(rank_no: int, chain: Chain) -> str:
    return f"chain {rank_no}: {len(chain.hops)} hops, weight {_weight(chain.weight)}"


def exposure_rows(exposures: Iterable[Exposure]) -> Iterator[dict[str, Any]]:
    for e in exposures:
        yield {"type": e.target.type, "entity": e.target.name, "entity_id": e.target.id,
               "weight": e.weight, "chains": e.chains, "shortest_hops": e.shortest}


def path_record(path: tuple[Hop, ...]) -> list[dict[str, Any]]:
    return [{"from": h.start.id, "to": h.end.id, "relation": h.relation.type,
             "forward": h.forward, "weight": h.weight, "status": h.relation.status,
             "amount": h.relation.amount.model_dump(mode="json") if h.relation.amount else None,
             "evidence": [{"article": e.article_id, "sentence": e.sentence, "start": e.start,
                           "end": e.end} for e in h.relation.evidence]}
            for h in path]


def tree_rows(root: str, rows: list[dict[str, Any]]) -> None:
    tree = Tree(f"{root} is exposed to")
    groups: dict[str, Any] = {}
    for row in rows:
        if row["type"] not in groups:
            groups[row["type"]] = tree.add(row["type"])
        weight = "unknown" if row["weight"] is None else f"{row['weight']:.4g}"
        groups[row["type"]].add(f"{row['entity']} (weight {weight}, {row['chains']} chains, "
                                f"{row['shortest_hops']} hops)")
    stdout_console().print(tree)


def _score_row(name: str, score: Score) -> dict[str, Any]:
    return {"type": name, "gold": score.tp + score.fn, "predicted": score.tp + score.fp,
            "correct": score.tp, "precision": round(score.precision, 3),
            "recall": round(score.recall, 3), "f1": round(score.f1, 3)}


def score_rows(report: Report) -> Iterator[dict[str, Any]]:
    """One row per relation type, then the micro average over all of them."""
    for name in sorted(report.by_type):
        yield _score_row(name, report.by_type[name])
    yield _score_row("micro", report.micro)


def finding_rows(report: Report) -> Iterator[dict[str, Any]]:
    for f in report.findings:
        yield {"article": f.article, "kind": f.kind, "type": f.type, "source": f.source,
               "target": f.target, "detail": f.detail}


def _accuracy(score: Score) -> str:
    total = score.tp + score.fn
    return f"{score.tp}/{total} ({score.tp / total:.1%})" if total else "none to check"


def eval_summary(report: Report) -> str:
    return (f"Amounts right on matched money relations: {_accuracy(report.amounts)}\n"
            f"Weights right on matched constituents: {_accuracy(report.weights)}\n"
            f"Negatives (denied, rumoured, wrong) printed as asserted: "
            f"{report.negatives_asserted} of {report.negatives}")


def eval_record(report: Report, verbose: bool) -> dict[str, Any]:
    record: dict[str, Any] = {
        "articles": report.articles,
        "relations": list(score_rows(report)),
        "amount_accuracy": report.amounts.recall if report.amounts.tp + report.amounts.fn
        else None,
        "amounts_checked": report.amounts.tp + report.amounts.fn,
        "weight_accuracy": report.weights.recall if report.weights.tp + report.weights.fn
        else None,
        "weights_checked": report.weights.tp + report.weights.fn,
        "negatives": report.negatives,
        "negatives_asserted": report.negatives_asserted,
    }
    if verbose:
        record["findings"] = list(finding_rows(report))
    return record
