"""The embedded store: merging, idempotence, replacement, and surviving a killed ingest."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path

from capexgraph.graph.embedded import EmbeddedStore
from tests.factories import extraction


def test_one_edge_many_evidence(tmp_path: Path) -> None:
    store = EmbeddedStore.open(tmp_path / "g.sqlite")
    store.ingest([extraction("a1", [("Nvidia", "OpenAI")], published=date(2025, 1, 5)),
                  extraction("a2", [("Nvidia", "OpenAI")], published=date(2025, 3, 9))])
    [rel] = store.card("nvidia").outgoing
    assert {e.article_id for e in rel.evidence} == {"a1", "a2"}
    assert (rel.first_seen, rel.last_seen) == (date(2025, 1, 5), date(2025, 3, 9))
    assert store.stats().relations_by_type == {"INVESTS_IN": 1}


def test_reingest_changes_nothing_and_edits_replace(tmp_path: Path) -> None:
    store = EmbeddedStore.open(tmp_path / "g.sqlite")
    first = store.ingest([extraction("a1", [("Nvidia", "OpenAI"), ("AMD", "OpenAI")])])
    again = store.ingest([extraction("a1", [("Nvidia", "OpenAI"), ("AMD", "OpenAI")])])
    assert (first.articles_new, first.facts_new) == (1, 2)
    assert (again.articles_unchanged, again.facts_new, again.entities_new) == (1, 0, 0)
    edited = store.ingest([extraction("a1", [("Nvidia", "OpenAI")], text="edited text")])
    assert edited.articles_updated == 1
    assert store.stats().evidence == 1
    assert store.card("amd").outgoing == ()


def test_entities_merge_across_articles_by_name(tmp_path: Path) -> None:
    store = EmbeddedStore.open(tmp_path / "g.sqlite")
    store.ingest([extraction("a1", [("Nvidia", "Zentra")])])
    store.ingest([extraction("a2", [("Intel", "Zentra")])])
    card = store.card(store.resolve("zentra").id)
    assert {r.source.name for r in card.incoming} == {"Nvidia", "Intel"}


_WRITER = textwrap.dedent("""
    import sys, time
    from capexgraph.graph.embedded import EmbeddedStore
    from tests.factories import extraction

    def articles():
        for i in range(300):
            yield extraction(f"k{i}", [(f"Investor{i}", f"Startup{i}"), ("Nvidia", "OpenAI")])
        print("writing", flush=True)
        time.sleep(120)  # killed here, inside the transaction, with 300 articles written

    EmbeddedStore.open(sys.argv[1]).ingest(articles())
""")


def test_a_killed_ingest_leaves_the_previous_state(tmp_path: Path) -> None:
    path = tmp_path / "g.sqlite"
    store = EmbeddedStore.open(path)
    store.ingest([extraction("base", [("Microsoft", "OpenAI")])])
    before = store.stats()
    store.close()

    root = Path(__file__).resolve().parents[1]
    env = {**os.environ, "PYTHONPATH": str(root)}
    proc = subprocess.Popen([sys.executable, "-c", _WRITER, str(path)], stdout=subprocess.PIPE,
                            text=True, env=env, cwd=root)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "writing"
    assert Path(str(path) + "-journal").exists()  # the write is under way
    proc.send_signal(signal.SIGKILL)
    proc.wait()

    reopened = EmbeddedStore.open(path)
    assert reopened.conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert reopened.stats() == before
    assert reopened.ingest([extraction("after", [("AMD", "OpenAI")])]).articles_new == 1
    assert sqlite3.connect(path).execute("SELECT count(*) FROM articles").fetchone() == (2,)
