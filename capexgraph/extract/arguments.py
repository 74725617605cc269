"""Arguments of relation triggers: which entities a phrase, a subject, an object or a
preposition names, found by grammatical role over the dependency parse.

This is the core: names, subjects, objects and prepositions. Two layers build on it,
`DescribedArguments` (described.py: what role nouns and lists name) and `GoodsArguments`
(goods.py: amounts, investees, sectors, products and makers), and the rules build on those
(rule_base.py). Nothing here decides what a relation is, and nothing names a company or an
article's words.
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Span, Token

from capexgraph.extract.lexicon import triggers
from capexgraph.extract.money import FoundAmount
from capexgraph.extract.registry import EntityRegistry, Mention
from capexgraph.schema import EntityType

# Children that open a clause of their own: arguments are not looked for inside them.
CLAUSES = frozenset({"relcl", "ccomp", "advcl", "parataxis", "xcomp", "csubj", "pcomp", "acl"})
_NOUN_LINKS = frozenset({"poss", "compound", "appos", "conj", "prep", "pobj", "nmod", "amod"})
_LIST_PREPS = frozenset({"like", "as", "including", "include", "of", "among"})
RELATIVE = frozenset({"WDT", "WP", "WP$"})
COMPANY = frozenset({"Company"})
HOLDERS = frozenset({"Index", "Fund"})
_SOURCE_PREFERENCE = ("Company", "Fund", "Index", "Person", "Sector")
ANY = frozenset({"Company", "Fund", "Index", "Person"})
EMPLOYERS = frozenset({"Company", "Fund", "Index"})
MODIFIERS = frozenset({"poss", "compound"})
PART_WORDS = frozenset({"one", "some", "several", "two", "three", "many", "each"})
COPULAS = frozenset({"be", "remain", "become"})  # "its largest customer remains Google"
FLOATING = frozenset({"each", "both", "all"})  # quantifiers standing for the names before
# words that may stand between a list of names and its verb ("have each invested")
AUXILIARY = frozenset({"will", "would", "shall", "has", "have", "had", "also", "each",
                        "both", "all", "already", "jointly", "now", "previously", "can"})


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
        # whether the sentence tells any amount: most do not, and then no clause of it does
        self.tells_amounts = any(sent.start <= i < sent.end for s, e, _ in amounts
                                 for i in (s, e))
        self.lex = triggers()

    def business_part(self, n: Token) -> bool:
        """A part of a company, one of it: "its Ethernet unit" (but "its coolant distribution
        units" are goods)."""
        return n.tag_ == "NN" and n.lemma_.lower() in self.lex.invests.business_nouns

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
        if (tok.lemma_.lower() in self.lex.group_nouns or (tok.like_num and tok.tag_ == "CD")) \
                and self.mention_at(tok) is None:  # (or "seven of the largest customers")
            tok = next((c for p in self.prep_objects([tok], frozenset({"of"}))  # "a group of
                        for c in p.children if c.dep_ == "pobj"), tok)  # eight companies
            # including Toyota": the companies
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
        known_as = [e for c in tok.children if c.dep_ == "acl" and c.lemma_.lower() in _NAMING
                    for p in c.children if p.dep_ == "prep" and p.lower_ == "as"
                    for o in p.children if o.dep_ == "pobj" and self.mention_at(o) is not None
                    for e in self.head_entities(o, types)]
        if known_as:  # "China's national IC fund phase III, known as Big Fund III,"
            return known_as
        if tok.lemma_.lower() in self.lex.invests.business_nouns:
            # "its Kunlunxin chip unit": a name deeper in the unit's compounds is the unit
            unit_names = self._typed([m for t in tok.lefts if t.dep_ == "compound"
                                      for u in t.subtree if u.dep_ == "compound"
                                      and (m := self.mention_at(u)) is not None], types)
            if unit_names:
                return self._prefer(unit_names)
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
        # "to ByteDance and Alibaba's data centres": a conjunct that names no one is its
        # possessor's (but "Dell and Supermicro's customers" are others, and "Crusoe and
        # Chevron's power venture" is a venture of its own)
        heads += [p for t in list(heads) if self.mention_at(t) is None and not relative
                  and t.dep_ == "conj" and t.lemma_.lower() not in self.lex.relational_nouns
                  | self.lex.invests.venture_nouns | self.lex.invests.business_nouns
                  for p in t.children if p.dep_ == "poss"]
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
        if verb.dep_ == "ROOT" and any(c.dep_ == "advmod" and c.lower_ == "then"
                                       for c in verb.children) and (first := next(
                (c for c in verb.children if c.dep_ == "ccomp" and c.i < verb.i), None)) \
                is not None and (earlier := self.subject_of(first)[0]) is not None:
            return earlier, passive  # "it borrows against GPUs, then rents the capacity to
            # customers": the parser made the first of two coordinated verbs a complement
        if verb.dep_ == "xcomp" and (chosen := next(
                (c for c in verb.head.children if c.dep_ == "dobj"
                 and self.mention_at(c) is not None), None)) is not None:
            return chosen, passive  # "Lenovo picked MediaTek to supply chips": the object does
        if verb.dep_ == "xcomp" and (owner := next(
                (p for c in verb.head.children if c.dep_ == "dobj" and self.business_part(c)
                 for p in c.children if p.dep_ == "poss" and self.mention_at(p) is not None),
                None)) is not None:
            return owner, passive  # "chose Samsung's foundry business to make its chips": the
            # owner of the part chosen does
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
            if infinitive and not passive and not self.head_entities(head, ANY):
                # "signed a contract to buy capacity": the signer buys (but "proceeds to be
                # used for X" are used)
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

    def listed_under(self, heads: list[Token], types: frozenset[str],
                     words: frozenset[str] = frozenset({"including"})) -> list[str]:
        """Names a list word introduces anywhere under `heads`, wherever the parser hung it:
        "will add 14 stocks to the index as part of its review, including X and Y"; "such"
        before "as" makes "as" one of them ("funds ..., such as the iShares MSCI China ETF")."""
        return [e for h in heads for t in h.subtree if t.dep_ == "prep" and (
                    t.lower_ in words or (t.lower_ == "as" and "such as" in words
                                          and t.i > 0 and t.doc[t.i - 1].lower_ == "such"))
                for o in t.children if o.dep_ == "pobj" for c in conjuncts(o)
                for e in self.head_entities(c, types)]

    def ranked_after(self, heads: list[Token], types: frozenset[str]) -> list[str]:
        """Names a "followed by" clause on `heads` ranks after what they tell: "Nvidia
        accounted for 45% of its revenue, followed by Amazon and Google", "X is its largest
        shareholder, followed by the National Pension Service"; a name coordinated with the
        participle is ranked too: "followed by Google at 20% and Amazon at 12%"."""
        follows = [c for h in heads for c in h.children if c.dep_ in ("acl", "advcl", "conj")
                   and c.lemma_.lower() in self.lex.constituents.follow_verbs]
        return list(dict.fromkeys(
            [e for c in follows for e in self.prep_heads([c], frozenset({"by"}), types)]
            + [e for c in follows for g in c.children if g.dep_ == "conj" and g.pos_ == "PROPN"
               for e in self.head_entities(g, types)]))

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
        found = [c for c in verb.children if c.dep_ in ("dobj", "dative", "attr", "oprd")] + [
            o for c in verb.children if _misread_modifier(c)
            for o in self.objects(c)]  # "supplies HBM3E memory": a product code read as a verb
        if not found and verb.dep_ == "relcl" and _contact_relative(verb):
            found.append(verb.head)  # "the term loan Lambda closed with a syndicate"
        return found

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

    def phrasal(self, verb: Token) -> str | None:
        """The verb a phrasal verb means ("picked up $200 million from Accel": raised; "with
        Tencent following on": participating); its particle may be parsed as a preposition
        with no object, or as an adverb ("set aside 10 billion yuan")."""
        return next((self.lex.phrasal_verbs[key] for c in verb.children
                     if (c.dep_ in ("prt", "advmod")
                         or (c.dep_ == "prep" and not any(c.children)))
                     and (key := f"{verb.lemma_.lower()} {c.lower_}") in self.lex.phrasal_verbs),
                    None)

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
        ranks = {m.start: _subject_rank(self.sent.doc[m.start:m.end].root) for m in companies}
        subjects = [m for m in companies if ranks[m.start] is not None
                    and (m.start in own or m.start < before.i)]
        # its own clause's first, and a subject's own name before its owner ("Wistron's
        # unit, Wiwynn, appointed ..."), then
        subjects.sort(key=lambda m: (m.start not in own, ranks[m.start]))
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


def possessive(tok: Token) -> bool:
    """A possessor, or a name coordinated with one ("Google" in "Microsoft's and Google's
    campuses", which the parser hangs on "Microsoft")."""
    return tok.dep_ == "poss" or (tok.dep_ == "conj" and tok.head.dep_ == "poss"
                                  and tok.tag_ != "PRP$")


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
    # "Palantir was among the stocks that joined the Nasdaq-100", "Nvidia is one of the
    # companies that invested in xAI": the group the subject is counted in
    counted_in = noun.head.head if noun.dep_ == "pobj" and noun.pos_ == "NOUN" and (
        noun.head.lower_ == "among" or (noun.head.lower_ == "of" and noun.head.head.lower_
                                        == "one")) else None
    if counted_in is not None and counted_in.dep_ == "attr":
        counted_in = counted_in.head
    if noun.dep_ == "attr" and noun.pos_ == "NOUN":  # "Infinidat is a storage company whose
        counted_in = noun.head  # customers include Oracle": the subject
    if counted_in is not None:
        subject = next((c for c in counted_in.children if c.dep_ == "nsubj"
                        and c.pos_ == "PROPN"), None)
        if subject is not None:
            return subject
    name = tok.doc[tok.i - 2] if tok.i >= 2 and tok.doc[tok.i - 1].text == "," else None
    if name is not None and name.ent_type_ in ("Company", "ORG") and name.dep_ == "pobj" \
            and noun.pos_ == "NOUN" and noun.is_ancestor(name) and t.lemma_.lower() in (
                triggers().supplies.verbs | triggers().invests.verbs):
        return name  # "an agreement with Zhipu AI, which will supply model services": the
        # name the clause follows does the trading, not the agreement
    return noun


def verb_forms(tok: Token) -> frozenset[str]:
    """The base forms a word could be of: "supplies", "secured", "rents" -> supply, secure,
    rent (for words the tagger did not take for verbs, whose lemma is the word itself)."""
    return _forms(tok.lower_, tok.lemma_.lower())


@cache
def _forms(form: str, lemma: str) -> frozenset[str]:  # asked for every verb, many times
    return frozenset({lemma, form, form.removesuffix("s"), form.removesuffix("es"),
                      form.removesuffix("d"), form.removesuffix("ed"), form[:-3] + "y"})


_NAMING = frozenset({"know", "call", "dub", "nickname"})  # "..., known as Big Fund III,"


def _contact_relative(verb: Token) -> bool:
    """Whether a relative clause has no relative word and a subject of its own, so that its
    object is the noun it describes: "the loan Lambda closed", not "the firm that closed"."""
    return verb.tag_ in ("VBD", "VBZ", "VBP", "VBN") and not any(
        c.tag_ in ("WDT", "WP", "WP$") or c.lower_ == "that" for c in verb.children) and any(
        c.dep_ == "nsubj" for c in verb.children)


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


def _subject_rank(tok: Token) -> int | None:
    """0 for a subject or the name in apposition to one ("Wistron's unit, Wiwynn,"), 1 for
    the possessor of one ("Its transceivers ship to Nvidia"), None for any other word."""
    subject = ("nsubj", "nsubjpass")
    if tok.dep_ in subject or (tok.dep_ == "appos" and tok.head.dep_ in subject):
        return 0
    return 1 if tok.dep_ == "poss" and tok.head.dep_ in subject else None
