"""Named entities of a parsed paragraph, trimmed and read once.

spaCy's small model tags names with some noise at their edges ("Jens
Stoltenberg - also" as one PERSON); ``named_spans`` keeps the proper nouns of
each entity, and ``with_titles`` extends a name leftwards over the honorifics
and titles written before it ("Gen Lord Richards", "Mr Biden").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sitroom.attribution.lexicon import Lexicon

#: Lower-case particles inside surnames ("Ursula von der Leyen", "Abu Bakr al-Baghdadi").
NAME_PARTICLES = frozenset({"von", "van", "der", "den", "de", "da", "di", "du", "del", "della",
                            "al", "el", "bin", "ben", "la", "le", "ter", "ten", "dos", "das"})
#: Entity labels that can name an actor: people, organisations, places (states), groups.
ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})


@dataclass(frozen=True, slots=True)
class Named:
    """A named entity of a paragraph: its label and token range."""

    label: str
    start: int
    end: int


def named_spans(doc: Any) -> list[Named]:
    """The paragraph's actor entities, each trimmed to its proper nouns (PERSON) or words."""
    out: list[Named] = []
    for ent in doc.ents:
        label = ent.label_
        if label not in ACTOR_LABELS:
            continue
        start, end = ent.start, ent.end
        if label == "PERSON":
            while start < end and doc[start].pos_ != "PROPN":
                start += 1
            while end > start and doc[end - 1].pos_ != "PROPN":
                end -= 1
        else:
            while start < end and (doc[start].is_punct or doc[start].lower_ == "the"):
                start += 1
            while end > start and doc[end - 1].is_punct:
                end -= 1
        if start < end:
            out.append(Named(label, start, end))
    return out


def words_of(doc: Any, start: int, end: int) -> list[str]:
    """The words of tokens ``start:end`` as written ("Sukholytkyy-Sobchuk" stays one word)."""
    text: str = doc[start:end].text  # a Span's text: Doc.text is rebuilt on every call
    return text.split()


def with_titles(doc: Any, start: int, lex: Lexicon, floor: int = 0) -> int:
    """The start of a name with the honorifics written before it ("Gen Lord Richards")."""
    while start > floor and doc[start - 1].lower_.rstrip(".") in lex.honorifics and (
            doc[start - 1].pos_ == "PROPN" or doc[start - 1].text[:1].isupper()):
        start -= 1
    return start


def role_context(doc: Any, named: Named) -> list[tuple[int, int]]:
    """Token ranges of role descriptions written with a name.

    "US President Joe Biden" (words before the name in its noun phrase),
    "Olaf Scholz, the German chancellor" (an apposition after it) and "the US
    president, Joe Biden" (the name in apposition to the role).
    """
    head = doc[named.end - 1]
    for tok in doc[named.start:named.end]:
        if tok.head.i < named.start or tok.head.i >= named.end:
            head = tok
            break
    found: list[tuple[int, int]] = []
    i = named.start - 1
    while i >= 0 and doc[i].text not in (",", "(", ";", ":") and (
            named.start <= doc[i].head.i < named.end or i < doc[i].head.i < named.start):
        i -= 1
    if i + 1 < named.start:
        found.append((i + 1, named.start))
    for child in head.children:
        if child.dep_ == "appos" and not named.start <= child.i < named.end:
            found.append(_phrase(child))
    parent = head.head
    if head.dep_ == "appos" and parent.i < named.start and parent.pos_ in ("NOUN", "PROPN"):
        lo = parent.left_edge.i
        found.append((lo, parent.i + 1 + _of_phrase(parent, named.start)))
    return found


def _phrase(tok: Any) -> tuple[int, int]:
    """A noun phrase's tokens, clauses after it left out."""
    hi = tok.i + 1
    for child in tok.children:
        if child.i > tok.i and child.dep_ not in ("relcl", "acl", "punct", "appos", "advcl"):
            hi = max(hi, child.right_edge.i + 1)
    return tok.left_edge.i, hi


def _of_phrase(parent: Any, limit: int) -> int:
    """How many tokens of a following "of ..." phrase belong to a role ("governor of Luhansk")."""
    for child in parent.children:
        if child.dep_ == "prep" and child.i > parent.i and child.lower_ == "of":
            end: int = min(child.right_edge.i + 1, limit)
            return max(0, end - int(parent.i) - 1)
    return 0


def appositive_people(doc: Any, named: list[Named], lex: Lexicon) -> list[Named]:
    """The entities with names in apposition to a role made PERSON.

    The small model often misses a name or tags it as a place or organisation
    ("Ukraine’s president, Volodymyr Zelenskiy"); a run of two or more proper
    nouns in apposition to a role noun, either way round ("Olaf Scholz, the
    German chancellor"), is a person's name.
    """
    named = _organisations_in_apposition(doc, named, lex)
    found: list[Named] = []
    for tok in doc:
        if tok.pos_ != "PROPN":
            continue
        other = tok.head if tok.dep_ == "appos" else next(
            (c for c in tok.children if c.dep_ == "appos"), None)
        if other is None or other.pos_ != "NOUN":
            continue
        noun = other.lemma_.lower()
        if noun not in lex.roles and noun not in lex.people:
            continue
        lo = tok.i
        while lo > 0 and ((((doc[lo - 1].pos_ == "PROPN" and doc[lo - 1].dep_ == "compound")
                            or doc[lo - 1].lower_ in NAME_PARTICLES) and doc[lo - 1].text != ",")
                          or hyphenated(doc, lo - 1)):
            lo -= 1
        while lo < tok.i and doc[lo].lower_ in NAME_PARTICLES:
            lo += 1
        if any(n.label == "PERSON" and n.start <= tok.i < n.end for n in named):
            continue
        if tok.i - lo < 1 and not (noun in lex.people and tok.dep_ == "appos"):
            continue  # one word is a name only in apposition to a person noun: "One Kharkiv
            # resident, Antonina, told AFP", "Shevchenko's mother, Yevdokia, 77, said"
        found.append(Named("PERSON", lo, tok.i + 1))
    if not found:
        return named
    kept = [n for n in named if not any(f.start < n.end and n.start < f.end for f in found)]
    return sorted(kept + found, key=lambda n: n.start)


def _organisations_in_apposition(doc: Any, named: list[Named], lex: Lexicon) -> list[Named]:
    """One-word "people" in apposition to an organisation noun made organisations: "One of
    Germany's largest energy providers, Uniper," (the tagger's PERSON)."""
    out = []
    for n in named:
        tok = doc[n.start]
        if n.label == "PERSON" and n.end - n.start == 1 and tok.dep_ == "appos" and (
                tok.lower_ not in lex.first_names):  # "A software developer, Ahmed,"
            head = tok.head
            if head.lower_ in ("one", "some") or head.pos_ == "NUM":  # "One of the providers"
                head = next((g for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
                             for g in c.children if g.dep_ == "pobj"), head)
            if head.pos_ == "NOUN" and head.lemma_.lower() in lex.generic_nouns:
                n = Named("ORG", n.start, n.end)
        out.append(n)
    return out


#: Honorifics that always stand before a person's surname.
PERSONAL_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "mister", "madam"})


def honorific_surnames(doc: Any) -> set[str]:
    """Surnames written after "Mr", "Ms", "Mrs" or "Dr" in a paragraph ("kovalenko")."""
    found: set[str] = set()
    for tok in doc[:-1]:
        if tok.lower_.rstrip(".") in PERSONAL_HONORIFICS:
            nxt = doc[tok.i + 1]
            if nxt.pos_ == "PROPN" and nxt.text[:1].isupper():
                found.add(nxt.lower_)
    return found


def more_people(doc: Any, named: list[Named], lex: Lexicon, surnames: set[str]
                ) -> list[Named]:
    """Names the entity tagger missed or mislabelled, made PERSON.

    A run of proper nouns is a person's name from an honorific ("Ms
    Kovalenko"), from a known given name ("Olena Kovalenko"), or when it ends
    in a surname the article writes with an honorific elsewhere.
    """
    found: list[Named] = []
    for n in named:  # "Taras | Melnyk" tagged from the surname only: take the given name too
        start = n.start
        while n.label == "PERSON" and start > 0 and doc[start - 1].pos_ == "PROPN" and \
                doc[start - 1].dep_ == "compound" and doc[start - 1].lower_ in lex.first_names:
            start -= 1
        end = n.end
        if n.label == "PERSON":  # "Ursula von der | Leyen", "Ursula | von der Leyen"
            nxt = end
            while nxt < len(doc) and doc[nxt].lower_ in NAME_PARTICLES:
                nxt += 1
            particle_end = doc[end - 1].lower_ in NAME_PARTICLES or nxt > end
            if particle_end and nxt < len(doc) and doc[nxt].pos_ == "PROPN" and doc[
                    nxt].text[:1].isupper():
                end = nxt + 1
        if start < n.start or end > n.end:
            found.append(Named("PERSON", start, end))
    for lo, hi in _proper_runs(doc):
        if any(n.label == "PERSON" and n.start < hi and lo < n.end for n in named):
            continue
        words = [doc[i].lower_.rstrip(".") for i in range(lo, hi)]
        first = next((k for k, w in enumerate(words) if w in PERSONAL_HONORIFICS
                      or w in lex.first_names), None)
        if first is not None and hi - lo - first >= 2:
            found.append(Named("PERSON", lo + first, hi))
        elif hi - lo >= 2 and words[-1] in surnames:
            found.append(Named("PERSON", lo, hi))
    if not found:
        return named
    kept = [n for n in named if not any(f.start < n.end and n.start < f.end for f in found)]
    return sorted(kept + found, key=lambda n: n.start)


def hyphenated(doc: Any, i: int) -> bool:
    """True for a hyphen that joins two capitalised names with no space ("Anne-Marie")."""
    if not 0 < i < len(doc) - 1 or doc[i].text != "-" or doc[i].whitespace_ or doc[
            i - 1].whitespace_:
        return False
    return all(doc[k].text[:1].isupper() and doc[k].pos_ == "PROPN" for k in (i - 1, i + 1))


def _proper_runs(doc: Any) -> list[tuple[int, int]]:
    """Maximal runs of capitalised proper nouns ("Anne-Marie Trevelyan" is one)."""
    runs: list[tuple[int, int]] = []
    start: int | None = None
    for tok in doc:
        if (tok.pos_ == "PROPN" and tok.text[:1].isupper() and not tok.is_punct) or (
                start is not None and hyphenated(doc, tok.i)):
            if start is None:
                start = tok.i
            continue
        if start is not None:
            runs.append((start, tok.i))
            start = None
    if start is not None:
        runs.append((start, len(doc)))
    return runs
