"""Cues in one parsed paragraph: the words that tie a statement to its source.

A cue is a reporting verb (``reporting_verbs.toml``) whose dependency parse
gives it a source and content, any other verb with a "that" clause ("signalled
that ..."), or a source phrase (``cues.toml``: "according to X", "in the view of
X", "in X's view", "in a new poll"), an adjective of belief after "be" ("X is
confident that ..."), or a noun with a possessor and a clause ([clausal_noun]:
"X's view that ...", "X's plan to ..."). A statement may have no named source:
"X is expected to ...", "X seemed unperturbed" (``Cue.unsourced``). For each cue
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

from sitroom.attribution.content import FINITE, char_span, content_tokens, result_infinitive
from sitroom.attribution.lexicon import Lexicon, verb_lemma
from sitroom.attribution.marks import Segment
from sitroom.attribution.sources import (
    RELATIVE,
    has_subject,
    noun_phrase,
    own_source,
    owner_of,
    source_of,
    speaker_phrase,
    subject_of,
)

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
    relative: int | None = None
    """The relative pronoun that is the verb's subject ("Graham, who said ..."): the words
    that name the source in its clause; ``speaker`` is its antecedent, which resolves."""
    unsourced: bool = False
    """True for a statement that names no source ("X is expected to ...", "X seems ..."):
    its quote has no speaker."""
    relay: bool = False
    """True for a source phrase that passes a report on ("according to X, ...")."""


def find_cues(doc: Any, segments: list[Segment], lex: Lexicon) -> list[Cue]:
    """Every cue of the paragraph ``doc`` outside its quoted passages, in order."""
    quoted = _quoted_tokens(doc, segments)
    cue_verbs = lex.cue_verbs
    phrase_starts = frozenset(phrase[0] for phrase in lex.source_phrases)
    cues: list[Cue] = []
    for tok in doc:
        if tok.i in quoted:
            continue
        if tok.pos_ == "VERB" and (verb_lemma(tok, cue_verbs) in cue_verbs
                                   or _that_clause(tok, lex)):
            cue = _verb_cue(tok, lex, quoted)
            if cue is not None:
                cues.append(cue)
        elif tok.lower_ in phrase_starts:
            cue = _phrase_cue(doc, tok, lex)
            if cue is None and tok.lower_ == "in":
                cue = _evidence_cue(tok, lex)
            if cue is not None:
                cues.append(cue)
        elif tok.pos_ == "ADJ" and tok.lemma_.lower() in lex.stance_adjectives:
            cue = _adjective_cue(tok, lex)
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


def _that_clause(verb: Token, lex: Lexicon) -> bool:
    """True for a verb the lexicons miss that reports a finite clause opened by "that"
    ("signalled that ...", "posited that ...", "calculated that ..."): such a clause goes
    with verbs of saying, thinking and finding out, a class too open to list in full.
    Verbs that make a clause true rather than report it ("ensure that") are excluded
    ([clause_not_reported] in reporting_verbs.toml)."""
    if verb.lemma_.lower() in lex.clause_not_reported:
        return False
    return any(c.dep_ == "ccomp" and c.i > verb.i and any(
        g.dep_ == "mark" and g.lower_ == "that" for g in c.children) for c in verb.children)


def _cut_at_other_sources(doc: Any, cues: list[Cue]) -> None:
    """End a content where another cue's source begins, when that cue's verb comes after
    the content ("Russia claiming it was pulling troops away | and Vladimir Putin insisting",
    "denied the country was in default, | with Putin's spokesperson ... calling")."""
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
                while cut > 0 and (doc[cut - 1].is_punct or doc[cut - 1].dep_ == "cc" or (
                        doc[cut - 1].lower_ == "with")) and doc[cut - 1].idx > start:
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
    if verb.lemma_.lower() == "ask" and verb.tag_ == "VBN":
        return None  # "Asked whether ..., Peskov said", "he was asked if": the question is
        # the asker's, and the one asked has said nothing yet
    if any(c.dep_ == "neg" for c in verb.children) and any(
            c.lower_ == "immediately" for c in verb.children):
        return None  # "did not immediately confirm responsibility": nothing was said
    lemma = verb_lemma(verb, lex.cue_verbs)
    if result_infinitive(verb, lemma, lex):
        return None  # "returned home to find a rocket had hit": what happened, not a finding
    if _attempted_act(verb, lex):
        return None  # "Russia is attempting to repeat the Holodomor": a deed, not words
    if lemma in lex.raising:
        if any(c.dep_ == "xcomp" and verb_lemma(c, lex.cue_verbs) in lex.cue_verbs
               for c in verb.children):
            return None  # "X appeared to blame Y": "blame" is X's statement
        return _unsourced_cue(verb)
    if lemma in lex.passive_unsourced and _agentless_passive(verb) and not _reports_under(
            verb, lex):
        return _unsourced_cue(verb)
    tail = _closing_attribution(verb, lemma, lex, quoted)
    if tail is not None:  # "Russia was sending troops ..., the governor said on Sunday."
        speaker_head, content = tail
    else:
        speaker_head = source_of(verb, lex)
        if speaker_head is not None and speaker_head.i in quoted:
            speaker_head = _quoting_source(verb, lex, quoted)
        if speaker_head is not None:
            speaker_head = _past_the_object(speaker_head, verb, lex)
        content = content_tokens(verb, lemma, lex)
    span = char_span(verb.doc, content) if content else None
    if speaker_head is None and span is None:
        return None
    return Cue(
        cue=(verb.i, verb.i + 1),
        verb=verb.i,
        speaker=speaker_phrase(speaker_head, verb.i) if speaker_head is not None else None,
        speaker_head=speaker_head.i if speaker_head is not None else None,
        content=span,
        shared=speaker_head is not None and not own_source(verb, speaker_head),
        relative=_relative_subject(verb, speaker_head),
    )


def _closing_attribution(verb: Token, lemma: str, lex: Lexicon, quoted: set[int]
                         ) -> tuple[Token, list[Token]] | None:
    """Source and content of an attribution that closes its sentence after a comma, read
    from the words where the parse went wrong: "Russia was sending troops ..., the
    governor of Ukraine's Luhansk region said on Sunday." (with "said" parsed as a
    conjunct), "..., Russia's state news agency TASS reported." (a relative clause).

    Taken when a verb of saying that is not the sentence's root (or a root that the
    parse left with no subject: "Mass kidnappings have been occurring in Melitopol, the
    mayor of the city said", the mayor read as an apposition) comes after the
    sentence's last comma, only a noun phrase stands between the comma and the verb
    (no "and"), no verb or object follows it (only "on Sunday", "in a statement"),
    and the words before the comma hold a finite verb. A verb in a relative clause on
    a noun of that phrase counts only when the noun can name a source: "..., a claim
    Moscow denies" is no statement of Moscow's.
    """
    if lemma not in lex.speech or verb.i in quoted or (verb.dep_ == "ROOT" and has_subject(
            verb)):
        return None  # a root with its subject is read from the parse
    doc, sent = verb.doc, verb.sent
    commas = [t.i for t in doc[sent.start:verb.i] if t.text == ","]
    if not commas:
        return None
    comma = commas[-1]
    phrase = [t for t in doc[comma + 1:verb.i] if not (t.dep_ == "aux" and t.head.i == verb.i)]
    if not phrase or any(t.pos_ in ("VERB", "AUX", "CCONJ") or t.i in quoted
                         for t in phrase) or not any(t.pos_ in ("NOUN", "PROPN") for t in phrase):
        return None  # not "..., and the ministry said nothing"
    if any(t.pos_ in ("VERB", "AUX") or t.text == "," or (t.head.i == verb.i and t.dep_ in (
            "dobj", "ccomp", "xcomp", "attr", "dative")) for t in doc[verb.i + 1:sent.end]):
        return None
    content = [t for t in doc[sent.start:comma] if not t.is_space]
    if not any(t.tag_ in FINITE for t in content):
        return None
    words = {t.i for t in phrase}
    if verb.dep_ in ("relcl", "acl") and verb.head.i in words and not _names_a_source(
            verb.head, lex):
        return None  # "..., a claim Moscow denies", "..., a war the UN has condemned"
    heads = [t for t in phrase if t.head.i not in words]
    return heads[-1], content


def _past_the_object(subject: Token, verb: Token, lex: Lexicon) -> Token:
    """The source when the parse gives the verb two subjects in a row, the first a claim
    that is in fact the object of a relative clause: "..., an accusation | Kyiv denied"
    is Kyiv's denial. Any other subject is kept."""
    if _names_a_source(subject, lex):
        return subject
    after = next((c for c in verb.children if c.dep_ == "nsubj" and c.i > subject.i), None)
    if after is None or after.left_edge.i != subject.i + 1 or not _names_a_source(after, lex):
        return subject
    return after


def _names_a_source(noun: Token, lex: Lexicon) -> bool:
    """True for a noun that can name who speaks: a name, a person, a role or a body
    ("Russia's state news agency TASS reported"), not a claim or a deed."""
    lemma = noun.lemma_.lower()
    return noun.pos_ == "PROPN" or lemma in lex.people or lemma in lex.roles or (
        lemma in lex.generic_nouns)


def _attempted_act(verb: Token, lex: Lexicon) -> bool:
    """True for an infinitive with only an object under a verb of trying ("attempting to
    repeat the Holodomor", "tried to echo the old tactics"): a deed tried, not a
    statement. "tried to claim that ..." keeps its clause."""
    return verb.dep_ == "xcomp" and verb.tag_ == "VB" and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) and (
        verb.head.lemma_.lower() in lex.attempt) and not any(
        c.dep_ in ("ccomp", "xcomp") or (c.dep_ == "prep" and c.lower_ == "as")
        for c in verb.children)  # "tried to portray the war as ..." stays a statement


def _quoting_source(verb: Token, lex: Lexicon, quoted: set[int]) -> Token | None:
    """The source of a participle hung on a quotation's verb ("X said: “We need arms,”
    adding that ..."): the source of the cue verb above the quotation, or None."""
    if verb.tag_ != "VBG" or verb.dep_ != "advcl" or verb.head.i not in quoted:
        return None
    above = verb.head
    while above.i in quoted and above.head.i != above.i:
        above = above.head
    if above.i in quoted or verb_lemma(above, lex.cue_verbs) not in lex.cue_verbs:
        return None
    source = source_of(above, lex)
    return source if source is not None and source.i not in quoted else None


def _relative_subject(verb: Token, source: Token | None) -> int | None:
    """The relative pronoun through which a relative clause's verb reaches its source
    ("the senator, who said ..."), or None."""
    if source is None or verb.dep_ != "relcl" or verb.head.i != source.i:
        return None
    return next((c.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")
                 and c.lower_ in RELATIVE), None)


#: What an unsourced cue presents of its subject: an infinitive or clause ("is expected to
#: win", "seems to be"), an adjective or noun ("seemed unperturbed", "appears a winner").
_PRESENTED = frozenset({"xcomp", "ccomp", "acomp", "oprd", "attr"})


def _agentless_passive(verb: Token) -> bool:
    """True for a passive with no "by" agent: "is expected", "was widely seen"."""
    passive = any(c.dep_ in ("nsubjpass", "csubjpass", "auxpass") for c in verb.children)
    return passive and not any(c.dep_ == "agent" for c in verb.children)


def _reports_under(verb: Token, lex: Lexicon) -> bool:
    """True when a reporting verb hangs under the passive ("X is said to have warned"):
    that verb's cue names X as its source ([passive_speech])."""
    return verb.lemma_.lower() in lex.passive_speech and any(
        c.dep_ == "xcomp" and c.lemma_.lower() in lex.speech for c in verb.children)


def _unsourced_cue(verb: Token) -> Cue | None:
    """A statement with no named source: the subject and what the verb presents of it
    ("The birth is expected to coincide with ...", "Trump's supporters seemed
    unperturbed", "X is seen as a threat"), or None when the verb presents nothing
    ("appeared on television", "as expected").

    An impersonal passive ("It is believed that ...", "it seems that ...") is the
    outlet's own hedged voice, not a statement: the claims stage reads it as narration
    with a hedge (``hedges.toml``), so it gives no cue here."""
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    presented = [c for c in verb.children if c.i > verb.i and (
        c.dep_ in _PRESENTED or (c.dep_ == "prep" and c.lower_ == "as"))]
    if subject is None or not presented or subject.lower_ == "it" or subject.tag_ == "EX":
        return None
    tokens = [t for part in presented for t in part.subtree]
    tokens.extend(subject.subtree)
    content = char_span(verb.doc, tokens)
    if content is None:
        return None
    return Cue(cue=(verb.i, verb.i + 1), verb=verb.i, speaker=None, speaker_head=None,
               content=content, unsourced=True)


def _adjective_cue(adjective: Token, lex: Lexicon) -> Cue | None:
    """"Party leaders are confident that ...", "voters are skeptical of the deal": an
    adjective of belief or feeling ([stance_adjective]) after "be" is a cue; the subject of
    "be" is the source, the adjective's clause, infinitive or "of"/"about" phrase the
    content."""
    verb = adjective.head
    if adjective.dep_ != "acomp" or verb.lemma_.lower() != "be":
        return None
    source = subject_of(verb)
    if source is None or source.lower_ in RELATIVE:
        return None
    heads: list[Token] = []
    for child in adjective.children:
        if child.i < adjective.i:
            continue
        if child.dep_ in ("ccomp", "xcomp"):
            heads.append(child)
        elif child.dep_ == "prep" and child.lower_ in ("of", "about"):
            heads.extend(g for g in child.children if g.dep_ in ("pobj", "pcomp"))
    content = char_span(adjective.doc, [t for head in heads for t in head.subtree])
    if content is None:
        return None
    return Cue(cue=(adjective.i, adjective.i + 1), verb=adjective.i,
               speaker=speaker_phrase(source), speaker_head=source.i, content=content,
               phrase=True)


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
        cut = next((i for i in range(source.i + 1, speaker[1]) if doc[i].is_punct and not (
            not doc[i - 1].whitespace_ and not doc[i].whitespace_)), None)  # "Ukraine-run"
        if cut is not None:
            speaker = (speaker[0], cut)  # "according to the AP, 571 of ..." is not the source
        speaker = (speaker[0], _named_after(source, speaker[1]))
        # the source's own modifiers ("a new report | by 30 legal scholars") are no content
        phrase_end = max(speaker[1], end, cut if cut is not None else source.right_edge.i + 1)
        return Cue(cue=(tok.i, end), verb=tok.i, speaker=speaker, speaker_head=source.i,
                   content=_rest_of_sentence(doc, tok.i, phrase_end), phrase=True, relay=True)
    return None


def _named_after(source: Token, end: int) -> int:
    """The end of a source phrase with the name set off after it: "according to one patrol
    officer on duty, | Ihor Yunusov, | this makes ..." (a person's name between commas)."""
    doc = source.doc
    words = {t.i for t in source.subtree}
    comma = end
    while comma < len(doc) and comma in words and not doc[comma].is_punct:
        comma += 1  # "on duty"
    if comma + 2 >= len(doc) or doc[comma].text != ",":
        return end
    k = comma + 1
    while k < len(doc) and doc[k].pos_ == "PROPN" and doc[k].ent_type_ == "PERSON":
        k += 1
    if k - (comma + 1) >= 2 and k < len(doc) and doc[k].text == ",":
        return k
    return end


def _evidence_cue(prep: Token, lex: Lexicon) -> Cue | None:
    """"In a new poll, 50 percent chose Clinton": a poll, survey or report ([evidence_noun])
    put before the clause it is "in" is its source; the rest of the sentence is the
    content. Not after the verb ("mired in single digits in the polls" is the outlet's
    summary), nor when the phrase belongs to a verb of saying or thinking ("said in a
    statement": that verb's cue has the source)."""
    if prep.dep_ != "prep" or prep.i > prep.head.i:
        return None  # "mired in single digits in the polls" reports no poll's finding
    source = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if source is None or source.lemma_.lower() not in lex.evidence_nouns:
        return None
    head = verb_lemma(prep.head, lex.cue_verbs)
    if head in lex.speech or head in lex.thought:
        return None
    doc = prep.doc
    speaker = noun_phrase(source)
    end = max(speaker[1], prep.i + 1)
    content = _rest_of_sentence(doc, prep.i, end)
    if content is None:
        return None
    return Cue(cue=(prep.i, prep.i + 1), verb=prep.i, speaker=speaker, speaker_head=source.i,
               content=content, phrase=True)


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
    """"X's view that ...", "X's plan to ...", "the announcement by X that ...": the
    possessor or the "by" agent is the source, the clause the noun governs (opened by
    "that" or "to") the content. A time is no possessor ("this week's announcement")."""
    owner = owner_of(noun)
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


#: Words after a source phrase set off inside its clause for both sides to be its content
#: ("most Americans, according to the report, still believe ...").
MIN_SIDE_WORDS = 3


def _rest_of_sentence(doc: Any, start: int, end: int) -> tuple[int, int] | None:
    """The sentence around tokens ``start:end`` as a character span: the longer side, or
    both when the phrase is set off inside a clause ("most Americans, according to the
    report, still believe ..."). An opening participle before the clause ("Entering the
    final contests, Clinton leads ..., according to ...") is no part of it."""
    sent = doc[start].sent
    left = [t for t in sent if t.i < start]
    right = [t for t in sent if t.i >= end]
    words_left = sum(1 for t in left if not t.is_punct)
    words_right = sum(1 for t in right if not t.is_punct)
    if words_left and words_right >= MIN_SIDE_WORDS and start > sent.start and \
            end < sent.end and doc[start - 1].is_punct and doc[end].is_punct and any(
                c.dep_ in ("nsubj", "nsubjpass") and c.i < start for c in sent.root.children):
        return char_span(doc, _without_opener(sent, [*left, *right]))
    return char_span(doc, _without_opener(sent, left) if words_left >= words_right else right)


def _without_opener(sent: Any, tokens: list[Token]) -> list[Token]:
    """The tokens without a participial clause that opens the sentence before a comma."""
    opener = next((c for c in sent.root.children if c.dep_ == "advcl" and c.i < sent.root.i
                   and c.left_edge.i == sent.start and c.tag_ in ("VBG", "VBN")), None)
    if opener is None:
        return tokens
    cut = opener.right_edge.i
    return [t for t in tokens if t.i > cut]
