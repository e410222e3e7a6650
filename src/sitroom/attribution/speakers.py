"""Whether the words a cue names as its source can be a speaker at all.

A speaker is a noun phrase that can say something: a person, a group of
people, an organisation, a state or place standing for its government, or a
document or medium that reports ("a new report said", "the video showed").
The last kind keeps its mention but resolves to no actor, so that "Data" never
enters the ledger as one. Fragments name no speaker: possessive stubs
("week's"), wh-words ("what it calls a"), bare "those" or "that", a bare
singular noun ("outlet"), a number, the reader ("your browser"), and things
that say nothing ("the dispute"). The noun lists are ``speakers.toml``.
"""

from __future__ import annotations

from typing import Any, Literal

from sitroom.attribution.lexicon import Lexicon

#: What a speaker mention is: an actor to resolve, a medium (no actor), or no speaker.
SpeakerKind = Literal["actor", "medium", "none"]

#: Tags of wh-words: a mention that starts with one is a clause, not a source.
_WH_TAGS = frozenset({"WDT", "WP", "WP$", "WRB"})
#: Dependency labels of the words that make a singular noun a full noun phrase.
_DETERMINING = frozenset({"det", "poss", "nummod", "amod", "compound", "nmod", "quantmod",
                          "predet", "prep", "appos", "relcl", "acl"})
#: Determiners of a bare definite description ("the organisation", "that outlet").
_DEFINITE = frozenset({"the", "that", "this"})


def speaker_kind(doc: Any, lo: int, hi: int, lex: Lexicon, *, relative: bool = False
                 ) -> SpeakerKind:
    """What tokens ``lo:hi`` of ``doc``, a cue's source, can be, read before resolution.

    ``relative`` is True when a relative pronoun ("those who said") stands for
    the phrase: its clause makes even "those" a source.
    """
    root = doc[lo:hi].root
    first = doc[lo]
    if first.lower_ in lex.reader_words or root.lower_ in lex.reader_words:
        return "none"  # "your browser", "you"
    if first.tag_ in _WH_TAGS and first.lower_ not in _DEFINITE:
        return "none"  # "what it calls a"
    if (root.tag_ == "CD" or root.like_num) and root.lower_ != "one" and not _of(root):
        return "none"  # "161"; not "one of the civilians"
    if root.lower_ in lex.fragments:
        clause = relative or _of(root) or any(c.dep_ in ("relcl", "acl") for c in root.children)
        return "actor" if clause else "none"  # "those who fled" speak; "those" does not
    if root.pos_ in ("NOUN", "PROPN") and _medium(root, lex) and (
            root.pos_ == "NOUN" or not any(t.pos_ == "PROPN" and t.i != root.i
                                           for t in doc[lo:hi])):
        return "medium"  # "the video showed"; "Data" read as a name at a sentence's start
    return "actor"


def described_kind(doc: Any, lo: int, hi: int, lex: Lexicon) -> SpeakerKind:
    """What a source that resolved to no named actor, only a description, can be:
    no speaker for a thing that says nothing ("the dispute", "Putin's war") or a bare
    singular noun ("outlet"); no actor for a bare definite description of an
    organisation the article does not tie to a named one ("the organisation")."""
    root = doc[lo:hi].root
    if root.pos_ != "NOUN" or _role(root, lex):
        return "actor"
    lemma, word = root.lemma_.lower(), root.lower_
    if lemma in lex.non_speakers or word in lex.non_speakers:
        return "none"
    if root.tag_ != "NN":
        return "actor"
    if root.text[:1].islower() and lemma not in lex.bare_nouns and word not in lex.bare_nouns \
            and not any(c.dep_ in _DETERMINING for c in root.children):
        return "none"  # "outlet", "organisation": a bare singular is a fragment
    if (lemma in lex.generic_nouns or word in lex.generic_nouns) and doc[lo].lower_ in _DEFINITE \
            and all(t.i == root.i or t.lower_ in _DEFINITE for t in doc[lo:hi]):
        return "medium"  # "the organisation said": a source, but no actor
    return "actor"


def _medium(tok: Any, lex: Lexicon) -> bool:
    return bool(tok.lemma_.lower() in lex.media or tok.lower_ in lex.media)


def _of(tok: Any) -> bool:
    """True for a word with an "of" phrase after it ("one of the civilians")."""
    return any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children)


def _role(tok: Any, lex: Lexicon) -> bool:
    return bool(tok.lemma_.lower() in lex.roles or tok.lower_ in lex.roles)
