"""Q&A interviews: each answer is one direct statement of the interviewee."""

from __future__ import annotations

from typing import Any

from sitroom.attribution import attribute
from sitroom.attribution.interview import qa_layout
from sitroom.models import Article

NOTED = """This interview has been edited and condensed for clarity.

Why did you go to Stockholm last weekend?

We wanted to show that the party backs Nato. I think the trip helped.

Did you lobby your colleagues?

I certainly talked to them for two weeks. I said this was a pittance.
"""

INTRODUCED = """The historian Marta Lindqvist has spent a decade studying the region's \
monuments. We spoke after her return from Kharkiv.

What did you find there?

I found libraries that had been shelled and archives moved to basements.

Why do monuments matter in this war?

Because we read ourselves in them, and the invader knows it.

What comes next?

We are cataloguing what is left, street by street.
"""

EXPLAINER = """The president spoke on Monday about the grain deal.

What has the president said?

He told reporters the deal would hold, and that ships would sail within days.

What happens next?

Officials said inspections would start in Istanbul on Wednesday.

Why does it matter?

Millions of tonnes of grain are stuck in Ukrainian ports, according to the UN.
"""


def run(text: str, title: str | None = None) -> list[dict[str, Any]]:
    return attribute(Article(text=text, title=title, published="2022-05-20")).quotes


def test_answers_of_a_noted_interview_are_the_titles_known_person() -> None:
    quotes = run(NOTED, title="On Nato, McConnell Tries to Show This Isn't Trump's Party")
    assert [q["text"][:20] for q in quotes] == ["We wanted to show th", "I certainly talked t"]
    assert {q["speaker"]["name"] for q in quotes} == {"Mitch McConnell"}
    assert {q["speaker"]["resolved_by"] for q in quotes} == {"interview"}
    assert quotes[0]["speaker"]["mention"] == "We" and quotes[0]["type"] == "direct"


def test_answers_of_an_interview_are_the_person_it_introduces() -> None:
    quotes = run(INTRODUCED)
    assert len(quotes) == 3
    assert {q["speaker"]["name"] for q in quotes} == {"Marta Lindqvist"}


def test_an_explainer_with_question_subheads_is_no_interview() -> None:
    assert qa_layout([p for p in EXPLAINER.split("\n\n") if p.strip()]) is None
    quotes = run(EXPLAINER)
    assert all(q["speaker"]["resolved_by"] != "interview" for q in quotes if q["speaker"])
    assert any(q["text"].startswith("the deal would hold") for q in quotes)


def test_no_interviewee_leaves_the_article_as_read() -> None:
    quotes = run(NOTED, title="A senator's trip to Stockholm")
    assert all(q["speaker"] is None or q["speaker"]["resolved_by"] != "interview"
               for q in quotes)
