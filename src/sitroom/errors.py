"""Errors sitroom raises, as a tree.

    SitroomError
    ├── InputError             one input cannot be read or understood (permanent:
    │   │                      report it, skip it, go on with the batch)
    │   ├── EmptyInput         nothing but whitespace, or zero bytes
    │   ├── BinaryInput        not text, HTML, a feed or a WARC
    │   ├── TooLarge           over the configured size limit
    │   ├── DecodeError        bytes that no encoding explains, truncated gzip
    │   ├── MalformedInput     a feed, WARC or page that does not parse
    │   ├── NoArticle          parsed, but no article body was found
    │   └── FetchError         a URL could not be fetched (after retries), or robots.txt forbids it
    └── StoreError             the database refused an operation
"""

from __future__ import annotations


class SitroomError(Exception):
    """Base of every error sitroom raises on purpose."""


class InputError(SitroomError):
    """One input could not be turned into an article; the batch goes on.

    The message is one line that names the input and the problem.
    """

    kind = "input"

    def __init__(self, origin: str, problem: str) -> None:
        self.origin = origin
        self.problem = problem
        super().__init__(f"{origin}: {problem}")

    def __reduce__(self) -> tuple[object, ...]:
        # Rebuild from (origin, problem) plus attributes, so errors cross process pools.
        return (self.__class__, (self.origin, self.problem), dict(self.__dict__))


class EmptyInput(InputError):
    kind = "empty"


class BinaryInput(InputError):
    kind = "binary"


class TooLarge(InputError):
    kind = "too-large"


class DecodeError(InputError):
    kind = "decode"


class MalformedInput(InputError):
    kind = "malformed"


class NoArticle(InputError):
    kind = "no-article"


class FetchError(InputError):
    kind = "fetch"

    def __init__(self, origin: str, problem: str, status: int | None = None) -> None:
        super().__init__(origin, problem)
        self.status = status
        """The HTTP status of the last answer, when the server answered at all."""


class StoreError(SitroomError):
    """The database refused an operation."""
