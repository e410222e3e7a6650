"""The figures lexicon: loaded once, and a broken edit names the file and key."""

from __future__ import annotations

import pytest

from sitroom.figures import lexicon
from sitroom.lexicons import DataFileError


def test_loaded_once_per_process() -> None:
    assert lexicon.figure_lexicon() is lexicon.figure_lexicon()


def test_the_file_maps_units_to_the_measures_of_the_records() -> None:
    lex = lexicon.figure_lexicon()
    assert lex.unit_measures[("troop",)] == "troops"
    assert lex.unit_measures[("battalion", "tactical", "group")] == "troops"
    assert set(lex.unit_measures.values()) <= lexicon.MEASURES
    assert lex.object_verbs["kill"] == "killed" and lex.subject_verbs["flee"] == "refugees"


def test_an_unknown_measure_is_an_error_naming_the_file() -> None:
    with pytest.raises(DataFileError, match=r"figures\.toml \[measures\.adjectives\]"):
        lexicon._measure_map({"dead": "corpses"}, "measures.adjectives")


def test_an_unknown_qualifier_is_an_error() -> None:
    with pytest.raises(DataFileError, match="'roughly' is not a qualifier"):
        lexicon._qualifiers({"roughly": ["about"]}, "qualifiers")
