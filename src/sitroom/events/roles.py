"""Who acts and who is acted on: the actor and target of a trigger, from the parse.

For a verb the actor is its subject (or, in the passive, the "by" agent) and
the target its object, else the object of "against", "on", "with", "to", ...;
the passive subject is the target. For a noun ("sanctions on Russia",
"Russia's invasion", "a warning to Russia") the noun's own possessor,
country adjective, "by" agent and prepositions come first, then the verb it
hangs on ("Biden issued a warning"). Each phrase is resolved to an actor: the
entity mentioned at its head word, else ``ArticleContext.actor_for``; "we"
and "I" inside a quote are its speaker; "who" is its antecedent when that is
a named actor. Troops nobody names the owner of
belong to the state the article last spoke of.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sitroom.context import ArticleContext, Ref
from sitroom.nlp import Paragraph

#: Prepositions whose object is the target of an event ("sanctions on Russia").
TARGET_PREPS = ("against", "on", "upon", "with", "to", "at", "toward", "towards", "into",
                "of", "over", "from", "for")
#: Subject words that are a quote's speaker.
FIRST_PERSON = frozenset({"we", "i", "us", "me", "our", "my"})
#: Subject pronouns that, in indirect speech, usually stand for the speaker.
THIRD_PERSON = frozenset({"it", "they", "he", "she"})
#: Heads of phrases that name armed forces without saying whose ("150,000 troops").
FORCES = frozenset({"troop", "soldier", "force", "unit", "army", "tank", "battalion", "military",
                    "group", "division", "brigade", "reservist"})
#: Verbs whose subject looks on at an event named by their object, without acting in it
#: ("NATO has not seen any pullback": the pullback is not NATO's).
ONLOOKING = frozenset({"see", "notice", "observe", "witness", "report", "fear", "expect", "want",
                       "monitor", "follow", "welcome", "condemn", "deny", "confirm", "doubt"})
#: Event types done to their object: forces in the object are the target ("attacked
#: Ukrainian forces"), never the actor's own as in "pulled back its troops".
HOSTILE = frozenset({"ASSAULT", "COERCE", "THREATEN", "ACCUSE", "SANCTION", "PROTEST"})
#: How many paragraphs back an unnamed force looks for the state it belongs to.
CONTEXT_PARAGRAPHS = 3
#: Prepositions that aim an event at its target: never part of the actor's phrase.
_AIMED = frozenset({"against", "on", "upon", "toward", "towards", "into"})
#: Dependents that end a noun phrase on its right (relative clauses, asides).
_CUT_DEPS = frozenset({"relcl", "acl", "appos", "punct", "advcl", "cc", "conj"})
#: Dependencies by which a noun hangs on the verb whose subject acts for it.
_NOUN_LINKS = frozenset({"dobj", "pobj", "prep", "attr", "compound", "appos", "npadvmod", "conj",
                         "amod", "oprd"})


@dataclass(frozen=True, slots=True)
class Roles:
    """The actor and target of one event, with the tokens they were read from."""

    actor: Ref | None
    target: Ref | None
    actor_token: Any = None
    target_token: Any = None


def roles_for(ctx: ArticleContext, par: Paragraph, token: Any, speaker: Ref | None, *,
              reported: bool = False, noun: bool = False, hostile: bool = False) -> Roles:
    """The actor and target of the event hung on ``token`` (a verb, adjective or noun).

    ``noun`` says the trigger is a noun entry (whatever the tagger made of it);
    ``reported`` says the trigger sits in indirect speech, where "it" and
    "they" are most often the speaker ("Russia claimed it was pulling back");
    ``hostile`` that the event is done to its object (``HOSTILE``), so forces
    there are the target, named by their phrase ("Ukrainian forces were attacked").
    """
    verbal = not noun and token.pos_ in ("VERB", "ADJ", "AUX")
    actor_tok, target_toks = _verb_roles(token) if verbal else _noun_roles(token)
    if actor_tok is not None:  # "imposed by the west | against Russia": the target
        target_toks = [*(g for c in actor_tok.children if c.dep_ == "prep"
                         and c.lower_ in _AIMED for g in c.children if g.dep_ == "pobj"),
                       *target_toks]
    who = _Resolver(ctx, par, speaker, reported)
    actor = who.ref(actor_tok, acting=True)
    target = next((r for r in map(who.ref, target_toks) if r is not None), None)
    target_tok = target_toks[0] if target_toks else None
    if actor is None and _is_forces(actor_tok):
        actor = who.owner(actor_tok, exclude=target)
    if _is_forces(target_tok) and not hostile:  # "pulled back its troops": the actor's own
        # not the state they leave: "withdraw troops from Ukrainian territory"
        left = next((r for r in map(who.ref, _prep_object(token, ("from",))) if r), None)
        actor = actor or who.owner(target_tok, exclude=left)
        target = None
    if target is not None and actor is not None and target.get("id") == actor.get("id"):
        target = None
    return Roles(actor, target, actor_tok, target_tok)


@dataclass(frozen=True, slots=True)
class _Resolver:
    """Resolves tokens of one paragraph to actors."""

    ctx: ArticleContext
    par: Paragraph
    speaker: Ref | None
    reported: bool

    def ref(self, token: Any, *, acting: bool = False) -> Ref | None:
        """The actor a token's phrase names, or None; ``acting`` for the event's actor,
        whose phrase holds no target ("the west | against Russia")."""
        if token is None:
            return None
        if self.reported and token.lower_ in THIRD_PERSON and token.dep_.startswith("nsubj"):
            return self.speaker
        return resolve(self.ctx, self.par, token, self.speaker, acting=acting)

    def owner(self, forces: Any, *, exclude: Ref | None) -> Ref | None:
        """Whose forces these are: a country word in their phrase, else the last one before."""
        lo, hi = phrase(forces)
        found = self.ctx.actor_for(*self.ctx.tokens_span(self.par, lo, hi))
        if found is not None:
            return found
        return context_state(self.ctx, self.par.start + forces.idx, exclude=exclude)


def is_first_person(token: Any) -> bool:
    """A first-person pronoun ("we", "us"), not the proper noun "US"."""
    return bool(token.pos_ == "PRON" and token.lower_ in FIRST_PERSON)


def resolve(ctx: ArticleContext, par: Paragraph, token: Any, speaker: Ref | None, *,
            acting: bool = False) -> Ref | None:
    """The actor a noun phrase names: first person is the speaker, else the entity of a name
    set beside it ("its secretary, Ben Wallace"), else the head's entity, else
    ``ctx.actor_for`` on the whole phrase."""
    if is_first_person(token):
        return speaker
    if token.lower_ == "who" and token.dep_.startswith("nsubj") and token.head.dep_ == "relcl":
        # "Johnson, who championed weapons transfers": Johnson, when the article names him
        antecedent = token.head.head
        if antecedent.pos_ not in ("PROPN", "NOUN"):
            return None  # "those who reject them"
        return entity_covering(ctx, *ctx.token_span(par, antecedent))
    named = next((c for c in token.children if c.dep_ == "appos"), None)
    if named is not None:  # "Britain's defence secretary, Ben Wallace": Wallace acts
        found = entity_covering(ctx, *ctx.token_span(par, named))
        if found is not None:
            return found
    covering = entity_covering(ctx, *ctx.token_span(par, token))
    if covering is not None:
        return covering
    lo, hi = phrase(token, acting=acting)
    return ctx.actor_for(*ctx.tokens_span(par, lo, hi))


def entity_covering(ctx: ArticleContext, start: int, end: int) -> Ref | None:
    """The entity with a mention over ``[start, end)``: "Joe Biden", not "US", in
    "US President Joe Biden", whose head word is "Biden"."""
    for entity in ctx.entities:
        for m_start, m_end in entity.get("mentions", []):
            if m_start <= start and end <= m_end:
                return {"id": entity.get("id"), "name": entity.get("name")}
    return None


def phrase(token: Any, *, acting: bool = False) -> tuple[int, int]:
    """Doc indexes ``[lo, hi)`` of the noun phrase a token heads, without trailing clauses;
    an actor's (``acting``) also without a target the parse hung on it ("sanctions imposed
    by the west | against Russia": Russia is no actor, though "sanctions on Russia" names
    the target)."""
    hi = token.i + 1
    for child in token.rights:
        if child.dep_ in _CUT_DEPS or (
                acting and child.dep_ == "prep" and child.lower_ in _AIMED):
            break
        hi = child.right_edge.i + 1
    return token.left_edge.i, hi


def subject_of(verb: Any) -> tuple[Any, bool]:
    """The subject of a verb and whether it is a passive one, climbing control and conjunction."""
    for _ in range(6):
        for child in verb.children:
            if child.dep_ in ("nsubj", "csubj"):
                return child, False
            if child.dep_ in ("nsubjpass", "csubjpass"):
                return child, True
        if verb.dep_ == "xcomp":
            obj = _child(verb.head, ("dobj",))
            if obj is not None:
                return obj, False
        if verb.dep_ not in ("xcomp", "conj", "acomp", "advcl") or verb.head.i == verb.i:
            break
        if verb.dep_ == "advcl" and _child(verb, ("mark",)) is not None:
            break
        verb = verb.head
    return None, False


def _is_forces(token: Any) -> bool:
    return token is not None and token.lemma_.lower() in FORCES


def _verb_roles(verb: Any) -> tuple[Any, list[Any]]:
    """Actor token and target candidates of a verb (or predicative adjective) trigger."""
    if verb.pos_ == "ADJ" and verb.dep_ in ("acomp", "amod"):
        verb = verb.head
    subject, passive = subject_of(verb)
    agent = _prep_object(verb, ("by",), deps=("agent", "prep"))
    if passive or (verb.tag_ == "VBN" and verb.dep_ == "acl"):
        return (agent[0] if agent else None), [subject if passive else verb.head]
    return subject, [*_children(verb, ("dobj", "dative")), *_prep_object(verb, TARGET_PREPS)]


def _noun_roles(noun: Any) -> tuple[Any, list[Any]]:
    """Actor token and target candidates of a noun trigger: its own dependents, then its verb's."""
    head = noun
    while head.dep_ == "compound" and head.head.i != head.i:
        head = head.head
    actor = _child(head, ("poss",)) or _child(noun, ("poss",)) \
        or next(iter(_prep_object(head, ("by",))), None) \
        or _country_modifier(head) or _owner_on_the_way(head)
    targets = [*_prep_object(head, TARGET_PREPS), *_prep_object(noun, TARGET_PREPS)]
    verb = _governing_verb(head)
    if verb is not None:
        if actor is None and head.dep_ != "nsubj" and verb.lemma_.lower() not in ONLOOKING:
            actor, _ = subject_of(verb)
        targets += [*_children(verb, ("dative",)),
                    *_prep_object(verb, ("to", "against", "on"))]
    for acl in (c for c in head.children if c.dep_ == "acl"):
        actor = actor or next(iter(_prep_object(acl, ("by",), deps=("agent", "prep"))), None)
    return actor, targets


def _governing_verb(noun: Any) -> Any:
    """The verb a noun hangs on through objects and prepositions, or None."""
    tok = noun
    for _ in range(5):
        if tok.dep_ not in _NOUN_LINKS or tok.head.i == tok.i:
            break
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX"):
            return tok
    return None


def _owner_on_the_way(noun: Any) -> Any:
    """A possessor or country word of the nouns a noun hangs on ("Russian claims about
    troop withdrawals": the withdrawals are Russia's), up to the first verb."""
    tok = noun
    for _ in range(4):
        if tok.dep_ not in ("pobj", "prep") or tok.head.i == tok.i:
            return None
        tok = tok.head
        if tok.pos_ in ("NOUN", "PROPN"):
            found = _child(tok, ("poss",)) or _country_modifier(tok)
            if found is not None:
                return found
        elif tok.pos_ != "ADP":
            return None
    return None


def _country_modifier(noun: Any) -> Any:
    """An adjective or compound before a noun that names an actor ("Russian", "US")."""
    for child in noun.lefts:
        if child.dep_ in ("amod", "compound", "nmod") and child.pos_ in ("ADJ", "PROPN") \
                and child.text[:1].isupper():
            return child
    return None


def _child(token: Any, deps: tuple[str, ...]) -> Any:
    return next((c for c in token.children if c.dep_ in deps), None)


def _children(token: Any, deps: tuple[str, ...]) -> list[Any]:
    return [c for c in token.children if c.dep_ in deps]


def _prep_object(token: Any, preps: tuple[str, ...], deps: tuple[str, ...] = ("prep",)
                 ) -> list[Any]:
    """Objects of the prepositions in ``preps`` that ``token`` governs, in ``preps`` order."""
    found = {c.lower_: c for c in token.children if c.dep_ in deps and c.lower_ in preps}
    return [obj for prep in preps if prep in found
            for obj in _children(found[prep], ("pobj",))]


def context_state(ctx: ArticleContext, offset: int, *, exclude: Ref | None = None
                  ) -> Ref | None:
    """The state whose name or adjective the article last used before ``offset``.

    "150,000 troops now line Ukraine's border" does not say whose troops: a
    reader takes them to be those of the state last spoken of ("Russian
    units"), skipping the one they act against. Looks back a few paragraphs.
    """
    gaz = ctx.gazetteer
    pars = [p for p in ctx.paragraphs if p.start < offset][-CONTEXT_PARAGRAPHS:]
    for par in reversed(pars):
        for token in reversed(par.doc):
            if par.start + token.idx >= offset or not token.text[:1].isupper():
                continue
            code = gaz.country(token.text.removesuffix("'s").removesuffix("’s"))
            state = gaz.state(code) if code else None
            if state is not None and (exclude is None or state.id != exclude.get("id")):
                return {"id": state.id, "name": state.name}
    return None
