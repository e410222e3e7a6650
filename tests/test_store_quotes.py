"""Who said what in the store, on SQLite and PostgreSQL: quotes, actors, migration from r0001."""

from __future__ import annotations

import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import pytest
import sqlalchemy as sa
from alembic import command

from sitroom.models import AnalyzedArticle
from sitroom.store import AddResult, Store, normalise_url
from sitroom.store import quotes as said
from sitroom.store.migrate import alembic_config, head_revision
from sitroom.store.schema import VERSION_TABLE, articles
from test_store_support import make_article

BIDEN = {"id": "joe-biden", "name": "Joe Biden", "kind": "person"}
HUNTER = {"id": "hunter-biden", "name": "Hunter Biden", "kind": "person"}
PUTIN = {"id": "vladimir-putin", "name": "Vladimir Putin", "kind": "person"}
NATO = {"id": "nato", "name": "NATO", "kind": "organisation"}
US_PRESIDENT = "President of the United States"


@dataclass
class Draft:
    """Builds an article's text with its entities and quotes in the contract's shape."""

    text: str = ""
    entities: dict[str, dict[str, Any]] = field(default_factory=dict)
    quotes: list[dict[str, Any]] = field(default_factory=list)

    def mention(self, actor: dict[str, Any], role: str | None = None) -> Draft:
        """Mention an actor by name, as an entity only."""
        self._entity(actor, role, self._append(actor["name"]))
        self.text += ". "
        return self

    def say(
        self,
        actor: dict[str, Any] | None,
        mention: str,
        words: str,
        *,
        cue: str = "said",
        kind: str = "direct",
        resolved_by: str | None = "surname",
        role: str | None = None,
        entity: bool = True,
    ) -> Draft:
        """Add ``Mention cue: "words"`` and its quote; the actor becomes an entity."""
        mention_span = self._append(mention)
        self.text += " "
        cue_span = self._append(cue)
        self.text += ': "'
        quote_span = self._append(words)
        self.text += '" '
        if actor is not None and entity:
            self._entity(actor, role, mention_span)
        speaker: dict[str, Any] = {
            "id": actor["id"] if actor else None,
            "name": actor["name"] if actor else None,
            "mention": mention,
            "span": list(mention_span),
            "resolved_by": resolved_by,
        }
        self.quotes.append(
            {
                "id": f"q{len(self.quotes) + 1}",
                "type": kind,
                "text": words,
                "span": list(quote_span),
                "speaker": speaker,
                "cue": {"text": cue, "span": list(cue_span)},
            }
        )
        return self

    def build(self, title: str, *, published: str | None, **kwargs: Any) -> AnalyzedArticle:
        """The AnalyzedArticle as the pipeline would hand it to the store."""
        record = make_article(self.text.strip(), title=title, published=published, **kwargs)
        record.entities = list(self.entities.values())
        record.quotes = self.quotes
        return record

    def _append(self, piece: str) -> tuple[int, int]:
        start = len(self.text)
        self.text += piece
        return (start, len(self.text))

    def _entity(self, actor: dict[str, Any], role: str | None, span: tuple[int, int]) -> None:
        entity = self.entities.setdefault(actor["id"], {**actor, "role": role, "mentions": []})
        entity["mentions"].append(list(span))


def newsroom() -> list[AnalyzedArticle]:
    """Four articles, stored in this order, their dates in another."""
    feb16 = (
        Draft()
        .say(BIDEN, "Mr Biden", "We will rally the world.", role=US_PRESIDENT)
        .say(PUTIN, "Mr Putin", "We do not want war.", cue="told reporters")
        .say(PUTIN, "He", "Of course not.", cue="added", resolved_by="pronoun")
        .mention(BIDEN, role=US_PRESIDENT)
        .build(
            "We will rally the world", published="2022-02-16T09:00:00", url="https://lbc.example/1"
        )
    )
    feb15 = (
        Draft()
        .say(BIDEN, "President Biden", "An invasion remains distinctly possible.", role="US leader")
        .say(None, "Officials", "Nothing has changed.", resolved_by=None)
        .say(BIDEN, "Joe Biden", "Diplomacy should get every chance.", kind="indirect")
        .mention(NATO)
        .build("Diplomacy", published="2022-02-15T15:28:00", outlet="BBC")
    )
    undated = (
        Draft()
        .say(BIDEN, "the President", "We are ready either way.", resolved_by="role")
        .build("Undated", published=None, outlet="Reuters")
    )
    hunter = (
        Draft()
        .say(HUNTER, "Hunter Biden", "No comment.", entity=False)
        .build("Hunter", published="2022-02-17T08:00:00", outlet="AP")
    )
    return [feb16, feb15, undated, hunter]


def add(store: Store, record: AnalyzedArticle, origin: str | None = None) -> AddResult:
    """Add a record without de-duplication signatures."""
    if origin is not None:
        record.source.origin = origin
    return store.add(record, raw_sha256=uuid.uuid4().hex, signature=None, band_keys=[])


def engine_for(url: str) -> sa.Engine:
    """A plain engine on a test database, for checks behind the repository's back."""
    return sa.create_engine(normalise_url(url), poolclass=sa.pool.NullPool)


def count_rows(url: str, table: str) -> int:
    """The number of rows of a table."""
    engine = engine_for(url)
    try:
        with engine.connect() as conn:
            return int(conn.scalar(sa.text(f"SELECT count(*) FROM {table}")) or 0)
    finally:
        engine.dispose()


@pytest.fixture
def filled(db_url: str) -> tuple[str, list[AnalyzedArticle]]:
    """The database with the newsroom articles stored."""
    records = newsroom()
    with Store(db_url) as store:
        for record in records:
            assert add(store, record).status == "new"
    return db_url, records


def keys(rows: list[said.QuoteRow]) -> list[tuple[str, str]]:
    return [(r.article_id, r.quote_id) for r in rows]


# -- quotes ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "speaker", ["Biden", "joe-biden", "Joe Biden", "joe biden", "JOE  BIDEN", " joe-biden "]
)
def test_quotes_by_speaker_in_date_order(
    filled: tuple[str, list[AnalyzedArticle]], speaker: str
) -> None:
    url, (feb16, feb15, undated, hunter) = filled
    with Store(url) as store:
        rows = store.quotes(speaker=speaker)
    expected = [(feb15.id, "q1"), (feb15.id, "q3"), (feb16.id, "q1"), (undated.id, "q1")]
    if speaker == "Biden":  # every Biden, Hunter included
        expected.insert(3, (hunter.id, "q1"))
    assert keys(rows) == expected


def test_speaker_matches_whole_words_only(filled: tuple[str, list[AnalyzedArticle]]) -> None:
    url, (feb16, *_, hunter) = filled
    with Store(url) as store:
        assert store.quotes(speaker="Bide") == []
        assert store.quotes(speaker="biden joe") == []
        assert store.quotes(speaker="Joe B") == []
        assert store.quotes(speaker="") == []
        assert store.quotes(speaker="%") == []
        assert keys(store.quotes(speaker="hunter-biden")) == [(hunter.id, "q1")]
        assert keys(store.quotes(speaker="putin")) == [(feb16.id, "q2"), (feb16.id, "q3")]
        assert keys(store.quotes(speaker="vladimir-putin")) == [(feb16.id, "q2"), (feb16.id, "q3")]


def test_quote_rows_carry_the_article(filled: tuple[str, list[AnalyzedArticle]]) -> None:
    url, (feb16, *_) = filled
    with Store(url) as store:
        rows = store.quotes(article_id=feb16.id)
    assert keys(rows) == [(feb16.id, "q1"), (feb16.id, "q2"), (feb16.id, "q3")]
    first, _, added = rows
    text = feb16.article.text
    assert first.span is not None and text[first.span[0] : first.span[1]] == first.text
    assert first.mention_span is not None
    assert text[first.mention_span[0] : first.mention_span[1]] == "Mr Biden"
    assert first.cue_span is not None and text[first.cue_span[0] : first.cue_span[1]] == "said"
    assert (first.title, first.outlet, first.url) == (
        "We will rally the world",
        "LBC",
        "https://lbc.example/1",
    )
    assert first.published == "2022-02-16T09:00:00"
    assert (added.speaker_id, added.mention, added.resolved_by, added.cue) == (
        "vladimir-putin",
        "He",
        "pronoun",
        "added",
    )
    as_dict = first.to_dict()
    assert {k: as_dict[k] for k in ("id", "type", "text", "span")} == {
        k: feb16.quotes[0][k] for k in ("id", "type", "text", "span")
    }
    assert as_dict["speaker"] == feb16.quotes[0]["speaker"]
    assert as_dict["cue"] == feb16.quotes[0]["cue"]
    assert as_dict["article"]["outlet"] == "LBC"


def test_all_quotes_filters_and_limit(filled: tuple[str, list[AnalyzedArticle]]) -> None:
    url, (feb16, feb15, undated, hunter) = filled
    with Store(url) as store:
        rows = store.quotes()
        assert [r.article_id for r in rows] == [feb15.id] * 3 + [feb16.id] * 3 + [
            hunter.id,
            undated.id,
        ]
        unresolved = rows[1]
        assert (unresolved.speaker_id, unresolved.speaker_name, unresolved.mention) == (
            None,
            None,
            "Officials",
        )
        assert keys(store.quotes(limit=2)) == [(feb15.id, "q1"), (feb15.id, "q2")]
        assert store.quotes(limit=0) == []
        assert store.quotes(article_id="missing") == []
        assert keys(store.quotes(speaker="Biden", article_id=feb16.id)) == [(feb16.id, "q1")]


# -- actors ------------------------------------------------------------------------------------


def test_actors_counts_dates_and_latest_role(filled: tuple[str, list[AnalyzedArticle]]) -> None:
    url, _ = filled
    with Store(url) as store:
        everyone = {a.id: a for a in store.actors()}
        people = store.actors(kind="person")
        organisations = store.actors(kind="organisation")
    assert list(everyone) == ["joe-biden", "vladimir-putin", "hunter-biden", "nato"]
    biden = everyone["joe-biden"]
    assert (biden.name, biden.kind, biden.quotes, biden.articles) == ("Joe Biden", "person", 4, 3)
    # The 16 February article was stored first, but its role is the latest known.
    assert biden.role == US_PRESIDENT
    assert (biden.first_seen, biden.last_seen) == ("2022-02-15T15:28:00", "2022-02-16T09:00:00")
    hunter = everyone["hunter-biden"]  # a speaker only, never an entity
    assert (hunter.kind, hunter.quotes, hunter.articles) == (None, 1, 1)
    nato = everyone["nato"]
    assert (nato.kind, nato.quotes, nato.articles) == ("organisation", 0, 1)
    assert [a.id for a in people] == ["joe-biden", "vladimir-putin"]
    assert [a.id for a in organisations] == ["nato"]
    assert biden.to_dict()["quotes"] == 4


def test_a_newer_article_updates_the_role(db_url: str) -> None:
    older = (
        Draft()
        .say(BIDEN, "Mr Biden", "One.", role="Vice President")
        .build("Old", published="2014-05-01T10:00:00")
    )
    newer = (
        Draft()
        .say(BIDEN, "Mr Biden", "Two.", role=US_PRESIDENT)
        .build("New", published="2022-02-15T10:00:00")
    )
    no_role = Draft().say(BIDEN, "Mr Biden", "Three.").build("Later", published="2023-01-01")
    with Store(db_url) as store:
        add(store, older)
        add(store, newer)
        add(store, no_role)  # newest, but says nothing of the role
        (biden,) = store.actors()
    assert (biden.role, biden.first_seen, biden.last_seen) == (
        US_PRESIDENT,
        "2014-05-01T10:00:00",
        "2023-01-01",
    )


# -- writing -----------------------------------------------------------------------------------


def test_duplicates_add_no_quotes(filled: tuple[str, list[AnalyzedArticle]]) -> None:
    url, records = filled
    before = {t: count_rows(url, t) for t in ("quotes", "article_entities", "actors")}
    assert before == {"quotes": 8, "article_entities": 5, "actors": 4}
    with Store(url) as store:
        again = newsroom()[0]
        assert add(store, again, origin="elsewhere.txt").status == "duplicate"
        assert add(store, again, origin="elsewhere.txt").status == "duplicate"
        assert [a.quotes for a in store.actors()] == [4, 2, 1, 0]
    assert {t: count_rows(url, t) for t in before} == before
    assert count_rows(url, "article_sources") == len(records) + 1


def test_quotes_are_written_with_the_article_or_not_at_all(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    record = newsroom()[0]
    original = said.write

    def write_then_die(*args: Any) -> None:
        original(*args)
        raise KeyboardInterrupt  # killed after the quotes, before the commit

    monkeypatch.setattr(said, "write", write_then_die)
    with Store(db_url) as store, pytest.raises(KeyboardInterrupt):
        add(store, record)
    for table in ("articles", "quotes", "article_entities", "actors", "raw_inputs"):
        assert count_rows(db_url, table) == 0, table
    monkeypatch.undo()
    with Store(db_url) as store:
        add(store, record)
        assert len(store.quotes()) == 3


def test_odd_contract_values_are_stored_not_refused(db_url: str) -> None:
    record = make_article("Odd quotes.", title="Odd", ident="odd")
    record.entities = [
        {"id": "x", "name": "X", "kind": "person", "role": None, "mentions": [[0, 3], "bad"]},
        {"id": None, "name": "Nameless group", "kind": "group", "mentions": []},
        "not an entity",  # type: ignore[list-item]
    ]
    record.quotes = [
        {"id": "q1", "type": "direct", "text": "First.", "span": [0, 4], "speaker": None},
        {"id": "q1", "type": "direct", "text": "Same id again.", "span": [5, 9]},
        {"type": "indirect", "text": "No id, no span.", "speaker": "A bare name", "cue": "said"},
        {"id": "q4", "text": "Speaker with an id only.", "speaker": {"id": "y"}},
    ]
    with Store(db_url) as store:
        assert add(store, record).status == "new"
        rows = store.quotes(article_id="odd")
        assert [(r.quote_id, r.text) for r in rows] == [
            ("q1", "First."),
            ("q3", "No id, no span."),
            ("q4", "Speaker with an id only."),
        ]
        assert (rows[1].speaker_name, rows[1].cue, rows[1].span) == ("A bare name", "said", None)
        assert keys(store.quotes(speaker="bare name")) == [("odd", "q3")]
        actors = {a.id: a for a in store.actors()}
    assert set(actors) == {"x", "y"}
    assert actors["y"].name == "y"  # no name given: the id stands in
    assert count_rows(db_url, "article_entities") == 2


def test_concurrent_writers_quoting_the_same_actors(db_url: str) -> None:
    def story(n: int) -> AnalyzedArticle:
        first, second = (BIDEN, PUTIN) if n % 2 else (PUTIN, BIDEN)
        draft = Draft().say(first, "Mr A", f"Statement {n}a.").say(second, "Mr B", f"{n}b.")
        return draft.build(f"Story {n}", published=f"2022-03-{n % 28 + 1:02d}", ident=f"s{n}")

    def writer(numbers: range) -> None:
        with Store(db_url) as store:
            for n in numbers:
                add(store, story(n))

    Store(db_url).close()
    with ThreadPoolExecutor(max_workers=3) as pool:
        list(pool.map(writer, [range(0, 12), range(12, 24), range(24, 36)]))
    with Store(db_url) as store:
        counts = {a.id: (a.quotes, a.articles) for a in store.actors()}
        assert store.count() == 36
    assert counts == {"joe-biden": (36, 36), "vladimir-putin": (36, 36)}


# -- migration ---------------------------------------------------------------------------------


def test_upgrade_from_r0001_keeps_articles(db_url: str) -> None:
    config = alembic_config()
    config.set_main_option("sqlalchemy.url", normalise_url(db_url).replace("%", "%%"))
    command.upgrade(config, "0001")
    engine = engine_for(db_url)
    old = make_article("Troops were seen near the border.", title="Border", ident="old-story")
    record = old.to_dict()
    values: dict[str, Any] = {
        "id": old.id,
        "title": old.article.title,
        "published": old.article.published,
        "bylines": [],
        "text": old.article.text,
        "removed": [],
        "origin": "old.txt",
        "format": "text",
        "via": "file",
        "cluster_id": old.id,
        "record": record,
        "ingested_at": datetime.now(UTC),
    }
    if engine.dialect.name == "sqlite":
        values["seq"] = 1
    try:
        with engine.begin() as conn:
            assert conn.scalar(sa.text(f"SELECT version_num FROM {VERSION_TABLE}")) == "0001"
            conn.execute(sa.insert(articles).values(values))
    finally:
        engine.dispose()

    with Store(db_url) as store:
        assert store.count() == 1
        assert store.get("old-story") == {**record, "cluster_id": "old-story"}
        assert [h.article_id for h in store.search("border")] == ["old-story"]
        assert store.quotes() == []
        add(store, newsroom()[0])
        assert len(store.quotes(speaker="Biden")) == 1
        assert store.count() == 2
        assert [h.article_id for h in store.search("border")] == ["old-story"]
    engine = engine_for(db_url)
    try:
        with engine.connect() as conn:
            revision = conn.scalar(sa.text(f"SELECT version_num FROM {VERSION_TABLE}"))
            assert revision == head_revision() == "0003"
    finally:
        engine.dispose()


def test_speaker_names_beyond_ascii(db_url: str) -> None:
    zelensky = {"id": "volodymyr-zelensky", "name": "Володимир Зеленський", "kind": "person"}
    record = (
        Draft()
        .say(zelensky, "Зеленський", "Ми готові.")
        .build("Київ", published="2022-02-20", ident="kyiv")
    )
    with Store(db_url) as store:
        add(store, record)
        for speaker in ("ЗЕЛЕНСЬКИЙ", "володимир зеленський", "volodymyr-zelensky"):
            assert keys(store.quotes(speaker=speaker)) == [("kyiv", "q1")], speaker
        assert store.quotes(speaker="Зелен") == []
