"""The PLOVER lexicon: ``data/plover.toml`` loaded and checked once per process.

Every trigger, mode and weight the events stage uses comes from that file, so
that users can read and extend it; a broken edit fails here with the file and
the key named (``DataFileError``) instead of silently matching nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any, Literal

from sitroom.lexicons import DataFileError, load_toml, str_list, sub_table

FILE = "plover.toml"
#: The 16 PLOVER event types, in the order of the PLOVER codebook.
TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
#: The Goldstein-like scale the type weights live on.
SCALE = (-10.0, 10.0)

Pos = Literal["verb", "noun", "adj", "charge"]


@dataclass(frozen=True, slots=True)
class Trigger:
    """One trigger entry: its words, its part of speech and its weight.

    For verbs ``words[0]`` is the verb and ``deps`` are words it must govern;
    for nouns ``words`` stand one after another, ending in the head noun, and
    ``deps`` must be governed by that noun.
    """

    type: str
    pos: Pos
    words: tuple[str, ...]
    deps: tuple[str, ...]
    weight: float

    @property
    def size(self) -> int:
        """How specific the entry is: its number of words."""
        return len(self.words) + len(self.deps)


@dataclass(frozen=True, slots=True)
class TypeInfo:
    """What the file says about one PLOVER type."""

    name: str
    weight: float
    modes: tuple[tuple[str, frozenset[str]], ...]
    exceptions: tuple[Trigger, ...]


@dataclass(slots=True)
class Lexicon:
    """All triggers, indexed by the lemma a token must have to start a match."""

    types: dict[str, TypeInfo]
    #: verb and adjective triggers by their head lemma
    heads: dict[str, list[Trigger]] = field(default_factory=dict)
    #: noun and charge triggers by their last (head) word
    nouns: dict[str, list[Trigger]] = field(default_factory=dict)
    #: words of promising: what they govern is promised or threatened
    commitment: frozenset[str] = frozenset()
    #: nouns that name a state of affairs, not an event ("the war")
    states: frozenset[str] = frozenset()
    #: nouns and adjectives of capacity: an action they govern is only possible
    capacities: frozenset[str] = frozenset()
    #: ambiguous trigger words: word -> type -> words of the sentence that mean that type
    senses: dict[str, dict[str, frozenset[str]]] = field(default_factory=dict)

    def weight(self, event_type: str) -> float:
        """The PLOVER-scale weight of a type."""
        return self.types[event_type].weight


@cache
def lexicon() -> Lexicon:
    """The package's PLOVER lexicon, loaded and checked once.

    Raises:
        DataFileError: the file is missing, a type is missing or unknown, or
            an entry has the wrong shape; the message names the file and key.
    """
    return build(load_toml(FILE))


def build(doc: Mapping[str, Any], *, where: str = FILE) -> Lexicon:
    """A ``Lexicon`` from a parsed file (split out so tests can check bad files).

    Raises:
        DataFileError: see ``lexicon``.
    """
    unknown = sorted(set(doc) - set(TYPES) - {"commitment", "background", "senses"})
    if unknown:
        raise DataFileError(f"{where}: unknown event type(s) {unknown}; known: {list(TYPES)}")
    lex = Lexicon(types={})
    for name in TYPES:
        if name not in doc or not isinstance(doc[name], dict):
            raise DataFileError(f"{where}: missing table [{name}]")
        _add_type(lex, name, doc[name], f"{where} [{name}]")
    commitment = sub_table(doc, "commitment", where=where)
    lex.commitment = frozenset(
        str_list(commitment, "words", where=f"{where} [commitment]", default=[]))
    background = sub_table(doc, "background", where=where)
    lex.states = frozenset(
        str_list(background, "states", where=f"{where} [background]", default=[]))
    lex.capacities = frozenset(
        str_list(background, "capacities", where=f"{where} [background]", default=[]))
    senses = sub_table(doc, "senses", where=where)
    for word in senses:
        table = sub_table(senses, word, where=f"{where} [senses]")
        for name in table:
            if name not in TYPES:
                raise DataFileError(f"{where} [senses.{word}]: unknown event type {name!r}")
            lex.senses.setdefault(word, {})[name] = frozenset(
                str_list(table, name, where=f"{where} [senses.{word}]"))
    return lex


def _add_type(lex: Lexicon, name: str, table: dict[str, Any], where: str) -> None:
    """Check one ``[TYPE]`` table and index its triggers."""
    weight = _number(table, "weight", where)
    if not SCALE[0] <= weight <= SCALE[1]:
        raise DataFileError(f"{where}: 'weight' must lie in {SCALE}, not {weight}")
    weights = _weights(sub_table(table, "weights", where=where), f"{where}.weights")
    entries: tuple[tuple[Pos, str], ...] = (("verb", "verbs"), ("adj", "adjectives"),
                                           ("noun", "nouns"), ("charge", "charges"))
    for pos, key in entries:
        for entry in str_list(table, key, where=where, default=[]):
            _index(lex, parse_entry(name, pos, entry, weights.get(entry, 1.0),
                                    where=f"{where}.{key}"))
    for entry in pair_entries(sub_table(table, "pairs", where=where), f"{where}.pairs"):
        _index(lex, parse_entry(name, "verb", entry, weights.get(entry, 1.0),
                                where=f"{where}.pairs"))
    if name != "ACCUSE" and "charges" in table:
        raise DataFileError(f"{where}: 'charges' is only read for ACCUSE")
    modes = tuple((mode, frozenset(str_list(sub_table(table, "modes", where=where), mode,
                                            where=f"{where}.modes")))
                  for mode in sub_table(table, "modes", where=where))
    # An exception is read like a verb entry: its head word, then words the head governs.
    exceptions = tuple(parse_entry(name, "verb", e, 1.0, where=f"{where}.except")
                       for e in str_list(table, "except", where=where, default=[]))
    lex.types[name] = TypeInfo(name=name, weight=weight, modes=modes, exceptions=exceptions)


def _index(lex: Lexicon, trig: Trigger) -> None:
    """File a trigger under the word a token must have to start it."""
    if trig.pos in ("verb", "adj"):
        lex.heads.setdefault(trig.words[0], []).append(trig)
    else:
        lex.nouns.setdefault(trig.words[-1], []).append(trig)


def pair_entries(pairs: dict[str, Any], where: str) -> list[str]:
    """Verb entries from ``[TYPE.pairs.NAME]`` tables: every verb with every object.

    ``verbs = ["send", "deliver"]`` and ``objects = ["aid", "food"]`` give
    "send aid", "send food", "deliver aid" and "deliver food".

    Raises:
        DataFileError: a pair is not a table, or lacks its verbs or objects.
    """
    out: list[str] = []
    for key in pairs:
        group = sub_table(pairs, key, where=where)
        verbs = str_list(group, "verbs", where=f"{where}.{key}")
        objects = str_list(group, "objects", where=f"{where}.{key}")
        out.extend(f"{verb} {obj}" for verb in verbs for obj in objects)
    return out


def parse_entry(event_type: str, pos: Pos, entry: str, weight: float, *, where: str) -> Trigger:
    """One trigger string as a ``Trigger`` ("pull back", "press conference + with").

    Raises:
        DataFileError: the entry is empty or has an empty part.
    """
    text = entry.strip().lower()
    main, plus, rest = text.partition(" + ")
    words = tuple(w for w in main.replace("-", " ").split() if w)
    extra = tuple(w for w in rest.split() if w) if plus else ()
    if not words or (plus and not extra):
        raise DataFileError(f"{where}: bad trigger {entry!r}")
    if pos in ("verb", "adj"):
        return Trigger(event_type, pos, words[:1], words[1:] + extra, weight)
    return Trigger(event_type, pos, words, extra, weight)


def _weights(table: dict[str, Any], where: str) -> dict[str, float]:
    """Trigger weights, each in (0, 1]."""
    out: dict[str, float] = {}
    for key in table:
        value = _number(table, key, where)
        if not 0.0 < value <= 1.0:
            raise DataFileError(f"{where}: weight of {key!r} must be in (0, 1], not {value}")
        out[key] = value
    return out


def _number(table: Mapping[str, Any], key: str, where: str) -> float:
    """A required number under ``key``."""
    value = table.get(key)
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise DataFileError(f"{where}: {key!r} must be a number")
    return float(value)
