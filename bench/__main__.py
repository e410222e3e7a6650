"""Run the benchmark sections and print one table.

    python -m bench                  # every section
    python -m bench --only zyte      # one section (repeat or comma-separate for more)
    python -m bench --limit 20       # the first 20 items of each dataset, for a quick run
    python -m bench --full           # the long runs too (memory over 10,000 articles)

The table also goes to ``.bench/results.md`` and ``.bench/results.json``,
with the date and the machine on top. Data comes from ``$SITROOM_DATA``
(default ``../shared/data`` beside the repository); a missing dataset skips
its rows and says so.
"""

from __future__ import annotations

import argparse
import importlib
import sys
import traceback
from types import ModuleType

from bench import SECTIONS
from bench.common import (
    OUTPUT_DIR,
    Options,
    Row,
    data_dir,
    header,
    print_table,
    to_json,
    to_markdown,
)


def _sections() -> list[ModuleType]:
    return [importlib.import_module(name) for name in SECTIONS]


def _positive(value: str) -> int:
    n = int(value)
    if n < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return n


def main(argv: list[str] | None = None) -> int:
    modules = _sections()
    names = [m.NAME for m in modules]
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n")[0])
    parser.add_argument(
        "--only",
        action="append",
        metavar="SECTION",
        help=f"run only these sections (of: {', '.join(names)}); repeat or comma-separate",
    )
    parser.add_argument(
        "--limit", type=_positive, metavar="N", help="use only the first N items of each dataset"
    )
    parser.add_argument(
        "--full",
        action="store_true",
        help="the long runs the issue asks for (memory over 10,000 articles; about 45 minutes)",
    )
    args = parser.parse_args(argv)

    wanted = names
    if args.only:
        wanted = [s.strip() for arg in args.only for s in arg.split(",") if s.strip()]
        unknown = [s for s in wanted if s not in names]
        if unknown:
            parser.error(f"unknown section(s): {', '.join(unknown)}; known: {', '.join(names)}")

    options = Options(data=data_dir(), limit=args.limit, full=args.full)
    if not options.data.is_dir():
        print(f"skipped: data folder not found at {options.data} (set SITROOM_DATA)")

    rows: list[Row] = []
    footnotes: list[str] = []
    failed = False
    for module in modules:
        if module.NAME not in wanted:
            continue
        print(f"running {module.NAME} ...", file=sys.stderr, flush=True)
        try:
            result = module.run(options)
        except Exception as exc:
            failed = True
            traceback.print_exc()
            rows.append(Row(f"{module.NAME}", None, notes=f"failed: {exc!r}", section=module.NAME))
            continue
        for line in result.skipped:
            print(line)
        rows.extend(result.rows)
        footnotes.extend(result.footnotes)

    head = header(options, [n for n in names if n in wanted])
    print_table(head, rows, footnotes)
    OUTPUT_DIR.mkdir(exist_ok=True)
    markdown, data = to_markdown(head, rows, footnotes), to_json(head, rows, footnotes)
    (OUTPUT_DIR / "results.md").write_text(markdown, encoding="utf-8")
    (OUTPUT_DIR / "results.json").write_text(data + "\n", encoding="utf-8")
    print(f"written: {OUTPUT_DIR / 'results.md'}, {OUTPUT_DIR / 'results.json'}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
