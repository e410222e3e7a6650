"""Paragraphs of an article body, parsed in one batch, with their offsets.

Page text is full of line breaks that spaCy would merge into long sentences
(the founding example parses as 33 sentences whole, 74 split into paragraphs),
so the body is split on the blank lines the extractor leaves between
paragraphs before parsing. Each ``Paragraph`` keeps the offset where it starts
in the body: ``paragraph.start + token.idx`` is the token's offset in
``Article.text``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, TypeVar

from sitroom.nlp.model import load_model

#: The extractor joins paragraphs with one blank line (extract/text.py).
PARAGRAPH_SEPARATOR = "\n\n"
#: Paragraphs per batch of ``nlp.pipe``: an article rarely has more, so one
#: article is one batch; larger batches gave no gain on 60 Guardian articles.
BATCH_SIZE = 64


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One parsed paragraph: ``doc`` is a spaCy ``Doc``; ``start`` its offset in the body."""

    index: int
    start: int
    doc: Any

    @property
    def text(self) -> str:
        """The paragraph's text (``doc_text``)."""
        return doc_text(self.doc)

    @property
    def end(self) -> int:
        """The offset just past the paragraph's last character in the body."""
        return self.start + len(doc_text(self.doc))


T = TypeVar("T")


def per_doc(doc: Any, key: str, build: Callable[..., T], *args: Any) -> T:
    """``build(doc, *args)``, built once per ``Doc`` and kept in ``Doc.user_data`` (spaCy's
    place for per-document data) under ``key``: the stages read the same facts of a
    paragraph in loops, and spaCy builds a new object on every token read."""
    value: T | None = doc.user_data.get(key)
    if value is None:
        value = build(doc, *args)
        doc.user_data[key] = value
    return value


def doc_text(doc: Any) -> str:
    """A ``Doc``'s text, built once: spaCy joins every token anew on each read of
    ``Doc.text``, and the stages read paragraph texts and ends in loops."""
    return per_doc(doc, "sitroom.text", _joined)


def _joined(doc: Any) -> str:
    return str(doc.text)


def split_paragraphs(text: str) -> Iterator[tuple[int, str]]:
    """``(start, paragraph)`` for each non-blank paragraph, spacing at its edges trimmed."""
    pos = 0
    for chunk in text.split(PARAGRAPH_SEPARATOR):
        stripped = chunk.strip()
        if stripped:
            yield pos + (len(chunk) - len(chunk.lstrip())), stripped
        pos += len(chunk) + len(PARAGRAPH_SEPARATOR)


def parse(text: str) -> list[Paragraph]:
    """Parse an article body paragraph by paragraph, in one ``nlp.pipe`` batch.

    Args:
        text: the body, paragraphs separated by blank lines (``Article.text``).

    Returns:
        The parsed paragraphs in order; offsets map back into ``text``.

    Raises:
        ModelNotInstalled: no spaCy English model is installed.
    """
    pieces = list(split_paragraphs(text))
    if not pieces:
        return []
    nlp = load_model()
    docs = nlp.pipe((piece for _, piece in pieces), batch_size=BATCH_SIZE)
    return [Paragraph(index=i, start=start, doc=doc)
            for i, ((start, _), doc) in enumerate(zip(pieces, docs, strict=True))]
