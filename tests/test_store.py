"""The store on SQLite and PostgreSQL: migrations, de-duplication, search, crashes, concurrency."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitroom.errors import StoreError
from sitroom.store import (
    AddResult,
    Store,
    estimated_jaccard,
    normalise_url,
    pack_signature,
    parse_query,
    unpack_signature,
)
from sitroom.store.migrate import head_revision
from sitroom.store.schema import FTS_TABLE, TSVECTOR_COLUMN, VERSION_TABLE, metadata
from test_store_support import Item, corpus, fake_signature, item, make_article

WORKER = Path(__file__).with_name("test_store_support.py")
ROOT = Path(__file__).resolve().parents[1]
NASTY_QUERIES = [
    "",
    "   ",
    '"',
    '"""',
    '"unterminated phrase',
    "AND",
    "OR",
    "NOT",
    "troops AND",
    "OR troops",
    "NOT troops",
    "-troops",
    "troops -",
    "de-escalation",
    "troops NOT",
    "troops OR OR ceasefire",
    "(troops",
    "troops)",
    "NEAR(troops ceasefire)",
    "title:troops",
    "^troops",
    "troops*",
    "*",
    "+troops",
    "troops & | ! <-> :*",
    "'; DROP TABLE articles; --",
    "\\",
    "\x00troops",
    "🙂 troops",
    "U.S.-led",
]


def add(store: Store, it: Item, **kwargs: Any) -> AddResult:
    """Add one corpus item."""
    return store.add(
        it.analyzed,
        raw_sha256=it.raw_sha256,
        signature=it.signature,
        band_keys=it.band_keys,
        **kwargs,
    )


def engine_for(url: str) -> sa.Engine:
    """A plain engine on a test database, for checks behind the repository's back."""
    return sa.create_engine(normalise_url(url), poolclass=sa.pool.NullPool)


def run_worker(url: str, *args: str) -> subprocess.Popen[str]:
    """Start the ingest worker of test_store_support.py in a subprocess."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), str(WORKER.parent)])}
    return subprocess.Popen(
        [sys.executable, str(WORKER), url, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def check_consistent(url: str, *, bands_per_article: int = 16) -> int:
    """Assert the database is intact and every article is complete; return the article count."""
    engine = engine_for(url)
    try:
        with engine.connect() as conn:
            n = conn.scalar(sa.text("SELECT count(*) FROM articles"))
            assert isinstance(n, int)
            if conn.dialect.name == "sqlite":
                assert conn.scalar(sa.text("PRAGMA integrity_check")) == "ok"
                conn.execute(
                    sa.text(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('integrity-check')")
                )
                assert conn.scalar(sa.text(f"SELECT count(*) FROM {FTS_TABLE}_docsize")) == n
            else:
                indexed = conn.scalar(
                    sa.text(f"SELECT count(*) FROM articles WHERE {TSVECTOR_COLUMN} IS NOT NULL")
                )
                assert indexed == n
            for table in ("raw_inputs", "article_sources"):
                orphans = conn.scalar(
                    sa.text(
                        f"SELECT count(*) FROM articles a WHERE NOT EXISTS "
                        f"(SELECT 1 FROM {table} t WHERE t.article_id = a.id)"
                    )
                )
                assert orphans == 0, f"articles without {table} rows"
            bands = conn.scalar(sa.text("SELECT count(*) FROM minhash_bands"))
            assert bands == bands_per_article * n
            conn.rollback()
    finally:
        engine.dispose()
    return n


# -- pure helpers ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("given_url", "expected"),
    [
        ("postgres://u:p@h/db", "postgresql+psycopg://u:p@h/db"),
        (
            "postgresql://u:p@h:5433/db?sslmode=disable",
            "postgresql+psycopg://u:p@h:5433/db?sslmode=disable",
        ),
        ("postgresql+psycopg://u@h/db", "postgresql+psycopg://u@h/db"),
        ("sqlite:////abs/x.db", "sqlite:////abs/x.db"),
        ("/abs/x.db", "sqlite:////abs/x.db"),
    ],
)
def test_normalise_url(given_url: str, expected: str) -> None:
    assert normalise_url(given_url) == expected


def test_signature_packing_and_similarity() -> None:
    signature = [0, 1, 2**64 - 1, 12345678901234567890]
    assert unpack_signature(pack_signature(signature)) == tuple(signature)
    assert len(pack_signature(signature)) == 32
    with pytest.raises(ValueError, match="uint64"):
        pack_signature([-1])
    assert estimated_jaccard([1, 2, 3, 4], [1, 2, 3, 5]) == 0.75
    assert estimated_jaccard([1, 2], [1, 2, 3]) == 0.0


def test_parse_query_reads_phrases_or_and_exclusions() -> None:
    parsed = parse_query('Troops "defence ministry" ceasefire OR truce -exercise NOT drill')
    assert parsed.required == [
        [("troops",)],
        [("defence", "ministry")],
        [("ceasefire",), ("truce",)],
    ]
    assert parsed.excluded == [("exercise",), ("drill",)]
    assert not parse_query('-only NOT excluded " ( ) *')


# -- opening and migrating ---------------------------------------------------------------------


def test_open_creates_folder_wal_and_schema(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'deep' / 'er' / 'x.db'}"
    with Store(url) as store:
        assert store.count() == 0
        with store.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 30_000
    assert (tmp_path / "deep" / "er" / "x.db").exists()
    with Store(str(tmp_path / "deep" / "er" / "x.db")) as again:  # a plain path works too
        assert again.count() == 0


def test_open_default_url_from_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SITROOM_DB", str(tmp_path / "env.db"))
    with Store.open() as store:
        assert store.count() == 0
    assert (tmp_path / "env.db").exists()


def _not_in_metadata(name: str | None, kind: str, _parent: Any) -> bool:
    """Leave out what schema.py does not model: full-text search and Alembic's version table."""
    skipped = {
        "table": (VERSION_TABLE,),
        "column": (TSVECTOR_COLUMN,),
        "index": ("ix_articles_search",),
    }
    if kind == "table" and (name or "").startswith(FTS_TABLE):
        return False
    return name not in skipped.get(kind, ())


def test_migrations_match_schema_module_and_reopen(db_url: str) -> None:
    Store(db_url).close()
    Store(db_url).close()  # already at head: nothing to do
    engine = engine_for(db_url)
    try:
        with engine.connect() as conn:
            version = conn.scalar(sa.text(f"SELECT version_num FROM {VERSION_TABLE}"))
            assert version == head_revision() is not None
            context = MigrationContext.configure(conn, opts={"include_name": _not_in_metadata})
            assert compare_metadata(context, metadata) == []
    finally:
        engine.dispose()


def test_newer_schema_is_refused(db_url: str) -> None:
    Store(db_url).close()
    engine = engine_for(db_url)
    with engine.begin() as conn:
        conn.execute(sa.text(f"UPDATE {VERSION_TABLE} SET version_num = '9999'"))
    engine.dispose()
    with pytest.raises(StoreError, match="newer sitroom"):
        Store(db_url)


# -- adding ------------------------------------------------------------------------------------


def test_add_get_count_and_seen_raw(db_url: str) -> None:
    base = corpus(1)[0]
    with Store(db_url) as store:
        assert store.seen_raw(base.raw_sha256) is None
        result = add(store, base)
        assert result == AddResult("new", base.analyzed.id, base.analyzed.id, None)
        assert store.count() == 1
        assert store.get(base.analyzed.id) == {
            **base.analyzed.to_dict(),
            "cluster_id": base.analyzed.id,
        }
        assert store.get("missing") is None
        assert store.seen_raw(base.raw_sha256) == base.analyzed.id
        assert store.seen_raw("0" * 64) is None  # never seen, e.g. an input that failed


def test_exact_duplicate_records_new_source_only(db_url: str) -> None:
    base = corpus(1)[0]
    other_origin = item(
        make_article(
            base.analyzed.article.text,
            title="Another title",
            outlet="BBC",
            origin="elsewhere.html",
            url="https://bbc.example/x",
        ),
        base.signature,
    )
    with Store(db_url) as store:
        add(store, base)
        first = add(store, other_origin)
        assert first == AddResult("duplicate", base.analyzed.id, base.analyzed.id, base.analyzed.id)
        again = add(store, other_origin)
        assert again.status == "duplicate"
        assert store.count() == 1
        assert store.get(base.analyzed.id) == {
            **base.analyzed.to_dict(),
            "cluster_id": base.analyzed.id,
        }
        sources = store.sources(base.analyzed.id)
        assert [(s.origin, s.outlet) for s in sources] == [
            ("corpus/00-0.txt", "LBC"),
            ("elsewhere.html", "BBC"),
        ]
        assert all(s.seen_at.tzinfo is not None for s in sources)
        assert store.seen_raw(other_origin.raw_sha256) == base.analyzed.id


def test_near_duplicates_join_the_cluster(db_url: str) -> None:
    base, rewrite1, rewrite2 = corpus(1)
    far_signature = fake_signature(1000, range(88, 128))  # shares bands 0-10, similarity 0.69
    far = item(make_article("A different story altogether.", origin="far.txt"), far_signature)
    with Store(db_url) as store:
        assert add(store, base).status == "new"
        r1 = add(store, rewrite1)
        assert (r1.status, r1.cluster_id, r1.similar_to) == (
            "near-duplicate",
            base.analyzed.id,
            base.analyzed.id,
        )
        assert r1.similarity == pytest.approx(120 / 128)
        r2 = add(store, rewrite2)
        assert (r2.status, r2.cluster_id, r2.similar_to) == (
            "near-duplicate",
            base.analyzed.id,
            base.analyzed.id,
        )
        rf = add(store, far)
        assert (rf.status, rf.cluster_id) == ("new", far.analyzed.id)
        assert add(store, far, near_threshold=0.6).status == "duplicate"
        members = store.cluster(base.analyzed.id)
        assert [m.article_id for m in members] == [
            i.analyzed.id for i in (base, rewrite1, rewrite2)
        ]
        assert [m.outlet for m in members] == ["LBC", "BBC", "Reuters"]
        assert members[1].url == "https://news.example/0/1"
        assert store.cluster("nope") == []
        assert store.count() == 4


def test_lower_threshold_and_missing_signature(db_url: str) -> None:
    base = corpus(1)[0]
    far = item(make_article("Far story.", origin="far.txt"), fake_signature(1000, range(88, 128)))
    no_sig = make_article("No signature at all.", origin="nosig.txt")
    with Store(db_url) as store:
        add(store, base)
        assert add(store, far, near_threshold=0.6).status == "near-duplicate"
        result = store.add(no_sig, raw_sha256="f" * 64, signature=None, band_keys=[])
        assert (result.status, result.cluster_id) == ("new", no_sig.id)
        assert store.get(no_sig.id) is not None


def test_nul_characters_are_dropped(db_url: str) -> None:
    analyzed = make_article("Body with a\x00NUL.", title="Ti\x00tle", ident="nul-article")
    with Store(db_url) as store:
        store.add(analyzed, raw_sha256="a" * 64, signature=None, band_keys=[])
        record = store.get("nul-article")
        assert record is not None
        assert record["article"]["text"] == "Body with aNUL."
        assert record["article"]["title"] == "Title"
        assert store.search("title")[0].title == "Title"


# -- search ------------------------------------------------------------------------------------


def test_search_ranks_and_snippets(db_url: str) -> None:
    with Store(db_url) as store:
        for it in corpus(3):
            add(store, it)
        store.add(
            make_article(
                "Talks on a ceasefire stalled. " + "Filler sentence about weather. " * 20,
                title="Weather report",
                ident="body-only",
            ),
            raw_sha256="b" * 64,
            signature=None,
            band_keys=[],
        )
        hits = store.search("ceasefire")
        assert len(hits) == 4
        assert hits[-1].article_id == "body-only"  # the others have it in the title too
        assert all(h.score > 0 for h in hits)
        assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
        assert "[ceasefire]" in hits[-1].snippet.lower()
        assert hits[0].outlet and hits[0].published == "2022-02-15T15:28:00"
        assert len(store.search("ceasefire", limit=2)) == 2
        assert len(store.search("troop")) == 3  # stemmed
        assert len(store.search('"situation changed overnight"')) == 9
        assert len(store.search('"changed situation"')) == 0
        assert len(store.search("troops OR artillery")) == 6
        assert len(store.search("ceasefire -rewrite")) == 2  # the base story and body-only
        assert len(store.search("ceasefire NOT updated")) == 2
        assert len(store.search("ceasefire weather")) == 1


def test_nasty_queries_never_raise(db_url: str) -> None:
    with Store(db_url) as store:
        for it in corpus(2):
            add(store, it)
        for query in NASTY_QUERIES:
            store.search(query)
        assert [h.article_id for h in store.search("'; DROP TABLE articles; --")] == []
        assert store.count() == 6
        assert len(store.search("\x00troops")) == 3
        assert len(store.search("🙂 troops")) == 3  # the emoji is dropped, "troops" remains
        assert len(store.search("+troops")) == 3


_SETTINGS = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
_TEXT = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]),
    max_size=300,
)


@_SETTINGS
@given(title=_TEXT, text=_TEXT, byline=_TEXT)
def test_any_unicode_round_trips(db_url: str, title: str, text: str, byline: str) -> None:
    analyzed = make_article(text, title=title, ident=uuid.uuid4().hex)
    analyzed.article.bylines = [byline, 'Анна 🙂 "O\'Neil"']
    with Store(db_url) as store:
        store.add(analyzed, raw_sha256=uuid.uuid4().hex, signature=None, band_keys=[])
        expected = analyzed.to_dict()
        expected["article"]["title"] = title.replace("\x00", "")
        expected["article"]["text"] = text.replace("\x00", "")
        expected["article"]["bylines"][0] = byline.replace("\x00", "")
        assert store.get(analyzed.id) == {**expected, "cluster_id": analyzed.id}


_QUERY_TOKENS = st.sampled_from(
    ['"', "-", "OR", "AND", "NOT", "(", ")", "*", ":", "^", "NEAR", "+", "troops", "'", "\\"]
)


@_SETTINGS
@given(
    query=st.one_of(
        st.text(max_size=60),
        st.lists(_QUERY_TOKENS, max_size=8).map(" ".join),
        st.lists(_QUERY_TOKENS, max_size=8).map("".join),
    )
)
def test_any_search_string_is_safe(db_url: str, query: str) -> None:
    with Store(db_url) as store:
        if store.count() == 0:
            add(store, corpus(1)[0])
        hits = store.search(query, limit=5)
        assert len(hits) <= 5


# -- crashes and concurrency -------------------------------------------------------------------


def test_killed_mid_run_keeps_committed_articles(db_url: str) -> None:
    total = len(corpus())
    worker = run_worker(db_url, "--pause", "0.02")
    assert worker.stdout is not None
    reported = 0
    for line in worker.stdout:
        json.loads(line)
        reported += 1
        if reported == 8:
            break
    worker.send_signal(signal.SIGKILL)
    worker.wait(timeout=30)
    assert worker.returncode == -signal.SIGKILL

    stored = check_consistent(db_url)
    assert reported <= stored < total  # what was reported is there; one more may have committed

    rerun = run_worker(db_url, "--resume")
    out, err = rerun.communicate(timeout=60)
    assert rerun.returncode == 0, err
    statuses = [json.loads(line)["status"] for line in out.splitlines()]
    assert statuses.count("skipped") == stored
    assert len(statuses) == total
    assert check_consistent(db_url) == total
    with Store(db_url) as store:
        for group in range(10):
            assert len(store.cluster(corpus()[3 * group].analyzed.id)) == 3


@pytest.mark.parametrize("signatures", [True, False], ids=["minhash", "exact-only"])
def test_two_concurrent_ingests_store_each_article_once(db_url: str, signatures: bool) -> None:
    items = corpus()
    start_at = f"{time.time() + 1.0:.3f}"  # both open the fresh database at the same moment
    flags = ["--start-at", start_at] + ([] if signatures else ["--no-signature"])
    workers = [run_worker(db_url, *flags), run_worker(db_url, *flags, "--reverse")]
    outputs = [w.communicate(timeout=120) for w in workers]
    for worker, (_, err) in zip(workers, outputs, strict=True):
        assert worker.returncode == 0, err
    results = [json.loads(line) for out, _ in outputs for line in out.splitlines()]
    assert len(results) == 2 * len(items)
    for it in items:
        statuses = sorted(r["status"] for r in results if r["id"] == it.analyzed.id)
        assert len(statuses) == 2
        assert statuses[0] == "duplicate" and statuses[1] != "duplicate", statuses
    n = check_consistent(db_url, bands_per_article=16 if signatures else 0)
    assert n == len(items)
    engine = engine_for(db_url)
    with engine.connect() as conn:
        clusters = conn.execute(sa.text("SELECT cluster_id, count(*) FROM articles GROUP BY 1"))
        sizes = sorted(size for _, size in clusters)
        assert sizes == ([3] * 10 if signatures else [1] * 30)  # each story is one cluster
        sources = conn.scalar(sa.text("SELECT count(*) FROM article_sources"))
        assert sources == len(items)
    engine.dispose()
