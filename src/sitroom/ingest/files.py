"""Source strings that name files: a path, a folder (searched recursively) or a glob pattern."""

from __future__ import annotations

import glob
import logging
import os
from collections.abc import Iterator
from pathlib import Path

from sitroom.errors import InputError
from sitroom.ingest.sniff import NEWS_SUFFIXES, name_suffix

log = logging.getLogger(__name__)

#: Characters that make a source string a glob pattern when no such path exists.
GLOB_CHARS = frozenset("*?[")

_LOOKED_FOR = ", ".join(sorted(NEWS_SUFFIXES))

#: A folder's own documentation is not news: skipped in folder walks (named on its own, it is read).
_PROJECT_FILES = frozenset({"readme", "license", "licence", "changelog", "contributing", "notice"})


def expand(source: str) -> Iterator[Path | InputError]:
    """The files a source string names, in a stable order, and problems with them.

    Hidden files and folders (names starting with ``.``) are skipped in folders.
    """
    path = Path(source).expanduser()
    try:
        if path.is_dir():
            yield from _folder(path, source)
            return
        if path.exists() or path.is_symlink():
            yield path
            return
    except OSError as exc:
        yield os_error(source, exc)
        return
    if GLOB_CHARS.intersection(source):
        yield from _glob(source)
        return
    yield InputError(source, "no such file or directory")


def os_error(origin: str, exc: OSError) -> InputError:
    """An InputError from an operating system error ("permission denied", ...)."""
    problem = exc.strerror or str(exc) or type(exc).__name__
    return InputError(origin, problem[0].lower() + problem[1:])


def _glob(pattern: str) -> Iterator[Path | InputError]:
    """Files matching a pattern (``**`` spans folders); folders among them are searched."""
    # Path.glob takes no absolute patterns; glob.glob also skips hidden names for us.
    expanded = str(Path(pattern).expanduser())
    matches = sorted(glob.glob(expanded, recursive=True))  # noqa: PTH207
    if not matches:
        yield InputError(pattern, "no files match")
        return
    for match in matches:
        path = Path(match)
        if path.is_dir():
            yield from _folder(path, match)
        else:
            yield path


def _folder(folder: Path, origin: str) -> Iterator[Path | InputError]:
    """The news files under a folder, or one InputError when there are none."""
    found = False
    for item in _walk(folder):
        found = found or isinstance(item, Path)
        yield item
    if not found:
        yield InputError(origin, f"no news files found (looked for {_LOOKED_FOR}, also .gz)")


def _is_project_file(name: str) -> bool:
    """README.md, LICENSE and the like."""
    return name.split(".", 1)[0].lower() in _PROJECT_FILES


def _walk(folder: Path) -> Iterator[Path | InputError]:
    """Files with a news suffix under a folder, sorted by name, hidden ones skipped.

    Links to folders are not followed, so a link loop cannot trap the walk.
    """
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError as exc:
        yield os_error(str(folder), exc)
        return
    for entry in entries:
        if entry.name.startswith(".") or _is_project_file(entry.name):
            continue
        path = Path(entry.path)
        try:
            if entry.is_dir(follow_symlinks=False):
                yield from _walk(path)
            elif entry.is_file() and name_suffix(entry.name) in NEWS_SUFFIXES:
                yield path
            else:
                log.debug("%s: skipped, not a news file", path)
        except OSError as exc:
            yield os_error(str(path), exc)
