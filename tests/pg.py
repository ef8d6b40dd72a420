"""PostgreSQL for tests: a fresh schema per test on the server of TEST_POSTGRES_URL (by default the
one the CI machines run at 127.0.0.1:5432, user postgres, database test), dropped after it. Where no
server answers, a PostgreSQL test is skipped and says why (pytest -rs)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from urllib.parse import quote

import pytest

SERVER = os.environ.get("TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test")
_reachable: str | None = None  # None: not asked yet; "": reachable; else why not


def why_unreachable() -> str:
    """'' when the test server answers; else one sentence for the skip (asked once per run)."""
    global _reachable
    if _reachable is None:
        try:
            import psycopg

            with psycopg.connect(SERVER, connect_timeout=3) as conn:
                conn.execute("SELECT 1")
            _reachable = ""
        except Exception as exc:  # any failure: the reason goes into the skip
            first = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
            _reachable = f"PostgreSQL at {SERVER} is not reachable ({first}); set TEST_POSTGRES_URL to run these"
    return _reachable


def with_schema(schema: str) -> str:
    """The server's URL with every connection's search_path set to `schema`."""
    joiner = "&" if "?" in SERVER else "?"
    return f"{SERVER}{joiner}options={quote(f'-csearch_path={schema}')}"


@contextmanager
def own_schema(prefix: str = "t") -> Iterator[str]:
    """A URL to a fresh schema of its own on the test server, dropped on leaving."""
    import psycopg

    schema = f"{prefix}_{uuid.uuid4().hex[:16]}"
    with psycopg.connect(SERVER, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    try:
        yield with_schema(schema)
    finally:
        with psycopg.connect(SERVER, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """A URL to a schema of its own, dropped after the test."""
    reason = why_unreachable()
    if reason:
        pytest.skip(reason)
    with own_schema() as url:
        yield url
