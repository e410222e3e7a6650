"""ArticleContext: who speaks at an offset and which actor a phrase names."""

from __future__ import annotations

from sitroom.attribution.ports import default_gazetteer
from sitroom.context import ArticleContext
from sitroom.models import Article

TEXT = "Moscow said troops would stay. Mr Lee said talks went well. Kyiv's army held."


def _ctx(entities: list[dict[str, object]] | None = None) -> ArticleContext:
    quotes = [{"id": "q1", "span": [12, 29], "speaker": {"id": "russia", "name": "Russia"}},
              {"id": "q2", "span": [40, 58], "speaker": {"id": None, "name": None}}]
    return ArticleContext(article=Article(text=TEXT, published="2022-02-15T10:00:00"),
                          paragraphs=[], entities=entities or [], quotes=quotes,
                          gazetteer=default_gazetteer(), outlet="Daily Ledger")


def test_speaker_is_the_quote_that_covers_the_span() -> None:
    ctx = _ctx()
    assert ctx.speaker_at(12, 18) == {"id": "russia", "name": "Russia"}
    assert ctx.quote_at(13)["id"] == "q1"  # type: ignore[index]
    assert ctx.speaker_at(45) is None  # an unresolved speaker is no source
    assert ctx.speaker_at(0, 6) is None


def test_outlet_and_date() -> None:
    ctx = _ctx()
    assert ctx.outlet_ref() == {"id": "outlet:daily-ledger", "name": "Daily Ledger"}
    assert ctx.published is not None and ctx.published.isoformat() == "2022-02-15"


def test_actor_for_reads_entities_then_the_gazetteer() -> None:
    lee = {"id": "kim-lee", "name": "Kim Lee", "mentions": [[31, 37]]}
    twin = {"id": "lee-group", "name": "Lee Group", "mentions": [[31, 37]]}  # same span
    ctx = _ctx([lee, twin])
    assert ctx.actor_for(31, 37) is not None
    assert ctx.actor_for(0, 6) == {"id": "russia", "name": "Russia"}  # capital for state
    assert ctx.actor_for(60, 71) == {"id": "armed-forces-of-ukraine",  # "Kyiv's army"
                                     "name": "Armed Forces of Ukraine"}
    assert ctx.actor_for(12, 18) is None  # "troops" alone names no one
