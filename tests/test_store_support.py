"""Helpers for the store tests, and a worker that ingests a test corpus in a subprocess.

Run as ``python tests/test_store_support.py URL [--reverse] [--resume] [--pause S]
[--start-at T] [--no-signature]``: opens the store (at time T, to start several workers
together), adds the corpus and prints one JSON line per article after its transaction
committed.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
import time
from dataclasses import dataclass

from sitroom.models import AnalyzedArticle, Article, Source, article_id

NUM_PERM = 128
BANDS = 16
ROWS = NUM_PERM // BANDS
OUTLETS = ("LBC", "BBC", "Reuters", "AP", "Guardian")
TOPICS = (
    "troops", "ceasefire", "artillery", "refugees", "sanctions", "drones", "negotiations",
    "mobilisation", "blackout", "evacuation", "pipeline", "grain", "convoy", "airspace",
    "hostages", "referendum", "shelling", "reservists", "embassy", "corridor",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Item:
    """One input of the test corpus, as the store receives it."""

    analyzed: AnalyzedArticle
    raw_sha256: str
    signature: list[int]
    band_keys: list[str]


def make_article(
    text: str,
    *,
    title: str | None = None,
    outlet: str | None = "LBC",
    origin: str = "input.txt",
    url: str | None = None,
    published: str | None = "2022-02-15T15:28:00",
    ident: str | None = None,
) -> AnalyzedArticle:
    """A stand-in AnalyzedArticle as the pipeline would hand it to the store."""
    return AnalyzedArticle(
        id=ident or article_id(text),
        source=Source(
            path=origin, url=url, outlet=outlet, format="text", via="file", origin=origin
        ),
        article=Article(text=text, title=title, published=published, bylines=["Emma Soteriou"]),
    )


def fake_signature(seed: int, changed: range | list[int] = range(0)) -> list[int]:
    """A 128-value uint64 signature; ``changed`` positions get fresh values."""
    rng = random.Random(seed)
    signature = [rng.getrandbits(64) for _ in range(NUM_PERM)]
    other = random.Random(seed * 7919 + len(changed) + 1)
    for position in changed:
        signature[position] = other.getrandbits(64)
    return signature


def band_keys(signature: list[int]) -> list[str]:
    """LSH band keys: 16 bands of 8 rows, each hashed with its band number."""
    keys = []
    for band in range(BANDS):
        rows = signature[band * ROWS : (band + 1) * ROWS]
        digest = hashlib.sha1(repr(rows).encode()).hexdigest()[:16]
        keys.append(f"{band}:{digest}")
    return keys


def item(analyzed: AnalyzedArticle, signature: list[int]) -> Item:
    """Wrap an article with its input hash and its signature's band keys."""
    raw = f"{analyzed.source.origin}\n{analyzed.article.text}".encode()
    return Item(analyzed, hashlib.sha256(raw).hexdigest(), signature, band_keys(signature))


def corpus(groups: int = 10) -> list[Item]:
    """``groups`` stories, each a base article and two near-duplicate rewrites (3 per group).

    A rewrite differs from its base in 8 of 128 signature positions (similarity 0.94)
    and from the other rewrite in 16 (0.875), so every group is one cluster whatever
    the order of ingestion.
    """
    items = []
    for g in range(groups):
        topic = TOPICS[g % len(TOPICS)]
        base = (
            f"Story {g} about {topic}. Officials said the {topic} situation changed overnight, "
            f"and analysts in the capital were cautious about what comes next for {topic}."
        )
        for v in range(3):
            text = base if v == 0 else f"{base} Updated version {v} with a new final paragraph."
            changed = [] if v == 0 else list(range((v - 1) * 8, v * 8))
            analyzed = make_article(
                text,
                title=f"{topic.title()} story {g}" + ("" if v == 0 else f" (rewrite {v})"),
                outlet=OUTLETS[(g + v) % len(OUTLETS)],
                origin=f"corpus/{g:02d}-{v}.txt",
                url=f"https://news.example/{g}/{v}",
            )
            items.append(item(analyzed, fake_signature(1000 + g, changed)))
    return items


def main(argv: list[str]) -> int:
    """Ingest the corpus into the store at the given URL, printing a JSON line per input."""
    from sitroom.store import Store

    parser = argparse.ArgumentParser()
    parser.add_argument("url")
    parser.add_argument("--reverse", action="store_true")
    parser.add_argument("--resume", action="store_true", help="skip inputs already processed")
    parser.add_argument("--pause", type=float, default=0.0)
    parser.add_argument("--start-at", type=float, default=0.0)
    parser.add_argument("--no-signature", action="store_true", help="exact de-duplication only")
    args = parser.parse_args(argv)
    items = corpus()
    if args.reverse:
        items.reverse()
    while time.time() < args.start_at:
        time.sleep(0.005)
    with Store(args.url) as store:
        for it in items:
            if args.resume and store.seen_raw(it.raw_sha256) is not None:
                print(json.dumps({"id": it.analyzed.id, "status": "skipped"}), flush=True)
                continue
            result = store.add(
                it.analyzed,
                raw_sha256=it.raw_sha256,
                signature=None if args.no_signature else it.signature,
                band_keys=[] if args.no_signature else it.band_keys,
            )
            line = {"id": result.article_id, "status": result.status, "cluster": result.cluster_id}
            print(json.dumps(line), flush=True)
            if args.pause:
                time.sleep(args.pause)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
