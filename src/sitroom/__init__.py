"""sitroom: a situation room for news.

    >>> import sitroom
    >>> [record] = sitroom.analyze("saved-page.txt")
    >>> record.quotes[0]["speaker"]["name"]

The records (``AnalyzedArticle`` and its parts) and the error tree are public;
modules whose names start with ``_`` and everything not listed in ``__all__``
may change.
"""

from __future__ import annotations

__version__ = "0.1.0"

from sitroom.errors import InputError, SitroomError, StoreError
from sitroom.models import SCHEMA, AnalyzedArticle, Article, RawDocument, Source

__all__ = [
    "SCHEMA",
    "AnalyzedArticle",
    "Article",
    "InputError",
    "RawDocument",
    "SitroomError",
    "Source",
    "StoreError",
    "__version__",
    "analyze",
]


def analyze(*sources: str, fetch: bool = False) -> list[AnalyzedArticle]:
    """Analyse files, folders, globs, feeds, WARCs or URLs, without a database.

    Args:
        sources: what to read, as on the command line.
        fetch: go online for URLs and feed items' pages (off by default).

    Returns:
        The analysed articles, in input order.

    Raises:
        InputError: the first input that could not be analysed.
    """
    from sitroom.jobs import analyze_sources  # the NLP stack loads on first use only
    from sitroom.settings import Options

    records = []
    for item in analyze_sources(sources, Options(fetch=fetch)):
        if isinstance(item, InputError):
            raise item
        records.append(item)
    return records
