"""The scorer's rules on small hand-made cases, the eval command, and the dev-set floor."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from capexgraph.cli import cli
from capexgraph.errors import InputError
from capexgraph.evaluate import GoldArticle, evaluate, read_gold
from capexgraph.extract.extractor import Extractor
from capexgraph.reader import read_articles
from capexgraph.schema import Amount, Article, ArticleExtraction, Entity, Evidence, Relation

DEV = Path(__file__).resolve().parent / "data" / "dev"
ALLOWED_DROP = 0.02


def _extraction(entities: list[Entity], relations: list[tuple[str, str, str, dict]]) -> (  # type: ignore[type-arg]
        ArticleExtraction):
    article = Article.from_text(id="a1", title="t", text="Some text.", source="t",
                                published=date(2025, 10, 1))
    evidence = Evidence(article_id="a1", sentence="Some text.", start=0, end=4, rule="test")
    rels = tuple(Relation(type=t, source=s, target=o, evidence=evidence, **extra)  # type: ignore[arg-type]
                 for t, s, o, extra in relations)
    return ArticleExtraction(article=article, entities=tuple(entities), relations=rels)


def _gold(**fields: object) -> GoldArticle:
    return GoldArticle.model_validate({"id": "a1", **fields})


NVIDIA = Entity(id="nvidia", name="Nvidia", type="Company", aliases=("NVIDIA",), tickers=("NVDA",))
OPENAI = Entity(id="openai", name="OpenAI", type="Company")
META = Entity(id="meta", name="Meta Platforms", type="Company", aliases=("Meta",))
DC = Entity(id="ai-data-centres", name="AI data centres", type="Sector")


def test_matches_by_alias_and_scores_per_type() -> None:
    usd = Amount(value=100e9, currency="USD", qualifier="up_to")
    ex = _extraction([NVIDIA, OPENAI, META], [
        ("INVESTS_IN", "nvidia", "openai", {"amount": usd}),
        ("SUPPLIES", "nvidia", "meta", {}),                # not in gold: a false positive
        ("INVESTS_IN", "meta", "openai", {"status": "rumored"}),  # not asserted: no claim
    ])
    gold = _gold(
        entities=[{"name": "NVIDIA Corp", "type": "Company", "aliases": ["NVDA"]},
                  {"name": "OpenAI", "type": "Company"}],
        relations=[{"type": "INVESTS_IN", "source": "NVIDIA Corp", "target": "OpenAI",
                    "amount": {"value": 100e9, "currency": "USD", "qualifier": "up_to"}},
                   {"type": "SUPPLIES", "source": "OpenAI", "target": "NVIDIA Corp"}],
        negatives=[{"type": "INVESTS_IN", "source": "Meta", "target": "OpenAI"}])
    report = evaluate([gold], [ex])
    assert (report.by_type["INVESTS_IN"].tp, report.by_type["INVESTS_IN"].fp) == (1, 0)
    supplies = report.by_type["SUPPLIES"]
    assert (supplies.tp, supplies.fp, supplies.fn) == (0, 1, 1)  # direction matters
    assert report.micro.precision == pytest.approx(0.5)
    assert report.micro.recall == pytest.approx(0.5)
    assert (report.amounts.tp, report.amounts.fn) == (1, 0)
    assert report.negatives == 1 and report.negatives_asserted == 0


def test_asserted_negative_and_wrong_amount_are_reported() -> None:
    ex = _extraction([NVIDIA, OPENAI], [
        ("INVESTS_IN", "nvidia", "openai",
         {"amount": Amount(value=10e9, currency="USD")})])
    gold = _gold(relations=[], negatives=[
        {"type": "INVESTS_IN", "source": "Nvidia", "target": "OpenAI"}])
    report = evaluate([gold], [ex])
    assert report.negatives_asserted == 1
    assert [f.kind for f in report.findings] == ["negative asserted"]

    gold = _gold(relations=[{"type": "INVESTS_IN", "source": "Nvidia", "target": "OpenAI",
                             "amount": "$100 billion"}])
    report = evaluate([gold], [ex])
    assert (report.amounts.tp, report.amounts.fn) == (0, 1)
    assert report.findings[0].kind == "wrong amount"


def test_gold_amount_in_usd_matches_an_amount_in_yuan() -> None:
    cny = Amount(value=380e9, currency="CNY", value_usd=53.2e9)
    ex = _extraction([NVIDIA, DC], [("INVESTS_IN", "nvidia", "ai-data-centres",
                                     {"amount": cny})])
    gold = _gold(relations=[{"type": "INVESTS_IN", "source": "Nvidia",
                             "target": "data centers", "amount": {"value_usd": 53.3e9}}])
    report = evaluate([gold], [ex])
    assert report.by_type["INVESTS_IN"].tp == 1  # sectors match on their content words
    assert report.amounts.tp == 1


def test_the_latest_statement_of_an_amount_is_scored() -> None:
    # as the stores merge an edge's statements: the latest amount told, an earlier one kept
    # when a later statement tells none
    round_ = Amount(value=40e9, currency="USD")
    own = Amount(value=10e9, currency="USD")
    gold = _gold(relations=[{"type": "INVESTS_IN", "source": "Nvidia", "target": "OpenAI",
                             "amount": "$10 billion"}])
    for amounts, right in (((round_, own), 1), ((own, round_), 0), ((own, None), 1)):
        ex = _extraction([NVIDIA, OPENAI], [
            ("INVESTS_IN", "nvidia", "openai", {"amount": a} if a else {}) for a in amounts])
        assert evaluate([gold], [ex]).amounts.tp == right


def test_two_roles_are_one_edge() -> None:
    person = Entity(id="jensen-huang", name="Jensen Huang", type="Person")
    ex = _extraction([person, NVIDIA], [
        ("EXECUTIVE_OF", "jensen-huang", "nvidia", {"role": "CEO"}),
        ("EXECUTIVE_OF", "jensen-huang", "nvidia", {"role": "Founder"})])
    gold = _gold(relations=[
        {"type": "EXECUTIVE_OF", "source": "Jensen Huang", "target": "Nvidia", "role": "CEO"},
        {"type": "EXECUTIVE_OF", "source": "Jensen Huang", "target": "Nvidia",
         "role": "Founder"}])
    score = evaluate([gold], [ex]).by_type["EXECUTIVE_OF"]
    assert (score.tp, score.fp, score.fn) == (1, 0, 0)


def test_one_gold_sector_read_as_two_is_one_fact() -> None:
    drones = Entity(id="drone-delivery", name="drone delivery", type="Sector")
    cars = Entity(id="autonomous-vehicles", name="autonomous vehicles", type="Sector")
    ex = _extraction([META, drones, cars, NVIDIA], [
        ("INVESTS_IN", "meta", "drone-delivery", {}),
        ("INVESTS_IN", "meta", "autonomous-vehicles", {}),
        ("INVESTS_IN", "nvidia", "autonomous-vehicles", {}),  # no such gold fact: wrong
    ])
    gold = _gold(entities=[{"name": "Meta", "type": "Company"},
                           {"name": "drone delivery and autonomous vehicles", "type": "Sector"}],
                 relations=[{"type": "INVESTS_IN", "source": "Meta",
                             "target": "drone delivery and autonomous vehicles"}])
    score = evaluate([gold], [ex]).by_type["INVESTS_IN"]
    assert (score.tp, score.fp, score.fn) == (1, 1, 0)


def test_bad_gold_line_is_one_sentence(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text('{"id": "a1", "relations": []}\n{"id": \n', encoding="utf-8")
    with pytest.raises(InputError, match="line 2"):
        read_gold(path)


def test_eval_command(runner: CliRunner, tmp_path: Path) -> None:
    article = tmp_path / "deal.txt"
    article.write_text("Nvidia invests in Intel\nSeptember 18, 2025\n\n"
                       "Nvidia will invest $5 billion in Intel, the companies said.\n",
                       encoding="utf-8")
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "deal", "relations": [
        {"type": "INVESTS_IN", "source": "Nvidia", "target": "Intel",
         "amount": {"value": 5e9, "currency": "USD"}}]}) + "\n", encoding="utf-8")
    result = runner.invoke(cli, ["eval", str(gold), str(article), "--format", "json"])
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    micro = record["relations"][-1]
    assert micro["type"] == "micro" and micro["f1"] == 1.0
    assert record["amount_accuracy"] == 1.0

    other = tmp_path / "other.txt"
    other.write_text("Nothing here.\n", encoding="utf-8")
    result = runner.invoke(cli, ["eval", str(gold), str(other)])
    assert result.exit_code == 1
    assert "None of the 1 gold articles" in result.output and "Traceback" not in result.output


def test_dev_set_f1_has_not_dropped(extractor: Extractor) -> None:
    """The floor for every change to the extractor: the recorded dev-set micro-F1."""
    recorded = json.loads((DEV / "recorded.json").read_text(encoding="utf-8"))["micro_f1"]
    gold = read_gold(DEV / "gold.jsonl")
    articles = read_articles([str(DEV / "articles")]).articles
    assert len(gold) >= 45 and sum(len(g.relations) for g in gold) >= 350
    report = evaluate(gold, extractor.extract_many(articles))
    assert report.articles == len(gold)
    assert report.micro.f1 >= recorded - ALLOWED_DROP, (
        f"dev micro-F1 {report.micro.f1:.3f} is more than {ALLOWED_DROP} below the recorded "
        f"{recorded:.3f}")
    assert report.negatives_asserted == 0

