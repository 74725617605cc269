"""Index and fund rules: which stocks are constituents of which index or fund, with their
weights, and which index a fund tracks.

"Tencent accounts for 9.8% of the index", "its top holdings are X and Y", lists of members
after a holder, "the ETF tracks the CSI 300", and which holder members belong to when a
sentence says a fund tracks an index.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from capexgraph.extract.arguments import (
    COMPANY,
    COPULAS,
    HOLDERS,
    PART_WORDS,
    antecedent,
    conjuncts,
    verb_forms,
)
from capexgraph.extract.rule_base import Candidate, RuleBase, VerbArgs
from capexgraph.extract.weights import (
    clause_weight,
    headed_weight,
    listed_members,
    names_weights,
    number_value,
    percent_value,
    respective_weights,
    weight_after,
)


class IndexRules(RuleBase):
    """The rules that find CONSTITUENT_OF, its weights, and TRACKS."""

    def _index_verbs(self, a: VerbArgs) -> Iterator[Candidate]:
        """"The index includes Tencent", "Tencent is included in the index", "Xiaomi joined
        the index", "the fund tracks the CSI 300"."""
        lex, subjects = self.lex, list(a.subjects)
        if a.lemma in lex.constituents.dominance_verbs:
            yield from self._dominated(a)
        yield from self._move_led_by(a)
        yield from self._ranked_members(a)
        if a.lemma in lex.constituents.fund_trade_verbs and not a.passive:
            yield from self._fund_trades(a)
        if a.lemma in lex.constituents.holder_verbs:
            if a.passive and a.lemma in lex.constituents.member_verbs:
                pass  # "was added to the index": the member verb's rule reads it
            elif a.passive:  # "Tencent is included in the index"
                holders = self.prep_entities([a.verb], frozenset({"in", "into"}), HOLDERS)
                holders += a.agents  # "is also held by the Hang Seng Internet ETF"
                yield from self._pairs("CONSTITUENT_OF", subjects,
                                       holders or self.context_holder(), a.verb,
                                       "constituent.passive")
            elif (subj := self.subject_of(a.verb)[0]) is not None and \
                    subj.lemma_.lower() in lex.constituents.nouns:
                pass  # "its top constituents include X": the member noun's rule reads it
            elif not self.stake_of_company(a.objs):  # "the fund holds 6.4% of TSMC": a stake
                members = [e for o in a.objs for e in self.phrase_entities(o, COMPANY)]
                members += self.prep_entities([a.verb], frozenset({"of"}), COMPANY)
                if not members and a.verb.i + 1 < self.sent.end \
                        and a.verb.nbor().lower_ == "both":  # (its object or not, as parsed)
                    members = self._two_named_before(a.verb)  # "... Tencent ..., with
                    # Alibaba close behind; the ETF that follows the index holds both"
                # "MSCI will include Cambricon in its MSCI China Index": the index provider's
                holders = [s for s in subjects if self.is_holder(s)] or self.prep_entities(
                    [a.verb], frozenset({"in", "into"}), HOLDERS) or [  # (the index read as
                    e for o in a.objs  # an object; not "investors include Tencent and the
                    for e in self.head_entities(o, frozenset({"Index"}))]  # Big Fund")
                yield from self._pairs("CONSTITUENT_OF", members, holders, a.verb,
                                       "constituent.holder_verb")
        particle = lex.constituents.member_particles.get(a.lemma)
        if a.lemma in lex.constituents.member_verbs and (particle is None or any(
                c.dep_ == "prt" and c.lower_ == particle for c in a.verb.children)):
            holders = [e for o in a.objs for e in self.head_entities(o, HOLDERS)]
            holders += self.prep_entities([a.verb, *a.objs], lex.constituents.member_preps, HOLDERS)
            subj = self.subject_of(a.verb)[0]
            if not subjects and subj is not None and self._counts_movers(subj):
                subjects = self._movers_before(subj.i)  # "X rose 9% and Y 6%; the two
                # stocks together account for 28% of the ETF"
            if a.lemma in lex.constituents.holder_verbs and not a.passive and a.objs and holders:
                # "Hang Seng Indexes will add Pop Mart to the index": the objects join (not
                # the backer in "Xiaomi-backed Horizon Robotics")
                backers = {m.entity_id for o in a.objs for t in o.subtree
                           if t.tag_ == "VBN" and t.i >= 2 and t.doc[t.i - 1].text == "-"
                           and (m := self.mention_at(t.doc[t.i - 2])) is not None}
                subjects = [e for o in a.objs for e in self.phrase_entities(o, COMPANY)
                            if e not in backers]
                if not subjects:  # "will add 14 stocks to the index as part of its review,
                    # including Cambricon and Moore Threads": the list, wherever it hangs
                    subjects = self.listed_under([a.verb], COMPANY)
            # "accounting for most of its orders": a share of a company's orders or revenue
            # tells a customer, no membership (but "9.8% of the fund's net assets" does)
            business = lex.supplies.revenue_nouns | lex.supplies.requirement_nouns
            shares_of_business = any(
                o.dep_ == "pobj" and (o.lower_ in business or o.lemma_.lower() in business)
                for p in self.prep_objects([a.verb, *a.objs], lex.constituents.member_preps)
                for q in p.children if q.dep_ == "pobj"
                for of in self.prep_objects([q], frozenset({"of"})) for o in of.children)
            if shares_of_business:
                holders = []
            elif not holders and a.lemma not in lex.constituents.replacing_verbs:  # (a
                # replacement names its holder: not "..., Nasdaq said, replacing Illumina")
                # "SOXX: Broadcom now weighs 9.9%", "NIO was added last year",
                # "newcomer Horizon Robotics enters with 1.3%" (a weight it enters with)
                weighted = any(percent_value(t) is not None for p in self.prep_objects(
                    [a.verb], frozenset({"with", "at"})) for t in p.subtree)
                holders = self.holder_before(a.verb) or (
                    self.context_holder() if a.passive or weighted
                    or a.lemma in lex.constituents.weigh_verbs else [])
                # "Microsoft accounts for 8.8% of assets": a fund has assets, its index none
                of_assets = any(o.lemma_.lower() in lex.constituents.asset_nouns
                                for p in self.prep_objects([a.verb, *a.objs],
                                                           lex.constituents.member_preps)
                                for q in p.children if q.dep_ == "pobj"
                                for of in self.prep_objects([q], frozenset({"of"}))
                                for o in of.children if o.dep_ == "pobj")
                if of_assets and holders and self.registry.type_of(holders[0]) == "Index":
                    holders = [next((f for f, i, _ in self._tracking_here()
                                     if i == holders[0]), holders[0])]
            # a fund or index is no member ("The ETF tracks X, which includes A, B and C,
            # collectively accounting for 25% of the index": the participle's subject is lost)
            yield from self._pairs("CONSTITUENT_OF", [s for s in subjects if not self.is_holder(s)],
                                   holders, a.verb, "constituent.member_verb")
        if verb_forms(a.verb) & lex.tracks.verbs:  # the lemmatizer gives "benchmarke"
            funds, indices = (a.agents, subjects) if a.passive else (
                subjects, [e for o in a.objs for e in self.phrase_entities(o, HOLDERS)])
            subj, _ = self.subject_of(a.verb)
            if not funds and subj is not None and antecedent(subj).lemma_.lower() in \
                    self.lex.descriptors.Fund:  # "bought HK$2.1bn of the Hang Seng TECH ETF
                funds = [e for e in self.holder_before(a.verb)  # this week, a fund that
                         if self.registry.type_of(e) == "Fund"]  # replicates the index"
            if not indices and any(o.lower_ == "it" for o in a.objs):  # "the index rose, and
                # the ETF, which tracks it, gained": the index told last
                indices = [e for e in self.context_holder(frozenset({"Index"}))
                           if self.registry.type_of(e) == "Index"]
            # "a fund benchmarked to the CSI 300 Index" (the participle may be read as the
            # sentence's verb, with no auxiliary)
            participle = a.verb.tag_ == "VBN" and (a.verb.dep_ == "acl" or (
                a.verb.dep_ == "ROOT" and not any(c.dep_ in ("aux", "auxpass")
                                                  for c in a.verb.children)))
            if (a.passive or participle) and not a.agents:  # "the fund is benchmarked
                funds = subjects  # against the CSI 300"
                indices = self.prep_entities([a.verb], lex.tracks.index_preps, HOLDERS)
            generic = subj is not None and self.mention_at(subj) is None \
                and subj.lemma_.lower() in self.lex.descriptors.Fund
            if not funds and (a.verb.dep_ in ("acl", "relcl") or generic):  # "ETFs tracking
                # (that track) the index, including the CSOP ... ETF (3033)", "passive funds
                # benchmarked to the index, such as the iShares MSCI China ETF"
                funds = self.listed_under([a.verb], frozenset({"Fund"}),
                                          frozenset({"including", "like", "such as"}))
                noun = a.verb.head  # "ETFs tracking the index include X, Y and Z"
                if not funds and noun.dep_ == "nsubj" and \
                        noun.head.lemma_.lower() in lex.list_verbs:
                    funds = [e for o in self.objects(noun.head)
                             for e in self.head_entities(o, frozenset({"Fund"}))]
                if not funds:  # "Products tracking the index: X (3033.HK), Y"
                    funds = self.listed_after_colon([a.verb], frozenset({"Fund"}))
            yield from self._pairs("TRACKS", funds, indices, a.verb, "tracks.verb")

    def _fund_trades(self, a: VerbArgs) -> Iterator[Candidate]:
        """"We added to Kuaishou and trimmed JD.com", "the fund initiated a position in
        Baidu": what a fund buys or trims, told by the fund or by its managers, it holds.
        "We" is a fund's only in an article about a fund and no company speaking."""
        subj, _ = self.subject_of(a.verb)
        funds = [e for e in a.subjects if self.registry.type_of(e) == "Fund"]
        if not funds and subj is not None and subj.lower_ == "we" and not a.subjects:
            funds = [e for e in self.context_holder(frozenset({"Fund"}))
                     if self.registry.type_of(e) == "Fund"]
        if not funds:
            return
        # the stock itself, or the one a position or holding is "in"
        held = [o for o in a.objs if o.lemma_.lower() in self.lex.constituents.fund_nouns]
        preps = self.prep_objects([a.verb, *held], frozenset({"to", "in"}))
        stocks = [e for o in a.objs if o not in held for e in self.head_entities(o, COMPANY)]
        stocks += [e for p in preps for o in p.children if o.dep_ == "pobj"
                   for e in self.head_entities(o, COMPANY)]
        stocks += [e for p in self.prep_objects([o for p in preps for o in p.children
                                                 if o.lemma_.lower()
                                                 in self.lex.constituents.fund_nouns],
                                                frozenset({"in"}))
                   for o in p.children if o.dep_ == "pobj"
                   for e in self.head_entities(o, COMPANY)]  # "added to our position in X"
        # "raised SK Hynix to 25.3%": the weight it now has
        weights = [w for p in self.prep_objects([a.verb], frozenset({"to", "at"}))
                   for o in p.children if o.dep_ == "pobj" and (w := percent_value(o)) is not None]
        yield from self._pairs("CONSTITUENT_OF", stocks, funds, a.verb, "constituent.fund_trade",
                               weight_pct=weights[0] if len(weights) == 1 and len(
                                   set(stocks)) == 1 else None)

    def _dominated(self, a: VerbArgs) -> Iterator[Candidate]:
        """"Alibaba dominates the index"; "the index is dominated by a handful of platforms:
        Alibaba, at about 9%, Tencent at 8.5% ...": the agents, or the names listed after the
        colon that ends the agent's phrase (the weights after them join as listed members)."""
        if not a.passive:
            members, holders = a.subjects, [e for o in a.objs
                                            for e in self.head_entities(o, HOLDERS)]
        else:
            agent = self.agent(a.verb)
            members = a.agents or self.listed_after_colon([agent] if agent is not None else [])
            holders = a.subjects
        yield from self._pairs("CONSTITUENT_OF", members, [h for h in holders
                                                           if self.is_holder(h)],
                               a.verb, "constituent.dominated")

    def labelled_index(self) -> Iterator[Candidate]:
        """A fact sheet's field "Index: X", "Underlying index: X" or "Benchmark: X": the fund
        it is about tracks X."""
        first = self.sent[0]
        # ("Underlying index: X", "Tracking index: X")
        label = 2 if len(self.sent) > 3 and first.lower_ in self.lex.tracks.index_modifiers \
            and self.sent[1].lower_ == "index" else 1
        if len(self.sent) < label + 2 or self.sent[label - 1].lower_ not in ("index", "benchmark") \
                or self.sent[label].text != ":":
            return
        indices = [m.entity_id for i, m in sorted(self.mentions.items())
                   if self.sent.start + label + 1 <= i < self.sent.end
                   and self.registry.type_of(m.entity_id) == "Index"]
        funds = [e for e in self.context_holder(frozenset({"Fund"}))
                 if self.registry.type_of(e) == "Fund"]
        yield from self._pairs("TRACKS", funds, indices[:1], first, "tracks.labelled")

    def _ranked_members(self, a: VerbArgs) -> Iterator[Candidate]:
        """Members ranked by weight without a member noun: "Montage Technology and Naura
        Technology round out the top five" (a top count as object), "Cambricon is the
        heaviest at 12.1%" (a superlative with its weight); of the holder written, else the
        one spoken of last."""
        if a.passive or not a.subjects:
            return
        counted = [o for o in a.objs if o.like_num and (any(
            c.dep_ == "amod" and c.lower_ == "top" for c in o.children)
            or (o.i > 0 and o.doc[o.i - 1].lower_ == "top"))]  # ("entered the top fifteen":
        # two objects)
        attrs = [c for c in a.verb.children if c.dep_ in ("attr", "acomp") and c.tag_ == "JJS"
                 ] if a.lemma in COPULAS else []
        weights = [w for p in self.prep_objects([a.verb, *attrs], frozenset({"at"}))
                   for t in p.children if (w := percent_value(t)) is not None]
        # "..., and Micron sits just below at 5.5%": placed after the members told before
        placed = a.verb.dep_ == "conj" and any(
            c.dep_ == "advmod" and c.lower_ in self.lex.constituents.next_words
            for c in a.verb.children)
        if not counted and not ((attrs or placed) and weights):
            return
        holders = self.child_entities(counted, frozenset({"poss"}), HOLDERS) or \
            self.prep_entities([a.verb, *counted, *attrs], frozenset({"of", "in"}), HOLDERS) \
            or self.context_holder()
        members = [e for e in a.subjects if not self.is_holder(e)]
        yield from self._pairs("CONSTITUENT_OF", members, holders, a.verb, "constituent.ranked",
                               weight_pct=weights[0] if weights and len(members) == 1 else None)

    def _two_named_before(self, verb: Token) -> list[str]:
        """The two companies a "both" after `verb` stands for: the only two named before it
        in the sentence, else none."""
        named = list(dict.fromkeys(m.entity_id for i, m in sorted(self.mentions.items())
                                   if self.sent.start <= i < verb.i
                                   and self.registry.type_of(m.entity_id) == "Company"))
        return named if len(named) == 2 else []

    def table_row(self) -> Iterator[Candidate]:
        """A line of a holdings table ("NVDA  NVIDIA Corp  9.12%") under a heading or header
        row of weights (or a sentence that names them and ends in a colon): a single name
        and the percentage that ends the line, no verb. A sentence with a finite verb ends
        the table."""
        heading = names_weights(t for t in self.sent if t.i not in self.mentions)  # not
        # "Tencent Holdings Ltd 11.4%", a row
        introduced = heading and next(  # "Its ten largest components were:" heads one too
            (t.text for t in reversed(self.sent) if not t.is_space), "") == ":"
        if any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") and t.i not in self.mentions  # ("Will
               for t in self.sent) and not introduced:  # Semiconductor 4.4%": a name's)
            self.registry.weights_heading, self.registry.weights_holder = False, []
            return
        if heading:
            self.registry.weights_heading = True
            # "Top ten holdings (% of net assets)": its rows' numbers are percentages
            self.registry.weights_bare = any(t.text == "%" and percent_value(t) is None
                                             for t in self.sent)
            # "Top holdings (% of net assets)": a fund's own table, not its index's (but
            # "Its five largest holdings were:" is whatever "Its" is)
            lemmas = {t.lemma_.lower() for t in self.sent}
            owned = bool(lemmas & self.lex.constituents.asset_nouns) or (
                bool(lemmas & self.lex.constituents.fund_nouns)
                and not any(t.tag_ == "PRP$" for t in self.sent))
            self.registry.weights_holder = self.context_holder(frozenset({"Fund"})) \
                if owned else []
            return
        words = [t for t in self.sent if not t.is_space and t.text not in (".", ",", ";")]
        named = {m.entity_id for i, m in self.mentions.items()
                 if self.sent.start <= i < self.sent.end and m.named}
        weight = percent_value(words[-1]) if words else None
        if weight is None and words and self.registry.weights_bare and words[-1].like_num:
            weight = number_value(words[-1])  # "Nvidia 9.6" under such a heading
        if not self.registry.weights_heading or len(named) != 1 or weight is None:
            return
        member = named.pop()
        if self.registry.type_of(member) == "Company":
            yield from self._pairs("CONSTITUENT_OF", [member], self.registry.weights_holder
                                   or self.context_holder(), words[-1],
                                   "constituent.table_row", weight_pct=weight)

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
        if not members:
            return
        # the list continues the first holder's members ("Tencent makes up 11% of the
        # index, with Alibaba close behind at 9.7%; the ETF holds both")
        holder = min(members, key=lambda c: c.trigger).target
        named = {c.source for c in members if c.target == holder} | {holder}
        for entity_id, weight in listed_members(self.sent, self.mentions, self.registry, named):
            yield Candidate("CONSTITUENT_OF", entity_id, holder, members[0].trigger,
                            "constituent.list", weight_pct=weight)

    def member_weight(self, entity_id: str) -> float | None:
        listed = respective_weights(self.sent, self.mentions, self.registry)
        if entity_id in listed:
            return listed[entity_id]
        own = {m.start: m for i, m in self.mentions.items()
               if self.sent.start <= i < self.sent.end and m.entity_id == entity_id}
        weights = (headed_weight(self.sent, m, self.mentions)
                   or weight_after(self.sent, m, self.mentions, self.registry)
                   for m in own.values())
        return next((w for w in weights if w is not None), None) or next(
            (w for m in own.values()
             if (w := clause_weight(self.sent, m, self.mentions, self.registry)) is not None),
            None)

    def _constituent_noun(self, n: Token) -> Iterator[Candidate]:
        if n.dep_ == "pobj" and n.head.head.lemma_.lower() in self.lex.invests.participate_verbs:
            return  # "the fund subscribed for shares in Moore Threads' IPO": bought, no member
        if n.dep_ == "dobj" and n.head.lemma_.lower() in self.lex.invests.disposal_verbs:
            return  # "The fund sold its entire position in Wolfspeed": a member no more
        fund_owned = bool(self.child_entities([n], frozenset({"poss"}), frozenset({"Fund"})))
        if self.prep_heads([n], frozenset({"in"}), COMPANY) and not self.prep_heads(
                [n], frozenset({"in"}), HOLDERS) and not fund_owned:
            return  # "its holdings in Huali Micro": an investment in a company, no member (but
            # "the ETF cut its weight in Kweichow Moutai": a fund's weight is a member's)
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
        if holders and n.lemma_.lower() in self.lex.constituents.fund_nouns and any(
                c.dep_ == "poss" and c.lower_ == "its" for c in n.children):
            # "the ETF, which follows the TECH Index; its largest positions": what a fund
            # has, when "its" took the index it tracks
            holders = [next((f for f, i, _ in self._tracking_here() if i == h), h)
                       for h in holders]
        holders += self.prep_entities([n, *([verb] if verb else [])], frozenset({"of", "in"}),
                                      HOLDERS)
        # "constituents of the ETF's benchmark, the CSI Robotics Industry Index": of the
        # index the benchmark names, not of the fund that owns it
        benchmarks = [o for p in self.prep_objects([n], frozenset({"of"})) for o in p.children
                      if o.dep_ == "pobj" and o.lemma_.lower() in self.lex.tracks.nouns]
        benchmarked = [i for b in benchmarks for i in self.described_by(b, frozenset({"Index"}))
                       or self.index_named_after(b)]
        holders = benchmarked or holders
        if not holders:  # the nearest fund or index named before it in the sentence
            holders = self.holder_before(n)
        # "the fund's weighting" is owned; "Pop Mart's weighting" is a member's
        member_owner = bool(self.child_entities([n], frozenset({"poss"}), COMPANY))
        owned = any((c.dep_ == "poss" and not member_owner)
                    or (c.dep_ == "prep" and c.lower_ == "of" and not any(
                        o.like_num or o.text == "%" for o in c.children)) for c in n.children)
        context = self.lex.constituents.context_nouns
        if not holders and not owned and (n.lemma_.lower() in context or any(
                c.dep_ in ("compound", "amod") and c.lemma_.lower() in context
                for c in n.children)):  # "Constituent stocks such as X rose"
            lemma, lex = n.lemma_.lower(), self.lex.constituents
            holders = self.context_holder(  # only when no other owner is written
                frozenset({"Fund"}) if lemma in lex.fund_nouns
                else frozenset({"Index"}) if lemma in lex.index_nouns else HOLDERS)
        members = [e for e in self.phrase_entities(n, COMPANY) if e not in holders]
        listed = [p for p in self.prep_objects([n], frozenset({"as", "including", "like"}))
                  if p.lower_ != "as" or (p.i > 0 and p.doc[p.i - 1].lower_ == "such")]
        if listed:  # "constituent stocks such as Kuaishou-W up 8% and Meituan-W and JD.com
            last = max(t.i for p in listed for t in p.subtree)  # up over 4%"
            members += [e for p in listed for c in p.children if c.dep_ == "pcomp"  # "such
                        for s in c.children if s.dep_ == "nsubj"  # as Kingsoft Cloud gaining
                        for e in self.head_entities(s, COMPANY) if e not in holders]  # 9%"
            members += [e for e in self.listed_with_moves(last + 1)
                        if e not in holders and e not in members]
        elif n.i + 1 < self.sent.end and (named := self.mention_at(n.doc[n.i + 1])) \
                is not None and named.start == n.i + 1:  # "constituent stocks Xiaomi-W up
            members += [e for e in self.listed_with_moves(n.i + 1)  # 4.3%, SMIC up 3.8%"
                        if e not in holders and e not in members]
        if not members and n.i + 1 < self.sent.end:  # "its constituents A, B and C rose"
            members = [e for e in self.listed_after(n.i + 1) if e not in holders]
        # "Lenovo is one of the constituent stocks of the Hang Seng Index": the part is
        # the predicate
        part = n.head.head if n.dep_ == "pobj" and n.head.lower_ == "of" \
            and n.head.head.lower_ in PART_WORDS and n.head.head.dep_ == "attr" else None
        if n.dep_ == "oprd":  # "..., making it the biggest gainer in the KOSPI 200"
            members += [e for e in self.described_by(n) if e not in holders]
        elif n.dep_ == "attr" or part is not None:
            predicate = part or n
            members += self.described_by(n)
            subj, _ = self.subject_of(predicate.head)
            if subj is not None and self._counts_movers(subj):  # "X rose 8% and Y 5%,
                members += self._movers_before(subj.i)  # all of which are constituents"
            if subj is None:  # "As of 31 Dec, Broadcom and Nvidia were the fund's largest
                members += self.listed_before(predicate.head.i)  # holdings": the parser
                # lost them
            # "..., followed by AMD at 7.1% and Qualcomm at 5.5%"
            members += [e for e in self.ranked_after([predicate.head], COMPANY)
                        if e not in members]
        elif verb is not None and n.dep_ == "dobj":  # "Meituan has a weight of 7.4%"
            subj, _ = self.subject_of(verb)
            members += self.head_entities(subj, COMPANY) if subj is not None else []
            if fund_owned:  # "the ETF cut its weight in Tencent to 8.5%" ("in" on the verb)
                members += self.prep_heads([verb], frozenset({"in"}), COMPANY)
            members += [e for c in verb.children if c.dep_ == "dative"  # "the index gives
                        for e in self.head_entities(c, COMPANY)]  # Tencent a weight of 8.5%"
        elif n.dep_ == "appos":  # "Meituan, the index's fourth-largest member"
            members += self.head_entities(n.head, COMPANY)
        elif n.dep_ == "pobj" and n.head.lower_ == "of" and n.head.head.lower_ in PART_WORDS \
                and n.head.head.dep_ == "appos":  # "X and Y, two of the fund's top holdings,"
            final = n.head.head.head  # (set off after the last of the names it counts)
            members += [e for c in (*final.conjuncts, final)
                        for e in self.head_entities(c, COMPANY)]
        elif verb is not None and n.dep_ == "nsubj":  # "its top holdings are SMIC, ...",
            listing = verb.lemma_.lower() in self.lex.list_verbs  # "the 30 constituents will
            members += [e for c in verb.children  # include Alibaba, Tencent and Xiaomi"
                        if c.dep_ == "attr" or (listing and c.dep_ == "dobj")
                        for e in self.head_entities(c, COMPANY)] or (
                [e for e in self.listed_after(verb.i + 1) if e not in holders]
                if verb.lemma_ == "be" else [])  # the parser lost the copula's names
            # "..., with Meituan and SMIC next": ranked right after those listed (the "with"
            # hung on the verb or on the last of the list)
            listed = [verb] + [t for c in verb.children if c.dep_ in ("attr", "conj", "dobj")
                               for t in conjuncts(c)]
            ranked = [o for p in self.prep_objects(listed, frozenset({"with"}))
                      for o in p.children if o.dep_ == "pobj"]
            # ("with AMD and Micron close behind" may be read as a clause)
            clauses = [c for h in listed for c in h.children if c.dep_ == "advcl" and any(
                m.dep_ == "mark" and m.lower_ == "with" for m in c.children)]
            ranked += [s for c in clauses for s in c.children if s.dep_ == "nsubj"]
            if members and any(c.dep_ == "advmod"
                               and c.lower_ in self.lex.constituents.next_words
                               for h in (*listed, *ranked, *clauses) for c in h.children):
                members += [e for o in ranked for c in conjuncts(o)
                            for e in self.head_entities(c, COMPANY) if e not in holders]
        elif n.dep_ == "pobj" and n.head.lower_ == "with" and n.head.head.pos_ in ("VERB", "AUX"):
            subj, _ = self.subject_of(n.head.head)  # "X, Y and Z remain ..., with weights of"
            members += self.head_entities(subj, COMPANY) if subj is not None else []
        elif (framing := self._framing_verb(n)) is not None:
            # "In terms of constituent stocks, Innolight hit a record high, Tianfu rose 8%"
            subj, _ = self.subject_of(framing)
            members += self.head_entities(subj, COMPANY) if subj is not None else []
            members += [e for e in self._moved_alongside(framing) if e not in holders]
        elif n.dep_ == "pobj" and n.head.lower_ in ("as", "among"):
            # "counts Nvidia as its largest component", "among its holdings"
            owner = n.head.head
            verb = owner
            while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
                verb = verb.head
            # (and "X surged on its first day as a constituent": with no object, the subject)
            subj, _ = self.subject_of(verb)
            with_ = [e for p in self.prep_objects([owner], frozenset({"with"}))
                     if p.i < n.head.i for o in p.children if o.dep_ == "pobj"
                     for e in self.head_entities(o, COMPANY)] if n.head.lower_ == "as" else []
            members += with_ or [e for c in owner.children if c.dep_ == "dobj"  # "with Hanmi
                                 for e in self.head_entities(c, COMPANY)] or (  # as the
                # third-largest position"; "Naura and AMEC are among its constituents"
                self.head_entities(subj, COMPANY) if subj is not None else []) or [
                e for e in self.listed_after(verb.i + 1)  # the parser lost the object
                if e not in holders]
            if n.head.lower_ == "among" and n.head.head.i == verb.i:  # "Among its holdings,
                # Inspur hit its daily limit, while Sugon rose 6%"
                members += [e for e in self._moved_alongside(verb) if e not in holders]
            # "...; all three are among the ETF's top ten holdings", "..., all three being
            # among its top weightings" (the count parsed as the participle's modifier)
            counter = subj if subj is not None and self._counts_movers(subj) else next(
                (c for c in verb.children if c.dep_ in ("nsubj", "nummod")
                 and self._counts_movers(c)), None)
            if counter is not None:
                members += self._movers_before(counter.i)
        if n.dep_ in ("npadvmod", "appos") and n.head.pos_ == "VERB" and \
                self._tells_a_move(n.head):
            # "Naura gained 5% and AMEC rose 4%, the ETF's two largest holdings": the movers
            first = n.head
            while first.dep_ == "conj" and first.head.pos_ == "VERB":
                first = first.head
            movers, stack = [], [first]
            while stack:  # the coordinated clauses, each with its own mover
                v = stack.pop()
                movers += [s for s in v.children if s.dep_ == "nsubj"]
                stack += [c for c in v.children if c.dep_ == "conj" and c.pos_ == "VERB"]
            members += [e for s in movers for e in self.head_entities(s, COMPANY)
                        if e not in holders and e not in members]

        if any(c.like_num for c in n.children) and (n.dep_ in ("npadvmod", "appos") or (
                n.dep_ == "dobj" and self._tells_a_move(n.head))):
            # "X rose 8%, Y 6% and Z 5%, the three heaviest constituents": every mover
            members += [e for e in self._movers_before(n.i) if e not in holders + members]
        if n.dep_ == "compound" and self.mention_at(n.head) is not None:  # "Heavyweights
            members += self.head_entities(n.head, COMPANY)  # Tencent and Alibaba rose 2%"
            mover: Token | None = n.head.head
        else:
            mover = verb if n.dep_ == "nsubj" else None  # "Constituents such as X rose"
        named_for_moves = n.lemma_.lower() in self.lex.constituents.move_nouns \
            and mover is not None and mover.lemma_ in COPULAS
        if mover is not None and members and (self._tells_a_move(mover) or named_for_moves):
            members += [e for e in self._moved_alongside(mover) if e not in holders]
        # the noun's own percentage: "a weight of 8.5%", "the third-largest position at 9.3%"
        weights = [w for p in self.prep_objects([n], frozenset({"at", "of"}))
                   for o in p.children if o.dep_ == "pobj" and (w := percent_value(o)) is not None]
        if not weights:  # "the largest constituent with a weight of 9.4%, ahead of ..."
            weights = [w for p in self.prep_objects([n, n.head], frozenset({"with"}))
                       for o in p.children if o.dep_ == "pobj" and o.lemma_.lower() in (
                           "weight", "weighting")
                       for q in self.prep_objects([o], frozenset({"of"}))
                       for v in q.children if (w := percent_value(v)) is not None]
        if not weights and n.dep_ == "attr":  # "X is the third-largest holding of the ETF,
            weights = [w for p in self.prep_objects([n.head], frozenset({"at"}))[:1]  # at
                       for o in p.children if o.dep_ == "pobj"  # 8.7% of net assets,
                       and (w := percent_value(o)) is not None]  # behind Y at 10.2%"
        yield from self._pairs("CONSTITUENT_OF", members, holders, n, "constituent.noun",
                               weight_pct=weights[0] if len(weights) == 1 and len(
                                   set(members)) == 1 else None)

    def _counts_movers(self, subj: Token) -> bool:
        """A subject that counts the names before it: "all of which", "all three", "both",
        "the three", "the two stocks", "both companies"."""
        if subj.lower_ in ("all", "both"):
            return True
        words = {c.lower_ for c in subj.children}
        if subj.tag_ == "NNS" and words & {"all", "both"}:
            return True
        counted = subj.like_num or (subj.tag_ == "NNS" and any(
            c.dep_ == "nummod" and c.like_num for c in subj.children))
        return counted and bool(words & {"all", "both", "the"})

    def _movers_before(self, i: int) -> list[str]:
        """The companies whose price moves the sentence tells before token `i`: the
        subjects of the moves, or the name written right before a move the parser left
        without one ("Sugon (603019) rose 4.8%", its name hung on the move before)."""
        movers: list[str] = []
        for t in (t for t in self.sent if t.i < i and t.pos_ in ("VERB", "AUX")
                  and self._tells_a_move(t)):
            subjects = [s for s in t.children if s.dep_ == "nsubj"]
            named = None if subjects else self.name_right_before(t)
            movers += [e for s in subjects for e in self.head_entities(s, COMPANY)] + (
                self._typed([named], COMPANY) if named is not None else [])
        return list(dict.fromkeys(movers))

    def _framing_verb(self, n: Token) -> Token | None:
        """The verb a member noun frames from "in" before it: "In terms of constituent
        stocks, X hit ...", "In the ETF's portfolio, Sugon climbed 5.5%, ..."."""
        if n.dep_ == "pobj" and n.head.lower_ == "in" and n.head.head.pos_ in ("VERB", "AUX") \
                and n.head.i < n.head.head.i:
            return n.head.head
        of = n.head
        terms = of.head
        if n.dep_ != "pobj" or of.lower_ != "of" or terms.lower_ != "terms" \
                or terms.head.lower_ != "in" or terms.head.head.pos_ not in ("VERB", "AUX"):
            return None
        return terms.head.head

    def _moved_alongside(self, verb: Token) -> list[str]:
        """Companies whose price moves are told in a clause hung on `verb`, which tells the
        moves of members: "..., while Hygon and Montage gained over 3%", "..., and Meituan
        jumped 6%"; a comma splice the parser hung the first move on: "SMIC rose 5.2%,
        Hygon rose 4.1%, and Montage rose 3%"."""
        clauses = [c for c in verb.children if c.dep_ in ("advcl", "conj")]
        if verb.dep_ in ("ccomp", "advcl") and verb.head.i > verb.i \
                and self._tells_a_move(verb.head):  # "AMEC rose 6%, Naura rose 4% and ..."
            clauses += [verb.head, *(c for c in verb.head.children
                                     if c.dep_ in ("advcl", "conj"))]
        return [e for c in clauses if self._tells_a_move(c) for s in c.children
                if s.dep_ == "nsubj" for e in self.head_entities(s, COMPANY)]

    def _move_led_by(self, a: VerbArgs) -> Iterator[Candidate]:
        """"The Hang Seng TECH Index closed up 2.8%, led by Kuaishou-W and Bilibili-W",
        "fell 1.2%, dragged by Meituan", "rose 3%, with AMD up 6% and Micron up 5%", "fell
        1.1% as Alibaba slid 3%": the stocks that lead or make an index's move are its
        members (not a contrast: "..., while SMIC rose 4%"). "In the Nasdaq Golden Dragon
        China Index, Baidu rose 3%": stocks that move in an index are its members."""
        if a.passive or not self._tells_a_move(a.verb):
            return
        framing = [o for p in a.verb.children if p.dep_ == "prep" and p.lower_ == "in"
                   and p.i == self.sent.start for o in p.children if o.dep_ == "pobj"]
        framed = [e for o in framing for e in self.head_entities(o, HOLDERS)
                  if self.is_holder(e)]
        if framed:
            movers = [s for s in a.subjects if self.registry.type_of(s) in COMPANY]
            movers += [e for e in self._moved_alongside(a.verb) if e not in movers]
            yield from self._pairs("CONSTITUENT_OF", movers, framed, a.verb,
                                   "constituent.moved_in")
        holders = [s for s in a.subjects if self.is_holder(s)]
        if not holders:
            return
        moved = [a.verb, *(c for c in a.verb.children if c.dep_ in ("dobj", "npadvmod"))]
        drivers = self.lex.constituents.move_driver_verbs
        leaders = [e for h in moved for c in h.children if c.dep_ in ("acl", "advcl")
                   and c.tag_ in ("VBN", "VBD")  # (hung on "1.6%" too; "weighed down by"
                   and c.lemma_.lower() in drivers  # read as a past tense, its "by" an agent)
                   for g in c.children if g.dep_ == "agent"
                   for e in self.phrase_entities(g, COMPANY)]
        leaders += [e for h in moved for p in h.children if p.dep_ == "prep"
                    and p.lower_ == "with" for o in p.children if o.dep_ == "pobj"
                    for e in self.listed_with_moves(o.left_edge.i)]
        leaders += [e for c in a.verb.children if c.dep_ == "advcl" and self._tells_a_move(c)
                    and any(m.dep_ == "mark" and m.lower_ == "as" for m in c.children)
                    for s in c.children if s.dep_ == "nsubj"
                    for e in self.head_entities(s, COMPANY)]
        yield from self._pairs("CONSTITUENT_OF", leaders, holders, a.verb, "constituent.led_move")

    def _tells_a_move(self, verb: Token) -> bool:
        """"rose 5%", "were up 2%", "hit the daily limit"."""
        lex = self.lex.constituents
        if verb.lemma_.lower() in lex.price_moves:
            return True
        if verb.lemma_ in lex.session_verbs and any(  # "were up 2%", "closed up 2.8%",
                a.dep_ in ("advmod", "prt") and a.lower_ in lex.move_adverbs  # "edged up"
                for a in verb.children):
            return True
        objects = [c for c in verb.children if c.dep_ == "dobj"] + [
            o for p in verb.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"]
        return any(w.lemma_.lower() in lex.limit_nouns for o in objects  # "limit-up": the
                   for w in (o, *(c for c in o.children if c.dep_ == "compound")))  # compound

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

    def _assets_in(self, pct: Token) -> Iterator[Candidate]:
        """"The fund has about 20% of its assets in Nvidia and 12% in TSMC": a fund's share
        of assets put in a company makes it a member with that weight."""
        first = pct
        while first.dep_ == "conj" and first.head.text == "%":
            first = first.head
        verb = first.head
        if first.dep_ != "dobj" or verb.lemma_.lower() not in \
                self.lex.constituents.allocating_verbs:
            return
        assets = self.of_objects([pct])
        if self.of_objects([first]) and not any(
                o.lemma_.lower() in self.lex.constituents.asset_nouns
                | self.lex.constituents.fund_nouns for o in self.of_objects([first])):
            return  # ("has 20% of the market in China": no fund's assets)
        subj, _ = self.subject_of(verb)
        holders = [e for e in self.head_entities(subj, HOLDERS) if self.is_holder(e)] \
            if subj is not None else []
        members = self.prep_heads([pct, *assets, *([verb] if pct is first else [])],
                                  frozenset({"in"}), COMPANY)  # ("in" may hang on the verb)
        yield from self._pairs("CONSTITUENT_OF", members, holders, pct, "constituent.assets_in",
                               weight_pct=percent_value(pct))

    def _share_of(self, pct: Token) -> Iterator[Candidate]:
        """"Tencent is 10.5% of the fund", "Meituan was cut to 5.9% of the index": a
        member's share of a holder, with no other noun."""
        holders = self.prep_entities([pct], frozenset({"of"}), HOLDERS)
        verb = pct.head
        if pct.dep_ == "pobj" and verb.lower_ in ("to", "at"):  # "Meituan was cut to 5.9%
            verb = verb.head  # of the index"
        subj, _ = self.subject_of(verb)
        members = self.head_entities(subj, COMPANY) if subj is not None else []
        yield from self._pairs("CONSTITUENT_OF", members, holders, pct, "constituent.share_of")
