"""The per-article pipeline, read top to bottom.

``analyze_document`` is a pure function of one document: the same code runs
in a loop, a process pool or a Spark job. Stages:

1. decode   bytes -> text (declared charset, then detection)
2. extract  text -> clean body, title, dates, bylines, removed furniture
3. source   outlet from site name, URL or file name
4. id       a stable id from the normalised body
5. parse    the body parsed once (spaCy, paragraph by paragraph)
6. attribution  who said what: quotes with cues and speakers resolved to
            canonical actors, and the entities the article refers to
7. figures  numbers with qualifier, unit, subject, source and date
8. events   PLOVER-coded events with actor, target, status and reporter
9. claims   attributed propositions with hedges and the stances of others

Cross-article work (dedup clusters, the ledger of actors, claim clusters,
figure series and events) happens in the store.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from sitroom.attribution import attribute
from sitroom.attribution.ports import default_gazetteer
from sitroom.claims import find_claims
from sitroom.context import ArticleContext
from sitroom.events import find_events
from sitroom.extract import extract, outlet_for
from sitroom.extract.dedup import Fingerprint, fingerprint
from sitroom.figures import find_figures
from sitroom.ingest.decode import decode
from sitroom.models import AnalyzedArticle, RawDocument, Source, article_id
from sitroom.nlp import parse


@dataclass(frozen=True, slots=True)
class Analysis:
    """An analysed article with the keys the store needs to place it."""

    record: AnalyzedArticle
    raw_sha256: str
    fingerprint: Fingerprint


def analyze_document(doc: RawDocument) -> AnalyzedArticle:
    """Run every per-article stage on one document.

    Raises:
        InputError: the document cannot be decoded or holds no article.
    """
    text = decode(doc)  # 1
    article = extract(doc, text)  # 2
    source = Source(  # 3
        path=doc.path,
        url=article.url or doc.url,
        outlet=outlet_for(site_name=article.site_name, url=article.url or doc.url, path=doc.path),
        format=doc.format,
        via=doc.via,
        origin=doc.origin,
    )
    ident = article_id(article.text)  # 4
    paragraphs = parse(article.text)  # 5
    gazetteer = default_gazetteer()
    attribution = attribute(article, outlet=source.outlet, gazetteer=gazetteer,  # 6
                            paragraphs=paragraphs)
    ctx = ArticleContext(article=article, paragraphs=paragraphs, entities=attribution.entities,
                         quotes=attribution.attributions(), gazetteer=gazetteer,
                         outlet=source.outlet)
    return AnalyzedArticle(id=ident, source=source, article=article,
                           entities=attribution.entities, quotes=attribution.quotes,
                           views=attribution.views,
                           figures=find_figures(ctx),  # 7
                           events=find_events(ctx),  # 8
                           claims=find_claims(ctx))  # 9


def analyze_for_store(doc: RawDocument) -> Analysis:
    """``analyze_document`` plus the input hash and body fingerprint the store keys on."""
    record = analyze_document(doc)
    return Analysis(
        record=record,
        raw_sha256=raw_sha256(doc),
        fingerprint=fingerprint(record.article.text),
    )


def raw_sha256(doc: RawDocument) -> str:
    """Hash of the input bytes, so the same input read twice is skipped early."""
    return hashlib.sha256(doc.data).hexdigest()
