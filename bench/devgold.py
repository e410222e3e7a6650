"""Quotes and full-name speakers on the project's dev gold: sitroom beside textacy.

``$SITROOM_DATA/dev-gold/*.gold.json`` annotates every attributed statement of
an article with its speaker's full canonical name (and accepted aliases); the
matching ``.txt`` is the article as a scraper saved it. sitroom reads the
``.txt`` the way ``sitroom analyze FILE --format json`` does (ingest, page
cleaner, every per-article stage: ``sitroom.jobs.analyze_sources``); its
quotes are written to ``.bench/devgold-<name>.sitroom.json`` and scored by
the shared scorer itself, ``$SITROOM_DATA/../tools/score_quotes.py``, loaded
by path (its ``load_pred`` and ``score``, with the gold file's aliases), so
the figure is the one ``score_quotes.py GOLD PRED`` prints.

textacy 0.13's ``direct_quotations`` reads the body sitroom's cleaner made
(the same text; textacy has no page cleaner), its speaker is its speaker
tokens' text. Several gold files are summed (micro-averaged).
"""

from __future__ import annotations

import importlib.util
import json
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

from bench import quotes
from bench.common import OUTPUT_DIR, Options, Row, SectionResult, skipped

NAME = "devgold"
DATASET = "dev-gold"
SCORER = Path("..") / "tools" / "score_quotes.py"
METRICS = ("quote F1", "quote precision", "quote recall", "speaker accuracy", "attributed F1")
#: shared/data/README.md and issue 3 ("Targets").
REFERENCE = (
    "README: textacy F1 0.333, speaker 0.0; target (held-back articles) F1 0.90, speaker 0.90"
)


def load_scorer(path: Path) -> ModuleType:
    """``score_quotes.py`` as a module (it is a script, not a package)."""
    spec = importlib.util.spec_from_file_location("bench_score_quotes", path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def set_aliases(scorer: ModuleType, gold: dict[str, Any]) -> None:
    """What score_quotes.py's ``__main__`` does with the gold file's aliases."""
    scorer.ALIASES.clear()
    for name, aliases in gold.get("aliases", {}).items():
        scorer.ALIASES.setdefault(name.lower(), set()).update(a.lower() for a in aliases)


@dataclass(slots=True)
class Totals:
    """Counts summed over gold files, from which the scorer's figures are recomputed."""

    gold: int = 0
    pred: int = 0
    found: int = 0
    speaker: int = 0
    speaker_surname: int = 0
    files: list[dict[str, Any]] = field(default_factory=list)

    def add(self, name: str, result: dict[str, Any]) -> None:
        self.files.append({"file": name} | result)
        self.gold += result["gold"]
        self.pred += result["pred"]
        self.found += result["found"]
        # score() rounds the accuracies to 3 places; over a few dozen quotes that is exact
        self.speaker += round(result["speaker_accuracy"] * result["found"])
        self.speaker_surname += round(result["speaker_accuracy_surname"] * result["found"])

    def figures(self) -> dict[str, float]:
        p = self.found / self.pred if self.pred else 0.0
        r = self.found / self.gold if self.gold else 0.0
        ap = self.speaker / self.pred if self.pred else 0.0
        ar = self.speaker / self.gold if self.gold else 0.0
        return {
            "precision": p,
            "recall": r,
            "f1": quotes.f1(p, r),
            "speaker_accuracy": self.speaker / self.found if self.found else 0.0,
            "speaker_accuracy_surname": self.speaker_surname / self.found if self.found else 0.0,
            "attributed_f1": quotes.f1(ap, ar),
        }


def sitroom_record(path: Path) -> dict[str, Any]:
    """The record ``sitroom analyze PATH --format json`` prints for one file."""
    from sitroom.errors import InputError
    from sitroom.jobs import analyze_sources
    from sitroom.settings import Options as RunOptions

    for item in analyze_sources([str(path)], RunOptions(fetch=False)):
        if isinstance(item, InputError):
            raise item
        return dict(item.to_dict())
    raise ValueError(f"no article read from {path}")


def run(options: Options) -> SectionResult:
    folder = options.data / DATASET
    scorer_path = (options.data / SCORER).resolve()
    labels = [f"{m} (dev-gold)" for m in METRICS]
    golds = sorted(folder.glob("*.gold.json")) if folder.is_dir() else []
    pairs = [(g, g.with_name(g.name.removesuffix(".gold.json") + ".txt")) for g in golds]
    pairs = [(g, t) for g, t in pairs if t.is_file()][: options.limit]
    if not pairs:
        return skipped(NAME, labels, DATASET, folder)
    if not scorer_path.is_file():
        return skipped(NAME, labels, "score_quotes.py", scorer_path)
    scorer = load_scorer(scorer_path)

    why_not_sitroom = quotes.sitroom_available()
    textacy_version = quotes.textacy_version()
    ours, theirs = Totals(), Totals()
    OUTPUT_DIR.mkdir(exist_ok=True)
    for gold_path, text_path in pairs:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        set_aliases(scorer, gold)
        stem = text_path.stem
        record = sitroom_record(text_path)
        if why_not_sitroom is None:
            pred_path = OUTPUT_DIR / f"devgold-{stem}.sitroom.json"
            pred_path.write_text(json.dumps(record, indent=1, ensure_ascii=False), "utf-8")
            ours.add(stem, scorer.score(gold["quotes"], scorer.load_pred(str(pred_path))))
        if textacy_version is not None:
            run_ = quotes.textacy_quotes(record["article"]["text"], quotes.textacy_nlp())
            preds = [{"speaker": q.speaker_mention, "text": q.text} for q in run_.quotes]
            pred_path = OUTPUT_DIR / f"devgold-{stem}.textacy.json"
            pred_path.write_text(json.dumps(preds, indent=1, ensure_ascii=False), "utf-8")
            theirs.add(stem, scorer.score(gold["quotes"], scorer.load_pred(str(pred_path))))

    a = ours.figures() if why_not_sitroom is None else None
    b = theirs.figures() if textacy_version is not None else None
    baseline_name = (
        f"textacy {textacy_version} direct_quotations"
        if textacy_version is not None
        else "textacy (not installed: pip install -e '.[bench]')"
    )
    plural = "s" if len(pairs) > 1 else ""
    label = f"(dev-gold, {len(pairs)} article{plural}, {ours.gold or theirs.gold} statements)"

    def row(metric: str, key: str, notes: str) -> Row:
        return Row(
            f"{metric} {label}",
            None if a is None else a[key],
            None if b is None else b[key],
            baseline_name,
            notes,
            ".3f",
            NAME,
        )

    def counts(t: Totals, present: bool) -> str:
        return f"{t.found}/{t.pred} predicted matched, {t.found}/{t.gold} found" if present else "—"

    def surname(t: dict[str, float] | None) -> str:
        return "—" if t is None else f"{t['speaker_accuracy_surname']:.3f}"

    unavailable = f"sitroom: {why_not_sitroom}; " if why_not_sitroom else ""
    rows = [
        row(
            "quote F1",
            "f1",
            f"{unavailable}score_quotes.py (>= half the words covered); {REFERENCE}",
        ),
        row(
            "quote precision",
            "precision",
            f"{counts(ours, a is not None)} vs {counts(theirs, b is not None)}",
        ),
        row("quote recall", "recall", ""),
        row(
            "speaker accuracy",
            "speaker_accuracy",
            f"of found statements, speaker is the full canonical name or a listed alias; "
            f"surname-level: {surname(a)} vs {surname(b)}",
        ),
        row(
            "attributed F1",
            "attributed_f1",
            "a statement counts only when found with the right speaker",
        ),
    ]
    footnotes = [
        "devgold: sitroom = what `sitroom analyze FILE --format json` gives for the scraped page "
        "(ingest, cleaner, every per-article stage), scored by shared/tools/score_quotes.py "
        "loaded by path; textacy = direct_quotations on the body sitroom's cleaner made, "
        "speaker = its speaker tokens. Predictions: .bench/devgold-*.json.",
    ]
    return SectionResult(rows=rows, footnotes=footnotes)
