"""The claims lexicon: ``data/claims.toml`` beside the hedges of ``data/hedges.toml``.

Loaded once per process and checked, so that a broken edit fails loudly with
the file and key named. Hedges come from attribution's lexicon (one list of
hedges for quotes and claims) plus the claim-only additions of claims.toml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from sitroom.attribution.lexicon import lexicon as attribution_lexicon
from sitroom.lexicons import DataFileError, load_toml, str_list, sub_table, table_list

FILE = "claims.toml"
#: A phrase as the matcher reads it: lower-case words, hyphens as words of their own.
Phrase = tuple[str, ...]
_WORD = re.compile(r"[^\s-]+|-")


@dataclass(frozen=True, slots=True)
class DirectionPair:
    """Two opposite directions of one crisis topic (de-escalation vs escalation)."""

    topic: str
    forward: str
    backward: str
    forward_phrases: tuple[Phrase, ...]
    backward_phrases: tuple[Phrase, ...]


@dataclass(frozen=True, slots=True)
class ClaimLexicon:
    """Everything the claims stage reads from data files."""

    max_gap: int
    hedge_phrases: tuple[Phrase, ...]
    hedge_words: frozenset[str]
    hedge_cue_verbs: frozenset[str]
    modals: frozenset[str]
    doubt: tuple[Phrase, ...]
    denial: tuple[Phrase, ...]
    denial_nouns: frozenset[str]
    belittling: tuple[Phrase, ...]
    """Words that dispute a claim a statement points back to ("a bogus pretext")."""
    responsibility: frozenset[str]
    """What an accused party denies ("denied responsibility")."""
    confirm: tuple[Phrase, ...]
    withheld: frozenset[str]
    """Words that hold a stance back ("declined to confirm", "neither ... nor")."""
    directions: tuple[DirectionPair, ...]
    synonyms: dict[str, str]
    """Word -> canonical topic key."""
    lemma_fixes: dict[str, str]
    generic: frozenset[str]
    hypothetical_marks: frozenset[str]
    claim_nouns: frozenset[str]
    pointer_nouns: frozenset[str]
    accusation_cues: frozenset[str]
    nonclaim_cues: frozenset[str]
    greetings: tuple[Phrase, ...]
    min_topic_words: int
    cue_verbs: frozenset[str]
    """Every reporting verb of attribution: never a topic word."""


def phrase(text: str) -> Phrase:
    """A phrase of the data file as the matcher reads it: "build-up" -> (build, -, up)."""
    return tuple(_WORD.findall(text.lower()))


@cache
def claim_lexicon() -> ClaimLexicon:
    """The claims lexicon, loaded once.

    Raises:
        DataFileError: claims.toml or hedges.toml is missing or has the wrong shape.
    """
    doc = load_toml(FILE)
    base = attribution_lexicon()
    hedges = sub_table(doc, "hedges", where=FILE)
    dispute = sub_table(doc, "dispute", where=FILE)
    scope = sub_table(doc, "scope", where=FILE)
    nonclaim = sub_table(doc, "nonclaim", where=FILE)
    return ClaimLexicon(
        max_gap=_count(sub_table(doc, "match", where=FILE), "max_gap", "[match]"),
        hedge_phrases=base.hedge_phrases + _phrases(hedges, "phrases", "[hedges]"),
        hedge_words=base.hedge_words | _words(hedges, "words", "[hedges]"),
        hedge_cue_verbs=_words(hedges, "cue_verbs", "[hedges]"),
        modals=_words(hedges, "modals", "[hedges]"),
        doubt=_phrases(dispute, "doubt", "[dispute]"),
        denial=_phrases(dispute, "denial", "[dispute]"),
        denial_nouns=_words(dispute, "denial_nouns", "[dispute]"),
        belittling=_phrases(dispute, "belittling", "[dispute]"),
        responsibility=_words(dispute, "responsibility", "[dispute]"),
        confirm=_phrases(sub_table(doc, "support", where=FILE), "confirm", "[support]"),
        withheld=_words(sub_table(doc, "support", where=FILE), "withheld", "[support]"),
        directions=tuple(_direction(t, i) for i, t in
                         enumerate(table_list(doc, "direction", where=FILE))),
        synonyms=_synonyms(sub_table(doc, "synonyms", where=FILE)),
        lemma_fixes=_strings(sub_table(doc, "lemma_fixes", where=FILE), "[lemma_fixes]"),
        generic=_words(sub_table(doc, "topic", where=FILE), "generic", "[topic]"),
        hypothetical_marks=_words(scope, "hypothetical_marks", "[scope]"),
        claim_nouns=_words(scope, "claim_nouns", "[scope]"),
        pointer_nouns=_words(scope, "pointer_nouns", "[scope]"),
        accusation_cues=_words(scope, "accusation_cues", "[scope]"),
        nonclaim_cues=_words(nonclaim, "cue_verbs", "[nonclaim]"),
        greetings=_phrases(nonclaim, "greetings", "[nonclaim]"),
        min_topic_words=_count(nonclaim, "min_topic_words", "[nonclaim]"),
        cue_verbs=base.cue_verbs,
    )


def _words(table: dict[str, Any], key: str, where: str) -> frozenset[str]:
    return frozenset(w.lower() for w in str_list(table, key, where=f"{FILE} {where}"))


def _phrases(table: dict[str, Any], key: str, where: str) -> tuple[Phrase, ...]:
    return tuple(phrase(p) for p in str_list(table, key, where=f"{FILE} {where}"))


def _direction(table: dict[str, Any], index: int) -> DirectionPair:
    where = f"[[direction]] {index}"
    return DirectionPair(
        topic=_str(table, "topic", where), forward=_str(table, "forward", where),
        backward=_str(table, "backward", where),
        forward_phrases=_phrases(table, "forward_phrases", where),
        backward_phrases=_phrases(table, "backward_phrases", where))


def _synonyms(table: dict[str, Any]) -> dict[str, str]:
    """Word -> canonical key, from ``canonical = [words]``."""
    out: dict[str, str] = {}
    for canonical in table:
        for word in str_list(table, canonical, where=f"{FILE} [synonyms]"):
            out[word.lower()] = canonical.lower()
    return out


def _strings(table: dict[str, Any], where: str) -> dict[str, str]:
    return {k.lower(): _str(table, k, where).lower() for k in table}


def _str(table: dict[str, Any], key: str, where: str) -> str:
    value = table.get(key)
    if not isinstance(value, str) or not value:
        raise DataFileError(f"{FILE} {where}: {key!r} must be a non-empty string")
    return value


def _count(table: dict[str, Any], key: str, where: str) -> int:
    value = table.get(key)
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise DataFileError(f"{FILE} {where}: {key!r} must be a whole number >= 0")
    return value
