"""A thread-safe least-recently-used cache for what is worth keeping per index generation
but must not grow with the index (``functools.lru_cache`` holds one per function, not one
per object): an ``OrderedDict`` in use order, weighed as a whole, its changes behind a
lock. A hit is a lookup and a move to the end, without the lock: each is one call into
C, which no other thread interrupts (0.25 µs against 0.6 µs behind the lock and 1.3 µs
for ``cachetools.LRUCache``, whose hit runs through four Python methods; a search makes
dozens)."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")
_MISSING = object()


def _one(_: object) -> int:
    return 1


class BoundedCache(Generic[K, V]):
    """Entries weighing at most ``size`` in all (``size`` >= 1, else ValueError); the least
    recently used go first. Each entry weighs ``weigh(value)`` (default 1: ``size`` counts
    entries; the same each time it is asked for a value); an entry heavier than ``size`` is
    returned but not kept.

    ``get`` builds a missing value outside the lock, so two threads may both build one;
    the value must then be the same whichever is kept.
    """

    def __init__(self, size: int, weigh: Callable[[V], int] | None = None):
        if size < 1:
            raise ValueError(f"size must be at least 1, not {size}")
        self.size = size
        self._weigh = weigh or _one
        self._items: OrderedDict[K, V] = OrderedDict()  # least recently used first
        self._weight = 0
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._items)

    @property
    def weight(self) -> int:
        """The entries' weight in all."""
        return self._weight

    def get(self, key: K, make: Callable[[], V]) -> V:
        """The value for ``key``, built by ``make()`` (and kept) when missing."""
        items = self._items
        value = items.get(key, _MISSING)
        if value is not _MISSING:
            try:  # noqa: SIM105 (contextlib.suppress costs what the lock did)
                items.move_to_end(key)  # now the most recently used
            except KeyError:  # pushed out by another thread meanwhile: still the value
                pass
            return value  # type: ignore[return-value]
        value = make()
        weight = self._weigh(value)
        if weight > self.size:
            return value
        with self._lock:
            old = items.pop(key, _MISSING)  # made by another thread meanwhile
            if old is not _MISSING:
                self._weight -= self._weigh(old)  # type: ignore[arg-type]
            items[key] = value
            self._weight += weight
            while self._weight > self.size:
                self._weight -= self._weigh(items.popitem(last=False)[1])
        return value
