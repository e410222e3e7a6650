"""The ledger on the command line: ``claims``, ``figures``, ``events``, ``actors``, ``export``."""

from __future__ import annotations

import csv
import importlib
import io
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from rich.console import Console
from typer.testing import CliRunner

from sitroom.cli import app
from sitroom.cli.ledger_listing import CLAIM_CSV_COLUMNS, EVENT_CSV_COLUMNS, FIGURE_CSV_COLUMNS
from sitroom.store import Store
from test_ledger_support import crisis
from test_store_quotes import add, newsroom

app_module = importlib.import_module("sitroom.cli.app")

EXPORTED = {
    "articles": 8,
    "article_sources": 8,
    "article_entities": 13,
    "actors": 10,
    "quotes": 8,
    "figures": 3,
    "events": 4,
    "event_clusters": 2,
    "claims": 4,
    "claim_stances": 1,
    "claim_clusters": 1,
}


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def fill(url: str) -> str:
    with Store(url) as store:
        for record in [*crisis(), *newsroom()]:
            add(store, record)
    return url


@pytest.fixture
def db(tmp_path: Path) -> str:
    """An SQLite store with the crisis articles (ledger) and the newsroom ones (quotes)."""
    return fill(f"sqlite:///{tmp_path / 'news.db'}")


@pytest.fixture
def wide(monkeypatch: pytest.MonkeyPatch) -> None:
    """A wide console, so table cells are not wrapped in the assertions."""
    monkeypatch.setattr(app_module, "out", Console(width=250, soft_wrap=True))


def run(runner: CliRunner, *args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


# -- claims ------------------------------------------------------------------------------------


def test_claims_json(runner: CliRunner, db: str) -> None:
    (cluster,) = json.loads(run(runner, "claims", "--db", db, "-f", "json"))
    assert cluster["verification"] == "disputed"
    assert [c["name"] for c in cluster["claimants"]] == ["Russian Ministry of Defence"]
    assert [c["name"] for c in cluster["disputers"]] == ["Joe Biden", "NATO"]
    assert (cluster["first_seen"], cluster["last_seen"]) == (
        "2022-02-15T15:28:00",
        "2022-02-17T12:00:00",
    )
    assert cluster["n_articles"] == 3
    first = cluster["claims"][0]
    assert (first["article_id"], first["id"], first["outlet"]) == ("lbc-15", "c1", "LBC")
    text = crisis()[0].article.text
    assert text[first["span"][0] : first["span"][1]] == first["text"]


def test_claims_csv_and_filters(runner: CliRunner, db: str) -> None:
    rows = list(csv.DictReader(io.StringIO(run(runner, "claims", "--db", db, "-f", "csv"))))
    assert tuple(rows[0]) == CLAIM_CSV_COLUMNS
    assert rows[0]["disputers"] == "Joe Biden; NATO"
    disputed = json.loads(
        run(runner, "claims", "--disputed", "--actor", "NATO", "--db", db, "-f", "json")
    )
    assert len(disputed) == 1
    assert json.loads(run(runner, "claims", "--actor", "Putin", "--db", db, "-f", "json")) == []


def test_claims_table(runner: CliRunner, db: str, wide: None) -> None:
    table = run(runner, "claims", "--db", db)
    assert "1 claim" in table and "disputed" in table
    assert "some troops were returning to their bases" in table
    assert "by Russian Ministry of Defence" in table and "− Joe Biden; NATO" in table
    assert "2022-02-15" in table and "2022-02-17" in table


def test_claims_table_fits_80_columns(runner: CliRunner, db: str) -> None:
    assert max(len(line) for line in run(runner, "claims", "--db", db).splitlines()) <= 80


def test_no_claims(runner: CliRunner, db: str) -> None:
    result = runner.invoke(app, ["claims", "--actor", "Nobody", "--db", db])
    assert (result.exit_code, result.stdout) == (0, "")
    assert "no claims stored for 'Nobody'" in result.stderr


# -- figures -----------------------------------------------------------------------------------


def test_figures_formats(runner: CliRunner, db: str, wide: None) -> None:
    series = json.loads(run(runner, "figures", "troops", "--db", db, "-f", "json"))
    assert [(f["date"], f["value"], f["source_name"], f["outlet"]) for f in series] == [
        ("2022-02-15", 130000, None, "LBC"),
        ("2022-02-16", 150000, "Joe Biden", "BBC"),
    ]
    rows = list(
        csv.DictReader(
            io.StringIO(run(runner, "figures", "Russian troops", "--db", db, "-f", "csv"))
        )
    )
    assert tuple(rows[0]) == FIGURE_CSV_COLUMNS
    assert [r["value"] for r in rows] == ["130000", "150000"]
    table = run(runner, "figures", "troops", "--db", db)
    assert "troops: 2 figures" in table
    assert "130,000 troops" in table and "over 150,000 troops" in table
    assert table.index("130,000") < table.index("150,000")
    assert "(estimate)" in table and "Joe Biden" in table and "lbc-15" in table


def test_no_figures(runner: CliRunner, db: str) -> None:
    result = runner.invoke(app, ["figures", "tanks", "--db", db])
    assert (result.exit_code, result.stdout) == (0, "")
    assert "no figures stored for 'tanks'" in result.stderr


# -- events ------------------------------------------------------------------------------------


def test_events_formats(runner: CliRunner, db: str, wide: None) -> None:
    clusters = json.loads(run(runner, "events", "--type", "MOBILIZE", "--db", db, "-f", "json"))
    assert [(c["n_reports"], c["outlets"]) for c in clusters] == [
        (1, ["AP"]),
        (3, ["LBC", "BBC", "Reuters"]),
    ]
    rows = list(
        csv.DictReader(
            io.StringIO(run(runner, "events", "--actor", "ukraine", "--db", db, "-f", "csv"))
        )
    )
    assert tuple(rows[0]) == EVENT_CSV_COLUMNS
    assert rows[1]["sources"] == "LBC; Joe Biden; Reuters"
    assert rows[1]["statuses"] == "asserted 3"
    table = run(runner, "events", "--db", db)
    assert "2 events" in table and "MOBILIZE" in table and "Russia → Ukraine" in table
    assert "LBC, BBC, Reuters" in table


# -- actors ------------------------------------------------------------------------------------


def test_actors_count_claims_and_events(runner: CliRunner, db: str, wide: None) -> None:
    actors = {a["id"]: a for a in json.loads(run(runner, "actors", "--db", db, "-f", "json"))}
    assert (actors["russian-ministry-of-defence"]["claims"], actors["russia"]["events"]) == (3, 4)
    assert actors["joe-biden"]["quotes"] == 4
    table = run(runner, "actors", "--db", db)
    assert "Claims" in table and "Events" in table


# -- export ------------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["parquet", "csv", "jsonl"])
def test_export_every_table(runner: CliRunner, db_url: str, tmp_path: Path, fmt: str) -> None:
    fill(db_url)
    out = tmp_path / "out"
    result = runner.invoke(app, ["export", "--format", fmt, "--out", str(out), "--db", db_url])
    assert result.exit_code == 0, result.output
    counts = {}
    for table in EXPORTED:
        path = out / f"{table}.{fmt}"
        if fmt == "parquet":
            counts[table] = pq.read_table(path).num_rows
        elif fmt == "csv":
            with path.open(encoding="utf-8", newline="") as stream:
                counts[table] = len(list(csv.DictReader(stream)))
        else:
            counts[table] = len(path.read_text(encoding="utf-8").splitlines())
    assert counts == EXPORTED
    assert "claim_clusters" in result.stderr


def test_export_values(runner: CliRunner, db: str, tmp_path: Path) -> None:
    run(runner, "export", "--out", str(tmp_path), "--db", db)
    clusters = pq.read_table(tmp_path / "claim_clusters.parquet").to_pylist()
    assert json.loads(clusters[0]["disputers"])[0]["name"] == "Joe Biden"
    figures = pq.read_table(tmp_path / "figures.parquet")
    assert figures.schema.field("value").type == "double"
    assert sorted(figures.column("value").to_pylist()) == [7.0, 130000.0, 150000.0]
    articles = pq.read_table(tmp_path / "articles.parquet", columns=["id", "ingested_at"])
    assert str(articles.schema.field("ingested_at").type) == "timestamp[us, tz=UTC]"
    run(runner, "export", "--format", "jsonl", "--out", str(tmp_path), "--db", db)
    lines = (tmp_path / "claims.jsonl").read_text(encoding="utf-8").splitlines()
    claims = {(c["article_id"], c["claim_id"]): c for c in map(json.loads, lines)}
    assert claims[("lbc-15", "c1")]["topic"] == ["troop", "return", "base"]
    assert list(claims) == sorted(claims)  # primary-key order


def test_export_of_an_empty_store(runner: CliRunner, tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'empty.db'}"
    run(runner, "export", "--out", str(tmp_path / "out"), "--db", db)
    table = pq.read_table(tmp_path / "out" / "claims.parquet")
    assert table.num_rows == 0 and "cluster_id" in table.schema.names


# -- errors ------------------------------------------------------------------------------------


def test_an_unreadable_store_is_one_line(runner: CliRunner, tmp_path: Path) -> None:
    folder = tmp_path / "a-folder.db"
    folder.mkdir()
    for command in (
        ["claims"],
        ["figures", "troops"],
        ["events"],
        ["actors"],
        ["export", "--out", str(tmp_path)],
    ):
        result = runner.invoke(app, [*command, "--db", str(folder)])
        assert result.exit_code == 1, command
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith(f"error: sqlite:///{folder}: store ")
        assert result.exception is None or isinstance(result.exception, SystemExit)


def test_password_is_not_shown(runner: CliRunner) -> None:
    url = "postgresql://me:secret@127.0.0.1:1/nowhere"
    result = runner.invoke(app, ["claims", "--db", url])
    assert result.exit_code == 1
    assert "secret" not in result.stderr and "***" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
