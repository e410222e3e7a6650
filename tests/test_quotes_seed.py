"""The founding example: every statement of Biden, Putin, Stoltenberg, Johnson and Truss.

The page is read at run time from $SITROOM_DATA/seed (../shared/data beside the
repository by default) and never copied into the repository. Without it the
test is skipped, except in CI (CI=true), where it fails.
"""

from __future__ import annotations

from typing import Any

import pytest

#: (a phrase of the quote's text, the speaker's canonical name, how it must be resolved
#: or None when any way will do). Every statement the five make on the page.
STATEMENTS: list[tuple[str, str, str | None]] = [
    ("Cautious optimism", "Jens Stoltenberg", None),
    ("we will rally the world\" if", "Joe Biden", "name"),
    ("If Russia proceeds, we will rally the world", "Joe Biden", "surname"),
    ("Nato countries were prepared to bring in several sanctions", "Joe Biden", "pronoun"),
    ("diplomacy every chance to succeed", "Joe Biden", "pronoun"),
    ("they remain very much in threatening positions", "Joe Biden", "surname"),
    ("over 150,000 troops now line Ukraine's border", "Joe Biden", "pronoun"),
    ("we don't want war", "Vladimir Putin", "name"),
    ("Donbas region was \"genocide\"", "Vladimir Putin", "surname"),
    ("the conflict there to be resolved", "Vladimir Putin", "surname"),
    ("In our view what is now happening in Donbas is genocide", "Vladimir Putin", "pronoun"),
    ("of course we don't", "Vladimir Putin", "surname"),
    ("equal security", "Vladimir Putin", "pronoun"),
    ("no meaningful constructive response", "Vladimir Putin", "pronoun"),
    ("tried to secure a compromise", "Vladimir Putin", "role"),
    ("mass violations of human rights", "Vladimir Putin", "pronoun"),
    ("everything remains in place for an attack", "Jens Stoltenberg", "name"),
    ("So far, we have not seen any de-escalation", "Jens Stoltenberg", "pronoun"),
    ("That gives us some reason for cautious optimism", "Jens Stoltenberg", "continuation"),
    ("We will, of course, follow very closely", "Jens Stoltenberg", "pronoun"),
    ("there are \"mixed signals\" coming from Russia", "Boris Johnson", "name"),
    ("clearly there are signs of a diplomatic opening", "Boris Johnson", "surname"),
    ("intelligence that we are seeing today is still not encouraging", "Boris Johnson",
     "pronoun"),
    ("construed as preparation for an invasion", "Boris Johnson", "role"),
    ("battalion tactical groups being brought closer", "Boris Johnson", "surname"),
    ("So, mixed signals, I think", "Boris Johnson", "surname"),
    ("possible false flag operation", "Liz Truss", None),
    ("Russia could be plotting a \"false flag\" invasion", "Liz Truss", "name"),
    ("I do not trust what [Russia has] said", "Liz Truss", "pronoun"),
    ("numerous occasions where we've seen", "Liz Truss", "continuation"),
    ("We very much fear a false flag incident", "Liz Truss", "continuation"),
]

#: Statements of others on the page, and the actors they are resolved to.
OTHERS: list[tuple[str, str]] = [
    ("some troops positioned on the border with Ukraine", "Russian Ministry of Defence"),
    ("it had not seen any signs of de-escalation", "NATO"),
    ("pulling some troops away", "Russia"),
    ("the Ministry of State Security of the Luhansk People's Republic", "RIA Novosti and TASS"),
]



@pytest.fixture(scope="module")
def seed(seed_record: dict[str, Any]) -> dict[str, Any]:
    return seed_record


def _quote(seed: dict[str, Any], phrase: str) -> dict[str, Any]:
    hits = [q for q in seed["quotes"] if phrase in q["text"]]
    assert len(hits) == 1, f"{phrase!r}: {[q['text'] for q in hits]}"
    quote: dict[str, Any] = hits[0]
    return quote


@pytest.mark.parametrize(("phrase", "name", "how"), STATEMENTS, ids=[s[0][:30] for s in STATEMENTS])
def test_every_statement_of_the_five_is_found_and_resolved(
        seed: dict[str, Any], phrase: str, name: str, how: str | None) -> None:
    quote = _quote(seed, phrase)
    assert quote["speaker"] is not None
    assert quote["speaker"]["name"] == name
    if how is not None:
        assert quote["speaker"]["resolved_by"] == how


@pytest.mark.parametrize(("phrase", "name"), OTHERS, ids=[o[1] for o in OTHERS])
def test_other_sources_on_the_page(seed: dict[str, Any], phrase: str, name: str) -> None:
    assert _quote(seed, phrase)["speaker"]["name"] == name


def test_headline_quotes(seed: dict[str, Any]) -> None:
    texts = {q["text"]: q for q in seed["quotes"]}
    assert texts["Cautious optimism"]["type"] == "direct"
    assert texts["Cautious optimism"]["speaker"]["mention"] == "Nato secretary-general"
    assert texts["diplomatic opening"]["speaker"]["name"] == "Boris Johnson"


def test_nothing_else_is_attributed_to_the_five(seed: dict[str, Any]) -> None:
    five = {name for _, name, _ in STATEMENTS}
    theirs = [q for q in seed["quotes"] if q["speaker"] and q["speaker"]["name"] in five]
    assert len(theirs) == len(STATEMENTS) + 1  # and the "PM:" headline


def test_entities_of_the_founding_example(seed: dict[str, Any]) -> None:
    by_id = {e["id"]: e for e in seed["entities"]}
    for ident in ("joe-biden", "vladimir-putin", "jens-stoltenberg", "boris-johnson",
                  "liz-truss", "olaf-scholz", "nato", "russia", "ukraine"):
        assert ident in by_id, ident
    assert by_id["boris-johnson"]["role"] == "Prime Minister of the United Kingdom"
    assert by_id["ria-novosti-and-tass"]["kind"] == "group"
    text = seed["article"]["text"]
    for entity in seed["entities"]:
        for start, end in entity["mentions"]:
            assert 0 <= start < end <= len(text)
