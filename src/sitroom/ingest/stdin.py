"""Bytes piped into the command (the source ``-``), read with a cap."""

from __future__ import annotations

import sys

from sitroom.errors import EmptyInput, TooLarge

#: How the standard input is named in documents and errors.
STDIN_ORIGIN = "<stdin>"

#: Bytes read at a time, so a long pipe is refused at the limit, not after.
READ_BYTES = 64 * 1024


def read_stdin(limit: int) -> bytes:
    """All of standard input, up to ``limit`` bytes.

    Raises:
        EmptyInput: nothing was piped in.
        TooLarge: more than ``limit`` bytes arrived.
    """
    stream = sys.stdin.buffer
    data = bytearray()
    while chunk := stream.read(min(READ_BYTES, limit + 1 - len(data))):
        data += chunk
        if len(data) > limit:
            raise TooLarge(STDIN_ORIGIN, f"more than {limit} bytes (max_bytes)")
    if not data.strip():
        raise EmptyInput(STDIN_ORIGIN, "nothing on standard input")
    return bytes(data)
