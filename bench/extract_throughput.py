"""Extraction throughput on the dev set against plain `nlp.pipe`, and `--workers` scaling.

Prints words/s and articles/s for plain `nlp.pipe` (the same spaCy model, no capexgraph
components) and for capexgraph, the ratio to plain, and the speed-up of N worker processes
over one. The dev set is read REPEAT times, in rounds that each time plain `nlp.pipe` and
then capexgraph (one worker) on the same articles: this machine's speed drifts by a third
over minutes, and taking turns makes the drift fall on both sides alike rather than on
whichever ran second. The ratio is that of the totals; the rounds' own ratios are printed
too (median and range), as a measure of the noise.

Run: `make bench` or `python -m bench.extract_throughput [REPEAT] [MAX_WORKERS]`.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

import spacy

from capexgraph.extract.extractor import Extractor
from capexgraph.extract.nlp import model_name
from capexgraph.reader import read_articles
from capexgraph.schema import Article

DEV = Path(__file__).resolve().parents[1] / "tests" / "data" / "dev" / "articles"


def _rate(words: int, articles: int, seconds: float) -> str:
    return f"{words / seconds:9,.0f} words/s {articles / seconds:7.1f} art/s"


def main(repeat: int = 10, max_workers: int = os.cpu_count() or 1) -> None:
    base = read_articles([str(DEV)]).articles
    rounds = [[a.model_copy(update={"id": f"{a.id}-{i}"}) for a in base] for i in range(repeat)]
    words = sum(len(a.text.split()) for a in base) * repeat
    articles = len(base) * repeat
    print(f"articles={articles} words={words} model={model_name()} cpus={os.cpu_count()} "
          f"rounds={repeat}")

    nlp = spacy.load(model_name())
    extractor = Extractor()
    warm: list[Article] = base[:20]
    list(extractor.extract_many(warm))  # first calls load lexicons and caches
    for _ in nlp.pipe(a.text for a in warm):
        pass
    plain_total = ours_total = 0.0
    ratios = []
    relations = 0
    for batch in rounds:
        start = time.perf_counter()
        for _ in nlp.pipe((a.text for a in batch), batch_size=64):
            pass
        plain = time.perf_counter() - start
        start = time.perf_counter()
        relations += sum(len(r.relations) for r in extractor.extract_many(batch))
        ours = time.perf_counter() - start
        plain_total, ours_total = plain_total + plain, ours_total + ours
        ratios.append(plain / ours)
    print(f"plain nlp.pipe          : {_rate(words, articles, plain_total)}")
    print(f"capexgraph --workers 1 : {_rate(words, articles, ours_total)}  "
          f"ratio to plain {plain_total / ours_total:.2f} (rounds: median "
          f"{statistics.median(ratios):.2f}, {min(ratios):.2f}-{max(ratios):.2f})  "
          f"({relations} relations)")

    everything = [a for batch in rounds for a in batch]
    for workers in range(2, max_workers + 1):
        start = time.perf_counter()
        found = sum(len(r.relations) for r in extractor.extract_many(everything,
                                                                     n_process=workers))
        took = time.perf_counter() - start
        print(f"capexgraph --workers {workers} : {_rate(words, articles, took)}  "
              f"ratio to plain {plain_total / took:.2f}  "
              f"speed-up {ours_total / took:.2f}x  ({found} relations)")


if __name__ == "__main__":
    args = [int(a) for a in sys.argv[1:3]]
    main(*args)
