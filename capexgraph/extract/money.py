"""Find money amounts in text and normalise them: "$100bn", "RMB 380 billion", "3,800亿元".

Pure functions over strings (no spaCy) so they can be property-tested. `find_amounts` returns
every amount with its character span; ranges ("between $10 billion and $15 billion",
"$10-15 billion") come back as one amount with qualifier "range".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib.resources import files

import yaml

from capexgraph.errors import InvalidModel
from capexgraph.schema import Amount
from capexgraph.schema.models import Qualifier

_PREFIX_CURRENCY = {
    "us$": "USD", "usd": "USD", "$": "USD", "hk$": "HKD", "hkd": "HKD", "rmb": "CNY",
    "cny": "CNY", "¥": "CNY", "nt$": "TWD", "s$": "SGD", "a$": "AUD", "c$": "CAD",
    "€": "EUR", "eur": "EUR", "£": "GBP", "gbp": "GBP", "jpy": "JPY", "₩": "KRW", "krw": "KRW",
    "inr": "INR", "₹": "INR",
}
_SUFFIX_CURRENCY = {
    "us dollars": "USD", "u.s. dollars": "USD", "dollars": "USD", "usd": "USD",
    "hong kong dollars": "HKD", "hk dollars": "HKD", "hkd": "HKD", "yuan": "CNY",
    "renminbi": "CNY", "rmb": "CNY", "cny": "CNY", "euros": "EUR", "euro": "EUR", "eur": "EUR",
    "pounds": "GBP", "yen": "JPY", "won": "KRW", "rupees": "INR",
}
_CJK_CURRENCY = {"元": "CNY", "人民币": "CNY", "美元": "USD", "港元": "HKD", "港币": "HKD"}
_SCALE = {
    "trillion": 1e12, "tn": 1e12, "t": 1e12, "billion": 1e9, "bn": 1e9, "b": 1e9,
    "million": 1e6, "mn": 1e6, "mln": 1e6, "m": 1e6, "thousand": 1e3, "k": 1e3,
    "万亿": 1e12, "亿": 1e8, "万": 1e4,
}
_QUALIFIER_WORDS: dict[str, Qualifier] = {
    "up to": "up_to", "as much as": "up_to", "as high as": "up_to", "a maximum of": "up_to",
    "more than": "over", "over": "over", "above": "over", "at least": "over",
    "exceeding": "over", "in excess of": "over", "upwards of": "over", "north of": "over",
    "about": "about", "around": "about", "approximately": "about", "roughly": "about",
    "nearly": "about", "almost": "about", "some": "about", "close to": "about",
    "an estimated": "about", "estimated": "about", "approx.": "about", "circa": "about",
}
# single words that make a number approximate ("roughly 4%"), for readers of percentages too
APPROXIMATORS = frozenset(w for w, q in _QUALIFIER_WORDS.items() if q == "about" and " " not in w)

_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_WORD_SCALE = r"trillion|billion|million|thousand|tn|bn|mn|mln"
_SHORT_SCALE = r"t|b|m|k"
_PREFIXES = "|".join(re.escape(p) for p in sorted(_PREFIX_CURRENCY, key=len, reverse=True))
_SUFFIXES = "|".join(re.escape(s) for s in sorted(_SUFFIX_CURRENCY, key=len, reverse=True))
_CJK = "|".join(sorted(_CJK_CURRENCY, key=len, reverse=True))

# value scale: a word scale may be spaced ("100 billion"), a one-letter one only attached ("$5b").
_SCALED = (
    rf"(?P<{{n}}>{_NUM})(?:\s?(?P<{{s}}>{_WORD_SCALE})\b|(?P<{{s}}2>{_SHORT_SCALE})\b)?"
)


def _scaled(n: str, s: str) -> str:
    return _SCALED.replace("{n}", n).replace("{s}", s)


_PREFIXED = re.compile(
    rf"(?<![\w$])(?P<cur>{_PREFIXES})\s?{_scaled('n1', 's1')}"
    rf"(?:\s?(?:-|–|to)\s?(?:(?P=cur)\s?)?{_scaled('n2', 's2')})?",
    re.IGNORECASE,
)
_SUFFIXED = re.compile(
    rf"(?<![\w$.,]){_scaled('n1', 's1')}(?:\s?(?:-|–|to)\s?{_scaled('n2', 's2')})?"
    rf"\s(?P<cur>{_SUFFIXES})\b",
    re.IGNORECASE,
)
_CHINESE = re.compile(rf"(?P<n1>{_NUM})(?P<s1>万亿|亿|万)?(?P<cur>{_CJK})")
_QUALIFIER = re.compile(
    r"\b(?P<q>"
    + "|".join(re.escape(q) for q in sorted(_QUALIFIER_WORDS, key=len, reverse=True))
    + r")\s*$",
    re.IGNORECASE,
)
_BETWEEN = re.compile(r"\b(?:between|from)\s+$", re.IGNORECASE)
_RANGE_JOIN = re.compile(r"^\s*(?:and|to|-|–)\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class FoundAmount:
    """An amount found in text: its character span and its value before USD conversion."""

    start: int
    end: int
    value: float
    currency: str
    qualifier: Qualifier
    value_high: float | None = None

    def to_amount(self, on: date | None = None) -> Amount:
        rate, rate_day = usd_rate(self.currency, on)
        return Amount(
            value=self.value, currency=self.currency, qualifier=self.qualifier,
            value_high=self.value_high, value_usd=_round(self.value * rate), usd_rate=rate,
            rate_date=rate_day,
        )


def _round(value: float) -> float:
    return float(f"{value:.6g}")


def _number(match: re.Match[str], n: str, s: str) -> float:
    value = float(match.group(n).replace(",", ""))
    scale = match.group(s) or match.groupdict().get(s + "2")
    return _round(value * _SCALE[scale.lower()]) if scale else value


def _raw_amounts(text: str) -> list[FoundAmount]:
    found: list[FoundAmount] = []
    taken: list[tuple[int, int]] = []
    for pattern, currencies in (
        (_PREFIXED, _PREFIX_CURRENCY), (_SUFFIXED, _SUFFIX_CURRENCY), (_CHINESE, _CJK_CURRENCY)
    ):
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            low = _number(m, "n1", "s1")
            high = _number(m, "n2", "s2") if m.groupdict().get("n2") else None
            if high is not None and not (m.group("s1") or m.groupdict().get("s12")):
                # "$10-15 billion": the scale written once applies to both ends.
                scale = m.group("s2") or m.groupdict().get("s22")
                if scale:
                    low = _round(low * _SCALE[scale.lower()])
            if low <= 0:
                continue
            currency = currencies[m.group("cur").lower()]  # lower() leaves CJK as it is
            if high is not None and high > low:
                found.append(FoundAmount(m.start(), m.end(), low, currency, "range", high))
            else:
                found.append(FoundAmount(m.start(), m.end(), low, currency, "exact"))
            taken.append((m.start(), m.end()))
    return sorted(found, key=lambda a: a.start)


_UNIT_PRICE = re.compile(r"\s*(?:each|apiece|per (?:share|unit)|a share)\b", re.IGNORECASE)


def is_unit_price(text: str, amount: FoundAmount) -> bool:
    """Whether an amount is a price per share or unit ("at $23.28 each", "HK$9.20 per
    share"), which sizes no deal."""
    return _UNIT_PRICE.match(text, amount.end) is not None


def find_amounts(text: str) -> list[FoundAmount]:
    """Every money amount in `text`, with qualifiers and two-sided ranges folded in."""
    raw = _raw_amounts(text)
    out: list[FoundAmount] = []
    i = 0
    while i < len(raw):
        cur = raw[i]
        nxt = raw[i + 1] if i + 1 < len(raw) else None
        join = _RANGE_JOIN.match(text[cur.end:nxt.start]) if nxt is not None else None
        before = _BETWEEN.search(text, max(0, cur.start - 12), cur.start)
        if (
            nxt is not None and join is not None
            and cur.qualifier == "exact" and nxt.qualifier == "exact"
            and nxt.currency == cur.currency and nxt.value > cur.value
            # "$5 billion and $10 billion respectively" are two amounts; "between" makes a range
            and (before is not None or join.group(0).strip().lower() != "and")
        ):
            start = before.start() if before else cur.start
            out.append(FoundAmount(start, nxt.end, cur.value, cur.currency, "range", nxt.value))
            i += 2
            continue
        q = _QUALIFIER.search(text, max(0, cur.start - 25), cur.start)
        if q and cur.qualifier == "exact":
            qualifier = _QUALIFIER_WORDS[q.group("q").lower()]
            out.append(FoundAmount(q.start("q"), cur.end, cur.value, cur.currency, qualifier))
        else:
            out.append(cur)
        i += 1
    return out


@cache
def _rate_tables() -> list[tuple[date, dict[str, float]]]:
    raw = yaml.safe_load(files("capexgraph").joinpath("data/fx_rates.yaml").read_text())
    tables: list[tuple[date, dict[str, float]]] = []
    for entry in raw:
        if not isinstance(entry.get("date"), date) or not isinstance(entry.get("rates"), dict):
            raise InvalidModel("each fx_rates.yaml entry needs a date and a rates map")
        tables.append((entry["date"], {k: float(v) for k, v in entry["rates"].items()}))
    if not tables:
        raise InvalidModel("fx_rates.yaml has no rate tables")
    return sorted(tables, key=lambda t: t[0])


def usd_rate(currency: str, on: date | None = None) -> tuple[float, date]:
    """USD per unit of `currency` from the latest shipped table dated on or before `on`."""
    tables = _rate_tables()
    chosen = tables[-1] if on is None else next(
        (t for t in reversed(tables) if t[0] <= on), tables[0]
    )
    if currency not in chosen[1]:
        raise InvalidModel(f"fx_rates.yaml has no {currency} rate for {chosen[0]}")
    return chosen[1][currency], chosen[0]
