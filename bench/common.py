"""What every benchmark section shares: rows, run options, data paths, output."""

from __future__ import annotations

import datetime as dt
import json
import os
import platform
import sys
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parents[1]
#: Where the datasets live unless SITROOM_DATA says otherwise (shared/data/README.md).
DEFAULT_DATA = REPO_ROOT.parent / "shared" / "data"
OUTPUT_DIR = REPO_ROOT / ".bench"


def data_dir() -> Path:
    """The data folder: $SITROOM_DATA (relative to the current folder) or ../shared/data."""
    env = os.environ.get("SITROOM_DATA")
    return Path(env).expanduser().resolve() if env else DEFAULT_DATA.resolve()


@dataclass(frozen=True, slots=True)
class Options:
    data: Path
    limit: int | None = None
    #: the long runs the issue asks for (e.g. memory over 10,000 articles), not the quick default
    full: bool = False


@dataclass(slots=True)
class Row:
    """One line of the table: sitroom's number beside a baseline's on the same data."""

    metric: str
    sitroom: float | None
    baseline: float | None = None
    baseline_name: str = ""
    notes: str = ""
    #: format spec for the two numbers, e.g. ".3f"
    fmt: str = ".3f"
    section: str = ""

    def cell(self, value: float | None) -> str:
        return "—" if value is None else format(value, self.fmt)


@dataclass(slots=True)
class SectionResult:
    rows: list[Row] = field(default_factory=list)
    #: "skipped: <dataset> not found at <path>" lines, printed as they are
    skipped: list[str] = field(default_factory=list)
    #: how the section measured, printed under the table
    footnotes: list[str] = field(default_factory=list)


#: A section takes the run options and returns its rows.
SectionRun = Callable[[Options], SectionResult]


def skipped(section: str, metrics: list[str], dataset: str, path: Path) -> SectionResult:
    """The rows of a section whose dataset is missing, marked as skipped."""
    message = f"skipped: {dataset} not found at {path}"
    return SectionResult(
        rows=[Row(metric=m, sitroom=None, notes=message, section=section) for m in metrics],
        skipped=[message],
    )


def machine() -> dict[str, Any]:
    return {
        "platform": platform.platform(),
        "processor": platform.processor() or platform.machine(),
        "cpu_count": os.cpu_count(),
        "python": sys.version.split()[0],
    }


def header(options: Options, sections: list[str]) -> dict[str, Any]:
    return {
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "machine": machine(),
        "data": str(options.data),
        "limit": options.limit,
        "full": options.full,
        "sections": sections,
    }


_COLUMNS = ("metric", "sitroom", "baseline", "baseline name", "notes")


def table_cells(rows: list[Row]) -> list[tuple[str, str, str, str, str]]:
    return [
        (r.metric, r.cell(r.sitroom), r.cell(r.baseline), r.baseline_name, r.notes)
        for r in rows
    ]


def _md_escape(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def to_markdown(head: dict[str, Any], rows: list[Row], footnotes: list[str]) -> str:
    m = head["machine"]
    lines = [
        "# sitroom benchmarks",
        "",
        f"- date: {head['date']}",
        f"- machine: {m['platform']}, {m['processor']}, {m['cpu_count']} CPUs, "
        f"Python {m['python']}",
        f"- data: {head['data']}",
    ]
    if head.get("limit") is not None:
        lines.append(f"- limit: first {head['limit']} items per dataset (quick run)")
    if head.get("full"):
        lines.append("- full: the long runs (--full)")
    lines += ["", "| " + " | ".join(_COLUMNS) + " |", "|" + "---|" * len(_COLUMNS)]
    for cells in table_cells(rows):
        lines.append("| " + " | ".join(_md_escape(c) for c in cells) + " |")
    if footnotes:
        lines += ["", *(f"- {note}" for note in footnotes)]
    return "\n".join(lines) + "\n"


def to_json(head: dict[str, Any], rows: list[Row], footnotes: list[str]) -> str:
    data = {**head, "rows": [asdict(r) for r in rows], "footnotes": footnotes}
    return json.dumps(data, indent=2, ensure_ascii=False)


def print_table(head: dict[str, Any], rows: list[Row], footnotes: list[str]) -> None:
    """The table on the terminal, with rich when it is installed, else as markdown."""
    try:
        from rich.console import Console
        from rich.table import Table
    except ImportError:  # pragma: no cover - rich is a project dependency
        print(to_markdown(head, rows, footnotes))
        return
    m = head["machine"]
    title = (
        f"sitroom benchmarks — {head['date']} — {m['platform']}, "
        f"{m['cpu_count']} CPUs, Python {m['python']}"
    )
    if head.get("limit") is not None:
        title += f" — first {head['limit']} items"
    if head.get("full"):
        title += " — full"
    table = Table(title=title, show_lines=False)
    for name in _COLUMNS:
        numeric = name in ("sitroom", "baseline")
        table.add_column(name, justify="right" if numeric else "left", overflow="fold")
    for cells in table_cells(rows):
        table.add_row(*cells)
    console = Console()
    if not console.is_terminal:  # piped or logged: don't squeeze the table into 80 columns
        console = Console(width=160)
    console.print(table)
    for note in footnotes:
        console.print(f"- {note}", highlight=False)
