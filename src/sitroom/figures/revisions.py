"""Figures that update others in the same sentence.

"over 150,000 troops - an increase from the previously estimated 130,000":
a revision cue right before a number makes it the older figure, and the
nearest figure before it in the sentence the newer one, which ``revises`` it.
"rose from 130,000 to 150,000" (and "rose to 150,000 from 130,000"): with a
change verb in the sentence, the figure after "to" revises the one after
"from". Both must count the same measure; an older figure that counts
nothing by itself ("130,000") takes the newer one's unit and measure.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sitroom.figures.candidates import Candidate
from sitroom.figures.lexicon import FigureLexicon


def link_revisions(sentence: Sequence[Candidate], lex: FigureLexicon) -> None:
    """Set ``revises`` on the newer figures of one sentence's candidates (in order)."""
    if not sentence:
        return
    changes = any(t.lemma_.lower() in lex.change_verbs for t in sentence[0].sent)
    for k, older in enumerate(sentence):
        newer = None
        if older.older_cue:
            newer = _nearest(reversed(sentence[:k]), older)
        elif older.from_cue and changes:
            newer = _nearest((c for c in sentence if c.to_cue), older)
        if newer is not None:
            _link(newer, older)


def _nearest(candidates: Iterable[Candidate], older: Candidate) -> Candidate | None:
    """The first candidate that counts the same measure as ``older`` and revises nothing yet."""
    for candidate in candidates:
        if (candidate is not older and candidate.counted is not None and candidate.revises is None
                and (older.counted is None or older.counted.measure
                     == candidate.counted.measure)):
            return candidate
    return None


def _link(newer: Candidate, older: Candidate) -> None:
    newer.revises = older
    if older.counted is None:
        older.counted = newer.counted
