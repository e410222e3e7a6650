"""What a number counts: the counted noun (the unit) and its measure series.

The counted noun is the head of the noun phrase right after the number
("150,000 Russian troops"), or after "of" ("thousands of civilians"); its
lemma (or lemma phrase: "battalion tactical group") maps to a measure in
``data/figures.toml``. For people ("civilians", "soldiers") the verb or
adjective beside them decides: "20 people were killed" counts ``killed``,
"1.5 million people fled" ``refugees``, "troops killed 20 civilians" counts the
civilians as killed but not the troops. Money is a currency symbol or noun.
A number with no counted noun the file knows counts nothing (None), except the
object of a counting verb ("killed at least 20").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sitroom.figures.lexicon import FigureLexicon, Phrase

MONEY = "money"
OTHER = "other"
#: Parts of speech that may stand in a counted noun phrase before its head.
_MODIFIERS = frozenset({"ADJ", "NOUN", "PROPN"})
_NOUNS = frozenset({"NOUN", "PROPN"})
#: Dependencies of a noun that modifies a noun to its right ("missile depots").
_NOUN_MODIFIERS = frozenset({"compound", "nmod", "amod", "conj"})
#: Determiners skipped after "of": "20 of the soldiers", "thousands of its citizens".
_OF_DETERMINERS = frozenset({"det", "poss", "predet"})
#: Words between a number and its noun: "100,000-strong", "150,000 more troops".
_BRIDGES = frozenset({"-", "strong", "more", "additional", "extra", "other", "new"})
#: The longest noun phrase read after a number; longer runs are lists, not a phrase.
MAX_RUN = 6
#: Dependencies of a noun whose verb counts it as an object, or as a subject.
_OBJECT_DEPS = frozenset({"dobj", "nsubjpass"})
_SUBJECT_DEPS = frozenset({"nsubj"})
_CLAUSE_MODIFIERS = frozenset({"acl", "relcl", "amod"})
_PREDICATES = frozenset({"acomp", "attr", "oprd", "xcomp"})
#: Roles of a bare number that a total stands in for: "rose to 450", "reached 2 million".
_TOTAL_DEPS = frozenset({"pobj", "dobj", "attr", "npadvmod"})


@dataclass(frozen=True, slots=True)
class Counted:
    """What a number counts.

    ``noun`` is the counted noun's token (None for "killed 20"); ``run`` the
    document indices ``[lo, hi)`` of its noun phrase as written (modifiers and
    noun), for the subject; ``verb`` the token that decided the measure.
    """

    unit: str | None
    measure: str
    noun: Any | None
    run: tuple[int, int]
    verb: Any | None = None


def counted(doc: Any, anchor: Any, end: int, currency: str | None, lex: FigureLexicon
            ) -> Counted | None:
    """What the number whose last token is ``anchor`` counts, or None.

    Args:
        doc: the paragraph's spaCy ``Doc``.
        anchor: the number's last token (its syntactic stand-in).
        end: the document index just past the number and its qualifier.
        currency: the unit a currency symbol before the number gave, or None.
        lex: the figures lexicon.
    """
    lo, hi = _noun_run(doc, end, anchor.sent.end)
    run = [doc[i] for i in range(lo, hi)]
    money = _money(run, lo, currency, lex)
    if money is not None:
        return Counted(unit=money[0], measure=MONEY, noun=money[1], run=money[2])
    noun = run[-1] if run and run[-1].pos_ in _NOUNS else None
    if noun is not None:
        found = _unit_measure(run, lex)
        if found is not None:
            measure, size = found
            unit = " ".join(t.lower_ for t in run[-size:])
            return _with_verb(Counted(unit=unit, measure=measure, noun=noun, run=(lo, hi)),
                              anchor, lex)
    return _predicate(doc, anchor, end, lex)


def _noun_run(doc: Any, start: int, limit: int) -> tuple[int, int]:
    """Document indices of the noun phrase right after the number, up to its head noun."""
    i = start
    while i < limit and doc[i].lower_ in _BRIDGES and doc[i].pos_ != "NOUN":
        i += 1
    if i < limit and doc[i].lower_ == "of":
        i += 1
        while i < limit and doc[i].dep_ in _OF_DETERMINERS:
            i += 1
    lo = i
    while i < limit and i - lo < MAX_RUN and (doc[i].pos_ in _MODIFIERS or _is_participle(doc[i])):
        i += 1
        if doc[i - 1].pos_ in _NOUNS and doc[i - 1].dep_ != "compound":
            break  # the head noun ends the phrase
    while i > lo and doc[i - 1].pos_ not in _NOUNS:
        i -= 1  # "20 dead": no noun, nothing counted by a noun
    return lo, _phrase_head(doc, lo, i)


def _phrase_head(doc: Any, lo: int, hi: int) -> int:
    """Extend a run to the noun its last noun modifies: "missile and artillery depots"."""
    if hi == lo:
        return hi
    noun = doc[hi - 1]
    while (noun.dep_ in _NOUN_MODIFIERS and noun.head.i > noun.i and noun.head.pos_ in _NOUNS
           and noun.head.i - lo < MAX_RUN):
        noun = noun.head
    return int(noun.i) + 1


def _is_participle(token: Any) -> bool:
    """"armoured vehicles", "displaced people": a participle modifying the noun."""
    return bool(token.tag_ == "VBN" and token.dep_ == "amod")


def _money(run: Sequence[Any], lo: int, currency: str | None, lex: FigureLexicon
           ) -> tuple[str, Any | None, tuple[int, int]] | None:
    """(unit, currency noun, run of what the money is for) when the number is money."""
    for k, token in enumerate(run):
        unit = lex.currency_nouns.get(token.lemma_.lower())
        if unit is not None:
            rest = run[k + 1:]
            span = (rest[0].i, rest[-1].i + 1) if rest else (token.i + 1, token.i + 1)
            return unit, token, span
    if currency is None:
        return None
    span = (run[0].i, run[-1].i + 1) if run else (lo, lo)
    return currency, None, span


def _unit_measure(run: Sequence[Any], lex: FigureLexicon) -> tuple[str, int] | None:
    """(measure, words) of the longest lemma phrase ending the run: "battalion tactical group"."""
    lemmas = [t.lemma_.lower() for t in run]
    lowers = [t.lower_ for t in run]
    for size in range(len(run), 0, -1):
        for words in (lemmas, lowers):
            phrase: Phrase = tuple(words[-size:])
            if phrase in lex.unit_measures:
                return lex.unit_measures[phrase], size
    return None


#: Measures a noun can give the people its "of" names ("deaths of", "injuries of").
_OWNED_MEASURES = frozenset({"killed", "wounded", "casualties", "detained", "missing"})


def _with_verb(found: Counted, anchor: Any, lex: FigureLexicon) -> Counted:
    """People counted: the verb or adjective beside them decides the measure."""
    noun = found.noun
    if noun is None or (noun.lemma_.lower() not in lex.people and noun.lower_ not in lex.people):
        return found
    for modifier in noun.doc[found.run[0]:noun.i]:  # "20 wounded soldiers", "displaced people"
        hit = _as_adjective(modifier, lex)
        if hit is not None:
            return Counted(unit=found.unit, measure=hit[0], noun=noun, run=found.run, verb=None)
    for holder in (noun, anchor):
        decided = _decider(holder, lex)
        if decided is not None:
            measure, verb = decided
            return Counted(unit=found.unit, measure=measure, noun=noun, run=found.run, verb=verb)
    owner = _of_owner(noun, lex)
    if owner is not None:  # "the deaths of 24 more children"
        return Counted(unit=found.unit, measure=owner, noun=noun, run=found.run, verb=None)
    return found


def _of_owner(noun: Any, lex: FigureLexicon) -> str | None:
    """The measure of a noun whose "of" names the people counted: "the deaths of 24 children"
    counts killed, "the evacuation of 100 civilians" nothing more than people."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "of" or prep.head.pos_ != "NOUN":
        return None
    measure = lex.unit_measures.get((prep.head.lemma_.lower(),))
    return measure if measure in _OWNED_MEASURES else None


def _decider(token: Any, lex: FigureLexicon) -> tuple[str, Any] | None:
    """(measure, deciding token) from the clause around a counted token, or None."""
    for child in token.children:
        if child.dep_ in _CLAUSE_MODIFIERS and child.i > token.i:
            hit = _as_object(child, lex) or _as_adjective(child, lex) or (
                _as_subject(child, lex) if child.dep_ == "relcl" else None)
            if hit is not None:
                return hit  # "civilians killed", "people who died"
    while token.dep_ == "conj" and token.head is not token:
        token = token.head  # "20 civilians and 10 soldiers were killed"
    head = token.head
    if token.dep_ in _OBJECT_DEPS:
        return _as_object(head, lex)
    if token.dep_ in _SUBJECT_DEPS:
        hit = _as_subject(head, lex)
        if hit is not None:
            return hit
        for child in head.children:
            if child.dep_ in _PREDICATES:
                hit = _as_adjective(child, lex) or _as_object(child, lex)
                if hit is not None:
                    return hit
    return None


def _as_object(token: Any, lex: FigureLexicon) -> tuple[str, Any] | None:
    measure = lex.object_verbs.get(token.lemma_.lower())
    if measure is None or token.pos_ not in ("VERB", "ADJ", "AUX"):
        return None
    return measure, token


def _as_subject(token: Any, lex: FigureLexicon) -> tuple[str, Any] | None:
    measure = lex.subject_verbs.get(token.lemma_.lower())
    return (measure, token) if measure is not None else None


def _as_adjective(token: Any, lex: FigureLexicon) -> tuple[str, Any] | None:
    measure = lex.adjectives.get(token.lower_)
    return (measure, token) if measure is not None else None


def _predicate(doc: Any, anchor: Any, end: int, lex: FigureLexicon) -> Counted | None:
    """No counted noun: "20 dead", "30 wounded", or the object of "killed at least 20"."""
    if end < anchor.sent.end:
        word = doc[end]
        measure = lex.adjectives.get(word.lower_)
        if measure is not None:
            return Counted(unit=word.lower_, measure=measure, noun=None, run=(end, end + 1),
                           verb=word)
    decided = _decider(anchor, lex) if anchor.dep_ in _OBJECT_DEPS | _SUBJECT_DEPS else None
    if decided is None:
        return _total(anchor, end, lex)
    return Counted(unit=None, measure=decided[0], noun=None, run=(end, end), verb=decided[1])


def _total(anchor: Any, end: int, lex: FigureLexicon) -> Counted | None:
    """"the death toll rose to 450", "the number of refugees has reached 2 million"."""
    verb = anchor.head.head if anchor.dep_ == "pobj" else anchor.head
    if anchor.dep_ not in _TOTAL_DEPS or verb.pos_ not in ("VERB", "AUX"):
        return None
    subject = next((c for c in verb.children if c.dep_ in _SUBJECT_DEPS | _OBJECT_DEPS
                    and c.i < anchor.i), None)
    if subject is None:
        return None
    lo = min([c.i for c in subject.lefts if c.dep_ == "compound"] + [subject.i])
    measure = lex.totals.get(subject.lemma_.lower())
    if measure is not None:
        return Counted(unit=None, measure=measure, noun=subject, run=(lo, subject.i + 1))
    if subject.lemma_.lower() not in lex.count_nouns:
        return None
    counted_of = next((g for c in subject.children if c.lower_ == "of"
                       for g in c.children if g.dep_ == "pobj"), None)
    if counted_of is None:
        return None
    found = _unit_measure([counted_of], lex)
    if found is None:
        return None
    return Counted(unit=counted_of.lower_, measure=found[0], noun=counted_of,
                   run=(counted_of.i, counted_of.i + 1))
