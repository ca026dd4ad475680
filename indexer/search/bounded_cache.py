"""A thread-safe least-recently-used cache for what is worth keeping per index generation
but must not grow with the index (``functools.lru_cache`` holds one per function, not one
per object): ``cachetools.LRUCache``, weighted by its ``getsizeof``, behind a lock."""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable
from contextlib import suppress
from typing import Generic, TypeVar

from cachetools import LRUCache

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")
_MISSING = object()


class BoundedCache(Generic[K, V]):
    """Entries weighing at most ``size`` in all (``size`` >= 1, else ValueError); the least
    recently used go first. Each entry weighs ``weigh(value)`` (default 1: ``size`` counts
    entries); an entry heavier than ``size`` is returned but not kept.

    ``get`` builds a missing value outside the lock, so two threads may both build one;
    the value must then be the same whichever is kept.
    """

    def __init__(self, size: int, weigh: Callable[[V], int] | None = None):
        if size < 1:
            raise ValueError(f"size must be at least 1, not {size}")
        self.size = size
        self._items: LRUCache[K, V] = LRUCache(size, getsizeof=weigh)
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._items)

    @property
    def weight(self) -> int:
        """The entries' weight in all."""
        return int(self._items.currsize)

    def get(self, key: K, make: Callable[[], V]) -> V:
        """The value for ``key``, built by ``make()`` (and kept) when missing."""
        with self._lock:
            value = self._items.get(key, _MISSING)  # a hit becomes the most recently used
        if value is not _MISSING:
            return value
        value = make()
        # cachetools refuses a value heavier than the whole cache ("value too large")
        with self._lock, suppress(ValueError):
            self._items[key] = value
        return value
