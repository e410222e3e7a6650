"""The PLOVER bench section's scorer: type mapping, accuracy, halves, baseline, skipping."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bench import plover
from bench.common import Options


def _write_gsr(folder: Path, records: list[dict[str, str]]) -> Path:
    (folder / plover.DATASET).mkdir(parents=True)
    path = folder / plover.DATASET / plover.FILE
    path.write_text(json.dumps(records), encoding="utf-8")
    return path


def test_old_names_map_to_todays_types() -> None:
    assert plover.map_type("DEMAND") == "REQUEST"
    assert plover.map_type("DISAPPROVE") == "ACCUSE"
    assert plover.map_type("INVESTIGATE") == "ACCUSE"
    assert plover.map_type("FIGHT") == "ASSAULT"
    assert plover.map_type("AGREE") == "AGREE"


def test_score_counts_no_event_as_wrong_and_breaks_down_by_type() -> None:
    scores = plover.score(["AGREE", "AGREE", "ASSAULT", "ACCUSE"],
                          ["AGREE", None, "ASSAULT", "REJECT"])
    assert scores.accuracy == 0.5
    assert scores.breakdown() == {
        "ACCUSE": {"n": 1, "correct": 0, "accuracy": 0.0},
        "AGREE": {"n": 2, "correct": 1, "accuracy": 0.5},
        "ASSAULT": {"n": 1, "correct": 1, "accuracy": 1.0},
    }


def test_score_needs_one_prediction_per_record() -> None:
    with pytest.raises(ValueError, match="2 gold types but 1 predictions"):
        plover.score(["AGREE", "AGREE"], ["AGREE"])


def test_empty_score_is_zero() -> None:
    assert plover.score([], []).accuracy == 0.0


def test_most_frequent_breaks_ties_by_name() -> None:
    assert plover.most_frequent(["REJECT", "AGREE", "REJECT", "AGREE", "ASSAULT"]) == "AGREE"


def test_halves_split_on_the_records_index(tmp_path: Path) -> None:
    path = _write_gsr(tmp_path, [
        {"id": "a", "event": "AGREE", "text": "x"},
        {"id": "b", "event": "FIGHT", "text": "y"},
        {"id": "c", "event": "AGREE", "text": "z"},
    ])
    records = plover.load_records(path)
    assert [r.type for r in records] == ["AGREE", "ASSAULT", "AGREE"]
    halves = plover.halves(records, ["AGREE", "AGREE", None])
    assert (halves["all"].correct, halves["all"].total) == (1, 3)
    assert (halves["even"].correct, halves["even"].total) == (1, 2)
    assert (halves["odd"].correct, halves["odd"].total) == (0, 1)
    assert len(plover.load_records(path, limit=2)) == 2


def test_missing_data_skips_the_section(tmp_path: Path) -> None:
    result = plover.run(Options(data=tmp_path))
    assert result.rows and result.rows[0].sitroom is None
    assert "skipped" in result.skipped[0]


def test_run_scores_sentences_written_for_this_test(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(plover, "OUTPUT_DIR", tmp_path / "out")
    _write_gsr(tmp_path, [
        {"id": "1", "event": "FIGHT", "text": "Rebels attacked an army base near the capital."},
        {"id": "2", "event": "DEMAND", "text": "The opposition demanded new elections."},
    ])
    written = tmp_path / "written.json"
    written.write_text(json.dumps([{"id": "w1", "event": "PROTEST",
                                    "text": "Thousands of nurses marched through the capital."}]),
                       encoding="utf-8")
    monkeypatch.setattr(plover, "WRITTEN", written)
    result = plover.run(Options(data=tmp_path))
    by_half = {row.metric.split("(GSR dev, ")[1].split()[0]: row for row in result.rows
               if "GSR dev" in row.metric}
    assert [r.sitroom for r in result.rows if "written" in r.metric] == [1.0]
    assert by_half["all"].sitroom == 1.0
    assert by_half["all"].baseline == 0.5
    assert "most frequent type" in by_half["all"].baseline_name
    details = json.loads((tmp_path / "out" / "plover.json").read_text(encoding="utf-8"))
    assert details["per_type"]["all"]["ASSAULT"] == {"n": 1, "correct": 1, "accuracy": 1.0}


def test_the_written_sentences_use_todays_types_with_the_gsr_dev_counts() -> None:
    from collections import Counter

    from sitroom.events.lexicon import TYPES

    records = plover.load_records(plover.WRITTEN)
    counts = Counter(r.type for r in records)
    assert set(counts) <= set(TYPES)
    assert len(records) == 161 and counts["AGREE"] == 20 and counts["ASSAULT"] == 16
    assert len({r.text for r in records}) == len(records)
