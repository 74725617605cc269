"""Print rows the same way on every command: a table, JSON, newline-delimited JSON or CSV."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Callable, Iterable, Sequence
from typing import Any, TypeVar

import click
from rich.console import Console
from rich.table import Table

FORMATS = ("table", "json", "jsonl", "csv")
F = TypeVar("F", bound=Callable[..., Any])


def format_option(choices: Sequence[str] = FORMATS, default: str = "table") -> Callable[[F], F]:
    return click.option(
        "--format", "fmt", type=click.Choice(list(choices)), default=default,
        show_default=True, help="Output format.",
    )


def stdout_console() -> Console:
    """Terminal width on a terminal; wide enough for whole names when piped to a file."""
    console = Console(soft_wrap=False)
    return console if console.is_terminal else Console(soft_wrap=False, width=200)


def print_rows(rows: Iterable[dict[str, Any]], fmt: str, title: str | None = None) -> None:
    """Stream rows to stdout in `fmt`; tables and JSON arrays are built at the end."""
    if fmt == "jsonl":
        for row in rows:
            sys.stdout.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
        return
    if fmt == "csv":
        writer: csv.DictWriter[str] | None = None
        for row in rows:
            if writer is None:
                writer = csv.DictWriter(sys.stdout, fieldnames=list(row), lineterminator="\n")
                writer.writeheader()
            writer.writerow({k: _raw(v) for k, v in row.items()})
        return
    materialised = list(rows)
    if fmt == "json":
        sys.stdout.write(json.dumps(materialised, ensure_ascii=False, indent=2, default=str))
        sys.stdout.write("\n")
        return
    table = Table(title=title, show_lines=False)
    for key in materialised[0] if materialised else ["(no rows)"]:
        table.add_column(key)
    for row in materialised:
        table.add_row(*(_cell(v) for v in row.values()))
    stdout_console().print(table)


def _raw(value: Any) -> str:
    """A CSV cell: the value as is, for a program to read; lists joined by "; "."""
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return "; ".join(str(v) for v in value)
    return str(value)


def _cell(value: Any) -> str:
    """A table cell: numbers with thousands separators, for a person to read."""
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return "; ".join(str(v) for v in value)
    if isinstance(value, float):
        return f"{value:,.0f}" if value.is_integer() and abs(value) >= 1e4 else f"{value:,.6g}"
    return str(value)


def money(value: float | None, currency: str) -> str:
    """A compact amount: 380,000,000,000 CNY -> "380bn CNY"."""
    if value is None:
        return ""
    for size, suffix in ((1e12, "tn"), (1e9, "bn"), (1e6, "m")):
        if value >= size:
            return f"{value / size:,.4g}{suffix} {currency}"
    return f"{value:,.0f} {currency}"
