"""Names that role nouns describe ("X, a supplier of Y", "counts X among its customers",
"its largest shareholder is X") and that lists give ("A, B and C", "...: X, Y and Z").

A layer over `Arguments`: what a noun of a role or a list refers to, found from where it
stands in the parse; which relation the role means is the rules' business.
"""

from __future__ import annotations

from spacy.tokens import Token

from capexgraph.extract.arguments import COMPANY, COPULAS, PART_WORDS, Arguments, conjuncts

# verbs whose object and subject both take the role named after "as" ("overtaken Apple as
# TSMC's largest customer")
_OVERTAKE = frozenset({"overtake", "surpass", "replace", "succeed", "displace", "unseat"})
# what may stand between the names of a list with price moves: "A up 8% and both B and C
# rising by over 6%"
_LIST_WORDS = frozenset({"and", ",", "both", "by", "%", "percent", "more", "than", "over",
                         "nearly", "about", "almost", "around", "roughly", "each",
                         "respectively"})


class DescribedArguments(Arguments):
    """The names a role noun or a list stands for, in one sentence."""

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
            if j < self.sent.end and self.sent.doc[j].text == "(":  # its code, or an aside:
                close = next((k for k in range(j + 1, min(j + 9, self.sent.end))  # "SK Hynix
                              if self.sent.doc[k].text == ")"), None)  # (about 60% share)"
                j = close + 1 if close is not None else j
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
        describes the same ("counts X as both a supplier and a shareholder"); and "with X a
        growing buyer", an absolute phrase with no verb."""
        while n.dep_ == "conj" and n.head.pos_ == "NOUN":
            n = n.head
        noun = n
        if (with_object := self._verbless_with(n)) is not None:
            return self.head_entities(with_object, types)
        if n.dep_ == "pobj" and n.head.lower_ == "of" and n.head.head.lower_ in PART_WORDS:
            n = n.head.head  # "X is one of its largest customers", "X, one of its suppliers"
        if n.dep_ == "ccomp" and n.pos_ in ("NOUN", "NUM") and (small := next(
                (c for c in n.children if c.dep_ == "nsubj" and self.mention_at(c)), None)):
            return self.head_entities(small, types)  # "makes [Nebius one of its providers]"
        # "its fourth customer was confirmed as Anthropic", "fourth customer confirmed as
        # Anthropic": a noun told in the passive to be "as" a name is that name
        identified = [v for v in (n.head if n.dep_ == "nsubjpass" else None,
                                  *(c for c in n.children if c.dep_ == "acl"
                                    and c.tag_ in ("VBN", "VBD"))) if v is not None]
        named_as = [e for p in self.prep_objects(identified, frozenset({"as"}))
                    for o in p.children if o.dep_ == "pobj" and self.mention_at(o) is not None
                    for e in self.head_entities(o, types)]
        if named_as:
            return named_as
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
            if with_ is not None and with_.head.i == verb.i and with_.i < n.head.i:
                # "will buy X, with MGX and Microsoft as co-investors": "with" and "as" both
                # hung on the verb
                return [e for o in with_.children if o.dep_ == "pobj"
                        for e in self.head_entities(o, types)]
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
            objects = [c for c in verb.children if c.dep_ == "dobj" or (  # ("named Meta
                c.dep_ == "oprd" and c.pos_ == "PROPN")]  # among its customers", misparsed)
            # "..., with xAI and Lambda among its largest buyers", "backlog reached $55bn,
            # with OpenAI and Meta as its two largest customers"
            found = [e for c in objects for e in self.head_entities(c, types)] or \
                self.prep_heads([verb, *objects], frozenset({"with"}), types)
            subj, passive = self.subject_of(verb)
            if not found and passive and subj is not None and verb.pos_ == "VERB" \
                    and n.head.lower_ == "as":  # "X was certified as a qualified supplier
                found = self.head_entities(subj, types)  # by Huawei"
            if not found and n.head.lower_ == "among" and n.head.i == self.sent.start:
                # "Among Nvidia's suppliers, TSMC is expected to benefit": a group set before
                # the clause holds its subject, or the names the parser set off after it
                found = self._apposed(n, noun, types) or (
                    self.head_entities(subj, types) if subj is not None else [])
            return found
        if n.dep_ == "nsubj" and n.head.lemma_.lower() in self.lex.list_verbs | COPULAS and (
                predicated := [e for c in n.head.children if c.dep_ in ("dobj", "attr", "acomp")
                               for e in self.head_entities(c, types)]):
            return predicated  # "its backers include X" (a name read as an adjective: "its
            # mystery customer is Anthropic"); else the name set off after it ("its
            # subsidiary Huagong Zhengyuan has become a supplier to ...")
        following = self.mention_at(n.doc[n.i + 1]) if n.i + 1 < self.sent.end else None
        if following is not None and following.start == n.i + 1:  # "its largest shareholder
            # Chen Tianshi holds 28%", "Zhipu AI's shareholders Meituan and Ant Group"
            root = n.doc[following.start:following.end].root
            return self._typed([m for c in conjuncts(root)
                                if (m := self.mention_at(c)) is not None], types)
        # "Our two largest customers, which we believe to be Google and Meta,", "a fourth
        # customer, which analysts believe is OpenAI,": a relative clause that says what the
        # noun is (or the second of two: "which we refer to as Customer A and which we
        # believe to be xAI")
        return self._apposed(n, noun, types) or [e for r0 in noun.children if r0.dep_ == "relcl"
                           for r in conjuncts(r0)
                           if any(t.tag_ in ("WDT", "WP") for t in r.subtree)
                           for b in (r, *(x for x in r.children
                                          if x.dep_ in ("xcomp", "ccomp")))
                           if b.lemma_ in COPULAS for c in b.children if c.dep_ == "attr"
                           for e in self.head_entities(c, types)]

    def _apposed(self, n: Token, noun: Token, types: frozenset[str]) -> list[str]:
        """Names set off after the noun: "two of its largest customers, Meta and Microsoft,"."""
        return [e for h in dict.fromkeys([n, noun]) for c in h.children if c.dep_ == "appos"
                for e in self.head_entities(c, types)]

    def _verbless_with(self, n: Token) -> Token | None:
        """The name a noun phrase follows straight after "with", in an absolute phrase with
        no verb that the parser broke up: "..., with Nvidia a growing buyer of its modules"."""
        if n.dep_ == "pobj" and n.head.lower_ == "with" and (subject := next(
                (c for c in n.children if c.dep_ == "nsubj" and self.mention_at(c)), None)):
            return subject  # parsed as a small clause: "with [Google and Meta] [buyers]"
        first = n.left_edge.i
        named = self.mention_at(n.doc[first - 1]) if first > self.sent.start else None
        if named is None or named.end != first or n.tag_ not in ("NN", "NNS"):
            return None
        root = n.doc[named.start:named.end].root
        while root.dep_ == "conj":  # "with Google and Meta the largest buyers"
            root = root.head
        return root if root.dep_ == "pobj" and root.head.lower_ == "with" else None

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

    def role_before_name(self, n: Token) -> tuple[list[str], list[str]]:
        """A role noun written as a title before a name, with the other side before it:
        "Apple supplier Foxconn" gives ([Foxconn], [Apple])."""
        named = self.mention_at(n.head) if n.dep_ == "compound" else None
        if named is None:
            return [], []
        return (self._typed([named], COMPANY),
                self.child_entities([n], frozenset({"compound"}), COMPANY))
