"""Builders for the ledger tests: articles whose figures, events and claims are filled by
hand in the shapes of docs/records.md (the per-article stages still return [])."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sitroom.models import AnalyzedArticle
from test_store_support import make_article

BIDEN = {"id": "joe-biden", "name": "Joe Biden"}
NATO = {"id": "nato", "name": "NATO"}
RUSSIA = {"id": "russia", "name": "Russia"}
UKRAINE = {"id": "ukraine", "name": "Ukraine"}
MOD = {"id": "russian-ministry-of-defence", "name": "Russian Ministry of Defence"}
#: The defence ministry as an article that missed the gazetteer would name it.
MOD_LOCAL = {"id": "russian-defence-ministry", "name": "Russian Defence Ministry"}


def outlet(name: str) -> dict[str, str]:
    """The outlet speaking in its own voice (``ArticleContext.outlet_ref``)."""
    return {"id": f"outlet:{name.lower()}", "name": name}


@dataclass
class Story:
    """An article's text built piece by piece, with its ledger records and entities."""

    outlet: str
    published: str | None
    ident: str
    text: str = ""
    entities: dict[str, dict[str, Any]] = field(default_factory=dict)
    figures: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    claims: list[dict[str, Any]] = field(default_factory=list)

    def _append(self, piece: str) -> list[int]:
        start = len(self.text)
        self.text += piece + " "
        return [start, start + len(piece)]

    def _mention(self, actor: dict[str, Any], span: list[int]) -> None:
        entity = self.entities.setdefault(actor["id"], {**actor, "kind": None, "mentions": []})
        entity["mentions"].append(span)

    def figure(
        self, value: int, unit: str, subject: str, source: dict[str, Any] | None, **extra: Any
    ) -> Story:
        """Add a figure of ``measure`` = unit unless given."""
        span = self._append(f"{value:,} {unit} ({subject}).")
        self.figures.append(
            {
                "id": f"f{len(self.figures) + 1}",
                "value": value,
                "value_max": None,
                "qualifier": "exactly",
                "unit": unit,
                "measure": unit,
                "subject": subject,
                "source": source,
                "source_kind": "speaker" if source else "unnamed",
                "date": None,
                "text": f"{value:,} {unit}",
                "span": span,
                "revises": None,
                "estimate": False,
                "quote": None,
                **extra,
            }
        )
        return self

    def event(
        self,
        type_: str,
        actor: dict[str, Any],
        target: dict[str, Any] | None,
        reported_by: dict[str, Any],
        **extra: Any,
    ) -> Story:
        """Add an event naming its actor (and target) in the text."""
        span = self._append(f"{actor['name']} acted ({type_}).")
        if actor.get("id"):
            self._mention(actor, [span[0], span[0] + len(actor["name"])])
        self.events.append(
            {
                "id": f"e{len(self.events) + 1}",
                "type": type_,
                "mode": None,
                "actor": actor,
                "target": target,
                "status": "asserted",
                "reported_by": reported_by,
                "trigger": {"text": "acted", "span": [span[0], span[1]]},
                "text": self.text[span[0] : span[1]],
                "span": span,
                "date": None,
                "weight": -6.5,
                "quote": None,
                **extra,
            }
        )
        return self

    def claim(
        self,
        words: str,
        claimant: dict[str, Any] | None,
        topic: list[str],
        *,
        polarity: str = "positive",
        stances: list[tuple[dict[str, Any], str]] = (),  # type: ignore[assignment]
        names: list[dict[str, Any]] = (),  # type: ignore[assignment]
        **extra: Any,
    ) -> Story:
        """Add a claim; ``names`` are actors mentioned inside its text."""
        span = self._append(words)
        for actor in names:
            at = words.index(actor["name"])
            self._mention(actor, [span[0] + at, span[0] + at + len(actor["name"])])
        if claimant is not None and not claimant["id"].startswith("outlet:"):
            self._mention(claimant, self._append(f"said {claimant['name']}."))
        stance_dicts = []
        for by, stance in stances:
            stance_span = self._append(f"{by['name']} {stance} it.")
            stance_dicts.append(
                {"by": by, "stance": stance, "quote": None, "text": "it", "span": stance_span}
            )
        self.claims.append(
            {
                "id": f"c{len(self.claims) + 1}",
                "text": words,
                "span": span,
                "claimant": claimant,
                "quote": None,
                "hedges": [],
                "verification": "disputed"
                if any(s == "disputes" for _, s in stances)
                else "unverified",
                "stances": stance_dicts,
                "topic": topic,
                "polarity": polarity,
                **extra,
            }
        )
        return self

    def build(self) -> AnalyzedArticle:
        """The AnalyzedArticle as the pipeline would hand it to the store."""
        record = make_article(
            self.text.strip() or self.ident,
            title=f"{self.outlet} {self.ident}",
            outlet=self.outlet,
            published=self.published,
            ident=self.ident,
            url=f"https://{self.outlet.lower()}.example/{self.ident}",
        )
        record.entities = list(self.entities.values())
        record.figures = self.figures
        record.events = self.events
        record.claims = self.claims
        return record


RETURNING = ["troop", "return", "base"]


def crisis() -> list[AnalyzedArticle]:
    """Four articles about troops near Ukraine, by three outlets and a fourth later on.

    - the defence ministry's claim that troops return to base, first alone (LBC), then
      again under another name (BBC), then disputed by Biden and denied by NATO (Reuters);
    - troop figures of 130,000, then over 150,000, given in that date order;
    - one mobilisation reported by LBC, BBC (via Biden) and Reuters within three days,
      and another a week later (AP).
    """
    lbc = (
        Story("LBC", "2022-02-15T15:28:00", "lbc-15")
        .claim("some troops were returning to their bases", MOD, RETURNING)
        .figure(130000, "troops", "Russian troops on Ukraine's border", None, estimate=True)
        .event("MOBILIZE", RUSSIA, UKRAINE, outlet("LBC"))
    )
    bbc = (
        Story("BBC", "2022-02-16T09:00:00", "bbc-16")
        .claim(
            "Russian troops are returning to base after exercises",
            MOD_LOCAL,
            ["troop", "return", "base", "exercise"],
        )
        .figure(150000, "troops", "Russian troops near Ukraine", BIDEN, qualifier="over")
        .event("MOBILIZE", RUSSIA, UKRAINE, BIDEN)
    )
    reuters = (
        Story("Reuters", "2022-02-17T12:00:00", "reuters-17")
        .claim(
            "troops returning to their bases",
            MOD,
            RETURNING,
            stances=[(BIDEN, "disputes")],
        )
        .claim("no sign of troops returning to base", NATO, RETURNING, polarity="negative")
        .event("MOBILIZE", RUSSIA, UKRAINE, outlet("Reuters"), date="2022-02-17")
    )
    ap = (
        Story("AP", "2022-02-25T08:00:00", "ap-25")
        .event("MOBILIZE", RUSSIA, UKRAINE, outlet("AP"))
        .figure(7, "killed", "civilians in Kharkiv", outlet("AP"), measure="killed")
    )
    return [lbc.build(), bbc.build(), reuters.build(), ap.build()]
