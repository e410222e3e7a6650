"""Figures: numbers about the crisis with qualifier, unit, subject, source and date.

``find_figures(ctx)`` returns the contract's ``figures`` list for one article.
"""

from __future__ import annotations

from typing import Any

from sitroom.context import ArticleContext


def find_figures(ctx: ArticleContext) -> list[dict[str, Any]]:
    """The figures of one article (see DESIGN.md, output contract)."""
    return []


__all__ = ["find_figures"]
