"""Page furniture in pages saved as text: the rules of ``data/furniture.toml``, and lists
of other stories (sidebars, "Related" boxes, topic footers) found by their shape.

Rules remove single paragraphs ("Listen to this article", "Read more: ...").
Lists are found by shape, not by their headlines: a heading such as "Latest
World News" or "Most Read" followed by a run of short, headline-like lines, or
a run of short lines without full stops at the end of the page.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from sitroom.extract.blocks import Unit, ends_sentence, is_prose
from sitroom.lexicons import (
    DataFileError,
    compile_patterns,
    load_toml,
    str_list,
    sub_table,
    table_list,
)

#: Items of a list of other stories are headlines, sometimes with a teaser: longer
#: lines are story paragraphs.
SIDEBAR_ITEM_MAX_WORDS = 30
#: Image captions in such lists end with a full stop ("Joe Biden signs the bill."); a
#: punctuated line longer than this is a story paragraph, not a caption.
SIDEBAR_CAPTION_MAX_WORDS = 15
#: At least this share of the lines under a heading must be unpunctuated headlines, so
#: that a subheading followed by short quotes is never taken for a list.
SIDEBAR_MIN_HEADLINE_SHARE = 0.6
#: Headlines open with a capital; a line of this many words or more that opens in lower
#: case is a sentence cut by the scraper, not a headline ("v" alone is a stray label).
LOWER_OPENING_MIN_WORDS = 3
#: A run of at least this many short unpunctuated lines ends a page only as a list
#: of links or topic tags (two could be a sign-off: "Jane Doe / London").
TRAILING_RUN_MIN = 3
TRAILING_ITEM_MAX_WORDS = 15
#: A "Related" box inside the story holds two to eight headlines of this length; a
#: longer list under such a heading is content (a timeline, a product list).
RELATED_MIN_ITEMS = 2
RELATED_MAX_ITEMS = 8
RELATED_ITEM_MAX_WORDS = 20
#: Kinds of units that hold page metadata; inside a list of other stories they
#: belong to those stories, and are removed with the list.
METADATA_KINDS = frozenset({"dateline", "byline"})

#: End punctuation a heading may carry: "Related:", "More on this story ›".
_HEADING_TAIL = " :›»>|-–—"


@dataclass(frozen=True, slots=True)
class _Rule:
    kind: str
    max_words: int
    patterns: list[re.Pattern[str]]


@dataclass(frozen=True, slots=True)
class _Furniture:
    rules: list[_Rule]
    headings: list[re.Pattern[str]]
    heading_max_words: int


def furniture_kind(text: str) -> str | None:
    """The kind of furniture a paragraph is by the rules of ``furniture.toml``.

    Args:
        text: one paragraph, spacing collapsed.

    Returns:
        The rule's kind ("audio-player", "read-more", ...), or None when no rule matches.
    """
    words = len(text.split())
    for rule in _furniture().rules:
        if words <= rule.max_words and any(p.fullmatch(text) for p in rule.patterns):
            return rule.kind
    return None


def is_sidebar_heading(text: str) -> bool:
    """True when a paragraph is a heading of a list of other stories ("Most Read")."""
    furniture = _furniture()
    if len(text.split()) > furniture.heading_max_words:
        return False
    head = text.strip().rstrip(_HEADING_TAIL)
    return any(p.fullmatch(head) for p in furniture.headings)


def mark_trailing_sidebar(units: list[Unit]) -> None:
    """Mark the lists of other stories at the end of a page as "sidebar".

    Two shapes: a sidebar heading below some story text, followed to the end by
    headline-like lines; or, without a heading, a final run of short lines
    without full stops.
    """
    story_seen = False
    for i, unit in enumerate(units):
        story_seen = story_seen or (unit.kept and is_prose(unit))
        if story_seen and unit.kept and is_sidebar_heading(unit.text):
            after = list(_listed(units, i + 1))
            if _is_headline_list(after):
                for item in [unit, *after]:
                    item.kind = "sidebar"
                break
    run: list[Unit] = []
    for unit in reversed(units):
        if not unit.kept:
            continue
        if ends_sentence(unit.text) or unit.words > TRAILING_ITEM_MAX_WORDS:
            break
        run.append(unit)
    if len(run) >= TRAILING_RUN_MIN:
        for unit in run:
            unit.kind = "sidebar"


def mark_related_boxes(units: list[Unit], start: int) -> None:
    """Mark "Related"-style boxes inside the story: a heading over short headlines, then story.

    Args:
        units: the page's paragraphs.
        start: the first index to look at (after the title and header).
    """
    i = start
    while i < len(units):
        unit = units[i]
        if not (unit.kept and is_sidebar_heading(unit.text)):
            i += 1
            continue
        items: list[Unit] = []
        j = i + 1
        while j < len(units):
            nxt = units[j]
            if nxt.kept:
                if ends_sentence(nxt.text) or nxt.words > RELATED_ITEM_MAX_WORDS:
                    break
                items.append(nxt)
            j += 1
        if RELATED_MIN_ITEMS <= len(items) <= RELATED_MAX_ITEMS and j < len(units):
            for item in [unit, *items]:
                item.kind = "related"
        i = j if j > i + 1 else i + 1


def _listed(units: list[Unit], start: int) -> Iterator[Unit]:
    """Units from ``start`` that a list could hold: kept ones and metadata lines."""
    for unit in units[start:]:
        if unit.kept or unit.kind in METADATA_KINDS:
            yield unit


def _is_headline_list(items: list[Unit]) -> bool:
    """True when lines read as a list of headlines (with a few short captions)."""
    if any(u.words > SIDEBAR_ITEM_MAX_WORDS for u in items):
        return False
    punctuated = [u for u in items if ends_sentence(u.text)]
    if any(u.words > SIDEBAR_CAPTION_MAX_WORDS for u in punctuated):
        return False
    if not items:
        return True
    headlines = [u for u in items if not ends_sentence(u.text) and not _opens_lower(u)]
    if len(items) <= RELATED_MAX_ITEMS and not (headlines and headlines[-1] is items[-1]):
        return False  # a short box then a sentence: the story goes on after a "Related" box
    return len(headlines) / len(items) >= SIDEBAR_MIN_HEADLINE_SHARE


def _opens_lower(unit: Unit) -> bool:
    """True for a line of several words that opens in lower case: the middle of a sentence."""
    return unit.words >= LOWER_OPENING_MIN_WORDS and unit.text[:1].islower()


@lru_cache(maxsize=1)
def _furniture() -> _Furniture:
    """The rules and headings of ``furniture.toml``, compiled and checked."""
    data = load_toml("furniture.toml")
    rules = [_rule(entry, n) for n, entry in
             enumerate(table_list(data, "rule", where="furniture.toml"), start=1)]
    sidebar = sub_table(data, "sidebar", where="furniture.toml")
    where = "furniture.toml [sidebar]"
    headings = compile_patterns(str_list(sidebar, "headings", where=where), where=where)
    max_words = sidebar.get("max_words", 8)
    if not isinstance(max_words, int) or max_words < 1:
        raise DataFileError(f"{where}: max_words must be a positive integer")
    return _Furniture(rules=rules, headings=headings, heading_max_words=max_words)


def _rule(entry: dict[str, Any], number: int) -> _Rule:
    """One [[rule]] table, checked."""
    where = f"furniture.toml [[rule]] {number}"
    kind = entry.get("kind")
    if not isinstance(kind, str) or not kind:
        raise DataFileError(f"{where}: kind must be a non-empty string")
    max_words = entry.get("max_words", 1_000_000)
    if not isinstance(max_words, int) or max_words < 1:
        raise DataFileError(f"{where}: max_words must be a positive integer")
    patterns = compile_patterns(str_list(entry, "patterns", where=where), where=where)
    return _Rule(kind=kind, max_words=max_words, patterns=patterns)
