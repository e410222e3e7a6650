"""Batch jobs over many inputs: analyse without storing, or ingest into the store.

Each input is handled on its own: a failure is reported and the batch goes on,
and every stored article is committed before the next is read, so a run that
is killed loses nothing it finished and the next run picks up where it was.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import islice
from multiprocessing import get_context

from sitroom.errors import InputError
from sitroom.extract.dedup import NEAR_DUPLICATE_JACCARD
from sitroom.ingest import iter_documents
from sitroom.models import AnalyzedArticle, RawDocument
from sitroom.pipeline import Analysis, analyze_document, analyze_for_store, raw_sha256
from sitroom.settings import Options
from sitroom.store import Store

log = logging.getLogger(__name__)


@dataclass(slots=True)
class IngestSummary:
    """What one ingest run did, counted by outcome."""

    new: int = 0
    duplicate: int = 0
    near_duplicate: int = 0
    unchanged: int = 0
    """Inputs whose exact bytes an earlier run had already stored."""
    failed: list[InputError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    """Problems that did not stop an input (a feed item stored from its summary)."""

    @property
    def total(self) -> int:
        return self.new + self.duplicate + self.near_duplicate + self.unchanged + len(self.failed)


def analyze_sources(
    sources: Iterable[str], options: Options, *, on_warning: Callable[[str], None] = log.warning
) -> Iterator[AnalyzedArticle | InputError]:
    """Analysed articles, or the error of each input that failed, in input order."""
    for item in iter_documents(sources, options):
        if isinstance(item, InputError):
            yield item
            continue
        for warning in item.warnings:
            on_warning(warning)
        try:
            yield analyze_document(item)
        except InputError as exc:
            yield exc


#: Documents handed to the worker pool at a time with ``jobs > 1``: enough to keep the
#: workers busy, few enough that a killed run redoes little (nothing committed is lost).
POOL_BATCH = 16


def ingest_sources(
    sources: Iterable[str],
    store: Store,
    options: Options,
    *,
    jobs: int = 1,
    on_item: Callable[[str, str], None] | None = None,
) -> IngestSummary:
    """Analyse every input and add it to the store.

    Args:
        sources: files, folders, globs, URLs, feeds, WARCs or "-" for stdin.
        store: the open store.
        options: fetch and size settings.
        jobs: processes that analyse articles; the store is written by this one.
        on_item: called with (origin, outcome) after each input, for progress.

    Returns:
        Counts of new, duplicate, near-duplicate, unchanged and failed inputs.
    """
    summary = IngestSummary()

    def report(origin: str, outcome: str) -> None:
        if on_item is not None:
            on_item(origin, outcome)

    with _analyzer(jobs) as analyze_many:
        documents = iter_documents(sources, options)
        while batch := list(islice(documents, POOL_BATCH if jobs > 1 else 1)):
            todo: list[RawDocument] = []
            for item in batch:
                outcome = _screen(item, store, summary)
                if outcome is not None:
                    report(item.origin, outcome)
                elif isinstance(item, RawDocument):
                    todo.append(item)
            for doc, analysis in zip(todo, analyze_many(todo), strict=True):
                report(doc.origin, _store(analysis, store, summary))
    return summary


@contextmanager
def _analyzer(
    jobs: int,
) -> Iterator[Callable[[list[RawDocument]], list[Analysis | InputError]]]:
    """A function that analyses a batch, in this process or in a pool of ``jobs``."""
    if jobs <= 1:
        yield lambda docs: [_analyze(doc) for doc in docs]
        return
    # spawn, not fork: a forked child would share the store's open connections.
    with get_context("spawn").Pool(jobs) as pool:
        yield lambda docs: pool.map(_analyze, docs, chunksize=1)


def _analyze(doc: RawDocument) -> Analysis | InputError:
    """One document's analysis, or why it failed (picklable either way)."""
    try:
        return analyze_for_store(doc)
    except InputError as exc:
        return exc


def _screen(item: RawDocument | InputError, store: Store, summary: IngestSummary) -> str | None:
    """The outcome of an input that needs no analysis (failed, seen before), else None."""
    if isinstance(item, InputError):
        summary.failed.append(item)
        log.warning("%s", item)
        return "failed"
    summary.warnings.extend(item.warnings)
    if store.seen_raw(raw_sha256(item)) is not None:
        summary.unchanged += 1
        return "unchanged"
    return None


def _store(analysis: Analysis | InputError, store: Store, summary: IngestSummary) -> str:
    """Add one analysed article to the store (or count its failure); the outcome's name."""
    if isinstance(analysis, InputError):
        summary.failed.append(analysis)
        log.warning("%s", analysis)
        return "failed"
    result = store.add(
        analysis.record,
        raw_sha256=analysis.raw_sha256,
        signature=analysis.fingerprint.signature,
        band_keys=analysis.fingerprint.band_keys,
        near_threshold=NEAR_DUPLICATE_JACCARD,
    )
    if result.status == "new":
        summary.new += 1
    elif result.status == "duplicate":
        summary.duplicate += 1
    else:
        summary.near_duplicate += 1
    return result.status
