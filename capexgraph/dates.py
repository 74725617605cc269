"""Dates in article headers: "2025-09-24 05:29", "Sep 24, 2025", "24 September 2025",
"2025年9月24日". Used by the reader for `published` and by the extractor to skip the dateline."""

from __future__ import annotations

import re
from datetime import date

_MONTHS = {m: i for i, m in enumerate(
    "jan feb mar apr may jun jul aug sep oct nov dec".split(), start=1)}
_MONTH = r"(?P<mon>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_PATTERNS = (
    re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})(?!\d)"),
    re.compile(r"(?P<y>(?:19|20)\d\d)年(?P<m>\d{1,2})月(?P<d>\d{1,2})日"),
    re.compile(rf"\b{_MONTH}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d\d)\b",
               re.IGNORECASE),
    re.compile(rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH},?\s+(?P<y>(?:19|20)\d\d)\b",
               re.IGNORECASE),
)
DATELINE_MAX_CHARS = 80


def parse_date(text: str) -> date | None:
    """The first valid calendar date written in `text`, or None."""
    for pattern in _PATTERNS:
        for m in pattern.finditer(text):
            parts = m.groupdict()
            month = int(parts["m"]) if parts.get("m") else _MONTHS[parts["mon"][:3].lower()]
            try:
                return date(int(parts["y"]), month, int(parts["d"]))
            except ValueError:
                continue
    return None


def header_lines(text: str) -> tuple[tuple[int, int], tuple[int, int] | None, date | None]:
    """Spans of the headline (first non-empty line) and of a dateline among the next two
    lines, with the date it gives. Spans are (start, end) offsets into `text`."""
    lines: list[tuple[int, int]] = []
    offset = 0
    for line in text.splitlines(keepends=True):
        if line.strip():
            lines.append((offset, offset + len(line.rstrip("\r\n"))))
        offset += len(line)
        if len(lines) == 3:
            break
    if not lines:
        return (0, 0), None, None
    for start, end in lines[1:3]:
        line = text[start:end]
        found = parse_date(line) if len(line.strip()) <= DATELINE_MAX_CHARS else None
        if found is not None:
            return lines[0], (start, end), found
    return lines[0], None, None
