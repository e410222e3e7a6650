"""Triggers that report no event: dropped so that a word of the lexicon is not a report.

A trigger names an event only where the text reports one happening, or said to
happen. Dropped before coding (``no_event``):

- names       a trigger inside a name or a date ("on 3 March", "Ceasefire's
              director", "the Organization for Security and Cooperation"), or a
              vague verb that names something ("called the reports fake");
- states      a noun of a lasting state ("the war in Ukraine"; ``[background]
              states`` in plover.toml);
- capacities  an action a noun or adjective of capacity governs ("the ability
              to fund his war", "capable of striking"; ``[background]
              capacities``);
- references  a definite or bare event noun that modifies another noun ("the
              start of the invasion", "the effect of sanctions") or sets the
              time ("since the invasion"), unless it is indefinite ("the toll
              from a missile strike") or its noun is an occurrence of the act
              ("a wave of sanctions", "reports of shelling", "hours of
              shelling");
- contents    an event noun another trigger already codes as what it says,
              asks or discusses ("blamed sanctions", "condemned the invasion",
              "discussed cooperation").

Dropped after coding (``not_reported``): a vague trigger (weight under 0.5 in
plover.toml) with neither actor nor target ("nine people were pulled out
alive") or describing a noun ("companies fleeing Russia"); an event that is only possible in a
description of a noun (status ``hypothetical`` in a relative clause or on a
noun: "munitions that could strike"; "Russia could attack" stays, hypothetical),
and an action that a demand, refusal, threat or promise above it codes ("called
on Russia to withdraw": the REQUEST, not a RETREAT; a denied one stays, denied).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sitroom.events.lexicon import Lexicon
from sitroom.events.main import BACKGROUND_PREPS
from sitroom.events.status import clause_chain
from sitroom.events.triggers import LIGHT_HEADS, Match

if TYPE_CHECKING:
    from sitroom.events.coder import Found

#: Entity labels of names and dates: a trigger word inside one names no event.
NAME_ENTITIES = frozenset({"DATE", "TIME", "ORG", "PERSON", "EVENT", "WORK_OF_ART", "LAW",
                           "FAC", "PRODUCT"})
#: Nouns whose "of" phrase is an occurrence of the act ("a wave of sanctions").
OCCURRENCES = LIGHT_HEADS | {"wave", "round", "series", "spate", "barrage", "string", "volley",
                             "salvo", "raft", "report", "sign", "evidence", "footage", "video",
                             "outbreak", "escalation", "resumption", "threat", "number"}
#: Types that code the noun they govern as what they say, ask or discuss.
CODING_TYPES = frozenset({"ACCUSE", "REQUEST", "REJECT", "SUPPORT", "CONSULT", "PROTEST",
                          "THREATEN", "AGREE"})
#: Types whose complement is asked for, refused, threatened or promised: not happening.
UNREALISED_BY = frozenset({"REQUEST", "REJECT", "THREATEN", "AGREE"})
#: Dependencies of a complement: what a verb says, asks for or is about.
COMPLEMENTS = frozenset({"xcomp", "ccomp", "dobj", "pobj", "prep", "pcomp", "acomp", "attr"})
#: Trigger weight under which a trigger is vague: without an actor or a target it is no event
#: ("pulled out alive", "hits the target", "arrived in the morning").
VAGUE = 0.5
#: Determiners of a new, indefinite occurrence.
_INDEFINITE = frozenset({"a", "an", "another"})


def no_event(match: Match, matches: dict[int, Match], lex: Lexicon) -> bool:
    """Whether a trigger reports no event (the module docstring's first list)."""
    if _named(match) or _naming(match) or _capacity(match.token, lex):
        return True
    if match.trigger.pos not in ("noun", "charge") or match.token.pos_ != "NOUN":
        return False
    return (match.token.lemma_.lower() in lex.states or _reference(match.token)
            or _content(match, matches))


def not_reported(found: Found, sentence: list[Found]) -> bool:
    """Whether a coded event is only possible, or only asked for, refused or promised."""
    if found.status == "hypothetical" and _described(found.match.token):
        return True
    if found.match.trigger.weight < VAGUE and (
            (found.actor is None and found.target is None) or _describes(found.match.token)):
        return True
    if found.status == "denied":
        return False  # "denied attacking": the status says what the text does with it
    triggers = {f.match.token.i: f for f in sentence}
    token = found.match.token
    for _ in range(6):
        if token.dep_ not in COMPLEMENTS or token.head.i == token.i:
            return False
        token = token.head
        above = triggers.get(token.i)
        if above is not None:
            return above.type in UNREALISED_BY and above.type != found.type
    return False


def _describes(token: Any) -> bool:
    """A participle or relative clause on a noun ("companies fleeing Russia")."""
    return token.dep_ == "relcl" or (token.dep_ == "acl" and token.tag_ in ("VBG", "VBN"))


def _described(token: Any) -> bool:
    """Whether the trigger sits in a clause that describes a noun ("munitions that could
    strike", "a plan to ...")."""
    return any(tok.dep_ in ("relcl", "acl") for tok in clause_chain(token))


def _named(match: Match) -> bool:
    """A trigger word inside a name or a date."""
    doc = match.token.doc
    return any(doc[i].ent_type_ in NAME_ENTITIES for i in range(match.lo, match.hi))


def _naming(match: Match) -> bool:
    """A vague verb that names what its object is ("called the reports fake", "what it
    called a special operation"): no call."""
    return match.trigger.pos == "verb" and match.trigger.weight < VAGUE \
        and any(c.dep_ == "oprd" for c in match.token.children)


def _capacity(token: Any, lex: Lexicon) -> bool:
    """An action governed by a noun or adjective of capacity ("ability to strike")."""
    for _ in range(3):
        if token.dep_ not in ("xcomp", "acl", "pcomp", "pobj", "prep", "advcl", "conj") \
                or token.head.i == token.i:
            return False
        token = token.head
        if token.lemma_.lower() in lex.capacities or token.lower_ in lex.capacities:
            return True
    return False


def _reference(noun: Any) -> bool:
    """A definite or bare event noun on another noun, or a definite one setting the time."""
    if noun.dep_ != "pobj" or _indefinite(noun):
        return False
    prep = noun.head
    definite = any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in ("the", "this", "that"))
                   for c in noun.children)
    if prep.lower_ in BACKGROUND_PREPS and definite:
        return True
    owner = prep.head
    return bool(owner.pos_ in ("NOUN", "PROPN") and owner.i != prep.i
                and owner.lemma_.lower() not in OCCURRENCES and not _indefinite(owner)
                and not owner.ent_type_)  # "10 days of war games" is an occurrence


def _indefinite(noun: Any) -> bool:
    return any((c.dep_ == "det" and c.lower_ in _INDEFINITE) or c.dep_ == "nummod"
               for c in noun.children)


def _content(match: Match, matches: dict[int, Match]) -> bool:
    """An event noun that another trigger codes as what it says, asks or discusses."""
    token = match.token
    up = token.head.head if token.dep_ == "pobj" else token.head
    if token.dep_ not in ("dobj", "pobj", "attr", "nsubjpass") or up.i == token.i:
        return False
    above = matches.get(up.i)
    return above is not None and above.type in CODING_TYPES and above.type != match.type
