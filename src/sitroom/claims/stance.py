"""Stances: which other statements of the article support or dispute a claim.

A statement by another party disputes a claim when it shares the claim's
topic and

- negates or doubts it: a negation scopes over the shared words or direction
  ("it had not yet been verified that units were returning to bases", "we
  have not seen any de-escalation"), or it carries a doubt cue ("no
  evidence", "sceptical");
- asserts the opposite direction of the same crisis topic (the claim says
  troops pull back; the statement says more groups are "brought closer");
- denies it or calls it false, propaganda or a lie.

It supports a claim when it confirms it ("confirmed", "verified"). It
corroborates a claim when it asserts the same proposition on its own (most of
the words, same polarity, or the same direction with a shared word): both
sides report the withdrawal, neither takes a position on the other's words.
A retelling of the claim (a live blog's summary repeating an entry, nearly
word for word) is the same report, not a second source. Without a shared
topic there is no stance: a denial of something else in the same article says
nothing about this claim.
A claimant, or a party of the same state ("Russia" and its defence
ministry), never takes a stance on its own claim.

A statement that points back ("The west calls that a bogus pretext",
"Moscow has denied the allegations", "he believed that assessment was
optimistic", "confirmed Skibitsky's claim") takes its stance on the claim
just before it, whatever its words: the nearest claim of another party, or
of the owner it names (``pointed_claims``); a bare denial ("Russia denies
targeting civilians") disputes the claim just before it in its paragraph
when that claim names the denier and shares words with it; a denial of
responsibility disputes the accusation before it. Under a denying cue a
statement is the denier's claim of the opposite.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache
from typing import Any

from sitroom.attribution.ports import ActorLike
from sitroom.claims.lexicon import ClaimLexicon, Phrase, claim_lexicon
from sitroom.claims.propositions import Statement, accuses
from sitroom.claims.tokens import clause_heads, find_phrases, lemma, negated
from sitroom.claims.topic import NEGATIVE, POSITIVE, Direction, Topic, topic_key
from sitroom.context import ArticleContext, Ref

SUPPORTS, DISPUTES = "supports", "disputes"
#: Another party asserts the same proposition on its own, taking no position on the claim
#: (both sides report the withdrawal): evidence for verification, no endorsement.
CORROBORATES = "corroborates"
#: Common topic words (not names) two statements must share to be about the same
#: thing: "Russia" and "war" alone link every statement of a war report.
MIN_SHARED = 2
#: Common words a same-proposition support must share, and the share of the
#: shorter statement's words they must cover (higher: fewer, safer supports).
MIN_SAME_STRONG = 2
SAME_COVERAGE = 0.6
#: Share of the longer statement's topic words two statements must both hold to be one
#: report told twice (a live blog's summary retelling an entry) rather than two sources.
RETOLD_SHARE = 0.8
#: Paragraphs after a claim in which "denied the claims" may refer to it with no topic word.
DENIAL_REACH = 1
STATE_KIND, PERSON_KIND = "state", "person"
#: Determiners by which a claim noun points back to a claim ("that assessment").
POINTING_DETS = frozenset({"that", "this", "these", "those", "such", "the"})
#: Dependents of a cue whose words may point back ("calls | that a pretext", "denied | it");
#: not its adjuncts ("denied it ..., despite evidence that contradicts these claims").
_CUE_OBJECTS = frozenset({"dobj", "ccomp", "xcomp", "oprd", "attr", "dative", "nsubjpass"})
#: Pronouns that point back to a claim ("calls that a pretext").
POINTING_PRONOUNS = frozenset({"that", "this"})
#: Dependents by which a claim noun says what it is itself ("the allegations of
#: corruption", "the report by Bloomberg that ...", "the position on the border").
_OWN_CONTENT = frozenset({"prep", "acl", "relcl", "ccomp", "appos"})
#: Prepositions that say whose or what a claim is ("the report by Bloomberg", "about").
_ABOUT = frozenset({"by", "about", "of", "on", "into", "over", "that"})
#: Prepositions of an adjunct whose words point elsewhere ("despite evidence that
#: contradicts these claims").
_ASIDE_PREPS = frozenset({"despite", "after", "before", "amid", "following"})
#: Modals that put a confirmation off: "would confirm the figure only after ...".
_DEFERRING = frozenset({"would", "will", "could", "can", "might", "may"})
#: Dependents of a cue verb that hold the proposition it speaks of.
CLAUSE_DEPS = frozenset({"ccomp", "xcomp"})
OBJECT_DEPS = frozenset({"dobj", "nsubjpass", "pobj"})


@dataclass(frozen=True, slots=True)
class Reading:
    """A statement with its topic and the clauses its stance cues govern."""

    statement: Statement
    topic: Topic
    clause_of: dict[int, int]
    """Token index -> index of the head of its clause (``tokens.clause_heads``)."""
    doubt: frozenset[int]
    """Clauses under a doubt cue ("no evidence", "sceptical", "not confirmed")."""
    denial: frozenset[int]
    confirm: frozenset[int]
    names_claim: bool
    """It speaks of "the claims", "reports" or "allegations"."""


@dataclass(frozen=True, slots=True)
class Stance:
    """One statement's stance on a claim, and why."""

    reading: Reading
    stance: str
    reason: str
    """``same``, ``confirms``, ``negation``, ``doubt``, ``opposite`` or ``denial``."""


def read(statement: Statement, topic: Topic, lex: ClaimLexicon) -> Reading:
    """The stance cues of a statement; a hedge phrase ("false flag") is never a denial.
    Under a denying cue the statement's polarity turns: "Russia denied that its troops
    shelled the school" is Russia's claim that they did not."""
    piece = statement.piece
    inside = piece.indices()
    clause_of = clause_heads(piece.tokens, inside)
    hedged = frozenset(t.i for _, ts in find_phrases(piece.tokens, lex.hedge_phrases, lex)
                       for t in ts)

    def clauses(phrases: tuple[Phrase, ...], *, negation: bool | None,
                denial: bool = False) -> frozenset[int]:
        """Clauses of the matches, keeping those whose negation is ``negation`` (None: all)."""
        return frozenset(clause_of[ts[0].i] for _, ts in
                         find_phrases(piece.tokens, phrases, lex, skip=hedged)
                         if (negation is None or negated(ts[0], inside) == negation)
                         and (not denial or _denies_something(ts[0], lex)))

    lies = frozenset(clause_of[t.i] for t in piece.tokens
                     if t.pos_ == "NOUN" and t.lemma_.lower() in lex.denial_nouns)
    cue = _cue_kind(statement.cue, lex)
    everywhere = frozenset(clause_of.values())
    if cue == "denial":  # "Russia denied that its troops shelled the school": Russia says not
        topic = replace(topic, polarity=POSITIVE if topic.polarity == NEGATIVE else NEGATIVE)
    return Reading(
        statement=statement, topic=topic, clause_of=clause_of,
        doubt=clauses(lex.doubt, negation=None) | clauses(lex.confirm, negation=True)
        | (everywhere if cue == "doubt" else frozenset()),
        denial=clauses(lex.denial, negation=False, denial=True) | lies
        | (everywhere if cue == "denial" else frozenset()),
        confirm=clauses(lex.confirm, negation=False)
        | (everywhere if cue == "confirm" else frozenset()),
        names_claim=any(t.lemma_.lower() in lex.claim_nouns for t in _in_context(statement)))


def _says_what(reading: Reading, lex: ClaimLexicon) -> bool:
    """Whether the claim nouns of a statement say what they are ("the allegations of
    corruption against the minister"): then one shared word does not tie it to a claim."""
    return any(_own_content(c) for t in reading.statement.piece.tokens
               if lemma(t, lex) in lex.claim_nouns for c in t.children)


def _denies_something(token: Any, lex: ClaimLexicon) -> bool:
    """A cue verb must govern a clause or a claim: "denied that ...", "dismissed the claims".

    "were denied visas" or "denied responsibility" dispute no proposition;
    adjectives and nouns ("false", "propaganda") stand on their own, unless a noun only
    names a kind of thing ("disinformation campaigns", "propaganda outlets").
    """
    if token.dep_ == "compound":
        return False
    if token.pos_ != "VERB":
        return True
    return any(c.dep_ in CLAUSE_DEPS or (c.dep_ in OBJECT_DEPS and lemma(c, lex) in
                                          lex.claim_nouns) for c in token.children)


def _cue_kind(cue: Any | None, lex: ClaimLexicon) -> str | None:
    """What a quote's cue verb says of its content: "confirmed" / "denied" / "doubted that".

    The cue governs the whole quote; a negated confirmation ("did not
    confirm") is doubt, a negated denial none.
    """
    if cue is None:
        return None
    neg = _negated_in_sentence(cue)
    if _is_word(cue, lex.confirm, lex):
        return "doubt" if neg else "confirm"
    if not neg and _is_word(cue, lex.denial, lex) and _denies_something(cue, lex):
        return "denial"
    if _is_word(cue, lex.doubt, lex):
        return "doubt"
    return None


def _is_word(token: Any, phrases: tuple[Phrase, ...], lex: ClaimLexicon) -> bool:
    """Whether a token (its form or lemma) is one of the one-word entries of a list."""
    words = _single_words(phrases)
    return token.lower_ in words or lemma(token, lex) in words


@cache
def _single_words(phrases: tuple[Phrase, ...]) -> frozenset[str]:
    """The one-word entries of a phrase list (the lists are the lexicon's, loaded once)."""
    return frozenset(p[0] for p in phrases if len(p) == 1)


def _negated_in_sentence(token: Any) -> bool:
    """Whether a negation scopes over a token anywhere in its sentence."""
    return token is not None and negated(token, frozenset(t.i for t in token.sent))


def stance_of(claim: Reading, other: Reading) -> tuple[str, str] | None:
    """``(stance, reason)`` of ``other`` on ``claim``, or None when it takes none.

    A cue counts only over the clause it governs: in "we have not seen any
    de-escalation, but we will monitor the signs", "not seen any" says nothing
    about the signs.
    """
    ct, ot = claim.topic, other.topic
    shared = set(ct.asserted) & set(ot.asserted)
    strong = shared & ct.strong & ot.strong
    linked = len(strong) >= MIN_SHARED
    topics = {d.topic for d in ct.directions}
    at = [i for k, i in ot.at if k in strong] + [
        i for d in ot.directions if d.topic in topics for i in d.at]

    def cued(clauses: frozenset[int]) -> bool:
        return any(other.clause_of[i] in clauses for i in at)

    by_direction = direction_stance(ct.directions, _doubted(other))
    if (cued(other.denial) and (linked or by_direction)) or (
            other.denial and other.names_claim and _near(claim, other)
            and (len(strong) >= (MIN_SHARED if _says_what(other, claim_lexicon()) else 1)
                 or _names_claimant(claim, other))):
        return DISPUTES, "denial"
    if by_direction is not None and by_direction[0] == DISPUTES and (
            strong or by_direction[1] != "opposite"):
        # "brought closer to the border" against "returning to bases" shares the troops
        # and the border; a Russian advance is no answer to a Ukrainian withdrawal
        return by_direction
    if by_direction is not None:
        if not strong:
            return None
        return (SUPPORTS, "confirms") if cued(other.confirm) else (CORROBORATES, "same")
    # Without a shared direction, the other must speak of the claim's predicate:
    # "no evidence that sanctions trigger regime change" is not about a "sanctions regime".
    if not linked or ct.predicate not in shared:
        return None
    if cued(other.doubt):
        return DISPUTES, "doubt"
    if not _same_subject(claim, other):
        return None  # "the spokesperson did not provide details" / "people could provide"
    if ot.predicate in shared and ct.polarity != ot.polarity:
        return DISPUTES, "negation"
    if cued(other.confirm):
        return SUPPORTS, "confirms"
    return (CORROBORATES, "same") if _same(ct, ot, shared, strong) else None


def retold(claim: Reading, other: Reading) -> bool:
    """Whether two statements are one report told twice, nearly word for word (a live
    blog's summary and its entry, "... , the Kyiv Independent reports"): the same source
    once, whoever each is attributed to."""
    first, second = set(claim.topic.keys), set(other.topic.keys)
    return bool(first) and len(first & second) >= RETOLD_SHARE * max(len(first), len(second))


def _same_subject(claim: Reading, other: Reading) -> bool:
    """Whether two statements that share a predicate may say it of the same thing: their
    subjects share a word, or one of them has none or is a pronoun."""
    first, second = _subject_words(claim), _subject_words(other)
    return not first or not second or bool(first & second)


def _subject_words(reading: Reading) -> frozenset[str]:
    """Content lemmas of the subject of a statement's main predicate; empty when it has
    none, or a pronoun ("it", "they": anyone)."""
    predicate = reading.topic.predicate
    piece = reading.statement.piece
    lex = claim_lexicon()
    for token in piece.tokens:  # the key may be a synonym's: "targeting" is "attack"
        if predicate is None or token.pos_ != "VERB" or topic_key(token, lex) != predicate:
            continue
        subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None or subject.pos_ == "PRON":
            return frozenset()
        return frozenset(t.lemma_.lower() for t in subject.subtree
                         if t.pos_ in ("NOUN", "PROPN", "ADJ"))
    return frozenset()


def _doubted(reading: Reading) -> tuple[Direction, ...]:
    """A statement's directions, those under a doubt cue read as negated.

    "no evidence of a pullback" says the pullback is not established: for
    stance it weighs as "there was no pullback".
    """
    return tuple(replace(d, negated=True)
                 if any(reading.clause_of.get(i) in reading.doubt for i in d.at) else d
                 for d in reading.topic.directions)


def _same(ct: Topic, ot: Topic, shared: set[str], strong: set[str]) -> bool:
    """Whether two statements assert one proposition: its predicate and most words shared.

    A claim with a direction is backed only through its direction: "troops
    line the border" shares words with "troops return to bases" but not its sense.
    """
    if ct.directions or ct.polarity != ot.polarity:
        return False
    smaller = min(len(ct.keys), len(ot.keys))
    return len(strong) >= MIN_SAME_STRONG and len(shared) >= SAME_COVERAGE * smaller


def direction_stance(claim: tuple[Direction, ...], other: tuple[Direction, ...]
                     ) -> tuple[str, str] | None:
    """The stance one statement's directions take on a claim's, or None.

    Same direction both asserted (or both negated) corroborates; one side
    asserted and the other negated disputes ("no de-escalation" against "troops
    pull back"); opposite directions both asserted dispute ("brought closer"
    against "returning to bases"). A statement pulling both ways takes none.
    """
    verdicts = [v for c in claim for o in other if c.topic == o.topic
                for v in [_pair(c, o)] if v is not None]
    if len({stance for stance, _ in verdicts}) != 1:
        return None
    return verdicts[0]


def _pair(claim: Direction, other: Direction) -> tuple[str, str] | None:
    same_side = claim.side == other.side
    if claim.negated == other.negated:
        if same_side:
            return CORROBORATES, "same"
        return None if claim.negated else (DISPUTES, "opposite")
    if same_side:
        return DISPUTES, "negation"
    # "no de-escalation" is backed by "a build-up"; "troops pull back" is not
    # disputed by "no build-up".
    return (CORROBORATES, "same") if claim.negated else None


def _leads(person: ActorLike, body: ActorLike, ctx: ArticleContext) -> bool:
    """Whether a person holds, at publication, a role named after a body: the Secretary
    General of NATO speaks for NATO."""
    if person.kind != PERSON_KIND or body.kind == PERSON_KIND:
        return False
    role = person.role_at(ctx.published)
    return role is not None and re.search(
        rf"\b{re.escape(body.name)}\b", role.title, re.IGNORECASE) is not None


def _names_claimant(claim: Reading, other: Reading) -> bool:
    """Whether ``other`` names the claim's claimant ("Amnesty over the report ... false"):
    a denial of "the report" with no word of the claim must say whose report it denies."""
    actor = claim.statement.actor
    if actor is None or not actor.get("name"):
        return False
    name = {w.lower() for w in str(actor["name"]).split() if len(w) > 2}
    return any(t.lower_ in name for t in _in_context(other.statement))


def _in_context(statement: Statement) -> list[Any]:
    """The statement's tokens, with the clause its cue hangs on when the cue is a
    participle: "condemned Amnesty over the report, | saying it drew a false
    equivalence" speaks of Amnesty's report."""
    tokens = list(statement.piece.tokens)
    cue = statement.cue
    if cue is not None and cue.dep_ == "advcl" and cue.tag_ == "VBG":
        own = {t.i for t in cue.subtree}
        tokens.extend(t for t in cue.head.subtree if t.i not in own)
    return tokens


def _near(claim: Reading, other: Reading) -> bool:
    """Whether ``other`` comes in the claim's paragraph or the next few after it."""
    gap = other.statement.piece.par.index - claim.statement.piece.par.index
    return 0 <= gap <= DENIAL_REACH


def same_party(a: Ref | None, b: Ref | None, ctx: ArticleContext) -> bool:
    """Whether two actors speak for one party: the same actor, or a state and its own organs.

    A state's institutions, state media and office holders (with a role in the
    gazetteer at publication) speak for it, and so does the holder of a role
    named after a body for that body (NATO's Secretary General for NATO); two
    persons or two bodies of one country do not make each other one party.
    """
    if a is None or b is None:
        return False
    if a.get("id") == b.get("id"):
        return True
    first, second = ctx.gazetteer.get(str(a.get("id"))), ctx.gazetteer.get(str(b.get("id")))
    if first is None or second is None:
        return False
    if _leads(first, second, ctx) or _leads(second, first, ctx):
        return True
    if not first.country or first.country != second.country:
        return False
    if STATE_KIND not in (first.kind, second.kind):
        return False
    organ = second if first.kind == STATE_KIND else first
    return organ.kind != PERSON_KIND or organ.role_at(ctx.published) is not None


def pointer(reading: Reading, lex: ClaimLexicon) -> Any:
    """The word by which a statement points back to a claim, or None: "that" or "this"
    ("calls that a pretext"), a claim noun with a pointing determiner or an owner ("the
    allegations", "that assessment", "Russian claims") and nothing of its own after it
    ("the allegations of corruption", "the report that Putin was ill" say what they
    are), or "it" as the object of its cue ("denied it")."""
    cue = reading.statement.cue
    around = _with_cue_objects(reading)
    nouns = lex.claim_nouns | lex.pointer_nouns

    def pointing(t: Any) -> bool:
        if t.pos_ == "NOUN" and lemma(t, lex) in nouns:
            return not any(_own_content(c) for c in t.children) and not _content_beside(t) \
                and any(
                (c.dep_ in ("det", "predet") and c.lower_ in POINTING_DETS) or _owning(c)
                for c in t.children)
        if t.lower_ in POINTING_PRONOUNS:  # not "reasons | that | Berlin dismisses"
            return t.dep_ in ("nsubj", "nsubjpass", "dobj", "attr") and t.tag_ != "WDT" \
                and t.head.dep_ != "relcl"
        return t.lower_ == "it" and t.dep_ == "dobj" and cue is not None \
            and t.head.i == cue.i
    return next((t for t in around if pointing(t) and not _aside(t)), None)


def _with_cue_objects(reading: Reading) -> list[Any]:
    """A statement's tokens and its cue's objects, whose words count too: "calls | that |
    a bogus pretext", "denied | it", "rejected | Russian claims that ..."."""
    st = reading.statement
    cue = st.cue
    return list(st.piece.tokens) + ([t for c in cue.children if c.dep_ in _CUE_OBJECTS
                                     for t in c.subtree] if cue is not None else [])


def _own_content(child: Any) -> bool:
    """Whether a dependent of a claim noun says what the claim is ("of corruption", "that
    Putin was ill"); a bare participle does not ("the reasons given")."""
    if child.dep_ == "acl" and child.tag_ == "VBN" and not list(child.children):
        return False
    return child.dep_ in _OWN_CONTENT


def _content_beside(noun: Any) -> bool:
    """Whether the parse hung what a claim noun says on its verb instead ("dismissed the
    report | by Bloomberg | that Putin was ill")."""
    return noun.dep_ == "dobj" and any(
        c.i > noun.i and (c.dep_ == "ccomp" or (
            c.dep_ == "prep" and c.lower_ in _ABOUT
            and not any(g.ent_type_ in ("DATE", "TIME") for g in c.children)))
        for c in noun.head.children)


def _aside(token: Any) -> bool:
    """Whether a word sits in a relative clause or a circumstance, not in what the
    statement says: "denied it, despite evidence that contradicts these claims"."""
    node = token
    for _ in range(12):
        if node.dep_ == "relcl" or (node.dep_ == "prep" and node.lower_ in _ASIDE_PREPS):
            return True
        if node.head.i == node.i:
            return False
        node = node.head
    return False


def points_back(reading: Reading, word: Any, lex: ClaimLexicon) -> tuple[str, str] | None:
    """``(stance, reason)`` of a statement on a claim it points back to by ``word`` (its
    ``pointer``, None when it points nowhere),
    or None: a denial, doubt or belittling word said of it disputes it ("a bogus
    pretext", "that assessment was optimistic"), a confirmation supports it ("the
    Pentagon confirmed the report"). A stance held back ("declined to confirm",
    "neither confirmed nor denied", "would confirm ... only after") or negated ("could
    not confirm the report", "was not an exaggeration") is none."""
    if word is None:
        return None
    st = reading.statement
    sentence = st.cue.sent if st.cue is not None else st.piece.tokens[0].sent
    if any(lemma(t, lex) in lex.withheld for t in sentence):
        return None
    tokens = list(st.piece.tokens)
    belittled = [ts for _, ts in find_phrases(tokens, lex.belittling, lex)
                 if _said_of(ts[-1], word, st.piece.indices(), lex)]
    if (reading.denial and not _negated_in_sentence(st.cue)) or belittled:
        return DISPUTES, "denial"
    doubt = [ts for _, ts in find_phrases(tokens, lex.doubt, lex)]
    if doubt:
        return DISPUTES, "doubt"
    confirms = [t for t in [st.cue, *tokens] if t is not None and t.pos_ == "VERB"
                and _is_word(t, lex.confirm, lex)]
    if confirms and not any(_negated_in_sentence(t)
                            or any(c.lower_ in _DEFERRING for c in t.children)
                            for t in confirms):
        return SUPPORTS, "confirms"
    return None


def _said_of(word: Any, pointer_word: Any, inside: frozenset[int], lex: ClaimLexicon) -> bool:
    """Whether a belittling word is said of the pointer, not of something else: its
    predicate ("that was | a pretext", "calls that | a bogus pretext", "the claims
    were | false") or its own modifier ("bogus claims"), not negated ("was not an
    exaggeration") and not modifying another noun ("a wrong decision")."""
    if negated(word, inside):
        return False
    if word.dep_ == "amod":
        head = word.head
        if head.i == pointer_word.i:
            return True
        if head.dep_ not in ("attr", "oprd", "xcomp", "ccomp", "acomp", "dobj") or negated(
                head, inside):
            return False
        # "a bogus pretext", "a complete fabrication": the noun belittles too
        return lemma(head, lex) in _single_words(lex.belittling) | _single_words(lex.denial)
    return word.dep_ in ("attr", "acomp", "oprd", "xcomp", "ccomp", "dobj", "conj", "ROOT",
                         "appos", "npadvmod")


#: The topic key of the armed forces a direction phrase moves ("troops", "units", "army").
FORCES_KEY = "troop"
#: Possessives by which a speaker names its own side's forces ("its troops", "our units").
_OWN_FORCES = frozenset({"its", "our", "their"})


def different_sides(claim: Reading, other: Reading, ctx: ArticleContext,
                    lex: ClaimLexicon) -> bool:
    """Whether two statements move the forces of different states: "Ukrainian forces had
    withdrawn from the city" and "the advance brings Russian forces closer" are one
    story told from both sides, not opposite claims. True when each names the country of
    the forces it speaks of and the two sets share none."""
    moving = bool(claim.topic.directions) and bool(other.topic.directions)
    first, second = _forces_of(claim, ctx, lex, moving), _forces_of(other, ctx, lex, moving)
    return bool(first) and bool(second) and not first & second


def _forces_of(reading: Reading, ctx: ArticleContext, lex: ClaimLexicon,
               moving: bool) -> frozenset[str]:
    """Country codes of the forces a statement names ("Russian forces", "Ukraine's army",
    "its troops" or "our units" in the words of a state's organ); with ``moving``, only
    those its direction phrases move ("the Ukrainian withdrawal")."""
    tokens = reading.statement.piece.tokens
    if moving:
        doc = tokens[0].doc
        movers = [m for d in reading.topic.directions for i in d.at for m in _moved(doc[i])]
        tokens = tuple(c for m in movers for c in m.children)
    codes = set()
    actor = reading.statement.actor
    for token in tokens:
        head = token.head
        if token.dep_ not in ("amod", "compound", "poss") or (
                topic_key(head, lex) != FORCES_KEY and not moving):
            continue
        if token.lower_ in _OWN_FORCES and actor is not None:
            known = ctx.gazetteer.get(str(actor.get("id")))
            if known is not None and known.country:
                codes.add(known.country)
            continue
        if token.ent_type_ not in ("NORP", "GPE"):
            continue
        code = ctx.gazetteer.country(token.text)
        if code is not None:
            codes.add(code)
    return frozenset(codes)


#: How far up a direction verb climbs for the forces it moves ("its troops had been forced
#: | to pull back": the subject of "forced").
MAX_MOVER_CLIMB = 3


def _moved(token: Any) -> list[Any]:
    """The words a direction word moves: itself when a noun ("the Ukrainian withdrawal"),
    else the subjects and objects of its verb or of the verbs it completes."""
    if token.pos_ == "NOUN":
        return [token]
    out: list[Any] = []
    node = token
    for _ in range(MAX_MOVER_CLIMB):
        out.extend(c for c in node.children if c.dep_ in ("nsubj", "nsubjpass", "dobj"))
        if node.dep_ not in ("xcomp", "prt", "advmod") or node.head.i == node.i:
            break
        node = node.head
    return out


def answered_owner(other: Reading, ctx: ArticleContext,
                   lex: ClaimLexicon) -> tuple[Ref | None, str] | None:
    """Whose claim a statement says it answers: the owner of a claim noun of the
    statement or of its cue's objects ("rejected Russian claims that saboteurs were
    killed", "Moscow's allegations"), as the actor it resolves to and the owning word;
    None when it names no owner. See ``answers_another``."""
    for word in _with_cue_objects(other):
        if word.pos_ != "NOUN" or lemma(word, lex) not in lex.claim_nouns:
            continue
        owner = _named_owner(ctx, other, word)
        if owner is not None:
            return owner
    return None


def answers_another(claim: Reading, owner: tuple[Ref | None, str] | None,
                    ctx: ArticleContext) -> bool:
    """Whether a statement that answers ``owner``'s claim (``answered_owner``) answers
    someone other than this claim's claimant or its party: "Kuleba rejected Russian
    claims that saboteurs had been killed" answers Russia, so it takes no stance by
    shared words on the outlet's "two soldiers were reportedly killed"."""
    return owner is not None and not _owned_by(claim, owner, ctx)


def _named_owner(ctx: ArticleContext, reading: Reading, word: Any
                 ) -> tuple[Ref | None, str] | None:
    """The owner a claim noun names ("Russian claims", "Lavrov's remarks"): the actor it
    resolves to (``_owner``) and the owning word, "'s" cut; None when it names none."""
    owning = [c for c in word.children if _owning(c)]
    if not owning:
        return None
    return _owner(ctx, reading, word), re.sub(r"['’]s$", "", owning[0].text).lower()


def _owned_by(claim: Reading, owner: tuple[Ref | None, str], ctx: ArticleContext) -> bool:
    """Whether a claim is the named owner's: its claimant is the owner's party, or, for an
    owner no actor stands for, has the owning word in its name."""
    actor, named = owner
    if actor is not None:
        return same_party(claim.statement.actor, actor, ctx)
    return named in str((claim.statement.actor or {}).get("name", "")).lower().split()


def _owning(child: Any) -> bool:
    """A possessor or capitalised modifier that says whose claim a noun is: "Moscow's
    claims", "Russian claims"."""
    return bool(child.dep_ == "poss" and child.pos_ == "PROPN") or (
        child.dep_ in ("amod", "compound") and child.text[:1].isupper())


def _owner(ctx: ArticleContext, reading: Reading, word: Any) -> Ref | None:
    """Whose claim a pointing noun names: "the Russian position", "Moscow's claims"."""
    piece = reading.statement.piece
    for child in word.children:
        if child.dep_ == "poss" or _owning(child):
            found = ctx.actor_for(*piece.offset(child))
            if found is not None:
                return found
    return None


def bare_denial(claim: Reading, other: Reading, ctx: ArticleContext,
                lex: ClaimLexicon) -> bool:
    """Whether ``other`` denies ``claim`` just before it without pointing back: its cue
    denies and the claim names the denier, and either the two share words of their own
    in one paragraph (two; one when the denial is of an act, "Russia denies targeting
    civilians") or the denier denies responsibility ("Moscow denied any involvement")
    for the claim, an accusation."""
    st, ot = claim.statement, other.statement
    if ot.cue is None or not _is_word(ot.cue, lex.denial, lex) \
            or _negated_in_sentence(ot.cue):
        return False
    charged = accuses(st, lex) and any(_answers_charge(t, claim, lex) for t in ot.piece.tokens)
    shared = set(claim.topic.strong) & set(other.topic.strong)
    if not charged and (_cue_kind(ot.cue, lex) != "denial"
                        or st.piece.par.index != ot.piece.par.index
                        or len(shared) < (1 if _denies_an_act(ot.cue) else MIN_SHARED)):
        return False  # "denied responsibility" answers the accusation before, in any words
    return _names_party(ctx, claim, ot.actor)


def _definite(word: Any) -> bool:
    """A claim noun with "the" and nothing that ties it to what was just said ("the
    allegations", not "the reasons given", "that assessment" or a pronoun)."""
    return any(c.dep_ == "det" and c.lower_ == "the" for c in word.children) and not any(
        c.dep_ == "acl" for c in word.children)


def _names_party(ctx: ArticleContext, claim: Reading, party: Ref | None) -> bool:
    """Whether a claim names the party (or one of its own organs) anywhere in it."""
    from sitroom.claims.verify import about_actors  # verify reads this module's names

    piece = claim.statement.piece
    named = about_actors(ctx, piece) + [
        found for t in piece.tokens if t.text[:1].isupper()
        for found in [ctx.actor_for(*piece.offset(t))] if found is not None]
    return any(same_party(party, actor, ctx) for actor in named)


def _denies_an_act(cue: Any) -> bool:
    """Whether a denying verb governs an act in the -ing form ("denies targeting
    civilians", "denied shelling the school"): one shared word ties it to the claim."""
    return any(c.dep_ in ("xcomp", "ccomp", "dobj") and c.tag_ == "VBG" for c in cue.children)


def _answers_charge(token: Any, claim: Reading, lex: ClaimLexicon) -> bool:
    """A responsibility noun ("denied responsibility", "any involvement") that answers the
    claim: on its own, or with words of the claim after it ("responsibility for the
    shelling"), not of something else ("responsibility for the power cut in Crimea")."""
    if lemma(token, lex) not in lex.responsibility:
        return False
    own = [t for c in token.children if c.dep_ == "prep" for t in c.subtree]
    return not own or bool({lemma(t, lex) for t in own} & set(claim.topic.strong))


def pointed_claims(claims: list[Reading], other: Reading, ctx: ArticleContext,
                   lex: ClaimLexicon) -> tuple[list[Reading], tuple[str, str] | None]:
    """The claims a statement takes a stance on by pointing back (``points_back``), and
    that stance: the nearest claim of another party before it (in its paragraph or the
    one before), with that party's claims just before it (an assessment may take several
    sentences); for a bare denial (``bare_denial``) the nearest claim only."""
    ot = other.statement
    before = [c for c in claims if c.statement.piece.end <= ot.piece.start
              and 0 <= ot.piece.par.index - c.statement.piece.par.index <= DENIAL_REACH
              and c.statement.quote is not ot.quote
              and not same_party(c.statement.actor, ot.actor, ctx)]
    if not before:
        return [], None
    word = pointer(other, lex)
    stance = points_back(other, word, lex)
    if stance is not None:
        owner = _named_owner(ctx, other, word)
        if stance[0] == DISPUTES and owner is None and _definite(word):
            # "Moscow denied the allegations": those against Moscow, or on its words
            before = [c for c in before if _names_party(ctx, c, ot.actor)
                      or set(c.topic.strong) & set(other.topic.strong)]
            if not before:
                return [], None
        if owner is not None:  # "the Russian position", "Lavrov's remarks": the owner's claim
            before = [c for c in before if _owned_by(c, owner, ctx)]
            if not before:
                return [], None
        nearest = before[-1]
        run = [nearest]
        for c in reversed(before[:-1]):
            if c.statement.actor != nearest.statement.actor:
                break
            run.append(c)
        return run, stance
    if bare_denial(before[-1], other, ctx, lex):
        return [before[-1]], (DISPUTES, "denial")
    return [], None
