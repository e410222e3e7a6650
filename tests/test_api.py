"""The public API: sitroom.analyze and the records behind __all__."""

from pathlib import Path

import pytest

import sitroom


def test_analyze_a_file(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text(
        "Ministry says drills are over\n\n"
        'Defence Minister Olena Kovalenko said: "The exercises ended on schedule."\n',
        encoding="utf-8",
    )
    [record] = sitroom.analyze(str(page))
    assert isinstance(record, sitroom.AnalyzedArticle)
    assert record.to_dict()["schema"] == sitroom.SCHEMA
    [quote] = record.quotes
    assert quote["speaker"]["name"] == "Olena Kovalenko"


def test_analyze_raises_the_input_error(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with pytest.raises(sitroom.InputError, match=r"empty\.txt"):
        sitroom.analyze(str(empty))
