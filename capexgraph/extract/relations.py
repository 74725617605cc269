"""Relation rules over the dependency parse: which entity does what to which, in one sentence.

Each rule starts at a trigger (a verb, noun or title from data/triggers.yaml) and finds its
arguments by grammatical role (arguments.py): subject and object, agent of a passive, the
object of a preposition, a possessor, an apposition. When the parse is lost, a few rules read
word order instead (a list of names, a verb's form, a preposition). Nothing here names a
company or an article's words.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Token

from capexgraph.extract.arguments import (
    ANY,
    AUXILIARY,
    COMPANY,
    COPULAS,
    EMPLOYERS,
    FLOATING,
    HOLDERS,
    MODIFIERS,
    RELATIVE,
    Arguments,
    antecedent,
    conjuncts,
    verb_forms,
)
from capexgraph.extract.money import FoundAmount
from capexgraph.extract.names import infer_type
from capexgraph.extract.weights import (
    clause_weight,
    listed_members,
    percent_value,
    respective_weights,
    weight_after,
)
from capexgraph.schema.relation_types import allows

# entity labels that name something (not amounts, dates or percentages)
NAME_TYPES = frozenset({"ORG", "PERSON", "Company", "Fund", "Index", "Person"})


@dataclass(frozen=True)
class Candidate:
    """A relation found in a sentence, before status, evidence and confidence are added."""

    type: str
    source: str
    target: str
    trigger: int  # token index of the word that expressed it
    rule: str
    amount: FoundAmount | None = None
    weight_pct: float | None = None
    role: str | None = None


@dataclass(frozen=True)
class _VerbArgs:
    """A verb's arguments, found once and shared by every verb rule."""

    verb: Token
    lemma: str
    subjects: list[str]
    agents: list[str]
    objs: list[Token]
    passive: bool
    amount: FoundAmount | None


class SentenceRules(Arguments):
    """Apply every rule to one sentence of a parsed block."""

    def candidates(self) -> Iterator[Candidate]:
        found: list[Candidate] = []
        for tok in self.sent:
            lemma = tok.lemma_.lower()
            if tok.pos_ in ("VERB", "AUX"):
                found += self.verb_rules(tok, self.phrasal(tok) or lemma)
            elif tok.pos_ in ("NOUN", "PROPN"):
                found += self.noun_rules(tok, lemma)
        found += self.title_rules()
        found += self.surface_rules()
        yield from self._with_member_lists(found)

    def surface_rules(self) -> list[Candidate]:
        """Word order alone, for verbs the tagger or parser lost ("Micron supply HBM4 to
        AMD", "Nscale secured $1bn from Aker", "X and Y have each invested $1bn in Z"): a list
        of names, maybe auxiliaries, the verb's form, and the names after its preposition."""
        lex = self.lex
        kinds = (("supply", lex.supplies.verbs, "to"), ("reverse", lex.supplies.reverse_verbs,
                 "from"), ("receive", lex.invests.receive_verbs, "from"),
                 ("invest", lex.invests.verbs, "in"))
        found: list[Candidate] = []
        for tok in self.sent:
            if tok.pos_ in ("VERB", "AUX") and self.subject_of(tok)[0] is not None:
                continue  # the parse found this verb's subject: the rules above had it
            if tok.pos_ in ("NOUN", "PROPN") and any(c.dep_ in ("poss", "det")
                                                     for c in tok.children):
                continue  # "its Neoverse designs": a determined noun is no verb
            forms = verb_forms(tok)
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
                if any(forms & v for _, v, _ in kinds) else []
            if not names:
                continue
            window = self.sent.doc[tok.i + 1:min(self.sent.end, tok.i + 8)]
            # a verb of two senses takes the one whose preposition is written: "rents X to Y"
            # or "rents X from Y"
            kind, at = "", None
            for k, verbs, prep in kinds:
                at = next((t for t in window if t.lower_ == prep or t.text in (";", ",")),
                          None) if forms & verbs else None
                if at is not None and at.lower_ == prep:
                    kind = k
                    break
            if at is None or not kind:
                continue
            others = self.listed_after(at.i + 1)
            amount = next((a for first, _, a in self.amounts if tok.i <= first < at.i), None)
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
        """The name a relative clause that ends right before token `i` describes: "Kioxia,
        whose shareholders include Bain Capital and Toshiba, ships SSDs to Dell" (the tagger
        took "ships" for a noun)."""
        doc = self.sent.doc
        if i - 1 <= self.sent.start or doc[i - 1].text != ",":
            return []
        for j in range(i - 2, max(self.sent.start, i - 16), -1):
            if doc[j].text == "," and doc[j + 1].tag_ in RELATIVE:
                named = self.mention_at(doc[j - 1]) if j > self.sent.start else None
                return self._typed([named], COMPANY) if named is not None else []
        return []

    def _with_member_lists(self, found: list[Candidate]) -> Iterator[Candidate]:
        """Constituents get the weight written after their name, and a sentence about one
        holder's members also lists the names that carry no verb ("..., Apple 8.7%")."""
        members = [c for c in found if c.type == "CONSTITUENT_OF"]
        # a weight its noun gives one member ("with Hanmi as the third-largest position at
        # 9.3%") is no other member's
        claimed = {c.weight_pct for c in members if c.weight_pct is not None}
        for c in found:
            if c.type == "CONSTITUENT_OF" and c.weight_pct is None:
                weight = self.member_weight(c.source)
                c = Candidate(c.type, c.source, c.target, c.trigger, c.rule,
                              weight_pct=None if weight in claimed else weight)
            yield c
        holders = {c.target for c in members}
        if len(holders) != 1:
            return
        holder = holders.pop()
        named = {c.source for c in members} | {holder}
        for entity_id, weight in listed_members(self.sent, self.mentions, self.registry, named):
            yield Candidate("CONSTITUENT_OF", entity_id, holder, members[0].trigger,
                            "constituent.list", weight_pct=weight)

    def member_weight(self, entity_id: str) -> float | None:
        listed = respective_weights(self.sent, self.mentions, self.registry)
        if entity_id in listed:
            return listed[entity_id]
        own = {m.start: m for i, m in self.mentions.items()
               if self.sent.start <= i < self.sent.end and m.entity_id == entity_id}
        weights = (weight_after(self.sent, m, self.mentions, self.registry)
                   for m in own.values())
        return next((w for w in weights if w is not None), None) or next(
            (w for m in own.values()
             if (w := clause_weight(self.sent, m, self.mentions, self.registry)) is not None),
            None)

    def _pairs(self, rel: str, sources: list[str], targets: list[str], trigger: Token,
               rule: str, **extra: object) -> Iterator[Candidate]:
        for s in sources:
            for t in targets:
                if s != t and allows(rel, self.registry.type_of(s), self.registry.type_of(t)):
                    yield Candidate(rel, s, t, trigger.i, rule, **extra)  # type: ignore[arg-type]

    def verb_rules(self, v: Token, lemma: str) -> Iterator[Candidate]:
        lex = self.lex
        subj, passive = self.subject_of(v)
        agent = self.agent(v)
        objs = self.objects(v)
        subjects = self.head_entities(subj, ANY) if subj is not None else []
        if subj is not None and subj.lower_ in FLOATING and not subjects:
            subjects = self.listed_before(subj.i, ANY)  # "Broadcom and Nvidia each make up"
        if subj is not None and subj.lower_ == "they" and not subjects:
            subjects = self.they(v)  # "Microsoft and Nvidia said they would invest"
        if subj is not None and not subjects:
            subjects = self.both(subj)  # "Both funds hold Tencent"
        agents = self.prep_heads([v], frozenset({"by"}), ANY) if agent is not None else []
        if passive and not agents:  # "backed with $9bn of equity by Silver Lake"
            agents = self.prep_heads(self.clause(v), frozenset({"by"}), ANY)
        if hyphened := self.hyphen_agents(v):  # "Microsoft-backed OpenAI"
            passive, agents = True, hyphened
            subjects = self.modified_entities(v)
        amount = self.amount_in(v) or self.deal_amount(v)
        if amount is None and v.dep_ in ("acl", "xcomp"):
            amount = self.amount_in(v.head)  # "an order worth $1bn to supply chips to X"
        args = _VerbArgs(v, lemma, subjects, agents, objs, passive, amount)
        yield from self._invest_verbs(args)
        yield from self._supply_verbs(args)
        if lemma in lex.constituents.holder_verbs:
            if passive and lemma in lex.constituents.member_verbs:
                pass  # "was added to the index": the member verb's rule reads it
            elif passive:  # "Tencent is included in the index"
                holders = self.prep_entities([v], frozenset({"in", "into"}), HOLDERS)
                holders += agents  # "is also held by the Hang Seng Internet ETF"
                yield from self._pairs("CONSTITUENT_OF", subjects,
                                       holders or self.context_holder(), v,
                                       "constituent.passive")
            else:
                members = [e for o in objs for e in self.phrase_entities(o, COMPANY)]
                members += self.prep_entities([v], frozenset({"of"}), COMPANY)
                yield from self._pairs("CONSTITUENT_OF", members,
                                       [s for s in subjects if self.is_holder(s)], v,
                                       "constituent.holder_verb")
        particle = lex.constituents.member_particles.get(lemma)
        if lemma in lex.constituents.member_verbs and (particle is None or any(
                c.dep_ == "prt" and c.lower_ == particle for c in v.children)):
            holders = [e for o in objs for e in self.head_entities(o, HOLDERS)]
            holders += self.prep_entities([v, *objs], lex.constituents.member_preps, HOLDERS)
            if lemma in lex.constituents.holder_verbs and not passive and objs and holders:
                # "Hang Seng Indexes will add Pop Mart to the index": the objects join (not
                # the backer in "Xiaomi-backed Horizon Robotics")
                backers = {m.entity_id for o in objs for t in o.subtree
                           if t.tag_ == "VBN" and t.i >= 2 and t.doc[t.i - 1].text == "-"
                           and (m := self.mention_at(t.doc[t.i - 2])) is not None}
                subjects = [e for o in objs for e in self.phrase_entities(o, COMPANY)
                            if e not in backers]
            if not holders:  # "SOXX: Broadcom now weighs 9.9%", "NIO was added last year"
                holders = self.holder_before(v) or (self.context_holder() if passive or
                                                    lemma in lex.constituents.weigh_verbs else [])
            yield from self._pairs("CONSTITUENT_OF", subjects, holders, v,
                                   "constituent.member_verb")
        if verb_forms(v) & lex.tracks.verbs:  # the lemmatizer gives "benchmarke"
            funds, indices = (agents, subjects) if passive else (
                subjects, [e for o in objs for e in self.phrase_entities(o, HOLDERS)])
            if passive and not agents:  # "the fund is benchmarked against the CSI 300"
                funds = subjects
                indices = self.prep_entities([v], lex.tracks.index_preps, HOLDERS)
            yield from self._pairs("TRACKS", funds, indices, v, "tracks.verb")
        # "previously ran", "chaired Oklo until 2025": a role held before
        past = any((c.dep_ == "advmod" and c.lower_ in lex.executives.past)
                   or (c.dep_ == "prep" and c.lower_ == "until") for c in v.children)
        if lemma in lex.executives.verbs and not passive and not past:
            companies = [e for o in objs for e in self.head_entities(o, COMPANY)]
            if companies and not subjects and subj is not None:  # "Jayshree Ullal, who has
                subjects = self.unnamed_person(antecedent(subj))  # led Arista", NER missed
            yield from self._pairs("EXECUTIVE_OF", subjects, companies, v, "executive.verb",
                                   role=lex.executives.verbs[lemma])
        if lemma in lex.executives.verbs and passive and not past:  # "Humain is chaired by
            yield from self._pairs(  # Mohammed bin Salman"
                "EXECUTIVE_OF", [e for e in agents if self.registry.type_of(e) == "Person"],
                [e for e in subjects if self.registry.type_of(e) in COMPANY], v,
                "executive.verb", role=lex.executives.verbs[lemma])
        led = next((c.lemma_.lower() for c in v.children if c.dep_ == "xcomp"
                    and c.lemma_.lower() in lex.executives.verbs), None)
        if led is not None and not passive:  # "Intel hired X to lead its data centre group"
            people = [e for o in objs for e in self.head_entities(o, frozenset({"Person"}))]
            yield from self._pairs("EXECUTIVE_OF", people,
                                   [s for s in subjects if self.registry.type_of(s) in COMPANY],
                                   v, "executive.hired_to", role=lex.executives.verbs[led])

    def _invest_verbs(self, a: _VerbArgs) -> Iterator[Candidate]:
        lex, v = self.lex.invests, a.verb
        investors = a.agents if a.passive else a.subjects
        if a.lemma in lex.verbs:
            preps = frozenset(lex.target_preps | ({"for"} if a.lemma in lex.allocate_verbs
                                                  else set()))
            targets = self.investees([v, *a.objs], preps, investors) or [
                sector for c in v.children if c.dep_ in ("xcomp", "advcl")  # "committed $16bn
                and c.lemma_.lower() in lex.purpose_verbs and any(  # to expand its plants"
                    t.tag_ == "TO" for t in c.children)
                for o in c.children if o.dep_ == "dobj" and (sector := self.sector(o))]
            each = self.respective_amounts(v, investors)  # "$5bn and $10bn respectively"
            for investor in investors:
                yield from self._pairs("INVESTS_IN", [investor], targets, v, "invest.verb",
                                       amount=each.get(investor, a.amount))
            if any(t.lemma_.lower() in lex.round_nouns for t in self.sent):  # "lead a round"
                self.registry.note_raise(targets)
            for gap in self.gapped_amounts(v, a.objs):  # "and Nvidia up to $10 billion"
                yield from self._pairs(
                    "INVESTS_IN", self.child_entities([gap], MODIFIERS, ANY) or investors,
                    self.investees([gap], preps) or targets, v, "invest.gapped",
                    amount=next(f for i, _, f in self.amounts if i == gap.i))
            yield from self._pairs("SUPPLIES", self.spent_on([v, *a.objs], lex.target_preps),
                                   investors, v, "supply.spend_on", amount=a.amount)
        if a.lemma in lex.object_verbs or a.lemma in lex.acquire_verbs:
            # "buy ABB's robotics division and Ampere Computing": each named object
            named = [e for o in map(antecedent, a.objs) for c in conjuncts(o)  # "ZT Systems,
                     if self.mention_at(c) is not None  # which AMD bought"
                     for e in self.head_entities(c, COMPANY)]
            if any(self.coordinated_goods(o) for o in a.objs):
                named = []  # "buys Nvidia and AMD accelerators": both name goods
            if a.lemma in lex.object_verbs:
                named = [e for o in a.objs for e in self.head_entities(o, COMPANY)]
            elif self.prep_objects([v, *a.objs], self.lex.supplies.source_preps):
                named = []  # "buy chips from AMD" is a purchase, not an acquisition
            equity = [o for o in (*a.objs, *self.of_objects(a.objs))
                      if o.lower_ in lex.equity_nouns or o.text == "%"]
            named += self.prep_heads(equity, frozenset({"of", "in"}), COMPANY) or \
                self.child_entities(equity, frozenset({"compound"}), COMPANY)  # "buy shares of
            # Horizon Robotics", "warrants to buy Marvell shares"
            sale = [] if named or not equity else [  # "bought shares in a $6.6 billion
                e for e in self.investees([v], frozenset({"in"}), investors)  # share sale": of
                if e in self.registry.raisers]  # whoever raises, whose sale the amount sizes
            named += sale
            subj, _ = self.subject_of(v)
            named_subject = subj is not None and self.mention_at(antecedent(subj)) is not None
            targets = (a.subjects if named_subject or a.lemma in lex.object_verbs else []) \
                if a.passive else named
            yield from self._pairs("INVESTS_IN", investors, targets, v, "invest.object_verb",
                                   amount=None if sale else a.amount)
        if a.lemma in lex.own_verbs and not a.passive:
            shares = [o for o in a.objs if o.text == "%" or o.lemma_.lower() in lex.nouns]
            owners = [e for e in a.subjects if not self.is_holder(e)]
            owned = self.prep_entities([v, *shares], frozenset({"of", "in"}), COMPANY)
            owned += [e for o in map(antecedent, a.objs)  # "controls X", "Arm, which
                      if self.mention_at(o) is not None  # SoftBank controls"
                      for e in self.head_entities(o, COMPANY)]
            yield from self._pairs("INVESTS_IN", owners, owned, v, "invest.own")
            # "controls SK Hynix through SK Inc.": the vehicle holds what is owned
            vehicles = [e for e in self.prep_heads([v], frozenset({"through", "via"}), COMPANY)
                        if e not in owned]
            yield from self._pairs("INVESTS_IN", vehicles, owned, v, "invest.own_through")
        if a.lemma in lex.own_verbs and a.passive:  # "DayOne, now owned partly by Coatue"
            owners = [e for e in a.agents if not self.is_holder(e)]  # a fund's are holdings
            yield from self._pairs("INVESTS_IN", owners, a.subjects, v, "invest.owned_by")
        raising = a.lemma in lex.receive_verbs or any(  # "closed a Series G, with X"
            o.lemma_.lower() in lex.round_nouns | lex.security_nouns or self._is_round(o)
            for o in a.objs)
        if raising and not a.passive:  # "..., with X and Y also participating"
            yield from self._pairs("INVESTS_IN", self.participants(v), a.subjects, v,
                                   "invest.participants")
        if a.lemma in lex.receive_verbs and not a.passive:
            givers = self.prep_heads([v, *a.objs], lex.investor_preps, ANY)
            givers += [e for p in self.prep_objects([v, *a.objs], frozenset({"in"}))
                       for e in self.led_by(p)]  # "raised $1bn in a round led by X"
            givers += [e for o in a.objs if o.tag_ == "CD"  # "raised 1.1 billion yuan led
                       for e in self.led_by(o)]  # by CATL"
            # "a $1.5 billion loan backed by its chips from a group led by JPMorgan": "from"
            # hung on the participle that describes the money
            givers += self.prep_heads([c for o in a.objs for c in o.children if c.dep_ == "acl"
                                       and c.tag_ == "VBN"], frozenset({"from"}), ANY)
            contract_nouns = self.lex.supplies.contract_nouns
            contracts = [o for o in a.objs if o.lemma_.lower() in contract_nouns] + [
                o for p in self.prep_objects(a.objs, frozenset({"of"})) for o in p.children
                if o.dep_ == "pobj" and o.lemma_.lower() in contract_nouns]  # "the bulk of"
            givers += self.child_entities(contracts, frozenset({"poss"}), COMPANY)
            givers += self.prep_heads(  # "won an order for servers from China Mobile"
                [o for p in self.prep_objects(contracts, frozenset({"for"}))
                 for o in p.children if o.dep_ == "pobj"], frozenset({"from"}), COMPANY)
            if contracts:  # "received an order from Microsoft", "won Nvidia's orders": the
                # receiver supplies
                yield from self._pairs("SUPPLIES", a.subjects, givers, v, "supply.contract",
                                       amount=a.amount)
            else:
                yield from self._pairs("INVESTS_IN", givers, a.subjects, v, "invest.receive",
                                       amount=a.amount)
                self.registry.note_raise(a.subjects)
        yield from self._joined_round(a)

    def _deal_partners(self, verb: Token) -> list[str]:
        """Who a deal is "with" when a verb says what the deal is for: "signed a contract with
        OpenAI to provide ...", "an agreement with Microsoft to supply ..."."""
        head = verb.head if verb.dep_ in ("advcl", "acl", "xcomp", "relcl") else None
        if head is None:
            return []
        deals = [t for t in (head, *self.objects(head))
                 if t.lemma_.lower() in self.lex.supplies.contract_nouns]
        return self.prep_heads(deals, frozenset({"with"}), COMPANY)

    def _relative_owners(self, relatives: list[Token]) -> list[str]:
        """Who has the product a relative pronoun stands for: the subject of the verb whose
        object it is ("Moore Threads designs GPUs that are fabricated by SMIC", "OpenAI is
        co-developing a chip that TSMC will manufacture")."""
        owners: list[str] = []
        for r in relatives:
            product = antecedent(r)
            if product is r or product.dep_ not in ("dobj", "pobj") or not self.is_product(
                    product):
                continue
            subj = self.governing_subject(product)
            owners += self.head_entities(subj, COMPANY) if subj is not None else []
        return owners

    def _is_round(self, t: Token) -> bool:
        """A financing round: "the round", "its placement", "a Series C"."""
        return t.lemma_.lower() in self.lex.invests.round_nouns or (
            len(t.text.rstrip(".")) <= 2 and any(  # "Series C", not "M-series chips"
                c.dep_ == "compound" and c.text == "Series" for c in t.children))

    def _joined_round(self, a: _VerbArgs) -> Iterator[Candidate]:
        """"Nvidia also participated", "X and Y took part in the round", "the round was led
        by Hillhouse": joining or leading a raise told in the same sentence, or one the
        article told before when the round is definite ("the round"), or the round "in" a
        company, makes an investor in whoever raised."""
        lex, v = self.lex.invests, a.verb
        leading = a.lemma in lex.lead_verbs
        joining = leading or a.lemma in lex.participate_verbs or (
            a.lemma == "take" and any(o.lower_ == "part" for o in a.objs))
        subj, _ = self.subject_of(v)
        if a.passive and leading and subj is not None:  # "the round was led by Hillhouse,
            investors, rounds = a.agents + self.participants(v), [subj]  # with participation
            # from Tiger Global"
        elif joining and not a.passive:
            investors = a.subjects
            rounds = [o for o in a.objs if self._is_round(o)]
            rounds += [o for p in self.prep_objects([v], frozenset({"in"})) for o in p.children
                       if o.dep_ == "pobj" and self._is_round(o)]
        else:
            return
        rounds = [r for r in rounds if self._is_round(r)]
        if not investors or (leading and not rounds):
            return
        if not rounds and any(o.lower_ != "part" and o.tag_ != "CD" for o in a.objs):
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
            raisers = self.registry.raisers[-1:]  # "the round", or "X also took part"
        # "led a round in Unitree", "took part in its Series C": the round names who raises it
        named = [e for r in rounds for e in self.prep_entities(  # "an equity raise by X"
            [r], frozenset({"in", "for", *({"by"} if r.lemma_.lower() in lex.raiser_nouns
                                            else ())}), COMPANY)] or \
            self.child_entities(rounds, frozenset({"poss"}), COMPANY)
        self.registry.note_raise(named)  # "SoftBank led OpenAI's round": OpenAI raises
        raisers = named or raisers
        # "$5bn and $10bn respectively"; "SoftBank will invest up to $30 billion of the
        # total": one investor's own amount; "SoftBank led OpenAI's $40 billion round": the
        # round's, as for every round its leaders are named with
        each = self.respective_amounts(v, investors)
        own = a.amount if leading or (len(investors) == 1 and a.lemma in lex.verbs) else None
        for investor in (s for s in investors if s not in raisers):
            yield from self._pairs("INVESTS_IN", [investor], raisers, v, "invest.join_round",
                                   amount=each.get(investor, own))

    def _supply_verbs(self, a: _VerbArgs) -> Iterator[Candidate]:
        lex, v = self.lex.supplies, a.verb
        to_customer = self.prep_objects([v, *a.objs], lex.customer_preps)
        products = [o for o in a.objs if self.is_product(o)]
        products += [o for p in self.prep_objects(products, frozenset({"of"}))  # "most of its
                     for o in p.children if o.dep_ == "pobj"]  # wafers"
        invests = self.lex.invests
        disposed = any(o.lemma_.lower() in invests.nouns or self.business_part(o)
                       for o in a.objs) and a.lemma in invests.disposal_verbs
        # "sold $1 billion of convertible notes to investors including X": its own
        # securities, so the buyers invest in the seller
        # "AMD issued OpenAI a warrant for up to 160 million AMD shares": its own
        securities = [o for o in (*a.objs, *self.of_objects([v, *a.objs]))
                      if o.lemma_.lower() in invests.issued_nouns and not any(
                          (m := self.mention_at(t)) is not None and m.entity_id not in a.subjects
                          for t in o.subtree)]
        if securities and a.lemma in invests.disposal_verbs | invests.issuing_verbs \
                and not a.passive:
            disposed = True
            holders = self.prep_heads([v, *a.objs, *securities], frozenset({"to"}), ANY) + [
                e for c in v.children if c.dep_ == "dative" for e in self.head_entities(c, ANY)]
            yield from self._pairs("INVESTS_IN", holders, a.subjects, v,
                                   "invest.securities_sold", amount=a.amount)
        subj, _ = self.subject_of(v)
        # "make up over half of the fund": a particle makes another verb
        phrasal = any(c.dep_ == "prt" and c.lower_ in ("up", "off") for c in v.children)
        if a.lemma in lex.verbs and not disposed and not phrasal:
            suppliers = a.agents if a.passive else a.subjects
            if a.passive and not a.agents and subj is not None and self.is_product(subj):
                suppliers = self.makers_of([subj])  # "Eoptolink's modules are sold to Amazon"
            # "supply 260,000 GPUs to Korea, including 50,000 each to Samsung and SK": the
            # shares of what is supplied name their own recipients
            shares = [c for p in self.prep_objects([v], frozenset({"including"}))
                      for o in p.children if o.dep_ == "pobj" for c in conjuncts(o)]
            recipients = self.prep_heads([v, *a.objs, *shares], frozenset({"to"}), COMPANY)
            # "supply DRAM to Xiaomi": with a recipient written, the object is what is supplied
            customers = [] if recipients else [
                e for o in a.objs for e in self.head_entities(o, COMPANY)
                if self.mention_at(o) is not None]
            customers += recipients or \
                self.prep_heads([v, *a.objs], lex.customer_preps, COMPANY)
            # "produces Apple's processors": the product's owner is the customer
            customers += self.possessors_of(products)
            if not customers:  # "X is developing a chip that TSMC will manufacture": who has
                customers = self._relative_owners(a.objs)  # the product
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
            yield from self._pairs("SUPPLIES", suppliers, customers, v, "supply.verb",
                                   amount=a.amount)
        equity = any(o.lower_ in invests.equity_nouns or self.business_part(o)  # "bought Boyd's
                     for o in (*a.objs, *self.of_objects(a.objs)))  # cooling business", "to buy
        # up to $2bn of Marvell shares"
        if a.lemma in lex.outsource_verbs and not a.passive:  # "outsources assembly to Quanta"
            yield from self._pairs("SUPPLIES", self.prep_heads([v, *a.objs], frozenset({"to"}),
                                                               COMPANY),
                                   a.subjects, v, "supply.outsource", amount=a.amount)
        # "rents clusters from CoreWeave for its research": a verb of either direction is
        # the customer's when a source is written
        sources = self.prep_heads(self.clause(v), lex.source_preps, COMPANY)
        if a.lemma in lex.reverse_verbs and not (a.lemma in lex.verbs and to_customer
                                                 and not sources) \
                and not equity:  # "bought shares of Horizon Robotics" is an investment
            products = products or self.quantified(v)  # "bought over half of its servers"
            customers = a.subjects
            if a.passive:  # "chips from T-Head are used by China Unicom"
                customers = a.agents or self.makers_of(  # "used in Sugon servers"
                    [o for p in self.prep_objects([v], frozenset({"in"})) for o in p.children
                     if o.dep_ == "pobj"])
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
            goods = [c for o in a.objs for c in self.coordinated_goods(o)]
            if not sources and goods:  # "buys Nvidia and AMD accelerators": each name
                products += goods  # coordinated with goods makes them
                sources = [e for o in a.objs for c in conjuncts(o) if self.mention_at(c)
                           for e in self.head_entities(c, COMPANY)]
            if not sources:  # "deploy AMD chips", "Samsung-made chips": the maker modifies
                sources = self.makers_of(products)
            elif goods:
                sources += [e for e in self.makers_of(goods) if e not in sources]
            # "will deploy 200,000 GPUs for Microsoft under contracts worth $24bn": done on
            # Microsoft's behalf, whose contracts the amount is
            served = [] if a.passive else self.prep_heads([v, *a.objs], frozenset({"for"}),
                                                          COMPANY)
            yield from self._pairs("SUPPLIES", sources, customers, v, "supply.reverse_verb",
                                   amount=None if served else a.amount)
            yield from self._pairs("SUPPLIES", customers, served, v, "supply.on_behalf",
                                   amount=a.amount)
        if a.lemma in lex.origin_verbs and subj is not None and self.is_product(subj):
            yield from self._pairs(
                "SUPPLIES", self.prep_heads([v], lex.source_preps, COMPANY),
                self.child_entities([subj], frozenset({"poss"}), COMPANY), v, "supply.origin")
        # "picked MediaTek to supply chips", "tapped Broadcom for custom chips"
        to_supply = any(c.lemma_.lower() in lex.verbs and (c.dep_ == "xcomp" or (
            c.dep_ == "advcl" and any(a.lower_ == "to" for a in c.children)))  # "was picked
                        for c in v.children)  # by Apple to make image sensors"
        # "awarded Range Intelligent a contract to supply AI servers": the deal says so
        to_supply = to_supply or any(
            o.lemma_.lower() in lex.contract_nouns and any(
                c.dep_ in ("acl", "relcl") and c.lemma_.lower() in lex.verbs for c in o.children)
            for o in a.objs)
        clause = self.clause(v) if a.lemma in lex.chooser_verbs else []
        if clause and (to_supply or self.prep_objects(clause, lex.chooser_preps)):
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
        if revenue:  # "Cambricon derives most of its revenue from ByteDance"
            yield from self._pairs("SUPPLIES", a.subjects,
                                   self.prep_heads([v, *a.objs, *revenue], frozenset({"from"}),
                                                   COMPANY), v, "supply.revenue_from")
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
            yield from self._pairs("INVESTS_IN", a.subjects, self.prep_heads(
                bought, frozenset({"of", "in"}), COMPANY), v, "invest.paid_for",
                amount=a.amount)
        if a.lemma in lex.equip_verbs and not a.passive:
            # "fills them with Nvidia racks" (not "with Blue Owl"), "builds the servers around
            # Nvidia's Blackwell GPUs"
            tools = [o for p in self.prep_objects([v, *a.objs], frozenset({"with", "around"}))
                     for o in p.children if o.dep_ == "pobj" and self.is_product(o)]
            yield from self._pairs("SUPPLIES", self.makers_of(tools), a.subjects, v,
                                   "supply.equip")
        if a.lemma in lex.reliance_verbs and not a.agents:  # "models are trained on X"
            on = self.prep_objects([v, *a.objs], frozenset({"on", "upon"}))
            products = [o for p in on for o in p.children if o.dep_ == "pobj"
                        and self.is_product(o)]
            # "relies on its own M-series chips, made by TSMC": who makes what it relies on
            suppliers = self.makers_of(products, exclude=a.subjects) or [
                e for p in on for e in self.phrase_entities(p, COMPANY) if e not in a.subjects]
            subj, _ = self.subject_of(v)  # "whose Claude models run on Amazon's chips": the
            users = self.child_entities([subj], frozenset({"poss"}), COMPANY) if (  # owner
                subj is not None and self.is_product(antecedent(subj))) else a.subjects
            yield from self._pairs("SUPPLIES", suppliers, users, v, "supply.reliance")

    def noun_rules(self, n: Token, lemma: str) -> Iterator[Candidate]:
        lex = self.lex
        named = self.mention_at(n)
        if named is not None and named.named and self.registry.type_of(named.entity_id) in COMPANY:
            # "Elon Musk's xAI": a person who owns a company's name runs it
            yield from self._pairs("EXECUTIVE_OF", self.child_entities(
                [n], frozenset({"poss"}), frozenset({"Person"})), [named.entity_id], n,
                "executive.possessor")
            # "BlackRock's Global Infrastructure Partners": a company possessing a company
            # owns it, when the possessed is surely a company and not a product ("Nvidia's
            # Blackwell"): known, or named like one
            draft = self.registry.drafts[named.entity_id]
            if draft.known or infer_type(draft.name) == "Company":
                yield from self._pairs("INVESTS_IN", self.child_entities(
                    [n], frozenset({"poss"}), COMPANY), [named.entity_id], n,
                    "invest.possessor")
        if named is not None and named.named and self.registry.type_of(named.entity_id) == \
                "Person" and not self._goods_read_as_person(n):
            # "OpenAI's Sam Altman": a company's person works for it
            yield from self._pairs("EXECUTIVE_OF", [named.entity_id], self.child_entities(
                [n], frozenset({"poss"}), COMPANY), n, "executive.possessed")
        if n.ent_type_ in NAME_TYPES:
            return  # a word of a name is no trigger: "Alibaba Group Holding", "Tencent Investment"
        sold = n.dep_ == "dobj" and n.head.lemma_.lower() in lex.invests.disposal_verbs
        if lemma in lex.invests.nouns and sold:  # "sold a stake in Altera to Silver Lake"
            buyers = self.prep_heads([n.head, n], frozenset({"to"}), ANY) or [
                e for p in self.prep_objects([n.head], frozenset({"to"}))
                for e in self.led_by(p)]  # "to a group led by SoftBank"
            seller, _ = self.subject_of(n.head)  # "sold a stake in its unit": not in itself
            sellers = self.head_entities(seller, COMPANY) if seller is not None else []
            targets = self.investees([n], lex.invests.target_preps - {"to"}, buyers + sellers)
            if not self.prep_objects([n], lex.invests.target_preps - {"to"}) \
                    and not any(c.dep_ == "poss" for c in n.children):
                targets = sellers  # "Crusoe sold a minority stake to Mubadala": in itself
            yield from self._pairs("INVESTS_IN", buyers, targets, n,
                                   "invest.stake_sale", amount=self.noun_amount(n))
        elif lemma in lex.invests.nouns:
            heads = [n, n.head] if n.dep_ == "compound" else [n]
            if n.dep_ == "dobj" and n.head.pos_ == "VERB":  # "plans capex of X on servers"
                heads.append(n.head)
            investors = self.child_entities([n], MODIFIERS)
            investors += self.prep_entities(heads, lex.invests.investor_preps, ANY)
            rule = "invest.noun"
            if not investors:
                subj = self.governing_subject(n)
                investors = self.head_entities(subj, ANY) if subj is not None else []
                rule = "invest.noun.subject"
            if lemma in lex.constituents.nouns:  # a fund's "holding" is a constituent
                investors = [e for e in investors if not self.is_holder(e)]
            targets = self.investees(heads, lex.invests.target_preps | {"for"})
            yield from self._pairs("INVESTS_IN", investors, targets, n, rule,
                                   amount=self.noun_amount(n))
        # "its purchase of chip designer Ampere Computing": buying a company, not its goods
        companies_bought = [e for p in self.prep_objects([n], frozenset({"of"}))
                            for o in p.children if o.dep_ == "pobj"
                            and self.mention_at(o) is not None
                            for e in self.head_entities(o, COMPANY)] \
            if lemma in lex.invests.acquire_verbs else []
        if lemma in lex.invests.acquisition_nouns or companies_bought:
            buyers = self.child_entities([n], frozenset({"poss"}), COMPANY)
            if not buyers and (subj := self.governing_subject(n)) is not None:
                buyers = self.head_entities(subj, COMPANY)  # "AMD completed the acquisition"
            yield from self._pairs("INVESTS_IN", buyers, companies_bought or
                                   self.prep_entities([n], frozenset({"of"}), COMPANY), n,
                                   "invest.acquisition", amount=self.noun_amount(n))
        if lemma in lex.supplies.nouns:
            suppliers = self.described_by(n)
            # "Apple's suppliers for its PCC servers": the possessor is the customer
            customers = self.child_entities([n], frozenset({"poss"})) or \
                self.product_owners(self.prep_objects([n], frozenset({"to", "for", "of"}))) or \
                self.prep_entities([n], frozenset({"to", "for", "of"}), COMPANY)
            titled, other = self.role_before_name(n)  # "Apple supplier Foxconn"
            suppliers, customers = suppliers or titled, customers + other
            yield from self._pairs("SUPPLIES", suppliers, customers, n, "supply.noun")
        if lemma in lex.invests.investor_nouns and not self._ended(n):
            investors = self.described_by(n, ANY)
            # "shareholder of SMIC's joint venture" is not SMIC's
            investees = [e for prep in self.prep_objects([n], frozenset({"in", "of"}))
                         for p in conjuncts(prep) for o in p.children
                         if o.dep_ == "pobj" and self.mention_at(o)
                         for e in self.head_entities(o, COMPANY)]
            investees += self.child_entities([n], frozenset({"poss"}), COMPANY)
            # "Google, also an Anthropic investor": the name that modifies the noun
            investees += [e for e in self.child_entities([n], frozenset({"compound", "amod"}),
                                                         COMPANY) if e not in investors]
            if n.dep_ == "attr":  # "Enflame, in which Tencent is the largest shareholder"
                investees += [e for p in self.prep_objects([n.head], frozenset({"in", "of"}))
                              for o in p.children if o.dep_ == "pobj" and o.tag_ in RELATIVE
                              for e in self.head_entities(o, COMPANY) or  # the name before
                              self._typed([m for m in [self.mention_at(self.sent.doc[p.i - 2])]
                                           if m is not None and self.sent.doc[p.i - 1].text
                                           == ","], COMPANY)]  # the comma, however the
                # parser hung the clause
            predicate = n.dep_ == "attr" or (
                n.dep_ == "nsubj" and n.head.lemma_.lower() in self.lex.list_verbs)
            if not investees and predicate and not any(
                    c.dep_ in ("poss", "prep", "appos") for c in n.children):
                # "cornerstone investors include X", "X remains a large shareholder": of the
                # company the article says is raising money, else of the one it is about
                salient = self.registry.salient(COMPANY)
                investees = self.registry.raisers[-1:] or (
                    [salient] if salient and salient not in investors else [])
            yield from self._pairs("INVESTS_IN", investors, investees, n, "invest.investor_noun",
                                   amount=self.amount_in(n))  # "its backer with $8bn invested"
        # "Solar Turbines, a Caterpillar company": a company named after another is its
        indefinite = any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in n.children)
        owned_company = n.dep_ == "appos" and lemma in ("company", "firm") and indefinite
        if lemma in lex.invests.owned_nouns or owned_company:  # "Kunlunxin, Baidu's chip
            owners = self.child_entities([n], frozenset({"poss"}), COMPANY)  # subsidiary"
            owners += self.prep_heads([n], frozenset({"of"}), COMPANY)
            # "a Wistron subsidiary" (but in "its Kunlunxin unit" the name is the unit's)
            owners += self.child_entities([n], frozenset({"compound"}), COMPANY) \
                if indefinite else []
            yield from self._pairs("INVESTS_IN", owners, self.described_by(n), n,
                                   "invest.subsidiary")
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
            joined = n.dep_ == "dobj" and n.head.lemma_.lower() in (
                lex.invests.lead_verbs | lex.invests.participate_verbs)
            if joined:  # "Nvidia led the financing": whoever raised it, not the leader
                investees = self.registry.raisers[-1:]
            elif n.dep_ == "dobj":  # "Anthropic closed a Series F": it raised the round
                self.registry.note_raise(investees)
            yield from self._pairs("INVESTS_IN", investors, investees, n, "invest.round",
                                   amount=self.noun_amount(n))
        if lemma in lex.supplies.customer_nouns:
            yield from self._customer_noun(n)
        if lemma in lex.supplies.contract_nouns and n.dep_ == "dobj":
            yield from self._deal_for(n)
        if lemma in lex.supplies.contract_nouns:
            yield from self._supply_deal(n)
        earned = n.lower_ in lex.supplies.earning_nouns
        if n.lower_ in lex.supplies.shipment_nouns or earned:
            # "its TC bonder sales to Micron doubled": the seller's sales to a customer;
            # "Quanta said Nvidia GB300 rack shipments to Microsoft would double": with no
            # seller written, whom the sentence is about (not the maker naming the goods);
            # "its royalties from Apple and Qualcomm rose": earned from customers
            buyers = self.prep_heads([n], frozenset({"to", "from"} if earned else {"to"}),
                                     COMPANY)
            sellers = self.child_entities([n], frozenset({"poss"}), COMPANY)
            if buyers and not sellers:
                sellers = self.sentence_company(n, exclude=buyers + self.makers_of([n]))
            yield from self._pairs("SUPPLIES", sellers, buyers, n, "supply.sales_to")
        if lemma in lex.tracks.nouns:  # "the ETF's benchmark is the CSI 300 Index"
            funds = self.child_entities([n], frozenset({"poss"}), frozenset({"Fund"}))
            indices = self.described_by(n, HOLDERS)
            if not funds and n.dep_ == "dobj":  # "SOXX uses a different benchmark, the NYSE
                subj, _ = self.subject_of(n.head)  # Semiconductor Index"
                funds = self.head_entities(subj, frozenset({"Fund"})) if subj is not None else []
                indices = indices or [e for c in n.children if c.dep_ == "appos"
                                      for e in self.head_entities(c, frozenset({"Index"}))]
            if n.dep_ == "dobj" and not indices:  # "switched its benchmark to the Solactive
                indices = self.prep_heads([n.head], frozenset({"to"}),  # China Semiconductor
                                          frozenset({"Index"}))  # Index"
            yield from self._pairs("TRACKS", funds, indices, n, "tracks.noun")
        if lemma in lex.supplies.order_nouns and not companies_bought and not (
                n.head.pos_ == "VERB" and n.head.lemma_.lower() in lex.invests.receive_verbs):
            buyers = self.child_entities([n], frozenset({"poss"}), COMPANY)
            if not buyers:
                subj = self.governing_subject(n)
                buyers = self.head_entities(subj, COMPANY) if subj is not None else []
            sellers = self.prep_entities([n, *([n.head] if n.head.pos_ == "VERB" else [])],
                                         lex.supplies.order_preps, COMPANY)
            sellers += self.makers_of([o for p in self.prep_objects([n], frozenset({"of"}))
                                       for o in p.children if o.dep_ == "pobj"])
            placed = self.prep_heads([n], frozenset({"from"}), COMPANY) \
                if lemma == "order" else []
            if placed:  # "Inspur's profit doubled on orders from ByteDance": who orders
                sellers = [e for e in self.sentence_company(n, exclude=placed)]
                buyers = placed
            elif not sellers and buyers and lemma == "order" and n.head.dep_ in (
                    "advcl", "ccomp", "acl", "pcomp"):
                # "Shares of Accelink jumped after Microsoft and Amazon increased their
                # orders": a buyer's orders told as the reason or report are the sentence's
                # company's
                sellers = self.sentence_company(n, exclude=buyers + self.makers_of([n]))
            yield from self._pairs("SUPPLIES", sellers, buyers, n, "supply.order",
                                   amount=self.amount_in(n))
        if n.text == "%" and n.dep_ in ("attr", "dobj", "pobj"):
            yield from self._share_of(n)
            yield from self._revenue_share(n)
        if lemma in lex.constituents.nouns or any(
            c.dep_ in ("compound", "amod") and c.lemma_.lower() in lex.constituents.nouns
            for c in n.children
        ):
            yield from self._constituent_noun(n)

    def _supply_deal(self, n: Token) -> Iterator[Candidate]:
        """A deal named for what it trades, "with" a partner: in "Talen expanded its power
        supply agreement with Amazon" the party supplies the partner, in "Meta signed a power
        purchase agreement with Constellation" the partner supplies the party."""
        lex = self.lex.supplies
        kinds = {c.lemma_.lower() for c in n.children if c.dep_ == "compound"}
        selling, buying = kinds & (lex.verbs - lex.reverse_verbs), kinds & (
            lex.reverse_verbs - lex.verbs)
        partners = self.prep_heads([n, *([n.head] if n.dep_ == "dobj" else [])],
                                   frozenset({"with"}), COMPANY)  # "signed a deal with X"
        if not partners or bool(selling) == bool(buying):
            return
        parties = self.child_entities([n], frozenset({"poss"}), COMPANY)
        if not parties:
            subj = self.governing_subject(n)
            parties = self.head_entities(subj, COMPANY) if subj is not None else []
        parties = [e for e in parties if e not in partners]
        suppliers, customers = (parties, partners) if selling else (partners, parties)
        yield from self._pairs("SUPPLIES", suppliers, customers, n, "supply.deal_kind",
                               amount=self.noun_amount(n))

    def _deal_for(self, n: Token) -> Iterator[Candidate]:
        """"Microsoft signed a $9.7 billion deal with IREN for GPU capacity", "capacity
        contracts with Nebius": a deal with a partner for goods (not for a company, nor one
        that says who provides) buys them from the partner."""
        verb = n.head
        if any(c.dep_ in ("xcomp", "advcl", "relcl", "acl") for c in (*verb.children,
                                                                      *n.children)):
            return  # "... to provide computing power": the deal says who supplies
        partners = [c for p in self.prep_objects([n, verb], frozenset({"with"}))
                    for c in p.children if c.dep_ == "pobj"]
        goods = [c for p in self.prep_objects([n, verb, *partners], frozenset({"for"}))
                 for c in p.children if c.dep_ == "pobj" and self.is_product(c)
                 and c.tag_ != "CD" and c.ent_type_ not in ("DATE", "TIME", "MONEY")]
        goods += [c for c in n.children if c.dep_ == "compound"  # "capacity contracts with"
                  and c.lemma_.lower() in self.lex.supplies.goods_nouns]
        if not goods:
            return
        subj, passive = self.subject_of(verb)
        buyers = self.head_entities(subj, COMPANY) if subj is not None and not passive else []
        yield from self._pairs("SUPPLIES", self.prep_heads([n, verb], frozenset({"with"}),
                                                           COMPANY),
                               buyers, n, "supply.deal_for", amount=self.noun_amount(n))

    def _customer_noun(self, n: Token) -> Iterator[Candidate]:
        """"Xiaomi remains its biggest customer": the owner of "customer" supplies; "X said
        Humain would be the first customer": with no owner written, the company speaking."""
        customers = self.described_by(n) or self.prep_heads(  # "customers such as X"
            [n], frozenset({"as", "including", "like"}), COMPANY)
        suppliers = self.child_entities([n], frozenset({"poss"}), COMPANY)
        of = self.prep_objects([n], frozenset({"of"}))  # "customers of its design services"
        suppliers += self.product_owners(of) or self.prep_entities([n], frozenset({"of"}),
                                                                   COMPANY)
        if not suppliers and customers and any(p.lower_ == "as" for p in n.children):
            subj = self.governing_subject(n)  # "to focus on customers such as Microsoft"
            suppliers = self.head_entities(subj, COMPANY) if subj is not None else []
        if not suppliers and n.dep_ == "pobj" and n.head.lower_ in ("as", "among"):
            subj, _ = self.subject_of(n.head.head)  # "Lenovo's unit counts X as a customer"
            suppliers = [e for e in self.head_entities(subj, COMPANY) if e not in customers] \
                if subj is not None else []  # not "X, Y and Z are among the buyers"
        if not suppliers and customers and n.dep_ == "pobj" and n.head.lower_ == "among" \
                and n.head.head.lemma_ in COPULAS:  # "GE Vernova's turbines are sold out;
            suppliers = self.sentence_company(n, exclude=customers)  # X and Y are among the
            # buyers": whom the sentence is about
        if not suppliers and n.dep_ == "attr" and customers:  # not "the largest XPU customer"
            salient = self.registry.salient(COMPANY)  # "G42 remains a major customer": of the
            suppliers = self.sentence_company(n, exclude=customers + self.child_entities(
                [n], frozenset({"compound"}), COMPANY)) or (  # company the article is about
                [salient] if salient and salient not in customers else [])
        titled, other = self.role_before_name(n)  # "Nvidia customer Microsoft"
        customers, suppliers = customers or titled, suppliers + other
        yield from self._pairs("SUPPLIES", suppliers, customers, n, "supply.customer_noun")

    def _goods_read_as_person(self, n: Token) -> bool:
        """A product NER read as a person's name: "use Nvidia's Grace Blackwell and Vera
        Rubin systems" is bought or coordinated with goods."""
        lex = self.lex.supplies
        return (n.dep_ == "dobj" and n.head.lemma_.lower() in lex.verbs | lex.reverse_verbs) \
            or bool(self.coordinated_goods(n))

    def _constituent_noun(self, n: Token) -> Iterator[Candidate]:
        if self.prep_heads([n], frozenset({"in"}), COMPANY) and not self.prep_heads(
                [n], frozenset({"in"}), HOLDERS):
            return  # "its holdings in Huali Micro": an investment in a company, no member
        verb = n.head if n.head.pos_ in ("VERB", "AUX") else None
        holders = self.child_entities([n], frozenset({"poss"}), HOLDERS)
        subj = self.governing_subject(n)
        if holders and any(c.dep_ == "poss" and c.lower_ == "its" for c in n.children) and not (
                subj is not None and subj != n
                and set(holders) & set(self.head_entities(subj, HOLDERS))):
            # "The fund tracks the CSI ... Index; its top three weights are ...": the members
            # of a fund's tracked index named right here are the index's (but "the ETF, which
            # tracks X, counts Xiaomi among its holdings" are the fund's own)
            holders = [i for h in holders for i in self._tracked_here(h) or [h]]
        if holders and n.lemma_.lower() in self.lex.constituents.fund_nouns:
            # "the ETF, which follows the TECH Index; its largest positions": what a fund
            # has, when "its" took the index it tracks
            holders = [next((f for f, i, _ in self._tracking_here() if i == h), h)
                       for h in holders]
        holders += self.prep_entities([n, *([verb] if verb else [])], frozenset({"of", "in"}),
                                      HOLDERS)
        if not holders:  # the nearest fund or index named before it in the sentence
            holders = self.holder_before(n)
        # "the fund's weighting" is owned; "Pop Mart's weighting" is a member's
        member_owner = bool(self.child_entities([n], frozenset({"poss"}), COMPANY))
        owned = any((c.dep_ == "poss" and not member_owner)
                    or (c.dep_ == "prep" and c.lower_ == "of" and not any(
                        o.like_num or o.text == "%" for o in c.children)) for c in n.children)
        if not holders and not owned and n.lemma_.lower() in self.lex.constituents.context_nouns:
            holders = self.context_holder(  # only when no other owner is written
                frozenset({"Fund"}) if n.lemma_.lower() in self.lex.constituents.fund_nouns
                else HOLDERS)
        members = [e for e in self.phrase_entities(n, COMPANY) if e not in holders]
        if not members and n.i + 1 < self.sent.end:  # "its constituents A, B and C rose"
            members = [e for e in self.listed_after(n.i + 1) if e not in holders]
        if n.dep_ == "attr":
            members += self.described_by(n)
        elif verb is not None and n.dep_ == "dobj":  # "Meituan has a weight of 7.4%"
            subj, _ = self.subject_of(verb)
            members += self.head_entities(subj, COMPANY) if subj is not None else []
            members += [e for c in verb.children if c.dep_ == "dative"  # "the index gives
                        for e in self.head_entities(c, COMPANY)]  # Tencent a weight of 8.5%"
        elif n.dep_ == "appos":  # "Meituan, the index's fourth-largest member"
            members += self.head_entities(n.head, COMPANY)
        elif verb is not None and n.dep_ == "nsubj":  # "its top holdings are SMIC, ..."
            members += [e for c in verb.children if c.dep_ == "attr"
                        for e in self.head_entities(c, COMPANY)]
        elif n.dep_ == "pobj" and n.head.lower_ == "with" and n.head.head.pos_ in ("VERB", "AUX"):
            subj, _ = self.subject_of(n.head.head)  # "X, Y and Z remain ..., with weights of"
            members += self.head_entities(subj, COMPANY) if subj is not None else []
        elif n.dep_ == "pobj" and n.head.lower_ in ("as", "among"):
            # "counts Nvidia as its largest component", "among its holdings"
            owner = n.head.head
            verb = owner
            while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
                verb = verb.head
            subj, _ = self.subject_of(verb) if n.head.lower_ == "among" else (None, False)
            with_ = [e for p in self.prep_objects([owner], frozenset({"with"}))
                     if p.i < n.head.i for o in p.children if o.dep_ == "pobj"
                     for e in self.head_entities(o, COMPANY)] if n.head.lower_ == "as" else []
            members += with_ or [e for c in owner.children if c.dep_ == "dobj"  # "with Hanmi
                                 for e in self.head_entities(c, COMPANY)] or (  # as the
                # third-largest position"; "Naura and AMEC are among its constituents"
                self.head_entities(subj, COMPANY) if subj is not None else []) or [
                e for e in self.listed_after(verb.i + 1)  # the parser lost the object
                if e not in holders]
        # the noun's own percentage: "a weight of 8.5%", "the third-largest position at 9.3%"
        weights = [w for p in self.prep_objects([n], frozenset({"at", "of"}))
                   for o in p.children if o.dep_ == "pobj" and (w := percent_value(o)) is not None]
        yield from self._pairs("CONSTITUENT_OF", members, holders, n, "constituent.noun",
                               weight_pct=weights[0] if len(weights) == 1 and len(
                                   set(members)) == 1 else None)

    def _tracked_here(self, fund: str) -> list[str]:
        """The indices this sentence says `fund` tracks (not in a relative clause: in "the
        ETF, which follows the TECH Index; its top weights ..." the fund is the topic)."""
        return [i for f, i, relative in self._tracking_here() if f == fund and not relative]

    def _tracking_here(self) -> list[tuple[str, str, bool]]:
        """(fund, index, told in a relative clause) for each tracking this sentence states."""
        out: list[tuple[str, str, bool]] = []
        for tok in self.sent:
            if tok.pos_ == "VERB" and verb_forms(tok) & self.lex.tracks.verbs:
                subj, passive = self.subject_of(tok)
                if passive or subj is None:
                    continue
                out += [(f, i, tok.dep_ == "relcl")
                        for f in self.head_entities(subj, frozenset({"Fund"}))
                        for o in self.objects(tok)
                        for i in self.head_entities(o, frozenset({"Index"}))]
        return out

    def _share_of(self, pct: Token) -> Iterator[Candidate]:
        """"Tencent is 10.5% of the fund": a member's share of a holder, with no other noun."""
        holders = self.prep_entities([pct], frozenset({"of"}), HOLDERS)
        subj, _ = self.subject_of(pct.head)
        members = self.head_entities(subj, COMPANY) if subj is not None else []
        yield from self._pairs("CONSTITUENT_OF", members, holders, pct, "constituent.share_of")

    def _revenue_share(self, pct: Token) -> Iterator[Candidate]:
        """"Microsoft and Meta each accounted for more than 10% of sales": a share of a
        company's revenue makes the subject that company's customer."""
        revenue = [o for p in pct.children if p.dep_ == "prep" and p.lower_ == "of"
                   for o in p.children if o.lemma_.lower() in self.lex.supplies.revenue_nouns]
        if not revenue:
            return
        verb = pct.head.head if pct.dep_ == "pobj" else pct.head
        subj, _ = self.subject_of(verb)
        customers = self.head_entities(subj, COMPANY) if subj is not None else []
        if verb.dep_ == "acl":  # "X is its largest tenant, accounting for 60% of revenue"
            customers = self.described_by(verb.head) or customers
        if subj is not None and subj.lower_ in FLOATING and not customers:
            customers = self.listed_before(subj.i)
        if not customers:
            customers = self.listed_before(verb.i)
        suppliers = self.child_entities(revenue, frozenset({"poss"}), COMPANY)
        suppliers = suppliers or self.sentence_company(pct, exclude=customers)
        if not suppliers:
            latest = self.registry.latest(COMPANY)
            suppliers = [latest] if latest and latest not in customers else []
        yield from self._pairs("SUPPLIES", suppliers, customers, pct, "supply.revenue_share")

    def title_rules(self) -> Iterator[Candidate]:
        roles = self.lex.executives.title_roles()
        words = [t.lower_ for t in self.sent]
        longest = max(len(k) for k in roles)
        i = 0
        while i < len(words):
            for size in range(longest, 0, -1):
                role = roles.get(tuple(words[i:i + size]))
                if role:
                    yield from self._title(list(self.sent[i:i + size]), role)
                    i += size - 1
                    break
            i += 1

    def _ended(self, n: Token) -> bool:
        """Whether a role noun is said to be over: "its former owner", "whose main
        shareholders had been Oracle and Carlyle" (a past perfect copula)."""
        verb = n.head if n.dep_ in ("nsubj", "attr") else n
        return any(c.lower_ in self.lex.executives.past for c in n.children) or (
            verb.lemma_ == "be" and verb.tag_ == "VBN"
            and any(c.dep_ == "aux" and c.lower_ == "had" for c in verb.children))

    def _title(self, words: list[Token], role: str) -> Iterator[Candidate]:
        """A title's holder (apposition, the name it modifies, a copula's subject) and
        employer (possessor, "of"/"at", a name before it). Coordinated titles share both
        ("co-founder and CEO"); a title whose employer is not written works for the company
        the sentence is about ("..., chief executive Lisa Su said")."""
        person_t = frozenset({"Person"})
        title = words[-1]
        doc, first = self.sent.doc, words[0].i
        before = [doc[i] for i in (first - 1, first - 2) if i >= self.sent.start]
        if before and before[0].text == "-":  # "ex-CEO"
            before = before[1:]
        if any(t.lower_ in self.lex.executives.past or (t.dep_ == "prep" and t.lower_ == "until")
               for t in (*before[:1], *(c for w in words for c in w.children))):
            return  # "former chief executive", "ex-CEO", "chief executive until September"
        base = title
        while base.dep_ == "conj" and base.head.i != base.i:
            base = base.head
        people: list[str] = []
        anchors = [*words, base, *(c for t in (title, base) for c in t.children
                                   if c.dep_ == "compound")]
        if base.dep_ in ("appos", "compound", "amod") or (
            base.head.dep_ == "appos" and self.mention_at(base.head) is not None
        ):
            people += self.head_entities(base.head, person_t)
            anchors.append(base.head)
        for c in (*base.children, *title.children):
            if c.dep_ == "appos":
                people += self.head_entities(c, person_t)
        if base.dep_ == "attr":
            subj, _ = self.subject_of(base.head)
            if subj is not None:
                people += self.head_entities(subj, person_t)
        if base.dep_ == "nsubj" and base.head.lemma_ in COPULAS:  # "its chief executive is
            people += [e for c in base.head.children if c.dep_ == "attr"  # Tareq Amin"
                       for e in self.head_entities(c, person_t)]
        if base.dep_ == "pobj" and base.head.lower_ == "as" and base.head.head.pos_ == "VERB" \
                and base.head.head.lemma_.lower() not in self.lex.executives.verbs:
            verb = base.head.head  # "Marvell appointed X as president", "X was named as CEO"
            subj, passive = self.subject_of(verb)  # (but "X leads Altera as CEO")
            named = [c for c in verb.children if c.dep_ == "dobj"] + \
                ([subj] if passive and subj is not None else [])
            people += [e for c in named for e in self.head_entities(c, person_t)]
            if verb.lemma_.lower() in self.lex.executives.join_verbs and not passive:
                joined = [e for c in verb.children if c.dep_ == "dobj"
                          for e in self.head_entities(c, EMPLOYERS)]
                people += self.head_entities(subj, person_t) if subj is not None else []
                yield from self._pairs("EXECUTIVE_OF", people, joined, title,
                                       "executive.joined", role=role)
                return
        following = self.mention_at(self.sent.doc[title.i + 1]) if title.i + 1 < \
            self.sent.end else None
        if not people and following and self.registry.type_of(following.entity_id) == "Person":
            people.append(following.entity_id)  # "its chief executive Nobuo Hayasaka said"
        if not people and base.dep_ in ("appos", "compound", "amod"):
            people += self.unnamed_person(base.head)  # a name the statistical NER missed
        # the title's own modifier first ("Tesla chief executive", even read as an adjective)
        own = self.child_entities([*words, base], frozenset({"poss", "compound", "nmod"}),
                                  EMPLOYERS) + self._typed(
            [m for w in (*words, base) for c in w.children if c.dep_ == "amod"
             and c.tag_ == "NNP" and (m := self.mention_at(c)) is not None], EMPLOYERS)
        companies = list(dict.fromkeys(own)) or self.child_entities(
            anchors, frozenset({"poss", "compound", "nmod"}), EMPLOYERS)
        companies += self.prep_entities([title, base], frozenset({"of", "at"}), EMPLOYERS)
        if people and not companies:  # else the company the article is about
            salient = self.registry.salient(COMPANY)
            companies = self.sentence_company(title) or ([salient] if salient else [])
        yield from self._pairs("EXECUTIVE_OF", people, companies, title, "executive.title",
                               role=role)
