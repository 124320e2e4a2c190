"""Where a call to ``voices_frame`` or ``score`` runs: Dask, the on-disk cache, or in process.

The two functions start with::

    if (out := route(score, locals())) is not NotImplemented:
        return out

``locals()`` at the top of a function is exactly its arguments. A Dask DataFrame goes to
:mod:`framing._dask` (one call per partition); with the cache on (:mod:`framing.cache`) the
call goes through it; otherwise ``route`` returns ``NotImplemented`` and the function runs.
"""

from __future__ import annotations

import sys


def _is_dask(data) -> bool:
    dd = sys.modules.get("dask.dataframe")  # never import dask ourselves: only if the caller did
    return dd is not None and isinstance(data, dd.DataFrame)


def route(func, arguments: dict):
    arguments = dict(arguments)
    name = next(iter(arguments))  # the frame is the first parameter
    data = arguments.pop(name)
    if _is_dask(data):
        from ._dask import map_frames

        return map_frames(func, data, arguments)
    from .cache import cached_call

    return cached_call(func, data, arguments)
