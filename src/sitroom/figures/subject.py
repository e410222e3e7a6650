"""A short readable phrase for what a figure counts, built from the parse.

"over 150,000 troops now line Ukraine's border" -> "troops on Ukraine's border";
"at least 20 people were killed in Mariupol" -> "people killed in Mariupol";
"$2.5bn in military aid" -> "dollars in military aid". The phrase is the
counted noun with its modifiers as written, the verb that decided the measure,
and one place: a place preposition of the noun or its verb, or the object of a
verb that places its subject ("line", "surround"). Dates are no place.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sitroom.figures.lexicon import FigureLexicon
from sitroom.figures.measure import MONEY, Counted

#: Entity labels of a preposition's object that make it a time, not a place: "in March".
_TIMES = frozenset({"DATE", "TIME"})
#: Entity labels of a preposition's object that name no place: "in Russian shelling".
_NOT_PLACES = _TIMES | {"NORP", "CARDINAL", "QUANTITY", "MONEY", "PERCENT"}
_NOUNS = frozenset({"NOUN", "PROPN"})
_VERBS = frozenset({"VERB", "AUX"})
#: Children of a clause verb that carry its place: "are trapped in", "are believed to be".
_PREDICATES = frozenset({"acomp", "xcomp", "oprd"})
#: Hyphens inside a place's modifiers: "a Russian-operated prison".
_HYPHENS = frozenset({"-", "–"})
#: Left dependents of a place noun kept in the phrase: "Ukraine's border", "the eastern city".
_PLACE_LEFT = frozenset({"det", "poss", "case", "amod", "compound", "nmod"})


def subject_of(doc: Any, found: Counted, lex: FigureLexicon) -> str | None:
    """The subject phrase of a figure, at most ``subject_max_words`` words, or None."""
    parts = [_written(doc, *found.run)]
    if found.unit and not parts[0] and (found.noun is None or found.measure == MONEY):
        parts = [found.unit]
    if found.verb is not None and found.verb.i >= found.run[1] and found.verb.pos_ != "AUX":
        parts.append(found.verb.lower_)
    parts.append(_place(found, lex) or _money_use(doc, found, lex) or "")
    words = " ".join(parts).split()
    return " ".join(words[:lex.subject_max_words]) or None


def _place(found: Counted, lex: FigureLexicon) -> str | None:
    """Where the counted things are: "on Ukraine's border", "in Mariupol"."""
    noun = found.noun
    after = found.run[1] - 1
    for holder in _holders(found):
        for child in holder.children:
            if child.dep_ == "prep" and child.i > after and child.lower_ in lex.place_prepositions:
                phrase = _object_phrase(child, lex)
                if phrase:
                    return f"{child.lower_} {phrase}"
    if noun is not None and noun.dep_ == "nsubj":
        preposition = lex.place_verbs.get(noun.head.lemma_.lower())
        obj = next((c for c in noun.head.children if c.dep_ == "dobj"), None)
        if preposition and obj is not None:
            return f"{preposition} {_noun_phrase(obj)}"
    return None


def _money_use(doc: Any, found: Counted, lex: FigureLexicon) -> str | None:
    """What a sum is for: "$2.5bn in military aid" -> "in military aid"."""
    end = found.run[1]
    if found.measure != MONEY or end >= len(doc) or doc[end].lower_ not in lex.money_prepositions:
        return None
    phrase = _object_phrase(doc[end], lex)
    return f"{doc[end].lower_} {phrase}" if phrase else None


def _holders(found: Counted) -> Iterator[Any]:
    """The counted noun, the verb that decided the measure, the noun's own verb and its
    predicate ("are trapped in the basements")."""
    clause = found.noun.head if found.noun is not None else None
    if clause is not None and clause.pos_ not in _VERBS:
        clause = None
    predicates = [c for c in clause.children if c.dep_ in _PREDICATES] if clause else []
    seen: set[int] = set()
    for token in (found.noun, found.verb, clause, *predicates):
        if token is not None and token.i not in seen:
            seen.add(token.i)
            yield token


def _object_phrase(preposition: Any, lex: FigureLexicon) -> str | None:
    """The object of a place preposition, or None when it is a time or no place."""
    obj = next((c for c in preposition.children if c.dep_ == "pobj"), None)
    if (obj is None or obj.pos_ not in _NOUNS or obj.ent_type_ in _NOT_PLACES
            or obj.lemma_.lower() in lex.not_places):
        return None
    return _noun_phrase(obj)


def _noun_phrase(noun: Any) -> str:
    """A noun with its left modifiers as written: "Ukraine's border", "the eastern city"."""
    lo = noun.left_edge.i
    for token in noun.doc[lo:noun.i]:
        if token.dep_ not in _PLACE_LEFT and token.text not in _HYPHENS:
            lo = token.i + 1
    return _written(noun.doc, lo, noun.i + 1)


def _written(doc: Any, lo: int, hi: int) -> str:
    """Tokens ``doc[lo:hi]`` with their spacing as written."""
    return "".join(t.text_with_ws for t in doc[lo:hi]).strip()
