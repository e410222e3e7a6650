"""The founding example's events: the build-up, the threat, the accusations, the talks.

The page is read at run time from $SITROOM_DATA/seed (../shared/data beside the
repository by default) and never copied into the repository. Without it the
test is skipped, except in CI (CI=true), where it fails. The article is taken
through the per-article stages the events stage reads (decode, extract, parse,
attribution), not the whole pipeline.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from sitroom.attribution import attribute
from sitroom.attribution.ports import default_gazetteer
from sitroom.context import ArticleContext
from sitroom.events import find_events
from sitroom.extract import extract
from sitroom.ingest.decode import decode
from sitroom.models import RawDocument
from sitroom.nlp import parse

OUTLET = "LBC"



@pytest.fixture(scope="module")
def seed(seed_path: Path) -> tuple[ArticleContext, list[dict[str, Any]]]:
    doc = RawDocument(origin=str(seed_path), data=seed_path.read_bytes(), format="text",
                      via="file", path=str(seed_path))
    article = extract(doc, decode(doc))
    paragraphs = parse(article.text)
    gazetteer = default_gazetteer()
    found = attribute(article, outlet=OUTLET, gazetteer=gazetteer, paragraphs=paragraphs)
    ctx = ArticleContext(article=article, paragraphs=paragraphs, entities=found.entities,
                         quotes=found.attributions(), gazetteer=gazetteer, outlet=OUTLET)
    return ctx, find_events(ctx)


def _name(ref: dict[str, Any] | None) -> str | None:
    return None if ref is None else ref["name"]


def _find(events: list[dict[str, Any]], event_type: str, phrase: str) -> dict[str, Any]:
    """The event of a type whose sentence holds ``phrase``."""
    for event in events:
        if event["type"] == event_type and phrase in event["text"]:
            return event
    raise AssertionError(f"no {event_type} event in a sentence with {phrase!r}")


def test_troops_lining_the_border_are_a_russian_build_up(seed: Any) -> None:
    _, events = seed
    event = _find(events, "MOBILIZE", "150,000 troops now line")
    assert (_name(event["actor"]), _name(event["target"])) == ("Russia", "Ukraine")
    assert event["mode"] == "troops"
    assert _name(event["reported_by"]) == "Joe Biden"
    assert event["status"] in ("asserted", "claimed")  # "it is believed" hedges it


def test_more_battalion_groups_closer_to_the_border_is_mobilize(seed: Any) -> None:
    _, events = seed
    event = _find(events, "MOBILIZE", "battalion tactical groups")
    assert _name(event["actor"]) == "Russia"


def test_bidens_warning_is_a_threat_against_russia(seed: Any) -> None:
    _, events = seed
    event = _find(events, "THREATEN", "issued a stark warning to Russia")
    assert (_name(event["actor"]), _name(event["target"])) == ("Joe Biden", "Russia")


def test_rallying_the_world_if_russia_proceeds_is_a_threat(seed: Any) -> None:
    _, events = seed
    event = _find(events, "THREATEN", "If Russia proceeds")
    assert (_name(event["actor"]), _name(event["target"])) == ("Joe Biden", "Russia")
    assert event["quote"] is not None


def test_sanctions_warning_is_a_threat(seed: Any) -> None:
    _, events = seed
    event = _find(events, "THREATEN", "several sanctions")
    assert _name(event["actor"]) == "Joe Biden"


def test_putin_calls_donbas_genocide(seed: Any) -> None:
    _, events = seed
    event = _find(events, "ACCUSE", "is genocide")
    assert _name(event["actor"]) == "Vladimir Putin"


def test_truss_accuses_russia_of_false_flags(seed: Any) -> None:
    _, events = seed
    event = _find(events, "ACCUSE", "false flag incidents set up by the Russians")
    assert (_name(event["actor"]), _name(event["target"])) == ("Liz Truss", "Russia")


def test_putin_consults_scholz(seed: Any) -> None:
    _, events = seed
    event = _find(events, "CONSULT", "press conference with German leader Olaf Scholz")
    assert (_name(event["actor"]), _name(event["target"])) == ("Vladimir Putin", "Olaf Scholz")
    assert _find(events, "CONSULT", "talks are ongoing")


def test_the_announced_pullback_is_never_an_asserted_retreat(seed: Any) -> None:
    _, events = seed
    retreats = [e for e in events if e["type"] == "RETREAT"]
    assert retreats
    returning = _find(events, "RETREAT", "were returning to their bases, with Moscow")
    assert returning["status"] in ("claimed", "disputed")
    assert _name(returning["reported_by"]) == "Russian Ministry of Defence"
    assert all(e["status"] != "asserted" for e in retreats)


def test_nato_sees_no_de_escalation(seed: Any) -> None:
    _, events = seed
    assert _find(events, "RETREAT", "had not seen any signs of de-escalation")["status"] \
        == "negated"


def test_every_event_span_holds_its_text(seed: Any) -> None:
    ctx, events = seed
    assert all(e["span"][1] <= len(ctx.text) for e in events)
    assert all(ctx.text[e["span"][0]:e["span"][1]] == e["text"] for e in events)
