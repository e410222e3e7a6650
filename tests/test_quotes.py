"""Quotations: each pattern of direct, indirect and mixed quotes, with its cue and speaker.

The articles are a few sentences each, written for these tests; speakers are
checked by their full canonical names.
"""

from __future__ import annotations

from typing import Any

import pytest

from sitroom.attribution import attribute
from sitroom.attribution.marks import find_segments
from sitroom.models import Article


def quotes_of(text: str, *, published: str = "2022-06-06T09:30:00",
              outlet: str | None = None) -> list[dict[str, Any]]:
    found = attribute(Article(text=text, published=published), outlet=outlet).quotes
    for quote in found:  # every span indexes the text it names
        start, end = quote["span"]
        assert text[start:end] == quote["text"]
        if quote["cue"] is not None:
            assert text[slice(*quote["cue"]["span"])] == quote["cue"]["text"]
        if quote["speaker"] is not None:
            assert text[slice(*quote["speaker"]["span"])] == quote["speaker"]["mention"]
    return found


def views_of(text: str) -> list[dict[str, Any]]:
    """The attributions that are no statement: stances, intentions, unsourced views."""
    found = attribute(Article(text=text, published="2022-06-06T09:30:00")).views
    for view in found:
        assert text[slice(*view["span"])] == view["text"]
    return found


def only(quotes: list[dict[str, Any]], phrase: str) -> dict[str, Any]:
    hits = [q for q in quotes if phrase in q["text"]]
    assert len(hits) == 1, (phrase, [q["text"] for q in quotes])
    return hits[0]


def speaker(quote: dict[str, Any]) -> str | None:
    return quote["speaker"]["name"] if quote["speaker"] else None


def test_colon_introduces_a_direct_quote() -> None:
    text = ("Andriy Melnyk, the mayor of a small town near Kharkiv, spoke after the attack.\n\n"
            'Mr Melnyk said: "We have no water and no power, but nobody is leaving."')
    quote = only(quotes_of(text), "We have no water")
    assert quote["type"] == "direct"
    assert quote["text"] == "We have no water and no power, but nobody is leaving."
    assert quote["cue"]["text"] == "said"
    assert speaker(quote) == "Andriy Melnyk"
    assert quote["speaker"]["mention"] == "Mr Melnyk"
    assert quote["speaker"]["resolved_by"] == "surname"


@pytest.mark.parametrize("sentence", [
    '"The bridge will be repaired within a month," Petra Novak said.',
    '"The bridge will be repaired within a month," said Petra Novak.',
    '"The bridge will be repaired within a month," said Petra Novak, the regional governor.',
])
def test_quote_before_its_attribution(sentence: str) -> None:
    quote = only(quotes_of(sentence), "bridge will be repaired")
    assert quote["type"] == "direct"
    assert quote["text"] == "The bridge will be repaired within a month,"
    assert speaker(quote) == "Petra Novak"
    assert quote["cue"]["text"] == "said"


def test_reported_speech_with_that() -> None:
    text = "Petra Novak said that the bridge would be repaired within a month."
    quote = only(quotes_of(text), "bridge would be repaired")
    assert quote["type"] == "indirect"
    assert quote["text"] == "the bridge would be repaired within a month"
    assert speaker(quote) == "Petra Novak"


@pytest.mark.parametrize(("verb", "rest"), [
    ("warned", "that the dam could fail"),
    ("insisted", "that the dam could fail"),
    ("claimed", "that the dam could fail"),
    ("told LBC", "that the dam could fail"),
    ("believes", "that the dam could fail"),
    ("said", "the dam could fail"),
])
def test_reporting_and_belief_verbs(verb: str, rest: str) -> None:
    quote = only(quotes_of(f"Engineer Marta Sokil {verb} {rest} within days."), "dam could fail")
    assert quote["type"] == "indirect"
    assert quote["text"] == "the dam could fail within days"
    assert quote["cue"]["text"] == verb.split()[0]
    assert speaker(quote) == "Marta Sokil"


def test_according_to() -> None:
    text = "Three bridges were destroyed overnight, according to regional governor Petra Novak."
    quote = only(quotes_of(text), "bridges were destroyed")
    assert quote["type"] == "indirect"
    assert quote["text"] == "Three bridges were destroyed overnight"
    assert quote["cue"]["text"] == "according to"
    assert speaker(quote) == "Petra Novak"


def test_partial_quote_in_reported_speech_is_mixed() -> None:
    text = ('Petra Novak said the town wanted to give "every family a warm room" before '
            "winter.")
    quote = only(quotes_of(text), "every family a warm room")
    assert quote["type"] == "mixed"
    assert quote["text"].startswith("the town wanted to give")
    assert speaker(quote) == "Petra Novak"


def test_quote_over_several_paragraphs() -> None:
    text = ('Petra Novak said: "The first convoy arrived this morning.\n\n'
            '"The second will come on Friday, if the road stays open."')
    quotes = quotes_of(text)
    first, second = only(quotes, "first convoy"), only(quotes, "second will come")
    assert first["type"] == second["type"] == "direct"
    assert speaker(first) == speaker(second) == "Petra Novak"
    assert second["speaker"]["resolved_by"] == "continuation"
    assert second["speaker"]["mention"] == "Petra Novak"


def test_unattributed_paragraph_continues_the_last_speaker() -> None:
    text = ('"We will rebuild every school," Petra Novak said.\n\n'
            '"Children must be back in class by September."')
    second = only(quotes_of(text), "Children must be back")
    assert second["type"] == "direct"
    assert speaker(second) == "Petra Novak"
    assert second["speaker"]["resolved_by"] == "continuation"


def test_a_second_quote_in_the_same_paragraph_is_the_same_speakers() -> None:
    text = ('"We will rebuild every school," Petra Novak told reporters. '
            '"Children must be back in class by September."')
    second = only(quotes_of(text), "Children must be back")
    assert speaker(second) == "Petra Novak"


def test_an_attribution_inside_one_quoted_sentence_joins_it() -> None:
    text = '"We will rebuild every school," Petra Novak said, "and every clinic."'
    quote = only(quotes_of(text), "every school")
    assert "and every clinic" in quote["text"]
    assert [text[s:e] for s, e in quote["parts"]] == [
        "We will rebuild every school,", "and every clinic."]
    assert speaker(quote) == "Petra Novak"


def test_headline_quote() -> None:
    text = ("Regional governor: 'The worst is behind us' as floods recede\n\n"
            "Regional governor Petra Novak visited the flooded villages on Sunday.")
    quote = only(quotes_of(text), "worst is behind us")
    assert quote["type"] == "direct"
    assert quote["text"] == "The worst is behind us"
    assert quote["speaker"]["mention"] == "Regional governor"
    assert speaker(quote) == "Petra Novak"


def test_quotation_signed_with_a_dash_and_a_name() -> None:
    text = ("What the voters told us after the debate\n\n"
            "“He showed nothing new. He is not fit to lead.” ― Carla Sanchez.\n\n"
            "“I am afraid for my children.” — Ana Ruiz, 34, a teacher in Phoenix\n\n"
            "“Not a chance” — and that was the end of the evening for the crowd.")
    quotes = quotes_of(text)
    assert speaker(only(quotes, "not fit to lead")) == "Carla Sanchez"
    signed = only(quotes, "afraid for my children")
    assert signed["type"] == "direct" and signed["text"] == "I am afraid for my children."
    assert signed["speaker"]["mention"] == "Ana Ruiz"
    # a dash before words that are no name signs nothing
    assert {q["speaker"]["mention"] for q in quotes if q["speaker"]} <= {"Carla Sanchez",
                                                                          "Ana Ruiz"}


def test_quotation_marks_and_apostrophes() -> None:
    text = ("It is the governor's view that ‘nothing is settled’ and the villagers' fears "
            "remain, Petra Novak's office said.")
    assert [text[s.inner_start:s.inner_end] for s in find_segments(text)] == [
        "nothing is settled"]
    doubled = "''We will stay,'' she said, and 'they' left."
    assert [doubled[s.inner_start:s.inner_end] for s in find_segments(doubled)] == [
        "We will stay,", "they"]


def test_scare_quotes_and_impersonal_passives_are_not_statements() -> None:
    text = ('The so-called "people\'s republics" held votes on Sunday.\n\n'
            "It is believed that more than 3,000 people have left the region.")
    assert quotes_of(text) == []


def test_reporting_verbs_inside_a_quote_are_not_cues() -> None:
    text = ('"As I have said many times, we want peace," Petra Novak said.')
    quotes = quotes_of(text)
    assert len(quotes) == 1
    assert speaker(quotes[0]) == "Petra Novak"


def test_nested_statement_is_its_own_quote() -> None:
    text = ("Nato said it had seen no withdrawal, despite Moscow insisting that its units "
            '"were leaving".')
    quotes = quotes_of(text)
    nato = only(quotes, "seen no withdrawal")
    assert speaker(nato) == "NATO"
    assert "Moscow" not in nato["text"]
    moscow = only(quotes, "were leaving")
    assert speaker(moscow) == "Russia"


def test_hedged_cue() -> None:
    text = "Petra Novak reportedly said that the bridge would reopen in May."
    quote = only(quotes_of(text), "bridge would reopen")
    assert quote["hedges"] == ["reportedly"]


def test_headline_without_quotation_marks_is_a_persons_statement_only() -> None:
    quote = only(quotes_of("Zelenskiy: Russia will pay for every crime\n\n"
                           "Ukraine's president, Volodymyr Zelenskiy, spoke on Monday."),
                 "Russia will pay")
    assert quote["type"] == "indirect"
    assert speaker(quote) == "Volodymyr Zelensky"
    assert quotes_of("Ukraine war: what we know on day 100\n\nRussian forces advanced.") == []


def test_parenthetical_cues() -> None:
    quotes = quotes_of("The move, Petra Novak explained, was the result of months of work.\n\n"
                       "After all, she argued, the town had no other choice.\n\n"
                       "As the governor said, the roads will stay closed.")
    assert "the result of months of work" in only(quotes, "result of months")["text"]
    argued = only(quotes, "no other choice")
    assert argued["text"] == "the town had no other choice"
    assert speaker(argued) == "Petra Novak"
    assert only(quotes, "roads will stay closed")["cue"]["text"] == "said"


@pytest.mark.parametrize("sentence", [
    "Petra Novak was quoted as saying that the talks had stalled.",
    "Petra Novak is reported to have said that the talks had stalled.",
])
def test_passives_that_hand_down_their_subject(sentence: str) -> None:
    quote = only(quotes_of(sentence), "talks had stalled")
    assert quote["text"] == "the talks had stalled"
    assert speaker(quote) == "Petra Novak"


@pytest.mark.parametrize(("sentence", "content", "cue"), [
    ("Petra Novak knows that the bridge cannot be repaired this year.",
     "the bridge cannot be repaired this year", "knows"),
    ("A poll by the regional council shows that most residents want the bridge rebuilt.",
     "most residents want the bridge rebuilt", "shows"),
    ("Petra Novak learned that the contractor had left the town.",
     "the contractor had left the town", "learned"),
])
def test_knowledge_and_evidence_verbs_with_a_clause(sentence: str, content: str, cue: str) -> None:
    quote = only(quotes_of(sentence), content)
    assert quote["text"] == content
    assert quote["cue"]["text"] == cue


def test_knowledge_verb_without_a_clause_is_no_cue() -> None:
    assert quotes_of("Petra Novak knows the town well.") == []
    assert quotes_of("Petra Novak wants a new car.") == []


@pytest.mark.parametrize(("sentence", "content", "cue"), [
    ("Petra Novak wants to rebuild the bridge before winter.",
     "to rebuild the bridge before winter", "wants"),
    ("The regional council decided to close the northern road.",
     "to close the northern road", "decided"),
])
def test_intention_verbs_with_an_infinitive(
        sentence: str, content: str, cue: str) -> None:
    # an intention is an attribution but no statement: a view, not a quote
    view = only(views_of(sentence), content)
    assert view["text"] == content
    assert view["cue"]["text"] == cue
    assert view["view"] == "stance"
    assert quotes_of(sentence) == []


def test_appearance_verb_hands_its_subject_to_the_statement_under_it() -> None:
    # "appeared to blame": the blame is Petra Novak's statement; "appeared" only hedges it
    quote = only(quotes_of("Petra Novak appeared to blame the contractor for the delay."),
                 "the contractor for the delay")
    assert quote["cue"]["text"] == "blame"
    assert speaker(quote) == "Petra Novak"


@pytest.mark.parametrize(("sentence", "content", "cue"), [
    ("The farmers' union endorsed Petra Novak for governor.", "Petra Novak for governor",
     "endorsed"),
    ("Petra Novak opposes the new toll on the northern road.",
     "the new toll on the northern road", "opposes"),
    ("Petra Novak attacked the contractor for the delay.", "the contractor for the delay",
     "attacked"),
    ("Petra Novak pushed for a second bridge.", "a second bridge", "pushed"),
])
def test_stance_verbs_with_an_object(sentence: str, content: str, cue: str) -> None:
    view = only(views_of(sentence), content)
    assert view["text"] == content
    assert view["cue"]["text"] == cue
    assert view["view"] == "stance"
    assert quotes_of(sentence) == []


@pytest.mark.parametrize(("sentence", "content"), [
    ("Petra Novak said the bridge would reopen.", "the bridge would reopen"),
    ("Petra Novak hopes that the bridge will reopen.", "the bridge will reopen"),
    ("Petra Novak accused the contractor of fraud.", "the contractor of fraud"),
    ("Petra Novak urged residents to leave the valley.", "to leave the valley"),
    ("Petra Novak welcomed the “historic” agreement.", "the “historic” agreement"),
])
def test_statements_stay_quotes(sentence: str, content: str) -> None:
    # saying, a clause under a verb of thinking, and quoted words are statements
    quote = only(quotes_of(sentence), content)
    assert "view" not in quote
    assert views_of(sentence) == []


def test_noun_with_a_possessor_and_a_clause() -> None:
    quote = only(quotes_of("Petra Novak's view that the bridge was unsafe angered the council."),
                 "the bridge was unsafe")
    assert quote["text"] == "the bridge was unsafe"
    assert quote["cue"]["text"] == "view"
    assert speaker(quote) == "Petra Novak"


def test_a_plan_with_a_possessor_is_her_intention_a_view() -> None:
    sentence = "Petra Novak's plan to close the northern road drew complaints."
    assert quotes_of(sentence) == []
    view = only(views_of(sentence), "to close the northern road")
    assert (view["view"], view["cue"]["text"], speaker(view)) == ("stance", "plan", "Petra Novak")


def test_noun_without_a_clause_is_no_cue() -> None:
    assert quotes_of("Petra Novak's plan drew complaints from the council.") == []


def test_nested_statement_with_a_shared_subject_keeps_the_outer_content() -> None:
    text = ("Petra Novak said she plans to rebuild the bridge next year, insisting that the "
            "council must pay for it.")
    quotes = quotes_of(text)
    said = only(quotes, "rebuild the bridge")
    assert said["text"] == "she plans to rebuild the bridge next year"
    assert speaker(said) == "Petra Novak"
    assert only(quotes, "council must pay")["cue"]["text"] == "insisting"


def test_a_role_to_a_place_is_part_of_the_speaker_mention() -> None:
    quote = only(quotes_of("“Unacceptable,” said the EU envoy to Moldova, Karin Lund."),
                 "Unacceptable")
    assert quote["speaker"]["mention"].startswith("the EU envoy to Moldova")


def test_a_pronoun_with_no_subject_before_it_is_the_last_person_named() -> None:
    # the parse hangs the senator under "Kyiv" and the verb has no subject; "he" is still
    # the man the reader has just met
    text = ("Determined to project support for Kyiv, Senator Mark Ellison, Republican of Ohio "
            "and the minority leader, worked for days before the vote.\n\n"
            "The effort peaked over the weekend, when Mr. Ellison traveled to Kyiv and Warsaw, "
            "in what he said was partly a bid to reassure allies.")
    quote = only(quotes_of(text), "a bid to reassure allies")
    assert speaker(quote) == "Mark Ellison"


@pytest.mark.parametrize(("sentence", "name"), [
    ("A hacking team sent a document to banks, researchers at the security firm SentinelOne "
     "said.", "SentinelOne"),
    ("Analysts at Rusi said the assessment was optimistic.", "Rusi"),
    ("Officials at the port said the ship had left.", "Officials"),
])
def test_people_at_a_named_organisation_speak_for_it(sentence: str, name: str) -> None:
    quote = quotes_of(sentence)[0]
    assert speaker(quote) == name


def test_a_wire_tag_relays_the_named_speaker() -> None:
    # "..., AFP reported" passes the mayor's statement on: the statement is the mayor's
    text = ("The mayor of the northern town of Sumy said two people were hurt when shells hit "
            "a market overnight, AFP reported.")
    quote = only(quotes_of(text), "two people were hurt")
    assert speaker(quote) == "mayor of the northern town of Sumy"
    assert len(quotes_of(text)) == 1


def test_a_former_office_is_the_person_named_who_held_it() -> None:
    text = ("The deputy chair of Russia’s security council, Dmitry Medvedev, said the sanctions "
            "had failed.\n\n“The West is tired,” the former Russian president wrote.")
    quote = only(quotes_of(text, published="2022-07-07T14:00:00"), "The West is tired")
    assert speaker(quote) == "Dmitry Medvedev"
    assert quote["speaker"]["resolved_by"] == "role"


def test_an_envoy_to_an_organisation_is_the_holder_for_that_country() -> None:
    text = ("The United States ambassador to the United Nations said on Friday that the "
            "grain deal had to hold.")
    quote = only(quotes_of(text, published="2022-07-29T10:00:00"), "the grain deal")
    assert speaker(quote) == "Linda Thomas-Greenfield"


def test_an_accusation_and_a_call_are_two_statements() -> None:
    text = ("Ukraine’s foreign minister, Dmytro Kuleba, has accused Russia of a “war crime” "
            "over the killings and called on world leaders to “isolate the Kremlin”.")
    found = quotes_of(text, published="2022-07-30T10:00:00")
    assert only(found, "Russia of a")["text"].endswith("over the killings")
    assert only(found, "isolate the Kremlin")["text"] == "world leaders to “isolate the Kremlin”"


def test_a_medium_by_an_organisation_speaks_for_it() -> None:
    text = ("Moore made the remark above an earlier tweet by the Ministry of Defence that said "
            "the Kremlin was “growing desperate”.")
    quote = only(quotes_of(text, outlet="The Guardian"), "growing desperate")
    assert speaker(quote) == "UK Ministry of Defence"  # a British paper's ministry
    assert quote["speaker"]["mention"] == "that"


def test_according_to_a_description_with_the_name_set_off() -> None:
    text = ("According to one patrol officer on duty, Marko Bilyk, the curfew makes it easier "
            "to spot strangers.")
    quote = only(quotes_of(text), "the curfew makes it easier")
    assert speaker(quote) == "Marko Bilyk"
    assert quote["text"].startswith("the curfew")


def test_a_relay_of_a_pronoun_keeps_the_statement() -> None:
    text = "Sergei Lavrov arrived in Ankara.\n\nAccording to TASS, he said the talks had failed."
    quote = only(quotes_of(text), "the talks had failed")
    assert speaker(quote) == "Sergei Lavrov"


@pytest.mark.parametrize(("sentence", "phrase", "name"), [
    # a belief or a claim of one's own is no relay of the statement inside it
    ("Petra Novak is confident that officials said the bridge would reopen.",
     "officials said the bridge", "Petra Novak"),
    # "what he called": a naming, not a relative "which"
    ("Putin launched what he called a “special military operation”.",
     "special military operation", "Vladimir Putin"),
    # a place is no organisation to speak for
    ("Refugees from Mariupol said the city had no water.", "no water", "Refugees"),
])
def test_statements_the_relay_and_affiliation_rules_leave_alone(
        sentence: str, phrase: str, name: str) -> None:
    quote = only(quotes_of(sentence), phrase)
    assert speaker(quote) == name


def test_a_ministry_placed_elsewhere_is_not_the_papers_own() -> None:
    quote = only(quotes_of("The Ministry of Defence in Moscow said the troops had left.",
                           outlet="The Guardian"), "the troops had left")
    assert speaker(quote) != "UK Ministry of Defence"


def test_an_unnamed_owner_leaves_pronouns_alone() -> None:
    text = ("Ivan Petrov arrived in Kyiv on Monday.\n\nThe minister's report said the road "
            "was closed. He said the bridge was open.")
    assert speaker(only(quotes_of(text), "the bridge was open")) == "Ivan Petrov"


def test_a_question_put_to_a_speaker_is_not_their_statement() -> None:
    text = "Asked whether the trial would go ahead, Peskov said: “We cannot exclude anything.”"
    found = quotes_of(text)
    assert [q["text"] for q in found] == ["We cannot exclude anything."]


def test_a_description_inside_a_reported_denial_is_part_of_it() -> None:
    text = ("Turkey raised objections.\n\nThe foreign ministers of Sweden and Finland denied "
            "that the two countries had agreed to extradite anyone to Turkey.")
    found = quotes_of(text)
    assert len(found) == 1
    assert found[0]["text"].startswith("the two countries had agreed")


@pytest.mark.parametrize(("sentence", "content"), [
    ("Petra Novak was talking about her work to reopen the bridge.",
     "her work to reopen the bridge"),
    ("Petra Novak spoke of her fears for the valley.", "her fears for the valley"),
])
def test_what_someone_spoke_about_is_a_topic_view(sentence: str, content: str) -> None:
    assert quotes_of(sentence) == []
    view = only(views_of(sentence), content)
    assert view["view"] == "topic"
    assert view["text"] == content


def test_cue_clause_after_its_content_read_as_a_conjunct() -> None:
    quote = only(quotes_of(
        "Russia has been forced to merge and redeploy units from failed advances in the "
        "north-east, the UK’s Ministry of Defence has said in its latest intelligence report "
        "released on Saturday morning."), "merge and redeploy")
    assert quote["text"].startswith("Russia has been forced")
    assert speaker(quote) == "UK Ministry of Defence"
    # joined by "and", the second clause is no cue of the first
    assert quotes_of("The troops crossed the river, and the ministry said nothing.") == []


def test_gerund_content_of_denials_and_admissions() -> None:
    quotes = quotes_of("Russia denies killing civilians.\n\n"
                       "The mayor, Petra Novak, admitted taking the money.")
    assert only(quotes, "killing")["text"] == "killing civilians"
    assert speaker(only(quotes, "killing")) == "Russia"
    assert speaker(only(quotes, "taking the money")) == "Petra Novak"


def test_posted_statement() -> None:
    quote = only(quotes_of("The UN secretary general, António Guterres, toured the suburbs. "
                           "Guterres posted online afterwards: “I was moved by the resilience "
                           "of the people.”"), "resilience")
    assert quote["type"] == "direct"
    assert speaker(quote) == "António Guterres"


def test_main_verb_parsed_as_a_participle_of_its_subject() -> None:
    quote = only(quotes_of(
        "The German chancellor, Olaf Scholz, conceded in an interview that his country had "
        "“concentrated our energy supply too much on Russia” to the point that it was not "
        "possible to change course."), "energy supply")
    assert quote["type"] == "mixed"
    assert speaker(quote) == "Olaf Scholz"


def test_participle_after_a_direct_quote_is_the_quoted_speakers() -> None:
    quotes = quotes_of("Oleksandr Starukh, the governor of the region, said: “We need these "
                       "weapons because winter is coming,” adding that the country would face "
                       "greater costs if the war dragged on.")
    added = only(quotes, "greater costs")
    assert added["text"] == "the country would face greater costs if the war dragged on"
    assert speaker(added) == "Oleksandr Starukh"


def test_what_an_ownerless_image_shows_is_evidence_not_a_statement() -> None:
    text = ("Graphic images from the scene show the street littered with bodies.\n\n"
            "A poll by the regional council shows that most residents want the bridge rebuilt.")
    assert [v["view"] for v in views_of(text) if "littered" in v["text"]] == ["evidence"]
    assert not any("littered" in q["text"] for q in quotes_of(text))
    assert only(quotes_of(text), "bridge rebuilt")["type"] == "indirect"


def test_a_circumstance_after_a_stance_is_the_writers() -> None:
    quotes = quotes_of("Dmitry Peskov said on Friday that Russia supported China’s sovereignty, "
                       "after the Chinese president, Xi Jinping, warned Joe Biden against "
                       "“playing with fire” over Taiwan.")
    assert speaker(only(quotes, "playing with fire")) == "Xi Jinping"
    assert only(quotes, "Russia supported")["text"] == "Russia supported China’s sovereignty"


def test_attribution_closing_a_sentence_the_parse_got_wrong() -> None:
    quotes = quotes_of(
        "Russia was sending a large number of reserve troops to the city from other battle "
        "zones, the governor of the Luhansk region said on Sunday.\n\n"
        "Two commanders who defended the plant have been transferred to Russia for "
        "investigation, Russia’s state news agency TASS reported.")
    governor = only(quotes, "reserve troops")
    assert governor["text"].startswith("Russia was sending")
    assert governor["speaker"]["mention"] == "the governor of the Luhansk region"
    assert speaker(only(quotes, "transferred to Russia")) == "TASS"


def test_relayed_participles_are_the_quoted_speakers() -> None:
    quotes = quotes_of(
        "Several missiles hit a gasworks, the regional governor, Oleh Synehubov, said on "
        "Saturday. Reuters reported him adding that other buildings had been damaged.\n\n"
        "TASS cited Dmitry Peskov as saying the talks were over.\n\n"
        "The mayor, Petra Novak, said the convoy should reach the city on Tuesday, adding that "
        "200 more civilians were trapped.")
    assert speaker(only(quotes, "other buildings")) == "Oleh Synehubov"
    assert speaker(only(quotes, "talks were over")) == "Dmitry Peskov"
    assert speaker(only(quotes, "civilians were trapped")) == "Petra Novak"


def test_informing_and_charging_are_statements() -> None:
    quotes = quotes_of("Uniper has informed customers that gas prices may rise.\n\n"
                       "Prosecutors charged that the mayor had lied.\n\n"
                       "He was charged with murder.")
    assert only(quotes, "gas prices")["text"] == "gas prices may rise"
    assert speaker(only(quotes, "had lied")) == "Prosecutors"
    assert len(quotes) == 2


@pytest.mark.parametrize("sentence", [
    "Ukraine says Russian forces are shelling the plant, a claim Moscow denies.",
    "The court jailed him for ten years, a sentence his lawyers condemned.",
    "Police have charged a man who was arrested at the scene.",
    "The retailer posted a loss that has alarmed investors.",
    "The council will notify residents who have been affected.",
])
def test_no_statement_from_a_relative_clause_or_an_object(sentence: str) -> None:
    quotes = quotes_of(sentence)
    assert not any(q["speaker"] and q["speaker"]["mention"] in (
        "Moscow", "his lawyers", "Police", "The retailer", "The council") for q in quotes), quotes


def test_saying_after_a_reported_clause_stays_its_subjects() -> None:
    quotes = quotes_of("Kyiv said Moscow had rejected the proposal, saying it was a trick.")
    assert speaker(only(quotes, "a trick")) == "Russia"


def test_signature_dashes_that_credit_no_person() -> None:
    quotes = quotes_of("The minister said the border would stay open. “We will not stand by.” "
                       "— AFP\n\n"
                       "Protesters chanted “Stop the war.” — Amnesty International, which "
                       "monitored the march, counted 5,000.\n\n"
                       "“We are tired.” — Kharkiv, March 2022")
    mentions = {q["speaker"]["mention"] for q in quotes if q["speaker"]}
    assert not mentions & {"AFP", "Amnesty International", "Kharkiv"}
    assert only(quotes, "stand by")["speaker"]["mention"] == "The minister"


def test_a_finding_by_purpose_and_a_portrayal_tried_are_kept() -> None:
    quotes = quotes_of("Scientists used satellite data to discover that the glacier was "
                       "melting.")
    assert only(quotes, "glacier was melting")["speaker"]["mention"] == "Scientists"
    # what something is portrayed as is a statement, tried or not
    assert speaker(only(quotes_of("Russia has tried to portray the war as a defensive "
                                  "operation."), "defensive operation")) == "Russia"


def test_visual_evidence_with_a_noun_phrase_content_is_evidence() -> None:
    text = "Graphic images from the scene show bodies lying in the street."
    assert [v["view"] for v in views_of(text)] == ["evidence"]


def test_closing_attribution_the_parse_left_without_a_subject() -> None:
    quote = only(quotes_of("Mass kidnappings have been occurring in Melitopol, the mayor of "
                           "the south-eastern city said."), "kidnappings")
    assert quote["text"] == "Mass kidnappings have been occurring in Melitopol"
    assert quote["speaker"]["mention"] == "the mayor of the south-eastern city"


def test_a_past_tense_read_as_a_participle_of_the_object() -> None:
    quote = only(quotes_of("The prime minister, Boris Johnson, said the “despicable” killings "
                           "added to evidence of war crimes, while the chancellor, Olaf Scholz, "
                           "expressed shock."), "killings")
    assert quote["text"] == "the “despicable” killings added to evidence of war crimes"
    assert speaker(quote) == "Boris Johnson"


@pytest.mark.parametrize(("text", "phrase", "name"), [
    # an opening adjunct before the relayed speaker
    ("Speaking after the meeting, Ivan Drobny said he had urged Minsk to “remain calm”, "
     "the news agency Tass reported.", "he had urged Minsk", "Ivan Drobny"),
    # the speaker's own phrase up to the cue
    ("The European Union Agency for Law Enforcement Cooperation said it had no records of "
     "weapons being smuggled, Euromaidan reports.", "no records of weapons",
     "European Union Agency"),
    # the quotation first
    ("Ivan Drobny spoke on Friday. “This is another demonstration of our strength,” he said "
     "in a late-night address, Reuters reported.", "another demonstration", "Ivan Drobny"),
])
def test_a_wire_tag_relays_the_speaker_of_every_shape(text: str, phrase: str,
                                                      name: str) -> None:
    found = [q for q in quotes_of(text) if phrase in q["text"]]
    assert [speaker(q) for q in found] == [name]
    assert not found[0]["text"].endswith(("reported", "reports"))


@pytest.mark.parametrize(("text", "name"), [
    ("Lithuania has told the Russian region of Kaliningrad it will block the transit of "
     "goods, the regional governor said.", "Anton Alikhanov"),
    ("Zelenskiy visited Kharkiv on Monday, the mayor said.", "Ihor Terekhov"),
    # two places with such an office: no one
    ("Russian forces hit Kharkiv and killed two people in Sumy overnight, the governor said.",
     "governor"),
    # an office held by someone else than the gazetteer's holder
    ("Shelling hit Melitopol overnight, the Russian-installed mayor said.",
     "Russian-installed mayor"),
])
def test_a_bare_local_office_is_held_in_the_place_its_sentence_names(text: str,
                                                                     name: str) -> None:
    assert speaker(quotes_of(text, published="2022-06-20T10:00:00")[0]) == name


def test_two_reported_clauses_joined_by_and_that_are_two_statements() -> None:
    quotes = quotes_of("Olena Kovalenko confirmed the convoy had reached Dnipro and that the "
                       "drivers were safe.\n\n"
                       "Marta Sokil said talks would resume on Monday, but that no deal was "
                       "near.\n\n"
                       "Marta Sokil said “the deal is done and that is final”.")
    texts = [q["text"] for q in quotes]
    assert "the convoy had reached Dnipro" in texts
    assert "the drivers were safe" in texts
    assert "talks would resume on Monday" in texts
    assert "no deal was near" in texts
    assert only(quotes, "drivers")["speaker"]["name"] == "Olena Kovalenko"
    assert only(quotes, "drivers")["cue"] == only(quotes, "Dnipro")["cue"]
    # never cut inside a quotation
    assert only(quotes, "the deal is done")["text"] == "the deal is done and that is final"


def test_and_that_with_a_bare_singular_noun_is_a_determiner_not_a_second_clause() -> None:
    quotes = quotes_of("Police officials said a second device was also found in Chelsea and "
                       "that location is being treated as a crime scene.")
    assert [q["text"] for q in quotes] == [
        "a second device was also found in Chelsea and that location is being treated as a "
        "crime scene"]


def test_what_a_speakers_information_indicates_stays_in_the_statement() -> None:
    quotes = quotes_of(
        "The adviser, Olena Hrytsenko, said that it was unclear whether Iran had sent drones "
        "to Russia, but that the United States had information that indicated Iran was "
        "preparing to train Russian troops.")
    texts = [q["text"] for q in quotes]
    assert texts == [
        "it was unclear whether Iran had sent drones to Russia",
        "the United States had information that indicated Iran was preparing to train "
        "Russian troops"]
    assert {q["speaker"]["name"] for q in quotes} == {"Olena Hrytsenko"}


def test_a_report_that_said_is_its_own_statement() -> None:
    quotes = quotes_of("A senior senator disputed a report that said the panel was split over "
                       "the referral.")
    assert "the panel was split over the referral" in [q["text"] for q in quotes]
