"""Beliefs, views and unsourced statements: the attribution patterns PolNeAR counts.

Small sentences written for these tests, one pattern each: views with "as"
("sees X as Y"), naming verbs ("calling Trump a fascist"), "calling for X to
...", statements with no named source ("X is expected to ...", "X seemed ..."),
a poll as a source ("In a new poll, ..."), relative-pronoun sources, the
mended lemma of "hope", and what each of them must not catch.
"""

from __future__ import annotations

from typing import Any

import pytest

from sitroom.attribution import attribute
from sitroom.models import Article
from test_quotes import only, quotes_of, views_of


def mention(quote: dict[str, Any]) -> str | None:
    return quote["speaker"]["mention"] if quote["speaker"] else None


# --- views with "as" ---------------------------------------------------------------------


@pytest.mark.parametrize(("sentence", "content", "cue"), [
    ("Many farmers see the new toll as a tax on the villages.",
     "the new toll as a tax on the villages", "see"),
    ("The council regards the bridge as its first priority.",
     "the bridge as its first priority", "regards"),
    ("Petra Novak portrayed the vote as a rebellion against the capital.",
     "the vote as a rebellion against the capital", "portrayed"),
])
def test_a_view_with_as_is_the_object_and_what_it_is_seen_as(
        sentence: str, content: str, cue: str) -> None:
    quote = only(quotes_of(sentence), content)
    assert quote["text"] == content
    assert quote["cue"]["text"] == cue


@pytest.mark.parametrize("sentence", [
    "Petra Novak wants to see what happens next week.",
    "The farmers saw the flood from the hill.",
    "We will see whether the bridge holds.",
])
def test_seeing_without_as_is_no_statement(sentence: str) -> None:
    assert not [q for q in quotes_of(sentence) if q["cue"] and q["cue"]["text"].startswith(
        ("see", "saw"))]


# --- naming verbs and "calling for" ------------------------------------------------------


def test_naming_verb_with_an_object_and_what_it_is_called() -> None:
    quote = only(quotes_of("The mayor went further, calling Petra Novak a coward."),
                 "Petra Novak a coward")
    assert quote["cue"]["text"] == "calling"
    assert mention(quote) == "The mayor"


def test_naming_verb_with_quoted_words() -> None:
    quote = only(quotes_of("Petra Novak called the plan “a crucial step for the valley.”"),
                 "the plan")
    assert quote["type"] == "mixed"
    assert "a crucial step for the valley" in quote["text"]


def test_naming_verb_without_a_predicate_is_no_statement() -> None:
    assert quotes_of("Petra Novak called the police on Tuesday.") == []
    assert quotes_of("The council called a meeting for Friday.") == []


def test_calling_for_someone_to_act() -> None:
    quote = only(quotes_of("Petra Novak is calling for the regional council to resign."),
                 "the regional council to resign")
    assert quote["text"] == "the regional council to resign"
    assert mention(quote) == "Petra Novak"


# --- statements with no named source -----------------------------------------------------


@pytest.mark.parametrize(("sentence", "content", "cue"), [
    ("The new bridge is expected to open before the winter.",
     "The new bridge is expected to open before the winter", "expected"),
    ("The regional council was widely seen as the favourite.",
     "The regional council was widely seen as the favourite", "seen"),
    ("The farmers seemed unperturbed by the new toll.",
     "The farmers seemed unperturbed by the new toll", "seemed"),
])
def test_a_belief_nobody_is_named_for_is_an_unsourced_view(
        sentence: str, content: str, cue: str) -> None:
    view = only(views_of(sentence), content)
    assert view["text"] == content
    assert view["speaker"] is None
    assert view["cue"]["text"] == cue
    assert view["view"] == "unsourced"
    assert quotes_of(sentence) == []  # "who said what" lists statements with a source


@pytest.mark.parametrize("sentence", [
    "Petra Novak appeared on television on Monday.",
    "As expected, the council met on Friday.",
    "It seems that the bridge will open late.",
])
def test_appearing_and_impersonal_verbs_are_no_statement(sentence: str) -> None:
    assert quotes_of(sentence) == []


def test_a_passive_with_an_agent_names_its_source() -> None:
    quote = only(quotes_of("The bridge was seen by the engineers as a danger to the valley."),
                 "a danger to the valley")
    assert quote["speaker"] is not None


def test_a_named_statement_nested_in_a_belief_keeps_its_speaker() -> None:
    quotes = quotes_of("Petra Novak said the bridge is expected to open in May.")
    quote = only(quotes, "the bridge is expected to open in May")
    assert mention(quote) == "Petra Novak"
    assert len(quotes) == 1  # the unsourced belief inside her statement is hers


# --- a poll as the source ----------------------------------------------------------------


def test_a_poll_is_the_source_of_the_clause_it_is_in() -> None:
    quote = only(quotes_of("In a new regional poll, 54 percent of farmers backed the toll."),
                 "54 percent of farmers backed the toll")
    assert mention(quote) == "a new regional poll"


def test_in_a_statement_after_a_reporting_verb_is_the_speakers() -> None:
    quotes = quotes_of("Petra Novak said in a statement that the toll would be dropped.")
    quote = only(quotes, "the toll would be dropped")
    assert mention(quote) == "Petra Novak"
    assert len(quotes) == 1


# --- sources in relative clauses ---------------------------------------------------------


def test_relative_pronoun_names_the_source_and_its_antecedent_resolves() -> None:
    text = ("Petra Novak, who said the bridge was unsafe, left the council in May.")
    quote = only(quotes_of(text), "the bridge was unsafe")
    assert mention(quote) == "who"
    assert quote["speaker"]["name"] == "Petra Novak"


# --- lemmas --------------------------------------------------------------------------------


@pytest.mark.parametrize("verb", ["hopes", "hoped", "hoping"])
def test_hope_is_a_cue_in_every_form(verb: str) -> None:
    text = f"Petra Novak is {verb} that the bridge will open in May." if verb == "hoping" \
        else f"Petra Novak {verb} that the bridge will open in May."
    quote = only(quotes_of(text), "the bridge will open in May")
    assert mention(quote) == "Petra Novak"


# --- conjoined verbs inside a content ------------------------------------------------------


def test_a_verb_with_only_an_object_stays_inside_the_content() -> None:
    quotes = quotes_of("Petra Novak said she fears the floods and is seeking help from the "
                       "capital.")
    quote = only(quotes, "she fears the floods")
    assert "seeking help from the capital" in quote["text"]


def test_a_conditional_clause_hung_on_the_verb_belongs_to_the_content() -> None:
    quote = only(quotes_of("Petra Novak said the bridge would open in May if the weather "
                           "held."), "the bridge would open in May")
    assert quote["text"].endswith("if the weather held")


# --- adjectives of belief, verbs with a "that" clause, misparsed clauses -----------------


@pytest.mark.parametrize(("sentence", "content", "cue"), [
    ("Party leaders are confident that Petra Novak will win.", "Petra Novak will win",
     "confident"),
    ("Many farmers are skeptical of the new toll.", "the new toll", "skeptical"),
    ("The officials were unaware that the permits had expired.", "the permits had expired",
     "unaware"),
])
def test_an_adjective_of_belief_after_be(sentence: str, content: str, cue: str) -> None:
    quote = only(quotes_of(sentence), content)
    assert quote["text"] == content
    assert quote["cue"]["text"] == cue
    assert mention(quote) is not None


def test_the_farmers_are_happy_with_no_clause_is_no_statement() -> None:
    assert quotes_of("The farmers were happy on Sunday.") == []


def test_any_verb_with_a_that_clause_reports_it() -> None:
    quote = only(quotes_of("The council signalled that the toll would be dropped."),
                 "the toll would be dropped")
    assert mention(quote) == "The council"


def test_a_verb_that_makes_its_clause_true_reports_nothing() -> None:
    assert quotes_of("The council will ensure that the toll is dropped.") == []


def test_a_clause_parsed_as_an_object_is_the_content() -> None:
    quote = only(quotes_of("Petra Novak said seeing so many police officers at the fair was "
                           "a welcome sight."), "seeing so many police officers")
    assert quote["text"].endswith("was a welcome sight")
    assert quotes_of("Petra Novak said a prayer that we all knew.") == []


def test_according_to_inside_the_clause_takes_both_sides() -> None:
    quote = only(quotes_of("Most farmers, according to the regional survey, still back the "
                           "toll on the northern road."), "still back the toll")
    assert quote["text"].startswith("Most farmers")
    assert mention(quote) == "the regional survey"


def test_an_opening_participle_is_no_part_of_an_according_to_content() -> None:
    quote = only(quotes_of("Entering the final week, Petra Novak leads the race by nine "
                           "points, according to the regional survey."), "leads the race")
    assert quote["text"] == "Petra Novak leads the race by nine points"


def test_pointing_to_a_cause() -> None:
    view = only(views_of("Petra Novak pointed to the closure of the northern road."),
                "the closure of the northern road")
    assert mention(view) == "Petra Novak"


def test_a_named_source_wins_over_the_same_statement_without_one() -> None:
    found = quotes_of("The minister is expected to announce new limits on grain exports next "
                      "week, officials at the port said on Tuesday.")
    quote = only(found, "expected to announce")
    assert mention(quote) == "officials"
    assert len(found) == 1


def test_a_plan_or_decision_to_act_is_an_intention_not_a_statement() -> None:
    result = attribute(Article(
        text="Tensions rose over plans by Olena Hrytsenko, the port's director, to close the "
             "harbour.\n\nPetro Sokil's promise to rebuild the bridge was welcomed.\n\n"
             "Marta Bondar's claim that the bridge had been mined was rejected.",
        published="2022-07-20T10:00:00"))
    statements = {q["text"] for q in result.quotes}
    views = {q["text"]: q["view"] for q in result.views}
    assert views.get("to close the harbour") == "stance"
    assert "to rebuild the bridge" in statements  # a promise is said
    assert "the bridge had been mined" in statements
