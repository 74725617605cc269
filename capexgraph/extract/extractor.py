"""From articles to entities and relations: the extractor that the CLI and stores call.

Blocks of every article go through spaCy in one `nlp.pipe` stream; mentions are resolved per
article (so "the company" and "Alibaba-W" find their entity), then the rules of
`relations.py` run sentence by sentence, and each candidate gets its status, amount in USD,
evidence span and confidence.
"""

from __future__ import annotations

import multiprocessing
import re
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from capexgraph.dates import header_lines
from capexgraph.extract.gazetteer import Gazetteer, default_gazetteer
from capexgraph.extract.lexicon import triggers
from capexgraph.extract.mentions import find_mentions
from capexgraph.extract.money import FoundAmount, find_amounts, is_unit_price
from capexgraph.extract.names import infer_type, is_legal_name
from capexgraph.extract.nlp import AMOUNTS_KEY, GAZETTEER_PIPE, load_pipeline
from capexgraph.extract.registry import EntityRegistry, Mention
from capexgraph.extract.relations import SentenceRules
from capexgraph.extract.rule_base import Candidate
from capexgraph.extract.segment import Block, headline_text, segment
from capexgraph.extract.status import continues_hearsay, relation_status, told_on_hearsay
from capexgraph.extract.weights import names_weights
from capexgraph.schema import Article, ArticleExtraction, Entity, Evidence, Relation, Status

_MONEY_RELATIONS = frozenset({"INVESTS_IN", "SUPPLIES"})
_OWN_NAME = frozenset({"personal", "personally", "private", "privately", "individual"})
_BASE_CONFIDENCE = 0.6
_KNOWN_BONUS = 0.15
_INDIRECT_PENALTY = 0.15
_NAME_WORDS = 6  # a legal name heading an announcement, at most


@dataclass
class _ArticleState:
    article: Article
    registry: EntityRegistry
    relations: dict[tuple[str, str, str, str | None, int], Relation] = field(
        default_factory=dict)
    hearsay: frozenset[str] = frozenset()  # who the last sentence named, if told on hearsay
    # members of "the index" that resolved to a fund, none being named yet: keys of relations
    index_members: list[tuple[str, str, str, str | None, int]] = field(default_factory=list)


class Extractor:
    """Reads articles with one loaded spaCy pipeline; reuse it, loading costs a second."""

    def __init__(self, model: str | None = None, gazetteer: Gazetteer | None = None) -> None:
        self.model = model
        self.nlp = load_pipeline(model)
        self._gazetteer_ruler = self.nlp.get_pipe(GAZETTEER_PIPE)
        self.gazetteer = gazetteer or default_gazetteer()

    def extract(self, article: Article) -> ArticleExtraction:
        return next(self.extract_many([article]))

    def extract_many(
        self, articles: Iterable[Article], batch_size: int = 64, n_process: int = 1
    ) -> Iterator[ArticleExtraction]:
        """Extractions in input order; with `n_process` > 1, whole articles are read in
        that many worker processes (parsing and rules both), each with its own pipeline."""
        if n_process > 1:
            yield from self._in_workers(articles, n_process)
            return
        states: list[_ArticleState] = []

        def blocks() -> Iterator[tuple[str, tuple[int, Block]]]:
            for article in articles:
                states.append(_ArticleState(article, EntityRegistry(self.gazetteer)))
                title, headers = _header_spans(article)
                if title is not None and (headline := headline_text(article.text, title)):
                    # only the gazetteer reads it: known names, no parse
                    _note_headline(self._gazetteer_ruler(self.nlp.make_doc(headline)),
                                   states[-1].registry)
                _note_signature(article.text, states[-1].registry)
                for block in segment(article.text, headers):
                    yield block.text, (len(states) - 1, block)
                yield "", (len(states) - 1, Block(len(article.text), ""))  # end marker

        for doc, (index, block) in self.nlp.pipe(
            blocks(), as_tuples=True, batch_size=batch_size, n_process=n_process
        ):
            state = states[index]
            if block.text:
                self._read_block(state, doc, block)
                continue
            _members_of_the_tracked_index(state)
            yield ArticleExtraction(
                article=state.article,
                entities=_used_entities(state),
                relations=tuple(state.relations.values()),
            )
            states[index] = None  # type: ignore[call-overload]  # free the article's memory

    def _in_workers(self, articles: Iterable[Article],
                    n_process: int) -> Iterator[ArticleExtraction]:
        context = multiprocessing.get_context("spawn")  # no fork of a threaded parent
        with ProcessPoolExecutor(n_process, mp_context=context, initializer=_start_worker,
                                 initargs=(self.model, self.gazetteer)) as pool:
            for extractions in pool.map(_extract_chunk, _chunks(articles, _CHUNK)):
                yield from extractions

    def _read_block(self, state: _ArticleState, doc: Doc, block: Block) -> None:
        mentions: dict[int, Mention] = {}
        amounts = _amount_tokens(doc)
        for sent in doc.sents:
            mentions.update(find_mentions(doc, state.registry, sent))
            rules = SentenceRules(sent, mentions, state.registry, amounts)
            found = _via_executives(list(rules.candidates()), state.registry, doc)
            statuses: dict[int, Status] = {}  # a trigger's status, read once per sentence
            for cand in found:
                rel = self._relation(state, cand, sent, mentions, block, statuses)
                # both parties of a plan are those of the report before it: the same deal;
                # or the plan joins the round reported ("xAI is in talks to raise $15
                # billion, according to people familiar. Nvidia is expected to take part.")
                # (so too a plan after a semicolon that ends such a report: "X is in talks to
                # raise $500 million, people familiar said; Y is expected to participate")
                heard = state.hearsay | _heard_before_semicolon(sent, cand.trigger, mentions)
                same = {rel.source, rel.target} <= heard or (
                    cand.rule == "invest.join_round" and rel.target in heard)
                if same and continues_hearsay(rel.status, sent):
                    rel = rel.model_copy(update={"status": "rumored"})
                key = (rel.type, rel.source, rel.target, rel.role, block.offset(sent.start_char))
                known = state.relations.get(key)
                if known is None or _told_better(rel, known):
                    state.relations[key] = rel
                if _said_of_the_index(cand, sent, mentions, state.registry):
                    state.index_members.append(key)
            state.hearsay = frozenset(m.entity_id for i, m in mentions.items()
                                      if sent.start <= i < sent.end) \
                if told_on_hearsay(sent) else frozenset()

    def _relation(self, state: _ArticleState, cand: Candidate, sent: Span,
                  mentions: dict[int, Mention], block: Block,
                  statuses: dict[int, Status]) -> Relation:
        doc = sent.doc
        trigger = doc[cand.trigger]
        points = [trigger.idx, trigger.idx + len(trigger)]
        for entity_id in (cand.source, cand.target):
            near = _nearest_mention(mentions, entity_id, sent, cand.trigger)
            if near is not None:
                points += [doc[near.start].idx, doc[near.end - 1].idx + len(doc[near.end - 1])]
        amount = cand.amount if cand.type in _MONEY_RELATIONS else None
        if amount is not None:
            points += [amount.start, amount.end]
        start, end = block.offset(min(points)), block.offset(max(points) - 1) + 1
        sentence = state.article.text[block.offset(sent.start_char):
                                      block.offset(sent.end_char - 1) + 1].strip()
        registry = state.registry
        confidence = _BASE_CONFIDENCE + _KNOWN_BONUS * (
            registry.is_known(cand.source) + registry.is_known(cand.target))
        if cand.rule.endswith(".subject") or cand.rule.endswith(".via_executive"):
            confidence -= _INDIRECT_PENALTY
        return Relation(
            type=cand.type,
            source=cand.source,
            target=cand.target,
            amount=amount.to_amount(state.article.published) if amount else None,
            # a figure no rule should have read as a weight is dropped, not fatal
            weight_pct=cand.weight_pct if cand.weight_pct is not None
            and 0 <= cand.weight_pct <= 100 else None,
            role=cand.role,
            status="announced" if cand.rule in _PRESUPPOSED else statuses.get(
                cand.trigger) or statuses.setdefault(cand.trigger,
                                                     relation_status(trigger, sent)),
            evidence=Evidence(article_id=state.article.id, sentence=sentence, start=start,
                              end=end, rule=cand.rule),
            confidence=round(min(confidence, 0.95), 2),
        )


def _told_better(rel: Relation, known: Relation) -> bool:
    """Of two rules' readings of one fact, keep the one that read its amount or weight,
    else the one that reads it as done: "Nvidia could shift orders to Fabrinet, which
    assembles its modules" hedges the orders, not the assembling (but a plan, "would make
    Google a supplier to Apple", is no surer than the rumour it follows)."""
    def rank(r: Relation) -> tuple[int, bool]:
        return r.detail, r.status in _DONE
    return rank(rel) > rank(known)


# facts a possessive names as given, which the clause around them does not hedge: "no plans
# to sell a stake in its NAND unit Solidigm" still says Solidigm is SK Hynix's
_PRESUPPOSED = frozenset({"invest.subsidiary"})
_DONE = frozenset({"announced", "completed"})
_CHUNK = 8  # articles per task sent to a worker: enough to amortise the round trip
_worker: Extractor | None = None


def _start_worker(model: str | None, gazetteer: Gazetteer) -> None:
    global _worker
    _worker = Extractor(model, gazetteer)


def _extract_chunk(articles: list[Article]) -> list[ArticleExtraction]:
    assert _worker is not None, "worker started without an extractor"
    return list(_worker.extract_many(articles))


def _chunks(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    chunk: list[Article] = []
    for article in articles:
        chunk.append(article)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


_CODED_NAME = re.compile(r"(.+?)\s*(?:\(([\w.]+)\))?")
# a fund or index that opens a headline with no dash or colon after it: "Global X
# Semiconductor ETF (SEMI) fact sheet"
_LEADING_FUND = re.compile(r"((?:\S+\s+){1,6}?(?:ETF|Fund|Index))\b\s*(?:\(([\w.]+)\))?")


def _note_headline(doc: Doc, registry: EntityRegistry) -> None:
    """The known companies, funds and indices a headline names ("CoreWeave Q3 2026 earnings
    call: selected remarks", "VanEck Semiconductor ETF (SMH): holdings", "Hang Seng TECH
    Index: weights review") are what the article is about, when its body only says "the
    company", "the fund" or "the index" (the first named, when several are: "Q&A:
    CoreWeave's finance chief on debt, Nvidia and the backlog"): no facts are read from
    words this terse, and no name the gazetteer does not know is taken from them, unless
    the headline is a company's legal name and nothing else, as an announcement's issuer
    heads it ("VOLTCORE HOLDINGS LIMITED"); a known name in capitals, or a legal name, before
    a dash or colon heads one too ("HORIZON ROBOTICS — Completion of Placing")."""
    words = doc.text.split()
    if not doc.ents and 1 < len(words) <= _NAME_WORDS and infer_type(doc.text) == "Company" \
            and all(w[:1].isupper() for w in words):
        registry.headline_company = registry.resolve(doc.text.strip(), "Company")
    lead = re.split(r"\s[—–-]\s|:", doc.text, maxsplit=1)[0].strip()
    known = registry.gazetteer.lookup(lead) if lead.isupper() else None
    if known is not None and known.type == "Company":
        registry.headline_company = registry.resolve(lead, "Company", known.id)
    elif lead.isupper() and 1 < len(lead.split()) <= _NAME_WORDS \
            and infer_type(lead) == "Company":  # "KESTREL COMPUTE HOLDINGS LIMITED — ..."
        registry.headline_company = registry.resolve(lead, "Company")
        registry.issuer_headline = True
    else:  # "ALLOTMENT RESULTS ANNOUNCEMENT — MOORE THREADS TECHNOLOGY CO., LTD.": the
        # issuer's legal name after the dash
        tail = re.split(r"\s[—–-]\s", doc.text, maxsplit=1)[1:]
        name = tail[0].strip().rstrip(".") if tail else ""
        if name.isupper() and 1 < len(name.split()) <= _NAME_WORDS \
                and infer_type(name) == "Company":
            registry.headline_company = registry.resolve(name, "Company")
            registry.issuer_headline = True
    # "Global X Semiconductor ETF (SEMI) — Fact sheet", "... ETF (SEMI) fact sheet": a fund
    # or index heading its own fact sheet is what "the fund" means, known or not
    coded = _CODED_NAME.fullmatch(lead)
    name = coded.group(1) if coded else lead
    if infer_type(name) not in ("Fund", "Index"):
        coded = _LEADING_FUND.match(lead) or coded
        name = coded.group(1) if coded else lead
    type_ = infer_type(name)
    if type_ in ("Fund", "Index") and len(name.split()) <= _NAME_WORDS \
            and all(w[:1].isupper() or w[:1].isdigit() for w in name.split()) \
            and registry.gazetteer.lookup(name) is None:
        entity_id = registry.resolve(name, type_)
        if entity_id is not None and coded and coded.group(2):
            registry.drafts[entity_id].add_ticker(coded.group(2))
    for ent in reversed(doc.ents):  # the first named is the topic: read it last
        entry = registry.gazetteer.entries.get(ent.ent_id_)
        if entry is not None and entry.type in ("Company", "Fund", "Index"):
            entity_id = registry.resolve(ent.text, entry.type, entry.id)
            if entry.type == "Company":
                registry.headline_company = entity_id
    registry.weights_heading = names_weights(doc)
    # "Nvidia GB300 supply chain map": the lists below name the company's suppliers
    if re.search(r"\bsuppl(?:y[ -]chain|iers)\b", doc.text, re.IGNORECASE):
        registry.chain_owner = registry.headline_company
    # "Alphabet Inc. - Form 10-Q (excerpt)": the filer speaks as "we" throughout
    title = doc.text.lower()
    registry.filing = any(re.search(rf"(?<![\w-]){re.escape(t)}(?![\w-])", title)
                          for t in triggers().filing_titles)


def _heard_before_semicolon(sent: Span, trigger: int,
                            mentions: dict[int, Mention]) -> frozenset[str]:
    """Who a report on hearsay names in the clause a semicolon closes before `trigger`."""
    semicolon = max((t.i for t in sent if t.text == ";" and t.i < trigger), default=None)
    if semicolon is None or not told_on_hearsay(sent.doc[sent.start:semicolon]):
        return frozenset()
    return frozenset(m.entity_id for i, m in mentions.items() if sent.start <= i < semicolon)


def _said_of_the_index(cand: Candidate, sent: Span, mentions: dict[int, Mention],
                       registry: EntityRegistry) -> bool:
    """Whether a member's holder is a fund that the sentence calls "the index" ("Among the
    index constituents, Alibaba rose 2%", before the index is named)."""
    if cand.type != "CONSTITUENT_OF" or registry.type_of(cand.target) != "Fund":
        return False
    near = _nearest_mention(mentions, cand.target, sent, cand.trigger)
    trigger = sent.doc[cand.trigger]
    if near is None:  # the holder not written: "index" modifying the member noun says it
        return any(c.lower_ == "index" for c in trigger.children if c.dep_ == "compound")
    return not near.named and sent.doc[near.start].lower_ == "index"


def _members_of_the_tracked_index(state: _ArticleState) -> None:
    """Members of "the index" given to a fund go to the index the article then says the
    fund tracks (the digest's "Among the index constituents, ... The ETF tracks the CSI
    Hong Kong Internet Index")."""
    for key in state.index_members:
        rel = state.relations.get(key)
        if rel is None:
            continue
        tracked = {r.target for r in state.relations.values()
                   if r.type == "TRACKS" and r.source == rel.target}
        if len(tracked) != 1:
            continue
        index = tracked.pop()
        del state.relations[key]
        moved = (key[0], key[1], index, key[3], key[4])
        if moved not in state.relations:
            state.relations[moved] = rel.model_copy(update={"target": index})


def _note_signature(text: str, registry: EntityRegistry) -> None:
    """A filing whose headline names no company ("Form 10-K excerpt: Concentration of
    customers") is the company whose legal name signs it off on a line of its own
    ("Marvell Technology, Inc."): that is who "we" are."""
    if not registry.filing or registry.headline_company is not None:
        return
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    signed = next((line for line in reversed(lines[-3:]) if is_legal_name(line)), None)
    if signed is not None:
        registry.headline_company = registry.resolve(signed, "Company")


def _header_spans(article: Article) -> tuple[tuple[int, int] | None,
                                              tuple[tuple[int, int], ...]]:
    """The headline's span when it is the article's title, and the spans the body skips
    (that headline and a dateline)."""
    headline, dateline, _ = header_lines(article.text)
    title = article.text[headline[0]:headline[1]].strip()
    skipped = headline if title and title == article.title.strip() else None
    return skipped, tuple(s for s in (skipped, dateline) if s is not None)


def _amount_tokens(doc: Doc) -> list[tuple[int, int, FoundAmount]]:
    """The amounts of a doc as token ranges; a price per share ("at $23.28 each", "HK$9.20
    per share") is no deal's amount."""
    out = []
    found_all = doc.user_data.get(AMOUNTS_KEY)  # found by the pipeline before parsing
    for found in find_amounts(doc.text) if found_all is None else found_all:
        if is_unit_price(doc.text, found):
            continue
        span = doc.char_span(found.start, found.end, alignment_mode="expand")
        if span is not None:
            out.append((span.start, span.end - 1, found))
    return out


def _nearest_mention(mentions: dict[int, Mention], entity_id: str, sent: Span,
                     trigger: int) -> Mention | None:
    inside = [m for i, m in mentions.items()
              if sent.start <= i < sent.end and m.entity_id == entity_id]
    return min(inside, key=lambda m: abs(m.start - trigger), default=None)


def _via_executives(found: list[Candidate], registry: EntityRegistry,
                    doc: Doc) -> list[Candidate]:
    """A person announcing an investment speaks for the company this sentence says they run;
    a person who holds shares in that company itself invests in it in their own name, and
    so does "a personal investor" in another."""
    employer = {c.source: c.target for c in found if c.type == "EXECUTIVE_OF"}
    out = []
    for c in found:
        trigger = doc[c.trigger]
        own_name = any(w.lower_ in _OWN_NAME for w in (*trigger.children, trigger.head))
        if (c.type == "INVESTS_IN" and registry.type_of(c.source) == "Person" and not own_name
                and employer.get(c.source, c.target) != c.target):
            c = Candidate(c.type, employer[c.source], c.target, c.trigger,
                          c.rule + ".via_executive", c.amount, c.weight_pct, c.role)
        out.append(c)
    return out


def _used_entities(state: _ArticleState) -> tuple[Entity, ...]:
    related = {e for r in state.relations.values() for e in (r.source, r.target)}
    return tuple(e for e in state.registry.entities() if e.type != "Sector" or e.id in related)
