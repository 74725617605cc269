"""Relation rules over the dependency parse: which entity does what to which, in one sentence.

Each rule starts at a trigger (a verb, noun or title from data/triggers.yaml) and finds its
arguments by grammatical role (arguments.py): subject and object, agent of a passive, the
object of a preposition, a possessor, an apposition. This module finds a verb's arguments
once and hands them to the rules of each relation type (invest_rules, supply_rules,
index_rules, executive_rules); nominal triggers are read here. When the parse is lost, a few
rules read word order instead (a list of names, a verb's form, a preposition). Nothing here
names a company or an article's words.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from itertools import chain

from spacy.tokens import Token

from capexgraph.extract.arguments import (
    ANY,
    AUXILIARY,
    COMPANY,
    COPULAS,
    FLOATING,
    HOLDERS,
    MODIFIERS,
    RELATIVE,
    antecedent,
    conjuncts,
    verb_forms,
)
from capexgraph.extract.executive_rules import ExecutiveRules
from capexgraph.extract.index_rules import IndexRules
from capexgraph.extract.invest_rules import InvestRules
from capexgraph.extract.money import FoundAmount
from capexgraph.extract.names import infer_type
from capexgraph.extract.rule_base import NAME_TYPES, Candidate, VerbArgs
from capexgraph.extract.supply_rules import SupplyRules

# parts of a holding that may be sold while the rest is kept: "sold half of its holding"
_EXCEPT = frozenset({"except", "excluding"})
_PORTIONS = frozenset({"half", "part", "some", "most", "much", "portion", "third", "quarter"})


class SentenceRules(InvestRules, SupplyRules, IndexRules, ExecutiveRules):
    """Apply every rule to one sentence of a parsed block: dispatch each trigger word to the
    rules of its relation type, and read word order where the parse was lost."""

    def candidates(self) -> Iterator[Candidate]:
        found: list[Candidate] = []
        for tok in self.sent:
            lemma = tok.lemma_.lower()
            if tok.pos_ in ("VERB", "AUX"):
                if (m := self.mention_at(tok)) is not None and m.named and m.start < tok.i:
                    continue  # a word of a name the tagger read as a verb: "ASML Holding"
                found += self.verb_rules(tok, self.phrasal(tok) or lemma)
            elif tok.pos_ in ("NOUN", "PROPN"):
                found += self.noun_rules(tok, self._compound_noun(tok) or lemma)
            elif self._top_count(tok):  # "counts PDD among its top ten": its top holdings
                found += self._constituent_noun(tok)
            if tok.lower_ in self.lex.supplies.qualified_words and tok.tag_ in ("JJ", "VBN"):
                found += self._qualified_goods(tok)
            if lemma in self.lex.supplies.share_words and tok.dep_ == "pobj" \
                    and tok.head.lower_ == "for":
                found += self._revenue_share(tok)  # "accounting for most of the volume"
        found += self.title_rules()
        found += self.labelled_index()
        found += self.table_row()
        found += self.chain_list()
        found += self.surface_rules()
        excepted = self._excepted()
        contrasted = self._contrasted()
        yield from (c for c in self._with_member_lists(found) if c.source not in excepted
                    and not {c.source, c.target} & contrasted)

    def _excepted(self) -> set[str]:
        """Names a sentence sets apart from what it says of a group: "all three are
        constituents of the SSE STAR Chip Index except Naura"."""
        return {e for t in self.sent if t.dep_ == "prep" and t.lower_ in _EXCEPT
                for e in self.phrase_entities(t, ANY)}

    def _contrasted(self) -> set[str]:
        """Names a sentence says are not the ones it speaks of: "tracks the NYSE
        Semiconductor Index rather than the SOX", "chose AMD instead of Nvidia"."""
        marks = [t for t in self.sent if (t.lower_ == "than" and t.i > self.sent.start
                                          and t.nbor(-1).lower_ == "rather")
                 or (t.lower_ == "of" and t.i > self.sent.start
                     and t.nbor(-1).lower_ == "instead")]
        return {e for t in marks for e in self.phrase_entities(t, ANY)}

    def _top_count(self, tok: Token) -> bool:
        """A count of a holder's top members standing for them: "among its top ten", "the
        fund's top 10"."""
        return tok.like_num and tok.dep_ in ("pobj", "nsubj", "attr") and any(
            c.dep_ == "amod" and c.lower_ == "top" for c in tok.children) and any(
            c.dep_ == "poss" for c in tok.children)

    def _compound_noun(self, noun: Token) -> str | None:
        """The noun a two-word noun means ("a 1.5 billion yuan capital increase in Enflame":
        an investment)."""
        return next((self.lex.compound_nouns[key] for c in noun.lefts if c.dep_ == "compound"
                     and c.i == noun.i - 1
                     and (key := f"{c.lower_} {noun.lemma_.lower()}") in self.lex.compound_nouns),
                    None)

    def surface_rules(self) -> list[Candidate]:
        """Word order alone, for verbs the tagger or parser lost ("Micron supply HBM4 to
        AMD", "Nscale secured $1bn from Aker", "X and Y have each invested $1bn in Z"): a list
        of names, maybe auxiliaries, the verb's form, and the names after its preposition."""
        lex = self.lex
        kinds = (("supply", lex.supplies.verbs, ("to", "for")),
                 ("reverse", lex.supplies.reverse_verbs, ("from",)),
                 ("receive", lex.invests.receive_verbs, ("from",)),
                 ("invest", lex.invests.verbs, ("in",)))
        found: list[Candidate] = []
        surface_verbs = lex.tracks.verbs.union(*(verbs for _, verbs, _ in kinds))
        for tok in self.sent:
            forms = verb_forms(tok)
            if "acquire" not in forms and not forms & surface_verbs:
                continue  # the cheap test first: most words are no verb of these
            lost_object = "acquire" in forms and not self.objects(tok)
            if tok.pos_ in ("VERB", "AUX") and self.subject_of(tok)[0] is not None \
                    and not lost_object:
                continue  # the parse found this verb's subject: the rules above had it
            if tok.pos_ in ("NOUN", "PROPN") and any(c.dep_ in ("poss", "det")
                                                     for c in tok.children):
                continue  # "its Neoverse designs": a determined noun is no verb
            if tok.dep_ == "compound" and tok.head.pos_ == "NOUN" and any(
                    c.dep_ == "poss" and c.i < tok.i for c in tok.head.children):
                continue  # "its order book": nor is a word inside a possessed noun phrase
            start = tok.i
            while start > self.sent.start and self.sent.doc[start - 1].lower_ in AUXILIARY:
                start -= 1
            if forms & lex.tracks.verbs:  # "513330 tracks the ... Index", "tracks" read as a noun
                funds = [e for e in self.listed_before(start, HOLDERS)
                         if self.registry.type_of(e) == "Fund"]
                after = next((m for t in self.sent.doc[tok.i + 1:min(self.sent.end, tok.i + 4)]
                              if (m := self.mention_at(t)) is not None), None)
                if funds and after is not None:
                    found += self._pairs("TRACKS", funds, self._typed([after], HOLDERS), tok,
                                         "tracks.surface")
                continue
            names = (self.listed_before(start) or self._before_relative_clause(start)) \
                if lost_object or any(forms & v for _, v, _ in kinds) else []
            if not names:
                continue
            if lost_object:  # "AMD acquired server maker ZT Systems", "acquired" read as a
                j = tok.i + 1  # modifier: the names after the verb and their description
                while j < min(self.sent.end, tok.i + 4) and self.mention_at(self.sent.doc[j]) \
                        is None and self.sent.doc[j].pos_ in ("DET", "ADJ", "NOUN"):
                    j += 1
                found += self._pairs("INVESTS_IN", names, self.listed_after(j), tok,
                                     "invest.surface")
                continue
            window = self.sent.doc[tok.i + 1:min(self.sent.end, tok.i + 8)]
            # a verb of two senses takes the one whose preposition is written: "rents X to Y"
            # or "rents X from Y"
            kind, at = "", None
            for k, verbs, preps in kinds:
                at = next((t for t in window if t.lower_ in preps or t.text in (";", ",")),
                          None) if forms & verbs else None
                if at is not None and at.lower_ in preps:
                    kind = k
                    break
            if at is None or not kind:
                continue
            # "sold its manufacturing arm to Sanmina": a business or shares sold are no goods
            if any(t.lower_ in lex.invests.equity_nouns or self.business_part(t)
                   for t in self.sent.doc[tok.i + 1:at.i]):
                continue
            others = self.listed_after(at.i + 1)
            amount = next((a for first, _, a in self.amounts if tok.i <= first < at.i), None)
            # "secured orders from Meta", "booked contracts from Crusoe": whoever an order
            # comes from buys from the receiver
            ordered = any(t.lemma_.lower() in lex.supplies.contract_nouns
                          for t in self.sent.doc[tok.i + 1:at.i])
            if kind in ("reverse", "receive") and ordered:
                kind = "supply"
            if kind == "supply":
                found += self._pairs("SUPPLIES", names, others, tok, "supply.surface")
            elif kind == "reverse":
                found += self._pairs("SUPPLIES", others, names, tok, "supply.surface")
            elif kind == "receive":
                found += self._pairs("INVESTS_IN", others, names, tok, "invest.surface",
                                     amount=amount)
            else:
                found += self._pairs("INVESTS_IN", names, others, tok, "invest.surface",
                                     amount=amount)
        return found

    def _before_relative_clause(self, i: int) -> list[str]:
        """The name a relative clause (maybe after a preposition: ", in which ...,") or an
        apposition that ends right before token `i` describes: "Kioxia, whose shareholders
        include Bain Capital and Toshiba, ships SSDs to Dell" (the tagger took "ships" for a
        noun), "Poolside, the coding-model startup, secured $1 billion from Nvidia"."""
        doc = self.sent.doc
        if i - 1 <= self.sent.start or doc[i - 1].text != ",":
            return []
        for j in range(i - 2, max(self.sent.start, i - 16), -1):
            relative = doc[j + 1].tag_ in RELATIVE or (  # (", in which Nvidia holds 6%,")
                doc[j + 1].tag_ == "IN" and doc[j + 2].tag_ in RELATIVE)
            if doc[j].text == "," and (relative or doc[j + 1].lower_ in ("a", "an", "the")):
                named = self.mention_at(doc[j - 1]) if j > self.sent.start else None
                return self._typed([named], COMPANY) if named is not None else []
        return []

    def _partners_in_doing(self, v: Token) -> list[str]:
        """Who the verb says acts with its subject: "alongside X", "together with X", "along
        with X", hung on the verb or on the round it joins ("took part in the round
        alongside ASML"; not "contribute $7bn to the campus alongside OpenAI", which may
        say whose campus it is)."""
        rounds = self.lex.invests.round_nouns | self.lex.invests.offering_nouns
        joined = [o for p in v.children if p.dep_ == "prep" for o in p.children
                  if o.dep_ == "pobj" and o.lemma_.lower() in rounds]
        preps = [p for h in (v, *joined) for p in h.children if p.dep_ == "prep" and (
            p.lower_ == "alongside" or (p.lower_ == "with" and any(
                c.lower_ in ("together", "along") for c in p.children)))]
        preps += [w for p in v.children if p.lower_ in ("together", "along")
                  for w in p.children if w.dep_ == "prep" and w.lower_ == "with"]
        # (a name, not goods it makes: "install AMD accelerators, alongside the Nvidia
        # systems it already runs")
        return [e for p in preps for q in conjuncts(p) for o in q.children
                if o.dep_ == "pobj" and self.mention_at(o) is not None
                for e in self.head_entities(o, ANY)]

    def verb_rules(self, v: Token, lemma: str) -> Iterator[Candidate]:
        subj, passive = self.subject_of(v)
        agent = self.agent(v)
        objs = self.objects(v)
        subjects = self.head_entities(subj, ANY) if subj is not None else []
        if subj is not None and subj.lower_ in FLOATING and not subjects:
            subjects = self.listed_before(subj.i, ANY)  # "Broadcom and Nvidia each make up"
        if subj is not None and subj.lower_ == "they" and not subjects:
            subjects = self.they(v)  # "Microsoft and Nvidia said they would invest"
        if v.dep_ == "pcomp" and v.head.lower_ == "in" and v.head.head.lemma_ == "join":
            subjects += [e for o in v.head.head.children if o.dep_ == "dobj"  # "MGX joined
                         for e in self.head_entities(o, ANY) if e not in subjects]  # BlackRock
            # and Microsoft in buying Aligned": those joined do it too
        # "invested $2bn in xAI alongside Cisco", "to supply wafers ..., together with
        # Samsung": whoever does it alongside the subject does it too (the amount is the
        # subject's own)
        partners = [] if passive else [e for e in self._partners_in_doing(v)
                                       if e not in subjects]
        subjects += partners
        agents = self.prep_heads([v], frozenset({"by"}), ANY) if agent is not None else []
        if passive and not agents:  # "backed with $9bn of equity by Silver Lake"
            agents = self.prep_heads(self.clause(v), frozenset({"by"}), ANY)
        if not passive and v.dep_ == "acl" and v.tag_ == "VBN" and agent is None and (
                deep := self.prep_heads(self.clause(v), frozenset({"by"}), ANY)):
            passive, agents = True, deep  # "The GPU designer, backed at earlier stages by
            # Tencent": a participle's "by" the parser hung deeper
        if hyphened := self.hyphen_agents(v):  # "Microsoft-backed OpenAI"
            passive, agents = True, hyphened
            subjects = self.modified_entities(v)
        amount = self.amount_in(v) or self.deal_amount(v) or self._antecedent_amount(v)
        if amount is None and v.dep_ in ("acl", "xcomp"):
            amount = self.amount_in(v.head)  # "an order worth $1bn to supply chips to X"
        args = VerbArgs(v, lemma, subjects, agents, objs, passive, amount)
        # "X, through its investment platform Y, took a stake in Z", "controls SK Hynix
        # through SK Inc.": the vehicle holds it too
        vehicles = [] if passive or any(self.is_loan(o) for o in objs) else [  # (not a loan
            e for e in self.prep_heads([v], frozenset({"through", "via"}), COMPANY)  # through
            if e not in subjects]  # a bank: the lender's)
        # "Nvidia booked $1.2 billion in revenue from xAI": money earned is neither raised
        # nor bought; the revenue noun tells who sells to whom
        earning = self.lex.supplies.earning_nouns
        earned = any(o.lower_ in earning or o.lemma_.lower() in self.lex.supplies.payment_nouns
                     for o in objs) or any(
            o.dep_ == "pobj" and o.lower_ in earning
            for p in self.prep_objects([v, *objs], frozenset({"in"})) for o in p.children)
        trading = () if earned else (self._invest_verbs(args), self._supply_verbs(args))
        for c in chain(*trading, self._index_verbs(args), self._executive_verbs(args)):
            yield replace(c, amount=None) if c.source in partners else c
            if c.type == "INVESTS_IN" and c.source in subjects and c.target not in vehicles:
                yield from self._pairs("INVESTS_IN", vehicles, [c.target], v, "invest.through")

    def _share_of_needs(self, needs: Token, verb: Token) -> Iterator[Candidate]:
        """"SK Hynix will keep 60% of Nvidia's HBM4 requirement, with Samsung and Micron
        sharing the remainder": who keeps or wins a share of a customer's needs supplies it,
        and so do those who take the rest."""
        customers = self.child_entities([needs], frozenset({"poss"}), COMPANY)
        subj, passive = self.subject_of(verb)
        suppliers = self.head_entities(subj, COMPANY) if subj is not None and not passive \
            else []
        yield from self._pairs("SUPPLIES", suppliers + self._rest_takers(verb), customers, verb,
                               "supply.share_of_needs")

    def _qualified(self, test: Token) -> Iterator[Candidate]:
        """"its 1.6T modules have passed certification by Nvidia", "passed Nvidia's
        qualification", "passed qualification at YMTC": whose test the goods passed buys them
        from their maker."""
        verb = test.head
        customers = self.child_entities([test], frozenset({"poss"}), COMPANY) or \
            self.prep_heads([test, verb], frozenset({"by", "at"}), COMPANY)
        yield from self._tested_goods(verb, customers, test)

    def _qualified_goods(self, word: Token) -> Iterator[Candidate]:
        """"Micron said its HBM3E is now qualified at Nvidia", "modules certified by Google":
        goods said to have passed a customer's test, as an adjective or a participle."""
        verb = word.head if word.dep_ == "acomp" else word
        # not "are being qualified by Samsung": the test is not passed yet
        if verb.lower_ == "being" or any(c.lower_ == "being" for c in verb.children):
            return
        customers = self.prep_heads([word], frozenset({"by", "at"}), COMPANY)
        yield from self._tested_goods(verb, customers, word)

    def _tested_goods(self, verb: Token, customers: list[str],
                      test: Token) -> Iterator[Candidate]:
        """The maker of the goods that are the subject of `verb` supplies whose test they
        passed."""
        subj, _ = self.subject_of(verb)
        if subj is None or not customers:
            return
        subj = antecedent(subj)  # "Samsung, which passed Nvidia's HBM4 tests, ..."
        suppliers = self.makers_of([subj], exclude=customers) if self.is_product(subj) \
            else self.head_entities(subj, COMPANY)
        yield from self._pairs("SUPPLIES", suppliers, customers, test, "supply.qualified")

    def _aiming_funds(self, performance: Token) -> list[str]:
        """The fund whose aim is told by a verb of matching over `performance`: "The ETF
        seeks investment results that correspond to the performance of the X Index" (the
        fund is the subject of a verb further up, past the relative clause and the aim)."""
        verb = next((t for t in performance.ancestors if t.pos_ in ("VERB", "AUX")), None)
        if verb is None or not verb_forms(verb) & self.lex.tracks.performance_verbs:
            return []
        for t in [verb, *verb.ancestors]:
            subj, passive = self.subject_of(t) if t.pos_ in ("VERB", "AUX") else (None, False)
            funds = self.head_entities(subj, frozenset({"Fund"})) if subj is not None else []
            if funds and not passive:
                return funds
        return []

    def _raised(self, round_noun: Token) -> Token | None:
        """The verb of raising nearest before a round noun."""
        return next((t for t in reversed(self.sent[:round_noun.i - self.sent.start])
                     if t.lemma_.lower() in self.lex.invests.receive_verbs
                     and t.pos_ == "VERB"), None)

    def _lost_raiser(self, verb: Token) -> list[str]:
        """Who raised a round when the parser lost the subject of `verb`, the verb of
        raising before the round: the names right before it ("The start-up raised $1.1
        billion in a round led by Aker", with "raised" read as the amount's modifier)."""
        if self.subject_of(verb)[0] is not None:
            return []
        start = verb.i
        while start > self.sent.start and self.sent.doc[start - 1].lower_ in AUXILIARY:
            start -= 1
        return self.listed_before(start)

    def _orders_moved_to(self, order: Token) -> list[str]:
        """Whom orders are moved or given to supplies: "Amazon shifted some orders to
        Alchip", "moved part of its modem orders from Qualcomm to MediaTek" (the "to" may
        hang on the verb, the orders or their "from")."""
        verb = order.head.head.head if order.head.lower_ == "of" \
            and order.head.head.dep_ == "dobj" else order.head  # ("part of its orders")
        if verb.lemma_.lower() not in self.lex.supplies.order_moving_verbs:
            return []
        froms = [p for p in order.children if p.dep_ == "prep" and p.lower_ == "from"]
        return self.prep_heads([verb, order, *froms], frozenset({"to"}), COMPANY)

    def _antecedent_amount(self, v: Token) -> FoundAmount | None:
        """The amount a relative clause hangs on: "the 380 billion yuan it had pledged for
        AI infrastructure", "the $30 billion it committed earlier this year"."""
        if v.dep_ != "relcl":
            return None
        return next((a for first, last, a in self.amounts if first <= v.head.i <= last), None)

    def _surely_company(self, entity_id: str) -> bool:
        """Known, or named like a company or a government ("the Shanghai government's
        Guosheng Capital"), which NER's ORG alone does not say ("Abu Dhabi")."""
        draft = self.registry.drafts[entity_id]
        return draft.known or infer_type(draft.name) == "Company" \
            or draft.name.lower().endswith(" government")

    def _listed_stakes(self, n: Token) -> dict[str, FoundAmount]:
        """Investments a list gives by amount: "a string of investments this year, including
        $5 billion in Intel and $1 billion in Nokia" (each amount "in" its company, however
        the parser coordinated them)."""
        heads = [n, *([n.head.head] if n.dep_ == "pobj" and n.head.lower_ == "of" else [])]
        amounts = {s: a for s, _, a in self.amounts}
        out: dict[str, FoundAmount] = {}
        for p in (p for h in heads for p in h.children
                  if p.dep_ == "prep" and p.lower_ == "including"):
            amount = None
            for t in p.subtree:  # in written order: each "in" goes with the amount before it
                if t.i in amounts:
                    amount = amounts[t.i]
                elif t.lower_ == "in" and amount is not None:
                    out.update((e, amount) for o in t.children if o.dep_ == "pobj"
                               for e in self.head_entities(o, COMPANY))
                    amount = None
        return out

    def noun_rules(self, n: Token, lemma: str) -> Iterator[Candidate]:
        lex = self.lex
        named = self.mention_at(n)
        if named is not None and named.named and self.registry.type_of(named.entity_id) in COMPANY:
            # "Elon Musk's xAI": a person who owns a company's name runs it
            yield from self._pairs("EXECUTIVE_OF", self.child_entities(
                [n], frozenset({"poss"}), frozenset({"Person"})), [named.entity_id], n,
                "executive.possessor")
            # "BlackRock's Global Infrastructure Partners": a company possessing a company
            # owns it, when both are surely companies, known or named like one: not a
            # product ("Nvidia's Blackwell"), not a place NER took for a company ("Abu
            # Dhabi's MGX")
            # (but "its Taiwanese rival Wiwynn", "Nvidia's partner X": a common noun between
            # says what the one is to the other, and only a unit's noun says it owns it)
            relational = any(c.dep_ in ("amod", "compound", "nmod") and c.tag_ in ("NN", "NNS")
                             and c.lemma_.lower() not in lex.invests.owned_nouns
                             | lex.invests.business_nouns for c in n.children)
            if self._surely_company(named.entity_id) and not relational:
                yield from self._pairs("INVESTS_IN", [
                    e for e in self.child_entities([n], frozenset({"poss"}), COMPANY)
                    if self._surely_company(e)], [named.entity_id], n, "invest.possessor")
        # ("Cambricon's shareholder Guotou Chuangye": a role noun between says what the one
        # is to the other, and the name NER took for a person's is a holder's)
        role = any(c.dep_ == "compound" and c.lemma_.lower() in lex.invests.investor_nouns
                   | lex.supplies.nouns | lex.supplies.customer_nouns for c in n.children)
        if named is not None and named.named and self.registry.type_of(named.entity_id) == \
                "Person" and not self._goods_read_as_person(n) and not role:
            # "OpenAI's Sam Altman": a company's person works for it
            yield from self._pairs("EXECUTIVE_OF", [named.entity_id], self.child_entities(
                [n], frozenset({"poss"}), COMPANY), n, "executive.possessed")
        if lemma in lex.invests.nouns and n.dep_ == "pobj" and n.head.lower_ == "with":
            yield from self._funded_building(n)  # "build a campus with funding from MGX"
        if named is not None and n.dep_ == "pobj" and n.head.lower_ == "to" and (
                index := self._typed([named], frozenset({"Index"}))) and (
                funds := self._aiming_funds(n)):  # "results that correspond to the X Index"
            yield from self._pairs("TRACKS", funds, index, n, "tracks.performance")
        if n.ent_type_ in NAME_TYPES:
            return  # a word of a name is no trigger: "Alibaba Group Holding", "Tencent Investment"
        # "sold all of its stake in Nvidia" is as sold as "its entire stake" (but "part of
        # its stake" is still held)
        sold_noun = n.head.head if n.dep_ == "pobj" and n.head.lower_ == "of" \
            and n.head.head.lower_ == "all" else n
        sale = sold_noun.head
        sold = sold_noun.dep_ == "dobj" and sale.lemma_.lower() in lex.invests.disposal_verbs
        portion = n.head.head if n.dep_ == "pobj" and n.head.lower_ == "of" \
            and n.head.head.lower_ in _PORTIONS else None
        if lemma in lex.invests.nouns and portion is not None and portion.dep_ == "dobj" \
                and portion.head.lemma_.lower() in lex.invests.disposal_verbs:
            # "KKR sold half of its holding in Flexential to PSP": the buyer holds the part
            # sold (and the seller the rest, which the noun's own rule reads)
            yield from self._pairs(
                "INVESTS_IN", self.prep_heads([portion.head], frozenset({"to"}), ANY),
                self.investees([n], lex.invests.target_preps - {"to"}), n,
                "invest.stake_sale")
        if lemma in lex.invests.nouns and sold:  # "sold a stake in Altera to Silver Lake"
            buyers = self.prep_heads([sale, n], frozenset({"to"}), ANY) or [
                e for p in self.prep_objects([sale], frozenset({"to"}))
                for e in self.led_by(p)]  # "to a group led by SoftBank"
            seller, _ = self.subject_of(sale)  # "sold a stake in its unit": not in itself
            sellers = self.head_entities(seller, COMPANY) if seller is not None else []
            targets = self.investees([n], lex.invests.target_preps - {"to"}, buyers + sellers)
            if not self.prep_objects([n], lex.invests.target_preps - {"to"}) \
                    and not any(c.dep_ == "poss" for c in n.children):
                targets = sellers  # "Crusoe sold a minority stake to Mubadala": in itself
            yield from self._pairs("INVESTS_IN", buyers, targets, n,
                                   "invest.stake_sale", amount=self.noun_amount(n))
            # "..., keeping the remaining 49%": the seller holds the rest
            keeping = lex.invests.own_verbs | lex.invests.keep_verbs
            kept = any(c.dep_ in ("advcl", "conj") and c.lemma_.lower() in keeping and any(
                o.lemma_.lower() in lex.supplies.remainder_nouns or any(
                    m.lower_ in lex.invests.remaining_words for m in o.children)
                for o in self.objects(c)) for h in (sale, sale.head) for c in h.children)
            yield from self._pairs("INVESTS_IN", sellers if kept else [],
                                   [t for t in targets if t not in sellers], n,
                                   "invest.stake_kept")
        elif lemma in lex.invests.nouns:
            heads = [n, n.head] if n.dep_ == "compound" else [n]
            phrase = heads[-1]  # "capex guidance"
            while lemma in lex.invests.spending_nouns and phrase.dep_ == "pobj" \
                    and phrase.head.lower_ == "of" and phrase.head.head.pos_ == "NOUN":
                phrase = phrase.head.head  # "lifted the low end of its capex range to $66bn"
                heads.append(phrase)
            spent = lemma in lex.invests.spending_nouns and phrase.dep_ in ("nsubj", "dobj")
            if (phrase.dep_ == "dobj" or spent) and phrase.head.pos_ in ("VERB", "AUX"):
                heads.append(phrase.head)  # "plans capex of X on servers", "raised its capex
                # guidance to $91bn for servers", "capital expenditures rose to $37.5bn"
            elif lemma in lex.invests.spending_nouns and phrase.dep_ == "pobj" \
                    and phrase.head.head.pos_ in ("VERB", "AUX") and self.noun_amount(n):
                spent = True  # "guided to capital spending of $200 million to expand ..."
                heads.append(phrase.head.head)
            investors = self.child_entities([n, phrase], MODIFIERS)
            # (but "acquired a stake in X from Tallgrass": whom it is bought from sold it)
            acquired = phrase.dep_ == "dobj" and phrase.head.lemma_.lower() in \
                lex.invests.acquire_verbs | lex.invests.take_verbs
            investors += self.prep_entities(
                heads, lex.invests.investor_preps - ({"from"} if acquired else set()), ANY)
            # "its Nvidia stake", "part of its T-Mobile holding": with a possessor who holds
            # it and no "in" that says where, the company named in front is held
            held = self.child_entities([n], frozenset({"compound"}), COMPANY) if (
                lemma in lex.invests.held_nouns
                and not self.prep_objects(heads, lex.invests.target_preps)
                and self.child_entities([n], frozenset({"poss"}), ANY)) else []
            investors = [e for e in investors if e not in held]
            if not investors and lemma in lex.invests.held_nouns and phrase.dep_ == "dobj" \
                    and phrase.head.lemma_.lower() in lex.invests.give_verbs:
                # "the deal gives Amazon a 5% stake in Cipher Mining": whom it is given to
                investors = [e for d in phrase.head.children if d.dep_ == "dative"
                             for e in self.head_entities(d, ANY)]
            rule = "invest.noun"
            partners: list[str] = []
            if not investors:
                subj = self.governing_subject(n)
                investors = self.head_entities(subj, ANY) if subj is not None else []
                rule = "invest.noun.subject"
                # "MGX has taken a stake in Mistral AI ..., alongside ASML, which invested
                # 1.3 billion euros": who takes it alongside takes one too, at its own amount
                partners = [e for e in self._partners_in_doing(subj.head)
                            if e not in investors] if subj is not None else []
                # "X, through its platform Y, took a stake in Z": the vehicle holds it too
                partners += [e for e in self.prep_heads([subj.head], frozenset({"through",
                                                                                "via"}), COMPANY)
                             if e not in investors + partners] if subj is not None else []
            if not investors and spent and phrase.dep_ == "nsubj" and phrase.head.dep_ == \
                    "ccomp" and phrase.head.i > phrase.head.head.i:  # "Microsoft said capital
                # expenditures rose" (the report after its verb)
                subj = self.governing_subject(phrase.head)
                investors = self.head_entities(subj, ANY) if subj is not None else []
            if not investors and spent and phrase.dep_ == "nsubj" and phrase.head.lemma_ in \
                    COPULAS and not any(self.sent.start <= i < self.sent.end
                                        for i in self.mentions):
                # "Capital expenditures were $210 million, mostly on new capacity": a spend no
                # one owns, in a sentence that names no one, is the company's the text is about
                investors = [e for e in [self.registry.latest(COMPANY)] if e is not None]
            if lemma in lex.constituents.nouns:  # a fund's "holding" is a constituent
                investors = [e for e in investors if not self.is_holder(e)]
            targets = self.investees(heads, lex.invests.target_preps | {"for"}) or held
            if not targets and n.dep_ == "conj" and n.head.lemma_.lower() in lex.invests.nouns:
                # "Amazon's investment in Anthropic and Google's stake": in the same one
                targets = self.investees([n.head], lex.invests.target_preps)
            portions: dict[str, FoundAmount | None] = {}
            if not targets and spent:
                portions = self.spending_shares(heads[-1])
                targets = list(portions) or self.sector_modifying(phrase) or \
                    self.built_sectors(heads) or \
                    self.driving_sectors(n)  # "raised its capex to $66bn to pay for X"
            if not targets and lemma in lex.invests.round_share_nouns and investors \
                    and set(investors) <= set(self.registry.recent_before) \
                    and self.child_entities([n], frozenset({"poss"}), ANY) \
                    and self.noun_amount(n) is not None:
                # "Mistral raised 1.7 billion euros in a round led by ASML. ASML's investment
                # amounts to 1.3 billion euros": a named investor's part of the last raise
                targets = [e for e in self.registry.last_raisers() if e not in investors]
            if not targets:  # "$500 billion of US investment, including a server factory"
                targets = self.included_sectors([n, *([n.head.head] if n.dep_ == "pobj"
                                                      and n.head.lower_ == "of" else [])])
            if any(t.lemma_.lower() in lex.invests.round_nouns | lex.invests.security_nouns
                   for p in self.prep_objects(heads, frozenset({"through", "via"}))
                   for t in p.subtree):  # "an investment in Kestrel through a subscription of
                self.registry.note_raise(targets)  # Series C shares": Kestrel raises a round
            whole = self.noun_amount(n)
            own = self._own_amounts(partners)
            for target in targets:  # a portion's own amount, else the whole spend's
                yield from self._pairs("INVESTS_IN", investors, [target], n, rule,
                                       amount=portions.get(target) or whole)
                for partner in partners:
                    yield from self._pairs("INVESTS_IN", [partner], [target], n, rule,
                                           amount=own.get(partner))
            for target, stake in self._listed_stakes(n).items():
                yield from self._pairs("INVESTS_IN", investors, [target], n, rule, amount=stake)
        # "its purchase of chip designer Ampere Computing": buying a company, not its goods;
        # "its $5 billion purchase of Intel shares": buying into it
        bought = [o for p in self.prep_objects([n], frozenset({"of"})) for o in p.children
                  if o.dep_ == "pobj"] if lemma in lex.invests.acquire_verbs else []
        companies_bought = [e for o in bought if self.mention_at(o) is not None
                            for e in self.head_entities(o, COMPANY)] + [
            e for o in bought if o.lower_ in lex.invests.equity_nouns
            for e in self.child_entities([o], frozenset({"compound", "poss"}), COMPANY)
            + self.prep_heads([o], frozenset({"of", "in"}), COMPANY)]
        if lemma in lex.invests.acquisition_nouns or companies_bought:
            buyers = self.child_entities([n], frozenset({"poss"}), COMPANY)
            if not buyers and (subj := self.governing_subject(n)) is not None:
                buyers = self.head_entities(subj, COMPANY)  # "AMD completed the acquisition"
            yield from self._pairs("INVESTS_IN", buyers, companies_bought or
                                   self.prep_entities([n], frozenset({"of"}), COMPANY), n,
                                   "invest.acquisition", amount=self.noun_amount(n))
        supplying_partner = lemma in lex.supplies.partner_nouns and any(
            c.dep_ in ("compound", "amod") and c.lemma_.lower() in lex.supplies.partner_kinds
            for c in n.children)
        if lemma in lex.supplies.nouns or supplying_partner:
            suppliers = self.described_by(n)
            # "Apple's suppliers for its PCC servers": the possessor is the customer; "has
            # become a supplier to X"; "A and B are among the suppliers to X", the "to" hung
            # on the copula; else who buys the goods it is a supplier "of" (`goods_buyers`);
            # else the maker of the products it is "for" ("the laminate source for Amazon's
            # boards made by Gold Circuit"), or a company it is for (but "for Nvidia's own
            # DGX Cloud" is Nvidia's part, read with the names below)
            goods = [o for o in self.of_objects([n]) if self.is_product(o)]
            for_goods = self.prep_objects([n], frozenset({"for", "to"}))
            copula = n.head if n.dep_ == "attr" else n.head.head if (
                n.dep_ == "pobj" and n.head.lower_ == "among" and n.head.head.lemma_ in COPULAS
            ) else None
            buyers, designed = self.goods_buyers(n, goods)
            # "a supplier of Nvidia" (not "a provider of Nvidia GPU capacity": the name on
            # goods is their maker)
            of_company = [e for p in self.prep_objects([n], frozenset({"of"}))
                          for o in p.children if o.dep_ == "pobj" and self.mention_at(o)
                          for e in self.head_entities(o, COMPANY)]
            customers = self.child_entities([n], frozenset({"poss"})) or \
                self.prep_heads([n, *([copula] if copula is not None else [])],
                                frozenset({"to"}), COMPANY) or buyers or \
                self.product_owners(for_goods) or [
                    e for p in for_goods for o in p.children if o.dep_ == "pobj"
                    and not any(c.dep_ == "poss" for c in o.children)
                    for e in self.head_entities(o, COMPANY)] or \
                self.product_owners(self.prep_objects([n], frozenset({"to", "for", "of"}))) or \
                self.prep_entities([n], frozenset({"to", "for"}), COMPANY) or \
                of_company or (
                    # "Eoptolink remains the second source at Nvidia" (not "a source at
                    # Nvidia said": an informant)
                    self.prep_entities([n], frozenset({"at"}), COMPANY)
                    if copula is not None else [])
            counted = self.counted_as(n)
            # "X was certified as a qualified supplier by Huawei": who certifies buys (the
            # parser hangs "by" on the verb or the noun)
            agent = (self.agent(counted.head) or next(
                (p for p in n.children if p.dep_ == "prep" and p.lower_ == "by"), None)
            ) if counted is not None and self.subject_of(counted.head)[1] else None
            if not customers and agent is not None:
                customers = [e for e in self.phrase_entities(agent, COMPANY)
                             if e not in suppliers]
            if not customers and counted is not None and counted.lower_ == "as":  # "Nebius
                subj, _ = self.subject_of(counted.head)  # counts Nvidia as a supplier (and
                # a shareholder)"; not "counts Dell among the server makers that ship its
                # plates": a kind of company, no supplier of the counter
                customers = [e for e in self.head_entities(subj, COMPANY)
                             if e not in suppliers] if subj is not None else []
            titled, other = self.role_before_name(n)  # "Apple supplier Foxconn"
            suppliers, customers = suppliers or titled, customers + other
            if not suppliers and not customers and n.dep_ == "pobj" \
                    and n.head.lower_ == "with" and (signer := self.governing_subject(n)):
                # "signed deals with neocloud providers including Nebius and Lambda": the
                # providers listed serve whoever made the deals
                suppliers = self.prep_heads([n], frozenset({"including", "like"}), COMPANY)
                customers = [e for e in self.head_entities(signer, COMPANY)
                             if e not in suppliers]
            yield from self._pairs("SUPPLIES", suppliers, customers, n, "supply.noun")
            yield from designed
        if lemma in lex.invests.investor_nouns and not self._ended(n):
            investors = self.described_by(n, ANY)
            # "its existing investors, including Accel and Index Ventures"
            included = self.prep_heads([n], frozenset({"including", "like"}), ANY) \
                if any(c.dep_ == "poss" for c in n.children) else []
            investors += [e for e in included if e not in investors]
            # "Cornerstone investors, led by Qiming and Ping An Life, subscribed for ..."
            # (and "..., led by X and including Y and Z,")
            led = self.led_by(n)
            investors += [e for e in led if e not in investors]
            investors += [e for e in self.listed_under(
                [a for a in n.children if a.dep_ == "acl"] if led else [], ANY)
                if e not in investors]
            # "X is its largest shareholder, followed by the National Pension Service"
            investors += [e for e in self.ranked_after([n, n.head], ANY)
                          if e not in investors] if investors else []
            # "SoftBank, OpenAI's biggest investor after Microsoft": the one ranked above
            investors += [e for e in self.prep_heads([n], frozenset({"after"}), ANY)
                          if e not in investors] if investors and any(
                c.dep_ == "amod" and c.tag_ == "JJS" for c in n.children) else []
            # "shareholder of SMIC's joint venture" is not SMIC's
            investees = [e for prep in self.prep_objects([n], frozenset({"in", "of"}))
                         for p in conjuncts(prep) for o in p.children
                         if o.dep_ == "pobj" and self.mention_at(o)
                         for e in self.head_entities(o, COMPANY)]
            # "Investors in Groq's $750 million round included X", "among the backers of
            # xAI's latest raise": whose round it is (the round's amount is no one
            # participant's)
            round_of = [e for prep in self.prep_objects([n], frozenset({"in", "of"}))
                        for o in prep.children if o.dep_ == "pobj" and o.lemma_.lower()
                        in lex.invests.round_nouns | lex.invests.offering_nouns
                        for e in self.child_entities([o], frozenset({"poss"}), COMPANY)]
            investees += round_of
            # "Cambricon's shareholder Guokai Industrial Investment": the parser hangs the
            # possessor on the name the role noun is a compound of
            named_after = [n.head] if n.dep_ == "compound" and self.mention_at(n.head) else []
            # "will buy Aligned, with MGX and Microsoft as co-investors": in what is bought
            buying = n.head.head if n.dep_ == "pobj" and n.head.lower_ == "as" else None
            co_bought = [e for o in self.objects(buying) for e in self.head_entities(o, COMPANY)
                         ] if buying is not None and buying.lemma_.lower() in \
                lex.invests.acquire_verbs else []
            investees += co_bought or self.child_entities(
                [n, *named_after], frozenset({"poss"}), COMPANY) or [
                e for e in self.absolute_party(n) if e not in investors]  # "Cambricon raised
            # 4 billion yuan, with the Big Fund among the subscribers"
            # "Google, also an Anthropic investor": the name that modifies the noun
            investees += [e for e in self.child_entities([n], frozenset({"compound", "amod"}),
                                                         COMPANY) if e not in investors]
            having = n.dep_ == "dobj" and n.head.lemma_.lower() in lex.supplies.having_verbs
            if not investees and having and (lined_up := [  # "Biren has lined up
                    e for e in self.prep_heads([n, n.head], frozenset({"including", "like"}),
                                               ANY) if e not in investors]):  # cornerstone
                subj, _ = self.subject_of(n.head)  # investors, including Qiming and Ping An
                investees = self.head_entities(subj, COMPANY) if subj is not None else []
                investors += [e for e in lined_up if e not in investees]  # Life": in whoever
                # has them
            if not investees and (counted := self.counted_as(n)) is not None:  # "Horizon
                subj, _ = self.subject_of(counted.head)  # Robotics counts Volkswagen as a
                # shareholder"
                investees = [e for e in self.head_entities(subj, COMPANY)
                             if e not in investors] if subj is not None else []
            if n.dep_ == "attr":  # "Enflame, in which Tencent is the largest shareholder"
                investees += [e for p in self.prep_objects([n.head], frozenset({"in", "of"}))
                              for o in p.children if o.dep_ == "pobj" and o.tag_ in RELATIVE
                              for e in self.head_entities(o, COMPANY) or  # the name before
                              self._typed([m for m in [self.mention_at(self.sent.doc[p.i - 2])]
                                           if m is not None and self.sent.doc[p.i - 1].text
                                           == ","], COMPANY)]  # the comma, however the
                # parser hung the clause
                # "its unit was preparing a listing, in which Baidu will remain the controlling
                # shareholder": an offering's shares are its issuer's, whoever offers it
                offerings = [a for p in self.prep_objects([n.head], frozenset({"in", "of"}))
                             for o in p.children if o.dep_ == "pobj" and o.tag_ in RELATIVE
                             and (a := antecedent(o)) is not o and a.lower_
                             in lex.invests.offering_nouns | lex.invests.round_nouns]
                issuers = [s for a in offerings
                           if (s := self.governing_subject(a)) is not None]
                investees += [e for e in self.child_entities(offerings, frozenset({"poss"}),
                                                             COMPANY) or [
                    e for s in issuers for e in self.phrase_entities(s, COMPANY)]  # ("its
                    if e not in investors]  # Kunlunxin chip unit" names its unit)
            # "Cornerstone investors, led by X, subscribed for HK$2.9 billion of the shares":
            # the subject of taking part in the raise told before
            # ("agreed to buy about 45% of the offering")
            taking_part = any(t.lemma_.lower() in lex.invests.participate_verbs
                              | lex.invests.acquire_verbs
                              for t in (n.head, *(c for c in n.children if c.dep_ == "acl"),
                                        *(c for c in n.head.children if c.dep_ == "xcomp")))
            # ("X and Y were among the subscribers", but not "among the investors in its
            # IPO", the "in" hung on the copula)
            among = n.dep_ == "pobj" and n.head.lower_ == "among" \
                and n.head.head.lemma_ in COPULAS and not any(
                    p.dep_ == "prep" and p.lower_ in ("in", "of") for p in n.head.head.children)
            predicate = n.dep_ == "attr" or among or (  # ("Microsoft, an earlier investor")
                n.dep_ == "appos" and self.mention_at(n.head) is not None) or (
                n.dep_ == "nsubj" and n.head.lemma_.lower() in self.lex.list_verbs) or (
                n.dep_ in ("nsubj", "ROOT") and taking_part and bool(self.led_by(n)))
            if not investees and predicate and not any(
                    c.dep_ in ("poss", "prep", "appos") for c in n.children):
                # "cornerstone investors include X", "X remains a large shareholder": of the
                # company the article says is raising money, else of the one it is about
                # "X, which took a 10% stake in Intel, and Y are also large shareholders":
                # of what their own clauses hold first
                held = [e for i, m in self.mentions.items() if m.entity_id in investors
                        and self.sent.start <= i < self.sent.end
                        for r in self.sent.doc[i].children if r.dep_ == "relcl"
                        for t in r.subtree if t.dep_ == "prep" and t.lower_ in ("in", "of")
                        and t.head.lemma_.lower() in self.lex.invests.nouns
                        for o in t.children if o.dep_ == "pobj"
                        for e in self.head_entities(o, COMPANY) if e not in investors]
                # "X increased its holding in Y to 5.1%, becoming a major shareholder", "bought
                # 3.1 billion yuan of Moore Threads shares in its IPO, becoming a top-ten
                # holder": what the same investor's stake or shares in this sentence are in
                stakes, equity = self.lex.invests.nouns, self.lex.invests.equity_nouns
                theirs = [t for t in self.sent if t.i != n.i
                          and (t.lemma_.lower() in stakes or t.lower_ in equity)
                          and (g := self.governing_subject(t)) is not None
                          and set(self.head_entities(g, ANY)) & set(investors)]
                held += [e for t in theirs if t.lemma_.lower() in stakes
                         for p in self.prep_objects(  # (its "in" hung on the verb too)
                             [t, *([t.head] if t.dep_ == "dobj" else [])], frozenset({"in"}))
                         for o in p.children if o.dep_ == "pobj"
                         for e in self.head_entities(o, COMPANY) if e not in investors]
                held += [e for t in theirs if t.lower_ in equity
                         for e in self.child_entities([t], frozenset({"compound", "poss"}),
                                                      COMPANY) if e not in investors]
                salient = self.registry.salient(COMPANY)
                investees = list(dict.fromkeys(held)) or self.registry.last_raisers() or (
                    [salient] if salient and salient not in investors else [])
            own = self._own_amounts(investors)  # "X, which took a 10% stake, and SoftBank,
            for investor in investors:  # which invested $2 billion, are large shareholders"
                yield from self._pairs(  # "its backer with $8bn invested"
                    "INVESTS_IN", [investor], investees, n, "invest.investor_noun",
                    amount=own.get(investor) or (None if round_of else self.amount_in(n)))
        # "Solar Turbines, a Caterpillar company": a company named after another is its
        indefinite = any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in n.children)
        owned_company = n.dep_ == "appos" and lemma in ("company", "firm") and indefinite
        # "with Crusoe, Chevron's power venture and xAI among the buyers": an "apposition"
        # that "and" joins to a conjunct is the next item of a list, describing nobody (but
        # "Solar Turbines, a Caterpillar company, supplied ..., and Tesla provided ...")
        listed = n.dep_ == "appos" and n.i + 1 < len(n.doc) and n.doc[n.i + 1].lower_ == "and" \
            and any(c.dep_ == "conj" for c in n.children)
        if (lemma in lex.invests.owned_nouns or owned_company) and not listed:  # "Kunlunxin,
            owners = self.child_entities([n], frozenset({"poss"}), COMPANY)  # Baidu's chip
            # subsidiary"; "SMIC's subsidiary SMIC Beijing": the possessor hung on the name
            if n.dep_ == "compound" and (unit := self.mention_at(n.head)) is not None:
                owners += [e for e in self.child_entities([n.head], frozenset({"poss"}), COMPANY)
                           if e != unit.entity_id]
            owners += self.prep_heads([n], frozenset({"of"}), COMPANY)
            # "a Wistron subsidiary" (but in "its Kunlunxin unit" the name is the unit's)
            owners += self.child_entities([n], frozenset({"compound"}), COMPANY) \
                if indefinite else []
            # "SB OpenAI Japan, the joint venture formed by SoftBank and OpenAI", "a joint
            # venture between X and Y": who formed it owns it
            owners += self.prep_heads([c for c in n.children if c.dep_ == "acl"
                                       and c.tag_ == "VBN"], frozenset({"by"}), COMPANY)
            owners += self.prep_heads([n], frozenset({"between"}), COMPANY)
            owned = self.described_by(n)  # a singular "arm" names one: "Lenovo's venture
            # arm Legend Capital and the Shanghai fund took ..."
            if not owned and not indefinite and owners:  # "its Kunlunxin chip unit": the
                words = [n, *(c for c in n.children if c.dep_ == "compound")]  # name is the
                owned = [e for e in self.child_entities(words, frozenset({"compound"}), COMPANY)
                         if e not in owners]  # unit's
            yield from self._pairs("INVESTS_IN", owners, owned[:1] if n.tag_ == "NN" else owned,
                                   n, "invest.subsidiary")
        if lemma == "venture" and (ventures := self.child_entities(
                [n], frozenset({"compound", "amod", "nmod"}), COMPANY)) and (
                partners := self.prep_heads(
                    [n, *([n.head] if n.dep_ == "dobj" else [])], frozenset({"with"}),
                    COMPANY)):
            # "financing the Stargate venture with OpenAI and Oracle", "formed the Stargate
            # venture with ...": whoever forms or funds the named venture and its partners
            # own it
            subj = self.governing_subject(n)
            founders = self.head_entities(subj, COMPANY) if subj is not None else []
            yield from self._pairs("INVESTS_IN", [e for e in founders + partners
                                                  if e not in ventures], ventures[:1], n,
                                   "invest.joint_venture")
        if self._is_round(n):  # "a financing led by X", "a $13 billion Series F led by X"
            preps = lex.invests.investor_preps - (
                {"by"} if lemma in lex.invests.raiser_nouns else set())
            investors = self.led_by(n) + self.prep_heads([n], preps, ANY)
            investors += [e for r in n.children if r.dep_ == "relcl"  # "a round that
                          and r.lemma_.lower() in lex.list_verbs | lex.invests.draw_verbs
                          for o in self.objects(r)  # included Nvidia and QIA", "the
                          for e in self.head_entities(o, ANY)]  # financing, which drew X"
            subj = self.governing_subject(n)
            investees = self.head_entities(subj, COMPANY) if subj is not None else []
            amount = self.noun_amount(n)
            raised = self._raised(n) if subj is None else None
            if raised is not None and (investees := self._lost_raiser(raised)):
                # the amount the verb of raising was read as modifying is the round's
                amount = amount or next((a for first, last, a in self.amounts
                                         if first <= raised.head.i <= last), None)
                self.registry.note_raise(investees, amount)
            joined = n.dep_ == "dobj" and n.head.lemma_.lower() in (
                lex.invests.lead_verbs | lex.invests.participate_verbs)
            if joined:  # "Nvidia led the financing": whoever raised it, not the leader
                investees = self.registry.last_raisers()
            elif n.dep_ == "dobj":  # "Anthropic closed a Series F": it raised the round
                self.registry.note_raise(investees, self.noun_amount(n))
            yield from self._pairs("INVESTS_IN", investors, investees, n, "invest.round",
                                   amount=amount)
        if lemma in lex.supplies.goods_nouns:
            yield from self._possessed_goods(n)
        if lemma in lex.supplies.customer_nouns:
            yield from self._customer_noun(n)
        if lemma in lex.supplies.making_nouns:
            yield from self._making_noun(n)
        if lemma in lex.supplies.qualification_nouns and n.dep_ == "dobj":
            yield from self._qualified(n)

        if lemma in lex.supplies.contract_nouns and n.dep_ == "dobj":
            yield from self._deal_for(n)
        if lemma in lex.supplies.contract_nouns | lex.supplies.named_deal_nouns \
                | lex.supplies.role_deal_nouns:
            yield from self._supply_deal(n)
        paid = n.lemma_.lower() in lex.supplies.payment_nouns
        earned = n.lower_ in lex.supplies.earning_nouns or paid
        equity_sold = any(o.lemma_.lower() in lex.invests.equity_nouns | lex.invests.nouns
                          for o in self.of_objects([n]))  # "the sale of a 51% stake to X"
        in_supply = n.lower_ in lex.supplies.in_supply_nouns and n.dep_ == "pobj" \
            and n.head.lower_ == "in"
        if (n.lower_ in lex.supplies.shipment_nouns or earned or in_supply) and not equity_sold:
            # "its TC bonder sales to Micron doubled": the seller's sales to a customer;
            # "Quanta said Nvidia GB300 rack shipments to Microsoft would double": with no
            # seller written, whom the sentence is about (not the maker naming the goods);
            # "its royalties from Apple and Qualcomm rose": earned from customers
            preps = frozenset({"from"} if paid else {"to", "from"} if earned else {"to"})
            buyers = self.prep_heads([n, *self.of_objects([n])], preps, COMPANY)
            governor = n.head.head if n.dep_ == "pobj" else n.head if (
                n.dep_ == "dobj" and (paid or n.head.lemma_.lower() in lex.supplies.ramp_verbs)
            ) else None  # ("received a prepayment from ByteDance")
            if not buyers and governor is not None and governor.pos_ == "VERB":
                # "driven by shipments of AI server racks to Google", "had begun volume
                # shipments of GB300 racks to Microsoft": the parser hung the buyers on the
                # verb
                buyers = [e for p in self.prep_objects([governor], preps) if p.i > n.i
                          for o in p.children if o.dep_ == "pobj"
                          for e in self.head_entities(o, COMPANY)]
            sellers = self.child_entities([n], frozenset({"poss"}), COMPANY)
            if buyers and not sellers:
                sellers = self.sentence_company(n, exclude=buyers + self.makers_of([n]))
            yield from self._pairs("SUPPLIES", sellers, buyers, n, "supply.sales_to")
        if lemma in lex.descriptors.Fund and n.dep_ == "appos" and self.mention_at(n) is None:
            # "SOXX, an index fund on the NYSE Semiconductor Index,": a fund "on" an index
            yield from self._pairs("TRACKS", self.head_entities(n.head, frozenset({"Fund"})),
                                   self.prep_entities([n], frozenset({"on"}),
                                                      frozenset({"Index"})), n, "tracks.on")
        tracked_index = lemma == "index" and self.mention_at(n) is None and any(
            c.lower_ in lex.tracks.index_modifiers for c in n.children
            if c.dep_ in ("amod", "compound"))  # "whose tracking index is the CSI ..."
        if lemma in lex.tracks.nouns or tracked_index:  # "the ETF's benchmark is the CSI
            # 300 Index"
            funds = self.child_entities([n], frozenset({"poss"}), frozenset({"Fund"}))
            indices = self.described_by(n, HOLDERS) if n.dep_ != "conj" else []
            indices = indices or [e for c in n.children if c.dep_ == "appos"  # "the ETF and
                                  for e in self.head_entities(c, frozenset({"Index"}))]  # its
            # benchmark, the SSE STAR 50 Index,"
            if not funds and n.dep_ == "dobj":  # "SOXX uses a different benchmark, the NYSE
                subj, _ = self.subject_of(n.head)  # Semiconductor Index"
                funds = self.head_entities(subj, frozenset({"Fund"})) if subj is not None else []
                indices = indices or [e for c in n.children if c.dep_ == "appos"
                                      for e in self.head_entities(c, frozenset({"Index"}))]
            if n.dep_ == "dobj" and not indices:  # "switched its benchmark to the Solactive
                indices = self.prep_heads([n.head], frozenset({"to"}),  # China Semiconductor
                                          frozenset({"Index"}))  # Index"
            indices = indices or self.index_named_after(n)
            yield from self._pairs("TRACKS", funds, indices, n, "tracks.noun")
        if lemma in lex.tracks.performance_nouns and (funds := self._aiming_funds(n)):
            # "... of the X Index", or its "of" hung on a verb above after the noun
            ofs = [p for p in self.prep_objects([n, *n.ancestors], frozenset({"of"}))
                   if p.i > n.i]
            yield from self._pairs("TRACKS", funds, [e for p in ofs[:1] for e in
                                                     self.phrase_entities(p, frozenset({"Index"}))],
                                   n, "tracks.performance")
        if lemma in lex.invests.offering_nouns:  # "MiniMax priced its IPO": MiniMax raises
            self.registry.note_raise(self.child_entities([n], frozenset({"poss"}), COMPANY))
        # "its order book from Alibaba": the order noun in front of the noun it names
        # (the possessor and the prepositions hang on that noun)
        order = n.head if lemma == "order" and n.dep_ == "compound" and n.head.pos_ == "NOUN" \
            else n
        # "its listing drew cornerstone orders from X": orders for shares, not for goods
        if lemma in lex.supplies.order_nouns and not companies_bought and not (
                n.head.pos_ == "VERB" and (n.head.lemma_.lower() in lex.invests.receive_verbs
                                           | lex.invests.order_taking_verbs
                                           or self.offering_sellers(n.head))):
            buyers = self.child_entities([order], frozenset({"poss"}), COMPANY)
            if not buyers:
                subj = self.governing_subject(order)
                buyers = self.head_entities(subj, COMPANY) if subj is not None else []
            # what is ordered: "its order of 10,000 GPUs", "orders (worth 2 billion yuan) for
            # Cambricon's accelerators"
            worth = [c for c in order.children if c.dep_ == "amod" and c.lower_ == "worth"]
            bought = [o for p in self.prep_objects([order, *worth], frozenset({"of", "for"}))
                      for o in p.children if o.dep_ == "pobj"]
            shares = [o for o in (*bought, *self.of_objects(bought))
                      if o.lower_ in lex.invests.equity_nouns]
            # "completed its purchase of $5 billion of Intel common stock": an investment in
            # the issuer, and no goods
            stock_of = self.child_entities(shares, frozenset({"poss", "compound", "nmod"}),
                                           COMPANY) or self.prep_entities(
                shares, frozenset({"of", "in"}), COMPANY)
            yield from self._pairs("INVESTS_IN", buyers, stock_of, order, "invest.shares_bought",
                                   amount=self.amount_in(order))
            # ("placed orders for etching equipment with AMEC": the parser hung "with" on
            # the goods, or read "etching" as a verb with the goods its object)
            wanted = [g for p in self.prep_objects(
                [order, *([order.head] if order.head.pos_ == "VERB" else [])],
                frozenset({"for"})) for c in p.children if c.dep_ in ("pobj", "pcomp")
                for g in (c, *(d for d in c.children if d.dep_ == "dobj"))]
            sellers = [] if shares else self.prep_entities(
                [order, *([order.head] if order.head.pos_ == "VERB" else [])],
                lex.supplies.order_preps, COMPANY) + self.prep_entities(
                wanted, frozenset({"with"}), COMPANY) + self.makers_of(bought)
            moved_to = [] if shares else self._orders_moved_to(order)
            if moved_to:  # the "from" of orders moved is the supplier left, not a buyer
                left = self.prep_heads([order], frozenset({"from"}), COMPANY)
                sellers = [e for e in sellers if e not in left] + moved_to
            placed = self.prep_heads([order, *([order.head] if order.dep_ == "nsubj" else [])],
                                     frozenset({"from"}), COMPANY) \
                if lemma == "order" and not moved_to else []
            if placed:  # "Inspur's profit doubled on orders from ByteDance": who orders;
                # "our largest order came from CoreWeave": whose order it is sells
                sellers = [e for e in buyers if e not in placed] or \
                    self.sentence_company(order, exclude=placed)
                buyers = placed
            elif not sellers and buyers and order.dep_ == "pobj" \
                    and order.head.lower_ in ("from", "on") \
                    and (gainer := self.governing_subject(order.head)) is not None:
                # "Vertiv is set to benefit from Meta's order", "Jabil rose on Amazon's
                # orders": who gains from a buyer's orders fills them
                sellers = [e for e in self.head_entities(gainer, COMPANY) if e not in buyers]
            elif not sellers and buyers and lemma == "order" and order.head.dep_ in (
                    "advcl", "ccomp", "acl", "pcomp") and not set(
                        self.main_subjects()) & set(buyers):
                # "Shares of Accelink jumped after Microsoft and Amazon increased their
                # orders": a buyer's orders told as the reason or report are the sentence's
                # company's (but in "X received an order, bringing its total orders to ..."
                # the orders are X's own book)
                sellers = self.sentence_company(order, exclude=buyers + self.makers_of([order]))
            yield from self._pairs("SUPPLIES", sellers, buyers, order, "supply.order",
                                   amount=self.amount_in(order))
        if lemma == "supply chain" and n.head.lemma_.lower() in lex.supplies.chain_verbs \
                and n.dep_ == "dobj":  # "its deposition tools entered the supply chain of YMTC"
            customers = self.child_entities([n], frozenset({"poss"}), COMPANY) or \
                self.prep_heads([n], frozenset({"of"}), COMPANY)
            # "entered the supply chain of Nvidia's GB300 through partner Foxconn": it
            # supplies the partner it goes through
            customers = self.prep_heads([n, n.head], frozenset({"through", "via"}),
                                        COMPANY) or customers
            subj, _ = self.subject_of(n.head)
            entrants = [] if subj is None else self.head_entities(subj, COMPANY) if \
                self.mention_at(antecedent(subj)) else self.child_entities(
                    [subj], frozenset({"poss"}), COMPANY) or self.makers_of([subj])
            yield from self._pairs("SUPPLIES", entrants, customers, n, "supply.chain")
        if lemma in lex.supplies.requirement_nouns and n.dep_ == "pobj" and \
                n.head.lower_ == "of" and n.head.head.dep_ == "dobj" and \
                n.head.head.head.pos_ == "VERB":
            yield from self._share_of_needs(n, n.head.head.head)
        if lemma in lex.supplies.requirement_nouns | lex.supplies.contract_nouns \
                and n.dep_ == "pobj" and n.head.lower_ == "of" \
                and n.head.head.lower_ in ("share", "portion", "part"):
            # "Wistron's share of Nvidia's compute-tray orders will rise to 45%"
            yield from self._pairs(
                "SUPPLIES", self.child_entities([n.head.head], frozenset({"poss"}), COMPANY),
                self.child_entities([n], frozenset({"poss"}), COMPANY), n, "supply.share_of")
        if lemma in lex.supplies.demand_nouns:  # "revenue rose 38% on demand from Nvidia
            # and Apple"; "demand for its Cloud TPU capacity from Anthropic": the goods' maker
            goods = [o for p in self.prep_objects([n], frozenset({"for"}))
                     for o in p.children if o.dep_ == "pobj" and self.is_product(o)]
            buyers = self.prep_heads([n, *goods], frozenset({"from"}), COMPANY)
            if n.dep_ == "pobj" and n.head.lower_ == "in" and n.head.head.lemma_ in COPULAS:
                # "KLA's inspection tools are in high demand at SK Hynix"
                subj, _ = self.subject_of(n.head.head)
                goods += [subj] if subj is not None and self.is_product(subj) else []
                buyers += self.prep_heads([n], frozenset({"at", "among"}), COMPANY) \
                    if goods else []
            sellers = self.child_entities([n], frozenset({"poss"}), COMPANY) or [
                e for e in self.makers_of(goods) if e not in buyers] or (
                self.sentence_company(n, exclude=buyers) if buyers else [])
            yield from self._pairs("SUPPLIES", sellers, buyers, n, "supply.demand")
        if n.text == "%" and n.dep_ in ("attr", "dobj", "pobj"):
            yield from self._share_of(n)
        if n.text == "%" and n.dep_ in ("attr", "dobj", "pobj", "npadvmod"):
            yield from self._revenue_share(n)  # ("represented 20% and 15% of revenue": the
            # parser's adverbial)
        if n.text == "%" and n.dep_ in ("dobj", "conj"):
            yield from self._assets_in(n)
        if lemma in lex.constituents.nouns or any(
            c.dep_ in ("compound", "amod") and c.lemma_.lower() in lex.constituents.nouns
            for c in n.children
        ):
            yield from self._constituent_noun(n)
