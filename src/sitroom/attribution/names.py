"""Names and role descriptions as written: what is a title, a surname, a role.

``person_name`` reads the tokens of a name mention ("Mr Biden", "US President
Joe Biden", "Gen Lord Richards") into its parts; ``role_key`` reads a role
description ("the Russian president", "Foreign Secretary", "PM") into the words
that name the role and the country it belongs to, so that two descriptions of
one role compare equal however they are written. ``slug`` makes ids of names.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from sitroom.attribution.lexicon import PLAIN_HONORIFICS, Lexicon
from sitroom.attribution.mentions import NAME_PARTICLES

#: Words of a role description that are not the role: articles, possessive marks, "of".
_ROLE_SKIP = frozenset({"the", "a", "an", "'s", "’s", "'", "’", "of", "-", "–", "—", ",",
                        "then", "now", "current", "acting", "new", "incumbent", "its", "his",
                        "her", "their", "one", "another", "top", "senior"})
#: Words that say a role was held before: such a description names no current holder.
PAST_MARKERS = frozenset({"former", "ex", "ex-", "previous", "late", "outgoing"})
#: Words that make a role a lower one: "the president" is not the vice-president named before.
SUBORDINATE_RANKS = frozenset({"deputy", "vice", "acting", "assistant", "under"})
_SLUG_DROP = re.compile(r"[^a-z0-9]+")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'"})


@dataclass(frozen=True, slots=True)
class NameParts:
    """A person's name as one mention writes it."""

    given: tuple[str, ...]
    """Given names, as written ("Joe"); empty for "Mr Biden"."""
    surname: str
    """The last word of the name, as written ("Biden")."""
    peerage: str | None
    """A title that is part of the name when no given name is known ("Lord")."""
    gender: str | None
    """"m" or "f" when an honorific says so ("Mr", "Mrs"), else None."""
    titled: bool
    """True when a role title stood before the name ("President Biden")."""

    @property
    def full(self) -> str | None:
        """"Joe Biden" when given names are written, else None."""
        return " ".join((*self.given, self.surname)) if self.given else None

    @property
    def display(self) -> str:
        """The fullest form this mention gives: "Joe Biden", "Lord Richards", "Biden"."""
        if self.given:
            return " ".join((*self.given, self.surname))
        return f"{self.peerage} {self.surname}" if self.peerage else self.surname


def person_name(words: Sequence[str], lex: Lexicon) -> NameParts | None:
    """The parts of a name from its words (titles before it included); None when no name."""
    words = [w for w in words if w not in ("'s", "’s", "'", "’", ".", ",")]
    gender: str | None = None
    peerage: str | None = None
    titled = False
    i = 0
    while i < len(words) - 1 and _title_word(words[i]) in lex.honorifics:
        low = _title_word(words[i])
        gender = lex.honorifics[low] or gender
        if low in lex.peerage:
            peerage = words[i].capitalize() if words[i].isupper() else words[i]
        elif low not in PLAIN_HONORIFICS:
            titled = True  # "President Biden", "Gen Richards"
        i += 1
    rest = words[i:]
    if not rest:
        return None
    cut = len(rest) - 1  # the surname starts at its particles: "Ursula | von der Leyen"
    while cut > 0 and rest[cut - 1].lower() in NAME_PARTICLES:
        cut -= 1
    given = tuple(rest[:cut])
    if given:
        peerage = None  # "Lord David Richards" is David Richards
    return NameParts(given=given, surname=" ".join(rest[cut:]), peerage=peerage,
                     gender=gender or None, titled=titled)


def _title_word(word: str) -> str:
    return word.lower().rstrip(".")


@dataclass(frozen=True, slots=True)
class RoleKey:
    """A role description reduced to its words, country and tense."""

    words: frozenset[str]
    country: str | None
    past: bool
    text: str

    def within(self, other: RoleKey) -> bool:
        """True when this description fits the role ``other`` names ("the president" fits
        "US President"; "the Russian president" does not)."""
        if self.past != other.past or not self.words or not self.words <= other.words:
            return False
        if (other.words & SUBORDINATE_RANKS) - self.words:
            return False  # "the ambassador" is not the deputy ambassador named before
        return self.country is None or other.country is None or self.country == other.country


def role_key(words: Sequence[str], lex: Lexicon, country_of: Callable[[str], str | None]
             ) -> RoleKey | None:
    """The key of a role description, or None when it names no role.

    Args:
        words: the description's words in order ("the", "Russian", "president").
        lex: the lexicons (role words, abbreviations).
        country_of: a country code for a country word ("Russian" -> "RU"), or None.
    """
    kept: list[str] = []
    country: str | None = None
    past = False
    text_words: list[str] = []
    for word in words:
        low = word.lower().translate(_APOSTROPHES)
        if low in PAST_MARKERS:
            past = True
            continue
        if low in _ROLE_SKIP or not low.strip("'-"):
            continue
        code = country_of(word) if word[:1].isupper() else None
        if code is not None:
            country = country or code
            text_words.append(word)
            continue
        text_words.append(word)
        expanded = lex.abbreviations.get(low, low)
        for part in expanded.replace("-", " ").split():
            kept.append(part)
    if not any(w in lex.roles for w in kept):
        return None
    return RoleKey(words=frozenset(kept), country=country, past=past, text=" ".join(text_words))


def slug(name: str) -> str:
    """An id from a name: "Olena Kovalenko" -> "olena-kovalenko"."""
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return _SLUG_DROP.sub("-", folded.lower().replace("'", "")).strip("-") or "unknown"


def plain(text: str) -> str:
    """Typographic apostrophes made plain, spacing collapsed: names compare and print alike."""
    return " ".join(text.translate(_APOSTROPHES).split())
