"""Throughput and memory on the 188 Guardian articles: sitroom beside spaCy's parse alone.

Texts: the ``articles`` column of
``$SITROOM_DATA/guardian-2022/Guardians_Russia_Ukraine.csv`` (188 articles,
plain text, paragraphs separated by blank lines).

(a) The floor: ``sitroom.nlp.parse`` on each article's body, that is the
    model sitroom loads with the components it keeps, paragraphs split and
    batched through ``nlp.pipe`` the way sitroom does. The body is what
    sitroom's cleaner makes of the text (computed beforehand, off the clock),
    so both parse the same paragraphs.
(b) sitroom: the whole per-article pipeline, ``sitroom.pipeline.analyze_document``
    on a ``RawDocument`` of the text (decode, the text cleaner, the parse,
    attribution and every later per-article stage): what ``sitroom analyze``
    runs per file, without reading the file. (Until ``analyze_document`` runs
    attribution itself, ``bench.quotes.complete`` adds it and the notes say so.)
    (a) and (b) run in one process, article by article, alternating which goes
    first, after a warm-up: the ratio of their times is the figure to read on
    a shared, noisy machine. Words are the whitespace words of the input text,
    the same count for both.
(c) ``multiprocessing`` pools of 1 and 2 processes (spawn; each worker loads
    the model once and warms up before the clock starts; ``imap`` with
    chunksize 4), both started first, then fed the articles in two blocks,
    sitroom (each record serialised to JSON, as a batch job writes it) and the
    parse alone through each pool, in an order that turns round per block.
    The parse's own speed-up is the baseline: on a machine others share, the
    two suffer alike, and the workers' CPU share says how much others took.
(d) Memory, each run in a fresh subprocess (``python -m bench.throughput memory``):
    the parse alone over the articles once, then sitroom over the articles
    repeated; resident set size from /proc after the model loads and every 200
    articles; the peak is the kernel's high-water mark ``VmHWM`` (it includes
    the model load; ``ru_maxrss`` would report the parent's peak). The
    default runs ``MEMORY_ARTICLES`` sitroom articles to keep ``make bench``
    short; ``--full`` runs the issue's 10,000 (about 30 minutes more).
"""

from __future__ import annotations

import argparse
import csv
import json
import multiprocessing as mp
import os
import resource
import subprocess
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from bench import quotes
from bench.common import OUTPUT_DIR, REPO_ROOT, Options, Row, SectionResult, skipped

NAME = "throughput"
DATASET = Path("guardian-2022") / "Guardians_Russia_Ukraine.csv"
#: Articles per pool task (issue 3's brief: about 4).
CHUNKSIZE = 4
#: The memory run: articles by default (6 passes over the corpus, about 3 minutes) and
#: with --full (the issue's 10,000, about 30 minutes).
MEMORY_ARTICLES = 188 * 6
FULL_MEMORY_ARTICLES = 10_000
SAMPLE_EVERY = 200
#: The pool comparison alternates 1 and 2 workers over this many blocks of the articles.
POOL_BLOCKS = 2
#: Issue 3's targets.
TARGET_COST = 1.3
TARGET_SPEEDUP = 1.7
MEMORY_TIMEOUT_S = 4 * 3600


def load_texts(path: Path, limit: int | None = None) -> list[str]:
    """The ``articles`` column, in file order; the first ``limit`` when given."""
    csv.field_size_limit(sys.maxsize)
    with path.open(encoding="utf-8", newline="") as handle:
        texts = [row["articles"] for row in csv.DictReader(handle) if row.get("articles")]
    return texts[:limit] if limit is not None else texts


def words(text: str) -> int:
    return len(text.split())


# --- the systems -------------------------------------------------------------------------


def analyze_text(text: str, index: int = 0) -> Any:
    """sitroom's whole per-article pipeline on one text, as ``sitroom analyze`` runs it."""
    from sitroom.models import RawDocument
    from sitroom.pipeline import analyze_document

    doc = RawDocument(
        origin=f"guardian-{index}.txt",
        data=text.encode("utf-8"),
        format="text",
        via="file",
        path=f"guardian-{index}.txt",
    )
    return analyze_document(doc)


def clean_body(text: str, index: int = 0) -> str:
    """What sitroom's cleaner makes of the text: the body the floor parses."""
    from sitroom.extract import extract
    from sitroom.models import RawDocument

    doc = RawDocument(
        origin=f"guardian-{index}.txt", data=text.encode("utf-8"), format="text", via="file"
    )
    return str(extract(doc, text).text)


def parse_floor(body: str) -> int:
    """spaCy's parse alone, the way sitroom parses: paragraphs, one ``nlp.pipe`` batch."""
    from sitroom.nlp import parse

    return len(parse(body))


def current_rss_mb() -> float:
    """The resident set size now (Linux /proc), else the peak so far."""
    try:
        with Path("/proc/self/statm").open() as handle:
            pages = int(handle.read().split()[1])
        return pages * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError, IndexError):
        return peak_rss_mb()


def peak_rss_mb() -> float:
    """The peak resident set size of this process image (Linux ``VmHWM``), else ``ru_maxrss``.

    ``ru_maxrss`` survives ``exec`` on Linux: a subprocess started by a big
    parent reports the parent's peak. ``VmHWM`` starts afresh with the new image.
    """
    try:
        with Path("/proc/self/status").open() as handle:
            for line in handle:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except (OSError, ValueError, IndexError):
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# --- (a) and (b): side by side in one process --------------------------------------------


@dataclass(slots=True)
class SideBySide:
    articles: int
    words: int
    parse_s: float
    sitroom_s: float
    quotes: int

    @property
    def cost(self) -> float:
        return self.sitroom_s / self.parse_s if self.parse_s else 0.0


def side_by_side(texts: Sequence[str]) -> SideBySide:
    bodies = [clean_body(t, i) for i, t in enumerate(texts)]
    # Warm-up outside the clock: model load, lazy imports, first-call caches.
    parse_floor(bodies[0])
    analyze_text(texts[0])
    parse_s = sitroom_s = 0.0
    n_quotes = 0
    for i, (text, body) in enumerate(zip(texts, bodies, strict=True)):
        for step in ("parse", "sitroom") if i % 2 == 0 else ("sitroom", "parse"):
            start = time.perf_counter()
            if step == "parse":
                parse_floor(body)
                parse_s += time.perf_counter() - start
            else:
                record = analyze_text(text, i)
                sitroom_s += time.perf_counter() - start
                n_quotes += len(record.quotes)
    return SideBySide(len(texts), sum(words(t) for t in texts), parse_s, sitroom_s, n_quotes)


# --- (c): a process pool -----------------------------------------------------------------


def _init_worker(barrier: Any, warm_text: str) -> None:
    """Load the model and warm up once per worker, then wait for the others."""
    analyze_text(warm_text)
    barrier.wait()


#: A pool task: which system, the article's index, and its text (the body, for the parse).
Task = tuple[str, int, str]


def _work(task: Task) -> tuple[int, float]:
    """One article through sitroom (its record comes back) or the parse alone; CPU seconds."""
    system, index, text = task
    cpu = time.process_time()
    if system == "sitroom":
        size = len(json.dumps(analyze_text(text, index).to_dict()))
    else:
        size = parse_floor(text)
    return size, time.process_time() - cpu


@dataclass(slots=True)
class PoolTime:
    """Wall seconds of a pool, and the CPU seconds its workers spent in the tasks."""

    processes: int
    wall: float = 0.0
    cpu: float = 0.0

    @property
    def cpu_share(self) -> float:
        """How much of its cores the pool got: 1.0 when nothing else ran and no worker idled."""
        return self.cpu / (self.wall * self.processes) if self.wall else 0.0


@dataclass(slots=True)
class PoolRun:
    """1 and 2 workers, for sitroom and for the parse alone, on the same articles."""

    sitroom_1: PoolTime
    sitroom_2: PoolTime
    parse_1: PoolTime
    parse_2: PoolTime

    @staticmethod
    def speedup(one: PoolTime, two: PoolTime) -> float:
        return one.wall / two.wall if two.wall else 0.0


def _timed_imap(pool: Any, tasks: list[Task], into: PoolTime) -> None:
    start = time.perf_counter()
    results = list(pool.imap(_work, tasks, chunksize=CHUNKSIZE))
    into.wall += time.perf_counter() - start
    into.cpu += sum(cpu for _, cpu in results)
    if len(results) != len(tasks):
        raise RuntimeError(f"pool handled {len(results)} of {len(tasks)} articles")


def pool_times(texts: Sequence[str], bodies: Sequence[str], blocks: int = POOL_BLOCKS) -> PoolRun:
    """1-worker and 2-worker pools over the articles, sitroom and the parse alone.

    Both pools start (and load their models) before the clock; then the
    articles go through them in ``blocks`` blocks, each block through the four
    combinations in an order that turns round from block to block, so that a
    change in the machine's load hits all alike.
    """
    ctx = mp.get_context("spawn")
    barrier = ctx.Barrier(1 + 2 + 1)
    init = (barrier, texts[0])
    size = -(-len(texts) // blocks)
    run = PoolRun(PoolTime(1), PoolTime(2), PoolTime(1), PoolTime(2))
    with (
        ctx.Pool(1, initializer=_init_worker, initargs=init) as pool_1,
        ctx.Pool(2, initializer=_init_worker, initargs=init) as pool_2,
    ):
        barrier.wait(timeout=300)  # a worker that cannot start breaks the barrier
        for k in range(0, len(texts), size):
            full = [("sitroom", i, texts[i]) for i in range(k, min(k + size, len(texts)))]
            floor = [("parse", i, bodies[i]) for i in range(k, min(k + size, len(texts)))]
            order = [
                (pool_1, full, run.sitroom_1),
                (pool_2, full, run.sitroom_2),
                (pool_1, floor, run.parse_1),
                (pool_2, floor, run.parse_2),
            ]
            if (k // size) % 2:
                order.reverse()
            for pool, tasks, into in order:
                _timed_imap(pool, tasks, into)
    return run


# --- (d): memory, in a fresh process -----------------------------------------------------


def memory_run(
    texts: Sequence[str], articles: int, every: int = SAMPLE_EVERY, *, parse_only: bool = False
) -> dict[str, Any]:
    """RSS after the model loads and every ``every`` articles of a run over ``texts`` repeated.

    ``parse_only`` runs the floor (``parse_floor`` on the cleaned bodies) instead of sitroom.
    """
    start_rss = current_rss_mb()
    if parse_only:
        bodies = [clean_body(t, i) for i, t in enumerate(texts)]
        parse_floor(bodies[0])
    else:
        analyze_text(texts[0])
    loaded = current_rss_mb()
    samples: list[tuple[int, float]] = []
    start = time.perf_counter()
    for k in range(articles):
        if parse_only:
            parse_floor(bodies[k % len(bodies)])
        else:
            analyze_text(texts[k % len(texts)], k)
        if (k + 1) % every == 0 or k + 1 == articles:
            samples.append((k + 1, round(current_rss_mb(), 1)))
    return {
        "system": "parse" if parse_only else "sitroom",
        "articles": articles,
        "corpus": len(texts),
        "every": every,
        "rss_start_mb": round(start_rss, 1),
        "rss_model_mb": round(loaded, 1),
        "samples": samples,
        "peak_mb": round(max(peak_rss_mb(), *(v for _, v in samples)), 1),
        "seconds": round(time.perf_counter() - start, 1),
    }


def memory_subprocess(
    path: Path, limit: int | None, articles: int, *, parse_only: bool = False
) -> dict[str, Any]:
    """``memory_run`` in a fresh interpreter, so nothing measured before counts."""
    every = SAMPLE_EVERY if articles >= 2 * SAMPLE_EVERY else max(1, articles // 4)
    cmd = [sys.executable, "-m", "bench.throughput", "memory", str(path)]
    cmd += ["--articles", str(articles), "--every", str(every)]
    if limit is not None:
        cmd += ["--limit", str(limit)]
    if parse_only:
        cmd.append("--parse-only")
    out = subprocess.run(
        cmd, cwd=REPO_ROOT, capture_output=True, text=True, timeout=MEMORY_TIMEOUT_S, check=False
    )
    if out.returncode != 0:
        raise RuntimeError(f"memory run failed ({out.returncode}): {out.stderr.strip()[-500:]}")
    result: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


# --- the section -------------------------------------------------------------------------


def run(options: Options) -> SectionResult:
    path = options.data / DATASET
    metrics = [
        "throughput, articles/s",
        "throughput, words/s",
        "cost, sitroom time / parse time",
        "speed-up, 2 processes / 1",
        "peak memory, MB",
        "memory, RSS at the end, MB",
        "memory growth, MB",
    ]
    if not path.is_file():
        return skipped(NAME, metrics, str(DATASET), path)
    texts = load_texts(path, options.limit)
    if not texts:
        return skipped(NAME, metrics, str(DATASET), path)
    why_not = quotes.sitroom_available()
    if why_not is not None:
        return _floor_only(texts, why_not)

    a = side_by_side(texts)
    load_before = _loadavg()
    pools = pool_times(texts, [clean_body(t, i) for i, t in enumerate(texts)])
    load_after = _loadavg()
    one, two = pools.sitroom_1, pools.sitroom_2
    n_memory = FULL_MEMORY_ARTICLES if options.full else MEMORY_ARTICLES
    if options.limit is not None and not options.full:
        n_memory = min(n_memory, 4 * len(texts))
    floor_mem = memory_subprocess(path, options.limit, len(texts), parse_only=True)
    mem = memory_subprocess(path, options.limit, n_memory)
    OUTPUT_DIR.mkdir(exist_ok=True)
    detail = {
        "side_by_side": asdict(a),
        "pools": {
            name: asdict(t) | {"cpu_share": t.cpu_share}
            for name, t in (
                ("sitroom_1", pools.sitroom_1),
                ("sitroom_2", pools.sitroom_2),
                ("parse_1", pools.parse_1),
                ("parse_2", pools.parse_2),
            )
        },
        "loadavg_1min": [load_before, load_after],
        "memory": mem,
        "memory_parse_only": floor_mem,
        "cpus": _cpus(),
    }
    (OUTPUT_DIR / "throughput.json").write_text(json.dumps(detail, indent=1), encoding="utf-8")

    n, label = a.articles, f"(Guardian, {a.articles} articles)"
    from sitroom.nlp import model_name

    floor_name = f"spaCy parse alone ({model_name()}, sitroom.nlp.parse)"
    speedup = PoolRun.speedup(one, two)
    floor_speedup = PoolRun.speedup(pools.parse_1, pools.parse_2)
    first, last = mem["samples"][0], mem["samples"][-1]
    growth = last[1] - first[1]
    run_kind = (
        "--full run" if options.full else f"default run; --full runs {FULL_MEMORY_ARTICLES:,}"
    )
    samples = ", ".join(f"{k}: {v:.0f}" for k, v in mem["samples"])
    rows = [
        Row(
            f"throughput, articles/s {label}",
            n / a.sitroom_s,
            n / a.parse_s,
            floor_name,
            f"one process, side by side; sitroom = analyze_document "
            f"(cleaner, parse, attribution, ...), {a.quotes} quotes",
            ".2f",
            NAME,
        ),
        Row(
            f"throughput, words/s {label}",
            a.words / a.sitroom_s,
            a.words / a.parse_s,
            floor_name,
            f"{a.words:,} input words; {a.sitroom_s:.1f}s vs {a.parse_s:.1f}s",
            ",.0f",
            NAME,
        ),
        Row(
            f"cost, sitroom time / parse time {label}",
            a.cost,
            1.0,
            floor_name,
            f"target <= {TARGET_COST}: {'met' if a.cost <= TARGET_COST else 'NOT met'}",
            ".2f",
            NAME,
        ),
        Row(
            f"speed-up, 2 processes / 1 {label}",
            speedup,
            floor_speedup,
            "spaCy parse alone, the same pools",
            f"Pool(spawn, chunksize {CHUNKSIZE}): sitroom {n / one.wall:.2f} -> "
            f"{n / two.wall:.2f} articles/s; target >= {TARGET_SPEEDUP} on 2 cores: "
            f"{'met' if speedup >= TARGET_SPEEDUP else 'NOT met'}; workers' CPU / "
            f"(wall x processes), sitroom: {one.cpu_share:.2f} vs {two.cpu_share:.2f} (below 1: "
            f"other load or idle workers); CPU per article, 2 processes / 1: "
            f"{_per_article_cpu(two, one):.2f} (with two free cores at most "
            f"{2 / _per_article_cpu(two, one) if two.cpu else 0.0:.2f}); "
            f"{_cpus()}, load average {load_before:.1f} before, {load_after:.1f} after",
            ".2f",
            NAME,
        ),
        Row(
            f"peak memory, MB (VmHWM; sitroom over {mem['articles']:,} articles)",
            mem["peak_mb"],
            floor_mem["peak_mb"],
            f"spaCy parse alone over the {floor_mem['articles']} articles",
            f"fresh process each; model loaded: {mem['rss_model_mb']:.0f} vs "
            f"{floor_mem['rss_model_mb']:.0f} MB (the peak includes loading it)",
            ".0f",
            NAME,
        ),
        Row(
            f"memory, RSS at the end, MB (sitroom after {mem['articles']:,} articles)",
            mem["samples"][-1][1],
            floor_mem["samples"][-1][1],
            f"spaCy parse alone after the {floor_mem['articles']} articles",
            f"{mem['seconds']:.0f}s vs {floor_mem['seconds']:.0f}s",
            ".0f",
            NAME,
        ),
        Row(
            f"memory growth, MB (RSS at article {first[0]} -> {last[0]})",
            growth,
            None,
            "",
            f"{run_kind}; RSS every {mem['every']} articles: {samples}",
            "+.0f",
            NAME,
        ),
    ]
    footnotes = [
        "throughput: floor = sitroom.nlp.parse (same model and components, paragraphs split and "
        "batched with nlp.pipe as sitroom does) on the body sitroom's cleaner makes; sitroom = "
        "analyze_document on a RawDocument of the text; side by side in one process, "
        "alternating, warm; a shared machine is noisy: read the ratios. Details: "
        ".bench/throughput.json.",
        "throughput: 2 processes / 1 = time of a 1-worker pool over time of a 2-worker pool on "
        f"the same articles, in {POOL_BLOCKS} blocks, sitroom and the parse alone through both "
        "pools in turn (each worker loads the model once, outside the clock); memory in "
        "fresh subprocesses, RSS and peak (VmHWM) from /proc.",
    ]
    return SectionResult(rows=rows, footnotes=footnotes)


def _floor_only(texts: Sequence[str], why_not: str) -> SectionResult:
    """Only the floor, when sitroom's quote stage is not there yet."""
    bodies = [clean_body(t, i) for i, t in enumerate(texts)]
    parse_floor(bodies[0])
    start = time.perf_counter()
    for body in bodies:
        parse_floor(body)
    seconds = time.perf_counter() - start
    n, w = len(texts), sum(words(t) for t in texts)
    label = f"(Guardian, {n} articles)"
    name = "spaCy parse alone (sitroom.nlp.parse)"
    return SectionResult(
        rows=[
            Row(f"throughput, articles/s {label}", None, n / seconds, name, why_not, ".2f", NAME),
            Row(f"throughput, words/s {label}", None, w / seconds, name, why_not, ",.0f", NAME),
        ]
    )


def _per_article_cpu(a: PoolTime, b: PoolTime) -> float:
    """Ratio of CPU seconds per article (same articles): 1.0 when a worker costs the same."""
    return a.cpu / b.cpu if b.cpu else 0.0


def _loadavg() -> float:
    """The machine's 1-minute load average (0.0 where the platform has none)."""
    try:
        return os.getloadavg()[0]
    except OSError:
        return 0.0


def _cpus() -> str:
    affinity = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None
    return f"{os.cpu_count()} CPUs, {affinity} usable"


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.throughput")
    sub = parser.add_subparsers(dest="command", required=True)
    memory = sub.add_parser("memory", help="the memory run; prints one JSON line")
    memory.add_argument("csv", type=Path)
    memory.add_argument("--articles", type=int, default=MEMORY_ARTICLES)
    memory.add_argument("--every", type=int, default=SAMPLE_EVERY)
    memory.add_argument("--limit", type=int)
    memory.add_argument("--parse-only", action="store_true", help="the floor instead of sitroom")
    args = parser.parse_args(list(argv) if argv is not None else None)
    texts = load_texts(args.csv, args.limit)
    print(json.dumps(memory_run(texts, args.articles, args.every, parse_only=args.parse_only)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
