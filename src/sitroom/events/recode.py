"""Recoding: what a sentence's events are once the verbs around them are read.

PLOVER codes the act the source performs, not only the action named:

- preparation  "prepared to resume shelling": getting ready to fight is MOBILIZE;
- promise      "promised to continue aid": AGREE; a promise of something
               conflictual ("vowed to strike back") is THREATEN;
- demand       "X said Y must agree": asking another to act is REQUEST;
- demand       also when the obligation sits on a verb above the event ("said
               Y must ensure security to allow aid in"), and under verbs of
               concluding or ruling ("the forum concluded that Y must ...");
- refusal      "X did not agree", "would not allow": REJECT (not for vague triggers
               such as "receive", weight under 0.5); so is a cooperative act its
               actor "failed to" perform ("failed to reach agreement");
- announcement an action its own actor announces ("they will release the
               hostages") is a promise (AGREE) when cooperative, an announced
               withdrawal a concession (CONCEDE); a conflictual one is a threat
               (THREATEN), made conditional ("... unless Iraq accepts") or not
               ("they said they would boycott the talks": PLOVER's "said it
               would retaliate"), except that a sanction announced without a
               condition is the sanction itself, taking effect later;
- intent       a cooperative action in the future tense ("Finland will give
               Tanzania a grant", "the envoy will visit Dakar") is its actor's
               stated intent, AGREE (CAMEO 03), whoever reports it.

A recoded event keeps the type of the action itself in ``action``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sitroom.context import ArticleContext, Ref
from sitroom.events.lexicon import Lexicon
from sitroom.events.roles import FIRST_PERSON, is_first_person, resolve, subject_of
from sitroom.events.status import SAYING, clause_chain, future_aux, is_conditional

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
#: Dependencies that attach a circumstance of the promise itself ("offered talks following
#: the invasion"), not what is promised.
_ADJUNCTS = frozenset({"prep", "npadvmod", "advmod", "agent"})
#: Verbs of failing: a cooperative act "failed to" happen was refused (REJECT).
FAILING = frozenset({"fail"})
#: Verbs of concluding and ruling that carry a demand like verbs of saying ("the court ruled
#: that X must ...").
CONCLUDING = frozenset({"conclude", "decide", "rule", "find", "recommend", "stress", "argue",
                        "insist", "urge", "demand"})
#: Dependencies through which an obligation above an event reaches it ("must ensure ... to
#: allow ...").
_CARRY_OBLIGATION = frozenset({"xcomp", "advcl", "conj", "dobj", "pobj", "prep", "pcomp"})


def recode(ctx: ArticleContext, sentence: list[Found], lex: Lexicon) -> None:
    """Apply the rules of the module docstring to one sentence's events, in place."""
    for found in sentence:
        if _preparation(found, sentence) or _demand(ctx, found) or _failure(found):
            continue
        if found.type == "AGREE":
            _flip_promise(found, sentence, lex)
            continue
        if _under_speech_act(found, sentence):
            continue
        if _refusal(found, lex):
            continue
        if not _announcement(ctx, found, lex):
            _intent(found, lex)


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
    """Whether ``top`` is above the trigger with no trigger or description between, and the
    trigger is what ``top`` governs rather than a circumstance of it."""
    token = found.match.token
    for tok in _above(found):
        if token.dep_ in _DESCRIPTIONS and not (_infinitive(token) and tok.i == top):
            return False  # "sworn to fight" only: an infinitive right under the promise
        if tok.i == top:
            return token.dep_ not in _ADJUNCTS
        if tok.i in triggers:
            return False
        token = tok
    return False


def _infinitive(token: Any) -> bool:
    """A to-infinitive with no conjunction ("have sworn to fight", parsed as advcl)."""
    return token.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to"
                                         for c in token.children) \
        and not any(c.dep_ == "mark" for c in token.children)


def _under_speech_act(found: Found, sentence: list[Found]) -> bool:
    """Whether a promise, threat, demand or refusal above already codes this event."""
    above = {t.i for t in _above(found)}
    return any(f.match.token.i in above and f.type in SPEECH_ACTS for f in sentence)


def _demand(ctx: ArticleContext, found: Found) -> bool:
    """"X said Y must ...": a demand of X on Y."""
    token = _obliged(found.match.token)
    if token is None:
        return False
    subject, _ = subject_of(token)
    if subject is None or is_first_person(subject):
        return False
    said = token.dep_ == "ccomp" and token.head.lemma_.lower() in SAYING | CONCLUDING
    if found.quote is None and not said:
        return False
    target = resolve(ctx, found.par, subject, found.reported_by)
    _recode(found, "REQUEST")
    found.actor, found.target = found.reported_by or _sayer(ctx, found, token), target
    return True


def _obliged(token: Any) -> Any:
    """The verb with "must"/"should" that the trigger is or hangs under, within its clause."""
    for _ in range(5):
        if any(c.dep_ == "aux" and c.lower_ in OBLIGATION for c in token.children):
            return token
        if token.dep_ not in _CARRY_OBLIGATION or token.head.i == token.i:
            return None
        token = token.head
    return None


def _sayer(ctx: ArticleContext, found: Found, token: Any) -> Ref | None:
    """The subject of the saying verb above ``token``, resolved."""
    subject, _ = subject_of(token.head)
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


def _failure(found: Found) -> bool:
    """A cooperative act its actor "failed to" perform ("failed to reach agreement"): REJECT."""
    token = found.match.token
    if found.type not in REFUSABLE or token.dep_ != "xcomp":
        return False
    if token.head.lemma_.lower() not in FAILING:
        return False
    _recode(found, "REJECT")
    return True


def _announcement(ctx: ArticleContext, found: Found, lex: Lexicon) -> bool:
    """An action its own actor announces: AGREE, CONCEDE, or THREATEN when conflictual."""
    condition = is_conditional(found.match.token)
    if found.status not in ("future", "hypothetical") or not _announced_by_actor(found):
        return False
    if found.status == "hypothetical" and condition is None:
        return False
    if lex.weight(found.type) < 0:
        if condition is None and (found.type == "SANCTION" or not future_aux(found.match.token)):
            return False  # an announced or planned sanction is a sanction (status future)
        _recode(found, "THREATEN")
        if found.target is None and condition is not None:
            found.target = _condition_target(ctx, found, condition)
        return True
    _recode(found, "CONCEDE" if found.type == "RETREAT" else "AGREE")
    return True


def _intent(found: Found, lex: Lexicon) -> None:
    """A cooperative verb in the future tense, whoever reports it: intent to cooperate."""
    if found.match.trigger.pos != "verb" or found.status != "future":
        return
    if lex.weight(found.type) <= 0 or found.type in SPEECH_ACTS | {"RETREAT", "CONCEDE"}:
        return
    if future_aux(found.match.token):
        _recode(found, "AGREE", "future")


def _announced_by_actor(found: Found) -> bool:
    """Whether the actor announces its own action: the speaker, or "it"/"they" under "said"."""
    if found.actor is not None and found.reported_by is not None \
            and found.actor.get("id") == found.reported_by.get("id"):
        return True
    subject, _ = subject_of(found.match.token)
    if subject is None or subject.pos_ != "PRON" or subject.lower_ not in SELF_PRONOUNS:
        return False
    return found.quote is not None or any(t.lemma_.lower() in SAYING for t in _above(found))


def _condition_target(ctx: ArticleContext, found: Found, subject: Any) -> Ref | None:
    """The actor a threat is aimed at: the subject of its "if" clause ("if Russia proceeds")."""
    if subject.pos_ not in ("NOUN", "PROPN", "PRON"):
        return None
    return resolve(ctx, found.par, subject, found.reported_by)
