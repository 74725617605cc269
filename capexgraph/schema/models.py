"""The pydantic models at capexgraph's boundaries: articles, entities, amounts, relations.

Frozen and strict (unknown fields are errors) so that nothing half-formed travels between the
extractor, the stores and the CLI.
"""

from __future__ import annotations

import hashlib
import re
from datetime import date
from typing import Annotated, Literal, Self

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

EntityType = Literal["Company", "Person", "Fund", "Index", "Sector"]
RelationType = Literal["INVESTS_IN", "SUPPLIES", "CONSTITUENT_OF", "TRACKS", "EXECUTIVE_OF"]
Status = Literal["announced", "planned", "completed", "rumored", "denied"]
Qualifier = Literal["exact", "up_to", "about", "over", "range"]

ENTITY_TYPES: tuple[EntityType, ...] = ("Company", "Person", "Fund", "Index", "Sector")
RELATION_TYPES: tuple[RelationType, ...] = (
    "INVESTS_IN", "SUPPLIES", "CONSTITUENT_OF", "TRACKS", "EXECUTIVE_OF",
)
ASSERTED_STATUSES: frozenset[Status] = frozenset({"announced", "planned", "completed"})

_ISO_4217 = frozenset(
    "USD CNY HKD EUR GBP JPY KRW TWD INR SGD CHF CAD AUD SAR AED SEK NOK DKK BRL MXN ZAR "
    "ILS MYR THB IDR VND PHP NZD RUB TRY PLN QAR KWD".split()
)
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def _currency(code: str) -> str:
    if code not in _ISO_4217:
        raise ValueError(f"{code!r} is not an ISO 4217 currency code capexgraph knows")
    return code


def _slug(value: str) -> str:
    if not _SLUG.match(value):
        raise ValueError(f"{value!r} is not a slug (lowercase letters, digits and dashes)")
    return value


Currency = Annotated[str, AfterValidator(_currency)]
Slug = Annotated[str, AfterValidator(_slug)]
PositiveFloat = Annotated[float, Field(gt=0)]


class Model(BaseModel):
    """Base: immutable, and an unknown field is an error rather than silently dropped."""

    model_config = ConfigDict(frozen=True, extra="forbid")


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class Article(Model):
    id: str = Field(min_length=1)
    title: str
    published: date | None = None
    source: str
    text: str
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")

    @classmethod
    def from_text(
        cls, *, id: str, title: str, text: str, source: str, published: date | None = None
    ) -> Article:
        return cls(
            id=id, title=title, published=published, source=source, text=text,
            sha256=sha256_text(text),
        )

    @model_validator(mode="after")
    def _digest_matches(self) -> Self:
        if sha256_text(self.text) != self.sha256:
            raise ValueError("sha256 does not match the article text")
        return self


class Entity(Model):
    id: Slug
    name: str = Field(min_length=1)
    type: EntityType
    aliases: tuple[str, ...] = ()
    tickers: tuple[str, ...] = ()


class Amount(Model):
    """Money as written (value, currency, qualifier) plus its USD value and the rate behind it."""

    value: PositiveFloat
    currency: Currency
    qualifier: Qualifier = "exact"
    value_high: PositiveFloat | None = None
    value_usd: PositiveFloat | None = None
    usd_rate: PositiveFloat | None = None
    rate_date: date | None = None

    @model_validator(mode="after")
    def _range_is_consistent(self) -> Self:
        if (self.qualifier == "range") != (self.value_high is not None):
            raise ValueError("value_high is given exactly when the qualifier is 'range'")
        if self.value_high is not None and self.value_high <= self.value:
            raise ValueError("value_high must be above value")
        return self


class Evidence(Model):
    article_id: str
    sentence: str
    start: int = Field(ge=0)
    end: int
    rule: str

    @model_validator(mode="after")
    def _span_is_ordered(self) -> Self:
        if self.end <= self.start:
            raise ValueError("evidence end must be after start")
        return self


class Relation(Model):
    type: RelationType
    source: Slug
    target: Slug
    amount: Amount | None = None
    weight_pct: Annotated[float, Field(ge=0, le=100)] | None = None
    role: str | None = None
    status: Status = "announced"
    evidence: Evidence
    confidence: Annotated[float, Field(ge=0, le=1)] = 0.5

    @property
    def asserted(self) -> bool:
        return self.status in ASSERTED_STATUSES

    @property
    def detail(self) -> int:
        """How many measured attributes (amount, weight) it carries: of two statements of
        one fact, the more detailed is kept."""
        return (self.amount is not None) + (self.weight_pct is not None)


class ArticleExtraction(Model):
    """Everything read from one article; relations must connect its entities by the model."""

    article: Article
    entities: tuple[Entity, ...]
    relations: tuple[Relation, ...]

    @model_validator(mode="after")
    def _relations_fit_model(self) -> Self:
        from capexgraph.schema.relation_types import check_relation

        types = {e.id: e.type for e in self.entities}
        for rel in self.relations:
            check_relation(rel, types)
        return self
