"""The figures lexicon: ``data/figures.toml`` read once per process and checked.

Every word list of the stage lives in that file so that a user can add a unit
noun or a qualifier without touching code; a broken edit fails loudly with the
file and key named (``DataFileError``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from sitroom.lexicons import DataFileError, load_toml, str_list, sub_table

FILE = "figures.toml"

Phrase = tuple[str, ...]

#: The qualifiers of docs/records.md; ``exactly`` is what a bare number gets.
QUALIFIERS = frozenset({"exactly", "over", "under", "about", "up to", "at least", "at most",
                        "between", "nearly"})
#: The measures of docs/records.md.
MEASURES = frozenset({"troops", "killed", "wounded", "casualties", "refugees", "displaced",
                      "detained", "missing", "money", "equipment", "other"})


@dataclass(frozen=True, slots=True)
class NumberWords:
    """How numbers are spelt: ``[numbers]`` of the data file."""

    units: Mapping[str, int]
    weak_units: Mapping[str, int]
    one_before: frozenset[str]
    """Singular nouns after which a lone "one" counts ("one person was killed")."""
    magnitudes: Mapping[str, int]
    suffixes: Mapping[str, int]
    vague: Mapping[str, int]
    vague_lead: tuple[Phrase, ...]
    currency_symbols: Mapping[str, str]
    skip_before: frozenset[str]
    skip_after: frozenset[str]
    year_range: tuple[int, int]


@dataclass(frozen=True, slots=True)
class FigureLexicon:
    """Everything the figures stage reads from ``data/figures.toml``."""

    numbers: NumberWords
    currency_nouns: Mapping[str, str]
    qualifiers_before: tuple[tuple[Phrase, str], ...]
    """(phrase, qualifier), longest phrase first."""
    qualifiers_after: tuple[tuple[Phrase, str], ...]
    unit_measures: Mapping[Phrase, str]
    """Lemma phrase of a counted noun -> measure."""
    people: frozenset[str]
    """Counted-noun lemmas whose measure a verb or adjective beside them decides."""
    object_verbs: Mapping[str, str]
    subject_verbs: Mapping[str, str]
    adjectives: Mapping[str, str]
    totals: Mapping[str, str]
    """Nouns that stand for a count of one measure: "the death toll rose to 450"."""
    count_nouns: frozenset[str]
    """Nouns whose "of" names what is counted: "the number of refugees reached 2 million"."""
    money_prepositions: frozenset[str]
    place_prepositions: frozenset[str]
    place_verbs: Mapping[str, str]
    not_places: frozenset[str]
    subject_max_words: int
    estimate_words: frozenset[str]
    estimate_phrases: tuple[Phrase, ...]
    revision_cues: tuple[Phrase, ...]
    change_verbs: frozenset[str]
    according: tuple[Phrase, ...]
    unnamed: tuple[Phrase, ...]
    skip_labels: frozenset[str]
    anaphoric: frozenset[str]
    rates: tuple[Phrase, ...]
    """Phrases after a figure that make it a rate ("100 people a day"), which is no count."""
    """Determiners that make a number of measure ``other`` a reference back, not a count."""


@cache
def figure_lexicon() -> FigureLexicon:
    """The figures lexicon, loaded and checked once per process.

    Raises:
        DataFileError: ``figures.toml`` is missing or has the wrong shape.
    """
    doc = load_toml(FILE)
    numbers = _table(doc, "numbers")
    currency = _table(doc, "currency")
    qualifiers = _table(doc, "qualifiers")
    measures = _table(doc, "measures")
    subject = _table(doc, "subject")
    revision = _table(doc, "revision")
    source = _table(doc, "source")
    skip = _table(doc, "skip")
    estimate = _table(doc, "estimate")
    object_verbs, subject_verbs = _verbs(sub_table(measures, "verbs", where=f"{FILE} [measures]"))
    return FigureLexicon(
        numbers=_number_words(numbers, currency, skip),
        currency_nouns=_str_map(currency, "nouns", "currency"),
        qualifiers_before=_qualifiers({k: v for k, v in qualifiers.items() if k != "after"},
                                      "qualifiers"),
        qualifiers_after=_qualifiers(sub_table(qualifiers, "after", where=FILE),
                                     "qualifiers.after"),
        unit_measures=_unit_measures(measures),
        people=frozenset(_words(sub_table(measures, "people", where=FILE), "nouns",
                                "measures.people")),
        object_verbs=object_verbs,
        subject_verbs=subject_verbs,
        adjectives=_measure_map(sub_table(measures, "adjectives", where=FILE),
                                "measures.adjectives"),
        totals=_measure_map(sub_table(measures, "totals", where=FILE), "measures.totals"),
        count_nouns=frozenset(_words(sub_table(measures, "count_nouns", where=FILE), "nouns",
                                     "measures.count_nouns")),
        money_prepositions=frozenset(_words(subject, "money_prepositions", "subject")),
        place_prepositions=frozenset(_words(subject, "place_prepositions", "subject")),
        place_verbs=_str_map(subject, "place_verbs", "subject"),
        not_places=frozenset(_words(subject, "not_places", "subject")),
        subject_max_words=_int(subject, "max_words", "subject"),
        estimate_words=frozenset(_words(estimate, "words", "estimate")),
        estimate_phrases=_phrases(estimate, "phrases", "estimate"),
        revision_cues=_phrases(revision, "older_after", "revision"),
        change_verbs=frozenset(_words(revision, "change_verbs", "revision")),
        according=_phrases(source, "according", "source"),
        unnamed=_phrases(source, "unnamed", "source"),
        skip_labels=frozenset(str_list(skip, "entity_labels", where=f"{FILE} [skip]")),
        anaphoric=frozenset(_words(skip, "anaphoric", "skip")),
        rates=_phrases(skip, "rates", "skip"),
    )


def _number_words(numbers: dict[str, Any], currency: dict[str, Any], skip: dict[str, Any]
                  ) -> NumberWords:
    return NumberWords(
        units=_int_map(numbers, "units", "numbers"),
        weak_units=_int_map(numbers, "weak_units", "numbers"),
        one_before=frozenset(_words(numbers, "one_before", "numbers")),
        magnitudes=_int_map(numbers, "magnitudes", "numbers"),
        suffixes=_int_map(numbers, "suffixes", "numbers"),
        vague=_int_map(numbers, "vague", "numbers"),
        vague_lead=_phrases(numbers, "vague_lead", "numbers"),
        currency_symbols=_str_map(currency, "symbols", "currency"),
        skip_before=frozenset(_words(skip, "before", "skip")),
        skip_after=frozenset(_words(skip, "after", "skip")),
        year_range=(_int(skip, "year_min", "skip"), _int(skip, "year_max", "skip")),
    )


def _table(doc: Mapping[str, Any], key: str) -> dict[str, Any]:
    if key not in doc:
        raise DataFileError(f"{FILE}: missing table [{key}]")
    return sub_table(doc, key, where=FILE)


def _words(table: Mapping[str, Any], key: str, where: str) -> list[str]:
    """Lower-case strings of ``[where] key``."""
    return [w.lower() for w in str_list(table, key, where=f"{FILE} [{where}]")]


def _phrases(table: Mapping[str, Any], key: str, where: str) -> tuple[Phrase, ...]:
    """Phrases as word tuples, longest first so that the longest match wins."""
    phrases = {tuple(w.split()) for w in _words(table, key, where)}
    return tuple(sorted(phrases, key=lambda p: (-len(p), p)))


def _int(table: Mapping[str, Any], key: str, where: str) -> int:
    value = table.get(key)
    if not isinstance(value, int) or isinstance(value, bool):
        raise DataFileError(f"{FILE} [{where}]: {key!r} must be an integer")
    return value


def _int_map(table: Mapping[str, Any], key: str, where: str) -> dict[str, int]:
    items = sub_table(table, key, where=f"{FILE} [{where}]")
    return {word.lower(): _int(items, word, f"{where}.{key}") for word in items}


def _str_map(table: Mapping[str, Any], key: str, where: str) -> dict[str, str]:
    items = sub_table(table, key, where=f"{FILE} [{where}]")
    out: dict[str, str] = {}
    for word, value in items.items():
        if not isinstance(value, str):
            raise DataFileError(f"{FILE} [{where}.{key}]: {word!r} must be a string")
        out[word.lower()] = value
    return out


def _measure(value: str, where: str) -> str:
    if value not in MEASURES:
        raise DataFileError(f"{FILE} [{where}]: {value!r} is not a measure of docs/records.md "
                            f"({', '.join(sorted(MEASURES))})")
    return value


def _measure_map(items: Mapping[str, Any], where: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for word, value in items.items():
        if not isinstance(value, str):
            raise DataFileError(f"{FILE} [{where}]: {word!r} must be a string")
        out[word.lower()] = _measure(value, where)
    return out


def _unit_measures(measures: Mapping[str, Any]) -> dict[Phrase, str]:
    """Counted-noun lemma phrase -> measure, from the lists of ``[measures]``."""
    out: dict[Phrase, str] = {}
    for measure, nouns in measures.items():
        if isinstance(nouns, dict):
            continue  # [measures.people], [measures.verbs], [measures.adjectives]
        _measure(measure, "measures")
        for noun in _words(measures, measure, "measures"):
            out[tuple(noun.split())] = measure
    return out


def _verbs(table: Mapping[str, Any]) -> tuple[dict[str, str], dict[str, str]]:
    """(object verb -> measure, subject verb -> measure) from ``[measures.verbs]``."""
    objects: dict[str, str] = {}
    subjects: dict[str, str] = {}
    for measure, roles in table.items():
        where = f"measures.verbs.{measure}"
        if not isinstance(roles, dict):
            raise DataFileError(f"{FILE} [{where}]: must be a table of object and subject")
        _measure(measure, where)
        objects.update(dict.fromkeys(_words(roles, "object", where), measure))
        subjects.update(dict.fromkeys(_words(roles, "subject", where), measure))
    return objects, subjects


def _qualifiers(table: Mapping[str, Any], where: str) -> tuple[tuple[Phrase, str], ...]:
    pairs: list[tuple[Phrase, str]] = []
    for qualifier in table:
        if qualifier not in QUALIFIERS:
            raise DataFileError(f"{FILE} [{where}]: {qualifier!r} is not a qualifier "
                                f"({', '.join(sorted(QUALIFIERS))})")
        pairs.extend((phrase, qualifier) for phrase in _phrases(table, qualifier, where))
    return tuple(sorted(pairs, key=lambda pair: -len(pair[0])))


def ends_with(words: Sequence[str], end: int, phrases: Sequence[Phrase]) -> Phrase | None:
    """The first (longest) of ``phrases`` that ``words[:end]`` ends with, or None."""
    for phrase in phrases:
        start = end - len(phrase)
        if start >= 0 and tuple(words[start:end]) == phrase:
            return phrase
    return None


def starts_with(words: Sequence[str], start: int, phrases: Sequence[Phrase]) -> Phrase | None:
    """The first (longest) of ``phrases`` that ``words[start:]`` begins with, or None."""
    for phrase in phrases:
        if tuple(words[start:start + len(phrase)]) == phrase:
            return phrase
    return None


def find_phrase(words: Sequence[str], phrases: Sequence[Phrase]) -> int | None:
    """The index where the first of ``phrases`` to occur in ``words`` starts, or None."""
    for i in range(len(words)):
        if starts_with(words, i, phrases) is not None:
            return i
    return None
