"""A relation's status from the words that govern its trigger: denied, rumored, planned,
completed or (by default) announced. Cues are data (data/statuses.yaml)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache

from spacy.tokens import Span, Token

from capexgraph.extract.lexicon import Cues, status_cues, triggers
from capexgraph.schema import Status

_ORDER: tuple[Status, ...] = ("denied", "rumored", "planned", "completed")
# Clauses with a status of their own: a coordinated clause, an adjunct ("after raising ..."),
# a relative clause. Complements ("denied that it invested", "plans to invest") inherit.
_OWN_STATUS = frozenset({"conj", "advcl", "pcomp", "relcl"})


_BOUNDS = ("more", "less", "fewer", "later", "earlier")
_TALKS = frozenset({"talks", "discussions", "negotiations"})


def _no(det: Token) -> bool:
    """A determiner "no" that denies ("no stake"), not one that bounds an amount ("raise no
    more than 3.5 billion yuan")."""
    after = det.doc[det.i + 1] if det.i + 1 < len(det.doc) else None
    return det.dep_ == "det" and det.lower_ == "no" and not (
        after is not None and after.lower_.startswith(_BOUNDS))


def _governors(trigger: Token) -> list[Token]:
    """The trigger and every head above it, up to the sentence root; a coordinated clause
    stops the climb ("X reported results, and it plans to invest": only "plans" governs),
    and so does a semicolon ("X announced it had received an investment from Y; the
    amount was not disclosed", parsed with "disclosed" governing "announced")."""
    chain = [trigger]
    doc = trigger.doc
    while chain[-1].head.i != chain[-1].i and not _background(chain[-1]) and not (
            chain[-1].dep_ in _OWN_STATUS and chain[-1].pos_ in ("VERB", "AUX")
            and not _noun_complement(chain[-1])):
        head = chain[-1].head
        low, high = sorted((trigger.i, head.i))
        if any(t.text == ";" for t in doc[low + 1:high]):
            break
        chain.append(head)
    return chain


def _noun_complement(tok: Token) -> bool:
    """"rejected a proposal for Tesla to invest": an infinitive the parser hung on a noun as
    an adjunct completes the noun, so what is said of the noun is said of it."""
    return tok.dep_ == "advcl" and tok.head.pos_ == "NOUN" \
        and any(c.tag_ == "TO" for c in tok.children)


def _background(tok: Token) -> bool:
    """A relative clause or an apposition: a description the writer vouches for, whatever
    the sentence around it hedges or denies ("OpenAI, which uses Nscale capacity, did not
    invest, a person familiar said"; "ASML, Mistral's largest shareholder, is not funding
    the campus"); not an infinitive the parser calls relative ("in talks to invest")."""
    if tok.dep_ == "appos":
        return True
    return tok.dep_ == "relcl" and not any(c.tag_ == "TO" for c in tok.children)


def _matches(cues: Cues, chain: list[Token], sentence: str, hedge: bool = False) -> bool:
    # "its investment of X may be raised": a noun that is the subject is presupposed; the
    # modal of its verb is about the predicate, not about the investment
    presupposed = chain[0].pos_ in ("NOUN", "PROPN") and chain[0].dep_ in (
        "nsubj", "nsubjpass")
    for tok in chain:
        # a trigger is not its own hedge: "Naura weighs 8.2%" is a weight, not a "weighing";
        # nor is a verb that measures ("Its largest member, X, weighs 9.6%")
        if tok.lemma_.lower() in cues.lemmas and not (hedge and tok is chain[0]) \
                and not any(c.text == "%" or c.like_num for c in tok.children
                            if c.dep_ in ("dobj", "npadvmod", "attr")):
            return True
        for child in tok.children:
            if child.dep_ in ("aux", "auxpass", "advmod") and (
                (child.lower_ in cues.modals and not presupposed)
                or child.lemma_.lower() in cues.lemmas
            ):
                return True
    return _says_phrase(cues.phrases, sentence)


def _says_phrase(phrases: tuple[str, ...], words: str) -> bool:
    """Whether any phrase is among `words` (the tokens joined by spaces, so a hyphenated
    phrase is written "non - binding" there)."""
    return any(p in words for p in _spaced(phrases))


@cache
def _spaced(phrases: tuple[str, ...]) -> tuple[str, ...]:
    """The phrases with their hyphens spaced as the tokens are (asked for every relation)."""
    return tuple(p.replace("-", " - ") for p in phrases)


def _role_noun(trigger: Token) -> bool:
    """A noun naming a role ("its parent", "its largest customer") as a subject, or a unit
    anywhere ("orders from Huawei's chip unit HiSilicon"): what its verb denies is something
    else ("its parent would not sell shares", "had not received any orders from ...")."""
    lex = triggers()
    roles = lex.invests.investor_nouns | lex.supplies.nouns | lex.supplies.customer_nouns
    return (trigger.lemma_.lower() in roles and trigger.dep_ in ("nsubj", "nsubjpass")) \
        or trigger.lemma_.lower() in lex.invests.owned_nouns


@dataclass(frozen=True)
class _Clauses:
    """What `_scope` reads of a sentence whatever the trigger: its coordinated verbs (with
    their subtrees, and whether each has its own subject), its contrasting clauses, its
    complements, its semicolons and its talks' modifiers, and its words."""
    coordinated: tuple[tuple[Token, frozenset[int], bool], ...]
    contrasts: tuple[frozenset[int], ...]
    complements: tuple[tuple[int, int, frozenset[int]], ...]  # (word, its head, subtree)
    semicolons: tuple[int, ...]
    talks: frozenset[int]
    words: frozenset[int]
    lower: dict[int, str]


@lru_cache(maxsize=8)  # every relation of a sentence asks
def _clauses(sent: Span) -> _Clauses:
    coordinated = [t for t in sent if t.dep_ == "conj" and t.pos_ in ("VERB", "AUX")
                   and any(c.dep_ == "cc" and t.head.i < c.i < t.i for c in t.head.children)]
    contrasts = [t for t in sent if t.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in ("while", "whereas") for c in t.children)
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)]
    return _Clauses(
        coordinated=tuple((c, frozenset(d.i for d in c.subtree), any(
            d.dep_ in ("nsubj", "nsubjpass") for d in c.children)) for c in coordinated),
        contrasts=tuple(frozenset(d.i for d in c.subtree) for c in contrasts),
        complements=tuple((t.i, t.head.i, frozenset(d.i for d in t.subtree)) for t in sent
                          if t.dep_ in ("ccomp", "xcomp")),
        semicolons=tuple(t.i for t in sent if t.text == ";"),
        talks=frozenset(d.i for t in sent if t.lower_ in _TALKS and t.head.lower_ == "in"
                        for left in t.lefts for d in left.subtree),
        words=frozenset(t.i for t in sent),
        lower={t.i: t.lower_ for t in sent},
    )


def _scope(trigger: Token, sent: Span) -> str:
    """The words a hedge phrase must be among: the sentence, less the clauses coordinated
    with the trigger's own ("Oracle agreed to buy Nvidia chips, according to a report, and it
    has ordered AMD accelerators": the report is not about the order, nor the order about
    it). A coordinated clause has its own subject and an "and" or "but" before it; an
    attribution the parser hung as a conjunct (", said people briefed") stays in scope."""
    read = _clauses(sent)
    own = [(c, span) for c, span, subject in read.coordinated if subject and trigger.i in span]
    inner = min(own, key=lambda c: len(c[1])) if own else None  # the trigger's own clause
    region = set(inner[1]) if inner is not None else set(read.words)
    if inner is not None:  # and what governs the whole coordination ("A supplies X, and B
        top = inner[0]  # has become a vendor to Y, people in the supply chain said": the
        while top.dep_ == "conj":  # attribution is of both)
            top = top.head
        region |= read.words - {d.i for d in top.subtree}
    # a coordinated predicate that shares the subject is skipped too, though it bounds no
    # region ("X confirmed it has started supplying HBM3E to Nvidia, and is in talks to
    # supply HBM4": the talks are not the supply's; but in "X has passed the tests and will
    # begin supplying Nvidia, according to people familiar" the attribution is of both)
    skip = {i for _, span, _ in read.coordinated if trigger.i not in span for i in span}
    # a contrasting clause is another fact ("X will provide generators for xAI, while Y is
    # in advanced talks to sell turbines to Crusoe"), and so is the main clause to it
    for inside in read.contrasts:
        skip |= inside if trigger.i not in inside else read.words - inside
    # nor what its governors say in a complement it is not part of ("IREN chief executive
    # Daniel Roberts said the company was in talks with others")
    chain = {t.i for t in _governors(trigger)}
    skip |= {d for i, head, subtree in read.complements if head in chain and i not in chain
             for d in subtree}
    # an attribution that ends the clause before a semicolon is that clause's ("Alibaba has
    # abandoned plans to buy H20 chips, people familiar said; it now buys from T-Head")
    semicolon = max((i for i in read.semicolons if i < trigger.i), default=None)
    if semicolon is not None:
        skip |= set(range(sent.start, semicolon))
    # how far along the talks are is no part of the phrase: "in 'final-stage' talks" reads
    # as "in talks"
    skip |= read.talks
    return " " + " ".join(read.lower[i] for i in sorted(region - skip)) + " "


def _subject_title(chain: list[Token]) -> int:
    """How much of the chain a title inside its clause's subject keeps: "Zhipu chief
    executive Zhang Peng dismissed speculation" does not dismiss that he runs Zhipu."""
    if chain[0].lower_ not in triggers().executives.title_words():
        return len(chain)
    for i, tok in enumerate(chain):
        if tok.dep_ in ("nsubj", "nsubjpass"):
            return i + 1
        if tok.dep_ not in ("compound", "amod", "appos", "poss", "nmod", "flat"):
            break
    return len(chain)


@cache
def _publication_phrases() -> tuple[str, ...]:
    """What a publication's report is told with: "Bloomberg reported", "according to The
    Information"."""
    return tuple(f" {form} " for p in status_cues().publications for form in (
        f"{p} reported", f"{p} reports", f"{p} has reported", f"according to {p}",
        f"reported by {p}"))


def _hyphened_participle(trigger: Token) -> bool:
    """"Microsoft-backed", "SoftBank-owned": a participle modifying a noun."""
    return trigger.tag_ == "VBN" and trigger.i >= 2 and trigger.doc[trigger.i - 1].text == "-" \
        and trigger.dep_ in ("amod", "compound")


def relation_status(trigger: Token, sent: Span) -> Status:
    if sent.text.rstrip().endswith("?"):
        return "rumored"  # "Who supplies the GPUs for the Anthropic build?": asked, not told
    cues = status_cues()
    chain = _governors(trigger)
    kept = _subject_title(chain)
    sentence = _scope(trigger, sent)
    if _hyphened_participle(trigger):  # "Microsoft-backed OpenAI has signed ..., people
        kept = 2  # familiar said": the backing is taken as known, only its noun phrase counts
    elif trigger.ent_type_ and any(c.dep_ == "poss" for c in trigger.children):
        kept = 1  # "Elon Musk's xAI is in talks": whose it is, is taken as known
    titled = kept < len(chain)
    if titled:  # a title in the subject: only the subject's own words count
        chain = chain[:kept]
    if titled or _background(chain[-1]):  # only the description's own words count
        sentence = " " + " ".join(t.lower_ for t in chain[-1].subtree) + " "
    # "has not invested", "in which it has no stake"
    negated = any(c.dep_ == "neg" or _no(c)
                  for t in (chain[:1] if _role_noun(trigger) else chain) for c in t.children)
    # "in which SK Hynix holds no stake": the verb's object is denied
    negated = negated or (trigger.pos_ in ("VERB", "AUX") and any(
        o.dep_ == "dobj" and any(_no(d) for d in o.children) for o in trigger.children))
    # "has yet to pass Nvidia's qualification", "is yet to win an order": not so far
    negated = negated or any(
        t.lemma_ in ("have", "be") and any(c.lower_ == "yet" for c in t.children)
        and chain[k - 1].dep_ == "xcomp" for k, t in enumerate(chain) if k > 0)
    if negated or _matches(cues.denied, chain, sentence):
        return "denied"
    last = chain[-1]  # "ending a period in which it was backed by Oracle": that is over
    if last.dep_ == "relcl" and last.head.dep_ == "dobj" \
            and last.head.head.lemma_.lower() in cues.ending:
        return "denied"
    # "declined to say whether it had invested": an open question asserts nothing
    if any(c.dep_ == "mark" and c.lower_ == "whether" for t in chain for c in t.children):
        return "rumored"
    # "SMIC is widely reported to manufacture Ascend chips for Huawei" (through verbs only,
    # not what a name on the way up presupposes: "Enflame, backed by Tencent, is reported
    # to be preparing an IPO", "Xiaomi's chip unit XRing is reported to be in talks")
    if any(t.lemma_.lower() in cues.hearsay_passives
           and any(c.dep_ == "auxpass" for c in t.children)
           and all(u.pos_ in ("VERB", "AUX") for u in chain[:k])
           for k, t in enumerate(chain) if k > 0):
        return "rumored"
    described = titled or _background(chain[-1])
    if _unconfirmed(chain[-1].subtree if described else sent, cues.confirming):
        return "rumored"  # (a description is vouched for: "Sanechips, a ZTE subsidiary, is
        # said to be preparing an IPO, which ZTE did not confirm"; unless its own words say
        # otherwise: "Siemens Energy, whose order from xAI was not confirmed")
    if any(p in sentence for p in _publication_phrases()):
        return "rumored"
    for status in _ORDER[1:]:
        if _matches(getattr(cues, status), chain, sentence, hedge=status == "rumored"):
            return status
    if trigger.tag_ == "VBN" and any(c.lemma_ == "have" for c in trigger.children):
        return "completed"
    return "announced"


def _unconfirmed(words: Iterable[Token], confirming: frozenset[str]) -> bool:
    """Whether the sentence says nobody confirmed what it tells ("We hear Wiwynn has won an
    order from Meta, though neither company has confirmed it"): a confirming verb negated,
    or whose subject is "neither" or "no" one."""
    return any(t.lemma_.lower() in confirming and (
        any(c.dep_ == "neg" for c in t.children) or any(
            d.lower_ in ("neither", "no", "none", "nobody") for c in t.children
            if c.dep_ in ("nsubj", "nsubjpass") for d in c.subtree))
        for t in words)


def told_on_hearsay(sent: Span) -> bool:
    """Whether a sentence reports what unnamed people say ("according to people familiar with
    the plans"): the next sentence's plans may be part of the same report."""
    words = " " + " ".join(t.lower_ for t in sent) + " "
    return _says_phrase(status_cues().rumored.phrases, words)


def continues_hearsay(status: Status, sent: Span) -> bool:
    """Whether a relation planned in the sentence after hearsay is part of that report: it
    is, unless its own sentence says who says so."""
    cues = status_cues().attribution
    return status == "planned" and not any(t.lemma_.lower() in cues for t in sent)
