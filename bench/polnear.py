"""Quote F1 and source accuracy on PolNeAR dev: sitroom beside textacy.

PolNeAR (Newell, Margolin, Ruths, LREC 2018) annotates attributions in news
articles in brat standoff: ``Source``, ``Cue`` and ``Content`` text spans with
character offsets into ``text/<article>.txt``, tied together by ``E`` lines.
Some articles have several annotator files (``<article>_<annotator>.ann``);
the first annotator in sorted order is used, always the same one.

Gold: one item per attribution (``E`` line) with a content; its content is the
union of its ``Content`` spans (``Content2`` is a second part of the same
content, and a span may be discontinuous), its source the ``Source`` span
text, or none (``Attribution-no-source``).

Scoring (issue 3): a gold content is found when one predicted quote covers at
least half its word tokens; each prediction is used at most once, matched
greedily as in ``shared/tools/score_quotes.py`` (``bench.quotes``).
Precision is matched predictions over all predictions, recall found gold over
all gold. Source accuracy is, of the found gold contents that have a source,
the share whose predicted speaker mention or name shares a content word
(two or more letters, not a spaCy stop word, case-insensitive) with the gold
source text; a gold source of stop words only ("he") is named by the same
words. Found contents whose attribution has no source are left out of source
accuracy (there is nothing to name) and counted in the notes.

Both systems are scored on their quotes as they output them: one prediction
per quote, as the issue's rule reads. PolNeAR's unit is one attribution, whose
content may come in pieces (`"A," X said. "B."`, and a quoted paragraph that
carries X's words on), where sitroom outputs one quote per statement; a
footnote gives sitroom's score with its quotes that share a cue and a speaker
mention joined into one prediction (``attributions``).

Both systems read the article text as it is: sitroom through
``sitroom.attribution.attribute`` on ``Article(text=..., published=...)`` with
the outlet's name (``OUTLETS``), both from ``metadata.tsv`` (the stage for text
that is already clean, so spans index the gold's text),
textacy 0.13's ``direct_quotations`` on one ``Doc`` of the whole text parsed by
the same spaCy model. Missed gold and unmatched predictions per article go to
``.bench/polnear-errors.json``.
"""

from __future__ import annotations

import csv
import json
import re
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from bench import quotes
from bench.common import OUTPUT_DIR, Options, Row, SectionResult, skipped
from bench.quotes import PredQuote, Span

NAME = "polnear"
DATASET = "polnear"
SPLIT = "dev"
METRICS = ("quote F1", "quote precision", "quote recall", "source accuracy")
#: Measured by the issue's author on the withheld test split (issue 3, "Targets").
REFERENCE = "test split: textacy F1 0.34 / source 0.71, citron 0.48 / 0.74; target 0.80 / 0.90"
#: metadata.tsv's publisher -> the outlet's name, passed to sitroom as ``outlet`` (the country
#: an unqualified role such as "the president" is read in), as sitroom's ingest would name it.
OUTLETS = {
    "breitbart": "Breitbart News",
    "huff-post": "HuffPost",
    "nyt": "The New York Times",
    "politico": "Politico",
    "usa-today": "USA Today",
    "wash-post": "The Washington Post",
    "west-journal": "The Western Journal",
}
_ANNOTATOR_RE = re.compile(r"^(?P<article>.+)_(?P<annotator>[0-9a-f]{4})\.ann$")


# --- brat standoff -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TextBound:
    """A ``T`` line: a labelled span, possibly discontinuous (``10 20;25 40``)."""

    id: str
    label: str
    spans: tuple[Span, ...]
    text: str


@dataclass(frozen=True, slots=True)
class Event:
    """An ``E`` line: a trigger and its role:id arguments, in file order."""

    id: str
    type: str
    trigger: str
    args: tuple[tuple[str, str], ...]


@dataclass(slots=True)
class Annotation:
    textbounds: dict[str, TextBound] = field(default_factory=dict)
    events: list[Event] = field(default_factory=list)


def parse_spans(field_text: str) -> tuple[Span, ...]:
    """``"10 20;25 40"`` -> ((10, 20), (25, 40))."""
    spans = []
    for part in field_text.split(";"):
        start, end = part.split()
        spans.append((int(start), int(end)))
    return tuple(spans)


def parse_ann(text: str) -> Annotation:
    """The ``T`` and ``E`` lines of a brat ``.ann`` file; other lines are ignored."""
    ann = Annotation()
    for line in text.splitlines():
        if not line.strip():
            continue
        parts = line.split("\t")
        key = parts[0]
        if key.startswith("T") and len(parts) >= 2:
            label, _, offsets = parts[1].partition(" ")
            ann.textbounds[key] = TextBound(
                id=key,
                label=label,
                spans=parse_spans(offsets),
                text=parts[2] if len(parts) > 2 else "",
            )
        elif key.startswith("E") and len(parts) >= 2:
            items = [a.split(":", 1) for a in parts[1].split()]
            (etype, trigger), *rest = items
            ann.events.append(Event(key, etype, trigger, tuple((r, t) for r, t in rest)))
    return ann


def base_role(role: str) -> str:
    """``Content2`` -> ``Content``: brat numbers repeated roles."""
    return role.rstrip("0123456789")


@dataclass(frozen=True, slots=True)
class GoldQuote:
    """One attribution's content, with its source (None when it has none)."""

    id: str
    spans: tuple[Span, ...]
    text: str
    source: str | None
    source_spans: tuple[Span, ...] = ()
    cue: str | None = None

    @property
    def start(self) -> int:
        return min(s for s, _ in self.spans)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "text": self.text,
            "span": [list(s) for s in self.spans],
            "source": self.source,
            "cue": self.cue,
        }


def gold_quotes(ann: Annotation) -> list[GoldQuote]:
    """One gold item per event with a content, sorted by where the content starts."""
    out = []
    for event in ann.events:
        by_role: dict[str, list[TextBound]] = {}
        for role, tid in event.args:
            tb = ann.textbounds.get(tid)
            if tb is not None:
                by_role.setdefault(base_role(role), []).append(tb)
        contents = by_role.get("Content", [])
        if not contents:
            continue
        sources = by_role.get("Source", [])
        cues = by_role.get("Cue", [])
        out.append(
            GoldQuote(
                id=event.id,
                spans=tuple(sorted(s for c in contents for s in c.spans)),
                text=" ".join(c.text for c in contents),
                source=" ".join(s.text for s in sources) if sources else None,
                source_spans=tuple(s for src in sources for s in src.spans),
                cue=" ".join(c.text for c in cues) if cues else None,
            )
        )
    out.sort(key=lambda g: (g.start, g.id))
    return out


# --- the corpus --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PolnearArticle:
    id: str
    annotator: str
    text: str
    gold: list[GoldQuote]
    published: str | None = None
    publisher: str | None = None


def read_metadata(path: Path) -> dict[str, dict[str, str]]:
    """``metadata.tsv`` rows by file name (empty when the file is absent)."""
    if not path.is_file():
        return {}
    with path.open(encoding="utf-8", newline="") as handle:
        return {row["filename"]: row for row in csv.DictReader(handle, delimiter="\t")}


def annotation_files(folder: Path) -> dict[str, list[tuple[str, Path]]]:
    """Annotator files per article: {article: [(annotator, path), ...]} sorted by annotator."""
    found: dict[str, list[tuple[str, Path]]] = {}
    for path in folder.glob("*.ann"):
        m = _ANNOTATOR_RE.match(path.name)
        if m:
            found.setdefault(m["article"], []).append((m["annotator"], path))
    return {k: sorted(v) for k, v in found.items()}


def load_split(root: Path, split: str = SPLIT, limit: int | None = None) -> list[PolnearArticle]:
    """The articles of a split with the first annotator's gold, sorted by id."""
    meta = read_metadata(root / "metadata.tsv")
    anns = annotation_files(root / split / "attributions")
    articles = []
    for text_path in sorted((root / split / "text").glob("*.txt")):
        article_id = text_path.stem
        if article_id not in anns:
            continue
        annotator, ann_path = anns[article_id][0]
        text = text_path.read_text(encoding="utf-8")
        gold = gold_quotes(parse_ann(ann_path.read_text(encoding="utf-8")))
        row = meta.get(article_id, {})
        articles.append(
            PolnearArticle(
                id=article_id,
                annotator=annotator,
                text=text,
                gold=gold,
                published=_none(row.get("publication_date")),
                publisher=_none(row.get("publisher")),
            )
        )
        if limit is not None and len(articles) >= limit:
            break
    return articles


def _none(value: str | None) -> str | None:
    return None if value in (None, "", "None") else value


def offset_mismatches(article: PolnearArticle) -> int:
    """Gold spans whose text is not the annotation's text (0 when offsets align)."""
    bad = 0
    for g in article.gold:
        if sorted(" ".join(article.text[s:e] for s, e in g.spans).split()) != sorted(
            g.text.split()
        ):
            bad += 1
    return bad


# --- scoring -----------------------------------------------------------------------------


@dataclass(slots=True)
class Counts:
    gold: int = 0
    pred: int = 0
    found: int = 0
    #: found gold contents whose attribution has a source
    source_total: int = 0
    source_right: int = 0
    #: found gold contents without a source (left out of source accuracy)
    found_no_source: int = 0

    def add(self, other: Counts) -> None:
        self.gold += other.gold
        self.pred += other.pred
        self.found += other.found
        self.source_total += other.source_total
        self.source_right += other.source_right
        self.found_no_source += other.found_no_source

    @property
    def precision(self) -> float:
        return self.found / self.pred if self.pred else 0.0

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        return quotes.f1(self.precision, self.recall)

    @property
    def source_accuracy(self) -> float:
        return self.source_right / self.source_total if self.source_total else 0.0


@dataclass(slots=True)
class ArticleResult:
    counts: Counts
    match: quotes.Match
    #: for each gold item: None when not found or without a source, else whether it was named
    source_ok: list[bool | None]


def positional_coverage(
    text: str, gold: Sequence[GoldQuote], preds: Sequence[PredQuote]
) -> quotes.Match:
    """Greedy matching where coverage is the share of gold tokens inside a predicted span."""
    tokens = [quotes.word_spans(text, g.spans) for g in gold]

    def coverage(g: int, p: int) -> float:
        return quotes.covered(tokens[g], preds[p].spans) / max(1, len(tokens[g]))

    return quotes.greedy_match(len(gold), len(preds), coverage)


def bag_coverage(gold: Sequence[GoldQuote], preds: Sequence[PredQuote]) -> quotes.Match:
    """score_quotes.py's rule: the share of the gold's distinct words among the prediction's."""
    gold_words = [quotes.sq_tokens(g.text) for g in gold]
    pred_words = [quotes.sq_tokens(p.text) for p in preds]

    def coverage(g: int, p: int) -> float:
        return len(gold_words[g] & pred_words[p]) / max(1, len(gold_words[g]))

    return quotes.greedy_match(len(gold), len(preds), coverage)


def score_article(
    text: str, gold: Sequence[GoldQuote], preds: Sequence[PredQuote], *, bag: bool = False
) -> ArticleResult:
    """Counts for one article (positional coverage unless ``bag``)."""
    match = bag_coverage(gold, preds) if bag else positional_coverage(text, gold, preds)
    counts = Counts(gold=len(gold), pred=len(preds), found=match.found)
    source_ok: list[bool | None] = []
    for g, p in zip(gold, match.gold_to_pred, strict=True):
        if p is None:
            source_ok.append(None)
        elif g.source is None:
            counts.found_no_source += 1
            source_ok.append(None)
        else:
            ok = quotes.source_matches(g.source, preds[p].speaker_mention, preds[p].speaker_name)
            counts.source_total += 1
            counts.source_right += ok
            source_ok.append(ok)
    return ArticleResult(counts, match, source_ok)


def errors_of(
    gold: Sequence[GoldQuote], preds: Sequence[PredQuote], result: ArticleResult
) -> dict[str, Any]:
    """Missed gold, unmatched predictions and wrong sources of one article, for diagnosis."""
    missed = [
        g.to_dict() | {"best_coverage": round(c, 2)}
        for g, p, c in zip(gold, result.match.gold_to_pred, result.match.coverage, strict=True)
        if p is None
    ]
    wrong_source = [
        {"gold": g.to_dict(), "pred": preds[p].to_dict()}
        for g, p, ok in zip(gold, result.match.gold_to_pred, result.source_ok, strict=True)
        if p is not None and ok is False
    ]
    unmatched = [preds[i].to_dict() for i in result.match.unmatched_preds(len(preds))]
    return {"missed": missed, "unmatched": unmatched, "wrong_source": wrong_source}


# --- the section -------------------------------------------------------------------------


@dataclass(slots=True)
class SystemRun:
    name: str
    counts: Counts = field(default_factory=Counts)
    bag_counts: Counts = field(default_factory=Counts)
    seconds: float = 0.0
    words: int = 0
    crashes: int = 0
    #: textacy only: articles it refused (odd number of quotation marks)
    bailed: int = 0
    errors: dict[str, Any] = field(default_factory=dict)
    #: predictions whose span does not hold their text (spans must index the article text)
    misplaced: int = 0
    #: sitroom only: scored per attribution (quotes sharing a cue and speaker joined)
    attribution_counts: Counts = field(default_factory=Counts)

    def score(self, article: PolnearArticle, preds: list[PredQuote]) -> None:
        self.misplaced += sum(
            1 for p in preds if " ".join(article.text[s:e] for s, e in p.spans) != p.text
        )
        result = score_article(article.text, article.gold, preds)
        self.counts.add(result.counts)
        self.bag_counts.add(score_article(article.text, article.gold, preds, bag=True).counts)
        self.errors[article.id] = errors_of(article.gold, preds, result)


def attributions(contract: Sequence[Mapping[str, Any]]) -> list[PredQuote]:
    """sitroom's quotes as PolNeAR's unit: one attribution per cue and source.

    sitroom gives one quote per statement: `"A," X said. "B."` and a quoted
    paragraph that carries X's words on are separate quotes, each with X's cue
    and mention. PolNeAR annotates one attribution per cue, its content the
    union of every piece (brat's discontinuous span, ``Content2``). So a quote
    that has the same cue and the same speaker mention as the quote before it
    joins that one as a further span; nothing else is changed.
    """
    groups: list[list[Mapping[str, Any]]] = []
    for quote in contract:
        if groups and _same_attribution(groups[-1][-1], quote):
            groups[-1].append(quote)
        else:
            groups.append([quote])
    out = []
    for group in groups:
        first = quotes.from_contract(group[0])
        spans = tuple(s for q in group for s in quotes.from_contract(q).spans)
        text = " ".join(str(q.get("text") or "") for q in group)
        out.append(replace(first, text=text, spans=spans))
    return out


def _same_attribution(before: Mapping[str, Any], quote: Mapping[str, Any]) -> bool:
    """True when two quotes share a cue (by its span) and a speaker mention (by its span)."""
    cue, cue_before = quote.get("cue"), before.get("cue")
    speaker, speaker_before = quote.get("speaker"), before.get("speaker")
    return (
        isinstance(cue, Mapping)
        and isinstance(cue_before, Mapping)
        and isinstance(speaker, Mapping)
        and isinstance(speaker_before, Mapping)
        and cue.get("span") is not None
        and cue.get("span") == cue_before.get("span")
        and speaker.get("span") is not None
        and speaker.get("span") == speaker_before.get("span")
    )


def sitroom_contract(article: PolnearArticle) -> list[dict[str, Any]]:
    """sitroom's attributions of one article (``quotes`` and ``views``: PolNeAR annotates
    stances, intentions and statements without a source too), in the contract's shape."""
    from sitroom.attribution import attribute
    from sitroom.models import Article

    result = attribute(
        Article(text=article.text, published=article.published),
        outlet=OUTLETS.get(article.publisher or ""),
    )
    return result.attributions()


def _run_sitroom(run: SystemRun, article: PolnearArticle) -> None:
    start = time.perf_counter()
    try:
        contract = sitroom_contract(article)
    except Exception:  # a crash on one article scores as no quotes, and is counted
        contract = []
        run.crashes += 1
    run.seconds += time.perf_counter() - start
    run.score(article, [quotes.from_contract(q) for q in contract])
    # per attribution, PolNeAR's unit, for the footnote
    joined = attributions(contract)
    run.attribution_counts.add(score_article(article.text, article.gold, joined).counts)


def _run_textacy(run: SystemRun, article: PolnearArticle) -> None:
    nlp = quotes.textacy_nlp()
    start = time.perf_counter()
    try:
        result = quotes.textacy_quotes(article.text, nlp)
    except Exception:  # any other failure scores as no quotes, and is counted
        result = quotes.TextacyRun([])
        run.crashes += 1
    run.seconds += time.perf_counter() - start
    run.bailed += result.bailed
    run.score(article, result.quotes)


def run(options: Options) -> SectionResult:
    root = options.data / DATASET
    labels = [f"{m} (PolNeAR {SPLIT})" for m in METRICS]
    if not (root / SPLIT / "text").is_dir() or not (root / SPLIT / "attributions").is_dir():
        return skipped(NAME, labels, f"{DATASET}/{SPLIT}", root / SPLIT)
    articles = load_split(root, SPLIT, options.limit)
    if not articles:
        return skipped(NAME, labels, f"{DATASET}/{SPLIT}", root / SPLIT)

    why_not_sitroom = quotes.sitroom_available()
    textacy_version = quotes.textacy_version()
    ours = SystemRun("sitroom")
    theirs = SystemRun("textacy")
    # Warm up both (model loads, lazy imports) outside the clock.
    if why_not_sitroom is None:
        sitroom_contract(articles[0])
    if textacy_version is not None:
        quotes.textacy_quotes(articles[0].text, quotes.textacy_nlp())
    for i, article in enumerate(articles):
        words = len(article.text.split())
        steps = []
        if why_not_sitroom is None:
            steps.append((_run_sitroom, ours))
        if textacy_version is not None:
            steps.append((_run_textacy, theirs))
        if i % 2:
            steps.reverse()
        for step, system in steps:
            step(system, article)
            system.words += words

    n = len(articles)
    n_gold = sum(len(a.gold) for a in articles)
    mismatched = sum(offset_mismatches(a) for a in articles)
    _write_errors(articles, ours if why_not_sitroom is None else None, theirs)

    a = ours.counts if why_not_sitroom is None else None
    b = theirs.counts if textacy_version is not None else None
    baseline_name = (
        f"textacy {textacy_version} direct_quotations"
        if textacy_version is not None
        else "textacy (not installed: pip install -e '.[bench]')"
    )
    label = f"(PolNeAR {SPLIT}, {n} articles, {n_gold} gold contents)"

    def value(c: Counts | None, attr: str) -> float | None:
        return None if c is None else float(getattr(c, attr))

    def pr(c: Counts | None) -> str:
        return (
            "—" if c is None else f"{c.found}/{c.pred} predicted matched, {c.found}/{c.gold} found"
        )

    unavailable = f"sitroom: {why_not_sitroom}; " if why_not_sitroom else ""
    bag = (
        f"bag-of-words coverage (score_quotes.py's rule): "
        f"F1 {_f(ours.bag_counts.f1 if a else None)} vs {_f(theirs.bag_counts.f1 if b else None)}"
    )

    def row(metric: str, attr: str, notes: str) -> Row:
        return Row(
            f"{metric} {label}", value(a, attr), value(b, attr), baseline_name, notes, ".3f", NAME
        )

    crash = f"; sitroom crashed on {ours.crashes} articles" if ours.crashes else ""
    rows = [
        row(
            "quote F1",
            "f1",
            f"{unavailable}gold content found when one prediction covers >= half its words; "
            f"{bag}; {REFERENCE}",
        ),
        row("quote precision", "precision", f"{pr(a)} vs {pr(b)}"),
        row(
            "quote recall",
            "recall",
            f"textacy refused {theirs.bailed}/{n} whole articles (odd number of quotation "
            f"marks) and ran on them line by line{crash}",
        ),
        row(
            "source accuracy",
            "source_accuracy",
            "of found contents with a gold source, predicted mention or name shares a content "
            f"word with it: {_frac(a)} vs {_frac(b)}; found without gold source, left out: "
            f"{a.found_no_source if a else '—'} vs {b.found_no_source if b else '—'}",
        ),
    ]
    footnotes = [
        f"polnear: PolNeAR {SPLIT}, first annotator file per article in sorted order; gold = "
        "one item per attribution (E line) with its Content spans (discontinuous and Content2 "
        "joined) and Source text; coverage is positional (gold word tokens inside a predicted "
        "span), greedy as in score_quotes.py; source accuracy over found contents that have a "
        f"source. Gold offsets not matching their text: {mismatched}.",
        "polnear: sitroom = sitroom.attribution.attribute(Article(text, published), outlet) "
        "on the raw text (no page cleaner), date and outlet from metadata.tsv, its quotes and "
        "views together (PolNeAR's attributions include stances, intentions and statements "
        "with no source, which sitroom lists as views); textacy = "
        "direct_quotations on one Doc of the whole text by the same loaded spaCy model "
        "(line by line where it refuses the whole), speaker = its speaker tokens."
        f" Time incl. parse: sitroom {_wps(ours)}, textacy {_wps(theirs)}. "
        f"Predictions whose span does not hold their text: {ours.misplaced} vs "
        f"{theirs.misplaced}. Missed and unmatched per article: .bench/polnear-errors.json.",
        "polnear: scored per attribution instead (sitroom's quotes with the same cue and "
        "speaker mention joined, as PolNeAR joins the pieces of one attribution's content): "
        f"{_prf(ours.attribution_counts if a else None)}.",
    ]
    return SectionResult(rows=rows, footnotes=footnotes)


def _f(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"


def _prf(c: Counts | None) -> str:
    if c is None:
        return "—"
    return (
        f"P {c.precision:.3f}, R {c.recall:.3f}, F1 {c.f1:.3f}, "
        f"source accuracy {c.source_accuracy:.3f}"
    )


def _frac(c: Counts | None) -> str:
    return "—" if c is None else f"{c.source_right}/{c.source_total}"


def _wps(run: SystemRun) -> str:
    if not run.seconds:
        return "—"
    return f"{run.words / run.seconds:,.0f} words/s"


def _write_errors(
    articles: list[PolnearArticle], ours: SystemRun | None, theirs: SystemRun
) -> None:
    OUTPUT_DIR.mkdir(exist_ok=True)
    out = []
    for article in articles:
        item: dict[str, Any] = {"id": article.id, "annotator": article.annotator}
        if ours is not None:
            item["sitroom"] = ours.errors.get(article.id)
        item["textacy"] = theirs.errors.get(article.id)
        out.append(item)
    (OUTPUT_DIR / "polnear-errors.json").write_text(
        json.dumps(out, indent=1, ensure_ascii=False), encoding="utf-8"
    )
