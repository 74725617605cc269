"""Supply rules: who sells, makes, rents or hosts for whom.

Verbs in both directions ("TSMC supplies Nvidia", "OpenAI buys chips from AMD"), customers
chosen or paying, deals named for what they trade, customer nouns and shares of revenue.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from spacy.tokens import Token

from capexgraph.extract.arguments import (
    ANY,
    COMPANY,
    COPULAS,
    FLOATING,
    RELATIVE,
    antecedent,
    conjuncts,
)
from capexgraph.extract.rule_base import Candidate, RuleBase, VerbArgs


class SupplyRules(RuleBase):
    """The verb and noun rules that find SUPPLIES."""

    def _deal_partners(self, verb: Token) -> list[str]:
        """Who a deal is "with" when a verb says what the deal is for: "signed a contract with
        OpenAI to provide ...", "an agreement with Microsoft to supply ..."."""
        contracts = self.lex.supplies.contract_nouns
        if (deal := self.relative_deal(verb)) is not None:  # "signed a service agreement
            # with Zhipu, under which Hongbo will provide GPU clusters": a partner that
            # provides serves the signer
            subj, _ = self.subject_of(verb)
            providers = self.head_entities(subj, COMPANY) if subj is not None else []
            signer = self.governing_subject(deal)
            worth = [c for c in deal.children if c.dep_ == "amod"]  # "an agreement worth
            parties = self.prep_heads([deal, deal.head, *worth], frozenset({"with"}),  # $1bn
                                      COMPANY) + (  # with X"
                self.head_entities(signer, COMPANY) if signer is not None else [])
            return [e for e in parties if e not in providers]
        head = verb.head if verb.dep_ in ("advcl", "acl", "xcomp", "relcl") else None
        if head is None:
            return []
        deals = [t for t in (head, *self.objects(head)) if t.lemma_.lower() in contracts]
        partners = self.prep_heads(deals, frozenset({"with"}), COMPANY)
        subj, _ = self.subject_of(verb)
        if verb.dep_ == "relcl" and subj is not None and subj.tag_ in RELATIVE \
                and set(self.head_entities(subj, COMPANY)) & set(partners):
            # "signed an agreement with Zhipu AI, which will supply model services": the
            # partner who supplies serves the signer
            signer = self.governing_subject(head)
            return self.head_entities(signer, COMPANY) if signer is not None else []
        return partners

    def _builders(self, verb: Token) -> list[str]:
        """Whose project an absolute "with X supplying the GPUs" serves: the customer of the
        clause it hangs on (the one it is made for, or given to when the clause is no sale),
        else its subject ("Meta will build the Hyperion campus, with Nvidia supplying the
        GPUs"; "OpenAI and Broadcom said they would jointly develop ..., with Broadcom
        supplying the chips")."""
        while verb.pos_ not in ("VERB", "AUX") and verb.dep_ in ("pobj", "prep", "dobj"):
            verb = verb.head  # "... under a five-year contract, with Dell providing ..."
        subj, _ = self.subject_of(verb)
        if subj is None or verb.pos_ not in ("VERB", "AUX"):
            return []
        # (but "IREN leases its cluster to Microsoft, with Dell providing the systems": a
        # supplier's own goods, sold on, come from the one providing them to it)
        onward = verb.lemma_.lower() in self.lex.supplies.verbs
        served = self.prep_heads(self.clause(verb), frozenset({"for"} if onward
                                                              else {"for", "to"}), COMPANY)
        if served:  # "Alchip designs the chip for Amazon, with TSMC fabricating it": for
            return served  # whom the project is
        if subj.lower_ == "they":
            return self.they(verb)
        return self.head_entities(subj, COMPANY)

    def _relative_owners(self, relatives: list[Token]) -> list[str]:
        """Who has the product a relative pronoun stands for: the subject of the verb whose
        object it is ("Moore Threads designs GPUs that are fabricated by SMIC", "OpenAI is
        co-developing a chip that TSMC will manufacture"), or the product's possessor
        ("Proceeds will go to development of its chips, which are made by SMIC")."""
        owners: list[str] = []
        for r in relatives:
            product = antecedent(r)
            if product is r or product.dep_ not in ("dobj", "pobj") or not self.is_product(
                    product):
                continue
            subj = self.governing_subject(product)
            owners += self.child_entities([product], frozenset({"poss"}), COMPANY) or (
                self.head_entities(subj, COMPANY) if subj is not None else [])
        return owners

    def _supply_verbs(self, a: VerbArgs) -> Iterator[Candidate]:
        lex, v = self.lex.supplies, a.verb
        if any(c.dep_ == "advmod" and c.lower_ in lex.joint_adverbs for c in v.children):
            return  # "signed an agreement with Huawei to jointly develop servers": partners
        if any(c.dep_ == "oprd" and c.pos_ in ("NOUN", "PROPN") for c in v.children):
            return  # "making Sugon a subsidiary of Hygon": what it makes X is no goods
        if a.passive and (loan := self.subject_of(v)[0]) is not None and self.is_loan(loan):
            return  # "Our credit facility is provided by ...": money lent, no goods
        if a.lemma in lex.share_verbs and not a.passive and any(
                o.lemma_.lower() == "share" for o in a.objs):
            # "CoolIT is gaining share at Dell": a vendor's share of a customer's buying
            yield from self._pairs("SUPPLIES", a.subjects, self.prep_heads(
                [v, *a.objs], frozenset({"at", "with"}), COMPANY), v, "supply.share_at")
            # "Inventec handles a smaller share of Google's TPU boards": of its goods (not
            # "a share of Google's revenue" or "of its capex": money, no goods)
            money = lex.revenue_nouns | self.lex.invests.nouns
            goods = [p for p in self.prep_objects([o for o in a.objs if o.lemma_.lower()
                                                   == "share"], frozenset({"of"}))
                     if not any(o.dep_ == "pobj" and o.lemma_.lower() in money
                                for o in p.children)]
            yield from self._pairs("SUPPLIES", a.subjects, [
                e for e in self.product_owners(goods) if e not in a.subjects], v,
                "supply.share_of")
            # "Wistron has taken share from Accton in AWS server motherboards": the goods
            # name their buyer, whom the one the share is taken "from" supplies too
            bought = [o for p in self.prep_objects([v, *a.objs], frozenset({"in"}))
                      for o in p.children if o.dep_ == "pobj" and self.mention_at(o) is None]
            buyers = [e for o in bought for c in o.lefts for t in c.subtree
                      if (m := self.mention_at(t)) is not None
                      for e in self._typed([m], COMPANY) if e not in a.subjects]
            rivals = self.prep_heads([v, *a.objs], frozenset({"from"}), COMPANY)
            yield from self._pairs("SUPPLIES", [*a.subjects, *rivals], list(dict.fromkeys(buyers)),
                                   v, "supply.share_in")
        if a.lemma in lex.taking_verbs and not a.passive:
            yield from self._output_taken(a)
        if a.passive and (output := self.subject_of(v)[0]) is not None \
                and output.lemma_.lower() in lex.output_nouns:
            # "TSMC's capacity is fully booked, with Apple and Nvidia taking most of it"
            yield from self._pairs("SUPPLIES", self.child_entities(
                [output], frozenset({"poss"}), COMPANY), self._rest_takers(v), v, "supply.rest")
        if a.lemma in lex.capacity_verbs and not a.passive:
            # "its Thailand plant will add 1.6T capacity, mainly for Nvidia and Google"
            goods = [o for o in a.objs if o.lemma_.lower() in lex.goods_nouns]
            yield from self._pairs("SUPPLIES", a.subjects, self.prep_heads(
                [v, *goods], frozenset({"for"}), COMPANY) if goods else [], v,
                "supply.capacity_for")
        if a.lemma in lex.verbs and v.dep_ in ("advcl", "xcomp") \
                and v.head.lemma_.lower() in lex.partnering_verbs:
            # "OpenAI has partnered with Broadcom to produce its first in-house processor":
            # the partner makes it for the one who partnered
            subj, _ = self.subject_of(v.head)
            partners = self.prep_heads([v.head], frozenset({"with"}), COMPANY)
            if partners and subj is not None:
                yield from self._pairs("SUPPLIES", partners, self.head_entities(subj, COMPANY),
                                       v, "supply.partnered")
                return
        products = [o for o in a.objs if self.is_product(o)]
        products += [o for p in self.prep_objects(products, frozenset({"of"}))  # "most of its
                     for o in p.children if o.dep_ == "pobj"]  # wafers"
        invests = self.lex.invests
        disposed = a.lemma in invests.disposal_verbs and any(  # (the verb first: this runs
            o.lemma_.lower() in invests.nouns or o.lower_ in invests.equity_nouns  # on every
            or self.business_part(o)  # verb) ("part of its holding in T-Mobile", "all of
            for o in (*a.objs, *self.of_objects(a.objs)))  # its Nvidia shares")
        # ... and its own site: "would sell its Sakai LCD plant to SoftBank Corp"
        disposed = disposed or (a.lemma in invests.disposal_verbs and any(
            o.lemma_.lower() in lex.site_nouns and any(c.dep_ == "poss" for c in o.children)
            for o in a.objs))
        # ... and a part of a company: "sold 51% of Altera to Silver Lake"
        disposed = disposed or (a.lemma in invests.disposal_verbs and any(
            not self.is_product(o) for o in self.of_objects(
                [o for o in a.objs if o.text == "%" or o.lower_ in invests.portion_nouns])))
        # "sold $1 billion of convertible notes to investors including X": its own
        # securities, so the buyers invest in the seller
        # "AMD issued OpenAI a warrant for up to 160 million AMD shares": its own
        securities = [o for o in (*a.objs, *self.of_objects([v, *a.objs]))
                      if o.lemma_.lower() in invests.issued_nouns and not any(
                          (m := self.mention_at(t)) is not None and m.named  # (not "10% of
                          and m.entity_id not in a.subjects for t in o.subtree)  # the company")
                      ] if a.lemma in invests.disposal_verbs | invests.issuing_verbs \
            and not a.passive else []
        if securities:
            disposed = True
            holders = self.prep_heads([v, *a.objs, *securities], frozenset({"to"}), ANY) + [
                e for c in v.children if c.dep_ == "dative" for e in self.head_entities(c, ANY)]
            # ... unless a shareholder sells: "Sugon's shareholder X transferred all of its
            # shares to Y" are Sugon's
            seller, _ = self.subject_of(v)
            issuers = self.child_entities([seller], frozenset({"poss"}), COMPANY) if (
                seller is not None and seller.lemma_.lower() in invests.investor_nouns) else []
            yield from self._pairs("INVESTS_IN", holders, issuers or a.subjects, v,
                                   "invest.securities_sold", amount=a.amount)
        subj, _ = self.subject_of(v)
        if a.passive and a.lemma.startswith("co-") and subj is not None \
                and self.is_product(subj):  # "OpenAI's first chip is being co-designed with
            yield from self._pairs(  # Broadcom": the partner works for the product's owner
                "SUPPLIES", self.prep_heads([v], frozenset({"with"}), COMPANY),
                self.child_entities([subj], frozenset({"poss"}), COMPANY), v,
                "supply.co_made")
        # "make up over half of the fund": a particle makes another verb
        phrasal = any(c.dep_ == "prt" and c.lower_ in ("up", "off") for c in v.children)
        # "Groq runs an inference cluster for Humain": running goods for a customer
        # (or "of" its goods: "is handling the back-end design of Amazon's Trainium 3")
        serviced = a.lemma in lex.service_verbs and not a.passive and any(
            o.lemma_.lower() in lex.goods_nouns | lex.service_nouns for o in a.objs) and bool(
            self.prep_heads([v, *a.objs], frozenset({"for"}), COMPANY)
            or self.possessors_of(self.of_objects(a.objs)))
        # "provide $22.5 billion to the developer": money given is invested, not supplied
        if (a.lemma in lex.verbs or serviced) and not disposed and not phrasal \
                and not self.gives_money(a):
            suppliers = a.agents if a.passive else a.subjects
            if a.passive and not a.agents and subj is not None and self.is_product(subj):
                # ("All of Nebius's clusters are built on ...": what the portion is of)
                made = self.of_objects([subj]) if subj.tag_ in ("DT", "CD") else [subj]
                suppliers = self.makers_of(made)  # "Eoptolink's modules are sold to Amazon"
                if a.lemma in lex.making_verbs:  # "Nvidia's GPUs are packaged on TSMC's
                    # CoWoS lines": whose lines make them makes them for the goods' owner;
                    # so does the maker of goods they are built on ("Nebius's clusters are
                    # built on Nvidia systems")
                    lines = [o for p in self.prep_objects([v], frozenset({"on", "at", "in"}))
                             for o in p.children if o.dep_ == "pobj"]
                    bases = self.makers_of([o for p in self.prep_objects(
                        [v], frozenset({"on"})) for o in p.children if o.dep_ == "pobj"
                        and o.lemma_.lower() in lex.goods_nouns])
                    yield from self._pairs("SUPPLIES", [
                        e for e in self.possessors_of(lines) + bases if e not in suppliers],
                        suppliers or self.possessors_of(made), v, "supply.made_on")
            # "supply 260,000 GPUs to Korea, including 50,000 each to Samsung and SK": the
            # shares of what is supplied name their own recipients
            shares = [c for p in self.prep_objects([v], frozenset({"including"}))
                      for o in p.children if o.dep_ == "pobj" for c in conjuncts(o)]
            recipients = self.prep_heads([v, *a.objs, *shares], frozenset({"to"}), COMPANY)
            # "supplies displays to Apple's iPhones", "HBM to Nvidia's GPUs": goods told as
            # the recipient are their owner's (a name the gazetteer does not know there is
            # the goods' own)
            for o in (c for p in self.prep_objects([v, *a.objs], frozenset({"to"}))
                      for t in p.children if t.dep_ == "pobj" for c in conjuncts(t)):
                m = self.mention_at(o)
                owners = [e for e in self.child_entities([o], frozenset({"poss"}), COMPANY)
                          if m is None or self.registry.is_known(e)] if (
                    m is not None or o.lemma_.lower() in lex.goods_nouns) else []
                owners = owners or (self.makers_of([o]) if m is None and o.lemma_.lower()
                                    in lex.goods_nouns else [])  # (not "to Nvidia's rack
                # partners": a relation, no goods)
                if owners and (m is None or not self.registry.is_known(m.entity_id)):
                    recipients = [e for e in recipients if m is None or e != m.entity_id] + [
                        e for e in owners if e not in recipients]
            # "supply DRAM to Xiaomi": with a recipient written, the object is what is supplied
            # (or "serve customers including X", "supplies AI labs, Mistral among them": the
            # names a plural of customers or companies lists)
            customers = [] if recipients else [
                e for o in a.objs for e in self.head_entities(o, COMPANY)
                if self.mention_at(o) is not None or o.lemma_.lower() in lex.customer_nouns
                or (o.tag_ == "NNS" and o.lemma_.lower() in self.lex.descriptors.Company)]
            objects = [c for o in a.objs for c in conjuncts(o)]
            customers += recipients or self.prep_heads(
                [v, *objects], lex.customer_preps, COMPANY)
            # "designs the Trainium 2 chip for AWS and an Arm-based CPU for Microsoft",
            # "builds TPUs for Google and the MTIA accelerator for Meta" (the second object
            # read as the first customer's conjunct): each object's own customer
            customers += [e for p in self.prep_objects([v, *objects], lex.customer_preps)
                          for o in p.children if o.dep_ == "pobj"
                          for c in conjuncts(o)[1:] if self.mention_at(c) is None
                          for e in self.prep_heads([c], lex.customer_preps, COMPANY)
                          if e not in customers] if not recipients else []
            # ("provide access to its GPU infrastructure": its own goods are nobody's order)
            customers = [e for e in customers if e not in suppliers]
            # "sells Huawei's Kunpeng servers": the owner of what is resold supplies it; so
            # does the known maker of what is rented out ("rents Nvidia GPUs to developers";
            # but "sells Silicon One switches" names the goods), not of what is rented in
            # ("rents Nvidia GPUs from CoreWeave": CoreWeave's goods)
            rented_out = a.lemma in lex.resale_verbs & lex.reverse_verbs and bool(
                self.prep_objects([v, *a.objs], frozenset({"to"})))
            resold = [e for o in products for c in o.children if c.dep_ == "poss"  # (a name,
                      and c.tag_ != "PRP$" for e in self.head_entities(c, COMPANY)  # not "its")
                      ] if rented_out or a.lemma in lex.resale_verbs - lex.reverse_verbs else []
            resold += [e for e in self.makers_of(products) if self.registry.is_known(e)
                       and e not in suppliers + customers + resold] if rented_out else []
            yield from self._pairs("SUPPLIES", resold, suppliers, v, "supply.resold")
            # "produces Apple's processors": the product's owner is the customer, and so is
            # the owner of what it goes in ("the CPU designs in Nvidia's Grace chips"); but
            # what one licenses or leases that is another's is the other's to supply
            # ("license Groq's chip technology", read by the reverse rule)
            # ... and so does the owner of what the goods are used in ("the HBM4 used in
            # Nvidia's Rubin platform")
            used_in = [o for c in products for u in c.children if u.dep_ == "acl"
                       and u.tag_ == "VBN" for p in self.prep_objects([u], frozenset({"in"}))
                       for o in p.children if o.dep_ == "pobj"]
            customers += [] if a.lemma in lex.reverse_verbs else [
                e for e in self.possessors_of(products + [
                o for p in self.prep_objects(products, frozenset({"in", "inside"}))
                for o in p.children if o.dep_ == "pobj"
                and o.lemma_.lower() in lex.goods_nouns] + used_in) if e not in resold]
            # "supply 70% of the transceivers Nvidia buys": who buys them, in a relative
            # clause with no pronoun (a clause with "that" is read on its own verb, with its
            # own status)
            customers += [e for c in products for r in c.children if r.dep_ == "relcl"
                          and r.lemma_.lower() in lex.reverse_verbs
                          and not any(t.tag_ in RELATIVE for t in r.children)
                          for sb in r.children if sb.dep_ == "nsubj"
                          for e in self.head_entities(sb, COMPANY) if e not in customers]
            if not customers and a.lemma not in lex.reverse_verbs:  # "X is developing a chip
                # that TSMC will manufacture": who has the product (but "the campus Crusoe
                # built, which Oracle leases": who has what is leased lets it)
                customers = self._relative_owners(a.objs)
            if not customers:  # "assembling the racks bound for Microsoft and Meta"
                customers = self.prep_heads(
                    [c for p in products for c in p.children if c.dep_ == "acl"
                     and c.tag_ == "VBN"], lex.customer_preps, COMPANY)
            if not customers:  # "Oracle signed a contract with OpenAI to provide computing
                customers = self._deal_partners(v)  # power"
            if not customers:  # "sell 2.6 GW of power from three plants to Meta", "build a
                clause = self.clause(v)  # campus in Texas for Oracle"
                customers = self.prep_heads(clause, frozenset({"to"}), COMPANY) or \
                    self.prep_heads(clause, frozenset({"for"}), COMPANY)
            if not customers and not a.passive and subj is not None and a.objs:
                # "Nvidia, which agreed to invest up to $100 billion in OpenAI, will supply
                # the systems": with no recipient written, the company its subject's own
                # relative clause invests in
                investing = [w for r in subj.children if r.dep_ == "relcl"  # ("which agreed
                             for w in (r, *(x for x in r.children if x.dep_ == "xcomp"))  # to
                             if w.lemma_.lower() in self.lex.invests.verbs]  # invest")
                customers = [e for w in investing
                             for e in self.investees([w, *self.objects(w)],
                                                     self.lex.invests.target_preps)
                             if e not in suppliers and self.registry.type_of(e) in COMPANY]
            partner = v.head if v.dep_ == "relcl" else None
            if not customers and not a.passive and partner is not None \
                    and partner.dep_ == "pobj" and partner.head.lower_ == "with" \
                    and (builder := self.governing_subject(partner.head)) is not None:
                # "Deutsche Telekom is building an AI factory with Nvidia, which will supply
                # 10,000 GPUs": the partner the clause describes supplies whoever works with it
                customers = [e for e in self.head_entities(builder, COMPANY)
                             if e not in suppliers]
                if a.amount is None:  # "a contract worth more than $10 billion with Google,
                    # which will provide servers": the deal's amount
                    a = replace(a, amount=self.amount_in(partner.head.head))
            if not customers and not a.passive and v.dep_ == "pcomp" and v.head.lower_ == "with" \
                    and not any(o.lemma_.lower() in lex.remainder_nouns  # (the rest-takers'
                                for o in (*a.objs, *self.of_objects(a.objs))):  # rule's)
                customers = [e for e in self._builders(v.head.head) if e not in suppliers]
            if a.passive and a.agents and subj is not None and not customers:
                # "Xiaomi's chip is made by TSMC": a product's owner; "X designs GPUs that
                # are fabricated by SMIC": who has the product; "GB200 servers made by Dell"
                # name no customer
                customers = self.child_entities([subj], frozenset({"poss"}), COMPANY) \
                    if self.is_product(subj) else a.subjects
                customers = customers or self._relative_owners([subj])
            if v.dep_ == "acl" and v.tag_ == "VBN" and v.head.dep_ == "dobj":
                # "Broadcom will have the chips fabricated by TSMC", "Microsoft will have its
                # Maia chip made on Intel's 18A process", "ship servers built on AMD's
                # accelerators to Humain": the maker (or the maker of what it is made on)
                # supplies whoever has it, who supplies any recipient written
                holder, _ = self.subject_of(v.head.head)
                holders = self.head_entities(holder, COMPANY) if holder is not None else []
                base = self.makers_of([o for p in self.prep_objects([v], frozenset({"on"}))
                                       for o in p.children if o.dep_ == "pobj"])
                if base:
                    yield from self._pairs("SUPPLIES", holders, recipients, v, "supply.verb")
                    suppliers, customers = base, holders
                customers = customers or [e for e in holders if e not in suppliers]
            # "delivered to Meta through its partner Foxconn": the goods go by way of the
            # partner, who supplies the customer and is supplied
            # (not the supplier's own venture or unit: "through Stargate Norway, a venture
            # with Aker"; nor goods "delivered through Google Cloud", whose maker supplies)
            ventures = self.lex.invests.venture_nouns | self.lex.invests.business_nouns
            channels = [e for p in self.prep_objects([v], frozenset({"through", "via"}))
                        for o in p.children if o.dep_ == "pobj" and not any(
                            c.dep_ == "appos" and c.lemma_.lower() in ventures
                            for c in o.children)
                        for e in self.head_entities(o, COMPANY)
                        if e not in suppliers + customers and self.registry.is_known(e)] \
                if customers and v.dep_ != "acl" and all(  # (companies the gazetteer knows:
                    self.registry.is_known(e) for e in customers) else []  # no "Project X")
            # "will provide the chips through Google Cloud": its own unit (named after it)
            # supplies too, and is supplied by no one
            drafts = self.registry.drafts
            units = [c for c in channels if any(  # (not "China Telecom" for "China Mobile")
                drafts[c].name.startswith(f"{n} ")
                for e in suppliers for n in (drafts[e].name, *drafts[e].aliases))]
            if units:
                yield from self._pairs("SUPPLIES", units, customers, v, "supply.through")
            elif channels and set(suppliers) & set(customers):
                # "We manufacture our transceivers primarily through contract manufacturer
                # Fabrinet": its own goods made through another, who supplies it
                suppliers = channels
            elif channels:
                yield from self._pairs("SUPPLIES", suppliers, channels, v, "supply.through")
                suppliers = channels
            yield from self._pairs("SUPPLIES", suppliers, customers, v, "supply.verb",
                                   amount=a.amount)
            # "sold out its HBM capacity, mostly to Nvidia, with AMD taking the rest": the
            # rest of the seller's own goods goes to customers; the rest of a customer's
            # ("60% of Nvidia's HBM4, with Samsung splitting the rest") comes from suppliers
            own = any(c.dep_ == "poss" and c.lower_ == "its" for o in a.objs
                      for c in o.children) or bool(
                set(self.child_entities(a.objs, frozenset({"poss"}), COMPANY)) & set(suppliers))
            takers = self._rest_takers(v, a.objs)
            yield from self._pairs("SUPPLIES", suppliers if own else takers,
                                   takers if own else customers, v, "supply.rest")
        equity = a.lemma in lex.reverse_verbs and any(  # (read for buying verbs only)
            o.lower_ in invests.equity_nouns or self.business_part(o)  # "bought Boyd's
            for o in (*a.objs, *self.of_objects([v, *a.objs])))  # cooling business",
        # "to buy up to $2bn of Marvell shares" (the "of" hung on the verb too)
        # "agreed to buy Aligned Data Centers from Macquarie": a company bought is acquired
        equity = equity or (a.lemma in invests.acquire_verbs and not a.passive and any(
            self.mention_at(o) is not None and not self.is_product(o)
            and not self.coordinated_goods(o) for o in a.objs))  # (not "buys Nvidia and AMD
        # accelerators")
        if a.lemma in lex.outsource_verbs and not a.passive:  # "outsources assembly to Quanta"
            yield from self._pairs("SUPPLIES", self.prep_heads([v, *a.objs], frozenset({"to"}),
                                                               COMPANY),
                                   a.subjects, v, "supply.outsource", amount=a.amount)
        # "rents clusters from CoreWeave for its research": a verb of either direction is
        # the customer's when a source is written
        # (the clause's sources, read for buying verbs only: this runs on every verb)
        sources = self.prep_heads(self.clause(v), lex.source_preps, COMPANY, led_only=True) \
            if a.lemma in lex.reverse_verbs else []
        if not sources and v.dep_ == "relcl" and a.subjects and not a.passive \
                and a.lemma in lex.reverse_verbs:
            # "switches from Arista that Meta is deploying": where the goods the clause
            # describes come from (also where the parser hung the clause on the verb: the
            # "from" phrase that ends right before the clause)
            sources = self.prep_heads([v.head], lex.source_preps, COMPANY) or [
                e for p in self.sent if p.dep_ == "prep" and p.lower_ in lex.source_preps
                and p.right_edge.i + 1 == v.left_edge.i and p.head.pos_ == "NOUN"
                for e in self.phrase_entities(p, COMPANY)]
        # "booked turbine orders from Crusoe": an order received is a sale, when it is the
        # first object ("will deploy AMD accelerators ..., its first order from a supplier"
        # deploys the accelerators); "bought shares of Horizon Robotics" is an investment
        first = min(a.objs, key=lambda o: o.i) if a.objs else None
        ordered = first is not None and first.lemma_.lower() in lex.contract_nouns
        qualifying = a.lemma in lex.qualifying_verbs and v.tag_ == "VBG"
        if a.lemma in lex.reverse_verbs and not (a.lemma in lex.verbs and not sources
                                                 and self._to_customer(a)) \
                and not equity and not ordered and not qualifying:
            products = products or self.quantified(v)  # "bought over half of its servers"
            customers = a.subjects + (  # "..., with AMD and Qualcomm taking most of the rest"
                [] if a.passive else self._rest_takers(v, a.objs))
            if a.passive:  # "chips from T-Head are used by China Unicom"
                places = [o for p in self.prep_objects([v], frozenset({"in", "at", "on"}))
                          for o in p.children if o.dep_ == "pobj"]
                # (who installs them is a contractor, not the buyer: "Nvidia's systems are
                # being installed by Cisco and Dell")
                agents = [] if a.lemma in lex.site_verbs else a.agents
                customers = agents or self.makers_of(places) or [  # "used in Sugon
                    e for o in places if self.mention_at(o) is not None  # servers", "deployed
                    for e in self.head_entities(o, COMPANY)]  # at CoreWeave and Oracle sites",
                # "used in Oracle Cloud Infrastructure"
                if not customers and sources and subj is not None:  # "the company's GPUs
                    customers = self.child_entities([subj], frozenset({"poss"}),  # are bought
                                                    COMPANY)  # from Nvidia": their owner's
                if not customers and sources and subj is not None and any(
                        c.lower_ == "the" for c in subj.children) \
                        and subj.lemma_.lower() in lex.goods_nouns:  # "The GPUs used in the
                    salient = self.registry.salient(COMPANY)  # servers are procured from
                    customers = [salient] if salient and salient not in sources else []
                    # Nvidia": the goods of the company the article is about
                products = [subj] if subj is not None and self.mention_at(subj) is None else []
            if v.dep_ == "acl" and v.tag_ in ("VBN", "VBD") and sources:  # VBD: misread
                # "AI servers purchased from Inspur": bought by whom the sentence is about,
                # not by the maker that names the product ("Nvidia systems bought from Dell")
                goods_phrase = v.head
                while goods_phrase.dep_ == "conj":  # "Nvidia GB300 and Vera Rubin systems":
                    goods_phrase = goods_phrase.head  # every name in the goods is a maker's
                named = [m.entity_id for t in goods_phrase.subtree if t.i < v.i
                         and (m := self.mention_at(t)) is not None]
                customers = self.sentence_company(
                    v, exclude=sources + self.makers_of([v.head]) + named)
            # "uses Nscale capacity through its Stargate project": no source in itself
            sources = [e for e in sources if e not in customers]
            installed = self._sites_of_own_goods(v, a.objs, a.subjects) \
                if a.lemma in lex.site_verbs and not a.passive and not sources else []
            yield from self._pairs("SUPPLIES", a.subjects, installed, v, "supply.installed",
                                   amount=a.amount)
            goods = [c for o in a.objs for c in self.coordinated_goods(o)]
            if not sources and goods:  # "buys Nvidia and AMD accelerators": each name
                products += goods  # coordinated with goods makes them
                sources = [e for o in a.objs for c in conjuncts(o) if self.mention_at(c)
                           for e in self.head_entities(c, COMPANY)]
            if not sources:  # "deploy AMD chips", "Samsung-made chips": the maker modifies
                sources = self.makers_of(products)
            if not sources and not a.passive and a.lemma in lex.resale_verbs:
                # "Fluidstack would lease 168 megawatts at its Lake Mariner campus": whose
                # site the space is leased at lets it
                sources = [e for e in self.possessors_of(
                    [o for p in self.prep_objects([v, *a.objs], frozenset({"at", "in"}))
                     for o in p.children if o.dep_ == "pobj"
                     and o.lemma_.lower() in lex.site_nouns]) if e not in a.subjects]
            elif goods:
                sources += [e for e in self.makers_of(goods) if e not in sources]
            if not a.passive and not installed and (a.lemma not in lex.site_verbs or sources):
                # (installing one's own goods at a site sells them to its owner)
                yield from self._pairs("SUPPLIES", [
                    e for e in self._site_hosts(v, a.objs) if e not in sources],
                    a.subjects, v, "supply.hosted_at")
            # "will deploy 200,000 GPUs for Microsoft under contracts worth $24bn": done on
            # Microsoft's behalf, whose contracts the amount is
            # ... and so are goods built into what is for a customer ("integrate them into
            # racks for Microsoft and Meta")
            built_into = [o for p in self.prep_objects([v], frozenset({"into"}))
                          for o in p.children if o.dep_ == "pobj"
                          and o.lemma_.lower() in lex.goods_nouns]
            served = [] if a.passive else self.prep_heads([v, *a.objs, *built_into],
                                                          frozenset({"for"}), COMPANY)
            # "for its Hyperion and Prometheus data centres": its own sites, named, serve no one
            served = [e for e in served if not any(
                o.dep_ == "pobj" and any(c.dep_ == "poss" for c in o.children)
                for p in self.prep_objects([v, *a.objs], frozenset({"for"})) for o in p.children)]
            yield from self._pairs("SUPPLIES", sources, customers, v, "supply.reverse_verb",
                                   amount=None if served else a.amount)
            yield from self._pairs("SUPPLIES", customers, served, v, "supply.on_behalf",
                                   amount=a.amount)
        tender = antecedent(subj) if subj is not None else None
        if a.lemma in lex.destination_verbs and tender is not None \
                and tender.lemma_.lower() in lex.contract_nouns:
            # "China Mobile's AI server tender, which went to Inspur and xFusion": who a
            # contract goes to supplies whose contract it is
            yield from self._pairs(
                "SUPPLIES", self.prep_heads([v], frozenset({"to"}), COMPANY),
                self.child_entities([tender], frozenset({"poss"}), COMPANY), v,
                "supply.awarded")
        elif a.lemma in lex.destination_verbs and subj is not None and self.is_product(subj):
            # "Vertiv's cooling units go to CoreWeave and Meta"; "Lumentum's lasers go into
            # transceivers made by Coherent and Innolight": whoever makes what they go into
            into = [o for p in self.prep_objects([v], frozenset({"into", "in"}))
                    for o in p.children if o.dep_ == "pobj" and self.is_product(o)]
            yield from self._pairs(
                "SUPPLIES", self.makers_of([subj]),
                self.prep_heads([v], frozenset({"to"}), COMPANY) + self.makers_of(into), v,
                "supply.destination")
        if a.lemma in lex.origin_verbs and subj is not None and self.is_product(subj) \
                and not any(  # ("a quarter of its revenue comes from Nvidia": a customer,
                    o.lemma_.lower() in lex.revenue_nouns  # told by another rule)
                    for o in (subj, *self.of_objects([subj]))):
            owners = self.child_entities([subj], frozenset({"poss"}), COMPANY)
            yield from self._pairs(  # (in a supply-chain map, the mapped company's goods:
                "SUPPLIES", self.prep_heads([v], lex.source_preps, COMPANY), owners or (
                    [self.registry.chain_owner] if self.registry.chain_owner else []),
                v, "supply.origin")  # "Optical transceivers come from Innolight")
        made = [*a.objs, *([v.head] if v.dep_ == "relcl" else [])]  # ("a data centre it
        # is building at ...": what the relative clause builds is its antecedent)
        if a.lemma in lex.making_verbs and not a.passive:
            at = [o for p in self.prep_objects([v, *a.objs], frozenset({"at"}))
                  for o in p.children if o.dep_ == "pobj"]
            customer_sites = [o for o in at if o.lemma_.lower() in lex.site_nouns
                              and o.lemma_.lower() not in lex.production_sites]
            if customer_sites:  # "Dell has built most of the servers at xAI's Memphis
                # site": for the site's owner
                yield from self._pairs("SUPPLIES", a.subjects, self.possessors_of(
                    customer_sites), v, "supply.made_on_site")
            elif not any(o.lemma_.lower() in lex.site_nouns for o in made):
                # "Cerebras makes its chips at TSMC": where it makes them makes them for it
                yield from self._pairs(
                    "SUPPLIES", self.prep_heads([v, *a.objs], frozenset({"at"}), COMPANY),
                    a.subjects, v, "supply.made_at")
        if a.lemma in lex.making_verbs and subj is not None:
            # "Amazon designs its chips with help from Alchip", "Amazon's chips are developed
            # by its Annapurna unit with help from Alchip": the helper works for whoever the
            # goods are made for
            helpers = self.prep_heads(
                [o for p in self.prep_objects([v, *a.objs], frozenset({"with"}))
                 for o in p.children if o.dep_ == "pobj" and o.lemma_.lower() in lex.help_nouns],
                frozenset({"from", "of"}), COMPANY)
            helped = (self.possessors_of([subj]) or a.agents) if a.passive else a.subjects
            yield from self._pairs("SUPPLIES", helpers, helped, v, "supply.helped")
        # "picked MediaTek to supply chips", "tapped Broadcom for custom chips": the chooser
        # buys from the one chosen
        enlisted = a.lemma in lex.enlist_verbs and any(
            (m := self.mention_at(o)) is not None and m.named for o in a.objs)
        clause = self.clause(v) if a.lemma in lex.chooser_verbs or enlisted else []
        if clause and (self._chosen_to_supply(a)
                       or self.prep_objects(clause, lex.chooser_preps)):
            chosen = [e for o in a.objs if self.mention_at(o) is not None
                      for e in self.head_entities(o, COMPANY)]
            # "awarded contracts worth 4.5 billion yuan for AI servers to Inspur and ZTE"
            chosen += self.prep_heads(clause, frozenset({"to"}), COMPANY)
            choosers = a.agents if a.passive else a.subjects
            if a.passive:  # "Broadcom was tapped by OpenAI for its chips"
                chosen = a.subjects
            yield from self._pairs("SUPPLIES", chosen, choosers, v, "supply.chooser",
                                   amount=a.amount)
        revenue = [t for o in a.objs for t in (o, *(c for p in o.children if p.lower_ == "of"
                                                    for c in p.children))
                   if t.lemma_.lower() in lex.revenue_nouns] \
            if a.lemma in lex.revenue_verbs and not a.passive else []
        if revenue and (listed := self.offering_sellers(v)):  # "its listing drew orders from X"
            yield from self._pairs("INVESTS_IN", self.prep_heads(
                [v, *a.objs, *revenue], frozenset({"from"}), COMPANY), listed, v,
                "invest.offering_orders")
        elif revenue:  # "Cambricon derives most of its revenue from ByteDance"
            yield from self._pairs("SUPPLIES", a.subjects,
                                   self.prep_heads([v, *a.objs, *revenue], frozenset({"from"}),
                                                   COMPANY), v, "supply.revenue_from")
        if a.lemma in lex.source_verbs:
            yield from self._revenue_source(a)
        if a.lemma in lex.working_verbs:
            yield from self._goods_at_work(a)
        if a.lemma in lex.payment_verbs and not a.passive:  # "pay AWS $38bn for capacity"
            payees = [e for o in a.objs if self.mention_at(o) is not None
                      for e in self.head_entities(o, COMPANY)]
            payees += self.prep_heads([v], frozenset({"to"}), COMPANY)
            # "pay AWS $38 billion": with the amount made one token, the payee parses as
            # its compound
            payees += self.child_entities([o for o in a.objs if o.like_num or o.tag_ == "CD"],
                                          frozenset({"compound"}), COMPANY)
            yield from self._pairs("SUPPLIES", payees, a.subjects, v, "supply.payment",
                                   amount=a.amount)
            # "paid $14.3 billion for 49% of Scale AI", "for a stake in X": buying into it
            bought = [o for p in self.prep_objects([v], frozenset({"for"})) for o in p.children
                      if o.dep_ == "pobj" and (o.text == "%" or o.lower_ in
                                               self.lex.invests.equity_nouns)]
            # ... and "paid about $1 billion for Great Lakes": a company paid for is bought
            companies = [e for p in self.prep_objects([v], frozenset({"for"}))
                         for o in p.children if o.dep_ == "pobj"
                         and (m := self.mention_at(o)) is not None and m.named  # not "for it"
                         and not self.coordinated_goods(o)
                         for e in self.head_entities(o, COMPANY)] if not payees else []
            yield from self._pairs("INVESTS_IN", a.subjects, self.prep_heads(
                bought, frozenset({"of", "in"}), COMPANY) + companies, v, "invest.paid_for",
                amount=a.amount)
        if a.lemma in lex.equip_verbs:
            # "fills them with Nvidia racks" (not "with Blue Owl"), "builds the servers around
            # Nvidia's Blackwell GPUs"; passive, for the owner of what is built ("Alibaba
            # Cloud's data centre is built with servers from Inspur")
            tools = [o for p in self.prep_objects([v, *a.objs], frozenset({"with", "around"}))
                     for o in p.children if o.dep_ == "pobj" and self.is_product(o)]
            subj, _ = self.subject_of(v)
            builders = self.child_entities([subj], frozenset({"poss"}), COMPANY) \
                if a.passive and subj is not None else a.subjects
            yield from self._pairs("SUPPLIES", self.makers_of(tools), builders, v,
                                   "supply.equip")
        if a.lemma in lex.reliance_verbs and not a.agents:  # "models are trained on X"
            workloads = any(o.lemma_.lower() in lex.workload_nouns for o in a.objs)
            on = self.prep_objects([v, *a.objs], frozenset(
                {"on", "upon", *(["with"] if workloads else [])}))
            products = [o for p in on for o in p.children if o.dep_ == "pobj"
                        and self.is_product(o)]
            # "relies on its own M-series chips, made by TSMC": who makes what it relies on
            suppliers = self.makers_of(products, exclude=a.subjects) or [
                e for p in on for e in self.phrase_entities(p, COMPANY) if e not in a.subjects]
            subj, _ = self.subject_of(v)  # "whose Claude models run on Amazon's chips": the
            users = self.child_entities([subj], frozenset({"poss"}), COMPANY) if (  # owner
                subj is not None and self.is_product(antecedent(subj))) else a.subjects
            yield from self._pairs("SUPPLIES", suppliers, users, v, "supply.reliance")
        if a.lemma in lex.recourse_verbs and not a.passive:
            turned_to = [c for p in self.prep_objects([v], frozenset({"to"}))
                         for c in conjuncts(p) if c.lower_ == "to"]
            wanted = [o for t in v.subtree if t.dep_ == "prep" and t.lower_ == "for"
                      for o in t.children if o.dep_ == "pobj" and self.is_product(o)
                      and o.lemma_.lower() in lex.goods_nouns]
            if wanted:
                yield from self._pairs("SUPPLIES", [
                    e for p in turned_to for o in p.children if o.dep_ == "pobj"
                    for e in self.head_entities(o, COMPANY)], a.subjects, v, "supply.turned_to")

    def _supply_deal(self, n: Token) -> Iterator[Candidate]:
        """A deal named for what it trades, "with" a partner: in "Talen expanded its power
        supply agreement with Amazon" the party supplies the partner, in "Meta signed a power
        purchase agreement with Constellation" the partner supplies the party, and in "X
        entered into subscription agreements with Y, pursuant to which the subscribers agreed
        to subscribe for new shares" the partner invests in the party."""
        lex = self.lex.supplies
        kinds = {c.lemma_.lower() for c in n.children if c.dep_ == "compound"}
        selling, buying = kinds & (lex.verbs - lex.reverse_verbs), kinds & (
            lex.reverse_verbs - lex.verbs)
        equity = bool(kinds & self.lex.invests.equity_deal_kinds)
        partners = self.prep_heads([n, *([n.head] if n.dep_ == "dobj" else [])],
                                   frozenset({"with"}), ANY if equity else COMPANY)
        if partners and not (selling or buying or equity):
            yield from self._deal_by_roles(n, partners)
        if not partners or (bool(selling) == bool(buying) and not equity):
            return
        parties = self.child_entities([n], frozenset({"poss"}), COMPANY)
        if not parties:
            subj = self.governing_subject(n)
            parties = self.head_entities(subj, COMPANY) if subj is not None else []
        parties = [e for e in parties if e not in partners]
        # who subscribes says the direction: "..., pursuant to which the subscribers agreed
        # to subscribe for 680 million new shares" (the partners buy the party's shares),
        # not "pursuant to which the Company agreed to subscribe for Biren's new shares"
        subscribing = [s for t in self.sent if t.lemma_.lower() == "subscribe"
                       and (s := self.subject_of(t)[0]) is not None]
        subscribers = {e for s in subscribing for e in self.head_entities(s, ANY)}
        if equity and subscribing and not subscribers & set(parties):
            yield from self._pairs("INVESTS_IN", partners, parties, n, "invest.deal_kind",
                                   amount=self.noun_amount(n) or self.consideration())
        elif equity and subscribers and subscribers <= set(parties):
            # "..., pursuant to which the Company agreed to subscribe for new shares": the
            # party subscribes, so it invests in the partners
            yield from self._pairs("INVESTS_IN", parties, partners, n, "invest.deal_kind",
                                   amount=self.noun_amount(n) or self.consideration())
        if equity:
            return
        suppliers, customers = (parties, partners) if selling else (partners, parties)
        # "expanded its supply pact with Amazon in a deal valued at about $18 billion"
        yield from self._pairs("SUPPLIES", suppliers, customers, n, "supply.deal_kind",
                               amount=self.noun_amount(n) or self.deal_amount(n.head))

    def _deal_by_roles(self, n: Token, partners: list[str]) -> Iterator[Candidate]:
        """A deal "with" a partner that names neither goods nor who sells: "Microsoft's
        contracts with Nebius and Lambda", "signed a $6 billion agreement with Meta". The one
        upstream in the chain (the gazetteer's "chain") supplies the other; a deal to do
        something, or for a stake, says itself what it is."""
        lex = self.lex
        if n.lemma_.lower() not in lex.supplies.role_deal_nouns or any(
                c.dep_ in ("acl", "relcl", "xcomp", "advcl") for c in (*n.children, *(
                    n.head.children if n.dep_ == "dobj" else ()))) or any(
                c.dep_ in ("amod", "compound") and c.lemma_.lower() in lex.supplies.alliance_words
                for c in n.children):
            return
        wanted = [o for p in self.prep_objects([n, n.head], frozenset({"for"}))
                  for o in p.children if o.dep_ == "pobj"]
        if any(o.text == "%" or o.lower_ in lex.invests.equity_nouns or not self.is_product(o)
               for o in wanted):
            return  # ("a deal with X for a 10% stake", "... for Nebius")
        parties = self.child_entities([n], frozenset({"poss"}), COMPANY)
        if not parties:
            subj = self.governing_subject(n)
            parties = self.head_entities(subj, COMPANY) if subj is not None else []
        amount = self.noun_amount(n) if len(partners) == 1 else None
        for party in parties:
            for partner in partners:
                seller = self.registry.seller_between(party, partner) \
                    if party != partner else None
                if seller is not None:
                    buyer = partner if seller == party else party
                    yield from self._pairs("SUPPLIES", [seller], [buyer], n,
                                           "supply.deal_roles", amount=amount)

    def _deal_for(self, n: Token) -> Iterator[Candidate]:
        """"Microsoft signed a $9.7 billion deal with IREN for GPU capacity", "capacity
        contracts with Nebius": a deal with a partner for goods (not for a company, nor one
        that says who provides) buys them from the partner."""
        verb, lex = n.head, self.lex.supplies
        if any(c.dep_ in ("xcomp", "advcl", "relcl", "acl") for c in (*verb.children,
                                                                      *n.children)):
            return  # "... to provide computing power": the deal says who supplies
        if any(c.dep_ == "compound" and c.lemma_.lower() in lex.verbs | lex.reverse_verbs
               for c in n.children):
            return  # "a computing power supply agreement": its kind says who supplies
        partners = [c for p in self.prep_objects([n, verb], frozenset({"with"}))
                    for c in p.children if c.dep_ == "pobj"]
        goods = [c for p in self.prep_objects([n, verb, *partners], frozenset({"for"}))
                 for c in p.children if c.dep_ == "pobj" and self.is_product(c)
                 and c.tag_ != "CD" and c.ent_type_ not in ("DATE", "TIME", "MONEY")
                 and c.text != "%" and c.lower_ not in self.lex.invests.equity_nouns]  # (not
        # "a deal with OpenAI for a 27% stake")
        goods += [c for c in n.children if c.dep_ == "compound"  # "capacity contracts with"
                  and c.lemma_.lower() in lex.goods_nouns]
        if not goods:
            return
        subj, passive = self.subject_of(verb)
        buyers = self.head_entities(subj, COMPANY) if subj is not None and not passive else []
        yield from self._pairs("SUPPLIES", self.prep_heads([n, verb], frozenset({"with"}),
                                                           COMPANY),
                               buyers, n, "supply.deal_for", amount=self.noun_amount(n))

    def chain_list(self) -> Iterator[Candidate]:
        """A supply-chain map's lines, "Rack assembly: Foxconn, Quanta and Wistron; power
        shelves: Delta Electronics": under a headline that maps a company's supply chain,
        the names a verbless goods label lists supply that company."""
        owner = self.registry.chain_owner
        if owner is None:
            return
        opened, self.registry.chain_label_open = self.registry.chain_label_open, False
        if opened:  # "HBM:" cut off as a sentence of its own; its list begins this one
            yield from self._pairs("SUPPLIES", [e for e in self.listed_after(self.sent.start)
                                                if e != owner], [owner], self.sent[0],
                                   "supply.chain_list")
        start = self.sent.start
        for tok in self.sent:
            if tok.text == ";":
                start = tok.i + 1
            if tok.text != ":" or tok.i == start:
                continue
            label = self.sent.doc[start:tok.i]
            if len(label) > 6 or any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in label):
                continue
            if tok.i == self.sent.end - 1 or all(t.is_space for t in self.sent.doc[
                    tok.i + 1:self.sent.end]):
                self.registry.chain_label_open = True
            yield from self._pairs("SUPPLIES", [e for e in self.listed_after(tok.i + 1)
                                                if e != owner], [owner], tok,
                                   "supply.chain_list")

    def _revenue_source(self, a: VerbArgs) -> Iterator[Candidate]:
        """"Most of CoreWeave's revenue comes from Microsoft", "its backlog is dominated by
        OpenAI": whom a company's revenue comes from is its customer."""
        subj, _ = self.subject_of(a.verb)
        if subj is None:
            return
        revenue = [t for t in (subj, *self.of_objects([subj]))
                   if t.lemma_.lower() in self.lex.supplies.revenue_nouns]
        customers = a.agents if a.passive else \
            self.prep_heads([a.verb], frozenset({"from"}), COMPANY)
        if not revenue or not customers:
            return
        suppliers = self.child_entities(revenue, frozenset({"poss", "compound"}), COMPANY) \
            or self.sentence_company(a.verb, exclude=customers)
        yield from self._pairs("SUPPLIES", suppliers, customers, a.verb, "supply.revenue_from")

    def _goods_at_work(self, a: VerbArgs) -> Iterator[Candidate]:
        """"Bloom Energy's fuel cells will power part of Oracle's new cluster", "Oracle's
        cluster is powered by Bloom fuel cells": the maker of the goods at work supplies
        the owner of what they work in (a company named as the object is the owner: "Nvidia
        chips power OpenAI"); so does a company that does the work ("AMD will power
        OpenAI's data centres with its MI450 chips"), except on its own sites."""
        subj, _ = self.subject_of(a.verb)
        if subj is None and a.verb.dep_ in ("acl", "xcomp", "advcl"):
            subj = self.governing_subject(a.verb)  # "won a deal to power ..."
        if subj is None:
            return
        if a.passive:
            goods = [o for p in a.verb.children if p.dep_ == "agent" for o in p.children
                     if o.dep_ == "pobj" and self.is_product(o)]
            served = [subj]
        else:  # (a company's arm or unit is the company, no goods)
            unit = subj.lemma_.lower() in self.lex.invests.business_nouns | \
                self.lex.invests.owned_nouns
            goods = [subj] if self.is_product(subj) and not unit else []
            served = [*a.objs, *self.of_objects(a.objs)]
        makers = self.makers_of(goods) or ([] if a.passive or goods else [
            e for e in self.head_entities(subj, COMPANY)])
        owners = self.possessors_of(served) or [
            e for o in served if self.mention_at(o) is not None
            for e in self.head_entities(o, COMPANY)]
        yield from self._pairs("SUPPLIES", makers, [e for e in owners if e not in makers],
                               a.verb, "supply.goods_at_work", amount=a.amount)

    def goods_buyers(self, n: Token, goods: list[Token]) -> tuple[list[str], list[Candidate]]:
        """Who buys the goods a supplier noun `n` is "of", each product on its own: its
        designer ("the manufacturer of Broadcom-designed ASICs for Google": Broadcom), the
        maker of what it goes into ("of shelves for the racks Wiwynn builds"), whom it is
        for ("the assembler of Nvidia's systems for Microsoft"), else its owner ("of
        Nvidia's and AMD's accelerators"). A designer in turn supplies whom it is for."""
        for_n = self.prep_objects([n], frozenset({"for", "to"}))
        buyers: list[str] = []
        designed: list[Candidate] = []
        for product in (c for o in goods for c in conjuncts(o) if self.is_product(c)):
            preps = self.prep_objects([product], frozenset({"for", "to"})) + for_n
            named_for = [e for p in preps for o in p.children if o.dep_ == "pobj"
                         and not any(c.dep_ == "poss" for c in o.children)
                         for e in self.head_entities(o, COMPANY)]
            designers = [e for c in product.children if c.tag_ == "VBN"
                         and c.lemma_.lower() in self.lex.invests.research_verbs
                         for e in self.hyphen_agents(c) + self.prep_heads(
                             [g for g in c.children if g.dep_ == "agent"],
                             frozenset({"by"}), COMPANY)]
            found = designers or self.product_owners(preps) or named_for or \
                self.possessors_of([product])
            buyers += [e for e in found if e not in buyers]
            designed += self._pairs("SUPPLIES", designers, named_for, product,
                                    "supply.designed_for")
        return buyers, designed

    def _making_noun(self, n: Token) -> Iterator[Candidate]:
        """"Foxconn has begun mass production of GB300 racks for Microsoft", "TSMC's
        production of Nvidia's Rubin GPUs": who makes goods for another, told by a noun,
        supplies the buyer the goods have (see `goods_buyers`; not its own goods, nor
        making it hands to another: "outsources final assembly of servers to Quanta")."""
        # (the verb may be read as a noun in front: "and outsources final assembly")
        before = n.doc[n.left_edge.i - 1] if n.left_edge.i > 0 else n.head
        if {n.head.lemma_.lower(), before.lemma_.lower()} & self.lex.supplies.outsource_verbs:
            return
        goods = [o for o in self.of_objects([n]) if self.is_product(o)]
        makers = self.child_entities([n], frozenset({"poss"}), COMPANY)
        if not makers and (subj := self.governing_subject(n)) is not None:
            makers = self.head_entities(subj, COMPANY)
        buyers, designed = self.goods_buyers(n, goods)
        if not buyers and n.dep_ == "dobj":
            # "began production of boards for Oracle": the "for" hung on the verb
            buyers = self.prep_heads([n.head], frozenset({"for"}), COMPANY)
        yield from self._pairs("SUPPLIES", makers, [b for b in buyers if b not in makers], n,
                               "supply.making_noun")
        yield from designed

    def _sites_of_own_goods(self, verb: Token, objects: list[Token],
                            installers: list[str]) -> list[str]:
        """Whose sites the installers' own goods go to: "Bloom will install 1 GW of its fuel
        cells at Oracle data centres" -> Oracle (not "installs Vertiv's units at its sites")."""
        goods = [*objects, *self.of_objects(objects)]
        own = any(c.dep_ == "poss" and (m := self.mention_at(c)) is not None
                  and m.entity_id in installers for o in goods for c in o.children)
        sites = [o for p in self.prep_objects([verb, *goods], frozenset({"at"}))
                 for o in p.children if o.dep_ == "pobj"] if own else []
        return [e for e in self.makers_of(sites) or [
            e for o in sites if self.mention_at(o) is not None
            for e in self.head_entities(o, COMPANY)] if e not in installers]

    def _site_hosts(self, verb: Token, objects: list[Token]) -> list[str]:
        """Who hosts goods deployed at its site: "will deploy its GPUs at Core Scientific
        sites", "install Nvidia chips at a data centre operated by Eclairion" (the site's
        owner, or whom a participle says runs it)."""
        sites = [o for p in self.prep_objects([verb, *objects], frozenset({"at"}))
                 for o in p.children if o.dep_ == "pobj"
                 and o.lemma_.lower() in self.lex.supplies.site_nouns]
        return self._site_runners(sites) or self.makers_of(sites)

    def _site_runners(self, sites: list[Token]) -> list[str]:
        """Whom a participle or a relative clause says builds, runs or owns the sites:
        "a data centre operated by Eclairion", "AI factories built by Equinix", "the campus,
        which G42 is building"."""
        lex = self.lex.supplies
        running = lex.making_verbs | lex.service_verbs | {"own"}
        runners = [e for o in sites for c in o.children if c.dep_ == "acl" and c.tag_ == "VBN"
                   and c.lemma_.lower() in running for g in c.children if g.dep_ == "agent"
                   for e in self.phrase_entities(g, COMPANY)]
        # "at the Stargate UAE campus, which G42 is building": who builds or runs it, not
        # the name it goes by
        runners += [e for o in sites for r in o.children if r.dep_ == "relcl"
                    and r.lemma_.lower() in running
                    for sb in r.children if sb.dep_ == "nsubj"
                    for e in self.head_entities(sb, COMPANY)]
        return list(dict.fromkeys(runners))

    def _chosen_to_supply(self, a: VerbArgs) -> bool:
        """Whether a chooser verb says what the one chosen is to do for the chooser: "picked
        MediaTek to supply chips", "chose Fluidstack to run a cluster", "was picked by Apple
        to make image sensors", "uses Broadcom to co-design its accelerators", "to help
        design"; "awarded Range Intelligent a contract to supply AI servers" (the deal says
        so); "tapped Google Cloud in a six-year deal worth more than $10 billion"."""
        lex, v = self.lex.supplies, a.verb
        purposes = [d for c in v.children for d in (c, *(  # "to help design": the helped
            x for x in c.children if x.dep_ == "xcomp" and c.lemma_.lower() in lex.helping_verbs))]
        return any(
            c.lemma_.lower().removeprefix("co-") in lex.verbs | lex.service_verbs and (
                c.dep_ == "xcomp"
                or (c.dep_ == "advcl" and any(a.lower_ == "to" for a in c.children))
                or c.head.lemma_.lower() in lex.helping_verbs)
            for c in purposes) or any(
            o.lemma_.lower() in lex.contract_nouns and any(
                c.dep_ in ("acl", "relcl") and c.lemma_.lower() in lex.verbs for c in o.children)
            for o in a.objs) or any(
            o.lemma_.lower() in lex.contract_nouns
            for p in self.prep_objects([v], frozenset({"in", "under"}))
            for o in p.children if o.dep_ == "pobj")

    def _to_customer(self, a: VerbArgs) -> list[Token]:
        """The verb's phrases that name a customer ("to", "for"), but not the subject's own
        goods ("licenses Tenstorrent's cores for its TVs")."""
        return [p for p in self.prep_objects([a.verb, *a.objs], self.lex.supplies.customer_preps)
                if not any(o.dep_ == "pobj" and any(
                    e in a.subjects for e in self.child_entities(
                        [o], frozenset({"poss"}), COMPANY)) for o in p.children)]

    def _output_taken(self, a: VerbArgs) -> Iterator[Candidate]:
        """"expects Nvidia and AMD to take most of its output", "Google secured Samsung's
        foundry capacity": whose output a buyer takes, or a share of it, supplies the buyer."""
        lex = self.lex.supplies
        parts = [o for o in a.objs if o.text == "%" or o.lemma_.lower() in lex.share_words]
        output = [o for o in (*a.objs, *self.of_objects(parts))
                  if o.lemma_.lower() in lex.output_nouns]
        makers = [e for e in self.child_entities(output, frozenset({"poss"}), COMPANY)
                  if e not in a.subjects]
        yield from self._pairs("SUPPLIES", makers, a.subjects, a.verb, "supply.output_taken")

    def _rest_takers(self, v: Token, objs: list[Token] | None = None) -> list[str]:
        """Who takes the rest of what a verb shares out, or a share of it: "SK Hynix should
        supply about 60% of Nvidia's HBM4, with Samsung and Micron splitting the rest", "sold
        out its HBM supply, with Nvidia taking the largest share" (the "with" may hang on
        the verb's objects)."""
        lex = self.lex.supplies
        rest = lex.remainder_nouns | lex.share_words | {"share"}
        takers = [t for h in (v, *(objs or [])) for p in h.children
                  if p.dep_ == "prep" and p.lower_ == "with"
                  for t in p.children if t.dep_ == "pcomp" and t.tag_ == "VBG"
                  and any(o.lemma_.lower() in rest or any(r.lemma_.lower() in rest
                                                           for r in self.of_objects([o]))
                          for o in t.children if o.dep_ == "dobj")]
        return [e for t in takers for c in t.children if c.dep_ == "nsubj"
                for e in self.head_entities(c, COMPANY)]

    def _possessed_goods(self, n: Token) -> Iterator[Candidate]:
        """"CoreWeave added Google as a customer for its Nvidia GPU capacity": goods that
        one company has and another, a known company, names were made by the one that names
        them (in "Nvidia's Blackwell chips" the possessor is the maker and names no other)."""
        owners = self.child_entities([n], frozenset({"poss"}), COMPANY)
        if not owners or any(c.lower_ == "own" for c in n.children):
            return  # (not "its own Kunlun chips": what it makes itself)
        named = [m for left in n.lefts if left.dep_ in ("compound", "nmod")
                 for t in left.subtree if t.dep_ != "poss" and (m := self.mention_at(t))]
        makers = [e for e in self._typed(named, COMPANY) if e not in owners
                  and self.registry.is_known(e)]  # not a product NER took for a company
        yield from self._pairs("SUPPLIES", makers, owners, n, "supply.possessed_goods")

    def _customer_noun(self, n: Token) -> Iterator[Candidate]:
        """"Xiaomi remains its biggest customer": the owner of "customer" supplies; "X said
        Humain would be the first customer": with no owner written, the company speaking."""
        customers = self.described_by(n) or self.prep_heads(  # "customers such as X"
            [n], frozenset({"as", "including", "like"}), COMPANY) or self.prep_heads(
            [n.head] if n.dep_ == "dobj" else [], frozenset({"including"}), COMPANY)
        # ("added two new customers in the quarter, including Google": the list hung on
        # the verb)
        suppliers = self.child_entities([n], frozenset({"poss"}), COMPANY)
        of = self.prep_objects([n], frozenset({"of"}))  # "customers of its design services"
        # "the launch customer for ASML's EXE:5200" (not "an HBM buyer for Google's TPUs",
        # who buys for them)
        bought_for = self.prep_objects([n], frozenset({"for"})) \
            if n.lemma_.lower() in self.lex.supplies.product_customer_nouns else []
        suppliers += [e for e in self.product_owners(of + bought_for) if e not in customers] \
            or self.prep_entities([n], frozenset({"of"}), COMPANY)
        if not suppliers and customers and any(p.lower_ == "as" for p in n.children):
            subj = self.governing_subject(n)  # "to focus on customers such as Microsoft"
            suppliers = [e for e in self.head_entities(subj, COMPANY) if e not in customers] \
                if subj is not None else []  # (not "buyers such as SMIC and Hua Hong")
        if not suppliers and customers:  # "..., with AMD and Google named as customers"
            suppliers = [e for e in self.absolute_party(n) if e not in customers]
        # "counts G42 as its largest shareholder and customer": the noun it is coordinated
        # with stands after "as"
        listed = n.head if n.dep_ == "conj" and n.head.dep_ == "pobj" else n
        if not suppliers and listed.dep_ == "pobj" and listed.head.lower_ in ("as", "among"):
            counter = listed.head.head
            subj, _ = self.subject_of(counter)  # "Lenovo's unit counts X as a customer"
            suppliers = [e for e in self.head_entities(subj, COMPANY) if e not in customers] \
                if subj is not None else []  # not "X, Y and Z are among the buyers"
            nameless = subj is not None and self.mention_at(subj) is None and (
                (subj.pos_ == "NOUN" and listed.head.lower_ == "as") or subj.lower_ == "we")
            if not suppliers and customers and nameless:
                # "management named Microsoft and Oracle as the two customers behind its
                # backlog", "we count Crusoe and NextEra among the customers" (a broker):
                # the namer is no company; the customers are the company's
                suppliers = self.sentence_company(n, exclude=customers)
        if not suppliers and customers and n.dep_ == "pobj" and n.head.lower_ == "among" \
                and n.head.head.lemma_ in COPULAS:  # "GE Vernova's turbines are sold out;
            suppliers = self.sentence_company(n, exclude=customers)  # X and Y are among the
            # buyers": whom the sentence is about
        if not suppliers and n.dep_ == "attr" and customers:  # "Microsoft is Nebius's anchor
            suppliers = [e for t in self.sent if t.i != n.i  # tenant, while Meta has become
                         and t.lemma_.lower() in self.lex.supplies.customer_nouns  # the second
                         for e in self.child_entities([t], frozenset({"poss"}), COMPANY)  # large
                         if e not in customers]  # customer": the other customer noun's owner
        if not suppliers and n.dep_ == "attr" and customers:  # not "the largest XPU customer"
            salient = self.registry.salient(COMPANY)  # "G42 remains a major customer": of the
            suppliers = self.sentence_company(n, exclude=customers + self.child_entities(
                [n], frozenset({"compound"}), COMPANY)) or (  # company the article is about
                [salient] if salient and salient not in customers else [])
        if not suppliers and customers and n.dep_ == "nsubj":  # "Broadcom said the mystery
            suppliers = [e for e in self.reporter(n.head)  # customer that placed a $10bn
                         if e not in customers]  # order is Anthropic": the reporter's
        if not suppliers and customers and n.dep_ == "dobj" \
                and n.head.lemma_.lower() in self.lex.supplies.having_verbs:
            subj, _ = self.subject_of(n.head)  # "Broadcom now has five XPU customers,
            suppliers = [e for e in self.head_entities(subj, COMPANY)  # including Google"
                         if e not in customers] if subj is not None else []
        # "Meta had become its second hyperscale customer after Microsoft": the one ranked
        # before is a customer too
        if customers and any(c.dep_ == "amod" and any(t.ent_type_ == "ORDINAL"
                                                      for t in c.subtree) for c in n.children):
            customers += [e for e in self.prep_heads(  # ("after" hung on the copula too)
                [n, *([n.head] if n.dep_ == "attr" else [])], frozenset({"after"}), COMPANY)
                if e not in customers + suppliers]
        heading = self.registry.heading
        if not suppliers and customers and heading is not None and heading not in customers \
                and self.registry.type_of(heading) in COMPANY:  # "Broadcom: fourth custom-
            suppliers = [heading]  # chip customer confirmed as Anthropic": the item's topic
        titled, other = self.role_before_name(n)  # "Nvidia customer Microsoft"
        customers, suppliers = customers or titled, suppliers + other
        # "brought Meta on as an anchor customer under a five-year, $3 billion contract"
        # (the parser may set the contract in apposition to the customer)
        deals = {t.i for c in n.children if c.dep_ == "appos"
                 and c.lemma_.lower() in self.lex.supplies.contract_nouns for t in c.subtree}
        amount = self.deal_amount(n) or next(
            (a for s, _, a in self.amounts if s in deals), None)
        yield from self._pairs("SUPPLIES", suppliers, customers, n, "supply.customer_noun",
                               amount=amount)

    def _revenue_share(self, pct: Token) -> Iterator[Candidate]:
        """"Microsoft and Meta each accounted for more than 10% of sales": a share of a
        company's revenue makes the subject that company's customer."""
        # "represented 20% and 15% of its revenue, respectively": the revenue hangs on the last
        revenue = [o for c in conjuncts(pct) for p in c.children
                   if p.dep_ == "prep" and p.lower_ == "of"
                   for o in p.children if o.lemma_.lower() in self.lex.supplies.revenue_nouns]
        if not revenue:
            return
        verb = pct.head.head if pct.dep_ == "pobj" else pct.head
        subj, _ = self.subject_of(verb)
        customers = self.head_entities(subj, COMPANY) if subj is not None else []
        if subj is not None and subj.lemma_.lower() in self.lex.supplies.revenue_nouns:
            # "Sales to Microsoft and Meta represented 20% and 15% of revenue"
            customers = self.prep_heads([subj], frozenset({"to"}), COMPANY) or customers
        if subj is not None and subj.lemma_.lower() in self.lex.supplies.customer_nouns:
            # "the company's largest customer, which analysts identify as Google, would
            # account for 30% of revenue": whom the customer noun describes, of its possessor
            customers = self.described_by(subj) or self.prep_heads(  # "buyers such as SMIC
                [subj], frozenset({"as", "including", "like"}), COMPANY) or [  # and Hua Hong"
                e for r in subj.children if r.dep_ == "relcl"
                for p in self.prep_objects([r], frozenset({"as"}))
                for o in p.children if o.dep_ == "pobj" for e in self.head_entities(o, COMPANY)]
            # "Three customers each accounted for more than 10% of revenue: Amazon, ..."
            customers = customers or self.listed_after_colon([pct])
            suppliers = self.child_entities([subj], frozenset({"poss"}), COMPANY) or \
                self.child_entities(revenue, frozenset({"poss"}), COMPANY)
            if not suppliers and customers and not any(c.dep_ == "poss" for c in subj.children):
                # no owner written: the company the article is about
                salient = self.registry.salient(COMPANY)
                suppliers = [salient] if salient and salient not in customers else []
            yield from self._pairs("SUPPLIES", suppliers, customers + self._rest_takers(verb),
                                   pct, "supply.revenue_share")
            return
        if verb.dep_ == "acl":  # "X is its largest tenant, accounting for 60% of revenue"
            customers = self.described_by(verb.head) or customers
        if subj is not None and subj.lower_ in FLOATING and not customers:
            customers = self.listed_before(subj.i)
        if not customers:
            customers = self.listed_before(verb.i)
        # "Nvidia accounted for 45% of its revenue, followed by Amazon and Google": the
        # customers ranked after it
        customers += self.ranked_after([verb, pct], COMPANY)
        customers += self._rest_takers(verb)  # "..., with China Mobile and China Telecom
        # making up most of the rest"
        # "..., and Microsoft for another 14%": a name whose verb was left out
        # (or hung on the reporting verb: "X said Microsoft accounted for 45% of its revenue,
        # and AWS for most of the rest")
        gapped = [*(c for c in verb.children if c.dep_ == "conj"), *(
            c for c in verb.head.children if c.i > verb.i and verb.dep_ == "ccomp")]
        customers += [e for c in gapped if c.pos_ == "PROPN" and (  # (or "and Dell at 6%")
                      any(p.dep_ == "prep" and p.lower_ == "for" for p in c.children)
                      or (c.i + 1 < len(c.doc) and c.doc[c.i + 1].lower_ in ("for", "at")))
                      for e in self.head_entities(c, COMPANY) if e not in customers]
        suppliers = self.child_entities(revenue, frozenset({"poss", "compound"}), COMPANY)
        suppliers = suppliers or self.sentence_company(pct, exclude=customers)  # ("22% of
        # TSMC revenue": the name in front is whose revenue it is)
        if not suppliers:
            latest = self.registry.latest(COMPANY)
            suppliers = [latest] if latest and latest not in customers else []
        yield from self._pairs("SUPPLIES", suppliers, customers, pct, "supply.revenue_share")
