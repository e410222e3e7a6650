"""The command line end to end: analyze, ingest, search, exit codes, bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sitroom.cli import app
from sitroom.store import Store

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"

STORY = """Troops pulled back from the border, ministry says

16 February 2022, 09:10

By Tess Marlow

The defence ministry said on Wednesday that some units had finished their drills and were
heading back to their garrisons.

Western officials said they had seen no evidence of a pullback and that more troops had arrived.

Share this article
"""


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def story(tmp_path: Path) -> Path:
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    return path


def test_analyze_prints_the_contract(runner: CliRunner, story: Path) -> None:
    result = runner.invoke(app, ["analyze", str(story)])
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert record["schema"] == "sitroom.article/1"
    assert record["source"]["format"] == "text"
    art = record["article"]
    assert art["title"] == "Troops pulled back from the border, ministry says"
    assert art["published"] == "2022-02-16T09:10:00"
    assert art["bylines"] == ["Tess Marlow"]
    assert "Share this article" not in art["text"]
    assert {"kind": "share", "text": "Share this article"} in art["removed"]
    [quote] = [q for q in record["quotes"] if "garrisons" in q["text"]]
    assert quote["type"] == "indirect"
    assert quote["speaker"]["mention"] == "The defence ministry"
    start, end = quote["span"]
    assert art["text"][start:end] == quote["text"]
    [claim] = [c for c in record["claims"] if "garrisons" in c["text"]]
    assert claim["claimant"]["name"] == "defence ministry"
    assert claim["verification"] == "disputed"
    assert [s["by"]["name"] for s in claim["stances"]] == ["Western officials"]
    retreats = [e for e in record["events"] if e["type"] == "RETREAT"]
    assert retreats and all(e["status"] != "asserted" for e in retreats)
    assert record["figures"] == []  # "more troops" counts nothing
    assert record["signals"] == []


def test_analyze_jsonl_one_line_per_article(runner: CliRunner) -> None:
    result = runner.invoke(app, ["analyze", str(EXAMPLES / "text"), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert len(lines) == len(list((EXAMPLES / "text").glob("*.txt")))
    assert all(json.loads(line)["article"]["text"] for line in lines)


def test_analyze_markdown(runner: CliRunner, story: Path) -> None:
    result = runner.invoke(app, ["analyze", str(story), "--format", "markdown"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("# Troops pulled back from the border, ministry says")
    assert "- **By:** Tess Marlow" in result.stdout
    assert "`share` Share this article" in result.stdout


def test_analyze_reads_stdin(runner: CliRunner) -> None:
    result = runner.invoke(app, ["analyze", "-"], input=STORY)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["source"]["via"] == "stdin"


def test_one_bad_input_fails_the_run_but_not_the_batch(
    runner: CliRunner, story: Path, tmp_path: Path
) -> None:
    empty = tmp_path / "empty.html"
    empty.write_bytes(b"")
    result = runner.invoke(app, ["analyze", str(empty), str(story), "--format", "jsonl"])
    assert result.exit_code == 1
    assert len(result.stdout.splitlines()) == 1
    assert f"error: {empty}" in result.stderr.replace("\n", "")


def test_ingest_is_idempotent_and_searchable(runner: CliRunner, tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'news.db'}"
    first = runner.invoke(app, ["ingest", str(EXAMPLES), "--db", db, "--no-fetch"])
    assert first.exit_code == 0, first.output
    with Store.open(db) as store:
        stored = store.count()
    assert stored >= 12
    second = runner.invoke(app, ["ingest", str(EXAMPLES), "--db", db, "--no-fetch"])
    assert second.exit_code == 0, second.output
    with Store.open(db) as store:
        assert store.count() == stored
    found = runner.invoke(app, ["search", "Nord Stream", "--db", db])
    assert found.exit_code == 0, found.output
    assert "Nord Stream" in found.stdout


def test_republished_wire_story_is_clustered(runner: CliRunner, tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'news.db'}"
    result = runner.invoke(app, ["ingest", str(EXAMPLES), "--db", db, "--no-fetch"])
    assert result.exit_code == 0, result.output
    with Store.open(db) as store:
        hits = store.search("refugees Medyka", limit=10)
        clusters = {hit.article_id: store.get(hit.article_id) for hit in hits}
        cluster_ids = {record["cluster_id"] for record in clusters.values() if record}
        members = [m for cid in cluster_ids for m in store.cluster(cid)]
    outlets = {m.outlet for m in members}
    assert len(members) >= 2 and len(outlets) >= 2, members


def test_bad_input_leaves_the_store_intact(runner: CliRunner, story: Path, tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'news.db'}"
    assert runner.invoke(app, ["ingest", str(story), "--db", db]).exit_code == 0
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "binary.html").write_bytes(bytes(range(256)) * 8)
    (bad / "truncated.html.gz").write_bytes(b"\x1f\x8b\x08\x00\x00\x00")
    (bad / "broken.rss").write_text("<rss><channel><item><title>half", encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(bad), "--db", db])
    assert result.exit_code == 1
    with Store.open(db) as store:
        assert store.count() == 1
        assert store.search("garrisons")


def test_ingest_with_two_processes_stores_the_same(runner: CliRunner, tmp_path: Path) -> None:
    one, two = f"sqlite:///{tmp_path / 'one.db'}", f"sqlite:///{tmp_path / 'two.db'}"
    for db, jobs in ((one, "1"), (two, "2")):
        result = runner.invoke(app, ["ingest", str(EXAMPLES), "--db", db, "--no-fetch", "-j", jobs])
        assert result.exit_code == 0, result.output
    with Store.open(one) as a, Store.open(two) as b:
        assert a.count() == b.count() >= 12
        assert [(q.speaker_id, q.text) for q in a.quotes(limit=1000)] == [
            (q.speaker_id, q.text) for q in b.quotes(limit=1000)
        ]
