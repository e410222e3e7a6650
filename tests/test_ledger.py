"""The ledger across articles on SQLite and PostgreSQL: actors, claims, figures, events."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest

from sitroom.ledger import claims as ledger_claims
from sitroom.models import AnalyzedArticle
from sitroom.store import Store
from test_ledger_support import BIDEN, MOD, NATO, RETURNING, Story, crisis, outlet
from test_store_quotes import add, count_rows

LEDGER_TABLES = (
    "actors",
    "actor_names",
    "figures",
    "events",
    "event_clusters",
    "claims",
    "claim_stances",
    "claim_clusters",
    "claim_keys",
)


@pytest.fixture
def stored(db_url: str) -> str:
    """The database with the crisis articles stored, in date order."""
    with Store(db_url) as store:
        for record in crisis():
            assert add(store, record).status == "new"
    return db_url


def names(refs: list[dict[str, Any]]) -> list[str | None]:
    return [r["name"] for r in refs]


# -- actors ------------------------------------------------------------------------------------


def test_one_actor_id_across_articles(db_url: str) -> None:
    kovalenko = {"id": "olena-kovalenko", "name": "Olena Kovalenko"}
    # A second article met two people of that name and numbered the second one.
    other = {"id": "olena-kovalenko-2", "name": "Olena  Kovalenko"}
    first = Story("LBC", "2022-03-01", "kyiv-1").claim(
        "the power grid in Kyiv was hit overnight", kovalenko, ["grid", "hit", "kyiv"]
    )
    second = Story("BBC", "2022-03-02", "kyiv-2").claim(
        "strikes hit the grid in Kyiv", other, ["strike", "grid", "hit", "kyiv"]
    )
    second.claims[0]["stances"] = [
        {
            "by": {"id": "russian-defence-ministry", "name": "Russian Defence Ministry"},
            "stance": "disputes",
            "span": [0, 1],
        }
    ]
    with Store(db_url) as store:
        add(store, first.build())
        add(store, second.build())
        actors = {a.id: a for a in store.actors()}
        (cluster,) = store.claims()
    assert "olena-kovalenko-2" not in actors
    assert actors["olena-kovalenko"].claims == 2
    assert actors["olena-kovalenko"].articles == 2
    # The gazetteer's id wins over the article's own for a name it knows.
    assert "russian-defence-ministry" not in actors
    assert actors[MOD["id"]].name == "Russian Defence Ministry"
    assert cluster.claimants == [{"id": "olena-kovalenko", "name": "Olena Kovalenko"}]
    assert cluster.disputers == [{"id": MOD["id"], "name": "Russian Defence Ministry"}]


def test_entities_and_speakers_share_the_ids(stored: str) -> None:
    with Store(stored) as store:
        actors = {a.id: a for a in store.actors()}
    assert actors[MOD["id"]].claims == 3  # LBC, BBC (as "Russian Defence Ministry"), Reuters
    assert actors["russia"].events == 4
    assert actors["ukraine"].events == 4
    assert actors["outlet:lbc"].kind == "outlet"
    assert count_rows(stored, "actor_names") == 0  # every name here is the gazetteer's


# -- claims ------------------------------------------------------------------------------------


def test_claims_cluster_and_verification_changes_as_reports_arrive(db_url: str) -> None:
    lbc, bbc, reuters, _ = crisis()
    with Store(db_url) as store:
        add(store, lbc)
        (one,) = store.claims()
        assert (one.verification, one.n_articles) == ("single-source", 1)
        add(store, bbc)  # the same ministry again, under another name: still one source
        (two,) = store.claims()
        assert (two.id, two.verification, two.n_claims, two.n_articles) == (
            one.id,
            "single-source",
            2,
            2,
        )
        add(store, reuters)  # Biden disputes it, NATO says the opposite
        (three,) = store.claims()
        disputed = store.claims(disputed=True)
    assert three.id == one.id
    assert three.verification == "disputed"
    assert names(three.claimants) == ["Russian Ministry of Defence"]
    assert names(three.disputers) == ["Joe Biden", "NATO"]
    assert (three.n_claims, three.n_articles) == (4, 3)
    assert (three.first_seen, three.last_seen) == ("2022-02-15T15:28:00", "2022-02-17T12:00:00")
    assert three.label == "some troops were returning to their bases"
    assert [m.outlet for m in three.claims] == ["LBC", "BBC", "Reuters", "Reuters"]
    assert [d.id for d in disputed] == [three.id]


def test_claims_by_actor(stored: str) -> None:
    with Store(stored) as store:
        assert len(store.claims(actor="Biden")) == 1  # he disputes it
        assert len(store.claims(actor="russian-ministry-of-defence")) == 1
        assert len(store.claims(actor="defence ministry")) == 1
        assert store.claims(actor="Putin") == []
        assert store.claims(limit=0) == []


def test_independent_claimants_corroborate_and_a_third_party_confirms(db_url: str) -> None:
    grid = ["grid", "hit", "kyiv"]
    official = {"id": "olena-kovalenko", "name": "Olena Kovalenko"}
    first = Story("LBC", "2022-03-01", "g1").claim("the grid in Kyiv was hit", official, grid)
    second = Story("BBC", "2022-03-01", "g2").claim(
        "Kyiv's grid was hit", outlet("BBC"), grid, hedges=["appeared"]
    )
    third = Story("AP", "2022-03-03", "g3").claim(
        "the Kyiv grid was hit", official, grid, verification="confirmed"
    )
    unrelated = Story("AP", "2022-03-03", "g4").claim(
        "the grain deal was signed", None, ["grain", "deal", "sign"]
    )
    with Store(db_url) as store:
        add(store, first.build())
        add(store, second.build())
        (cluster,) = store.claims()
        assert cluster.verification == "corroborated"
        add(store, third.build())
        add(store, unrelated.build())
        clusters = {c.label: c for c in store.claims()}
    assert clusters["the grid in Kyiv was hit"].verification == "confirmed"
    assert clusters["the grain deal was signed"].verification == "single-source"
    assert clusters["the grain deal was signed"].claimants == []


def test_the_same_words_about_other_actors_stay_apart(db_url: str) -> None:
    russia = {"id": "russia", "name": "Russia"}
    ukraine = {"id": "ukraine", "name": "Ukraine"}
    words = ["withdraw", "troop", "border"]
    first = Story("LBC", "2022-03-01", "w1").claim(
        "Russia is withdrawing troops from the border", None, words, names=[russia]
    )
    second = Story("BBC", "2022-03-01", "w2").claim(
        "Ukraine is withdrawing troops from the border", None, words, names=[ukraine]
    )
    third = Story("AP", "2022-03-02", "w3").claim(
        "Russia withdrawing its troops from border", None, words, names=[russia]
    )
    with Store(db_url) as store:
        for story in (first, second, third):
            add(store, story.build())
        clusters = sorted((c.n_claims, c.label) for c in store.claims())
    assert clusters == [
        (1, "Ukraine is withdrawing troops from the border"),
        (2, "Russia is withdrawing troops from the border"),
    ]


# -- figures -----------------------------------------------------------------------------------


def test_figure_series_in_date_order_with_sources(stored: str) -> None:
    with Store(stored) as store:
        series = store.figures("troops")
        by_words = store.figures("Russian troops")
        by_other_order = store.figures("troops russian")
        killed = store.figures("killed")
        none = store.figures("tanks")
    assert [(f.date, f.value, f.qualifier, f.source_name, f.outlet) for f in series] == [
        ("2022-02-15", 130000, "exactly", None, "LBC"),
        ("2022-02-16", 150000, "over", "Joe Biden", "BBC"),
    ]
    assert series[0].estimate is True and series[0].source_kind == "unnamed"
    assert isinstance(series[0].value, int)
    assert (
        [f.article_id for f in by_words]
        == ["lbc-15", "bbc-16"]
        == [f.article_id for f in by_other_order]
    )
    assert [(f.value, f.source_id) for f in killed] == [(7, "outlet:ap")]
    assert none == []
    assert store.figures("Ukraine")[0].subject == "Russian troops on Ukraine's border"


def test_figures_stored_out_of_date_order_read_in_it(db_url: str) -> None:
    later = Story("AP", "2022-03-05", "late").figure(
        2000000, "refugees", "people who fled Ukraine", outlet("AP"), measure="refugees"
    )
    earlier = Story("BBC", "2022-03-10", "early").figure(
        1000000,
        "refugees",
        "people who fled Ukraine",
        NATO,
        measure="refugees",
        date="2022-03-01",
    )
    undated = Story("LBC", None, "undated").figure(
        1500000, "refugees", "people who fled", None, measure="refugees"
    )
    with Store(db_url) as store:
        for story in (later, undated, earlier):
            add(store, story.build())
        series = store.figures("refugees")
    assert [(f.date, f.value) for f in series] == [
        ("2022-03-01", 1000000),
        ("2022-03-05", 2000000),
        (None, 1500000),
    ]


# -- events ------------------------------------------------------------------------------------


def test_an_event_reported_by_three_outlets_counts_once(stored: str) -> None:
    with Store(stored) as store:
        clusters = store.events()
        mobilize = store.events(type_="mobilize", actor="Russia")
        by_target = store.events(actor="ukraine")
        none = store.events(type_="ASSAULT")
    assert [(c.first_seen, c.last_seen, c.n_reports, c.n_articles) for c in clusters] == [
        ("2022-02-25", "2022-02-25", 1, 1),  # a week later: another event
        ("2022-02-15", "2022-02-17", 3, 3),
    ]
    week = clusters[1]
    assert week.outlets == ["LBC", "BBC", "Reuters"]
    assert names(week.sources) == ["LBC", "Joe Biden", "Reuters"]
    assert (week.type, week.actor.id, week.target.id) == ("MOBILIZE", "russia", "ukraine")
    assert week.statuses == {"asserted": 3}
    assert len(mobilize) == len(by_target) == 2
    assert none == []


def test_event_window_holds_every_report_of_a_cluster(db_url: str) -> None:
    """Daily reports do not chain: each cluster spans at most the window."""
    russia, ukraine = {"id": "russia", "name": "Russia"}, {"id": "ukraine", "name": "Ukraine"}
    with Store(db_url) as store:
        for day in range(1, 9):
            story = Story("AP", f"2022-03-{day:02d}", f"d{day}").event(
                "ASSAULT", russia, ukraine, outlet("AP")
            )
            add(store, story.build())
        spans = sorted((c.first_seen, c.last_seen) for c in store.events())
    assert spans == [
        ("2022-03-01", "2022-03-04"),
        ("2022-03-05", "2022-03-08"),
    ]


def test_reports_of_one_day_join_only_when_they_share_words(db_url: str) -> None:
    """Two strikes by one actor on one target on one day are two events; the same strike
    told by two outlets is one."""
    russia, ukraine = {"id": "russia", "name": "Russia"}, {"id": "ukraine", "name": "Ukraine"}
    reports = [("AP", "Russian missiles hit the grain port of Odesa overnight."),
               ("BBC", "Missiles struck the Odesa grain port, Ukraine said."),
               ("DW", "Russian shelling hit a crowded market in Kharkiv.")]
    with Store(db_url) as store:
        for name, sentence in reports:
            story = Story(name, "2022-07-23", name.lower()).event(
                "ASSAULT", russia, ukraine, outlet(name), text=sentence)
            add(store, story.build())
        clusters = sorted((c.n_reports, c.outlets) for c in store.events())
    assert clusters == [(1, ["DW"]), (2, ["AP", "BBC"])]


def test_events_without_actor_or_date_stand_alone(db_url: str) -> None:
    story = Story("AP", None, "odd").event(
        "PROTEST", {"id": None, "name": None}, None, outlet("AP")
    )
    story.events.append({"id": "e2", "type": "PROTEST", "actor": None, "target": None})
    story.events.append("not an event")  # type: ignore[arg-type]
    with Store(db_url) as store:
        add(store, story.build())
        add(
            store,
            Story("BBC", None, "odd2")
            .event("PROTEST", {"id": None, "name": None}, None, outlet("BBC"))
            .build(),
        )
        assert [c.n_reports for c in store.events()] == [1, 1, 1]


# -- writing -----------------------------------------------------------------------------------


def test_reingesting_changes_nothing(stored: str) -> None:
    before = {t: count_rows(stored, t) for t in LEDGER_TABLES}
    assert before["claims"] == 4 and before["events"] == 4 and before["figures"] == 3
    with Store(stored) as store:
        clusters = [c.to_dict() for c in store.claims()]
        events = [e.to_dict() for e in store.events()]
        for record in crisis():
            assert add(store, record, origin="again.txt").status == "duplicate"
        assert [c.to_dict() for c in store.claims()] == clusters
        assert [e.to_dict() for e in store.events()] == events
    assert {t: count_rows(stored, t) for t in LEDGER_TABLES} == before


def test_the_ledger_is_written_with_the_article_or_not_at_all(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    record = crisis()[0]
    original = ledger_claims.write

    def write_then_die(*args: Any) -> None:
        original(*args)
        raise KeyboardInterrupt  # killed after the last stage, before the commit

    monkeypatch.setattr(ledger_claims, "write", write_then_die)
    with Store(db_url) as store, pytest.raises(KeyboardInterrupt):
        add(store, record)
    for table in ("articles", *LEDGER_TABLES):
        assert count_rows(db_url, table) == 0, table
    monkeypatch.undo()
    with Store(db_url) as store:
        add(store, record)
        assert len(store.claims()) == 1


def test_odd_ledger_values_are_stored_not_refused(db_url: str) -> None:
    story = Story("LBC", "2022-02-15", "odd")
    story.claims = [
        {"id": "c1", "text": "troops return to base", "topic": "not a list", "stances": "x"},
        {"id": "c1", "text": "the same id again", "topic": ["again"]},
        {"text": None, "claimant": "A bare name", "hedges": [1, "reportedly"]},
        "not a claim",  # type: ignore[list-item]
    ]
    story.figures = [
        {"id": "f1", "value": "many", "date": "soon", "estimate": "yes"},
        {"id": "f2", "value": 3, "measure": "Killed", "date": "2022-02-30"},
    ]
    story.events = [
        {"id": "e1", "type": "assault", "actor": {"id": "russia"}, "date": "2022-13-01"}
    ]
    with Store(db_url) as store:
        add(store, story.build())
        clusters = store.claims()
        assert store.figures("many") == []
        killed = store.figures("killed")
        events = store.events()
    assert sorted(c.n_claims for c in clusters) == [1, 1]
    assert [(f.measure, f.value, f.date) for f in killed] == [("killed", 3, "2022-02-15")]
    assert [(e.type, e.first_seen) for e in events] == [("ASSAULT", "2022-02-15")]
    assert count_rows(db_url, "figures") == 2


def test_concurrent_writers_share_clusters(db_url: str) -> None:
    def story(n: int) -> AnalyzedArticle:
        stances = [(BIDEN, "disputes")] if n == 7 else []
        return (
            Story(("LBC", "BBC", "AP")[n % 3], f"2022-02-{15 + n % 2}", f"s{n}")
            # a letter makes each text unique (a number would be a figure of its own)
            .claim(f"troops returning to base ({chr(97 + n)})", MOD, RETURNING,
                   stances=stances)
            .event(
                "MOBILIZE",
                {"id": "russia", "name": "Russia"},
                {"id": "ukraine", "name": "Ukraine"},
                outlet("AP"),
            )
            .build()
        )

    def writer(numbers: range) -> None:
        with Store(db_url) as store:
            for n in numbers:
                add(store, story(n))

    Store(db_url).close()
    with ThreadPoolExecutor(max_workers=3) as pool:
        list(pool.map(writer, [range(0, 8), range(8, 16), range(16, 24)]))
    with Store(db_url) as store:
        (cluster,) = store.claims()
        (event,) = store.events()
    assert (cluster.n_claims, cluster.n_articles, cluster.verification) == (24, 24, "disputed")
    assert (event.n_reports, event.n_articles) == (24, 24)


def test_a_figure_a_live_blog_repeats_is_stored_once(db_url: str) -> None:
    from sitroom.models import RawDocument
    from sitroom.pipeline import analyze_document
    from test_figures import BLOG
    record = analyze_document(RawDocument(origin="blog.txt", data=BLOG.encode("utf-8"),
                                          format="text", via="file", path="blog.txt"))
    with Store(db_url) as store:
        assert add(store, record).status == "new"
        killed = store.figures("killed")
    assert [f.value for f in killed] == [12]
