"""What the stages after attribution read: one article, parsed once, with its quotes.

``ArticleContext`` bundles the clean article, its parse (paragraphs of spaCy
docs), the contract dicts of ``entities`` and of the attributions (``quotes`` and
``views``, in text order) that attribution made,
the outlet and the gazetteer. The figures, events and claims stages are pure
functions of it, so they run anywhere the pipeline runs (a loop, a process
pool, a Spark task).

Its lookups answer the questions those stages share: who is speaking at this
offset (the quote that covers it), which actor these words name (an entity
mention, then the gazetteer: "Moscow" is Russia, "Russian forces" the Russian
Armed Forces), and where a token sits in the article text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sitroom.attribution.ports import ActorLike, GazetteerLike
from sitroom.models import Article
from sitroom.nlp import Paragraph

Span = tuple[int, int]
#: ``{"id": ..., "name": ...}``: how every record refers to an actor.
Ref = dict[str, Any]

_SLUG = re.compile(r"[^a-z0-9]+")


def ref(actor: ActorLike | dict[str, Any]) -> Ref:
    """The contract's reference to an actor: ``{"id", "name"}``."""
    if isinstance(actor, dict):
        return {"id": actor.get("id"), "name": actor.get("name")}
    return {"id": actor.id, "name": actor.name}


def slug(text: str) -> str:
    """A lower-case id from a name: "Daily Ledger" -> "daily-ledger"."""
    return _SLUG.sub("-", text.lower()).strip("-")


#: Words that start a sentence before a country word ("A Russian strike", "Several
#: Russian missiles"); never the first word of a name ("Northern Ireland" is not Ireland).
_LEADING_WORDS = frozenset({"a", "an", "the", "this", "that", "these", "those", "some",
                            "several", "many", "most", "all", "both", "two", "three", "four",
                            "five", "its", "their", "our", "his", "her", "other", "another",
                            "few", "dozens", "hundreds", "thousands", "more", "no"})


@dataclass(slots=True)
class ArticleContext:
    """One analysed article as the later per-article stages see it."""

    article: Article
    paragraphs: list[Paragraph]
    entities: list[dict[str, Any]]
    quotes: list[dict[str, Any]]
    gazetteer: GazetteerLike
    outlet: str | None = None
    _mentions: list[tuple[Span, dict[str, Any]]] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        self._mentions = sorted(
            (((int(m[0]), int(m[1])), e) for e in self.entities for m in e.get("mentions", [])),
            key=lambda pair: pair[0])

    @property
    def text(self) -> str:
        return self.article.text

    @property
    def published(self) -> date | None:
        """The publication date, which dates figures, events and role lookups."""
        value = self.article.published
        if not value:
            return None
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            return None

    # where things are

    def token_span(self, par: Paragraph, token: Any) -> Span:
        """A spaCy token's ``(start, end)`` in the article text."""
        start = par.start + token.idx
        return start, start + len(token.text)

    def tokens_span(self, par: Paragraph, lo: int, hi: int) -> Span:
        """The span of tokens ``doc[lo:hi]`` of a paragraph, in the article text."""
        first, last = par.doc[lo], par.doc[hi - 1]
        return par.start + first.idx, par.start + last.idx + len(last.text)

    def paragraph_at(self, offset: int) -> Paragraph | None:
        for par in self.paragraphs:
            if par.start <= offset < par.end:
                return par
        return None

    def sentence_at(self, offset: int) -> tuple[Paragraph, Any] | None:
        """The paragraph and spaCy sentence holding an article offset."""
        par = self.paragraph_at(offset)
        if par is None:
            return None
        local = offset - par.start
        for sent in par.doc.sents:
            if sent.start_char <= local < sent.end_char:
                return par, sent
        return None

    # who is speaking

    def quote_at(self, start: int, end: int | None = None) -> dict[str, Any] | None:
        """The innermost quote whose span covers ``[start, end)`` (or the offset ``start``)."""
        end = start + 1 if end is None else end
        best: dict[str, Any] | None = None
        for quote in self.quotes:
            qs, qe = quote["span"]
            if qs <= start and end <= qe and (best is None or qe - qs < best["span"][1]
                                               - best["span"][0]):
                best = quote
        return best

    def speaker_at(self, start: int, end: int | None = None) -> Ref | None:
        """The resolved speaker of the quote covering a span, or None outside quotes."""
        quote = self.quote_at(start, end)
        if quote is None or not quote.get("speaker") or not quote["speaker"].get("name"):
            return None
        return ref(quote["speaker"])

    def outlet_ref(self) -> Ref | None:
        """The outlet as a source, for what the article states in its own voice."""
        if not self.outlet:
            return None
        return {"id": f"outlet:{slug(self.outlet)}", "name": self.outlet}

    # which actor these words name

    def entity_at(self, start: int, end: int) -> Ref | None:
        """The entity with a mention inside ``[start, end)``; the first and longest wins."""
        best: tuple[Span, dict[str, Any]] | None = None
        for span, entity in self._mentions:
            if span[0] >= end:
                break
            if start <= span[0] and span[1] <= end and (
                    best is None or span[0] < best[0][0]
                    or (span[0] == best[0][0] and span[1] > best[0][1])):
                best = (span, entity)
        return ref(best[1]) if best is not None else None

    def actor_for(self, start: int, end: int) -> Ref | None:
        """The actor a phrase of the article names, or None.

        An entity attribution resolved inside the phrase comes first; then the
        gazetteer reads the phrase as a name ("Nato"), an institution ("the
        Pentagon", "Russian forces"), and last as a country word ("Moscow",
        "Russian", "Ukraine's") standing for its state.
        """
        found = self.entity_at(start, end)
        if found is not None:
            return found
        phrase = self.text[start:end].strip()
        if not phrase:
            return None
        gaz = self.gazetteer
        actor = gaz.by_name(phrase) or gaz.institution(phrase)
        if actor is not None:
            return ref(actor)
        for run in re.findall(r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*", phrase):
            # a sentence's first word joins the run: "A Russian missile strike"
            first, _, rest = run.partition(" ")
            for word in (run, rest) if rest and first.lower() in _LEADING_WORDS else (run,):
                code = gaz.country(re.sub(r"['’]s$", "", word))
                state = gaz.state(code) if code else None
                if state is not None:
                    return ref(state)
        return None
