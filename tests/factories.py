"""Synthetic extractions for store tests: no spaCy needed, every value controlled."""

from __future__ import annotations

from datetime import date

from capexgraph.schema import Amount, Article, ArticleExtraction, Entity, Evidence, Relation


def extraction(article_id: str, pairs: list[tuple[str, str]], *, text: str | None = None,
               published: date | None = date(2025, 1, 2)) -> ArticleExtraction:
    """An article stating that each (investor, investee) pair INVESTS_IN, $1bn each."""
    body = text or " ".join(f"{a} invests $1bn in {b}." for a, b in pairs)
    article = Article.from_text(id=article_id, title=article_id, text=body, source="test",
                                published=published)
    names = sorted({n for pair in pairs for n in pair})
    entities = tuple(Entity(id=n.lower(), name=n, type="Company", aliases=(n,)) for n in names)
    relations = []
    offset = 0
    for a, b in pairs:
        sentence = f"{a} invests $1bn in {b}."
        relations.append(Relation(
            type="INVESTS_IN", source=a.lower(), target=b.lower(),
            amount=Amount(value=1e9, currency="USD", value_usd=1e9),
            evidence=Evidence(article_id=article_id, sentence=sentence, start=offset,
                              end=offset + len(sentence), rule="test"),
            confidence=0.9,
        ))
        offset += len(sentence) + 1
    return ArticleExtraction(article=article, entities=entities, relations=tuple(relations))
