"""Notebooks that need the shared corpora skip without them (and fail under CI), with a reason.

(Here at the root, not in notebooks/: ``--doctest-modules`` imports every conftest.py of the
test paths as a module named ``conftest``, and two of them would clash with tests/conftest.py.)

nbmake runs every notebook top to bottom. A notebook needs the corpora when its code calls
``framing.corpora_dir()`` or a corpus reader (``load_kcna``, ``load_polnear``, ...); which
corpora it needs is read from the reader names and the ``"<corpus>"`` folder names in its code.
A notebook can say so itself in its metadata: ``{"framing": {"corpora": ["kcna", ...]}}``
(an empty list: needs none). Notebooks that need no corpora (the demo notebook) always run.

The notebooks of one session share a ``framing.cache`` folder (``FRAMING_CACHE`` for their
kernels, unless it is set already): 02 and 05 split the same 615 AllSides articles into voices,
and the second reads the first's result instead of recomputing it (results are exact). Tests
outside the notebooks run without the cache, as before.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile

import pytest

from framing._config import corpora_skip_reason
from framing._notebooks import notebook_corpora


def pytest_runtest_setup(item):
    path = getattr(item, "path", None)
    if path is None or path.suffix != ".ipynb":
        return
    needed = notebook_corpora(json.loads(path.read_text(encoding="utf-8")))
    if not needed:
        return
    reason = corpora_skip_reason(needed)
    if reason is None:
        return
    reason = f"{path.name} needs {reason}"
    if os.environ.get("CI"):
        pytest.fail(reason, pytrace=False)
    pytest.skip(reason)


_NOTEBOOK_CACHE: list = []  # the session's cache folder, made when the first notebook runs


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_call(item):
    path = getattr(item, "path", None)
    if path is None or path.suffix != ".ipynb" or "FRAMING_CACHE" in os.environ:
        yield
        return
    if not _NOTEBOOK_CACHE:
        _NOTEBOOK_CACHE.append(tempfile.mkdtemp(prefix="framing-notebook-cache-"))
    os.environ["FRAMING_CACHE"] = _NOTEBOOK_CACHE[0]  # inherited by the notebook's kernel
    try:
        yield
    finally:
        del os.environ["FRAMING_CACHE"]


def pytest_sessionfinish(session):
    for folder in _NOTEBOOK_CACHE:
        shutil.rmtree(folder, ignore_errors=True)
