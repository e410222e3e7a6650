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
NO_CLAIMS = "No claims found."
NO_FIGURES = "No figures found."
NO_EVENTS = "No events found."
#: Claim and event text longer than this is shortened in their tables.
SHOWN_CLAIM_CHARS = 120


def to_json(records: Sequence[AnalyzedArticle]) -> str:
    """One object for one article, an array for several."""
    data = [r.to_dict() for r in records]
    return json.dumps(data[0] if len(data) == 1 else data, ensure_ascii=False, indent=2)


def to_jsonl(record: AnalyzedArticle) -> str:
    """One article on one line."""
    return json.dumps(record.to_dict(), ensure_ascii=False)


def to_markdown(record: AnalyzedArticle) -> str:
    """A readable page: metadata, body, who said what, claims, figures, events, entities,
    then what was removed."""
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
    lines += _claims(record.claims)
    lines += _figures(record.figures)
    lines += _events(record.events)
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


def _name(value: Any) -> str:
    """The name of an actor reference, or "" for none."""
    return str(_ref(value).get("name") or "")


def _table(head: Sequence[str], rows: Sequence[Sequence[Any]]) -> list[str]:
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
    return [*lines, ""]


def _claims(claims: Sequence[Mapping[str, Any]]) -> list[str]:
    """Each claim with its claimant, hedges, verification and who disputes or supports it."""
    lines = ["## Claims", ""]
    if not claims:
        return [*lines, NO_CLAIMS, ""]
    rows = []
    for claim in claims:
        stances = "; ".join(
            f"{s.get('stance')} by {_name(s.get('by')) or 'unknown'}"
            for s in claim.get("stances") or [])
        rows.append([claim.get("id"), _name(claim.get("claimant")),
                     shorten(str(claim.get("text") or ""), SHOWN_CLAIM_CHARS),
                     ", ".join(claim.get("hedges") or []), claim.get("verification"), stances])
    return lines + _table(["#", "Claimant", "Claim", "Hedges", "Verification", "Stances"], rows)


def _figures(figures: Sequence[Mapping[str, Any]]) -> list[str]:
    """Each figure with its qualifier, unit, subject and source."""
    lines = ["## Figures", ""]
    if not figures:
        return [*lines, NO_FIGURES, ""]
    rows = []
    for fig in figures:
        value = fig.get("value")
        shown = f"{value:,}" if isinstance(value, int) else str(value)
        if fig.get("value_max") is not None:
            high = fig["value_max"]
            shown += f"–{high:,}" if isinstance(high, int) else f"–{high}"
        source = _name(fig.get("source")) or fig.get("source_kind") or ""
        rows.append([fig.get("id"), fig.get("qualifier"), shown, fig.get("unit"),
                     fig.get("subject"), source, fig.get("revises") or ""])
    return lines + _table(["#", "Qualifier", "Value", "Unit", "Subject", "Source", "Revises"],
                          rows)


def _events(events: Sequence[Mapping[str, Any]]) -> list[str]:
    """Each PLOVER event with its actor, target, status and reporter."""
    lines = ["## Events", ""]
    if not events:
        return [*lines, NO_EVENTS, ""]
    rows = [[e.get("id"), e.get("type"), e.get("mode") or "", _name(e.get("actor")),
             _name(e.get("target")), e.get("status"), _name(e.get("reported_by")),
             shorten(str(e.get("text") or ""), SHOWN_CLAIM_CHARS)] for e in events]
    return lines + _table(["#", "Type", "Mode", "Actor", "Target", "Status", "Reported by",
                           "Text"], rows)


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
