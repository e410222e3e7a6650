"""Alembic migrations of the store, run by :class:`sitroom.store.Store` on open."""
