"""sitroom's benchmarks: ``python -m bench`` (``make bench``) prints one table.

Each section is a module with a ``NAME`` and a ``run(options) -> SectionResult``,
listed in ``SECTIONS`` below in the order its rows appear:

- ``zyte``: article-body extraction F1 on the Zyte benchmark, beside trafilatura;
- ``polnear``: quote P/R/F1 and source accuracy on PolNeAR dev, beside textacy's
  ``direct_quotations`` (the ``bench`` extra: ``pip install -e '.[bench]'``);
- ``devgold``: quotes and full-name speakers on ``dev-gold``, scored by
  ``shared/tools/score_quotes.py``, beside textacy;
- ``throughput``: articles and words per second beside spaCy's parse alone,
  1 and 2 processes, peak and steady memory (``--full``: over 10,000 articles).

A later issue adds its rows by adding a module here (PLOVER accuracy, ...).
"""

from __future__ import annotations

#: Section modules, in table order.
SECTIONS: list[str] = [
    "bench.zyte",
    "bench.polnear",
    "bench.devgold",
    "bench.plover",
    "bench.throughput",
]
