"""Trigger matching: which tokens of a parsed sentence name a PLOVER event.

Verbs and adjectives match on their lemma, with the further words of an
entry ("pull back", "impose sanction") among the words the verb governs.
Nouns match as a run of words ending at the head noun ("hunger strike",
"build-up"). When one token matches several entries the most specific wins,
then the heaviest; an ``except`` entry of the winning type that is at least as
specific vetoes it ("warn of" a danger is no threat).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sitroom.events.lexicon import Lexicon, Trigger

#: Parts of speech a verb (or adjective) entry may start on.
_VERB_POS = frozenset({"VERB"})
_ADJ_POS = frozenset({"ADJ", "VERB"})
#: Parts of speech a one-word noun entry may end on.
_NOUN_POS = frozenset({"NOUN", "PROPN"})
#: Dependents that never complete a trigger phrase.
_SKIP_DEPS = frozenset({"punct", "cc", "nsubj", "mark", "advcl", "ccomp", "conj", "parataxis"})
#: Entity labels of dates and times.
_TIME_ENTITIES = frozenset({"DATE", "TIME"})
#: Verbs of saying: a noun trigger as their subject is the speaker ("the opposition said").
SPEAKING = frozenset({"say", "tell", "announce", "state", "add", "report", "declare", "claim",
                      "insist", "warn", "promise", "argue", "note", "write", "stress"})
#: Nouns that name an undertaking, not the act: a trigger compounded on them is the act
#: ("a mediation effort", "an aid package", "a withdrawal plan").
LIGHT_HEADS = frozenset({"effort", "plan", "programme", "program", "package", "operation",
                         "campaign", "mission", "process", "initiative", "bid", "drive",
                         "attempt", "move", "scheme", "convoy", "shipment", "flight",
                         "proposal", "offer", "order", "measure", "action"})


@dataclass(frozen=True, slots=True)
class Match:
    """A trigger found in a sentence: the entry and the token that heads it."""

    trigger: Trigger
    #: the spaCy token the event hangs on (the verb, adjective or head noun)
    token: Any
    #: doc indexes ``[lo, hi)`` of the trigger's own words in the text
    lo: int
    hi: int

    @property
    def type(self) -> str:
        return self.trigger.type


def find_triggers(sent: Any, lex: Lexicon) -> list[Match]:
    """The triggers of one spaCy sentence, at most one per token, in text order."""
    found: dict[int, Match] = {}
    heads, nouns = lex.heads, lex.nouns
    for token in sent:
        if token.dep_ == "amod" and token.pos_ == "VERB":
            continue  # "threatening positions", "the deployed troops": a description, no event
        lemma = token.lemma_.lower()
        if lemma not in heads and not any(form in nouns for form in _forms(token)):
            continue  # no entry ends or heads here: most tokens
        match = best_match(token, lex)
        if match is not None and match.token.i not in found:
            found[match.token.i] = match
    covered = {i for m in found.values() if m.hi - m.lo > 1 for i in range(m.lo, m.hi)}
    return [m for m in found.values() if not _restates(m, found) and not _speaker(m, found)
            and not _told_by_its_subject(m, found)
            and not (m.hi - m.lo == 1 and m.token.i in covered)]  # "war" in "war games"


def _told_by_its_subject(match: Match, found: dict[int, Match]) -> bool:
    """Whether a vague verb trigger only tells what its subject, a weightier noun trigger of
    the same type, did: in "the strike hit the port" the strike is the event, "hit" adds
    nothing ("protesters demonstrated" keeps its verb: the verb says more)."""
    if match.trigger.pos != "verb":
        return False
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.i in found and found[c.i].type ==
               match.type and found[c.i].trigger.pos == "noun"
               and found[c.i].trigger.weight > match.trigger.weight
               for c in match.token.children)


def _speaker(match: Match, found: dict[int, Match]) -> bool:
    """Whether a one-word noun is the subject of a verb of saying or of another trigger: it
    names who acts ("the opposition said", "the coalition accused"), not an event of its own."""
    token = match.token
    if match.trigger.pos != "noun" or match.hi - match.lo > 1 or token.dep_ != "nsubj":
        return False
    head = token.head
    if head.i in found and _told_by_its_subject(found[head.i], found):
        return False  # "the strike hit the port": the noun is the event
    return head.i != token.i and (head.lemma_.lower() in SPEAKING or head.i in found)


def _restates(match: Match, found: dict[int, Match]) -> bool:
    """Whether a noun only restates the trigger it hangs on ("launch an offensive", "protesters
    demonstrated") or only modifies another noun."""
    if match.trigger.pos not in ("noun", "charge"):
        return False
    if match.token.dep_ == "compound" and match.hi - match.lo == 1:
        # a modifier ("opposition activists", "aid workers"), unless its head is an
        # undertaking of the act ("a mediation effort")
        return match.token.head.lemma_.lower() not in LIGHT_HEADS
    head = match.token.head
    if head.i in found and _told_by_its_subject(found[head.i], found):
        return False  # the noun is kept, its vague verb goes
    if match.token.dep_ == "pobj":
        head = head.head
    above = found.get(head.i)
    return above is not None and above is not match and above.type == match.type


def best_match(token: Any, lex: Lexicon) -> Match | None:
    """The most specific, then heaviest, entry a token starts, unless an exception vetoes it."""
    candidates = [*_head_matches(token, lex), *_noun_matches(token, lex)]
    candidates.sort(key=lambda m: (m.trigger.size, m.trigger.weight), reverse=True)
    sense = _sense(token, lex)
    if sense is not None and any(m.type == sense for m in candidates):
        candidates = [m for m in candidates if m.type == sense or m.trigger.size > 1]
    for match in candidates:
        if not _vetoed(match, lex):
            return match
    return None


def _sense(token: Any, lex: Lexicon) -> str | None:
    """The type an ambiguous trigger word has in its sentence ([senses] in plover.toml): a
    "strike" among dockworkers and wages is a walkout, one with missiles and a port an
    attack. The words of the noun's own phrase decide first ("hunger strike"), then
    those of the whole sentence; None when neither leans one way."""
    senses = lex.senses.get(token.lemma_.lower())
    if not senses:
        return None
    for words in (list(token.subtree), list(token.sent)):
        forms = {w.lemma_.lower() for w in words} | {w.lower_ for w in words}
        counts = sorted(((len(forms & cues), name) for name, cues in senses.items()),
                        reverse=True)
        if counts[0][0] > 0 and (len(counts) == 1 or counts[0][0] > counts[1][0]):
            return counts[0][1]
    return None


def governed_words(token: Any, *, timeless: bool = False) -> set[str]:
    """Lemmas and lower-case forms of what a token governs: its dependents, theirs (objects of
    its prepositions) and the objects of "of" below them ("sent thousands of troops").

    With ``timeless`` a preposition whose object is a date or time is left out: "a strike on
    Monday" says when, not what was struck."""
    words: set[str] = set()
    if token.dep_ == "acl" and token.tag_ == "VBN":  # "an alert released overnight"
        words.update(_forms(token.head))
    for child in token.children:
        if child.dep_ in _SKIP_DEPS or (timeless and _temporal(child)):
            continue
        words.update(_forms(child))
        if child.dep_ in ("prep", "agent", "xcomp", "dobj", "prt", "advmod", "acomp",
                          "nsubjpass"):
            for grand in child.children:
                if grand.dep_ not in _SKIP_DEPS:
                    words.update(_forms(grand))
                if grand.dep_ == "prep" and grand.lower_ == "of":  # "thousands of troops"
                    words.update(w for obj in grand.children if obj.dep_ == "pobj"
                                 for w in _forms(obj))
    return words


def _temporal(prep: Any) -> bool:
    """Whether a preposition's object is a date or time ("on Monday", "in mid-August")."""
    return prep.dep_ == "prep" and any(
        c.dep_ == "pobj" and c.ent_type_ in _TIME_ENTITIES for c in prep.children)


def _forms(token: Any) -> tuple[str, str, str]:
    """Lemma, lower-case text, and the text without a plural "s" (the lemmatizer reads
    "bases" as "basis")."""
    lower = token.text.lower()
    return token.lemma_.lower(), lower, lower.removesuffix("s")


def _head_matches(token: Any, lex: Lexicon) -> list[Match]:
    """Verb and adjective entries whose head is this token and whose words it governs."""
    entries = lex.heads.get(token.lemma_.lower(), [])
    if not entries or _hyphenated(token):
        return []
    governed: set[str] | None = None
    out = []
    for trig in entries:
        allowed = _VERB_POS if trig.pos == "verb" else _ADJ_POS
        if token.pos_ not in allowed:
            continue
        if trig.deps:
            # "called Macron on Tuesday" is no "call on": a date says when, not what
            governed = governed_words(token, timeless=True) if governed is None else governed
            if not all(word in governed for word in trig.deps):
                continue
        out.append(Match(trig, token, token.i, token.i + 1))
    return out


def _hyphenated(token: Any) -> bool:
    """Whether a word ends a hyphenated compound ("novelty-seeking"): no verb of its own."""
    i = token.i
    return i > 1 and token.doc[i - 1].text == "-" and not token.doc[i - 2].whitespace_


def _noun_matches(token: Any, lex: Lexicon) -> list[Match]:
    """Noun entries whose last word is this token and whose earlier words precede it."""
    # forms in their own order, never a set's: which of two equally specific entries wins
    # ("air strike", "strikes") must not change with Python's hash seed
    entries = {id(t): t for form in dict.fromkeys(_forms(token))
               for t in lex.nouns.get(form, [])}
    out = []
    for trig in entries.values():
        lo = _run_start(token, trig.words)
        if lo is None:
            continue
        hyphenated = any(t.text == "-" for t in token.doc[lo:token.i])
        if len(trig.words) == 1 and token.pos_ not in _NOUN_POS and (
                trig.pos != "charge" or token.pos_ == "VERB"):
            continue  # a quoted charge may be tagged ADJ: was "genocide"
        if len(trig.words) > 1 and not hyphenated and token.pos_ not in _NOUN_POS:
            continue  # "pulled back" is a verb phrase, not the noun "pull-back"
        if trig.deps and not all(w in governed_words(token, timeless=True) for w in trig.deps):
            continue
        out.append(Match(trig, _phrase_head(token, lo), lo, token.i + 1))
    return out


def _run_start(token: Any, words: tuple[str, ...]) -> int | None:
    """The index where ``words`` start, read backwards from ``token``; None if they don't."""
    doc, i = token.doc, token.i
    for word in reversed(words[:-1]):
        i -= 1
        while i >= 0 and doc[i].text == "-":
            i -= 1
        if i < 0 or word not in _forms(doc[i]):
            return None
    return int(i)


def _phrase_head(token: Any, lo: int) -> Any:
    """The syntactic head of a noun run (spaCy may hang "build - up" on "up" or "build")."""
    doc = token.doc
    inside = range(lo, token.i + 1)
    for i in reversed(inside):
        if doc[i].head.i not in inside or doc[i].head.i == i:
            return doc[i]
    return token


def _vetoed(match: Match, lex: Lexicon) -> bool:
    """Whether an exception of the match's type, at least as specific, covers its token."""
    token = match.token
    forms = set(_forms(token))
    governed: set[str] | None = None
    for exc in lex.types[match.type].exceptions:
        if match.trigger.pos != "verb" and _noun_exception(token, exc):
            return True  # "press release" is no release
        if exc.words[0] not in forms or exc.size < match.trigger.size:
            continue
        governed = governed_words(token, timeless=True) if governed is None else governed
        if all(word in governed for word in exc.deps):
            return True
    return False


def _noun_exception(token: Any, exc: Trigger) -> bool:
    """Whether a noun exception ("press release") ends on the token and its words precede it."""
    words = exc.words + exc.deps
    return len(words) > 1 and words[-1] in _forms(token) and _run_start(token, words) is not None
