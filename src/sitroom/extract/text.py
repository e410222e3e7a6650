"""The scraped-text cleaner: a page saved as plain text -> a clean ``Article``.

A scraper that keeps no markup leaves the story among page furniture: audio
and video player labels, "Read more:" links, share and newsletter prompts,
image credits, and lists of other stories. The cleaner works on paragraphs:

1. split     paragraphs, spacing collapsed, fixed-width wrapping undone (``blocks``)
2. label     each paragraph: a furniture rule (``furniture.toml``), a dateline, a "By" byline
3. sidebars  lists of other stories at the end of the page, found by their shape
4. header    the title (after any list of stories that opens the page), bylines
             without "By" near it; what comes before the title is navigation
5. inside    "Related" boxes inside the story; wire credits that end a paragraph;
             image credits inside a paragraph ("... Photograph: Jane Doe/Reuters");
             the time stamps that open live-blog entries ("3 Jul 2022 00.53 ...") and
             the entry's author after one ("... 20.15 Luke Harding Andriy Zagorodnyuk says")
6. assemble  the body is the kept paragraphs, one blank line apart; dates, bylines,
             and every removed piece with its kind, in page order

Every rule is general: words and patterns are data files, the rest is shape.
"""

from __future__ import annotations

import re
from functools import cache

from sitroom.errors import NoArticle
from sitroom.extract.blocks import Unit, ends_sentence, ends_with_stop, is_prose, split_units
from sitroom.extract.bylines import is_affiliation, parse_byline, split_trailing_credit
from sitroom.extract.dates import Dateline, merge_datelines, parse_dateline
from sitroom.extract.furniture import (
    METADATA_KINDS,
    furniture_kind,
    is_sidebar_heading,
    mark_related_boxes,
    mark_trailing_sidebar,
)
from sitroom.lexicons import load_toml
from sitroom.models import Article, Removed

#: Bylines and datelines may follow the standfirst (the first paragraph of running
#: text on Guardian-style pages) by a paragraph or two.
HEADER_SLACK = 3
#: Titles have three to 35 words; shorter lines at the top are section names.
TITLE_MIN_WORDS = 3
TITLE_MAX_WORDS = 35
#: A dateline may name a place or an outlet besides its dates ("LONDON, 15 Feb 2022"),
#: in a few capitalised words; lower-case words make it a sentence.
DATELINE_REST_MAX_WORDS = 4
#: Less story text than this, or none that ends a sentence, is no article.
MIN_ARTICLE_WORDS = 10

PARAGRAPH_SEPARATOR = "\n\n"

_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_CLOCK = r"\d{1,2}[.:]\d{2}(?:\s*(?:am|pm|gmt|bst|utc|cet|cest|eet|eest|msk|et|edt|est))?"
#: A live-blog entry's stamp: a date and a time ("From 3 Jul 2022 19.09 ", "2 May 2022
#: 05.42 "); it is page furniture, and left in the text it becomes part of a speaker's
#: name ("3 Jul 2022 00.53 Gazprom said ...").
_DATED_STAMP = re.compile(
    rf"^(?:from\s+)?\d{{1,2}}\s+{_MONTH}\s+\d{{4}},?\s+{_CLOCK}\s+(?=\S)", re.IGNORECASE)
#: A time alone ("01:45 Azovstal evacuation ...") opens entries only on pages where
#: several paragraphs start so: one "10.30 ..." paragraph may be a sentence.
_CLOCK_STAMP = re.compile(rf"^(?i:{_CLOCK})\s+(?=[A-Z\u201c\"])")
MIN_CLOCK_STAMPS = 3
#: The author of a live-blog entry, printed after its stamp and run into its first sentence
#: ("7 Jul 2022 20.15 Luke Harding Andriy Zagorodnyuk – Ukraine's former defence minister –
#: says ..."): a given name and a surname, then a capital that opens the sentence. Left in
#: the text, the author becomes part of the speaker's name.
_ENTRY_AUTHOR = re.compile(
    r"([A-Z][a-z]+) ((?:Mc|Mac|O['\u2019])?[A-Z][a-z]+(?:-[A-Z][a-z]+)?) (?=[A-Z\u201c\"])")


def extract_text(text: str, *, origin: str) -> Article:
    """Extract one article from a page saved as plain text.

    Args:
        text: the page, decoded, as a scraper saved it (no markup).
        origin: the input's name, for error messages.

    Returns:
        The article: title, dates (ISO 8601, as the page prints them), bylines,
        the body (paragraphs one blank line apart, so that character offsets
        into it are stable) and the removed furniture, each with its kind.

    Raises:
        NoArticle: nothing article-like is left once the furniture is removed.
    """
    units = split_units(text)  # 1
    if not units:
        raise NoArticle(origin, "the page holds no text")
    for unit in units:  # 2
        _label(unit)
    mark_trailing_sidebar(units)  # 3
    title_at = _mark_header(units)  # 4
    mark_related_boxes(units, start=0 if title_at is None else title_at + 1)  # 5
    _split_credits(units)
    _cut_image_credits(units)
    _split_entry_stamps(units)
    return _assemble(units, title_at, origin)  # 6


def _label(unit: Unit) -> None:
    """Label one paragraph as furniture, a dateline or a byline with "By"."""
    kind = furniture_kind(unit.text)
    if kind is not None:
        unit.kind = kind
        return
    dateline = parse_dateline(unit.text)
    if dateline is not None and _is_dateline(dateline):
        unit.kind = "dateline"
        unit.dateline = dateline
        unit.names = parse_byline(dateline.rest, unmarked=True) if dateline.rest else None
        return
    names = parse_byline(unit.text)
    if names is not None:
        unit.kind = "byline"
        unit.names = names


def _is_dateline(dateline: Dateline) -> bool:
    """True when a line holds dates and little else: a place, an outlet or a byline."""
    rest = dateline.rest
    if not rest or parse_byline(rest, unmarked=True) is not None:
        return True
    words = rest.split()
    return len(words) <= DATELINE_REST_MAX_WORDS and all(w[:1].isupper() for w in words)


def _mark_header(units: list[Unit]) -> int | None:
    """Mark the title, a list of stories above it, navigation, and bylines without "By".

    Returns:
        The title's index, or None when the page opens straight with the story.
    """
    prose_at = _first_prose(units, 0)
    header_end = min(prose_at + HEADER_SLACK, len(units))
    meta_at = next((i for i in range(header_end) if units[i].kind in METADATA_KINDS), None)
    title_at = _title_after_list(units, meta_at)
    if title_at is None:
        title_at = next((i for i in range(min(prose_at + 1, len(units))) if _is_title(units, i)),
                        None)
    if title_at is not None:
        units[title_at].kind = "title"
        for unit in units[:title_at]:
            if unit.kept:
                unit.kind = "navigation"
        if title_at == prose_at:  # a headline written as a sentence, over its dateline
            header_end = min(_first_prose(units, title_at + 1) + HEADER_SLACK, len(units))
    for i in range(0 if title_at is None else title_at + 1, header_end):
        unit = units[i]
        if not unit.kept:
            continue
        names = parse_byline(unit.text, unmarked=True, bare=_next_to_dateline(units, i))
        if names is not None:
            unit.kind, unit.names = "byline", names
        elif i > 0 and units[i - 1].kind == "byline" and is_affiliation(unit.text):
            unit.kind = "byline"  # "By Jane Doe" / "BBC News, Kyiv"
    return title_at


def _title_after_list(units: list[Unit], meta_at: int | None) -> int | None:
    """The title below a list of stories that opens the page ("Most Read", then headlines).

    The list runs from its heading to the title: the last headline-like line
    before the first dateline or byline. The list is marked "sidebar". None when
    the page opens with no such list, or has no dateline or byline to anchor it.
    """
    if meta_at is None:
        return None  # without a dateline or byline below it, the title cannot be told apart
    heading_at = next((i for i in range(meta_at)
                       if units[i].kept and is_sidebar_heading(units[i].text)), None)
    if heading_at is None:
        return None
    titles = [i for i in range(heading_at + 1, meta_at) if _is_title(units, i)]
    if not titles:
        return None
    for unit in units[heading_at:titles[-1]]:
        if unit.kept:
            unit.kind = "sidebar"
    return titles[-1]


def _is_title(units: list[Unit], i: int) -> bool:
    """True for a headline: a few words, no full stop unless a dateline or byline follows."""
    unit = units[i]
    if not (unit.kept and TITLE_MIN_WORDS <= unit.words <= TITLE_MAX_WORDS):
        return False
    over_metadata = i + 1 < len(units) and units[i + 1].kind in METADATA_KINDS
    return over_metadata or not ends_with_stop(unit.text)


def _first_prose(units: list[Unit], start: int) -> int:
    """The index of the first kept paragraph of running text from ``start`` (or the end)."""
    return next((i for i in range(start, len(units)) if units[i].kept and is_prose(units[i])),
                len(units))


def _next_to_dateline(units: list[Unit], i: int) -> bool:
    """True when the paragraph just before or after ``i`` is a dateline."""
    return any(0 <= j < len(units) and units[j].kind == "dateline" for j in (i - 1, i + 1))


def _split_credits(units: list[Unit]) -> None:
    """Cut wire credits ("(Reporting by ...; Editing by ...)") off the end of kept paragraphs."""
    for unit in units:
        if not unit.kept:
            continue
        split = split_trailing_credit(unit.text)
        if split is not None:
            unit.text, credit, unit.names = split
            unit.extra.append(("byline", credit))


#: An image credit inside a paragraph (live blogs flatten captions into the text): a label,
#: a photographer's name and the agencies after slashes ("Photograph: Jane Doe/Reuters",
#: "Photograph: Jane Doe/AFP/Getty Images"). Left in, the photographer becomes a speaker.
_INLINE_IMAGE_CREDIT = re.compile(
    r"\s*\b(?:Photograph|Photo|Picture|Illustration|Composite|Image)\s*:\s*"
    r"[A-Z][\w'’.\-]*(?:\s[A-Z][\w'’.\-]*){0,4}"
    r"(?:\s*/\s*[A-Z][\w.&\-]*(?:\s(?:Images|Photo|Photos|Press|News|Agency|Pool|Media|Wire|"
    r"Handout|Stock|Service|Times|Post))*)+")


def _cut_image_credits(units: list[Unit]) -> None:
    """Cut image credits out of kept paragraphs ("... in Bezimenne. Photograph: Jane
    Doe/Reuters"), keeping the caption's sentence."""
    for unit in units:
        if not unit.kept:
            continue
        credits = [m.group(0).strip() for m in _INLINE_IMAGE_CREDIT.finditer(unit.text)]
        if credits:
            unit.text = _INLINE_IMAGE_CREDIT.sub("", unit.text).strip()
            unit.extra.extend(("image-credit", c) for c in credits)


def _split_entry_stamps(units: list[Unit]) -> None:
    """Cut the date-and-time stamps that open live-blog entries off kept paragraphs."""
    kept = [u for u in units if u.kept]
    clocks = sum(1 for u in kept if _CLOCK_STAMP.match(u.text))
    for unit in kept:
        match = _DATED_STAMP.match(unit.text) or (
            _CLOCK_STAMP.match(unit.text) if clocks >= MIN_CLOCK_STAMPS else None)
        if match is not None and unit.text[match.end():].strip():
            unit.extra.append(("timestamp", match.group(0).strip()))
            unit.text = unit.text[match.end():]
            author = _ENTRY_AUTHOR.match(unit.text)
            if author is not None and author.group(1).lower() in _given_names():
                unit.extra.append(("byline", f"{author.group(1)} {author.group(2)}"))
                unit.text = unit.text[author.end():]


@cache
def _given_names() -> frozenset[str]:
    """Lower-case given names (``first_names.toml``, every gender)."""
    table = load_toml("first_names")
    return frozenset(n.lower() for part in table.values() if isinstance(part, dict)
                     for n in part.get("names", ()))


def _assemble(units: list[Unit], title_at: int | None, origin: str) -> Article:
    """The article from the labelled paragraphs."""
    body = [u for u in units if u.kept and u.text]
    if sum(u.words for u in body) < MIN_ARTICLE_WORDS or not any(
            ends_sentence(u.text) for u in body):
        raise NoArticle(origin, "no story text left once page furniture is removed")
    removed: list[Removed] = []
    bylines: list[str] = []
    for unit in units:
        if unit.kind is not None:
            removed.append(Removed(kind=unit.kind, text=unit.text))
        removed.extend(Removed(kind=kind, text=text) for kind, text in unit.extra)
        if unit.names and (unit.kept or unit.kind in METADATA_KINDS):
            for name in unit.names:
                if name not in bylines:
                    bylines.append(name)
    published, updated = merge_datelines(
        u.dateline for u in units if u.kind == "dateline" and u.dateline is not None)
    return Article(
        text=PARAGRAPH_SEPARATOR.join(u.text for u in body),
        title=None if title_at is None else units[title_at].text,
        published=published,
        updated=updated,
        bylines=bylines,
        removed=removed,
    )
