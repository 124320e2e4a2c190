"""Pausing Python's cyclic garbage collector around a corpus-sized call."""

from __future__ import annotations

import gc
from contextlib import contextmanager


@contextmanager
def collector_paused():
    """Pause the cyclic garbage collector for one call: ``score``'s measures and the voices engine
    build millions of small lists, tuples and records at once, each thousand of which would set
    the collector going over the objects of the process again; they leave no reference cycles to
    collect (the whole archive's voices: none found after the call)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
