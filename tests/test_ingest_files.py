"""Ingest from files, folders, globs and stdin: formats, and every kind of bad input."""

from __future__ import annotations

import gzip
import io
import shutil
import sys
from pathlib import Path

import pytest

from sitroom.errors import (
    BinaryInput,
    DecodeError,
    EmptyInput,
    InputError,
    MalformedInput,
    TooLarge,
)
from sitroom.ingest import decode, iter_documents
from sitroom.ingest.files import expand
from sitroom.models import RawDocument
from sitroom.settings import Options

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
OFFLINE = Options(fetch=False)
PNG = bytes.fromhex("89504e470d0a1a0a0000000d49484452") + bytes(range(256)) * 4
#: Fixed "random" bytes: every byte value, shuffled by a fixed rule, repeated.
NOISE = bytes((i * 167 + 13) % 256 for i in range(4096))


def run(*sources: str | Path, options: Options = OFFLINE) -> list[RawDocument | InputError]:
    """Everything ingest yields for some sources."""
    return list(iter_documents([str(s) for s in sources], options))


def docs(items: list[RawDocument | InputError]) -> list[RawDocument]:
    return [item for item in items if isinstance(item, RawDocument)]


def errors(items: list[RawDocument | InputError]) -> list[InputError]:
    return [item for item in items if isinstance(item, InputError)]


def only_error(items: list[RawDocument | InputError]) -> InputError:
    assert len(items) == 1, items
    assert isinstance(items[0], InputError), items
    return items[0]


# --- formats -------------------------------------------------------------------------


def test_html_file_is_one_html_document() -> None:
    [doc] = run(FIXTURES / "story.html")
    assert isinstance(doc, RawDocument)
    assert doc.format == "html"
    assert doc.via == "file"
    assert doc.origin == doc.path == str(FIXTURES / "story.html")
    assert "third day" in decode(doc)


def test_text_and_markdown_files_are_text(tmp_path: Path) -> None:
    (tmp_path / "notes.md").write_text("# Briefing\n\nThe envoy arrived on Monday.\n")
    items = run(FIXTURES / "story.txt", tmp_path / "notes.md")
    assert [d.format for d in docs(items)] == ["text", "text"]


def test_gzipped_html_by_suffix_and_by_magic(tmp_path: Path) -> None:
    page = (FIXTURES / "story.html").read_bytes()
    (tmp_path / "story.html.gz").write_bytes(gzip.compress(page))
    (tmp_path / "saved-page").write_bytes(gzip.compress(page))  # no suffix: sniffed
    items = run(tmp_path / "story.html.gz", tmp_path / "saved-page")
    assert [(d.format, d.data) for d in docs(items)] == [("html", page), ("html", page)]


def test_multi_member_gzip_is_read_whole(tmp_path: Path) -> None:
    (tmp_path / "two.txt.gz").write_bytes(gzip.compress(b"First half. ") + gzip.compress(b"Then."))
    [doc] = run(tmp_path / "two.txt.gz")
    assert isinstance(doc, RawDocument)
    assert doc.data == b"First half. Then."


def test_unknown_suffix_is_sniffed(tmp_path: Path) -> None:
    (tmp_path / "page.dat").write_bytes(b"<!doctype html><html><body><p>Hi.</p></body></html>")
    (tmp_path / "fragment").write_bytes(b"<div><p>One.</p><p>Two.</p><p>Three.</p></div>")
    (tmp_path / "note.log").write_bytes(b"The convoy left at noon, a spokesman said.\n")
    (tmp_path / "feed.dat").write_bytes((FIXTURES / "world.rss").read_bytes())
    items = run(*(tmp_path / n for n in ("page.dat", "fragment", "note.log", "feed.dat")))
    assert [d.format for d in docs(items)][:3] == ["html", "html", "text"]
    assert [d.format for d in docs(items)][3:] == ["feed-item", "feed-item"]


def test_utf8_bom_text_decodes_without_bom_and_with_unix_newlines() -> None:
    [doc] = run(FIXTURES / "bom.txt")
    assert isinstance(doc, RawDocument)
    assert decode(doc) == "The minister’s statement\nwas read aloud.\n"


def test_cp1252_pages_decode_declared_and_undeclared() -> None:
    for name in ("cp1252.html", "cp1252-undeclared.html"):
        [doc] = run(FIXTURES / name)
        assert isinstance(doc, RawDocument), doc
        text = decode(doc)
        assert "€3.50 – “unbearable”, said the café’s owner" in text, name


def test_malformed_html_is_passed_on(tmp_path: Path) -> None:
    (tmp_path / "broken.html").write_bytes(b"<html><body><p>Unclosed <b>tags <div>and </span>more")
    [doc] = run(tmp_path / "broken.html")
    assert isinstance(doc, RawDocument)
    assert doc.format == "html"


# --- folders and globs -----------------------------------------------------------------


def test_folder_is_walked_sorted_recursively_skipping_hidden(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.txt").write_text("Second story text.")
    (tmp_path / "a.html").write_text("<html><body><p>First story.</p></body></html>")
    (tmp_path / ".hidden.txt").write_text("Never read.")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "inside.txt").write_text("Never read either.")
    (tmp_path / "picture.png").write_bytes(PNG)  # not a news suffix: skipped in folders
    items = run(tmp_path)
    assert [Path(d.origin).name for d in docs(items)] == ["a.html", "two.txt"]
    assert errors(items) == []


def test_folder_without_news_files_warns_once(tmp_path: Path) -> None:
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0" + NOISE)
    error = only_error(run(tmp_path))
    assert type(error) is InputError
    assert "no news files found" in str(error)
    assert str(tmp_path) in str(error)


def test_glob_matches_recursively(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "news" / "2022" / "feb").mkdir(parents=True)
    (tmp_path / "news" / "2022" / "feb" / "one.html").write_text("<p>a</p><p>b</p><p>c</p>")
    (tmp_path / "news" / "top.html").write_text("<p>a</p><p>b</p><p>c</p>")
    (tmp_path / "news" / "skip.txt").write_text("Not matched by the pattern.")
    items = run("news/**/*.html")
    assert [d.origin for d in docs(items)] == ["news/2022/feb/one.html", "news/top.html"]


def test_glob_matching_nothing(tmp_path: Path) -> None:
    error = only_error(run(tmp_path / "*.html"))
    assert "no files match" in str(error)


def test_missing_path_and_the_batch_goes_on() -> None:
    items = run("no/such/story.html", FIXTURES / "story.txt")
    assert isinstance(items[0], InputError)
    assert str(items[0]) == "no/such/story.html: no such file or directory"
    assert isinstance(items[1], RawDocument)


def test_unsupported_url_scheme() -> None:
    error = only_error(run("ftp://archive.test/story.html"))
    assert "unsupported URL scheme" in str(error)


# --- bad input -------------------------------------------------------------------------


def test_empty_and_whitespace_files(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.html").write_bytes(b"  \n\t\n")
    items = run(tmp_path / "empty.txt", tmp_path / "blank.html")
    assert [type(item) for item in items] == [EmptyInput, EmptyInput]
    assert str(items[0]).endswith("empty.txt: empty file")


def test_binary_files_are_refused(tmp_path: Path) -> None:
    (tmp_path / "image.png").write_bytes(PNG)
    (tmp_path / "story.html").write_bytes(PNG)  # lying suffix: the magic bytes win
    (tmp_path / "noise.txt").write_bytes(NOISE)
    (tmp_path / "noise").write_bytes(NOISE)
    items = run(*(tmp_path / n for n in ("image.png", "story.html", "noise.txt", "noise")))
    assert [type(item) for item in items] == [BinaryInput] * 4
    assert "PNG image" in str(items[0])


def test_file_over_the_size_limit_is_refused_unread(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"word " * 1000)
    error = only_error(run(big, options=Options(fetch=False, max_bytes=1000)))
    assert isinstance(error, TooLarge)
    assert "5000 bytes" in str(error)


def test_gzip_bomb_stops_at_the_limit(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.html.gz"
    bomb.write_bytes(gzip.compress(b"<p>" + b"a" * 5_000_000))  # about 5 KB on disk
    assert bomb.stat().st_size < 100_000
    error = only_error(run(bomb, options=Options(fetch=False, max_bytes=100_000)))
    assert isinstance(error, TooLarge)
    assert "decompressed" in str(error)


def test_truncated_gzip(tmp_path: Path) -> None:
    whole = gzip.compress((FIXTURES / "story.html").read_bytes() * 20)
    (tmp_path / "cut.html.gz").write_bytes(whole[: len(whole) // 2])
    error = only_error(run(tmp_path / "cut.html.gz"))
    assert isinstance(error, DecodeError)
    assert "truncated gzip" in str(error)


def test_corrupt_gzip(tmp_path: Path) -> None:
    (tmp_path / "bad.txt.gz").write_bytes(b"\x1f\x8b\x08\x00" + NOISE[:200])
    assert isinstance(only_error(run(tmp_path / "bad.txt.gz")), DecodeError)


def test_undecodable_text_is_a_decode_error(tmp_path: Path) -> None:
    # Only high bytes, no control characters: not binary, but no encoding makes sense of it.
    (tmp_path / "mangled.txt").write_bytes(bytes(128 + (i * 37) % 128 for i in range(3000)))
    error = only_error(run(tmp_path / "mangled.txt"))
    assert isinstance(error, DecodeError)
    assert "mangled.txt" in str(error)


def test_permission_denied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("Classified.")
    real_fileio = io.FileIO

    def refuse(file: object, *args: object, **kwargs: object) -> io.FileIO:
        if str(file) == str(secret):
            raise PermissionError(13, "Permission denied", str(file))
        return real_fileio(file, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(io, "FileIO", refuse)
    items = run(secret, FIXTURES / "story.txt")
    assert isinstance(items[0], InputError)
    assert str(items[0]) == f"{secret}: permission denied"
    assert isinstance(items[1], RawDocument)


def test_broken_feeds_name_the_file() -> None:
    items = run(FIXTURES / "broken.rss", FIXTURES / "notafeed.xml")
    assert [type(item) for item in items] == [MalformedInput, MalformedInput]
    assert "broken.rss" in str(items[0])
    assert "notafeed.xml" in str(items[1])


def test_a_bad_input_does_not_stop_the_batch(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "noise.txt").write_bytes(NOISE)
    shutil.copy(FIXTURES / "story.html", tmp_path / "z-story.html")
    items = run(tmp_path, "missing.txt", FIXTURES / "broken.rss", FIXTURES / "story.txt")
    assert [type(i).__name__ for i in items] == [
        "EmptyInput",
        "BinaryInput",
        "RawDocument",
        "InputError",
        "MalformedInput",
        "RawDocument",
    ]
    assert all("\n" not in str(e) for e in errors(items))


# --- stdin -----------------------------------------------------------------------------


class _Stdin:
    """A stand-in for sys.stdin with a binary buffer."""

    def __init__(self, data: bytes) -> None:
        self.buffer = io.BytesIO(data)


def test_stdin_text(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", _Stdin(b"The envoy spoke briefly.\r\n"))
    [doc] = run("-")
    assert isinstance(doc, RawDocument)
    assert (doc.origin, doc.via, doc.format) == ("<stdin>", "stdin", "text")
    assert decode(doc) == "The envoy spoke briefly.\n"


def test_stdin_feed_and_gzip(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", _Stdin(gzip.compress((FIXTURES / "world.rss").read_bytes())))
    items = run("-")
    assert [d.origin for d in docs(items)] == ["<stdin>#item-1", "<stdin>#item-2"]


def test_stdin_empty_and_too_large(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", _Stdin(b""))
    assert isinstance(only_error(run("-")), EmptyInput)
    monkeypatch.setattr(sys, "stdin", _Stdin(b"x" * 5000))
    assert isinstance(only_error(run("-", options=Options(fetch=False, max_bytes=1000))), TooLarge)


def test_folder_walk_skips_the_folders_own_readme(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text("# About these pages\n\nNotes for the archive.\n")
    (tmp_path / "story.txt").write_text("Troops massed near the border, officials said.\n")
    found = [p.name for p in expand(str(tmp_path)) if isinstance(p, Path)]
    assert found == ["story.txt"]
    named = list(expand(str(tmp_path / "README.md")))
    assert named == [tmp_path / "README.md"]
