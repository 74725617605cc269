"""Split an article into parseable blocks without moving a single character.

Digests put several facts on one line behind dash bullets ("Market Performance - The ETF
rose ...") and sprinkle citation marks ("[3][5]"); both confuse the parser. Blocks keep their
offset into the article, and cleaning only blanks characters (moving a sentence's last mark
up over a blanked citation), so every name found in a block maps back to the article text
exactly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_CITATION = re.compile(r"\[\d+(?:\s*[,-]\s*\d+)*\]")
_DASH_BULLET = re.compile(r"\s[-–—]\s")
_LEADING_BULLET = re.compile(r"^\s*[-–—•*]\s+")
_BARE_FIGURE = re.compile(r"\s*[\d.,]+\s*(?:%|percent)?\s*$")  # a table row's "— 11.4%"
_SENTENCE_END = re.compile(r"[.!?。](?:\s+|$)")
_CJK = re.compile(r"[\u3000-\u9fff\uff00-\uffef]")
_HEADING_WORDS = 5


@dataclass(frozen=True)
class Block:
    """A run of prose from the article at `start`. Runs of spaces between words (a blanked
    citation leaves several) are one space in `text`: the tagger reads a word after a whitespace
    token differently ("Heavyweights" became a proper noun). `gaps` maps back: from each
    (position in `text`, on) the article has that many more characters before it."""

    start: int
    text: str
    gaps: tuple[tuple[int, int], ...] = ()

    def offset(self, i: int) -> int:
        """The article offset of position `i` of `text`."""
        shift = 0
        for position, removed in self.gaps:
            if position > i:
                break
            shift = removed
        return self.start + i + shift


_SPACE_RUN = re.compile(r" {2,}(?=\S)")  # inside the block: trailing spaces stay


def _collapsed(block: Block) -> Block:
    """`block` with each run of spaces between words one space long."""
    gaps: list[tuple[int, int]] = []
    parts: list[str] = []
    removed = last = 0
    for run in _SPACE_RUN.finditer(block.text):
        parts.append(block.text[last:run.start() + 1])
        removed += len(run.group(0)) - 1
        last = run.end()
        gaps.append((run.start() - removed + len(run.group(0)), removed))
    if not gaps:
        return block
    parts.append(block.text[last:])
    return Block(block.start, "".join(parts), tuple(gaps))


def headline_text(text: str, span: tuple[int, int]) -> str | None:
    """The headline at `span`, unless it is not English prose."""
    headline = text[span[0]:span[1]]
    return None if not headline.strip() or _mostly_cjk(headline) else headline


def _blank(match: re.Match[str]) -> str:
    return " " * len(match.group(0))


def _is_heading(text: str) -> bool:
    words = text.split()
    return len(words) <= _HEADING_WORDS and all(w[:1].isupper() or not w[:1].isalpha()
                                                 for w in words)


def _mostly_cjk(text: str) -> bool:
    letters = [c for c in text if not c.isspace()]
    return bool(letters) and len(_CJK.findall(text)) > 0.3 * len(letters)


def _split_line(line: str, offset: int) -> list[Block]:
    """Cut a line at dash bullets that follow a sentence end or a short heading."""
    blocks: list[Block] = []
    bullet = _LEADING_BULLET.match(line)
    start = bullet.end() if bullet else 0
    for dash in _DASH_BULLET.finditer(line):
        before = line[start:dash.start()]
        ends = list(_SENTENCE_END.finditer(before))
        tail_start = ends[-1].end() if ends else 0
        tail = before[tail_start:]
        if not _is_heading(tail) or _BARE_FIGURE.match(line, dash.end()):
            continue  # a row's name and its figure ("Meituan — 6.8%") are one line
        if tail_start:
            blocks.append(Block(offset + start, line[start:start + tail_start]))
        start = dash.end()
    blocks.append(Block(offset + start, line[start:]))
    return blocks


# a citation blanked before a sentence's last mark leaves spaces that the statistical NER
# reads as part of the sentence ("led by CATL    ." loses CATL): the mark moves up to the word
_BLANKED_BEFORE_MARK = re.compile(r"(?<=\S)( {2,})([.!?。;,])")


def _without_citations(text: str) -> str:
    """`text` with citation marks blanked and any sentence mark right after one moved up to
    the word before it ("CATL [4]." -> "CATL.    "); the length never changes."""
    cleaned = _CITATION.sub(_blank, text)
    blanked = {i for m in _CITATION.finditer(text) for i in range(m.start(), m.end())}
    return _BLANKED_BEFORE_MARK.sub(
        lambda m: m.group(2) + m.group(1) if m.start(1) + 1 in blanked or m.end(1) - 1
        in blanked else m.group(0), cleaned)


# a filing's signature, one line each: "By order of the Board / Horizon Robotics / Yu Kai /
# Chairman"
_SIGNATURE = re.compile(r"(?im)^([ \t]*(?:by order of|for and on behalf of|on behalf of) the "
                        r"board[^\n]{0,40})(\n\n?)([^\n]{2,80})(\n\n?)([^\n]{2,60})(\n\n?)"
                        r"([^\n]{2,60})$")


# ... and with no company line, when the last line is a title: "By order of the Board /
# Chen Haoran / Chairman"
_SHORT_SIGNATURE = re.compile(
    r"(?im)^([ \t]*(?:by order of|for and on behalf of|on behalf of) the board[^\n]{0,40})"
    r"(\n\n?)([^\n]{2,60})(\n\n?)([^\n]{0,40}\b(?:chairman|chairwoman|chair|director|"
    r"secretary|officer|president|ceo)\b[^\n]{0,40})$")


def _signature_as_prose(text: str) -> str:
    """A filing's signature lines punctuated as the sentence they mean ("By order of the
    Board, Horizon Robotics. Yu Kai, Chairman"), each line break one mark (the length never
    changes), so that the title finds its holder."""
    def punctuate(match: re.Match[str]) -> str:
        board, company, name, title = match.group(1, 3, 5, 7)
        after_board, after_company, after_name = (
            mark + " " * (len(match.group(i)) - 1) for i, mark in ((2, ","), (4, "."), (6, ",")))
        return f"{board}{after_board}{company}{after_company}{name}{after_name}{title}"

    def punctuate_short(match: re.Match[str]) -> str:
        board, name, title = match.group(1, 3, 5)
        gaps = (" " * (len(match.group(i)) - 1) for i in (2, 4))
        return f"{board},{next(gaps)}{name},{next(gaps)}{title}"
    signed = _SIGNATURE.sub(punctuate, text)
    return signed if signed != text else _SHORT_SIGNATURE.sub(punctuate_short, text)


# a row of a table drawn with pipes: "| 300750 | CATL | 3.9% |", "|---|---|"
_PIPE_ROW = re.compile(r"(?m)^[ \t]*\|.*\|[ \t]*$")


def _pipes_blanked(text: str) -> str:
    """`text` with the pipes of pipe-drawn table rows blanked (and their rules of dashes),
    so that a row reads as the words of its cells ("300750 CATL 3.9%"); the length never
    changes."""
    def blank(match: re.Match[str]) -> str:
        row = match.group(0)
        return " " * len(row) if set(row) <= set("|:- \t") else row.replace("|", " ")
    return _PIPE_ROW.sub(blank, text)


def segment(text: str, skip: tuple[tuple[int, int], ...] = ()) -> list[Block]:
    """Blocks of English prose in `text`, citations gone, skipping the given spans."""
    cleaned = _signature_as_prose(_without_citations(_pipes_blanked(text)))
    blocks: list[Block] = []
    offset = 0
    for line in cleaned.splitlines(keepends=True):
        line_start = offset
        offset += len(line)
        if any(s <= line_start < e for s, e in skip):
            continue
        for block in _split_line(line.rstrip("\r\n"), line_start):
            if block.text.strip() and not _mostly_cjk(block.text):
                blocks.append(_collapsed(block))
    return blocks
