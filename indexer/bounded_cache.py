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
    """At most ``size`` entries (``size`` >= 1); the least recently used goes first.

    ``get`` builds a missing value outside the lock, so two threads may both build one;
    the value must then be the same whichever is kept.
    """

    def __init__(self, size: int):
        if size < 1:
            raise ValueError(f"size must be at least 1, not {size}")
        self.size = size
        self._items: OrderedDict[K, V] = OrderedDict()
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._items)

    def get(self, key: K, make: Callable[[], V]) -> V:
        """The value for ``key``, built by ``make()`` (and kept) when missing."""
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
        value = make()
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)
        return value
