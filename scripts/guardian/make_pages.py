"""Write the Guardian corpus (../shared/data/guardian-2022) as saved-text pages.

    python scripts/guardian/make_pages.py OUT_DIR [--limit N]

Each CSV row becomes ``OUT_DIR/guardian-YYYY-MM-DD-NNN.txt``: the headline, a
"Published" dateline and the body, the way a scraper saves a page, so that
``sitroom ingest OUT_DIR`` reads it like any other input and the ledger gets
real publication dates. The pages are written outside the repository: the
corpus is read at run time, never copied in (../shared/data/README.md).
"""

from __future__ import annotations

import argparse
import csv
import os
import sys
from datetime import datetime
from pathlib import Path

CSV = Path("guardian-2022") / "Guardians_Russia_Ukraine.csv"


def data_dir() -> Path:
    """``$SITROOM_DATA``, else ``../shared/data`` beside the repository."""
    default = Path(__file__).resolve().parents[3] / "shared" / "data"
    return Path(os.environ.get("SITROOM_DATA", default))


def page(row: dict[str, str]) -> str:
    """A row as scraped text: headline, dateline ("Published 24 Feb 2022 16:23"), body."""
    when = datetime.fromisoformat(row["published"].replace("Z", "+00:00"))
    dateline = f"Published {when:%d %b %Y %H:%M}"
    return f"{row['headlines'].strip()}\n\n{dateline}\n\n{row['articles'].strip()}\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--limit", type=int)
    args = parser.parse_args(argv)
    source = data_dir() / CSV
    if not source.is_file():
        print(f"{source}: not found (set SITROOM_DATA to the shared data folder)",
              file=sys.stderr)
        return 1
    csv.field_size_limit(sys.maxsize)
    args.out.mkdir(parents=True, exist_ok=True)
    with source.open(encoding="utf-8", newline="") as handle:
        rows = [r for r in csv.DictReader(handle) if r.get("articles")]
    for n, row in enumerate(rows[: args.limit], 1):
        name = f"guardian-{row['published'][:10]}-{n:03d}.txt"
        (args.out / name).write_text(page(row), encoding="utf-8")
    print(f"wrote {min(len(rows), args.limit or len(rows))} pages to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
