"""The scraped-text cleaner: title, dates, bylines, body and removed furniture.

The fixtures under ``fixtures/text/`` are pages written for these tests in the
styles of different sites; the founding example is read from the shared data
folder at run time and never copied into the repository.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import SEED_NAME
from sitroom.errors import NoArticle
from sitroom.extract.bylines import parse_byline, split_trailing_credit
from sitroom.extract.furniture import furniture_kind, is_sidebar_heading
from sitroom.extract.text import extract_text
from sitroom.lexicons import DataFileError, compile_patterns, load_toml, str_list
from sitroom.models import Article

FIXTURES = Path(__file__).parent / "fixtures" / "text"


def clean(name: str) -> Article:
    """The article the cleaner makes of one fixture page."""
    return extract_text((FIXTURES / name).read_text(encoding="utf-8"), origin=name)


def paragraphs(article: Article) -> list[str]:
    """The body's paragraphs, checking the layout later stages rely on for offsets."""
    parts = article.text.split("\n\n")
    for part in parts:
        assert part == part.strip() and part, f"paragraph not stripped: {part!r}"
        assert "\n" not in part and "  " not in part, f"spacing not collapsed: {part!r}"
    assert "\n\n".join(parts) == article.text
    return parts


def removed(article: Article, kind: str) -> list[str]:
    """The texts removed with one kind, in page order."""
    return [r.text for r in article.removed if r.kind == kind]


def kinds(article: Article) -> set[str]:
    """The kinds of everything removed."""
    return {r.kind for r in article.removed}


def norm(line: str) -> str:
    """A line as the cleaner writes it: stripped, spacing collapsed."""
    return " ".join(line.split())


# --- the founding example -------------------------------------------------------------



@pytest.fixture(scope="module")
def seed_text(seed_path: Path) -> str:
    """The founding example's text, read from the shared data folder."""
    return seed_path.read_text(encoding="utf-8")


def test_founding_example_metadata(seed_text: str) -> None:
    article = extract_text(seed_text, origin=SEED_NAME)
    assert article.title == "'We will rally the world': US issues stark warning to Russia"
    assert article.published == "2022-02-15T15:28:00"
    assert article.updated == "2022-02-15T22:40:00"
    assert article.bylines == ["Emma Soteriou"]


def test_founding_example_keeps_every_story_paragraph_and_nothing_else(seed_text: str) -> None:
    article = extract_text(seed_text, origin=SEED_NAME)
    lines = [norm(line) for line in seed_text.splitlines() if line.strip()]
    first = next(i for i, line in enumerate(lines) if line.startswith("US President Joe Biden"))
    last = next(i for i, line in enumerate(lines) if line.endswith("to justify an invasion.\""))
    furniture = {"Listen to this article", "Loading audio..."}
    story = [line for line in lines[first:last + 1]
             if line not in furniture and not line.startswith("Read more:")]
    standfirst = next(line for line in lines if line.startswith("Nato secretary-general:"))

    assert paragraphs(article) == [standfirst, *story]
    assert any(p.startswith("PM: Signs of 'diplomatic opening'") for p in story)


def test_founding_example_drops_furniture_and_the_sidebar(seed_text: str) -> None:
    article = extract_text(seed_text, origin=SEED_NAME)
    lines = [norm(line) for line in seed_text.splitlines() if line.strip()]
    sidebar = lines[lines.index("Latest World News"):]
    body = set(paragraphs(article))

    assert not body & set(sidebar)
    for phrase in ("Latest World News", "Read more", "Listen to this article", "Loading audio"):
        assert phrase not in article.text
    assert kinds(article) == {"title", "dateline", "byline", "audio-player", "read-more",
                              "sidebar"}
    assert removed(article, "audio-player") == ["Listen to this article", "Loading audio..."]
    assert len(removed(article, "read-more")) == 2
    assert removed(article, "sidebar") == sidebar


# --- pages in the styles of other sites ---------------------------------------------


def test_guardian_style_page() -> None:
    article = clean("guardian-style.txt")
    assert article.title == ("Ukraine says Russian convoy stalled north of Kyiv as supplies "
                             "run short")
    assert article.published == "2022-03-01T10:15:00"
    assert article.updated == "2022-03-01T18:42:00"  # "Last modified on"
    assert article.bylines == ["Marta Kowalczyk", "Daniel Hart"]  # "... in Kyiv and ... in Moscow"
    body = paragraphs(article)
    assert len(body) == 7
    assert body[0].startswith("Kremlin dismisses reports")  # the standfirst stays
    assert body[1].startswith("A long column of Russian armoured vehicles")
    assert body[2].startswith("“They are stuck, and they know it,”")  # typographic quotes kept
    assert body[-1].endswith("a figure it warned was likely to rise.")
    assert removed(article, "byline") == ["Marta Kowalczyk in Kyiv and Daniel Hart in Moscow"]
    assert len(removed(article, "dateline")) == 2
    assert removed(article, "image-credit")[0].endswith(
        "Photograph: Anna Lewandowska/AFP/Getty Images")
    assert removed(article, "newsletter")[0].startswith("Sign up to First Light")
    assert removed(article, "sidebar") == ["Explore more on these topics", "Ukraine", "Russia",
                                           "Europe", "news"]
    assert removed(article, "footer") == ["Reuse this content"]


def test_reuters_style_wire_page_with_wrapped_lines() -> None:
    article = clean("reuters-style.txt")
    assert article.title == "Russia says some troops returning to bases after drills near Ukraine"
    assert article.published == "2022-02-15T15:28:00"
    assert article.updated is None  # "Updated 2 hours ago" has no date to read
    # "By" line, then the wire credits; editors are not bylines
    assert article.bylines == ["Anna Volkova", "Peter Lindqvist", "Mark Feld", "Tom Baxter"]
    body = paragraphs(article)
    assert len(body) == 5
    assert body[0] == ("MOSCOW, Feb 15 (Wire) - Russia said on Tuesday that some of its troops "
                       "were returning to their bases after completing exercises near Ukraine, "
                       "a move that Western governments said they had yet to see on the ground.")
    assert body[-1].endswith("field hospitals were still being set up near the border.")
    credits = removed(article, "byline")
    assert credits[0] == "By Anna Volkova and Peter Lindqvist"
    assert credits[1].startswith("Reporting by Anna Volkova in Moscow")
    assert credits[1].endswith("Editing by Kay Morris")  # wrapped credit joined into one
    assert removed(article, "dateline") == ["February 15, 2022 3:28 PM GMT", "Updated 2 hours ago"]
    assert removed(article, "subscribe") == [
        "Register now for FREE unlimited access to our website"]
    assert removed(article, "footer") == ["Our Standards: The Trust Principles."]


def test_us_style_page_with_most_read_list_at_the_top() -> None:
    article = clean("us-style.txt")
    assert article.title == ("Biden warns Moscow of 'swift and severe' costs as troops mass on "
                             "Ukraine's border")
    assert article.published == "2022-02-15T15:28:00"  # "February 15, 2022 at 3:28 p.m. ET"
    assert article.updated == "2022-02-15T22:40:00"  # "Updated 10:40 PM EST, Tue February 15, 2022"
    assert article.bylines == ["Rachel Morgan", "Luis Ortega"]  # the job title is dropped
    body = paragraphs(article)
    assert len(body) == 5
    assert body[0].startswith("WASHINGTON — President Biden said Tuesday")
    assert body[-1] == "The president also spoke with European leaders by phone on Monday evening."
    sidebar = removed(article, "sidebar")
    assert sidebar[0] == "Most Read"
    assert "Senate passes stopgap spending bill hours before deadline" in sidebar
    assert sidebar[-1] == "Opinion: The quiet cost of a long standoff in Eastern Europe"
    assert removed(article, "video-player") == ["Play video"]
    assert removed(article, "advert") == ["Advertisement", "Story continues below advertisement"]
    assert removed(article, "credit") == [
        "Associated Press writer Olena Petrenko in Kyiv contributed to this report."]
    assert removed(article, "share") == ["Share this article"]
    assert removed(article, "comments") == ["Comments"]
    assert removed(article, "footer") == ["© 2022 The Daily Ledger. All rights reserved."]


def test_bbc_style_page_with_image_captions_and_related_topics() -> None:
    article = clean("bbc-style.txt")
    assert article.title == "Ukraine crisis: Russia says some forces are pulling back"
    assert article.published == "2022-02-15"  # a date without a time stays a date
    assert article.updated is None
    assert article.bylines == ["Tom Ashdown"]
    body = paragraphs(article)
    assert len(body) == 5
    assert body[0].startswith("Russia says some of its forces near Ukraine's border")
    assert body[-1].endswith("an estimated 130,000 troops close to the border.")
    assert removed(article, "navigation") == ["Skip to content", "Home", "News", "Sport"]
    assert removed(article, "byline") == ["By Tom Ashdown", "BBC News, Kyiv"]
    assert removed(article, "image-credit") == ["Image source, Getty Images"]
    assert removed(article, "image-caption")[0].startswith("Image caption, Armoured vehicles")
    assert removed(article, "video-player") == [
        "Media playback is unsupported on your device",
        "Media caption, Watch: Moscow releases footage of tanks leaving the border area",
    ]
    sidebar = removed(article, "sidebar")
    assert sidebar[0] == "Related Topics"
    assert "More on this story" in sidebar and "Why is Russia threatening Ukraine?" in sidebar
    assert sidebar[-1] == "Europe"


def test_tabloid_style_page_with_players_credits_and_a_trailing_headline_run() -> None:
    article = clean("tabloid-style.txt")
    assert article.title == "Putin 'ready to talk' as Moscow claims troops are heading home"
    assert article.published == "2022-02-15T15:28:00"  # "3.28pm GMT"
    assert article.updated == "2022-02-15T21:05:00"
    assert article.bylines == ["Sarah Blake"]  # capitals tamed, job title dropped
    body = paragraphs(article)
    assert len(body) == 4
    assert body[0].startswith("Vladimir Putin said he was ready to keep talking")
    assert body[-1] == ('A Whitehall source added: "Words are cheap. We are watching what happens '
                        'on the ground."')
    assert len(removed(article, "cookie")) == 2
    assert removed(article, "audio-player") == ["Listen to article", "Loading audio..."]
    assert removed(article, "image-credit") == [
        "Picture: Reuters",
        "Russian tanks on a train in the Belgorod region on Tuesday (Photo by Ivan Sokolov / AFP)",
    ]
    assert removed(article, "read-more") == [
        "Read more: Ministers draw up plans for record sanctions package"]
    assert removed(article, "newsletter") == [
        "Subscribe to our daily newsletter for the latest on the crisis"]
    assert removed(article, "share") == ["Share on Facebook", "Share on Twitter"]
    # no heading: a final run of short lines without full stops is a list of other stories
    assert removed(article, "sidebar") == ["Celebrity couple reveal wedding date",
                                           "Pensioner wins lottery for second time",
                                           "Five things you missed on TV this week"]


# --- plain pages and pages with no article ------------------------------------------

SHORT_ARTICLE = """Talks in Geneva end without agreement

Negotiators from both sides left Geneva on Friday without a deal, but will meet next week.

"We heard each other," one diplomat said. "That is a start."

Observers said the tone was calmer than at the last round."""


def test_short_article_without_furniture_passes_through_intact() -> None:
    article = extract_text(SHORT_ARTICLE, origin="short")
    assert article.title == "Talks in Geneva end without agreement"
    assert article.text == SHORT_ARTICLE.split("\n\n", 1)[1]
    assert [r.kind for r in article.removed] == ["title"]
    assert article.published is None and article.updated is None and article.bylines == []


def test_paragraphs_without_a_title_are_all_kept() -> None:
    text = SHORT_ARTICLE.split("\n\n", 1)[1]
    article = extract_text(text, origin="untitled")
    assert article.title is None
    assert article.text == text
    assert article.removed == []


def test_spacing_is_normalised_and_quotes_kept() -> None:
    text = ("Title line for a spacing test\r\n\r\n  The minister   said\tthe “talks” were "
            "‘useful’ and would go on.  \r\n\r\n\r\n\r\nAnother paragraph follows, and it ends "
            "here.\u00a0\u200b\n")
    article = extract_text(text, origin="spacing")
    assert article.text == ("The minister said the “talks” were ‘useful’ and would go on."
                            "\n\nAnother paragraph follows, and it ends here.")


def test_page_of_furniture_only_raises_no_article() -> None:
    page = "\n\n".join([
        "Skip to main content", "Listen to this article", "Loading audio...",
        "Share this article", "Subscribe", "Read more: Markets fall as oil prices climb",
        "We use cookies to improve your experience on our site.", "Latest News",
        "Markets fall as oil prices climb", "Ten places to visit this summer",
    ])
    with pytest.raises(NoArticle) as caught:
        extract_text(page, origin="furniture.txt")
    assert caught.value.origin == "furniture.txt"


@pytest.mark.parametrize("page", ["", "   \n\n \n", "Just a headline here\n\nBy Jane Doe"])
def test_empty_or_headline_only_pages_raise_no_article(page: str) -> None:
    with pytest.raises(NoArticle):
        extract_text(page, origin="x")


# --- the shape heuristics, on pages no rule was tuned to -----------------------------


def test_subheading_that_looks_like_a_heading_but_precedes_story_is_kept() -> None:
    page = ("Ceasefire holds for a second day in the east\n\n"
            "The ceasefire agreed on Sunday held for a second day, monitors said on Tuesday.\n\n"
            "Latest developments\n\n"
            "Monitors reported only two violations overnight, both of them minor ones.\n\n"
            "Aid convoys reached three towns that had been cut off since the spring.")
    body = paragraphs(extract_text(page, origin="x"))
    assert "Latest developments" in body
    assert len(body) == 4


def test_related_box_inside_the_story_is_removed() -> None:
    page = ("Grain ships leave port under new corridor deal\n\n"
            "Three ships carrying grain left the port on Monday under the new corridor deal.\n\n"
            "Related stories\n\n"
            "Farmers count the cost of a lost harvest\n\n"
            "Insurers raise premiums for Black Sea routes\n\n"
            "The ships are expected to reach Istanbul for inspection by Wednesday morning.")
    article = extract_text(page, origin="x")
    assert removed(article, "related") == ["Related stories",
                                           "Farmers count the cost of a lost harvest",
                                           "Insurers raise premiums for Black Sea routes"]
    assert len(paragraphs(article)) == 2


def test_story_ending_with_short_quotes_under_a_heading_is_not_a_sidebar() -> None:
    page = ("Mayor orders evacuation of riverside districts\n\n"
            "The mayor ordered residents of three districts to leave their homes on Monday.\n\n"
            "More on the evacuation\n\n"
            "\"Leave now,\" she said.\n\n"
            "\"Do not wait for the water.\"\n\n"
            "Buses will run from the central station until midnight, officials said.")
    body = paragraphs(extract_text(page, origin="x"))
    assert body[-1].startswith("Buses will run")
    assert '"Leave now," she said.' in body


def test_trailing_wire_credit_in_the_last_paragraph_is_split_off() -> None:
    page = ("Port reopens after strike\n\n"
            "The port reopened on Monday after a three-day strike ended with a pay deal.\n\n"
            "Dockers said they would return to work at dawn. (Reporting by Jane Doe; "
            "Editing by John Roe)")
    article = extract_text(page, origin="x")
    assert article.text.endswith("Dockers said they would return to work at dawn.")
    assert article.bylines == ["Jane Doe"]
    assert removed(article, "byline") == ["(Reporting by Jane Doe; Editing by John Roe)"]


def test_byline_and_dateline_on_one_line() -> None:
    page = ("Sanctions widened to cover more banks\n\n"
            "By Jane Doe | February 15, 2022\n\n"
            "The European Union widened its sanctions on Tuesday to cover four more banks.")
    article = extract_text(page, origin="x")
    assert article.bylines == ["Jane Doe"]
    assert article.published == "2022-02-15"
    assert removed(article, "dateline") == ["By Jane Doe | February 15, 2022"]


def test_sentence_with_a_date_is_not_a_dateline() -> None:
    page = ("Exercises end early\n\n"
            "On 15 February 2022, troops moved.\n\n"
            "The drills were due to last until the end of the month, the ministry said.")
    article = extract_text(page, origin="x")
    assert article.published is None
    assert paragraphs(article)[0] == "On 15 February 2022, troops moved."


# --- bylines --------------------------------------------------------------------------


@pytest.mark.parametrize(("line", "names"), [
    ("By Emma Soteriou", ("Emma Soteriou",)),
    ("By Jane Doe and John Roe", ("Jane Doe", "John Roe")),
    ("By Jane Doe, Political Correspondent", ("Jane Doe",)),
    ("By Jane Doe in Kyiv and John Roe in Moscow", ("Jane Doe", "John Roe")),
    ("By Jane Doe | BBC News", ("Jane Doe",)),
    ("By Jane Doe, CNN", ("Jane Doe",)),
    ("By JANE DOE", ("Jane Doe",)),
    ("By Ursula von der Leyen", ("Ursula von der Leyen",)),
    ("Written by Jane Doe", ("Jane Doe",)),
    ("Reporting by Jane Doe; editing by John Roe", ("Jane Doe",)),
    ("(Reporting by Jane Doe in Kyiv; Writing by Ann Poe; Editing by John Roe)",
     ("Jane Doe", "Ann Poe")),
    ("Editing by John Roe", ()),
    ("By Staff and agencies", ()),
])
def test_marked_bylines(line: str, names: tuple[str, ...]) -> None:
    assert parse_byline(line) == names


@pytest.mark.parametrize("line", [
    "By Tuesday evening, troops had reached the outskirts.",
    "By contrast, Russia said its troops were leaving.",
    "By 2023 the pipeline will carry half of the gas.",
    "By the way",
    "Jane Doe in Kyiv",  # needs unmarked=True
])
def test_not_marked_bylines(line: str) -> None:
    assert parse_byline(line) is None


def test_unmarked_bylines() -> None:
    assert parse_byline("Jane Doe in Kyiv", unmarked=True) == ("Jane Doe",)
    assert parse_byline("Jane Doe, Political Correspondent", unmarked=True) == ("Jane Doe",)
    assert parse_byline("Jane Doe", unmarked=True) is None
    assert parse_byline("Jane Doe", unmarked=True, bare=True) == ("Jane Doe",)
    assert parse_byline("Russia and Ukraine", unmarked=True, bare=True) is None
    assert parse_byline("Nato chief: cautious optimism over talks", unmarked=True) is None


def test_split_trailing_credit() -> None:
    assert split_trailing_credit("It ended. (Reporting by Jane Doe)") == (
        "It ended.", "(Reporting by Jane Doe)", ("Jane Doe",))
    assert split_trailing_credit("The ministry said (in a statement).") is None
    assert split_trailing_credit("He was driven away (by car).") is None


# --- furniture rules ------------------------------------------------------------------


@pytest.mark.parametrize(("line", "kind"), [
    ("Listen to this article", "audio-player"),
    ("Loading audio…", "audio-player"),
    ("Watch: Tanks leave the border area", "video-player"),
    ("Play video", "video-player"),
    ("Read more: Ministers plan new sanctions", "read-more"),
    ("Related: What we know about the troop build-up", "related"),
    ("Share this article", "share"),
    ("Facebook Twitter WhatsApp Email", "share"),
    ("Subscribe now", "subscribe"),
    ("Accept all cookies", "cookie"),
    ("Sign up for our weekly newsletter", "newsletter"),
    ("Picture: Getty", "image-credit"),
    ("Image: Reuters", "image-credit"),
    ("Soldiers at a checkpoint. (Photo by Jane Doe / AFP via Getty Images)", "image-credit"),
    ("Advertisement", "advert"),
    ("© 2022 Example Media Ltd", "footer"),
    ("World › Europe", "navigation"),
    ("5 min read", "reading-time"),
    ("15:28", "timestamp"),
    ("01:07 Firefighters battle a blaze after a missile strike on a depot – video",
     "video-player"),
    ("Joe Biden speaks in Washington. Picture: Alamy", "image-credit"),
])
def test_furniture_rules(line: str, kind: str) -> None:
    assert furniture_kind(line) == kind


@pytest.mark.parametrize("line", [
    "Watch the border closely, officials told allied governments on Tuesday.",
    "The newsletter was sent to party members on Tuesday.",
    "Share prices fell sharply in Moscow as the rouble slid against the dollar.",
    "He said the photo was taken in Kharkiv last week.",
    "PM: Signs of 'diplomatic opening' in the crisis",
    "At 10:30 the convoy left the depot – a video of it circulated later.",
])
def test_story_lines_are_not_furniture(line: str) -> None:
    assert furniture_kind(line) is None


@pytest.mark.parametrize(("line", "heading"), [
    ("Latest World News", True),
    ("See more Latest World News", True),
    ("Most Read", True),
    ("Related Topics", True),
    ("More on this story", True),
    ("Trending now:", True),
    ("Foreign Secretary warns of possible false flag operation", False),
    ("Russia says troops are leaving", False),
])
def test_sidebar_headings(line: str, heading: bool) -> None:
    assert is_sidebar_heading(line) is heading


# --- data files ----------------------------------------------------------------------


def test_load_toml_reads_package_data_and_returns_a_copy() -> None:
    first = load_toml("furniture")
    assert first["rule"] and first == load_toml("furniture.toml")
    first["rule"].clear()
    assert load_toml("furniture")["rule"]


@pytest.mark.parametrize("name", ["../pyproject.toml", "no-such-file", "a/b"])
def test_load_toml_refuses_bad_names(name: str) -> None:
    with pytest.raises(DataFileError):
        load_toml(name)


def test_data_file_shapes_are_checked() -> None:
    with pytest.raises(DataFileError, match="bad pattern"):
        compile_patterns(["(unclosed"], where="test.toml")
    with pytest.raises(DataFileError, match="list of strings"):
        str_list({"words": "not a list"}, "words", where="test.toml")
    with pytest.raises(DataFileError, match="missing key"):
        str_list({}, "words", where="test.toml")
    assert str_list({}, "words", where="test.toml", default=[]) == []


def test_byline_with_place_and_dateline_on_one_line() -> None:
    page = ("Sanctions widened to cover more banks\n\n"
            "Jane Doe in Kyiv | 15 Feb 2022\n\n"
            "Updated 10:40 p.m. ET\n\n"
            "The European Union widened its sanctions on Tuesday to cover four more banks.")
    article = extract_text(page, origin="x")
    assert article.bylines == ["Jane Doe"]
    assert article.published == "2022-02-15"
    assert removed(article, "dateline") == ["Jane Doe in Kyiv | 15 Feb 2022",
                                            "Updated 10:40 p.m. ET"]


LIVE_BLOG = """Harbour strikes: live updates

Published 23 Jul 2022 09:00

From 23 Jul 2022 20.18 Port officials said two missiles hit the grain terminal overnight.

23 Jul 2022 19.02 The regional governor, Ivan Petrenko, said nobody had been hurt.

The city council said at 10.30 it would reopen the harbour road."""

CLOCK_BLOG = """Ferry disaster: live

01:45 Rescuers said they had found three more survivors in the water.

01:20 The coastguard said its boats would search through the night.

00:58 Officials said the ferry had carried 200 passengers.

12.15 is the time the last bulletin was read, the station said on air."""


def test_live_blog_entry_stamps_are_furniture() -> None:
    article = extract_text(LIVE_BLOG, origin="live.txt")
    paragraphs = article.text.split("\n\n")
    assert paragraphs[0] == "Port officials said two missiles hit the grain terminal overnight."
    assert paragraphs[1].startswith("The regional governor, Ivan Petrenko, said")
    assert "at 10.30 it would" in paragraphs[2]  # a time inside a sentence stays
    stamps = [r.text for r in article.removed if r.kind == "timestamp"]
    assert stamps == ["From 23 Jul 2022 20.18", "23 Jul 2022 19.02"]


AUTHORED_BLOG = """Harbour strike: live

4 Aug 2022 20.15 Mark Tully Olena Hrytsenko – the port's ex-director – says it is untrue.

4 Aug 2022 19.40 Kate Adie The harbour master said ships would wait offshore.

4 Aug 2022 19.02 Ivan Petrenko said nobody had been hurt.

4 Aug 2022 18.30 Summary Here are the main events so far."""


def test_a_live_blog_entrys_author_is_furniture() -> None:
    article = extract_text(AUTHORED_BLOG, origin="authored.txt")
    paragraphs = article.text.split("\n\n")
    assert paragraphs[0].startswith("Olena Hrytsenko – the port's ex-director – says")
    assert paragraphs[1].startswith("The harbour master said")
    # a name that is the entry's subject (a verb follows it) stays; so does a label
    assert paragraphs[2] == "Ivan Petrenko said nobody had been hurt."
    assert paragraphs[3].startswith("Summary Here are")
    assert [r.text for r in article.removed if r.kind == "byline"] == ["Mark Tully", "Kate Adie"]


def test_clock_stamps_only_where_several_entries_open_with_one() -> None:
    article = extract_text(CLOCK_BLOG, origin="clock.txt")
    assert article.text.startswith("Rescuers said they had found")
    assert [r.text for r in article.removed if r.kind == "timestamp"] == [
        "01:45", "01:20", "00:58"]
    assert "12.15 is the time" in article.text  # lower-case next word: a sentence
    single = extract_text("Harbour news today\n\n10.30 The harbour reopened after the storm "
                          "had passed, the port authority said.", origin="one.txt")
    assert "10.30 The harbour reopened" in single.text


def test_a_players_fallback_text_is_furniture() -> None:
    page = ("Podcast: the week in the war\n\n"
            "The council said the bridge would reopen on Monday after repairs were finished.\n\n"
            "Morning Briefing The siege explained Sorry your browser does not support audio - "
            "but you can download here and listen https://audio.example.org/ep12.mp3 "
            "00:00:00 00:26:08\n\n"
            "Engineers said the work had taken three weeks.")
    article = extract_text(page, origin="podcast.txt")
    assert "browser" not in article.text
    assert "Engineers said the work" in article.text
    assert [r.kind for r in article.removed if "browser" in r.text] == ["audio-player"]


def test_image_credits_inside_a_paragraph_are_cut_out() -> None:
    page = ("Live blog entries from the city\n\n"
            "Sat 2 Jul 2022 10.00 BST\n\n"
            "Residents queued for water in Soroca on Friday. Photograph: Jane Doe/Reuters "
            "The mayor said the pumps would run again by Sunday.\n\n"
            "Troops near the border. Photograph: Ivan Rusu/AFP/Getty Images The governor "
            "said ten people had died.")
    article = extract_text(page, origin="credits.txt")
    assert "Photograph" not in article.text and "Jane Doe" not in article.text
    assert "The mayor said the pumps would run again by Sunday." in article.text
    assert removed(article, "image-credit") == ["Photograph: Jane Doe/Reuters",
                                                "Photograph: Ivan Rusu/AFP/Getty Images"]
