"""Approximate size in bytes of a cached value, for ``stats()`` and ``max_size``.

``sys.getsizeof`` summed over the objects a value reaches through containers and instance
attributes, each object counted once, at most ``LIMIT`` objects (a bound on the time it
takes; past it the sum is a lower bound). Arrays and frames count their buffers: numpy
``nbytes``, pandas ``memory_usage(deep=False)`` (object cells by pointer, which is cheap),
polars ``estimated_size()``.
"""

from __future__ import annotations

import sys
from typing import Any

LIMIT = 10_000


def approx_size(value: Any) -> int:
    seen: set[int] = set()
    stack = [value]
    total = 0
    while stack and len(seen) < LIMIT:
        obj = stack.pop()
        if id(obj) in seen:
            continue
        seen.add(id(obj))
        module = type(obj).__module__.partition(".")[0]
        if module in ("numpy", "pandas", "polars"):
            total += _frame_size(obj, module)
            continue
        try:
            total += sys.getsizeof(obj)
        except TypeError:
            continue
        if isinstance(obj, (str, bytes, bytearray, int, float, complex, bool, type(None))):
            continue
        if isinstance(obj, dict):
            stack.extend(obj.keys())
            stack.extend(obj.values())
        elif isinstance(obj, (list, tuple, set, frozenset)):
            stack.extend(obj)
        else:
            attrs = getattr(obj, "__dict__", None)
            if isinstance(attrs, dict):
                stack.append(attrs)
            for name in getattr(type(obj), "__slots__", ()):
                if isinstance(name, str) and hasattr(obj, name):
                    stack.append(getattr(obj, name))
    return total


def _frame_size(obj: Any, module: str) -> int:
    try:
        if module == "numpy":
            return int(getattr(obj, "nbytes", 0)) + 112
        if module == "pandas" and hasattr(obj, "memory_usage"):
            usage = obj.memory_usage(index=True, deep=False)
            return int(usage.sum() if hasattr(usage, "sum") else usage)
        if module == "polars" and hasattr(obj, "estimated_size"):
            return int(obj.estimated_size())
        return sys.getsizeof(obj)
    except Exception:  # a size is a statistic: never let it fail a call
        return 0


__all__ = ["LIMIT", "approx_size"]
