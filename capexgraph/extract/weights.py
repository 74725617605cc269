"""Index weights and member lists: which percentage belongs to which member.

Weights are written next to their member: "Tencent (10.2%)", "TSMC at 10.4%", "Nvidia carries
a weight of 9.2%", "Intel's weighting has fallen to 3.1%", and, once a sentence has said what
the list is about, the rest of the list needs no verb: "..., Apple 8.7% and Microsoft 8.1%".
A percentage shared by several names ("together", "collectively") is nobody's weight, and a
price move ("Kuaishou gained 4%") is not a weight. Word lists live in data/triggers.yaml.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import pairwise

from spacy.tokens import Span, Token

from capexgraph.extract.lexicon import triggers
from capexgraph.extract.money import APPROXIMATORS
from capexgraph.extract.registry import EntityRegistry, Mention

_REACH = 16  # tokens between a member and its weight, at most
_STOPS = frozenset({";", "while", "whereas", "but"})


def percent_value(tok: Token) -> float | None:
    """The number of a percentage whose "%" (or "percent") is `tok`."""
    if tok.text != "%" and tok.lower_ not in ("percent", "pct"):
        return None
    if tok.i > 0 and tok.doc[tok.i - 1].like_num:  # the number written against it, not a
        return number_value(tok.doc[tok.i - 1])  # code the parser hung on it ("600519 ... 4.6%")
    nums = [c for c in tok.children if c.like_num  # (not one a bracket sets apart: "2.7
            and not any(t.text == "(" for t in tok.doc[c.i:tok.i])]  # (% of net assets)")
    return number_value(nums[0]) if nums else None


def number_value(tok: Token) -> float | None:
    """The value of a number token ("19.6", "1,234"), None for a number word ("ten")."""
    try:
        return float(tok.text.replace(",", ""))
    except ValueError:
        return None


def weight_after(sent: Span, mention: Mention, mentions: dict[int, Mention],
                 registry: EntityRegistry) -> float | None:
    """The weight written after one member's name, if it is that member's alone."""
    lex = triggers().constituents
    shared = distributive = moved = moved_aside = weighted = False
    doc = sent.doc
    # "ASML, which fell from the top holdings, still represents 4.1%": a move told in a
    # relative clause is no move of the weight's ("SMIC, which accounts for 10.4%" still is)
    aside = {t.i for c in doc[mention.start:mention.end].root.children if c.dep_ == "relcl"
             for t in c.subtree}
    # "Tencent, Alibaba, Meituan and Xiaomi account for more than 70%": a list's verb gives
    # the list its weight (not "Apple 8.7% and Microsoft 8.1%", nor "each make up 8%")
    root = doc[mention.start:mention.end].root
    listed = root.dep_ == "conj" or any(c.dep_ == "conj" for c in root.children)
    verbed = False
    for i in range(mention.end, min(sent.end, mention.end + _REACH + len(aside))):
        tok = doc[i]
        lemma = tok.lemma_.lower()
        other = mentions.get(i)
        if tok.lower_ in _STOPS:
            return None
        if other is not None and other.entity_id != mention.entity_id and registry.type_of(
                other.entity_id) == "Company" and not distributive:
            # "Broadcom and Nvidia each make up 8%": each name gets the weight
            distributive = any(doc[j].lower_ == "each" for j in range(i, sent.end)
                               if j < i + _REACH)
            if not distributive:
                return None
        shared = shared or tok.lower_ in lex.collective
        verbed = verbed or (tok.pos_ in ("VERB", "AUX") and i not in aside)
        moves = lemma in lex.price_moves or (tok.lower_ in lex.move_adverbs and (
            tok.dep_ != "prt" or tok.head.lemma_.lower() in lex.session_verbs))  # "edged up"
        if i in aside:
            moved_aside = moved_aside or moves
        else:
            moved = moved or moves
        # (not "The chipmaker's shares rose 4%": the shares that move are stock)
        weighted = weighted or (lemma in lex.weight_nouns and not (
            tok.tag_ == "NNS" and lemma == "share" and tok.dep_ == "nsubj"
            and tok.head.lemma_.lower() in lex.price_moves))
        value = percent_value(tok)
        if value is not None and i in aside and moved_aside and not weighted:
            continue  # "Intel, which fell 3%, is 2.4% of the index"
        if value is not None:
            together = listed and verbed and not distributive and not any(
                doc[j].lower_ == "each" for j in range(mention.end, i))
            return None if shared or together or (moved and not weighted) else value
    return None


def headed_weight(sent: Span, mention: Mention, mentions: dict[int, Mention]) -> float | None:
    """A bare number after a name in a list whose heading or closing note gave the unit:
    "Top holdings (% of net assets): Nvidia 19.6; Broadcom 8.3", "Top 10 holdings: Tencent
    10.9; ...; Bilibili 2.7 (% of net assets)"."""
    listed = _percent_list(sent)
    if listed is None or not listed[0] <= mention.start < listed[1]:
        return None
    end = _name_end(sent, mention, mentions)
    tok = sent.doc[end] if end < sent.end else None
    return number_value(tok) if tok is not None and tok.like_num else None


def _percent_list(sent: Span) -> tuple[int, int] | None:
    """The tokens [start, end) of a list whose numbers a bare percent sign gives the unit
    of: after a heading's colon, or before a closing "(% of ...)"."""
    for tok in sent:
        if (tok.text == "%" or tok.lower_ == "percent") and percent_value(tok) is None:
            colon = next((t.i for t in sent.doc[tok.i:sent.end] if ":" in t.text), None)
            if colon is not None and colon - tok.i <= 8:
                return colon, sent.end
            if tok.i > sent.start and sent.doc[tok.i - 1].text == "(" and not any(
                    t.like_num for t in sent.doc[tok.i:sent.end]):
                before = next((t.i for t in reversed(sent.doc[sent.start:tok.i])
                               if ":" in t.text), sent.start)
                return before, tok.i - 1
            return None
    return None


def _name_end(sent: Span, mention: Mention, mentions: dict[int, Mention]) -> int:
    """Where a name ends, with the rest of a name the gazetteer matched in part ("Hygon
    Information")."""
    end = mention.end
    while end < sent.end and sent.doc[end].pos_ == "PROPN" and end not in mentions:
        end += 1
    return end


def clause_weight(sent: Span, mention: Mention, mentions: dict[int, Mention],
                  registry: EntityRegistry) -> float | None:
    """The weight its clause gives the one company a sentence names, however far from the
    name: "Zhongji Innolight is the largest holding of the Invesco China Technology ETF
    (CQQQ), at 8.4% of assets"."""
    companies = {m.entity_id for i, m in mentions.items() if sent.start <= i < sent.end
                 and m.named and registry.type_of(m.entity_id) == "Company"}
    if companies != {mention.entity_id}:
        return None
    verb = sent.doc[mention.start:mention.end].root
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    return next((value for p in verb.children if p.dep_ == "prep" and p.lower_ == "at"
                 for o in p.children if o.dep_ == "pobj"
                 and (value := percent_value(o)) is not None), None)


def respective_weights(sent: Span, mentions: dict[int, Mention],
                       registry: EntityRegistry) -> dict[str, float]:
    """Weights written as a list of their own after a list of names, in the same order:
    "Tencent, Alibaba and PDD, at 11%, 10% and 7%", "... with weights of 8.2%, 7.9% and 7.6%
    respectively". Only when the counts agree and no weight sits among the names; when the
    sentence's lists do not agree, each clause a semicolon sets off may have its own ("A, B
    and C weigh 11%, 9% and 8% respectively; D and E rose 4%")."""
    doc = sent.doc
    whole = _respective_in(sent, mentions, registry)
    cuts = [sent.start, *(t.i + 1 for t in sent if t.text == ";"), sent.end]
    if whole or len(cuts) == 2:
        return whole
    return {k: v for a, b in pairwise(cuts) if b > a
            for k, v in _respective_in(doc[a:b], mentions, registry).items()}


def _respective_in(sent: Span, mentions: dict[int, Mention],
                   registry: EntityRegistry) -> dict[str, float]:
    doc = sent.doc
    names = sorted({m.start: m for i, m in mentions.items() if sent.start <= i < sent.end
                    and m.named and registry.type_of(m.entity_id) == "Company"}.values(),
                   key=lambda m: m.start)
    if len(names) < 2:
        return {}
    roots = [doc[m.start:m.end].root for m in names]
    # "A, B and C" may be parsed as A with the apposition "B and C"
    listed = [m for m, r in zip(names, roots, strict=True)
              if r.dep_ in ("conj", "appos") or any(c.dep_ in ("conj", "appos")
                                                     for c in r.children)]
    if len(listed) < 2 or len({m.entity_id for m in listed}) != len(listed):
        return _respective_to_movers(sent, names)
    first, last = listed[0].start, listed[-1].end
    if any(percent_value(doc[i]) is not None for i in range(first, last)):
        return {}
    values: list[float] = []
    lex = triggers().constituents
    for i in range(last, sent.end):
        if not values and (doc[i].lemma_.lower() in lex.price_moves or (
                doc[i].lower_ in lex.move_adverbs and doc[i].dep_ != "prt")):
            return {}  # "A, B and C were up 5%, 4% and 9% respectively": price moves
        if doc[i].lower_ in _STOPS or doc[i].lower_ == "each" or (
                i in mentions and mentions[i].named
                and registry.type_of(mentions[i].entity_id) == "Company"):
            break  # "... each make up 8%", "while Intel's weighting has fallen to 3.1%";
            # not "A and B, its two largest weights at 7.9% and 6.1%"
        if (value := percent_value(doc[i])) is not None:
            values.append(value)
    if len(values) != len(listed):
        return {}
    return {m.entity_id: v for m, v in zip(listed, values, strict=True)}


def _respective_to_movers(sent: Span, names: list[Mention]) -> dict[str, float]:
    """Weights given "respectively" to names each told with a move of its own: "Naura rose
    5.1% and AMEC rose 4.4%, the two largest weights in the ETF at 15.2% and 12.8%
    respectively" (the weights follow the weight noun after the last name); the sentence's
    end closes them as well as "respectively" does ("...; the two stocks are its top
    holdings, with weights of 11.3% and 9.6%")."""
    doc, lex = sent.doc, triggers().constituents
    ends = [t.i for t in sent if t.lower_ == "respectively"] or [sent.end]
    if len({m.entity_id for m in names}) != len(names):
        return {}
    noun = next((t.i for t in doc[names[-1].end:ends[0]]
                 if t.lemma_.lower() in lex.weight_nouns | lex.nouns), None)
    if noun is None:
        return {}
    values = [v for t in doc[noun:ends[0]] if (v := percent_value(t)) is not None]
    if len(values) != len(names):
        return {}
    return {m.entity_id: v for m, v in zip(names, values, strict=True)}


def names_weights(words: Iterable[Token]) -> bool:
    """Whether words head a list of weights: "Top 10 holdings", "Ticker Name Weight"."""
    nouns = triggers().constituents.heading_nouns
    return any(w.lower_.removesuffix("s") in nouns for w in words)


def listed_members(sent: Span, mentions: dict[int, Mention], registry: EntityRegistry,
                   skip: set[str]) -> Iterator[tuple[str, float | None]]:
    """Companies that continue a list of members without a verb of their own: a name with a
    percentage right after it ("Apple 8.7%", "HSBC (close behind) at 8.9%", "Alibaba for 9.6%" after
    "Tencent accounts for 10.2%", "Micron 4.2" under a heading in percent), or a name that
    "follows"."""
    lex = triggers().constituents
    doc = sent.doc
    for m in sorted({m.start: m for i, m in mentions.items()
                     if sent.start <= i < sent.end and m.named}.values(), key=lambda m: m.start):
        if m.entity_id in skip or registry.type_of(m.entity_id) != "Company":
            continue
        if (headed := headed_weight(sent, m, mentions)) is not None:
            yield m.entity_id, headed
            continue
        end = _name_end(sent, m, mentions)
        at = next((t for t in doc[end:min(sent.end, end + 5)] if t.lower_ == "at"), None)
        # "with Alibaba close behind at 9.7%", "with Hanmi a distant third at 6.3%"
        if at is not None and (all(t.pos_ in ("ADV", "ADJ") for t in doc[end:at.i]) or (
                doc[end].lower_ in ("a", "the") and all(
                    t.pos_ in ("ADJ", "NOUN") or t.like_num for t in doc[end + 1:at.i]))):
            end = at.i
        after = doc[end:min(sent.end, end + 4)]
        gap = [t for t in after if t.text not in ("(", "at", "for")  # "..., Alibaba for 9.6%",
               and t.lower_ not in APPROXIMATORS]  # "and MediaTek roughly 4%"
        if gap and gap[0].like_num and len(gap) > 1 and percent_value(gap[1]) is not None:
            yield m.entity_id, percent_value(gap[1])
            continue
        root = doc[m.start:m.end].root
        if _follows(root, lex.follow_verbs):
            yield m.entity_id, None


def _follows(root: Token, verbs: frozenset[str]) -> bool:
    """"NetEase and Baidu follow" or "followed by Naura and Will Semiconductor"."""
    t = root
    while t.dep_ == "conj":
        t = t.head
    if t.dep_ == "nsubj" and t.head.lemma_.lower() in verbs:
        return not any(c.dep_ == "dobj" for c in t.head.children)
    return (t.dep_ == "pobj" and t.head.dep_ == "agent"
            and t.head.head.lemma_.lower() in verbs)
