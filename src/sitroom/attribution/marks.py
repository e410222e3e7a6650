"""Quotation marks in a paragraph: where quoted passages open and close.

Double quotes (straight and curly) pair first; single quotes (straight and
curly, as headlines and some outlets use them) pair outside them, under
stricter rules that keep apostrophes apart: an opening single mark follows a
space or the start and precedes a letter, a closing one follows a letter or
punctuation and precedes a space, punctuation or the end; a mark between two
letters ("don’t", "Russia’s") is never a quote mark. A passage left open at the
end of a paragraph runs on into the next paragraph, as news style writes a
quotation over several paragraphs (each new paragraph reopens the mark).
"""

from __future__ import annotations

from dataclasses import dataclass

DOUBLE_OPEN = "“„«‟"
DOUBLE_CLOSE = "”»"
DOUBLE_STRAIGHT = '"″'
SINGLE_OPEN = "‘‚‹"
SINGLE_CLOSE = "’›"
SINGLE_STRAIGHT = "'"
#: Characters after which a straight mark opens a quotation rather than closes one.
_OPENING_CONTEXT = " \t\n([{—–-:/"
#: Characters that may follow a closing single mark.
_CLOSING_CONTEXT = " \t\n.,;:?!)]}—–-…\"“”"


@dataclass(frozen=True, slots=True)
class Segment:
    """A quoted passage in a paragraph; offsets are relative to the paragraph text.

    ``start``/``end`` include the marks; ``inner_start``/``inner_end`` do not.
    ``closed`` is False when the passage runs to the end of the paragraph.
    """

    start: int
    end: int
    inner_start: int
    inner_end: int
    closed: bool
    double: bool

    def contains(self, pos: int) -> bool:
        return self.start <= pos < self.end


def find_segments(text: str) -> list[Segment]:
    """The quoted passages of one paragraph, in order, never overlapping."""
    doubles = _pair_doubles(text)
    singles = _pair_singles(text, doubles)
    return sorted(doubles + singles, key=lambda s: s.start)


def _double_marks(text: str) -> list[tuple[int, int, str]]:
    """Double marks as (start, end, kind): kind "open", "close" or "either" (straight).

    Two apostrophes or two backticks in a row are one double mark, as some
    wire copy writes them (``''Time's a wasting,''``).
    """
    marks: list[tuple[int, int, str]] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch in "'`" and i + 1 < n and text[i + 1] == ch:
            marks.append((i, i + 2, "open" if ch == "`" else "either"))
            i += 2
            continue
        if ch in DOUBLE_OPEN:
            marks.append((i, i + 1, "open"))
        elif ch in DOUBLE_CLOSE:
            marks.append((i, i + 1, "close"))
        elif ch in DOUBLE_STRAIGHT:
            marks.append((i, i + 1, "either"))
        i += 1
    return marks


def _pair_doubles(text: str) -> list[Segment]:
    segments: list[Segment] = []
    open_at: int | None = None
    open_width = 1
    for start, end, kind in _double_marks(text):
        if open_at is None:
            if kind == "open" or (kind == "either" and _opens(text, start, end)):
                open_at, open_width = start, end - start
        elif kind != "open":
            segments.append(_segment(text, open_at, end, closed=True, double=True,
                                     widths=(open_width, end - start)))
            open_at = None
    if open_at is not None:
        segments.append(_segment(text, open_at, len(text), closed=False, double=True,
                                 widths=(open_width, 0)))
    return segments


def _pair_singles(text: str, doubles: list[Segment]) -> list[Segment]:
    segments: list[Segment] = []
    open_at: int | None = None
    for i, ch in enumerate(text):
        if ch not in SINGLE_OPEN and ch not in SINGLE_CLOSE and ch not in SINGLE_STRAIGHT:
            continue
        if any(d.contains(i) for d in doubles) or (ch == "'" and "''" in text[
                max(0, i - 1):i + 2]):
            continue
        before = text[i - 1] if i > 0 else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        if before.isalnum() and after.isalnum():
            continue  # an apostrophe inside a word
        if open_at is None:
            if ch not in SINGLE_CLOSE and before in _OPENING_CONTEXT and (
                    after.isalnum() or after in "[…"):
                open_at = i
        elif ch not in SINGLE_OPEN and after in _CLOSING_CONTEXT and not before.isspace():
            segments.append(_segment(text, open_at, i + 1, closed=True, double=False))
            open_at = None
    if open_at is not None and open_at == 0:  # a paragraph of quotation, run on
        segments.append(_segment(text, 0, len(text), closed=False, double=False))
    return segments


def _opens(text: str, i: int, end: int) -> bool:
    """True when a straight mark at ``i:end`` reads as opening: after a space, before a word."""
    before = text[i - 1] if i > 0 else " "
    after = text[end] if end < len(text) else " "
    return before in _OPENING_CONTEXT and not after.isspace()


def _segment(text: str, start: int, end: int, *, closed: bool, double: bool,
             widths: tuple[int, int] = (1, 1)) -> Segment:
    inner_start, inner_end = start + widths[0], end - widths[1] if closed else end
    while inner_start < inner_end and text[inner_start].isspace():
        inner_start += 1
    while inner_end > inner_start and text[inner_end - 1].isspace():
        inner_end -= 1
    return Segment(start, end, inner_start, inner_end, closed, double)
