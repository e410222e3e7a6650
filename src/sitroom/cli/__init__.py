"""The ``sitroom`` command line: thin over the library (see ``app.py``)."""

from sitroom.cli.app import app, main

__all__ = ["app", "main"]
