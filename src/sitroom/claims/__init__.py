"""Claims: attributed propositions with their claimant, hedges and the stances of others.

``find_claims(ctx)`` returns the contract's ``claims`` list for one article.
"""

from __future__ import annotations

from typing import Any

from sitroom.context import ArticleContext


def find_claims(ctx: ArticleContext) -> list[dict[str, Any]]:
    """The claims of one article (see DESIGN.md, output contract)."""
    return []


__all__ = ["find_claims"]
