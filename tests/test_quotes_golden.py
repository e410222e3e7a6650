"""Golden articles: every statement found, with its type and its speaker's full name.

Each ``tests/fixtures/quotes/*.txt`` is an article the developers wrote; the
``.json`` beside it lists the statements that must be found ("phrase" is a
piece of the quote's text) and phrases that must not appear as a quote.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from sitroom.attribution import attribute
from sitroom.models import Article

FIXTURES = Path(__file__).parent / "fixtures" / "quotes"
CASES = sorted(FIXTURES.glob("*.json"))


def _run(case: Path) -> tuple[str, dict[str, Any], list[dict[str, Any]]]:
    expected = json.loads(case.read_text(encoding="utf-8"))
    text = case.with_suffix(".txt").read_text(encoding="utf-8").strip()
    result = attribute(Article(text=text, published=expected["published"]),
                       outlet=expected.get("outlet"))
    return text, expected, result.quotes


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_golden_article(case: Path) -> None:
    _, expected, quotes = _run(case)
    for want in expected["quotes"]:
        hits = [q for q in quotes if want["phrase"] in q["text"]]
        assert len(hits) == 1, f"{want['phrase']!r}: {len(hits)} quotes hold it"
        quote = hits[0]
        assert quote["type"] == want["type"], want["phrase"]
        assert quote["speaker"] is not None, want["phrase"]
        assert quote["speaker"]["name"] == want["speaker"], want["phrase"]
    for phrase in expected.get("absent", []):
        assert not any(phrase in q["text"] for q in quotes), phrase
    assert len(quotes) == len(expected["quotes"]), [q["text"] for q in quotes]


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_golden_spans_index_the_text(case: Path) -> None:
    text, _, quotes = _run(case)
    for quote in quotes:
        start, end = quote["span"]
        assert text[start:end] == quote["text"]
        if quote["cue"] is not None:
            cs, ce = quote["cue"]["span"]
            assert text[cs:ce] == quote["cue"]["text"]
        if quote["speaker"] is not None:
            ms, me = quote["speaker"]["span"]
            assert text[ms:me] == quote["speaker"]["mention"]
