"""sitroom's benchmarks: ``python -m bench`` (``make bench``) prints one table.

Each section is a module with a ``NAME`` and a ``run(options) -> SectionResult``,
listed in ``SECTIONS`` below in the order its rows appear. A later issue adds
its rows by adding a module here (quotes on PolNeAR, PLOVER accuracy,
throughput beside spaCy's parse, peak memory).
"""

from __future__ import annotations

#: Section modules, in table order.
SECTIONS: list[str] = [
    "bench.zyte",
]
