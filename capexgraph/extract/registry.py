"""The entities of one article as it is read: one entity per real thing.

Gazetteer names, tickers and Chinese names resolve to the gazetteer entity; other names merge
when their name keys agree (suffixes, share classes and possessives removed), and a person's
surname refers to the full name seen before. The registry also remembers what the text has
said so far that later words refer back to: subjects, raises, headings, defined terms and the
goods each company owns.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from capexgraph.extract.gazetteer import Gazetteer
from capexgraph.extract.lexicon import triggers
from capexgraph.extract.money import FoundAmount
from capexgraph.extract.names import clean_surface, infer_type, name_key, slugify
from capexgraph.schema import Entity, EntityType

# where a company stands in the chain, upstream first (the gazetteer's "chain")
_CHAIN_ORDER = ("hardware", "site", "compute", "cloud", "buyer")


@dataclass
class EntityDraft:
    id: str
    name: str
    type: EntityType
    known: bool
    aliases: list[str] = field(default_factory=list)
    tickers: list[str] = field(default_factory=list)

    def add_alias(self, surface: str) -> None:
        if surface not in self.aliases:
            self.aliases.append(surface)

    def add_ticker(self, code: str) -> None:
        if code not in self.tickers:
            self.tickers.append(code)

    def entity(self) -> Entity:
        return Entity(id=self.id, name=self.name, type=self.type, aliases=tuple(self.aliases),
                      tickers=tuple(self.tickers))


@dataclass(frozen=True)
class Mention:
    """Tokens [start, end) of one doc that refer to an entity; `named` is false for "it".
    A plural descriptor ("both companies") refers to the whole `group`, led by `entity_id`."""

    start: int
    end: int
    entity_id: str
    named: bool
    group: tuple[str, ...] = ()


class EntityRegistry:
    """The entities of one article, in order of first mention."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self.drafts: dict[str, EntityDraft] = {}
        self.by_key: dict[str, str] = {}
        self.recent: list[str] = []  # entity ids, most recent last
        # entity ids seen as subjects, sentence by sentence, in the order written
        self.sentence_subjects: list[list[str]] = [[]]
        # those of them written in a coordination ("UBS and Jane Street each took ...")
        self.shared_subjects: set[tuple[int, str]] = set()  # (sentence number, entity id)
        self.recent_before: list[str] = []  # `recent` as it was before the current sentence
        self.counts: dict[str, int] = {}  # mentions so far, by entity id
        self.counts_before: dict[str, int] = {}  # `counts` before the current sentence
        self.defined: dict[str, str] = {}  # a filing's defined terms: "Company" -> entity id
        self.raisers: list[str] = []  # who the article said raised money, most recent last
        self.raise_amounts: dict[str, FoundAmount] = {}  # the size of each one's raise
        # names written as one coordination ("Innolight and Eoptolink"), with the number of
        # the sentence they were read in: what "both companies" may refer to
        self.groups: list[tuple[int, tuple[str, ...]]] = []
        # the subjects of each sentence's main clauses: what "both" may refer to first
        self.topics: list[tuple[int, tuple[str, ...]]] = []
        # a heading or header row of weights was read ("Top 10 holdings", "Ticker Name
        # Weight") and no sentence with a verb since: lines of a name and a percentage
        # below it are the holder's members
        self.weights_heading = False
        self.weights_holder: list[str] = []  # the fund a heading says the table is of
        self.weights_bare = False  # the heading gives the unit: "(% of net assets)"
        # the first company the headline names: whom a transcript's "we" speaks for
        self.headline_company: str | None = None
        self.chain_owner: str | None = None  # whose supply chain the headline maps
        self.chain_label_open = False  # the last sentence was a goods label and its colon
        self.filing = False  # the headline opens the headline company's own filing
        self.transcript = False  # a block opened with a speaker's label: later blocks go on
        self.issuer_headline = False  # the headline is an issuer's legal name in capitals
        # the goods a company was written to own, by lemma ("Apple's next iPhones": iphone):
        # whom "the iPhone maker" names
        self.products: dict[str, str] = {}
        # the name heading the sentence being read ("Montage Technology: ..."): what it is
        # about, and whose the round it mentions is
        self.heading: str | None = None

    def maker_of(self, product: str) -> str | None:
        """Whose goods a word names: the article's ("Apple's next iPhones") first, else the
        gazetteer's ("ChatGPT": OpenAI)."""
        if (owner := self.products.get(product)) is not None:
            return owner
        entry_id = self.gazetteer.by_product.get(product)
        if entry_id is None:
            return None
        entry = self.gazetteer.entries[entry_id]
        return self.resolve(entry.name, entry.type, gazetteer_id=entry_id)

    def type_of(self, entity_id: str) -> EntityType:
        return self.drafts[entity_id].type

    def is_known(self, entity_id: str) -> bool:
        return self.drafts[entity_id].known

    def seller_between(self, one: str, other: str) -> str | None:
        """Which of two companies sells to the other by where the gazetteer puts them in the
        chain (chips and power, then data-centre sites, GPU capacity, clouds, and the buyers);
        none when they stand level, or when either's place is not known (a company the
        gazetteer does not place may sell anything: "Google's deal with Kairos Power")."""
        places = [entry.chain if self.is_known(e) and (entry := self.gazetteer.entries.get(e))
                  else None for e in (one, other)]
        if places[0] is None or places[1] is None:
            return None
        ranks = [_CHAIN_ORDER.index(place) for place in places]
        if ranks[0] == ranks[1]:
            return None
        return one if ranks[0] < ranks[1] else other

    def resolve(self, surface: str, type_: EntityType, gazetteer_id: str = "",
                subject: bool = False) -> str | None:
        key = name_key(surface)
        if not key or key in triggers().generic_terms:
            return None
        entry = self.gazetteer.entries.get(gazetteer_id) or self.gazetteer.lookup(surface)
        if entry is None and type_ == "Person" and (short := self.shortened(surface)):
            self.seen(short, subject)  # "Axera" after "Axera Semiconductor", read as a person
            return short
        if entry is not None:
            draft = self.drafts.get(entry.id) or EntityDraft(
                entry.id, entry.name, entry.type, True, tickers=list(entry.tickers))
        else:
            draft = self._local(key, surface, type_)
        self.drafts.setdefault(draft.id, draft)
        self.by_key.setdefault(key, draft.id)
        if surface not in draft.tickers:
            draft.add_alias(surface)
        self.seen(draft.id, subject)
        return draft.id

    def _local(self, key: str, surface: str, type_: EntityType) -> EntityDraft:
        if key in self.by_key:
            draft = self.drafts[self.by_key[key]]
            if draft.name.isupper() and not draft.known and not surface.isupper() \
                    and len(draft.name.split()) > 1:  # "VOLTCORE HOLDINGS LIMITED" heading an
                draft.name = _display_name(surface)  # announcement is "Voltcore Holdings
            return draft  # Limited" in its text
        if type_ == "Person" and (person := self.surname(surface)) is not None:
            return self.drafts[person]  # "Su" after "Lisa Su"
        words = key.split()
        # names as written, so that "Shengyi Technology" does not take in "Shengyi Electronics"
        written = clean_surface(surface).lower().split()
        for draft in self.drafts.values():
            other = clean_surface(draft.name).lower().split()
            if draft.known and len(written) > len(other):
                continue  # "TSMC Arizona" is not TSMC: the gazetteer spells TSMC's names
            if draft.type == type_ != "Person" and (
                other[: len(written)] == written or written[: len(other)] == other
            ):
                if len(words) > len(other) and not draft.known:
                    draft.name = _display_name(surface)
                return draft
        name = _display_name(surface)
        entity_id = slugify(name)
        while entity_id in self.drafts or entity_id in self.gazetteer.entries:
            entity_id += "-x"
        # a name's last word types it ("... Networks" is a company), a sector's words do not
        # ("computing power networks")
        typed = type_ if type_ == "Sector" else infer_type(name) or type_
        return EntityDraft(entity_id, name, typed, False)

    def with_code(self, code: str) -> str | None:
        """The entity this article gave `code` to ("ChinaAMC Hang Seng Internet ETF (513330)")."""
        return next((d.id for d in self.drafts.values() if code in d.tickers), None)

    def surname(self, word: str) -> str | None:
        """The person this article named in full whose last name `word` is: "Su" after
        "Lisa Su"."""
        words = name_key(word).split()
        return next((d.id for d in self.drafts.values() if d.type == "Person" and len(words) == 1
                     and name_key(d.name).split()[-1:] == words), None)

    def shortened(self, surface: str) -> str | None:
        """The company this article named in full, which `surface` starts: "Victory Giant"
        after "Victory Giant Technology"."""
        words = clean_surface(surface).lower().split()
        full = {d.id: clean_surface(d.name).lower().split() for d in self.drafts.values()
                if d.type != "Person"}
        return next((i for i, name in full.items()
                     if words and len(name) > len(words) and name[:len(words)] == words), None)

    def seen(self, entity_id: str, subject: bool = False) -> None:
        self.counts[entity_id] = self.counts.get(entity_id, 0) + (2 if subject else 1)
        if entity_id in self.recent:
            self.recent.remove(entity_id)
        self.recent.append(entity_id)
        if subject and entity_id not in self.sentence_subjects[-1]:
            self.sentence_subjects[-1].append(entity_id)

    def note_shared_subject(self, entity_id: str) -> None:
        self.shared_subjects.add((len(self.sentence_subjects) - 1, entity_id))

    def note_raise(self, entity_ids: list[str], amount: FoundAmount | None = None) -> None:
        """Companies the article says raised money, and how much: "the round" later refers
        to the last."""
        self.raisers += [e for e in entity_ids if self.type_of(e) == "Company"]
        if amount is not None:
            self.raise_amounts.update((e, amount) for e in entity_ids)

    def latest(self, types: frozenset[str], exclude: frozenset[str] | set[str] = frozenset(),
               topical: bool = False) -> str | None:
        """The antecedent of a descriptor: a subject of that type (subjects are the most
        salient) from the latest sentence that has one, the first written there (the main
        clause's: "Axera's chips are used by Geely, and SMIC makes its wafers. The company's
        chairman ..." is Axera's); else the latest mention of that type. A `topical` noun
        ("the company", not "it") goes to the entity the article mentions most when that
        one is mentioned more ("Anthropic closed a round. QIA also took part. The company
        ..." is Anthropic)."""
        def fits(e: str) -> bool:
            return self.drafts[e].type in types and e not in exclude

        number, source = next(((n, subjects) for n, subjects in reversed(list(enumerate(
            self.sentence_subjects))) if any(fits(e) for e in subjects)), (0, []))
        found = next((e for e in source if fits(e)), None)
        if found is None:
            found = next((e for e in reversed(self.recent) if fits(e)), None)
        # "The Qatar Investment Authority and GIC also took part. The company ...": of
        # several subjects, none is "the company" by position; the most mentioned is
        several = sum(map(fits, source)) > 1
        # nor is a singular "its" one of subjects written together ("UBS and Jane Street
        # each took $80m of shares. ... Its existing shareholders include ..." is the
        # issuer's)
        shared = (number, found) in self.shared_subjects
        # funds and indices are taken in turn ("SMH took in $1.2bn ... KWEB lost $300m. The
        # fund tracks ..." is KWEB's): only a company is what an article is about
        topical = (topical or shared) and "Company" in types
        if topical and found is not None and (
                found not in self.sentence_subjects[-1] or several):
            top = max((e for e in self.recent if fits(e)),
                      key=lambda e: self.counts.get(e, 0))
            if self.counts.get(top, 0) > self.counts.get(found, 0) or several:
                return top
        return found

    def salient(self, types: frozenset[str]) -> str | None:
        """What the article was about before the sentence being read: the entity of that
        type it mentioned most, the latest of equals ("Broadcom ... Google remains its largest
        customer. Chief executive Hock Tan said ...": Broadcom's)."""
        order = {e: i for i, e in enumerate(self.recent_before)}
        return max((e for e in self.recent_before if self.drafts[e].type in types),
                   key=lambda e: (self.counts_before.get(e, 0), order[e]), default=None)

    def first_company(self) -> str | None:
        """The company the article named first: an announcement's issuer."""
        return next((d.id for d in self.drafts.values() if d.type == "Company"), None)

    def last_raisers(self) -> list[str]:
        """Who raised the round a sentence mentions without naming its raiser: the company
        heading the sentence ("Montage Technology: ...; Alibaba is among the cornerstone
        investors"), else the last one the article said raised money."""
        if self.heading is not None and self.type_of(self.heading) == "Company":
            return [self.heading]
        return self.raisers[-1:]

    def begin_sentence(self) -> None:
        self.heading = None
        self.sentence_subjects.append([])
        self.recent_before = list(self.recent)
        self.counts_before = dict(self.counts)

    def entities(self) -> tuple[Entity, ...]:
        return tuple(d.entity() for d in self.drafts.values())


def _display_name(surface: str) -> str:
    name = clean_surface(surface)
    return name[4:] if name.lower().startswith("the ") else name
