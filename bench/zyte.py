"""Article-body extraction on the Zyte benchmark: sitroom beside trafilatura.

The 181 pages of scrapinghub/article-extraction-benchmark (``html/*.html.gz``
and ``ground-truth.json``), scored the standard way (``bench.scoring``).
Both systems get the same decoded text (UTF-8, as the original benchmark
reads the pages; undecodable bytes become U+FFFD) and no URL, as in the
original benchmark's runners. They run in the same loop, page by page, in
alternating order, each call timed with ``time.perf_counter`` on one core.

sitroom is ``extract_html`` (body plus metadata and dates, the whole call);
the baseline is ``trafilatura.extract(html, favor_precision=True,
include_comments=False)``, which shared/NOTES.md measured at 0.964 F1 here.
"""

from __future__ import annotations

import gzip
import json
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

from bench import scoring
from bench.common import OUTPUT_DIR, Options, Row, SectionResult, skipped

NAME = "zyte"
DATASET = "zyte-article-extraction"
BASELINE_NAME = "trafilatura {version} (favor_precision, no comments)"
METRICS = ("extraction F1", "extraction precision", "extraction recall", "extraction pages/s")


@dataclass(frozen=True, slots=True)
class Page:
    id: str
    url: str | None
    truth: str
    html: str


def decode(data: bytes) -> str:
    """The page as text, the same way for every system under test."""
    return data.decode("utf-8", errors="replace")


def load(folder: Path, limit: int | None = None) -> list[Page]:
    """Pages with ground truth, sorted by id; the first ``limit`` when given."""
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for page_id in sorted(truth):
        path = folder / "html" / f"{page_id}.html.gz"
        if not path.is_file():
            continue
        html = decode(gzip.decompress(path.read_bytes()))
        item = truth[page_id]
        pages.append(Page(page_id, item.get("url"), item.get("articleBody") or "", html))
        if limit is not None and len(pages) >= limit:
            break
    return pages


def sitroom_extract(page: Page) -> str:
    from sitroom.errors import NoArticle
    from sitroom.extract.html import extract_html

    try:
        return extract_html(page.html, origin=f"{page.id}.html.gz").text
    except NoArticle:
        return ""


def trafilatura_extract(page: Page) -> str:
    import trafilatura

    return trafilatura.extract(page.html, favor_precision=True, include_comments=False) or ""


@dataclass(slots=True)
class Run:
    """One system's predictions, per-page counts, time and failures."""

    name: str
    extract: Callable[[Page], str]
    preds: list[str]
    seconds: float = 0.0
    errors: int = 0

    def call(self, page: Page) -> None:
        start = time.perf_counter()
        try:
            text = self.extract(page)
        except Exception:  # a crash on one page scores as an empty prediction
            text = ""
            self.errors += 1
        self.seconds += time.perf_counter() - start
        self.preds.append(text)


def run(options: Options) -> SectionResult:
    folder = options.data / DATASET
    if not (folder / "ground-truth.json").is_file() or not (folder / "html").is_dir():
        return skipped(NAME, [f"{m} ({DATASET})" for m in METRICS], DATASET, folder)
    pages = load(folder, options.limit)
    if not pages:
        return skipped(NAME, [f"{m} ({DATASET})" for m in METRICS], DATASET, folder)

    import trafilatura

    baseline_name = BASELINE_NAME.format(version=trafilatura.__version__)
    ours = Run("sitroom", sitroom_extract, [])
    theirs = Run("trafilatura", trafilatura_extract, [])
    # Warm up both (lazy imports, caches) outside the clock.
    sitroom_extract(pages[0])
    trafilatura_extract(pages[0])
    for i, page in enumerate(pages):
        first, second = (ours, theirs) if i % 2 == 0 else (theirs, ours)
        first.call(page)
        second.call(page)

    truths = [p.truth for p in pages]
    our_pages = [scoring.page_counts(t, p) for t, p in zip(truths, ours.preds, strict=True)]
    their_pages = [scoring.page_counts(t, p) for t, p in zip(truths, theirs.preds, strict=True)]
    a, b = scoring.aggregate(our_pages), scoring.aggregate(their_pages)
    diff, ci = scoring.bootstrap_f1_diff(our_pages, their_pages)
    _write_pages(pages, our_pages, their_pages, ours.preds, theirs.preds)

    n = len(pages)
    label = f"(Zyte, {n} pages)"
    empty = (
        f"empty output: {sum(1 for p in ours.preds if not p.strip())} vs "
        f"{sum(1 for p in theirs.preds if not p.strip())}"
    )
    if ours.errors or theirs.errors:
        empty += f"; crashes: {ours.errors} vs {theirs.errors}"

    def row(metric: str, ours_v: float, theirs_v: float, notes: str, fmt: str = ".3f") -> Row:
        return Row(f"{metric} {label}", ours_v, theirs_v, baseline_name, notes, fmt, NAME)

    return SectionResult(
        rows=[
            row("extraction F1", a.f1, b.f1, f"difference {diff:+.3f} ± {ci:.3f} (bootstrap 95%)"),
            row("extraction precision", a.precision, b.precision, empty),
            row("extraction recall", a.recall, b.recall, ""),
            row(
                "extraction pages/s",
                n / ours.seconds if ours.seconds else 0.0,
                n / theirs.seconds if theirs.seconds else 0.0,
                f"one core; {ours.seconds:.1f}s vs {theirs.seconds:.1f}s",
                ".1f",
            ),
        ],
        footnotes=[
            "zyte: scored as scrapinghub/article-extraction-benchmark does: 4-word shingles "
            "of \\w+ tokens, per-page precision and recall averaged over pages, F1 of the "
            "two averages; the difference interval resamples pages for both systems together.",
            "zyte: both systems get the same UTF-8-decoded page and no URL, in one loop, "
            "alternating which runs first; sitroom's time is the whole extract_html call "
            "(body, metadata, dates and a second htmldate pass for the updated date). "
            "Per-page scores: .bench/zyte-pages.json.",
        ],
    )


def _write_pages(
    pages: list[Page],
    ours: list[scoring.PageCounts],
    theirs: list[scoring.PageCounts],
    our_preds: list[str],
    their_preds: list[str],
) -> None:
    """Per-page scores, for finding where the two systems differ (not tuning on pages)."""
    OUTPUT_DIR.mkdir(exist_ok=True)
    out = [
        {
            "id": p.id,
            "url": p.url,
            "sitroom": asdict(o) | {"chars": len(op)},
            "trafilatura": asdict(t) | {"chars": len(tp)},
            "truth_chars": len(p.truth),
        }
        for p, o, t, op, tp in zip(pages, ours, theirs, our_preds, their_preds, strict=True)
    ]
    (OUTPUT_DIR / "zyte-pages.json").write_text(json.dumps(out, indent=1), encoding="utf-8")
