"""Quotations of one paragraph: direct, indirect and mixed, each tied to its cue.

Given a paragraph's quoted passages (``marks``) and cues (``cues``):

1. content   each cue's content is a quotation when it is one quoted passage
             (direct), holds quoted words among its own (mixed: "he wanted to
             give "diplomacy every chance to succeed""), or none (indirect);
2. adjacent  a quoted passage right before or after a cue clause is that cue's
             direct quote (`"...," he said`, `said X`, `X said: "..."`);
3. headline  "Speaker: 'quotation' ..." in a headline-shaped paragraph;
   signed    a quotation signed with a dash and a name after it, as vox pops and
             epigraphs are ("“...” ― Maria Lopez, a nurse");
4. carried   a whole-sentence quotation with no cue of its own continues the
             quote before it in the same paragraph, or, when it opens a
             paragraph that is wholly quotation (or the quote before was left
             open), the last quote of the previous paragraph.

Speakers are token ranges here; the article pass resolves them in order.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sitroom.attribution.cues import Cue
from sitroom.attribution.lexicon import Lexicon
from sitroom.attribution.marks import Segment
from sitroom.nlp import doc_text

#: Characters allowed between a quotation and the cue clause beside it.
_GAP = frozenset(" \t\n,:;—–-…")
#: The longest attribution that may interrupt one quoted sentence ("“A,” said X, “b”").
MAX_INTERRUPTION = 120
#: A headline's words after "Speaker:" that can be a statement without quotation marks.
MIN_HEADLINE_WORDS = 3
#: Dashes that sign a quotation with its speaker's name ("“...” ― Maria Lopez").
_SIGN_DASHES = frozenset("―—–")
#: Entity types that sign no quotation: agencies, places, dates.
_NOT_SIGNERS = frozenset({"ORG", "GPE", "LOC", "FAC", "DATE", "TIME", "NORP"})
#: The most words of a signature's name, before any comma and description.
MAX_SIGNATURE_WORDS = 5
#: Characters that end a sentence: a headline has none at its end.
_STOPS = ".!?"


@dataclass(slots=True)
class Found:
    """A quotation found in one paragraph (offsets relative to the paragraph)."""

    kind: str
    start: int
    end: int
    cue: Cue | None
    via: str
    """"cue", "adjacent", "headline", "headline-bare" (no quotation marks: a person's
    statement only), "paragraph" (carried within it) or "continuation"."""
    segments: list[Segment] = field(default_factory=list)
    inherit: int | None = None
    """For "paragraph": the index of the found quote whose speaker this one carries."""


def paragraph_quotes(doc: Any, segments: list[Segment], cues: list[Cue], lex: Lexicon, *,
                     continues: bool, title: bool = False) -> list[Found]:
    """The quotations of one paragraph, in text order.

    Args:
        doc: the paragraph's spaCy ``Doc``.
        segments: its quoted passages.
        cues: its cues.
        lex: the lexicons.
        continues: True when the previous paragraph ended in a quote that this
            paragraph may carry on (it was left open, or this one is all quotation).
        title: True for the article's first paragraph, its title when the text has one:
            a "Speaker: statement." title may end in a full stop.
    """
    text = doc_text(doc)
    used: set[int] = set()
    found: list[Found] = []
    for given in cues:  # 1
        if given.content is None or (given.speaker is None and not given.unsourced):
            continue
        for part in _coordinated_clauses(doc, given.content, segments):
            item = _from_content(text, given, segments, used, part)
            if item is not None:
                found.append(item)
    for k, seg in enumerate(segments):  # 2
        if k in used:
            continue
        cue = _adjacent_cue(doc, seg, segments, cues)
        if cue is not None:
            used.add(k)
            found.append(Found("direct", seg.inner_start, seg.inner_end, cue, "adjacent", [seg]))
    for k, seg in enumerate(segments):  # signed
        if k in used:
            continue
        signed = _signature(doc, text, seg, lex)
        if signed is not None:
            used.add(k)
            found.append(Found("direct", seg.inner_start, seg.inner_end, signed, "adjacent",
                               [seg]))
    headline = _headline_speaker(doc, text, lex, title=title)  # 3
    if headline is not None:
        after = [k for k, seg in enumerate(segments) if seg.start > headline.content_from]
        for k in after:
            if k not in used:
                used.add(k)
                seg = segments[k]
                found.append(Found("direct", seg.inner_start, seg.inner_end, headline,
                                   "headline", [seg]))
        if not after and not found:  # "Zelenskiy: Russia will pay": kept only for a person
            start, end = _trim(text, headline.content_from + 1, len(text))
            if len(text[start:end].split()) >= MIN_HEADLINE_WORDS:
                found.append(Found("indirect", start, end, headline, "headline-bare"))
    found.sort(key=lambda f: f.start)
    wholly = _wholly_quoted(text, segments)
    for k, seg in enumerate(segments):  # 4
        if k in used or seg.inner_end <= seg.inner_start:
            continue
        if k == 0 and seg.start == 0 and continues and (wholly or not found):
            found.append(Found("direct", seg.inner_start, seg.inner_end, None, "continuation",
                               [seg]))
            used.add(k)
            continue
        joined = _interrupted(text, found, seg)
        if joined is not None:  # "“A,” said X, “and B.”" is one quotation
            joined.end = seg.inner_end
            joined.segments.append(seg)
            used.add(k)
            continue
        if not _full(text, seg) or not found:
            continue
        before = [i for i, f in enumerate(found) if f.start < seg.start and f.via != "paragraph"]
        source = before[-1] if before else 0
        found.append(Found("direct", seg.inner_start, seg.inner_end, None, "paragraph", [seg],
                           inherit=source))
        used.add(k)
    order = sorted(range(len(found)), key=lambda i: found[i].start)
    remap = {old: new for new, old in enumerate(order)}
    result = [found[i] for i in order]
    for item in result:
        if item.inherit is not None:
            item.inherit = remap[item.inherit]
    return result


def _interrupted(text: str, found: list[Found], seg: Segment) -> Found | None:
    """The direct quote that a passage carries on after its cue, within one sentence."""
    for item in found:
        if item.kind != "direct" or not item.segments or item.cue is None:
            continue
        last = item.segments[-1]
        if last.end > seg.start or last.end < seg.start - MAX_INTERRUPTION:
            continue
        between = text[last.end:seg.start].rstrip()
        if between.endswith(",") and not any(ch in _STOPS for ch in between) and not any(
                ch in between for ch in "“”\"'"):
            return item
    return None


#: Conjunctions that join two reported clauses, each opened by "that".
_CLAUSE_JOINERS = frozenset({"and", "but"})


def _coordinated_clauses(doc: Any, content: tuple[int, int], segments: list[Segment]
                         ) -> list[tuple[int, int]]:
    """A content span cut into the reported clauses it coordinates: "confirmed the
    evacuees had reached safety | and that | troops were storming the plant" reports two
    things, each its own statement. A cut never falls inside a quotation."""
    start, end = content
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return [content]
    parts, lo = [], start
    for tok in span:
        if tok.lower_ != "that" or tok.dep_ != "mark" or tok.head.dep_ != "conj" or \
                tok.i == 0 or doc[tok.i - 1].lower_ not in _CLAUSE_JOINERS or _determines(tok):
            continue
        joiner = doc[tok.i - 1]
        cut, resume = joiner.idx, tok.idx + len(tok.text)
        if not lo < cut < resume < end or any(
                seg.start < resume and cut < seg.end for seg in segments):
            continue
        parts.append((lo, cut))
        lo = resume
    parts.append((lo, end))
    return parts


def _determines(that: Any) -> bool:
    """Whether a "that" the parse calls a clause's mark is the determiner of the singular
    noun after it ("found in Chelsea and | that location | is being treated as a crime
    scene"): a clause's subject would need its own determiner ("and that the location")."""
    doc = that.doc
    if that.i + 1 >= len(doc):
        return False
    noun = doc[that.i + 1]
    return noun.tag_ == "NN" and not any(c.dep_ == "det" for c in noun.children)


def _from_content(text: str, cue: Cue, segments: list[Segment], used: set[int],
                  part: tuple[int, int] | None = None) -> Found | None:
    """Direct, mixed or indirect from a cue's content span (or the ``part`` of it given)."""
    assert cue.content is not None
    start, end = part or cue.content
    for seg in segments:  # a content span never cuts a quotation in two
        if seg.start < end and seg.end > start:
            start, end = min(start, seg.start), max(end, seg.end)
    inside = [k for k, seg in enumerate(segments) if seg.start >= start and seg.end <= end]
    if not inside:
        return Found("indirect", *_trim(text, start, end), cue, "cue")
    used.update(inside)
    segs = [segments[k] for k in inside]
    if len(segs) == 1 and _only_punctuation(text, start, segs[0].start) and _only_punctuation(
            text, segs[0].end, end):
        return Found("direct", segs[0].inner_start, segs[0].inner_end, cue, "cue", segs)
    return Found("mixed", *_trim(text, start, end), cue, "cue", segs)


def _adjacent_cue(doc: Any, seg: Segment, segments: list[Segment], cues: list[Cue]
                  ) -> Cue | None:
    """The cue whose clause sits right after or right before a quoted passage."""
    text = doc_text(doc)
    for cue in cues:
        if cue.speaker is None or cue.phrase:
            continue
        clause_start = _clause_start(doc, cue)
        if clause_start >= seg.end and _only_gap(text, seg.end, clause_start) and not any(
                seg.end <= s.start < clause_start for s in segments):
            return cue
    for cue in reversed(cues):
        if cue.speaker is None or cue.phrase:
            continue
        verb = doc[cue.verb]
        if verb.idx >= seg.start or any(verb.idx < s.start < seg.start for s in segments):
            continue
        last = _last_word_before(doc, seg.start)
        if last is None or last.i < verb.i:
            continue
        if last.i == verb.i or verb.is_ancestor(last) or (
                cue.speaker[0] <= last.i < cue.speaker[1]):
            gap = text[last.idx + len(last.text):seg.start]
            if gap.strip() in ("", ":", ",", ":-", "-", "—", "–") and (
                    ":" in gap or _capital(text, seg)):
                return cue
    return None


def _clause_start(doc: Any, cue: Cue) -> int:
    """Where a cue's clause begins: its verb or its source, whichever comes first; for a
    statement relayed "as saying", the relaying source ("“...,” Russia's Tass state news
    agency quoted Leonid Pasechnik as saying")."""
    assert cue.speaker is not None
    start = min(doc[cue.cue[0]].idx, doc[cue.speaker[0]].idx)
    verb = doc[cue.verb]
    if verb.dep_ == "pcomp" and verb.head.lower_ == "as":
        relaying = verb.head.head
        start = min([start, *(c.left_edge.idx for c in relaying.children
                              if c.dep_ == "nsubj" and c.i < verb.i)])
    return int(start)


@dataclass(slots=True)
class _Headline(Cue):
    content_from: int = 0


def _headline_speaker(doc: Any, text: str, lex: Lexicon, *, title: bool = False
                      ) -> _Headline | None:
    """The speaker of a "Speaker: 'quotation' ..." headline, as a cue on its colon.

    A headline has no full stop at its end, except the article's title, which some
    sources end with one ("Lynch: No outside influence on FBI probe."); it must still
    be one sentence."""
    if len(doc) > lex.headline_max_tokens:
        return None
    text = text.rstrip()
    if not text:
        return None
    if text[-1] in _STOPS and not (title and text[-1] == "." and not any(
            ch in _STOPS for ch in text[:-1].replace("..", ""))):
        return None
    colon = next((t for t in doc if t.text == ":"), None)
    if colon is None or not 0 < colon.i <= lex.headline_max_speaker_tokens:
        return None
    words = doc[: colon.i]
    if any(t.pos_ in ("VERB", "AUX") for t in words) or not words[0].text[:1].isupper():
        return None
    return _Headline(cue=(colon.i, colon.i + 1), verb=colon.i, speaker=(0, colon.i),
                     speaker_head=words.root.i, content=None, phrase=True,
                     content_from=colon.idx)


def _signature(doc: Any, text: str, seg: Segment, lex: Lexicon) -> Cue | None:
    """The signature after a quotation of whole sentences: a dash, then a person's name
    of a few words (tagged PERSON or opening with a known given name; no agency or
    place) that ends the line or runs into a comma and a description ("“...” ― Carla
    Sanchez."; "“...” — Ana Ruiz, 34, a teacher"), as a phrase cue on the dash.
    "“...” — AFP" credits an agency, and
    "“Stop the war.” — Amnesty International, which monitored the march, counted
    5,000" goes on as a sentence: neither is a signature."""
    after = text[seg.end:seg.end + 3].lstrip()
    if not after or after[0] not in _SIGN_DASHES or not _capital(text, seg):
        return None
    dash = next((t for t in doc if t.idx >= seg.end), None)
    if dash is None or dash.text not in _SIGN_DASHES or not _only_gap(text, seg.end, dash.idx):
        return None
    end = dash.i + 1
    while end < len(doc) and doc[end].text not in (",", ".", "(", "\n") and (
            not doc[end].is_space):
        end += 1
    words = doc[dash.i + 1:end]
    rest = doc[end:]
    if not 0 < len(words) <= MAX_SIGNATURE_WORDS or not all(
            t.text[:1].isupper() or t.text in ("-", "'") for t in words if t.is_alpha
            or t.text in ("-", "'")):
        return None
    if not all(t.pos_ == "PROPN" or t.is_punct for t in words):
        return None
    if any(t.ent_type_ in _NOT_SIGNERS for t in words) or not (any(
            t.ent_type_ == "PERSON" for t in words) or words[0].lower_ in lex.first_names):
        return None  # "— AFP", "— Kharkiv, March 2022", "— Amnesty International, which"
    if rest and rest[0].text not in (",", ".", "(") and not rest[0].is_space:
        return None
    if rest and rest[0].text == "," and len(rest) > 1 and (
            rest[1].tag_ in ("WDT", "WP") or rest[1].pos_ in ("VERB", "AUX")):
        return None  # a sentence goes on after the name
    return Cue(cue=(dash.i, dash.i + 1), verb=dash.i, speaker=(dash.i + 1, end),
               speaker_head=words.root.i, content=None, phrase=True)


def _last_word_before(doc: Any, pos: int) -> Any:
    """The last token before character ``pos`` that is not punctuation."""
    best = None
    for tok in doc:
        if tok.idx >= pos:
            break
        if not tok.is_punct:
            best = tok
    return best


def _wholly_quoted(text: str, segments: list[Segment]) -> bool:
    """True when nothing but punctuation lies outside the paragraph's quoted passages."""
    if not segments:
        return False
    pos = 0
    for seg in segments:
        if not _only_punctuation(text, pos, seg.start):
            return False
        pos = seg.end
    return _only_punctuation(text, pos, len(text))


def _full(text: str, seg: Segment) -> bool:
    """True for a quotation of whole sentences rather than words inside a sentence."""
    if seg.start == 0 or _capital(text, seg):
        return True
    before = text[:seg.start].rstrip()
    return before.endswith((":", ".", "?", "!"))


def _capital(text: str, seg: Segment) -> bool:
    first = text[seg.inner_start:seg.inner_start + 1]
    return first.isupper() or first.isdigit() or first in "[…("


def _only_gap(text: str, start: int, end: int) -> bool:
    return all(ch in _GAP for ch in text[start:end])


def _only_punctuation(text: str, start: int, end: int) -> bool:
    return not any(ch.isalnum() for ch in text[start:end])


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """A span without spacing and unbalanced punctuation at its edges."""
    while start < end and (text[start].isspace() or text[start] in ",;:—–-"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:—–-."):
        end -= 1
    return start, end
