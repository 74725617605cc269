"""Every command through CliRunner, and every bad input the issue names."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from capexgraph.cli import cli
from tests.conftest import SAMPLES


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else "absent"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("store") / "graph.sqlite"
    result = CliRunner().invoke(cli, ["ingest", str(SAMPLES), "--store", str(path)])
    assert result.exit_code == 0, result.output
    assert "new" in result.output
    return path


def test_every_command_has_help(runner: CliRunner) -> None:
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text()
    for name, command in cli.commands.items():
        result = runner.invoke(cli, [name, "--help"])
        assert result.exit_code == 0 and command.help and "capexgraph" in result.output
        assert f"capexgraph {name}" in readme, f"README does not show {name}"


def test_ingest_is_idempotent(runner: CliRunner, store: Path) -> None:
    before = runner.invoke(cli, ["stats", "--store", str(store), "--format", "json"]).output
    again = runner.invoke(cli, ["ingest", str(SAMPLES), "--store", str(store)])
    assert again.exit_code == 0
    assert "0 new, 0 updated and 13 unchanged articles; 0 new entities, 0 new facts" in again.output
    after = runner.invoke(cli, ["stats", "--store", str(store), "--format", "json"]).output
    assert before == after


def test_stats_counts(runner: CliRunner, store: Path) -> None:
    rows = json.loads(runner.invoke(cli, ["stats", "--store", str(store),
                                          "--format", "json"]).output)
    counts = {(r["kind"], r["name"]): r["count"] for r in rows}
    assert counts[("store", "articles")] == 13
    assert counts[("entity", "Company")] > 20
    assert counts[("relation", "SUPPLIES")] > 5


@pytest.mark.parametrize("name", ["Alibaba-W", "alibaba", "9988.HK", "BABA", "阿里巴巴"])
def test_entity_resolves_names_aliases_and_tickers(runner: CliRunner, store: Path,
                                                   name: str) -> None:
    result = runner.invoke(cli, ["entity", name, "--store", str(store), "--format", "json"])
    assert result.exit_code == 0, result.output
    card = json.loads(result.output)
    assert card["entity"]["id"] == "alibaba"
    constituent = [r for r in card["outgoing"] if r["type"] == "CONSTITUENT_OF"]
    assert constituent and all(r["evidence"] for r in constituent)


def test_entity_card_shows_amounts_in_both_currencies(runner: CliRunner, store: Path) -> None:
    result = runner.invoke(cli, ["entity", "Nvidia", "--store", str(store)])
    assert result.exit_code == 0
    assert "5bn USD" in result.output and "Intel" in result.output
    assert "01_nvidia_intel_wire" in result.output


@pytest.mark.parametrize("fmt", ["table", "json", "jsonl", "csv"])
def test_output_formats(runner: CliRunner, store: Path, fmt: str) -> None:
    result = runner.invoke(cli, ["entity", "OpenAI", "--store", str(store), "--format", fmt])
    assert result.exit_code == 0
    if fmt == "json":
        assert json.loads(result.output)["entity"]["name"] == "OpenAI"
    elif fmt == "jsonl":
        rows = [json.loads(line) for line in result.output.splitlines()]
        assert {r["relation"] for r in rows} >= {"INVESTS_IN", "SUPPLIES"}
    elif fmt == "csv":
        assert result.output.splitlines()[0].startswith("direction,relation,entity")
    else:
        assert "OpenAI" in result.output


def test_unknown_entity_suggests(runner: CliRunner, store: Path) -> None:
    result = runner.invoke(cli, ["entity", "Nvidai", "--store", str(store)])
    assert result.exit_code == 1
    assert "Did you mean" in result.output
    assert "Traceback" not in result.output


def test_extract_hides_rumours_unless_asked(runner: CliRunner) -> None:
    path = str(SAMPLES / "07_microsoft_openai_wire.txt")
    plain = runner.invoke(cli, ["extract", path]).output
    every = runner.invoke(cli, ["extract", path, "--all-statuses"]).output
    statuses = {r["status"] for r in json.loads(every)["relations"]}
    assert "denied" in statuses
    assert "denied" not in {r["status"] for r in json.loads(plain)["relations"]}


def test_extract_reads_stdin_and_html(runner: CliRunner) -> None:
    text = (SAMPLES / "01_nvidia_intel_wire.txt").read_text()
    result = runner.invoke(cli, ["extract", "-"], input=text)
    assert json.loads(result.output)["article"]["id"] == "stdin"
    html = runner.invoke(cli, ["extract", str(SAMPLES / "13_meta_google_rumour_wire.html"),
                               "--all-statuses"])
    record = json.loads(html.output)
    assert record["article"]["title"].startswith("Meta in talks")
    assert "Home" not in record["relations"][0]["evidence"]["sentence"]


def _bad_inputs(tmp: Path) -> dict[str, tuple[Path, str]]:
    empty = tmp / "empty.txt"
    empty.write_text("")
    binary = tmp / "blob.txt"
    binary.write_bytes(b"\x00\x01\x02PNG\x00" * 100)
    latin = tmp / "latin.txt"
    latin.write_bytes("Nvidia investit 5 milliards en Intel à Zürich".encode("latin-1"))
    huge = tmp / "huge.jsonl"
    with huge.open("wb") as f:
        f.truncate(100 * 1024 * 1024)
    nodir = tmp / "no-articles"
    nodir.mkdir()
    (nodir / "notes.csv").write_text("a,b\n")
    bad_jsonl = tmp / "bad.jsonl"
    bad_jsonl.write_text(
        '{"id": "a1", "title": "t", "text": "Nvidia invests $5bn in Intel."}\n'
        "{not json\n"
        '{"id": "a3", "title": "no text"}\n'
    )
    return {
        "empty": (empty, "is empty."),
        "binary": (binary, "is a binary file, not text."),
        "latin": (latin, "is not UTF-8 text"),
        "huge": (huge, "is 100 MB, over the 50 MB limit"),
        "no articles": (nodir, "has no .txt, .md, .html or .jsonl articles in it."),
        "malformed jsonl": (bad_jsonl, "has 2 malformed line(s) (2, 3;"),
        "missing": (tmp / "nope.txt", "does not exist."),
    }


@pytest.mark.parametrize("case", ["empty", "binary", "latin", "huge", "no articles",
                                  "malformed jsonl", "missing"])
@pytest.mark.parametrize("command", ["extract", "ingest"])
def test_bad_input_is_one_sentence_and_leaves_the_store(
        runner: CliRunner, store: Path, tmp_path: Path, case: str, command: str) -> None:
    path, message = _bad_inputs(tmp_path)[case]
    before = _digest(store)
    args = [command, str(path)] + (["--store", str(store)] if command == "ingest" else [])
    result = runner.invoke(cli, args)
    assert result.exit_code == 1
    assert message in result.output
    assert "Traceback" not in result.output and len(result.output.strip().splitlines()) == 1
    assert _digest(store) == before


def test_skip_bad_reports_lines_and_keeps_good_ones(runner: CliRunner, tmp_path: Path) -> None:
    path, _ = _bad_inputs(tmp_path)["malformed jsonl"]
    store = tmp_path / "s.sqlite"
    result = runner.invoke(cli, ["ingest", str(path), "--skip-bad", "--store", str(store)])
    assert result.exit_code == 0
    assert "skipped" in result.stderr and "line 2" in result.stderr and "line 3" in result.stderr
    assert "1 new" in result.stdout


def test_unwritable_store(runner: CliRunner, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    result = runner.invoke(cli, ["ingest", str(SAMPLES / "01_nvidia_intel_wire.txt"),
                                 "--store", str(blocker / "graph.sqlite")])
    assert result.exit_code == 1
    assert "Cannot create the store at" in result.output
    assert "Traceback" not in result.output


def test_not_a_store(runner: CliRunner, tmp_path: Path) -> None:
    other = tmp_path / "other.sqlite"
    other.write_bytes(b"this is not sqlite at all" * 100)
    result = runner.invoke(cli, ["stats", "--store", str(other)])
    assert result.exit_code == 1 and "is not a capexgraph store" in result.output


def test_reading_a_missing_store(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["stats", "--store", str(tmp_path / "none.sqlite")])
    assert result.exit_code == 1 and "ingest articles first" in result.output
    assert not (tmp_path / "none.sqlite").exists()


@pytest.mark.parametrize("fmt", ["table", "tree", "json", "csv"])
def test_exposure_chain_from_an_etf_to_a_constituents_investee(
        runner: CliRunner, store: Path, fmt: str) -> None:
    result = runner.invoke(cli, ["exposure", "513180", "--to", "computing power",
                                 "--store", str(store), "--format", fmt])
    assert result.exit_code == 0, result.output
    if fmt == "json":
        [chain] = json.loads(result.output)
        assert [h["relation"] for h in chain["hops"]] == ["TRACKS", "CONSTITUENT_OF",
                                                          "INVESTS_IN"]
        assert all(h["evidence"] for h in chain["hops"])
    else:
        for name in ("Hang Seng TECH Index", "Tencent Holdings", "computing power"):
            assert name in result.output


def test_exposure_aggregates_by_target(runner: CliRunner, store: Path) -> None:
    rows = json.loads(runner.invoke(cli, ["exposure", "513180", "--store", str(store),
                                          "--format", "json"]).output)
    by_name = {r["entity"]: r for r in rows}
    assert by_name["Hang Seng TECH Index"]["weight"] == 1.0
    assert by_name["Xiaomi Corporation"]["weight"] == pytest.approx(0.089)
    assert by_name["Tencent Holdings"]["weight"] is None  # no known weight: unknown, not 0


def test_cycles_find_the_sample_loop(runner: CliRunner, store: Path) -> None:
    result = runner.invoke(cli, ["cycles", "--max-len", "3", "--store", str(store),
                                 "--format", "json"])
    cycles = [{h["from"] for h in c["hops"]} for c in json.loads(result.output)]
    assert {"nvidia", "openai", "oracle"} in cycles


def test_path_and_misses(runner: CliRunner, store: Path) -> None:
    result = runner.invoke(cli, ["path", "Xiaomi", "Tencent", "--store", str(store),
                                 "--format", "csv"])
    assert result.exit_code == 0 and "Hang Seng" in result.output
    miss = runner.invoke(cli, ["exposure", "513180", "--to", "OpenAI", "--max-hops", "2",
                               "--store", str(store)])
    assert miss.exit_code == 1 and "no exposure chain" in miss.output


def test_workers_give_the_same_extractions(runner: CliRunner) -> None:
    one = runner.invoke(cli, ["extract", str(SAMPLES), "--workers", "1"])
    two = runner.invoke(cli, ["extract", str(SAMPLES), "--workers", "2"])
    assert one.exit_code == 0 and two.exit_code == 0, two.output
    assert one.stdout.count("\n") == 13 and two.stdout == one.stdout
