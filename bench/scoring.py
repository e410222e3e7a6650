"""Article-body scoring the standard way of scrapinghub/article-extraction-benchmark.

Both texts are tokenised into ``\\w+`` runs (case kept), cut into overlapping
4-word shingles, and compared as multisets. Each page gives true positives,
false positives and false negatives, normalised so that they sum to one (long
pages weigh no more than short ones). Precision is averaged over the pages
where something was predicted or expected to match (``tp + fp > 0``), recall
over the pages with ground truth (``tp + fn > 0``), and F1 is computed from
the two averages, not averaged per page.

A text shorter than four tokens makes one shorter shingle; an empty text makes
none. An empty prediction for a page with ground truth scores recall 0 on that
page and does not count towards precision, as in the original ``evaluate.py``.
"""

from __future__ import annotations

import random
import re
import statistics
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

NGRAM_N = 4
_TOKEN_RE = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class PageCounts:
    """Shingle matches on one page, normalised to sum to one (or all zero)."""

    tp: float
    fp: float
    fn: float


@dataclass(frozen=True, slots=True)
class Scores:
    precision: float
    recall: float
    f1: float


def tokenize(text: str | None) -> list[str]:
    return _TOKEN_RE.findall(text or "")


def shingles(text: str | None, n: int = NGRAM_N) -> Counter[tuple[str, ...]]:
    """Overlapping n-token shingles; a shorter non-empty text is one shingle."""
    tokens = tokenize(text)
    if not tokens:
        return Counter()
    if len(tokens) < n:
        return Counter([tuple(tokens)])
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def page_counts(true: str | None, pred: str | None, n: int = NGRAM_N) -> PageCounts:
    """True/false positives and false negatives over the shingles of one page."""
    t, p = shingles(true, n), shingles(pred, n)
    tp = float(sum((t & p).values()))
    fp = float(sum((p - t).values()))
    fn = float(sum((t - p).values()))
    total = tp + fp + fn
    if total > 0:
        return PageCounts(tp / total, fp / total, fn / total)
    return PageCounts(tp, fp, fn)


def page_precision(c: PageCounts) -> float:
    if c.fp == c.fn == 0:
        return 1.0
    if c.tp == c.fp == 0:
        return 0.0
    return c.tp / (c.tp + c.fp)


def page_recall(c: PageCounts) -> float:
    if c.fp == c.fn == 0:
        return 1.0
    if c.tp == c.fn == 0:
        return 0.0
    return c.tp / (c.tp + c.fn)


def aggregate(pages: Sequence[PageCounts]) -> Scores:
    """Mean precision and recall over the pages where each is defined, and their F1."""
    precisions = [page_precision(c) for c in pages if c.tp + c.fp > 0]
    recalls = [page_recall(c) for c in pages if c.tp + c.fn > 0]
    precision = statistics.fmean(precisions) if precisions else 0.0
    recall = statistics.fmean(recalls) if recalls else 0.0
    denom = precision + recall
    f1 = 2 * precision * recall / denom if denom > 0 else 0.0
    return Scores(precision, recall, f1)


def score(truths: Sequence[str | None], preds: Sequence[str | None]) -> Scores:
    """Score predictions against ground truth, page by page in the same order."""
    if len(truths) != len(preds):
        raise ValueError(f"{len(truths)} truths but {len(preds)} predictions")
    return aggregate([page_counts(t, p) for t, p in zip(truths, preds, strict=True)])


def bootstrap_f1_diff(
    a: Sequence[PageCounts],
    b: Sequence[PageCounts],
    n_bootstrap: int = 1000,
    seed: int = 0,
) -> tuple[float, float]:
    """Mean and 95% half-width of F1(a) - F1(b) over pages resampled together.

    The same resampling as the original ``--bootstrap-differences``: both
    systems are scored on the same resampled pages, so the interval is about
    their difference, not about either alone.
    """
    if len(a) != len(b) or not a:
        raise ValueError("need the same, non-empty list of pages for both systems")
    rng = random.Random(seed)
    n = len(a)
    diffs = []
    for _ in range(n_bootstrap):
        idx = [rng.randrange(n) for _ in range(n)]
        diffs.append(aggregate([a[i] for i in idx]).f1 - aggregate([b[i] for i in idx]).f1)
    if len(diffs) < 2:
        return (diffs[0] if diffs else 0.0), 0.0
    return statistics.fmean(diffs), 1.96 * statistics.stdev(diffs)
