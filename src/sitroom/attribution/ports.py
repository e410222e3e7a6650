"""What attribution needs from the actor gazetteer, stated as Protocols.

The gazetteer (``gazetteer.py``, actors with aliases and dated roles) is its
own module; speaker resolution depends only on these methods, so a user's own
gazetteer, or none at all (``EmptyGazetteer``), can stand in.
``default_gazetteer`` gives the package's.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from functools import cache
from typing import Protocol


class RoleLike(Protocol):
    """A role an actor holds between two dates."""

    @property
    def title(self) -> str: ...
    @property
    def office(self) -> str: ...
    @property
    def country(self) -> str | None: ...
    @property
    def end(self) -> date | None: ...


class ActorLike(Protocol):
    """An actor of the gazetteer: a person, organisation, state or state medium."""

    @property
    def id(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def gender(self) -> str | None: ...
    @property
    def country(self) -> str | None: ...

    @property
    def roles(self) -> Sequence[RoleLike]: ...

    def role_at(self, when: date | None) -> RoleLike | None: ...


class GazetteerLike(Protocol):
    """The lookups speaker resolution makes."""

    def get(self, actor_id: str) -> ActorLike | None: ...
    def by_name(self, name: str) -> ActorLike | None: ...
    def by_surname(self, surname: str, *, when: date | None = None) -> Sequence[ActorLike]: ...
    def holder(self, role_phrase: str, *, when: date | None,
               country: str | None = None) -> ActorLike | None: ...
    def institution(self, phrase: str, *, country: str | None = None) -> ActorLike | None: ...
    def country(self, word: str) -> str | None: ...
    def state(self, code: str) -> ActorLike | None: ...
    def outlet_country(self, outlet: str) -> str | None: ...


class EmptyGazetteer:
    """A gazetteer that knows no one: resolution keeps to what the article says."""

    def get(self, actor_id: str) -> ActorLike | None:
        return None

    def by_name(self, name: str) -> ActorLike | None:
        return None

    def by_surname(self, surname: str, *, when: date | None = None) -> Sequence[ActorLike]:
        return []

    def holder(self, role_phrase: str, *, when: date | None,
               country: str | None = None) -> ActorLike | None:
        return None

    def institution(self, phrase: str, *, country: str | None = None) -> ActorLike | None:
        return None

    def country(self, word: str) -> str | None:
        return None

    def state(self, code: str) -> ActorLike | None:
        return None

    def outlet_country(self, outlet: str) -> str | None:
        return None


@cache
def default_gazetteer() -> GazetteerLike:
    """The package's gazetteer (plus the user's files in ``SITROOM_ACTORS``), loaded once."""
    from sitroom.attribution.gazetteer import Gazetteer

    loaded: GazetteerLike = Gazetteer.default()
    return loaded
