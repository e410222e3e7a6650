"""The Markdown page of one article: its claims, figures and events tables."""

from __future__ import annotations

from sitroom.cli import render
from sitroom.models import AnalyzedArticle
from test_store_quotes import Draft

MOD = {"id": "russian-ministry-of-defence", "name": "Russian Ministry of Defence"}
BIDEN = {"id": "joe-biden", "name": "Joe Biden"}


def _record() -> AnalyzedArticle:
    record = Draft().build("Troops at the border", published="2022-02-15T10:00:00")
    record.claims = [{
        "id": "c1", "text": "some troops were returning to their bases", "span": [0, 10],
        "claimant": MOD, "hedges": ["appearing to show"], "verification": "disputed",
        "stances": [{"by": BIDEN, "stance": "disputes", "span": [20, 30]}],
    }]
    record.figures = [
        {"id": "f1", "value": 150000, "value_max": None, "qualifier": "over", "unit": "troops",
         "subject": "troops on Ukraine's border", "source": BIDEN, "source_kind": "speaker",
         "revises": "f2", "span": [40, 60]},
        {"id": "f2", "value": 2000, "value_max": 4000, "qualifier": "between", "unit": "people",
         "subject": "people displaced", "source": None, "source_kind": "unnamed",
         "revises": None, "span": [70, 80]},
    ]
    record.events = [{
        "id": "e1", "type": "MOBILIZE", "mode": "troops", "actor": {"id": "russia",
                                                                   "name": "Russia"},
        "target": {"id": "ukraine", "name": "Ukraine"}, "status": "asserted",
        "reported_by": BIDEN, "text": "over 150,000 troops now line Ukraine's border",
        "span": [40, 80],
    }]
    return record


def test_claims_figures_and_events_are_tables() -> None:
    page = render.to_markdown(_record())
    assert ("| c1 | Russian Ministry of Defence | some troops were returning to their bases"
            " | appearing to show | disputed | disputes by Joe Biden |") in page
    assert "| f1 | over | 150,000 | troops | troops on Ukraine's border | Joe Biden | f2 |" in page
    assert "| f2 | between | 2,000–4,000 | people | people displaced | unnamed |  |" in page
    assert ("| e1 | MOBILIZE | troops | Russia | Ukraine | asserted | Joe Biden"
            " | over 150,000 troops now line Ukraine's border |") in page
    order = [page.index(h) for h in ("## Who said what", "## Claims", "## Figures",
                                     "## Events", "## Entities")]
    assert order == sorted(order)


def test_empty_sections_say_so() -> None:
    record = Draft().build("Quiet day", published=None)
    page = render.to_markdown(record)
    for empty in (render.NO_CLAIMS, render.NO_FIGURES, render.NO_EVENTS):
        assert empty in page
