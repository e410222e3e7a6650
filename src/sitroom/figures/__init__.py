"""Figures: numbers about the crisis with qualifier, unit, subject, source and date.

``find_figures(ctx)`` returns the contract's ``figures`` list for one article
(docs/records.md). It reads the parse the pipeline already made, sentence by
sentence, and adds little to its cost:

1. numbers   scan each sentence's words for number expressions (numbers.py)
             and drop years, dates, ages, shares and names (filters.py);
2. qualifier "over", "about", "up to", ... (qualifiers.py);
3. measure   the counted noun and its series, the verb deciding for people
             (measure.py); numbers that count nothing known are dropped;
4. revisions "up from 130,000": which figure updates which (revisions.py);
5. record    subject phrase (subject.py), source and estimate (source.py),
             the day the sentence gives for it, else the publication day
             (when.py), text and span.

Precision matters more than recall: a number is a figure only when it counts
a noun listed in ``data/figures.toml`` (or is money, or the object of a
counting verb), so "three days", "40 miles" and "the 27 member states" are
not. Vague quantities ("thousands of civilians") are their magnitude as a
lower bound, qualifier "at least", ``vague: true``. Percentages are shares,
not counts, and are skipped.
"""

from __future__ import annotations

from typing import Any

from sitroom.context import ArticleContext
from sitroom.figures.candidates import Candidate, sentence_candidates
from sitroom.figures.lexicon import FigureLexicon, figure_lexicon
from sitroom.figures.revisions import link_revisions
from sitroom.figures.source import attribute, is_estimate
from sitroom.figures.subject import subject_of
from sitroom.figures.when import stated_date


def find_figures(ctx: ArticleContext) -> list[dict[str, Any]]:
    """The figures of one article (DESIGN.md output contract; docs/records.md).

    Args:
        ctx: the analysed article with its parse and quotes.

    Returns:
        One record per figure, in text order, ids ``f1``, ``f2``, ...

    Raises:
        DataFileError: ``data/figures.toml`` is missing or broken.
    """
    lex = figure_lexicon()
    kept: list[Candidate] = []
    for par in ctx.paragraphs:
        for sent in par.doc.sents:
            found = sentence_candidates(par, sent, lex)
            link_revisions(found, lex)
            kept.extend(c for c in found if c.counted is not None)
    ids = {id(c): f"f{n}" for n, c in enumerate(kept, start=1)}
    records = [_record(ctx, c, ids, lex) for c in kept]
    _mark_repeats(records)
    return records


def _mark_repeats(records: list[dict[str, Any]]) -> None:
    """Mark a figure that repeats an earlier one of the article word for word, with the
    same value, measure, source and day (a live blog's summary of the day retells its
    own entries): ``repeats`` names the first, and the ledger counts it once."""
    first: dict[tuple[Any, ...], str] = {}
    for record in records:
        source = record["source"]
        key = (record["text"].casefold(), record["value"], record["value_max"],
               record["measure"], source.get("id") if isinstance(source, dict) else None,
               record["date"])
        if key in first:
            record["repeats"] = first[key]
        else:
            first[key] = record["id"]


def _record(ctx: ArticleContext, cand: Candidate, ids: dict[int, str], lex: FigureLexicon
            ) -> dict[str, Any]:
    """The contract's figure record of one kept candidate."""
    assert cand.counted is not None  # only counted candidates are kept
    span = ctx.tokens_span(cand.par, cand.first, cand.last)
    source = attribute(ctx, span, cand.par, cand.sent, lex)
    published = ctx.published
    stated = stated_date(cand.sent, cand.first, published)
    day = stated or published
    return {
        "id": ids[id(cand)],
        "value": cand.expr.value,
        "value_max": cand.expr.value_max,
        "qualifier": cand.qualifier,
        "unit": cand.counted.unit,
        "measure": cand.counted.measure,
        "subject": subject_of(cand.par.doc, cand.counted, lex),
        "source": source.source,
        "source_kind": source.kind,
        "date": day.isoformat() if day else None,
        "date_from": "text" if stated else ("published" if published else None),
        "text": ctx.text[span[0]:span[1]],
        "span": [span[0], span[1]],
        "revises": ids.get(id(cand.revises)) if cand.revises is not None else None,
        "estimate": is_estimate(cand.sent, lex),
        "quote": source.quote,
        "vague": cand.expr.vague,
    }


__all__ = ["find_figures"]
