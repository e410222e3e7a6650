"""Salience for pronouns: who was last the subject or the speaker.

Each resolved sentence subject and quote speaker is noted with its offset.
A pronoun resolves to the most recent noted actor that agrees with it:
"he"/"she" to a person of that gender or of unknown gender, "it" to an
organisation or state, "they" to a group, organisation or state. Objects and
obliques are never noted, so "a press conference with German leader Olaf
Scholz" does not take "He said" away from Putin.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from sitroom.attribution.registry import Entity

#: How many noted actors back a pronoun may reach: a few paragraphs of news text.
LOOKBACK = 12

_KINDS: dict[str, frozenset[str]] = {
    "person": frozenset({"person"}),
    "thing": frozenset({"organisation", "state", "state-media"}),
    "plural": frozenset({"group", "organisation", "state", "state-media"}),
    "state": frozenset({"state"}),
    "body": frozenset({"organisation", "state-media"}),
}


class History:
    """Noted actors with the offsets where they were subjects or speakers."""

    def __init__(self) -> None:
        self._notes: list[tuple[int, Entity]] = []

    def add(self, pos: int, entity: Entity) -> None:
        self._notes.append((pos, entity))

    def _before(self, pos: int) -> Iterator[Entity]:
        """Noted actors before ``pos``, the most recent first, each once."""
        seen: set[str] = set()
        notes = sorted((n for n in self._notes if n[0] < pos), key=lambda n: n[0], reverse=True)
        for _, entity in notes:
            if entity.id not in seen:
                seen.add(entity.id)
                yield entity
                if len(seen) >= LOOKBACK:
                    return

    def last_seen(self, entity_id: str, pos: int) -> int:
        """Where the actor was last noted before ``pos`` (-1 when never)."""
        return max((p for p, e in self._notes if e.id == entity_id and p < pos), default=-1)

    def last(self, pos: int, *, kind: str, gender: str | None,
             lex_gender: Callable[[Entity], str | None]) -> Entity | None:
        """The most recent actor before ``pos`` that a pronoun of this kind and gender fits."""
        kinds = _KINDS.get(kind, frozenset())
        for entity in self._before(pos):
            if entity.kind not in kinds:
                continue
            if kind == "plural" and entity.described and entity.kind != "group":
                continue  # "they" is not "the report", though "it" may be
            known = lex_gender(entity)
            if gender is None or known is None or known == gender:
                return entity
        return None

    def last_described(self, pos: int, word: str) -> Entity | None:
        """The most recent source known only by a description whose head is ``word``:
        its last word, or the last before an "of" ("board of the Pulitzer Prizes")."""
        for entity in self._before(pos):
            words = entity.name.lower().split()
            if entity.described and word in (words[-1:] + words[:words.index("of")][-1:]
                                             if "of" in words else words[-1:]):
                return entity
        return None

    def last_named(self, pos: int, word: str, *, kinds: frozenset[str]) -> Entity | None:
        """The most recent organisation whose name has ``word`` ("the ministry"), or that a
        mention named with it ("the regulator" after "Russia's communications regulator"
        named Roskomnadzor)."""
        for entity in self._before(pos):
            if entity.kind in kinds and not entity.described and (
                    word in entity.name.lower().split() or word in entity.descriptors):
                return entity
        return None
