"""Paragraphs of a page saved as text, and the shape tests the cleaner makes on them.

A scraper writes one paragraph per line, with or without blank lines between
them; some wrap long paragraphs at a fixed width. ``split_units`` turns either
layout into a list of ``Unit``: one paragraph each, spacing collapsed.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from sitroom.extract.dates import Dateline

#: Line widths that scrapers and mail tools wrap at (60 to 80, most often 72 to 80) fall
#: in this range; a block whose longest line is outside it is one paragraph per line
#: (two short lines such as a "Published" and an "Updated" line are never joined).
WRAP_MIN_WIDTH = 60
WRAP_MAX_WIDTH = 120
#: A paragraph of story text has at least this many words and ends a sentence;
#: shorter lines or lines without a full stop are headlines, labels or captions.
PROSE_MIN_WORDS = 8

#: Spacing to collapse: every kind of space but the newline (NBSP, thin spaces, tabs).
_SPACES = re.compile(r"[^\S\n]+")
#: Invisible characters that scrapers leave behind (zero-width spaces, BOM, soft hyphen).
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
#: Closing quotes and brackets that may follow the end of a sentence.
_CLOSERS = "\"'”’»)]"
#: Punctuation that ends a sentence or introduces a quote (CJK full stops included).
_SENTENCE_END = ".!?…:;。！？"


@dataclass(slots=True)
class Unit:
    """One paragraph of the page and what the cleaner decided about it."""

    text: str
    kind: str | None = None
    """The kind of furniture it is (``Removed.kind``), or None while it is kept."""
    dateline: Dateline | None = None
    names: tuple[str, ...] | None = None
    """Byline names it holds; () for a credit line without authors."""
    extra: list[tuple[str, str]] = field(default_factory=list)
    """Pieces cut off a kept paragraph, as (kind, text): a trailing wire credit."""

    @property
    def kept(self) -> bool:
        """True while the unit is part of the body."""
        return self.kind is None

    @property
    def words(self) -> int:
        """The number of words."""
        return len(self.text.split())


def split_units(text: str) -> list[Unit]:
    """The paragraphs of a page saved as text.

    Args:
        text: the page, decoded.

    Returns:
        One unit per paragraph, in page order, each stripped with its inner
        spacing collapsed; lines wrapped at a fixed width are joined again.
    """
    text = _INVISIBLE.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = _SPACES.sub(" ", text)
    units: list[Unit] = []
    for block in re.split(r"\n\s*\n", text):
        lines = [line.strip() for line in block.split("\n") if line.strip()]
        if _is_wrapped(lines):
            units.append(Unit(text=_join_wrapped(lines)))
        else:
            units.extend(Unit(text=line) for line in lines)
    return units


def ends_sentence(text: str) -> bool:
    """True when the text ends like a sentence: ".", "?", "!", "…", or ":" before a quote."""
    stripped = text.rstrip(_CLOSERS + " ")
    return bool(stripped) and stripped[-1] in _SENTENCE_END


def ends_with_stop(text: str) -> bool:
    """True when the text ends with a full stop (or ":" / ";"): titles never do, sentences do."""
    stripped = text.rstrip(_CLOSERS + " ")
    return bool(stripped) and stripped[-1] in ".…:;。"


def is_prose(unit: Unit) -> bool:
    """True for a paragraph of running text rather than a headline, label or caption."""
    return unit.words >= PROSE_MIN_WORDS and ends_with_stop(unit.text)


def _is_wrapped(lines: list[str]) -> bool:
    """True when a block's lines are one paragraph wrapped at a fixed width.

    A wrapper puts a word on the next line only when it would not fit on this
    one, so each line plus the next line's first word is wider than the block.
    """
    if len(lines) <= 1:
        return False
    width = max(len(line) for line in lines)
    if not WRAP_MIN_WIDTH <= width <= WRAP_MAX_WIDTH:
        return False
    return all(len(line) + 1 + len(nxt.split(" ", 1)[0]) > width
               for line, nxt in itertools.pairwise(lines))


def _join_wrapped(lines: list[str]) -> str:
    """One paragraph from wrapped lines; a word hyphenated across lines stays hyphenated."""
    out = lines[0]
    for line in lines[1:]:
        joiner = "" if out.endswith("-") and out[-2:-1].isalpha() else " "
        out += joiner + line
    return out
