"""Attribution of one article: quotes with resolved speakers, and the actors named.

Two passes over the parsed paragraphs, no second parse:

1. names     every full personal name, with the roles written beside it
             ("Foreign Secretary Liz Truss", "the governor of Luhansk, Serhiy
             Haidai"), so that a surname or role before the full name resolves;
2. reading   paragraph by paragraph, in order: named entities are noted, cues
             and quotations found, and sentence subjects and quote speakers are
             resolved in text order, so that pronouns and continuation
             paragraphs see what a reader has seen by then.

The result follows the output contract (``entities`` and ``quotes``, with
``views`` beside them: stances, intentions and unsourced statements); every
span is a pair of character offsets into ``Article.text``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sitroom.attribution.content import FINITE
from sitroom.attribution.cues import Cue, find_cues
from sitroom.attribution.interview import Layout, first_person_token, qa_layout
from sitroom.attribution.lexicon import Lexicon, lexicon, verb_lemma
from sitroom.attribution.marks import Segment, find_segments
from sitroom.attribution.mentions import (
    Named,
    appositive_people,
    honorific_surnames,
    more_people,
    named_spans,
    role_context,
    with_titles,
    words_of,
)
from sitroom.attribution.names import person_name, role_key
from sitroom.attribution.ports import GazetteerLike, default_gazetteer
from sitroom.attribution.quotes import Found, paragraph_quotes
from sitroom.attribution.records import (
    Quote,
    Speaker,
    drop_nested,
    link_introductions,
    link_lede_pronouns,
    referenced,
    state_for_its_organ,
)
from sitroom.attribution.registry import Entity, Registry
from sitroom.attribution.resolve import Resolver
from sitroom.attribution.sources import issued_from, noun_phrase, owner_of
from sitroom.attribution.speakers import described_kind, speaker_kind
from sitroom.models import Article
from sitroom.nlp import Paragraph, parse


@dataclass(slots=True)
class Attribution:
    """The ``entities``, ``quotes`` and ``views`` of one article, in the contract's shapes.

    ``quotes`` are statements: what someone said, wrote, found or believes. ``views``
    are the other attributions, kept apart so that "who said what" stays statements:
    stances and intentions with no proposition ("Industry bosses welcomed the move",
    "Ukraine hopes to bring forward weapons"), topics ("talked about his work") and
    statements with no named source ("The deal is expected to ..."). Both have the same
    shape; a view has a "view" key.
    """

    entities: list[dict[str, Any]] = field(default_factory=list)
    quotes: list[dict[str, Any]] = field(default_factory=list)
    views: list[dict[str, Any]] = field(default_factory=list)

    def attributions(self) -> list[dict[str, Any]]:
        """Statements and views together, in text order (what PolNeAR calls attributions)."""
        return sorted([*self.quotes, *self.views], key=lambda q: tuple(q["span"]))


@dataclass(slots=True)
class _Part:
    """One paragraph with what is read from it once."""

    par: Paragraph
    named: list[Named]
    segments: list[Segment]


def attribute(article: Article, *, outlet: str | None = None,
              gazetteer: GazetteerLike | None = None,
              paragraphs: list[Paragraph] | None = None) -> Attribution:
    """Find who said what in an article, with speakers resolved to canonical actors.

    Args:
        article: the clean article; ``article.published`` dates role lookups
            ("the Prime Minister" in February 2022 is Boris Johnson).
        outlet: the outlet's name ("LBC"): its country is where an unqualified
            role ("the Prime Minister") is looked up.
        gazetteer: the actor gazetteer; the package's own by default.
        paragraphs: the article's parse, when a caller already has it.

    Returns:
        The article's entities, quotes and views (see DESIGN.md, output contract, and
        docs/records.md).

    Raises:
        ModelNotInstalled: no spaCy English model is installed.
    """
    lex = lexicon()
    gaz = gazetteer if gazetteer is not None else default_gazetteer()
    country = gaz.outlet_country(outlet) if outlet else None
    registry = Registry(gaz, _date(article.published))
    resolver = Resolver(registry, lex, gaz, country)
    parsed = paragraphs if paragraphs is not None else parse(article.text)
    surnames: set[str] = set()
    for par in parsed:
        surnames |= honorific_surnames(par.doc)
    parts = [_Part(p, more_people(p.doc, appositive_people(p.doc, named_spans(p.doc), lex), lex,
                                  surnames), find_segments(p.text)) for p in parsed]
    for part in parts:  # 1
        _learn_names(resolver, part, lex)
    quotes: list[Quote] = []
    for part in parts:  # 2
        _note_entities(resolver, part)
        last = quotes[-1] if quotes else None
        continues = last is not None and last.paragraph == part.par.index - 1
        cues = find_cues(part.par.doc, part.segments, lex)
        found = paragraph_quotes(part.par.doc, part.segments, cues, lex, continues=continues,
                                 title=part.par.index == 0)
        quotes.extend(_read(resolver, part, found, last, lex))
    text = article.text
    link_lede_pronouns(quotes, registry.entities(), text, resolver.gender_of)
    kept = drop_nested(quotes, text)
    link_introductions(kept, text, lex.roles)
    state_for_its_organ(kept, gaz)
    kept = _answers(kept, parsed, article.title, registry, gaz)
    statements = [q for q in kept if q.view is None]
    views = [q for q in kept if q.view is not None]
    return Attribution(
        entities=[e.to_dict() for e in referenced(registry.entities(), kept)],
        quotes=[q.to_dict(f"q{i}", text) for i, q in enumerate(statements, 1)],
        views=[q.to_dict(f"v{i}", text) for i, q in enumerate(views, 1)],
    )


def _answers(quotes: list[Quote], parsed: list[Paragraph], title: str | None,
             registry: Registry, gaz: GazetteerLike) -> list[Quote]:
    """In a Q&A interview, each answer paragraph is one direct statement of the
    interviewee, in place of whatever the other rules read there (see ``interview``)."""
    layout = qa_layout([p.text for p in parsed])
    if layout is None:
        return quotes
    person = _interviewee(layout, parsed, title, registry, gaz)
    if person is None:
        return quotes
    answers = set(layout.answers)
    kept = [q for q in quotes if q.paragraph not in answers]
    for par in parsed:
        if par.index not in answers:
            continue
        start, end = par.start, par.start + len(par.text.rstrip())
        own = first_person_token(par.doc)
        mention = (start, start)  # no word of the answer names the interviewee
        if own is not None:  # "I", "we": the interviewee's own word for themselves
            mention = (par.start + own.idx, par.start + own.idx + len(own.text))
            person.mention(mention)
        kept.append(Quote(kind="direct", span=(start, end),
                          speaker=Speaker(mention, person, "interview"), cue=None,
                          paragraph=par.index, via="interview", parts=[(start, end)]))
    kept.sort(key=lambda q: (q.span[0], -q.span[1]))  # text order, as drop_nested keeps it
    return kept


def _interviewee(layout: Layout, parsed: list[Paragraph], title: str | None,
                 registry: Registry, gaz: GazetteerLike) -> Entity | None:
    """The one person named before the first question, else the one person of the title
    whom the gazetteer knows by surname on the article's date (a possessive is none)."""
    intro = [(p.start, p.start + len(p.text)) for p in parsed if p.index in layout.intro]
    named = {e.id: e for e in registry.entities() if e.kind == "person" and not e.described
             and any(lo <= m[0] < hi for m in e.mentions for lo, hi in intro)}
    if len(named) == 1:
        return next(iter(named.values()))
    if named or not title:
        return None
    found = {a.id: a for word in re.findall(r"[A-Z][\w'’-]+", title)
             if not re.search(r"['’]s$", word)  # "Trump's G.O.P." is no one interviewed
             for a in gaz.by_surname(word, when=registry.when) if a.kind == "person"}
    return registry.from_actor(next(iter(found.values()))) if len(found) == 1 else None


def _read(resolver: Resolver, part: _Part, found: list[Found], last: Quote | None,
          lex: Lexicon) -> list[Quote]:
    """Resolve the subjects and speakers of one paragraph in text order, into quotes."""
    doc = part.par.doc
    base = part.par.start
    events: list[tuple[int, int, Any]] = []
    for sent in doc.sents:
        for subject in _subjects(sent, part.segments):
            events.append((subject.idx, 0, subject))
        for subject in _content_subjects(sent, part.segments):
            events.append((subject.idx, 2, subject))
    for k, item in enumerate(found):
        if item.cue is not None and item.cue.speaker is not None and item.via != "paragraph":
            events.append((doc[item.cue.speaker[0]].idx, 1, k))
    events.sort(key=lambda e: (e[0], e[1] == 1))
    speakers: list[Speaker | None] = [None] * len(found)
    ownerless: set[int] = set()  # "Graphic images from the scene show ...": no one's words
    for _, what, payload in events:
        if what in (0, 2):
            lo, hi = noun_phrase(payload)
            resolver.resolve(doc, lo, hi, part.named, base, speaker=False, salient=what == 0)
            continue
        cue = found[payload].cue
        assert cue is not None and cue.speaker is not None
        lo, hi = cue.speaker
        kind = speaker_kind(doc, lo, hi, lex, relative=cue.relative is not None)
        if kind == "none":
            continue  # "week's", "what it calls a", "the dispute": no speaker
        entity: Entity | None = None
        how: str | None = "description"  # "the video showed": a source, but no actor
        if kind == "medium":  # "Check Point's report said": the report's owner speaks
            root = doc[lo:hi].root
            entity, how = _owner(resolver, part, root, entity, how)
            medium = root.lemma_.lower()
            if entity is not None:
                resolver.media_owners[medium] = entity
            elif doc[lo].lower_ == "the" and medium in resolver.media_owners and not any(
                    t.pos_ == "PROPN" or t.ent_type_ in ("NORP", "GPE", "ORG")
                    for t in doc[lo:hi]):  # not "the Russian report"
                # "The report said" after "a report by Amnesty International": Amnesty's
                entity, how = resolver.media_owners[medium], "definite"
            if owner_of(root) is None and medium in lex.visual:
                ownerless.add(payload)
        if kind == "actor":
            res = resolver.resolve(doc, lo, hi, part.named, base, speaker=True)
            entity, how = res.entity, res.how
            if entity is not None and how != "description":
                for medium in _issued(doc[cue.verb], lex):  # "said in a statement"
                    resolver.media_owners[medium] = entity
            if how == "description":
                kind = described_kind(doc, lo, hi, lex)
                if kind == "none":
                    continue
                if kind == "medium":
                    entity = None  # "the organisation said", none named before
        if cue.relative is not None:  # "who said": the pronoun names, its antecedent resolves
            lo, hi = cue.relative, cue.relative + 1
        mention = (base + doc[lo].idx, base + doc[hi - 1].idx + len(doc[hi - 1].text))
        speakers[payload] = Speaker(mention, entity, how)
    out: list[Quote] = []
    for k, item in enumerate(found):
        cue_span = _cue_span(doc, base, item.cue) if item.cue is not None else None
        if item.via == "continuation":
            if last is None:
                continue
            speaker = last.speaker.carried() if last.speaker is not None else None
            cue_span = last.cue
        elif item.via == "paragraph" and item.inherit is not None:
            source = speakers[item.inherit]
            speaker = source.carried() if source is not None else None
            carrier = found[item.inherit].cue  # the cue of the statement it carries on
            cue_span = _cue_span(doc, base, carrier) if carrier is not None else None
        else:
            speaker = speakers[k]
        if item.via == "headline-bare" and (speaker is None or speaker.entity is None
                                            or speaker.entity.kind != "person"):
            continue  # "Ukraine war: what we know" is no statement
        speakers[k] = speaker
        hedges = _hedges(doc, item.cue, lex) if item.cue is not None else []
        view = _view(doc, item, lex)
        if view in (None, "stance") and k in ownerless and item.cue is not None and \
                verb_lemma(doc[item.cue.verb], lex.cue_verbs) not in lex.speech:
            view = "evidence"  # "the video showed", "images show": what a medium shows
        parts = [(base + g.inner_start, base + g.inner_end) for g in item.segments]
        out.append(Quote(kind=item.kind, span=(base + item.start, base + item.end),
                         speaker=speaker, cue=cue_span, paragraph=part.par.index, via=item.via,
                         hedges=hedges, parts=parts if item.kind == "direct" else [],
                         shared=item.cue is not None and item.cue.shared
                         and item.via == "cue",
                         stance=item.via == "cue" and item.cue is not None
                         and not item.cue.phrase and _stance(doc[item.cue.verb], lex),
                         relay=_relay(doc, item, lex), view=view))
    return out


def _issued(verb: Any, lex: Lexicon) -> list[str]:
    """The documents a speaker speaks in ("the ministry said in a statement", "wrote in a
    report"), whose later "the statement said" is the speaker's."""
    return [obj.lemma_.lower() for prep in verb.children
            if prep.dep_ == "prep" and prep.lower_ == "in"
            for obj in prep.children if obj.dep_ == "pobj" and lex.media & {
                obj.lemma_.lower(), obj.lower_}]


def _owner(resolver: Resolver, part: _Part, medium: Any, entity: Entity | None,
           how: str | None) -> tuple[Entity | None, str | None]:
    """The actor whose document or medium speaks ("Check Point's report", "its
    statement", "a tweet by the Ministry of Defence"), when the possessor or the "by"
    agent resolves to a named actor, or a "from" agent to a body the gazetteer knows
    ("reports from RIA Novosti", not "a report from Kharkiv"); else what was given."""
    owner = owner_of(medium)
    issuer = owner is None
    owner = issued_from(medium) if owner is None else owner
    if owner is None:
        return entity, how
    lo, hi = noun_phrase(owner)
    while hi - 1 > lo and owner.doc[hi - 1].dep_ == "case":
        hi -= 1
    found = resolver.resolve(owner.doc, lo, hi, part.named, part.par.start,
                             speaker=owner.pos_ == "PROPN" and not issuer)
    if found.entity is None or (found.how == "description" and owner.pos_ != "PROPN"):
        return entity, how  # "the government's report" names no one; "Harbour Analytics'" does
    if issuer and (not found.entity.known or found.entity.kind == "state"):
        return entity, how  # "a report from Kharkiv" says where, not who
    return found.entity, found.how


def _relay(doc: Any, item: Found, lex: Lexicon) -> bool:
    """True for a cue that passes a report on (see ``Quote.relay``)."""
    cue = item.cue
    if cue is None or item.via != "cue":
        return False
    if cue.phrase:
        return cue.relay  # "according to X", not "X is confident that" nor "X's claim that"
    verb = doc[cue.verb]
    if any(_reported_participle(c, lex) for c in verb.children if c.i > verb.i):
        return True  # "Reuters reported him adding that ...": his statement, passed on
    if any(c.dep_ == "prep" and c.lower_ == "as" and any(
            g.dep_ == "pcomp" and g.tag_ == "VBG" for g in c.children) for c in verb.children):
        return True  # "TASS cited Peskov as saying ...": Peskov's statement
    return bool(verb.lemma_.lower() == "report" and cue.content is not None
                and verb.idx >= cue.content[1])


def _reported_participle(clause: Any, lex: Lexicon) -> bool:
    """"him adding that ..." under "Reuters reported": a participle of saying with its own
    subject and no auxiliary ("were threatening" is a finite clause, no relay)."""
    return bool(clause.dep_ in ("ccomp", "xcomp") and clause.tag_ == "VBG"
                and verb_lemma(clause, lex.cue_verbs) in lex.speech
                and not any(g.dep_ in ("aux", "auxpass") for g in clause.children)
                and any(g.dep_ == "nsubj" and g.i < clause.i for g in clause.children))


def _view(doc: Any, item: Found, lex: Lexicon) -> str | None:
    """Why a found attribution is a view rather than a statement (see ``Quote.view``).

    A statement without a named source is "unsourced". Unquoted content that is no
    clause (an object, an infinitive, a gerund), under a cue that is no verb of
    saying ("welcomed the move", "backed the bill", "hopes to win", "pointed to the
    closure"), is a "stance". Verbs of saying stay statements whatever their content
    ("accused leaders of ...", "called on residents to leave"), as do clauses under
    verbs of thinking ("hopes that ..."), views of what something is ("sees the toll
    as a tax") and anything quoted."""
    cue = item.cue
    if cue is None or item.via != "cue":
        return None
    if cue.unsourced:
        return "unsourced"
    if item.kind != "indirect" or cue.content is None:
        return None
    if cue.phrase:  # "plans by Nancy Pelosi to visit", "X's decision to re-engage": intentions
        noun = doc[cue.verb]
        opens = doc.char_span(*cue.content, alignment_mode="expand")
        return "stance" if noun.pos_ == "NOUN" and noun.lemma_.lower() in lex.intention_nouns \
            and opens is not None and len(opens) and opens[0].lower_ == "to" else None
    verb = doc[cue.verb]
    lemma = verb_lemma(verb, lex.cue_verbs)
    if lemma in lex.topic:
        return "topic"  # "talked about his work": what was spoken about, not what was said
    if lemma in lex.speech or _clause(doc, cue.content):
        return None
    if any(c.dep_ == "prep" and c.lower_ == "as" for c in verb.children):
        return None  # "was seen by the engineers as a danger": a view of what it is
    return "stance"


def _clause(doc: Any, span: tuple[int, int]) -> bool:
    """True when the content span holds a clause at its top: a verb with a subject or a
    finite verb ("the war would continue"), or an object with what it is seen as ("the
    vote as a rebellion"); not an object or infinitive alone ("the move", "to bring
    forward weapons")."""
    start, end = span
    inside = [t for t in doc if start <= t.idx < end]
    tops = [t for t in inside if not start <= t.head.idx < end or t.head.i == t.i]
    return any(t.tag_ in FINITE or (t.dep_ == "prep" and t.lower_ == "as") or any(
        c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") or (c.dep_ == "prep" and c.lower_ == "as")
        for c in t.children) for t in tops)


def _stance(verb: Any, lex: Lexicon) -> bool:
    """True for a cue verb of intention or stance ("wants to", "backed"), not of saying or
    thinking: inside another statement it is part of what was said."""
    lemma = verb_lemma(verb, lex.cue_verbs)
    return lemma not in lex.speech and lemma not in lex.thought


def _cue_span(doc: Any, base: int, cue: Cue) -> tuple[int, int]:
    first, last = doc[cue.cue[0]], doc[cue.cue[1] - 1]
    return base + first.idx, base + last.idx + len(last.text)


def _hedges(doc: Any, cue: Cue, lex: Lexicon) -> list[str]:
    """Hedge words that modify the cue verb ("reportedly said")."""
    verb = doc[cue.verb]
    return [c.lower_ for c in verb.children if c.lower_ in lex.hedge_words]


def _subjects(sent: Any, segments: list[Segment]) -> list[Any]:
    """The subjects of a sentence's main verbs, outside quotations; a root noun whose
    main verb the parse hung on it as a participle is one ("The EU foreign affairs
    chief, Josep Borrell, hit back by saying ...")."""
    root = sent.root
    verbs = [root, *(t for t in root.children if t.dep_ == "conj")]
    out = []
    if root.pos_ in ("NOUN", "PROPN") and any(
            c.dep_ == "acl" and c.tag_ in ("VBD", "VBN") and c.i > root.i
            for c in root.children) and not any(
            s.inner_start <= root.idx < s.inner_end for s in segments):
        out.append(root)
    for verb in verbs:
        for child in verb.children:
            if child.dep_ == "nsubj" and not any(
                    s.inner_start <= child.idx < s.inner_end for s in segments):
                out.append(child)
    if root.pos_ in ("VERB", "AUX") and not any(
            c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in root.children):
        # "On Wednesday, on a trip to Washington, D.C., Olena Zelenska, the wife of ...,
        # became ...": the name the parse hung in apposition to a place is the subject
        doc = sent.doc
        name = next((t for t in sent if sent.start < t.i < root.i and t.ent_iob_ == "B"
                     and t.ent_type_ == "PERSON" and doc[t.i - 1].text == ","), None)
        if name is not None:
            last = name
            while last.i + 1 < root.i and doc[last.i + 1].ent_iob_ == "I":
                last = doc[last.i + 1]
            out.append(last)
    return out


def _content_subjects(sent: Any, segments: list[Segment]) -> list[Any]:
    """The subjects of a content clause before its cue ("One of Germany's largest energy
    providers, Uniper, has used up a credit line, it said") and of adverbial clauses
    ("while earlier on Tuesday Russia's foreign ministry summoned the EU ambassador"),
    outside quotations: a pronoun or "the ministry" after them takes them up only when
    nothing else fits."""
    root = sent.root
    return [child for clause in root.children if (clause.dep_ == "ccomp" and clause.i < root.i)
            or clause.dep_ == "advcl"  # "..., while Russia's foreign ministry summoned ..."
            for child in clause.children if child.dep_ == "nsubj" and not any(
                s.inner_start <= child.idx < s.inner_end for s in segments)]


def _learn_names(resolver: Resolver, part: _Part, lex: Lexicon) -> None:
    """Pass 1: register full names and the roles written beside them."""
    doc = part.par.doc
    base = part.par.start
    for named in part.named:
        if named.label != "PERSON":
            continue
        start = with_titles(doc, named.start, lex)
        name = person_name(words_of(doc, start, named.end), lex)
        if name is None or name.full is None or resolver.place_and_country(name, doc,
                                                                            named.end):
            continue
        pos = base + doc[named.start].idx
        entity, _ = resolver.registry.person(name, pos)
        for lo, hi in role_context(doc, named):
            key = role_key([t.text for t in doc[lo:hi]], lex, resolver.gazetteer.country)
            if key is not None:
                resolver.registry.learn_role(key, entity, pos)


def _note_entities(resolver: Resolver, part: _Part) -> None:
    """Pass 2: note each named person, and each organisation and state the gazetteer knows.
    A person named inside a quotation is no antecedent for a later pronoun with no subject
    before it ("“If Putin gets the impression ...,” he said" is not Putin's)."""
    doc = part.par.doc
    base = part.par.start
    for named in part.named:
        if named.label == "PERSON":
            idx = doc[named.start].idx
            quoted = any(s.inner_start <= idx < s.inner_end for s in part.segments)
            resolver.resolve(doc, named.start, named.end, part.named, base, speaker=False,
                             salient=False, antecedent=not quoted)
            continue
        actor = resolver.gazetteer.by_name(doc[named.start:named.end].text)
        if actor is not None:
            last = doc[named.end - 1]
            resolver.registry.from_actor(actor).mention(
                (base + doc[named.start].idx, base + last.idx + len(last.text)))


def _date(published: str | None) -> date | None:
    """The date of an ISO timestamp ("2022-02-15T15:28:00" -> 2022-02-15), or None."""
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None
