"""Cues in one parsed paragraph: the words that tie a statement to its source.

A cue is a reporting verb (``reporting_verbs.toml``) whose dependency parse
gives it a source and content, or a source phrase (``cues.toml``: "according
to X", "in the view of X", "in X's view"), or a noun with a possessor and a clause
(``cues.toml`` [clausal_noun]: "X's view that ...", "X's plan to ..."). For each cue
this module finds:

- the source: the verb's subject (``nsubj``); for a passive, the agent; for a
  verb with no subject of its own, the subject it shares ("warned ... but also
  reminded", "issued a warning, saying ...") or the noun it modifies ("agencies
  ... claiming", "the official who said");
- the content: the clause it governs (``ccomp``), an infinitive for verbs that
  take one ("vowed to fight"), an object or prepositional phrase for verbs that
  take one ("accused leaders of ..."), or, when the parse hangs the verb under
  its content ("It is over, he said"), the clause it follows.

``sources.py`` finds the source and ``content.py`` the content; offsets are
token indices and paragraph-relative characters; quotes.py turns them into
article offsets and decides direct, indirect or mixed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sitroom.attribution.content import char_span, content_tokens
from sitroom.attribution.lexicon import Lexicon
from sitroom.attribution.marks import Segment
from sitroom.attribution.sources import noun_phrase, own_source, source_of, speaker_phrase

Token = Any  # spacy.tokens.Token: spaCy ships no type information


@dataclass(slots=True)
class Cue:
    """A cue, its source and its content within one paragraph.

    ``cue`` is a token range; ``speaker`` the token range of the source's noun
    phrase (None when the parse gives none, e.g. "it is believed"); ``content``
    the paragraph-relative character span of what was said (None when the cue
    takes its content from an adjacent quotation).
    """

    cue: tuple[int, int]
    verb: int
    speaker: tuple[int, int] | None
    speaker_head: int | None
    content: tuple[int, int] | None
    phrase: bool = False
    shared: bool = False
    """True when the source is another verb's subject ("issued a warning, saying ...")."""


def find_cues(doc: Any, segments: list[Segment], lex: Lexicon) -> list[Cue]:
    """Every cue of the paragraph ``doc`` outside its quoted passages, in order."""
    quoted = _quoted_tokens(doc, segments)
    cue_verbs = lex.cue_verbs
    phrase_starts = frozenset(phrase[0] for phrase in lex.source_phrases)
    cues: list[Cue] = []
    for tok in doc:
        if tok.i in quoted:
            continue
        if tok.pos_ == "VERB" and tok.lemma_.lower() in cue_verbs:
            cue = _verb_cue(tok, lex, quoted)
            if cue is not None:
                cues.append(cue)
        elif tok.lower_ in phrase_starts:
            cue = _phrase_cue(doc, tok, lex)
            if cue is not None:
                cues.append(cue)
        elif tok.pos_ == "NOUN":
            cue = _possessive_view_cue(tok) if tok.lower_ in lex.possessive_view else None
            if cue is None and tok.lemma_.lower() in lex.clausal_nouns:
                cue = _clausal_noun_cue(tok)
            if cue is not None:
                cues.append(cue)
    _cut_at_other_sources(doc, cues)
    return cues


def _cut_at_other_sources(doc: Any, cues: list[Cue]) -> None:
    """End a content where another cue's source begins, when that cue's verb comes after
    the content ("Russia claiming it was pulling troops away | and Vladimir Putin insisting")."""
    for cue in cues:
        if cue.content is None:
            continue
        start, end = cue.content
        for other in cues:
            if other is cue or other.speaker is None:
                continue
            first = doc[other.speaker[0]]
            if start < first.idx < end and doc[other.verb].idx >= end:
                cut = first.i
                while cut > 0 and (doc[cut - 1].is_punct or doc[cut - 1].dep_ == "cc") and \
                        doc[cut - 1].idx > start:
                    cut -= 1
                end = doc[cut - 1].idx + len(doc[cut - 1].text)
        cue.content = (start, end)


def _quoted_tokens(doc: Any, segments: list[Segment]) -> set[int]:
    """Indices of tokens inside quoted passages (their words are the quotation's own)."""
    quoted: set[int] = set()
    if not segments:
        return quoted
    for tok in doc:
        for seg in segments:
            if seg.inner_start <= tok.idx < seg.inner_end:
                quoted.add(tok.i)
                break
    return quoted


def _verb_cue(verb: Token, lex: Lexicon, quoted: set[int]) -> Cue | None:
    """The cue of a reporting verb, or None when it has no source or no content."""
    if verb.dep_ == "amod":
        return None  # "the said document"
    lemma = verb.lemma_.lower()
    speaker_head = source_of(verb, lex)
    if speaker_head is not None and speaker_head.i in quoted:
        speaker_head = None
    content = content_tokens(verb, lemma, lex)
    span = char_span(verb.doc, content) if content else None
    if speaker_head is None and span is None:
        return None
    return Cue(
        cue=(verb.i, verb.i + 1),
        verb=verb.i,
        speaker=speaker_phrase(speaker_head) if speaker_head is not None else None,
        speaker_head=speaker_head.i if speaker_head is not None else None,
        content=span,
        shared=speaker_head is not None and not own_source(verb, speaker_head),
    )


def _phrase_cue(doc: Any, tok: Token, lex: Lexicon) -> Cue | None:
    """A source phrase ("according to X"): X is the source, the rest of the sentence the content."""
    for words in lex.source_phrases:
        end = tok.i + len(words)
        if end > len(doc) or any(doc[tok.i + k].lower_ != w for k, w in enumerate(words)):
            continue
        last = doc[end - 1]
        source = next((c for c in last.children if c.dep_ == "pobj"), None)
        if source is None and end < len(doc) and doc[end].pos_ in ("PROPN", "NOUN", "DET"):
            source = doc[end]
            while source.head.i >= end and source.head.i != source.i and source.dep_ != "pobj":
                source = source.head
        if source is None:
            return None
        speaker = noun_phrase(source)
        cut = next((i for i in range(source.i + 1, speaker[1]) if doc[i].is_punct), None)
        if cut is not None:
            speaker = (speaker[0], cut)  # "according to the AP, 571 of ..." is not the source
        phrase_end = max(speaker[1], end)
        return Cue(cue=(tok.i, end), verb=tok.i, speaker=speaker, speaker_head=source.i,
                   content=_rest_of_sentence(doc, tok.i, phrase_end), phrase=True)
    return None


def _possessive_view_cue(noun: Token) -> Cue | None:
    """"in X's view, ...": the possessor is the source."""
    if noun.head.lower_ != "in" or noun.head.dep_ != "prep":
        return None
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is None:
        return None
    doc = noun.doc
    start = noun.head.i
    end = noun.i + 1
    return Cue(cue=(start, end), verb=noun.i, speaker=noun_phrase(owner), speaker_head=owner.i,
               content=_rest_of_sentence(doc, start, end), phrase=True)


def _clausal_noun_cue(noun: Token) -> Cue | None:
    """"X's view that ...", "X's plan to ...": the possessor is the source, the clause
    the noun governs (opened by "that" or "to") the content."""
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is None:
        return None
    clause = next((c for c in noun.children if c.dep_ == "acl" and c.i > noun.i and any(
        g.i < c.i and ((g.dep_ == "mark" and g.lower_ == "that") or (g.dep_ == "aux" and
                                                                      g.lower_ == "to"))
        for g in c.children)), None)
    if clause is None:
        return None
    content = char_span(noun.doc, list(clause.subtree))
    if content is None:
        return None
    return Cue(cue=(noun.i, noun.i + 1), verb=noun.i, speaker=noun_phrase(owner),
               speaker_head=owner.i, content=content, phrase=True)


def _rest_of_sentence(doc: Any, start: int, end: int) -> tuple[int, int] | None:
    """The longer side of the sentence around tokens ``start:end``, as a character span."""
    sent = doc[start].sent
    left = [t for t in sent if t.i < start]
    right = [t for t in sent if t.i >= end]
    words_left = sum(1 for t in left if not t.is_punct)
    words_right = sum(1 for t in right if not t.is_punct)
    return char_span(doc, left if words_left >= words_right else right)
