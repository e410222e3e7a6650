"""Events: PLOVER-coded events with actor, target, status and who reported them.

``find_events(ctx)`` returns the contract's ``events`` list for one article.
"""

from __future__ import annotations

from typing import Any

from sitroom.context import ArticleContext


def find_events(ctx: ArticleContext) -> list[dict[str, Any]]:
    """The events of one article (see DESIGN.md, output contract)."""
    return []


__all__ = ["find_events"]
