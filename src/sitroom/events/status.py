"""How the text holds an event: asserted, claimed, disputed, denied, hypothetical, future, negated.

Read from the trigger and the clauses above it in the parse:

- negated       a "not"/"never" on the trigger or the verb it hangs on, or
                "no" before a noun or the verb's subject ("has not seen any
                pullback", "no attack was launched"); on the verb a
                noun trigger is the subject of only when that verb is its
                happening ("the attack did not happen", not "the sanctions
                have not worked": they were imposed);
- denied        the event sits under a denial ("Moscow denied attacking");
- hypothetical  an "if"/"unless" clause, "could"/"might"/"may", "possible",
                "is (un)likely to";
- future        "will", "is going to", "plans/prepares/threatens/vows to",
                "planned", "upcoming" (a verb above gives "future", as "stop"
                gives "negated", only to what it governs, not to a circumstance:
                "is expected to respond after Ukraine attacked");
- disputed      under a negated "verify"/"confirm" ("it had not been verified
                that troops were returning");
- claimed       under "claim"/"allege"/"insist", hedged ("reportedly",
                "appear to"), or said by the actor itself;
- asserted      otherwise.

The first that applies wins, in that order. Words live in the constants
below: they are the grammar of modality, not a lexicon of events.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

NEGATIONS = frozenset({"not", "n't", "never", "no", "neither", "nor"})
DENIALS = frozenset({"deny", "refute", "dismiss", "reject", "disown"})
VERIFIERS = frozenset({"verify", "confirm", "corroborate"})
CLAIMS = frozenset({"claim", "allege", "insist", "assert", "purport", "maintain", "contend"})
HEDGES = frozenset({"reportedly", "allegedly", "apparently", "purportedly", "supposedly",
                    "appear", "seem", "suggest", "believe", "rumour", "rumor", "suspect"})
FUTURE_VERBS = frozenset({"plan", "prepare", "intend", "threaten", "vow", "promise", "pledge",
                          "aim", "expect", "set", "go", "want", "seek", "agree",
                          "offer", "undertake", "resolve", "hope", "announce", "schedule",
                          "propose", "consider", "mull", "warn", "willing", "ready",
                          "prepared", "able", "commit", "call", "urge", "demand", "ask",
                          "request", "appeal", "press"})
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
MODAL_AUX = frozenset({"could", "might", "may", "would", "'d", "should"})
#: Verbs whose subject event happens or not by them ("the attack did not happen"): a
#: "not" on any other verb a noun trigger is the subject of says something of the event
#: ("the sanctions have not worked"), not that it did not happen.
OCCURRING = frozenset({"happen", "occur", "take", "begin", "start", "go", "come",
                       "materialise", "materialize", "resume", "proceed", "continue", "last",
                       "end", "finish", "stop", "cease", "exist"})
#: Verbs that keep what they govern from happening ("prevented a terrorist attack").
PREVENTERS = frozenset({"prevent", "foil", "thwart", "avert", "stop", "avoid"})
CONDITIONS = frozenset({"if", "unless", "whether"})
#: Adjectives of likelihood: what they govern may happen ("Moscow is unlikely to accept").
LIKELY = frozenset({"likely", "unlikely", "possible", "impossible", "probable"})
POSSIBLE = frozenset({"possible", "potential", "hypothetical", "likely", "imminent"})
PLANNED = frozenset({"planned", "proposed", "upcoming", "future", "forthcoming", "expected",
                     "next"})
#: Verbs of saying: "would" under them is the future of reported speech.
SAYING = frozenset({"say", "tell", "announce", "state", "add", "report", "declare", "claim",
                    "insist", "warn", "promise"})

#: Prepositions and conjunctions of a circumstance: "future" and "negated" from the verbs
#: above do not cross them ("is expected to respond after Ukraine attacked").
CIRCUMSTANCES = frozenset({"after", "following", "since", "amid", "despite", "during", "as",
                           "because", "while", "when", "although", "though", "once"})
#: Marks a governing verb gives only to what it governs, not to circumstances of it.
_INTENT_MARKS = frozenset({"future", "negated"})

#: Statuses in the order they win.
ORDER = ("negated", "denied", "hypothetical", "future", "disputed", "claimed", "asserted")


def status_of(token: Any, *, self_reported: bool = False) -> str:
    """The status of the event hung on ``token`` (see the module docstring)."""
    found = set(_marks(token))
    if self_reported:
        found.add("claimed")
    return next(s for s in ORDER if s in found or s == "asserted")


def is_conditional(token: Any) -> Any:
    """The subject of the "if"/"unless" clause the event depends on, or None."""
    for verb in clause_chain(token):
        for child in verb.children:
            if child.dep_ == "advcl" and any(
                    m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in child.children):
                return next((c for c in child.children if c.dep_ in ("nsubj", "nsubjpass")),
                            child)
    return None


def future_aux(token: Any) -> bool:
    """Whether the trigger's own clause is in the future tense: "will"/"shall", "is going to",
    or "would" in reported speech ("said it would send aid"); "plans to" is not enough.

    The clause is the trigger and the verbs it is coordinated with ("will visit Dakar and
    meet ...").
    """
    tok = token
    for _ in range(4):
        children = list(tok.children)
        if "future" in set(_aux_marks(tok, children)) and not any(
                c.dep_ == "aux" and c.lower_ in MODAL_AUX - {"would", "'d"} for c in children):
            return True
        if tok.dep_ != "conj" or tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def clause_chain(token: Any) -> Iterator[Any]:
    """The trigger, then each token above it up to the root of its sentence."""
    seen = 0
    while seen < 12:
        yield token
        seen += 1
        if token.head.i == token.i:
            return
        token = token.head


def _marks(token: Any) -> Iterator[str]:
    """Every status mark found on the trigger and the clauses above it."""
    yield from _noun_marks(token)
    local, background = True, False
    below: Any = None
    for tok in clause_chain(token):
        children = list(tok.children)
        lemma = tok.lemma_.lower()
        negated = any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") or (
            c.dep_ in ("nsubj", "nsubjpass") and any(  # "No attack was launched"
                g.dep_ == "det" and g.lower_ == "no" for g in c.children))
            for c in children)
        if below is not None:
            yield from (m for m in _governor_marks(lemma, negated, below.dep_)
                        if not (background and m in _INTENT_MARKS))
            if below.dep_ == "nsubj" and lemma not in OCCURRING:
                negated = False  # "the sanctions have not worked": they were imposed
        if local:
            yield from _local_marks(tok, children, negated)
        if _ends_clause(tok, children):
            local = False
        background = background or _circumstance(tok, children)
        below = tok


def _circumstance(tok: Any, children: list[Any]) -> bool:
    """A circumstance of the clause above ("after Russia shelled the port"): what that
    clause's verbs expect, plan or prevent is not this event."""
    if tok.dep_ == "prep":
        return tok.lower_ in CIRCUMSTANCES
    return tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in CIRCUMSTANCES
                                       for c in children)


def _local_marks(tok: Any, children: list[Any], negated: bool) -> Iterator[str]:
    """Marks that hold only within the trigger's own clause: negation, modals, "if", hedges."""
    if negated:
        yield "negated"
    yield from _aux_marks(tok, children)
    if tok.dep_ == "advcl" and any(c.lower_ in CONDITIONS for c in children if c.dep_ == "mark"):
        yield "hypothetical"
    if any(c.lower_ in HEDGES for c in children if c.dep_ == "advmod"):
        yield "claimed"


def _ends_clause(tok: Any, children: list[Any]) -> bool:
    """Whether ``tok`` heads a clause of its own (so what is above it is another clause)."""
    if tok.dep_ in ("ccomp", "relcl", "csubj", "csubjpass", "parataxis", "conj", "pcomp"):
        return tok.pos_ in ("VERB", "AUX")
    return tok.dep_ == "advcl" and any(c.dep_ == "mark" for c in children)


def _noun_marks(token: Any) -> Iterator[str]:
    """Marks on a noun trigger's own modifiers ("no pullback", "a possible attack")."""
    for child in token.children:
        word = child.lower_
        if child.dep_ == "det" and word == "no":
            yield "negated"
        elif child.dep_ in ("amod", "compound") and word in POSSIBLE:
            yield "hypothetical"
        elif child.dep_ in ("amod", "compound") and word in PLANNED:
            yield "future"


def _governor_marks(lemma: str, negated: bool, dep: str) -> Iterator[str]:
    """Marks an event takes from a verb above it ("denied", "claimed", "plans to")."""
    if lemma in VERIFIERS and negated:
        yield "disputed"
    elif lemma in DENIALS and dep in ("ccomp", "xcomp", "dobj", "pcomp"):
        yield "denied"
    elif lemma in CLAIMS or lemma in HEDGES:
        yield "claimed"
    elif lemma in LIKELY and dep in ("xcomp", "ccomp"):
        yield "hypothetical"
    elif lemma in PREVENTERS and dep in ("dobj", "xcomp", "pcomp"):
        yield "negated"
    elif lemma in FUTURE_VERBS and dep in ("xcomp", "dobj", "pcomp", "prep"):
        yield "future"


def _aux_marks(tok: Any, children: list[Any]) -> Iterator[str]:
    """Marks from a clause's auxiliaries: "will" is future, "could" hypothetical."""
    for child in children:
        if child.dep_ != "aux":
            continue
        word = child.lower_
        if word in FUTURE_AUX:
            yield "future"
        elif word in MODAL_AUX:
            reported = tok.dep_ == "ccomp" and tok.head.lemma_.lower() in SAYING
            yield "future" if reported and word in ("would", "'d") else "hypothetical"
        elif word == "to" and tok.head.lemma_.lower() == "go" and tok.dep_ == "xcomp":
            yield "future"
