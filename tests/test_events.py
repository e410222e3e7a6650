"""Golden tests of the PLOVER events stage on small invented sentences.

Each sentence is written for these tests. They pin the type of the main event,
its actor and target (canonical names), its status and who reports it, so
that a change to the lexicon or the rules that breaks a family shows here.
"""

from __future__ import annotations

import os
import subprocess
import sys
from typing import Any

import pytest

from sitroom.attribution import attribute
from sitroom.attribution.ports import default_gazetteer
from sitroom.context import ArticleContext
from sitroom.events import find_events, main_event
from sitroom.events.lexicon import TYPES, build, lexicon
from sitroom.lexicons import DataFileError, load_toml
from sitroom.models import Article
from sitroom.nlp import parse

OUTLET = "Daily Ledger"


def context(text: str, outlet: str | None = OUTLET) -> ArticleContext:
    article = Article(text=text, published="2022-02-15T10:00:00")
    paragraphs = parse(text)
    gazetteer = default_gazetteer()
    found = attribute(article, outlet=outlet, gazetteer=gazetteer, paragraphs=paragraphs)
    return ArticleContext(article=article, paragraphs=paragraphs, entities=found.entities,
                          quotes=found.attributions(), gazetteer=gazetteer, outlet=outlet)


def main(text: str) -> dict[str, Any]:
    ctx = context(text)
    event = main_event(ctx, find_events(ctx))
    assert event is not None, f"no event in {text!r}"
    return event


def name(ref: dict[str, Any] | None) -> str | None:
    return None if ref is None else ref["name"]


# --- one sentence per type family ------------------------------------------------------

TYPE_CASES = [
    ("Russian troops attacked Kharkiv on Monday.", "ASSAULT", "Kharkiv"),
    ("Ukraine and Poland signed an agreement on grain exports.", "AGREE", None),
    ("Emmanuel Macron met Olaf Scholz in Berlin on Tuesday.", "CONSULT", "Olaf Scholz"),
    ("The European Union imposed sanctions on Russia.", "SANCTION", "Russia"),
    ("Iran threatened to close the Strait of Hormuz.", "THREATEN", None),
    ("Ukraine accused Russia of shelling the nuclear plant.", "ACCUSE", "Russia"),
    ("Thousands of protesters demonstrated in Minsk against the government.", "PROTEST", None),
    ("Poland called for a ceasefire.", "REQUEST", None),
    ("Hungary rejected the proposal.", "REJECT", None),
    ("Japan sent humanitarian aid to Ukraine.", "AID", "Ukraine"),
    ("Police arrested 20 opposition activists in Moscow.", "COERCE", None),
    ("Britain praised Ukraine's resistance.", "SUPPORT", "Ukraine"),
    ("Belarus deployed troops to its border with Ukraine.", "MOBILIZE", None),
    ("Russia massed troops on the Ukrainian border.", "MOBILIZE", None),
    ("The rebels released the hostages.", "CONCEDE", None),
    ("Russian troops withdrew from Kherson on Friday.", "RETREAT", None),
    ("Greece and Egypt agreed to expand their military cooperation.", "AGREE", None),
]


@pytest.mark.parametrize(("text", "event_type", "target"), TYPE_CASES)
def test_type_of_main_event(text: str, event_type: str, target: str | None) -> None:
    event = main(text)
    assert event["type"] == event_type
    if target is not None:
        assert name(event["target"]) == target


def test_actor_is_the_subject_and_target_the_object() -> None:
    event = main("The European Union imposed sanctions on Russia.")
    assert name(event["actor"]) == "European Union"
    assert name(event["target"]) == "Russia"
    assert event["mode"] == "economic"


def test_passive_voice_reads_the_agent_as_actor() -> None:
    event = main("Kharkiv was shelled by Russian forces.")
    assert event["type"] == "ASSAULT"
    assert name(event["actor"]) == "Russian Armed Forces"
    assert event["mode"] == "heavy-weapons"


# --- statuses --------------------------------------------------------------------------


def test_negated() -> None:
    event = main("Nato said it had not seen any pullback of Russian troops.")
    assert (event["type"], event["status"]) == ("RETREAT", "negated")
    assert name(event["actor"]) == "Russia"


@pytest.mark.parametrize(("text", "status"), [
    ("The sanctions on Russia have not worked.", "asserted"),  # said of them: imposed
    ("The attack did not happen.", "negated"),  # its happening
    ("The sanctions were not imposed.", "negated"),
    ("No attack on Kyiv was launched.", "negated"),  # "no" on the verb's subject
])
def test_a_not_on_the_verb_of_a_subject_event(text: str, status: str) -> None:
    assert main(text)["status"] == status


def test_withdrawal_reported_by_a_party_is_claimed_not_asserted() -> None:
    event = main("Russia's defence ministry said some troops were returning to their bases.")
    assert (event["type"], event["status"]) == ("RETREAT", "claimed")
    assert name(event["reported_by"]) == "Russian Ministry of Defence"


def test_claimed_withdrawal_is_disputed_by_another_source() -> None:
    ctx = context("Russia said it was pulling its troops back from the border.\n\n"
                  "Nato said it had not seen any pullback.")
    retreats = [e for e in find_events(ctx) if e["type"] == "RETREAT"]
    assert [e["status"] for e in retreats] == ["disputed", "negated"]


def test_verified_withdrawal_stays_asserted() -> None:
    event = main("Satellite images confirmed that Russian troops had withdrawn from Kherson.")
    assert (event["type"], event["status"]) == ("RETREAT", "asserted")


def test_hypothetical() -> None:
    event = main("Russia could attack Ukraine within days, officials said.")
    assert (event["type"], event["status"]) == ("ASSAULT", "hypothetical")


def test_future() -> None:
    event = main("Russia plans to deploy more troops to the border.")
    assert (event["type"], event["status"]) == ("MOBILIZE", "future")


def test_denied() -> None:
    ctx = context("Moscow denied that its forces had attacked the village.")
    assault = next(e for e in find_events(ctx) if e["type"] == "ASSAULT")
    assert assault["status"] == "denied"


def test_hedged_is_claimed() -> None:
    assert main("Russia allegedly shelled the town.")["status"] == "claimed"


def test_asserted_in_the_outlets_voice() -> None:
    event = main("Russian troops attacked Kharkiv on Monday.")
    assert event["status"] == "asserted"
    assert event["reported_by"] == {"id": "outlet:daily-ledger", "name": OUTLET}


# --- speech acts: threats, promises, demands, refusals ---------------------------------


def test_conditional_announced_sanctions_are_a_threat_by_the_speaker() -> None:
    event = main('Joe Biden said: "If Russia invades Ukraine, we will impose sanctions on Moscow."')
    assert event["type"] == "THREATEN"
    assert event["action"] == "SANCTION"
    assert name(event["actor"]) == "Joe Biden"
    assert name(event["target"]) == "Russia"
    assert name(event["reported_by"]) == "Joe Biden"
    assert event["quote"] is not None


def test_promise_of_violence_is_a_threat() -> None:
    event = main("The rebels vowed to attack the capital.")
    assert event["type"] == "THREATEN"


def test_promise_of_aid_is_agree() -> None:
    assert main("Germany promised to send humanitarian aid to Ukraine.")["type"] == "AGREE"


def test_preparing_to_attack_is_mobilize() -> None:
    assert main("The army prepared to resume shelling the rebel-held town.")["type"] == "MOBILIZE"


def test_must_in_reported_speech_is_a_demand() -> None:
    event = main("Poland said that Russia must withdraw its troops from Ukraine.")
    assert event["type"] == "REQUEST"
    assert name(event["target"]) == "Russia"


def test_troop_build_up_noun() -> None:
    ctx = context("Nato warned of a Russian military build-up near Ukraine.")
    build_up = next(e for e in find_events(ctx) if e["type"] == "MOBILIZE")
    assert name(build_up["actor"]) == "Russia"
    assert build_up["mode"] == "troops"


def test_charge_in_a_quote_is_an_accusation_by_the_speaker() -> None:
    ctx = context('Liz Truss said: "There have been false flag incidents set up by the '
                  'Russians."')
    accuse = next(e for e in find_events(ctx) if e["type"] == "ACCUSE")
    assert name(accuse["actor"]) == "Liz Truss"
    assert name(accuse["target"]) == "Russia"


def test_charge_in_the_outlets_voice_is_no_event() -> None:
    ctx = context("The report describes genocide in the region.")
    assert [e for e in find_events(ctx) if e["type"] == "ACCUSE"] == []


# --- records ---------------------------------------------------------------------------


def test_record_fields_follow_the_contract() -> None:
    ctx = context("The European Union imposed sanctions on Russia.")
    (event,) = find_events(ctx)
    assert set(event) >= {"id", "type", "mode", "actor", "target", "status", "reported_by",
                          "trigger", "text", "span", "date", "weight", "quote"}
    start, end = event["trigger"]["span"]
    assert ctx.text[start:end] == event["trigger"]["text"] == "imposed"
    assert ctx.text[event["span"][0]:event["span"][1]] == event["text"]
    assert event["date"] == "2022-02-15"
    assert event["weight"] == lexicon().weight("SANCTION") < 0


def test_no_event_in_a_plain_sentence() -> None:
    assert find_events(context("The weather in Kyiv was mild on Tuesday.")) == []


# --- the data file ---------------------------------------------------------------------


def test_lexicon_has_every_type_with_a_weight_on_the_scale() -> None:
    lex = lexicon()
    assert set(lex.types) == set(TYPES)
    assert all(-10 <= lex.weight(t) <= 10 for t in TYPES)
    assert lex.weight("ASSAULT") < lex.weight("THREATEN") < 0 < lex.weight("AGREE")


def test_lexicon_errors_name_the_file_and_key() -> None:
    doc = load_toml("plover")
    del doc["ASSAULT"]
    with pytest.raises(DataFileError, match=r"plover.toml: missing table \[ASSAULT\]"):
        build(doc)
    doc = load_toml("plover")
    doc["AGREE"]["weight"] = 42
    with pytest.raises(DataFileError, match=r"plover.toml \[AGREE\]: 'weight'"):
        build(doc)
    doc = load_toml("plover")
    doc["AGREE"]["verbs"] = "agree"
    with pytest.raises(DataFileError, match=r"\[AGREE\]: 'verbs' must be a list"):
        build(doc)
    doc = load_toml("plover")
    doc["FIGHT"] = {}
    with pytest.raises(DataFileError, match="unknown event type"):
        build(doc)


# --- families added with the CAMEO-wide lexicon (invented sentences) ---------------------

WIDER_CASES = [
    ("Britain sent medical supplies and tents to the flooded region.", "AID"),
    ("The army dismantled checkpoints around the city.", "RETREAT"),
    ("Rebel fighters handed in their weapons to the peacekeepers.", "RETREAT"),
    ("The World Bank suspended loans to the government.", "SANCTION"),
    ("The junta lifted the curfew in the capital.", "CONCEDE"),
    ("Israel halted its offensive in the south.", "CONCEDE"),
    ("The emir launched a mediation effort between the two states.", "CONSULT"),
    ("Thousands of troops were sent to the border region.", "MOBILIZE"),
    ("Spain extradited two suspects to France.", "COOPERATE"),
    ("The two navies began joint military exercises off the coast.", "COOPERATE"),
    ("The prosecutor charged the former minister with corruption.", "COERCE"),
    ("Human rights groups pressed the government to free the journalists.", "REQUEST"),
    ("Thousands of refugees applied for asylum in Italy.", "REQUEST"),
    ("The opposition threw its weight behind the candidate.", "SUPPORT"),
    ("Dock workers staged a walkout over unpaid wages.", "PROTEST"),
    ("The minister threatened to resign if the budget was rejected.", "THREATEN"),
    ("Rebels seized the airport after heavy fighting.", "ASSAULT"),
    ("The government closed three opposition newspapers.", "COERCE"),
]


@pytest.mark.parametrize(("text", "event_type"), WIDER_CASES)
def test_wider_lexicon_families(text: str, event_type: str) -> None:
    assert main(text)["type"] == event_type


def test_a_group_noun_that_speaks_is_the_speaker_not_an_event() -> None:
    event = main("The opposition said the vote was rigged and accused the ruling party of fraud.")
    assert event["type"] == "ACCUSE"


def test_trigger_in_the_predicate_of_be_outranks_its_subject_clause() -> None:
    event = main("Officials said that lifting the embargo is out of the question.")
    assert event["type"] == "REJECT"


def test_negated_vague_trigger_is_no_refusal() -> None:
    ctx = context("The bondholders said they had not received the payments.")
    assert all(e["type"] != "REJECT" for e in find_events(ctx))


def test_participle_on_its_object_is_vetoed_by_an_exception() -> None:
    ctx = context("A security alert released overnight advised citizens to leave.")
    assert all(e["type"] != "CONCEDE" for e in find_events(ctx))


def test_hyphenated_compound_is_no_verb_trigger() -> None:
    ctx = context("Some of them are novelty-seeking young people.")
    assert all(e["type"] != "REQUEST" for e in find_events(ctx))


def test_pairs_cross_verbs_and_objects() -> None:
    doc = load_toml("plover.toml")
    doc["AID"]["pairs"] = {"give": {"verbs": ["airlift"], "objects": ["blanket"]}}
    lex = build(doc)
    assert any(t.words == ("airlift",) and t.deps == ("blanket",)
               for t in lex.heads["airlift"] if t.type == "AID")


def test_pairs_without_objects_name_the_file_and_key() -> None:
    doc = load_toml("plover.toml")
    doc["AID"]["pairs"] = {"give": {"verbs": ["airlift"]}}
    with pytest.raises(DataFileError, match=r"plover.toml \[AID\].pairs.give"):
        build(doc)


# --- main event, recoding and PLOVER conventions (invented sentences) ---------------------

RECODING_CASES = [
    # an event in a circumstance ("following ...") is background to the sentence's event
    ("Following the peace deal, the government took steps to ease restrictions on the press.",
     "CONCEDE"),
    # a promise governs its complement, not a circumstance of the promise
    ("Despite the shelling, the mayor offered to negotiate with the commanders.", "AGREE"),
    # "sworn to fight" (an infinitive parsed as an adverbial clause) is still promised
    ("The militants have sworn to fight on until the last man.", "THREATEN"),
    # a cooperative act its actor failed to perform
    ("The two parties failed to reach a deal on the budget.", "REJECT"),
    # a cooperative action in the future tense is intent to cooperate, whoever reports it
    ("Japan will provide emergency loans to Sri Lanka, the finance ministry said.", "AGREE"),
    ("The envoy will visit Khartoum and Juba next week, diplomats said.", "AGREE"),
    # a conflictual action its own actor announces is a threat
    ("The dockers' union said it would blockade the ports.", "THREATEN"),
    ("The students said they would boycott the graduation ceremony.", "THREATEN"),
    # ... but an announced sanction is the sanction
    ("The government announced it would impose sanctions on the junta.", "SANCTION"),
    # a conditional withdrawal of peacekeepers is an ultimatum
    ("Italy said it will withdraw its peacekeeping force from the island unless the fighting "
     "stops.", "THREATEN"),
    # an obligation above the event, and one under a verb of concluding, is a demand
    ("The charity said the army must secure the roads to allow food convoys through.",
     "REQUEST"),
    ("The panel concluded that the government must release the detainees.", "REQUEST"),
    ("The envoy said the US must lift the embargo.", "REQUEST"),
]


@pytest.mark.parametrize(("text", "event_type"), RECODING_CASES)
def test_recoding_and_main_event(text: str, event_type: str) -> None:
    assert main(text)["type"] == event_type


def test_future_intent_keeps_the_action() -> None:
    event = main("Japan will provide emergency loans to Sri Lanka, the finance ministry said.")
    assert (event["status"], event["action"]) == ("future", "AID")


def test_planned_conflict_is_no_threat() -> None:
    event = main("Russia plans to deploy more troops to the border.")
    assert event["type"] == "MOBILIZE"


CONVENTION_CASES = [
    ("The two countries established diplomatic relations in March.", "SUPPORT"),
    ("The police shared evidence with their French counterparts.", "COOPERATE"),
    ("The army lifted its siege of the northern town.", "RETREAT"),
    ("The prime minister resigned on Friday.", "RETREAT"),
    ("The minister concluded a trade agreement with Peru.", "AGREE"),
    ("The government expanded press freedom after the election.", "CONCEDE"),
    ("The governor shortened the curfew in the capital.", "CONCEDE"),
    ("The UN withdrew its inspectors from the country.", "SANCTION"),
    ("A judge ordered the former minister to appear in court.", "REQUEST"),
    ("The senate opened a hearing into the sale of arms.", "ACCUSE"),
    ("Dock workers stopped work over unpaid wages.", "PROTEST"),
    ("Farmers blocked transport into the capital.", "PROTEST"),
    ("The governor ordered patrols in the old city.", "MOBILIZE"),
    ("Militias drove the villagers from their homes.", "ASSAULT"),
    ("Teachers began a strike on Monday.", "PROTEST"),
]


@pytest.mark.parametrize(("text", "event_type"), CONVENTION_CASES)
def test_plover_conventions(text: str, event_type: str) -> None:
    assert main(text)["type"] == event_type


@pytest.mark.parametrize("text", ["The committee concluded that the data was flawed.",
                                  "The agency issued a press release on Monday."])
def test_no_agreement_or_concession_in_a_finding_or_a_press_release(text: str) -> None:
    ctx = context(text)
    assert all(e["type"] not in ("AGREE", "CONCEDE") for e in find_events(ctx))


def test_proper_noun_us_is_not_the_first_person() -> None:
    event = main("The envoy said the US must lift the embargo.")
    assert event["target"] is not None and event["target"]["name"] != "The envoy"


def test_committing_a_crime_is_no_promise() -> None:
    ctx = context("The ministers discussed the atrocities committed during the occupation.")
    assert all(e["type"] not in ("AGREE", "THREATEN") for e in find_events(ctx))


def test_an_owned_war_in_a_phrase_is_a_reference_not_a_report() -> None:
    found = find_events(context(
        "Orban has condemned Moscow's invasion of Ukraine.\n\n"
        "Moscow's invasion of Ukraine began before dawn.\n\n"
        "Nato said it had seen no signs of de-escalation."))
    by_sentence = [(e["type"], e["text"][:12]) for e in found]
    assert ("ASSAULT", "Orban has co") not in by_sentence  # the war is background there
    assert ("ACCUSE", "Orban has co") in by_sentence
    assert ("ASSAULT", "Moscow's inv") in by_sentence  # as the subject it is reported
    assert any(e["type"] == "RETREAT" and e["status"] == "negated" for e in found)


# --- triggers that report no event (noise.py) ------------------------------------------


def types(text: str) -> list[str]:
    return [e["type"] for e in find_events(context(text))]


@pytest.mark.parametrize(("text", "absent"), [
    ("The trawler left the harbour on 3 March.", "PROTEST"),  # a date
    ("Ceasefire's director, Mark Lattimer, wrote to the minister.", "CONCEDE"),  # a name
    ("Bread prices in Lviv have tripled during the war.", "ASSAULT"),  # a state
    ("The envoy said Russia does not have the courage to admit defeat.", "CONCEDE"),
    ("Russia lacks the ability to strike and destroy Ukrainian airfields.", "COERCE"),
    ("Since the start of the invasion, the yacht has vanished.", "ASSAULT"),  # a reference
    ("The combined effect of sanctions has been severe, the bank said.", "SANCTION"),
    ("Moscow blamed sanctions for the reduced flow of gas.", "SANCTION"),  # the accusation
    ("Zelenskiy called on leaders to recognise Russia as a terrorist state.", "SUPPORT"),
    ("Kyiv wants munitions that could strike Russian airfields.", "ASSAULT"),
    ("The marksman kneels, aims and hits the target.", "ASSAULT"),  # vague, no one acts
    ("Western companies fleeing Russia have lost billions.", "RETREAT"),  # a description
    ("The Kremlin has called the reports fake.", "CONSULT"),  # naming, not a call
    ("Russian forces cut off the city of Mariupol.", "SANCTION"),  # a siege
])
def test_no_event_where_nothing_is_reported(text: str, absent: str) -> None:
    assert absent not in types(text)


@pytest.mark.parametrize(("text", "event_type"), [
    ("The death toll from a missile attack on Odesa rose to 45.", "ASSAULT"),  # indefinite
    ("Ten days of war games began in the Baltic.", "COOPERATE"),  # an occurrence of the act
    ("Moscow denied that its forces had attacked the village.", "ASSAULT"),  # denied stays
])
def test_reports_inside_phrases_stay(text: str, event_type: str) -> None:
    assert event_type in types(text)


def test_a_date_is_no_particle() -> None:
    event = main("Vladimir Putin called Emmanuel Macron on Tuesday.")
    assert (event["type"], name(event["target"])) == ("CONSULT", "Emmanuel Macron")


def test_future_of_a_verb_above_stays_out_of_a_circumstance() -> None:
    found = find_events(context("Moscow is expected to respond after Ukraine attacked the bridge."))
    assert [e["status"] for e in found if e["type"] == "ASSAULT"] == ["asserted"]


def test_likely_to_is_hypothetical() -> None:
    event = main("Moscow is unlikely to accept the proposal.")
    assert (event["type"], event["status"]) == ("AGREE", "hypothetical")


def test_a_name_in_apposition_is_the_actor() -> None:
    event = main("Britain's defence secretary, Ben Wallace, visited Kyiv on Friday.")
    assert (event["type"], name(event["actor"])) == ("CONSULT", "Ben Wallace")


@pytest.mark.parametrize(("sentence", "kind"), [
    ("The strike hit the port hours before dawn.", "ASSAULT"),
    ("The missile strikes targeted an airbase on the outskirts.", "ASSAULT"),
    ("Dockworkers in the port began a strike over unpaid wages.", "PROTEST"),
    ("Teachers across the region joined a general strike on Monday.", "PROTEST"),
])
def test_a_strike_is_a_walkout_or_an_attack_by_its_sentence(sentence: str, kind: str) -> None:
    events = find_events(context(sentence))
    assert [e["type"] for e in events if "strike" in e["trigger"]["text"]] == [kind]


def test_a_vague_verb_gives_way_to_its_event_noun_subject() -> None:
    # "the strike hit the port": one ASSAULT, on the noun, not a second one on "hit"
    events = find_events(context("The strike hit the port hours before dawn."))
    assert [(e["type"], e["trigger"]["text"]) for e in events] == [("ASSAULT", "strike")]


def test_senses_name_known_types() -> None:
    doc = load_toml("plover")
    doc["senses"]["strike"]["FIGHT"] = ["tank"]
    with pytest.raises(DataFileError, match=r"\[senses.strike\]: unknown event type 'FIGHT'"):
        build(doc)


@pytest.mark.parametrize(("sentence", "kind"), [
    ("A blockade of the ports by the Black Sea fleet has trapped grain ships.", "COERCE"),
    ("Farmers mounted a blockade of the main highway to protest fuel prices.", "PROTEST"),
])
def test_a_blockade_is_a_protest_or_coercion_by_its_sentence(sentence: str, kind: str) -> None:
    events = find_events(context(sentence))
    assert [e["type"] for e in events if e["trigger"]["text"] == "blockade"] == [kind]


def test_workers_on_strike_in_a_city_protest() -> None:
    events = find_events(context("Russian rail workers staged a strike in the city on Monday."))
    assert [e["type"] for e in events if "strike" in e["trigger"]["text"]] == ["PROTEST"]


def test_who_acts_for_the_person_it_follows() -> None:
    events = find_events(context("Prime Minister Jan Hollis, who championed weapons transfers "
                                 "to Ukraine, resigned on Thursday, his office said."))
    support = [e for e in events if e["type"] == "SUPPORT"]
    assert support and name(support[0]["actor"]) == "Jan Hollis"


def test_a_target_the_parse_hung_on_the_agent_is_no_actor() -> None:
    events = find_events(context("Brazil's president said the economic sanctions imposed by "
                                 "the west against Russia had hurt everyone."))
    sanctions = [e for e in events if e["type"] == "SANCTION"]
    assert sanctions
    assert all(name(e["actor"]) != "Russia" for e in sanctions)
    assert any(name(e["target"]) == "Russia" for e in sanctions)


@pytest.mark.parametrize("text", [
    "Belarusian forces were attacked near Mozyr overnight.",
    "Russian troops attacked Belarusian forces near Mozyr overnight.",
])
def test_forces_an_attack_is_done_to_are_its_target_not_the_actors_own(text: str) -> None:
    event = main(text)
    assert event["type"] == "ASSAULT"
    assert name(event["actor"]) != "Belarus"
    assert event["target"] is not None and "Belarus" in event["target"]["name"]


def test_own_forces_moved_stay_the_actors() -> None:
    event = main("Belarus pulled back its troops from the border on Tuesday.")
    assert event["type"] == "RETREAT" and name(event["actor"]) == "Belarus"


def test_a_country_word_after_the_sentences_first_word_names_the_actor() -> None:
    events = find_events(context("A Russian missile strike hit a shopping centre in "
                                 "Kremenchuk, killing 18 people."))
    assert events and all(name(e["actor"]) == "Russia" for e in events)


@pytest.mark.parametrize(("text", "event_type"), [
    ("Several Belarusian missiles hit a fuel depot near Mozyr on Saturday.", "ASSAULT"),
    ("Belarusian rockets destroyed a railway bridge near Mozyr on Saturday.", "ASSAULT"),
    ("Demolition crews destroyed the protesters' camp on Saturday.", "COERCE"),
    ("Belarusian forces have been trying to seize Mozyr in a northern advance.", "ASSAULT"),
    ("Customs officials seized a yacht belonging to the oligarch.", "COERCE"),
    ("The governor said Belarusian soldiers had abandoned the town after heavy shelling.",
     "RETREAT"),
    ("Belarus targeted the port of Mozyr with cruise missiles.", "ASSAULT"),
    ("Minsk responded by expelling ten Polish diplomats.", "SANCTION"),
    ("Minsk has banned 12 Polish politicians from entering the country.", "SANCTION"),
    ("The shelling of the market drew immediate condemnation.", "ACCUSE"),
    ("A criminal case has been opened against a Belarusian blogger, state media reported.",
     "ACCUSE"),
    ("The ministry of justice labelled the Vilnius-based foundation an undesirable "
     "organisation.", "COERCE"),
    ("Belarus cut the flow of oil through the pipeline by half last week.", "SANCTION"),
    ("The Belarusian foreign minister said the convoys would be a legitimate target.",
     "THREATEN"),
    ("A fierce battle for the airbase near Mozyr continued on Thursday.", "ASSAULT"),
    ("The ministers agreed to reduce their oil consumption by 15 per cent.", "AGREE"),
])
def test_weapons_places_manner_and_war_phrases_decide_the_type(text: str, event_type: str) -> None:
    assert main(text)["type"] == event_type


def test_only_a_leading_word_is_dropped_from_a_run_of_capitals() -> None:
    text = "Several Russian missiles hit the port. Northern Ireland police closed the road."
    ctx = context(text)
    assert name(ctx.actor_for(0, len("Several Russian missiles"))) == "Russia"
    start = text.index("Northern")
    assert ctx.actor_for(start, start + len("Northern Ireland police")) is None


@pytest.mark.parametrize("text", [
    "A six-year-old girl is fighting for her life in hospital after the strike.",
    "Two former ministers are locked in a battle for the leadership of the party.",
    "The scandal has damaged relations between Warsaw and Vilnius.",
    "The government seeks to cut the budget deficit to 3% next year.",
    "Officials warned residents of the danger of unexploded mines.",
    "Millions of families have been pushed into poverty by the war.",
])
def test_no_event_in_the_same_words_off_the_battlefield(text: str) -> None:
    ctx = context(text)
    assert main_event(ctx, find_events(ctx)) is None


def test_troops_pulled_from_a_state_are_not_that_states() -> None:
    events = find_events(context("Belarus invaded in February. Moldova was shelled again on "
                                 "Monday.\n\nThen the commanders pulled troops from Moldovan "
                                 "territory overnight."))
    retreat = [e for e in events if e["type"] == "RETREAT"]
    assert retreat and name(retreat[0]["actor"]) == "Belarus"


_TRIGGER_SCRIPT = """
from sitroom.events.lexicon import lexicon
from sitroom.events.triggers import find_triggers
from sitroom.nlp.model import load_model
doc = load_model()("Russia stepped up air strikes on Ukraine over the weekend.")
print([m.trigger.words for m in find_triggers(list(doc.sents)[0], lexicon())])
"""


def test_the_trigger_chosen_does_not_depend_on_the_hash_seed() -> None:
    # two entries tie on specificity and weight ("air strike", "strikes"): the winner was
    # once the first of a set, so it changed from one process to the next
    runs = {subprocess.run([sys.executable, "-c", _TRIGGER_SCRIPT], capture_output=True,
                           text=True, check=True,
                           env={**os.environ, "PYTHONHASHSEED": seed}).stdout.strip()
            for seed in ("1", "3", "5", "6")}
    assert runs == {"[('air', 'strike')]"}
