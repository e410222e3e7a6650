"""Extract: decoded text of one document -> a clean ``Article`` with its metadata."""

from __future__ import annotations

import html as html_lib
import re

from sitroom.errors import NoArticle
from sitroom.extract.html import extract_html
from sitroom.extract.outlets import outlet_for
from sitroom.extract.text import extract_text
from sitroom.models import Article, FeedEntry, RawDocument

__all__ = ["extract", "outlet_for"]

_TAG = re.compile(r"<[^>]+>")
_BLOCK_END = re.compile(r"</(p|div|li|h[1-6]|blockquote)>|<br\s*/?>", re.IGNORECASE)


def extract(doc: RawDocument, text: str) -> Article:
    """The article in one decoded document, by its format.

    Feed metadata fills what the page itself did not say (title, date, author).

    Raises:
        NoArticle: nothing article-like in the document.
    """
    if doc.format == "html":
        article = extract_html(text, origin=doc.origin, url=doc.url)
    elif doc.format == "text":
        article = extract_text(text, origin=doc.origin)
    else:
        article = _from_feed_entry(doc, text)
    if doc.feed_entry is not None:
        _fill_from_feed(article, doc.feed_entry)
    if article.url is None:
        article.url = doc.url
    return article


def _from_feed_entry(doc: RawDocument, text: str) -> Article:
    """An article made of a feed item alone: its title and summary."""
    body = html_to_paragraphs(text)
    if not body:
        raise NoArticle(doc.origin, "the feed item has no summary or content")
    return Article(text=body, url=doc.url)


def _fill_from_feed(article: Article, entry: FeedEntry) -> None:
    article.title = article.title or entry.title
    article.published = article.published or entry.published
    if not article.bylines and entry.author:
        article.bylines = [entry.author]
    article.url = article.url or entry.link
    article.site_name = article.site_name or entry.feed_title
    article.description = article.description or (
        html_to_paragraphs(entry.summary) if entry.summary else None
    )


def html_to_paragraphs(fragment: str) -> str:
    """Plain paragraphs from a small HTML fragment such as a feed summary."""
    marked = _BLOCK_END.sub("\n", fragment)
    plain = html_lib.unescape(_TAG.sub("", marked))
    lines = (" ".join(line.split()) for line in plain.splitlines())
    return "\n\n".join(line for line in lines if line)
