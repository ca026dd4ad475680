"""A small thread-safe least-recently-used cache, for what is worth keeping per index
generation but must not grow with the index (``functools.lru_cache`` holds one per
function, not one per object)."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class BoundedCache(Generic[K, V]):
    """Entries weighing at most ``size`` in all (``size`` >= 1); the least recently used go
    first. Each entry weighs ``weigh(value)`` (default 1: ``size`` counts entries); an entry
    heavier than ``size`` is returned but not kept.

    ``get`` builds a missing value outside the lock, so two threads may both build one;
    the value must then be the same whichever is kept.
    """

    def __init__(self, size: int, weigh: Callable[[V], int] | None = None):
        if size < 1:
            raise ValueError(f"size must be at least 1, not {size}")
        self.size = size
        self._weigh = weigh
        self._items: OrderedDict[K, tuple[V, int]] = OrderedDict()
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
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key][0]
        value = make()
        weight = self._weigh(value) if self._weigh else 1
        if weight > self.size:
            return value
        with self._lock:
            old = self._items.pop(key, None)
            self._weight += weight - (old[1] if old else 0)
            self._items[key] = (value, weight)
            while self._weight > self.size:
                _, (_, dropped) = self._items.popitem(last=False)
                self._weight -= dropped
        return value
