"""The embedded store survives a killed ingest (the contract tests cover the rest)."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

from capexgraph.graph.embedded import EmbeddedStore
from tests.factories import extraction

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


def test_a_store_from_before_the_name_index_gets_it_on_open(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    store = EmbeddedStore.open(path)
    store.ingest([extraction("a1", [("Nvidia", "OpenAI")])])
    store.close()
    with sqlite3.connect(path) as conn:  # as the first version of the store wrote it
        conn.execute("DROP TABLE entity_lookup")
    reopened = EmbeddedStore.open(path)
    assert reopened.resolve("openai").name == "OpenAI"
    assert reopened.card("nvidia").outgoing[0].target.name == "OpenAI"
    reopened.close()
