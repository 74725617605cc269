"""Read articles from files, directories, JSONL and stdin, refusing bad input in one sentence.

Every file is checked whole before anything is extracted or stored, so a bad file stops a run
before it can change the graph. Text files: first line headline, an optional dateline, then
the body. HTML: the main text, found by trafilatura. JSONL: one article object per line.
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from capexgraph.dates import header_lines, parse_date
from capexgraph.errors import InputError
from capexgraph.schema import Article

TEXT_SUFFIXES = frozenset({".txt", ".md"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
JSONL_SUFFIXES = frozenset({".jsonl"})
ARTICLE_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
DEFAULT_MAX_BYTES = 50 * 1024 * 1024


class JsonlArticle(BaseModel):
    """One line of an article JSONL file."""

    model_config = ConfigDict(extra="ignore")
    id: str = Field(min_length=1)
    title: str = ""
    published: date | None = None
    source: str | None = None
    text: str = Field(min_length=1)


@dataclass
class ReadReport:
    """What was read, and the JSONL lines that were skipped (with --skip-bad)."""

    articles: list[Article] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


def read_articles(
    paths: Sequence[str], *, skip_bad: bool = False, max_bytes: int = DEFAULT_MAX_BYTES
) -> ReadReport:
    report = ReadReport()
    for name in paths:
        for path, data in _sources(name, max_bytes):
            report.articles.extend(_parse(path, data, skip_bad, report.skipped))
    counts = Counter(a.id for a in report.articles)
    twice = next((i for i, n in counts.items() if n > 1), None)
    if twice is not None:
        raise InputError(f"Article id {twice!r} is given twice in this run.")
    return report


def _sources(name: str, max_bytes: int) -> Iterator[tuple[str, bytes]]:
    if name == "-":
        yield "-", _limited(sys.stdin.buffer.read(max_bytes + 1), "standard input", max_bytes)
        return
    path = Path(name)
    if path.is_dir():
        files = sorted(p for p in path.rglob("*")
                       if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES)
        if not files:
            raise InputError(f"{name} has no .txt, .md, .html or .jsonl articles in it.")
        for file in files:
            yield str(file), _read_file(file, max_bytes)
    elif path.is_file():
        if path.suffix.lower() not in ARTICLE_SUFFIXES:
            raise InputError(f"{name} is not a .txt, .md, .html or .jsonl file.")
        yield str(path), _read_file(path, max_bytes)
    else:
        raise InputError(f"{name} does not exist.")


def _read_file(path: Path, max_bytes: int) -> bytes:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(
                f"{path} is {size / 1048576:.0f} MB, over the {max_bytes / 1048576:.0f} MB "
                "limit for one file; split it or raise --max-mb."
            )
        return path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path} cannot be read: {exc.strerror}.") from None


def _limited(data: bytes, label: str, max_bytes: int) -> bytes:
    if len(data) > max_bytes:
        raise InputError(f"{label} is over the {max_bytes / 1048576:.0f} MB limit.")
    return data


def _decode(path: str, data: bytes) -> str:
    label = "standard input" if path == "-" else path
    if not data.strip():
        raise InputError(f"{label} is empty.")
    if b"\x00" in data[:8192]:
        raise InputError(f"{label} is a binary file, not text.")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{label} is not UTF-8 text (byte {exc.start} is 0x{data[exc.start]:02x}); "
            "convert it to UTF-8 first."
        ) from None


def _stem(path: str) -> str:
    return "stdin" if path == "-" else Path(path).stem


def _parse(path: str, data: bytes, skip_bad: bool, skipped: list[str]) -> list[Article]:
    text = _decode(path, data)
    suffix = Path(path).suffix.lower()
    if suffix in JSONL_SUFFIXES or (path == "-" and text.lstrip().startswith("{")):
        return _parse_jsonl(path, text, skip_bad, skipped)
    if suffix in HTML_SUFFIXES or (path == "-" and text.lstrip()[:1] == "<"):
        return [_parse_html(path, text)]
    return [_parse_text(path, text)]


def _parse_text(path: str, text: str) -> Article:
    headline, _, published = header_lines(text)
    return Article.from_text(id=_stem(path), title=text[headline[0]:headline[1]].strip(),
                             text=text, source=path, published=published)


def _parse_html(path: str, html: str) -> Article:
    import trafilatura  # imported here: it is slow to import and only HTML needs it

    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    body = getattr(doc, "text", None) if doc is not None else None
    if not body or not body.strip():
        raise InputError(f"{path} has no article text that capexgraph can find.")
    title = (getattr(doc, "title", None) or "").strip()
    published = parse_date(getattr(doc, "date", None) or "")
    return Article.from_text(id=_stem(path), title=title, text=body, source=path,
                             published=published)


def _parse_jsonl(path: str, text: str, skip_bad: bool, skipped: list[str]) -> list[Article]:
    label = "standard input" if path == "-" else path
    articles: list[Article] = []
    bad: list[tuple[int, str]] = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = JsonlArticle.model_validate_json(line)
        except ValidationError as exc:
            err = exc.errors()[0]
            where = ".".join(str(p) for p in err["loc"])
            bad.append((number, f"{where}: {err['msg']}" if where else "not valid JSON"))
            continue
        articles.append(Article.from_text(
            id=row.id, title=row.title, text=row.text, published=row.published,
            source=row.source or f"{path}:{number}",
        ))
    if bad and not skip_bad:
        lines = ", ".join(str(n) for n, _ in bad[:10]) + (" ..." if len(bad) > 10 else "")
        raise InputError(
            f"{label} has {len(bad)} malformed line(s) ({lines}; line {bad[0][0]}: "
            f"{bad[0][1]}); fix them or pass --skip-bad to read the good lines."
        )
    skipped.extend(f"{label} line {n}: {why}" for n, why in bad)
    if not articles:
        raise InputError(f"{label} has no valid article lines.")
    return articles
