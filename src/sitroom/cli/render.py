"""Analysed articles as JSON, JSON lines or readable Markdown."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

from sitroom.models import AnalyzedArticle

#: Removed furniture longer than this is shortened in Markdown (the JSON keeps it whole).
_SHOWN_REMOVED_CHARS = 90
#: Quote text longer than this is shortened in the "who said what" table.
SHOWN_QUOTE_CHARS = 160
NO_QUOTES = "No attributed statements found."
NO_ENTITIES = "No entities found."


def to_json(records: Sequence[AnalyzedArticle]) -> str:
    """One object for one article, an array for several."""
    data = [r.to_dict() for r in records]
    return json.dumps(data[0] if len(data) == 1 else data, ensure_ascii=False, indent=2)


def to_jsonl(record: AnalyzedArticle) -> str:
    """One article on one line."""
    return json.dumps(record.to_dict(), ensure_ascii=False)


def to_markdown(record: AnalyzedArticle) -> str:
    """A readable page: metadata, body, who said what, entities, then what was removed."""
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
    lines += _who_said_what(record.quotes)
    lines += _entities(record.entities)
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


def shorten(text: str, limit: int) -> str:
    """Whitespace collapsed, and cut to ``limit`` characters ending in "…" when longer."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def speaker_label(name: str | None, mention: str | None) -> str:
    """The canonical name, and the mention when it differs: "Joe Biden (Mr Biden)"."""
    name, mention = (name or "").strip(), (mention or "").strip()
    if not name:
        return f"({mention})" if mention else "unknown"
    if mention and mention.casefold() != name.casefold():
        return f"{name} ({mention})"
    return name


def _cell(value: Any) -> str:
    """A Markdown table cell: one line, pipes escaped."""
    text = " ".join(str(value).split()) if value is not None else ""
    return text.replace("\\", "\\\\").replace("|", "\\|")


def _ref(value: Any) -> Mapping[str, Any]:
    """A nested contract object (speaker, cue) as a mapping; a bare string is its text/name."""
    if isinstance(value, Mapping):
        return value
    return {"name": value, "text": value} if isinstance(value, str) else {}


def _who_said_what(quotes: Sequence[Mapping[str, Any]]) -> list[str]:
    lines = ["## Who said what", ""]
    if not quotes:
        return [*lines, NO_QUOTES, ""]
    lines += [
        "| # | Speaker | Type | Cue | Quote | Resolved by |",
        "|---|---|---|---|---|---|",
    ]
    for number, quote in enumerate(quotes, 1):
        speaker, cue = _ref(quote.get("speaker")), _ref(quote.get("cue"))
        cells = [
            quote.get("id") or number,
            speaker_label(speaker.get("name"), speaker.get("mention")),
            quote.get("type"),
            cue.get("text"),
            shorten(str(quote.get("text") or ""), SHOWN_QUOTE_CHARS),
            speaker.get("resolved_by"),
        ]
        lines.append("| " + " | ".join(_cell(c) for c in cells) + " |")
    return [*lines, ""]


def _entities(entities: Sequence[Mapping[str, Any]]) -> list[str]:
    lines = ["## Entities", ""]
    if not entities:
        return [*lines, NO_ENTITIES, ""]
    for entity in entities:
        mentions = len(entity.get("mentions") or [])
        about = ", ".join(str(v) for v in (entity.get("kind"), entity.get("role")) if v)
        name = entity.get("name") or entity.get("id") or "(unnamed)"
        plural = "" if mentions == 1 else "s"
        lines.append(
            f"- **{name}**" + (f" ({about})" if about else "") + f": {mentions} mention{plural}"
        )
    return [*lines, ""]
