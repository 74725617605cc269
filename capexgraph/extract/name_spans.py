"""Name spans: repair the names the statistical NER found and add the ones it missed.

One spaCy component (`NAME_COMPONENT`) runs after the NER. It stretches names over corporate
forms, share classes and fund words; cuts names NER ran over a verb or over "and"; gives back
first words NER dropped; types a name by what it does or what describes it ("chip startup
Kalray", "Galbot raised ...", "the Japanese government"); and adds names NER did not see at
all (capitalised runs ending in a company, fund or index word, hyphenated names, names in
apposition to a company noun). Gazetteer names stay as the ruler matched them, except a known
company followed by more name words, which names a unit of its own ("Sugon Digital").
"""

from __future__ import annotations

import re
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from capexgraph.extract.gazetteer import default_gazetteer
from capexgraph.extract.lexicon import triggers
from capexgraph.extract.names import infer_type, name_key

NAME_COMPONENT = "capexgraph_name_edges_v1"

# Tokens that continue a company or fund name: corporate forms, share classes, fund words.
# corporate forms that may follow a name's last form after a comma: "Co., Ltd.", "Corp., Inc."
_CORPORATE_FORMS = frozenset("ltd ltd. limited inc inc. llc plc".split())
_NAME_TAILS = frozenset(
    "inc inc. corp corp. corporation ltd ltd. limited plc holdings holding group co co. llc ag se "
    "etf index fund trust adr adrs ads".split()  # "Taiwan Semiconductor Manufacturing ADR"
)
# ... of which these, in lower case, are a stake in the company named: "its Nvidia holding"
_STAKE_TAILS = frozenset({"holding", "holdings"})
_SHARE_CLASSES = frozenset({"w", "sw", "s"})
_NAME_PARTS = frozenset({"", "NORP", "GPE"})  # "Solactive China ... Index"
# "ChinaAMC" + "CSI 500 ETF", "Samsung KODEX 200 ETF": a fund starts with its issuer
_ISSUER_PARTS = _NAME_PARTS | {"ORG", "Company"}
_NUMERIC_LABELS = frozenset({"CARDINAL", "ORDINAL", "DATE", "TIME", "PERCENT", "MONEY",
                             "QUANTITY"})
_TAIL_TYPES = {"etf": "Fund", "fund": "Fund", "trust": "Fund", "index": "Index"}
# Words that join two capitalised runs into one name: "Shanghai State-owned Capital Investment"
_NAME_JOINS = frozenset({"state-owned", "state-run", "state-backed"})
# words that go on a name after "and" rather than start another: "Assets Supervision and
# Administration Commission", "Securities and Exchange Commission", "Science and Technology"
_INNER_AFTER_AND = frozenset({
    "administration", "exchange", "technology", "technologies", "development", "management",
    "supervision", "research", "trade", "commerce", "industry", "information", "reform",
    "innovation", "security", "securities"})
_FINITE_VERBS = frozenset({"VBD", "VBZ", "VBP", "MD"})
# nouns that say what a company is, besides the lexicons' ("memory partner SwaySure")
_DESCRIBING_EXTRA = frozenset({"partner", "developer", "specialist", "investor", "backer"})
# entity labels that are never part of a name
_NOT_NAMES = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})
_CAMEL_CASE = re.compile(r"[A-Z][a-z]+[A-Z][A-Za-z]*")  # "OpCo", not "GPUs"
_MODEL_CODE = re.compile(r"[A-Z]{1,4}-?\d{2,4}[A-Za-z]?")  # "MI450", "GB200", "H20"


@Language.component(NAME_COMPONENT)
def name_edges(doc: Doc) -> Doc:
    """Stretch names over a trailing corporate form or share class ("-W") and over the fund
    or index word that ends them; a fund named after its index ("Hang Seng TECH" + "ETF")
    becomes a fund, no longer the index the gazetteer matched. Cut names at a finite verb or
    between two names, give back first words NER dropped, retype names by what they do or
    what describes them, then add the names NER missed."""
    spans: list[Span] = []
    for ent in doc.ents:
        if not ent.ent_id_ and ent.label_ not in _NOT_NAMES and ent.text.islower():
            continue  # "a provider of fluid management services": no name is all lowercase
        if not ent.ent_id_ and len(ent) == 1 and ent[0].lower_ in _NAME_TAILS:
            continue  # "Group CEO of G42": a corporate word alone names nothing
        if _exchange_label(doc, ent):
            continue  # "Baidu, Inc. (NASDAQ: BIDU and HKEX: 9888)": where a ticker trades
        if not ent.ent_id_ and _department(ent):
            continue  # "Head of Asia Semiconductor Research": a part of a firm, no firm
        if not ent.ent_id_ and _anonymous_label(ent):
            continue  # "Customer A": a filing's label for a company it does not name
        if not ent.ent_id_ and _source_credit(ent):
            continue  # "Shanghai Securities News, November 27 -- GPU maker ...": who reports
        if not ent.ent_id_ and len(ent) > 1 and ent[0].tag_ == "NNS" and ent[0].is_sent_start \
                and ent[0].lemma_ in triggers().constituents.nouns:  # "Holdings Wus Printed
            ent = Span(doc, ent.start + 1, ent.end, label=ent.label_)  # Circuit and ... rose"
        end = ent.end
        if not ent.ent_id_:  # a name holds no finite verb: "Kestrel Robotics raised HK$2 billion"
            end = next((t.i for t in ent[1:] if t.tag_ in _FINITE_VERBS), end)
        if not ent.ent_id_ and ent.label_ not in _NOT_NAMES:  # nor an amount, one merged
            end = next((t.i for t in doc[ent.start:end] if " " in t.text.strip()), end)
            if end == ent.start:  # token: "$80 billion on AI" is no name
                continue
        if end - ent.start > 2 and not ent.ent_id_ and doc[end - 1].text == "%" \
                and doc[end - 2].like_num:
            end -= 2  # a weight is no part of a name: "American Tower 7.2%"
        elif end - ent.start > 1 and not ent.ent_id_ and doc[end - 1].like_num \
                and "." in doc[end - 1].text:
            end -= 1  # nor is a decimal: "Bilibili Inc 2.7 (% of net assets)"
        # the statistical NER sometimes runs on into "and" or a common noun ("Ping An and",
        # "Alat venture"): a name ends with its last capitalised word
        while end - ent.start > 1 and not ent.ent_id_ and (
                doc[end - 1].pos_ == "CCONJ" or (ent.label_ == "ORG" and doc[end - 1].text.islower()
                                                 and doc[end - 1].lower_ not in _NAME_TAILS)):
            end -= 1
        while not ent.ent_id_ and ent.label_ == "ORG" and end < len(doc) \
                and doc[end].tag_ == "NNP" and doc[end].is_title and not doc[end].ent_type_ \
                and doc[end - 1].dep_ == "compound" and doc[end - 1].head.i == end:
            end += 1  # "NARI" + "Technology": the word the name is the compound of
        start = ent.start
        while ent.label_ == "PERSON" and end - start > 2 \
                and doc[start].lower_ in triggers().executives.title_words():
            start += 1  # "Chairman Jensen Huang" as NER's person: the title is no name
        if end != ent.end or start != ent.start:
            ent = Span(doc, start, end, label=ent.label_)
        while end < len(doc):
            tok = doc[end]
            fund_word = tok.lower_ in _TAIL_TYPES and tok.text[:1].isupper()
            if tok.lower_ in _NAME_TAILS and (ent.label_ not in ("PERSON", "Person") or fund_word) \
                    and (tok.lower_ not in _TAIL_TYPES.keys() | _STAKE_TAILS
                         or tok.text[:1].isupper()):  # not "X's fund", nor "its entire
                # Nvidia holding" (a stake); "Cloud Computing" + "ETF" even when NER took it
                # for a person
                end += 1
            elif (tok.text == "," and end + 1 < len(doc) and ent.label_ not in ("PERSON",)
                  and doc[end + 1].lower_ in _CORPORATE_FORMS
                  and (doc[end - 1].lower_ in _NAME_TAILS or ent.label_ in ("ORG", "Company"))):
                end += 2  # "Zhipu Huazhang Technology Co., Ltd.", "PurgeRite Intermediate, LLC"
            elif (tok.text == "-" and end + 1 < len(doc) and tok.whitespace_ == ""
                  and doc[end + 1].lower_ in _SHARE_CLASSES):
                end += 2
            elif (tok.text == "-" and end + 1 < len(doc) and tok.whitespace_ == ""
                  and not doc[end - 1].whitespace_ and doc[end + 1].is_alpha
                  and doc[end + 1].tag_ not in ("VBN", "VBD", "VBG")
                  and ent.label_ in ("ORG", "Company") and not doc[end + 1].ent_type_):
                end += 2  # "X-energy", but not "Samsung-made" nor "AMD-based"
            elif ent.label_ not in _NUMERIC_LABELS and (run := _capitalised_run(doc, end)) \
                    and doc[run].lower_ in _TAIL_TYPES and doc[run].text[:1].isupper():
                end = run + 1  # "... Semiconductor" + "Industry ETF" (not a list's "4." +
                # "The CSI AI Industry Index")
            else:
                break
        if not ent.ent_id_ and _item_first_word(doc, ent.start, end):
            ent = Span(doc, ent.start - 1, end, label=ent.label_)
        elif ent.label_ == "PERSON" and ent.start > 0 and _first_name_dropped(doc[ent.start - 1],
                                                                              ent.start, end):
            ent = Span(doc, ent.start - 1, end, label=ent.label_)  # "Raghib" + "Hussain"
        elif not ent.ent_id_ and ent.label_ == "ORG" and (
                first := _start_after_the(doc, ent.start, end)) < ent.start:
            ent = Span(doc, first, end, label=ent.label_)
        elif not ent.ent_id_ and end - ent.start == 1 and infer_type(ent.text) == "Company" \
                and ent.start > 0 and doc[ent.start - 1].tag_ in ("NNP", "NNPS") \
                and doc[ent.start - 1].text[:1].isupper() and not doc[ent.start - 1].ent_type_:
            # a lone "Ventures" or "Capital" is the end of a name NER cut: "Prosperity7 Ventures"
            named = {t.i for t in doc if t.ent_type_}
            ent = Span(doc, _proper_run_start(doc, ent.start - 1, named), end, label="ORG")
        label, span_id = ent.label_, ent.ent_id_
        if span_id and label == "Company" and _first_name_before(doc, ent.start) \
                and described_by_title(doc[end - 1]):
            # "Wes Cummins, Chairman and Chief Executive Officer": a person named like a
            # company the gazetteer knows
            ent = Span(doc, ent.start - 1, end, label="PERSON")
            label, span_id = "PERSON", ""
        if label in ("DATE", "CARDINAL") and end - ent.start == 1 and doc[ent.start].is_digit \
                and end < len(doc) and doc[end].tag_ == "NNP" and doc[end].is_title \
                and infer_type(doc[end].text) == "Company":
            label, end = "ORG", end + 1  # "1789 Capital": a number that starts a name
        dateline = not span_id and label in ("ORG", "GPE") \
            and _dateline_place(Span(doc, ent.start, end))
        if dateline:
            label = "GPE"  # "AMSTERDAM, Nov. 25, 2026 -- Nebius ...": where the news is from
        if label == "ORG" and not span_id and _place_in_a_description(Span(doc, ent.start, end)):
            label = "GPE"  # "G42, the Abu Dhabi technology group": where, not who
        if label == "ORG" and not span_id and _description_in_apposition(
                Span(doc, ent.start, end)):
            continue  # "G42, the Abu Dhabi AI group": NER's name is G42's description
        if label == "PERSON" and not span_id and doc[end - 1].tag_ == "NNPS":
            label = "ORG"  # "Bezos Expeditions": no person's name ends in a plural noun
        if label == "PERSON" and any(t.like_num for t in doc[ent.start:end]):
            label = "PRODUCT"  # "Trainium 3": no person's name holds a number
        if label == "ORG" and not span_id and end - ent.start == 1 \
                and _MODEL_CODE.fullmatch(doc[ent.start].text):
            label = "PRODUCT"  # "50,000 MI450 GPUs", "H20": a model number names no company
        if label == "ORG" and not span_id and _names_possessed_goods(Span(doc, ent.start, end)):
            label = "PRODUCT"  # "Nvidia's Blackwell chips", "Lumentum's EML lasers"
        if label in ("ORG", "PERSON") and not span_id \
                and doc[ent.start].lower_ in default_gazetteer().by_product \
                and doc[end - 1].dep_ != "poss":  # (not "TikTok's US user data": an owner)
            label = "PRODUCT"  # "Nvidia's Blackwell Ultra", "Rubin Ultra" (NER's person): a
            # known product's line
        if label in ("GPE", "PERSON", "PRODUCT") and not span_id and not dateline \
                and _acts_as_company(Span(doc, ent.start, end)):
            label = "ORG"  # "Galbot raised 1.1 billion yuan", NER's place
        if label in ("NORP", "GPE") and end < len(doc) and doc[end].lower_ == "government" \
                and doc[end].dep_ != "compound":
            end, label = end + 1, "ORG"  # "the Japanese government" invests like a company
        elif label == "GPE" and end + 1 < len(doc) and doc[end].lower_ == "'s" \
                and doc[end + 1].lower_ == "government" and doc[end + 1].dep_ != "compound":
            end, label = end + 2, "ORG"  # ... and so does "Japan's government"
        if (label == "ORG" or (span_id and label == "Company")) \
                and (unit_end := _unit_name_end(doc, end)) > end:
            # "TSMC Arizona", "Volkswagen Group China": a unit of its own; so is "SB OpenAI
            # Japan", whose unit name an acronym opens
            legal = doc[unit_end - 1].lower_ in _NAME_TAILS  # "Inspur Electronic
            # Information Industry Co.": the company's own legal name, no unit
            first = ent.start - 1 if ent.start > 0 and _acronym(doc[ent.start - 1]) \
                and not legal else ent.start
            ent = Span(doc, first, ent.end, label=ent.label_)
            end = unit_end
            if span_id and not legal:
                span_id = _known_as(span_id, doc[first:unit_end].text)
            elif span_id and not _legal_name_of(span_id, doc[first:unit_end].text):
                span_id = ""  # "APLD ComputeCo LLC": a subsidiary's legal name after the
                # parent's ticker
            if end + 1 < len(doc) and doc[end].text == "," \
                    and doc[end + 1].lower_ in _CORPORATE_FORMS:
                end += 2  # "OpenAI OpCo, LLC"
        if label in ("PERSON", "GPE") and not span_id and _described_as_company(doc[end - 1]):
            label = "ORG"  # "Zelvora, a unit of the PIF", not a person nor a place
        elif label in ("ORG", "GPE", "PRODUCT") and not span_id \
                and described_by_title(doc[end - 1]):
            label = "PERSON"  # "Ford Tamer, the former chief executive of Inphi", "appointed
            # Sachin Katti as chief technology officer" (NER's place)
        if label == "ORG" and not span_id and _based_in(doc, end):
            label = "GPE"  # "the Livingston, New Jersey-based company": a town, whatever
            # the parser hung on it
        tail_type = _TAIL_TYPES.get(doc[end - 1].lower_)
        start = ent.start
        if tail_type is not None:
            start = _name_start(doc, Span(doc, ent.start, end))
            if tail_type != label:
                label, span_id = tail_type, ""
        spans.append(Span(doc, start, end, label=label, span_id=span_id)
                     if (start, end, label) != (ent.start, ent.end, ent.label_) else ent)
    spans = [part for span in spans for part in _split_at_and(doc, span)]
    spans = _described_names(doc, spans)  # "chip startup Kalray", whatever NER called it
    named = {i for span in spans for i in range(span.start, span.end)}
    spans += _unnamed_names(doc, named) + _unnamed_hyphenated(doc, named) \
        + _camel_case_subjects(doc, named) \
        + _apposed_names(doc, named) + _hyphen_agent_names(doc, named) \
        + _title_employers(doc, named) + _titled_people(doc, named) \
        + _bracketed_place_names(doc)
    doc.ents = _joined(doc, filter_spans(spans))
    for ent in doc.ents:  # (a one-word name is one phrase already)
        if len(ent) > 1 and ent.label_ not in ("DATE", "TIME"):  # (NER's "B last month" in
            _one_phrase(ent)  # "Nscale's Series B last month was led by ..." is no phrase:
            # "B" is the subject)
    return doc


def _one_phrase(name: Span) -> None:
    """A name is one noun phrase headed by its last word: words of it the parser hung
    outside it ("Kweichow" of "Kweichow Moutai" read as an adverb of the verb) become that
    word's compounds, so that the name's root is its head."""
    last = name[-1]
    outside = [t for t in name if not name.start <= t.head.i < name.end]
    if len(outside) < 2 or last not in outside:
        return
    for tok in outside:
        if tok != last and not tok.is_ancestor(last):  # (no loop: nothing hangs on it)
            tok.head, tok.dep_ = last, "compound"


def _bracketed_place_names(doc: Doc) -> list[Span]:
    """A company name with its seat in brackets, as Chinese companies write theirs: "Unisoc
    (Shanghai) Technologies" (NER: two places), "Hygon (Beijing) Information Technology",
    and a subsidiary's legal name that begins with its parent's: "Lenovo (Beijing) Limited",
    "Sugon Liquid Cooling (Tianjin) Co., Ltd."."""
    found = []
    for open_ in (t.i for t in doc if t.text == "(" and t.i > 0):
        close = next((j for j in range(open_ + 1, min(open_ + 4, len(doc)))
                      if doc[j].text == ")"), None)
        if close is None or close == open_ + 1 or not all(
                t.is_title for t in doc[open_ + 1:close]):
            continue
        start = open_
        while start > 0 and open_ - start < 3 and doc[start - 1].text[:1].isupper() \
                and doc[start - 1].is_alpha:
            start -= 1
        end = close + 1
        while end < len(doc) and end - close <= 3 and doc[end].is_title and (
                doc[end].is_alpha or doc[end].lower_ in _NAME_TAILS):
            end += 1
        if end + 1 < len(doc) and doc[end].text == "," \
                and doc[end + 1].lower_ in _CORPORATE_FORMS:  # "Co., Ltd."
            end += 2
        if start < open_ and end > close + 1 and infer_type(doc[end - 1].text) == "Company":
            found.append(Span(doc, start, end, label="ORG"))
    return found


def _first_name_dropped(tok: Token, start: int, end: int) -> bool:
    """Whether NER left out a person's first name: a capitalised proper noun with no label
    that the parser made a compound of the name ("Raghib" of "Raghib Hussain")."""
    return not tok.ent_type_ and tok.tag_ == "NNP" and tok.is_title and tok.dep_ == "compound" \
        and start <= tok.head.i < end and not tok.is_sent_start \
        and tok.lower_ not in triggers().executives.title_words()  # not "President"


def _item_first_word(doc: Doc, start: int, end: int) -> bool:
    """Whether the word before a name NER found is the name's first word, which NER leaves
    out after a list number or at the start of a sentence ("4. Range Intelligent
    Computing"): a capitalised proper noun compounded into the name, no title."""
    if start == 0:
        return False
    tok = doc[start - 1]
    return tok.is_title and tok.tag_ in ("NNP", "NNPS") and not tok.ent_type_ \
        and tok.dep_ == "compound" and start <= tok.head.i < end \
        and tok.lower_ not in triggers().executives.title_words() \
        and (tok.is_sent_start or doc[tok.i - 1].tag_ == "LS")


def _start_after_the(doc: Doc, start: int, end: int) -> int:
    """Where a name NER cut short begins when capitalised words of the same phrase run back
    to "the": "the Shanghai State-owned Capital Investment Co." (NER: "Capital Investment
    Co."). Without the determiner, capitalised words before a name may be a headline's."""
    i = start
    while i > 0:
        tok = doc[i - 1]
        if tok.tag_ in ("NNP", "NNPS") and tok.text[:1].isupper() and not tok.ent_id_:
            i -= 1
        elif i >= 3 and tok.is_lower and doc[i - 2].text == "-" and not doc[i - 2].whitespace_ \
                and not doc[i - 3].whitespace_ and doc[i - 3].text[:1].isupper():
            i -= 3  # "State-owned"
        else:
            break
    inside = all(start <= t.head.i < end or i <= t.head.i < start for t in doc[i:start])
    return i if i < start and inside and i > 0 and doc[i - 1].lower_ == "the" else start


def _unit_name_end(doc: Doc, end: int) -> int:
    """Where a known company's name ends when more capitalised words follow it and close
    the noun phrase: "Sugon Digital", "Tencent Music", "TSMC Arizona", "Samsung SDS" name a
    unit of their own, while "Nvidia GPUs", "Google TPU deal" and "Tesla Megapack
    batteries" name goods (a goods acronym, or words modifying a noun after them)."""
    titles, generic = triggers().executives.title_words(), triggers().generic_terms
    j = end
    while j < len(doc) and (doc[j].is_title or _CAMEL_CASE.fullmatch(doc[j].text) or (
            # "OpenAI OpCo", "Samsung SDS", not "Nvidia GPU"
            doc[j].is_upper and doc[j].is_alpha and len(doc[j]) > 1
            and doc[j].lower_ not in generic)) and doc[j].tag_ in ("NNP", "NNPS") \
            and (doc[j].ent_type_ in ("", "GPE")
                 or (doc[j].ent_type_ == "ORG" and not doc[j].ent_id_)
                 or (doc[j].ent_type_ == "PERSON" and _lone_word(doc[j]))) \
            and doc[j].lower_ not in titles:  # "TSMC Arizona, which makes chips for
        # Apple"; "Aramco" + "Digital", which NER named apart; "Intel" + "Foundry", which
        # NER took for a one-word person
        j += 1
    if j < len(doc) and doc[j].pos_ in ("NOUN", "PROPN", "NUM"):
        return end
    if j < len(doc) and doc[j].lower_ in ("and", "or", "&"):  # "Nvidia Blackwell and Rubin
        k = j + 1  # GPUs": coordinated modifiers of goods
        while k < len(doc) and doc[k].is_title:
            k += 1
        if k > j + 1 and k < len(doc) and doc[k].pos_ in ("NOUN", "NUM"):
            return end
    return j


def _lone_word(tok: Token) -> bool:
    """Whether `tok` is a one-word entity of its own."""
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return tok.ent_iob_ == "B" and (nxt is None or nxt.ent_iob_ != "I")


def _acronym(tok: Token) -> bool:
    """A capitalised acronym that is no goods term and no name of its own ("SB")."""
    return tok.is_upper and tok.is_alpha and 2 <= len(tok) <= 4 and tok.tag_ == "NNP" \
        and tok.lower_ not in triggers().generic_terms and tok.ent_type_ in ("", "GPE") \
        and tok.ent_iob_ != "I"


def _legal_name_of(entity_id: str, name: str) -> bool:
    """Whether a legal name spells out one of the entity's names ("Inspur Electronic
    Information Industry Co." of "Inspur Electronic Information")."""
    key = name_key(name)
    return any(key.startswith(name_key(form))
               for form in default_gazetteer().entries[entity_id].surface_forms())


def _known_as(entity_id: str, name: str) -> str:
    """The gazetteer id a longer name keeps when it still names that entity ("Hon Hai
    Precision" of "Hon Hai Precision Industry"); "" when it names another one."""
    entry = default_gazetteer().entries[entity_id]
    key = name_key(name)
    return entity_id if any(name_key(form).startswith(key) for form in entry.surface_forms()) \
        else ""


def _exchange_label(doc: Doc, ent: Span) -> bool:
    """A name inside brackets that a colon and a ticker or code follow: the exchange the
    company's shares trade on ("(NASDAQ: BIDU and HKEX: 9888)", "(Nasdaq: SMCI)")."""
    if ent.end + 1 >= len(doc) or doc[ent.end].text != ":":
        return False
    code = doc[ent.end + 1]
    if not (code.text.isupper() or code.text.isdigit()):
        return False
    before = doc[max(ent.start - 8, 0):ent.start]
    return any(t.text == "(" for t in before) and not any(t.text == ")" for t in before)


def _split_at_and(doc: Doc, span: Span) -> list[Span]:
    """A name the statistical NER ran over "and" or a comma into the next one is two names
    when the parser coordinates them: "Zijin Mining and CATL", "Ping An Life, Qiming
    Venture Partners"."""
    def coordinated(after: Token) -> bool:  # the next name, or its first word
        return after.text[:1].isupper() and (after.dep_ == "conj" or (
            after.dep_ == "compound" and after.head.dep_ == "conj" and after.head.i < span.end))

    def two_names(t: Token) -> bool:  # "Ping An Life and Qiming Venture Partners": two
        # names of two words or more each, the second ending in a company word
        return t.lower_ == "and" and t.i - span.start >= 2 and span.end - t.i > 2 \
            and doc[t.i + 1].text[:1].isupper() and infer_type(span[-1].text) == "Company"

    def listed(t: Token) -> bool:  # "Zijin Mining and CATL" coordinated by the parser
        return ((t.lower_ == "and" and t.dep_ == "cc") or t.text == ",") \
            and coordinated(doc[t.i + 1]) \
            and doc[t.i + 1].lower_ not in _CORPORATE_FORMS  # not "PurgeRite Intermediate, LLC"

    cut = next((t.i for t in span[1:-1] if (listed(t) or two_names(t))
                and doc[t.i + 1].lower_ not in _INNER_AFTER_AND), None)
    if cut is None or span.ent_id_ or span.label_ not in ("ORG", "Company"):
        return [span]
    return [Span(doc, span.start, cut, label=span.label_),
            *_split_at_and(doc, Span(doc, cut + 1, span.end, label=span.label_))]


def _joined(doc: Doc, spans: list[Span]) -> list[Span]:
    """Two names the statistical NER split around a joining word are one ("Shanghai State" +
    "-owned" + "Capital Investment"); names from the gazetteer stay as they are."""
    out: list[Span] = []
    for span in spans:
        prev = out[-1] if out else None
        # the NER may keep the hyphen ("Hefei State-") or leave it out
        joint = "".join(t.text_with_ws for t in doc[prev.end - 2:span.start]).lower() \
            if prev is not None and len(prev) > 1 else ""
        if prev is not None and not prev.ent_id_ and not span.ent_id_ \
                and prev.label_ in ("ORG", "Company") and span.label_ in ("ORG", "Company") \
                and any(joint.endswith(" " + j + " ") or joint == j + " "
                        for j in _NAME_JOINS):
            out[-1] = Span(doc, prev.start, span.end, label=span.label_)
        else:
            out.append(span)
    return out


def _unnamed_hyphenated(doc: Doc, named: set[int]) -> list[Span]:
    """A capitalised word hyphenated to a noun with no space, that NER found no part of
    ("X-energy"), is a name; hyphenated participles and adjectives are not ("AI-driven",
    "State-owned", "Year-on-year")."""
    found = []
    titles = triggers().executives.title_words()
    i = 0
    while i < len(doc) - 2:
        end = i
        if doc[i].whitespace_ or doc[i + 1].text != "-":
            i += 1  # the cheap test first: this runs on every word
            continue
        while end + 2 < len(doc) and doc[end + 1].text == "-" and not doc[end].whitespace_ \
                and not doc[end + 1].whitespace_ and doc[end + 2].is_alpha:
            end += 2
        words = doc[i:end + 1]
        if end > i and doc[i].text[:1].isupper() and not named & set(range(i, end + 1)) \
                and all(t.tag_ in ("NN", "NNS", "NNP", "NNPS", "HYPH") or t.text == "-"
                        for t in words) \
                and not any(t.ent_type_ or t.lower_ in titles for t in words) \
                and (i == 0 or doc[i - 1].whitespace_):  # not "Ex-CEO"
            found.append(Span(doc, i, end + 1, label="ORG"))
        i = end + 1
    return found


_CAMEL_CASE = re.compile(r"^(?:[A-Z][a-z]+|[a-z]+)[A-Z][A-Za-z]*$")


def _camel_case_subjects(doc: Doc, named: set[int]) -> list[Span]:
    """A subject written in camel case that no model named ("AgiBot, backed by Hillhouse,
    acquired ..."): a brand's spelling, so a company's name."""
    return [Span(doc, t.i, t.i + 1, label="ORG") for t in doc
            if t.i not in named and _CAMEL_CASE.match(t.text)
            and t.dep_ in ("nsubj", "nsubjpass")]


def _unnamed_names(doc: Doc, named: set[int]) -> list[Span]:
    """Capitalised names that NER found no part of, whose last word says what they are: "the
    Global X China Cloud ETF" is a fund, "Victory Giant Technology" a company. A company
    name is proper nouns only, so that "Cloud Computing" heading a sentence stays words; a
    fund or index name may run over a name NER found ("Penghua Shenzhen Market" + "100
    ETF") and over a hyphen between capitalised words ("Hong Kong-Listed")."""
    def continues(i: int, company: bool) -> bool:
        tok = doc[i]
        if i in named and (company or tok.ent_type_ not in _ISSUER_PARTS or tok.ent_id_):
            return False
        if tok.tag_ == "DT" and not _inner_all(doc, i):
            return False
        return (tok.text[:1].isupper() or tok.like_num or _brand(tok)) \
            and tok.ent_type_ in (_NAME_PARTS if company else _ISSUER_PARTS) \
            and (not company or tok.tag_ in ("NNP", "NNPS"))

    found = []
    for tok in doc:
        tail_type = infer_type(tok.text)
        if tail_type is None or not tok.text[:1].isupper() or tok.i in named:
            continue
        company = tail_type == "Company"
        start = tok.i
        while start > 0:
            if not company and start > 1 and _joining_hyphen(doc, start - 1) \
                    and continues(start - 2, company):
                start -= 2
            elif continues(start - 1, company):
                start -= 1
            else:
                break
        if not company and start > 0 and doc[start - 1].lower_ in ("and", "&") and (
                joined := _joined_name_start(doc, start - 1)):
            start = joined  # "the CSI Semiconductor Materials and Equipment Index"
        if tok.i - start >= 1 and (not company or tok.tag_ in ("NNP", "NNPS")):
            found.append(Span(doc, start, tok.i + 1, label=tail_type))
    return found


@cache
def _company_nouns() -> frozenset[str]:
    lex = triggers()
    return lex.descriptors.Company | lex.invests.owned_nouns | lex.invests.business_nouns


@cache
def _describing_nouns() -> frozenset[str]:
    return _company_nouns() | triggers().supplies.nouns | _DESCRIBING_EXTRA


def _described_names(doc: Doc, spans: list[Span]) -> list[Span]:
    """Capitalised words right after a noun that says what a company is ("chip startup
    Kalray", "memory partner SwaySure", "humanoid-robot maker Figure AI") are a company's
    name, even where the statistical NER called them a place, a person or a product: `spans`
    with those names in place of what NER found there (a longer name found there stays, as
    an organisation; a gazetteer name stays as it is)."""
    out = list(spans)
    for found in _names_after_describing_nouns(doc):
        overlapping = [s for s in out if found.start < s.end and s.start < found.end]
        if any(s.ent_id_ for s in overlapping):
            continue
        covering = [s for s in overlapping if s.start <= found.start and s.end >= found.end]
        out = [s for s in out if s not in overlapping]
        out += [Span(doc, s.start, s.end, label="ORG") for s in covering] or [found]
    return out


def _names_after_describing_nouns(doc: Doc) -> list[Span]:
    found = []
    nouns = _describing_nouns()
    for tok in doc[:-1]:
        if tok.tag_ not in ("NN", "NNS") or tok.lower_ not in nouns:
            continue
        end = tok.i + 1
        while end < len(doc) and (doc[end].is_title or (doc[end].is_upper and doc[end].is_alpha)
                                  or _brand(doc[end])) and doc[end].ent_type_ not in _NOT_NAMES:
            end += 1
            while end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ \
                    and not doc[end].whitespace_ and doc[end + 1].is_alpha:
                end += 2  # "X-energy"
        if end > tok.i + 1:
            found.append(Span(doc, tok.i + 1, end, label="ORG"))
    return found


@cache
def _company_verbs() -> frozenset[str]:
    lex = triggers().invests
    return lex.receive_verbs | lex.acquire_verbs


def _acts_as_company(span: Span) -> bool:
    """Whether a capitalised name does what only a company does: raises money or buys a
    company ("Galbot raised 1.1 billion yuan", "AgiBot acquired a stake") or closes a round
    ("Galbot completed a financing round"), is acquired
    ("agreed to acquire VeloCloud"; bought goods carry their maker's name), is owned in
    shares ("a 17.87% stake in Kingsemi"), employs a title's holder ("the CEO of
    Wolfspeed"), is supplied ("supply computing power to Xiaohongshu"), sells ("purchase
    reducers from Leader Harmonious Drive", "Shennan Circuits' boards are supplied to
    Huawei") or trades as a stock ("Zhaowei rose 7%")."""
    root, head = span.root, span.root.head
    invests, supplies = triggers().invests, triggers().supplies
    selling = supplies.verbs - supplies.reverse_verbs
    acts = (
        (root.dep_ == "pobj" and head.lower_ in ("of", "in")
         and head.head.lemma_.lower() in invests.round_nouns | invests.equity_nouns
         | invests.acquisition_nouns | invests.acquire_verbs)  # "its purchase of Alphawave"
        or _held_title_at(root)
        or (root.dep_ == "pobj" and head.lower_ == "to" and head.head.lemma_.lower() in selling)
        or (root.dep_ == "pobj" and head.lower_ == "from"
            and head.head.lemma_.lower() in supplies.reverse_verbs - supplies.verbs)
        or (root.dep_ == "poss" and head.dep_ == "nsubjpass"
            and head.head.lemma_.lower() in selling)
        or (root.dep_ == "dobj" and head.lemma_.lower() == "acquire"  # ("buy" takes goods)
            and not any(c.dep_ == "poss" for c in root.children))
        or _acquired_in_passive(root)
        or (root.dep_ == "nsubj" and _moved_as_a_stock(head))
        or (root.dep_ == "nsubj" and head.pos_ == "VERB"
            and head.lemma_.lower() in _company_verbs())
        or (root.dep_ == "nsubj" and head.pos_ == "VERB" and any(  # "Galbot completed a
            c.dep_ == "dobj" and c.lemma_.lower() in invests.round_nouns  # financing round"
            for c in head.children))
        or _listed_as_company(root))
    return acts and span.text[:1].isupper()


def _listed_as_company(root: Token) -> bool:
    """Whether a name is listed as one of a company's suppliers, customers or backers: "Our
    contract manufacturers include Ennoconn in Taiwan" (NER's place)."""
    listed = root
    while listed.dep_ == "conj":
        listed = listed.head
    verb = listed.head
    if listed.dep_ != "dobj" or verb.lemma_.lower() not in triggers().list_verbs:
        return False
    lex = triggers()
    roles = lex.supplies.nouns | lex.supplies.customer_nouns | lex.invests.investor_nouns
    return any(c.dep_ == "nsubj" and c.lemma_.lower() in roles for c in verb.children)


def _acquired_in_passive(root: Token) -> bool:
    """Whether a name is told acquired in the passive, as the subject or as the antecedent of
    a relative clause: "Boyd was acquired by Eaton", "Boyd, which was acquired by Eaton for
    $9.5 billion, makes cold plates" (a company; NER reads a surname)."""
    if root.dep_ == "nsubjpass" and root.head.lemma_.lower() == "acquire":
        return True
    return any(c.dep_ == "relcl" and c.lemma_.lower() == "acquire"
               and any(s.dep_ == "nsubjpass" and s.lower_ in ("which", "that")
                       for s in c.children)
               for c in root.children)


def _names_possessed_goods(span: Span) -> bool:
    """Whether a name only says which of a company's goods are meant: "Nvidia's Blackwell
    chips", "Lumentum's EML lasers" (the possessor makes them; but in "Nvidia's Mellanox
    unit" the name is a company's)."""
    root, head = span.root, span.root.head
    lex = triggers().invests
    return root.dep_ in ("compound", "nmod") and head.pos_ == "NOUN" and head.i == span.end \
        and head.tag_ == "NNS" and head.lemma_.lower() not in lex.owned_nouns | lex.business_nouns \
        and any(c.dep_ == "poss" and c.i < span.start for c in head.children)


def _moved_as_a_stock(verb: Token) -> bool:
    """Whether a verb tells a share-price move: a move verb with a percentage, or "hit the
    daily limit" (no person's price moves)."""
    lex = triggers().constituents
    if verb.lemma_.lower() in lex.price_moves:
        return any(t.text == "%" for c in verb.children for t in c.subtree)
    return verb.lemma_.lower() == "hit" and any(
        c.dep_ == "dobj" and c.lemma_.lower() in lex.limit_nouns for c in verb.children)


_DASHES = frozenset({"-", "--", "\u2013", "\u2014"})


def _opens_paragraph(span: Span) -> bool:
    before = span.doc[span.start - 1] if span.start > 0 else None
    return before is None or before.is_space or "\n" in before.whitespace_


def _source_credit(span: Span) -> bool:
    """Whether a name in title case opens a paragraph with a date and a dash after it: the
    publication a digest credits ("Shanghai Securities News, November 27 -- ..."), which
    reports the news and takes no part in it (a name in capitals there is a wire's city)."""
    doc = span.doc
    if not _opens_paragraph(span) or span.text.isupper() or span.end + 1 >= len(doc) \
            or doc[span.end].text != "," or doc[span.end + 1].ent_type_ != "DATE":
        return False
    after = span.end + 1
    while after < len(doc) and doc[after].ent_type_ == "DATE":
        after += 1
    return after < len(doc) and doc[after].text in _DASHES


def _dateline_place(span: Span) -> bool:
    """Whether a name in capitals opens a paragraph and a date, an agency in brackets or a
    dash follows it: a wire's dateline ("AMSTERDAM, Nov. 25, 2026 --", "PARIS (Reuters) --",
    "SEOUL --"), which names a city."""
    doc = span.doc
    if not (_opens_paragraph(span) and span.text.isupper()):
        return False
    words = [t for t in span if t.text not in _DASHES]
    after = words[-1].i + 1 if words else span.end
    if after + 1 < len(doc) and doc[after].text == ",":
        return doc[after + 1].ent_type_ == "DATE"
    if after < len(doc) and doc[after].text == "(":  # "PARIS (Reuters) --"
        after = next((t.i + 1 for t in doc[after:after + 8] if t.text == ")"), len(doc))
    return after < len(doc) and doc[after].text in _DASHES


def _based_in(doc: Doc, end: int) -> bool:
    """Whether a name ends where the place a company is based in is told: "Livingston,
    New Jersey-based", "Livingston-based"."""
    i = end
    if i + 1 < len(doc) and doc[i].text == "," and doc[i + 1].ent_type_ == "GPE":
        i += 1
        while i < len(doc) and doc[i].ent_type_ == "GPE":
            i += 1
    return i + 1 < len(doc) and doc[i].text == "-" and doc[i + 1].lower_ == "based"


def _place_in_a_description(span: Span) -> bool:
    """Whether a name only qualifies the noun of an apposition that describes another name
    ("G42, the Abu Dhabi technology group"): the described name is the company; a
    possessor would own it ("Kunlunxin, Baidu's chip unit")."""
    root, noun = span.root, span.root.head
    return root.dep_ == "compound" and noun.dep_ == "appos" \
        and noun.lemma_.lower() in _company_nouns() \
        and any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children) \
        and noun.head.ent_type_ != ""


def _description_in_apposition(span: Span) -> bool:
    """A span NER read as a name that is a definite description of the name before it:
    "the Abu Dhabi AI group" in apposition to "G42"."""
    root = span.root
    return span[0].lower_ == "the" and root.dep_ == "appos" and root.i == span.end - 1 \
        and root.lemma_.lower() in _company_nouns() and root.head.ent_type_ != ""


def _described_as_company(tok: Token) -> bool:
    """Whether a company noun stands in apposition to `tok`: "Alat, a unit of the PIF"."""
    return tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].text == "," and any(
        c.dep_ == "appos" and c.lemma_.lower() in _company_nouns() for c in tok.children)


def described_by_title(tok: Token) -> bool:
    """Whether a title stands in apposition to `tok` or is what it was appointed as: "Ford
    Tamer, the former chief executive of Inphi", "appointed Ford Tamer as its CEO" and
    "named Nitin Agrawal its chief financial officer" name a person."""
    titles = triggers().executives.title_words()
    appointed_as = tok.dep_ == "dobj" and any(
        (p.dep_ == "prep" and p.lower_ == "as" and any(
            o.dep_ == "pobj" and o.lower_ in titles for o in p.children))
        or (p.dep_ == "oprd" and p.lower_ in titles)  # "named X its chief financial officer"
        for p in tok.head.children)
    return appointed_as or (tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].text == "," and any(
        c.dep_ == "appos" and c.lower_ in titles for c in tok.children))


# "Aker-backed", "Silver Lake-led": who backs, owns or leads is named before the hyphen
_AGENT_PARTICIPLES = frozenset({"backed", "owned", "funded", "financed", "controlled", "led"})


def _hyphen_agent_names(doc: Doc, named: set[int]) -> list[Span]:
    """Capitalised words NER found no part of, hyphened to a participle of backing or
    owning, are a name: "the Aker-backed neocloud" (a place or a thing backs nothing)."""
    found = []
    for tok in doc[:-2]:
        if tok.i in named or not tok.text[:1].isupper() or tok.whitespace_ \
                or doc[tok.i + 1].text != "-" or doc[tok.i + 1].whitespace_ \
                or doc[tok.i + 2].lower_ not in _AGENT_PARTICIPLES \
                or tok.lower_ in _NAME_JOINS or tok.lower_ == "state":
            continue
        found.append(Span(doc, _proper_run_start(doc, tok.i, named), tok.i + 1, label="ORG"))
    return found


def _title_employers(doc: Doc, named: set[int]) -> list[Span]:
    """A proper noun NER left unnamed that a title is "of" or "at", or that owns a title or
    a board, is the company the title is held at: "CEO of Wolfspeed", "chief financial
    officer at Lumentum", "Wolfspeed's board"."""
    owned = triggers().executives.title_words() | {"board"}
    found = []
    for tok in doc:
        if tok.i in named or tok.ent_type_ or tok.tag_ != "NNP" or not tok.text[:1].isupper() \
                or not (_held_title_at(tok) or (tok.dep_ == "poss" and tok.head.lower_ in owned)):
            continue
        found.append(Span(doc, _proper_run_start(doc, tok.i, named), tok.i + 1, label="ORG"))
    return found


def _titled_people(doc: Doc, named: set[int]) -> list[Span]:
    """A proper noun NER left unnamed that serves or was named "as" a title is a person:
    "Jayshree Ullal has served as our President and Chief Executive Officer"."""
    titles = triggers().executives.title_words()
    found = []
    for tok in doc:
        if tok.i in named or tok.ent_type_ or tok.tag_ != "NNP" \
                or tok.dep_ not in ("nsubj", "nsubjpass") or not tok.text[:1].isupper():
            continue
        roles = [t for p in tok.head.children if p.dep_ == "prep" and p.lower_ == "as"
                 for o in p.children if o.dep_ == "pobj" for t in (o, *o.conjuncts)]
        start = _proper_run_start(doc, tok.i, named)
        if start < tok.i and any(t.lower_ in titles for t in roles):  # a first name and more
            found.append(Span(doc, start, tok.i + 1, label="PERSON"))
    return found


def _first_name_before(doc: Doc, start: int) -> bool:
    """Whether a capitalised word NER left unnamed stands just before a name: a first name."""
    if start == 0:
        return False
    tok = doc[start - 1]
    return tok.tag_ == "NNP" and tok.is_title and not tok.ent_type_ \
        and tok.lower_ not in triggers().executives.title_words()


def _anonymous_label(span: Span) -> bool:
    """Whether a name is a role noun and a letter or number: "Customer A", "Supplier 2"."""
    lex = triggers().supplies
    return len(span) == 2 and span[0].lower_ in lex.customer_nouns | lex.nouns \
        and ((len(span[1].text) == 1 and span[1].text.isupper()) or span[1].is_digit)


def _department(span: Span) -> bool:
    """Whether a name a head is "of" ends in a department's word: "Head of Asia
    Semiconductor Research"."""
    doc = span.doc
    return span[-1].lower_ in triggers().executives.department_nouns and span.start > 1 \
        and doc[span.start - 1].lower_ == "of" and doc[span.start - 2].lower_ == "head"


def _held_title_at(tok: Token) -> bool:
    """Whether `tok` is what a title is "of" or "at": "CEO of Wolfspeed"."""
    return tok.dep_ == "pobj" and tok.head.lower_ in ("of", "at") \
        and tok.head.head.lower_ in triggers().executives.title_words()


def _proper_run_start(doc: Doc, i: int, named: set[int]) -> int:
    """Where the run of capitalised proper nouns ending at token `i` begins, within no name
    NER found ("Silver" of "Silver Lake-led")."""
    start = i
    while start > 0 and start - 1 not in named and doc[start - 1].tag_ in ("NNP", "NNPS") \
            and doc[start - 1].text[:1].isupper() and not doc[start].is_sent_start:
        start -= 1
    return start


def _apposed_names(doc: Doc, named: set[int]) -> list[Span]:
    """Proper nouns that NER found no part of, described by an appositive company noun,
    are a company's name: "Alat, a unit of the Public Investment Fund", "Rivos, a startup";
    so is a capitalised word that opens a sentence set off the same way, whatever the
    tagger made of it ("Poolside, the coding-model startup, secured ...")."""
    found = []
    for tok in doc:
        if tok.i in named or not tok.text[:1].isupper():
            continue
        if tok.tag_ in ("NNP", "NNPS") and _described_as_company(tok):
            found.append(Span(doc, _proper_run_start(doc, tok.i, named), tok.i + 1,
                              label="Company"))
        elif tok.is_sent_start and _set_off_as_company(tok):
            found.append(Span(doc, tok.i, tok.i + 1, label="Company"))
    return found


def _set_off_as_company(tok: Token) -> bool:
    """"Poolside, the coding-model startup, ...": a word, a comma, a determiner, at most
    five words ending in a company noun, and a comma (not "Separately, the company said")."""
    doc = tok.doc
    if not tok.is_alpha or tok.is_stop or tok.lower_.endswith("ly") or tok.i + 3 >= len(doc) \
            or doc[tok.i + 1].text != "," or doc[tok.i + 2].lower_ not in ("a", "an", "the"):
        return False
    nouns = _company_nouns()
    return any(doc[j].lemma_.lower() in nouns and j + 1 < len(doc) and doc[j + 1].text == ","
               for j in range(tok.i + 3, min(tok.i + 8, len(doc))))

def _capitalised_run(doc: Doc, i: int) -> int:
    """The index of the first token from `i` that does not continue a run of (at most four)
    capitalised words outside any entity; 0 when there is no such run."""
    j = i
    while j < len(doc) and j - i < 4 and doc[j].text[:1].isupper() and not doc[j].ent_type_ \
            and doc[j].lower_ not in _TAIL_TYPES:
        j += 1
    return j if j > i and j < len(doc) else 0


def _brand(tok: Token) -> bool:
    """A proper noun with a capital inside it, whatever its first letter: "iShares"."""
    return tok.tag_ == "NNP" and any(c.isupper() for c in tok.text[1:])


def _joining_hyphen(doc: Doc, i: int) -> bool:
    """A hyphen with no space around it between two capitalised words of a name
    ("Hong Kong-Listed")."""
    return doc[i].text == "-" and i > 0 and not doc[i - 1].whitespace_ \
        and not doc[i].whitespace_ and doc[i - 1].text[:1].isupper() \
        and doc[i + 1].text[:1].isupper()


def _inner_all(doc: Doc, i: int) -> bool:
    """A capitalised "All" between capitalised words is part of a name ("CSI All Share")."""
    tok = doc[i]
    return tok.text == "All" and i > 0 and not tok.is_sent_start \
        and doc[i - 1].text[:1].isupper() and i + 1 < len(doc) and doc[i + 1].text[:1].isupper()


def _joined_name_start(doc: Doc, conj: int) -> int:
    """Where an index or fund name that holds "and" begins, when title-case words run back
    from the "and" at `conj` to "the" ("the CSI Cloud Computing and Big Data Theme Index");
    0 when they do not, or name a known company, a number or a fund or index of their own
    ("the CSI 300 and CSI 500 indices")."""
    i = conj
    while i > 0 and (word := doc[i - 1]).text[:1].isupper() and word.is_alpha \
            and not word.ent_id_ and word.lower_ not in _TAIL_TYPES:
        i -= 1
    return i if i < conj and i > 0 and doc[i - 1].lower_ == "the" else 0


def _name_start(doc: Doc, found: Span) -> int:
    """Where a fund or index name begins: capitalised words of the same noun phrase before
    what NER found ("Solactive China" before "Cloud Computing Index", "STAR Market" before
    "50 Index"), a capitalised "All" inside the name included ("CSI All Share"), and an
    issuer's name joined by a hyphen ("Huatai-" before "PineBridge CSI 300 ETF")."""
    start, head = found.start, found.root
    while start > 0:
        tok = doc[start - 1]
        if _inner_all(doc, start - 1):
            start -= 1
            continue
        if start > 1 and _joining_hyphen(doc, start - 1) \
                and doc[start - 2].ent_type_ in _ISSUER_PARTS:
            start -= 2
            continue
        if tok.lower_ in ("and", "&") and (joined := _joined_name_start(doc, start - 1)):
            return joined  # "the CSI Cloud Computing and Big Data Theme Index"
        if tok.ent_type_ not in _ISSUER_PARTS or not (
                tok.text[:1].isupper() or tok.text[:1].isdigit()
                or any(c.isupper() for c in tok.text[1:])):  # "iShares"
            break
        brand = tok.tag_ == "NNP" and (  # "KODEX", "CSI", "iShares", the "E" of "E Fund"
            tok.text.isupper() or _brand(tok))
        if not brand and (tok.dep_ not in ("compound", "amod", "nmod") or tok.head.i < start - 1
                          or (tok.head.i >= start and tok.head != head
                              and tok.head.head != head and tok.head.i > head.i)):
            break
        start -= 1
    return start
