"""An on-disk cache for ``voices_frame`` and ``score``: unchanged work is never recomputed.

Off by default in the library (no files are written unless you ask), on by default in the
``framing`` command line. Turn it on with :func:`enable` or the environment variable
``FRAMING_CACHE`` (a folder, or ``1`` for the default folder). Each result is stored under a key
made of

* the content of the input frame (every value, the column names, dtypes and index),
* the kit: ``framing.__version__`` plus a digest of the installed package's code and data files
  (an edited lexicon or rule is a new kit),
* the function and every other parameter.

The store is a :class:`joblib.Memory` (joblib comes with scikit-learn). After each new entry the
folder is trimmed to ``max_size`` (least recently used entries go first). :func:`clear` (or
``framing cache clear``) empties it. Results are exact: a hit returns the frame that was stored.

Examples
--------
>>> import framing.cache
>>> framing.cache.enable("/tmp/framing-cache", max_size="500M")  # doctest: +SKIP
>>> framing.cache.clear()  # doctest: +SKIP
"""

from __future__ import annotations

import contextvars
import hashlib
import os
import re
import shutil
from functools import lru_cache
from pathlib import Path

import pandas as pd

__all__ = ["clear", "disable", "enable", "folder", "info"]

_ENV, _ENV_SIZE = "FRAMING_CACHE", "FRAMING_CACHE_SIZE"
_DEFAULT_SIZE = "2G"
_state: dict = {"folder": None, "max_size": None, "explicit": False}
_inside = contextvars.ContextVar("framing_cache_inside", default=False)


def default_folder() -> Path:
    """``$XDG_CACHE_HOME/framing`` (default ``~/.cache/framing``)."""
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "framing"


def enable(path=None, *, max_size: str | int = _DEFAULT_SIZE) -> Path:
    """Cache ``voices_frame`` and ``score`` results in ``path`` (default :func:`default_folder`).

    Parameters
    ----------
    path : path, optional
    max_size : str or int
        Size limit in bytes, or with a unit: ``"500M"``, ``"2G"``.
    """
    _state.update(folder=Path(path).expanduser() if path else default_folder(), max_size=_bytes(max_size),
                  explicit=True)
    _memory.cache_clear()
    return _state["folder"]


def disable() -> None:
    """Stop caching (the files stay; :func:`clear` removes them)."""
    _state.update(folder=None, explicit=True)
    _memory.cache_clear()


def folder() -> Path | None:
    """The cache folder in use, or None when caching is off."""
    if _state["explicit"]:
        return _state["folder"]
    value = os.environ.get(_ENV, "").strip()
    if not value or value.lower() in ("0", "false", "no", "off"):
        return None
    return default_folder() if value.lower() in ("1", "true", "yes", "on") else Path(value).expanduser()


def _max_size() -> int:
    if _state["explicit"] and _state["max_size"] is not None:
        return _state["max_size"]
    return _bytes(os.environ.get(_ENV_SIZE, _DEFAULT_SIZE))


def _bytes(size: str | int) -> int:
    if isinstance(size, int):
        return size
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([KMGT]?)B?\s*", str(size), flags=re.IGNORECASE)
    if not match:
        from .errors import FramingError

        raise FramingError(f"cache size {size!r} not understood; give bytes or a number with K, M or G ('2G').")
    return int(float(match.group(1)) * 1024 ** " KMGT".index(match.group(2).upper() or " "))


def clear(path=None) -> int:
    """Delete every cached result; return the bytes freed.

    Parameters
    ----------
    path : path, optional
        The cache folder (default: the one in use, else :func:`default_folder`).
    """
    target = Path(path).expanduser() if path else (folder() or default_folder())
    freed = _size(target)
    if target.exists():
        shutil.rmtree(target / "joblib", ignore_errors=True)
    _memory.cache_clear()
    return freed


def info(path=None) -> dict:
    """Folder, size in bytes, size limit and number of cached results."""
    target = Path(path).expanduser() if path else (folder() or default_folder())
    entries = len(list((target / "joblib").glob("**/output.pkl"))) if target.exists() else 0
    return {"folder": str(target), "enabled": folder() is not None, "bytes": _size(target),
            "max_bytes": _max_size(), "entries": entries}


def _size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) if path.exists() else 0


@lru_cache(maxsize=1)
def kit_fingerprint() -> str:
    """``__version__`` + a digest of the package's files (name, size, modification time)."""
    from . import __version__

    root = Path(__file__).resolve().parent
    digest = hashlib.sha256(__version__.encode())
    for path in sorted(root.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            stat = path.stat()
            digest.update(f"{path.relative_to(root)}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return f"{__version__}-{digest.hexdigest()[:16]}"


def frame_digest(data: pd.DataFrame) -> str:
    """A digest of every value, column name, dtype and index label of ``data``."""
    digest = hashlib.sha256()
    digest.update(repr([(str(c), str(t)) for c, t in data.dtypes.items()]).encode())
    try:
        digest.update(pd.util.hash_pandas_object(data, index=True).to_numpy().tobytes())
    except TypeError:  # unhashable cells (lists, dicts): hash their text form
        digest.update(pd.util.hash_pandas_object(data.astype(str), index=True).to_numpy().tobytes())
    return digest.hexdigest()


@lru_cache(maxsize=1)
def _memory():
    import joblib

    return joblib.Memory(str(folder()), verbose=0)


# Parameters that change how a call runs, not what it returns: not part of the key.
_NOT_IN_KEY = ("progress",)


def _compute(name: str, key: str, key_params: dict, func, data, params):
    token = _inside.set(True)
    try:
        return func(data, **params)
    finally:
        _inside.reset(token)


def cached_call(func, data: pd.DataFrame, params: dict):
    """``func(data, **params)`` through the cache (called by ``score``/``voices_frame``)."""
    if folder() is None or _inside.get():
        return NotImplemented
    key = "|".join([kit_fingerprint(), frame_digest(data)])
    key_params = {k: v for k, v in params.items() if k not in _NOT_IN_KEY}
    memory = _memory()
    # joblib hashes name, key and key_params; the frame is in `key`, the function in `name`
    call = memory.cache(_compute, ignore=["func", "data", "params"])
    result = call(f"{func.__module__}.{func.__name__}", key, key_params, func, data, params)
    memory.reduce_size(bytes_limit=_max_size())
    return result
