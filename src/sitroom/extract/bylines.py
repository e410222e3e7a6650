"""Bylines in pages saved as text.

Reads "By Emma Soteriou", "By Jane Doe and John Roe", "By Jane Doe, Political
Correspondent", "Jane Doe in Kyiv" and wire credits such as "Reporting by Jane
Doe in Kyiv; Editing by John Roe". A line is a byline only when every piece of
it is a name, a job title, a place or an outlet, so a sentence that opens with
"By Tuesday evening, ..." is never one. Words are data, in ``data/bylines.toml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from sitroom.lexicons import compile_patterns, load_toml, str_list

#: A byline longer than this is a paragraph that happens to open with "By".
MAX_BYLINE_WORDS = 40
#: A person's name in a byline has two to five words ("Jane Doe", "Ursula von der Leyen");
#: one word alone is a place, an outlet or a nickname, too risky to call a person.
MIN_NAME_WORDS = 2
MAX_NAME_WORDS = 5
#: Places after "in" are one to four capitalised words ("Kyiv", "New York", "the West Bank").
MAX_PLACE_WORDS = 4
#: An all-capitals single word up to this length is an outlet's initials ("CNN", "AFP").
MAX_INITIALS = 6

_WORD = r"[A-Z][\w'’.\-]*"
_PLACE = rf"(?:the\s+)?{_WORD}(?:\s+{_WORD}){{0,{MAX_PLACE_WORDS - 1}}}"
#: "Jane Doe in Kyiv", "John Roe reporting from Moscow".
_TRAILING_PLACE = re.compile(rf"^(?P<name>.+?)\s+(?:in|from|reporting\s+from)\s+{_PLACE}$")
_LEADING_PLACE = re.compile(rf"^(?:in|from|reporting\s+from)\s+{_PLACE}$")
#: Pieces of a list of names.
_NAME_SPLIT = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*")
#: Separators between a byline and an outlet or role: "By Jane Doe | BBC News".
_SEPARATOR = re.compile(r"\s+[|•·–—-]\s+|\s*\|\s*")
#: Handles and addresses printed beside names.
_HANDLE = re.compile(r"(?:follow\s+(?:on\s+\w+\s*)?)?@\w+|\S+@\S+\.\w+", re.IGNORECASE)
#: Credit clauses are cut before "<label> by": "Reporting by A; Editing by B".
_CLAUSE_SPLIT = re.compile(r"\s*(?:;\s*|[,.]\s+)(?=(?:[A-Za-z\-]+\s+){0,2}by\s)", re.IGNORECASE)
_CLAUSE = re.compile(r"^(?:(?P<label>[A-Za-z][A-Za-z\- ]*?)\s+)?by\s+(?P<names>.+)$", re.IGNORECASE)
#: A credit in brackets at the end of a paragraph: "... she said. (Reporting by Jane Doe)".
_TRAILING_BRACKETS = re.compile(
    r"^(?P<body>.*\S)\s*(?P<credit>[(\[][^()\[\]]*\bby\b[^()\[\]]*[)\]])$",
    re.IGNORECASE | re.DOTALL,
)


@dataclass(frozen=True, slots=True)
class _Lexicon:
    authors: list[re.Pattern[str]]
    others: list[re.Pattern[str]]
    roles: frozenset[str]
    outlets: frozenset[str]
    particles: frozenset[str]
    not_names: frozenset[str]


def parse_byline(line: str, *, unmarked: bool = False, bare: bool = False
                 ) -> tuple[str, ...] | None:
    """The names in a byline, or None when the line is not one.

    Args:
        line: one paragraph of a page.
        unmarked: also read bylines without "By": "Jane Doe in Kyiv", "Jane Doe,
            Political Correspondent" (a place or a job title must show it is a byline).
        bare: also read a line of names alone, "Jane Doe" (only next to a dateline).

    Returns:
        The names in order; empty for a credit line without authors ("Editing by John Roe").
    """
    text = _tidy(line)
    if not text or len(text.split()) > MAX_BYLINE_WORDS:
        return None
    marked = _credits(text)
    if marked is not None:
        return marked
    if not unmarked:
        return None
    found = _names(text)
    if found is None:
        return None
    names, anchored = found
    if names and (anchored or bare):
        return names
    return None


def is_affiliation(line: str) -> bool:
    """True for a line of outlets, job titles and places only ("BBC News, Kyiv").

    Such a line completes the byline above it.
    """
    found = _names(_tidy(line))
    return found is not None and not found[0] and found[1]


def split_trailing_credit(paragraph: str) -> tuple[str, str, tuple[str, ...]] | None:
    """Cut a bracketed wire credit off the end of a paragraph.

    Args:
        paragraph: e.g. ``... the ministry said. (Reporting by Jane Doe; Editing by John Roe)``.

    Returns:
        ``(paragraph without the credit, the credit, its author names)``, or None
        when the paragraph does not end with a credit.
    """
    match = _TRAILING_BRACKETS.match(paragraph)
    if not match:
        return None
    names = _credits(_tidy(match["credit"]))
    if names is None:
        return None
    return match["body"], match["credit"], names


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    """The words of ``bylines.toml``, compiled."""
    data = load_toml("bylines.toml")

    def words(key: str) -> frozenset[str]:
        return frozenset(w.casefold() for w in str_list(data, key, where=f"bylines.toml {key}"))

    def labels(key: str) -> list[re.Pattern[str]]:
        where = f"bylines.toml {key}"
        return compile_patterns(str_list(data, key, where=where), where=where)

    return _Lexicon(
        authors=labels("credit_authors"),
        others=labels("credit_others"),
        roles=words("roles"),
        outlets=words("outlets"),
        particles=words("name_particles"),
        not_names=words("not_names"),
    )


def _tidy(line: str) -> str:
    """The line without brackets around it, handles, separators and end punctuation."""
    text = " ".join(line.split())
    if len(text) > 1 and text[0] in "([" and text[-1] in ")]":
        text = text[1:-1]
    text = _HANDLE.sub(" ", text)
    text = _SEPARATOR.sub(", ", text)
    return " ".join(text.split()).strip(" .,;:|-–—")


def _credits(text: str) -> tuple[str, ...] | None:
    """Author names of a line of "<label> by <names>" clauses, or None when it is not one."""
    lex = _lexicon()
    names: list[str] = []
    for clause in _CLAUSE_SPLIT.split(text):
        match = _CLAUSE.match(clause.strip(" .,;"))
        if not match:
            return None
        label = (match["label"] or "").strip()
        is_author = not label or any(p.fullmatch(label) for p in lex.authors)
        if not is_author and not any(p.fullmatch(label) for p in lex.others):
            return None
        found = _names(match["names"])
        if found is None or not (found[0] or found[1]):
            return None  # "by" and then neither names nor an outlet: a sentence
        if is_author:
            names.extend(n for n in found[0] if n not in names)
    return tuple(names)


def _names(text: str) -> tuple[tuple[str, ...], bool] | None:
    """The person names in a list of names, roles, places and outlets.

    Returns None when a piece is none of these; the flag says whether a place,
    role or outlet showed that the text is a byline.
    """
    lex = _lexicon()
    names: list[str] = []
    anchored = False
    for raw in _NAME_SPLIT.split(text):
        piece = raw.strip(" .")
        if not piece:
            continue
        if _LEADING_PLACE.match(piece):
            anchored = True
            continue
        placed = _TRAILING_PLACE.match(piece)
        if placed and _is_name(placed["name"], lex):
            names.append(_display(placed["name"]))
            anchored = True
            continue
        tokens = {t.strip(".,'’").casefold() for t in piece.split()}
        if tokens & lex.roles or tokens & lex.outlets:
            anchored = True
            continue
        if _is_name(piece, lex):
            names.append(_display(piece))
        elif _is_initials(piece) or _is_single_capitalised(piece, lex):
            continue
        else:
            return None
    return tuple(names), anchored


def _is_name(piece: str, lex: _Lexicon) -> bool:
    """True when ``piece`` reads as a person's name: capitalised words, particles inside."""
    tokens = piece.split()
    if not MIN_NAME_WORDS <= len(tokens) <= MAX_NAME_WORDS:
        return False
    for i, token in enumerate(tokens):
        bare = token.strip(".,")
        if bare.casefold() in lex.not_names:
            return False
        if 0 < i < len(tokens) - 1 and bare.casefold() in lex.particles:
            continue
        if re.fullmatch(r"[a-z]{1,3}-[A-Z][\w'’\-]*", bare):  # al-Assad
            continue
        if not (bare[:1].isupper() and re.fullmatch(r"[\w'’.\-]+", bare)):
            return False
    return True


def _is_initials(piece: str) -> bool:
    """True for an outlet's initials such as "CNN" or "AFP"."""
    return piece.isupper() and piece.isalpha() and len(piece) <= MAX_INITIALS


def _is_single_capitalised(piece: str, lex: _Lexicon) -> bool:
    """True for one capitalised word, such as a place ("Kyiv") after a comma."""
    return " " not in piece and piece[:1].isupper() and piece.casefold() not in lex.not_names


def _display(name: str) -> str:
    """A name as shown: spacing collapsed, an all-capitals name in title case."""
    name = " ".join(name.split()).strip(" .,")
    return name.title() if name.isupper() else name
