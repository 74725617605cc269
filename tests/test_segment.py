"""Splitting articles into blocks: citations go, every other character keeps its place."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from capexgraph.extract.segment import segment

words = st.text(alphabet="abcdefghijklmnopqrstuvwxyzABC", min_size=1, max_size=8)
citations = st.lists(st.integers(1, 12), min_size=1, max_size=3).map(
    lambda ns: "".join(f"[{n}]" for n in ns))
sentences = st.tuples(st.lists(words, min_size=1, max_size=6).map(" ".join), citations,
                      st.sampled_from([".", ",", ""]))


@given(st.lists(sentences, min_size=1, max_size=4))
def test_citations_are_blanked_and_words_keep_their_offsets(
        parts: list[tuple[str, str, str]]) -> None:
    text = " ".join(f"{words_} {cite}{mark}" for words_, cite, mark in parts)
    blocks = segment(text)
    cleaned = "".join(b.text for b in blocks)
    assert "[" not in cleaned and "]" not in cleaned
    for block in blocks:  # every word of a block sits where the article has it
        for offset, char in enumerate(block.text):
            if char.isalpha():
                assert text[block.start + offset] == char


def test_a_sentence_mark_after_a_citation_moves_up_to_the_word() -> None:
    [block] = segment("Galbot raised 1.1 billion yuan led by CATL [4].")
    assert block.text == "Galbot raised 1.1 billion yuan led by CATL.    "
