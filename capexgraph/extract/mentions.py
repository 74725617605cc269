"""Mentions and their resolution: which words in an article name which entity.

Names resolve through the article's `EntityRegistry` (capexgraph.extract.registry), and
descriptors ("the chipmaker", "the ETF", "it") refer to the nearest entity of a compatible
type mentioned before them, or to what a heading, a speaker label or a quotation's
attribution says the words are about.
"""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Doc, Span, Token

from capexgraph.extract.lexicon import triggers
from capexgraph.extract.name_spans import described_by_title
from capexgraph.extract.names import infer_type
from capexgraph.extract.registry import EntityRegistry, Mention
from capexgraph.schema import EntityType

_STATISTICAL_TYPES: dict[str, EntityType] = {"ORG": "Company", "PERSON": "Person"}
_CODE = re.compile(r"^(?:\d{4,6}(?:\.[A-Z]{1,2})?|[A-Z]{1,5}(?:\.[A-Z]{1,2})?)$")
_PRONOUNS = frozenset({"it", "its"})
_DETERMINERS = frozenset({"the", "this", "that"})
_NON_PERSON = frozenset({"Company", "Fund", "Index"})
_FIRST_PERSON = frozenset({"we", "our", "us"})
_LABEL_TOKENS = 12  # a speaker label's name and title, at most
# Dependencies that start a clause of their own (an xcomp shares its governor's subject).
_CLAUSE_DEPS = frozenset({"ROOT", "ccomp", "advcl", "relcl", "parataxis", "csubj", "acl"})
_COPULAS = frozenset({"be", "remain", "become", "stay"})


def _entity_type(span: Span) -> EntityType | None:
    if span.label_ in ("Company", "Person", "Fund", "Index", "Sector"):
        return span.label_  # type: ignore[return-value]
    base = _STATISTICAL_TYPES.get(span.label_)
    if span.label_ in _MISREAD_NAMES and len(span) == 1 \
            and _acquired(span.root, goods=span.label_ != "FAC"):
        return "Company"  # "completed its purchase of Fibrebond" (read as a building; a
        # name of more words may be one: "Liberty Tower")
    if base == "Person" and len(span) > 1 and span[-1].text == "AI":
        return "Company"  # "Sakana AI", "Mistral AI": no person's name ends in "AI"
    return (infer_type(span.text) or base) if base else None


# labels the NER gives company names it does not know, read as a building or a product
_MISREAD_NAMES = frozenset({"FAC", "PRODUCT", "WORK_OF_ART"})


def _acquired(tok: Token, goods: bool) -> bool:
    """Whether a name is a company bought: "acquired X", "its acquisition of X" (and, unless
    the name may be `goods`, "bought X", "its purchase of X": "bought H100s" are chips)."""
    invests = triggers().invests
    verbs = invests.acquire_verbs | invests.acquisition_nouns
    if goods:
        verbs = verbs - triggers().supplies.reverse_verbs
    if tok.dep_ == "dobj":
        return tok.head.lemma_.lower() in verbs
    return tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.pos_ == "NOUN" \
        and tok.head.head.lemma_.lower() in verbs


def _code_after(doc: Doc, span: Span) -> str | None:
    """A ticker or fund code in brackets right after a name: "ETF (520860)"."""
    if span.end + 2 < len(doc) and doc[span.end].text == "(" and doc[span.end + 2].text == ")":
        code = doc[span.end + 1].text
        return code if _CODE.match(code) else None
    return None


def _descriptor_type(token: Token, determined: bool = True) -> frozenset[str] | None:
    """The types a descriptor ("the chipmaker", "it") may refer to; without `determined`,
    the noun need not have its own determiner ("the Alibaba-backed startup Moonshot AI")."""
    if token.lower_ in _PRONOUNS and (token.dep_ in ("nsubj", "nsubjpass", "poss") or (
            token.dep_ == "pobj" and token.head.lower_ in ("for", "to", "from")) or (
            token.dep_ == "dative") or (
            token.dep_ == "dobj"
            and token.head.lemma_.lower() in triggers().supplies.chooser_verbs)):
        return _NON_PERSON  # "is building capacity for it", "buy chips from it", "Google
        # had selected it to assemble TPU servers", "sells it TPUs"
    if token.lower_ == "it" and token.dep_ == "pobj" and _holding_word(token.head.head):
        return _NON_PERSON  # "Nvidia invested in it", "owns roughly 6% of it"
    if token.lower_ == "it" and token.dep_ == "dobj" \
            and any(c.dep_ == "oprd" for c in token.head.children):
        return _NON_PERSON  # "..., making it the biggest gainer in the KOSPI 200"
    if token.lower_ == "it" and token.dep_ == "dobj" \
            and token.head.lemma_.lower() in triggers().tracks.verbs:
        return frozenset({"Index"})  # "the AI ETF tracking it": what a fund tracks
    if token.tag_ == "NNS":
        return None  # "the server makers that ship its cold plates": not one company
    if token.lower_ == "management" and token.dep_ in ("nsubj", "nsubjpass") \
            and not any(c.dep_ in ("compound", "amod", "poss", "det") for c in token.children):
        return frozenset({"Company"})  # "Management plans to invest ...": the company's
    words = [token]
    if token.i >= 2 and token.doc[token.i - 1].text == "-":  # "the start-up"
        words = list(token.doc[token.i - 2:token.i + 1])
    types = descriptor_types("".join(w.lower_ for w in words[:-1]) + words[-1].lemma_.lower())
    if not types:
        return None  # most words (the cheap test first: this runs on every word)
    if determined and not any(c.lower_ in _DETERMINERS for w in words for c in w.children) \
            and not (words[0].i > 0 and words[0].doc[words[0].i - 1].lower_ in _DETERMINERS
                     and words[-1].pos_ != "VERB"):  # "The start-up raised": a parse that
        return None  # hung "The" on the amount
    return types


def _holding_word(head: Token) -> bool:
    """Whether a preposition's head says what is invested in or held: "invested in",
    "a stake in", "6% of"."""
    lex = triggers().invests
    lemma = head.lemma_.lower()
    return head.text == "%" or lemma in lex.verbs or lemma in lex.nouns \
        or lemma in lex.own_verbs


@cache
def descriptor_types(word: str) -> frozenset[str]:
    """The type a descriptor noun names ("chipmaker": Company, "fund": Fund), if any; any
    closed compound of "maker" names a company ("the carmaker", "the drugmaker")."""
    lexicon = triggers().descriptors
    if word.endswith("maker") and word.isalpha() and len(word) > len("maker"):
        return frozenset({"Company"})
    return next((frozenset({t}) for t in ("Company", "Fund", "Index")
                 if word in getattr(lexicon, t)), frozenset())


def find_mentions(doc: Doc, registry: EntityRegistry, sent: Span) -> dict[int, Mention]:
    """Mentions in one sentence of `doc` by token index, resolving each against the article's
    registry. Read sentence by sentence, the registry knows only what came before the
    sentence whose relations are being read."""
    start, end = sent.start, sent.end
    registry.begin_sentence()
    by_token: dict[int, Mention] = {}
    named_next: list[int] = []  # descriptors just before a name
    ents = iter(sorted((e for e in doc.ents if start <= e.start < end), key=lambda s: s.start))
    ent = next(ents, None)
    i = start
    while i < end:
        if (defined := _defined_use(doc, i, registry)) is not None:
            by_token.update({j: defined for j in range(defined.start, defined.end)})
            registry.seen(defined.entity_id, subject=doc[i].dep_ in ("nsubj", "nsubjpass"))
            i = defined.end
            continue
        if (term := _defined_term(doc, i)) is not None:  # '(the "Board")': a term, no name
            registry.defined.setdefault(doc[term[0]:term[1]].text, "")
            i = term[1] + 2
            continue
        if (skipped := _defined_skip(doc, i, registry)) > i:  # "The Board considers"
            i = skipped
            continue
        if ent is not None and ent.start == i and (
                hinted := _named_descriptor(doc, ent, registry)) is not None:
            by_token.update({j: hinted for j in range(hinted.start, hinted.end)})
            i = hinted.end
            ent = next(ents, None)
            continue
        if ent is not None and ent.start == i:
            mention = _named_mention(doc, ent, registry)
            if mention is None and (coded := registry.with_code(ent.text)) is not None:
                registry.seen(coded, subject=ent.root.dep_ in ("nsubj", "nsubjpass"))
                mention = Mention(i, ent.end, coded, True)  # "159999 tracks ...": the code
                # the article gave after a fund's name, read as a date or a number
            if mention is None and (doc[ent.end - 1].lower_ in {"etf", "fund", "index"}
                                    or descriptor_types(doc[ent.end - 1].lemma_.lower())):
                # "the Korean group", which NER calls a nationality
                mention = _descriptor_mention(doc[ent.end - 1], registry, by_token)
            if mention is not None:
                for j in range(mention.start, mention.end):
                    by_token[j] = mention
            i = ent.end
            if mention is not None and (term := _defined_term(doc, i)) is not None:
                # 'Zhipu Huazhang Technology Co., Ltd. (the "Company")': the filing's term
                registry.defined[doc[term[0]:term[1]].text] = mention.entity_id
                by_token.update({j: Mention(term[0], term[1], mention.entity_id, False)
                                 for j in range(*term)})
                i = term[1] + 2
            if mention is not None and mention.named and _code_after(doc, ent):
                by_token[ent.end + 1] = mention  # "Biren Technology (06082.HK)": the code is
                i = ent.end + 3  # the name's, not a name of its own
            ent = next(ents, None)
            continue
        while ent is not None and ent.start < i:
            ent = next(ents, None)
        if (short := _short_name(doc, i, registry)) is not None:
            by_token.update({j: short for j in range(short.start, short.end)})
            i = short.end
            continue
        if (pair := _former_or_latter(doc[i], by_token, registry)) is not None:
            by_token[i] = pair
            i += 1
            continue
        types = _descriptor_type(doc[i], determined=False)  # most words: None, and done
        noun = types is not None and doc[i].lower_ not in _PRONOUNS
        if noun and ent is not None and ent.start == i + 1 and ent.label_ not in _NOT_NAMES:
            named_next.append(i)  # "the chip designer Arm": the name that follows
        elif noun and types and (unnamed := _unnamed_after(doc, i, types, registry)):
            by_token.update({j: unnamed for j in range(unnamed.start, unnamed.end)})
            by_token[i] = Mention(i, i + 1, unnamed.entity_id, False)
            i = unnamed.end
            continue
        elif types is not None and (mention := _descriptor_mention(doc[i], registry, by_token)):
            by_token[i] = mention
        i += 1
    registry.heading = _heading(sent, by_token)
    for owner in {m.start: m for m in by_token.values() if m.named}.values():
        root = doc[owner.start:owner.end].root  # "Apple's next iPhones": Apple's goods
        if root.dep_ == "poss" and root.head.pos_ in ("NOUN", "PROPN") \
                and registry.type_of(owner.entity_id) == "Company":
            registry.products.setdefault(root.head.lemma_.lower(), owner.entity_id)
    registry.transcript = registry.transcript or _opens_with_speaker_label(doc) or (
        len(doc) > 1 and doc[1].text == ":" and doc[0].tag_ == "NNP"  # "Su: Oracle deploys
        and registry.surname(doc[0].text) is not None)  # our MI450s", after "Lisa Su"
    if registry.transcript or (registry.filing and registry.headline_company):
        # "Michael Intrator, Chief Executive Officer: We signed ...", and the paragraphs of
        # remarks after it; a 10-Q's "we invested"
        speaker_company = registry.headline_company or registry.salient(frozenset({"Company"}))
        for tok in sent:
            if tok.lower_ in _FIRST_PERSON and tok.i not in by_token and speaker_company:
                registry.seen(speaker_company, subject=tok.dep_ in ("nsubj", "nsubjpass"))
                by_token[tok.i] = Mention(tok.i, tok.i + 1, speaker_company, False)
    if (quoted := _quote_speaker(sent, by_token, registry)) is not None:
        company, (start, end) = quoted  # '"This is our second hyperscaler contract," said
        for tok in sent.doc[start:end]:  # Arkady Volozh, chief executive of Nebius'
            if tok.lower_ in _FIRST_PERSON and tok.i not in by_token:
                registry.seen(company, subject=tok.dep_ in ("nsubj", "nsubjpass"))
                by_token[tok.i] = Mention(tok.i, tok.i + 1, company, False)
    for i in named_next:  # "the sovereign fund PIF" names PIF, a company or a fund
        if (m := by_token.get(i + 1)) and registry.type_of(m.entity_id) != "Person":
            by_token[i] = Mention(i, i + 1, m.entity_id, False)
    _coordinated_names(doc, by_token, registry)
    _retype_coordinated(doc, by_token, registry)
    _plural_descriptors(sent, by_token, registry)
    _reporter_named_after(sent, by_token, registry)
    return by_token


_PLURAL_SIZES = {"both": 2, "two": 2, "three": 3}
_GROUP_REACH = 3  # sentences back that a plural descriptor looks for its names
_MAIN_CLAUSES = frozenset({"ROOT", "conj", "advcl"})


def _plural_descriptors(sent: Span, by_token: dict[int, Mention],
                        registry: EntityRegistry) -> None:
    """"Both companies", "the two chipmakers", "both" standing alone refer to that many
    names: the names written before them in the sentence, when they are that many; a
    coordination written there; else the subjects of the main clauses of the last two
    sentences, when they are that many ("Innolight ships to Nvidia, and Eoptolink sells to
    Amazon. Both buy lasers from Lumentum"); else the names last written as one
    coordination ("We like Innolight and Eoptolink. Both companies")."""
    number = len(registry.sentence_subjects) - 1
    here = _groups(sent, by_token, registry)
    for tok in sent:
        if tok.i in by_token or (size := _plural_size(tok)) is None:
            continue
        types = descriptor_types(tok.lemma_.lower()) if tok.tag_ == "NNS" else _NON_PERSON

        def fits(ids: tuple[str, ...], size: int = size, types: frozenset[str] = types) -> bool:
            return len(ids) == size and all(registry.type_of(e) in types for e in ids)

        # "Meta signed a deal with Google, confirmed by both companies": the names the
        # sentence has given before it, when they are that many
        before = tuple(dict.fromkeys(m.entity_id for i, m in by_token.items()
                                     if i < tok.i and m.named))
        topics = tuple(dict.fromkeys(e for n, ids in registry.topics if number - n <= 2
                                     for e in ids if registry.type_of(e) in types))
        earlier = [ids for n, ids in registry.groups if number - n <= _GROUP_REACH]
        in_sentence = next((ids for end, ids in reversed(here) if end <= tok.i and fits(ids)),
                           None)
        coordinated = in_sentence or next((ids for ids in reversed(earlier) if fits(ids)), None)
        topical = topics if fits(topics) else None
        # "both Korean memory makers" describes the names it picks out; a bare "both
        # companies" refers to what the text is about
        described = any(c.dep_ in ("amod", "compound") and c.lower_ not in _PLURAL_SIZES
                        for c in tok.children)
        if fits(before):
            group: tuple[str, ...] | None = before
        elif described:
            group = coordinated or topical
        else:
            group = in_sentence or topical or coordinated
        if group is not None:
            by_token[tok.i] = Mention(tok.i, tok.i + 1, group[0], False, group)
    registry.groups += [(number, ids) for _, ids in here]
    registry.topics.append((number, _main_subjects(sent, by_token)))


def _main_subjects(sent: Span, by_token: dict[int, Mention]) -> tuple[str, ...]:
    """What the main clauses of a sentence are about: their subjects, or the owners of
    their subjects ("Its modules ship to Nvidia"); not a reported clause's ("management
    said Amazon would ..."), unless the report comes first ("CoreWeave and Nebius will join
    the index, Nasdaq said": then the report's subjects, not the speaker)."""
    def report_first(verb: Token) -> bool:
        return verb.dep_ == "ccomp" and verb.head.dep_ == "ROOT" and verb.i < verb.head.i

    attributed = any(report_first(t) for t in sent)
    out = []
    for tok in sent:
        if tok.dep_ not in ("nsubj", "nsubjpass"):
            continue
        verb = tok.head
        if not report_first(verb) and (
                verb.dep_ not in _MAIN_CLAUSES
                or (verb.dep_ != "ROOT" and verb.head.dep_ != "ROOT")
                or (attributed and verb.dep_ == "ROOT")):
            continue
        owner = next((c for c in tok.children if c.dep_ == "poss"), None)
        for t in (tok, *(c for c in tok.children if c.dep_ == "conj"), owner):
            if t is not None and (m := by_token.get(t.i)) is not None:
                out += list(m.group or (m.entity_id,))
    return tuple(dict.fromkeys(out))


def _plural_size(tok: Token) -> int | None:
    """How many names a plural descriptor counts: "both companies", "the two firms",
    "both" as a subject; None for any other word."""
    if tok.lower_ == "both" and tok.dep_ in ("nsubj", "nsubjpass"):
        return 2
    if tok.tag_ != "NNS" or not descriptor_types(tok.lemma_.lower()):
        return None
    return next((_PLURAL_SIZES[c.lower_] for c in tok.children
                 if c.dep_ in ("det", "predet", "nummod", "amod") and c.lower_ in _PLURAL_SIZES),
                None)


def _groups(sent: Span, by_token: dict[int, Mention],
            registry: EntityRegistry) -> list[tuple[int, tuple[str, ...]]]:
    """Names of one type written as one coordination in this sentence, with where each
    coordination ends."""
    out = []
    for m in {m.start: m for m in by_token.values() if m.named}.values():
        root = sent.doc[m.start:m.end].root
        if root.dep_ == "conj":
            continue
        chain, stack = [], [root]
        while stack:
            t = stack.pop()
            chain.append(t)
            stack += [c for c in t.children if c.dep_ == "conj"]
        ids = tuple(dict.fromkeys(by_token[t.i].entity_id for t in chain if t.i in by_token))
        if len(ids) >= 2 and len({registry.type_of(e) for e in ids}) == 1:
            out.append((max(by_token[t.i].end for t in chain if t.i in by_token), ids))
    return out


# the last word of a name "its" gives a company's own part: "its Data Center Group"
_PART_HEADS = frozenset({"group", "division", "segment", "business", "unit"})


def _part_name(span: Span) -> bool:
    """A name NER gave a company's own division ("its Device Solutions division",
    "Samsung's Foundry segment", "the Device Solutions division"): a part of its owner, no
    company of its own."""
    part = span.root.head
    if not span.ent_id_ and len(span) > 1 and span.root.lower_ in _PART_HEADS and any(
            c.dep_ == "poss" and c.lower_ == "its" for c in span.root.children):
        return True  # "general manager of its Data Center Group"
    return span.root.dep_ == "compound" and not span.ent_id_ and part.i == span.end \
        and part.lemma_.lower() in triggers().invests.division_nouns \
        and any(c.dep_ == "poss" or c.lower_ == "the" for c in part.children)


def _former_or_latter(token: Token, earlier: dict[int, Mention],
                      registry: EntityRegistry) -> Mention | None:
    """"..., Tencent Cloud will provide GPU computing power to the latter": of the last two
    companies the sentence named, the one named second ("the former": first)."""
    if token.lower_ not in ("latter", "former") or token.i == 0 \
            or token.doc[token.i - 1].lower_ != "the":
        return None
    named = [m.entity_id for i, m in sorted(earlier.items())
             if token.sent.start <= i < token.i and registry.type_of(m.entity_id) == "Company"]
    pair = list(dict.fromkeys(named))[-2:]
    if len(pair) != 2:
        return None
    return Mention(token.i, token.i + 1, pair[1] if token.lower_ == "latter" else pair[0], False)


def _heading(sent: Span, by_token: dict[int, Mention]) -> str | None:
    """The entity a digest item is headed by: a name that opens the sentence, after any list
    marker ("[3]", "-"), and is followed by a colon ("[3] Zhongji Innolight: The company's
    chairman ..."); or the place a sentence opens at ("At Baidu, Shen Dou ... leads its
    Kunlunxin chip unit")."""
    first = next((t for t in sent if not (t.is_punct or t.tag_ in ("LS", "XX", "CD"))), None)
    at = first is not None and first.lower_ == "at" and first.dep_ == "prep"
    if at and first is not None:
        first = sent.doc[first.i + 1] if first.i + 1 < sent.end else None
    mention = by_token.get(first.i) if first is not None else None
    if first is None or mention is None or mention.start != first.i \
            or mention.end >= sent.end or sent.doc[mention.end].text != ("," if at else ":"):
        return None
    return mention.entity_id


_REPORTING = frozenset({"say", "tell", "add", "note", "explain"})


def _quote_speaker(sent: Span, by_token: dict[int, Mention], registry: EntityRegistry
                   ) -> tuple[str, tuple[int, int]] | None:
    """The company whose person a quotation is attributed to in its own sentence, and the
    quotation's tokens: the first company named after the quote closes, when a reporting
    verb follows it ('"We are thrilled to deepen our partnership with AMD," said Greg
    Brockman, OpenAI's president'). Its "we" is that company."""
    marks = [t.i for t in sent if t.text in _QUOTES]
    if len(marks) < 2 or marks[0] != sent.start + next(
            (k for k, t in enumerate(sent) if not t.is_space), 0):
        return None  # only a quotation that opens its sentence
    close = marks[1]
    if not any(t.lemma_.lower() in _REPORTING for t in sent.doc[close:sent.end]):
        return None
    company = next((m.entity_id for i, m in sorted(by_token.items())
                    if close < i < sent.end and m.named
                    and registry.type_of(m.entity_id) == "Company"), None)
    return (company, (marks[0] + 1, close)) if company is not None else None


_SPEAKER_LABEL_KEY = "capexgraph_speaker_label"  # doc.user_data: the block's answer


def _opens_with_speaker_label(doc: Doc) -> bool:
    """`_speaker_label`, read once per block (every sentence of it asks)."""
    if (known := doc.user_data.get(_SPEAKER_LABEL_KEY)) is None:
        known = doc.user_data[_SPEAKER_LABEL_KEY] = _speaker_label(doc)
    return bool(known)


def _speaker_label(doc: Doc) -> bool:
    """Whether a block opens with a transcript's speaker label ("Nitin Agrawal, Chief
    Financial Officer:"): then "we" is the company the article is about (in a broker's note,
    which has no speaker, "we" is the broker). An interview's answer ("A: ...", "A (Nitin
    Agrawal, CFO, CoreWeave): ...") is a speaker's too, and so is a person's name alone
    before the colon."""
    if len(doc) > 1 and doc[0].text == "A" and doc[1].text[:1] in (":", "("):
        return True
    first = doc.ents[0] if doc.ents else None  # "Jeff Clarke: AI server orders were ..."
    if first is not None and first.start == 0 and first.label_ in ("PERSON", "Person") \
            and first.end < len(doc) and doc[first.end].text == ":":
        return True
    colon = next((t.i for t in doc[:_LABEL_TOKENS] if t.text.endswith(":")), None)
    comma = next((t.i for t in doc[:_LABEL_TOKENS] if t.text == ","), None)
    if colon is None or comma is None or not 0 < comma < colon or not all(
            t.text[:1].isupper() for t in doc[:comma]):  # a name, however NER read it
        return False
    titles = triggers().executives.title_words()
    return any(t.lower_ in titles for t in doc[comma:colon])


def _short_name(doc: Doc, i: int, registry: EntityRegistry) -> Mention | None:
    """A run of proper nouns that NER missed and that starts a name given in full earlier."""
    end = i
    while end < len(doc) and doc[end].tag_ in ("NNP", "NNPS") and doc[end].text[:1].isupper() \
            and not doc[end].ent_type_:
        end += 1
    if end == i or (i > 0 and doc[i - 1].tag_ in ("NNP", "NNPS")):
        return None
    entity_id = registry.shortened(doc[i:end].text)
    if entity_id is None:
        return None
    registry.seen(entity_id, subject=doc[i:end].root.dep_ in ("nsubj", "nsubjpass"))
    return Mention(i, end, entity_id, True)


def _unnamed_after(doc: Doc, i: int, types: frozenset[str], registry: EntityRegistry
                   ) -> Mention | None:
    """A proper name the statistical NER missed, right after a descriptor that says what
    it is: "the Indonesian sovereign fund INA", "the chip start-up Rivos"."""
    titles = triggers().executives.title_words()
    end = i + 1
    while end < len(doc) and doc[end].text[:1].isupper() and not doc[end].ent_type_ \
            and (doc[end].pos_ == "PROPN" or (doc[end].is_upper and len(doc[end]) > 1)) \
            and doc[end].lower_ not in titles:  # "INA", tagged a common noun
        end += 1
    if end == i + 1:
        return None
    type_ = "Company" if "Company" in types else sorted(types)[0]
    entity_id = registry.resolve(doc[i + 1:end].text, type_)  # type: ignore[arg-type]
    return Mention(i + 1, end, entity_id, True) if entity_id is not None else None


_PLACE_PREPS = frozenset({"in", "at", "near", "across", "outside", "throughout", "around"})


def _named_descriptor(doc: Doc, span: Span, registry: EntityRegistry) -> Mention | None:
    """"the CSI index", "the Hang Seng fund": a descriptor whose modifier is part of the
    name of one it may refer to stands for the latest such one, not for a new entity
    named by the modifier."""
    head = span.root.head
    if span.root.dep_ != "compound" or head.i != span.end or head.i >= span.sent.end:
        return None
    types = _descriptor_type(head)
    if not types or head.lower_ in _PRONOUNS:
        return None
    words = re.compile(rf"\b{re.escape(span.text.lower())}\b")
    found = next((e for e in reversed(registry.recent) if registry.type_of(e) in types
                  and any(words.search(n.lower()) for n in (registry.drafts[e].name,
                                                            *registry.drafts[e].aliases))),
                 None)
    if found is None:
        return None
    registry.seen(found, subject=head.dep_ in ("nsubj", "nsubjpass"))
    return Mention(span.start, head.i + 1, found, False)


def _stock_code(tok: Token) -> bool:
    """A mainland or Hong Kong share code in front of a name ("601318", "00700"), no count."""
    return tok.text.isdigit() and len(tok.text) in (5, 6)


def _named_mention(doc: Doc, span: Span, registry: EntityRegistry) -> Mention | None:
    if span.label_ in ("PERSON", "GPE") and not (
            span.root.dep_ == "pobj" and span.root.head.lower_ in _PLACE_PREPS
            and not _invested_in(span.root.head)) and (
            short := registry.shortened(span.text)) is not None:
        return Mention(span.start, span.end, short, True)  # "Ampere" after "Ampere Computing"
    type_ = _entity_type(span)
    if type_ is None or " - " in span.text or _part_name(span):
        return None
    words = [t.lower_ for t in span if t.is_alpha and not t.is_stop]
    if type_ in ("Person", "Company") and words and all(
            w in triggers().executives.title_words() for w in words):
        return None  # "Our Chief Executive Officer, Lisa Su, ...": a title, no name
    if span.label_ == "ORG" and any(c.dep_ == "nummod" and not _stock_code(c)
                                    for c in span.root.children) \
            and infer_type(span.text) != "Company":
        return None  # "250 MW", "10 GW": a unit that is counted is not a company ("1789
        # Capital" is, and so is "Ping An Insurance" after its code "601318")
    if type_ == "Person" and span.root.dep_ == "nsubj" and _owns_its(span.root) \
            and not described_by_title(span.root):
        type_ = "Company"  # "Baillie Gifford cut its stake": "its" is no person's (but
        # "Shen Dou, president of the AI Cloud Group, leads its chip unit" is a person's)
    if type_ == "Person" and span.label_ == "PERSON" and span.root.dep_ == "poss" \
            and span.root.head.lemma_.lower() in triggers().invests.business_nouns:
        type_ = "Company"  # "to acquire Leoni's wiring business": a company's part
    text = span.text
    if text.lower().startswith("the "):
        text = text[4:]
    # a subject, one of coordinated subjects, or a subject's possessor ("Axera's chips"), or
    # the name a verbless sentence is ("And Crusoe? It raised $1.4 billion")
    subject = span.root.dep_ in ("nsubj", "nsubjpass") or (
        span.root.dep_ in ("conj", "poss") and span.root.head.dep_ in ("nsubj", "nsubjpass")
    ) or _named_benchmark(span.root) or (span.root.dep_ == "ROOT" and not any(
        t.pos_ in ("VERB", "AUX") for t in span.root.sent))
    code = _code_after(doc, span)
    coded = registry.gazetteer.lookup(code) if code else None
    gazetteer_id = coded.id if coded is not None and coded.type == type_ else span.ent_id_
    matched = registry.gazetteer.entries.get(gazetteer_id)
    if matched is not None and matched.type != type_:
        gazetteer_id = ""  # "E Fund CSI 300 ETF" is a fund, not the index the ruler matched
    given = registry.with_code(text) if not gazetteer_id else None
    if given is not None:  # "Tencent remains MCHI's largest holding": the code the article
        registry.seen(given, subject)  # gave the fund before
        return Mention(span.start, span.end, given, True)
    entity_id = registry.resolve(text, type_, gazetteer_id, subject)
    if entity_id is None:
        return None
    if subject and (span.root.dep_ == "conj" or any(c.dep_ == "conj" for c in span.root.children)):
        registry.note_shared_subject(entity_id)
    if code:
        registry.drafts[entity_id].add_ticker(code)
    return Mention(span.start, span.end, entity_id, True)


def _named_benchmark(root: Token) -> bool:
    """"The fund's benchmark is the CSI Chip Industry Index": the index the subject noun is
    said to be is what the sentence is about (so "Its ten largest components" after it are
    the index's)."""
    tracks = triggers().tracks
    return root.dep_ == "attr" and root.head.lemma_ in _COPULAS and any(
        c.dep_ == "nsubj" and c.pos_ == "NOUN" and (c.lemma_.lower() in tracks.nouns or any(
            m.lower_ in tracks.index_modifiers for m in c.children))
        for c in root.head.children)


def _descriptor_mention(token: Token, registry: EntityRegistry,
                        earlier: dict[int, Mention]) -> Mention | None:
    types = _descriptor_type(token)
    if types is None:
        return None
    made = next((maker for c in token.children if c.dep_ == "compound"
                 and (maker := registry.maker_of(c.lemma_.lower())) is not None), None)
    if made is not None and "Company" in types:  # "the iPhone maker": whose iPhones they are
        registry.seen(made, subject=token.dep_ in ("nsubj", "nsubjpass"))
        return Mention(token.i, token.i + 1, made, False)
    if (worded := _named_by_a_word(token, types, registry)) is not None:
        registry.seen(worded, subject=token.dep_ in ("nsubj", "nsubjpass"))
        return Mention(token.i, token.i + 1, worded, False)
    if token.dep_ == "appos" and (named := earlier.get(token.head.i)) is not None \
            and registry.type_of(named.entity_id) in types:  # "MGX, the Abu Dhabi investor,"
        registry.seen(named.entity_id)
        return Mention(token.i, token.i + 1, named.entity_id, False)
    # a singular "it" or "the foundry" is not one name out of "Amazon and Google" in its clause
    clause = _clause_of(token)
    coordinated = {m.entity_id for i, m in earlier.items() if i >= token.sent.start
                   and _clause_of(token.doc[i]) == clause and _coordinated(token.doc[i])}
    if token.dep_ == "poss" and _traded_by(token.head):
        coordinated |= _trader(clause, earlier)
    if token.dep_ == "poss" and token.head.dep_ == "appos" \
            and (apposed := earlier.get(token.head.head.i)) is not None:
        coordinated.add(apposed.entity_id)  # "Google, its largest customer,": not Google's
    if token.lower_ in ("company", "firm"):  # a government invests like a company but is
        coordinated |= {d.id for d in registry.drafts.values()  # none ("Japan's government
                        if d.name.lower().endswith("government")}  # approved ...; the
        # company's next round")
    if token.lower_ in ("etf", "etfs"):  # "The ETF tracks ...": an exchange-traded fund, not
        coordinated |= {d.id for d in registry.drafts.values()  # the Big Fund named since
                        if d.type == "Fund" and "etf" not in d.name.lower() and not d.tickers}
    not_subject: set[str] = set()
    # "Amazon remains its largest shareholder": the subject is not what it holds
    predicate = token.dep_ == "poss" and token.head.dep_ == "attr" \
        and clause.lemma_ in _COPULAS
    # ("Xiaomi jumped 7%, making it the best performer": what it is made is the subject)
    small_clause = token.dep_ == "dobj" and any(c.dep_ == "oprd" for c in token.head.children)
    if (token.dep_ not in ("poss", "nsubj", "nsubjpass") or predicate) and not small_clause:
        # "Google has invested $3 billion in the startup", "Amazon, which has committed $8
        # billion to the start-up": an object is not its own clause's subject, nor that of
        # the clause it is coordinated with ("Google signed ... and has taken a stake in
        # the developer")
        owner = clause.head if clause.dep_ == "conj" and not any(
            c.dep_ in ("nsubj", "nsubjpass") for c in clause.children) else clause
        if owner.dep_ in ("acl", "xcomp", "advcl") and not any(
                c.dep_ in ("nsubj", "nsubjpass") for c in owner.children):
            owner = _clause_of(owner.head)  # "Apple signed an agreement to buy flash from
            # it": whoever does what an infinitive says is the subject it hangs on
        subjects = [owner.head if c.tag_ in ("WDT", "WP") and owner.dep_ == "relcl" else c
                    for c in owner.children if c.dep_ in ("nsubj", "nsubjpass")]
        not_subject = {earlier[t.i].entity_id for t in subjects if t.i in earlier}
        coordinated |= not_subject
    entity_id = _in_sentence(token, types, earlier, registry, not_subject) or registry.latest(
        types, exclude=coordinated, topical=token.lower_ not in _PRONOUNS)
    if entity_id is None:
        return None
    registry.seen(entity_id, subject=token.dep_ in ("nsubj", "nsubjpass"))
    return Mention(token.i, token.i + 1, entity_id, False)


def _object_controller(clause: Token, earlier: dict[int, Mention]) -> Token | None:
    """The named object that does what an infinitive with no subject says, when the verb
    it completes has one ("picked MediaTek to supply chips", "chose Samsung's foundry
    business to make them": Samsung's)."""
    if clause.dep_ != "xcomp" or any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children):
        return None
    obj = next((c for c in clause.head.children if c.dep_ == "dobj"), None)
    if obj is None or obj.i in earlier:
        return obj  # (none, or the named object itself)
    return next((p for p in obj.children if p.dep_ == "poss" and p.i in earlier), None)


def _named_by_a_word(token: Token, types: frozenset[str], registry: EntityRegistry
                     ) -> str | None:
    """The one index or fund seen so far that a descriptor's modifier is a word of: "the
    tech gauge" after the Hang Seng Index and the Hang Seng TECH Index is the latter."""
    if not types <= {"Index", "Fund"}:
        return None
    words = {c.lower_ for c in token.children if c.dep_ in ("amod", "compound")}
    found = {d.id for d in registry.drafts.values() if d.type in types
             and words & set(d.name.lower().split())} if words else set()
    return found.pop() if len(found) == 1 else None


def _reporter_named_after(sent: Span, by_token: dict[int, Mention],
                          registry: EntityRegistry) -> None:
    """"The company's products are mainly supplied to Huawei and ZTE, Accelink said": "the
    company" or "it" in what a company reports, named after it, is the reporter (not "X has
    completed its purchase of Intel stock, Intel said": a name before it in the sentence)."""
    first_name = min((i for i, m in by_token.items() if m.named and i >= sent.start),
                     default=sent.end)
    for tok in sent.doc[sent.start:first_name]:
        m = by_token.get(tok.i)
        if m is not None and (m.named or registry.type_of(m.entity_id) != "Company"):
            continue
        verb = _clause_of(tok)
        while verb.dep_ == "conj" and verb.head.i != verb.i:
            verb = verb.head
        if verb.dep_ != "ccomp" or verb.head.lemma_.lower() not in _REPORTING \
                or verb.head.i < tok.i:
            continue
        # a descriptor nothing before it stood for is read here too
        if m is None and "Company" not in (_descriptor_type(tok) or ()):
            continue
        reporter = next((r for c in verb.head.children if c.dep_ == "nsubj" and c.i > tok.i
                         and (r := by_token.get(c.i)) is not None and r.named
                         and registry.type_of(r.entity_id) == "Company"), None)
        if reporter is not None:
            by_token[tok.i] = Mention(tok.i, tok.i + 1, reporter.entity_id, False)


def _clause_of(token: Token) -> Token:
    t = token
    while t.dep_ not in _CLAUSE_DEPS and not (t.dep_ == "conj" and t.pos_ in ("VERB", "AUX")):
        t = t.head
    return t


def _in_sentence(token: Token, types: frozenset[str], earlier: dict[int, Mention],
                 registry: EntityRegistry, exclude: set[str] | None = None) -> str | None:
    """The antecedent of "it", "its" or "the company" within its own sentence.

    A possessive "its" refers to the subject of its clause ("The S&P 500 counts Nvidia as
    its largest component"), unless the verb is a copula ("Xiaomi remains its biggest
    customer"). Otherwise the antecedent sits in another clause of the sentence ("Hygon's
    chairman said the company ..."): subjects first, nearest first.
    """
    clause = _clause_of(token)
    verb = next((a for a in token.ancestors if a.pos_ in ("VERB", "AUX")), None) \
        if token.dep_ == "poss" else None
    if verb is not None and (chosen := _object_controller(verb, earlier)) is not None:
        # "Lenovo picked MediaTek to supply its chips": the one picked works for the one
        # who picked it
        chooser = next((earlier[c.i] for c in verb.head.children
                        if c.dep_ == "nsubj" and c.i in earlier), None)
        if chooser is not None and chooser.entity_id != earlier[chosen.i].entity_id \
                and registry.type_of(chooser.entity_id) in types:
            return chooser.entity_id
    # "signed a deal with Qualcomm to use its cards": what a buyer buys is not its own, unless
    # it says so ("uses its own chips")
    bought = token.dep_ == "poss" and _traded_by(token.head) and token.head.lower_ != "own" \
        and not any(c.lower_ == "own" for c in token.head.children)  # "build its own"
    # "Sugon, its largest shareholder,": a name's appositive does not possess itself
    apposed = earlier.get(token.head.head.i) if token.dep_ == "poss" \
        and token.head.dep_ == "appos" else None
    # (nor does a list's: "with Nvidia and AMD its main end customers")
    listed = [token.head.head] if apposed is not None else []
    for item in listed:
        listed += [c for c in item.children if c.dep_ == "conj"]
    itself = {m.entity_id for c in listed if (m := earlier.get(c.i)) is not None}
    # "d-Matrix said Microsoft had begun ..., and that the startup raised $275m": a second
    # report ("that") is the reporter's, not the first report's subject's
    second_report = clause.dep_ == "conj" and clause.head.dep_ == "ccomp" and any(
        c.dep_ == "mark" for c in clause.children)
    if token.dep_ == "nsubj" and clause.dep_ == "conj" and not second_report:  # "X has
        # ordered ..., and it rents"
        m = next((earlier[c.i] for c in clause.head.children  # (not "X and Y would remain
                  if c.dep_ in ("nsubj", "nsubjpass") and c.i in earlier  # ..., and it will")
                  and not _coordinated(c)), None)
        if m is not None and registry.type_of(m.entity_id) in types:
            return m.entity_id
    # "The STAR 50 ETF and its benchmark, the SSE STAR 50 Index,": a noun coordinated with
    # a name is that name's
    if token.dep_ == "poss" and token.lower_ == "its" and token.head.dep_ == "conj" \
            and token.i >= 2 and token.doc[token.i - 1].lower_ == "and" \
            and token.doc[token.i - 2].text != "," \
            and (first := earlier.get(token.head.head.i)) is not None \
            and registry.type_of(first.entity_id) in types:
        return first.entity_id
    # "According to the company, its chips have been deployed ...": what a source says of
    # "it" is of the source (not "according to a report")
    source = next((m for i, m in earlier.items() if token.sent.start <= i < token.i
                   and token.doc[i].dep_ == "pobj" and token.doc[i].head.lower_ == "to"
                   and token.doc[i].head.head.lower_ == "according"), None)
    if source is not None and token.lower_ in _PRONOUNS \
            and registry.type_of(source.entity_id) in types:
        return source.entity_id
    reported = clause.head if second_report else clause
    if reported.dep_ == "ccomp":
        # "..., where Nvidia said it would supply ...": who reports a plan is whom "it" is,
        # even when the report is itself a relative clause, or the second of two reports;
        # and so is "the company" the report's subject acts on ("Nebius said Nvidia had
        # increased its stake in the company")
        m = next((earlier[c.i] for c in reported.head.children
                  if c.dep_ == "nsubj" and c.i in earlier), None)
        if m is not None and registry.type_of(m.entity_id) in types and (
                token.dep_ in ("nsubj", "nsubjpass") or (
                    token.dep_ != "poss" and m.entity_id not in (exclude or set())
                    and m.entity_id not in itself and not bought)):
            return m.entity_id
    if token.dep_ == "poss" and token.lower_ == "its" and clause.lemma_ not in _COPULAS \
            and not bought:
        # "xAI completed the merger with X Corp. and named Y its chief financial officer":
        # a coordinated verb without a subject of its own shares the first one's
        owner = clause.head if clause.dep_ == "conj" and not any(
            c.dep_ in ("nsubj", "nsubjpass") for c in clause.children) else clause
        for child in owner.children:
            # "Ayar Labs, which makes chips and counts X among its investors": a relative
            # pronoun's "its" is what the pronoun stands for
            relative = child.tag_ in ("WDT", "WP") and owner.dep_ == "relcl"
            m = earlier.get(owner.head.i if relative else child.i)
            plural = any(c.dep_ == "conj" for c in child.children)  # "its" is one thing
            if m is None and child.dep_ in ("nsubj", "nsubjpass"):  # "The fund's top
                m = next((earlier[p.i] for p in child.children  # holdings, X and Y, make
                          if p.dep_ == "poss" and p.i in earlier), None)  # up 35% of its
                plural = False  # portfolio": the possessor's
                if m is None and owner.dep_ == "relcl" and any(  # "the STAR Chip Index,
                        p.dep_ == "poss" and p.tag_ == "WP$" for p in child.children):  # whose
                    m = earlier.get(owner.head.i)  # constituents account for 60% of its weight"
            if child.dep_ in ("nsubj", "nsubjpass") and m and not plural and \
                    registry.type_of(m.entity_id) in types and m.entity_id not in itself:
                return m.entity_id
    if token.dep_ in ("nsubj", "nsubjpass"):
        # "Broadcom, which uses it in custom chips it designs for Google": in a clause
        # inside a relative clause whose subject is the relative pronoun, "it" is the
        # antecedent (not in "Nvidia, to which it ships", whose subject "it" is)
        for above in clause.ancestors:
            if above.dep_ == "relcl" and any(c.dep_ in ("nsubj", "nsubjpass")
                                             and c.tag_ in ("WDT", "WP")
                                             for c in above.children) \
                    and (m := earlier.get(above.head.i)) is not None \
                    and registry.type_of(m.entity_id) in types:
                return m.entity_id
    heading = _heading(token.sent, earlier)
    if heading is not None and registry.type_of(heading) in types and heading not in itself \
            and heading not in (exclude or set()) and not bought:
        return heading  # "Zhongji Innolight: The company's chairman ...": the item's topic
    sentence_start = token.sent.start
    before = sorted({m.start: m for i, m in earlier.items()
                     if sentence_start <= i < token.i}.values(), key=lambda m: -m.start)
    if itself:  # "Hon Hai's output, and Foxconn Industrial Internet, its listed subsidiary,":
        # the nearest other name (not a maker naming goods: "Mistral AI will deploy Nvidia
        # chips, and ASML, its largest shareholder, ...")
        return next((m.entity_id for m in before if m.entity_id not in itself
                     and registry.type_of(m.entity_id) in types
                     and not _names_goods(token.doc[m.start:m.end].root)), None)
    # a singular "it" or "the foundry" is not one name out of "Apple, Nvidia and AMD"
    # (a name in an apposition of its own clause is outside it too: "Hock Tan, president
    # and CEO of Broadcom, will also chair the company's board")
    outside = [m for m in before if registry.type_of(m.entity_id) in types
               and (_clause_of(token.doc[m.start]) != clause
                    or _in_apposition(token.doc[m.start:m.end].root, clause))
               and not _coordinated(token.doc[m.start:m.end].root, earlier, registry, types)]
    subjects = [m for m in outside if _in_subject(token.doc[m.start:m.end].root)]
    # a relative clause's subject is background: "Hanmi, in which SK Hynix holds no stake,
    # said its sales ..." is Hanmi's
    # and a name inside the subject's apposition is a description's: "TFC Optical, a
    # supplier to Zhongji Innolight, said its customers ..." is TFC Optical's
    subjects.sort(key=lambda m: (_clause_of(token.doc[m.start]).dep_ == "relcl", _in_apposition(
        token.doc[m.start:m.end].root, _clause_of(token.doc[m.start]))))
    trader = _trader(clause, earlier) if bought else set()
    found = [m for m in subjects + [m for m in outside if m not in subjects]
             if m.entity_id not in trader | itself | (exclude or set())]
    # "Its peer, the CSOP ... ETF, holds ...: Xiaomi is 8.6% of the fund": the name in
    # apposition is the subject, not the possessor of the noun it names
    named = {token.doc[m.start:m.end].root.head.i for m in found
             if token.doc[m.start:m.end].root.dep_ == "appos"}
    found = [m for m in found if not (token.doc[m.start:m.end].root.dep_ == "poss"
                                      and token.doc[m.start:m.end].root.head.i in named)]
    # "..., and Amazon, which has committed $8 billion to the start-up, remains its
    # primary training partner": a predicate's "its" is no subject's either
    predicate = token.dep_ == "poss" and token.head.dep_ == "attr" and clause.lemma_ in _COPULAS
    if (token.lower_ not in _PRONOUNS or predicate) and len(found) > 1 and token.dep_ not in (
            "nsubj", "nsubjpass"):  # an object descriptor: of equals in the sentence, what
        # the article is about ("Google has invested in Anthropic, and Amazon, which has
        # committed $8 billion to the start-up, ..."); a subject one continues the subject
        # before it ("Nvidia supplies Oracle, and the chipmaker is expected to invest")
        return max(found, key=lambda m: registry.counts.get(m.entity_id, 0)).entity_id
    return found[0].entity_id if found else None


def _names_goods(root: Token) -> bool:
    """Whether a name only modifies a common noun ("Nvidia Grace Blackwell chips")."""
    t = root
    while t.dep_ == "compound" and t.head.i > t.i:
        t = t.head
    return t is not root and t.pos_ == "NOUN"


def _in_apposition(tok: Token, clause: Token) -> bool:
    """Whether `tok` sits inside an apposition (not being it) of the subject of `clause`."""
    t, apposed = tok, False
    while t.head.i != clause.i and t.head.i != t.i:
        apposed = apposed or (t.dep_ == "appos" and t.i != tok.i and t.pos_ == "NOUN"
                              and t.is_alpha)  # a description ("president"), not a "%"
        t = t.head
    return apposed and t.head.i == clause.i and t.dep_ in ("nsubj", "nsubjpass")


def _trader(clause: Token, earlier: dict[int, Mention]) -> set[str]:
    """Who buys or makes in `clause`: its subject, or the subject of the clause that
    controls it ("Humain signed a deal with Qualcomm to use ...")."""
    for c in (clause, _clause_of(clause.head)):
        found = {earlier[s.i].entity_id for s in c.children
                 if s.dep_ in ("nsubj", "nsubjpass") and s.i in earlier}
        supplies = triggers().supplies  # ("signed an agreement with X to use its models",
        deal = c.dep_ == "acl" and c.head.lemma_.lower() in supplies.contract_nouns \
            and c.lemma_.lower() in supplies.reverse_verbs  # but not "... to build its ...")
        if found or (c.dep_ not in ("advcl", "xcomp") and not deal):
            return found
    return set()


def _traded_by(noun: Token) -> bool:
    """Whether `noun` is what its clause's subject buys or makes with no other side written
    ("use its cards", "SMIC manufactures most of its wafers"), or a round it joins: then "its"
    is someone else's."""
    invests = triggers().invests
    if noun.lower_ in invests.equity_nouns and noun.dep_ == "pobj" and noun.head.lower_ == "of" \
            and noun.head.head.text == "%" and noun.head.head.dep_ == "dobj" \
            and noun.head.head.head.lemma_.lower() in invests.own_verbs:
        return True  # "the Big Fund holds 4.1% of its shares": an owner's share is of another
    if noun.lemma_.lower() in invests.nouns | invests.equity_nouns:
        return False  # "sold part of its stake in AMD": a stake sold is the seller's
    goods = noun
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.dep_ == "dobj":
        noun = noun.head.head  # "most of its wafers"
    share = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "of" else noun
    supplies = triggers().supplies
    if noun.lemma_.lower() in supplies.revenue_nouns and share.head.lower_ == "for" and (
            share.text == "%" or share.lemma_.lower() in supplies.share_words) \
            and share.head.head.lemma_ == "account":
        return True  # "ByteDance accounted for 40% (most) of its revenue": someone else's
    rounds = invests.round_nouns | invests.security_nouns
    if noun.dep_ == "pobj" and noun.head.lower_ in ("in", "into") and (
            noun.lemma_.lower() in rounds or any(c.text == "Series" for c in noun.children)):
        verb = noun.head.head  # "Alibaba took part in its Series B": no one joins or invests
        return verb.lemma_ in invests.verbs | invests.participate_verbs or (  # in its own round
            verb.lemma_ == "take" and any(c.lower_ == "part" for c in verb.children))
    lex = triggers().supplies
    if noun.dep_ == "pobj" and noun.head.lower_ in ("at", "in") \
            and noun.lemma_.lower() in lex.site_nouns \
            and noun.head.head.lemma_.lower() in lex.resale_verbs & lex.reverse_verbs:
        return True  # "Fluidstack would lease 168 MW at its campus": the lessor's site
    if noun.dep_ == "pobj" and noun.head.lower_ == "for":  # "Cisco would supply the
        owner = noun.head.head  # networking for its data centres": the customer's
        # "Micron placed repeat orders for its bonding equipment": the seller's (but "tool
        # orders for its Ohio fab" are for the buyer's own site)
        if owner.lemma_.lower() in lex.order_nouns:
            return noun.lemma_.lower() not in lex.site_nouns
        owner = owner.head if owner.dep_ == "dobj" else owner
        # a verb that trades both ways with the other side written is the subject's buying:
        # "Meta will lease GPUs from CoreWeave for its data centres", "LG licenses
        # Tenstorrent's cores for its TVs" (its own)
        bought = owner.lemma_.lower() in lex.reverse_verbs and any(
            (c.dep_ == "prep" and c.lower_ in lex.source_preps) or (c.dep_ == "dobj" and any(
                p.dep_ == "poss" and (p.tag_ != "PRP$" or p.lower_ in ("our", "your"))
                for p in c.children))  # (a speaker's: "LG licenses our cores")
            for c in owner.children)
        return owner.pos_ == "VERB" and owner.lemma_.lower() in lex.verbs and not bought
    if noun.dep_ != "dobj":
        return False
    verb = noun.head
    if any(c.lower_ == "in-house" or (c.lower_ == "in" and any(
            o.lower_ == "house" for o in c.children)) for c in verb.children):
        return False  # "Supermicro buys most of its cold plates in-house": its own
    if verb.lemma_ == "make" and any(c.dep_ == "prt" and c.lower_ == "up"
                                     for c in verb.children):
        return False  # "make up 35% of its portfolio": no making, no trade
    # with the other side written, "its" is the subject's: "Samsung sources its bonders from
    # SEMES", "Arm licenses its cores to Microsoft", "Nebius builds its clusters with Nvidia
    # GPUs" (what it is built with is the other side), "Bloom will install 1 GW of its fuel
    # cells at Oracle data centres" (where they go is)
    sides = {"to", "from", *(("with",) if verb.lemma_ in lex.equip_verbs else ()),
             *(("at",) if verb.lemma_ in lex.site_verbs else ())}
    return (verb.lemma_ in lex.reverse_verbs or verb.lemma_ in lex.verbs) and not any(
        c.dep_ in ("prep", "dative") and c.lower_ in sides
        for t in (verb, noun, goods) for c in t.children)


def _coordinated(token: Token, mentions: dict[int, Mention] | None = None,
                 registry: EntityRegistry | None = None,
                 types: frozenset[str] = frozenset()) -> bool:
    """Whether a name is one of a coordination ("Apple, Nvidia and AMD"); given the mentions,
    only a coordination with a name of the same kind counts (the parser may coordinate a
    company with the person after it)."""
    linked = ([token.head] if token.dep_ == "conj" else []) + [
        c for c in token.children if c.dep_ == "conj"]
    if mentions is None or registry is None:
        return bool(linked)
    return any((m := mentions.get(t.i)) is not None and registry.type_of(m.entity_id) in types
               for t in linked)


def _in_subject(token: Token) -> bool:
    """Whether a name is, or is inside, its clause's subject ("SambaNova's accelerators")."""
    t = token
    while t.pos_ not in ("VERB", "AUX") and t.head.i != t.i:
        if t.dep_ in ("nsubj", "nsubjpass"):
            return True
        t = t.head
    return t.dep_ in ("nsubj", "nsubjpass")


def _coordinated_names(doc: Doc, mentions: dict[int, Mention],
                       registry: EntityRegistry) -> None:
    """A capitalised word that NER missed, coordinated with a company, is a company too:
    "used by Geely and Xiaomi"."""
    for m in {m.start: m for m in mentions.values() if m.named}.values():
        root = doc[m.start:m.end].root
        if registry.type_of(m.entity_id) not in ("Company", "Fund"):  # "led by SoftBank
            continue  # Vision Fund and Citadel": an investor too
        linked = [root.head] if root.dep_ == "conj" else []
        linked += [c for c in root.children if c.dep_ == "conj"]
        for t in linked:
            words = [c for c in t.lefts if c.dep_ == "compound" and c.text.istitle()] + [t]
            if t.i in mentions or t.ent_type_ or not t.is_alpha or not t.text.istitle() \
                    or t.i == t.sent.start or any(w.i in mentions for w in words):
                continue
            entity_id = registry.resolve(" ".join(w.text for w in words), "Company")
            if entity_id is not None:
                mentions.update({w.i: Mention(words[0].i, t.i + 1, entity_id, True)
                                 for w in words})


def _invested_in(prep: Token) -> bool:
    """Whether "in" is what an investment goes in ("a $45 million investment in Kestrel"):
    then what follows is no place."""
    invests = triggers().invests
    return prep.lower_ in ("in", "into") and prep.head.lemma_.lower() in invests.verbs | \
        invests.nouns


# entity labels that name no one: "in the company this month" has no name after the noun
_NOT_NAMES = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})
_QUOTES = frozenset({'"', "“", "”", "``", "''"})


def _defined_term(doc: Doc, i: int) -> tuple[int, int] | None:
    """The tokens [start, end) of a term a filing defines at token `i`: '(the "Company")',
    '("Biren")'."""
    j = i + 1
    if i >= len(doc) or doc[i].text != "(" or j >= len(doc):  # (the cheap test first)
        return None
    if doc[j].lower_ == "the":
        j += 1
    if j >= len(doc) or doc[j].text not in _QUOTES:
        return None
    k = next((k for k in range(j + 1, min(len(doc), j + 6)) if doc[k].text in _QUOTES), None)
    if k is None or k == j + 1 or k + 1 >= len(doc) or doc[k + 1].text != ")":
        return None
    return j + 1, k


def _defined_at(doc: Doc, i: int, registry: EntityRegistry) -> tuple[int, str] | None:
    """A later use of a defined term at token `i` ("the Company entered into ..."): where
    it ends and its entity ("" for a term that names none, as "the Board")."""
    first = i + 1 if doc[i].lower_ == "the" else i
    for size in (3, 2, 1) if registry.defined else ():  # most articles define nothing
        entity_id = registry.defined.get(doc[first:first + size].text)
        if entity_id is not None and first + size <= len(doc):
            return first + size, entity_id
    # an announcement's "the Company", capitalised and never defined, is its issuer: the
    # company it names first ("VOLTCORE HOLDINGS LIMITED (Stock Code: 2598) ... the Company
    # entered into a subscription agreement")
    if first > i and first < len(doc) and doc[first].text == "Company" \
            and (issuer := registry.first_company()) is not None:
        return first + 1, issuer
    return None


def _defined_use(doc: Doc, i: int, registry: EntityRegistry) -> Mention | None:
    found = _defined_at(doc, i, registry)
    return Mention(i, found[0], found[1], False) if found and found[1] else None


def _defined_skip(doc: Doc, i: int, registry: EntityRegistry) -> int:
    """Past a defined term that names no entity, else `i`."""
    found = _defined_at(doc, i, registry)
    return found[0] if found and not found[1] else i


def _owns_its(subject: Token) -> bool:
    """Whether the subject's verb has for its object something "its" (before any other
    subject): the subject is then a company, whatever NER said."""
    verb = subject.head
    for tok in subject.doc[subject.i + 1:verb.sent.end]:
        if tok.dep_ in ("nsubj", "nsubjpass"):
            return False
        if tok.dep_ == "poss" and tok.lower_ == "its":  # of the verb's own object: "cut
            return tok.head.dep_ == "dobj" and tok.head.head in (  # its stake"
                verb, *(c for c in verb.children if c.dep_ == "conj"))
    return False


def _retype_coordinated(doc: Doc, mentions: dict[int, Mention],
                        registry: EntityRegistry) -> None:
    """Names in one coordination are the same kind of thing: "Pop Mart and Chow Tai Fook"
    are companies even if the statistical model took the second for a person."""
    for m in {m.start: m for m in mentions.values() if m.named}.values():
        draft = registry.drafts[m.entity_id]
        if draft.known or draft.type != "Person":
            continue
        root = doc[m.start:m.end].root
        linked = [root.head] if root.dep_ == "conj" else []
        linked += [c for c in root.children if c.dep_ == "conj"]
        if any((o := mentions.get(t.i)) and registry.type_of(o.entity_id) == "Company"
               for t in linked):
            draft.type = "Company"
