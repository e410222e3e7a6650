"""How ledger records are matched across articles: name words, claim words, candidate keys.

Nothing here touches the database, so the store's own modules can use it too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from itertools import combinations

_WORD = re.compile(r"[^\W_]+")
_POSSESSIVE = re.compile(r"['’]s$")

#: Words of a claim kept for its candidate keys: the longest first. Twelve words give 66
#: pair keys, enough for a long claim, while a topic (three to six lemmas) keeps them all.
MAX_KEY_WORDS = 12


def name_key(name: str | None) -> str:
    """A name as case-folded words between spaces (" joe biden "), for whole-word matching."""
    return f" {' '.join(_WORD.findall((name or '').casefold()))} "


@cache
def _stop_words() -> frozenset[str]:
    """spaCy's English stop words (imported late: only the write path needs them)."""
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS) | {"said", "says", "say", "told", "according"}


def stem(word: str) -> str:
    """A crude, stable stem: "returning", "returned", "returns" -> "return"; "bases" -> "base".

    Topics are lemmas already; this only evens out inflections that remain (and those of
    claim texts without a topic), the same way on both sides of a comparison.
    """
    word = _POSSESSIVE.sub("", word.casefold())
    for suffix, keep in (("ies", 4), ("ing", 5), ("ed", 4)):
        if word.endswith(suffix) and len(word) - len(suffix) >= keep - 1:
            return word[: -len(suffix)] + ("y" if suffix == "ies" else "")
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        return word[:-1]
    return word


def claim_words(topic: Iterable[str], text: str | None) -> list[str]:
    """The words that identify a claim's proposition, stemmed and sorted.

    The claims stage's ``topic`` lemmas when it gave any; else the content words of the
    claim's text (stop words and numbers dropped).
    """
    words = [w for t in topic for w in _WORD.findall(t.casefold())]
    if not words:
        stop = _stop_words()
        words = [
            w for w in _WORD.findall((text or "").casefold()) if w not in stop and not w.isdigit()
        ]
    return sorted({stem(w) for w in words if len(w) > 1})


def pair_keys(words: Iterable[str]) -> list[str]:
    """Candidate keys of a claim: every pair of its longest words ("base|troop").

    Two claims can only reach the similarity threshold by sharing at least two words, so
    a pair key in common is necessary, and far more selective than one shared word.
    A claim of one word keys on that word alone.
    """
    kept = sorted(set(words), key=lambda w: (-len(w), w))[:MAX_KEY_WORDS]
    if len(kept) == 1:
        return kept
    return sorted("|".join(sorted(pair)) for pair in combinations(kept, 2))
