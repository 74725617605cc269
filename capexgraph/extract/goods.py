"""What money and goods go to: the amount of a deal, the company or sector invested in, the
maker of goods bought, and the shares of a spend.

A layer over `DescribedArguments`; which relation a trigger means is the rules' business.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from capexgraph.extract.arguments import (
    ANY,
    COMPANY,
    MODIFIERS,
    RELATIVE,
    antecedent,
    clause_tokens,
    conjuncts,
    possessive,
)
from capexgraph.extract.described import DescribedArguments
from capexgraph.extract.mentions import descriptor_types
from capexgraph.extract.money import FoundAmount
from capexgraph.extract.registry import Mention

_SPENT_ON = frozenset({"on", "to", "for", "into"})  # "half going to GPUs", "earmarked for"
_DEAL_PREPS = frozenset({"in", "under", "through", "via"})
_SPEND_LEVELS = frozenset({"to", "at", "by"})  # "rose to $35 billion", "stood at ..."
_SPACED_HYPHEN = re.compile(r" - ")
_SHARES = frozenset({"much", "most", "half", "part", "some", "all"})  # "much of it on X"
_MAINLY = frozenset({"mainly", "mostly", "largely", "primarily", "chiefly", "principally"})


class GoodsArguments(DescribedArguments):
    """Amounts, investees, sectors, products and their makers in one sentence."""

    def amount_in(self, head: Token) -> FoundAmount | None:
        """The amount closest to `head` inside its own clause."""
        if not self.tells_amounts:
            return None
        inside = clause_tokens(head)
        hits = [(abs(s - head.i), a) for s, e, a in self.amounts if s in inside or e in inside]
        return min(hits, key=lambda h: h[0])[1] if hits else None

    def deal_amount(self, verb: Token) -> FoundAmount | None:
        """The amount of the deal a verb is done under: "provide X with compute in a deal
        valued at $10 billion" (the deal's own clause included)."""
        if not self.tells_amounts:
            return None
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
        hyphened = noun.doc[noun.i - 2].lower_ + "-" + noun.lemma_.lower() if noun.i >= 2 \
            and noun.doc[noun.i - 1].text == "-" else ""  # "build-out": three tokens
        if hyphened not in self.lex.invests.activity_nouns and (
                noun.lemma_.lower() not in self.lex.invests.activity_nouns or any(
                c.dep_ == "compound" for c in noun.children)):  # "capacity expansion of
            return [noun]  # its wafer fab" names its own sector
        heads = [noun, *([noun.head] if noun.dep_ == "conj" else [])]
        built = [c for p in self.prep_objects(heads, frozenset({"of"})) for o in p.children
                 if o.dep_ == "pobj" for c in conjuncts(o)]  # ("the expansion of X and the
        # construction of Y": the second is a conjunct of X)
        return [t for c in built for t in self.activity_objects(c)] or [noun]

    def built_sectors(self, heads: list[Token]) -> list[str]:
        """Sectors that a purpose clause on one of `heads` builds or pays for: "(committed
        $16bn) to expand its plants", "(a placement) to build computing centres", "(spend 2
        billion yuan) building a computing platform", "(lifted its capex range) to pay for
        new AI campuses", "(a placement) to buy GPU servers"."""
        purposes = self.lex.invests.purpose_verbs | self.lex.supplies.payment_verbs
        return [sector for h in heads for c in h.children
                if c.dep_ in ("xcomp", "advcl", "acl", "relcl")
                and (c.lemma_.lower() in purposes or self._bought_unsourced(c))
                and (any(t.tag_ == "TO" for t in c.children) or c.tag_ == "VBG")
                for o in (*(o for o in c.children if o.dep_ == "dobj"),
                          *self._paid_for(c)) for s in conjuncts(o)
                if not self._built_for_another(s) and (sector := self.sector(s))]

    def _bought_unsourced(self, verb: Token) -> bool:
        """"(a placement) to buy GPU servers": goods bought from no one named are a spend on
        a sector ("to buy compute from Oracle", "to buy Nvidia chips" are purchases, read
        as the seller's or maker's supply)."""
        objects = self.objects(verb)
        return verb.lemma_.lower() in self.lex.invests.acquire_verbs \
            and not self.purchase_sources(verb) and not self.makers_of(objects)

    def purchase_sources(self, verb: Token) -> list[str]:
        """Whom a verb's goods are bought from: "to buy GPUs from Nvidia", and those a list
        names ("to purchase AI servers and GPUs, including from Lenovo Group and Inspur")."""
        heads = [verb, *self.objects(verb)]
        sources = self.lex.supplies.source_preps
        return self.prep_heads(heads, sources, COMPANY) + [
            e for p in self.prep_objects(heads, frozenset({"including"})) for q in p.children
            if q.dep_ == "prep" and q.lower_ in sources for e in self.phrase_entities(q, COMPANY)]

    def _paid_for(self, verb: Token) -> list[Token]:
        """What "to pay for" names: "(lifted its capex range to $66bn) to pay for new AI
        campuses"."""
        return [o for p in self.prep_objects([verb], frozenset({"for"})) for o in p.children
                if o.dep_ == "pobj"] if verb.lemma_.lower() in self.lex.supplies.payment_verbs \
            else []

    def included_sectors(self, heads: list[Token]) -> list[str]:
        """Sectors a spend is said to include: "$500 billion of US investment, including a
        server factory in Houston", "spend $600 billion, including on its campuses"."""
        including = self.prep_objects(heads, frozenset({"including"}))
        objects = [o for p in including for o in p.children if o.dep_ == "pobj"] + [
            o for p in including for q in p.children if q.dep_ == "prep"
            and q.lower_ in _SPENT_ON | {"in"} for o in q.children if o.dep_ == "pobj"]
        return [s for o in objects for c in conjuncts(o) if (s := self.sector(c))]

    def _built_for_another(self, noun: Token) -> bool:
        """"data centres it is building for OpenAI": work for a customer, not a spend."""
        clauses = [c for c in noun.children if c.dep_ in ("relcl", "acl")]
        return bool(self.prep_heads([noun, *clauses], frozenset({"for"}), COMPANY))

    def _named_sector(self, words: list[Token]) -> str | None:
        """The Sector entity of these words, spaced as written ("2-nanometre capacity",
        "28nm capacity"), unless they name something else."""
        whole = list(words[0].doc[words[0].i:words[-1].i + 1])  # with a hyphen the parse
        if all(t in words or t.text == "-" for t in whole):  # left out ("build-out")
            words = whole
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
        return [t for m in mods for t in m.subtree if t.dep_ != "det" and t.i not in priced
                ] + [noun]

    def is_asset(self, noun: Token) -> bool:
        """A site or infrastructure a company names as its own ("AWS infrastructure", "its
        Abilene campus"): spent on, it is a sector, neither goods nor a stake."""
        return self.mention_at(noun) is None and noun.lemma_.lower() in (
            self.lex.supplies.site_nouns | {"infrastructure"})

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
            # "spend $125 billion on AWS infrastructure": what is spent on is the company's
            # own assets, no stake in the company that names them
            # ... and so is a new one an investment goes in ("invest 1.8 billion yuan in a
            # CMP slurry plant": the name in front says what it makes)
            spending = heads[0].lemma_.lower() in self.lex.invests.spend_verbs
            companies = [e for o in objects if not (self.is_asset(o) and (spending or any(
                c.dep_ == "det" and c.lower_ in ("a", "an") for c in o.children)))
                         for e in self.head_entities(o, COMPANY)]
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

    def _venture(self, noun: Token) -> bool:
        """A company's project, venture or unit, whose money goes to the company: "Bloom
        fuel-cell projects", "its cloud unit" (not "Google's tensor processing units")."""
        lemma = noun.lemma_.lower()
        return lemma in self.lex.invests.venture_nouns and (
            self.business_part(noun) or lemma not in self.lex.invests.business_nouns)

    def spent_on(self, heads: list[Token], preps: frozenset[str]) -> list[str]:
        return [e for p in self.prep_objects(heads, preps) for e in self._makers(p)]

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
        "Compute"), of each coordinated product ("Google's TPUs and Meta's MTIA
        accelerators"), and each coordinated possessor ("Microsoft's and Google's
        campuses")."""
        found = [m for p in (c for prod in products for c in conjuncts(prod))
                 for left in p.lefts for t in left.subtree if possessive(t)
                 and (m := self.mention_at(antecedent(t))) is not None]
        return self._typed(found, COMPANY)

    @property
    def _not_goods(self) -> frozenset[str]:
        """Nouns of money, orders and sales, which come "from" a buyer or a backer."""
        inv, sup = self.lex.invests, self.lex.supplies
        return inv.nouns | inv.money_nouns | sup.order_nouns | sup.demand_nouns \
            | sup.revenue_nouns | sup.earning_nouns | sup.contract_nouns

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
                           if possessive(t) and (m := self.mention_at(antecedent(t)))
                           is not None]
            # "The chips, made by TSMC, ...": a participle's agent (not "a cluster used by
            # X": who uses is no maker)
            agents = [m for a in p.children if a.dep_ == "acl" and a.tag_ == "VBN"
                      and a.lemma_.lower() not in self.lex.supplies.reverse_verbs
                      | self.lex.constituents.follow_verbs  # ("..., followed by AMD")
                      for g in a.children if g.dep_ == "agent" for t in g.subtree
                      if (m := self.mention_at(t)) is not None]
            # ... and so is a name joined to a making participle: "Sugon-designed racks built
            # by Foxconn" are both makers'
            agents += [m for left in p.lefts for t in left.subtree
                       if (m := self.mention_at(t)) is not None and t.i + 2 < len(t.doc)
                       and t.doc[t.i + 1].text == "-" and t.doc[t.i + 2].lemma_.lower()
                       in self.lex.supplies.making_verbs and m not in agents]
            # "servers from Inspur and Lenovo": where the goods come from (not "funding
            # from Aker" or "orders from Microsoft")
            sourced = [m for r in p.children if r.dep_ == "prep" and r.lower_ == "from"
                       and p.lemma_.lower() not in self._not_goods
                       for o in r.children if o.dep_ == "pobj" for c in conjuncts(o)
                       if (m := self.mention_at(c)) is not None]
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
                     for group in (owners, agents, sourced, known, makers_subject, found))
            makers += [e for e in next((t for t in tiers if t), []) if e not in makers]
        return makers

    def driving_sectors(self, spend: Token) -> list[str]:
        """Sectors said to drive a spend: "capital expenditures of $70 billion, driven by AI
        infrastructure", "its capex rose to $35 billion, driven by data centres" (the
        participle hangs on the spend, its verb or its amount)."""
        heads = [spend, *self.of_objects([spend])]
        if spend.dep_ in ("nsubj", "nsubjpass"):  # ("spending would reach $91bn, driven")
            heads += [spend.head, *(o for p in self.prep_objects([spend.head], _SPEND_LEVELS)
                                    for o in p.children if o.dep_ == "pobj"),
                      *(o for o in spend.head.children if o.dep_ == "dobj" and o.tag_ == "CD")]
        drivers = [o for h in heads for c in h.children if c.dep_ == "acl"
                   and c.tag_ == "VBN" and c.lemma_.lower() in self.lex.invests.driving_verbs
                   for g in c.children if g.dep_ == "agent" for o in g.children
                   if o.dep_ == "pobj"]
        # "driven by investment in servers and data centres": what the spending is on
        spent_on = [o for p in self.prep_objects(
            [d for d in drivers if d.lemma_.lower() in self.lex.invests.nouns],
            frozenset({"in", "on"})) for o in p.children if o.dep_ == "pobj"]
        return [sector for o in (*drivers, *spent_on) for t in conjuncts(o)
                if (sector := self.sector(t))]

    def spending_shares(self, verb: Token) -> dict[str, FoundAmount | None]:
        """Sectors the shares of a spend go to, told after its verb, each with the share's
        own amount when it has one: "much of it on 2-nanometre capacity", "with roughly half
        going to GPUs and CPUs", "with 85 billion yuan earmarked for AI processors", "capital
        expenditure of 160 billion yuan, of which 85 billion yuan will go to AI processors",
        "..., of which 85 billion yuan will be used to purchase AI processors", "...,
        focused on GPUs and data centres", "..., mainly for 28-nanometre lines"."""
        out: dict[str, FoundAmount | None] = {}
        amounts = {s: a for s, _, a in self.amounts}
        for with_ in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "with"):
            for t in with_.children:  # ("with most of the spending going to GPUs": the
                # participle hung on what the share is of)
                going = [t] if t.dep_ == "pcomp" and t.tag_ == "VBG" else [
                    a for h in (t, *self.of_objects([t])) for a in h.children
                    if t.dep_ == "pobj" and a.dep_ == "acl" and a.tag_ in ("VBN", "VBG")]
                amount = next((amounts[x.i] for g in going for x in g.children
                               if x.dep_ in ("nsubj", "nsubjpass") and x.i in amounts),
                              amounts.get(t.i))
                out.update((s, amount) for p in self.prep_objects(going, _SPENT_ON)
                           for o in p.children if o.dep_ == "pobj" for c in conjuncts(o)
                           if (s := self.sector(c)))
                # "..., with about 70% for advanced process technologies": a share and
                # where it goes, no verb between
                share = t.dep_ == "pobj" and (t.text == "%" or t.lower_ in _SHARES)
                out.update((s, None) for p in (self.prep_objects([t], _SPENT_ON) if share
                                               else []) for o in p.children
                           if o.dep_ == "pobj" for c in conjuncts(o) if (s := self.sector(c)))
        # the "of which" clause hangs on the verb, or on a phrase after it ("... in 2027, of
        # which ...", parsed as the date's)
        after = [o for p in verb.children if p.dep_ == "prep" and p.i > verb.i
                 for o in p.children if o.dep_ == "pobj"]
        for c in (*verb.children, *(c for o in after for c in o.children)):
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
        directed = [c for c in verb.children if c.dep_ in ("advcl", "acl")
                    and c.tag_ in ("VBN", "VBD")
                    and c.lemma_.lower() in self.lex.invests.directing_verbs]
        out.update((s, None) for p in self.prep_objects(directed, frozenset({"on", "at"}))
                   for o in p.children if o.dep_ == "pobj" for c in conjuncts(o)
                   if (s := self.sector(c)))  # "..., focused on GPUs and data centres"
        shares = _SHARES | self.lex.supplies.share_words
        phrases = [c for c in verb.children  # "much of it on", "half for"
                   if c.dep_ in ("npadvmod", "advmod", "dobj", "appos", "ccomp", "dep")
                   and c.lower_ in shares]
        # "..., the bulk of it on AWS infrastructure" hung elsewhere: "of it" says the
        # share is of the spend told before
        phrases += [t for t in self.sent if t.i > verb.i and t.lower_ in shares
                    and t not in phrases and any(
                        p.dep_ == "prep" and p.lower_ == "of" and any(
                            o.dep_ == "pobj" and o.lower_ in ("it", "them") for o in p.children)
                        for p in t.children)]
        # "..., mainly for 28-nanometre lines": a preposition an adverb of share marks
        # (or on the amount a copula gives: "capital expenditures were $210 million, mostly
        # on new capacity")
        told = [verb, *(c for c in verb.children if c.dep_ in ("acomp", "attr")
                        and c.i in amounts)]
        marked = [c for t in told for c in t.children if c.dep_ == "prep"
                  and c.lower_ in _SPENT_ON
                  and any(a.dep_ == "advmod" and a.lower_ in _MAINLY for a in c.children)]
        # "..., most of it going to data centres": the participle whose subject the share is
        phrases += [t.head for t in phrases if t.dep_ in ("nsubj", "nsubjpass")
                    and t.head.tag_ in ("VBG", "VBN") and t.head.i > verb.i]
        for sector in (sector for p in (*self.prep_objects(phrases, _SPENT_ON), *marked)
                       for o in p.children if o.dep_ == "pobj" for c in conjuncts(o)
                       # ("Nvidia's GB300 systems" are goods, "AWS infrastructure" not)
                       if (self.is_asset(c) or not self.makers_of([c]))
                       and (sector := self.sector(c))):
            out.setdefault(sector, None)
        return out

    def sector_modifying(self, noun: Token) -> list[str]:
        """The sector named in front of a spending noun: "its three-year AI infrastructure
        budget", "its data-centre spending" (not "its 2025 capex guidance" nor "capital
        spending")."""
        words = [c for c in noun.lefts if c.dep_ in ("compound", "amod") and not c.like_num
                 and c.lemma_.lower() not in self.lex.invests.spending_nouns
                 and c.lemma_.lower() not in self.lex.sector_stop]
        words = [w for w in words if all(t.dep_ in ("compound", "amod") and not t.like_num
                                         and t.text != "-" for t in noun.doc[w.i:noun.i])]
        if not words or words[-1].pos_ != "NOUN":
            return []
        # with each word's own modifiers: "its data-centre spending" is on data centres
        sector = self._named_sector(sorted({t for w in words for t in w.subtree},
                                           key=lambda t: t.i))
        return [sector] if sector is not None else []

    def product_owners(self, preps: list[Token]) -> list[str]:
        """Who owns the products a preposition names: "for Apple's M-series processors", and
        each coordinated product ("for Apple's M5 chips and Nvidia's Rubin GPUs"); but who
        a clause says makes them, when it does: their parts are bought by the maker ("for
        the racks Wiwynn builds for Meta", "for Amazon's boards made by Gold Circuit")."""
        products = [c for p in preps for o in p.children if o.dep_ == "pobj"
                    and self.is_product(o) for c in conjuncts(o) if self.is_product(c)]
        making = self.lex.supplies.verbs | self.lex.supplies.making_verbs
        clauses = [r for o in products for r in o.children if r.lemma_.lower() in making
                   and (r.dep_ == "relcl" or (r.dep_ == "acl" and r.tag_ == "VBN"))]
        makers = [s for r in clauses for s in r.children if (
            s.dep_ == "nsubj" and r.dep_ == "relcl" and s.tag_ not in ("WDT", "WP"))] + [
            o for r in clauses for g in r.children if g.dep_ == "agent"
            for o in g.children if o.dep_ == "pobj"]
        return [e for m in makers for e in self.head_entities(m, COMPANY)] or \
            self.child_entities(products, frozenset({"poss"}), COMPANY)

    def respective_amounts(self, verb: Token, investors: list[str]) -> dict[str, FoundAmount]:
        """Amounts that go with investors in order, "respectively" (wherever the parser hung
        it in the verb's clause: "allotted shares worth X and Y respectively")."""
        inside = clause_tokens(verb)
        if len(investors) < 2 or not any(verb.doc[i].lower_ == "respectively" for i in inside):
            return {}
        amounts = [a for s, _, a in sorted(self.amounts, key=lambda x: x[0]) if s in inside]
        return dict(zip(investors, amounts, strict=True)) if len(amounts) == len(
            investors) else {}

    def amount_at(self, tok: Token) -> FoundAmount | None:
        """The amount that token `tok` is (amounts are merged into one token)."""
        return next((a for s, _, a in self.amounts if s == tok.i), None)

    def each_amount(self, verb: Token) -> FoundAmount | None:
        """What each party gives, told in an absolute phrase on the verb: "received 1.5
        billion yuan from X and Y, with each contributing 750 million yuan"."""
        giving = [g for p in self.prep_objects([verb], frozenset({"with"}))
                  for g in p.children if g.dep_ == "pcomp" and any(
                      s.dep_ == "nsubj" and s.lower_ == "each" for s in g.children)]
        return next((a for g in giving for o in g.children
                     if o.dep_ == "dobj" and (a := self.amount_at(o)) is not None), None)

    def built_objects(self, builder: Token) -> list[str]:
        """The sectors a building verb's objects name ("build a campus and two plants")."""
        return [sector for o in builder.children if o.dep_ == "dobj" for c in conjuncts(o)
                if (sector := self.sector(c))]

    def quantified(self, verb: Token) -> list[Token]:
        """What a verb's quantity phrase is of: "bought over half of its AI servers"."""
        return [o for p in self.prep_objects([verb], frozenset({"over", "about", "nearly",
                                                                "almost", "around"}))
                for q in p.children if q.dep_ == "pobj"
                for of in self.prep_objects([q], frozenset({"of"}))
                for o in of.children if o.dep_ == "pobj" and self.is_product(o)]

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
        # "... in the lab, Nvidia up to $10bn": with no "and", the parser hangs the gapped
        # clause on the verb as a modifier; its subject is the amount's compound
        gaps += [c for c in verb.children if c.dep_ == "npadvmod" and c.i > verb.i
                 and any(m.dep_ == "compound" and self.mention_at(m) is not None
                         for m in c.children)]
        return [g for g in gaps if g.i in starts and g.i != verb.i]

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
