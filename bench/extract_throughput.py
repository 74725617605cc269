"""Extraction throughput on the dev set against plain `nlp.pipe`, and `--workers` scaling.

Prints words/s and articles/s for plain `nlp.pipe` (the same spaCy model, no capexgraph
components) and for capexgraph with 1..N worker processes, the ratio to plain, and the
speed-up over one worker. The dev set is repeated to a steady workload.

Run: `make bench` or `python -m bench.extract_throughput [REPEAT] [MAX_WORKERS]`.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import spacy

from capexgraph.extract.extractor import Extractor
from capexgraph.extract.nlp import model_name
from capexgraph.reader import read_articles

DEV = Path(__file__).resolve().parents[1] / "tests" / "data" / "dev" / "articles"


def main(repeat: int = 10, max_workers: int = os.cpu_count() or 1) -> None:
    base = read_articles([str(DEV)]).articles
    articles = [a.model_copy(update={"id": f"{a.id}-{i}"}) for i in range(repeat) for a in base]
    words = sum(len(a.text.split()) for a in articles)
    print(f"articles={len(articles)} words={words} model={model_name()} cpus={os.cpu_count()}")

    nlp = spacy.load(model_name())
    start = time.perf_counter()
    for _ in nlp.pipe((a.text for a in articles), batch_size=64):
        pass
    plain = time.perf_counter() - start
    print(f"plain nlp.pipe          : {words / plain:9,.0f} words/s "
          f"{len(articles) / plain:7.1f} art/s")

    extractor = Extractor()
    one_worker = 0.0
    for workers in range(1, max_workers + 1):
        start = time.perf_counter()
        relations = sum(len(r.relations)
                        for r in extractor.extract_many(articles, n_process=workers))
        took = time.perf_counter() - start
        one_worker = one_worker or took
        print(f"capexgraph --workers {workers} : {words / took:9,.0f} words/s "
              f"{len(articles) / took:7.1f} art/s  ratio to plain {plain / took:.2f}  "
              f"speed-up {one_worker / took:.2f}x  ({relations} relations)")


if __name__ == "__main__":
    args = [int(a) for a in sys.argv[1:3]]
    main(*args)
