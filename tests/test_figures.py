"""Figures of small invented articles and of the founding example (docs/records.md).

Each invented article is analysed once per module; the tests name the figures
that must appear, with value, qualifier, unit, measure, subject, source and
revisions, and the numbers that must not (years, ages, shares, times, names,
phone numbers, references back to people already counted).
"""

from __future__ import annotations

from typing import Any

import pytest

from sitroom.models import RawDocument
from sitroom.pipeline import analyze_document

#: The file name gives the outlet (LBC), so that figures in the outlet's voice have a source.
ARTICLE_PATH = "lbc-2022-03-03-figures-test.txt"

FRONTIER = """Frontier tensions rise as columns gather

3 March 2022, 09:15

By Ada Testwriter

More than 40,000 troops now line the northern frontier, an increase from the previously \
estimated 30,000, according to the United Nations.

At least 12 civilians were killed in Dolynsk on Wednesday and 30 wounded. Thousands of \
residents have fled the town.

The alliance approved $1.2bn in military aid and 300 million euros for shelters. Between \
2,000 and 3,500 soldiers are believed to be trapped in the old fortress.

Anna Kovac, 52, who has lived in Dolynsk since 2003, said 40% of homes were without power \
and the 2nd battalion had left at 10:30.

The MiG-29 squadron flew over the town three times. Two dozen tanks were seen near the \
river crossing.

The two men were later released. Some 150k refugees crossed into the neighbouring state, \
and a hundred and fifty thousand people were displaced.

The death toll rose from 300 to 450 overnight. Officials estimate 90 people a day are leaving.
"""

SIEGE = """Mayor warns of worsening siege

4 March 2022, 11:00

By Ada Testwriter

Mayor Petro Halych said: "Nearly 5,000 people are still trapped in the basements and up \
to 800 children have no water."

Halych added that 2,000-3,000 families had left since Sunday.

Officials said about 200 people had been detained at checkpoints.

It is thought that roughly 15 drones struck the depot overnight.

Call 0800 123 4567 for help. The Covid-19 rules and the G7 summit were postponed to 2023.
"""


def _analyse(text: str, path: str = ARTICLE_PATH) -> dict[str, Any]:
    doc = RawDocument(origin=path, data=text.encode("utf-8"), format="text", via="file",
                      path=path)
    return analyze_document(doc).to_dict()


@pytest.fixture(scope="module")
def frontier() -> dict[str, Any]:
    return _analyse(FRONTIER)


@pytest.fixture(scope="module")
def siege() -> dict[str, Any]:
    return _analyse(SIEGE)


def _figure(record: dict[str, Any], text: str) -> dict[str, Any]:
    hits = [f for f in record["figures"] if f["text"] == text]
    assert len(hits) == 1, (text, [f["text"] for f in record["figures"]])
    figure: dict[str, Any] = hits[0]
    return figure


def _by_id(record: dict[str, Any], ident: str | None) -> dict[str, Any]:
    figure: dict[str, Any] = next(f for f in record["figures"] if f["id"] == ident)
    return figure


@pytest.mark.parametrize(("text", "value", "qualifier", "unit", "measure", "subject"), [
    ("More than 40,000 troops", 40000, "over", "troops", "troops",
     "troops on the northern frontier"),
    ("At least 12 civilians", 12, "at least", "civilians", "killed", "civilians killed in Dolynsk"),
    ("30 wounded", 30, "exactly", "wounded", "wounded", "wounded"),
    ("Thousands of residents", 1000, "at least", "residents", "refugees", "residents fled"),
    ("$1.2bn", 1200000000, "exactly", "dollars", "money", "dollars in military aid"),
    ("300 million euros", 300000000, "exactly", "euros", "money", "euros for shelters"),
    ("Two dozen tanks", 24, "exactly", "tanks", "equipment", "tanks near the river crossing"),
    ("Some 150k refugees", 150000, "about", "refugees", "refugees",
     "refugees into the neighbouring state"),
    ("a hundred and fifty thousand people", 150000, "exactly", "people", "displaced",
     "people displaced"),
])
def test_figures_of_an_invented_article(frontier: dict[str, Any], text: str, value: int,
                                        qualifier: str, unit: str, measure: str,
                                        subject: str) -> None:
    figure = _figure(frontier, text)
    assert (figure["value"], figure["qualifier"], figure["unit"], figure["measure"],
            figure["subject"]) == (value, qualifier, unit, measure, subject)
    # the Wednesday before publication for the figures of "... on Wednesday"
    assert figure["date"] == ("2022-03-02" if text in ("At least 12 civilians", "30 wounded")
                              else "2022-03-03")
    start, end = figure["span"]
    assert frontier["article"]["text"][start:end] == text


def test_a_range(frontier: dict[str, Any]) -> None:
    figure = _figure(frontier, "Between 2,000 and 3,500 soldiers")
    assert (figure["value"], figure["value_max"], figure["qualifier"], figure["measure"]) == (
        2000, 3500, "between", "troops")
    assert figure["estimate"] is True
    assert figure["source"] is None and figure["source_kind"] == "unnamed"


def test_vague_quantities_are_marked(frontier: dict[str, Any]) -> None:
    assert _figure(frontier, "Thousands of residents")["vague"] is True
    assert _figure(frontier, "Two dozen tanks")["vague"] is False


def test_the_older_figure_takes_the_unit_of_the_one_that_revises_it(
        frontier: dict[str, Any]) -> None:
    newer = _figure(frontier, "More than 40,000 troops")
    older = _by_id(frontier, newer["revises"])
    assert (older["value"], older["text"], older["measure"], older["unit"]) == (
        30000, "30,000", "troops", "troops")
    assert older["revises"] is None
    assert newer["source"] == older["source"] and newer["source"]["name"] == "United Nations"


def test_a_change_from_one_total_to_another(frontier: dict[str, Any]) -> None:
    newer = _figure(frontier, "450")
    older = _by_id(frontier, newer["revises"])
    assert (older["value"], newer["measure"], older["measure"]) == (300, "killed", "killed")
    assert newer["subject"] == "death toll"


def test_the_outlet_speaks_in_its_own_voice(frontier: dict[str, Any]) -> None:
    figure = _figure(frontier, "Two dozen tanks")
    assert figure["source_kind"] == "outlet"
    assert figure["source"] == {"id": "outlet:lbc", "name": "LBC"}
    assert figure["quote"] is None and figure["estimate"] is False


def test_numbers_that_are_no_figures(frontier: dict[str, Any]) -> None:
    values = {f["value"] for f in frontier["figures"]}
    for noise in (52, 2003, 40, 2, 29, 3):  # age, year, share, ordinal, name, "three times"
        assert noise not in values, noise
    assert 90 not in values  # "90 people a day": a rate
    spans = [f["span"] for f in frontier["figures"]]
    clock = frontier["article"]["text"].index("10:30")
    assert not any(start <= clock < end for start, end in spans)
    assert not any(f["unit"] == "men" for f in frontier["figures"])  # "The two men": anaphoric
    assert len(frontier["figures"]) == 13, [f["text"] for f in frontier["figures"]]


def test_a_figure_in_a_quote_has_its_speaker(siege: dict[str, Any]) -> None:
    figure = _figure(siege, "Nearly 5,000 people")
    assert (figure["qualifier"], figure["source_kind"]) == ("nearly", "speaker")
    assert figure["source"]["name"] == "Petro Halych"
    assert figure["quote"] is not None
    assert figure["subject"] == "people in the basements"
    children = _figure(siege, "up to 800 children")
    assert (children["value"], children["qualifier"], children["measure"]) == (800, "up to",
                                                                            "other")


def test_a_dash_range_in_reported_speech(siege: dict[str, Any]) -> None:
    figure = _figure(siege, "2,000-3,000 families")
    assert (figure["value"], figure["value_max"], figure["qualifier"]) == (2000, 3000, "between")
    assert figure["source"]["name"] == "Petro Halych"


def test_officials_said_is_an_unnamed_source(siege: dict[str, Any]) -> None:
    figure = _figure(siege, "about 200 people")
    assert (figure["measure"], figure["subject"]) == ("detained", "people detained at checkpoints")
    assert figure["source"] is None and figure["source_kind"] == "unnamed"


def test_it_is_thought_is_an_unnamed_estimate(siege: dict[str, Any]) -> None:
    figure = _figure(siege, "roughly 15 drones")
    assert (figure["qualifier"], figure["measure"], figure["estimate"]) == ("about", "equipment",
                                                                           True)
    assert figure["source"] is None and figure["source_kind"] == "unnamed"


def test_phone_numbers_names_and_years_are_no_figures(siege: dict[str, Any]) -> None:
    assert len(siege["figures"]) == 5, [f["text"] for f in siege["figures"]]


def test_ids_are_in_text_order_and_spans_index_the_text(frontier: dict[str, Any]) -> None:
    figures = frontier["figures"]
    assert [f["id"] for f in figures] == [f"f{n}" for n in range(1, len(figures) + 1)]
    assert [f["span"][0] for f in figures] == sorted(f["span"][0] for f in figures)
    text = frontier["article"]["text"]
    assert all(text[f["span"][0]:f["span"][1]] == f["text"] for f in figures)


# The founding example



@pytest.fixture(scope="module")
def seed(seed_record: dict[str, Any]) -> dict[str, Any]:
    return seed_record


def test_founding_example_troop_figures(seed: dict[str, Any]) -> None:
    newer = _figure(seed, "over 150,000 troops")
    assert (newer["value"], newer["qualifier"], newer["unit"], newer["measure"]) == (
        150000, "over", "troops", "troops")
    assert newer["source"] == {"id": "joe-biden", "name": "Joe Biden"}
    assert newer["source_kind"] == "speaker" and newer["quote"] is not None
    assert newer["estimate"] is True and newer["date"] == "2022-02-15"
    assert newer["subject"] == "troops on Ukraine's border"
    older = _by_id(seed, newer["revises"])
    assert (older["value"], older["measure"], older["text"]) == (130000, "troops", "130,000")
    assert older["source"] == newer["source"] and older["revises"] is None


def test_founding_example_has_no_other_figures(seed: dict[str, Any]) -> None:
    assert [f["value"] for f in seed["figures"]] == [150000, 130000]


@pytest.mark.parametrize(("sentence", "measure"), [
    ("Officials said they had learned about the deaths of 24 more children in the city.", "killed"),
    ("The bodies of 152 soldiers were returned to the capital on Tuesday.", "killed"),
    ("Around 100 civilians were evacuated from the steelworks on Sunday.", "other"),
])
def test_a_noun_whose_of_names_the_people_counted(sentence: str, measure: str) -> None:
    record = _analyse(f"Harbour news today\n\nPublished 2 March 2022\n\n{sentence}")
    [figure] = record["figures"]
    assert figure["measure"] == measure


def test_one_person_killed_is_a_figure_and_three_officials_speaking_is_not() -> None:
    record = _analyse("Night strikes on Sumy\n\nOne person was killed in the attack on the "
                      "market.\n\nThree US officials told Reuters the talks had stalled.\n")
    figures = [(f["value"], f["measure"]) for f in record["figures"]]
    assert figures == [(1, "killed")]


def test_a_described_speaker_is_a_described_source() -> None:
    record = _analyse("Shelling continues in the east\n\n5 March 2022, 10:00\n\n"
                      "The regional military administration said 14 civilians were killed "
                      "overnight.\n\nOfficials said 30 people were wounded.\n")
    killed = _figure(record, "14 civilians")
    assert killed["source_kind"] == "described"
    assert killed["source"]["name"] == "regional military administration"
    wounded = _figure(record, "30 people")
    assert wounded["source"] is None and wounded["source_kind"] == "unnamed"


def test_a_figure_takes_the_day_its_sentence_gives(frontier: dict[str, Any],
                                                   siege: dict[str, Any]) -> None:
    # published Thursday 3 March 2022: "on Wednesday" is the day before
    killed = _figure(frontier, "At least 12 civilians")
    assert (killed["date"], killed["date_from"]) == ("2022-03-02", "text")
    troops = _figure(frontier, "More than 40,000 troops")
    assert (troops["date"], troops["date_from"]) == ("2022-03-03", "published")
    # "since Sunday" opens a period: no day of the figure
    families = _figure(siege, "2,000-3,000 families")
    assert (families["date"], families["date_from"]) == ("2022-03-04", "published")


@pytest.mark.parametrize(("sentence", "published", "day"), [
    ("The ministry said 300 soldiers were killed on 12 June.", "2022-06-20", "2022-06-12"),
    ("Officials said on June 12 that 300 soldiers were killed.", "2022-06-20", "2022-06-12"),
    ("On 28 December, 40 civilians were wounded.", "2022-01-05", "2021-12-28"),
    ("Last Monday 40 civilians were wounded.", "2022-06-20", "2022-06-13"),
    ("On Monday 40 civilians were wounded.", "2022-06-20", "2022-06-20"),
    ("Yesterday 40 civilians were wounded.", "2022-06-20", "2022-06-19"),
    ("By Friday 40 civilians will have been evacuated.", "2022-06-20", None),
    ("Last week 40 civilians were wounded.", "2022-06-20", None),
    ("Russia's 24 February invasion has disrupted 40 shipments.", "2022-06-20", None),
    ("Thursday's fire injured 40 people.", "2022-06-20", "2022-06-16"),
    ("Wheat fell to $7.59, the lowest since Russia's 24 February invasion.", "2022-07-23",
     None),
    ("Wheat fell to $7.59, the lowest since Russia's invasion on 24 February.",
     "2022-07-23", None),
    ("Oil spiked to nearly $129 in March before easing back on Tuesday.", "2022-07-27",
     None),
])
def test_the_day_a_sentence_gives(sentence: str, published: str, day: str | None) -> None:
    from datetime import date

    from sitroom.figures.when import stated_date
    from sitroom.nlp.model import load_model
    doc = load_model()(sentence)
    first = next(t.i for t in doc if t.like_num and t.text not in ("12", "28"))
    found = stated_date(next(iter(doc.sents)), first, date.fromisoformat(published))
    assert (found.isoformat() if found else None) == day


BLOG = """Ruritania war live: shelling resumes

5 March 2022, 18:00

By Ada Testwriter

At least 12 civilians were killed in Dolynsk, the regional governor said.

Later, 300 refugees crossed into the neighbouring state.

Here is a summary of the day. At least 12 civilians were killed in Dolynsk, the regional \
governor said.
"""


def test_a_live_blog_recap_marks_the_figure_it_repeats() -> None:
    record = _analyse(BLOG)
    killed = [f for f in record["figures"] if f["text"] == "At least 12 civilians"]
    assert len(killed) == 2
    assert "repeats" not in killed[0] and killed[1]["repeats"] == killed[0]["id"]
    refugees = _figure(record, "300 refugees")
    assert "repeats" not in refugees
