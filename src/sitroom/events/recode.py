"""Recoding: what a sentence's events are once the verbs around them are read.

PLOVER codes the act the source performs, not only the action named:

- preparation  "prepared to resume shelling": getting ready to fight is MOBILIZE;
- promise      "promised to continue aid": AGREE; a promise of something
               conflictual ("vowed to strike back") is THREATEN;
- demand       "X said Y must agree": asking another to act is REQUEST;
- refusal      "X did not agree", "would not allow": REJECT (not for vague triggers
               such as "receive", weight under 0.5);
- announcement an action its own actor announces ("they will release the
               hostages") is a promise (AGREE) when cooperative, an announced
               withdrawal a concession (CONCEDE), and a conflictual one made
               conditional ("... unless Iraq accepts") a threat (THREATEN).

A recoded event keeps the type of the action itself in ``action``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sitroom.context import ArticleContext, Ref
from sitroom.events.lexicon import Lexicon
from sitroom.events.roles import FIRST_PERSON, resolve, subject_of
from sitroom.events.status import SAYING, clause_chain, is_conditional

if TYPE_CHECKING:
    from sitroom.events.coder import Found

#: Pronouns that, as the subject of an announced action, stand for the one announcing it.
SELF_PRONOUNS = FIRST_PERSON | {"it", "they", "he", "she"}
#: Verbs of getting ready: what they govern is prepared, not done.
PREPARING = frozenset({"prepare", "poise", "gear", "ready", "brace", "mass"})
#: Modals of obligation: "Y must agree", said by X, is X's demand of Y.
OBLIGATION = frozenset({"must", "should", "ought"})
#: Types that a demand, promise, threat or refusal above an event already codes.
SPEECH_ACTS = frozenset({"AGREE", "THREATEN", "REQUEST", "REJECT", "ACCUSE"})
#: Cooperative acts whose negation by their own actor is a refusal ("did not agree"); a
#: withdrawal that did not happen is a negated RETREAT, not a refusal.
REFUSABLE = frozenset({"AGREE", "SUPPORT", "CONSULT", "COOPERATE", "AID", "CONCEDE"})
#: Dependencies that attach a description, not an action the source performs.
_DESCRIPTIONS = frozenset({"relcl", "acl", "appos", "advcl"})


def recode(ctx: ArticleContext, sentence: list[Found], lex: Lexicon) -> None:
    """Apply the rules of the module docstring to one sentence's events, in place."""
    for found in sentence:
        if _preparation(found, sentence) or _demand(ctx, found):
            continue
        if found.type == "AGREE":
            _flip_promise(found, sentence, lex)
            continue
        if _under_speech_act(found, sentence):
            continue
        if _refusal(found, lex):
            continue
        _announcement(ctx, found, lex)


def _recode(found: Found, new_type: str, status: str = "asserted") -> None:
    found.action = found.action or found.type
    found.type, found.status = new_type, status


def _above(found: Found) -> list[Any]:
    """The tokens above the trigger, up to the sentence root."""
    return list(clause_chain(found.match.token))[1:]


def _preparation(found: Found, sentence: list[Found]) -> bool:
    """ASSAULT under "prepare(d) to": MOBILIZE (unless "prepare" is a trigger of its own)."""
    if found.type != "ASSAULT":
        return False
    triggers = {f.match.token.i for f in sentence}
    for tok in _above(found):
        if tok.lemma_.lower() in PREPARING:
            if tok.i not in triggers:
                _recode(found, "MOBILIZE")
            return True
        if tok.dep_ not in ("xcomp", "dobj", "pcomp", "prep", "pobj", "acomp"):
            return False
    return False


def _flip_promise(found: Found, sentence: list[Found], lex: Lexicon) -> None:
    """A promise whose nearest promised action is conflictual is a threat."""
    token = found.match.token
    if token.lemma_.lower() not in lex.commitment:
        return
    for other in sentence:
        if other is found or lex.weight(other.type) >= 0:
            continue
        if _directly_below(other, token.i, {f.match.token.i for f in sentence}):
            _recode(found, "THREATEN")
            found.action = other.type
            found.target = found.target or other.target
            return


def _directly_below(found: Found, top: int, triggers: set[int]) -> bool:
    """Whether ``top`` is above the trigger with no trigger or description between."""
    token = found.match.token
    for tok in _above(found):
        if token.dep_ in _DESCRIPTIONS:
            return False
        if tok.i == top:
            return True
        if tok.i in triggers:
            return False
        token = tok
    return False


def _under_speech_act(found: Found, sentence: list[Found]) -> bool:
    """Whether a promise, threat, demand or refusal above already codes this event."""
    above = {t.i for t in _above(found)}
    return any(f.match.token.i in above and f.type in SPEECH_ACTS for f in sentence)


def _demand(ctx: ArticleContext, found: Found) -> bool:
    """"X said Y must ...": a demand of X on Y."""
    token = found.match.token
    if not any(c.dep_ == "aux" and c.lower_ in OBLIGATION for c in token.children):
        return False
    subject, _ = subject_of(token)
    if subject is None or subject.lower_ in FIRST_PERSON:
        return False
    if found.quote is None and not (token.dep_ == "ccomp"
                                    and token.head.lemma_.lower() in SAYING):
        return False
    target = resolve(ctx, found.par, subject, found.reported_by)
    _recode(found, "REQUEST")
    found.actor, found.target = found.reported_by or _sayer(ctx, found), target
    return True


def _sayer(ctx: ArticleContext, found: Found) -> Ref | None:
    """The subject of the saying verb above a trigger, resolved."""
    head = found.match.token.head
    subject, _ = subject_of(head)
    return resolve(ctx, found.par, subject, None) if subject is not None else None


def _refusal(found: Found, lex: Lexicon) -> bool:
    """A cooperative act its own verb negates ("did not agree", "won't allow"): REJECT."""
    token = found.match.token
    if found.type not in REFUSABLE or found.match.trigger.pos != "verb":
        return False
    if found.match.trigger.weight < 0.5:
        return False  # a vague trigger negated is no refusal ("had not received payments")
    if not any(c.dep_ == "neg" for c in token.children):
        return False
    _recode(found, "REJECT")
    return True


def _announcement(ctx: ArticleContext, found: Found, lex: Lexicon) -> None:
    """An action its own actor announces: AGREE, CONCEDE, or THREATEN when conditional."""
    condition = is_conditional(found.match.token)
    if found.status not in ("future", "hypothetical") or not _announced_by_actor(found):
        return
    if found.status == "hypothetical" and condition is None:
        return
    if lex.weight(found.type) < 0:
        if condition is None:
            return  # an announced sanction is a sanction (status future), not a threat
        _recode(found, "THREATEN")
        if found.target is None:
            found.target = _condition_target(ctx, found, condition)
        return
    _recode(found, "CONCEDE" if found.type == "RETREAT" else "AGREE")


def _announced_by_actor(found: Found) -> bool:
    """Whether the actor announces its own action: the speaker, or "it"/"they" under "said"."""
    if found.actor is not None and found.reported_by is not None \
            and found.actor.get("id") == found.reported_by.get("id"):
        return True
    subject, _ = subject_of(found.match.token)
    if subject is None or subject.lower_ not in SELF_PRONOUNS:
        return False
    return found.quote is not None or any(t.lemma_.lower() in SAYING for t in _above(found))


def _condition_target(ctx: ArticleContext, found: Found, subject: Any) -> Ref | None:
    """The actor a threat is aimed at: the subject of its "if" clause ("if Russia proceeds")."""
    if subject.pos_ not in ("NOUN", "PROPN", "PRON"):
        return None
    return resolve(ctx, found.par, subject, found.reported_by)
