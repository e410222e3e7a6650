"""Data files of the package (lexicons, patterns, outlets), loaded and checked in one place.

Files live in ``sitroom/data/*.toml`` so that users can read and extend them.
``load_toml`` parses one file once per process; the helpers below check the
shape of what a stage reads from it, so that a broken edit fails loudly with
the file and key named, instead of silently matching nothing.
"""

from __future__ import annotations

import copy
import re
import tomllib
from collections.abc import Mapping
from functools import cache
from importlib.resources import files
from typing import Any

from sitroom.errors import SitroomError

#: The package and folder that hold the data files.
DATA_PACKAGE = "sitroom"
DATA_FOLDER = "data"

#: Data file names are plain names: no folders, so a name can never escape the data folder.
_FILE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*")


class DataFileError(SitroomError, ValueError):
    """A data file is missing, does not parse, or has the wrong shape."""


def load_toml(name: str) -> dict[str, Any]:
    """Parse one TOML data file of the package.

    Args:
        name: the file's name in ``sitroom/data``, with or without ``.toml``
            (``"furniture"`` and ``"furniture.toml"`` are the same file).

    Returns:
        The parsed document, a fresh copy the caller may change.

    Raises:
        DataFileError: the name is not a plain file name, or the file is
            missing or is not valid TOML.
    """
    return copy.deepcopy(_load_cached(_file_name(name)))


def str_list(table: Mapping[str, Any], key: str, *, where: str, default: list[str] | None = None
             ) -> list[str]:
    """A list of strings under ``key``, checked.

    Args:
        table: a table of a parsed data file.
        key: the key to read.
        where: names the file and table in error messages, e.g. ``"furniture.toml [[rule]] 3"``.
        default: returned when the key is absent; None makes the key required.

    Returns:
        The strings, in file order.

    Raises:
        DataFileError: the key is missing (and required) or is not a list of strings.
    """
    if key not in table:
        if default is None:
            raise DataFileError(f"{where}: missing key {key!r}")
        return list(default)
    value = table[key]
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise DataFileError(f"{where}: {key!r} must be a list of strings")
    return list(value)


def table_list(table: Mapping[str, Any], key: str, *, where: str) -> list[dict[str, Any]]:
    """An array of tables (``[[key]]``) under ``key``, checked; empty when absent.

    Raises:
        DataFileError: the key holds something other than an array of tables.
    """
    value = table.get(key, [])
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        raise DataFileError(f"{where}: {key!r} must be an array of tables ([[{key}]])")
    return list(value)


def sub_table(table: Mapping[str, Any], key: str, *, where: str) -> dict[str, Any]:
    """A table (``[key]``) under ``key``, checked; empty when absent.

    Raises:
        DataFileError: the key holds something other than a table.
    """
    value = table.get(key, {})
    if not isinstance(value, dict):
        raise DataFileError(f"{where}: {key!r} must be a table ([{key}])")
    return dict(value)


def compile_patterns(patterns: list[str], *, where: str, flags: int = re.IGNORECASE
                     ) -> list[re.Pattern[str]]:
    """Compile regular expressions read from a data file.

    Raises:
        DataFileError: one pattern is not a valid Python regular expression.
    """
    compiled: list[re.Pattern[str]] = []
    for pattern in patterns:
        try:
            compiled.append(re.compile(pattern, flags))
        except re.error as exc:
            raise DataFileError(f"{where}: bad pattern {pattern!r}: {exc}") from exc
    return compiled


def _file_name(name: str) -> str:
    """The file name for ``name``, with the ``.toml`` suffix, checked."""
    if not _FILE_NAME.fullmatch(name):
        raise DataFileError(f"not a data file name: {name!r}")
    return name if name.endswith(".toml") else f"{name}.toml"


@cache
def _load_cached(file_name: str) -> dict[str, Any]:
    """Read and parse one data file, once per process."""
    resource = files(DATA_PACKAGE).joinpath(DATA_FOLDER).joinpath(file_name)
    try:
        raw = resource.read_bytes()
    except (FileNotFoundError, IsADirectoryError) as exc:
        raise DataFileError(f"{DATA_FOLDER}/{file_name}: no such data file") from exc
    try:
        return tomllib.loads(raw.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise DataFileError(f"{DATA_FOLDER}/{file_name}: {exc}") from exc
