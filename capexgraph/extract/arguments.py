"""Arguments of relation triggers: which entities a phrase, a subject, an object or a
preposition names, found by grammatical role over the dependency parse.

`SentenceRules` (relations.py) builds on these; nothing here decides what a relation is, and
nothing names a company or an article's words.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from capexgraph.extract.lexicon import triggers
from capexgraph.extract.mentions import descriptor_types
from capexgraph.extract.money import FoundAmount
from capexgraph.extract.registry import EntityRegistry, Mention
from capexgraph.schema import EntityType

# Children that open a clause of their own: arguments are not looked for inside them.
CLAUSES = frozenset({"relcl", "ccomp", "advcl", "parataxis", "xcomp", "csubj", "pcomp", "acl"})
_NOUN_LINKS = frozenset({"poss", "compound", "appos", "conj", "prep", "pobj", "nmod", "amod"})
_LIST_PREPS = frozenset({"like", "as", "including", "include", "of", "among"})
RELATIVE = frozenset({"WDT", "WP", "WP$"})
_SPENT_ON = frozenset({"on", "to", "for", "into"})  # "half going to GPUs", "earmarked for"
COMPANY = frozenset({"Company"})
HOLDERS = frozenset({"Index", "Fund"})
_SOURCE_PREFERENCE = ("Company", "Fund", "Index", "Person", "Sector")
ANY = frozenset({"Company", "Fund", "Index", "Person"})
EMPLOYERS = frozenset({"Company", "Fund", "Index"})
MODIFIERS = frozenset({"poss", "compound"})
_DEAL_PREPS = frozenset({"in", "under", "through", "via"})
PART_WORDS = frozenset({"one", "some", "several", "two", "three", "many", "each"})
_SPACED_HYPHEN = re.compile(r" - ")
_SHARES = frozenset({"much", "most", "half", "part", "some", "all"})  # "much of it on X"
COPULAS = frozenset({"be", "remain", "become"})  # "its largest customer remains Google"
_OVERTAKE = frozenset({"overtake", "surpass", "replace", "succeed", "displace", "unseat"})
FLOATING = frozenset({"each", "both", "all"})  # quantifiers standing for the names before
# words that may stand between a list of names and its verb ("have each invested")
AUXILIARY = frozenset({"will", "would", "shall", "has", "have", "had", "also", "each",
                        "both", "all", "already", "jointly", "now", "previously", "can"})


# what may stand between the names of a list with price moves: "A up 8% and both B and C
# rising by over 6%"
_LIST_WORDS = frozenset({"and", ",", "both", "by", "%", "percent", "more", "than", "over",
                         "nearly", "about", "almost", "around", "roughly", "each",
                         "respectively"})

def _excluding(prep: Token) -> bool:
    """A preposition that leaves out what it names: "a supplier other than Nvidia", "chips
    except Nvidia's"."""
    return prep.dep_ == "prep" and (prep.lower_ in ("except", "excluding") or (
        prep.lower_ == "than" and prep.head.lower_ in ("other", "rather")))


class Arguments:
    """The entities of one sentence, and how to reach them from a trigger."""

    def __init__(
        self,
        sent: Span,
        mentions: dict[int, Mention],
        registry: EntityRegistry,
        amounts: list[tuple[int, int, FoundAmount]],
    ) -> None:
        self.sent = sent
        self.mentions = mentions
        self.registry = registry
        self.amounts = amounts  # (first token, last token, amount)
        self.lex = triggers()

    def mention_at(self, tok: Token) -> Mention | None:
        return self.mentions.get(tok.i)

    def _typed(self, found: list[Mention], types: frozenset[str]) -> list[str]:
        out: list[str] = []
        for m in found:
            for entity_id in m.group or (m.entity_id,):  # "both companies": each of them
                if self.registry.type_of(entity_id) in types and entity_id not in out:
                    out.append(entity_id)
        return out

    def phrase_entities(self, tok: Token, types: frozenset[str]) -> list[str]:
        """Entities named anywhere in the phrase headed by `tok`, not entering clauses."""
        found: list[Mention] = []
        stack = [tok]
        while stack:
            t = stack.pop()
            m = self.mention_at(antecedent(t))  # "in which" -> the index before it
            if m is not None and m not in found:
                found.append(m)
            stack.extend(reversed([c for c in t.children if c.dep_ not in CLAUSES
                                   and not _excluding(c)]))
        return self._typed(found, types)

    def head_entities(self, tok: Token, types: frozenset[str]) -> list[str]:
        """Entities a noun phrase refers to: the name itself and its conjuncts, else the
        closest names linked to it (possessor, compound, apposition, "like X and Y")."""
        pronoun, tok = tok, antecedent(tok)
        # "who" stands for one name, not its conjuncts, unless its clause follows the whole
        # list: "Ping An Life, Hillhouse and SSCI, which together subscribed for ..."
        relative = pronoun.tag_ in RELATIVE and pronoun.i < max(c.i for c in conjuncts(tok))
        if self.mention_at(tok) is not None:
            return self._typed(self._list_items(tok, relative), types)
        # "Nvidia's rack partners, including Foxconn": the list names what the noun refers
        # to, not its possessor
        included = self._typed([m for p in tok.children if p.dep_ == "prep"
                                and p.lower_ in ("including", "like") for o in p.children
                                if o.dep_ == "pobj" for c in conjuncts(o)
                                if (m := self.mention_at(c)) is not None], types)
        if included and any(c.dep_ == "poss" for c in tok.children):
            return included
        # "assembles racks for Nvidia's partners": a company's partners, customers or peers
        # are others, not the company
        if tok.tag_ == "NNS" and tok.lemma_.lower() in self.lex.relational_nouns \
                and any(c.dep_ == "poss" for c in tok.children):
            return included
        frontier, seen = [tok], {tok.i}
        for _ in range(3):
            nxt: list[Token] = []
            for t in frontier:
                for c in t.children:
                    if c.i in seen or c.dep_ not in _NOUN_LINKS:
                        continue
                    if c.dep_ == "prep" and c.lower_ not in _LIST_PREPS:
                        continue
                    seen.add(c.i)
                    nxt.append(antecedent(c))
            # "investors including X and Y Ventures": each name with the list it heads
            hits = [m for t in nxt if (named_here := self.mention_at(t)) is not None
                    for m in (self._list_items(t, relative=False)
                              if t.head.lower_ in _LIST_PREPS else [named_here])]
            named = [m for t in nxt if t.dep_ == "appos" and (m := self.mention_at(t))]
            if self._typed(named, types):  # "its unit DayOne": the apposition names it
                hits = named
            named = [m for t in nxt if t.dep_ == "compound" and (m := self.mention_at(t))]
            possessed = any(t.dep_ == "poss" and self.mention_at(t) is not None for t in nxt)
            part = tok.lemma_.lower() in self.lex.invests.business_nouns
            if self._typed(named, types):
                # "its Kunlunxin unit": the compound names it, the possessor owns it; but
                # "Microsoft's Maia programme" is Microsoft's, no other company
                hits = [m for t in nxt if (t.dep_ == "poss") == (possessed and not part)
                        and (m := self.mention_at(t)) is not None]
            listed = [m2 for m in hits for t in conjuncts(self.sent.doc[m.start:m.end].root)[1:]
                      if (m2 := self.mention_at(t))]
            typed = self._typed(hits, types)
            if typed:  # items of a list are kept whatever their type ("Coatue and the fund INA")
                preferred = self._prefer(typed)
                return preferred + [e for e in self._typed(listed, types) if e not in preferred]
            if self._typed(listed, types):
                return self._prefer(self._typed(listed, types))
            frontier = nxt
        return []

    def _list_items(self, tok: Token, relative: bool) -> list[Mention]:
        """The names of the list a name heads: its conjuncts, names in apposition, and names
        the parser hung on it as modifiers joined by "and"."""
        heads = [tok] if relative else conjuncts(tok)
        # "A, B and C" parsed as A with the apposition "B and C": a name in apposition to a
        # name is the next item of a list
        heads += [c for t in list(heads) for a in t.children if a.dep_ == "appos"
                  and self.mention_at(a) is not None and not relative
                  and a.doc[a.left_edge.i - 1].text not in (":", ";")  # a colon lists
                  # something else; a semicolon starts another clause
                  for c in conjuncts(a)]
        # "Tencent and Hillhouse Investment" parsed as "(Tencent and Hillhouse)
        # Investment": a name modifying a name, coordinated by "and", is a list item
        heads += [c for t in list(heads) for a in t.children
                  if a.dep_ in ("nmod", "compound") and not relative
                  and (m := self.mention_at(a)) is not None and m != self.mention_at(t)
                  and (any(k.dep_ == "cc" and k.lower_ == "and" for k in a.children)
                       or (m.end < len(a.doc) and a.doc[m.end].lower_ == "and"))
                  for c in conjuncts(a)
                  if not any(k.dep_ == "case" for k in c.children)]  # not "BlackRock's"
        # "hyperscalers such as Microsoft and colocation providers such as Equinix": a
        # common noun the parser coordinated with a name brings the names it lists
        heads += [c for t in list(heads) if self.mention_at(t) is None and not relative
                  for p in t.children if p.dep_ == "prep"
                  and p.lower_ in ("as", "including", "like")
                  and (p.lower_ != "as" or p.doc[p.i - 1].lower_ == "such")
                  for o in p.children if o.dep_ == "pobj" for c in conjuncts(o)]
        return [m for t in heads if (m := self.mention_at(t)) is not None]

    def _prefer(self, ids: list[str]) -> list[str]:
        """Among names found at the same distance, a company before the person who runs it."""
        rank = {t: i for i, t in enumerate(_SOURCE_PREFERENCE)}
        best = min(rank[self.registry.type_of(e)] for e in ids)
        return [e for e in ids if rank[self.registry.type_of(e)] == best]

    def subject_of(self, verb: Token) -> tuple[Token | None, bool]:
        """The subject of a verb and whether the verb is passive, climbing through control
        verbs, coordination and "after raising ..."; a passive without a subject of its own
        ("..., and was backed by Silver Lake") is still passive."""
        passive = any(c.dep_ == "auxpass" for c in verb.children) or (
            verb.tag_ == "VBN" and any(c.dep_ == "agent" for c in verb.children))
        subjects = [c for c in verb.children
                    if c.dep_ in ("nsubj", "csubj", "expl", "nsubjpass")]
        # "under which Marvell designs ...": a name the parser made the verb's compound
        subjects = subjects or [c for c in verb.children if c.dep_ == "compound"
                                and c.i < verb.i and self.mention_at(c) is not None]
        # "its unit DayOne raised": of two subjects the parser left, the one that is a name
        if subjects:
            named = min(subjects, key=lambda c: self.mention_at(c) is None)
            return named, named.dep_ == "nsubjpass"
        if verb.dep_ == "conj" and (written := self._written_subject(verb)) is not None:
            return written, passive  # "..., and the E Fund ChiNext ETF tracks ..." misparsed
        if verb.dep_ == "xcomp" and (chosen := next(
                (c for c in verb.head.children if c.dep_ == "dobj"
                 and self.mention_at(c) is not None), None)) is not None:
            return chosen, passive  # "Lenovo picked MediaTek to supply chips": the object does
        if verb.dep_ == "advcl" and verb.head.lemma_.lower() in self.lex.supplies.chooser_verbs \
                and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) and (
                    chosen := next((c for c in verb.head.children if c.dep_ == "dobj"
                                    and self.mention_at(c) is not None), None)) is not None:
            return chosen, passive  # "Google tapped MediaTek to help design ...", parsed as
            # a purpose: the one tapped does it
        if verb.dep_ in ("xcomp", "conj", "advcl") and verb.head.i != verb.i:
            subject = self.subject_of(verb.head)[0]
            if subject is None and verb.head.dep_ == "amod":  # "signed a deal worth $17bn to
                subject = self.governing_subject(verb.head.head)  # supply X": the signer
            return subject, passive
        if verb.dep_ == "pcomp" and verb.head.head.i != verb.head.i:
            return self.subject_of(verb.head.head)[0], passive
        if verb.dep_ in ("acl", "relcl"):
            head = verb.head
            if head.dep_ == "appos" and self.mention_at(head) is None:
                head = head.head  # "MetaX, a GPU start-up backed by Tencent"
            elif head.dep_ == "attr" and self.mention_at(head) is None and verb.tag_ == "VBN" \
                    and (subject := self.subject_of(head.head)[0]) is not None:
                head = subject  # "Wiwynn, which is majority owned by Wistron", misparsed
            infinitive = (verb.dep_ == "acl" and verb.tag_ != "VBN") or any(  # "an agreement
                # to provide", as relcl; not "the chips fabricated by TSMC"
                c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
            if infinitive and not self.head_entities(head, ANY):
                # "signed a contract to buy capacity": the signer buys
                return self.governing_subject(head), False
            return head, passive
        return None, passive

    def name_right_before(self, tok: Token) -> Mention | None:
        """The name that ends right before `tok`, or before the code in brackets that
        follows it ("Sugon (603019) rose")."""
        doc, j = self.sent.doc, tok.i - 1
        if j > self.sent.start and doc[j].text == ")":
            while j > self.sent.start and doc[j].text != "(":
                j -= 1
            j -= 1
        m = self.mention_at(doc[j]) if j >= self.sent.start else None
        return m if m is not None and m.end == j + 1 else None

    def _written_subject(self, verb: Token) -> Token | None:
        """A name written right before a coordinated verb, after "and" or a comma, that the
        parser hung elsewhere: the verb's own subject, by word order. A code in brackets may
        follow the name ("the E Fund ChiNext ETF (159915) tracks")."""
        doc = self.sent.doc
        m = self.name_right_before(verb)
        if m is None or not m.named:
            return None
        k = m.start - 1
        while k >= self.sent.start and doc[k].dep_ == "det":
            k -= 1
        if k < self.sent.start or doc[k].lower_ not in ("and", ","):
            return None
        root = doc[m.start:m.end].root
        return root if root.dep_ not in ("nsubj", "nsubjpass") else None

    def governing_subject(self, noun: Token) -> Token | None:
        """For a nominal trigger, the subject of the nearest verb above it."""
        t = noun
        while t.head.i != t.i:
            t = t.head
            if t.pos_ in ("VERB", "AUX"):
                return self.subject_of(t)[0]
        return None

    def clause(self, head: Token) -> list[Token]:
        """The tokens of `head`'s own clause, in order (see `clause_tokens`)."""
        return [self.sent.doc[i] for i in sorted(clause_tokens(head))]

    def prep_objects(self, heads: list[Token], preps: frozenset[str]) -> list[Token]:
        """The prepositions of `heads` among `preps`, with those coordinated after another
        of their prepositions ("relies on Broadcom as its source, and on Jabil as ...")."""
        heads = heads + [c for h in heads for c in h.children if _misread_modifier(c)]
        out = []
        for h in heads:
            for p in h.children:
                if p.dep_ not in ("prep", "agent", "dative"):
                    continue
                if p.lower_ in preps:
                    out.append(p)
                out += [c for c in p.children if c.dep_ == "conj" and c.lower_ in preps
                        and c.pos_ == "ADP"]
        return out

    def prep_entities(self, heads: list[Token], preps: frozenset[str],
                      types: frozenset[str]) -> list[str]:
        """Entities in the prepositional phrases of `heads`: "from AMD", "of the index"."""
        return [e for p in self.prep_objects(heads, preps) for e in self.phrase_entities(p, types)]

    def ranked_after(self, heads: list[Token], types: frozenset[str]) -> list[str]:
        """Names a "followed by" clause on `heads` ranks after what they tell: "Nvidia
        accounted for 45% of its revenue, followed by Amazon and Google", "X is its largest
        shareholder, followed by the National Pension Service"."""
        return [e for h in heads for c in h.children if c.dep_ in ("acl", "advcl", "conj")
                and c.lemma_.lower() in self.lex.constituents.follow_verbs
                for e in self.prep_heads([c], frozenset({"by"}), types)]

    def prep_heads(self, heads: list[Token], preps: frozenset[str],
                   types: frozenset[str], led_only: bool = False) -> list[str]:
        """What the objects of prepositions name themselves ("to Crusoe and Chevron's
        venture" names Crusoe, not Chevron), through coordinated prepositions ("by X and by
        Y") and participles that lead or fund ("from investors led by X"); with `led_only`,
        those that lead ("through a vehicle financed by Apollo" is not bought from Apollo)."""
        out: list[str] = []
        for prep in self.prep_objects(heads, preps):
            for p in conjuncts(prep):
                out += [e for o in p.children if o.dep_ == "pobj"
                        for e in self.head_entities(o, types)]
                out += self.led_by(p, led_only)
        return list(dict.fromkeys(out))

    def child_entities(self, heads: list[Token], deps: frozenset[str],
                       types: frozenset[str] = ANY) -> list[str]:
        """Entities named by the direct dependents of `heads`: a possessor, a compound
        ("whose" standing for the name it follows); coordinated possessors each
        ("Microsoft's and Meta's preferred ODM")."""
        found = [m for h in heads for c in h.children if c.dep_ in deps
                 for t in (conjuncts(c) if c.dep_ == "poss" else [c])
                 if (m := self.mention_at(antecedent(t))) is not None]
        return self._typed(found, types)

    def hyphen_agents(self, verb: Token) -> list[str]:
        """The name a participle is hyphenated to: "Microsoft-backed OpenAI", "the
        SoftBank-owned chip designer" (a passive whose agent comes first)."""
        doc = self.sent.doc
        if verb.dep_ not in ("amod", "compound") or verb.i < self.sent.start + 2:
            return []
        hyphen, name = doc[verb.i - 1], doc[verb.i - 2]
        if hyphen.text != "-" or hyphen.whitespace_ or name.whitespace_:
            return []
        m = self.mention_at(name)
        if m is None or not m.named:
            return []
        modified = self.mention_at(verb.head)
        if not self.registry.is_known(m.entity_id) and modified is not None and modified.named:
            return []  # two unknown names around "-owned" are likely one: "Shanghai State-owned
            # Capital Investment" split by the statistical NER
        return self._typed([m], ANY)

    def modified_entities(self, modifier: Token) -> list[str]:
        """What a modifier's noun phrase names: "the Nvidia-backed cloud provider Nebius"
        (through compounds to the name), "Nscale, the Aker-backed neocloud" (through the
        apposition to the name it describes)."""
        noun = modifier.head
        while self.mention_at(noun) is None and noun.dep_ == "compound" and noun.head != noun:
            noun = noun.head
        found = self.head_entities(noun, ANY)
        if not found and noun.dep_ == "appos":
            found = self.head_entities(noun.head, ANY)
        return found

    def agent(self, verb: Token) -> Token | None:
        return next((c for c in verb.children if c.dep_ == "agent"), None)

    def objects(self, verb: Token) -> list[Token]:
        return [c for c in verb.children if c.dep_ in ("dobj", "dative", "attr", "oprd")] + [
            o for c in verb.children if _misread_modifier(c)
            for o in self.objects(c)]  # "supplies HBM3E memory": a product code read as a verb

    def amount_in(self, head: Token) -> FoundAmount | None:
        """The amount closest to `head` inside its own clause."""
        inside = clause_tokens(head)
        hits = [(abs(s - head.i), a) for s, e, a in self.amounts if s in inside or e in inside]
        return min(hits, key=lambda h: h[0])[1] if hits else None

    def deal_amount(self, verb: Token) -> FoundAmount | None:
        """The amount of the deal a verb is done under: "provide X with compute in a deal
        valued at $10 billion" (the deal's own clause included)."""
        # the parser may hang the deal lower ("with 750 megawatts of compute under a deal"),
        # read "compute" as a verb
        contract_nouns = self.lex.supplies.contract_nouns
        deals = [o for t in verb.subtree if t.dep_ == "prep" and t.lower_ in _DEAL_PREPS
                 for o in t.children if o.dep_ == "pobj" and o.lemma_.lower() in contract_nouns]
        if not deals and verb.dep_ in ("acl", "relcl", "advcl", "xcomp"):
            # "expanded its deal to sell electricity to Amazon, a contract valued at $18bn",
            # "a $9.7bn contract to provide Microsoft with GPUs" (parsed as a relative
            # clause): the deal the verb's clause is the purpose of, and what stands in
            # apposition
            governor = verb.head
            deals = [d for d in (governor, *(c for c in governor.children if c.dep_ == "dobj"))
                     if d.lemma_.lower() in contract_nouns]
            # the parser hangs the apposition on the deal, its verb or even its subject
            deals += [t for t in self.sent if deals and t.lemma_.lower() in contract_nouns
                      and t.dep_ in ("appos", "npadvmod")]
        if not deals and (relative := self.relative_deal(verb)) is not None:
            deals = [relative]  # "an agreement worth 1.2 billion yuan, under which ..."
        inside = {t.i for d in deals for t in d.subtree}
        return next((a for s, _, a in self.amounts if s in inside), None)

    def consideration(self) -> FoundAmount | None:
        """What the sentence says is paid for shares: "..., for total consideration of
        approximately HK$4.0 billion"."""
        paid = {t.i for n in self.sent if n.lemma_.lower() == "consideration"
                for t in n.subtree}
        return next((a for s, _, a in self.amounts if s in paid), None)

    def relative_deal(self, verb: Token) -> Token | None:
        """The deal a verb's clause is "under which" or "pursuant to which" it is done: the
        last deal noun before the relative, however the parser hung the clause."""
        relative = next((p for p in verb.children if p.dep_ == "prep" and any(
            o.dep_ == "pobj" and o.tag_ in RELATIVE for o in p.children)), None)
        if relative is None:
            return None
        contracts = self.lex.supplies.contract_nouns
        return next((t for t in reversed(self.sent.doc[self.sent.start:relative.i])
                     if t.lemma_.lower() in contracts), None)

    def sector(self, pobj: Token) -> str | None:
        """A Sector named by a common noun phrase: "AI infrastructure", "data centres", or
        a gerund the parser made of one ("computing power networks")."""
        words = self._sector_words(pobj)
        if words is None and pobj.tag_ == "VBG" and pobj.dep_ == "pcomp":
            obj = next((c for c in pobj.children if c.dep_ == "dobj"), None)
            inner = self._sector_words(obj) if obj is not None else None
            words = [pobj, *inner] if inner else None
        return self._named_sector(words) if words is not None else None

    def activity_objects(self, noun: Token) -> list[Token]:
        """What a building noun is of ("the expansion of its computing infrastructure", "the
        construction and upgrade of data centres": a conjunct shares its head's "of"), else
        the noun itself."""
        if noun.lemma_.lower() not in self.lex.invests.activity_nouns or any(
                c.dep_ == "compound" for c in noun.children):  # "capacity expansion of
            return [noun]  # its wafer fab" names its own sector
        heads = [noun, *([noun.head] if noun.dep_ == "conj" else [])]
        built = [c for p in self.prep_objects(heads, frozenset({"of"})) for o in p.children
                 if o.dep_ == "pobj" for c in conjuncts(o)]  # ("the expansion of X and the
        # construction of Y": the second is a conjunct of X)
        return [t for c in built for t in self.activity_objects(c)] or [noun]

    def built_sectors(self, heads: list[Token]) -> list[str]:
        """Sectors that a purpose clause on one of `heads` builds: "(committed $16bn) to
        expand its plants", "(a placement) to build computing centres"."""
        purposes = self.lex.invests.purpose_verbs
        return [sector for h in heads for c in h.children
                if c.dep_ in ("xcomp", "advcl", "acl", "relcl")
                and c.lemma_.lower() in purposes and any(t.tag_ == "TO" for t in c.children)
                for o in c.children if o.dep_ == "dobj" for s in conjuncts(o)
                if not self._built_for_another(s) and (sector := self.sector(s))]

    def _built_for_another(self, noun: Token) -> bool:
        """"data centres it is building for OpenAI": work for a customer, not a spend."""
        clauses = [c for c in noun.children if c.dep_ in ("relcl", "acl")]
        return bool(self.prep_heads([noun, *clauses], frozenset({"for"}), COMPANY))

    def _named_sector(self, words: list[Token]) -> str | None:
        """The Sector entity of these words, spaced as written ("2-nanometre capacity",
        "28nm capacity"), unless they name something else."""
        text = "".join(w.text_with_ws for w in words[:-1]) + words[-1].text
        entity_id = self.registry.resolve(_SPACED_HYPHEN.sub("-", text), "Sector")
        if entity_id is None or self.registry.type_of(entity_id) != "Sector":
            return None
        return entity_id

    def _sector_words(self, noun: Token) -> list[Token] | None:
        lemma = noun.lemma_.lower()
        # money is not what it is spent on ("to fund its OpenAI commitment"), nor are others
        # ("lends to rivals")
        if noun.pos_ not in ("NOUN", "PROPN") or lemma in self.lex.sector_stop \
                or lemma in self.lex.invests.nouns or lemma in self.lex.relational_nouns:
            return None
        if noun.lower_ in self.lex.executives.title_words():  # "..., chief executive X said"
            return None
        hyphened = noun.doc[noun.i - 2].lower_ + "-" if noun.i >= 2 \
            and noun.doc[noun.i - 1].text == "-" else ""
        if descriptor_types(hyphened + lemma):  # "committed $8 billion to the start-up": a
            return None  # company, not a sector
        if noun.ent_type_ in ("DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "GPE"):
            return None
        # a number written onto the next word is part of it ("1.6T", "28nm"), not a count
        # ... but an amount is what it costs ("a $100 billion chip-making complex")
        priced = {i for s, e, _ in self.amounts for i in range(s, e + 1)}
        mods = [c for c in noun.lefts if (c.dep_ in ("compound", "amod", "nmod") or (
                    c.dep_ == "nummod" and not c.whitespace_ and c.i + 1 < noun.i))
                and c.lower_ not in self.lex.modifier_stop and c.i not in priced
                and (not c.like_num or not c.whitespace_)]
        if (lemma in self.lex.sector_if_modified or lemma in self.lex.invests.activity_nouns) \
                and not mods:  # "invest in research", "to fund the expansion" name no
            return None  # sector; "in chip research", "capacity expansion" do
        return [t for m in mods for t in m.subtree if t.dep_ != "det"] + [noun]

    def investees(self, heads: list[Token], preps: frozenset[str],
                  investors: list[str] | None = None) -> list[str]:
        """What money goes into: the companies a prepositional object names ("in Intel",
        "in Meta's venture"), else the sectors it and its conjuncts name ("in memory chips
        and lithography", "on computing power networks"). The investors themselves are no
        investee ("in a new memory plant, its chief executive said" misparsed)."""
        for prep in self.prep_objects(heads, preps):
            if prep.head.pos_ in ("VERB", "AUX") and prep.i < prep.head.i:
                continue  # "OpenAI, in turn, has committed to buy": an aside before the verb
            if any(e not in (investors or []) for e in self._makers(prep)):
                return []  # "spend on Google's TPUs" buys goods; "on its new fab" does not
            objects = [c for c in prep.children if c.dep_ == "pobj"
                       or (c.dep_ == "pcomp" and c.tag_ == "VBG")]
            companies = [e for o in objects for e in self.head_entities(o, COMPANY)]
            partners = [o for o in objects if o.lemma_.lower() in self.lex.invests.partner_nouns]
            companies += self.prep_entities(partners, frozenset({"with"}), COMPANY)
            # "stakes in more than 50 AI companies, including xAI and Poolside": the names
            # the list gives for a plural noun
            plural = [o for o in objects if o.tag_ == "NNS" and self.mention_at(o) is None]
            companies += [e for h in (*plural, *heads) for p in h.children
                          if p.dep_ == "prep" and p.lower_ == "including"
                          for o in p.children if o.dep_ == "pobj"
                          for e in self.head_entities(o, COMPANY)] if plural else []
            # "stakes in four of China's AI tigers: Moonshot AI, MiniMax and Zhipu AI": the
            # names after the colon that ends the counted phrase
            counted = [o for o in objects if self.mention_at(o) is None
                       and (o.tag_ == "NNS" or o.like_num)]
            companies += self.listed_after_colon(counted)
            companies = [e for e in companies if e not in (investors or [])]
            if companies:
                return companies
            securities = self.lex.invests.security_nouns | self.lex.invests.round_nouns
            if any(t.lemma_.lower() in securities for o in objects for t in o.subtree):
                # "investing up to $2 billion in the equity portion": in whoever is raising
                return [e for e in self.registry.last_raisers() if e not in (investors or [])]
            sectors = [sector for o in objects for c in conjuncts(o)
                       if (sector := self.sector(c))]
            if sectors:
                return sectors
        return []

    def _makers(self, prep: Token) -> list[str]:
        """Companies that only modify a product bought: "spend on Google's TPUs". A company's
        own securities are not its products: "invest in the company's IPO" is an investment."""
        out: list[str] = []
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            # "on Nvidia and AMD chips": a name coordinated with a product makes it too
            products = self.coordinated_goods(pobj)
            if self.mention_at(pobj) is not None and products:
                out += self._typed([m for m in [self.mention_at(pobj)] if m], COMPANY)
                out += self.makers_of(products)
                continue
            if self.mention_at(pobj) is not None or self._venture(pobj) \
                    or pobj.lemma_.lower() in self.lex.invests.security_nouns \
                    | self.lex.invests.round_nouns \
                    or any(c.dep_ == "poss" and c.tag_ == "PRP$" for c in pobj.children):
                continue  # (nor is "its Yongin semiconductor cluster" bought from Yongin)
            out += self.child_entities([pobj], MODIFIERS, COMPANY)
            out += self.prep_heads([pobj], self.lex.supplies.source_preps, COMPANY)
        return out

    def coordinated_goods(self, tok: Token) -> list[Token]:
        """Common nouns naming no company coordinated after `tok`: in "Nvidia and AMD
        accelerators" and "Grace Blackwell and Vera Rubin systems" the first conjunct names
        the maker of goods, not a company bought or a person."""
        return [c for c in conjuncts(tok)[1:] if self.mention_at(c) is None and c.pos_ == "NOUN"]

    def business_part(self, n: Token) -> bool:
        """A part of a company, one of it: "its Ethernet unit" (but "its coolant distribution
        units" are goods)."""
        return n.tag_ == "NN" and n.lemma_.lower() in self.lex.invests.business_nouns

    def _venture(self, noun: Token) -> bool:
        """A company's project, venture or unit, whose money goes to the company: "Bloom
        fuel-cell projects", "its cloud unit" (not "Google's tensor processing units")."""
        lemma = noun.lemma_.lower()
        return lemma in self.lex.invests.venture_nouns and (
            self.business_part(noun) or lemma not in self.lex.invests.business_nouns)

    def spent_on(self, heads: list[Token], preps: frozenset[str]) -> list[str]:
        return [e for p in self.prep_objects(heads, preps) for e in self._makers(p)]

    def listed_before(self, i: int, types: frozenset[str] = COMPANY) -> list[str]:
        """Names in the list that ends right before token `i`: "A, B and C", "the X ETF
        (510300) and the Y ETF"."""
        doc, first = self.sent.doc, self.sent.start
        out: list[str] = []
        j = i - 1
        while j >= first:
            if doc[j].text == ")":  # a code in brackets after a name
                while j > first and doc[j].text != "(":
                    j -= 1
                j -= 1
                continue
            m = self.mention_at(doc[j])
            if m is None or self.registry.type_of(m.entity_id) not in types:
                break
            if out and doc[m.start:m.end].root.dep_ in ("pobj", "dobj"):
                break  # "... to Nvidia, and Micron ships": an earlier clause's object
            out.insert(0, m.entity_id)
            j = m.start - 1
            while j >= first and doc[j].lower_ == "the":
                j -= 1
            if j >= first and doc[j].lower_ == "and":
                j -= 1
            if j >= first and doc[j].text == ",":
                j -= 1
        return list(dict.fromkeys(out))

    def listed_after(self, i: int, types: frozenset[str] = frozenset({"Company"})) -> list[str]:
        """Names of `types` in the list that starts at token `i` ("both Nvidia and AMD", "the
        X ETF (3033.HK), the Y ETF (513180)")."""
        out: list[str] = []
        j = i
        while j < self.sent.end and self.sent.doc[j].lower_ in ("both", "the", "either"):
            j += 1
        while j < self.sent.end:
            m = self.mention_at(self.sent.doc[j])
            if m is None or self.registry.type_of(m.entity_id) not in types:
                break
            doc, after = self.sent.doc, self.sent.doc[m.end] if m.end < self.sent.end else None
            if len(out) == 1 and after is not None and after.tag_ in ("VBZ", "VBD", "VBP", "MD") \
                    and doc[m.start - 1].lower_ == "and" and doc[m.start - 2].text == ",":
                break  # "ship ... to Nvidia, and Fabrinet makes ...": the next clause's subject
            out.append(m.entity_id)
            j = m.end
            if j + 2 < self.sent.end and self.sent.doc[j].text == "(" \
                    and self.sent.doc[j + 2].text == ")":
                j += 3  # its code
            if j < self.sent.end and self.sent.doc[j].text == ",":
                j += 1
            if j < self.sent.end and self.sent.doc[j].lower_ == "and":
                j += 1
            if j < self.sent.end and self.sent.doc[j].lower_ == "the" and types != COMPANY:
                j += 1  # "the X ETF and the Y ETF" (but "Nvidia and the chipmaker" is no
                # second company)
        return list(dict.fromkeys(out))

    def listed_after_colon(self, heads: list[Token],
                           types: frozenset[str] = frozenset({"Company"})) -> list[str]:
        """Names of `types` listed after the colon that ends the phrase of `heads` ("four of
        China's AI tigers: Moonshot AI, MiniMax and Zhipu AI", "Products tracking the index:
        X (3033.HK), Y"), or that the parser hung inside it ("more than 10% of revenue:
        Amazon, Microsoft and xAI")."""
        if not heads:
            return []
        first = min(h.i for h in heads)
        end = max(t.i for h in heads for t in h.subtree) + 1
        after = [t for h in heads for t in h.subtree if t.i > first] + list(
            self.sent.doc[end:min(end + 2, self.sent.end)])
        colon = next((t for t in after if t.text == ":"), None)
        return self.listed_after(colon.i + 1, types) if colon is not None else []

    def listed_with_moves(self, i: int) -> list[str]:
        """Companies listed from token `i` on with the price moves of each ("Kuaishou-W up
        more than 8% and Meituan-W and JD.com up over 4%", "..., and both SMIC and Alibaba-W
        rising by over 6%"): the list ends at the first word of anything else."""
        out: list[str] = []
        moves = self.lex.constituents
        j = i
        while j < self.sent.end:
            tok = self.sent.doc[j]
            m = self.mention_at(tok)
            if m is not None and self.registry.type_of(m.entity_id) == "Company":
                out.append(m.entity_id)
                j = m.end
                continue
            if not (tok.lower_ in _LIST_WORDS or tok.like_num or tok.lower_ in moves.move_adverbs
                    or tok.lemma_.lower() in moves.price_moves):
                break
            j += 1
        return list(dict.fromkeys(out))

    def is_product(self, tok: Token) -> bool:
        """What is bought, used or built with: a phrase naming no company ("Grace Blackwell"
        read as a person's name is still a product)."""
        m = self.mention_at(tok)
        return m is None or self.registry.type_of(m.entity_id) not in COMPANY

    def of_objects(self, heads: list[Token]) -> list[Token]:
        """What "of" names after each head: "$2 billion of Marvell shares" -> shares."""
        return [c for p in self.prep_objects(heads, frozenset({"of"})) for c in p.children
                if c.dep_ == "pobj"]

    def possessors_of(self, products: list[Token]) -> list[str]:
        """The companies that possess products, however deep in the phrase: "Apple's
        servers", "Apple's Private Cloud Compute servers" (the parser hangs "Apple's" on
        "Compute"), and of each coordinated product ("Google's TPUs and Meta's MTIA
        accelerators")."""
        found = [m for p in (c for prod in products for c in conjuncts(prod))
                 for left in p.lefts for t in left.subtree
                 if t.dep_ == "poss" and (m := self.mention_at(antecedent(t))) is not None]
        return self._typed(found, COMPANY)

    def makers_of(self, products: list[Token], exclude: list[str] | None = None) -> list[str]:
        """Companies named in front of products: "AMD chips", "Amazon's Trainium chips",
        "Samsung-made AI5 chips", through coordinated products too; else who is said to make
        or launch them."""
        makers: list[str] = []
        products = [antecedent(p) for p in products]  # "accelerators, which X adopted"
        inner = [o for prod in products for p in prod.children
                 if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
        named_inner = {c.i for o in inner for c in conjuncts(o)}
        for p in (c for prod in (*products, *inner) for c in conjuncts(prod)):
            found: list[Mention] = []
            owners: list[Mention] = []
            if p.i in named_inner:  # "data centres of Alibaba Cloud and ByteDance"
                found += [m for m in [self.mention_at(p)] if m is not None]
            for left in p.lefts:
                found += [m for t in left.subtree if (m := self.mention_at(t)) is not None]
                owners += [m for t in left.subtree  # "whose chip designs": the antecedent's
                           if t.dep_ == "poss" and (m := self.mention_at(antecedent(t)))
                           is not None]
            # "The chips, made by TSMC, ...": a participle's agent (not "a cluster used by
            # X": who uses is no maker)
            agents = [m for a in p.children if a.dep_ == "acl" and a.tag_ == "VBN"
                      and a.lemma_.lower() not in self.lex.supplies.reverse_verbs
                      for g in a.children if g.dep_ == "agent" for t in g.subtree
                      if (m := self.mention_at(t)) is not None]
            # "Nvidia's Blackwell systems": the possessor makes it, the compound names it;
            # each coordinated product has its own ("Amazon's chips as well as Nvidia GPUs");
            # "its own M-series chips, made by TSMC": the agent, when the owner is excluded
            # "Hygon launched DCU accelerators, which China Telecom adopted": who makes
            # the goods its verb has as object
            making = p.dep_ == "dobj" and p.head.lemma_.lower() in self.lex.supplies.making_verbs
            makers_subject = [m for s in p.head.children if making and s.dep_ == "nsubj"
                              for c in conjuncts(s) if (m := self.mention_at(c)) is not None]
            # "Stargate UAE, a campus that OpenAI will use": a named site is not its maker
            itself = None if p.i in named_inner else self.mention_at(p)
            found = [m for m in found if m != itself]
            # a name NER made of a product code ("DCU accelerators") gives way to who is
            # said to make them
            known = [m for m in found if self.registry.is_known(m.entity_id)]
            tiers = ([e for e in self._typed(group, COMPANY) if e not in (exclude or [])]
                     for group in (owners, agents, known, makers_subject, found))
            makers += [e for e in next((t for t in tiers if t), []) if e not in makers]
        return makers

    def led_by(self, prep: Token, led_only: bool = False) -> list[str]:
        """Who leads or funds what a preposition names: "in a round led by TWG Global", "a
        placement subscribed by X"; with `led_only`, who leads it."""
        return [e for t in prep.subtree if t.dep_ == "acl" and t.tag_ == "VBN"
                and (not led_only or t.lemma_.lower() in self.lex.invests.lead_verbs)
                for c in t.children if c.dep_ == "agent"  # (not "debt secured by Nvidia
                if not any(o.lemma_.lower() in self.lex.supplies.goods_nouns  # chips": goods
                           for o in c.children)  # back it)
                for e in self.phrase_entities(c, ANY) or [
                    u for o in c.children if o.dep_ == "pobj"
                    and t.lemma_.lower() in self.lex.invests.lead_verbs
                    for u in self.unnamed_company(o)]]

    def unnamed_company(self, head: Token) -> list[str]:
        """The leader of a round that no model tagged ("a round led by Aker"): who leads a
        round is an investor, so a company, even of one word."""
        return self._unnamed(head, "Company", 1)

    def is_holder(self, entity_id: str) -> bool:
        return self.registry.type_of(entity_id) in HOLDERS

    def index_named_after(self, n: Token) -> list[str]:
        """The index a noun is set off with, however the parser hung it: "the ETF's
        benchmark, the CSI Robotics Industry Index"."""
        doc = self.sent.doc
        if n.i + 2 >= self.sent.end or doc[n.i + 1].text != ",":
            return []
        j = n.i + 2 + (doc[n.i + 2].lower_ == "the")
        m = self.mention_at(doc[j]) if j < self.sent.end else None
        return self._typed([m], frozenset({"Index"})) if m is not None else []

    def counted_as(self, n: Token) -> Token | None:
        """The "as" or "among" of a verb that counts something as `n`, or as the noun `n` is
        coordinated with ("counts Nvidia as both a supplier and a shareholder"); not a
        copula's ("X is among its customers")."""
        while n.dep_ == "conj":
            n = n.head
        if n.dep_ == "pobj" and n.head.lower_ in ("as", "among") \
                and n.head.head.pos_ == "VERB" and n.head.head.lemma_ not in COPULAS:
            return n.head
        return None

    def described_by(self, n: Token, types: frozenset[str] = COMPANY) -> list[str]:
        """Who a predicate noun describes: "X is a supplier", "X, a supplier of Y", "X was
        named a supplier",
        "counts X as its customer", "counts X among its customers", "its customers
        include X" and "its largest shareholder is X"; a noun coordinated with such a noun
        describes the same ("counts X as both a supplier and a shareholder")."""
        while n.dep_ == "conj" and n.head.pos_ == "NOUN":
            n = n.head
        noun = n
        if n.dep_ == "pobj" and n.head.lower_ == "of" and n.head.head.lower_ in PART_WORDS:
            n = n.head.head  # "X is one of its largest customers", "X, one of its suppliers"
        if n.dep_ == "appos":
            named = self.mention_at(n.head)
            if n.tag_ == "NN" and named is not None:  # "A and B Ventures, Aramco's arm": one
                return self._typed([named], types)
            return self.head_entities(n.head, types)
        if n.dep_ == "attr":
            subj, _ = self.subject_of(n.head)
            return self.head_entities(subj, types) if subj is not None else []
        if n.dep_ == "oprd":  # "Alibaba was named its largest customer", "named X its ..."
            subj, passive = self.subject_of(n.head)
            if passive:
                return self.head_entities(subj, types) if subj is not None else []
            return [e for c in n.head.children if c.dep_ == "dobj"
                    for e in self.head_entities(c, types)]
        if n.dep_ == "pobj" and n.head.lower_ in ("as", "among"):
            verb = n.head.head
            with_ = self.absolute_with(n)  # "..., with the Big Fund among the subscribers",
            if with_ is not None and verb.head.i == with_.i:  # "..., with AMD and Google
                if verb.dep_ == "pobj":  # named as early customers"
                    return self.head_entities(verb, types)
                subj, _ = self.subject_of(verb)
                return self.head_entities(subj, types) if subj is not None else []
            # "X remains the largest assembler of racks, with Microsoft and Oracle as its
            # main customers": the "with" hangs on the copula or its predicate noun
            predicates = [c for c in verb.children if c.dep_ == "attr"]
            if verb.lemma_ in COPULAS and predicates and (listed := [
                    e for p in self.prep_objects([verb, *predicates], frozenset({"with"}))
                    if p.i < n.head.i for o in p.children if o.dep_ == "pobj"
                    for e in self.head_entities(o, types)]):
                return listed
            if verb.lemma_ in COPULAS:  # "CoreWeave and Oracle are among its customers"
                subj, _ = self.subject_of(verb)
                return self.head_entities(subj, types) if subj is not None else []
            if verb.lemma_ in _OVERTAKE:  # "Nvidia has overtaken Apple as TSMC's largest
                subj, _ = self.subject_of(verb)  # customer": both are
                return (self.head_entities(subj, types) if subj is not None else []) + [
                    e for c in verb.children if c.dep_ == "dobj"
                    for e in self.head_entities(c, types)]
            objects = [c for c in verb.children if c.dep_ == "dobj"]
            # "..., with xAI and Lambda among its largest buyers", "backlog reached $55bn,
            # with OpenAI and Meta as its two largest customers"
            return [e for c in objects for e in self.head_entities(c, types)] or \
                self.prep_heads([verb, *objects], frozenset({"with"}), types)
        if n.dep_ == "nsubj" and n.head.lemma_.lower() in self.lex.list_verbs | COPULAS:
            return [e for c in n.head.children if c.dep_ in ("dobj", "attr", "acomp")
                    for e in self.head_entities(c, types)]  # "its backers include X" (a
            # name read as an adjective: "its mystery customer is Anthropic")
        following = self.mention_at(n.doc[n.i + 1]) if n.i + 1 < self.sent.end else None
        if following is not None and following.start == n.i + 1:  # "its largest shareholder
            # Chen Tianshi holds 28%", "Zhipu AI's shareholders Meituan and Ant Group"
            root = n.doc[following.start:following.end].root
            return self._typed([m for c in conjuncts(root)
                                if (m := self.mention_at(c)) is not None], types)
        # "two of its largest customers, Meta and Microsoft,"
        return [e for h in dict.fromkeys([n, noun]) for c in h.children if c.dep_ == "appos"
                for e in self.head_entities(c, types)]

    def absolute_with(self, n: Token) -> Token | None:
        """The "with" of an absolute phrase that gives names a role noun ("Cambricon raised
        4 billion yuan, with the Big Fund among the subscribers", "Samsung began producing
        HBM4, with AMD and Google named as early customers")."""
        if n.dep_ != "pobj" or n.head.lower_ not in ("as", "among"):
            return None
        holder = n.head.head  # the names, the verb naming them, or the clause's verb
        named_verb = holder.dep_ == "pcomp" and holder.tag_ in ("VBN", "VBD")
        if (holder.dep_ == "pobj" or named_verb) and holder.head.lower_ == "with":
            return holder.head
        return next((c for c in holder.children if c.dep_ == "prep" and c.lower_ == "with"
                     and holder.pos_ in ("VERB", "AUX")), None)

    def absolute_party(self, n: Token) -> list[str]:
        """Whom the clause an absolute "with" phrase hangs on is about: its subject's
        company, or the maker of the goods it is about ("GE Vernova's turbines are booked,
        with xAI among the buyers")."""
        with_ = self.absolute_with(n)
        subj = self.governing_subject(with_) if with_ is not None else None
        if subj is None:
            return []
        if self.is_product(subj) and self.mention_at(subj) is None:
            return self.makers_of([subj])
        return self.head_entities(subj, COMPANY)

    def spending_shares(self, verb: Token) -> dict[str, FoundAmount | None]:
        """Sectors the shares of a spend go to, told after its verb, each with the share's
        own amount when it has one: "much of it on 2-nanometre capacity", "with roughly half
        going to GPUs and CPUs", "with 85 billion yuan earmarked for AI processors", "capital
        expenditure of 160 billion yuan, of which 85 billion yuan will go to AI processors",
        "..., of which 85 billion yuan will be used to purchase AI processors"."""
        out: dict[str, FoundAmount | None] = {}
        amounts = {s: a for s, _, a in self.amounts}
        for with_ in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "with"):
            for t in with_.children:
                going = [t] if t.dep_ == "pcomp" and t.tag_ == "VBG" else [
                    a for a in t.children if t.dep_ == "pobj" and a.dep_ == "acl"
                    and a.tag_ == "VBN"]
                amount = next((amounts[x.i] for g in going for x in g.children
                               if x.dep_ in ("nsubj", "nsubjpass") and x.i in amounts),
                              amounts.get(t.i))
                out.update((s, amount) for p in self.prep_objects(going, _SPENT_ON)
                           for o in p.children if o.dep_ == "pobj" for c in conjuncts(o)
                           if (s := self.sector(c)))
        for c in verb.children:
            if c.dep_ not in ("advcl", "relcl", "ccomp") or not any(
                    p.dep_ == "prep" and p.lower_ == "of" and p.i < c.i  # (on the verb or
                    and any(o.tag_ in RELATIVE for o in p.children) for p in c.subtree):
                continue  # on its subject)
            amount = next((amounts[x.i] for x in c.children
                           if x.dep_ in ("nsubj", "nsubjpass") and x.i in amounts), None)
            uses = [o for x in c.children if x.dep_ == "xcomp" for o in x.children
                    if o.dep_ == "dobj"] + [o for p in self.prep_objects([c], _SPENT_ON)
                                            for o in p.children if o.dep_ == "pobj"]
            out.update((s, amount) for u in uses for t in conjuncts(u) if (s := self.sector(t)))
        phrases = [c for c in verb.children if c.dep_ in ("npadvmod", "advmod", "dobj", "appos")
                   and c.lower_ in _SHARES]  # "much of it on", "half for"
        for sector in (sector for p in self.prep_objects(phrases, _SPENT_ON)
                       for o in p.children if o.dep_ == "pobj" for c in conjuncts(o)
                       if (sector := self.sector(c))):
            out.setdefault(sector, None)
        return out

    def sector_modifying(self, noun: Token) -> list[str]:
        """The sector named in front of a spending noun: "its three-year AI infrastructure
        budget" (not "its 2025 capex guidance" nor "capital spending")."""
        words = [c for c in noun.lefts if c.dep_ in ("compound", "amod") and not c.like_num
                 and c.lemma_.lower() not in self.lex.invests.spending_nouns
                 and c.lemma_.lower() not in self.lex.sector_stop]
        words = [w for w in words if all(t.dep_ in ("compound", "amod") and not t.like_num
                                         and t.text != "-" for t in noun.doc[w.i:noun.i])]
        if not words or words[-1].pos_ != "NOUN":
            return []
        sector = self._named_sector(words)
        return [sector] if sector is not None else []

    def product_owners(self, preps: list[Token]) -> list[str]:
        """Who owns the products a preposition names: "for Apple's M-series processors"."""
        products = [o for p in preps for o in p.children
                    if o.dep_ == "pobj" and self.is_product(o)]
        return self.child_entities(products, frozenset({"poss"}), COMPANY)

    def reporter(self, verb: Token) -> list[str]:
        """The companies subject of the clause that reports `verb`'s ("Moore Threads
        disclosed that the fund subscribed ...")."""
        t = verb
        while t.dep_ in ("ccomp", "conj") and t.head.i != t.i:
            t = t.head
            subj, _ = self.subject_of(t)
            if t.dep_ != "conj" and subj is not None:
                return self.head_entities(subj, COMPANY)
        return []

    def they(self, verb: Token) -> list[str]:
        """What "they" stands for: the coordinated names subject of the clause that governs
        its own ("Microsoft and Nvidia said they would invest")."""
        t = verb
        while t.dep_ in ("ccomp", "xcomp", "conj", "advcl") and t.head.i != t.i:
            t = t.head
            subj, _ = self.subject_of(t)
            names = self.head_entities(subj, ANY) if subj is not None else []
            if len(names) > 1:
                return names
        return []

    def respective_amounts(self, verb: Token, investors: list[str]) -> dict[str, FoundAmount]:
        """Amounts that go with investors in order, "respectively"."""
        if len(investors) < 2 or not any(c.lower_ == "respectively" for c in verb.children):
            return {}
        inside = clause_tokens(verb)
        amounts = [a for s, _, a in sorted(self.amounts, key=lambda x: x[0]) if s in inside]
        return dict(zip(investors, amounts, strict=True)) if len(amounts) == len(
            investors) else {}

    def quantified(self, verb: Token) -> list[Token]:
        """What a verb's quantity phrase is of: "bought over half of its AI servers"."""
        return [o for p in self.prep_objects([verb], frozenset({"over", "about", "nearly",
                                                                "almost", "around"}))
                for q in p.children if q.dep_ == "pobj"
                for of in self.prep_objects([q], frozenset({"of"}))
                for o in of.children if o.dep_ == "pobj" and self.is_product(o)]

    def role_before_name(self, n: Token) -> tuple[list[str], list[str]]:
        """A role noun written as a title before a name, with the other side before it:
        "Apple supplier Foxconn" gives ([Foxconn], [Apple])."""
        named = self.mention_at(n.head) if n.dep_ == "compound" else None
        if named is None:
            return [], []
        return (self._typed([named], COMPANY),
                self.child_entities([n], frozenset({"compound"}), COMPANY))

    def noun_amount(self, n: Token) -> FoundAmount | None:
        """The amount of a nominal trigger, else of the verb it hangs from ("agreed to pay
        $14.3 billion for a 49% stake")."""
        amount = self.amount_in(n)
        t = n
        while amount is None and t.head.i != t.i and t.pos_ not in ("VERB", "AUX"):
            t = t.head
            if t.pos_ in ("VERB", "AUX"):
                amount = self.amount_in(t)
        return amount

    def gapped_amounts(self, verb: Token, objs: list[Token]) -> list[Token]:
        """Amounts of a clause whose verb was left out: "Microsoft will invest $5bn and
        Nvidia $10bn in X", "invest $100bn in OpenAI, and nearly $1bn in Nokia"."""
        starts = {first for first, _, _ in self.amounts}
        heads = [verb, *([verb.head] if verb.dep_ == "xcomp" else [])]
        gaps = [c for o in objs if o.i in starts for c in conjuncts(o)[1:]]
        gaps += [c for h in heads for c in h.children if c.dep_ == "conj"]
        return [g for g in gaps if g.i in starts and g.i != verb.i]

    def phrasal(self, verb: Token) -> str | None:
        """The verb a phrasal verb means ("picked up $200 million from Accel": raised; "with
        Tencent following on": participating); its particle may be parsed as a preposition
        with no object."""
        return next((self.lex.phrasal_verbs[key] for c in verb.children
                     if (c.dep_ == "prt" or (c.dep_ == "prep" and not any(c.children)))
                     and (key := f"{verb.lemma_.lower()} {c.lower_}") in self.lex.phrasal_verbs),
                    None)

    def offering_sellers(self, verb: Token) -> list[str]:
        """Who sells its own shares when a verb's subject is its offering: "Zhipu AI's listing
        drew cornerstone orders from X" (orders for shares, not for goods)."""
        subj, _ = self.subject_of(verb)
        if subj is None or subj.lemma_.lower() not in self.lex.invests.security_nouns:
            return []
        return self.child_entities([subj], frozenset({"poss"}), COMPANY)

    def participants(self, verb: Token) -> list[str]:
        """Who a "with" phrase adds to a raise: "with X and Y also participating" (or
        co-leading), "with cornerstone investors including X and Y", "with X and Y as
        cornerstone investors", "with participation from X"."""
        out: list[str] = []
        lex = self.lex.invests
        objects = [c for c in verb.children if c.dep_ == "dobj"]  # "completed a round with"
        # "closed a round led by X, with participation from Y": hung on the participle
        objects += [a for o in objects for a in o.children if a.dep_ == "acl"]
        for with_ in self.prep_objects([verb, *objects], frozenset({"with"})):
            # "with X and Y as cornerstone investors", the "as" hung on the noun or the verb
            named_investors = any(p.dep_ == "prep" and p.lower_ == "as" and any(
                o.lemma_.lower() in lex.investor_nouns for o in p.children)
                for h in (verb, *[c for c in with_.children if c.dep_ == "pobj"])
                for p in h.children)
            for c in with_.children:
                lemma = self.phrasal(c) or c.lemma_.lower()
                if c.dep_ == "pcomp" and lemma in lex.participate_verbs | lex.lead_verbs:
                    # "with X and Y co-leading"; "with X following on": the noun before it
                    subj = next((s for s in c.children if s.dep_ == "nsubj"), None)
                    out += [e for o in ([subj] if subj is not None else with_.children)
                            if o.dep_ in ("nsubj", "pobj") for e in self.head_entities(o, ANY)]
                    out += [e for o in c.children if o.dep_ == "dobj"  # "with Nvidia and
                            for e in self.head_entities(o, ANY)]  # Cisco joining the PIF
                    # and QIA in the round": those joined take part too
                elif c.dep_ == "pobj" and (lemma in lex.investor_nouns or named_investors):
                    out += self.head_entities(c, ANY)
                elif c.dep_ == "pobj" and lemma in self.lex.invests.participate_nouns:
                    out += self.prep_heads([c], frozenset({"from", "by", "of"}), ANY)
        return out

    def holder_before(self, tok: Token) -> list[str]:
        """The nearest index or fund named before `tok` in its sentence."""
        before = [m for i, m in self.mentions.items() if self.sent.start <= i < tok.i]
        prior = [m.entity_id for m in before if self.is_holder(m.entity_id)]
        return prior[-1:]

    def context_holder(self, types: frozenset[str] = HOLDERS) -> list[str]:
        """The index or fund the article spoke of last, for a sentence that names none: the
        last one mentioned ("The ETF tracks the index. Tencent is 10% of the index. NetEase
        and Baidu are also constituents": of the index); of `types` when one was named."""
        recent = [e for e in reversed(self.registry.recent) if self.registry.type_of(e) in HOLDERS]
        last = next((e for e in recent if self.registry.type_of(e) in types), None) \
            or next(iter(recent), None)
        return [last] if last else []

    def main_subjects(self) -> list[str]:
        """The companies subject of the sentence's main verb."""
        subj, _ = self.subject_of(self.sent.root)
        return self.head_entities(subj, COMPANY) if subj is not None else []

    def sentence_company(self, before: Token, exclude: list[str] | None = None) -> list[str]:
        """The company a sentence is about: a company subject of `before`'s clause, or of a
        clause written before it, else the nearest company named before `before`; never one
        of `exclude`."""
        named = sorted({m.start: m for i, m in self.mentions.items()
                        if self.sent.start <= i < self.sent.end}.values(), key=lambda m: m.start)
        companies = [m for m in named if self.registry.type_of(m.entity_id) == "Company"
                     and m.entity_id not in (exclude or [])]
        verb = before
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        # "Chief executive Hock Tan said Meta was ramping": not a subject of what was said
        own = clause_tokens(verb)
        subjects = [m for m in companies if _subject_or_its_owner(self.sent.doc[m.start:m.end].root)
                    and (m.start in own or m.start < before.i)]
        subjects.sort(key=lambda m: m.start not in own)  # its own clause's first, then
        earlier = [m for m in companies if m.start < before.i]  # "AMD will ..., X said"
        found = subjects[:1] or earlier[-1:]
        return [found[0].entity_id] if found else []

    def unnamed_person(self, head: Token) -> list[str]:
        """A person's name that a title stands in apposition to ("Jayshree Ullal, Arista's
        chief executive") when no model tagged it: two words at least."""
        return self._unnamed(head, "Person", 2)

    def _unnamed(self, head: Token, type_: EntityType, least: int) -> list[str]:
        """A name no model tagged, known to be of `type_` by where it stands: capitalised
        proper nouns ending at `head` (at least `least` of them), no entity."""
        if head.pos_ != "PROPN" or self.mention_at(head) is not None or head.ent_type_:
            return []
        words = [t for t in head.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"
                 and t.i >= head.i - 3] + [head]
        if len(words) < least or not all(t.text[:1].isupper() and not t.ent_type_
                                         for t in words):
            return []
        entity_id = self.registry.resolve(" ".join(t.text for t in words), type_)
        if entity_id is None or self.registry.type_of(entity_id) != type_:
            return []
        mention = Mention(words[0].i, head.i + 1, entity_id, True)
        for t in words:
            self.mentions[t.i] = mention
        return [entity_id]


def _misread_modifier(tok: Token) -> bool:
    """A modifier of the object the parser made a verb's complement: a product code
    ("supplies HBM3E memory") or a gerund ("supplies cooling units"), not an infinitive."""
    if tok.dep_ != "xcomp" or any(c.dep_ == "aux" for c in tok.children):
        return False
    code = any(c.isdigit() for c in tok.text) and any(c.isupper() for c in tok.text)
    return code or tok.tag_ == "VBG"


def antecedent(tok: Token) -> Token:
    """What a relative pronoun stands for: "the index, whose holdings ..." -> the index."""
    if tok.tag_ not in RELATIVE and not (tok.lower_ == "that" and tok.head.dep_ == "relcl"):
        return tok  # ("that" is sometimes tagged a preposition)
    t = tok
    while t.dep_ != "relcl" and t.head.i != t.i:
        t = t.head
    if t.dep_ != "relcl":
        return tok
    noun = t.head  # "Wiwynn, a Wistron subsidiary whose biggest customer is Meta": the name
    if noun.dep_ == "appos" and noun.pos_ == "NOUN" and noun.head.pos_ == "PROPN":
        return noun.head  # the appositive describes
    if noun.dep_ == "attr" and noun.pos_ == "NOUN":  # "Infinidat is a storage company whose
        subject = next((c for c in noun.head.children if c.dep_ == "nsubj"  # customers
                        and c.pos_ == "PROPN"), None)  # include Oracle": the subject
        if subject is not None:
            return subject
    return noun


def verb_forms(tok: Token) -> set[str]:
    """The base forms a word could be of: "supplies", "secured", "rents" -> supply, secure,
    rent (for words the tagger did not take for verbs, whose lemma is the word itself)."""
    form = tok.lower_
    return {tok.lemma_.lower(), form, form.removesuffix("s"), form.removesuffix("es"),
            form.removesuffix("d"), form.removesuffix("ed"), form[:-3] + "y"}


def conjuncts(tok: Token) -> list[Token]:
    out = [tok]
    for c in tok.children:
        if c.dep_ == "conj":
            out += conjuncts(c)
    return out


def clause_tokens(head: Token) -> set[int]:
    """Token indices of `head`'s subtree, leaving out clauses that hang from it."""
    out: set[int] = set()
    stack = [head]
    while stack:
        t = stack.pop()
        out.add(t.i)
        # a conjunct of a verb is another clause, even one the tagger made a noun ("and
        # Micron ships HBM to AMD"); "worth" is no clause, however the parser hung it
        stack.extend(c for c in t.children if (c.dep_ not in CLAUSES or c.lower_ == "worth")
                     and not (c.dep_ == "conj" and "VERB" in (c.pos_, t.pos_)))
    return out


def _subject_or_its_owner(tok: Token) -> bool:
    """A subject, or the possessor of one ("Its transceivers ship to Nvidia")."""
    return tok.dep_ in ("nsubj", "nsubjpass") or (
        tok.dep_ == "poss" and tok.head.dep_ in ("nsubj", "nsubjpass"))
