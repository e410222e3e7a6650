"""Quote records: what one quotation is once its speaker is resolved, and its JSON.

``Quote`` carries article offsets only; ``to_dict`` gives the output contract's
shape (``{"id", "type", "text", "span", "speaker", "cue"}``, plus ``hedges``
when the cue clause hedges the statement). ``drop_nested`` removes a quote
whose speaker is only a description and that lies inside another quote's
reported content ("Mr Johnson said intelligence suggested "..."": Johnson's
statement, not a second one by "intelligence"), and so does a statement of
intention or stance inside another ("she said she wants to run": one statement),
a statement that restates its speaker's own ("X said he believed Y"), and a
relay whose content is another speaker's statement ("According to TASS, X said
...": X's).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from itertools import pairwise
from typing import Any

from sitroom.attribution.names import PAST_MARKERS
from sitroom.attribution.ports import GazetteerLike
from sitroom.attribution.registry import Entity
from sitroom.nlp.paragraphs import PARAGRAPH_SEPARATOR

Span = tuple[int, int]
#: Characters at most between a relayed speaker and their cue ("Victoria Shagina | had |
#: said"): farther, the relay says more than the statement ("X “condemns” Y, adding ...").
MAX_RELAY_GAP = 12
#: Characters at most of a relayed speaker's own phrase before the cue, when it holds
#: no punctuation ("The European Union Agency for Law Enforcement Cooperation said").
MAX_RELAY_PHRASE = 60
_QUOTE_MARKS = re.compile("[\"“”‘’]")
_PHRASE_BREAKS = re.compile("[\"“”‘’,;:()]")
#: The opening paragraphs (headline, standfirst, lede) whose unnamed source is named next.
LEDE_PARAGRAPHS = 2


@dataclass(frozen=True, slots=True)
class Speaker:
    """The words that name a quote's source, and the actor they resolve to."""

    mention: Span
    entity: Entity | None
    how: str | None

    def carried(self) -> Speaker:
        """The same speaker, for a quotation that carries on an earlier one."""
        return replace(self, how="continuation") if self.entity is not None else self


@dataclass(slots=True)
class Quote:
    """One quotation, with offsets into the article text."""

    kind: str
    span: Span
    speaker: Speaker | None
    cue: Span | None
    paragraph: int
    via: str
    hedges: list[str] = field(default_factory=list)
    parts: list[Span] = field(default_factory=list)
    """The quoted pieces of a direct quote that an attribution interrupts."""
    shared: bool = False
    """True when the speaker is the subject of another verb (see ``Cue.shared``)."""
    stance: bool = False
    """True when the cue is a verb of intention or stance ("wants to", "backed"), not of
    saying or thinking."""
    relay: bool = False
    """True when the cue only passes a report on: a source phrase ("according to X, ...")
    or a wire tag after the content ("..., AFP reported")."""
    view: str | None = None
    """Why this attribution is a view and not a statement: "stance" (a stance, intention or
    attitude with no proposition: "welcomed the move", "hopes to win", "backed the bill"),
    "topic" (what was spoken about: "talked about his work"), "unsourced" (no source
    named: "X is expected to ...") or "evidence" (what a medium no one is named for
    shows: "Graphic images from the scene show ..."); None for a statement."""

    def to_dict(self, ident: str, text: str) -> dict[str, Any]:
        s, e = self.span
        out: dict[str, Any] = {"id": ident, "type": self.kind, "text": text[s:e],
                               "span": [s, e], "speaker": None, "cue": None}
        if self.speaker is not None:
            ms, me = self.speaker.mention
            entity = self.speaker.entity
            out["speaker"] = {"id": entity.id if entity else None,
                              "name": entity.name if entity else None,
                              "mention": text[ms:me], "span": [ms, me],
                              "resolved_by": self.speaker.how}
        if self.cue is not None:
            cs, ce = self.cue
            out["cue"] = {"text": text[cs:ce], "span": [cs, ce]}
        if self.hedges:
            out["hedges"] = list(self.hedges)
        if len(self.parts) > 1:
            out["parts"] = [list(p) for p in self.parts]
        if self.view is not None:
            out["view"] = self.view
        return out


def drop_nested(quotes: list[Quote], text: str) -> list[Quote]:
    """Quotes in text order, without described sources or stance cues nested in another
    quote's content, restated statements and relays (see the module docstring), and
    without exact duplicates."""
    kept: list[Quote] = []
    seen: set[Span] = set()
    quotes = [_short_of_tag(q, quotes) for q in quotes]
    relays = {id(q) for q in quotes if any(_relayed(q, other, text) for other in quotes)}
    quotes = [q for q in quotes if id(q) not in relays]  # a relay neither stays nor holds
    # On the same span a quote with a speaker wins over one with none: in "X is expected
    # to ..., officials said" the officials' statement is the one to keep.
    for quote in sorted(quotes, key=lambda q: (q.span[0], -q.span[1], q.speaker is None)):
        if quote.span in seen:
            continue
        if (_described(quote) or quote.stance) and any(
                other is not quote and other.span[0] <= quote.span[0]
                and quote.span[1] <= other.span[1] and _holds(other, quote)
                for other in quotes):
            continue
        if any(_restated(quote, other) for other in quotes):
            continue
        seen.add(quote.span)
        kept.append(quote)
    return kept


def _restated(inner: Quote, outer: Quote) -> bool:
    """True for a statement that only restates the one around it: "X said he believed
    Y", "officials said they hoped Y". The pronoun opens the outer content and is the
    outer speaker (or resolved to no one else); the inner statement adds no source."""
    speaker = inner.speaker
    if inner.span == outer.span or speaker is None or speaker.how != "pronoun" or \
            outer.speaker is None:
        return False
    if speaker.entity is not None and outer.speaker.entity is not None and \
            speaker.entity.id != outer.speaker.entity.id:
        return False  # "Biden said she believed ...": hers, a second statement
    return (speaker.mention[0] == outer.span[0] and inner.span[1] <= outer.span[1]
            and speaker.mention[0] <= inner.span[0])


def _holds(outer: Quote, inner: Quote) -> bool:
    """True when the outer quote's source reports the inner one: a source that is not a mere
    description, or a described source whose content holds the inner speaker's words ("the
    ministers denied that the two countries had agreed to ...")."""
    if not _described(outer):
        return True
    speaker = inner.speaker
    if outer.shared or outer.speaker is None or speaker is None or inner.span == outer.span \
            or speaker.how != "description":
        return False
    return outer.span[0] <= speaker.mention[0] and speaker.mention[1] <= outer.span[1]


def _short_of_tag(quote: Quote, quotes: list[Quote]) -> Quote:
    """A quote whose content ran on over a wire tag that relays it ("X said it had no
    records ..., | Euromaidan reports"), ended where the relay's content ends."""
    for relay in quotes:
        if relay is quote or not relay.relay or relay.speaker is None or relay.cue is None:
            continue
        end = relay.span[1]
        if relay.span[0] < quote.span[0] < end < quote.span[1] \
                and relay.speaker.mention[0] >= end and relay.cue[1] <= quote.span[1]:
            return replace(quote, span=(quote.span[0], end))
    return quote


def _relayed(outer: Quote, inner: Quote, text: str) -> bool:
    """True for a relay of another speaker's statement: "According to TASS, Meta's lawyer,
    Victoria Shagina had said that ...", "The mayor said ..., AFP reported", "Speaking
    after the meeting, Ederer said ..., Tass reported", "“...,” he said in an address,
    Reuters reported": the statement is Shagina's, the mayor's, Ederer's, his (see
    ``Quote.relay``)."""
    speaker = inner.speaker
    if outer is inner or not outer.relay or speaker is None or inner.cue is None or \
            speaker.how is None or inner.stance or inner.view is not None:
        return False  # "In a poll, 54 percent backed the toll": the poll's finding
    (start, end), (ms, me) = outer.span, speaker.mention
    if not (start <= ms and inner.cue[1] <= end and inner.span[1] <= end):
        return False
    if inner.span[1] <= ms:  # the quotation first: "“...,” he said ..., Reuters reported"
        return inner.span[0] - start <= 1
    lead = text[start:ms]  # nothing, or an opening adjunct: "Speaking after the meeting, "
    if lead and (not lead.rstrip().endswith(",") or _QUOTE_MARKS.search(lead)):
        return False
    # the speaker's own phrase up to the cue ("The European Union Agency | for Law
    # Enforcement Cooperation | said"), not a statement of the relay's ("X “condemns” Y,
    # adding ...")
    between = text[me:inner.cue[0]]
    return inner.span[1] == end and inner.span[0] > start and (
        len(between) <= MAX_RELAY_GAP
        or (len(between) <= MAX_RELAY_PHRASE and not _PHRASE_BREAKS.search(between)))


def _described(quote: Quote) -> bool:
    """True for a quote whose source is unsure inside another quote's content: a mere
    description ("intelligence suggested ...") or a subject borrowed from another verb."""
    return quote.shared or quote.speaker is None or quote.speaker.how in (None, "description")


def link_introductions(quotes: list[Quote], text: str, roles: frozenset[str]) -> None:
    """Name a source introduced by a description in the next paragraph's speaker.

    "A former head of the British army accused leaders of ..." then "Gen Lord
    Richards said ...": a past role with an indefinite article introduces the
    person named right after it, when that person is first mentioned there. In
    the opening paragraphs any indefinite description does ("A senior energy
    official has warned ..."), when the person is named with a role ("Klaus
    Müller, the head of the network agency, said") and the genders agree.
    A definite role description is named by the next quote's speaker in the same
    paragraph (``_link_definite``).
    """
    for i, quote in enumerate(quotes):
        speaker = quote.speaker
        if speaker is None or speaker.how != "description" or speaker.entity is None:
            continue
        words = text[speaker.mention[0]:speaker.mention[1]].lower().split()
        if words and words[0] == "the":
            _link_definite(quotes, i, text, roles)
            continue
        if not words or words[0] not in ("a", "an"):
            continue
        past = any(w in PAST_MARKERS or w.startswith("ex-") for w in words)
        if quote.paragraph > LEDE_PARAGRAPHS and not past:
            continue
        for later in quotes[i + 1:]:
            if later.paragraph > quote.paragraph + 1:
                break
            named = later.speaker
            if named is None or named.entity is None or named.entity is speaker.entity:
                continue
            person = named.entity
            mention = text[named.mention[0]:named.mention[1]].lower().replace(",", " ").split()
            if person.kind == "person" and named.how in ("name", "surname", "title",
                                                         "gazetteer") and min(
                    person.mentions)[0] > speaker.mention[1] and _same_gender(
                    speaker.entity, person) and (past or any(w in roles for w in mention)):
                quote.speaker = Speaker(speaker.mention, person, "cataphora")
                person.mention(speaker.mention)
            break


#: Pronouns of a person, with the gender they carry.
_PERSON_PRONOUNS = {"he": "m", "she": "f"}


def link_lede_pronouns(quotes: list[Quote], entities: list[Entity], text: str,
                       gender_of: Callable[[Entity], str | None]) -> None:
    """"he" or "she" in a lede that describes someone before it names them ("A former
    state TV journalist ... was found guilty, after she told a court that the charge was
    absurd. | Marina Ovsyannikova defiantly repeated her protest"): with no person named
    before it, the pronoun is the first person named after it, in the same or the next
    paragraph, when the gender fits."""
    people = sorted((e for e in entities if e.kind == "person" and e.mentions
                     and not e.described), key=lambda e: min(s for s, _ in e.mentions))
    if not people:
        return
    first = people[0]
    named_at = min(s for s, _ in first.mentions)
    gender = gender_of(first)
    for quote in quotes:
        speaker = quote.speaker
        if speaker is None or speaker.entity is not None or quote.paragraph > LEDE_PARAGRAPHS:
            continue
        start, end = speaker.mention
        word = _PERSON_PRONOUNS.get(text[start:end].lower())
        if word is None or named_at <= start or text.count(PARAGRAPH_SEPARATOR, end, named_at) > 1 \
                or gender not in (None, word):
            continue
        first.mention(speaker.mention)
        quote.speaker = Speaker(speaker.mention, first, "cataphora")


def _link_definite(quotes: list[Quote], i: int, text: str, roles: frozenset[str]) -> None:
    """"Russia is attempting to repeat the Holodomor, the head of the office of the
    Ukrainian president has said. ... Andriy Yermak, Volodymyr Zelenskiy's office head,
    said": a definite role description that resolved to no one is the person who
    speaks next in the same paragraph, named there for the first time, when

    - the name carries the description's role word (as Yermak's does);
    - or, in the very next sentence, the name stands alone ("Mass kidnappings have been
      occurring in Melitopol, the mayor of the city said. “More than 500 people have
      been abducted ...,” Ivan Fedorov said") and the article and the gazetteer give
      the person no other role: a writer who brings in someone new says who they are,
      so "local resident Olga Petrenko" and "Dr Chaand Nagar of the medical
      association" are someone else (a title such as "Dr" or "Gen" says nothing);
    - or the gazetteer knows the person in an office the description's role word names
      (a mayor, or a head for "the leader"), and the description names its place ("The
      leader of the self-proclaimed republic of Luhansk ... Leonid Pasechnik") or the
      name stands alone in the next sentence.

    A description of another holder of the office ("the Russian-installed mayor", "the
    former mayor", "the deputy mayor") links no one."""
    quote = quotes[i]
    speaker = quote.speaker
    assert speaker is not None and speaker.entity is not None
    described = text[speaker.mention[0]:speaker.mention[1]]
    words = set(re.split(r"[\s,\-–]+", described.lower()))
    role = words & roles
    if not role or words & _OTHER_HOLDER:
        return
    later = next((q for q in quotes[i + 1:] if q.speaker is None or q.speaker.entity
                  is not speaker.entity), None)
    if later is None or later.paragraph != quote.paragraph or later.speaker is None:
        return
    named = later.speaker
    person = named.entity
    if person is None or person.kind != "person" or named.how not in ("name", "title") or min(
            person.mentions)[0] < speaker.mention[1] or not _same_gender(speaker.entity,
                                                                         person):
        return
    name = text[named.mention[0]:named.mention[1]]
    alone = named.how == "name" and _bare_name(name) and not _described_after(
        text, named.mention) and _next_sentence(text, quote.span[1], later.span[0])
    if set(name.lower().replace(",", " ").split()) & role:
        linked = True
    elif not person.known:
        linked = alone and not (person.role and set(person.role.lower().split()) & roles)
    else:
        linked = _office_fits(role, person.role) and (
            alone or _names_in_role(speaker.mention, text, person.role))
    if linked:
        quote.speaker = Speaker(speaker.mention, person, "cataphora")
        person.mention(speaker.mention)


#: Words of a description that point to another holder of the office than the one
#: the gazetteer knows: "the Russian-installed mayor of Melitopol", "the former mayor".
_OTHER_HOLDER = frozenset({"installed", "appointed", "former", "ex", "deputy", "acting",
                           "first", "vice"})
#: Role words that all mean the head of a body ("the leader of the republic" is its Head).
_HEADS = frozenset({"head", "leader", "chief", "boss"})


def _office_fits(role: set[str], title: str | None) -> bool:
    """True when a description's role word names the gazetteer's office ("mayor" and
    "Mayor of Melitopol"; "leader" and "Head of the Luhansk People's Republic")."""
    if not title:
        return False
    words = set(title.lower().split())
    return bool(role & words) or bool(role & _HEADS and words & _HEADS)


def _bare_name(mention: str) -> bool:
    """True for a mention that is only a name, maybe with titles ("Gen Sir Patrick
    Sanders"), not "local resident Olga Petrenko"."""
    return all(w[:1].isupper() for w in mention.replace(",", " ").split())


def _next_sentence(text: str, start: int, end: int) -> bool:
    """True when at most one sentence ends between ``start`` and ``end``."""
    return len(re.findall(r"[.!?][\"”’']?\s", text[start:end])) <= 1


#: What follows a name that says who the person is: "Dr Chaand Nagar of the medical
#: association", "Ivan Petrov, 45, a teacher".
_DESCRIBED_AFTER = (" of ", " from ", " at ", " with ", ", ")


def _described_after(text: str, mention: tuple[int, int]) -> bool:
    """True when words after the name, in its mention or right after it, describe the
    person."""
    start, end = mention
    return any(w in text[start:end] for w in _DESCRIBED_AFTER) or text[
        end:end + 4].lower().startswith(_DESCRIBED_AFTER)


def _names_in_role(mention: tuple[int, int], text: str, role: str | None) -> bool:
    """True when a description names a place or body of the role the gazetteer gives the
    person ("The leader of the pro-Moscow self-proclaimed republic of Luhansk" and "Head
    of the Luhansk People's Republic"): a capitalised word of the description after its
    first that the role title holds too."""
    if not role:
        return False
    title = {w.strip(",.'’s").lower() for w in role.split()}
    words = text[mention[0]:mention[1]].split()[1:]
    return any(w[:1].isupper() and w.strip(",.'’s").lower() in title for w in words)


def state_for_its_organ(quotes: list[Quote], gazetteer: GazetteerLike) -> None:
    """A state speaking right after one of its institutions is that institution again:
    "Britain's defence ministry said ... Britain further said ..." (the ministry), "Russia's
    defence ministry said ... Russia also claimed ...". Only when the quote before, in the
    same or the previous paragraph, is the institution's."""
    for before, quote in pairwise(quotes):
        speaker, organ = quote.speaker, before.speaker
        if speaker is None or organ is None or speaker.entity is None or organ.entity is None:
            continue
        if speaker.entity.kind != "state" or organ.entity.kind != "organisation" or (
                quote.paragraph - before.paragraph > 1):
            continue
        actor = gazetteer.get(organ.entity.id)
        code = gazetteer.country(speaker.entity.name)
        if actor is not None and code is not None and actor.country == code:
            quote.speaker = Speaker(speaker.mention, organ.entity, "metonym")
            organ.entity.mention(speaker.mention)


def _same_gender(a: Entity, b: Entity) -> bool:
    return a.gender is None or b.gender is None or a.gender == b.gender


def referenced(entities: list[Entity], quotes: list[Quote]) -> list[Entity]:
    """The entities to list: every named actor, and described sources that still speak."""
    speaking: set[str] = set()
    for quote in quotes:
        if quote.speaker is not None and quote.speaker.entity is not None:
            speaking.add(quote.speaker.entity.id)
            speaking.update(quote.speaker.entity.members)
    return [e for e in entities if not e.described or e.id in speaking]
