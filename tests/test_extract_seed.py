"""The issue's acceptance facts on the seed digest, through the CLI's JSONL contract."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from capexgraph.cli import cli


def _record(runner: CliRunner, path: Path) -> dict:  # type: ignore[type-arg]
    result = runner.invoke(cli, ["extract", str(path), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 1
    record: dict = json.loads(lines[0])  # type: ignore[type-arg]
    return record


def test_contract_keys(runner: CliRunner, seed_path: Path) -> None:
    record = _record(runner, seed_path)
    assert set(record) == {"article", "entities", "relations"}
    assert set(record["article"]) == {"id", "title", "published", "source", "sha256"}
    assert record["article"]["id"] == seed_path.stem
    assert record["article"]["published"] == "2025-09-24"
    for entity in record["entities"]:
        assert set(entity) == {"id", "name", "type", "aliases", "tickers"}
    for rel in record["relations"]:
        assert set(rel) == {"type", "source", "target", "amount", "weight_pct", "role",
                            "status", "evidence", "confidence"}
        assert set(rel["evidence"]) == {"sentence", "start", "end", "rule"}
        if rel["amount"]:
            assert set(rel["amount"]) == {"value", "currency", "qualifier", "value_high",
                                          "value_usd"}


def test_seed_facts_with_evidence(runner: CliRunner, seed_path: Path) -> None:
    text = seed_path.read_text(encoding="utf-8")
    record = _record(runner, seed_path)
    names = {e["id"]: e for e in record["entities"]}
    found = {(r["type"], names[r["source"]]["name"], names[r["target"]]["name"]): r
             for r in record["relations"]}

    invest_ai = found[("INVESTS_IN", "Alibaba Group", "AI infrastructure")]
    assert invest_ai["amount"]["value"] == 380e9 and invest_ai["amount"]["currency"] == "CNY"
    assert names[invest_ai["target"]]["type"] == "Sector"
    nvidia = found[("INVESTS_IN", "Nvidia", "OpenAI")]
    assert (nvidia["amount"]["value"], nvidia["amount"]["currency"],
            nvidia["amount"]["qualifier"]) == (100e9, "USD", "up_to")
    tracks = found[("TRACKS", "Hong Kong Technology ETF", "CSI Hong Kong Technology Index")]
    assert "520860" in names[tracks["source"]]["tickers"]
    for member in ("Tencent Holdings", "Alibaba Group", "Xiaomi Corporation"):
        constituent = found[("CONSTITUENT_OF", member, "CSI Hong Kong Technology Index")]
        assert constituent["weight_pct"] is None  # "collectively ... 30%" is nobody's weight
    ceo = found[("EXECUTIVE_OF", "Eddie Wu", "Alibaba Group")]
    assert ceo["role"] == "CEO"
    assert "Wu Yongming" in names[ceo["source"]]["aliases"]

    for rel in found.values():
        span = text[rel["evidence"]["start"]:rel["evidence"]["end"]]
        assert span and span in rel["evidence"]["sentence"]
        assert rel["evidence"]["rule"]
    alibaba = [e for e in record["entities"] if e["name"] == "Alibaba Group"]
    assert len(alibaba) == 1 and {"Alibaba", "Alibaba-W"} <= set(alibaba[0]["aliases"])
