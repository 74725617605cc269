"""Extraction throughput against plain `nlp.pipe` with the same spaCy model.

Prints words/s and articles/s for both over the shipped samples (repeated to a steady
workload) and the ratio. Run: `make bench` or `python bench/extract_throughput.py [REPEAT]`.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import spacy

from capexgraph.extract.extractor import Extractor
from capexgraph.extract.nlp import model_name
from capexgraph.reader import read_articles

SAMPLES = Path(__file__).resolve().parents[1] / "capexgraph" / "data" / "samples"


def main(repeat: int = 20) -> None:
    base = read_articles([str(SAMPLES)]).articles
    articles = [a.model_copy(update={"id": f"{a.id}-{i}"}) for i in range(repeat) for a in base]
    words = sum(len(a.text.split()) for a in articles)

    nlp = spacy.load(model_name())
    start = time.perf_counter()
    for _ in nlp.pipe((a.text for a in articles), batch_size=64):
        pass
    plain = time.perf_counter() - start

    extractor = Extractor()
    start = time.perf_counter()
    relations = sum(len(r.relations) for r in extractor.extract_many(articles))
    ours = time.perf_counter() - start

    print(f"articles={len(articles)} words={words} model={model_name()}")
    print(f"plain nlp.pipe : {words / plain:10,.0f} words/s {len(articles) / plain:8.1f} art/s")
    print(f"capexgraph     : {words / ours:10,.0f} words/s {len(articles) / ours:8.1f} art/s "
          f"({relations} relations)")
    print(f"ratio capexgraph/plain = {plain / ours:.2f}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20)
