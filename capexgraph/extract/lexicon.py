"""Trigger, status and descriptor lexicons, loaded from data/*.yaml and validated once."""

from __future__ import annotations

import re
from functools import cache, cached_property
from importlib.resources import files

import yaml
from pydantic import ValidationError

from capexgraph.errors import InvalidModel
from capexgraph.schema.models import Model


class Invests(Model):
    verbs: frozenset[str]
    object_verbs: frozenset[str]
    nouns: frozenset[str]
    spending_nouns: frozenset[str]
    partner_nouns: frozenset[str] = frozenset()
    directing_verbs: frozenset[str] = frozenset()
    driving_verbs: frozenset[str] = frozenset()
    target_preps: frozenset[str]
    receive_verbs: frozenset[str]
    investor_preps: frozenset[str]
    security_nouns: frozenset[str]
    offering_nouns: frozenset[str]
    money_nouns: frozenset[str]
    apply_verbs: frozenset[str]
    allot_verbs: frozenset[str] = frozenset()
    access_verbs: frozenset[str] = frozenset()
    portion_nouns: frozenset[str] = frozenset()
    activity_nouns: frozenset[str] = frozenset()
    allocate_verbs: frozenset[str]
    acquire_verbs: frozenset[str]
    equity_deal_kinds: frozenset[str]
    take_verbs: frozenset[str]
    give_verbs: frozenset[str]
    acquisition_nouns: frozenset[str]
    equity_nouns: frozenset[str]
    held_nouns: frozenset[str]
    founding_verbs: frozenset[str] = frozenset()
    founding_nouns: frozenset[str] = frozenset()
    capital_increase_verbs: frozenset[str] = frozenset()
    spend_verbs: frozenset[str] = frozenset()
    round_nouns: frozenset[str]
    round_share_nouns: frozenset[str] = frozenset()
    led_nouns: frozenset[str] = frozenset()
    keep_verbs: frozenset[str] = frozenset()
    remaining_words: frozenset[str] = frozenset()
    raiser_nouns: frozenset[str]
    participate_verbs: frozenset[str]
    participate_nouns: frozenset[str]
    lead_verbs: frozenset[str]
    draw_verbs: frozenset[str]
    purpose_verbs: frozenset[str]
    research_verbs: frozenset[str] = frozenset()
    own_verbs: frozenset[str]
    disposal_verbs: frozenset[str]
    business_nouns: frozenset[str]
    division_nouns: frozenset[str]
    venture_nouns: frozenset[str]
    investor_nouns: frozenset[str]
    owned_nouns: frozenset[str]
    issued_nouns: frozenset[str]
    issue_verbs: frozenset[str] = frozenset()
    debt_nouns: frozenset[str] = frozenset()
    order_taking_verbs: frozenset[str] = frozenset()
    loan_nouns: frozenset[str] = frozenset()
    issuing_verbs: frozenset[str]


class Supplies(Model):
    verbs: frozenset[str]
    partnering_verbs: frozenset[str] = frozenset()
    joint_adverbs: frozenset[str] = frozenset()
    having_verbs: frozenset[str] = frozenset()
    qualification_nouns: frozenset[str] = frozenset()
    qualified_words: frozenset[str]
    qualifying_verbs: frozenset[str] = frozenset()
    customer_preps: frozenset[str]
    reverse_verbs: frozenset[str]
    source_preps: frozenset[str]
    origin_verbs: frozenset[str]
    destination_verbs: frozenset[str]
    chooser_verbs: frozenset[str]
    enlist_verbs: frozenset[str] = frozenset()
    helping_verbs: frozenset[str] = frozenset()
    resale_verbs: frozenset[str] = frozenset()
    outsource_verbs: frozenset[str]
    chooser_preps: frozenset[str]
    nouns: frozenset[str]
    partner_nouns: frozenset[str]
    partner_kinds: frozenset[str]
    customer_nouns: frozenset[str]
    order_nouns: frozenset[str]
    order_preps: frozenset[str]
    order_moving_verbs: frozenset[str] = frozenset()
    contract_nouns: frozenset[str]
    work_nouns: frozenset[str] = frozenset()
    role_deal_nouns: frozenset[str] = frozenset()
    alliance_words: frozenset[str] = frozenset()
    named_deal_nouns: frozenset[str] = frozenset()
    product_customer_nouns: frozenset[str] = frozenset()
    share_verbs: frozenset[str] = frozenset()
    goods_nouns: frozenset[str]
    demand_nouns: frozenset[str]
    service_verbs: frozenset[str]
    making_verbs: frozenset[str]
    site_nouns: frozenset[str] = frozenset()
    production_sites: frozenset[str] = frozenset()
    requirement_nouns: frozenset[str]
    chain_verbs: frozenset[str]
    remainder_nouns: frozenset[str]
    reliance_verbs: frozenset[str]
    workload_nouns: frozenset[str]
    recourse_verbs: frozenset[str] = frozenset()
    equip_verbs: frozenset[str]
    site_verbs: frozenset[str] = frozenset()
    payment_verbs: frozenset[str]
    revenue_nouns: frozenset[str]
    ramp_verbs: frozenset[str] = frozenset()
    share_words: frozenset[str] = frozenset()
    capacity_verbs: frozenset[str] = frozenset()
    taking_verbs: frozenset[str] = frozenset()
    output_nouns: frozenset[str] = frozenset()
    source_verbs: frozenset[str] = frozenset()
    working_verbs: frozenset[str] = frozenset()
    making_nouns: frozenset[str] = frozenset()
    help_nouns: frozenset[str] = frozenset()
    service_nouns: frozenset[str] = frozenset()
    revenue_verbs: frozenset[str]
    shipment_nouns: frozenset[str]
    in_supply_nouns: frozenset[str] = frozenset()
    earning_nouns: frozenset[str]
    payment_nouns: frozenset[str]


class Constituents(Model):
    holder_verbs: frozenset[str]
    dominance_verbs: frozenset[str] = frozenset()
    next_words: frozenset[str] = frozenset()
    replacing_verbs: frozenset[str] = frozenset()
    asset_nouns: frozenset[str] = frozenset()
    allocating_verbs: frozenset[str] = frozenset()
    heading_nouns: frozenset[str] = frozenset()
    member_verbs: frozenset[str]
    member_particles: dict[str, str]
    member_preps: frozenset[str]
    nouns: frozenset[str]
    context_nouns: frozenset[str]
    fund_nouns: frozenset[str]
    index_nouns: frozenset[str] = frozenset()
    move_nouns: frozenset[str] = frozenset()
    weigh_verbs: frozenset[str]
    collective: frozenset[str]
    weight_nouns: frozenset[str]
    price_moves: frozenset[str]
    limit_nouns: frozenset[str]
    move_adverbs: frozenset[str]
    session_verbs: frozenset[str] = frozenset()
    move_driver_verbs: frozenset[str] = frozenset()
    fund_trade_verbs: frozenset[str] = frozenset()
    follow_verbs: frozenset[str]


class Tracks(Model):
    verbs: frozenset[str]
    index_preps: frozenset[str]
    nouns: frozenset[str]
    index_modifiers: frozenset[str] = frozenset()
    performance_nouns: frozenset[str]
    performance_verbs: frozenset[str]


class Executives(Model):
    titles: dict[str, tuple[str, ...]]
    verbs: dict[str, str]
    past: frozenset[str]
    join_verbs: frozenset[str]
    leave_verbs: frozenset[str]
    succeed_verbs: frozenset[str]
    department_nouns: frozenset[str] = frozenset()

    def title_words(self) -> frozenset[str]:
        """The last word of every title ("executive", "ceo", "founder")."""
        return self._title_words

    @cached_property
    def _title_words(self) -> frozenset[str]:  # asked for every noun: computed once
        return frozenset(spelling.split()[-1].split("-")[-1]
                         for spellings in self.titles.values() for spelling in spellings)

    def title_roles(self) -> dict[tuple[str, ...], str]:
        """Each title spelling as a tuple of lowercase words, mapped to its role."""
        return self._title_roles

    def title_first_words(self) -> frozenset[str]:
        """The words a title can begin with: its spellings' first words, and the "chief" of
        a "chief ... officer" no list spells."""
        return self._title_first_words

    @cached_property
    def _title_first_words(self) -> frozenset[str]:
        return frozenset(k[0] for k in self._title_roles) | {"chief"}

    @cached_property
    def _title_roles(self) -> dict[tuple[str, ...], str]:  # asked for every sentence
        roles = {}
        for role, spellings in self.titles.items():
            for spelling in spellings:
                roles[tuple(spelling.split())] = role
                # the tokenizer splits "co-founder" into "co", "-", "founder"
                roles[tuple(re.sub(r"-", " - ", spelling).split())] = role
        return roles


class Descriptors(Model):
    Company: frozenset[str]
    Fund: frozenset[str]
    Index: frozenset[str]


class Triggers(Model):
    invests: Invests
    supplies: Supplies
    constituents: Constituents
    tracks: Tracks
    executives: Executives
    descriptors: Descriptors
    list_verbs: frozenset[str]  # "its backers include X": the subject noun describes X
    phrasal_verbs: dict[str, str]  # "pick up" -> raise
    compound_nouns: dict[str, str]  # "capital increase" -> investment
    sector_stop: frozenset[str]
    sector_if_modified: frozenset[str]
    modifier_stop: frozenset[str]
    generic_terms: frozenset[str]
    relational_nouns: frozenset[str] = frozenset()
    group_nouns: frozenset[str] = frozenset()
    filing_titles: tuple[str, ...] = ()

    @cached_property
    def nouns(self) -> frozenset[str]:
        """Every trigger and descriptor noun of every section (the `*nouns` lists)."""
        sections = (self.invests, self.supplies, self.constituents, self.tracks,
                    self.descriptors)
        words: set[str] = set()
        for section in sections:
            for name, value in section:
                if name.endswith("nouns") or section is self.descriptors:
                    words |= value
        return frozenset(words)

    @cached_property
    def verbs(self) -> frozenset[str]:
        """Every trigger verb of every section (the `*verbs` lists), one word each."""
        sections = (self.invests, self.supplies, self.constituents, self.tracks,
                    self.executives)
        words = {w for section in sections for name, value in section
                 if name.endswith("verbs") for w in value}
        return frozenset(w for w in words | self.list_verbs if " " not in w)


class Cues(Model):
    lemmas: frozenset[str] = frozenset()
    phrases: tuple[str, ...] = ()
    modals: frozenset[str] = frozenset()


class StatusCues(Model):
    denied: Cues
    rumored: Cues
    planned: Cues
    completed: Cues
    attribution: frozenset[str]
    confirming: frozenset[str] = frozenset()
    hearsay_passives: frozenset[str] = frozenset()
    ending: frozenset[str] = frozenset()
    publications: tuple[str, ...] = ()


def _load(name: str) -> object:
    return yaml.safe_load(files("capexgraph").joinpath(f"data/{name}").read_text("utf-8"))


@cache
def triggers() -> Triggers:
    try:
        return Triggers.model_validate(_load("triggers.yaml"))
    except ValidationError as exc:
        raise InvalidModel(f"data/triggers.yaml is invalid: {exc}") from None


@cache
def status_cues() -> StatusCues:
    try:
        return StatusCues.model_validate(_load("statuses.yaml"))
    except ValidationError as exc:
        raise InvalidModel(f"data/statuses.yaml is invalid: {exc}") from None
