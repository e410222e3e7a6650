"""The actors of one article: who is named, in which roles, and where.

The registry holds one ``Entity`` per actor the article refers to, keyed by
the gazetteer's id when the gazetteer knows the actor and by a slug of the
fullest name the article gives otherwise ("olena-kovalenko"). It indexes
people by surname (so "Mr Biden" finds "Joe Biden") and keeps the roles the
article itself teaches ("Foreign Secretary Liz Truss" -> the Foreign Secretary
is Liz Truss), each with the offset of the mention that taught it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sitroom.attribution.names import NameParts, RoleKey, plain, slug
from sitroom.attribution.ports import ActorLike, GazetteerLike

Span = tuple[int, int]
#: The gazetteer writes genders in full; speaker resolution uses the pronoun's letter.
_GENDERS = {"male": "m", "female": "f", "m": "m", "f": "f"}


@dataclass(slots=True)
class Entity:
    """One actor of the article, with every span that refers to it."""

    id: str
    name: str
    kind: str
    role: str | None = None
    gender: str | None = None
    given: tuple[str, ...] = ()
    surnames: set[str] = field(default_factory=set)
    mentions: list[Span] = field(default_factory=list)
    members: tuple[str, ...] = ()
    known: bool = False
    """True when the gazetteer knows the actor (its id and name are canonical)."""
    described: bool = False
    """True for a source known only by a description ("one military official")."""
    descriptors: set[str] = field(default_factory=set)
    """Common nouns that have named it ("regulator" for "Russia's communications
    regulator"), for a later "the regulator"."""

    def mention(self, span: Span) -> None:
        if span not in self.mentions:
            self.mentions.append(span)

    def spans(self) -> list[Span]:
        """The mentions in order, without those inside a longer mention of the same actor."""
        return [m for m in sorted(self.mentions) if not any(
            o != m and o[0] <= m[0] and m[1] <= o[1] for o in self.mentions)]

    def last_before(self, pos: int) -> int:
        """The start of the last mention before ``pos`` (-1 when none)."""
        return max((s for s, _ in self.mentions if s < pos), default=-1)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "name": self.name, "kind": self.kind,
                               "role": self.role,
                               "mentions": [list(m) for m in self.spans()]}
        if self.members:
            out["members"] = list(self.members)
        return out


class Registry:
    """Entities of one article, with lookups by id, surname and role."""

    def __init__(self, gazetteer: GazetteerLike, when: date | None) -> None:
        self.gazetteer = gazetteer
        self.when = when
        self.by_id: dict[str, Entity] = {}
        self.by_surname: dict[str, list[Entity]] = {}
        self.roles: list[tuple[RoleKey, Entity, int, str]] = []

    # --- entities ---------------------------------------------------------------------

    def from_actor(self, actor: ActorLike) -> Entity:
        """The entity of a gazetteer actor, created on first use."""
        entity = self.by_id.get(actor.id)
        if entity is None:
            role = actor.role_at(self.when)
            entity = Entity(id=actor.id, name=actor.name, kind=actor.kind,
                            role=role.title if role is not None else None,
                            gender=_GENDERS.get(actor.gender or "", actor.gender or None),
                            known=True)
            if actor.kind == "person":
                words = actor.name.split()
                entity.given = tuple(words[:-1])
                self._index_surname(entity, words[-1])
            self.by_id[entity.id] = entity
        return entity

    def new(self, name: str, kind: str, *, gender: str | None = None) -> Entity:
        """An entity the gazetteer does not know, named as the article names it."""
        name = plain(name)
        base = slug(name)
        entity = self.by_id.get(base)
        if entity is not None and entity.kind == kind:
            return entity
        ident, n = base, 2
        while ident in self.by_id:
            ident, n = f"{base}-{n}", n + 1
        entity = Entity(id=ident, name=name, kind=kind, gender=gender)
        self.by_id[ident] = entity
        return entity

    # --- people -----------------------------------------------------------------------

    def person(self, parts: NameParts, pos: int) -> tuple[Entity, str]:
        """The person a name mention refers to, and how it was found.

        A full name ("Joe Biden") is looked up in the gazetteer, then among the
        article's people; a surname ("Mr Biden", "President Biden") among the
        article's people first (the one mentioned last before ``pos``), then in
        the gazetteer by surname on the article date.
        """
        if parts.full is not None:
            entity = self._full_name(parts)
            how = "name"
        else:
            found = self.surname(parts.surname, pos)
            if found is not None:
                entity, how = found, "title" if parts.titled or parts.peerage else "surname"
            else:
                entity, how = self._surname_from_gazetteer(parts)
        if parts.gender and not entity.gender:
            entity.gender = parts.gender
        return entity, how

    def surname(self, surname: str, pos: int) -> Entity | None:
        """The article's person with this surname, the one mentioned last before ``pos``."""
        people = self.by_surname.get(_key(surname))
        if not people:
            return None
        full = [p for p in people if p.given] or people
        return max(full, key=lambda p: (p.last_before(pos), -full.index(p)))

    def _full_name(self, parts: NameParts) -> Entity:
        assert parts.full is not None
        actor = self.gazetteer.by_name(parts.full)
        if actor is not None and actor.kind == "person":
            entity = self.from_actor(actor)
            self._index_surname(entity, parts.surname)
            return entity
        for entity in self.by_surname.get(_key(parts.surname), []):
            if entity.given and _same_given(entity.given, parts.given):
                return entity
        for actor in self.gazetteer.by_surname(parts.surname, when=self.when):
            words = actor.name.split()
            if actor.kind == "person" and _same_given(tuple(words[:-1]), parts.given):
                entity = self.from_actor(actor)
                self._index_surname(entity, parts.surname)
                return entity
        for entity in self.by_surname.get(_key(parts.surname), []):
            if not entity.given and not entity.known:
                entity.name, entity.given = plain(parts.full), parts.given  # now known in full
                return entity
        entity = self.new(parts.full, "person", gender=parts.gender)
        entity.given = parts.given
        self._index_surname(entity, parts.surname)
        return entity

    def _surname_from_gazetteer(self, parts: NameParts) -> tuple[Entity, str]:
        actors = [a for a in self.gazetteer.by_surname(parts.surname, when=self.when)
                  if a.kind == "person"]
        if len(actors) > 1:
            actors = [a for a in actors if a.role_at(self.when) is not None] or actors
        if len(actors) == 1:
            entity = self.from_actor(actors[0])
            self._index_surname(entity, parts.surname)
            return entity, "gazetteer"
        entity = self.new(parts.display, "person", gender=parts.gender)
        self._index_surname(entity, parts.surname)
        return entity, "surname"

    def _index_surname(self, entity: Entity, surname: str) -> None:
        key = _key(surname)
        entity.surnames.add(key)
        people = self.by_surname.setdefault(key, [])
        if entity not in people:
            people.append(entity)

    # --- roles ------------------------------------------------------------------------

    def learn_role(self, key: RoleKey, entity: Entity, pos: int, how: str = "apposition"
                   ) -> None:
        """Remember that ``entity`` holds the role ``key`` from ``pos`` on: the article
        says so ("apposition"), or the gazetteer did for an earlier mention ("role")."""
        if not any(k == key and e is entity for k, e, _, _ in self.roles):
            self.roles.append((key, entity, pos, how))
        if entity.role is None and not key.past:
            entity.role = key.text

    def role_holders(self, key: RoleKey) -> list[tuple[int, Entity, str]]:
        """Everyone the article names in a role ``key`` fits: (offset taught, entity, how)."""
        return [(p, e, how) for k, e, p, how in self.roles if key.within(k)]

    def entities(self) -> list[Entity]:
        """The entities with at least one mention, in order of first mention."""
        found = [e for e in self.by_id.values() if e.mentions]
        return sorted(found, key=lambda e: min(e.mentions))


def _key(surname: str) -> str:
    return plain(surname).lower().removesuffix("'s")


def _same_given(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """True when two lists of given names can be the same person's ("Joe" and "Joe R.")."""
    if not a or not b:
        return True
    x, y = a[0].lower().rstrip("."), b[0].lower().rstrip(".")
    return x == y or (len(x) == 1 and y.startswith(x)) or (len(y) == 1 and x.startswith(y))
