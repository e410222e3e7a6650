"""PolNeAR's brat reader and the quote scorer, on annotations small enough to check by hand."""

from __future__ import annotations

from pathlib import Path

from bench import polnear, quotes
from bench.polnear import GoldQuote, gold_quotes, parse_ann, parse_spans, score_article
from bench.quotes import PredQuote, source_matches

# An article written for this test, with offsets counted by hand (see TEXT.index below).
TEXT = (
    'The minister said that talks would resume soon. "We are ready," he added, '
    '"and we will not wait."\n\nOfficials believe the deal is close.'
)
ANN = "\n".join(
    [
        "T1\tSource 0 12\tThe minister",
        "T2\tCue 13 17\tsaid",
        "T3\tContent 18 46\tthat talks would resume soon",
        "T4\tAttribution 13 17\tsaid",
        "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1",
        'T5\tContent 48 61;74 96\t"We are ready "and we will not wait.',
        "T6\tSource 64 66\the",
        "T7\tCue 67 72\tadded",
        "T8\tAttribution 67 72\tadded",
        "E2\tAttribution:T8 Content:T5 Cue:T7 Source:T6",
        "T9\tCue 109 116\tbelieve",
        "T10\tContent 117 134\tthe deal is close",
        "T11\tAttribution-no-source 109 116\tbelieve",
        "E3\tAttribution-no-source:T11 Content:T10 Cue:T9",
        "T12\tDiscard 0 3\tThe",
        "#1\tAnnotatorNotes T1\ta note the reader ignores",
        "",
    ]
)


def test_hand_offsets_are_right() -> None:
    assert TEXT[0:12] == "The minister"
    assert TEXT[18:46] == "that talks would resume soon"
    assert TEXT[48:61] == '"We are ready'
    assert TEXT[74:96] == '"and we will not wait.'
    assert TEXT[64:66] == "he"
    assert TEXT[117:134] == "the deal is close"


def test_parse_spans_reads_discontinuous_fragments() -> None:
    assert parse_spans("10 20") == ((10, 20),)
    assert parse_spans("10 20;25 40") == ((10, 20), (25, 40))


def test_parse_ann_reads_text_bounds_and_events() -> None:
    ann = parse_ann(ANN)
    assert ann.textbounds["T5"].label == "Content"
    assert ann.textbounds["T5"].spans == ((48, 61), (74, 96))
    assert ann.textbounds["T12"].label == "Discard"
    assert [e.id for e in ann.events] == ["E1", "E2", "E3"]
    e1 = ann.events[0]
    assert (e1.type, e1.trigger) == ("Attribution", "T4")
    assert dict(e1.args) == {"Content": "T3", "Cue": "T2", "Source": "T1"}


def test_gold_quotes_tie_content_to_source_through_the_event() -> None:
    gold = gold_quotes(parse_ann(ANN))
    assert [g.id for g in gold] == ["E1", "E2", "E3"]
    assert gold[0].source == "The minister"
    assert gold[0].cue == "said"
    assert gold[1].spans == ((48, 61), (74, 96))
    assert gold[1].source == "he"
    assert gold[2].source is None  # Attribution-no-source


def test_second_content_role_joins_the_first() -> None:
    ann = parse_ann(
        "T1\tContent 10 20\tx\nT2\tSource 0 5\ty\nT3\tContent 30 40\tz\n"
        "T4\tCue 6 9\tw\nT5\tAttribution 6 9\tw\n"
        "E1\tAttribution:T5 Cue:T4 Source:T2 Content:T3 Content2:T1\n"
    )
    [gold] = gold_quotes(ann)
    assert gold.spans == ((10, 20), (30, 40))


def test_load_split_takes_the_first_annotator_in_sorted_order(tmp_path: Path) -> None:
    (tmp_path / "dev" / "text").mkdir(parents=True)
    (tmp_path / "dev" / "attributions").mkdir()
    (tmp_path / "dev" / "text" / "paper_2016-09-12_story.txt").write_text(TEXT, encoding="utf-8")
    ann_dir = tmp_path / "dev" / "attributions"
    (ann_dir / "paper_2016-09-12_story_ef2d.ann").write_text("", encoding="utf-8")
    (ann_dir / "paper_2016-09-12_story_4e07.ann").write_text(ANN, encoding="utf-8")
    (tmp_path / "metadata.tsv").write_text(
        "compartment\tfilename\tpublisher\tpublication_date\n"
        "dev\tpaper_2016-09-12_story\tpaper\t2016-09-12\n",
        encoding="utf-8",
    )
    [article] = polnear.load_split(tmp_path)
    assert article.annotator == "4e07"
    assert len(article.gold) == 3
    assert article.published == "2016-09-12"
    assert polnear.offset_mismatches(article) == 0


# --- scoring -----------------------------------------------------------------------------


def _gold(start: int, end: int, source: str | None = "The minister") -> GoldQuote:
    return GoldQuote(id="E", spans=((start, end),), text=TEXT[start:end], source=source)


def _pred(start: int, end: int, mention: str | None = None, name: str | None = None) -> PredQuote:
    return PredQuote(
        text=TEXT[start:end], spans=((start, end),), speaker_mention=mention, speaker_name=name
    )


def test_half_the_words_covered_is_found_and_less_is_not() -> None:
    # "that talks would resume soon": 5 words at 18..46
    gold = [_gold(18, 46)]
    assert TEXT[18:35] == "that talks would "  # 3 of 5 words: found
    assert score_article(TEXT, gold, [_pred(18, 35)]).counts.found == 1
    assert TEXT[18:29] == "that talks "  # 2 of 5: not found
    assert score_article(TEXT, gold, [_pred(18, 29)]).counts.found == 0


def test_exactly_half_is_found() -> None:
    # "the deal is close": 4 words; "the deal" covers 2 = 50%
    gold = [_gold(117, 134, source=None)]
    assert TEXT[117:125] == "the deal"
    result = score_article(TEXT, gold, [_pred(117, 125)])
    assert result.counts.found == 1
    assert result.counts.found_no_source == 1
    assert result.counts.source_total == 0  # no gold source: left out of source accuracy


def test_a_word_counts_as_covered_by_its_middle() -> None:
    gold = [_gold(117, 134, source=None)]  # the deal is close
    # a span cutting "deal" after "de" misses it (its middle is outside); "the" alone is 1/4
    assert score_article(TEXT, gold, [_pred(117, 123)]).counts.found == 0


def test_each_prediction_is_used_once_and_precision_counts_the_rest() -> None:
    gold = [_gold(18, 46), _gold(18, 46)]
    preds = [_pred(0, 46), _pred(117, 134)]
    c = score_article(TEXT, gold, preds).counts
    assert (c.gold, c.pred, c.found) == (2, 2, 1)
    assert c.precision == 0.5
    assert c.recall == 0.5


def test_discontinuous_gold_counts_the_words_of_all_fragments() -> None:
    gold = GoldQuote(id="E2", spans=((48, 61), (74, 96)), text="", source="he")
    # words: We are ready and we will not wait = 8; the first fragment alone covers 3
    assert score_article(TEXT, [gold], [_pred(48, 61)]).counts.found == 0
    assert score_article(TEXT, [gold], [_pred(48, 96)]).counts.found == 1


def test_source_matches_by_shared_content_word() -> None:
    assert source_matches("The minister", "the Minister", None)
    assert source_matches("Foreign Secretary Liz Truss", "Ms Truss", "Liz Truss")
    assert source_matches("Donald Trump’s campaign", None, "Donald Trump")
    assert not source_matches("The minister", "the official", "John Smith")
    # stop words and one-letter tokens are not content words
    assert not source_matches("the people of the state", "the mayor of the city", None)
    assert not source_matches("A. Smith", "A. Jones", None)


def test_a_pronoun_source_is_named_by_the_same_words() -> None:
    assert source_matches("he", "He", "Joe Biden")
    assert not source_matches("he", None, "Joe Biden")
    assert not source_matches("they", "he", None)


def test_source_accuracy_of_found_quotes() -> None:
    gold = [_gold(18, 46, "The minister"), _gold(117, 134, "Officials")]
    preds = [_pred(18, 46, "the minister", "Jane Doe"), _pred(117, 134, "he", "John Smith")]
    c = score_article(TEXT, gold, preds).counts
    assert (c.found, c.source_total, c.source_right) == (2, 2, 1)
    assert c.source_accuracy == 0.5


def test_bag_of_words_rule_matches_score_quotes() -> None:
    gold = [_gold(18, 46)]
    # score_quotes.py compares words, not places: the same words elsewhere count
    elsewhere = PredQuote(text="soon would talks resume that", spans=((0, 3),))
    assert score_article(TEXT, gold, [elsewhere]).counts.found == 0
    assert score_article(TEXT, gold, [elsewhere], bag=True).counts.found == 1


def test_contract_quote_becomes_a_prediction() -> None:
    q = {
        "type": "direct",
        "text": "We are ready",
        "span": [49, 60],
        "speaker": {
            "id": "x",
            "name": "Jane Doe",
            "mention": "he",
            "span": [64, 66],
            "resolved_by": "pronoun",
        },
        "cue": {"text": "added", "span": [67, 72]},
    }
    p = quotes.from_contract(q)
    assert p.spans == ((49, 60),)
    assert (p.speaker_mention, p.speaker_name, p.speaker_span) == ("he", "Jane Doe", (64, 66))
    assert quotes.from_contract({"text": "x", "span": [0, 1], "speaker": None}).speaker_name is None


def _contract(text: str, span: tuple[int, int], speaker: tuple[int, int] | None,
              cue: tuple[int, int] | None) -> dict[str, object]:
    return {
        "text": text,
        "span": list(span),
        "type": "direct",
        "speaker": None if speaker is None else {"mention": "he", "span": list(speaker)},
        "cue": None if cue is None else {"text": "added", "span": list(cue)},
    }


def test_attributions_join_the_pieces_of_one_cue_and_source() -> None:
    # '"We are ready," he added, "and we will not wait."' is one PolNeAR attribution
    first = _contract("We are ready,", (49, 62), (64, 66), (67, 72))
    second = _contract("and we will not wait.", (75, 96), (64, 66), (67, 72))
    other = _contract("the deal is close", (117, 134), (100, 108), (109, 116))
    preds = polnear.attributions([first, second, other])
    assert [p.spans for p in preds] == [((49, 62), (75, 96)), ((117, 134),)]
    assert preds[0].text == "We are ready, and we will not wait."
    assert preds[0].speaker_mention == "he"


def test_attributions_keep_quotes_apart_without_a_shared_cue() -> None:
    a = _contract("A", (0, 1), (5, 7), None)
    b = _contract("B", (10, 11), (5, 7), None)
    c = _contract("C", (20, 21), None, (30, 35))
    d = _contract("D", (40, 41), None, (30, 35))
    assert len(polnear.attributions([a, b, c, d])) == 4
