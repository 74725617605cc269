"""Splitting articles into blocks: citations go, every word maps back to its place."""

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
def test_citations_go_and_words_map_back_to_their_offsets(
        parts: list[tuple[str, str, str]]) -> None:
    text = " ".join(f"{words_} {cite}{mark}" for words_, cite, mark in parts)
    blocks = segment(text)
    cleaned = "".join(b.text for b in blocks)
    assert "[" not in cleaned and "]" not in cleaned
    for block in blocks:  # every word of a block maps to where the article has it
        assert "  " not in block.text.rstrip()  # no run of spaces between words
        for offset, char in enumerate(block.text):
            if char.isalpha():
                assert text[block.offset(offset)] == char


def test_a_sentence_mark_after_a_citation_moves_up_to_the_word() -> None:
    [block] = segment("Galbot raised 1.1 billion yuan led by CATL [4].")
    assert block.text == "Galbot raised 1.1 billion yuan led by CATL.    "


def test_a_citation_inside_a_line_leaves_one_space() -> None:
    text = "Naura rose 5% [2]. Heavyweights AMEC and Piotech gained [3][4] over 4%."
    [block] = segment(text)
    assert block.text == "Naura rose 5%. Heavyweights AMEC and Piotech gained over 4%."
    assert text[block.offset(block.text.index("Heavyweights")):].startswith("Heavyweights")
    assert text[block.offset(block.text.index("over")):] == "over 4%."


def test_a_filings_signature_lines_read_as_one_sentence() -> None:
    text = ("The board announces a placing.\n\nBy order of the Board\nKestrel Compute\nLi Wei\n"
            "Chairman\n")
    blocks = segment(text)
    assert blocks[-1].text == "By order of the Board,Kestrel Compute.Li Wei,Chairman"
    assert len(blocks[-1].text) == len(text.rstrip("\n")) - text.index("By order")


def test_a_dash_before_a_heading_cuts_but_not_before_a_rows_figure() -> None:
    assert [b.text for b in segment("Market Performance - Naura rose 5%.")] == [
        "Naura rose 5%."]
    assert [b.text for b in segment("Tencent Holdings Ltd — 11.4%")] == [
        "Tencent Holdings Ltd — 11.4%"]


def test_a_pipe_drawn_table_row_reads_as_its_cells() -> None:
    text = "| Code | Name | Weight |\n|---|---|---|\n| 600519 | Kweichow Moutai | 4.6% |\n"
    assert [b.text.strip() for b in segment(text)] == [
        "Code Name Weight", "600519 Kweichow Moutai 4.6%"]
