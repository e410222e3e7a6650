"""The Zyte benchmark's shingle scorer, on texts small enough to count by hand."""

from __future__ import annotations

import pytest
from bench.scoring import (
    PageCounts,
    aggregate,
    bootstrap_f1_diff,
    page_counts,
    page_precision,
    page_recall,
    score,
    shingles,
    tokenize,
)


def test_tokenize_keeps_case_and_drops_punctuation() -> None:
    assert tokenize("Hello, world! It's 2019.") == ["Hello", "world", "It", "s", "2019"]
    assert tokenize("") == []
    assert tokenize(None) == []


def test_shingles_are_overlapping_four_word_windows() -> None:
    assert shingles("a b c d e") == {("a", "b", "c", "d"): 1, ("b", "c", "d", "e"): 1}


def test_short_text_is_one_short_shingle_and_empty_text_none() -> None:
    assert shingles("a b") == {("a", "b"): 1}
    assert shingles("  ,. ") == {}


def test_repeated_shingles_are_counted() -> None:
    # a b c d a b c d -> abcd, bcda, cdab, dabc, abcd
    assert shingles("a b c d a b c d")[("a", "b", "c", "d")] == 2
    counts = page_counts(true="a b c d a b c d", pred="a b c d")
    assert page_recall(counts) == pytest.approx(1 / 5)
    assert page_precision(counts) == 1.0


def test_identical_texts_score_one() -> None:
    text = "The minister said the talks would resume on Monday in Geneva."
    s = score([text], [text])
    assert (s.precision, s.recall, s.f1) == (1.0, 1.0, 1.0)


def test_disjoint_texts_score_zero() -> None:
    s = score(["one two three four five"], ["six seven eight nine ten"])
    assert (s.precision, s.recall, s.f1) == (0.0, 0.0, 0.0)


def test_case_matters() -> None:
    assert score(["The cat sat down"], ["the cat sat down"]).f1 == 0.0


def test_half_overlap() -> None:
    # truth: abcd, bcde; prediction: abcd, bcdx -> tp 1, fp 1, fn 1, each 1/3 once normalised
    counts = page_counts(true="a b c d e", pred="a b c d x")
    assert (counts.tp, counts.fp, counts.fn) == pytest.approx((1 / 3, 1 / 3, 1 / 3))
    s = score(["a b c d e"], ["a b c d x"])
    assert s.precision == pytest.approx(0.5)
    assert s.recall == pytest.approx(0.5)
    assert s.f1 == pytest.approx(0.5)


def test_prediction_part_of_truth() -> None:
    # truth has 3 shingles, the prediction 1 of them: precision 1, recall 1/3, F1 1/2
    s = score(["one two three four five six"], ["one two three four"])
    assert s.precision == pytest.approx(1.0)
    assert s.recall == pytest.approx(1 / 3)
    assert s.f1 == pytest.approx(0.5)


def test_counts_are_normalised_per_page() -> None:
    counts = page_counts(true="a b c d e f g h", pred="a b c d e f g h")
    assert counts == PageCounts(1.0, 0.0, 0.0)


def test_empty_prediction_counts_for_recall_only() -> None:
    counts = page_counts(true="a b c d e", pred="")
    assert counts == PageCounts(0.0, 0.0, 1.0)
    assert page_recall(counts) == 0.0
    # one perfect page and one empty prediction: precision over the first page only
    s = score(["a b c d e", "f g h i j"], ["a b c d e", ""])
    assert s.precision == pytest.approx(1.0)
    assert s.recall == pytest.approx(0.5)
    assert s.f1 == pytest.approx(2 * 1.0 * 0.5 / 1.5)


def test_empty_truth_counts_for_precision_only() -> None:
    counts = page_counts(true="", pred="a b c d e")
    assert page_precision(counts) == 0.0
    s = score(["a b c d e", ""], ["a b c d e", "a b c d e"])
    assert s.precision == pytest.approx(0.5)
    assert s.recall == pytest.approx(1.0)


def test_both_empty_is_perfect_but_left_out_of_the_means() -> None:
    counts = page_counts(true="", pred=None)
    assert counts == PageCounts(0.0, 0.0, 0.0)
    assert page_precision(counts) == 1.0
    assert page_recall(counts) == 1.0
    s = score(["a b c d e", ""], ["a b c d x", ""])
    assert s.precision == pytest.approx(0.5)
    assert s.recall == pytest.approx(0.5)


def test_nothing_to_score_gives_zero_not_an_error() -> None:
    assert aggregate([]).f1 == 0.0


def test_lengths_must_match() -> None:
    with pytest.raises(ValueError):
        score(["a"], [])


def test_bootstrap_difference_of_a_system_with_itself_is_zero() -> None:
    pages = [page_counts("a b c d e", "a b c d x"), page_counts("f g h i", "f g h i")]
    mean, half_width = bootstrap_f1_diff(pages, pages, n_bootstrap=50)
    assert mean == 0.0
    assert half_width == 0.0


def test_bootstrap_difference_has_the_right_sign() -> None:
    better = [page_counts("a b c d e", "a b c d e")] * 5
    worse = [page_counts("a b c d e", "a b c d x")] * 5
    mean, _ = bootstrap_f1_diff(better, worse, n_bootstrap=50)
    assert mean == pytest.approx(0.5)
