"""Storage: the only package that writes SQL. Services see repositories inside a unit of work."""

from bot.store.base import Store, UnitOfWork
from bot.store.sqlite import SqliteStore

__all__ = ["SqliteStore", "Store", "UnitOfWork"]
