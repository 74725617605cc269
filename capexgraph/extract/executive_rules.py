"""Executive rules: who runs which company, from verbs and titles.

"Lisa Su runs AMD", "Alibaba's CEO, Wu Yongming", "chief executive Lisa Su said", "co-founder
and CEO of X": a role's holder and employer; roles said to be over ("former", "until") are
not current.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from capexgraph.extract.arguments import COMPANY, COPULAS, EMPLOYERS, antecedent, conjuncts
from capexgraph.extract.rule_base import Candidate, RuleBase, VerbArgs


class ExecutiveRules(RuleBase):
    """The verb and title rules that find EXECUTIVE_OF."""

    def _executive_verbs(self, a: VerbArgs) -> Iterator[Candidate]:
        """"Lisa Su runs AMD", "Humain is chaired by X", "Intel hired X to lead its data
        centre group"; not a role held before ("previously ran", "until 2025")."""
        lex = self.lex
        subj, _ = self.subject_of(a.verb)
        subjects = a.subjects
        # "previously ran", "chaired Oklo until 2025", "who had led its products group": a
        # role held before
        past = any((c.dep_ == "advmod" and c.lower_ in lex.executives.past)
                   or (c.dep_ == "prep" and c.lower_ == "until")
                   or (c.dep_ == "aux" and c.lower_ == "had" and a.verb.tag_ == "VBN")
                   for c in a.verb.children)
        if a.lemma in lex.executives.verbs and not a.passive and not past:
            companies = [e for o in a.objs for e in self.head_entities(o, COMPANY)]
            if companies and not subjects and subj is not None:  # "Jayshree Ullal, who has
                subjects = self.unnamed_person(antecedent(subj))  # led Arista", NER missed
            yield from self._pairs("EXECUTIVE_OF", subjects, companies, a.verb, "executive.verb",
                                   role=lex.executives.verbs[a.lemma])
        if a.lemma in lex.executives.verbs and a.passive and not past:  # "Humain is chaired by
            yield from self._pairs(  # Mohammed bin Salman"
                "EXECUTIVE_OF", [e for e in a.agents if self.registry.type_of(e) == "Person"],
                [e for e in subjects if self.registry.type_of(e) in COMPANY], a.verb,
                "executive.verb", role=lex.executives.verbs[a.lemma])
        leading = next((c for c in a.verb.children if c.dep_ == "xcomp"
                        and c.lemma_.lower() in lex.executives.verbs), None)
        if leading is not None and not a.passive:  # "Intel hired X to lead its data centre
            people = [e for o in a.objs for e in self.head_entities(o, frozenset({"Person"}))]
            # group": the hirer's; "... to lead Intel Foundry": the company named
            named = [e for o in self.objects(leading) if (m := self.mention_at(o)) is not None
                     and m.named for e in self.head_entities(o, COMPANY)]  # (not "the
            # foundry business", a descriptor)
            yield from self._pairs("EXECUTIVE_OF", people, named or [
                s for s in subjects if self.registry.type_of(s) in COMPANY], a.verb,
                "executive.hired_to", role=lex.executives.verbs[leading.lemma_.lower()])

    def title_rules(self) -> Iterator[Candidate]:
        roles = self.lex.executives.title_roles()
        words = [t.lower_ for t in self.sent]
        longest = max(len(k) for k in roles)
        first_words = self.lex.executives.title_first_words()
        i = 0
        while i < len(words):
            if words[i] not in first_words:
                i += 1
                continue  # the cheap test first: most words begin no title
            for size in range(longest, 0, -1):
                role = roles.get(tuple(words[i:i + size])) or _chief_officer(words[i:i + size])
                if role:
                    yield from self._title(list(self.sent[i:i + size]), role)
                    i += size - 1
                    break
            i += 1

    def _left(self, base: Token) -> bool:
        """Whether a title is worn by the subject of a verb of leaving in the past ("Sachin
        Katti, Intel's chief technology officer, departed for OpenAI"), or by one a relative
        clause says left: it is over."""
        leave = self.lex.executives.leave_verbs
        # the title's, or its holder's ("AMD president Victor Peng, who retired last year")
        holders = [base, *([base.head] if base.dep_ in ("compound", "amod") else []),
                   *(c for c in base.children if c.dep_ == "appos")]
        if any(c.dep_ in ("acl", "relcl") and c.lemma_.lower() in leave
               and c.tag_ in ("VBD", "VBN") for h in holders for c in h.children):
            return True  # "Its chief financial officer, David Weigand, left in November"
        t, subject = base, False
        while t.pos_ not in ("VERB", "AUX") and t.head.i != t.i:
            subject = subject or t.dep_ in ("nsubj", "nsubjpass")
            t = t.head
        return subject and t.lemma_.lower() in leave and t.tag_ == "VBD"

    def _ended(self, n: Token) -> bool:
        """Whether a role noun is said to be over: "its former owner", "whose main
        shareholders had been Oracle and Carlyle" (a past perfect copula)."""
        verb = n.head if n.dep_ in ("nsubj", "attr") else n
        # "its shareholder X transferred all of its shares to Y": no shareholder after that
        sold_all = n.dep_ == "nsubj" and verb.lemma_.lower() in self.lex.invests.disposal_verbs \
            and any(o.dep_ == "dobj" and o.lower_ in ("all", "entire") for o in verb.children)
        return sold_all or any(c.lower_ in self.lex.executives.past for c in n.children) or (
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
        while before and (m := self.mention_at(before[0])) is not None and m.start > \
                self.sent.start:  # "Former Intel chief executive": past the employer's name
            before = [doc[m.start - 1]]
        if any(t.lower_ in self.lex.executives.past or (t.dep_ == "prep" and t.lower_ == "until")
               for t in (*before[:1], *(c for w in words for c in w.children))):
            return  # "former chief executive", "ex-CEO", "chief executive until September"
        base = title
        while base.dep_ == "conj" and base.head.i != base.i:
            base = base.head
        if self._left(base):
            return  # "Intel's data-centre chief Justin Hotard left to become ...": was
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
        successor = self._successor(base)
        if successor is not None:  # "chose X to succeed Y as CEO": X takes it, Y gives it up
            people += successor
        elif base.dep_ == "pobj" and base.head.lower_ == "as" and (
                appointing := _appointing_verb(base.head)) is not None \
                and appointing.lemma_.lower() not in self.lex.executives.verbs:
            verb = appointing  # "Marvell appointed X as president", "X was named as CEO"
            subj, passive = self.subject_of(verb)  # (but "X leads Altera as CEO")
            # the parser may read the one named as the verb's predicate ("Intel named
            # Lip-Bu Tan as chief executive")
            named = [c for c in verb.children if c.dep_ in ("dobj", "oprd")]
            # "X was named as CEO", "X will continue to serve as chairman": with no object,
            # the subject holds the title, unless it has left it ("stepped down as COO";
            # "will step down as chief executive" is still held when written)
            left = verb.lemma_.lower() in self.lex.executives.leave_verbs and \
                verb.tag_ in ("VBD", "VBN") and not any(c.dep_ == "aux" for c in verb.children
                                                         if c.tag_ == "MD")
            named += [subj] if subj is not None and (passive or not named) and not left else []
            people += [e for c in named for e in self.head_entities(c, person_t)]
            if verb.lemma_.lower() in self.lex.executives.join_verbs and not passive:
                joined = [e for c in verb.children if c.dep_ == "dobj"
                          for e in self.head_entities(c, EMPLOYERS)]
                people += self.head_entities(subj, person_t) if subj is not None else []
                yield from self._pairs("EXECUTIVE_OF", people, joined, title,
                                       "executive.joined", role=role)
                return
        if base.dep_ == "oprd" and not people:  # "X was named co-CEO", "named X CEO"
            subj, passive = self.subject_of(base.head)
            named = [c for c in base.head.children if c.dep_ == "dobj"] + \
                ([subj] if passive and subj is not None else [])
            people += [e for c in named for e in self.head_entities(c, person_t)] or \
                self.child_entities([*words, base], frozenset({"nmod", "compound"}), person_t)
            if words[0].lower_ == "co":  # "named co-CEO alongside Roh": who shares it
                people += self.prep_heads([base.head, title], frozenset({"alongside", "with"}),
                                          person_t)
        following = self.mention_at(self.sent.doc[title.i + 1]) if title.i + 1 < \
            self.sent.end else None
        if not people and following and self.registry.type_of(following.entity_id) == "Person":
            people.append(following.entity_id)  # "its chief executive Nobuo Hayasaka said"
        if not people and base.dep_ in ("appos", "compound", "amod"):
            people += self.unnamed_person(base.head)  # a name the statistical NER missed
        # the title's own modifier first ("Tesla chief executive", even read as an adjective)
        # "Kestrel's co-founder and chief executive": the first title's first word holds
        # what the parser hung on it
        hyphened = [doc[base.i - 2]] if base is not title and base.i >= 2 and \
            doc[base.i - 1].text == "-" else []
        own = self.child_entities([*words, base, *hyphened],
                                  frozenset({"poss", "compound", "nmod"}),
                                  EMPLOYERS) + self._typed(
            [m for w in (*words, base) for c in w.children if c.dep_ == "amod"
             and c.tag_ == "NNP" and (m := self.mention_at(c)) is not None], EMPLOYERS)
        companies = list(dict.fromkeys(own)) or self.child_entities(
            anchors, frozenset({"poss", "compound", "nmod"}), EMPLOYERS)
        # "President and Chief Executive Officer of Credo": coordinated titles share it
        for p in self.prep_objects([title, *conjuncts(base)], frozenset({"of", "at"})):
            # "president of its Arizona subsidiary, TSMC Arizona": the unit the apposition
            # names, not its owner
            units = [e for o in p.children if o.dep_ == "pobj" for c in o.children
                     if c.dep_ == "appos" for e in self.head_entities(c, EMPLOYERS)]
            companies += units or self.phrase_entities(p, EMPLOYERS)
        if people and not companies and title.lower_ == "head" and any(
                c.dep_ == "pobj" and c.lower_ in self.lex.executives.department_nouns
                for p in self.prep_objects([title], frozenset({"of"})) for c in p.children):
            return  # "Head of Asia Semiconductor Research": a department's, not a company's
            # (but the head "of the Device Solutions division" is the company's)
        if people and not companies:  # else the company the article is about: a filing's
            # "Company" ("By order of the Board, Zhang Peng, Chairman"), or the most mentioned
            issuer = self.registry.headline_company if self.registry.issuer_headline else None
            salient = self.registry.defined.get("Company") or issuer or \
                self.registry.salient(COMPANY)  # (an announcement's issuer heads it)
            companies = self.sentence_company(title, exclude=self._quoted()) or (
                [salient] if salient else [])
        yield from self._pairs("EXECUTIVE_OF", people, companies, title, "executive.title",
                               role=role)

    def _successor(self, base: Token) -> list[str] | None:
        """Who takes a title "as" which another is succeeded or replaced: the subject of the
        verb ("X will succeed Y as CEO", "chose X to succeed Y as CEO", the "as" hung on the
        verb or on the one succeeded); None when the title is not one of succession."""
        if base.dep_ != "pobj" or base.head.lower_ != "as":
            return None
        verb = base.head.head
        if verb.pos_ != "VERB" and verb.dep_ == "dobj":
            verb = verb.head
        if verb.lemma_.lower() not in self.lex.executives.succeed_verbs:
            return None
        subj, passive = self.subject_of(verb)
        return [] if passive or subj is None else self.head_entities(subj, frozenset({"Person"}))

    def _quoted(self) -> list[str]:
        """Entities named only inside quotation marks in this sentence: ""We don't sell
        because we don't like Nvidia," chief financial officer X said" speaks of Nvidia,
        for some other company."""
        inside: set[str] = set()
        outside: set[str] = set()
        open_quote = False
        for tok in self.sent:
            if tok.text in ('"', "“", "”"):
                open_quote = tok.text == "“" or (tok.text == '"' and not open_quote)
                continue
            if (m := self.mention_at(tok)) is not None:
                (inside if open_quote else outside).add(m.entity_id)
        return sorted(inside - outside)

    def _goods_read_as_person(self, n: Token) -> bool:
        """A product NER read as a person's name: "use Nvidia's Grace Blackwell and Vera
        Rubin systems" is bought, coordinated with goods, or modifies a goods noun."""
        lex = self.lex.supplies
        head = n  # "Nvidia's Grace Blackwell Ultra superchips": a name modifying goods
        while head.dep_ in ("nmod", "compound", "appos") and head.head.i != head.i:
            head = head.head
        return (n.dep_ == "dobj" and n.head.lemma_.lower() in lex.verbs | lex.reverse_verbs) \
            or bool(self.coordinated_goods(n)) or (
                head is not n and head.lemma_.lower() in lex.goods_nouns)


def _chief_officer(words: list[str]) -> str | None:
    """A "chief ... officer" title no list spells, named by its initials: "chief commercial
    officer" is CCO, "chief information security officer" CISO."""
    if len(words) not in (3, 4) or words[0] != "chief" or words[-1] != "officer" \
            or not all(w.isalpha() for w in words[1:-1]):
        return None
    return "C" + "".join(w[0] for w in words[1:-1]).upper() + "O"


def _appointing_verb(as_: Token) -> Token | None:
    """The verb an "as" of a title belongs to, also when the parser hung it on the object
    ("hired former Cisco executive Bob Komin as chief financial officer")."""
    governor = as_.head
    if governor.pos_ != "VERB" and governor.dep_ == "dobj":
        governor = governor.head
    return governor if governor.pos_ == "VERB" else None
