"""Ingest: what the user names (files, folders, globs, URLs, feeds, WARCs, stdin) -> documents.

``iter_documents`` yields a ``RawDocument`` per article-sized input and, in the
place of an input that cannot be read, its ``InputError``; ``decode`` turns a
document's bytes into text.
"""

from __future__ import annotations

from sitroom.ingest.decode import decode
from sitroom.ingest.reader import iter_documents

__all__ = ["decode", "iter_documents"]
