"""Investment rules: verbs of investing, owning, buying and backing, and rounds joined or led.

"Nvidia invested $5bn in Intel", "CoreWeave is backed by Nvidia", "Tencent led the round", "X
and Y also participated": who puts money into whom, and how much.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from spacy.tokens import Token

from capexgraph.extract.arguments import (
    ANY,
    COMPANY,
    MODIFIERS,
    RELATIVE,
    antecedent,
    conjuncts,
)
from capexgraph.extract.money import FoundAmount
from capexgraph.extract.rule_base import Candidate, RuleBase, VerbArgs


class InvestRules(RuleBase):
    """The verb rules that find INVESTS_IN."""

    def _invest_verbs(self, a: VerbArgs) -> Iterator[Candidate]:
        lex, v = self.lex.invests, a.verb
        investors = a.agents if a.passive else a.subjects
        raised = self._raised_money_spent(a)
        amount = a.amount
        if raised is not None:
            investors, amount = raised
        # "spend $50bn with Fluidstack" (not "spend 2 billion yuan building a platform with
        # Huawei", whose "with" is the building's)
        vendors = [e for h in (v, *a.objs) for p in h.children
                   if p.dep_ == "prep" and p.lower_ == "with" for o in p.children
                   if o.dep_ == "pobj" for e in self.head_entities(o, COMPANY)] \
            if a.lemma in lex.spend_verbs and not a.passive else []
        yield from self._pairs("SUPPLIES", vendors, investors, v, "supply.spent_with",
                               amount=amount)
        # "the CoWoS capacity it allocates to Broadcom": goods, not money, allotted to a
        # customer are supplied to it
        allotted = [o for o in (*a.objs, *([v.head] if v.dep_ == "relcl" else []))
                    if o.lemma_.lower() in self.lex.supplies.goods_nouns]
        if a.lemma in lex.allocate_verbs and allotted and a.amount is None and not a.passive:
            yield from self._pairs("SUPPLIES", investors, self.prep_heads(
                [v, *a.objs], frozenset({"to"}), COMPANY), v, "supply.allocated")
            return
        if a.lemma in lex.verbs and not vendors:
            preps = frozenset(lex.target_preps | ({"for"} if a.lemma in lex.allocate_verbs
                                                  else set()))
            targets = self.investees([v, *a.objs], preps, investors) or \
                self.built_sectors([v]) or \
                self.included_sectors([v, *a.objs]) or \
                self._governor_builds(v)  # "committed $16bn to expand its plants"
            portions: dict[str, FoundAmount | None] = {}
            if not targets or all(self.registry.type_of(t) == "Sector" for t in targets):
                portions = self.spending_shares(v)  # "..., with 85 billion yuan earmarked
                targets += [s for s in portions if s not in targets]  # for AI processors"
            each = self.respective_amounts(v, investors)  # "$5bn and $10bn respectively"
            amount = self._included_amount(a, preps) or amount
            for investor in investors:
                for target in targets:  # a portion's own amount, else the whole's
                    yield from self._pairs("INVESTS_IN", [investor], [target], v, "invest.verb",
                                           amount=each.get(investor) or portions.get(target)
                                           or amount)
            if any(t.lemma_.lower() in lex.round_nouns for t in self.sent):  # "lead a round"
                self.registry.note_raise(targets)
            if (builder := self._absolute_builder(v)) is not None and targets:
                # "Adani and Google agreed to build a campus, with Google investing $10bn":
                # the other builders invest in it too, in an amount not told
                subj, _ = self.subject_of(builder)
                others = [e for e in self.head_entities(subj, COMPANY)
                          if e not in investors] if subj is not None else []
                yield from self._pairs("INVESTS_IN", others, targets, v, "invest.co_builder")
            for gap in self.gapped_amounts(v, a.objs):  # "and Nvidia up to $10 billion"
                yield from self._pairs(
                    "INVESTS_IN", self.child_entities([gap], MODIFIERS, ANY) or investors,
                    self.investees([gap], preps) or targets, v, "invest.gapped",
                    amount=next(f for i, _, f in self.amounts if i == gap.i))
            yield from self._pairs("SUPPLIES", self.spent_on([v, *a.objs], lex.target_preps),
                                   investors, v, "supply.spend_on", amount=a.amount)
        # "... approximately HK$11.4 billion, which the Company intends to use for ...": an
        # amount the relative pronoun stands for is the money used
        told = next((f for o in a.objs if (t := antecedent(o)) is not o
                     and (f := self.amount_at(t)) is not None), None) \
            if a.lemma in lex.apply_verbs and not a.passive else None
        amount = amount or told
        if a.lemma in lex.apply_verbs and (raised is not None or told is not None or (
                not a.passive and any(o.lower_ in lex.money_nouns for o in a.objs))):
            # "intends to use the net proceeds for R&D and for computing power
            # infrastructure", "the proceeds will be used for ..."
            uses = [o for p in self.prep_objects([v, *a.objs],
                                                 frozenset({"for", "on", "towards", "toward"}))
                    for q in conjuncts(p) for o in q.children if o.dep_ == "pobj"]  # "for
            # R&D and for infrastructure"; "for expanding computing infrastructure": what
            # the building verb builds
            uses += [o for p in self.prep_objects([v, *a.objs], frozenset({"for"}))
                     for q in conjuncts(p) for c in q.children if c.dep_ == "pcomp"
                     and c.lemma_.lower() in lex.purpose_verbs
                     for o in c.children if o.dep_ == "dobj"]
            uses += [o for h in (v, *(x for x in v.children if x.dep_ == "xcomp"))
                     for w in h.children if w.dep_ == "prep" and w.lower_ == "with"  # "with
                     for r in w.children if r.dep_ == "pobj" and r.lower_ == "rest"  # the rest
                     for p in self.prep_objects([r], frozenset({"for"}))  # for AI research"
                     for o in p.children if o.dep_ == "pobj"]
            # "the funds will be used to build data centres": what its purpose builds
            yield from self._pairs("INVESTS_IN", investors,
                                   [s for u in uses for c in conjuncts(u)
                                    for t in self.activity_objects(c) if (s := self.sector(t))]
                                   + self.built_sectors([v]),
                                   v, "invest.proceeds_used", amount=amount)
            # "... will be used to purchase AI servers, including from Lenovo Group": the
            # spender buys from them
            yield from self._pairs("SUPPLIES", [e for c in v.children if c.dep_ == "xcomp"
                                                and c.lemma_.lower() in lex.acquire_verbs
                                                for e in self.purchase_sources(c)],
                                   investors, v, "supply.proceeds_bought")
        spender = self._raised_money_spent(a, building=True) \
            if a.lemma in lex.purpose_verbs and not a.passive else None
        if spender is not None:
            # "The money will fund the expansion of its Colossus supercomputer"
            yield from self._pairs("INVESTS_IN", spender[0], [
                s for o in a.objs for c in conjuncts(o) for t in self.activity_objects(c)
                if (s := self.sector(t)) and self.registry.type_of(s) == "Sector"], v,
                "invest.proceeds_used", amount=spender[1])
        spent_into = self._raised_money_spent(a, building=True) \
            if a.lemma in self.lex.supplies.destination_verbs and not a.passive else None
        if spent_into is not None:
            # "Most of the money will go into GPU clusters": where the money raised goes
            # (not "to": that names a recipient as often as a use)
            yield from self._pairs("INVESTS_IN", spent_into[0], [
                s for p in self.prep_objects([v], frozenset({"into"}))
                for o in p.children if o.dep_ == "pobj" for c in conjuncts(o)
                for t in self.activity_objects(c)
                if (s := self.sector(t)) and self.registry.type_of(s) == "Sector"], v,
                "invest.proceeds_used", amount=spent_into[1])
        if a.lemma in lex.purpose_verbs and a.amount is not None and not a.passive:
            yield from self._built_at_a_cost(a)
        # "took US$80 million of shares" whose owner is not written (the noun rules read
        # "took a stake in X")
        taken_shares = [o for o in (*a.objs, *self.of_objects(a.objs))
                        if o.lower_ in lex.equity_nouns] if a.lemma in lex.take_verbs else []
        taken = bool(taken_shares) and not any(c.dep_ in ("poss", "prep") for o in taken_shares
                                               for c in o.children)
        if a.lemma in lex.object_verbs or a.lemma in lex.acquire_verbs or taken:
            # "buy ABB's robotics division and Ampere Computing": each named object
            named = [e for o in map(antecedent, a.objs) for c in conjuncts(o)  # "ZT Systems,
                     if self.mention_at(c) is not None  # which AMD bought"
                     for e in self.head_entities(c, COMPANY)]
            if any(self.coordinated_goods(o) for o in a.objs):
                named = []  # "buys Nvidia and AMD accelerators": both name goods
            if a.lemma in lex.object_verbs:
                named = [e for o in a.objs for e in self.head_entities(o, COMPANY)]
            elif taken or (self.prep_objects([v, *a.objs], self.lex.supplies.source_preps)
                           and a.lemma not in lex.acquire_verbs):
                # "took shares": whose shares says whom; "buy chips from AMD" is a purchase,
                # not an acquisition (but "acquire VeloCloud from Broadcom" is one)
                named = []
            equity = [o for o in (*a.objs, *self.of_objects(a.objs))
                      if o.lower_ in lex.equity_nouns or o.text == "%"
                      or (o.lemma_ == "capital" and any(  # "the entire issued share
                          c.lower_ == "share" for c in o.children))]  # capital of Infinidat"
            named += self.prep_heads(equity, frozenset({"of", "in"}), COMPANY) or \
                self.child_entities(equity, frozenset({"compound", "nmod"}), COMPANY)
            # "buy shares of Horizon Robotics", "warrants to buy Marvell shares", "$2 billion
            # of Synopsys common stock"
            sale = [] if named or not equity else [  # "bought shares in a $6.6 billion
                e for e in self.investees([v], frozenset({"in"}), investors)  # share sale": of
                if e in self.registry.raisers]  # whoever raises, whose sale the amount sizes
            if not named and not sale and any(c.dep_ == "det" and c.lower_ == "the"
                                              for o in equity for c in o.children):
                # "X raised $3.5bn in a share offering. Nvidia bought $700 million of the
                # shares": the shares told before, of whoever raised
                named = [e for e in self.registry.last_raisers() if e not in investors]
            named += sale
            if not named and equity and v.dep_ in ("advcl", "xcomp", "conj"):
                # "invested in Xiangliu Technology, taking a 9% stake": in what the verb it
                # hangs on names
                named = self.investees([v.head], frozenset({"in", "into"}), investors)
            if not named and equity and not a.passive and not any(
                    c.dep_ in ("poss", "prep") for o in equity for c in o.children) \
                    and not self.prep_objects([v], frozenset({"in", "of"})):
                # "UBS and Jane Street each took US$80 million of shares" in the IPO the
                # article told of: whose shares nobody says are the raiser's
                named = [e for e in self.registry.last_raisers() if e not in investors]
            subj, _ = self.subject_of(v)
            named_subject = subj is not None and self.mention_at(antecedent(subj)) is not None
            targets = (a.subjects if named_subject or a.lemma in lex.object_verbs else []) \
                if a.passive else named
            yield from self._pairs("INVESTS_IN", investors, targets, v, "invest.object_verb",
                                   amount=None if sale else a.amount)
        if a.lemma in lex.give_verbs and a.passive and self.gives_money(a):
            # "Lambda has been handed $1.5 billion by a consortium headed by SoftBank", "Nscale
            # was provided with $300 million of equity by Nokia": the giver invests in who
            # gets it
            givers = a.agents or [e for g in v.children if g.dep_ == "agent"
                                  for e in self.led_by(g)]
            yield from self._pairs("INVESTS_IN", givers, a.subjects or self.prep_heads(
                [v], frozenset({"to"}), COMPANY), v, "invest.given", amount=a.amount)
        if a.lemma in lex.give_verbs and not a.passive and self.gives_money(a):
            # "SoftBank will provide a further $22.5 billion to the AI developer": money
            # given to a company is invested in it
            # ... or named as the verb's dative, "awarded TSMC $6.6 billion" (the amount is
            # one token: the recipient may parse as its compound), or as its object when
            # the money comes "with" ("provided Nscale with $300 million")
            with_money = bool(self.money_given_with(a))
            given = self.prep_heads([v, *a.objs], frozenset({"to"}), COMPANY) or [
                e for o in a.objs if with_money and self.mention_at(o)
                for e in self.head_entities(o, COMPANY)] or [
                e for c in (*v.children, *(d for o in a.objs if o.tag_ == "CD"
                                            for d in o.children if d.dep_ == "compound"))
                if c.dep_ in ("dative", "compound") for e in self.head_entities(c, COMPANY)] \
                or [e for p in self.prep_objects([v, *a.objs], frozenset({"for"}))
                    for o in p.children if o.dep_ == "pobj" and self.mention_at(o) is not None
                    for e in self.head_entities(o, COMPANY)]
            yield from self._pairs("INVESTS_IN", a.subjects, given, v, "invest.given",
                                   amount=a.amount)
        issued = [o.lemma_.lower() for o in (*a.objs, *self.of_objects(a.objs))]
        # (a debt sold is one issued: "Meta sold $30 billion of bonds to fund ..."; shares
        # sold may be another's)
        if not a.passive and ((a.lemma in lex.issue_verbs and set(issued) & lex.issued_nouns)
                              or (a.lemma in lex.disposal_verbs
                                  and set(issued) & lex.debt_nouns)):
            self.registry.note_raise(a.subjects, a.amount)  # "plans to issue $2bn of bonds"
            # "... to expand advanced packaging capacity": what the money raised builds
            yield from self._pairs("INVESTS_IN", a.subjects, self.built_sectors([v]), v,
                                   "invest.raised_to_build", amount=a.amount)
        if a.lemma in lex.disposal_verbs and not a.passive:
            # "Intel sold 51% of Altera to Silver Lake", "sold a majority of X to Y": the
            # buyer holds the part of the company sold
            parts = [o for o in a.objs if o.text == "%" or o.lower_ in lex.portion_nouns]
            yield from self._pairs(
                "INVESTS_IN", self.prep_heads([v, *parts], frozenset({"to"}), ANY), [
                    e for p in self.prep_objects(parts, frozenset({"of"})) for o in p.children
                    if o.dep_ == "pobj" and self.mention_at(o) is not None
                    for e in self.head_entities(o, COMPANY)], v, "invest.part_sold",
                amount=a.amount)
        # "Oracle and Carlyle, which previously owned Ampere": a holding told as over
        held_before = any(c.dep_ == "advmod" and c.lower_ in self.lex.executives.past
                          for c in v.children)
        if a.lemma in lex.own_verbs and not a.passive and not held_before:
            # (each coordinated share: "owns 5% of X and 19% of Y")
            shares = [o for o in (c for obj in a.objs for c in conjuncts(obj))
                      if o.text == "%" or o.lemma_.lower() in lex.nouns
                      or o.lower_ in lex.equity_nouns  # "holds shares in", "holds warrants in"
                      or o.lemma_.lower() in lex.issued_nouns
                      or o.lower_ in lex.portion_nouns]  # "owns a majority of Sharp"
            owners = [e for e in a.subjects
                      if not self.is_holder(e) or self.stake_of_company(a.objs)]
            owned = [e for p in self.prep_objects([v, *shares], frozenset({"of", "in"}))
                     if p.i > v.i or any(o.tag_ in RELATIVE for o in p.children)  # (not "In
                     for e in self.phrase_entities(p, COMPANY)]  # India, Reliance and
            # Brookfield each hold half of X": a place before the verb; but "Yotta, in
            # which Nvidia holds a stake")
            # "holds 4.1% of its shares", "of Kestrel's stock": whose shares they are
            # ("warrants for 160 million AMD shares": what the warrants are for)
            equity = [o for p in self.prep_objects([v, *shares], frozenset({"of", "in", "for"}))
                      for o in p.children if o.dep_ == "pobj" and o.lower_ in lex.equity_nouns]
            # ... and "holds about 900 million Apple shares": shares named by their issuer
            owned += self.child_entities(equity + [o for o in shares if o.lower_ in
                                                   lex.equity_nouns],
                                         frozenset({"poss", "compound"}), COMPANY)
            owned += [e for o in map(antecedent, a.objs)  # "controls X", "Arm, which
                      if self.mention_at(o) is not None  # SoftBank controls"
                      for e in self.head_entities(o, COMPANY)]
            if not owned and not a.objs and v.dep_ == "relcl":  # "Humain, an AI company it
                owned = self.head_entities(v.head, COMPANY) or self.described_by(  # fully
                    v.head)  # owns": what the clause describes
            if not owned and shares and v.dep_ == "conj" and v.head.lemma_ == v.lemma_:
                # "Microsoft holds about 27% of OpenAI, and SoftBank holds about 11%": of
                # what the verb it repeats holds
                owned = [e for e in self.prep_entities(
                    [v.head, *self.objects(v.head)], frozenset({"of", "in"}), COMPANY)
                    if e not in owners]
            if not owned and any(o.text == "%" for o in shares):  # "Kioxia's largest
                # shareholder is a consortium led by Bain Capital, which holds about 51%;
                # Toshiba holds about 41%": a bare share is of whom the sentence's
                # shareholders are
                owned = [e for t in self.sent if t.lemma_.lower() in lex.investor_nouns
                         for e in self.child_entities([t], frozenset({"poss"}), COMPANY)
                         if e not in owners]
            yield from self._pairs("INVESTS_IN", owners, owned, v, "invest.own")
            # ("controls SK Hynix through SK Inc.": the vehicle's holding is read for every
            # investing verb, in `verb_rules`)
        if a.lemma in lex.own_verbs and a.passive and not held_before:  # "DayOne, now
            # owned partly by Coatue"
            owners = [e for e in a.agents if not self.is_holder(e)]  # a fund's are holdings
            yield from self._pairs("INVESTS_IN", owners, a.subjects, v, "invest.owned_by")
        raising = a.lemma in lex.receive_verbs or any(  # "closed a Series G, with X"
            o.lemma_.lower() in lex.round_nouns | lex.security_nouns or self._is_round(o)
            for o in a.objs)
        if raising and not a.passive:  # "..., with X and Y also participating"
            raisers = a.subjects
            if a.lemma in lex.lead_verbs:  # "X led a financing of Galbot, with Y also
                raisers = [e for o in a.objs  # investing": who raised it, not its leader
                           for e in self.prep_heads([o], frozenset({"of", "in", "for"}), ANY)]
            yield from self._pairs("INVESTS_IN", self.participants(v), raisers, v,
                                   "invest.participants")
        # "keep gaining share from Applied Materials": a bare singular "share" is market share
        market_share = any(o.lower_ == "share" and not any(
            c.dep_ in ("det", "poss", "nummod", "prep") for c in o.children) for o in a.objs)
        # "gain access to a million TPUs from Google Cloud": access is got like goods
        access = a.lemma in lex.access_verbs and any(o.lower_ == "access" for o in a.objs)
        # "has taken a large order from Entergy": an order taken is won
        taken = a.lemma in lex.order_taking_verbs and any(
            o.lemma_.lower() in self.lex.supplies.contract_nouns for o in a.objs)
        if a.lemma in lex.receive_verbs and not a.passive:
            # "OpenAI received warrants for up to 160 million AMD shares", "got shares of
            # Intel": who receives a company's securities holds them
            papers = [o for o in a.objs if o.lemma_.lower() in lex.issued_nouns
                      or o.lower_ in lex.equity_nouns]
            shares = [o for p in self.prep_objects([v, *papers], frozenset({"for", "of", "in"}))
                      for o in p.children if o.dep_ == "pobj"] + papers
            issuers = self.child_entities(
                [o for o in shares if o.lower_ in lex.equity_nouns],
                frozenset({"compound", "poss"}), COMPANY) + [
                e for p in self.prep_objects(shares, frozenset({"of", "in"}))
                for o in p.children if o.dep_ == "pobj" and self.mention_at(o) is not None
                for e in self.head_entities(o, COMPANY)] if papers else []
            yield from self._pairs("INVESTS_IN", a.subjects,
                                   [e for e in issuers if e not in a.subjects], v,
                                   "invest.securities_received")
        if a.lemma in lex.receive_verbs and a.passive:
            yield from self._contract_won_by(a)
        if (a.lemma in lex.receive_verbs or access or taken) and not a.passive \
                and not market_share:
            givers = self.prep_heads([v, *a.objs, *self._accessed(a.objs)], lex.investor_preps,
                                     ANY)
            # "arranged a $38 billion loan through JPMorgan": the bank a loan comes through
            givers += self.prep_heads([v, *a.objs], frozenset({"through", "with"}), COMPANY) \
                if any(self.is_loan(o) for o in a.objs) else []
            givers += [e for p in self.prep_objects([v, *a.objs], frozenset({"in"}))
                       for e in self.led_by(p)]  # "raised $1bn in a round led by X"
            # "received $275 million in incentives from the Commerce Department", "$2bn in
            # orders from Meta": what the money came as names its giver
            taken_as = [o for p in self.prep_objects([v], frozenset({"in"}))
                        for o in p.children if o.dep_ == "pobj"] if a.amount else []
            givers += self.prep_heads(taken_as, frozenset({"from"}), ANY)
            givers += [e for o in a.objs if o.tag_ == "CD"  # "raised 1.1 billion yuan led
                       for e in self.led_by(o)]  # by CATL"
            # "a $1.5 billion loan backed by its chips from a group led by JPMorgan": "from"
            # hung on the participle that describes the money
            givers += self.prep_heads([c for o in a.objs for c in o.children if c.dep_ == "acl"
                                       and c.tag_ == "VBN"], frozenset({"from"}), ANY)
            contract_nouns = self.lex.supplies.contract_nouns
            contracts = [o for o in a.objs if o.lemma_.lower() in contract_nouns or any(
                t.lemma_.lower() in contract_nouns for left in o.lefts  # "a bid-winning
                for t in left.subtree)] + [  # notice": a notice of a contract won
                o for p in self.prep_objects(a.objs, frozenset({"of"})) for o in p.children
                if o.dep_ == "pobj" and o.lemma_.lower() in contract_nouns] + [  # "the bulk
                o for o in taken_as if o.lemma_.lower() in contract_nouns]  # of"
            givers += self.child_entities(contracts, frozenset({"poss"}), COMPANY)
            givers += self.prep_heads([*contracts, *([v] if contracts else [])],  # "booked a
                                      frozenset({"with"}), COMPANY)  # $300 billion contract
            # with OpenAI", "won a deal with Meta" (the parser hangs "with" on either)
            givers += self.prep_heads(  # "won orders worth 1.2 billion yuan from State Grid"
                [c for o in (*contracts, *([v] if contracts else [])) for c in o.children
                 if c.lower_ == "worth"], frozenset({"from"}), COMPANY)  # ("worth" hung
            # on the verb as a clause, too)
            givers += self.prep_heads(  # "won a server procurement bid from China Mobile",
                [c for o in contracts for c in o.children if c.dep_ == "acl"  # its last noun
                 and c.lemma_.lower() in contract_nouns], frozenset({"from"}), COMPANY)  # read
            # as a clause
            worth = [c for o in contracts for c in o.children if c.lower_ == "worth"]
            givers += self.prep_heads(  # "won an order for servers from China Mobile", "won
                [o for p in self.prep_objects(contracts + worth, frozenset({"for"}))  # orders for
                 for c in p.children if c.dep_ in ("pobj", "pcomp")  # etching equipment
                 for o in (c, *(d for d in c.children if d.dep_ == "dobj"))],  # from SMIC"
                frozenset({"from"}), COMPANY)
            bid_for = [c for p in self.prep_objects([*contracts, *([v] if contracts else [])],
                                                    frozenset({"for"}))
                       for c in p.children if c.dep_ == "pobj"]
            givers += self.child_entities(bid_for, frozenset({"poss"}), COMPANY)  # "won the
            # bid for China Unicom's computing centre", "... for the server procurement
            # project of China Mobile"
            givers += self.prep_heads(bid_for, frozenset({"of"}), COMPANY)
            # ... and so is a customer's certification ("obtained 1.6T certification from
            # Google")
            work = a.amount is None and any(
                o.lemma_.lower() in self.lex.supplies.work_nouns
                | self.lex.supplies.qualification_nouns for o in a.objs)
            if contracts or work:  # "received an order from Microsoft", "won Nvidia's
                # orders", "landed a project from Microsoft": the receiver supplies
                yield from self._pairs("SUPPLIES", a.subjects, givers, v, "supply.contract",
                                       amount=a.amount)
            elif self._goods(a.objs) or self._goods(self.of_objects(a.objs)) \
                    or self._goods(self._accessed(a.objs)):
                # "will get up to a million TPUs from Google Cloud": goods got are supplied,
                # not invested; with no giver written, by their maker ("received the first
                # batch of Nvidia GB300 chips", "will get access to a million Google TPUs")
                accessed = self._accessed(a.objs)
                got = [*a.objs, *self.of_objects(a.objs), *accessed]
                made = [e for e in self.makers_of(got) if e not in a.subjects] \
                    if a.lemma in ("receive", "obtain") or accessed else []  # (not "won")
                yield from self._pairs("SUPPLIES", [
                    g for g in givers if self.registry.type_of(g) in COMPANY] or made,
                    a.subjects, v, "supply.goods_received")
            else:
                subj = self.subject_of(v)[0]
                if not a.subjects and givers and subj is not None:
                    # "Baseten raised $150 million from IVP": who raises money from investors
                    # is a company, named or not by the models
                    a = replace(a, subjects=self.unnamed_company(subj))
                own = self._own_amounts(givers)  # "led by ASML, which invested 1.3bn euros"
                share = self.each_amount(v)  # "..., with each contributing 750 million yuan"
                for giver in dict.fromkeys(givers):
                    yield from self._pairs("INVESTS_IN", [giver], a.subjects, v,
                                           "invest.receive",
                                           amount=own.get(giver, share or a.amount))
                if givers or a.amount is not None or not a.objs or any(
                        o.lemma_.lower() in lex.money_nouns | lex.round_nouns
                        or o.lower_ in lex.money_nouns for o in a.objs):
                    self.registry.note_raise(a.subjects, a.amount)  # (not "will get a seat")
                # "plans to raise 3.5 billion yuan through a placement to build computing
                # centres": the raiser spends it on what it builds (an order won to build
                # something is work for a customer)
                ways = [o for p in self.prep_objects([v], frozenset({"through", "via", "in"}))
                        for o in p.children if o.dep_ == "pobj"]
                # "raising no more than 8 billion yuan for AI server capacity": what the money
                # raised is for (not "raise its capex to 15 billion yuan, mainly for X")
                money = {first for first, _, _ in self.amounts}
                raised_for = [s for p in self.prep_objects([v, *a.objs], frozenset({"for"}))
                              for o in p.children if o.dep_ == "pobj"
                              for c in conjuncts(o) if (s := self.sector(c))] if any(
                    o.i in money or o.lower_ in lex.money_nouns for o in a.objs) else []
                yield from self._pairs("INVESTS_IN", a.subjects,
                                       self.built_sectors([v, *a.objs, *ways]) + raised_for, v,
                                       "invest.raised_to_build", amount=a.amount)
        yield from self._joined_round(a)
        yield from self._loans(a)
        yield from self._founded(a)
        yield from self._capital_increased(a)
        yield from self._allotted(a)

    def _founded(self, a: VerbArgs) -> Iterator[Candidate]:
        """A company its subject establishes is its subject's ("to establish a wholly-owned
        subsidiary, Sugon Liquid Cooling"), at the money the clause it serves puts in ("use
        its own funds of RMB 500 million to establish ...")."""
        if a.passive:
            return
        if a.lemma in self.lex.invests.founding_verbs:
            objs = a.objs
        else:  # "announced the establishment of SB OpenAI Japan, a joint venture"
            objs = [o for p in self.prep_objects([o for o in a.objs if o.lemma_.lower()
                                                  in self.lex.invests.founding_nouns],
                                                 frozenset({"of"}))
                    for o in p.children if o.dep_ == "pobj"]
            if not objs:
                return
        founded = self._typed([m for o in objs if (m := self.mention_at(o)) is not None],
                              COMPANY)
        founded += [e for o in objs if self.business_part(o) or self._venture(o)
                    for c in o.children  # "formed a joint venture, SB OpenAI Japan"
                    if c.dep_ == "appos" for e in self.head_entities(c, COMPANY)]
        v = a.verb
        amount = a.amount or (self.amount_in(v.head) if v.dep_ in ("advcl", "xcomp") else None)
        founders = [e for e in a.subjects if self.registry.type_of(e) == "Company"]  # a
        # person who founded a company runs it, which is no investment the text states
        yield from self._pairs("INVESTS_IN", founders, founded, v, "invest.founded",
                               amount=amount)

    def _capital_increased(self, a: VerbArgs) -> Iterator[Candidate]:
        """"plans to increase the registered capital of its subsidiary Hygon by RMB 1.2
        billion": a capital increase in the company whose capital it is."""
        if a.lemma not in self.lex.invests.capital_increase_verbs or a.passive:
            return
        capital = [o for o in a.objs if o.lemma_.lower() == "capital"]
        owners = self.prep_heads(capital, frozenset({"of", "in"}), COMPANY)
        owners += [e for p in self.prep_objects(capital, frozenset({"of", "in"}))
                   for o in p.children if o.dep_ == "pobj" for c in o.children
                   if c.dep_ == "appos" for e in self.head_entities(c, COMPANY)]
        yield from self._pairs("INVESTS_IN", a.subjects, list(dict.fromkeys(owners)), a.verb,
                               "invest.capital_increase", amount=a.amount)

    def _loans(self, a: VerbArgs) -> Iterator[Candidate]:
        """A loan's lender invests in its borrower: the one a loan is made "with" ("entered
        into a $2.35 billion credit facility with Macquarie as lender", "signed a loan
        agreement with JPMorgan"), or the subject that leads or gives it "for" someone
        ("JPMorgan led a $38 billion debt package for two Vantage sites")."""
        v = a.verb
        if a.passive:
            subj, _ = self.subject_of(v)
            if subj is not None and self.is_loan(subj) and a.lemma in self.lex.invests.give_verbs:
                # "Our credit facility is provided by a syndicate led by Morgan Stanley": the
                # lenders lend to whose facility it is
                lenders = a.agents or [e for g in v.children if g.dep_ == "agent"
                                       for e in self.led_by(g)]
                yield from self._pairs("INVESTS_IN", lenders, self.child_entities(
                    [subj], frozenset({"poss"}), COMPANY), v, "invest.loan_by", amount=a.amount)
            return
        into = [o for p in self.prep_objects([v], frozenset({"into"})) for o in p.children
                if o.dep_ == "pobj"]
        loans = [o for o in (*a.objs, *into) if self.is_loan(o)]
        if not loans:
            return
        lenders = self.prep_heads([v, *loans], frozenset({"with"}), COMPANY)
        lex = self.lex.invests
        if a.lemma in lex.lead_verbs | lex.give_verbs:
            borrowers = self.prep_heads([v, *loans], frozenset({"for"}), COMPANY) \
                or self.child_entities(loans, frozenset({"poss"}), COMPANY)
            # "Blackstone and Magnetar led an earlier $7.5 billion debt facility": with no
            # borrower written, the company the article is about (but a loan "for two
            # campuses" is whoever develops them)
            if not borrowers and a.subjects \
                    and not self.prep_objects([v, *loans], frozenset({"for"})):
                salient = self.registry.salient(COMPANY)
                borrowers = [salient] if salient and salient not in a.subjects else []
            yield from self._pairs("INVESTS_IN", a.subjects, borrowers, v, "invest.loan_for",
                                   amount=a.amount)
        # "..., with JPMorgan acting as lead lender": the participle's subject
        lenders += [e for p in self.prep_objects([v], frozenset({"with"}))
                    for c in p.children if c.dep_ == "pcomp" and c.tag_ == "VBG"
                    for s in c.children if s.dep_ == "nsubj"
                    for e in self.head_entities(s, COMPANY)]
        if not lenders:
            return
        # the amount the loan's phrase gives ("... for a term loan of $2.0 billion")
        amount = a.amount or next((f for t in v.subtree if self.is_loan(t)
                                   and (f := self.amount_in(t)) is not None), None)
        yield from self._pairs("INVESTS_IN", [e for e in lenders if e not in a.subjects],
                               a.subjects, v, "invest.loan_with", amount=amount)

    def _allotted(self, a: VerbArgs) -> Iterator[Candidate]:
        """"A total of 9 investors were allocated shares, including GF Fund and UBS AG":
        those allotted shares of the raise told before invest in the raiser."""
        lex = self.lex.invests
        subj, _ = self.subject_of(a.verb)
        # "... were allocated shares", or "placing shares were allotted to six placees,
        # including X and Y"
        shares_allotted = subj is not None and any(  # ("A total of 600,000,000 shares")
            t.lower_ in lex.equity_nouns for t in (subj, *self.of_objects([subj])))
        if not a.passive or a.lemma not in lex.allot_verbs or not (shares_allotted or any(
                o.lower_ in lex.equity_nouns for o in a.objs)):
            return
        to = [o for p in self.prep_objects([a.verb], frozenset({"to"})) for o in p.children
              if o.dep_ == "pobj"] if shares_allotted else []
        heads = [a.verb, *a.objs, *to, *([subj] if subj is not None else [])]
        takers = self.prep_heads(heads, frozenset({"including"}), ANY) + (
            [] if shares_allotted else a.subjects) + [e for o in to
                                                     for e in self.head_entities(o, ANY)]
        # (the raise told before, else the company an announcement is about: the one its
        # headline or text names first)
        issuer = self.registry.headline_company or self.registry.first_company()
        raisers = [e for e in self.registry.last_raisers() or ([issuer] if issuer else [])
                   if e not in takers]
        self.registry.note_raise(raisers)  # whose proceeds the next sentence spends
        # "X and Y were allotted shares worth 1 billion yuan and 600 million yuan
        # respectively"; one taker named as the subject takes the clause's amount
        each = self.respective_amounts(a.verb, takers) or (
            {takers[0]: a.amount} if len(takers) == 1 and not shares_allotted and a.amount
            else {})
        for taker in dict.fromkeys(takers):
            yield from self._pairs("INVESTS_IN", [taker], raisers, a.verb, "invest.allotted",
                                   amount=each.get(taker))

    def _goods(self, objs: list[Token]) -> bool:
        """Whether what is got is goods ("a million TPUs", "capacity") or access to them,
        rather than money."""
        goods = self.lex.supplies.goods_nouns
        return any(o.lemma_.lower() in goods or o.lower_.removesuffix("s") in goods
                   for o in (*objs, *self._accessed(objs)))

    def _accessed(self, objs: list[Token]) -> list[Token]:
        """What "access to" names: "access to a million TPUs" -> TPUs."""
        return [c for p in self.prep_objects([o for o in objs if o.lower_ == "access"],
                                             frozenset({"to"}))
                for c in p.children if c.dep_ == "pobj"]

    def _included_amount(self, a: VerbArgs, preps: frozenset[str]) -> FoundAmount | None:
        """The part of a spend named before where it goes: "invest 373 billion yuan in
        total capex, including 37.3 billion yuan in computing power" spends 37.3 billion on
        computing power (one included amount, before the last target's preposition)."""
        included = {t.i for h in (a.verb, *a.objs) for p in h.children
                    if p.dep_ == "prep" and p.lower_ == "including" for t in p.subtree}
        found = [(s, f) for s, _, f in self.amounts if s in included]
        places = [p.i for p in self.prep_objects([a.verb, *a.objs], preps)]
        if len(found) != 1 or not places or max(places) < found[0][0]:
            return None
        return found[0][1]

    def _raised_money_spent(self, a: VerbArgs, building: bool = False
                            ) -> tuple[list[str], FoundAmount | None] | None:
        """Who spends, and how much, when the money itself is the passive subject: "plans to
        raise up to 1.8 billion yuan, and the proceeds will be invested in a computing
        centre" is spent by the last company the article said raised money, in the amount
        it raised."""
        # (with no raise told, an announcement's proceeds are its issuer's: "KINGSOFT CLOUD
        # HOLDINGS LIMITED — Subscription of New Shares ... The net proceeds ...")
        issuer = self.registry.headline_company
        # (with `building`, the money is the active subject: "The money will fund ...")
        if not (a.passive or building) or a.agents or not (self.registry.raisers or issuer):
            return None
        subject, _ = self.subject_of(a.verb)
        money = self.lex.invests.money_nouns

        def is_money(t: Token) -> bool:  # ("proceeds" has lemma "proceed")
            return t.lower_ in money or t.lemma_.lower() in money
        if subject is None or not (is_money(subject) or any(  # "About 70% of the net
                is_money(o) for o in self.of_objects([subject]))):  # proceeds will be used"
            return None
        raiser = self.registry.raisers[-1] if self.registry.raisers else issuer
        if raiser is None:
            return None
        return [raiser], a.amount or self.registry.raise_amounts.get(raiser)

    def _governor_builds(self, v: Token) -> list[str]:
        """What the clause an investing participle hangs on builds: "will form a joint
        venture to build AI data centres, investing $10 billion", "agreed to build a campus,
        with Google investing $10 billion"."""
        if v.dep_ == "advcl" and v.tag_ == "VBG":  # (or what its object is to build)
            return self.built_sectors([v.head, *self.objects(v.head)])
        builder = self._absolute_builder(v)
        return self.built_objects(builder) if builder is not None else []

    def _funded_building(self, n: Token) -> Iterator[Candidate]:
        """"Mistral AI will build a campus near Paris with funding from MGX and Bpifrance":
        the funders and the builder invest in what is built."""
        builder = n.head.head
        if builder.lemma_.lower() not in self.lex.invests.purpose_verbs:
            return
        built = self.built_objects(builder)
        funders = self.prep_heads([n], frozenset({"from", "by"}), COMPANY)
        subj, _ = self.subject_of(builder)
        builders = self.head_entities(subj, COMPANY) if subj is not None and funders else []
        yield from self._pairs("INVESTS_IN", list(dict.fromkeys(builders + funders)), built,
                               n, "invest.funded_building")

    def _absolute_builder(self, v: Token) -> Token | None:
        """The building verb an absolute "with X investing ..." hangs on."""
        if v.dep_ == "pcomp" and v.head.lower_ == "with" \
                and v.head.head.lemma_.lower() in self.lex.invests.purpose_verbs:
            return v.head.head
        return None

    def _built_at_a_cost(self, a: VerbArgs) -> Iterator[Candidate]:
        """"SK Hynix will build a packaging plant in Indiana for $3.87 billion", "TSMC is
        building a $40 billion fab": what a company builds for itself at a cost is spent on
        (not what it builds for another: "a campus for Oracle", "plants to power a Meta data
        centre", which the supply rules read)."""
        # the purpose of a verb that gives the money is that verb's: "inject 1.2 billion yuan
        # into its subsidiary X to fund computing purchases" is X's spending
        if a.verb.dep_ == "acl" and a.verb.tag_ == "VBG":
            return  # "acquire Celestial AI, a startup developing photonic interconnects, for
            # $3.25 billion": what describes a noun is no one's spending
        clause = a.verb.head if a.verb.dep_ in ("advcl", "xcomp") else a.verb
        subject_words = {t.i for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")
                         for t in c.subtree}  # "X, which counts Google as its client,"
        others = {m.entity_id for t in clause.subtree if (m := self.mention_at(t)) is not None
                  and m.entity_id not in a.subjects and t.i not in subject_words}
        if others:
            return
        # (but "develop chips" is research on goods, no asset built)
        goods = self.lex.supplies.goods_nouns if a.lemma in self.lex.invests.research_verbs \
            else frozenset()
        built = [s for o in a.objs for c in conjuncts(o)
                 if c.lemma_.lower() not in goods and (s := self.sector(c))]
        yield from self._pairs("INVESTS_IN", a.subjects, built, a.verb, "invest.built_at_cost",
                               amount=a.amount)

    def _contract_won_by(self, a: VerbArgs) -> Iterator[Candidate]:
        """"The bid for China Mobile's server procurement was won by Inspur and H3C": who
        wins a buyer's contract supplies the buyer."""
        subj, _ = self.subject_of(a.verb)
        if subj is None or subj.lemma_.lower() not in self.lex.supplies.contract_nouns:
            return
        fors = [o for p in self.prep_objects([subj], frozenset({"for"})) for o in p.children
                if o.dep_ == "pobj"]
        givers = self.child_entities([subj, *fors], frozenset({"poss"}), COMPANY) + \
            self.prep_heads([subj], frozenset({"from", "with"}), COMPANY)
        winners = [e for e in a.agents if self.registry.type_of(e) in COMPANY]
        yield from self._pairs("SUPPLIES", winners, givers, a.verb, "supply.contract",
                               amount=a.amount)

    def _own_amounts(self, investors: list[str]) -> dict[str, FoundAmount]:
        """What an investor's own relative clause says it put in: "Mistral raised 1.7
        billion euros in a round led by ASML, which invested 1.3 billion euros"."""
        own: dict[str, FoundAmount] = {}
        for t in self.sent:
            m = self.mention_at(t)
            if m is None or m.entity_id not in investors or m.entity_id in own:
                continue
            for r in t.children:
                if r.dep_ == "relcl" and r.lemma_.lower() in self.lex.invests.verbs and (
                        amount := self.amount_in(r)) is not None:
                    own[m.entity_id] = amount
        return own

    def _is_round(self, t: Token, offering: bool = False, led: bool = False) -> bool:
        """A financing round: "the round", "its placement", "a Series C"; with `offering`,
        a share offering too ("subscribed for shares in its IPO"; but banks "lead" IPOs);
        and a bare deal someone leads (`led`: "co-led the deal")."""
        lex = self.lex.invests
        return t.lemma_.lower() in lex.round_nouns or (
            offering and t.lemma_.lower() in lex.offering_nouns) or (
            led and t.lemma_.lower() in lex.led_nouns and all(  # (a bare "the deal", not
                c.dep_ in ("det", "amod") for c in t.children) and not any(  # "the deal to
                c.dep_ in ("xcomp", "advcl") for c in t.head.children)) or (  # supply")
            len(t.text.rstrip(".")) <= 2 and any(  # "Series C", not "M-series chips"
                c.dep_ == "compound" and c.text == "Series" for c in t.children))

    def _joined_round(self, a: VerbArgs) -> Iterator[Candidate]:
        """"Nvidia also participated", "X and Y took part in the round", "the round was led
        by Hillhouse": joining or leading a raise told in the same sentence, or one the
        article told before when the round is definite ("the round"), or the round "in" a
        company, makes an investor in whoever raised."""
        lex, v = self.lex.invests, a.verb
        leading = a.lemma in lex.lead_verbs
        # "Lux Capital and Jeff Bezos also put money in": money put "in" with no object
        put_in = a.lemma in lex.verbs and any(c.dep_ == "prt" and c.lower_ in ("in", "into")
                                              for c in v.children)
        # "Volkswagen took 20% of the placing": a part of an offering taken joins it
        portion = [o for o in a.objs if o.text == "%"
                   or o.lemma_.lower() in self.lex.supplies.share_words]
        taken = [r for r in self.of_objects(portion) if self._is_round(r, offering=True)]
        joining = leading or put_in or a.lemma in lex.participate_verbs or bool(taken) or (
            a.lemma == "take" and any(o.lower_ == "part" for o in a.objs))
        subj, _ = self.subject_of(v)
        if a.passive and leading and subj is not None:  # "the round was led by Hillhouse,
            investors, rounds = a.agents + self.participants(v), [subj]  # with participation
            # from Tiger Global"
        elif joining and not a.passive:
            investors = a.subjects
            if v.tag_ == "VBG" and v.dep_ in ("appos", "acl") and self.mention_at(v.head):
                # "with Bezos Expeditions, LG Electronics and Hyundai Motor participating",
                # parsed as the first name's apposition: that name joins too
                investors = list(dict.fromkeys([*self.head_entities(v.head, COMPANY),
                                                *investors]))
            rounds = [o for o in a.objs if self._is_round(o, led=leading)] + taken
            # "subscribed for shares worth 1.2 billion yuan in its IPO": the offering may
            # hang on the shares' phrase
            shares_phrases = [t for p in self.prep_objects([v], frozenset({"to", "for"}))
                              for o in p.children if o.dep_ == "pobj"
                              and o.lower_ in lex.equity_nouns for t in o.subtree]
            offering = a.lemma in lex.participate_verbs
            rounds += [o for p in self.prep_objects([v, *shares_phrases], frozenset({"in"}))
                       for o in p.children if o.dep_ == "pobj" and self._is_round(o, offering)]
            # "subscribe for 800 million yuan of Hygon's private placement", "subscribed 1.2
            # billion yuan of its placement": the round the money subscribed is of
            money = [o for p in self.prep_objects([v], frozenset({"for", "to"}))
                     for o in p.children if o.dep_ == "pobj" and self.amount_at(o) is not None]
            money += [o for o in a.objs if self.amount_at(o) is not None]
            rounds += [o for o in self.of_objects(money) if self._is_round(o, offering)]
        else:
            return
        rounds = [r for r in rounds if self._is_round(r, a.lemma in lex.participate_verbs,
                                                      led=leading)]
        if not investors or (leading and not rounds and (a.objs or a.passive)):
            return  # an active "X led" alone leads the raise told before
        if not rounds and any(o.lower_ != "part" and o.tag_ != "CD"
                              and o.lemma_.lower() not in lex.money_nouns for o in a.objs):
            return  # "joined the index": other rules read those; "invested $1bn" in whoever
            # raised, when no other rule finds where the money goes
        raisers = [e for t in self.sent if t.i != v.i and t.pos_ == "VERB"
                   and t.lemma_.lower() in lex.receive_verbs
                   and (subj := self.subject_of(t)[0]) is not None
                   for e in self.head_entities(subj, COMPANY)]
        bare = not rounds and not self.prep_objects([v], frozenset({"in", "into"}))
        if not raisers and (bare or any(c.lower_ in ("the", "this", "that")
                                        for r in rounds for c in r.children
                                        if c.dep_ == "det")):
            raisers = self.registry.last_raisers()  # "the round", or "X also took part"
        # "led a round in Unitree", "took part in its Series C": the round names who raises it
        named = [e for r in rounds for e in self.prep_entities(  # "an equity raise by X"
            [r], frozenset({"in", "for", "of", *({"by"} if r.lemma_.lower() in lex.raiser_nouns
                                                  else ())}), COMPANY)] or \
            self.child_entities(rounds, frozenset({"poss"}), COMPANY)
        # "subscribed to new shares of Moore Threads": whose shares they are
        # (or "for an aggregate of 45,000,000 H Shares")
        shares = [s for p in self.prep_objects([v], frozenset({"to", "for"})) for o in p.children
                  if o.dep_ == "pobj" for s in (o, *self.of_objects([o]))
                  if s.lower_ in lex.equity_nouns]
        named = named or self.prep_heads(shares, frozenset({"of", "in"}), COMPANY)
        # "subscribed 500 million yuan of Moore Threads' convertible bonds": the issuer's
        securities = [o for o in self.of_objects([v, *a.objs])
                      if o.lemma_.lower() in lex.issued_nouns or o.lower_ in lex.equity_nouns]
        named = named or self.child_entities(securities, MODIFIERS, COMPANY)
        if not named and not raisers and rounds:  # "Mistral AI said that ASML would lead
            named = [e for e in self.reporter(v) if e not in investors]  # a new round": the
            # speaker's own
        owners = self.child_entities(rounds, frozenset({"poss"}), ANY)
        if owners and set(owners) <= set(investors) and any(
                c.dep_ == "poss" and c.lower_ == "its" for r in rounds for c in r.children):
            # "Moore Threads disclosed that the fund subscribed for shares in its IPO": no
            # investor joins its own offering; "its" is the reporting clause's subject's
            named = self.reporter(v)
        # an announcement's "the Company", else the issuer its headline names
        issuer = self.registry.defined.get("Company") or self.registry.headline_company
        if not named and not raisers and (shares or securities) and issuer is not None:
            named = [issuer]  # "X will subscribe for a further 60,000,000 shares": its own
        self.registry.note_raise(named)  # "SoftBank led OpenAI's round": OpenAI raises
        raisers = named or raisers
        # "$5bn and $10bn respectively"; "SoftBank will invest up to $30 billion of the
        # total": one investor's own amount; "SoftBank led OpenAI's $40 billion round": the
        # round's, as for every round its leaders are named with
        each = self.respective_amounts(v, investors)
        # "X and Y will each subscribe for US$30 million": every one pays the amount
        one = len(investors) == 1 or any(c.lower_ == "each" for c in v.children)
        own = a.amount if leading or (one and a.lemma in lex.verbs) else None
        if own is None and one and a.lemma in lex.participate_verbs:
            # "subscribe for new shares of the Target at a consideration of RMB 450
            # million", "subscribe for 1 billion yuan of the shares": what one subscriber pays
            own = self.consideration() or next(
                (f for p in self.prep_objects([v], frozenset({"for"})) for o in p.children
                 if o.dep_ == "pobj" and (f := self.amount_at(o)) is not None), None) or next(
                (f for p in self.prep_objects([v], frozenset({"for"})) for o in p.children
                 if o.dep_ == "pobj" for w in o.children if w.lower_ == "worth"  # "for shares
                 for t in w.subtree if (f := self.amount_at(t)) is not None),  # worth 500
                None) or next(  # million yuan
                (f for o in v.children if o.dep_ == "dobj"
                 and (f := self.amount_at(o)) is not None), None)  # "contributed €1.3bn"
        told = None
        if own is None and leading and len(raisers) == 1 and any(
                c.dep_ == "det" and c.lower_ in ("the", "this", "that")
                for r in rounds for c in r.children):  # "X closed a S$1.2 billion Series B.
            told = self.registry.raise_amounts.get(raisers[0])  # The round was led by GIC":
            # its leaders, not those joining them
        for investor in (s for s in investors if s not in raisers):
            lead = told if investor in (a.agents if a.passive else a.subjects) else None
            yield from self._pairs("INVESTS_IN", [investor], raisers, v, "invest.join_round",
                                   amount=each.get(investor, own or lead))
