"""Duplicate keys: exact ids from the normalised body, MinHash for near-duplicates."""

from sitroom.extract.dedup import NEAR_DUPLICATE_JACCARD, estimated_jaccard, fingerprint, shingles
from sitroom.models import article_id

WIRE = (
    "Russian forces have massed more than 150,000 troops near the border, the US "
    "president said on Tuesday, warning that an attack remained distinctly possible. "
    "Moscow said some units were returning to their bases after drills, but Western "
    "officials said they had seen no evidence of a pullback. The defence ministry "
    "released video of tanks loading onto trains in Crimea. Nato's chief said the "
    "alliance was ready to talk but would not trade away its open-door policy. "
    "Ukraine's foreign minister urged calm and said diplomacy was still working."
)


def test_same_body_same_id_whatever_the_spacing_and_case() -> None:
    assert article_id(WIRE) == article_id("  " + WIRE.upper().replace(" ", "\n"))


def test_different_bodies_have_different_ids() -> None:
    assert article_id(WIRE) != article_id(WIRE + " One more sentence.")


def test_republished_wire_story_is_a_near_duplicate() -> None:
    edited = WIRE.replace("on Tuesday", "on Tuesday evening").replace(
        " Ukraine's foreign minister urged calm and said diplomacy was still working.", ""
    )
    a, b = fingerprint(WIRE), fingerprint(edited)
    assert estimated_jaccard(a.signature, b.signature) >= NEAR_DUPLICATE_JACCARD
    assert set(a.band_keys) & set(b.band_keys), "near-duplicates must share an LSH band"


def test_different_story_on_same_crisis_is_not_a_near_duplicate() -> None:
    other = (
        "Refugees crossing into Poland described long queues at the border as temperatures "
        "fell below freezing. Aid agencies said more than a million people had left Ukraine, "
        "and the UN refugee agency warned the number could rise sharply within weeks."
    )
    a, b = fingerprint(WIRE), fingerprint(other)
    assert estimated_jaccard(a.signature, b.signature) < 0.2
    assert not set(a.band_keys) & set(b.band_keys)


def test_shingles_of_a_short_text() -> None:
    assert shingles("Two words") == {b"two words"}
    assert shingles("") == set()
