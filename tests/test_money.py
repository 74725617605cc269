from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from capexgraph.extract.money import find_amounts, usd_rate

SCALES = {"billion": 1e9, "bn": 1e9, "million": 1e6, "m": 1e6, "trillion": 1e12}
PREFIXES = {"$": "USD", "US$": "USD", "HK$": "HKD", "RMB ": "CNY", "€": "EUR", "£": "GBP"}
SUFFIXES = {"yuan": "CNY", "dollars": "USD", "euros": "EUR", "Hong Kong dollars": "HKD"}
numbers = st.decimals(min_value=1, max_value=999, places=1).map(lambda d: f"{d:f}")


@given(numbers, st.sampled_from(list(PREFIXES)), st.sampled_from(list(SCALES)))
def test_prefixed_amounts_parse_back(number: str, prefix: str, scale: str) -> None:
    spacer = " " if len(scale) > 2 else ""
    text = f"It will invest {prefix}{number}{spacer}{scale} in chips."
    [found] = find_amounts(text)
    assert found.currency == PREFIXES[prefix]
    assert found.value == pytest.approx(float(number) * SCALES[scale])
    assert text[found.start:found.end] == f"{prefix}{number}{spacer}{scale}"


@given(numbers, st.sampled_from(list(SUFFIXES)), st.sampled_from(["billion", "bn", "million"]))
def test_suffixed_amounts_parse_back(number: str, suffix: str, scale: str) -> None:
    spacer = " " if len(scale) > 2 else ""
    [found] = find_amounts(f"a plan worth {number}{spacer}{scale} {suffix} over time")
    assert found.currency == SUFFIXES[suffix]
    assert found.value == pytest.approx(float(number) * SCALES[scale])


@given(st.integers(1, 9999), st.sampled_from([("亿", 1e8), ("万亿", 1e12), ("万", 1e4)]))
def test_chinese_amounts(number: int, scale: tuple[str, float]) -> None:
    [found] = find_amounts(f"投资{number:,}{scale[0]}元")
    assert (found.value, found.currency) == (pytest.approx(number * scale[1]), "CNY")


@given(st.integers(1, 400), st.integers(1, 400))
def test_ranges_keep_both_ends(low: int, extra: int) -> None:
    high = low + extra
    [found] = find_amounts(f"between ${low} billion and ${high} billion this year")
    assert (found.qualifier, found.value, found.value_high) == ("range", low * 1e9, high * 1e9)


@pytest.mark.parametrize(("text", "qualifier"), [
    ("up to $100 billion", "up_to"), ("more than $2 trillion", "over"),
    ("nearly 380 billion yuan", "about"), ("about €5bn", "about"), ("$10-15 billion", "range"),
    ("$7bn", "exact"),
])
def test_qualifiers(text: str, qualifier: str) -> None:
    [found] = find_amounts(text)
    assert found.qualifier == qualifier
    assert found.start == 0 and found.end == len(text)


@given(st.text(max_size=200))
def test_any_text_is_safe(text: str) -> None:
    for found in find_amounts(text):
        assert 0 <= found.start < found.end <= len(text)
        assert found.value > 0


def test_numbers_without_currency_are_not_money() -> None:
    assert find_amounts("In 2025 it shipped 30 billion units, up 5%.") == []


def test_usd_conversion_uses_the_latest_table_before_the_date() -> None:
    rate_early, day_early = usd_rate("CNY", date(2025, 1, 15))
    rate_late, day_late = usd_rate("CNY", date(2025, 9, 24))
    assert day_early < day_late <= date(2025, 9, 24)
    amount = find_amounts("380 billion yuan")[0].to_amount(date(2025, 9, 24))
    assert amount.value_usd == pytest.approx(380e9 * rate_late, rel=1e-5)
    assert amount.rate_date == day_late and rate_early != rate_late


def test_two_amounts_joined_by_and_are_two_amounts_unless_between() -> None:
    two = find_amounts("would invest $5 billion and $10 billion respectively")
    assert [(a.value, a.qualifier) for a in two] == [(5e9, "exact"), (1e10, "exact")]
    one = find_amounts("between $5 billion and $10 billion")
    assert [(a.value, a.qualifier, a.value_high) for a in one] == [(5e9, "range", 1e10)]
