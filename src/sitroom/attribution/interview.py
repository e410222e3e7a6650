"""Question-and-answer interviews: every answer is the interviewee's statement.

A Q&A piece ("This interview has been edited and condensed for clarity. / Why did
you decide to make the trip? / One was to try to convey to the Europeans ...")
attributes nothing in its answers: the layout does. An article is read as one
when a note says the interview was edited or condensed and a question follows,
or when at least ``MIN_QUESTIONS`` short question paragraphs each come right
before an answer and most answers say "I" or "we".
Every paragraph after the first question that is not itself a question is then
one direct statement of the interviewee: the one person named before the first
question, else the one person the title names whom the gazetteer knows by
surname on the article's date. With no such person the article is left as the
other rules read it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

#: A note that the text is an edited interview.
EDITED = re.compile(r"\b(?:interview|conversation|exchange|transcript)s?\b[^.]{0,40}\b"
                    r"(?:edited|condensed)\b", re.IGNORECASE)
#: Questions needed to read an article as Q&A with no note that says so.
MIN_QUESTIONS = 3
#: The longest paragraph (words) read as an interviewer's question.
MAX_QUESTION_WORDS = 60
#: An interviewee's words for themselves, and quoted passages, where they are others'.
_FIRST_PERSON = re.compile(r"\b(?:I|[Ww]e|[Mm]y|[Oo]ur)\b")
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")
#: Closing quotation marks that may follow a question's "?".
_CLOSERS = "\"'”’"


@dataclass(frozen=True, slots=True)
class Layout:
    """Which paragraphs of a Q&A article are questions and which are answers."""

    intro: list[int]
    """Paragraphs before the first question (the note, the writer's introduction)."""
    answers: list[int]


def qa_layout(texts: list[str]) -> Layout | None:
    """The Q&A layout of an article's paragraphs (in order), or None for other articles.

    Without a note that the interview was edited, most answers must speak in the
    first person outside quotation marks: an explainer's subheads ("What has Macron
    said?") are answered in the writer's third person.
    """
    questions = [i for i, text in enumerate(texts) if _question(text)]
    if not questions:
        return None
    first = questions[0]
    asked = set(questions)
    answers = [i for i in range(first + 1, len(texts)) if i not in asked and texts[i].strip()]
    if not answers:
        return None
    noted = any(EDITED.search(texts[i]) for i in range(first))
    answered = [q for q in questions if q + 1 < len(texts) and not _question(texts[q + 1])]
    if not noted and (len(answered) < MIN_QUESTIONS or 2 * sum(
            bool(_FIRST_PERSON.search(_QUOTED.sub(" ", texts[i]))) for i in answers
    ) < len(answers)):
        return None
    return Layout(intro=list(range(first)), answers=answers)


def _question(text: str) -> bool:
    """True for a paragraph that is a short question of the interviewer's."""
    stripped = text.strip().rstrip(_CLOSERS)
    return bool(stripped.endswith("?") and len(stripped.split()) <= MAX_QUESTION_WORDS
                and stripped[:1] not in "\"“‘'")


def first_person_token(doc: Any) -> Any | None:
    """The first "I", "we", "my" or "our" of an answer: the interviewee's own word for
    themselves, which stands as the answer's speaker mention."""
    return next((t for t in doc if t.lower_ in ("i", "we", "my", "our") and t.pos_ == "PRON"),
                None)
