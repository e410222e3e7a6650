"""The verification of a claim cluster, recomputed from its members whenever one joins.

Per docs/records.md, first that applies:

- ``disputed``: any source disputes it: a ``disputes`` stance, a claim of the opposite
  polarity ("troops are not returning"), or a member the article itself marks
  ``disputed`` or ``denied``;
- ``confirmed``: a source other than the claimants confirms it (a member marked
  ``confirmed`` by its article, or a ``confirms`` stance);
- ``corroborated``: two or more independent sources assert it: distinct claimants, and
  others that ``supports`` or ``corroborates`` it;
- ``single-source`` otherwise.

Sources are the same when they have the same actor id, or, without one, the same name.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from sitroom.ledger._fields import Ref, refs_json

DISPUTING_STANCES = frozenset({"disputes", "denies", "rejects"})
SUPPORTING_STANCES = frozenset({"supports", "corroborates"})
CONFIRMING_STANCES = frozenset({"confirms"})
#: Per-article verifications (docs/records.md) that make a cluster disputed or confirmed.
DISPUTED_IN_ARTICLE = frozenset({"disputed", "denied"})
CONFIRMED_IN_ARTICLE = frozenset({"confirmed"})


@dataclass(frozen=True, slots=True)
class Member:
    """One claim of a cluster, as verification sees it."""

    claimant: Ref
    polarity: str | None
    verification: str | None


@dataclass(frozen=True, slots=True)
class Stance:
    """One stance on a claim of the cluster."""

    by: Ref
    stance: str | None


@dataclass(slots=True)
class Verdict:
    """A cluster's verification and who stands where."""

    verification: str
    claimants: list[dict[str, str | None]] = field(default_factory=list)
    supporters: list[dict[str, str | None]] = field(default_factory=list)
    disputers: list[dict[str, str | None]] = field(default_factory=list)


def verdict(polarity: str | None, members: Sequence[Member], stances: Sequence[Stance]) -> Verdict:
    """The verification of a cluster whose proposition has ``polarity``.

    Args:
        polarity: The cluster's polarity (its first claim's); None matches any.
        members: Its claims, oldest first.
        stances: The stances on them, in the same order.

    Returns:
        The verification with the claimants, supporters and disputers (each once).
    """
    asserting = [m for m in members if agrees(polarity, m.polarity)]
    opposing = [m.claimant for m in members if not agrees(polarity, m.polarity)]
    claimants = refs_json([m.claimant for m in asserting])
    claimed = {_identity(r) for r in claimants}
    supporters = refs_json(
        [s.by for s in stances if s.stance in SUPPORTING_STANCES | CONFIRMING_STANCES]
    )
    supporters = [r for r in supporters if _identity(r) not in claimed]
    disputers = refs_json([s.by for s in stances if s.stance in DISPUTING_STANCES] + opposing)
    confirmed = any(m.verification in CONFIRMED_IN_ARTICLE for m in asserting) or any(
        s.stance in CONFIRMING_STANCES and _identity(s.by.to_dict()) not in claimed for s in stances
    )
    if disputers or any(m.verification in DISPUTED_IN_ARTICLE for m in asserting):
        verification = "disputed"
    elif confirmed:
        verification = "confirmed"
    elif len(claimants) + len(supporters) >= 2:
        verification = "corroborated"
    else:
        verification = "single-source"
    return Verdict(verification, claimants, supporters, disputers)


def agrees(polarity: str | None, other: str | None) -> bool:
    """Whether a claim of polarity ``other`` asserts a proposition of ``polarity``."""
    return polarity is None or other is None or polarity == other


def _identity(ref: dict[str, str | None]) -> str | None:
    return Ref(ref.get("id"), ref.get("name")).identity
