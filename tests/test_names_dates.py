from __future__ import annotations

import re
from datetime import date

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from capexgraph.dates import header_lines, parse_date
from capexgraph.errors import InvalidModel
from capexgraph.extract.gazetteer import Gazetteer, default_gazetteer, parse_entries
from capexgraph.extract.names import infer_type, is_legal_name, name_key, slugify

SUFFIXES = ["Inc.", "Corp", "Holdings", "Group", "Ltd", "Limited", "Co., Ltd.", "ADR", "PBC"]
HONORIFICS = ["Sheikh", "Mr.", "Dr", "Sir", "Prince", "Crown Prince"]
# words that are neither a corporate form nor an honorific: a name made only of those can't
# keep both properties ("Sir Llc" would be "Sir" with a suffix and "Llc" with an honorific)
_FORMS = {"inc", "corp", "corporation", "company", "co", "limited", "ltd", "plc", "holdings",
          "holding", "group", "llc", "lp", "pbc", "ag", "se", "sa", "nv", "technologies",
          "technology", "adr", "adrs", "ads", "sheikh", "mr", "mrs", "ms", "dr", "sir", "prince"}
words = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=3, max_size=9).map(
    str.title).filter(lambda w: w.lower() not in _FORMS)
names = st.lists(words, min_size=1, max_size=3).map(" ".join)


@given(names, st.sampled_from(SUFFIXES))
@example("The", "Inc.")  # a name that is only an article keeps it either way
def test_corporate_suffixes_do_not_change_the_key(name: str, suffix: str) -> None:
    assert name_key(f"{name} {suffix}") == name_key(name)


@given(names, st.sampled_from(["-W", "-SW", "'s", "’s"]))
def test_share_class_and_possessive_do_not_change_the_key(name: str, tail: str) -> None:
    assert name_key(name + tail) == name_key(name)


@given(names, st.sampled_from(HONORIFICS))
@example("Sir Abc", "Sheikh")  # honorifics in a row
def test_an_honorific_does_not_change_a_persons_key(name: str, honorific: str) -> None:
    assert name_key(f"{honorific} {name}") == name_key(name)


LEGAL_FORMS = ["Inc.", ", Inc.", "Corp.", "Corporation", "Limited", "Ltd.", "plc", "AG",
               "Co., Ltd."]


@given(names, st.sampled_from(LEGAL_FORMS))
def test_a_name_with_its_corporate_form_is_a_legal_name(name: str, form: str) -> None:
    line = f"{name}{form}" if form.startswith(",") else f"{name} {form}"
    assert is_legal_name(line)
    assert not is_legal_name(name)  # no corporate form: no signature
    assert not is_legal_name(f"we thank {line}")  # a sentence, not a name


@given(st.text(min_size=1, max_size=40).filter(lambda s: s.strip()))
def test_slugs_are_slugs(text: str) -> None:
    assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", slugify(text))


def test_distinct_things_stay_distinct() -> None:
    gazetteer = default_gazetteer()
    assert gazetteer.lookup("Alibaba-W").id == gazetteer.lookup("Alibaba Group Holding").id
    assert gazetteer.lookup("Alibaba Cloud").id != gazetteer.lookup("Alibaba").id
    assert gazetteer.lookup("Open Text") is None
    assert gazetteer.lookup("9988.HK").id == "alibaba"
    # names that differ only by a corporate form are told apart as written
    assert gazetteer.lookup("SoftBank Corp").id != gazetteer.lookup("SoftBank").id
    assert gazetteer.lookup("SoftBank Group Corp").id == gazetteer.lookup("SoftBank").id


def test_a_name_written_twice_in_the_gazetteer_is_refused() -> None:
    line = '{{"id": "{}", "name": "{}", "type": "Company"}}'
    with pytest.raises(InvalidModel):
        Gazetteer.from_entries(parse_entries([line.format("a", "Kestrel Compute"),
                                              line.format("b", "Kestrel Compute")]))
    both = Gazetteer.from_entries(parse_entries([line.format("a", "Kestrel"),
                                                 line.format("b", "Kestrel Corp")]))
    assert both.lookup("Kestrel Corp").id == "b" and both.lookup("Kestrel Inc.").id == "a"


def test_a_product_has_one_maker_and_names_no_one() -> None:
    line = '{{"id": "{}", "name": "{}", "type": "Company", "products": ["Kite"]}}'
    with pytest.raises(InvalidModel):
        Gazetteer.from_entries(parse_entries([line.format("a", "Kestrel Compute"),
                                              line.format("b", "Osprey Compute")]))
    one = Gazetteer.from_entries(parse_entries([line.format("a", "Kestrel Compute")]))
    assert one.by_product == {"kite": "a"} and one.lookup("Kite") is None


def test_official_index_names_and_their_short_names() -> None:
    # mainland indices are often written out in full in translated digests
    gazetteer = default_gazetteer()
    assert gazetteer.lookup("SSE Science and Technology Innovation Board 50 Index").id == \
        gazetteer.lookup("STAR 50").id
    assert gazetteer.lookup("Hang Seng Technology Index").id == gazetteer.lookup("HSTECH").id
    assert gazetteer.lookup("CSI Cloud Computing and Big Data Theme Index").id == \
        gazetteer.lookup("930851").id
    assert gazetteer.lookup("New H3C").id != gazetteer.lookup("Unisplendour").id
    # funds by their codes, and an index whose name another one's starts
    assert gazetteer.lookup("159995").id == gazetteer.lookup("Huaxia CNI Semiconductor Chip ETF").id
    assert gazetteer.lookup("MCHI").type == "Fund"
    assert gazetteer.lookup("MSCI Taiwan 25/50 Index") is not None
    # suppliers and start-ups of the build-out by name, code and Chinese name
    assert gazetteer.lookup("沪电股份").id == gazetteer.lookup("Wus Printed Circuit").id
    assert gazetteer.lookup("0763.HK").id == gazetteer.lookup("ZTE").id


def test_pinyin_names_of_chinese_companies() -> None:
    # machine translation of a Chinese digest often spells a name in pinyin
    gazetteer = default_gazetteer()
    assert gazetteer.lookup("Haiguang Information").id == gazetteer.lookup("Hygon").id
    assert gazetteer.lookup("Zhongke Shuguang").id == gazetteer.lookup("Sugon").id


def test_power_grid_names_are_known() -> None:
    gazetteer = default_gazetteer()
    assert gazetteer.lookup("State Grid").id == gazetteer.lookup("国家电网").id
    assert gazetteer.lookup("600406.SS").id == gazetteer.lookup("NARI").id


def test_type_from_the_head_word() -> None:
    assert infer_type("Global X China Cloud ETF") == "Fund"
    assert infer_type("the CSI Semiconductor Index") == "Index"
    assert infer_type("Acme Robotics") == "Company"
    assert infer_type("Jane Porter") is None


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2099, 12, 31)),
       st.sampled_from(["%Y-%m-%d", "%B %d, %Y", "%d %B %Y", "%b %d, %Y", "%Y/%m/%d",
                        "%Y年%m月%d日"]))
def test_dates_parse_back(day: date, fmt: str) -> None:
    assert parse_date(f"Published {day.strftime(fmt)} 08:00") == day


def test_header_lines_find_headline_and_dateline() -> None:
    text = "Headline here\nWire · 2025-09-24 05:29\n\nBody text."
    headline, dateline, published = header_lines(text)
    assert text[headline[0]:headline[1]] == "Headline here"
    assert dateline is not None and text[dateline[0]:dateline[1]].startswith("Wire")
    assert published == date(2025, 9, 24)
