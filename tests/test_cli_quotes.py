"""Who said what on the command line: ``sitroom quotes`` / ``actors`` and the Markdown table."""

from __future__ import annotations

import csv
import importlib
import io
import json
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from sitroom.cli import app, render
from sitroom.cli.listing import QUOTE_CSV_COLUMNS
from sitroom.store import Store
from test_store_quotes import BIDEN, PUTIN, US_PRESIDENT, Draft, add, newsroom

#: The module (``sitroom.cli.app`` the attribute is the Typer app).
app_module = importlib.import_module("sitroom.cli.app")

STORY = """Troops pulled back from the border, ministry says

16 February 2022, 09:10

The defence ministry said on Wednesday that some units were heading back to their garrisons.
"""


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def db(tmp_path: Path) -> str:
    """An SQLite store with the newsroom articles and one with awkward text."""
    url = f"sqlite:///{tmp_path / 'news.db'}"
    awkward = Draft().say(
        BIDEN,
        "Mr Biden",
        'He said "yes", then [bold]no[/bold] | maybe,\nand more.',
        role=US_PRESIDENT,
    )
    with Store(url) as store:
        for record in newsroom():
            add(store, record)
        add(store, awkward.build("Awkward", published="2022-02-18T10:00:00", ident="awkward"))
    return url


@pytest.fixture
def wide(monkeypatch: pytest.MonkeyPatch) -> None:
    """A wide console, so table cells are not wrapped in the assertions."""
    monkeypatch.setattr(app_module, "out", Console(width=250, soft_wrap=True))


def test_quotes_json(runner: CliRunner, db: str) -> None:
    result = runner.invoke(app, ["quotes", "--speaker", "joe-biden", "--db", db, "-f", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert [r["article"]["published"] for r in rows] == [
        "2022-02-15T15:28:00",
        "2022-02-15T15:28:00",
        "2022-02-16T09:00:00",
        "2022-02-18T10:00:00",
        None,
    ]
    first = rows[0]
    assert first["speaker"]["name"] == "Joe Biden"
    assert first["speaker"]["mention"] == "President Biden"
    assert first["text"] == "An invasion remains distinctly possible."
    assert first["cue"]["text"] == "said"
    assert first["article"]["outlet"] == "BBC"
    assert set(first) == {"article_id", "id", "type", "text", "span", "speaker", "cue", "article"}


def test_quotes_csv(runner: CliRunner, db: str) -> None:
    result = runner.invoke(
        app, ["quotes", "--speaker", "Joe Biden", "--db", db, "--format", "csv", "--limit", "4"]
    )
    assert result.exit_code == 0, result.output
    reader = csv.DictReader(io.StringIO(result.stdout))
    assert tuple(reader.fieldnames or ()) == QUOTE_CSV_COLUMNS
    rows = list(reader)
    assert len(rows) == 4
    assert {r["speaker_id"] for r in rows} == {"joe-biden"}
    assert rows[3]["text"] == 'He said "yes", then [bold]no[/bold] | maybe,\nand more.'
    assert rows[3]["article_id"] == "awkward"
    assert rows[0]["outlet"] == "BBC"


def test_quotes_csv_and_json_when_nothing_matches(runner: CliRunner, db: str) -> None:
    as_json = runner.invoke(app, ["quotes", "--speaker", "Nobody", "--db", db, "-f", "json"])
    assert (as_json.exit_code, json.loads(as_json.stdout)) == (0, [])
    as_csv = runner.invoke(app, ["quotes", "--speaker", "Nobody", "--db", db, "-f", "csv"])
    assert as_csv.stdout == ",".join(QUOTE_CSV_COLUMNS) + "\n"


def test_quotes_table(runner: CliRunner, db: str, wide: None) -> None:
    result = runner.invoke(app, ["quotes", "--speaker", "Biden", "--db", db])
    assert result.exit_code == 0, result.output
    table = result.stdout
    assert "6 statements by Biden" in table
    assert "Joe Biden (Mr Biden)" in table
    assert "Joe Biden (President Biden)" in table
    assert "Hunter Biden" in table and "(Hunter Biden)" not in table
    assert "We will rally the world." in table
    assert "[bold]no[/bold] | maybe, and more." in table  # shown as text, not markup
    assert "2022-02-15" in table and "undated" in table
    assert table.index("An invasion") < table.index("rally the world") < table.index("No comment")


def test_quotes_table_wraps_long_statements(runner: CliRunner, db: str) -> None:
    result = runner.invoke(app, ["quotes", "--speaker", "Biden", "--db", db])
    assert result.exit_code == 0, result.output
    assert max(len(line) for line in result.stdout.splitlines()) <= 80


def test_quotes_table_without_matches(runner: CliRunner, db: str) -> None:
    result = runner.invoke(app, ["quotes", "--speaker", "Nobody", "--db", db])
    assert result.exit_code == 0
    assert result.stdout == ""
    assert "no stored statements by 'Nobody'" in result.stderr


def test_quotes_of_one_article(runner: CliRunner, db: str) -> None:
    feb16 = newsroom()[0]
    result = runner.invoke(app, ["quotes", "--article", feb16.id, "--db", db, "-f", "json"])
    assert result.exit_code == 0, result.output
    assert [r["id"] for r in json.loads(result.stdout)] == ["q1", "q2", "q3"]


def test_actors(runner: CliRunner, db: str, wide: None) -> None:
    as_json = runner.invoke(app, ["actors", "--db", db, "-f", "json"])
    assert as_json.exit_code == 0, as_json.output
    actors = json.loads(as_json.stdout)
    assert [(a["id"], a["quotes"], a["articles"]) for a in actors] == [
        ("joe-biden", 5, 4),
        ("vladimir-putin", 2, 1),
        ("hunter-biden", 1, 1),
        ("nato", 0, 1),
    ]
    table = runner.invoke(app, ["actors", "--db", db, "--kind", "person"])
    assert table.exit_code == 0, table.output
    assert US_PRESIDENT in table.stdout and "NATO" not in table.stdout
    as_csv = runner.invoke(app, ["actors", "--db", db, "-f", "csv", "--kind", "organisation"])
    assert as_csv.stdout.splitlines()[1].startswith("nato,NATO,organisation,")


# -- Markdown ----------------------------------------------------------------------------------


def test_markdown_who_said_what() -> None:
    long_words = "We will respond decisively and impose swift and severe costs " * 5
    record = (
        Draft()
        .say(BIDEN, "Mr Biden", "We will rally the world.", role=US_PRESIDENT)
        .say(PUTIN, "Vladimir Putin", "We want | no war.", cue="told reporters")
        .say(BIDEN, "He", long_words, cue="added", kind="mixed", resolved_by="pronoun")
        .mention(BIDEN)
        .build("Rally", published="2022-02-15T15:28:00")
    )
    page = render.to_markdown(record)
    assert page.startswith("# Rally")
    assert "## Text" in page
    section = page[page.index("## Who said what") :]
    lines = section.splitlines()
    header = lines.index("| # | Speaker | Type | Cue | Quote | Resolved by |")
    assert lines[header + 1] == "|---|---|---|---|---|---|"
    assert lines[header + 2] == (
        "| q1 | Joe Biden (Mr Biden) | direct | said | We will rally the world. | surname |"
    )
    assert lines[header + 3] == (
        "| q2 | Vladimir Putin | direct | told reporters | We want \\| no war. | surname |"
    )
    long_row = lines[header + 4]
    assert long_row.startswith("| q3 | Joe Biden (He) | mixed | added | We will respond")
    quoted = long_row.split(" | ")[4]
    assert quoted.endswith("…") and len(quoted) <= render.SHOWN_QUOTE_CHARS
    assert "## Entities" in section
    assert f"- **Joe Biden** (person, {US_PRESIDENT}): 3 mentions" in section
    assert "- **Vladimir Putin** (person): 1 mention" in section
    assert render.NO_QUOTES not in page


def test_markdown_without_quotes() -> None:
    record = Draft().build("Quiet day", published=None)
    record.article.text = "Nothing was said."
    page = render.to_markdown(record)
    assert "## Who said what\n\nNo attributed statements found." in page
    assert "## Entities\n\nNo entities found." in page


def test_analyze_markdown_has_the_sections(runner: CliRunner, tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    result = runner.invoke(app, ["analyze", str(story), "--format", "markdown"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("# Troops pulled back from the border, ministry says")
    assert "## Who said what" in result.stdout
    assert "## Entities" in result.stdout
