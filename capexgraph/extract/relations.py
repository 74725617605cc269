"""Relation rules over the dependency parse: which entity does what to which, in one sentence.

Each rule starts at a trigger (a verb, noun or title from data/triggers.yaml) and finds its
arguments by grammatical role: subject and object, agent of a passive, the object of a
preposition, a possessor, an apposition. Nothing here names a company or an article's words.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Span, Token

from capexgraph.extract.lexicon import triggers
from capexgraph.extract.mentions import EntityRegistry, Mention
from capexgraph.extract.money import FoundAmount
from capexgraph.extract.weights import listed_members, weight_after
from capexgraph.schema.relation_types import allows

# Children that open a clause of their own: arguments are not looked for inside them.
_CLAUSES = frozenset({"relcl", "ccomp", "advcl", "parataxis", "xcomp", "csubj", "pcomp", "acl"})
_NOUN_LINKS = frozenset({"poss", "compound", "appos", "conj", "prep", "pobj", "nmod", "amod"})
_LIST_PREPS = frozenset({"like", "as", "including", "include", "of", "among"})
_RELATIVE = frozenset({"WDT", "WP", "WP$"})
_COMPANY = frozenset({"Company"})
_HOLDERS = frozenset({"Index", "Fund"})
_SOURCE_PREFERENCE = ("Company", "Fund", "Index", "Person", "Sector")
_ANY = frozenset({"Company", "Fund", "Index", "Person"})
_EMPLOYERS = frozenset({"Company", "Fund", "Index"})
_MODIFIERS = frozenset({"poss", "compound"})
_FLOATING = frozenset({"each", "both", "all"})  # quantifiers standing for the names before
# words that may stand between a list of names and its verb ("have each invested")
_AUXILIARY = frozenset({"will", "would", "shall", "has", "have", "had", "also", "each",
                        "both", "all", "already", "jointly", "now", "previously", "can"})


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


class SentenceRules:
    """Apply every rule to one sentence of a parsed block."""

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

    # -- arguments -------------------------------------------------------------------------

    def mention_at(self, tok: Token) -> Mention | None:
        return self.mentions.get(tok.i)

    def _typed(self, found: list[Mention], types: frozenset[str]) -> list[str]:
        out: list[str] = []
        for m in found:
            if self.registry.type_of(m.entity_id) in types and m.entity_id not in out:
                out.append(m.entity_id)
        return out

    def phrase_entities(self, tok: Token, types: frozenset[str]) -> list[str]:
        """Entities named anywhere in the phrase headed by `tok`, not entering clauses."""
        found: list[Mention] = []
        stack = [tok]
        while stack:
            t = stack.pop()
            m = self.mention_at(_antecedent(t))  # "in which" -> the index before it
            if m is not None and m not in found:
                found.append(m)
            stack.extend(reversed([c for c in t.children if c.dep_ not in _CLAUSES]))
        return self._typed(found, types)

    def head_entities(self, tok: Token, types: frozenset[str]) -> list[str]:
        """Entities a noun phrase refers to: the name itself and its conjuncts, else the
        closest names linked to it (possessor, compound, apposition, "like X and Y")."""
        relative, tok = tok.tag_ in _RELATIVE, _antecedent(tok)
        if self.mention_at(tok) is not None:  # "who" stands for one name, not its conjuncts
            found = [m for t in ([tok] if relative else _conjuncts(tok))
                     if (m := self.mention_at(t)) is not None]
            return self._typed(found, types)
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
                    nxt.append(_antecedent(c))
            hits = [m for t in nxt if (m := self.mention_at(t)) is not None]
            named = [m for t in nxt if t.dep_ == "appos" and (m := self.mention_at(t))]
            if self._typed(named, types):  # "its unit DayOne": the apposition names it
                hits = named
            for m in list(hits):
                root = self.sent.doc[m.start:m.end].root
                hits += [m2 for t in _conjuncts(root)[1:] if (m2 := self.mention_at(t))]
            typed = self._typed(hits, types)
            if typed:
                return self._prefer(typed)
            frontier = nxt
        return []

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
        # "its unit DayOne raised": of two subjects the parser left, the one that is a name
        subjects.sort(key=lambda c: self.mention_at(c) is None)
        for c in subjects:
            return c, c.dep_ == "nsubjpass"
        if verb.dep_ in ("xcomp", "conj", "advcl") and verb.head.i != verb.i:
            return self.subject_of(verb.head)[0], passive
        if verb.dep_ == "pcomp" and verb.head.head.i != verb.head.i:
            return self.subject_of(verb.head.head)[0], passive
        if verb.dep_ in ("acl", "relcl"):
            head = verb.head
            if verb.dep_ == "acl" and not self.head_entities(head, _ANY):
                # "signed a contract to buy capacity": the signer buys
                return self.governing_subject(head), False
            return head, passive
        return None, passive

    def governing_subject(self, noun: Token) -> Token | None:
        """For a nominal trigger, the subject of the nearest verb above it."""
        t = noun
        while t.head.i != t.i:
            t = t.head
            if t.pos_ in ("VERB", "AUX"):
                return self.subject_of(t)[0]
        return None

    def prep_objects(self, heads: list[Token], preps: frozenset[str]) -> list[Token]:
        return [p for h in heads for p in h.children
                if p.dep_ in ("prep", "agent", "dative") and p.lower_ in preps]

    def prep_entities(self, heads: list[Token], preps: frozenset[str],
                      types: frozenset[str]) -> list[str]:
        """Entities in the prepositional phrases of `heads`: "from AMD", "of the index"."""
        return [e for p in self.prep_objects(heads, preps) for e in self.phrase_entities(p, types)]

    def prep_heads(self, heads: list[Token], preps: frozenset[str],
                   types: frozenset[str]) -> list[str]:
        """What the objects of prepositions name themselves ("to Crusoe and Chevron's
        venture" names Crusoe, not Chevron), through coordinated prepositions ("by X and by
        Y") and participles that lead ("from investors led by X")."""
        out: list[str] = []
        for prep in self.prep_objects(heads, preps):
            for p in _conjuncts(prep):
                out += [e for o in p.children if o.dep_ == "pobj"
                        for e in self.head_entities(o, types)]
                out += self.led_by(p)
        return list(dict.fromkeys(out))

    def child_entities(self, heads: list[Token], deps: frozenset[str],
                       types: frozenset[str] = _ANY) -> list[str]:
        """Entities named by the direct dependents of `heads`: a possessor, a compound."""
        found = [m for h in heads for c in h.children
                 if c.dep_ in deps and (m := self.mention_at(c)) is not None]
        return self._typed(found, types)

    def agent(self, verb: Token) -> Token | None:
        return next((c for c in verb.children if c.dep_ == "agent"), None)

    def objects(self, verb: Token) -> list[Token]:
        return [c for c in verb.children if c.dep_ in ("dobj", "dative", "attr", "oprd")]

    def amount_in(self, head: Token) -> FoundAmount | None:
        """The amount closest to `head` inside its own clause."""
        inside = _clause_tokens(head)
        hits = [(abs(s - head.i), a) for s, e, a in self.amounts if s in inside or e in inside]
        return min(hits, key=lambda h: h[0])[1] if hits else None

    def sector(self, pobj: Token) -> str | None:
        """A Sector named by a common noun phrase: "AI infrastructure", "data centres", or
        a gerund the parser made of one ("computing power networks")."""
        words = self._sector_words(pobj)
        if words is None and pobj.tag_ == "VBG" and pobj.dep_ == "pcomp":
            obj = next((c for c in pobj.children if c.dep_ == "dobj"), None)
            inner = self._sector_words(obj) if obj is not None else None
            words = [pobj.text, *inner] if inner else None
        if words is None:
            return None
        entity_id = self.registry.resolve(" ".join(words), "Sector")
        if entity_id is None or self.registry.type_of(entity_id) != "Sector":
            return None
        return entity_id

    def _sector_words(self, noun: Token) -> list[str] | None:
        if noun.pos_ not in ("NOUN", "PROPN") or noun.lemma_.lower() in self.lex.sector_stop:
            return None
        if noun.lower_ in self.lex.executives.title_words():  # "..., chief executive X said"
            return None
        if noun.ent_type_ in ("DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "GPE"):
            return None
        mods = [c for c in noun.lefts if c.dep_ in ("compound", "amod", "nmod")
                and c.lower_ not in self.lex.modifier_stop and not c.like_num]
        return [t.text for m in mods for t in m.subtree if t.dep_ != "det"] + [noun.text]

    def investees(self, heads: list[Token], preps: frozenset[str]) -> list[str]:
        """What money goes into: the companies a prepositional object names ("in Intel",
        "in Meta's venture"), else the sectors it and its conjuncts name ("in memory chips
        and lithography", "on computing power networks")."""
        for prep in self.prep_objects(heads, preps):
            if self._makers(prep):
                return []
            objects = [c for c in prep.children if c.dep_ == "pobj"
                       or (c.dep_ == "pcomp" and c.tag_ == "VBG")]
            companies = [e for o in objects for e in self.head_entities(o, _COMPANY)]
            partners = [o for o in objects if o.lemma_.lower() in self.lex.invests.partner_nouns]
            companies += self.prep_entities(partners, frozenset({"with"}), _COMPANY)
            if companies:
                return companies
            sectors = [sector for o in objects for c in _conjuncts(o)
                       if (sector := self.sector(c))]
            if sectors:
                return sectors
        return []

    def _makers(self, prep: Token) -> list[str]:
        """Companies that only modify a product bought: "spend on Google's TPUs"."""
        out: list[str] = []
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            if self.mention_at(pobj) is not None:
                continue
            out += self.child_entities([pobj], _MODIFIERS, _COMPANY)
            out += self.prep_heads([pobj], self.lex.supplies.source_preps, _COMPANY)
        return out

    def spent_on(self, heads: list[Token], preps: frozenset[str]) -> list[str]:
        return [e for p in self.prep_objects(heads, preps) for e in self._makers(p)]

    # -- rules -------------------------------------------------------------------------------

    def candidates(self) -> Iterator[Candidate]:
        found: list[Candidate] = []
        for tok in self.sent:
            lemma = tok.lemma_.lower()
            if tok.pos_ in ("VERB", "AUX"):
                found += self.verb_rules(tok, lemma)
            elif tok.pos_ in ("NOUN", "PROPN"):
                found += self.noun_rules(tok, lemma)
        found += self.title_rules()
        found += self.surface_rules()
        yield from self._with_member_lists(found)

    def listed_before(self, i: int) -> list[str]:
        """Companies in the list of names that ends right before token `i`: "A, B and C"."""
        out: list[str] = []
        j = i - 1
        while j >= self.sent.start:
            m = self.mention_at(self.sent.doc[j])
            if m is None or self.registry.type_of(m.entity_id) != "Company":
                break
            out.insert(0, m.entity_id)
            j = m.start - 1
            if j >= self.sent.start and self.sent.doc[j].lower_ == "and":
                j -= 1
            if j >= self.sent.start and self.sent.doc[j].text == ",":
                j -= 1
        return list(dict.fromkeys(out))

    def listed_after(self, i: int) -> list[str]:
        """Companies in the list of names that starts at token `i`."""
        out: list[str] = []
        j = i
        while j < self.sent.end:
            m = self.mention_at(self.sent.doc[j])
            if m is None or self.registry.type_of(m.entity_id) != "Company":
                break
            out.append(m.entity_id)
            j = m.end
            if j < self.sent.end and self.sent.doc[j].text == ",":
                j += 1
            if j < self.sent.end and self.sent.doc[j].lower_ == "and":
                j += 1
        return list(dict.fromkeys(out))

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
            forms = _verb_forms(tok)
            kind, prep = next(((k, p) for k, verbs, p in kinds if forms & verbs), ("", ""))
            start = tok.i
            while start > self.sent.start and self.sent.doc[start - 1].lower_ in _AUXILIARY:
                start -= 1
            names = self.listed_before(start) if kind else []
            if not names:
                continue
            window = self.sent.doc[tok.i + 1:min(self.sent.end, tok.i + 8)]
            at = next((t for t in window if t.lower_ == prep or t.text in (";", ",")), None)
            if at is None or at.lower_ != prep:
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

    def _with_member_lists(self, found: list[Candidate]) -> Iterator[Candidate]:
        """Constituents get the weight written after their name, and a sentence about one
        holder's members also lists the names that carry no verb ("..., Apple 8.7%")."""
        members = [c for c in found if c.type == "CONSTITUENT_OF"]
        for c in found:
            if c.type == "CONSTITUENT_OF" and c.weight_pct is None:
                c = Candidate(c.type, c.source, c.target, c.trigger, c.rule,
                              weight_pct=self.member_weight(c.source))
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
        own = {m.start: m for i, m in self.mentions.items()
               if self.sent.start <= i < self.sent.end and m.entity_id == entity_id}
        weights = (weight_after(self.sent, m, self.mentions, self.registry)
                   for m in own.values())
        return next((w for w in weights if w is not None), None)

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
        subjects = self.head_entities(subj, _ANY) if subj is not None else []
        if subj is not None and subj.lower_ in _FLOATING and not subjects:
            subjects = self.listed_before(subj.i)  # "Broadcom and Nvidia each make up 8%"
        agents = self.prep_heads([v], frozenset({"by"}), _ANY) if agent is not None else []
        if passive and not agents:  # "backed with $9bn of equity by Silver Lake"
            clause = [self.sent.doc[i] for i in sorted(_clause_tokens(v))]
            agents = self.prep_heads(clause, frozenset({"by"}), _ANY)
        amount = self.amount_in(v)
        if amount is None and v.dep_ == "acl":  # "an order worth $1bn to supply chips to X"
            amount = self.amount_in(v.head)
        args = _VerbArgs(v, lemma, subjects, agents, objs, passive, amount)
        yield from self._invest_verbs(args)
        yield from self._supply_verbs(args)
        if lemma in lex.constituents.holder_verbs:
            if passive:  # "Tencent is included in the index"
                holders = self.prep_entities([v], frozenset({"in", "into"}), _HOLDERS)
                holders += agents  # "is also held by the Hang Seng Internet ETF"
                yield from self._pairs("CONSTITUENT_OF", subjects,
                                       holders or self.context_holder(), v,
                                       "constituent.passive")
            else:
                members = [e for o in objs for e in self.phrase_entities(o, _COMPANY)]
                members += self.prep_entities([v], frozenset({"of"}), _COMPANY)
                yield from self._pairs("CONSTITUENT_OF", members,
                                       [s for s in subjects if self._is_holder(s)], v,
                                       "constituent.holder_verb")
        if lemma in lex.constituents.member_verbs:
            holders = [e for o in objs for e in self.head_entities(o, _HOLDERS)]
            holders += self.prep_entities([v, *objs], lex.constituents.member_preps, _HOLDERS)
            if not holders and passive:  # "Li Auto and NIO were added last year"
                holders = self.context_holder()
            yield from self._pairs("CONSTITUENT_OF", subjects, holders, v,
                                   "constituent.member_verb")
        if lemma in lex.tracks.verbs:
            funds, indices = (agents, subjects) if passive else (
                subjects, [e for o in objs for e in self.phrase_entities(o, _HOLDERS)])
            yield from self._pairs("TRACKS", funds, indices, v, "tracks.verb")
        if lemma in lex.executives.verbs and not passive:
            companies = [e for o in objs for e in self.head_entities(o, _COMPANY)]
            yield from self._pairs("EXECUTIVE_OF", subjects, companies, v, "executive.verb",
                                   role=lex.executives.verbs[lemma])

    def _invest_verbs(self, a: _VerbArgs) -> Iterator[Candidate]:
        lex, v = self.lex.invests, a.verb
        investors = a.agents if a.passive else a.subjects
        if a.lemma in lex.verbs:
            preps = lex.target_preps | ({"for"} if a.lemma in lex.allocate_verbs else set())
            yield from self._pairs("INVESTS_IN", investors,
                                   self.investees([v, *a.objs], frozenset(preps)), v,
                                   "invest.verb", amount=a.amount)
            yield from self._pairs("SUPPLIES", self.spent_on([v, *a.objs], lex.target_preps),
                                   investors, v, "supply.spend_on", amount=a.amount)
        if a.lemma in lex.object_verbs or a.lemma in lex.acquire_verbs:
            named = [e for o in a.objs if self.mention_at(o) is not None
                     for e in self.head_entities(o, _COMPANY)]
            if a.lemma in lex.object_verbs:
                named = [e for o in a.objs for e in self.head_entities(o, _COMPANY)]
            elif self.prep_objects([v, *a.objs], self.lex.supplies.source_preps):
                named = []  # "buy chips from AMD" is a purchase, not an acquisition
            subj, _ = self.subject_of(v)
            named_subject = subj is not None and self.mention_at(_antecedent(subj)) is not None
            targets = (a.subjects if named_subject or a.lemma in lex.object_verbs else []) \
                if a.passive else named
            yield from self._pairs("INVESTS_IN", investors, targets, v, "invest.object_verb",
                                   amount=a.amount)
        if a.lemma in lex.own_verbs and not a.passive:
            shares = [o for o in a.objs if o.text == "%" or o.lemma_.lower() in lex.nouns]
            owners = [e for e in a.subjects if not self._is_holder(e)]
            yield from self._pairs("INVESTS_IN", owners,
                                   self.prep_entities([v, *shares], frozenset({"of", "in"}),
                                                      _COMPANY),
                                   v, "invest.own")
        if a.lemma in lex.receive_verbs and not a.passive:
            givers = self.prep_heads([v, *a.objs], lex.investor_preps, _ANY)
            givers += [e for p in self.prep_objects([v, *a.objs], frozenset({"in"}))
                       for e in self.led_by(p)]  # "raised $1bn in a round led by X"
            contract = any(o.lemma_.lower() in self.lex.supplies.contract_nouns for o in a.objs)
            if contract:  # "received an order from Microsoft": the receiver supplies
                yield from self._pairs("SUPPLIES", a.subjects, givers, v, "supply.contract",
                                       amount=a.amount)
            else:
                yield from self._pairs("INVESTS_IN", givers, a.subjects, v, "invest.receive",
                                       amount=a.amount)

    def _supply_verbs(self, a: _VerbArgs) -> Iterator[Candidate]:
        lex, v = self.lex.supplies, a.verb
        to_customer = self.prep_objects([v, *a.objs], lex.customer_preps)
        products = [o for o in a.objs if self.mention_at(o) is None]
        if a.lemma in lex.verbs:
            suppliers = a.agents if a.passive else a.subjects
            customers = [e for o in a.objs for e in self.head_entities(o, _COMPANY)
                         if self.mention_at(o) is not None]
            customers += self.prep_heads([v, *a.objs], frozenset({"to"}), _COMPANY) or \
                self.prep_heads([v, *a.objs], lex.customer_preps, _COMPANY)
            # "produces Apple's processors": the product's owner is the customer
            customers += self.child_entities(products, frozenset({"poss"}), _COMPANY)
            if a.passive and a.agents:
                customers = customers or a.subjects
            yield from self._pairs("SUPPLIES", suppliers, customers, v, "supply.verb",
                                   amount=a.amount)
        if a.lemma in lex.reverse_verbs and not (a.lemma in lex.verbs and to_customer):
            clause = [self.sent.doc[i] for i in sorted(_clause_tokens(v))]
            sources = self.prep_heads(clause, lex.source_preps, _COMPANY)
            customers = a.subjects
            if a.passive:  # "chips from T-Head are used by China Unicom"
                customers = a.agents
                subj, _ = self.subject_of(v)
                products = [subj] if subj is not None and self.mention_at(subj) is None else []
            if not sources:  # "deploy AMD chips", "Samsung-made chips": the maker modifies
                sources = self.makers_of(products)
            yield from self._pairs("SUPPLIES", sources, customers, v, "supply.reverse_verb",
                                   amount=a.amount)
        if a.lemma in lex.reliance_verbs and not a.passive:
            suppliers = [e for p in self.prep_objects([v], frozenset({"on", "upon"}))
                         for e in self.phrase_entities(p, _COMPANY)]
            yield from self._pairs("SUPPLIES", suppliers, a.subjects, v, "supply.reliance")

    def makers_of(self, products: list[Token]) -> list[str]:
        """Companies named in front of products: "AMD chips", "Amazon's Trainium chips",
        "Samsung-made AI5 chips", through coordinated products too."""
        found: list[Mention] = []
        owners: list[Mention] = []
        inner = [o for prod in products for p in prod.children
                 if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
        for p in (c for prod in (*products, *inner) for c in _conjuncts(prod)):
            for left in p.lefts:
                found += [m for t in left.subtree if (m := self.mention_at(t)) is not None]
                owners += [m for t in left.subtree
                           if t.dep_ == "poss" and (m := self.mention_at(t)) is not None]
        # "Nvidia's Blackwell systems": the possessor makes it, the compound names it
        return self._typed(owners, _COMPANY) or self._typed(found, _COMPANY)

    def led_by(self, prep: Token) -> list[str]:
        """Who leads or joins what a preposition names: "in a round led by TWG Global"."""
        return [e for t in prep.subtree if t.dep_ == "acl" and t.tag_ == "VBN"
                for c in t.children if c.dep_ == "agent"
                for e in self.phrase_entities(c, _ANY)]

    def _is_holder(self, entity_id: str) -> bool:
        return self.registry.type_of(entity_id) in _HOLDERS

    def noun_rules(self, n: Token, lemma: str) -> Iterator[Candidate]:
        lex = self.lex
        if lemma in lex.invests.nouns:
            heads = [n, n.head] if n.dep_ == "compound" else [n]
            if n.dep_ == "dobj" and n.head.pos_ == "VERB":  # "plans capex of X on servers"
                heads.append(n.head)
            investors = self.child_entities([n], _MODIFIERS)
            investors += self.prep_entities(heads, lex.invests.investor_preps, _ANY)
            rule = "invest.noun"
            if not investors:
                subj = self.governing_subject(n)
                investors = self.head_entities(subj, _ANY) if subj is not None else []
                rule = "invest.noun.subject"
            targets = self.investees(heads, lex.invests.target_preps | {"for"})
            yield from self._pairs("INVESTS_IN", investors, targets, n, rule,
                                   amount=self.noun_amount(n))
        if lemma in lex.supplies.nouns:
            suppliers = self._described_by(n)
            customers = self.prep_entities([n], frozenset({"to", "for", "of"}), _COMPANY)
            customers += self.child_entities([n], frozenset({"poss"}))
            yield from self._pairs("SUPPLIES", suppliers, customers, n, "supply.noun")
        if lemma in lex.invests.investor_nouns:
            investors = self._described_by(n, _ANY)
            investees = self.prep_entities([n], frozenset({"in", "of"}), _COMPANY)
            investees += self.child_entities([n], frozenset({"poss"}), _COMPANY)
            yield from self._pairs("INVESTS_IN", investors, investees, n, "invest.investor_noun")
        if lemma in lex.supplies.customer_nouns:
            yield from self._customer_noun(n)
        if lemma in lex.supplies.order_nouns and not (
                n.head.pos_ == "VERB" and n.head.lemma_.lower() in lex.invests.receive_verbs):
            buyers = self.child_entities([n], frozenset({"poss"}), _COMPANY)
            if not buyers:
                subj = self.governing_subject(n)
                buyers = self.head_entities(subj, _COMPANY) if subj is not None else []
            sellers = self.prep_entities([n, *([n.head] if n.head.pos_ == "VERB" else [])],
                                         lex.supplies.order_preps, _COMPANY)
            sellers += self.makers_of([o for p in self.prep_objects([n], frozenset({"of"}))
                                       for o in p.children if o.dep_ == "pobj"])
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

    def _described_by(self, n: Token, types: frozenset[str] = _COMPANY) -> list[str]:
        """Who a predicate noun describes: "X is a supplier", "X, a supplier of Y", and
        "counts X as its customer", "counts X among its customers"."""
        if n.dep_ == "appos":
            return self.head_entities(n.head, types)
        if n.dep_ == "attr":
            subj, _ = self.subject_of(n.head)
            return self.head_entities(subj, types) if subj is not None else []
        if n.dep_ == "pobj" and n.head.lower_ in ("as", "among"):
            verb = n.head.head
            return [e for c in verb.children if c.dep_ == "dobj"
                    for e in self.head_entities(c, types)]
        return self.child_entities([n], frozenset({"appos"}), types)

    def _customer_noun(self, n: Token) -> Iterator[Candidate]:
        """"Xiaomi remains its biggest customer": the owner of "customer" supplies; "X said
        Humain would be the first customer": with no owner written, the company speaking."""
        customers = self._described_by(n)
        suppliers = self.child_entities([n], frozenset({"poss"}), _COMPANY)
        suppliers += self.prep_entities([n], frozenset({"of"}), _COMPANY)
        if not suppliers and n.dep_ == "attr" and customers:
            suppliers = [e for e in self._sentence_company(n) if e not in customers]
        yield from self._pairs("SUPPLIES", suppliers, customers, n, "supply.customer_noun")

    def _constituent_noun(self, n: Token) -> Iterator[Candidate]:
        verb = n.head if n.head.pos_ in ("VERB", "AUX") else None
        holders = self.child_entities([n], frozenset({"poss"}), _HOLDERS)
        holders += self.prep_entities([n, *([verb] if verb else [])], frozenset({"of", "in"}),
                                      _HOLDERS)
        if not holders:  # the nearest fund or index named before it in the sentence
            before = [m for i, m in self.mentions.items() if self.sent.start <= i < n.i]
            prior = [m.entity_id for m in before if self._is_holder(m.entity_id)]
            holders = prior[-1:]
        owned = any(c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ == "of" and not any(
            o.like_num or o.text == "%" for o in c.children)) for c in n.children)
        if not holders and not owned and n.lemma_.lower() in self.lex.constituents.context_nouns:
            holders = self.context_holder()  # only when no other owner is written
        members = [e for e in self.phrase_entities(n, _COMPANY) if e not in holders]
        if n.dep_ == "attr":
            members += self._described_by(n)
        elif verb is not None and n.dep_ == "dobj":  # "Meituan has a weight of 7.4%"
            subj, _ = self.subject_of(verb)
            members += self.head_entities(subj, _COMPANY) if subj is not None else []
        elif verb is not None and n.dep_ == "nsubj":  # "its top holdings are SMIC, ..."
            members += [e for c in verb.children if c.dep_ == "attr"
                        for e in self.head_entities(c, _COMPANY)]
        elif n.dep_ == "pobj" and n.head.lower_ in ("as", "among"):
            # "counts Nvidia as its largest component", "among its holdings"
            owner = n.head.head
            members += [e for c in owner.children if c.dep_ == "dobj"
                        for e in self.head_entities(c, _COMPANY)]
        yield from self._pairs("CONSTITUENT_OF", members, holders, n, "constituent.noun")

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

    def _share_of(self, pct: Token) -> Iterator[Candidate]:
        """"Tencent is 10.5% of the fund": a member's share of a holder, with no other noun."""
        holders = self.prep_entities([pct], frozenset({"of"}), _HOLDERS)
        subj, _ = self.subject_of(pct.head)
        members = self.head_entities(subj, _COMPANY) if subj is not None else []
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
        customers = self.head_entities(subj, _COMPANY) if subj is not None else []
        if subj is not None and subj.lower_ in _FLOATING and not customers:
            customers = self.listed_before(subj.i)
        if not customers:
            customers = self.listed_before(verb.i)
        suppliers = self.child_entities(revenue, frozenset({"poss"}), _COMPANY)
        suppliers = suppliers or [e for e in self._sentence_company(pct) if e not in customers]
        if not suppliers:
            latest = self.registry.latest(_COMPANY)
            suppliers = [latest] if latest and latest not in customers else []
        yield from self._pairs("SUPPLIES", suppliers, customers, pct, "supply.revenue_share")

    def context_holder(self) -> list[str]:
        """The index or fund the article spoke of last, for a sentence that names none."""
        latest = self.registry.latest(_HOLDERS)
        return [latest] if latest else []

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

    def _title(self, words: list[Token], role: str) -> Iterator[Candidate]:
        """A title's holder (apposition, the name it modifies, a copula's subject) and
        employer (possessor, "of"/"at", a name before it). Coordinated titles share both
        ("co-founder and CEO"); a title whose employer is not written works for the company
        the sentence is about ("..., chief executive Lisa Su said")."""
        person_t = frozenset({"Person"})
        title = words[-1]
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
        following = self.mention_at(self.sent.doc[title.i + 1]) if title.i + 1 < \
            self.sent.end else None
        if not people and following and self.registry.type_of(following.entity_id) == "Person":
            people.append(following.entity_id)  # "its chief executive Nobuo Hayasaka said"
        if not people and base.dep_ in ("appos", "compound", "amod"):
            people += self._unnamed_person(base.head)  # a name the statistical NER missed
        companies = self.child_entities(anchors, frozenset({"poss", "compound", "nmod"}),
                                        _EMPLOYERS)
        companies += self.prep_entities([title, base], frozenset({"of", "at"}), _EMPLOYERS)
        if people and not companies:
            companies = self._sentence_company(title)
        yield from self._pairs("EXECUTIVE_OF", people, companies, title, "executive.title",
                               role=role)

    def _unnamed_person(self, head: Token) -> list[str]:
        """A person's name that a title stands in apposition to ("Jayshree Ullal, Arista's
        chief executive") when no model tagged it: capitalised proper nouns, no entity."""
        if head.pos_ != "PROPN" or self.mention_at(head) is not None or head.ent_type_:
            return []
        words = [t for t in head.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"
                 and t.i >= head.i - 3] + [head]
        if len(words) < 2 or not all(t.text[:1].isupper() for t in words):
            return []
        entity_id = self.registry.resolve(" ".join(t.text for t in words), "Person")
        if entity_id is None or self.registry.type_of(entity_id) != "Person":
            return []
        mention = Mention(words[0].i, head.i + 1, entity_id, True)
        for t in words:
            self.mentions[t.i] = mention
        return [entity_id]

    def _sentence_company(self, before: Token) -> list[str]:
        """The company a sentence is about: a company subject, else the nearest company
        named before `before`."""
        named = sorted({m.start: m for i, m in self.mentions.items()
                        if self.sent.start <= i < self.sent.end}.values(), key=lambda m: m.start)
        companies = [m for m in named if self.registry.type_of(m.entity_id) == "Company"]
        subjects = [m for m in companies if self.sent.doc[m.start:m.end].root.dep_
                    in ("nsubj", "nsubjpass")]
        earlier = [m for m in companies if m.start < before.i]
        found = subjects[:1] or earlier[-1:]
        return [found[0].entity_id] if found else []


def _antecedent(tok: Token) -> Token:
    """What a relative pronoun stands for: "the index, whose holdings ..." -> the index."""
    if tok.tag_ not in _RELATIVE:
        return tok
    t = tok
    while t.dep_ != "relcl" and t.head.i != t.i:
        t = t.head
    return t.head if t.dep_ == "relcl" else tok


def _verb_forms(tok: Token) -> set[str]:
    """The base forms a word could be of: "supplies", "secured", "rents" -> supply, secure,
    rent (for words the tagger did not take for verbs, whose lemma is the word itself)."""
    form = tok.lower_
    return {tok.lemma_.lower(), form, form.removesuffix("s"), form.removesuffix("es"),
            form.removesuffix("d"), form.removesuffix("ed"), form[:-3] + "y"}


def _conjuncts(tok: Token) -> list[Token]:
    out = [tok]
    for c in tok.children:
        if c.dep_ == "conj":
            out += _conjuncts(c)
    return out


def _clause_tokens(head: Token) -> set[int]:
    """Token indices of `head`'s subtree, leaving out clauses that hang from it."""
    out: set[int] = set()
    stack = [head]
    while stack:
        t = stack.pop()
        out.add(t.i)
        stack.extend(c for c in t.children if c.dep_ not in _CLAUSES
                     and not (c.dep_ == "conj" and c.pos_ == "VERB"))
    return out
