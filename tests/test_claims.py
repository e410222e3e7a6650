"""Claims: hedges, stances and verification on small articles written for these tests.

Each article is a few sentences, run through the parse and attribution the
pipeline uses, so claims are checked against real quote dicts; claims and
stances are found by phrases of their text, never by quote ids.
"""

from __future__ import annotations

from typing import Any

import pytest

from sitroom.attribution import attribute
from sitroom.attribution.ports import default_gazetteer
from sitroom.claims import find_claims
from sitroom.claims.lexicon import claim_lexicon
from sitroom.context import ArticleContext
from sitroom.models import Article
from sitroom.nlp import parse

OUTLET = "Daily Ledger"


def claims_of(text: str, *, published: str = "2022-03-01T10:00:00") -> list[dict[str, Any]]:
    article = Article(text=text, published=published)
    paragraphs = parse(text)
    gazetteer = default_gazetteer()
    found = attribute(article, outlet=OUTLET, gazetteer=gazetteer, paragraphs=paragraphs)
    ctx = ArticleContext(article=article, paragraphs=paragraphs, entities=found.entities,
                         quotes=found.attributions(), gazetteer=gazetteer, outlet=OUTLET)
    claims = find_claims(ctx)
    for c in claims:  # every span indexes the text it names
        assert text[slice(*c["span"])] == c["text"]
        for s in c["stances"]:
            assert text[slice(*s["span"])] == s["text"]
    return claims


def claim(claims: list[dict[str, Any]], phrase: str) -> dict[str, Any]:
    hits = [c for c in claims if phrase in c["text"]]
    assert len(hits) == 1, (phrase, [c["text"] for c in claims])
    return hits[0]


def stances(c: dict[str, Any]) -> list[tuple[str, str, str]]:
    """``(speaker, stance, reason)`` of every stance on a claim."""
    return [(s["by"]["name"], s["stance"], s["reason"]) for s in c["stances"]]


# hedges


@pytest.mark.parametrize(("text", "phrase", "hedge"), [
    ("Ukraine's defence ministry claimed that its forces destroyed a Russian convoy near Kharkiv.",
     "destroyed a Russian convoy", "claimed"),
    ("The mayor said the bridge over the river was reportedly destroyed by shelling overnight.",
     "the bridge over the river", "reportedly"),
    ("The minister said Russia could launch an attack on the capital within days.",
     "launch an attack", "could"),
    ("Officials said Moscow was preparing a false flag operation in the east of the country.",
     "preparing a false flag", "false flag"),
    ("Police said the purported leader of the group had been arrested at the airport.",
     "leader of the group", "purported"),
])
def test_hedge_families(text: str, phrase: str, hedge: str) -> None:
    assert hedge in claim(claims_of(text), phrase)["hedges"]


def test_hedged_narration_is_the_outlets_claim() -> None:
    claims = claims_of(
        "State television broadcast a video appearing to show soldiers leaving the city.\n\n"
        "The city council met on Monday to discuss the budget for schools.")
    c = claim(claims, "appearing to show soldiers")
    assert c["claimant"] == {"id": "outlet:daily-ledger", "name": OUTLET}
    assert c["hedges"] == ["appearing to show"]
    assert c["quote"] is None
    assert not [x for x in claims if "city council" in x["text"]]


def test_trailing_with_clause_is_split_off_the_claim() -> None:
    claims = claims_of(
        "The army said its units had left the northern town, with Ukrainian officials "
        "releasing photographs purporting to show empty trenches.")
    c = claim(claims, "its units had left the northern town")
    assert c["text"].endswith("the northern town")
    assert "purporting to show" in c["hedges"]
    footage = claim(claims, "Ukrainian officials releasing photographs")
    assert footage["claimant"]["id"] == "outlet:daily-ledger"


# stances and verification


def test_the_same_proposition_from_another_source_corroborates() -> None:
    c = claim(claims_of(
        "Ukraine's defence ministry said Russian shells hit the maternity hospital in "
        "Mariupol on Wednesday.\n\n"
        "The World Health Organization said Russian shells hit the maternity hospital."),
        "Mariupol on Wednesday")
    # a second source saying the same takes no position on the first one's words
    assert stances(c) == [("World Health Organization", "corroborates", "same")]
    assert c["verification"] == "supported"


def test_a_summary_retelling_an_entry_is_one_report() -> None:
    records = claims_of(
        "Summary: Satellite images have emerged of grain silos near Kherson set on fire, "
        "allegedly by retreating soldiers.\n\n"
        "The ferry service across the bay has been suspended for a week.\n\n"
        "Satellite images have emerged of grain silos near Kherson set on fire allegedly by "
        "retreating soldiers, the Kherson Herald reports.")
    assert records and all(not c["stances"] for c in records)


def test_an_attack_by_the_other_side_does_not_corroborate() -> None:
    c = claim(claims_of(
        "Russia said Ukrainian forces had struck the prison with rockets.\n\n"
        "Vadym Skibitsky said Russia had been actively targeting Ukrainian training bases "
        "with rockets, striking a base north of Kyiv."),
        "struck the prison")
    assert stances(c) == []


def test_confirmation_makes_a_claim_confirmed() -> None:
    c = claim(claims_of(
        "Ukraine's defence ministry said Russian shells hit the maternity hospital in "
        "Mariupol on Wednesday.\n\n"
        "The United Nations confirmed that Russian shells hit the maternity hospital."),
        "Mariupol on Wednesday")
    assert [(s, st) for s, st, _ in stances(c)] == [("United Nations", "supports")]
    assert stances(c)[0][2] == "confirms"
    assert c["verification"] == "confirmed"


def test_dispute_by_negation() -> None:
    c = claim(claims_of(
        "Russia's defence ministry said its forces had captured the airport at Hostomel.\n\n"
        "Volodymyr Zelensky said Russian forces had not captured the airport at Hostomel."),
        "its forces had captured")
    assert stances(c) == [("Volodymyr Zelensky", "disputes", "negation")]
    assert c["verification"] == "disputed"


def test_dispute_by_doubt() -> None:
    c = claim(claims_of(
        "Russia's defence ministry said its forces had captured the airport at Hostomel.\n\n"
        "Volodymyr Zelensky said there was no evidence that the airport had been captured."),
        "its forces had captured")
    assert [(s, st) for s, st, _ in stances(c)] == [("Volodymyr Zelensky", "disputes")]
    assert c["verification"] == "disputed"


def test_dispute_by_the_opposite_direction() -> None:
    c = claim(claims_of(
        "Russia's defence ministry said its troops were withdrawing from the border.\n\n"
        "Jens Stoltenberg said Russia was massing more troops near the border."),
        "troops were withdrawing")
    assert stances(c) == [("Jens Stoltenberg", "disputes", "opposite")]


def test_a_direction_under_doubt_weighs_as_negated() -> None:
    # "no evidence of a pullback" disputes a pullback, even beside "more troops" (the
    # opposite direction): both readings dispute, so the stance stands.
    c = claim(claims_of(
        "Russia's defence ministry said units were heading back to their garrisons.\n\n"
        "Jens Stoltenberg said he had seen no evidence of a pullback and that more troops "
        "had arrived."), "heading back")
    assert [(s, st) for s, st, _ in stances(c)] == [("Jens Stoltenberg", "disputes")]


def test_denial_by_the_party_the_claim_is_about() -> None:
    c = claim(claims_of(
        "Volodymyr Zelensky said Russia had shelled a hospital in Kharkiv.\n\n"
        "Russia's defence ministry denied that it had shelled the hospital, calling the "
        "report propaganda."),
        "shelled a hospital in Kharkiv")
    assert stances(c) == [("Russian Ministry of Defence", "disputes", "denial")]
    assert c["verification"] == "denied"


def test_the_head_of_a_body_speaks_for_it() -> None:
    # NATO's Secretary General backing NATO's own statement is no second source.
    found = claims_of(
        "Nato said it had seen no signs of a pullback of Russian troops from the border.\n\n"
        "Jens Stoltenberg said he had seen no signs of a pullback of troops from the border.\n\n"
        "Olaf Scholz said he had also seen no signs of a pullback of troops from the border.")
    assert [s for s, _, _ in stances(claim(found, "Russian troops"))] == [
        "Olaf Scholz"]


def test_a_denial_of_the_report_names_whose_report() -> None:
    text = ("Amnesty International said Ukraine had placed troops in schools. "
            "The Kremlin said it was ready to discuss a prisoner exchange.\n\n"
            "Volodymyr Zelensky condemned Amnesty over the report, saying it drew a false "
            "equivalence.")
    found = claims_of(text)
    assert [s for s, _, _ in stances(claim(found, "placed troops in schools"))] == [
        "Volodymyr Zelensky"]
    assert stances(claim(found, "prisoner exchange")) == []


def test_false_flag_is_a_hedge_not_a_denial() -> None:
    c = claim(claims_of(
        "Volodymyr Zelensky said Russian troops were preparing an attack on Kyiv.\n\n"
        "Boris Johnson said Russia was planning a false flag attack on Kyiv."),
        "preparing an attack")
    assert all(s["reason"] != "denial" for s in c["stances"])


def test_no_stance_without_a_shared_topic() -> None:
    c = claim(claims_of(
        "Volodymyr Zelensky said Russian shells had destroyed the bridge at Irpin.\n\n"
        "Russia's foreign ministry denied that grain exports from Odesa were blocked."),
        "destroyed the bridge")
    assert c["stances"] == []
    assert c["verification"] == "unverified"


def test_a_claimant_takes_no_stance_on_its_own_claim() -> None:
    c = claim(claims_of(
        "Volodymyr Zelensky said Russian forces had captured the airport at Hostomel.\n\n"
        "Later, Mr Zelensky said Russian forces had not captured the airport at Hostomel."),
        "forces had captured")
    assert c["stances"] == []


# what is not a claim


@pytest.mark.parametrize("text", [
    '"Why would anyone believe that?" Volodymyr Zelensky said.',
    '"Thank you all for coming here today," Volodymyr Zelensky said.',
    '"Total chaos," Volodymyr Zelensky said.',
    "Volodymyr Zelensky urged Nato to close the sky over Ukraine.",
    "Volodymyr Zelensky called for talks to be held in Istanbul.",
    "Volodymyr Zelensky did not say what other territories the army was referring to.",
])
def test_non_claims(text: str) -> None:
    assert claims_of(text) == []


def test_claim_record_shape() -> None:
    c = claim(claims_of("Volodymyr Zelensky said Russian forces did not capture the airport."),
              "capture the airport")
    assert c["id"] == "c1"
    assert c["claimant"]["name"] == "Volodymyr Zelensky"
    assert c["quote"] == "q1"
    assert c["polarity"] == "negative"
    assert "airport" in c["topic"] and "capture" in c["topic"]
    assert set(c) >= {"id", "text", "span", "claimant", "quote", "hedges", "verification",
                      "stances", "topic", "polarity"}


def test_lexicon_loads_hedges_from_both_files() -> None:
    lex = claim_lexicon()
    assert "reportedly" in lex.hedge_words  # data/hedges.toml
    assert ("false", "flag") in lex.hedge_phrases  # data/claims.toml
    assert ("build", "-", "up") in lex.directions[0].backward_phrases


# statements that point back to a claim


@pytest.mark.parametrize(("text", "phrase", "expected"), [
    ("Belarus says its aim is to protect its own borders from smugglers. The west calls that "
     "a bogus pretext for a military build-up.", "protect its own borders",
     [("west", "disputes", "denial")]),
    ("Moldova's army said Belarusian forces had shelled a depot in Soroca overnight. "
     "Belarus has denied the allegations.", "shelled a depot",
     [("Belarus", "disputes", "denial")]),
    ("An adviser to the president, Ivan Drobny, said the enemy would never take the city. "
     "One western analyst said he believed that assessment was optimistic.", "never take",
     [("western analyst", "disputes", "denial")]),
    ("The Ledger reported that two generals had been killed with the help of British "
     "intelligence. The Pentagon confirmed the report on Friday.", "two generals",
     [("US Department of Defense", "supports", "confirms")]),
])
def test_a_statement_that_points_back_takes_a_stance_on_the_claim_before_it(
        text: str, phrase: str, expected: list[tuple[str, str, str]]) -> None:
    assert stances(claim(claims_of(text), phrase)) == expected


def test_a_bare_denial_disputes_the_claim_that_names_the_denier() -> None:
    found = claims_of("Regional prosecutors said two civilians were killed in Belarusian "
                      "shelling of the village. Belarus denies targeting civilians.")
    assert stances(claim(found, "two civilians")) == [("Belarus", "disputes", "denial")]
    other = claims_of("Regional prosecutors said two civilians were killed in shelling of "
                      "the village by rebels. Belarus denies targeting civilians.")
    assert stances(claim(other, "two civilians")) == []  # the claim does not name Belarus


def test_a_pointing_noun_with_an_owner_finds_the_owners_claim() -> None:
    found = claims_of(
        "Moscow said western sanctions were blocking its fertiliser exports to Africa. "
        "Farmers' groups said the prices of fertiliser had tripled since the spring. "
        "The EU says the Russian position is a diversion.")
    assert stances(claim(found, "blocking its fertiliser")) == [
        ("European Union", "disputes", "denial")]
    assert stances(claim(found, "prices of fertiliser")) == []


def test_an_answer_to_someone_elses_claim_takes_no_stance_on_other_claims() -> None:
    found = claims_of(
        "Two Ukrainian soldiers were reportedly killed by shelling near Donetsk. "
        "The foreign minister, Marta Sokil, rejected Russian claims that Ukrainian "
        "saboteurs had crossed the border and been killed by Russian forces.")
    assert stances(claim(found, "Two Ukrainian soldiers")) == []


def test_one_side_withdrawing_as_the_other_advances_is_no_dispute() -> None:
    found = claims_of(
        "Ukraine's general staff said its troops had pulled back from the city of Lysa Hora "
        "to avoid encirclement. An adviser to the Russian defence ministry, Pavel Orlov, "
        "said the capture would bring Russian forces closer to the regional capital.\n\n"
        "Western officials said Russian units were returning to their bases in Belgorod.\n\n"
        "Ukraine's foreign minister said Russian forces were moving closer to the border.")
    assert stances(claim(found, "pulled back from the city")) == []
    assert "General Staff of the Armed Forces of Ukraine" not in [
        s[0] for s in stances(claim(found, "bring Russian forces closer"))]
    # the same side's forces moving both ways are opposite claims
    assert {s[1] for s in stances(claim(found, "returning to their bases"))} == {"disputes"}


def test_a_relative_that_points_to_its_own_sentence_not_back() -> None:
    found = claims_of("The mayor said the power cuts would last until the spring. "
                      "Moscow cut the flow of gas, citing technical reasons that Berlin "
                      "dismisses as a pretext.")
    assert stances(claim(found, "power cuts")) == []


@pytest.mark.parametrize(("text", "phrase", "expected"), [
    ("Belgazprom said it was cutting deliveries through the pipeline, citing delayed repairs "
     "of a turbine. The economy minister, Anna Kowal, said the reasons given were only a "
     "pretext.", "cutting deliveries", [("Anna Kowal", "disputes", "denial")]),
    ("Belarus's defence ministry said the strike had hit a building where officers were "
     "meeting. Ukraine rejected Belarusian claims that any military target was hit.",
     "hit a building", [("Ukraine", "disputes", "denial")]),
])
def test_reasons_and_owned_claims_point_back(
        text: str, phrase: str, expected: list[tuple[str, str, str]]) -> None:
    assert stances(claim(claims_of(text), phrase)) == expected


def test_an_owner_the_resolver_does_not_know_must_name_the_claimant() -> None:
    found = claims_of("Ivan Petrenko said the town had been liberated from nationalists. "
                      "Maria Kovalenko said hundreds of homes had been destroyed in the town. "
                      "A rabbi called Petrenko's remarks absurd.")
    assert [s for s, _, _ in stances(claim(found, "homes had been destroyed"))] == []


def test_a_denial_is_the_deniers_claim_of_the_opposite() -> None:
    found = claims_of("Moldova said Belarusian troops had shelled the school in Soroca. "
                      "Belarus denied that its troops had shelled the school.")
    accused = claim(found, "Belarusian troops had shelled")
    denial = claim(found, "its troops had shelled")
    assert (accused["polarity"], denial["polarity"]) == ("positive", "negative")
    assert stances(accused) == [("Belarus", "disputes", "denial")]
    assert stances(denial) == [("Moldova", "disputes", "negation")]
    assert denial["verification"] == "disputed"


def test_an_accusation_is_a_claim_and_a_denial_of_responsibility_disputes_it() -> None:
    found = claims_of("Moldova accused Belarus of shelling the school in Soroca.\n\n"
                      "Minsk has denied any involvement.")
    accusation = claim(found, "Belarus of shelling")
    assert accusation["claimant"]["name"] == "Moldova"
    assert stances(accusation) == [("Belarus", "disputes", "denial")]
    assert accusation["verification"] == "denied"
    other = claims_of("Moldova accused Belarus of shelling the school in Soroca.\n\n"
                      "Latvia has denied any involvement.")
    assert stances(claim(other, "Belarus of shelling")) == []  # not the accused


def test_a_claim_noun_in_an_adjunct_of_the_cue_does_not_point_back() -> None:
    found = claims_of("Maria Kovalenko said the death toll was likely to rise. Belarus has "
                      "repeatedly denied it is targeting civilians, despite mounting evidence "
                      "that contradicts these claims.")
    assert stances(claim(found, "death toll")) == []


def test_an_opposite_troop_movement_disputes_only_when_it_shares_a_word() -> None:
    found = claims_of("The Moldovan command said a decision was made to withdraw in order to "
                      "preserve the lives of its defenders.\n\n"
                      "Ivan Rusu, an MP, said the advance would bring Belarusian forces closer "
                      "to several other towns.")
    assert stances(claim(found, "decision was made to withdraw")) == []


@pytest.mark.parametrize("text", [
    # "the allegations" of someone else: the claim must name the denier or share words
    "The mayor said the city needed more generators before winter. Belarusian missiles hit "
    "a power station in Mozyr overnight. Minsk denied the allegations.",
    # a claim noun that says what it is points nowhere back
    "Moldova said Belarusian air defences had shot down 15 drones overnight. Separately, "
    "the Belarusian government denied the allegations of corruption against the minister.",
    "Moldova said Belarusian forces had shelled Soroca.\n\nIn other news, Minsk dismissed the "
    "report by Bloomberg that Lukashenko was ill.",
    # a stance held back, negated or said of something else is none
    "Kyiv said Belarusian forces had fired on a convoy. The Pentagon declined to confirm the "
    "report.",
    "Kyiv said Belarusian forces had fired on a convoy. Minsk neither confirmed nor denied "
    "the report.",
    "Kyiv said 20,000 people had died in the siege. Officials in Minsk said they would "
    "confirm the figure only after an investigation.",
    "Western officials said Belarus had lost 2,000 soldiers. A British analyst said that was "
    "not an exaggeration.",
    "Belarus said it would leave the treaty. The US secretary of state said that was a wrong "
    "and irresponsible decision.",
    # a denial that governs a noun, or of responsibility for something else
    "The IAEA said Belarusian troops were still at the plant. Belarus denied IAEA inspectors "
    "access to the plant on Tuesday.",
    "Moldova accused Belarus of shelling the dam. Belarus denied responsibility for the "
    "power cut in Gomel, blaming sabotage.",
])
def test_no_stance_where_nothing_points_back_to_the_claim(text: str) -> None:
    assert all(c["stances"] == [] for c in claims_of(text))


@pytest.mark.parametrize("text", [
    "Moldova has not accused Belarus of blowing up the pipeline.",
    "If Kyiv accuses Minsk of shelling the plant, the IAEA will have to investigate.",
    "The Swedish prosecutor refused to blame any country for damaging the pipeline.",
])
def test_an_accusation_not_made_is_no_claim(text: str) -> None:
    assert not any(" of " in c["text"] or " for " in c["text"] for c in claims_of(text))


def test_a_shared_predicate_said_of_another_subject_takes_no_stance() -> None:
    found = claims_of("Reuters reported that the spokesperson did not provide any details "
                      "about the prisoners.\n\n"
                      "The directorate said relatives could provide details about the "
                      "prisoners by phone.")
    assert stances(claim(found, "spokesperson did not provide")) == []
    same = claims_of("Reuters reported that the spokesperson did not provide any details "
                     "about the prisoners.\n\n"
                     "The Belarusian defence ministry said the spokesperson had provided "
                     "details about the prisoners.")
    assert [s for _, s, _ in stances(claim(same, "spokesperson did not provide"))] == [
        "disputes"]


def test_a_denial_word_naming_a_kind_of_thing_denies_nothing() -> None:
    found = claims_of("Oxfam said Ukrainian refugees were likely to become targets of "
                      "disinformation campaigns in their host countries.\n\n"
                      "The Polish government said refugees in its host countries were facing "
                      "propaganda campaigns online.")
    assert all(s != "disputes" for _, s, _ in stances(claim(found, "likely to become")))
