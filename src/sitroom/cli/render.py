"""Analysed articles as JSON, JSON lines or readable Markdown."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence

from sitroom.models import AnalyzedArticle

#: Removed furniture longer than this is shortened in Markdown (the JSON keeps it whole).
_SHOWN_REMOVED_CHARS = 90


def to_json(records: Sequence[AnalyzedArticle]) -> str:
    """One object for one article, an array for several."""
    data = [r.to_dict() for r in records]
    return json.dumps(data[0] if len(data) == 1 else data, ensure_ascii=False, indent=2)


def to_jsonl(record: AnalyzedArticle) -> str:
    """One article on one line."""
    return json.dumps(record.to_dict(), ensure_ascii=False)


def to_markdown(record: AnalyzedArticle) -> str:
    """A readable page: metadata, body, then what was removed and why."""
    art, src = record.article, record.source
    lines = [f"# {art.title or '(no title)'}", ""]
    facts = [
        ("Outlet", src.outlet),
        ("Published", art.published),
        ("Updated", art.updated),
        ("By", ", ".join(art.bylines) or None),
        ("URL", src.url),
        ("Source", f"{src.origin} ({src.format} via {src.via})"),
        ("Id", record.id),
    ]
    lines += [f"- **{name}:** {value}" for name, value in facts if value]
    lines += ["", "## Text", "", art.text, ""]
    if art.removed:
        kinds = Counter(r.kind for r in art.removed)
        summary = ", ".join(f"{kind} {n}" for kind, n in kinds.most_common())
        lines += [f"## Removed ({len(art.removed)}: {summary})", ""]
        for removed in art.removed:
            text = " ".join(removed.text.split())
            if len(text) > _SHOWN_REMOVED_CHARS:
                text = text[: _SHOWN_REMOVED_CHARS - 1] + "…"
            lines.append(f"- `{removed.kind}` {text}")
        lines.append("")
    return "\n".join(lines)
